"""The one door through which the live screen, the CLI and the tests change a meeting.

A `Session` owns one open meeting: it keeps an in-memory `Meeting` in step with the store, and every
operation is one store transaction (committed before the method returns) followed by the same change
in memory, so the screen can redraw from `session.meeting` without reading the database again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from . import phrasing
from .clock import Clock
from .errors import MinutesError
from .entry import Command, EntryLineError, Intervention, Note, in_paragraphs, parse_line, split_speakers, unknown_codes
from .model import (
    SET_ASIDE, AgendaItem, Attendance, Entry, EntryKind, ItemState, Meeting, add_speaking_time, cleaned, is_number,
    without_controls,
)
from .schedule import item_seconds
from .speakers import Register, default_register
from .store import Store, details_row, entry_row, item_row

ATTENDANCE_STATUSES = ("present", "remote", "absent")
FINAL_STATUS = "final"  # a final meeting is read-only until it is reopened
_DEADLINE = re.compile(r"\s+(by \d{1,2} [A-Z][a-z]+(?: \d{4})?)\.?$")


class SessionError(MinutesError, ValueError):
    """An operation that cannot be done now; the message is one line for the status bar."""


@dataclass(frozen=True)
class LineResult:
    """What applying an entry line did, for the status bar."""

    message: str
    entry: Entry | None = None


def _bare_label(number: str) -> str:
    """"b)", "(b)", "b." -> "b"; "6.2." -> "6.2": a label as typed without its punctuation."""
    return number.strip().strip("().")


def _path_key(number: str) -> str:
    """"8. A. a)", "8.A.a", "(8)(a)(a)" -> "8.a.a": the labels of a path, lower case, dot-separated."""
    return ".".join(part for part in re.split(r"[\s.()]+", number.lower()) if part)


def _headings_in_force(items: list[AgendaItem]) -> list[str]:
    """The section each item stands in: its own, or, if it has none, the one above it (as the
    minutes print them: an item without a section does not interrupt the one it follows)."""
    headings, current = [], ""
    for item in items:
        current = item.section or current
        headings.append(current)
    return headings


def _closed(item: AgendaItem, now: datetime) -> dict[str, Any]:
    """What closing an item's visit changes: its end, and the time of its visits with this one."""
    return {"ended_at": now, "spent_seconds": item_seconds(item, now)}


@dataclass
class Floor:
    """Who has the floor now, since when, and on which item (the turn is recorded there)."""

    speakers: tuple[str, ...]
    since: datetime
    item_id: int | None = None


