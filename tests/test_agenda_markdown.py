"""Markdown agendas: the COSI and Terrorism Working Party samples, then one rule per test."""

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown

SAMPLES = Path(__file__).parent.parent / "sample_agendas"

COSI_TITLES = [
    ("1.", "Adoption of the agenda"),
    ("2.", "Information by the Presidency"),
    ("3.", "EU migrant smuggling action plan: operational cooperation aspects"),
    ("4.", "COVID -19 recovery funds – role of law enforcement authorities to prevent infiltration by organised crime"),
    ("5.", "Counter-terrorism: priorities and way forward"),
    ("6.", "Counter-terrorism"),
    ("6.1.", "EU Threat assessment in the field of counterterrorism: recommendations"),
    ("6.2.", "Procedure for enhanced security checks on persons crossing or having crossed the EU's external "
             "borders following developments in Afghanistan"),
    ("7.", "Digital"),
    ("7.1.", "AI Act"),
    ("7.2.", "Encryption"),
    ("7.3.", "EU Innovation Hub for internal security - confirmation of the composition of the Steering group"),
    ("8.", "Draft Council conclusions on stepping up cross-border police cooperation in the area of missing persons"),
    ("9.", "Ministerial Conference on Child sexual abuse, 12 November 2021"),
    ("10.", "Items concluded by COSI SG"),
    ("11.", "Presentation of the work programme of the incoming French Presidency"),
    ("12.", "AOB"),
]
COSI_PARENTS = [None] * 6 + [5, 5, None, 8, 8, 8] + [None] * 5
COSI_REFS = {"6.1.": ["13682/21"], "6.2.": ["13683/21"], "7.3.": ["13684/21"], "10.": ["13685/21"]}


def outline(parsed):
    """(number, title, level, parent) per item: the shape tests compare."""
    return [(i.number, i.title, i.level, p) for i, p in zip(parsed.items, parsed.parent_index)]


def rows(parsed):
    """(number, title, level, section, doc_refs) per item: what the secretary sees of each."""
    return [(i.number, i.title, i.level, i.section, i.doc_refs) for i in parsed.items]


def test_cosi_sample_reproduces_the_reference_agenda():
    parsed = load_agenda(SAMPLES / "cosi-2021-11-22.md")
    assert [(i.number, i.title) for i in parsed.items] == COSI_TITLES
    assert parsed.parent_index == COSI_PARENTS
    assert [i.level for i in parsed.items] == [0 if p is None else 1 for p in COSI_PARENTS]
    assert [i.position for i in parsed.items] == list(range(17))
    assert all(i.id is None for i in parsed.items)
    assert {i.number: i.doc_refs for i in parsed.items if i.doc_refs} == COSI_REFS
    sections = {i.number: i.section for i in parsed.items}
    assert sections["2."] == ""
    assert sections["3."] == sections["5."] == "Discussion items"
    assert sections["6.1."] == sections["12."] == "Items for information/endorsement"
    assert (parsed.items[1].presenter, parsed.items[1].mode) == ("Presidency", "Information")
    details = parsed.details
    assert details.committee == "Standing Committee on Operational Cooperation on Internal Security (COSI)"
    assert (details.short_name, details.body_name) == ("COSI", "the Committee")
    assert (details.meeting_date, details.time, details.place) == (date(2021, 11, 22), "10.00", "Brussels")
    assert (details.agenda_ref, details.doc_number, details.file_codes) == ("CM 5119/21", "14342/21", "JAI 1297 COSI 240")
    assert details.issue_date == date(2021, 12, 10)
    assert parsed.speakers == []


