"""The minutes app: opens one meeting from the store and shows the live screen.

`make_app` is the one factory for the CLI (`minutes open`, `new`, `demo`) and the tests.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import sqlite3
from contextlib import suppress
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from minutes_tui.core.clock import Clock, SystemClock
from minutes_tui.core.session import Session
from minutes_tui.core.speakers import Register
from minutes_tui.core.store import Store, StoreError
from minutes_tui.tui.commands import MinutesCommands, WithPaletteAnsweredOnce
from minutes_tui.tui.screens.help import HelpScreen
from minutes_tui.tui.screens.live import LiveScreen
from minutes_tui.tui.widgets.agenda import AgendaTree
from minutes_tui.tui.widgets.record import RecordList


SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class LinuxDriverResumingAfterSuspend(LinuxDriver):
    """Textual's Linux driver starts its terminal mode again on every SIGCONT, to come back from a
    suspend (SIGTSTP). The kernel also sends one, after the SIGHUP, when the terminal closes (an SSH
    link dropped): a second input thread and a second output thread, the latter dead at its first
    write to the gone terminal, and once 30 writes were queued for it, quitting waited forever. A
    SIGCONT from anywhere else split the keys typed between two input threads."""

    def _sigcont_application(self, *args) -> None:
        if self._must_signal_resume:  # set by the SIGTSTP that suspended the terminal mode
            super()._sigcont_application(*args)


class MinutesApp(WithPaletteAnsweredOnce, App[None]):
    CSS_PATH = "minutes.tcss"
    TITLE = "minutes"
    COMMANDS = App.COMMANDS | {MinutesCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False, priority=True, tooltip="Save the draft and quit"),
    ]

    def __init__(self, store: Store, session: Session, read_only: str = "", keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.store = store
        self.session = session
        self.read_only = read_only
        self.keymap = keymap or {}
        self.set_keymap(self.keymap)
        self.failure = ""  # why the meeting could not be shown, for the CLI's one-line error
        self._warned_unsaved = False  # ctrl+q said that what is typed cannot be saved

    def get_driver_class(self) -> type[Driver]:
        driver_class = super().get_driver_class()  # or TEXTUAL_DRIVER's, left as it is
        return LinuxDriverResumingAfterSuspend if driver_class is LinuxDriver else driver_class

    def leave_with_error(self, message: str) -> None:
        """The meeting cannot be read (a damaged file): leave, and let the CLI say why in one line."""
        self.failure = message
        self.exit(return_code=1)

    def get_default_screen(self) -> LiveScreen:
        # The live screen is the app's own first screen. Pushed from on_mount instead, it was laid
        # out and rendered once for nothing, inside Textual's start-up batch (which drops that
        # frame), before the frame that reached the terminal: 20-35 ms of opening.
        return LiveScreen(self.session, self.session.clock, self.read_only)

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        # Textual leaves SIGTERM and SIGHUP (terminal closed) at their defaults, which kill the
        # process at once: quit as ctrl+q does, saving the draft and closing the store.
        for signum in SIGNALS:
            asyncio.get_running_loop().add_signal_handler(signum, self.call_next, self.action_quit, False)

    def _after_first_frame(self) -> None:
        """What opening put off so that the screen shows sooner: the other items' entries, and the
        garbage collector."""
        try:
            self.session.meeting.load_entries()
        except StoreError as error:
            self.leave_with_error(str(error))
        finally:
            resume_collector()

    def binding_groups(self) -> list[tuple[str, list[Binding]]]:
        """The documented keys, by where they work (for the help screen and the palette)."""
        return [
            ("Everywhere", [*LiveScreen.BINDINGS, *self.BINDINGS, Binding("ctrl+p", "command_palette", "Commands", tooltip="Search every action, and go to any item")]),
            ("On the agenda (ctrl+t)", AgendaTree.BINDINGS),
            ("On the record (ctrl+r)", RecordList.BINDINGS),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_groups(), self.keymap))

    async def action_quit(self, asked: bool = True) -> None:
        """Keep the half-typed line (the screens are gone by the time the app unmounts), then quit.
        If it cannot be kept (a full disk), ctrl+q says so and quits only when pressed again; a
        signal (the terminal closed) quits, naming what is lost in the one-line error."""
        live = next((screen for screen in self.screen_stack if isinstance(screen, LiveScreen)), None)
        lost = live.unsaved() if live is not None and not live.save_draft() else ""
        if lost and asked and not self._warned_unsaved:
            self._warned_unsaved = True
            live.say(f"not saved, and lost if you quit: {lost[:60]} · ctrl+q again quits anyway", error=True)
            return
        if lost:
            self.failure = f"quit with text that could not be saved: {lost}"
        self.exit(return_code=1 if lost else 0)

    def on_unmount(self) -> None:
        """However the app ends: free the meeting and close the database."""
        for signum in SIGNALS:
            asyncio.get_running_loop().remove_signal_handler(signum)
        if not self.read_only:  # a read-only window writes nothing, the search index included
            with suppress(StoreError):  # quitting goes on: unindexed entries wait for the next search
                self.store.index_pending()
            with suppress(sqlite3.Error):  # a full disk: the lock of a process gone is taken over
                self.store.release_lock(self.session.meeting_id)
        self.store.close()


# Every repaint allocates thousands of short-lived containers (Textual's strips and their caches,
# Rich's segments). At Python's default 700 a move to the next item ran four young collections and
# pushed enough survivors on to collect the older generations too: 1.2 ms of a 16-20 ms step in
# collections (timed with gc.callbacks), 0.4 ms at 10,000, where the older ones hardly ever run.
YOUNG_COLLECTION_THRESHOLD = 10_000


def resume_collector() -> None:
    """After a start-up with the garbage collector paused (`minutes open` pauses it): everything
    built so far lives as long as the app, so freeze it out of the collector's sight, then resume.
    The few start-up cycles already unreachable are frozen too (some thousand objects, once):
    collecting them first would cost a full collection, 30-70 ms, just after the first frame."""
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
        gc.enable()


def make_app(
    db_path: Path | str,
    meeting_id: int,
    clock: Clock | None = None,
    register: Register | None = None,
    keymap: dict[str, str] | None = None,
) -> MinutesApp:
    """Open the store, take the meeting's lock (or fall back to read-only) and build the app."""
    clock = clock or SystemClock()
    store = Store(db_path)
    session = Session(store, meeting_id, clock, register, defer_entries=True)
    read_only = ""
    if store.read_only:
        read_only = f"{db_path} cannot be written (a read-only disk, folder or file): read-only"
    elif not store.acquire_lock(meeting_id, clock.now()):
        pid, host, since = store.lock_holder(meeting_id) or (0, "", clock.now())
        read_only = (f"Meeting {meeting_id} is open in another minutes window (process {pid} on {host},"
                     f" since {since:%H:%M}): read-only")
    return MinutesApp(store, session, read_only, keymap)
