"""Phrasing: subjects, intervention, outcome and action sentences, outcome words, house styles."""

from pathlib import Path

import pytest

from minutes_tui.core.model import OUTCOME_CODES, AgendaItem, Attendance, Entry, EntryKind, MeetingDetails, Speaker
from minutes_tui.core.phrasing import (
    OUTCOME_LABELS,
    HouseStyle,
    action_sentence,
    attendance_sentences,
    body_subject,
    intervention_sentence,
    load_style,
    number_word,
    outcome_code_from_text,
    outcome_sentence,
    sentence,
    speakers_named,
    speakers_subject,
    statement_title,
    style_names,
)
from minutes_tui.core.speakers import default_register

REGISTER = default_register()
COUNCIL = load_style()
COSI = MeetingDetails(short_name="COSI", body_name="the Committee", agenda_ref="CM 5119/21")


def item(title: str = "AOB", doc_refs=(), presenter: str = "") -> AgendaItem:
    return AgendaItem(id=1, number="1", title=title, doc_refs=list(doc_refs), presenter=presenter)


def outcome(text: str = "", code: str = "") -> Entry:
    return Entry(id=1, item_id=1, kind=EntryKind.OUTCOME, text=text, outcome=code)


def intervention(speakers: list[str], text: str) -> Entry:
    return Entry(id=1, item_id=1, kind=EntryKind.INTERVENTION, text=text, speakers=speakers)


# --- subjects ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "subject"),
    [
        (["DE"], "The German delegation"),
        (["de"], "The German delegation"),
        (["FR", "DE"], "The German and French delegations"),
        (["NL", "FR", "DE"], "The German, French and Netherlands delegations"),
        (["SE", "NL", "FR", "DE"], "Four delegations (DE, FR, NL and SE)"),
        (["DE", "DK", "FR", "HR", "NL", "PL", "SE", "SI"], "Eight delegations (DK, DE, FR, HR, NL, PL, SI and SE)"),
        (["CY", "LU", "MT"], "The Cyprus, Luxembourg and Maltese delegations"),
        (["PRES"], "The Presidency"),
        (["COM", "PRES"], "The Presidency and the Commission"),
        (["Cion", "DE", "Presidency", "FR"], "The Presidency, the German and French delegations and the Commission"),
        (["CTC"], "The EU CTC"),
        (["EULISA"], "eu-LISA"),
        (["Europol", "Eurojust"], "Europol and Eurojust"),
        (["the Chair of the TELECOM working part"], "The Chair of the TELECOM working part"),
        (["A representative of the Belgian Ministry of Interior"], "A representative of the Belgian Ministry of Interior"),
        (["Mr John Smith, resident of Elm Street"], "Mr John Smith, resident of Elm Street,"),  # the apposition closes
        (["Interpol", "DE"], "The German delegation and Interpol"),
        (["DE", "DE", "German"], "The German delegation"),
        ([], ""),
    ],
)
def test_council_subjects(codes, subject):
    assert speakers_subject(codes, REGISTER, COUNCIL) == subject


@pytest.mark.parametrize(
    ("style", "codes", "subject"),
    [
        ("codes", ["DE"], "DE"),
        ("codes", ["FR", "DE"], "Two delegations (DE and FR)"),
        ("codes", ["COM"], "Cion"),
        ("board", ["NL", "DE"], "Germany and the Netherlands"),
        ("board", ["SE", "NL", "FR", "DE"], "Four members (France, Germany, the Netherlands and Sweden)"),
        ("board", ["PRES", "FR", "DE", "COM"], "The Presidency, France, Germany and the Commission"),
    ],
)
def test_other_styles_name_delegations_differently(style, codes, subject):
    assert speakers_subject(codes, REGISTER, load_style(style)) == subject


def test_order_can_follow_the_alphabet_or_the_speaking_order():
    codes = ["SE", "DK", "DE", "AT"]
    assert speakers_subject(codes, REGISTER, COUNCIL) == "Four delegations (DK, DE, AT and SE)"
    alphabetical = HouseStyle(order="alphabetical", delegations="code", group_threshold=1)
    assert speakers_subject(codes, REGISTER, alphabetical) == "Four delegations (AT, DE, DK and SE)"
    file_01 = HouseStyle(order="alphabetical")
    assert speakers_subject(["SI", "DK", "FR", "HR", "NL", "PL", "SE", "DE"], REGISTER, file_01) == (
        "Eight delegations (DE, DK, FR, HR, NL, PL, SE and SI)"
    )
    assert speakers_subject(["DE", "FR"], REGISTER, file_01) == "The French and German delegations"
    spoken = HouseStyle(order="spoken")
    assert speakers_subject(codes, REGISTER, spoken) == "Four delegations (SE, DK, DE and AT)"
    assert speakers_subject(["COM", "DE"], REGISTER, spoken) == "The Commission and the German delegation"


def test_group_threshold_is_a_style_setting():
    wide = HouseStyle(group_threshold=5)
    assert speakers_subject(["SE", "NL", "FR", "DE"], REGISTER, wide) == (
        "The German, French, Netherlands and Swedish delegations"
    )


def test_style_phrase_overrides_the_register():
    dutch = HouseStyle(phrases={"NL": "the Dutch delegation"})
    assert speakers_subject(["NL"], REGISTER, dutch) == "The Dutch delegation"
    assert speakers_subject(["NL", "DE"], REGISTER, dutch) == "The German and Dutch delegations"


