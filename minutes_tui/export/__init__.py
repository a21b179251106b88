"""Exports: one intermediate document (document.py), several thin renderers, and the raw record.

`export_meeting(meeting, fmt)` is the single entry point for the CLI and the UI:

    markdown  the outcome of proceedings as Markdown (str)
    text      the same as plain text for an e-mail, wrapped at 72 columns (str)
    html      the same as one self-contained HTML page (str)
    docx      the same as a Word document (bytes)
    json      the whole meeting, versioned schema, for backup and exchange (str)
    log       the chronological log of everything captured (str)
    csv       one row per intervention: who spoke on which item, when, how long (str)

This package never imports Textual.
"""

from __future__ import annotations

from minutes_tui.core.model import Meeting
from minutes_tui.export.document import Document, build_document

FORMATS = ("markdown", "text", "html", "docx", "json", "log", "csv")
ALIASES = {"md": "markdown", "txt": "text", "htm": "html", "word": "docx"}
EXTENSIONS = {"markdown": ".md", "text": ".txt", "html": ".html", "docx": ".docx", "json": ".json",
              "log": ".log", "csv": ".csv"}


def _defaults(meeting: Meeting, register, style):
    from minutes_tui.core.phrasing import load_style
    from minutes_tui.core.speakers import default_register

    register = (register or default_register()).with_speakers(meeting.speakers)
    return register, style or load_style(meeting.details.house_style or "council")


def document_for(meeting: Meeting, register=None, style=None) -> Document:
    """The intermediate document, with the default register and the meeting's house style if not given."""
    register, style = _defaults(meeting, register, style)
    return build_document(meeting, register, style)


def export_meeting(meeting: Meeting, fmt: str, register=None, style=None, events=None) -> str | bytes:
    """`meeting` rendered in `fmt` (one of FORMATS, or an alias such as "md"); bytes for docx."""
    fmt = ALIASES.get(fmt.lower(), fmt.lower())
    if fmt == "json":
        from minutes_tui.export.json_io import meeting_to_json

        return meeting_to_json(meeting, events)
    if fmt in ("log", "csv"):
        from minutes_tui.export.log import to_csv, to_log

        return to_log(meeting) if fmt == "log" else to_csv(meeting)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    doc = document_for(meeting, register, style)
    if fmt == "markdown":
        from minutes_tui.export.markdown import to_markdown

        return to_markdown(doc)
    if fmt == "text":
        from minutes_tui.export.text import to_text

        return to_text(doc)
    if fmt == "html":
        from minutes_tui.export.html import to_html

        return to_html(doc)
    from minutes_tui.export.docx import docx_bytes

    return docx_bytes(doc)
