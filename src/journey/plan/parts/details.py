"""The details a council's file needs (full name, date of birth, address, contact, council and
its reference, NHS number, main contact, unpaid carer): each one given is a row of the plan's
first page, and nowhere else in the documents; the one-page profile never shows them."""

from __future__ import annotations

from journey.plan.snapshot import Snapshot
from journey.plan.words import detail_rows

KEY = "details"
DETAILS = "happen.details"


def derive(snap: Snapshot) -> list[tuple[str, str]]:
    value = snap.live.get(DETAILS)
    return detail_rows(snap.content, value) if isinstance(value, dict) else []
