"""journey on Windows and macOS, checked on Linux: every command, the app, the store, the lock
and every export run with the calls only POSIX systems have taken away; file names offered
are ones Windows accepts; text files end their lines the system's way; output keeps every
letter."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journey import content
from journey.cli import main as cli
from journey.documents.files import CHOICES, file_name
from journey.store.database import JourneyInUse, Store
from journey.store.lock import JourneyLock, lock_path
from journey.store.private import write_whole

from . import no_posix
from .helpers import start

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "examples" / "mia.json"


def _journey_modules() -> list[str]:
    return [name for name in sys.modules if name == "journey" or name.startswith("journey.")]


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int, int]]]:
    """This Python without the POSIX-only calls, and journey's modules imported afresh in
    it. Yields the calls journey made to msvcrt.locking."""
    calls: list[tuple[int, int, int]] = []
    no_posix.take_away(monkeypatch.delattr, monkeypatch.setitem, calls)
    for name in _journey_modules():
        monkeypatch.delitem(sys.modules, name)  # put back as they were after the test
    yield calls
    for name in _journey_modules():
        del sys.modules[name]  # the modules imported without POSIX go


@pytest.mark.posix
def test_store_lock_and_exports_run_without_posix_calls(
        windows_like: list[tuple[int, int, int]], journey_home: Path, tmp_path: Path) -> None:
    assert not hasattr(os, "fchmod") and not hasattr(os, "O_NOFOLLOW")
    from journey import content
    from journey.cli import main as cli
    from journey.conversation.session import Session
    from journey.store import lock
    from journey.store.database import JourneyInUse, Store

    assert cli.main(["import", str(EXAMPLE)]) == 0
    store = Store()
    [saved] = store.list()
    journey_id = saved.id
    for fmt in (*cli.FORMATS, "prep", "json"):
        out = tmp_path / f"out-{fmt}"
        assert cli.main(["export", journey_id, "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert cli.main(["summary", journey_id, "-o", str(tmp_path / "summary.md")]) == 0
    assert cli.main(["backup", str(tmp_path / "all.json")]) == 0

    # One writer per journey, through Windows' kind of lock: one locked byte at the start.
    session = Session(content.default(), store, store.load(journey_id))
    assert session.claim()
    assert (no_posix.LK_NBLCK, 1, 0) in windows_like
    other = Store(store.home)
    with pytest.raises(JourneyInUse):
        other.rename(journey_id, "Someone else")
    session.close()
    assert (no_posix.LK_UNLCK, 1, 0) in windows_like
    other.rename(journey_id, "Mia B")
    assert store.load(journey_id).name == "Mia B"
    other.close()
    store.close()

    assert cli.main(["delete", journey_id, "--purge"]) == 0
    assert not lock.lock_path(journey_home, journey_id).exists()
    assert cli.main(["restore", str(tmp_path / "all.json")]) == 0
    assert cli.main(["export", journey_id, "--format", "md", "-o", str(tmp_path / "a.md")]) == 0


@pytest.mark.posix  # Windows is simulated with POSIX calls underneath
def test_every_command_runs_without_posix_calls(
        windows_like: list[tuple[int, int, int]], journey_home: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """Each command of the command line, as a person on Windows would use it, with the POSIX
    calls taken away; a new command must join this list."""
    import argparse
    import io

    from journey.cli import main as cli
    from journey.cli.manage import COMMANDS

    from .test_serve import _no_server

    def plain_input(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    tried: set[str] = set()

    def run(*argv: str, code: int = 0) -> str:
        tried.add(argv[0] if not argv[0].startswith("-") else argv[1])
        returned = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert returned == code, (argv, out, err)
        return out + err

    plain_input("Ann\n")
    assert "What name" in run("new", "--plain")
    journey_id = cli._open_store().list()[0].id
    plain_input("quit\n")  # at "who is here today?"
    run("open", journey_id, "--plain")
    assert "Ann" in run("list") and "Ann" in run("list", "--search", "An")
    assert "DEBUG" in run("--debug", "where")
    assert str(journey_home) in run("where")
    assert '"$schema"' in run("schema")
    assert "Ann" in run("check", journey_id, code=cli.NOT_READY)
    assert "Ann" in run("summary", journey_id)
    run("export", journey_id, "--format", "md")
    run("export", journey_id, "--format", "docx", "-o", str(tmp_path / "plan.docx"))
    run("export", journey_id, "--format", "json", "-o", str(tmp_path / "ann.json"))
    run("import", str(EXAMPLE))
    assert "no versions yet" in run("versions", journey_id)
    assert "has no version 1" in run("compare", journey_id, "1", "2", code=1)
    imported = next(s.id for s in cli._open_store().list() if s.id != journey_id)
    plain_input("\nquit\n")  # the kind due, then quit at "who is here today?"
    assert "What kind of review" in run("review", imported, "--plain")
    assert "Review of the plan: Mia" in run("export", imported, "--review", "1")  # shipped
    assert "Not finished yet" in run("export", imported, "--review", "2")  # begun, open
    run("rename", journey_id, "Ann B")
    run("duplicate", journey_id)
    run("delete", journey_id)
    assert "Ann B" in run("list", "--deleted")
    run("recover", journey_id)
    run("backup", str(tmp_path / "all.json"))
    run("delete", journey_id, "--purge")
    run("restore", str(tmp_path / "all.json"))
    for shell in ("bash", "zsh", "fish"):
        assert "journey" in run("completion", shell)
    assert "mia" in run("examples")
    assert "Mia" in run("examples", "mia")
    ryan = re.search(r"id is (\w+)", run("examples", "ryan"))
    assert ryan is not None
    assert "Kim" in run("money", ryan[1], "add", "--kind", "pay", "--amount", "£540",
                        "--day", "28/11/2026", "--who", "Kim")
    run("money", ryan[1], "export", "--format", "docx", "-o", str(tmp_path / "money.docx"))
    _no_server(monkeypatch)
    assert "token=" in run("serve")
    plain_input("")
    assert "no saved journey with the id nope" in run("open", "nope", "--plain", code=1)

    parser = cli._parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert tried == set(sub.choices) == set(cli.OWN_COMMANDS) | COMMANDS


@pytest.mark.posix  # Windows is simulated with POSIX calls underneath
async def test_the_app_runs_without_posix_calls(
        windows_like: list[tuple[int, int, int]], journey_home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.drivers.headless_driver import HeadlessDriver

    from journey.store.database import Store
    from journey.tui.app import JourneyApp

    # Textual picks its Linux driver by the real system, which needs termios; the test's
    # headless driver is used in any case.
    monkeypatch.setattr(JourneyApp, "get_driver_class", lambda self: HeadlessDriver)
    store = Store()
    app = JourneyApp(store, new=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
    store.close()
    reopened = Store()
    [saved] = reopened.list()
    assert saved.name == "Sam"
    reopened.close()


@pytest.mark.posix
def test_a_lock_held_the_windows_way_ends_with_its_process(words, store: Store,
                                                          journey_home: Path) -> None:
    journey_id = start(words, store).journey.id
    store.release(journey_id)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.no_posix", journey_id], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "JOURNEY_HOME": str(journey_home)})
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"HELD\n"
        with pytest.raises(JourneyInUse):
            store.lock(journey_id)
        holder.kill()  # as a crash would end it
        holder.wait(timeout=30)
        store.lock(journey_id)  # nothing left behind blocks the journey
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


@pytest.mark.posix
@pytest.mark.parametrize("nofollow", [True, False], ids=["O_NOFOLLOW", "no O_NOFOLLOW"])
def test_a_lock_file_is_never_opened_through_a_link(
        nofollow: bool, journey_home: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if not nofollow:
        monkeypatch.delattr(os, "O_NOFOLLOW")
    """A link leading out of the locks folder is refused by its name (lock_path); one to
    another file inside it must be refused as the file is opened."""
    Store(journey_home).close()
    path = lock_path(journey_home, "0badc0de")
    path.parent.mkdir(exist_ok=True)
    elsewhere = path.parent / "someone-elses.lock"
    elsewhere.write_text("kept")
    path.symlink_to(elsewhere)
    with pytest.raises(OSError):
        JourneyLock(journey_home, "0badc0de")
    missing = path.parent / "not-there.lock"
    path.unlink()
    path.symlink_to(missing)
    with pytest.raises(OSError):
        JourneyLock(journey_home, "0badc0de")
    assert elsewhere.read_text() == "kept" and not missing.exists()
    path.unlink()
    JourneyLock(journey_home, "0badc0de").release()  # an ordinary lock file is fine


@pytest.mark.parametrize("journey_id", ["nul", "CON", "com1", "Lpt9", "aux", "prn"])
def test_no_lock_file_is_named_after_a_windows_device(journey_home: Path,
                                                      journey_id: str) -> None:
    path = lock_path(journey_home, journey_id)
    assert path.name.startswith("id-") and path.parent == journey_home / "locks"
    assert lock_path(journey_home, "console").name == "console.lock"
    assert lock_path(journey_home, "0badc0de").name == "0badc0de.lock"


# Windows refuses these in a file name, and these names whatever follows the dot.
FORBIDDEN = set('<>:"/\\|?*') | {chr(n) for n in range(32)}
DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
           *(f"LPT{n}" for n in range(10))}
ODD = ["CON", "nul", "../../etc/passwd", "a:b", 'x|y"z', "Zoë <Sam>?", "李明", "", "...",
       " trailing. ", "com1", "a" * 300, "C:\\Windows\\x", "tab\there"]


def fine_on_windows(name: str) -> bool:
    return (0 < len(name) <= 255 and not FORBIDDEN & set(name)
            and not name.endswith((".", " ")) and name.split(".")[0].upper() not in DEVICES)


@pytest.mark.parametrize("odd", ODD)
def test_file_names_offered_are_ones_windows_accepts(odd: str) -> None:
    from journey.tui.screens.summary import file_name as summary_name

    for fmt in CHOICES:
        assert fine_on_windows(file_name(odd, fmt)), file_name(odd, fmt)
    assert fine_on_windows(summary_name(odd, 3, "0badc0de"))


def test_text_files_end_their_lines_the_systems_way(
        store: Store, words, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.documents import files as documents
    from journey.store import settings

    journey = start(words, store, mode="with").journey
    store.close()

    def written(fmt: str) -> bytes:
        out = tmp_path / f"plan-{fmt}"
        if fmt == "summary":
            assert cli.main(["summary", journey.id, "-o", str(out)]) == 0
        elif fmt == "app-prep":
            write_whole(out, documents.make(words, journey, "prep"), text=True)
        else:
            assert cli.main(["export", journey.id, "--format", fmt, "-o", str(out)]) == 0
        return out.read_bytes()

    text = ("md", "txt", "profile-md", "prep", "summary", "app-prep")
    for fmt in (*text, "html", "json"):
        assert b"\r" not in written(fmt), fmt  # Linux and macOS: "\n", as it always was

    monkeypatch.setattr(os, "linesep", "\r\n")  # as on Windows
    for fmt in text:
        data = written(fmt)
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), fmt
        assert b"\r\r" not in data
    for fmt in ("html", "json"):  # for programs: the same bytes on every system
        assert b"\r" not in written(fmt), fmt
    assert settings.save(settings.Settings()) is None
    assert b"\r\n" in settings.path().read_bytes()
    assert settings.load()[1] is None  # and it reads back


def test_output_to_a_file_keeps_every_letter(store: Store, words,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows sends output to a file or pipe in an old code page: `journey list > x.txt`
    must not stop at a name it has no letters for."""
    start(words, store, name="李明 Zoë")
    store.close()
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252", newline="\n")
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["list"]) == 0
    out.flush()
    assert "李明 Zoë" in raw.getvalue().decode("utf-8")


