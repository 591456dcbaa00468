"""When the person finishes a helper's questions, what it worked out, to say in the chat."""

from __future__ import annotations

from journey.conversation.session import Session
from journey.plan import results


def finished(session: Session, before: str, now: str | None = None) -> list[str]:
    """Messages for each helper whose last question was just answered (`before`), the
    person having moved on to `now` (by default the question they are on)."""
    words = session.content
    if now is None and session.question is not None:
        now = session.question.id
    said = []
    for result, found in results.just_finished(words, session.journey, before, now):
        text = "\n".join([found.title, *(f"• {line.text}" for line in found.lines)])
        if result.sheet:
            text += "\n\n" + words.message("prep_hint")
        said.append(text)
    return said
