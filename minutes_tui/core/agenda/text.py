"""Plain text pasted from a Council "notice of meeting and provisional agenda" (.txt and the rest).

A PDF paste carries page furniture ("CM 5119/21 GP/ab 1", "JAI.1 LIMITE EN"), titles wrapped over
several lines (sometimes across a page break), document numbers on lines of their own, and notes
("NB:", footnotes) at the bottom. The reader drops the furniture, joins wrapped lines to the item
above, hands reference lines to the item above and stops at the closing notes.
"""

from __future__ import annotations

import re

from minutes_tui.core.agenda.common import (
    DOCUMENT_KIND,
    UNLABELLED,
    AgendaError,
    Label,
    Outline,
    clean,
    committee_name,
    detail_field,
    find_doc_refs,
    indent_of,
    marking,
    names_a_body,
    normalise_line_breaks,
    parse_date_range,
    refs_only,
    set_detail,
    split_lines,
    suffix_line,
    take_meeting_day,
)
from minutes_tui.core.model import MeetingDetails, ParsedAgenda

_DOC_NUMBER = r"(?:(?:CM|ST|WK)\s)?\d{1,5}(?:/\d{1,2})?/\d{2}(?:\s(?:REV|ADD|COR)\s\d{1,2})*"
_DIRECTORATE_EN = r"(?:[A-Z][A-Z0-9.]{0,9}(?:\s[A-Z0-9.]{1,9}){0,3}\s)?(?:LIMITE\s)?EN"  # "JAI.1 LIMITE EN", "EN"
_FURNITURE = re.compile(
    # page footer: document number, typist's initials, page number, then maybe directorate/LIMITE/EN;
    # without the initials (newer documents), only those may follow the page number
    rf"{_DOC_NUMBER}\s[A-Za-z]{{1,4}}/[A-Za-z]{{1,4}}\s\d{{1,3}}(?:\s.{{0,40}})?"
    rf"|{_DOC_NUMBER}\s\d{{1,3}}(?:\s{_DIRECTORATE_EN})?"
    rf"|(?:{_DOC_NUMBER}\s)?{_DIRECTORATE_EN}"
    # a page number: "2", "2/5" (not "567/24", a reference), "- 2 -", "Page 2 of 3"
    r"|\d{1,3}|\d{1,2}\s?/\s?\d{1,3}|[-–]\s?\d{1,3}\s?[-–]|(?i:page\s\d{1,3}(?:\sof\s\d{1,3})?)"
)
_RULE = re.compile(r"[_\-–—=*.·\s]{3,}")  # a rule above the footnotes (or a page's furniture)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A title marked for a starred footnote ("Council meeting*", "meeting (*)"): only then are "* Text" lines footnotes.
_STAR_MARK = re.compile(r"\w\*|\w\s?\(\*{1,3}\)")
_FOOTNOTE = re.compile(rf"^(?:(?P<number>\d{{1,2}})|\*{{1,3}}|\(\*{{1,3}}\))\s(?!{_MONTH}\b)[A-Z(]")
_NOTE = re.compile(r"^(?:N\.?\s?B\.?|Notes?|P\.?S\.?)\s?:")
# The part after a UN agenda's items that explains each again ("Annotations", "1. Election of officers" ...)
_ANNOTATIONS = re.compile(r"(?i)(?:annotations|explanatory\snotes|notes\son\sthe\s(?:provisional\s)?agenda)"
                          r"(?:\sto\sthe\s(?:provisional\s)?agenda)?\s?:?")
_CIRCLES = re.compile(r"[o°](?:\s+[o°]){0,2}")  # "o" / "o o" under a Council agenda: what follows is not on it
_KEY_VALUE = re.compile(r"^([A-Za-z][\w .'/-]{0,30}?)\s?:\s*(.*)$")
_JOIN = {"place": ", "}  # "Venue: JUSTUS LIPSIUS BUILDING" / "Rue de la Loi 175" -> one place
_TABLE_ROW = re.compile(r"\s*(\d{1,3})\t+(.*)")  # "1<TAB>Adoption of the agenda<TAB>CM 2001/24", pasted from Word


