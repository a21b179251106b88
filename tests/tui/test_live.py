"""The live screen driven through Pilot, asserting on what the store holds afterwards.

Lines are put into the entry line directly and only Enter is pressed (each pressed key costs ~60 ms);
keys are typed one by one only where typing is what is tested (Tab completion).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import os
import socket
from datetime import datetime

import pytest

from textual import events
from textual.widgets import Input, Static

from live_fixtures import COSI, cosi_db, live_app, no_cursor_blink, tui_clock  # noqa: F401  (fixtures)
from minutes_tui.core.agenda import load_agenda
from minutes_tui.core.model import EntryKind, ItemState
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store, StoreError
from minutes_tui.tui.app import YOUNG_COLLECTION_THRESHOLD, make_app
from minutes_tui.tui.screens.form import Field, FormModal
from minutes_tui.tui.screens.help import HelpScreen
from minutes_tui.tui.screens.live import LiveScreen
from minutes_tui.tui.widgets.agenda import AgendaTree
from minutes_tui.tui.widgets.panels import ItemHeader, Panel
from minutes_tui.tui.widgets.record import RecordList

SIZE = (120, 40)


async def enter(pilot, line: str, seconds: int = 20) -> LiveScreen:
    """Type `line` (as a paste would) and press Enter, `seconds` after the previous line."""
    screen = pilot.app.screen
    assert isinstance(screen, LiveScreen)
    screen.clock.advance(seconds=seconds)
    screen.entry.value = line
    await pilot.press("enter")
    return screen


def status(screen: LiveScreen) -> str:
    return str(screen.query_one("#status", Panel).text)


def stored(cosi_db):
    path, meeting_id = cosi_db
    store = Store(path)
    try:
        return store.load_meeting(meeting_id)
    finally:
        store.close()


async def fill_form(pilot, **values: str) -> None:
    form = pilot.app.screen
    assert isinstance(form, FormModal)
    for name, value in values.items():
        form.query_one(f"#field-{name}").value = value
    await pilot.press("enter")  # OK from any field, a choice list too
    await pilot.pause()


async def test_a_whole_meeting_lands_in_the_store(live_app, cosi_db, tui_clock):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await enter(pilot, "/outcome adopted")
        await enter(pilot, "/next")
        await enter(pilot, "PRES: informed delegations about the state of play")
        await enter(pilot, "COSI took note of the information provided by the Presidency.")
        await enter(pilot, "/go 3")
        await enter(pilot, "DE called for closer cooperation with Europol")
        await enter(pilot, "FR, NL and Cion: supported the action plan")
        # The queue: DE and FR ask for the floor, DE speaks 95 seconds, FR is summarised on /end.
        await enter(pilot, "/queue DE FR")
        await enter(pilot, "/floor", seconds=5)
        await enter(pilot, "/floor", seconds=95)  # DE's turn ends as FR takes the floor
        await enter(pilot, "/end stressed the role of Frontex", seconds=40)
        assert screen.session.speaking_seconds() == {"DE": 95, "FR": 40}
        await enter(pilot, "/outcome exchanged views")
        # Keys: next item (F6), previous item (F5), go to item (F2 and a form).
        await pilot.press("f6")
        assert screen.session.current_item.number == "4."
        await pilot.press("f5")
        assert screen.session.current_item.number == "3."
        await pilot.press("f2")
        await fill_form(pilot, number="6.1")
        assert screen.session.current_item.number == "6.1."
        await enter(pilot, "EU CTC presented the threat assessment")
        await enter(pilot, "Typo lien")
        # Edit the note in the record (ctrl+r, then e), then delete it and undo the deletion.
        await pilot.press("ctrl+r", "e")
        await fill_form(pilot, text="Several delegations asked for a follow-up.")
        assert "Several delegations asked for a follow-up." in str(screen.query_one(RecordList).prompts[-1])
        assert pilot.app.focused is screen.entry  # an answered form gives the keys back to the minutes
        await pilot.press("ctrl+r", "delete")
        assert [e.text for e in screen.session.meeting.entries_for(screen.session.current_item_id)][-1] == (
            "presented the threat assessment"
        )
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+y")  # the deletion made again ...
        assert "redone: delete entry" in status(screen)
        assert len(screen.session.meeting.entries_for(screen.session.current_item_id)) == 1
        await pilot.press("ctrl+z")  # ... and undone again
        assert len(screen.session.meeting.entries_for(screen.session.current_item_id)) == 2
        await pilot.press("ctrl+up")  # the note moves above the intervention
        await pilot.press("escape")
        assert screen.entry.has_focus
        await enter(pilot, "/outcome took note")
        # The agenda changes: an AOB point after 12, item 8 withdrawn, 11 postponed.
        await enter(pilot, "/go 12")
        await enter(pilot, "/add 12.1 Cybersecurity incident")
        await enter(pilot, "/withdraw")  # 12 itself, then back to the new point
        await enter(pilot, "/go 12.1")
        await enter(pilot, "DE: informed about the incident")
        screen.session.end_meeting()

    meeting = stored(cosi_db)
    items = {i.number: i for i in meeting.items}
    assert items["12."].state is ItemState.WITHDRAWN
    assert [i.number for i in meeting.items][-2:] == ["12.", "12.1."]  # as the agenda writes its numbers
    by_item = {number: meeting.entries_for(item.id) for number, item in items.items()}
    assert [(e.kind, e.outcome) for e in by_item["1."]] == [(EntryKind.OUTCOME, "adopted")]
    assert [e.speakers for e in by_item["3."] if e.kind is EntryKind.INTERVENTION] == [
        ["DE"], ["FR", "NL", "COM"], ["DE"], ["FR"]
    ]
    turn = by_item["3."][3]
    assert (turn.text, turn.duration_seconds) == ("stressed the role of Frontex", 40)
    assert [e.text for e in by_item["6.1."]] == [
        "Several delegations asked for a follow-up.", "presented the threat assessment", ""
    ]
    assert by_item["6.1."][-1].outcome == "took_note"
    assert by_item["12.1."][0].speakers == ["DE"]


async def test_f8_records_the_turn_that_ends_with_the_entry_lines_gist(live_app, cosi_db):
    """F8 while someone speaks gives the floor to the next one: what is typed is the first one's gist, as with F9."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await enter(pilot, "/queue DE FR IT")
        await pilot.press("f8")
        screen.clock.advance(seconds=30)
        screen.entry.value = "called for closer cooperation"
        await pilot.press("f8")
        assert screen.entry.value == "" and screen.session.floor.speakers == ("FR",)
        screen.clock.advance(seconds=10)
        await pilot.press("f8")  # nothing typed: FR only took the floor
    turns = [(e.speakers, e.text, e.duration_seconds) for e in stored(cosi_db).entries]
    assert turns == [(["DE"], "called for closer cooperation", 30), (["FR"], "", 10)]


