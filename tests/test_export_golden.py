"""Golden test: the COSI meeting of 22 November 2021, typed line by line as a secretary would, exported
as Markdown, must read like the real outcome of proceedings (Council document 14342/21).

The comparison normalises only white space and Markdown markup (emphasis, heading marks, rules, links,
backslash escapes); the words, their order and the punctuation must match the reference exactly.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from minutes_tui.core.agenda import load_agenda
from minutes_tui.core.session import Session
from minutes_tui.export import export_meeting
from minutes_tui.export.check import check_meeting

REFERENCE = Path(__file__).parent / "data" / "outcome-of-proceedings-14342-21.md"
AGENDA = Path(__file__).parent.parent / "sample_agendas" / "cosi-2021-11-22.md"

# What the secretary types during the meeting, one entry line at a time.
LINES = [
    "/next",  # 1. Adoption of the agenda
    "/outcome adopted",
    "/next",  # 2. Information by the Presidency
    "PRES informed on the state of play of the draft Council Conclusions on stepping up cross-border police"
    " cooperation in the area of missing persons currently under preparation in the Law Enforcement Working"
    " Party in view of adoption by the Council in December",
    "PRES also informed about the Ministerial Conference on the prevention and investigation of child sexual"
    " abuse that took place on 12 November 2021",
    "A joint statement by the Ministers responsible for Home Affairs of the EU Member States, the Schengen"
    " Associated States, the Western Balkan partners and the United States of America was released after the"
    " Conference and available in WK 13949/2021",
    "/next",  # 3. EU migrant smuggling action plan
    "/outcome COSI expressed overall support for the renewed EU Migrant Smuggling Action Plan 2021-2025 from"
    " operational cooperation perspective",
    "Effective anti-smuggling operational partnerships with third countries and tackling migrant smuggling at"
    " origin are main priorities",
    "The role of the EU in this context should complement the bilateral cooperation initiatives of the Member"
    " States",
    "Delegations expressed concern about the instrumentalisation of migrants",
    "Addressing the digital dimension of smuggling and monitoring of social media are identified as key"
    " priorities to tackle large-scale migrant smuggling",
    "Delegations underlined EMPACT as an effective tool for operational multidisciplinary cooperation to fight"
    " migrant smuggling with delegations calling for alignment of ongoing and future initiatives under the EU"
    " Migrant smuggling action plan with the envisaged operational actions under the EMPACT priority",
    "Earlier involvement of judicial authorities in migrant smuggling cases is deemed essential",
    "The benefit of Joint Investigation Teams and participation in the focus group of prosecutors and"
    " investigative judges fighting migrant smuggling established by Eurojust were highlighted",
    "/private ask FR for their written contribution",
    "/next",  # 4. COVID-19 recovery funds
    "/outcome COSI exchanged views on COVID-19 recovery funds and on how law enforcement can prevent organised"
    " crime infiltration",
    "Delegations emphasised the role of both the national authorities and an EU level approach involving also"
    " the JHA Agencies",
    "It was concluded that a more comprehensive intelligence picture is needed, as well as a better"
    " understanding of the criminal groups involved and the modus operandi used",
    "A variety of tools, including administrative approach ones, should be used to proactively prevent this"
    " type of criminal infiltration",
    "/next",  # 5. Counter-terrorism: priorities and way forward
    "/outcome exchanged views with the EU CTC on priorities and way forward in counter-terrorism",
    "/next",  # 6.1 (item 6 only holds sub-items)
    "/outcome endorsed the recommendations to the EU Threat assessment in the field of counterterrorism as set"
    " out in 13682/21",
    "/next",  # 6.2
    "/outcome endorsed the procedure on enhanced security checks as set out in 13683/21",
    "/next",  # 7.1 AI Act
    "The Chair of the TELECOM working part: provided an update on the state of play of negotiations on the"
    " proposal for AI Act",
    "A progress report will be presented to the Transport, Telecommunications and Energy Council on 3 December"
    " 2021",
    "/next",  # 7.2 Encryption
    "COM informed the Committee of the meeting on the topic to be organised with the Member States on"
    " 1 December 2021",
    "After the meeting and an ensuing internal consultation, the Commission will finalise the way forward on"
    " encryption to be presented in 2022",
    "/next",  # 7.3
    "/outcome confirmed the composition of the Steering Group of the EU Innovation Hub for Internal Security,"
    " as set out in doc 13684/21",
    "/next",  # 8.
    "/outcome COSI took note of the information provided by the Presidency",
    "/next",  # 9.
    "/outcome COSI took note of the information provided by the Presidency about the Ministerial Conference on"
    " the prevention and investigation of child sexual abuse that took place on 12 November 2021",
    "/next",  # 10.
    "/outcome COSI took note of the items concluded by COSI SG, as set out in 13685/21",
    "/next",  # 11.
    "/outcome COSI took note of the future priorities of the incoming French Presidency",
    "/next",  # 12. AOB
    "DE called for support for the Czech candidate for the post of the President of Interpol in view of the"
    " incoming elections at the 89th General assembly of Interpol in Istanbul and for support for the European"
    " candidates for the positions of delegates for Europe in the Executive Committee",
]


def normalise(markdown: str) -> str:
    """The words of a Markdown document, without its markup and with white space collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [text](#) -> text
    text = re.sub(r"^\s*(#{1,6}\s+|-{3,}\s*$)", "", text, flags=re.M)  # heading marks, rules
    text = text.replace("**", "")
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # backslash escapes
    return " ".join(text.split())


def typed_meeting(store, clock, agenda: Path = AGENDA):
    """The sample agenda imported into a fresh store, and every line of LINES typed into a Session."""
    meeting_id = store.create_meeting(load_agenda(agenda), clock.now())
    session = Session(store, meeting_id, clock)
    for line in LINES:
        clock.advance(seconds=40)
        session.apply_line(line)
    return store.load_meeting(meeting_id)


def test_typed_cosi_meeting_exports_as_the_reference(store, clock):
    exported = normalise(export_meeting(typed_meeting(store, clock), "md"))
    expected = normalise(REFERENCE.read_text(encoding="utf-8"))
    if exported != expected:
        a, b = exported.split(), expected.split()
        diffs = [
            f"{op}: {' '.join(a[i1:i2])!r} != {' '.join(b[j1:j2])!r}"
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
            if op != "equal"
        ]
        raise AssertionError("export differs from the reference:\n" + "\n".join(diffs))


def test_typed_cosi_meeting_checks(store, clock):
    """Items the Council records without an outcome sentence are flagged, nothing else."""
    assert check_meeting(typed_meeting(store, clock)) == [
        "item 2. Information by the Presidency: reached but no outcome recorded",
        "item 7.1. AI Act: reached but no outcome recorded",
        "item 7.2. Encryption: reached but no outcome recorded",
        "item 12. AOB: reached but no outcome recorded",
    ]


def test_normalise_ignores_markup_only():
    assert normalise("### **3. Title**\n\n---\n\nSee [13685/21](#) \\*x\\*  \nend") == "3. Title See 13685/21 *x* end"


def paragraphs_by_item(markdown: str) -> list[list[str]]:
    """For each item heading, the normalised paragraphs under it (what the reader sees as blocks)."""
    items: list[list[str]] = []
    for block in re.split(r"\n\s*\n", markdown):
        text = normalise(block)
        if re.match(r"^\d+(\.\d+)*\. ", text) and block.lstrip().startswith(("#", "**")):
            items.append([])
        elif items and text and not text.endswith(":"):
            items[-1].append(text)
    return items


def test_typed_cosi_meeting_has_the_reference_paragraphs(store, clock):
    """Notes go on with the paragraph before them, so the blocks match the reference's too."""
    exported = paragraphs_by_item(export_meeting(typed_meeting(store, clock), "md"))
    expected = paragraphs_by_item(REFERENCE.read_text(encoding="utf-8"))
    assert [len(p) for p in exported] == [len(p) for p in expected]
    assert exported == expected
