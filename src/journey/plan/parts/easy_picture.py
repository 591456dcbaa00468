"""The picture the person chose for what they want to change, in the Easy Read plan.

It is kept as it was stored: journey.documents.easy checks it against the pictures it has,
and a picture it does not know is not used."""

from __future__ import annotations

from journey.plan.snapshot import Snapshot

KEY = "easy_picture"
QUESTION = "happen.easy-picture"


def derive(snap: Snapshot) -> str | None:
    value = snap.value(QUESTION)
    return value if isinstance(value, str) else None
