"""The entry line: an Input with Tab completion and Up/Down recall of earlier lines; and LineInput,
an Input that keeps the whole of a pasted text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.binding import ActiveBinding
from textual.message import Message
from textual.widgets import Input

from minutes_tui.core.entry import joined_lines
from minutes_tui.tui.widgets.reflow import virtual_size_without_reflow


class LineInput(Input):
    """An Input for typing fast.

    - Textual's Input keeps only the first line of a paste; a delegation's written statement pasted
      in would lose the rest without a word. Here its lines are joined into one (`joined_lines`).
    - Keys reach the focused widget's queue before Tab or Enter there is acted on: a typist going on
      at once had "DE c" of the next line land in the field just left ("endorsed the planDE").
      Enter calls `submit()` and Tab moves the focus here and now (not through a message or a
      binding, which would come after those keys), and a key that arrives once the focus has moved
      on goes to where the focus is now: into a form opened over this screen once the form has the
      focus, out of a form answered (FormModal.closing) to the screen below, and, while a form over
      this screen is going, here once it has gone.
    """

    def __init__(self, *args, submit: Callable[[], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._submit_now = submit

    async def _on_key(self, event: events.Key) -> None:
        focused, top = self.app.focused, self.app.screen
        if top is not self.screen and getattr(top, "closing", False):  # a form over this one is going: after it
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self.post_message, events.Key(event.key, event.character))
        elif top is not self.screen or getattr(self.screen, "closing", False) or (focused is not None and focused is not self):
            event.stop()
            event.prevent_default()
            self._forward(events.Key(event.key, event.character))
        elif event.key == "enter" and self._submit_now is not None:
            event.stop()
            event.prevent_default()
            self._submit_now()
        elif event.key in ("tab", "shift+tab"):  # the screen's binding would move the focus only after the keys queued here
            event.stop()
            event.prevent_default()
            self.screen.focus_next() if event.key == "tab" else self.screen.focus_previous()
        else:
            await super()._on_key(event)

    def _forward(self, key: events.Key, waited: int = 0) -> None:
        """To where the focus is now; to a form just opened over this screen once it has the focus
        (a few frames: F4 and the wording typed on at once); from a form answered, to the screen below."""
        if getattr(self.screen, "closing", False) and len(stack := self.app.screen_stack) > 1 and stack[-2].focused:
            stack[-2].focused.post_message(key)
            return
        focused = self.app.focused
        if focused is not None and focused is not self and focused.screen is self.app.screen:
            focused.post_message(key)
        elif waited < 20 and self.screen is not self.app.screen:
            self.call_after_refresh(self._forward, key, waited + 1)
        elif self.app.focused is self:  # nowhere else to go: as if it had come here in time
            self.post_message(key)

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
        self._recall_index = 0  # len(history) means "the line being typed"
        self._typed = ""  # what was being typed before recalling
        self._cycle: list[str] = []  # candidates of the last Tab, while the user keeps pressing Tab

    async def _on_key(self, event: events.Key) -> None:
        if event.key in self.KEYS and self.app.focused is self and self.screen is self.app.screen:
            event.stop()
            event.prevent_default()
            await self.run_action(self.KEYS[event.key])
        elif not event.is_printable and (bound := self._screen_binding(event.key)) is not None:
            # A screen's key (F4, F7 ...) acts now, not once it has bubbled up past the keys typed
            # after it: those go to the form it opens, not into this line.
            event.stop()
            event.prevent_default()
            await self.app.run_action(bound.binding.action, bound.node)
        else:
            await super()._on_key(event)

    def _screen_binding(self, key: str) -> ActiveBinding | None:
        if self.screen is not self.app.screen or self.app.focused is not self:
            return None
        bound = self.screen.active_bindings.get(key)
        return bound if bound is not None and bound.node is not self and bound.enabled else None

    def _on_paste(self, event: events.Paste) -> None:
        first, *rest = self._split_paste(event.text)
        self.insert_pasted(first)
        for line in rest:
            if self.value.strip():
                self._submit(self.value)
            if self.value.strip():  # not saved (it stays, for Enter to try again): so is the rest, for ↑
                self.history += rest[rest.index(line):]
                self._recall_index = len(self.history)
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
        self.value = ""

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
