"""The benchmark data generators work at a tiny size (no timing here: benchmarks are not tests)."""

from benchmarks import data
from minutes_tui.core.store import Store


def counts(db, meeting_id=None):
    store = Store(db)
    try:
        where = " WHERE meeting_id = ?" if meeting_id else ""
        args = [meeting_id] if meeting_id else []
        return {t: store.conn.execute(f"SELECT count(*) FROM {t}{where}", args).fetchone()[0]
                for t in ("items", "entries")}
    finally:
        store.close()


def test_large_meeting_tiny(tmp_path):
    db = tmp_path / "large.db"
    meeting_id = data.large_meeting(db, items=3, entries=20, speakers=50)
    assert counts(db, meeting_id) == {"items": 3, "entries": 20}
    store = Store(db)
    meeting = store.load_meeting(meeting_id)
    store.close()
    assert len(meeting.speakers) == max(0, 50 - len(list(data.default_register())))  # guests fill up to 50


def test_cosi_meeting(tmp_path):
    db = tmp_path / "cosi.db"
    meeting_id = data.cosi_meeting(db, entries=5)
    assert counts(db, meeting_id)["entries"] == 5
    assert counts(db, meeting_id)["items"] >= 10


def test_archive_tiny_is_searchable(tmp_path):
    db = tmp_path / "archive.db"
    data.build_archive(db, meetings=5, items_per_meeting=3, entries_per_meeting=4)
    assert counts(db) == {"items": 15, "entries": 20}
    store = Store(db)
    assert store.conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 5
    assert store.conn.execute("SELECT count(*) FROM entries_fts").fetchone()[0] == 20
    assert isinstance(store.search("delegation"), list)
    store.close()
