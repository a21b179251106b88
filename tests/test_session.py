"""The session: every operation the live screen needs, against a real temporary database."""

import copy
import itertools
import random

import pytest

from minutes_tui.core.entry import EntryLineError
from minutes_tui.core.model import AgendaItem, Entry, EntryKind, ItemState, Meeting, MeetingDetails, ParsedAgenda
from minutes_tui.core.phrasing import load_style
from minutes_tui.core.session import Session, SessionError
from minutes_tui.core.speakers import default_register
from minutes_tui.core.store import Store, StoreError
from minutes_tui.export.document import build_document


@pytest.fixture
def session(store, meeting_id, clock):
    return Session(store, meeting_id, clock)


def reopened(session):
    """The meeting as a fresh process would read it back."""
    return Store(session.store.path).load_meeting(session.meeting_id)


def test_next_skips_containers_and_stamps_times(session, clock):
    assert session.go_next().number == "1."
    clock.advance(minutes=3)
    assert session.go_next().number == "2.1."  # "2." only holds sub-items
    clock.advance(minutes=7)
    assert session.go_next().number == "2.2."
    items = {i.number: i for i in reopened(session).items}
    assert items["1."].state is ItemState.DONE
    assert (items["1."].ended_at - items["1."].started_at).seconds == 180
    assert items["2.1."].started_at.minute == 3 and items["2.1."].ended_at.minute == 10
    assert items["2.2."].state is ItemState.CURRENT
    assert reopened(session).started_at.hour == 10


def test_next_stops_at_a_parent_with_something_of_its_own(store, clock):
    """"2. Proposal ... – Exchange of views (9382/24)" with a) b): the introduction to the whole file
    went under a); a parent that only holds its sub-items is stepped over still."""
    from minutes_tui.core.agenda import parse_text

    agenda = parse_text("1. Adoption of the agenda\n2. Proposal on screening – Exchange of views\n   9382/24\n"
                        "   a) Article 7\n   b) Article 8\n3. Digital\n   a) AI Act\n", "t.txt")
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    stops = [session.meeting.full_number(session.go_next()) for _ in range(5)]
    assert stops == ["1.", "2.", "2. a)", "2. b)", "3. a)"]


def test_an_item_of_sub_items_shows_done_once_they_all_are(session):
    """/next never opens "2.", which only holds 2.1 and 2.2: the agenda shows it done once they are."""
    meeting = session.meeting
    counter_terrorism = session.find_item("2")

    def shown() -> ItemState:
        return meeting.states_shown([counter_terrorism])[counter_terrorism.id]

    session.go_to("2.1")
    assert shown() is ItemState.PENDING and meeting.ancestors(session.current_item) == [counter_terrorism]
    session.go_next()  # 2.1 done, 2.2 current
    assert shown() is ItemState.PENDING
    session.set_item_state(session.find_item("2.2").id, ItemState.POSTPONED)
    assert shown() is ItemState.DONE  # dealt with: one done, one postponed
    session.set_item_state(session.find_item("2.1").id, ItemState.WITHDRAWN)
    assert shown() is ItemState.PENDING  # none of them done: nothing to show as done
    assert meeting.states_shown()[session.find_item("1").id] is ItemState.PENDING  # no sub-items: its own
    session.go_to("2")  # opened itself: its own state from then on
    assert shown() is ItemState.CURRENT


def test_going_back_keeps_the_first_start(session, clock):
    session.go_next()
    clock.advance(minutes=2)
    session.go_next()
    clock.advance(minutes=2)
    session.go_prev()
    first = reopened(session).items[0]
    assert first.state is ItemState.CURRENT and first.started_at.minute == 0 and first.ended_at is None


def test_go_to_a_label_that_repeats_by_its_parents(store, clock):
    """a) comes twice (under 2. and under 8.A.): its number alone finds the first, the path either."""
    numbers = ["2.", "a)", "b)", "8.", "A.", "a)", "B.", "8.1."]
    parents = [None, 0, 0, None, 3, 4, 3, 3]
    items = [AgendaItem(None, number, f"Item {n}", position=n) for n, number in enumerate(numbers)]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, parents), clock.now()), clock)

    def found(number: str) -> int:
        return session.meeting.items.index(session.find_item(number))

    with pytest.raises(SessionError, match=r"^a\) could be any of 2. a\), 8. A. a\): say which$"):
        session.find_item("a)")  # no item open: none is nearer
    assert found("2.a") == 1
    assert found("8.A.a") == found("8 A a)") == found("(8)(A)(a)") == 5
    assert found("8.B") == 6 and found("8.1") == 7  # 8.1. under 8. repeats its parent: not 8.8.1
    with pytest.raises(SessionError, match="no item 8.A.c"):
        session.find_item("8.A.c")
    session.go_to("8.a.a")
    assert session.current_item.title == "Item 5"
    full = [session.meeting.full_number(item) for item in session.meeting.items]
    assert full == ["2.", "2. a)", "2. b)", "8.", "8. A.", "8. A. a)", "8. B.", "8.1."]
    assert found("A.a") == 5  # the end of one path only
    assert found("b") == 2 and found("B") == 6  # a label as written, its case too, comes first
    assert found("a)") == 5  # the open item itself
    session.go_to("2.b")
    assert found("a)") == 1  # the open item's sibling


def test_go_to_the_end_of_a_path_that_repeats_says_which_ones(store, clock):
    numbers, parents = ["1.", "A.", "a)", "2.", "A.", "a)"], [None, 0, 1, None, 3, 4]
    items = [AgendaItem(None, number, f"Item {n}", position=n) for n, number in enumerate(numbers)]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, parents), clock.now()), clock)
    with pytest.raises(SessionError, match=r"^A.a could be any of 1. A. a\), 2. A. a\): say which$"):
        session.find_item("A.a")
    assert session.find_item("2.A.a").title == "Item 5"


