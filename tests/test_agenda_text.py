"""Plain text pasted from a Council notice of meeting: furniture, wrapped lines, notes."""

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown, parse_text

from test_agenda_markdown import COSI_PARENTS, COSI_REFS, COSI_TITLES, outline

SAMPLES = Path(__file__).parent.parent / "sample_agendas"


def test_cosi_paste_gives_the_same_agenda_as_the_markdown():
    parsed = load_agenda(SAMPLES / "cosi-2021-11-22.txt")
    titles = [(i.number, i.title.replace(" (poss.)", "")) for i in parsed.items]
    assert titles == COSI_TITLES
    assert parsed.items[13].title.endswith("12 November 2021 (poss.)")  # kept as written
    assert parsed.parent_index == COSI_PARENTS
    assert {i.number: i.doc_refs for i in parsed.items if i.doc_refs} == COSI_REFS
    assert [i.section for i in parsed.items] == [item.section for item in load_agenda(SAMPLES / "cosi-2021-11-22.md").items]
    details = parsed.details
    assert details.committee == "Standing Committee on Operational Cooperation on Internal Security (COSI)"
    assert (details.short_name, details.agenda_ref) == ("COSI", "CM 5119/21")
    assert (details.meeting_date, details.time) == (date(2021, 11, 22), "10:00")
    assert details.place == "COUNCIL, JUSTUS LIPSIUS BUILDING, Rue de la Loi 175, 1048 BRUSSELS"
    assert details.subject == ""  # it only repeated the committee


@pytest.mark.parametrize(
    "furniture",
    ["CM 5119/21 GP/ab 1", "CM 5119/21 GP/ab 1 EN", "EN", "JAI.1 LIMITE EN", "14342/21 MP/mf 3 JAI.1 EN",
     "CM 3666/1/19 REV 1 RS/ad 2", "DG D 1 A EN", "2", "________________"],
)
def test_page_furniture_is_dropped(furniture):
    parsed = parse_text(f"1. Adoption of the\n{furniture}\nagenda\n2. AOB", "t.txt")
    assert [i.title for i in parsed.items] == ["Adoption of the agenda", "AOB"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wrapped titles join; a hyphen at the end of a line joins without a space
        ("4. COVID -19 recovery funds – role of law enforcement authorities to prevent\ninfiltration by organised crime",
         [("4.", "COVID -19 recovery funds – role of law enforcement authorities to prevent infiltration by organised "
                "crime", 0, None)]),
        ("5. Counter-\nterrorism", [("5.", "Counter-terrorism", 0, None)]),
        # after a blank line only a lower-case line continues; other prose is not the agenda
        ("1. Foo\n\nbar\n\nDelegations are invited to register.\n2. Baz",
         [("1.", "Foo bar", 0, None), ("2.", "Baz", 0, None)]),
        # sub-item styles, indented or not
        ("7. Digital\n    7.1. AI Act\n    7.2. Encryption\n8. AOB",
         [("7.", "Digital", 0, None), ("7.1.", "AI Act", 1, 0), ("7.2.", "Encryption", 1, 0), ("8.", "AOB", 0, None)]),
        ("2. Presidency\na) One\nb) Two\n3. Three",
         [("2.", "Presidency", 0, None), ("a)", "One", 1, 0), ("b)", "Two", 1, 0), ("3.", "Three", 0, None)]),
        ("A. Session\n1. One\na) Sub\n2. Two\nB. Other\n3. Three",
         [("A.", "Session", 0, None), ("1.", "One", 1, 0), ("a)", "Sub", 2, 1), ("2.", "Two", 1, 0),
          ("B.", "Other", 0, None), ("3.", "Three", 1, 4)]),
        ("12. AOB\n– Drones: Information by the Presidency\n• Boats",
         [("12.", "AOB", 0, None), ("–", "Drones", 1, 0), ("•", "Boats", 1, 0)]),
        # numbering gaps are kept; a section heading does not interrupt it
        ("2. Two\nDiscussion items:\n5. Five", [("2.", "Two", 0, None), ("5.", "Five", 0, None)]),
        # footnotes and the closing notes are not items
        ("1. Foo (poss.)\n1 Possibly in restricted session.\n2. Bar\nNB: Please register.\n3. Not an item",
         [("1.", "Foo (poss.)", 0, None), ("2.", "Bar", 0, None)]),
        # Roman-numbered section headings (Coreper) are sections, not items nor wrapped titles;
        # "I." is a letter label while an upper-case list is open
        ("I. Procedural items\n1. Adoption\nII. Discussion items (II)\n2. Briefing\n   a) One\nIII. Other\n3. AOB",
         [("1.", "Adoption", 0, None), ("2.", "Briefing", 0, None), ("a)", "One", 1, 1), ("3.", "AOB", 0, None)]),
        ("A. One\nB. Two\nC. Three\nD. Four\nE. Five\nF. Six\nG. Seven\nH. Eight\nI. Nine\nJ. Ten",
         [(letter + ".", word, 0, None) for letter, word in zip("ABCDEFGHIJ", ["One", "Two", "Three", "Four", "Five",
                                                                          "Six", "Seven", "Eight", "Nine", "Ten"])]),
        # a label alone on its line (a PDF table) takes the next line as its title
        ("1.\nAdoption of the agenda\n2.\n\nAOB", [("1.", "Adoption of the agenda", 0, None), ("2.", "AOB", 0, None)]),
    ],
)
def test_structure(text, expected):
    assert outline(parse_text(text, "t.txt")) == expected


