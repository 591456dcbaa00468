"""Money in the app: an unclear amount is offered back as journey would read it, words for
the period chosen beside it are understood, and nothing typed is lost."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from journey.store.database import Store
from journey.tui.app import JourneyApp

from .test_tui import choose, plan_text, question, shown, through_welcome


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_money_is_read_as_meant_or_asked_about(store: Store,
                                                     size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await through_welcome(pilot)
        app.screen.session.go_to_question("personal-budget.known")
        app.screen.show_question()
        await pilot.pause()
        await choose(pilot, 0)  # yes, they know it
        assert question(app) == "personal-budget.amount"
        box = app.screen.query_one("#amount", Input)
        for typed, says in (("12,50", "Did you mean £12.50? If so, please type 12.50."),
                            ("12 34", "Did you mean £1,234.00?"),
                            ("15 an hour", "counts money by the week")):
            box.value = ""
            await pilot.press(*typed, "enter")
            await pilot.pause()
            assert says in shown(app, "#error"), typed
            assert question(app) == "personal-budget.amount"
            assert box.value == typed  # nothing typed is lost
        # The period offered first is only a start: the words typed after the amount choose it.
        box.value = ""
        await pilot.press(*"320 a month", "enter")
        await pilot.pause()
        assert question(app) != "personal-budget.amount"
        assert "£320.00 a month" in plan_text(app)
        # Once a period is chosen (here, saved before), words for another are asked about.
        app.screen.session.go_to_question("personal-budget.amount")
        app.screen.show_question()
        await pilot.pause()
        box = app.screen.query_one("#amount", Input)
        box.value = ""
        await pilot.press(*"320 a week", "enter")
        await pilot.pause()
        assert 'choose "a week" there' in shown(app, "#error")
        assert question(app) == "personal-budget.amount"
