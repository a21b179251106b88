"""Writing an export to disk: owner-readable only (minutes are often LIMITE), never over a file unasked."""

from __future__ import annotations

import os
from pathlib import Path

from minutes_tui.core.errors import MinutesError


class ExportFileError(MinutesError):
    """The export could not be written where asked; the message says where and why."""


def write_private(path: Path, content: str | bytes, force: bool = False) -> None:
    """Write `content` to `path` with mode 0600; an existing file is replaced only when `force`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise ExportFileError(f"{path}: exists already; use --force to overwrite it") from None
    except OSError as error:
        raise ExportFileError(f"{path}: cannot write the export ({error.strerror})") from None
    os.fchmod(descriptor, 0o600)  # the mode above applies only to a new file, not one overwritten
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
