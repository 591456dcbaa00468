"""What is still to find out: each answer given as "not sure yet"."""

from __future__ import annotations

from journey.plan.snapshot import FollowUp, Snapshot

KEY = "to_find_out"


def derive(snap: Snapshot) -> list[FollowUp]:
    return list(snap.follow_ups)