def test_roman_numbered_headings_are_the_sections():
    parsed = parse_text("I. Procedural items\n1. Adoption\nII. Discussion items (II)\n2. Briefing\n3. Other\n"
                        "III. Other items\n4. AOB", "t.txt")
    assert [(i.number, i.section) for i in parsed.items] == [
        ("1.", "I. Procedural items"), ("2.", "II. Discussion items (II)"), ("3.", "II. Discussion items (II)"),
        ("4.", "III. Other items")]


def test_the_next_roman_section_is_a_heading_even_right_after_an_item():
    parsed = parse_text("I. Preliminary\n1. Opening\nII. Discussion\n2. Foo\nIV. Other\n3. Baz\n"
                        "V. Any other business\n4. AOB", "t.txt")
    assert [(i.number, i.section) for i in parsed.items] == [
        ("1.", "I. Preliminary"), ("2.", "II. Discussion"), ("3.", "IV. Other"), ("4.", "V. Any other business")]


def test_an_initial_that_wraps_a_title_is_not_a_roman_heading():
    parsed = parse_text("1. Opening\n2. Report by the Treasurer, presented by\nV. Smith (for information)\n3. AOB", "t.txt")
    assert {i.section for i in parsed.items} == {""}


def test_references_on_their_own_lines_go_to_the_item_above():
    parsed = parse_text("6.1. Threat\n13682/21\n\ndoc. 13683/21 + ADD 1\n6.2. Checks\nWK 14408/19", "t.txt")
    assert [i.doc_refs for i in parsed.items] == [["13682/21", "13683/21 + ADD 1"], ["WK 14408/19"]]


def test_presenter_on_the_next_line():
    item = parse_text("5. Drones\n– Presentation by the Commission\n", "t.txt").items[0]
    assert (item.title, item.presenter, item.mode) == ("Drones", "Commission", "Presentation")


def test_two_suffix_lines_keep_both_modes():
    """The second of "– Briefing by Belgium" / "Exchange of views" was dropped."""
    drones, aob = parse_text("5. Drones – Briefing by Belgium\nExchange of views\n6. AOB\n", "t.txt").items
    assert (drones.title, drones.presenter, drones.mode) == ("Drones", "Belgium", "Briefing and exchange of views")
    assert aob.mode == ""


