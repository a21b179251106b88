"""The quick-entry line: what the secretary types during the meeting, parsed in one place.

The grammar (shared by the live screen, the CLI and the tests):

- ``/name args`` is a command (``/next``, ``/go 6.2``, ``/outcome endorsed ...``; see COMMANDS).
- ``SPEAKERS: text`` is an intervention. Before a colon, speakers may be codes, names or adjectives in
  any case ("de, France and NL:"), or one free-text speaker not in the register ("The Chair of the
  TELECOM working party: provided ..."), provided the text after the colon starts in lower case
  (so "Conclusion: The meeting ..." stays a note).
- ``SPEAKERS text`` without a colon is an intervention only when the codes are written exactly as the
  register writes them (capitals: "DE", "EU CTC"; "Cion", "Europol") and the next word is a verb in
  the past tense ("called", "took") or an auxiliary ("was", "could"). So "IT systems were slow" and
  "AT the end ..." stay notes, while "IT supported ..." is the Italian delegation.
- Anything else is a note, kept as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import MinutesError
from .model import Entry, EntryKind, Speaker, without_controls
from .speakers import DELEGATION_KINDS, Register


@dataclass(frozen=True)
class Intervention:
    speakers: tuple[str, ...]  # register codes, or one free-text speaker as typed
    text: str


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Command:
    name: str  # the canonical command name, as in COMMANDS
    args: str


class EntryLineError(MinutesError, ValueError):
    """A line that cannot be understood; the message is one line for the status bar."""


@dataclass(frozen=True)
class CommandSpec:
    name: str
    usage: str
    help: str
    aliases: tuple[str, ...] = ()


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("next", "/next", "close this item and open the next one", ("n",)),
    CommandSpec("prev", "/prev", "go back to the previous item", ("p",)),
    CommandSpec("go", "/go 6.2", "open the item with this number (8.A.a: a) under A. under 8.)", ("g",)),
    CommandSpec("outcome", "/outcome endorsed ... as set out in 13682/21", "set the item's outcome", ("o",)),
    CommandSpec("action", "/action Delegations: send comments by 30 July", "record an action point", ("a",)),
    CommandSpec("present", "/present DE FR ...", "mark delegations present"),
    CommandSpec("remote", "/remote EE SE", "mark delegations connected remotely"),
    CommandSpec("absent", "/absent UK", "mark delegations absent"),
    CommandSpec("queue", "/queue DE FR", "add speakers to the queue", ("q",)),
    CommandSpec("unqueue", "/unqueue DE", "take speakers off the queue (undo does not)"),
    CommandSpec("floor", "/floor [DE]", "give the floor to the next speaker in the queue, or to the one named", ("f",)),
    CommandSpec("end", "/end what they said", "end the current speaker's turn and record it", ("e",)),
    CommandSpec("statement", "/statement DE: its text", "a statement for the minutes, given in full in the Annex", ("s",)),
    CommandSpec("private", "/private text", "a private note, never exported"),
    CommandSpec("check", "/check what to ask", "flag the item: to check with the Chair (/check off clears it)"),
    CommandSpec("postpone", "/postpone", "mark the current item postponed"),
    CommandSpec("withdraw", "/withdraw", "withdraw the current item from the agenda"),
    CommandSpec("add", "/add 12.1 Title", "add an item (e.g. an AOB point) after the current one"),
    CommandSpec("close", "/close", "end the meeting: the open item and the meeting end now"),
    CommandSpec("undo", "/undo", "undo the last change", ("u",)),
    CommandSpec("redo", "/redo", "make again what the last undo reverted"),
)
_COMMAND_NAMES = {alias: spec.name for spec in COMMANDS for alias in (spec.name, *spec.aliases)}
_USAGE = {spec.name: spec.usage for spec in COMMANDS}  # "/go 6.2" takes words after it, "/next" none

# Words that follow a speaker code in an intervention written without a colon.
_VERBS = frozenset(
    """was were had has could would should will can did said made gave took saw thought felt spoke
    told sought put set led held brought drew found kept left meant met paid read saw sent sold
    stood understood won wrote also again then too does cannot didn't doesn't wasn't weren't hasn't
    hadn't couldn't wouldn't shouldn't can't won't""".split()
)
_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&|\+|/)\s*")
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Councillor|Cllr|Senator|Judge)\.?\s")
_CODE_LIKE = re.compile(r"[A-Z]{2,7}|[a-z]{2,3}")  # what a speaker code looks like: "DE", "EUROPOL", "de"
_PREFIX_CODE = re.compile(r"[A-Za-z][\w-]*(?: [A-Z]{2,})?")  # "DE", "eu-LISA", "EU CTC"


def parse_line(line: str, register: Register) -> Intervention | Note | Command:
    text = without_controls(line).strip()
    if not text:
        raise EntryLineError("nothing to record: the line is empty")
    if text.startswith("/"):
        return _parse_command(text)
    return _colon_intervention(text, register) or _bare_intervention(text, register) or Note(text)


def _parse_command(text: str) -> Command:
    word, args = (text[1:].split(None, 1) + ["", ""])[:2]  # any white space, also a pasted line break
    name = _COMMAND_NAMES.get(word.lower())
    if name is None:
        known = ", ".join("/" + spec.name for spec in COMMANDS)
        raise EntryLineError(f"unknown command /{word[:30]}: try {known}")
    if args.strip() and " " not in _USAGE[name]:  # "/next extra": the words would go nowhere, unsaid
        raise EntryLineError(f"/{name} takes nothing after it: {_USAGE[name]} alone")
    return Command(name, args.strip())


def unknown_codes(speakers: Iterable[str], register: Register) -> list[str]:
    """The parts of `speakers` that look like speaker codes the register does not know ("DR", or
    "FRR" in "DE, FRR"): likely typos. A free-text speaker ("the Chair of the TELECOM WP") has none."""
    parts = [p for speaker in speakers if register.lookup(speaker) is None for p in _speaker_parts(speaker)]
    return [p for p in parts if _CODE_LIKE.fullmatch(p) and register.lookup(p) is None]


def _speaker_parts(text: str) -> list[str]:
    """'DE, FR and the Netherlands' -> ['DE', 'FR', 'the Netherlands']."""
    return [p for p in _SEPARATORS.split(text.strip()) if p]


def split_speakers(prefix: str, register: Register) -> tuple[str, ...] | None:
    """'DE, FR and the Netherlands' -> ('DE', 'FR', 'NL'); None unless every part is a known speaker."""
    codes = []
    for part in _speaker_parts(prefix):
        speaker = register.lookup(part)
        if speaker is None:
            return None
        if speaker.code not in codes:
            codes.append(speaker.code)
    return tuple(codes) or None


def _colon_intervention(text: str, register: Register) -> Intervention | None:
    prefix, colon, rest = text.partition(":")
    rest = rest.strip()
    if not colon or not prefix.strip() or not prefix.strip()[0].isalpha() or len(prefix) > 80:
        return None
    codes = split_speakers(prefix, register)
    if codes:
        return Intervention(codes, rest)
    parts = _speaker_parts(prefix)
    if rest[:1].islower() and len(parts) > 1 and all(register.lookup(p) or _CODE_LIKE.fullmatch(p) for p in parts):
        # "DE, FRR": the known codes stay codes, the unknown one (a typo?) as typed
        return Intervention(tuple(dict.fromkeys(getattr(register.lookup(p), "code", p) for p in parts)), rest)
    if rest[:1].islower() and len(prefix.split()) <= 10:
        titled = [part.strip() for part in parts]  # "Mr de Vries, Ms Jansen": two people, each with a title
        return Intervention(tuple(titled) if len(titled) > 1 and all(map(_HONORIFIC.match, titled)) else (prefix.strip(),), rest)
    return None


def _written_names(speaker: Speaker) -> tuple[str, ...]:
    """How a line without a colon may name `speaker`: its code or aliases as the register writes
    them, or the name of anyone but a delegation ("Europol presented ..."; "Ireland was the only
    Member State to opt out" stays a note)."""
    names = (speaker.code, *speaker.aliases)
    return names if speaker.kind in DELEGATION_KINDS else (*names, speaker.name)


# "NL, supported by BE and LU, called for ...": the speaker, then who backed it.
_BACKED_BY = re.compile(r",\s*(?:supported|joined|seconded|backed|echoed) by\b")


def _bare_intervention(text: str, register: Register) -> Intervention | None:
    codes: list[str] = []
    position = 0
    while True:
        written = _written_code(text, position, register)
        if written is None:
            return None
        token, speaker = written
        codes.append(speaker.code)
        position += len(token)
        if _BACKED_BY.match(text, position):
            return Intervention(tuple(dict.fromkeys(codes)), text[position:])
        separator = _SEPARATORS.match(text, position)
        if separator and separator.group().strip():
            position = separator.end()
            continue
        if text[position:position + 1] == " " and _written_code(text, position + 1, register):
            position += 1  # "DE FR supported": codes as the register writes them need no comma
            continue
        rest = text[position:].strip()
        verb = rest.split(" ", 1)[0].lower() if rest else ""
        if verb.endswith("ed") or verb in _VERBS:
            return Intervention(tuple(dict.fromkeys(codes)), rest)
        return None


def _written_code(text: str, position: int, register: Register) -> tuple[str, Speaker] | None:
    """The speaker code (or name) at `position`, written as the register writes it, and its speaker."""
    match = _PREFIX_CODE.match(text, position)
    if not match:
        return None
    token = match.group()
    speaker = register.lookup(token)
    if speaker is None and " " in token:  # "DE FR" is two codes, not one
        token = token.split(" ")[0]
        speaker = register.lookup(token)
    return (token, speaker) if speaker is not None and token in _written_names(speaker) else None


def joined_lines(text: str, paragraphs: bool = False) -> str:
    """A pasted text on one line: each line break a space (one before the text too, if it starts
    with one, so words never run together), but a word a PDF hyphenated at a line's end stays one
    word, with its hyphen ("long-term"); with `paragraphs`, a blank line is a paragraph mark."""
    text = re.sub(r"(?<=\w-)[ \t]*[\r\n]+[ \t]*(?=\w)", "", text)
    if paragraphs:
        text = re.sub(r"(?<=\S)[ \t]*(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)\s*(?=\S)", f" {PARAGRAPH_MARK} ", text)
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)


