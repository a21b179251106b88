"""Privacy and safety: owner-only files, no silent overwrite, escaped HTML, bound SQL, no network."""

from __future__ import annotations

import ast
import os
import re
import socket
import stat
import subprocess
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from reliability_helpers import REPO, SAMPLES, child_env

from minutes_tui.cli import cli as minutes
from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store
from minutes_tui.export import FORMATS, export_meeting


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def _run_with_umask_0(*args: str, db: Path) -> subprocess.CompletedProcess:
    """The CLI in its own process with the most permissive umask: privacy must not rely on it."""
    return subprocess.run([sys.executable, "-m", "minutes_tui", *args, "--db", str(db)], capture_output=True,
                          text=True, env=child_env(db), cwd=REPO, preexec_fn=lambda: os.umask(0), timeout=60)


def test_database_wal_drafts_backups_and_exports_are_owner_only(tmp_path):
    db = tmp_path / "new-folder" / "minutes.db"
    assert _run_with_umask_0("import", str(SAMPLES / "cosi-2021-11-22.md"), db=db).returncode == 0
    assert _private(db) and _private(db.parent)
    store = Store(db)  # while it is open, SQLite keeps its -wal and -shm files
    session = Session(store, 1, FrozenClock(datetime(2021, 11, 22, 10)))
    session.apply_line("/next")
    session.apply_line("DE called for calm")
    store.save_draft(1, "a draft is stored in the database file itself", datetime(2021, 11, 22, 10))
    for suffix in ("-wal", "-shm"):
        assert _private(db.parent / (db.name + suffix)), suffix
    assert _run_with_umask_0("backup", str(tmp_path / "copy.db"), db=db).returncode == 0
    assert _private(tmp_path / "copy.db")
    for fmt in FORMATS:
        target = tmp_path / f"minutes.{fmt}"
        result = _run_with_umask_0("export", "1", "--format", fmt, "-o", str(target), db=db)
        assert result.returncode == 0, result.stderr
        assert _private(target), fmt
    store.close()


@pytest.mark.parametrize("command", [("export", "1", "-o"), ("backup",)])
def test_outputs_are_never_overwritten_without_force(tmp_path, command):
    db = tmp_path / "minutes.db"
    runner = CliRunner()
    assert runner.invoke(minutes, ["import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db)]).exit_code == 0
    target = tmp_path / "precious.txt"
    target.write_text("the only copy")
    target.chmod(0o644)
    refused = runner.invoke(minutes, [*command, str(target), "--db", str(db)])
    assert refused.exit_code == 1 and "--force" in refused.output
    assert target.read_text() == "the only copy"
    forced = runner.invoke(minutes, [*command, str(target), "--force", "--db", str(db)])
    assert forced.exit_code == 0, forced.output
    assert target.read_bytes() != b"the only copy"
    assert _private(target), "an overwritten file must become owner-only too"


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'single\' </p><!-- -->'


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def test_html_export_escapes_everything():
    details = MeetingDetails(committee=HOSTILE, short_name=HOSTILE, place=HOSTILE, agenda_ref=HOSTILE,
                             doc_number=HOSTILE, classification=HOSTILE, subject=HOSTILE, sender=HOSTILE)
    items = [AgendaItem(None, "1.", HOSTILE, section=HOSTILE, doc_refs=[HOSTILE], presenter=HOSTILE, position=0)]
    store = Store(":memory:")
    meeting_id = store.create_meeting(ParsedAgenda(details, items, [None]), datetime(2021, 11, 22, 10))
    session = Session(store, meeting_id, FrozenClock(datetime(2021, 11, 22, 10)))
    session.apply_line("/next")
    for line in (f"DE: {HOSTILE}", HOSTILE, f"/outcome {HOSTILE}", f"/action DE: {HOSTILE}",
                 f"The <b>Chair</b> of it: said {HOSTILE}"):
        session.apply_line(line)
    html = export_meeting(session.meeting, "html")
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert not [a for a in parser.attributes if a.startswith("on")]
    assert "<script>" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html


SQL_CALLS = {"execute", "executescript", "executemany"}
ALLOWED_NAMES = {  # names that may be formatted into SQL: identifiers and numbers from code, never user text
    "table", "k", "key", "name", "column", "columns", "number", "where_sql", "placeholders", "order",
    "MIGRATIONS", "SCHEMA_VERSION", "limit_sql", "clauses", "conditions", "joins", "sql_where", "sort",
    "fields", "extra", "condition", "filters", "wheres", "direction", "expression", "order_by", "t",
}


def _formatted_sql_sites():
    """Every execute()-like call in minutes_tui/ whose SQL is an f-string, .format() or % expression,
    with the names it interpolates."""
    sites = []
    for path in sorted((REPO / "minutes_tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS
                    and node.args):
                continue
            sql = node.args[0]
            built = isinstance(sql, ast.JoinedStr) or (isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod)) or (
                isinstance(sql, ast.Call) and isinstance(sql.func, ast.Attribute) and sql.func.attr == "format")
            if built:
                names = {n.id for n in ast.walk(sql) if isinstance(n, ast.Name)}
                sites.append((f"{path.relative_to(REPO)}:{node.lineno}", names))
    return sites


def test_sql_is_never_formatted_from_user_text():
    """Honest scope: every SQL string built by formatting is listed, and may interpolate only the
    identifier/number names above (table and column names from code, join()s of '?' placeholders).
    A new site interpolating anything else fails here and must be reviewed (bind it with ?)."""
    sites = _formatted_sql_sites()
    assert sites, "the walk should find the store's table-name formatting"
    suspicious = [(where, names - ALLOWED_NAMES - {"f", "_", "self", "values", "changes", "range", "len"})
                  for where, names in sites]
    assert [s for s in suspicious if s[1]] == []


def test_no_network_connection_in_a_whole_cycle(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network use: {args!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    db = tmp_path / "minutes.db"
    runner = CliRunner()
    assert runner.invoke(minutes, ["import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db)],
                         catch_exceptions=False).exit_code == 0
    store = Store(db)
    session = Session(store, 1, FrozenClock(datetime(2021, 11, 22, 10)))
    store.acquire_lock(1, datetime(2021, 11, 22, 10))
    for line in ("/next", "/outcome adopted", "/next", "DE, FR: supported it", "/present DE FR", "a note"):
        session.apply_line(line)
    store.release_lock(1)
    store.close()
    for fmt in FORMATS:
        result = runner.invoke(minutes, ["export", "1", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"),
                                         "--db", str(db)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    for args in (["list"], ["search", "supported"], ["backup", str(tmp_path / "b.db")]):
        assert runner.invoke(minutes, [*args, "--db", str(db)], catch_exceptions=False).exit_code == 0
