"""Which answers still count. An answer stays saved when an earlier answer changes, but it
counts only while its step and its question still apply, and a question that depends on an
answer that no longer counts does not apply either."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journey.content import Journey as Content
from journey.content import holds
from journey.core import fit
from journey.core.model import Journey


def live_values(content: Content, journey: Journey) -> dict[str, Any]:
    given = fit.check(content, journey).values()
    live: dict[str, Any] = {}
    # Conditions only look back, so one pass in journey order settles every question.
    for step in content.all_steps:
        if not holds(step.when, live):
            continue
        for question in step.questions:
            if question.id in given and question.applies(live):
                live[question.id] = given[question.id]
    return live


def applies(content: Content, live: Mapping[str, Any], question_id: str) -> bool:
    """Whether a question would be asked now, given the answers that count."""
    question = content.question(question_id)
    step = content.step_of(question_id)
    return holds(step.when, live) and question.applies(live)


def needs_fresh(content: Content, journey: Journey,
                live: Mapping[str, Any] | None = None) -> list[str]:
    """Questions that apply whose saved answer could not be used (journey.core.fit), in journey
    order: each is asked again."""
    unfit = fit.check(content, journey).unfit
    if not unfit:
        return []
    live = live_values(content, journey) if live is None else live
    return [q.id for s in content.all_steps for q in s.questions
            if q.id in unfit and applies(content, live, q.id)]
