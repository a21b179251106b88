"""Plain text pasted from a Council notice of meeting: furniture, wrapped lines, notes."""

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown, parse_text

from test_agenda_markdown import COSI_PARENTS, COSI_REFS, COSI_TITLES, outline, rows

SAMPLES = Path(__file__).parent.parent / "sample_agendas"


def test_cosi_paste_gives_the_same_agenda_as_the_markdown():
    parsed = load_agenda(SAMPLES / "cosi-2021-11-22.txt")
    titles = [(i.number, i.title) for i in parsed.items]
    assert titles == COSI_TITLES  # "(poss.)" is item 9's mode, as the reference's heading has no "(poss.)"
    assert parsed.items[13].mode == "poss."
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
     "CM 3666/1/19 REV 1 RS/ad 2", "DG D 1 A EN", "2", "________________",
     # fields that stand apart, as pdftotext and Word lay them out; page numbers
     "CM 1234/24  JB/mk  1", "JAI.1  LIMITE  EN", "CM 1234/24\tJB/mk\t1", "JAI.1\t\tLIMITE\tEN", "- 2 -", "Page 2 of 2",
     # a page's number in capitals or as a fraction; a footer without the typist's initials
     "PAGE 2 OF 5", "2/5", "14342/21 2", "CM 5119/21 2 JAI.1 LIMITE EN"],
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
         [("1.", "Foo", 0, None), ("2.", "Bar", 0, None)]),
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


@pytest.mark.parametrize("parse", [parse_text, parse_markdown])
def test_in_an_agenda_of_two_days_each_day_heads_its_items(parse):
    """FORMAT.md 2.11 (the HDG agenda of 21 and 22 January 2020, a start time per day)."""
    parsed = parse("Horizontal Working Party on Drugs\n\nDate: 21 and 22 January 2020\n\nTuesday 21 January 2020 (10.00)\n\n"
                   "1. Adoption of the agenda\n2. Work programme\n\nWednesday 22 January 2020 (9.30)\n\n3. Drug policy dialogue\n", "t")
    assert (parsed.details.meeting_date, parsed.details.end_date) == (date(2020, 1, 21), date(2020, 1, 22))
    assert [(i.number, i.section) for i in parsed.items] == [
        ("1.", "Tuesday 21 January 2020 (10.00)"), ("2.", "Tuesday 21 January 2020 (10.00)"), ("3.", "Wednesday 22 January 2020 (9.30)")]


def test_the_day_of_a_one_day_meeting_is_its_date_not_a_section():
    parsed = parse_text("Working Party on Terrorism\n\nThursday 14 March 2024 (10.00)\n\n1. Adoption of the agenda\n", "t.txt")
    assert (parsed.details.meeting_date, parsed.details.time, parsed.items[0].section) == (date(2024, 3, 14), "10.00", "")


def test_session_headings_are_the_sections_even_before_the_first_item():
    """FORMAT.md 2.11: a morning and an afternoon session in one agenda (file 03)."""
    parsed = parse_text("Working Party on Terrorism\nDate: 14 March 2024\n\nJoint TWP/COTER (Morning session 10.00-13.00)\n\n"
                        "1. Adoption of the agenda for the morning\n2. Threat assessment\n\n"
                        "TWP (Afternoon session 14.30-17.30)\n\n3. AOB\n\nProvisional agenda for the 3950th session\n", "t.txt")
    assert parsed.details.committee == "Working Party on Terrorism"
    assert [(i.number, i.section) for i in parsed.items] == [
        ("1.", "Joint TWP/COTER (Morning session 10.00-13.00)"), ("2.", "Joint TWP/COTER (Morning session 10.00-13.00)"),
        ("3.", "TWP (Afternoon session 14.30-17.30)")]


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


def test_a_coreper_mode_line_under_an_item_is_its_mode():
    (moldova,) = parse_text("2. Council Decision on the agreement with Moldova\n   Adoption of the legislative act\n"
                            "   12919/23 + ADD 1\n", "t.txt").items
    assert (moldova.title, moldova.mode, moldova.doc_refs) == (
        "Council Decision on the agreement with Moldova", "Adoption of the legislative act", ["12919/23 + ADD 1"])