def test_terrorism_working_party_sample():
    parsed = load_agenda(SAMPLES / "terrorism-working-party-2024-03-14.md")
    assert outline(parsed) == [
        ("1.", "Adoption of the agenda", 0, None),
        ("2.", "Information from the Presidency", 0, None),
        ("a)", "Outcome of the JHA Council of 4 and 5 March 2024", 1, 1),
        ("b)", "Follow-up to the terrorist attack in Moscow", 1, 1),
        ("3.", "Threat assessment", 0, None),
        ("5.", "Draft Council conclusions on protecting public spaces", 0, None),  # gaps kept
        ("7.", "Terrorist content online: implementation of Regulation (EU) 2021/784", 0, None),
        ("8.", "Foreign terrorist fighters", 0, None),
        ("A.", "Returnees and their families", 1, 7),
        ("a)", "Prosecution", 2, 8),
        ("b)", "Rehabilitation programmes", 2, 8),
        ("B.", "Prisons and radicalisation (continued)", 1, 7),
        ("9.", "AOB", 0, None),
        ("–", "Counter-terrorism dialogue with the Western Balkans", 1, 12),
        ("–", "CEPOL training activities on online radicalisation", 1, 12),
    ]
    items = {(i.number, i.position): i for i in parsed.items}
    threat = items["3.", 4]
    assert (threat.presenter, threat.mode, threat.planned_minutes) == ("INTCEN", "Presentation", 20)
    assert threat.classification == "CONFIDENTIEL UE/EU CONFIDENTIAL"
    assert items["5.", 5].doc_refs == ["6712/24", "WK 3261/24", "6712/24 ADD 1 (to be issued)"]
    assert (items["7.", 6].presenter, items["7.", 6].doc_refs) == ("Commission", ["6401/1/24 REV 1"])
    assert items["a)", 9].doc_refs == ["WK 14408/19"]
    assert items["B.", 11].mode == "Continued"
    assert [i.presenter for i in parsed.items[13:]] == ["Presidency", "CEPOL"]
    assert {i.section for i in parsed.items[:6]} == {"Morning session"}
    assert {i.section for i in parsed.items[6:]} == {"Afternoon session"}
    details = parsed.details
    assert (details.committee, details.short_name) == ("Terrorism Working Party (TWP)", "TWP")
    assert (details.meeting_date, details.time) == (date(2024, 3, 14), "10.00")
    assert (details.classification, details.body_name, details.agenda_ref) == ("LIMITE", "the Working Party", "CM 1734/24")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headings and bold lines are sections; they do not interrupt the numbering
        ("1. One\n## Discussion items:\n2. Two\n**Other business**\n3. Three",
         [("1.", "One", 0, None), ("2.", "Two", 0, None), ("3.", "Three", 0, None)]),
        # so are lines numbered in Roman, as Coreper's agendas have them, as plain lines or headings
        ("I. Procedural items\n1. One\nII. Discussion items (II)\n2. Two\n## III. Other\n3. Three",
         [("1.", "One", 0, None), ("2.", "Two", 0, None), ("3.", "Three", 0, None)]),
        # the outcome's own layout: items as headings with bold labels
        ("### **3. EU migrant**\n#### **3.1. Sub**\n**4. Next**",
         [("3.", "EU migrant", 0, None), ("3.1.", "Sub", 1, 0), ("4.", "Next", 0, None)]),
        # a list under a heading item is its sub-items; a number counting on from the heading's is the next item
        ("## 4. Preparation\n\n1. For discussion\n2. For endorsement\n   1. Roadmap\n\n## 5. AOB\n\n6. Other",
         [("4.", "Preparation", 0, None), ("1.", "For discussion", 1, 0), ("2.", "For endorsement", 1, 0),
          ("1.", "Roadmap", 2, 2), ("5.", "AOB", 0, None), ("6.", "Other", 0, None)]),
        # Markdown nested lists: indentation makes children, whatever the labels
        ("1. One\n2. Two\n   1. Sub one\n   2. Sub two\n3. Three",
         [("1.", "One", 0, None), ("2.", "Two", 0, None), ("1.", "Sub one", 1, 1), ("2.", "Sub two", 1, 1),
          ("3.", "Three", 0, None)]),
        # bullets without labels are unnumbered items; under an item they are its children
        ("- Opening of the meeting\n1. Adoption\n2. AOB\n   - Drones\n   - Boats",
         [("", "Opening of the meeting", 0, None), ("1.", "Adoption", 0, None), ("2.", "AOB", 0, None),
          ("", "Drones", 1, 2), ("", "Boats", 1, 2)]),
        # flush-left sub-items: the labels decide
        ("6. CT\n6.1 One\n6.2 Two\n7. Digital\na) Three\nb) Four\n8. AOB\n– Five",
         [("6.", "CT", 0, None), ("6.1", "One", 1, 0), ("6.2", "Two", 1, 0), ("7.", "Digital", 0, None),
          ("a)", "Three", 1, 3), ("b)", "Four", 1, 3), ("8.", "AOB", 0, None), ("–", "Five", 1, 6)]),
        # a wrapped title continues on the next line; a blank line ends it
        ("1. A long title that\n   wraps\n\n   Some description, not the title.\n2. Next",
         [("1.", "A long title that wraps", 0, None), ("2.", "Next", 0, None)]),
        # a label alone on its line takes the title from the next line
        ("1.\nAdoption of the agenda", [("1.", "Adoption of the agenda", 0, None)]),
        # escapes, links and emphasis are markup, not text
        ("1\\. *Adoption* of the [agenda](#)", [("1.", "Adoption of the agenda", 0, None)]),
        # fenced code and comments are skipped
        ("1. One\n```\n2. Not an item\n```\n<!-- 3. Nor this -->\n4. Four",
         [("1.", "One", 0, None), ("4.", "Four", 0, None)]),
    ],
)
def test_structure(text, expected):
    assert outline(parse_markdown(text, "t.md")) == expected


