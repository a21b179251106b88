"""The intermediate document and its renderers: Markdown, plain text, HTML and DOCX."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from markdown_it import MarkdownIt

from minutes_tui.core.model import AgendaItem, Attendance, Entry, EntryKind, ItemState, Meeting, MeetingDetails
from minutes_tui.core.phrasing import load_style
from minutes_tui.core.speakers import default_register
from minutes_tui.export import FORMATS, export_meeting
from minutes_tui.export.document import build_document, meeting_dates, split_file_codes
from minutes_tui.export.docx import build_docx
from minutes_tui.export.html import to_html
from minutes_tui.export.markdown import to_markdown
from minutes_tui.export.text import to_text

K = EntryKind
T0 = datetime(2021, 11, 22, 10, 0)


def sample_meeting(**details) -> Meeting:
    """A small COSI-like meeting: sections, a container parent with sub-items, private and withdrawn."""
    meeting_details = MeetingDetails(
        committee="Standing Committee on Operational Cooperation on Internal Security (COSI)",
        short_name="COSI",
        meeting_date=date(2021, 11, 22),
        agenda_ref="CM 5119/21",
        doc_number="14342/21",
        file_codes="JAI 1297 COSI 240",
        issue_date=date(2021, 12, 10),
        **details,
    )
    items = [  # positions deliberately out of list order: the export follows positions and parents
        AgendaItem(6, "6.", "Counter-terrorism", section="Items for information/endorsement:", position=6),
        AgendaItem(1, "1.", "Adoption of the agenda", position=1, state=ItemState.DONE, started_at=T0),
        AgendaItem(2, "2.", "Information by the Presidency", position=2, started_at=T0),
        AgendaItem(3, "3.", "EU migrant smuggling action plan", section="Discussion items:", position=3),
        AgendaItem(62, "6.2.", "Procedure for enhanced security checks", level=1, parent_id=6, position=8,
                   section="Items for information/endorsement:"),
        AgendaItem(61, "6.1.", "EU Threat assessment", level=1, parent_id=6, position=7, doc_refs=["13682/21"]),
        AgendaItem(4, "4.", "COVID-19 recovery funds", section="Discussion items:", position=4,
                   state=ItemState.WITHDRAWN),
        AgendaItem(12, "12.", "AOB", section="Items for information/endorsement:", position=12,
                   classification="RESTREINT UE/EU RESTRICTED"),
    ]
    entries = [
        Entry(1, 1, K.OUTCOME, outcome="adopted"),
        Entry(2, 2, K.INTERVENTION, "informed on the state of play", ["PRES"], position=1),
        Entry(3, 2, K.INTERVENTION, "also informed about the Ministerial Conference", ["PRES"], position=2),
        Entry(4, 3, K.NOTE, "COSI expressed overall support for the plan", position=1),
        Entry(5, 3, K.NOTE, "only for me: ask DE about this", position=2, private=True),
        Entry(6, 3, K.NOTE, "Delegations expressed concern about the instrumentalisation of migrants.", position=3),
        Entry(7, 61, K.OUTCOME, "endorsed the recommendations as set out in 13682/21", outcome="endorsed"),
        Entry(8, 62, K.OUTCOME, "endorsed the procedure as set out in 13683/21", outcome="endorsed"),
        Entry(9, 12, K.INTERVENTION, "called for support for the Czech candidate", ["DE"]),
    ]
    return Meeting(1, meeting_details, items, entries)


def document(meeting: Meeting | None = None):
    return build_document(meeting or sample_meeting(), default_register(), load_style("council"))


# --- the intermediate document -------------------------------------------------------------------


def test_header_lines():
    h = document(sample_meeting(classification="LIMITE")).header
    assert h.issue_line == "Brussels, 10 December 2021"
    assert h.language == "(OR. en)"
    assert h.doc_number == "14342/21"
    assert h.file_codes == ["JAI 1297", "COSI 240"]
    assert h.classification == "LIMITE"
    assert h.doc_type == "OUTCOME OF PROCEEDINGS"
    assert h.fields == [("From", "General Secretariat of the Council"), ("On", "22 November 2021"), ("To", "Delegations")]
    assert h.subject == "Standing Committee on Operational Cooperation on Internal Security (COSI)"
    assert document(sample_meeting(subject="Summary of discussions")).header.subject == "Summary of discussions"
    assert h.institution == "Council of the European Union"


def test_a_board_style_writes_minutes_under_its_own_name_and_lists_who_was_present():
    meeting = sample_meeting(time="14.00")
    meeting.details.committee, meeting.details.short_name = "Board of Directors of Northwind Shipping Ltd (BOARD)", "BOARD"
    meeting.attendance = [Attendance("DE", "present"), Attendance("COM", "present"), Attendance("FR", "absent")]
    board = build_document(meeting, default_register(), load_style("board"))
    h = board.header
    assert (h.doc_type, h.institution, h.language) == ("MINUTES", "Board of Directors of Northwind Shipping Ltd", "")
    assert (h.issue_line, h.fields) == ("", [("Date", "22 November 2021"), ("Time", "14.00")])  # not the Council's From/To; no place given
    assert (h.subject, h.language_code) == ("", "")  # the name is the title; no "EN" in the footer without "(OR. en)"
    # Who was present opens the minutes (the Council notes the absent after item 1's sentences).
    assert next(board.items()).paragraphs[0] == "One member (Germany) and the Commission were present. One member (France) sent apologies."
    council_first = next(document(meeting).items()).paragraphs
    assert "present" not in " ".join(council_first) and council_first[-1] == "One delegation (FR) did not attend the meeting."
    markdown, text = to_markdown(board), to_text(board)
    assert markdown.startswith("# Board of Directors of Northwind Shipping Ltd\n\n14342/21") and "Subject" not in markdown
    assert text.startswith("Board of Directors of Northwind Shipping Ltd\n\n14342/21") and "Subject" not in text
    assert "Subject" not in to_html(board) and not to_markdown(document(meeting)).startswith("#")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2021, 11, 22), None, "22 November 2021"),
        (date(2021, 11, 22), date(2021, 11, 23), "22 and 23 November 2021"),
        (date(2021, 11, 30), date(2021, 12, 1), "30 November and 1 December 2021"),
        (date(2021, 12, 31), date(2022, 1, 1), "31 December 2021 and 1 January 2022"),
        (None, None, ""),
    ],
)
def test_meeting_dates(start, end, expected):
    assert meeting_dates(MeetingDetails(meeting_date=start, end_date=end)) == expected


@pytest.mark.parametrize(
    ("codes", "lines"),
    [
        ("JAI 1297 COSI 240", ["JAI 1297", "COSI 240"]),
        ("COTER 12 COPS 400 ENFOPOL 7 COSI 3", ["COTER 12", "COPS 400", "ENFOPOL 7", "COSI 3"]),
        ("SCH-EVAL 5, COMIX 9", ["SCH-EVAL 5", "COMIX 9"]),
        ("CRS CRP 31", ["CRS CRP 31"]),
        ("something odd", ["something odd"]),
        ("", []),
    ],
)
def test_file_codes_one_a_line(codes, lines):
    assert split_file_codes(codes) == lines


def test_items_in_agenda_order_with_numbers_as_written_and_sections_once():
    doc = document()
    assert [s.title for s in doc.sections] == ["", "Discussion items:", "Items for information/endorsement:"]
    assert [(i.number, i.level) for i in doc.items()] == [
        ("1.", 0), ("2.", 0), ("3.", 0), ("4.", 0), ("6.", 0), ("6.1.", 1), ("6.2.", 1), ("12.", 0)
    ]


def test_section_headings_get_the_councils_colon():
    meeting = sample_meeting()
    for item in meeting.items:
        item.section = item.section.rstrip(":")  # as the agenda parsers store them
    meeting.items[0].section = "Session on frontiers?"
    assert [s.title for s in document(meeting).sections] == [
        "", "Discussion items:", "Session on frontiers?", "Items for information/endorsement:"
    ]


def test_a_section_named_as_its_first_item_is_not_printed_above_it():
    """The city council's "Consent agenda" section printed right above "4. Consent agenda"."""
    meeting = sample_meeting()
    first = next(item for item in meeting.items if item.section == "Discussion items:")
    first.title = "Discussion items"
    doc = document(meeting)
    assert [s.title for s in doc.sections] == ["", "", "Items for information/endorsement:"]
    assert [item.title for item in doc.sections[1].items][0] == "Discussion items"
    assert len(doc.sections[1].items) > 1  # the items after it stay in its section