def test_a_meetings_own_speakers_are_named_by_their_phrase():
    register = REGISTER.with_speakers([Speaker(code="MAYOR", name="the Mayor", phrase="the Mayor")])
    assert speakers_subject(["MAYOR", "PRES"], register, COUNCIL) == "The Presidency and the Mayor"


@pytest.mark.parametrize(("n", "word"), [(1, "one"), (4, "four"), (13, "thirteen"), (20, "twenty"), (27, "twenty-seven"), (120, "120")])
def test_number_word(n, word):
    assert number_word(n) == word


# --- sentences ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the agenda was adopted", "The agenda was adopted."),
        ("The agenda was adopted.", "The agenda was adopted."),
        ("The agenda was adopted..", "The agenda was adopted."),
        ("Is this agreed?", "Is this agreed?"),
        ("It was so decided!", "It was so decided!"),
        ("trailing punctuation;  ", "Trailing punctuation."),
        ('He said "yes."', 'He said "yes."'),
        ("eu-LISA presented its report", "eu-LISA presented its report."),
        ("", ""),
    ],
)
def test_sentence_capitalises_and_ends_with_one_full_stop(text, expected):
    assert sentence(text) == expected


@pytest.mark.parametrize(
    ("speakers", "text", "style", "expected"),
    [
        (
            ["DE"],
            "called for support for the Czech candidate for the post of the President of Interpol",
            "council",
            "The German delegation called for support for the Czech candidate for the post of the President of Interpol.",
        ),
        (["DE"], "called for support.", "codes", "DE called for support."),
        (["PRES"], "informed on the state of play", "council", "The Presidency informed on the state of play."),
        (
            ["COM"],
            "informed the Committee of the meeting on the topic",
            "council",
            "The Commission informed the Committee of the meeting on the topic.",
        ),
        (["COM"], "submitted to the Working Party an updated state-of-play", "codes", "Cion submitted to the Working Party an updated state-of-play."),
        (
            ["the Chair of the TELECOM working part"],
            "provided an update on the state of play of negotiations on the proposal for AI Act",
            "council",
            "The Chair of the TELECOM working part provided an update on the state of play of negotiations on the proposal for AI Act.",
        ),
        (["CTC", "FR"], "presented the priorities", "council", "The French delegation and the EU CTC presented the priorities."),
        (["DE"], "The German delegation called for support.", "council", "The German delegation called for support."),
        ([], "Delegations expressed concern about the instrumentalisation of migrants", "council", "Delegations expressed concern about the instrumentalisation of migrants."),
        (["SE"], "", "council", "The Swedish delegation took the floor."),
        # shorthand that used to lose its speaker: a text with a subject of its own is kept, this is not
        (["DE"], "(supported by AT) called for more funding", "council", "The German delegation (supported by the Austrian delegation) called for more funding."),
        (["NL"], ", supported by BE and LU, called for more", "council", "The Netherlands delegation, supported by the Belgian and Luxembourg delegations, called for more."),
        (["NL"], ", supported by BE and XX, called", "council", "The Netherlands delegation, supported by BE and XX, called."),  # XX: as typed
        (["PT"], "agreed with DE", "council", "The Portuguese delegation agreed with the German delegation."),
        (["DE", "AT"], "supported, while FR opposed", "council", "The German and Austrian delegations supported, while the French delegation opposed."),
        (["DE"], "supported the text, as did FR and NL", "council", "The German delegation supported the text, as did the French and Netherlands delegations."),
        (["DE"], "agreed with IT systems staff", "council", "The German delegation agreed with IT systems staff."),  # not a list of codes
        (["PT"], "agreed with DE on the text", "council", "The Portuguese delegation agreed with the German delegation on the text."),
        (["CZ", "SK"], "Also stressed the importance", "council", "The Czech and Slovak delegations also stressed the importance."),
        (["DE"], "Welcomed the text", "council", "The German delegation welcomed the text."),
        (["FR"], '"We cannot accept this."', "council", 'The French delegation stated: "We cannot accept this."'),
        (["DE"], "scrutiny reservation", "council", "The German delegation entered a scrutiny reservation."),
        (["DE"], "Parliamentary scrutiny reservations on Article 5", "council",
         "The German delegation entered parliamentary scrutiny reservations on Article 5."),
        (["DE"], "Germany supported it", "council", "Germany supported it."),  # names its speaker: kept
        # anything else is what the speaker said: the minutes never lose who spoke
        (["DE"], "The text is acceptable to us", "council", 'The German delegation stated: "The text is acceptable to us."'),
        (["DE"], "5G networks are key", "council", 'The German delegation stated: "5G networks are key."'),
        (["IT"], "It supported the text", "council", "The Italian delegation supported the text."),
        (["BE"], "- supported the text", "council", "The Belgian delegation supported the text."),
        (["the Chair of the TELECOM WP"], "The Chair provided an update", "council", "The Chair provided an update."),
        # a code is a name as written: "is", "it", "no", "es" in the text do not name Iceland, Italy, Norway, Spain
        (["IS"], "This is fine", "council", 'The Icelandic delegation stated: "This is fine."'),
        (["IT"], "The text is what it needs", "council", 'The Italian delegation stated: "The text is what it needs."'),
        (["NO"], "There is no consensus", "council", 'The Norwegian delegation stated: "There is no consensus."'),
        (["ES"], "señaló que la cooperación es esencial", "council", 'The Spanish delegation stated: "Señaló que la cooperación es esencial."'),
        (["IT"], "IT systems are key for us", "council", "IT systems are key for us."),  # as written: taken as naming it
        # "we" typed in haste is the speaker as "We" is: reported (see test_first_person_lines_...)
        (["DE"], "we can support the text", "council", "The German delegation could support the text."),
        (["DE"], "the German delegation called for caution", "council", "The German delegation called for caution."),
        (["DE", "FR"], "positive", "council", 'The German and French delegations stated: "Positive."'),
        (["DE"], "this is fine", "council", 'The German delegation stated: "This is fine."'),
        (["AT"], "We look at the text again", "council", 'The Austrian delegation stated: "We look at the text again."'),
        (["AT"], "We supported the text", "council", "The Austrian delegation supported the text."),
        (["DE"], "strongly supported the text", "council", "The German delegation strongly supported the text."),
        (["DE"], "did not support it", "council", "The German delegation did not support it."),
        (["FR"], "didn't support it", "council", "The French delegation didn't support it."),
        (["DE"], "co-chaired the group", "council", "The German delegation co-chaired the group."),
        (["DE"], "supports the text", "council", "The German delegation supports the text."),
        (["DE"], "put forward a compromise", "council", "The German delegation put forward a compromise."),
        # named elsewhere than as the subject: still what the speaker said
        (["DE"], "we agree, as DE said before", "council", "The German delegation agreed, as DE said before."),
        (["NL"], "fine for NL", "council", 'The Netherlands delegation stated: "Fine for NL."'),
        # the occasional bodies of FORMAT.md section 5
        (["EPPO"], "stood ready", "council", "The EPPO stood ready."),
        (["EDPS"], "considered the text", "council", "The EDPS considered the text."),
        (["OLAF", "ENISA"], "presented their reports", "council", "OLAF and ENISA presented their reports."),
    ],
)
def test_intervention_sentences(speakers, text, style, expected):
    assert intervention_sentence(intervention(speakers, text), REGISTER, load_style(style)) == expected


