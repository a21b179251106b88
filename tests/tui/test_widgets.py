"""The live screen's widgets on their own: what they show, and that they redo only what changed."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Tree

from minutes_tui.core.model import AgendaItem, Entry, EntryKind, ItemState, Meeting, MeetingDetails
from minutes_tui.tui.widgets.agenda import AgendaTree
from minutes_tui.tui.widgets.panels import ItemHeader, Panel, QueuePanel
from minutes_tui.tui.widgets.record import RecordList, WrappedPrompt

NOW = datetime(2021, 11, 22, 10, 30)


class Host(App[None]):
    AUTO_FOCUS = None  # as on the live screen, where the entry line has the focus
    CSS = "RecordList { height: 6; padding: 0 1; } ItemHeader { height: 3; width: 40; } QueuePanel { width: 40; }"

    def compose(self) -> ComposeResult:
        yield RecordList()
        yield ItemHeader()
        yield QueuePanel()


def entries(count: int, start: int = 1) -> list[Entry]:
    return [Entry(n, 1, EntryKind.INTERVENTION, f"said thing {n}", ["DE"], started_at=NOW)
            for n in range(start, start + count)]


class Wording:
    """A `sentence` function that remembers which entries it was asked to word."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, entry: Entry) -> str:
        self.asked.append(entry.id)
        return f"The German delegation {entry.text}."


class TreeHost(App[None]):
    AUTO_FOCUS = None  # as on the live screen, where the entry line has the focus

    def compose(self) -> ComposeResult:
        yield AgendaTree()


async def test_the_agenda_measures_its_lines_as_the_tree_would_render_them():
    items = [
        AgendaItem(1, "1.", "Adoption of the agenda", section="Procedure:", state=ItemState.DONE, planned_minutes=5),
        AgendaItem(2, "2.", "Schengen: état des lieux", section="Discussion items:", state=ItemState.CURRENT,
                   started_at=NOW, planned_minutes=30),
        AgendaItem(3, "2.1", "Europol — 欧洲刑警组织 report", section="Discussion items:", level=1, parent_id=2),
        AgendaItem(4, "2.2", "Frontex", section="Discussion items:", level=1, parent_id=2, state=ItemState.WITHDRAWN),
        AgendaItem(5, "3.", "AOB", state=ItemState.POSTPONED),
    ]
    async with TreeHost().run_test() as pilot:
        tree = pilot.app.query_one(AgendaTree)
        tree.build(Meeting(1, MeetingDetails(), items), NOW)
        tree._item_nodes[2].collapse()  # an icon of its own
        await pilot.pause()
        nodes = [line.node for line in tree._tree_lines]
        assert len(nodes) == 5  # two sections, 1., 2. (its sub-items folded), 3.
        all_nodes = [*nodes, *tree._item_nodes[2].children]
        assert [tree.get_label_width(n) for n in all_nodes] == [Tree.get_label_width(tree, n) for n in all_nodes]


class NarrowTreeHost(TreeHost):
    CSS = "AgendaTree { width: 30; }"


async def test_a_title_too_long_for_the_agenda_gives_way_to_its_minutes():
    """Cut off at the edge, "0/15′" read "0/1": the title is cut instead, with "…"."""
    items = [AgendaItem(1, "3.", "Public comment on the budget", planned_minutes=15),
             AgendaItem(2, "4.", "Consent agenda", section="Consent agenda"),
             AgendaItem(3, "4.1", "Purchase of two street sweepers", level=1, parent_id=2),
             AgendaItem(4, "5.", "A short one", planned_minutes=5)]
    async with NarrowTreeHost().run_test() as pilot:
        tree = pilot.app.query_one(AgendaTree)
        tree.build(Meeting(1, MeetingDetails(), items), NOW)
        await pilot.pause()
        lines = [strip.text.rstrip() for strip in tree.render_lines(Region(0, 0, 30, 5))]
    assert lines == ["○ 3. Public comment on…  –/15′", "▼ Consent agenda", "├ ▼ ○ 4. Consent agenda",
                     "│ └ ○ 4.1 Purchase of two str…", "└ ○ 5. A short one  –/5′"]


