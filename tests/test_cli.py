"""The command line, through click's CliRunner, against temporary databases."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_tui.cli import cli
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store

from test_export_files import full_disk  # noqa: F401  (a fixture: writes fail half-way, as on a full disk)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_agendas"


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.db"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("import", "new", "open", "list", "export", "search", "demo", "backup"):
        assert command in result.output


def test_import_prints_the_new_id_and_list_shows_it(db):
    first = run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    assert first.exit_code == 0 and first.output.strip() == "1"
    listing = run("list", "--db", str(db))
    assert "22 November 2021" in listing.output and "COSI" in listing.output and "not started" in listing.output
    assert "to check" not in listing.output


def test_list_keeps_its_columns_with_a_long_committee_name(db, tmp_path):
    agenda = tmp_path / "wp.txt"
    agenda.write_text("Working Party on Judicial Cooperation in Criminal Matters and Substantive Criminal Law\n"
                      "Date: 12 February 2024\n\n1. Adoption of the agenda\n", encoding="utf-8")
    run("import", str(agenda), "--db", str(db))
    line = run("list", "--db", str(db)).output.splitlines()[0]
    assert line == "   1  12 February 2024    Working Party on Ju…    1 item   not started"


def test_list_says_how_many_items_are_to_check_with_the_chair(db, clock):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    session = Session(Store(db), 1, clock)
    session.go_next()
    session.apply_line("/check which annex?")
    assert run("list", "--db", str(db)).output.rstrip().endswith("in progress  1 to check with the Chair")


def test_a_plain_export_says_when_something_looks_unfinished(db, tmp_path):
    """The sample TWP agenda has no issue date nor document number: the header read "Brussels" alone, unsaid."""
    run("import", str(SAMPLES / "terrorism-working-party-2024-03-14.md"), "--db", str(db))
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(tmp_path / "twp.md")])
    assert result.exit_code == 0 and result.stderr.splitlines()[-1].endswith("things look unfinished: --check lists them")


@pytest.mark.parametrize("command", [["new", str(SAMPLES / "cosi-2021-11-22.md")], ["demo"], ["open"]])
def test_the_app_is_the_only_one_holding_the_database(db, monkeypatch, command):
    """`new` and `demo` kept their import's connection open while the app ran: the last to close
    was then never closed, and the whole meeting stayed in the -wal file (a copy of the .db was empty)."""
    from minutes_tui import cli as cli_module

    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    open_stores = set()
    init, close = Store.__init__, Store.close
    monkeypatch.setattr(Store, "__init__", lambda self, *a, **k: (init(self, *a, **k), open_stores.add(self))[0])
    monkeypatch.setattr(Store, "close", lambda self: (close(self), open_stores.discard(self))[0])
    seen = []
    monkeypatch.setattr(cli_module, "run_app", lambda path, meeting_id, **options: seen.append(len(open_stores)))
    assert run(*command, "--db", str(db)).exit_code == 0 and seen == [0]


def test_db_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("MINUTES_DB", str(db))
    run("import", str(SAMPLES / "cosi-2021-11-22.md"))
    assert Store(db).list_meetings()[0].short_name == "COSI"


def test_a_bad_agenda_is_one_line_and_stores_nothing(db, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[meeting\ncommittee = 'x'\n")
    result = CliRunner().invoke(cli, ["import", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    assert "bad.toml" in result.output and result.output.count("\n") == 1
    assert Store(db).list_meetings() == []


@pytest.mark.parametrize("command", ["import", "new", "import-json"])
@pytest.mark.parametrize("where", ["missing.md", "."])
def test_a_file_that_is_not_there_or_a_folder_is_one_line(db, tmp_path, command, where):
    result = CliRunner().invoke(cli, [command, str(tmp_path / where), "--db", str(db)])
    assert result.exit_code == 1 and result.output.startswith("minutes: ") and result.output.count("\n") == 1


def test_export_defaults_to_the_latest_meeting(db, clock, agenda):
    store = Store(db)
    meeting_id = store.create_meeting(agenda, clock.now())
    session = Session(store, meeting_id, clock)
    session.apply_line("/next")
    session.apply_line("/outcome adopted")
    result = run("export", "--db", str(db))
    assert result.exit_code == 0
    assert "The agenda as set out in CM 5119/21 was adopted." in result.output


def test_the_log_export_says_which_items_were_withdrawn_and_who_was_present(db, clock, agenda):
    store = Store(db)
    meeting_id = store.create_meeting(agenda, clock.now())
    session = Session(store, meeting_id, clock)
    session.apply_line("/next")
    session.apply_line("/present DE FR")
    session.apply_line("/go 2")
    session.apply_line("/withdraw")
    log = run("export", "--format", "log", "--db", str(db)).output
    assert "attendance    present: DE, FR" in log and "item          withdrawn" in log


def test_export_never_overwrites_without_force(db, clock, agenda, tmp_path):
    Store(db).create_meeting(agenda, clock.now())
    target = tmp_path / "out.md"
    target.write_text("precious")
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(target)])
    assert result.exit_code == 1 and "--force" in result.output
    assert target.read_text() == "precious"
    assert run("export", "--db", str(db), "-o", str(target), "--force").exit_code == 0
    assert "OUTCOME OF PROCEEDINGS" in target.read_text()
    assert target.stat().st_mode & 0o077 == 0


def test_unknown_meeting_and_format_are_clear_errors(db, clock, agenda):
    Store(db).create_meeting(agenda, clock.now())
    missing = CliRunner().invoke(cli, ["export", "7", "--db", str(db)])
    assert missing.exit_code == 1 and "no meeting 7" in missing.output
    bad_format = CliRunner().invoke(cli, ["export", "--format", "pdf", "--db", str(db)])
    assert bad_format.exit_code == 1 and "unknown format 'pdf'" in bad_format.output


def test_empty_database_says_how_to_start(db):
    assert "minutes new AGENDA" in run("list", "--db", str(db)).output
    result = CliRunner().invoke(cli, ["open", "--db", str(db)])
    assert result.exit_code == 1 and "no meetings yet" in result.output


def test_search_prints_meeting_item_and_match(db, clock, agenda):
    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.apply_line("/go 2.1")
    session.apply_line("FR: expressed concern about the instrumentalisation of migrants")
    output = run("search", "instrumentalisation", "--db", str(db)).output
    assert "item 2.1." in output and "FR:" in output and "[instrumentalisation]" in output
    assert "[private]" not in output
    session.apply_line("/private the instrumentalisation angle is for the Chair only")
    private, = [line for line in run("search", "instrumentalisation", "--db", str(db)).output.splitlines() if "Chair" in line]
    assert "item 2.1. [private] the" in private  # never in the minutes: said so where it is found


def test_newer_database_is_refused_by_every_command(db):
    import sqlite3

    sqlite3.connect(db).execute("PRAGMA user_version = 99").connection.close()
    result = CliRunner().invoke(cli, ["list", "--db", str(db)])
    assert result.exit_code == 1 and "newer minutes_tui" in result.output and "Traceback" not in result.output


def test_backup(db, clock, agenda, tmp_path):
    Store(db).create_meeting(agenda, clock.now())
    copy = tmp_path / "copy.db"
    assert run("backup", str(copy), "--db", str(db)).exit_code == 0
    assert Store(copy).list_meetings()[0].short_name == "COSI"
    assert CliRunner().invoke(cli, ["backup", str(copy), "--db", str(db)]).exit_code == 1


def test_json_export_imports_back_into_an_identical_meeting(db, clock, agenda, tmp_path):
    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.apply_line("/go 2.1")
    session.apply_line("DE, FR: expressed concern")
    session.apply_line("/outcome endorsed the recommendations as set out in 13682/21")
    session.apply_line("/present DE FR")
    exported = tmp_path / "meeting.json"
    assert run("export", "--format", "json", "-o", str(exported), "--db", str(db)).exit_code == 0
    result = run("import-json", str(exported), "--db", str(db))
    assert result.exit_code == 0 and result.output.strip() == "2"
    original, copy = store.load_meeting(1), store.load_meeting(2)
    for meeting in (original, copy):
        meeting.id = None
    assert [(i.number, i.title, i.state) for i in copy.items] == [(i.number, i.title, i.state) for i in original.items]
    assert [(e.kind, e.speakers, e.text, e.outcome, e.started_at) for e in copy.entries] == [
        (e.kind, e.speakers, e.text, e.outcome, e.started_at) for e in original.entries
    ]
    assert copy.attendance == original.attendance and copy.details == original.details
    assert run("export", "2", "--db", str(db)).output == run("export", "1", "--db", str(db)).output


def test_import_json_rejects_bad_files_in_one_line(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "minutes_tui/meeting", "version": 99}')
    result = CliRunner().invoke(cli, ["import-json", str(bad), "--db", str(db)])
    assert result.exit_code == 1 and "bad.json" in result.output and result.output.count("\n") == 1


def test_stats_show_a_speaker_never_timed_as_untimed(db, clock):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    session = Session(Store(db), 1, clock)
    session.go_next()
    session.apply_line("DE called for support")  # typed, never timed
    session.apply_line("/queue FR")
    session.apply_line("/floor")
    clock.advance(seconds=75)
    session.apply_line("/end supported it")
    speakers = run("stats", "1", "--db", str(db)).output.split("Speakers\n")[1].split("\n\n")[0]
    rows = {line.split()[0]: line.split()[1:3] for line in speakers.splitlines()[1:]}
    assert rows == {"FR": ["1", "1:15"], "DE": ["1", "–"]}


def test_stats_of_a_meeting_with_a_range_says_the_range_would_be_ignored(db, clock):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    result = run("stats", "1", "--since", "2022", "--db", str(db))
    _one_line_error(result, "not both")


def test_stats_over_a_range_with_no_day_in_it_says_so(db):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    result = CliRunner().invoke(cli, ["stats", "--since", "1 Jan 2024", "--until", "31 Dec 2023", "--db", str(db)])
    assert result.exit_code != 0
    assert result.output.strip().endswith("no day is both since 01 Jan 2024 and until 31 Dec 2023: swap them?")


def _one_line_error(result, *named: str) -> None:
    assert result.exit_code == 1 and result.output.startswith("minutes: ") and result.output.count("\n") == 1, result.output
    assert "Traceback" not in result.output and all(n in result.output for n in named), result.output


@pytest.mark.parametrize("command", [["backup"], ["export", "-o"]])
@pytest.mark.parametrize("name", ["cli.db", "cli.db-wal", "link.db"])
def test_the_database_is_never_overwritten_by_its_own_backup_or_an_export(db, clock, agenda, tmp_path, command, name):
    Store(db).create_meeting(agenda, clock.now())
    (tmp_path / "link.db").symlink_to(db)
    result = CliRunner().invoke(cli, [*command, str(tmp_path / name), "--force", "--db", str(db)])
    _one_line_error(result, name, "database")
    assert Store(db).list_meetings()[0].short_name == "COSI"
    assert Store(db).conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("fmt, existing", [("docx", b"the old minutes"), ("json", None)])
def test_export_to_a_full_disk_keeps_the_old_file_and_names_it(db, clock, agenda, tmp_path, full_disk, fmt, existing):
    Store(db).create_meeting(agenda, clock.now())
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"minutes.{fmt}"
    if existing:
        target.write_bytes(existing)
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(target), "--force", "--db", str(db)])
    _one_line_error(result, str(target), "No space left on device")
    assert (target.read_bytes() if target.exists() else None) == existing
    assert [p.name for p in out.iterdir()] == ([target.name] if existing else [])


def test_backup_to_a_full_disk_keeps_the_old_copy_and_names_it(db, clock, agenda, tmp_path, monkeypatch):
    import sqlite3

    Store(db).create_meeting(agenda, clock.now())
    out = tmp_path / "out"
    out.mkdir()
    target = out / "copy.db"
    target.write_bytes(b"yesterday's backup")

    def full_disk(store, destination):
        Path(destination).write_bytes(b"SQLite format 3\0 the first pages")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "backup", full_disk)
    result = CliRunner().invoke(cli, ["backup", str(target), "--force", "--db", str(db)])
    _one_line_error(result, str(target), "database or disk is full")
    assert str(db) not in result.output
    assert target.read_bytes() == b"yesterday's backup" and [p.name for p in out.iterdir()] == ["copy.db"]


def test_export_into_a_fifo_neither_replaces_nor_chmods_it(db, clock, agenda, tmp_path):
    import os
    import stat
    import threading

    Store(db).create_meeting(agenda, clock.now())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    fifo.chmod(0o644)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run("export", "-o", str(fifo), "--force", "--db", str(db)).exit_code == 0
    reader.join(10)
    assert b"OUTCOME OF PROCEEDINGS" in received[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_IMODE(fifo.stat().st_mode) == 0o644


@pytest.mark.parametrize("damage, named", [
    (lambda m: m["entries"][0].update(item_id=99999), "meeting.entries[0].item_id: 99999"),
    (lambda m: m.pop("items"), "meeting.entries[0].item_id"),
    (lambda m: m["items"][1].update(id=m["items"][0]["id"]), "meeting.items[1].id"),
    (lambda m: m["items"][1].update(parent_id=424242), "meeting.items[1].parent_id: 424242"),
])
def test_import_json_whose_ids_do_not_link_up_is_one_line_and_stores_nothing(db, clock, agenda, tmp_path, damage, named):
    import json

    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.go_next()
    session.apply_line("DE called for calm")
    exported = tmp_path / "meeting.json"
    run("export", "--format", "json", "-o", str(exported), "--db", str(db))
    document = json.loads(exported.read_text())
    damage(document["meeting"])
    exported.write_text(json.dumps(document))
    result = CliRunner().invoke(cli, ["import-json", str(exported), "--db", str(db)])
    _one_line_error(result, "meeting.json", named)
    assert len(store.list_meetings()) == 1


def test_a_bad_keymap_stops_open_with_one_line_before_the_screen(db, clock, agenda, tmp_path, monkeypatch):
    import minutes_tui.tui.app

    def no_screen(**options):
        raise AssertionError("the live screen must not open with a bad keymap")

    monkeypatch.setattr(minutes_tui.tui.app, "make_app", no_screen)
    Store(db).create_meeting(agenda, clock.now())
    keymap = tmp_path / "keymap.toml"
    monkeypatch.setenv("MINUTES_KEYMAP", str(keymap))
    for text, named in [("keys = 3\n", "keys must be a table"), ('next_item = "notakey+++"\n', "next_item: 'notakey+++'"),
                        ('nope_action = "x"\n', "nope_action is not a binding id")]:
        keymap.write_text(text)
        _one_line_error(CliRunner().invoke(cli, ["open", "--db", str(db)]), str(keymap), named)


def test_every_binding_of_the_app_can_be_named_in_a_keymap():
    from minutes_tui.cli import binding_ids

    assert {"next_item", "quit", "agenda.go", "record.edit", "form.cancel", "help.close", "review.search"} <= binding_ids()


def test_search_limit_must_be_at_least_one_and_may_be_huge(db, clock, agenda):
    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.go_next()
    session.apply_line("DE called for calm")
    _one_line_error(CliRunner().invoke(cli, ["search", "--limit", "0", "calm", "--db", str(db)]), "--limit 0")
    found = run("search", "--limit", "99999999999999999999", "calm", "--db", str(db))
    assert found.exit_code == 0 and "called for [calm]" in found.output


def test_output_to_a_reader_that_left_ends_quietly(db, clock, agenda):
    import subprocess
    import sys

    Store(db).create_meeting(agenda, clock.now())
    child = subprocess.Popen([sys.executable, "-m", "minutes_tui", "export", "--format", "log", "--db", str(db)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    child.stdout.close()  # as `| head -1` does once it has its line
    assert child.wait(60) != 0 and child.stderr.read() == ""


@pytest.mark.parametrize("command", [["list"], ["export"], ["search", "calm"], ["stats"], ["open"], ["review"],
                                     ["backup", "copy.db"]])
def test_read_only_commands_do_not_create_a_missing_database(tmp_path, monkeypatch, command):
    import minutes_tui.tui.review_app

    monkeypatch.setattr(minutes_tui.tui.review_app, "make_review_app", lambda path: pytest.fail("no screen"))
    missing = tmp_path / "no" / "such" / "folder" / "x.db"
    args = [str(tmp_path / a) if a.endswith(".db") else a for a in command]
    _one_line_error(CliRunner().invoke(cli, [*args, "--db", str(missing)]), str(missing), "no such database")
    assert not (tmp_path / "no").exists() and not (tmp_path / "copy.db").exists()


def test_commands_that_make_meetings_create_the_database_and_its_folders(tmp_path):
    db = tmp_path / "new" / "folder" / "x.db"
    assert run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db)).output.strip() == "1"


def test_dates_that_are_no_day_are_refused(db, clock, agenda):
    Store(db).create_meeting(agenda, clock.now())
    _one_line_error(CliRunner().invoke(cli, ["stats", "--until", "2024-13-01", "--db", str(db)]), "2024-13-01")
    result = CliRunner().invoke(cli, ["search", "since foo", "--db", str(db)])
    assert result.stdout == "No matches.\n" and "'since' was searched as a word: no date follows it" in result.stderr


@pytest.mark.parametrize(("args", "said"), [
    (["export", "--db", "."], "minutes: Invalid value for '--db': File '.' is a directory. (minutes export --help)"),
    (["frobnicate"], "minutes: No such command 'frobnicate'. (minutes --help)"),
    (["export", "--format"], "minutes: Option '--format' requires an argument."),
])
def test_a_command_used_wrongly_is_one_line(args, said):
    """Click printed its usage line, a hint and the error: three lines, unlike every other error."""
    result = CliRunner().invoke(cli, args, prog_name="minutes")
    assert result.exit_code == 2 and result.stderr == said + "\n"



def test_output_that_cannot_be_written_says_where(db, clock, agenda):
    """`minutes export > /dev/full` said "minutes: No space left on device", and not where."""
    Store(db).create_meeting(agenda, clock.now())
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "minutes_tui", "export", "--db", str(db)], stdout=full,
                                stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1 and result.stderr == "minutes: writing the output: No space left on device\n"


# --- defects found in review ------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["export", "stats", "open"])
def test_a_meeting_id_too_large_for_sqlite_is_no_meeting(db, clock, agenda, command):
    """OverflowError: Python int too large to convert to SQLite INTEGER."""
    Store(db).create_meeting(agenda, clock.now())
    _one_line_error(CliRunner().invoke(cli, [command, "99999999999999999999", "--db", str(db)]),
                    "there is no meeting 99999999999999999999")


def test_until_a_month_takes_in_the_whole_month(db):
    """`until Nov 2021` stopped on 1 November, and found nothing of the 22nd."""
    from datetime import date

    from test_archive import hold_meeting

    hold_meeting(Store(db), "COSI", date(2021, 11, 22), [(("DE",), "supported the text.", 60)])
    speakers = run("stats", "--until", "Nov 2021", "--db", str(db)).output.split("Speakers\n")[1].split("\n\n")[0]
    assert [line.split()[0] for line in speakers.splitlines()[1:]] == ["DE"]
    assert "DE: supported the text." in run("search", "committee:COSI until Nov 2021", "--db", str(db)).output
    assert run("search", "committee:COSI until Oct 2021", "--db", str(db)).output == "No matches.\n"


def test_a_search_by_speaker_after_another_process_added_a_line_warns_of_nothing(db, clock, agenda):
    """"note: 1 newest entry could not be indexed here (the database cannot be written)", on a database that can."""
    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.go_next()
    session.apply_line("HU aligned itself with SE")  # not indexed yet: the live screen indexes a second later
    result = CliRunner().invoke(cli, ["search", "speaker:HU", "--db", str(db)])
    assert result.exit_code == 0 and result.output.endswith(" item 1. HU: aligned itself with SE\n")
    assert "note:" not in result.output


def test_the_json_export_keeps_the_drafts_and_final_and_imports_them_back(db, clock, agenda, tmp_path):
    """The backup left out the versions: an imported meeting had no draft to compare with."""
    from minutes_tui.core import archive

    store = Store(db)
    session = Session(store, store.create_meeting(agenda, clock.now()), clock)
    session.apply_line("/go 2.1")
    session.apply_line("DE supported the text")
    archive.set_status(store, 1, "draft 1", clock.now(), "DRAFT 1 – the text then")
    clock.advance(minutes=30)
    archive.set_status(store, 1, "final", clock.now(), "the final text")
    exported = tmp_path / "meeting.json"
    assert run("export", "1", "--format", "json", "-o", str(exported), "--db", str(db)).exit_code == 0
    assert run("import-json", str(exported), "--db", str(db)).output.strip() == "2"
    versions = [[(v.status, v.created_at, v.text) for v in archive.versions(store, meeting)] for meeting in (1, 2)]
    assert versions[1] == versions[0] and [status for status, _, _ in versions[1]] == ["draft 1", "final"]
    assert archive.status_of(store, 2) == "final"
