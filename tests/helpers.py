"""Build journeys through the real session, as a person would answer."""

from __future__ import annotations

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.store.database import Store


def start(words: Content, store: Store, name: str = "Sam", mode: str = "self") -> Session:
    session = Session(words, store, store.create())
    session.answer(name)
    session.answer(mode)
    if mode != "self":
        session.answer("Jo")
        session.answer("advocate")
        session.answer("they")
    return session


def to_text_question(session: Session) -> str:
    """Say "not sure yet" until the journey asks an open question; return its id."""
    while session.question is not None and session.question.kind != "text":
        session.answer(None, unsure=True)
    assert session.question is not None
    return session.question.id
