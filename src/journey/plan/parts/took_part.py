"""Who else took part in planning: the people present at a sitting and any other helper,
beyond the person and the helper the plan already names. Who the person would like to help
is a wish, shown with their answers; this is who did."""

from __future__ import annotations

from journey.plan.snapshot import Snapshot

KEY = "took_part"


def derive(snap: Snapshot) -> list[str]:
    if not snap.attributed:
        return []
    journey = snap.journey
    named = {n.casefold() for n in (journey.name, journey.helper) if n}
    found: dict[str, str] = {}
    for sitting in journey.sittings():
        for name in (*sitting.present, sitting.helper or ""):
            if name.strip() and name.casefold() not in named:
                found.setdefault(name.casefold(), name)
    return list(found.values())
