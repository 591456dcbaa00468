from __future__ import annotations

import os
from pathlib import Path

import pytest

from journey import content
from journey.content import Journey as Content
from journey.store.database import Store

# `@pytest.mark.posix`: a test of what only POSIX systems (Linux, macOS) have: file modes
# (0600, 0700, read-only folders), pipes, devices, links made by anyone, root. Windows has
# none of these; its counterparts are tests of their own (the folders lie in the user's
# profile; a lock holds across processes).
POSIX_ONLY = ("POSIX only: Windows has no file modes, pipes or devices like these; "
              "its own protection is tested apart")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"posix: {POSIX_ONLY}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.name == "posix":
        return
    skip = pytest.mark.skip(reason=POSIX_ONLY)
    for item in items:
        if item.get_closest_marker("posix"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def journey_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches real saved journeys."""
    home = tmp_path / "home"
    monkeypatch.setenv("JOURNEY_HOME", str(home))
    # Nor real settings.
    monkeypatch.setenv("JOURNEY_CONFIG", str(tmp_path / "config"))
    # Nor the real cache of checked content.
    monkeypatch.setenv("JOURNEY_CACHE", str(tmp_path / "cache"))
    # Nor the real log.
    monkeypatch.setenv("JOURNEY_LOG", str(tmp_path / "log"))
    return home


@pytest.fixture
def words() -> Content:
    return content.default()


@pytest.fixture
def store(journey_home: Path) -> Store:
    s = Store(journey_home)
    yield s
    s.close()
