"""The plan as one record: its front (who it is for, who helped), every part from
journey.plan.parts, and last the readiness check, which reads the parts once they are built."""

from __future__ import annotations

from dataclasses import dataclass, fields, make_dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from journey.content import Journey as Content
from journey.core.model import Journey, Mode
from journey.plan import parts
from journey.plan.parts.reviews import agreed_on
from journey.plan.readiness import Readiness, check
from journey.plan.snapshot import Snapshot, snapshot


@dataclass(frozen=True, slots=True, kw_only=True)
class Head:
    """The plan's front: who it is for, and who helped."""

    title: str
    name: str | None
    mode: Mode
    helper: str | None
    profile_title: str
    agreed_on: date | None
    prepared: date | None = None  # the day of the last change, for the document's first page


def head(snap: Snapshot) -> Head:
    content, name = snap.content, snap.name
    return Head(
        title=content.message("plan_title", name=name) if name else content.message(
            "plan_untitled"),
        name=name,
        mode=snap.mode,
        helper=snap.journey.helper if snap.attributed else None,
        profile_title=content.message("profile_title", name=name) if name else (
            content.message("profile_untitled")),
        agreed_on=agreed_on(snap.live),
        prepared=snap.journey.updated.date(),
    )


_HEAD = tuple(f.name for f in fields(Head))
# The plan is kept with the journey and shared by the plan panel and every export, so it is
# frozen. The records inside it are plain data classes with slots: freezing each of them would
# add a fifth to the plan's import, on the way to the first screen, for a shallow guarantee
# (they hold lists). Its fields: the front, every part (each typed by its derive()), and last
# the readiness check.
Plan: Any = make_dataclass(
    "Plan", [*parts.fields().items(), ("readiness", Readiness)],
    bases=(Head,), frozen=True, slots=True, kw_only=True, namespace={
        "__module__": __name__,
        "__doc__": "The support plan: its front, every part by its KEY, and the readiness check."})


def build(content: Content, journey: Journey, *, attributed: bool = True) -> Plan:
    """The plan as it stands, made once per change to the journey. Without attribution it
    reads as one voice, for people who want to hand it on without the who-said-what."""
    snap = snapshot(content, journey, attributed=attributed)
    return journey.remember(("plan", attributed), lambda: _build(snap))


def _build(snap: Snapshot) -> Plan:
    front = head(snap)
    found = {name: getattr(front, name) for name in _HEAD}
    found.update((m.KEY, m.derive(snap)) for m in parts.modules())
    # The check reads the parts by name before the plan is whole.
    return Plan(**found, readiness=check(SimpleNamespace(**found), snap))