def test_an_item_without_a_number_is_named_by_its_title(store, clock):
    """AOB points are dash lines, or have no number when added live: they do not take their parent's."""
    items = [AgendaItem(None, "12.", "AOB", position=0), AgendaItem(None, "–", "Cyber attack", position=1),
             AgendaItem(None, "", "Drones", position=2)]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, [None, 0, 0]), clock.now()), clock)
    aob, cyber, drones = session.meeting.items
    assert [session.meeting.full_label(i) for i in (aob, cyber, drones)] == ["12. AOB", "Cyber attack", "Drones"]
    assert session.find_item("12") is aob
    session.go_to_item(cyber.id)
    assert session.move(session.go_next) == "no outcome on item “Cyber attack” (/undo goes back) · now on item Drones"


def test_a_loop_of_parents_in_an_edited_file_ends(store, clock, meeting_id):
    session = Session(store, meeting_id, clock)
    first, second = session.meeting.items[:2]
    first.parent_id, second.parent_id = second.id, first.id  # as an edited database could have them
    assert session.meeting.ancestors(first) == [second]
    assert session.meeting.full_number(first) == "2. 1."
    assert session.meeting.states_shown([first, second]) == {first.id: ItemState.PENDING, second.id: ItemState.PENDING}


def test_edges_of_the_agenda_are_clear_errors(session):
    with pytest.raises(SessionError, match="first item"):
        session.go_prev()
    session.go_to("3")
    with pytest.raises(SessionError, match="last item"):
        session.go_next()
    with pytest.raises(SessionError, match="no item 9"):
        session.go_to("9")


def test_recording_needs_an_open_item(session):
    with pytest.raises(SessionError, match="no item is open"):
        session.apply_line("DE called for support")


def test_apply_line_records_interventions_notes_outcomes_and_actions(session, clock):
    session.apply_line("/go 2.1")
    session.apply_line("DE, FR and NL: expressed concern")
    session.apply_line("The threat was discussed.")
    session.apply_line("/outcome endorsed the recommendations as set out in 13682/21")
    session.apply_line("/action Delegations: send comments by 30 July 2014")
    session.apply_line("/private ask the Chair about the footnote")
    entries = reopened(session).entries
    assert [(e.kind, e.speakers) for e in entries] == [
        (EntryKind.INTERVENTION, ["DE", "FR", "NL"]),
        (EntryKind.NOTE, []),
        (EntryKind.OUTCOME, []),
        (EntryKind.ACTION, ["Delegations"]),
        (EntryKind.NOTE, []),
    ]
    assert entries[2].outcome == "endorsed"
    assert entries[3].deadline == "by 30 July 2014" and entries[3].text == "send comments"
    assert entries[4].private
    assert [e.position for e in entries] == [1, 2, 3, 4, 5]


def test_a_statement_for_the_minutes_keeps_who_made_it_and_its_text(session):
    session.apply_line("/go 2.1")
    result = session.apply_line("/statement DE, FR: Germany and France support   the compromise text.")
    assert "Annex" in result.message
    session.apply_line("/s The Chair of the TELECOM WP: The text is final.")  # the alias, a speaker as typed
    statements = reopened(session).entries
    assert [(e.kind, e.speakers, e.text) for e in statements] == [
        (EntryKind.STATEMENT, ["DE", "FR"], "Germany and France support   the compromise text."),  # as typed
        (EntryKind.STATEMENT, ["The Chair of the TELECOM WP"], "The text is final."),
    ]
    assert session.apply_line("/s XX: Text.").message.endswith("XX: no such speaker code, the minutes will say it as typed")
    for line in ("/statement DE", "/statement Germany supports it.", "/statement DE:  "):
        with pytest.raises(SessionError, match="who made it and its text"):
            session.apply_line(line)


def test_setting_the_outcome_again_replaces_it_and_says_what_it_was(session):
    session.apply_line("/next")
    assert session.apply_line("/outcome took note").message == "outcome set"
    assert session.apply_line("/outcome adopted").message == 'outcome replaced: it was "took note" (/undo brings it back)'
    session.apply_line("/outcome approved the acquisition subject to due diligence")
    message = session.apply_line("/outcome no discussion").message
    assert message == 'outcome replaced: it was "approved the acquisition subject to due diligence" (/undo brings it back)'
    outcomes = [e for e in reopened(session).entries if e.kind is EntryKind.OUTCOME]
    assert [(o.outcome, o.text) for o in outcomes] == [("no_discussion", "")]


def test_close_ends_the_meeting_and_the_archive_ends_one_at_its_last_activity(session, clock):
    session.apply_line("/go 2.1")
    clock.advance(minutes=5)
    session.apply_line("DE supported it")
    clock.advance(minutes=3)
    last = clock.now()
    session.apply_line("FR opposed it")
    assert session.last_activity() == last
    clock.advance(minutes=20 * 60)  # polished in the archive the next day
    session.end_meeting(session.last_activity())
    meeting = reopened(session)
    item = next(i for i in meeting.items if i.number == "2.1.")
    assert meeting.ended_at == last and item.ended_at == last and item.spent_seconds == 8 * 60
    session.apply_line("/go 2.2")
    clock.advance(minutes=2)
    assert session.apply_line("/close").message.startswith(f"meeting ended at {clock.now():%H:%M} · ctrl+s exports the minutes")
    assert reopened(session).ended_at == clock.now()
    closed = clock.now()
    clock.advance(minutes=1)
    message = session.apply_line("/next").message  # closed too early: the meeting goes on
    assert message.startswith(f"the meeting closed at {closed:%H:%M} goes on (/close ends it again) · ")
    assert reopened(session).ended_at is None


