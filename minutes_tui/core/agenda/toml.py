"""TOML agendas (.toml): a [meeting] table, [[item]] entries with nested [[item.items]], and
[[speaker]] entries for the meeting's own speakers (a mayor, councillors, a city manager ...).

`number = "6.1."` keeps the label as written; a bare integer `number = 3` is written "3.", the
Council's style for top-level items. `section` carries forward to the following top-level items
until another item sets it, as a heading would; sub-items sit in their parent's section.
Explicit fields win over what the title's suffix says.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, time

from minutes_tui.core.agenda.common import (
    AgendaError,
    analyse_title,
    clean,
    detail_field,
    finish_details,
    normalise_ref,
    quote,
    set_detail,
    split_lines,
)
from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda, Speaker, SpeakerKind, planned_minutes_error

MAX_DEPTH = 20  # sub-items of sub-items ... no agenda goes near this; deeper is a broken file
_ITEM_KEYS = ("number", "title", "section", "doc_refs", "presenter", "mode", "classification", "planned_minutes", "items")
_SPEAKER_KEYS = ("code", "name", "phrase", "kind", "order", "adjective", "aliases")
_ITEM_HEADER = re.compile(r"\s*\[\[\s*item(?:\s*\.\s*items)*\s*\]\]")


def parse_toml(text: str, source: str = "<toml>") -> ParsedAgenda:
    where = _Locator(split_lines(text, source))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))
        raise AgendaError(source, int(at.group(1)) if at else where.end, f"not valid TOML: {message}") from None
    except RecursionError:
        raise AgendaError(source, 1, "not valid TOML: nested too deeply") from None
    for key in data:
        if key not in ("meeting", "item", "speaker"):
            raise AgendaError(source, where.key(key), f"unknown table {key!r} (expected meeting, item, speaker)")
    details = _meeting(data.get("meeting", {}), where, source)
    items, parents = _items(data.get("item"), where, source)
    speaker_entries = _table_list(data.get("speaker", []), "speaker", where, source)
    count = len(speaker_entries)
    speakers = [_speaker(entry, where.speaker(i, count), source, where) for i, entry in enumerate(speaker_entries)]
    return ParsedAgenda(finish_details(details), items, parents, speakers)


class _Locator:
    """Line numbers for error messages: tomllib returns values without positions."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.end = max((n for n, line in enumerate(lines, 1) if line.strip()), default=1)
        self.item_lines = [n for n, line in enumerate(lines, 1) if _ITEM_HEADER.match(line)]
        self.speaker_lines = [n for n, line in enumerate(lines, 1) if re.match(r"\s*\[\[\s*speaker\s*\]\]", line)]

    def key(self, key: str, after: int = 1) -> int:
        pattern = re.compile(rf"\s*(?:\[+\s*)?[\"']?{re.escape(key)}[\"']?\s*[=\].]")
        found = (n for n in range(after, self.end + 1) if pattern.match(self.lines[n - 1]))
        return next(found, after)

    def entry_key(self, key: str, after: int) -> int:
        """The line, from an entry's header on, that sets `key` ("key = ...") or opens it as a table
        below the entry ("[[item.item]]", a typo of "[[item.items]]"); `after` if none does."""
        name = rf"[\"']?{re.escape(key)}[\"']?\s*"
        pattern = re.compile(rf"\s*(?:{name}=|\[+[^\]]*\.\s*{name}\])")
        return next((n for n in range(after, self.end + 1) if pattern.match(self.lines[n - 1])), after)

    def item(self, index: int, count: int) -> int:
        """The line of the index-th item in agenda order, when each item has its own [[...]] header."""
        if len(self.item_lines) == count:
            return self.item_lines[index]
        return self.key("item")

    def speaker(self, index: int, count: int) -> int:
        return self.speaker_lines[index] if len(self.speaker_lines) == count else self.key("speaker")


