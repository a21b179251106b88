"""Agenda import: read an agenda file into a ParsedAgenda (details, items in order, speakers).

`load_agenda(path)` chooses the reader by extension: .md/.markdown -> parse_markdown, .toml ->
parse_toml, anything else -> parse_text (a paste from a Council notice of meeting). Every failure
is an AgendaError whose str() is one line, "FILE:LINE: message".
"""

from __future__ import annotations

from pathlib import Path

from minutes_tui.core.agenda.common import (
    AgendaError,
    find_doc_refs,
    format_date,
    normalise_line_breaks,
    parse_meeting_date,
)
from minutes_tui.core.agenda.markdown import parse_markdown
from minutes_tui.core.agenda.text import parse_text
from minutes_tui.core.agenda.toml import parse_toml
from minutes_tui.core.model import ParsedAgenda, without_controls

__all__ = [
    "AgendaError",
    "find_doc_refs",
    "format_date",
    "load_agenda",
    "parse_markdown",
    "parse_meeting_date",
    "parse_text",
    "parse_toml",
]

_PARSERS = {".md": parse_markdown, ".markdown": parse_markdown, ".toml": parse_toml}


def load_agenda(path: Path | str) -> ParsedAgenda:
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AgendaError(source, None, f"cannot read the file: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AgendaError(source, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8") from None
    parse = _PARSERS.get(path.suffix.lower(), parse_text)
    if parse is not parse_toml:  # before the controls go: Word's Shift+Enter (VT) ends a line
        text = normalise_line_breaks(text)
    # Dropped before parsing: a paste from a PDF has form feeds; no title or export should hold any.
    return parse(without_controls(text), source)
