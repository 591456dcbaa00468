"""The support plan, derived from a journey's answers. Pure functions: no files, no screen."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from journey import answers as parse
from journey import results
from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.model import Answered, Journey, Mode, Role


class Entry(BaseModel):
    question: str
    label: str
    lines: list[str]
    said_by: str | None = None


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


class Plan(BaseModel):
    title: str
    name: str | None
    mode: Mode
    helper: str | None
    sections: list[Section]
    to_find_out: list[FollowUp]


def answer_lines(content: Content, question: Question, value: Any, name: str) -> list[str]:
    """An answer in words, one line per item."""
    if value is None:
        return []
    kind = question.kind
    if kind is Kind.YESNO:
        return [content.message(value) if value in ("yes", "no") else str(value)]
    if kind is Kind.CHOICE:
        return [question.choice_label(str(value), name)]
    if kind is Kind.MULTI:
        return [question.choice_label(str(v), name) for v in value]
    if kind is Kind.LIST:
        return [str(v) for v in value]
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
    if journey.mode is Mode.SELF or not answer.by or content.step_of(answer.question) is (
            content.welcome):
        return None
    if answer.role is Role.PERSON:
        return content.message("said_by", name=answer.by)
    return content.message("answered_for", name=answer.by, role=journey.helper_role or answer.role)


def build(content: Content, journey: Journey) -> Plan:
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
            if answer.unsure:
                to_find_out.append(
                    FollowUp(question=question.id, step=step.title, label=question.label)
                )
                continue
            if answer.value in question.quiet:
                continue
            lines = answer_lines(content, question, answer.value, shown_name)
            if not lines:
                continue
            entries[question.feeds].append(
                Entry(
                    question=question.id,
                    label=question.label,
                    lines=lines,
                    said_by=attribution(content, answer, journey),
                )
            )
    for found in results.findings(content, journey):
        entries[found.feeds].append(
            Entry(question=found.id, label=found.title, lines=[line.text for line in found.lines])
        )
    return Plan(
        title=content.message("plan_title", name=name) if name else content.message(
            "plan_untitled"),
        name=name,
        mode=journey.mode,
        helper=journey.helper,
        sections=[
            Section(id=s.id, title=s.title, criterion=s.criterion, hint=s.hint,
                    entries=entries[s.id])
            for s in content.plan_sections
        ],
        to_find_out=to_find_out,
    )
