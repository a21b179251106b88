"""The entry line: an Input with Tab completion and Up/Down recall of earlier lines; and LineInput,
an Input that keeps the whole of a pasted text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input

from minutes_tui.core.entry import joined_lines
from minutes_tui.tui.widgets.reflow import virtual_size_without_reflow
from minutes_tui.tui.widgets.typing_order import KeysInTypedOrder


class LineInput(KeysInTypedOrder, Input):
    """An Input for typing fast.

    - Textual's Input keeps only the first line of a paste; a delegation's written statement pasted
      in would lose the rest without a word. Here its lines are joined into one (`joined_lines`).
    - Enter calls `submit()` and Tab moves the focus here and now, not through a message or a
      binding, which would come after the keys typed on at once (see KeysInTypedOrder).
    """

    def __init__(self, *args, submit: Callable[[], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._submit_now = submit

    async def act_now(self, event: events.Key) -> bool:
        if event.key == "enter" and self._submit_now is not None:
            self._submit_now()
        elif event.key in ("tab", "shift+tab"):
            self.screen.focus_next() if event.key == "tab" else self.screen.focus_previous()
        else:  # Left, Home, Backspace, ctrl+u ... (Input's bindings ran after the letters typed next)
            return not event.is_printable and await super().act_now(event)
        return True

    def _on_paste(self, event: events.Paste) -> None:
        self.insert_pasted(joined_lines(event.text))
        event.prevent_default()  # not Input's own handler as well
        event.stop()

    def insert_pasted(self, text: str) -> None:
        if text:
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)


class EntryLine(LineInput):
    """Completion candidates come from `complete(text) -> [lines]`; the widget only cycles them.

    Enter, Tab, Up and Down are handled in the widget's own key handler, not as bindings: bindings
    run in the app's queue, while typed characters wait in this widget's queue, so a fast typist
    (or a paste) had Enter submit the line before its last characters arrived, or after the next
    line's first ones. Here every key is handled in the order it was typed.
    Enter calls `submit(text)`, which calls `remember(text)` (clearing the line) once it is stored.
    A paste of several lines is split by `split_paste(text) -> [lines]`: each line but the last is
    submitted as Enter would (as a terminal without bracketed paste does), the last is left to check.
    If one cannot be saved (a full disk) it stays, and the lines after it wait (`waiting`): each
    comes into the line once the one before is recorded.
    """

    virtual_size = virtual_size_without_reflow()  # Input sets it on every keystroke

    KEYS = {"enter": "submit", "tab": "complete", "up": "recall(-1)", "down": "recall(1)"}

    @dataclass
    class Completions(Message):
        """Tab found these candidates (shown to the user when there are several)."""

        candidates: list[str]

    def __init__(self, complete: Callable[[str], list[str]], submit: Callable[[str], None],
                 split_paste: Callable[[str], list[str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._complete = complete
        self._submit = submit
        self._split_paste = split_paste
        self.history: list[str] = []
        self.waiting: list[str] = []  # pasted lines not recorded yet (the first could not be saved)
        self._recall_index = 0  # len(history) means "the line being typed"
        self._typed = ""  # what was being typed before recalling
        self._cycle: list[str] = []  # candidates of the last Tab, while the user keeps pressing Tab

    async def act_now(self, event: events.Key) -> bool:
        if event.key not in self.KEYS:  # also a screen's key (F4, F7 ...): the keys typed after it go to its form
            return await super().act_now(event)
        await self.run_action(self.KEYS[event.key])
        return True

    def _on_paste(self, event: events.Paste) -> None:
        first, *rest = self._split_paste(event.text)
        self.insert_pasted(first)
        for line in rest:
            if self.value.strip():
                self._submit(self.value)
            if self.value.strip():  # not saved (it stays, for Enter to try again): the rest wait their turn
                self.waiting = rest[rest.index(line):]
                break
            self.value, self.cursor_position = line, len(line)
        event.prevent_default()
        event.stop()

    async def action_submit(self) -> None:
        if self.value.strip():
            self._submit(self.value)

    def remember(self, line: str) -> None:
        """A line was committed: add it to the history and start a fresh line."""
        if not self.history or self.history[-1] != line:
            self.history.append(line)
        self._recall_index = len(self.history)
        self.value = self.waiting.pop(0) if self.waiting else ""
        self.cursor_position = len(self.value)

    def action_complete(self) -> None:
        if self._cycle and self.value in self._cycle:
            candidates = self._cycle
            choice = candidates[(candidates.index(self.value) + 1) % len(candidates)]
        else:
            candidates = self._complete(self.value)
            if not candidates:
                return
            choice = candidates[0]
        self._cycle = candidates
        self.value = choice
        self.cursor_position = len(choice)
        self.post_message(self.Completions(candidates))

    def action_recall(self, step: int) -> None:
        if self._recall_index == len(self.history):
            self._typed = self.value
        index = min(max(self._recall_index + step, 0), len(self.history))
        if index == self._recall_index:
            return
        self._recall_index = index
        self.value = self.history[index] if index < len(self.history) else self._typed
        self.cursor_position = len(self.value)
