"""JSON: the whole meeting, versioned, and back."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from minutes_tui.core.model import (
    AgendaItem,
    Attendance,
    Entry,
    EntryKind,
    ItemState,
    Meeting,
    MeetingDetails,
    Speaker,
    SpeakerKind,
)
from minutes_tui.export import export_meeting
from minutes_tui.export.json_io import events_from_json, meeting_from_json, meeting_to_json, versions_from_json

T0 = datetime(2021, 11, 22, 10, 0, 5)


def full_meeting() -> Meeting:
    """Every field of every model class set to something other than its default."""
    details = MeetingDetails(
        committee="Standing Committee on Operational Cooperation on Internal Security (COSI)",
        short_name="COSI", body_name="COSI", meeting_date=date(2021, 11, 22), end_date=date(2021, 11, 23),
        time="10.00", place="Justus Lipsius", agenda_ref="CM 5119/21", doc_number="14342/21",
        file_codes="JAI 1297 COSI 240", classification="LIMITE", issue_place="Luxembourg",
        issue_date=date(2021, 12, 10), language="fr", sender="GSC", recipient="COSI", subject="Outcome é ü “x”",
        house_style="codes",
    )
    items = [
        AgendaItem(10, "6.", "Counter-terrorism", section="Items for information/endorsement:", position=6,
                   state=ItemState.DONE, started_at=T0, ended_at=T0.replace(minute=30)),
        AgendaItem(11, "6.1.", "EU Threat assessment", section="Items", level=1, parent_id=10, position=7,
                   doc_refs=["13682/21", "WK 1/2021"], presenter="Commission", mode="For endorsement",
                   classification="CONFIDENTIEL UE/EU CONFIDENTIAL", planned_minutes=15,
                   state=ItemState.WITHDRAWN, to_check="which annex?"),
    ]
    entries = [
        Entry(100, 11, EntryKind.INTERVENTION, "called for support", ["DE", "The Chair of X"], position=1,
              started_at=T0, ended_at=T0.replace(minute=2)),
        Entry(101, 11, EntryKind.OUTCOME, "endorsed", outcome="endorsed", position=2),
        Entry(102, 11, EntryKind.ACTION, "send comments", ["COM"], deadline="by 30 July 2014", position=3),
        Entry(103, 10, EntryKind.NOTE, "private", position=1, private=True),
    ]
    speakers = [Speaker("ICCT", "ICCT", "the ICCT", SpeakerKind.OTHER, 2000, "", ("International Centre",))]
    return Meeting(
        7, details, items, entries, [Attendance("DE", "present"), Attendance("FR", "remote")], speakers,
        status="draft 1", started_at=T0, ended_at=T0.replace(hour=13),
    )


def test_round_trip_is_exact():
    meeting = full_meeting()
    assert meeting_from_json(meeting_to_json(meeting)) == meeting


def test_round_trip_of_an_empty_meeting():
    meeting = Meeting(None, MeetingDetails())
    assert meeting_from_json(meeting_to_json(meeting)) == meeting


def test_document_shape():
    data = json.loads(meeting_to_json(full_meeting()))
    assert data["schema"] == "minutes_tui/meeting" and data["version"] == 1
    assert "events" not in data
    m = data["meeting"]
    assert set(m) == {"id", "details", "items", "entries", "attendance", "speakers", "status", "started_at", "ended_at"}
    assert m["details"]["meeting_date"] == "2021-11-22"
    assert m["items"][1]["state"] == "withdrawn" and m["items"][1]["parent_id"] == 10
    assert m["entries"][0]["kind"] == "intervention" and m["entries"][0]["speakers"] == ["DE", "The Chair of X"]
    assert m["entries"][0]["started_at"] == "2021-11-22T10:00:05"
    assert m["speakers"][0]["aliases"] == ["International Centre"]
    assert "é ü “x”" in meeting_to_json(full_meeting())  # readable, not \u-escaped


def test_events_are_included_as_given():
    events = [{"id": 1, "at": T0, "action": "add_entry", "data": {"text": "x"}}]
    text = meeting_to_json(full_meeting(), events)
    assert json.loads(text)["events"] == [{"id": 1, "at": "2021-11-22T10:00:05", "action": "add_entry", "data": {"text": "x"}}]
    assert events_from_json(text)[0]["action"] == "add_entry"
    assert events_from_json(meeting_to_json(full_meeting())) == []
    assert json.loads(export_meeting(full_meeting(), "json", events=events))["events"]


def test_unknown_keys_are_ignored_and_missing_optional_keys_default():
    data = json.loads(meeting_to_json(full_meeting()))
    data["meeting"]["future_field"] = 1
    del data["meeting"]["items"][0]["doc_refs"]
    meeting = meeting_from_json(json.dumps(data))
    assert meeting.items[0].doc_refs == []


def _with(change) -> str:
    data = json.loads(meeting_to_json(full_meeting()))
    change(data)
    return json.dumps(data)


def test_a_time_with_a_zone_is_imported_as_local_time():
    """The app's times are local and compared with each other: a zone (another tool's export) is
    turned into local time, never kept (a zoned time next to a plain one broke the CSV export)."""
    meeting = meeting_from_json(_with(lambda d: d["meeting"]["entries"][0].update(started_at="2021-11-22T10:00:00+01:00")))
    started = meeting.entries[0].started_at
    assert started.tzinfo is None
    assert started == datetime.fromisoformat("2021-11-22T10:00:00+01:00").astimezone().replace(tzinfo=None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "not a minutes_tui meeting"),
        ('{"schema": "other", "version": 1}', "not a minutes_tui meeting"),
        (_with(lambda d: d.update(version=2)), "version 2 is newer"),
        (_with(lambda d: d.update(version="1")), "invalid schema version"),
        (_with(lambda d: d.pop("meeting")), "meeting: expected an object"),
        (_with(lambda d: d["meeting"]["items"][0].update(state="lost")), "meeting.items[0].state: unknown value 'lost'"),
        (_with(lambda d: d["meeting"]["items"][0].pop("title")), "meeting.items[0]: missing 'title'"),
        (_with(lambda d: d["meeting"]["entries"][0].update(started_at="yesterday")), "not an ISO 8601"),
        (_with(lambda d: d["meeting"]["entries"][0].update(speakers="DE")), "speakers: expected a list"),
        (_with(lambda d: d["meeting"].update(id="7")), "meeting.id: expected int, got str"),
        (_with(lambda d: d["meeting"]["details"].update(doc_number=None)), "doc_number: expected str, got NoneType"),
        (_with(lambda d: d["meeting"]["items"][0].update(planned_minutes=2**62)), "meeting.items[0]: planned_minutes must be"),
        (_with(lambda d: d["meeting"]["items"][0].update(planned_minutes=10**30)), "meeting.items[0].planned_minutes: 1000"),
    ],
    ids=lambda value: value if len(value) < 60 else "",
)
def test_bad_input_raises_a_one_line_value_error(text, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")) as err:
        meeting_from_json(text)
    assert "\n" not in str(err.value)


def test_control_characters_are_dropped_on_import_and_every_format_exports():
    """Text with control characters (from another program, or edited by hand) comes in readable:
    the DOCX export failed on one, as Word's XML cannot hold it. Tabs and line breaks stay."""
    meeting = full_meeting()
    meeting.items[0].title = "Counter\x0cterrorism\x07"
    meeting.entries[0].text = "called\x1b[31m for\x00 support\tand\nmore\x0b"
    imported = meeting_from_json(meeting_to_json(meeting))
    assert imported.items[0].title == "Counter terrorism"
    assert imported.entries[0].text == "called[31m for support\tand\nmore "
    for fmt in ("md", "txt", "html", "docx", "json", "log", "csv"):
        assert export_meeting(imported, fmt)


