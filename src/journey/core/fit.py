"""Whether a saved answer fits its question. Whatever is read back (a database another
version wrote, a journey file edited by hand, an answer to a question the content no longer
asks) is checked here against the question's kind before anything uses it. An answer that
does not fit counts as unanswered and is asked again; it stays in the answer's history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.core import answers as parse
from journey.core.model import Journey

# What a checker may meet in data it did not write; each means "does not fit", never a crash.
_MISFITS = (parse.AnswerError, KeyError, ValueError, TypeError, AttributeError,
            InvalidOperation, OverflowError)
MAX_LIST = 1000


def fits(question: Question, value: Any) -> bool:
    """Whether a value has the shape the question's kind gives, with sound parts."""
    try:
        return _CHECKS[question.kind](question, value)
    except _MISFITS:
        return False


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= parse.MAX_CHARS


def _texts(value: Any) -> bool:
    # Empty is what a list box saves when its last line is taken away.
    return isinstance(value, list) and len(value) <= MAX_LIST and all(map(_text, value))


def _choice(question: Question, value: Any) -> bool:
    return isinstance(value, str) and value in {c.value for c in question.choices}


def _multi(question: Question, value: Any) -> bool:
    return isinstance(value, list) and all(_choice(question, v) for v in value)


def _money(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) != {"amount", "period"}:
        return False
    amount = value["amount"]
    if not isinstance(amount, str) or not isinstance(value["period"], str):
        return False
    parse.Period(value["period"])
    return Decimal(0) <= Decimal(amount) <= parse.MAX_MONEY and Decimal(amount).is_finite()


def _date(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))


def _person(value: Any) -> bool:
    return (isinstance(value, dict) and _text(value.get("name"))
            and isinstance(value.get("relation", ""), str))


def _people(value: Any) -> bool:
    if not isinstance(value, list) or len(value) > MAX_LIST:
        return False
    for member in value:
        if not isinstance(member, dict) or not all(isinstance(v, str) for v in member.values()):
            return False
        parse.circle_member(member.get("name", ""), member.get("relation", ""),
                            member.get("ring", ""), member.get("helps", ""))
    return True


def _support(value: Any) -> bool:
    # Older answers to the costs question were plain lines of text: shown, not added up.
    return isinstance(value, list) and len(value) <= MAX_LIST and all(
        _text(v) or parse.is_support_item(v) for v in value)


def _action(value: Any) -> bool:
    # A line of text is an action still to do; a date is kept as YYYY-MM-DD, never as typed.
    if isinstance(value, str):
        return _text(value)
    return (isinstance(value, dict) and parse.as_action(value) is not None
            and (value.get("by", "") == "" or _date(value["by"])))


def _actions(value: Any) -> bool:
    return isinstance(value, list) and len(value) <= MAX_LIST and all(map(_action, value))


def _details(value: Any) -> bool:
    if not isinstance(value, dict) or not set(value) <= set(parse.DETAIL_KEYS):
        return False
    for key, text in value.items():
        if not _text(text):
            return False
        if key == parse.DETAIL_DATE:
            try:
                date.fromisoformat(text)
            except ValueError:
                return False
    return True


def _ratings(question: Question, value: Any) -> bool:
    # Keyed by the words of the plan's outcome or support as they were when rated: a thing
    # since taken out of the plan stays in the review that rated it.
    marks = {c.value for c in question.choices}
    return isinstance(value, dict) and len(value) <= MAX_LIST and all(
        _text(k) and v in marks for k, v in value.items())


_CHECKS = {
    Kind.TEXT: lambda q, v: _text(v),
    Kind.LIST: lambda q, v: _texts(v),
    Kind.CHOICE: _choice,
    Kind.MULTI: _multi,
    Kind.YESNO: lambda q, v: v in ("yes", "no"),
    Kind.MONEY: lambda q, v: _money(v),
    Kind.DATE: lambda q, v: _date(v),
    Kind.PERSON: lambda q, v: _person(v),
    Kind.PEOPLE: lambda q, v: _people(v),
    Kind.SUPPORT: lambda q, v: _support(v),
    Kind.ACTIONS: lambda q, v: _actions(v),
    Kind.DETAILS: lambda q, v: _details(v),
    Kind.RATINGS: _ratings,
}


def check(content: Content, journey: Journey) -> Journey:
    """Have the journey count only answers that fit this content's questions. Cheap to call
    again: the answers are worked out afresh only for a different content."""
    if journey.checked_against is not content:
        def fitting(question_id: str, value: Any) -> bool:
            question = content.find(question_id)
            return question is not None and fits(question, value)

        journey.check_with(fitting, content)
    return journey


def shown(value: Any) -> str:
    """A saved value that does not fit, as plain words for its history."""
    if isinstance(value, str):
        return parse.clean(value)
    if isinstance(value, list):
        return "; ".join(shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(shown(v) for v in value.values())
    return "" if value is None else parse.clean(str(value))