@pytest.mark.parametrize(
    ("speakers", "text", "expected"),
    [
        # what the speaker said of itself is reported, in the past tense as minutes are
        (["NL"], "We cannot accept this", "The Netherlands delegation could not accept this."),
        (["NL"], "We need more time", "The Netherlands delegation needed more time."),  # was quoted
        (["DE"], "We can support the text", "The German delegation could support the text."),
        (["PRES"], "We will circulate a revised text", "The Presidency would circulate a revised text."),
        (["NL"], "We are not convinced", "The Netherlands delegation was not convinced."),
        (["DE", "FR"], "We are not convinced", "The German and French delegations were not convinced."),
        (["Delegations"], "We have concerns", "Delegations had concerns."),
        (["AT"], "We do not want a new text", "The Austrian delegation did not want a new text."),
        (["AT"], "We also don't see the need", "The Austrian delegation also did not see the need."),
        (["SE"], "I can’t support it", "The Swedish delegation could not support it."),
        (["DE"], "We fully support Annex I", "The German delegation fully supported Annex I."),
        (["DE"], "We must insist on Article 5", "The German delegation must insist on Article 5."),  # no shift needed
        # quoted as said: a verb not known here, or the speaker naming itself again
        (["AT"], "We look at the text again", 'The Austrian delegation stated: "We look at the text again."'),
        (["NL"], "We will send our comments", 'The Netherlands delegation stated: "We will send our comments."'),
        (["NL"], "I think we should wait", 'The Netherlands delegation stated: "I think we should wait."'),
        # the minute-taker's own words keep their tense
        (["IT"], "It cannot accept this", "The Italian delegation cannot accept this."),
        (["DE"], "supports the text", "The German delegation supports the text."),
    ],
)
def test_first_person_lines_are_reported_speech_in_the_past(speakers, text, expected):
    assert intervention_sentence(intervention(speakers, text), REGISTER, COUNCIL) == expected