def test_coreper_mode_lines_under_an_item_are_its_mode():
    """Coreper's "– Preparation for the trilogue" said what was to be done with the item, as
    "– Progress report" does; it became a sub-item holding the item's documents."""
    text = ("1. Regulation on screening\n\t– Preparation for the trilogue\n\tST 12919/23 + ADD 1\n"
            "2. Directive on violence against women\n\t– Mandate for negotiations with the European Parliament\n"
            "3. Migrant smuggling\n      –   Examination of the Presidency compromise text\n"
            "4. Packaging\n   – Analysis of the final compromise text with a view to agreement\n"
            "6. Preparation of the European Council\n\t– Annotated draft conclusions\n\tST 13512/23\n"
            "7. Any other business\n\t– Information from the Presidency\n")
    parsed = parse_text(text, "t.txt")
    assert [(i.number, i.mode) for i in parsed.items] == [
        ("1.", "Preparation for the trilogue"), ("2.", "Mandate for negotiations with the European Parliament"),
        ("3.", "Examination of the Presidency compromise text"),
        ("4.", "Analysis of the final compromise text with a view to agreement"),
        ("6.", "Annotated draft conclusions"), ("7.", ""), ("–", "Information")]  # a point of AOB stays one
    assert [i.doc_refs for i in parsed.items[:2]] == [["ST 12919/23 + ADD 1"], []]
    assert parsed.items[4].doc_refs == ["ST 13512/23"]


@pytest.mark.parametrize(
    ("line", "refs"),
    [("WK 1234/2024 INIT", ["WK 1234/2024 INIT"]), ("PE-CONS 3637/24", ["PE-CONS 3637/24"]),
     ("ST 14342/21 LIMITE", ["ST 14342/21"]), ("567/24", ["567/24"])],  # not page 567 of 24
)
def test_reference_lines_of_every_form_go_to_the_item(line, refs):
    """They were glued to the presenter ("Eurojust WK 1234/2024 INIT"), dropped, or kept in the title."""
    (item,) = parse_text(f"3) European Investigation Order – Presentation by Eurojust\n\t{line}\n", "t.txt").items
    assert (item.title, item.presenter, item.doc_refs) == ("European Investigation Order", "Eurojust", refs)


