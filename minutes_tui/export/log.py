"""The record as captured, not as phrased: a chronological log and a CSV of who spoke when.

Log (`--format log`), one line per fact, in the order things happened; a date line opens each day;
entries added afterwards without a time come last, with "--:--:--"::

    22 November 2021
    10:00:00  1.    ── Adoption of the agenda
    10:00:40  1.    outcome       adopted
    10:01:05  2.    ── Information by the Presidency
    10:01:10  2.    intervention  PRES: informed on the state of play ... (2 min 05 s)
    10:03:00  3.    item          withdrawn
    10:03:30        attendance    remote: EE, SE
    12:58:00        meeting       closed

Withdrawing, postponing (or putting back) an item and attendance are in the store's events only
(`Store.events`), which the log needs for them; the close is the meeting's end.

CSV (`--format csv`), one row per intervention, in the same order: item_number, item_title, speakers
(joined by "; ": a name typed as free text has spaces of its own, "Ms Jansen; Mr de Vries"), started_at
(ISO 8601), duration_seconds (empty if not timed).
Private entries appear in neither.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from minutes_tui.core.entry import on_one_line
from minutes_tui.core.model import AgendaItem, Entry, EntryKind, Meeting, local_time
from minutes_tui.core.agenda import format_date
from minutes_tui.export.document import agenda_order

_UNTIMED = datetime.max


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(seconds, 60)
    return f" ({minutes} min {secs:02d} s)" if minutes else f" ({secs} s)"


def _describe(entry: Entry) -> str:
    speakers = ", ".join(entry.speakers)
    text = " ".join(entry.text.split())
    if entry.kind == EntryKind.INTERVENTION:
        said = f"{speakers}: {text}" if text else speakers
        return f"{'intervention':<13} {said or '(no speaker)'}{_duration(entry.duration_seconds)}"
    if entry.kind == EntryKind.OUTCOME:
        return f"{'outcome':<13} {' – '.join(x for x in (entry.outcome, text) if x)}"
    if entry.kind == EntryKind.ACTION:
        parts = [x for x in (speakers, text, entry.deadline) if x]
        return f"{'action':<13} {' – '.join(parts)}"
    if entry.kind == EntryKind.STATEMENT:  # its paragraphs marked, as the entry line shows them
        return f"{'statement':<13} {speakers}: {on_one_line(entry.text)}"
    return f"{'note':<13} {text}"


_ITEM_STATES = {"pending": "back on the agenda"}  # an item no longer withdrawn or postponed
Timeline = list[tuple[datetime, AgendaItem | None, Entry | str | None]]  # an item's start (None), an entry, a fact


def _facts(meeting: Meeting, events: Sequence[dict[str, Any]]) -> list[tuple[datetime, AgendaItem | None, str]]:
    """What no entry holds: items withdrawn or postponed (or put back) and attendance, from `events`;
    the meeting's close. Undone changes are none, nor the meeting's creation (its first group: the
    agenda imported, or the whole meeting when it is a copy from `import-json`)."""
    items = {item.id: item for item in meeting.items}
    creation = min((event["grp"] for event in events), default=None)
    facts: list[tuple[datetime, AgendaItem | None, str]] = []
    attendance: dict[tuple[int, str], tuple[datetime, list[str]]] = {}  # one line per command and status
    for event in events:
        if event["undone"] or event["grp"] == creation or not event["after"]:
            continue
        after, when = json.loads(event["after"]), local_time(datetime.fromisoformat(event["at"]))
        if event["action"].startswith("mark item ") and event["row_id"] in items:
            state = _ITEM_STATES.get(after["state"], after["state"])
            facts.append((when, items[event["row_id"]], f"{'item':<13} {state}"))
        elif event["action"] == "attendance":
            attendance.setdefault((event["grp"], after["status"]), (when, []))[1].append(after["code"])
    facts += [(when, None, f"{'attendance':<13} {status}: {', '.join(codes)}")
              for (_, status), (when, codes) in attendance.items()]
    if meeting.ended_at:
        facts.append((meeting.ended_at, None, f"{'meeting':<13} closed"))
    return facts


def _timeline(meeting: Meeting, events: Sequence[dict[str, Any]] = ()) -> Timeline:
    """Item starts, non-private entries and the facts of `_facts`, in the order they happened
    (untimed entries last); at the same second, in agenda order, and the meeting's own facts last."""
    order = agenda_order(meeting)
    rank = {id(item): n for n, item in enumerate(order)}
    rows: list[tuple[tuple, datetime, AgendaItem | None, Entry | str | None]] = []
    entries_by_item = meeting.entries_by_item()
    for item in order:
        if item.started_at:
            rows.append(((item.started_at, rank[id(item)], -1), item.started_at, item, None))
        for entry in entries_by_item.get(item.id, []):
            if not entry.private:
                when = entry.started_at or _UNTIMED
                rows.append(((when, rank[id(item)], entry.position), when, item, entry))
    for when, item, fact in _facts(meeting, events):  # after the entries of the same second (the sort is stable)
        rows.append(((when, rank[id(item)] if item else len(order), math.inf), when, item, fact))
    rows.sort(key=lambda row: row[0])
    return [(when, item, what) for _, when, item, what in rows]


def _number(meeting: Meeting, item: AgendaItem) -> str:
    """The item's number as the log and the CSV give it: "2. c)", not "c)"."""
    return meeting.full_number(item) or item.number


def to_log(meeting: Meeting, events: Sequence[dict[str, Any]] = ()) -> str:
    """The log; `events`, the store's (`Store.events`), give the facts no entry holds (see `_facts`)."""
    details = meeting.details
    title = " – ".join(x for x in (details.short_name or details.committee, details.doc_number) if x)
    lines = [f"{title or 'Meeting'}: chronological log", ""]
    day = None
    width = max([5, *(len(_number(meeting, item)) for item in meeting.items)])  # "8. A. a)"
    for when, item, what in _timeline(meeting, events):
        if when != _UNTIMED and when.date() != day:
            day = when.date()
            lines += ["", format_date(day)] if len(lines) > 2 else [format_date(day)]
        clock = "--:--:--" if when == _UNTIMED else when.strftime("%H:%M:%S")
        number = _number(meeting, item) if item else ""
        said = f"── {item.title}" if what is None else what if isinstance(what, str) else _describe(what)
        lines.append(f"{clock}  {number:<{width}} {said}".rstrip())
    return "\n".join(lines) + "\n"


def to_csv(meeting: Meeting) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["item_number", "item_title", "speakers", "started_at", "duration_seconds"])
    for when, item, entry in _timeline(meeting):
        if isinstance(entry, Entry) and entry.kind == EntryKind.INTERVENTION:
            writer.writerow([
                _number(meeting, item),
                item.title,
                "; ".join(entry.speakers),
                entry.started_at.isoformat() if entry.started_at else "",
                "" if entry.duration_seconds is None else entry.duration_seconds,
            ])
    return out.getvalue()
