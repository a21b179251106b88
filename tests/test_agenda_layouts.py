"""Agenda layouts met importing a hundred agendas: timed items, sub-item styles, long agendas, a
number alone on its line, unnumbered items between numbered ones, line breaks of other systems,
and the header's dates and names."""

from datetime import date

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown, parse_text, parse_toml

from test_agenda_markdown import outline

BOTH = [parse_text, parse_markdown]
HEADER = "Working Party on Terrorism (TWP)\nDate: 14 March 2024\n\n"


def planned(parsed):
    """(number, title, planned minutes) per item."""
    return [(i.number, i.title, i.planned_minutes) for i in parsed.items]


# --- times in front of items ---------------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
def test_a_time_before_an_item_plans_it_until_the_next_time(parse):
    parsed = parse(HEADER + "10.00 1. Adoption of the agenda\n10.15 2. Threat assessment\n11.30 3. AOB", "t")
    assert planned(parsed) == [("1.", "Adoption of the agenda", 15), ("2.", "Threat assessment", 75), ("3.", "AOB", None)]
    assert parsed.details.time == "10.00"  # the first time on the agenda, when the header gives none


def test_a_break_between_timed_items_ends_the_item_before_it_and_is_no_item():
    parsed = parse_text(
        "GENVAL\nDate: 25 April 2024\nTime: 10.00 - 17.00\n\n10.00  1. Adoption of the agenda\n"
        "11.30  2. Presentation by Europol on environmental crime\n13.00  Lunch break\n14.30  3. Questionnaire\n", "t.txt")
    assert planned(parsed) == [("1.", "Adoption of the agenda", 90),
                               ("2.", "Presentation by Europol on environmental crime", 90), ("3.", "Questionnaire", None)]
    assert parsed.items[1].presenter == "Europol"
    assert parsed.details.time == "10.00 - 17.00"  # the header's, as written


def test_a_timed_session_heading_heads_the_items_after_it():
    parsed = parse_text("10.00 1. Adoption\n11.00 2. Budget\n14.30 Afternoon session\n15.00 3. AOB", "t.txt")
    assert [(i.number, i.section, i.planned_minutes) for i in parsed.items] == [
        ("1.", "", 60), ("2.", "", 210), ("3.", "Afternoon session", None)]


def test_timed_bullets_are_unnumbered_items():
    parsed = parse_markdown("# TWP\n\n- 10.00 Adoption of the agenda\n- 10.15 Threat assessment\n- 11.30 AOB", "t.md")
    assert planned(parsed) == [("", "Adoption of the agenda", 15), ("", "Threat assessment", 75), ("", "AOB", None)]


@pytest.mark.parametrize("parse", BOTH)
def test_a_timed_line_without_a_number_stands_between_the_items(parse):
    parsed = parse("9.30 Registration\n10.00 1. Adoption of the agenda\n10.30 Tour de table\n11.00 2. AOB", "t")
    assert outline(parsed) == [("", "Registration", 0, None), ("1.", "Adoption of the agenda", 0, None),
                               ("", "Tour de table", 0, None), ("2.", "AOB", 0, None)]


def test_a_line_giving_only_hours_is_no_item():
    parsed = parse_text("COSI\n14.30 – 18.00\n\n1. Adoption\n2. AOB", "t.txt")
    assert [(i.number, i.title) for i in parsed.items] == [("1.", "Adoption"), ("2.", "AOB")]


@pytest.mark.parametrize("parse", BOTH)
def test_under_an_item_10_a_number_10_15_is_its_sub_item_not_a_time(parse):
    parsed = parse("10. Digital\n10.1 AI Act\n10.15 Encryption\n11. AOB", "t")
    assert outline(parsed) == [("10.", "Digital", 0, None), ("10.1", "AI Act", 1, 0), ("10.15", "Encryption", 1, 0),
                               ("11.", "AOB", 0, None)]
    assert parsed.items[2].planned_minutes is None


