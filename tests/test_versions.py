"""Kept versions of the plan: a version is kept only when the plan's answers changed since
the last one, numbered from 1 up whatever a hand edit left in the journey, and saved with
what made it, all or none."""

from __future__ import annotations

import pytest

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.core.model import Answered, Journey, ReviewBegun, ReviewEnded, Role, Versioned
from journey.plan import versions
from journey.store.database import Store, StoreError

from .helpers import start
from .test_saved_together import kept, no_room_for


def said(session: Session, question: str, value: object) -> None:
    session.store.record(session.journey, Answered(question=question, value=value, by="Sam",
                                                   role=Role.PERSON))


def test_a_journey_with_no_version_keeps_its_first(words: Content, store: Store) -> None:
    session = start(words, store)
    version = session.keep_version()
    assert version is not None and version.number == 1 and version.review is None
    assert [v.number for v in versions.kept(Store(store.home).load(session.journey.id))] == [1]


def test_nothing_is_kept_when_the_plan_has_not_changed(words: Content, store: Store) -> None:
    session = start(words, store)
    session.keep_version()
    before = len(session.journey.events)
    assert versions.keep_version(session.journey, "Sam") is None
    assert session.keep_version() is None
    assert len(session.journey.events) == before
    assert len(kept(store, session)) == before


def test_a_changed_answer_makes_the_next_version(words: Content, store: Store) -> None:
    session = start(words, store)
    session.keep_version()
    said(session, "planning.risks", ["I might fall"])
    second = session.keep_version(review="r1")
    assert second is not None and (second.number, second.review) == (2, "r1")
    # Changed back: still a change since version 2, so version 3 is the first plan again.
    said(session, "planning.risks", [])
    assert session.keep_version().number == 3


def test_a_review_s_own_answers_are_not_the_plan(words: Content, store: Store) -> None:
    session = start(words, store)
    session.keep_version()
    store.record(session.journey, ReviewBegun(id="r1", reason="light", by="Sam"))
    said(session, "review.progress", {"Go out more": "better"})
    said(session, "review.reassessment", "no")
    store.record(session.journey, ReviewEnded(review="r1", by="Sam"))
    assert versions.keep_version(session.journey, "Sam", "r1") is None
    # Read as stored, before any content says which answers fit: still not the plan's.
    raw = Journey(id="x", events=list(session.journey.events))
    assert "review.progress" in raw.answers
    assert versions.keep_version(raw, "Sam", "r1") is None


def test_an_old_version_keeps_its_own_answers(words: Content, store: Store) -> None:
    session = start(words, store)
    session.keep_version()
    said(session, "welcome.name", "Samira")
    session.keep_version()
    journey = Store(store.home).load(session.journey.id)
    first, second = versions.kept(journey)
    assert versions.at(journey, first).name == "Sam"
    assert versions.at(journey, second).name == "Samira"
    assert journey.name == "Samira"


@pytest.mark.parametrize(("numbers", "counted", "next_number"), [
    ([1, 1], [1], 2),  # a number met again
    ([0, -3, 1], [1], 2),  # nought and less
    ([1, 7], [1], 2),  # past the end
    ([1, 7, 2], [1, 2], 3),  # past the end, then carrying on
    ([2, 1, 2], [1, 2], 3),  # the first was past the end
    ([10**30], [], 1),
])
def test_damaged_numbers_never_count_and_the_next_is_one_more(
        words: Content, store: Store, numbers: list[int], counted: list[int],
        next_number: int) -> None:
    session = start(words, store)
    for number in numbers:
        store.record(session.journey, Versioned(number=number, by="Sam"))
        said(session, "planning.risks", [f"risk {number}"])  # each version a new plan
    journey = Store(store.home).load(session.journey.id)
    assert [v.number for v in versions.kept(journey)] == counted
    assert len(versions.damaged(journey)) == len(numbers) - len(counted)
    made = versions.keep_version(journey, "Sam")
    assert made is not None and made.number == next_number


def test_a_version_is_found_by_its_number_and_nothing_else(words: Content,
                                                          store: Store) -> None:
    session = start(words, store)
    session.keep_version()
    for asked in (0, 2, -1, "1", 1.0, True, None, 10**30):
        assert versions.find(session.journey, asked) is None
    assert versions.find(session.journey, 1).number == 1


def test_a_version_that_cannot_be_saved_leaves_nothing(words: Content, store: Store) -> None:
    session = start(words, store)
    before = list(session.journey.events)
    no_room_for(store, "version")
    with pytest.raises(StoreError):
        session.keep_version()
    assert session.journey.events == before
    assert versions.kept(session.journey) == []
    assert kept(store, session) == before


def test_a_version_and_the_review_beside_it_are_saved_together(words: Content,
                                                               store: Store) -> None:
    """The review's beginning and the version kept before it are one action: neither is
    saved without the other."""
    session = start(words, store)
    before = list(session.journey.events)
    no_room_for(store, "review")
    with pytest.raises(StoreError), session.together():
        session.keep_version()
        session._record(ReviewBegun(id="r1", reason="yearly", by="Sam"))
    assert session.journey.events == before
    assert kept(store, session) == before


def test_review_answers_are_those_between_its_start_and_end(words: Content,
                                                            store: Store) -> None:
    session = start(words, store)
    said(session, "review.reassessment", "asked")  # outside any review
    store.record(session.journey, ReviewBegun(id="r1", reason="yearly", by="Sam"))
    said(session, "review.reassessment", "done")
    store.record(session.journey, ReviewEnded(review="r1", by="Sam"))
    said(session, "review.reassessment", "no")  # after it ended
    assert versions.review_answers(session.journey, "r1") == {"review.reassessment": "done"}
    assert versions.ended_reviews(session.journey) == ["r1"]


def test_versions_read_again_after_an_event_is_taken_back(words: Content, store: Store) -> None:
    """The versions are read on from where they were last read; an event taken back (a save
    that failed) or a different one in its place is read afresh."""
    session = start(words, store)
    journey = session.journey
    first = Versioned(number=1, by="Sam")
    journey.record(first)
    assert [v.number for v in versions.kept(journey)] == [1]
    journey.forget(first)
    assert versions.kept(journey) == []
    journey.record(Versioned(number=5, by="Sam"))  # the same length, another event
    assert versions.kept(journey) == [] and len(versions.damaged(journey)) == 1
    store.record(journey, ReviewBegun(id="r9", reason="asked", by="Sam"))
    store.record(journey, Versioned(number=1, review="r9", by="Sam"))
    assert [(v.number, v.reason) for v in versions.kept(journey)] == [(1, "asked")]