def test_a_table_pasted_from_word():
    """"1<TAB>Adoption of the agenda<TAB>CM 2001/24" gave "no agenda items found"."""
    parsed = parse_text("Working Party on Public Health\nDate: 9 April 2024\n\n1\tAdoption of the agenda\tCM 2001/24\n"
                        "2\tPharmaceutical package – Presentation by the Commission\tST 8012/24\n3\tAOB\n", "t.txt")
    assert [(i.number, i.title, i.doc_refs, i.presenter) for i in parsed.items] == [
        ("1", "Adoption of the agenda", ["CM 2001/24"], ""), ("2", "Pharmaceutical package", ["ST 8012/24"], "Commission"),
        ("3", "AOB", [], "")]


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
        ("Working Party on Terrorism\nDate: 14 March 2024", "committee", "Working Party on Terrorism"),
        ("Council of the European Union\nBrussels, 2 February 2024", "committee", ""),  # the letterhead
        ("Date: 22 and 23 November 2021", "end_date", date(2021, 11, 23)),
        ("Date: Monday 22 November 2021, 10.00", "time", "10.00"),
        ("Place: Brussels\nFormat: 1+2", "place", "Brussels"),
        # a header the app does not keep goes on with no field before it
        ("Subject: Terrorism Working Party\nInterinstitutional File: 2023/0226 (COD)", "committee", "Terrorism Working Party"),
        ("Subject: Terrorism Working Party\nInterinstitutional File: 2023/0226 (COD)", "short_name", ""),
        # the Council's own agenda: the meeting's line, the configuration in brackets, the building
        ("3992nd meeting of the COUNCIL OF THE EUROPEAN UNION\n(Competitiveness)", "committee", "Council (Competitiveness)"),
        ("3992nd meeting of the COUNCIL OF THE EUROPEAN UNION\n(Competitiveness)", "short_name", ""),
        ("Council of the European Union\nEuropean Convention Center Luxembourg", "place", "European Convention Center Luxembourg"),
        ("5301/24\nOJ CONS 3\nAGRI 12", "agenda_ref", "5301/24"),
        ("Brussels, 8 November 2021\nDate: 22/11/2021", "meeting_date", date(2021, 11, 22)),
        # a day written without "Date:", but not the notice's "Brussels, <date>"
        ("Working Party on Terrorism (TWP)\nThursday 14 March 2024 (10.00)", "meeting_date", date(2024, 3, 14)),
        ("Working Party on Terrorism (TWP)\nThursday 14 March 2024 (10.00)", "time", "10.00"),
        ("Meeting of the Working Party on Terrorism\non 22 and 23 November 2021", "end_date", date(2021, 11, 23)),
        ("Meeting of the Working Party on Terrorism\non 22 and 23 November 2021", "committee", "Working Party on Terrorism"),
        ("Meeting of the COSI Support Group on 5 May 2025", "committee", "COSI Support Group"),
        ("Meeting of the COSI Support Group on 5 May 2025", "meeting_date", date(2025, 5, 5)),
        ("Brussels, Monday 22 November 2021\nCOSI Support Group", "meeting_date", None),
        ("Room 50.4 on 3 floors", "meeting_date", None),
        # a line in brackets is never the committee: "(OR. en)" is the language, "(Part 2)" goes on with the name
        ("Brussels, 28 February 2024\n(OR. en)\nCM 1734/24\nTo: Terrorism Working Party (TWP)", "committee",
         "Terrorism Working Party (TWP)"),
        ("Brussels, 28 February 2024\n(OR. fr)", "language", "fr"),
        ("PROVISIONAL AGENDA\n\nPERMANENT REPRESENTATIVES COMMITTEE\n(Part 2)\n\nJustus Lipsius building", "committee",
         "PERMANENT REPRESENTATIVES COMMITTEE (Part 2)"),
        ("(Part 2)\n\nTo: Coreper", "committee", "Coreper"),
        ("Venue: Justus Lipsius\n(room 50.4)", "place", "Justus Lipsius, (room 50.4)"),
        ("CM 1734/24\nLIMITE\nCOTER", "classification", "LIMITE"),
        # a meeting over two days, as dateutil misread it (15 March 2014)
        ("Date: 14/15 March 2024", "meeting_date", date(2024, 3, 14)),
        ("Date: 14th-15th March 2024", "end_date", date(2024, 3, 15)),
        # a UN body's name: a Commission on ..., below the organ it reports to; not the EU's institution
        ("Commission on the Status of Women\nSixty-ninth session\n10–21 March 2025", "committee",
         "Commission on the Status of Women"),
        ("COMMISSION ON THE STATUS OF WOMEN\nSixty-ninth session", "committee", "COMMISSION ON THE STATUS OF WOMEN"),
        ("United Nations\nEconomic and Social Council\nStatistical Commission\nFifty-sixth session", "committee",
         "Statistical Commission"),
        ("Committee on Economic, Social and Cultural Rights\nSeventy-seventh session", "committee",
         "Committee on Economic, Social and Cultural Rights"),
        ("European Commission\nMeeting of the Working Party on Terrorism", "committee", "Working Party on Terrorism"),
        ("Commission proposal for a Regulation on drones", "committee", ""),
        # a US date alone on its line: weekday, month first, maybe a time; not the notice's place and date
        ("Working Party on Terrorism\nTuesday, March 4, 2025", "meeting_date", date(2025, 3, 4)),
        ("Working Party on Terrorism\nTue., Mar. 4, 2025, 7:00 PM", "time", "7:00 PM"),
        ("Working Party on Terrorism\nBrussels, March 4, 2025", "meeting_date", None),
        # what says it is an agenda is no part of the name
        ("Working Party on Terrorism (TWP) – Provisional agenda", "committee", "Working Party on Terrorism (TWP)"),
        ("Working Party on Terrorism (TWP) – Provisional agenda", "short_name", "TWP"),
        ("Draft agenda - Working Party on Terrorism", "committee", "Working Party on Terrorism"),
        # a UN document: the date under "Distr.: General" is when it was issued, the session's follows
        ("Economic and Social Council\tDistr.: General\n20 December 2024\n\nCommission on the Status of Women\n"
         "Sixty-ninth session\n10–21 March 2025", "meeting_date", date(2025, 3, 10)),
        ("Economic and Social Council\tDistr.: General\n20 December 2024\n\nCommission on the Status of Women\n"
         "10–21 March 2025", "issue_date", date(2024, 12, 20)),
        # a place and a session's days; a place and one day is the notice's date
        ("Commission on Narcotic Drugs\nVienna, 19–23 May 2025", "end_date", date(2025, 5, 23)),
        ("Commission on Narcotic Drugs\nVienna, 19–23 May 2025", "place", "Vienna"),
        ("Working Party on Terrorism\nBrussels, 8 November 2021", "meeting_date", None),
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
        ("COSI\nDate: 14 15 March 2024\n1. Adoption", 2, "unclear date"),  # not 15 March 2014
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


