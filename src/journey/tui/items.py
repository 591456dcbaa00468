"""Answers that are a list of small records: costed support items and actions. The list is
shown with buttons to add, change and remove; each record is filled in on a small form. The
details for a council's file are one such form on its own.
Every change posts Given (saved at once, without moving on); Done posts Given and moves on.
Nothing typed is read as markup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, SelectionList, Static
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.content import Question
from journey.core import answers
from journey.core.answers import AnswerError, Funding, Per, Period, Provider, Status
from journey.core.circle import SOMEONE_ELSE, same
from journey.plan import action_line, answer_lines, item_line
from journey.plan.costing import Budget, cost_items
from journey.tui.answer import AnswerBox
from journey.tui.letgo import LetsGo
from journey.tui.lists import StopsAtEnds
from journey.tui.plan_panel import money_content
from journey.tui.ticks import EmptyWhenUnticked
from journey.tui.typeahead import CatchesKeys, Holds

KEPT_ROWS = 10  # rows the form's title, error line and buttons keep in sight
Record = dict[str, Any]  # each field's text; a list for a field that ticks several


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # message key
    choices: tuple[tuple[str, str], ...] = ()  # (message key, value); none for a text box
    placeholder: str = ""  # message key
    several: bool = False  # ticks any of the person's own words (given to the form)
    plain: bool = False  # the choices are (words as shown, value): names, not message keys
    shown_when: tuple[str, str] | None = None  # shown only while that field has that value


def _choices(prefix: str, values: list[str]) -> tuple[tuple[str, str], ...]:
    return tuple((prefix + v.replace("-", "_"), v) for v in values)


# The last field is a text box, so Enter there saves once every field has been passed.
SUPPORT_FIELDS = (
    Field("what", "item_what", placeholder="item_what_hint"),
    Field("helps", "item_helps", placeholder="item_helps_hint"),
    Field("serves", "item_serves", several=True),
    Field("provider", "item_provider", _choices("provider_", [p.value for p in Provider])),
    Field("funding", "item_funding", _choices("funding_", [f.value for f in Funding])),
    Field("times", "item_how_many", placeholder="item_how_many_hint"),
    Field("period", "item_period", _choices("period_", [p.value for p in Period])),
    Field("hours", "item_how_long", placeholder="item_how_long_hint"),
    Field("per", "item_per",
          (("item_per_hour", Per.HOUR.value), ("item_per_time", Per.TIME.value))),
    # Placeholders short enough to read whole in a narrow box (big text).
    Field("cost", "item_cost", placeholder="item_cost_hint"),
)

ACTION_FIELDS = (
    Field("what", "action_what", placeholder="action_what_hint"),
    Field("who", "action_who_field", placeholder="action_who_hint"),
    Field("status", "action_status", _choices("action_", [s.value for s in Status])),
    Field("by", "action_by_field", placeholder="date_hint"),
)


def next_box(widget: Holds) -> None:
    """Enter moves on to the next box of the form, with any keys typed after it."""
    chain = widget.screen.focus_chain
    if widget in chain and chain.index(widget) + 1 < len(chain):
        widget.pass_to(chain[chain.index(widget) + 1])
    else:
        widget.release()


class FormInput(LetsGo, Holds, Input):
    """A text box on the form, keeping keys typed after Enter for the next box."""


class FormSelect(Holds, Select[str]):
    """A choice on the form: Enter goes on to the next box, as it does in a text box; Space
    or the arrows open the list, and Enter there chooses and goes on too, the keys typed
    after it with it. The same in every form."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "next_box", "Next", show=False),
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
    ]

    def action_next_box(self) -> None:
        next_box(self)

    def takes_keys_after(self, key: events.Key) -> bool:
        return key.key == "enter" and self.expanded

    @on(SelectOverlay.UpdateSelection)
    def _chosen_from_list(self, event: SelectOverlay.UpdateSelection) -> None:
        # After Select's own handler has taken the choice and closed the list.
        self.call_next(next_box, self)


