"""The review screens driven through Pilot: open, search, polish, mark final, diff; and three snapshots."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import Input, OptionList, Static

from agenda_samples import small_agenda
from minutes_tui.core import archive
from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.session import Session
from minutes_tui.export.document import item_paragraphs
from minutes_tui.tui.review_app import make_review_app
from minutes_tui.tui.screens.review import ConfirmScreen, DiffScreen, MeetingScreen, SearchScreen, StatsScreen
from test_archive import hold_meeting

SIZE = (110, 32)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch):
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def db(store):
    """Three ended meetings (newest first in the archive: CATS, COSI Dec, COSI Nov) and the store's path."""
    hold_meeting(store, "COSI", date(2021, 11, 22), [
        (("DE",), "Terrorist threat remains high. We support the recommendations.", 120),
        (("FR", "NL"), "called for closer cooperation with Europol.", 60),
        (("DE",), "asked about the timeline.", 30),
    ], planned=1)
    hold_meeting(store, "COSI", date(2021, 12, 10), [(("FR",), "The threat from returning fighters is increasing.", 300)])
    hold_meeting(store, "CATS", date(2022, 1, 15), [(("DE",), "supported the draft conclusions.", 90)])
    return store.path


def app_for(path):
    return make_review_app(path, FrozenClock(datetime(2022, 2, 10, 9, 0)))


async def open_november(pilot) -> MeetingScreen:
    await pilot.press("down", "down", "enter")  # the oldest of the three: COSI, 22 November 2021
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def go_to_item(pilot, screen: MeetingScreen, number: str) -> None:
    items = screen.query_one("#items", OptionList)
    items.highlighted = items.get_option_index(str(screen.session.find_item(number).id))
    await pilot.pause()


async def test_open_shows_the_captured_lines_beside_the_minutes(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        await go_to_item(pilot, screen, "2.1")
        assert screen.query_one("#entries", OptionList).option_count == 3
        minutes = str(screen.query_one("#minutes", Static).content.renderables[-1])
        assert "The German delegation asked about the timeline." in minutes
        assert str(screen.query_one("#heading", Static).content).endswith("— ended")  # as listed; it said "in progress"
        await pilot.press("escape")
        assert pilot.app.screen.title == "Archive"


async def test_search_opens_the_meeting_at_the_item(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        search = pilot.app.screen
        assert isinstance(search, SearchScreen)
        search.query_one("#query", Input).value = "recommendations speaker:DE"
        await pilot.press("enter")
        assert [h.item_number for h in search.hits] == ["2.1."]
        await pilot.press("enter")
        meeting = pilot.app.screen
        assert isinstance(meeting, MeetingScreen)
        assert (meeting.item_id, meeting.entry_id) == (search.hits[0].item_id, search.hits[0].entry_id)


async def edit_first_entry_of_2_1(pilot) -> MeetingScreen:
    """The November meeting open at item 2.1, its first entry in the editor (`e`)."""
    screen = await open_november(pilot)
    await go_to_item(pilot, screen, "2.1")
    screen.query_one("#entries", OptionList).focus()
    await pilot.press("e")
    return screen


async def test_polish_goes_through_the_event_log_as_an_edit_after_the_meeting(db, store):
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await edit_first_entry_of_2_1(pilot)
        screen.query_one("#editor", Input).value = "Delegations expressed concern about the threat."
        await pilot.press("enter", "p")  # save the new text, then leave the entry out of the minutes
    [entry] = [e for e in store.load_meeting(screen.session.meeting_id).entries if e.id == screen.entry_id]
    assert (entry.text, entry.private) == ("Delegations expressed concern about the threat.", True)
    edits = store.events(screen.session.meeting_id)[-2:]
    assert [(e["action"], e["live"]) for e in edits] == [("edit entry", 0), ("edit entry", 0)]


async def test_polishing_can_change_who_spoke_and_be_undone(db, store):
    """An entry typed under the wrong speaker could not be put right in the archive, nor an edit undone."""
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await edit_first_entry_of_2_1(pilot)
        editor = screen.query_one("#editor", Input)
        assert editor.value == "DE: Terrorist threat remains high. We support the recommendations."  # who spoke, to change
        editor.value = "AT: called for closer cooperation."
        await pilot.press("enter")
        entry = screen.session.entry(screen.entry_id)
        assert (entry.speakers, entry.text) == (["AT"], "called for closer cooperation.")
        await pilot.press("ctrl+z")
        assert "undone: edit entry" in [str(n.message) for n in pilot.app._notifications]
    entry = next(e for e in store.load_meeting(screen.session.meeting_id).entries if e.id == screen.entry_id)
    assert (entry.speakers, entry.text) == (["DE"], "Terrorist threat remains high. We support the recommendations.")


async def test_f1_shows_the_archives_keys(db):
    from minutes_tui.tui.screens.help import HelpScreen

    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen) and not help_screen.entry_line  # no entry line here
        rows = [row for _, bindings in help_screen.groups for row in help_screen.key_rows(bindings)]
        assert ("e", "Edit the highlighted entry's text") in rows and ("^z", "Undo the last change to this meeting") in rows
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)