async def test_the_agenda_groups_items_under_their_sections_as_the_minutes_do():
    """An item without a section stands in the one above it, in the tree as in the exported minutes."""
    items = [AgendaItem(n, f"{n}.", f"Item {n}", section=section, position=n)
             for n, section in enumerate(["", "", "Discussion items:", "", "Other:", ""], start=1)]
    async with TreeHost().run_test() as pilot:
        tree = pilot.app.query_one(AgendaTree)
        tree.build(Meeting(1, MeetingDetails(), items), NOW)
        shape = [(str(node.label), [child.data for child in node.children]) if node.data is None else node.data
                 for node in tree.root.children]
    assert shape == [1, 2, ("Discussion items", [3, 4]), ("Other", [5, 6])]


async def test_the_agenda_draws_with_the_styles_of_the_moment():
    """The tree keeps its lines' part styles across repaints (Textual drops them on each): a change
    of focus or theme must still show, on the cursor's line too."""
    items = [AgendaItem(n, f"{n}.", f"Item {n}") for n in range(1, 4)]

    def as_textual_works_them_out(tree: AgendaTree, names: tuple[str, ...]) -> tuple[Style, Style]:
        tree._rich_style_cache.clear()
        return Widget.get_component_rich_style(tree, *names), Widget.get_component_rich_style(tree, *names, partial=True)

    async with TreeHost().run_test() as pilot:
        tree = pilot.app.query_one(AgendaTree)
        tree.build(Meeting(1, MeetingDetails(), items), NOW)
        await pilot.pause()
        tree.move_cursor(tree._item_nodes[3])
        cursor_backgrounds = []
        for change in (lambda: None, tree.focus, lambda: setattr(pilot.app, "theme", "gruvbox")):
            change()
            await pilot.pause()
            for names in [("tree--cursor",), ("tree--guides",), ("tree--label",), ("tree--highlight-line",)]:
                kept = tree.get_component_rich_style(*names), tree.get_component_rich_style(*names, partial=True)
                assert kept == as_textual_works_them_out(tree, names), (change, names)
            cursor_line = tree.render_lines(Region(0, 0, tree.size.width, tree.size.height))[tree.cursor_line]
            cursor_backgrounds.append({segment.style.bgcolor for segment in cursor_line if "Item 3" in segment.text})
    assert len({frozenset(colours) for colours in cursor_backgrounds}) == 3  # blurred, focused, another theme


async def test_an_added_entry_is_worded_alone_and_highlighted():
    async with Host().run_test() as pilot:
        record = pilot.app.query_one(RecordList)
        shown, wording = entries(3), Wording()
        record.show_entries(shown, wording, "style")
        assert wording.asked == [1, 2, 3]
        record.show_entries([*shown, *entries(1, start=4)], wording, "style")
        assert wording.asked == [1, 2, 3, 4]
        assert record.highlighted_entry_id == 4
        assert "said thing 4" in str(record.prompts[-1])


async def test_an_edited_entry_or_another_wording_rewords_them_all():
    async with Host().run_test() as pilot:
        record = pilot.app.query_one(RecordList)
        shown, wording = entries(2), Wording()
        record.show_entries(shown, wording, "style")
        shown = [shown[0], replace(shown[1], text="changed")]
        record.show_entries(shown, wording, "style")
        assert wording.asked == [1, 2, 1, 2]
        assert "changed" in str(record.prompts[-1])
        record.show_entries(shown, wording, "another house style")
        assert wording.asked == [1, 2, 1, 2, 1, 2]
        shown[1].text = "edited in place"  # as the session edits its entries
        record.show_entries(shown, wording, "another house style")
        assert wording.asked == [1, 2, 1, 2, 1, 2, 1, 2]
        assert "edited in place" in str(record.prompts[-1])


