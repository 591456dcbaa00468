"""The answers folded once: what every part of the plan reads, worked out once per change.

A snapshot is made the first time the plan is asked for after a change, and kept with the
journey until its next event (journey.core.model.Journey.remember). Each part of the plan is a
pure function of it, so one change folds the answers once, however many parts read them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from types import MappingProxyType
from typing import Any

from journey.content import Journey as Content
from journey.core import fit, live
from journey.core.model import (
    HELPER_QUESTION,
    HELPER_ROLE_QUESTION,
    Answered,
    Confirmed,
    Journey,
    Mode,
    Note,
)
from journey.plan.costing import Costing, cost

HELPER_QUESTIONS = frozenset({HELPER_QUESTION, HELPER_ROLE_QUESTION})
# Answers only the council makes, by agreeing the plan: not knowing one yet is the usual
# state of a plan being made, never something still to find out or to ask the council for.
COUNCIL_MAKES = frozenset({"happen.agreed-yet", "happen.agreed", "happen.signed-by"})


@dataclass(slots=True)
class FollowUp:
    """An answer given as "not sure yet": something still to find out."""

    question: str
    step: str
    label: str


@dataclass(frozen=True)
class Snapshot:
    """A journey's answers folded for the plan, with what its parts read."""

    content: Content
    journey: Journey  # for who said what, the notes and the sittings; not for answers
    live: Mapping[str, Any]  # the answers that count (journey.core.live), read-only
    attributed: bool = True  # False: the plan reads as one voice, without who said what

    # -- who the plan is for (read once: every part asks, often once per answer) ----------

    @cached_property
    def name(self) -> str | None:
        return self.journey.name

    @cached_property
    def shown_name(self) -> str:
        return self.name or ""

    @cached_property
    def mode(self) -> Mode:
        return self.journey.mode

    @cached_property
    def about(self) -> bool:
        """Choice words about the person by name: someone helps, and the name is known."""
        return self.mode is not Mode.SELF and bool(self.name)

    @property
    def standing(self) -> Mapping[str, Answered]:
        """Every answer standing, "not sure yet" ones too, with who gave it."""
        return self.journey.answers

    # -- the answers ----------------------------------------------------------------------

    def value(self, question_id: str) -> Any:
        return self.live.get(question_id)

    def answered(self, question_id: str) -> bool:
        return question_id in self.live

    def applies(self, question_id: str) -> bool:
        """Whether the question would be asked now."""
        return live.applies(self.content, self.live, question_id)

    @cached_property
    def unsure(self) -> tuple[str, ...]:
        """Questions that apply, answered "not sure yet", in journey order."""
        standing = self.journey.answers
        return tuple(q.id for s in self.content.all_steps for q in s.questions
                     if (a := standing.get(q.id)) is not None and a.unsure
                     and self.applies(q.id))

    @cached_property
    def needs_fresh(self) -> tuple[str, ...]:
        """Questions that apply whose saved answer could not be read (journey.core.fit)."""
        return tuple(live.needs_fresh(self.content, self.journey, self.live))

    @cached_property
    def follow_ups(self) -> list[FollowUp]:
        """What is still to find out, as the plan shows it."""
        content = self.content
        return [
            FollowUp(question=q, step=content.step_of(q).title,
                     label=content.question(q).label)
            for q in self.unsure
            if (self.attributed or q not in HELPER_QUESTIONS) and q not in COUNCIL_MAKES
        ]

    @cached_property
    def costing(self) -> Costing:
        return cost(self.content, self.live)

    # -- what walks the events: once per change, however many parts or answers ask ------

    @cached_property
    def notes(self) -> tuple[Note, ...]:
        return tuple(self.journey.notes())

    @cached_property
    def confirmed(self) -> frozenset[str]:
        """Questions whose standing answer, suggested by someone else, the person has since
        said is theirs (journey.core.model.Journey.confirmed, for every question in one
        pass over the events rather than one pass per answer)."""
        standing = self.journey.answers
        answered: set[str] = set()
        found: set[str] = set()
        for event in self.journey.events:
            if isinstance(event, Answered):
                if standing.get(event.question) is event:
                    answered.add(event.question)
            elif isinstance(event, Confirmed) and event.question in answered:
                found.add(event.question)
        return frozenset(found)

    def is_confirmed(self, question_id: str) -> bool:
        return question_id in self.confirmed


def snapshot(content: Content, journey: Journey, *, attributed: bool = True) -> Snapshot:
    """The journey's answers folded for this content: made once per change."""
    fit.check(content, journey)  # a different content starts the journey's memory afresh
    whole = journey.remember("plan-snapshot", lambda: Snapshot(
        content=content, journey=journey,
        live=MappingProxyType(live.live_values(content, journey))))
    return whole if attributed else journey.remember(
        "plan-snapshot-one-voice", lambda: replace(whole, attributed=False))
