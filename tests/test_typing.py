"""Answers typed as people type them: key by key, in bursts, and pasted. Every test presses
keys into the focused widget."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from journey.core import answers
from journey.store.database import Store, StoreError
from journey.tui.app import JourneyApp

from .helpers import start
from .test_items import at
from .test_tui import SIZE, opened, question, shown

SIZES = [SIZE, (80, 24)]


def burst(pilot: Pilot, *keys: str) -> None:
    """Keys as a fast typist or a terminal sends them: all at once, with no waiting between
    them for the screen to catch up (pilot.press waits after every key)."""
    app = pilot.app
    for key in keys:
        char = "\r" if key == "enter" else " " if key == "space" else (
            key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # as the terminal driver does


async def settle(pilot: Pilot) -> None:
    for _ in range(6):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()


def chat(app: JourneyApp) -> str:
    return "\n".join(str(m.content) for m in app.screen.query("#chat Static"))


def value(app: JourneyApp, question_id: str) -> object:
    return app.screen.session.journey.value(question_id)


@pytest.mark.parametrize("size", SIZES)
async def test_dates_in_words_are_saved_once_and_never_crash(words, store: Store,
                                                             size: tuple[int, int]) -> None:
    app = at(words, store, "happen.agreed")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "happen.agreed"
        await pilot.press(*"3rd Marhc", "enter")
        assert "could not read" in shown(app, "#error")
        assert app.focused.value == "3rd Marhc"  # nothing typed is lost
        await pilot.press(*["backspace"] * 9, *"31/02", "enter")
        assert "There is no 31 February" in shown(app, "#error")
        await pilot.press(*["backspace"] * 5, *"12/25/2026", "enter")
        assert "Did you mean 25/12/2026?" in shown(app, "#error")
        assert question(app) == "happen.agreed"

        await pilot.press(*["backspace"] * 10, *"3rd March")
        year = answers.when("3rd March")[:4]
        assert f"That is 3 March {year}" in shown(app, ".hint")  # what was understood
        await pilot.press("enter")
        await pilot.pause()
        assert value(app, "happen.agreed") == answers.when("3rd March")
        assert question(app) == "happen.start"
        assert value(app, "happen.start") is None  # not answered by the same Enter
        assert app.focused.value == ""

        assert f"3 March {year}" in chat(app)
        await pilot.press(*"today", "enter")
        await pilot.pause()
        assert value(app, "happen.start") == date.today().isoformat()


@pytest.mark.parametrize("size", SIZES)
async def test_a_burst_of_answers_goes_to_each_question_in_turn(store: Store,
                                                                size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")  # the name; on my own
        assert question(app) == "rights.hopes"
        burst(pilot, *"A1", "enter", *"A2", "enter", "down", "enter")
        await settle(pilot)
        assert value(app, "rights.hopes") == "A1"
        assert value(app, "rights.why-now") == "A2"
        assert value(app, "rights.who") == "carer"  # the second choice, chosen from the burst


async def test_back_in_a_burst_waits_for_the_answer_before_it(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        burst(pilot, *"A1", "enter", "ctrl+b", *"more")
        await settle(pilot)
        assert value(app, "rights.hopes") == "A1"
        assert value(app, "rights.why-now") is None  # nothing saved to the wrong question
        assert question(app) == "rights.hopes"


async def test_pilot_presses_a_whole_burst(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Sam", "enter", "enter", *"A1", "enter", *"A2", "enter",
                          "down", "enter")
        await settle(pilot)
        assert [value(app, q) for q in ("rights.hopes", "rights.why-now", "rights.who")] \
            == ["A1", "A2", "carer"]


@pytest.mark.parametrize("size", SIZES)
async def test_a_burst_into_a_list_adds_each_item_then_moves_on(words, store: Store,
                                                                size: tuple[int, int]) -> None:
    app = at(words, store, "dreams.love")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        burst(pilot, *"Cats", "enter", *"Jazz", "enter", "enter", *"My garden", "enter")
        await settle(pilot)
        assert value(app, "dreams.love") == ["Cats", "Jazz"]
        assert value(app, "dreams.important") == ["My garden"]
        assert question(app) == "dreams.important"
        assert "• My garden" in shown(app, "#items")
        assert chat(app).count("love doing") == 1  # asked once, answered once, whole
        assert "• Cats\n• Jazz" in chat(app)


async def test_a_pasted_list_adds_one_item_a_line(words, store: Store) -> None:
    app = at(words, store, "dreams.love")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.post_message(events.Paste("Cats\nJazz\n\nMy garden\n"))
        await settle(pilot)
        assert value(app, "dreams.love") == ["Cats", "Jazz", "My garden"]
        assert shown(app, "#items") == "• Cats\n• Jazz\n• My garden"
        assert app.focused.value == ""
        app.post_message(events.Paste("Music"))  # one line: typed into the box, once
        await settle(pilot)
        assert app.focused.value == "Music"
        await pilot.press("enter", "enter")  # added; then an empty line: finished
        assert value(app, "dreams.love") == ["Cats", "Jazz", "My garden", "Music"]
        assert question(app) == "dreams.important"


@pytest.mark.parametrize("size", SIZES)
async def test_a_list_item_is_shown_only_once_it_is_saved(words, store: Store,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          size: tuple[int, int]) -> None:
    app = at(words, store, "dreams.love")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press(*"Cats", "enter")
        real = Store.save

        def full_disk(self: Store, *args: object, **kwargs: object) -> None:
            raise StoreError("The disk is full.")

        monkeypatch.setattr(Store, "save", full_disk)
        await pilot.press(*"Jazz", "enter")
        assert "could not save" in shown(app, "#error")
        assert "The disk is full." in shown(app, "#error")
        assert shown(app, "#items") == "• Cats"  # not drawn as added
        assert app.focused.value == "Jazz"  # still in the box, to try again
        monkeypatch.setattr(Store, "save", real)
        await pilot.press("enter")
        assert shown(app, "#items") == "• Cats\n• Jazz"
        assert app.focused.value == ""
    saved = Store(store.home).load(store.list()[0].id)
    assert saved.value("dreams.love") == ["Cats", "Jazz"]


@pytest.mark.parametrize("size", SIZES)
async def test_multi_choice_space_ticks_and_enter_saves(words, store: Store,
                                                         size: tuple[int, int]) -> None:
    app = at(words, store, "health-budget.route")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "health-budget.route"
        await pilot.press("enter")  # nothing ticked yet: a kind word, not a change
        assert "choose one" in shown(app, "#error")
        await pilot.press("space", "down", "down", "down", "space", "enter")
        assert "None of these" in shown(app, "#error")
        assert "untick" in shown(app, "#error")
        assert question(app) == "health-budget.route"
        await pilot.press("up", "up", "up", "space", "down", "space", "down", "down", "space")
        await pilot.press("enter")
        await pilot.pause()
        assert value(app, "health-budget.route") == ["s117"]
        assert question(app) != "health-budget.route"


@pytest.mark.parametrize("size", SIZES)
async def test_enter_after_picking_a_period_saves_the_money(words, store: Store,
                                                             size: tuple[int, int]) -> None:
    app = at(words, store, "personal-budget.known")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # yes, they know their budget
        assert question(app) == "personal-budget.amount"
        await pilot.press(*"320", "tab", "space")  # the period list opens
        await pilot.press("down", "down", "down", "enter")  # a month: the list closes
        await pilot.pause()
        assert app.focused.id == "period"
        await pilot.press("enter")  # saves, rather than opening the list again
        await pilot.pause()
        assert value(app, "personal-budget.amount") == {"amount": "320.00", "period": "month"}
        assert question(app) != "personal-budget.amount"


async def test_a_person_typed_in_one_burst(words, store: Store) -> None:
    app = at(words, store, "brokerage.want")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # they have a broker
        # Nobody is in the circle yet: the boxes for someone new are there at once. Enter
        # goes from the name to who they are to how close, where it saves.
        burst(pilot, *"Ann", "enter", *"broker", "enter", "enter", "down", "enter")
        await settle(pilot)
        assert value(app, "brokerage.who") == {"name": "Ann", "relation": "broker"}
        assert value(app, "circle.people") == [
            {"name": "Ann", "relation": "broker", "ring": "closest", "helps": ""}]
        assert value(app, "brokerage.pay") == "no"  # the keys after it went to the next


@pytest.mark.parametrize("size", SIZES)
async def test_people_typed_in_one_burst_keep_how_each_helps(words, store: Store,
                                                            size: tuple[int, int]) -> None:
    app = at(words, store, "circle.people")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        # Name, who they are, Enter past how close, how they help: all at once, twice.
        burst(pilot, *"Tom", "enter", *"brother", "enter", "enter", *"Fixes things", "enter",
              *"Kim", "enter", *"friend", "enter", "enter", *"Walks with me", "enter")
        await settle(pilot)
        people = app.screen.query_one("#people-list")
        assert people is not None
        shown_people = [str(people.get_option_at_index(i).prompt)
                        for i in range(people.option_count)]
        assert shown_people == ["Tom (brother), closest family and friends: Fixes things",
                                "Kim (friend), closest family and friends: Walks with me"]
        # Every button is on screen beside the plan, Done too, at 80 columns as at 120.
        done = app.screen.query_one("#people-done")
        row = done.parent
        assert row is not None and done.region.right <= row.region.right


async def type_item(pilot: Pilot, what: str, times: str, hours: str, cost: str,
                    period_downs: int = 0, each_time: bool = False) -> None:
    """Fill the support form by keys alone: Enter goes from box to box, and saves at the end."""
    await pilot.press(*what, "enter", *"It helps", "enter")
    await pilot.press("enter", "enter")  # who provides it, and which money: as they are
    await pilot.press(*times, "enter")
    # Enter on a dropdown goes on to the next box, whether its list is open or not.
    if period_downs:
        await pilot.press("space", *["down"] * period_downs, "enter")
    else:
        await pilot.press("enter")
    await pilot.press(*hours, "enter")
    if each_time:  # the cost is for each time, not by the hour
        await pilot.press("space", "down", "enter")
    else:
        await pilot.press("enter")
    await pilot.press(*cost, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_four_support_items_typed_are_four_kept(words, store: Store,
                                                      size: tuple[int, int]) -> None:
    from journey.tui.items import ItemForm

    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    session.answer({"amount": "300", "period": "week"})
    session.go_to_question("planning.costs")
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert app.focused.id == "items-add"
        await pilot.press("enter")
        assert str(app.screen.query_one("#item-title", Static).content) == "A piece of support"
        await type_item(pilot, "PA", "2", "3", "15")
        assert app.focused.id == "items-add"  # Add another, not the item just saved
        assert str(app.focused.label) == "Add another"
        await pilot.press("enter")  # so Enter adds another, and changes nothing
        assert isinstance(app.screen, ItemForm)
        assert "£90.00 a week" in str(app.screen.query_one("#item-so-far", Static).content)
        await type_item(pilot, "Cleaner", "1", "2", "18", period_downs=1)  # every 2 weeks
        await pilot.press("enter")
        await type_item(pilot, "Shower seat", "1", "", "260", period_downs=5, each_time=True)
        await pilot.press("enter")
        await type_item(pilot, "Gym", "1", "1", "9")
        saved = app.screen.session.journey.value("planning.costs")
        assert [i["what"] for i in saved] == ["PA", "Cleaner", "Shower seat", "Gym"]
        assert [i["period"] for i in saved] == ["week", "two-weeks", "once", "week"]
        listed = app.screen.query_one("#items-list", OptionList)
        assert listed.option_count == 4
        so_far = shown(app, "#items-so-far")
        assert "All support: £122.00 a week (£6,344.00 a year)" in so_far
        assert "Personal budget: £178.00 a week left" in so_far

        listed.focus()
        listed.highlighted = 1
        await pilot.press("enter")  # Enter on the list changes the one chosen
        assert str(app.screen.query_one("#item-title", Static).content) == "Change: Cleaner"
        cost = app.screen.query_one("#item-cost", Input)
        cost.focus()
        await pilot.press(*["backspace"] * 5, *"20", "enter")
        await pilot.pause()
        saved = app.screen.session.journey.value("planning.costs")
        assert [i["what"] for i in saved] == ["PA", "Cleaner", "Shower seat", "Gym"]
        assert saved[1]["cost"] == "20.00"


@pytest.mark.parametrize("size", SIZES)
async def test_people_start_afresh_and_an_entry_can_be_changed(words, store: Store,
                                                                size: tuple[int, int]) -> None:
    app = at(words, store, "circle.people")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert app.focused.id == "people-name"
        await pilot.press(*"Jan", "enter", *"sister", "enter")
        assert app.focused.id == "people-ring"
        await pilot.press("space", "down", "enter")  # friends and neighbours
        await pilot.pause()
        assert app.focused.id == "people-helps"
        await pilot.press(*"shops", "enter")
        await pilot.pause()
        assert app.focused.id == "people-name"
        await pilot.press(*"Dave", "enter", *"next door", "enter")
        assert str(app.focused.value) == "closest"  # not the last person's ring
        await pilot.press("enter", "enter")  # on past the ring; nothing about how he helps
        await pilot.pause()
        people = value(app, "circle.people")
        assert [(p["name"], p["ring"]) for p in people] == [("Jan", "friends"),
                                                             ("Dave", "closest")]

        listed = app.screen.query_one("#people-list", OptionList)
        listed.focus()
        listed.highlighted = 0
        await pilot.press("enter")  # Jan back in the boxes, to change
        await pilot.pause()
        assert app.focused.id == "people-name"
        button = app.screen.query_one("#people-add")
        assert button.label.plain == "Save changes"
        assert "Save&#160;changes" in app.export_screenshot()  # all of its words are drawn
        await pilot.press("enter", *["backspace"] * 6, *"my sister", "enter", "enter")
        await pilot.press("enter")
        await pilot.pause()
        people = value(app, "circle.people")
        assert [(p["name"], p["relation"], p["ring"], p["helps"]) for p in people] == [
            ("Jan", "my sister", "friends", "shops"), ("Dave", "next door", "closest", "")]
        assert app.screen.query_one("#people-add").label.plain == "Add person"


@pytest.mark.parametrize("size", SIZES)
async def test_a_support_item_that_cannot_be_saved_comes_back_to_the_form(
        words, store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    from journey.tui.items import ItemForm

    app = at(words, store, "planning.costs")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)

        def full_disk(self: Store, *args: object, **kwargs: object) -> None:
            raise StoreError("The disk is full.")

        monkeypatch.setattr(Store, "save", full_disk)
        await pilot.press("enter")
        await type_item(pilot, "PA", "2", "3", "15")
        assert isinstance(app.screen, ItemForm)  # open again, with all that was typed
        assert app.screen.query_one("#item-what", Input).value == "PA"
        assert app.screen.query_one("#item-cost", Input).value == "15.00"
        await pilot.press("escape")
        assert "could not save" in shown(app, "#error")
        assert app.screen.query_one("#items-list", OptionList).option_count == 0


async def test_keys_typed_as_the_support_form_opens_go_into_it(words, store: Store) -> None:
    app = at(words, store, "planning.costs")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert app.focused.id == "items-add"
        burst(pilot, "enter", *"Cleaner", "enter", *"Tidy home")
        await settle(pilot)
        assert app.screen.query_one("#item-what", Input).value == "Cleaner"
        assert app.screen.query_one("#item-helps", Input).value == "Tidy home"
        # The rest of the form in one burst, box after box, choices left as they are.
        burst(pilot, "enter", "enter", "enter", "1", "enter", "enter", "2", "enter", "enter",
              *"18", "enter")
        await settle(pilot)
        saved = value(app, "planning.costs")
        assert [(i["what"], i["helps"], i["times"], i["hours"], i["cost"]) for i in saved] \
            == [("Cleaner", "Tidy home", "1", "2", "18.00")]


@pytest.mark.parametrize("size", [*SIZES, (60, 18)])
async def test_a_tick_shows_without_colour(words, store: Store, size: tuple[int, int]) -> None:
    from textual.widgets import SelectionList

    app = at(words, store, "advocacy.hard")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("down", "space")  # tick the second
        await pilot.pause()
        ticks = app.screen.query_one(".answer SelectionList", SelectionList)
        lines = [ticks.render_line(y).text for y in range(ticks.virtual_size.height)]
        # A long choice wraps: one box for each choice, on its first line, nothing cut.
        boxes = [line.strip()[:3] for line in lines if line.strip().startswith("▐")]
        assert len(boxes) == ticks.option_count and not any("…" in line for line in lines)
        # Only the ticked box has its X: the others are empty, whatever the colours.
        assert boxes[1] == "▐X▌" and all(b == "▐ ▌" for i, b in enumerate(boxes) if i != 1)


@pytest.mark.parametrize("size", SIZES)
async def test_a_checkbox_shows_without_colour(words, store: Store, size: tuple[int, int]) -> None:
    from textual.widgets import Checkbox

    app = at(words, store, "rights.hopes")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        box = app.screen.query_one("#export-attribution", Checkbox)
        assert box.value and str(box.render()).startswith("▐X▌")
        box.value = False
        await pilot.pause()
        assert str(box.render()).startswith("▐ ▌")  # empty, whatever the colours
