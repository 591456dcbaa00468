"""One input for each kind of question. Each reads what was typed through journey.answers
and posts Given (an answer to save) or Invalid (a kind message to show); none of them saves
anything itself. Typed text is always shown as plain Content, never parsed as markup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, SelectionList, Static
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.content import Question
from journey.core import answers
from journey.core.answers import AnswerError, Period
from journey.tui.letgo import LetsGo
from journey.tui.lists import StopsAtEnds
from journey.tui.ticks import EmptyWhenUnticked
from journey.tui.typeahead import CatchesKeys, Holds


class Given(Message):
    """An answer to save. `saved` is told whether saving worked, so a box shows an item as
    added, or clears what was typed, only once it is safely kept."""

    def __init__(self, value: Any, move_on: bool = True,
                 saved: Callable[[bool], None] | None = None,
                 question: str | None = None, joins: str | None = None) -> None:
        super().__init__()
        self.value = value
        self.move_on = move_on
        self.saved = saved
        self.question = question  # which question it answers, if the box says
        self.joins = joins  # someone new, who joins the circle of support in this ring


class Invalid(Message):
    def __init__(self, error: AnswerError) -> None:
        super().__init__()
        self.error = error


class AnswerInput(LetsGo, Holds, Input):
    """A text box that keeps keys typed after Enter until its answer is dealt with."""


class AnswerOptions(StopsAtEnds, Holds, OptionList):
    """A list to choose one from, holding keys typed after Enter like AnswerInput."""


class AnswerBox(Vertical):
    """Base for the inputs: knows the question, the words, and any earlier answer."""

    class Typed(Message):
        """Something was typed that is not in a text field of the box itself (a form)."""

    FIRST = "Input, OptionList, SelectionList"  # what takes the focus

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 offered: list[tuple[str, str]] | None = None) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.words = words
        self.person = name
        self.value = value
        # The choices offered now, (value, words): those that contradict an earlier answer
        # are left out, and the words follow the mode
        # (journey.conversation.session.Session.choices).
        self.offered = offered if offered is not None else [
            (c.value, question.choice_label(c.value, name)) for c in question.choices]
        # What was typed towards the question and not given (journey.core.drafts): put back
        # in the box as it opens, and kept again as the person types.
        self.draft: dict[str, str] = {}
        self._shown_saved: dict[str, str] | None = None  # the fields as the answer fills them

    def reuse(self, question: Question, name: str, value: Any,
              offered: list[tuple[str, str]]) -> bool:
        """Ask the next question in this box, which is of the same kind, rather than build a
        new one: quicker, so the question is shown sooner. False when this box cannot."""
        return False

    def typed(self) -> dict[str, str]:
        """What is in the box's text fields now, by field."""
        return {w.id: w.value for w in self.query(Input) if w.id}

    def unsaved(self) -> dict[str, str]:
        """What is typed that the saved answer does not already say: a draft to keep."""
        typed = self.typed()
        return {} if typed == self._shown_saved else typed

    def put_back(self, draft: dict[str, str]) -> None:
        """Show the question's draft in its fields, over what the saved answer put there."""
        self._shown_saved = self.typed()
        for widget in self.query(Input):
            # Typing goes on at the end of a draft, rather than over it all.
            widget.select_on_focus = widget.id not in draft
            if widget.id in draft:
                widget.value = draft[widget.id]
                widget.cursor_position = len(widget.value)

    def _now_for(self, question: Question, name: str, value: Any,
                 offered: list[tuple[str, str]]) -> None:
        self.question, self.person, self.value, self.offered = question, name, value, offered

    def on_mount(self) -> None:
        self.put_back(self.draft)
        # Focus as soon as the input exists, in the App's turn, so every key typed while
        # this question was being built arrives here, in order.
        self.app.call_later(self.focus_first)

    def first(self) -> Widget | None:
        return self.query(self.FIRST).first() if self.query(self.FIRST) else None

    def focus_first(self) -> None:
        if not self.is_attached:
            return
        screen = self.screen
        if isinstance(screen, CatchesKeys):
            screen.give_keys(self.first())
        elif (widget := self.first()) is not None:
            widget.focus()

    def hint(self, key: str) -> Static:
        return Static(self.words.message(key), classes="hint", markup=False)

    def release_keys(self) -> None:
        """The answer was refused or not saved: keys typed after Enter go on here."""
        for widget in self.query("*"):
            if isinstance(widget, Holds):
                widget.release()

    def was_saved(self, ok: bool) -> None:
        if not ok:
            self.release_keys()

    def offer(self, value: Any, move_on: bool = True,
              saved: Callable[[bool], None] | None = None) -> None:
        """Post an answer to this box's question, to be saved."""
        self.post_message(Given(value, move_on, saved, self.question.id))

    def give(self, value: Any, move_on: bool = True) -> None:
        self.offer(value, move_on, self.was_saved)

    def refuse(self, error: AnswerError) -> None:
        self.post_message(Invalid(error))
        self.release_keys()

    def submit(self, read: Callable[..., Any], *args: Any, move_on: bool = True) -> None:
        try:
            value = read(*args)
        except AnswerError as error:
            self.refuse(error)
            return
        self.give(value, move_on)


