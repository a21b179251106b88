"""The record as captured, not as phrased: a chronological log and a CSV of who spoke when.

Log (`--format log`), one line per fact, in the order things happened; a date line opens each day;
entries added afterwards without a time come last, with "--:--:--"::

    22 November 2021
    10:00:00  1.    ── Adoption of the agenda
    10:00:40  1.    outcome       adopted
    10:01:05  2.    ── Information by the Presidency
    10:01:10  2.    intervention  PRES: informed on the state of play ... (2 min 05 s)

CSV (`--format csv`), one row per intervention, in the same order: item_number, item_title, speakers
(codes joined by a space), started_at (ISO 8601), duration_seconds (empty if not timed).
Private entries appear in neither.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from minutes_tui.core.model import AgendaItem, Entry, EntryKind, Meeting
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
    if entry.kind == EntryKind.STATEMENT:
        return f"{'statement':<13} {speakers}: {text}"
    return f"{'note':<13} {text}"


def _timeline(meeting: Meeting) -> list[tuple[datetime, AgendaItem, Entry | None]]:
    """Item starts and non-private entries, in the order they happened (untimed entries last)."""
    order = agenda_order(meeting)
    rank = {id(item): n for n, item in enumerate(order)}
    rows: list[tuple[tuple, datetime, AgendaItem, Entry | None]] = []
    entries_by_item = meeting.entries_by_item()
    for item in order:
        if item.started_at:
            rows.append(((item.started_at, rank[id(item)], -1), item.started_at, item, None))
        for entry in entries_by_item.get(item.id, []):
            if not entry.private:
                when = entry.started_at or _UNTIMED
                rows.append(((when, rank[id(item)], entry.position), when, item, entry))
    rows.sort(key=lambda row: row[0])
    return [(when, item, entry) for _, when, item, entry in rows]


def to_log(meeting: Meeting) -> str:
    details = meeting.details
    title = " – ".join(x for x in (details.short_name or details.committee, details.doc_number) if x)
    lines = [f"{title or 'Meeting'}: chronological log", ""]
    day = None
    for when, item, entry in _timeline(meeting):
        if when != _UNTIMED and when.date() != day:
            day = when.date()
            lines += ["", format_date(day)] if len(lines) > 2 else [format_date(day)]
        clock = "--:--:--" if when == _UNTIMED else when.strftime("%H:%M:%S")
        what = f"── {item.title}" if entry is None else _describe(entry)
        lines.append(f"{clock}  {meeting.full_number(item) or item.number:<5} {what}".rstrip())  # "2. c)", not "c)"
    return "\n".join(lines) + "\n"


def to_csv(meeting: Meeting) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["item_number", "item_title", "speakers", "started_at", "duration_seconds"])
    for when, item, entry in _timeline(meeting):
        if entry is not None and entry.kind == EntryKind.INTERVENTION:
            writer.writerow([
                meeting.full_number(item) or item.number,
                item.title,
                " ".join(entry.speakers),
                entry.started_at.isoformat() if entry.started_at else "",
                "" if entry.duration_seconds is None else entry.duration_seconds,
            ])
    return out.getvalue()
