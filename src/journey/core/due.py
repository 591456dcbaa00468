"""When a plan's next review is due (Care and Support Statutory Guidance 13.32: a light
check 6 to 8 weeks after the plan is agreed, then a review at least every 12 months),
worked out without the plan itself, so `journey list` and the list of journeys stay quick."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from journey.content import Journey as Content
from journey.core.answers import show_date
from journey.core.live import live_values
from journey.core.model import Journey, ReviewEnded

AGREED_QUESTION = "happen.agreed"  # the day the council agreed the plan


def add_months(day: date, months: int) -> date:
    """The same day some months on; the month's last day when that month is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    """The next review due: the light check until the plan has had a review; then the
    yearly review, 12 months after the last."""

    kind: str  # light, yearly
    earliest: date | None
    latest: date


def next_review(content: Content, journey: Journey) -> Due | None:
    """The review due next; None while the plan is not agreed (no day to count from)."""
    value = live_values(content, journey).get(AGREED_QUESTION)
    try:
        agreed = date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        agreed = None
    if agreed is None:
        return None
    ended = [e.at.date() for e in journey.events if isinstance(e, ReviewEnded)]
    if not ended:
        return Due("light", agreed + timedelta(weeks=6), agreed + timedelta(weeks=8))
    return Due("yearly", None, add_months(max(max(ended), agreed), 12))


def due_words(content: Content, due: Due) -> str:
    """"First check due between 12 January and 26 January 2027", and the like."""
    return content.message(
        "review_due_" + due.kind, latest=show_date(due.latest.isoformat()),
        earliest=show_date(due.earliest.isoformat()) if due.earliest else "")
