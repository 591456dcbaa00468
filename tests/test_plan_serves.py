"""Each piece of costed support says which of the person's needs and outcomes it meets,
chosen from their own list: in the app's form, in the plain conversation, and as a saved value
that is checked before it is used. The check names a need or outcome nothing meets."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, SelectionList, Static

from journey.core import fit
from journey.plan import aims
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.items import ItemForm

from .examples import item
from .helpers import start
from .test_plain import Person, converse
from .test_tui import opened, plan_text
from .test_typing import SIZES, burst, settle

NEEDS = ["Getting out", "Cooking"]
OUTCOMES = ["See my friends"]


def with_aims(words, store: Store):
    session = start(words, store)
    session.go_to_question("assessment.hard")
    session.answer(NEEDS)
    session.go_to_question("planning.outcomes")
    session.answer(OUTCOMES)
    session.go_to_question("planning.costs")
    return session


async def save(pilot) -> None:
    """Enter in the form's last box saves it."""
    pilot.app.screen.query_one("#item-cost", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, ItemForm)


def test_the_persons_own_list_comes_from_their_answers(words, store: Store) -> None:
    session = with_aims(words, store)
    assert aims(session.snapshot()) == [*NEEDS, *OUTCOMES]
    session.go_to_question("assessment.eligible-needs")  # not asked: no decision yet
    assert session.question.id != "assessment.eligible-needs"
    session.go_to_question("assessment.status")
    session.answer("yes")
    session.go_to_question("assessment.decision")
    session.answer("some-eligible")
    assert session.question.id == "assessment.eligible-needs"
    session.answer(["cooking ", "Eating and drinking"])  # the same need, written again
    assert aims(session.snapshot()) == [*NEEDS, "Eating and drinking", *OUTCOMES]


@pytest.mark.parametrize("size", SIZES)
async def test_support_says_what_it_meets_by_ticking(words, store: Store,
                                                     size: tuple[int, int]) -> None:
    session = with_aims(words, store)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # Add
        assert isinstance(app.screen, ItemForm)
        await pilot.press(*"PA", "enter", *"It helps", "enter")
        ticks = app.screen.query_one("#item-serves", SelectionList)
        assert app.focused is ticks
        assert [str(ticks.get_option_at_index(i).prompt) for i in range(3)] == [
            *NEEDS, *OUTCOMES]
        await pilot.press("space", "down", "down", "space", "enter")  # Enter: the next box
        assert app.focused.id == "item-provider"
        await pilot.press("enter", "enter", *"2", "enter", "enter", *"3", "enter", "enter",
                          *"15", "enter")
        await pilot.pause()
        saved = app.screen.session.journey.value("planning.costs")
        assert saved[0]["serves"] == ["Getting out", "See my friends"]
        assert "Meets: Getting out; See my friends." in plan_text(app)
        plan = app.screen.session.plan()
        assert {a.label: a.met_by for a in plan.outcomes} == {
            "Getting out": ["PA"], "Cooking": [], "See my friends": ["PA"]}
        unmet = [f for f in plan.readiness.findings if f.code == "not_met"]
        assert [f.text for f in unmet] == [
            "Nothing in the costed support says it meets: Cooking."]
        assert unmet[0].question == "planning.costs"

        listed = app.screen.query_one("#items-list", OptionList)
        listed.focus()
        await pilot.press("enter")  # change it: the ticks are as saved
        ticks = app.screen.query_one("#item-serves", SelectionList)
        assert ticks.selected == ["Getting out", "See my friends"]
        ticks.focus()
        await pilot.press("space", "down", "space")  # untick "Getting out", tick "Cooking"
        await save(pilot)
        saved = app.screen.session.journey.value("planning.costs")
        assert saved[0]["serves"] == ["Cooking", "See my friends"]
        assert not [f for f in app.screen.session.plan().readiness.findings
                    if f.code == "not_met" and "Cooking" in f.text]


@pytest.mark.parametrize("size", SIZES)
async def test_ticks_typed_in_one_burst_are_all_kept(words, store: Store,
                                                     size: tuple[int, int]) -> None:
    """A fast typist's "Space, Down, Down, Space" ticks the first and the third."""
    session = with_aims(words, store)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        burst(pilot, *"PA", "enter", *"It helps", "enter", "space", "down", "down", "space",
              "enter", "enter", "enter", "2", "enter", "enter", "3", "enter", "enter", "1", "5",
              "enter")
        await settle(pilot)
        saved = app.screen.session.journey.value("planning.costs")
        assert saved == [{**item("PA", "pa", 2, "week", "3", "15.00", "hour",
                                 "personal-budget", "It helps"),
                          "serves": ["Getting out", "See my friends"]}]


async def test_a_choice_no_longer_on_the_list_is_kept_and_shown(words, store: Store) -> None:
    session = with_aims(words, store)
    session.answer([item("Cleaner", "agency", 1, "week", "2", "18", "hour", "own-money",
                         serves=["A tidy home", "Cooking"])], move_on=False)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=SIZES[0]) as pilot:
        await opened(pilot)
        app.screen.query_one("#items-list", OptionList).focus()
        await pilot.press("enter")
        ticks = app.screen.query_one("#item-serves", SelectionList)
        assert ticks.option_count == 4  # the list, and the one ticked before it changed
        assert ticks.selected == ["Cooking", "A tidy home"]
        await save(pilot)
        saved = app.screen.session.journey.value("planning.costs")
        assert saved[0]["serves"] == ["Cooking", "A tidy home"]


async def test_with_nothing_to_choose_the_form_does_not_ask(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("planning.costs")
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=SIZES[1]) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ItemForm)
        assert not app.screen.query("#item-serves")
        assert str(app.screen.query_one("#item-title", Static).content) == "A piece of support"


def test_the_plain_conversation_asks_what_it_meets(words, store: Store) -> None:
    session = with_aims(words, store)
    person = Person({"planning.costs": ["Swimming helper", "Gets me out", "7", "1 3",
                                        "1", "1", "2", "1", "1", "3", "15", ""]},
                    opening=["1", ""], stop="planning.organise")
    out = converse(store, words, person)
    assert "Which of these does it meet?" in out
    assert "1. Getting out\n2. Cooking\n3. See my friends" in out
    assert "from 1 to 3" in out  # "7" is not one of them: asked again, kindly
    saved = store.load(session.journey.id).value("planning.costs")
    assert saved[0]["serves"] == ["Getting out", "See my friends"]


@pytest.mark.parametrize(("serves", "fits"), [
    (None, True), (["Getting out"], True), ([], True), ("Getting out", False),
    ([1], False), ([""], False), ([{"x": 1}], False), (["x"] * 101, False)])
def test_a_saved_item_is_checked_with_what_it_meets(words, serves, fits: bool) -> None:
    """A saved item whose choices cannot be read does not fit: the answer is asked again,
    and stays in its history."""
    value = item("PA", "pa", 1, "week", "2", "15", "hour", "personal-budget")
    if serves is not None:
        value["serves"] = serves
    assert fit.fits(words.question("planning.costs"), [value]) is fits
