"""One input for each kind of question. Each reads what was typed through journey.answers
and posts Given (an answer to save) or Invalid (a kind message to show); none of them saves
anything itself. Typed text is always shown as plain Content, never parsed as markup."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from journey import answers
from journey.answers import AnswerError, Period
from journey.content import Journey as Words
from journey.content import Kind, Question


class Given(Message):
    def __init__(self, value: Any, move_on: bool = True) -> None:
        super().__init__()
        self.value = value
        self.move_on = move_on


class Invalid(Message):
    def __init__(self, error: AnswerError) -> None:
        super().__init__()
        self.error = error


class AnswerBox(Vertical):
    """Base for the inputs: knows the question, the words, and any earlier answer."""

    FIRST = "Input, OptionList, SelectionList"  # what takes the focus

    def __init__(self, question: Question, words: Words, name: str, value: Any) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.words = words
        self.person = name
        self.value = value

    def on_mount(self) -> None:
        # Focus as soon as the input exists, so no key typed after an answer goes astray.
        self.focus_first()

    def focus_first(self) -> None:
        self.query(self.FIRST).first().focus()

    def hint(self, key: str) -> Static:
        return Static(self.words.message(key), classes="hint", markup=False)

    def submit(self, read: Any, *args: Any, move_on: bool = True) -> None:
        try:
            self.post_message(Given(read(*args), move_on))
        except AnswerError as error:
            self.post_message(Invalid(error))


class TextAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        yield Input(value=self.value if isinstance(self.value, str) else "", id="text")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(answers.text, event.value)


class DateAnswer(TextAnswer):
    def compose(self) -> ComposeResult:
        shown = ""
        if isinstance(self.value, str):
            year, month, day = self.value.split("-")
            shown = f"{day}/{month}/{year}"
        yield Input(value=shown, placeholder="DD/MM/YYYY", id="date")
        yield self.hint("date_hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(answers.when, event.value)


class ListAnswer(AnswerBox):
    """Add one thing at a time. Each addition is saved at once; an empty line moves on."""

    def compose(self) -> ComposeResult:
        self.items: list[str] = list(self.value) if isinstance(self.value, list) else []
        yield Static(self._shown(), id="items", markup=False)
        yield Input(id="item")
        yield self.hint("list_hint")

    def _shown(self) -> Content:
        return Content("\n".join(f"• {item}" for item in self.items))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.submit(answers.items, self.items)
            return
        try:
            item = answers.text(event.value)
        except AnswerError as error:
            self.post_message(Invalid(error))
            return
        self.items.append(item)
        self.query_one("#items", Static).update(self._shown())
        event.input.clear()
        self.post_message(Given(list(self.items), move_on=False))


class ChoiceAnswer(AnswerBox):
    def options(self) -> list[Option]:
        return [
            Option(Content(self.question.choice_label(c.value, self.person)), id=c.value)
            for c in self.question.choices
        ]

    def compose(self) -> ComposeResult:
        options = self.options()
        choices = OptionList(*options, id="choices")
        ids = [o.id for o in options]
        choices.highlighted = ids.index(self.value) if self.value in ids else 0
        yield choices

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Given(event.option.id))


class YesNoAnswer(ChoiceAnswer):
    def options(self) -> list[Option]:
        return [Option(self.words.message(v), id=v) for v in ("yes", "no")]


class MultiAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        chosen = set(self.value) if isinstance(self.value, list) else set()
        yield SelectionList[str](
            *[
                (Content(self.question.choice_label(c.value, self.person)), c.value,
                 c.value in chosen)
                for c in self.question.choices
            ],
            id="choices",
        )
        yield self.hint("multi_hint")
        yield Button(self.words.message("save"), id="save-choices", variant="primary")

    @on(Button.Pressed, "#save-choices")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        picked = self.query_one(SelectionList).selected
        if picked:
            self.post_message(Given(list(picked)))
        else:
            self.post_message(Invalid(AnswerError("error_choose")))


class MoneyAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        earlier = self.value if answers.is_money(self.value) else None
        with Horizontal(classes="money"):
            yield Static("£", classes="pound")
            yield Input(value=earlier["amount"] if earlier else "", id="amount")
            yield Select(
                [(self.words.message("period_" + p.value.replace("-", "_")), p.value)
                 for p in Period],
                value=earlier["period"] if earlier else Period.WEEK.value,
                allow_blank=False,
                id="period",
            )
        yield self.hint("money_hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(answers.money, event.value, str(self.query_one(Select).value))


class PersonAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        earlier = self.value if isinstance(self.value, dict) else {}
        yield Input(value=earlier.get("name", ""), placeholder=self.words.message("person_name"),
                    id="person-name")
        yield Input(value=earlier.get("relation", ""),
                    placeholder=self.words.message("person_relation"), id="person-relation")

    @on(Input.Submitted, "#person-name")
    def _name(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#person-relation", Input).focus()

    @on(Input.Submitted, "#person-relation")
    def _relation(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(answers.person, self.query_one("#person-name", Input).value, event.value)


_BY_KIND: dict[Kind, type[AnswerBox]] = {
    Kind.TEXT: TextAnswer,
    Kind.LIST: ListAnswer,
    Kind.CHOICE: ChoiceAnswer,
    Kind.MULTI: MultiAnswer,
    Kind.YESNO: YesNoAnswer,
    Kind.MONEY: MoneyAnswer,
    Kind.DATE: DateAnswer,
    Kind.PERSON: PersonAnswer,
}


def answer_box(question: Question, words: Words, name: str, value: Any) -> Widget:
    if question.kind in (Kind.SUPPORT, Kind.ACTIONS):
        # The record forms build on AnswerBox, so they are imported once it exists.
        from journey.tui.items import ActionsAnswer, SupportAnswer

        box = SupportAnswer if question.kind is Kind.SUPPORT else ActionsAnswer
        return box(question, words, name, value)
    if question.kind is Kind.PEOPLE:
        from journey.tui.people import PeopleAnswer  # it builds on AnswerBox, above

        return PeopleAnswer(question, words, name, value)
    return _BY_KIND[question.kind](question, words, name, value)