class Session:
    def __init__(self, store: Store, meeting_id: int, clock: Clock, register: Register | None = None,
                 defer_entries: bool = False) -> None:
        self.store = store
        self.clock = clock
        self.meeting: Meeting = store.load_meeting(meeting_id, defer_entries)
        self.register = (register or default_register()).with_speakers(self.meeting.speakers)
        self.queue: list[tuple[str, ...]] = []
        self.floor: Floor | None = None
        self._load_floor_state()  # the queue and the floor survive a restart
        self.current_item_id: int | None = None
        self._speaking_totals: dict[str, int] | None = None
        self._pending: list[Callable[[], None]] = []  # memory changes waiting for their commit
        self._redoable: list[int] = []  # the groups undone in this session, newest last; any other change forgets them
        self._added_after: tuple[int | None, int | None] = (None, None)  # (current item, item /add put after it)
        self._find_current_item()

    def _find_current_item(self) -> None:
        # The item marked current; it keeps being current while postponed, until the next move.
        current = next((i for i in self.meeting.items if i.state is ItemState.CURRENT), None)
        if current is not None or self.current_item_id not in {i.id for i in self.meeting.items}:
            self.current_item_id = current.id if current else None

    # --- reading -------------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def live(self) -> bool:
        """Changes are 'live' until the meeting is ended; later ones are marked as edits."""
        return self.meeting.ended_at is None

    @property
    def current_item(self) -> AgendaItem | None:
        return self.item(self.current_item_id) if self.current_item_id is not None else None

    def item(self, item_id: int) -> AgendaItem:
        return next(i for i in self.meeting.items if i.id == item_id)

    def entry(self, entry_id: int) -> Entry:
        try:
            return next(e for e in self.meeting.entries if e.id == entry_id)
        except StopIteration:
            raise SessionError(f"there is no entry {entry_id}") from None

    def find_item(self, number: str) -> AgendaItem:
        """The item numbered `number` as written ("6.2", "B.", "a)"), else the one whose full number
        (`Meeting.full_number`) it is or ends with: letters repeat under other items, and "8.A.a",
        or "A.a" if no other A. has an a), is a) under A. under 8. Of several, the one nearest the
        current item ("b)" from 8. A. a) is 8. A. b)); if none is nearest, the user must say which.
        An item without a number of its own (a dash line, one added without) is found by words of
        its title ("Schengen")."""
        if not number.strip():
            raise SessionError("which item? /go 6.2")  # not the first item without a number
        wanted, path = _bare_label(number), _path_key(number)
        numbered = [(item, self.meeting.full_number(item)) for item in self.meeting.items]
        words = number.casefold().split() if re.search(r"[^\W\d_]{3}", number) else []
        for matches in ([item for item in self.meeting.items if _bare_label(item.number) == wanted],  # "b": b), not B.
                        [item for item in self.meeting.items if _bare_label(item.number).lower() == wanted.lower()],
                        [i for i, full in numbered if _path_key(full) == path],
                        [i for i, full in numbered if path and _path_key(full).endswith("." + path)],
                        [i for i in self.meeting.items if words and i.title.casefold().split() == words],
                        [i for i in self.meeting.items if words and all(w in i.title.casefold() for w in words)]):
            if matches:
                return self._nearest(number.strip(), matches)
        raise SessionError(f"there is no item {number.strip()} on the agenda")

    def _nearest(self, number: str, matches: list[AgendaItem]) -> AgendaItem:
        """The one of `matches` that shares the most parents with the current item (or is it)."""
        def family(item: AgendaItem) -> set[int | None]:
            return {item.id, *(parent.id for parent in self.meeting.ancestors(item))}

        here = family(self.current_item) if self.current_item is not None else set()
        closeness = [len(family(item) & here) for item in matches]
        if closeness.count(max(closeness)) == 1:
            return matches[closeness.index(max(closeness))]
        full = ", ".join(self.meeting.reference(item) for item in matches)
        raise SessionError(f"{number} could be any of {full}: say which")

    def steppable_items(self) -> list[AgendaItem]:
        """Items /next and /prev step through: not withdrawn or postponed (stepping onto one would
        open it again), and not mere containers of sub-items ("6. Counter-terrorism"; FORMAT.md 2.3).
        A parent with something of its own (a presenter, a mode, documents, a planned time: "2. ...
        – Exchange of views (9382/24)", then a) b) c)) is discussed as a whole first."""
        parents = {i.parent_id for i in self.meeting.items}
        return [i for i in self.meeting.items if i.state not in SET_ASIDE and (
            i.id not in parents or i.presenter or i.mode or i.doc_refs or i.planned_minutes)]

    def outcome_of(self, item_id: int) -> Entry | None:
        return next((e for e in self.meeting.entries_for(item_id) if e.kind is EntryKind.OUTCOME), None)

    def speaking_seconds(self) -> dict[str, int]:
        """Total speaking time per speaker over the meeting, from the timed interventions.

        Kept until the next change: the live screen asks every second, and a long meeting has
        thousands of entries."""
        if self._speaking_totals is None:
            self._speaking_totals = self._sum_speaking_time()
        return dict(self._speaking_totals)

    def _sum_speaking_time(self) -> dict[str, int]:
        if not self.meeting.entries_loaded:
            return self.store.speaking_totals(self.meeting_id)
        totals: dict[str, int] = {}
        for entry in self.meeting.entries:
            self._count_speaking_time(totals, entry)
        return totals

    @staticmethod
    def _count_speaking_time(totals: dict[str, int], entry: Entry) -> None:
        seconds = entry.duration_seconds
        if entry.kind is EntryKind.INTERVENTION and seconds is not None:
            add_speaking_time(totals, entry.speakers, seconds)

    # --- moving through the agenda -------------------------------------------------------------

    def go_next(self) -> AgendaItem:
        return self._step(+1)

    def go_prev(self) -> AgendaItem:
        return self._step(-1)

    def _step(self, direction: int) -> AgendaItem:
        items = self.steppable_items()
        if not items:
            raise SessionError("the agenda has no items")
        current = self.current_item
        ids = [i.id for i in items]  # not `current in items`: that compares items field by field
        if current is not None and current.id in ids:
            index = ids.index(current.id)
        else:  # no item open yet, or the current one is withdrawn: step from where it stands
            index = len([i for i in items if current and i.position < current.position])
            index -= 1 if direction > 0 else 0
        target = index + direction
        if not 0 <= target < len(items):
            raise SessionError("this is the last item" if direction > 0 else "this is the first item")
        return self.go_to_item(items[target].id)

    def move(self, step: Callable[[], AgendaItem]) -> str:
        """Make a move (`go_next`, `go_prev`, a `go_to`) and say where it led, and whether the item
        left behind was closed without an outcome."""
        left, ended = self.current_item, self.meeting.ended_at
        set_aside = {i.id: i.state for i in self.meeting.items if i.state in SET_ASIDE}
        item = step()
        said = [f"now on item {self.meeting.full_label(item)}"]
        if (left is not None and left is not item and left.state is ItemState.DONE and not self.outcome_of(left.id)
                and not left.to_check and not self.meeting.children_of(left.id)):  # a heading: its sub-items have them
            # Closure: minute-takers most often miss that a decision was (or was not) taken. Said
            # first, as the status line is one line; /outcome would now go to the new item.
            said.insert(0, f"no outcome on item {self.meeting.reference(left)} (/undo goes back)")  # short: the item's name follows
        if (state := set_aside.get(item.id)) and item is not left:  # opening it undid what was decided: said first
            command = "/postpone" if state is ItemState.POSTPONED else "/withdraw"
            said.insert(0, f"item {self.meeting.reference(item)} was {state.value}: it is open again ({command} sets it aside again)")
        if ended and self.meeting.ended_at is None:  # said first of all
            said.insert(0, f"the meeting closed at {ended:%H:%M} goes on (/close ends it again)")
        return " · ".join(said)

    def go_to(self, number: str) -> AgendaItem:
        return self.go_to_item(self.find_item(number).id)

    def go_to_item(self, item_id: int | None) -> AgendaItem:
        """Close the current item (stamping its end) and open this one (stamping its first start)."""
        target = self.item(item_id)
        current = self.current_item
        if current is target:
            return target
        now = self.clock.now()
        with self._saving(now, live=True) as change:  # a move after an early /close carries the meeting on: live
            if current is not None:
                state = ItemState.DONE if current.state is ItemState.CURRENT else current.state
                self._update_item(change, current, "move to another item", state=state, **_closed(current, now))
            self._update_item(
                change, target, "move to another item", state=ItemState.CURRENT, started_at=target.started_at or now,
                ended_at=None, opened_at=now, spent_seconds=item_seconds(target, now) or 0,  # the visits before this one
            )
            if self.meeting.started_at is None:
                change.update("meetings", self.meeting_id, {"started_at": now.isoformat()}, "start meeting")
                self._pending.append(lambda: setattr(self.meeting, "started_at", now))
            if self.meeting.ended_at is not None:  # /close came too early: the meeting goes on
                change.update("meetings", self.meeting_id, {"ended_at": None}, "reopen meeting")
                self._pending.append(lambda: setattr(self.meeting, "ended_at", None))
        self.current_item_id = target.id
        return target

    def end_meeting(self, at: datetime | None = None) -> None:
        """Close the open item and the meeting, now or `at` (`last_activity`, ending it afterwards)."""
        now = at or self.clock.now()
        with self._saving(now) as change:
            if (current := self.current_item) and current.state is ItemState.CURRENT:
                self._update_item(change, current, "end meeting", state=ItemState.DONE, **_closed(current, now))
            change.update("meetings", self.meeting_id, {"ended_at": now.isoformat()}, "end meeting")
        self.meeting.ended_at = now

    def last_activity(self) -> datetime:
        """When the meeting was last seen going on: its latest stamp (an item opened or closed, an
        entry, a turn begun). Ending a meeting the next day must not count the night on its last item."""
        self.meeting.load_entries()
        stamps = [self.meeting.started_at, self.floor.since if self.floor else None]
        stamps += [t for i in self.meeting.items for t in (i.started_at, i.opened_at, i.ended_at)]
        stamps += [t for e in self.meeting.entries for t in (e.started_at, e.ended_at)]
        return max((t for t in stamps if t is not None), default=self.clock.now())

    # --- recording -----------------------------------------------------------------------------

    def _target_item(self, item_id: int | None) -> AgendaItem:
        if item_id is not None:
            return self.item(item_id)
        if (current := self.current_item) is None:
            raise SessionError("no item is open: use /next or /go NUMBER first")
        return current

    def _add_entry(self, entry: Entry, action: str, first: bool = False) -> Entry:
        """Store a new entry after the item's others (`first`: before them)."""
        self.meeting.load_entries()  # deferred ones read after the INSERT would hold the new entry already
        siblings = self.meeting.entries_for(entry.item_id)
        position = (siblings[0].position - 1 if first else siblings[-1].position + 1) if siblings else 1
        entry = cleaned(replace(entry, position=position))
        row = entry_row(entry) | {"meeting_id": self.meeting_id}
        with self._saving(self.clock.now()) as change:
            entry.id = change.insert("entries", row, action)
        self.meeting.add_entry(entry)
        if self._speaking_totals is not None:
            self._count_speaking_time(self._speaking_totals, entry)
        return entry

    def add_intervention(
        self,
        speakers: list[str] | tuple[str, ...],
        text: str,
        started_at: datetime | None = None,
        ended_at: datetime | None = None,
        item_id: int | None = None,
    ) -> Entry:
        item = self._target_item(item_id)
        entry = Entry(
            id=None,
            item_id=item.id,
            kind=EntryKind.INTERVENTION,
            text=text.strip(),
            speakers=list(speakers),
            started_at=started_at or self.clock.now(),
            ended_at=ended_at,
        )
        return self._add_entry(entry, "add intervention")

    def add_note(self, text: str, private: bool = False, item_id: int | None = None, first: bool = False) -> Entry:
        """A note: the secretary's own sentence. `first`: before the item's other entries (a summary
        written afterwards opens the item's minutes, not run on from its last paragraph)."""
        item = self._target_item(item_id)
        entry = Entry(None, item.id, EntryKind.NOTE, text=text.strip(), started_at=self.clock.now(), private=private)
        return self._add_entry(entry, "add summary" if first else "add note", first)

    def set_outcome(self, code: str, text: str = "", item_id: int | None = None) -> Entry:
        """Set (or replace) the item's outcome; 'postponed' and 'withdrawn' also set the item's state."""
        item = self._target_item(item_id)
        if code and code not in phrasing.OUTCOME_LABELS:
            raise SessionError(f"unknown outcome {code!r}: try {', '.join(phrasing.OUTCOME_LABELS)}")
        existing = self.outcome_of(item.id)
        if existing is not None:
            result = self.edit_entry(existing.id, text=text.strip(), outcome=code)  # the one in memory
        else:
            entry = Entry(None, item.id, EntryKind.OUTCOME, text=text.strip(), outcome=code, started_at=self.clock.now())
            result = self._add_entry(entry, "set outcome")
        if code in SET_ASIDE:
            self.set_item_state(item.id, ItemState(code))
        return result

    def record_outcome(self, code: str, text: str = "") -> LineResult:
        """`set_outcome` on the current item, saying what an outcome replaced: a second /outcome must
        not drop the first one's wording unnoticed."""
        existing = self.outcome_of(self._target_item(None).id)
        was = existing and (existing.text or phrasing.OUTCOME_LABELS.get(existing.outcome, existing.outcome))
        entry = self.set_outcome(code, text)  # edits `existing` in place
        if not was:
            return LineResult("outcome set", entry)
        return LineResult(f'outcome replaced: it was "{was[:60]}{"…" if len(was) > 60 else ""}" (/undo brings it back)', entry)

    def add_action(self, text: str, speakers: list[str] | tuple[str, ...] = (), item_id: int | None = None) -> Entry:
        item = self._target_item(item_id)
        deadline = ""
        if match := _DEADLINE.search(text):
            deadline, text = match.group(1), text[: match.start()]
        entry = Entry(
            None, item.id, EntryKind.ACTION, text=text.strip(), speakers=list(speakers), deadline=deadline,
            started_at=self.clock.now(),
        )
        return self._add_entry(entry, "add action")

    def add_statement(self, speakers: list[str] | tuple[str, ...], text: str, item_id: int | None = None) -> Entry:
        """A statement for the minutes: its text is kept as typed, for the Annex (a "¶" between
        paragraphs, as a line holds them: `entry.in_paragraphs`)."""
        item = self._target_item(item_id)
        entry = Entry(None, item.id, EntryKind.STATEMENT, text=in_paragraphs(text), speakers=list(speakers), started_at=self.clock.now())
        return self._add_entry(entry, "add statement")

    def set_attendance(self, codes: list[str] | tuple[str, ...], status: str) -> None:
        if status not in ATTENDANCE_STATUSES:
            raise SessionError(f"attendance is one of {', '.join(ATTENDANCE_STATUSES)}")
        with self._saving(self.clock.now()) as change:
            for code in codes:
                row = self.store.conn.execute(
                    "SELECT id FROM attendance WHERE meeting_id = ? AND code = ?", [self.meeting_id, code]
                ).fetchone()
                if row:
                    change.update("attendance", row[0], {"status": status}, "attendance")
                else:
                    row = {"meeting_id": self.meeting_id, "code": code, "status": status}
                    change.insert("attendance", row, "attendance")
        known = {a.code: a for a in self.meeting.attendance}
        for code in codes:
            if code in known:
                known[code].status = status
            else:
                self.meeting.attendance.append(Attendance(code, status))

    # --- editing -------------------------------------------------------------------------------

    def edit_entry(self, entry_id: int, **changes: Any) -> Entry:
        """Change an entry's text, speakers, outcome, deadline or private flag."""
        entry = self.entry(entry_id)
        allowed = {"text", "speakers", "outcome", "deadline", "private", "started_at", "ended_at"}
        if unknown := set(changes) - allowed:
            raise SessionError(f"cannot edit {', '.join(sorted(unknown))} of an entry")
        changes = cleaned(changes)
        if entry.kind is EntryKind.STATEMENT and "text" in changes:  # edited on one line
            changes["text"] = in_paragraphs(changes["text"])
        if entry.kind is EntryKind.OUTCOME and "text" in changes and "outcome" not in changes:
            code, text = phrasing.outcome_code_from_text(changes["text"])  # its words set the code, as for /outcome
            if code:  # words that name no outcome keep the one it had
                changes |= {"outcome": code, "text": text}
        updated = replace(entry, **changes)
        if updated.kind is EntryKind.STATEMENT and not (updated.text.strip() and updated.speakers):
            raise SessionError("a statement needs who made it and its text")
        row = entry_row(updated)
        with self._saving(self.clock.now()) as change:
            change.update("entries", entry_id, {k: row[k] for k in changes}, "edit entry")
        for key, value in changes.items():
            setattr(entry, key, value)
        self._speaking_totals = None  # durations or speakers may have changed
        return entry

    def delete_entry(self, entry_id: int) -> None:
        entry = self.entry(entry_id)
        with self._saving(self.clock.now()) as change:
            change.delete("entries", entry_id, "delete entry")
        self.meeting.remove_entry(entry)
        self._speaking_totals = None

    def move_entry(self, entry_id: int, delta: int) -> None:
        """Move an entry up (-1) or down (+1) among its item's entries."""
        entry = self.entry(entry_id)
        siblings = self.meeting.entries_for(entry.item_id)
        index = siblings.index(entry)
        other_index = index + delta
        if not 0 <= other_index < len(siblings):
            raise SessionError(f"the entry is the {'first' if delta < 0 else 'last'} of its item already")
        other = siblings[other_index]
        with self._saving(self.clock.now()) as change:
            change.update("entries", entry.id, {"position": other.position}, "move entry")
            change.update("entries", other.id, {"position": entry.position}, "move entry")
        entry.position, other.position = other.position, entry.position

    def move_entry_to(self, entry_id: int, item_id: int) -> Entry:
        """Move an entry to another item (it was typed under the wrong one). It takes its place there
        in time order, and before the outcome, which closes the item's paragraph in the minutes."""
        entry, target = self.entry(entry_id), self.item(item_id)
        if target.id == entry.item_id:
            raise SessionError(f"the entry is on item {self.meeting.reference(target)} already")
        if entry.kind is EntryKind.OUTCOME and self.outcome_of(target.id):
            raise SessionError(f"item {self.meeting.reference(target)} has an outcome already: edit or delete one of them")
        siblings = self.meeting.entries_for(target.id)
        after = [n for n, other in enumerate(siblings) if entry.kind is not EntryKind.OUTCOME and (
            other.kind is EntryKind.OUTCOME or (other.started_at and entry.started_at and other.started_at > entry.started_at))]
        index = after[0] if after else len(siblings)
        position = siblings[index].position if after else siblings[-1].position + 1 if siblings else 1
        with self._saving(self.clock.now()) as change:
            for other in siblings[index:]:  # those after it make room
                change.update("entries", other.id, {"position": other.position + 1}, "move entry to another item")
            change.update("entries", entry.id, {"item_id": target.id, "position": position}, "move entry to another item")
        for other in siblings[index:]:
            other.position += 1
        self.meeting.remove_entry(entry)
        entry.item_id, entry.position = target.id, position
        self.meeting.add_entry(entry)
        return entry

    def undo(self, after_meeting: bool = False) -> str | None:
        """Undo the last change; returns what was undone ('add note', ...) or None. `after_meeting`:
        the archive's undo. Once the meeting has ended, it takes back only the edits made after it and
        stops at the meeting's own changes (undoing "end meeting" would open the meeting again)."""
        self._ensure_editable()
        newest = self.store.newest_change(self.meeting_id)
        if after_meeting and not self.live and newest and newest[0]["live"]:
            raise SessionError(f"nothing more to undo after the meeting: the last change, {newest[-1]['action']},"
                               " was made during it")
        undone = self.store.undo(self.meeting_id, self.clock.now(), self.live)
        if undone is None:
            return None
        self._redoable.append(undone[0])
        self.reload()
        return undone[1]

    def redo(self) -> str | None:
        """Make again the change the last undo reverted, if nothing changed since; returns what, or None."""
        self._ensure_editable()
        if not self._redoable:
            return None
        action = self.store.redo(self.meeting_id, self._redoable[-1], self.clock.now(), self.live)
        if action is None:  # the meeting changed since, elsewhere
            self._redoable = []
            return None
        self._redoable.pop()
        self.reload()
        return action

    def reload(self) -> None:
        """Read the meeting again from the store (after undo, or after another window changed it)."""
        self.meeting = self.store.load_meeting(self.meeting_id)
        self._load_floor_state()
        self._speaking_totals = None
        self._find_current_item()

    def update_details(self, **changes: Any) -> None:
        changes = cleaned(changes)
        details = replace(self.meeting.details, **changes)
        row = details_row(details)
        with self._saving(self.clock.now()) as change:
            change.update("meetings", self.meeting_id, {k: row[k] for k in changes}, "edit details")
        self.meeting.details = details

    # --- changing the agenda -------------------------------------------------------------------

    def _ensure_editable(self) -> None:
        # Read from the store, not memory: another window may have made the meeting final.
        if self.store.meeting_status(self.meeting_id) == FINAL_STATUS:
            raise SessionError(f"meeting {self.meeting_id} is final: reopen it before editing")

    @contextmanager
    def _saving(self, at: datetime, live: bool | None = None) -> Iterator[Any]:
        """One store transaction; the memory changes `_update_item` queues are made only once it has
        committed, so a failed save (disk full, read-only) leaves `meeting` exactly as stored.
        `live`: whether it is made during the meeting, if not as `self.live` says."""
        self._ensure_editable()
        self._pending = []
        with self.store.change(self.meeting_id, at, self.live if live is None else live) as change:
            yield change
        self._redoable = []  # what was undone stays undone (a failed save changed nothing)
        pending, self._pending = self._pending, []
        for apply in pending:
            apply()

    def _update_item(self, change: Any, item: AgendaItem, action: str, **changes: Any) -> None:
        """`action`: what the user did, as undo will name it ("move to another item")."""
        row = item_row(replace(item, **changes))
        change.update("items", item.id, {k: row[k] for k in changes}, action)
        self._pending.append(lambda: [setattr(item, key, value) for key, value in changes.items()])

    def set_to_check(self, question: str, item_id: int | None = None) -> AgendaItem:
        """Flag the item "to check with the Chair" (what to ask; "" takes the flag off). A flagged item
        counts as dealt with when it is left without an outcome; the export check lists it."""
        item = self._target_item(item_id)
        with self._saving(self.clock.now()) as change:
            self._update_item(change, item, "flag to check" if question.strip() else "clear the check flag",
                              to_check=" ".join(without_controls(question).split()))
        return item

    def set_item_state(self, item_id: int, state: ItemState) -> None:
        item = self.item(item_id)
        with self._saving(self.clock.now()) as change:
            self._update_item(change, item, f"mark item {state.value}", state=state)

    def _subtree(self, item: AgendaItem) -> list[AgendaItem]:
        block = [item]
        for candidate in self.meeting.items[self.meeting.items.index(item) + 1 :]:
            if candidate.level <= item.level:
                break
            block.append(candidate)
        return block

    def _renumber_positions(self, change: Any, order: list[AgendaItem]) -> None:
        for position, item in enumerate(order):
            if item.position != position or item not in self.meeting.items:
                self._update_item(change, item, "move item", position=position)
        self._pending.append(lambda: setattr(self.meeting, "items", order))

    def add_item(self, title: str, number: str = "", after_item_id: int | None = None, as_child: bool = False) -> AgendaItem:
        """Add an item after another one (default: the current item, else at the end). The title is
        read as an agenda line ("– Presentation by ENISA (WK 1234/2021)" go to their own fields), and
        a number is written as the agenda writes its neighbours' ("13." beside "12.")."""
        anchor_id = after_item_id if after_item_id is not None else getattr(self.current_item, "id", None)
        items = self.meeting.items
        anchor = self.item(anchor_id) if anchor_id is not None else (items[-1] if items else None)
        if anchor is None:
            level, parent_id, section, index = 0, None, "", 0
        elif as_child:
            block = self._subtree(anchor)
            level, parent_id, section, index = anchor.level + 1, anchor.id, anchor.section, items.index(block[-1]) + 1
        else:
            block = self._subtree(anchor)
            level, parent_id, section, index = anchor.level, anchor.parent_id, anchor.section, items.index(block[-1]) + 1
        number = without_controls(number).strip()
        if re.fullmatch(r"\d+(\.\d+)*", number) and any(
            re.fullmatch(r"\d+(\.\d+)*\.", i.number.strip()) for i in items if parent_id in (i.parent_id, i.id)
        ):
            number += "."
        if is_number(number) and any(i.number.strip().rstrip(".") == number.rstrip(".") for i in items if i.parent_id == parent_id):
            raise SessionError(f"there is an item {number} there already: /go {number} opens it, or give another number")
        from .agenda.common import analyse_title  # the agenda readers (markdown-it ...) load late: not on opening

        parts = analyse_title(without_controls(title).strip())
        item = AgendaItem(None, number, parts.title, section=section, level=level, parent_id=parent_id, position=index,
                          doc_refs=parts.doc_refs, presenter=parts.presenter, mode=parts.mode,
                          classification=parts.classification, planned_minutes=parts.planned_minutes)
        with self._saving(self.clock.now()) as change:
            item.id = change.insert("items", item_row(item) | {"meeting_id": self.meeting_id}, "add item")
            self._renumber_positions(change, [*items[:index], item, *items[index:]])
        return item

    def next_number(self, item_id: int, as_child: bool) -> str:
        """The number an item added after (or under) `item_id` would likely have: "12.3" after
        "12.2", "12.1." under "12.", "c)" after "b)"; "" when the next one is taken or not evident."""
        item = self.item(item_id)
        if as_child:
            children = [i for i in self.meeting.items if i.parent_id == item_id]
            if not children:
                if not re.fullmatch(r"\d+(\.\d+)*\.?", item.number):
                    return ""
                # "4.1" or "4.1.": as the agenda writes its sub-items, else as the parent ends
                written = [i.number for i in self.meeting.items if re.fullmatch(r"\d+(\.\d+)+\.?", i.number)]
                dot = written[-1].endswith(".") if written else item.number.endswith(".")
                return f"{item.number.rstrip('.')}.1" + "." * dot
            item = children[-1]
        match = re.fullmatch(r"(.*?)(\d+|[a-z])([.)]?)", item.number)
        if not match:
            return ""
        head, last, tail = match.groups()
        following = str(int(last) + 1) if last.isdigit() else chr(ord(last) + 1) if last < "z" else ""
        number = f"{head}{following}{tail}" if following else ""
        return "" if any(i.number.rstrip(".") == number.rstrip(".") for i in self.meeting.items) else number

    def add_from_line(self, args: str) -> AgendaItem:
        """/add [number] title: placed by its number (see `_place_by_number`), which a title that
        starts with a figure ("2024 budget", "3.5 million euro") is not."""
        number, _, title = args.partition(" ")
        if (not re.match(r"^[\w.()–-]+$", number) or not any(ch.isdigit() or ch in ").–-" for ch in number)
                or re.search(r"\d{4}", number) or title.strip()[:1].islower()):
            number, title = "", args
        if not title.strip():
            raise SessionError("/add needs a title: /add 12.1 Schengen evaluation")
        anchor_id, as_child = self._place_by_number(number)
        label = number.rstrip(".").rpartition(".")[2]
        if as_child and any(ch.isalpha() for ch in label):  # "2.c)" under "2.": "c)", as its siblings are
            number = label + "." * number.endswith(".")
        item = self.add_item(title, number, anchor_id, as_child)
        if anchor_id is None or anchor_id == self._added_after[1]:  # put after the current item
            self._added_after = (self.current_item_id, item.id)
        return item

    def _place_by_number(self, number: str) -> tuple[int | None, bool]:
        """Where /add puts an item numbered `number` (`add_item`'s anchor and as_child): "12.1" as the
        last sub-item of an item numbered "12"; "6" or "2a" after the last top-level item numbered up
        to 6 or 2; without a number, after the current item (after those already added there, so
        that several come in the order typed)."""
        parent_path = _path_key(number).rpartition(".")[0]  # "8.c" of "8.C.a)"
        parent = next((i for i in self.meeting.items
                       if parent_path and _path_key(self.meeting.full_number(i)) == parent_path), None)
        if parent is not None:
            return parent.id, True
        if lead := re.match(r"\d+", number):
            before = [i for i in self.meeting.items
                      if i.parent_id is None and (n := re.match(r"\d+", i.number)) and int(n.group()) <= int(lead.group())]
            if before:
                return before[-1].id, False
        current, added = self._added_after
        if not number and current == self.current_item_id and any(i.id == added for i in self.meeting.items):
            return added, False
        return None, False

    def move_item(self, item_id: int, delta: int) -> None:
        """Move an item (with its sub-items) before or after its neighbouring sibling. Next to a
        section heading it first crosses the heading: the first item of a section moved up becomes
        the last of the section above, where it stands (swapped past that section's last item, it
        would bring the heading back a second time). No move takes an item out of its section
        otherwise, nor another item with it (an item without a section stands in the one above)."""
        item = self.item(item_id)
        siblings = [i for i in self.meeting.items if i.parent_id == item.parent_id]
        index = siblings.index(item)
        if not 0 <= index + delta < len(siblings):
            return
        neighbour = siblings[index + delta]
        headings = _headings_in_force(siblings) if item.parent_id is None else [""] * len(siblings)
        with self._saving(self.clock.now()) as change:
            if headings[index + delta] != headings[index]:
                for moved in self._subtree(item):
                    if moved.section == item.section:
                        self._update_item(change, moved, "move item", section=headings[index + delta])
                following = siblings[index + 1] if index + 1 < len(siblings) else None
                if delta < 0 and following and not following.section and headings[index + 1] == headings[index]:
                    self._update_item(change, following, "move item", section=headings[index])  # it carries the heading now
                return
            first, second = sorted((item, neighbour), key=lambda i: i.position)
            if not second.section and headings[index]:  # going first, it would leave the section
                self._update_item(change, second, "move item", section=headings[index])
            block_a, block_b = self._subtree(first), self._subtree(second)
            items = self.meeting.items
            start = items.index(block_a[0])
            self._renumber_positions(change, [*items[:start], *block_b, *block_a, *items[start + len(block_a) + len(block_b):]])

    # --- the speakers' queue -------------------------------------------------------------------

    def _load_floor_state(self) -> None:
        self.queue, floor = self.store.load_floor_state(self.meeting_id)
        self.floor = Floor(*floor) if floor else None

    def _set_floor_state(self, queue: list[tuple[str, ...]], floor: Floor | None) -> None:
        """Save the queue and who has the floor, then hold them: a save that fails (a full disk)
        leaves both as they were, so that trying again does it (it did nothing: "queued IT" on
        screen, and nobody in the queue after a restart)."""
        saved = floor and {"speakers": list(floor.speakers), "since": floor.since.isoformat(), "item_id": floor.item_id}
        state = {"queue": [list(codes) for codes in queue], "floor": saved}
        self.store.save_floor_state(self.meeting_id, state, self.clock.now())
        self.queue, self.floor = queue, floor

    def queue_add(self, speakers: tuple[str, ...]) -> None:
        """Add to the queue; asking again while already waiting keeps one place."""
        if speakers not in self.queue:
            self._set_floor_state([*self.queue, speakers], self.floor)

    def queue_remove(self, speakers: tuple[str, ...]) -> None:
        """Take a speaker off the queue (queued by mistake, or gave up the turn)."""
        if speakers not in self.queue:
            raise SessionError(f"{' '.join(speakers)} is not in the queue")
        self._set_floor_state([codes for codes in self.queue if codes != speakers], self.floor)

    def give_floor(self, text: str = "") -> Floor:
        """The next speaker in the queue takes the floor; their speaking time starts now. The one
        who had it is recorded with `text`, as `end_floor` would."""
        if not self.queue:
            raise SessionError("nobody is waiting for the floor: /queue DE FR ...")
        if self.floor is not None:
            self.end_floor(text)
        self._set_floor_state(self.queue[1:], Floor(self.queue[0], self.clock.now(), self.current_item_id))
        return self.floor

    def end_floor(self, text: str = "") -> Entry:
        """The speaker's turn ends: record it as an intervention with its start and end."""
        if self.floor is None:
            raise SessionError("nobody has the floor")
        floor, elsewhere = self.floor, self.floor_elsewhere()
        speakers, said = self._said_by(text, floor.speakers)
        entry = self.add_intervention(speakers, said, started_at=floor.since, ended_at=self.clock.now(),
                                      item_id=elsewhere.id if elsewhere else None)
        self.floor = None  # only once the turn is stored: a failed save keeps the speaker on the floor
        self._set_floor_state(self.queue, None)
        return entry

    def floor_elsewhere(self) -> AgendaItem | None:
        """The item the floor was given on, when it is not the current one: the turn is recorded
        there (it belongs to the item where it began), so the screen says which."""
        floor = self.floor
        if floor is None or floor.item_id == self.current_item_id:
            return None
        return next((i for i in self.meeting.items if i.id == floor.item_id), None)

    def _turn_recorded(self) -> str:
        """"DE: turn recorded", for the turn of whoever has the floor, and where, if not on the current item."""
        where = self.floor_elsewhere()
        return f"{' '.join(self.floor.speakers)}: turn recorded" + (f" under {self.meeting.reference(where)}" if where else "")

    def record_turn(self, text: str = "") -> LineResult:
        """`end_floor`, saying so (F9, /end, and Enter on what the speaker said)."""
        said = self._turn_recorded() if self.floor else ""
        return LineResult(said, self.end_floor(text))

    def pass_floor(self, text: str = "") -> LineResult:
        """`give_floor`, saying who has it now, and where the turn that ended went if not on the current item."""
        ended = f"{self._turn_recorded()} · " if self.floor_elsewhere() else ""
        return LineResult(f"{ended}{' '.join(self.give_floor(text).speakers)} has the floor")

    def _said_by(self, text: str, speakers: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """Who spoke in a turn and what they said, from the line typed for it: "HU: aligned itself
        with SE" and "HU aligned itself ..." name the speaker again, "HU, SK: supported it" adds
        those who spoke with them; a line that leaves the speaker out is refused."""
        if text.lstrip().startswith("/"):
            raise SessionError(f"{' '.join(speakers)}'s turn: type what they said (a command goes with Enter)")
        first, _, rest = text.strip().partition(" ")
        speaker = self.register.lookup(first.rstrip(":,"))
        if speaker and first.rstrip(":,").upper() == speaker.code.upper() and rest[:1].islower():
            text = f"{speaker.code}{first[len(speaker.code):]} {rest}"  # "De opposed it": a code typed in haste
        parsed = parse_line(text, self.register) if text.strip() else None
        if not isinstance(parsed, Intervention):
            return speakers, text
        if not set(speakers) <= set(parsed.speakers):
            raise SessionError(f"{' '.join(speakers)} has the floor, but the line names {' '.join(parsed.speakers)}:"
                               f" F9 records what {' '.join(speakers)} said, Enter records the line as typed")
        return parsed.speakers, parsed.text

    # --- the quick-entry line ------------------------------------------------------------------

    def apply_line(self, line: str) -> LineResult:
        """Parse one entry line and apply it; raises SessionError/EntryLineError with one-line messages."""
        parsed = parse_line(line, self.register)
        floor = self.floor
        if floor and (isinstance(parsed, Note) and parsed.text[:1].islower()
                      or isinstance(parsed, Intervention) and set(floor.speakers) <= set(parsed.speakers)):
            # what the speaker who has the floor said ("supported the candidate", "DE: supported ...", "DE, AT:
            # supported ..."): their turn ends
            return self.record_turn(line)
        if isinstance(parsed, Intervention):
            entry = self.add_intervention(parsed.speakers, parsed.text)
            return LineResult(f"{' '.join(parsed.speakers)}: recorded{self._unknown_warning(parsed.speakers)}", entry)
        if isinstance(parsed, Note):
            first, _, rest = parsed.text.partition(" ")
            speaker = self.register.lookup(first) if rest[:1].islower() else None
            hint = ""
            if speaker and first == speaker.code:
                hint = f" (not {first}'s: the word after {first} is not a verb this app knows; {first}: … records it as theirs)"
            elif (speaker is None and re.fullmatch(r"[A-Z]{2,7}", first) and rest.split(" ", 1)[0].endswith("ed")  # "XY supported"
                  and not self.meeting.details.names_the_body(first)):  # "COSI expressed support": the body, a note
                hint = f" ({first} is no speaker code this app knows; {first}: … records it as theirs)"
            return LineResult(f"note recorded{hint}", self.add_note(parsed.text))
        return self._run_command(parsed)

    def _unknown_warning(self, speakers: tuple[str, ...]) -> str:
        """What the status line adds for speaker codes the register does not know (a typo?)."""
        unknown = [c for c in unknown_codes(speakers, self.register) if not self.meeting.details.names_the_body(c)]
        return f" — {', '.join(unknown)}: no such speaker code, the minutes will say it as typed" if unknown else ""

    def _addressed(self, args: str) -> tuple[tuple[str, ...], str]:
        """"Delegations: send comments ..." -> (("Delegations",), "send comments ..."); "DE, FR: ..."
        gives the codes; without such a prefix, no speakers."""
        prefix, colon, rest = args.partition(":")
        if colon and prefix.strip() and len(prefix.split()) <= 10:  # "The Chair of the TELECOM working party: ..."
            return split_speakers(prefix, self.register) or (prefix.strip(),), rest
        return (), args

    def _speaker_codes(self, args: str) -> tuple[str, ...]:
        codes = split_speakers(args.replace(" ", ","), self.register) if args.strip() else None
        if not codes:
            unknown = [p for p in re.split(r"[\s,]+", args) if p and self.register.lookup(p) is None]
            raise SessionError(f"unknown speaker {unknown[0]!r}" if unknown else "name at least one speaker")
        return codes

    def _attendees(self, args: str) -> tuple[str, ...]:
        """Speakers, or people named as written when the names are split by commas or "and" ("Ms
        Jansen, Mr de Vries and DE"): a board's members are seldom in its register. A part in
        capitals alone that the register does not know is a mistyped code, as for the queue."""
        try:
            return self._speaker_codes(args)
        except SessionError:
            parts = [p.strip(" \"'") for p in re.split(r"[,;]|\band\b", args) if p.strip(" \"'")]
            if not parts or len(parts) == 1 and " " not in parts[0]:
                raise
            attendees: list[str] = []
            for part in parts:  # "CHAIR CEO CFO, Ms Jansen": codes, then a name
                if codes := split_speakers(part.replace(" ", ","), self.register):
                    attendees += codes
                elif part == part.upper():
                    raise SessionError(f"unknown speaker {part!r}") from None
                else:
                    attendees.append(part)
            return tuple(dict.fromkeys(attendees))

    def _run_command(self, command: Command) -> LineResult:
        name, args = command.name, command.args
        if name in ("next", "prev", "go"):
            return LineResult(self.move({"next": self.go_next, "prev": self.go_prev}.get(name, lambda: self.go_to(args))))
        if name == "outcome":
            code, text = phrasing.outcome_code_from_text(args)
            if not code and not text:
                raise SessionError("which outcome? /outcome took note, /outcome endorsed ...")
            if not code and re.fullmatch(r"\w+", text) and not text.endswith("ed"):  # "/outcome tn": a mistyped code
                raise SessionError(f"unknown outcome {text!r}: try {', '.join(phrasing.OUTCOME_LABELS)}, or a sentence")
            return self.record_outcome(code, text)
        if name == "action":
            speakers, text = self._addressed(args)
            if not speakers and (addressed := phrasing.addressed_to(text, self.register)):  # "Presidency to circulate ..."
                speakers, text = addressed
            return LineResult("action point recorded", self.add_action(text, speakers))
        if name == "statement":
            speakers, text = self._addressed(args)
            if not speakers or not text.strip():
                raise SessionError("/statement needs who made it and its text: /statement DE: ...")
            entry = self.add_statement(speakers, text)
            return LineResult(f"statement by {' '.join(speakers)} recorded: it goes in the Annex{self._unknown_warning(speakers)}", entry)
        if name in ATTENDANCE_STATUSES:
            codes = self._attendees(args)
            self.set_attendance(codes, name)
            return LineResult(f"{' '.join(codes)}: {name}")
        if name == "queue":
            codes = self._speaker_codes(args)
            for code in codes:
                self.queue_add((code,))
            return LineResult(f"queued {' '.join(codes)}")
        if name == "unqueue":
            codes = self._speaker_codes(args)
            for code in codes:
                self.queue_remove((code,))
            return LineResult(f"{' '.join(codes)} taken off the queue")
        if name == "floor":
            if args:  # "/floor DE": DE next, whether queued or not
                codes = self._speaker_codes(args)
                self._set_floor_state([codes, *(queued for queued in self.queue if queued != codes)], self.floor)
            return self.pass_floor()
        if name == "end":
            return self.record_turn(args)
        if name == "private":
            if not args:
                raise SessionError("/private needs the text of the note")
            return LineResult("private note recorded", self.add_note(args, private=True))
        if name == "check":
            cleared = args.lower() in ("off", "done")
            item = self.set_to_check("" if cleared else args or "outcome unclear")
            if cleared:
                return LineResult(f"item {self.meeting.reference(item)}: no longer to check")
            return LineResult(f"item {self.meeting.reference(item)} to check with the Chair: {item.to_check}")
        if name in ("postpone", "withdraw"):
            item = self._target_item(None)
            self.set_item_state(item.id, ItemState.POSTPONED if name == "postpone" else ItemState.WITHDRAWN)
            return LineResult(f"item {self.meeting.reference(item)} {name}{'d' if name == 'postpone' else 'n'}")
        if name == "add":
            return LineResult(f"added item {self.meeting.full_label(self.add_from_line(args))}")
        if name == "close":
            self.end_meeting()
            if self.queue:  # nobody waits for the floor of a meeting closed (undo leaves the queue, as /unqueue)
                self._set_floor_state([], self.floor)
            return LineResult(f"meeting ended at {self.meeting.ended_at:%H:%M} · ctrl+s exports the minutes · F10 to polish them")
        if name == "undo":
            action = self.undo()
            return LineResult(f"undone: {action}" if action else "nothing to undo")
        if name == "redo":
            action = self.redo()
            return LineResult(f"redone: {action}" if action else "nothing to redo")
        raise EntryLineError(f"/{name} is not available here")
