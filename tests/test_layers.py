"""The layers: the core and the exports run without Textual or Rich; the CLI loads Textual only for the UI."""

import subprocess
import sys

import pytest

HEADLESS = [
    "minutes_tui.core.model",
    "minutes_tui.core.clock",
    "minutes_tui.core.speakers",
    "minutes_tui.core.phrasing",
    "minutes_tui.core.entry",
    "minutes_tui.core.store",
    "minutes_tui.core.session",
    "minutes_tui.core.agenda",
    "minutes_tui.export",
    "minutes_tui.cli",
]


def loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split())


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_modules_do_not_load_textual(module):
    loaded = loaded_after_import(module)
    assert "textual" not in loaded and "rich" not in loaded


def test_the_check_itself_can_fail():
    assert "textual" in loaded_after_import("minutes_tui.tui.app")
