import copy
from datetime import datetime
import os
import pickle
import sqlite3
import stat

import pytest

from minutes_tui.core.model import EntryKind, ItemState
from minutes_tui.core.session import Session, SessionError
from minutes_tui.core.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, fts_query


def test_round_trip_keeps_agenda_structure(store, meeting_id):
    meeting = store.load_meeting(meeting_id)
    assert [i.number for i in meeting.items] == ["1.", "2.", "2.1.", "2.2.", "3."]
    parent = meeting.items[1]
    assert [i.number for i in meeting.children_of(parent.id)] == ["2.1.", "2.2."]
    assert meeting.items[2].doc_refs == ["13682/21"]
    assert meeting.items[2].section == "Discussion items:"
    assert meeting.details.short_name == "COSI"


def test_every_change_is_committed_and_logged(tmp_path, clock, meeting_id, store):
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.apply_line("DE called for support")
    # A second connection sees the line at once: it was committed before the call returned.
    other = Store(store.path)
    entries = other.load_meeting(meeting_id).entries
    assert [(e.kind, e.speakers, e.text) for e in entries] == [(EntryKind.INTERVENTION, ["DE"], "called for support")]
    actions = [e["action"] for e in other.events(meeting_id)]
    assert actions[-1] == "add intervention"
    assert all(e["at"] for e in other.events(meeting_id))


def test_database_and_wal_are_owner_only(tmp_path, clock, agenda):
    store = Store(tmp_path / "private" / "m.db")
    store.create_meeting(agenda, clock.now())
    for name in ("m.db", "m.db-wal"):
        mode = stat.S_IMODE(os.stat(tmp_path / "private" / name).st_mode)
        assert mode & 0o077 == 0, f"{name} is readable by others: {oct(mode)}"
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_migrates_a_version_1_database_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    import sqlite_utils

    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db["meetings"].insert({"id": 1, "committee": "Old committee", "short_name": "OLD", "status": "final"})
    db["items"].insert({"id": 1, "meeting_id": 1, "number": "1.", "title": "Schengen evaluation", "position": 0, "state": "done"})
    db.conn.commit()
    db.close()

    store = Store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.load_meeting(1).items[0].title == "Schengen evaluation"
    assert [h.item_title for h in store.search("schengen")] == ["Schengen evaluation"]


def test_newer_database_is_refused_with_one_line(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError) as error:
        Store(path)
    message = str(error.value)
    assert "newer minutes_tui" in message and str(path) in message and "\n" not in message


def test_corrupt_file_is_refused_with_one_line(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="corrupt.db"):
        Store(path)


def test_unknown_meeting_is_a_clear_error(store):
    with pytest.raises(StoreError, match="no meeting 42"):
        store.load_meeting(42)


def test_full_text_search_covers_titles_notes_and_interventions(store, meeting_id, clock):
    session = Session(store, meeting_id, clock)
    session.go_to("2.1")
    session.apply_line("FR: expressed concern about the instrumentalisation of migrants")
    session.apply_line("The threat picture was discussed at length.")
    hits = store.search("instrumentalisation")
    assert [(h.item_number, h.kind, h.speakers) for h in hits] == [("2.1.", "intervention", ["FR"])]
    assert "[instrumentalisation]" in hits[0].snippet
    assert {h.kind for h in store.search("threat")} == {"item", "note"}
    assert store.search('"threat picture"')[0].kind == "note"
    assert [h.item_number for h in store.search("instrument*")] == ["2.1."]  # "time*" found nothing
    assert store.search("instrument* -migrants") == []  # the minus meant "and"


@pytest.mark.parametrize(
    "typed, query",
    [
        ("migrants", '"migrants"'),
        ('"threat picture" DE', '"threat picture" "DE"'),
        ('drop" OR 1=1 --', '"drop" "OR 1=1 --"'),  # an unclosed quote is a phrase
        ("   ", ""),
        ("instrument* DE", '"instrument"* "DE"'),  # the words it starts
        ("* **", ""),
        ("fighters -Europol -EU", '("fighters") NOT "Europol" NOT "EU"'),  # not wanted
        ("-Europol", ""),
        ("a-b", '"a-b"'),
    ],
)
def test_user_text_never_becomes_fts_syntax(typed, query):
    assert fts_query(typed) == query


