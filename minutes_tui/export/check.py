"""Checks before export: what the finished document would be missing, as one-line warnings.

None of these stops an export; the CLI and the review screen show them so the secretary can decide.
"""

from __future__ import annotations

import re

from minutes_tui.core.model import SET_ASIDE, AgendaItem, EntryKind, Meeting
from minutes_tui.core.phrasing import body_subject, load_style
from minutes_tui.export.document import agenda_order

_CODE = re.compile(r"[A-Z]{2,8}")


def _where(meeting: Meeting, item: AgendaItem) -> str:
    """The item as the app names it: "item 8. A. b) Rehabilitation" (a letter alone repeats)."""
    return f"item {meeting.full_label(item)}" if item.label else "an untitled item"


def check_meeting(meeting: Meeting, register=None, style=None) -> list[str]:
    """Warnings, in agenda order, then the header's (`register`: the default register if not given;
    `style`: the meeting's own if not given; its header may not print a document number or file codes)."""
    if register is None:
        from minutes_tui.core.speakers import default_register

        register = default_register()
    register = register.with_speakers(meeting.speakers)
    style = style or load_style(meeting.details.house_style or "council")
    warnings: list[str] = []
    kinds: dict[int | None, set[EntryKind]] = {}
    bodies = {body.casefold() for body in (meeting.details.short_name, body_subject(meeting.details, style)) if body}
    for entry in meeting.entries:
        kind = entry.kind
        if kind is EntryKind.NOTE and any(entry.text.casefold().startswith(f"{body} ") for body in bodies):
            kind = EntryKind.OUTCOME  # "COSI expressed overall support ...": the reference's items 3 and 4 have no other
        kinds.setdefault(entry.item_id, set()).add(kind)

    def subtree(item: AgendaItem) -> list[AgendaItem]:
        children = meeting.children_of(item.id) if item.id is not None else []
        return [item] + [d for child in children for d in subtree(child)]

    def reached(item: AgendaItem) -> bool:
        return item.started_at is not None or bool(kinds.get(item.id))

    quiet: set[int | None] = set()  # withdrawn/postponed/unreached parents: their children say nothing
    for item in agenda_order(meeting):
        if item.to_check:  # flagged by the secretary: listed whatever else the item holds
            warnings.append(f"{_where(meeting, item)}: to check with the Chair: {item.to_check}")
        if item.parent_id is not None and item.parent_id in quiet:
            quiet.add(item.id)
            continue
        below = subtree(item)[1:]
        if item.state in SET_ASIDE:
            quiet.add(item.id)
        elif not any(reached(i) for i in [item, *below]):
            warnings.append(f"{_where(meeting, item)}: never reached")
            quiet.add(item.id)
        elif reached(item) and not item.to_check and EntryKind.OUTCOME not in kinds.get(item.id, set()):
            # a parent whose sub-items were reached is minuted through them (they say what they lack)
            if not any(EntryKind.OUTCOME in kinds.get(d.id, set()) or reached(d) for d in below):
                warnings.append(f"{_where(meeting, item)}: reached but no outcome recorded")

    items = {item.id: item for item in meeting.items}
    for entry in sorted(meeting.entries, key=lambda e: (e.item_id, e.position)):
        item = items.get(entry.item_id)
        where = _where(meeting, item) if item else f"item id {entry.item_id}"
        if entry.kind == EntryKind.INTERVENTION and not any(s.strip() for s in entry.speakers):
            text = " ".join(entry.text.split())
            warnings.append(f"{where}: intervention without a speaker: {text[:50] or '(empty)'}")
        for code in entry.speakers:
            if _CODE.fullmatch(code.strip()) and not register.is_known(code.strip()) and not meeting.details.names_the_body(code):
                warnings.append(f"{where}: unknown speaker code {code.strip()}")

    details = meeting.details
    council = style.council_header
    for value, label in (
        (details.doc_number, "document number"),
        (details.meeting_date, "meeting date"),
        (details.file_codes, "file codes"),
        (details.issue_date, "issue date"),
    ):
        if not value and (council or label == "meeting date"):  # the others only head the Council's document
            warnings.append(f"header: no {label}")
    first_day = details.meeting_date or details.end_date
    if details.issue_date and first_day and details.issue_date < first_day:
        warnings.append(f"header: issue date {details.issue_date:%-d %B %Y} is before the meeting")
    return warnings