@pytest.mark.parametrize(
    ("speakers", "text", "deadline", "expected"),
    [
        ([], "Delegations were invited to send comments", "by 30 July 2014", "Delegations were invited to send comments by 30 July 2014."),
        ([], "Delegations were invited to send comments.", "30 July 2014", "Delegations were invited to send comments by 30 July 2014."),
        (
            ["COM"],
            "invited delegations to communicate their comments",
            "by 30 July 2014",
            "The Commission invited delegations to communicate their comments by 30 July 2014.",
        ),
        (["PRES"], "will circulate a revised text by Friday", "by Friday", "The Presidency will circulate a revised text by Friday."),
        # a bare verb is what the addressee was invited to do
        (["COM"], "present a progress report", "3 December 2021",
         "The Commission was invited to present a progress report by 3 December 2021."),
        (["Delegations"], "send comments", "by 30 July 2014", "Delegations were invited to send comments by 30 July 2014."),
        (["DE", "FR"], "to submit a joint paper", "", "The German and French delegations were invited to submit a joint paper."),
        (["PRES"], "circulates the text; delegations discuss it", "", "The Presidency circulates the text; delegations discuss it."),
        (["COM"], "assess the impact", "", "The Commission was invited to assess the impact."),
        (["COM"], "proceed with the impact assessment", "", "The Commission was invited to proceed with the impact assessment."),
        (["COM"], "cross-check the data", "", "The Commission was invited to cross-check the data."),
        (["COM"], "came back with figures", "", "The Commission came back with figures."),
        (["COM"], "did the analysis", "", "The Commission did the analysis."),
        ([], "A progress report will be presented to the Council on 3 December 2021", "", "A progress report will be presented to the Council on 3 December 2021."),
        ([], "", "", ""),
        # the addressee is never lost: a capital typed out of habit, another language, a number
        (["COM"], "Prepare a report", "June 2025", "The Commission was invited to prepare a report by June 2025."),
        (["FR"], "élaborer une note", "", "The French delegation was invited to élaborer une note."),
        (["DE"], "3 reports", "June 2025", "Action for the German delegation: 3 reports by June 2025."),
        (["COM"], "EU-LISA to be consulted", "", "Action for the Commission: EU-LISA to be consulted."),
        # "read", "set", "put" are to be done, not done; with nobody named, no order to the reader
        (["Delegations"], "read the draft", "", "Delegations were invited to read the draft."),
        (["PRES"], "set a date for the next meeting", "", "The Presidency was invited to set a date for the next meeting."),
        ([], "send comments", "30 July 2014", "Action: send comments by 30 July 2014."),
    ],
)
def test_action_sentences(speakers, text, deadline, expected):
    entry = Entry(id=1, item_id=1, kind=EntryKind.ACTION, text=text, speakers=speakers, deadline=deadline)
    assert action_sentence(entry, REGISTER, COUNCIL) == expected


@pytest.mark.parametrize(
    ("speakers", "text", "expected"),
    [
        (["COM"], "prepare a report", "Action: the Commission to prepare a report by 30 June."),
        (["DE", "FR"], "to send comments", "Action: France and Germany to send comments by 30 June."),
        (["COM"], "came back with figures", "The Commission came back with figures by 30 June."),  # done, not to do
        (["all members"], "review the report", "Action: all members to review the report by 30 June."),
    ],
)
def test_a_board_lists_actions_as_actions(speakers, text, expected):
    """"The Chief Executive was invited to sign the contract" reads oddly in a company's minutes."""
    entry = Entry(id=1, item_id=1, kind=EntryKind.ACTION, text=text, speakers=speakers, deadline="30 June")
    assert action_sentence(entry, REGISTER, load_style("board")) == expected


def test_attendance_sentences_count_the_delegations_and_name_the_others():
    remote = [Attendance(code, "remote") for code in ("PT", "EE", "COM", "IT")] + [Attendance("EE", "remote")]
    assert attendance_sentences(remote + [Attendance("DE", "present")], REGISTER, COUNCIL) == [
        "Three delegations (EE, IT and PT) and the Commission were also connected in videoconference."
    ]
    assert attendance_sentences([Attendance("COM", "absent")], REGISTER, COUNCIL) == ["The Commission did not attend the meeting."]
    assert attendance_sentences([Attendance("EE", "remote")], REGISTER, COUNCIL) == [
        "One delegation (EE) was also connected in videoconference."
    ]
    assert attendance_sentences([Attendance("the Mayor", "absent"), Attendance("UK", "absent")], REGISTER, COUNCIL) == [
        "One delegation (UK) and the Mayor did not attend the meeting."  # a code is counted, a name as typed
    ]
    board = [Attendance("DE", "remote"), Attendance("AT", "remote")]
    assert attendance_sentences(board, REGISTER, load_style("board")) == [
        "Two members (Austria and Germany) were also connected in videoconference."  # the style's alphabetical order
    ]


# --- outcomes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (
            "endorsed the recommendations to the EU Threat assessment in the field of counterterrorism as set out in 13682/21",
            "endorsed",
            "The Committee endorsed the recommendations to the EU Threat assessment in the field of counterterrorism as set out in 13682/21.",
        ),
        (
            "confirmed the composition of the Steering Group of the EU Innovation Hub for Internal Security, as set out in doc 13684/21",
            "confirmed",
            "The Committee confirmed the composition of the Steering Group of the EU Innovation Hub for Internal Security, as set out in doc 13684/21.",
        ),
        ("COSI took note of the information provided by the Presidency.", "took_note", "COSI took note of the information provided by the Presidency."),
        ("COSI took note of the items concluded by COSI SG, as set out in 13685/21", "took_note", "COSI took note of the items concluded by COSI SG, as set out in 13685/21."),
        ("The Committee exchanged views with the EU CTC on priorities and way forward in counter-terrorism.", "exchanged_views", "The Committee exchanged views with the EU CTC on priorities and way forward in counter-terrorism."),
        ("It was concluded that a more comprehensive intelligence picture is needed", "", "It was concluded that a more comprehensive intelligence picture is needed."),
        ("agreed on a revised mandate for the forthcoming trilogue.", "agreed", "The Committee agreed on a revised mandate for the forthcoming trilogue."),
    ],
)
def test_outcome_text_is_kept_or_given_the_body_as_subject(text, code, expected):
    assert outcome_sentence(outcome(text, code), item(), COSI, COUNCIL) == expected


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        # a text that only qualifies the verb goes on the standard phrase, which has the object it lacks
        ("adopted with the addition of an AOB item requested by LT", "Adoption of the agenda",
         "The agenda as set out in CM 5119/21 was adopted with the addition of an AOB item requested by LT."),
        ("adopted with amendments", "Draft conclusions", "The Committee adopted the text as set out in 13682/21 with amendments."),
        ("postponed to the next meeting", "Draft conclusions", "The item was postponed to the next meeting."),
        ("adopted the agenda with one change", "Adoption of the agenda", "The Committee adopted the agenda with one change."),
        ("agreed on the compromise", "Draft conclusions", "The Committee agreed on the compromise."),
        ("agreed to continue discussions on a revised text", "Draft conclusions", "The Committee agreed to continue discussions on a revised text."),
        ("endorsed for submission to Coreper", "Draft conclusions", "The Committee endorsed for submission to Coreper."),
        ("exchanged views on the text", "Draft conclusions", "The Committee exchanged views on the text."),
        # a sentence of its own, and a verb alone with its full stop
        ("it was agreed to revert to the item", "Draft conclusions", "It was agreed to revert to the item."),
        ("took note.", "Draft conclusions", "The Committee took note of the information provided, as set out in 13682/21."),
    ],
)
def test_an_outcome_as_typed_reads_as_a_whole_sentence(line, title, expected):
    code, text = outcome_code_from_text(line)
    agenda_item = item(title, ["13682/21"] if title.startswith("Draft") else [])
    assert outcome_sentence(outcome(text, code), agenda_item, COSI, COUNCIL) == expected