async def test_a_refused_line_says_why_and_goes_to_the_history(live_app, cosi_db):
    """The next line, typed without looking up, must not run on from a refused one ("/go 6.3DE
    supported the text"): it stays selected, so the first key typed replaces it, and it is kept as
    the draft until then (it was in memory only, lost if the app died); Up brings it back."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "DE called for support")  # no item open yet
        assert screen.entry.value == "DE called for support" and screen.entry.selected_text == "DE called for support"
        assert "no item is open" in status(screen) and status(screen).endswith("↑ brings the line back")
        assert Store(cosi_db[0]).load_draft(cosi_db[1]) == "DE called for support"
        type_at_once(pilot.app, [*"/frobnicate", "enter"])
        await pilot.pause()
        assert screen.entry.value == "/frobnicate" and "unknown command" in status(screen)
        await pilot.press("up", "up")
        assert screen.entry.value == "DE called for support"
        screen.entry.value = ""
        await pilot.pause()
        panel = screen.query_one("#status", Panel)
        assert panel.region.height == 2  # the list of commands wraps rather than being cut at the edge
        assert "/undo" in "".join(strip.text for strip in panel.render_lines(panel.region.reset_offset))
        await enter(pilot, "/next")
        await pilot.pause()
        assert panel.region.height == 1
    assert stored(cosi_db).entries == []


async def test_a_failed_save_keeps_the_line_and_retries_on_enter(live_app, cosi_db, monkeypatch):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        session = screen.session

        def disk_full(*args, **kwargs):
            raise StoreError("minutes.db: could not save (database or disk is full)")

        monkeypatch.setattr(session, "add_intervention", disk_full)
        monkeypatch.setattr(session.store, "save_draft", lambda *args: disk_full())
        await enter(pilot, "DE called for support")
        assert screen.entry.value == "DE called for support"
        screen.save_draft()  # the once-a-second draft fails too: the line's own error stays on screen
        assert status(screen) == "minutes.db: could not save (database or disk is full)"
        assert "NOT SAVED" in str(screen.query_one("#header", Panel).text)
        monkeypatch.undo()
        await pilot.press("enter")
        assert screen.entry.value == ""
        assert "saved 10:00:40" in str(screen.query_one("#header", Panel).text)
    assert [e.text for e in stored(cosi_db).entries] == ["called for support"]


async def test_quitting_with_text_that_cannot_be_saved_asks_first(live_app, cosi_db, monkeypatch):
    """On a full disk ctrl+q quit at once and the typed line was gone; now it says so, and a
    second ctrl+q quits, naming the text in the one-line error (it stays in the terminal)."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")

        def disk_full(*args, **kwargs):
            raise StoreError("minutes.db: could not save the draft (database or disk is full)")

        monkeypatch.setattr(screen.session.store, "save_draft", disk_full)
        screen.entry.value = "PT called for an unsaved line"
        await pilot.press("ctrl+q")
        assert pilot.app.is_running and "ctrl+q again quits anyway" in status(screen)
        await pilot.press("ctrl+q")
    assert live_app.return_code == 1 and live_app.failure.endswith("PT called for an unsaved line")


async def test_pasted_lines_that_cannot_be_saved_wait_their_turn_and_are_kept_as_a_draft(live_app, cosi_db, monkeypatch):
    """A paste of four lines on a full disk: the first stayed, the other three went into the ↑
    history only (lost on quitting, and recalled out of order)."""
    from textual import events

    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        session = screen.session
        add = session.add_intervention

        def disk_full(*args, **kwargs):
            raise StoreError("minutes.db: could not save (database or disk is full)")

        monkeypatch.setattr(session, "add_intervention", disk_full)
        screen.entry.post_message(events.Paste("DE: one.\nFR: two.\nNL: three.\nIT: four."))
        await pilot.pause()
        assert (screen.entry.value, screen.entry.waiting) == ("DE: one.", ["FR: two.", "NL: three.", "IT: four."])
        assert screen.save_draft() and Store(cosi_db[0]).load_draft(cosi_db[1]) == "DE: one.\nFR: two.\nNL: three.\nIT: four."
        monkeypatch.setattr(session, "add_intervention", add)
        for expected in ("FR: two.", "NL: three.", "IT: four.", ""):
            await pilot.press("enter")
            assert screen.entry.value == expected
    assert [e.text for e in stored(cosi_db).entries] == ["one.", "two.", "three.", "four."]


async def test_a_form_answered_is_no_longer_a_draft_before_it_closes(live_app, cosi_db):
    """The form closes a frame after its answer is saved: a crash in between brought the add-item
    form back, and Enter added the item twice."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("ctrl+t", "a")
        form = pilot.app.screen
        form.query_one("#field-title").value = "Interpol candidate"
        screen.save_draft()
        store = Store(cosi_db[0])
        assert "Interpol candidate" in store.load_form_draft(cosi_db[1])
        form.action_ok()  # saved; the form is still there, closing
        assert form.closing and pilot.app.screen is form and store.load_form_draft(cosi_db[1]) == ""
        store.close()


async def test_a_draft_of_pasted_lines_comes_back_with_them_waiting(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    store = Store(path)
    store.save_draft(meeting_id, "DE: one.\nFR: two.", tui_clock.now())
    store.close()
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        entry = pilot.app.screen.entry
        assert (entry.value, entry.waiting) == ("DE: one.", ["FR: two."])


async def test_lines_are_indexed_for_search_within_a_second_of_saving(live_app, cosi_db, monkeypatch):
    seconds = asyncio.Event()
    every_second = LiveScreen.every_second

    def spy(screen: LiveScreen) -> None:
        every_second(screen)
        seconds.set()

    monkeypatch.setattr(LiveScreen, "every_second", spy)

    def indexed(word):
        return Store(cosi_db[0]).conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?", [word]).fetchone()[0]

    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await enter(pilot, "DE called for interoperability")
        seconds.clear()
        await asyncio.wait_for(seconds.wait(), timeout=10)  # the screen's own one-second timer
        assert indexed("interoperability") == 1
        await enter(pilot, "FR stressed resilience")  # quitting at once: indexed on the way out
        store = screen.session.store

        def disk_full():
            raise StoreError("minutes.db: could not index the newest entries for search (disk is full)")

        with monkeypatch.context() as patched:
            patched.setattr(store, "index_pending", disk_full)
            every_second(screen)
            assert "search index not updated" in status(screen) and "disk is full" in status(screen)
            screen.say("something else")
            every_second(screen)
            assert status(screen) == "something else"  # said once, not every second
    assert indexed("resilience") == 1


async def test_f7_queues_speakers_without_touching_a_half_typed_line(live_app):
    """F7 used to put "/queue " in the entry line, in place of what was being typed."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        screen.entry.value = "DE asked whether the"
        await pilot.press("f7")
        await fill_form(pilot, speakers="FR NL")
        assert screen.session.queue == [("FR",), ("NL",)] and screen.entry.value == "DE asked whether the"