def test_paragraphs_come_from_phrasing_and_skip_private_entries():
    items = {i.number: i for i in document().items()}
    assert items["1."].paragraphs == ["The agenda as set out in CM 5119/21 was adopted."]
    assert items["2."].paragraphs == [
        "The Presidency informed on the state of play.",
        "The Presidency also informed about the Ministerial Conference.",
    ]
    assert items["3."].paragraphs == [  # a note goes on with the paragraph before it; the private note left out
        "COSI expressed overall support for the plan."
        " Delegations expressed concern about the instrumentalisation of migrants.",
    ]
    assert items["6."].paragraphs == []  # an empty container parent keeps its heading
    assert items["6.1."].paragraphs == ["The Committee endorsed the recommendations as set out in 13682/21."]
    assert items["12."].paragraphs == ["The German delegation called for support for the Czech candidate."]
    assert all("only for me" not in p for i in document().items() for p in i.paragraphs)


def test_statements_are_said_where_made_and_given_in_full_in_the_annex():
    meeting = sample_meeting()
    meeting.entries += [
        Entry(30, 12, K.STATEMENT, "Germany supports the Czech candidate.\n\nIt asks for a vote.", ["DE"], position=2),
        Entry(31, 61, K.STATEMENT, "The assessment is welcome.", ["FR", "NL"], position=2),
    ]
    doc = document(meeting)
    items = {i.number: i for i in doc.items()}
    assert items["12."].paragraphs[-1] == "The German delegation made a statement, set out in the Annex."
    assert items["6.1."].paragraphs[-1] == "The French and Netherlands delegations made a statement, set out in the Annex."
    annex = doc.sections[-1]
    assert annex.title == "ANNEX"
    assert [(i.heading, i.paragraphs) for i in annex.items] == [  # in agenda order
        ("Statement by the French and Netherlands delegations on item 6.1", ["The assessment is welcome."]),
        ("Statement by the German delegation on item 12", ["Germany supports the Czech candidate.", "It asks for a vote."]),
    ]
    markdown = to_markdown(doc)
    assert markdown.index("## ANNEX") > markdown.index("### 12. AOB")
    assert "### Statement by the German delegation on item 12\n\nGermany supports the Czech candidate.\n\nIt asks for a vote." in markdown
    assert "ANNEX" not in to_markdown(document())  # no statement, no annex
    meeting.entries.append(Entry(32, 12, K.STATEMENT, "Germany also asks for a vote.", ["DE"], position=3))
    assert [i.title for i in document(meeting).sections[-1].items][1:] == [
        "Statement by the German delegation on item 12 (1)", "Statement by the German delegation on item 12 (2)"]
    assert '<h2 class="section new-page">ANNEX</h2>' in to_html(doc)
    annex = next(p for p in build_docx(doc).paragraphs if p.text == "ANNEX")
    assert annex.style.name == "Heading 1" and annex.paragraph_format.page_break_before