def test_hostile_search_text_does_not_crash(store, meeting_id):
    for text in ['"', "AND OR NOT", "*", "NEAR(", "col:value", "')"]:
        store.search(text)


def test_undo_reverts_a_whole_operation(store, meeting_id, clock):
    session = Session(store, meeting_id, clock)
    session.go_next()
    clock.advance(minutes=5)
    session.go_next()  # ends 1., starts 2.1. in one transaction
    assert session.undo() is not None
    meeting = store.load_meeting(meeting_id)
    assert meeting.items[0].state is ItemState.CURRENT and meeting.items[0].ended_at is None
    assert meeting.items[2].state is ItemState.PENDING and meeting.items[2].started_at is None


def test_each_change_is_a_new_group_and_undo_takes_back_its_own_meetings(store, meeting_id, clock, agenda):
    """Two meetings changed in turn: the groups number every change in order, and undo in one
    meeting takes back that meeting's newest change, whatever the other did since."""
    other_id = store.create_meeting(agenda, clock.now())
    first, second = Session(store, meeting_id, clock), Session(store, other_id, clock)
    first.go_next()
    first.apply_line("DE called for support")
    second.go_next()
    second.apply_line("FR stressed resilience")
    groups = [r[0] for r in store.conn.execute("SELECT DISTINCT grp FROM events ORDER BY id")]
    assert groups == list(range(1, len(groups) + 1)) and len(groups) == 6  # 2 creations, 4 changes
    assert first.undo() == "add intervention"
    assert [e.text for e in store.load_meeting(meeting_id).entries] == []
    assert [e.text for e in store.load_meeting(other_id).entries] == ["stressed resilience"]
    assert second.undo() == "add intervention"
    assert store.load_meeting(other_id).entries == []


def test_lock_is_held_by_one_live_process(store, meeting_id, clock):
    assert store.acquire_lock(meeting_id, clock.now())
    store.conn.execute("UPDATE locks SET pid = 1 WHERE meeting_id = ?", [meeting_id])  # pid 1 is alive
    assert not store.acquire_lock(meeting_id, clock.now())
    store.conn.execute("UPDATE locks SET pid = 999999999 WHERE meeting_id = ?", [meeting_id])  # a dead pid
    assert store.acquire_lock(meeting_id, clock.now())


def test_draft_round_trip(store, meeting_id, clock):
    assert store.load_draft(meeting_id) == ""
    store.save_draft(meeting_id, "DE called for sup", clock.now())
    assert Store(store.path).load_draft(meeting_id) == "DE called for sup"


def test_backup_is_a_consistent_private_copy(store, meeting_id, clock, tmp_path):
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.apply_line("NL: supported the text")
    copy = tmp_path / "backup.db"
    store.backup(copy)
    assert stat.S_IMODE(os.stat(copy).st_mode) & 0o077 == 0
    assert Store(copy).load_meeting(meeting_id).entries[0].speakers == ["NL"]
    assert Store(copy).conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_backup_taken_while_the_meeting_is_open_is_open_in_no_window(store, meeting_id, clock, tmp_path):
    """Restored, it said "Meeting 1 is open in another minutes window" (this very process)."""
    assert store.acquire_lock(meeting_id, clock.now())
    store.backup(tmp_path / "backup.db")
    assert Store(tmp_path / "backup.db").lock_holder(meeting_id) is None and store.held_here(meeting_id)


def test_list_meetings_counts_items_and_interventions(store, meeting_id, clock):
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.apply_line("DE called for support")
    session.apply_line("a plain note")
    [summary] = store.list_meetings()
    assert (summary.id, summary.items, summary.interventions, summary.status) == (meeting_id, 5, 1, "in progress")
    assert store.latest_meeting_id() == meeting_id


