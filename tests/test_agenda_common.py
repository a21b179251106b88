"""The rules the agenda readers share: references, dates, labels, title suffixes, the outline."""

from datetime import date

import pytest

from minutes_tui.core.agenda import AgendaError, find_doc_refs, format_date, parse_meeting_date
from minutes_tui.core.agenda.common import analyse_title, match_label, parse_date_range, refs_only


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("as set out in 13682/21.", ["13682/21"]),
        ("available in WK 13949/2021", ["WK 13949/2021"]),
        ("WK 14408/19 and WK 286/20", ["WK 14408/19", "WK 286/20"]),
        ("The agenda as set out in CM 5119/21 was adopted.", ["CM 5119/21"]),
        ("ST 9382/1/21 REV 1", ["ST 9382/1/21 REV 1"]),
        ("as set out in doc 13684/21", ["13684/21"]),
        ("summarised in doc. 11999/19 circulated on 6 September 2019", ["11999/19"]),
        ("document CM 5125/1/19 REV 1", ["CM 5125/1/19 REV 1"]),
        ("5853/1/12 REV 1", ["5853/1/12 REV 1"]),
        ("12919/23 + ADD 1", ["12919/23 + ADD 1"]),
        ("12413/20 + ADD 1 REV 1 + COR 2", ["12413/20 + ADD 1 REV 1 + COR 2"]),
        ("9216/04 EXT 1", ["9216/04 EXT 1"]),
        ("5221/20 (to be issued)", ["5221/20 (to be issued)"]),
        ("WK 10770/19 REV 3", ["WK 10770/19 REV 3"]),
        ("COM(2008) 229 final", ["COM(2008) 229 final"]),
        ("13682/21, 13682/21", ["13682/21"]),
        ("WK 1234/2024 INIT", ["WK 1234/2024 INIT"]),  # the working document's first version
        ("PE-CONS 3637/24", ["PE-CONS 3637/24"]),  # the act as agreed with the Parliament, not "CONS 3637/24"
        # ... whose numbers are short, the year of 2 or 4 digits
        ("PE-CONS 12/24 and PE-CONS 3/2024 REV 1", ["PE-CONS 12/24", "PE-CONS 3/2024 REV 1"]),
        ("FY 2025/26 budget; tenant satisfaction 2024/25 (BD 2025/14)", ["BD 2025/14"]),  # financial years: no documents
        ("amending Council Regulation (EC) No 1255/97 (ST 6001/25)", ["ST 6001/25"]),  # an act's number
        ("doc. PE-CONS 12/2024", ["PE-CONS 12/2024"]),
        # a letter prefix belongs to the reference, whatever the series: a board's "BD 2025/14" too
        ("Minutes of 2 December 2025 (BD 2025/14)", ["BD 2025/14"]),
        ("SN 1234/21 and BD 2026/03 REV 1", ["SN 1234/21", "BD 2026/03 REV 1"]),
        # not references: dates, procedure files, regulations, times
        ("on 22/11/2021 at 10.00", []),
        ("Interinstitutional File: 2017/0008 (NLE)", []),
        ("Regulation (EU) 2021/784", []),
        ("COVID -19", []),
    ],
)
def test_find_doc_refs(text, refs):
    assert find_doc_refs(text) == refs


@pytest.mark.parametrize(
    ("line", "refs"),
    [
        ("13682/21", ["13682/21"]),
        ("doc. 6401/1/24 REV 1", ["6401/1/24 REV 1"]),
        ("Documents: 13682/21, WK 3261/24", ["13682/21", "WK 3261/24"]),
        ("(6712/24)", ["6712/24"]),
        ("BD 2026/03, BD 2026/04", ["BD 2026/03", "BD 2026/04"]),
        ("WK 1234/2024 INIT", ["WK 1234/2024 INIT"]),
        ("PE-CONS 3637/24", ["PE-CONS 3637/24"]),
        ("ST 14342/21 LIMITE", ["ST 14342/21"]),  # the document's marking
        ("Documents: ST 6712/24, WK 3261/2024 INIT", ["ST 6712/24", "WK 3261/2024 INIT"]),
        ("as set out in 13682/21", []),
        ("Adoption of the agenda", []),
    ],
)
def test_refs_only(line, refs):
    assert refs_only(line) == refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22 November 2021", date(2021, 11, 22)),
        ("22/11/2021", date(2021, 11, 22)),  # day first
        ("05/11/2021", date(2021, 11, 5)),
        ("2021-11-05", date(2021, 11, 5)),  # ISO stays year-month-day
        ("Monday 22 November 2021", date(2021, 11, 22)),
        ("22.11.2021", date(2021, 11, 22)),
    ],
)
def test_parse_meeting_date(text, expected):
    assert parse_meeting_date(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "November 2021", "22 November", "31 February 2021", "x" * 500])