def test_withdrawn_item_keeps_its_heading_with_the_standard_sentence():
    withdrawn = {i.number: i for i in document().items()}["4."]
    assert withdrawn.title == "COVID-19 recovery funds"
    assert len(withdrawn.paragraphs) == 1 and "withdrawn" in withdrawn.paragraphs[0]


def test_postponed_item_with_its_own_outcome_uses_it():
    meeting = sample_meeting()
    meeting.items[2].state = ItemState.POSTPONED  # item 2 has interventions but no outcome
    assert "postponed" in {i.number: i for i in document(meeting).items()}["2."].paragraphs[-1]
    meeting.entries.append(Entry(20, 2, K.OUTCOME, "The item was carried over to the next meeting.", position=9))
    assert {i.number: i for i in document(meeting).items()}["2."].paragraphs[-1] == (
        "The item was carried over to the next meeting."
    )


def test_classified_item_title_carries_its_marker():
    assert {i.number: i for i in document().items()}["12."].title == "AOB [RESTREINT UE/EU RESTRICTED]"


def test_control_characters_in_a_stored_meeting_are_dropped_before_wording_and_every_format_exports():
    """A paste or an older version's import may have stored control characters: the DOCX export
    failed on them (Word's XML cannot hold them), and the sentences were worded around them (no
    subject before a leading one, a second full stop after a trailing one). Tabs and line breaks stay."""
    meeting = sample_meeting(subject="Summary\x0cof\x07 discussions")
    meeting.items[0].title = "Counter\x0cterrorism\x00\uffff"
    meeting.entries[1].text = "\x1binformed on the state of play.\x07"
    meeting.entries[3].text = "COSI\x1b[31m expressed\tsupport\x01\ud800"
    md = export_meeting(meeting, "md")
    assert "Summary of discussions" in md and "Counter terrorism" in md
    assert "\nThe Presidency informed on the state of play.\n" in md
    assert "COSI[31m expressed support. Delegations" in md
    for fmt in set(FORMATS) - {"docx", "json"}:  # JSON keeps the meeting as stored (escaped)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800]", export_meeting(meeting, fmt)), fmt
    docx_text = "\n".join(p.text for p in docx.Document(io.BytesIO(export_meeting(meeting, "docx"))).paragraphs)
    assert "Counter terrorism" in docx_text and "The Presidency informed on the state of play." in docx_text


