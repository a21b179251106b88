"""Planned against actual time: how long items took and when the meeting will end at this pace.

Pure arithmetic over the model (no Textual): the live screen shows it, tests check it here.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .model import AgendaItem, ItemState, Meeting

_TIME = re.compile(r"(\d{1,2})[.:h](\d{2})(?:\s?([AaPp])\.?[Mm]\b)?")  # 10.00, 10:00, 10h00, 7:00 PM


def item_seconds(item: AgendaItem, now: datetime) -> int | None:
    """Time spent on an item so far: its visits, the open one until now; None if it was never opened."""
    if item.started_at is None:
        return None
    if item.spent_seconds is not None:
        visit = now - item.opened_at if item.opened_at and item.ended_at is None else timedelta()
        return item.spent_seconds + max(0, int(visit.total_seconds()))
    end = item.ended_at if item.state is not ItemState.CURRENT and item.ended_at else now  # timed before visits counted
    return max(0, int((end - item.started_at).total_seconds()))


def scheduled_start(meeting: Meeting) -> datetime | None:
    """The start the agenda announced ("10.00" on the meeting date), if it says."""
    match = _TIME.search(meeting.details.time)
    if meeting.details.meeting_date is None or match is None:
        return None
    hour, minute = int(match.group(1)) % 12 if match.group(3) else int(match.group(1)), int(match.group(2))
    hour += 12 if (match.group(3) or "").lower() == "p" else 0
    return datetime.combine(meeting.details.meeting_date, datetime.min.time()).replace(hour=hour, minute=minute)


def _timed_items(meeting: Meeting) -> list[AgendaItem]:
    """Items that take time: leaves of the tree, not withdrawn."""
    parents = {i.parent_id for i in meeting.items}
    return [i for i in meeting.items if i.id not in parents and i.state is not ItemState.WITHDRAWN]


def planned_minutes(meeting: Meeting) -> int | None:
    planned = [i.planned_minutes for i in _timed_items(meeting) if i.planned_minutes]
    return sum(planned) if planned else None


def planned_end(meeting: Meeting) -> datetime | None:
    """Scheduled start (or the actual start) plus every planned duration; None without plans."""
    start = scheduled_start(meeting) or meeting.started_at
    total = planned_minutes(meeting)
    return start + timedelta(minutes=total) if start and total is not None else None


def projected_end(meeting: Meeting, now: datetime) -> datetime | None:
    """Now, plus what is left of the current item's plan, plus the plans of the items not reached."""
    if planned_minutes(meeting) is None or meeting.started_at is None:
        return None
    remaining = 0
    for item in _timed_items(meeting):
        planned = (item.planned_minutes or 0) * 60
        if item.state is ItemState.PENDING:
            remaining += planned
        elif item.state is ItemState.CURRENT:
            remaining += max(0, planned - (item_seconds(item, now) or 0))
    return now + timedelta(seconds=remaining)


def clock_text(seconds: int | None) -> str:
    """1:05:09, 12:03 or 0:07 (h:mm:ss only past the hour)."""
    if seconds is None:
        return "–"
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
