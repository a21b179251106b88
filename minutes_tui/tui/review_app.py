"""A small app that only reviews the archive: what `minutes review` runs (the live app pushes
`ReviewScreen` itself)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from minutes_tui.core.clock import Clock, SystemClock
from minutes_tui.core.store import Store, StoreError
from minutes_tui.tui.commands import WithPaletteAnsweredOnce
from minutes_tui.tui.screens.review import ReviewScreen


class ReviewApp(WithPaletteAnsweredOnce, App):
    TITLE = "minutes review"

    def __init__(self, store: Store, clock: Clock, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.store, self.clock = store, clock
        self.keymap = keymap or {}  # as the live app's: the help screen shows the keys it sets
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen:
        return ReviewScreen(self.store, self.clock)

    def on_unmount(self) -> None:
        with suppress(StoreError):  # entries added while reviewing, searchable from other tools
            self.store.index_pending()
        self.store.close()


def make_review_app(db_path: Path | str, clock: Clock | None = None, keymap: dict[str, str] | None = None) -> ReviewApp:
    return ReviewApp(Store(db_path), clock or SystemClock(), keymap)
