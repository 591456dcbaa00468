"""Build journeys through the real session, as a person would answer."""

from __future__ import annotations

from journey.content import Journey as Content
from journey.session import Session
from journey.store import Store


def start(words: Content, store: Store, name: str = "Sam", mode: str = "self") -> Session:
    session = Session(words, store, store.create())
    session.answer(name)
    session.answer(mode)
    if mode != "self":
        session.answer("Jo")
        session.answer("advocate")
        session.answer("they")
    return session
