"""Tab completion for the entry line: speaker codes, command names, outcome codes.

Pure functions over the grammar of core/entry.py: given the line typed so far, the whole lines it
may complete to, best first. The live screen cycles through them on repeated Tab.
"""

from __future__ import annotations

import re

from .entry import COMMANDS
from .model import OUTCOME_CODES
from .speakers import Register

# Commands whose arguments are speakers: /queue DE FR, /present ...
_SPEAKER_COMMANDS = {"queue", "present", "remote", "absent"}
_ALIASES = {alias: spec.name for spec in COMMANDS for alias in (spec.name, *spec.aliases)}
# Where a speaker token starts: the line's start, or after ", " / " and " in the speaker prefix.
_SPEAKER_TAIL = re.compile(r"^(?P<head>(?:.*(?:,\s*|\s+and\s+|\s+&\s+))?)(?P<token>[^\s,:]*)$")


def completions(line: str, register: Register) -> list[str]:
    """Every full line `line` can complete to (empty when there is nothing to complete)."""
    if line.startswith("/"):
        word, space, args = line[1:].partition(" ")
        if not space:
            return [f"/{spec.name} " for spec in COMMANDS if spec.name.startswith(word.lower())]
        name = _ALIASES.get(word.lower())
        if name == "outcome" and " " not in args:
            return [f"/{word} {code} " for code in OUTCOME_CODES if code.startswith(args.lower())]
        if name in _SPEAKER_COMMANDS:
            head, _, token = args.rpartition(" ")
            return [f"/{word} {(head + ' ') if head else ''}{code} " for code in _speaker_codes(token, register)]
        return []
    match = _SPEAKER_TAIL.match(line)
    if match is None or ":" in line:
        return []
    return [match["head"] + code for code in _speaker_codes(match["token"], register)]


def _speaker_codes(token: str, register: Register) -> list[str]:
    return [speaker.code for speaker in register.complete(token)] if token else []