def test_a_suffix_line_with_its_document_stays_with_the_item():
    """FORMAT.md: "– Exchange of views (14213/24)" on a line of its own is not a sub-item."""
    (drones,) = parse_text("5. Drones\n– Briefing by Belgium\n– Exchange of views (14213/24)\n", "t.txt").items
    assert (drones.mode, drones.presenter, drones.doc_refs) == ("Briefing and exchange of views", "Belgium", ["14213/24"])


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("NOTICE OF MEETING AND PROVISIONAL AGENDA\nCM 5119/21", "agenda_ref", "CM 5119/21"),
        ("Terrorism Working Party (TWP)", "short_name", "TWP"),
        ("COREPER (Part 2)", "short_name", ""),  # a number: not a name
        ("Committee of Permanent Representatives (Coreper)", "short_name", "Coreper"),
        ("Standing Committee (COSI SG)", "short_name", "COSI SG"),
        ("To: Terrorism Working Party", "committee", "Terrorism Working Party"),
        ("To: Delegations\nSubject: Terrorism Working Party", "committee", "Terrorism Working Party"),
        ("Date: 22 and 23 November 2021", "end_date", date(2021, 11, 23)),
        ("Date: Monday 22 November 2021, 10.00", "time", "10.00"),
        ("Place: Brussels\nFormat: 1+2", "place", "Brussels"),
        ("Brussels, 8 November 2021\nDate: 22/11/2021", "meeting_date", date(2021, 11, 22)),
    ],
)
def test_header(header, field, value):
    parsed = parse_text(f"{header}\n\n1. Adoption of the agenda\n", "t.txt")
    assert getattr(parsed.details, field) == value


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("\n\n   \n", 1, "empty"),
        ("COSI\nDate: 22 November 2021\nNothing numbered here.\n\n", 3, "no agenda items"),
        ("COSI\nDate: 32 November 2021\n1. Adoption", 2, "not a date"),
        ("1. Adoption\n2.\n\n3. AOB", 2, "item 2. has no title"),
        ("x\n1. Foo\n" + ("word " * 900 + "\n") * 2, 2, "item 1. runs on for pages"),
    ],
)
def test_malformed_files_name_the_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert f"bad.txt:{line}: " in str(caught.value)
    assert message in str(caught.value)


def test_control_characters_and_pdf_spaces_are_harmless():
    parsed = parse_text("\ufeff1.\xa0Adoption\x00 of the\x0cagenda\r\n2.\tAOB\x1b[0m\r\n", "t.txt")
    assert [i.title for i in parsed.items] == ["Adoption of the agenda", "AOB [0m"]


BOTH = [parse_text, lambda text, source: parse_markdown(text, source)]


@pytest.mark.parametrize("parse", BOTH)
def test_a_roman_line_with_no_numbered_item_after_it_is_an_item(parse):
    """Coreper's "II. Discussion items" heads the items "1.", "2." after it; an agenda numbered
    I., II., III. (or "II." with sub-items "a)", "b)") has its items there. None may be lost."""
    text = ("I. Adoption of the agenda\nII. Information from the Presidency\n   a) Outcome of the JHA Council\n"
            "   b) Upcoming events\nIII. Threat assessment\n   1.1.1 Jihadist threat\n"
            "IV. Europol TE-SAT report\n   WK 286/20\nV. Procedural items\n1. Minutes\nAOB")
    parsed = parse(text, "t")
    assert outline(parsed) == [
        ("I.", "Adoption of the agenda", 0, None), ("II.", "Information from the Presidency", 0, None),
        ("a)", "Outcome of the JHA Council", 1, 1), ("b)", "Upcoming events", 1, 1), ("III.", "Threat assessment", 0, None),
        ("1.1.1", "Jihadist threat", 1, 4), ("IV.", "Europol TE-SAT report", 0, None), ("1.", "Minutes", 0, None),
        ("", "AOB", 0, None),
    ]
    assert parsed.items[6].doc_refs == ["WK 286/20"]
    assert [i.section for i in parsed.items] == [""] * 7 + ["V. Procedural items"] * 2


@pytest.mark.parametrize("parse", BOTH)
def test_aob_on_a_line_of_its_own_and_its_points(parse):
    """A bare "AOB" after the items is an item, not the end of the last title; under AOB each dash
    line is a point of its own, even one worded like a presenter ("Information from the Commission")."""
    parsed = parse("1. Adoption of the agenda\n2. Schengen evaluation, CM 5119/21\nAOB\n"
                   "   – Information from the Commission\n   – Information from the Presidency", "t")
    assert outline(parsed) == [
        ("1.", "Adoption of the agenda", 0, None), ("2.", "Schengen evaluation", 0, None), ("", "AOB", 0, None),
        ("–", "Information from the Commission", 1, 2), ("–", "Information from the Presidency", 1, 2),
    ]
    assert [(i.presenter, i.mode) for i in parsed.items[3:]] == [("Commission", "Information"), ("Presidency", "Information")]



