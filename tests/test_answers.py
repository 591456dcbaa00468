"""Reading what people type: money, dates, text, and hostile input."""

from __future__ import annotations

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


@pytest.mark.parametrize("typed", ["31/02/2026", "next week", "12/25/2026"])
def test_bad_dates(typed: str) -> None:
    with pytest.raises(AnswerError) as e:
        answers.when(typed)
    assert e.value.key == "error_date"


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