def test_remote_and_absent_delegations_are_noted_under_the_first_item():
    meeting = sample_meeting()
    meeting.attendance = [Attendance("SE", "remote"), Attendance("EE", "remote"), Attendance("UK", "absent"),
                          Attendance("DE", "present")]
    first = next(document(meeting).items())
    assert first.number == "1." and first.paragraphs == [
        "The agenda as set out in CM 5119/21 was adopted.",
        "Two delegations (EE and SE) were also connected in videoconference. One delegation (UK) did not attend the meeting.",
    ]
    assert "One delegation (UK) did not attend the meeting." in " ".join(export_meeting(meeting, "txt").split())


def test_export_meeting_knows_every_format_and_rejects_others():
    meeting = sample_meeting()
    for fmt in FORMATS:
        out = export_meeting(meeting, fmt)
        assert isinstance(out, bytes if fmt == "docx" else str) and out
    assert FORMATS == ("md", "txt", "html", "docx", "json", "log", "csv")
    assert export_meeting(meeting, "markdown") == export_meeting(meeting, "md")
    assert export_meeting(meeting, "TEXT") == export_meeting(meeting, "txt")
    with pytest.raises(ValueError, match="unknown export format"):
        export_meeting(meeting, "pdf")


def test_formats_differ_in_rendering_only():
    doc = document()
    rendered = {
        "markdown": to_markdown(doc),
        "text": " ".join(to_text(doc).split()),
        "html": to_html(doc),
        "docx": "\n".join(p.text for p in build_docx(doc).paragraphs),
    }
    for paragraph in (p for item in doc.items() for p in item.paragraphs):
        for fmt, out in rendered.items():
            assert paragraph in out, (fmt, paragraph)
    for item in doc.items():
        for fmt, out in rendered.items():
            assert item.number in out and item.title.split(" [")[0] in out, (fmt, item.number)


# --- Markdown ----------------------------------------------------------------------------------------