async def test_escape_brings_back_the_open_items_record_and_f2_with_no_number_asks_which(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        screen._viewed_id = screen.session.find_item("4").id  # as browsing the agenda leaves it
        screen.show_record()
        await pilot.press("escape")
        assert screen._viewed_id is None and str(screen.query_one(RecordList).border_title).startswith("Record of 3")
        await pilot.press("f2", "enter")
        assert "which item?" in str(pilot.app.screen.query_one("#form-error", Static).visual)
        assert screen.session.current_item.number == "3."


async def test_tab_completes_speakers_commands_and_outcome_codes(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("slash", "q", "tab")
        assert screen.entry.value == "/queue "
        screen.entry.value = ""
        screen.entry.value = "DE, ger"
        await pilot.press("tab")
        assert screen.entry.value == "DE, DE"
        screen.entry.value = "/outcome to"
        await pilot.press("tab")
        assert screen.entry.value == "/outcome took_note "
        screen.entry.value = "F"
        await pilot.press("tab", "tab")  # the second Tab cycles to the next candidate
        assert screen.entry.value == "FI"
        assert "FR" in status(screen)


async def test_up_and_down_recall_earlier_lines(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await enter(pilot, "DE called for support")
        screen.entry.value = "half typ"
        await pilot.press("up")
        assert screen.entry.value == "DE called for support"
        await pilot.press("up", "down", "down")
        assert screen.entry.value == "half typ"


async def test_the_draft_survives_quitting_and_is_restored(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        screen.entry.value = "DE called for sup"
        screen.tick()  # the once-a-second timer
        assert Store(path).load_draft(meeting_id) == "DE called for sup"
        screen.entry.value = "DE called for support of"
        await pilot.press("ctrl+q")
    assert Store(path).load_draft(meeting_id) == "DE called for support of"
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        assert pilot.app.screen.entry.value == "DE called for support of"


async def test_a_form_left_open_when_the_app_dies_comes_back_with_what_was_typed(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("f4")
        pilot.app.screen.query_one("#field-text").value = "endorsed the action plan as set out in 13682/21"
        screen.tick()  # the once-a-second timer; then the app dies (no quit)
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormModal) and form.title_text.startswith("Outcome of 3.")
        assert form.query_one("#field-text").value == "endorsed the action plan as set out in 13682/21"
        await pilot.press("enter")
        assert status(pilot.app.screen) == "outcome set"
    [outcome] = [e for e in stored(cosi_db).entries if e.kind is EntryKind.OUTCOME]
    assert outcome.text == "endorsed the action plan as set out in 13682/21"
    assert outcome.outcome == "endorsed"  # as the wording says, though the list still showed "took note"
    assert Store(path).load_form_draft(meeting_id) == ""  # the form is closed


async def leave_a_record_form_open(cosi_db, clock, line: str, key: str, field: str, value: str) -> None:
    """Record `line` on item 3, open the record's form `key` on it, type `value` into `field`; the
    draft is saved (the once-a-second timer), then the app dies with the form open."""
    path, meeting_id = cosi_db
    async with make_app(path, meeting_id, clock=clock).run_test(size=SIZE) as pilot:
        await enter(pilot, "/go 3")
        screen = await enter(pilot, line)
        await pilot.press("ctrl+r", key)
        pilot.app.screen.query_one(f"#field-{field}").value = value
        screen.tick()


async def test_a_form_that_cannot_come_back_leaves_its_text_in_the_entry_line(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    await leave_a_record_form_open(cosi_db, tui_clock, "DE called for support", "e", "text", "called for support of the candidate")
    store = Store(path)
    [entry] = store.load_meeting(meeting_id).entries
    Session(store, meeting_id, tui_clock).delete_entry(entry.id)  # meanwhile, in another window
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, LiveScreen)
        assert screen.entry.value == "DE: called for support of the candidate"  # Enter records it again
        assert status(screen).startswith("a form left open when the app stopped could not be opened again")
    assert Store(path).load_draft(meeting_id) == "DE: called for support of the candidate"


@pytest.mark.parametrize(("line", "edited", "comes_back"), [
    ("/private ask the Chair about the footnote", "ask the Chair about the footnote on Hungary", "/private ask the Chair about the footnote on Hungary"),
    ("/action Delegations: send comments by 30 July 2024", "send comments and proposals",
     "/action Delegations: send comments and proposals by 30 July 2024"),
    ("/statement PL: Poland supports the text.", "Poland supports the compromise.", "/statement PL: Poland supports the compromise."),
])
async def test_an_edit_that_cannot_come_back_keeps_its_kind(cosi_db, tui_clock, line, edited, comes_back):
    """A private note must not come back as one the minutes print; an action point keeps its deadline."""
    path, meeting_id = cosi_db
    await leave_a_record_form_open(cosi_db, tui_clock, line, "e", "text", edited)
    store = Store(path)
    [entry] = store.load_meeting(meeting_id).entries
    Session(store, meeting_id, tui_clock).delete_entry(entry.id)
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert pilot.app.screen.entry.value == comes_back


async def test_an_entry_moves_to_another_item_from_the_record(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    await leave_a_record_form_open(cosi_db, tui_clock, "DE called for support", "m", "number", "5")
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormModal) and form.values() == {"number": "5"}  # back, as typed
        await pilot.press("enter")
        screen = pilot.app.screen
        assert status(screen) == "entry moved to item 5"
        assert screen.query_one(RecordList).entries == []  # item 3's record
    meeting = stored(cosi_db)
    [entry] = meeting.entries
    assert meeting.full_number(next(i for i in meeting.items if i.id == entry.item_id)) == "5."


async def test_the_item_header_names_the_presenter_as_the_minutes_do(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 2")
        assert "presented by the Presidency" in str(screen.query_one(ItemHeader).text)  # the agenda says "Presidency"


async def test_a_statement_shows_who_made_it_and_where_its_text_goes(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await enter(pilot, "/go 3")
        screen = await enter(pilot, "/statement PL: Poland supports the text.")
        assert status(screen) == "statement by PL recorded: it goes in the Annex"
        prompt = screen.query_one(RecordList).prompts[-1].plain
        assert prompt.endswith("statement by PL The Polish delegation made a statement, set out in the Annex."
                               " Annex: Poland supports the text.")
        await pilot.press("ctrl+r", "e")
        form = pilot.app.screen
        assert isinstance(form, FormModal) and form.values() == {"speakers": "PL", "text": "Poland supports the text."}


async def test_a_read_only_window_takes_over_when_the_other_one_closes(cosi_db, tui_clock):
    """It stayed read-only, its banner naming a process that had quit."""
    path, meeting_id = cosi_db
    other = Store(path)
    assert other.conn.execute("INSERT INTO locks (meeting_id, pid, host, since) VALUES (?, ?, ?, ?)",
                              [meeting_id, os.getppid(), socket.gethostname(), tui_clock.now().isoformat()])
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        screen.every_second()
        assert screen.read_only and screen.entry.disabled  # still held
        other.save_draft(meeting_id, "NL: half a line", tui_clock.now())  # the other window quits
        other.conn.execute("DELETE FROM locks")
        screen.every_second()
        await pilot.pause()
        assert not screen.read_only and not screen.entry.disabled and screen.entry.value == "NL: half a line"
        assert screen.query_one("#banner").has_class("hidden") and "takes the minutes now" in status(screen)
        await pilot.press("enter")
        assert other.lock_holder(meeting_id)[0] == os.getpid()
    other.close()
    assert [e.text for e in stored(cosi_db).entries] == []  # refused: no item is open yet
    assert Store(path).lock_holder(meeting_id) is None  # released on quitting, as a window that held it from the start


async def test_a_meeting_held_by_another_window_opens_read_only(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    store = Store(path)
    with store.conn:  # another live process on this host holds the meeting
        store.conn.execute(
            "INSERT INTO locks (meeting_id, pid, host, since) VALUES (?, ?, ?, ?)",
            [meeting_id, os.getppid(), socket.gethostname(), datetime(2021, 11, 22, 9, 0).isoformat()],
        )
    holder = Session(store, meeting_id, tui_clock)
    holder.go_next()
    holder.apply_line("DE called for support")  # typed there, and not indexed yet
    store.close()
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        banner = str(screen.query_one("#banner", Static).visual)
        assert "open in another minutes window" in banner
        assert f"(process {os.getppid()} on {socket.gethostname()}, since 09:00)" in banner
        assert screen.entry.disabled
        await pilot.press("f6")
        assert "read-only" in status(screen)
        assert not screen.query_one(AgendaTree).has_focus
        await pilot.press("f3")  # a form whose answers could not be saved is refused before the typing
        assert pilot.app.screen is screen and "read-only" in status(screen)
        await pilot.press("ctrl+s")  # exporting changes nothing
        assert isinstance(pilot.app.screen, FormModal)
        await pilot.press("escape")
        record = screen.query_one(RecordList)
        assert [e.text for e in record.entries] == ["called for support"]
        holder = Session(Store(path), meeting_id, tui_clock)  # the other window goes on
        holder.apply_line("FR supported the text")
        screen.every_second()
        assert [e.text for e in record.entries] == ["called for support", "supported the text"]  # followed
    after = Store(path)
    assert after.load_meeting(meeting_id).started_at == tui_clock.now()  # the holder's start, nothing of ours
    assert after.conn.execute("SELECT count(*) FROM entries_fts_docsize").fetchone()[0] == 0  # not even the index


async def test_agenda_keys_add_withdraw_postpone_and_move_items(live_app, cosi_db):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 2")
        tree = screen.query_one(AgendaTree)
        await pilot.press("ctrl+t")
        assert tree.highlighted_item_id == screen.session.current_item_id
        await pilot.press("s")
        number = pilot.app.screen.query_one("#field-number")
        assert (number.value, number.placeholder) == ("", "2.1.")  # suggested (item 2 has no sub-items): typing replaces it
        await fill_form(pilot, title="Sub point")  # the number left empty: the suggested one
        assert screen.session.find_item("2.1").title == "Sub point"
        await pilot.press("ctrl+t", "a")
        await fill_form(pilot, number="2a", title="Urgent point")
        await pilot.press("ctrl+t", "down", "down")  # the new item comes right after item 2 and its 2.1
        assert tree.cursor_node.data == screen.session.find_item("2a").id
        await pilot.press("p")
        assert screen.session.find_item("2a").state is ItemState.POSTPONED
        await pilot.press("ctrl+down")  # crosses the heading: the first of the discussion items
        await pilot.press("ctrl+down")  # then moves after item 3; the cursor follows it
        await pilot.press("w")
    meeting = stored(cosi_db)
    assert [i.number for i in meeting.items if i.level == 0][:5] == ["1.", "2.", "3.", "2a", "4."]
    assert {i.number: (i.state, i.section) for i in meeting.items}["2a"] == (ItemState.WITHDRAWN, "Discussion items")


async def test_an_item_of_sub_items_is_marked_done_with_its_last_sub_item(live_app):
    """Item 6 holds 6.1 and 6.2 and is never opened itself: its marker follows theirs, undo included."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 6.1")
        tree = screen.query_one(AgendaTree)

        def marker() -> str:
            return str(tree._item_nodes[screen.session.find_item("6").id].label)[0]

        await pilot.press("ctrl+n")
        assert marker() == "○"  # 6.2 is open
        await pilot.press("ctrl+n")
        assert screen.session.current_item.number == "7.1." and marker() == "✓"
        await pilot.press("ctrl+z")
        assert screen.session.current_item.number == "6.2." and marker() == "○"


async def test_the_next_key_points_out_an_item_left_without_an_outcome(live_app):
    """As /next does: ctrl+n (or F6) says where it went and that the item left has no outcome."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 1")
        await pilot.press("ctrl+n")
        assert status(screen) == ("no outcome on item 1. (/undo goes back) · now on item 2."
                                  " Information by the Presidency")


async def test_an_item_to_check_with_the_chair_is_flagged_on_screen(live_app):
    """/check: the agenda line carries a "?" and the item header says what to ask, until /check off."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 1")
        node = screen.query_one(AgendaTree)._item_nodes[screen.session.current_item.id]
        await enter(pilot, "/check adopted with or without the AOB point?")
        assert str(node.label).startswith("▶ ? 1. Adoption of the agenda")  # before the title: a long one is cut
        assert "to check with the Chair: adopted with or without the AOB point?" in " ".join(str(screen.query_one(ItemHeader).text).split())
        await pilot.press("ctrl+n")
        assert status(screen) == "now on item 2. Information by the Presidency"  # the flag closes the item
        await enter(pilot, "/go 1")
        await enter(pilot, "/check off")
        assert "?" not in str(node.label) and "to check" not in str(screen.query_one(ItemHeader).text)


async def test_hints_name_a_boards_own_speakers(tmp_path, tui_clock):
    """"DE called for ..." in a board meeting: the examples are the meeting's own speakers."""
    store = Store(tmp_path / "minutes.db")
    meeting_id = store.create_meeting(load_agenda(COSI.parent / "company-board-2026-03-03.md"), tui_clock.now())
    store.close()
    async with make_app(tmp_path / "minutes.db", meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        assert pilot.app.screen.entry.placeholder.startswith("CHAIR called for ...")
        await pilot.press("f7")
        assert pilot.app.screen.query_one("#field-speakers").placeholder == "CHAIR CEO"


async def test_the_item_header_and_record_name_a_sub_item_with_its_parents(tmp_path, tui_clock):
    """Letters repeat under other items: "b)" alone does not say which one is open."""
    store = Store(tmp_path / "minutes.db")
    meeting_id = store.create_meeting(load_agenda(COSI.parent / "terrorism-working-party-2024-03-14.md"), tui_clock.now())
    store.close()
    app = make_app(tmp_path / "minutes.db", meeting_id, clock=tui_clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 8.A.b")
        assert str(screen.query_one(ItemHeader).text).startswith("8. A. b) Rehabilitation programmes")
        assert screen.query_one(RecordList).border_title == "Record of 8. A. b)"


async def test_help_lists_the_keys_as_the_keymap_sets_them(cosi_db, tui_clock):
    path, meeting_id = cosi_db
    app = make_app(path, meeting_id, clock=tui_clock, keymap={"next_item": "ctrl+j"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+j")
        assert app.screen.session.current_item.number == "1."
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        help_screen = app.screen
        rows = dict(help_screen.key_rows(help_screen.groups[0][1]))
        assert rows["^j"].startswith("Close this item and open the next one")
        assert rows["f5"].startswith("Go back to the previous item")
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen)


async def test_the_palette_offers_every_item(live_app):
    from minutes_tui.tui.commands import MinutesCommands

    async with live_app.run_test(size=SIZE) as pilot:
        provider = MinutesCommands(pilot.app.screen)
        hits = [hit async for hit in provider.search("go to item 6.2")]
        assert hits and "6.2" in str(hits[0].text)
        hits[0].command()
        await pilot.pause()
        assert pilot.app.screen.session.current_item.number == "6.2."
        names = [hit.display async for hit in provider.discover()]
        assert "Next" in [str(n) for n in names]


@pytest.mark.parametrize("after", ["enter", "escape"])
async def test_a_key_typed_on_at_once_after_choosing_in_the_palette_leaves_the_live_screen_be(live_app, after):
    """Enter on a command and Enter (or Escape) again before the palette had gone: Textual's palette
    dismissed itself twice, popping the live screen too (ScreenStackError), or ran the command twice."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("ctrl+p", *"go to item 6.2")
        for _ in range(20):  # the palette searches in the background
            await pilot.pause(0.05)
        type_at_once(pilot.app, ["down", "enter", after])
        for _ in range(6):
            await pilot.pause()
        await pilot.press(*"DE agreed", "enter")
        assert pilot.app.screen is screen and pilot.app.focused is screen.entry
        # Enter then Enter: the command ran, once. Enter then Escape: the Escape may overtake the
        # choice, still on its way (Textual's palette hands it on in two messages).
        assert screen.session.current_item.number in (("6.2.",) if after == "enter" else ("3.", "6.2."))
        assert [e.text for e in screen.session.meeting.entries] == ["agreed"]


async def test_meeting_details_are_saved_from_the_form(live_app, cosi_db):
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await fill_form(pilot, place="Brussels, Justus Lipsius", meeting_date="22/11/2021")
        assert "not a date" in str(pilot.app.screen.query_one("#form-error", Static).visual)
        await fill_form(pilot, meeting_date="2021-11-23", classification="LIMITE")
        assert isinstance(pilot.app.screen, LiveScreen)
    details = stored(cosi_db).details
    assert (details.place, details.classification, str(details.meeting_date)) == (
        "Brussels, Justus Lipsius", "LIMITE", "2021-11-23"
    )


async def test_typing_while_browsing_goes_to_the_entry_line(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert screen.entry.has_focus  # on open
        await pilot.press("ctrl+t", "D", "E")
        assert screen.entry.has_focus and screen.entry.value == "DE"


async def test_export_writes_the_minutes_and_overwrites_only_when_asked_again(live_app, tmp_path):
    target = tmp_path / "cosi"
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await enter(pilot, "/outcome adopted")
        await pilot.press("ctrl+s")
        await fill_form(pilot, file=str(target))
        assert "wrote" in status(screen)
        assert "adopted" in (tmp_path / "cosi.md").read_text()
        await enter(pilot, "/outcome adopted without changes")
        await pilot.press("ctrl+s")
        await fill_form(pilot, file=str(target))
        assert "exists already: Enter again replaces it" in str(pilot.app.screen.query_one("#form-error", Static).visual)
        assert "without changes" not in (tmp_path / "cosi.md").read_text()
        await pilot.press("enter")  # polished since: the same file, on purpose
        assert "wrote" in status(screen) and "without changes" in (tmp_path / "cosi.md").read_text()
        await pilot.press("ctrl+s")
        await fill_form(pilot, file=str(tmp_path / "cosi.docx"))  # Markdown in a .docx: not what was meant
        assert "cosi.docx names another format than md" in str(pilot.app.screen.query_one("#form-error", Static).visual)
        assert not (tmp_path / "cosi.docx").exists()
        for empty in ("", "  ", "."):  # the field cleared: it was a traceback
            await fill_form(pilot, file=empty)
            assert "name the file to write" in str(pilot.app.screen.query_one("#form-error", Static).visual)


async def test_a_long_form_keeps_its_error_and_buttons_on_a_small_screen(live_app):
    """At 80×24 the meeting's details ran past the screen's foot: the error and OK out of view."""
    async with live_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await fill_form(pilot, meeting_date="next week")
        form = pilot.app.screen
        error, ok = form.query_one("#form-error"), form.query_one("#form-ok")
        assert "not a date" in str(error.visual)
        assert error.region.bottom <= 24 and ok.region.height == 1 and ok.region.bottom <= 24
        assert form.query_one("#form-body").region.bottom <= error.region.y


async def test_enter_in_a_choice_list_is_ok_and_the_arrows_open_it(live_app, cosi_db):
    """Enter in the outcome form's choice list is OK, as the button says."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        await pilot.press("f4", "enter")
        assert screen.session.outcome_of(screen.session.current_item_id).outcome == "adopted"  # suggested on the agenda
        await pilot.press("f4", "shift+tab", "down", "down", "enter")  # the list opens, the next choice is taken
        assert isinstance(pilot.app.screen, FormModal)
        await pilot.press("enter")
        assert screen.session.outcome_of(screen.session.current_item_id).outcome != "adopted"


async def test_export_form_shows_what_is_unfinished_and_a_preview(live_app):
    async with live_app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "/next")
        await enter(pilot, "/outcome adopted")
        await enter(pilot, "/next")
        await pilot.press("ctrl+s")
        hint = str(pilot.app.screen.query_one("#form-hint", Static).visual)
        assert "Check: item 2. Information by the Presidency: reached but no outcome recorded" in hint
        assert "Preview (as plain text):" in hint and "OUTCOME OF PROCEEDINGS" in hint


async def test_f10_opens_the_archive_and_returning_shows_what_it_changed(live_app, cosi_db, tui_clock):
    from minutes_tui.tui.screens.review import ReviewScreen

    path, meeting_id = cosi_db
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/next")
        entry = (await enter(pilot, "DE called for support")).session.meeting.entries[-1]
        await pilot.press("f10")
        assert isinstance(pilot.app.screen, ReviewScreen)
        # What polishing in the archive does: another Session edits the same meeting.
        Session(Store(path), meeting_id, tui_clock).edit_entry(entry.id, text="called for support for the candidate")
        await pilot.press("escape")
        assert pilot.app.screen is screen
        assert screen.session.meeting.entries[-1].text == "called for support for the candidate"
        record = screen.query_one(RecordList)
        assert "called for support for the candidate" in str(record.prompts[-1])


async def test_polishing_from_f10_does_not_end_the_meeting_being_taken(live_app, cosi_db):
    """The archive asks to end a meeting never ended before polishing it; not this window's own live one."""
    from textual.widgets import OptionList

    from minutes_tui.tui.screens.review import MeetingScreen

    async with live_app.run_test(size=SIZE) as pilot:
        await enter(pilot, "/next")
        await enter(pilot, "DE called for support")
        await pilot.press("f10", "enter")
        meeting = pilot.app.screen
        assert isinstance(meeting, MeetingScreen)
        meeting.query_one("#entries", OptionList).focus()
        await pilot.press("e")
        assert meeting.editing is not None  # the editor, not "End it now?"
        meeting.query_one("#editor", Input).value = "called for support for the candidate"
        await pilot.press("enter", "escape", "escape")
        assert isinstance(pilot.app.screen, LiveScreen)
        assert "called for support for the candidate" in str(pilot.app.screen.query_one(RecordList).prompts[-1])
    assert stored(cosi_db).ended_at is None


async def test_opening_defers_the_entries_and_the_collector_until_the_first_frame(live_app, monkeypatch):
    """`minutes open` pauses the garbage collector and reads one item's entries for the first
    screen; right after it, the app reads them all and collects again (everything built so far
    frozen out of the collector's sight), less often than Python's default (see app.py)."""
    assert not live_app.session.meeting.entries_loaded
    on_screen = []  # whether all the entries had been read once the first screen was drawn
    original_on_mount = LiveScreen.on_mount

    def on_mount(screen: LiveScreen) -> None:
        original_on_mount(screen)
        on_screen.append(screen.session.meeting.entries_loaded)

    monkeypatch.setattr(LiveScreen, "on_mount", on_mount)
    live_app.session.go_next()  # so the first screen reads an item's entries and the totals
    live_app.session.apply_line("DE called for support")
    live_app.session.meeting.defer_entries(functools.partial(live_app.store.load_entries, live_app.session.meeting_id))
    thresholds = gc.get_threshold()
    gc.disable()
    try:
        async with live_app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert on_screen == [False] and live_app.session.meeting.entries_loaded
            assert gc.isenabled() and gc.get_freeze_count() > 0
            assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, *thresholds[1:])
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*thresholds)


@pytest.mark.parametrize("failing", ["the current item", "the other items"])
async def test_a_meeting_whose_entries_cannot_be_read_ends_with_one_line(live_app, failing):
    """The entries are read as the screen opens (the current item's) and just after (the rest):
    a damaged page found then ends the app with the store's one-line error, for the CLI to print."""
    def load_entries(item_id=None):
        if (item_id is None) == (failing == "the other items"):
            raise StoreError("minutes.db: the database is damaged (database disk image is malformed)")
        return []

    live_app.session.go_next()  # so the first screen reads an item's entries
    live_app.session.meeting.load_entries()
    live_app.session.meeting.defer_entries(load_entries)
    async with live_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert live_app.return_code == 1 and "damaged" in live_app.failure


def type_at_once(app, keys: list[str]) -> None:
    """Keys as a fast typist's burst reaches the app: all queued before the first is acted on."""
    from textual import events

    for key in keys:
        character = {"enter": "\r", "tab": "\t", "space": " "}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def test_typing_on_at_once_after_enter_in_a_form_goes_to_the_entry_line(live_app, cosi_db):
    """A typist going on at once after Enter in the outcome form had the next line's first letters
    land in the wording: "The Committee endorsed the planDE." and "called for more"."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 4")
        await pilot.press("f4")
        assert pilot.app.focused.id == "field-text"  # the wording: what is typed (its words set the code)
        type_at_once(pilot.app, [*"endorsed the plan", "enter", *"DE called for more"])
        await pilot.pause()
        assert pilot.app.screen is screen and screen.entry.value == "DE called for more"
    [outcome] = [e for e in stored(cosi_db).entries if e.kind is EntryKind.OUTCOME]
    assert (outcome.outcome, outcome.text) == ("endorsed", "endorsed the plan")


@pytest.mark.parametrize("burst", [False, True])
async def test_an_outcome_chosen_from_the_list_is_the_one_stored(live_app, cosi_db, burst):
    """F4, back to the list, Down (it opens on "took note"), Up, Enter, Enter: "agreed". In one
    burst the arrows went to the list before it had the keys, and another code was stored."""
    keys = ["f4", "shift+tab", "down", "up", "enter", "enter"]
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 4")
        if burst:
            type_at_once(pilot.app, keys)
            for _ in range(8):
                await pilot.pause()
        else:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
        assert pilot.app.screen is screen
    [outcome] = [e for e in stored(cosi_db).entries if e.kind is EntryKind.OUTCOME]
    assert outcome.outcome == "agreed"


async def test_typing_on_at_once_after_a_key_that_opens_a_form_goes_to_the_form(live_app, cosi_db):
    """F4, F7 and the typing after them in one burst: the keys reached the entry line before the
    form was there, Enter recorded them as a note, and the form opened empty."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 4")
        type_at_once(pilot.app, ["f4", *"took note of the report", "enter", *"DE called for more", "enter",
                                 "f7", *"NL", "enter", *"FR supported it", "enter"])
        for _ in range(6):
            await pilot.pause()
        assert pilot.app.screen is screen and screen.entry.value == "" and screen.session.queue == [("NL",)]
    meeting = stored(cosi_db)
    assert [(e.kind, e.speakers, e.text) for e in meeting.entries] == [
        (EntryKind.OUTCOME, [], "took note of the report"), (EntryKind.INTERVENTION, ["DE"], "called for more"),
        (EntryKind.INTERVENTION, ["FR"], "supported it")]


async def test_typing_on_at_once_after_escape_from_the_record_goes_to_the_entry_line(live_app, cosi_db):
    """Escape from the record and a line typed on at once: the letters reached the record before
    the focus had moved, and its `e` and `d` edited or deleted the highlighted entry."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await enter(pilot, "DE supported the text")
        await pilot.press("ctrl+r")
        type_at_once(pilot.app, ["escape", *"FR defended it", "enter"])
        await pilot.pause()
        assert pilot.app.screen is screen and pilot.app.focused is screen.entry and screen.entry.value == ""
    assert [(e.speakers, e.text) for e in stored(cosi_db).entries] == [
        (["DE"], "supported the text"), (["FR"], "defended it")]


async def test_typing_on_at_once_after_an_edit_from_the_record_goes_where_the_keys_lead(live_app, cosi_db):
    """`e`, the new words, Enter, Escape and the next line in one burst: each key acts where the
    keys before it have put the focus (the edit form, then the record, then the entry line)."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await enter(pilot, "DE supported the text")
        await pilot.press("ctrl+r")
        type_at_once(pilot.app, ["e", "end", *" in full", "enter", "escape", *"IT added details", "enter"])
        for _ in range(6):
            await pilot.pause()
        assert pilot.app.screen is screen and pilot.app.focused is screen.entry and screen.entry.value == ""
    assert [(e.speakers, e.text) for e in stored(cosi_db).entries] == [
        (["DE"], "supported the text in full"), (["IT"], "added details")]


async def test_typing_on_at_once_after_escape_from_the_agenda_never_acts_on_an_item(live_app, cosi_db):
    """The agenda's `w` and `p` withdraw and postpone: a burst after Escape must not reach them."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("ctrl+t")
        type_at_once(pilot.app, ["escape", *"we prefer a pause", "enter"])
        await pilot.pause()
        assert pilot.app.focused is screen.entry and screen.entry.value == ""
    meeting = stored(cosi_db)
    assert {item.state for item in meeting.items} <= {ItemState.PENDING, ItemState.CURRENT}
    assert [e.text for e in meeting.entries] == ["we prefer a pause"]


async def test_a_line_typed_while_browsing_goes_whole_to_the_entry_line(live_app, cosi_db):
    """The first letter moves the focus to the entry line; the letters after it followed it only
    once the screen had seen that one (dropped meanwhile, or acting as the record's `d` and `e`)."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await enter(pilot, "DE supported the text")
        await pilot.press("ctrl+r", "up")
        type_at_once(pilot.app, [*"CEO added the fleet", "enter"])
        await pilot.pause()
        await pilot.press("ctrl+t", "down")
        type_at_once(pilot.app, [*"Chair said we wait", "enter"])
        await pilot.pause()
    assert [e.text for e in stored(cosi_db).entries] == ["supported the text", "CEO added the fleet", "Chair said we wait"]


async def test_a_line_typed_on_a_section_heading_goes_whole_to_the_entry_line(live_app, cosi_db):
    """On a heading the item keys have no item: the `a` of "agreed" was swallowed."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("ctrl+t", "up")
        tree = screen.query_one(AgendaTree)
        assert tree.cursor_node.data is None  # "Discussion items"
        type_at_once(pilot.app, [*"agreed to wait", "enter"])
        await pilot.pause()
        assert pilot.app.focused is screen.entry and screen.entry.value == ""
    assert [e.text for e in stored(cosi_db).entries] == ["agreed to wait"]


async def test_a_paste_while_browsing_goes_to_the_entry_line(live_app, cosi_db):
    """A paste in the record or the agenda was dropped without a word."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        for browse in ("ctrl+r", "ctrl+t"):
            await pilot.press(browse)
            pilot.app.post_message(events.Paste(f"DE pasted in {browse}.\nFR agreed"))
            await pilot.pause()
            assert pilot.app.focused is screen.entry and screen.entry.value == "FR agreed"
            await pilot.press("ctrl+u")
    assert [e.text for e in stored(cosi_db).entries] == ["pasted in ctrl+r.", "pasted in ctrl+t."]


@pytest.mark.parametrize("opened_first", [False, True])
async def test_a_line_typed_on_at_once_after_closing_the_help_goes_to_the_entry_line(live_app, cosi_db, opened_first):
    """"F1 q NL agreed" in one burst (or "q NL agreed" with the help open): the keys after `q` went
    to the help, and were lost with it."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        keys = ["q", *"NL agreed", "enter"]
        if opened_first:
            await pilot.press("f1")
            assert isinstance(pilot.app.screen, HelpScreen)
        type_at_once(pilot.app, keys if opened_first else ["f1", *keys])
        for _ in range(4):
            await pilot.pause()
        assert pilot.app.screen is screen and pilot.app.focused is screen.entry and screen.entry.value == ""
    assert [(e.speakers, e.text) for e in stored(cosi_db).entries] == [(["NL"], "agreed")]


async def test_opening_an_item_from_the_agenda_gives_the_entry_line_the_keys(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await pilot.press("ctrl+t", "down", "enter")
        assert screen.session.current_item.number == "4." and pilot.app.focused is screen.entry


async def test_editing_an_entry_gone_meanwhile_says_so(live_app):
    """An entry deleted in another window: `e` or `m` on it says so (it was a traceback)."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        for what in ("edit", "to_item"):
            screen.entry_request(what, 999)
            await pilot.pause()
            assert pilot.app.screen is screen and status(screen) == "there is no entry 999"


async def test_a_line_typed_on_at_once_after_an_edit_from_the_record_goes_to_the_entry_line(live_app, cosi_db):
    """After OK the record had the keys again: the `d` of "delegations agreed" deleted an entry and
    its `e` opened another for editing."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await enter(pilot, "DE supported the text")
        await pilot.press("ctrl+r")
        type_at_once(pilot.app, ["e", "end", *" fully", "enter", *"delegations agreed", "enter"])
        for _ in range(6):
            await pilot.pause()
        assert pilot.app.screen is screen and pilot.app.focused is screen.entry
    assert [(e.kind, e.text) for e in stored(cosi_db).entries] == [
        (EntryKind.INTERVENTION, "supported the text fully"), (EntryKind.NOTE, "delegations agreed")]


async def test_keys_typed_on_after_ok_and_editing_keys_keep_their_order(live_app, cosi_db):
    """Enter on the OK button, and Left, Home, Backspace in a line, acted after the keys typed next
    ("DE agreed" lost; "DE agred" Left Left "e" stored "DE agrede")."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        type_at_once(pilot.app, ["f4", *"endorsed the text", "tab", "enter", *"DE agred", "left", "left", "e", "enter",
                                 *"E agreedd", "backspace", "home", "D", "enter"])
        for _ in range(6):
            await pilot.pause()
        assert pilot.app.screen is screen and screen.entry.value == ""
    assert [(e.kind, e.speakers, e.text) for e in stored(cosi_db).entries] == [
        (EntryKind.OUTCOME, [], "endorsed the text"), (EntryKind.INTERVENTION, ["DE"], "agreed"),
        (EntryKind.INTERVENTION, ["DE"], "agreed")]


async def test_keys_typed_before_a_form_has_the_keyboard_keep_their_order(live_app):
    """The terminal's Escape, sent straight to a form not yet focused, overtook the wording and the
    Enter still on their way to its field, and closed it unanswered."""
    answers = []
    async with live_app.run_test(size=SIZE) as pilot:
        form = FormModal("Wording", [Field("text", "Text")], lambda values: answers.append(values["text"]))
        pilot.app.push_screen(form)  # its field has the keyboard once it is mounted, a moment later
        for key, character in (("x", "x"), ("enter", "\r")):
            form.take_key(events.Key(key, character))
        form.post_message(events.Key("escape", None))
        for _ in range(3):
            await pilot.pause()
    assert answers == ["x"]


async def test_typing_on_at_once_after_tab_in_a_form_goes_to_the_next_field(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        form = pilot.app.screen
        type_at_once(pilot.app, ["X", "tab", "Y", "tab", "shift+tab", "Z"])
        await pilot.pause()
        values = form.values()
        assert values["committee"].endswith("X") and values["short_name"] == "COSIYZ"


async def test_a_paste_of_several_speakers_records_each_and_leaves_the_last_to_check(live_app, cosi_db):
    """Notes pasted from a chat: one intervention each (they used to run together into the first
    speaker's), as Enter after each would; the last line stays in the entry line."""
    from textual import events

    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        screen.entry.post_message(events.Paste("DE: supported the text.\nFR: expressed concerns about\nthe timeline.\nNL: agreed."))
        await pilot.pause()
        assert screen.entry.value == "NL: agreed."
        assert screen.entry.history[-2:] == ["DE: supported the text.", "FR: expressed concerns about the timeline."]
    assert [(e.speakers, e.text) for e in stored(cosi_db).entries if e.kind is EntryKind.INTERVENTION] == [
        (["DE"], "supported the text."), (["FR"], "expressed concerns about the timeline.")]


async def test_a_pasted_statement_is_kept_whole_in_the_entry_line_and_in_forms(live_app, cosi_db):
    """Textual's Input keeps a paste's first line only: a written statement would lose the rest.
    A word hyphenated at a line's end stays one word."""
    from textual import events

    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        screen.entry.post_message(events.Paste("DE: stated that\nthe German delegation could not support the long-\nterm text.\r\nIt asked for a footnote."))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press("f4")
        form = pilot.app.screen
        assert isinstance(form, FormModal)
        wording = form.query_one("#field-text")
        wording.focus()
        wording.value = "endorsed"
        wording.post_message(events.Paste("\nthe action plan\r\n  as set out in 13682/21\n"))
        await pilot.pause()
        assert wording.value == "endorsed the action plan as set out in 13682/21 "  # words never run together
    [entry] = [e for e in stored(cosi_db).entries if e.kind is EntryKind.INTERVENTION]
    assert entry.text == "stated that the German delegation could not support the long-term text. It asked for a footnote."


async def outcome_typed_at_once(pilot, keys: list[str]):
    """F4 and `keys` in one burst; the outcome stored for the current item."""
    screen = pilot.app.screen
    type_at_once(pilot.app, ["f4", *keys])
    for _ in range(6):
        await pilot.pause()
    assert pilot.app.screen is screen
    return screen.session.outcome_of(screen.session.current_item_id)


async def test_f4_on_an_outcome_offers_its_wording_to_replace_and_enter_alone_keeps_it(live_app):
    """The old wording was there with the cursor after it: "... by the Presidencyendorsed"."""
    async with live_app.run_test(size=SIZE) as pilot:
        await enter(pilot, "/go 6.2")
        await enter(pilot, "/outcome took note of the information provided by the Presidency")
        kept = await outcome_typed_at_once(pilot, ["enter"])
        assert (kept.outcome, kept.text) == ("took_note", "took note of the information provided by the Presidency")
        replaced = await outcome_typed_at_once(pilot, [*"endorsed the procedure", "enter"])
        assert (replaced.outcome, replaced.text) == ("endorsed", "endorsed the procedure")


async def test_a_form_brought_back_after_a_crash_keeps_its_typing_to_go_on_with(cosi_db, tui_clock):
    """What was typed before the crash is the user's own: not selected, so typing goes on from it."""
    path, meeting_id = cosi_db
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 6.2")
        await enter(pilot, "/outcome took note of the procedure")  # a wording F4 offers to replace
        await pilot.press("f4")
        pilot.app.screen.query_one("#field-text").value = "endorsed the proc"
        screen.tick()  # the draft; then the app dies
    async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        wording = pilot.app.screen.query_one("#field-text")
        assert wording.value == "endorsed the proc" and wording.selection.is_empty
        type_at_once(pilot.app, [*"edure", "enter"])
        for _ in range(4):
            await pilot.pause()
    [outcome] = [e for e in stored(cosi_db).entries if e.kind is EntryKind.OUTCOME]
    assert (outcome.outcome, outcome.text) == ("endorsed", "endorsed the procedure")


async def test_an_outcome_word_alone_in_the_form_is_the_standard_sentence_as_with_the_command(live_app):
    """F4 'adopted' stored "The Committee adopted." where /outcome adopted gives the standard sentence."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 1")
        by_form = await outcome_typed_at_once(pilot, [*"adopted", "enter"])
        await enter(pilot, "/go 6.2")
        await enter(pilot, "/outcome endorsed")
        by_command = screen.session.outcome_of(screen.session.current_item_id)
        await enter(pilot, "/go 6.1")
        by_form_too = await outcome_typed_at_once(pilot, [*"endorsed.", "enter"])
        assert [(e.outcome, e.text) for e in (by_form, by_command, by_form_too)] == [
            ("adopted", ""), ("endorsed", ""), ("endorsed", "")]


async def test_the_outcome_form_suggests_adopted_on_the_adoption_of_the_agenda(live_app):
    async with live_app.run_test(size=SIZE) as pilot:
        await enter(pilot, "/next")
        outcome = await outcome_typed_at_once(pilot, ["enter"])
        assert (outcome.outcome, outcome.text) == ("adopted", "")


async def test_a_turn_on_another_item_than_the_current_one_says_where_it_goes(live_app, cosi_db):
    """The turn belongs to the item where it began: the Speakers panel and the status say which."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 3")
        await enter(pilot, "/queue DE FR")
        await pilot.press("f8")
        panel = screen.query_one("#queue", Panel)
        assert str(panel.text).startswith("Floor: DE 0:00\n")  # on the item on screen: nothing more
        await pilot.press("f6")
        assert str(panel.text).startswith("Floor: DE (on 3.) 0:00\n")
        await enter(pilot, "supported the focus group")
        assert status(screen) == "DE: turn recorded under 3."
        await pilot.press("f8")  # FR, on item 4
        await pilot.press("f5")
        screen.entry.value = "agreed"
        await pilot.press("f9")
        assert status(screen) == "FR: turn recorded under 4."
    meeting = stored(cosi_db)
    items = {i.id: i.number for i in meeting.items}
    assert [(items[e.item_id], e.speakers, e.text) for e in meeting.entries] == [
        ("3.", ["DE"], "supported the focus group"), ("4.", ["FR"], "agreed")]


async def test_editing_an_outcomes_wording_from_the_record_sets_its_code(live_app, cosi_db):
    async with live_app.run_test(size=SIZE) as pilot:
        await enter(pilot, "/go 7.3")
        await enter(pilot, "/outcome took note")
        await pilot.press("ctrl+r", "e")
        await fill_form(pilot, text="confirmed the composition of the Steering Group as set out in doc 13684/21")
    [outcome] = stored(cosi_db).entries
    assert (outcome.outcome, outcome.text) == (
        "confirmed", "confirmed the composition of the Steering Group as set out in doc 13684/21")


async def test_a_meeting_reopened_after_changes_says_they_are_saved(cosi_db, tui_clock):
    """It said "no changes yet", as if the changes of the first window had been lost."""
    path, meeting_id = cosi_db
    for change, said in ((None, "no changes yet"), ("/next", "all saved")):
        if change:
            Session(Store(path), meeting_id, tui_clock).apply_line(change)
        async with make_app(path, meeting_id, clock=tui_clock).run_test(size=SIZE) as pilot:
            assert str(pilot.app.screen.query_one("#header", Panel).text).endswith(said)


async def test_a_title_typed_at_once_after_a_on_the_agenda_is_the_new_items_title(live_app, cosi_db):
    """The form opened on the number: the title typed went there ("the item needs a title")."""
    async with live_app.run_test(size=SIZE) as pilot:
        screen = await enter(pilot, "/go 12")
        await pilot.press("ctrl+t")
        type_at_once(pilot.app, ["a", *"AOB: cyber incident", "enter"])
        for _ in range(6):
            await pilot.pause()
        assert pilot.app.screen is screen
    added = [(i.number, i.title) for i in stored(cosi_db).items if "cyber" in i.title]
    assert added == [("13.", "AOB: cyber incident")]


async def test_the_outcome_form_shows_the_standard_sentence_an_empty_wording_gives(live_app):
    """Its placeholder was a Council example in every style ("endorsed the recommendations ...")."""
    async with live_app.run_test(size=SIZE) as pilot:
        await enter(pilot, "/go 1")
        await pilot.press("f4")
        assert pilot.app.screen.query_one("#field-text", Input).placeholder == "The agenda as set out in CM 5119/21 was adopted."
