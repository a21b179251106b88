"""Fixtures for the live screen's tests: a frozen clock, a tmp database holding the COSI sample
meeting, and no cursor blink (so snapshots and timings are deterministic).

Not a conftest.py: a second conftest module here would shadow tests/conftest.py for plain imports.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from minutes_tui.core.agenda import load_agenda
from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.store import Store
from minutes_tui.tui.app import MinutesApp, make_app

COSI = Path(__file__).resolve().parents[2] / "sample_agendas" / "cosi-2021-11-22.md"


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def tui_clock() -> FrozenClock:
    return FrozenClock(datetime(2021, 11, 22, 10, 0, 0))


@pytest.fixture
def cosi_db(tmp_path, tui_clock) -> tuple[Path, int]:
    """A database with the COSI meeting of 22 November 2021, not started yet: (path, meeting id)."""
    path = tmp_path / "minutes.db"
    store = Store(path)
    meeting_id = store.create_meeting(load_agenda(COSI), tui_clock.now())
    store.close()
    return path, meeting_id


@pytest.fixture
def live_app(cosi_db, tui_clock) -> MinutesApp:
    path, meeting_id = cosi_db
    return make_app(path, meeting_id, clock=tui_clock)
