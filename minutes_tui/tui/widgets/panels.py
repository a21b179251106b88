"""Small read-only panels: the meeting header, the current item and the speakers' queue.

Each one formats what the screen hands it; the screen decides when (once a second, or after a change).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Offset, Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

from minutes_tui.core.model import AgendaItem, MeetingDetails
from minutes_tui.core.schedule import clock_text, item_seconds


def _seconds(since: datetime | None, now: datetime) -> int | None:
    return int((now - since).total_seconds()) if since else None


class Panel(Widget):
    """A few lines of text. Its lines are worked out when the text or the width changes and drawn
    as they are: a Static renders its text again through Textual's content pipeline at every repaint
    (a third of a millisecond a line), and these panels repaint at every step and every second.
    It reflows the screen only when its height would change: a layout pass for a clock's digits
    would repaint every widget on the screen. A panel of fixed height never needs one."""

    DEFAULT_CSS = "Panel { height: auto; }"

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text(text)
        self._wrapped = _Wrapped(-1, [], [], [])
        self._line_style = Style()  # see render_lines

    @property
    def text(self) -> Text:
        return self._text

    def show_text(self, text: Text) -> None:
        if text == self._text and text.style == self._text.style:  # Text's == leaves its own style out
            return
        width = self.content_size.width
        lines = len(self._lines(width).lines)
        self._text, self._wrapped = text, _Wrapped(-1, [], [], [])
        height = self.styles.height
        fixed = height is not None and not height.is_auto
        self.refresh(layout=not fixed and len(self._lines(width).lines) != lines)

    def _lines(self, width: int) -> _Wrapped:
        """The text wrapped at `width`: each line, its strip, and where it starts in the text."""
        if self._wrapped.width != width:
            wrapped = self._wrapped = _Wrapped(width, [], [], [])
            for y, line in enumerate(self._text.split("\n", allow_blank=True)):
                x = 0
                for part in line.wrap(self.app.console, width) if width > 0 else []:
                    x = max(line.plain.find(part.plain.rstrip(), x), x)  # where Rich cut the line
                    wrapped.lines.append(part)
                    wrapped.strips.append(self._strip(part))
                    wrapped.starts.append(Offset(x, y))
                    x += len(part.plain.rstrip())
        return self._wrapped

    def _strip(self, line: Text) -> Strip:
        console = self.app.console
        segments = line.render(console)
        if line.style:  # Text.render leaves the text's own style to its caller
            segments = Segment.apply_style(segments, console.get_style(line.style))
        return Strip(list(segments), line.cell_len)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width).lines)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        try:  # the text as written, not as wrapped: the offsets are the text's (see render_line)
            return selection.extract(self._text.plain), "\n"
        except IndexError:  # selected in a longer text than the one shown now (Textual does not check)
            return None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._line_style = self.rich_style  # once per repaint, not once per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        wrapped = self._lines(width)
        if y >= len(wrapped.lines):
            return Strip.blank(width, self._line_style)
        line, strip, start = wrapped.lines[y], wrapped.strips[y], wrapped.starts[y]
        if (selection := self.text_selection) is not None and (span := selection.get_span(start.y)) is not None:
            first, last = span[0] - start.x, len(line) if span[1] == -1 else span[1] - start.x
            if last > 0 and first < len(line):
                line = line.copy()
                line.stylize(self._selection_style(), max(first, 0), last)
                strip = self._strip(line)
        if y == self.size.height - 1 and len(wrapped.lines) > self.size.height:  # cut short (the status line): say so
            strip = Strip.join([strip.crop(0, min(cell_len(line.plain.rstrip()), width - 1)), Strip([Segment("…")], 1)])
        # The offsets (in the text as written) tell Textual which character the mouse is on.
        return strip.apply_offsets(start.x, start.y).crop_extend(0, width, None).apply_style(self._line_style)

    def _selection_style(self) -> Style:
        """The screen's selection colours; its text colour only if it has one (the default theme's
        is transparent, which Rich would draw in the background colour)."""
        style = self.screen.get_component_rich_style("screen--selection")
        transparent = self.screen.get_component_styles("screen--selection").color.a == 0
        return Style(bgcolor=style.bgcolor) if transparent else style


class _Wrapped(NamedTuple):
    width: int
    lines: list[Text]
    strips: list[Strip]
    starts: list[Offset]  # where each line starts in the text: column, line


class MeetingHeader(Panel):
    def show(self, details: MeetingDetails, now: datetime, started_at: datetime | None, saved: str,
             ended_at: datetime | None = None) -> None:
        name = details.short_name or details.committee or "Meeting"
        when = details.meeting_date.strftime("%-d %b %Y") if details.meeting_date else ""
        text = Text.assemble((name, "bold"), f"  {when}", "   ", (now.strftime("%H:%M:%S"), "bold"))
        if started_at and ended_at:
            text.append(f"   ended {ended_at:%H:%M} after {clock_text(_seconds(started_at, ended_at))}")
        else:
            text.append(f"   elapsed {clock_text(_seconds(started_at, now))}" if started_at else "   not started")
        text.append(f"   {saved}", "green" if saved.startswith(("saved", "all saved")) else "bold red" if "NOT" in saved else "dim")
        self.show_text(text)


class ItemHeader(Panel):
    """The item's title and documents, then who presents it and its times (a line, two if narrow). The panel
    has a fixed height (moving to the next item must not reflow the screen): a title too long for
    it is cut short, so the times stay in view."""

    def show(self, item: AgendaItem | None, now: datetime, label: str, presenter: str = "",
             ended_at: datetime | None = None) -> None:
        """`label`: how the app names the item (`Meeting.full_label`); `presenter`: who presents
        it, as the minutes name them ("the Commission"); `ended_at`: when the meeting was closed."""
        if item is None:
            self.show_text(Text(f"The meeting ended at {ended_at:%H:%M}: /next or /go NUMBER opens it again." if ended_at
                                else "No item open yet: /next (or F6) opens the first one.", "italic"))
            return
        title = Text.assemble((label, "bold"))
        if item.doc_refs:
            title.append("  " + ", ".join(item.doc_refs), "cyan")
        about = Text(" · ").join(
            [Text(s, "dim") for s in (presenter and f"presented by {presenter}", item.mode) if s]
            + ([self._times(item, now)] if item.started_at else [])
            + ([Text(f"to check with the Chair: {item.to_check}", "bold yellow")] if item.to_check else [])
        )
        width, height = self.content_size
        lines = list(title.wrap(self.app.console, width)) if width else [title]
        about_lines = (list(about.wrap(self.app.console, width)) if width else [about]) if about else []
        if height and len(lines) > (room := max(height - len(about_lines), 1)):  # not laid out yet: 0
            lines = _cut(lines, room, width)  # a long title gives way to the line of times
        if height and len(about_lines) > height - 1:  # narrow: the title's first line, and what fits of the rest
            about_lines = _cut(about_lines, height - 1, width)
        self.show_text(Text("\n").join([*lines, *about_lines]))

    @staticmethod
    def _times(item: AgendaItem, now: datetime) -> Text:
        planned = f" of {item.planned_minutes}′ planned" if item.planned_minutes else ""
        times = Text(f"started {item.started_at:%H:%M}  on this item {clock_text(item_seconds(item, now))}{planned}")
        if item.state.value != "current":
            times.append(f"  [{item.state.value}]", "italic")
        return times


def _cut(lines: list[Text], count: int, width: int) -> list[Text]:
    """The first `count` lines, the last ending in "…" (a full line: its last character gives way)."""
    lines = lines[:count]
    lines[-1] = lines[-1].copy()
    lines[-1].append("…")
    lines[-1].truncate(width, overflow="ellipsis")
    return lines


class QueuePanel(Panel):
    TOP_SPEAKERS = 12

    def show(self, queue: list[tuple[str, ...]], floor: tuple[tuple[str, ...], datetime] | None,
             totals: dict[str, int], now: datetime, floor_on: str = "") -> None:
        """`floor_on`: the item the floor was given on, when it is not the current one ("3.")."""
        text = Text()
        if floor:
            speakers, since = floor
            text.append("Floor: ", "bold")
            text.append(" ".join(speakers), "bold cyan")
            if floor_on:
                text.append(f" (on {floor_on})", "yellow")
            text.append(f" {clock_text(_seconds(since, now))}\n")
        else:
            text.append("Floor: –\n", "dim")
        text.append("Queue: ", "bold")
        text.append(" ".join(" ".join(codes) for codes in queue) or "–")
        if totals:
            ranked = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))  # ties in a fixed order
            text.append("\nTotal: ", "bold")
            # a no-break space: a code and its time never wrap apart
            text.append("  ".join(f"{code}\u00a0{clock_text(seconds)}" for code, seconds in ranked[:self.TOP_SPEAKERS]), "dim")
            if len(ranked) > self.TOP_SPEAKERS:  # the panel has room for a few lines; the archive has them all
                text.append(f"  … {len(ranked) - self.TOP_SPEAKERS} more", "dim italic")
        self.show_text(text)