class TextAnswer(AnswerBox):
    """One box of text. Kinds that read the text differently change `read`, not the Enter
    handler: handlers are collected along the class line, so a second one would also run."""

    def compose(self) -> ComposeResult:
        yield AnswerInput(value=self.value if isinstance(self.value, str) else "", id="text")

    def read(self, typed: str) -> Any:
        return answers.text(typed)

    def reuse(self, question: Question, name: str, value: Any,
              offered: list[tuple[str, str]]) -> bool:
        if type(self) is not TextAnswer:
            return False  # a date, say, shows more than the text
        self._now_for(question, name, value, offered)
        box = self.query_one(AnswerInput)
        typed = value if isinstance(value, str) else ""
        with box.prevent(Input.Changed):  # not typed by the person
            box.value = typed
        box.cursor_position = len(typed)
        return True

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(self.read, event.value)


class DateAnswer(TextAnswer):
    def compose(self) -> ComposeResult:
        shown = ""
        if isinstance(self.value, str):
            try:
                shown = answers.show_short_date(self.value)
            except ValueError:
                shown = self.value  # kept as it was saved, to be put right
        yield AnswerInput(value=shown, placeholder="DD/MM/YYYY", id="date")
        yield self.hint("date_hint")

    def read(self, typed: str) -> Any:
        return answers.when(typed)

    @on(Input.Changed, "#date")
    def _understood(self, event: Input.Changed) -> None:
        """Say what date the typing reads as, so "3/4" is seen to be 3 April."""
        try:
            day = answers.show_date(answers.when(event.value))
            said = self.words.message("date_understood", date=day)
        except AnswerError as error:
            # A day that could be either of two is said as both, before Enter is pressed.
            said = self.words.message(error.key if error.key == "error_date_two"
                                      else "date_hint", **error.values)
        except ValueError:
            said = self.words.message("date_hint")
        self.query_one(".hint", Static).update(Content(said))

    def refuse(self, error: AnswerError) -> None:
        if error.key == "error_date_two":
            # The error line now says both days: the hint would say them a second time.
            self.query_one(".hint", Static).update(Content(self.words.message("date_hint")))
        super().refuse(error)


class ListInput(AnswerInput):
    """A list's box: a paste of several lines is several things, not one."""

    class Pasted(Message):
        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def _on_paste(self, event: events.Paste) -> None:
        # Textual also calls Input's own _on_paste after this one (handlers are collected
        # along the class line), so one line is left to it, and only many lines stop it.
        lines = [line for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.Pasted(lines))