# --- labels the reviewer's agendas used ------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
def test_item_n_lines_are_items_beside_plainly_numbered_ones(parse):
    """"Item 1." / "Item 2." before "3." were dropped in Markdown; in a paste "Item 5 AOB" was glued to
    the item above. "Item N", "Point N", "Agenda item N" number an item as "N." does."""
    text = ("# COPEN\n\nItem 1. Adoption of the agenda\nItem 2: Information from the Presidency\n\n"
            "3. Proposal for a Regulation on the transfer of proceedings in\ncriminal matters\n(6012/24, 5853/1/12 REV 1)\n"
            "Point 4 E-evidence\n  a) Implementation of the Regulation\n  b) Digital exchange system (WK 1234/2024)\n"
            "Agenda item 5 AOB")
    assert rows(parse(text, "t")) == [
        ("1.", "Adoption of the agenda", 0, "", []),
        ("2.", "Information from the Presidency", 0, "", []),
        ("3.", "Proposal for a Regulation on the transfer of proceedings in criminal matters", 0, "",
         ["6012/24", "5853/1/12 REV 1"]),
        ("4.", "E-evidence", 0, "", []),
        ("a)", "Implementation of the Regulation", 1, "", []),
        ("b)", "Digital exchange system", 1, "", ["WK 1234/2024"]),
        ("5.", "AOB", 0, "", []),
    ]


def test_a_paste_that_starts_with_item_n_keeps_every_item():
    """The first "Item 1 ..." lines were read as header lines and lost."""
    parsed = parse_text("Committee X (CX)\nDate: 1 March 2024\n\nItem 1 Adoption of the agenda\nItem 2 Budget\nItem 3 AOB", "t.txt")
    assert rows(parsed) == [("1.", "Adoption of the agenda", 0, "", []), ("2.", "Budget", 0, "", []), ("3.", "AOB", 0, "", [])]
    assert parsed.details.committee == "Committee X (CX)"


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "4.a)" is letter a) under item 4, indented or not; siblings no longer merge into one title
        ("4. Entry/Exit System\n   4.a) Readiness of Member States\n   4.b) Readiness of eu-LISA\n5. AOB",
         [("4.", "Entry/Exit System", 0, None), ("4.a)", "Readiness of Member States", 1, 0),
          ("4.b)", "Readiness of eu-LISA", 1, 0), ("5.", "AOB", 0, None)]),
        ("1. Adoption\n3. Budget\n3.a) Revenue\n3.b) Spending\n4. AOB",
         [("1.", "Adoption", 0, None), ("3.", "Budget", 0, None), ("3.a)", "Revenue", 1, 1), ("3.b)", "Spending", 1, 1),
          ("4.", "AOB", 0, None)]),
        # lower-case Roman numerals under a letter, indented or not
        ("5. Frontex annual report\n   (a) Operational part\n   (b) Financial part\n       (i) Budget implementation\n"
         "       (ii) Audit findings\n       (iii) Follow-up\n6. AOB",
         [("5.", "Frontex annual report", 0, None), ("(a)", "Operational part", 1, 0), ("(b)", "Financial part", 1, 0),
          ("(i)", "Budget implementation", 2, 2), ("(ii)", "Audit findings", 2, 2), ("(iii)", "Follow-up", 2, 2),
          ("6.", "AOB", 0, None)]),
        ("5. Frontex\n(a) One\n(b) Two\n(i) Three\n(ii) Four\n6. AOB",
         [("5.", "Frontex", 0, None), ("(a)", "One", 1, 0), ("(b)", "Two", 1, 0), ("(i)", "Three", 2, 2),
          ("(ii)", "Four", 2, 2), ("6.", "AOB", 0, None)]),
        # ... but "i)" after "h)" is the next letter
        ("1. Points\n" + "\n".join(f"{letter}) {letter.upper()}" for letter in "ghij"),
         [("1.", "Points", 0, None)] + [(f"{letter})", letter.upper(), 1, 0) for letter in "ghij"]),
        # a number counts on whatever its punctuation: "4)" after "3." is item 4, "4.1)" its sub-item
        ("3. Cross-border hot pursuit\n4) Europol regulation recast\n4.1) Data processing\n4.2) Information exchange\n5. AOB",
         [("3.", "Cross-border hot pursuit", 0, None), ("4)", "Europol regulation recast", 0, None),
          ("4.1)", "Data processing", 1, 1), ("4.2)", "Information exchange", 1, 1), ("5.", "AOB", 0, None)]),
        # a new list under an item still starts at its first number
        ("3. Europol\n1) Data\n2) Exchange\n4. AOB",
         [("3.", "Europol", 0, None), ("1)", "Data", 1, 0), ("2)", "Exchange", 1, 0), ("4.", "AOB", 0, None)]),
    ],
)
def test_sub_item_labels(parse, text, expected):
    assert outline(parse(text, "t")) == expected


