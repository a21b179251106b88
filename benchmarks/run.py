"""`python -m benchmarks [--quick] [--only NAME ...]`: every measurement of issue 7, side by side.

Each group builds its data (in a temp folder; the archive is cached), measures the product and its
baseline in the same run (interleaved, so noise hits both alike) and returns rows for the table.
A part of the product that is not there yet (or is broken right now) gives "n/a" rows, not a crash.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import data
from .terminal import Terminal, spawn

HERE = Path(__file__).resolve().parent
FRAME_SCRIPT = HERE / "frame.py"
FRAME = 1 / 60  # one frame at 60 Hz: 16.7 ms
SIZE = (120, 40)


@dataclass
class Row:
    label: str
    value: float | None  # seconds, or kilobytes when unit == "MB"
    baseline: str = ""
    base: float | None = None
    goal: str = ""
    limit: float | None = None  # the goal: ratio <= limit (if base) or value <= limit (seconds)
    note: str = ""
    unit: str = "ms"
    extra_ok: bool = True  # a second condition of the goal (e.g. "does not import Textual")
    paired: float | None = None  # the median of per-round ratios, where rounds pair the two

    @property
    def ratio(self) -> float | None:
        if self.paired is not None:
            return self.paired
        return self.value / self.base if self.value is not None and self.base else None

    @property
    def ok(self) -> bool | None:
        if self.value is None or self.limit is None:
            return None
        measured = self.ratio if self.base is not None else self.value
        return measured is not None and measured <= self.limit and self.extra_ok


def na(label: str, why: str, goal: str = "") -> Row:
    return Row(label, None, goal=goal, note=f"n/a ({why})")


def median(samples: list[float]) -> float:
    return statistics.median(samples)


# --- processes ---------------------------------------------------------------------------------


def minutes_command() -> list[str]:
    """The installed console script (not a pyenv shim, whose bash start-up would dominate)."""
    script = Path(sys.executable).parent / "minutes"
    return [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "minutes_tui"]


def run_quiet(argv: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    return time.perf_counter() - start, done.returncode, done.stderr.strip().splitlines()[-1:] and done.stderr.strip().splitlines()[-1] or ""


def time_processes(commands: dict[str, list[str]], repeats: int, env: dict[str, str]) -> dict[str, list[float] | str]:
    """Wall time of each command, run round-robin after one warm-up each; an error string if it fails."""
    results: dict[str, list[float] | str] = {}
    for name, argv in commands.items():
        _, code, err = run_quiet(argv, env)
        results[name] = [] if code == 0 else f"exit {code}: {err[:80]}"
    for _ in range(repeats):
        for name, argv in commands.items():
            if isinstance(results[name], list):
                results[name].append(run_quiet(argv, env)[0])
    return results


def imports_textual(argv: list[str], env: dict[str, str]) -> bool:
    done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, text=True)
    names = (line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:"))
    return any(n == "textual" or n.startswith("textual.") for n in names)


def first_frame(argv: list[str], env: dict[str, str]) -> tuple[float | None, float | None, str]:
    """Run `argv` (benchmarks/frame.py ...) on a pseudo-terminal of SIZE: seconds from spawn to its
    first frame, its peak RSS in KB up to then (VmHWM, see frame.py), or an error line."""
    handle, result = tempfile.mkstemp(suffix=".json")
    os.close(handle)
    start = time.monotonic()
    child, master = spawn(argv, dict(env, BENCH_FRAME_RESULT=result), SIZE)
    output: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        _, status, _ = os.wait4(child.pid, 0)
    finally:
        child.returncode = 0  # reaped by wait4
        reader.join(2)
        os.close(master)
    try:
        with open(result) as handle:
            report = json.load(handle)
        frame, peak = report["frame"] - start, report["peak_kb"]
    except (OSError, ValueError, KeyError):
        lines = [ln for ln in b"".join(output).decode(errors="replace").splitlines() if ln.strip()]
        return None, None, (lines[-1].strip()[-90:] if lines else f"status {status}")
    finally:
        os.unlink(result)
    return frame, peak, ""


# --- data ----------------------------------------------------------------------------------------


class Data:
    """Databases built on first use, in one temp folder; `copy()` gives a fresh one to change."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._built: dict[str, tuple[Path, int]] = {}

    def _meeting(self, name: str, build) -> tuple[Path, int]:
        if name not in self._built:
            db = self.folder / f"{name}.db"
            meeting_id = build(db)
            data.open_current_item(db, meeting_id)
            self._built[name] = (db, meeting_id)
        return self._built[name]

    def large(self) -> tuple[Path, int]:
        return self._meeting("large", data.large_meeting)

    def medium(self) -> tuple[Path, int]:  # a tenth of the large meeting: 30 items, 500 entries
        return self._meeting("medium", lambda db: data.large_meeting(db, items=30, entries=500))

    def cosi(self) -> tuple[Path, int]:
        return self._meeting("cosi", data.cosi_meeting)

    def copy(self, which: str) -> tuple[Path, int]:
        db, meeting_id = getattr(self, which)()
        target = Path(tempfile.mkdtemp(dir=self.folder)) / db.name
        shutil.copy(db, target)
        return target, meeting_id