async def test_the_archive_follows_the_keymap(db):
    app = make_review_app(db, FrozenClock(datetime(2022, 2, 10, 9, 0)), keymap={"review.edit": "x"})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        await go_to_item(pilot, screen, "2.1")
        screen.query_one("#entries", OptionList).focus()
        await pilot.press("x")
        assert screen.editing and screen.editing[0] == "edit"


async def test_an_item_to_check_is_flagged_and_c_takes_the_flag_off(db, store):
    november = Session(store, 1, FrozenClock(datetime(2021, 11, 22, 12, 0)))
    november.set_to_check("which annex?", november.find_item("2.1").id)
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        await go_to_item(pilot, screen, "2.1")
        items = screen.query_one("#items", OptionList)
        item_id = str(screen.item_id)
        assert str(items.get_option(item_id).prompt).lstrip().startswith("? ")
        assert str(screen.query_one("#minutes", Static).content.renderables[0]) == "To check with the Chair: which annex? (c: checked)"
        await pilot.press("c")
        assert not str(items.get_option(item_id).prompt).lstrip().startswith("? ")
    assert store.load_meeting(1).items[[i.number for i in store.load_meeting(1).items].index("2.1.")].to_check == ""


async def test_polishing_a_meeting_never_ended_asks_to_end_it_first(store, clock):
    meeting_id = store.create_meeting(small_agenda(), clock.now())
    Session(store, meeting_id, clock).go_next()
    async with app_for(store.path).run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")  # no letter answers yes
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("tab", "enter")
        screen = pilot.app.screen
        screen.query_one("#editor", Input).value = "The agenda was adopted."
        await pilot.press("enter")
    meeting = store.load_meeting(meeting_id)
    assert meeting.ended_at is not None
    assert [e.text for e in meeting.entries] == ["The agenda was adopted."]
    assert store.events(meeting_id)[-1]["live"] == 0


async def test_a_meeting_never_ended_can_be_polished_without_ending_it(store, clock):
    meeting_id = store.create_meeting(small_agenda(), clock.now())
    Session(store, meeting_id, clock).go_next()
    async with app_for(store.path).run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "escape")  # Escape: back, no editor
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen) and not screen.editing
        assert str(screen.query_one("#heading", Static).content).endswith("— in progress")
        await pilot.press("n", "enter")  # Enter: No, edit it as it stands
        screen.query_one("#editor", Input).value = "The agenda was adopted."
        await pilot.press("enter")
    meeting = store.load_meeting(meeting_id)
    assert meeting.ended_at is None and [e.text for e in meeting.entries] == ["The agenda was adopted."]


async def test_a_meeting_that_cannot_be_ended_says_so_and_stays_open(store, clock, monkeypatch):
    """On a read-only database "End it now" killed the app with a traceback (and exit code 0)."""
    from minutes_tui.core.store import StoreError

    meeting_id = store.create_meeting(small_agenda(), clock.now())
    Session(store, meeting_id, clock).go_next()

    def read_only(self, at=None):
        raise StoreError("r.db: could not save (attempt to write a readonly database)")

    monkeypatch.setattr(Session, "end_meeting", read_only)
    async with app_for(store.path).run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "tab", "enter")  # Yes, end it now
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen) and not screen.editing
        assert any("readonly database" in str(n.message) for n in pilot.app._notifications)
    assert store.load_meeting(meeting_id).ended_at is None


async def test_mark_final_makes_the_meeting_read_only_until_reopened(db, store):
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        meeting_id = screen.session.meeting_id
        await pilot.press("d", "f", "enter")  # asked first: Enter says no
        assert archive.status_of(store, meeting_id) == "draft 1"
        await pilot.press("f", "tab", "enter")
        assert archive.status_of(store, meeting_id) == "final"
        await pilot.press("n")
        assert not screen.editing  # refused: final
        await pilot.press("f")
        assert pilot.app.screen is screen  # final already: refused at once, no question first
        await pilot.press("r")
        assert archive.status_of(store, meeting_id) == "draft 1"
        assert "draft 1" in str(screen.query_one("#heading", Static).content)


async def test_a_summary_opens_the_items_minutes_as_a_paragraph_of_its_own(db):
    """Written after the meeting, it is not run on from the item's last sentence."""
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        await go_to_item(pilot, screen, "2.1")
        await pilot.press("n")
        screen.query_one("#editor", Input).value = "Delegations broadly supported the recommendations."
        await pilot.press("enter")
        item = screen.session.find_item("2.1")
        paragraphs = item_paragraphs(screen.meeting, item, screen.session.register, screen.style)
        assert paragraphs[0] == "Delegations broadly supported the recommendations."
        assert paragraphs[1] == 'The German delegation stated: "Terrorist threat remains high. We support the recommendations."'