def test_parse_meeting_date_refuses_what_is_not_a_whole_date(text):
    with pytest.raises(ValueError):
        parse_meeting_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday 22 November 2021, 10.00", (date(2021, 11, 22), None, "10.00")),
        ("22 November 2021 (10:00)", (date(2021, 11, 22), None, "10:00")),
        ("22 and 23 November 2021", (date(2021, 11, 22), date(2021, 11, 23), "")),
        ("22-23 November 2021", (date(2021, 11, 22), date(2021, 11, 23), "")),
        ("30 November and 1 December 2021", (date(2021, 11, 30), date(2021, 12, 1), "")),
        ("21 and 22 January 2020, 10.00-13.00", (date(2020, 1, 21), date(2020, 1, 22), "10.00-13.00")),
        # two days written as dateutil would misread them (15 March 2014, 14 March 2015)
        ("14/15 March 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("14 / 15 March 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("14th-15th March 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("14,15 March 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("14, 15 March 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("March 14, 2024", (date(2024, 3, 14), None, "")),
        ("March 14-15, 2024", (date(2024, 3, 14), date(2024, 3, 15), "")),
        ("Wednesday 20-21 March 2024", (date(2024, 3, 20), date(2024, 3, 21), "")),
        ("14/15 March 2024, 10.00-13.00", (date(2024, 3, 14), date(2024, 3, 15), "10.00-13.00")),
        ("Thursday 14 March 2024, 10:00–13:00", (date(2024, 3, 14), None, "10:00–13:00")),
        ("22-23/11/2021", (date(2021, 11, 22), date(2021, 11, 23), "")),
    ],
)
def test_parse_date_range(text, expected):
    assert parse_date_range(text) == expected


@pytest.mark.parametrize("text", ["14 15 March 2024", "March 14 15, 2024"])
def test_a_date_read_with_another_year_than_the_one_written_is_refused(text):
    """dateutil takes a day for the year ("14 15 March 2024" -> 15 March 2014): never silently."""
    with pytest.raises(ValueError, match="unclear date"):
        parse_date_range(text)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2021, 11, 22), None, "22 November 2021"),
        (date(2021, 11, 2), None, "2 November 2021"),
        (date(2021, 11, 22), date(2021, 11, 23), "22 and 23 November 2021"),
        (date(2021, 11, 30), date(2021, 12, 1), "30 November and 1 December 2021"),
        (date(2021, 12, 31), date(2022, 1, 1), "31 December 2021 and 1 January 2022"),
    ],
)
def test_format_date(start, end, text):
    assert format_date(start, end) == text


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [
        ("1. Adoption of the agenda", "1.", "Adoption of the agenda"),
        ("12) AOB", "12)", "AOB"),
        ("6.1. EU Threat assessment", "6.1.", "EU Threat assessment"),
        ("3.1 Without the trailing dot", "3.1", "Without the trailing dot"),
        ("a) Prosecution", "a)", "Prosecution"),
        ("(b) Rehabilitation", "(b)", "Rehabilitation"),
        ("B. Prisons", "B.", "Prisons"),
        ("– Briefing by Belgium", "–", "Briefing by Belgium"),
        ("1.", "1.", ""),
        ("4.1) Data processing", "4.1)", "Data processing"),
        ("4.a) Readiness of Member States", "4.a)", "Readiness of Member States"),
        ("(ii) Audit findings", "(ii)", "Audit findings"),
        ("iv. Other", "iv.", "Other"),
        # "Item 3", "Point 3", "Agenda item 3": the number is written as the Council writes its items
        ("Item 1. Adoption of the agenda", "1.", "Adoption of the agenda"),
        ("Item 3 Proposal for a Regulation", "3.", "Proposal for a Regulation"),
        ("Item 2: Budget", "2.", "Budget"),
        ("Point 4 Drones", "4.", "Drones"),
        ("Agenda item 5 AOB", "5.", "AOB"),
        ("ITEM 6) Close", "6.", "Close"),
        ("Item 4.1 Sub-item", "4.1.", "Sub-item"),
    ],
)
def test_labels_are_kept_as_written(line, number, rest):
    label = match_label(line)
    assert (label.number, label.rest) == (number, rest)