def env_for(db: Path) -> dict[str, str]:
    return dict(os.environ, MINUTES_DB=str(db))


# --- groups ------------------------------------------------------------------------------------


def group_cli(d: Data, repeats: int) -> list[Row]:
    cosi_db, cosi_id = d.cosi()
    minutes = minutes_command()
    commands = {
        "import sqlite_utils": [sys.executable, "-c", "import sqlite_utils"],
        "minutes --help": [*minutes, "--help"],
        "minutes list": [*minutes, "list", "--db", str(cosi_db)],
        "minutes export ID --format md": [*minutes, "export", str(cosi_id), "--format", "md", "--db", str(cosi_db)],
    }
    env = env_for(cosi_db)
    times = time_processes(commands, repeats, env)
    base = median(times["import sqlite_utils"])
    rows = []
    for name in list(commands)[1:]:
        label = f"`{name}` (COSI db), whole process"
        if isinstance(times[name], str):
            rows.append(Row(label, None, note=f"n/a ({times[name]})", goal="≤ 1.5×, no Textual"))
            continue
        textual = imports_textual(commands[name], env)
        rows.append(Row(label, median(times[name]), "python -c 'import sqlite_utils'", base, "≤ 1.5×, no Textual",
                        1.5, note="imports Textual!" if textual else "Textual not imported", extra_ok=not textual))
    return rows


def paired_row(label: str, samples: list[float], baseline: str, base: list[float], goal: str, limit: float) -> Row:
    """A row whose samples were taken in rounds with the baseline's: the ratio is the median of the
    rounds' ratios. A busy spell of the shared machine lasts seconds and falls on a whole round, so
    it cancels out of a round's ratio, where the ratio of the two medians takes it in full."""
    of_medians = median(samples) / median(base)
    return Row(label, median(samples), baseline, median(base), goal, limit,
               paired=median([a / b for a, b in zip(samples, base)]), note=f"ratio of medians {of_medians:.2f}×")


