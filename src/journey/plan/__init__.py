"""The support plan, derived from a journey's answers. Pure functions: no files, no screen.

The answers are folded once per change into a snapshot (journey.plan.snapshot); each part of
the plan is a small pure function of it, one module each in journey.plan.parts; the
readiness check (journey.plan.readiness) reads the built parts. `build` puts them together,
so every export shows the same plan."""

from journey.plan.document import Plan, build
from journey.plan.parts.actions import Action
from journey.plan.parts.circle import CirclePerson, Ring
from journey.plan.parts.notes import PlanNote
from journey.plan.parts.outcomes import choices as aims
from journey.plan.parts.profile import ProfileBlock
from journey.plan.parts.reviews import DueReview
from journey.plan.parts.sections import Entry, Section
from journey.plan.snapshot import FollowUp, Snapshot, snapshot
from journey.plan.words import (
    action_line,
    answer_lines,
    attribution,
    item_line,
    member_line,
    suggested_lines,
)

__all__ = [
    "Action",
    "CirclePerson",
    "DueReview",
    "Entry",
    "FollowUp",
    "Plan",
    "PlanNote",
    "ProfileBlock",
    "Ring",
    "Section",
    "Snapshot",
    "action_line",
    "aims",
    "answer_lines",
    "attribution",
    "build",
    "item_line",
    "member_line",
    "snapshot",
    "suggested_lines",
]
