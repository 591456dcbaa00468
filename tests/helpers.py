"""Build journeys through the real session, as a person would answer."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.store.database import Store

# Root can read and write whatever the modes say (and Windows has no root).
IS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


def is_private(path: Path) -> bool:
    """Readable by the user alone: 0600 for a file, 0700 for a folder, where files have POSIX
    modes. Windows has none, only a read-only flag: there it is the user's own profile folder
    that keeps others out (tested apart), so any file passes here."""
    if os.name != "posix":
        return True
    return stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600)


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
