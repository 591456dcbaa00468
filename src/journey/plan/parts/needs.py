"""Needs, area by area: the answers from getting ready for the assessment (which areas of
life are hard, how, and what a bad day is like), folded into the plan instead of one line
per question. Only the areas said to be hard are shown."""

from __future__ import annotations

from dataclasses import dataclass

from journey.plan.snapshot import Snapshot
from journey.plan.words import answer_lines

KEY = "needs"
HOW, BAD_DAY = "how", "bad-day"


@dataclass(slots=True)
class Area:
    """One area of life said to be hard: how, and what a bad day is like."""

    label: str
    legal: str  # the regulation's own words for it
    how: list[str]
    bad_day: str | None


@dataclass(slots=True)
class AreaGroup:
    """The areas said to be hard, from one list of areas."""

    title: str
    areas: list[Area]


def derive(snap: Snapshot) -> list[AreaGroup]:
    content, live = snap.content, snap.live
    groups = []
    for step in content.all_steps:
        for repeat in step.repeats:
            areas = []
            for outcome in repeat.outcomes:
                if not repeat.hard(outcome, live):
                    continue
                how_id = repeat.question_id(outcome.id, HOW)
                bad = live.get(repeat.question_id(outcome.id, BAD_DAY))
                how = answer_lines(content, content.question(how_id), live[how_id],
                                   snap.shown_name) if how_id in live else []
                areas.append(Area(label=outcome.label, legal=outcome.legal, how=how,
                                  bad_day=bad if isinstance(bad, str) else None))
            if areas:
                groups.append(AreaGroup(title=repeat.title, areas=areas))
    return groups


def folded(snap: Snapshot, question_id: str) -> bool:
    """A question whose answer this part shows, so the plan's sections leave it out."""
    return question_id.startswith(folded_prefixes(snap))


def folded_prefixes(snap: Snapshot) -> tuple[str, ...]:
    """What the ids of the questions this part shows begin with."""
    return tuple(r.id + "." for s in snap.content.all_steps for r in s.repeats)
