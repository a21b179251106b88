"""The real app in a real terminal (tmux): killed while typing, closed by SIGHUP/SIGTERM, opened twice.

A line counts as acknowledged once the app has drawn it in the record (it is drawn from the session
only after its transaction committed); the screen is captured *before* the kill, so everything seen
there must be in the database afterwards. Timeouts are safety bounds only.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from reliability_helpers import Tmux, child_env, integrity, new_meeting, wait_for

from minutes_tui.core.store import Store

pytestmark = pytest.mark.tmux
ROUNDS = int(os.environ.get("MINUTES_TUI_CRASH_ROUNDS", "200"))  # ~2 s each; set fewer for a quick local run


@pytest.fixture
def terminal():
    opened = []
    home = Path(tempfile.mkdtemp(prefix="mtui"))  # short: a socket path must fit in 108 bytes

    def start(db, meeting_id, name="t"):
        app = Tmux(home / "tmux.sock", [sys.executable, "-m", "minutes_tui", "open", str(meeting_id), "--db", str(db)],
                   child_env(db), name=name)
        opened.append(app)
        wait_for(lambda: "Record of" in app.screen() or app.dead(), what="the app to start")
        assert not app.dead(), app.screen()
        return app

    yield start
    if opened:
        opened[0].close()  # our own tmux server (its own socket), with every window in it
    shutil.rmtree(home, ignore_errors=True)


def _record_area(screen: str) -> str:
    """The screen without the entry line (whose rows start with ▊)."""
    return "\n".join(line for line in screen.splitlines() if not line.startswith("▊"))


def _entry_line(screen: str) -> str:
    return "\n".join(line for line in screen.splitlines() if line.startswith("▊"))


def _stored(db, meeting_id):
    store = Store(db)
    try:
        texts = [r[0] for r in store.conn.execute("SELECT text FROM entries WHERE meeting_id = ?", [meeting_id])]
        return texts, store.load_draft(meeting_id)
    finally:
        store.close()


def _type_line(app, line, shown=None):
    """Type a line and Enter at a human pace: wait until the record shows it before going on."""
    app.type(line)
    app.key("Enter")
    wait_for(lambda: (shown or line) in _record_area(app.screen()), what=f"{line!r} to be recorded")


def _clear_draft(db, meeting_id):
    store = Store(db)
    try:
        store.save_draft(meeting_id, "", datetime(2021, 11, 22, 10))
    finally:
        store.close()


def test_sigkill_while_typing_keeps_every_acknowledged_line_and_the_draft(db, terminal):
    meeting_id = new_meeting(db)
    rng = random.Random(1122)
    for round_ in range(ROUNDS):
        _clear_draft(db, meeting_id)  # each round starts from an empty entry line
        app = terminal(db, meeting_id, name=f"r{round_}")
        assert "read-only" not in app.screen(), "the killed app's stale lock was not taken over"
        for k in range(rng.randint(0, 2)):
            _type_line(app, f"line-{round_}-{k}")
        half = f"draft-{round_} half typed"
        wait_for_draft = rng.random() < 0.5
        if wait_for_draft:  # the app saves the draft by itself, about every second
            app.type(half)
            wait_for(lambda: _stored(db, meeting_id)[1] == half, what="the draft to be saved")
        else:  # kill while a line is in flight: it may or may not be stored, but not twice or damaged
            app.type(f"inflight-{round_}")
            app.key("Enter")
        seen = set(re.findall(rf"line-{round_}-\d+|inflight-{round_}", _record_area(app.screen())))
        os.kill(app.pid, signal.SIGKILL)
        wait_for(app.dead, what="the kill")
        texts, draft = _stored(db, meeting_id)
        for line in seen:  # drawn in the record before the kill: stored, once
            assert texts.count(line) == 1, (round_, line, texts)
        assert texts.count(f"inflight-{round_}") <= 1
        assert integrity(db) == "ok"
        if wait_for_draft:
            assert draft == half
            restarted = terminal(db, meeting_id, name=f"check{round_}")
            wait_for(lambda: half in _entry_line(restarted.screen()), what="the draft in the restarted entry line")
            os.kill(restarted.pid, signal.SIGKILL)
            wait_for(restarted.dead, what="the kill")


def test_lines_typed_faster_than_the_app_reads_stay_separate(db, terminal):
    """Keys arriving in one burst (a busy app, a fast typist) keep their lines apart, in order.
    (Regression: Enter ran ahead of queued characters and joined lines; fixed in the entry line.)"""
    meeting_id = new_meeting(db)
    app = terminal(db, meeting_id)
    lines = [f"burst line {n}" for n in range(5)]
    for line in lines:
        app.type(line)
        app.key("Enter")
    wait_for(lambda: len(_stored(db, meeting_id)[0]) >= len(lines), what="the burst to be stored")
    assert _stored(db, meeting_id)[0] == lines


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hangup_and_terminate_lose_nothing(db, terminal, signum):
    meeting_id = new_meeting(db)
    app = terminal(db, meeting_id)
    _type_line(app, "DE called for calm", shown="called for calm")
    _type_line(app, "a note before closing")
    app.type("typed but never sent")
    wait_for(lambda: "typed but never sent" in _entry_line(app.screen()), what="the typing to show")
    pid = app.pid
    os.kill(pid, signum)
    wait_for(app.dead, what="the app to exit")
    texts, draft = _stored(db, meeting_id)
    assert "called for calm" in texts and "a note before closing" in texts
    assert draft == "typed but never sent"
    store = Store(db)
    try:
        assert store.conn.execute("SELECT count(*) FROM locks WHERE pid = ?", [pid]).fetchone()[0] == 0
    finally:
        store.close()
    assert integrity(db) == "ok"


def _status(pid: int, field: str) -> str:
    """A field of /proc/PID/status; "gone" once the process is (its zombie may wait for a reaper)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return "gone"
    return "gone" if re.search(r"^State:\s+Z", status, re.M) else re.search(rf"^{field}:\s+(.*)$", status, re.M).group(1)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="counts threads in /proc")
