"""The direct-payment record in the app: a form to add money in or out (money as people type
it, dates in their own words), the record's entries (delete takes the chosen one out), and
the record set against the plan with its findings, each with what it rests on. Every line is
saved before the screen shows it."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.widgets.select import InvalidSelectValueError

from journey.conversation.session import Session
from journey.core.model import MoneyRemoved
from journey.core.saving import StoreError
from journey.money import kinds
from journey.money.against import Against, against, normal
from journey.money.record import Entry, read
from journey.money.shown import entry_line, summary_lines
from journey.money.typed import (
    MoneyError,
    Typed,
    amount,
    change,
    day,
    entry,
    only_pa,
    support_lines,
)
from journey.tui.items import FormInput, FormSelect
from journey.tui.lists import Options
from journey.tui.typeahead import Holds

FIELDS = ("amount", "day", "who", "purpose", "kept")
PERIODS = ("all", "quarter", "year", "between")


class MoneyScreen(ModalScreen[bool]):
    """Returns True when the record changed."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-money"),
        Binding("delete", "remove", "Take out", id="money-remove"),
        # Not priority: the keys typed after them wait for the dialog they open.
        Binding("ctrl+o", "save_check", "Save the check", id="money-save"),
        Binding("ctrl+l", "bring_in", "Bring in a statement", id="money-import"),
        # Run as the key arrives, so the box Tab goes to is focused before the next key is
        # handed on; while a box holds the keys typed after Enter, Tab waits with them.
        Binding("tab", "next_box(1)", "Next box", show=False, priority=True),
        Binding("shift+tab", "next_box(-1)", "Box before", show=False, priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.money = kinds.default()
        self.changed = False
        self.changing: Entry | None = None  # the line the form holds, to keep in its place
        self.period: tuple[str, date | None, date | None] = ("all", None, None)
        self._submitted: Input | None = None  # the box Enter was pressed in

    def compose(self) -> ComposeResult:
        money, words = self.money, self.session.content
        lines = support_lines(words, self.session.journey)
        with VerticalScroll(id="money-box"):
            yield Static(money.say("title", name=self.session.name or words.message("someone")),
                         id="money-title", markup=False)
            yield Static(money.say("tui_hint"), classes="hint", markup=False)
            yield Static(id="money-changing", markup=False)
            # Above the form, so a mistake is said where the form begins, beside its box.
            yield Static(id="money-error", markup=False)
            yield Static(money.say("tui_kind"), markup=False)
            yield FormSelect([(k.label, k.id) for k in money.kinds], value=money.kinds[0].id,
                             allow_blank=False, id="money-kind")
            for name in ("amount", "day", "who"):
                yield Static(money.say(f"tui_{name}"), markup=False)
                yield FormInput(id=f"money-{name}", placeholder=money.say(f"tui_{name}_hint"))
            yield Static(money.say("plain_support"), markup=False)
            yield FormSelect([(money.say("plain_support_none"), "")]
                             + [(line.what, line.what) for line in lines],
                             value="", allow_blank=False, id="money-support")
            yield Static(money.say("tui_purpose"), markup=False)
            yield FormInput(id="money-purpose")
            yield Static(money.say("tui_evidence"), markup=False)
            yield FormSelect([(money.say("plain_evidence_none"), "")]
                             + [(p.label, p.id) for p in money.papers],
                             value="", allow_blank=False, id="money-evidence")
            yield Static(money.say("tui_kept"), markup=False)
            yield FormInput(id="money-kept")
            yield Static(money.say("entries_title"), classes="money-heading", markup=False)
            yield Options(id="money-entries")
            yield Static(money.say("tui_period"), classes="money-heading", markup=False)
            yield FormSelect([(money.say(f"tui_period_{p}"), p) for p in PERIODS],
                             value="all", allow_blank=False, id="money-period")
            with Vertical(id="money-between"):
                for name in ("from", "to"):
                    yield Static(money.say(f"tui_{name}"), markup=False)
                    yield FormInput(id=f"money-{name}",
                                    placeholder=money.say("tui_day_hint"))
            yield Static(id="money-summary", markup=False)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#money-kind", Select).focus()

    def show(self) -> None:
        money, words, journey = self.money, self.session.content, self.session.journey
        record = read(journey, money)
        planned = {normal(line.what) for line in support_lines(words, journey)}
        entries = self.query_one("#money-entries", Options)
        entries.clear_options()
        entries.add_options([Option(entry_line(money, e, n, planned), id=e.id)
                             for n, e in enumerate(record.entries, 1)])
        if not record.entries:
            entries.add_option(Option(money.say("none_yet"), disabled=True))
        self.query_one("#money-summary", Static).update(
            "\n".join(summary_lines(words, money, self.found())))

    def found(self) -> Against:
        """The record against the plan for the period chosen."""
        return against(self.session.content, self.money, self.session.journey,
                       self.period[0], start=self.period[1], end=self.period[2])

    @on(Select.Changed, "#money-period")
    def _period_chosen(self, event: Select.Changed) -> None:
        kind = str(event.value)
        if kind != "between":  # two dates wait for both to be typed in the boxes below
            self.period = (kind, None, None)
            self.show()

    def _period_typed(self) -> None:
        """Two dates in people's own words: the summary is for the days between them."""
        words, money = self.session.content, self.money
        chosen: list[date] = []
        for name in ("from", "to"):
            typed = self.query_one(f"#money-{name}", Input).value
            if not typed.strip():
                self._go_to(self.query_one(f"#money-{name}", FormInput))
                return
            try:
                chosen.append(date.fromisoformat(day(words, typed)))
            except MoneyError as e:
                self._complain(str(e), f"#money-{name}")
                return
        if chosen[1] < chosen[0]:
            self._complain(money.say("error_period_order"), "#money-to")
            return
        self.query_one("#money-error", Static).update("")
        self.period = ("between", chosen[0], chosen[1])
        with self.prevent(Select.Changed):
            self.query_one("#money-period", Select).value = "between"
        self.show()
        self._go_to(self.query_one("#money-to", FormInput))

    def action_save_check(self) -> None:
        from journey.tui.screens.money_files import SaveCheckScreen

        def saved(said: str | None) -> None:
            if said:
                self.notify(said, markup=False)

        self.app.push_screen(SaveCheckScreen(self.session, self.found()), saved)

    def action_bring_in(self) -> None:
        from journey.tui.screens.money_files import ImportScreen

        if self.app.is_web:  # a path typed in a browser would name a file on the server
            self.notify(self.money.say("tui_import_web"), markup=False)
            return

        def brought(said: str | None) -> None:
            if said:
                self.changed = True
                self.notify(said, markup=False)
            self.show()

        self.app.push_screen(ImportScreen(self.session), brought)

    @on(Select.Changed, "#money-kind")
    def _kind(self, event: Select.Changed) -> None:
        kind = self.money.kind(str(event.value))
        if kind is None:
            return
        usual = only_pa(support_lines(self.session.content, self.session.journey))
        support = self.query_one("#money-support", Select)
        support.disabled = kind.direction == "in"
        if kind.pays_pa and usual:
            support.value = usual
        elif kind.direction == "in":
            support.value = ""

    @on(Input.Submitted)
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        self._submitted = event.input
        if event.input.id in ("money-from", "money-to"):
            self._period_typed()
            return
        error = self.query_one("#money-error", Static)
        if self.session.read_only is not None:
            self._complain(self.session.content.message("read_only_refused"), "#money-amount")
            return
        words, money = self.session.content, self.money
        typed = {name: self.query_one(f"#money-{name}", Input).value for name in FIELDS}
        for name, check in (("amount", lambda t: amount(words, money, t)),
                            ("day", lambda t: day(words, t))):
            try:
                check(typed[name])
            except MoneyError as e:
                self._complain(str(e), f"#money-{name}")
                return
        said = Typed(
            kind=str(self.query_one("#money-kind", Select).value),
            amount=typed["amount"], day=typed["day"], who=typed["who"],
            support=str(self.query_one("#money-support", Select).value or ""),
            purpose=typed["purpose"],
            evidence=str(self.query_one("#money-evidence", Select).value or ""),
            kept_where=typed["kept"])
        by = self.session.journey.speaker("money.record")[0]
        try:
            if self.changing is not None:
                made = change(words, money, self.session.journey, self.changing, by,
                              **{name: getattr(said, name)
                                 for name in Typed.__dataclass_fields__})
            else:
                made = entry(words, money, self.session.journey, said, by)
            self.session.keep_money(made)
        except (MoneyError, StoreError) as e:
            self._complain(str(e), "#money-kind")
            return
        self.changed = True
        was_changing, self.changing = self.changing is not None, None
        self.query_one("#money-changing", Static).update("")
        error.update("")
        for name in FIELDS:
            self.query_one(f"#money-{name}", Input).value = ""
        self.show()
        record = read(self.session.journey, money)
        number = next(n for n, e in enumerate(record.entries, 1) if e.id == made.id)
        planned = {normal(line.what) for line in support_lines(words, self.session.journey)}
        self.notify(money.say("changed" if was_changing else "added",
                              line=entry_line(money, record.entries[number - 1], number,
                                              planned)), markup=False)
        self._go_to(self.query_one("#money-kind", FormSelect))  # the next line, from the top

    def _complain(self, text: str, near: str) -> None:
        """Say what is wrong just under the box it is about, and go to that box."""
        error = self.query_one("#money-error", Static)
        box = self.query_one(near)
        form = self.query_one("#money-box")
        after: Widget = box
        while after.parent is not form and isinstance(after.parent, Widget):
            after = after.parent  # a box in a group: the error goes after the group
        form.move_child(error, after=after)
        error.update(text)
        self._go_to(box)
        self.call_after_refresh(error.scroll_visible)

    def _go_to(self, box: Widget) -> None:
        """Focus a box, with the keys typed after Enter following it there, in order."""
        source = self._submitted
        if isinstance(source, FormInput) and source is not box:
            source.pass_to(box)
        elif isinstance(source, FormInput):
            source.release()
        else:
            box.focus()

    def action_next_box(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, Holds) and focused.holding and focused._held is not None:
            focused._held.append(events.Key("tab" if step > 0 else "shift+tab", None))
            return
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_remove(self) -> None:
        entries = self.query_one("#money-entries", Options)
        if not entries.has_focus or entries.highlighted is None:
            return
        chosen = entries.get_option_at_index(entries.highlighted)
        if chosen.id is None or self.session.read_only is not None:
            return
        try:
            self.session.keep_money(MoneyRemoved(
                entry=chosen.id, by=self.session.journey.speaker("money.record")[0]))
        except StoreError as e:
            self.query_one("#money-error", Static).update(str(e))
            return
        self.changed = True
        self.notify(self.money.say("removed", line=str(chosen.prompt)), markup=False)
        self.show()
        entries.focus()

    @on(OptionList.OptionSelected, "#money-entries")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an entry puts it in the form, to change: Enter there keeps it in place."""
        event.stop()
        record = read(self.session.journey, self.money)
        found = next((e for e in record.entries if e.id == event.option.id), None)
        if found is None:
            return
        self.changing = found
        number = record.entries.index(found) + 1
        with self.prevent(Select.Changed):
            self.query_one("#money-kind", Select).value = found.what
            support = self.query_one("#money-support", Select)
            support.disabled = found.direction == "in"
            try:
                support.value = found.support or ""
            except InvalidSelectValueError:  # no longer in the plan: said under the entry
                support.value = ""
            self.query_one("#money-evidence", Select).value = found.evidence or ""
        for name, value in (("amount", f"{found.pence // 100}.{found.pence % 100:02d}"),
                            ("day", f"{found.day:%d/%m/%Y}"), ("who", found.who),
                            ("purpose", found.purpose), ("kept", found.kept_where or "")):
            self.query_one(f"#money-{name}", Input).value = value
        self.query_one("#money-changing", Static).update(
            self.money.say("tui_changing", number=number))
        self.query_one("#money-amount", Input).focus()
        self.query_one("#money-changing", Static).scroll_visible()

    def action_close(self) -> None:
        self.dismiss(self.changed)
