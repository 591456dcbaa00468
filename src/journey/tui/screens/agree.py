"""Answers the facilitator suggested: the person ticks the ones that are theirs."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from journey.plan import answer_lines
from journey.session import Session
from journey.store import StoreError


class AgreeScreen(ModalScreen[int]):
    """Returns how many suggestions the person agreed."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-agree")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session, words = self.session, self.session.content
        name = session.name or words.message("someone")
        waiting = session.journey.suggestions()
        with Vertical(id="agree-box", classes="dialog"):
            yield Static(words.message("agree_title", name=name), classes="dialog-title",
                         markup=False)
            if not waiting:
                yield Static(words.message("agree_none"), markup=False)
                return
            yield Static(words.message("agree_hint", name=name), classes="hint", markup=False)
            choices = []
            for answer in waiting:
                question = words.question(answer.question)
                said = "; ".join(answer_lines(words, question, answer.value, session.name))
                choices.append(Selection(
                    Content.assemble((question.label, "bold"), "\n", said), answer.question))
            yield SelectionList[str](*choices, id="agree-list")
            yield Button(words.message("agree_button", name=name), id="agree", variant="primary")
            yield Static(id="agree-error", markup=False)

    @on(Button.Pressed, "#agree")
    def _agree(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = self.query_one(SelectionList).selected
        try:
            for question_id in chosen:
                self.session.confirm(question_id)
        except StoreError as e:
            message = self.session.content.message("error_save", reason=e)
            self.query_one("#agree-error", Static).update(Content(message))
            return
        self.dismiss(len(chosen))

    def action_close(self) -> None:
        self.dismiss(0)