def group_open(d: Data, repeats: int) -> list[Row]:
    large_db, large_id = d.large()
    cosi_db, cosi_id = d.cosi()
    runs = {
        "bare": [sys.executable, str(FRAME_SCRIPT), "bare"],
        "large": [sys.executable, str(FRAME_SCRIPT), "minutes", str(large_id), str(large_db)],
        "cosi": [sys.executable, str(FRAME_SCRIPT), "minutes", str(cosi_id), str(cosi_db)],
    }
    frames: dict[str, list[float]] = {k: [] for k in runs}
    rss: dict[str, list[float]] = {k: [] for k in runs}
    errors: dict[str, str] = {}
    for _ in range(repeats + 1):  # the first round warms the page cache and is not counted
        for name, argv in runs.items():
            if name in errors:
                continue
            frame, maxrss, error = first_frame(argv, env_for(large_db))
            if frame is None:
                errors[name] = error
            else:
                frames[name].append(frame)
                rss[name].append(maxrss)
    for name in runs:
        frames[name], rss[name] = frames[name][1:], rss[name][1:]
    label = "`minutes open` large meeting: process start → first frame"
    if "bare" in errors:
        return [na(label, "bare app failed: " + errors["bare"])]
    if "large" in errors:
        why = "not built yet" if "tui" in errors["large"] or "No module" in errors["large"] else errors["large"]
        return [na(label, why, "≤ 1.2× bare, ≤ 1.3× COSI"), na("peak memory (VmHWM at first frame) of `minutes open` large", why, "≤ 1.3× bare")]
    rows = [paired_row(label, frames["large"], "bare Textual app (benchmarks/bare_app.py)", frames["bare"], "≤ 1.2×", 1.2)]
    if "cosi" in errors:
        rows.append(na("… vs the same command on the COSI meeting", errors["cosi"]))
    else:
        rows.append(paired_row("… vs the same command on the COSI meeting", frames["large"], "`minutes open` COSI",
                               frames["cosi"], "≤ 1.3×", 1.3))
    rows.append(Row("peak memory (VmHWM at first frame) of `minutes open` large", median(rss["large"]),
                    "bare Textual app", median(rss["bare"]), "≤ 1.3×", 1.3, unit="MB"))
    return rows


def on_terminals(d: Data, modes: list[str], measure) -> list | str:
    """Start each of `modes` (minutes on a fresh copy of the large meeting, input, bare) on a
    terminal of its own, run `measure(terminals)` and return what it gives, or why it could not run."""
    terminals: list[Terminal] = []
    try:
        for mode in modes:
            db, meeting_id = d.copy("large")
            terminals.append(Terminal(mode, [str(meeting_id), str(db)] if mode == "minutes" else [], env_for(db), SIZE))
        return measure(terminals)
    except RuntimeError as error:  # "… did not start: …", or an error while measuring
        return (str(error) if len(terminals) < len(modes) else f"error: {error}")[:90]
    finally:
        for terminal in terminals:
            terminal.close()


def on_terminal(d: Data, mode: str, measure) -> list[float] | str:
    return on_terminals(d, [mode], lambda terminals: measure(terminals[0]))


def keystrokes(count: int):
    """Type `count` letters one at a time, each measured; the line is cleared between sentences."""
    text = "DE called for support of the action plan and stressed "

    def measure(terminal: Terminal) -> list[float]:
        samples = []
        for n in range(count):
            if n and n % len(text) == 0:
                terminal.type(b"\x15")  # ctrl+u: clear the line
            samples.append(terminal.step(text[n % len(text)].encode()))
        return samples

    return measure


def ui_row(label: str, goal: str, samples: list[float] | str) -> Row:
    if isinstance(samples, str):
        return na(label, samples, goal)
    return Row(label, median(samples), goal=goal, limit=FRAME)


def group_keystroke(d: Data, repeats: int) -> list[Row]:
    label = "one keystroke in the entry line, large meeting: CPU to repaint"
    count = 10 * repeats
    samples: dict[str, list[float]] = {"minutes": [], "input": [], "bare": []}
    for _ in range(2):  # the apps interleaved, in two halves
        for mode in samples:
            got = on_terminal(d, mode, keystrokes(count))
            if isinstance(got, str):
                return [na(label, f"{mode}: {got}", "≤ 1.5× Input-only app")]
            samples[mode] += got
    base = median(samples["input"])
    return [Row(label, median(samples["minutes"]), "app holding only an Input", base, "≤ 1.5×", 1.5,
                note=f"{2 * count} keys each"),
            Row("… the same keystroke in the bare app with the same widgets", median(samples["bare"]),
                "app holding only an Input", base, "info: Textual's own share")]


