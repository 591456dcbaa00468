"""The support plan, derived from a journey's answers. Pure functions: no files, no screen.

Beside the sections of answers it carries the costed support (journey.costing), the review
dates (journey.reviews), the action plan, the circle of support, the one-page profile and
the readiness check (journey.readiness), so every export shows the same plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from journey import answers as parse
from journey import fit, results
from journey.answers import Status
from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.costing import Costing, cost, how_often, weekly
from journey.live import applies, live_values
from journey.model import HELPER_QUESTION, HELPER_ROLE_QUESTION, Answered, Journey, Mode, Role
from journey.readiness import Readiness, check
from journey.reviews import agreed_on, reviews

ACTIONS_QUESTION = "happen.first-steps"
CIRCLE_QUESTION = "circle.people"
RINGS = ("closest", "friends", "groups", "paid")
HELPER_QUESTIONS = frozenset({HELPER_QUESTION, HELPER_ROLE_QUESTION})


class Entry(BaseModel):
    question: str
    label: str
    lines: list[str]
    said_by: str | None = None
    kind: Kind = Kind.TEXT  # documents draw costed support and actions as tables


class Section(BaseModel):
    id: str
    title: str
    criterion: int | None
    hint: str
    entries: list[Entry]


class FollowUp(BaseModel):
    question: str
    step: str
    label: str


class PlanNote(BaseModel):
    text: str
    by: str | None


class Action(BaseModel):
    what: str
    who: str
    by: date | None
    status: str
    status_label: str
    find_out: bool = False  # from a "not sure yet" answer


class DueReview(BaseModel):
    kind: str
    text: str
    earliest: date | None
    latest: date | None


class CirclePerson(BaseModel):
    name: str
    relation: str
    ring: str
    helps: str


class Ring(BaseModel):
    id: str
    title: str
    people: list[CirclePerson]


class ProfileBlock(BaseModel):
    id: str
    title: str
    lines: list[str]


class Plan(BaseModel):
    title: str
    name: str | None
    mode: Mode
    helper: str | None
    sections: list[Section]
    to_find_out: list[FollowUp]
    notes: list[PlanNote] = []
    costing: Costing
    agreed_on: date | None
    reviews: list[DueReview]
    actions: list[Action]
    circle: list[Ring]
    profile_title: str
    profile: list[ProfileBlock]
    readiness: Readiness


def answer_lines(content: Content, question: Question, value: Any, name: str,
                 about: bool = False) -> list[str]:
    """An answer in words, one line per item (choices about the person by name when
    `about`). A value that does not fit the question (from an older or edited file, kept
    in its history) is shown as plain text."""
    if value is None:
        return []
    if not fit.fits(question, value):
        return [fit.shown(value)]
    kind = question.kind
    if kind is Kind.YESNO:
        return [content.message(value) if value in ("yes", "no") else str(value)]
    if kind is Kind.CHOICE:
        return [question.choice_label(str(value), name, about)]
    if kind is Kind.MULTI:
        return [question.choice_label(str(v), name, about) for v in value]
    if kind is Kind.LIST:
        return [_person_line(v) if isinstance(v, dict) else str(v) for v in value]
    if kind is Kind.SUPPORT and isinstance(value, list):
        return [item_line(content, v) for v in value]
    if kind is Kind.ACTIONS and isinstance(value, list):
        shown = [parse.as_action(v) for v in value]
        return [action_line(content, a) for a in shown if a]
    if kind is Kind.MONEY and parse.is_money(value):
        period = content.message("period_" + value["period"].replace("-", "_"))
        amount = parse.pounds(Decimal(value["amount"]))
        yearly = parse.pounds(parse.per_year(value))
        return [f"{amount} {period} ({yearly} a year)" if value["period"] != "year" else amount]
    if kind is Kind.DATE:
        return [parse.show_date(value)]
    if kind is Kind.PEOPLE and isinstance(value, list):
        return [member_line(content, v) for v in value if isinstance(v, dict)]
    if kind is Kind.PERSON and isinstance(value, dict):
        relation = value.get("relation")
        return [f"{value.get('name', '')} ({relation})" if relation else value.get("name", "")]
    return [str(value)]


def _person_line(value: dict[str, Any]) -> str:
    relation = value.get("relation")
    name = str(value.get("name", ""))
    return f"{name} ({relation})" if relation else name


def item_line(content: Content, value: Any) -> str:
    if not parse.is_support_item(value):
        return str(value)
    per_year = parse.per_year(parse.item_money(value))
    one_off = value["period"] == parse.Period.ONCE
    return content.message(
        "item_line_once" if one_off else "item_line", what=value["what"],
        often=how_often(content, value),
        weekly=parse.pounds(weekly(per_year)),
        yearly=parse.pounds(per_year),
        funding=content.message("funding_" + value["funding"].replace("-", "_")),
    )


def action_line(content: Content, value: dict[str, str]) -> str:
    parts = [value["what"]]
    if value["who"]:
        parts.append(content.message("action_who", who=value["who"]))
    if value["by"]:
        parts.append(content.message("action_by", by=parse.show_date(value["by"])))
    status = content.message("action_" + value["status"].replace("-", "_"))
    return f"{', '.join(parts)} ({status})"


def member_line(content: Content, member: dict[str, str]) -> str:
    """'Jan (sister), closest family and friends: does the big shop'."""
    line = member.get("name", "")
    if member.get("relation"):
        line += f" ({member['relation']})"
    if member.get("ring") in parse.Ring._value2member_map_:
        line += ", " + content.message("ring_" + member["ring"]).lower()
    if member.get("helps"):
        line += f": {member['helps']}"
    return line


def attribution(content: Content, answer: Answered, journey: Journey) -> str | None:
    """Who said it, shown only when someone other than the person alone was involved.
    The welcome's answers are about the session, not the person's own words."""
    if journey.mode is Mode.SELF and answer.role is Role.PERSON:
        return None
    if not answer.by or content.step_of(answer.question) is content.welcome:
        return None
    if answer.role is Role.PERSON:
        return content.message("said_by", name=answer.by)
    role = journey.role_of(answer.by) or content.message("role_" + answer.role)
    if answer.role is Role.BEHALF:
        return content.message("answered_for", name=answer.by, role=role)
    if journey.confirmed(answer.question):
        return content.message("agreed_by", helper=answer.by, role=role,
                               name=journey.name or content.message("someone"))
    return content.message("suggested_by", name=answer.by, role=role)


def build(content: Content, journey: Journey, *, attributed: bool = True) -> Plan:
    """The plan as it stands. Without attribution it reads as one voice, for people
    who want to hand it on without the who-said-what."""
    fit.check(content, journey)
    name = journey.name
    shown_name = name or ""
    given = journey.answers
    entries: dict[str, list[Entry]] = {s.id: [] for s in content.plan_sections}
    to_find_out: list[FollowUp] = []
    values = journey.values()
    for step in content.all_steps:
        for question in step.questions:
            answer = given.get(question.id)
            if answer is None or not question.applies(values):
                continue
            if not attributed and question.id in HELPER_QUESTIONS:
                continue
            if answer.unsure:
                to_find_out.append(
                    FollowUp(question=question.id, step=step.title, label=question.label)
                )
                continue
            if answer.value in question.quiet:
                continue
            lines = answer_lines(content, question, answer.value, shown_name,
                                 about=journey.mode is not Mode.SELF and bool(name))
            if not lines:
                continue
            entries[question.feeds].append(
                Entry(
                    question=question.id,
                    label=question.label,
                    lines=lines,
                    said_by=attribution(content, answer, journey) if attributed else None,
                    kind=question.kind,
                )
            )
    for found in results.findings(content, journey):
        entries[found.feeds].append(
            Entry(question=found.id, label=found.title, lines=[line.text for line in found.lines])
        )
    sections = [
        Section(id=s.id, title=s.title, criterion=s.criterion, hint=s.hint, entries=entries[s.id])
        for s in content.plan_sections
    ]
    costing = cost(content, journey)
    return Plan(
        title=content.message("plan_title", name=name) if name else content.message(
            "plan_untitled"),
        name=name,
        mode=journey.mode,
        helper=journey.helper if attributed else None,
        sections=sections,
        to_find_out=to_find_out,
        notes=[PlanNote(text=n.text, by=n.by if attributed else None)
               for n in journey.notes() if n.in_plan],
        costing=costing,
        agreed_on=agreed_on(journey),
        reviews=due_reviews(content, journey),
        actions=action_plan(content, journey, to_find_out),
        circle=circle(content, journey),
        profile_title=content.message("profile_title", name=name) if name else (
            content.message("profile_untitled")),
        profile=profile(content, journey, shown_name),
        readiness=check(content, journey, sections, costing),
    )


def due_reviews(content: Content, journey: Journey) -> list[DueReview]:
    shown = []
    for review in reviews(journey):
        if review.latest is None:
            when = ""
        elif review.earliest:
            when = content.message(
                "review_between", earliest=parse.show_date(review.earliest.isoformat()),
                latest=parse.show_date(review.latest.isoformat()))
        else:
            when = content.message("review_by", latest=parse.show_date(review.latest.isoformat()))
        shown.append(DueReview(
            kind=review.kind, text=content.message("review_" + review.kind, when=when),
            earliest=review.earliest, latest=review.latest,
        ))
    return shown


def action_plan(content: Content, journey: Journey, to_find_out: list[FollowUp]) -> list[Action]:
    """Who does what by when; each "not sure yet" answer is a thing to find out."""
    saved = journey.value(ACTIONS_QUESTION)
    planned = [parse.as_action(v) for v in saved] if isinstance(saved, list) else []
    actions = [
        Action(what=a["what"], who=a["who"], by=date.fromisoformat(a["by"]) if a["by"] else None,
               status=a["status"],
               status_label=content.message("action_" + a["status"].replace("-", "_")))
        for a in planned if a
    ]
    to_do = content.message("action_to_do")
    actions += [
        Action(what=content.message("action_find_out", label=f.label, step=f.step), who="",
               by=None, status=Status.TO_DO.value, status_label=to_do, find_out=True)
        for f in to_find_out
    ]
    return actions


def circle(content: Content, journey: Journey) -> list[Ring]:
    """The people in the circle of support, ring by ring from the closest."""
    live = live_values(content, journey)
    saved = live.get(CIRCLE_QUESTION)
    people = [
        CirclePerson(name=str(p.get("name", "")), relation=str(p.get("relation", "")),
                     ring=p["ring"], helps=str(p.get("helps", "")))
        for p in (saved if isinstance(saved, list) else [])
        if isinstance(p, dict) and p.get("ring") in RINGS and p.get("name")
    ]
    return [Ring(id=r, title=content.message("ring_" + r),
                 people=[p for p in people if p.ring == r]) for r in RINGS]


def profile(content: Content, journey: Journey, name: str) -> list[ProfileBlock]:
    """The one-page profile: a few headings, each from the answers content names for it."""
    live = live_values(content, journey)
    blocks = []
    for section in content.profile_sections:
        lines = []
        for question_id in section.questions:
            if question_id in live and applies(content, live, question_id):
                lines += answer_lines(content, content.question(question_id),
                                      live[question_id], name)
        blocks.append(ProfileBlock(id=section.id, title=section.title, lines=lines))
    return blocks
