"""The costed-support and action forms, driven with Pilot."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select, Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.items import ItemForm
from journey.tui.screens.conversation import ConversationScreen

from .helpers import start
from .test_tui import SIZE, opened, plan_text, question, shown


def at(words, store: Store, question_id: str) -> JourneyApp:
    session = start(words, store)
    session.go_to_question(question_id)
    return JourneyApp(store, journey=session.journey)


async def fill(pilot, values: dict[str, str]) -> None:
    form = pilot.app.screen
    assert isinstance(form, ItemForm)
    for key, value in values.items():
        widget = form.query_one(f"#item-{key}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    await pilot.pause()


PA = {"what": "PA for swimming", "helps": "Getting out", "provider": "pa", "times": "2",
      "period": "week", "hours": "3", "cost": "15.50", "per": "hour",
      "funding": "personal-budget"}


async def test_add_change_and_remove_support_items(words, store: Store) -> None:
    app = at(words, store, "planning.costs")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert question(app) == "planning.costs"
        assert app.focused.id == "items-add"
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, {**PA, "hours": "lots"})
        await pilot.click("#item-save")
        await pilot.pause()
        assert isinstance(app.screen, ItemForm)
        assert "as hours" in str(app.screen.query_one("#item-error", Static).content)
        await fill(pilot, PA)
        app.screen.query_one("#item-cost", Input).focus()
        await pilot.press("enter")  # Enter in the last box saves
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        session = app.screen.session
        saved = session.journey.value("planning.costs")
        assert saved == [{**PA, "cost": "15.50"}]
        assert question(app) == "planning.costs"  # saved, not moved on
        assert "£93.00 a week, £4,836.00 a year" in plan_text(app)

        assert app.focused.id == "items-add"  # after a save, Add another has the focus
        app.screen.query_one("#items-list", OptionList).focus()
        await pilot.press("enter")  # the highlighted item opens to change it
        await pilot.pause()
        assert "Change: PA for swimming" in str(app.screen.query_one("#item-title",
                                                                     Static).content)
        assert app.screen.query_one("#item-hours", Input).value == "3"
        await fill(pilot, {"hours": "2"})
        await pilot.click("#item-save")
        await pilot.pause()
        assert session.journey.value("planning.costs")[0]["hours"] == "2"
        assert "£62.00 a week" in plan_text(app)

        await pilot.click("#items-remove")
        await pilot.pause()
        assert session.journey.value("planning.costs") == []
        await pilot.click("#items-done")
        await pilot.pause()
        assert "add at least one" in shown(app, "#error")
        assert question(app) == "planning.costs"


async def test_done_moves_on_and_cancel_keeps_nothing(words, store: Store) -> None:
    app = at(words, store, "happen.first-steps")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.click("#items-add")
        await pilot.pause()
        # Amy is not in the circle (nobody is yet): she is someone else, typed.
        await fill(pilot, {"what": "Ring the agency", "who": "someone-else", "who_other": "Amy",
                           "by": "31/13/2026"})
        await pilot.click("#item-save")
        await pilot.pause()
        assert "as a date" in str(app.screen.query_one("#item-error", Static).content)
        await fill(pilot, {"by": "3/3/2026", "status": "doing"})
        app.screen.query_one("#item-by", Input).focus()
        await pilot.press("enter")  # the last box: saves
        await pilot.pause()
        await pilot.click("#items-add")
        await pilot.pause()
        await fill(pilot, {"what": "Never saved"})
        await pilot.press("escape")
        await pilot.pause()
        session = app.screen.session
        assert session.journey.value("happen.first-steps") == [
            {"what": "Ring the agency", "who": "Amy", "by": "2026-03-03", "status": "doing"}]
        listed = app.screen.query_one("#items-list", OptionList)
        assert listed.option_count == 1
        assert "Ring the agency, who: Amy, by 3 March 2026 (started)" in plan_text(app)
        await pilot.click("#items-done")
        await pilot.pause()
        assert question(app) != "happen.first-steps"


async def test_the_details_for_the_councils_file_are_typed_on_one_form(words,
                                                                        store: Store) -> None:
    app = at(words, store, "happen.details")
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert question(app) == "happen.details"
        assert app.focused.id == "details-fill"
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ItemForm)
        assert not form.query("#item-carer")  # no unpaid carer was named
        await pilot.press(*"Sam Jones", "enter", *"3/4/2999", "enter")
        for _ in range(len(form.fields) - 2):
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemForm)  # a birthday still to come is refused
        assert "still to come" in str(app.screen.query_one("#item-error", Static).content)
        app.screen.query_one("#item-born", Input).value = ""
        app.screen.query_one("#item-born", Input).focus()
        await pilot.press(*"3 April 1961", "enter", "enter", "enter", "enter", "enter",
                          *"485 777 3456", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        session = app.screen.session
        assert session.journey.value("happen.details") == {
            "name": "Sam Jones", "born": "1961-04-03", "nhs": "485 777 3456"}
        assert question(app) != "happen.details"  # saved, and moved on