class TimedStore:
    """Wraps `store.change` to time the store part (BEGIN … COMMIT with synchronous=FULL)."""

    def __init__(self, store) -> None:
        self.samples: list[float] = []
        original = store.change

        from contextlib import contextmanager

        @contextmanager
        def change(*args, **kwargs):
            start = time.perf_counter()
            try:
                with original(*args, **kwargs) as c:
                    yield c
            finally:
                self.samples.append(time.perf_counter() - start)

        store.change = change


def raw_insert(folder: Path) -> tuple[sqlite3.Connection, callable]:
    """A bare sqlite3 single-row insert + commit, WAL and synchronous=FULL, on the same disk."""
    conn = sqlite3.connect(folder / "raw.db")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, item_id INTEGER, kind TEXT,"
                 " text TEXT, speakers TEXT, position INTEGER, started_at TEXT)")

    def insert() -> float:
        start = time.perf_counter()
        conn.execute("INSERT INTO entries (item_id, kind, text, speakers, position, started_at) VALUES"
                     " (?, ?, ?, ?, ?, ?)", [1, "intervention", "called for support", '["DE"]', 1, "2022-05-03T10:00:00"])
        conn.commit()
        return time.perf_counter() - start

    return conn, insert


def _core_session(db: Path, meeting_id: int):
    from minutes_tui.core.clock import SystemClock
    from minutes_tui.core.session import Session
    from minutes_tui.core.store import Store

    store = Store(db)
    return store, Session(store, meeting_id, SystemClock())


def group_commit(d: Data, repeats: int) -> list[Row]:
    db, meeting_id = d.copy("large")
    store, session = _core_session(db, meeting_id)
    timed = TimedStore(store)
    conn, raw = raw_insert(db.parent)
    count = 10 * repeats
    raw_samples, cpu, wall, indexing = [], [], [], []
    lines = ["DE called for support of the action plan.", "Delegations underlined EMPACT as an effective tool."]
    for n in range(count):
        raw_samples.append(raw())
        start_cpu, start = time.process_time(), time.perf_counter()
        session.apply_line(lines[n % 2])
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.index_pending()  # as the live screen does within the second
        indexing.append(time.perf_counter() - start)
    conn.close()
    store.close()
    rows = [
        Row("commit one entry line, large meeting: store part (wall)", median(timed.samples),
            "raw sqlite3 insert + commit, WAL/FULL", median(raw_samples), "≤ 2×", 2.0, note=f"{count} lines"),
        Row("… core only (parse + store + event log): CPU", median(cpu), goal="info", note=f"wall {median(wall) * 1e3:.1f} ms"),
        Row("… indexing that line for search in the next second (wall)", median(indexing), goal="info",
            note="Store.index_pending, synchronous=NORMAL, outside Enter"),
    ]
    def commits(terminal: Terminal) -> list[float]:
        samples = []
        for n in range(count):
            terminal.type(lines[n % 2])
            samples.append(terminal.step(b"\r"))
        return samples

    label = "… whole step with the screen update (Enter → repaint): CPU"
    return rows + [ui_row(label, "≤ 16.7 ms", on_terminal(d, "minutes", commits))]


