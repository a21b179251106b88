"""The chronological log and the speakers CSV: the record as captured, not as phrased."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from minutes_tui.core.model import AgendaItem, Entry, EntryKind, Meeting, MeetingDetails
from minutes_tui.export import export_meeting

K = EntryKind
T0 = datetime(2021, 11, 22, 10, 0, 0)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def captured_meeting() -> Meeting:
    items = [
        AgendaItem(1, "1.", "Adoption of the agenda", position=1, started_at=at(0)),
        AgendaItem(2, "2.", "Information by the Presidency", position=2, started_at=at(1)),
        AgendaItem(3, "12.", "AOB", position=3, started_at=at(40)),
    ]
    entries = [
        Entry(1, 1, K.OUTCOME, outcome="adopted", started_at=at(0.5)),
        Entry(2, 2, K.INTERVENTION, "informed on the state of play", ["PRES"], position=1,
              started_at=at(1.5), ended_at=at(3.5) + timedelta(seconds=5)),
        Entry(3, 2, K.INTERVENTION, "supported", ["DE", "FR"], position=2, started_at=at(4), ended_at=at(4.5)),
        Entry(4, 2, K.NOTE, "secret", position=3, started_at=at(5), private=True),
        Entry(5, 2, K.NOTE, "added in review, no time", position=4),
        Entry(6, 3, K.INTERVENTION, "called for support", ["DE"], started_at=at(60 * 24)),  # next day
        Entry(7, 3, K.ACTION, "send comments", ["COM"], deadline="by 1 December", position=2, started_at=at(41)),
        Entry(8, 2, K.INTERVENTION, "", [], position=5, started_at=at(6)),
    ]
    return Meeting(1, MeetingDetails(short_name="COSI", doc_number="14342/21"), items, entries)


def test_log_is_chronological_with_times_items_and_speakers():
    log = export_meeting(captured_meeting(), "log")
    assert log.splitlines() == [
        "COSI – 14342/21: chronological log",
        "",
        "22 November 2021",
        "10:00:00  1.    ── Adoption of the agenda",
        "10:00:30  1.    outcome       adopted",
        "10:01:00  2.    ── Information by the Presidency",
        "10:01:30  2.    intervention  PRES: informed on the state of play (2 min 05 s)",
        "10:04:00  2.    intervention  DE, FR: supported (30 s)",
        "10:06:00  2.    intervention  (no speaker)",
        "10:40:00  12.   ── AOB",
        "10:41:00  12.   action        COM – send comments – by 1 December",
        "",
        "23 November 2021",
        "10:00:00  12.   intervention  DE: called for support",
        "--:--:--  2.    note          added in review, no time",
    ]
    assert "secret" not in log


def test_csv_has_one_row_per_intervention():
    rows = list(csv.reader(io.StringIO(export_meeting(captured_meeting(), "csv"))))
    assert rows == [
        ["item_number", "item_title", "speakers", "started_at", "duration_seconds"],
        ["2.", "Information by the Presidency", "PRES", "2021-11-22T10:01:30", "125"],
        ["2.", "Information by the Presidency", "DE; FR", "2021-11-22T10:04:00", "30"],
        ["2.", "Information by the Presidency", "", "2021-11-22T10:06:00", ""],
        ["12.", "AOB", "DE", "2021-11-23T10:00:00", ""],
    ]


def test_csv_keeps_speakers_named_in_free_text_apart():
    """"Ms Jansen Mr de Vries" could be one person or two (or three)."""
    meeting = captured_meeting()
    meeting.entries[2].speakers = ["Ms Jansen", "Mr de Vries"]
    rows = list(csv.reader(io.StringIO(export_meeting(meeting, "csv"))))
    assert rows[2][2] == "Ms Jansen; Mr de Vries"
    assert rows[2][2].split("; ") == meeting.entries[2].speakers


def test_csv_quotes_titles_with_commas():
    meeting = captured_meeting()
    meeting.items[1].title = 'Information, "quoted"'
    rows = list(csv.reader(io.StringIO(export_meeting(meeting, "csv"))))
    assert rows[1][1] == 'Information, "quoted"'


def test_a_sub_item_is_named_with_its_parents_number():
    """"a)" alone cannot tell which item's a) it was."""
    meeting = captured_meeting()
    meeting.items.append(AgendaItem(4, "a)", "Drones", position=4, level=1, parent_id=3, started_at=at(42)))
    meeting.entries.append(Entry(9, 4, K.INTERVENTION, "presented it", ["COM"], started_at=at(43)))
    assert "10:43:00  12. a) intervention  COM: presented it" in export_meeting(meeting, "log")
    assert list(csv.reader(io.StringIO(export_meeting(meeting, "csv"))))[-2][:2] == ["12. a)", "Drones"]


