"""Writing a file the app makes (an export, a backup): owner-readable only (minutes are often LIMITE),
never over a file unasked, never over the database, and all or nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from minutes_tui.core.errors import MinutesError

Content = str | bytes | Callable[[Path], None]  # text, bytes, or a function that fills the file at a path


class ExportFileError(MinutesError):
    """The file could not be written where asked; the message says where and why."""


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _is_database(path: Path, database: Path) -> bool:
    """Whether `path` is the database or one of its companion files: by name, symlink or hard link."""
    database = database.resolve()
    names = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    if path.resolve() in names:
        return True
    try:
        found = path.stat()
        return any(os.path.samestat(found, n.stat()) for n in names if n.exists())
    except OSError:
        return False


def _filled(folder: Path, name: str, content: Content) -> Path:
    """A new owner-only file in `folder` (mkstemp's mode 0600) holding `content`, on disk."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name[:200]}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if not callable(content):
                handle.write(_bytes(content))
                handle.flush()
                os.fsync(handle.fileno())  # on disk before it takes the old file's place
        if callable(content):
            content(Path(temporary))  # SQLite syncs what it writes
    except BaseException:
        os.unlink(temporary)
        raise
    return Path(temporary)


def write_private(path: Path, content: Content, force: bool = False, database: Path | None = None) -> None:
    """Write `content` to `path`, all or nothing: into a new owner-only file beside it, renamed over it
    once complete, so a failure (a full disk) leaves no partial file and keeps the old one.

    An existing file is replaced only when `force`; `database` (or its -wal, -shm) never. A device or a
    FIFO (/dev/null, a pipe) is written into as it is: never replaced, never chmod-ed."""
    if database is not None and _is_database(path, database):
        raise ExportFileError(f"{path}: that is the database in use ({database}) or one of its files; choose another file")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise ExportFileError(f"{path}: cannot write the file ({error.strerror})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportFileError(f"{path}: is a folder; give a file name")
    if (mode is not None or path.is_symlink()) and not force:  # a dangling symlink too: it names a file
        raise ExportFileError(f"{path}: exists already; use --force to overwrite it")
    try:
        if mode is None or stat.S_ISREG(mode):
            target = Path(os.path.realpath(path))  # through a symlink the file it names is replaced, not the link
            temporary = _filled(target.parent, target.name, content)
            try:
                os.replace(temporary, target)
            finally:
                temporary.unlink(missing_ok=True)  # left only if the rename failed
        elif callable(content):  # a backup to a pipe: made whole in a private folder, then copied
            with tempfile.TemporaryDirectory() as folder:
                with open(_filled(Path(folder), path.name, content), "rb") as source, open(path, "wb") as sink:
                    shutil.copyfileobj(source, sink)
        else:
            with open(path, "wb") as sink:
                sink.write(_bytes(content))
    except (OSError, sqlite3.Error) as error:  # SQLite's: a backup that could not be written
        raise ExportFileError(f"{path}: cannot write the file ({getattr(error, 'strerror', None) or error})") from None
