"""Saved journeys: round trips, privacy, and bad files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from journey.core.model import Answered, Moved, Role, Skipped
from journey.store.database import DB_NAME, Store, StoreError

from .helpers import IS_ROOT


def test_round_trip_keeps_every_event(store: Store) -> None:
    journey = store.create()
    store.record(journey, Answered(question="welcome.name", value="Sam", by="", role=Role.PERSON))
    store.record(journey, Answered(question="welcome.name", value="Sam B", by="Sam",
                                   role=Role.PERSON))
    store.record(journey, Skipped(step="rights"))
    store.record(journey, Moved(step="assessment", question="assessment.hard"))
    again = Store(store.home).load(journey.id)
    assert again.events == journey.events
    assert again.name == "Sam B"
    assert again.position.question == "assessment.hard"
    assert len([e for e in again.events if isinstance(e, Answered)]) == 2


def test_list_newest_first_with_name_and_step(store: Store) -> None:
    older, newer = store.create(), store.create()
    store.record(older, Answered(question="welcome.name", value="Ann", by="", role=Role.PERSON))
    store.record(newer, Answered(question="welcome.name", value="Bo", by="", role=Role.PERSON))
    store.record(newer, Moved(step="dreams", question="dreams.love"))
    listed = store.list()
    assert [(s.name, s.step) for s in listed] == [("Bo", "dreams"), ("Ann", None)]


def test_unknown_journey_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.load("nope")


@pytest.mark.posix
def test_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        home = tmp_path / "private"
        s = Store(home)
        s.record(s.create(), Moved(step="welcome"))
    finally:
        os.umask(old)
    assert (home.stat().st_mode & 0o777) == 0o700
    for f in home.rglob("*"):
        assert (f.stat().st_mode & 0o777) == (0o700 if f.is_dir() else 0o600), f


def test_damaged_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    home = tmp_path / "bad"
    home.mkdir()
    db = home / DB_NAME
    junk = b"this is not a database at all" * 100
    db.write_bytes(junk)
    with pytest.raises(StoreError, match="damaged or is not a journey file"):
        Store(home)
    assert db.read_bytes() == junk


def test_newer_version_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "newer"
    home.mkdir()
    sqlite3.connect(home / DB_NAME).execute("PRAGMA user_version=99").connection.close()
    with pytest.raises(StoreError, match="newer version of journey"):
        Store(home)


@pytest.mark.posix
@pytest.mark.skipif(IS_ROOT, reason="root can write anywhere")
def test_unwritable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StoreError):
        Store(locked / "inside")


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be used"):
        Store(blocker)


def test_failed_save_leaves_journey_in_memory_unchanged(store: Store) -> None:
    journey = store.create()
    store.db.execute("PRAGMA query_only=ON")
    before = list(journey.events)
    with pytest.raises(StoreError):
        store.record(journey, Moved(step="welcome"))
    assert journey.events == before
    store.db.execute("PRAGMA query_only=OFF")
    store.record(journey, Moved(step="welcome"))
    assert len(store.load(journey.id).events) == 1


def test_a_journey_is_saved_with_its_first_event(store: Store) -> None:
    journey = store.create()
    assert store.list() == []
    store.record(journey, Moved(step="welcome"))
    assert [s.id for s in store.list()] == [journey.id]