def test_go_finds_an_item_without_a_number_by_words_of_its_title(session):
    """An AOB point added without a number, or a dash line, could not be reached by /go."""
    session.apply_line("/go 1")
    for line in ("/add AOB on Schengen evaluation", "/add – Drones", "/add – Drones again"):  # dashes may repeat
        session.apply_line(line)
    assert session.go_to("schengen").title == "AOB on Schengen evaluation"
    assert session.go_to("Drones").title == "Drones"  # the whole title before a part of one
    assert session.go_to("threat").number == "2.1."
    with pytest.raises(SessionError, match="– could be any of “Drones again”, “Drones”: say which"):
        session.go_to("–")
    with pytest.raises(SessionError, match="there is no item 5 on the agenda"):
        session.go_to("5")  # a number is never looked for in titles


def test_postponed_outcome_marks_the_item(session):
    session.apply_line("/go 2.2")
    session.apply_line("/outcome postponed")
    session.apply_line("/next")
    assert {i.number: i.state for i in reopened(session).items}["2.2."] is ItemState.POSTPONED


def test_edit_move_delete_and_undo(session):
    session.apply_line("/next")
    first = session.apply_line("DE called for support").entry
    second = session.apply_line("FR supported").entry
    session.edit_entry(first.id, text="called for support for the candidate", speakers=["DE", "AT"])
    session.move_entry(second.id, -1)
    assert [e.text for e in reopened(session).entries_for(first.item_id)] == ["supported", "called for support for the candidate"]
    with pytest.raises(SessionError, match="the entry is the first of its item already"):  # not "entry moved"
        session.move_entry(second.id, -1)
    session.delete_entry(second.id)
    assert len(reopened(session).entries) == 1
    assert session.apply_line("/undo").message == "undone: delete entry"
    assert [e.speakers for e in reopened(session).entries_for(first.item_id)] == [["FR"], ["DE", "AT"]]
    assert [e.speakers for e in session.meeting.entries_for(first.item_id)] == [["FR"], ["DE", "AT"]]


def test_undo_with_nothing_to_undo(store, clock, agenda):
    fresh = Session(store, store.create_meeting(agenda, clock.now()), clock)
    assert fresh.apply_line("/undo").message == "nothing to undo"


def test_edits_after_the_meeting_are_marked(session):
    session.apply_line("/next")
    entry = session.apply_line("DE called for support").entry
    session.end_meeting()
    session.edit_entry(entry.id, text="called for support for the Czech candidate")
    events = session.store.events(session.meeting_id)
    assert events[-1]["action"] == "edit entry" and events[-1]["live"] == 0
    assert all(e["live"] == 1 for e in events[:-2])


def test_attendance(session):
    session.apply_line("/present DE FR")
    session.apply_line("/remote EE SE")
    session.apply_line("/absent FR")
    statuses = {a.code: a.status for a in reopened(session).attendance}
    assert statuses == {"DE": "present", "FR": "absent", "EE": "remote", "SE": "remote"}
    with pytest.raises(SessionError, match="unknown speaker 'XX'"):
        session.apply_line("/present XX")


def test_attendance_names_people_outside_the_register(session):
    """A board's members are seldom speakers in its register: names split by commas are kept as
    written; a code in capitals the register does not know is still a typo."""
    session.apply_line('/present Ms Jansen, Mr de Vries and DE')
    session.apply_line('/absent "Mr Okoro"')
    session.apply_line('/remote FR NL, Ms Lindgren')  # codes as ever, then a name
    statuses = {a.code: a.status for a in reopened(session).attendance}
    assert statuses == {"Ms Jansen": "present", "Mr de Vries": "present", "DE": "present", "Mr Okoro": "absent",
                        "FR": "remote", "NL": "remote", "Ms Lindgren": "remote"}
    for line, typo in (("/present DE, FRR", "FRR"), ("/remote Ms Lindgren, XX", "XX"), ("/present Jansen", "Jansen")):
        with pytest.raises(SessionError, match=f"unknown speaker '{typo}'"):
            session.apply_line(line)


def test_speakers_queue_times_each_turn(session, clock):
    session.apply_line("/next")
    session.apply_line("/queue DE FR")
    session.apply_line("/floor")
    clock.advance(seconds=90)
    session.apply_line("/floor")  # the next speaker: DE's turn is recorded
    clock.advance(seconds=30)
    session.apply_line("/end supported the Presidency")
    entries = reopened(session).entries
    assert [(e.speakers, e.duration_seconds, e.text) for e in entries] == [
        (["DE"], 90, ""),
        (["FR"], 30, "supported the Presidency"),
    ]
    assert session.speaking_seconds() == {"DE": 90, "FR": 30}
    with pytest.raises(SessionError, match="nobody"):
        session.apply_line("/floor")


def test_agenda_changes_during_the_meeting(session):
    session.apply_line("/go 3")
    session.apply_line("/add 4. Candidate for Interpol")
    added = session.current_item
    session.apply_line("/go 2.2")
    session.apply_line("/withdraw")
    meeting = reopened(session)
    assert [i.number for i in meeting.items] == ["1.", "2.", "2.1.", "2.2.", "3.", "4."]
    assert meeting.items[-1].level == 0 and added.number == "3."
    assert {i.number: i.state for i in meeting.items}["2.2."] is ItemState.WITHDRAWN
    session.move_item(meeting.items[-1].id, -1)  # "3." has no section: it stands in the one above
    assert [(i.number, i.section) for i in reopened(session).items][4:] == [("4.", "Discussion items:"), ("3.", "")]
    session.move_item(session.find_item("4.").id, -1)  # jumps "2." together with 2.1 and 2.2
    assert [i.number for i in reopened(session).items] == ["1.", "4.", "2.", "2.1.", "2.2.", "3."]
    assert [i.position for i in reopened(session).items] == list(range(6))


