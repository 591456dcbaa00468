"""The record of each review of a plan, worked out from the journey's events: when it was,
its kind, who took part, how each outcome is going, what is working and not working from
each person's view, each piece of support, the money, what changed, a reassessment, what the
plan changed and what happens next. Pure functions: no files, no screen.

A review's answers are the `review.` answers recorded between its ReviewBegun and its
ReviewEnded. Whatever is stored is checked as it is read: an answer of the wrong shape, or a
kind of review not known, is named in `unreadable` and never used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from journey.content import Journey as Content
from journey.content import Kind
from journey.core import fit
from journey.core.answers import as_action
from journey.core.model import (
    REVIEW_PREFIX,
    Answered,
    Journey,
    Mode,
    ReviewBegun,
    ReviewEnded,
    Role,
    Undone,
    Versioned,
)
from journey.plan.words import action_line, answer_lines

KINDS = ("light", "yearly", "change", "asked")
# The views of others taking part: (question for working, for not working, who, by role).
VIEWS = (("review.helper-working", "review.helper-not-working", "helper"),
         ("review.carer-working", "review.carer-not-working", "carer"),
         ("review.council-working", "review.council-not-working", "council"))


@dataclass(frozen=True)
class Rated:
    """One thing of the plan (an outcome, a piece of support) and how it is going."""

    thing: str
    mark: str  # the choice's value: better, same, worse, met; right, change, not-happened
    words: str


@dataclass(frozen=True)
class View:
    """What one person taking part says is working and not working."""

    who: str
    working: list[str]
    not_working: list[str]


@dataclass(frozen=True)
class PlanChange:
    """A part of the plan the person said to change in the review: before and after."""

    label: str
    before: list[str]
    after: list[str]


@dataclass(frozen=True)
class ReviewRecord:
    id: str
    number: int  # 1 for the plan's first review
    kind: str | None  # light, yearly, change, asked; None when the stored kind is not known
    kind_words: str
    began: datetime
    ended: datetime | None  # None: not finished yet
    name: str
    took_part: list[str]
    progress: list[Rated]
    progress_words: str
    views: list[View]
    support: list[Rated]
    money_spent: str
    money_from_record: str | None
    budget: str
    changed: list[str]
    changed_words: str
    carer: str
    reassessment: str | None  # done, asked, no
    reassessment_words: str
    plan_changes: list[PlanChange]
    actions: list[str]
    action_items: list[dict[str, str]]
    version: int | None  # the version of the plan this review made, if it changed it
    unreadable: list[str] = field(default_factory=list)


# How the money went between reviews, from the direct-payment record: given by the front
# doors, which may read the record (journey.money builds on the plan, not the plan on it).
MoneyWords = Callable[[Content, Journey, datetime, datetime | None], str | None]


def windows(journey: Journey) -> list[tuple[ReviewBegun, int, int, ReviewEnded | None]]:
    """Each review: its ReviewBegun, where its events start and stop, and its ReviewEnded
    (None while it is open). A ReviewEnded naming no review begun is left out."""
    found: list[tuple[ReviewBegun, int, int, ReviewEnded | None]] = []
    events = journey.events
    open_at: int | None = None
    for i, event in enumerate(events):
        if isinstance(event, ReviewBegun):
            if open_at is not None:  # begun again without an end: the first stops here
                found.append((events[open_at], open_at, i, None))  # type: ignore[arg-type]
            open_at = i
        elif isinstance(event, ReviewEnded) and open_at is not None and (
                event.review == events[open_at].id):  # type: ignore[union-attr]
            found.append((events[open_at], open_at, i, event))  # type: ignore[arg-type]
            open_at = None
    if open_at is not None:
        found.append((events[open_at], open_at, len(events), None))  # type: ignore[arg-type]
    return found


def _standing(events: list[Any]) -> dict[str, Answered]:
    """The answer standing for each review question among these events."""
    stacks: dict[str, list[Answered]] = {}
    for event in events:
        if isinstance(event, Answered) and event.question.startswith(REVIEW_PREFIX):
            stacks.setdefault(event.question, []).append(event)
        elif isinstance(event, Undone) and stacks.get(event.question):
            stacks[event.question].pop()
    return {q: s[-1] for q, s in stacks.items() if s}


def _copy(content: Content, journey: Journey, end: int) -> Journey:
    """The journey as it stood before event `end`, its answers checked as the journey's."""
    return fit.check(content, replace(journey, events=journey.events[:end]))


def records(content: Content, journey: Journey,
            money: MoneyWords | None = None) -> list[ReviewRecord]:
    """Every review of the plan, oldest first. `money`: how the money went, from the
    direct-payment record (journey.money.reviewed.how_it_went), where there is one."""
    journey = fit.check(content, journey)
    return [_record(content, journey, n, *window, money=money)
            for n, window in enumerate(windows(journey), start=1)]


