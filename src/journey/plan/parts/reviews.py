"""Review dates (Care Act 2014 s27; statutory guidance: the council should consider a
light-touch review 6 to 8 weeks after the plan and budget are agreed, then a review at least
every 12 months; Direct Payments Regulations 2014: a direct payment reviewed within 6 months of
the first payment). The plan's reviews count from the day it is agreed, the direct payment's
from its first payment."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from pydantic import BaseModel

from journey.model import Journey

AGREED_QUESTION = "happen.agreed"
FIRST_PAYMENT_QUESTION = "personal-budget.dp-first"
# Ways of holding money that mean a direct payment is paid.
DIRECT_PAYMENT = {"direct-payment", "mix"}
MANAGED_QUESTIONS = ("personal-budget.managed", "health-budget.held")


class Review(BaseModel):
    kind: str  # names the message that describes it: review_<kind>
    earliest: date | None = None
    latest: date | None = None  # None: due within a time of a day not known yet


def add_months(day: date, months: int) -> date:
    """The same day some months on; the month's last day when that month is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def uses_direct_payment(journey: Journey) -> bool:
    return any(journey.value(q) in DIRECT_PAYMENT for q in MANAGED_QUESTIONS)


def _date(journey: Journey, question_id: str) -> date | None:
    value = journey.value(question_id)
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def agreed_on(journey: Journey) -> date | None:
    return _date(journey, AGREED_QUESTION)


def first_payment(journey: Journey) -> date | None:
    return _date(journey, FIRST_PAYMENT_QUESTION)


def reviews(journey: Journey) -> list[Review]:
    """The reviews due, in date order; none until the plan has been agreed."""
    agreed = agreed_on(journey)
    if agreed is None:
        return []
    due = [Review(kind="light", earliest=agreed + timedelta(weeks=6),
                  latest=agreed + timedelta(weeks=8))]
    due.append(Review(kind="yearly", latest=add_months(agreed, 12)))
    if uses_direct_payment(journey):
        first = first_payment(journey)
        due.append(Review(kind="direct_payment", latest=add_months(first, 6)) if first else
                   Review(kind="direct_payment_first"))
    # Dated reviews in date order; one whose day is not known yet comes last.
    return sorted(due, key=lambda r: (r.latest is None, r.latest or date.max))
