"""SVG snapshots of the finished live screens, with fixed data, a frozen clock and no cursor blink."""

from __future__ import annotations

from live_fixtures import cosi_db, no_cursor_blink, tui_clock  # noqa: F401  (fixtures)
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store
from minutes_tui.tui.app import make_app


def recorded_meeting(cosi_db, clock):
    """The COSI meeting forty minutes in: two items done, item 3 under way with a queue."""
    path, meeting_id = cosi_db
    store = Store(path)
    session = Session(store, meeting_id, clock)
    for line in [
        "/next", "/outcome adopted", "/next", "PRES: informed delegations about the state of play",
        "/outcome took note", "/next", "DE called for closer operational cooperation with Europol",
        "FR, NL and Cion: supported the action plan and its timeline",
        "Several delegations asked for a follow-up at the next meeting.",
        "/queue IT ES", "/floor",
    ]:
        clock.advance(minutes=4)
        session.apply_line(line)
    clock.advance(seconds=83)
    session.end_floor("stressed the role of Frontex on the Central Mediterranean route")
    store.close()
    clock.advance(seconds=20)
    app = make_app(path, meeting_id, clock=clock)
    return app


async def _speaking(pilot):
    """ES has the floor for 1:05, DE waits, and the secretary is typing NL's question."""
    screen = pilot.app.screen
    for line in ("/queue ES DE", "/floor"):
        screen.entry.value = line
        await pilot.press("enter")
    screen.clock.advance(seconds=65)
    screen.entry.value = "NL: asked about the budget"
    screen.tick()
    await pilot.pause()


def test_live_screen_80x24(snap_compare, cosi_db, tui_clock):
    assert snap_compare(recorded_meeting(cosi_db, tui_clock), terminal_size=(80, 24), run_before=_speaking)


def test_live_screen_120x40(snap_compare, cosi_db, tui_clock):
    assert snap_compare(recorded_meeting(cosi_db, tui_clock), terminal_size=(120, 40), run_before=_speaking)


def test_help_screen(snap_compare, cosi_db, tui_clock):
    assert snap_compare(recorded_meeting(cosi_db, tui_clock), terminal_size=(120, 40), press=["f1"])


def test_meeting_details_form(snap_compare, cosi_db, tui_clock):
    assert snap_compare(recorded_meeting(cosi_db, tui_clock), terminal_size=(120, 40), press=["f3"])
