"""Agreeing the plan: the person's say (or how their views were sought), who helped, who
agreed it for the council and when, and that the council gives the person a copy (the
wording and its source are content: the result `happen.agreement`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from journey.core.answers import show_date
from journey.core.model import Mode
from journey.plan import results
from journey.plan.parts.reviews import agreed_on
from journey.plan.snapshot import Snapshot

KEY = "agreement"
PERSON = "happen.person-agrees"
VIEWS = "happen.views-sought"
SIGNED_BY = "happen.signed-by"
AGREED_YET = "happen.agreed-yet"
COPY = "happen.agreement"


@dataclass(slots=True)
class Agreement:
    """Who agreed the plan and when, in parts and as sentences."""

    person: str | None = None  # the person's say, in words
    views_sought: str | None = None
    helper: str | None = None  # "Jo (support broker)"
    council_by: str | None = None  # name and job, as given
    council_on: date | None = None
    # the council gives the person a copy (with its source)
    copy_lines: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # all of the above as sentences, for any format


def derive(snap: Snapshot) -> Agreement:
    content, live, journey = snap.content, snap.live, snap.journey
    say = content.message
    name = snap.name or say("someone")
    found = Agreement(council_on=agreed_on(live))
    said = live.get(PERSON)
    if isinstance(said, str):
        found.person = content.question(PERSON).choice_label(said, name)
    views = live.get(VIEWS)
    found.views_sought = views if isinstance(views, str) else None
    if snap.attributed and journey.helper:
        role = journey.helper_role or say("role_facilitator")
        found.helper = f"{journey.helper} ({role})"
    by = live.get(SIGNED_BY)
    found.council_by = by if isinstance(by, str) else None
    result = next((r for r in content.results() if r.id == COPY), None)
    if result is not None:
        # Said whether or not anything here is answered yet: it is what the council does.
        copy = results.finding_in(content, result, live, [PERSON], snap.name,
                                  results.speaks_about(journey))
        found.copy_lines = [line.text for line in copy.lines] if copy else []
    lines = found.lines
    if snap.mode is Mode.SELF:
        # Nobody else is there to ask: the person made the plan themself.
        lines.append(say("agreement_made_by", name=name))
    else:
        lines.append(say("agreement_person", name=name,
                         said=found.person or say("agreement_not_known")))
    if found.views_sought:
        lines.append(say("agreement_views", name=name, views=found.views_sought))
    if found.helper:
        lines.append(say("agreement_helper", helper=found.helper))
    day = found.council_on
    if day is None and live.get(AGREED_YET) == "not-yet":
        # Only the council makes these: not yet agreed is not something unknown.
        lines.append(say("agreement_not_yet"))
    else:
        lines.append(say("agreement_council",
                         by=found.council_by or say("agreement_not_known")))
        lines.append(say("agreement_date", day=show_date(day.isoformat()) if day else say(
            "agreement_not_known")))
    lines += found.copy_lines
    return found
