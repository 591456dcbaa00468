"""Pictures of the main screens at 60x18, 80x24 and 120x40, compared with the saved ones in
tests/__snapshots__. After a change to a screen is looked at and meant, run
`.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update` and look at the new
pictures before committing them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from journey.conversation.session import Session
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.sitting import SittingScreen

from .helpers import start
from .reviewed import reviewed

SIZES = [(60, 18), (80, 24), (120, 40)]
IDS = ["60x18", "80x24", "120x40"]
Before = Callable[[Pilot], Awaitable[None]]


def steady(*keys: str) -> Before:
    """Press the keys, then stop every text box's cursor blinking, so the picture is the
    same whenever it is taken."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        if isinstance(pilot.app.screen, SittingScreen):
            await pilot.press("escape")  # the same people as last time
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for screen in pilot.app.screen_stack:
            for box in screen.query(Input):
                box.cursor_blink = False
        await pilot.pause()

    return run_before


def at(words, store: Store, question: str, mode: str = "self") -> JourneyApp:
    """The app opened on a saved journey, at one question."""
    session: Session = start(words, store, mode=mode)
    session.go_to_question(question)
    store.release(session.journey.id)
    return JourneyApp(store, journey=session.journey)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_first_question(size, store: Store, snap_compare) -> None:
    assert snap_compare(JourneyApp(store, new=True), terminal_size=size, run_before=steady())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_money_question(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "personal-budget.amount")
    assert snap_compare(app, terminal_size=size, run_before=steady(*"320", "tab"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_costed_support_form(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "planning.costs")
    assert snap_compare(app, terminal_size=size, run_before=steady("enter"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_journey_map(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "rights.hopes")
    assert snap_compare(app, terminal_size=size, run_before=steady("ctrl+g"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_check_panel(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "rights.hopes")
    assert snap_compare(app, terminal_size=size, run_before=steady("ctrl+y"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_helper_panel(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "rights.hopes", mode="with")
    assert snap_compare(app, terminal_size=size, run_before=steady())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_long_choices_to_tick(size, words, store: Store, snap_compare) -> None:
    app = at(words, store, "advocacy.hard")
    assert snap_compare(app, terminal_size=size, run_before=steady("down", "space"))


def test_the_plan_unfolded_on_a_narrow_screen(words, store: Store, snap_compare) -> None:
    app = at(words, store, "rights.hopes")
    assert snap_compare(app, terminal_size=(60, 18), run_before=steady("f9"))


def test_the_money_record(words, store: Store, snap_compare) -> None:
    from .examples import ryan_with_money

    session = ryan_with_money(words, store)
    store.release(session.journey.id)
    app = JourneyApp(store, journey=session.journey)
    assert snap_compare(app, terminal_size=(60, 18), run_before=steady("f10"))


@pytest.mark.parametrize("keys", [("ctrl+z", "v"), ("ctrl+z", "v", "up", "space", "down", "c")],
                         ids=["list", "compared"])
def test_versions_of_the_plan(keys, store: Store, snap_compare) -> None:
    from datetime import UTC, datetime

    journey = reviewed(store, light=datetime(2026, 6, 20, 10, tzinfo=UTC),
                       yearly=datetime(2027, 4, 21, 10, tzinfo=UTC))
    app = JourneyApp(store, journey=journey)
    assert snap_compare(app, terminal_size=(60, 18), run_before=steady(*keys))


def reviewing(words, store: Store, kind: str) -> JourneyApp:
    """The app opened on a review of Gareth's agreed plan ("" asks which kind)."""
    from .examples import gareth

    session = gareth(words, store)
    store.release(session.journey.id)
    return JourneyApp(store, journey=store.load(session.journey.id), review=kind)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_review_marks_each_outcome(size, words, store: Store, snap_compare) -> None:
    assert snap_compare(reviewing(words, store, "yearly"), terminal_size=size,
                        run_before=steady())


def test_review_asks_its_kind(words, store: Store, snap_compare) -> None:
    assert snap_compare(reviewing(words, store, ""), terminal_size=(60, 18),
                        run_before=steady())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_saved_journeys(size, store: Store, snap_compare, capsys,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The start screen with the four example journeys (their times are the files' own,
    shown in UTC): in columns where they fit, each on two lines where they do not, nothing
    cut."""
    import time

    from journey.cli.main import main
    from journey.content import content_dir

    for name in ("mia", "gareth", "edna", "ryan"):
        assert main(["import", str(content_dir() / "examples" / f"{name}.json")]) == 0
    capsys.readouterr()
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert snap_compare(JourneyApp(store), terminal_size=size, run_before=steady())
    finally:
        monkeypatch.undo()
        time.tzset()
