import pytest

from minutes_tui.core.keymap import KeymapError, load_keymap


def test_missing_file_is_an_empty_keymap(tmp_path):
    assert load_keymap(tmp_path / "none.toml") == {}


@pytest.mark.parametrize("text", ['[keys]\nnext_item = "ctrl+pagedown"\n', 'next_item = " ctrl+pagedown "\n'])
def test_keys_by_binding_id(tmp_path, text):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    assert load_keymap(path) == {"next_item": "ctrl+pagedown"}


@pytest.mark.parametrize("text, message", [("[keys\n", "not a keymap"), ("next_item = 3\n", "next_item must be keys")])
def test_bad_keymap_is_one_clear_line(tmp_path, text, message):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    with pytest.raises(KeymapError, match=message) as error:
        load_keymap(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_environment_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text('undo = "f12"\n')
    monkeypatch.setenv("MINUTES_KEYMAP", str(path))
    assert load_keymap() == {"undo": "f12"}


@pytest.mark.parametrize("text, message", [
    ("keys = 3\n", "keys must be a table of binding ids"),
    ('next_item = "notakey+++"\n', "next_item: 'notakey\\+\\+\\+' is not a key"),
    ('next_item = "f6,"\n', "next_item: '' is not a key"),
    ('next_item = "cmd+n"\n', "next_item: 'cmd\\+n' is not a key"),
    ('nope_action = "x"\n', "nope_action is not a binding id \\(such as next_item"),
    ('next_itme = "x"\n', "next_itme is not a binding id \\(did you mean next_item\\?\\)"),
    # the README's example once: the entry line moved its cursor a word, and no key stepped items
    ('next_item = "ctrl+right"\n', "next_item: the entry line keeps 'ctrl\\+right' for itself"),
])
def test_a_keymap_that_would_silently_do_nothing_is_refused(tmp_path, text, message):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    with pytest.raises(KeymapError, match=message) as error:
        load_keymap(path, known=lambda: {"next_item", "agenda.go"})
    assert str(error.value).startswith(f"{path}: ") and "\n" not in str(error.value)


def test_keys_textual_knows_and_dotted_ids(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('next_item = "ctrl+shift+up, f6, question_mark, slash, n"\nagenda.go = "o, left"\n')
    assert load_keymap(path, known=lambda: {"next_item", "agenda.go"}) == {
        "next_item": "ctrl+shift+up,f6,question_mark,slash,n", "agenda.go": "o,left"}  # the agenda's keys act where it is
