"""Shared fixtures: every test gets its own database and a clock that only moves when told."""

from __future__ import annotations

from datetime import datetime

import pytest

from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.model import ParsedAgenda
from minutes_tui.core.store import Store

from agenda_samples import small_agenda


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


@pytest.fixture
def agenda() -> ParsedAgenda:
    return small_agenda()


@pytest.fixture
def meeting_id(store, clock, agenda) -> int:
    return store.create_meeting(agenda, clock.now())
