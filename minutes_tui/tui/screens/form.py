"""One small modal form for every question the live screen asks: go to item, edit entry, details ...

The caller gives the fields and a `submit` function that applies the answers and returns an error
message or None; the form closes only when `submit` succeeded, so nothing typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.input import Selection

from minutes_tui.tui.widgets.entry_line import LineInput
from minutes_tui.tui.widgets.typing_order import KeysInTypedOrder, focused_below


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    choices: Sequence[tuple[str, str]] = ()  # (label, value): a Select instead of an Input
    placeholder: str = ""
    selected: bool = False  # a value offered to be replaced: typing replaces it, Enter keeps it


class FormSelect(KeysInTypedOrder, Select, inherit_bindings=False):
    """A Select whose list opens with space or the arrows: Enter, as in every field of the form, is OK.

    While the list is open, its keys act on it here and now: the list takes the focus a moment after
    it opens, and the arrows and Enter typed on at once (F4, shift+Tab, Down, Up, Enter, Enter) reopened
    it and answered the form with the code it had."""

    BINDINGS = [Binding("down,space,up", "show_overlay", "Show menu", show=False)]
    LIST_KEYS = {"up": "cursor_up", "down": "cursor_down", "home": "first", "end": "last",
                 "pageup": "page_up", "pagedown": "page_down"}

    async def _on_key(self, event: events.Key) -> None:
        if not self.expanded or self.app.screen is not self.screen:
            return  # KeysInTypedOrder's handler, next
        options = self.query_one("SelectOverlay", OptionList)
        if event.key in self.LIST_KEYS:
            await options.run_action(self.LIST_KEYS[event.key])
        elif event.key in ("enter", "escape"):
            if event.key == "enter" and options.highlighted is not None:
                self.value = self._options[options.highlighted][1]
            self.expanded = False
            self.screen.set_focus(self)
        else:
            return
        event.stop()
        event.prevent_default()

    def action_show_overlay(self) -> None:
        super().action_show_overlay()
        self.screen.set_focus(self.query_one("SelectOverlay"))  # now: Select's focus() waits behind the keys


class FormButton(KeysInTypedOrder, Button):
    """OK or Cancel: Enter or space answers here and now (Button's own press posts a message, which
    came after the keys typed on at once: "DE agreed" typed after OK was lost)."""

    def __init__(self, label: str, answer: Callable[[], None], **kwargs) -> None:
        super().__init__(label, **kwargs)
        self._answer = answer

    async def act_now(self, event: events.Key) -> bool:
        if event.key not in ("enter", "space"):
            return await super().act_now(event)
        self._answer()
        return True


class FormModal(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changing anything"),
        Binding("enter", "ok", "OK", show=False),  # reached from a FormSelect: an Input and a Button take their own Enter
    ]

    def __init__(self, title: str, fields: Sequence[Field], submit: Callable[[dict[str, str]], str | None],
                 hint: str = "", focus: str = "") -> None:
        """`focus`: the field that has the keyboard first (the first one if not given)."""
        super().__init__(classes="form")
        self.title_text = title
        self.fields = fields
        self.submit = submit
        self.hint = hint
        self.first_focus = focus or fields[0].name
        self._early: list[events.Key] | None = []  # keys typed before a field had the keyboard, in order

    def compose(self) -> ComposeResult:
        # The fields and the hint scroll; the error and the buttons stay in view under them (at
        # 80×24 the meeting's details ran past the screen's foot, and an error with them).
        with Vertical(id="form-box") as box:
            box.border_title = self.title_text
            with VerticalScroll(id="form-body"):
                for field in self.fields:
                    with Horizontal(classes="form-row"):
                        yield Label(field.label, classes="form-label")
                        if field.choices:
                            yield FormSelect(field.choices, value=field.value, allow_blank=False, compact=True,
                                             id=f"field-{field.name}", classes="form-field")
                        else:
                            yield LineInput(field.value, placeholder=field.placeholder, compact=True, select_on_focus=False,
                                            id=f"field-{field.name}", classes="form-field", submit=self.action_ok)
                if self.hint:
                    yield Static(self.hint, id="form-hint")
            yield Static(id="form-error")
            with Horizontal(id="form-buttons"):
                yield FormButton("OK (Enter)", self.action_ok, variant="primary", compact=True, id="form-ok")
                yield FormButton("Cancel (Esc)", self.action_cancel, compact=True, id="form-cancel")

    def on_mount(self) -> None:
        field = self.query_one(f"#field-{self.first_focus}")  # not the scrolling body
        self.set_focus(field)
        for offered in (f for f in self.fields if f.selected):  # before the keys typed on reach it
            self.query_one(f"#field-{offered.name}", LineInput).selection = Selection(0, len(offered.value))
        self._fit()
        early, self._early = self._early or [], None
        for key in early:
            field.post_message(key)

    def take_key(self, key: events.Key) -> None:
        """A key typed on at once after the one that opened the form: to its field, in order, once
        it is there (an Escape typed last overtook the wording still on its way and closed the form)."""
        if self._early is not None:
            self._early.append(key)
        elif self.focused is not None:
            self.focused.post_message(key)

    def on_key(self, event: events.Key) -> None:
        """A key that reached the form itself: typed before a field had the keyboard (held for it),
        or after the form was answered (the screen below's: "DE agreed" after OK was lost)."""
        key = events.Key(event.key, event.character)
        below = focused_below(self.app) if self.closing else None
        if self._early is not None:
            self._early.append(key)
        elif below is not None:
            below.post_message(key)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Leave the error and the buttons room on the screen: the fields scroll instead."""
        under = self.query_one("#form-error").outer_size.height + max(self.query_one("#form-buttons").outer_size.height, 2)
        self.query_one("#form-body").styles.max_height = max(3, int(self.size.height * 0.9) - 2 - under)  # 2: the border

    def values(self) -> dict[str, str]:
        """What each field holds; as given, until the form is composed (the once-a-second draft can
        ask in between)."""
        widgets = {widget.id: widget for widget in self.query(".form-field")}
        return {f.name: str(widgets[f"field-{f.name}"].value) if f"field-{f.name}" in widgets else f.value for f in self.fields}

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_ok() if event.button.id == "form-ok" else self.action_cancel()

    closing = False  # answered: keys typed on after Enter go to the screen below (see LineInput)

    def action_ok(self) -> None:
        if self.closing:
            return
        error = self.submit(self.values())
        if error:
            self.query_one("#form-error", Static).update(error)
            self.call_after_refresh(self._fit)  # an error of two lines
        else:
            self._close(True)

    def action_cancel(self) -> None:
        if not self.closing:
            self._close(False)

    def _close(self, answer: bool) -> None:
        # Closed a frame later: the keys typed on at once, queued in the field, are handed on first
        # (a screen removed at once drops them: "DE called for more time" lost all but "DE cal").
        self.closing = True
        self.call_after_refresh(lambda: self.dismiss(answer) and None)  # not awaited: it waits for this very screen
