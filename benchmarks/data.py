"""Benchmark data: the COSI sample meeting, a large meeting and an archive of past meetings.

The two meetings go through the real `Store` API (one `Store.change` transaction each, so rows and
events look exactly like the app's). The archive is too big for that: its rows are inserted with
`executemany` in one transaction into the same tables, then indexed for search in one batch. It is
cached under the user cache folder, keyed by the schema version, because it takes a while to build.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from minutes_tui.core.model import AgendaItem, EntryKind, MeetingDetails, ParsedAgenda, Speaker, SpeakerKind
from minutes_tui.core.speakers import default_register
from minutes_tui.core.store import SCHEMA_VERSION, Store, entry_row
from minutes_tui.core.model import Entry

REPO = Path(__file__).resolve().parent.parent
COSI_AGENDA = REPO / "sample_agendas" / "cosi-2021-11-22.md"
DATA_VERSION = 2  # bump when the generated archive changes shape
START = datetime(2021, 11, 22, 10, 0)

# A small vocabulary with a few very common words, so FTS queries hit both rare and common terms.
COMMON = "the of and to in on for with a delegation delegations support called".split()
TOPICS = (
    "migrant smuggling action plan operational cooperation terrorism threat assessment encryption "
    "Europol Eurojust Frontex EMPACT Schengen borders Afghanistan recovery funds organised crime "
    "infiltration intelligence picture investigation judicial authorities prosecutors artificial "
    "intelligence innovation hub steering group missing persons police cooperation conclusions "
    "radicalisation firearms trafficking cybercrime ransomware drugs cocaine harbours customs "
    "interoperability databases biometrics visa asylum returns hybrid threats disinformation"
).split()
VERBS = "called expressed supported underlined stressed informed welcomed asked noted recalled".split()


# Word frequencies follow Zipf's law, as in real text: a few function words, topic words from
# common ("delegation", "Europol") to rare, and a long tail of other words.
FILLER = [f"{a}{b}" for a in ("re", "pro", "con", "trans", "inter", "sub") for b in
          ("port", "form", "cess", "tect", "gram", "vide", "ject", "mit", "sist", "duct", "tain", "fer")]
VOCABULARY = COMMON + TOPICS + [f"{w}{n}" for n in range(40) for w in FILLER]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def sentence(rng: random.Random, words: int = 18) -> str:
    text = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


# --- agendas ---------------------------------------------------------------------------------


def cosi_agenda() -> ParsedAgenda:
    """The COSI meeting of 22 November 2021: the sample agenda file once it exists, else by hand."""
    if COSI_AGENDA.exists():
        try:
            from minutes_tui.core.agenda import load_agenda

            return load_agenda(COSI_AGENDA)
        except Exception:  # the parser is being written by someone else: fall back
            pass
    details = MeetingDetails(
        committee="Standing Committee on Operational Cooperation on Internal Security (COSI)",
        short_name="COSI", body_name="COSI", meeting_date=date(2021, 11, 22), agenda_ref="CM 5119/21",
        doc_number="14342/21", file_codes="JAI 1297 COSI 240",
    )
    rows = [  # (number, title, level, parent index, section)
        ("1.", "Adoption of the agenda", 0, None, ""),
        ("2.", "Information by the Presidency", 0, None, ""),
        ("3.", "EU migrant smuggling action plan: operational cooperation aspects", 0, None, "Discussion items"),
        ("4.", "COVID-19 recovery funds – role of law enforcement authorities", 0, None, "Discussion items"),
        ("5.", "Counter-terrorism: priorities and way forward", 0, None, "Discussion items"),
        ("6.", "Counter-terrorism", 0, None, "Items for information/endorsement"),
        ("6.1.", "EU Threat assessment in the field of counterterrorism: recommendations", 1, 5, ""),
        ("6.2.", "Procedure for enhanced security checks (Afghanistan)", 1, 5, ""),
        ("7.", "Digital", 0, None, "Items for information/endorsement"),
        ("7.1.", "AI Act", 1, 8, ""),
        ("7.2.", "Encryption", 1, 8, ""),
        ("7.3.", "EU Innovation Hub for internal security - Steering group", 1, 8, ""),
        ("8.", "Draft Council conclusions on cross-border police cooperation: missing persons", 0, None, ""),
        ("9.", "AOB", 0, None, ""),
    ]
    items = [AgendaItem(None, n, t, section=s, level=lv, position=i) for i, (n, t, lv, _, s) in enumerate(rows)]
    return ParsedAgenda(details, items, [p for *_, p, _ in rows])


def large_agenda(items: int = 300, speakers: int = 50, seed: int = 1) -> ParsedAgenda:
    """`items` agenda items (every tenth one a heading with sub-items) and a meeting's own speakers."""
    rng = random.Random(seed)
    details = MeetingDetails(committee="Large Committee (LARGE)", short_name="LARGE", meeting_date=date(2022, 5, 3))
    agenda_items, parents, top, sub, parent = [], [], 0, 0, None
    for index in range(items):
        if index % 10 == 0 or parent is None:
            top, sub, parent = top + 1, 0, index
            number, level, parent_of = f"{top}.", 0, None
        else:
            sub += 1
            number, level, parent_of = f"{top}.{sub}.", 1, parent
        title = " ".join(rng.choice(TOPICS) for _ in range(6)).capitalize()
        agenda_items.append(AgendaItem(None, number, title, level=level, position=index, doc_refs=[f"{13000 + index}/22"]))
        parents.append(parent_of)
    known = len(list(default_register()))
    extra = [Speaker(f"X{n}", f"Guest {n}", f"the guest speaker {n}", SpeakerKind.OTHER) for n in range(max(0, speakers - known))]
    return ParsedAgenda(details, agenda_items, parents, extra)