def test_a_meeting_never_opened_is_listed_not_started(store, meeting_id):
    [summary] = store.list_meetings()
    assert summary.status == "not started"  # it read "in progress"


def _meeting_with_entries(store, meeting_id, clock) -> Session:
    session = Session(store, meeting_id, clock)
    for step in range(3):
        session.go_next()
        session.apply_line("DE, FR and NL: called for support")
        session.apply_line("A note on the item.")
        clock.advance(seconds=40)
        session.apply_line("/queue PRES")
        session.give_floor()
        clock.advance(seconds=25 + step)
        session.end_floor("informed on the state of play")
    return session


def test_deferred_entries_read_one_item_then_all_as_a_full_load(store, meeting_id, clock):
    full = _meeting_with_entries(store, meeting_id, clock).meeting
    deferred = store.load_meeting(meeting_id, defer_entries=True)
    assert not deferred.entries_loaded
    for item in full.items:
        assert deferred.entries_for(item.id) == full.entries_for(item.id)
    assert not deferred.entries_loaded  # one item at a time until the whole list is used
    assert deferred.entries == full.entries and deferred.entries_loaded
    assert deferred == full


def test_speaking_totals_from_the_store_match_the_entries(store, meeting_id, clock):
    """The rule of who spoke how long lives in Session (over entries) and in Store.speaking_totals
    (SQL for times as the app writes them, Python for others): this keeps the two in step."""
    session = _meeting_with_entries(store, meeting_id, clock)
    # Imported interventions: times to the microsecond (SQLite must not round them), times in
    # another form Python reads ('2021-11-22 10:00', no seconds), and an empty time (counts nothing).
    untimed = [e.id for e in session.meeting.entries if e.speakers and not e.ended_at]
    first, second = untimed[:2]
    third = [e.id for e in session.meeting.entries if e.ended_at][-1]
    store.conn.execute("UPDATE entries SET started_at = '2021-11-22T10:00:00.900000',"
                       " ended_at = '2021-11-22T10:00:15.100000' WHERE id = ?", [first])
    store.conn.execute("UPDATE entries SET started_at = '2021-11-22 10:00',"
                       " ended_at = '2021-11-22 10:05' WHERE id = ?", [second])
    store.conn.execute("UPDATE entries SET ended_at = '' WHERE id = ?", [third])
    totals = Session(store, meeting_id, clock).speaking_seconds()  # counted over loaded entries
    # PRES: 25 s and 26 s as the app wrote them, the third turn blanked; DE, FR and NL: 14 s + 5 min
    assert totals == {"PRES": 51, "DE": 314, "FR": 314, "NL": 314}
    assert store.speaking_totals(meeting_id) == totals
    deferred = Session(store, meeting_id, clock, defer_entries=True)
    assert deferred.speaking_seconds() == totals and not deferred.meeting.entries_loaded


def test_a_stored_time_with_a_zone_reads_as_local_time(store, meeting_id, clock):
    """Earlier versions imported zoned times as given; the app compares times with each other, so
    they are read as local time (a zoned one next to a plain one broke the CSV export)."""
    session = _meeting_with_entries(store, meeting_id, clock)
    turn = [e for e in session.meeting.entries if e.ended_at][0]
    store.conn.execute("UPDATE entries SET started_at = '2021-11-22T09:00:40+00:00' WHERE id = ?", [turn.id])
    read = next(e for e in store.load_meeting(meeting_id).entries if e.id == turn.id)
    assert read.started_at == datetime.fromisoformat("2021-11-22T09:00:40+00:00").astimezone().replace(tzinfo=None)
    assert store.speaking_totals(meeting_id) == Session(store, meeting_id, clock).speaking_seconds()