def test_empty_meeting():
    meeting = Meeting(None, MeetingDetails(meeting_date=date(2021, 11, 22)))
    assert export_meeting(meeting, "log") == "Meeting: chronological log\n\n"
    assert export_meeting(meeting, "csv") == "item_number,item_title,speakers,started_at,duration_seconds\n"


def test_log_has_withdrawals_postponements_attendance_and_the_close(store, clock, meeting_id):
    """Taken from the store's events: the entries do not hold them. An undone change is no fact."""
    from minutes_tui.core.session import Session
    from minutes_tui.export.log import to_log

    session = Session(store, meeting_id, clock)
    session.apply_line("/next")
    clock.advance(seconds=5)
    session.apply_line("/present DE FR, Ms Jansen")
    clock.advance(seconds=5)
    session.apply_line("/remote EE")
    session.apply_line("/absent SE")
    session.apply_line("/undo")
    clock.advance(seconds=5)
    session.apply_line("/go 2.1")
    clock.advance(minutes=1)
    session.apply_line("/postpone")
    session.apply_line("/go 2.2")
    clock.advance(minutes=1)
    session.apply_line("/withdraw")
    clock.advance(minutes=1)
    session.apply_line("/close")
    meeting = session.meeting
    assert to_log(meeting, store.events(meeting_id)).splitlines()[3:] == [
        "10:00:00  1.    ── Adoption of the agenda",
        "10:00:05        attendance    present: DE, FR, Ms Jansen",
        "10:00:10        attendance    remote: EE",
        "10:00:15  2.1.  ── Threat assessment",
        "10:01:15  2.1.  item          postponed",
        "10:01:15  2.2.  ── Security checks",
        "10:02:15  2.2.  item          withdrawn",
        "10:03:15        meeting       closed",
    ]
    assert to_log(meeting).splitlines()[-1] == "10:03:15        meeting       closed"  # without the events: the close


def test_log_says_when_an_item_set_aside_is_put_back_and_not_the_meetings_creation(store, clock, meeting_id):
    from minutes_tui.core.model import ItemState
    from minutes_tui.core.session import Session
    from minutes_tui.export.log import to_log

    imported = store.insert_meeting(store.load_meeting(meeting_id), clock.now())  # a copy, with attendance
    session = Session(store, imported, clock)
    session.set_attendance(["DE"], "present")
    assert to_log(session.meeting, store.events(imported)).splitlines()[3:] == ["10:00:00        attendance    present: DE"]
    item = session.meeting.items[-1]
    clock.advance(minutes=1)
    session.set_item_state(item.id, ItemState.WITHDRAWN)
    clock.advance(minutes=2)
    session.set_item_state(item.id, ItemState.PENDING)  # the agenda's `w` again
    assert to_log(session.meeting, store.events(imported)).splitlines()[-2:] == [
        "10:01:00  3.    item          withdrawn", "10:03:00  3.    item          back on the agenda"]


def test_a_long_item_number_widens_the_column_and_a_statement_keeps_its_paragraphs():
    """"8. A. a)" ran into the kind; a statement's paragraphs ran together."""
    meeting = captured_meeting()
    meeting.items.append(AgendaItem(4, "a)", "Drones", position=4, level=1, parent_id=3, started_at=at(42)))
    meeting.items[2].number = "8. A."
    meeting.entries.append(Entry(9, 4, K.STATEMENT, "First.\n\nSecond.", ["HU"], started_at=at(43)))
    lines = export_meeting(meeting, "log").splitlines()
    assert "10:43:00  8. A. a) statement     HU: First. ¶ Second." in lines
    assert "10:00:30  1.       outcome       adopted" in lines  # the column as wide as its longest number
