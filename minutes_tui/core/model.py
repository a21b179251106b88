"""The domain model: plain dataclasses, shared by the store, the session, the UI and the exports.

Nothing here touches SQLite or Textual. Times are timezone-naive local `datetime`s as given by the
injected clock; dates are `datetime.date`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class ItemState(StrEnum):
    PENDING = "pending"  # not reached yet
    CURRENT = "current"
    DONE = "done"
    POSTPONED = "postponed"
    WITHDRAWN = "withdrawn"


SET_ASIDE = (ItemState.POSTPONED, ItemState.WITHDRAWN)  # decided not to be taken (now): not stepped onto, exported as such


class EntryKind(StrEnum):
    INTERVENTION = "intervention"  # somebody spoke: speakers + what they said
    NOTE = "note"  # the secretary's own sentence, exported as written
    OUTCOME = "outcome"  # what the body did: an outcome code and/or text
    ACTION = "action"  # an action point: who (speakers) does what (text) by when (deadline)
    STATEMENT = "statement"  # a statement for the minutes: who (speakers) made it, its text in full


class SpeakerKind(StrEnum):
    DELEGATION = "delegation"  # an EU member state
    ASSOCIATED = "associated"  # Schengen associated states and other non-EU delegations
    PRESIDENCY = "presidency"
    CHAIR = "chair"
    INSTITUTION = "institution"  # Commission, EEAS, CLS, GSC, EU CTC
    AGENCY = "agency"  # Europol, Eurojust, Frontex ...
    OTHER = "other"  # speakers a meeting adds through its agenda file


@dataclass(frozen=True)
class Speaker:
    """Somebody who can take the floor, as the register (or a meeting's agenda) defines them."""

    code: str  # "DE", "PRES", "COM", "EU CTC"
    name: str  # "Germany", "the Presidency", "the Commission"
    phrase: str  # subject of a sentence: "the German delegation", "the Commission"
    kind: SpeakerKind = SpeakerKind.OTHER
    order: int = 1000  # protocol order; lower comes first
    adjective: str = ""  # "German": for "The German and French delegations"
    aliases: tuple[str, ...] = ()


@dataclass
class MeetingDetails:
    """What the header of the finished document needs; filled from the agenda where it has it."""

    committee: str = ""  # "Standing Committee on Operational Cooperation on Internal Security (COSI)"
    short_name: str = ""  # "COSI"
    body_name: str = "the Committee"  # how sentences name the body: "The Committee endorsed ..."
    meeting_date: date | None = None
    end_date: date | None = None  # meetings over two days
    time: str = ""  # "10.00" as written on the agenda
    place: str = ""
    agenda_ref: str = ""  # the agenda's own document: "CM 5119/21"
    doc_number: str = ""  # the outcome document's number: "14342/21"
    file_codes: str = ""  # "JAI 1297 COSI 240"
    classification: str = ""  # "LIMITE", ...
    issue_place: str = "Brussels"
    issue_date: date | None = None
    language: str = "en"  # "(OR. en)"
    sender: str = "General Secretariat of the Council"  # "From:"
    recipient: str = "Delegations"  # "To:"
    subject: str = ""  # defaults to the committee's name on export
    house_style: str = "council"  # name of the phrasing style (see core/phrasing.py)

    def names_the_body(self, speaker: str) -> bool:
        """Whether `speaker` is the meeting's own body ("COSI: expressed overall support ..."): a
        speaker the minutes name as typed, not an unknown code."""
        return speaker.strip().casefold() in {n.casefold() for n in (self.short_name, self.body_name) if n.strip()}


MAX_PLANNED_MINUTES = 7 * 24 * 60  # a week: more is a slip of the keyboard, and past what a clock counts


def planned_minutes_error(value: object) -> str:
    """Why `value` cannot be an item's planned minutes, or "" if it can (None: none planned)."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PLANNED_MINUTES:
        return f"planned_minutes must be a whole number of minutes from 0 to {MAX_PLANNED_MINUTES} (a week)"
    return ""


@dataclass
class AgendaItem:
    id: int | None
    number: str  # the agenda's own label, exactly as written: "6.1", "a)", "B.", "–", ""
    title: str
    section: str = ""  # heading this item sits under: "Discussion items"
    level: int = 0  # 0 for top-level items, 1 for sub-items, ...
    parent_id: int | None = None
    position: int = 0  # agenda order within the meeting
    doc_refs: list[str] = field(default_factory=list)
    presenter: str = ""  # "Commission" from "– Presentation by the Commission"
    mode: str = ""  # "Exchange of views", "For endorsement", "Information"
    classification: str = ""  # "CONFIDENTIEL UE/EU CONFIDENTIAL"
    planned_minutes: int | None = None
    state: ItemState = ItemState.PENDING
    started_at: datetime | None = None  # first opened
    ended_at: datetime | None = None  # last closed; None while open
    to_check: str = ""  # flagged "to check with the Chair": what to ask (never exported); "" when not
    opened_at: datetime | None = None  # the start of the latest visit (an item can be returned to)
    spent_seconds: int | None = None  # the time of the visits closed so far; None: not counted (before schema 11)

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass
class Entry:
    """One captured fact under an agenda item, in the order the secretary arranged them."""

    id: int | None
    item_id: int
    kind: EntryKind
    text: str = ""
    speakers: list[str] = field(default_factory=list)  # register codes, or free text as typed
    outcome: str = ""  # outcome code for OUTCOME entries: "endorsed", "took_note" ...
    deadline: str = ""  # for ACTION entries: "by 30 July 2014"
    position: int = 0
    started_at: datetime | None = None
    ended_at: datetime | None = None
    private: bool = False  # kept in the record, never exported

    @property
    def duration_seconds(self) -> int | None:
        return seconds_between(self.started_at, self.ended_at)


def local_time(moment: datetime | None) -> datetime | None:
    """The app's times are local and without a zone (they are compared with each other); one with a
    zone (imported, or edited outside the app) is turned into local time."""
    return moment.astimezone().replace(tzinfo=None) if moment is not None and moment.tzinfo else moment


# Control characters cannot be typed, but a paste or another program's file may hold them; no export
# shows them, and Word's XML cannot hold them, nor the noncharacters U+FFFE and U+FFFF, nor half a
# surrogate pair (which a JSON file can spell).
_CONTROLS = str.maketrans(
    {c: " " for c in (0x0B, 0x0C, *range(0x1C, 0x20))}
    | {c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF)}
)
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def without_controls(text: str) -> str:
    """`text` without control characters; tabs and line breaks stay, the other spacing ones become a space."""
    return text.translate(_CONTROLS) if _ANY_CONTROL.search(text) else text  # the search: 30x quicker on clean text


def cleaned(value: Any) -> Any:
    """`value` (text, or a dataclass, list, tuple or dict holding some) with all its text `without_controls`:
    the same object when it has none."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, (list, tuple)):
        parts = [cleaned(v) for v in value]
        return value if all(map(operator.is_, parts, value)) else type(value)(parts)
    if isinstance(value, dict):
        parts = {k: cleaned(v) for k, v in value.items()}
        return value if all(parts[k] is v for k, v in value.items()) else parts
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: new for f in fields(value) if (new := cleaned(old := getattr(value, f.name))) is not old}
        return replace(value, **changed) if changed else value
    return value