def test_a_damaged_page_found_reading_entries_is_a_one_line_store_error(store, meeting_id):
    class DamagedConnection:
        def execute(self, *args):
            error = sqlite3.DatabaseError("database disk image is malformed")
            error.sqlite_errorname = "SQLITE_CORRUPT"
            raise error

    meeting = store.load_meeting(meeting_id, defer_entries=True)
    store.conn, real = DamagedConnection(), store.conn
    try:
        for read in (lambda: store.load_entries(meeting_id), lambda: store.speaking_totals(meeting_id),
                     meeting.load_entries):
            with pytest.raises(StoreError, match="damaged .*; restore a backup"):
                read()
    finally:
        store.conn = real
    assert not meeting.entries_loaded  # still deferred: read again once the database can be read
    assert meeting.entries == store.load_entries(meeting_id)


def test_a_read_that_fails_for_another_reason_does_not_say_damaged(store, meeting_id):
    class LockedConnection:
        def execute(self, *args):
            raise sqlite3.OperationalError("database is locked")

    store.conn, real = LockedConnection(), store.conn
    try:
        with pytest.raises(StoreError, match="cannot read the database .database is locked.$"):
            store.load_entries(meeting_id)
    finally:
        store.conn = real


def test_a_deferred_meeting_copies_and_pickles_with_its_entries(store, meeting_id, clock):
    full = _meeting_with_entries(store, meeting_id, clock).meeting
    assert copy.deepcopy(store.load_meeting(meeting_id, defer_entries=True)) == full
    assert pickle.loads(pickle.dumps(store.load_meeting(meeting_id, defer_entries=True))) == full


# --- entries indexed for search in batches (schema 7) ------------------------------------------


def _fts_ids(store, word):
    return sorted(r[0] for r in store.conn.execute("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", [word]))


def _check_index_matches_content(store):
    """FTS5's own check that the index holds exactly the entries' texts: raises otherwise (and on a
    pending entry)."""
    store.conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")


def test_a_saved_line_is_durable_at_once_and_indexed_for_search_in_the_next_batch(store, clock, meeting_id):
    session = Session(store, meeting_id, clock)
    session.go_next()
    entry = session.apply_line("DE called for interoperability").entry
    assert Store(store.path).load_meeting(meeting_id).entries[-1].text == "called for interoperability"
    assert _fts_ids(store, "interoperability") == []  # the commit left the index alone
    assert store.index_pending() == 1
    assert _fts_ids(store, "interoperability") == [entry.id]
    assert store.index_pending() == 0
    _check_index_matches_content(store)


def test_search_and_import_index_what_is_pending(store, clock, meeting_id):
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.apply_line("DE called for interoperability")
    assert [h.snippet for h in store.search("interoperability")] == ["called for [interoperability]"]
    session.apply_line("FR stressed resilience")
    imported = store.insert_meeting(store.load_meeting(meeting_id), clock.now())  # as `minutes import-json`
    assert len(_fts_ids(store, "resilience")) == 2  # the pending line and its imported copy
    assert {e.text for e in store.load_meeting(imported).entries} == {"called for interoperability", "stressed resilience"}
    _check_index_matches_content(store)


def test_an_id_given_again_is_searched_by_its_new_text(store, clock, meeting_id, agenda):
    """Deleting the newest entry frees its id for the next one, in another meeting here: the index
    must drop the old text and take the new one, however the two meetings' changes interleave."""
    other = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session = Session(store, meeting_id, clock)
    session.go_next()
    other.go_next()
    newest = session.apply_line("DE called for interoperability").entry
    store.index_pending()
    session.delete_entry(newest.id)
    reused = other.apply_line("FR stressed resilience").entry
    assert reused.id == newest.id
    assert store.search("interoperability") == []
    assert [(h.meeting_id, h.entry_id) for h in store.search("resilience")] == [(other.meeting_id, reused.id)]
    _check_index_matches_content(store)


