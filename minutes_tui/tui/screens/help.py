"""F1: the keys (from the bindings, as the keymap sets them) and the entry-line commands."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.containers import VerticalScroll

from minutes_tui.core.entry import COMMANDS
from minutes_tui.tui.widgets.typing_order import KeysInTypedOrder

GRAMMAR = [  # (what is typed, what it is): a table, so that a narrow screen wraps each in its column
    ("DE called for ...", "an intervention: speakers first (DE, FR and NL: supported ...)"),
    ("Any other line", "a note, kept as typed"),
    ("/command ...", "see below; Tab completes speakers, commands and outcome codes"),
    ("Up / Down", "recall earlier lines"),
    ("Esc", "back to the entry line"),
]


class HelpBody(KeysInTypedOrder, VerticalScroll):
    """The help's scrolling text: `q` closes it at once, and the keys typed on after it go to the
    screen below (see KeysInTypedOrder), not into the help on its way out."""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-body {
        width: 100;
        max-width: 95%;
        height: 90%;
        border: round $accent;  /* minutes.tcss calls it $panel-border-focus */
        background: $surface;
        padding: 0 1;
    }
    HelpScreen .help-section {
        margin-bottom: 1;
    }
    """
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close", tooltip="Close the help")]

    def __init__(self, groups: list[tuple[str, list[Binding]]], keymap: dict[str, str], entry_line: bool = True) -> None:
        """`entry_line`: the live screen's, whose grammar and commands are shown too."""
        super().__init__(classes="help")
        self.groups = groups
        self.keymap = keymap
        self.entry_line = entry_line

    def compose(self) -> ComposeResult:
        with HelpBody(id="help-body") as body:
            body.border_title = "Help (Esc closes)"
            if self.entry_line:
                yield Static(_table("The entry line", GRAMMAR, 18), classes="help-section")
            for title, bindings in self.groups:
                yield Static(_table(title, self.key_rows(bindings), 18), classes="help-section")
            if self.entry_line:
                commands = [(spec.usage, spec.help + (f" (/{', /'.join(spec.aliases)})" if spec.aliases else ""))
                            for spec in COMMANDS]
                yield Static(_table("Entry-line commands", commands, 34), classes="help-section")

    closing = False  # closed: keys typed on after `q` go to the screen below (as after a form's OK)

    def action_close(self) -> None:
        # A frame later, as a form (FormModal._close): keys already on their way here are handed on first.
        if not self.closing:
            self.closing = True
            self.call_after_refresh(lambda: self.dismiss() and None)  # not awaited: it waits for this very screen

    def key_rows(self, bindings: list[Binding]) -> list[tuple[str, str]]:
        """(keys as the keymap sets them, what they do) for each binding."""
        rows = []
        for binding in bindings:
            keys = self.keymap.get(binding.id or "", binding.key)
            shown = ", ".join(self.app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))
            rows.append((shown, binding.tooltip or binding.description))
        return rows


def _table(title: str, rows: list[tuple[str, str]], width: int) -> Table:
    """Keys (or what is typed) and what they do, in two columns."""
    table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, expand=True)
    table.add_column(style="bold cyan", no_wrap=True, width=width)
    table.add_column()
    for row in rows:
        table.add_row(*row)
    return table
