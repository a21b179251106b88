"""Plain text for an e-mail body, wrapped at 72 columns.

The document type is underlined with '=', section headings with '-'; items are headed by their own
numbers (not underlined), sub-items and their paragraphs indented by two spaces per level.
"""

from __future__ import annotations

import re
import textwrap

from minutes_tui.export.document import Document


# The spaces inside a document reference ("9382/1/24 REV 1", "CM 5119/21"): a line never breaks there.
_IN_A_REFERENCE = re.compile(r"\b(CM|ST|WK|REV|ADD|COR|PE-CONS) (?=\d)|(?<=\d) (?=(?:REV|ADD|COR|INIT)\b)")
_KEPT = "\u00a0"  # a no-break space, which textwrap does not break at


def _wrap(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(
        _IN_A_REFERENCE.sub(lambda match: (match.group(1) or "") + _KEPT, " ".join(text.split())),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
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
            blocks.append(_wrap(item.heading, width, indent))
            blocks.extend(_wrap(p, width, indent) for p in item.paragraphs)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"
