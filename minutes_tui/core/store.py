"""The store: one SQLite file (WAL, synchronous=FULL) that is the only truth about every meeting.

Every change goes through `Store.change()`: one short transaction that applies row changes and
appends one event per row (before/after images) to the append-only `events` table. Undo replays the
before-images of the newest group of events; "edited after the meeting" comes from the `live` flag.
Only table and column names from this module are ever formatted into SQL; user text is always bound.
"""

from __future__ import annotations

import functools
import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import sqlite_utils

from .errors import MinutesError
from .model import (
    AgendaItem,
    Attendance,
    Entry,
    EntryKind,
    ItemState,
    Meeting,
    MeetingDetails,
    ParsedAgenda,
    Speaker,
    SpeakerKind,
    add_speaking_time,
    local_time,
    planned_minutes_error,
    seconds_between,
)

APP_NAME = "minutes_tui"


def is_damage(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def read_error_message(path: Path | str, error: sqlite3.DatabaseError) -> str:
    """One line for a database that could not be read: damaged (restore a backup), or not now."""
    if is_damage(error):
        return f"{path}: the database is damaged ({error}); restore a backup"
    return f"{path}: cannot read the database ({error})"


T = TypeVar("T")
FloorState = tuple[list[tuple[str, ...]], tuple[tuple[str, ...], datetime, int | None] | None]  # queue; floor, since, on which item


class StoreError(MinutesError):
    """A one-line, user-facing problem with the database (what and where)."""


class IndexNotWritten(StoreError):
    """The newest entries could not be indexed for search (a full disk, a read-only file): they are
    stored, and stay pending for the next try."""


def default_db_path() -> Path:
    """`MINUTES_DB` if set, else the platform's user data folder."""
    if env := os.environ.get("MINUTES_DB"):
        return Path(env).expanduser()
    from platformdirs import user_data_path  # imported here: only needed when no path is given

    return user_data_path(APP_NAME, appauthor=False) / "minutes.db"


# --- schema and migrations -------------------------------------------------------------------
# Each migration takes the database from version N to N+1. Never edit a released one: add another.


def _schema_1(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY, committee TEXT, short_name TEXT, body_name TEXT,
            meeting_date TEXT, end_date TEXT, time TEXT, place TEXT, agenda_ref TEXT,
            doc_number TEXT, file_codes TEXT, classification TEXT, issue_place TEXT,
            issue_date TEXT, language TEXT, sender TEXT, recipient TEXT, subject TEXT,
            house_style TEXT, status TEXT, started_at TEXT, ended_at TEXT,
            created_at TEXT, updated_at TEXT);
        CREATE TABLE items (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            number TEXT, title TEXT, section TEXT, level INTEGER, parent_id INTEGER REFERENCES items(id),
            position INTEGER, doc_refs TEXT, presenter TEXT, mode TEXT, classification TEXT,
            planned_minutes INTEGER, state TEXT, started_at TEXT, ended_at TEXT);
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            item_id INTEGER NOT NULL REFERENCES items(id), kind TEXT, text TEXT, speakers TEXT,
            outcome TEXT, deadline TEXT, position INTEGER, started_at TEXT, ended_at TEXT,
            private INTEGER DEFAULT 0);
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            code TEXT, name TEXT, phrase TEXT, kind TEXT, protocol_order INTEGER, adjective TEXT,
            aliases TEXT);
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            code TEXT, status TEXT, UNIQUE (meeting_id, code));
        CREATE TABLE events (
            id INTEGER PRIMARY KEY, meeting_id INTEGER REFERENCES meetings(id), grp INTEGER,
            at TEXT, action TEXT, table_name TEXT, row_id INTEGER, before TEXT, after TEXT,
            live INTEGER, undone INTEGER DEFAULT 0);
        CREATE INDEX items_meeting ON items(meeting_id, position);
        CREATE INDEX entries_item ON entries(item_id, position);
        CREATE INDEX entries_meeting ON entries(meeting_id);
        CREATE INDEX events_meeting ON events(meeting_id, grp);
        """
    )


def _schema_2(db: sqlite_utils.Database) -> None:
    """Full-text search over item titles and entry texts, and a readable view for Datasette."""
    db["items"].enable_fts(["title"], fts_version="FTS5", create_triggers=True)
    db["entries"].enable_fts(["text"], fts_version="FTS5", create_triggers=True)
    db.executescript(
        """
        CREATE VIEW minutes_interventions AS
        SELECT e.id, m.meeting_date, m.short_name AS committee, i.number AS item_number,
               i.title AS item_title, e.kind, e.speakers, e.text, e.started_at, e.ended_at
        FROM entries e JOIN items i ON i.id = e.item_id JOIN meetings m ON m.id = e.meeting_id
        ORDER BY m.meeting_date, i.position, e.position;
        """
    )


def _schema_3(db: sqlite_utils.Database) -> None:
    """Drafts of the half-typed entry line, and which process holds which meeting."""
    db.executescript(
        """
        CREATE TABLE drafts (meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
                             text TEXT, saved_at TEXT);
        CREATE TABLE locks (meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
                            pid INTEGER, host TEXT, since TEXT);
        """
    )


def _schema_4(db: sqlite_utils.Database) -> None:
    """Snapshots of the exported text at each draft and final, for diffs between versions."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS versions (
            id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            status TEXT, created_at TEXT, text TEXT);
        """
    )


def _schema_5(db: sqlite_utils.Database) -> None:
    """Every change looks up the newest event group: keep that an index seek, not a scan."""
    db.execute("CREATE INDEX IF NOT EXISTS events_grp ON events(grp)")


def _schema_6(db: sqlite_utils.Database) -> None:
    """The speakers' queue and who has the floor, so a crash does not lose a running turn."""
    db.execute(
        "CREATE TABLE floor_state (meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id), state TEXT, saved_at TEXT)"
    )