# --- section headings without a colon (FORMAT.md section 2.5) ---------------------------------------


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Frontiers and IMEX agendas' own headings, on lines of their own between items
        ("1. Adoption of the agenda\n\nCOMIX items\n\n3. Schengen Borders Code\n4. Entry/Exit System\n\nOther issues\n\n"
         "5. Frontex\n6. AOB",
         [("1.", "Adoption of the agenda", 0, "", []), ("3.", "Schengen Borders Code", 0, "COMIX items", []),
          ("4.", "Entry/Exit System", 0, "COMIX items", []), ("5.", "Frontex", 0, "Other issues", []),
          ("6.", "AOB", 0, "Other issues", [])]),
        # a heading that names a group of items needs no blank line around it
        ("A items\n1. Approval of the minutes\nB items\n2. Discussion on mutual recognition",
         [("1.", "Approval of the minutes", 0, "A items", []), ("2.", "Discussion on mutual recognition", 0, "B items", [])]),
        # Coreper's parts
        ("PART I (A items)\n\n1. Approval of the agenda\n\n\"I\" items\n\n2. Council Decision on Moldova\n   12919/23 + ADD 1\n\n"
         "II (B items)\n\n3. Preparation for the JHA Council\n   a. Schengen governance",
         [("1.", "Approval of the agenda", 0, "PART I (A items)", []),
          ("2.", "Council Decision on Moldova", 0, '"I" items', ["12919/23 + ADD 1"]),
          ("3.", "Preparation for the JHA Council", 0, "II (B items)", []),
          ("a.", "Schengen governance", 1, "II (B items)", [])]),
        # a line indented under an item describes it
        ("2. Council Decision\n\n   Adoption of the legislative act\n\n3. Next",
         [("2.", "Council Decision", 0, "", []), ("3.", "Next", 0, "", [])]),
        # a sentence between items is no heading; a title left open goes on, even with "items"
        ("1. Foo\n\nDelegations are invited to register.\n\n2. Preparation of the\nA items\n3. Bar",
         [("1.", "Foo", 0, "", []), ("2.", "Preparation of the A items", 0, "", []), ("3.", "Bar", 0, "", [])]),
    ],
)
def test_headings_without_a_colon(parse, text, expected):
    assert rows(parse(text, "t")) == expected


def test_a_plain_heading_line_in_markdown_and_an_indented_description():
    text = ("# FRONT\n\n1. Adoption of the agenda\n\n   Written procedure (see the notice)\n\nCOMIX items\n\n"
            "3. Schengen Borders Code\n\n**Other issues**\n\n5. Frontex")
    assert rows(parse_markdown(text, "t.md")) == [
        ("1.", "Adoption of the agenda", 0, "", []), ("3.", "Schengen Borders Code", 0, "COMIX items", []),
        ("5.", "Frontex", 0, "Other issues", [])]


# --- a dash line that only names a document -------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # right under an item: its documents, each with its name, not sub-items to step through
        ("3. Annual accounts 2025 – Presentation by the CFO\n   - Auditor's report (BD 2026/03)\n"
         "   - Management letter: BD 2026/05\n4. Fleet renewal plan",
         [("3.", "Annual accounts 2025", 0, "", ["BD 2026/03 (Auditor's report)", "BD 2026/05 (Management letter)"]),
          ("4.", "Fleet renewal plan", 0, "", [])]),
        # one bullet with a topic of its own keeps them all sub-items (the reviewer's mutual evaluations)
        ("2. Tenth round of mutual evaluations\n   – Final report on Germany (7001/25)\n   – Final report on France\n"
         "   – Draft recommendations (7002/25)",
         [("2.", "Tenth round of mutual evaluations", 0, "", []), ("–", "Final report on Germany", 1, "", ["7001/25"]),
          ("–", "Final report on France", 1, "", []), ("–", "Draft recommendations", 1, "", ["7002/25"])]),
        # ... and so does a report on a topic, even when every bullet has its reference
        ("2. Mutual evaluations\n   – Final report on Germany (7001/25)\n   – Final report on France (7003/25)",
         [("2.", "Mutual evaluations", 0, "", []), ("–", "Final report on Germany", 1, "", ["7001/25"]),
          ("–", "Final report on France", 1, "", ["7003/25"])]),
        # a topic with its paper, a lettered line, or a line after a dash sub-item stay sub-items
        ("3. Schengen\n   – Readiness of Member States (WK 1234/24)\n   – Draft report (WK 1235/24)\n"
         "4. Accounts\n   a) Auditor's report (BD 2026/03)",
         [("3.", "Schengen", 0, "", []), ("–", "Readiness of Member States", 1, "", ["WK 1234/24"]),
          ("–", "Draft report", 1, "", ["WK 1235/24"]), ("4.", "Accounts", 0, "", []),
          ("a)", "Auditor's report", 1, "", ["BD 2026/03"])]),
        # AOB's points stay points; "Report by Europol" names the presenter, as before
        ("5. AOB\n   – Annual report (WK 123/24)\n6. Drones\n   – Report by Europol (WK 124/24)",
         [("5.", "AOB", 0, "", []), ("–", "Annual report", 1, "", ["WK 123/24"]), ("6.", "Drones", 0, "", ["WK 124/24"])]),
    ],
)
def test_a_dash_line_naming_a_document(parse, text, expected):
    assert rows(parse(text, "t")) == expected


