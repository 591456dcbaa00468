"""Gareth's example journey with a later life: two reviews and three versions of his plan,
recorded as the review conversation records them, for the tests of versions."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from journey.core.model import Answered, Journey, ReviewBegun, ReviewEnded, Role, Versioned
from journey.plan.versions import keep_version
from journey.store.database import Store
from journey.store.interchange import read

EXAMPLES = Path(__file__).parent.parent / "content" / "examples"


def example(store: Store, name: str = "gareth") -> Journey:
    """A new copy of an example journey as it was planned, in this store: the review it
    ships with, and the versions that review kept, are left out, so the tests here give
    it a later life of their own."""
    saved, = read(EXAMPLES / f"{name}.json")
    events = saved.journey.events
    later = next((i for i, e in enumerate(events) if isinstance(e, ReviewBegun | Versioned)),
                 len(events))
    planned = replace(saved, journey=replace(saved.journey, events=events[:later]))
    journey, = store.add([planned], keep_ids=False)
    return store.load(journey.id)


def _at(event: Any, at: datetime | None) -> Any:
    return event if at is None else replace(event, at=at)


def say(store: Store, journey: Journey, question: str, value: Any,
        at: datetime | None = None) -> None:
    store.record(journey, _at(Answered(question=question, value=value, by="Gareth",
                                       role=Role.PERSON), at))


def keep(store: Store, journey: Journey, review: str | None = None,
         at: datetime | None = None) -> None:
    version = keep_version(journey, "Gareth", review)
    if version is not None:
        store.record(journey, _at(version, at))


def review(store: Store, journey: Journey, review_id: str, reason: str,
           answers: dict[str, Any], plan: dict[str, Any], at: datetime | None = None) -> None:
    """A review as the conversation holds one: the plan kept first, the review's own
    answers, the plan's changes, its end, and the new version (all at `at`, when given)."""
    keep(store, journey, at=at)
    store.record(journey, _at(ReviewBegun(id=review_id, reason=reason, by="Gareth"), at))
    for question, value in answers.items():
        say(store, journey, question, value, at)
    for question, value in plan.items():
        say(store, journey, question, value, at)
    store.record(journey, _at(ReviewEnded(review=review_id, by="Gareth"), at))
    keep(store, journey, review_id, at)


def changed_costs(journey: Journey) -> list[dict[str, Any]]:
    costs = copy.deepcopy(journey.value("planning.costs"))
    costs[0]["cost"] = "25.00"  # the support worker costs more an hour
    del costs[2]  # the pub quiz is taken out
    costs.append({"what": "Taxi home", "helps": "Getting home safe", "provider": "other",
                  "times": "1", "period": "week", "hours": "", "cost": "12", "per": "time",
                  "funding": "personal-budget", "serves": ["Going out on my own"]})
    return costs


def reviewed(store: Store, light: datetime | None = None,
             yearly: datetime | None = None) -> Journey:
    """Gareth's journey after a light check (his quiz stopped, a taxi home) and a yearly
    review that cut his budget without a reassessment, with an outcome worse and nothing
    changed for it, and an action from the light check not done and not carried over."""
    journey = example(store)
    review(store, journey, "light1", "light", {
        "review.progress": {"More friends": "better"},
        "review.reassessment": "no",
        "review.actions": [{"what": "Ask about a later bus", "who": "Jo", "by": "2026-08-01",
                            "status": "to-do"}],
    }, {
        "planning.costs": changed_costs(journey),
        "planning.risks": ["Getting home late at night", "Missing the last bus"],
        "circle.people": [*journey.value("circle.people"),
                          {"name": "Ali", "relation": "taxi driver", "ring": "paid",
                           "helps": "Drives me home"}],
    }, light)
    review(store, journey, "yearly1", "yearly", {
        "review.progress": {"Something to do on Saturdays": "worse",
                            "More friends": "better"},
        "review.reassessment": "no",
    }, {
        "personal-budget.amount": {"amount": "3000", "period": "year"},
        "happen.first-steps": [{"what": "Ask the agency for a support worker who likes rugby",
                                "who": "Jo", "by": "2026-05-01", "status": "done"}],
    }, yearly)
    return store.load(journey.id)