def _schema_7(db: sqlite_utils.Database) -> None:
    """Entries are indexed for search in batches (`Store.index_pending`), not inside each commit,
    where the FTS5 index's pages were a third of the time Enter takes to save a line.

    Invariant: every entry whose id is at most the highest indexed id is indexed; every newer one is
    pending. A new entry is newer than all others, so it waits; one that takes back an older id (the
    undo of a delete) is indexed at once. Edits and deletes touch the index only for indexed
    entries: an FTS5 'delete' of a row it never indexed would corrupt it."""
    db.executescript(
        """
        DROP TRIGGER entries_ai;
        DROP TRIGGER entries_au;
        DROP TRIGGER entries_ad;
        CREATE TRIGGER entries_ai AFTER INSERT ON entries
        WHEN new.id < (SELECT coalesce(max(id), 0) FROM entries_fts_docsize)
        BEGIN
          INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER entries_ad AFTER DELETE ON entries
        WHEN EXISTS (SELECT 1 FROM entries_fts_docsize WHERE id = old.id)
        BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER entries_au AFTER UPDATE ON entries
        WHEN EXISTS (SELECT 1 FROM entries_fts_docsize WHERE id = old.id)
        BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
          INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
        END;
        """
    )


def _schema_8(db: sqlite_utils.Database) -> None:
    """Fewer index pages written per line saved. The newest event group is the last event's (events
    are only appended), a seek on the rowid: `events_grp` goes. The entries' two indexes become one,
    (meeting, item, position), which serves every read by meeting or by item of a meeting; what it
    does not serve is SQLite's foreign-key check when an item row is deleted (only the undo of an
    added item does that), which now scans the entries."""
    db.executescript(
        """
        DROP INDEX IF EXISTS events_grp;
        DROP INDEX IF EXISTS entries_item;
        DROP INDEX IF EXISTS entries_meeting;
        CREATE INDEX entries_place ON entries(meeting_id, item_id, position);
        """
    )


_PENDING = "id > (SELECT coalesce(max(id), 0) FROM entries_fts_docsize)"  # entries not indexed yet
_ANY_PENDING = "SELECT 1 FROM entries WHERE " + _PENDING + " LIMIT 1"
_INDEX_PENDING = ("INSERT INTO entries_fts (rowid, text, speakers) SELECT id, text, speakers FROM entries WHERE " + _PENDING
                  + " ORDER BY id")

def _schema_9(db: sqlite_utils.Database) -> None:
    """An item can be flagged "to check with the Chair" (an unclear outcome), with what to ask. A
    draft also keeps a form left open (the outcome's wording, an entry being edited ...)."""
    db.execute("ALTER TABLE items ADD COLUMN to_check TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE drafts ADD COLUMN form TEXT NOT NULL DEFAULT ''")


def _schema_10(db: sqlite_utils.Database) -> None:
    """An entry's kind may be "statement" (a statement for the minutes). No table changes: the new
    version number is what tells an older minutes_tui that it cannot read such entries."""


def _schema_11(db: sqlite_utils.Database) -> None:
    """An item's time is the sum of its visits (a meeting may return to an item): the latest visit's
    start, and the time of those closed. NULL for items timed before: first start to last end."""
    db.execute("ALTER TABLE items ADD COLUMN opened_at TEXT")
    db.execute("ALTER TABLE items ADD COLUMN spent_seconds INTEGER")


def _schema_12(db: sqlite_utils.Database) -> None:
    """A plain search finds who spoke too ("Jansen" finds what Ms Jansen said: a name typed as free
    text; only `speaker:Jansen` did): the entries' index gets their speakers as a second column, and
    is rebuilt whole (nothing is pending after it). Speakers are written as typed, not escaped
    ("M\\u00fcller" the index reads as the words "m" and "u00fcller"): those saved so are written
    again, the same names. One statement at a time: `executescript` would commit the migration half-done."""
    db.execute("DROP TRIGGER IF EXISTS entries_ai")
    db.execute("DROP TRIGGER IF EXISTS entries_ad")
    db.execute("DROP TRIGGER IF EXISTS entries_au")
    db.execute("DROP TABLE IF EXISTS entries_fts")
    for row_id, speakers in db.execute("SELECT id, speakers FROM entries WHERE instr(speakers, '\\u') > 0").fetchall():
        try:
            written = json.dumps(json.loads(speakers), ensure_ascii=False)
        except json.JSONDecodeError:
            continue  # not the app's: left as it is
        db.execute("UPDATE entries SET speakers = ? WHERE id = ?", [written, row_id])
    db.execute('CREATE VIRTUAL TABLE entries_fts USING FTS5 (text, speakers, content="entries")')
    db.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
    db.execute("""CREATE TRIGGER entries_ai AFTER INSERT ON entries
        WHEN new.id < (SELECT coalesce(max(id), 0) FROM entries_fts_docsize)
        BEGIN
          INSERT INTO entries_fts (rowid, text, speakers) VALUES (new.id, new.text, new.speakers);
        END""")
    db.execute("""CREATE TRIGGER entries_ad AFTER DELETE ON entries
        WHEN EXISTS (SELECT 1 FROM entries_fts_docsize WHERE id = old.id)
        BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, text, speakers) VALUES ('delete', old.id, old.text, old.speakers);
        END""")
    db.execute("""CREATE TRIGGER entries_au AFTER UPDATE ON entries
        WHEN EXISTS (SELECT 1 FROM entries_fts_docsize WHERE id = old.id)
        BEGIN
          INSERT INTO entries_fts (entries_fts, rowid, text, speakers) VALUES ('delete', old.id, old.text, old.speakers);
          INSERT INTO entries_fts (rowid, text, speakers) VALUES (new.id, new.text, new.speakers);
        END""")


MIGRATIONS = (_schema_1, _schema_2, _schema_3, _schema_4, _schema_5, _schema_6, _schema_7, _schema_8, _schema_9, _schema_10,
              _schema_11, _schema_12)
SCHEMA_VERSION = len(MIGRATIONS)


# --- conversions between rows and the model --------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"{value!r} is not a date and time") from None
    return local_time(moment)


