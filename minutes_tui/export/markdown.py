"""Markdown, laid out like the reference outcome of proceedings (tests/data/outcome-of-proceedings-14342-21.md).

Header lines joined by two-space line breaks, "## OUTCOME OF PROCEEDINGS", "---" rules around the
From/On/To block and the subject, "## <section>" for section headings, "### 1. Title" for top-level
items, "#### 6.1. Title" for sub-items. Everything the user typed is escaped so that it cannot turn
into a heading, a list, a rule, a link or HTML.
"""

from __future__ import annotations

import re

from minutes_tui.export.document import Document

# Brackets stay readable ("[CONFIDENTIEL UE/EU CONFIDENTIAL]"): only "](" / "][" could make a link.
_INLINE = re.compile(r"([\\`*_<>|]|\](?=[(\[])|&(?=#?\w+;))")
_BLOCK_START = re.compile(r"^(\s*)([#>+=~\[-]|\d+[.)](?=\s|$))")  # "[x]: url" would be a link definition


def escape_inline(text: str) -> str:
    """User text made literal inside a line: markup characters escaped, white space collapsed."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def escape(text: str) -> str:
    """User text made literal as a paragraph of its own: a leading block marker is escaped too."""
    text = escape_inline(text)
    return _BLOCK_START.sub(lambda m: m.group(1) + re.sub(r"([^\d])$", r"\\\1", m.group(2)), text, count=1)


def _lines(lines: list[str]) -> str:
    """Lines of one paragraph, joined by hard line breaks (two trailing spaces)."""
    return "  \n".join(escape(line) for line in lines if line)


def _heading(level: int, text: str) -> str:
    """An ATX heading; a trailing '#' in the text is escaped so it is not taken as a closing sequence."""
    text = re.sub(r"#$", r"\\#", escape_inline(text))
    return "#" * min(level, 6) + " " + text


def to_markdown(doc: Document) -> str:
    h = doc.header
    blocks = [
        _heading(1, h.institution) if h.own_name else "",
        _lines([h.issue_line, h.language]),
        _lines([h.doc_number]),
        _lines([h.classification]),
        _lines(h.file_codes),
        _heading(2, h.doc_type),
        "---",
        _lines([f"{label}: {value}" for label, value in h.fields]),
        "---",
        *([_lines([f"Subject: {h.subject}"]), "---"] if h.subject else []),
    ]
    for section in doc.sections:
        if section.title:
            blocks.append(_heading(2, section.title))
        for item in section.items:
            blocks.append(_heading(3 + item.level, item.heading))
            blocks.extend(escape(p) for p in item.paragraphs)
    return "\n\n".join(b for b in blocks if b) + "\n"
