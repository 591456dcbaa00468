"""What a journey is saved through, seen from the inside: the journey core and the session
ask only this of a store, so they never import one (journey.store.database is the real one,
SQLite on disk). The errors saving can raise live here for the same reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from journey.core.model import Event, Journey


class StoreError(Exception):
    """Something went wrong with the saved journeys. The message is in plain words."""


class JourneyInUse(StoreError):
    """Another journey process has this journey open."""


class Recorder(Protocol):
    def create(self) -> Journey:
        """A new journey, with an id no other journey in this store has."""

    def lock(self, journey_id: str) -> None:
        """Take the journey for writing, or raise JourneyInUse."""

    def release(self, journey_id: str) -> None:
        """Let the journey go."""

    def record(self, journey: Journey, event: Event) -> None:
        """Save one event, add it to the journey, or raise StoreError and change nothing."""

    def save(self, journey: Journey, events: Sequence[Event]) -> None:
        """Save events already added to the journey (its last ones, in order) together, in
        one transaction: every one or none. Raise StoreError when they could not be saved;
        taking them out of the journey again is then the caller's to do."""

    def keep_draft(self, journey_id: str, question: str, fields: dict[str, str]) -> bool:
        """Keep what is typed towards a question, not as an answer (journey.core.drafts).
        False when there was nothing to keep or nowhere to keep it yet."""

    def draft(self, journey_id: str, question: str) -> dict[str, str]:
        """What was typed towards a question and not given: empty if nothing was."""