def names(value: str | None) -> list[str]:
    """A JSON list of names (an entry's speakers, a speaker's aliases), as the app writes them."""
    if not value or value == "[]":  # most entries (notes, outcomes) and most aliases
        return []
    try:
        return _name_list(json.loads(value), value)
    except json.JSONDecodeError:
        raise ValueError(f"{value!r} is not a list of names") from None


def _name_list(parsed: Any, written: Any) -> list[str]:
    if not isinstance(parsed, list) or not all(isinstance(name, str) for name in parsed):
        raise ValueError(f"{written!r} is not a list of names")
    return parsed


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"{value!r} is not a date") from None


_DATE_FIELDS = {"meeting_date", "end_date", "issue_date"}


def details_row(details: MeetingDetails) -> dict[str, Any]:
    row = {f.name: getattr(details, f.name) for f in fields(MeetingDetails)}
    return {k: _iso(v) if k in _DATE_FIELDS else v for k, v in row.items()}


def item_row(item: AgendaItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "section": item.section,
        "level": item.level,
        "parent_id": item.parent_id,
        "position": item.position,
        "doc_refs": json.dumps(item.doc_refs),
        "presenter": item.presenter,
        "mode": item.mode,
        "classification": item.classification,
        "planned_minutes": item.planned_minutes,
        "state": str(item.state),
        "started_at": _iso(item.started_at),
        "ended_at": _iso(item.ended_at),
        "to_check": item.to_check,
        "opened_at": _iso(item.opened_at),
        "spent_seconds": item.spent_seconds,
    }


def entry_row(entry: Entry) -> dict[str, Any]:
    return {
        "item_id": entry.item_id,
        "kind": str(entry.kind),
        "text": entry.text,
        "speakers": json.dumps(entry.speakers, ensure_ascii=False),  # as typed: the search index reads the names
        "outcome": entry.outcome,
        "deadline": entry.deadline,
        "position": entry.position,
        "started_at": _iso(entry.started_at),
        "ended_at": _iso(entry.ended_at),
        "private": int(entry.private),
    }


def item_from_row(row: dict[str, Any]) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        number=row["number"] or "",
        title=row["title"] or "",
        section=row["section"] or "",
        level=row["level"] or 0,
        parent_id=row["parent_id"],
        position=row["position"] or 0,
        doc_refs=json.loads(row["doc_refs"] or "[]"),
        presenter=row["presenter"] or "",
        mode=row["mode"] or "",
        classification=row["classification"] or "",
        planned_minutes=_planned(row["planned_minutes"]),
        state=ItemState(row["state"] or "pending"),
        started_at=_dt(row["started_at"]),
        ended_at=_dt(row["ended_at"]),
        to_check=row["to_check"],
        opened_at=_dt(row["opened_at"]),
        spent_seconds=row["spent_seconds"],
    )


def entry_from_row(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"],
        item_id=row["item_id"],
        kind=EntryKind(row["kind"]),
        text=row["text"] or "",
        speakers=names(row["speakers"]),
        outcome=row["outcome"] or "",
        deadline=row["deadline"] or "",
        position=row["position"] or 0,
        started_at=_dt(row["started_at"]),
        ended_at=_dt(row["ended_at"]),
        private=bool(row["private"]),
    )


def speaker_from_row(row: dict[str, Any]) -> Speaker:
    return Speaker(
        code=row["code"],
        name=row["name"],
        phrase=row["phrase"],
        kind=SpeakerKind(row["kind"]),
        order=row["protocol_order"],
        adjective=row["adjective"] or "",
        aliases=tuple(names(row["aliases"])),
    )


def details_from_row(row: dict[str, Any]) -> MeetingDetails:
    values = {f.name: row.get(f.name) for f in fields(MeetingDetails)}
    for key in _DATE_FIELDS:
        values[key] = iso_date(values[key])
    defaults = MeetingDetails()
    return MeetingDetails(**{k: (getattr(defaults, k) if v is None else v) for k, v in values.items()})


@dataclass
class MeetingSummary:
    id: int
    meeting_date: date | None
    committee: str
    short_name: str
    items: int
    interventions: int
    status: str
    updated_at: datetime | None
    to_check: int = 0  # items flagged to check with the Chair

    def listed_name(self, width: int = 32) -> str:
        """The meeting's name in a list: its short name, else its committee's, cut to `width` (a
        long one would push the columns after it off the screen)."""
        name = self.short_name or self.committee
        return name if len(name) <= width else name[: width - 1] + "…"


@dataclass
class SearchHit:
    meeting_id: int
    meeting_date: date | None
    committee: str
    item_id: int
    item_number: str
    item_title: str
    entry_id: int | None
    kind: str  # "item" for a title match, else the entry kind
    speakers: list[str]
    snippet: str  # the matching text with matches wrapped in [ and ]
    private: bool = False  # a private note: never in the minutes, so marked where it is shown

    @property
    def item_name(self) -> str:
        """The item as a one-line result names it: its number, or its title for a dash point."""
        return self.item_number if any(c.isalnum() for c in self.item_number) else f"“{self.item_title[:40]}”"


