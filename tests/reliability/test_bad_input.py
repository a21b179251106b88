"""Bad input never gives a traceback: property-based tests with arbitrary and adversarial text.

Each parser either returns a well-formed result or raises its own one-line error:
agenda parsers -> AgendaError, entry line -> EntryLineError, Session.apply_line -> EntryLineError or
SessionError, dates -> ValueError, JSON import -> ValueError. Settings (FUZZ) are derandomized so a
CI failure reproduces locally.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability_helpers import FUZZ, SAMPLES, agenda

from minutes_tui.core.agenda import (
    AgendaError,
    load_agenda,
    parse_markdown,
    parse_meeting_date,
    parse_text,
    parse_toml,
)
from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.entry import Command, EntryLineError, Intervention, Note, parse_line
from minutes_tui.core.model import ParsedAgenda, without_controls
from minutes_tui.core.session import Session, SessionError
from minutes_tui.core.speakers import default_register
from minutes_tui.core.store import Store
from minutes_tui.export.json_io import meeting_from_json, meeting_to_json

# Pieces that mean something to one of the grammars, plus the classic troublemakers.
FRAGMENTS = [
    "1.", "2.1.", "a)", "(b)", "– ", "- ", "* ", "# ", "## ", "> ", "\n", "\r\n", "\t", "    ", ":", ": ",
    "[[item]]", "[meeting]", "=", '"', "'''", "{", "}", "[", "]", ",", "DE", "fr", "the Netherlands",
    "EU CTC", "called for", "/next", "/go ", "/outcome ", "/add ", "/undo", "/end", "/floor", "/queue",
    "CM 5119/21", "13682/21", "22 November 2021", "2021-11-22", "31/02/2021", "10.00", "Date:", "Place:",
    "\u202e", "\u200f", "שלום", "مرحبا", "\u0000", "\x1b[31m", "\x7f", "\u2028", "\ufeff", "\u00ad",
    "e\u0301", "👩‍👩‍👧", "𝕏", "x" * 300, "\\", "%s", "{0}", "'; DROP TABLE entries; --",
]
adversarial = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=500), adversarial)


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _mutations(text: str):
    """The sample with a random stretch replaced by hostile text."""
    return st.tuples(st.integers(0, len(text)), st.integers(0, 200), any_text).map(
        lambda t: text[: t[0]] + t[2] + text[t[0] + t[1] :]
    )


def _well_formed(parsed: ParsedAgenda) -> None:
    assert isinstance(parsed, ParsedAgenda)
    assert len(parsed.items) == len(parsed.parent_index)
    for index, parent in enumerate(parsed.parent_index):
        assert parent is None or 0 <= parent < index


def _agenda_or_error(parse, text: str) -> None:
    try:
        parsed = parse(text, "agenda")
    except AgendaError as error:
        assert "\n" not in str(error) and str(error).startswith("agenda")
        return
    _well_formed(parsed)


PARSERS = {
    "markdown": (parse_markdown, "cosi-2021-11-22.md"),
    "text": (parse_text, "cosi-2021-11-22.txt"),
    "toml": (parse_toml, "city-council-2026-03-10.toml"),
}


@pytest.mark.parametrize("kind", PARSERS)
@FUZZ
@given(data=st.data())
def test_agenda_parsers_return_an_agenda_or_an_agenda_error(kind, data):
    parse, sample = PARSERS[kind]
    text = data.draw(st.one_of(any_text, _mutations(_sample(sample))))
    _agenda_or_error(parse, text)


@pytest.mark.parametrize("kind", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,  # one huge line
        "\n" * 200_000,
        "1. " + "(" * 50_000,
        "\n".join(f"{n}. Item {n}" for n in range(1, 10_001)),  # 10,000 items
        "\n".join("  " * depth + f"{depth + 1}. deep" for depth in range(3_000)),  # deep indentation
        "\n".join("1" + ".1" * depth + ". x" for depth in range(200)),  # deep numbering
        "\n".join("> " * depth + "1. quoted" for depth in range(1_000)),
        "a = " + "[" * 100_000 + "]" * 100_000,  # deep nesting on one line
        "a = " + "[\n" * 10_000 + "]\n" * 10_000,  # deep nesting over many lines
        "[meeting]\n" + "".join(f'[[item]]\nnumber = "{n}."\ntitle = "t{n}"\n' for n in range(10_000)),
        "\u202e1. \u202bالبند الأول\n2. פריט שני\n",  # right-to-left text and overrides
        "\x00\x01\x02\x1b[2J\x7f\x9b",
    ],
    ids=["huge-line", "blank-lines", "parens", "10000-items", "indent-3000", "numbering-200", "quotes-1000",
         "nesting-one-line", "nesting-lines", "toml-10000-items", "rtl", "controls"],
)
def test_agenda_parsers_on_extreme_input(kind, text):
    _agenda_or_error(PARSERS[kind][0], text)


@pytest.mark.parametrize("suffix", [".md", ".toml", ".txt"])
@FUZZ
@given(data=st.binary(max_size=400))
def test_load_agenda_on_arbitrary_bytes(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("bytes") / f"agenda{suffix}"
    path.write_bytes(data)
    try:
        _well_formed(load_agenda(path))
    except AgendaError as error:
        assert "\n" not in str(error) and str(path) in str(error)


def test_load_agenda_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "agenda.md"
    path.write_bytes("# COSI\n\n1. Adoption\n".encode() + b"2. Caf\xe9 au lait\n")
    with pytest.raises(AgendaError) as error:
        load_agenda(path)
    assert error.value.line == 4 and "UTF-8" in str(error.value)


REGISTER = default_register()


@FUZZ
@given(line=any_text)
def test_entry_line_grammar_parses_or_says_why(line):
    try:
        parsed = parse_line(line, REGISTER)
    except EntryLineError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(parsed, (Intervention, Note, Command))
    if isinstance(parsed, Note):
        assert parsed.text == without_controls(line).strip()  # a note is kept as typed, less control characters


@pytest.mark.parametrize(
    "line",
    ["DE: " + "x" * 1_000_000, "DE, " * 100_000 + ": y", "DE FR " * 100_000 + "called", "/" + "x" * 100_000,
     "\u202eDE: مرحبا", "\x00\x1b[31mDE called\x7f", ":" * 100_000],
)
def test_entry_line_grammar_on_extreme_lines(line):
    test_entry_line_grammar_parses_or_says_why.hypothesis.inner_test(line)


@pytest.fixture(scope="module")
def session():
    store = Store(":memory:")
    meeting_id = store.create_meeting(agenda(), datetime(2021, 11, 22, 10))
    session = Session(store, meeting_id, FrozenClock(datetime(2021, 11, 22, 10)))
    session.go_next()
    yield session
    store.close()


@FUZZ
@given(line=st.one_of(any_text, st.sampled_from(["/", "/go", "/go 99", "/end", "/floor", "/prev", "/add", "/add 1",
                                                  "/outcome", "/outcome withdrawn", "/action :", "/present", "/undo"])
                                                  .flatmap(lambda c: st.tuples(st.just(c), any_text).map(" ".join))))
def test_apply_line_applies_or_says_why(session, line):
    entries = len(session.meeting.entries)
    try:
        result = session.apply_line(line)
    except (EntryLineError, SessionError) as error:
        assert "\n" not in str(error)
        assert len(session.meeting.entries) == entries
        return
    assert result.message and "\n" not in result.message


def test_apply_line_memory_matches_the_store_after_the_fuzzing(session):
    stored = session.store.load_meeting(session.meeting_id)
    assert sorted(map(repr, session.meeting.entries)) == sorted(map(repr, stored.entries))
    assert sorted(map(repr, session.meeting.items)) == sorted(map(repr, stored.items))


@FUZZ
@given(text=st.one_of(any_text, st.dates().map(lambda d: f"{d.day} {d:%B} {d.year}"),
                      st.dates().map(lambda d: f"{d:%A} {d.day}/{d.month}/{d.year}")))
def test_date_parser_returns_a_date_or_value_error(text):
    try:
        assert isinstance(parse_meeting_date(text), date)
    except ValueError as error:
        assert "\n" not in str(error)


@FUZZ
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_date_parser_reads_what_the_program_writes(day):
    assert parse_meeting_date(f"{day.day} {day:%B} {day.year}") == day
    assert parse_meeting_date(day.isoformat()) == day


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)


def _valid_document() -> dict:
    store = Store(":memory:")
    meeting_id = store.create_meeting(agenda(), datetime(2021, 11, 22, 10))
    session = Session(store, meeting_id, FrozenClock(datetime(2021, 11, 22, 10)))
    for line in ("/next", "DE called for more", "a note", "/outcome took note", "/present DE"):
        session.apply_line(line)
    return json.loads(meeting_to_json(session.meeting))


VALID = _valid_document()


def _replace_somewhere(document, path_choices, value):
    """The document with the value at one path (chosen by the indexes) replaced by `value`."""
    node = document
    for choice in path_choices:
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        if not children:
            break
        key, child = children[choice % len(children)]
        if not isinstance(child, (dict, list)) or choice % 3 == 0:
            node[key] = value
            return document
        node = child
    return document


def _json_or_value_error(text: str) -> None:
    try:
        meeting_from_json(text)
    except ValueError as error:
        assert "\n" not in str(error)


@FUZZ
@given(text=st.one_of(any_text, json_values.map(json.dumps)))
def test_json_import_of_arbitrary_text(text):
    _json_or_value_error(text)


@FUZZ
@given(path=st.lists(st.integers(0, 50), min_size=1, max_size=6), value=json_values)
def test_json_import_of_damaged_documents(path, value):
    _json_or_value_error(json.dumps(_replace_somewhere(json.loads(json.dumps(VALID)), path, value)))


def test_json_import_of_deep_nesting():
    _json_or_value_error('{"schema": "minutes_tui/meeting", "version": 1, "meeting": ' + "[" * 100_000 + "]" * 100_000 + "}")


def test_json_import_round_trip_of_a_large_meeting():
    document = json.loads(json.dumps(VALID))
    entry = document["meeting"]["entries"][0]
    document["meeting"]["entries"] = [dict(entry, id=n, text="\u202e" + "x" * 1000) for n in range(10_000)]
    assert len(meeting_from_json(json.dumps(document)).entries) == 10_000