class FormTicks(StopsAtEnds, EmptyWhenUnticked, Holds, SelectionList[str]):
    """Several things to tick on the form: Space ticks or unticks, Enter goes on to the next
    box, as it does in a text box."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "next_box", "Next", show=False),
    ]

    def action_next_box(self) -> None:
        next_box(self)

    def action_select(self) -> None:
        """Tick or untick the one highlighted now. Textual's own list ticks whichever is
        highlighted when its message is handled, so "Space, Down, Space" typed fast would
        tick the last one twice, and leave nothing ticked."""
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))


class HoldingButton(Holds, Button):
    """A button that opens a form: keys typed after Enter wait for the form, and go there."""


class HoldingList(StopsAtEnds, Holds, OptionList):
    """The list of records: Enter opens one to change, and keys typed after go there."""


class ItemForm(CatchesKeys, ModalScreen[Record | None]):
    """One record's fields. Returns the record, read and checked, or None if closed. Keys
    typed before its first box has the focus are kept for that box."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-item")]

    def __init__(self, words: Words, title: str, fields: tuple[Field, ...], values: Record,
                 read: Callable[[Record], Record], so_far: Content | None = None,
                 ticks: dict[str, list[str]] | None = None,
                 changed: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.changed = changed  # told of each change, so what is typed is kept as a draft
        self.words = words
        self.title_text = title
        self.values = values
        self.read = read
        self.so_far = so_far or Content("")
        self.typed = []
        # What each several-ticks field offers: the person's own words, and any ticked
        # before that are no longer among them, so nothing chosen is lost unseen.
        self.ticks: dict[str, list[str]] = {}
        for field in fields:
            if field.several:
                chosen = values.get(field.key) or []
                offered = [*(ticks or {}).get(field.key, [])]
                self.ticks[field.key] = [*offered, *(c for c in chosen if c not in offered)]
        # A several-ticks field with nothing to tick yet is left off the form.
        self.fields = tuple(f for f in fields if not f.several or self.ticks[f.key])

    def compose(self) -> ComposeResult:
        words = self.words
        # The fields scroll; the title, the error line and Save and Cancel stay in sight,
        # however big the text and however many fields.
        with Vertical(id="item-box"):
            yield Static(self.title_text, id="item-title", markup=False)
            with VerticalScroll(id="item-fields"):
                yield Static(self.so_far, id="item-so-far", markup=False)
                for field in self.fields:
                    with Horizontal(classes="item-row", id=f"row-{field.key}"):
                        yield Static(words.message(field.label), classes="item-label",
                                     markup=False)
                        yield self._field(field)
            yield Static(id="item-error", markup=False)
            with Horizontal(id="item-buttons"):
                yield Button(words.message("item_save"), id="item-save", variant="primary")
                yield Button(words.message("item_cancel"), id="item-cancel")

    def _field(self, field: Field) -> Widget:
        words = self.words
        value = self.values.get(field.key, "")
        if field.several:
            chosen = set(value or [])
            return FormTicks(*[(Content(t), t, t in chosen) for t in self.ticks[field.key]],
                             id=f"item-{field.key}")
        if field.choices:
            options = [(Content(k) if field.plain else words.message(k), v)
                       for k, v in field.choices]
            return FormSelect(options, value=value or options[0][1], allow_blank=False,
                              id=f"item-{field.key}")
        hint = words.message(field.placeholder) if field.placeholder else ""
        return FormInput(value=value, placeholder=hint, id=f"item-{field.key}")

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        # What the fields may take: the screen, less the title, two lines of error, the
        # buttons and the dialog's border.
        self.query_one("#item-fields").styles.max_height = max(3, height - KEPT_ROWS)

    def on_mount(self) -> None:
        self._fit(self.app.size.height)
        self.query_one("#item-so-far").display = bool(self.so_far.plain)
        self._show_rows()
        self.app.call_later(self.give_keys, self.query_one(Input))

    def _show_rows(self) -> None:
        """A row that depends on another field shows only while that field asks for it."""
        shown = self.record()
        for field in self.fields:
            if field.shown_when is not None:
                other, value = field.shown_when
                self.query_one(f"#row-{field.key}").display = shown.get(other) == value

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        self._show_rows()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | Select.Changed) -> None:
        if self.changed is not None and self.is_attached:
            self.changed()

    def changed_fields(self) -> Record:
        """What was typed in the text boxes that they were not opened with."""
        shown = self.record()
        return {k: v for k, v in shown.items()
                if isinstance(self.query_one(f"#item-{k}"), Input)
                and v != str(self.values.get(k, ""))}

    def record(self) -> Record:
        """What the form holds now, as typed."""
        shown: Record = {}
        for field in self.fields:
            widget = self.query_one(f"#item-{field.key}")
            if isinstance(widget, SelectionList):
                ticked = set(widget.selected)  # kept in the list's order, not ticking order
                shown[field.key] = [o.value for o in (widget.get_option_at_index(i)
                                                      for i in range(widget.option_count))
                                    if o.value in ticked]
            else:
                value = widget.value if isinstance(widget, Input | Select) else ""
                shown[field.key] = str(value)
        return shown

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        """Enter moves to the next box; in the last box it saves."""
        event.stop()
        boxes = list(self.query(FormInput))
        if event.input is boxes[-1]:
            self._save()
        elif isinstance(event.input, FormInput):
            next_box(event.input)

    @on(Button.Pressed, "#item-save")
    def _save(self) -> None:
        try:
            item = self.read(self.record())
        except AnswerError as error:
            self.query_one("#item-error", Static).update(
                Content(self.words.message(error.key, **error.values)))
            self.app.bell()
            for box in self.query(FormInput):
                box.release()  # keys typed after Enter go on where they were typed
            return
        self.dismiss(item)

    @on(Button.Pressed, "#item-cancel")
    def action_close(self) -> None:
        self.dismiss(None)