def seconds_between(started: datetime | None, ended: datetime | None) -> int | None:
    return int((ended - started).total_seconds()) if started and ended else None


def add_speaking_time(totals: dict[str, int], speakers: Iterable[str], seconds: int) -> None:
    for code in speakers:
        totals[code] = totals.get(code, 0) + seconds


@dataclass
class Attendance:
    code: str
    status: str  # "present" | "remote" | "absent"


@dataclass
class Meeting:
    """A whole stored meeting, as the exports and the review screens read it."""

    id: int | None
    details: MeetingDetails
    items: list[AgendaItem] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)  # the meeting's own additions
    status: str = "in progress"  # "in progress" | "draft 1" ... | "final"
    started_at: datetime | None = None
    ended_at: datetime | None = None

    def __getattr__(self, name: str) -> Any:
        # Reached only for an attribute that is not set: the entries, while they are deferred.
        if name == "entries" and "_entries_loader" in self.__dict__:
            self.load_entries()
            return self.entries
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def defer_entries(self, loader: Callable[..., list[Entry]]) -> None:
        """Read the entries only when first used: `loader()` gives them all, `loader(item_id)` one
        item's, which is all `entries_for` needs meanwhile. The first screen of a long meeting shows
        one item's entries, and need not wait for thousands of them."""
        self.__dict__.pop("entries", None)
        self._entries_loader = loader

    def load_entries(self) -> None:
        """Read deferred entries now (done when first used anyway). If reading fails, they stay
        deferred and the error goes to the caller."""
        if "_entries_loader" in self.__dict__:
            self.entries = self._entries_loader()
            del self._entries_loader

    def __getstate__(self) -> dict[str, Any]:
        """Copies and pickles hold the entries, not the loader (which holds a database connection)."""
        self.load_entries()
        state = dict(self.__dict__)
        state.pop("_entry_index", None)  # worked out again when needed
        return state

    @property
    def entries_loaded(self) -> bool:
        return "_entries_loader" not in self.__dict__

    def entries_for(self, item_id: int) -> list[Entry]:
        if not self.entries_loaded:
            return self._entries_loader(item_id)
        return sorted(self._entries_by_item_id().get(item_id, []), key=lambda e: e.position)

    def add_entry(self, entry: Entry) -> None:
        by_item = self._entries_by_item_id()
        self.entries.append(entry)
        by_item.setdefault(entry.item_id, []).append(entry)
        self._entry_index = (*self._entries_mark(), by_item)

    def remove_entry(self, entry: Entry) -> None:
        by_item = self._entries_by_item_id()
        self.entries.remove(entry)
        by_item[entry.item_id].remove(entry)
        self._entry_index = (*self._entries_mark(), by_item)

    def _entries_by_item_id(self) -> dict[int, list[Entry]]:
        """The entries by item, in no particular order: a long meeting has thousands, and the live
        screen asks for one item's at every step. Kept up to date by `add_entry` and `remove_entry`;
        worked out again if the list was replaced, or changed length or last entry any other way."""
        index, (entries, length, last) = self.__dict__.get("_entry_index"), self._entries_mark()
        if index is None or index[0] is not entries or index[1] != length or index[2] is not last:
            by_item: dict[int, list[Entry]] = {}
            for entry in entries:
                by_item.setdefault(entry.item_id, []).append(entry)
            index = self._entry_index = (entries, length, last, by_item)
        return index[3]

    def _entries_mark(self) -> tuple[list[Entry], int, Entry | None]:
        entries = self.entries
        return entries, len(entries), entries[-1] if entries else None

    def entries_by_item(self) -> dict[int, list[Entry]]:
        """Every item's entries in order, in one pass: for code that walks the whole agenda."""
        grouped: dict[int, list[Entry]] = {}
        for entry in sorted(self.entries, key=lambda e: e.position):
            grouped.setdefault(entry.item_id, []).append(entry)
        return grouped

    def children_of(self, item_id: int | None) -> list[AgendaItem]:
        return [i for i in self.items if i.parent_id == item_id]

    def states_shown(self, items: list[AgendaItem] | None = None) -> dict[int | None, ItemState]:
        """The state the agenda shows for each of `items` (all by default), by id: an item's own,
        but an item of sub-items that was never opened itself (/next steps through its sub-items)
        is done once they are all dealt with."""
        children: dict[int | None, list[AgendaItem]] = {}
        for item in self.items:
            children.setdefault(item.parent_id, []).append(item)
        shown: dict[int | None, ItemState] = {}

        def state(item: AgendaItem) -> ItemState:
            if item.id not in shown:
                shown[item.id] = item.state  # meanwhile: a loop of parents (an edited file) ends here
                below = {state(child) for child in children.get(item.id, [])} if item.state is ItemState.PENDING else set()
                if ItemState.DONE in below and below <= _DEALT_WITH:
                    shown[item.id] = ItemState.DONE
            return shown[item.id]

        return {item.id: state(item) for item in (self.items if items is None else items)}

    def full_number(self, item: AgendaItem) -> str:
        """The item's number after those of the items above it that it does not repeat: "8. A. b)"
        for b) under A. under 8. (letters repeat under other items); "6.1." under "6." stays "6.1.".
        Empty for an item without a number of its own (a dash or bullet line, or none)."""
        numbers = [item.number.strip()]
        if not is_number(numbers[0]):
            return ""
        for parent in self.ancestors(item):
            number = parent.number.strip()
            if is_number(number) and not numbers[0].startswith(number.rstrip(".") + "."):
                numbers.insert(0, number)
        return " ".join(numbers)

    def full_label(self, item: AgendaItem) -> str:
        """How the app names an item: its full number and title ("8. A. b) Rehabilitation programmes")."""
        return f"{self.full_number(item)} {item.title}".strip()

    def reference(self, item: AgendaItem) -> str:
        """How a short message names an item: its full number, or its title if it has none."""
        return self.full_number(item) or f"“{item.title}”"

    def ancestors(self, item: AgendaItem) -> list[AgendaItem]:
        """The item's parent, its parent's parent, and so on (a loop of parents, in an edited file,
        ends where an item would come again)."""
        by_id = {i.id: i for i in self.items}
        chain: list[AgendaItem] = []
        seen = {item.id}
        while (item := by_id.get(item.parent_id)) is not None and item.id not in seen:
            chain.append(item)
            seen.add(item.id)
        return chain


def is_number(label: str) -> bool:
    """"6.1.", "a)", "IV." are numbers; "–", "•" and "" (lines of a list) are not."""
    return any(character.isalnum() for character in label)


_DEALT_WITH = {ItemState.DONE, ItemState.POSTPONED, ItemState.WITHDRAWN}


@dataclass
class ParsedAgenda:
    """What an agenda parser returns: details, items (flat, in order, parents by index) and speakers."""

    details: MeetingDetails
    items: list[AgendaItem]
    parent_index: list[int | None]  # for items[i]: the index of its parent in `items`, or None
    speakers: list[Speaker] = field(default_factory=list)


OUTCOME_CODES = (
    "adopted",
    "approved",
    "endorsed",
    "confirmed",
    "agreed",
    "took_note",
    "exchanged_views",
    "expressed_support",
    "postponed",
    "withdrawn",
    "no_discussion",
)
