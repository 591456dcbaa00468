"""When the person finishes a helper's questions, what it worked out, to say in the chat."""

from __future__ import annotations

from journey.conversation.session import Session
from journey.plan import results


def finished(session: Session, before: str) -> list[str]:
    """Messages for each helper whose last question was just answered."""
    words, now = session.content, session.question
    said = []
    for result, found in results.just_finished(words, session.journey, before,
                                               now.id if now else None):
        text = "\n".join([found.title, *(f"• {line.text}" for line in found.lines)])
        if result.sheet:
            text += "\n\n" + words.message("prep_hint")
        said.append(text)
    return said
