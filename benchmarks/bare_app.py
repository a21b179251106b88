"""Baselines built on Textual alone (no minutes_tui import, so their start-up cost is Textual's own).

`BareApp` has the same kinds of widgets as the live screen, with the same amount of content as the
large meeting shows on opening: a header line, a Tree of 300 agenda items (every tenth a parent with
nine sub-items), an OptionList with one item's ~19 entries, a status line, an Input and a Footer.
`InputApp` holds only an Input: the baseline for the cost of one keystroke.
"""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static, Tree

WORDS = "migrant smuggling operational cooperation terrorism threat Europol Schengen borders crime".split()


class BareApp(App[None]):
    CSS = """
    #main { height: 1fr; }
    #left { width: 45%; }
    Tree, OptionList { height: 1fr; border: round $primary; }
    #header, #status, #item { height: 1; }
    """
    BINDINGS = [("ctrl+n", "noop", "Next item"), ("ctrl+z", "noop", "Undo"), ("f1", "noop", "Help")]

    def __init__(self, items: int = 300, entries: int = 19) -> None:
        super().__init__()
        self.items, self.entries = items, entries

    def compose(self) -> ComposeResult:
        yield Static("LARGE · 3 May 2022 · 00:00 elapsed · saved", id="header")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Tree("Agenda", id="agenda")
                yield Static("Speakers", id="queue")
            with Vertical(id="right"):
                yield Static("Item", id="item")
                yield OptionList(id="record")
        yield Static("", id="status")
        yield Input(placeholder="DE called for ...", id="entry")
        yield Footer()

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
        record = self.query_one(OptionList)
        record.add_options(
            f"10:{n:02} DE The German delegation " + " ".join(rng.choice(WORDS) for _ in range(18)) + "."
            for n in range(self.entries)
        )
        self.query_one(Input).focus()

    def action_noop(self) -> None:
        pass


class InputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type here")