async def test_browsing_the_record_moves_the_highlight_and_keeps_it_in_view():
    async with Host().run_test(size=(60, 20)) as pilot:
        record = pilot.app.query_one(RecordList)
        record.show_entries(entries(12), Wording())
        await pilot.pause()
        assert record.highlighted_entry_id == 12 and record.scroll_y == 6  # the newest, in view
        record.show_entries([*record.entries, *entries(3, start=13)], Wording())
        assert record.highlighted_entry_id == 15 and record.scroll_y == 9  # follows the newest
        record.focus()
        await pilot.press("home")
        assert record.highlighted_entry_id == 1 and record.scroll_y == 0
        await pilot.press("down", "down")
        assert record.highlighted_entry_id == 3
        record.show_entries(record.entries, Wording())  # a redraw while browsing keeps the place
        assert record.highlighted_entry_id == 3
        record.show_entries([e for e in record.entries if e.id != 3], Wording())  # 3 deleted
        assert record.highlighted_entry_id == 4  # the next one, in its place
        record.show_entries([e for e in record.entries if e.id < 4], Wording())  # the last ones deleted
        assert record.highlighted_entry_id == 2


async def test_a_long_title_gives_way_to_the_line_of_times():
    item = AgendaItem(1, "3.", "EU migrant smuggling action plan: operational cooperation aspects and more",
                      doc_refs=["13682/21"], state=ItemState.CURRENT, started_at=datetime(2021, 11, 22, 10, 24))
    async with Host().run_test(size=(80, 20)) as pilot:
        header = pilot.app.query_one(ItemHeader)

        async def drawn() -> list[str]:
            header.show(item, NOW, item.label, item.presenter)
            await pilot.pause()
            return [strip.text.rstrip() for strip in header.render_lines(Region(0, 0, 40, header.size.height))]

        assert await drawn() == [
            "3. EU migrant smuggling action plan:",
            "operational cooperation aspects and mor…",  # the ellipsis fits in the width
            "started 10:24  on this item 6:00",
        ]
        item.presenter = "Commission"  # the times wrap onto two lines: the title gives way to both
        assert await drawn() == [
            "3. EU migrant smuggling action plan: …",
            "presented by Commission · started 10:24",
            "on this item 6:00",
        ]
        item.to_check = "was the final vote unanimous or one against?"  # more than fits: it says so
        assert await drawn() == [
            "3. EU migrant smuggling action plan: …",
            "presented by Commission · started 10:24",
            "on this item 6:00 · to check with the …",
        ]
        header.show(None, NOW, "", ended_at=datetime(2021, 11, 22, 12, 12))  # a meeting closed, opened again
        await pilot.pause()
        assert str(header.text).startswith("The meeting ended at 12:12: /next or /go NUMBER opens it again.")


class PanelHost(App[None]):
    CSS = "Panel { width: 24; padding: 0 1; background: $surface; color: $text-muted; }"

    def compose(self) -> ComposeResult:
        yield Panel()


async def test_a_panel_shows_its_text_wrapped_and_reflows_only_when_its_height_changes(monkeypatch):
    layouts: list[bool] = []
    refresh = Panel.refresh
    monkeypatch.setattr(Panel, "refresh", lambda self, *a, layout=False, **k: layouts.append(layout) or refresh(self, *a, layout=layout, **k))
    async with PanelHost().run_test(size=(40, 10)) as pilot:
        panel = pilot.app.query_one(Panel)

        def drawn() -> list[str]:
            return [strip.text.rstrip() for strip in panel.render_lines(Region(0, 0, 24, panel.size.height))]

        panel.show_text(Text.assemble(("Floor: ", "bold"), "DE 1:05\nQueue: FR IT ES PL NL BE AT"))
        await pilot.pause()
        assert drawn() == [" Floor: DE 1:05", " Queue: FR IT ES PL NL", " BE AT"]  # 22 columns inside the padding
        layouts.clear()
        panel.show_text(Text("Floor: DE 1:06\nQueue: FR IT ES PL NL BE AT"))  # the same three lines
        await pilot.pause()
        assert layouts == [False] and drawn()[0] == " Floor: DE 1:06"
        panel.show_text(Text("Floor: –\nQueue: –"))
        await pilot.pause()
        assert layouts[-1] is True and panel.size.height == 2 and drawn() == [" Floor: –", " Queue: –"]
        first_line = panel.render_lines(Region(0, 0, 24, 1))[0]
        assert {segment.style.bgcolor for segment in first_line} == {panel.rich_style.bgcolor}  # the CSS background throughout


