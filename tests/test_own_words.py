"""People's own words: pay by the hour as people write it, days said in words (and both days
when a day said could be either), and periods said after an amount in the plain lines."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from journey.core import answers
from journey.core.answers import AnswerError
from journey.store.database import Store

from .test_items import PA, at, fill
from .test_plain import Person, converse
from .test_tui import opened, question, shown

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize("typed", ["£13.50 an hour", "13.50/hr", "£13.50 ph", "13.50 per hour",
                                   "£13.50 hourly", "13.50 p/h", "£13.50/hour", "13.50"])
def test_hourly_pay_as_people_type_it(typed: str) -> None:
    assert answers.unit_cost(typed, "hour") == answers.amount("13.50")


def test_a_cost_said_by_the_hour_but_set_for_each_time_is_asked_about() -> None:
    with pytest.raises(AnswerError) as said:
        answers.unit_cost("£13.50 an hour", "time")
    assert said.value.key == "error_cost_per_hour"
    assert answers.unit_cost("£40 a visit", "time") == answers.amount("40")
    with pytest.raises(AnswerError):
        answers.unit_cost("£13.50 a week", "hour")  # a period is not what a cost is for


@pytest.mark.parametrize(("typed", "day"), [
    ("in two weeks", date(2026, 12, 21)), ("in 2 weeks", date(2026, 12, 21)),
    ("in two weeks' time", date(2026, 12, 21)), ("in a fortnight", date(2026, 12, 21)),
    ("in 3 days", date(2026, 12, 10)), ("in a month", date(2027, 1, 7)),
    ("Friday week", date(2026, 12, 18)), ("a week on Friday", date(2026, 12, 18)),
    ("end of January", date(2027, 1, 31)), ("the end of January", date(2027, 1, 31)),
    ("end of the month", date(2026, 12, 31)), ("end of next month", date(2027, 1, 31)),
    ("Tuesday", date(2026, 12, 8)), ("this Tuesday", date(2026, 12, 8)),
    ("next Monday", date(2026, 12, 14)),  # not still to come this week: only one
])
def test_days_said_in_words(typed: str, day: date) -> None:
    assert answers.when(typed, MONDAY) == day.isoformat()


def test_next_tuesday_said_on_a_monday_is_either_and_both_are_said() -> None:
    with pytest.raises(AnswerError) as said:
        answers.when("next Tuesday", MONDAY)
    assert said.value.key == "error_date_two"
    assert said.value.values["first"] == "Tuesday 8 December 2026"
    assert said.value.values["second"] == "Tuesday 15 December 2026"
    # Said on a Wednesday, the Tuesday to come is in the next week already: only one.
    assert answers.when("next Tuesday", date(2026, 12, 9)) == "2026-12-15"
    assert answers.when("15/12/2026", MONDAY) == "2026-12-15"  # as the person chooses


async def test_both_days_are_shown_as_the_person_types(words, store: Store) -> None:
    app = at(words, store, "happen.agreed")
    async with app.run_test(size=(60, 18)) as pilot:
        await opened(pilot)
        weekday = date.today().weekday()
        if weekday == 6:
            return  # on a Sunday every day named is in the week to come
        later = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                 "sunday"][weekday + 1]
        await pilot.press(*f"next {later}")
        assert "could mean" in shown(app, ".hint") and " or " in shown(app, ".hint")
        await pilot.press("enter")
        assert question(app) == "happen.agreed"  # nothing saved until the person says
        assert isinstance(app.focused, Input) and app.focused.value == f"next {later}"
        await pilot.pause()
        # Said once, by the error line, not again by the hint under the box.
        assert "could mean" not in shown(app, ".hint")


def test_the_plain_lines_take_a_period_said_after_the_amount(words, store: Store) -> None:
    person = Person({"welcome.name": ["Sam"], "welcome.mode": ["1"],
                     "personal-budget.known": ["yes"],
                     "personal-budget.amount": ["£8,000 a year"]},
                    stop="personal-budget.money-person")
    said = converse(store, words, person)
    journey = store.load(store.list()[0].id)
    assert journey.value("personal-budget.amount") == {"amount": "8000.00", "period": "year"}
    assert "box beside" not in said


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_the_support_form_takes_pay_as_people_type_it(words, store: Store, size) -> None:
    app = at(words, store, "planning.costs")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, {**PA, "cost": ""})
        app.screen.query_one("#item-cost", Input).focus()
        await pilot.press(*"£13.50 an hour", "enter")
        await pilot.pause()
        saved = app.screen.session.journey.value("planning.costs")
        assert saved and saved[0]["cost"] == "13.50" and saved[0]["per"] == "hour"


@pytest.mark.parametrize("word", ["repeat", "again", "?"])
def test_the_plain_lines_say_the_question_again_when_asked(words, store: Store,
                                                          word: str) -> None:
    person = Person({"welcome.name": ["Sam"], "welcome.mode": ["1"],
                     "rights.hopes": [word, "More time out"]}, stop="rights.why-now")
    said = converse(store, words, person)
    journey = store.load(store.list()[0].id)
    assert journey.value("rights.hopes") == "More time out"  # never the word itself
    asked = words.question("rights.hopes").ask
    assert said.count(asked) == 2


def test_journey_plain_makes_the_plain_lines_the_default(monkeypatch) -> None:
    from journey.plain import terminal

    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    assert not terminal.wants_plain({"TERM": "xterm"})  # a terminal: the app
    assert terminal.wants_plain({"TERM": "xterm", "JOURNEY_PLAIN": "1"})
    assert not terminal.wants_plain({"TERM": "xterm", "JOURNEY_PLAIN": "0"})
    assert not terminal.wants_plain({"TERM": "xterm", "JOURNEY_PLAIN": "1",
                                     "TEXTUAL_DRIVER": "web"})  # a browser tab: the app
