"""The `minutes` command line. Commands that need no screen never import Textual."""

from __future__ import annotations

import functools
import gc
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .core.clock import SystemClock
from .core.errors import MinutesError
from .core.store import Store, default_db_path, read_error_message

SAMPLES = Path(__file__).resolve().parent.parent / "sample_agendas"


class UserError(click.ClickException):
    """One line on stderr and exit code 1, never a traceback."""

    def show(self, file: Any = None) -> None:
        click.echo(f"minutes: {self.format_message()}", err=True)


class UsageInOneLine(UserError):
    exit_code = 2  # click's, for a command used wrongly


@contextmanager
def usage_in_one_line() -> Iterator[None]:
    """A command used wrongly is one line too ("minutes: Invalid value for '--db': ... (minutes
    export --help)"), not click's usage line, hint and error."""
    try:
        yield
    except click.UsageError as error:
        help_ = f" ({error.ctx.command_path} --help)" if error.ctx else ""
        raise UsageInOneLine(error.format_message() + help_) from None


class Commands(click.Group):
    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with usage_in_one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with usage_in_one_line():  # a command's own options are read here
            return super().invoke(ctx)


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every expected failure of the core into a one-line error."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MinutesError as error:
            raise UserError(str(error)) from None
        except BrokenPipeError:  # the reader left (`minutes list | head -1`): click exits quietly
            raise
        except OSError as error:
            raise UserError(f"{error.filename or 'writing the output'}: {error.strerror}") from None
        except sqlite3.DatabaseError as error:  # a damaged file found only when a page is read
            where = kwargs.get("db_path") or default_db_path()
            raise UserError(read_error_message(where, error)) from None

    return wrapper


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="MINUTES_DB",
        help="The database file (default: MINUTES_DB, else the user data folder).",
    )(command)


def open_store(db_path: Path | None, create: bool = False) -> Store:
    """The database; only the commands that make meetings (`create`) may make it, and its folders."""
    path = db_path or default_db_path()
    if not create and not path.exists():
        raise UserError(f"{path}: no such database (no meetings yet): start one with `minutes new AGENDA`,"
                        " or name another with --db")
    return Store(path)


def resolve_meeting(store: Store, meeting_id: int | None) -> int:
    """The given meeting, or the one changed most recently."""
    if meeting_id is not None:
        store.meeting_status(meeting_id)  # raises a clear error when it does not exist
        return meeting_id
    latest = store.latest_meeting_id()
    if latest is None:
        raise UserError(f"{store.path}: no meetings yet; start one with `minutes new AGENDA`")
    return latest


def import_agenda(store: Store, agenda: Path) -> int:
    from .core.agenda import load_agenda

    parsed = load_agenda(agenda)  # parse fully before anything is written
    return store.create_meeting(parsed, SystemClock().now())


