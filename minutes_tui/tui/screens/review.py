"""Reviewing past meetings: the archive, one meeting item by item, search, statistics, versions.

`ReviewScreen(store, clock)` is the entry point; any app can push it (Escape pops it again, or quits
when it is the app's only screen, as in `review_app.make_review_app`). Every change goes through the
core: edits through a `Session` opened on the meeting, status and versions through `core.archive`.
"""

from __future__ import annotations

import dataclasses

import re
from collections.abc import Callable
from datetime import date

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from minutes_tui.core import archive
from minutes_tui.core.clock import Clock
from minutes_tui.core.entry import Command, Intervention, on_one_line, parse_line
from minutes_tui.core.errors import MinutesError
from minutes_tui.core.model import AgendaItem, Entry, EntryKind
from minutes_tui.core.phrasing import OUTCOME_LABELS, load_style
from minutes_tui.core.session import Session, SessionError
from minutes_tui.core.store import Store, StoreError
from minutes_tui.export import export_meeting
from minutes_tui.export.document import item_paragraphs
from minutes_tui.tui.screens.help import HelpScreen
from minutes_tui.tui.widgets.entry_line import LineInput

PROBLEMS = (SessionError, StoreError)  # ArchiveError is a SessionError


def open_screen(app: App, make: Callable[[], Screen]) -> None:
    """Push a screen that reads the store as it is made: what cannot be read is said, in one line."""
    try:
        screen = make()
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=10)
        return
    app.push_screen(screen)


def day(value: date | None) -> str:
    return f"{value:%d %b %Y}" if value else "(no date)"


def highlighted(snippet: str) -> Text:
    """A search snippet with its [matches] shown highlighted instead of bracketed."""
    text = Text()
    for index, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        text.append(part, style="bold reverse" if index % 2 else "")
    return text


class BackScreen(Screen):
    """A review screen that Escape leaves: back to the previous screen, or out of a review-only app."""

    BINDINGS = [Binding("f1", "help", "Help", id="review.help", tooltip="The archive's keys")]

    def action_help(self) -> None:
        groups = [("The archive", ReviewScreen.BINDINGS), ("A meeting", MeetingScreen.BINDINGS),
                  ("Search, statistics, versions", SearchScreen.BINDINGS)]
        self.app.push_screen(HelpScreen(groups, getattr(self.app, "keymap", {}), entry_line=False))

    def action_close(self) -> None:
        if len(self.app.screen_stack) <= 1:
            self.app.exit()
        else:
            self.dismiss()


class ConfirmScreen(ModalScreen[bool | None]):
    """A yes/no question; dismisses with True for yes, False for no, None for Escape (neither: go
    back). "No" has the focus and no letter answers yes: a secretary typing on, unaware the screen
    changed, must not say yes by a "y" in a word."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 64; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; }
    ConfirmScreen Button { margin-right: 2; }
    ConfirmScreen Label { width: 100%; }  /* the question wraps */
    ConfirmScreen .hint { margin-top: 1; color: $text-muted; }
    """
    BINDINGS = [  # (no arrow keys: from No, one would wrap round to Yes)
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(None)", "Back"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            with Horizontal():
                yield Button("Yes", id="yes", variant="primary")
                yield Button("No", id="no")
            yield Label("Tab, then Enter: yes · Enter: no · Escape: back", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool | None) -> None:
        self.dismiss(answer)


# --- the archive -------------------------------------------------------------------------------------


class ReviewScreen(BackScreen):
    """Every stored meeting, filtered by committee and dates; Enter opens one."""

    CSS = """
    ReviewScreen #filter { margin: 0 1; }
    ReviewScreen #archive { height: 1fr; }
    ReviewScreen #message { height: 1; padding: 0 2; color: $text-muted; }
    """
    BINDINGS = [
        Binding("slash", "search", "Search", id="review.search"),
        Binding("s", "stats", "Statistics", id="review.stats"),
        Binding("o", "sort", "Sort", id="review.sort", tooltip="Sort by date, committee or last change"),
        Binding("escape", "close", "Back", id="review.close"),
    ]
    SORTS = ("date", "committee", "changed")

    def __init__(self, store: Store, clock: Clock) -> None:
        super().__init__()
        self.store, self.clock = store, clock
        self.sort = "date"

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: COSI, committee:CATS, since 1 Nov 2021, last month ...", id="filter")
        yield DataTable(id="archive", cursor_type="row", zebra_stripes=True)
        yield Static(id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Archive"
        table = self.query_one("#archive", DataTable)
        table.add_columns("#", "Date", "Committee", "Items", "Spoke", "Check", "State", "Last change")  # #: the id the CLI takes
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @on(Input.Changed, "#filter")
    def reload(self) -> None:
        table = self.query_one("#archive", DataTable)
        message = self.query_one("#message", Static)
        try:
            meetings = archive.list_archive(self.store, self.query_one("#filter", Input).value,
                                            self.clock.now().date(), self.sort, self.sort != "committee")
        except PROBLEMS as error:
            message.update(str(error))
            return
        table.clear()
        for m in meetings:
            changed = f"{m.updated_at:%d %b %Y %H:%M}" if m.updated_at else ""
            table.add_row(str(m.id), day(m.meeting_date), m.listed_name(), str(m.items), str(m.interventions),
                          str(m.to_check or ""), m.status, changed, key=str(m.id))
        message.update(f"{len(meetings)} meeting{'s' * (len(meetings) != 1)}, sorted by {self.sort}")

    @on(DataTable.RowSelected, "#archive")
    def open_meeting(self, event: DataTable.RowSelected) -> None:
        open_screen(self.app, lambda: MeetingScreen(self.store, self.clock, int(event.row_key.value)))

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.store, self.clock))

    def action_stats(self) -> None:
        self.app.push_screen(StatsScreen(self.store, self.clock, query=self.query_one("#filter", Input).value))

    def action_sort(self) -> None:
        self.sort = self.SORTS[(self.SORTS.index(self.sort) + 1) % len(self.SORTS)]
        self.reload()


