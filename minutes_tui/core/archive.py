"""The archive of past meetings: search queries, statistics, status (drafts, final) and versions.

Everything here reads the store through SQL with bound parameters: user text is never formatted into
SQL. Status changes go through `Store.change`, so they are in the event log like every other edit.

Search queries combine, in any order:
    words and "quoted phrases"       full-text search over item titles and entry texts (all required)
    speaker:DE  committee:COSI       a speaker (code or any name the register knows, or words of a
                                     name typed as free text: speaker:Jansen) and a committee;
                                     several words in quotes: committee:"Riverton City Council"
    since 1 Nov 2021, after D        meetings on/after D (after: strictly after)
    before 2022-01-01, until D       meetings before D (until: up to and including D)
                                     D may be a month or a year: since its first day, until its last
    this/last week|month|year        a calendar period relative to `today`
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .session import SessionError
from .speakers import default_register
from .store import MeetingSummary, SearchHit, Store, fts_query, iso_date, names

IN_PROGRESS = "in progress"
FINAL = "final"
_DRAFT = re.compile(r"^draft ([1-9]\d*)$")


class ArchiveError(SessionError):
    """A query or status change that cannot be done; one line for the status bar or the shell."""


# --- queries -------------------------------------------------------------------------------------


@dataclass
class Query:
    """A parsed search or filter: free text for FTS5 plus structured filters."""

    text: str = ""  # words and "phrases", as typed, for `fts_query`
    speakers: list[str] = field(default_factory=list)
    committees: list[str] = field(default_factory=list)
    start: date | None = None  # inclusive
    end: date | None = None  # exclusive
    # Date words with no date after them ("since foo"): searched as words, named if nothing is found.
    undated: list[str] = field(default_factory=list, compare=False)

    def checked(self) -> Query:
        """The query, unless its dates leave no day between them (a "since" after the "until")."""
        if self.start is not None and self.end is not None and self.start >= self.end:
            last = self.end - timedelta(days=1)
            raise ArchiveError(f"no day is both since {self.start:%d %b %Y} and until {last:%d %b %Y}: swap them?")
        return self


_TOKEN = re.compile(r'\w+:"[^"]*"?|"[^"]*"?|\S+')  # speaker:"Ms Jansen", "a phrase", a word
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Which end of the dates it names a word counts from (after and until: the day after the last), and the bound it sets.
_DATE_WORDS = {"since": (False, "start"), "from": (False, "start"), "after": (True, "start"), "before": (False, "end"),
               "until": (True, "end"), "till": (True, "end")}
_PERIODS = {"week": relativedelta(weeks=1), "month": relativedelta(months=1), "year": relativedelta(years=1)}


def parse_date(text: str, today: date) -> date:
    """A date as people write it ("1 Nov 2021", "2022-01-01", "Nov 2021" = 1 Nov), or 'today'/'yesterday'."""
    return date_span(text, today)[0]


def date_span(text: str, today: date) -> tuple[date, date]:
    """The first and last day of what a date names: one day ("1 Nov 2021", "2022-01-01", 'today',
    'yesterday'), a month ("Nov 2021": 1 to 30 November) or a year ("2022")."""
    word = text.strip().lower()
    if word in ("today", "yesterday"):
        day = today - timedelta(days=word == "yesterday")
        return day, day
    try:
        day = date.fromisoformat(text.strip())  # dateutil's dayfirst would swap an ISO date's month and day
        return day, day
    except ValueError:
        pass
    if iso := _ISO_DATE.fullmatch(text.strip()):  # 2021-1-5; and 2024-13-01 is no day (dateutil: 13 Jan)
        try:
            day = date(*map(int, iso.groups()))
            return day, day
        except ValueError:
            raise ArchiveError(f"not a date: {text!r} (year-month-day: try 2021-11-01)") from None
    try:  # what the text leaves out (the day, the month) is the first of the period, then its last
        first, last = [date_parser.parse(text, dayfirst=True, default=datetime(today.year, month, day)).date()
                       for month, day in ((1, 1), (12, 31))]  # (dateutil makes 31 the month's last day)
    except (ValueError, OverflowError):
        raise ArchiveError(f"not a date: {text!r} (try 1 Nov 2021 or 2021-11-01)") from None
    return first, last


def period(which: str, unit: str, today: date) -> tuple[date, date]:
    """[start, end) of this or last week (Monday first), month or year."""
    if unit == "week":
        start = today - timedelta(days=today.weekday())
    elif unit == "month":
        start = today.replace(day=1)
    else:
        start = today.replace(month=1, day=1)
    if which == "last":
        start -= _PERIODS[unit]
    return start, start + _PERIODS[unit]


def _date_like(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or date_parser.parserinfo().month(token) is not None or (
        token.lower() in ("today", "yesterday")
    )


def parse_query(query: str, today: date) -> Query:
    """Split what the user typed into full-text terms and filters (see the module docstring)."""
    result = Query()
    words: list[str] = []
    tokens = _TOKEN.findall(query)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        key, colon, value = token.partition(":")
        value = value.strip('"') if colon else value
        lower = key.lower()
        index += 1
        if colon and value and lower == "speaker":
            speaker = default_register().lookup(value)
            result.speakers.append(speaker.code if speaker else value)
        elif colon and value and lower == "committee":
            result.committees.append(value)
        elif lower in ("this", "last") and not colon and index < len(tokens) and tokens[index].lower() in _PERIODS:
            result.start, result.end = period(lower, tokens[index].lower(), today)
            index += 1
        elif lower in _DATE_WORDS:
            # The date is the value after a colon, or the longest run of up to three date-like words.
            run = [value] if colon and value else []
            if not run:
                while index + len(run) < len(tokens) and len(run) < 3 and _date_like(tokens[index + len(run)]):
                    run.append(tokens[index + len(run)])
                index += len(run)
            if not run:
                words.append(token)
                result.undated.append(token)
                continue
            from_last, bound = _DATE_WORDS[lower]
            first, last = date_span(" ".join(run), today)
            setattr(result, bound, last + timedelta(days=1) if from_last else first)
        else:
            words.append(token)
    result.text = " ".join(words)
    return result.checked()


def _filters(query: Query, meeting: str = "m") -> tuple[list[str], list[Any]]:
    """SQL conditions on the meetings table aliased `meeting`, with their parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.committees:
        conditions.append(
            "(" + " OR ".join(f"({meeting}.short_name = ? COLLATE NOCASE OR "
                              f"instr(lower({meeting}.committee), lower(?)) > 0)" for _ in query.committees) + ")"
        )
        params.extend(value for c in query.committees for value in (c, c))
    if query.start:
        conditions.append(f"{meeting}.meeting_date >= ?")
        params.append(query.start.isoformat())
    if query.end:
        conditions.append(f"{meeting}.meeting_date < ?")
        params.append(query.end.isoformat())
    return conditions, params


