"""Shared helpers of the reliability suite (imported by its tests; pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings

from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_agendas"

# Property tests: reproducible in CI (derandomize) and a few seconds each.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


def agenda() -> ParsedAgenda:
    items = [
        AgendaItem(None, "1.", "Adoption of the agenda", doc_refs=["CM 5119/21"], position=0),
        AgendaItem(None, "2.", "Counter-terrorism", position=1),
        AgendaItem(None, "3.", "AOB", position=2),
    ]
    details = MeetingDetails(committee="Standing Committee (COSI)", short_name="COSI", agenda_ref="CM 5119/21")
    return ParsedAgenda(details, items, [None, None, None])


def new_meeting(db: Path, open_first_item: bool = True) -> int:
    """A meeting in `db` (created if needed) with its first item open; returns its id."""
    clock = FrozenClock(datetime(2021, 11, 22, 10, 0, 0))
    store = Store(db)
    try:
        meeting_id = store.create_meeting(agenda(), clock.now())
        if open_first_item:
            Session(store, meeting_id, clock).go_next()
    finally:
        store.close()
    return meeting_id


def entry_texts(db: Path, meeting_id: int | None = None) -> list[str]:
    store = Store(db)
    try:
        sql = "SELECT text FROM entries" + (" WHERE meeting_id = ?" if meeting_id else "") + " ORDER BY id"
        return [r[0] for r in store.conn.execute(sql, [meeting_id] if meeting_id else [])]
    finally:
        store.close()


def integrity(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def child_env(db: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "TEXTUAL"))}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CI", None)  # Textual would otherwise not run interactively in the terminal
    if db is not None:
        env["MINUTES_DB"] = str(db)
    return env


def cli(*args: str, db: Path, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
    """`minutes ARGS` as a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "minutes_tui", *args, "--db", str(db)],
        capture_output=True, text=True, env=child_env(db), timeout=timeout, cwd=REPO,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"minutes {' '.join(args)} failed: {result.stderr}")
    return result


def wait_for(condition, timeout: float = 20.0, interval: float = 0.05, what: str = "condition"):
    """Poll until `condition()` is truthy; the timeout is only a safety bound, never an assertion on speed."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


class Tmux:
    """One private tmux server (its own socket) running one command in a fixed-size window."""

    def __init__(self, socket: Path, command: list[str], env: dict[str, str], width: int = 110, height: int = 32,
                 name: str = "t"):
        self.socket, self.name = str(socket), name
        exports = " ".join(f"{k}={shlex_quote(v)}" for k, v in env.items() if k in ("PYTHONPATH", "MINUTES_DB", "PATH", "HOME"))
        line = f"exec env {exports} TERM=xterm-256color {' '.join(shlex_quote(c) for c in command)}"
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", name, line)
        self.tmux("set-option", "-t", name, "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=20).stdout

    @property
    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def key(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def close(self) -> None:
        self.tmux("kill-server")


def shlex_quote(value: str) -> str:
    import shlex

    return shlex.quote(value)


def have_tmux() -> bool:
    return shutil.which("tmux") is not None
