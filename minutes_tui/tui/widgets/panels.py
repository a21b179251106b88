"""Small read-only panels: the meeting header, the current item and the speakers' queue.

Each one formats what the screen hands it; the screen decides when (once a second, or after a change).
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from minutes_tui.core.model import AgendaItem, MeetingDetails
from minutes_tui.core.schedule import clock_text, item_seconds


def _seconds(since: datetime | None, now: datetime) -> int | None:
    return int((now - since).total_seconds()) if since else None


class Panel(Static):
    """A Static that repaints only when its text changes, and reflows the screen only when its
    height would change: the once-a-second clocks change a few digits, and a layout pass for those
    would repaint every widget on the screen. A panel of fixed height never needs one."""

    _lines: int | None = None
    _text: Text | None = None

    def show_text(self, text: Text) -> None:
        if text == self._text:
            return
        self._text = text
        height = self.styles.height
        if height is not None and not height.is_auto:
            self.update(text, layout=False)
            return
        lines = len(text.wrap(self.app.console, max(self.content_size.width, 1)))
        self.update(text, layout=lines != self._lines)
        self._lines = lines


class MeetingHeader(Panel):
    def show(self, details: MeetingDetails, now: datetime, started_at: datetime | None, saved: str) -> None:
        name = details.short_name or details.committee or "Meeting"
        when = details.meeting_date.strftime("%-d %b %Y") if details.meeting_date else ""
        text = Text.assemble((name, "bold"), f"  {when}", "   ", (now.strftime("%H:%M:%S"), "bold"))
        text.append(f"   elapsed {clock_text(_seconds(started_at, now))}" if started_at else "   not started")
        text.append(f"   {saved}", "green" if saved.startswith("saved") else "bold red" if "NOT" in saved else "dim")
        self.show_text(text)


class ItemHeader(Panel):
    """The item's title and documents, then one line of who presents it and its times. The panel
    has a fixed height (moving to the next item must not reflow the screen): a title too long for
    it is cut short, so the times stay in view."""

    def show(self, item: AgendaItem | None, now: datetime, label: str) -> None:
        """`label`: how the app names the item (`Meeting.full_label`)."""
        if item is None:
            self.show_text(Text("No item open yet: /next (or F6) opens the first one.", "italic"))
            return
        title = Text.assemble((label, "bold"))
        if item.doc_refs:
            title.append("  " + ", ".join(item.doc_refs), "cyan")
        about = Text(" · ").join(
            [Text(s, "dim") for s in (item.presenter and f"presented by {item.presenter}", item.mode) if s]
            + ([self._times(item, now)] if item.started_at else [])
        )
        width, height = self.content_size
        lines = title.wrap(self.app.console, width) if width else [title]
        room = max(height - bool(about), 1)
        if height and len(lines) > room:  # a long title gives way to the line of times (not laid out yet: 0)
            lines = lines[:room]
            lines[-1].append("…")
        self.show_text(Text("\n").join([*lines, about] if about else lines))

    @staticmethod
    def _times(item: AgendaItem, now: datetime) -> Text:
        planned = f" of {item.planned_minutes}′ planned" if item.planned_minutes else ""
        times = Text(f"started {item.started_at:%H:%M}  on this item {clock_text(item_seconds(item, now))}{planned}")
        if item.state.value != "current":
            times.append(f"  [{item.state.value}]", "italic")
        return times


class QueuePanel(Panel):
    TOP_SPEAKERS = 12

    def show(self, queue: list[tuple[str, ...]], floor: tuple[tuple[str, ...], datetime] | None,
             totals: dict[str, int], now: datetime) -> None:
        text = Text()
        if floor:
            speakers, since = floor
            text.append("Floor: ", "bold")
            text.append(" ".join(speakers), "bold cyan")
            text.append(f" {clock_text(_seconds(since, now))}\n")
        else:
            text.append("Floor: –\n", "dim")
        text.append("Queue: ", "bold")
        text.append(" ".join(" ".join(codes) for codes in queue) or "–")
        if totals:
            ranked = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))  # ties in a fixed order
            text.append("\nTotal: ", "bold")
            text.append("  ".join(f"{code} {clock_text(seconds)}" for code, seconds in ranked[:self.TOP_SPEAKERS]), "dim")
            if len(ranked) > self.TOP_SPEAKERS:  # the panel has room for a few lines; the archive has them all
                text.append(f"  … {len(ranked) - self.TOP_SPEAKERS} more", "dim italic")
        self.show_text(text)
