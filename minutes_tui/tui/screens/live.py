"""The live screen: follow the agenda and record the meeting from the keyboard.

The screen is the translator between widgets and the core: widgets post messages, the handlers here
call the `Session` (each call is one committed SQLite transaction) and then redraw only what changed
from `session.meeting`. Every handler that changes data goes through `change()`, which turns the
core's one-line errors into a status message and keeps whatever the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, Tree
from textual.widgets.input import Selection

from minutes_tui.core import phrasing
from minutes_tui.core.clock import Clock
from minutes_tui.core.completion import completions
from minutes_tui.core.entry import EntryLineError, entry_line, on_one_line, pasted_lines, split_speakers
from minutes_tui.core.errors import MinutesError
from minutes_tui.core.model import Entry, EntryKind, ItemState, MeetingDetails
from minutes_tui.core.schedule import planned_end, projected_end
from minutes_tui.core.session import LineResult, Session, SessionError
from minutes_tui.core.store import StoreError
from minutes_tui.tui.screens.form import Field, FormModal
from minutes_tui.tui.widgets.agenda import AgendaTree
from minutes_tui.tui.widgets.entry_line import EntryLine
from minutes_tui.tui.widgets.panels import ItemHeader, MeetingHeader, Panel, QueuePanel
from minutes_tui.tui.widgets.record import RecordList

ERRORS = (SessionError, EntryLineError, StoreError)

DETAIL_LABELS = {
    "committee": "Committee (full name)",
    "short_name": "Short name (COSI)",
    "body_name": 'The body in sentences ("the Committee")',
    "meeting_date": "Date (YYYY-MM-DD)",
    "end_date": "Second day, if any (YYYY-MM-DD)",
    "time": "Time (10.00)",
    "place": "Place",
    "agenda_ref": "Agenda document (CM 5119/21)",
    "doc_number": "Outcome document number (14342/21)",
    "file_codes": "File codes (JAI 1297 COSI 240)",
    "classification": "Classification marking (LIMITE)",
    "issue_place": "Issued at",
    "issue_date": "Issued on (YYYY-MM-DD)",
    "language": "Original language",
    "sender": "From",
    "recipient": "To",
    "subject": "Subject (default: the committee's name)",
    "house_style": "House style",
}
DATE_FIELDS = {"meeting_date", "end_date", "issue_date"}


def set_border(widget: Widget, title: str | None = None, subtitle: str | None = None) -> None:
    """Change a border's title or subtitle only if it differs: setting one repaints the widget."""
    if title is not None and widget.border_title != title:
        widget.border_title = title
    if subtitle is not None and widget.border_subtitle != subtitle:
        widget.border_subtitle = subtitle


def _typed_in_form(screen: Screen) -> list[str]:
    return list(screen.values().values()) if isinstance(screen, FormModal) else []


def _joined(values: dict[str, str]) -> str:
    """A form's fields on one line, for a form that cannot be opened again."""
    return " · ".join(filter(None, map(str.strip, values.values())))