# A speaker by code, or a person named in free text by any whole words of the name ("speaker:Jansen"
# finds "Ms Jansen"; "speaker:IT" does not find "Mr Smith", nor "speaker:DE" "Mr de Vries").
_SPEAKER_CODE = "EXISTS (SELECT 1 FROM json_each(e.speakers) s WHERE s.value = ?)"
_SPEAKER_NAME = ("EXISTS (SELECT 1 FROM json_each(e.speakers) s"
                 " WHERE ' ' || upper(s.value) || ' ' LIKE '% ' || upper(?) || ' %' ESCAPE '\\')")


def _speaker_filter(query: Query) -> tuple[list[str], list[Any]]:
    codes = {speaker.code for speaker in default_register()}  # `parse_query` wrote those it knows as their codes
    filters = [(_SPEAKER_CODE, speaker) if speaker in codes
               else (_SPEAKER_NAME, re.sub(r"([\\%_])", r"\\\1", speaker))  # LIKE's own characters
               for speaker in query.speakers]
    return [condition for condition, _ in filters], [value for _, value in filters]


def matching_sentence(highlighted: str) -> str:
    """The sentences of a text highlighted with [ ] that hold a match (all the text if none does)."""
    sentences = re.split(r"(?<=[.!?;])\s+", highlighted.strip())
    return " … ".join(s for s in sentences if "[" in s) or highlighted.strip()


