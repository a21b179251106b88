"""The live screen survives a tiny terminal and a huge paste (Textual Pilot, in process)."""

from __future__ import annotations

from datetime import datetime

from reliability_helpers import new_meeting

from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.store import Store
from minutes_tui.tui.app import make_app


def _app(db):
    return make_app(db, new_meeting(db), clock=FrozenClock(datetime(2021, 11, 22, 10, 5)))


async def test_resized_down_to_20x5_and_back(db):
    app = _app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for size in ((60, 20), (20, 5), (10, 3), (20, 5), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press(*"DE called for calm", "enter")
        await pilot.pause()
        assert app.is_running
        assert [e.text for e in app.session.meeting.entries] == ["called for calm"]
    assert [e.text for e in Store(db).load_meeting(1).entries] == ["called for calm"]


async def test_pasting_100_kb_into_the_entry_line(db):
    app = _app(db)
    big = ("The Presidency recalled the conclusions of 2021 \u202eمرحبا\u202c and ")* 2200
    big = big[:100_000]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        entry = app.screen.query_one("#entry")
        entry.value = big
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
    assert [e.text for e in Store(db).load_meeting(1).entries] == [big.strip()]


async def test_a_failed_save_keeps_the_text_in_the_entry_line_for_a_retry(db):
    app = _app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.store.conn.execute("PRAGMA query_only = 1")  # the disk refuses writes
        await pilot.press(*"DE called for calm", "enter")
        await pilot.pause()
        assert app.screen.query_one("#entry").value == "DE called for calm"
        assert "NOT SAVED" in app.screen.saved
        app.store.conn.execute("PRAGMA query_only = 0")  # space freed: Enter again
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#entry").value == ""
    assert [e.text for e in Store(db).load_meeting(1).entries] == ["called for calm"]
