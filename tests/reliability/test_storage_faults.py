"""Storage faults: a failed save is all-or-nothing, in the database and in the Session's memory.

Faults are injected three ways:
- at SQLite level, deterministically: an authorizer that refuses the COMMIT, or the last statement
  of the transaction (the `updated_at` stamp), so the failure comes after every row change was made;
- a real full disk: SQLite's own `PRAGMA max_page_count` on the store's connection, and (where this
  machine lets root mount one) a tiny tmpfs that really runs out of space;
- a real read-only file system (tmpfs remounted read-only); as root, chmod does not stop writes,
  so chmod 0o400 is only tested when not running as root.
"""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime

import pytest

from reliability_helpers import REPO, child_env, cli, integrity, new_meeting, wait_for

from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store, StoreError
from minutes_tui.tui.app import make_app


@pytest.fixture
def clock():
    return FrozenClock(datetime(2021, 11, 22, 10, 0, 0))


def _prepared(db, meeting, clock) -> Session:
    """A session in the middle of a meeting: item 2 open, entries, an outcome, a speaker on the floor."""
    session = Session(Store(db), meeting, clock)
    for line in ("DE called for more", "a note", "/next", "FR, NL: supported it", "/outcome took note",
                 "/present DE FR", "/queue PL ES", "/floor"):
        clock.advance(seconds=5)
        session.apply_line(line)
    return session


def _entry(session, kind="note"):
    return next(e for e in session.meeting.entries if e.kind.value == kind)


OPERATIONS = {
    "note": lambda s: s.apply_line("another note"),
    "intervention": lambda s: s.apply_line("IT called for calm"),
    "next": lambda s: s.apply_line("/next"),
    "prev": lambda s: s.apply_line("/prev"),
    "go": lambda s: s.apply_line("/go 1"),
    "outcome replaced": lambda s: s.apply_line("/outcome endorsed the text"),
    "outcome postponed": lambda s: s.apply_line("/outcome postponed"),
    "action": lambda s: s.apply_line("/action DE: send comments by 30 July"),
    "attendance": lambda s: s.apply_line("/remote DE SE"),
    "add item": lambda s: s.apply_line("/add 2.1 AOB point"),
    "postpone": lambda s: s.apply_line("/postpone"),
    "withdraw": lambda s: s.apply_line("/withdraw"),
    "undo": lambda s: s.apply_line("/undo"),
    "end turn": lambda s: s.apply_line("/end explained the plan"),
    "next speaker": lambda s: s.apply_line("/floor"),
    "edit entry": lambda s: s.edit_entry(_entry(s).id, text="changed"),
    "delete entry": lambda s: s.delete_entry(_entry(s).id),
    "move entry": lambda s: s.move_entry(_entry(s, "intervention").id, 1),
    "move item": lambda s: s.move_item(s.meeting.items[1].id, 1),
    "add sub-item": lambda s: s.add_item("Sub", "2.a", after_item_id=s.meeting.items[1].id, as_child=True),
    "details": lambda s: s.update_details(place="Brussels, Justus Lipsius"),
    "end meeting": lambda s: s.end_meeting(),
}


def _memory(session):
    return copy.deepcopy((session.meeting, session.current_item_id, session.floor, session.queue))


def _tables(db):
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY id").fetchall()
                for t in ("meetings", "items", "entries", "attendance", "events")}
    finally:
        conn.close()


def _refuse(conn, what):
    """Make the next transaction fail late: at its COMMIT, or at its last statement."""
    def authorizer(action, arg1, arg2, database, trigger):
        if what == "commit" and action == sqlite3.SQLITE_TRANSACTION and arg1 == "COMMIT":
            return sqlite3.SQLITE_DENY
        if what == "last statement" and action == sqlite3.SQLITE_UPDATE and arg1 == "meetings" and arg2 == "updated_at":
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)


@pytest.mark.parametrize("fault", ["commit", "last statement"])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_failed_save_changes_nothing_in_memory_or_on_disk(db, meeting, clock, operation, fault):
    session = _prepared(db, meeting, clock)
    clock.advance(seconds=5)
    before_memory, before_rows = _memory(session), _tables(db)
    _refuse(session.store.conn, fault)
    with pytest.raises(StoreError) as error:
        OPERATIONS[operation](session)
    assert "\n" not in str(error.value) and str(db) in str(error.value)
    assert _tables(db) == before_rows, "the database changed although the save failed"
    assert _memory(session) == before_memory, "the session's memory changed although the save failed"
    # Once the fault is gone the same operation succeeds, and memory matches the store again.
    session.store.conn.set_authorizer(None)
    OPERATIONS[operation](session)
    stored = session.store.load_meeting(meeting)
    assert sorted(map(repr, session.meeting.items)) == sorted(map(repr, stored.items))
    assert sorted(map(repr, session.meeting.entries)) == sorted(map(repr, stored.entries))
    assert integrity(db) == "ok"


