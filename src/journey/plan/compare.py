"""Two versions of the plan side by side: what was added, changed and taken out, section by
section (what the person wants, the costed support and the money, the circle of support, the
risks, the actions, the reviews), in plain words.

Each side is the plan built from that version's own answers (journey.plan.versions.at), and
the comparison reads the plan's parts, never its rendered text, so a change of wording in a
template is never a change to the plan. Pure: plain data for any format to set out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from journey.content import Journey as Content
from journey.core.answers import Funding, pounds, show_date
from journey.core.model import Journey, ReviewEnded
from journey.plan import versions
from journey.plan.document import Plan, build
from journey.plan.snapshot import snapshot

RISKS_QUESTION = "planning.risks"
HEALTH = Funding.HEALTH_BUDGET.value
SECTIONS = ("outcomes", "money", "circle", "risks", "actions", "reviews")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference, and the words that say it."""

    kind: Literal["added", "changed", "removed"]
    text: str


@dataclass(slots=True)
class SectionChanges:
    """What changed in one section of the plan."""

    id: str
    title: str
    changes: list[Change] = field(default_factory=list)
    nothing: str = ""  # said when nothing changed here


@dataclass(slots=True)
class Side:
    """One of the two versions: its number and how it came to be kept, in words."""

    number: int
    said: str


@dataclass(slots=True)
class Comparison:
    title: str
    intro: str
    first: Side
    second: Side
    sections: list[SectionChanges]
    method: str  # how the comparison was made, in words

    @property
    def same(self) -> bool:
        return not any(s.changes for s in self.sections)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _keyed(items: Iterable[Any], name: Callable[[Any], str]) -> dict[str, Any]:
    """Items by their name, a second of the same name told apart by its place."""
    found: dict[str, Any] = {}
    for item in items:
        key, n = _key(name(item)), 1
        while (key if n == 1 else f"{key}#{n}") in found:
            n += 1
        found[key if n == 1 else f"{key}#{n}"] = item
    return found


class _Differ:
    def __init__(self, content: Content) -> None:
        self.say = content.message
        self.none = content.message("compare_none")

    def added(self, what: str) -> Change:
        return Change("added", self.say("compare_added", what=what))

    def removed(self, what: str) -> Change:
        return Change("removed", self.say("compare_removed", what=what))

    def changed(self, what: str, old: str, new: str, part: str = "") -> Change:
        key = "compare_changed_part" if part else "compare_changed"
        return Change("changed", self.say(key, what=what, part=part, old=old or self.none,
                                          new=new or self.none))

    def items(self, before: dict[str, Any], after: dict[str, Any],
              shown: Callable[[Any], str], name: Callable[[Any], str],
              parts: Callable[[Any], list[tuple[str, Any]]]) -> list[Change]:
        """Added and taken out by name; for those in both, each part that differs."""
        changes = [self.added(shown(after[k])) for k in after if k not in before]
        for k, old in before.items():
            if k not in after:
                continue
            new = after[k]
            for (label, was), (_, now) in zip(parts(old), parts(new), strict=True):
                if was == now:
                    continue
                if isinstance(was, list):  # a list: what came in, and what went
                    more = [x for x in now if x not in was]
                    less = [x for x in was if x not in now]
                    for key, items in (("compare_more", more), ("compare_less", less)):
                        if items:
                            changes.append(Change("changed", self.say(
                                key, what=name(new), part=self.say(label),
                                items="; ".join(items))))
                else:
                    changes.append(self.changed(name(new), was, now, self.say(label)))
        changes += [self.removed(shown(before[k])) for k in before if k not in after]
        return changes

    def figure(self, what: str, old: str | None, new: str | None) -> list[Change]:
        if old == new:
            return []
        if old is None:
            return [self.added(self.say("compare_figure", what=what, amount=new))]
        if new is None:
            return [self.removed(self.say("compare_figure", what=what, amount=old))]
        return [self.changed(what, old, new)]


def _week(amount: Decimal, say: Callable[..., str]) -> str:
    return say("compare_a_week", amount=pounds(amount))


def _year(amount: Decimal, say: Callable[..., str]) -> str:
    return say("compare_a_year", amount=pounds(amount))


def outcomes(d: _Differ, a: Plan, b: Plan) -> list[Change]:
    def met(aim: Any) -> list[tuple[str, Any]]:
        return [("compare_part_met_by", list(aim.met_by))]
    return d.items(_keyed(a.outcomes, lambda x: x.label), _keyed(b.outcomes, lambda x: x.label),
                   lambda x: x.label, lambda x: x.label, met)


def money(d: _Differ, a: Plan, b: Plan) -> list[Change]:
    say = d.say

    def shown(line: Any) -> str:
        return say("compare_item", what=line.what, weekly=_week(line.per_week, say),
                   yearly=_year(line.per_year, say))

    def parts(line: Any) -> list[tuple[str, Any]]:
        return [("compare_part_cost", _week(line.per_week, say)),
                ("compare_part_how_often", line.how_often),
                ("compare_part_provider", line.provider_label),
                ("compare_part_funding", line.funding_label),
                ("compare_part_helps", line.helps),
                ("compare_part_serves", list(line.serves))]

    changes = d.items(_keyed(a.costing.lines, lambda x: x.what),
                      _keyed(b.costing.lines, lambda x: x.what), shown, lambda x: x.what, parts)

    def figure(fig: Any) -> str | None:
        return None if fig is None else say("compare_given", amount=pounds(fig.amount),
                                            period=fig.period_label)
    for key, value in (("compare_budget", lambda p: p.money.budget),
                       ("compare_contribution", lambda p: p.money.contribution),
                       ("compare_direct_payment", lambda p: p.money.direct_payment)):
        changes += d.figure(say(key), figure(value(a)), figure(value(b)))

    def health(plan: Plan) -> str | None:  # a personal health budget, set beside the rest
        found = next((x for x in plan.costing.budgets if x.funding == HEALTH), None)
        return None if found is None else say("compare_given", amount=pounds(found.amount),
                                              period=found.period_label)
    changes += d.figure(say("compare_health_budget"), health(a), health(b))
    totals_a = {t.funding: t for t in a.costing.totals}
    totals_b = {t.funding: t for t in b.costing.totals}
    for funding in [*totals_a, *(f for f in totals_b if f not in totals_a)]:
        old, new = totals_a.get(funding), totals_b.get(funding)
        label = (new or old).label
        changes += d.figure(say("compare_total", label=label),
                            _year(old.per_year, say) if old else None,
                            _year(new.per_year, say) if new else None)
    if a.costing.lines or b.costing.lines:
        changes += d.figure(say("compare_total_all"),
                            _year(a.costing.total_per_year, say) if a.costing.lines else None,
                            _year(b.costing.total_per_year, say) if b.costing.lines else None)
    return changes


