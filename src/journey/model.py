"""The journey: a list of events. Everything else about it (answers, name, where the person
is) is derived from those events, so nothing is ever stored twice or overwritten."""

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
    kind: Literal["answer"] = "answer"
    question: str
    value: Any = None
    unsure: bool = False
    by: str
    role: Role


class Skipped(Event):
    kind: Literal["skip"] = "skip"
    step: str


class Moved(Event):
    """Where the person now is. The last one is where a resumed journey opens."""

    kind: Literal["move"] = "move"
    step: str
    question: str | None = None


AnyEvent = Annotated[Answered | Skipped | Moved, Field(discriminator="kind")]


class Journey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    created: datetime = Field(default_factory=now)
    events: list[AnyEvent] = []

    _answers: dict[str, Answered] | None = PrivateAttr(default=None)

    def record(self, event: Answered | Skipped | Moved) -> None:
        self.events.append(event)
        if isinstance(event, Answered) and self._answers is not None:
            self._answers[event.question] = event

    @property
    def answers(self) -> dict[str, Answered]:
        """The latest answer to each question."""
        if self._answers is None:
            self._answers = {e.question: e for e in self.events if isinstance(e, Answered)}
        return self._answers

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
        return next(
            (e.at for e in reversed(self.events) if isinstance(e, Skipped) and e.step == step),
            None,
        )