@pytest.mark.parametrize("parse", BOTH)
def test_a_line_giving_only_the_day_is_the_meeting_date_not_the_committee(parse):
    parsed = parse("Working Party on Terrorism (TWP)\n\nMonday, 4 March 2024\n\n1. Adoption of the agenda\n", "t")
    assert (parsed.details.committee, parsed.details.meeting_date) == ("Working Party on Terrorism (TWP)", date(2024, 3, 4))
    parsed = parse("Meeting of the Working Party on Terrorism on 4 March 2024\n\n1. Adoption of the agenda\n", "t")
    assert (parsed.details.committee, parsed.details.meeting_date) == ("Working Party on Terrorism", date(2024, 3, 4))


@pytest.mark.parametrize("parse", BOTH)
def test_a_classification_line_is_the_meetings_in_the_header_and_the_items_under_it(parse):
    parsed = parse("Working Party on Cyber Issues\nLIMITE\n\n1. Adoption of the agenda\n"
                   "2. Attribution of the campaign\n   RESTREINT UE/EU RESTRICTED\n3. AOB\n", "t")
    assert parsed.details.classification == "LIMITE"
    assert [(i.title, i.classification) for i in parsed.items] == [
        ("Adoption of the agenda", ""), ("Attribution of the campaign", "RESTREINT UE/EU RESTRICTED"), ("AOB", "")]


def test_a_council_agenda_pasted_from_its_pdf():
    """The Council's own provisional agenda (ST 5301/24): the meeting's line names the configuration, a
    building's line is the place, the section headings come right after items, "o / o o" ends it."""
    parsed = load_agenda(Path(__file__).parent / "data" / "council-agenda-agrifish-2024-01-23.txt")
    details = parsed.details
    assert (details.committee, details.short_name) == ("Council (Agriculture and Fisheries)", "")
    assert (details.place, details.meeting_date, details.time) == ("Justus Lipsius building, Brussels", date(2024, 1, 23), "10.00")
    assert details.agenda_ref == "5301/24"
    legislative = ("Legislative deliberations (Public deliberation in accordance with Article 16(8) of the Treaty on "
                   "European Union)")
    assert rows(parsed) == [
        ("1.", "Adoption of the provisional agenda", 0, "", []),
        ("2.", "Regulation on plants obtained by certain new genomic techniques", 0, legislative, ["5299/24"]),
        ("3.", "Any other business", 0, legislative, []),
        ("a)", "Situation in the agricultural sector following the war in Ukraine", 1, legislative, []),
        ("b)", "Outcome of the ministerial meeting on the bioeconomy (Berlin, 18 January 2024)", 1, legislative, []),
        ("4.", 'Approval of the list of "A" items', 0, "Non-legislative activities", ["5363/24"]),
        ("5.", "Market situation, in particular following the invasion of Ukraine", 0, "Non-legislative activities",
         ["5280/24"]),
    ]
    assert [(i.presenter, i.mode) for i in parsed.items] == [
        ("", ""), ("", "Progress report and approval"), ("", ""), ("Polish delegation", "Information"),
        ("German delegation", "Information"), ("", ""), ("", "Exchange of views")]


@pytest.mark.parametrize("parse", BOTH)
def test_council_section_headings_right_after_an_item(parse):
    parsed = parse("1. Adoption of the agenda\nLEGISLATIVE DELIBERATIONS\n2. Drones\nNon-legislative activities\n3. AOB", "t")
    assert rows(parsed) == [("1.", "Adoption of the agenda", 0, "", []), ("2.", "Drones", 0, "LEGISLATIVE DELIBERATIONS", []),
                            ("3.", "AOB", 0, "Non-legislative activities", [])]


@pytest.mark.parametrize("parse", BOTH)
def test_a_dash_suffix_under_a_lettered_aob_point_is_its_presenter(parse):
    parsed = parse("1. Adoption\n2. Any other business\na) Drones\n- Information from the Polish delegation\n"
                   "b) Boats\n- Information from the German delegation", "t")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("2.", "Any other business", 0, None),
                               ("a)", "Drones", 1, 1), ("b)", "Boats", 1, 1)]
    assert [i.presenter for i in parsed.items[2:]] == ["Polish delegation", "German delegation"]


def test_the_circles_close_the_agenda():
    parsed = parse_text("1. Adoption\n2. AOB\no\no o\nDuring the meeting, the following item is also scheduled:\n– Lunch", "t")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("2.", "AOB", 0, None)]


