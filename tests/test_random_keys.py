"""Seeded random keys: a few hundred key presses per seed, as a hurried or confused person
might type them (text, dates and money in many shapes, Enter, arrows, Space, Tab, Escape and
every binding), pressed one at a time and in bursts, at three terminal sizes. After each
run the app is still alive, and every journey it saved opens, checks and exports in every
format."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from journey.cli.main import NOT_READY, main
from journey.conversation.session import Session
from journey.documents.render import FORMATS
from journey.store.database import Store
from journey.tui.app import JourneyApp

from .test_typing import burst, settle

PRESSES = 300
# Six seeds in every run; JOURNEY_SEEDS=40 tries more, for a longer hunt before a release.
COUNT = int(os.environ.get("JOURNEY_SEEDS", "6"))
SIZES = [(60, 18), (80, 24), (120, 40)]
SEEDS = [(seed, SIZES[seed % len(SIZES)]) for seed in range(1, COUNT + 1)]

WORDS = [
    "Sam", "Jo", "my sister", "getting out more", "3rd March", "01/02/2027", "31/02/2027",
    "tomorrow", "next Tuesday", "2027-13-01", "£320 a week", "12,50", "£££12", "1,2",
    "abc", "-5", "1e999", "NaN", "0", "99999999999", "  ", "[bold]x[/]", "{name}",
    "{{ 7*7 }}", "ünïcödé", "😀", "\u202eevil", "a\tb",
]
KEYS = [
    "enter", "enter", "enter", "space", "tab", "shift+tab", "escape", "up", "down", "left",
    "right", "home", "end", "pageup", "pagedown", "backspace", "delete",
    "ctrl+n", "ctrl+b", "ctrl+l", "ctrl+g", "ctrl+o", "ctrl+t", "ctrl+r", "ctrl+y", "ctrl+z",
    "f1", "f2", "f3", "f4", "f5", "f6", "ctrl+p",
]


def presses(rng: random.Random) -> list[str]:
    """A person's keys: mostly words then Enter, with every other key among them."""
    keys: list[str] = []
    while len(keys) < PRESSES:
        roll = rng.random()
        if roll < 0.35:
            keys += [c if c != " " else "space" for c in rng.choice(WORDS)]
            keys.append("enter")
        elif roll < 0.45:
            keys += [rng.choice("abcdefghij0123456789")] * rng.randint(1, 3)
        else:
            keys.append(rng.choice(KEYS))
    return keys[:PRESSES]


@pytest.mark.parametrize(("seed", "size"), SEEDS)
async def test_random_keys_never_break_a_journey(seed: int, size: tuple[int, int],
                                                 store: Store, words, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture) -> None:
    # Files the app offers to save go to the home folder: keep them in this test's folder.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    rng = random.Random(seed)
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        keys = presses(rng)
        while keys:
            if app.return_code is not None:  # the keys found a way out: come back in
                break
            # Now and then a burst, as a paste tool, voice input or a macro types: many keys
            # at once, none waiting for the screen.
            if rng.random() < 0.3:
                chunk = keys[:rng.randint(2, 15)]
                keys = keys[len(chunk):]
                burst(pilot, *chunk)
                await settle(pilot)
            else:
                await pilot.press(keys.pop(0))
        await pilot.pause()
        assert app.is_running or app.return_code == 0
    store.close()

    reopened = Store(store.home)
    for summary in reopened.list():
        journey = reopened.load(summary.id)
        session = Session(words, reopened, journey)
        session.plan()
        session.statuses()
        assert main(["check", summary.id]) in (0, NOT_READY)
        assert main(["summary", summary.id]) == 0
        for fmt in [*FORMATS, "prep", "json"]:
            assert main(["export", summary.id, "--format", fmt,
                         "-o", str(tmp_path / f"out.{fmt}")]) == 0, fmt
    capsys.readouterr()
    reopened.close()