def test_an_added_sub_number_goes_under_its_item_in_order(session):
    session.apply_line("/go 1")
    session.apply_line("/add 3.1 Candidate for Interpol")
    session.apply_line("/add 3.2 Cybercrime conference")
    session.apply_line("/add Tour de table")  # no number: after the current item
    session.apply_line("/add 2a Urgent point")  # after item 2 and its sub-items
    session.apply_line("/add 9 Date of the next meeting – Information from the Presidency (WK 1234/2021)")
    items = reopened(session).items
    # numbers as the agenda writes them ("9." beside "3."; "2a" as typed); the title read as an agenda line
    assert [(i.number, i.level) for i in items] == [
        ("1.", 0), ("", 0), ("2.", 0), ("2.1.", 1), ("2.2.", 1), ("2a", 0), ("3.", 0), ("3.1.", 1), ("3.2.", 1), ("9.", 0)
    ]
    assert items[7].parent_id == items[8].parent_id == items[6].id
    assert (items[9].title, items[9].presenter, items[9].doc_refs) == ("Date of the next meeting", "Presidency", ["WK 1234/2021"])
    # a title that starts with a figure is no number; a path of labels finds its parent
    session.apply_line("/add 2024 budget discussion")
    session.apply_line("/add 3.5 million euro fund for victims")
    assert [(i.number, i.title) for i in reopened(session).items][1:4] == [  # in the order typed
        ("", "Tour de table"), ("", "2024 budget discussion"), ("", "3.5 million euro fund for victims")]


def test_an_added_item_numbered_by_a_path_of_labels_goes_under_its_parent(store, clock):
    numbers, parents, levels = ["8.", "A.", "a)", "B."], [None, 0, 1, 0], [0, 1, 2, 1]
    items = [AgendaItem(None, number, f"Item {n}", level=level, position=n)
             for n, (number, level) in enumerate(zip(numbers, levels))]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, parents), clock.now()), clock)
    session.go_to("8.A.a")
    session.apply_line("/add 8.B.a) Rehabilitation")
    added = reopened(session).items[-1]
    assert (added.number, added.title) == ("a)", "Rehabilitation")
    assert session.meeting.full_number(session.item(added.id)) == "8. B. a)"
    session.apply_line("/add 8.C. Foreign fighters")  # a new label under 8.: as its siblings are written
    assert [i.number for i in reopened(session).items][-1] == "C."


def test_an_item_moved_past_a_section_heading_never_brings_the_heading_back(store, clock):
    """The first item of a section moved up joins the section above, where it stands; the next
    move swaps it with that section's last item. (Swapped at once, it stood between two items of
    the section above, and the minutes printed both headings twice.)"""
    items = [AgendaItem(None, number, number, section=section, position=n)
             for n, (number, section) in enumerate([("1.", "A:"), ("2.", "A:"), ("3.", "B:"), ("4.", "B:")])]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, [None] * 4), clock.now()), clock)
    third = session.find_item("3.").id

    def outline():
        document = build_document(reopened(session), default_register(), load_style("council"))
        return [(section.title, [item.number for item in section.items]) for section in document.sections]

    session.move_item(third, -1)
    assert outline() == [("A:", ["1.", "2.", "3."]), ("B:", ["4."])]
    session.move_item(third, -1)
    assert outline() == [("A:", ["1.", "3.", "2."]), ("B:", ["4."])]
    session.move_item(third, +1)
    session.move_item(third, +1)  # and back down into B, first
    assert outline() == [("A:", ["1.", "2."]), ("B:", ["3.", "4."])]
    assert session.undo() and outline() == [("A:", ["1.", "2.", "3."]), ("B:", ["4."])]


def test_an_item_without_a_section_moves_within_the_one_it_stands_in(store, clock):
    """An item without a section stands in the section above (in the minutes and the agenda tree):
    swapping it first would have left it outside, and one with a section after it could never leave."""
    items = [AgendaItem(None, number, number, section=section, position=n)
             for n, (number, section) in enumerate([("1.", ""), ("2.", "D:"), ("3.", "D:"), ("4.", "")])]
    session = Session(store, store.create_meeting(ParsedAgenda(MeetingDetails(), items, [None] * 4), clock.now()), clock)

    def outline():
        document = build_document(reopened(session), default_register(), load_style("council"))
        return [(section.title, [item.number for item in section.items]) for section in document.sections]

    assert outline() == [("", ["1."]), ("D:", ["2.", "3.", "4."])]
    session.move_item(session.find_item("3.").id, +1)
    assert outline() == [("", ["1."]), ("D:", ["2.", "4.", "3."])]
    session.move_item(session.find_item("4.").id, -1)  # now the first of D
    assert outline() == [("", ["1."]), ("D:", ["4.", "2.", "3."])]
    session.move_item(session.find_item("4.").id, -1)  # out of D, where it stands; 2. keeps the heading
    assert outline() == [("", ["1.", "4."]), ("D:", ["2.", "3."])]


def test_next_steps_over_withdrawn_items(session):
    session.apply_line("/go 2.1")
    session.apply_line("/withdraw")
    assert session.apply_line("/next").message == "now on item 2.2. Security checks"


def test_bad_lines_are_one_line_errors(session):
    with pytest.raises(EntryLineError):
        session.apply_line("/nonsense")
    with pytest.raises(SessionError, match="which item"):
        session.apply_line("/go")
    session.apply_line("/next")
    with pytest.raises(SessionError, match="unknown outcome"):
        session.set_outcome("approved-ish")


def test_details_are_stored(session):
    session.update_details(doc_number="14342/21", file_codes="JAI 1297 COSI 240")
    details = reopened(session).details
    assert (details.doc_number, details.file_codes, details.short_name) == ("14342/21", "JAI 1297 COSI 240", "COSI")


def test_a_final_meeting_is_read_only(session):
    session.apply_line("/next")
    session.store.conn.execute("UPDATE meetings SET status = 'final' WHERE id = ?", [session.meeting_id])
    for line in ("DE called for support", "/next", "/undo", "/present DE"):
        with pytest.raises(SessionError, match="is final: reopen it"):
            session.apply_line(line)
    assert reopened(session).entries == []


