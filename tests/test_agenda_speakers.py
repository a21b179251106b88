"""A Markdown agenda may declare the meeting's own speakers; they are used in the minutes' sentences."""

from pathlib import Path

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown
from minutes_tui.core.session import Session
from minutes_tui.export import export_meeting

BOARD = Path(__file__).resolve().parent.parent / "sample_agendas" / "company-board-2026-03-03.md"


def test_the_board_sample_declares_its_speakers():
    agenda = load_agenda(BOARD)
    assert [(s.code, s.phrase) for s in agenda.speakers] == [
        ("CHAIR", "the Chairwoman"),
        ("CEO", "the Chief Executive"),
        ("CFO", "the Chief Financial Officer"),
        ("AUD", "the external auditor"),
    ]
    assert [i.number for i in agenda.items] == ["1.", "2.", "3.", "4.", "5."]  # the bullet names a document of 3.
    assert agenda.details.body_name == "the Board"
    details = agenda.details
    assert (details.sender, details.recipient, details.issue_place, details.house_style) == (
        "the Company Secretary", "Members of the Board", "Rotterdam", "board"
    )


def test_the_board_sample_keeps_its_document_references_whole():
    """"BD 2025/14" was stored as "2025/14"; the bullet "- Auditor's report (BD 2026/03)" under item 3
    was a sub-item that /next stopped on."""
    agenda = load_agenda(BOARD)
    assert [(i.number, i.title, i.level, i.doc_refs) for i in agenda.items[1:4]] == [
        ("2.", "Minutes of the meeting of 2 December 2025", 0, ["BD 2025/14"]),
        ("3.", "Annual accounts 2025", 0, ["BD 2026/03 (Auditor's report)"]),
        ("4.", "Fleet renewal plan", 0, ["BD 2026/04"]),
    ]
    assert (agenda.items[2].presenter, agenda.items[3].mode) == ("CFO", "For decision")


def test_next_goes_from_the_accounts_to_the_next_item(store, clock):
    session = Session(store, store.create_meeting(load_agenda(BOARD), clock.now()), clock)
    session.apply_line("/go 3")
    session.apply_line("/next")
    assert (session.current_item.number, session.current_item.title) == ("4.", "Fleet renewal plan")


def test_declared_speakers_speak_in_the_minutes(store, clock):
    meeting_id = store.create_meeting(load_agenda(BOARD), clock.now())
    session = Session(store, meeting_id, clock)
    session.apply_line("/go 3")
    session.apply_line("CFO presented the accounts")
    session.apply_line("CHAIR and AUD: welcomed the clean opinion")
    minutes = export_meeting(store.load_meeting(meeting_id), "md")
    assert "The Chief Financial Officer presented the accounts." in minutes
    assert "The Chairwoman and the external auditor welcomed the clean opinion." in minutes


@pytest.mark.parametrize("line", ["Speakers: MAYOR", "Speakers: = the Mayor", "Speakers: THE MAYOR = the Mayor"])
def test_a_bad_speaker_line_names_file_and_line(line):
    with pytest.raises(AgendaError, match=r"board\.md:3: speaker"):
        parse_markdown(f"# Board\n\n{line}\n\n1. Opening\n", "board.md")