def test_a_closed_terminal_ends_the_process(db, terminal):
    """The kernel sends SIGHUP then SIGCONT when the terminal closes. Textual restarted its terminal
    mode on the SIGCONT (meant for coming back from a suspend): a second output thread, which died
    at its first write to the gone terminal, and once 30 writes were queued for it, quitting waited
    forever (a process left behind, found after a test run)."""
    meeting_id = new_meeting(db)
    app = terminal(db, meeting_id)
    pid = app.pid
    threads = _status(pid, "Threads")
    os.kill(pid, signal.SIGCONT)  # not suspended: nothing to resume
    _type_line(app, "DE called for calm", shown="called for calm")
    assert _status(pid, "Threads") == threads
    app.close()  # the terminal goes: SIGHUP, SIGCONT
    wait_for(lambda: _status(pid, "State") == "gone", what="the process to end")
    assert "called for calm" in _stored(db, meeting_id)[0]


def test_second_window_on_the_same_meeting_is_read_only_and_other_meetings_work(db, terminal):
    first_id = new_meeting(db)
    second_id = new_meeting(db)
    first = terminal(db, first_id, name="first")
    again = terminal(db, first_id, name="again")
    wait_for(lambda: "read-only" in again.screen(), what="the read-only banner")
    other = terminal(db, second_id, name="other")
    assert "read-only" not in other.screen()
    _type_line(first, "written in the first window")
    _type_line(other, "written in the other meeting")
    again.type("must not be written")
    again.key("Enter")
    wait_for(lambda: "written in the first window" in _stored(db, first_id)[0], what="the first window's line")
    wait_for(lambda: "written in the other meeting" in _stored(db, second_id)[0], what="the other window's line")
    for window in (first, again, other):
        os.kill(window.pid, signal.SIGTERM)
        wait_for(window.dead, what="exit")
    assert "must not be written" not in _stored(db, first_id)[0]
    # The read-only window did not release the first window's lock, nor take it: none is left.
    store = Store(db)
    try:
        assert store.conn.execute("SELECT count(*) FROM locks").fetchone()[0] == 0
    finally:
        store.close()
