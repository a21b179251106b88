"""The export package runs without Textual (the CLI's --export path and the tests stay light)."""

from __future__ import annotations

import subprocess
import sys


def test_export_does_not_import_textual():
    code = (
        "import sys\n"
        "import minutes_tui.export, minutes_tui.export.document, minutes_tui.export.markdown\n"
        "import minutes_tui.export.text, minutes_tui.export.html, minutes_tui.export.docx\n"
        "import minutes_tui.export.json_io, minutes_tui.export.log, minutes_tui.export.check\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_opening_the_live_screen_does_not_load_the_agenda_readers():
    """markdown-it and the agenda readers cost 50 ms of start-up; only importing an agenda (or adding
    an item live) needs them."""
    code = (
        "import sys\n"
        "import minutes_tui.cli, minutes_tui.tui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(('markdown_it', 'minutes_tui.core.agenda'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
