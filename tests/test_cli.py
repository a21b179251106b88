"""The command line, through click's CliRunner, against temporary databases."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_tui.cli import cli
from minutes_tui.core.session import Session
from minutes_tui.core.store import Store

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
    assert "22 November 2021" in listing.output and "COSI" in listing.output and "in progress" in listing.output
    assert "to check" not in listing.output


def test_list_keeps_its_columns_with_a_long_committee_name(db, tmp_path):
    agenda = tmp_path / "wp.txt"
    agenda.write_text("Working Party on Judicial Cooperation in Criminal Matters and Substantive Criminal Law\n"
                      "Date: 12 February 2024\n\n1. Adoption of the agenda\n", encoding="utf-8")
    run("import", str(agenda), "--db", str(db))
    line = run("list", "--db", str(db)).output.splitlines()[0]
    assert line == "   1  12 February 2024    Working Party on Ju…    1 items  in progress"


def test_list_says_how_many_items_are_to_check_with_the_chair(db, clock):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    session = Session(Store(db), 1, clock)
    session.go_next()
    session.apply_line("/check which annex?")
    assert run("list", "--db", str(db)).output.rstrip().endswith("in progress  1 to check with the Chair")


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


def test_stats_over_a_range_with_no_day_in_it_says_so(db):
    run("import", str(SAMPLES / "cosi-2021-11-22.md"), "--db", str(db))
    result = CliRunner().invoke(cli, ["stats", "--since", "1 Jan 2024", "--until", "31 Dec 2023", "--db", str(db)])
    assert result.exit_code != 0
    assert result.output.strip().endswith("no day is both since 01 Jan 2024 and until 31 Dec 2023: swap them?")
