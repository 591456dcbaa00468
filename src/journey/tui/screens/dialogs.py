"""Small dialogs: a yes-or-no question, and asking for a name."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question. Returns True only if the person chose yes."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "no", "No", id="confirm-no")]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-box"):
            yield Static(Content(self.question), id="confirm-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                # "No" first and focused: the safe answer is the one Enter gives.
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class NameScreen(ModalScreen[str | None]):
    """Asks for a name. Returns what was typed, or None if the person closed it."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="name-close")]

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="name-box"):
            yield Static(Content(self.title_text), id="name-title", markup=False)
            yield Input(value=self.value, id="name-input")
            yield Static(id="name-error", markup=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def complain(self, message: str) -> None:
        self.query_one("#name-error", Static).update(Content(message))

    def action_close(self) -> None:
        self.dismiss(None)