def search(store: Store, query: str | Query, today: date, limit: int = 50) -> list[SearchHit]:
    """Search every meeting: full text where the query has words, filtered by speaker, committee, dates."""
    if isinstance(query, str):
        query = parse_query(query, today)
    match = fts_query(query.text)
    if match:
        store.try_index_pending()
    meeting_conditions, meeting_params = _filters(query)
    speaker_conditions, speaker_params = _speaker_filter(query)
    entry_conditions = meeting_conditions + speaker_conditions
    entry_params = meeting_params + speaker_params
    select = """SELECT e.meeting_id, m.meeting_date, coalesce(nullif(m.short_name, ''), m.committee) AS short_name,
                       e.item_id, i.number, i.title,
                       e.id AS entry_id, e.kind, e.speakers, {text} AS snippet, {rank} AS rank, e.private
                FROM {source} JOIN items i ON i.id = e.item_id JOIN meetings m ON m.id = e.meeting_id"""
    if match:
        sql = select.format(text="highlight(entries_fts, 0, '[', ']')", rank="entries_fts.rank",
                            source="entries_fts JOIN entries e ON e.rowid = entries_fts.rowid")
        sql += " WHERE " + " AND ".join(["entries_fts MATCH ?", *entry_conditions])
        params: list[Any] = [match, *entry_params]
        if not query.speakers:  # item titles have no speaker
            sql += """ UNION ALL
                SELECT i.meeting_id, m.meeting_date, coalesce(nullif(m.short_name, ''), m.committee), i.id, i.number,
                       i.title, NULL, 'item', '[]',
                       highlight(items_fts, 0, '[', ']'), items_fts.rank, 0
                FROM items_fts JOIN items i ON i.rowid = items_fts.rowid JOIN meetings m ON m.id = i.meeting_id
                WHERE """ + " AND ".join(["items_fts MATCH ?", *meeting_conditions])
            params += [match, *meeting_params]
        sql += " ORDER BY rank, meeting_date DESC LIMIT ?"
    elif entry_conditions:
        sql = select.format(text="e.text", rank="0", source="entries e")
        sql += " WHERE " + " AND ".join(entry_conditions)
        sql += " ORDER BY m.meeting_date DESC, m.id DESC, i.position, e.position LIMIT ?"
        params = entry_params
    else:
        return []
    return store.read("search result", sql, [*params, limit], lambda r: SearchHit(
        meeting_id=r["meeting_id"], meeting_date=iso_date(r["meeting_date"]), committee=r["short_name"] or "",
        item_id=r["item_id"], item_number=r["number"] or "", item_title=r["title"] or "",
        entry_id=r["entry_id"], kind=r["kind"], speakers=names(r["speakers"]),
        snippet=matching_sentence(r["snippet"] or "") or _WITHOUT_TEXT.get(r["kind"], "(no text)"),
        private=bool(r["private"]),
    ))


_WITHOUT_TEXT = {"intervention": "(took the floor)", "outcome": "(the standard outcome sentence)"}


def unsearched_note(store: Store, query: Query) -> str:
    """What a search for `query` could not look at, if anything: entries not indexed where the index
    cannot be written. Only words are looked up in the index: a search by filters alone reads every entry."""
    count = store.unindexed() if fts_query(query.text) else 0
    return (f"{count} newest entr{'y' if count == 1 else 'ies'} could not be indexed here (the database cannot be"
            f" written) and {'is' if count == 1 else 'are'} not searched") if count else ""


def list_archive(store: Store, query: str | Query = "", today: date | None = None,
                 sort: str = "date", descending: bool = True) -> list[MeetingSummary]:
    """The stored meetings filtered by committee (filter words match the committee too) and dates."""
    if isinstance(query, str):
        query = parse_query(query, today or date.today())
    words = [w.strip('"').lower() for w in _TOKEN.findall(query.text)]
    committees = [c.lower() for c in query.committees]

    def keep(m: MeetingSummary) -> bool:
        names = f"{m.short_name} {m.committee}".lower()
        return (
            all(w in names or w in m.status for w in words)
            and (not committees or any(c == m.short_name.lower() or c in m.committee.lower() for c in committees))
            and (query.start is None or (m.meeting_date is not None and m.meeting_date >= query.start))
            and (query.end is None or (m.meeting_date is not None and m.meeting_date < query.end))
        )

    keys = {
        "date": lambda m: (m.meeting_date or date.min, m.id),
        "committee": lambda m: (m.short_name.lower() or m.committee.lower(), m.meeting_date or date.min),
        "changed": lambda m: (m.updated_at or datetime.min, m.id),
    }
    if sort not in keys:
        raise ArchiveError(f"cannot sort by {sort!r}: choose {', '.join(keys)}")
    return sorted(filter(keep, store.list_meetings()), key=keys[sort], reverse=descending)


# --- statistics ----------------------------------------------------------------------------------


