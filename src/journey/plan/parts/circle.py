"""The people in the circle of support, ring by ring from the closest."""

from __future__ import annotations

from dataclasses import dataclass

from journey.plan.snapshot import Snapshot

KEY = "circle"
CIRCLE_QUESTION = "circle.people"
RINGS = ("closest", "friends", "groups", "paid")


@dataclass(slots=True)
class CirclePerson:
    """Someone in the circle of support."""

    name: str
    relation: str
    ring: str
    helps: str


@dataclass(slots=True)
class Ring:
    """One ring of the circle of support, with its people."""

    id: str
    title: str
    people: list[CirclePerson]


def derive(snap: Snapshot) -> list[Ring]:
    saved = snap.value(CIRCLE_QUESTION)
    people = [
        CirclePerson(name=str(p.get("name", "")), relation=str(p.get("relation", "")),
                     ring=p["ring"], helps=str(p.get("helps", "")))
        for p in (saved if isinstance(saved, list) else [])
        if isinstance(p, dict) and p.get("ring") in RINGS and p.get("name")
    ]
    return [Ring(id=r, title=snap.content.message("ring_" + r),
                 people=[p for p in people if p.ring == r]) for r in RINGS]
