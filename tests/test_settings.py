"""Settings that stay between runs, --theme for one run, NO_COLOR, and fewer animations."""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.store import settings
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.themes import HIGH_CONTRAST_DARK, NO_COLOUR, no_color_wanted

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
        assert app.theme != HIGH_CONTRAST_DARK.name
        app.theme = HIGH_CONTRAST_DARK.name  # as the command palette's theme change does
        await pilot.pause()
    assert settings.load()[0].theme == HIGH_CONTRAST_DARK.name
    again = JourneyApp(store, new=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == HIGH_CONTRAST_DARK.name


async def test_theme_for_one_run_is_not_remembered(store: Store) -> None:
    app = JourneyApp(store, new=True, theme=HIGH_CONTRAST_DARK.name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST_DARK.name
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

    settings.save(settings.Settings(theme=HIGH_CONTRAST_DARK.name))
    monkeypatch.setenv("NO_COLOR", "1")
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == NO_COLOUR.name
        assert any(isinstance(f, NoColor) for f in app._filters)
        assert not any(isinstance(f, Monochrome) for f in app._filters)
    assert settings.load()[0].theme == HIGH_CONTRAST_DARK.name  # not replaced by the no-colour one


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
@pytest.mark.parametrize(("no_color", "term"), [
    ("1", "xterm-256color"), ("", "xterm-256color"),
    # A terminal of fewer than 8 colours is treated as NO_COLOR.
    ("", "xterm-mono")])
def test_no_colour_codes_reach_the_terminal(journey_home: Path, tmp_path: Path,
                                            no_color: str, term: str) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home), "TERM": term,
           "JOURNEY_CONFIG": str(tmp_path / "config"), "NO_COLOR": no_color}
    env.pop("COLORTERM", None)
    env.pop("TEXTUAL_COLOR_SYSTEM", None)
    if "256" in term:
        env["COLORTERM"] = "truecolor"
    else:  # the description is read from the test's own folder, so any machine has it
        env["TERMINFO"] = str(terminfo(tmp_path / "terminfo", term, colours=None))
    sent = screen_bytes(env)
    assert b"What name" in sent
    if no_color or term == "xterm-mono":
        assert not COLOUR.search(sent), COLOUR.search(sent)
    else:  # the test can tell: without NO_COLOR there are colours
        assert COLOUR.search(sent)


def terminfo(folder: Path, term: str, colours: int | None) -> Path:
    """A compiled terminfo description of `term` (term(5)), naming `colours` or, with None,
    no colours at all, filed under its first letter as Linux files them."""
    names = term.encode() + b"\0"
    bools = b"\x01"  # one true boolean (auto_left_margin)
    numbers = [80, -1, 24] + ([-1] * 10 + [colours] if colours is not None else [])
    header = struct.pack("<6h", 0o432, len(names), len(bools), len(numbers), 0, 0)
    body = names + bools + (b"\0" if (len(names) + len(bools)) % 2 else b"")
    body += struct.pack(f"<{len(numbers)}h", *numbers)
    (folder / term[0]).mkdir(parents=True, exist_ok=True)
    (folder / term[0] / term).write_bytes(header + body)
    return folder


@pytest.mark.parametrize(("colours", "none_shown"), [(None, True), (2, True), (8, False),
                                                    (256, False)])
def test_a_terminal_of_fewer_than_8_colours_means_no_colour(
        tmp_path: Path, colours: int | None, none_shown: bool) -> None:
    folder = terminfo(tmp_path / "terminfo", "odd-term", colours)
    env = {"TERM": "odd-term", "TERMINFO": str(folder)}
    assert no_color_wanted(env) is none_shown
    # Said outright, a colour system or a colour terminal keeps the colours.
    assert not no_color_wanted({**env, "COLORTERM": "truecolor"})
    assert not no_color_wanted({**env, "TEXTUAL_COLOR_SYSTEM": "truecolor"})
    assert no_color_wanted({**env, "NO_COLOR": "1"})


def test_a_terminal_not_described_is_judged_by_its_name(tmp_path: Path) -> None:
    empty = {"TERMINFO": str(tmp_path), "TERMINFO_DIRS": str(tmp_path)}
    assert no_color_wanted({**empty, "TERM": "unheard-of-mono"})
    assert not no_color_wanted({**empty, "TERM": "unheard-of"})
    assert not no_color_wanted({})  # no TERM at all, as on Windows


async def test_a_mono_terminal_gets_the_no_colour_theme(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.setenv("TERM", "odd-mono")
    monkeypatch.setenv("TERMINFO", str(terminfo(tmp_path / "terminfo", "odd-mono", None)))
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == NO_COLOUR.name
