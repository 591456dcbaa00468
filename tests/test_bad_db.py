"""A damaged, truncated or unwritable journeys file: a plain message, the file left exactly as
it was, and no other journey harmed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journey.cli.main import main
from journey.core.model import Moved
from journey.store.database import DB_NAME, Store, StoreError

from .helpers import start


@pytest.fixture
def filled(words, journey_home: Path) -> Path:
    """A journeys file with twenty journeys, written out whole (no write-ahead log)."""
    store = Store(journey_home)
    for n in range(20):
        session = start(words, store, name=f"Person {n}")
        for question, answer in (("rights.who", "person"), ("rights.why-now", "Nothing"),
                                 ("rights.hopes", "A long hope " + "x" * 400)):
            session.go_to_question(question)
            session.answer(answer)
    store.close()
    assert not (journey_home / f"{DB_NAME}-wal").exists()
    return journey_home / DB_NAME


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, env={**os.environ, "JOURNEY_HOME": str(home)},
                          check=False)


def use_everything(home: Path) -> None:
    """List and open every journey, as the app and commands would."""
    store = Store(home)
    try:
        for summary in store.list():
            store.load(summary.id)
    finally:
        store.close()


@pytest.mark.parametrize("keep", [0.05, 0.3, 0.6, 0.9, 0.99])
def test_truncated_file(filled: Path, keep: float) -> None:
    whole = filled.read_bytes()
    cut = whole[: int(len(whole) * keep)]
    filled.write_bytes(cut)
    with pytest.raises(StoreError, match="is damaged or is not a journey file") as e:
        use_everything(filled.parent)
    assert "journey restore" in str(e.value)  # what to do
    assert filled.read_bytes() == cut


def test_corrupted_pages(filled: Path) -> None:
    damaged = bytearray(filled.read_bytes())
    damaged[8192:10240] = b"\x5a" * 2048
    filled.write_bytes(bytes(damaged))
    with pytest.raises(StoreError, match="is damaged"):
        use_everything(filled.parent)
    assert filled.read_bytes() == bytes(damaged)


def test_commands_and_app_say_so_plainly(filled: Path) -> None:
    cut = filled.read_bytes()[:20000]
    filled.write_bytes(cut)
    for args in (["list"], [], ["backup", str(filled.parent / "b.json")]):
        result = run(*args, home=filled.parent)
        assert result.returncode == 1, args
        assert "is damaged" in result.stderr and "Traceback" not in result.stderr, args
    assert filled.read_bytes() == cut
    assert not (filled.parent / "b.json").exists()


def test_a_damaged_journey_does_not_harm_the_others(words, store: Store,
                                                    capsys: pytest.CaptureFixture) -> None:
    hurt = start(words, store, name="Hurt").journey
    fine = start(words, store, name="Fine").journey
    store.db.execute("UPDATE events SET body = '{\"kind\": \"teleport\"}' WHERE journey = ? "
                     "AND seq = 2", (hurt.id,))
    with pytest.raises(StoreError, match="is damaged"):
        store.load(hurt.id)
    assert store.load(fine.id).events == fine.events
    assert {s.name for s in store.list()} == {"Hurt", "Fine"}
    assert main(["export", fine.id]) == 0
    assert main(["export", hurt.id]) == 1
    assert "is damaged" in capsys.readouterr().err


def test_writing_to_a_read_only_file_says_so(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("rights.who")
    before = list(session.journey.events)
    store.db.execute("PRAGMA query_only=ON")  # what SQLite says of a read-only file
    with pytest.raises(StoreError, match="is read-only"):
        session.answer("person")
    assert session.journey.events == before
    assert session.question.id == "rights.who"


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[callable]:
    """Make a file or folder truly read-only, even for root: the immutable flag where it can
    be set, else ordinary permissions for anyone else."""
    marked: list[Path] = []

    def mark(path: Path) -> None:
        if os.geteuid() == 0:
            if not shutil.which("chattr") or subprocess.run(
                    ["chattr", "+i", str(path)], capture_output=True, check=False).returncode:
                pytest.skip("no way to make a file read-only for root here")
        elif path.is_dir():
            # The store makes its own folder private (0700) as it opens, which a read-only
            # mode would not survive; only the immutable flag, for root, pins a folder here.
            pytest.skip("a folder's owner can always make it writable again")
        else:
            path.chmod(0o400)
        marked.append(path)

    yield mark
    for path in marked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        else:
            path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.mark.posix
@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_disk(filled: Path, read_only, what: str, tmp_path: Path) -> None:
    """Read-only means read-only: journeys can still be listed, exported and backed up, and
    anything that would change them says plainly why it cannot."""
    before = filled.read_bytes()
    folder_mode = filled.parent.stat().st_mode
    read_only(filled.parent if what == "folder" else filled)
    listed = run("list", home=filled.parent)
    assert listed.returncode == 0, listed.stderr
    assert "Person 7" in listed.stdout
    journey_id = next(line.split()[0] for line in listed.stdout.splitlines()
                      if "Person 7" in line)
    exported = run("export", journey_id, "-o", str(tmp_path / "plan.md"), home=filled.parent)
    assert exported.returncode == 0, exported.stderr
    assert "Person 7" in (tmp_path / "plan.md").read_text()
    backed = run("backup", str(tmp_path / "all.json"), home=filled.parent)
    assert backed.returncode == 0, backed.stderr
    assert (tmp_path / "all.json").read_text().count('"id"') >= 20
    for args in (["rename", journey_id, "y"], ["delete", journey_id], ["new"], []):
        result = run(*args, home=filled.parent)
        assert result.returncode == 1, args
        assert "is read-only" in result.stderr and "Traceback" not in result.stderr, \
            result.stderr
    assert filled.read_bytes() == before
    assert filled.parent.stat().st_mode == folder_mode  # not made writable again


def test_a_journey_cannot_be_saved_to_a_full_disk_but_stays_on_screen(words, store) -> None:
    session = start(words, store)
    store.db.execute(f"PRAGMA max_page_count={store.db.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(StoreError, match="disk is full"):
        for n in range(500):
            store.record(session.journey, Moved(step="rights", question=f"q{n}" * 200))
    assert store.load(session.journey.id).events == session.journey.events