def test_undo_brings_back_a_deleted_entry_whose_id_another_meeting_took(store, clock, meeting_id, agenda):
    """Regression: the undo failed with "UNIQUE constraint failed" every time, and with it every
    older change of the meeting stayed out of reach of ctrl+z."""
    other = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session = Session(store, meeting_id, clock)
    session.go_next()
    other.go_next()
    first = session.apply_line("DE called for interoperability").entry
    session.edit_entry(first.id, text="called for full interoperability")
    session.delete_entry(first.id)
    assert other.apply_line("FR stressed resilience").entry.id == first.id

    assert session.undo() == "delete entry"
    [back] = session.meeting.entries
    assert back.text == "called for full interoperability" and back.id != first.id
    assert session.undo() == "edit entry"
    assert [(e.id, e.text) for e in session.meeting.entries] == [(back.id, "called for interoperability")]
    assert session.undo() == "add intervention"
    assert session.meeting.entries == []
    assert [(e.id, e.text) for e in store.load_meeting(other.meeting_id).entries] == [(first.id, "stressed resilience")]
    store.index_pending()
    _check_index_matches_content(store)


def test_redo_makes_again_what_undo_reverted_until_the_next_change(store, meeting_id, clock):
    session = Session(store, meeting_id, clock)
    session.go_next()
    note = session.add_note("First note")
    session.edit_entry(note.id, text="First note, edited")
    session.move_item(session.find_item("2.").id, 1)  # a change of several rows
    order = [i.number for i in session.meeting.items]
    assert [session.undo(), session.undo(), session.undo()] == ["move item", "edit entry", "add note"]
    assert session.meeting.entries == []
    assert [session.redo(), session.redo()] == ["add note", "edit entry"]
    assert [(e.id, e.text) for e in Store(store.path).load_meeting(meeting_id).entries] == [(note.id, "First note, edited")]
    assert session.redo() == "move item" and [i.number for i in session.meeting.items] == order
    assert session.redo() is None  # all made again
    assert session.undo() == "move item"
    session.add_note("Second note")  # a new change: what was undone stays undone
    assert session.redo() is None
    assert [e.text for e in session.meeting.entries] == ["First note, edited", "Second note"]
    assert [session.undo(), session.undo()] == ["add note", "edit entry"]  # and undo goes on as before
    session.delete_entry(note.id)
    assert session.undo() == "delete entry" and session.redo() == "delete entry" and session.meeting.entries == []
    store.index_pending()
    _check_index_matches_content(store)


def test_redo_when_another_meeting_took_the_ids_meanwhile(store, agenda, clock):
    """Redo re-inserts a row under a new id when another meeting has taken its own: the rest of the
    group, and the undo after, must follow it there and never touch the other meeting's rows."""
    a = Session(store, store.create_meeting(agenda, clock.now()), clock)
    b = Session(store, store.create_meeting(agenda, clock.now()), clock)
    a.go_next()
    b.go_next()
    note = a.add_note("A note")
    a.edit_entry(note.id, text="A note, edited")
    item = a.add_item("AOB point", "4.")
    assert [a.undo(), a.undo(), a.undo()] == ["add item", "edit entry", "add note"]
    assert b.add_note("B note").id == note.id and b.add_item("B point", "4.").id == item.id
    assert [a.redo(), a.redo(), a.redo()] == ["add note", "edit entry", "add item"]
    a_items = [i.title for i in Store(store.path).load_meeting(a.meeting_id).items]
    assert [e.text for e in Store(store.path).load_meeting(a.meeting_id).entries] == ["A note, edited"]
    assert a_items.count("AOB point") == 1 and "B point" not in a_items
    assert [a.undo(), a.undo(), a.undo()] == ["add item", "edit entry", "add note"]
    other = Store(store.path).load_meeting(b.meeting_id)
    assert [e.text for e in other.entries] == ["B note"] and [i.title for i in other.items].count("B point") == 1
    assert "AOB point" not in [i.title for i in Store(store.path).load_meeting(a.meeting_id).items]
    store.index_pending()
    _check_index_matches_content(store)


def test_redo_is_refused_once_the_meeting_changed_elsewhere(store, meeting_id, clock):
    live = Session(store, meeting_id, clock)
    live.go_next()
    entry = live.apply_line("DE called for support").entry
    live.edit_entry(entry.id, text="called for strong support")
    assert live.undo() == "edit entry"
    Session(store, meeting_id, clock).edit_entry(entry.id, text="called for support (polished)")  # the archive's window
    live.reload()
    assert live.redo() is None
    assert [e.text for e in Store(store.path).load_meeting(meeting_id).entries] == ["called for support (polished)"]


