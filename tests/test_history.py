"""Every change to an answer is kept, with who made it and when; undo is a change too."""

from __future__ import annotations

import pytest

from journey.core.model import Answered, Role, Undone
from journey.store.database import Store

from .helpers import start


def test_history_keeps_every_change_with_who_and_when(words, store: Store) -> None:
    session = start(words, store, mode="with")
    session.go_to_question("rights.who")
    session.answer("person")
    session.back()
    session.answer("carer")
    history = session.history("rights.who")
    assert [(e.value, e.by, e.role) for e in history if isinstance(e, Answered)] == [
        ("person", "Sam", Role.PERSON), ("carer", "Sam", Role.PERSON)]
    assert history[0].at <= history[1].at


def test_undo_brings_back_the_answer_before(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("rights.who")
    # "carer" first: the question after "person" still applies once "carer" is back.
    session.answer("carer")
    session.back()
    session.answer("person")
    here = session.flow.question_id
    assert here != "rights.who"
    assert session.undo("rights.who")
    assert session.journey.value("rights.who") == "carer"
    assert session.flow.question_id == here  # undo does not move the person
    kinds = [type(e).__name__ for e in session.history("rights.who")]
    assert kinds == ["Answered", "Answered", "Undone"]
    # And on disk, in the same order, with who undid it.
    saved = Store(store.home).load(session.journey.id)
    assert saved.value("rights.who") == "carer"
    undo = saved.history("rights.who")[-1]
    assert isinstance(undo, Undone) and undo.by == "Sam"


def test_undoing_the_first_answer_leaves_none_and_nothing_more_to_undo(words, store) -> None:
    session = start(words, store)
    session.go_to_question("rights.who")
    session.answer("person")
    assert session.undo("rights.who")
    assert "rights.who" not in session.journey.answers
    assert not session.undo("rights.who")
    assert len(session.history("rights.who")) == 2


def test_undo_of_an_answer_a_step_depends_on_moves_back_to_a_question_that_applies(
        words, store) -> None:
    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    assert session.question.id == "personal-budget.amount"
    session.undo("personal-budget.known")
    assert session.question is not None
    assert session.question.id in [q.id for q in session.flow.questions("personal-budget")]


def test_derived_answers_match_a_fresh_replay(words, store) -> None:
    """Answers kept up to date event by event are the same as those derived afresh."""
    session = start(words, store)
    session.go_to_question("rights.who")
    session.answer("person")
    session.back()
    session.answer("carer")
    assert session.undo("rights.who")
    assert session.undo("rights.who")
    session.go_to_question("rights.why-now")
    session.answer("Nothing")
    fresh = store.load(session.journey.id)  # made afresh from the events as stored
    assert fresh.answers == session.journey.answers
    assert "rights.who" not in fresh.answers
    assert fresh.value("rights.why-now") == "Nothing"


def test_a_journey_open_elsewhere_can_be_looked_at_but_not_changed(words, store) -> None:
    session = start(words, store)
    journey_id = session.journey.id
    other = Store(store.home)
    from journey.conversation.session import Session

    looking = Session(words, other, other.load(journey_id))
    assert not looking.claim()
    assert "open in a second window" in (looking.read_only or "")
    before = len(other.load(journey_id).events)
    assert looking.go_to_question("rights.who")  # moving about to look is allowed
    with pytest.raises(Exception, match="open in a second window"):
        looking.answer("person")
    with pytest.raises(Exception, match="open in a second window"):
        looking.undo("welcome.name")
    assert looking.next() or True  # moving about to look is allowed, and not saved
    assert len(other.load(journey_id).events) == before
    session.close()
    store.release(journey_id)
    again = Session(words, other, other.load(journey_id))
    assert again.claim()
    again.go_to_question("rights.who")
    again.answer("person")
    assert other.load(journey_id).value("rights.who") == "person"
    other.close()