async def test_diff_between_a_draft_and_the_current_text(db):
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await open_november(pilot)
        await pilot.press("d")
        await go_to_item(pilot, screen, "3")
        await pilot.press("n")
        screen.query_one("#editor", Input).value = "No other business was raised."
        await pilot.press("enter", "v")
        diff = pilot.app.screen
        assert isinstance(diff, DiffScreen)
        text = str(diff.query_one("#diff", Static).content)
        assert "--- draft 1 (10 Feb 2022 09:00)" in text and "+++ current text" in text
        assert "+No other business was raised." in text
        assert "DRAFT 1 – OUTCOME" not in text  # the draft was kept with its title, the current text has the same
        [version] = archive.versions(screen.store, screen.session.meeting_id)
        assert "\nDRAFT 1 – OUTCOME OF PROCEEDINGS\n" in version.text


# --- snapshots ------------------------------------------------------------------------------------


def test_snapshot_archive_list(db, store, snap_compare):
    """The CATS meeting has an item to check with the Chair: the list counts it."""
    cats = Session(store, 3, FrozenClock(datetime(2022, 1, 15, 12, 0)))
    cats.set_to_check("which annex?", cats.meeting.items[0].id)
    assert snap_compare(app_for(db), terminal_size=SIZE)


def test_snapshot_search_result(db, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(SearchScreen(pilot.app.store, pilot.app.clock, '"threat" since 1 Dec 2021'))
        await pilot.pause()

    assert snap_compare(app_for(db), run_before=run_before, terminal_size=SIZE)


def test_snapshot_statistics(db, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(StatsScreen(pilot.app.store, pilot.app.clock, query="COSI"))
        await pilot.pause()

    assert snap_compare(app_for(db), run_before=run_before, terminal_size=(110, 40))


async def november_refused(pilot) -> str:
    """Enter on the November meeting leaves the list on screen; returns the one notice shown."""
    await pilot.press("down", "down", "enter")
    assert not isinstance(pilot.app.screen, MeetingScreen)
    [notice] = pilot.app._notifications
    return notice.message


async def test_a_value_edited_outside_the_app_is_said_in_one_line_not_a_crash(db, store):
    """The archive is open to sqlite-utils and Datasette: a time the app cannot have written (here
    in the November meeting's entries) stops that meeting from opening, with the value named; the
    list, the other meetings and the statistics of a bad date still answer."""
    store.conn.execute("UPDATE entries SET started_at = '2021-02-30T10:00:00' WHERE text LIKE 'asked%'")
    store.conn.commit()
    async with app_for(db).run_test(size=SIZE) as pilot:
        notice = await november_refused(pilot)
        assert "'2021-02-30T10:00:00' is not a date and time" in notice and str(db) in notice
        await pilot.press("up", "enter")  # December's meeting opens as usual
        assert isinstance(pilot.app.screen, MeetingScreen)

    # the speakers' queue saved with the November meeting, and a speakers list the app cannot have written
    november = store.conn.execute("SELECT id FROM meetings WHERE meeting_date = '2021-11-22'").fetchone()[0]
    store.conn.execute("UPDATE entries SET started_at = NULL WHERE started_at = '2021-02-30T10:00:00'")
    store.conn.execute("INSERT OR REPLACE INTO floor_state (meeting_id, state) VALUES (?, ?)",
                       [november, '{"queue": [], "floor": {"speakers": ["DE"], "since": "soon"}}'])
    store.conn.execute("UPDATE entries SET speakers = '[\"DE\"' WHERE text LIKE 'supported%'")
    store.conn.commit()
    async with app_for(db).run_test(size=SIZE) as pilot:
        assert "'soon' is not a date and time" in await november_refused(pilot)
        await pilot.press("s")  # statistics over every meeting read the speakers lists with SQLite
        assert isinstance(pilot.app.screen, StatsScreen)
        assert str(db) in str(pilot.app.screen.query_one("#tables", Static).visual)

    store.conn.execute("UPDATE entries SET speakers = '[\"DE\"]' WHERE text LIKE 'supported%'")
    store.conn.execute("UPDATE meetings SET meeting_date = '10/12/2021' WHERE meeting_date = '2021-12-10'")
    store.conn.commit()
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "'10/12/2021' is not a date" in str(pilot.app.screen.query_one("#message", Static).visual)
        await pilot.press("s")
        assert isinstance(pilot.app.screen, StatsScreen)
        assert "'10/12/2021' is not a date" in str(pilot.app.screen.query_one("#tables", Static).visual)


def test_the_statistics_show_a_speaker_never_timed_as_untimed():
    from rich.console import Console

    from minutes_tui.tui.screens.review import speakers_table

    console = Console(width=80, record=True)
    console.print(speakers_table([archive.SpeakerStat("FR", 1, 75, timed=1), archive.SpeakerStat("DE", 1, 0, timed=0)]))
    rows = {line.split()[0]: line.split()[1:3] for line in console.export_text().splitlines() if line.split()[:1] in (["FR"], ["DE"])}
    assert rows == {"FR": ["1", "1:15"], "DE": ["1", "–"]}


# --- defects found in review ------------------------------------------------------------------------


def notices(pilot) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


async def test_undo_in_the_archive_stops_at_the_meetings_own_changes(db, store):
    """ctrl+z undid "end meeting", then the lines of the meeting itself (opening it again), and the
    undo was logged as a change made during the meeting."""
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await edit_first_entry_of_2_1(pilot)
        screen.query_one("#editor", Input).value = "DE: called for calm."
        await pilot.press("enter", "ctrl+z", "ctrl+z")
        assert notices(pilot)[-2:] == [
            "undone: edit entry", "nothing more to undo after the meeting: the last change, end meeting, was made during it"]
    meeting = store.load_meeting(screen.session.meeting_id)
    assert meeting.ended_at is not None and len(meeting.entries) == 3
    assert meeting.entries[0].text == "Terrorist threat remains high. We support the recommendations."
    assert [(e["action"], e["live"]) for e in store.events(meeting.id)[-2:]] == [("edit entry", 0), ("undo", 0)]


async def test_a_line_that_cannot_be_read_is_said_and_stays_in_the_editor(db):
    """An emptied line or "/foo bar" killed the app: EntryLineError."""
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await edit_first_entry_of_2_1(pilot)
        editor = screen.query_one("#editor", Input)
        await pilot.press("ctrl+u", "enter")
        assert editor.value == "" and screen.editing and editor.has_class("editing") and editor.has_focus
        editor.value = "/foo bar"
        await pilot.press("enter")
        assert editor.value == "/foo bar" and screen.editing and editor.has_focus
        editor.value = "/next"  # a command was stored as the entry's text
        await pilot.press("enter")
        assert editor.value == "/next" and screen.editing
        empty, unknown, command = notices(pilot)
        assert empty == "nothing to record: the line is empty" and unknown.startswith("unknown command /foo")
        assert command.startswith("/next is a command of the live screen")
        await pilot.press("escape")  # cancelled: the entry is as it was
        assert screen.session.entry(screen.entry_id).text == "Terrorist threat remains high. We support the recommendations."


async def test_an_edit_that_cannot_be_saved_stays_in_the_editor(db, monkeypatch):
    """On a read-only archive the editor closed and the edit was gone."""
    from minutes_tui.core.store import StoreError

    def read_only(self, entry_id, **changes):
        raise StoreError("r.db: could not save (attempt to write a readonly database)")

    monkeypatch.setattr(Session, "edit_entry", read_only)
    async with app_for(db).run_test(size=SIZE) as pilot:
        screen = await edit_first_entry_of_2_1(pilot)
        editor = screen.query_one("#editor", Input)
        editor.value = "DE: called for calm."
        await pilot.press("enter")
        assert screen.editing == ("edit", screen.entry_id) and editor.value == "DE: called for calm." and editor.has_focus
        assert notices(pilot) == ["r.db: could not save (attempt to write a readonly database)"]


async def test_a_search_result_opens_with_its_own_entry_highlighted(db):
    """Enter on FR's hit highlighted the item's first entry (DE's): `e` edited the wrong line."""
    async with app_for(db).run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        search = pilot.app.screen
        search.query_one("#query", Input).value = "Europol speaker:FR"
        await pilot.press("enter")
        [hit] = search.hits
        await pilot.press("enter")
        meeting = pilot.app.screen
        entries = meeting.query_one("#entries", OptionList)
        assert meeting.entry_id == hit.entry_id and entries.highlighted_option.id == str(hit.entry_id)
        await pilot.press("e")
        assert meeting.query_one("#editor", Input).value == "FR, NL: called for closer cooperation with Europol."


async def test_the_meeting_footer_fits_80_columns(db):
    """It was cut at "d Draf": Final, Versions and Statistics could not be seen."""
    from textual.widgets._footer import FooterKey

    async with app_for(db).run_test(size=(80, 24)) as pilot:
        screen = await open_november(pilot)
        await pilot.pause()
        keys = [key for key in screen.query(FooterKey) if key.display]
        assert all(key.region.right <= 80 for key in keys)
        assert [key.description for key in keys] == ["Help", "Edit", "Summary", "Leave out", "Undo", "Draft", "Final",
                                                     "Versions", "Stats"]
