"""The journey: a list of events. Everything else about it (answers, name, where the person
is) is derived from those events, so nothing is ever stored twice or overwritten. Even
undoing a change is a new event, so an answer's history shows every step of it."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

NAME_QUESTION = "welcome.name"
MODE_QUESTION = "welcome.mode"
HELPER_QUESTION = "welcome.helper-name"
HELPER_ROLE_QUESTION = "welcome.helper-role"


def now() -> datetime:
    return datetime.now(UTC)


class Mode(StrEnum):
    SELF = "self"
    WITH = "with"  # a facilitator sits with the person
    BEHALF = "behalf"  # someone answers for the person


class Role(StrEnum):
    PERSON = "person"
    FACILITATOR = "facilitator"
    BEHALF = "behalf"


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    at: datetime = Field(default_factory=now)


class Answered(Event):
    """An answer to a question, and who gave it. A later answer to the same question
    replaces it in the plan; this one stays in the history."""

    kind: Literal["answer"] = "answer"
    question: str
    value: Any = None
    unsure: bool = False
    by: str
    role: Role


class Skipped(Event):
    """The person left a step for now, to come back to it later."""

    kind: Literal["skip"] = "skip"
    step: str


class Moved(Event):
    """Where the person now is. The last one is where a resumed journey opens."""

    kind: Literal["move"] = "move"
    step: str
    question: str | None = None


class Undone(Event):
    """The last change to an answer was undone: the answer before it is the answer again
    (or there is no answer, if it was the first)."""

    kind: Literal["undo"] = "undo"
    question: str
    by: str
    role: Role


AnyEvent = Annotated[Answered | Skipped | Moved | Undone, Field(discriminator="kind")]


class Journey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    created: datetime = Field(default_factory=now)
    events: list[AnyEvent] = []

    # Derived from the events on first use, then kept up to date as events are recorded.
    _changes: dict[str, list[Answered]] | None = PrivateAttr(default=None)
    _answers: dict[str, Answered] | None = PrivateAttr(default=None)
    _skips: dict[str, datetime] | None = PrivateAttr(default=None)

    def record(self, event: Event) -> None:
        self.events.append(event)
        if self._changes is not None:
            assert self._answers is not None and self._skips is not None
            _apply(event, self._changes, self._answers, self._skips)

    def forget(self, event: Event) -> None:
        """Take back the event just recorded, when saving it failed."""
        if self.events and self.events[-1] is event:
            self.events.pop()
            self._changes = self._answers = self._skips = None

    def _derive(self) -> None:
        changes: dict[str, list[Answered]] = {}
        answers: dict[str, Answered] = {}
        skips: dict[str, datetime] = {}
        for event in self.events:
            _apply(event, changes, answers, skips)
        self._changes, self._answers, self._skips = changes, answers, skips

    @property
    def answers(self) -> dict[str, Answered]:
        """The answer standing for each question: the latest, unless it was undone."""
        if self._answers is None:
            self._derive()
        assert self._answers is not None
        return self._answers

    def history(self, question: str) -> list[Answered | Undone]:
        """Every change to one answer, oldest first, with who made it and when."""
        return [e for e in self.events
                if isinstance(e, Answered | Undone) and e.question == question]

    def can_undo(self, question: str) -> bool:
        return question in self.answers

    def values(self) -> dict[str, Any]:
        """Given answers by question id, leaving out 'not sure yet'. Conditions read these."""
        return {q: a.value for q, a in self.answers.items() if not a.unsure}

    def value(self, question: str) -> Any:
        answer = self.answers.get(question)
        return None if answer is None or answer.unsure else answer.value

    @property
    def name(self) -> str | None:
        return self.value(NAME_QUESTION)

    @property
    def mode(self) -> Mode:
        value = self.value(MODE_QUESTION)
        return Mode(value) if value in Mode._value2member_map_ else Mode.SELF

    @property
    def helper(self) -> str | None:
        return self.value(HELPER_QUESTION) if self.mode is not Mode.SELF else None

    @property
    def helper_role(self) -> str | None:
        return self.value(HELPER_ROLE_QUESTION) if self.mode is not Mode.SELF else None

    def speaker(self, question: str) -> tuple[str, Role]:
        """Who is giving an answer now. In facilitated sessions the person speaks for
        themselves about their life; the helper answers the questions about the session."""
        if self.mode is Mode.SELF:
            return (self.name or "", Role.PERSON)
        helper = self.helper or ""
        if question.startswith("welcome."):
            return (helper, Role.FACILITATOR)
        if self.mode is Mode.BEHALF:
            return (helper, Role.BEHALF)
        return (self.name or "", Role.PERSON)

    @property
    def position(self) -> Moved | None:
        return next((e for e in reversed(self.events) if isinstance(e, Moved)), None)

    @property
    def updated(self) -> datetime:
        return self.events[-1].at if self.events else self.created

    def last_skip(self, step: str) -> datetime | None:
        if self._skips is None:
            self._derive()
        assert self._skips is not None
        return self._skips.get(step)


def _apply(event: Event, changes: dict[str, list[Answered]], answers: dict[str, Answered],
           skips: dict[str, datetime]) -> None:
    """Bring what is derived from a journey's events up to date with one more event."""
    if isinstance(event, Answered):
        changes.setdefault(event.question, []).append(event)
        answers[event.question] = event
    elif isinstance(event, Undone):
        # Each undo takes back one more change: the answers still standing are a stack.
        standing = changes.get(event.question)
        if standing:
            standing.pop()
        if standing:
            answers[event.question] = standing[-1]
        else:
            answers.pop(event.question, None)
    elif isinstance(event, Skipped):
        skips[event.step] = event.at