# A statement for the minutes may run to several paragraphs; a line holds them with this mark between.
PARAGRAPH_MARK = "¶"


def on_one_line(text: str) -> str:
    """A text of paragraphs as one line shows it: "First.\n\nSecond." -> "First. ¶ Second."."""
    return f" {PARAGRAPH_MARK} ".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()))


def in_paragraphs(line: str) -> str:
    """A line back into its paragraphs: "First. ¶ Second." -> "First.\n\nSecond."."""
    return "\n\n".join(part.strip() for part in line.split(PARAGRAPH_MARK) if part.strip())


_ENDS_SENTENCE = re.compile(r"[.!?;:)\"”'’]\s*$")


def pasted_lines(text: str, register: Register) -> list[str]:
    """A pasted text as the lines to record, each on one line (`joined_lines`). A line starts a new
    one when it is a command, or names its speaker first ("FR: ...", "FR opposed ...", "Delegations
    welcomed ...") after a line that ended a sentence; any other line goes on with the one before: a statement wrapped in a PDF
    or an e-mail stays one entry."""
    parts: list[str] = []
    for line in re.split(r"\r\n|\r|\n", text):
        after_a_whole_line = parts and (_ENDS_SENTENCE.search(parts[-1]) or _is_command(parts[-1]))
        if after_a_whole_line and (_is_command(line) or _names_its_speaker(line, register)):
            parts.append(line)
        elif parts:
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return [joined_lines(part if n == 0 else part.strip(), paragraphs=_is_statement(part)) for n, part in enumerate(parts)]


