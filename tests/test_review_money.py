"""A review's record says how the money went from the direct-payment record, where the
person keeps one: money in and out and what the account held, between the review before and
this one. Without a record it says nothing of it, and the person's rough figure stands."""

from __future__ import annotations

from datetime import UTC, datetime

from journey.cli.main import main
from journey.core.model import MoneyKept, ReviewBegun, ReviewEnded
from journey.money.reviewed import how_it_went
from journey.plan.review import records

from .examples import mia_reviewed, ryan_reviewed


def test_ryans_review_says_how_the_money_went_from_his_record(words, store, capsys) -> None:
    journey = ryan_reviewed(words, store).journey
    plain, = records(words, journey)
    assert plain.money_from_record is None  # only when asked for: the plan never reads money
    record, = records(words, journey, how_it_went)
    said = record.money_from_record
    assert said is not None and said.startswith("From the record, 20 November 2026 to ")
    assert "came in and" in said and "went out" in said
    assert main(["export", journey.id, "--review", "1"]) == 0
    assert said in capsys.readouterr().out


def test_between_reviews_only_that_time_counts(words, store) -> None:
    journey = ryan_reviewed(words, store).journey
    first = datetime(2027, 1, 10, tzinfo=UTC)
    second = datetime(2027, 3, 1, tzinfo=UTC)
    for event in (ReviewBegun(id="r1", reason="light", by="Lisa", at=first),
                  ReviewEnded(review="r1", by="Lisa", at=first)):
        store.record(journey, event)
    store.record(journey, MoneyKept(day="2027-02-01", pence=1000, direction="out",
                                    what="equipment", who="Shop", by="Lisa"))
    said = how_it_went(words, store.load(journey.id), second, None)
    assert said is not None and said.startswith("From the record, 10 January 2027 to 1 March 2027")


def test_no_record_no_words(words, store) -> None:
    journey = mia_reviewed(words, store).journey
    record, = records(words, journey, how_it_went)
    assert record.money_from_record is None
