"""The answer box for each kind of question, made with what the session offers for it now.
Kept apart from the boxes themselves, which build on journey.tui.answer, so that no box
module imports another in a circle."""

from __future__ import annotations

from textual.widget import Widget

from journey.content import Kind, Question
from journey.conversation.session import Session
from journey.plan import aims
from journey.plan.costing import budgets, fundings
from journey.tui.answer import (
    AnswerBox,
    ChoiceAnswer,
    DateAnswer,
    ListAnswer,
    MoneyAnswer,
    MultiAnswer,
    TextAnswer,
    YesNoAnswer,
)

_BY_KIND: dict[Kind, type[AnswerBox]] = {
    Kind.TEXT: TextAnswer,
    Kind.LIST: ListAnswer,
    Kind.CHOICE: ChoiceAnswer,
    Kind.MULTI: MultiAnswer,
    Kind.YESNO: YesNoAnswer,
    Kind.MONEY: MoneyAnswer,
    Kind.DATE: DateAnswer,
}


def reused(box: Widget, question: Question, session: Session) -> bool:
    """Whether `box`, the box on screen now, was made to ask `question` instead."""
    kind = _BY_KIND.get(question.kind)
    if kind is None or type(box) is not kind:
        return False
    assert isinstance(box, AnswerBox)
    return box.reuse(question, session.name, session.journey.value(question.id),
                     _offered(question, session))


def _offered(question: Question, session: Session) -> list[tuple[str, str]]:
    return [(c.value, session.choice_label(question, c.value))
            for c in session.choices(question)]


def answer_box(question: Question, session: Session) -> Widget:
    """The box for a question's kind, with what the session offers for it now: the choices
    that fit the earlier answers, the people to pick from, the money that can pay, the
    budgets costed support is set against as it is made, and the person's needs and
    outcomes a piece of support can say it meets."""
    words, name = session.content, session.name
    value = session.journey.value(question.id)
    # The forms for support, actions and people are imported when first asked for: most
    # questions are not of those kinds, and the first one is not.
    if question.kind in (Kind.SUPPORT, Kind.ACTIONS):
        from journey.tui.items import ActionsAnswer, SupportAnswer

        if question.kind is Kind.SUPPORT:
            snap = session.snapshot()
            return SupportAnswer(question, words, name, value, budgets(words, snap.live),
                                 aims(snap), fundings(words, snap.live))
        return ActionsAnswer(question, words, name, value, session.candidates(question))
    if question.kind is Kind.DETAILS:
        from journey.tui.items import UNPAID_CARER, DetailsAnswer

        return DetailsAnswer(question, words, name, value,
                             session.journey.value(UNPAID_CARER) == "yes")
    if question.kind is Kind.PEOPLE:
        from journey.tui.people import PeopleAnswer

        return PeopleAnswer(question, words, name, value)
    if question.kind is Kind.RATINGS:
        from journey.conversation.review import rated_things
        from journey.tui.answer import RatingsAnswer

        return RatingsAnswer(question, words, name, value, _offered(question, session),
                             rated_things(session, question))
    if question.kind is Kind.PERSON:
        from journey.tui.picker import PersonAnswer

        return PersonAnswer(question, words, name, value, session.candidates(question))
    return _BY_KIND[question.kind](question, words, name, value, _offered(question, session))