@pytest.mark.parametrize("change, message", [
    (lambda m: m["entries"][0].update(item_id=99999), r"^meeting\.entries\[0\]\.item_id: 99999 is not the id of an item"),
    (lambda m: m.pop("items"), r"^meeting\.entries\[0\]\.item_id: 11 is not the id of an item"),
    (lambda m: m["items"][1].update(id=10), r"^meeting\.items\[1\]\.id: 10 is the id of another item too"),
    (lambda m: m["items"][0].update(id=None), r"^meeting\.items\[0\]\.id: missing"),
    (lambda m: m["items"][0].update(parent_id=11), r"^meeting\.items\[0\]\.parent_id: 11 is not an item before it"),
    (lambda m: m.update(attendance=[{"code": "DE", "status": "present"}, {"code": "DE", "status": "absent"}]),
     r"^meeting\.attendance\[1\]\.code: 'DE' is listed twice"),
])
def test_ids_that_do_not_link_up_are_a_one_line_value_error(change, message):
    document = json.loads(meeting_to_json(full_meeting()))
    change(document["meeting"])
    with pytest.raises(ValueError, match=message):
        meeting_from_json(json.dumps(document))


VERSIONS = [{"status": "draft 1", "created_at": T0, "text": "DRAFT 1 – OUTCOME OF PROCEEDINGS\n..."},
            {"status": "final", "created_at": T0.replace(day=30), "text": "OUTCOME OF PROCEEDINGS\n..."}]


def test_versions_go_into_the_json_and_come_back():
    """The drafts and final marked were left out of the backup."""
    text = meeting_to_json(full_meeting(), versions=VERSIONS)
    assert json.loads(text)["versions"][1] == {"status": "final", "created_at": "2021-11-30T10:00:05",
                                               "text": "OUTCOME OF PROCEEDINGS\n..."}
    assert versions_from_json(text) == VERSIONS
    stored = [{**v, "created_at": v["created_at"].isoformat()} for v in VERSIONS]  # as `Store.versions` reads them
    assert versions_from_json(meeting_to_json(full_meeting(), versions=stored)) == VERSIONS


def test_a_file_written_without_versions_still_imports():
    text = meeting_to_json(full_meeting())
    assert "versions" not in json.loads(text)
    assert versions_from_json(text) == [] and meeting_from_json(text) == full_meeting()


@pytest.mark.parametrize("versions, message", [
    ({"status": "final"}, "versions: expected a list"),
    (["final"], r"versions\[0\]: expected an object"),
    ([{"status": "final", "text": ""}], r"versions\[0\]\.created_at: expected an ISO 8601 string"),
    ([{"status": 1, "created_at": "2021-11-22T10:00:00", "text": ""}], r"versions\[0\]\.status: expected str, got int"),
])
def test_bad_versions_are_a_one_line_value_error(versions, message):
    document = json.loads(meeting_to_json(full_meeting()))
    document["versions"] = versions
    with pytest.raises(ValueError, match=f"^{message}"):
        versions_from_json(json.dumps(document))
