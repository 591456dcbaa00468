"""The costed support against the budgets (journey.plan.costing does the sums)."""

from __future__ import annotations

from journey.plan.costing import Costing
from journey.plan.snapshot import Snapshot

KEY = "costing"


def derive(snap: Snapshot) -> Costing:
    return snap.costing