def test_the_standard_phrase_names_the_documents_that_hold_the_decision():
    docs = ["6712/24", "WK 3261/24", "6712/24 ADD 1 (to be issued)"]
    assert outcome_sentence(outcome("", "endorsed"), item("Draft conclusions", docs), COSI, COUNCIL) == (
        "The Committee endorsed the text as set out in 6712/24.")
    assert outcome_sentence(outcome("", "endorsed"), item("Non-paper", ["WK 3261/24"]), COSI, COUNCIL) == (
        "The Committee endorsed the text as set out in WK 3261/24.")  # the only one


@pytest.mark.parametrize(
    ("line", "expected"),
    [  # the reference's items 6.2, 7.3 and 10
        ("endorsed the procedure on enhanced security checks",
         "The Committee endorsed the procedure on enhanced security checks as set out in 13683/21."),
        ("confirmed the composition of the Steering Group.",
         "The Committee confirmed the composition of the Steering Group as set out in 13683/21."),
        ("took note of the items concluded by COSI SG",
         "The Committee took note of the items concluded by COSI SG, as set out in 13683/21."),
        # it names a document already, or says how rather than what
        ("endorsed the procedure set out in WK 1234/21", "The Committee endorsed the procedure set out in WK 1234/21."),
        ("endorsed the text as amended by the Presidency as set out in 13683/21 REV 1",
         "The Committee endorsed the text as amended by the Presidency as set out in 13683/21 REV 1."),
        ("endorsed for submission to Coreper", "The Committee endorsed for submission to Coreper."),
        ("exchanged views on the procedure", "The Committee exchanged views on the procedure."),
        # said, not set out in a document; working papers and documents to be issued hold no decision
        ("took note of the presentation by the Commission", "The Committee took note of the presentation by the Commission."),
        ("endorsed the draft conclusions", "The Committee endorsed the draft conclusions as set out in 13683/21."),
    ],
)
def test_a_typed_outcome_names_the_items_documents_as_the_standard_phrase_does(line, expected):
    code, text = outcome_code_from_text(line)
    docs = ["13683/21", "WK 3261/24", "13683/21 ADD 1 (to be issued)"]
    assert outcome_sentence(outcome(text, code), item("Procedure", docs), COSI, COUNCIL) == expected


def test_outcome_text_takes_the_short_name_in_the_cosi_style():
    entry = outcome("exchanged views on COVID-19 recovery funds", "exchanged_views")
    assert outcome_sentence(entry, item(), COSI, load_style("cosi")) == "COSI exchanged views on COVID-19 recovery funds."


@pytest.mark.parametrize(
    ("title", "doc_refs", "details", "expected"),
    [
        ("Adoption of the agenda", ["CM 5119/21"], MeetingDetails(), "The agenda as set out in CM 5119/21 was adopted."),
        ("Adoption of the agenda", [], COSI, "The agenda as set out in CM 5119/21 was adopted."),
        ("Adoption of the agenda for the morning", [], MeetingDetails(), "The agenda was adopted."),
        ("Approval of the draft agenda", ["CM 1995/16"], MeetingDetails(), "The agenda as set out in CM 1995/16 was adopted."),
    ],
)
def test_the_agenda_has_its_own_adoption_phrase(title, doc_refs, details, expected):
    assert outcome_sentence(outcome("", "adopted"), item(title, doc_refs), details, COUNCIL) == expected


@pytest.mark.parametrize(
    ("title", "doc_refs", "expected"),
    [
        ("Minutes of the meeting of 2 December 2025", ["BD 2025/14"],
         "The minutes of the meeting of 2 December 2025 as set out in BD 2025/14 were approved."),
        ("Approval of the minutes of the previous meeting", [], "The minutes of the previous meeting were approved."),
        ("Approval of the minutes of 24 February 2026", [], "The minutes of 24 February 2026 were approved."),
        ("Draft conclusions", [], "The Board approved the text."),
    ],
)
def test_earlier_minutes_have_their_own_approval_phrase(title, doc_refs, expected):
    """A board approving its previous minutes did not approve "the text as set out in BD 2025/14"."""
    board = MeetingDetails(body_name="the Board")
    assert outcome_sentence(outcome("", "approved"), item(title, doc_refs), board, load_style("board")) == expected