class OneLinePanelHost(PanelHost):
    CSS = PanelHost.CSS.replace("width: 24;", "width: 24; height: 1;")


async def test_a_panel_of_one_line_ends_a_text_cut_short_with_an_ellipsis():
    """The status line at 80 columns: "now on item 8. B. Prisons and" — cut without a sign."""
    async with OneLinePanelHost().run_test(size=(40, 10)) as pilot:
        panel = pilot.app.query_one(Panel)
        panel.show_text(Text("now on item 8. B. Prisons and rehabilitation"))
        await pilot.pause()
        assert [strip.text.rstrip() for strip in panel.render_lines(Region(0, 0, 24, 1))] == [" now on item 8. B.…"]
        panel.show_text(Text("now on item 8."))
        await pilot.pause()
        assert [strip.text.rstrip() for strip in panel.render_lines(Region(0, 0, 24, 1))] == [" now on item 8."]


async def test_a_panel_draws_its_texts_own_style_and_its_selection(monkeypatch):
    async with PanelHost().run_test(size=(40, 10)) as pilot:
        panel = pilot.app.query_one(Panel)

        def first_styles() -> set[Style]:
            segments = panel.render_lines(Region(0, 0, 24, 1))[0]
            return {segment.style for segment in segments if segment.text.strip()}

        panel.show_text(Text("No item open yet", "italic"))  # the style of the whole Text, no spans
        await pilot.pause()
        assert all(style.italic for style in first_styles())
        panel.show_text(Text("No item open yet", "bold"))  # equal as Rich compares Texts
        await pilot.pause()
        assert all(style.bold and not style.italic for style in first_styles())

        panel.show_text(Text("Floor: DE 1:05\nQueue: FR IT"))
        await pilot.pause()
        panel.text_select_all()
        await pilot.pause()
        assert pilot.app.screen.get_selected_text() == "Floor: DE 1:05\nQueue: FR IT"
        selected = pilot.app.screen.get_component_rich_style("screen--selection").bgcolor
        drawn = [segment.style for segment in panel.render_lines(Region(0, 0, 24, 1))[0] if segment.text.strip()]
        assert {style.bgcolor for style in drawn} == {selected}
        assert all(style.color not in (None, selected) for style in drawn)  # the text stays readable
        pilot.app.screen.clear_selection()
        await pilot.mouse_down(panel, offset=(8, 0))  # drag across "DE 1:05", as a user copies it
        await pilot.hover(panel, offset=(15, 0))
        await pilot.mouse_up(panel, offset=(15, 0))
        assert pilot.app.screen.get_selected_text() == "DE 1:05"

        # A line the panel wraps is copied as written: "Queue: FR IT ES PL NL" / "BE AT" on screen.
        panel.show_text(Text("Floor: –\nQueue: FR IT ES PL NL BE AT"))
        await pilot.pause()
        panel.text_select_all()
        await pilot.pause()
        assert pilot.app.screen.get_selected_text() == "Floor: –\nQueue: FR IT ES PL NL BE AT"
        pilot.app.screen.clear_selection()
        await pilot.mouse_down(panel, offset=(20, 1))  # from "NL" on the first line of Queue
        await pilot.hover(panel, offset=(2, 2))
        await pilot.mouse_up(panel, offset=(2, 2))  # to "BE" on the line it wrapped onto
        assert pilot.app.screen.get_selected_text() == "NL BE"
        panel.show_text(Text("Floor: –"))  # the selection outlives the line it was on
        await pilot.pause()
        assert panel.get_selection(pilot.app.screen.selections[panel]) is None


