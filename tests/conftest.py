from __future__ import annotations

from pathlib import Path

import pytest

from journey import content
from journey.content import Journey as Content
from journey.store.database import Store


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
