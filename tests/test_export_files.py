"""Writing exports and backups to disk (export.files.write_private): all or nothing, private, never over
the database, and a device or a FIFO written into as it is."""

from __future__ import annotations

import errno
import os
import stat
import threading

import pytest

from minutes_tui.export.files import ExportFileError, write_private


class FullDisk:
    """A file whose write stores half of the data, then fails as a full disk does."""

    def __init__(self, handle):
        self.handle = handle

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


@pytest.fixture
def full_disk(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: FullDisk(real(*args, **kwargs)))


@pytest.mark.parametrize("existing", [b"the old minutes", None])
def test_a_full_disk_keeps_the_old_file_leaves_no_partial_one_and_names_the_file(tmp_path, full_disk, existing):
    target = tmp_path / "minutes.docx"
    if existing:
        target.write_bytes(existing)
    with pytest.raises(ExportFileError) as error:
        write_private(target, b"x" * 10_000, force=True)
    assert str(error.value) == f"{target}: cannot write the file (No space left on device)"
    assert (target.read_bytes() if target.exists() else None) == existing
    assert [p.name for p in tmp_path.iterdir()] == (["minutes.docx"] if existing else [])


def test_a_file_that_fills_itself_is_renamed_into_place_only_when_complete(tmp_path):
    target = tmp_path / "copy.db"
    target.write_bytes(b"the old backup")

    def fails_half_way(path):
        path.write_bytes(b"half a backup")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ExportFileError, match="copy.db: cannot write the file"):
        write_private(target, fails_half_way, force=True)
    assert target.read_bytes() == b"the old backup" and [p.name for p in tmp_path.iterdir()] == ["copy.db"]
    write_private(target, lambda path: path.write_bytes(b"a new backup"), force=True)
    assert target.read_bytes() == b"a new backup" and stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("name", ["minutes.db", "minutes.db-wal", "minutes.db-shm", "link.db", "hard.db"])
def test_the_database_is_never_a_target(tmp_path, name):
    database = tmp_path / "minutes.db"
    database.write_bytes(b"SQLite format 3\0 the meetings")
    (tmp_path / "link.db").symlink_to(database)
    os.link(database, tmp_path / "hard.db")
    with pytest.raises(ExportFileError, match="that is the database in use"):
        write_private(tmp_path / name, "# Minutes", force=True, database=database)
    assert database.read_bytes() == b"SQLite format 3\0 the meetings"


def test_a_fifo_is_written_into_as_it_is(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    fifo.chmod(0o644)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_private(fifo, "# Minutes\n", force=True)
    reader.join(10)
    assert received == [b"# Minutes\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_IMODE(fifo.stat().st_mode) == 0o644


def test_through_a_symlink_the_file_it_names_is_replaced(tmp_path):
    (tmp_path / "2021-11-22.md").write_text("old")
    link = tmp_path / "latest.md"
    link.symlink_to("2021-11-22.md")
    write_private(link, "new", force=True)
    assert link.is_symlink() and (tmp_path / "2021-11-22.md").read_text() == "new"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to("nowhere.md")
    with pytest.raises(ExportFileError, match="exists already"):
        write_private(dangling, "new")