def test_a_bulleted_roman_list_is_items_not_sections():
    parsed = parse_markdown("- I. Opening\n- II. Minutes\n- III. AOB", "t.md")
    assert len(parsed.items) == 3 and {i.section for i in parsed.items} == {""}


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("1. One (13682/21)", ["13682/21"]),
        ("1. One\n   13682/21", ["13682/21"]),
        ("1. One\n   - doc. 13682/21\n   - WK 14408/19", ["13682/21", "WK 14408/19"]),
        ("1. One\n\n   The paper is set out in ST 9382/1/21 REV 1.", ["ST 9382/1/21 REV 1"]),
        ("1. One\n   Documents: 12919/23 + ADD 1, COM(2008) 229 final", ["12919/23 + ADD 1", "COM(2008) 229 final"]),
        ("1. One\n   * Documents: ST 6712/24, WK 3261/2024 INIT", ["ST 6712/24", "WK 3261/2024 INIT"]),  # no sub-item
    ],
)
def test_doc_refs_on_the_item_line_or_under_it(text, refs):
    assert parse_markdown(text, "t.md").items[0].doc_refs == refs


def test_presenter_suffix_on_its_own_line():
    item = parse_markdown("5. Drones\n   – Presentation by the Commission", "t.md").items[0]
    assert (item.title, item.presenter, item.mode) == ("Drones", "Commission", "Presentation")


