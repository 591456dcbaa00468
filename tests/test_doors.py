"""Every door a file comes in by (import, restore, open, export, check, summary, list), tried
with a corpus of bad files: each gets a plain message and the right exit status, nothing
outside the data folder is ever touched, and whatever is let in can then be listed, opened,
checked and exported."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journey.cli.main import NOT_READY, main
from journey.conversation.session import Session
from journey.store import interchange
from journey.store.database import DB_NAME, ID_SHAPE, Store
from journey.store.lock import LOCKS

from .helpers import start

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "examples" / "mia.json"
# An id that, taken as a path, would name the file `outside` makes: the lock file of a
# journey is locks/<id>.lock, so this one would be <tmp>/outside/important.lock.
PATH_ID = "../../outside/important"
KEPT = "keep me"
ROW = re.compile(r"^(ID|[0-9a-f]{8}) ")


def run(*args: str, home: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    """journey as a person runs it. The timeout turns a hang into a failure."""
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, env={**os.environ, "JOURNEY_HOME": str(home)},
                          timeout=timeout, check=False, cwd=ROOT)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture) -> Callable[..., subprocess.CompletedProcess]:
    """journey's commands in this process, quicker than a new one (JOURNEY_HOME is set for
    every test). An uncaught error fails the test as a traceback would."""
    def call(*args: str) -> subprocess.CompletedProcess:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)
    return call


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the data folder, where a journey id that is a path would point."""
    folder = tmp_path / "outside"
    folder.mkdir()
    important = folder / "important.lock"
    important.write_text(KEPT)
    important.chmod(0o644)
    return important


def untouched(important: Path) -> None:
    assert important.read_text() == KEPT
    if os.name == "posix":  # Windows has no such modes
        assert stat.S_IMODE(important.stat().st_mode) == 0o644


def plain(result: subprocess.CompletedProcess, code: int | tuple[int, ...], says: str) -> None:
    said = result.stdout + result.stderr
    assert "Traceback" not in said, said
    assert result.returncode in (code if isinstance(code, tuple) else (code,)), said
    assert says in said, said


def rows_fit(listing: str) -> list[str]:
    """The ids in `journey list`, after checking each row is one line of the table."""
    lines = listing.splitlines()
    assert all(ROW.match(line) for line in lines), lines
    assert all(len(line) < 160 for line in lines), [len(line) for line in lines]
    return [line.split()[0] for line in lines[1:]]


def example() -> dict:
    return json.loads(EXAMPLE.read_text())


def with_journey(change: Callable[[dict], None]) -> Callable[[Path], Path]:
    """A journey file made from the example, with one thing changed."""
    def make(folder: Path) -> Path:
        document = example()
        change(document["journeys"][0])
        path = folder / "journey.json"
        path.write_text(json.dumps(document))
        return path
    return make


def named(name: str) -> Callable[[dict], None]:
    def change(journey: dict) -> None:
        for event in journey["events"]:
            if event.get("question") == "welcome.name":
                event["value"] = name
    return change


def path_id(journey: dict) -> None:
    journey["id"] = PATH_ID
    named("Changed, so it is not the same journey as one here")(journey)


