"""Reading what people type: money, dates, text, and hostile input."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from journey.core import answers
from journey.core.answers import AnswerError

# What people really type for money, and what it means. Each is read with "a week" chosen.
MONEY_READ = [
    ("120", "120.00"), ("£85.5", "85.50"), ("1,250.50", "1250.50"), (" £ 3 ", "3.00"),
    ("0", "0.00"), ("£0.99", "0.99"), (".5", "0.50"), ("1,250", "1250.00"),
    ("12,500.50", "12500.50"), ("1,000,000", "1000000.00"), ("£1,000,000.00", "1000000.00"),
    ("999", "999.00"), ("1000", "1000.00"), ("50p", "0.50"), ("5p", "0.05"),
    ("150 p", "1.50"), ("75 pence", "0.75"), ("£320 a week", "320.00"),
    ("£320 per week", "320.00"), ("320pw", "320.00"), ("320 p/w", "320.00"),
    ("£320 /week", "320.00"), ("£320/wk", "320.00"), ("320 weekly", "320.00"),
    ("£320 each week", "320.00"), ("£150 A Week.", "150.00"), ("£150 per week.", "150.00"),
    ("10 pounds", "10.00"), ("10 pounds a week", "10.00"), ("£12.50 pw", "12.50"),
    ("£\x1b]0;title\x0712", "12.00"),  # terminal codes are taken out first
]


@pytest.mark.parametrize(("typed", "amount"), MONEY_READ)
def test_money_is_read_as_people_mean_it(typed: str, amount: str) -> None:
    assert answers.money(typed, "week") == {"amount": amount, "period": "week"}


@pytest.mark.parametrize(
    ("typed", "period"),
    [("£8,000 a year", "year"), ("8000 pa", "year"), ("£8,000 p.a.", "year"),
     ("8000 per annum", "year"), ("8000/yr", "year"), ("£8,000 annually", "year"),
     ("£650 a month", "month"), ("650 pcm", "month"), ("650 pm", "month"),
     ("650 per calendar month", "month"), ("£650 monthly", "month"),
     ("£600 every 4 weeks", "four-weeks"), ("600 4-weekly", "four-weeks"),
     ("600 per four weeks", "four-weeks")],
)
def test_money_with_the_period_chosen(typed: str, period: str) -> None:
    assert answers.money(typed, period)["period"] == period


# Unclear money: refused, with the reading journey would have made, to type plainly.
MONEY_UNCLEAR = [
    ("12,34,56", "£123,456.00", "123456"),  # commas out of place
    ("12,50", "£12.50", "12.50"),  # a decimal comma
    ("1,2", "£1.20", "1.20"),
    ("1,25", "£1.25", "1.25"),
    ("12 34", "£1,234.00", "1234"),  # numbers run together
    ("1 250", "£1,250.00", "1250"),
    ("1 250.50", "£1,250.50", "1250.50"),
    ("£££12", "£12.00", "12"),  # more than one pound sign
    ("££12.50", "£12.50", "12.50"),
    ("12£", "£12.00", "12"),  # the pound sign at the end
    ("12.50£", "£12.50", "12.50"),
    ("1.250,50", "£1,250.50", "1250.50"),  # the European way round
    ("1.000.000", "£1,000,000.00", "1000000"),
    ("12,500,50", "£12,500.50", "12500.50"),
    ("1,00", "£1.00", "1"),
    ("1,0000", "£10,000.00", "10000"),
    ("£ 1 2", "£12.00", "12"),
]


@pytest.mark.parametrize(("typed", "reading", "plain"), MONEY_UNCLEAR)
def test_unclear_money_asks_with_its_reading(words, typed: str, reading: str,
                                             plain: str) -> None:
    with pytest.raises(AnswerError) as e:
        answers.money(typed, "week")
    assert e.value.key == "error_money_unclear"
    assert e.value.values == {"text": typed.strip(), "reading": reading, "typed": plain}
    said = words.message(e.value.key, **e.value.values)
    assert f"Did you mean {reading}?" in said and f"please type {plain}." in said
    # What it offers is read as it says.
    assert answers.money(plain, "week")["amount"] == f"{reading[1:].replace(',', '')}"


@pytest.mark.parametrize(
    ("typed", "key"),
    [("£12.5x", "error_money"), ("-40", "error_money_negative"), ("12.345", "error_money"),
     ("", "error_empty"), ("1e5", "error_money"), ("NaN", "error_money"),
     ("99999999999", "error_money_huge"), ("x" * 1_000_000, "error_too_long"),
     ("£-40", "error_money_negative"), ("-£40", "error_money_negative"),
     ("- 12,50", "error_money_negative"), ("£", "error_empty"), ("  ", "error_empty"),
     ("£ a week", "error_money"), ("about 150", "error_money"), ("150ish", "error_money"),
     ("£50p", "error_money"), ("12.50p", "error_money"), ("1,250p", "error_money"),
     ("1.250", "error_money"), ("12.5.3", "error_money"), ("1,,250", "error_money_unclear"),
     ("\u0661\u0662", "error_money"), ("12\u00a034", "error_money"),
     ("99999999999p", "error_money_huge"), ("10,000,001", "error_money_huge"),
     ("£320 a month", "error_money_period_month"), ("320pcm", "error_money_period_month"),
     ("£8,000 a year", "error_money_period_year"), ("£600 every 4 weeks",
                                                   "error_money_period_four_weeks"),
     ("£15 an hour", "error_money_other_period"), ("£40 a day", "error_money_other_period"),
     ("£200 a fortnight", "error_money_period_two_weeks"),
     ("£200 every 2 weeks", "error_money_period_two_weeks"),
     ("£200 every 3 weeks", "error_money_other_period"),
     # As long as a box takes: far too much money, never an overflow.
     ("1" * 3999, "error_money_huge"), ("9" * 3998 + "p", "error_money_huge"),
     ("1 " * 1999, "error_money_huge"), ("1," * 1999, "error_money_huge"),
     ("£" * 3999, "error_money")],
)
def test_money_that_is_not_money(typed: str, key: str) -> None:
    with pytest.raises(AnswerError) as e:
        answers.money(typed, "week")
    assert e.value.key == key


def test_money_never_fails_but_kindly() -> None:
    """A seeded spray of what people's fingers do near a number."""
    rng = random.Random(11)
    keys = "0123456789£,. -pwamkyer/\t"
    for _ in range(5000):
        typed = "".join(rng.choice(keys) for _ in range(rng.randint(0, 14)))
        for period in answers.Period:
            try:
                value = answers.money(typed, period.value)
            except AnswerError as e:
                assert e.key.startswith("error_"), typed
            else:
                assert Decimal(value["amount"]) <= answers.MAX_MONEY, typed