def test_two_suffix_lines_under_an_item_keep_both_modes():
    """FORMAT.md: agendas put "– Briefing by Belgium" and "– Exchange of views" on lines of their own."""
    text = "5. Drones\n   – Briefing by Belgium\n   – Exchange of views (14213/24)\n6. AOB"
    drones, aob = parse_markdown(text, "t.md").items
    assert (drones.title, drones.presenter, drones.mode) == ("Drones", "Belgium", "Briefing and exchange of views")
    assert drones.doc_refs == ["14213/24"] and (aob.title, aob.mode) == ("AOB", "")


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("Standing Committee on Operational Cooperation on Internal Security (COSI)", "short_name", "COSI"),
        ("# COSI\nDate: 22/11/2021", "meeting_date", date(2021, 11, 22)),
        ("# COSI\n**Date:** Monday 22 November 2021, 10.00", "time", "10.00"),
        ("# COSI\n- Date: 22 and 23 November 2021", "end_date", date(2021, 11, 23)),
        ("# COSI\nVenue: Brussels, Justus Lipsius building", "place", "Brussels, Justus Lipsius building"),
        ("# COSI\nDocument: CM 5119/21", "agenda_ref", "CM 5119/21"),
        ("# COSI\nDoc no.: 14342/21", "doc_number", "14342/21"),
        ("# COSI\nBody: COSI", "body_name", "COSI"),
        ("# Provisional agenda\n# COSI", "committee", "COSI"),
        ("---\ncommittee: \"COSI\"\nfile_codes: [JAI 1297, COSI 240]\n---", "file_codes", "JAI 1297 COSI 240"),
        ("---\ntitle: COSI\ndate: 2021-11-22\n---", "meeting_date", date(2021, 11, 22)),
        # two days as dateutil misread them (15 March 2014, 14 March 2015)
        ("# COSI\nDate: 14/15 March 2024", "end_date", date(2024, 3, 15)),
        ("# Board of Trustees\nDate: March 14-15, 2024", "meeting_date", date(2024, 3, 14)),
        ("# COSI\nLIMITE", "classification", "LIMITE"),
        # text in angle brackets is the agenda's, not HTML to drop
        ("# Working Party on Justice <JHA>", "committee", "Working Party on Justice <JHA>"),
    ],
)
def test_meeting_details(header, field, value):
    parsed = parse_markdown(f"{header}\n\n1. Adoption of the agenda\n", "t.md")
    assert getattr(parsed.details, field) == value


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty"),
        ("# COSI\n\nSome words.\n", 3, "no agenda items"),
        ("# COSI\nDate: next Tuesday\n1. Adoption", 2, "not a date"),
        ("# COSI\nDate: November 2021\n1. Adoption", 2, "incomplete date"),
        ("# COSI\n\nDate: 14 15 March 2024\n1. Adoption", 3, "unclear date"),  # not 15 March 2014
        ("# COSI\n1. Adoption\n2.\n", 3, "item 2. has no title"),
        ("# COSI\n1. Adoption\n2. " + "x" * 6000, 3, "line too long"),
    ],
)
def test_malformed_files_name_the_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert f"bad.md:{line}: " in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("# COSI\n1. Adoption\n2. Caf\xe9\n".encode("latin-1"))
    with pytest.raises(AgendaError, match=r"latin1\.md:3: not UTF-8"):
        load_agenda(path)


def test_missing_file(tmp_path):
    with pytest.raises(AgendaError, match="cannot read"):
        load_agenda(tmp_path / "nowhere.md")


@pytest.mark.parametrize("suffix", [".md", ".toml", ".txt"])
def test_control_characters_in_an_agenda_file_are_dropped(tmp_path, suffix):
    """A paste from a PDF brings form feeds; a title should hold none (no export shows them)."""
    text = {
        ".md": "# COSI\x07\n\n1. Adoption\x00 of the agenda\n\x0c\n2. AOB\n",
        ".toml": '[meeting]\ncommittee = "COSI\x07"\n[[item]]\nnumber = "1."\ntitle = "Adoption\x00 of the agenda"\n'
                 '\x0c\n[[item]]\nnumber = "2."\ntitle = "AOB"\n',
        ".txt": "COSI\x07\n1. Adoption\x00 of the agenda\n\x0c\n2. AOB\n",
    }[suffix]
    path = tmp_path / f"agenda{suffix}"
    path.write_text(text, encoding="utf-8")
    parsed = load_agenda(path)
    assert [(i.number, i.title) for i in parsed.items] == [("1.", "Adoption of the agenda"), ("2.", "AOB")]


def test_a_bulleted_number_after_a_bold_item_is_the_next_item():
    """"- 4) Europol regulation recast" after "**3. ...**" became a sub-item of 3."""
    text = ("### 2. Police cooperation code\n**2.1 Draft Council recommendation** (9100/24)\n\n"
            "**3. Cross-border hot pursuit – Exchange of views**\n\n- 4) Europol regulation recast\n"
            "  - 4.1) Data processing\n  - 4.2) Information exchange\n\n5. Any other business\n   * Drones")
    assert outline(parse_markdown(text, "t.md")) == [
        ("2.", "Police cooperation code", 0, None), ("2.1", "Draft Council recommendation", 1, 0),
        ("3.", "Cross-border hot pursuit", 0, None), ("4)", "Europol regulation recast", 0, None),
        ("4.1)", "Data processing", 1, 3), ("4.2)", "Information exchange", 1, 3),
        ("5.", "Any other business", 0, None), ("", "Drones", 1, 6),
    ]


