"""The speaker register: delegations, institutions and agencies, their codes and protocol order.

The register itself is data (`minutes_tui/data/speakers.toml`); a meeting may add its own speakers
with `Register.with_speakers`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib import resources

from minutes_tui.core.model import Speaker, SpeakerKind

DELEGATION_KINDS = frozenset({SpeakerKind.DELEGATION, SpeakerKind.ASSOCIATED})


def _key(token: str) -> str:
    return " ".join(token.split()).casefold()


def _without_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


class Register:
    """Look-up, completion and protocol ordering over a fixed set of speakers."""

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        self._speakers = sorted(speakers, key=lambda s: s.order)  # stable: file order breaks ties
        self._by_code = {_key(s.code): s for s in self._speakers}
        index: dict[str, Speaker] = {}
        for s in self._speakers:  # later speakers (a meeting's own) win over earlier ones
            for word in (s.name, s.adjective, s.phrase, *s.aliases):
                if word:
                    index[_key(word)] = index[_without_article(_key(word))] = s
        self._index = index | self._by_code  # codes always win

    @classmethod
    def from_toml(cls, text: str) -> Register:
        """Build a register from the text of a speakers.toml file."""
        rows = tomllib.loads(text)["speaker"]
        return cls(
            Speaker(
                code=row["code"],
                name=row["name"],
                phrase=row["phrase"],
                kind=SpeakerKind(row.get("kind", "other")),
                order=position,
                adjective=row.get("adjective", ""),
                aliases=tuple(row.get("aliases", ())),
            )
            for position, row in enumerate(rows, start=1)
        )

    def __iter__(self) -> Iterator[Speaker]:
        return iter(self._speakers)

    def __len__(self) -> int:
        return len(self._speakers)

    def lookup(self, token: str) -> Speaker | None:
        """The speaker named by a code, name, adjective, phrase or alias (any case), or None."""
        key = _key(token)
        return self._index.get(key) or self._index.get(_without_article(key))

    def get(self, code: str) -> Speaker:
        """The speaker with exactly this code (any case); KeyError if there is none."""
        return self._by_code[_key(code)]

    def is_known(self, token: str) -> bool:
        return self.lookup(token) is not None

    def complete(self, prefix: str) -> list[Speaker]:
        """Speakers for Tab completion: codes starting with `prefix` first, then other names."""
        key = _key(prefix)
        by_code = [s for s in self._speakers if _key(s.code).startswith(key)]
        by_name = [
            s
            for s in self._speakers
            if s not in by_code
            and any(
                _key(w).startswith(key) or _without_article(_key(w)).startswith(key)
                for w in (s.name, s.adjective, s.phrase, *s.aliases)
                if w
            )
        ]
        return by_code + by_name

    def in_protocol_order(self, tokens: Iterable[str]) -> list[tuple[str, Speaker | None]]:
        """Each token with its speaker, in protocol order; tokens the register does not know (None)
        follow in their own order. Each is looked up once: every sentence of the minutes asks."""
        looked_up = [(token, self.lookup(token)) for token in tokens]
        known = [pair for pair in looked_up if pair[1] is not None]
        return sorted(known, key=lambda pair: pair[1].order) + [pair for pair in looked_up if pair[1] is None]

    def with_speakers(self, extra: Iterable[Speaker]) -> Register:
        """A new register with a meeting's own speakers added.

        A speaker with the code of a registered one replaces it, in its place unless given an order;
        so does one that names a registered code as an alias (a city council's Mayor, alias "Chair",
        is who "Chair:" means in its meetings, not the register's CHAIR).
        """
        default_order = Speaker("", "", "").order
        replaced = {_key(s.code): s for s in self._speakers}
        added = [
            replace(s, order=replaced[_key(s.code)].order)
            if _key(s.code) in replaced and s.order == default_order
            else s
            for s in extra
        ]
        codes = {_key(word) for s in added for word in (s.code, *s.aliases)}
        return Register([s for s in self._speakers if _key(s.code) not in codes] + added)


@cache
def default_register() -> Register:
    """The register shipped with the package (minutes_tui/data/speakers.toml)."""
    text = resources.files("minutes_tui.data").joinpath("speakers.toml").read_text(encoding="utf-8")
    return Register.from_toml(text)
