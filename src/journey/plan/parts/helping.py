"""Who helped make the plan and how, and a helper who may be paid from it, named as such
(planning on someone's behalf: the practice in care-act-facts.md)."""

from __future__ import annotations

from journey.core.model import Mode
from journey.plan.snapshot import Snapshot

KEY = "helping"
PAID_HELPER = "rights.paid-helper"


def derive(snap: Snapshot) -> list[str]:
    content, journey = snap.content, snap.journey
    name = snap.name or content.message("someone")
    helper = journey.helper
    lines = []
    if snap.attributed and helper:
        role = journey.helper_role or content.message("role_facilitator")
        key = {Mode.BEHALF: "helping_behalf", Mode.HERE: "helping_here"}.get(
            snap.mode, "helping_with")
        lines.append(content.message(key, name=name, helper=helper, role=role))
    if snap.value(PAID_HELPER) == "yes":
        if snap.attributed and helper:
            lines.append(content.message("helping_paid", helper=helper))
        else:
            lines.append(content.message("helping_paid_someone"))
    return lines