def group_next(d: Data, repeats: int) -> list[Row]:
    db, meeting_id = d.copy("large")
    store, session = _core_session(db, meeting_id)
    count = 10 * repeats
    cpu = []
    for _ in range(count):
        start = time.process_time()
        session.go_next()
        cpu.append(time.process_time() - start)
    store.close()
    rows = [Row("next item, large meeting: core only (Session.go_next) CPU", median(cpu), goal="info")]
    def alternated_moves(terminals: list[Terminal]) -> list[list[float]]:
        """ctrl+n in each app in turn (which one goes first alternates): a busy or a quiet spell
        of the machine falls on all alike."""
        samples: list[list[float]] = [[] for _ in terminals]
        for n in range(count):
            for index in (range(len(terminals)) if n % 2 == 0 else reversed(range(len(terminals)))):
                samples[index].append(terminals[index].step(b"\x0e"))
        return samples

    label = "next item, large meeting: ctrl+n → repaint, CPU"
    baselines = {"bare": "… the same step in the bare app, stock widgets (its record an OptionList): CPU",
                 "bare-text": "… the same step in the bare app with its record one Static (no highlight): CPU"}
    moves = on_terminals(d, ["minutes", *baselines], alternated_moves)  # Textual's cost of such a step
    if isinstance(moves, str):  # ours alone then: the comparison may be what failed
        return rows + [ui_row(label, "≤ 16.7 ms", on_terminal(d, "minutes", lambda t: alternated_moves([t])[0])),
                       *(na(baseline, moves) for baseline in baselines.values())]
    ours, *bare = moves
    rows.append(ui_row(label, "≤ 16.7 ms", ours))
    for baseline, samples in zip(baselines.values(), bare):
        per_step = median([a / b for a, b in zip(ours, samples)])
        rows.append(Row(baseline, median(samples), goal="info: Textual's own share",
                        note=f"steps alternated with ours; ours/bare per step: median {per_step:.2f}×"))
    return rows


def group_export(d: Data, repeats: int) -> list[Row]:
    try:
        from minutes_tui.export import export_meeting
    except ImportError as error:
        return [na("export of the large meeting", f"not built yet: {error}")]
    from minutes_tui.core.store import Store

    def load(which: str):
        db, meeting_id = getattr(d, which)()
        store = Store(db)
        try:
            return store.load_meeting(meeting_id)
        finally:
            store.close()

    large, medium = load("large"), load("medium")
    rows = []
    for fmt, name in (("md", "Markdown"), ("docx", "DOCX")):
        samples: dict[str, list[float]] = {"large": [], "medium": []}
        try:
            for _ in range(max(3, repeats)):
                for key, meeting in (("large", large), ("medium", medium)):
                    start = time.perf_counter()
                    export_meeting(meeting, fmt)
                    samples[key].append(time.perf_counter() - start)
        except Exception as error:  # noqa: BLE001 - someone else's part may be mid-change
            rows.append(na(f"export {name}: 5,000 entries", f"error: {error}"[:80]))
            continue
        rows.append(Row(f"export {name} in-process: 5,000 entries / 300 items", median(samples["large"]),
                        "500 entries / 30 items", median(samples["medium"]), "≤ 12× (linear)", 12.0))
    db, meeting_id = d.large()
    minutes = minutes_command()
    times = time_processes({"help": [*minutes, "--help"],
                            "export": [*minutes, "export", str(meeting_id), "--format", "md", "--db", str(db)]},
                           repeats, env_for(db))
    label = "`minutes export ID --format md` large meeting, whole process"
    if isinstance(times["export"], str) or isinstance(times["help"], str):
        rows.append(na(label, str(times["export"] if isinstance(times["export"], str) else times["help"])))
    else:
        rows.append(Row(label, median(times["export"]), "`minutes --help`", median(times["help"]), "≤ 10×", 10.0))
    return rows


# From rare to very common terms (see data.VOCABULARY): the median is the middle of this mix.
SEARCHES = ["Europol", "migrant smuggling", '"organised crime"', "ransomware harbours", "terrorism Schengen borders",
            "protect17", "delegation"]