async def test_the_speakers_panel_names_the_twelve_longest_speakers():
    totals = {f"S{n:02}": 100 - n for n in range(20)}
    async with Host().run_test() as pilot:
        panel = pilot.app.query_one(QueuePanel)
        panel.show([("DE",), ("FR",)], None, totals, NOW)
        text = str(panel.text)
        assert "Queue: DE FR" in text and "S00\u00a01:40" in text and "S11" in text
        assert "S12" not in text and "… 8 more" in text
        # Equal times come in the same order however the totals were counted (store or memory).
        panel.show([], None, {"SE": 60, "DK": 60, "HU": 60}, NOW)
        first = str(panel.text)
        panel.show([], None, {"HU": 60, "SE": 60, "DK": 60}, NOW)
        assert str(panel.text) == first and "DK\u00a01:00  HU\u00a01:00  SE\u00a01:00" in first


async def test_a_record_that_fills_up_line_by_line_follows_the_newest():
    """Regression: the virtual height grows without a layout pass, and Textual then thought the
    record could not scroll: lines added after it filled up stayed below the bottom edge."""
    async with Host().run_test(size=(60, 20)) as pilot:
        record = pilot.app.query_one(RecordList)
        shown: list[Entry] = []
        for n in range(1, 10):
            shown = [*shown, *entries(1, start=n)]
            record.show_entries(shown, Wording())
            await pilot.pause()
        assert record.scroll_y == 3  # nine one-line entries in six lines: the last six in view


class HiddenScrollbarHost(Host):
    CSS = Host.CSS + " RecordList { scrollbar-size-vertical: 0; }"  # as on the live screen


async def test_a_record_scrolling_under_a_hidden_scrollbar_does_not_remap_the_screen(monkeypatch):
    """Regression: Textual moved the record's 0-wide scrollbar on every scroll, and a repaint of a
    widget not on the screen made it rebuild the whole screen's map (a frame's tenth, each step)."""
    remaps = []
    arrange_root = Compositor._arrange_root
    monkeypatch.setattr(Compositor, "_arrange_root", lambda *args, **kwargs: remaps.append(1) or arrange_root(*args, **kwargs))
    async with HiddenScrollbarHost().run_test(size=(60, 20)) as pilot:
        record = pilot.app.query_one(RecordList)
        shown = entries(12)
        record.show_entries(shown, Wording())
        record.refresh(layout=True)  # lays out a record that overflows: Textual "shows" its scrollbar
        await pilot.pause()
        remaps.clear()
        for n in range(13, 18):
            shown = [*shown, *entries(1, start=n)]
            record.show_entries(shown, Wording())
            await pilot.pause()
        assert record.scroll_y == 11 and remaps == []


def spy_renders(monkeypatch, widget_class, state) -> list:
    """`state(widget)` as each render of a `widget_class` left it, in order: [0] is the first frame's."""
    seen = []
    render_lines = widget_class.render_lines

    def spy(widget, crop):
        strips = render_lines(widget, crop)
        seen.append(state(widget))
        return strips

    monkeypatch.setattr(widget_class, "render_lines", spy)
    return seen


class OpeningHost(Host):
    """Shows a record before the first layout, as the live screen does in on_mount."""

    def on_mount(self) -> None:
        self.query_one(RecordList).show_entries(entries(9), Wording())


async def test_the_first_frame_of_a_record_shows_its_newest_entry(monkeypatch):
    """Not the top of the record first and the newest entry a frame later (a jump on opening)."""
    first_frame = spy_renders(monkeypatch, RecordList, lambda record: (record.scroll_y, record.max_scroll_y))
    async with OpeningHost().run_test(size=(60, 20)) as pilot:
        await pilot.pause()
    assert first_frame[0] == (3, 3)  # nine one-line entries in six lines: the last six in view


class OpeningTreeHost(App[None]):
    """Builds the agenda and shows its current item before the first layout, as the live screen does."""

    AUTO_FOCUS = None  # the entry line has it on the live screen: the tree follows the current item
    CSS = "AgendaTree { height: 12; }"

    def compose(self) -> ComposeResult:
        yield AgendaTree()

    def on_mount(self) -> None:
        items = [AgendaItem(n, f"{n}.", f"Item {n}", state=ItemState.DONE if n < 40 else ItemState.CURRENT)
                 for n in range(1, 61)]
        tree = self.query_one(AgendaTree)
        tree.build(Meeting(1, MeetingDetails(), items), NOW)
        tree.show_item(40)