# --- sub-item styles -----------------------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I. Opening\nI.1 Adoption of the agenda\nI.2 Minutes\nII. Policy\nII.1 Radicalisation",
         [("I.", "Opening", 0, None), ("I.1", "Adoption of the agenda", 1, 0), ("I.2", "Minutes", 1, 0),
          ("II.", "Policy", 0, None), ("II.1", "Radicalisation", 1, 3)]),
        ("A. Opening\nA.1 Adoption of the agenda\nA.2 Minutes\nB. Policy\nB.1 Radicalisation",
         [("A.", "Opening", 0, None), ("A.1", "Adoption of the agenda", 1, 0), ("A.2", "Minutes", 1, 0),
          ("B.", "Policy", 0, None), ("B.1", "Radicalisation", 1, 3)]),
        ("3. Radicalisation\n3 a) Prisons\n3(b) Online\n3.c Schools\n4. AOB",
         [("3.", "Radicalisation", 0, None), ("3 a)", "Prisons", 1, 0), ("3(b)", "Online", 1, 0),
          ("3.c", "Schools", 1, 0), ("4.", "AOB", 0, None)]),
    ],
)
def test_sub_items_numbered_under_their_parents_label(parse, text, expected):
    assert outline(parse(HEADER + text, "t")) == expected


def test_a_wrapped_title_may_go_on_with_an_article_number():
    """"3(b)" is a sub-item only under an item 3."""
    parsed = parse_text("1. Amendment of Article\n3(b) of the Directive\n2. AOB", "t.txt")
    assert outline(parsed) == [("1.", "Amendment of Article 3(b) of the Directive", 0, None), ("2.", "AOB", 0, None)]


# --- long agendas --------------------------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
def test_items_numbered_1000_and_above(parse):
    text = "\n".join(f"{n}. Item {n}" for n in range(995, 1003))
    assert [(i.number, i.title) for i in parse(HEADER + text, "t").items] == [(f"{n}.", f"Item {n}") for n in range(995, 1003)]


def test_a_year_starting_a_wrapped_line_is_no_item_number():
    parsed = parse_text("1. Report on the plan adopted in\n2021. Follow-up\n2. AOB", "t.txt")
    assert [i.title for i in parsed.items] == ["Report on the plan adopted in 2021. Follow-up", "AOB"]


# --- a number alone on its line ------------------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_the_line_after_a_number_alone_is_its_title_even_worded_as_a_presenter(parse, gap):
    if parse is parse_markdown and gap == "\n\n":
        pytest.skip("in Markdown a blank line parts paragraphs")
    parsed = parse(HEADER + f"1. Adoption of the agenda\n2.{gap}Information from the Presidency\n3. AOB", "t")
    assert [(i.number, i.title) for i in parsed.items] == [
        ("1.", "Adoption of the agenda"), ("2.", "Information from the Presidency"), ("3.", "AOB")]
    assert (parsed.items[1].mode, parsed.items[1].presenter) == ("Information", "Presidency")


# --- unnumbered items between numbered ones (FORMAT.md 2.6) --------------------------------------


@pytest.mark.parametrize("parse", BOTH)
def test_a_statement_standing_apart_between_items_is_an_item(parse):
    parsed = parse("1. Adoption of the agenda\n\n2. Situation in Ukraine\n\n"
                   "Statement by the Representative of Norway\n\n4. Budget", "t")
    assert outline(parsed) == [("1.", "Adoption of the agenda", 0, None), ("2.", "Situation in Ukraine", 0, None),
                               ("", "Statement by the Representative of Norway", 0, None), ("4.", "Budget", 0, None)]
    assert parsed.items[1].presenter == ""
    assert parsed.items[2].presenter == "Representative of Norway"


@pytest.mark.parametrize("parse", BOTH)
def test_a_presenter_line_right_under_an_item_is_still_its_presenter(parse):
    parsed = parse("2. Situation in Ukraine\nStatement by the Representative of Norway\n\n4. Budget", "t")
    assert [(i.number, i.presenter) for i in parsed.items] == [("2.", "Representative of Norway"), ("4.", "")]


