"""Plain text pasted from a Council "notice of meeting and provisional agenda" (.txt and the rest).

A PDF paste carries page furniture ("CM 5119/21 GP/ab 1", "JAI.1 LIMITE EN"), titles wrapped over
several lines (sometimes across a page break), document numbers on lines of their own, and notes
("NB:", footnotes) at the bottom. The reader drops the furniture, joins wrapped lines to the item
above, hands reference lines to the item above and stops at the closing notes.
"""

from __future__ import annotations

import re

from minutes_tui.core.agenda.common import (
    UNLABELLED,
    AgendaError,
    Outline,
    committee_name,
    detail_field,
    find_doc_refs,
    indent_of,
    match_label,
    refs_only,
    set_detail,
    split_lines,
    suffix_line,
    take_meeting_day,
)
from minutes_tui.core.model import MeetingDetails, ParsedAgenda

_FURNITURE = re.compile(
    # page footer: document number, typist's initials, page number, then maybe directorate/LIMITE/EN
    r"(?:(?:CM|ST|WK)\s)?\d{1,5}(?:/\d{1,2})?/\d{2}(?:\s(?:REV|ADD|COR)\s\d{1,2})*\s[A-Za-z]{1,4}/[A-Za-z]{1,4}\s\d{1,3}(?:\s.{0,40})?"
    r"|(?:[A-Z][A-Z0-9.]{0,9}(?:\s[A-Z0-9.]{1,9}){0,3}\s)?(?:LIMITE\s)?EN"  # "JAI.1 LIMITE EN", "EN"
    r"|\d{1,3}"  # a page number
    r"|[_\-–—=*.·\s]{3,}"  # rules above footnotes
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FOOTNOTE = re.compile(rf"^(?:\d{{1,2}}|\*{{1,3}}|\(\*{{1,3}}\))\s(?!{_MONTH}\b)[A-Z(]")
_NOTE = re.compile(r"^(?:N\.?\s?B\.?|Notes?|P\.?S\.?)\s?:")
_KEY_VALUE = re.compile(r"^([A-Za-z][\w .'/-]{0,30}?)\s?:\s*(.*)$")
_JOIN = {"place": ", "}  # "Venue: JUSTUS LIPSIUS BUILDING" / "Rue de la Loi 175" -> one place


def parse_text(text: str, source: str = "<text>") -> ParsedAgenda:
    lines = split_lines(text, source)
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
        if _FURNITURE.fullmatch(stripped):
            page_break = True
            if not details.agenda_ref and (refs := find_doc_refs(stripped)) and refs[0].startswith("CM "):
                details.agenda_ref = refs[0]
            continue
        if _FOOTNOTE.match(stripped):
            continue
        if _NOTE.match(stripped):
            if outline.drafts:
                break  # the notes close the agenda; nothing after them is an item
            continue
        wrapped = not gap or page_break
        gap = page_break = False
        if after_held and wrapped and outline.continue_held(stripped):
            continue
        after_held = outline.held_line(stripped, after_item and wrapped, indent_of(line), line_no)
        if after_held:
            after_item = False
            continue
        label = match_label(stripped)
        if not outline.started and (label is None or label.kind in UNLABELLED):
            if label is None and outline.heading(stripped, alone=False):
                continue  # "PART I (A items)" before item 1: its section, not a header line
            open_field = _header(details, stripped, open_field if wrapped else "", source, line_no)
            continue
        if label and after_item and wrapped and outline.initial(label):
            outline.continue_title(stripped)
            continue
        if label:
            after_item = outline.take(label, indent_of(line), line_no)
            continue
        continues = after_item and (wrapped or stripped[0].islower() or not outline.drafts[-1].title)
        after_item = False
        if refs := refs_only(stripped):
            outline.add_refs(refs)
        elif found := suffix_line(stripped):
            outline.add_suffix(*found)
        elif stripped.endswith(":") and len(stripped) <= 120:
            outline.section = stripped.rstrip(": ")
        elif outline.heading(stripped, alone=not continues, indent=indent_of(line)):
            pass
        elif continues:
            outline.continue_title(stripped)
            after_item = True
        # anything else is prose between items (instructions to delegates ...): not part of the agenda
    return outline.result(details, lines)


# A line of its own that names a committee (not "Council of the European Union", the letterhead).
_BODY = re.compile(r"(?:[\w-]+ ){0,3}(?:Committee|Working Party|Working Group|Support Group|Steering Group|Board|Subgroup)\b.{0,100}$")

def _header(details: MeetingDetails, line: str, open_field: str, source: str, line_no: int) -> str:
    """Read one line before the first item; return the field a wrapped next line would continue."""
    key_value = _KEY_VALUE.match(line)
    name = detail_field(key_value.group(1)) if key_value else None
    if key_value and name:
        value = key_value.group(2).strip()
        if name in ("recipient", "subject"):  # a notice goes "To:" the committee, "Subject:" is its name
            name = "committee" if not details.committee and value.lower() != "delegations" else ""
        if not name or not value:
            return ""
        try:
            set_detail(details, name, value)
        except ValueError as error:
            raise AgendaError(source, line_no, f"{key_value.group(1).strip()}: {error}") from None
        return name if isinstance(getattr(details, name), str) else ""
    if key_value and len(key_value.group(1)) <= 20:
        return ""  # "Format: 1+1", "Chair: ...": a header this app does not keep
    if open_field:
        joined = _JOIN.get(open_field, " ").join((getattr(details, open_field), line))
        setattr(details, open_field, joined)
        return open_field
    if refs := refs_only(line):
        if not details.agenda_ref and refs[0].startswith("CM "):
            details.agenda_ref = refs[0]
    elif line := committee_name(take_meeting_day(details, line)):  # "Meeting of the COSI on 22 November 2021"
        if not details.committee and (re.search(r"\([A-Z][^()]{0,19}\)$", line) or _BODY.match(line)):
            details.committee = line  # "Standing Committee on ... Security (COSI)", "Working Party on Terrorism"
    return ""
