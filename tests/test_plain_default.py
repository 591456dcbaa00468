"""The plain lines as the way journey opens, when a person asks: a setting kept for next time
(set in the plain lines or the app), JOURNEY_PLAIN; the app's first line says how to reach
them, and f12 carries on there. Lines fit a terminal's width, and stay whole in a pipe."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from journey.content import Journey as Content
from journey.plain import terminal, wrapping
from journey.store import settings
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import StartScreen

from .helpers import start
from .terminal import Terminal
from .test_plain import Person, converse

SIZES = [(60, 18), (80, 24), (120, 40)]
CODES = re.compile(r"\x1b\[")


def test_the_kept_setting_makes_plain_lines_the_default() -> None:
    assert not terminal.plain_remembered(False, {"TERM": "xterm"})
    assert terminal.plain_remembered(True, {"TERM": "xterm"})
    # JOURNEY_PLAIN=0 asks for the app this time; a browser tab is always the app.
    assert not terminal.plain_remembered(True, {"TERM": "xterm", "JOURNEY_PLAIN": "0"})
    assert not terminal.plain_remembered(True, {"TERM": "xterm", "TEXTUAL_DRIVER": "web"})


def test_settings_in_the_plain_lines_are_kept(store: Store, words: Content) -> None:
    person = Person({"welcome.name": ["Sam"], "welcome.mode": ["1"],
                     "rights.hopes": ["settings", "1", "3", "9999", "abc", "250", "", "To swim"]},
                    stop="rights.why-now")
    out = converse(store, words, person)
    kept = settings.load()[0]
    assert kept.plain is True and kept.speed == 250
    assert out.count(words.message("plain_setting_saved")) == 2
    assert words.message("error_speed", slowest=settings.SLOWEST,
                         fastest=settings.FASTEST) in out
    assert words.message("plain_setting_plain", state=words.message("plain_setting_on")) in out
    assert words.message("plain_setting_speed", speed=250) in out
    journey = store.load(store.list()[0].id)
    assert journey.value("rights.hopes") == "To swim"  # "settings" was never the answer
    assert "settings:" in words.message("plain_help")


async def test_the_app_keeps_the_setting_from_its_command_list(store: Store) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.toggle_plain()
        await pilot.pause()
        assert settings.load()[0].plain is True
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert app.words.message("plain_always_off") in names
        assert app.words.message("plain_now") in names
        app.toggle_plain()
        await pilot.pause()
    assert settings.load()[0].plain is False


@pytest.mark.parametrize("size", SIZES)
async def test_the_first_line_says_how_to_reach_the_plain_lines(
        store: Store, words: Content, size: tuple[int, int]) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        hint = app.screen.query_one("#plain-hint")
        assert hint.region.y == 0 and hint.region.height == 1
        assert str(hint.render()).strip() == words.message("plain_hint")
        assert len(words.message("plain_hint")) <= 58  # whole at 60 columns
    start(words, store)
    listed = JourneyApp(store)
    async with listed.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(listed.screen, StartScreen)
        assert listed.screen.query_one("#plain-hint").region.y == 0


@pytest.mark.parametrize("size", SIZES)
async def test_f12_leaves_for_the_plain_lines_keeping_what_is_typed(
        store: Store, size: tuple[int, int]) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=size) as pilot:
        # A burst: the name, Enter, and the start of the next answer, then f12.
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        await pilot.press("down", "f12")
        await pilot.pause()
    screen_journey = store.list()[0]
    assert app.plain_next == (screen_journey.id, False)
    assert not app.is_running
    fresh = JourneyApp(store, new=True)
    async with fresh.run_test(size=size) as pilot:
        await pilot.press(*"Jo", "f12")  # nothing saved yet: the plain lines start afresh
        await pilot.pause()
    assert fresh.plain_next is not None and fresh.plain_next[1] is True


async def test_f12_keeps_a_half_typed_answer_as_a_draft(store: Store, words: Content) -> None:
    session = start(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, ConversationScreen):
            await pilot.press("escape")  # who is here today: the same as last time
            await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"To swim", "f12")
        await pilot.pause()
    assert app.plain_next == (session.journey.id, False) and app.draft_kept
    # Kept as the question's draft, to be put back when the app opens it again.
    assert "To swim" in store.draft(session.journey.id, "rights.hopes").values()


def words_of(text: str) -> list[str]:
    return text.split()


@pytest.mark.posix
def test_plain_lines_fit_the_terminal_and_stay_whole_in_a_pipe(
        journey_home: Path, words: Content) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    settings.save(settings.Settings(plain=True))  # no --plain: the kept setting chooses
    shown = Terminal([], env, columns=40, rows=20)
    shown.wait_for("this plan is for?")
    shown.wait_for("> ")
    shown.type("Sam\r")
    shown.wait_for("Type the number")
    shown.type("quit\r")
    assert shown.close() == 0
    text = shown.text.replace("\r\n", "\n")
    assert not CODES.search(text)  # plain lines, not the app
    lines = text.split("\n")
    assert max(wrapping.cells(line) for line in lines) <= 40
    welcome = words.message("welcome")
    assert len(welcome) > 40
    # Every word whole and in order, though spread over lines.
    assert " ".join(words_of(welcome)) in " ".join(words_of(text))
    # A choice carried on under its own words, not under its number.
    first = next(i for i, line in enumerate(lines) if line.startswith("1. It is my plan"))
    assert lines[first + 1].startswith("   ") and lines[first + 1][3] != " "
    # The same in a pipe: each line whole, as a braille display's program wants it.
    piped = subprocess.run([sys.executable, "-m", "journey", "new"], input=b"Sam\n",
                           capture_output=True, env={**env, "COLUMNS": "40"}, timeout=60,
                           check=False)
    out = piped.stdout.decode()
    assert welcome in out.splitlines()


@pytest.mark.posix
def test_journey_plain_0_opens_the_app_and_f12_carries_on_in_plain_lines(
        journey_home: Path, words: Content) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home), "JOURNEY_PLAIN": "0"}
    settings.save(settings.Settings(plain=True))
    app = Terminal([], env, columns=60, rows=18)
    app.wait_for("f12")  # the app's first line
    app.wait_for("What name should I use")
    app.type("Sam\r")
    app.wait_for("Who is making this plan")
    app.type("\x1b[24~")  # f12
    app.wait_for(words.message("plain_switched").split(".")[0])
    assert "You were typing" not in app.text  # nothing typed in the box: nothing said
    app.wait_for("Who is making this plan")
    after = app.text.split(words.message("plain_switched").split(".")[0])[-1]
    assert "who is here today" not in after.lower()  # the same sitting carries on
    app.type("1\r")
    app.wait_for("Step 1 of 12")
    app.type("quit\r")
    assert app.close() == 0
    store = Store(journey_home)
    try:
        [summary] = store.list()
        assert store.load(summary.id).value("welcome.mode") == "self"
    finally:
        store.close()


def test_fitting_never_cuts_a_word() -> None:
    assert wrapping.fitted("2. one two three four", 10) == ["2. one two", "   three",
                                                             "   four"]
    assert wrapping.fitted("- a verylongwordindeed b", 8) == ["- a", "  verylongwordindeed",
                                                              "  b"]
    assert wrapping.fitted("short\n\nlines", 10) == ["short", "", "lines"]
    # Wide letters take two columns each.
    assert wrapping.fitted("李李李 李李", 8) == ["李李李", "李李"]


async def test_f12_at_who_is_here_today_asks_it_in_the_plain_lines(store: Store,
                                                                   words: Content) -> None:
    from journey.tui.screens.sitting import SittingScreen

    session = start(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SittingScreen)
        await pilot.press("f12")
        await pilot.pause()
    assert app.plain_next == (session.journey.id, False) and app.plain_asks_sitting
    answered = JourneyApp(store, journey=store.load(session.journey.id))
    async with answered.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # the same people as last time
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
    assert not answered.plain_asks_sitting


@pytest.mark.parametrize("size", SIZES)
async def test_f12_in_a_burst_waits_for_the_keys_before_it(store: Store,
                                                           size: tuple[int, int]) -> None:
    from .test_typing import burst, settle

    app = JourneyApp(store, new=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # As a terminal sends them: all at once, with no waiting between keys.
        burst(pilot, *"Sam", "enter", "enter", *"Going out", "f12")
        await settle(pilot)
    [saved] = store.list()
    journey = store.load(saved.id)
    assert journey.value("welcome.name") == "Sam" and journey.value("welcome.mode")
    assert app.plain_next == (saved.id, False)
    # What was typed after the answers, into the next box, is kept as its draft.
    assert "Going out" in store.draft(saved.id, "rights.hopes").values()


@pytest.mark.posix
def test_what_was_typed_before_f12_is_said_in_the_plain_lines(
        journey_home: Path, words: Content, store: Store) -> None:
    session = start(words, store)
    session.close()
    store.close()
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    app = Terminal(["open", session.journey.id], env, columns=80, rows=24)
    app.wait_for("Welcome back")
    app.wait_for("What would you most like")  # behind the dialog
    app.type("\r")  # who is here today: the same as last time
    time.sleep(2)  # the dialog closes and the box takes the focus
    app.type("Going out more\x1b[24~")  # typed, then f12 at once
    app.wait_for(words.message("plain_switched").split(".")[0])
    app.wait_for("> ")
    assert words.message("plain_draft_kept", typed="Going out more") in " ".join(
        app.text.split())
    app.type("quit\r")
    assert app.close() == 0
