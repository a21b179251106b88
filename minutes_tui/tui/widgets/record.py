"""The record of one item: its entries in order, each with its time, as the minutes will read."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutes_tui.core.model import Entry, EntryKind
from minutes_tui.core.schedule import clock_text

KIND_STYLES = {
    EntryKind.INTERVENTION: "",
    EntryKind.NOTE: "italic",
    EntryKind.OUTCOME: "bold",
    EntryKind.ACTION: "bold",
}


class RecordList(OptionList):
    """One option per entry (option id = entry id). Keys here act on the highlighted entry."""

    BINDINGS = [
        Binding("e,enter", "request('edit')", "Edit", id="record.edit", tooltip="Edit the text and speakers of the highlighted entry"),
        Binding("delete,d", "request('delete')", "Delete", id="record.delete", tooltip="Delete the highlighted entry (ctrl+z brings it back)"),
        Binding("ctrl+up", "request('up')", "Move up", id="record.move_up", tooltip="Move the highlighted entry up"),
        Binding("ctrl+down", "request('down')", "Move down", id="record.move_down", tooltip="Move the highlighted entry down"),
    ]

    @dataclass
    class EntryRequest(Message):
        """The user asked for something to be done to an entry."""

        what: str  # edit | delete | up | down
        entry_id: int

    def show_entries(self, rows: list[tuple[Entry, str]]) -> None:
        """Show (entry, sentence) rows: highlight an entry that just appeared (added, or restored by
        undo), else keep the highlighted one while browsing, else the newest."""
        keep = self.highlighted_entry_id
        before = {int(option.id) for option in self.options if option.id}
        self.set_options(Option(self._prompt(entry, text), id=str(entry.id)) for entry, text in rows)
        ids = [entry.id for entry, _ in rows]
        appeared = [i for i in ids if i not in before]
        if len(appeared) == 1 and before:
            self.highlighted = ids.index(appeared[0])
        elif keep in ids and self.has_focus:
            self.highlighted = ids.index(keep)
        elif rows:
            self.highlighted = len(rows) - 1
        self.scroll_to_highlight()

    @staticmethod
    def _prompt(entry: Entry, sentence: str) -> Text:
        when = entry.started_at.strftime("%H:%M") if entry.started_at else "     "
        who = " ".join(entry.speakers) if entry.kind is EntryKind.INTERVENTION else entry.kind.value
        if entry.kind is EntryKind.OUTCOME and entry.outcome:
            who = f"outcome: {entry.outcome}"
        prompt = Text.assemble((when, "dim"), " ", (who, "bold cyan" if entry.speakers else "bold"), " ")
        if entry.duration_seconds is not None:
            prompt.append(f"({clock_text(entry.duration_seconds)}) ", "dim")
        if entry.private:
            prompt.append("[private] ", "red")
        prompt.append(sentence or "(empty)", KIND_STYLES[entry.kind])
        return prompt

    @property
    def highlighted_entry_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None

    def action_request(self, what: str) -> None:
        if (entry_id := self.highlighted_entry_id) is not None:
            self.post_message(self.EntryRequest(what, entry_id))
