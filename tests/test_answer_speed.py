"""The next question first: after Enter the question and its box are shown at once, and the
chat, the plan and the helper's notes catch up in the frame after. Nothing shown is stale,
no key typed meanwhile is lost, and nothing stays alive that has left the screen."""

from __future__ import annotations

import gc

import pytest
from textual.widgets import Input

from journey.store.database import Store
from journey.tui.answer import AnswerBox, TextAnswer
from journey.tui.app import JourneyApp
from journey.tui.plan_panel import PlanPanel
from journey.tui.screens.conversation import ConversationScreen

from .test_tui import SIZE, plan_text, question
from .test_typing import burst, chat, settle, value

SIZES = [SIZE, (80, 24)]


def box(app: JourneyApp) -> AnswerBox:
    return app.screen.query_one(AnswerBox)


@pytest.mark.parametrize("size", SIZES)
async def test_a_text_question_after_a_text_question_keeps_its_box(store: Store,
                                                                   size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")  # the name; on my own
        assert question(app) == "rights.hopes"
        first = box(app)
        assert isinstance(first, TextAnswer)
        await pilot.press(*"To see friends", "enter")
        await settle(pilot)
        assert question(app) == "rights.why-now"
        assert box(app) is first and first.question.id == "rights.why-now"
        assert isinstance(app.focused, Input) and app.focused.value == ""
        # Back again: the same box shows the answer given, to change it.
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert question(app) == "rights.hopes"
        assert box(app) is first and first.question.id == "rights.hopes"
        assert isinstance(app.focused, Input) and app.focused.value == "To see friends"
        await pilot.press("end", *" more often", "enter")
        await settle(pilot)
        assert value(app, "rights.hopes") == "To see friends more often"
        assert question(app) == "rights.why-now"


@pytest.mark.parametrize("size", SIZES)
async def test_the_chat_and_plan_catch_up_after_a_burst(store: Store,
                                                        size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        burst(pilot, *"Hope one", "enter", *"Now two", "enter")
        await settle(pilot)
        assert value(app, "rights.hopes") == "Hope one"
        assert value(app, "rights.why-now") == "Now two"
        said = chat(app)
        assert said.index("Hope one") < said.index("Now two")  # in the order given
        assert "Hope one" in plan_text(app)
        assert gc.isenabled()  # the collector runs again once the question is shown


async def test_text_boxes_that_left_the_screen_are_let_go(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        await pilot.press(*"A1", "enter", *"A2", "enter")  # on to a choice: a new box
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        # Textual keeps each Input subscribed to this signal until told otherwise; one that
        # is still subscribed after leaving the screen is kept alive by it.
        subscribed = list(screen.text_selection_started_signal._subscriptions)
        assert all(node.is_attached for node in subscribed)


async def test_after_a_burst_the_plan_follows_the_last_answer(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        burst(pilot, *"Sam", "enter", "enter", *"Friends", "enter", *"Tired", "enter")
        await settle(pilot)
        assert value(app, "rights.why-now") == "Tired"
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        plan = screen.session.plan()
        holding = next(s.id for s in plan.sections
                       if any(e.question == "rights.why-now" for e in s.entries))
        assert screen.query_one(PlanPanel).marked == [f"plan-{holding}"]
