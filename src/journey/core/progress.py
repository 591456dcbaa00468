"""How far a journey has come: each step's status and the share of the journey done.

Pure functions of the content and the journey's answers, with no machine: the store keeps
the percent done beside each saved journey, and the map and lists show the same figures.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from journey.content import Journey as Content
from journey.core import fit
from journey.core.flow import FINISHED, applicable, step_applies
from journey.core.model import Journey


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SKIPPED = "skipped"
    DONE = "done"
    NOT_NEEDED = "not_needed"


def status(content: Content, journey: Journey, step_id: str,
           values: dict[str, Any] | None = None) -> Status:
    fit.check(content, journey)
    given = values if values is not None else journey.values()
    if not step_applies(content, step_id, given) or (
            step_id != FINISHED and content.step(step_id).not_needed(given)):
        return Status.NOT_NEEDED
    questions = applicable(content, step_id, given)
    answers = journey.answers
    answered = [answers[q.id] for q in questions if q.id in answers]
    if questions and len(answered) == len(questions):
        return Status.DONE
    skipped = journey.last_skip(step_id)
    if skipped and all(a.at < skipped for a in answered):
        return Status.SKIPPED
    return Status.IN_PROGRESS if answered else Status.NOT_STARTED


def statuses(content: Content, journey: Journey) -> dict[str, Status]:
    values = fit.check(content, journey).values()
    return {step.id: status(content, journey, step.id, values) for step in content.all_steps}


def percent_done(content: Content, journey: Journey) -> int:
    """The share of the twelve steps done or not needed, as a whole percent."""
    values = fit.check(content, journey).values()
    states = [status(content, journey, s.id, values) for s in content.steps]
    finished = sum(s in (Status.DONE, Status.NOT_NEEDED) for s in states)
    return round(100 * finished / len(states))
