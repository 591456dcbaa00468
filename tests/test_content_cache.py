"""Checked content is kept in the cache folder and read back while the content files are
unchanged; a cache that is stale, broken or hostile is made again, never trusted."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journey import content
from journey.content import ContentError, cache, kept, loading


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copied = tmp_path / "content"
    shutil.copytree(content.content_dir(), copied)
    return copied


@pytest.fixture
def kept_in(tmp_path: Path) -> Path:
    """Where content is kept, in the cache folder the suite names (tests/conftest.py)."""
    folder = Path(os.environ["JOURNEY_CACHE"]) / "content"
    assert folder.is_relative_to(tmp_path) and cache.folder() == folder
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _no_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, content can only come from the cache."""
    def refuse(*_: object) -> None:
        raise AssertionError("content was checked again")
    monkeypatch.setattr(loading, "_check", refuse)


def _head(root: Path) -> bytes:
    return cache.FORMAT + cache.key(loading._read(root).items()) + b"\n"


def test_a_miss_then_a_hit_give_the_same_content(root: Path, kept_in: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = content.load(root)
    assert (kept_in / cache.NAME).is_file()
    _no_checking(monkeypatch)
    second = content.load(root)
    assert second == first and second is not first
    assert second.question("rights.hopes") == first.question("rights.hopes")
    assert second.step_of("rights.hopes").id == "rights"
    assert second.message("step_finished") == first.message("step_finished")
    assert second.pay_floor(None) == first.pay_floor(None)


def test_a_changed_file_is_seen(root: Path) -> None:
    before = content.load(root).question("rights.hopes").ask
    _edit(root / "steps" / "01-rights.toml", "most like this plan", "most like this new plan")
    after = content.load(root).question("rights.hopes").ask
    assert after != before and "this new plan" in after


def test_a_renamed_file_is_seen(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same bytes under another name are other content: checked again, not read back."""
    checked: list[Path] = []
    check = loading._check

    def counted(where: Path, files: loading.Files) -> content.Journey:
        checked.append(where)
        return check(where, files)
    monkeypatch.setattr(loading, "_check", counted)
    first = content.load(root)
    content.load(root)
    assert len(checked) == 1
    (root / "steps" / "12-happen.toml").rename(root / "steps" / "13-happen.toml")
    assert content.load(root) == first
    assert len(checked) == 2


def test_journey_content_names_another_folder(root: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    content.load()
    _edit(root / "steps" / "01-rights.toml", "most like this plan", "most like this other plan")
    monkeypatch.setenv("JOURNEY_CONTENT", str(root))
    assert "this other plan" in content.load().question("rights.hopes").ask


class _Run:
    """Unpickling this calls `call` with `args`: what a hostile cache file would do."""

    def __init__(self, call: object, *args: object) -> None:
        self.call, self.args = call, args

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.call, self.args


def _broken_payloads(root: Path, marker: Path) -> dict[str, bytes]:
    """What could stand in the kept file after its seal (journey.content.kept): these are
    refused as they are, unsealed, and even when sealed with the person's own key."""
    good = content.load(root)
    whole = kept.read(cache.folder() / cache.NAME)
    assert whole is not None
    whole = bytes(whole)
    head = _head(root)
    assert whole.startswith(head)
    body = whole[len(head):]
    touch = f"open({str(marker)!r}, 'w').close()"
    return {
        "empty": b"",
        "cut short": whole[: len(whole) // 2],
        "head only": head,
        "not a pickle": head + b"\x00\xffnonsense" * 50,
        "bytes changed": head + body[:100] + bytes(b ^ 0x5A for b in body[100:400]) + body[400:],
        "another version": whole.replace(cache.FORMAT, b"journey content cache 0\n", 1),
        "other content": cache.FORMAT + b"0" * 64 + b"\n" + body,
        "not content": head + pickle.dumps(["a", "list"]),
        "a step, not the whole": head + pickle.dumps(good.welcome),
        "runs a shell": head + pickle.dumps(_Run(os.system, f"touch {marker}")),
        "runs python": head + pickle.dumps(_Run(exec, touch)),
        "evaluates": head + pickle.dumps(_Run(eval, touch)),
        "imports a module": head + pickle.dumps(_Run(__import__, "this")),
        "names a class that is not content": head + pickle.dumps(subprocess.Popen),
    }


@pytest.mark.parametrize("sealed", [False, True], ids=["unsealed", "sealed"])
@pytest.mark.parametrize("case", [
    "empty", "cut short", "head only", "not a pickle", "bytes changed", "another version",
    "other content", "not content", "a step, not the whole", "runs a shell", "runs python",
    "evaluates", "imports a module", "names a class that is not content"])
def test_a_broken_or_hostile_cache_is_made_again(root: Path, kept_in: Path, tmp_path: Path,
                                                 case: str, sealed: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    good = content.load(root)
    payload = _broken_payloads(root, marker)[case]
    if sealed:  # as if the key had been read: what is in the file still cannot run code
        kept.write(cache.FOLDER, cache.NAME, payload)
        assert kept.read(kept_in / cache.NAME) == payload
    else:
        (kept_in / cache.NAME).write_bytes(payload)
        (kept_in / cache.NAME).chmod(0o600)
    again = content.load(root)
    assert again == good
    assert not marker.exists()
    assert "this" not in sys.modules
    # It was written again, whole: the next load reads it back without checking.
    assert bytes(kept.read(kept_in / cache.NAME) or b"").startswith(_head(root))
    _no_checking(monkeypatch)
    assert content.load(root) == good


@pytest.mark.posix
def test_the_cache_folder_and_file_are_private(root: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEY_CACHE", str(tmp_path / "new" / "cache"))
    content.load(root)
    folder = tmp_path / "new" / "cache" / "content"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / cache.NAME).stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [cache.NAME]  # no half-written file left


@pytest.mark.posix
def test_a_cache_folder_that_cannot_be_written_is_no_problem(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = content.load(root)
    # A folder that cannot be made (a file stands in the way) ...
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("JOURNEY_CACHE", str(blocked / "cache"))
    assert content.load(root) == expected
    # ... and one that is read-only.
    read_only = tmp_path / "read-only"
    read_only.mkdir(mode=0o500)
    monkeypatch.setenv("JOURNEY_CACHE", str(read_only))
    if os.access(read_only, os.W_OK):  # root can write anyway: make the content folder a file
        (read_only / "content").write_text("not a folder")
    try:
        assert content.load(root) == expected
        assert content.load(root) == expected
    finally:
        read_only.chmod(0o700)


def test_bad_content_is_still_reported_when_a_cache_exists(root: Path, kept_in: Path) -> None:
    content.load(root)
    assert (kept_in / cache.NAME).is_file()
    step = root / "steps" / "01-rights.toml"
    _edit(step, 'label = "Hopes for this plan"', 'label = "Hopes for this plan"\nwhy_ask = "typo"')
    with pytest.raises(ContentError) as e:
        content.load(root)
    assert "01-rights.toml" in str(e.value) and "rights.hopes" in str(e.value)
    assert "why_ask: Extra inputs are not permitted" in str(e.value)
    # The cache still holds the last good content, and is used once the mistake is undone.
    _edit(step, '\nwhy_ask = "typo"', "")
    assert content.load(root).question("rights.hopes").label == "Hopes for this plan"


def test_a_missing_file_is_reported_before_the_cache_is_read(root: Path) -> None:
    content.load(root)
    (root / "glossary.toml").unlink()
    with pytest.raises(ContentError, match=r"glossary\.toml: file is missing"):
        content.load(root)


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=os.environ.copy()).stdout


def test_a_start_with_cached_content_never_imports_pydantic_or_openssl() -> None:
    # Reading kept content back checks its seal with keyed BLAKE2 (journey.content.kept),
    # which needs neither hashlib nor hmac: both would load OpenSSL at every start.
    heavy = "('pydantic', 'hashlib', 'hmac', '_hashlib', '_ssl')"
    check = ("import sys\nimport journey.content as c\nassert 'pydantic' not in sys.modules\n"
             f"words = c.default()\nprint(len(words.steps), *(m in sys.modules for m in {heavy}))")
    first = _run(check)  # a miss: checked with pydantic, then kept
    assert first.split()[1] == "True"
    assert _run(check).split() == [first.split()[0], *["False"] * 5]
    assert (cache.folder() / cache.NAME).read_bytes().startswith(kept.MAGIC)  # and sealed
