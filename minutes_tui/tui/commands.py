"""The command palette (ctrl+p): every action of the live screen, and "Go to item ..." for each item."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList


class MinutesCommands(Provider):
    def _commands(self, with_items: bool) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, callback) for the palette; empty on screens other than the live one."""
        from minutes_tui.tui.screens.live import LiveScreen  # the screen imports the app's modules

        screen = self.screen
        if not isinstance(screen, LiveScreen):
            return []
        commands = [
            (binding.description, binding.tooltip, partial(screen.run_action, binding.action))
            for binding in LiveScreen.BINDINGS
            if binding.show
        ]
        for item in screen.session.meeting.items if with_items else ():
            commands.append(
                (f"Go to item {screen.session.meeting.full_label(item)}", "Make this the current item",  # "8. B. Prisons"
                 partial(screen.go_to_item, item.id))
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands(with_items=False):  # 300 items would bury them
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """The commands whose name matches; if none does, those whose help does ("next item": Next)."""
        matcher = self.matcher(query)
        commands = self._commands(with_items=True)
        by_name = any(matcher.match(name) > 0 for name, _, _ in commands)
        for name, help_text, callback in commands:
            if (score := matcher.match(name if by_name else f"{name} {help_text}")) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class AnsweredOnce(CommandPalette):
    """Textual's palette, answered once. Enter on a command and Enter or Escape again before the
    palette had gone dismissed it twice: the second popped the screen below it (the live screen, or
    a ScreenStackError) or ran the command again."""

    closing = False

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self.closing:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)

    def _action_escape(self) -> None:
        if not self.closing:
            super()._action_escape()

    async def _on_message(self, message: Message) -> None:
        if self.closing and isinstance(message, (Input.Submitted, OptionList.OptionSelected, Button.Pressed)):
            message.stop()  # not to the palette's handlers, which would run the command again
            return
        await super()._on_message(message)


class WithPaletteAnsweredOnce:
    """For an App (first in its bases): ctrl+p opens `AnsweredOnce`, not Textual's own palette,
    without Textual's "Screenshot" (it writes to a Downloads folder, and failed where there is none)."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return (command for command in super().get_system_commands(screen) if command.title != "Screenshot")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not AnsweredOnce.is_open(self):
            self.push_screen(AnsweredOnce(id="--command-palette"))
