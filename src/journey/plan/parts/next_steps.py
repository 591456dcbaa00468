"""The next steps agreed while planning (notes marked as a next step), for every format."""

from __future__ import annotations

from journey.plan.snapshot import Snapshot

KEY = "next_steps"


def derive(snap: Snapshot) -> list[str]:
    return [n.text for n in snap.notes if n.next_step]
