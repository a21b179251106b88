"""The command palette of both apps: Textual's, answered once and without its screenshot command."""

from __future__ import annotations

from live_fixtures import cosi_db, live_app, no_cursor_blink, tui_clock  # noqa: F401  (fixtures)
from minutes_tui.tui.review_app import make_review_app


async def test_the_palettes_offer_no_screenshot_which_needs_a_downloads_folder(live_app, tmp_path):
    for app in (live_app, make_review_app(tmp_path / "archive.db")):
        async with app.run_test(size=(120, 40)) as pilot:
            titles = [command.title for command in pilot.app.get_system_commands(pilot.app.screen)]
            assert "Quit" in titles and "Screenshot" not in titles


async def test_the_palette_finds_an_action_by_its_help_and_an_item_by_its_full_number(live_app):
    from minutes_tui.tui.commands import MinutesCommands

    async with live_app.run_test(size=(120, 40)) as pilot:
        provider = MinutesCommands(pilot.app.screen)
        assert "Next" in [str(hit.text) async for hit in provider.search("next item")]  # its help: "... the next one"
        assert [str(hit.text) async for hit in provider.search("Go to item 6.2")][0].startswith("Go to item 6.2.")
