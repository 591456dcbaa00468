"""The events a plan's later life adds (reviews, versions, the direct-payment record) are
stored, read back on the quick path and by the strict reader alike, and a version of the
plan is what the journey was when it was kept, whatever was answered after."""

from __future__ import annotations

import json

import pytest

from journey.core.model import (
    Answered,
    MoneyKept,
    MoneyRemoved,
    MoneyRule,
    ReviewBegun,
    ReviewEnded,
    Role,
    Versioned,
)
from journey.store import own_events
from journey.store.database import StoreError, event_json

from .helpers import start

LATER = [
    ReviewBegun(reason="light", by="Sam"),
    ReviewEnded(review="abcd1234", by="Sam"),
    Versioned(number=2, review="abcd1234", by="Sam"),
    MoneyKept(day="2026-04-30", pence=123456, direction="out", what="pay", who="Kim Lee",
              purpose="April pay", support="Personal assistant", evidence="payslip",
              kept_where="Blue folder", source="statement:1f2e", by="Sam"),
    MoneyRemoved(entry="abcd1234", by="Sam"),
    MoneyRule(name="weeks-allowed", value=8, by="Sam"),
]


@pytest.mark.parametrize("event", LATER, ids=lambda e: e.kind)
def test_each_later_event_is_read_back_on_the_quick_path(store, event) -> None:
    body = event_json(event)
    back = own_events.journey("x", "2026-11-29T10:00:00+00:00", [body])
    assert back.events == [event]
    strict = store._strictly("x", "2026-11-29T10:00:00+00:00", [(body,)])
    assert strict.events == [event]


@pytest.mark.parametrize("pence", ["12", 12.5, True, None])
def test_money_not_in_whole_pence_is_never_taken_on_the_quick_path(store, pence) -> None:
    body = json.loads(event_json(LATER[3]))
    body["pence"] = pence
    with pytest.raises(own_events.NotOwn):
        own_events.journey("x", "2026-11-29T10:00:00+00:00", [json.dumps(body)])
    try:  # the strict reader takes it or names the problem: never a crash
        store._strictly("x", "2026-11-29T10:00:00+00:00", [(json.dumps(body),)])
    except StoreError as e:
        assert str(e)


def test_text_in_the_money_record_is_cleaned_of_terminal_codes() -> None:
    kept = MoneyKept(day="2026-04-30", pence=1, direction="out", what="other",
                     who="Shop\x1b[31m", purpose="Pads\x07", by="Sam")
    assert "\x1b" not in kept.who and "\x07" not in kept.purpose


def test_a_version_is_the_plan_as_it_was_kept(words, store) -> None:
    session = start(words, store, name="Sam")
    journey = session.journey
    store.record(journey, Versioned(number=1, by="Sam"))
    store.record(journey, Answered(question="welcome.name", value="Samira", by="Samira",
                                   role=Role.PERSON))
    again = store.load(journey.id)
    assert again.name == "Samira"
    first = again.at_version(1)
    assert first is not None and first.name == "Sam"
    assert again.at_version(2) is None
    assert [v.number for v in again.versions()] == [1]


def test_a_version_number_met_twice_names_the_first(store, words) -> None:
    session = start(words, store, name="Sam")
    journey = session.journey
    store.record(journey, Versioned(number=1, by="Sam"))
    store.record(journey, Versioned(number=1, by="Sam"))
    assert [v.number for v in store.load(journey.id).versions()] == [1]