async def test_the_first_frame_of_the_agenda_shows_the_current_item(monkeypatch):
    """Not the top of the agenda first and the current item a frame later (a jump on opening)."""
    first_frame = spy_renders(monkeypatch, AgendaTree, lambda tree: (tree.cursor_line, tree.scroll_y))
    async with OpeningTreeHost().run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        tree = pilot.app.query_one(AgendaTree)
        assert tree.cursor_node.data == 40
    # Item 40 is line 39, a third of the way down the twelve lines in view.
    assert first_frame[0] == (39, 39 - 12 // 3)


def test_record_wraps_entries_exactly_as_rich_does():
    """The record's quick wrap gives the lines, texts and styles of `Text.wrap`, for random
    prompts of many spans (some overlapping), runs of spaces, words longer than a line, any width."""
    console = Console(width=120, force_terminal=True)
    words = ["a", "to", "delegation", "EMPACT", "x" * 30, "interoperability", "13682/21", "(0:15)", "Schengen,", "é"]
    rng = random.Random(7)
    cases: list[tuple[Text, int]] = []

    def lines(strips: list[Strip]) -> list[tuple[list[tuple[str, Style]], int]]:
        return [([(s.text, s.style or Style()) for s in strip if s.text], strip.cell_length) for strip in strips]

    for _ in range(1500):
        prompt = Text()
        for _ in range(rng.randint(1, 8)):
            piece = rng.choice([" ", "  "]).join(rng.choice(words) for _ in range(rng.randint(0, 6)))
            prompt.append(rng.choice(["", " "]) + piece + rng.choice(["", " ", "   "]),
                          rng.choice(["", "bold", "dim", "bold cyan", "italic"]))
        if rng.random() < 0.2:
            prompt.stylize("underline", 3, 9)
        cases.append((prompt, rng.randint(1, 60)))
    edges = ["", "   ", "  abcdefgh", "a  ", "abcdefghij klm", "x" * 61 + " y"]
    cases += [(Text(text, "bold"), width) for text in edges for width in (1, 2, 3, 60)]
    quick = 0
    for prompt, width in cases:
        rich_lines = [Strip(list(line.render(console))) for line in prompt.wrap(console, width)]
        wrapped = WrappedPrompt(prompt, width, console)
        quick += wrapped._strips is None  # measured only: the quick way, not Rich's
        assert wrapped.height == len(rich_lines) and lines(wrapped.strips) == lines(rich_lines), (prompt.plain, width)
    assert quick == sum(prompt.plain.isascii() for prompt, _ in cases)  # every ASCII prompt took it


def test_a_form_not_on_screen_yet_holds_what_it_was_given():
    """The once-a-second draft may ask a form pushed a moment ago, before it is composed: it used to
    crash the app (no field found)."""
    from minutes_tui.tui.screens.form import Field, FormModal

    form = FormModal("Outcome", [Field("code", "Outcome", "took_note", [("took note", "took_note")]), Field("text", "Wording")],
                     lambda values: None)
    assert form.values() == {"code": "took_note", "text": ""}


class FillingTreeHost(OpeningTreeHost):
    CSS = "AgendaTree { height: 1fr; }"


async def test_the_agenda_keeps_the_current_item_in_view_when_the_terminal_shrinks():
    """Item 40 in view on a tall terminal, out of it once the terminal is 20 rows high (it stayed so)."""
    async with FillingTreeHost().run_test(size=(60, 64)) as pilot:
        tree = pilot.app.query_one(AgendaTree)
        await pilot.pause()
        assert tree.scroll_y == 0 and tree.cursor_node.data == 40
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert tree.scroll_y <= tree.cursor_line < tree.scroll_y + tree.scrollable_content_region.height


def test_an_outcome_shows_its_label_not_its_code():
    outcome = Entry(1, 1, EntryKind.OUTCOME, "", [], started_at=NOW, outcome="took_note")
    assert RecordList._prompt(outcome, "The Committee took note.").plain == "10:30 outcome: took note The Committee took note."
