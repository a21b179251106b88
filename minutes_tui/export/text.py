"""Plain text for an e-mail body, wrapped at 72 columns.

The document type is underlined with '=', section headings with '-'; items are headed by their own
numbers (not underlined), sub-items and their paragraphs indented by two spaces per level.
"""

from __future__ import annotations

import re
import textwrap

from minutes_tui.export.document import Document


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# The spaces inside a document reference ("9382/1/24 REV 1", "CM 5119/21") or a date ("12 November
# 2021"): a line never breaks there.
_UNBROKEN = re.compile(rf"\b(CM|ST|WK|REV|ADD|COR|PE-CONS|{_MONTHS}) (?=\d)|(?<=\d) (?=(?:REV|ADD|COR|INIT|{_MONTHS})\b)")
_KEPT = "\u00a0"  # a no-break space, which textwrap does not break at


def _wrap(text: str, width: int, indent: str = "", hanging: str = "") -> str:
    """`text` filled to `width` after `indent`, its continuation lines after `indent` + `hanging`."""
    return textwrap.fill(
        _UNBROKEN.sub(lambda match: (match.group(1) or "") + _KEPT, " ".join(text.split())),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ).replace(_KEPT, " ")


def _underlined(text: str, char: str, width: int, indent: str = "") -> str:
    wrapped = _wrap(text, width, indent)
    longest = max(len(line) - len(indent) for line in wrapped.splitlines())
    return f"{wrapped}\n{indent}{char * longest}"


def to_text(doc: Document, width: int = 72) -> str:
    h = doc.header
    blocks = [
        _wrap(h.institution, width) if h.own_name else "",
        "\n".join(line for line in (h.issue_line, h.language) if line),
        "\n".join(line for line in (h.doc_number, h.classification, *h.file_codes) if line),
        _underlined(h.doc_type, "=", width),
    ]
    labelled = [*h.fields, *([("Subject", h.subject)] if h.subject else [])]
    pad = max((len(label) for label, _ in labelled), default=0) + 2
    blocks.append(
        "\n".join(
            (f"{label + ':':<{pad}}" + _wrap(value, width, " " * pad)[pad:]).rstrip() for label, value in labelled
        )
    )
    for section in doc.sections:
        if section.title:
            blocks.append(_underlined(section.title, "-", width))
        for item in section.items:
            indent = "  " * item.level
            hanging = " " * (len(item.number) + 1) if item.number else ""  # a wrapped title stays under its own text
            blocks.append(_wrap(item.heading, width, indent, hanging))
            blocks.extend(_wrap(p, width, indent) for p in item.paragraphs)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