def circle(d: _Differ, a: Plan, b: Plan) -> list[Change]:
    def people(plan: Plan) -> dict[str, Any]:
        return _keyed([(p, ring.title) for ring in plan.circle for p in ring.people],
                      lambda x: x[0].name)

    def shown(person: Any) -> str:
        p, ring = person
        return d.say("compare_person", name=p.name, relation=p.relation or ring) if (
            p.relation) else p.name

    def parts(person: Any) -> list[tuple[str, str]]:
        p, ring = person
        return [("compare_part_ring", ring), ("compare_part_relation", p.relation),
                ("compare_part_how_they_help", p.helps)]
    return d.items(people(a), people(b), shown, lambda x: x[0].name, parts)


def _texts(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(
        value, list) else []


def risks(d: _Differ, content: Content, a: Journey, b: Journey) -> list[Change]:
    def listed(journey: Journey) -> dict[str, str]:
        return _keyed(_texts(snapshot(content, journey).value(RISKS_QUESTION)), lambda x: x)
    return d.items(listed(a), listed(b), str, str, lambda x: [])


def actions(d: _Differ, a: Plan, b: Plan) -> list[Change]:
    def planned(plan: Plan) -> dict[str, Any]:
        return _keyed([x for x in plan.actions if not x.find_out], lambda x: x.what)

    def when(day: date | None) -> str:
        return show_date(day.isoformat()) if day else ""

    def parts(action: Any) -> list[tuple[str, str]]:
        return [("compare_part_who", action.who), ("compare_part_by", when(action.by)),
                ("compare_part_status", action.status_label)]
    return d.items(planned(a), planned(b), lambda x: x.what, lambda x: x.what, parts)


def reviews(d: _Differ, a: Plan, b: Plan, held: list[str]) -> list[Change]:
    before = {r.kind: r for r in a.reviews}
    after = {r.kind: r for r in b.reviews}
    changes = [d.added(after[k].text) for k in after if k not in before]
    changes += [Change("changed", d.say("compare_changed_review", old=before[k].text,
                                        new=after[k].text))
                for k in before if k in after and before[k].text != after[k].text]
    changes += [d.removed(before[k].text) for k in before if k not in after]
    changes += [Change("added", text) for text in held]
    return changes


def kept_words(content: Content, version: versions.Version) -> str:
    day = show_date(version.at.date().isoformat())
    if version.reason:
        reason = content.message("version_reason_" + version.reason) if (
            version.reason in versions.REASONS) else content.message("version_reason_other")
        return content.message("version_kept_review", number=version.number, day=day,
                               reason=reason)
    return content.message("version_kept", number=version.number, day=day)


def held_between(content: Content, journey: Journey, first: versions.Version,
                 second: versions.Version) -> list[str]:
    """The reviews that ended between the two versions, in words."""
    events = journey.events
    start = next(i for i, e in enumerate(events) if e is first.event)
    end = next(i for i, e in enumerate(events) if e is second.event)
    low, high = sorted((start, end))
    reasons = versions.reasons(journey)
    found = []
    for event in events[low:high + 1]:
        if isinstance(event, ReviewEnded) and event.review in reasons:
            reason = reasons[event.review]
            words = content.message("version_reason_" + reason) if (
                reason in versions.REASONS) else content.message("version_reason_other")
            found.append(content.message("compare_review_held", reason=words,
                                         day=show_date(event.at.date().isoformat())))
    return found


def compare(content: Content, journey: Journey, first: versions.Version,
            second: versions.Version, *, attributed: bool = True) -> Comparison:
    """What changed from version `first` to version `second` (either may be the older)."""
    say = content.message
    old_journey, new_journey = versions.at(journey, first), versions.at(journey, second)
    a = build(content, old_journey, attributed=attributed)
    b = build(content, new_journey, attributed=attributed)
    d = _Differ(content)
    found = {
        "outcomes": outcomes(d, a, b),
        "money": money(d, a, b),
        "circle": circle(d, a, b),
        "risks": risks(d, content, old_journey, new_journey),
        "actions": actions(d, a, b),
        "reviews": reviews(d, a, b, held_between(content, journey, first, second)),
    }
    name = journey.name
    return Comparison(
        title=say("compare_title", name=name) if name else say("compare_untitled"),
        intro=say("compare_intro", first=first.number, second=second.number),
        first=Side(first.number, kept_words(content, first)),
        second=Side(second.number, kept_words(content, second)),
        sections=[SectionChanges(id=s, title=say("compare_section_" + s), changes=found[s],
                                 nothing=say("compare_nothing")) for s in SECTIONS],
        method=say("compare_method"),
    )