class Change:
    """The row changes of one transaction; each is logged as an event of the same group."""

    def __init__(self, store: Store, meeting_id: int | None, at: str, live: bool) -> None:
        self._store, self.meeting_id, self._at, self._live = store, meeting_id, at, live
        self._logged = False

    def insert(self, table: str, values: dict[str, Any], action: str) -> int:
        row_id = self._store.conn.execute(_insert_sql(table, tuple(values)), list(values.values())).lastrowid
        self._log(action, table, row_id, None, {"id": row_id, **values})
        return row_id

    def update(self, table: str, row_id: int, changes: dict[str, Any], action: str) -> None:
        before = self._store.row(table, row_id)
        if before is None:
            raise StoreError(f"{table} row {row_id} does not exist")
        self._store.conn.execute(
            f"UPDATE [{table}] SET {', '.join(f'[{k}] = ?' for k in changes)} WHERE id = ?",
            [*changes.values(), row_id],
        )
        self._log(action, table, row_id, before, {**before, **changes})

    def delete(self, table: str, row_id: int, action: str) -> None:
        before = self._store.row(table, row_id)
        self._store.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        self._log(action, table, row_id, before, None)

    def _log(self, action: str, table: str, row_id: int, before: Any, after: Any) -> None:
        # The group is worked out by SQLite: the first event opens the next group, the others join
        # it (the newest event is then this transaction's). One statement fewer per line saved.
        sql = _LOG_JOINING if self._logged else _LOG_OPENING
        self._store.conn.execute(
            sql,
            [
                self.meeting_id,
                self._at,
                action,
                table,
                row_id,
                json.dumps(before) if before is not None else None,
                json.dumps(after) if after is not None else None,
                int(self._live),
            ],
        )
        self._logged = True


_LOG = ("INSERT INTO events (meeting_id, grp, at, action, table_name, row_id, before, after, live)"
        " VALUES (?, {group}, ?, ?, ?, ?, ?, ?, ?)")
_NEWEST_GROUP = "(SELECT grp FROM events ORDER BY id DESC LIMIT 1)"
_LOG_OPENING = _LOG.format(group=f"coalesce({_NEWEST_GROUP}, 0) + 1")
_LOG_JOINING = _LOG.format(group=_NEWEST_GROUP)


def _if_disk_full(path: Path) -> str:
    """What SQLite calls "disk I/O error" when it cannot make its -shm file is often a full disk."""
    try:
        stat = os.statvfs(path.parent)
    except OSError:
        return ""
    return "; the disk is full" if stat.f_bavail * stat.f_frsize < 1 << 20 else ""


def _planned(value: object) -> int | None:
    if error := planned_minutes_error(value):  # edited outside the app: 2**62 overflowed the schedule
        raise ValueError(f"{value!r}: {error}")
    return value


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