@dataclass
class SpeakerStat:
    code: str
    interventions: int
    seconds: int  # timed interventions only; a joint intervention counts for each of its speakers
    timed: int = 0  # how many of the interventions were timed

    @property
    def time(self) -> int | None:
        """The speaking time to show: None ("–") if no intervention was timed, not a false "0:00"."""
        return self.seconds if self.timed else None


@dataclass
class ItemTime:
    meeting_id: int
    meeting_date: date | None
    committee: str
    item_id: int
    number: str
    title: str
    planned_minutes: int | None
    seconds: int | None  # from the item's first start to its last end

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass
class Overrun:
    meeting_id: int
    meeting_date: date | None
    committee: str
    planned_minutes: int
    seconds: int

    @property
    def over_seconds(self) -> int:
        return self.seconds - self.planned_minutes * 60


_SECONDS = "CAST(round((julianday({0}.ended_at) - julianday({0}.started_at)) * 86400) AS INTEGER)"
_ITEM_SECONDS = f"coalesce(i.spent_seconds, {_SECONDS.format('i')})"  # its visits; first start to last end before schema 11


def _scope(meeting_id: int | None, query: Query | None) -> tuple[list[str], list[Any]]:
    conditions, params = _filters(query or Query())
    if meeting_id is not None:
        conditions.append("m.id = ?")
        params.append(meeting_id)
    return conditions, params


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def speaker_stats(store: Store, meeting_id: int | None = None, query: Query | None = None) -> list[SpeakerStat]:
    """Interventions and speaking time per speaker, in one meeting or across the meetings of `query`."""
    conditions, params = _scope(meeting_id, query)
    sql = f"""SELECT s.value AS code, count(*) AS interventions, coalesce(sum({_SECONDS.format('e')}), 0) AS seconds,
                     count({_SECONDS.format('e')}) AS timed
              FROM entries e JOIN json_each(e.speakers) s JOIN meetings m ON m.id = e.meeting_id
              {_where(["e.kind = 'intervention'", *conditions])}
              GROUP BY s.value ORDER BY interventions DESC, seconds DESC, code"""
    return store.read("speaker", sql, params, lambda r: SpeakerStat(r["code"], r["interventions"], r["seconds"], r["timed"]))


def item_times(store: Store, meeting_id: int | None = None, query: Query | None = None,
               longest: int | None = None) -> list[ItemTime]:
    """Planned against actual time per item, in agenda order; or the `longest` items, longest first."""
    conditions, params = _scope(meeting_id, query)
    if longest:
        conditions.append("i.ended_at IS NOT NULL")
    order = "seconds DESC LIMIT ?" if longest else "m.meeting_date, m.id, i.position"
    sql = f"""SELECT m.id AS meeting_id, m.meeting_date, m.short_name, i.id, i.number, i.title, i.planned_minutes,
                     {_ITEM_SECONDS} AS seconds
              FROM items i JOIN meetings m ON m.id = i.meeting_id {_where(conditions)} ORDER BY {order}"""
    return store.read("agenda item", sql, params + ([longest] if longest else []), lambda r: ItemTime(
        r["meeting_id"], iso_date(r["meeting_date"]), r["short_name"] or "", r["id"], r["number"] or "",
        r["title"] or "", r["planned_minutes"], r["seconds"]))


def overruns(store: Store, query: Query | None = None) -> list[Overrun]:
    """Meetings that lasted longer than the sum of their items' planned minutes, worst first; only
    those that plan every item (one 20′ item planned out of twelve is no plan for the meeting)."""
    conditions, params = _scope(None, query)
    sql = f"""SELECT m.id, m.meeting_date, m.short_name, {_SECONDS.format('m')} AS seconds,
                     (SELECT CASE WHEN count(planned_minutes) = count(*) THEN sum(planned_minutes) END
                        FROM items i WHERE i.meeting_id = m.id
                        AND i.state != 'withdrawn'  -- as core.schedule: the leaves of the agenda
                        AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id)) AS planned
              FROM meetings m {_where(conditions)}"""
    meetings = store.read("meeting", sql, params, lambda r: Overrun(
        r["id"], iso_date(r["meeting_date"]), r["short_name"] or "", r["planned"], r["seconds"]))
    found = [o for o in meetings if o.planned_minutes and o.seconds is not None and o.seconds > o.planned_minutes * 60]
    return sorted(found, key=lambda o: o.over_seconds, reverse=True)


