"""An answer in words, as the plan, the conversation and the history show it: one line per
item, with who said it when someone else was involved. Pure functions: no files, no screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.core import answers as parse
from journey.core import fit
from journey.core.model import Answered, Journey, Mode, Role
from journey.plan.costing import how_often, weekly


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
    if kind is Kind.DETAILS and isinstance(value, dict):
        return [f"{label}: {shown}" for label, shown in detail_rows(content, value)]
    if kind is Kind.RATINGS and isinstance(value, dict):
        return [f"{thing}: {question.choice_label(str(mark), name, about)}"
                for thing, mark in value.items()]
    if kind is Kind.PERSON and isinstance(value, dict):
        relation = value.get("relation")
        return [f"{value.get('name', '')} ({relation})" if relation else value.get("name", "")]
    return [str(value)]


def detail_rows(content: Content, value: dict[str, Any]) -> list[tuple[str, str]]:
    """The details for a council's file that were given, as (label, words), in form order."""
    rows = []
    for key in parse.DETAIL_KEYS:
        shown = value.get(key)
        if isinstance(shown, str) and shown:
            if key == parse.DETAIL_DATE:
                shown = parse.show_date(shown)
            rows.append((content.message("details_" + key), shown))
    return rows


def _person_line(value: dict[str, Any]) -> str:
    relation = value.get("relation")
    name = str(value.get("name", ""))
    return f"{name} ({relation})" if relation else name


def item_line(content: Content, value: Any) -> str:
    if not parse.is_support_item(value):
        return str(value)
    per_year = parse.item_per_year(value)
    one_off = value["period"] == parse.Period.ONCE
    line = content.message(
        "item_line_once" if one_off else "item_line", what=value["what"],
        often=how_often(content, value),
        weekly=parse.pounds(weekly(per_year)),
        yearly=parse.pounds(per_year),
        funding=content.message("funding_" + value["funding"].replace("-", "_")),
    )
    met = value.get("serves")
    return line + content.message("item_meets", aims="; ".join(met)) if met else line


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


def attribution(content: Content, answer: Answered, journey: Journey,
                confirmed: Callable[[str], bool] | None = None) -> str | None:
    """Who said it, shown only when someone other than the person alone was involved.
    The welcome's answers are about the session, not the person's own words. `confirmed`
    says whether the person has confirmed a question's answer, when that is already worked
    out (the plan's snapshot), so each answer does not walk the events again."""
    if journey.mode is Mode.SELF and answer.role is Role.PERSON:
        return None
    if not answer.by or content.step_of(answer.question) is content.welcome:
        return None
    if answer.role is Role.PERSON:
        return content.message("said_by", name=answer.by)
    role = journey.role_of(answer.by) or content.message("role_" + answer.role)
    if answer.role is Role.BEHALF:
        return content.message("answered_for", name=answer.by, role=role)
    if (confirmed or journey.confirmed)(answer.question):
        return content.message("agreed_by", helper=answer.by, role=role,
                               name=journey.name or content.message("someone"))
    return content.message("suggested_by", name=answer.by, role=role)


# Answers that are lists of things, each of which may have come from someone different.
ITEM_KINDS = frozenset({Kind.LIST, Kind.SUPPORT, Kind.ACTIONS, Kind.PEOPLE})


def attributed_lines(content: Content, question: Question, answer: Answered, journey: Journey,
                     name: str, about: bool = False,
                     confirmed: Callable[[str], bool] | None = None,
                     ) -> tuple[list[str], str | None]:
    """An answer in words and who said it. In a list made by more than one person, the
    answer is credited to whoever said most of it, and each thing someone else said is
    marked on its own line: one suggestion never makes the person's own words the
    helper's."""
    said = attribution(content, answer, journey, confirmed)
    lines = answer_lines(content, question, answer.value, name, about)
    if question.kind not in ITEM_KINDS or not fit.fits(question, answer.value):
        return lines, said
    givers = journey.item_givers(question.id)
    if not givers:
        return lines, said
    each = [attribution(content, giver, journey,
                        lambda q, giver=giver: journey.confirmed_since(q, giver))
            for giver in givers]
    if len(set(each)) == 1:
        return lines, each[0]
    usual = Counter(each).most_common(1)[0][0]
    marked: list[str] = []
    for item, item_said in zip(answer.value, each, strict=True):
        shown = answer_lines(content, question, [item], name, about)
        if item_said and item_said != usual:
            shown = [f"{line} ({item_said})" for line in shown]
        marked.extend(shown)
    return marked, usual


def suggested_lines(content: Content, question: Question, answer: Answered, journey: Journey,
                    name: str) -> list[str]:
    """What a suggestion waiting for the person's agreement says: in a list, only the things
    suggested, not the person's own."""
    lines = answer_lines(content, question, answer.value, name)
    if question.kind not in ITEM_KINDS or not isinstance(answer.value, list):
        return lines
    places = journey.suggested_items(question.id)
    if not places:
        return lines
    return [line for i in places
            for line in answer_lines(content, question, [answer.value[i]], name)]
