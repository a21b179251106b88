"""Hostile input: whatever the file holds, the readers return an agenda or raise AgendaError."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_tui.core.agenda import AgendaError, load_agenda, parse_markdown, parse_text, parse_toml

PARSERS = [parse_markdown, parse_text, parse_toml]

FRAGMENTS = st.sampled_from([
    "1. ", "6.1. ", "a) ", "A. ", "– ", "- ", "* ", "    ", "# ", "## ", "**", "---", "```", "<!--", "-->",
    "Date: ", "22 November 2021", "32/13/2021", "Time: 10.00", "Agenda: ", "CM 5119/21", "13682/21",
    "WK 14408/19", "doc. ", "(poss.)", "(10')", "[CONFIDENTIEL UE/EU CONFIDENTIAL]", " – Presentation by the Commission",
    "NB: ", "CM 5119/21 GP/ab 1", "EN", "[[item]]", "[[item.items]]", "title = \"x\"", "number = 1", "[meeting]",
    "\n", "\n\n", "\t", "\x00", "\x0c", "\r", "\ufeff", "(", ")", "[", "]", "\\", "\"", "=",
    "Item 3 ", "Point 4: ", "4.a) ", "4) ", "4.1) ", "(i) ", "(ii) ", "h) ", "B items", "PART I (A items)",
    "Other issues", "BD 2025/14", "Auditor's report (BD 2026/03)", "[[item.item]]",
])
HOSTILE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


def check(parsed):
    """What every reader promises about a result."""
    assert parsed.items
    assert len(parsed.parent_index) == len(parsed.items)
    for index, (item, parent) in enumerate(zip(parsed.items, parsed.parent_index)):
        assert item.id is None and item.position == index and item.title
        if parent is None:
            assert item.level == 0
        else:
            assert 0 <= parent < index and item.level == parsed.items[parent].level + 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE)
@pytest.mark.parametrize("parse", PARSERS)
def test_any_text_gives_an_agenda_or_an_agenda_error(parse, text):
    try:
        check(parse(text, "fuzz"))
    except AgendaError as error:
        assert str(error).startswith("fuzz") and "\n" not in str(error)


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".md", ".txt", ".toml"]))
def test_any_bytes_from_a_file(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"agenda{suffix}"
    path.write_bytes(data)
    try:
        check(load_agenda(path))
    except AgendaError:
        pass


@pytest.mark.parametrize("parse", [parse_markdown, parse_text])
def test_ten_thousand_items(parse):
    lines = [f"{n // 10 % 999 + 1}.{n % 10 or ''} Item {n} – Presentation by the Commission ({n % 90 + 100}/21)"
             for n in range(10_000)]
    parsed = parse("\n".join(lines), "big")
    assert len(parsed.items) == 10_000
    assert parsed.items[-1].number == "1.9"
    assert parsed.parent_index[-1] == 9990 and parsed.items[-1].presenter == "Commission"


def test_deep_nesting_by_indentation():
    text = "\n".join(" " * (2 * depth) + f"- level {depth}" for depth in range(500))
    parsed = parse_markdown(text, "deep.md")
    assert parsed.items[-1].level == 499
    assert parsed.parent_index[-1] == 498


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize("line", ["![" * 2400, "(" * 4900 + "x", "1. " + "a – " * 1200, " " * 4000 + "x"])
def test_long_junk_lines(parse, line):
    try:
        check(parse(f"1. One\n{line}\n", "junk"))
    except AgendaError:
        pass