def raw(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "journey.json"
        path.write_bytes(data)
        return path
    return make


def fifo(folder: Path) -> Path:
    path = folder / "pipe.json"
    os.mkfifo(path)
    return path


def link_to(target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "link.json"
        path.symlink_to(target)
        return path
    return make


def huge(folder: Path) -> Path:
    path = folder / "huge.json"
    with path.open("wb") as f:
        f.truncate(interchange.MAX_BYTES + 1)  # sparse: costs no disk
    return path


def folder_itself(folder: Path) -> Path:
    return folder


NOT_A_FILE = "is a folder or a device, not a journey file"
LONG = "Sam " * 25_000

# (what, make the file, exit status, what is said: for a file let in, what `journey list`
# then shows). The same for import and restore.
JOURNEY_FILES = [
    ("missing", lambda folder: folder / "nowhere.json", 1, "There is no file at"),
    ("folder", folder_itself, 1, NOT_A_FILE),
    # Pipes and devices as POSIX systems have them.
    pytest.param("fifo", fifo, 1, NOT_A_FILE, marks=pytest.mark.posix),
    pytest.param("link to /dev/zero", link_to("/dev/zero"), 1, NOT_A_FILE,
                 marks=pytest.mark.posix),
    pytest.param("/dev/null", lambda folder: Path("/dev/null"), 1, NOT_A_FILE,
                 marks=pytest.mark.posix),
    ("huge", huge, 1, "is too big to be a journey file"),
    ("not UTF-8", raw(b"\xff\xfe{\x00"), 1, "is not saved as UTF-8"),
    ("not JSON", raw(b"{journeys: ["), 1, "is not a journey file"),
    ("lone surrogate", with_journey(named("Mi\ud800a")), 0, "\ufffd"),
    ("name on many lines", with_journey(named("Sam\nID  Fake row\r\x1b[2J")), 0, "Sam ID Fake"),
    ("invisible marks", with_journey(named("\u202eSam\u200b\u2066")), 0, "Sam"),
    ("long name", with_journey(named(LONG)), 0, "Sam Sam"),
    ("id that is a path", with_journey(path_id), 0, "Changed"),
]


@pytest.mark.parametrize("command", ["import", "restore"])
@pytest.mark.parametrize(("what", "make", "code", "says"), JOURNEY_FILES,
                         ids=[(row.values if isinstance(row, type(pytest.param())) else row)[0]
                              for row in JOURNEY_FILES])
def test_journey_files(command: str, what: str, make: Callable[[Path], Path], code: int,
                       says: str, tmp_path: Path, journey_home: Path, outside: Path,
                       words, cli) -> None:
    store = Store(journey_home)
    start(words, store, name="Here already")
    store.close()
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    before = path.read_bytes() if path.is_file() and path.stat().st_size < 2**20 else None

    plain(run(command, str(path), home=journey_home), code, says if code else "")

    untouched(outside)
    if before is not None:
        assert path.read_bytes() == before
    listed = cli("list")
    plain(listed, 0, "Here already")
    assert says in listed.stdout or code
    ids = rows_fit(listed.stdout)
    assert len(ids) == (2 if code == 0 else 1)
    # Whatever came in can be opened, checked and exported, and stays journey's shape.
    for journey_id in ids:
        assert ID_SHAPE.fullmatch(journey_id)
        plain(cli("check", journey_id), (0, NOT_READY), "")
        plain(cli("export", journey_id, "--format", "txt"), 0, "")
    store = Store(journey_home)
    try:
        for journey_id in ids:
            session = Session(words, store, store.load(journey_id))
            assert session.claim()
            name = session.journey.name
            assert name is None or (name.isprintable() and len(name) <= 200)
        assert {p.parent for p in (journey_home / LOCKS).iterdir()} == {journey_home / LOCKS}
    finally:
        store.close()
    untouched(outside)


# -- the journeys file itself ------------------------------------------------------------


def empty(home: Path, journey_id: str) -> None:
    (home / DB_NAME).write_bytes(b"")


def not_a_database(home: Path, journey_id: str) -> None:
    (home / DB_NAME).write_text("my shopping list\n" * 500)


def edit(sql: str, *values: object) -> Callable[[Path, str], None]:
    """Change the file as a person with an SQLite tool might."""
    def change(home: Path, journey_id: str) -> None:
        db = sqlite3.connect(home / DB_NAME)
        db.execute(sql, (*values, journey_id))
        db.commit()
        db.close()
    return change


def id_is_a_path(home: Path, journey_id: str) -> None:
    """As an older journey would have kept a journey restored from a crafted file."""
    db = sqlite3.connect(home / DB_NAME)  # foreign keys off, as SQLite starts
    db.execute("UPDATE journeys SET id = ? WHERE id = ?", (PATH_ID, journey_id))
    db.execute("UPDATE events SET journey = ? WHERE journey = ?", (PATH_ID, journey_id))
    db.commit()
    db.close()


DAMAGED = "is damaged or is not a journey file"
ALL_DAMAGED = dict.fromkeys(("list", "open", "export", "check", "summary"), (1, DAMAGED))
READABLE = {"list": (0, "Sam"), "export": (0, "saved as a file"),
            "check": (NOT_READY, "Sam"),
            "summary": (0, "Sam")}

# (what, how the file is changed, door: (exit status, what is said)). `open` is tried only
# where it must stop before the screen does.
JOURNEYS_FILES = [
    ("empty", empty, ALL_DAMAGED),
    ("not a database", not_a_database, ALL_DAMAGED),
    ("bad date in the summary", edit("UPDATE journeys SET updated = 'last Tuesday' "
                                     "WHERE id = ?"), READABLE),
    ("bad deleted date", edit("UPDATE journeys SET deleted = 'soon' WHERE id = ?"),
     {"list": (0, "No saved journeys"), "list --deleted": (0, "Sam"),
      "export": (1, "There is no saved journey")}),
    ("name on two lines", edit("UPDATE journeys SET name = ? WHERE id = ?",
                               "Sam\nA fake row"), READABLE),
    ("very long name", edit("UPDATE journeys SET name = ? WHERE id = ?", LONG), READABLE),
    ("name that is not text", edit("UPDATE journeys SET name = x'53616d' WHERE id = ?"),
     READABLE),
    ("mode unknown", edit("UPDATE journeys SET mode = 'flying' WHERE id = ?"), READABLE),
]


@pytest.mark.parametrize(("what", "damage", "doors"), JOURNEYS_FILES,
                         ids=[row[0] for row in JOURNEYS_FILES])
def test_journeys_file(what: str, damage: Callable[[Path, str], None],
                       doors: dict[str, tuple[int, str]], journey_home: Path, outside: Path,
                       tmp_path: Path, words, cli) -> None:
    store = Store(journey_home)
    journey_id = start(words, store, name="Sam").journey.id
    store.close()
    damage(journey_home, journey_id)
    before = (journey_home / DB_NAME).read_bytes()
    commands = {"list": ["list"], "list --deleted": ["list", "--deleted"],
                "open": ["open", journey_id], "check": ["check", journey_id],
                "export": ["export", journey_id, "-o", str(tmp_path / "plan.md")],
                "summary": ["summary", journey_id]}
    for door, (code, says) in doors.items():
        result = cli(*commands[door])
        plain(result, code, says)
        if door.startswith("list") and code == 0 and "ID" in result.stdout:
            rows_fit(result.stdout)
        if door == "export" and code == 0:
            assert "Sam" in (tmp_path / "plan.md").read_text()
    if doors is ALL_DAMAGED:
        assert (journey_home / DB_NAME).read_bytes() == before  # left exactly as it was
    untouched(outside)


@pytest.mark.parametrize("args", [["rename", PATH_ID, "Jo"], ["delete", PATH_ID],
                                  ["delete", PATH_ID, "--purge"], ["export", PATH_ID]],
                         ids=["rename", "delete", "purge", "export"])
def test_a_journey_whose_id_is_a_path_never_reaches_outside(
        args: list[str], journey_home: Path, outside: Path, words, cli) -> None:
    store = Store(journey_home)
    id_is_a_path(journey_home, start(words, store, name="Sam").journey.id)
    store.close()
    plain(cli(*args), 0, "")
    untouched(outside)
    store = Store(journey_home)
    try:
        if args[-1] != "--purge":
            session = Session(words, store, store.load(PATH_ID, deleted=True))
            assert session.claim()  # opening it takes a lock inside the data folder
            untouched(outside)
        locks = list((journey_home / LOCKS).iterdir())
        assert all(p.parent == journey_home / LOCKS for p in locks)
    finally:
        store.close()


def test_an_id_typed_at_the_command_line_is_not_a_path(journey_home: Path, outside: Path,
                                                       cli) -> None:
    Store(journey_home).close()
    for args in (["rename", PATH_ID, "Jo"], ["delete", PATH_ID, "--purge"],
                 ["open", PATH_ID], ["export", PATH_ID]):
        plain(cli(*args), 1, "There is no saved journey")
    untouched(outside)


# -- where exports go ----------------------------------------------------------------------


def export_targets(tmp_path: Path) -> dict[str, Path]:
    """Places that are not ordinary files. The device is journey's own copy of /dev/null
    where it can be made (as root), so a test that fails cannot harm the real one; as
    anyone else, the real one cannot be harmed."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()
    device = Path("/dev/null")
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    link = tmp_path / "null-link"
    link.symlink_to(device)
    return {"device": device, "fifo": pipe, "folder": folder, "link": link}


EXPORTS = [["export", "{id}", "--format", f, "-o", "{out}"]
           for f in ("md", "txt", "html", "docx", "profile-md", "profile-html", "prep",
                     "json")] + [["summary", "{id}", "-o", "{out}"], ["backup", "{out}"]]


@pytest.mark.posix
@pytest.mark.parametrize("command", EXPORTS,
                         ids=[f"{c[0]} {c[3]}" if c[0] == "export" else c[0] for c in EXPORTS])
def test_exports_go_only_to_ordinary_files(command: list[str], journey_home: Path,
                                           tmp_path: Path, words, cli) -> None:
    store = Store(journey_home)
    journey_id = start(words, store, name="Sam").journey.id
    store.close()
    for what, target in export_targets(tmp_path).items():
        kind = stat.S_IFMT(target.stat().st_mode)
        mode = stat.S_IMODE(target.stat().st_mode)
        args = [a.format(id=journey_id, out=target) for a in command]
        plain(cli(*args), 1, "is a folder or a device, not a file")
        assert stat.S_IFMT(target.stat().st_mode) == kind, what
        assert stat.S_IMODE(target.stat().st_mode) == mode, what  # never chmod /dev/null
    assert not list(tmp_path.glob(".*.part"))
    assert not list((tmp_path / "folder").iterdir())


def test_file_names_offered_for_a_journey_stay_in_their_folder() -> None:
    from journey.documents.files import CHOICES, file_name

    for fmt in CHOICES:
        offered = Path("/home/sam") / file_name(PATH_ID, fmt)
        assert offered.parent == Path("/home/sam") and ".." not in offered.parts


def test_an_id_on_two_lines_keeps_to_its_row(journey_home: Path, words, cli) -> None:
    store = Store(journey_home)
    journey_id = start(words, store, name="Sam").journey.id
    store.close()
    db = sqlite3.connect(journey_home / DB_NAME)
    db.execute("UPDATE journeys SET id = 'abc\nFAKE ROW' WHERE id = ?", (journey_id,))
    db.execute("UPDATE events SET journey = 'abc\nFAKE ROW' WHERE journey = ?", (journey_id,))
    db.commit()
    db.close()
    listed = cli("list")
    plain(listed, 0, "abc FAKE ROW")
    assert len(listed.stdout.splitlines()) == 2
