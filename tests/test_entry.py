"""The quick-entry grammar, on the sentences secretaries really type."""

import pytest

from minutes_tui.core.entry import (
    COMMANDS, Command, EntryLineError, Intervention, Note, entry_line, in_paragraphs, on_one_line, parse_line, pasted_lines,
)
from minutes_tui.core.model import Entry, EntryKind, Speaker, SpeakerKind
from minutes_tui.core.speakers import default_register

REGISTER = default_register()


@pytest.mark.parametrize(
    "line, speakers, text",
    [
        ("DE called for support for the Czech candidate", ("DE",), "called for support for the Czech candidate"),
        ("DE, FR and NL: expressed concern about the instrumentalisation of migrants", ("DE", "FR", "NL"), "expressed concern about the instrumentalisation of migrants"),
        ("DE, FR and NL expressed concern", ("DE", "FR", "NL"), "expressed concern"),
        ("germany: supported the text", ("DE",), "supported the text"),
        ("the Netherlands and Sweden: entered a scrutiny reservation", ("NL", "SE"), "entered a scrutiny reservation"),
        ("PRES informed on the state of play", ("PRES",), "informed on the state of play"),
        ("COM informed the Committee of the meeting", ("COM",), "informed the Committee of the meeting"),
        ("Cion debriefed the WP", ("COM",), "debriefed the WP"),
        ("EU CTC presented the priorities", ("CTC",), "presented the priorities"),
        ("IT could support the compromise", ("IT",), "could support the compromise"),
        ("PRES also informed about the conference", ("PRES",), "also informed about the conference"),
        # names as the register writes them work without a colon too
        ("Europol presented its report", ("EUROPOL",), "presented its report"),
        ("Frontex and eu-LISA informed delegations", ("FRONTEX", "EULISA"), "informed delegations"),
        ("Germany: could support the text", ("DE",), "could support the text"),
        (
            "The Chair of the TELECOM working part: provided an update on the AI Act",
            ("The Chair of the TELECOM working part",),
            "provided an update on the AI Act",
        ),
        ("Chair of the TELECOM working party: provided an update", ("Chair of the TELECOM working party",), "provided an update"),
        # people named with a title are several; any other comma is an apposition to one speaker
        ("Mr de Vries, Ms Jansen and Dr Smit: asked for more time", ("Mr de Vries", "Ms Jansen", "Dr Smit"), "asked for more time"),
        ("Mr John Smith, resident of Elm Street: complained", ("Mr John Smith, resident of Elm Street",), "complained"),
    ],
)
def test_interventions(line, speakers, text):
    assert parse_line(line, REGISTER) == Intervention(speakers, text)


@pytest.mark.parametrize(
    "line",
    [
        "IT systems were slow to respond.",  # IT is Italy only when a verb follows
        "AT the end of the meeting the Chair thanked everybody.",
        "Delegations expressed concern about the instrumentalisation of migrants.",
        "COSI expressed overall support for the renewed EU Migrant Smuggling Action Plan.",
        "It was concluded that a more comprehensive intelligence picture is needed.",
        "Conclusion: The meeting ended at 13.00.",  # capitalised after the colon: a note
        "10:30 coffee break",
        "de called for support",  # lower-case code without a colon: ordinary text
        "A progress report will be presented to the Council on 3 December 2021.",
        "Ireland was the only Member State to have opted out.",  # a country's name without a colon: a note
        "Romania and Bulgaria joined Schengen air borders in March.",
    ],
)
def test_ordinary_sentences_stay_notes(line):
    assert parse_line(line, REGISTER) == Note(line)


@pytest.mark.parametrize(
    "line, name, args",
    [
        ("/next", "next", ""),
        ("/n", "next", ""),
        ("/prev", "prev", ""),
        ("/go 6.2", "go", "6.2"),
        ("/outcome endorsed the recommendations as set out in 13682/21", "outcome", "endorsed the recommendations as set out in 13682/21"),
        ("/action Delegations: send comments by 30 July 2014", "action", "Delegations: send comments by 30 July 2014"),
        ("/present DE FR NL", "present", "DE FR NL"),
        ("/UNDO", "undo", ""),
    ],
)
def test_commands(line, name, args):
    assert parse_line(line, REGISTER) == Command(name, args)


def test_unknown_command_lists_the_known_ones():
    with pytest.raises(EntryLineError, match=r"unknown command /frobnicate: try /next"):
        parse_line("/frobnicate", REGISTER)


@pytest.mark.parametrize("line", ["/next extra", "/n 4", "/close now", "/undo it"])
def test_words_after_a_command_that_takes_none_are_refused_not_dropped(line):
    with pytest.raises(EntryLineError, match=r"takes nothing after it"):
        parse_line(line, REGISTER)


def test_empty_line_is_an_error():
    with pytest.raises(EntryLineError):
        parse_line("   ", REGISTER)


def test_pasted_control_characters_are_dropped():
    """A paste can carry them (the entry line keeps its first line only); no export can show them."""
    assert parse_line("DE:\x07 called for\x1b support\x00", REGISTER) == Intervention(("DE",), "called for support")
    assert parse_line("\x01the\x0cagenda\uffff", REGISTER) == Note("the agenda")
    with pytest.raises(EntryLineError):
        parse_line("\x07\x08", REGISTER)