def _table_row(raw: str) -> Label | None:
    """A row of a table pasted from Word: its number is the item's label; its cells are joined as a
    title's parts, so that a last cell of references ("CM 2001/24") is read as its references."""
    row = _TABLE_ROW.match(raw)
    cells = [clean(cell) for cell in row[2].split("\t") if cell.strip()] if row else []
    return Label(row[1], ("num", 1, ""), (int(row[1]),), " – ".join(cells)) if cells else None


def parse_text(text: str, source: str = "<text>") -> ParsedAgenda:
    text = normalise_line_breaks(text)
    lines = split_lines(text, source)
    rows = [_table_row(raw) for raw in text.split("\n")]  # from the lines with their tabs, which mark a table's cells
    # The footnotes' numbers, wherever they stand (after the "NB:" too): a title may carry their marks.
    footnotes = {found["number"] for line, row in zip(lines, rows)
                 if (found := _FOOTNOTE.match(line.strip())) and found["number"] and not row}
    # Else "* Text" under an item is a bullet ("* Exchange of views"), unless it comes after the rule;
    # "1 Text", "** Text", "(*) Text" are always footnotes.
    starred = any(_STAR_MARK.search(line) for line in lines)
    after_rule = False
    header_lines: set[str] = set()  # the first page's: one seen again among the items is a running header
    details = MeetingDetails()
    outline = Outline(source)
    open_field = ""  # the header field a wrapped header line continues
    after_item = False  # the last content line was an item's title or its continuation
    after_held = False  # the last content line was one the outline holds (Roman, AOB): it may go on
    gap = False  # a blank line since the last content line
    page_break = False  # page furniture since the last content line: a gap there is no gap
    for line_no, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            gap, open_field = True, ""
            continue
        flat = " ".join(stripped.split())  # a footer's fields may stand apart: "CM 1234/24  JB/mk  1"
        if _RULE.fullmatch(flat):  # above the notes: what follows it goes on with no title, unless in lower case
            gap, after_rule = True, after_rule or bool(outline.drafts)
            continue
        if _FURNITURE.fullmatch(flat):
            page_break = True
            if not details.agenda_ref and (refs := find_doc_refs(stripped)) and refs[0].startswith("CM "):
                details.agenda_ref = refs[0]
            continue
        if outline.started and flat in header_lines and not (refs_only(flat) or marking(flat)):
            page_break = True  # a running header; not a reference or marking, which may be an item's
            continue
        row = rows[line_no - 1]
        if _FOOTNOTE.match(stripped) and not row and (
                not stripped.startswith("* ") or starred or after_rule or not outline.drafts):
            continue
        if _CIRCLES.fullmatch(stripped):
            if outline.drafts and " " in stripped:  # a lone "o" may be a bullet; "o o" is the end mark
                break
            continue
        if outline.drafts and _ANNOTATIONS.fullmatch(stripped):
            break  # the items come again, annotated: the first list is the agenda
        if _NOTE.match(stripped):
            if outline.drafts:
                break  # the notes close the agenda; nothing after them is an item
            continue
        wrapped = not gap or page_break
        gap = page_break = False
        if after_held and outline.continue_held(stripped, wrapped):
            continue
        after_held = outline.held_line(stripped, after_item and wrapped, indent_of(line), line_no)
        if after_held:
            after_item = False
            continue
        label = row or outline.label(stripped)
        if not outline.started and (label is None or label.kind in UNLABELLED):
            header_lines.add(flat)
            if label is None and (outline.heading(stripped, alone=False) or details.end_date and outline.day_heading(stripped)):
                continue  # "PART I (A items)", or the first day of several, before item 1: its section, not a header line
            open_field = _header(details, stripped, open_field if wrapped else "", source, line_no)
            continue
        if label and after_item and wrapped and outline.initial(label):
            outline.continue_title(stripped)
            continue
        if label:
            after_item = outline.take(label, indent_of(line), line_no)
            continue
        continues = after_item and (wrapped or stripped[0].islower())
        after_item = False
        if outline.awaits_title():
            outline.continue_title(stripped)
            after_item = True
        elif refs := refs_only(stripped):
            outline.add_refs(refs)
        elif classification := marking(stripped):
            outline.classify(classification)
        elif found := suffix_line(stripped):
            after_item = outline.add_suffix_or_item(found, stripped, apart=not wrapped, indent=indent_of(line), line=line_no)
        elif stripped.endswith(":") and len(stripped) <= 120:
            outline.section = stripped.rstrip(": ")
        elif outline.heading(stripped, alone=not continues, indent=indent_of(line)):
            pass
        elif continues:
            outline.continue_title(stripped)
            after_item = True
        # anything else is prose between items (instructions to delegates ...): not part of the agenda
    return outline.result(details, lines, footnotes)


