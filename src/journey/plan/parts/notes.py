"""The notes from planning that were chosen to go into the plan."""

from __future__ import annotations

from dataclasses import dataclass

from journey.plan.snapshot import Snapshot

KEY = "notes"


@dataclass(slots=True)
class PlanNote:
    """A note chosen to go into the plan."""

    text: str
    by: str | None
    next_step: bool = False  # a next step agreed in planning, shown with the action plan


def derive(snap: Snapshot) -> list[PlanNote]:
    return [PlanNote(text=n.text, by=n.by if snap.attributed else None, next_step=n.next_step)
            for n in snap.notes if n.in_plan]
