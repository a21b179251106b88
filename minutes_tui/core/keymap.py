"""The user's keymap file: binding id -> keys, e.g. `next_item = "ctrl+right"` (ids are on the F1 screen).

Read from `MINUTES_KEYMAP`, else `keymap.toml` in the platform's user config folder; a missing file
is an empty keymap.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .errors import MinutesError


class KeymapError(MinutesError):
    """The keymap file cannot be used; the message names the file and the problem."""


def default_keymap_path() -> Path:
    if env := os.environ.get("MINUTES_KEYMAP"):
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("minutes_tui", appauthor=False) / "keymap.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding ids mapped to comma-separated keys; `[keys]` may hold them, or the top level."""
    path = path or default_keymap_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise KeymapError(f"{path}: not a keymap ({error})") from None
    keys = data.get("keys", data)
    wrong = [name for name, value in keys.items() if not isinstance(value, str) or not value.strip()]
    if wrong:
        raise KeymapError(f"{path}: {wrong[0]} must be keys in quotes, such as \"ctrl+right\"")
    return {name: value.strip() for name, value in keys.items()}