class ItemsAnswer(AnswerBox):
    """A list of records. Adding and changing are plainly different: Add opens an empty form,
    and after each save "Add another" takes the focus; Enter on a listed record opens it
    under "Change", to put it right."""

    FIELDS: ClassVar[tuple[Field, ...]] = ()
    FORM_TITLE: ClassVar[str] = ""

    def read(self, record: Record) -> Record:
        raise NotImplementedError

    def line(self, record: Record) -> str:
        raise NotImplementedError

    def fields(self, values: Record) -> tuple[Field, ...]:
        """The form's fields for a record (changing one may offer what it already has)."""
        return self.FIELDS

    def editable(self, record: Record) -> Record:
        """A saved record as the form shows it."""
        return dict(record)

    def so_far(self) -> Content:
        """A line under the list while it is made, like a running total."""
        return Content("")

    def ticks(self) -> dict[str, list[str]]:
        """What each several-ticks field of the form offers."""
        return {}

    def saved(self) -> list[Any]:
        return list(self.value) if isinstance(self.value, list) else []

    _form: ItemForm | None = None  # the form open now, and which record it is for
    _form_for: int | None = None

    def typed(self) -> dict[str, str]:
        """The open form's fields, once something is typed in them: kept as a draft, and
        the form opened again with them when the question is asked next."""
        form = self._form
        if form is None or not form.is_attached or not form.changed_fields():
            return {}
        fields = {f"form.{k}": v for k, v in form.record().items() if isinstance(v, str)}
        return {"form": "new" if self._form_for is None else str(self._form_for), **fields}

    def put_back(self, draft: dict[str, str]) -> None:
        super().put_back(draft)
        which = draft.get("form")
        if which is None:
            return
        index = None if which == "new" else int(which) if which.isdigit() else -1
        if index is not None and not 0 <= index < len(self.items):
            return  # a record no longer there: nothing to put it back into
        earlier = self.items[index] if index is not None else None
        values = self.editable(earlier) if isinstance(earlier, dict) else {}
        values.update({k.removeprefix("form."): v for k, v in draft.items()
                       if k.startswith("form.")})
        self.call_after_refresh(self._open, index, values)

    def _form_changed(self) -> None:
        self.post_message(self.Typed())

    def compose(self) -> ComposeResult:
        self.items: list[Any] = self.saved()
        yield HoldingList(*self._options(), id="items-list")
        yield Static(self.words.message("items_empty"), id="items-empty", markup=False)
        yield Static(id="items-so-far", markup=False)
        with Horizontal(classes="items-buttons"):
            yield HoldingButton(self.words.message("items_add"), id="items-add",
                                variant="primary")
            yield Button(self.words.message("items_change"), id="items-change")
            yield Button(self.words.message("items_remove"), id="items-remove")
            yield Button(self.words.message("items_done"), id="items-done")
        yield self.hint("items_hint")

    def _options(self) -> list[Option]:
        return [Option(Content(self.line(v) if isinstance(v, dict) else str(v)), id=str(i))
                for i, v in enumerate(self.items)]

    def on_mount(self) -> None:
        # AnswerBox.on_mount runs too, after this (handlers are collected along the class
        # line), and gives the focus.
        self._refresh()

    def first(self) -> Widget | None:
        return self.query_one("#items-list") if self.items else self.query_one("#items-add")

    def _refresh(self) -> None:
        listed = self.query_one("#items-list", OptionList)
        listed.clear_options()
        listed.add_options(self._options())
        listed.display = bool(self.items)
        if self.items and listed.highlighted is None:
            listed.highlighted = 0
        self.query_one("#items-empty").display = not self.items
        total = self.so_far()
        self.query_one("#items-so-far", Static).update(total)
        self.query_one("#items-so-far").display = bool(total.plain)
        self.query_one("#items-add", Button).label = self.words.message(
            "items_add_another" if self.items else "items_add")
        for button in ("#items-change", "#items-remove"):
            self.query_one(button, Button).disabled = not self.items

    def _chosen_index(self) -> int | None:
        highlighted = self.query_one("#items-list", OptionList).highlighted
        return highlighted if highlighted is not None and self.items else None

    def _open(self, index: int | None, values: Record | None = None) -> None:
        earlier = self.items[index] if index is not None else None
        if values is None:
            values = self.editable(earlier) if isinstance(earlier, dict) else (
                {"what": earlier} if isinstance(earlier, str) else {})

        def done(item: Record | None) -> None:
            self._form = None
            self._form_changed()  # closed: what it held is given, or let go
            if item is None:
                return
            changed = list(self.items)
            if index is None:
                changed.append(item)
            else:
                changed[index] = item
            self._save(changed, index, item)

        if index is None:
            title = self.words.message(self.FORM_TITLE)
        else:
            title = self.words.message("items_change_title", what=values.get("what", ""))
        form = ItemForm(self.words, title, self.fields(values), values, self.read,
                        self.so_far(), self.ticks(), self._form_changed)
        self._form, self._form_for = form, index
        for widget in self.query("*"):
            if isinstance(widget, Holds):
                form.typed = [*(form.typed or []), *widget.take_held()]
        self.app.push_screen(form, done)

    def _save(self, changed: list[Any], index: int | None, item: Record) -> None:
        """Show the change only once it is saved; if saving fails, open the form again with
        what was typed, so nothing is lost."""

        def saved(ok: bool) -> None:
            if not self.is_attached:
                return
            if not ok:
                self._open(index, {k: v if isinstance(v, list) else str(v)
                                   for k, v in self.editable(item).items()})
                return
            self.items = changed
            self._refresh()
            listed = self.query_one("#items-list", OptionList)
            listed.highlighted = len(self.items) - 1 if index is None else index
            self.query_one("#items-add").focus()  # the next thing is most often another

        self.offer(list(changed), move_on=False, saved=saved)

    @on(OptionList.OptionSelected, "#items-list")
    def _edit_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    @on(Button.Pressed, "#items-add")
    def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self._open(None)

    @on(Button.Pressed, "#items-change")
    def _change(self, event: Button.Pressed) -> None:
        event.stop()
        index = self._chosen_index()
        if index is not None:
            self._open(index)

    @on(Button.Pressed, "#items-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        index = self._chosen_index()
        if index is None:
            return
        changed = [v for i, v in enumerate(self.items) if i != index]

        def saved(ok: bool) -> None:
            if ok and self.is_attached:
                self.items = changed
                self._refresh()
                if self.items:
                    listed = self.query_one("#items-list", OptionList)
                    listed.highlighted = min(index, len(self.items) - 1)
                    listed.focus()
                else:
                    self.query_one("#items-add").focus()

        self.offer(changed, move_on=False, saved=saved)

    @on(Button.Pressed, "#items-done")
    def _done(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.items:
            self.refuse(AnswerError("error_no_items"))
            return
        self.give(list(self.items))


class SupportAnswer(ItemsAnswer):
    FIELDS = SUPPORT_FIELDS
    FORM_TITLE = "item_title"

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 budgets: list[Budget] | None = None, aims: list[str] | None = None,
                 fundings: list[Funding] | None = None) -> None:
        super().__init__(question, words, name, value)
        self.budgets = budgets or []
        self.aims = aims or []  # the person's needs and outcomes, for "what it meets"
        self.fundings = list(Funding) if fundings is None else fundings

    def ticks(self) -> dict[str, list[str]]:
        return {"serves": self.aims}

    def fields(self, values: Record) -> tuple[Field, ...]:
        """The money offered: a health budget only while its step is needed, or when this
        item says so already."""
        allowed = {f.value for f in self.fundings} | {values.get("funding", "")}
        return tuple(replace(f, choices=tuple(c for c in f.choices if c[1] in allowed))
                     if f.key == "funding" else f for f in SUPPORT_FIELDS)

    def so_far(self) -> Content:
        """The running total against the budgets, as the plan shows it."""
        return money_content(cost_items(self.words, self.items, self.budgets), self.words)

    def read(self, record: Record) -> Record:
        r = record
        return answers.support_item(r["what"], r["helps"], r["provider"], r["times"],
                                    r["period"], r["hours"], r["cost"], r["per"], r["funding"],
                                    r.get("serves"))

    def line(self, record: Record) -> str:
        return item_line(self.words, record)

    def editable(self, record: Record) -> Record:
        shown: Record = {k: str(record.get(k, "")) for k in (f.key for f in SUPPORT_FIELDS)}
        met = record.get("serves")
        shown["serves"] = [str(m) for m in met] if isinstance(met, list) else []
        return shown


class ActionsAnswer(ItemsAnswer):
    """Who does each action is picked from the person and their circle of support, or typed
    under Someone else; with no one to pick from, it is typed."""

    FIELDS = ACTION_FIELDS
    FORM_TITLE = "action_title"

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 people: list[tuple[dict[str, str], str]] | None = None) -> None:
        super().__init__(question, words, name, value)
        self.people = people or []

    def fields(self, values: Record) -> tuple[Field, ...]:
        if not self.people:
            return ACTION_FIELDS
        who = (("action_who_nobody", ""), *((label, p["name"]) for p, label in self.people),
               ("pick_someone_else", SOMEONE_ELSE))
        shown = tuple((self.words.message(k) if k in ("action_who_nobody", "pick_someone_else")
                       else k, v) for k, v in who)
        picked = Field("who", "action_who_field", shown, plain=True)
        other = Field("who_other", "action_who_other", placeholder="action_who_hint",
                      shown_when=("who", SOMEONE_ELSE))
        return (ACTION_FIELDS[0], picked, other, *ACTION_FIELDS[2:])

    def read(self, record: Record) -> Record:
        who = record.get("who", "")
        if who == SOMEONE_ELSE:
            who = record.get("who_other", "")
        return answers.action(record["what"], who, record["by"], record["status"])

    def line(self, record: Record) -> str:
        action = answers.as_action(record)
        return action_line(self.words, action) if action else str(record)

    def editable(self, record: Record) -> Record:
        shown = {**{k: str(v) for k, v in record.items()},
                 "by": answers.show_short_date(str(record.get("by", "")))}
        who = shown.get("who", "")
        if self.people and who:
            known = next((p["name"] for p, _ in self.people if same(p, {"name": who})), None)
            # Someone typed before, and not in the circle, shows under Someone else.
            shown["who"], shown["who_other"] = (known, "") if known else (SOMEONE_ELSE, who)
        return shown



