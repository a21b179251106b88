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
