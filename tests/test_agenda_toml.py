"""TOML agendas: the city council sample (a non-EU body with its own speakers) and malformed files."""

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_toml
from minutes_tui.core.model import SpeakerKind

from test_agenda_markdown import outline

SAMPLES = Path(__file__).parent.parent / "sample_agendas"


def test_city_council_sample():
    parsed = load_agenda(SAMPLES / "city-council-2026-03-10.toml")
    assert outline(parsed) == [
        ("1.", "Call to order and roll call", 0, None),
        ("2.", "Approval of the minutes of 24 February 2026", 0, None),
        ("3.", "Public comment", 0, None),
        ("4.", "Consent agenda", 0, None),
        ("4.1", "Purchase of two street sweepers", 1, 3),
        ("4.2", "Lease renewal for the Eastside library branch", 1, 3),
        ("5.", "Ordinance 2026-07 on short-term rentals", 0, None),
        ("6.", "Capital improvement plan 2026-2030", 0, None),
        ("8.", "Council member reports", 0, None),
        ("9.", "Adjournment", 0, None),
    ]
    items = parsed.items
    assert [i.section for i in items] == [""] * 3 + ["Consent agenda"] * 3 + ["Regular business"] * 4
    assert items[4].doc_refs == ["Staff report SR-2026-031"]  # not a Council form: kept as written
    assert (items[6].presenter, items[6].mode, items[6].planned_minutes) == ("City Manager", "For decision", 30)
    assert (items[7].presenter, items[7].mode) == ("City Manager", "Exchange of views")
    details = parsed.details
    assert (details.committee, details.short_name, details.body_name) == ("Riverton City Council", "Council", "the Council")
    assert (details.meeting_date, details.time, details.issue_place) == (date(2026, 3, 10), "19.00", "Riverton")
    codes = [s.code for s in parsed.speakers]
    assert codes == ["MAYOR", "CM", "CLERK", "OKAFOR", "LINDQVIST", "PEREIRA"]
    mayor = parsed.speakers[0]
    assert (mayor.phrase, mayor.kind, mayor.order, mayor.aliases) == ("the Mayor", SpeakerKind.CHAIR, 1, ("Mayor", "Chair"))
    assert parsed.speakers[3].kind is SpeakerKind.OTHER


def test_title_suffixes_and_explicit_fields():
    parsed = parse_toml(
        """
[[item]]
number = "3."
title = "Threat assessment – Presentation by INTCEN [CONFIDENTIEL UE/EU CONFIDENTIAL] (13682/21)"
doc_refs = ["doc. WK 14408/19"]

[[item]]
number = "4."
title = "Drones – Presentation by the Commission"
presenter = "Europol"
""",
        "t.toml",
    )
    threat, drones = parsed.items
    assert (threat.title, threat.presenter, threat.classification) == ("Threat assessment", "INTCEN", "CONFIDENTIEL UE/EU CONFIDENTIAL")
    assert threat.doc_refs == ["WK 14408/19", "13682/21"]
    assert (drones.presenter, drones.mode) == ("Europol", "Presentation")


@pytest.mark.parametrize(("written", "time"), [("2024-03-14T10:30:00", "10:30"), ("2024-03-14T00:00:00", ""), ("2024-03-14", "")])
def test_a_toml_date_and_time_gives_the_start_time(written, time):
    parsed = parse_toml(f'[meeting]\ncommittee = "WP"\ndate = {written}\n[[item]]\nnumber = 1\ntitle = "Adoption"\n', "t.toml")
    assert (parsed.details.meeting_date, parsed.details.time) == (date(2024, 3, 14), time)


