"""The intermediate document: what every export format shows, built once from a Meeting.

`build_document` decides the content (header lines, which items appear, their paragraphs, in which
order); the renderers in this package (markdown, text, html, docx) only lay it out. Sentences come
from `core.phrasing`; this module never words anything itself beyond copying what the secretary typed.

Decisions, shared by every format:
- Items come in agenda order, sub-items under their parent; the agenda's own numbers are printed as
  written, never renumbered.
- A section heading is printed once, where the section changes, with a colon as the Council writes
  it ("Discussion items:") unless it ends in punctuation already.
- Private entries are never exported.
- A statement for the minutes is said where it was made ("The German delegation made a statement, set
  out in the Annex.") and given in full, as typed, in an ANNEX section after the last item, in agenda
  order ("Statement by the German delegation on item 9").
- Delegations connected remotely or absent are noted after the first item's sentences, as the
  Council does under item 1 ("Two delegations (EE and SE) were also connected in videoconference.");
  a style that names who was present (a board) opens item 1 with it.
- A withdrawn or postponed item keeps its heading (so the numbering shows no gap) and, unless the
  secretary recorded an outcome for it, gets the standard "withdrawn"/"postponed" outcome sentence.
- An item's classification marker is appended to its title: "Title [CONFIDENTIEL UE/EU CONFIDENTIAL]".
- Control characters are dropped (those text treats as white space become a space) before anything
  is worded (`export_meeting`): no format shows them and Word's XML cannot hold them. The app drops
  them from what is typed or imported, but a meeting stored by an older version may hold some.
- The letterhead line ("Council of the European Union") is drawn by the page layouts (DOCX, HTML);
  the plain formats (Markdown, text) start with the issue place and date, as the reference does. A
  body writing under its own name (a board) is named first in every format, without its short-name
  tag, and has no Subject line unless one was given; its header gives the meeting's time too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from minutes_tui.core import phrasing
from minutes_tui.core.agenda import format_date
from minutes_tui.core.model import AgendaItem, Entry, EntryKind, ItemState, Meeting, MeetingDetails


@dataclass
class Header:
    issue_line: str = ""  # "Brussels, 10 December 2021"
    language: str = ""  # "(OR. en)"
    language_code: str = "EN"  # for the footer
    doc_number: str = ""  # "14342/21"
    file_codes: list[str] = field(default_factory=list)  # ["JAI 1297", "COSI 240"]
    classification: str = ""  # "LIMITE"
    doc_type: str = ""  # "OUTCOME OF PROCEEDINGS"
    fields: list[tuple[str, str]] = field(default_factory=list)  # [("From", ...), ("On", ...), ("To", ...)]
    subject: str = ""  # "" for a body writing under its own name, unless one was given
    institution: str = ""  # "Council of the European Union"
    own_name: bool = False  # the institution is the body itself: the plain formats start with it too


@dataclass
class DocItem:
    number: str  # as written on the agenda: "6.1."
    title: str  # with the classification marker appended, if any
    level: int = 0  # 0 top-level, 1 sub-item, ...
    paragraphs: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass
class DocSection:
    title: str  # "Discussion items:"; "" for the items before the first section heading
    items: list[DocItem] = field(default_factory=list)
    new_page: bool = False  # the annex starts a page, where pages are (DOCX, HTML printed)


@dataclass
class Document:
    header: Header
    sections: list[DocSection] = field(default_factory=list)

    def items(self) -> Iterator[DocItem]:
        for section in self.sections:
            yield from section.items


# --- header -------------------------------------------------------------------------------------


def meeting_dates(details: MeetingDetails) -> str:
    """'22 November 2021', '22 and 23 November 2021', '30 November and 1 December 2021'."""
    return format_date(details.meeting_date, details.end_date) if details.meeting_date else ""


_FILE_CODE = re.compile(r"[A-Z][A-Z-]*(?: [A-Z][A-Z-]*)* \d+")


def split_file_codes(codes: str) -> list[str]:
    """'JAI 1297 COSI 240' -> ['JAI 1297', 'COSI 240']; codes written one a line or comma-separated
    are kept as written; anything the pattern does not cover stays one line."""
    parts = [p.strip() for p in re.split(r"[\n,;]", codes) if p.strip()]
    if len(parts) > 1:
        return parts
    text = " ".join(codes.split())
    found = _FILE_CODE.findall(text)
    return found if found and " ".join(found) == text else ([text] if text else [])


def build_header(details: MeetingDetails, style: phrasing.HouseStyle, status: str = "") -> Header:
    """`status`: the meeting's; a draft says so in its title ("DRAFT 1 – OUTCOME OF PROCEEDINGS"),
    so that a draft sent round is never taken for the final text."""
    issue = details.issue_place
    if details.issue_date:
        issue = f"{issue}, {format_date(details.issue_date)}" if issue else format_date(details.issue_date)
    fields = [("From", details.sender), ("On", meeting_dates(details)), ("To", details.recipient)]
    if not style.council_header:
        board_fields = (("Date", meeting_dates(details)), ("Time", details.time), ("Place", details.place))
        issue, fields = "", [(label, value) for label, value in board_fields if value]
    own_name = not style.institution
    committee = details.committee or details.short_name
    if own_name and details.short_name:  # "Board of Directors of Northwind Shipping Ltd (BOARD)": a letterhead without the tag
        committee = committee.removesuffix(f"({details.short_name})").strip() or committee
    return Header(
        issue_line=issue,
        language=f"(OR. {details.language})" if details.language and style.language_line else "",
        doc_type=f"{status.upper()} – {style.doc_type}" if status.startswith("draft") else style.doc_type,
        institution=style.institution or committee,
        own_name=own_name,
        language_code=(details.language or "en").upper() if style.language_line else "",
        doc_number=details.doc_number,
        file_codes=split_file_codes(details.file_codes),
        classification=details.classification,
        fields=fields,
        subject=details.subject or ("" if own_name else committee),
    )


# --- items --------------------------------------------------------------------------------------


def agenda_order(meeting: Meeting) -> list[AgendaItem]:
    """Every item once, parents before their children, siblings by agenda position."""
    ids = {item.id for item in meeting.items}
    children: dict[int | None, list[AgendaItem]] = {}  # an item whose parent is missing is a top-level one
    for item in meeting.items:
        children.setdefault(item.parent_id if item.parent_id in ids else None, []).append(item)
    ordered: list[AgendaItem] = []
    seen: set[int] = set()  # object ids: guards against a parent cycle in damaged data

    def walk(parent_id: int | None) -> None:
        for child in sorted(children.get(parent_id, []), key=lambda i: i.position):
            if id(child) in seen:
                continue
            seen.add(id(child))
            ordered.append(child)
            if child.id is not None:
                walk(child.id)

    walk(None)
    return ordered


def _paragraphs(text: str) -> list[str]:
    return [p for p in (" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text)) if p]


def item_paragraphs(
    meeting: Meeting, item: AgendaItem, register, style, entries: list[Entry] | None = None, first: bool | None = None
) -> list[str]:
    """The item's sentences. Walking a whole agenda, pass `entries` (from Meeting.entries_by_item)
    and whether the item is the `first` in agenda order (the attendance is noted under it)."""
    if entries is None:
        entries = meeting.entries_for(item.id) if item.id is not None else []
    if first is None:
        first = agenda_order(meeting)[0] is item
    entries = [e for e in entries if not e.private]
    closing = {ItemState.WITHDRAWN: "withdrawn", ItemState.POSTPONED: "postponed"}.get(item.state)
    if closing and not any(e.kind == EntryKind.OUTCOME for e in entries):
        entries.append(Entry(id=None, item_id=item.id or 0, kind=EntryKind.OUTCOME, outcome=closing))
    paragraphs: list[str] = []
    for entry in entries:
        if entry.kind == EntryKind.NOTE:
            # A note goes on with the paragraph before it, as the Council writes a statement and its
            # follow-up sentences ("The Commission informed ... After the meeting, ..."); a blank line
            # inside the note starts a new paragraph.
            parts = [phrasing.sentence(p) for p in _paragraphs(entry.text)]
            if parts and paragraphs:
                paragraphs[-1] += " " + parts.pop(0)
            paragraphs.extend(parts)
            continue
        paragraphs.extend(_paragraphs(phrasing.entry_sentence(entry, item, meeting.details, register, style)))
    if first and (attendance := phrasing.attendance_sentences(meeting.attendance, register, style)):
        # One paragraph, as the Council writes it after the first item's sentences (FORMAT.md, file
        # 01); minutes that name who was present open with it.
        paragraphs.insert(0 if style.list_present else len(paragraphs), " ".join(attendance))
    return paragraphs


def _title(item: AgendaItem) -> str:
    marker = item.classification.strip()
    if marker and marker.upper() not in item.title.upper():
        return f"{item.title} [{marker}]"
    return item.title


def _section_heading(section: str) -> str:
    """A section heading as the Council prints one that names a group of items, with its colon
    ("Discussion items:"); any other as written ("Morning session", "Consent agenda")."""
    section = section.strip()
    return section + ":" if section and section[-1].isalnum() and re.search(r"(?i)\bitems\b", section) else section


def _item_named(meeting: Meeting, item: AgendaItem) -> str:
    """An item as a sentence names it: "item 2 c)", "item 6.1" (its number without the dots that
    end its parts), or its title if it has none."""
    number = meeting.full_number(item)
    return " ".join(part.rstrip(".") for part in number.split()) if number else meeting.reference(item)


def build_document(meeting: Meeting, register, style) -> Document:
    """The content of the outcome of proceedings for `meeting` (see the module docstring)."""
    doc = Document(header=build_header(meeting.details, style, meeting.status))
    by_id = {item.id: item for item in meeting.items}
    entries_by_item = meeting.entries_by_item()
    current: DocSection | None = None
    heading = ""  # the current section's heading, printed or not
    ordered = agenda_order(meeting)
    for item in ordered:
        section = item.section
        parent = by_id.get(item.parent_id)
        while not section and parent is not None:  # sub-items sit in their parent's section
            section, parent = parent.section, by_id.get(parent.parent_id)
        if current is None or (section and _section_heading(section) != heading):
            heading = _section_heading(section)
            # not printed right above an item of the same title ("Consent agenda" / "4. Consent agenda")
            printed = "" if heading.rstrip(":").casefold() == item.title.strip().casefold() else heading
            current = DocSection(title=printed)
            doc.sections.append(current)
        current.items.append(
            DocItem(
                number=item.number,
                title=_title(item),
                level=item.level,
                paragraphs=item_paragraphs(meeting, item, register, style, entries_by_item.get(item.id, []), item is ordered[0]),
            )
        )
    statements = [
        DocItem(number="", title=f"{phrasing.statement_title(entry, register, style)} on item {_item_named(meeting, item)}",
                paragraphs=_paragraphs(entry.text))
        for item in ordered for entry in entries_by_item.get(item.id, [])
        if entry.kind is EntryKind.STATEMENT and not entry.private
    ]
    titles = [statement.title for statement in statements]
    for n, statement in enumerate(statements):  # a second statement by the same speakers on an item: "(2)"
        if titles.count(statement.title) > 1:
            statement.title += f" ({titles[:n + 1].count(statement.title)})"
    if statements:
        doc.sections.append(DocSection(title="ANNEX", items=statements, new_page=True))
    return doc
