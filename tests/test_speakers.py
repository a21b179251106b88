"""The speaker register: data file, look-up, completion, protocol order, a meeting's own speakers."""

import pytest

from minutes_tui.core.model import Speaker, SpeakerKind
from minutes_tui.core.speakers import Register, default_register

EU27 = "BE BG CZ DK DE EE IE EL ES FR HR IT CY LV LT LU HU MT NL AT PL PT RO SI SK FI SE".split()
OTHERS = (
    "PRES CHAIR COM EEAS CLS GSC CTC EUROPOL EUROJUST FRONTEX FRA CEPOL EULISA EUDA EUAA INTCEN "
    "IS LI NO CH UK"
).split()


@pytest.fixture
def register() -> Register:
    return default_register()


def test_member_states_are_in_protocol_order(register):
    delegations = [s.code for s in register if s.kind is SpeakerKind.DELEGATION]
    assert delegations == EU27


@pytest.mark.parametrize("code", EU27 + OTHERS)
def test_every_code_is_found_in_any_case(register, code):
    assert register.get(code).code == code
    assert register.lookup(code.lower()).code == code
    assert register.is_known(code)


def test_no_word_names_two_speakers(register):
    seen: dict[str, str] = {}
    for s in register:
        for word in {s.code, s.name, s.adjective, s.phrase, *s.aliases} - {""}:
            key = word.casefold().removeprefix("the ")
            assert seen.setdefault(key, s.code) == s.code, word


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("Germany", "DE"),
        ("german", "DE"),
        ("the German delegation", "DE"),
        ("German delegation", "DE"),
        ("  the   german  DELEGATION ", "DE"),
        ("Greece", "EL"),
        ("Hellenic", "EL"),
        ("GR", "EL"),
        ("Greek", "EL"),
        ("Czech Republic", "CZ"),
        ("Netherlands", "NL"),
        ("Dutch", "NL"),
        ("Cypriot", "CY"),
        ("Cyprus", "CY"),
        ("Malta", "MT"),
        ("Maltese", "MT"),
        ("Luxembourg", "LU"),
        ("Presidency", "PRES"),
        ("the Presidency", "PRES"),
        ("pres", "PRES"),
        ("Chair", "CHAIR"),
        ("Commission", "COM"),
        ("Cion", "COM"),
        ("CTC", "CTC"),
        ("EU CTC", "CTC"),
        ("the EU CTC", "CTC"),
        ("eu-LISA", "EULISA"),
        ("EMCDDA", "EUDA"),
        ("EASO", "EUAA"),
        ("SitCen", "INTCEN"),
        ("Europol", "EUROPOL"),
        ("fra", "FRA"),
        ("fr", "FR"),
        ("Swiss", "CH"),
        ("Norway", "NO"),
        ("Legal Service", "CLS"),
    ],
)
def test_lookup_accepts_names_adjectives_phrases_and_aliases(register, token, code):
    assert register.lookup(token).code == code


@pytest.mark.parametrize("token", ["", "ZZ", "the Chair of the TELECOM working party", "Interpol"])
def test_unknown_tokens(register, token):
    assert register.lookup(token) is None
    assert not register.is_known(token)


def test_get_raises_for_unknown_and_for_non_codes(register):
    with pytest.raises(KeyError):
        register.get("ZZ")
    with pytest.raises(KeyError):
        register.get("Germany")


def test_phrases_and_adjectives_follow_council_usage(register):
    assert register.get("DE").phrase == "the German delegation"
    assert register.get("NL").adjective == "Netherlands"
    assert register.get("LU").phrase == "the Luxembourg delegation"
    assert register.get("CY").adjective == "Cyprus"
    assert register.get("MT").adjective == "Maltese"
    assert register.get("CTC").phrase == "the EU CTC"
    assert register.get("EULISA").name == "eu-LISA"
    assert all(s.adjective for s in register if s.kind in {SpeakerKind.DELEGATION, SpeakerKind.ASSOCIATED})


def in_protocol_order(register, tokens):
    """The tokens as `Register.in_protocol_order` orders them, and checked to be looked up right."""
    pairs = register.in_protocol_order(tokens)
    assert all(speaker is register.lookup(token) for token, speaker in pairs)
    return [token for token, _ in pairs]


def test_in_protocol_order_keeps_unknown_at_the_end(register):
    assert in_protocol_order(register, ["SE", "DE", "NL", "FR"]) == ["DE", "FR", "NL", "SE"]
    assert in_protocol_order(register, ["SI", "SK", "FI", "AT", "EL", "ES"]) == ["EL", "ES", "AT", "SI", "SK", "FI"]
    assert in_protocol_order(register, ["a mayor", "COM", "de", "Interpol", "PRES"]) == [
        "PRES",
        "de",
        "COM",
        "a mayor",
        "Interpol",
    ]
    assert in_protocol_order(register, []) == []


def test_complete_lists_codes_first_then_names(register):
    codes = [s.code for s in register.complete("c")]
    assert codes[:3] == ["CHAIR", "CZ", "CY"]
    assert codes.index("CEPOL") < codes.index("HR")  # HR through "Croatia"
    assert [s.code for s in register.complete("ger")] == ["DE"]
    assert [s.code for s in register.complete("Dut")] == ["NL"]
    assert len(register.complete("")) == len(register)
    assert register.complete("qq") == []


def test_with_speakers_adds_a_meetings_own_speakers(register):
    mayor = Speaker(code="MAYOR", name="the Mayor", phrase="the Mayor")
    chair = Speaker(code="CHAIR", name="the Chair", phrase="the Chair of the TELECOM working party")
    meeting = register.with_speakers([mayor, chair])
    assert meeting.lookup("mayor") is mayor
    assert meeting.lookup("the Mayor") is mayor
    assert meeting.get("CHAIR").phrase == "the Chair of the TELECOM working party"
    assert list(meeting)[-1] is mayor
    assert list(meeting)[1].phrase == chair.phrase  # the replaced Chair keeps its place
    assert in_protocol_order(meeting, ["MAYOR", "DE"]) == ["DE", "MAYOR"]
    assert not register.is_known("MAYOR")  # the default register is unchanged
    assert len(meeting) == len(register) + 1


def test_register_can_be_built_from_other_data():
    register = Register.from_toml(
        """
        [[speaker]]
        code = "B"
        name = "Bravo"
        phrase = "the Bravo member"
        kind = "delegation"
        adjective = "Bravo"

        [[speaker]]
        code = "A"
        name = "Alpha"
        phrase = "the Alpha member"
        aliases = ["first"]
        """
    )
    assert [s.code for s in register] == ["B", "A"]
    assert register.lookup("first").code == "A"
    assert register.get("A").kind is SpeakerKind.OTHER


def test_a_meetings_own_alias_wins_over_a_registered_code():
    """A city council's Mayor, alias "Chair", is who "Chair:" means there: one speaker, not two."""
    mayor = Speaker("MAYOR", "the Mayor", "the Mayor", SpeakerKind.CHAIR, aliases=("Mayor", "Chair"))
    register = default_register().with_speakers([mayor])
    assert register.lookup("Chair") == register.lookup("CHAIR") == mayor
    assert default_register().lookup("Chair").code == "CHAIR"  # elsewhere the register's Chair
