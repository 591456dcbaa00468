"""How the money went between two reviews, from the direct-payment record, for the review's
record: a review asks how the budget was spent, and where the person keeps the record the
answer is there already, to the penny."""

from __future__ import annotations

from datetime import date, datetime

from journey.content import Journey as Content
from journey.core.model import Journey, ReviewBegun, ReviewEnded
from journey.money import kinds
from journey.money.against import against
from journey.money.record import pounds, read
from journey.money.shown import day


def how_it_went(content: Content, journey: Journey, began: datetime,
                ended: datetime | None) -> str | None:
    """Money in and out, and the balance, from the end of the review before this one (or
    the record's start) to the day this review began; None when the record has nothing for
    those days, so the review shows the rough figure the person gave instead."""
    words = kinds.default()
    record = read(journey, words)
    end = began.date()
    start = _last_review_end(journey, began)
    held = [e.day for e in record.entries if (start is None or e.day >= start) and e.day <= end]
    if not held:
        return None
    found = against(content, words, journey, "between", start=start or min(held), end=end)
    left = (words.say("review_money_left", balance=pounds(found.balance))
            if found.balance >= 0 else
            words.say("review_money_short", balance=pounds(-found.balance)))
    return words.say("review_money", start=day(found.period.start), end=day(end),
                     money_in=pounds(found.money_in), money_out=pounds(found.money_out),
                     left=left)


def _last_review_end(journey: Journey, began: datetime) -> date | None:
    """The day the review before this one ended, if one did."""
    ended = None
    opened = {e.id for e in journey.events if isinstance(e, ReviewBegun) and e.at < began}
    for event in journey.events:
        if isinstance(event, ReviewEnded) and event.review in opened and event.at < began:
            ended = event.at.date()
    return ended
