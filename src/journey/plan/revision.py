"""What a panel asks of a revised plan: once a review has kept a new version of the plan,
the plan now is set against the version before that review (care-act-facts.md: s27 and
statutory guidance chapter 13, and good practice in reviews):

- a budget cut (the personal budget a year is lower than in the version before) with no
  reassessment of needs (the review's `review.reassessment` is not "done");
- an outcome the review said is going worse (`review.progress`) with nothing in the plan
  changed for it: the outcome and the costed support that meets it are as they were;
- an action the review, or the review before it, agreed (`review.actions`), not done and
  not carried over into the plan's own actions (or, for the review before, this review's).

Pure, and quiet for a plan never reviewed: it reads the journey's versions and the review's
own answers, each value checked before it is used (a stored one may hold anything)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from journey.core import answers as parse
from journey.plan import versions
from journey.plan.costing import COSTS_QUESTION
from journey.plan.parts import money, outcomes
from journey.plan.snapshot import Snapshot, snapshot

ACTIONS_QUESTION = "happen.first-steps"
REVIEW_ACTIONS = "review.actions"
REASSESSMENT = "review.reassessment"


@dataclass(slots=True)
class Found:
    code: str  # the revision check in content that says it, with its sources
    question: str  # where it is put right
    blocks: bool
    values: dict[str, Any] = field(default_factory=dict)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _actions(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        return []
    return [a for v in value if (a := parse.as_action(v)) and a["what"].strip()]


def _serving(snap: Snapshot, label: str) -> list[tuple[Any, ...]]:
    """The costed support that meets an outcome, as what would show a change to it."""
    key = _key(label)
    return sorted((line.what, line.per_year, line.how_often, line.provider, line.funding)
                  for line in snap.costing.lines if key in {_key(s) for s in line.serves})


def _budget(snap: Snapshot) -> Any:
    return money.figure(snap.content, snap.live.get(money.BUDGET))


# The version before a review, folded once: a kept version never changes, so its snapshot
# holds across answers (the journey's own memory is cleared by each new event). Keyed by the
# Versioned event itself, kept here so its id cannot be reused while it is; a few at most.
_BEFORE: OrderedDict[tuple[int, int], tuple[object, Snapshot]] = OrderedDict()
_KEEP = 4


def _before(snap: Snapshot, version: versions.Version) -> Snapshot:
    key = (id(version.event), id(snap.content))
    kept = _BEFORE.get(key)
    if kept is not None and kept[0] is version.event:
        _BEFORE.move_to_end(key)
        return kept[1]
    made = snapshot(snap.content, versions.at(snap.journey, version))
    _BEFORE[key] = (version.event, made)
    while len(_BEFORE) > _KEEP:
        _BEFORE.popitem(last=False)
    return made


def findings(snap: Snapshot, aims: Iterable[outcomes.Aim]) -> list[Found]:
    journey = snap.journey
    kept = versions.kept(journey)
    if len(kept) < 2 or kept[-1].review is None:
        return []
    new, before = kept[-1], kept[-2]
    old = _before(snap, before)
    review = versions.review_answers(journey, new.review)
    found: list[Found] = []
    then, now = _budget(old), _budget(snap)
    if then and now and now.per_year < then.per_year and review.get(REASSESSMENT) != "done":
        found.append(Found("budget-cut", money.BUDGET, True,
                           {"old": parse.pounds(then.per_year), "new": parse.pounds(now.per_year),
                            "number": before.number}))
    old_aims = {_key(a.label) for a in outcomes.derive(old)}
    now_aims = {_key(a.label): a.label for a in aims}
    for label, how in versions.progress(review).items():
        key = _key(label)
        if how == "worse" and key in now_aims and key in old_aims and (
                _serving(old, label) == _serving(snap, label)):
            found.append(Found("worse-unchanged", COSTS_QUESTION, False,
                               {"outcome": now_aims[key]}))
    carried = {_key(a["what"]) for a in _actions(snap.value(ACTIONS_QUESTION))}
    here = _actions(review.get(REVIEW_ACTIONS))
    ended = versions.ended_reviews(journey)
    earlier = ended[:ended.index(new.review)][-1:] if new.review in ended else []
    agreed = [*(_actions(versions.review_answers(journey, earlier[0]).get(REVIEW_ACTIONS))
                if earlier else []), *here]
    also = {_key(a["what"]) for a in here}
    seen: set[str] = set()
    for action in agreed:
        key = _key(action["what"])
        if action["status"] == parse.Status.DONE.value or key in carried or key in seen or (
                action not in here and key in also):
            continue
        seen.add(key)
        found.append(Found("action-dropped", ACTIONS_QUESTION, False, {"what": action["what"]}))
    return found