def test_a_footer_without_initials_inside_a_wrapped_title_is_dropped():
    parsed = parse_text("1. Draft conclusions on protecting public spaces from terrorist\nCM 1734/24 JAI.1 LIMITE EN\n1\n"
                        "attacks – Exchange of views\n2. AOB", "t")
    assert [(i.title, i.mode) for i in parsed.items] == [
        ("Draft conclusions on protecting public spaces from terrorist attacks", "Exchange of views"), ("AOB", "")]


def test_a_title_repeated_at_the_top_of_each_page_is_furniture():
    """A running header repeats a line of the first page's header: not a title, nor part of one."""
    running = "Provisional agenda – 14 March 2024"
    parsed = parse_text(
        f"{running}\nWorking Party on Terrorism\n\n1. Adoption of the\n14342/21 JV/kl 2\nJAI.1 LIMITE EN\n{running}\n"
        f"agenda\n2. Threat assessment\n\n{running}\n\n3. AOB", "t.txt")
    assert [(i.title, i.section) for i in parsed.items] == [("Adoption of the agenda", ""), ("Threat assessment", ""),
                                                           ("AOB", "")]


def test_footnote_markers_stuck_to_titles_are_dropped_where_the_footnote_is():
    parsed = parse_text(
        "Working Party on Terrorism\n\n1. Preparation of the Council meeting1\n2. EU counter-terrorism strategy 2\n"
        "3. Drones – Presentation by the Commission3\n4. Schengen evaluation Phase 2\n5. Regulation 2021/1234\n"
        "6. Schengen evaluation, phase 2\n7. Roadmap 8\n8. Security of 5G networks\n"
        "___________\n1 Possibly in restricted session.\n2 To be confirmed.\n3 Via videoconference.", "t.txt")
    assert [(i.title, i.presenter) for i in parsed.items] == [
        ("Preparation of the Council meeting", ""), ("EU counter-terrorism strategy", ""), ("Drones", "Commission"),
        ("Schengen evaluation Phase 2", ""), ("Regulation 2021/1234", ""), ("Schengen evaluation, phase 2", ""),
        ("Roadmap 8", ""),  # no footnote 8: a number of the title
        ("Security of 5G networks", "")]


def test_starred_lines_under_items_are_bullets_unless_a_title_bears_a_star():
    """An e-mail's "* " bullets are points of the item; "* Text" is a footnote only where a title is
    marked for it, or after the rule above the footnotes."""
    parsed = parse_text("1. Adoption\n2. Hybrid Toolbox – lessons learned\n* Presentation by the EEAS (Hybrid CoE study)\n"
                        "* Exchange of views\n3. FIMI\n* Rapid Alert System: 2024 activity report (WK 6001/2025)\n"
                        "* Elections in 2025\n4. AOB", "t.txt")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("2.", "Hybrid Toolbox – lessons learned", 0, None),
                               ("3.", "FIMI", 0, None), ("*", "Rapid Alert System: 2024 activity report", 1, 2),
                               ("*", "Elections in 2025", 1, 2), ("4.", "AOB", 0, None)]
    assert (parsed.items[1].presenter, parsed.items[1].mode) == ("EEAS (Hybrid CoE study)", "Presentation and exchange of views")
    assert parsed.items[3].doc_refs == ["WK 6001/2025"]
    for footnoted in ("1. Foo*\n2. Bar\n* Possibly in restricted session.", "1. Foo\n2. Bar\n_____\n* To be confirmed.",
                      "1. Foo\n2. Bar\n** To be confirmed."):
        assert [(i.number, i.level) for i in parse_text(footnoted, "t.txt").items] == [("1.", 0), ("2.", 0)]


