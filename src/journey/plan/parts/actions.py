"""The action plan: who does what by when, soonest first (those with no date after them, in
the order given). Each "not sure yet" answer is a thing to find out, at the end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journey.core import answers as parse
from journey.core.answers import Status
from journey.plan.snapshot import Snapshot

KEY = "actions"
ACTIONS_QUESTION = "happen.first-steps"


@dataclass(slots=True)
class Action:
    """One thing to do: who does it, by when, and how far it has got."""

    what: str
    who: str
    by: date | None
    status: str
    status_label: str
    find_out: bool = False  # from a "not sure yet" answer


def derive(snap: Snapshot) -> list[Action]:
    content = snap.content
    saved = snap.value(ACTIONS_QUESTION)
    planned = [parse.as_action(v) for v in saved] if isinstance(saved, list) else []
    actions = [
        Action(what=a["what"], who=a["who"], by=date.fromisoformat(a["by"]) if a["by"] else None,
               status=a["status"],
               status_label=content.message("action_" + a["status"].replace("-", "_")))
        for a in planned if a
    ]
    actions.sort(key=lambda a: (a.by is None, a.by or date.max))
    to_do = content.message("action_to_do")
    actions += [
        Action(what=content.message("action_find_out", label=f.label, step=f.step), who="",
               by=None, status=Status.TO_DO.value, status_label=to_do, find_out=True)
        for f in snap.follow_ups
    ]
    return actions
