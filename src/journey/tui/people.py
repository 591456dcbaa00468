"""The circle of support: add people one at a time (name, who they are, how close, how they
help) and remove them again. Each change is saved at once; Done moves on. Names and the rest
are shown as plain Content, never parsed as markup."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select
from textual.widgets.option_list import Option

from journey import answers
from journey.answers import AnswerError, Ring
from journey.plan import member_line
from journey.tui.answer import AnswerBox, Given, Invalid


class PeopleAnswer(AnswerBox):
    FIRST = "#people-name"
    def compose(self) -> ComposeResult:
        self.members: list[dict[str, str]] = [
            m for m in (self.value if isinstance(self.value, list) else [])
            if isinstance(m, dict)
        ]
        words = self.words
        yield OptionList(*self._rows(), id="people-list")
        with Horizontal(classes="people-row"):
            yield Input(placeholder=words.message("people_name"), id="people-name")
            yield Input(placeholder=words.message("people_relation"), id="people-relation")
        with Horizontal(classes="people-row"):
            yield Select(
                [(words.message("ring_" + r.value), r.value) for r in Ring],
                value=Ring.CLOSEST.value, allow_blank=False, id="people-ring",
                prompt=words.message("people_ring"),
            )
            yield Input(placeholder=words.message("people_helps"), id="people-helps")
        with Horizontal(classes="people-row"):
            yield Button(words.message("people_add"), id="people-add")
            yield Button(words.message("people_remove"), id="people-remove")
            yield Button(words.message("people_done"), id="people-done", variant="primary")
        yield self.hint("people_hint")

    def _rows(self) -> list[Option]:
        if not self.members:
            return [Option(Content(self.words.message("people_none_yet")), disabled=True)]
        return [Option(Content(member_line(self.words, m))) for m in self.members]

    def _changed(self) -> None:
        shown = self.query_one("#people-list", OptionList)
        shown.clear_options()
        shown.add_options(self._rows())
        self.post_message(Given([dict(m) for m in self.members], move_on=False))

    def add(self) -> None:
        name = self.query_one("#people-name", Input)
        relation = self.query_one("#people-relation", Input)
        helps = self.query_one("#people-helps", Input)
        try:
            member = answers.circle_member(name.value, relation.value,
                                           str(self.query_one(Select).value), helps.value)
        except AnswerError as error:
            self.post_message(Invalid(error))
            return
        self.members.append(member)
        for box in (name, relation, helps):
            box.clear()
        name.focus()
        self._changed()

    def remove(self) -> None:
        chosen = self.query_one("#people-list", OptionList).highlighted
        if self.members and chosen is not None and chosen < len(self.members):
            del self.members[chosen]
            self._changed()

    @on(Input.Submitted)
    def _next_box(self, event: Input.Submitted) -> None:
        event.stop()
        following = {"people-name": "#people-relation", "people-relation": "#people-ring"}
        if event.input.id in following:
            self.query_one(following[event.input.id]).focus()
        else:
            self.add()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "people-add":
            self.add()
        elif event.button.id == "people-remove":
            self.remove()
        elif event.button.id == "people-done":
            self.submit(answers.people, self.members)

    @on(Select.Changed)
    def _ring_chosen(self, event: Select.Changed) -> None:
        event.stop()
        # Select also says it changed when it is first set up; move on only for a choice.
        if event.select.has_focus or event.select.expanded:
            self.query_one("#people-helps", Input).focus()
