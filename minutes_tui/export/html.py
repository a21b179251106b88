"""One self-contained HTML page (embedded CSS, print rules included); every user string is escaped."""

from __future__ import annotations

from html import escape

from minutes_tui.export.document import Document

CSS = """
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.4;
       max-width: 44em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
table { border-collapse: collapse; }
td { vertical-align: top; padding: 0 0.5em 0.2em 0; }
.letterhead { width: 100%; margin-bottom: 2em; }
.letterhead td.right { width: 40%; }
.institution { font-weight: bold; font-size: 14pt; }
.docno { font-weight: bold; font-size: 14pt; }
.classification { font-weight: bold; }
h1 { font-size: 14pt; margin: 1.5em 0 0.8em; }
.fields { margin-bottom: 2em; }
.fields td:first-child { width: 6em; }
.subject { font-weight: bold; }
h2 { font-size: 12pt; text-decoration: underline; margin: 1.5em 0 0.5em; }
h3, h4, h5, h6 { font-size: 12pt; margin: 1.2em 0 0.4em; }
h4, h5, h6 { margin-left: 1.5em; }
p { text-align: justify; margin: 0 0 0.8em; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  @page { size: A4; margin: 2.5cm 2cm; }
  h2, h3, h4, h5, h6 { page-break-after: avoid; break-after: avoid; }
  h2.new-page { page-break-before: always; break-before: page; }
  p { orphans: 3; widows: 3; }
}
"""


def _lines(*lines: str) -> str:
    return "<br>".join(escape(line) for line in lines if line)


def to_html(doc: Document) -> str:
    h = doc.header
    right = [f'<div>{escape(h.language)}</div>' if h.language else ""]
    right.append(f'<div class="docno">{escape(h.doc_number)}</div>' if h.doc_number else "")
    if h.classification:
        right.append(f'<div class="classification">{escape(h.classification)}</div>')
    right.append(f"<div>{_lines(*h.file_codes)}</div>" if h.file_codes else "")
    rows = "".join(f"<tr><td>{escape(label)}:</td><td>{escape(value)}</td></tr>" for label, value in h.fields)
    if h.subject:
        rows += f'<tr><td>Subject:</td><td class="subject">{escape(h.subject)}</td></tr>'
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(' '.join(x for x in (h.doc_number, h.doc_type, h.subject) if x))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<table class="letterhead"><tr>',
        f'<td><div class="institution">{escape(h.institution)}</div><div>{escape(h.issue_line)}</div></td>',
        f'<td class="right">{"".join(right)}</td>',
        "</tr></table>",
        f"<h1>{escape(h.doc_type)}</h1>",
        f'<table class="fields">{rows}</table>',
    ]
    for section in doc.sections:
        if section.title:
            out.append(f'<h2 class="section{" new-page" if section.new_page else ""}">{escape(section.title)}</h2>')
        for item in section.items:
            tag = f"h{min(3 + item.level, 6)}"
            out.append(f'<{tag} class="item">{escape(item.heading)}</{tag}>')
            out.extend(f"<p>{escape(p)}</p>" for p in item.paragraphs)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
