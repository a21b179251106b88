"""Baselines built on Textual alone (no minutes_tui import, so their start-up cost is Textual's own).

`BareApp` has the same kinds of widgets as the live screen, with the same amount of content as the
large meeting shows on opening: a header line, a Tree of 300 agenda items (every tenth a parent with
nine sub-items), a speakers panel of six lines, an item header of three, an OptionList with one item's
~19 entries, a status line, an Input and a compact Footer with the same ten keys.
`InputApp` holds only an Input: the baseline for the cost of one keystroke.
"""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static, Tree

WORDS = "migrant smuggling operational cooperation terrorism threat Europol Schengen borders crime".split()


class BareApp(App[None]):
    CSS = """
    #main { height: 1fr; }
    #left { width: 36%; }
    Tree, OptionList, #queue { border: round $primary; }
    Tree, OptionList { height: 1fr; }
    #queue { height: auto; max-height: 8; padding: 0 1; }
    #header, #status { height: 1; }
    #item { height: 4; border-bottom: solid $primary; }
    """
    # As many keys in the footer as the live screen shows.
    BINDINGS = [
        (key, f"noop('{label}')", label)  # one action each: the footer shows one key per action
        for key, label in [("f1", "Help"), ("f6", "Next"), ("f5", "Prev"), ("f2", "Go to"), ("f4", "Outcome"),
                           ("f8", "Floor"), ("f9", "End turn"), ("ctrl+z", "Undo"), ("ctrl+t", "Agenda"),
                           ("ctrl+r", "Record")]
    ] + [Binding("ctrl+n", "repaint", "Repaint", show=False)]

    def __init__(self, items: int = 300, entries: int = 19) -> None:
        super().__init__()
        self.items, self.entries = items, entries

    def compose(self) -> ComposeResult:
        yield Static("LARGE  3 May 2022   10:00:00   elapsed 0:00:00   no changes yet", id="header")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Tree("Agenda", id="agenda")
                yield Static("Floor: –\nQueue: –\nTotal: " + "  ".join(f"{c} 38:15" for c in WORDS), id="queue")
            with Vertical(id="right"):
                yield Static("11.1. Cocaine steering returns conclusions  13101/22\nstarted 10:00  on this item 0:00\n",
                             id="item")
                yield OptionList(id="record")
        yield Static("", id="status")
        yield Input(placeholder="DE called for ...", id="entry")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rng = random.Random(1)
        tree = self.query_one(Tree)
        tree.show_root = False
        parent = None
        for n in range(self.items):
            label = f"○ {n // 10 + 1}.{n % 10 or ''} " + " ".join(rng.choice(WORDS) for _ in range(6))
            if n % 10 == 0:
                parent = tree.root.add(label, n, expand=True)
            else:
                parent.add_leaf(label, n)
        self.query_one("#queue").border_title = "Speakers"
        record = self.query_one(OptionList)
        record.border_title = "Record of 11.1"
        record.add_options(
            f"10:{n:02} DE The German delegation " + " ".join(rng.choice(WORDS) for _ in range(18)) + "."
            for n in range(self.entries)
        )
        self.query_one(Input).focus()

    def action_noop(self, what: str = "") -> None:
        pass

    def action_repaint(self) -> None:
        """ctrl+n: lay out and repaint the whole screen, for what that costs Textual on its own."""
        self.screen.refresh(layout=True)


class InputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type here")
