"""Exports: one intermediate document (document.py), several thin renderers, and the raw record.

`export_meeting(meeting, fmt)` is the single entry point for the CLI and the UI:

    md        the outcome of proceedings as Markdown (str)
    txt       the same as plain text for an e-mail, wrapped at 72 columns (str)
    html      the same as one self-contained HTML page (str)
    docx      the same as a Word document (bytes)
    json      the whole meeting, versioned schema, for backup and exchange (str)
    log       the chronological log of everything captured (str)
    csv       one row per intervention: who spoke on which item, when, how long (str)

This package never imports Textual.
"""

from __future__ import annotations

from minutes_tui.core.model import Meeting, cleaned
from minutes_tui.export.document import Document, build_document
from minutes_tui.export.html import to_html
from minutes_tui.export.json_io import meeting_to_json
from minutes_tui.export.log import to_csv, to_log
from minutes_tui.export.markdown import to_markdown
from minutes_tui.export.text import to_text

def docx_bytes(document: Document) -> bytes:
    from minutes_tui.export.docx import docx_bytes as render  # python-docx and lxml load only for DOCX

    return render(document)


DOCUMENT_RENDERERS = {"md": to_markdown, "txt": to_text, "html": to_html, "docx": docx_bytes}
FORMATS = (*DOCUMENT_RENDERERS, "json", "log", "csv")
ALIASES = {"markdown": "md", "text": "txt", "htm": "html", "word": "docx"}


def document_for(meeting: Meeting, register=None, style=None) -> Document:
    """The intermediate document, with the default register and the meeting's house style if not given."""
    from minutes_tui.core.phrasing import load_style
    from minutes_tui.core.speakers import default_register

    register = (register or default_register()).with_speakers(meeting.speakers)
    return build_document(meeting, register, style or load_style(meeting.details.house_style or "council"))


def export_meeting(meeting: Meeting, fmt: str, register=None, style=None, events=None, versions=None) -> str | bytes:
    """`meeting` rendered in `fmt` (one of FORMATS, or an alias such as "markdown"); bytes for docx.

    `events` (the store's edit history) and `versions` (the drafts and final marked) go into the
    JSON export, which keeps the meeting as stored; the events give the log what no entry holds
    (items withdrawn, attendance). The others drop control characters first (see `export.document`)."""
    fmt = ALIASES.get(fmt.lower(), fmt.lower())
    if fmt == "json":
        return meeting_to_json(meeting, events, versions)
    meeting = cleaned(meeting)
    if fmt == "log":
        return to_log(meeting, events or ())
    if fmt == "csv":
        return to_csv(meeting)
    if fmt not in DOCUMENT_RENDERERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return DOCUMENT_RENDERERS[fmt](document_for(meeting, register, style))