def test_speaking_totals_follow_additions_edits_deletions_and_undo(session, clock):
    session.apply_line("/next")
    session.apply_line("/queue DE")
    session.apply_line("/floor")
    clock.advance(seconds=40)
    first = session.apply_line("/end").entry
    assert session.speaking_seconds() == {"DE": 40}
    session.add_intervention(["FR"], "agreed", started_at=clock.now(), ended_at=clock.advance(seconds=20))
    assert session.speaking_seconds() == {"DE": 40, "FR": 20}
    session.edit_entry(first.id, speakers=["NL"])
    assert session.speaking_seconds() == {"NL": 40, "FR": 20}
    session.delete_entry(first.id)
    assert session.speaking_seconds() == {"FR": 20}
    session.undo()
    assert session.speaking_seconds() == {"NL": 40, "FR": 20}


def test_the_queue_and_a_running_turn_survive_a_restart(store, meeting_id, clock):
    session = Session(store, meeting_id, clock)
    session.apply_line("/next")
    session.apply_line("/queue DE FR NL")
    session.apply_line("/floor")
    clock.advance(seconds=75)
    restarted = Session(Store(store.path), meeting_id, clock)  # as after kill -9
    assert restarted.queue == [("FR",), ("NL",)]
    assert restarted.floor is not None and restarted.floor.speakers == ("DE",)
    entry = restarted.apply_line("/end asked for more time").entry
    assert (entry.speakers, entry.duration_seconds) == (["DE"], 75)
    assert Session(Store(store.path), meeting_id, clock).floor is None


def test_leaving_an_item_without_an_outcome_is_pointed_out(session):
    session.apply_line("/next")
    assert "without an outcome" not in session.apply_line("/outcome adopted").message
    assert "without an outcome" not in session.apply_line("/next").message
    assert session.apply_line("/next").message == (
        "no outcome on item 2.1. (/undo goes back) · now on item 2.2. Security checks"
    )
    session.apply_line("/undo")  # as the message says
    assert session.current_item.number == "2.1." and session.current_item.state is ItemState.CURRENT
    assert "without an outcome" not in session.apply_line("/outcome took note").message


def test_leaving_a_heading_item_opened_by_number_says_nothing_of_its_outcome(session):
    """"2." holds 2.1 and 2.2, which carry the outcomes: /go 2 and on said "no outcome on item 2."."""
    session.apply_line("/go 2")
    assert session.apply_line("/next").message.startswith("now on item 2.1.")


def test_a_queue_or_floor_that_could_not_be_saved_is_done_again_on_retry(store, meeting_id, clock, monkeypatch):
    """A full disk: the queue and the floor changed on screen only, and trying again did nothing
    ("queued IT", nobody in the queue after a restart)."""
    session = Session(store, meeting_id, clock)
    session.apply_line("/next")
    session.apply_line("/queue DE")
    save = store.save_floor_state

    def disk_full(*args) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(store, "save_floor_state", disk_full)
    for line in ("/queue IT", "/floor", "/unqueue DE"):
        with pytest.raises(StoreError):
            session.apply_line(line)
        assert (session.queue, session.floor) == ([("DE",)], None)
    monkeypatch.setattr(store, "save_floor_state", save)
    session.apply_line("/queue IT")
    session.apply_line("/floor")
    restarted = Session(Store(store.path), meeting_id, clock)
    assert restarted.queue == [("IT",)] and restarted.floor.speakers == ("DE",)


def test_asking_twice_keeps_one_place_in_the_queue(session):
    session.apply_line("/next")
    session.apply_line("/queue DE FR")
    session.apply_line("/queue DE")
    assert session.queue == [("DE",), ("FR",)]


def test_an_items_entries_stay_right_however_the_entries_change():
    """Meeting keeps the entries by item (the live screen asks at every step); whichever way the
    list changes, an item's entries are those a scan of the list finds, in order."""
    rng = random.Random(7)
    meeting = Meeting(1, MeetingDetails(), entries=[])
    ids = itertools.count(1)

    def new_entry() -> Entry:
        return Entry(next(ids), rng.randint(1, 4), EntryKind.NOTE, position=rng.randint(0, 9))

    def scanned(item_id: int) -> list[int]:
        return [id(e) for e in sorted((e for e in meeting.entries if e.item_id == item_id), key=lambda e: e.position)]

    changes = {
        "add_entry": lambda: meeting.add_entry(new_entry()),
        "remove_entry": lambda: meeting.entries and meeting.remove_entry(rng.choice(meeting.entries)),
        "list append": lambda: meeting.entries.append(new_entry()),
        "list remove, then append": lambda: meeting.entries and (meeting.entries.remove(rng.choice(meeting.entries)),
                                                                 meeting.entries.append(new_entry())),
        "a new list": lambda: setattr(meeting, "entries", [e for e in meeting.entries if rng.random() < 0.8]),
        "a copy changed": lambda: copy.deepcopy(meeting).add_entry(new_entry()),
    }
    done = []
    for _ in range(600):
        name = rng.choice(list(changes))
        changes[name]()
        done.append(name)
        for item_id in range(1, 5):
            assert [id(e) for e in meeting.entries_for(item_id)] == scanned(item_id), done[-3:]
    assert set(done) == set(changes)


def test_replacing_an_outcome_gives_the_entry_as_it_now_stands(store, meeting_id, clock):
    """Also while the entries are deferred (the live screen's session), when looking up an item's
    outcome reads a copy from the database."""
    session = Session(store, meeting_id, clock, defer_entries=True)
    session.go_next()
    session.set_outcome("took_note", "first")
    session = Session(store, meeting_id, clock, defer_entries=True)
    replaced = session.set_outcome("endorsed", "second")
    assert (replaced.outcome, replaced.text) == ("endorsed", "second")
    assert any(entry is replaced for entry in session.meeting.entries)