@pytest.mark.parametrize(
    ("code", "style", "it", "expected"),
    [
        ("took_note", "cosi", item(), "COSI took note of the information provided."),
        ("took_note", "cosi", item(presenter="Presidency"), "COSI took note of the information provided by the Presidency."),
        ("took_note", "council", item(presenter="Commission"), "The Committee took note of the information provided by the Commission."),
        ("took_note", "council", item(presenter="INTCEN"), "The Committee took note of the information provided by INTCEN."),
        ("took_note", "council", item(presenter="the Belgian Ministry"), "The Committee took note of the information provided by the Belgian Ministry."),
        ("endorsed", "council", item(doc_refs=["13683/21"]), "The Committee endorsed the text as set out in 13683/21."),
        ("approved", "council", item(doc_refs=["13682/21", "13683/21"]), "The Committee approved the text as set out in 13682/21 and 13683/21."),
        ("exchanged_views", "cosi", item("COVID-19 recovery funds"), "COSI exchanged views on COVID-19 recovery funds."),
        ("postponed", "council", item(), "The item was postponed."),
        ("took_note", "board", item(presenter="Presidency"), "The Committee noted the report by the Presidency."),
        ("", "council", item(), ""),
    ],
)
def test_standard_phrases_when_the_outcome_has_no_text(code, style, it, expected):
    assert outcome_sentence(outcome("", code), it, COSI, load_style(style)) == expected


@pytest.mark.parametrize("code", OUTCOME_CODES)
def test_every_outcome_code_has_a_label_and_a_phrase(code):
    assert OUTCOME_LABELS[code]
    assert outcome_sentence(outcome("", code), item(), COSI, COUNCIL).endswith(".")
    assert outcome_code_from_text(code) == (code, "")
    assert outcome_code_from_text(OUTCOME_LABELS[code]) == (code, "")


@pytest.mark.parametrize(
    ("line", "code", "text"),
    [
        ("endorsed the procedure as set out in 13683/21", "endorsed", "endorsed the procedure as set out in 13683/21"),
        ("Endorsed the procedure", "endorsed", "endorsed the procedure"),
        ("took note", "took_note", ""),
        ("took_note", "took_note", ""),
        ("TOOK_NOTE", "took_note", ""),
        ("took_note of the items concluded by COSI SG", "took_note", "took note of the items concluded by COSI SG"),
        ("took_note COSI took note of the information provided.", "took_note", "COSI took note of the information provided."),
        ("took note of the future priorities", "took_note", "took note of the future priorities"),
        ("exchanged views on COVID-19 recovery funds", "exchanged_views", "exchanged views on COVID-19 recovery funds"),
        ("exchanged_views", "exchanged_views", ""),
        ("expressed overall support for the plan", "expressed_support", "expressed overall support for the plan"),
        ("expressed support", "expressed_support", ""),
        ("postponed", "postponed", ""),
        ("withdrawn", "withdrawn", ""),
        ("no discussion", "no_discussion", ""),
        ("approved", "approved", ""),
        ("adopted", "adopted", ""),
        ("confirmed the composition", "confirmed", "confirmed the composition"),
        ("agreed on a mandate", "agreed", "agreed on a mandate"),
        ("decided to renew the contract", "agreed", "decided to renew the contract"),  # a decision: what was agreed
        ("COSI took note of the information provided by the Presidency.", "took_note", "COSI took note of the information provided by the Presidency."),
        ("The Committee agreed on a mandate for negotiations", "agreed", "The Committee agreed on a mandate for negotiations"),
        ("Delegations expressed concern about migrants", "", "Delegations expressed concern about migrants"),
        ("It was concluded that a more comprehensive picture is needed and agreed", "", "It was concluded that a more comprehensive picture is needed and agreed"),
        ("disagreed", "", "disagreed"),
        ("", "", ""),
    ],
)
def test_outcome_code_from_text(line, code, text):
    assert outcome_code_from_text(line) == (code, text)


# --- house styles as data ----------------------------------------------------------------------


def test_package_styles():
    assert {"council", "codes", "board"} <= set(style_names())
    assert load_style() == load_style("council")
    assert COUNCIL.phrases["NL"] == "the Netherlands delegation"
    assert load_style("cosi").body == "short_name"


