"""Kept versions of the plan: when one is kept.

A version is kept (a Versioned event) when a review begins and the plan has no version yet,
or its answers changed since the last one; and when a review ends that changed the plan.
Nothing is kept when nothing changed."""

from __future__ import annotations

from typing import Any

from journey.core.model import REVIEW_PREFIX, Journey, Versioned


def _plan_answers(journey: Journey) -> dict[str, tuple[Any, bool]]:
    """The plan's answers as they stand: every answer but a review's own."""
    return {q: (a.value, a.unsure) for q, a in journey.answers.items()
            if not q.startswith(REVIEW_PREFIX)}


def keep_version(journey: Journey, by: str, review: str | None = None) -> Versioned | None:
    """Record a new version of the plan on the journey (for the caller to save with what
    it saves) when its answers changed since the last version, or it has none yet; else
    record nothing and return None."""
    kept = journey.versions()
    if kept:
        last = journey.at_version(kept[-1].number)
        if last is not None and _plan_answers(last) == _plan_answers(journey):
            return None
    number = max((v.number for v in kept if isinstance(v.number, int)), default=0) + 1
    version = Versioned(number=number, review=review, by=by)
    journey.record(version)
    return version
