"""The reliability suite: real processes killed, storage broken, hostile input.

Everything happens under pytest's tmp_path; MINUTES_DB points there (the top-level conftest).
"""

from __future__ import annotations

import pytest

from reliability_helpers import have_tmux, new_meeting


@pytest.fixture
def db(tmp_path):
    return tmp_path / "minutes.db"


@pytest.fixture
def meeting(db) -> int:
    """A meeting in `db` with its first item open."""
    return new_meeting(db)


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="tmux is not installed (.ci/run installs it)")
    for item in items:
        if "tmux" in item.keywords and not have_tmux():
            item.add_marker(skip)


def pytest_configure(config):
    config.addinivalue_line("markers", "tmux: drives the real app in a terminal through tmux")