def test_a_meetings_own_speakers_are_recognised():
    register = REGISTER.with_speakers([Speaker("MAYOR", "the Mayor", "the Mayor", SpeakerKind.OTHER)])
    assert parse_line("MAYOR thanked the councillors", register) == Intervention(("MAYOR",), "thanked the councillors")


def test_every_command_has_usage_and_help():
    for spec in COMMANDS:
        assert spec.usage.startswith("/" + spec.name) and spec.help


@pytest.mark.parametrize(("entry", "text", "speakers", "parsed"), [
    (Entry(1, 1, EntryKind.INTERVENTION, "x", ["DE"]), "called for support", "DE", Intervention(("DE",), "called for support")),
    (Entry(1, 1, EntryKind.NOTE, "x", private=True), "ask the Chair", "", Command("private", "ask the Chair")),
    (Entry(1, 1, EntryKind.ACTION, "x", ["COM"], deadline="by 30 July 2024"), "send comments", "Delegations",
     Command("action", "Delegations: send comments by 30 July 2024")),
    (Entry(1, 1, EntryKind.OUTCOME, "", outcome="took_note"), "", "", Command("outcome", "took_note")),
    (Entry(1, 1, EntryKind.STATEMENT, "x", ["PL"]), "Poland supports the text.", "PL",
     Command("statement", "PL: Poland supports the text.")),
])
def test_an_entry_as_a_line_parses_back_to_its_kind(entry, text, speakers, parsed):
    assert parse_line(entry_line(entry, text, speakers), REGISTER) == parsed


@pytest.mark.parametrize(("line", "parsed"), [
    ("NL, supported by BE and LU, called for more", Intervention(("NL",), ", supported by BE and LU, called for more")),
    ("DE and FR, joined by NL, asked for time", Intervention(("DE", "FR"), ", joined by NL, asked for time")),
    ("IT, security was discussed", Note("IT, security was discussed")),
])
def test_a_speaker_backed_by_others_is_the_speaker(line, parsed):
    assert parse_line(line, REGISTER) == parsed


@pytest.mark.parametrize(
    ("pasted", "lines"),
    [
        # notes from a chat or an e-mail: a speaker first after a whole sentence, or a command, starts a line
        ("DE: supported the text.\nFR: expressed concerns about\nthe timeline.\nDelegations agreed.\n/next\nPRES informed on it.",
         ["DE: supported the text.", "FR: expressed concerns about the timeline.", "Delegations agreed.", "/next", "PRES informed on it."]),
        # the delegations as the subject: a note of its own, not the words of the speaker before
        ("PL: We cannot support this approach.\nSeveral delegations welcomed the report.\nMember States\nagreed.",
         ["PL: We cannot support this approach.", "Several delegations welcomed the report. Member States agreed."]),
        ("/outcome took note\nDE: welcomed it", ["/outcome took note", "DE: welcomed it"]),
        # a statement wrapped in a PDF stays one line, even where a wrapped line starts with a speaker
        ("The text is acceptable. We support the long-\nterm approach and the\nCommission stressed that", [
            "The text is acceptable. We support the long-term approach and the Commission stressed that"]),
        ("\nthe action plan\r\n  as set out in 13682/21\n", [" the action plan as set out in 13682/21 "]),
        ("/nonsense\nDE: supported it.", ["/nonsense DE: supported it."]),  # not a command: nothing to split at
    ],
)
def test_a_paste_of_several_lines_is_split_where_a_new_line_would_start(pasted, lines):
    assert pasted_lines(pasted, REGISTER) == lines


@pytest.mark.parametrize("line", ["EPPO indicated that it stood ready", "eppo: indicated that it stood ready"])
def test_the_occasional_bodies_are_speakers(line):
    assert parse_line(line, REGISTER) == Intervention(("EPPO",), "indicated that it stood ready")


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("DE FR supported", Intervention(("DE", "FR"), "supported")),  # codes as the register writes them need no comma
        ("DE FR and NL supported it", Intervention(("DE", "FR", "NL"), "supported it")),
        ("FR didn't support", Intervention(("FR",), "didn't support")),
        ("IT systems were slow", Note("IT systems were slow")),
        ("DE FR", Note("DE FR")),
    ],
)
def test_bare_interventions_in_haste(line, parsed):
    assert parse_line(line, REGISTER) == parsed


def test_a_pasted_statement_keeps_its_paragraphs_on_one_line_with_a_mark():
    """A delegation's written statement runs to paragraphs; the Annex prints them (a blank line in
    other pasted text is a space)."""
    pasted = "/s PL: Poland supports the compromise.\n\nFirst, the text is\nbalanced.\r\n\r\nSecond, a review.\nDE: agreed."
    assert pasted_lines(pasted, REGISTER) == [
        "/s PL: Poland supports the compromise. ¶ First, the text is balanced. ¶ Second, a review.", "DE: agreed."]
    assert pasted_lines("Notes.\n\nMore notes.", REGISTER) == ["Notes. More notes."]
    text = in_paragraphs("Poland supports it. ¶ First, balanced. ¶ ")
    assert text == "Poland supports it.\n\nFirst, balanced."
    assert on_one_line(text) == "Poland supports it. ¶ First, balanced."
