"""Markdown agendas (.md, .markdown): a title line, "Key: value" details, then the items.

Why a line parser and not markdown-it's block tokens: most agenda labels are not CommonMark list
markers ("6.1.", "a)", "A.", "– Briefing by Belgium"), so markdown-it would return paragraphs that
merge an item, its wrapped title and its reference lines, and we would split them by line again.
Reading line by line keeps every label exactly as written and gives exact line numbers for errors.
markdown-it-py does what it is good at: turning each line's inline markup (**bold**, [links](#),
backslash escapes, &amp; entities) into plain text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from minutes_tui.core.agenda.common import (
    BULLET,
    DOCUMENT_KIND,
    AgendaError,
    Label,
    Outline,
    committee_name,
    detail_field,
    indent_of,
    marking,
    names_a_body,
    normalise_line_breaks,
    parse_speakers,
    refs_only,
    set_detail,
    split_lines,
    suffix_line,
    take_meeting_day,
    without_agenda_words,
)
from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda, Speaker

_MD = MarkdownIt("commonmark").disable("html_inline")  # "<JHA>", "<draft>" in an agenda are its text, not HTML
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s{0,3}\1){2,}\s*$")  # ---, ***, ___
_QUOTE = re.compile(r"^(?:\s{0,3}>\s?)+")
_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
_BULLET = re.compile(r"^[-*+]\s+")
_TASK = re.compile(r"^\[[ xX]\]\s+")  # a task list's box: "- [ ] 4. Budget"
_BOLD_LINE = re.compile(r"^(\*\*|__)[^*_].*\1:?$")  # a whole line in bold: a section heading
_KEY_VALUE = re.compile(r"^([A-Za-z][\w .'/-]{0,30}?)\s?:\s*(.*)$")
_NOTE = re.compile(r"^(?:N\.?\s?B\.?|Notes?|P\.?S\.?)\s?:")
_NOT_A_TITLE = re.compile(
    r"(?i)\bagenda\b|notice of meeting|^council of the european union$|^general secretariat"
    r"|^\w[\w .-]{0,30}, \d{1,2} \w+ \d{4}$"  # "Brussels, 10 December 2021": where and when it was issued
)
_MARKUP = re.compile(r"[*_`\[\]\\&<!]")


_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")  # "Threat assessment[^1]": a footnote's mark, no text


def inline_text(markup: str) -> str:
    """The plain text of one line of Markdown: "**6.1. EU [13685/21](#)**" -> "6.1. EU 13685/21"."""
    markup = _FOOTNOTE_MARK.sub("", markup)
    if not _MARKUP.search(markup):
        return " ".join(markup.split())
    pieces = []
    for token in _MD.parseInline(markup)[0].children or []:
        if token.type in ("text", "text_special", "code_inline", "image"):
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return " ".join("".join(pieces).split())


def parse_markdown(text: str, source: str = "<markdown>") -> ParsedAgenda:
    lines = split_lines(normalise_line_breaks(text), source)
    reader = _Reader(source)
    start = reader.front_matter(lines)
    fence = ""  # the fence of a code block being skipped
    in_comment = False
    for index in range(start, len(lines)):
        line = lines[index]
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if opening := _FENCE.match(line):
            fence = opening.group(1)[0] * 3
            continue
        if line.strip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if not line.strip() or _RULE.match(line):
            reader.blank()
            continue
        reader.read(_QUOTE.sub("", line), index + 1)
    agenda = reader.outline.result(reader.details, lines)
    agenda.speakers = reader.speakers
    _number_lists_of_ones(agenda)
    return agenda


def _number_lists_of_ones(agenda: ParsedAgenda) -> None:
    """A list numbered "1." on every line, which Markdown shows as 1., 2., 3., is numbered so. A list is
    the numbered items under one parent in one section; any other numbering is kept as written."""
    lists: dict[tuple, list[AgendaItem]] = {}
    for item, parent in zip(agenda.items, agenda.parent_index):
        if re.fullmatch(r"\d{1,3}[.)]", item.number):
            lists.setdefault((parent, item.section, item.number[-1]), []).append(item)
    for items in lists.values():
        if len(items) > 1 and all(item.number[:-1] == "1" for item in items):
            for count, item in enumerate(items, 1):
                item.number = f"{count}{item.number[-1]}"


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.details = MeetingDetails()
        self.speakers: list[Speaker] = []  # the meeting's own, from "Speakers:" header lines
        self.outline = Outline(source)
        self.after_item = False  # the previous line was an item's: a wrapped title may follow
        self.after_held = False  # the previous line was one the outline holds (Roman, AOB): it may go on
        self.in_note = False  # inside an "NB:" paragraph, which belongs to no item
        self.gap = False  # a blank line came before this one
        self.heading_item = False  # the last item was a heading ("## 3. Threat assessment"): paragraphs below are its
        self.heading_label: Label | None = None  # the label of the last heading, if an item: the lists below are its
        self.seen_content = False

    def front_matter(self, lines: list[str]) -> int:
        """Read a YAML-ish block between "---" lines at the top; return where the agenda starts."""
        if lines[0].strip() != "---":
            return 0
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            return 0
        for index in range(1, end):
            match = _KEY_VALUE.match(lines[index].strip())
            if match:
                value = match.group(2).strip().strip("'\"")
                if value.startswith("[") and value.endswith("]"):  # file_codes: [JAI 1297, COSI 240]
                    value = " ".join(part.strip(" '\"") for part in value[1:-1].split(","))
                self.set_header(match.group(1), value, index + 1)
        return end + 1

    def set_header(self, key: str, value: str, line: int) -> bool:
        if key.strip().lower() in ("speaker", "speakers"):
            self.speakers.extend(parse_speakers(value, self.source, line))
            return True
        name = detail_field(key)
        if name is None:
            return False
        if value:
            try:
                set_detail(self.details, name, value)
            except ValueError as error:
                raise AgendaError(self.source, line, f"{key.strip()}: {error}") from None
        return True

    def blank(self) -> None:
        self.after_item = self.in_note = self.after_held = False
        self.gap = True

    def read(self, line: str, line_no: int) -> None:
        indent = indent_of(line)
        body = line.strip()
        heading = _HEADING.match(body)
        if heading:
            body = body[heading.end() :].rstrip("# ")
        bullet = None if heading else _BULLET.match(body)
        if bullet:
            body = _TASK.sub("", body[bullet.end() :])
        bold = bool(_BOLD_LINE.match(body))
        text = inline_text(body)
        first, self.seen_content = not self.seen_content, True
        gap, self.gap = self.gap, False
        if not text:
            return
        after_held, self.after_held = self.after_held, False
        if not heading and not bullet and after_held and self.outline.continue_held(text):
            self.after_held = True
            return
        # a Roman heading or bold line is held as a plain one is: a section if "1." follows, else an item
        if not bullet and self.outline.held_line(text, self.after_item and not heading, indent, line_no):
            self.after_item, self.after_held = False, not heading  # a heading is one line: nothing goes on with it
            return
        label = self.outline.label(text)
        if label is None and bullet:
            label = Label("", BULLET, None, text)
        outline = self.outline
        if not outline.started and (label is None or label.kind == BULLET):
            key_value = _KEY_VALUE.match(text)
            if key_value and self.set_header(key_value.group(1), key_value.group(2).strip(), line_no):
                return
        after_item, self.after_item = self.after_item, False
        if label and after_item and outline.initial(label):
            outline.continue_title(text)
            self.after_item = True
            return
        if heading:
            self.heading_label = label
        elif label and self.heading_label and _nests_under(self.heading_label, label):
            indent += 2  # "## 4. Preparation" / "1. Items for discussion": a list under the heading, not after it
        if label:
            self.after_item = outline.take(label, indent, line_no)
            self.heading_item = bool(heading)
            return
        if outline.awaits_title() and not heading:
            outline.continue_title(text)
            self.after_item = True
            return
        if classification := marking(text):  # "LIMITE": the meeting's in the header, else the item's
            if outline.started:
                outline.classify(classification)
            else:
                self.details.classification = self.details.classification or classification
            return
        is_heading = bool(heading) or bold or (text.endswith(":") and len(text) <= 120)
        if not outline.started:
            # "Monday, 4 March 2024", "Meeting of X on 4 March 2024", "Draft agenda – X, 4 March 2024"
            text = take_meeting_day(self.details, without_agenda_words(text))
            if not text or _NOT_A_TITLE.search(text) or DOCUMENT_KIND.search(text) or outline.heading(text, alone=False):
                return
            if self.details.end_date and outline.day_heading(text):  # the first day of several heads its items
                return
            # a title line, or a plain one naming a body below it ("# Provisional agenda" / "Commission on ...")
            if not self.details.committee and (heading or bold or first or names_a_body(text)) and not text.endswith(":"):
                self.details.committee = committee_name(text)
            elif is_heading:
                outline.section = text.rstrip(": ")
            return
        if is_heading:
            outline.section = text.rstrip(": ")
        elif refs := refs_only(text):
            outline.add_refs(refs)
        elif found := suffix_line(text):
            apart = gap and not self.heading_item
            self.after_item = outline.add_suffix_or_item(found, text, apart=apart, indent=indent, line=line_no)
        elif _NOTE.match(text) or self.in_note:
            self.in_note = True
        elif outline.heading(text, alone=not after_item, indent=indent):
            pass
        elif after_item:
            outline.continue_title(text)
            self.after_item = True
        else:
            outline.describe(text)


def _nests_under(heading: Label, label: Label) -> bool:
    """Whether a labelled line below a heading item is its sub-item: any but one numbered on from the
    heading's ("## 4." or "## 4.1." then "5.", "## A." then "B."), the next item however it is written."""
    key, above = label.key, heading.key
    return not (key and above and len(key) == 1 and type(key[0]) is type(above[0]) and key[0] > above[0])