def _table_list(value: object, name: str, where: _Locator, source: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise AgendaError(source, where.key(name), f"{name!r} must be a list of tables ([[{name}]])")
    return value


def _meeting(table: object, where: _Locator, source: str) -> MeetingDetails:
    start = where.key("meeting")
    if not isinstance(table, dict):
        raise AgendaError(source, start, "'meeting' must be a table ([meeting])")
    details = MeetingDetails()
    for key, value in table.items():
        line = where.key(key, start)
        name = detail_field(key)
        if name is None:
            raise AgendaError(source, line, f"unknown key {key!r} in [meeting]")
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = " ".join(value)  # file_codes = ["FRONT 98", "COMIX 150"]
        elif isinstance(value, time):
            value = value.isoformat(timespec="minutes")  # time = 10:00:00
        if not isinstance(value, (str, date)):
            raise AgendaError(source, line, f"[meeting] {key} must be text, a list of text, a date or a time")
        try:
            set_detail(details, name, clean(value) if isinstance(value, str) else value)
        except ValueError as error:
            raise AgendaError(source, line, f"{key}: {error}") from None
    return details


def _items(value: object, where: _Locator, source: str) -> tuple[list[AgendaItem], list[int | None]]:
    if value is None:
        raise AgendaError(source, where.end, "no agenda items found (expected [[item]] entries)")
    entries = _table_list(value, "item", where, source)
    count = _count(entries)
    items: list[AgendaItem] = []
    parents: list[int | None] = []
    section = ""
    pending = [(entry, None, 0) for entry in reversed(entries)]  # a stack, not recursion: depth is hostile input
    while pending:
        entry, parent, depth = pending.pop()
        index = len(items)
        line = where.item(index, count)
        if depth > MAX_DEPTH:
            raise AgendaError(source, line, f"items nested more than {MAX_DEPTH} levels deep")
        item = _item(entry, line, source, where)
        if parent is None:
            section = item.section if "section" in entry else section
            item.section = section
        elif "section" not in entry:
            item.section = items[parent].section
        item.level, item.position = depth, index
        items.append(item)
        parents.append(parent)
        children = _table_list(entry.get("items", []), "items", where, source)
        pending.extend((child, index, depth + 1) for child in reversed(children))
    if not items:
        raise AgendaError(source, where.key("item"), "no agenda items found (the item list is empty)")
    return items, parents


def _count(entries: list) -> int:
    total, pending = 0, list(entries)
    while pending:
        entry = pending.pop()
        total += 1
        children = entry.get("items", []) if isinstance(entry, dict) else []
        pending.extend(children if isinstance(children, list) else [])
    return total


def _item(entry: dict, line: int, source: str, where: _Locator) -> AgendaItem:
    for key in entry:
        if key not in _ITEM_KEYS:
            at = where.entry_key(key, line)
            raise AgendaError(source, at, f"unknown key {key!r} in an item (expected {', '.join(_ITEM_KEYS)})")
    number = entry.get("number", "")
    title = _text(entry, "title", line, source)
    if isinstance(number, int) and not isinstance(number, bool):
        if number < 0:  # "-1." would be exported as the item's number
            raise AgendaError(source, where.entry_key("number", line),
                              f"item {quote(title or '(untitled)')}: number {number} is negative (write 0 or more, or text)")
        number = f"{number}."
    elif not isinstance(number, str):
        raise AgendaError(source, line, "an item's number must be text (\"6.1\") or a whole number")
    number = clean(number)
    if not title:
        raise AgendaError(source, line, f"item {number or '(unnumbered)'} has no title")
    parts = analyse_title(title)
    refs = entry.get("doc_refs", [])
    refs = [refs] if isinstance(refs, str) else refs
    if not isinstance(refs, list) or not all(isinstance(ref, str) for ref in refs):
        raise AgendaError(source, where.entry_key("doc_refs", line), f"item {number}: doc_refs must be a list of text")
    minutes = entry.get("planned_minutes", parts.planned_minutes)
    if error := planned_minutes_error(minutes):
        raise AgendaError(source, line, f"item {number}: {error}")
    return AgendaItem(
        id=None,
        number=number,
        title=parts.title,
        section=_text(entry, "section", line, source),
        doc_refs=list(dict.fromkeys([normalise_ref(clean(ref)) for ref in refs if ref.strip()] + parts.doc_refs)),
        presenter=_text(entry, "presenter", line, source) or parts.presenter,
        mode=_text(entry, "mode", line, source) or parts.mode,
        classification=_text(entry, "classification", line, source) or parts.classification,
        planned_minutes=minutes,
    )


def _text(entry: dict, key: str, line: int, source: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise AgendaError(source, line, f"{key} must be text, not {type(value).__name__}")
    return clean(value)


def _speaker(entry: dict, line: int, source: str, where: _Locator) -> Speaker:
    code = entry.get("code")
    for key in entry:
        if key not in _SPEAKER_KEYS:
            at = where.entry_key(key, line)
            raise AgendaError(source, at, f"unknown key {key!r} in a speaker (expected {', '.join(_SPEAKER_KEYS)})")
    if not isinstance(code, str) or not clean(code):
        raise AgendaError(source, line, "a speaker needs a code (code = \"MAYOR\")")
    kinds = [kind.value for kind in SpeakerKind]
    kind = entry.get("kind", SpeakerKind.OTHER.value)
    if not isinstance(kind, str) or kind.lower() not in kinds:
        raise AgendaError(source, line, f"speaker {code}: kind must be one of {', '.join(kinds)}")
    order = entry.get("order", 1000)
    aliases = entry.get("aliases", [])
    if isinstance(order, bool) or not isinstance(order, int):
        raise AgendaError(source, line, f"speaker {code}: order must be a whole number")
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise AgendaError(source, line, f"speaker {code}: aliases must be a list of text")
    name = _text(entry, "name", line, source) or clean(code)
    return Speaker(
        code=clean(code),
        name=name,
        phrase=_text(entry, "phrase", line, source) or name,
        kind=SpeakerKind(kind.lower()),
        order=order,
        adjective=_text(entry, "adjective", line, source),
        aliases=tuple(clean(alias) for alias in aliases),
    )