@pytest.mark.parametrize("bullet", ["\uf0b7\t", "·\t", "o\t", "➢ ", "\t\uf0b7\t"])
def test_word_and_pdf_bullets_are_sub_items(bullet):
    parsed = parse_text(f"1. Adoption\n2. Reports\n{bullet}Report one\n{bullet}Report two\n3. AOB", "t.txt")
    assert [(i.title, i.level) for i in parsed.items] == [
        ("Adoption", 0), ("Reports", 0), ("Report one", 1), ("Report two", 1), ("AOB", 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8. Discussion Calendar\n8.A Budget adoption\n8.B Homelessness update\n9. Reports",
         [("8.", "Discussion Calendar", 0, None), ("8.A", "Budget adoption", 1, 0), ("8.B", "Homelessness update", 1, 0),
          ("9.", "Reports", 0, None)]),
        ("8. Discussion\n8A. Budget\n8B. Housing\n9. Reports",
         [("8.", "Discussion", 0, None), ("8A.", "Budget", 1, 0), ("8B.", "Housing", 1, 0), ("9.", "Reports", 0, None)]),
        # no item 4.1: "4.1.a" goes under item 4; "(1)" under the point it is indented under; a colon ends no section
        ("Item 4:\tTreasury\n\t4.1.a\tPolicy (Paper 4A)\n\t4.1.b\tLoan facility – resolutions:\n\t\t(1)\tto approve;\n"
         "\t\t(2)\tto authorise\nItem 5:\tRisk register",
         [("4.", "Treasury", 0, None), ("4.1.a", "Policy (Paper 4A)", 1, 0), ("4.1.b", "Loan facility – resolutions", 1, 0),
          ("(1)", "to approve", 2, 2), ("(2)", "to authorise", 2, 2), ("5.", "Risk register", 0, None)]),
        ("2. Digital\n2.1 AI\n2.1.a Act\n2.1.b Liability\n3. AOB",
         [("2.", "Digital", 0, None), ("2.1", "AI", 1, 0), ("2.1.a", "Act", 2, 1), ("2.1.b", "Liability", 2, 1),
          ("3.", "AOB", 0, None)]),
    ],
)
def test_compound_and_capital_sub_labels(text, expected):
    parsed = parse_text(text, "t.txt")
    assert outline(parsed) == expected
    assert {i.section for i in parsed.items} == {""}


def test_a_roman_numeral_alone_on_its_line_takes_the_next_line_as_its_heading():
    parsed = parse_text("To: Coreper (Part 2)\n\nI. Adoption of the agenda\n\nII.\n\nPreparation for the Council meeting\n\n"
                        "1. Directive on corruption\n2. AOB", "t.txt")
    assert [(i.number, i.title, i.section) for i in parsed.items] == [
        ("I.", "Adoption of the agenda", ""), ("1.", "Directive on corruption", "II. Preparation for the Council meeting"),
        ("2.", "AOB", "II. Preparation for the Council meeting")]


@pytest.mark.parametrize("heading", ["Annotations", "Explanatory notes", "Notes on the provisional agenda",
                                     "Annotations to the provisional agenda"])
def test_the_annotations_after_the_items_are_no_items(heading):
    parsed = parse_text("Provisional agenda and annotations\n\nProvisional agenda\n\n1.\tElection of officers.\n"
                        f"2.\tAdoption of the agenda.\n\n{heading}\n\n1.\tElection of officers\n"
                        "In accordance with rule 15, the Commission shall elect a Chair.\n2.\tAdoption of the agenda", "t.txt")
    assert [(i.number, i.title) for i in parsed.items] == [("1.", "Election of officers."), ("2.", "Adoption of the agenda.")]


@pytest.mark.parametrize(
    ("line", "presenter", "mode"),
    [
        ("Adoption of the legal act", "", "Adoption of the legal act"),
        ("General approach", "", "General approach"),
        ("Political agreement", "", "Political agreement"),
        ("Approval of the final compromise text with a view to agreement", "",
         "Approval of the final compromise text with a view to agreement"),
        # a presenter of more than 80 characters
        ("Information from the Hungarian delegation, supported by the Austrian, Czech and Slovak delegations",
         "Hungarian delegation, supported by the Austrian, Czech and Slovak delegations", "Information"),
    ],
)
def test_council_mode_and_long_presenter_lines_under_a_title(line, presenter, mode):
    for text in (f"1. Regulation on X\n{line}\n2. AOB", f"1. Regulation on X – {line}\n2. AOB"):
        item = parse_text(text, "t.txt").items[0]
        assert (item.title, item.presenter, item.mode) == ("Regulation on X", presenter, mode)


def test_a_reference_line_with_file_codes_is_the_items_references():
    parsed = parse_text("1. Regulation on child sexual abuse\nProgress report\n13422/24 JAI 1321 ENFOPOL 402 CRIMORG 117\n"
                        "2. Directive on corruption\n9876/24 JAI 12\n3. AOB", "t.txt")
    assert [(i.title, i.doc_refs, i.mode) for i in parsed.items] == [
        ("Regulation on child sexual abuse", ["13422/24"], "Progress report"), ("Directive on corruption", ["9876/24"], ""),
        ("AOB", [], "")]


def test_a_sentence_after_the_rule_does_not_go_on_with_the_last_title():
    parsed = parse_text("1. Adoption\n2. AOB\n    • OSCE Ministerial Council – information by the Presidency\n\n"
                        "_______________________\nDelegations are requested to send the names of their delegates by 7 April 2025.",
                        "t.txt")
    assert [(i.title, i.presenter, i.mode) for i in parsed.items] == [
        ("Adoption", "", "Adoption"), ("AOB", "", ""), ("OSCE Ministerial Council", "Presidency", "Information")]
