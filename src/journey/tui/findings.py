"""When the person finishes a helper's questions, what it worked out, to say in the chat."""

from __future__ import annotations

from journey import results
from journey.session import Session


def finished(session: Session, before: str) -> list[str]:
    """Messages for each helper whose last question was just answered."""
    words, now = session.content, session.question
    said = []
    for result in results.left_behind(words, before, now.id if now else None):
        found = results.finding(words, result, session.journey)
        if found is None:
            continue
        text = "\n".join([found.title, *(f"• {line.text}" for line in found.lines)])
        if result.sheet:
            text += "\n\n" + words.message("prep_hint")
        said.append(text)
    return said
