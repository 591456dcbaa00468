"""The folders and disk journey writes to: a full disk is said as a full disk, a read-only
folder stays read-only, new folders are private whatever the umask, a deleted folder is
noticed, and every file is written whole or not at all."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from journey.cli.main import main
from journey.core.model import Answered
from journey.store import database as store_module
from journey.store.database import DB_NAME, Store, StoreError

from .helpers import start

FULL = "The disk is full. Nothing was lost."


def full_disk(*, when: Callable[[str], bool], code: int = sqlite3.SQLITE_FULL,
              text: str = "database or disk is full") -> type[sqlite3.Connection]:
    """A connection that fails as SQLite does on a full disk, for the statements chosen."""
    class Full(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if when(sql):
                error = sqlite3.OperationalError(text)
                error.sqlite_errorcode = code
                raise error
            return super().execute(sql, *args)
    return Full


@pytest.fixture
def disk_fills(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def fill(**how: object) -> None:
        factory = full_disk(**how)
        real = sqlite3.connect
        monkeypatch.setattr(store_module.sqlite3, "connect",
                            lambda *a, **k: real(*a, **k, factory=factory))
    return fill


def dump(home: Path) -> list[str]:
    """Everything the journeys file holds, whether or not it is in the main file yet."""
    db = sqlite3.connect(home / DB_NAME)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def said(capsys: pytest.CaptureFixture) -> str:
    out, err = capsys.readouterr()
    return out + err


@pytest.mark.parametrize("args", [["rename", "{id}", "Jo"], ["delete", "{id}"],
                                  ["import", "{file}"], ["restore", "{file}"]],
                         ids=["rename", "delete", "import", "restore"])
def test_a_full_disk_when_saving_is_not_called_damage(args: list[str], words, store: Store,
                                                      disk_fills, tmp_path: Path,
                                                      monkeypatch, capsys) -> None:
    journey = start(words, store, name="Sam").journey
    file = tmp_path / "journey.json"
    assert main(["export", journey.id, "--format", "json", "-o", str(file)]) == 0
    file.write_text(file.read_text().replace("Sam", "Sam, changed"))
    store.close()
    before = dump(store.home)
    disk_fills(when=lambda sql: sql.startswith("COMMIT"))
    capsys.readouterr()
    assert main([a.format(id=journey.id, file=file) for a in args]) == 1
    text = said(capsys)
    assert FULL in text and "damaged" not in text, text
    monkeypatch.undo()
    assert dump(store.home) == before


def test_a_full_disk_at_opening_is_not_called_damage(words, store: Store, disk_fills,
                                                     monkeypatch, capsys) -> None:
    """On a full disk SQLite may call the failure an I/O error: journey asks the disk."""
    start(words, store, name="Sam")
    store.close()
    disk_fills(when=lambda sql: "sqlite_master" in sql or sql.startswith("PRAGMA user"),
               code=sqlite3.SQLITE_IOERR_SHMSIZE, text="disk I/O error")
    real = os.statvfs

    def no_room(path: object) -> os.statvfs_result:
        got = real(path)
        return os.statvfs_result((*got[:4], 0, *got[5:]))  # f_bavail: nothing free
    monkeypatch.setattr(store_module.os, "statvfs", no_room)
    for args in (["list"], ["export", "x"], ["check", "x"], ["backup", "b.json"]):
        assert main(args) == 1
        text = said(capsys)
        assert FULL in text and "damaged" not in text, (args, text)


def test_a_full_disk_while_the_app_saves_an_answer(words, store: Store, monkeypatch) -> None:
    session = start(words, store, name="Sam")
    session.go_to_question("rights.who")
    before = list(session.journey.events)
    factory = full_disk(when=lambda sql: sql.startswith("COMMIT"))
    store.db = sqlite3.connect(store.path, isolation_level=None, factory=factory)
    with pytest.raises(StoreError, match=FULL):
        session.answer("person")
    assert session.journey.events == before
    assert session.question.id == "rights.who"


@pytest.mark.parametrize("command", [["export", "{id}", "-o", "{out}"],
                                     ["export", "{id}", "--format", "docx", "-o", "{out}"],
                                     ["export", "{id}", "--format", "json", "-o", "{out}"],
                                     ["summary", "{id}", "-o", "{out}"],
                                     ["backup", "{out}"]],
                         ids=["md", "docx", "json", "summary", "backup"])
def test_a_full_disk_leaves_the_earlier_file_whole(command: list[str], words, store: Store,
                                                   tmp_path: Path, monkeypatch,
                                                   capsys) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    out = tmp_path / "plan"
    out.write_bytes(b"the earlier file")

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", fsync)
    capsys.readouterr()
    assert main([a.format(id=journey_id, out=out) for a in command]) == 1
    text = said(capsys)
    assert FULL in text and "Traceback" not in text, text
    assert out.read_bytes() == b"the earlier file"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.posix
def test_exports_are_private_and_replace_the_file_whole(words, store: Store,
                                                        tmp_path: Path) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    out = tmp_path / "plan.md"
    out.write_text("old")
    out.chmod(0o644)
    held = out.open()  # a reader of the old file still sees it whole
    assert main(["export", journey_id, "-o", str(out)]) == 0
    assert held.read() == "old"
    held.close()
    assert "Sam" in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


# -- the data folder -----------------------------------------------------------------------


@pytest.mark.posix
def test_new_folders_are_private_under_any_umask(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b" / "journeys"
    old = os.umask(0)
    try:
        Store(home).close()
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((home / DB_NAME).stat().st_mode) == 0o600


@pytest.mark.posix
def test_a_folder_the_person_made_read_only_stays_so(journey_home: Path) -> None:
    Store(journey_home).close()
    journey_home.chmod(0o500)
    (journey_home / DB_NAME).chmod(0o400)
    try:
        Store(journey_home).close()
        assert stat.S_IMODE(journey_home.stat().st_mode) == 0o500
        assert stat.S_IMODE((journey_home / DB_NAME).stat().st_mode) == 0o400
    finally:
        journey_home.chmod(0o700)


@pytest.mark.posix
def test_looser_rights_are_taken_away(journey_home: Path) -> None:
    Store(journey_home).close()
    journey_home.chmod(0o755)
    (journey_home / DB_NAME).chmod(0o644)
    Store(journey_home).close()
    assert stat.S_IMODE(journey_home.stat().st_mode) == 0o700
    assert stat.S_IMODE((journey_home / DB_NAME).stat().st_mode) == 0o600


def test_an_empty_journeys_file_is_damaged_not_new(journey_home: Path) -> None:
    journey_home.mkdir(mode=0o700)
    (journey_home / DB_NAME).write_bytes(b"")
    with pytest.raises(StoreError, match="is damaged"):
        Store(journey_home)
    assert (journey_home / DB_NAME).read_bytes() == b""


def test_a_new_journeys_file_is_made_whole(journey_home: Path) -> None:
    Store(journey_home).close()
    assert (journey_home / DB_NAME).stat().st_size > 0
    assert sorted(p.name for p in journey_home.iterdir()) == [DB_NAME]  # nothing left over


@pytest.mark.parametrize("gone", ["folder", "file", "moved"])
def test_deleting_the_folder_while_journey_runs_is_noticed(words, store: Store,
                                                           journey_home: Path,
                                                           gone: str) -> None:
    session = start(words, store, name="Sam")
    session.go_to_question("rights.who")
    before = list(session.journey.events)
    if gone == "folder":
        shutil.rmtree(journey_home)
    elif gone == "file":
        (journey_home / DB_NAME).unlink()
    else:
        journey_home.rename(journey_home.with_name("elsewhere"))
    with pytest.raises(StoreError, match="has gone or was moved"):
        session.answer("person")
    assert session.journey.events == before
    assert not any(isinstance(e, Answered) and e.question == "rights.who"
                   for e in session.journey.events)
