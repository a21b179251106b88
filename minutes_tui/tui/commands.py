"""The command palette (ctrl+p): every action of the live screen, and "Go to item ..." for each item."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
                (f"Go to item {item.label}", "Make this the current item", partial(screen.go_to_item, item.id))
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands(with_items=False):  # 300 items would bury them
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands(with_items=True):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