def test_deep_items_and_dates_as_text():
    parsed = parse_toml(
        """
[meeting]
committee = "COSI"
date = "22 and 23 November 2021"
issue_date = 2021-12-10

[[item]]
number = "A."
title = "Session"
[[item.items]]
number = 1
title = "One"
[[item.items.items]]
number = "a)"
title = "Sub"
""",
        "t.toml",
    )
    assert outline(parsed) == [("A.", "Session", 0, None), ("1.", "One", 1, 0), ("a)", "Sub", 2, 1)]
    assert (parsed.details.meeting_date, parsed.details.end_date) == (date(2021, 11, 22), date(2021, 11, 23))
    assert parsed.details.issue_date == date(2021, 12, 10)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty"),
        ("[meeting]\ncommittee = \"COSI\"\n", 2, "no agenda items"),
        ("[meeting]\ncommittee = COSI\n", 2, "not valid TOML"),
        ("[meeting]\ncomittee = \"COSI\"\n[[item]]\ntitle = \"x\"\n", 2, "unknown key 'comittee'"),
        ("[meeting]\ndate = \"next week\"\n[[item]]\ntitle = \"x\"\n", 2, "not a date"),
        ("[[item]]\nnumber = \"1.\"\ntitle = \"One\"\n\n[[item]]\nnumber = \"2.\"\n", 5, "item 2. has no title"),
        ("[[item]]\ntitle = \"One\"\n[[item.items]]\ntitle = \"Sub\"\nplanned_minutes = \"ten\"\n", 3, "planned_minutes"),
        ("[[item]]\ntitle = \"One\"\nplanned_minutes = 9999999999\n", 1, "planned_minutes must be a whole number of minutes from 0 to 10080"),
        ("[[item]]\ntitle = \"One\"\nspeaker = \"x\"\n", 3, "unknown key 'speaker' in an item"),
        # the offending key's line, not its item's: "[[item.item]]" for "[[item.items]]" under the third item
        ("[[item]]\ntitle = \"One\"\n[[item]]\ntitle = \"Two\"\n[[item]]\ntitle = \"Three\"\n[[item.item]]\ntitle = \"Sub\"\n"
         "[[item.items.items]]\ntitle = \"Deep\"\n", 7, "unknown key 'item' in an item"),
        ("[[item]]\ntitle = \"One\"\n[[speaker]]\ncode = \"M\"\nname = \"the Mayor\"\nrole = \"chair\"\n", 6,
         "unknown key 'role' in a speaker"),
        ("[[item]]\ntitle = 3\n", 1, "title must be text"),
        ("[[item]]\ntitle = \"One\"\n[[speaker]]\nname = \"the Mayor\"\n", 3, "needs a code"),
        ("[[item]]\ntitle = \"One\"\n[[speaker]]\ncode = \"M\"\nkind = \"boss\"\n", 3, "kind must be one of"),
        ("item = \"One\"\n", 1, "must be a list of tables"),
        ("[[item]]\ntitle = \"One\"\n[agenda]\nx = 1\n", 3, "unknown table 'agenda'"),
        # the offending key's line, not its item's
        ("[[item]]\ntitle = \"A\"\n[[item.items]]\ntitle = \"x\"\n[[item]]\ntitle = \"B\"\ndoc_refs = [1234]\n", 7,
         "doc_refs must be a list of text"),
        ("[meeting]\ntime = 10:00:00\ndate = 10:00:00\n[[item]]\ntitle = \"One\"\n", 3, "date: not a date"),
        # a negative number: the item named by its title, the line its number's
        ("[[item]]\nnumber = -1\ntitle = \"One\"\n", 2, "item 'One': number -1 is negative"),
        ("[[item]]\nnumber = 2\ntitle = \"Two\"\n[[item.items]]\nnumber = -3\ntitle = \"Sub\"\n", 5,
         "item 'Sub': number -3 is negative"),
        ("[[item]]\nnumber = \"1.\"\ntitle = \"One\"\nplanned_minutes = -5\n", 1,
         "item 1.: planned_minutes must be a whole number of minutes from 0"),
    ],
)
def test_malformed_files_name_the_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert f"bad.toml:{line}: " in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_list_of_file_codes_and_a_toml_time():
    """Both were refused ("must be text or a date"); Markdown's front matter takes a list."""
    details = parse_toml('[meeting]\nfile_codes = ["FRONT 98", "COMIX 150"]\ntime = 10:00:00\n[[item]]\ntitle = "One"\n',
                         "t.toml").details
    assert (details.file_codes, details.time) == ("FRONT 98 COMIX 150", "10:00")


def test_nesting_beyond_reason_is_an_agenda_error():
    text = "[[item]]\ntitle = \"x\"\n" + "".join(
        f"[[item{'.items' * depth}]]\ntitle = \"x\"\n" for depth in range(1, 30)
    )
    with pytest.raises(AgendaError, match="nested more than"):
        parse_toml(text, "deep.toml")
    with pytest.raises(AgendaError):
        parse_toml("x = " + "[" * 5000 + "]" * 5000, "deep.toml")
