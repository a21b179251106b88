"""The whole meeting as JSON, and back: a backup, an exchange format and a way to move a meeting
between machines.

Schema "minutes_tui/meeting", version 1 (also described in docs/json-schema.md)::

    {
      "schema": "minutes_tui/meeting",
      "version": 1,
      "meeting": {
        "id": 3, "status": "draft 1",
        "started_at": "2021-11-22T10:00:00", "ended_at": null,
        "details":    {MeetingDetails fields; dates "YYYY-MM-DD"},
        "items":      [{AgendaItem fields; "state": "done"; times ISO 8601}, ...],
        "entries":    [{Entry fields; "kind": "intervention"; "speakers": ["DE", "FR"]}, ...],
        "attendance": [{"code": "DE", "status": "present"}, ...],
        "speakers":   [{Speaker fields; "kind": "other"; "aliases": [...]}, ...]
      },
      "versions": [{"status": "draft 1", "created_at": "2021-11-23T09:00:00", "text": "..."}, ...],
                                  # optional: the drafts and final marked, with their text then
      "events": [{...}, ...]      # optional: the store's edit history, as given
    }

Every object carries exactly the fields of the dataclass of the same name in core/model.py; dates
are ISO 8601 ("2021-11-22"), times ISO 8601 without a time zone ("2021-11-22T10:04:31"), enums by
value, missing values null. Readers ignore keys they do not know and use the model's default for a
missing optional key, so additive changes keep version 1; anything else bumps the version, and
`meeting_from_json` refuses versions newer than it knows.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

from minutes_tui.core.model import AgendaItem, Meeting, local_time, planned_minutes_error, without_controls

SCHEMA = "minutes_tui/meeting"
VERSION = 1
_VERSION_FIELDS = {"status": str, "created_at": datetime, "text": str}  # a version of the minutes, as the store keeps it


def _plain(value: Any) -> Any:
    """A dataclass value as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def meeting_to_json(meeting: Meeting, events: list[dict] | None = None, versions: list[dict] | None = None) -> str:
    """The meeting (and, if given, its versions and edit history) as a JSON document of the schema above."""
    data: dict[str, Any] = {"schema": SCHEMA, "version": VERSION, "meeting": _plain(meeting)}
    if versions is not None:
        data["versions"] = [{key: _plain(version[key]) for key in _VERSION_FIELDS} for version in versions]
    if events is not None:
        data["events"] = _plain(list(events))
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _convert(hint: Any, value: Any, where: str) -> Any:
    """JSON data converted to the type `hint` (the model's own annotations)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            if type(None) in typing.get_args(hint):
                return None
            raise ValueError(f"{where}: must not be null")
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(inner, value, where)
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list")
        (inner, *_) = typing.get_args(hint)
        items = [_convert(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if dataclasses.is_dataclass(hint):
        return _decode(hint, value, where)
    if hint is datetime or hint is date:
        if not isinstance(value, str):
            raise ValueError(f"{where}: expected an ISO 8601 string")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{where}: not an ISO 8601 date/time: {value!r}") from None
        return local_time(parsed) if hint is datetime else parsed.date()
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            raise ValueError(f"{where}: unknown value {value!r}") from None
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        if not -2**63 <= value < 2**63:  # what SQLite holds
            raise ValueError(f"{where}: {value} is too large")
        return value
    if hint is bool and isinstance(value, bool):
        return value
    if hint is str and isinstance(value, str):
        return without_controls(value)
    raise ValueError(f"{where}: expected {getattr(hint, '__name__', hint)}, got {type(value).__name__}")


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    # Resolving the (string) annotations is slow; a meeting decodes thousands of the same classes.
    return typing.get_type_hints(cls)


def _decode(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object")
    hints = _type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ValueError(f"{where}: missing {f.name!r}")
    if cls is AgendaItem and (error := planned_minutes_error(kwargs.get("planned_minutes"))):
        raise ValueError(f"{where}: {error}")
    return cls(**kwargs)


def _document(text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    except RecursionError:
        raise ValueError("not a minutes_tui meeting: nested too deeply") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"not a minutes_tui meeting (expected \"schema\": \"{SCHEMA}\")")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"invalid schema version: {version!r}")
    if version > VERSION:
        raise ValueError(f"meeting file version {version} is newer than this program reads ({VERSION}); upgrade minutes_tui")
    return data


def _check_links(meeting: Meeting) -> Meeting:
    """The meeting, if its ids link its parts as the store needs: each item's id once, a parent
    before its sub-items on the agenda, each entry under an item of the meeting, each speaker's
    attendance once."""
    ids: set[int] = set()
    order = sorted(range(len(meeting.items)), key=lambda i: meeting.items[i].position)  # as the store inserts
    for index in order:
        item = meeting.items[index]
        if item.id is None:
            raise ValueError(f"meeting.items[{index}].id: missing (each item needs an id of its own)")
        if item.id in ids:
            raise ValueError(f"meeting.items[{index}].id: {item.id} is the id of another item too")
        if item.parent_id is not None and item.parent_id not in ids:
            raise ValueError(f"meeting.items[{index}].parent_id: {item.parent_id} is not an item before it on the agenda")
        ids.add(item.id)
    for index, entry in enumerate(meeting.entries):
        if entry.item_id not in ids:
            raise ValueError(f"meeting.entries[{index}].item_id: {entry.item_id} is not the id of an item of the meeting")
    codes = [attendance.code for attendance in meeting.attendance]
    for index, code in enumerate(codes):
        if code in codes[:index]:  # the store keeps one status a speaker (it blamed the database)
            raise ValueError(f"meeting.attendance[{index}].code: {code!r} is listed twice")
    return meeting


def meeting_from_json(text: str) -> Meeting:
    """The Meeting in a JSON document written by `meeting_to_json`.

    Raises ValueError with a one-line message for anything that is not such a document, or whose
    parts do not link up (an entry under an item that is not there)."""
    return _check_links(_decode(Meeting, _document(text).get("meeting"), "meeting"))


def versions_from_json(text: str) -> list[dict[str, Any]]:
    """The drafts and final stored with the meeting, each {"status", "created_at" (a datetime),
    "text"}; [] in a file written without them (before they were exported)."""
    versions = _document(text).get("versions", [])
    if not isinstance(versions, list):
        raise ValueError("versions: expected a list")
    checked = []
    for index, version in enumerate(versions):
        if not isinstance(version, dict):
            raise ValueError(f"versions[{index}]: expected an object")
        checked.append({key: _convert(hint, version.get(key), f"versions[{index}].{key}") for key, hint in _VERSION_FIELDS.items()})
    return checked


def events_from_json(text: str) -> list[dict]:
    """The edit history stored with the meeting, as written ([] if there is none)."""
    events = _document(text).get("events", [])
    if not isinstance(events, list):
        raise ValueError("events: expected a list")
    return events