def test_text_in_angle_brackets_is_kept():
    """Markdown would take "<Horizon>" for HTML; in an agenda it is text, as written."""
    (item,) = parse_markdown('1. R&D budget: the "<Horizon>" programme & *friends*', "t.md").items
    assert item.title == 'R&D budget: the "<Horizon>" programme & friends'


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # a list numbered "1." on every line reads 1., 2., 3. in Markdown, its sub-list too
        ("1. Adoption\n1. Insolvency\n   1. Title II\n   1. Title IV\n1. AOB", ["1.", "2.", "1.", "2.", "3."]),
        # anything else is kept as written: gaps, a repeated number, a list restarting under a heading
        ("1. Adoption\n1. Insolvency\n3. AOB", ["1.", "1.", "3."]),
        ("## Morning\n1. Adoption\n## Afternoon\n1. AOB", ["1.", "1."]),
        ("1) Adoption\n2. Insolvency\n1) AOB", ["1)", "2.", "1)"]),
    ],
)
def test_a_list_numbered_1_on_every_line_is_numbered_as_markdown_shows_it(text, numbers):
    assert [i.number for i in parse_markdown(text, "t.md").items] == numbers


def test_a_bold_line_giving_the_day_again_is_no_section():
    """"**Thursday 14 March 2024, 10:00–13:00**" after "Date:" headed every item; it gives the time.
    One day of a meeting of several still heads that day's items."""
    parsed = parse_markdown("# TWP\nDate: 14 March 2024\n\n**Thursday 14 March 2024, 10:00–13:00**\n\n1. Adoption\n2. AOB",
                            "t.md")
    assert {i.section for i in parsed.items} == {""}
    assert (parsed.details.meeting_date, parsed.details.time) == (date(2024, 3, 14), "10:00–13:00")
    parsed = parse_markdown("# TWP\nDate: 20 and 22 March 2024\n\n**Wednesday 20 March 2024**\n1. Adoption\n"
                            "**Friday 22 March 2024**\n2. AOB", "t.md")
    assert [i.section for i in parsed.items] == ["Wednesday 20 March 2024", "Friday 22 March 2024"]
    assert (parsed.details.meeting_date, parsed.details.end_date) == (date(2024, 3, 20), date(2024, 3, 22))


def test_roman_headings_above_numbered_items_are_sections_not_items():
    """Coreper's "## I. Approval of the agenda" heads item 1; it was an item holding every later item."""
    text = ("# Coreper (Part 2)\n\nDate: 20 September 2023\n\n## I. Approval of the agenda\n\n1. Adoption of the agenda\n\n"
            "## II. \"I\" items\n\n2. Preparation\n   2.1. Schengen Borders Code\n4. Appointment\n\n"
            "## III. Discussion items (II)\n\n5. Pact on Migration\n8. Any other business")
    parsed = parse_markdown(text, "t.md")
    assert outline(parsed) == [
        ("1.", "Adoption of the agenda", 0, None), ("2.", "Preparation", 0, None), ("2.1.", "Schengen Borders Code", 1, 1),
        ("4.", "Appointment", 0, None), ("5.", "Pact on Migration", 0, None), ("8.", "Any other business", 0, None)]
    assert [i.section for i in parsed.items] == ["I. Approval of the agenda"] + ['II. "I" items'] * 3 + [
        "III. Discussion items (II)"] * 2


def test_roman_headings_with_sub_items_or_in_a_row_are_items():
    parsed = parse_markdown("# Board\n\n## I. Opening\n## II. Reports\na) Treasurer\n## III. Close", "t.md")
    assert outline(parsed) == [("I.", "Opening", 0, None), ("II.", "Reports", 0, None), ("a)", "Treasurer", 1, 1),
                               ("III.", "Close", 0, None)]


def test_a_footnote_mark_is_no_part_of_a_title_and_agenda_words_no_part_of_the_name():
    parsed = parse_markdown("# Working Party on Terrorism – Provisional agenda\n\n1. Adoption of the agenda\n"
                            "2. Threat assessment[^1]\n\n[^1]: Restricted session.\n")
    assert parsed.details.committee == "Working Party on Terrorism"
    assert [item.title for item in parsed.items] == ["Adoption of the agenda", "Threat assessment"]
