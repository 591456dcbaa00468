"""The checks behind what journey keeps (journey.content.kept): the key that seals kept
files, a file of another user's, a seal made for another place or with another key, a
read-only disk, folders made under any umask, and Windows, where files have no owners."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journey import content
from journey.content import cache, kept, loading

from . import no_posix

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copied = tmp_path / "content"
    shutil.copytree(content.content_dir(), copied)
    return copied


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each time content is checked rather than read back from the cache."""
    calls: list[Path] = []
    check = loading._check

    def counted(where: Path, files: loading.Files) -> content.Journey:
        calls.append(where)
        return check(where, files)
    monkeypatch.setattr(loading, "_check", counted)
    return calls


def key_file() -> Path:
    return kept.data_home() / kept.KEY_NAME


def kept_file() -> Path:
    return cache.folder() / cache.NAME


@pytest.mark.posix
def test_the_key_is_private_made_once_and_kept_in_the_data_folder(
        root: Path, checked: list[Path], journey_home: Path) -> None:
    assert not journey_home.exists()
    good = content.load(root)
    path = journey_home / kept.KEY_NAME
    info = path.lstat()
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_size == kept.KEY_SIZE
    assert stat.S_IMODE(journey_home.stat().st_mode) == 0o700
    made = path.read_bytes()
    assert [p.name for p in journey_home.iterdir()] == [kept.KEY_NAME]  # nothing left over
    assert content.load(root) == good and len(checked) == 1
    assert path.read_bytes() == made


def _short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


def _readable_by_others(path: Path) -> None:
    path.chmod(0o644)


