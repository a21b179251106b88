"""The archive: search queries, filters, statistics, status and versions on a generated set of meetings."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime

import pytest

from agenda_samples import small_agenda
from minutes_tui.core import archive
from minutes_tui.core.archive import ArchiveError, Query, parse_query
from minutes_tui.core.clock import FrozenClock
from minutes_tui.core.session import Session
from minutes_tui.core.store import IndexNotWritten

TODAY = date(2022, 2, 10)


def speak(session: Session, clock: FrozenClock, codes: tuple[str, ...], text: str, seconds: int) -> None:
    session.queue_add(codes)
    session.give_floor()
    clock.advance(seconds=seconds)
    session.end_floor(text)


def hold_meeting(store, short_name: str, day: date, lines: list[tuple[tuple[str, ...], str, int]],
                 planned: int = 10) -> int:
    """A meeting on `day`: items planned at `planned` minutes each, `lines` spoken on item 2.1, then ended."""
    agenda = small_agenda()
    agenda.details = replace(agenda.details, short_name=short_name, committee=f"Committee ({short_name})",
                             meeting_date=day)
    agenda.items = [replace(i, planned_minutes=planned) for i in agenda.items]
    clock = FrozenClock(datetime.combine(day, datetime.min.time()).replace(hour=10))
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.go_next()  # 1. Adoption of the agenda
    clock.advance(minutes=2)
    session.go_to("2.1")
    for codes, text, seconds in lines:
        speak(session, clock, codes, text, seconds)
    session.go_to("3")
    clock.advance(minutes=1)
    session.end_meeting()
    return session.meeting_id


@pytest.fixture
def meetings(store) -> dict[str, int]:
    return {
        "cosi-nov": hold_meeting(store, "COSI", date(2021, 11, 22), [
            (("DE",), "Terrorist threat remains high. We support the recommendations.", 120),
            (("FR", "NL"), "called for closer cooperation with Europol.", 60),
            (("DE",), "asked about the timeline.", 30),
        ], planned=1),
        "cosi-dec": hold_meeting(store, "COSI", date(2021, 12, 10), [
            (("FR",), "The threat from returning fighters is increasing.", 300),
        ]),
        "cats-jan": hold_meeting(store, "CATS", date(2022, 1, 15), [
            (("DE",), "supported the draft conclusions on judicial cooperation.", 90),
        ]),
    }


# --- query parsing --------------------------------------------------------------------------------


def test_parse_query_separates_text_and_filters():
    query = parse_query('threat "closer cooperation" speaker:german committee:COSI since 1 Nov 2021', TODAY)
    assert query == Query(text='threat "closer cooperation"', speakers=["DE"], committees=["COSI"],
                          start=date(2021, 11, 1))


def test_a_filter_takes_a_quoted_value_of_several_words():
    """committee:"Riverton City Council" gave no match: the value stopped at its first space."""
    query = parse_query('speaker:"Ms Jansen" committee:"Riverton City Council" budget', TODAY)
    assert (query.speakers, query.committees, query.text) == (["Ms Jansen"], ["Riverton City Council"], "budget")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("before 2022-01-01", None, date(2022, 1, 1)),
        ("until 2021-12-10", None, date(2021, 12, 11)),
        ("after 10/12/2021", date(2021, 12, 11), None),  # day first, as in Europe
        ("since:2021-11-05", date(2021, 11, 5), None),
        ("last month", date(2022, 1, 1), date(2022, 2, 1)),
        ("this year", date(2022, 1, 1), date(2023, 1, 1)),
        ("last week", date(2022, 1, 31), date(2022, 2, 7)),
        ("since Nov 2021 before today", date(2021, 11, 1), date(2022, 2, 10)),
    ],
)
def test_date_ranges(text, start, end):
    query = parse_query(text, TODAY)
    assert (query.start, query.end, query.text) == (start, end, "")


def test_a_range_with_no_day_in_it_is_refused_not_answered_with_nothing():
    with pytest.raises(ArchiveError, match=r"^no day is both since 01 Jan 2024 and until 31 Dec 2023: swap them\?$"):
        parse_query("since 1 Jan 2024 until 31 Dec 2023", TODAY)
    assert parse_query("since 1 Jan 2024 until 1 Jan 2024", TODAY).end == date(2024, 1, 2)  # one day


def test_date_words_without_a_date_stay_search_words():
    assert parse_query("measures taken since the attack", TODAY).text == "measures taken since the attack"


def test_a_bad_date_is_a_one_line_error():
    with pytest.raises(ArchiveError, match="not a date"):
        parse_query("since 45 Nov 2021", TODAY)


# --- search ---------------------------------------------------------------------------------------


def test_search_words_return_the_matching_sentence_highlighted(store, meetings):
    hits = archive.search(store, "recommendations", TODAY)
    assert [(h.meeting_id, h.item_number, h.speakers) for h in hits] == [(meetings["cosi-nov"], "2.1.", ["DE"])]
    assert hits[0].snippet == "We support the [recommendations]."


def test_search_by_speaker_committee_and_dates(store, meetings):
    assert {h.meeting_id for h in archive.search(store, "threat speaker:FR", TODAY)} == {meetings["cosi-dec"]}
    assert {h.meeting_id for h in archive.search(store, "speaker:DE committee:CATS", TODAY)} == {meetings["cats-jan"]}
    found = archive.search(store, "speaker:DE before 1 Dec 2021", TODAY)
    assert [h.snippet for h in found] == [
        "Terrorist threat remains high. We support the recommendations.", "asked about the timeline."
    ]
    [title] = archive.search(store, "threat last month", TODAY)  # CATS spoke of no threat, but has the item
    assert (title.meeting_id, title.kind, title.snippet) == (meetings["cats-jan"], "item", "[Threat] assessment")


def test_a_result_without_text_says_what_it_is_and_names_its_meeting(store, clock):
    """A turn ended without a gist, a dash point, a committee without a short name: nothing blank."""
    agenda = small_agenda()
    agenda.details = replace(agenda.details, short_name="", committee="Working Party on Terrorism")
    agenda.items[0].number = "–"
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.go_to_item(session.meeting.items[0].id)
    speak(session, clock, ("SE",), "", 30)
    [hit] = archive.search(store, "speaker:SE", TODAY)
    assert (hit.committee, hit.snippet) == ("Working Party on Terrorism", "(took the floor)")
    assert hit.item_name == f"“{session.meeting.items[0].title}”"


def test_a_person_named_in_free_text_is_found_by_any_words_of_the_name(store, clock):
    """"Ms Jansen: expressed concern" was found by no speaker: filter; a code is still a whole word."""
    session = Session(store, store.create_meeting(small_agenda(), clock.now()), clock)
    session.go_next()
    session.apply_line("Ms Jansen: expressed concern about the financing")
    session.apply_line("Mr Smith: agreed")
    for query in ("speaker:Jansen", 'speaker:"Ms Jansen"', "speaker:jansen"):
        assert [h.speakers for h in archive.search(store, query, TODAY)] == [["Ms Jansen"]], query
    assert archive.search(store, "speaker:IT", TODAY) == [] and archive.search(store, "speaker:%", TODAY) == []


def test_search_phrases_and_item_titles(store, meetings):
    assert [h.kind for h in archive.search(store, '"closer cooperation"', TODAY)] == ["intervention"]
    titles = archive.search(store, "security checks committee:CATS", TODAY)
    assert [(h.kind, h.snippet) for h in titles] == [("item", "[Security] [checks]")]


def test_a_search_says_what_it_could_not_index(store, meetings, monkeypatch):
    assert archive.search(store, "threat", TODAY) and archive.unsearched_note(store, parse_query("threat", TODAY)) == ""  # indexed first
    hold_meeting(store, "COSI", date(2022, 2, 1), [(("DE",), "raised the threat of drones.", 60)])
    def read_only() -> int:
        raise IndexNotWritten("the database is read-only")

    monkeypatch.setattr(store, "index_pending", read_only)
    assert {h.meeting_id for h in archive.search(store, "drones", TODAY)} == set()
    assert archive.unsearched_note(store, parse_query("drones", TODAY)) == (
        "1 newest entry could not be indexed here (the database cannot be written) and is not searched")


def test_search_text_is_never_sql(store, meetings):
    assert archive.search(store, "'; DROP TABLE entries; -- speaker:x'); committee:\"", TODAY) == []
    assert store.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 5


# --- archive listing --------------------------------------------------------------------------------


def test_archive_filters_and_sorts(store, meetings):
    dates = lambda found: [m.meeting_date.isoformat() for m in found]  # noqa: E731
    assert dates(archive.list_archive(store, "", TODAY)) == ["2022-01-15", "2021-12-10", "2021-11-22"]
    assert dates(archive.list_archive(store, "cosi", TODAY, descending=False)) == ["2021-11-22", "2021-12-10"]
    assert dates(archive.list_archive(store, "since 1 Dec 2021", TODAY, "committee", False)) == [
        "2022-01-15", "2021-12-10"
    ]
    [jan] = archive.list_archive(store, "last month", TODAY)
    assert (jan.short_name, jan.items, jan.interventions) == ("CATS", 5, 1)


# --- statistics -------------------------------------------------------------------------------------


def test_speaker_stats_for_one_meeting_and_a_range(store, meetings):
    one = archive.speaker_stats(store, meetings["cosi-nov"])
    assert [(s.code, s.interventions, s.seconds) for s in one] == [("DE", 2, 150), ("FR", 1, 60), ("NL", 1, 60)]
    across = archive.speaker_stats(store, query=parse_query("before 2022-01-01", TODAY))
    assert [(s.code, s.interventions, s.seconds) for s in across] == [("FR", 2, 360), ("DE", 2, 150), ("NL", 1, 60)]


def test_a_speaker_never_timed_has_no_speaking_time_not_zero(store, meetings, clock):
    """Lines typed without the queue have no end: "0:00" claimed they were timed and took no time."""
    session = Session(store, meetings["cats-jan"], clock)
    session.go_to("2.1")
    session.apply_line("IT supported the conclusions")  # untimed
    session.apply_line("DE also stressed the deadline")  # untimed, but DE has a timed turn
    stats = {s.code: s for s in archive.speaker_stats(store, meetings["cats-jan"])}
    assert (stats["IT"].interventions, stats["IT"].time, archive.format_duration(stats["IT"].time)) == (1, None, "–")
    assert (stats["DE"].interventions, stats["DE"].time, archive.format_duration(stats["DE"].time)) == (2, 90, "1:30")


def test_item_times_longest_items_and_overruns(store, meetings):
    times = {t.number: (t.planned_minutes, t.seconds) for t in archive.item_times(store, meetings["cosi-nov"])}
    assert times == {"1.": (1, 120), "2.": (1, None), "2.1.": (1, 210), "2.2.": (1, None), "3.": (1, 60)}
    longest = archive.item_times(store, longest=2)
    assert [(t.committee, t.number, t.seconds) for t in longest] == [("COSI", "2.1.", 300), ("COSI", "2.1.", 210)]
    # cosi-nov: 6 minutes 30 against 4 planned (item 2. only holds 2.1. and 2.2., so its own minute does
    # not count twice); the others stay within their planned time.
    [overrun] = archive.overruns(store)
    assert (overrun.meeting_id, overrun.seconds, overrun.over_seconds) == (meetings["cosi-nov"], 390, 150)
    # one item without a plan: the plan is not the meeting's, and no overrun is claimed (it was +1:58:00
    # for a working party that planned its one 20′ item)
    store.conn.execute("UPDATE items SET planned_minutes = NULL WHERE meeting_id = ? AND number = '3.'", [meetings["cosi-nov"]])
    assert archive.overruns(store) == []


def test_bars_and_durations():
    assert archive.bar(10, 10, 4) == "████"
    assert archive.bar(5, 10, 3) == "█▌"
    assert archive.bar(0, 10) == ""
    assert [archive.format_duration(s) for s in (None, 59, 390, 3900)] == ["–", "0:59", "6:30", "1:05:00"]


# --- status and versions ----------------------------------------------------------------------------


def test_drafts_final_and_reopen(store, meetings, clock):
    meeting_id = meetings["cosi-nov"]
    assert archive.next_draft(store, meeting_id) == "draft 1"
    archive.set_status(store, meeting_id, "draft 1", clock.now(), snapshot="one\ntwo\n")
    assert archive.next_draft(store, meeting_id) == "draft 2"
    archive.set_status(store, meeting_id, "final", clock.advance(minutes=5), snapshot="one\n2\n")
    assert store.load_meeting(meeting_id).status == "final"
    with pytest.raises(ArchiveError, match="reopen"):
        archive.ensure_editable(store, meeting_id)
    with pytest.raises(ArchiveError, match="reopen"):
        archive.set_status(store, meeting_id, "draft 2", clock.now())
    assert archive.reopen(store, meeting_id, clock.now()) == "draft 1"
    archive.ensure_editable(store, meeting_id)
    assert archive.next_draft(store, meeting_id) == "draft 2"
    actions = [e["action"] for e in store.events(meeting_id)][-3:]
    assert actions == ["set status", "set status", "reopen"]

    old, new = archive.versions(store, meeting_id)
    assert (old.status, new.status) == ("draft 1", "final")
    assert archive.diff(old.text, new.text, old.label, new.label) == [
        "--- draft 1 (22 Nov 2021 10:00)", "+++ final (22 Nov 2021 10:05)", "@@ -1,2 +1,2 @@", " one", "-two", "+2",
    ]


def test_a_meeting_taken_live_in_another_window_is_not_edited_from_the_archive(store, meetings, clock):
    """Its live screen would not show these edits; in the same process (F10 from it) they are fine."""
    meeting_id = meetings["cosi-nov"]
    assert store.acquire_lock(meeting_id, clock.now())
    archive.ensure_editable(store, meeting_id)  # held by this process
    with store.conn:  # held by another live process on this host: the test's parent
        store.conn.execute("UPDATE locks SET pid = ? WHERE meeting_id = ?", [os.getppid(), meeting_id])
    with pytest.raises(ArchiveError, match=r"^meeting \d+ is open live in another window: edit it there"):
        archive.ensure_editable(store, meeting_id)


def test_unknown_status_is_refused(store, meetings, clock):
    with pytest.raises(ArchiveError, match="unknown status"):
        archive.set_status(store, meetings["cats-jan"], "draft zero", clock.now())


@pytest.mark.parametrize("text", ["2024-13-01", "2023-02-29", "since 2024-13-01", "until:2021-11-31"])
def test_a_date_written_year_first_that_is_no_day_is_refused(text):
    """dateutil, reading day first, took 2024-13-01 for 13 January 2024."""
    with pytest.raises(ArchiveError, match=r"not a date: '\d{4}-\d\d-\d\d' \(year-month-day"):
        parse_query(text if " " in text or ":" in text else f"since {text}", TODAY)


def test_a_year_first_date_without_leading_zeros_is_year_month_day():
    assert parse_query("since 2021-1-5", TODAY).start == date(2021, 1, 5)


def test_date_words_searched_as_words_are_noted():
    assert parse_query("measures taken since the attack", TODAY).undated == ["since"]
    assert parse_query("since foo", TODAY).undated == ["since"]
    assert parse_query("since 1 Nov 2021", TODAY).undated == []


def test_a_plain_word_finds_a_person_named_in_free_text(store, clock):
    """"Jansen" found nothing when Ms Jansen spoke: the index held what was said, not who said it."""
    session = Session(store, store.create_meeting(small_agenda(), clock.now()), clock)
    session.go_next()
    session.apply_line("Ms Jansen: expressed concern about the financing")
    session.apply_line("Mr Smith: agreed with Ms Jansen")
    session.apply_line("Mr de Vries: agreed")
    hits = archive.search(store, "Jansen", TODAY)
    assert sorted(h.speakers for h in hits) == [["Mr Smith"], ["Ms Jansen"]]
    assert [h.snippet for h in archive.search(store, "Jansen financing", TODAY)] == ["expressed concern about the [financing]"]
    assert [h.speakers for h in archive.search(store, "Vries", TODAY)] == [["Mr de Vries"]]


# --- defects found in review ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("until Nov 2021", None, date(2021, 12, 1)),  # to the month's last day, not its first
        ("until Feb 2024", None, date(2024, 3, 1)),
        ("until 2022", None, date(2023, 1, 1)),  # to 31 December, not 1 January
        ("till 2021-11", None, date(2021, 12, 1)),
        ("after Nov 2021", date(2021, 12, 1), None),
        ("since Nov 2021", date(2021, 11, 1), None),  # from the first day, as before
        ("since 2022", date(2022, 1, 1), None),
        ("before Nov 2021", None, date(2021, 11, 1)),
        ("since Nov 2021 until Nov 2021", date(2021, 11, 1), date(2021, 12, 1)),
    ],
)
def test_a_month_or_a_year_counts_whole(text, start, end):
    """"until Nov 2021" ended on 1 November, "until 2022" on 1 January 2022."""
    query = parse_query(text, TODAY)
    assert (query.start, query.end) == (start, end)


def test_search_and_the_archive_filter_until_a_month_include_its_meetings(store, meetings):
    assert {h.meeting_id for h in archive.search(store, "committee:COSI until Nov 2021", TODAY)} == {meetings["cosi-nov"]}
    assert [m.id for m in archive.list_archive(store, "COSI until 2021", TODAY)] == [meetings["cosi-dec"], meetings["cosi-nov"]]


def test_a_speaker_code_finds_that_speaker_only_not_a_name_with_the_word(store, clock):
    """speaker:DE found "Mr de Vries", speaker:IT "Ms It Lin": whole words, any case."""
    session = Session(store, store.create_meeting(small_agenda(), clock.now()), clock)
    session.go_next()
    for line in ("Mr de Vries: agreed", "Ms It Lin: objected", "Ms Jansen: abstained", "DE supported it", "IT opposed it"):
        session.apply_line(line)
    assert [h.speakers for h in archive.search(store, "speaker:DE", TODAY)] == [["DE"]]
    assert [h.speakers for h in archive.search(store, "speaker:it", TODAY)] == [["IT"]]
    assert [h.speakers for h in archive.search(store, "speaker:Vries", TODAY)] == [["Mr de Vries"]]
    assert [h.speakers for h in archive.search(store, "speaker:Jansen", TODAY)] == [["Ms Jansen"]]


def test_a_search_by_filters_alone_says_nothing_of_entries_not_indexed(store, meetings, monkeypatch):
    """It reads the entries, not the index: "1 newest entry could not be indexed" was false."""
    hold_meeting(store, "COSI", date(2022, 2, 1), [(("HU",), "raised the threat of drones.", 60)])
    assert store.unindexed() == 1  # another process added it: not indexed yet
    query = parse_query("speaker:HU", TODAY)
    assert [h.speakers for h in archive.search(store, query, TODAY)] == [["HU"]]
    assert archive.unsearched_note(store, query) == ""

    def read_only() -> int:
        raise IndexNotWritten("the database is read-only")

    monkeypatch.setattr(store, "index_pending", read_only)  # even where it cannot be indexed, the filter finds it
    assert archive.search(store, query, TODAY) and archive.unsearched_note(store, query) == ""
    assert archive.unsearched_note(store, parse_query("drones speaker:HU", TODAY)).startswith("1 newest entry")
