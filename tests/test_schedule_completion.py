"""core.schedule (planned against actual time) and core.completion (Tab in the entry line)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from minutes_tui.core.completion import completions
from minutes_tui.core.model import AgendaItem, ItemState, Meeting, MeetingDetails
from minutes_tui.core.schedule import clock_text, item_seconds, planned_end, projected_end
from minutes_tui.core.speakers import default_register

T = datetime(2021, 11, 22, 10, 0)


def meeting() -> Meeting:
    items = [
        AgendaItem(1, "1.", "Agenda", planned_minutes=5, state=ItemState.DONE, started_at=T, ended_at=T.replace(minute=8)),
        AgendaItem(2, "2.", "Threat", planned_minutes=30, state=ItemState.CURRENT, started_at=T.replace(minute=8)),
        AgendaItem(3, "3.", "AOB", planned_minutes=10),
        AgendaItem(4, "4.", "Dropped", planned_minutes=60, state=ItemState.WITHDRAWN),
    ]
    details = MeetingDetails(meeting_date=date(2021, 11, 22), time="10.00")
    return Meeting(1, details, items, started_at=T)


def test_item_time_runs_while_current_and_stops_when_closed():
    now = T.replace(minute=20)
    m = meeting()
    assert item_seconds(m.items[0], now) == 8 * 60
    assert item_seconds(m.items[1], now) == 12 * 60
    assert item_seconds(m.items[2], now) is None


def test_planned_and_projected_end_leave_withdrawn_items_out():
    m = meeting()
    assert planned_end(m) == T.replace(minute=45)
    # 10:20: 18 minutes left of item 2, 10 of item 3.
    assert projected_end(m, T.replace(minute=20)) == T.replace(minute=48)
    # Item 2 overran its plan: only item 3 is left.
    assert projected_end(m, T.replace(hour=11)) == T.replace(hour=11, minute=10)


@pytest.mark.parametrize(("time", "start"), [("10.00", (10, 0)), ("7:00 PM", (19, 0)), ("7.30 p.m.", (19, 30)),
                                             ("12:15 AM", (0, 15)), ("12:15 pm", (12, 15)), ("9h00", (9, 0))])
def test_the_planned_end_counts_from_the_time_as_written(time, start):
    m = meeting()
    m.started_at, m.details.time = None, time  # not started: planned from the agenda's start
    hour, minute = start
    assert planned_end(m) == datetime(2021, 11, 22, hour, minute) + (T.replace(minute=45) - T)


def test_no_plan_no_projection():
    m = meeting()
    for item in m.items:
        item.planned_minutes = None
    assert planned_end(m) is None and projected_end(m, T) is None


@pytest.mark.parametrize("seconds, text", [(None, "–"), (7, "0:07"), (723, "12:03"), (3909, "1:05:09")])
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text


@pytest.mark.parametrize(
    "line, first",
    [
        ("D", "DK"),  # protocol order: Denmark before Germany
        ("ger", "DE"),
        ("DE, F", "DE, FR"),
        ("DE and N", "DE and NL"),
        ("/q", "/queue "),
        ("/queue DE f", "/queue DE FR "),
        ("/outcome to", "/outcome took_note "),
        ("/o end", "/o endorsed "),
    ],
)
def test_completions(line, first):
    assert completions(line, default_register())[0] == first


@pytest.mark.parametrize("line", ["", "DE called", "DE: supp", "/next x", "/outcome took note of"])
def test_nothing_to_complete(line):
    assert completions(line, default_register()) == []
