"""The plan as one model: its front (who it is for, who helped), every part from
journey.plan.parts, and last the readiness check, which reads the parts once they are built."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, create_model

from journey.content import Journey as Content
from journey.core.model import Journey, Mode
from journey.plan import parts
from journey.plan.parts.reviews import agreed_on
from journey.plan.readiness import Readiness, check
from journey.plan.snapshot import Snapshot, snapshot


class Head(BaseModel):
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


# The plan before its check: the front and every part, as typed by each part's derive().
Draft = create_model("Draft", __base__=Head, **parts.fields())  # type: ignore[call-overload]



class Plan(Draft):  # type: ignore[misc,valid-type]
    readiness: Readiness


def build(content: Content, journey: Journey, *, attributed: bool = True) -> Plan:
    """The plan as it stands, made once per change to the journey. Without attribution it
    reads as one voice, for people who want to hand it on without the who-said-what."""
    snap = snapshot(content, journey, attributed=attributed)
    return journey.remember(("plan", attributed), lambda: _build(snap))


def _build(snap: Snapshot) -> Plan:
    draft = Draft(**dict(head(snap)), **{m.KEY: m.derive(snap) for m in parts.modules()})
    return Plan(**dict(draft), readiness=check(draft, snap))
