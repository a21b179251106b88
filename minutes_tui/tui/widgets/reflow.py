"""Keep a widget's content changes from reflowing the whole screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def virtual_size_without_reflow() -> Reactive[Size]:
    """A `virtual_size` that repaints the widget but does not lay the screen out again.

    Textual declares `Widget.virtual_size` with `layout=True`, so every change of a scrolling
    widget's content (a keystroke in an Input, an entry added to a list) reflows and repaints every
    widget on the screen. Ours have sizes fixed by the layout around them; their scrollbars are
    updated by `_scroll_update`, and one that appears or disappears asks for a layout itself.
    Declare it on each class (a Reactive belongs to the class it is set on).
    """
    return Reactive(Size(0, 0), repaint=True, layout=False)


class ScrollsWithoutReflow:
    """For a scrolling widget whose `virtual_size` is declared as above: Textual allows scrolling
    only while it shows a scrollbar, and works that out in the layout pass skipped here, so the flag
    can be stale (a record that has just filled up would not follow its newest line)."""

    max_scroll_y: int

    @property
    def allow_vertical_scroll(self) -> bool:
        return self.max_scroll_y > 0
