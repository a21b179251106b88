"""Keys acted on in the order they were typed, by the widget that has the focus when each comes."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.binding import ActiveBinding
from textual.widget import Widget


class KeysInTypedOrder:
    """A mixin for the focusable widgets of the live screen and the archive (first in the bases).

    Textual hands each key to the focused widget's queue as it arrives, and runs a binding only once
    the key has bubbled up to the app, past the keys queued after it. A key that moves the focus or
    opens a form (Escape, Tab, Enter in a form, `e` on the record, F4) took effect after the keys
    typed on at once had gone to the widget just left: "DE c" of the next line landed in the field
    just left, and letters meant for the entry line acted as the record's `e` and `d`. Here:

    - a key `act_now` knows is acted on here and now;
    - a key that arrives once the focus has moved on goes to where the focus is now: into a form
      opened over this screen once the form has the focus, out of a form answered
      (FormModal.closing) to the screen below, and, while a form over this screen is going, here
      once it has gone.

    A key left alone goes on to the widget's own handler: Textual calls each class's `_on_key` in
    turn until one prevents the default.
    """

    type_into: Widget | None = None  # where a letter that is not a key here goes (the entry line)

    async def _on_key(self, event: events.Key) -> None:
        focused, top = self.app.focused, self.app.screen
        if focused is not None and focused is not self and self in focused.ancestors:
            return  # bubbled up from a part of this widget that has the focus (a Select's list): its own
        if top is not self.screen and getattr(top, "closing", False):  # a form over this one is going: after it
            _taken(event)
            self.call_after_refresh(self.post_message, events.Key(event.key, event.character))
        elif top is not self.screen or getattr(self.screen, "closing", False) or (focused is not None and focused is not self):
            _taken(event)
            self._forward(events.Key(event.key, event.character))
        elif await self.act_now(event):
            _taken(event)

    async def act_now(self, event: events.Key) -> bool:
        """Act on the key here and now if it is one that moves the focus or opens a form; say so."""
        if (bound := self.bound_here(event.key)) is not None:
            await self.app.run_action(bound.binding.action, bound.node)
        elif event.is_printable and (line := self.type_into) is not None and line.focusable:
            # A letter typed while browsing starts a line: it and the focus go to the entry line now,
            # so the letters after it follow (one of them must not act as a key here).
            self.screen.set_focus(line)
            line.post_message(events.Key(event.key, event.character))
        else:
            return False
        return True

    def _on_paste(self, event: events.Paste) -> None:
        if (line := self.type_into) is not None and line.focusable:  # pasted while browsing: as if typed
            self.screen.set_focus(line)
            line.post_message(events.Paste(event.text))
            _taken(event)

    def bound_here(self, key: str) -> ActiveBinding | None:
        """The binding the key would run once it reached the app (this widget's, the screen's ...)."""
        bound = self.screen.active_bindings.get(key)
        return bound if bound is not None and bound.enabled and not bound.binding.priority else None

    def _forward(self, key: events.Key, waited: int = 0) -> None:
        """To where the focus is now; to a form just opened over this screen (it holds the keys until
        its field has the focus); from a form answered, to the screen below; to another screen just
        opened (the help), once it has the focus."""
        if getattr(self.screen, "closing", False) and (below := focused_below(self.app)) is not None:
            below.post_message(key)
            return
        focused, top = self.app.focused, self.app.screen
        if top is not self.screen and hasattr(top, "take_key"):  # a form just opened: it keeps the order
            top.take_key(key)
        elif focused is not None and focused is not self and focused.screen is top:
            focused.post_message(key)
        elif waited < 20 and self.screen is not self.app.screen:
            self.call_after_refresh(self._forward, key, waited + 1)
        elif self.app.focused is self:  # nowhere else to go: as if it had come here in time
            self.post_message(key)


def focused_below(app: App) -> Widget | None:
    """The widget with the focus on the screen under the top one (where a form answered hands keys)."""
    stack = app.screen_stack
    return stack[-2].focused if len(stack) > 1 else None


def _taken(event: events.Key) -> None:
    event.stop()
    event.prevent_default()
