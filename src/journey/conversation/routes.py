"""The routes people take through journey, for counting the questions each one meets
(scripts/count-questions and the tests). A route is a few answers that set its course; every
other question it meets gets an ordinary answer: "yes", the first choice offered, a short
text. An optional ask (a question with `offer`) is answered "no", as most people pass by
nice-to-have detail; one route takes every optional ask, to show what they add. Walked
through the real session, so conditions and step order are the app's own."""

from __future__ import annotations

from typing import Any

from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.conversation.session import Session
from journey.core.saving import Recorder

ALONE = "alone, without the assessment helper"
# The aim: a person planning alone, without the assessment helper, meets at most this many.
ALONE_LIMIT = 70

_COMMON: dict[str, Any] = {
    "welcome.name": "Sam",
    "rights.who": "person",
    "rights.age": "adult",
    "assessment.status": "yes",
    "health-budget.route": ["none"],
}
_HELPER = {"welcome.helper-name": "Jo", "welcome.helper-role": "friend"}
_GETTING_READY = {"assessment.status": "not-yet"}

# In a route's answers: how it answers every optional ask ("no" unless it says).
OFFERS = "*offers"

ROUTES: dict[str, dict[str, Any]] = {
    ALONE: {**_COMMON, "welcome.mode": "self"},
    "alone, taking every optional ask": {**_COMMON, "welcome.mode": "self", OFFERS: "yes"},
    "alone, with the assessment helper": {**_COMMON, **_GETTING_READY, "welcome.mode": "self",
                                          "assessment.prepare": "adult"},
    "with a helper": {**_COMMON, **_HELPER, "welcome.mode": "with"},
    "on someone's behalf": {**_COMMON, **_HELPER, "welcome.mode": "behalf"},
    "for someone who is here and taking part": {**_COMMON, **_HELPER, "welcome.mode": "here"},
    "a carer, without the assessment helper": {**_COMMON, "welcome.mode": "self",
                                               "rights.who": "carer"},
    "a carer, with the assessment helper": {**_COMMON, **_GETTING_READY, "welcome.mode": "self",
                                            "rights.who": "carer",
                                            "assessment.prepare": "carer"},
}

# Questions that ask for the same fact, each asked only when the other is not: no route may
# meet both of a pair. They share a label (the plan's heading), and no other questions do.
# Everywhere else a later step shows what was said (a question's `recall`) and offers to
# change it, instead of asking again.
SAME_FACT: tuple[tuple[str, str], ...] = (
    ("personal-budget.employ-pa", "options.employ"),
    ("personal-budget.family-relation", "options.pay-family"),
)

_PERSON = {"name": "Jo", "relation": "friend"}
_ORDINARY: dict[Kind, Any] = {
    Kind.TEXT: "Something",
    Kind.LIST: ["Something"],
    Kind.YESNO: "yes",
    Kind.MONEY: {"amount": "100", "period": "week"},
    Kind.DATE: "2026-05-01",
    Kind.PERSON: _PERSON,
    Kind.PEOPLE: [{**_PERSON, "ring": "friends", "helps": "Shopping"}],
    Kind.SUPPORT: [{"what": "A helper", "helps": "", "provider": "pa", "times": "1",
                    "period": "week", "hours": "3", "cost": "15", "per": "hour",
                    "funding": "personal-budget"}],
    Kind.ACTIONS: [{"what": "Ring the council", "who": "Sam", "by": "", "status": "to-do"}],
    Kind.DETAILS: {"name": "Sam Smith", "council": "Leeds City Council"},
    Kind.RATINGS: {},
}


def ordinary(question: Question, session: Session, offers: str = "no") -> Any:
    if question.offer:
        return offers
    if question.kind is Kind.CHOICE:
        return session.choices(question)[0].value
    if question.kind is Kind.MULTI:
        return [session.choices(question)[0].value]
    return _ORDINARY[question.kind]


def walk(words: Content, store: Recorder, answers: dict[str, Any]) -> list[str]:
    """The ids of the questions met on the way from the first question to the end."""
    session = Session(words, store, store.create())
    offers = answers.get(OFFERS, "no")
    met: list[str] = []
    while not session.finished and session.question is not None:
        question = session.question
        if question.id in met:  # the session did not move on: stop rather than loop
            break
        met.append(question.id)
        session.answer(answers.get(question.id, ordinary(question, session, offers)))
    return met


def asked_twice(met: list[str]) -> list[tuple[str, str]]:
    """The pairs in SAME_FACT that were both met."""
    return [pair for pair in SAME_FACT if pair[0] in met and pair[1] in met]
