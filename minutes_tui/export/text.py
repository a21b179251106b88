"""Plain text for an e-mail body, wrapped at 72 columns.

The document type is underlined with '=', section headings with '-'; items are headed by their own
numbers (not underlined), sub-items and their paragraphs indented by two spaces per level.
"""

from __future__ import annotations

import textwrap

from minutes_tui.export.document import Document


def _wrap(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _underlined(text: str, char: str, width: int, indent: str = "") -> str:
    wrapped = _wrap(text, width, indent)
    longest = max(len(line) - len(indent) for line in wrapped.splitlines())
    return f"{wrapped}\n{indent}{char * longest}"


def to_text(doc: Document, width: int = 72) -> str:
    h = doc.header
    blocks = [
        "\n".join(line for line in (h.issue_line, h.language) if line),
        "\n".join(line for line in (h.doc_number, h.classification, *h.file_codes) if line),
        _underlined(h.doc_type, "=", width),
    ]
    labelled = [*h.fields, ("Subject", h.subject)]
    pad = max(len(label) for label, _ in labelled) + 2
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
