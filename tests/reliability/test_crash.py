"""Crash safety of the core: a child process applies entry lines and is SIGKILLed at random moments.

The child is forked from the test process (the modules are already imported, so each round takes
milliseconds and 200+ rounds fit in a few seconds). It opens its own Store and Session, reads lines
from a pipe, and after each `apply_line` (or `save_draft`) returns it writes "ok N". The parent
kills it while more lines are still in the pipe, so kills land anywhere: between transactions,
inside them, during the WAL fsync. After every kill the parent reopens the database and checks:
every acknowledged line is stored exactly once, the last acknowledged draft (or a later one) is
kept, PRAGMA integrity_check says "ok", and once the pending entries are indexed the search index
matches the entries exactly (FTS5's own integrity check), though kills also land while it is written.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time

from minutes_tui.core.clock import SystemClock
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store

ROUNDS = int(os.environ.get("MINUTES_CRASH_ROUNDS", "200"))
SEED = 20211122


def _child(db, meeting_id, read_fd, write_fd) -> None:
    """Runs in the forked child: never returns."""
    try:
        store = Store(db)
        session = Session(store, meeting_id, SystemClock())
        out = os.fdopen(write_fd, "w", buffering=1)
        for raw in os.fdopen(read_fd):
            kind, number, text = raw.rstrip("\n").split("\t", 2)
            if kind == "line":
                session.apply_line(text)
            elif kind == "index":  # what the live screen does once a second
                store.index_pending()
            else:
                store.save_draft(meeting_id, text, SystemClock().now())
            out.write(f"ok {number}\n")
    finally:
        os._exit(0)


def _line(number: int, rng: random.Random) -> str:
    kind = rng.choice(["note", "intervention", "colon"])
    if kind == "note":
        return f"note {number} the meeting continued"
    if kind == "intervention":
        return f"DE called for support {number}"
    return f"FR, NL: supported the text {number}"


def test_sigkill_at_random_moments_loses_no_acknowledged_line(db, meeting):
    rng = random.Random(SEED)
    acknowledged: dict[int, str] = {}  # number -> the line, for every "ok" the parent saw
    sent_lines: dict[int, str] = {}
    last_draft_ok, drafts_sent = None, []
    number = 0
    started = time.monotonic()
    for round_ in range(ROUNDS):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(to_child_w), os.close(from_child_r)
            _child(db, meeting, to_child_r, from_child_w)
        os.close(to_child_r), os.close(from_child_w)

        # Queue a batch of lines (and sometimes a draft), then kill after a random number of "ok"s
        # plus a random few microseconds: the kill hits the child anywhere in its work.
        batch = []
        for _ in range(rng.randint(1, 12)):
            number += 1
            roll = rng.random()
            if roll < 0.25:
                text = f"half-typed draft {number}"
                batch.append(("draft", number, text))
            elif roll < 0.4:
                batch.append(("index", number, ""))
            else:
                text = _line(number, rng)
                batch.append(("line", number, text))
        os.write(to_child_w, "".join(f"{k}\t{n}\t{t}\n" for k, n, t in batch).encode())
        wait_for_oks = rng.randint(0, len(batch))
        seen = _read_oks(from_child_r, wait_for_oks)
        time.sleep(rng.random() * 0.003)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        seen |= _read_oks(from_child_r, None)  # whatever it acknowledged before dying
        os.close(to_child_w), os.close(from_child_r)

        for kind, n, text in batch:
            if kind == "line":
                sent_lines[n] = text
                if n in seen:
                    acknowledged[n] = text
            elif kind == "draft":
                drafts_sent.append((n, text))
                if n in seen:
                    last_draft_ok = n

        _check(db, meeting, acknowledged, sent_lines, last_draft_ok, drafts_sent, round_)
    assert len(acknowledged) > ROUNDS // 2, "the kills should leave many acknowledged lines to check"
    assert time.monotonic() - started < 300  # safety bound only


def _read_oks(fd, count: int | None) -> set[int]:
    """Read "ok N" lines: `count` of them (blocking, bounded), or whatever is there (count=None)."""
    seen: set[int] = set()
    buffer = b""
    deadline = time.monotonic() + 30
    while count is None or len(seen) < count:
        ready, _, _ = select.select([fd], [], [], 0 if count is None else max(0.0, deadline - time.monotonic()))
        if not ready:
            if count is None:
                break
            raise AssertionError("the child stopped acknowledging lines")
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        seen |= {int(line.split()[1]) for line in lines if line.startswith(b"ok ")}
    return seen


def _check(db, meeting_id, acknowledged, sent_lines, last_draft_ok, drafts_sent, round_) -> None:
    store = Store(db)
    try:
        texts = [r[0] for r in store.conn.execute("SELECT text FROM entries WHERE meeting_id = ?", [meeting_id])]
        draft = store.load_draft(meeting_id)
        mark = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        store.index_pending()
        store.conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        store.close()
    assert mark == "ok", f"round {round_}: integrity_check says {mark}"
    # Every acknowledged line is there exactly once; nothing appears that was never sent.
    for n, line in acknowledged.items():
        expected = _stored_text(line)
        assert texts.count(expected) == 1, f"round {round_}: line {n} ({line!r}) stored {texts.count(expected)} times"
    sent_texts = {_stored_text(line) for line in sent_lines.values()}
    assert set(texts) <= sent_texts, f"round {round_}: unexpected entries {set(texts) - sent_texts}"
    if last_draft_ok is not None:
        later = [text for n, text in drafts_sent if n >= last_draft_ok]
        assert draft in later, f"round {round_}: draft {draft!r}, expected draft {last_draft_ok} or later"


def _stored_text(line: str) -> str:
    """What an entry line stores as the entry's text."""
    if line.startswith("DE called"):
        return line[len("DE "):]
    if line.startswith("FR, NL:"):
        return line[len("FR, NL: "):]
    return line


def test_other_programs_reading_during_the_meeting_do_not_unhook_the_wal(db, meeting):
    """`minutes open` holds two Stores in one process (the CLI's and the app's); meanwhile another
    program (`minutes list`, `export`, `backup`) opens and closes the database. Every line the app
    acknowledged must survive a SIGKILL. (Regression: Store() used to open+close the database file
    itself, which drops the process's POSIX locks; the other program's close then took itself for
    the last user and deleted the WAL under the app, whose later commits were lost on a crash.)"""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(to_child_w), os.close(from_child_r)
        Store(db)  # the CLI's store, still open while the app runs
        _child(db, meeting, to_child_r, from_child_w)
    os.close(to_child_r), os.close(from_child_w)
    acknowledged = []
    try:
        for n in range(1, 21):
            os.write(to_child_w, f"line\t{n}\tnote {n} while others read\n".encode())
            assert _read_oks(from_child_r, 1) == {n}
            acknowledged.append(f"note {n} while others read")
            Store(db).close()  # another program opens and closes the database
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(to_child_w), os.close(from_child_r)
    store = Store(db)
    try:
        texts = [r[0] for r in store.conn.execute("SELECT text FROM entries ORDER BY id")]
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
    assert texts == acknowledged