def test_a_line_added_while_the_entries_are_deferred_is_held_once(store, meeting_id, clock):
    session = Session(store, meeting_id, clock, defer_entries=True)  # as the live screen opens it
    session.go_next()
    note = session.add_note("First note")
    assert [e.id for e in session.meeting.entries] == [note.id]
    session.delete_entry(note.id)
    assert session.meeting.entries_for(note.item_id) == [] and store.load_entries(meeting_id) == []


def test_control_characters_are_dropped_on_every_way_text_comes_in(store, meeting_id, clock):
    """The entry line drops them as it parses; the end of a turn (F9), the edit and details forms
    and a new item's title pass text to the session directly. Word's XML cannot hold U+FFFF either."""
    session = Session(store, meeting_id, clock)
    session.go_next()
    session.queue_add(("PRES",))
    session.give_floor()
    turn = session.end_floor("presented the report.\x07")
    assert turn.text == "presented the report."
    session.edit_entry(turn.id, text="\x1bpresented\x0cthe report\uffff")
    session.update_details(subject="Summary\x00 of discussions")
    item = session.add_item("AOB\x07", number="9.\x00")
    assert (session.entry(turn.id).text, session.meeting.details.subject) == ("presented the report", "Summary of discussions")
    assert (item.title, item.number) == ("AOB", "9.")
    stored = store.load_meeting(meeting_id)
    assert [e.text for e in stored.entries] == ["presented the report"] and stored.items[-1].title == "AOB"
    assert stored.details.subject == "Summary of discussions"



def test_the_next_number_of_an_added_item_is_suggested_when_evident(session):
    number = {i.number: i.id for i in session.meeting.items}
    assert session.next_number(number["2.1."], as_child=False) == ""  # 2.2. is taken
    assert session.next_number(number["2.2."], as_child=False) == "2.3."
    assert session.next_number(number["2."], as_child=True) == "2.3."
    assert session.next_number(number["3."], as_child=True) == "3.1."
    assert session.next_number(number["3."], as_child=False) == "4."
    assert session.next_number(number["1."], as_child=False) == ""  # 2. is taken
    session.apply_line("/add 3.a) Candidate for Interpol")  # stored as "a)": a letter under 3.
    assert session.next_number(number["3."], as_child=True) == "b)"


def test_a_first_sub_item_is_numbered_as_the_agenda_numbers_its_sub_items(store, clock):
    """An agenda writing "4.1" (no closing dot) gets "8.1" under its item 8, not "8.1."."""
    agenda = ParsedAgenda(MeetingDetails(), [AgendaItem(None, "4", "Consent agenda"),
                                             AgendaItem(None, "4.1", "Minutes", level=1),
                                             AgendaItem(None, "8", "Public works")], [None, 0, None])
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    number = {i.number: i.id for i in session.meeting.items}
    assert session.next_number(number["8"], as_child=True) == "8.1"



def test_a_speaker_code_the_register_does_not_know_is_recorded_with_a_warning(session):
    session.go_next()
    result = session.apply_line("DR: supported the approach")  # a typo for DE, or a code of the meeting's own
    assert result.entry.speakers == ["DR"]
    assert result.message == "DR: recorded — DR: no such speaker code, the minutes will say it as typed"
    assert session.apply_line("DE: supported the approach").message == "DE: recorded"
    assert session.apply_line("The Chair of the TELECOM working party: reported").message.endswith(": recorded")
    result = session.apply_line("DE, FRR: supported")
    assert result.entry.speakers == ["DE", "FRR"]  # DE stays the German delegation
    assert result.message.endswith("— FRR: no such speaker code, the minutes will say it as typed")
    assert session.apply_line("dr: supported").message.endswith("— dr: no such speaker code, the minutes will say it as typed")
    assert session.apply_line("COSI: expressed overall support").message == "COSI: recorded"  # the meeting's own body


def test_an_item_flagged_to_check_with_the_chair(session):
    """USER-NEEDS: an unclear outcome is flagged "to check with the Chair" instead of guessed; the
    flag closes the item (no warning on leaving it), survives a restart and is undone like any change."""
    session.go_next()
    result = session.apply_line("/check  did the Committee endorse\tthe annex too?")
    assert result.message == "item 1. to check with the Chair: did the Committee endorse the annex too?"
    assert session.move(session.go_next) == "now on item 2.1. Threat assessment"  # no "left without an outcome"
    assert reopened(session).items[0].to_check == "did the Committee endorse the annex too?"

    assert session.apply_line("/check").message == "item 2.1. to check with the Chair: outcome unclear"
    assert session.apply_line("/check off").message == "item 2.1.: no longer to check"
    assert session.current_item.to_check == ""
    session.apply_line("/undo")
    assert session.current_item.to_check == "outcome unclear"
    assert [m.to_check for m in session.store.list_meetings()] == [2]


def test_a_turn_is_recorded_on_its_item_without_its_speakers_named_again(session, clock):
    session.apply_line("/go 2.2")
    session.apply_line("/queue HU DE CZ")
    session.apply_line("/floor")
    session.go_next()  # the secretary moved on before ending HU's turn
    clock.advance(seconds=30)
    session.end_floor("Hu: aligned itself with SE")
    [turn] = reopened(session).entries
    assert (session.meeting.full_number(session.item(turn.item_id)), turn.speakers, turn.text) == ("2.2.", ["HU"], "aligned itself with SE")
    session.give_floor()
    with pytest.raises(SessionError, match="DE has the floor, but the line names FR"):
        session.end_floor("FR supported the Presidency")
    result = session.apply_line("supported the candidate")  # Enter, not F9: a predicate is the speaker's
    assert result.message == "DE: turn recorded" and session.floor is None
    assert reopened(session).entries[-1].speakers == ["DE"]