# --- one meeting -------------------------------------------------------------------------------------


class MeetingScreen(BackScreen):
    """Item by item: what was captured beside what goes into the minutes; polish, drafts, final."""

    CSS = """
    MeetingScreen #heading { height: 1; padding: 0 1; background: $boost; text-style: bold; }
    MeetingScreen #items { width: 32; height: 1fr; }
    MeetingScreen .pane { width: 1fr; height: 1fr; }
    MeetingScreen .pane Label { padding: 0 1; text-style: bold; color: $text-muted; }
    MeetingScreen #entries { height: 1fr; }
    MeetingScreen #minutes { height: 1fr; padding: 0 1; border: round $panel; }
    MeetingScreen #editor { display: none; }
    MeetingScreen #editor.editing { display: block; }
    MeetingScreen.-narrow FooterKey.-command-palette { display: none; }  /* F1 names ctrl+p */
    """
    BINDINGS = [
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Edit the highlighted entry's text"),
        Binding("n", "note", "Summary", id="review.note", tooltip="Write a sentence for the minutes, to open the item's text"),
        Binding("p", "private", "Leave out", id="review.private", tooltip="Keep the entry out of the minutes, or back in"),
        Binding("c", "checked", "Checked", id="review.checked", show=False,  # the flagged item's text says "c: checked"
                tooltip="The item's question for the Chair is settled: take its flag off"),
        Binding("ctrl+z", "undo", "Undo", id="review.undo", tooltip="Undo the last change to this meeting"),
        Binding("ctrl+y", "redo", "Redo", id="review.redo", show=False),
        Binding("ctrl+up", "move(-1)", "Move up", id="review.move_up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", id="review.move_down", show=False),
        # The footer fits 80 columns: F1 lists the keys it leaves out (Checked, Reopen, Back).
        Binding("d", "draft", "Draft", id="review.draft",
                tooltip="Mark the minutes as the next draft, keeping their text as a version"),
        Binding("f", "final", "Final", id="review.final"),
        Binding("r", "reopen", "Reopen", id="review.reopen", show=False, tooltip="Make final minutes editable again"),
        Binding("v", "versions", "Versions", id="review.versions"),
        Binding("s", "stats", "Stats", id="review.stats", tooltip="Speaking time and item times of this meeting"),
        Binding("escape", "close", "Back", id="review.close", show=False),
    ]

    def __init__(self, store: Store, clock: Clock, meeting_id: int, item_id: int | None = None,
                 entry_id: int | None = None) -> None:
        super().__init__()
        self.store, self.clock = store, clock
        self.session = Session(store, meeting_id, clock)
        self.style = load_style(self.session.meeting.details.house_style or "council")
        self.item_id = item_id or (self.session.meeting.items[0].id if self.session.meeting.items else None)
        self.entry_id = entry_id
        self.editing: tuple[str, int | None] | None = None  # ("edit", entry id) or ("note", None)

    @property
    def meeting(self):
        return self.session.meeting

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        with Horizontal():
            yield OptionList(*[Option(self._item_prompt(i), id=str(i.id)) for i in self.meeting.items], id="items")
            with Vertical(classes="pane"):
                yield Label("Captured")
                yield OptionList(id="entries")
            with Vertical(classes="pane"):
                yield Label("In the minutes")
                yield Static(id="minutes")
        yield LineInput(id="editor", submit=self.save_edit)
        yield Footer(compact=True)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # the footer's keys fit 80 columns without the palette's

    @staticmethod
    def _item_prompt(item: AgendaItem) -> str:
        return "  " * item.level + ("? " if item.to_check else "") + item.label  # "?": to check with the Chair

    def on_mount(self) -> None:
        items = self.query_one("#items", OptionList)
        if self.item_id is not None:
            items.highlighted = items.get_option_index(str(self.item_id))
        self.show_item()
        self.query_one("#entries" if self.entry_id else "#items", OptionList).focus()

    def show_heading(self) -> None:
        d = self.meeting.details
        status = archive.status_of(self.store, self.session.meeting_id)
        if status == archive.IN_PROGRESS and self.meeting.ended_at:  # closed, not marked yet: as the archive lists it
            status = "ended"
        self.title = f"{d.short_name or d.committee} {day(d.meeting_date)}"
        self.query_one("#heading", Static).update(f"#{self.session.meeting_id} {self.title} — {status}")

    def show_item(self) -> None:
        self.show_heading()
        if self.item_id is None:
            return
        item = self.session.item(self.item_id)
        entries = self.meeting.entries_for(item.id)
        listing = self.query_one("#entries", OptionList)
        listing.clear_options()
        for entry in entries:
            line = Text(f"{entry.started_at:%H:%M} " if entry.started_at else "", style="dim")
            if entry.kind is EntryKind.INTERVENTION:
                label = " ".join(entry.speakers)
            elif entry.kind is EntryKind.STATEMENT:
                label = f"statement by {' '.join(entry.speakers)}"
            elif entry.kind is EntryKind.OUTCOME:
                label = f"outcome: {OUTCOME_LABELS.get(entry.outcome, entry.outcome)}"
            else:
                label = str(entry.kind)
            line.append(f"{label}: ", style="bold")
            empty = "(the standard sentence)" if entry.kind is EntryKind.OUTCOME else "(no text)"
            line.append(entry.text or empty, style="dim strike" if entry.private else "")
            listing.add_option(Option(line, id=str(entry.id)))
        if entries:
            known = any(e.id == self.entry_id for e in entries)
            listing.highlighted = listing.get_option_index(str(self.entry_id)) if known else 0
        self.query_one("#items", OptionList).replace_option_prompt(str(item.id), self._item_prompt(item))
        paragraphs = item_paragraphs(self.meeting, item, self.session.register, self.style)
        flag = [Text(f"To check with the Chair: {item.to_check} (c: checked)", style="bold yellow")] if item.to_check else []
        self.query_one("#minutes", Static).update(
            Group(*flag, Text(item.label, style="bold"), *(Text("\n" + p) for p in paragraphs))
            if paragraphs else Group(*flag, Text(item.label + "\n\n(nothing yet)", style="dim"))
        )

    @on(OptionList.OptionHighlighted, "#items")
    def item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A highlight the list has moved on from is stale: the first item's, highlighted as the list
        # is made, came after on_mount had chosen a search hit's item and entry, and reset the entry.
        if event.option is event.option_list.highlighted_option and int(event.option.id) != self.item_id:
            self.item_id, self.entry_id = int(event.option.id), None
            self.show_item()

    @on(OptionList.OptionHighlighted, "#entries")
    def entry_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option is event.option_list.highlighted_option:  # not stale (see item_highlighted)
            self.entry_id = int(event.option.id)

    # --- polishing: every edit goes through the session, marked as made after the meeting ---------

    def _when_editable(self, then: Callable[[], None]) -> None:
        """Run `then` if the meeting may be edited; end it first (asking) so edits count as after it."""
        try:
            archive.ensure_editable(self.store, self.session.meeting_id)
        except archive.ArchiveError as error:
            self.notify(str(error), severity="warning")
            return
        if self.meeting.ended_at is not None or self.store.held_here(self.session.meeting_id):
            then()  # ended, or being taken live in this window (F10): no end to ask for
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.session.end_meeting(self.session.last_activity())  # not now: the next day, say
                except PROBLEMS as error:  # a read-only database, a full disk
                    self.notify(str(error), severity="error")
                    return
            if yes is not None:  # no: edit it as it stands
                then()

        self.app.push_screen(
            ConfirmScreen("This meeting was never ended. End it now (at its last entry), so that edits are "
                          "marked as made after the meeting? (No: edit it without ending it.)"),
            answered,
        )

    def _open_editor(self, mode: str, entry_id: int | None, text: str) -> None:
        self.editing = (mode, entry_id)
        editor = self.query_one("#editor", Input)
        editor.placeholder = "Enter saves, Escape cancels"
        editor.value = text
        editor.add_class("editing")
        editor.focus()

    def action_edit(self) -> None:
        if self.entry_id is not None:
            entry = self.session.entry(self.entry_id)
            speakers = f"{', '.join(entry.speakers)}: " if entry.kind is EntryKind.INTERVENTION and entry.speakers else ""
            self._when_editable(lambda: self._open_editor("edit", entry.id, speakers + on_one_line(entry.text)))

    def action_note(self) -> None:
        if self.item_id is not None:
            self._when_editable(lambda: self._open_editor("note", None, ""))

    def action_private(self) -> None:
        if self.entry_id is not None:
            entry = self.session.entry(self.entry_id)
            self._when_editable(lambda: self._apply(lambda: self.session.edit_entry(entry.id, private=not entry.private)))

    def action_checked(self) -> None:
        if self.item_id is not None and self.session.item(self.item_id).to_check:
            item_id = self.item_id
            self._when_editable(lambda: self._apply(lambda: self.session.set_to_check("", item_id)))

    def action_move(self, delta: int) -> None:
        if self.entry_id is not None:
            entry_id = self.entry_id
            self._when_editable(lambda: self._apply(lambda: self.session.move_entry(entry_id, delta)))

    def _apply(self, change: Callable[[], object]) -> None:
        try:
            change()
        except PROBLEMS as error:
            self.notify(str(error), severity="error")
        self.show_item()

    def save_edit(self) -> None:
        mode, entry_id = self.editing or ("", None)
        text = self.query_one("#editor", Input).value.strip()
        try:
            if mode == "edit":
                self.session.edit_entry(entry_id, **self._edited(self.session.entry(entry_id), text))
            elif mode == "note" and text:
                self.entry_id = self.session.add_note(text, item_id=self.item_id, first=True).id
        except MinutesError as error:  # a line that cannot be read, an archive that cannot be written:
            self.notify(str(error), severity="error")  # the editor stays open with the text, to put right
            return
        self.close_editor()

    def _edited(self, entry: Entry, text: str) -> dict[str, object]:
        """What the editor's line changes: an intervention's speakers as well when it names them
        ("FR: called for ..."); not a command, which would become the entry's text. (An outcome's
        wording sets its code in `Session.edit_entry`.)"""
        said = parse_line(text, self.session.register)
        if isinstance(said, Command):
            raise SessionError(f"/{said.name} is a command of the live screen: here the line is the entry's text")
        if entry.kind is EntryKind.INTERVENTION and isinstance(said, Intervention):
            return {"speakers": list(said.speakers), "text": said.text}
        return {"text": text}

    def action_undo(self) -> None:  # the edits made after the meeting, not the meeting's own changes
        self._when_editable(lambda: self._apply(
            lambda: self.notify(f"undone: {self.session.undo(after_meeting=True) or 'nothing'}")))

    def action_redo(self) -> None:
        self._when_editable(lambda: self._apply(lambda: self.notify(f"redone: {self.session.redo() or 'nothing'}")))

    def close_editor(self) -> None:
        self.editing = None
        self.query_one("#editor", Input).remove_class("editing")
        self.show_item()
        self.query_one("#entries", OptionList).focus()

    def action_close(self) -> None:
        if self.editing:
            self.close_editor()
        else:
            super().action_close()

    # --- drafts, final, versions -----------------------------------------------------------------

    def current_text(self, status: str = "") -> str:
        """The minutes as exported now, or as issued with `status` (a draft's title says so)."""
        status = status or archive.status_of(self.store, self.session.meeting_id)
        return export_meeting(dataclasses.replace(self.meeting, status=status), "text")

    def _mark(self, status: str) -> None:
        try:
            archive.set_status(self.store, self.session.meeting_id, status, self.clock.now(), self.current_text(status))
        except PROBLEMS as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(f"marked {status}")
        self.show_heading()

    def action_draft(self) -> None:
        self._mark(archive.next_draft(self.store, self.session.meeting_id))

    def action_final(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._mark(archive.FINAL)

        try:  # refused before the question, not after it
            archive.ensure_editable(self.store, self.session.meeting_id)
        except archive.ArchiveError as error:
            self.notify(str(error), severity="warning")
            return
        self.app.push_screen(ConfirmScreen("Mark these minutes final? They cannot be edited until reopened (r)."), answered)

    def action_reopen(self) -> None:
        try:
            status = archive.reopen(self.store, self.session.meeting_id, self.clock.now())
        except PROBLEMS as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(f"reopened: {status}")
        self.show_heading()

    def action_versions(self) -> None:
        self.app.push_screen(DiffScreen(archive.versions(self.store, self.session.meeting_id), self.current_text()))

    def action_stats(self) -> None:
        self.app.push_screen(StatsScreen(self.store, self.clock, meeting_id=self.session.meeting_id))


# --- search ------------------------------------------------------------------------------------------


class SearchScreen(BackScreen):
    """Search every meeting; Enter on a result opens the meeting at that item."""

    CSS = """
    SearchScreen #query { margin: 0 1; }
    SearchScreen #results { height: 1fr; }
    SearchScreen #found { height: 1; padding: 0 2; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="review.close")]

    def __init__(self, store: Store, clock: Clock, query: str = "") -> None:
        super().__init__()
        self.store, self.clock, self.initial = store, clock, query
        self.hits: list = []

    def compose(self) -> ComposeResult:
        yield Input(self.initial, placeholder='words "a phrase" speaker:DE committee:COSI since 1 Nov 2021',
                    id="query")
        yield Static(id="found")
        yield OptionList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search"
        self.query_one("#query", Input).focus()
        if self.initial:
            self.run_search()

    @on(Input.Submitted, "#query")
    def run_search(self) -> None:
        results = self.query_one("#results", OptionList)
        found = self.query_one("#found", Static)
        today = self.clock.now().date()
        try:
            query = archive.parse_query(self.query_one("#query", Input).value, today)
            self.hits = archive.search(self.store, query, today)
        except PROBLEMS as error:
            found.update(str(error))
            return
        results.clear_options()
        for index, hit in enumerate(self.hits):
            prompt = Text(f"#{hit.meeting_id} {day(hit.meeting_date)} {hit.committee}  ", style="bold")
            if hit.kind == "item":  # the match is in the item's title
                prompt.append_text(highlighted(f"{hit.item_number} {hit.snippet}"))
                prompt.append("\n  (agenda item)", style="dim")
            else:
                prompt.append(f"{hit.item_number} {hit.item_title}\n  ")
                prompt.append("[private] " if hit.private else "", style="red")  # as the record marks it
                prompt.append(" ".join(hit.speakers) + ": " if hit.speakers else "", style="bold")
                prompt.append_text(highlighted(hit.snippet))
            results.add_option(Option(prompt, id=str(index)))
        note = archive.unsearched_note(self.store, query)
        found.update(f"{len(self.hits)} result{'s' * (len(self.hits) != 1)}" + (f" · {note}" if note else ""))
        if self.hits:
            results.highlighted = 0
            results.focus()

    @on(OptionList.OptionSelected, "#results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id)]
        open_screen(self.app, lambda: MeetingScreen(self.store, self.clock, hit.meeting_id, hit.item_id, hit.entry_id))


# --- statistics --------------------------------------------------------------------------------------


def _table(title: str, headers: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for header in headers:
        table.add_column(header, justify="left" if header in ("speaker", "item", "meeting", "") else "right")
    return table


def speakers_table(found: list[archive.SpeakerStat]) -> Table:
    table = _table("Speakers", ("speaker", "interventions", "time", ""))
    most = max((s.seconds for s in found), default=0)
    for s in found:
        table.add_row(s.code, str(s.interventions), archive.format_duration(s.time),
                      Text(archive.bar(s.seconds, most, 30), style="green"))
    return table


def items_table(title: str, found: list[archive.ItemTime], with_meeting: bool) -> Table:
    table = _table(title, (("meeting",) if with_meeting else ()) + ("item", "planned", "actual", ""))
    most = max((t.seconds or 0 for t in found), default=0)
    for t in found:
        over = t.planned_minutes is not None and (t.seconds or 0) > t.planned_minutes * 60
        table.add_row(
            *((f"#{t.meeting_id} {t.committee} {day(t.meeting_date)}",) if with_meeting else ()),
            t.label, archive.format_duration(t.planned_minutes * 60 if t.planned_minutes else None),
            archive.format_duration(t.seconds), Text(archive.bar(t.seconds or 0, most, 24), style="red" if over else "green"),
        )
    return table


def overruns_table(found: list[archive.Overrun]) -> Table:
    table = _table("Meetings that overran", ("meeting", "planned", "actual", "over"))
    for o in found:
        table.add_row(f"#{o.meeting_id} {o.committee} {day(o.meeting_date)}", archive.format_duration(o.planned_minutes * 60),
                      archive.format_duration(o.seconds), "+" + archive.format_duration(o.over_seconds))
    return table


class StatsScreen(BackScreen):
    """Speaking time and item times for one meeting, or across the meetings a filter selects."""

    CSS = """
    StatsScreen #range { margin: 0 1; }
    StatsScreen #stats { height: 1fr; padding: 0 2; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="review.close")]

    def __init__(self, store: Store, clock: Clock, meeting_id: int | None = None, query: str = "") -> None:
        super().__init__()
        self.store, self.clock, self.meeting_id, self.initial = store, clock, meeting_id, query

    def compose(self) -> ComposeResult:
        if self.meeting_id is None:
            yield Input(self.initial, placeholder="Which meetings: COSI, since 1 Nov 2021, last year ...", id="range")
        with VerticalScroll(id="stats"):
            yield Static(id="tables")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Statistics"
        self.show()

    @on(Input.Submitted, "#range")
    def show(self) -> None:
        try:
            self._show_tables()
        except StoreError as error:
            self.query_one("#tables", Static).update(str(error))

    def _show_tables(self) -> None:
        tables = self.query_one("#tables", Static)
        if self.meeting_id is not None:
            tables.update(Group(
                speakers_table(archive.speaker_stats(self.store, self.meeting_id)),
                items_table("Items: planned against actual time", archive.item_times(self.store, self.meeting_id), False),
            ))
            return
        try:
            query = archive.parse_query(self.query_one("#range", Input).value, self.clock.now().date())
        except archive.ArchiveError as error:
            self.notify(str(error), severity="warning")
            return
        query.committees += query.text.split()  # plain words name committees here
        tables.update(Group(
            speakers_table(archive.speaker_stats(self.store, query=query)),
            items_table("Longest items", archive.item_times(self.store, query=query, longest=10), True),
            overruns_table(archive.overruns(self.store, query)),
        ))


# --- versions ----------------------------------------------------------------------------------------


class DiffScreen(BackScreen):
    """What changed between two versions of the minutes (or a version and the current text)."""

    CSS = """
    DiffScreen #pickers { height: auto; max-height: 10; }
    DiffScreen #pickers OptionList { width: 1fr; height: auto; max-height: 10; }
    DiffScreen #diff-view { height: 1fr; padding: 0 1; border: round $panel; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="review.close")]

    def __init__(self, versions: list[archive.Version], current_text: str) -> None:
        super().__init__()
        self.texts = [(v.label, v.text) for v in versions] + [("current text", current_text)]

    def compose(self) -> ComposeResult:
        options = [label for label, _ in self.texts]
        with Horizontal(id="pickers"):
            yield OptionList(*options, id="old")
            yield OptionList(*options, id="new")
        with VerticalScroll(id="diff-view"):
            yield Static(id="diff")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Versions: from (left) to (right)"
        self.query_one("#old", OptionList).highlighted = max(len(self.texts) - 2, 0)
        self.query_one("#new", OptionList).highlighted = len(self.texts) - 1
        self.query_one("#old", OptionList).focus()
        self.show_diff()

    @on(OptionList.OptionHighlighted)
    def show_diff(self) -> None:
        old_index = self.query_one("#old", OptionList).highlighted or 0
        new_index = self.query_one("#new", OptionList).highlighted or 0
        (old_label, old), (new_label, new) = self.texts[old_index], self.texts[new_index]
        lines = archive.diff(old, new, old_label, new_label)
        styles = {"+": "green", "-": "red", "@": "cyan"}
        text = Text("\n").join(Text(line, style=styles.get(line[:1], "")) for line in lines)
        self.query_one("#diff", Static).update(text if lines else Text(f"No changes between {old_label} and {new_label}."))