@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("text", "expected", "sections"),
    [
        # sub-headings under a Roman section are the sections; a Roman line last is an item of its own
        ("1. Approval of the agenda\n\nII. Discussion items\nJustice and Home Affairs:\n2. JHA Council\n\n"
         "III. Items for information\nEconomic and Financial Affairs:\n3. ECOFIN\nIV. ANY OTHER BUSINESS",
         [("1.", "Approval of the agenda", 0, None), ("2.", "JHA Council", 0, None), ("3.", "ECOFIN", 0, None),
          ("IV.", "ANY OTHER BUSINESS", 0, None)],
         ["", "Justice and Home Affairs", "Economic and Financial Affairs", "Economic and Financial Affairs"]),
        # a Roman line goes on on the next when it ends open, or that line starts in lower case
        ("I. Adoption of the agenda\nII. Approval of the minutes of the meeting held on\n12 October 2025\n"
         "III. Information on the state of\nplay of the negotiations\na) Drones",
         [("I.", "Adoption of the agenda", 0, None), ("II.", "Approval of the minutes of the meeting held on 12 October 2025", 0, None),
          ("III.", "Information on the state of play of the negotiations", 0, None), ("a)", "Drones", 1, 2)],
         ["", "", "", ""]),
        # letters under Roman items; the next Roman number is not a letter
        ("IV. Elections\nA. Chair\nB. Treasurer\nV. Closing\nA. Date of next meeting",
         [("IV.", "Elections", 0, None), ("A.", "Chair", 1, 0), ("B.", "Treasurer", 1, 0), ("V.", "Closing", 0, None),
          ("A.", "Date of next meeting", 1, 3)],
         ["", "", "", "", ""]),
        # an initial after a title that ended open goes on with it
        ("1. Opening\n2. Presentation of the study by\nI. Ivanova\n3. Close",
         [("1.", "Opening", 0, None), ("2.", "Presentation of the study by I. Ivanova", 0, None), ("3.", "Close", 0, None)],
         ["", "", ""]),
        # "other business" going on with a wrapped title is not AOB
        ("1. Opening\n2. Preparation: state of play and\nother business\n3. Drones",
         [("1.", "Opening", 0, None), ("2.", "Preparation: state of play and other business", 0, None), ("3.", "Drones", 0, None)],
         ["", "", ""]),
        # AOB: its points, a line of references (the last point's), then a numbered item again
        ("1. Adoption\n3. AOB\n– Drones: Information by the Presidency\n– Presentation by the Commission\n– (WK 1234/24)\n4. Next meeting",
         [("1.", "Adoption", 0, None), ("3.", "AOB", 0, None), ("–", "Drones", 1, 1),
          ("–", "Presentation by the Commission", 1, 1), ("4.", "Next meeting", 0, None)],
         ["", "", "", "", ""]),
        # an AOB line before numbered items is their section
        ("1. Adoption\n\nAny other business:\n3. Drones – Information by the Presidency",
         [("1.", "Adoption", 0, None), ("3.", "Drones", 0, None)], ["", "Any other business"]),
        # and with points, an item: "Any other business (AOB)"
        ("1. Adoption\n\nAny other business (AOB)\n– Drones: Information by the Presidency",
         [("1.", "Adoption", 0, None), ("", "Any other business (AOB)", 0, None), ("–", "Drones", 1, 1)], ["", "", ""]),
        # a Roman line's first dash line is its presenter, as an item's is
        ("I. Europol report\n– Presentation by Europol\nII. Drones",
         [("I.", "Europol report", 0, None), ("II.", "Drones", 0, None)], ["", ""]),
    ],
)
def test_roman_and_aob_lines_decided_by_what_follows(parse, text, expected, sections):
    parsed = parse(text, "t")
    assert outline(parsed) == expected
    assert [i.section for i in parsed.items] == sections


def test_references_under_an_aob_point_and_a_line_indented_under_it():
    parsed = parse_text("1. Adoption\nAOB\n- Drones\n  - Information by the Presidency\n- WK 1234/24", "t")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("", "AOB", 0, None), ("-", "Drones", 1, 1)]
    assert (parsed.items[2].presenter, parsed.items[2].doc_refs) == ("Presidency", ["WK 1234/24"])


def test_a_description_under_a_roman_section_leaves_it_a_section():
    text = ("I. Non-legislative activities\n\nThe documents are listed in CM 2345/24.\n\n1. Adoption\n2. Europol report\n\n"
            "II. Legislative deliberations\n\nThe Presidency will present the text (WK 1234/24).\n\n3. E-evidence")
    parsed = parse_markdown(text, "t.md")
    assert [(i.number, i.section) for i in parsed.items] == [
        ("1.", "I. Non-legislative activities"), ("2.", "I. Non-legislative activities"), ("3.", "II. Legislative deliberations")]


def test_bold_aob_with_points_is_an_item():
    parsed = parse_markdown("1. Adoption\n\n**AOB**\n\n- Drones: Information by the Presidency", "t.md")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("", "AOB", 0, None), ("", "Drones", 1, 1)]