def test_unknown_style_and_bad_settings_are_refused(tmp_path: Path):
    with pytest.raises(KeyError):
        load_style("no such style")
    path = tmp_path / "styles.toml"
    path.write_text('[typo]\ndelegatons = "code"\n[bad]\norder = "random"\n[yes]\nlist_present = "yes"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="delegatons"):
        load_style("typo", path)
    with pytest.raises(ValueError, match="order"):
        load_style("bad", path)
    with pytest.raises(ValueError, match="list_present must be true or false"):
        load_style("yes", path)


def test_a_style_can_be_loaded_from_another_file(tmp_path: Path):
    path = tmp_path / "styles.toml"
    path.write_text(
        """
        [wp]
        delegations = "name"
        group_threshold = 2
        group_format = "{count} Member States ({list})"
        group_list = "code"
        body = "short_name"

        [wp.phrases]
        COM = "Cion"

        [wp.outcomes]
        took_note = "{Body} took note of the presentation made{by_presenter}."
        agenda_adopted = "{Body} adopted the agenda{refs}, without any additional items."
        """,
        encoding="utf-8",
    )
    wp = load_style("wp", path)
    assert wp == HouseStyle.from_toml(path, "wp")
    assert style_names(path) == ["wp"]
    assert speakers_subject(["EE", "SE"], REGISTER, wp) == "Estonia and Sweden"
    assert speakers_subject(["EE", "SE", "IT"], REGISTER, wp) == "Three Member States (EE, IT and SE)"
    assert speakers_subject(["COM"], REGISTER, wp) == "Cion"
    details = MeetingDetails(short_name="The WPI")
    assert outcome_sentence(outcome("", "took_note"), item(presenter="INTCEN"), details, wp) == (
        "The WPI took note of the presentation made by INTCEN."
    )
    assert outcome_sentence(outcome("", "adopted"), item("Adoption of the agenda", ["CM 5125/1/19 REV 1"]), details, wp) == (
        "The WPI adopted the agenda as set out in CM 5125/1/19 REV 1, without any additional items."
    )


@pytest.mark.parametrize(("committee", "body_name", "body"), [
    ("Standing Committee on Operational Cooperation on Internal Security (COSI)", "the Committee", "the Committee"),
    ("Working Party on Terrorism (TWP)", "the Committee", "the Working Party"),  # "the Committee" is the default
    ("Council Working Party on Frontiers", "", "the Working Party"),
    ("Board of Directors of Northwind Shipping Ltd", "the Committee", "the Board"),
    ("Riverton City Council", "the Committee", "the Council"),
    ("COREPER (Part 2)", "the Committee", "the Committee"),
    ("Working Party on Terrorism", "the Group", "the Group"),  # named by the agenda: as named
])
def test_the_body_is_named_for_what_it_is(committee, body_name, body):
    assert body_subject(MeetingDetails(committee=committee, body_name=body_name), COUNCIL) == body


def test_a_statement_is_titled_with_its_speakers_named_mid_sentence():
    entry = Entry(id=1, item_id=1, kind=EntryKind.STATEMENT, text="Text.", speakers=["The Chair of CATS"])
    assert statement_title(entry, REGISTER, COUNCIL) == "Statement by the Chair of CATS"
    assert speakers_named(["DE", "FR"], REGISTER, COUNCIL) == "the German and French delegations"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Draft Council conclusions on protecting public spaces",
         "The Committee exchanged views on draft Council conclusions on protecting public spaces."),
        ("Rehabilitation programmes", "The Committee exchanged views on rehabilitation programmes."),
        ("Europol's operational priorities", "The Committee exchanged views on Europol's operational priorities."),
        ("COVID-19 recovery funds", "The Committee exchanged views on COVID-19 recovery funds."),
        ("Counter-terrorism: priorities", "The Committee exchanged views on counter-terrorism: priorities."),
        ("Prisons and radicalisation", "The Committee exchanged views on prisons and radicalisation."),
    ],
)
def test_a_title_quoted_in_the_standard_phrase_reads_as_part_of_the_sentence(title, expected):
    assert outcome_sentence(outcome("", "exchanged_views"), item(title), COSI, COUNCIL) == expected


@pytest.mark.parametrize(("title", "mode", "code"), [
    ("Adoption of the agenda", "", "adopted"),
    ("Approval of the agenda", "", "approved"),
    ("Minutes of the meeting of 2 December 2025", "", "approved"),
    ("Adoption of the minutes of the last meeting", "", "adopted"),
    ("Draft conclusions on missing persons", "Possible endorsement", "endorsed"),
    ("Draft conclusions on protecting public spaces", "Exchange of views", "exchanged_views"),
    ("Information by the Presidency", "Information", "took_note"),
    ("Renewal of the office lease", "For decision", "agreed"),
    ("AOB", "", "took_note"),
])
def test_the_outcome_suggested_for_an_item_follows_its_title_and_mode(title, mode, code):
    from minutes_tui.core.phrasing import suggested_outcome

    assert suggested_outcome(AgendaItem(id=1, number="1.", title=title, mode=mode)) == code


# --- reported speech, action addressees and titles in a sentence (review fixes) -----------------