UNPAID_CARER = "circle.unpaid-carer"


def detail_fields(has_carer: bool) -> tuple[Field, ...]:
    """The boxes of the details form; the unpaid carer's only when there is one."""
    return tuple(Field(key, "details_" + key,
                       placeholder="details_born_hint" if key == answers.DETAIL_DATE else "")
                 for key in answers.DETAIL_KEYS if key != "carer" or has_carer)


class DetailsAnswer(AnswerBox):
    """The details a council's file needs, on one small form, every box optional. What is
    given so far is listed; "Nothing to add" saves an empty form and moves on."""

    def __init__(self, question: Question, words: Words, name: str, value: Any,
                 has_carer: bool = False) -> None:
        super().__init__(question, words, name, value)
        self.fields = detail_fields(has_carer)

    def given(self) -> Record:
        return dict(self.value) if isinstance(self.value, dict) else {}

    def compose(self) -> ComposeResult:
        yield Static(self._summary(), id="details-so-far", markup=False)
        with Horizontal(classes="items-buttons"):
            yield HoldingButton(self.words.message(
                "details_change" if self.given() else "details_fill"), id="details-fill",
                variant="primary")
            yield Button(self.words.message("details_none"), id="details-none")
        yield self.hint("details_hint")

    def _summary(self) -> Content:
        lines = answer_lines(self.words, self.question, self.given(), "")
        return Content("\n".join(lines) or self.words.message("details_empty"))

    def first(self) -> Widget | None:
        return self.query_one("#details-fill")

    @on(Button.Pressed, "#details-fill")
    def _fill(self, event: Button.Pressed) -> None:
        event.stop()
        values = {k: answers.show_short_date(v) if k == answers.DETAIL_DATE else v
                  for k, v in self.given().items()}

        def done(record: Record | None) -> None:
            if record is not None:
                self.give(record)

        form = ItemForm(self.words, self.words.message("details_title"), self.fields, values,
                        answers.details)
        for widget in self.query("*"):
            if isinstance(widget, Holds):
                form.typed = [*(form.typed or []), *widget.take_held()]
        self.app.push_screen(form, done)

    @on(Button.Pressed, "#details-none")
    def _none(self, event: Button.Pressed) -> None:
        event.stop()
        self.give(self.given())