class Store:
    """The SQLite database behind every meeting. Open with `Store(path)`."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.conn, self.read_only = self._connect(self.path)
        self._data_version = self._read_data_version()

    def _read_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window, the archive) committed a change since this
        was last asked: SQLite's data_version, one cheap read."""
        version = self._read_data_version()
        changed, self._data_version = version != self._data_version, version
        return changed

    @staticmethod
    def _connect(path: Path) -> tuple[sqlite3.Connection, bool]:
        """A connection, and whether it is read-only: a database on a read-only disk or folder (an
        archive on a CD, a mounted backup), or in a file only its owner's copy may change, is
        opened for reading. A newer or foreign database is refused before anything is written."""
        where = str(path)
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                # Create the file owner-only before SQLite does: its -wal and -shm copy these bits.
                # Only a new file: closing any descriptor of a file SQLite has open in this process
                # drops its POSIX locks, and another process may then delete the WAL under it.
                if not path.exists():
                    try:
                        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))
                    except FileExistsError:
                        pass
            conn = sqlite3.connect(where, isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            Store._check_schema(conn, where)
            if where != ":memory:" and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                conn.close()
                return Store._connect_read_only(path), True
            # Switch to WAL only when needed: the switch writes.
            if where != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            Store._migrate(conn, where)
        except sqlite3.DatabaseError as error:
            if where != ":memory:" and not os.access(path.parent, os.W_OK):
                if path.is_file():
                    return Store._connect_read_only(path), True
                raise StoreError(f"{where}: the database is on a read-only disk or folder ({error})") from None
            raise StoreError(f"{where}: cannot use this database ({error}{_if_disk_full(path)})") from None
        except OSError as error:
            raise StoreError(f"{where}: cannot open the database ({error.strerror})") from None
        return conn, False

    @staticmethod
    def _connect_read_only(path: Path) -> sqlite3.Connection:
        """Read as the file is, or as it was left: SQLite reads the changes still in the -wal file
        only where it can open the -shm file beside it. Where it cannot (a read-only disk), the
        database and its -wal are copied to a private temporary folder and read there (opened
        "immutable", the last lines typed before a crash were missing without a word)."""
        where = str(path)
        wal = Path(f"{path}-wal")
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
            try:
                conn.execute("PRAGMA user_version").fetchone()
            except sqlite3.DatabaseError:
                conn.close()
                if wal.is_file() and wal.stat().st_size:
                    conn = Store._connect_copy(path, wal)
                else:  # nothing beyond the file itself: read it without the -shm SQLite cannot create
                    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            Store._check_schema(conn, where)
        except (sqlite3.DatabaseError, OSError) as error:
            raise StoreError(f"{where}: the database cannot be written, and cannot be read ({error})") from None
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError(f"{where}: the database cannot be written and was written by an older"
                             " minutes_tui: copy it to a writable folder to open it")
        return conn

    @staticmethod
    def _connect_copy(path: Path, wal: Path) -> sqlite3.Connection:
        # Imported here: seldom needed, and not worth their time at every command's start.
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="minutes_tui-"))  # owner-only
        atexit.register(shutil.rmtree, folder, True)
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, f"{copy}-wal")
        return sqlite3.connect(copy, isolation_level=None)

    @staticmethod
    def _check_schema(conn: sqlite3.Connection, where: str) -> None:
        """Refuse, before anything is written, a database of a newer minutes_tui or of another
        program (its bookmarks were given our tables, and WAL mode)."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where}: this database was written by a newer minutes_tui (schema {version}; "
                f"this program knows up to {SCHEMA_VERSION}). Upgrade minutes_tui to open it."
            )
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables and "meetings" not in tables:
            raise StoreError(f"{where}: not a minutes_tui database (its tables are another program's)")

    @staticmethod
    def _migrate(conn: sqlite3.Connection, where: str) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        # sqlite-utils (and the numpy it may pull in) is loaded only when the schema has to change:
        # it costs more than everything else a CLI command does.
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        for number in range(version, SCHEMA_VERSION):
            with db.conn:
                db.conn.execute("BEGIN IMMEDIATE")
                MIGRATIONS[number](db)
                db.conn.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.conn.close()

    # --- reading -------------------------------------------------------------------------------

    def row(self, table: str, row_id: int) -> dict[str, Any] | None:
        cursor = self.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([c[0] for c in cursor.description], values))

    def rows(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [c[0] for c in cursor.description]
        for values in cursor:
            yield dict(zip(names, values))

    def read(self, what: str, sql: str, params: list[Any], convert: Callable[[dict[str, Any]], T]) -> list[T]:
        """The rows of a query, each made into a model object (`what`, for messages) by `convert`. A
        value the app cannot have written (a 30 February, an unknown kind: the file is open to
        sqlite-utils and Datasette) is a one-line StoreError that names it, not a traceback."""
        converted = []
        try:
            for row in self.rows(sql, params):
                try:
                    converted.append(convert(row))
                except (ValueError, TypeError) as error:
                    which = f"{what} {row['id']}" if row.get("id") is not None else f"a {what}"
                    raise StoreError(f"{self.path}: {which} has a value minutes_tui cannot read: {error}") from error
        except sqlite3.DatabaseError as error:  # SQLite's own: a damaged page, malformed JSON
            raise StoreError(read_error_message(self.path, error)) from None
        return converted

    def load_meeting(self, meeting_id: int, defer_entries: bool = False) -> Meeting:
        """The whole meeting; with `defer_entries`, its entries are read when first used, and until
        then one item's at a time (see `Meeting.defer_entries`)."""
        items = self.read("agenda item", "SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id], item_from_row)
        attendance = self.read("attendance", "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id],
                               lambda r: Attendance(r["code"], r["status"]))
        speakers = self.read("speaker", "SELECT * FROM speakers WHERE meeting_id = ? ORDER BY id", [meeting_id], speaker_from_row)
        found = self.read("meeting", "SELECT * FROM meetings WHERE id = ?", [meeting_id], lambda r: Meeting(
            id=meeting_id,
            details=details_from_row(r),
            items=items,
            attendance=attendance,
            speakers=speakers,
            status=r["status"] or "in progress",
            started_at=_dt(r["started_at"]),
            ended_at=_dt(r["ended_at"]),
        ))
        if not found:
            raise StoreError(f"{self.path}: there is no meeting {meeting_id} (see `minutes list`)")
        meeting = found[0]
        load = functools.partial(self.load_entries, meeting_id)
        if defer_entries:
            meeting.defer_entries(load)
        else:
            meeting.entries = load()
        return meeting

    def load_entries(self, meeting_id: int, item_id: int | None = None) -> list[Entry]:
        """The meeting's entries (or one item's), by item and position."""
        if item_id is None:
            return self.read("entry", "SELECT * FROM entries WHERE meeting_id = ? ORDER BY item_id, position", [meeting_id],
                             entry_from_row)
        return self.read("entry", "SELECT * FROM entries WHERE meeting_id = ? AND item_id = ? ORDER BY position",
                         [meeting_id, item_id], entry_from_row)

    def speaking_totals(self, meeting_id: int) -> dict[str, int]:
        """Speaking seconds per speaker over the meeting's timed interventions, read without the
        entries themselves: the first screen shows the totals before the entries are read. The same
        rule as `Session._count_speaking_time` (a test keeps the two in step)."""
        # Times as the app writes them ('2021-11-22T10:00:40', whole seconds) SQLite subtracts
        # exactly, summed per group of speakers in one pass; any other form (imported, edited) is
        # counted there and, if there is any, left to Python.
        canonical = "started_at GLOB '????-??-??T??:??:??' AND ended_at GLOB '????-??-??T??:??:??'"
        timed = "started_at IS NOT NULL AND ended_at IS NOT NULL"
        grouped = f"""SELECT speakers,
                        sum(CASE WHEN {canonical} THEN round((julianday(ended_at) - julianday(started_at)) * 86400) END)
                          AS seconds,
                        count(CASE WHEN {timed} AND NOT ({canonical}) THEN 1 END) AS uncounted
                      FROM entries WHERE meeting_id = ? AND kind = ? GROUP BY speakers"""
        other = f"""SELECT id, speakers, started_at, ended_at FROM entries WHERE meeting_id = ? AND kind = ?
                    AND {timed} AND NOT ({canonical})"""
        kind = str(EntryKind.INTERVENTION)
        totals: dict[str, int] = {}
        groups = self.read("group of entries", grouped, [meeting_id, kind],
                           lambda r: (names(r["speakers"]), r["seconds"], r["uncounted"]))
        turns = [(speakers, seconds) for speakers, seconds, _ in groups]
        if any(uncounted for _, _, uncounted in groups):
            turns += self.read("entry", other, [meeting_id, kind], lambda r: (
                names(r["speakers"]), seconds_between(_dt(r["started_at"]), _dt(r["ended_at"]))))
        for speakers, seconds in turns:
            if seconds is not None:  # no timed turn in the group, or an empty time (''), as in Session
                add_speaking_time(totals, speakers, int(seconds))
        return totals

    def list_meetings(self) -> list[MeetingSummary]:
        sql = """
            SELECT m.id, m.meeting_date, m.committee, m.short_name, m.updated_at,
              CASE WHEN coalesce(m.status, '') IN ('', 'in progress') AND m.ended_at IS NOT NULL THEN 'ended'
                   WHEN coalesce(m.status, '') IN ('', 'in progress') AND m.started_at IS NULL THEN 'not started'
                   ELSE m.status END AS status,  -- closed (/close), or never opened; not yet marked a draft or final
              (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS items,
              (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.to_check != '') AS to_check,
              (SELECT count(*) FROM entries e WHERE e.meeting_id = m.id AND e.kind = 'intervention')
                AS interventions
            FROM meetings m ORDER BY m.meeting_date DESC, m.id DESC"""
        return self.read("meeting", sql, [], lambda r: MeetingSummary(
            id=r["id"],
            meeting_date=iso_date(r["meeting_date"]),
            committee=r["committee"] or "",
            short_name=r["short_name"] or "",
            items=r["items"],
            interventions=r["interventions"],
            status=r["status"] or "",
            updated_at=_dt(r["updated_at"]),
            to_check=r["to_check"],
        ))

    def meeting_status(self, meeting_id: int) -> str:
        try:
            row = self.conn.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        except OverflowError:  # an id SQLite cannot hold (`minutes export 99999999999999999999`): no meeting's
            row = None
        if row is None:
            raise StoreError(f"{self.path}: there is no meeting {meeting_id} (see `minutes list`)")
        return row[0] or "in progress"

    def latest_meeting_id(self) -> int | None:
        """The meeting changed most recently: what `minutes open` resumes by default."""
        row = self.conn.execute("SELECT id FROM meetings ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def events(self, meeting_id: int) -> list[dict[str, Any]]:
        return list(self.rows("SELECT * FROM events WHERE meeting_id = ? ORDER BY id", [meeting_id]))

    def versions(self, meeting_id: int) -> list[dict[str, Any]]:
        """The meeting's draft and final versions as stored, oldest first (`archive.versions` reads them)."""
        return list(self.rows("SELECT status, created_at, text FROM versions WHERE meeting_id = ? ORDER BY id", [meeting_id]))

    # --- writing -------------------------------------------------------------------------------

    @contextmanager
    def change(self, meeting_id: int | None, at: datetime, live: bool = True) -> Iterator[Change]:
        """One transaction, committed (synchronous=FULL) before the `with` block is left."""
        at_text = at.isoformat()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield Change(self, meeting_id, at_text, live)
                if meeting_id is not None:
                    self.conn.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", [at_text, meeting_id])
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite has already rolled back after a full disk (SQLITE_FULL)
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not save ({error})") from None

    def create_meeting(self, agenda: ParsedAgenda, at: datetime) -> int:
        """Store a parsed agenda as a new meeting, all in one transaction."""
        # Number the items so parents can be named by id, as in a stored meeting.
        items = [
            replace(item, id=index + 1, parent_id=None if parent is None else parent + 1)
            for index, (item, parent) in enumerate(zip(agenda.items, agenda.parent_index))
        ]
        return self.insert_meeting(Meeting(None, agenda.details, items, speakers=agenda.speakers), at)

    def insert_meeting(self, meeting: Meeting, at: datetime, versions: Iterable[dict[str, Any]] = ()) -> int:
        """Store a whole meeting (from an agenda or a JSON export) as a new one; returns its id.

        The ids in `meeting` only link its parts (parents, entries' items); new ones are given.
        `versions`: its drafts and final ({"status", "created_at", "text"}), as a JSON export keeps them.
        """
        with self.change(None, at) as change:
            meeting_id = change.insert(
                "meetings",
                {
                    **details_row(meeting.details),
                    "status": meeting.status,
                    "started_at": _iso(meeting.started_at),
                    "ended_at": _iso(meeting.ended_at),
                    "created_at": at.isoformat(),
                    "updated_at": at.isoformat(),
                },
                "create meeting",
            )
            change.meeting_id = meeting_id  # the meeting's own rows belong to it
            item_ids: dict[int | None, int | None] = {None: None}
            for item in sorted(meeting.items, key=lambda i: i.position):
                row = item_row(item) | {"meeting_id": meeting_id, "parent_id": item_ids.get(item.parent_id)}
                item_ids[item.id] = change.insert("items", row, "add item")
            for entry in meeting.entries:
                row = entry_row(entry) | {"meeting_id": meeting_id, "item_id": item_ids[entry.item_id]}
                change.insert("entries", row, "add entry")
            for attendance in meeting.attendance:
                row = {"meeting_id": meeting_id, "code": attendance.code, "status": attendance.status}
                change.insert("attendance", row, "attendance")
            for speaker in meeting.speakers:
                change.insert(
                    "speakers",
                    {
                        "meeting_id": meeting_id,
                        "code": speaker.code,
                        "name": speaker.name,
                        "phrase": speaker.phrase,
                        "kind": str(speaker.kind),
                        "protocol_order": speaker.order,
                        "adjective": speaker.adjective,
                        "aliases": json.dumps(list(speaker.aliases)),
                    },
                    "add speaker",
                )
            for version in versions:  # not logged, as `archive.set_status` keeps them: snapshots, not edits
                self.conn.execute("INSERT INTO versions (meeting_id, status, created_at, text) VALUES (?, ?, ?, ?)",
                                  [meeting_id, version["status"], _iso(version["created_at"]), version["text"]])
        self.try_index_pending()  # an import is searchable at once (no live screen may index it)
        return meeting_id

    def newest_change(self, meeting_id: int) -> list[dict[str, Any]]:
        """The events of the meeting's newest change not undone yet, newest first: what `undo` would
        revert (its `live` says whether it was made during the meeting). None left: []."""
        row = self.conn.execute(
            "SELECT max(grp) FROM events WHERE meeting_id = ? AND undone = 0 AND action NOT IN ('undo', 'redo')",
            [meeting_id],
        ).fetchone()
        if row[0] is None:
            return []
        events = list(self.rows(  # a meeting's creation event is logged before it has an id: NULL
            "SELECT * FROM events WHERE (meeting_id = ? OR meeting_id IS NULL) AND grp = ? ORDER BY id DESC",
            [meeting_id, row[0]],
        ))
        return [] if any(e["action"] == "create meeting" for e in events) else events  # the creation is not an edit

    def undo(self, meeting_id: int, at: datetime, live: bool = True) -> tuple[int, str] | None:
        """Revert the newest change not yet undone; returns its group and action, or None. The undo
        is logged as made during the meeting or after it (`live`), as every change is."""
        events = self.newest_change(meeting_id)
        if not events:
            return None
        group = events[0]["grp"]
        with self.change(meeting_id, at, live) as change:
            self._replay(change, events, "undo", group)
            self.conn.execute("UPDATE events SET undone = 1 WHERE meeting_id = ? AND grp = ?", [meeting_id, group])
        return group, events[-1]["action"]

    def redo(self, meeting_id: int, group: int, at: datetime, live: bool = True) -> str | None:
        """Make again the changes of `group`, which `undo` reverted; returns its action. None, and
        nothing done, if the meeting changed since the undo other than by undo and redo (another
        window, the archive): the changes would land on rows that are no longer as they were."""
        newest = self.conn.execute("SELECT action FROM events WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", [meeting_id]).fetchone()
        events = list(self.rows(
            "SELECT * FROM events WHERE meeting_id = ? AND grp = ? AND undone = 1 ORDER BY id", [meeting_id, group]
        ))
        if not events or newest is None or newest[0] not in ("undo", "redo"):
            return None
        with self.change(meeting_id, at, live) as change:
            self._replay(change, events, "redo", group)
            self.conn.execute("UPDATE events SET undone = 0 WHERE meeting_id = ? AND grp = ?", [meeting_id, group])
        return events[0]["action"]

    def _replay(self, change: Change, events: list[dict[str, Any]], action: str, group: int) -> None:
        """Take each logged row back to its state before (undo, the newest event first) or after (redo)."""
        moved: dict[tuple[str, int], int] = {}  # rows restored under a new id in this replay
        for event in events:
            table = event["table_name"]
            row_id = moved.get((table, event["row_id"]), event["row_id"])
            now, wanted = (event["after"], event["before"]) if action == "undo" else (event["before"], event["after"])
            row = json.loads(wanted) if wanted else None
            if row is None:
                change.delete(table, row_id, action)
            elif now is None:
                moved[(table, event["row_id"])] = self._restore(change, table, {**row, "id": row_id}, action, group)
            else:
                change.update(table, row_id, {k: v for k, v in row.items() if k != "id"}, action)

    def _restore(self, change: Change, table: str, row: dict[str, Any], action: str, group: int) -> int:
        """Insert a deleted row again, under its id; returns the id. SQLite gives the highest id again
        once its row is deleted, so another meeting may have taken it since: then the row comes back
        under a new id, and this meeting's events that may be replayed later are made to name that
        one: those not undone (undo goes on back) and, on redo, this group and the later ones undone."""
        if self.conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [row["id"]]).fetchone() is None:
            change.insert(table, row, action)
            return row["id"]
        new_id = change.insert(table, {k: v for k, v in row.items() if k != "id"}, action)
        condition = "undone = 0" if action == "undo" else "grp >= :group"  # the events that may be replayed
        self.conn.execute(
            "UPDATE events SET row_id = :new, before = json_set(before, '$.id', :new), after = json_set(after, '$.id', :new)"
            f" WHERE meeting_id = :meeting AND {condition} AND table_name = :table AND row_id = :old",
            {"new": new_id, "meeting": change.meeting_id, "table": table, "old": row["id"], "group": group},
        )
        return new_id

    # --- drafts, locks, backup -----------------------------------------------------------------

    def save_draft(self, meeting_id: int, text: str, at: datetime, form: str = "") -> None:
        """The half-typed entry line, and a form left open (`form`: what the live screen needs to
        open it again with what was typed in it; "" if none); not an event (not part of the record).

        Saved with synchronous=NORMAL (no fsync of its own): a draft may lose its last second in a
        power cut, a committed line never does."""
        try:
            with self._without_fsync():
                self.conn.execute(
                    "INSERT OR REPLACE INTO drafts (meeting_id, text, form, saved_at) VALUES (?, ?, ?, ?)",
                    [meeting_id, text, form, at.isoformat()],
                )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not save the draft ({error})") from None

    @contextmanager
    def _without_fsync(self) -> Iterator[None]:
        """One transaction committed with synchronous=NORMAL, for what is not the record itself: in a
        power cut it may be lost, never half-written, and the next full commit makes it durable."""
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                yield
        finally:
            self.conn.execute("PRAGMA synchronous = FULL")

    def index_pending(self) -> int:
        """Index for search the entries saved since the last call (see `_schema_7`); returns how many.
        The live screen calls it once a second and when it quits; every search and import does first."""
        try:
            if self.conn.execute(_ANY_PENDING).fetchone() is None:
                return 0  # the usual case, two index lookups: no transaction, no write
            with self._without_fsync():  # the index can always be rebuilt from the entries
                return self.conn.execute(_INDEX_PENDING).rowcount
        except sqlite3.Error as error:
            if is_damage(error):
                raise StoreError(read_error_message(self.path, error)) from None
            raise IndexNotWritten(f"{self.path}: could not index the newest entries for search ({error})") from None

    def save_floor_state(self, meeting_id: int, state: dict[str, Any], at: datetime) -> None:
        """The speakers' queue and the floor: like the draft, working state rather than the record."""
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute(
                    "INSERT OR REPLACE INTO floor_state (meeting_id, state, saved_at) VALUES (?, ?, ?)",
                    [meeting_id, json.dumps(state), at.isoformat()],
                )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: could not save the speakers' queue ({error})") from None

    def load_floor_state(self, meeting_id: int) -> FloorState:
        """The speakers' queue and who has the floor since when, as `save_floor_state` wrote them."""
        def convert(row: dict[str, Any]) -> FloorState:
            state = json.loads(row["state"])
            try:
                queue = [tuple(_name_list(codes, codes)) for codes in state.get("queue", [])]
                floor = state.get("floor")
                if not floor:
                    return queue, None
                item_id = floor.get("item_id")  # none in a floor saved before turns kept their item: the open item takes it
                if item_id is not None and not isinstance(item_id, int):
                    raise ValueError(f"{item_id!r} is not an item id")
                return queue, (tuple(_name_list(floor["speakers"], floor)), _dt(floor["since"]), item_id)
            except (AttributeError, KeyError):
                raise ValueError(f"{row['state']!r} is not a queue and a floor") from None

        found = self.read("speakers' queue", "SELECT state FROM floor_state WHERE meeting_id = ?", [meeting_id], convert)
        return found[0] if found else ([], None)

    def load_draft(self, meeting_id: int) -> str:
        row = self.conn.execute("SELECT text FROM drafts WHERE meeting_id = ?", [meeting_id]).fetchone()
        return row[0] if row else ""

    def load_form_draft(self, meeting_id: int) -> str:
        row = self.conn.execute("SELECT form FROM drafts WHERE meeting_id = ?", [meeting_id]).fetchone()
        return row[0] if row else ""

    def acquire_lock(self, meeting_id: int, at: datetime) -> bool:
        """Hold a meeting for this process; False if another live process on this host holds it."""
        host, pid = socket.gethostname(), os.getpid()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.held_elsewhere(meeting_id):
                return False
            self.conn.execute(
                "INSERT OR REPLACE INTO locks (meeting_id, pid, host, since) VALUES (?, ?, ?, ?)",
                [meeting_id, pid, host, at.isoformat()],
            )
        return True

    def held_elsewhere(self, meeting_id: int) -> bool:
        """Whether another live process on this host holds the meeting (a lock left by a process
        that died, or taken on another host, does not count)."""
        row = self.conn.execute("SELECT pid, host FROM locks WHERE meeting_id = ?", [meeting_id]).fetchone()
        host, pid = socket.gethostname(), os.getpid()
        return bool(row) and (row[0], row[1]) != (pid, host) and row[1] == host and _process_alive(row[0])

    def held_here(self, meeting_id: int) -> bool:
        """Whether this process holds the meeting: its live screen is open in this window."""
        holder = self.lock_holder(meeting_id)
        return holder is not None and holder[:2] == (os.getpid(), socket.gethostname())

    def lock_holder(self, meeting_id: int) -> tuple[int, str, datetime] | None:
        """(pid, host, since) of the process holding the meeting, if any."""
        row = self.conn.execute("SELECT pid, host, since FROM locks WHERE meeting_id = ?", [meeting_id]).fetchone()
        return (row[0], row[1], datetime.fromisoformat(row[2])) if row else None

    def release_lock(self, meeting_id: int) -> None:
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM locks WHERE meeting_id = ? AND pid = ?", [meeting_id, os.getpid()])

    def backup(self, destination: Path) -> None:
        """A consistent copy with SQLite's online backup, safe while a meeting is open. The CLI backs
        up into a new file that `export.files.write_private` then renames into place (all or nothing)."""
        if not destination.exists():  # owner-only, as the database; an existing file is left as it is
            os.close(os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        target = sqlite3.connect(destination)
        try:
            self.conn.backup(target)
            with target:  # the copy is open in no window: restored, it said "open in another window"
                target.execute("DELETE FROM locks")
        except sqlite3.DatabaseError as error:
            if is_damage(error):  # the copy is new: what is damaged is this database
                raise StoreError(read_error_message(self.path, error)) from None
            raise  # the copy could not be written (a full disk): the caller names it
        finally:
            target.close()

    # --- search --------------------------------------------------------------------------------

    def unindexed(self) -> int:
        """How many entries are not indexed for search: some only where the index cannot be written
        (a read-only disk), which a search should say."""
        return self.conn.execute("SELECT count(*) FROM entries WHERE " + _PENDING).fetchone()[0]

    def try_index_pending(self) -> None:
        """`index_pending` where failing to write must not stop what follows (a search, an import).
        If the index cannot be written (a full disk, a read-only file), a search runs on what is
        indexed: it misses only the newest entries, which stay pending, and nothing is lost. A damaged
        database is still an error."""
        try:
            self.index_pending()
        except IndexNotWritten:
            pass

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over item titles and entry texts of every meeting."""
        match = fts_query(query)
        if not match:
            return []
        self.try_index_pending()
        return self.read(
            "search result",
            """
            SELECT e.meeting_id, m.meeting_date, m.short_name, e.item_id, i.number, i.title,
                   e.id AS entry_id, e.kind, e.speakers,
                   snippet(entries_fts, 0, '[', ']', '…', 12) AS snippet, entries_fts.rank AS rank
            FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid
            JOIN items i ON i.id = e.item_id JOIN meetings m ON m.id = e.meeting_id
            WHERE entries_fts MATCH ?
            UNION ALL
            SELECT i.meeting_id, m.meeting_date, m.short_name, i.id, i.number, i.title,
                   NULL, 'item', '[]',
                   snippet(items_fts, 0, '[', ']', '…', 12), items_fts.rank
            FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
            JOIN meetings m ON m.id = i.meeting_id
            WHERE items_fts MATCH ?
            ORDER BY rank LIMIT ?""",
            [match, match, limit],
            lambda r: SearchHit(
                meeting_id=r["meeting_id"], meeting_date=iso_date(r["meeting_date"]), committee=r["short_name"] or "",
                item_id=r["item_id"], item_number=r["number"] or "", item_title=r["title"] or "",
                entry_id=r["entry_id"], kind=r["kind"], speakers=names(r["speakers"]),
                snippet=r["snippet"],
            ),
        )


def fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query: words and "quoted phrases", all required; a
    word ending in * stands for the words it starts ("instrument*"); one after a minus, not wanted
    ("fighters -Europol"; alone, a minus word excludes from nothing and is left out)."""
    terms: list[str] = []
    unwanted: list[str] = []
    for index, part in enumerate(query.split('"')):
        if index % 2:  # inside quotes: a phrase
            if part.strip():
                terms.append('"' + part.strip() + '"')
            continue
        for word in part.split():
            if stem := word.lstrip("-").rstrip("*"):
                (unwanted if word.startswith("-") else terms).append(f'"{stem}"' + "*" * word.endswith("*"))
    if unwanted and terms:
        return " ".join([f"({' '.join(terms)})", *(f"NOT {term}" for term in unwanted)])
    return " ".join(terms)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