_BRACKETED = re.compile(r"\((?:OR\.\s?(?P<language>[a-z]{2})|[^()]{1,40})\)", re.IGNORECASE)  # "(OR. en)", "(Part 2)"
_COMMITTEE_LINE = "committee line"  # what _header returns after a line naming the committee: only "(Part 2)" goes on with it
_DISTRIBUTED = "distribution line"  # ... after a UN document's "Distr.: General": the date under it is the issue date
_DISTRIBUTION = re.compile(r"\bDistr\.\s?:")
_PLACE = re.compile(r"(?i)\b(?:building|Justus Lipsius|Convention Cent(?:er|re))\b")  # "Justus Lipsius building, Brussels"

def _header(details: MeetingDetails, line: str, open_field: str, source: str, line_no: int) -> str:
    """Read one line before the first item; return the field a wrapped next line would continue."""
    if open_field == _DISTRIBUTED:  # "Distr.: General" / "20 December 2024": when it was issued, not the session
        try:
            day, last, _ = parse_date_range(line)
        except ValueError:
            day = last = None
        if day and not last:
            details.issue_date = details.issue_date or day
            return ""
    if _DISTRIBUTION.search(line):
        return _DISTRIBUTED
    key_value = _KEY_VALUE.match(line)
    name = detail_field(key_value.group(1)) if key_value else None
    if key_value and name:
        value = key_value.group(2).strip()
        if name in ("recipient", "subject") and not DOCUMENT_KIND.fullmatch(value):  # a notice goes "To:" the
            # committee, "Subject:" is its name; not "Subject: Summary of discussions", what the document is
            name = "committee" if not details.committee and value.lower() != "delegations" else ""
        if not name or not value:
            return ""
        try:
            set_detail(details, name, value)
        except ValueError as error:
            raise AgendaError(source, line_no, f"{key_value.group(1).strip()}: {error}") from None
        return name if isinstance(getattr(details, name), str) else ""
    if key_value and len(key_value.group(1).split()) <= 3:  # not a wrapped sentence: a header this app does not keep
        return ""  # "Format: 1+1", "Chair: ...", "Interinstitutional File: 2023/0226 (COD)" (no field for it)
    bracketed = _BRACKETED.fullmatch(line)  # a line in brackets never names the committee
    if bracketed and bracketed["language"]:
        details.language = bracketed["language"].lower()
    elif bracketed and open_field == _COMMITTEE_LINE:  # "PERMANENT REPRESENTATIVES COMMITTEE" / "(Part 2)"
        details.committee = f"{details.committee} {line}"
    elif open_field and open_field != _COMMITTEE_LINE:
        joined = _JOIN.get(open_field, " ").join((getattr(details, open_field), line))
        setattr(details, open_field, joined)
        return open_field
    elif classification := marking(line):  # "LIMITE"
        details.classification = details.classification or classification
    elif refs := refs_only(line):  # the notice's "CM 1734/24", the Council's agenda "5301/24"
        details.agenda_ref = details.agenda_ref or refs[0]
    elif not bracketed and (line := take_meeting_day(details, line)):
        name = committee_name(line)  # "Meeting of the COSI on 22 ...", "3992nd meeting of the COUNCIL ..."
        if not details.committee and (name == "Council" or names_a_body(name)):
            details.committee = name  # "Standing Committee on ... Security (COSI)", "Working Party on Terrorism"
            return _COMMITTEE_LINE
        if not details.place and _PLACE.search(line):
            details.place = line
    return ""
