"""Child process: start an app on a terminal, note when its first frame is written, then exit.

    python benchmarks/frame.py minutes ID DB   # exactly `minutes open ID --db DB`, through the CLI
    python benchmarks/frame.py bare            # the bare Textual app of bare_app.py
    python benchmarks/frame.py bare-text       # the same, its record one Static
    python benchmarks/frame.py input           # the app holding only an Input

"First frame" is the first full screen update the app writes to the terminal driver after it is
ready (compose + mount done). It is caught by wrapping `App._display` here, in benchmark code only:
nothing in minutes_tui knows about it. The time (time.monotonic, system-wide, so comparable with the
parent's clock) and the peak RSS so far go to the file named by BENCH_FRAME_RESULT.
Run it on a pseudo-terminal (run.py does), so Textual uses its real Linux driver.
"""

import json
import os
import resource
import sys
import time

from textual.app import App

_original_display = App._display


def peak_rss_kb() -> int:
    """This program's peak RSS. Not ru_maxrss: that survives exec, so a child forked from a big
    benchmark process would report the parent's size. VmHWM belongs to this program's own memory."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def report_and_exit(app: App) -> None:
    """The first frame is on the screen: write when, and how big the process grew, then stop."""
    result = {"frame": time.monotonic(), "peak_kb": peak_rss_kb(),
              "screen": type(app.screen).__name__, "modules": len(sys.modules)}
    with open(os.environ["BENCH_FRAME_RESULT"], "w") as handle:
        json.dump(result, handle)
    app.exit()


on_first_frame = report_and_exit  # interact.py keeps the app running instead


def _display(self, screen, renderable):
    _original_display(self, screen, renderable)
    if renderable is None or self._batch_count or not self._running or getattr(self, "_bench_done", False):
        return
    if not screen.children:  # the default screen, before the app pushed its own
        return
    self._bench_done = True
    on_first_frame(self)


App._display = _display


def run(mode: str, *args: str) -> None:
    """minutes ID DB: exactly `minutes open ID --db DB`, through the CLI; bare; bare-text; input."""
    if mode == "minutes":
        from minutes_tui.cli import main

        sys.argv = ["minutes", "open", args[0], "--db", args[1]]
        try:
            main()
        except SystemExit as stop:
            if stop.code:
                raise
    else:
        from bare_app import BareApp, BareTextApp, InputApp

        {"bare": BareApp, "bare-text": BareTextApp, "input": InputApp}[mode]().run()


if __name__ == "__main__":
    run(*sys.argv[1:])
