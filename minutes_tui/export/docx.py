"""Word (.docx) with python-docx, laid out the way the Council's documents are.

- A4, Times New Roman 12 pt, justified paragraphs.
- The letterhead is a borderless two-column table: institution and issue place/date on the left;
  "(OR. en)", the document number, the classification and the file codes on the right.
- "OUTCOME OF PROCEEDINGS" (Title style), then From/On/To/Subject as a borderless table.
- Real Word headings, so the navigation pane shows the structure: section headings are Heading 1,
  top-level items Heading 2, sub-items Heading 3 (and so on). A heading reads "6.1.<tab>Title".
- Every page's footer: document number, page number (a PAGE field), classification, "EN";
  the page header carries the classification marking when there is one.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from minutes_tui.export.document import Document

FONT = "Times New Roman"


def _set_font(style, size: float, bold: bool | None = None) -> None:
    """Font, size and colour of a style; theme font attributes removed so the named font applies."""
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)


def _setup_styles(document) -> None:
    styles = document.styles
    _set_font(styles["Normal"], 12)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(6)
    normal.line_spacing = 1.15
    title = styles["Title"]
    _set_font(title, 14, bold=True)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(12)
    for level in range(1, 10):
        heading = styles[f"Heading {level}"]
        _set_font(heading, 12, bold=True)
        fmt = heading.paragraph_format
        fmt.space_before = Pt(12)
        fmt.space_after = Pt(6)
        fmt.keep_with_next = True
        if level > 1:  # items: number, tab, title aligned on a hanging indent
            fmt.left_indent = Cm(1.25 * (level - 1))
            fmt.first_line_indent = Cm(-1.25)
            fmt.tab_stops.add_tab_stop(Cm(1.25 * (level - 1)))
    styles["Heading 1"].font.underline = True


def _page_field(paragraph) -> None:
    """Append a PAGE field (Word fills in the page number)."""

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        return run

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


def _no_spacing(paragraph, before: float = 0, after: float = 0) -> None:
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


def _cell_lines(cell, lines: list[tuple[str, dict]], align=None) -> None:
    """Fill a table cell with one paragraph per (text, run formatting) line."""
    first = True
    for text, fmt in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _no_spacing(paragraph, after=fmt.pop("after", 0))
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(text)
        run.bold = fmt.get("bold")
        if "size" in fmt:
            run.font.size = Pt(fmt["size"])


def _page_setup(document, doc: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    width = section.page_width - section.left_margin - section.right_margin
    h = doc.header
    if h.classification:
        top = section.header.paragraphs[0]
        top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        top.add_run(h.classification).bold = True
    document.styles["Footer"].paragraph_format.tab_stops.clear_all()
    foot = section.footer.paragraphs[0]
    foot.paragraph_format.tab_stops.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
    foot.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    foot.add_run(f"{h.doc_number}\t")
    _page_field(foot)
    foot.add_run("\t")
    if h.classification:
        foot.add_run(h.classification).bold = True
        foot.add_run("   ")
    foot.add_run(h.language_code)


def _widths(table, *widths) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _letterhead(document, doc: Document) -> None:
    h = doc.header
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    lines: list[tuple[str, dict]] = []
    if h.language:
        lines.append((h.language, {"after": 12}))
    if h.doc_number:
        lines.append((h.doc_number, {"bold": True, "size": 16, "after": 6}))
    if h.classification:
        lines.append((h.classification, {"bold": True, "after": 6}))
    lines += [(code, {}) for code in h.file_codes]
    _widths(table, Cm(9.5), Cm(6.5))
    if lines:
        _cell_lines(right, lines, align=WD_ALIGN_PARAGRAPH.LEFT)
    else:  # nothing on the right (a board's own minutes): its name across the page, not wrapped in 9.5 cm
        left = left.merge(right)
    _cell_lines(left, [(h.institution, {"bold": True, "size": 14, "after": 12}), *([(h.issue_line, {})] if h.issue_line else [])])


def _fields(document, doc: Document) -> None:
    h = doc.header
    rows = [*h.fields, *([("Subject", h.subject)] if h.subject else [])]
    if not rows:
        return
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows):
        _cell_lines(row.cells[0], [(f"{label}:", {"after": 4})])
        _cell_lines(row.cells[1], [(value, {"bold": label == "Subject", "after": 4})])
    _widths(table, Cm(2.5), Cm(13.5))


def build_docx(doc: Document):
    """The python-docx Document object for `doc`."""
    document = new_docx()
    _setup_styles(document)
    _page_setup(document, doc)
    _letterhead(document, doc)
    document.add_paragraph(doc.header.doc_type, style="Title")
    _fields(document, doc)
    # python-docx looks a style up by its name (a scan of all styles) for every heading, and writes
    # a run's text one character at a time (to turn tabs and line breaks into Word's): two thirds
    # of the time of a long meeting's export. The headings' style ids are looked up once, and body
    # text, whose white space the document has collapsed (no tab, no line break), is written as one
    # w:t. The XML is the same.
    heading_ids = {level: document.styles[f"Heading {level}"].style_id for level in range(1, 10)}

    def heading(text: str, level: int) -> Paragraph:
        paragraph = document.add_paragraph(text)
        paragraph._p.style = heading_ids[level]
        return paragraph

    for section in doc.sections:
        if section.title:
            paragraph = heading(section.title, 1)
            if section.new_page:
                paragraph.paragraph_format.page_break_before = True
        for item in section.items:
            heading(f"{item.number}\t{item.title}" if item.number else item.title, min(2 + item.level, 9))
            for text in item.paragraphs:
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                if text:  # as add_paragraph(text): no run for no text
                    paragraph.add_run()._r.add_t(text)
    _properties(document, doc)
    return document


def _properties(document, doc: Document) -> None:
    """The file's own details, not those python-docx's template leaves (created in 2013, "generated by
    python-docx", its thumbnail as the file's preview); its language British English, the EU's."""
    props = document.core_properties
    props.title = " ".join(x for x in (doc.header.doc_type, doc.header.doc_number) if x)
    if doc.header.own_name:  # "MINUTES" alone names no meeting in a list of files
        props.title = f"{doc.header.institution} – {props.title}"
    props.subject = doc.header.subject
    props.author = props.comments = props.last_modified_by = ""
    props.created = props.modified = datetime.now(timezone.utc).replace(microsecond=0)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")


def docx_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    build_docx(doc).save(buffer)
    return buffer.getvalue()


def write_docx(doc: Document, path: str | Path) -> None:
    Path(path).write_bytes(docx_bytes(doc))