def group_search(d: Data, repeats: int) -> list[Row]:
    from minutes_tui.core.store import Store, fts_query

    store = Store(data.cached_archive())
    entries = store.conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    product, bare, slowest = [], [], {}
    repeats = min(repeats, 4)  # 7 queries a round; the common words take 0.1-0.3 s each
    for _ in range(repeats):
        for query in SEARCHES:
            start = time.perf_counter()
            store.search(query)
            product.append(time.perf_counter() - start)
            slowest[query] = max(slowest.get(query, 0), product[-1])
            start = time.perf_counter()
            store.conn.execute("SELECT rowid, rank FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rank LIMIT 50",
                               [fts_query(query)]).fetchall()
            bare.append(time.perf_counter() - start)
    worst = max(slowest, key=slowest.get)
    note = f"{entries:,} entries, {len(SEARCHES)} queries; slowest {worst} {slowest[worst] * 1e3:.0f} ms"
    rows = [
        Row("search, 1,000-meeting archive: Store.search, median query", median(product), goal="≤ 20 ms",
            limit=0.020, note=note),
        Row("… vs a bare FTS5 query on entries_fts", median(product), "SELECT rowid, rank … MATCH … ORDER BY rank",
            median(bare), "≤ 10×", 10.0),
    ]
    try:
        from minutes_tui.core import archive
    except ImportError:
        archive = None
    if archive is not None and hasattr(archive, "search"):
        samples = []
        try:
            for _ in range(repeats):
                for query in SEARCHES:
                    start = time.perf_counter()
                    archive.search(store, query, date.today())
                    samples.append(time.perf_counter() - start)
            rows.append(Row("… archive.search (the query language), median", median(samples),
                            "bare FTS5 query", median(bare), "≤ 10×, ≤ 20 ms", 10.0, extra_ok=median(samples) <= 0.020))
        except Exception as error:  # noqa: BLE001
            rows.append(na("… archive.search", f"error: {error}"[:80]))
    store.close()
    minutes = minutes_command()
    times = time_processes({"list": [*minutes, "list", "--db", str(data.cached_archive())]}, max(3, repeats // 2),
                           os.environ.copy())
    if isinstance(times["list"], list):
        rows.append(Row("`minutes list` on the 1,000-meeting archive, whole process", median(times["list"]), goal="info"))
    return rows


GROUPS = {
    "cli": group_cli,
    "open": group_open,
    "keystroke": group_keystroke,
    "commit": group_commit,
    "next": group_next,
    "export": group_export,
    "search": group_search,
}


# --- the table -----------------------------------------------------------------------------------


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value / 1024:.1f} MB" if unit == "MB" else f"{value * 1e3:.1f} ms"


def table(rows: list[Row]) -> str:
    lines = ["| measurement | median | baseline | baseline median | ratio | goal | met |",
             "|---|---:|---|---:|---:|---|---|"]
    for r in rows:
        met = {True: "yes", False: "**NO**", None: ""}[r.ok]
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else ""
        value = show(r.value, r.unit) if r.value is not None else r.note
        note = f" ({r.note})" if r.note and r.value is not None else ""
        lines.append(f"| {r.label}{note} | {value} | {r.baseline} | {show(r.base, r.unit) if r.base else ''} | "
                     f"{ratio} | {r.goal} | {met} |")
    return "\n".join(lines)


def compile_bytecode() -> None:
    """Compile minutes_tui's bytecode, as `pip install` does. An editable install compiles it on
    first import, unless PYTHONDONTWRITEBYTECODE is set (it is on some machines): then every
    process would compile our modules from source, while Textual's come compiled."""
    import compileall

    import minutes_tui

    compileall.compile_dir(Path(minutes_tui.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about a minute)")
    parser.add_argument("--only", action="append", choices=list(GROUPS), metavar="NAME",
                        help=f"run only this group (repeatable): {', '.join(GROUPS)}")
    parser.add_argument("--repeats", type=int, help="repeats per measurement (default 7, 3 with --quick)")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 7)
    rows: list[Row] = []
    started = time.perf_counter()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as folder:
        d = Data(Path(folder))
        for name in args.only or list(GROUPS):
            print(f"[{time.perf_counter() - started:5.0f}s] {name} …", file=sys.stderr, flush=True)
            try:
                rows += GROUPS[name](d, repeats)
            except Exception as error:  # noqa: BLE001 - one broken group must not hide the others
                rows.append(na(name, f"error: {type(error).__name__}: {error}"[:100]))
    print(table(rows))
    print(f"\n{repeats} repeats per measurement; total {time.perf_counter() - started:.0f} s; "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs", file=sys.stderr)
    return 0
