"""The direct-payment record's files in the app: the council's check saved for the period
chosen (md, html, docx or csv, written whole and private as the plan is, or sent to the
browser under `journey serve`), and a bank statement brought in: its columns chosen once
when journey does not know its layout, and each new payee said once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content as Text
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from journey.conversation.session import Session
from journey.core.answers import clean
from journey.core.saving import StoreError
from journey.documents.files import name_part
from journey.money import export, importing, kinds, statement
from journey.money.against import Against, against
from journey.money.record import pounds
from journey.money.typed import support_lines
from journey.store.private import reason, write_whole
from journey.tui.items import FormInput, FormSelect, HoldingButton
from journey.tui.typeahead import CatchesKeys, Holds, type_again

FORMATS = ("md", "html", "docx", "csv")
SUFFIX = {"md": ".md", "html": ".html", "docx": ".docx", "csv": ".csv"}
NONE = "-"  # a column not in the statement
COLUMN_USES = ("day", "payee", "amount", "paid_in", "paid_out", "balance")


def column_box(use: str) -> str:
    return "import-column-" + use.replace("_", "-")


def check_file(journey_id: str, fmt: str) -> str:
    return f"direct-payment-check-{name_part(journey_id)}{SUFFIX[fmt]}"


class SaveCheckScreen(CatchesKeys, ModalScreen[str | None]):
    """The council's check for the period chosen, as a file. Returns where it went."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close",
                                                 id="close-save-check")]

    def __init__(self, session: Session, found: Against) -> None:
        super().__init__()
        self.session = session
        self.found = found
        self.money = kinds.default()
        self.typed = []  # keys typed before the first box has the focus are kept for it

    def compose(self) -> ComposeResult:
        money = self.money
        web = self.app.is_web
        default = Path(check_file(self.session.journey.id, "md"))
        if not web:
            default = Path.home() / default
        from journey.money.shown import period

        with Vertical(id="save-check-box", classes="dialog"):
            yield Static(money.say("tui_save_title"), id="save-check-title", markup=False)
            yield Static(period(money, self.found.period), markup=False)
            yield FormSelect([(money.say(f"tui_format_{f}"), f) for f in FORMATS],
                             value="md", allow_blank=False, id="save-check-format")
            yield Static(self.session.content.message(
                "export_where_web" if web else "export_where"), markup=False)
            yield FormInput(value=str(default), id="save-check-path")
            yield Static(id="save-check-error", markup=False)

    def on_mount(self) -> None:
        self.app.call_later(self.give_keys, self.query_one("#save-check-path", Input))

    @on(Select.Changed, "#save-check-format")
    def _format(self, event: Select.Changed) -> None:
        """A new format renames the file, when the name is still the one offered."""
        box = self.query_one("#save-check-path", Input)
        path = Path(box.value)
        if path.name in {check_file(self.session.journey.id, f) for f in FORMATS}:
            box.value = str(path.with_name(check_file(self.session.journey.id,
                                                      str(event.value))))

    @on(Input.Submitted, "#save-check-path")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        fmt = str(self.query_one("#save-check-format", Select).value)
        data = export.render(self.session.content, self.money, self.found, fmt)
        if self.app.is_web:
            from journey.tui.screens.export import deliver

            name = Path(clean(event.value).strip()).name
            if not name.strip("."):
                name = check_file(self.session.journey.id, fmt)
            if not name.lower().endswith(SUFFIX[fmt]):
                name += SUFFIX[fmt]
            deliver(self.app, data, name)
            self.dismiss(self.money.say("tui_check_sent", name=name))
            return
        path = Path(clean(event.value).strip()).expanduser()
        try:
            was_open = write_whole(path, data, text=fmt == "md")
        except OSError as e:
            self.query_one("#save-check-error", Static).update(
                Text(self.money.say("tui_check_failed", reason=reason(e))))
            if isinstance(event.input, Holds):
                event.input.release()  # the keys typed after Enter stay in the box
            return
        said = self.money.say("exported", path=path)
        if was_open:
            said += "\n" + self.session.content.message("made_private", path=path)
        held = event.input.take_held() if isinstance(event.input, Holds) else []
        self.dismiss(said)
        type_again(self, held)  # keys typed after Enter go on to the record

    def action_close(self) -> None:
        self.dismiss(None)


