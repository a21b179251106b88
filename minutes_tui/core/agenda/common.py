"""What the agenda parsers share: the error, document references, dates, item labels, title
suffixes, meeting-details keys, and the outline that turns labelled lines into items with parents.

Every regular expression here uses bounded repetition or runs on bounded pieces of text, so hostile
input (10,000-character lines) costs linear time.
"""

from __future__ import annotations

from ..errors import MinutesError

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from dateutil import parser as dateparser

from minutes_tui.core.model import AgendaItem, MeetingDetails, ParsedAgenda, Speaker, SpeakerKind
from minutes_tui.core.speakers import DELEGATION_KINDS, default_register

MAX_LINE = 5_000  # no agenda line is this long; refusing it keeps every parser fast on junk


class AgendaError(MinutesError):
    """An agenda file that cannot be read. `str()` is one line: "FILE:LINE: message"."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = str(source)
        self.line = line
        self.message = " ".join(str(message).split())
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def quote(text: str, width: int = 40) -> str:
    """A short, printable excerpt of `text` for an error message."""
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


# --- lines --------------------------------------------------------------------------------------

_SPACES = {0xA0: " ", 0x2007: " ", 0x202F: " "}  # no-break spaces, common in text copied from PDFs
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, BOM ...
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


# What ends a line besides "\n": an old Mac's lone CR, Word's Shift+Enter (VT), Unicode's separators.
# Not the form feed: pdftotext puts one at the start of each page, inside a line that goes on.
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\u2028\u2029]")


def normalise_line_breaks(text: str) -> str:
    """Every line break as "\\n", for the readers of lines (Markdown, text); TOML has its own rules."""
    return _LINE_BREAK.sub("\n", text)


def split_lines(text: str, source: str) -> list[str]:
    """Lines numbered as an editor numbers them (split on "\\n" only), tabs expanded, control
    characters (form feeds from pdftotext, stray escapes) turned into spaces, trailing space cut."""
    if not text.strip():
        raise AgendaError(source, 1, "the file is empty")
    lines = []
    for number, raw in enumerate(text.split("\n"), 1):
        if len(raw) > MAX_LINE:
            raise AgendaError(source, number, f"line too long ({len(raw):,} characters)")
        line = raw.translate(_SPACES).translate(_INVISIBLE).expandtabs(4)
        lines.append(_CONTROLS.sub(" ", line).rstrip())
    return lines


def clean(text: str) -> str:
    """One line of text: control characters gone, whitespace collapsed (for values read from TOML)."""
    return " ".join(_CONTROLS.sub(" ", text.translate(_SPACES).translate(_INVISIBLE)).split())


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


# --- document references (FORMAT.md section 5) ----------------------------------------------------

_REF_SUFFIX = (
    r"(?:\s(?:REV|ADD|COR|EXT|AMD|DCL)\s?\d{1,2}|\sINIT)*"  # "WK 1234/2024 INIT": the first version
    r"(?:\s?\+\s?(?:ADD|COR|REV)\s?\d{1,2}(?:\s(?:REV|COR)\s?\d{1,2})*)*"
)
_REF = re.compile(
    r"(?<![\w/])(?:(?i:(?:council\s)?doc(?:ument)?s?\.?)\s)?"  # "doc", "doc.", "document": dropped
    r"(?P<ref>"
    # working documents, acts agreed with the Parliament ("PE-CONS 12/24"): short numbers, 2- or 4-digit year
    r"(?:(?:WK|PE-CONS)\s\d{1,5}(?:/\d{1,2})?/(?:\d{4}|\d{2})"
    r"|(?:[A-Z]{2,4}\s)?\d{3,5}(?:/\d{1,2})?/\d{2})(?![\w/])"  # ST, CM, a board's BD 2025/14: the prefix is the ref's
    + _REF_SUFFIX
    + r"(?:\s?\((?i:to be issued)\))?"
    r"|(?:COM|SEC|SWD|JOIN|C)\s?\(\d{4}\)\s?\d{1,5}(?:\sfinal)?"
    r")(?![\w/])"
)
# What may stand between references on a line of their own: "Documents: ST 6712/24 LIMITE, WK 3261/2024 INIT"
# and the file codes after a Council document's number: "13422/24 JAI 1321 ENFOPOL 402"
_REF_FILLER = re.compile(r"(?i:\b(?:and|see|docs?|documents?|refs?|references?)\b)|\bLIMITE\b|\b[A-Z]{2,12}\s\d{1,5}\b"
                         r"|[\s,;:+&()\[\]./–—-]")


def find_doc_refs(text: str) -> list[str]:
    """Document references in `text`, in order, without duplicates, as written minus a "doc" prefix.

    >>> find_doc_refs("as set out in doc. 13684/21 and WK 14408/19")
    ['13684/21', 'WK 14408/19']
    """
    refs: list[str] = []
    flat = " ".join(text.split())
    for match in _REF.finditer(flat):
        ref = match.group("ref")
        if ref not in refs and not _a_span_of_years(ref) and not _NUMBERED.search(flat, 0, match.start()):
            refs.append(ref)
    return refs


_NUMBERED = re.compile(r"\bNo\.?\s$")  # "Regulation (EC) No 1255/97": an act's number, no Council document


_YEARS = re.compile(r"(?:FY\s)?(?:19|20)(\d\d)/(\d\d)")


def _a_span_of_years(ref: str) -> bool:
    """"FY 2025/26", "Tenant satisfaction 2024/25": a financial year (the second year follows the first), no document."""
    years = _YEARS.fullmatch(ref)
    return bool(years) and (int(years[1]) + 1) % 100 == int(years[2])


def refs_only(text: str) -> list[str]:
    """The references in `text` if it holds nothing else ("doc. 13682/21, WK 286/20"), else []."""
    refs = find_doc_refs(text)
    if refs and not _REF_FILLER.sub("", _REF.sub("", " ".join(text.split()))):
        return refs
    return []


def normalise_ref(ref: str) -> str:
    """A reference given on its own (TOML): the recognised form if it is one, else as written."""
    found = refs_only(ref)
    return found[0] if len(found) == 1 else " ".join(ref.split())


# --- dates ----------------------------------------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_CLOCK = r"(?:[01]?\d|2[0-3])[.:h][0-5]\d"  # 10.00, 10:00, 10h00
_HOUR = rf"{_CLOCK}(?:\s?[AaPp]\.?[Mm]\.?)?"  # and 7:00 PM
_HOURS = rf"{_HOUR}(?:\s?(?:-|–|—|to)\s?{_HOUR})?"
# The times of a day, as written: "10.00", "10.00-13.00 and 14.30-18.00"
_TIME = re.compile(rf"(?<![\d./:]){_HOURS}(?:\s?(?:,|and|&)\s?{_HOURS})*(?![\d./:])")
_RANGE = re.compile(
    r"\s(?:and|to|until|&)\s|\s?[–—]\s?|\s-\s|(?<=^\d)-(?=\d)|(?<=^\d\d)-(?=\d)"
    r"|(?:(?<=\b\d)|(?<=\b\d\d))\s?[-/,]\s?(?=\d\d?\s[^\W\d])"  # "Wednesday 20-21 March", "14/15 March", "14, 15 March"
)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")  # "14th-15th March"
# "March 14-15, 2024", the month first as in the US: read as "14-15 March 2024"
_MONTH_FIRST = re.compile(r"\b([^\W\d]{3,9}\.?)\s(\d{1,2})(\s?[-–—/]\s?|\s(?:and|to|&)\s)(\d{1,2}),?\s(\d{4})\b")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def format_date(day: date, end: date | None = None) -> str:
    """ "22 November 2021"; with `end`, "22 and 23 November 2021" as the Council writes two days."""
    if end is None or end == day:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if (day.year, day.month) == (end.year, end.month):
        return f"{day.day} and {format_date(end)}"
    if day.year == end.year:
        return f"{day.day} {_MONTHS[day.month - 1]} and {format_date(end)}"
    return f"{format_date(day)} and {format_date(end)}"


def parse_meeting_date(text: str) -> date:
    """A whole date: "22 November 2021", "Monday 22 November 2021", "22/11/2021" (day first), ISO.
    Raises ValueError for anything else, including a date missing its day, month or year."""
    return _parse_date(text, fill=None)


def _parse_date(text: str, fill: date | None) -> date:
    text = " ".join(text.split()).strip(" ,.;")
    if not text or len(text) > 60 or not re.search(r"\d", text):
        raise ValueError(f"not a date: {quote(text)}")
    try:
        return date.fromisoformat(text)  # before dateutil: with dayfirst it reads 2021-11-05 as 11 May
    except ValueError:
        pass
    # Parsing with two different defaults shows whether the text itself gave day, month and year.
    defaults = [fill] if fill else [date(2000, 1, 1), date(2001, 2, 2)]
    try:
        found = {
            dateparser.parse(text, dayfirst=True, default=datetime(d.year, d.month, d.day)).date()
            for d in defaults
        }
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {quote(text)}") from None
    if len(found) > 1:
        raise ValueError(f"incomplete date: {quote(text)} (give day, month and year)")
    day = found.pop()
    if (years := _YEAR.findall(text)) and str(day.year) not in years:  # dateutil took a day for the year
        raise ValueError(f"unclear date: {quote(text)} (read as {format_date(day)})")
    return day


def parse_date_range(text: str) -> tuple[date, date | None, str]:
    """(first day, last day or None, time as written) from "Monday 22 November 2021, 10.00",
    "22 and 23 November 2021", "22-23/11/2021" ... Raises ValueError."""
    time = _TIME.search(text)
    rest = f"{text[: time.start()]} {text[time.end() :]}" if time else text
    rest = re.sub(r"\(\s*\)|\b(?:at|from)\b", " ", rest)  # what is left of "(10.00)", "at 10.00"
    rest = _MONTH_FIRST.sub(r"\2\3\4 \1 \5", _ORDINAL.sub("", " ".join(rest.split()).strip(" ,;–—-")))  # "April 8, 2025 - 7:00 PM"
    halves = _RANGE.split(rest, maxsplit=1)
    if len(halves) != 2:  # dateutil would read "22 and 23 November 2021" as one day: split first
        return parse_meeting_date(rest), None, time.group(0) if time else ""
    end = parse_meeting_date(halves[1])
    start = _parse_date(halves[0], fill=end)  # "22" and "30 November" take the rest from the end
    if start >= end:
        raise ValueError(f"the dates {quote(rest)} are not in order")
    return start, end, time.group(0) if time else ""


# --- item labels --------------------------------------------------------------------------------

_LABEL = re.compile(
    # Item 3: (not the UN's header "Item 2 of the provisional agenda")
    r"(?:(?:Agenda\s[Ii]tem|AGENDA\sITEM|Item|ITEM|Point|POINT)\s(?P<word>\d{1,3}(?:\.[1-9]\d?){0,4})(?!\s+of\b)[.:)]?"
    r"|(?P<dotted>\d{1,3}(?:\.[1-9]\d?){1,4})[.)]?"  # 6.1  6.1.  7.3.2  4.1) (not 10.00, a time)
    r"|(?P<lettered>(?:[A-Z]|[IVX]{2,4})(?:\.[1-9]\d?){1,4})\.?"  # A.1  I.1  II.2.1: under "A.", "I.", "II."
    r"|(?P<num>\d{1,4})(?P<num_p>[.)])"  # 1.  1)  1000.
    # 4.a)  4a)  4.c  4 a)  4(b): letter a) under item 4
    r"|(?P<sub>\d{1,3})(?P<sub_gap>\s|\.?\(?)(?P<letter>[a-z])(?:[.)]|(?<=\.[a-z]))"
    # 8.A  8A.  2.1.a  4.1.b): lettered under item 8, under item 2.1
    r"|(?P<compound>\d{1,3}(?:\.[1-9]\d?){0,3})(?:\.(?P<capital>[A-Z])\.?|(?P<capital_>[A-Z])\.)"
    r"|(?P<compound_>\d{1,3}(?:\.[1-9]\d?){1,3})\.(?P<small>[a-z])[.)]?"
    r"|(?P<paren>\(\d{1,2}\))"  # (1)  (2)
    r"|(?P<lower>\(?(?:[a-z]|ii|iii|iv|vi{1,3}|ix|xi{1,3})[.)])"  # a)  (a)  b.  (ii): "(i)" is settled by the outline
    r"|(?P<upper>[A-Z][.)])"  # A.  B)
    # – Briefing by Belgium; Word's and PDFs' bullets: its Symbol-font dot U+F0B7, "·", "➢", "o" and a tab
    r"|(?P<dash>[–—•▪·➢\uf0b7-]|\*(?=\s)|o(?=\s\s)))"
    r"(?:\s+|$)"
)
DASH = ("dash",)
BULLET = ("bullet",)  # a Markdown list bullet with no label of its own
UNLABELLED = (DASH, BULLET)
ROMAN = ("roman",)  # "II. Information from the Presidency": an item, where no "1." follows it
AOB = ("aob",)  # a line that is only "AOB": an unnumbered item, its points under it
LOOSE = ("loose",)  # an unnumbered item among numbered ones, at the top: "10.00 Opening", a statement (FORMAT.md 2.6)
BREAK = ("break",)  # "13.00 Lunch break": a time on the schedule, no item
# A time in front of a line of a timed agenda: "10.15 2. Threat assessment", "10.00-10.15 Opening"
_LEADING_TIME = re.compile(rf"{_CLOCK}(?:\s?[-–—]\s?{_CLOCK})?\s+(?=\S)(?![-–—]\s?\d)")  # not "14.30 – 18.00" alone
_BREAK = re.compile(r"(?i)(?:(?:lunch|coffee|tea)\s)?break|lunch|coffee|pause|(?:end|close)\sof\s(?:the\s)?(?:meeting|session)")
_AOB = re.compile(r"(?i)(?:AOB|A\.O\.B\.?|any other business|other business)\b")
_AOB_LINE = re.compile(r"(?i)(?:AOB|A\.O\.B\.?|any other business|other business)(?:\s*\((?:AOB|A\.O\.B\.?)\))?\s*[.:]?")
# A title that ends like this goes on on the next line ("held on" / "12 October 2025", "by" / "V. Smith").
_OPEN_END = re.compile(r"(?i)(?:\b(?:of|on|in|for|and|or|the|to|by|with|from|at|a|an|as|into|about)|[,(–-])$")
_ROMAN_HEADING = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.(?:\s+\S.*)?")  # "III. Discussion items (II)", "II." alone
# Headings without a colon: one that names a group of items ("B items", "PART I (A items)", '"I" items'),
# and a short line standing alone that is no sentence ("Other issues", "COREPER (PART 1)").
_ITEMS_HEADING = re.compile(r"(?=[^a-z])[^:]{0,50}\b(?i:items)\)?:?")
_SHORT_HEADING = re.compile(r"[A-Z\"“][^.!?;:]{0,59}")
# A session block's heading (FORMAT.md 2.11): "Joint TWP/COTER (Morning session 10.00-13.00)", "Afternoon session".
_SESSION_HEADING = re.compile(r"(?i)\b(?:morning|afternoon|evening|joint|plenary|closed|restricted)\s+session\b|^session\b")
# The Council's own headings, which may come right after an item's title: never a title going on.
_COUNCIL_HEADING = re.compile(r"(?=[A-Z])(?i:(?:non-)?legislative\s(?:deliberations|activities))")


def _roman_value(numeral: str) -> int:
    values = [{"I": 1, "V": 5, "X": 10}[letter] for letter in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0]))


@dataclass(frozen=True)
class Label:
    number: str  # as written: "6.1.", "a)", "–"
    kind: tuple  # labels of one kind are siblings: ("num", 1, "."), ("lower", ")"), DASH ...
    key: tuple[int | str, ...] | None  # path for "6.1" -> (6, 1), "A.1" -> ("A", 1): finds the parent "6.", "A."
    rest: str  # the text after the label
    # A label only where the agenda bears it out (Outline.label): "2021." and "3(b)" also start
    # wrapped lines ("adopted in" / "2021. The ...", "Article" / "3(b) of the Directive").
    doubtful: bool = False
    time: str = ""  # written before the label: "10.15" in "10.15 2. Threat assessment"


def match_label(text: str, doubtful: bool = False) -> Label | None:
    """The label `text` starts with; `doubtful` ones too if asked (see Label)."""
    match = _LABEL.match(text)
    if not match:
        return None
    label = _label(match, match.group(0).strip(), text[match.end() :])
    return label if doubtful or not label.doubtful else None


def _label(match: re.Match, number: str, rest: str) -> Label:
    if match["word"]:  # "Item 3:" is item "3.", numbered as the Council numbers its items
        key = tuple(int(part) for part in match["word"].split("."))
        return Label(match["word"] + ".", ("num", len(key), "." if len(key) == 1 else ""), key, rest)
    if match["dotted"] or match["lettered"]:
        head, *parts = (match["dotted"] or match["lettered"]).split(".")
        key = (int(head) if head.isdigit() else head, *map(int, parts))
        return Label(number, ("num", len(key), ""), key, rest)
    if match["num"]:
        return Label(number, ("num", 1, match["num_p"]), (int(match["num"]),), rest, doubtful=len(match["num"]) > 3)
    if match["sub"]:  # the key of "4.a)" is that of "4.1": it finds its parent "4." by number
        key = (int(match["sub"]), ord(match["letter"]) - ord("a") + 1)
        closing = number[-1] if number[-1] in ".)" else ""  # "4.c"
        return Label(number, ("lower", closing), key, rest, doubtful=match["sub_gap"] in (" ", "("))
    if compound := match["compound"] or match["compound_"]:  # "8.A" is keyed as "8.1", "4.1.b" as "4.1.2"
        letter = match["capital"] or match["capital_"] or match["small"]
        key = (*map(int, compound.split(".")), ord(letter.lower()) - ord("a") + 1)
        return Label(number, ("upper" if letter.isupper() else "lower", number[-1] if number[-1] in ".)" else ""), key, rest)
    if match["paren"]:
        return Label(number, ("paren",), None, rest)
    if match["lower"]:
        roman = len(number.strip("(.)")) > 1  # "ii)": only a numeral has two letters
        return Label(number, ("lroman" if roman else "lower", number[-1]), None, rest)
    if match["upper"]:
        return Label(number, ("upper", number[-1]), (number[0],), rest)
    return Label(number, DASH, None, rest)


# --- title suffixes -----------------------------------------------------------------------------

_MODE = (
    r"(?:for\s)?(?:presentation|information|briefing|debriefing|update|progress\sreport|report"
    r"|state\sof\splay|statement|exchange\sof\sviews|discussion|policy\sdebate|orientation\sdebate"
    r"|approval|endorsement|possible\sendorsement|adoption(?:\sof\sthe\s(?:legislative|legal)\sact)?|confirmation|decision"
    # Coreper's lines under a legislative file say what the Committee is to do with it
    r"|preparation\sfor\sthe\strilogue|(?:revised\s)?mandate\sfor\snegotiations\swith\sthe\sEuropean\sParliament"
    r"|examination\sof\sthe\s(?:Presidency\s)?compromise\stext|general\sapproach|political\sagreement"
    r"|(?:approval|analysis)\sof\sthe\sfinal\scompromise\stext(?:\swith\sa\sview\sto\sagreement)?"
    r"|(?:annotated\s)?draft\sconclusions)"
)
_SUFFIX = re.compile(
    rf"(?P<mode>{_MODE}(?:\sand\s{_MODE})?)"
    # long enough for "the Hungarian delegation, supported by the Austrian, Czech and Slovak delegations"
    r"(?:\s(?:by|from|with)\s(?P<presenter>[^()]{1,160}?))?"
    rf"(?:,?\sand\s(?P<mode2>{_MODE}))?",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s[–—-]\s|:\s")
_MINUTES = re.compile(r"\s?[\[(]?\s?(?<![-\d])(\d{1,3})\s?(?:'|’|′|min(?:ute)?s?\.?)[\])]?$")
_CLASSIFIED = re.compile(r"\b(?:RESTREINT|CONFIDENTIEL|SECRET|RESTRICTED|CONFIDENTIAL|LIMITE)\b")
_MARKING = re.compile(r"LIMITE|(?:TRES\s)?(?:RESTREINT|CONFIDENTIEL|SECRET)\sUE/EU\s(?:TOP\s)?(?:RESTRICTED|CONFIDENTIAL|SECRET)")
_KEEP = re.compile(r"(?i)continued|cont'd")  # part of the subject: kept in the title
# A note for planning the meeting, which the minutes of it do not repeat (the reference's item 9 has
# no "(poss.)"): the item's mode, shown while taking the minutes.
_TENTATIVE = re.compile(r"(?i)poss\.?|possibly|tbc\.?|if needed|if time allows")


@dataclass
class TitleParts:
    title: str = ""
    doc_refs: list[str] = field(default_factory=list)
    presenter: str = ""
    mode: str = ""
    classification: str = ""
    planned_minutes: int | None = None


# "Update by the EU CTC on the Syrian situation", a whole title: the presenter is the EU CTC, not its
# topic (which the title keeps); but "the Chair of the Working Party on Terrorism" is one name.
_PRESENTER_TOPIC = re.compile(
    r"(?<!Party)(?<!Committee)(?<!Group)(?<!Council)(?<!Network)(?<!Centre)(?<!Agency)(?<!Board)(?<!Office)"
    r"\s(?:on|about|regarding|concerning)\s"
    r"|\sof\sthe\s(?=.*\b(?:report|document|paper|study|analysis)\b)"  # "Europol of the TE-SAT report"
)


def match_suffix(text: str, whole_title: bool = False) -> tuple[str, str] | None:
    """(mode, presenter) if `text` is only a presenter/mode phrase: "Presentation by the Commission"
    -> ("Presentation", "Commission"); "exchange of views" -> ("Exchange of views", ""). In a
    `whole_title`, kept as the title, the presenter ends where its topic starts."""
    text = " ".join(text.split()).strip("()[] .")
    match = _SUFFIX.fullmatch(text)
    if not match:
        return None
    mode = match["mode"] + (f" and {match['mode2']}" if match["mode2"] else "")
    presenter = re.sub(r"(?i)^the\s", "", (match["presenter"] or "").strip(" ,.;"))
    if whole_title:
        presenter = _PRESENTER_TOPIC.split(presenter)[0]
    return mode[0].upper() + mode[1:], presenter


def analyse_title(raw: str) -> TitleParts:
    """Split what the agenda writes after an item's label into its parts.

    The rule: what an outcome sentence says again is taken out of the title, so exported headings
    read like the reference outcome. A presenter/mode suffix after a dash or colon ("– Presentation
    by the Commission"), trailing references ("(13682/21)"), durations ("(10')") and classification
    markers go to their own fields, and so do planning notes ("(poss.)", "(tbc)": the mode); "(continued)"
    stays in the title as written. A title that is nothing but such a phrase ("Information by the
    Presidency") is kept whole.
    """
    parts = TitleParts()
    text = _take_classification(" ".join(raw.split()), parts)
    tail_refs: list[str] = []
    kept: list[str] = []  # status notes met at the end, put back afterwards
    tentative = ""  # a planning note: the mode, unless the title gives one
    if (lead := re.match(r"\(([^()]{1,20})\)\s*", text)) and _TENTATIVE.fullmatch(lead[1].strip()):
        tentative, text = lead[1].strip(), text[lead.end() :]  # in front too: "(poss.) Any other business"
    while text:
        if (minutes := _MINUTES.search(text)) and parts.planned_minutes is None:
            parts.planned_minutes = int(minutes.group(1))
            text = text[: minutes.start()].rstrip()
            continue
        group, inner = _trailing_group(text)
        if group:
            if refs := refs_only(inner):
                tail_refs[:0] = refs
            elif suffix := match_suffix(inner):
                _set_suffix(parts, suffix, earlier=True)
            elif _KEEP.fullmatch(inner.strip()):
                kept.insert(0, text[-group:])
            elif _TENTATIVE.fullmatch(inner.strip()):
                tentative = inner.strip()
            elif presenter := _bracketed_presenter(inner, text[:-group]):
                parts.presenter = parts.presenter or presenter
            else:
                break
            text = text[:-group].rstrip()
            continue
        head, comma, tail = text.rpartition(", ")
        if comma and (refs := refs_only(tail)):  # "Schengen evaluation, CM 5119/21" (only references: a
            tail_refs[:0] = refs  # comma also parts a list of presenters or a title's own words)
            text = head.rstrip()
            continue
        separators = list(_SEPARATOR.finditer(text))
        if not separators:
            break
        last = separators[-1]
        tail = text[last.end() :]
        if refs := refs_only(tail):
            tail_refs[:0] = refs
        elif suffix := match_suffix(tail):
            _set_suffix(parts, suffix, earlier=True)
        else:
            break
        text = text[: last.start()].rstrip()
    if suffix := match_suffix(text, whole_title=True):
        _set_suffix(parts, suffix, earlier=True)
    if re.search(r"(?i)\(continued\)", " ".join(kept)) and not parts.mode:
        parts.mode = "Continued"
    parts.mode = parts.mode or tentative
    parts.doc_refs = list(dict.fromkeys(find_doc_refs(text) + tail_refs))
    parts.title = " ".join([text.strip(" –—-:,;"), *kept]).strip()
    return parts


# Who presents an item, in brackets after its title: "(incoming French Presidency)", "(BE delegation)";
# else a speaker of the register: "(Presidency)", "[Commission]", "(EU CTC)", "(Presidency, Commission)".
_PRESIDENCY_OR_DELEGATION = re.compile(r"(?:(?:incoming|outgoing|[A-Z][\w-]*)\s){0,2}(?:Presidency|[Dd]elegations?)")


def _bracketed_presenter(inner: str, before: str) -> str:
    """The presenter(s) a bracketed group after the title `before` names, as written; "" if it names
    anything else: "(Part 2)", "(Report of the Presidency)", an acronym ("(EES)", or "(EDPS)" after
    "European Data Protection Supervisor"), a language ("(French)", "(Dutch)")."""
    inner = re.sub(r"(?i)^the\s", "", " ".join(inner.split()))
    initials = "".join(word[0] for word in before.split() if word[0].isupper())
    if not before.strip() or initials.endswith(inner):
        return ""
    for name in re.split(r"\s?[,/&]\s?|\sand\s", inner):
        name = re.sub(r"(?i)^the\s", "", name)
        if not (_PRESIDENCY_OR_DELEGATION.fullmatch(name) or _registered_presenter(name)):
            return ""
    return inner


def _registered_presenter(name: str) -> bool:
    """Whether the register knows `name`: a delegation by its code or country ("BE", "Belgium"; its
    adjectives name languages too), anyone else by any name ("Cion", "EU CTC"). Not "(it)": Italy."""
    speaker = default_register().lookup(name) if name[:1].isupper() else None
    if speaker and speaker.kind in DELEGATION_KINDS:
        return name.casefold() in (speaker.code.casefold(), speaker.name.casefold())
    return speaker is not None


_DOCUMENT = re.compile(
    r"(?i)\b(?:report|minutes|note|letter|memo|memorandum|paper|document|annex|text|draft|accounts|statement"
    r"|opinion|study|analysis|summary|table|slides|proposal|questionnaire|compilation)s?\b"
)


def document_refs(text: str) -> list[str]:
    """The references of a line that only names a document, its name kept beside each:
    "Auditor's report (BD 2026/03)" -> ["BD 2026/03 (Auditor's report)"]. [] for anything more
    (a topic, a presenter, a duration): such a line stays a sub-item."""
    parts = analyse_title(text)
    name = parts.title
    if (not parts.doc_refs or parts.mode or parts.presenter or parts.planned_minutes is not None
            or find_doc_refs(name) or len(name.split()) > 8 or not _DOCUMENT.search(name)
            or re.search(r"(?i)\s(?:on|about|concerning|regarding)\s", name)):  # "Final report on Germany": a topic
        return []
    return [f"{ref} ({name})" for ref in parts.doc_refs]


def suffix_line(text: str) -> tuple[tuple[str, str], list[str]] | None:
    """(mode and presenter, references) if `text`, a line of its own under an item, is only a
    presenter/mode phrase, references and all: "Exchange of views (14213/24)"."""
    group, inner = _trailing_group(text)
    refs = refs_only(inner) if group else []
    suffix = match_suffix(text[:-group] if refs else text)
    # "Presentation by the EEAS (Hybrid CoE study)": the bracket is the presenter's (not a marking, a note, a duration)
    if (not suffix and group and not refs and (found := match_suffix(text[:-group])) and found[1]
            and not (_CLASSIFIED.search(inner) or _TENTATIVE.fullmatch(inner.strip()) or _MINUTES.search(text))):
        suffix = (found[0], f"{found[1]} {text[-group:]}")
    return (suffix, refs) if suffix else None


def _set_suffix(parts: TitleParts, suffix: tuple[str, str], earlier: bool = False) -> None:
    """Add a suffix's mode to the modes met so far ("– Briefing by Belgium", then "– Exchange of
    views": "Briefing and exchange of views"); `earlier`: it stands before them in the text (a
    title is read from its end). The presenter met first stays."""
    mode, presenter = suffix
    parts.mode = _join_modes(mode, parts.mode) if earlier else _join_modes(parts.mode, mode)
    parts.presenter = parts.presenter or presenter


def _join_modes(first: str, then: str) -> str:
    """"Briefing" + "Exchange of views" -> "Briefing and exchange of views"; a mode already there
    ("For information" after "Information", "Possible endorsement" after "Endorsement") is not
    said twice; three or more read "A, B and C"."""
    kept: dict[str, str] = {}  # each phrase by what it says: "for information" is "information"
    for phrase in filter(None, re.split(r",\s|\sand\s", f"{first}, {then}")):
        kept.setdefault(re.sub(r"(?i)^(for\s|possible\s)+", "", phrase).lower(), phrase)
    first_phrase, *others = kept.values()
    modes = [first_phrase, *(re.sub(r"(?i)^for\s", "", phrase).lower() for phrase in others)]
    return " and ".join(modes) if len(modes) < 3 else f"{', '.join(modes[:-1])} and {modes[-1]}"


def _trailing_group(text: str) -> tuple[int, str]:
    """(length, inside) of a bracketed group ending `text`: "(13682/21)", "[15 min]"; else (0, "")."""
    if not text or text[-1] not in ")]":
        return 0, ""
    close = text[-1]
    opener = "(" if close == ")" else "["
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += (text[index] == close) - (text[index] == opener)
        if depth == 0:
            return len(text) - index, text[index + 1 : -1]
    return 0, ""


# A footnote's mark left on a title by a PDF paste: "Council meeting1", "strategy 2"; not the title's
# own number, which follows a capital or a word that counts ("Phase 2", "phase 2", "Regulation 2021/1234").
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z])(\s?)(\d{1,2})$")
_COUNTING = re.compile(
    r"(?i)phase|part|step|stage|round|level|option|article|annex|chapter|section|item|point|paragraph|pillar"
    r"|package|lot|module|wave|tranche|volume|version|no\.?|number|title|priority|scenario|question|table|figure"
)


def without_footnote_mark(title: str, footnotes: set[str]) -> str:
    """`title` without a footnote's mark stuck to its last word, where a footnote of that number exists."""
    mark = _FOOTNOTE_MARK.search(title)
    if not mark or mark[2] not in footnotes:
        return title
    word = title[: mark.start()].rsplit(None, 1)[-1]
    if mark[1] and (not word.islower() or _COUNTING.fullmatch(word)):
        return title
    return title[: mark.start()]


def marking(text: str) -> str:
    """The classification marker a line holds and nothing else ("LIMITE", "[RESTREINT UE/EU RESTRICTED]"), or ""."""
    text = text.strip("[]() ")
    return text if _MARKING.fullmatch(text) else ""


def _take_classification(text: str, parts: TitleParts) -> str:
    """Move a marker such as "[CONFIDENTIEL UE/EU CONFIDENTIAL]" from the title to `classification`."""
    for match in re.finditer(r"[\[(]([^\[\]()]{1,80})[\])]", text):
        inner = match.group(1).strip()
        if _CLASSIFIED.search(inner) and inner == inner.upper():
            parts.classification = inner
            return " ".join((text[: match.start()] + text[match.end() :]).split())
    return text


# --- meeting details ----------------------------------------------------------------------------

_DETAIL_KEYS = {
    "committee": ("committee", "meeting", "title", "name", "working party", "council body", "of"),  # 2008's "Of:"
    "short_name": ("short name", "short", "acronym", "abbreviation"),
    "body_name": ("body", "body name"),
    "meeting_date": ("date", "dates", "meeting date", "on", "when"),
    "end_date": ("end date", "last day"),
    "time": ("time", "start time", "hour", "start"),
    "place": ("place", "venue", "location", "where", "room"),
    "agenda_ref": ("agenda", "agenda ref", "agenda reference", "agenda document", "notice", "document", "doc", "cm"),
    "doc_number": ("doc number", "doc no", "document number", "docno", "number", "outcome number", "outcome"),
    "file_codes": ("file codes", "file code", "codes"),
    "classification": ("classification", "marking"),
    "issue_date": ("issue date", "issued", "issued on", "date of issue"),
    "issue_place": ("issue place", "issued at"),
    "language": ("language", "original language"),
    "sender": ("sender", "from"),
    "recipient": ("recipient", "recipients", "to"),
    "subject": ("subject",),
    "house_style": ("house style", "style"),
}
_FIELD_OF = {alias: name for name, aliases in _DETAIL_KEYS.items() for alias in aliases}
_DATE_FIELDS = ("meeting_date", "end_date", "issue_date")
_SHORT_NAME = re.compile(r"\(([^()]{1,20})\)$")


def detail_field(key: str) -> str | None:
    """The MeetingDetails field a header key names, leniently: "Doc no.", "file_codes", "Venue"."""
    return _FIELD_OF.get(" ".join(re.sub(r"[^a-z]+", " ", key.lower()).split()))


def set_detail(details: MeetingDetails, name: str, value: object) -> None:
    """Set one field from a header value; dates are parsed (ValueError if they are not dates)."""
    if isinstance(value, datetime):  # TOML's `date = 2024-03-14T10:00:00`: the meeting's start time too
        if name == "meeting_date" and value.time() != datetime.min.time():
            details.time = details.time or value.strftime("%H:%M")
        value = value.date()
    if name == "meeting_date" and isinstance(value, str):
        details.meeting_date, end, time = parse_date_range(value)
        details.end_date = end or details.end_date
        details.time = details.time or time
    elif name in _DATE_FIELDS:
        setattr(details, name, value if isinstance(value, date) else parse_meeting_date(str(value)))
    else:
        setattr(details, name, " ".join(str(value).split()))
    start, end = details.meeting_date, details.end_date
    if start and end and end < start:  # whichever came first, "Date:" or "End date:"
        raise ValueError(f"the meeting ends on {format_date(end)}, before it starts on {format_date(start)}")


# The meeting's day on a line of its own ("Thursday 14 March 2024 (10.00)", "on 22 and 23 November
# 2021", the US "Tuesday, March 4, 2025") or at the end of the committee's line, after "on", a comma or
# a dash if the line names a body; not "Brussels, 8 November 2021", the notice's date (which dateutil refuses).
_MEETING_DAY = re.compile(
    r"(?:^(?:on\s)?|\son\s|(?P<after_name>,\s|\s[–—-]\s))"
    r"((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s)?(?:[A-Za-z]+\.?,?\s)?\d.{4,50})$",
    re.IGNORECASE,
)
# A line of its own that names a committee (not "Council of the European Union", the letterhead), or
# a UN commission ("Commission on the Status of Women", "Statistical Commission"); not the EU's
# institution, nor a line about it ("Commission proposal for ...").
_BODY = re.compile(
    r"(?:[\w-]+ ){0,3}(?:(?:Committee|Working Party|Working Group|Support Group|Steering Group|Board|Subgroup)\b.{0,100}"
    r"|(?<!European )Commission(?:\s(?i:on|for)\s.{1,100})?)$"
)
# What a header says the document is, which names no committee: "Subject: Summary of discussions"
DOCUMENT_KIND = re.compile(r"(?i)summary\sof\sdiscussions|summary\srecord|outcome\sof\sproceedings")
_MEETING_OF = re.compile(r"^(?:Notice of |\d{1,5}(?:st|nd|rd|th)\s)?Meeting of (?:the )?", re.IGNORECASE)


def take_meeting_day(details: MeetingDetails, line: str) -> str:
    """A header line without a key: take the meeting's day from it if it gives one; return what is
    left of the line. A line repeating the day given already ("Date: 14 March 2024", then "Thursday
    14 March 2024, 10:00") may add the time; one giving one day of several is left whole (it heads
    that day's items)."""
    if not (day := _MEETING_DAY.search(line)) or day["after_name"] and not names_a_body(line[: day.start()]):
        return _session_days(details, line)
    try:
        start, end, time = parse_date_range(day.group(2))
    except ValueError:
        return _session_days(details, line)
    if details.meeting_date is None:
        details.meeting_date, details.end_date = start, end or details.end_date
    elif (start, end) != (details.meeting_date, details.end_date):
        return line
    details.time = details.time or time
    return line[: day.start()].strip()


def _session_days(details: MeetingDetails, line: str) -> str:
    """A place and the days of a session ("Vienna, 19–23 May 2025"): the meeting's place and days
    (nothing of the line is left); not a place and one day ("Brussels, 8 November 2021"), the notice's date."""
    place, comma, days = line.partition(", ")
    try:
        start, end, time = parse_date_range(days) if comma and details.meeting_date is None else (None, None, "")
    except ValueError:
        return line
    if end is None:
        return line
    details.meeting_date, details.end_date, details.time = start, end, details.time or time
    details.place = details.place or place
    return ""


def names_a_body(name: str) -> bool:
    """Whether a header line names a committee: "Working Party on Terrorism", "... Security (COSI)";
    not a sentence about one ("The Working Party will meet in room 50.4."), nor a bracket ("(OR. en)")."""
    if name.endswith(".") or name.startswith("("):
        return False
    body = name.title() if name.isupper() else name  # "PERMANENT REPRESENTATIVES COMMITTEE"
    return bool(re.search(r"\([A-Z][^()]{0,19}\)$", name) or _BODY.match(body))


# What says the document is an agenda, around the committee's name: "Working Party on Terrorism (TWP)
# – Provisional agenda", "Draft agenda - Friends of the Presidency Group".
_AGENDA_WORDS = re.compile(r"(?i)^(?:(?:provisional|draft|revised|annotated)\s)?agenda\s?[–—:-]\s?(?=\S)"
                           r"|\s[–—-]\s?(?:(?:provisional|draft|revised|annotated)\s)?agenda$")


def without_agenda_words(line: str) -> str:
    """"Draft agenda – TWP, 4 March 2024" -> "TWP, 4 March 2024"; "TWP – Provisional agenda" -> "TWP"."""
    return _AGENDA_WORDS.sub("", line)


def committee_name(line: str) -> str:
    """"Meeting of the Working Party on Terrorism" names the Working Party on Terrorism; "3992nd
    meeting of the COUNCIL OF THE EUROPEAN UNION" the Council (its configuration follows in brackets);
    "Working Party on Terrorism (TWP) – Provisional agenda" the Working Party."""
    name = without_agenda_words(_MEETING_OF.sub("", line))
    return "Council" if name != line and name.casefold() == "council of the european union" else name


def finish_details(details: MeetingDetails) -> MeetingDetails:
    """Derive what the header implies: a subject, or else a recipient, names the committee when
    nothing else did (not "Summary of discussions", nor "Delegations"); "… Security (COSI)" gives the short name "COSI" (not "COREPER (Part 2)": no number); a subject
    that only repeats the committee is left empty, since the export uses the committee for it."""
    if not details.committee:  # "Subject: Terrorism Working Party", else "To: Terrorism Working Party"
        subject = "" if DOCUMENT_KIND.fullmatch(details.subject) else details.subject
        recipient = "" if details.recipient.casefold() == "delegations" else details.recipient
        details.committee = committee_name(subject or recipient)
    short = _SHORT_NAME.search(details.committee)
    if details.committee.startswith("Council ("):  # "Council (Competitiveness)": the configuration, no short name
        short = None
    if short and not details.short_name and re.search(r"[A-Z]", short.group(1)) and not re.search(r"\d", short.group(1)):
        details.short_name = short.group(1).strip()
    if details.subject == details.committee:
        details.subject = ""
    return details


# --- the outline ----------------------------------------------------------------------------------


@dataclass
class _Draft:
    label: Label
    title: str
    indent: int
    line: int
    section: str
    level: int = 0
    parent: int | None = None
    refs: list[str] = field(default_factory=list)
    suffixes: list[tuple[str, str]] = field(default_factory=list)  # from lines of their own under the item
    classification: str = ""  # from a line of its own under the item ("LIMITE")
    scheduled_minutes: int | None = None  # from the times of a timed agenda


class Outline:
    """Collects items line by line and decides each one's parent.

    Parents come from two signals: indentation (a line indented two or more columns deeper than an
    open item is its child), and else the labels. "6.1" and "6.a)" go under the open item numbered
    "6"; a label of a kind already open ("7." when "6." is open, "b)" when "a)" is), or a number
    counting on from one ("4)" after "3."), closes that item and everything under it and becomes its
    sibling; a new kind of label ("a)" under "3.", "(i)" under "(b)") is a child.
    A dash or bullet line never holds a numbered item, so "– Opening" then "1." stay siblings.

    A line numbered in Roman, or one that is only "AOB", is a section heading when an item numbered
    "1." (any number) comes next, as in Coreper's agendas ("II. Discussion items", "Any other
    business:"); else it is an item ("I. Adoption of the agenda", "II. ..." with sub-items "a)",
    "b)", "AOB" with its points "– Drones"). It is held until the next line decides; so is a
    Markdown heading numbered in Roman ("## I. Approval of the agenda").
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.section = ""
        self.drafts: list[_Draft] = []
        self._open: list[int] = []  # indexes of the items that can still get children, outermost first
        self._held: tuple[Label, int, int, str] | None = None  # a Roman or AOB line: its label, indent, line, the section before it
        self._roman_number = 0  # the last Roman number seen ("IV." -> 4)
        self._schedule: list[tuple[str, _Draft | None]] = []  # a timed agenda's times: an item's, or a break's (None)

    @property
    def started(self) -> bool:
        """An item was read, or a line held that may be one: what follows is no longer the header."""
        return bool(self.drafts or self._held)

    def label(self, text: str) -> Label | None:
        """The label `text` starts with, as this agenda bears it out. A time before it is the item's
        ("10.15 2. Threat assessment"); a timed line without a label is an unnumbered item, or a
        break ("13.00 Lunch break"). Where an item 10 is open, "10.15" is its sub-item 15, no time."""
        label = self._borne_out(match_label(text, doubtful=True))
        if label and label.key and len(label.key) > 1 and self._is_open(label.key[:-1]):
            return label
        if _TIME.fullmatch(text):  # "14.30 – 18.00": a session's hours, not item 14.30
            return None
        if not (timed := _LEADING_TIME.match(text)):
            return label
        time, rest = " ".join(timed.group(0).split()), text[timed.end() :]
        if label := self._borne_out(match_label(rest, doubtful=True)):
            return replace(label, time=time)
        return Label("", BREAK if _BREAK.fullmatch(rest.strip(" .")) else LOOSE, None, rest, time=time)

    def _borne_out(self, label: Label | None) -> Label | None:
        """A doubtful label if the items around it bear it out: "1000." counting on from the item
        before (gaps and all), "3 a)" under an item 3; else None (the line is text)."""
        if label is None or not label.doubtful:
            return label
        if label.kind[0] == "num":
            last = next((d.label.key[0] for d in reversed(self.drafts) if d.label.kind[:2] == ("num", 1)), 0)
            return label if last < label.key[0] < last + 10 else None
        return label if self._is_open(label.key[:1]) else None

    def _is_open(self, key: tuple) -> bool:
        return any(self.drafts[i].label.key == key for i in self._open)

    def awaits_title(self) -> bool:
        """Whether the last item is a label alone on its line ("2."): the next line is its title,
        whatever it reads like ("Information from the Presidency")."""
        return self._held is None and bool(self.drafts) and not self.drafts[-1].title

    def add(self, label: Label, title: str, indent: int, line: int) -> None:
        self._settle_held(as_item=label.kind[:2] != ("num", 1))
        label = self._letter_or_numeral(label)
        opened, drafts = self._open, self.drafts
        while opened and drafts[opened[-1]].indent > indent:
            opened.pop()
        above = drafts[opened[-1]] if opened else None
        if above and indent >= above.indent + 2 and not _contradicts(above.label.key, label.key):
            parent = opened[-1]
        elif label.key and len(label.key) > 1:
            parent = self._parent_by_key(label.key)
            if parent is None:  # at the top, on the top-level list: "8." comes after it as after a "7."
                label = replace(label, kind=("num", 1, "."))
        else:
            parent = self._parent_by_label(label)
        draft = _Draft(label, title, indent, line, self.section, parent=parent)
        if parent is not None:
            draft.level = drafts[parent].level + 1
        opened.append(len(drafts))
        drafts.append(draft)
        if label.time:
            self._schedule.append((label.time, draft))

    def _parent_by_key(self, key: tuple) -> int | None:
        """The open item numbered as `key`'s parent ("7." for "7.3", "7.a)"), or as its nearest ancestor
        ("4." for "4.1.a" where no "4.1" is). None if the agenda has no such item: the sub-item then
        stands at the top, numbered as written, closing the items above as any item there does, rather
        than under an item of another number."""
        opened = self._open
        for depth in range(len(opened) - 1, -1, -1):
            above = self.drafts[opened[depth]].label.key
            if above and len(above) < len(key) and key[: len(above)] == above:
                del opened[depth + 1 :]
                return opened[depth]
        opened.clear()
        return None

    def _parent_by_label(self, label: Label) -> int | None:
        opened, drafts = self._open, self.drafts
        if label.kind == LOOSE:  # not under the item above: it stands between items
            opened.clear()
        for depth in range(len(opened) - 1, -1, -1):
            if _same_list(drafts[opened[depth]].label, label):
                del opened[depth:]
                break
        if label.kind not in UNLABELLED:  # nor under AOB, which holds its points only, nor under a loose item
            while opened and drafts[opened[-1]].label.kind in (*UNLABELLED, AOB, LOOSE):
                opened.pop()
        return opened[-1] if opened else None

    def _letter_or_numeral(self, label: Label) -> Label:
        """"i)", "v)" and "x)" go on a list of letters ("h)" then "i)"); else they are Roman numerals,
        the first of "(i)", "(ii)" ..."""
        letter = label.number.strip("(.)")
        if label.kind[0] != "lower" or label.key or letter not in ("i", "v", "x"):
            return label
        before = chr(ord(letter) - 1)  # "h" before "i"
        opened = (self.drafts[i].label for i in self._open)
        if any(open_.kind == label.kind and open_.number.strip("(.)") == before for open_ in opened):
            return label
        return replace(label, kind=("lroman", label.kind[1]))

    def held_line(self, text: str, may_continue_title: bool, indent: int, line: int) -> bool:
        """A line numbered in Roman or only "AOB", held until the next line decides (see the class);
        True if it was one."""
        return self._roman_line(text, may_continue_title, indent, line) or self._aob_line(text, indent, line)

    def _roman_line(self, text: str, may_continue_title: bool, indent: int, line: int) -> bool:
        """A line numbered in Roman ("II. Discussion items (II)"), held as the section, numeral and
        all. A lone "I.", "V." or "X." is not one where it may be an initial continuing a wrapped
        title ("presented by" / "V. Smith"), nor while an upper-case letter list is open ("H." came
        before "I.")."""
        if not _ROMAN_HEADING.fullmatch(text):
            return False
        numeral, rest = text.split(".", 1)
        if not rest and may_continue_title:
            return False  # "Schengen evaluation phase" / "II.": the title's own numeral
        if len(numeral) == 1:
            follows = self._roman_number > 0 and _roman_value(numeral) == self._roman_number + 1  # "IV.", then "V."
            if self._upper_list_open() and not follows:
                return False
            title = self._held[0].rest if self._held else self.drafts[-1].title if self.drafts else ""
            if may_continue_title and (_roman_value(numeral) != self._roman_number + 1 or _OPEN_END.search(title)):
                return False  # an initial ("presented by" / "V. Smith")
        self._roman_number = _roman_value(numeral)
        self._hold(Label(numeral + ".", ROMAN, (numeral,), rest.strip()), text, indent, line)
        return True

    def _aob_line(self, text: str, indent: int, line: int) -> bool:
        """A line that is only "AOB" (or "Any other business:") after the items."""
        if not self.started or not text[:1].isupper() or not _AOB_LINE.fullmatch(text):
            return False
        if self.drafts and not self.drafts[-1].title:
            return False  # the title of a label alone on its line: "2." / "AOB"
        self._hold(Label("", AOB, None, text.rstrip(".: ")), text.rstrip(".: "), indent, line)
        return True

    def _hold(self, label: Label, section: str, indent: int, line: int) -> None:
        self._settle_held(as_item=True)  # two in a row: the first was an item
        self._held = (label, indent, line, self.section)
        self.section = section

    def continue_held(self, text: str, wrapped: bool = True) -> bool:
        """A line right after a held line (`wrapped`: no blank line between) continues it when it
        starts in lower case or the held line ends open ("II. Approval of the minutes of the meeting
        held on" / "12 October 2025"); the next line, blank lines or not, is the text of a numeral alone ("II.")."""
        if self._held is None or match_label(text):
            return False
        if self._held[0].rest and not (wrapped and (text[:1].islower() or _OPEN_END.search(self._held[0].rest))):
            return False
        label, indent, line, before = self._held
        joined = replace(label, rest=f"{label.rest} {text.strip()}".strip())
        if self.section.endswith(label.rest):
            self.section = f"{self.section} {text.strip()}"
        self._held = (joined, indent, line, before)
        return True

    def _settle_held(self, as_item: bool) -> None:
        """The held line is the section (already set, unless a heading came after it) or, `as_item`,
        an item at the top level."""
        if self._held is None:
            return
        (label, indent, line, before), self._held = self._held, None
        self._open.clear()  # no item before a section or a held item holds what follows
        if as_item:
            if self.section.endswith(label.rest):  # no heading came after it
                self.section = before
            self.add(label, label.rest, indent, line)

    def heading(self, text: str, alone: bool, indent: int = 0) -> bool:
        """Take a line without a label as the section if it is a heading (True): one naming a group
        of items ("B items"), unless it may go on with a title left open ("the" / "B items"), or,
        `alone` (no wrapped title can go on there), a short line that is no sentence ("Other issues")
        and not indented under the item above (that describes the item); a session's heading
        ("Joint TWP/COTER (Morning session 10.00-13.00)") alone or before the first item; a day
        standing alone.
        FORMAT.md section 2.5: such headings sit between items, on lines of their own, colon or not."""
        title_open = not alone and self.drafts and _OPEN_END.search(self.drafts[-1].title)
        if self.section and text[:1] == "(" and _trailing_group(text)[0] == len(text) and (
                not self.drafts or self.drafts[-1].section != self.section):  # no item since the heading
            self.section = f"{self.section} {text}"  # "Legislative deliberations" / "(Public deliberation ...)"
            return True
        named = (_ITEMS_HEADING.fullmatch(text) or _COUNCIL_HEADING.fullmatch(text)) and not title_open
        alone = alone and not (self.drafts and indent > self.drafts[-1].indent)
        session = (alone or not self.drafts) and len(text) <= 100 and _SESSION_HEADING.search(text)
        if alone and self.drafts and self.day_heading(text):
            return True
        if not (named or session or alone and _SHORT_HEADING.fullmatch(text) and not _OPEN_END.search(text)):
            return False
        self.section = text.rstrip(": ")
        return True

    def day_heading(self, text: str) -> bool:
        """A line that gives only a day ("Wednesday 22 January 2020 (9.30)") heads that day's items
        (FORMAT.md 2.11: one agenda for two days): True if it was one."""
        try:
            day_only = parse_date_range(text)[1] is None
        except ValueError:
            return False
        if day_only:
            self.section = text
        return day_only

    def describe(self, text: str) -> None:
        """A line of prose under an item: only its references are kept. (Under a held Roman line it
        may describe a section: it decides nothing.)"""
        if self._held is None and self.drafts:
            self.drafts[-1].refs.extend(find_doc_refs(text))

    def initial(self, label: Label) -> bool:
        """Whether a one-letter label goes on with a wrapped title that ended open: "presented by" / "V. Smith"."""
        return (
            label.kind == ("upper", ".") and bool(self.drafts) and _OPEN_END.search(self.drafts[-1].title) is not None
            and not self._upper_list_open()
        )

    def _upper_list_open(self) -> bool:
        return any(self.drafts[i].label.kind[0] == "upper" for i in self._open)

    def continue_title(self, text: str) -> None:
        """A wrapped line: join it to the last item's title ("counter-" + "terrorism" keeps no space)."""
        draft = self.drafts[-1]
        joiner = "" if re.search(r"\w-$", draft.title) or not draft.title else " "
        draft.title = f"{draft.title}{joiner}{text.strip()}"
        if len(draft.title) > MAX_LINE:
            raise AgendaError(
                self.source, draft.line, f"item {draft.label.number} runs on for pages (is a numbered line missing?)"
            )

    def take(self, label: Label, indent: int, line: int) -> bool:
        """A labelled line: references or a presenter suffix on a dash line under the open item, else
        a new item (True: a wrapped title may follow). Under AOB a dash line is a point of its own
        ("– Information from the Commission", then "– Information from the Presidency"), unless it
        is indented under the point before it or that point is lettered ("a) Drones")."""
        if label.kind == BREAK or label.kind == LOOSE and _SESSION_HEADING.search(label.rest):
            self._schedule.append((label.time, None))  # the item before ends there
            self.section = self.section if label.kind == BREAK else label.rest  # "14.30 Afternoon session"
            return False
        if label.kind in UNLABELLED:
            self._settle_held(as_item=True)  # "I. Europol report" / "– Presentation by Europol"
        if label.kind in UNLABELLED and self.drafts:
            if refs := refs_only(label.rest):
                self.add_refs(refs)
                return False
            last = self.drafts[-1]
            under_aob = any(_AOB.match(self.drafts[i].title) for i in self._open)
            # under AOB a dash line is the suffix of a lettered point ("a) Drones" / "– Information from ...")
            point = not _AOB.match(last.title) and (indent > last.indent or last.label.kind not in UNLABELLED)
            if (not under_aob or point) and (found := suffix_line(label.rest)):
                self.add_suffix(*found)
                return False
        self.add(label, label.rest, indent, line)
        return True

    def add_refs(self, refs: list[str]) -> None:
        if refs:
            self._settle_held(as_item=True)  # "IV. Europol report" / "WK 286/20": the references of an item
            self.drafts[-1].refs.extend(refs)

    def classify(self, classification: str) -> None:
        self._settle_held(as_item=True)
        self.drafts[-1].classification = classification

    def add_suffix_or_item(self, found: tuple[tuple[str, str], list[str]], text: str, apart: bool, indent: int,
                           line: int) -> bool:
        """A line worded as a presenter or mode ("Statement by the Representative of Norway"): right
        under an item, or indented under it, it is that item's; standing apart (a blank line before
        it), an unnumbered item of its own between the numbered ones (FORMAT.md 2.6): True, its
        title may go on."""
        if apart and self._held is None and self.drafts and indent <= self.drafts[-1].indent:
            self.add(Label("", LOOSE, None, text), text, indent, line)
            return True
        self.add_suffix(*found)
        return False

    def add_suffix(self, suffix: tuple[str, str], refs: list[str]) -> None:
        self._settle_held(as_item=True)
        self.drafts[-1].suffixes.append(suffix)
        self.add_refs(refs)

    def result(self, details: MeetingDetails, lines: list[str], footnotes: set[str] = frozenset()) -> ParsedAgenda:
        """The items read; `footnotes`, the numbers of the footnotes a paste holds, whose marks the
        titles lose."""
        self._settle_held(as_item=True)  # the last line: nothing follows it
        if not self.drafts:
            end = max((n for n, line in enumerate(lines, 1) if line.strip()), default=1)
            raise AgendaError(self.source, end, "no agenda items found (expected lines such as '1. Adoption of the agenda')")
        items = []
        self._plan_from_schedule(details)
        self._fold_document_bullets()
        for position, draft in enumerate(self.drafts):
            parts = analyse_title(without_footnote_mark(draft.title, footnotes))
            parts.title = without_footnote_mark(parts.title, footnotes)  # "Strategy1 (13682/21)"
            if not parts.title:
                raise AgendaError(self.source, draft.line, f"item {draft.label.number or quote(draft.title)} has no title")
            for suffix in draft.suffixes:
                _set_suffix(parts, suffix)
            items.append(
                AgendaItem(
                    id=None,
                    number="" if draft.label.kind == BULLET else draft.label.number,
                    title=parts.title,
                    section=draft.section,
                    level=draft.level,
                    position=position,
                    doc_refs=list(dict.fromkeys(parts.doc_refs + draft.refs)),
                    presenter=parts.presenter,
                    mode=parts.mode,
                    classification=draft.classification or parts.classification,
                    planned_minutes=draft.scheduled_minutes if parts.planned_minutes is None else parts.planned_minutes,
                )
            )
        parents = [draft.parent for draft in self.drafts]
        return ParsedAgenda(finish_details(details), items, parents)

    def _plan_from_schedule(self, details: MeetingDetails) -> None:
        """A timed agenda plans each item until the next time on it ("10.00 1." then "10.15 2.": 15
        minutes), or over its own range ("10.00-10.15"); its first time is the meeting's start."""
        if not self._schedule:
            return
        details.time = details.time or re.match(_CLOCK, self._schedule[0][0]).group(0)
        times = [_clock_minutes(time) for time, _ in self._schedule]
        for index, (_, draft) in enumerate(self._schedule):
            start, *own_end = times[index]
            end = own_end or (times[index + 1][:1] if index + 1 < len(times) else [])
            if draft is not None and end and end[0] > start:  # not over midnight, nor into the next day's times
                draft.scheduled_minutes = end[0] - start


    def _fold_document_bullets(self) -> None:
        """An item whose sub-items are all bullets that only name a document with its reference
        ("3. Annual accounts" / "- Auditor's report (BD 2026/03)") holds documents, not points the
        secretary must step through: they become its references. One bullet with a topic of its own
        ("- Final report on France") keeps them all sub-items. Not under AOB, whose points they are."""
        drafts = self.drafts
        children: dict[int, list[int]] = {}
        for index, draft in enumerate(drafts):
            if draft.parent is not None:
                children.setdefault(draft.parent, []).append(index)
        folded: set[int] = set()
        for parent, below in children.items():
            holder = drafts[parent]
            if holder.label.kind in UNLABELLED or _AOB.match(holder.title):
                continue
            documents = [document_refs(drafts[i].title) if drafts[i].label.kind in UNLABELLED and i not in children
                         and not drafts[i].refs and not drafts[i].suffixes else [] for i in below]
            if all(documents):
                holder.refs.extend(ref for refs in documents for ref in refs)
                folded.update(below)
        if folded:
            kept = [i for i in range(len(drafts)) if i not in folded]
            new_index = {old: new for new, old in enumerate(kept)}
            for i in kept:
                drafts[i].parent = new_index[drafts[i].parent] if drafts[i].parent is not None else None
            self.drafts = [drafts[i] for i in kept]


def _clock_minutes(time: str) -> list[int]:
    """ "10.15" -> [615]; "10.00-10.15" -> [600, 615]."""
    return [int(hour) * 60 + int(minute) for hour, minute in re.findall(r"(\d{1,2})[.:h](\d\d)", time)]


def _contradicts(above: tuple | None, key: tuple | None) -> bool:
    """Whether a numbered sub-item indented under an item is numbered as another's: "7.3" under "6."
    or "6.1", "B.1" under "A."; not "1.1.1" under "III.", numbered otherwise, nor "4.1.a" under "4."."""
    return bool(above and key and len(key) > 1 and above != key[: min(len(above), len(key) - 1)]
                and type(above[0]) is type(key[0]))


def _same_list(before: Label, label: Label) -> bool:
    """Whether `label` goes on the list of `before`: a label of one kind, or a number that counts on
    from it whatever its punctuation ("3." then "- 4)" then "5.")."""
    return before.kind == label.kind or (
        before.kind[:2] == label.kind[:2] == ("num", 1) and label.key[0] == before.key[0] + 1
    )


def parse_speakers(value: str, source: str, line: int) -> list[Speaker]:
    """A header line's own speakers: "MAYOR = the Mayor; CM = the City Manager" (code = phrase)."""
    speakers = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        code, equals, phrase = (x.strip() for x in part.partition("="))
        if not equals or not code or not phrase or " " in code:
            raise AgendaError(source, line, f"speaker {part!r}: write CODE = how the minutes name them")
        speakers.append(Speaker(code=code, name=phrase, phrase=phrase, kind=SpeakerKind.OTHER))
    return speakers

