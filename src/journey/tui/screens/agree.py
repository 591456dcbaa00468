"""Answers the facilitator suggested: the person reads each one in full, in the helper's
words, and ticks the ones that are theirs."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from journey.conversation.session import Session
from journey.plan import suggested_lines
from journey.store.database import StoreError
from journey.tui.ticks import Tick


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
            # A tick box per suggestion with its words in full beneath: a list's one line
            # per option would cut the words off.
            with VerticalScroll(id="agree-list"):
                for number, answer in enumerate(waiting):
                    question = words.question(answer.question)
                    lines = suggested_lines(words, question, answer, session.journey,
                                            session.name)
                    yield Tick(Content(question.label), id=f"agree-{number}",
                                   name=answer.question, classes="agree-choice",
                                   compact=True)
                    yield Static(Content("\n".join(f"• {line}" for line in lines)),
                                 classes="agree-words", markup=False)
            yield Button(words.message("agree_button", name=name), id="agree", variant="primary")
            yield Static(id="agree-error", markup=False)

    def on_mount(self) -> None:
        boxes = self.query(".agree-choice")
        if boxes:
            boxes.first().focus()

    @on(Button.Pressed, "#agree")
    def _agree(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = [box.name for box in self.query(".agree-choice").results(Checkbox)
                  if box.value and box.name]
        try:
            self.session.confirm_all(chosen)  # all saved together, or none
        except StoreError as e:
            message = self.session.content.message("error_agree", reason=e)
            self.query_one("#agree-error", Static).update(Content(message))
            return
        self.dismiss(len(chosen))

    def action_close(self) -> None:
        self.dismiss(0)
