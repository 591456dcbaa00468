"""Welcome back: who is here today? Each sitting records who planned and who was there."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from journey.conversation.session import Session
from journey.conversation.speech import spoken_lines
from journey.core.answers import AnswerError, short
from journey.core.model import Mode
from journey.store.database import StoreError
from journey.tui.lists import Options

SAME = "same"


class SittingScreen(ModalScreen[bool]):
    """Records the new sitting. Returns True when the way of planning changed."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "same", "Same as last time", id="same-sitting"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.mode: Mode | None = None

    def compose(self) -> ComposeResult:
        session, words = self.session, self.session.content
        name = session.name
        journey = session.journey
        last = words.message(
            "sitting_last_" + journey.mode, name=name,
            helper=journey.helper or words.message("someone"),
        )
        with Vertical(id="sitting-box", classes="dialog"):
            yield Static(words.message("sitting_title", name=name), classes="dialog-title",
                         markup=False)
            yield Options(
                Option(Content(words.message("sitting_same", last=last)), id=SAME),
                *[Option(Content(words.message("sitting_" + mode, name=name)), id=mode)
                  for mode in Mode],
                id="sitting-mode",
            )
            with Vertical(id="sitting-helper"):
                yield Static(words.message("sitting_helper"), markup=False)
                yield Input(id="sitting-helper-name")
                yield Static(words.message("sitting_role", name=name), markup=False)
                yield Input(id="sitting-helper-role")
            with Vertical(id="sitting-people"):
                yield Static(words.message("sitting_others"), markup=False)
                yield Input(id="sitting-others")
            yield Static(id="sitting-error", markup=False)

    def on_mount(self) -> None:
        # Details are asked only once a new way of planning is chosen.
        self.query_one("#sitting-helper").display = False
        self.query_one("#sitting-people").display = False
        # Read aloud, when each question is: this is the first question of the sitting.
        options = self.query_one("#sitting-mode", OptionList)
        asked = [str(self.query_one(".dialog-title", Static).content)]
        asked += [f"{n}. {options.get_option_at_index(i).prompt}"
                  for n, i in enumerate(range(options.option_count), 1)]
        self._tell(spoken_lines(asked))

    def _tell(self, text: str) -> None:
        aloud = getattr(self.app, "aloud", None)
        if aloud is not None:
            aloud.tell(text)

    @on(OptionList.OptionSelected, "#sitting-mode")
    def _mode(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == SAME:
            self.action_same()
            return
        self.mode = Mode(event.option.id)
        needs_helper = self.mode is not Mode.SELF
        self.query_one("#sitting-helper").display = needs_helper
        self.query_one("#sitting-people").display = True
        self.query_one("#sitting-helper-name" if needs_helper else "#sitting-others").focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = ["sitting-helper-name", "sitting-helper-role", "sitting-others"]
        if event.input.id != "sitting-others":
            self.query_one(f"#{order[order.index(event.input.id or '') + 1]}").focus()
            return
        self._begin()

    def _begin(self) -> None:
        session, words = self.session, self.session.content
        mode = self.mode or Mode.SELF
        helper = role = None
        try:
            if mode is not Mode.SELF:
                helper = short(self.query_one("#sitting-helper-name", Input).value)
                role = self.query_one("#sitting-helper-role", Input).value.strip() or None
        except AnswerError:
            self._complain(words.message("error_helper"))
            self.query_one("#sitting-helper-name").focus()
            return
        others = self.query_one("#sitting-others", Input).value.split(",")
        present = [*((session.name,) if mode is not Mode.BEHALF else ()), helper or "", *others]
        changed = (mode, helper) != (session.journey.mode, session.journey.helper)
        if self._record(mode, helper, role, present):
            self.dismiss(changed)

    def action_same(self) -> None:
        journey = self.session.journey
        last = journey.sittings()[-1]
        if self._record(journey.mode, journey.helper, journey.helper_role, list(last.present)):
            self.dismiss(False)

    def _record(self, mode: Mode, helper: str | None, role: str | None,
                present: list[str]) -> bool:
        try:
            self.session.begin_sitting(mode, helper, role, present)
        except (AnswerError, StoreError) as e:
            reason = self.session.content.message(e.key, **e.values) if isinstance(
                e, AnswerError) else self.session.content.message("error_save_sitting", reason=e)
            self._complain(reason)
            return False
        return True

    def _complain(self, message: str) -> None:
        self.query_one("#sitting-error", Static).update(Content(message))
        self.app.bell()
        self._tell(message)
