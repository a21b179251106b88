"""The record of one item: its entries in order, each with its time, as the minutes will read."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from copy import copy

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from minutes_tui.core.entry import on_one_line
from minutes_tui.core.model import Entry, EntryKind
from minutes_tui.core.phrasing import OUTCOME_LABELS
from minutes_tui.core.schedule import clock_text
from minutes_tui.tui.widgets.reflow import ScrollsWithoutReflow, virtual_size_without_reflow
from minutes_tui.tui.widgets.typing_order import KeysInTypedOrder

KIND_STYLES = {
    EntryKind.INTERVENTION: "",
    EntryKind.NOTE: "italic",
    EntryKind.OUTCOME: "bold",
    EntryKind.ACTION: "bold",
    EntryKind.STATEMENT: "",
}


class RecordList(KeysInTypedOrder, ScrollsWithoutReflow, ScrollView, can_focus=True):
    """The entries, each measured into lines once when it is shown (or the width changes) and
    rendered when it first comes into view; only the lines in view are drawn. Adding an entry words
    and wraps that entry alone; moving to another item renders only what the view shows of its
    record. Keys here act on the highlighted entry (shown while browsing): `request(what, entry id)`
    is called at once, so that the keys typed on after `e` find the form it opens."""

    COMPONENT_CLASSES = {"record--highlighted"}
    DEFAULT_CSS = """
    RecordList > .record--highlighted {
        background: $block-cursor-blurred-background;
    }
    RecordList:focus > .record--highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """
    BINDINGS = [
        Binding("e,enter", "request('edit')", "Edit", id="record.edit", tooltip="Edit the text and speakers of the highlighted entry"),
        Binding("delete,d", "request('delete')", "Delete", id="record.delete", tooltip="Delete the highlighted entry (ctrl+z brings it back)"),
        Binding("ctrl+up", "request('up')", "Move up", id="record.move_up", tooltip="Move the highlighted entry up"),
        Binding("ctrl+down", "request('down')", "Move down", id="record.move_down", tooltip="Move the highlighted entry down"),
        Binding("m", "request('to_item')", "To item", id="record.to_item", tooltip="Move the highlighted entry to another item (typed under the wrong one)"),
        Binding("up", "step(-1)", "Up", show=False),
        Binding("down", "step(1)", "Down", show=False),
        Binding("pageup", "step(-10)", "Page up", show=False),
        Binding("pagedown", "step(10)", "Page down", show=False),
        Binding("home", "step(-1_000_000)", "First", show=False),
        Binding("end", "step(1_000_000)", "Last", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False)  # an index into `entries`
    virtual_size = virtual_size_without_reflow()  # the record's size is fixed by the layout

    def __init__(self, request: Callable[[str, int], object] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._request = request  # (what, entry id): edit | delete | up | down | to_item
        self.entries: list[Entry] = []  # copies of the entries as shown (the session edits its own in place)
        self.prompts: list[Text] = []  # each entry as shown: time, speakers, sentence
        self._wording: object = None
        self._wrapped: list[WrappedPrompt] = []  # the prompts wrapped at `_width`
        self._width = 0
        self._lines: list[tuple[int, int]] = []  # each line of the record: (entry index, its line)
        self._first_line: list[int] = []  # each entry's first line

    def show_entries(self, entries: list[Entry], sentence: Callable[[Entry], str], wording: object = None) -> None:
        """Show the entries as `sentence` words them; `wording` is whatever else the sentences
        depend on (a change rewords them all). Highlight an entry that just appeared (added, or
        restored by undo), else keep the place while browsing (the highlighted entry, or the one
        that took the place of a deleted one), else the newest."""
        shown, keep, place = self.entries, self.highlighted_entry_id, self.highlighted
        if wording == self._wording and len(entries) >= len(shown) and all(map(operator.eq, shown, entries)):
            new, kept = entries[len(shown):], shown  # lines added (the usual step while taking minutes): word only those
        else:
            new, kept, self.prompts, self._wrapped, self._lines, self._first_line = entries, [], [], [], [], []
        self.prompts += [self._prompt(entry, sentence(entry)) for entry in new]
        before = {entry.id for entry in shown}
        self.entries, self._wording = kept + [copy(entry) for entry in new], wording
        self._wrap()
        ids = [entry.id for entry in entries]
        appeared = [n for n, entry_id in enumerate(ids) if entry_id not in before]
        if len(appeared) == 1 and before:
            self.highlighted = appeared[0]
        elif self.has_focus and keep in ids:
            self.highlighted = ids.index(keep)
        elif self.has_focus and place is not None and entries and not appeared:  # the highlighted one went
            self.highlighted = min(place, len(entries) - 1)
        else:
            self.highlighted = len(entries) - 1 if entries else None
        self.scroll_to_highlight()
        self.refresh()

    def _wrap(self) -> None:
        """Wrap the prompts not wrapped yet (all of them when the width changed)."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width, self._wrapped, self._lines, self._first_line = width, [], [], []
        if width <= 0:
            return
        console = self.app.console
        for index in range(len(self._wrapped), len(self.prompts)):
            wrapped = WrappedPrompt(self.prompts[index], width, console)
            self._wrapped.append(wrapped)
            self._first_line.append(len(self._lines))
            self._lines += [(index, n) for n in range(wrapped.height)]
        self.virtual_size = Size(width, len(self._lines))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # ScrollView's, but for moving a scrollbar that is 0 cells wide (minutes.tcss): a repaint
        # of a widget that is not on the screen makes Textual rebuild the whole screen's map.
        if self.show_vertical_scrollbar and self.styles.scrollbar_size_vertical:
            self.vertical_scrollbar.position = new_value
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_to_highlight)  # a new height (a new width: see render_lines)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.scrollable_content_region.width != self._width:
            # First drawn, or resized: rewrap, and show the highlighted (newest) entry in this very
            # frame, not the top of the record first and the right place a frame later.
            self._wrap()
            self.scroll_to_highlight()
        # The styles are worked out once per repaint, not once per line.
        self._line_style = self.rich_style
        self._highlight_style = self._line_style + self.get_component_rich_style("record--highlighted")
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        if line >= len(self._lines):
            return Strip.blank(self._width, self._line_style)
        index, part = self._lines[line]
        style = self._highlight_style if index == self.highlighted and self.has_focus else self._line_style
        strip = self._wrapped[index].strips[part]
        # What crop_extend(0, width).apply_style(style) gives (a line is never wider than the
        # record: it was wrapped at that width), in one Strip instead of two more.
        segments = [Segment(text, style + segment_style if segment_style else style) for text, segment_style, _ in strip]
        if pad := self._width - strip.cell_length:
            segments.append(Segment(" " * pad, style))
        return Strip(segments, self._width)

    def watch_highlighted(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def scroll_to_highlight(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self._first_line):
            top = self._first_line[self.highlighted]
            region = Region(0, top, self._width, self._wrapped[self.highlighted].height)
            self.scroll_to_region(region, animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        line = round(self.scroll_y) + event.y
        if 0 <= line < len(self._lines):
            self.highlighted = self._lines[line][0]

    def action_step(self, delta: int) -> None:
        if self.entries:
            current = self.highlighted if self.highlighted is not None else len(self.entries) - 1
            self.highlighted = min(max(current + delta, 0), len(self.entries) - 1)
            self.scroll_to_highlight()

    @staticmethod
    def _prompt(entry: Entry, sentence: str) -> Text:
        when = entry.started_at.strftime("%H:%M") if entry.started_at else "     "
        who = " ".join(entry.speakers) if entry.kind is EntryKind.INTERVENTION else entry.kind.value
        if entry.kind is EntryKind.OUTCOME and entry.outcome:
            who = f"outcome: {OUTCOME_LABELS.get(entry.outcome, entry.outcome)}"  # "took note", not took_note
        elif entry.kind is EntryKind.STATEMENT:
            who = f"statement by {' '.join(entry.speakers)}"
        prompt = Text.assemble((when, "dim"), " ", (who, "bold cyan" if entry.speakers else "bold"), " ")
        if entry.duration_seconds is not None:
            prompt.append(f"({clock_text(entry.duration_seconds)}) ", "dim")
        if entry.private:
            prompt.append("[private] ", "red")
        prompt.append(sentence or "(empty)", KIND_STYLES[entry.kind])
        if entry.kind is EntryKind.STATEMENT:  # the sentence only points to the Annex: show what goes there
            prompt.append(f" Annex: {on_one_line(entry.text)}", "italic")
        return prompt

    @property
    def highlighted_entry_id(self) -> int | None:
        return self.entries[self.highlighted].id if self.highlighted is not None and self.highlighted < len(self.entries) else None

    def action_request(self, what: str) -> None:
        if (entry_id := self.highlighted_entry_id) is not None and self._request is not None:
            self._request(what, entry_id)  # at once, not by a message: see KeysInTypedOrder


_NONSPACE = re.compile(r"[^ ]")


class WrappedPrompt:
    """A prompt wrapped at a width: its height at once, its lines when first drawn (the record
    draws only the entries in view, and a new item's record mostly starts below the view).

    The lines are exactly those of `Text.wrap` (a test compares them), but for one line of printable
    ASCII, where a character is a cell, wrapped the default way (no justify, overflow "fold"), the
    prompt is rendered once and cut at the line ends rather than divided and rendered line by line;
    anything else is left to Rich."""

    def __init__(self, prompt: Text, width: int, console: Console) -> None:
        self._prompt, self._console = prompt, console
        plain = prompt.plain
        default_wrap = prompt.justify in (None, "default") and prompt.overflow in (None, "fold")
        if default_wrap and not prompt.no_wrap and plain.isascii() and plain.isprintable() and width >= 1:
            self._ranges, self._strips = list(_line_ranges(plain, width)), None
        else:
            self._strips = [Strip(list(line.render(console))) for line in prompt.wrap(console, width)]
        self.height = len(self._ranges) if self._strips is None else len(self._strips)

    @property
    def strips(self) -> list[Strip]:
        if self._strips is None:
            self._strips = self._cut()
        return self._strips

    def _cut(self) -> list[Strip]:
        pieces, offset = [], 0  # each segment of the whole prompt, with where it starts
        for segment in self._prompt.render(self._console):
            pieces.append((offset, segment))
            offset += len(segment.text)
        return [
            Strip([Segment(segment.text[max(start - at, 0):end - at], segment.style)
                   for at, segment in pieces if at < end and at + len(segment.text) > start], end - start)
            for start, end in self._ranges
        ]


def _line_ranges(plain: str, width: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, as rich's divide_line, rstrip_end and truncate make them when
    every character is one cell wide and the only white space is " " (printable ASCII).

    Rich places word after word (a word: the text up to its next space, with the spaces after it;
    the first also with the spaces before it); a line ends before the first word whose text runs
    past the width, and a word longer than a line is folded. Worked out a line at a time: the word
    that does not fit is the one at the width's end, or the next one if a space is there."""
    starts, start, size = [0], 0, len(plain)
    leading = size - len(plain.lstrip(" "))
    while (end := start + width) < size:
        if plain[end] == " ":
            if (after := _NONSPACE.search(plain, end)) is None:
                break  # only spaces to the end: they stay on this line
            word = after.start()
        else:
            word = plain.rfind(" ", 0, end) + 1
        if word == leading:
            word = 0  # the first word carries the spaces before it
        text_end = plain.find(" ", max(word, leading))
        text_end = size if text_end < 0 else text_end
        if text_end - word <= width:
            start = word
        else:  # longer than a line, with the spaces after it: cut into lines of the width
            after = _NONSPACE.search(plain, text_end)
            word_end = size if after is None else after.start()
            start = word + (word_end - word - 1) // width * width
            starts += range(word or width, start + 1, width)
            continue
        starts.append(start)
    for start, end in zip(starts, [*starts[1:], size]):
        if end - start > width:  # white space past the width is dropped, then the line cut
            line = plain[start:end]
            end -= min(len(line) - len(line.rstrip()), end - start - width)
            end = min(end, start + width)
        yield start, end
