"""Templates compiled once and kept in the cache folder; a damaged or unusable cache only
means compiling again, and a document is always made."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journey.documents import render
from journey.documents.compiled import FOLDER

from .helpers import is_private

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def fresh_environment() -> Iterator[None]:
    """Each test builds the templates' Environment again, from its own JOURNEY_CACHE."""
    render.environment.cache_clear()
    yield
    render.environment.cache_clear()


def summary_text(words, store) -> str:
    from journey.plan.summary import summarise

    from .helpers import start

    session = start(words, store, name="Sam")
    return render.render_summary(summarise(words, session.journey, None))


def kept(cache: Path) -> list[Path]:
    return sorted((cache / FOLDER).glob("*.cache"))


def test_a_template_is_compiled_once_and_then_read_from_the_cache(
        words, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = summary_text(words, store)
    cache = Path(os.environ["JOURNEY_CACHE"])
    assert kept(cache), "the compiled template was kept"
    assert is_private(cache / FOLDER)
    # The next run finds it compiled: Jinja2's compiler is not called at all.
    render.environment.cache_clear()
    from jinja2 import Environment

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(Environment, "compile", no_compiling)
    assert summary_text(words, store) == first


def test_a_damaged_cache_is_compiled_again(words, store) -> None:
    from jinja2.bccache import bc_magic

    first = summary_text(words, store)
    for path in kept(Path(os.environ["JOURNEY_CACHE"])):
        path.write_bytes(bc_magic + b"\x80\x04not a checksum")  # Jinja2's own start
    render.environment.cache_clear()
    assert summary_text(words, store) == first


@pytest.mark.posix
def test_no_usable_cache_folder_still_makes_the_document(
        words, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("JOURNEY_CACHE", str(blocker))
    assert "Sam" in summary_text(words, store)

    # A folder of the person's own that others could write to is made private again; what
    # is in it is checked file by file (tests/test_kept.py).
    shared = tmp_path / "shared"
    (shared / FOLDER).mkdir(parents=True)
    (shared / FOLDER).chmod(0o777)
    monkeypatch.setenv("JOURNEY_CACHE", str(shared))
    render.environment.cache_clear()
    assert "Sam" in summary_text(words, store)
    assert stat.S_IMODE((shared / FOLDER).stat().st_mode) == 0o700
    assert kept(shared)


@pytest.mark.skipif(not AS_ROOT, reason="only root can give a folder away")
def test_another_users_folder_is_not_used(words, store, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = tmp_path / "theirs"
    (theirs / FOLDER).mkdir(parents=True, mode=0o700)
    os.chown(theirs / FOLDER, 65534, 65534)
    monkeypatch.setenv("JOURNEY_CACHE", str(theirs))
    assert "Sam" in summary_text(words, store)
    assert not kept(theirs)
