"""Kept versions of the plan. A version is a `Versioned` event: the events up to and including
it make that version's answers and plan, so an old version never changes.

What is stored is never trusted: a version's number is read as it was written, and may be a
hand edit's. Versions are numbered from 1 up, in the order they were kept: reading the events
in order, a `Versioned` counts only when its number is the next one (one more than the versions
counted before it). Anything else (nought or less, a number met again, a number past the end,
as when one is skipped) is damaged: kept in the history, listed by `damaged`, never shown as a
version and never a crash. So each number names one version, the same one however often the
journey is read, and the next version kept is always one more than the last that counts.

The review's own answers (`review.` questions) are not the plan's: a review that only talks
about the plan keeps no new version of it.

Pure: nothing here saves anything (see `keep_version`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from journey.content import Journey as Content
from journey.core import fit
from journey.core.model import (
    Answered,
    Journey,
    ReviewBegun,
    ReviewEnded,
    Undone,
    Versioned,
)

REVIEW_QUESTIONS = "review."  # the start of every review question's id
REASONS = ("light", "yearly", "change", "asked")  # why a review is held


@dataclass(frozen=True, slots=True)
class Version:
    """A version of the plan that counts: its number, when and by whom it was kept, and the
    review that made it, if one did (with that review's reason, when the review is there)."""

    number: int
    at: datetime
    by: str
    review: str | None
    reason: str | None  # "light", "yearly", "change", "asked", or None
    event: Versioned


@dataclass(slots=True)
class _Seen:
    """What the versions are, as far as the events read so far say."""

    count: int = 0  # events read
    last: object = None  # the last of them, to know the list is the same one grown
    found: list[Versioned] = field(default_factory=list)
    damaged: list[Versioned] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)


# Kept on the journey itself, beside its events: a journey's events are only ever added to
# (or the last one taken back), so each answer reads only the events new since, not the
# thousands before (a journey's own memory, Journey.remember, is cleared by every event).
_SEEN = "_plan_versions_seen"


def _read(journey: Journey) -> tuple[list[Version], list[Versioned]]:
    events = journey.events
    seen = getattr(journey, _SEEN, None)
    if not isinstance(seen, _Seen) or seen.count > len(events) or (
            seen.count and events[seen.count - 1] is not seen.last):
        seen = _Seen()
    for i in range(seen.count, len(events)):
        event = events[i]
        if isinstance(event, ReviewBegun) and isinstance(event.reason, str):
            seen.reasons.setdefault(event.id, event.reason)
        elif isinstance(event, Versioned):
            number = event.number
            if type(number) is int and number == len(seen.found) + 1:
                seen.found.append(event)
            else:
                seen.damaged.append(event)
    seen.count, seen.last = len(events), events[-1] if events else None
    setattr(journey, _SEEN, seen)  # not a field: never compared, nor copied by replace()
    found = []
    for event in seen.found:
        review = event.review if isinstance(event.review, str) else None
        found.append(Version(number=event.number, at=event.at, by=event.by, review=review,
                             reason=seen.reasons.get(review) if review else None,
                             event=event))
    return found, list(seen.damaged)


def reasons(journey: Journey) -> dict[str, str]:
    """Each review begun, by its id: why it was held, as stored (checked by whoever says it:
    one of REASONS, or anything a hand edit left). The first of an id met twice holds."""
    _read(journey)
    return dict(getattr(journey, _SEEN).reasons)


def kept(journey: Journey) -> list[Version]:
    """The versions that count, oldest first, numbered 1, 2, 3..."""
    return list(_read(journey)[0])


def damaged(journey: Journey) -> list[Versioned]:
    """The `Versioned` events that do not count (see the module's words), in order."""
    return list(_read(journey)[1])


def find(journey: Journey, number: object) -> Version | None:
    """The version with this number, or None: whatever `number` is."""
    if type(number) is not int:
        return None
    versions = kept(journey)
    return versions[number - 1] if 1 <= number <= len(versions) else None


def at(journey: Journey, version: Version) -> Journey:
    """The journey as it stood when `version` was kept: its answers and plan are that
    version's. Checked as this journey was, so the same answers count."""
    end = next(i for i, e in enumerate(journey.events) if e is version.event)
    copied = replace(journey, events=journey.events[:end + 1])
    if isinstance(content := journey.checked_against, Content):
        fit.check(content, copied)
    return copied


def plan_answers(journey: Journey) -> dict[str, tuple[Any, bool]]:
    """The plan's answers standing, as (value, "not sure yet"): every answer but the
    review's own."""
    return {q: (a.value, a.unsure) for q, a in journey.answers.items()
            if not q.startswith(REVIEW_QUESTIONS)}


def changed_since(journey: Journey, version: Version) -> bool:
    """Whether the plan's answers now differ from those standing when `version` was kept."""
    return plan_answers(at(journey, version)) != plan_answers(journey)


def keep_version(journey: Journey, by: str, review: str | None = None) -> Versioned | None:
    """The next version of the plan, as an event to save, when the journey has none yet or
    the plan's answers changed since the last one; None when nothing changed (a version
    would be the same plan again).

    Nothing is recorded here: the caller records the event it returns through its session
    (`Session.keep_version`, or `Session._record` inside `Session.together` beside the
    review's own events), so the version and what made it are saved in one transaction, or,
    if saving fails, neither is and the journey is as it was. Build it just before recording:
    its number is one more than the last version that counts now."""
    versions = kept(journey)
    if versions and not changed_since(journey, versions[-1]):
        return None
    return Versioned(number=len(versions) + 1, review=review, by=by)


def review_answers(journey: Journey, review: str) -> dict[str, Any]:
    """A review's own answers: those to `review.` questions recorded after its ReviewBegun
    and before its ReviewEnded (or to the end, while it goes on), the latest of each
    standing, "not sure yet" left out. Values are as stored: whoever reads one checks it."""
    changes: dict[str, list[Answered]] = {}
    inside = False
    for event in journey.events:
        if isinstance(event, ReviewBegun) and event.id == review:
            inside = True
        elif isinstance(event, ReviewEnded) and event.review == review and inside:
            break
        elif inside and isinstance(event, Answered) and event.question.startswith(
                REVIEW_QUESTIONS):
            changes.setdefault(event.question, []).append(event)
        elif inside and isinstance(event, Undone) and changes.get(event.question):
            changes[event.question].pop()
    return {q: stack[-1].value for q, stack in changes.items()
            if stack and not stack[-1].unsure}


def ended_reviews(journey: Journey) -> list[str]:
    """The ids of the reviews that have ended, in the order they ended."""
    begun = {e.id for e in journey.events if isinstance(e, ReviewBegun)}
    found: list[str] = []
    for event in journey.events:
        if isinstance(event, ReviewEnded) and event.review in begun and (
                event.review not in found):
            found.append(event.review)
    return found


def progress(answers: Mapping[str, Any]) -> dict[str, str]:
    """`review.progress` read safely: outcome text to one of better, same, worse, met;
    anything else in it is left out."""
    value = answers.get("review.progress")
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and k.strip()
            and v in ("better", "same", "worse", "met")}
