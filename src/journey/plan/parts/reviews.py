"""Review dates (Care Act 2014 s27; statutory guidance: the council should consider a
light-touch review 6 to 8 weeks after the plan and budget are agreed, then a review at least
every 12 months; Direct Payments Regulations 2014: a direct payment reviewed within 6 months of
the first payment). The plan's reviews count from the day it is agreed, the direct payment's
from its first payment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from journey.core.answers import show_date
from journey.core.due import add_months
from journey.plan.snapshot import Snapshot

KEY = "reviews"
AGREED_QUESTION = "happen.agreed"
FIRST_PAYMENT_QUESTION = "personal-budget.dp-first"
# Ways of holding money that mean a direct payment is paid.
DIRECT_PAYMENT = {"direct-payment", "mix"}
MANAGED_QUESTIONS = ("personal-budget.managed", "health-budget.held")


@dataclass(slots=True)
class Review:
    """A review due, and the days it is due between."""

    kind: str  # names the message that describes it: review_<kind>
    earliest: date | None = None
    latest: date | None = None  # None: due within a time of a day not known yet


@dataclass(slots=True)
class DueReview:
    """A review due, in words."""

    kind: str
    text: str
    earliest: date | None
    latest: date | None


def uses_direct_payment(live: Mapping[str, Any]) -> bool:
    return any(live.get(q) in DIRECT_PAYMENT for q in MANAGED_QUESTIONS)


def a_date(live: Mapping[str, Any], question_id: str) -> date | None:
    value = live.get(question_id)
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def agreed_on(live: Mapping[str, Any]) -> date | None:
    return a_date(live, AGREED_QUESTION)


def reviews(live: Mapping[str, Any]) -> list[Review]:
    """The reviews due, in date order; none until the plan has been agreed."""
    agreed = agreed_on(live)
    if agreed is None:
        return []
    due = [Review(kind="light", earliest=agreed + timedelta(weeks=6),
                  latest=agreed + timedelta(weeks=8))]
    due.append(Review(kind="yearly", latest=add_months(agreed, 12)))
    if uses_direct_payment(live):
        first = a_date(live, FIRST_PAYMENT_QUESTION)
        due.append(Review(kind="direct_payment", latest=add_months(first, 6)) if first else
                   Review(kind="direct_payment_first"))
    # Dated reviews in date order; one whose day is not known yet comes last.
    return sorted(due, key=lambda r: (r.latest is None, r.latest or date.max))


def derive(snap: Snapshot) -> list[DueReview]:
    content = snap.content
    shown = []
    for review in reviews(snap.live):
        if review.latest is None:
            when = ""
        elif review.earliest:
            when = content.message(
                "review_between", earliest=show_date(review.earliest.isoformat()),
                latest=show_date(review.latest.isoformat()))
        else:
            when = content.message("review_by", latest=show_date(review.latest.isoformat()))
        shown.append(DueReview(
            kind=review.kind, text=content.message("review_" + review.kind, when=when),
            earliest=review.earliest, latest=review.latest,
        ))
    return shown