class LiveScreen(Screen[None]):
    AUTO_FOCUS = "#entry"  # typing must never land in the tree, whose letter keys change the agenda
    BINDINGS = [
        Binding("f1", "app.help", "Help", id="help", tooltip="Keys and entry-line commands"),
        Binding("f6,ctrl+n", "next_item", "Next", id="next_item", tooltip="Close this item and open the next one (/next)"),
        Binding("f5", "prev_item", "Prev", id="prev_item", show=False, tooltip="Go back to the previous item (/prev)"),
        Binding("f2,ctrl+g", "go_to_item", "Go to", id="go_to_item", tooltip="Open an item by its number (/go 6.2)"),
        Binding("f4,ctrl+o", "set_outcome", "Outcome", id="set_outcome", tooltip="Set the current item's outcome (/outcome)"),
        Binding("f7", "queue", "Queue", id="queue_add", show=False, tooltip="Add speakers to the queue (a form: the line being typed stays)"),
        Binding("f8", "give_floor", "Floor", id="give_floor", tooltip="Give the floor to the next in the queue; the entry line is what the last one said (/floor)"),
        Binding("f9", "end_floor", "End", id="end_floor", tooltip="End the current turn; the entry line's text is what they said (/end)"),
        Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last change (/undo)"),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False, tooltip="Make again what the last undo reverted (/redo)"),
        Binding("ctrl+t", "focus('agenda')", "Agenda", id="focus_agenda", tooltip="Browse the agenda: add, withdraw, postpone, move items"),
        Binding("ctrl+r", "focus('record')", "Record", id="focus_record", tooltip="Browse the record: edit, delete, move entries"),
        Binding("escape", "focus('entry')", "Entry line", id="focus_entry", show=False, tooltip="Back to the entry line"),
        Binding("ctrl+s", "export", "Export", id="export", show=False, tooltip="Export the minutes to a file"),
        Binding("f3", "details", "Details", id="details", show=False, tooltip="The meeting's details for the finished document"),
        Binding("f10", "review", "Archive", id="review", show=False, tooltip="Past meetings: browse, polish, search, statistics"),
    ]

    def __init__(self, session: Session, clock: Clock, read_only: str = "") -> None:
        super().__init__()
        self.session = session
        self.clock = clock
        self.read_only = read_only  # why this window may not change the meeting, or ""
        self.lock_held_elsewhere = bool(read_only) and not session.store.read_only  # it may take over
        self.style = phrasing.load_style(session.meeting.details.house_style or "council")
        # Reopened after changes: they are all in the store ("no changes yet" read as if they were lost).
        self.saved = "all saved" if session.store.newest_change(session.meeting_id) else "no changes yet"
        self.not_saved = False
        self._draft = ("", "")  # the draft as last saved: the entry line, and the form left open
        self._form: tuple = ()  # how `ask` would open the form on screen again (see REOPEN), or ()
        self._as_line: Callable[[dict[str, str]], str] = _joined  # that form as an entry line
        self._restoring: dict[str, str] | None = None  # what was typed in that form before a restart
        self._index_failed = False  # the search index could not be written the last time
        self._meeting = session.meeting  # the object the tree was built from (undo replaces it)
        self._structure: list[tuple] | None = None  # ids, parents, sections: None until built
        self._current_id = session.current_item_id  # what the tree last marked as current
        self._viewed_id: int | None = None  # the item whose record is shown, when not the current one
        # Speaker codes for the examples in hints: a board's own (CEO CFO), else delegations (DE FR)
        self.examples = [speaker.code for speaker in session.meeting.speakers[:2]] or ["DE", "FR"]

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield MeetingHeader(id="header")
        yield Static(self.read_only, id="banner", classes="" if self.read_only else "hidden")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield AgendaTree(self.item_request, id="agenda")
                yield QueuePanel(id="queue")
            with Vertical(id="right"):
                yield ItemHeader(id="item")
                yield RecordList(self.entry_request, id="record")
        yield Panel(id="status")
        yield EntryLine(
            lambda text: completions(text, self.session.register),
            self.submit_line,
            lambda text: pasted_lines(text, self.session.register),
            id="entry",
            placeholder=f"{self.examples[0]} called for ...  ·  a note  ·  /next  /outcome took note  ·  F1 help",
            disabled=bool(self.read_only),
            select_on_focus=False,  # focus comes back after every modal: never select the typed text
        )
        yield Footer(compact=True)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # the footer's keys fit 80 columns without the palette's

    def on_mount(self) -> None:
        self.query_one(AgendaTree).type_into = self.query_one(RecordList).type_into = self.entry  # letters start a line
        self.query_one(QueuePanel).border_title = "Speakers"
        self.query_one(RecordList).border_title = "Record"
        try:
            self.sync()
        except StoreError as error:  # the first screen reads the current item's entries
            self.app.leave_with_error(str(error))
            return
        if not self.read_only:
            self.restore_drafts()
        self.set_interval(1, self.every_second)

    def restore_drafts(self) -> None:
        """What was typed and not recorded when the app stopped: the line, and a form left open."""
        store, meeting_id = self.session.store, self.session.meeting_id
        self._draft = (store.load_draft(meeting_id), store.load_form_draft(meeting_id))
        self.entry.value, *self.entry.waiting = self._draft[0].split("\n")
        self.entry.cursor_position = len(self.entry.value)
        if self._draft[1]:
            self.call_after_refresh(self.reopen_form, self._draft[1])

    def every_second(self) -> None:
        if self.read_only and self.session.store.changed_elsewhere():  # follow the window that holds it
            self.follow_the_holder()
        if self.read_only and self.lock_held_elsewhere and not self.session.store.held_elsewhere(self.session.meeting_id):
            self.take_over()
        self.tick()
        self.index_for_search()

    def take_over(self) -> None:
        """The window that held the meeting has closed (or died): this one takes the minutes now,
        from what that one left (its banner named a process that was gone)."""
        store, meeting_id = self.session.store, self.session.meeting_id
        try:
            if not store.acquire_lock(meeting_id, self.clock.now()):
                return
            self.session.reload()
        except StoreError as error:
            self.say(f"could not take over the meeting: {error}", error=True)
            return
        self.read_only = self.app.read_only = ""
        self.lock_held_elsewhere = False
        self.query_one("#banner").add_class("hidden")
        self.entry.disabled = False
        self.restore_drafts()
        self.sync()
        self.set_focus(self.entry)
        self.say("the other window has closed: this one takes the minutes now")

    def follow_the_holder(self) -> None:
        try:
            self.session.reload()
        except StoreError as error:
            self.say(f"could not read the other window's changes: {error}", error=True)
            return
        self.sync()

    def index_for_search(self) -> None:
        """Index the lines saved in the last second for search: saving a line leaves that to here,
        out of the way of Enter (see `Store.index_pending`)."""
        if self.read_only:
            return
        try:
            self.session.store.index_pending()
        except StoreError as error:
            if not self._index_failed:  # once, not every second over what else the status line says
                self.say(f"search index not updated: {error}", error=True)
            self._index_failed = True
        else:
            self._index_failed = False

    @property
    def entry(self) -> EntryLine:
        return self.query_one(EntryLine)

    # --- redrawing -----------------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: the clocks, the running times, and the draft if it changed."""
        if (current := self.session.current_item) is not None:
            now = self.clock.now()
            self.query_one(AgendaTree).update_item(current, now, self.session.meeting.states_shown([current])[current.id])
        self.show_panels()

    def show_panels(self) -> None:
        """Everything but the agenda and the record: the headers, the speakers, the schedule, and
        the draft if it changed."""
        now = self.clock.now()
        meeting = self.session.meeting
        self.query_one(MeetingHeader).show(meeting.details, now, meeting.started_at, self.saved, meeting.ended_at)
        current = self.session.current_item
        shown = self.session.item(self._viewed_id) if self._viewed_id else current
        presenter = phrasing.presenter_phrase(shown.presenter, self.session.register, self.style) if shown else ""
        self.query_one(ItemHeader).show(shown, now, meeting.full_label(shown) if shown else "", presenter, meeting.ended_at)
        floor = (self.session.floor.speakers, self.session.floor.since) if self.session.floor else None
        elsewhere = self.session.floor_elsewhere()  # its turn goes there: say so
        self.query_one(QueuePanel).show(self.session.queue, floor, self.session.speaking_seconds(), now,
                                        meeting.reference(elsewhere) if elsewhere else "")
        self._show_schedule()
        self.save_draft()

    def _show_schedule(self) -> None:
        meeting, now = self.session.meeting, self.clock.now()
        planned, projected = planned_end(meeting), projected_end(meeting, now)
        parts = [f"planned end {planned:%H:%M}" if planned else "", f"projected {projected:%H:%M}" if projected else ""]
        set_border(self.query_one(AgendaTree), subtitle=" · ".join(p for p in parts if p))

    def sync(self, touched: int | None = None) -> None:
        """Redraw after a change: the tree nodes that changed (all of it after undo or an agenda
        change), the record of the item on view, and the panels."""
        meeting, now = self.session.meeting, self.clock.now()
        tree = self.query_one(AgendaTree)
        structure = [(i.id, i.parent_id, i.section) for i in meeting.items]
        if meeting is not self._meeting or structure != self._structure:
            self._meeting, self._structure = meeting, structure
            tree.build(meeting, now)
        else:
            changed = [self.session.item(i) for i in {self._current_id, self.session.current_item_id, touched} - {None}]
            changed += [parent for item in changed for parent in meeting.ancestors(item)]  # theirs follows
            shown = meeting.states_shown(changed)
            for item in changed:
                tree.update_item(item, now, shown[item.id])
        if self._current_id != self.session.current_item_id:
            self._viewed_id = None
        self._current_id = self.session.current_item_id
        tree.show_item(self._current_id)
        if self._viewed_id not in {i.id for i in meeting.items}:
            self._viewed_id = None
        self.show_record()
        self.show_panels()  # the current item's line is among those redrawn above

    def show_record(self) -> None:
        item_id = self._viewed_id or self.session.current_item_id
        record = self.query_one(RecordList)
        if item_id is None:
            record.show_entries([], str)
            set_border(record, title="Record")
            return
        item = self.session.item(item_id)
        set_border(record, title=f"Record of {self.session.meeting.full_number(item).rstrip('.') or item.title[:50].rstrip()}" + (
            "" if item_id == self.session.current_item_id else " (not the current item)"
        ))
        style, register, details = self.style, self.session.register, self.session.meeting.details
        wording = (style, register, details, item)  # what sentences depend on

        def sentence(entry: Entry) -> str:  # the entry as the minutes will read it
            return phrasing.entry_sentence(entry, item, details, register, style)

        record.show_entries(self.session.meeting.entries_for(item_id), sentence, wording)

    def say(self, message: str, error: bool = False) -> None:
        status = self.query_one("#status", Panel)
        status.show_text(Text(message, "bold" if error else ""))  # in the theme's error colour (#status.error)
        status.set_class(error, "error")

    # --- changing the meeting ------------------------------------------------------------------

    def change(self, action: Callable[[], object], message: str = "", touched: int | None = None) -> str | None:
        """Run one session operation: on success show the save time, redraw and return None; on
        failure show the error and return it (forms keep it on screen, with the user's text)."""
        self.not_saved = bool(self.read_only)  # the last change could not be saved (see submit_line)
        if self.read_only:
            return self.fail(self.read_only)
        try:
            result = action()
        except ERRORS as error:
            if isinstance(error, StoreError):
                self.saved, self.not_saved = "NOT SAVED", True
            return self.fail(str(error))
        self.saved = f"saved {self.clock.now():%H:%M:%S}"
        self.say(result.message if isinstance(result, LineResult) else result if isinstance(result, str) else message)
        self.sync(touched)
        return None

    def fail(self, message: str) -> str:
        self.say(message, error=True)
        self.show_panels()
        return message

    def save_draft(self) -> bool:
        """Keep the half-typed line, and what is typed in a form left open, in the store (a crash
        loses at most a second of typing); say whether all that is typed is saved now."""
        form = self.app.screen
        typed_in_form = ""
        if self._form and isinstance(form, FormModal):
            values = form.values()
            typed_in_form = json.dumps({"form": self._form, "values": values, "line": self._as_line(values)})
        draft = ("\n".join([self.entry.value, *self.entry.waiting]), typed_in_form)  # pasted lines waiting too
        if self.read_only or draft == self._draft:
            return True
        try:
            self.session.store.save_draft(self.session.meeting_id, draft[0], self.clock.now(), typed_in_form)
        except StoreError as error:
            if not self.not_saved:  # the line that could not be saved says so already (and why)
                self.say(f"draft not saved: {error}", error=True)
            return False
        self._draft = draft
        return True

    def unsaved(self) -> str:
        """What is typed and not in the store (a full disk): the entry line and a form's fields."""
        typed = [self.entry.value, *self.entry.waiting, *_typed_in_form(self.app.screen)]
        return " · ".join(filter(None, map(str.strip, typed)))

    def submit_line(self, text: str) -> None:
        """Enter in the entry line: the line is cleared (and the draft with it) once it is stored.
        A line the app refused (an unknown command, an item that is not there) stays, selected, and
        goes into the history: the next line, typed without looking up, replaces it rather than run
        on from it, and until then it is kept as the draft (it was in memory only). A line that
        could not be saved stays, for Enter to try again."""
        error = self.change(lambda: self.session.apply_line(text))
        if error is None or not self.not_saved:
            self.entry.remember(text)
            if error is not None and not self.entry.value:
                self.entry.value = text
                self.entry.selection = Selection(0, len(text))
            self.save_draft()
        if error is not None and not self.not_saved:
            self.say(f"{error} · ↑ brings the line back", error=True)

    @on(EntryLine.Completions)
    def show_completions(self, event: EntryLine.Completions) -> None:
        if len(event.candidates) > 1:
            self.say("Tab: " + "  ".join(c.strip().rsplit(" ", 1)[-1] for c in event.candidates[:12]))

    @on(Input.Changed, "#entry")
    def back_to_current(self) -> None:
        if self._viewed_id is not None:
            self._viewed_id = None
            self.show_record()
            self.show_panels()

    def action_next_item(self) -> None:
        self.change(lambda: self.session.move(self.session.go_next))

    def action_prev_item(self) -> None:
        self.change(lambda: self.session.move(self.session.go_prev))

    def action_undo(self) -> None:
        self.change(lambda: self.session.apply_line("/undo"))

    def action_redo(self) -> None:
        self.change(lambda: self.session.apply_line("/redo"))

    def action_focus(self, widget_id: str) -> None:
        # Here and now (`focus()` waits its turn in the app's queue, behind the keys typed next).
        self.set_focus(self.query_one(f"#{widget_id}"))
        if widget_id == "entry":  # back to the meeting: the open item's record, not one browsed
            self.back_to_current()

    def action_queue(self) -> None:
        """F7: a small form, so that a line half-typed when a flag goes up stays as it is."""
        self.ask("Queue speakers", [Field("speakers", f"Speakers ({' '.join(self.examples)} ...)", placeholder=" ".join(self.examples))],
                 lambda v: self.change(lambda: self.session.apply_line(f"/queue {v['speakers']}")),
                 reopen=("queue",), as_line=lambda v: f"/queue {v['speakers']}".strip())

    def action_give_floor(self) -> None:
        # The entry line holds the gist of the turn that ends, if one does (as for F9).
        text = self.entry.value if self.session.floor else ""
        if self.change(lambda: self.session.pass_floor(text)) is None and text.strip():
            self.entry.remember(text)

    def action_end_floor(self) -> None:
        text = self.entry.value
        if self.change(lambda: self.session.record_turn(text)) is None and text.strip():
            self.entry.remember(text)

    def action_go_to_item(self) -> None:
        self.ask("Go to item", [Field("number", "Item number", placeholder="6.2")],
                 lambda v: self.change(lambda: self.session.move(lambda: self.session.go_to(v["number"]))))

    def action_set_outcome(self) -> None:
        item = self.session.current_item
        if item is None:
            self.say("no item is open: use /next or /go NUMBER first", error=True)
            return
        existing = self.session.outcome_of(item.id)
        choices = [(f"{label} ({code})", code) for code, label in phrasing.OUTCOME_LABELS.items()]

        def save(values: dict[str, str]) -> str | None:
            # The wording is what the minutes say, read as /outcome reads it ("endorsed" alone: the standard sentence)
            named, text = phrasing.outcome_code_from_text(values["text"])
            return self.change(lambda: self.session.record_outcome(named or values["code"], text))

        code = existing.outcome if existing and existing.outcome else phrasing.suggested_outcome(item)
        wording = existing.text if existing else ""
        standard = phrasing.outcome_sentence(Entry(None, item.id, EntryKind.OUTCOME, outcome=code), item,
                                             self.session.meeting.details, self.style, self.session.register)
        self.ask(
            f"Outcome of {self.session.meeting.full_label(item)}",
            [
                Field("code", "Outcome", code, choices),
                Field("text", "Wording (empty: the standard sentence)", wording,  # which the placeholder shows
                      placeholder=standard, selected=bool(wording)),  # typing replaces it
            ],
            save, reopen=("outcome",), as_line=lambda v: f"/outcome {v['text'].strip() or v['code']}",
            focus="text",  # what is typed; its words set the code (the list is for the standard sentence)
        )

    def action_export(self) -> None:
        from minutes_tui.export import FORMATS, export_meeting
        from minutes_tui.export.files import write_private

        details = self.session.meeting.details
        stem = f"{details.short_name or 'minutes'}-{details.meeting_date or 'meeting'}".replace(" ", "_")
        asked: set[Path] = set()  # files the user was told exist: Enter again replaces them

        def write(values: dict[str, str]) -> str | None:
            fmt, path = values["format"], Path(values["file"].strip()).expanduser()
            if not path.name or path.name == "..":
                return "name the file to write (the extension follows the format)"
            if path.suffix == "":
                path = path.with_suffix(f".{fmt}")  # the format names are the usual extensions
            elif path.suffix[1:].lower() in FORMATS and path.suffix[1:].lower() != fmt:
                return f"{path.name} names another format than {fmt}: change the name or the format"
            if path.exists() and path not in asked:
                asked.add(path)
                return f"{path} exists already: Enter again replaces it, or choose another name"
            try:
                store, meeting_id = self.session.store, self.session.meeting_id
                content = export_meeting(self.session.meeting, fmt, self.session.register, self.style,
                                         events=store.events(meeting_id), versions=store.versions(meeting_id))
                write_private(path, content, force=path in asked, database=self.session.store.path)
            except (MinutesError, ValueError) as error:
                return f"could not export: {error}"
            self.say(f"wrote {path.resolve()}")  # where it went: the folder the app was started in is easily forgotten
            return None

        self.ask("Export the minutes", [Field("format", "Format", "md", [(f, f) for f in FORMATS]),
                                        Field("file", "File (the extension follows the format)", stem)], write,
                 hint=self._export_hint(), changes=False, focus="file")  # a name typed at once goes there

    def _export_hint(self) -> str:
        """What looks unfinished (export anyway if it is meant), then the start of the text."""
        from minutes_tui.export import export_meeting
        from minutes_tui.export.check import check_meeting

        warnings = check_meeting(self.session.meeting, self.session.register, self.style)
        lines = [f"Check: {w}" for w in warnings[:4]]
        if len(warnings) > 4:
            lines.append(f"Check: … and {len(warnings) - 4} more (minutes export --check lists them all)")
        preview = str(export_meeting(self.session.meeting, "txt", self.session.register, self.style))
        return "\n".join([*lines, "", "Preview (as plain text):", *preview.splitlines()[:14], "…"])

    def action_review(self) -> None:
        from minutes_tui.tui.screens.review import ReviewScreen

        self.save_draft()
        # The archive may change this meeting too (polish, status): show what is stored on return.
        self.app.push_screen(ReviewScreen(self.session.store, self.clock), lambda _: self._after_review())

    def _after_review(self) -> None:
        self.session.reload()
        self.sync()

    def action_details(self) -> None:
        details = self.session.meeting.details
        form = [
            Field(f.name, DETAIL_LABELS.get(f.name, f.name),
                  value.isoformat() if isinstance(value := getattr(details, f.name), date) else str(value or ""),
                  [(n, n) for n in phrasing.style_names()] if f.name == "house_style" else ())
            for f in fields(MeetingDetails)
        ]

        def save(values: dict[str, str]) -> str | None:
            changes: dict[str, object] = {}
            for name, text in values.items():
                value: object = text.strip()
                if name in DATE_FIELDS:
                    try:
                        value = date.fromisoformat(text.strip()) if text.strip() else None
                    except ValueError:
                        return f"{DETAIL_LABELS[name]}: not a date like 2021-11-22"
                if value != getattr(details, name):
                    changes[name] = value
            if not changes:
                return None
            error = self.change(lambda: self.session.update_details(**changes), "details saved")
            if error is None and "house_style" in changes:
                self.style = phrasing.load_style(self.session.meeting.details.house_style)
                self.show_record()
            return error

        self.ask("Meeting details", form, save, reopen=("details",))

    # Forms that come back, with what was typed in them, when the app died while one was open:
    # `ask(..., reopen=(name, *arguments))` names the method here that opens it again; its `as_line`
    # gives the entry line that does the same job, should it not open (its entry was deleted ...).
    REOPEN = {"outcome": "action_set_outcome", "add": "add_item_form", "edit": "edit_entry", "details": "action_details",
              "move": "move_entry_form", "queue": "action_queue"}

    def ask(self, title: str, form: list[Field], submit: Callable[[dict[str, str]], str | None], hint: str = "",
            reopen: tuple = (), as_line: Callable[[dict[str, str]], str] = _joined, changes: bool = True,
            focus: str = "") -> None:
        """Open a form; `changes`: its answers change the meeting (refused at once in a read-only window,
        rather than after the typing); `focus`: the field to type in first (else the first)."""
        if changes and self.read_only:
            self.fail(self.read_only)
            return
        if self._restoring is not None:
            # What was typed before the crash is the user's own: not offered to be replaced
            form = [replace(field, value=self._restoring.get(field.name, field.value), selected=False) for field in form]
            self._restoring = None
        self._form, self._as_line = reopen, as_line

        def answered(values: dict[str, str]) -> str | None:
            error = submit(values)
            if error is None:  # done: the form must not come back after a crash before it has closed
                self._form_closed()
                # Back to the minutes, whichever widget opened it: a line typed on at once after an
                # edit from the record went to the record, whose `d` and `e` deleted and edited entries.
                self.set_focus(self.entry)
            return error

        self.app.push_screen(FormModal(title, form, answered, hint, focus), lambda _: self._form_closed())

    def _form_closed(self) -> None:
        self._form = ()
        self.save_draft()

    def reopen_form(self, saved: str) -> None:
        """Open again the form the app died with, holding what was typed in it; if it cannot be
        (its entry was deleted meanwhile ...), what was typed goes to the entry line."""
        line = ""
        try:
            draft = json.loads(saved)
            name, *arguments = draft["form"]
            self._restoring = {str(k): str(v) for k, v in draft["values"].items()}
            line = str(draft["line"])
            getattr(self, self.REOPEN[name])(*arguments)
        except (MinutesError, ValueError, KeyError, TypeError, AttributeError):
            pass
        if self._restoring is None:
            self.say("the form left open when the app stopped is back, with what was typed in it")
            return
        typed = " ".join(line.split()) if any(v.strip() for v in self._restoring.values()) else ""
        self._restoring = None
        if typed:
            self.entry.value = " ".join(filter(None, [self.entry.value.strip(), typed]))
            self.say("a form left open when the app stopped could not be opened again: what it held is in the entry line", error=True)
        self.save_draft()  # in place of the form's draft

    # --- the agenda tree and the record --------------------------------------------------------

    @on(Tree.NodeHighlighted, "#agenda")
    def view_item(self, event: Tree.NodeHighlighted) -> None:
        """Browsing the tree shows each item's record, so earlier entries can be edited."""
        if self.query_one(AgendaTree).has_focus and event.node.data is not None:
            self._viewed_id = None if event.node.data == self.session.current_item_id else event.node.data
            self.show_record()
            self.show_panels()

    def item_request(self, what: str, item_id: int) -> None:
        session = self.session
        item = session.item(item_id)
        if what == "go":
            if self.go_to_item(item_id) is None:
                self.action_focus("entry")  # the item is open: what is said on it comes next
        elif what in ("withdraw", "postpone"):
            state = ItemState.WITHDRAWN if what == "withdraw" else ItemState.POSTPONED
            new = ItemState.PENDING if item.state is state else state
            said = f"item {session.meeting.reference(item)} {new.value}"
            self.change(lambda: session.set_item_state(item_id, new), said, item_id)
        elif what in ("up", "down"):
            self.change(lambda: session.move_item(item_id, -1 if what == "up" else 1), "item moved")
        else:
            self.add_item_form(item_id, what == "add_sub")

    def add_item_form(self, item_id: int, child: bool) -> None:
        session = self.session
        # The likely number is a hint, taken if the field is left empty: as a value, a number typed
        # in ran on from it ("3.1.3.7").
        suggested = session.next_number(item_id, child)

        def add(values: dict[str, str]) -> str | None:
            number = values["number"].strip() or suggested
            return self.change(lambda: session.add_item(values["title"], number, after_item_id=item_id, as_child=child),
                               "item added") if values["title"].strip() else "the item needs a title"

        self.ask(
            f"Add {'a sub-item under' if child else 'an item after'} {session.meeting.full_label(session.item(item_id))}",
            [Field("number", f"Number (empty: {suggested})" if suggested else "Number (may stay empty)",
                   placeholder=suggested or "e.g. 12.1"),
             Field("title", "Title", placeholder="AOB: ...")],
            add, reopen=("add", item_id, child), as_line=lambda v: f"/add {v['number'].strip() or suggested} {v['title']}",
            focus="title",  # what is typed first; the number is suggested (shift+tab to change it)
        )

    def go_to_item(self, item_id: int) -> str | None:
        return self.change(lambda: self.session.move(lambda: self.session.go_to_item(item_id)))

    def entry_request(self, what: str, entry_id: int) -> None:
        session = self.session
        if what == "delete":
            self.change(lambda: session.delete_entry(entry_id), "entry deleted: ctrl+z brings it back")
        elif what in ("up", "down"):
            self.change(lambda: session.move_entry(entry_id, -1 if what == "up" else 1), "entry moved")
        else:
            try:
                (self.move_entry_form if what == "to_item" else self.edit_entry)(entry_id)
            except SessionError as error:  # gone meanwhile (deleted in another window)
                self.fail(str(error))

    def move_entry_form(self, entry_id: int) -> None:
        session = self.session
        session.entry(entry_id)  # gone meanwhile (another window, a restart): SessionError, no form

        def move(values: dict[str, str]) -> str | None:
            number = values["number"].strip()
            return self.change(lambda: session.move_entry_to(entry_id, session.find_item(number).id),
                               f"entry moved to item {number}")

        self.ask("Move the entry to item", [Field("number", "Item number", placeholder="6.2")], move,
                 reopen=("move", entry_id), as_line=lambda values: "")  # a number alone: nothing of the minutes

    def edit_entry(self, entry_id: int) -> None:
        entry = self.session.entry(entry_id)
        form = [Field("text", "Text", on_one_line(entry.text))]  # a statement's paragraphs with "¶" between
        if entry.kind in (EntryKind.INTERVENTION, EntryKind.ACTION, EntryKind.STATEMENT):
            form.insert(0, Field("speakers", f"Speakers ({', '.join(self.examples)} ..., or free text)", ", ".join(entry.speakers)))

        def save(values: dict[str, str]) -> str | None:
            changes: dict[str, object] = {"text": values["text"].strip()}
            if "speakers" in values:
                typed = values["speakers"].strip()
                changes["speakers"] = list(split_speakers(typed, self.session.register) or ([typed] if typed else []))
            return self.change(lambda: self.session.edit_entry(entry.id, **changes), "entry changed")

        self.ask(f"Edit {entry.kind.value}", form, save, reopen=("edit", entry.id), focus="text",  # what is mostly put right
                 as_line=lambda v: entry_line(entry, v.get("text", ""), v.get("speakers", "")))
