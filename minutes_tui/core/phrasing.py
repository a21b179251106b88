"""Turning captured entries into Council-style sentences, following a house style.

The words are data: outcome phrases, labels and verbs in `data/phrases.toml`, house styles in
`data/styles.toml`. Sentences are reported speech in the past tense, as the entries were typed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from minutes_tui.core.entry import split_speakers
from minutes_tui.core.model import OUTCOME_CODES, AgendaItem, Attendance, Entry, EntryKind, MeetingDetails, Speaker
from minutes_tui.core.speakers import DELEGATION_KINDS, Register, default_register


@cache
def _package_toml(filename: str) -> dict:
    return tomllib.loads(resources.files("minutes_tui.data").joinpath(filename).read_text("utf-8"))


_PHRASES = _package_toml("phrases.toml")
OUTCOME_LABELS: dict[str, str] = {code: _PHRASES["labels"][code] for code in OUTCOME_CODES}


@dataclass(frozen=True)
class HouseStyle:
    """How a secretariat writes; see data/styles.toml for the meaning of each setting."""

    name: str = "council"
    delegations: str = "adjective"  # "adjective" | "code" | "name"
    order: str = "protocol"  # "protocol" | "alphabetical" | "spoken"
    group_threshold: int = 3
    group_format: str = "{count} delegations ({list})"
    group_list: str = "code"  # "code" | "name"
    body: str = "body_name"  # "body_name" | "short_name"
    doc_type: str = "OUTCOME OF PROCEEDINGS"  # the document's title
    institution: str = "Council of the European Union"  # the letterhead; "": the committee's name
    language_line: bool = True  # "(OR. en)" under the issue line
    list_present: bool = False  # name who was present too (the Council names the remote and absent only)
    council_header: bool = True  # "Brussels, <issue date>" and From/On/To; else Date and Place
    absent: str = "did not attend the meeting"  # what is said of those absent ("sent apologies")
    actions: str = "invited"  # "invited": "X was invited to ..."; "action": "Action: X to ..."
    phrases: dict[str, str] = field(default_factory=dict)  # speaker phrase by code
    outcomes: dict[str, str] = field(default_factory=dict)  # outcome phrase by key

    @classmethod
    def from_toml(cls, path: Path, name: str = "council") -> HouseStyle:
        """The style `name` from a styles TOML file."""
        return _style_from(tomllib.loads(path.read_text(encoding="utf-8")), name)

    def speaker_phrase(self, speaker: Speaker) -> str:
        return self.phrases.get(speaker.code, speaker.phrase)

    def outcome_phrase(self, key: str) -> str:
        return self.outcomes.get(key) or _PHRASES["outcomes"].get(key, "")


_CHOICES = {
    "delegations": {"adjective", "code", "name"},
    "order": {"protocol", "alphabetical", "spoken"},
    "group_list": {"code", "name"},
    "body": {"body_name", "short_name"},
    "actions": {"invited", "action"},
}


def _style_from(data: dict, name: str) -> HouseStyle:
    if name not in data:
        raise KeyError(f"no house style {name!r}; known: {', '.join(data)}")
    settings = {key: dict(value) if isinstance(value, dict) else value for key, value in data[name].items()}
    unknown = set(settings) - {f.name for f in fields(HouseStyle)} - {"name"}
    if unknown:
        raise ValueError(f"house style {name!r}: unknown settings {', '.join(sorted(unknown))}")
    for key, allowed in _CHOICES.items():
        if key in settings and settings[key] not in allowed:
            raise ValueError(f"house style {name!r}: {key} must be one of {', '.join(sorted(allowed))}")
    for key in ("language_line", "list_present", "council_header"):
        if not isinstance(settings.get(key, False), bool):
            raise ValueError(f"house style {name!r}: {key} must be true or false")
    return HouseStyle(**(settings | {"name": name}))


def load_style(name: str = "council", path: Path | None = None) -> HouseStyle:
    """A house style by name, from `path` or from the package's data/styles.toml."""
    if path is not None:
        return HouseStyle.from_toml(path, name)
    return _style_from(_package_toml("styles.toml"), name)


def style_names(path: Path | None = None) -> list[str]:
    """The names of the house styles in `path` or in the package's data/styles.toml."""
    data = tomllib.loads(path.read_text("utf-8")) if path else _package_toml("styles.toml")
    return list(data)


# --- sentences ---------------------------------------------------------------------------------

_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_word(n: int) -> str:
    """0-99 spelled out ("twenty-seven"); larger numbers as digits."""
    if n < 20:
        return _NUMBERS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_NUMBERS[ones]}" if ones else "")
    return str(n)


