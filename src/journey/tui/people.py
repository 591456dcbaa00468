"""The circle of support: add people one at a time (name, who they are, how close, how they
help) and remove them again. Each change is saved at once; Done moves on. Names and the rest
are shown as plain Content, never parsed as markup."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from journey.core import answers
from journey.core.answers import AnswerError, Ring
from journey.plan import member_line
from journey.tui.answer import AnswerBox, AnswerInput
from journey.tui.items import FormSelect
from journey.tui.lists import Options


class PeopleAnswer(AnswerBox):
    """Add people one at a time; Enter on someone in the list puts them back in the boxes to
    change, and the button says so. Each change is shown once it is saved."""

    FIRST = "#people-name"

    def compose(self) -> ComposeResult:
        self.members: list[dict[str, str]] = [
            m for m in (self.value if isinstance(self.value, list) else [])
            if isinstance(m, dict)
        ]
        self.editing: int | None = None  # which person is being changed, if any
        words = self.words
        listed = Options(*self._rows(), id="people-list")
        listed.highlighted = 0 if self.members else None
        yield listed
        with Horizontal(classes="people-row"):
            yield AnswerInput(placeholder=words.message("people_name"), id="people-name")
            yield AnswerInput(placeholder=words.message("people_relation"),
                              id="people-relation")
        with Horizontal(classes="people-row"):
            yield FormSelect(
                [(words.message("ring_" + r.value), r.value) for r in Ring],
                value=Ring.CLOSEST.value, allow_blank=False, id="people-ring",
                prompt=words.message("people_ring"),
            )
            yield AnswerInput(placeholder=words.message("people_helps"), id="people-helps")
        with Horizontal(classes="people-row"):
            yield Button(words.message("people_add"), id="people-add")
            yield Button(words.message("people_remove"), id="people-remove")
            yield Button(words.message("people_done"), id="people-done", variant="primary")
        yield self.hint("people_hint")

    def _rows(self) -> list[Option]:
        if not self.members:
            return [Option(Content(self.words.message("people_none_yet")), disabled=True)]
        return [Option(Content(member_line(self.words, m))) for m in self.members]

    def _show(self, members: list[dict[str, str]]) -> None:
        self.members = members
        shown = self.query_one("#people-list", OptionList)
        shown.clear_options()
        shown.add_options(self._rows())
        if self.members:
            shown.highlighted = len(self.members) - 1  # Enter there changes that person

    def _boxes(self) -> tuple[AnswerInput, AnswerInput, FormSelect, AnswerInput]:
        return (self.query_one("#people-name", AnswerInput),
                self.query_one("#people-relation", AnswerInput),
                self.query_one("#people-ring", FormSelect),
                self.query_one("#people-helps", AnswerInput))

    def _editing(self, index: int | None) -> None:
        self.editing = index
        button = self.query_one("#people-add", Button)
        if index is None:
            button.label = self.words.message("people_add")
        else:
            button.label = self.words.message("people_save_change")
        button.refresh(layout=True)  # as wide as its new words: a label alone keeps the width

    def add(self) -> None:
        name, relation, ring, helps = self._boxes()
        try:
            member = answers.circle_member(name.value, relation.value, str(ring.value),
                                           helps.value)
        except AnswerError as error:
            self.refuse(error)
            return
        changed = list(self.members)
        if self.editing is not None and self.editing < len(changed):
            changed[self.editing] = member
        else:
            changed.append(member)

        def saved(ok: bool) -> None:
            if not self.is_attached:
                return
            if not ok:  # the error is shown; what was typed stays in the boxes
                self.release_keys()
                return
            self._show(changed)
            self._editing(None)
            for box in (name, relation, helps):
                box.clear()
            ring.value = Ring.CLOSEST.value  # the next person starts afresh
            if helps.holding:
                helps.pass_to(name)
            else:
                name.focus()

        self.offer([dict(m) for m in changed], move_on=False, saved=saved)

    def change(self, index: int) -> None:
        """Put someone back in the boxes to put their entry right."""
        if index >= len(self.members):
            return
        member = self.members[index]
        name, relation, ring, helps = self._boxes()
        name.value = member.get("name", "")
        relation.value = member.get("relation", "")
        ring.value = member.get("ring") or Ring.CLOSEST.value
        helps.value = member.get("helps", "")
        self._editing(index)
        name.focus()

    def remove(self) -> None:
        chosen = self.query_one("#people-list", OptionList).highlighted
        if not self.members or chosen is None or chosen >= len(self.members):
            return
        changed = [m for i, m in enumerate(self.members) if i != chosen]

        def saved(ok: bool) -> None:
            if ok and self.is_attached:
                self._show(changed)
                self._editing(None)

        self.offer([dict(m) for m in changed], move_on=False, saved=saved)

    @on(Input.Submitted)
    def _next_box(self, event: Input.Submitted) -> None:
        event.stop()
        following = {"people-name": "#people-relation", "people-relation": "#people-ring"}
        if event.input.id in following and isinstance(event.input, AnswerInput):
            event.input.pass_to(self.query_one(following[event.input.id]))
        else:
            self.add()

    @on(OptionList.OptionSelected, "#people-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.change(event.option_index)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "people-add":
            self.add()
        elif event.button.id == "people-remove":
            self.remove()
        elif event.button.id == "people-done":
            self.submit(answers.people, self.members)