def _fill_until_full(session, prefix="line") -> list[str]:
    """Apply lines until the store reports the disk full; returns the lines that were acknowledged."""
    kept = []
    for n in range(100_000):
        line = f"{prefix} {n} " + "x" * 400
        try:
            session.apply_line(line)
        except StoreError as error:
            assert "full" in str(error).lower(), error
            assert "\n" not in str(error)
            return kept
        kept.append(line)
    raise AssertionError("the disk never filled up")


def test_disk_full_by_sqlite_page_limit(db, meeting, clock):
    session = Session(Store(db), meeting, clock)
    pages = session.store.conn.execute("PRAGMA page_count").fetchone()[0]
    session.store.conn.execute(f"PRAGMA max_page_count = {pages + 20}")
    kept = _fill_until_full(session)
    before = _memory(session)
    with pytest.raises(StoreError):
        session.apply_line("the line that does not fit " + "y" * 400)
    assert _memory(session) == before
    session.store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    session.apply_line("the line that does not fit " + "y" * 400)  # retried: now it is kept
    texts = [e.text for e in Store(db).load_meeting(meeting).entries]
    assert texts == [*kept, "the line that does not fit " + "y" * 400]
    assert integrity(db) == "ok"


@pytest.fixture
def tiny_fs(tmp_path):
    """A 1 MB tmpfs, if this machine lets us mount one (root with CAP_SYS_ADMIN); else skip."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=700", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_disk_really_full_on_a_tiny_tmpfs(tiny_fs, clock):
    db = tiny_fs / "minutes.db"
    meeting = new_meeting(db)
    filler = tiny_fs / "filler"
    session = Session(Store(db), meeting, clock)
    # Leave about 100 KB free, then type until it is gone.
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
                os.fsync(handle.fileno())
                if os.statvfs(tiny_fs).f_bavail * os.statvfs(tiny_fs).f_frsize < 100_000:
                    break
        except OSError:
            pass
    kept = _fill_until_full(session)
    before = _memory(session)
    line = "typed while the disk was full"
    with pytest.raises(StoreError):
        session.apply_line(line)
    for step in (session.go_next, lambda: session.apply_line("/add 9. Any other business " + "z" * 4000)):
        with pytest.raises(StoreError, match="full"):  # not "cannot rollback": SQLite rolled back itself
            step()
    assert _memory(session) == before
    filler.unlink()  # the user frees space; the same line is retried
    session.apply_line(line)
    session.store.close()
    texts = [e.text for e in Store(db).load_meeting(meeting).entries]
    assert texts == [*kept, line]
    assert integrity(db) == "ok"


def _fill(folder):
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


def test_exports_and_backups_on_a_really_full_disk(tiny_fs, db, meeting):
    """What is written is complete or not there: an old file is kept, no partial one is left, and the
    one line names the file that could not be written (not the database)."""
    (tiny_fs / "minutes.docx").write_bytes(b"the old minutes")
    _fill(tiny_fs)
    for args, target in [(("export", "--format", "docx", "--force", "-o"), "minutes.docx"),
                         (("export", "--format", "json", "-o"), "new.json"), (("backup",), "copy.db")]:
        result = cli(*args, str(tiny_fs / target), db=db, check=False)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"minutes: {tiny_fs / target}: cannot write the file") and str(db) not in result.stderr
    assert sorted(p.name for p in tiny_fs.iterdir()) == ["filler", "minutes.docx"]
    assert (tiny_fs / "minutes.docx").read_bytes() == b"the old minutes"


def test_a_database_that_cannot_be_opened_on_a_full_disk_says_the_disk_is_full(tiny_fs):
    """SQLite says "disk I/O error" when it cannot make its -shm file."""
    db = tiny_fs / "minutes.db"
    new_meeting(db)
    _fill(tiny_fs)
    result = cli("list", db=db, check=False)
    assert result.returncode == 1 and result.stderr.endswith("(disk I/O error; the disk is full)\n"), result.stderr


def test_read_only_file_system(tiny_fs, clock):
    """A real read-only file system (a tmpfs remounted read-only; Linux refuses that while a file
    on it is open for writing, so the session is closed first: the write fault *during* a session
    is test_query_only_connection_is_refused_cleanly)."""
    db = tiny_fs / "minutes.db"
    meeting = new_meeting(db)
    store = Store(db)
    Session(store, meeting, clock).apply_line("before the remount")
    store.close()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True)
    try:
        digest = _digest(db)
        store = Store(db)  # an archive on read-only media is read: listed, searched, exported
        assert store.read_only and [e.text for e in store.load_meeting(meeting).entries] == ["before the remount"]
        with pytest.raises(StoreError) as error:
            Session(store, meeting, clock).apply_line("after the remount")
        assert "\n" not in str(error.value)
        store.close()
        assert "COSI" in cli("list", db=db).stdout and "Before the remount." in cli("export", db=db).stdout
        found = cli("search", "remount", db=db)  # saved, not yet indexed, and the index cannot be written
        assert found.stdout == "No matches.\n" and "1 newest entry could not be indexed here" in found.stderr
        app = make_app(db, meeting, clock)  # the live screen opens read-only, saying why
        assert "read-only disk" in app.read_only
        app.store.close()
        assert _digest(db) == digest
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_fs)], check=True)
    assert [e.text for e in Store(db).load_meeting(meeting).entries] == ["before the remount"]


@pytest.mark.parametrize("with_shm", [False, True])
def test_lines_left_in_the_wal_are_read_on_read_only_media(tiny_fs, tmp_path, clock, with_shm):
    """A laptop that died mid-meeting leaves its last lines in the -wal file; copied to read-only
    media, they were missing without a word (read "immutable"), or, with the -shm beside them,
    the live screen could not open ("attempt to write a readonly database")."""
    db = tmp_path / "minutes.db"
    meeting = new_meeting(db)
    store = Store(db)
    Session(store, meeting, clock).apply_line("only in the wal")
    for suffix in ("", "-wal", *(["-shm"] if with_shm else [])):  # as a kill -9 leaves them
        shutil.copyfile(f"{db}{suffix}", f"{tiny_fs / 'minutes.db'}{suffix}")
    store.close()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True)
    try:
        copied = tiny_fs / "minutes.db"
        digest = _digest(copied)
        store = Store(copied)
        assert store.read_only and [e.text for e in store.load_meeting(meeting).entries] == ["only in the wal"]
        store.close()
        assert "Only in the wal." in cli("export", db=copied).stdout
        app = make_app(copied, meeting, clock)
        assert "read-only" in app.read_only
        app.store.close()
        assert _digest(copied) == digest
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_fs)], check=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions; see test_read_only_file_system")
def test_read_only_file_for_a_normal_user(db, meeting):
    os.chmod(db, 0o400)
    with pytest.raises(StoreError):
        Session(Store(db), meeting, FrozenClock(datetime(2021, 11, 22))).apply_line("a note")


def test_query_only_connection_is_refused_cleanly(db, meeting, clock):
    """Anywhere (also without mount rights): a connection that may not write."""
    session = Session(Store(db), meeting, clock)
    session.store.conn.execute("PRAGMA query_only = 1")
    before = _memory(session)
    with pytest.raises(StoreError) as error:
        session.apply_line("DE called for calm")
    assert "\n" not in str(error.value) and _memory(session) == before


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_schema_is_refused_and_untouched(db, meeting):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    digest = _digest(db)
    with pytest.raises(StoreError) as error:
        Store(db)
    assert "newer" in str(error.value) and "\n" not in str(error.value)
    result = cli("export", db=db, check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "newer" in result.stderr
    assert _digest(db) == digest


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_newer_or_foreign_database_is_refused_before_anything_is_written(tmp_path, journal):
    """A newer schema in rollback-journal mode was switched to WAL before the version was read; a
    SQLite file of another program was given our tables (`minutes list --db bookmarks.db`)."""
    newer, foreign = tmp_path / "newer.db", tmp_path / "bookmarks.db"
    for path, sql in ((newer, "PRAGMA user_version = 99"), (foreign, "CREATE TABLE bookmarks (url TEXT)")):
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.execute(sql)
        conn.close()
    for path, said in ((newer, "newer minutes_tui"), (foreign, "not a minutes_tui database")):
        digest = _digest(path)
        result = cli("list", db=path, check=False)
        assert result.returncode == 1 and result.stderr.count("\n") == 1 and said in result.stderr
        assert _digest(path) == digest and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [path.name]


@pytest.mark.parametrize("edit, named", [
    ("UPDATE entries SET started_at = '2021-02-30T10:00:00'", "'2021-02-30T10:00:00' is not a date and time"),
    ("UPDATE entries SET kind = 'speech'", "'speech' is not a valid EntryKind"),
    ("UPDATE items SET state = 'adjourned' WHERE position = 0", "'adjourned' is not a valid ItemState"),
    ("UPDATE meetings SET meeting_date = '22/11/2021'", "'22/11/2021' is not a date"),
    ("UPDATE entries SET speakers = '[\"DE\"'", "'[\"DE\"' is not a list of names"),
    ("UPDATE entries SET speakers = '5'", "'5' is not a list of names"),
    ("UPDATE items SET planned_minutes = 4611686018427387904 WHERE position = 0", "planned_minutes must be"),  # overflowed the schedule
])
@pytest.mark.parametrize("command", [["export", "1", "--format", "md"], ["list"], ["search", "calm"]])
def test_a_value_edited_outside_the_app_gives_one_line_naming_it(db, meeting, clock, edit, named, command):
    """The database is open to sqlite-utils and Datasette (docs/archive.md): a value the app cannot
    have written is named in one line, with the file, not a traceback."""
    session = Session(Store(db), meeting, clock)
    session.go_next()
    session.apply_line("DE called for calm")
    session.store.close()
    conn = sqlite3.connect(db)
    conn.execute(edit)
    conn.commit()
    conn.close()
    result = cli(*command, db=db, check=False)
    if result.returncode == 0:  # the command does not read that value: then it must work as usual
        assert result.stderr == "" and (command[0] != "search" or "called for [calm]" in result.stdout), result.stdout
        return
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert str(db) in result.stderr and named in result.stderr


def _damage(db, how):
    data = bytearray(db.read_bytes())
    if how == "truncated":
        db.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "garbage header":
        db.write_bytes(b"this is not a database at all" + bytes(data[100:]))
    elif how == "empty pages":
        page = int.from_bytes(data[16:18], "big")
        data[page * 2 : page * 6] = b"\xff" * (page * 4)
        db.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "garbage header", "empty pages"])
@pytest.mark.parametrize("command", [("list",), ("export",), ("search", "note"), ("backup", "copy.db")])
def test_damaged_database_gives_one_line_and_is_not_touched(db, meeting, clock, how, command, tmp_path):
    session = Session(Store(db), meeting, clock)
    for n in range(40):
        session.apply_line(f"note number {n} " + "z" * 200)
    session.store.close()
    _damage(db, how)
    for extra in ("-wal", "-shm"):
        (db.parent / (db.name + extra)).unlink(missing_ok=True)
    digest = _digest(db)
    args = [str(tmp_path / a) if a.endswith(".db") else a for a in command]
    result = cli(*args, db=db, check=False)
    if command[0] == "backup" and result.returncode == 0:
        # SQLite's backup copies pages without reading them as tables: a rescue copy of what is there.
        assert _digest(db) == digest
        return
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert str(db) in result.stderr
    assert _digest(db) == digest


def test_backup_is_consistent_while_another_process_writes(db, meeting, tmp_path):
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(meeting)], env=child_env(db), cwd=REPO,
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "ready"
        wait_for(lambda: len(Store(db).load_meeting(meeting).entries) >= 20, what="the writer to write")
        copies = []
        for n in range(3):
            target = tmp_path / f"backup-{n}.db"
            cli("backup", str(target), db=db)
            copies.append(target)
    finally:
        writer.kill()
        writer.wait()
    counts = []
    for target in copies:
        assert integrity(target) == "ok"
        assert target.stat().st_mode & 0o077 == 0
        texts = [e.text for e in Store(target).load_meeting(meeting).entries]
        # A consistent snapshot: lines 0..k-1, each once, no gaps.
        assert texts == [f"written {n}" for n in range(len(texts))]
        counts.append(len(texts))
    assert counts == sorted(counts)


WRITER = """
import sys
from minutes_tui.core.clock import SystemClock
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store
store = Store(sys.argv[1])
session = Session(store, int(sys.argv[2]), SystemClock())
print("ready", flush=True)
n = 0
while True:
    session.apply_line(f"written {n}")
    n += 1
"""


def test_an_older_database_on_read_only_media_says_to_copy_it(db, meeting):
    """It cannot be upgraded where it is (the read-only opening is what a read-only disk gets)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(StoreError, match="older minutes_tui: copy it to a writable folder"):
        Store._connect_read_only(db)
