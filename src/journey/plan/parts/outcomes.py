"""Needs and outcomes, and what meets each: the person's own list (what is hard, the areas
of life said to be hard, the needs the council found eligible, the outcomes they want), each
with the costed support chosen as meeting it. Support items name what they meet from this
list (journey.core.answers.support_item `serves`), so a need or outcome nothing meets shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from journey.plan.results import hard_outcomes
from journey.plan.snapshot import Snapshot

KEY = "outcomes"
# Where the person's needs come from, in journey order; then the outcomes they want.
NEED_LISTS = ("assessment.hard", "assessment.eligible-needs")
OUTCOME_LIST = "planning.outcomes"
REPEATS = ("assessment.adult", "assessment.carer")


@dataclass(slots=True)
class Aim:
    """A need or an outcome, and the support that meets it."""

    label: str
    kind: Literal["need", "outcome"]
    met_by: list[str]  # what each costed item that meets it is called


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def _texts(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(
        value, list) else []


def aims(snap: Snapshot) -> list[tuple[str, Literal["need", "outcome"]]]:
    """The person's own list, each once, needs first."""
    found: dict[str, tuple[str, Literal["need", "outcome"]]] = {}
    needs = [*_texts(snap.value(NEED_LISTS[0]))]
    for repeat_id in REPEATS:
        needs += [o.label for o in hard_outcomes(snap.content, repeat_id, snap.live)]
    needs += _texts(snap.value(NEED_LISTS[1]))
    for label in needs:
        found.setdefault(_key(label), (label, "need"))
    for label in _texts(snap.value(OUTCOME_LIST)):
        found.setdefault(_key(label), (label, "outcome"))
    return list(found.values())


def choices(snap: Snapshot) -> list[str]:
    """What a piece of costed support can say it meets."""
    return [label for label, _ in aims(snap)]


def derive(snap: Snapshot) -> list[Aim]:
    # Each item's list read once, not once for every need and outcome.
    serving = [(line.what, {_key(s) for s in line.serves}) for line in snap.costing.lines]
    return [
        Aim(label=label, kind=kind, met_by=[what for what, serves in serving if key in serves])
        for label, kind in aims(snap) for key in (_key(label),)
    ]
