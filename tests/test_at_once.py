"""Many journey processes at once against one journeys file: restores and imports started
together leave exactly what they would one after another."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journey.cli.main import main
from journey.store.database import Store

from .helpers import start

# Loads everything a command needs, then waits for its standard input to close, so that
# every process reaches the journeys file at the same moment.
READY_THEN_RUN = (
    "import sys\n"
    "from journey import content\n"
    "from journey.cli import main as cli, manage\n"
    "from journey.store import database, interchange\n"
    "content.default()\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


def at_once(count: int, home: Path, *args: str) -> list[subprocess.CompletedProcess]:
    """Run `journey ARGS` in `count` processes released together."""
    env = {**os.environ, "JOURNEY_HOME": str(home)}
    runs = [subprocess.Popen([sys.executable, "-c", READY_THEN_RUN, *args], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(count)]
    for run in runs:
        assert run.stdout is not None and run.stdout.readline() == "ready\n"
    for run in runs:
        assert run.stdin is not None
        run.stdin.close()
    done = []
    for run in runs:
        assert run.stdout is not None and run.stderr is not None
        out, err = run.stdout.read(), run.stderr.read()
        done.append(subprocess.CompletedProcess(run.args, run.wait(timeout=120), out, err))
    return done


def journeys(home: Path) -> list[str]:
    store = Store(home)
    try:
        return sorted([s.name or "" for s in store.list()]
                      + [s.name or "" for s in store.list(deleted=True)])
    finally:
        store.close()


@pytest.fixture
def backup(words, store: Store, tmp_path: Path) -> Path:
    """A backup of three journeys, one of them deleted."""
    for name in ("Ann", "Bo", "Cy"):
        start(words, store, name=name)
    store.delete(store.list(search="Cy")[0].id)
    path = tmp_path / "backup.json"
    assert main(["backup", str(path)]) == 0
    return path


@pytest.mark.parametrize("count", [16])
def test_restores_at_once_leave_what_one_restore_leaves(backup: Path, tmp_path: Path,
                                                       count: int) -> None:
    elsewhere = tmp_path / "elsewhere"
    runs = at_once(count, elsewhere, "restore", str(backup))
    assert [r.returncode for r in runs] == [0] * count, [r.stderr for r in runs]
    assert journeys(elsewhere) == ["Ann", "Bo", "Cy"]
    # One of them brought back all three; every other found them here already.
    said = sorted(r.stdout.strip() for r in runs)
    assert len(set(said)) == 2, said


def test_restores_at_once_beside_a_changed_journey(backup: Path, store: Store,
                                                   journey_home: Path) -> None:
    """The backup's journeys are here, one of them changed since: it comes back once, beside
    the changed one, however many restores run at once."""
    store.rename(store.list(search="Ann")[0].id, "Ann B")
    runs = at_once(12, journey_home, "restore", str(backup))
    assert [r.returncode for r in runs] == [0] * 12, [r.stderr for r in runs]
    assert journeys(journey_home) == ["Ann", "Ann B", "Bo", "Cy"]


def test_imports_at_once_each_add_their_own(backup: Path, tmp_path: Path) -> None:
    """An import always adds, with new ids: eight at once add eight times three journeys,
    none lost and no id given twice."""
    elsewhere = tmp_path / "elsewhere"
    runs = at_once(8, elsewhere, "import", str(backup))
    assert [r.returncode for r in runs] == [0] * 8, [r.stderr for r in runs]
    assert journeys(elsewhere) == sorted(["Ann", "Bo", "Cy"] * 8)
    store = Store(elsewhere)
    ids = [s.id for s in store.list()] + [s.id for s in store.list(deleted=True)]
    store.close()
    assert len(set(ids)) == 24


# -- what commands leave behind --------------------------------------------------------------


def lock_files(home: Path) -> list[str]:
    folder = home / "locks"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("args", [["rename", "{id}", "Jo"], ["delete", "{id}"],
                                  ["delete", "{id}", "--purge"]],
                         ids=["rename", "delete", "purge"])
@pytest.mark.parametrize("missing", ["0badc0de", "no-such-journey", "../../elsewhere", "nul"])
def test_a_journey_that_is_not_there_leaves_no_lock_file(words, store: Store, args: list[str],
                                                         missing: str, capsys) -> None:
    session = start(words, store, name="Here")
    store.close()  # lets go of its lock; its lock file stays, as it may be in use again
    before = lock_files(store.home)
    assert main([a.format(id=missing) for a in args]) == 1
    assert "There is no saved journey" in capsys.readouterr().err
    assert lock_files(store.home) == before
    # The journey that is here still has its lock file, and can still be changed.
    assert main(["rename", session.journey.id, "Here again"]) == 0
    assert lock_files(store.home) == before


def test_a_journey_file_with_no_journeys_is_not_imported_in_silence(store: Store,
                                                                    tmp_path: Path,
                                                                    capsys) -> None:
    empty = tmp_path / "empty.json"
    assert main(["backup", str(empty)]) == 0  # nothing here yet: a file of no journeys
    capsys.readouterr()
    assert main(["import", str(empty)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"The file {empty} holds no journeys, so nothing was added."
    assert store.list() == []
    # Restoring a backup made when there were no journeys is no mistake: it says so.
    assert main(["restore", str(empty)]) == 0
    assert "Restored 0 journeys" in capsys.readouterr().out


# An export that stops for good as it writes its file: it has written the bytes beside the
# file and waits to make them last; the test kills it there with SIGKILL, or lets it go on.
EXPORT_THEN_WAIT = (
    "import os, sys, time\n"
    "from journey.cli import main as cli\n"
    "real = os.fsync\n"
    "def held(fd):\n"
    "    print('writing', flush=True)\n"
    "    sys.stdin.read()\n"
    "    real(fd)\n"
    "os.fsync = held\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


def export_stopped(home: Path, journey_id: str, target: Path) -> subprocess.Popen:
    env = {**os.environ, "JOURNEY_HOME": str(home)}
    run = subprocess.Popen(
        [sys.executable, "-c", EXPORT_THEN_WAIT, "export", journey_id, "--format", "md",
         "-o", str(target)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    assert run.stdout is not None and run.stdout.readline() == "writing\n"
    return run


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_what_an_export_killed_half_way_left_is_cleared_by_the_next(words, store: Store,
                                                                    tmp_path: Path) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    store.close()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.md"
    killed = export_stopped(store.home, journey_id, target)
    killed.kill()  # SIGKILL: nothing of journey runs after it
    killed.wait()
    [left] = parts(out)
    assert left.startswith(".plan.md.")
    assert not target.exists()
    # Another file's part, and a file that only looks like a part, are not this export's.
    other = out / ".notes.md.abcdefgh.part"
    other.write_text("someone else's")
    assert main(["export", journey_id, "--format", "md", "-o", str(target)]) == 0
    assert parts(out) == [other.name]
    assert "Sam" in target.read_text()


def test_an_export_under_way_keeps_its_part_while_another_writes_the_same_file(
        words, store: Store, tmp_path: Path) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    store.close()
    target = tmp_path / "plan.md"
    going = export_stopped(store.home, journey_id, target)
    try:
        [part] = parts(tmp_path)
        assert main(["export", journey_id, "--format", "md", "-o", str(target)]) == 0
        assert parts(tmp_path) == [part]  # still being written: not cleared
    finally:
        assert going.stdin is not None
        going.stdin.close()
        assert going.wait(timeout=60) == 0
    assert parts(tmp_path) == []
    assert "Sam" in target.read_text()


@pytest.mark.parametrize("mode", [0o644, 0o604, 0o660, 0o666])
def test_an_export_over_a_file_others_could_read_makes_it_private_and_says_so(
        words, store: Store, tmp_path: Path, mode: int, capsys) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    target = tmp_path / "plan.md"
    target.write_text("an older plan")
    target.chmod(mode)
    capsys.readouterr()
    assert main(["export", journey_id, "--format", "md", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (f"{target} could be read or changed by others before. "
                         "Now only you can read it.")
    assert len(lines) == 2
    # Private already: nothing more to say.
    assert main(["export", journey_id, "--format", "md", "-o", str(target)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    # The same for a journey file and a backup.
    for args in (["export", journey_id, "--format", "json", "-o", str(target)],
                 ["backup", str(target)]):
        target.chmod(mode)
        assert main(args) == 0
        assert target.stat().st_mode & 0o777 == 0o600
        assert capsys.readouterr().out.splitlines()[-1].endswith("Now only you can read it.")


async def test_saving_over_a_file_others_could_read_in_the_app_says_so(words, store: Store,
                                                                       tmp_path: Path) -> None:
    from textual.widgets import Input

    from journey.tui.app import JourneyApp

    from .test_tui import opened

    session = start(words, store)
    target = tmp_path / "plan.md"
    target.write_text("an older plan")
    target.chmod(0o644)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any(m.endswith(f"{target} could be read or changed by others before. "
                              "Now only you can read it.") for m in said), said
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Sam" in target.read_text()


def test_only_ordinary_part_files_of_the_same_file_are_cleared(words, store: Store,
                                                               tmp_path: Path) -> None:
    """A pipe, a link or a folder named like a part is left as it is, and never opened."""
    journey_id = start(words, store, name="Sam").journey.id
    target = tmp_path / "plan.md"
    pipe = tmp_path / ".plan.md.aaaaaaaa.part"
    os.mkfifo(pipe)
    elsewhere = tmp_path / "keep.txt"
    elsewhere.write_text("keep")
    link = tmp_path / ".plan.md.bbbbbbbb.part"
    link.symlink_to(elsewhere)
    folder = tmp_path / ".plan.md.cccccccc.part"
    folder.mkdir()
    stale = tmp_path / ".plan.md.dddddddd.part"
    stale.write_text("half a plan")
    assert main(["export", journey_id, "--format", "md", "-o", str(target)]) == 0
    assert parts(tmp_path) == sorted([pipe.name, link.name, folder.name])
    assert elsewhere.read_text() == "keep"


def test_a_new_journey_whose_id_was_taken_meanwhile_keeps_to_itself(words, store: Store,
                                                                     tmp_path: Path) -> None:
    """A new journey is given an id before its first answer is saved. Should another
    journey take that id meanwhile (a restore, an import or another window, at the same
    moment), the first answer goes to a journey of its own, never into the other one."""
    from journey.conversation.session import Session
    from journey.store.database import Saved

    session = Session(words, store, store.create())
    new_id = session.journey.id
    other = Store(store.home)
    elsewhere = start(words, Store(tmp_path / "elsewhere"), name="Bo").journey
    elsewhere.id = new_id
    [taken] = other.restore([Saved(elsewhere)])[0]
    assert taken.id == new_id
    other.close()
    session.answer("Sam")
    assert session.journey.id != new_id
    assert store.load(new_id).events == elsewhere.events
    assert store.load(session.journey.id).name == "Sam"
    assert sorted(s.name or "" for s in store.list()) == ["Bo", "Sam"]
    session.answer("self")
    assert store.load(session.journey.id).events == session.journey.events


def test_a_journey_saved_with_no_events_is_carried_on_under_its_own_id(words, store: Store,
                                                                       tmp_path: Path) -> None:
    """A journey file may hold a journey with no events yet: opened and answered, it stays
    the same journey, not a new one beside it."""
    from journey.conversation.session import Session
    from journey.core.model import Journey
    from journey.store.database import Saved

    [empty] = store.add([Saved(Journey(id="", events=[]))], keep_ids=False)
    session = Session(words, store, store.load(empty.id))
    session.answer("Sam")
    assert session.journey.id == empty.id
    assert [s.id for s in store.list()] == [empty.id]


def test_a_new_journey_whose_id_another_window_holds_keeps_to_itself(words,
                                                                     store: Store) -> None:
    from journey.conversation.session import Session

    session = Session(words, store, store.create())
    new_id = session.journey.id
    other = Store(store.home)
    other.lock(new_id)  # another window, with a journey of that id open
    try:
        session.answer("Sam")  # not refused as "open in another window": it is new
    finally:
        other.close()
    assert session.journey.id != new_id
    assert store.load(session.journey.id).name == "Sam"