def test_markdown_layout_follows_the_reference():
    md = to_markdown(document())
    assert md.startswith(
        "Brussels, 10 December 2021  \n(OR. en)\n\n14342/21\n\nJAI 1297  \nCOSI 240\n\n"
        "## OUTCOME OF PROCEEDINGS\n\n---\n\n"
        "From: General Secretariat of the Council  \nOn: 22 November 2021  \nTo: Delegations\n\n---\n\n"
        "Subject: Standing Committee on Operational Cooperation on Internal Security (COSI)\n\n---\n\n"
        "### 1. Adoption of the agenda\n\nThe agenda as set out in CM 5119/21 was adopted.\n\n"
    )
    assert "\n\n## Discussion items:\n\n### 3. EU migrant smuggling action plan\n\n" in md
    assert "\n\n### 6. Counter-terrorism\n\n#### 6.1. EU Threat assessment\n\n" in md
    assert md.count("## Discussion items:") == 1


HOSTILE = '# <script>alert("x")</script> & \'quotes\' *bold* [link](http://evil) `code`'


def hostile_meeting() -> Meeting:
    meeting = sample_meeting(subject=HOSTILE, classification="<b>LIMITE</b>")
    meeting.details.doc_number = "14342/21 & <i>"
    meeting.items[1].title = HOSTILE
    meeting.items[3].section = "- " + HOSTILE
    meeting.entries += [
        Entry(30, 1, K.NOTE, "- not a list", position=5),
        Entry(31, 1, K.NOTE, "1. not a numbered list", position=6),
        Entry(32, 1, K.NOTE, "---", position=7),
        Entry(33, 1, K.NOTE, "> not a quote " + HOSTILE, position=8),
        Entry(34, 1, K.INTERVENTION, "spoke", ["The <b>Chair</b> & \"co\""], position=9),
        Entry(35, 1, K.NOTE, HOSTILE, position=10),
        Entry(36, 1, K.NOTE, "AT&amp;T &#60; x", position=11),
        Entry(37, 1, K.NOTE, "[x]: http://evil.example", position=12),
        Entry(38, 1, K.NOTE, "see [x] and [a][b] and ![img](y)", position=13),
    ]
    return meeting


def test_markdown_user_text_cannot_break_the_structure():
    md = to_markdown(document(hostile_meeting()))
    tokens = MarkdownIt("commonmark").parse(md)
    kinds = {t.type for t in tokens}
    assert not kinds & {"bullet_list_open", "ordered_list_open", "blockquote_open", "html_block", "code_block"}
    inline = [c for t in tokens if t.type == "inline" for c in t.children]
    assert not {c.type for c in inline} & {"em_open", "strong_open", "link_open", "html_inline", "code_inline"}
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    # the document title, three section headings, eight items: nothing made up from user text
    assert len(headings) == 1 + 3 + 8
    assert headings[3].startswith("- # ") and headings[5] == "Discussion items:"
    hrs = [t for t in tokens if t.type == "hr"]
    assert len(hrs) == 3
    html = MarkdownIt("commonmark").render(md)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "AT&amp;amp;T &amp;#60; x" in html  # entities typed by the user stay literal
    assert "[x]: http://evil.example." in html and "See [x] and [a][b] and ![img](y)." in html
    assert "<a " not in html and "<img" not in html
    assert "### 12. AOB [RESTREINT UE/EU RESTRICTED]" in md  # plain brackets stay readable


# --- plain text -----------------------------------------------------------------------------------


def test_text_is_wrapped_and_headed():
    meeting = sample_meeting()
    meeting.entries.append(Entry(40, 3, K.NOTE, "word " * 60, position=9))
    text = to_text(document(meeting))
    assert all(len(line) <= 72 for line in text.splitlines())
    assert "OUTCOME OF PROCEEDINGS\n======================\n" in text
    assert "Discussion items:\n-----------------\n" in text
    assert "\n1. Adoption of the agenda\n\nThe agenda as set out in CM 5119/21 was adopted.\n" in text
    assert "\n  6.1. EU Threat assessment\n\n  The Committee endorsed" in text
    assert "From:    General Secretariat of the Council\n" in text
    assert "Subject: Standing Committee on Operational Cooperation on Internal\n         Security (COSI)\n" in text
    assert to_text(document(meeting), width=40).count("\n") > text.count("\n")