def test_stepping_does_not_open_a_postponed_item_and_going_to_one_says_so(session):
    session.apply_line("/go 2.2")
    session.apply_line("/postpone")
    session.apply_line("/go 2.1")
    assert session.meeting.full_number(session.go_next()) == "3."  # past the postponed 2.2.
    assert session.find_item("2.2").state is ItemState.POSTPONED
    message = session.apply_line("/go 2.2").message
    assert message.startswith("item 2.2. was postponed: it is open again (/postpone sets it aside again) · ")


def test_a_note_that_looks_like_a_mistyped_intervention_says_how_to_make_it_one(session):
    session.apply_line("/go 3")
    assert "AT: … records it as theirs" in session.apply_line("AT supportd the text").message
    assert session.apply_line("Delegations supported the text").message == "note recorded"
    assert session.apply_line("XY supported the text").message == "note recorded (XY is no speaker code this app knows; XY: … records it as theirs)"
    assert session.apply_line("EU policies supported growth").message == "note recorded"
    assert session.apply_line("COSI expressed support for the plan").message == "note recorded"  # the body itself


def test_a_mistyped_outcome_code_is_refused_not_printed(session):
    session.apply_line("/go 3")
    with pytest.raises(SessionError, match="unknown outcome 'tn': try adopted"):
        session.apply_line("/outcome tn")
    assert session.apply_line("/outcome noted").message == "outcome set"  # a verb alone is a sentence


def test_undo_names_what_the_user_did(session):
    session.apply_line("/go 2.1")
    session.apply_line("/postpone")
    session.apply_line("/check endorsed or not?")
    assert [session.undo(), session.undo(), session.undo()] == ["flag to check", "mark item postponed", "move to another item"]


def test_an_added_item_may_not_repeat_a_number_beside_it(session):
    session.apply_line("/go 3")
    with pytest.raises(SessionError, match="there is an item 3. there already"):
        session.add_item("Duplicate number test", "3")
    with pytest.raises(SessionError, match="there is an item 2.1. there already"):
        session.apply_line("/add 2.1 Threat assessment again")
    assert session.add_item("Other business", "4").number == "4."


def test_an_entry_typed_under_the_wrong_item_moves_to_the_right_one(session):
    session.apply_line("/go 2.1")
    first = session.apply_line("DE called for support").entry
    session.apply_line("/go 2.2")
    session.apply_line("FR supported")
    session.move_entry_to(first.id, session.find_item("2.2").id)
    moved = reopened(session)
    assert [e.text for e in moved.entries_for(session.find_item("2.2").id)] == ["supported", "called for support"]
    assert moved.entries_for(session.find_item("2.1").id) == []
    with pytest.raises(SessionError, match="the entry is on item 2.2. already"):
        session.move_entry_to(first.id, session.find_item("2.2").id)
    assert session.undo() == "move entry to another item"
    assert [e.text for e in reopened(session).entries_for(session.find_item("2.1").id)] == ["called for support"]


def test_an_entry_moved_to_another_item_takes_its_place_in_time_and_before_the_outcome(session, clock):
    """It went after the outcome, and a note then ran on in the outcome's paragraph."""
    session.apply_line("/go 2.2")
    session.apply_line("FR opposed it")
    clock.advance(seconds=60)
    session.apply_line("NL supported it")
    session.apply_line("/outcome took note")
    session.apply_line("/go 2.1")
    clock.advance(seconds=-30)  # typed under 2.1 while 2.2 was discussed (the clock only helps the test)
    note = session.apply_line("Belgium supported").entry
    session.move_entry_to(note.id, session.find_item("2.2").id)
    assert [e.text for e in reopened(session).entries_for(session.find_item("2.2").id)] == [
        "opposed it", "Belgium supported", "supported it", ""]  # the outcome: the code alone


def test_an_item_returned_to_counts_its_visits_not_the_time_between(session, clock):
    from minutes_tui.core import archive
    from minutes_tui.core.schedule import item_seconds

    session.apply_line("/go 2.1")
    clock.advance(seconds=60)
    session.apply_line("/go 2.2")
    clock.advance(seconds=30)
    session.apply_line("/go 2.1")  # back to it: the 30 seconds on 2.2 are not 2.1's
    clock.advance(seconds=20)
    assert item_seconds(session.find_item("2.1"), clock.now()) == 80  # while open: until now
    session.apply_line("/go 3")
    clock.advance(seconds=600)
    stored = reopened(session)
    by_number = {i.number: item_seconds(i, clock.now()) for i in stored.items}
    assert (by_number["2.1."], by_number["2.2."], by_number["3."]) == (80, 30, 600)
    times = {t.number: t.seconds for t in archive.item_times(session.store, session.meeting_id)}
    assert (times["2.1."], times["2.2."]) == (80, 30)


def test_a_turn_is_never_a_command_and_its_speaker_may_be_typed_in_haste(session, clock):
    session.apply_line("/go 2.1")
    session.apply_line("/queue FR DE NL")
    session.apply_line("/floor")
    with pytest.raises(SessionError, match="FR's turn: type what they said"):
        session.end_floor("/outcome took note")
    with pytest.raises(SessionError, match="FR has the floor, but the line names DE"):
        session.end_floor("De opposed it")  # another code, however typed
    session.end_floor("Fr opposed it")
    session.give_floor()
    assert session.apply_line("DE: supported the compromise").message == "DE: turn recorded"  # not DE twice
    assert session.floor is None
    assert [(e.speakers, e.text, e.duration_seconds is not None) for e in reopened(session).entries] == [
        (["FR"], "opposed it", True), (["DE"], "supported the compromise", True)]


