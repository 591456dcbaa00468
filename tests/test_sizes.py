"""Every size, from 60x18 up: on a narrow screen the conversation has the width and the plan
folds away behind a key; nothing a person must read or tick is cut."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, OptionList, SelectionList

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.plan_panel import PlanPanel

from .helpers import start
from .test_items import at
from .test_tui import opened, question


def key_bar(app: JourneyApp) -> str:
    return str(app.screen.query_one("#keys").content)


@pytest.mark.parametrize("size", [(60, 18), (79, 24)])
async def test_a_narrow_screen_folds_the_plan_behind_a_key(store: Store, size) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        talk, plan = app.screen.query_one("#talk"), app.screen.query_one(PlanPanel)
        assert talk.region.width == size[0] and not plan.region.width  # all the width
        assert "f9 Plan: show or hide" in key_bar(app)
        await pilot.press("f9")
        await pilot.pause()
        assert plan.region.width >= size[0] - 2 and not talk.region.width
        assert "Sam" in plan.text()
        await pilot.press("f9")
        await pilot.pause()
        assert talk.region.width == size[0]
        await pilot.press(*"More time out", "enter")  # typing goes on where it was
        await pilot.pause()
        assert app.screen.session.journey.value("rights.hopes") == "More time out"


async def test_a_wide_screen_shows_both_and_no_key_to_fold(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        assert app.screen.query_one(PlanPanel).region.width > 30
        assert "f9" not in key_bar(app)
        await pilot.press("f9")  # does nothing here
        await pilot.pause()
        assert app.screen.query_one("#talk").region.width > 60


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_long_choices_wrap_and_are_never_cut(words, store: Store, size) -> None:
    app = at(words, store, "advocacy.hard")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "advocacy.hard"
        ticks = app.screen.query_one(".answer SelectionList", SelectionList)
        lines = [ticks.render_line(y).text for y in range(ticks.virtual_size.height)]
        shown = " ".join(" ".join(lines).split())
        assert "…" not in shown
        for index in range(ticks.option_count):
            label = str(ticks.get_option_at_index(index).prompt)
            assert " ".join(label.split()) in shown, label


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_lists_stop_at_their_ends(words, store: Store, size) -> None:
    start(words, store, name="Ann")
    newest = start(words, store, name="Sam").journey.id
    store.release(newest)
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        listed = app.screen.query_one("#journeys", OptionList)
        last = listed.option_count - 1
        listed.focus()
        listed.highlighted = last
        await pilot.press("down")  # the last: stays, never round to "Start a new journey"
        assert listed.highlighted == last
        listed.highlighted = 0
        await pilot.press("up")
        assert listed.highlighted == 0

    app = at(words, store, "rights.who")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        choices = app.focused
        assert isinstance(choices, OptionList)
        choices.highlighted = 0
        await pilot.press("up", "up")
        assert choices.highlighted == 0
        await pilot.press(*["down"] * (choices.option_count + 2))
        assert choices.highlighted == choices.option_count - 1


@pytest.mark.parametrize("size", [(66, 18), (80, 20), (60, 18), (60, 30)])
async def test_the_start_screen_on_a_short_screen_shows_the_journeys_and_buttons(
        words, store: Store, size) -> None:
    for name in ("Ann", "Sam"):
        store.release(start(words, store, name=name).journey.id)
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#journeys", OptionList)
        assert listed.region.height >= 5  # "Start a new journey" and both journeys
        screen = app.screen
        for button in screen.query("#start-actions Button"):
            assert button.region.height >= 1 and button.region.width >= len(
                str(button.label)), button
            assert screen.region.contains_region(button.region)
        text = " ".join(listed.render_line(y).text for y in range(listed.region.height))
        assert "Start a new journey" in text and "Sam" in text and "Ann" in text


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_the_support_form_keeps_its_buttons_error_and_hints_in_sight(
        words, store: Store, size) -> None:
    session = start(words, store)
    session.go_to_question("assessment.hard")
    session.answer(["Cooking", "Getting dressed", "Washing", "Getting out"])
    session.go_to_question("planning.costs")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#item-what", Input).value = "A helper"
        form.query_one("#item-times", Input).value = "lots"
        await pilot.click("#item-save")
        await pilot.pause()
        screen = form.region
        error = form.query_one("#item-error")
        assert "number of times" in str(error.content)
        for part in ("#item-error", "#item-save", "#item-cancel"):
            assert screen.contains_region(form.query_one(part).region), part
        for box in form.query(Input):
            width = box.content_region.width
            assert len(box.placeholder) <= width or size[0] >= 80, (box.placeholder, width)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_helpers_panel_shows_what_waits_on_the_person(words, store: Store,
                                                                size) -> None:
    session = start(words, store, mode="with")
    session.go_to_question("rights.hopes")
    session.answer("More time out", suggested=True)
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.pause()
        panel = app.screen.query_one("#facilitator")
        seen = " ".join(panel.render_line(y).text for y in range(panel.content_region.height))
        assert "Suggestions the person has not agreed to yet: 1" in seen
        assert "Agree suggestions" in seen  # and the key to do it, in sight with it


async def test_the_sitting_summary_uses_the_screen_and_save_has_the_focus(words,
                                                                          store: Store) -> None:
    session = start(words, store, mode="with")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        screen = app.screen
        for line in ("More time out", "Home from hospital", "A carer"):
            screen.session.answer(line, move_on=False)
            screen.session.note(f"Talked about {line}", next_step=True)
        await pilot.press("f6")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "summary-save"
        text = app.screen.query_one("#summary-text")
        assert text.region.height > 0.4 * 40  # more than the old fixed share of the screen
        assert app.screen.region.contains_region(app.screen.query_one("#summary-save").region)


@pytest.mark.parametrize("size", [(60, 18), (66, 18), (80, 24)])
async def test_the_start_screen_cuts_nothing_and_its_keys_work(words, store: Store,
                                                               size) -> None:
    """Each journey's name, how it is planned, the step reached, how far and when are drawn
    whole, and every key on the key bar is drawn whole and does what it says."""
    ann = start(words, store, name="Ann Featherstonehaugh")
    ann.go_to("health-budget")
    store.release(ann.journey.id)
    store.release(start(words, store, name="Sam", mode="here").journey.id)
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#journeys", OptionList)
        drawn = "\n".join(listed.render_line(y).text.rstrip()
                          for y in range(listed.region.height))
        for whole in ("Start a new journey", "Ann Featherstonehaugh", "Personal health budget",
                      "For someone, with them", "Sam", str(date.today().year)):
            assert whole in " ".join(drawn.split()), (whole, drawn)
        assert "…" not in drawn
        headings = str(app.screen.query_one("#start-columns").content)
        for heading in ("Name", "Mode", "Step reached", "Done", "Last changed"):
            assert heading in headings
        keys = key_bar(app)
        for key in ("ctrl+f Search", "ctrl+r Rename", "ctrl+t Copy for a review",
                    "delete Delete", "ctrl+q Quit", "f1 All keys"):
            assert key in keys, (key, keys)
        bar = app.screen.query_one("#keys")
        assert app.screen.region.contains_region(bar.region)
        assert bar.region.height == len(keys.splitlines())
        # The newest journey, Sam's, is chosen: the Delete key asks about it.
        await pilot.press("delete")
        await pilot.pause()
        assert "Sam" in str(app.screen.query_one("Static").content)
        await pilot.press("escape")
        await pilot.pause()
        assert [s.name for s in store.list()] == ["Sam", "Ann Featherstonehaugh"]