def format_duration(seconds: int | None) -> str:
    """'1:05:00', '4:30', or '–' when unknown."""
    if seconds is None:
        return "–"
    hours, rest = divmod(abs(int(seconds)), 3600)
    sign = "-" if seconds < 0 else ""
    return f"{sign}{hours}:{rest // 60:02}:{rest % 60:02}" if hours else f"{sign}{rest // 60}:{rest % 60:02}"


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int = 30) -> str:
    """A horizontal bar of Unicode blocks, `width` cells for `maximum`, to the eighth of a cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value, maximum) / maximum * width * 8)
    return ("█" * (eighths // 8) + _EIGHTHS[eighths % 8]).rstrip()


# --- status and versions -------------------------------------------------------------------------


@dataclass
class Version:
    id: int
    meeting_id: int
    status: str
    created_at: datetime
    text: str

    @property
    def label(self) -> str:
        return f"{self.status} ({self.created_at:%d %b %Y %H:%M})"


def check_status(status: str) -> str:
    if status not in (IN_PROGRESS, FINAL) and not _DRAFT.match(status):
        raise ArchiveError(f"unknown status {status!r}: 'in progress', 'draft 1', 'draft 2' ... or 'final'")
    return status


def status_of(store: Store, meeting_id: int) -> str:
    row = store.conn.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    if row is None:
        raise ArchiveError(f"there is no meeting {meeting_id}")
    return row[0] or IN_PROGRESS


def ensure_editable(store: Store, meeting_id: int) -> None:
    """The guard for every edit: a final meeting is read-only until it is reopened, and one taken
    live in another window is edited there (its screen would not show these edits, nor keep them
    apart from its own)."""
    if status_of(store, meeting_id) == FINAL:
        raise ArchiveError(f"meeting {meeting_id} is final: reopen it before editing")
    if store.held_elsewhere(meeting_id):
        raise ArchiveError(f"meeting {meeting_id} is open live in another window: edit it there, or close that one first")


def versions(store: Store, meeting_id: int) -> list[Version]:
    """The snapshots of the exported text taken at each draft and final, oldest first."""
    return store.read("version", "SELECT * FROM versions WHERE meeting_id = ? ORDER BY id", [meeting_id], lambda r: Version(
        r["id"], r["meeting_id"], r["status"], datetime.fromisoformat(r["created_at"]), r["text"]))


def next_draft(store: Store, meeting_id: int) -> str:
    """'draft N+1' after the highest draft marked so far."""
    numbers = [int(m.group(1)) for v in versions(store, meeting_id) if (m := _DRAFT.match(v.status))]
    current = _DRAFT.match(status_of(store, meeting_id))
    return f"draft {max([*numbers, int(current.group(1)) if current else 0]) + 1}"


def set_status(store: Store, meeting_id: int, status: str, at: datetime, snapshot: str | None = None) -> None:
    """Mark a meeting 'in progress', 'draft N' or 'final', keeping `snapshot` (its exported text) as a version.

    A final meeting only changes status through `reopen`.
    """
    check_status(status)
    ensure_editable(store, meeting_id)
    _write_status(store, meeting_id, status, at, "set status", snapshot)


def reopen(store: Store, meeting_id: int, at: datetime) -> str:
    """Make a final meeting editable again, back at the status it had before; returns that status."""
    if status_of(store, meeting_id) != FINAL:
        raise ArchiveError(f"meeting {meeting_id} is not final")
    drafts = [v.status for v in versions(store, meeting_id) if v.status != FINAL]
    status = drafts[-1] if drafts else IN_PROGRESS
    _write_status(store, meeting_id, status, at, "reopen", None)
    return status


def _write_status(store: Store, meeting_id: int, status: str, at: datetime, action: str, snapshot: str | None) -> None:
    with store.change(meeting_id, at, live=False) as change:
        change.update("meetings", meeting_id, {"status": status}, action)
        if snapshot is not None:
            store.conn.execute(
                "INSERT INTO versions (meeting_id, status, created_at, text) VALUES (?, ?, ?, ?)",
                [meeting_id, status, at.isoformat(), snapshot],
            )


def diff(old: str, new: str, old_label: str = "before", new_label: str = "after", context: int = 2) -> list[str]:
    """A unified diff of two exported texts, line by line (empty when they are the same)."""
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), old_label, new_label, n=context, lineterm=""))