def test_a_presenter_paragraph_under_a_markdown_heading_item_is_its_presenter():
    parsed = parse_markdown("# TWP\n\n## 3. Threat assessment\n\nPresentation by INTCEN\n\n## 4. AOB", "t.md")
    assert [(i.number, i.presenter) for i in parsed.items] == [("3.", "INTCEN"), ("4.", "")]


# --- line breaks and Markdown task lists ---------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("newline", ["\x0b", "\r", "\u2028", "\u2029", "\r\n"])
def test_line_breaks_of_word_old_macs_and_unicode(tmp_path, suffix, newline):
    path = tmp_path / f"agenda{suffix}"
    path.write_text(newline.join(["# TWP", "Date: 14 March 2024", "", "1. Adoption", "2. Threat assessment", "3. AOB"]),
                    encoding="utf-8", newline="")
    parsed = load_agenda(path)
    assert [(i.number, i.title) for i in parsed.items] == [("1.", "Adoption"), ("2.", "Threat assessment"), ("3.", "AOB")]
    assert parsed.details.meeting_date == date(2024, 3, 14)


def test_a_markdown_task_list_is_a_list_of_items():
    parsed = parse_markdown("# TWP\n\n- [ ] 1. Adoption\n- [x] 2. Budget\n- [ ] Tour de table", "t.md")
    assert outline(parsed) == [("1.", "Adoption", 0, None), ("2.", "Budget", 0, None), ("", "Tour de table", 1, 1)]


# --- the header ----------------------------------------------------------------------------------


def test_the_un_header_item_of_the_provisional_agenda_is_no_item():
    parsed = parse_text("Commission on Crime Prevention\nItem 2 of the provisional agenda\n\n1. Election of officers.\n"
                        "2. Adoption of the agenda.", "t.txt")
    assert [i.number for i in parsed.items] == ["1.", "2."]


@pytest.mark.parametrize("separator", [", ", " – "])
def test_a_date_at_the_end_of_the_title_is_the_meetings(separator):
    parsed = parse_markdown(f"# Working Party on Terrorism (TWP){separator}14 March 2024\n\n1. Adoption", "t.md")
    assert (parsed.details.committee, parsed.details.short_name) == ("Working Party on Terrorism (TWP)", "TWP")
    assert parsed.details.meeting_date == date(2024, 3, 14)


@pytest.mark.parametrize("parse", BOTH)
def test_the_notices_own_place_and_date_is_still_no_meeting_date(parse):
    parsed = parse("Brussels, 8 November 2021\n\n1. Adoption", "t")
    assert parsed.details.meeting_date is None


def test_the_2008_header_of_names_the_committee():
    parsed = parse_text("Of: Terrorism Working Party\nOn: 16 April 2008\nSubject: Summary of discussions\n\n1. Adoption",
                        "t.txt")
    details = parsed.details
    assert (details.committee, details.meeting_date, details.subject) == (
        "Terrorism Working Party", date(2008, 4, 16), "Summary of discussions")


def test_a_summary_of_discussions_heading_names_no_committee_the_recipient_does():
    parsed = parse_markdown("# Summary of discussions\n\nTo: Terrorism Working Party\nDate: 18 January 2024\n\n1. Adoption",
                            "t.md")
    assert parsed.details.committee == "Terrorism Working Party"


def test_a_draft_agenda_title_names_its_committee():
    parsed = parse_markdown("# Draft agenda – Working Party on Terrorism (TWP)\n\nDate: 14 March 2024\n\n1. Adoption", "t.md")
    assert (parsed.details.committee, parsed.details.short_name) == ("Working Party on Terrorism (TWP)", "TWP")


