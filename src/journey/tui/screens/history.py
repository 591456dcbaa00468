"""Answer history: every change to each answer, who made it and when, and undo of the last
change. An undo is saved as a change of its own, so it shows here too."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from journey.conversation.session import Session
from journey.core.model import Answered
from journey.store.database import StoreError
from journey.tui.lists import Options


class HistoryScreen(ModalScreen[str | None]):
    """Returns the id of the question whose last change was undone, or None."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-history"),
        Binding("ctrl+z", "undo", "Undo the last change", id="undo"),
        Binding("v", "versions", "Versions of the plan", id="versions"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.words = session.content

    def _questions(self) -> list[str]:
        """Questions with any change, the most recently changed first."""
        return self.session.changed()

    def compose(self) -> ComposeResult:
        words = self.words
        questions = self._questions()
        here = self.session.flow.question_id
        with Vertical(id="history-box", classes="dialog"):
            yield Static(words.message("history_title"), id="history-title", markup=False)
            count = len(self.session.versions())
            yield Static(words.message("history_versions", count=count) if count
                         else words.message("history_no_versions"), id="history-versions",
                         markup=False)
            if not questions:
                yield Static(words.message("history_empty"), markup=False)
            else:
                options = Options(
                    *[Option(Content(self._label(q)), id=q) for q in questions],
                    id="history-answers")
                options.highlighted = questions.index(here) if here in questions else 0
                yield options
                with VerticalScroll(id="history-changes-box"):
                    yield Static(id="history-changes", markup=False)
                yield Static(id="history-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(words.message("history_undo"), id="undo", variant="warning",
                             disabled=not questions)
                yield Button(words.message("history_see_versions"), id="versions")
                yield Button(words.message("history_close"), id="close")

    def on_mount(self) -> None:
        self._show()

    def _label(self, question_id: str) -> str:
        question = self.words.question(question_id)
        return f"{question.label}: {self._said(self.session.journey.answers.get(question_id))}"

    def _said(self, answer: Answered | None) -> str:
        return self.session.said(answer)

    def _chosen(self) -> str | None:
        found = self.query("#history-answers")
        option = found.first(OptionList).highlighted_option if found else None
        return option.id if option else None

    def _show(self) -> None:
        question_id = self._chosen()
        if question_id is None:
            return
        lines = self.session.change_lines(question_id)
        self.query_one("#history-changes", Static).update(Content("\n".join(lines)))
        self.query_one("#undo", Button).disabled = not self.session.journey.can_undo(
            question_id)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "undo":
            self.action_undo()
        elif event.button.id == "versions":
            self.action_versions()
        else:
            self.action_close()

    def action_undo(self) -> None:
        question_id = self._chosen()
        if question_id is None or not self.session.journey.can_undo(question_id):
            return
        try:
            self.session.undo(question_id)
        except StoreError as e:
            self.query_one("#history-error", Static).update(
                Content(self.words.message("error_undo", reason=e)))
            return
        self.dismiss(question_id)

    def action_versions(self) -> None:
        from journey.tui.screens.versions import VersionsScreen

        self.app.push_screen(VersionsScreen(self.session))

    def action_close(self) -> None:
        self.dismiss(None)
