"""Pre-export checks: one-line warnings about what the finished document would miss."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from minutes_tui.core.model import AgendaItem, Entry, EntryKind, ItemState, Meeting, MeetingDetails, Speaker
from minutes_tui.core.speakers import default_register
from minutes_tui.export.check import check_meeting

K = EntryKind
T0 = datetime(2021, 11, 22, 10, 0)
COMPLETE = MeetingDetails(
    doc_number="14342/21", meeting_date=date(2021, 11, 22), file_codes="JAI 1297", issue_date=date(2021, 12, 10)
)


def meeting(items, entries, details=COMPLETE, speakers=()) -> Meeting:
    return Meeting(1, details, items, entries, speakers=list(speakers))


def test_a_complete_meeting_has_no_warnings():
    items = [AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=T0)]
    assert check_meeting(meeting(items, [Entry(1, 1, K.OUTCOME, outcome="adopted")]), default_register()) == []


def test_reached_without_outcome_and_never_reached():
    items = [
        AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=T0),
        AgendaItem(2, "2.", "Information by the Presidency", position=2),  # entries but no start: reached
        AgendaItem(3, "3.", "Never reached", position=3),
        AgendaItem(4, "4.", "Withdrawn", position=4, state=ItemState.WITHDRAWN),
        AgendaItem(5, "5.", "Postponed", position=5, state=ItemState.POSTPONED, started_at=T0),
    ]
    entries = [Entry(1, 2, K.INTERVENTION, "informed", ["PRES"])]
    assert check_meeting(meeting(items, entries), default_register()) == [
        "item 1. Adoption of the agenda: reached but no outcome recorded",
        "item 2. Information by the Presidency: reached but no outcome recorded",
        "item 3. Never reached: never reached",
    ]


def test_container_parents_answer_for_their_children():
    items = [
        AgendaItem(6, "6.", "Counter-terrorism", position=6, started_at=T0),
        AgendaItem(61, "6.1.", "Threat assessment", level=1, parent_id=6, position=7, started_at=T0),
        AgendaItem(62, "6.2.", "Procedure", level=1, parent_id=6, position=8),
        AgendaItem(7, "7.", "Digital", position=9),
        AgendaItem(71, "7.1.", "AI Act", level=1, parent_id=7, position=10),
        AgendaItem(72, "7.2.", "Encryption", level=1, parent_id=7, position=11),
    ]
    entries = [Entry(1, 61, K.OUTCOME, outcome="endorsed")]
    assert check_meeting(meeting(items, entries), default_register()) == [
        "item 6.2. Procedure: never reached",
        "item 7. Digital: never reached",  # its unreached children are not listed one by one
    ]


def test_what_the_body_did_is_an_outcome_and_a_parent_is_minuted_through_its_sub_items():
    """The reference's items 3 and 4 have no outcome but "COSI expressed overall support ...";
    a parent whose sub-items were reached said "no outcome" as well as each of them."""
    items = [
        AgendaItem(3, "3.", "Migrant smuggling", position=3, started_at=T0),
        AgendaItem(4, "4.", "Recovery funds", position=4, started_at=T0),
        AgendaItem(6, "6.", "Screening", position=6, started_at=T0, mode="Exchange of views"),
        AgendaItem(61, "a)", "Article 7", level=1, parent_id=6, position=7, started_at=T0),
    ]
    entries = [Entry(1, 3, K.NOTE, "COSI expressed overall support for the plan."),
               Entry(2, 4, K.NOTE, "The Committee exchanged views on the funds."),
               Entry(3, 61, K.INTERVENTION, "supported it", ["DE"])]
    details = dataclasses.replace(COMPLETE, short_name="COSI", body_name="the Committee")
    assert check_meeting(meeting(items, entries, details=details), default_register()) == [
        "item 6. a) Article 7: reached but no outcome recorded"]


def test_speakers_missing_or_unknown():
    items = [AgendaItem(1, "12.", "AOB", position=1, started_at=T0)]
    entries = [
        Entry(1, 1, K.OUTCOME, outcome="took_note", position=1),
        Entry(2, 1, K.INTERVENTION, "raised a point about the budget", [], position=2),
        Entry(3, 1, K.INTERVENTION, "supported", ["DE", "XYZ", "de", "The Chair of the TELECOM WP", "ICCT"], position=3),
        Entry(4, 1, K.ACTION, "to send comments", ["QQ"], position=4),
    ]
    icct = Speaker("ICCT", "ICCT", "the ICCT")
    assert check_meeting(meeting(items, entries, speakers=[icct]), default_register()) == [
        "item 12. AOB: intervention without a speaker: raised a point about the budget",
        "item 12. AOB: unknown speaker code XYZ",
        "item 12. AOB: unknown speaker code QQ",
    ]


def test_empty_header_details():
    items = [AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=T0)]
    entries = [Entry(1, 1, K.OUTCOME, outcome="adopted")]
    assert check_meeting(meeting(items, entries, details=MeetingDetails()), default_register()) == [
        "header: no document number",
        "header: no meeting date",
        "header: no file codes",
        "header: no issue date",
    ]
    from minutes_tui.core.phrasing import load_style  # a board's minutes print none of those but the date

    assert check_meeting(meeting(items, entries, details=MeetingDetails()), default_register(), load_style("board")) == [
        "header: no meeting date"]


def test_an_issue_date_before_the_meeting_is_a_warning():
    items = [AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=T0)]
    entries = [Entry(1, 1, K.OUTCOME, outcome="adopted")]
    early = dataclasses.replace(COMPLETE, issue_date=date(2021, 11, 1))
    assert check_meeting(meeting(items, entries, details=early), default_register()) == [
        "header: issue date 1 November 2021 is before the meeting"
    ]
    same_day = dataclasses.replace(COMPLETE, issue_date=COMPLETE.meeting_date)  # FORMAT.md: 0-22 days after
    assert check_meeting(meeting(items, entries, details=same_day), default_register()) == []


def test_items_flagged_to_check_are_listed_instead_of_a_missing_outcome():
    items = [
        AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=T0, to_check="outcome unclear"),
        AgendaItem(2, "2.", "Withdrawn", position=2, state=ItemState.WITHDRAWN, to_check="was it withdrawn?"),
        AgendaItem(3, "3.", "Europol report", position=3, started_at=T0, to_check="which annex?"),
    ]
    entries = [Entry(1, 3, K.OUTCOME, outcome="took note")]
    assert check_meeting(meeting(items, entries), default_register()) == [
        "item 1. Adoption of the agenda: to check with the Chair: outcome unclear",
        "item 2. Withdrawn: to check with the Chair: was it withdrawn?",
        "item 3. Europol report: to check with the Chair: which annex?",
    ]


def test_the_meetings_own_body_is_no_unknown_speaker():
    """The reference writes "COSI expressed overall support ...": typed as "COSI: expressed ..."."""
    items = [AgendaItem(1, "1.", "Migrant smuggling", position=1, started_at=T0)]
    entries = [Entry(1, 1, K.INTERVENTION, "expressed overall support", ["COSI"]), Entry(2, 1, K.OUTCOME, outcome="took note"),
               Entry(3, 1, K.INTERVENTION, "asked", ["COSY"])]
    checked = meeting(items, entries, dataclasses.replace(COMPLETE, short_name="COSI"))
    assert check_meeting(checked, default_register()) == ["item 1. Migrant smuggling: unknown speaker code COSY"]


def test_a_sub_item_is_named_with_its_parents_numbers():
    """Letters repeat under other items: "item b) ..." alone would not say which."""
    items = [AgendaItem(1, "8.", "Prisons", position=1), AgendaItem(2, "b)", "Rehabilitation", position=2, parent_id=1,
                                                                     level=1, started_at=T0)]
    assert check_meeting(meeting(items, []), default_register()) == ["item 8. b) Rehabilitation: reached but no outcome recorded"]
