import pytest

from minutes_tui.core.keymap import KeymapError, load_keymap


def test_missing_file_is_an_empty_keymap(tmp_path):
    assert load_keymap(tmp_path / "none.toml") == {}


@pytest.mark.parametrize("text", ['[keys]\nnext_item = "ctrl+right"\n', 'next_item = " ctrl+right "\n'])
def test_keys_by_binding_id(tmp_path, text):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    assert load_keymap(path) == {"next_item": "ctrl+right"}


@pytest.mark.parametrize("text, message", [("[keys\n", "not a keymap"), ("next_item = 3\n", "next_item must be keys")])
def test_bad_keymap_is_one_clear_line(tmp_path, text, message):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    with pytest.raises(KeymapError, match=message) as error:
        load_keymap(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_environment_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text('undo = "ctrl+u"\n')
    monkeypatch.setenv("MINUTES_KEYMAP", str(path))
    assert load_keymap() == {"undo": "ctrl+u"}