def _link(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.key"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)


def _pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _given_away(path: Path) -> None:
    os.chown(path, 65534, 65534)


def _gone(path: Path) -> None:
    path.unlink()


DAMAGE = {"cut short": _short, "readable by others": _readable_by_others, "a link": _link,
          "a pipe": _pipe, "gone": _gone}
if AS_ROOT:
    DAMAGE["another user's"] = _given_away


@pytest.mark.posix
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_an_unusable_key_is_made_again_and_with_it_what_is_kept(
        damage: str, root: Path, checked: list[Path]) -> None:
    good = content.load(root)
    before = key_file().read_bytes()
    DAMAGE[damage](key_file())
    assert content.load(root) == good
    assert len(checked) == 2  # what was sealed with the old key is not trusted
    info = key_file().lstat()
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_uid == os.getuid()
    assert key_file().read_bytes() != before
    assert content.load(root) == good and len(checked) == 2  # kept again with the new key


def test_a_folder_in_place_of_the_key_means_nothing_is_kept(
        root: Path, checked: list[Path]) -> None:
    good = content.load(root)
    key_file().unlink()
    key_file().mkdir()
    for n in (2, 3):
        assert content.load(root) == good and len(checked) == n


def test_no_data_folder_means_nothing_is_kept(root: Path, checked: list[Path], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("JOURNEY_HOME", str(blocked / "journey"))
    good = content.load(root)
    assert content.load(root) == good and len(checked) == 2
    assert not kept_file().exists()


def test_a_key_made_at_the_same_moment_by_another_journey_is_used(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = os.urandom(kept.KEY_SIZE)
    link = os.link

    def beaten(source: str, target: Path) -> None:  # the other journey's key lands first
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, theirs)
        os.close(fd)
        link(source, target)
    monkeypatch.setattr(os, "link", beaten)
    assert kept.key(make=True) == theirs
    assert key_file().read_bytes() == theirs
    assert [p.name for p in key_file().parent.iterdir()] == [kept.KEY_NAME]


def test_a_seal_holds_only_for_its_own_place_and_key(root: Path, checked: list[Path]) -> None:
    good = content.load(root)
    sealed = kept_file().read_bytes()
    assert kept.read(kept_file()) is not None
    # The same file moved to where a compiled template is kept is refused there.
    template = kept.private_folder("templates")
    assert template is not None
    (template / "__jinja2_0.cache").write_bytes(sealed)
    (template / "__jinja2_0.cache").chmod(0o600)
    assert kept.read(template / "__jinja2_0.cache") is None
    # A file sealed with another key is refused: a key of its own cannot be slipped in.
    key_file().write_bytes(os.urandom(kept.KEY_SIZE))
    assert kept.read(kept_file()) is None
    assert content.load(root) == good and len(checked) == 2


@pytest.mark.posix
@pytest.mark.parametrize("how", ["chown", "owner check"])
def test_another_users_file_is_not_trusted(how: str, root: Path, checked: list[Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    good = content.load(root)
    if how == "chown":
        if not AS_ROOT:
            pytest.skip("only root can give a file away")
        os.chown(kept_file(), 65534, 65534)
    else:  # as journey would see it run by someone else: every kept file is another's
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    assert kept.read(kept_file()) is None
    assert content.load(root) == good and len(checked) == 2


def test_a_read_only_disk_keeps_nothing_and_stops_nothing(
        root: Path, checked: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.documents import render
    from journey.documents.compiled import bytecode_cache

    good = content.load(root)
    assert kept.private_folder("templates") is not None
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kw: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kw)

    def refused(path: object, *args: object, **kw: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    with monkeypatch.context() as disk:
        disk.setattr(os, "open", read_only)
        for call in ("mkdir", "replace", "link", "chmod", "unlink"):
            disk.setattr(os, call, refused)
        assert content.load(root) == good and len(checked) == 1  # what is kept is read
        key_file().rename(key_file().with_name("moved"))  # nor is a key to be had
        for n in (2, 3):
            assert content.load(root) == good and len(checked) == n
        render.environment.cache_clear()
        try:
            assert bytecode_cache() is not None  # the folder is there, and only read
            assert render.environment().get_template("plan.md.j2") is not None
        finally:
            render.environment.cache_clear()
        assert not list((kept.cache_home() / "templates").iterdir())
    shutil.rmtree(kept.cache_home())
    with monkeypatch.context() as disk:
        disk.setattr(os, "mkdir", refused)
        assert bytecode_cache() is None  # no folder to be had: compiled each time


@pytest.mark.posix
def test_folders_made_are_private_whatever_the_umask(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEY_CACHE", str(tmp_path / "a" / "b" / "cache"))
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path / "d" / "e" / "home"))
    old = os.umask(0)
    try:
        content.load(root)
        kept.private_folder("templates")
        monkeypatch.delenv("JOURNEY_CACHE")  # the user's cache folder, when it is missing
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user" / ".cache"))
        content.load(root)
    finally:
        os.umask(old)
    made = [tmp_path / p for p in ("a", "a/b", "a/b/cache", "a/b/cache/content",
                                   "a/b/cache/templates", "d", "d/e", "d/e/home", "user",
                                   "user/.cache", "user/.cache/journey",
                                   "user/.cache/journey/content")]
    assert {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode)) for p in made} \
        == {str(p.relative_to(tmp_path)): "0o700" for p in made}
    for path in (kept_file(), tmp_path / "a/b/cache/content" / cache.NAME,
                 tmp_path / "d/e/home" / kept.KEY_NAME):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _journey_modules() -> list[str]:
    return [name for name in sys.modules if name == "journey" or name.startswith("journey.")]


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This Python without the POSIX-only calls, journey's modules imported afresh in it."""
    no_posix.take_away(monkeypatch.delattr, monkeypatch.setitem, [])
    for name in _journey_modules():
        monkeypatch.delitem(sys.modules, name)
    yield
    for name in _journey_modules():
        del sys.modules[name]


@pytest.mark.posix
def test_kept_files_are_sealed_and_used_without_posix_calls(
        windows_like: None, root: Path, tmp_path: Path) -> None:
    assert not hasattr(os, "getuid") and not hasattr(os, "O_NOFOLLOW")
    from journey import content
    from journey.content import cache, kept, loading
    from journey.documents import render

    good = content.load(root)
    assert kept.read(cache.folder() / cache.NAME) is not None
    original = loading._check
    loading._check = lambda *_: pytest.fail("content was checked again")
    try:
        assert content.load(root) == good
        (cache.folder() / cache.NAME).write_bytes(b"planted")  # no seal: not trusted
        loading._check = original
        assert content.load(root) == good
        assert kept.read(cache.folder() / cache.NAME) is not None
    finally:
        loading._check = original
    # A link is refused without O_NOFOLLOW too.
    (cache.folder() / cache.NAME).rename(tmp_path / "elsewhere")
    (cache.folder() / cache.NAME).symlink_to(tmp_path / "elsewhere")
    assert kept.read(cache.folder() / cache.NAME) is None
    template = render.environment().get_template("plan.md.j2")
    assert template is not None
    assert list((kept.cache_home() / "templates").glob("__jinja2_*.cache"))


def test_journeys_starting_at_once_share_one_key(tmp_path: Path) -> None:
    """Each start with nothing kept makes a key if there is none; whichever lands first is
    the one all use, and what each kept is read back by the next start."""
    code = ("import sys, journey.content as c\nc.default()\n"
            "print('pydantic' in sys.modules)")
    env = {**os.environ, "JOURNEY_HOME": str(tmp_path / "fresh" / "home"),
           "JOURNEY_CACHE": str(tmp_path / "fresh" / "cache")}
    starts = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(4)]
    checked = []
    for start in starts:
        out, err = start.communicate(timeout=120)
        assert start.returncode == 0, err
        checked.append(out.strip())
    # On a busy machine a later start may already find what an earlier one kept.
    assert "True" in checked and set(checked) <= {"True", "False"}
    home = tmp_path / "fresh" / "home"
    assert [p.name for p in home.iterdir()] == [kept.KEY_NAME]
    assert (home / kept.KEY_NAME).stat().st_size == kept.KEY_SIZE
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, timeout=120, check=True)
    assert again.stdout.strip() == "False"
