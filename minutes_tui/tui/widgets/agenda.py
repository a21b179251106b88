"""The agenda as a tree: sections, items and sub-items, with state markers and minutes."""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import ActiveBinding, Binding
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from minutes_tui.core.model import AgendaItem, ItemState, Meeting
from minutes_tui.core.schedule import item_seconds
from minutes_tui.tui.widgets.reflow import ScrollsWithoutReflow, virtual_size_without_reflow
from minutes_tui.tui.widgets.typing_order import KeysInTypedOrder

MARKERS = {
    ItemState.PENDING: ("○", "dim"),
    ItemState.CURRENT: ("▶", "bold reverse"),
    ItemState.DONE: ("✓", ""),
    ItemState.POSTPONED: ("»", "italic"),
    ItemState.WITHDRAWN: ("✗", "dim strike"),
}


class AgendaTree(KeysInTypedOrder, ScrollsWithoutReflow, Tree[int | None]):
    """Node data is the item id (None for section headings). Keys here act on the highlighted item:
    `request(what, item id)` is called at once, so that the keys typed on after `a` find its form."""

    BINDINGS = [
        Binding("enter", "request('go')", "Open item", id="agenda.go", tooltip="Make the highlighted item the current one"),
        Binding("a", "request('add')", "Add item", id="agenda.add", tooltip="Add an item after the highlighted one"),
        Binding("s", "request('add_sub')", "Add sub-item", id="agenda.add_sub", tooltip="Add a sub-item under the highlighted item"),
        Binding("w", "request('withdraw')", "Withdraw", id="agenda.withdraw", tooltip="Withdraw the highlighted item (again: back to pending)"),
        Binding("p", "request('postpone')", "Postpone", id="agenda.postpone", tooltip="Postpone the highlighted item (again: back to pending)"),
        Binding("ctrl+up", "request('up')", "Move up", id="agenda.move_up", tooltip="Move the highlighted item up; at a heading, into the section above"),
        Binding("ctrl+down", "request('down')", "Move down", id="agenda.move_down", tooltip="Move the highlighted item down; at a heading, into the next section"),
    ]

    virtual_size = virtual_size_without_reflow()  # set when the agenda changes
    _building = False  # see _invalidate

    def __init__(self, request: Callable[[str, int], object] | None = None, **kwargs) -> None:
        super().__init__("Agenda", **kwargs)
        self._request = request  # (what, item id): go | add | add_sub | withdraw | postpone | up | down
        self.show_root = False
        self.guide_depth = 2  # narrow indentation: titles need the room at 80 columns
        self.auto_expand = False
        self._item_nodes: dict[int, TreeNode[int | None]] = {}
        self._to_reveal: TreeNode[int | None] | None = None  # see render_lines
        self._line_style = Style()  # see render_lines
        self._component_rich_styles: dict[tuple[str, ...], tuple[tuple[object, ...], Style, Style]] = {}

    def build(self, meeting: Meeting, now: datetime) -> None:
        """(Re)build every node: on open, and after the agenda's structure changed."""
        browsing = self.highlighted_item_id if self.has_focus else None  # keep it under the cursor
        self._building = True
        try:
            self._add_nodes(meeting, now)
        finally:
            self._building = False
            self._invalidate()
        if browsing in self._item_nodes:
            self.call_after_refresh(self.move_cursor, self._item_nodes[browsing])

    def _invalidate(self) -> None:
        # Tree invalidates itself (resets every node, refreshes) on each node added: half the time
        # of building 300 items. A build does it once, at the end.
        if not self._building:
            super()._invalidate()

    def _add_nodes(self, meeting: Meeting, now: datetime) -> None:
        self.clear()
        self._item_nodes, self._to_reveal = {}, None
        section_node: TreeNode[int | None] | None = None
        section = None
        parents = {i.parent_id for i in meeting.items}
        shown = meeting.states_shown()
        for item in meeting.items:
            if item.parent_id is not None and item.parent_id in self._item_nodes:
                parent = self._item_nodes[item.parent_id]
            else:
                if item.section and item.section != section:  # an item without one stays in it, as in the minutes
                    section = item.section
                    section_node = self.root.add(Text(section.rstrip(":"), style="bold"), None, expand=True) if section else None
                parent = section_node or self.root
            label = self.label_for(item, now, shown[item.id])
            if item.id in parents:
                self._item_nodes[item.id] = parent.add(label, item.id, expand=True)
            else:
                self._item_nodes[item.id] = parent.add_leaf(label, item.id)

    def update_item(self, item: AgendaItem, now: datetime, state: ItemState) -> None:
        """Redraw one item's line (its state, as shown, or its minutes changed)."""
        if (node := self._item_nodes.get(item.id)) is not None and (label := self.label_for(item, now, state)) != node.label:
            node.set_label(label)

    def show_item(self, item_id: int | None) -> None:
        """Move the cursor to an item (the current one), unless the user is browsing the tree."""
        if (node := self._item_nodes.get(item_id)) is not None and not self.has_focus:
            laid_out = node.line >= 0 and self.size.height > 0  # not on opening, nor in a rebuilt tree
            self._to_reveal = None if laid_out else node
            if laid_out:
                self._reveal(node)

    def on_resize(self) -> None:
        # A smaller terminal: the cursor (the current item, or the one browsed) back into view.
        if self._to_reveal is None and (node := self.cursor_node) is not None:  # not before the first reveal
            self._to_reveal = node

    def render_lines(self, crop: Region) -> list[Strip]:
        # Reveal a node shown before the tree was laid out in this very frame, not a frame after
        # the top of the agenda (a jump on opening). Reading `last_line` numbers the lines.
        if (node := self._to_reveal) is not None and self.last_line >= 0:
            self._to_reveal = None
            self._reveal(node)
        self._line_style = self.rich_style  # Tree works it out for every line, walking up the DOM
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, self._line_style)

    def get_component_rich_style(self, *names: str, partial: bool = False, default: Style | None = None) -> Style:
        # Textual forgets these on every refresh, and Tree asks for six of them for each line it
        # draws. They change only with the components' styles, which Textual replaces (new objects)
        # when the stylesheet, the theme or a pseudo-class (focus) changes. (Not when code sets an
        # inline style on the tree or above it: the app sets none.)
        if default is not None:
            return super().get_component_rich_style(*names, partial=partial, default=default)
        styles = tuple(self._component_styles.get(name) for name in names)
        cached = self._component_rich_styles.get(names)
        if cached is None or not all(map(operator.is_, cached[0], styles)):
            whole = super().get_component_rich_style(*names)
            cached = self._component_rich_styles[names] = (styles, whole, super().get_component_rich_style(*names, partial=True))
        return cached[2] if partial else cached[1]

    def _reveal(self, node: TreeNode[int | None]) -> None:
        """Put the cursor on the node. When it is out of view, scroll it to a third of the way down,
        so that the next items follow in view: scrolling repaints every line of the tree."""
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not top <= node.line < top + height:
            self.scroll_to(y=max(node.line - height // 3, 0), animate=False, immediate=True)
        self.cursor_line = node.line  # in view now: move_cursor would work out a scroll to it again

    def render_label(self, node: TreeNode[int | None], base_style: Style, style: Style) -> Text:
        # A line wider than the agenda: the title gives way, with "…", to the minutes spent and
        # planned (cut off at the edge, "0/15′" read "0/1"). Tree caches the line for its width.
        label = super().render_label(node, base_style, style)
        if node._line >= 0:
            room = self.scrollable_content_region.width - self._tree_lines[node._line]._get_guide_width(self.guide_depth, self.show_root)
            if label.cell_len > room > 0:
                plain = label.plain
                cut = plain.rfind("  ") if plain.endswith("′") else len(plain)
                title, minutes = label[:cut], label[cut:]
                title.truncate(max(room - minutes.cell_len, 1), overflow="ellipsis")
                label = title + minutes
        return label

    def get_label_width(self, node: TreeNode[int | None]) -> int:
        """What `render_label` would measure, without rendering the label: Textual measures every
        line each time it lays the tree out (three times while opening), 300 renders for 300 items."""
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        return cell_len(icon) + node.label.cell_len

    @property
    def highlighted_item_id(self) -> int | None:
        return self.cursor_node.data if self.cursor_node is not None else None

    @staticmethod
    def label_for(item: AgendaItem, now: datetime, state: ItemState) -> Text:
        marker, style = MARKERS[state]
        label = Text.assemble((marker + " ", style), ("? " if item.to_check else "", "bold yellow"), (item.label, style))
        spent = item_seconds(item, now)
        if spent is not None or item.planned_minutes:
            actual = f"{(spent or 0) // 60}" if spent is not None else "–"
            planned = f"/{item.planned_minutes}" if item.planned_minutes else ""
            label.append(f"  {actual}{planned}′", "dim")
        return label

    def bound_here(self, key: str) -> ActiveBinding | None:
        # A section heading has no item to act on: a letter there starts a line ("agreed" lost its `a`).
        bound = super().bound_here(key)
        if bound is not None and bound.node is self and self.highlighted_item_id is None:
            return None
        return bound

    def action_request(self, what: str) -> None:
        if (item_id := self.highlighted_item_id) is not None and self._request is not None:
            self._request(what, item_id)  # at once, not by a message: see KeysInTypedOrder