class ImportScreen(CatchesKeys, ModalScreen[str | None]):
    """A bank statement into the record. Returns what it added, or None when nothing was."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close",
                                                 id="close-import")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.money = kinds.default()
        self.typed = []  # keys typed before the first box has the focus are kept for it
        self.found: statement.Statement | None = None
        self.path: Path | None = None
        self.said: list[str] = []  # what has been done, said when the screen closes
        self.payees: list[importing.Waiting] = []  # still to say, the first being asked

    def compose(self) -> ComposeResult:
        money = self.money
        with VerticalScroll(id="import-box", classes="dialog"):
            yield Static(money.say("tui_import_title"), id="import-title", markup=False)
            yield Static(money.say("tui_import_where"), id="import-where", markup=False)
            yield FormInput(id="import-path", placeholder=money.say("tui_import_hint"))
            yield Static(id="import-error", markup=False)
            with Vertical(id="import-columns"):
                yield Static(id="import-columns-said", markup=False)
                for use in COLUMN_USES:
                    yield Static(money.say(f"tui_column_{use}"), markup=False)
                    yield FormSelect([(money.say("tui_column_none"), NONE)], value=NONE,
                                     allow_blank=False, id=column_box(use))
                yield HoldingButton(money.say("tui_columns_use"), id="import-columns-use",
                                    variant="primary")
            with Vertical(id="import-payee"):
                yield Static(id="import-payee-said", markup=False)
                yield Static(money.say("tui_kind"), markup=False)
                yield FormSelect([(k.label, k.id) for k in money.kinds],
                                 value=money.kinds[0].id, allow_blank=False,
                                 id="import-payee-kind")
                yield Static(money.say("plain_support"), markup=False)
                yield FormSelect([(money.say("plain_support_none"), "")], value="",
                                 allow_blank=False, id="import-payee-support")
                yield HoldingButton(money.say("tui_payee_use"), id="import-payee-use",
                                    variant="primary")
                yield HoldingButton(money.say("tui_payee_later"), id="import-payee-later")

    def on_mount(self) -> None:
        self.query_one("#import-columns").display = False
        self.query_one("#import-payee").display = False
        self.app.call_later(self.give_keys, self.query_one("#import-path", Input))

    def _error(self, text: str) -> None:
        self.query_one("#import-error", Static).update(Text(text))

    def _go_to(self, box: Widget) -> None:
        """Focus a box, with the keys typed after Enter following it there, in order."""
        source = self.focused
        if isinstance(source, Holds) and source.holding and source is not box:
            source.pass_to(box)
        elif isinstance(source, Holds) and source.holding:
            source.release()
        else:
            box.focus()

    def _done(self) -> None:
        """Closed, with what was said; keys typed after the last Enter go on to the record."""
        source = self.focused
        held = source.take_held() if isinstance(source, Holds) else []
        self.dismiss("\n".join(self.said) or None)
        type_again(self, held)

    @on(Input.Submitted, "#import-path")
    def _read(self, event: Input.Submitted) -> None:
        event.stop()
        typed = clean(event.value).strip()
        if not typed:
            self._error(self.money.say("tui_import_needs_file"))
            self._go_to(event.input)
            return
        if self.session.read_only is not None:
            self._error(self.session.content.message("read_only_refused"))
            self._go_to(event.input)
            return
        path = Path(typed).expanduser()
        try:
            found = importing.open_statement(self.session.content, self.money,
                                             self.session.journey, path)
        except statement.StatementError as e:
            self._error(e.text)  # what was typed stays in its box, to put right
            self._go_to(event.input)
            return
        self._error("")
        self.found, self.path = found, path
        if found.layout is None:
            self._ask_columns(found)
        else:
            self._keep(None)

    def _ask_columns(self, found: statement.Statement) -> None:
        """Each use chosen from the statement's own columns, as journey would guess them."""
        money = self.money
        names = found.header or (found.examples[0] if found.examples else ())
        shown = "; ".join(f"{n + 1}: {h}" for n, h in enumerate(names))
        self.query_one("#import-columns-said", Static).update(
            Text(money.say("tui_columns_said", columns=shown)))
        options = [(money.say("tui_column_none"), NONE)] + [
            (f"{n + 1}: {clean(h)[:30]}", str(n)) for n, h in enumerate(names)]
        guess = found.suggested.as_value() if found.suggested else {}
        for use in COLUMN_USES:
            box = self.query_one("#" + column_box(use), Select)
            box.set_options(options)
            was = guess.get(use)
            if use == "payee" and was:
                was = was[0]
            box.value = str(was) if isinstance(was, int) and was < len(names) else NONE
        self.query_one("#import-columns").display = True
        self.call_after_refresh(self._go_to, self.query_one("#" + column_box("day"), Select))

    @on(Button.Pressed, "#import-columns-use")
    def _columns_chosen(self) -> None:
        chosen: dict[str, object] = {}
        for use in COLUMN_USES:
            value = str(self.query_one("#" + column_box(use), Select).value)
            if value != NONE:
                chosen[use] = int(value)
        for use in ("day", "payee"):
            if use not in chosen:
                self._error(self.money.say("tui_columns_need",
                                           what=self.money.say(f"tui_column_{use}").lower()))
                self._go_to(self.query_one("#" + column_box(use), Select))
                return
        if not {"amount", "paid_in", "paid_out"} & set(chosen):
            self._error(self.money.say("tui_columns_need_money"))
            self._go_to(self.query_one("#" + column_box("amount"), Select))
            return
        try:
            payee = chosen.pop("payee", None)
            layout = statement.Layout(payee=(payee,) if payee is not None else (),
                                      **chosen)  # type: ignore[arg-type]
        except (TypeError, ValueError) as e:
            self._error(self.money.say("tui_columns_bad", problem=str(e)[:80]))
            self._go_to(self.query_one("#" + column_box("amount"), Select))
            return
        self._error("")
        self._keep(layout)

    def _keep(self, layout: statement.Layout | None) -> None:
        """The statement's new lines saved, together, then each new payee asked once."""
        assert self.found is not None and self.path is not None
        session, money = self.session, self.money
        by = session.journey.speaker("money.record")[0]
        try:
            made = importing.lines(money, session.journey, self.found, self.path.name, by,
                                   layout)
            with session.together():
                for event in made.events:
                    session.keep_money(event)
        except StoreError as e:
            self._error(str(e))
            return
        self.query_one("#import-columns").display = False
        self.said.append(money.say("import_read", rows=len(made.statement.rows),
                                   file=self.path.name, new=len(made.new), known=made.known))
        if made.rules:
            self.said.append(money.say("import_columns_kept"))
        if made.statement.problems:
            self.said.append(money.say("tui_left_out",
                                       lines=len(made.statement.problems)))
        self.payees = importing.waiting(money, session.journey)
        self._next_payee()

    def _next_payee(self) -> None:
        if not self.payees:
            self._done()
            return
        money = self.money
        waiting = self.payees[0]
        direction = waiting.direction
        self.query_one("#import-payee-said", Static).update(Text(money.say(
            "tui_payee_said", payee=waiting.payee, payments=money.payments(waiting.count),
            amount=pounds(waiting.pence), left=len(self.payees))))
        kind = self.query_one("#import-payee-kind", Select)
        kind.set_options([(k.label, k.id) for k in money.kinds if k.direction == direction])
        kind.value = next(k.id for k in money.kinds if k.direction == direction)
        support = self.query_one("#import-payee-support", Select)
        support.set_options([(money.say("plain_support_none"), "")] + [
            (line.what, line.what)
            for line in support_lines(self.session.content, self.session.journey)])
        support.value = ""
        support.disabled = direction == "in"
        self.query_one("#import-payee").display = True
        self.call_after_refresh(self._go_to, kind)  # once shown, so it can take the focus
        # Which payee it is stays in sight above its boxes, down to 60x18.
        said = self.query_one("#import-payee-said", Static)
        self.call_after_refresh(lambda: self.call_after_refresh(
            said.scroll_visible, top=True, animate=False))

    @on(Button.Pressed, "#import-payee-use")
    def _payee_said(self) -> None:
        session, money = self.session, self.money
        name = self.payees[0].payee
        kind = str(self.query_one("#import-payee-kind", Select).value)
        support = str(self.query_one("#import-payee-support", Select).value or "") or None
        try:
            events, changed = importing.payee(money, session.journey, name, kind, support,
                                              session.journey.speaker("money.record")[0])
            with session.together():
                for event in events:
                    session.keep_money(event)
        except (StoreError, ValueError) as e:
            self._error(str(e))
            return
        label = money.kind(kind).label  # type: ignore[union-attr]
        self.said.append(money.say("payee_set" if support else "payee_set_none", payee=name,
                                   kind=label, support=support or "",
                                   payments=money.payments(changed)))
        self._said_payee()

    @on(Button.Pressed, "#import-payee-later")
    def _payee_later(self) -> None:
        self._said_payee()

    def _said_payee(self) -> None:
        """On to the next payee: one said (or left for later) is not asked again, whichever
        way its money goes."""
        said = statement.normalise_payee(self.payees[0].payee)
        self.payees = [w for w in self.payees if statement.normalise_payee(w.payee) != said]
        self._next_payee()

    def action_close(self) -> None:
        self._done()


def period_found(session: Session, kind: str, start: date | None,
                 end: date | None) -> Against:
    money = kinds.default()
    return against(session.content, money, session.journey, kind, start=start, end=end)