@pytest.mark.parametrize(
    "line",
    ["10.00 Opening", "2021. A year", "e.g. this", "i.e. that", "13682/21", "COSI", "etc. and more",
     "item 3 of the conclusions", "Items concluded by COSI SG", "Item 2025/14"],
)
def test_lines_that_are_not_labels(line):
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("raw", "title", "presenter", "mode"),
    [
        # the suffix goes to presenter/mode and leaves the title
        ("Threat assessment – Presentation by the Commission", "Threat assessment", "Commission", "Presentation"),
        ("Threat assessment – presentation by INTCEN", "Threat assessment", "INTCEN", "Presentation"),
        ("Protecting public spaces – Exchange of views", "Protecting public spaces", "", "Exchange of views"),
        ("Western Balkans: Information by the Presidency", "Western Balkans", "Presidency", "Information"),
        ("Drones (Presentation by Europol)", "Drones", "Europol", "Presentation"),
        ("Drones – Presentation by the Commission and exchange of views", "Drones", "Commission",
         "Presentation and exchange of views"),
        # two suffixes: both modes, in the order written, each once; the last presenter named, as before
        ("Drones – Presentation by the Commission – Exchange of views", "Drones", "Commission",
         "Presentation and exchange of views"),
        ("Drones – Briefing by Belgium (Information by the Presidency)", "Drones", "Presidency", "Briefing and information"),
        ("Drones – Information – Information by the Presidency", "Drones", "Presidency", "Information"),
        ("Drones – Information by the Presidency (For information)", "Drones", "Presidency", "Information"),
        ("Drones – Endorsement – Possible endorsement", "Drones", "", "Endorsement"),
        # what Coreper is to do with a file: "with" there names no presenter
        ("Return Regulation – Examination of the Presidency compromise text", "Return Regulation", "",
         "Examination of the Presidency compromise text"),
        ("Packaging – Analysis of the final compromise text with a view to agreement", "Packaging", "",
         "Analysis of the final compromise text with a view to agreement"),
        ("Violence against women – Mandate for negotiations with the European Parliament", "Violence against women", "",
         "Mandate for negotiations with the European Parliament"),
        ("Drones – Exchange of views – For endorsement", "Drones", "", "Exchange of views and endorsement"),
        ("Drones – Debriefing by the Presidency – Briefing by Belgium", "Drones", "Belgium", "Debriefing and briefing"),
        ("Drones – Presentation by Europol and exchange of views – Approval", "Drones", "Europol",
         "Presentation, exchange of views and approval"),
        # a title that is only the phrase is kept whole
        ("Information by the Presidency", "Information by the Presidency", "Presidency", "Information"),
        # ... and its presenter ends where the topic starts (the title keeps the topic); a body's name does not
        ("Update by the EU CTC on the Syrian situation", "Update by the EU CTC on the Syrian situation", "EU CTC", "Update"),
        ("Presentation by Europol of the TE-SAT 2025 report", "Presentation by Europol of the TE-SAT 2025 report",
         "Europol", "Presentation"),
        ("Presentation by the Chair of the Working Party on Terrorism", "Presentation by the Chair of the Working Party on Terrorism",
         "Chair of the Working Party on Terrorism", "Presentation"),
        # "(continued)" stays in the title; a planning note is the mode (the reference's item 9 has no "(poss.)")
        ("Prisons and radicalisation (continued)", "Prisons and radicalisation (continued)", "", "Continued"),
        ("Ministerial Conference (poss.)", "Ministerial Conference", "", "poss."),
        ("Drones – Presentation by Europol (poss.)", "Drones", "Europol", "Presentation"),
        ("Joint Action Days – presentation by Europol, Frontex and Eurojust", "Joint Action Days",
         "Europol, Frontex and Eurojust", "Presentation"),
        # dashes and colons that are part of the title
        ("COVID -19 recovery funds – role of law enforcement authorities to prevent infiltration by organised crime",
         "COVID -19 recovery funds – role of law enforcement authorities to prevent infiltration by organised crime",
         "", ""),
        ("EU Innovation Hub for internal security - confirmation of the composition of the Steering group",
         "EU Innovation Hub for internal security - confirmation of the composition of the Steering group", "", ""),
        ("Presentation of the work programme of the incoming French Presidency",
         "Presentation of the work programme of the incoming French Presidency", "", ""),
        ("Counter-terrorism: priorities and way forward", "Counter-terrorism: priorities and way forward", "", ""),
        # what Coreper is to do with a file
        ("Schengen Borders Code – Approval of the final compromise text", "Schengen Borders Code", "",
         "Approval of the final compromise text"),
        ("Preparation of the European Council – Draft conclusions", "Preparation of the European Council", "",
         "Draft conclusions"),
        # a presenter in brackets: one the register knows, a Presidency, a delegation; several at once
        ("Threat assessment (Presidency)", "Threat assessment", "Presidency", ""),
        ("Drones [Commission]", "Drones", "Commission", ""),
        ("Syria (EU CTC) (poss.)", "Syria", "EU CTC", "poss."),
        ("(poss.) Any other business", "Any other business", "", "poss."),  # a planning note in front too
        ("(tbc) Visa suspension mechanism – revised Regulation", "Visa suspension mechanism – revised Regulation", "", "tbc"),
        ("Work programme (incoming French Presidency)", "Work programme", "incoming French Presidency", ""),
        ("Cybercrime (BE delegation)", "Cybercrime", "BE delegation", ""),
        ("Joint report (Presidency, Commission)", "Joint report", "Presidency, Commission", ""),
        # ... but not an acronym, the one of the words before it, nor a part
        ("Entry/Exit System (EES)", "Entry/Exit System (EES)", "", ""),
        ("Opinion of the European Data Protection Supervisor (EDPS)",
         "Opinion of the European Data Protection Supervisor (EDPS)", "", ""),
        ("Standing Committee (COSI)", "Standing Committee (COSI)", "", ""),
        ("Security Union (Part 2)", "Security Union (Part 2)", "", ""),
        ("Drones (Report of the Presidency)", "Drones (Report of the Presidency)", "", ""),
        ("Draft conclusions (Dutch)", "Draft conclusions (Dutch)", "", ""),  # a language version, not NL
        ("Cybercrime (Belgium)", "Cybercrime", "Belgium", ""),
    ],
)
def test_title_suffixes(raw, title, presenter, mode):
    parts = analyse_title(raw)
    assert (parts.title, parts.presenter, parts.mode) == (title, presenter, mode)


