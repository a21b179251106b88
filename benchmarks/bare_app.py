"""Baselines built on Textual alone (no minutes_tui import, so their start-up cost is Textual's own).

`BareApp` has the same kinds of widgets as the live screen, with the same amount of content as the
large meeting shows on opening: a header line, a Tree of 300 agenda items (every tenth a parent with
nine sub-items), a speakers panel of six lines, an item header of three, an OptionList with one item's
~19 entries, a status line, an Input and a compact Footer with the same ten keys.
ctrl+n makes the live screen's move to the next item with these stock widgets: the tree's cursor
to the next node and two labels changed, a new item's entries in the record, new item header and
status texts. `BareTextApp` is the same app with the record as one `Static` (no entry to highlight):
the cheapest stock way to show a new record.
`InputApp` holds only an Input: the baseline for the cost of one keystroke.
"""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static, Tree

WORDS = "migrant smuggling operational cooperation terrorism threat Europol Schengen borders crime".split()


class BareApp(App[None]):
    CSS = """
    #main { height: 1fr; }
    #left { width: 36%; }
    Tree, #record, #queue { border: round $primary; }
    Tree, #record { height: 1fr; }
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
    ] + [Binding("ctrl+n", "next_item", "Next", show=False)]

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
                yield self.make_record()
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
        self.query_one("#record").border_title = "Record of 11.1"
        self.fill_record(rng)
        self.query_one(Input).focus()
        self.step = 0

    def make_record(self) -> Widget:
        return OptionList(id="record")

    def fill_record(self, rng: random.Random) -> None:
        """An item's entries, the newest highlighted."""
        record = self.query_one(OptionList)
        record.set_options(self.record_lines(rng))
        record.highlighted = self.entries - 1

    def record_lines(self, rng: random.Random) -> list[str]:
        return [f"10:{n:02} DE The German delegation " + " ".join(rng.choice(WORDS) for _ in range(18)) + "."
                for n in range(self.entries)]

    def action_noop(self, what: str = "") -> None:
        pass

    def action_next_item(self) -> None:
        """ctrl+n: the cursor to the next node, the labels of the item left and the new one, the
        new item's entries, and the texts above and below them."""
        tree = self.query_one(Tree)
        left, current = tree.get_node_at_line(self.step), tree.get_node_at_line(self.step + 1)
        left.set_label("●" + str(left.label)[1:])
        current.set_label("▶" + str(current.label)[1:])
        self.step += 1
        tree.cursor_line = self.step
        self.query_one("#record").border_title = f"Record of {self.step}"
        self.fill_record(random.Random(self.step))
        self.query_one("#item", Static).update(f"{self.step}. Cocaine steering returns conclusions  13101/22\n"
                                               "started 10:00  on this item 0:00\n")
        self.query_one("#status", Static).update(f"now on item {self.step}")


class BareTextApp(BareApp):
    def make_record(self) -> Widget:
        return Static(id="record")

    def fill_record(self, rng: random.Random) -> None:
        self.query_one("#record", Static).update("\n".join(self.record_lines(rng)))


class InputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="type here")
