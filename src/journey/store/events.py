"""Reading stored events strictly. What is stored is never trusted: an older version or a
hand edit may have left anything in a journeys file, so each event is checked against its
kind before journey uses it, and text is cleaned as each event is made.

This is the only place the events meet pydantic, and it is imported only when events are
read back, never to start a new journey: the events themselves are plain data classes
(journey.core.model), which pydantic checks and makes directly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from journey.core.model import Journey, Recorded

# Any one event, told apart by its kind.
AnyEvent = Annotated[Recorded, Field(discriminator="kind")]


def first_problem(error: ValidationError) -> tuple[str, str]:
    """Where the first problem is ("journeys.0.events.3.answer.value") and what it is, in
    pydantic's words. An unknown field is called what it was called when events were
    pydantic models, so the messages people see stay the same."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    if first["type"] == "unexpected_keyword_argument":
        return where, "Extra inputs are not permitted"
    return where, first["msg"]


class Unreadable(ValueError):
    """Stored events that are not events journey could have written. `reason` says what
    is wrong first."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(str(error))
        self.reason = first_problem(error)[1]


class _Stored(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    created: datetime
    events: list[AnyEvent]


def journey(document: str) -> Journey:
    """A journey from its JSON (id, created, events). Raises Unreadable."""
    try:
        stored = _Stored.model_validate_json(document)
    except ValidationError as e:
        raise Unreadable(e) from None
    return Journey(id=stored.id, created=stored.created, events=stored.events)