# --- HTML -------------------------------------------------------------------------------------------


def test_html_is_self_contained_with_print_rules():
    html = to_html(document())
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@media print" in html
    assert not re.search(r"<(script|link|img)\b", html) and "http" not in html
    assert '<h3 class="item">1. Adoption of the agenda</h3>' in html
    assert '<h4 class="item">6.1. EU Threat assessment</h4>' in html
    assert '<h2 class="section">Discussion items:</h2>' in html


def test_html_escapes_everything_the_user_typed():
    html = to_html(document(hostile_meeting()))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in html
    assert "The &lt;b&gt;Chair&lt;/b&gt; &amp; &quot;co&quot; spoke." in html
    assert "14342/21 &amp; &lt;i&gt;" in html
    # only the page's own tags remain
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", html))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "table", "tr", "td", "div", "br",
                    "h1", "h2", "h3", "h4", "h5", "h6", "p"}


# --- DOCX ----------------------------------------------------------------------------------------------


def read_back(meeting: Meeting) -> docx.document.Document:
    return docx.Document(io.BytesIO(export_meeting(meeting, "docx")))


def test_docx_headings_carry_the_agenda_numbers():
    word = read_back(sample_meeting())
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 2", "1.\tAdoption of the agenda"),
        ("Heading 2", "2.\tInformation by the Presidency"),
        ("Heading 1", "Discussion items:"),
        ("Heading 2", "3.\tEU migrant smuggling action plan"),
        ("Heading 2", "4.\tCOVID-19 recovery funds"),
        ("Heading 1", "Items for information/endorsement:"),
        ("Heading 2", "6.\tCounter-terrorism"),
        ("Heading 3", "6.1.\tEU Threat assessment"),
        ("Heading 3", "6.2.\tProcedure for enhanced security checks"),
        ("Heading 2", "12.\tAOB [RESTREINT UE/EU RESTRICTED]"),
    ]
    body = [p.text for p in word.paragraphs if p.style.name == "Normal"]
    assert "The agenda as set out in CM 5119/21 was adopted." in body
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == ["OUTCOME OF PROCEEDINGS"]


@pytest.mark.parametrize("words", range(20, 56))  # the reference falls at every place of a line
def test_text_never_breaks_a_line_inside_a_document_reference(words):
    meeting = sample_meeting()
    meeting.entries.append(Entry(40, 3, EntryKind.NOTE, "x " * words + "as set out in 9382/1/24 REV 1 and CM 5119/21.", position=9))
    text = to_text(document(meeting))
    assert "9382/1/24 REV 1" in text and "CM 5119/21" in text and "\u00a0" not in text


def test_a_draft_says_so_in_its_title():
    meeting = sample_meeting()
    meeting.status = "draft 2"
    assert document(meeting).header.doc_type == "DRAFT 2 – OUTCOME OF PROCEEDINGS"
    assert "## DRAFT 2 – OUTCOME OF PROCEEDINGS" in export_meeting(meeting, "md")
    meeting.status = "final"
    assert document(meeting).header.doc_type == "OUTCOME OF PROCEEDINGS"


def test_docx_file_details_are_the_documents_not_the_templates():
    """python-docx's template left "created 2013", "generated by python-docx", its thumbnail and US English."""
    import zipfile

    from minutes_tui.export.docx import docx_bytes

    data = docx_bytes(document())
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.title, props.comments, props.created.year >= 2026) == ("OUTCOME OF PROCEEDINGS 14342/21", "", True)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert not any("thumbnail" in name for name in package.namelist())
    assert 'w:val="en-GB"' in package.read("word/styles.xml").decode() and 'w:val="en-US"' not in package.read("word/styles.xml").decode()


