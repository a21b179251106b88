"""Shared fixtures: every test gets its own database and a clock that only moves when told."""

from __future__ import annotations

from datetime import datetime

import pytest

from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda
from minutes_tui.core.store import Store


@pytest.fixture(autouse=True)
def _no_user_database(monkeypatch, tmp_path):
    """Nothing a test does may reach the user's real database."""
    monkeypatch.setenv("MINUTES_DB", str(tmp_path / "default-minutes.db"))


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2021, 11, 22, 10, 0, 0))


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(tmp_path / "minutes.db")
    yield store
    store.close()


def small_agenda() -> ParsedAgenda:
    """Three items, one with two sub-items: enough to exercise moves, containers and undo."""
    items = [
        AgendaItem(None, "1.", "Adoption of the agenda", doc_refs=["CM 5119/21"], position=0),
        AgendaItem(None, "2.", "Counter-terrorism", section="Discussion items:", position=1),
        AgendaItem(None, "2.1.", "Threat assessment", section="Discussion items:", level=1, doc_refs=["13682/21"], position=2),
        AgendaItem(None, "2.2.", "Security checks", section="Discussion items:", level=1, position=3),
        AgendaItem(None, "3.", "AOB", position=4),
    ]
    details = MeetingDetails(committee="Standing Committee (COSI)", short_name="COSI", agenda_ref="CM 5119/21")
    return ParsedAgenda(details, items, [None, None, 1, 1, None])


@pytest.fixture
def agenda() -> ParsedAgenda:
    return small_agenda()


@pytest.fixture
def meeting_id(store, clock, agenda) -> int:
    return store.create_meeting(agenda, clock.now())
