"""`minutes review`, `minutes stats` and `minutes search`: the archive from the shell.

`register(cli)` adds them to the main group (replacing its basic `search`). Only `review` loads Textual.
"""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli import UserError, db_option, friendly_errors, open_store, resolve_meeting
from .core.clock import SystemClock

if TYPE_CHECKING:
    from .core import archive


def register(cli: click.Group) -> None:
    cli.commands.pop("search", None)
    for command in (review, stats, search):
        cli.add_command(command)


@click.command()
@db_option
@friendly_errors
def review(db_path: Path | None) -> None:
    """Browse, polish, search and compare past meetings."""
    from .cli import binding_ids
    from .core.keymap import load_keymap
    from .tui.review_app import make_review_app

    keymap = load_keymap(known=binding_ids)  # "review.edit" = "x" worked only through F10
    make_review_app(open_store(db_path).path, keymap=keymap).run()


def _table(title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A plain-text table; the last column (a bar) is left unpadded."""
    click.echo(click.style(title, bold=True))
    if not rows:
        click.echo("  (nothing yet)\n")
        return
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [str(c).ljust(w) if i < len(row) - 1 else str(c) for i, (c, w) in enumerate(zip(row, widths))]
        click.echo("  " + "  ".join(cells).rstrip())
    click.echo()


def _speakers(found: list[archive.SpeakerStat]) -> None:
    from .core import archive  # loaded only by the commands that need it

    most = max((s.seconds for s in found), default=0)
    rows = [(s.code, str(s.interventions), archive.format_duration(s.time), archive.bar(s.seconds, most, 30))
            for s in found]
    _table("Speakers", ("speaker", "interventions", "time", ""), rows)


def _items(title: str, found: list[archive.ItemTime], with_meeting: bool) -> None:
    from .core import archive  # loaded only by the commands that need it

    most = max((t.seconds or 0 for t in found), default=0)
    rows = [
        ((f"#{t.meeting_id} {t.committee} {t.meeting_date or ''}",) if with_meeting else ())
        + (t.label[:50], archive.format_duration(t.planned_minutes * 60 if t.planned_minutes else None), archive.format_duration(t.seconds),
           archive.bar(t.seconds or 0, most, 24))
        for t in found
    ]
    _table(title, (("meeting",) if with_meeting else ()) + ("item", "planned", "actual", ""), rows)


@click.command()
@click.argument("meeting_id", type=int, required=False)
@click.option("--since", help='First day, e.g. "1 Nov 2021" or 2021-11-01.')
@click.option("--until", help="Last day (included).")
@click.option("--committee", help="Only this committee, e.g. COSI.")
@db_option
@friendly_errors
def stats(meeting_id: int | None, since: str | None, until: str | None, committee: str | None,
          db_path: Path | None) -> None:
    """Speaking time per delegation and time per item: one meeting, or every meeting in a date range."""
    from .core import archive  # loaded only by the commands that need it

    store = open_store(db_path)
    today = SystemClock().now().date()
    if meeting_id is not None and (since or until or committee):  # they were left unsaid
        raise UserError("give a meeting, or --since/--until/--committee for a range of meetings, not both")
    if meeting_id is not None or not (since or until or committee):
        meeting_id = resolve_meeting(store, meeting_id)
        summary = next(m for m in store.list_meetings() if m.id == meeting_id)
        click.echo(f"Meeting #{meeting_id} {summary.short_name} {summary.meeting_date or ''} ({summary.status})\n")
        _speakers(archive.speaker_stats(store, meeting_id))
        _items("Items: planned against actual time", archive.item_times(store, meeting_id), False)
        return
    query = archive.Query(
        committees=[committee] if committee else [],
        start=archive.parse_date(since, today) if since else None,
        end=archive.date_span(until, today)[1] + timedelta(days=1) if until else None,  # "Nov 2021": to its last day
    ).checked()
    _speakers(archive.speaker_stats(store, query=query))
    _items("Longest items", archive.item_times(store, query=query, longest=10), True)
    rows = [(f"#{o.meeting_id} {o.committee} {o.meeting_date or ''}", archive.format_duration(o.planned_minutes * 60),
             archive.format_duration(o.seconds), "+" + archive.format_duration(o.over_seconds))
            for o in archive.overruns(store, query)]
    _table("Meetings that overran", ("meeting", "planned", "actual", "over"), rows)


def _highlight(snippet: str) -> str:
    """Matches in bold on a terminal; kept in [ ] when the output goes to a file or a pipe."""
    if not sys.stdout.isatty():
        return snippet
    return re.sub(r"\[([^\]]*)\]", lambda m: click.style(m.group(1), bold=True, underline=True), snippet)


@click.command(context_settings={"ignore_unknown_options": True})  # "-Europol" is a word not wanted, no option
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=30, show_default=True, help="At most this many matches (at least 1).")
@db_option
@friendly_errors
def search(query: tuple[str, ...], limit: int, db_path: Path | None) -> None:
    """Search every meeting: words, "phrases", speaker:DE, committee:COSI, since 1 Nov 2021, last month ..."""
    from .core import archive  # loaded only by the commands that need it

    from .core.agenda import format_date

    if limit < 1:
        raise UserError(f"--limit {limit}: give at least 1")
    store = open_store(db_path)
    today = SystemClock().now().date()
    parsed = archive.parse_query(" ".join(query), today)
    hits = archive.search(store, parsed, today, limit=min(limit, 2**63 - 1))  # SQLite's largest integer
    if not hits:
        click.echo("No matches.")
        for word in parsed.undated:
            click.echo(f"note: {word!r} was searched as a word: no date follows it (try {word} 1 Nov 2021)", err=True)
    if note := archive.unsearched_note(store, parsed):
        click.echo(f"note: {note}", err=True)
    for hit in hits:
        when = format_date(hit.meeting_date) if hit.meeting_date else ""
        who = (" [private]" if hit.private else "") + (f" {' '.join(hit.speakers)}:" if hit.speakers else "")
        click.echo(f"#{hit.meeting_id} {when} {hit.committee} item {hit.item_name}{who} {_highlight(hit.snippet)}")