@pytest.mark.parametrize(
    ("speakers", "text", "expected"),
    [
        # "we" typed in lower case is the speaker, as "We" is: reported, not quoted
        (["FI"], "we support the text", "The Finnish delegation supported the text."),
        (["SE"], "i can’t support it", "The Swedish delegation could not support it."),
        # and still quoted where "We" would be
        (["NL"], "we will send our comments", 'The Netherlands delegation stated: "We will send our comments."'),
        (["AT"], "we look at the text again", 'The Austrian delegation stated: "We look at the text again."'),
    ],
)
def test_first_person_in_lower_case_is_reported_as_in_capitals(speakers, text, expected):
    assert intervention_sentence(intervention(speakers, text), REGISTER, COUNCIL) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was thought or said shifts into the past with the verb that reports it
        ("I think the text is fine", "The Netherlands delegation thought the text was fine."),
        ("We consider it is important to have a text", "The Netherlands delegation considered it was important to have a text."),
        ("We feel that the compromise does not go far enough", "The Netherlands delegation felt that the compromise did not go far enough."),
        ("We think political will is lacking", "The Netherlands delegation thought political will was lacking."),
        ("We find the text is too long", "The Netherlands delegation found the text was too long."),
        ("We say the text can be accepted", "The Netherlands delegation said the text could be accepted."),
        ("We believe delegations have concerns", "The Netherlands delegation believed delegations had concerns."),
        # only an auxiliary shifts; a modal, "to have" or any other verb is left as said
        ("We believe the text goes too far", "The Netherlands delegation believed the text goes too far."),
        ("We think the Presidency should have more time", "The Netherlands delegation thought the Presidency should have more time."),
        ("We think delegations need to have more time", "The Netherlands delegation thought delegations need to have more time."),
        ("We think they don't have the figures", "The Netherlands delegation thought they don't have the figures."),
        # not after a verb of thinking or saying
        ("We support the text, which is balanced", "The Netherlands delegation supported the text, which is balanced."),
    ],
)
def test_what_was_thought_or_said_follows_the_reporting_verb_into_the_past(text, expected):
    assert intervention_sentence(intervention(["NL"], text), REGISTER, COUNCIL) == expected


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        # the addressee typed without a colon, before "to" (the session passes no speakers then)
        ("Presidency to circulate a new compromise", "council", "The Presidency was invited to circulate a new compromise."),
        ("Presidency to circulate a new compromise", "board", "Action: the Presidency to circulate a new compromise."),
        ("DE and FR to submit a joint paper", "council", "The German and French delegations were invited to submit a joint paper."),
        ("Delegations to send comments", "council", "Delegations were invited to send comments."),
        ("Board to review the plan", "board", "Action: the Board to review the plan."),
        # no addressee: as typed
        ("Talk to the Presidency", "council", "Talk to the Presidency."),
        ("EU-LISA to be consulted", "council", "EU-LISA to be consulted."),
        ("Presidency to be consulted", "council", "Presidency to be consulted."),
        ("Delegations to the meeting were informed", "council", "Delegations to the meeting were informed."),
    ],
)
def test_an_action_s_addressee_may_be_typed_without_a_colon(text, style, expected):
    entry = Entry(id=1, item_id=1, kind=EntryKind.ACTION, text=text, speakers=[])
    assert action_sentence(entry, REGISTER, load_style(style)) == expected


def test_a_body_named_by_its_kind_is_named_with_the():
    """"/action Board: review the plan" read "Action: Board to review the plan."."""
    entry = Entry(id=1, item_id=1, kind=EntryKind.ACTION, text="review the plan", speakers=["Board"])
    assert action_sentence(entry, REGISTER, load_style("board")) == "Action: the Board to review the plan."
    assert action_sentence(entry, REGISTER, COUNCIL) == "The Board was invited to review the plan."
    assert intervention_sentence(intervention(["the Committee"], "agreed"), REGISTER, COUNCIL) == "The Committee agreed."
    assert speakers_named(["Ms Jansen"], REGISTER, COUNCIL) == "Ms Jansen"  # a person: as typed


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a single thing, named by common nouns: "the"
        ("Capital improvement plan 2026-2030", "the capital improvement plan 2026-2030"),
        ("Threat assessment", "the threat assessment"),
        ("Fleet renewal plan", "the fleet renewal plan"),
        ("Lease renewal for the Eastside library branch", "the lease renewal for the Eastside library branch"),
        ("Presentation of the work programme of the incoming French Presidency",
         "the presentation of the work programme of the incoming French Presidency"),
        ("Follow-up to the terrorist attack in Moscow", "the follow-up to the terrorist attack in Moscow"),
        # plurals, what is not counted, an adjective alone, a name, an article: as before
        ("Draft Council conclusions on protecting public spaces", "draft Council conclusions on protecting public spaces"),
        ("Annual accounts 2025", "annual accounts 2025"),
        ("Prisons and radicalisation (continued)", "prisons and radicalisation (continued)"),
        ("Counter-terrorism: priorities and way forward", "counter-terrorism: priorities and way forward"),
        ("Information by the Presidency", "information by the Presidency"),
        ("Digital", "digital"),
        ("Public comment", "public comment"),
        ("COVID-19 recovery funds", "COVID-19 recovery funds"),
        ("EU migrant smuggling action plan: operational cooperation aspects",
         "EU migrant smuggling action plan: operational cooperation aspects"),
        ("The plan", "the plan"),
    ],
)
def test_a_common_noun_title_takes_the_in_the_standard_phrase(title, expected):
    assert outcome_sentence(outcome("", "exchanged_views"), item(title), COSI, COUNCIL) == f"The Committee exchanged views on {expected}."
    assert outcome_sentence(outcome("", "expressed_support"), item(title), COSI, COUNCIL) == f"The Committee expressed support for {expected}."


@pytest.mark.parametrize(("said", "expected"), [
    ("I would like to thank the Presidency", "The Polish delegation thanked the Presidency."),
    ("We would like to stress the importance of data", "The Polish delegation stressed the importance of data."),
    ("We thank the Commission", "The Polish delegation thanked the Commission."),
    ("We would like to see a new text", "The Polish delegation would like to see a new text."),  # a wish, as said
])
def test_a_courtesy_before_saying_something_reports_what_was_said(said, expected):
    assert intervention_sentence(intervention(["PL"], said), REGISTER, COUNCIL) == expected