@pytest.mark.parametrize(
    ("parse", "text", "line"),
    [
        (parse_toml, '[meeting]\ndate = 2024-03-14\nend_date = 2024-03-13\n\n[[item]]\nnumber = 1\ntitle = "A"', 3),
        (parse_markdown, "# TWP\n\nDate: 14 March 2024\nEnd date: 13 March 2024\n\n1. Adoption", 4),
        (parse_text, "TWP\nEnd date: 13 March 2024\nDate: 14 March 2024\n\n1. Adoption", 3),
    ],
)
def test_an_end_date_before_the_start_is_refused(parse, text, line):
    with pytest.raises(AgendaError) as caught:
        parse(text, "bad")
    assert str(caught.value) == f"bad:{line}: " + (
        "end_date" if parse is parse_toml else "End date" if parse is parse_markdown else "Date"
    ) + ": the meeting ends on 13 March 2024, before it starts on 14 March 2024"


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize(
    ("written", "day", "time"),
    [
        ("Tuesday, April 8, 2025 - 7:00 PM", date(2025, 4, 8), "7:00 PM"),
        ("14 March 2024, 10.00-13.00 and 14.30-18.00", date(2024, 3, 14), "10.00-13.00 and 14.30-18.00"),
    ],
)
def test_a_date_line_with_times_gives_the_date_and_the_times(parse, written, day, time):
    details = parse(f"# Board\n\nDate: {written}\n\n1. Adoption", "t").details
    assert (details.meeting_date, details.time) == (day, time)


def test_a_plain_line_naming_a_un_body_below_the_title_names_the_committee_and_its_us_date_the_day():
    parsed = parse_markdown("# Provisional agenda\n\nCommission on the Status of Women\n\nTuesday, March 4, 2025\n\n"
                            "1. Adoption of the agenda", "t.md")
    assert (parsed.details.committee, parsed.details.meeting_date) == ("Commission on the Status of Women", date(2025, 3, 4))


# --- a sub-item whose parent is missing ----------------------------------------------------------


@pytest.mark.parametrize("parse", BOTH)
@pytest.mark.parametrize("indent", ["", "   "])
def test_a_sub_item_whose_parent_is_missing_stands_at_the_top_not_under_the_item_before(parse, indent):
    """"7.3" with no item 7 was filed under item 6 (the open item, or the one it is indented under)."""
    text = (f"6. Counter-terrorism\n{indent}6.1. Threat assessment\n{indent}Item 7.3 Encryption\n"
            f"{indent}   a) Europol\n{indent}7.4. Data retention\n8. AOB")
    assert outline(parse(HEADER + text, "t")) == [
        ("6.", "Counter-terrorism", 0, None), ("6.1.", "Threat assessment", 1, 0),
        ("7.3.", "Encryption", 0, None), ("a)", "Europol", 1, 2), ("7.4.", "Data retention", 0, None),
        ("8.", "AOB", 0, None)]


@pytest.mark.parametrize("parse", BOTH)
def test_a_sub_item_indented_under_an_item_of_another_number_is_not_its_child(parse):
    """Indentation says "under 6.", the number says "under 7.": the number wins, as "7." is missing."""
    parsed = parse(HEADER + "6. Counter-terrorism\n      7.3. Encryption\n8. AOB", "t")
    assert outline(parsed) == [("6.", "Counter-terrorism", 0, None), ("7.3.", "Encryption", 0, None), ("8.", "AOB", 0, None)]


@pytest.mark.parametrize("parse", BOTH)
def test_a_sentence_about_the_body_in_the_header_does_not_name_the_committee(parse):
    parsed = parse("Agenda\n\nThe Working Party will meet in room 50.4.\n\n1. Adoption of the agenda", "t")
    assert parsed.details.committee == ""


def test_the_language_line_of_an_outcome_in_markdown_names_no_committee_its_subject_does():
    parsed = parse_markdown("Brussels, 10 December 2021\n(OR. en)\n\n14342/21\n\nSubject: Standing Committee on Internal "
                            "Security (COSI)\n\n### 1. Adoption of the agenda", "t.md")
    assert parsed.details.committee == "Standing Committee on Internal Security (COSI)"