class ListAnswer(AnswerBox):
    """Add one thing at a time. Each addition is saved at once, and shown only once saved;
    an empty line moves on. A paste of several lines adds one thing a line."""

    def compose(self) -> ComposeResult:
        self.items: list[str] = list(self.value) if isinstance(self.value, list) else []
        yield Static(self._shown(), id="items", markup=False)
        yield ListInput(id="item")
        yield self.hint("list_hint")

    def _shown(self) -> Content:
        return Content("\n".join(f"• {item}" for item in self.items))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.submit(answers.items, self.items)
            return
        self.add([event.value], clear=True)

    @on(ListInput.Pasted)
    def _pasted(self, event: ListInput.Pasted) -> None:
        event.stop()
        self.add(event.lines, clear=False)

    def add(self, typed: list[str], clear: bool) -> None:
        try:
            added = [answers.text(line) for line in typed]
        except AnswerError as error:
            self.refuse(error)
            return
        box = self.query_one("#item", ListInput)

        def saved(ok: bool) -> None:
            if not self.is_attached:
                return
            if ok:
                self.items.extend(added)
                self.query_one("#items", Static).update(self._shown())
                if clear:
                    box.clear()
            elif not clear:  # a paste that could not be saved stays in the box
                box.insert_text_at_cursor(" ".join(added))
            box.release()

        self.offer([*self.items, *added], move_on=False, saved=saved)


class ChoiceAnswer(AnswerBox):
    def options(self) -> list[Option]:
        return [Option(Content(label), id=value) for value, label in self.offered]

    def compose(self) -> ComposeResult:
        options = self.options()
        choices = AnswerOptions(*options, id="choices")
        ids = [o.id for o in options]
        choices.highlighted = ids.index(self.value) if self.value in ids else 0
        yield choices

    def reuse(self, question: Question, name: str, value: Any,
              offered: list[tuple[str, str]]) -> bool:
        self._now_for(question, name, value, offered)
        options = self.options()
        choices = self.query_one(AnswerOptions)
        with choices.prevent(OptionList.OptionHighlighted):
            choices.clear_options()
            choices.add_options(options)
            ids = [o.id for o in options]
            choices.highlighted = ids.index(value) if value in ids else 0
        return True

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.give(event.option.id)


class YesNoAnswer(ChoiceAnswer):
    def options(self) -> list[Option]:
        return [Option(self.words.message(v), id=v) for v in ("yes", "no")]


class MultiChoices(StopsAtEnds, EmptyWhenUnticked, Holds, SelectionList[str]):
    """Space ticks or unticks; Enter saves, because people press Enter everywhere."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "save", "Save", show=False, id="save-choices")]

    class Save(Message):
        pass

    def action_save(self) -> None:
        self.post_message(self.Save())


NONE_OF_THESE = "none"  # the choice that says none of the others fits


class MultiAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        chosen = set(self.value) if isinstance(self.value, list) else set()
        yield MultiChoices(
            *[(Content(label), value, value in chosen) for value, label in self.offered],
            id="choices",
        )
        yield self.hint("multi_hint")
        yield Button(self.words.message("save"), id="save-choices", variant="primary")

    @on(MultiChoices.Save)
    @on(Button.Pressed, "#save-choices")
    def _save(self, event: Message) -> None:
        event.stop()
        picked = list(self.query_one(MultiChoices).selected)
        if not picked:
            self.refuse(AnswerError("error_choose"))
        elif NONE_OF_THESE in picked and len(picked) > 1:
            label = dict(self.offered).get(NONE_OF_THESE, NONE_OF_THESE)
            self.refuse(AnswerError("error_none_and_others", none=label))
        else:
            self.give(picked)


class PeriodSelect(Holds, Select[str]):
    """How often: Enter on the closed list gives the answer, rather than opening it again."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "save", "Save", show=False, id="save-money"),
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
    ]

    class Save(Message):
        pass

    def action_save(self) -> None:
        self.post_message(self.Save())

    def takes_keys_after(self, key: events.Key) -> bool:
        return key.key == "enter" and self.expanded

    @on(SelectOverlay.UpdateSelection)
    def _chosen_from_list(self, event: SelectOverlay.UpdateSelection) -> None:
        # Chosen: the list closes and the keys typed after come back here (Enter saves).
        self.call_next(self.release)