def test_a_different_period_is_named_kindly(words) -> None:
    with pytest.raises(AnswerError) as e:
        answers.money("£320 a month", "week")
    said = words.message(e.value.key, **e.value.values)
    assert '"a month"' in said and 'choose "a month"' in said
    for period in answers.Period:
        key = "error_money_period_" + period.value.replace("-", "_")
        assert f'"{words.message("period_" + period.value.replace("-", "_"))}"' in (
            words.message(key, said="x"))


def test_costs_take_no_period_words() -> None:
    assert answers.amount("£1,250.5") == Decimal("1250.50")
    with pytest.raises(AnswerError) as e:
        answers.amount("£15 a week")
    assert e.value.key == "error_money"


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
            "error_money_unclear", "error_money_other_period",
            "error_empty", "error_date", "error_person", "error_choose"]
    for key in keys:
        assert key in words.messages
    message = words.message("error_too_long", length="1,048,576", limit="4,000")
    assert "1,048,576" in message


UNSEEN = [*"\u200b\u200c\u200d\u2060\ufeff", *"\u202a\u202b\u202c\u202d\u202e",
          *"\u2066\u2067\u2068\u2069"]


@pytest.mark.parametrize("unseen", UNSEEN)
def test_names_lose_unseen_characters(unseen: str) -> None:
    assert answers.clean_name(f"Sa{unseen}m\x1b[31m") == "Sam"
    assert answers.short(f" {unseen}Jo{unseen} ") == "Jo"
    assert answers.person(f"Jo{unseen}", f"sis{unseen}ter") == {"name": "Jo",
                                                                "relation": "sister"}
    with pytest.raises(AnswerError) as e:
        answers.short(unseen * 3)
    assert e.value.key == "error_empty"


def test_names_keep_every_letter_people_use() -> None:
    for name in ("Zoë", "Zoe\u0301", "Siobhán Ó Briain", "李小龍", "שרה", "شكرا", "नमस्ते",
                 "Mo 🙂", "Ann-Marie O'Neil"):
        assert answers.clean_name(name) == name


def test_short_fields_inside_answers_are_cleaned_as_names() -> None:
    value = {"name": "Jo\u202e", "relation": "\u2066son\u2069", "helps": "lifts 👨\u200d👩\u200d👧",
             "what": "Art\u200b group", "who": "Jo\ufeff"}
    assert answers.clean_value(value) == {"name": "Jo", "relation": "son",
                                          "helps": "lifts 👨\u200d👩\u200d👧",
                                          "what": "Art group", "who": "Jo"}
    # Longer answers keep what was typed: joiners are part of some words and emoji.
    assert answers.text("My family 👨\u200d👩\u200d👧") == "My family 👨\u200d👩\u200d👧"


def test_words_choose_the_period_until_the_person_has_chosen_one() -> None:
    assert answers.money("£720 every 4 weeks", "week", chosen=False) == {
        "amount": "720.00", "period": "four-weeks"}
    assert answers.money("£8,000 a year", "week", chosen=False)["period"] == "year"
    assert answers.money("150", "month", chosen=False)["period"] == "month"  # no words
    with pytest.raises(AnswerError):  # chosen by the person: words for another are asked about
        answers.money("£720 every 4 weeks", "week")


def test_text_already_clean_is_kept_as_it_is_and_anything_else_is_cleaned() -> None:
    """Text that is already clean is passed straight through (most text is); the quick
    check must never let through what the full cleaning would take out."""
    from journey.core.answers import _CONTROLS, _ESCAPES, _UNSEEN, NAME_LIMIT, clean, clean_name

    def slow_clean(raw: str) -> str:
        return _CONTROLS.sub("", _ESCAPES.sub("", raw))

    def slow_name(raw: str, limit: int | None = NAME_LIMIT) -> str:
        return " ".join(_UNSEEN.sub("", slow_clean(raw)).split())[:limit].rstrip()

    points = [*range(0x3000), *range(0xfe00, 0x10000), 0x1d173, 0xe0001, 0xe007f]
    letters = [chr(p) for p in points if not 0xd800 <= p <= 0xdfff]
    for letter in letters:
        for raw in (letter, f"a{letter}b", f"{letter}x", f"x{letter}", f"a {letter} b"):
            assert clean(raw) == slow_clean(raw), repr(raw)
            assert clean_name(raw) == slow_name(raw), repr(raw)
            assert clean_name(raw, limit=None) == slow_name(raw, None), repr(raw)
    long_name = "a" * NAME_LIMIT + "b"
    assert clean_name(long_name) == slow_name(long_name) == "a" * NAME_LIMIT
