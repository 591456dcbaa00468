"""Reading what people type: money, dates, text, and hostile input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from journey import answers
from journey.answers import AnswerError


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("120", "120.00"), ("£85.5", "85.50"), ("1,250.50", "1250.50"), (" £ 3 ", "3.00"),
     ("0", "0.00")],
)
def test_money_is_exact_pence(typed: str, amount: str) -> None:
    assert answers.money(typed, "week") == {"amount": amount, "period": "week"}


@pytest.mark.parametrize(
    ("typed", "key"),
    [("£12.5x", "error_money"), ("-40", "error_money_negative"), ("12.345", "error_money"),
     ("", "error_empty"), ("1e5", "error_money"), ("NaN", "error_money"),
     ("99999999999", "error_money_huge"), ("x" * 1_000_000, "error_too_long")],
)
def test_money_that_is_not_money(typed: str, key: str) -> None:
    with pytest.raises(AnswerError) as e:
        answers.money(typed, "week")
    assert e.value.key == key


def test_periods_convert_in_one_place() -> None:
    week = {"amount": "100.00", "period": "week"}
    month = {"amount": "433.33", "period": "month"}
    assert answers.per_year(week) == Decimal("5200.00")
    assert answers.per_year(month) == Decimal("5199.96")
    assert answers.per_week({"amount": "5200", "period": "year"}) == Decimal("100.00")
    assert answers.per_year({"amount": "100", "period": "four-weeks"}) == Decimal("1300.00")


def test_text_is_cleaned_of_terminal_codes() -> None:
    hostile = "Sam\x1b[31m red\x1b[0m\x1b]0;title\x07\x07\x00 ok\x9b2J"
    assert answers.text(hostile) == "Sam red ok"
    assert answers.text("two\nlines\tand tab") == "two\nlines\tand tab"


def test_text_empty_or_huge() -> None:
    with pytest.raises(AnswerError) as e:
        answers.text("  \x1b[0m  ")
    assert e.value.key == "error_empty"
    with pytest.raises(AnswerError) as e:
        answers.text("a" * 1_048_576)
    assert e.value.key == "error_too_long"
    assert e.value.values["length"] == "1,048,576"


@pytest.mark.parametrize("typed", ["25/12/2026", "25-12-2026", "2026-12-25", "25.12.2026"])
def test_dates(typed: str) -> None:
    assert answers.when(typed) == "2026-12-25"


TODAY = date(2026, 11, 29)  # a Sunday


@pytest.mark.parametrize(("typed", "meant"), [
    ("3rd March", "2027-03-03"),  # no year: the next 3 March from today
    ("3 March 2027", "2027-03-03"),
    ("March 3rd", "2027-03-03"),
    ("3rd of March, 2027", "2027-03-03"),
    ("Mar 3", "2027-03-03"),
    ("3/3", "2027-03-03"),
    ("03/03/27", "2027-03-03"),
    ("2027-03-03", "2027-03-03"),
    ("01/02/2027", "2027-02-01"),  # day first, as in England
    ("29/11", "2026-11-29"),  # today counts as on or after today
    ("28/11", "2027-11-28"),
    ("29 Feb", "2028-02-29"),  # waits for a leap year
    ("today", "2026-11-29"),
    ("Tomorrow", "2026-11-30"),
    ("yesterday", "2026-11-28"),
    ("next Tuesday", "2026-12-01"),
    ("sunday", "2026-12-06"),  # a day still to come, not today
])
def test_dates_in_peoples_own_words(typed: str, meant: str) -> None:
    assert answers.when(typed, today=TODAY) == meant


@pytest.mark.parametrize(("typed", "key"), [
    ("31/02/2026", "error_date_impossible"),
    ("31/02", "error_date_impossible"),
    ("30 February", "error_date_impossible"),
    ("12/25/2026", "error_date_month_first"),
    ("1/2/3", "error_date_year"),
    ("3/3/1066", "error_date_year"),
    ("March", "error_date_no_day"),
    ("March 2027", "error_date_no_day"),
    ("next week", "error_date"),
    ("3rd Marhc", "error_date"),
    ("0/1/2027", "error_date"),
    ("45", "error_date"),
    ("3/3/2027/4", "error_date"),
])
def test_bad_dates(words, typed: str, key: str) -> None:
    with pytest.raises(AnswerError) as e:
        answers.when(typed, today=TODAY)
    assert e.value.key == key
    said = words.message(e.value.key, **e.value.values)
    assert "{" not in said
    if key == "error_date_impossible":
        assert said.startswith("There is no 3")
    if key == "error_date_month_first":
        assert "Did you mean 25/12/2026?" in said


def test_person_needs_a_name() -> None:
    assert answers.person(" Jo ", "sister") == {"name": "Jo", "relation": "sister"}
    with pytest.raises(AnswerError) as e:
        answers.person("  ", "sister")
    assert e.value.key == "error_person"


def test_every_error_has_a_message(words) -> None:
    keys = ["error_money", "error_money_negative", "error_money_huge", "error_too_long",
            "error_empty", "error_date", "error_person", "error_choose"]
    for key in keys:
        assert key in words.messages
    message = words.message("error_too_long", length="1,048,576", limit="4,000")
    assert "1,048,576" in message