def test_a_terminal_that_is_not_utf8_shows_a_mark_rather_than_stopping() -> None:
    from journey.plain.terminal import letters_kept

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    raw = io.BytesIO()
    terminal = Terminal(raw, encoding="latin-1")
    letters_kept((terminal,))
    terminal.write("Zoë 李")
    terminal.flush()
    assert raw.getvalue() == "Zoë ?".encode("latin-1")
    assert content.default()  # the content itself is untouched by any of this


# -- the same protection on every system -----------------------------------------------------


def test_every_folder_journey_uses_lies_in_the_users_own_profile(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Where files have no POSIX modes (Windows), the user's own profile folder is what keeps
    other users out: with no folder named, every folder journey keeps things in lies there."""
    from journey.cli import log
    from journey.content import kept
    from journey.store import settings
    from journey.store.database import data_home

    for name in ("JOURNEY_HOME", "JOURNEY_CONFIG", "JOURNEY_CACHE", "JOURNEY_LOG",
                 "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    profile = Path.home().resolve()
    for folder in (data_home(), settings.config_home(), kept.cache_home(), log.folder()):
        assert folder.resolve().is_relative_to(profile), folder
        assert "journey" in folder.parts


HOLD = (
    "import os, sys\n"
    "from journey.store.database import Store\n"
    "Store().lock(sys.argv[1])\n"
    "os.write(1, b'HELD\\n')\n"
    "sys.stdin.read()\n"
)


def test_a_lock_holds_across_processes_and_ends_with_its_process(
        words, store: Store, journey_home: Path) -> None:
    """With the system's own lock (flock, or a locked byte on Windows): another journey
    process holding a journey keeps this one out, and its end, however sudden, lets go."""
    journey_id = start(words, store).journey.id
    store.release(journey_id)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, journey_id], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE,
                              env={**os.environ, "JOURNEY_HOME": str(journey_home)})
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"HELD"
        with pytest.raises(JourneyInUse):
            store.lock(journey_id)
        holder.kill()
        holder.wait(timeout=30)
        store.lock(journey_id)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