def test_a_line_naming_the_speaker_with_others_ends_the_turn_once(session, clock):
    """"IT, EL, CY, MT: supported ..." while IT had the floor left IT's turn running: F9 later added
    "The Italian delegation took the floor." after the outcome, and IT spoke twice in the statistics."""
    session.apply_line("/go 2.1")
    session.apply_line("/queue IT FR")
    session.apply_line("/floor")
    clock.advance(seconds=40)
    assert session.apply_line("IT, EL, CY, MT: supported the text").message == "IT: turn recorded"
    assert session.floor is None
    session.give_floor()
    clock.advance(seconds=10)
    session.end_floor("FR, DE: opposed it")  # F9: those who spoke with FR are added
    assert [(e.speakers, e.text, e.duration_seconds) for e in reopened(session).entries] == [
        (["IT", "EL", "CY", "MT"], "supported the text", 40), (["FR", "DE"], "opposed it", 10)]


def test_a_statement_of_several_paragraphs_keeps_them_as_typed_and_as_edited(session):
    session.apply_line("/go 2.1")
    statement = session.apply_line("/s PL: Poland supports the compromise. ¶ First, it is balanced.").entry
    assert reopened(session).entries[-1].text == "Poland supports the compromise.\n\nFirst, it is balanced."
    session.edit_entry(statement.id, text="Poland supports it. ¶ First, balanced. ¶ Second, fair.")
    assert reopened(session).entries[-1].text == "Poland supports it.\n\nFirst, balanced.\n\nSecond, fair."


def test_a_statement_keeps_its_speaker_and_text_when_edited_and_an_item_one_outcome(session):
    session.apply_line("/go 2.1")
    statement = session.apply_line("/s PL: Poland supports the text.").entry
    for changes in ({"text": " "}, {"speakers": []}):
        with pytest.raises(SessionError, match="a statement needs who made it and its text"):
            session.edit_entry(statement.id, **changes)
    session.apply_line("/outcome took note")
    session.apply_line("/go 2.2")
    outcome = session.apply_line("/outcome endorsed").entry
    with pytest.raises(SessionError, match="item 2.1. has an outcome already"):
        session.move_entry_to(outcome.id, session.find_item("2.1").id)


def test_a_speaker_queued_by_mistake_comes_off_the_queue(session):
    session.apply_line("/go 2.1")
    session.apply_line("/queue DE FR NL")
    assert session.apply_line("/unqueue FR").message == "FR taken off the queue"
    assert reopened_queue(session) == [("DE",), ("NL",)]
    with pytest.raises(SessionError, match="FR is not in the queue"):
        session.apply_line("/unqueue FR")


def reopened_queue(session) -> list[tuple[str, ...]]:
    return Session(session.store, session.meeting_id, session.clock).queue


def test_a_turn_on_an_item_left_says_where_it_is_recorded(session):
    """A turn belongs to the item where it began: what records it says which, when not the current one."""
    session.apply_line("/go 2.1")
    session.apply_line("/queue DE FR IT")
    assert session.apply_line("/floor").message == "DE has the floor" and session.floor_elsewhere() is None
    session.apply_line("/go 2.2")
    assert session.meeting.reference(session.floor_elsewhere()) == "2.1."
    assert session.apply_line("supported the text").message == "DE: turn recorded under 2.1."
    session.apply_line("/floor")  # FR, on 2.2
    session.apply_line("/go 2.1")
    assert session.apply_line("/floor").message == "FR: turn recorded under 2.2. · IT has the floor"
    assert session.apply_line("/end agreed").message == "IT: turn recorded"
    meeting = reopened(session)
    assert sorted((meeting.full_number(session.item(e.item_id)), e.speakers) for e in meeting.entries) == [
        ("2.1.", ["DE"]), ("2.1.", ["IT"]), ("2.2.", ["FR"])]


def test_editing_an_outcomes_wording_sets_its_code_as_the_command_would(session):
    session.apply_line("/go 2.1")
    outcome = session.apply_line("/outcome took note").entry

    def edited(text: str) -> tuple[str, str]:
        session.edit_entry(outcome.id, text=text)
        stored = reopened(session).entries[-1]
        return stored.outcome, stored.text

    assert edited("confirmed the composition of the Steering Group") == (
        "confirmed", "confirmed the composition of the Steering Group")
    assert edited("endorsed") == ("endorsed", "")  # the word alone: the standard sentence, as /outcome endorsed
    assert edited("The Chair will come back to it") == ("endorsed", "The Chair will come back to it")  # names none


def test_an_action_typed_without_a_colon_is_stored_with_its_addressee(session):
    """"/action Presidency to circulate ..." was stored for nobody: search and statistics missed who."""
    session.go_next()
    entry = session.apply_line("/action Presidency to circulate a new compromise").entry
    assert (entry.speakers, entry.text) == (["PRES"], "circulate a new compromise")
    note = session.apply_line("/action to be consulted by the Presidency").entry
    assert (note.speakers, note.text) == ([], "to be consulted by the Presidency")


def test_a_move_after_an_early_close_is_a_change_made_during_the_meeting(session, store):
    """It was marked as an edit after the meeting (live=0): the meeting was still ended when it was made."""
    session.go_next()
    session.apply_line("/close")
    session.apply_line("/next")
    [newest, *_] = store.newest_change(session.meeting_id)
    assert newest["live"] == 1 and session.meeting.ended_at is None


def test_the_floor_given_by_name_goes_to_that_speaker_queued_or_not(session):
    """"/floor DE" was refused: the Chair gives the floor out of turn."""
    session.go_next()
    session.apply_line("/queue FR IT")
    assert session.apply_line("/floor DE").message == "DE has the floor"
    assert session.queue == [("FR",), ("IT",)]
    session.apply_line("/floor IT")  # DE's turn recorded; IT out of turn, FR still waiting
    assert session.floor.speakers == ("IT",) and session.queue == [("FR",)]
    assert [e.speakers for e in session.meeting.entries] == [["DE"]]


def test_closing_the_meeting_empties_the_queue(session):
    """"Queue: FR" stayed on screen after /close, and after the meeting was opened again."""
    session.go_next()
    session.apply_line("/queue FR IT")
    session.apply_line("/close")
    assert session.queue == [] and Session(session.store, session.meeting_id, session.clock).queue == []
