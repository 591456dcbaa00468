"""The conversation: one question at a time, the chat so far, and the plan beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Static

from journey.answers import AnswerError
from journey.plan import answer_lines, attribution
from journey.session import Session
from journey.store import StoreError
from journey.tui.answer import Given, Invalid, answer_box
from journey.tui.chat import ChatLog
from journey.tui.keys import KeyBar
from journey.tui.plan_panel import PlanPanel

REPLAY = 20  # answers shown again in the chat when a saved journey is opened


class ConversationScreen(Screen[None]):
    # Keys chosen so none is taken by the text box (ctrl+e, ctrl+k and others edit text).
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+n", "not_sure", "Not sure yet", id="not-sure", priority=True),
        Binding("ctrl+b", "back", "Back", id="back", priority=True),
        Binding("ctrl+l", "skip", "Skip step", id="skip", priority=True),
        Binding("ctrl+g", "map", "Journey map", id="map", priority=True),
        Binding("ctrl+o", "export", "Save plan", id="export", priority=True),
        Binding("ctrl+r", "history", "History", id="history", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.words = session.content

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="talk"):
                yield ChatLog(id="chat")
                with Vertical(id="ask"):
                    yield Static(id="step-title", markup=False)
                    yield Static(id="question", markup=False)
                    yield Static(id="why", markup=False)
                    yield Static(id="examples", markup=False)
                    # The first answer box is composed with the screen, so it can take
                    # the focus before the first key arrives.
                    with Vertical(id="answer-slot"):
                        if self.session.question is not None:
                            yield self._answer_box()
                    yield Static(id="error", markup=False)
                    with Horizontal(id="actions"):
                        yield Button(self.words.message("not_sure"), id="not-sure")
                        yield Button(self.words.message("back"), id="back")
                        yield Button(self.words.message("skip"), id="skip")
                        yield Button(self.words.message("map"), id="map")
            yield PlanPanel(self.words, id="plan")
        yield KeyBar()

    AUTO_FOCUS = "#answer-slot Input, #answer-slot OptionList, #answer-slot SelectionList"

    def on_mount(self) -> None:
        self._replay()
        self.show_question(new_box=False)

    # -- showing -------------------------------------------------------------------------

    def _replay(self) -> None:
        """Put the last few answers back in the chat, so a resumed journey has context."""
        chat = self.query_one(ChatLog)
        if not self.session.journey.events:
            chat.say(self.words.message("welcome"))
            chat.say(self.words.message("informs"))
            return
        known = {q.id for s in self.words.all_steps for q in s.questions}
        for answer in [a for a in self.session.journey.answers.values()
                       if a.question in known][-REPLAY:]:
            self._say_answer(answer.question)

    def _say_answer(self, question_id: str) -> None:
        session, words = self.session, self.words
        question = words.question(question_id)
        answer = session.journey.answers[question_id]
        if answer.unsure:
            text = words.message("not_sure_said")
        else:
            text = "\n".join(answer_lines(words, question, answer.value, session.name))
        self.query_one(ChatLog).exchange(
            session.wording(question), text, attribution(words, answer, session.journey)
        )

    def _answer_box(self) -> Widget:
        question = self.session.question
        assert question is not None
        return answer_box(question, self.words, self.session.name,
                          self.session.journey.value(question.id))

    def show_question(self, new_box: bool = True) -> None:
        session, words = self.session, self.words
        question = session.question
        step = session.flow.step()
        self.query_one("#error", Static).update("")
        self.query_one(PlanPanel).show(session.plan())
        slot = self.query_one("#answer-slot")
        if new_box:
            slot.remove_children()
        if question is None or step is None:
            self.query_one("#step-title", Static).update("")
            self.query_one("#question", Static).update(words.message("finished"))
            for part in ("#why", "#examples"):
                self.query_one(part, Static).update("")
            self.query_one("#not-sure").display = False
            self.query_one("#skip").display = False
            self.sub_title = ""
            return
        steps = session.flow.step_ids
        title = (
            words.message("step_intro", number=steps.index(step.id) + 1, total=len(steps),
                          title=step.title)
            if step.id in steps else step.title
        )
        self.sub_title = title
        self.query_one("#step-title", Static).update(Content(title))
        first = session.flow.questions(step.id)[:1] == [question]
        intro = f"{step.intro.strip()}\n\n" if first else ""
        self.query_one("#question", Static).update(
            Content.assemble((intro, "italic"), (session.wording(question), "bold"))
        )
        self.query_one("#why", Static).update(Content(words.message("why_prefix") + question.why))
        examples = "; ".join(question.examples)
        self.query_one("#examples", Static).update(
            Content(words.message("examples_prefix") + examples) if examples else ""
        )
        self.query_one("#not-sure").display = not question.required
        self.query_one("#skip").display = step.id in steps
        if new_box:
            slot.mount(self._answer_box())

    def _complain(self, message: str) -> None:
        self.query_one("#error", Static).update(Content(message))
        self.app.bell()

    # -- what the person does ------------------------------------------------------------

    @on(Given)
    def _given(self, event: Given) -> None:
        event.stop()
        question = self.session.question
        if question is None:
            return
        try:
            self.session.answer(event.value, move_on=False)
        except StoreError as e:
            self._complain(self.words.message("error_save", reason=e))
            return
        if event.move_on:
            self._say_answer(question.id)
            self._move(self.session.next)
        else:
            self.query_one("#error", Static).update("")
            self.query_one(PlanPanel).show(self.session.plan())

    @on(Invalid)
    def _invalid(self, event: Invalid) -> None:
        event.stop()
        error: AnswerError = event.error
        self._complain(self.words.message(error.key, **error.values))

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        actions = {"not-sure": self.action_not_sure, "back": self.action_back,
                   "skip": self.action_skip, "map": self.action_map}
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    def _move(self, move: Callable[[], bool]) -> None:
        try:
            move()
        except StoreError as e:
            self._complain(self.words.message("error_save", reason=e))
            return
        self.show_question()

    def action_not_sure(self) -> None:
        question = self.session.question
        if question is None or question.required:
            return
        try:
            self.session.answer(None, unsure=True, move_on=False)
        except StoreError as e:
            self._complain(self.words.message("error_save", reason=e))
            return
        self._say_answer(question.id)
        self._move(self.session.next)

    def action_back(self) -> None:
        self._move(self.session.back)

    def action_skip(self) -> None:
        self._move(self.session.skip_step)

    def action_map(self) -> None:
        from journey.tui.screens.map import MapScreen

        def chosen(step_id: str | None) -> None:
            if step_id:
                self._move(lambda: self.session.go_to(step_id))

        self.app.push_screen(MapScreen(self.session), chosen)

    def action_export(self) -> None:
        from journey.tui.screens.export import ExportScreen

        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)

        self.app.push_screen(ExportScreen(self.session), done)

    def action_history(self) -> None:
        from journey.tui.screens.history import HistoryScreen

        def undone(question_id: str | None) -> None:
            if question_id:
                self.show_question()
                label = self.words.question(question_id).label
                self.notify(self.words.message("undone", label=label), markup=False)

        self.app.push_screen(HistoryScreen(self.session), undone)

    def on_unmount(self) -> None:
        self.session.close()  # let another journey window change it now

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("not_sure", "skip"):
            question = self.session.question
            return question is not None and not question.required
        return True

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        if self.query_one("#error", Static).content:
            self.query_one("#error", Static).update("")