def test_docx_body_text_is_one_run_of_the_documents_paragraph():
    """The DOCX writer puts body text into the XML as it is (python-docx's run.text would turn a tab
    or a line break into Word's): the document has collapsed the white space of every kind of entry,
    imported ones included."""
    meeting = sample_meeting()
    meeting.entries += [Entry(30 + n, 3, kind, "said:\tfirst line\nsecond  line ", ["FR"], outcome="endorsed", position=8 + n)
                        for n, kind in enumerate([K.INTERVENTION, K.OUTCOME, K.ACTION, K.NOTE])]
    paragraphs = [p for section in document(meeting).sections for item in section.items for p in item.paragraphs]
    assert sum(p.count("first line second line") for p in paragraphs) == 4  # a note joins the paragraph before
    assert not any(c in p for p in paragraphs for c in "\t\n\r")
    body = [p for p in read_back(meeting).paragraphs if p.style.name == "Normal"]
    assert [p.text for p in body] == paragraphs
    assert all(len(p.runs) == 1 and p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in body)


def test_a_board_s_docx_letterhead_is_its_name_across_the_page():
    """In a 9.5 cm cell beside an empty one it wrapped ("Board of Directors of Northwind Shipping /
    Ltd"); the file's title said only "MINUTES"."""
    meeting = Meeting(1, MeetingDetails(committee="Board of Directors of Northwind Shipping Ltd (BOARD)", short_name="BOARD"),
                      [AgendaItem(1, "1.", "Opening")])
    word = docx.Document(io.BytesIO(export_meeting(meeting, "docx", style=load_style("board"))))
    [cell] = {cell._tc: cell for cell in word.tables[0].rows[0].cells}.values()  # one cell, merged
    assert cell.text == "Board of Directors of Northwind Shipping Ltd" and round(cell.width.cm, 1) == 16.0
    assert word.core_properties.title == "Board of Directors of Northwind Shipping Ltd – MINUTES"


def test_docx_header_tables_and_footer():
    word = read_back(sample_meeting(classification="LIMITE"))
    letterhead, fields = word.tables
    left, right = (cell.text.split("\n") for cell in letterhead.rows[0].cells)
    assert left == ["Council of the European Union", "Brussels, 10 December 2021"]
    assert right == ["(OR. en)", "14342/21", "LIMITE", "JAI 1297", "COSI 240"]
    assert [[c.text for c in row.cells] for row in fields.rows] == [
        ["From:", "General Secretariat of the Council"],
        ["On:", "22 November 2021"],
        ["To:", "Delegations"],
        ["Subject:", "Standing Committee on Operational Cooperation on Internal Security (COSI)"],
    ]
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("14342/21\t") and "LIMITE" in footer.text and footer.text.endswith("EN")
    assert "PAGE" in "".join(footer._p.itertext())  # the page number is a field Word fills in
    assert section.header.paragraphs[0].text == "LIMITE"


def test_docx_without_classification_has_no_marking():
    word = read_back(sample_meeting())
    assert word.sections[0].header.paragraphs[0].text == ""
    assert "LIMITE" not in word.tables[0].rows[0].cells[1].text


@pytest.mark.parametrize("words", range(20, 56))  # the date falls at every place of a line
def test_text_never_breaks_a_line_inside_a_date(words):
    meeting = sample_meeting()
    meeting.entries.append(Entry(40, 3, EntryKind.NOTE, "x " * words + "on 12 November 2021 and in March 2022.", position=9))
    text = to_text(document(meeting))
    assert "12 November 2021" in text and "March 2022" in text and "\u00a0" not in text


def test_a_wrapped_heading_continues_under_its_title():
    meeting = sample_meeting()
    for it in meeting.items:
        if it.id in (3, 62):
            it.title += " – role of law enforcement authorities to prevent infiltration by organised crime"
    text = to_text(document(meeting))
    assert ("\n3. EU migrant smuggling action plan – role of law enforcement\n"
            "   authorities to prevent infiltration by organised crime\n") in text
    assert ("\n  6.2. Procedure for enhanced security checks – role of law enforcement\n"
            "       authorities to prevent infiltration by organised crime\n") in text
