"""The notes from planning that were chosen to go into the plan."""

from __future__ import annotations

from pydantic import BaseModel

from journey.plan.snapshot import Snapshot

KEY = "notes"


class PlanNote(BaseModel):
    text: str
    by: str | None


def derive(snap: Snapshot) -> list[PlanNote]:
    return [PlanNote(text=n.text, by=n.by if snap.attributed else None)
            for n in snap.journey.notes() if n.in_plan]