def test_search_still_answers_when_the_index_cannot_be_written(store, clock, meeting_id):
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.apply_line("DE called for interoperability")
    store.index_pending()
    session.apply_line("FR stressed interoperability too")

    def no_index_writes(action, table, *rest):
        return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_INSERT and table.startswith("entries_fts") else sqlite3.SQLITE_OK

    store.conn.set_authorizer(no_index_writes)
    with pytest.raises(StoreError, match="could not index the newest entries for search"):
        store.index_pending()
    assert len(store.search("interoperability")) == 1  # the indexed one; the newest stays pending
    store.conn.set_authorizer(None)
    assert len(store.search("interoperability")) == 2


def test_edits_deletes_and_undo_keep_the_index_exact(store, clock, meeting_id, agenda):
    """Every mix of saving, editing, deleting, undoing (which gives an old id back, or a new one
    when the other meeting took it) and indexing, in two meetings, leaves an index FTS5 finds
    consistent with the entries once the pending ones are indexed."""
    import random

    sessions = [Session(store, meeting_id, clock), Session(store, store.create_meeting(agenda, clock.now()), clock)]
    for session in sessions:
        session.go_next()
    rng = random.Random(3)  # a seed whose steps bring a deleted entry back after the other meeting took its id
    words = ["schengen", "europol", "frontex", "asylum", "terrorism"]
    for step in range(300):
        session = rng.choice(sessions)
        entries = session.meeting.entries
        roll = rng.random()
        if roll < 0.35 or not entries:
            session.apply_line(f"DE {rng.choice(words)} {rng.choice(words)}")
        elif roll < 0.5:
            session.edit_entry(rng.choice(entries).id, text=rng.choice(words))
        elif roll < 0.65:
            session.delete_entry(rng.choice([max(e.id for e in entries), rng.choice(entries).id]))  # the newest: its id is free again
        elif roll < 0.8:
            session.undo()
        else:
            store.index_pending()
        if step % 25 == 0:
            store.index_pending()
            _check_index_matches_content(store)
    store.index_pending()
    _check_index_matches_content(store)
    for word in words:
        expected = sorted(e.id for session in sessions for e in session.meeting.entries if word in e.text.split())
        assert _fts_ids(store, word) == expected


def test_migration_7_keeps_indexed_entries_searchable(tmp_path, clock, agenda):
    path = tmp_path / "v6.db"
    import sqlite_utils

    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:6]:
        migrate(db)
    db.execute("PRAGMA user_version = 6")
    db["meetings"].insert({"id": 1, "short_name": "OLD"})
    db["items"].insert({"id": 1, "meeting_id": 1, "number": "1.", "title": "Schengen", "position": 0})
    db["entries"].insert_all([{"id": n, "meeting_id": 1, "item_id": 1, "text": f"europol report {n}"} for n in (1, 2, 3)])
    db.conn.commit()
    db.close()

    store = Store(path)
    assert _fts_ids(store, "europol") == [1, 2, 3]  # indexed by the old triggers, kept
    store.conn.execute("DELETE FROM entries WHERE id = 2")  # through the new, conditional triggers
    store.conn.execute("INSERT INTO entries (meeting_id, item_id, text) VALUES (1, 1, 'europol again')")
    assert _fts_ids(store, "europol") == [1, 3]
    store.index_pending()
    assert _fts_ids(store, "europol") == [1, 3, 4]
    _check_index_matches_content(store)
    store.close()


# --- speakers indexed for search (schema 12) ----------------------------------------------------


