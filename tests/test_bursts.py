"""Keys that move the focus or edit through a binding (Tab, Shift+Tab, Ctrl+U, Enter) typed
in one burst with what follows them: what follows lands where it would typed slowly."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.items import ItemForm

from .helpers import start
from .test_items import at
from .test_tui import opened, question
from .test_typing import burst, settle

SIZES = [(60, 18), (80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_u_then_letters_at_once_leaves_the_letters(store: Store, size) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        assert question(app) == "rights.hopes"
        burst(pilot, *"Going out", "ctrl+u", *"Seeing friends")
        await settle(pilot)
        assert app.focused.value == "Seeing friends"
        burst(pilot, "home", "ctrl+k", *"More", "end", *"!", "enter")
        await settle(pilot)
        assert app.screen.session.journey.value("rights.hopes") == "More!"


@pytest.mark.parametrize("size", SIZES)
async def test_tabs_and_words_in_one_burst_fill_the_box_tabbed_to(words, store, size) -> None:
    app = at(words, store, "happen.first-steps")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # Add: the action form
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ItemForm)
        burst(pilot, "tab", "tab", "tab", *"next Friday")
        await settle(pilot)
        assert form.query_one("#item-what", Input).value == ""
        assert form.query_one("#item-by", Input).value == "next Friday"
        burst(pilot, "shift+tab", "shift+tab", "shift+tab", *"Ring the agency")
        await settle(pilot)
        assert form.query_one("#item-what", Input).value == "Ring the agency"
        assert form.query_one("#item-by", Input).value == "next Friday"


@pytest.mark.parametrize("size", SIZES)
async def test_a_whole_action_typed_in_one_press_call(words, store, size) -> None:
    app = at(words, store, "happen.first-steps")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter", *"Ring the agency", "tab", "tab", "tab", *"3/3/2030",
                          "enter")
        await settle(pilot)
        saved = app.screen.session.journey.value("happen.first-steps")
        assert saved and saved[0]["what"] == "Ring the agency"
        assert saved[0]["by"] == "2030-03-03"


@pytest.mark.parametrize("size", SIZES)
async def test_a_dropdown_chosen_in_a_burst_goes_on_with_the_keys_after_it(
        words, store, size) -> None:
    """Every form's dropdowns alike: Enter in the open list chooses and goes on to the
    next box, and what is typed after it goes there."""
    app = at(words, store, "circle.people")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        burst(pilot, *"Jan", "enter", *"sister", "enter", "space", "down", "enter",
              *"Shops for me", "enter")
        await settle(pilot)
        people = app.screen.session.journey.value("circle.people")
        assert [(p["name"], p["ring"], p["helps"]) for p in people] == [
            ("Jan", "friends", "Shops for me")]
        assert app.focused.id == "people-name"

    app = at(words, store, "planning.costs")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        burst(pilot, "enter", *"Cleaner", "enter", *"Tidy home", "enter", "enter", "enter",
              "1", "enter", "space", "down", "enter", "2", "enter", "enter", *"18", "enter")
        await settle(pilot)
        saved = app.screen.session.journey.value("planning.costs")
        assert [(i["what"], i["times"], i["period"], i["hours"], i["cost"])
                for i in saved] == [("Cleaner", "1", "two-weeks", "2", "18.00")]


@pytest.mark.parametrize("size", SIZES)
async def test_money_with_a_period_chosen_in_one_burst(words, store, size) -> None:
    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "personal-budget.amount"
        burst(pilot, *"1200", "tab", "space", "down", "down", "enter", "enter")
        await settle(pilot)
        saved = app.screen.session.journey.value("personal-budget.amount")
        assert saved is not None and saved["amount"] == "1200.00", saved
        assert saved["period"] != "week"