def _is_command(line: str) -> bool:
    return _command_name(line) is not None


def _is_statement(line: str) -> bool:  # its paragraphs are kept, for the Annex
    return _command_name(line) == "statement"


def _command_name(line: str) -> str | None:
    words = line.strip()[1:].split(None, 1) if line.strip().startswith("/") else []
    return _COMMAND_NAMES.get(words[0].lower()) if words else None


# A note whose subject is the delegations ("Delegations welcomed the report."): a new line in a paste too.
_DELEGATIONS = re.compile(r"(?:(?:All|Several|Many|Some|Most|Other|A number of|A few)\s)?(?:[Dd]elegations|Member States)\s[a-z]")


def _names_its_speaker(line: str, register: Register) -> bool:
    return bool(line.strip()) and (isinstance(parse_line(line, register), Intervention) or bool(_DELEGATIONS.match(line.strip())))


def entry_line(entry: Entry, text: str, speakers: str = "") -> str:
    """The line that records `entry` again with this text (and speakers, as typed): of its own
    kind, private if it was, an action point with its deadline."""
    text, speakers = text.strip(), speakers.strip()
    if entry.kind is EntryKind.OUTCOME:
        return f"/outcome {text or entry.outcome}"
    if entry.kind is EntryKind.ACTION:
        return f"/action {speakers + ': ' if speakers else ''}{text} {entry.deadline}".rstrip()
    if entry.kind is EntryKind.STATEMENT:
        return f"/statement {speakers}: {on_one_line(text)}"
    if entry.kind is EntryKind.INTERVENTION:
        return f"{speakers}: {text}" if speakers else text
    return f"/private {text}" if entry.private else text