def _record(content: Content, journey: Journey, number: int, begun: ReviewBegun, start: int,
            stop: int, ended: ReviewEnded | None,
            money: MoneyWords | None = None) -> ReviewRecord:
    inside = journey.events[start:stop]
    standing = _standing(inside)
    name = journey.name or content.message("someone")
    about = journey.mode is not Mode.SELF
    unreadable: list[str] = []

    def value(question_id: str) -> Any:
        answer = standing.get(question_id)
        question = content.find(question_id)
        if answer is None or answer.unsure or question is None:
            return None
        if not fit.fits(question, answer.value):
            if question.label not in unreadable:  # each named once, however often read
                unreadable.append(question.label)
            return None
        return answer.value

    def words(question_id: str) -> list[str]:
        found = value(question_id)
        return [] if found is None else answer_lines(
            content, content.question(question_id), found, name, about)

    def text(question_id: str) -> str:
        return "; ".join(words(question_id))

    def rated(question_id: str) -> list[Rated]:
        found = value(question_id) or {}
        question = content.question(question_id)
        return [Rated(thing, mark, question.choice_label(mark, name, about))
                for thing, mark in found.items()]

    review = content.review
    kind = begun.reason if begun.reason in KINDS else None
    if kind is None:
        unreadable.append(content.message("review_kind_unknown"))
    chosen = review.kind(kind) if review is not None and kind else None
    kind_words = chosen.wording(name, about) if chosen else content.message(
        "review_kind_unknown")

    views = [View(_person(content, journey, standing, inside), words("review.working"),
                  words("review.not-working"))]
    for working, not_working, who in VIEWS:
        said = words(working) + words(not_working)
        if said:
            views.append(View(_who(content, journey, standing, who, working, not_working),
                              words(working), words(not_working)))
    other = text("review.other-view")
    if other:
        views.append(View(content.message("review_someone_else"), [other], []))

    reassessment = value("review.reassessment")
    actions = [a for a in (as_action(v) for v in value("review.actions") or []) if a]
    made = next((e for e in journey.events[stop:] if isinstance(e, Versioned)
                 and e.review == begun.id), None) if ended is not None else None
    return ReviewRecord(
        id=begun.id, number=number, kind=kind, kind_words=kind_words, began=begun.at,
        ended=ended.at if ended else None, name=journey.name or "",
        took_part=_took_part(content, journey, begun, ended, words("review.others")),
        progress=rated("review.progress"), progress_words=text("review.progress-words"),
        views=views, support=rated("review.support"), money_spent=text("review.money-spent"),
        money_from_record=(money(content, journey, begun.at, ended.at if ended else None)
                           if money is not None else None),
        budget=text("review.money-right"),
        changed=words("review.changed"), changed_words=text("review.changed-words"),
        carer=text("review.carer-able"), reassessment=reassessment,
        reassessment_words=text("review.reassessment"),
        plan_changes=_plan_changes(content, journey, start, stop, name, about),
        actions=[action_line(content, a) for a in actions], action_items=actions,
        version=made.number if made is not None and isinstance(made.number, int) else None,
        unreadable=unreadable,
    )


def _person(content: Content, journey: Journey, standing: dict[str, Answered],
            inside: list[Any]) -> str:
    """The person, as their view is credited: by name, with who gave it when someone else
    did (answered for them, or suggested and not yet agreed within the review)."""
    from journey.core.model import Confirmed

    name = journey.name or content.message("someone")
    answers = [standing[q] for q in ("review.working", "review.not-working") if q in standing]
    other = next((a for a in answers if a.role is not Role.PERSON and a.by), None)
    if other is None:
        return name
    role = journey.role_of(other.by) or content.message("role_" + other.role)
    if other.role is Role.BEHALF:
        return f"{name} ({content.message('answered_for', name=other.by, role=role)})"
    agreed = any(isinstance(e, Confirmed) and e.question == other.question and e.at >= other.at
                 for e in inside)
    said = (content.message("agreed_by", helper=other.by, role=role, name=name) if agreed
            else content.message("suggested_by", name=other.by, role=role))
    return f"{name} ({said})"


def _who(content: Content, journey: Journey, standing: dict[str, Answered], who: str,
         *questions: str) -> str:
    """Who gave a view: the helper by name and role; a carer or the council as such, with
    the name of whoever typed it when that was someone else taking part."""
    if who == "helper":
        answer = next((standing[q] for q in questions if q in standing), None)
        helper = answer.by if answer is not None and answer.role is not Role.PERSON else (
            journey.helper or "")
        role = journey.role_of(helper) if helper else None
        return content.message("review_view_helper", name=helper or content.message("someone"),
                               role=role or content.message("role_facilitator"))
    return content.message("review_view_" + who)


def _took_part(content: Content, journey: Journey, begun: ReviewBegun,
               ended: ReviewEnded | None, others: list[str]) -> list[str]:
    """The person (unless planned for while away), the helper and anyone else in the room
    at the sittings the review was held in, and the others the review says took part."""
    names: list[str] = []
    for sitting in journey.sittings():
        inside = [e for e in sitting.events if e is begun or e is ended or (
            begun.at <= e.at and (ended is None or e.at <= ended.at))]
        if not inside:
            continue
        if sitting.mode is not Mode.BEHALF and journey.name:
            names.append(journey.name)
        if sitting.helper:
            role = sitting.helper_role
            names.append(f"{sitting.helper} ({role})" if role else sitting.helper)
        names += list(sitting.present)
    names += [o for o in others if o != content.question("review.others").choice_label(
        "none", "")]
    seen: list[str] = []
    for name in names:
        if name and not any(name == s or s.startswith(name + " (") for s in seen):
            seen.append(name)
    return seen


def _plan_changes(content: Content, journey: Journey, start: int, stop: int, name: str,
                  about: bool) -> list[PlanChange]:
    """The plan's answers changed inside the review: each as it was and as it became."""
    asked = [e.question for e in journey.events[start:stop]
             if isinstance(e, Answered | Undone) and not e.question.startswith(REVIEW_PREFIX)
             and e.question not in ("welcome.mode", "welcome.helper-name",
                                    "welcome.helper-role")]
    if not asked:
        return []
    before, after = _copy(content, journey, start), _copy(content, journey, stop)
    changes = []
    for question_id in dict.fromkeys(asked):
        question = content.find(question_id)
        if question is None or question.kind is Kind.RATINGS:
            continue
        was, now = before.value(question_id), after.value(question_id)
        if was != now:
            changes.append(PlanChange(
                question.label,
                answer_lines(content, question, was, name, about) if was is not None else [],
                answer_lines(content, question, now, name, about) if now is not None else []))
    return changes
