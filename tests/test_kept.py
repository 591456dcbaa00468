"""Nothing journey keeps for itself can be turned against the person. Whatever is put in
place of the kept content or a compiled template (planted bytecode, an edited or damaged
copy, a pipe, a link, a file of another user's or one anyone may write, in a folder anyone
may write) is never run and never trusted: each command still works, gives the right output
and says nothing about it, and what was found is made again."""

from __future__ import annotations

import marshal
import os
import pickle
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journey.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "examples" / "mia.json"
TIMEOUT = 60  # a command that waits on a pipe never ends: fail rather than hang the suite
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SOMEONE_ELSE = 65534  # "nobody"
KEPT = "content/content.pickle"


def journey(*args: str) -> subprocess.CompletedProcess[str]:
    """A journey command as a person runs it, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, timeout=TIMEOUT, env=os.environ.copy(), cwd=ROOT)


@pytest.fixture
def cache() -> Path:
    return Path(os.environ["JOURNEY_CACHE"])


@pytest.fixture
def mia(journey_home: Path) -> str:
    assert cli.main(["import", str(EXAMPLE)]) == 0
    from journey.store.database import Store

    store = Store(journey_home)
    [saved] = store.list()
    store.close()
    return saved.id


@pytest.fixture
def made(mia: str, cache: Path, tmp_path: Path) -> dict[str, str]:
    """What the commands say with nothing kept yet; they keep content and templates."""
    out = tmp_path / "first.md"
    exported = journey("export", mia, "--format", "md", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert (cache / KEPT).is_file() and templates(cache)
    return {"export": out.read_text(), "list": journey("list").stdout,
            "check": journey("check", mia).stdout,
            "kept": "\0".join(str(p) for p in [cache / KEPT, *templates(cache)])}


def templates(cache: Path) -> list[Path]:
    return sorted((cache / "templates").glob("__jinja2_*.cache"))


def planted_templates(cache: Path, marker: Path) -> list[Path]:
    """Compiled templates as Jinja2 writes them, with the right checksums, whose code
    appends the template's name to `marker` when run."""
    from jinja2 import BytecodeCache, Environment, FileSystemLoader
    from jinja2.bccache import bc_magic

    from journey.content import content_dir

    loader = FileSystemLoader(str(content_dir() / "templates"))
    env = Environment(loader=loader)
    planted = []
    for name in env.list_templates():
        source, filename, _ = loader.get_source(env, name)
        key = BytecodeCache().get_cache_key(name, filename)
        checksum = BytecodeCache().get_source_checksum(source)
        code = compile(f"open({str(marker)!r}, 'a').write({name!r} + '\\n')", name, "exec")
        path = cache / "templates" / f"__jinja2_{key}.cache"
        if path.exists() or path.is_symlink():
            path.unlink()
        path.write_bytes(bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
        planted.append(path)
    assert len(planted) >= 8
    return planted


def edited_content(cache: Path) -> list[Path]:
    """The kept content, still well formed, with the plan's heading changed."""
    path = cache / KEPT
    data = path.read_bytes()
    assert data.count(b"Support plan for") == 1
    path.write_bytes(data.replace(b"Support plan for", b"HACKED! Pay to: "))
    return [path]


def one_byte_changed(paths: list[Path]) -> list[Path]:
    """One byte of each file changed: in the kept content, the plan title's "{name}"
    becomes "{nbme}", which the words of the title no longer name."""
    data = paths[0].read_bytes()
    assert data.count(b"Support plan for {name}") == 1
    paths[0].write_bytes(data.replace(b"Support plan for {name}", b"Support plan for {nbme}"))
    for path in paths[1:]:
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    return paths


def fifos(paths: list[Path]) -> list[Path]:
    for path in paths:
        path.unlink()
        os.mkfifo(path)
    return paths


def links(paths: list[Path]) -> list[Path]:
    """Each kept file moved out of the cache, and a link to it left in its place."""
    elsewhere = paths[0].parent.parent.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    for n, path in enumerate(paths):
        target = elsewhere / f"{n}-{path.name}"
        path.rename(target)
        path.symlink_to(target)
    return paths


def given_away(paths: list[Path]) -> list[Path]:
    for path in paths:
        os.chown(path, SOMEONE_ELSE, SOMEONE_ELSE, follow_symlinks=False)
    return paths


def open_to_all(paths: list[Path]) -> list[Path]:
    for path in paths:
        path.chmod(0o666)
    return paths


def all_folders_open(cache: Path) -> None:
    for folder in (cache / "content", cache / "templates"):
        folder.chmod(0o777)


Spoil = Callable[[Path, Path], list[Path]]  # (cache, marker) -> the files spoilt

CASES: dict[str, Spoil] = {
    "planted bytecode": lambda cache, marker: planted_templates(cache, marker),
    "planted bytecode, 0666": lambda cache, marker: open_to_all(
        planted_templates(cache, marker)),
    "edited content": lambda cache, marker: edited_content(cache),
    "edited content, 0666": lambda cache, marker: open_to_all(edited_content(cache)),
    "one byte changed": lambda cache, marker: one_byte_changed([cache / KEPT,
                                                                *templates(cache)]),
    "pipes": lambda cache, marker: fifos([cache / KEPT, *templates(cache)]),
    "links to good copies": lambda cache, marker: links([cache / KEPT, *templates(cache)]),
    "links to planted files": lambda cache, marker: links(
        [*edited_content(cache), *planted_templates(cache, marker)]),
    "good copies open to all": lambda cache, marker: open_to_all([cache / KEPT,
                                                                 *templates(cache)]),
    "folders open to all, files planted": lambda cache, marker: (
        all_folders_open(cache), [*edited_content(cache), *planted_templates(cache, marker)]
    )[1],
}
if AS_ROOT:  # only root can give a file away; tests/test_kept_checks.py covers the rest
    CASES |= {
        "another user's planted files": lambda cache, marker: given_away(
            [*edited_content(cache), *planted_templates(cache, marker)]),
        "another user's good copies, 0666": lambda cache, marker: open_to_all(given_away(
            [cache / KEPT, *templates(cache)])),
    }


def _private_own_file(path: Path) -> None:
    info = path.lstat()
    assert stat.S_ISREG(info.st_mode), path
    assert stat.S_IMODE(info.st_mode) == 0o600, path
    assert info.st_uid == os.getuid(), path


@pytest.mark.posix
@pytest.mark.parametrize("case", list(CASES))
def test_a_spoilt_cache_never_runs_code_and_every_command_still_works(
        case: str, made: dict[str, str], mia: str, cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    spoilt = CASES[case](cache, marker)
    out = tmp_path / "again.md"
    exported = journey("export", mia, "--format", "md", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert not marker.exists(), "planted code was run"
    assert "Traceback" not in exported.stderr
    assert out.read_text() == made["export"]
    assert "HACKED" not in out.read_text()
    for command, args in (("list", ()), ("check", (mia,))):
        ran = journey(command, *args)
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout == made[command] and "Traceback" not in ran.stderr
    assert not marker.exists()
    # What was found has been made again, whole and private, in place of what was there
    # (of the templates, those the export uses).
    used = set(made["kept"].split("\0"))
    for path in spoilt:
        if str(path) in used:
            _private_own_file(path)
    for folder in (cache / "content", cache / "templates"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    # The content made again is used: the next start reads it back without checking it.
    check = ("import sys, journey.content as c\nc.default()\n"
             "print('pydantic' in sys.modules)")
    again = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                           timeout=TIMEOUT, env=os.environ.copy(), check=True)
    assert again.stdout.strip() == "False"


@pytest.mark.posix
def test_the_app_starts_with_pipes_in_the_cache(made: dict[str, str], cache: Path) -> None:
    """The app loads content before its first screen: a pipe there must not stop it."""
    fifos([cache / KEPT, *templates(cache)])
    code = ("import journey.content as c, journey.tui.app\n"
            "print(len(c.default().steps))")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=TIMEOUT, env=os.environ.copy())
    assert ran.returncode == 0 and int(ran.stdout) > 5, ran.stderr


@pytest.mark.parametrize("where", ["cache", "data folder"])
def test_every_command_works_where_nothing_can_be_kept(
        where: str, made: dict[str, str], mia: str, cache: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be made, or no key to be had (the data folder's place for
    it taken by a folder): content is checked and templates compiled each time."""
    if where == "cache":
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder")
        monkeypatch.setenv("JOURNEY_CACHE", str(blocked / "cache"))
    else:
        key = Path(os.environ["JOURNEY_HOME"]) / "cache.key"
        key.unlink()
        key.mkdir()
    for _ in range(2):
        out = tmp_path / "again.md"
        exported = journey("export", mia, "--format", "md", "-o", str(out))
        assert exported.returncode == 0 and "Traceback" not in exported.stderr
        assert out.read_text() == made["export"]
        for command, args in (("list", ()), ("check", (mia,))):
            ran = journey(command, *args)
            assert ran.returncode == 0 and ran.stdout == made[command], ran.stderr