def test_a_plain_search_finds_who_spoke_and_the_index_follows_edits(store, clock, meeting_id):
    session = Session(store, meeting_id, clock)
    session.go_next()
    jansen = session.apply_line("Ms Jansen: expressed concern about the financing").entry
    mueller = session.apply_line("Mr Müller: agreed").entry
    assert [h.entry_id for h in store.search("Jansen")] == [jansen.id]
    assert [h.entry_id for h in store.search("müller")] == [mueller.id]  # as typed, not "M\u00fcller"
    assert [h.entry_id for h in store.search("Jansen financing")] == [jansen.id]  # a word of each
    session.edit_entry(jansen.id, speakers=["Mr de Vries"])
    assert store.search("Jansen") == [] and [h.entry_id for h in store.search("Vries")] == [jansen.id]
    session.delete_entry(mueller.id)
    assert store.search("Müller") == []
    _check_index_matches_content(store)


def test_migration_12_indexes_the_speakers_of_an_old_database_and_keeps_its_data(tmp_path):
    path = tmp_path / "v11.db"
    import json

    import sqlite_utils

    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:11]:
        migrate(db)
    db.execute("PRAGMA user_version = 11")
    db["meetings"].insert({"id": 1, "short_name": "OLD"})
    db["items"].insert({"id": 1, "meeting_id": 1, "number": "1.", "title": "Schengen", "position": 0})
    spoken = [(1, ["Ms Jansen"], "europol report"), (2, ["Mr Müller", "DE"], "frontex"), (3, ["Ms Jansen"], "")]
    db["entries"].insert_all([{"id": n, "meeting_id": 1, "item_id": 1, "kind": "intervention", "text": text,
                               "speakers": json.dumps(speakers)} for n, speakers, text in spoken])  # "M\u00fcller"
    db.execute("INSERT INTO entries_fts (rowid, text) SELECT id, text FROM entries WHERE id < 3")  # 3 is pending
    db.conn.commit()
    db.close()

    store = Store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [(e.id, e.speakers, e.text) for e in store.load_entries(1)] == spoken
    assert _fts_ids(store, "jansen") == [1, 3] and _fts_ids(store, "müller") == [2] and _fts_ids(store, "europol") == [1]
    assert store.unindexed() == 0
    _check_index_matches_content(store)
    store.conn.execute("UPDATE entries SET speakers = '[\"FR\"]' WHERE id = 1")  # through the new triggers
    assert _fts_ids(store, "jansen") == [3]
    _check_index_matches_content(store)
    store.close()


def test_the_archives_undo_takes_back_only_what_was_changed_after_the_meeting(store, meeting_id, clock):
    """ctrl+z in the archive undid "end meeting" and "add action" of the meeting itself, opening it
    again; and the undo was logged as a change made during the meeting."""
    live = Session(store, meeting_id, clock)
    live.go_next()
    live.apply_line("/action Delegations: send comments")
    live.end_meeting()
    archive_session = Session(store, meeting_id, clock)  # the archive, after the meeting
    note = archive_session.add_note("The agenda was adopted.", item_id=archive_session.meeting.items[0].id)
    archive_session.edit_entry(note.id, text="The agenda was adopted without changes.")
    assert [archive_session.undo(after_meeting=True), archive_session.undo(after_meeting=True)] == ["edit entry", "add note"]
    with pytest.raises(SessionError, match=r"^nothing more to undo after the meeting: the last change, end meeting, was made during it$"):
        archive_session.undo(after_meeting=True)
    meeting = store.load_meeting(meeting_id)
    assert meeting.ended_at is not None and [e.kind for e in meeting.entries] == [EntryKind.ACTION]
    assert archive_session.redo() == "add note"
    assert [e["live"] for e in store.events(meeting_id) if e["action"] in ("undo", "redo")] == [0, 0, 0]
    assert Session(store, meeting_id, clock).undo() == "add note"  # the live screen's undo goes on back
    assert Session(store, meeting_id, clock).undo() == "end meeting"


def test_an_id_larger_than_sqlite_holds_is_no_meeting(store):
    with pytest.raises(StoreError, match=r"there is no meeting 99999999999999999999 \(see `minutes list`\)$"):
        store.meeting_status(99999999999999999999)