def binding_ids() -> set[str]:
    """The ids a keymap may name: those of every binding of the app's screens and widgets (the README names them)."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from .tui import app, review_app  # noqa: F401  (every screen the live app can show, F10's too)

    found, classes = set(), [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith("minutes_tui."):
            found.update(b.id for b in vars(cls).get("BINDINGS", []) if isinstance(b, Binding) and b.id)
    return found


def run_app(db_path: Path, meeting_id: int, **options: Any) -> None:
    # Opening builds a few hundred thousand objects that live as long as the app (Textual's modules,
    # the meeting, the screen), and the collector would walk them again and again: a sixth of the
    # start-up on a large meeting. The app lets it run again after its first frame.
    gc.disable()
    from .core.keymap import load_keymap
    from .tui.app import make_app

    try:
        app = make_app(db_path=db_path, meeting_id=meeting_id, keymap=load_keymap(known=binding_ids), **options)
        app.run()
    finally:
        gc.enable()  # however the app ended (it resumes the collector itself after its first frame)
    if app.failure:
        raise UserError(app.failure)
    if app.return_code:
        sys.exit(app.return_code)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes_tui")
def cli() -> None:
    """Take the minutes of a committee meeting live, and export the finished document."""


@cli.command("import")
@click.argument("agenda", type=click.Path(path_type=Path))
@db_option
@friendly_errors
def import_command(agenda: Path, db_path: Path | None) -> None:
    """Load an agenda (Markdown, TOML or pasted text) as a new meeting; print its id."""
    store = open_store(db_path, create=True)
    click.echo(import_agenda(store, agenda))


@cli.command()
@click.argument("agenda", type=click.Path(path_type=Path))
@db_option
@friendly_errors
def new(agenda: Path, db_path: Path | None) -> None:
    """Import an agenda and open the live screen on it."""
    store = open_store(db_path, create=True)
    meeting_id = import_agenda(store, agenda)
    store.close()  # the app opens its own; one left open kept the whole meeting in the -wal file
    run_app(store.path, meeting_id)


@cli.command("open")
@click.argument("meeting_id", type=int, required=False)
@db_option
@friendly_errors
def open_command(meeting_id: int | None, db_path: Path | None) -> None:
    """Resume a meeting on the live screen (default: the latest)."""
    store = open_store(db_path)
    meeting_id = resolve_meeting(store, meeting_id)
    store.close()  # the app opens its own
    run_app(store.path, meeting_id)


@cli.command()
@db_option
@friendly_errors
def demo(db_path: Path | None) -> None:
    """Open the live screen on the COSI sample agenda of 22 November 2021."""
    store = open_store(db_path, create=True)
    meeting_id = import_agenda(store, SAMPLES / "cosi-2021-11-22.md")
    store.close()  # as `new`
    run_app(store.path, meeting_id)


@cli.command("list")
@db_option
@friendly_errors
def list_command(db_path: Path | None) -> None:
    """List the stored meetings: id, date, committee, items, state."""
    from .core.agenda import format_date

    meetings = open_store(db_path).list_meetings()
    if not meetings:
        click.echo("No meetings yet. Start one with `minutes new AGENDA`.")
    for m in meetings:
        when = format_date(m.meeting_date) if m.meeting_date else "(no date)"
        to_check = f"  {m.to_check} to check with the Chair" if m.to_check else ""
        click.echo(f"{m.id:>4}  {when:<18}  {m.listed_name(20):<20}  {m.items:>3} {'item' if m.items == 1 else 'items':<5}  {m.status}{to_check}")


@cli.command()
@click.argument("meeting_id", type=int, required=False)
@click.option("--format", "fmt", default="md", show_default=True, help="md, docx, html, txt, json, log or csv.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--check", is_flag=True, help="List what looks unfinished before exporting.")
@db_option
@friendly_errors
def export(meeting_id: int | None, fmt: str, output: Path | None, force: bool, check: bool, db_path: Path | None) -> None:
    """Export a meeting's minutes (default: the latest meeting, as Markdown on stdout)."""
    from .export import FORMATS, export_meeting
    from .export.files import write_private

    store = open_store(db_path)
    meeting = store.load_meeting(resolve_meeting(store, meeting_id))
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    from .export.check import check_meeting

    warnings = check_meeting(meeting)
    for warning in warnings if check else []:
        click.echo(f"check: {warning}", err=True)
    content = export_meeting(meeting, fmt, events=store.events(meeting.id) if fmt in ("json", "log") else None,
                             versions=store.versions(meeting.id) if fmt == "json" else None)
    if output is None:
        if isinstance(content, bytes):
            raise UserError(f"{fmt} is a binary format: give a file with -o")
        click.echo(content, nl=not content.endswith("\n"))
    else:
        write_private(output, content, force, database=store.path)
        click.echo(f"wrote {output}", err=True)
    if warnings and not check:  # an unfinished header would otherwise go out unnoticed
        click.echo(f"note: {len(warnings)} {'things look' if len(warnings) > 1 else 'thing looks'} unfinished: --check lists them", err=True)


@cli.command("import-json")
@click.argument("source", type=click.Path(path_type=Path))
@db_option
@friendly_errors
def import_json(source: Path, db_path: Path | None) -> None:
    """Read a meeting exported with --format json back in as a new meeting; print its id."""
    from .export.json_io import meeting_from_json, versions_from_json

    try:
        text = source.read_text(encoding="utf-8")
        meeting, versions = meeting_from_json(text), versions_from_json(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise UserError(f"{source}: {error}") from None
    click.echo(open_store(db_path, create=True).insert_meeting(meeting, SystemClock().now(), versions))


@cli.command()
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite the destination if it exists.")
@db_option
@friendly_errors
def backup(destination: Path, force: bool, db_path: Path | None) -> None:
    """Copy the whole database consistently, even while a meeting is open."""
    from .export.files import write_private

    store = open_store(db_path)
    write_private(destination, store.backup, force, database=store.path)
    click.echo(f"wrote {destination}", err=True)


from . import cli_review  # noqa: E402  (it builds on the helpers above)

cli_review.register(cli)


def main() -> None:
    cli(prog_name="minutes")
