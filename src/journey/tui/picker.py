"""A question about a person: pick them from the circle of support (or the person themself),
or choose Someone else to add a new person, who then joins the circle. With no one to pick
from, the boxes for someone new show at once. Names are shown as plain Content, never
parsed as markup."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.content import Question
from journey.core import answers
from journey.core.answers import Ring
from journey.core.circle import SOMEONE_ELSE, same
from journey.tui.answer import AnswerBox, AnswerInput, AnswerOptions, Given
from journey.tui.typeahead import Holds

Candidate = tuple[dict[str, str], str]  # the person as saved, and how the picker shows them


class PickRing(Holds, Select[str]):
    """How close someone new is: Enter saves them, as Enter does in a text box."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "save", "Save", show=False, id="save-person"),
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
    ]

    class Save(Message):
        pass

    def action_save(self) -> None:
        self.post_message(self.Save())


class PersonAnswer(AnswerBox):
    """Enter on a name picks them; Enter on Someone else opens the boxes for a new person:
    their name, who they are, and how close (Enter there saves)."""

    FIRST = "#pick, #person-name"

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 candidates: list[Candidate] | None = None) -> None:
        super().__init__(question, words, name, value)
        self.candidates = candidates or []

    def compose(self) -> ComposeResult:
        words = self.words
        earlier = self.value if isinstance(self.value, dict) else {}
        known = next((i for i, (p, _) in enumerate(self.candidates) if same(p, earlier)), None)
        # An answer typed before (or someone no longer in the circle) shows in the boxes.
        typed = earlier if known is None else {}
        if self.candidates:
            options = [Option(Content(label), id=f"pick-{i}")
                       for i, (_, label) in enumerate(self.candidates)]
            options.append(Option(Content(words.message("pick_someone_else")), id=SOMEONE_ELSE))
            pick = AnswerOptions(*options, id="pick")
            pick.highlighted = known if known is not None else (
                len(options) - 1 if typed else 0)
            yield pick
            yield self.hint("pick_hint")
        with Vertical(id="person-new"):
            yield AnswerInput(value=str(typed.get("name", "")),
                              placeholder=words.message("person_name"), id="person-name")
            yield AnswerInput(value=str(typed.get("relation", "")),
                              placeholder=words.message("person_relation"),
                              id="person-relation")
            yield PickRing([(words.message("ring_" + r.value), r.value) for r in Ring],
                           value=Ring.CLOSEST.value, allow_blank=False, id="person-ring",
                           prompt=words.message("people_ring"))
            yield self.hint("pick_new_hint")

    def on_mount(self) -> None:
        earlier = self.value if isinstance(self.value, dict) else {}
        known = any(same(p, earlier) for p, _ in self.candidates)
        self.query_one("#person-new").display = not self.candidates or bool(
            earlier and not known)

    def first(self) -> Widget | None:
        return self.query_one("#pick") if self.candidates else self.query_one("#person-name")

    @on(OptionList.OptionSelected, "#pick")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == SOMEONE_ELSE:
            self.query_one("#person-new").display = True
            pick = self.query_one("#pick", AnswerOptions)
            pick.pass_to(self.query_one("#person-name", Input))
            return
        person, _ = self.candidates[event.option_index]
        self.give(dict(person))

    @on(Input.Submitted, "#person-name")
    def _name(self, event: Input.Submitted) -> None:
        event.stop()
        try:  # the name is the one thing needed: ask for it here, not two boxes on
            answers.person(event.value, "")
        except answers.AnswerError as error:
            self.refuse(error)
            return
        self.query_one("#person-name", AnswerInput).pass_to(
            self.query_one("#person-relation", Input))

    @on(Input.Submitted, "#person-relation")
    def _relation(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#person-relation", AnswerInput).pass_to(
            self.query_one("#person-ring", PickRing))

    @on(PickRing.Save)
    def _save(self, event: PickRing.Save) -> None:
        event.stop()
        name = self.query_one("#person-name", Input).value
        relation = self.query_one("#person-relation", Input).value
        try:
            person = answers.person(name, relation)
        except answers.AnswerError as error:
            self.refuse(error)
            self.query_one("#person-name", Input).focus()  # the name is what is missing
            return
        # Someone picked by typing a name already in the circle is the same person.
        known = next((p for p, _ in self.candidates if same(p, person)), None)
        if known is not None:
            self.give(dict(known))
            return
        ring = str(self.query_one("#person-ring", PickRing).value)
        self.post_message(Given(person, True, self.was_saved, self.question.id, joins=ring))
