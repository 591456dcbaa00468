"""Settings that stay between runs, --theme for one run, NO_COLOR, and fewer animations."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.store import settings
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.themes import HIGH_CONTRAST, NO_COLOUR

from .helpers import is_private

SIZE = (120, 40)


def test_settings_are_saved_privately_and_read_back(tmp_path: Path) -> None:
    assert settings.load() == (settings.Settings(), None)
    chosen = settings.Settings(theme='odd "name" \\ é', speak=True, animations=False)
    assert settings.save(chosen) is None
    where = settings.path()
    assert where.parent == tmp_path / "config"
    assert is_private(where)
    assert settings.load() == (chosen, None)


@pytest.mark.parametrize("text", ["theme = ", 'speak = "yes"\n', "\xff\xfe", "[x]\ny = 1"])
def test_a_bad_settings_file_is_set_aside_with_a_plain_message(text: str) -> None:
    settings.path().parent.mkdir(parents=True)
    settings.path().write_bytes(text.encode("latin-1"))
    found, problem = settings.load()
    if text.startswith("[x]"):  # unknown tables are left alone
        assert (found, problem) == (settings.Settings(), None)
        return
    assert found == settings.Settings()
    assert problem is not None and "could not be read" in problem and str(settings.path()) in (
        problem)


def test_a_settings_folder_that_cannot_be_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("JOURNEY_CONFIG", str(blocker))
    problem = settings.save(settings.Settings(theme="x"))
    assert problem is not None and "could not be saved" in problem


async def test_a_theme_chosen_in_the_app_is_remembered(store: Store) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme != HIGH_CONTRAST.name
        app.theme = HIGH_CONTRAST.name  # as the command palette's theme change does
        await pilot.pause()
    assert settings.load()[0].theme == HIGH_CONTRAST.name
    again = JourneyApp(store, new=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == HIGH_CONTRAST.name


async def test_theme_for_one_run_is_not_remembered(store: Store) -> None:
    app = JourneyApp(store, new=True, theme=HIGH_CONTRAST.name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
    assert settings.load()[0].theme == ""
    unknown = JourneyApp(store, new=True, theme="no-such-theme")
    async with unknown.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = [n.message for n in unknown._notifications]
        assert any("no theme called no-such-theme" in n for n in notes)


async def test_a_bad_settings_file_is_said_once_and_the_app_opens(store: Store) -> None:
    settings.path().parent.mkdir(parents=True)
    settings.path().write_text("theme = [")
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert len([n for n in notes if "settings could not be read" in n]) == 1
        assert app.screen.session.name == "Sam"  # type: ignore[attr-defined]


async def test_animations_can_be_turned_off_and_stay_off(store: Store) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        assert app.animation_level != "none"
        app.toggle_animations()
        await pilot.pause()
        assert app.animation_level == "none"
    assert settings.load()[0].animations is False
    again = JourneyApp(store, new=True)
    async with again.run_test(size=SIZE):
        assert again.animation_level == "none"


async def test_no_color_uses_the_no_colour_theme_and_filter(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.filter import Monochrome, NoColor

    settings.save(settings.Settings(theme=HIGH_CONTRAST.name))
    monkeypatch.setenv("NO_COLOR", "1")
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == NO_COLOUR.name
        assert any(isinstance(f, NoColor) for f in app._filters)
        assert not any(isinstance(f, Monochrome) for f in app._filters)
    assert settings.load()[0].theme == HIGH_CONTRAST.name  # not replaced by the no-colour one


COLOUR = re.compile(rb"\x1b\[[0-9;]*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")


def screen_bytes(env: dict[str, str], seconds: float = 8.0) -> bytes:
    """What the app sends to a real terminal in its first moments."""
    import pty  # POSIX only

    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "journey", "new"], stdin=child,
                               stdout=child, stderr=child, env=env, close_fds=True,
                               start_new_session=True)
    os.close(child)
    sent = b""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline and b"What name" not in sent:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    sent += os.read(main, 65536)
                except OSError:
                    break
        # A little more, for the rest of the first screen.
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            ready, _, _ = select.select([main], [], [], 0.1)
            if ready:
                try:
                    sent += os.read(main, 65536)
                except OSError:
                    break
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(main)
    return sent


@pytest.mark.posix
@pytest.mark.parametrize("no_color", ["1", ""])
def test_no_colour_codes_reach_the_terminal(journey_home: Path, tmp_path: Path,
                                            no_color: str) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home), "TERM": "xterm-256color",
           "COLORTERM": "truecolor", "JOURNEY_CONFIG": str(tmp_path / "config"),
           "NO_COLOR": no_color}
    sent = screen_bytes(env)
    assert b"What name" in sent
    if no_color:
        assert not COLOUR.search(sent), COLOUR.search(sent)
    else:  # the test can tell: without NO_COLOR there are colours
        assert COLOUR.search(sent)