def join_words(words: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def capitalise(text: str) -> str:
    """Upper-case the first letter, unless the first word is written with mixed case ("eu-LISA")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """`text` capitalised and ending with exactly one full stop (or its own "?" or "!")."""
    text = re.sub(r"[\s,;:]+$", "", text.strip())
    text = re.sub(r"\.{2,}$", ".", text)
    if text and not re.search(r"[.?!][\"')\]’”]*$", text):
        text += "."
    return capitalise(text)


def _needs_subject(text: str) -> bool:
    """Whether `text` starts with a lower-case word, i.e. a verb waiting for its subject."""
    return re.match(r"[a-z]+(?:[-'’][a-z]+)*(?=[\s,;:.]|$)", text) is not None  # "cross-check", "co-chaired", "didn't" too


# A verb that needs no "invited to" before it: an auxiliary, a past ("-ed", or irregular) or a
# present ("-s") tense; not a bare verb that happens to end so ("proceed", "need", "discuss"), nor
# a word that is no verb ("this", "perhaps").
_FINITE_VERB = re.compile(
    r"(?!(?:pro|suc|ex)ceed\b|(?:f|n|sp|h|bl|br)eed\b|shed\b|embed\b"
    r"|(?:this|his|its|yes|thus|perhaps|unless|less|whereas|always|towards|afterwards|besides|sometimes)\b)"
    r"(?:will|shall|would|should|could|can|may|might|must|is|are|was|were|has|have|had|did|does|took|gave|sent"
    r"|made|undertook|wrote|said|held|led|brought|drew|spoke|told|kept|came|became|got|went|began|found|knew"
    r"|left|lost|met|paid|ran|saw|sold|stood|thought|understood|won|withdrew|chose|fell|felt|heard|meant|rose"
    r"|sought|taught|put|set|read|cannot|\w+n't|\w[\w-]*ed|\w+[^su\W]s)(?!\w)"
)
# Verbs whose past is their base form: in an action point, what is to be done ("set a date", "read
# the draft"), not what was done.
_BASE_AS_PAST = re.compile(r"(?:put|set|read|cut|let|hit|shut|cast|spread|quit|upset)\b")
# What follows a speaker's name as its predicate: a finite verb, perhaps after adverbs ("also
# stressed", "strongly supported", "did not support").
_ADVERBS = r"(?:(?:also|further|again|then|finally|additionally|similarly|likewise|not|\w+ly),? )*"
_PREDICATE = re.compile(r"(?=[a-z])" + _ADVERBS + _FINITE_VERB.pattern)
# The present tense of what a speaker said in the first person, and its past: the minutes report it
# ("We cannot accept this": "... could not accept this"). "{be}" is "was" or "were", by the speakers'
# number. A past or a modal that needs no shift ("We supported", "We must") is kept as it is.
_PAST = {
    "cannot": "could not", "can't": "could not", "can": "could", "will": "would", "won't": "would not",
    "shall": "would", "may": "might", "am": "{be}", "is": "{be}", "are": "{be}", "isn't": "{be} not",
    "aren't": "{be} not", "have": "had", "haven't": "had not", "do": "did", "don't": "did not",
    "need": "needed", "want": "wanted", "wish": "wished", "agree": "agreed", "support": "supported",
    "oppose": "opposed", "accept": "accepted", "welcome": "welcomed", "prefer": "preferred",
    "propose": "proposed", "consider": "considered", "believe": "believed", "hope": "hoped",
    "regret": "regretted", "share": "shared", "expect": "expected", "request": "requested",
    "insist": "insisted", "think": "thought", "see": "saw", "understand": "understood", "feel": "felt",
    "find": "found", "say": "said", "thank": "thanked", "stress": "stressed", "underline": "underlined",
    "recall": "recalled", "ask": "asked", "inform": "informed", "highlight": "highlighted", "express": "expressed",
}
# The courtesy before saying something ("I would like to thank the Presidency"): the minutes report
# the act, "thanked"; not a wish ("would like to see a new text").
_COURTESY = re.compile(r"(?:would like|wish|want) to (thank|stress|underline|recall|ask|inform|highlight|express|welcome)\b")
_PRESENT = re.compile(_ADVERBS + "(" + "|".join(sorted(_PAST, key=len, reverse=True)).replace("'", "['’]") + r")(?!\w)")
# After a verb of thinking or saying, what the speaker thought is shifted into the past too ("We
# think the text is fine": "... thought the text was fine"): only the clause's first auxiliary, the
# one word whose shift is safe; any other verb ("goes") is left as said.
_OPINION = frozenset({"think", "believe", "consider", "feel", "find", "say"})
_SHIFTED = {"is": "was", "are": "were", "has": "had", "have": "had", "can": "could", "cannot": "could not",
            "will": "would", "does not": "did not", "do not": "did not"}
# The clause's first auxiliary; one that needs no shift ("should", "don't"), or "to" before a bare
# "have", stops the search. "will" and "can" followed by what a noun is ("political will is ...") are none.
_AUXILIARY = re.compile(
    r"(?<![\w'’-])(?:(?:will|can)(?!\s+(?:to|of|is|are|was|were|has|had|and|or)\b)|do(?:es)?\s+not|is|are|has|have"
    r"|cannot|was|were|had|do|does|did|could|would|should|shall|may|might|must|ought|to|\w+n['’]t)(?![\w'’-])"
)


# --- speakers ----------------------------------------------------------------------------------


def speakers_subject(codes: list[str], register: Register, style: HouseStyle) -> str:
    """The subject naming `codes`: "The German and French delegations", "The Commission" ...; one
    speaker named with an apposition closes it with a comma ("Mr John Smith, resident of Elm
    Street, complained ...")."""
    subject = capitalise(speakers_named(codes, register, style))
    apposition = len(codes) == 1 and ", " in codes[0] and register.lookup(codes[0]) is None
    return subject + "," if apposition and not subject.endswith(",") else subject


def speakers_named(codes: list[str], register: Register, style: HouseStyle) -> str:
    """`codes` named as mid-sentence: "the German and French delegations", "two delegations (DE and FR)"."""
    looked_up = _looked_up(register, style, [c.strip() for c in codes if c.strip()])
    named: dict[str, tuple[str, Speaker | None]] = {}  # one entry per speaker, however named
    for token, speaker in looked_up:
        named.setdefault(speaker.code if speaker else token, (token, speaker))
    delegations = [s for _, s in named.values() if s and s.kind in DELEGATION_KINDS]
    parts: list[str] = []
    for token, speaker in named.values():
        if speaker is None and (body := _BODY_WORD.fullmatch(token)):  # "Board": a body is named with "the"
            parts.append(f"the {body.group(1)}")
        elif speaker is None:
            parts.append(re.sub(r"^The\b", "the", token))  # free text, as typed ("The Chair of CATS" mid-sentence)
        elif speaker.kind not in DELEGATION_KINDS:
            parts.append(style.speaker_phrase(speaker))
        elif speaker is delegations[0]:
            parts.extend(_delegations(delegations, style))
    return join_words(parts)


def _looked_up(register: Register, style: HouseStyle, tokens: list[str]) -> list[tuple[str, Speaker | None]]:
    """Each token with its speaker (None if unknown), in protocol order unless the style keeps the spoken one."""
    if style.order == "spoken":
        return [(token, register.lookup(token)) for token in tokens]
    return register.in_protocol_order(tokens)


def _delegations(delegations: list[Speaker], style: HouseStyle) -> list[str]:
    """The delegations as one grouped part ("the German and French delegations") or several."""
    counted = len(delegations) > style.group_threshold

    def label(speaker: Speaker) -> str:
        if counted:
            return speaker.code if style.group_list == "code" else speaker.name
        return _delegation_label(speaker, style)

    if style.order == "alphabetical":
        delegations = sorted(delegations, key=lambda s: label(s).removeprefix("the "))
    if counted:
        listed = join_words([label(s) for s in delegations])
        return [style.group_format.format(count=number_word(len(delegations)), list=listed)]
    adjectives = [_adjective(s, style) for s in delegations]
    if style.delegations == "adjective" and len(delegations) > 1 and all(adjectives):
        return [f"the {join_words(adjectives)} delegations"]
    if style.delegations == "adjective":
        return [style.speaker_phrase(s) for s in delegations]
    return [_delegation_label(s, style) for s in delegations]


def _delegation_label(speaker: Speaker, style: HouseStyle) -> str:
    if style.delegations == "code":
        return speaker.code
    if style.delegations == "name":
        return speaker.name
    return _adjective(speaker, style) or speaker.code


def _adjective(speaker: Speaker, style: HouseStyle) -> str:
    """The adjective, taken from the style's phrase when it reads "the X delegation"."""
    match = re.fullmatch(r"the (.+) delegation", style.speaker_phrase(speaker))
    return match.group(1) if match else speaker.adjective


def _with_subject(subject: str, text: str, empty: str) -> str:
    if not text:
        return sentence(f"{subject} {empty}") if subject and empty else ""
    if subject and _needs_subject(text):
        return sentence(f"{subject} {text}")
    if subject and text[0] in "(,":  # "(supported by AT) called for ...", ", supported by BE, called for ..."
        return sentence(f"{subject}{'' if text[0] == ',' else ' '}{text}")
    return sentence(text)


def intervention_sentence(entry: Entry, register: Register, style: HouseStyle) -> str:
    """ "DE" + "called for support ..." -> "The German delegation called for support ...".

    Shorthand for what the speaker did gets the speaker as its subject (see `_as_predicate`). Other
    text is kept if it names the speaker ("Germany supported it"); else it is what the speaker said,
    quoted after the speaker's name: the minutes never lose who spoke.
    """
    subject = speakers_subject(entry.speakers, register, style)
    text = _backers_named(_BULLET.sub("", entry.text.strip()), register, style)
    if not subject:
        return _with_subject(subject, text, "took the floor")
    text = _as_predicate(text, _plural(entry.speakers, subject))
    if not text or _PREDICATE.match(text) or text[0] in "(,":
        return _with_subject(subject, text, "took the floor")
    if _names_a_speaker(text, entry.speakers, register):  # "Germany supported it", "the German delegation called ..."
        return sentence(text)
    return sentence(f'{subject} stated: "{sentence(text)}"')


_BULLET = re.compile(r"^[-–—•*]\s+")  # "- supported the text": a dash typed out of habit
# Delegations named by their codes after words that relate them to the speaker: "supported by BE and
# LU", "agreed with DE", "as did FR", "while FR opposed", "unlike NL".
_BACKERS = re.compile(r"\b((?:(?:supported|joined|seconded|backed|echoed) by|with|as did|while|whereas|unlike|like) )"
                      r"([A-Z]{2,7}(?:(?:, | and )[A-Z]{2,7})*)"
                      # then the sentence goes on as about a speaker, not "with IT systems"
                      r"(?=\s*(?:$|[.,;:)])|\s+(?:[a-z]+ed|did|had|was|were|said|could|would|on|in|about|that)\b)")


def _backers_named(text: str, register: Register, style: HouseStyle) -> str:
    """"supported by BE and LU" -> "supported by the Belgian and Luxembourg delegations", "agreed
    with DE" -> "agreed with the German delegation", as the subject names them (codes the register
    does not know stay as typed)."""
    def named(match: re.Match[str]) -> str:
        codes = re.split(r", | and ", match.group(2))
        if not all(register.lookup(code) and register.lookup(code).code == code for code in codes):
            return match.group(0)
        return match.group(1) + speakers_named(codes, register, style)

    return _BACKERS.sub(named, text)


_PRONOUN = re.compile(r"(?:It|They|He|She|The delegations?) (?=[a-z])")  # the speaker, as the minute-taker wrote
_FIRST_PERSON = re.compile(r"(?:[Ww]e|I|i) (?=[a-z])")  # the speaker's own words, also typed in haste ("we support")
# Words that only the speaker could say of itself: a line holding them after its subject is quoted,
# not half-reported ("... would send our comments"). Not "I", which is also a number ("Annex I").
_OWN_WORDS = re.compile(r"(?<![\w'’])(?:[Ww]e|us|[Oo]urs?|ourselves|[Mm]y|me|myself)(?![\w'’])")


def _plural(speakers: list[str], subject: str) -> bool:
    """Whether the speakers take a plural verb: several, or one that names a group ("Delegations")."""
    return len(speakers) > 1 or re.search(r"(?i)(delegations|states|members|parties)$", subject) is not None


def _names_a_speaker(text: str, codes: list[str], register: Register) -> bool:
    """Whether `text` starts by naming one of its speakers, as its subject: by name, adjective or
    phrase in any case, by code or alias as written ("IT" names Italy, "it" does not)."""
    for code in codes:
        speaker = register.lookup(code)
        # a speaker written out ("the Chair of the TELECOM WP") is named by any of its longer words ("The Chair ...")
        names = (speaker.name, speaker.adjective, speaker.phrase) if speaker else tuple(w for w in code.split() if len(w) > 3)
        codes_as_written = (speaker.code, *speaker.aliases) if speaker else (code,)
        if _names_pattern(names, True).match(text) or _names_pattern(codes_as_written, False).match(text):
            return True
    return False


@lru_cache(maxsize=1024)
def _names_pattern(names: tuple[str, ...], any_case: bool) -> re.Pattern[str]:
    """Any of `names` as the first words of a text, as its subject ("Germany supported it", "The
    German delegation called ..."; not "we agree, as DE said"): a text is looked at once per entry worded."""
    alternatives = "|".join(re.escape(name.removeprefix("the ")) for name in names if name) or r"(?!)"
    return re.compile(rf"(?:[Tt]he\s+)?(?:{alternatives})(?!\w)", re.IGNORECASE if any_case else 0)


_ADVERB = re.compile(r"(?:Also|Further|Furthermore|Again|Then|Finally|Additionally|Similarly|Likewise) (?=[a-z])")
_CAPITAL_VERB = re.compile(r"(?:[A-Z][a-z]{3,}ed|Said|Gave|Took|Made|Felt|Saw|Thought|Sought|Spoke|Wrote) (?=[a-z])")
_RESERVATION = re.compile(r"(?:an? )?((?:(?:general|parliamentary|linguistic|scrutiny|substantive) )*reservation(s?)\b.*)", re.IGNORECASE)
_QUOTATION = re.compile(r"[\"“‘«]")


def _as_predicate(text: str, plural: bool) -> str:
    """Shorthand for what a speaker did, as the predicate that follows the speaker's name:
    "Also stressed ..." / "Welcomed the text" (a capital typed out of habit), "scrutiny
    reservation" ("entered a scrutiny reservation"), a quotation ("stated: "We cannot ..."");
    the speaker's own words reported (see `_reported`)."""
    if _ADVERB.match(text) or _CAPITAL_VERB.match(text):
        return text[0].lower() + text[1:]
    if first := _FIRST_PERSON.match(text):
        return _reported(text[first.end():], plural) or text
    if (pronoun := _PRONOUN.match(text)) and _PREDICATE.match(text, pronoun.end()):  # "It supported the text": "it" is the speaker
        return text[pronoun.end():]
    if reservation := _RESERVATION.fullmatch(text):
        what = reservation.group(1)
        return f"entered {'' if reservation.group(2) else 'a '}{what[0].lower()}{what[1:]}"
    if _QUOTATION.match(text):
        return f"stated: {text}"
    return text


def _reported(said: str, plural: bool) -> str | None:
    """What a speaker said of itself after "We" or "I", in the past tense as minutes report it
    ("cannot accept this": "could not accept this"; "need more time": "needed more time"); None
    (it is quoted as said) where its verb is not one known here ("look at it again") or it speaks
    of itself again ("... our comments")."""
    if _OWN_WORDS.search(said):
        return None
    if courtesy := _COURTESY.match(said):
        return _PAST[courtesy.group(1)] + said[courtesy.end():]
    if verb := _PRESENT.match(said):
        past = _PAST[verb.group(1).replace("’", "'")].format(be="were" if plural else "was")
        rest = said[verb.end(1) :]
        return said[: verb.start(1)] + past + (_shifted(rest) if verb.group(1) in _OPINION else rest)
    return said if _PREDICATE.match(said) else None


def _shifted(clause: str) -> str:
    """What was thought or said, its first auxiliary in the past ("the text is fine": "the text was
    fine"); as said if that is not one known to shift."""
    aux = _AUXILIARY.search(clause)
    word = " ".join(aux.group().split()) if aux else ""
    return clause[: aux.start()] + _SHIFTED[word] + clause[aux.end() :] if word in _SHIFTED else clause


def statement_sentence(entry: Entry, register: Register, style: HouseStyle) -> str:
    """Where a statement for the minutes was made: "The German delegation made a statement, set out
    in the Annex." (its text is there, under `statement_title`)."""
    return _with_subject(speakers_subject(entry.speakers, register, style), "made a statement, set out in the Annex", "")


def statement_title(entry: Entry, register: Register, style: HouseStyle) -> str:
    """"Statement by the German delegation", heading the statement's text in the Annex."""
    return f"Statement by {speakers_named(entry.speakers, register, style)}".strip()




def action_sentence(entry: Entry, register: Register, style: HouseStyle) -> str:
    """Who (speakers) does what (text) by when (deadline), as the Council words an action point.

    "Delegations were invited to send comments" + "30 July 2014" ->
    "Delegations were invited to send comments by 30 July 2014."; "COM" + "present a report" ->
    "The Commission was invited to present a report." (a bare verb is what the addressee is to do).
    """
    speakers, text = entry.speakers, entry.text.strip()
    if not speakers and (addressed := addressed_to(text, register)):  # stored before the session read it so
        speakers, text = addressed
    deadline = entry.deadline.strip()
    if deadline and deadline.casefold() not in text.casefold():
        if not re.match(r"(by|before|until|no later than|within|in|at|on)\b", deadline, re.IGNORECASE):
            deadline = f"by {deadline}"
        text = f"{text.rstrip(' .')} {deadline}".strip()
    subject = speakers_subject(speakers, register, style)
    word = text.split(maxsplit=1)[0] if text else ""
    if subject and word and not _names_a_speaker(text, speakers, register):  # the addressee must not be lost
        if not (word.replace("-", "").isalpha() and word[1:].replace("-", "").islower()):  # "3 reports by June", "EU-LISA to be consulted"
            return sentence(f"Action for {speakers_named(speakers, register, style)}: {text}")
        text = word.lower() + text[len(word):]  # "Prepare a report", "élaborer une note": what the addressee is to do
    to_do = text[:1].islower() and (not _FINITE_VERB.match(text) or _BASE_AS_PAST.match(text))
    if to_do and not subject:  # nobody named: not an order to the reader ("Send comments by ...")
        return sentence(f"Action: {text}")
    if subject and to_do:
        if style.actions == "action":  # a board's list of actions: "Action: the Chief Executive to sign ..."
            return sentence(f"Action: {speakers_named(speakers, register, style)} to {text.removeprefix('to ')}")
        text = f"{'were' if _plural(speakers, subject) else 'was'} invited to {text.removeprefix('to ')}"
    return _with_subject(subject, text, "")


# An action's addressee typed without a colon, before "to" and the verb of what it is to do
# ("Presidency to circulate ..."); not "... to be consulted", which invites nobody, nor "to the ...".
_TO_DO = re.compile(r"(\S.{0,60}?) to (?!(?:be|the|an?|this|that|these|those|its|their|which|whom|whose|all|each)\b)(?=[a-z])")
_GROUP = re.compile(r"(?:all )?(?:delegations|member states|members)", re.IGNORECASE)


def addressed_to(text: str, register: Register) -> tuple[list[str], str] | None:
    """(speakers, what they are to do) when `text` starts with known speakers, a body ("Board") or
    a group ("Delegations") followed by "to"; else None."""
    if not (match := _TO_DO.match(text)):
        return None
    prefix = match.group(1)
    speakers = split_speakers(prefix, register) or ((prefix,) if _BODY_WORD.fullmatch(prefix) or _GROUP.fullmatch(prefix) else ())
    return (list(speakers), text[match.end():]) if speakers else None


# --- attendance --------------------------------------------------------------------------------

_ATTENDANCE_PREDICATES = {  # (one, several); those present only if the style lists them
    "present": ("was present", "were present"),
    "remote": ("was also connected in videoconference", "were also connected in videoconference"),
    "absent": ("", ""),  # the style's `absent`
}


def attendance_sentences(attendance: list[Attendance], register: Register, style: HouseStyle) -> list[str]:
    """Who was connected remotely and who was absent, as the Council notes it under item 1: "Two
    delegations (EE and SE) were also connected in videoconference." (and who was present first, in a
    style that lists them). Delegations (and codes the
    register does not know) are counted and listed, in the style's order; others are named ("the
    Commission", a free-text name as typed)."""
    sentences = []
    for status, (one, several) in _ATTENDANCE_PREDICATES.items():
        if status == "present" and not style.list_present:
            continue
        looked_up = _looked_up(register, style, list(dict.fromkeys(a.code for a in attendance if a.status == status)))
        delegation = [(t, s) for t, s in looked_up if (s.kind in DELEGATION_KINDS if s else re.fullmatch(r"[A-Z]{2,7}", t))]
        counted = [s.code if s and style.group_list == "code" else s.name if s else t for t, s in delegation]
        if style.order == "alphabetical":
            counted.sort(key=lambda label: label.removeprefix("the "))
        named = [style.speaker_phrase(s) if s else t for t, s in looked_up if (t, s) not in delegation]
        if not counted and not named:
            continue
        group = style.group_format if len(counted) > 1 else re.sub(r"(\{count\} \w+?)s\b", r"\1", style.group_format)
        parts = ([group.format(count=number_word(len(counted)), list=join_words(counted))] if counted else []) + named
        predicate = style.absent if status == "absent" else several if len(counted) + len(named) > 1 else one
        sentences.append(sentence(f"{join_words(parts)} {predicate}"))
    return sentences


# --- outcomes ----------------------------------------------------------------------------------


def body_subject(details: MeetingDetails, style: HouseStyle) -> str:
    """How outcome sentences name the body, as written mid-sentence: "the Committee" or "COSI"."""
    if style.body == "short_name" and details.short_name:
        return details.short_name
    if details.body_name in ("", "the Committee"):  # the default: a Working Party, a Board is not a Committee
        committee = details.committee.casefold()
        if kind := next((kind for kind in _BODY_KINDS if kind.casefold() in committee), None):
            return f"the {kind}"
    return details.body_name or "the Committee"


# What a committee's name says it is, the most telling first ("Council Working Party" is a Working Party).
_BODY_KINDS = ("Working Party", "Working Group", "Support Group", "Steering Group", "Committee", "Board", "Council")
# A speaker typed as a body's kind ("Board", "the Committee"), which the register does not know.
_BODY_WORD = re.compile(r"(?:the\s+)?(" + "|".join(_BODY_KINDS) + "|Secretariat)", re.IGNORECASE)


_AGENDA_TITLE = re.compile(r"(adoption|approval) of the (draft |provisional )?agenda\b", re.IGNORECASE)


def is_agenda_item(item: AgendaItem) -> bool:
    """Whether the item is the adoption of the agenda ("Adoption of the agenda for the morning")."""
    return _AGENDA_TITLE.match(item.title.strip()) is not None


def outcome_sentence(
    entry: Entry,
    item: AgendaItem,
    details: MeetingDetails,
    style: HouseStyle,
    register: Register | None = None,
) -> str:
    """The outcome as a sentence: its text as typed, its text after the body, or the standard phrase
    (which a text that only qualifies the verb goes on: "adopted with amendments" on the agenda
    reads "The agenda as set out in CM 5119/21 was adopted with amendments.")."""
    text = entry.text.strip()
    if not text:
        return _standard_outcome(entry.outcome, item, details, style, register)
    verb = _OUTCOME_RE.match(text)
    qualifier = text[verb.end():].strip() if verb else ""
    if verb:
        code = _OUTCOME_OF_WORDS[_words(verb.group())]
        template = _outcome_template(code, item, style)
        passive = "{Body}" not in template  # "The item was postponed": anything may follow ("to the next meeting")
        if passive and _QUALIFIER.match(qualifier) or "the text{refs}" in template and _MANNER.match(qualifier):
            return sentence(f"{_standard_outcome(code, item, details, style, register).rstrip('.')} {qualifier}")
        text = _with_item_docs(text, qualifier, template, item)
    return sentence(f"{body_subject(details, style)} {text}" if _PREDICATE.match(text) else text)


_OBJECT = re.compile(r"(?:of )?(?:the|a|an|its|their)\b")  # "endorsed the procedure ...", "took note of the items ..."
_NAMES_A_DOCUMENT = re.compile(r"\bset out in\b|\d/\d\d")  # "as set out in ...", "WK 1234/21"
# What is said, not set out in a document ("took note of the presentation by the Commission"), and the
# documents that do not hold what was decided: working papers, one not issued yet.
_SAID = re.compile(r"(?i)\b(?:presentation|information|briefing|debriefing|update|statement|intervention|remarks|views)\b")
_NOT_THE_TEXT = re.compile(r"^WK\s|\(to be issued\)")


def _decision_docs(docs: list[str]) -> list[str]:
    """The documents that hold what was decided: not the working papers or one to be issued beside them."""
    return [doc for doc in docs if not _NOT_THE_TEXT.search(doc)] or docs


def _with_item_docs(text: str, qualifier: str, template: str, item: AgendaItem) -> str:
    """A typed outcome naming what was decided, with the item's documents as the standard phrase
    gives them: "endorsed the procedure ..." reads "... as set out in 13683/21" ("took note of ...":
    ", as set out in ..."), unless it names a document itself or says how ("for submission to ...")."""
    docs = _decision_docs(item.doc_refs)
    if not docs or not _OBJECT.match(qualifier) or _NAMES_A_DOCUMENT.search(text) or _SAID.search(qualifier):
        return text
    if "{as_set_out}" in template:
        return f"{text.rstrip('.')}, as set out in {join_words(docs)}"
    return f"{text.rstrip('.')} as set out in {join_words(docs)}" if "{refs}" in template else text


# What qualifies an outcome's verb rather than naming its object: "to the next meeting" after a
# passive phrase; only how it was done after an active one ("agreed to continue ..." names what).
_QUALIFIER = re.compile(r"(?:to|with|without|at|until|by|in|for|from|pending|following|after|subject to|as amended|unanimously)\b")
_MANNER = re.compile(r"(?:with|without|subject to|as amended|unanimously|by consensus|by written procedure|in principle)\b")


# An item approving the minutes of an earlier meeting ("Minutes of the meeting of 2 December 2025").
_MINUTES_TITLE = re.compile(  # "Minutes of the meeting of 2 December 2025", "Approval of the minutes of 24 February 2026"
    r"(?:(?:adoption|approval) of the )?((?:draft )?minutes of (?:the (?:previous |last )?meeting\b|\d|[A-Z][a-z]+ \d).*)", re.IGNORECASE)


# What an item's mode asks of the body, as the outcome it most likely gets ("For endorsement": endorsed).
_OUTCOME_OF_MODE = (("endorsement", "endorsed"), ("approval", "approved"), ("adoption", "adopted"),
                    ("confirmation", "confirmed"), ("exchange of views", "exchanged_views"), ("debate", "exchanged_views"),
                    ("decision", "agreed"))  # "For decision": what was decided


def suggested_outcome(item: AgendaItem) -> str:
    """The outcome code to offer for `item` before anything is typed: the agenda's or earlier
    minutes' adoption or approval as its title says, else what its mode asks, else "took_note"."""
    title = item.title.strip()
    if is_agenda_item(item) or _MINUTES_TITLE.fullmatch(title):  # "Minutes of the meeting of ...": approved
        return "adopted" if title.casefold().startswith("adoption") else "approved"
    mode = item.mode.casefold()
    return next((code for word, code in _OUTCOME_OF_MODE if word in mode), "took_note")


def _outcome_template(code: str, item: AgendaItem, style: HouseStyle) -> str:
    """The standard phrase for `code`, or its form for the agenda's adoption ("agenda_adopted") or
    the approval of earlier minutes ("minutes_approved"), when the style or phrases.toml has one."""
    kind = "agenda_" if is_agenda_item(item) else "minutes_" if _MINUTES_TITLE.fullmatch(item.title.strip()) else ""
    return kind and style.outcome_phrase(f"{kind}{code}") or style.outcome_phrase(code) or ""


# Words an agenda title starts with that are no names: mid-sentence they are in lower case
# ("exchanged views on draft Council conclusions ..."), unlike "Europol", "Schengen" or "COVID".
_COMMON_FIRST_WORDS = frozenset("""draft proposal proposals regulation directive decision report reports presentation
    progress annual information state exchange update preparation implementation review approval adoption budget
    work strategy action plan conclusions recommendations guidelines evaluation situation rehabilitation security
    cooperation prevention protection migration terrorism counter-terrorism threat cyber digital financial economic
    internal external operational future priorities programme mid-term follow-up results election appointment
    discussion revised joint capital amendments consent purchase lease fleet prisons radicalisation violent
    extremism public financing funding the""".split())


# Where a title's head noun phrase ends: "Capital improvement plan| 2026-2030", "Threat assessment| in ...".
_HEAD_END = re.compile(
    r"\s+(?:of|on|in|for|to|with|by|from|and|or|at|about|under|against|between|regarding|concerning|following)\s"
    r"|[:;,(–—]|\s-\s"
)
# Head words that take no "the": what is not counted ("migration", "security"), or an adjective
# standing alone ("Digital").
_NO_ARTICLE = frozenset("""information progress migration terrorism counter-terrorism radicalisation extremism
    security cooperation prevention protection financing funding rehabilitation digital financial economic
    internal external operational joint public violent cyber revised annual capital draft mid-term comment""".split())


def _in_a_sentence(title: str) -> str:
    """An agenda title as a sentence quotes it: its first word in lower case if it is a common one,
    after "the" if its head noun names one countable thing ("the capital improvement plan 2026-2030";
    not "draft Council conclusions", "counter-terrorism: priorities")."""
    first = re.match(r"[\w-]*", title).group(0)  # "Counter-terrorism: priorities ...": the word, not its colon
    if first.lower() not in _COMMON_FIRST_WORDS or not first[1:].islower():
        return title
    title = title[0].lower() + title[1:]
    words = [w for w in _HEAD_END.split(title, maxsplit=1)[0].split() if not re.fullmatch(r"[\d/–-]+", w)]  # not a year
    head = words[-1].lower() if words else ""
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return f"the {title}" if head and not plural and head not in _NO_ARTICLE and first.lower() != "the" else title


def _standard_outcome(code: str, item: AgendaItem, details: MeetingDetails, style: HouseStyle, register: Register | None) -> str:
    phrase = _outcome_template(code, item, style)
    if not phrase:
        return ""
    body = body_subject(details, style)
    agenda = is_agenda_item(item)
    docs = _decision_docs(item.doc_refs) or ([details.agenda_ref] if agenda and details.agenda_ref else [])
    presenter = presenter_phrase(item.presenter, register or default_register(), style)
    minutes = _MINUTES_TITLE.fullmatch(item.title.strip())  # "Minutes of the meeting of ...": "minutes of ..."
    return sentence(
        phrase.format(
            Body=capitalise(body),
            body=body,
            title=_in_a_sentence(item.title.strip()),
            minutes=minutes.group(1)[0].lower() + minutes.group(1)[1:] if minutes else "",
            docs=join_words(docs),
            refs=f" as set out in {join_words(docs)}" if docs else "",
            as_set_out=f", as set out in {join_words(docs)}" if docs else "",  # after a clause of its own
            presenter=presenter,
            by_presenter=f" by {presenter}" if presenter else "",
        )
    )


def entry_sentence(
    entry: Entry, item: AgendaItem, details: MeetingDetails, register: Register, style: HouseStyle
) -> str:
    """The entry as the minutes word it; a note as typed."""
    if entry.kind is EntryKind.INTERVENTION:
        return intervention_sentence(entry, register, style)
    if entry.kind is EntryKind.OUTCOME:
        return outcome_sentence(entry, item, details, style, register)
    if entry.kind is EntryKind.ACTION:
        return action_sentence(entry, register, style)
    if entry.kind is EntryKind.STATEMENT:
        return statement_sentence(entry, register, style)
    return entry.text


def presenter_phrase(presenter: str, register: Register, style: HouseStyle) -> str:
    """An agenda's presenter as sentences name it: "COM" / "Commission" -> "the Commission"."""
    speaker = register.lookup(presenter) if presenter.strip() else None
    return style.speaker_phrase(speaker) if speaker else presenter.strip()


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


_OUTCOME_OF_WORDS = {_words(code): code for code in OUTCOME_CODES}
_OUTCOME_OF_WORDS |= {_words(label): code for code, label in OUTCOME_LABELS.items()}
_OUTCOME_OF_WORDS |= {_words(verb): code for code, verbs in _PHRASES["verbs"].items() for verb in verbs}
_LONGEST_FIRST = sorted(_OUTCOME_OF_WORDS, key=len, reverse=True)
_OUTCOME_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in _LONGEST_FIRST) + r")(?!\w)",
    re.IGNORECASE,
)


def outcome_code_from_text(text: str) -> tuple[str, str]:
    """Recognise the outcome named by a line: ("took_note", text to keep) or ("", text).

    A leading code is replaced by its label ("took_note of X" -> "took note of X") or dropped before
    a sentence with its own subject; a leading verb stays part of the text; a code or verb alone
    leaves no text, so the standard phrase is used. A verb after a short subject ("COSI took note
    of ...") is recognised too.
    """
    text = text.strip()
    match = _OUTCOME_RE.search(text)
    if match is None or len(text[: match.start()].split()) > 5:
        return "", text
    code = _OUTCOME_OF_WORDS[_words(match.group())]
    rest = text[match.end() :].strip()
    if match.start() > 0:
        return code, text
    if not rest.strip(" .;,"):  # "took note." is the code alone
        return code, ""
    if "_" in match.group() and not _needs_subject(rest):
        return code, rest
    verb = OUTCOME_LABELS[code] if "_" in match.group() else _words(match.group())
    return code, f"{verb} {rest}"
