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
    """A Static that reflows the screen only when its text changes shape: the once-a-second clocks
    change a few digits, and a layout pass for those would repaint every widget on the screen."""

    _shape: tuple[int, int] | None = None

    def show_text(self, text: Text) -> None:
        shape = (len(text.plain), text.plain.count("\n"))
        self.update(text, layout=shape != self._shape)
        self._shape = shape


class MeetingHeader(Panel):
    def show(self, details: MeetingDetails, now: datetime, started_at: datetime | None, saved: str) -> None:
        name = details.short_name or details.committee or "Meeting"
        when = details.meeting_date.strftime("%-d %b %Y") if details.meeting_date else ""
        text = Text.assemble((name, "bold"), f"  {when}", "   ", (now.strftime("%H:%M:%S"), "bold"))
        text.append(f"   elapsed {clock_text(_seconds(started_at, now))}" if started_at else "   not started")
        text.append(f"   {saved}", "green" if saved.startswith("saved") else "bold red" if "NOT" in saved else "dim")
        self.show_text(text)


class ItemHeader(Panel):
    def show(self, item: AgendaItem | None, now: datetime) -> None:
        if item is None:
            self.show_text(Text("No item open yet: /next (or F6) opens the first one.", "italic"))
            return
        text = Text.assemble((item.label, "bold"))
        if item.doc_refs:
            text.append("  " + ", ".join(item.doc_refs), "cyan")
        details = [s for s in (item.presenter and f"presented by {item.presenter}", item.mode) if s]
        if details:
            text.append("\n" + " · ".join(details), "dim")
        spent = item_seconds(item, now)
        if item.started_at:
            planned = f" of {item.planned_minutes}′ planned" if item.planned_minutes else ""
            text.append(f"\nstarted {item.started_at:%H:%M}  on this item {clock_text(spent)}{planned}")
            text.append(f"  [{item.state.value}]" if item.state.value != "current" else "", "italic")
        self.show_text(text)


class QueuePanel(Panel):
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
            ranked = sorted(totals.items(), key=lambda pair: -pair[1])
            text.append("\nTotal: ", "bold")
            text.append("  ".join(f"{code} {clock_text(seconds)}" for code, seconds in ranked), "dim")
        self.show_text(text)