@pytest.mark.parametrize(
    ("raw", "title", "refs", "classification", "minutes"),
    [
        ("Public spaces (6712/24)", "Public spaces", ["6712/24"], "", None),
        ("Public spaces – Exchange of views (14213/24)", "Public spaces", ["14213/24"], "", None),
        ("Public spaces – doc. 6712/24 + ADD 1", "Public spaces", ["6712/24 + ADD 1"], "", None),
        ("Schengen evaluation, CM 5119/21", "Schengen evaluation", ["CM 5119/21"], "", None),
        ("Schengen, Frontex and Europol", "Schengen, Frontex and Europol", [], "", None),
        ("Report, state of play", "Report, state of play", [], "", None),  # only references after a comma
        ("Follow-up of 13682/21 recommendations", "Follow-up of 13682/21 recommendations", ["13682/21"], "", None),
        ("Threat assessment [CONFIDENTIEL UE/EU CONFIDENTIAL]", "Threat assessment", [],
         "CONFIDENTIEL UE/EU CONFIDENTIAL", None),
        ("Drones (10')", "Drones", [], "", 10),
        ("Drones [15 min]", "Drones", [], "", 15),
        ("Drones 10 min", "Drones", [], "", 10),
        ("Drones (5221/20 (to be issued)) (20 minutes)", "Drones", ["5221/20 (to be issued)"], "", 20),
        ("Drones (-5 min)", "Drones (-5 min)", [], "", None),  # no duration: it was "Drones (" and 5 minutes
    ],
)
def test_title_refs_markers_and_durations(raw, title, refs, classification, minutes):
    parts = analyse_title(raw)
    assert (parts.title, parts.doc_refs, parts.classification, parts.planned_minutes) == (
        title, refs, classification, minutes)


def test_agenda_error_is_one_line_with_file_and_line():
    error = AgendaError("agenda.md", 7, "item 3 has\nno title")
    assert str(error) == "agenda.md:7: item 3 has no title"
    assert (error.source, error.line, error.message) == ("agenda.md", 7, "item 3 has no title")
    assert str(AgendaError("gone.md", None, "cannot read the file")) == "gone.md: cannot read the file"