class MoneyAnswer(AnswerBox):
    def compose(self) -> ComposeResult:
        earlier = self.value if answers.is_money(self.value) else None
        # The period offered first is only a start: until the person chooses one (or one was
        # saved before), words like "every 4 weeks" after the amount choose it.
        self.period_chosen = earlier is not None
        with Horizontal(classes="money"):
            yield Static("£", classes="pound")
            yield AnswerInput(value=earlier["amount"] if earlier else "", id="amount")
            yield PeriodSelect(
                [(self.words.message("period_" + p.value.replace("-", "_")), p.value)
                 for p in Period if p.repeats],
                value=earlier["period"] if earlier else Period.WEEK.value,
                allow_blank=False,
                id="period",
            )
        yield self.hint("money_hint")

    @on(Input.Submitted)
    @on(PeriodSelect.Save)
    def _submitted(self, event: Message) -> None:
        event.stop()
        # The words typed and the period chosen go to one reading, which may find the
        # period in the words too ("£150 a week").
        typed = self.query_one("#amount", Input).value
        self.submit(answers.money, typed, str(self.query_one(PeriodSelect).value),
                    self.period_chosen)

    @on(Select.Changed, "#period")
    def _period_chosen(self, event: Select.Changed) -> None:
        # Select also says it changed as it is set up; only a person's choice counts.
        if event.select.has_focus or event.select.expanded:
            self.period_chosen = True


class RatingsAnswer(AnswerBox):
    """One of the question's marks for each thing of the plan, one thing at a time: the
    thing is shown above the marks, Enter on a mark goes on to the next thing, and the last
    gives the answer ({thing: mark}). A mark given before is the one highlighted."""

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 offered: list[tuple[str, str]], things: list[str]) -> None:
        super().__init__(question, words, name, value, offered)
        self.things = things
        self.marks: dict[str, str] = {}
        self.at = 0

    def compose(self) -> ComposeResult:
        yield Static(id="rating-thing", markup=False)
        if self.things:
            yield AnswerOptions(*[Option(Content(label), id=value)
                                  for value, label in self.offered], id="choices")
        else:
            yield self.hint("ratings_nothing")
            yield AnswerOptions(Option(Content(self.words.message("ratings_go_on")),
                                       id="go-on"), id="choices")

    def on_mount(self) -> None:
        # AnswerBox's on_mount runs too (Textual calls each class's handler).
        self._show()

    def _show(self) -> None:
        shown = self.query_one("#rating-thing", Static)
        if not self.things:
            shown.display = False
            return
        thing = self.things[self.at]
        shown.update(Content(self.words.message(
            "ratings_thing", number=self.at + 1, count=len(self.things), thing=thing)))
        before = self.value.get(thing) if isinstance(self.value, dict) else None
        choices = self.query_one(AnswerOptions)
        ids = [value for value, _ in self.offered]
        choices.highlighted = ids.index(before) if before in ids else 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.things:
            self.give({})
            return
        self.marks[self.things[self.at]] = str(event.option.id)
        if self.at + 1 < len(self.things):
            self.at += 1
            self._show()
            # Enter made the list hold the keys after it, for the next question: here
            # they are for the next thing, in this same list.
            self.release_keys()
            return
        self.give(dict(self.marks))

    def was_saved(self, ok: bool) -> None:
        if not ok:  # asked again from the first thing, with the marks chosen so far
            self.value, self.marks, self.at = dict(self.marks), {}, 0
            self._show()
        super().was_saved(ok)
