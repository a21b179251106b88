"""The user's keymap file: binding id -> keys, e.g. `next_item = "ctrl+pagedown"` (the README lists the ids).

Read from `MINUTES_KEYMAP`, else `keymap.toml` in the platform's user config folder; a missing file
is an empty keymap. Keys are checked here, without Textual, against the names Textual gives keys: a
key it never sends would leave the action without a key, silently.
"""

from __future__ import annotations

import difflib
import os
import tomllib
import unicodedata
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from .errors import MinutesError


class KeymapError(MinutesError):
    """The keymap file cannot be used; the message names the file and the problem."""


def default_keymap_path() -> Path:
    if env := os.environ.get("MINUTES_KEYMAP"):
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("minutes_tui", appauthor=False) / "keymap.toml"


MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
NAMED_KEYS = {"enter", "escape", "tab", "space", "backspace", "delete", "insert", "home", "end", "pageup",
              "pagedown", "up", "down", "left", "right", *(f"f{n}" for n in range(1, 25))}
# A character key is named as in Unicode ("full_stop", "question_mark"), except these (Textual's keys.py).
_UNICODE_NAMES = {"slash": "solidus", "backslash": "reverse solidus", "at": "commercial at",
                  "minus": "hyphen-minus", "plus": "plus sign", "underscore": "low line"}


# The keys the entry line (Textual's Input) acts on itself: a screen's key among them would never reach
# the screen while the entry line has the keyboard (ctrl+right moves the cursor a word).
ENTRY_LINE_KEYS = {"left", "right", "ctrl+left", "ctrl+right", "shift+left", "shift+right", "ctrl+shift+left",
                   "ctrl+shift+right", "home", "end", "shift+home", "shift+end", "ctrl+a", "ctrl+e", "ctrl+shift+a",
                   "backspace", "delete", "ctrl+d", "ctrl+w", "ctrl+u", "ctrl+f", "ctrl+k", "ctrl+x", "ctrl+c",
                   "ctrl+v", "enter", "tab", "up", "down"}


def is_key(key: str) -> bool:
    """Whether Textual can send `key`: modifiers, then one character or a key's name ("ctrl+shift+up")."""
    *modifiers, name = key.split("+")
    if not name or not set(modifiers) <= MODIFIERS:
        return False
    if len(name) == 1 or name in NAMED_KEYS:
        return True
    try:
        unicodedata.lookup(_UNICODE_NAMES.get(name, name.replace("_", " ")))
    except KeyError:
        return False
    return True


def _bindings(table: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    """(binding id, value) pairs; a dotted id such as agenda.go is a table in TOML."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _bindings(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def load_keymap(path: Path | None = None, known: Callable[[], Collection[str]] | None = None) -> dict[str, str]:
    """Binding ids mapped to comma-separated keys; `[keys]` may hold them, or the top level. With
    `known` (gives the app's binding ids; asked only if there is a keymap), any other id is an error:
    the app would ignore it."""
    path = path or default_keymap_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise KeymapError(f"{path}: not a keymap ({error})") from None
    keys = data.get("keys", data)
    if not isinstance(keys, dict):
        raise KeymapError(f"{path}: keys must be a table of binding ids, such as [keys] next_item = \"ctrl+pagedown\"")
    keymap = {}
    ids = known() if known else None
    for name, value in _bindings(keys):
        if not isinstance(value, str) or not value.strip():
            raise KeymapError(f"{path}: {name} must be keys in quotes, such as \"ctrl+pagedown\"")
        if ids is not None and name not in ids:
            close = difflib.get_close_matches(name, ids, 1)
            hint = f"did you mean {close[0]}?" if close else "such as next_item: the README lists them"
            raise KeymapError(f"{path}: {name} is not a binding id ({hint})")
        keymap[name] = ",".join(key.strip() for key in value.split(","))
        if (bad := next((key for key in keymap[name].split(",") if not is_key(key)), None)) is not None:
            raise KeymapError(f"{path}: {name}: {bad!r} is not a key (keys are such as \"ctrl+pagedown\" or \"f6\")")
        taken = next((key for key in keymap[name].split(",") if key in ENTRY_LINE_KEYS), None)
        if taken is not None and "." not in name:  # agenda.*, record.* ... act where the entry line is not
            raise KeymapError(f"{path}: {name}: the entry line keeps {taken!r} for itself; choose another key")
    return keymap