# --- meetings through the Store API ------------------------------------------------------------


def speaker_codes(speakers: int = 50) -> list[str]:
    codes = [s.code for s in default_register()][:speakers]
    return codes + [f"X{n}" for n in range(max(0, speakers - len(codes)))]


def add_entries(store: Store, meeting_id: int, count: int, speakers: int = 50, seed: int = 2) -> None:
    """`count` interventions and notes spread over the meeting's items, in one Store transaction."""
    rng = random.Random(seed)
    codes = speaker_codes(speakers)
    meeting = store.load_meeting(meeting_id)
    items = [i for i in meeting.items if i.id not in {j.parent_id for j in meeting.items}] or meeting.items
    positions: dict[int, int] = {}
    at = START
    with store.change(meeting_id, at) as change:
        for n in range(count):
            item = items[n * len(items) // count]
            positions[item.id] = positions.get(item.id, 0) + 1
            at += timedelta(seconds=20)
            if rng.random() < 0.8:
                who = rng.sample(codes, rng.choice((1, 1, 1, 2, 3)))
                entry = Entry(None, item.id, EntryKind.INTERVENTION, sentence(rng), who, started_at=at,
                              ended_at=at + timedelta(seconds=15))
            else:
                entry = Entry(None, item.id, EntryKind.NOTE, sentence(rng), started_at=at)
            entry.position = positions[item.id]
            change.insert("entries", entry_row(entry) | {"meeting_id": meeting_id}, "add " + str(entry.kind))


def build_meeting(db: Path, agenda: ParsedAgenda, entries: int, speakers: int = 50) -> int:
    """A new meeting in `db` from `agenda` with `entries` entries; returns its id."""
    store = Store(db)
    try:
        meeting_id = store.create_meeting(agenda, START - timedelta(days=1))
        if entries:
            add_entries(store, meeting_id, entries, speakers)
            store.index_pending()  # as the live screen does within a second
        return meeting_id
    finally:
        store.close()


def cosi_meeting(db: Path, entries: int = 30) -> int:
    return build_meeting(db, cosi_agenda(), entries)


def large_meeting(db: Path, items: int = 300, entries: int = 5000, speakers: int = 50) -> int:
    return build_meeting(db, large_agenda(items, speakers), entries, speakers)


# --- the archive: bulk rows ----------------------------------------------------------------------


def build_archive(db: Path, meetings: int = 1000, items_per_meeting: int = 15, entries_per_meeting: int = 300,
                  seed: int = 3) -> None:
    """`meetings` past meetings with their items and entries, inserted in bulk in one transaction."""
    store = Store(db)  # creates the schema (tables, FTS5 tables and triggers)
    rng = random.Random(seed)
    codes = speaker_codes()
    conn = store.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        meeting_rows, item_rows, entry_rows = [], [], []
        item_id = entry_id = 0
        for m in range(1, meetings + 1):
            day = date(2015, 1, 5) + timedelta(days=3 * m)
            stamp = datetime.combine(day, START.time()).isoformat()
            meeting_rows.append((m, "Standing Committee (COSI)" if m % 3 else "Working Party (LEWP)",
                                 "COSI" if m % 3 else "LEWP", "the Committee", day.isoformat(), "final",
                                 stamp, stamp, stamp))
            first_item = item_id + 1
            for i in range(items_per_meeting):
                item_id += 1
                title = " ".join(rng.choice(TOPICS) for _ in range(5)).capitalize()
                item_rows.append((item_id, m, f"{i + 1}.", title, 0, i, "[]", "done"))
            for e in range(entries_per_meeting):
                entry_id += 1
                item = first_item + e * items_per_meeting // entries_per_meeting
                speaker = rng.sample(codes, 1) if rng.random() < 0.8 else []
                kind = "intervention" if speaker else "note"
                entry_rows.append((entry_id, m, item, kind, sentence(rng), json.dumps(speaker), e + 1, stamp))
        conn.executemany(
            "INSERT INTO meetings (id, committee, short_name, body_name, meeting_date, status, started_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", meeting_rows)
        conn.executemany(
            "INSERT INTO items (id, meeting_id, number, title, level, position, doc_refs, state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", item_rows)
        conn.executemany(
            "INSERT INTO entries (id, meeting_id, item_id, kind, text, speakers, position, started_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry_rows)
        conn.execute("COMMIT")
        store.index_pending()
        conn.execute("PRAGMA optimize")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        store.close()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    path = Path(base) / "minutes_tui-benchmarks"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return Path(tempfile.gettempdir())


def cached_archive(meetings: int = 1000, entries_per_meeting: int = 300) -> Path:
    """The archive database, built once per schema/data version and size, then reused."""
    path = cache_dir() / f"archive-s{SCHEMA_VERSION}-d{DATA_VERSION}-{meetings}x{entries_per_meeting}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        build_archive(partial, meetings, entries_per_meeting=entries_per_meeting)
        partial.rename(path)
    return path


def open_current_item(db: Path, meeting_id: int) -> None:
    """Make the item a third of the way down the agenda the current one, as in a meeting under way."""
    from minutes_tui.core.clock import FrozenClock
    from minutes_tui.core.session import Session

    store = Store(db)
    try:
        session = Session(store, meeting_id, FrozenClock(START))
        items = session.steppable_items()
        session.go_to_item(items[len(items) // 3].id)
    finally:
        store.close()
