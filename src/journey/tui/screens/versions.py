"""The versions of the plan, from the answer history: each kept version, one to read as it
was (read-only: the words are shown, nothing can be changed), and what changed between two.
Nothing here records anything, so a journey open read-only can be looked through too."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from journey.conversation.session import Session
from journey.documents import render
from journey.tui.lists import Options


def comparison_text(session: Session, first: int, second: int) -> str | None:
    made = session.comparison(first, second)
    if made is None:
        return None
    return render.export_comparison(made, "txt").decode("utf-8")


def version_text(session: Session, number: int) -> str | None:
    plan = session.version_plan(number)
    return None if plan is None else render.render(plan, "txt")


class ReadingScreen(ModalScreen[None]):
    """Words to read, and nothing to change: an old version of the plan, or a comparison."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-reading"),
    ]

    def __init__(self, title: str, text: str, close: str) -> None:
        super().__init__()
        self.title_words, self.text, self.close_words = title, text, close

    def compose(self) -> ComposeResult:
        with Vertical(id="reading-box", classes="dialog"):
            yield Static(self.title_words, id="reading-title", markup=False)
            with VerticalScroll(id="reading-text", can_focus=True):
                yield Static(Content(self.text), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.close_words, id="reading-close")

    def on_mount(self) -> None:
        self.query_one("#reading-text").focus()  # the arrows and page keys scroll it

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)


class VersionsScreen(ModalScreen[None]):
    """Each kept version: enter reads the one chosen as it was; space marks one to compare
    from; c shows what changed from the marked one (or the one before) to the one chosen."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-versions"),
        Binding("space", "mark", "Mark to compare", id="mark-version"),
        Binding("c", "compare", "What changed", id="compare-versions"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.words = session.content
        self.kept = session.versions()
        self.marked: int | None = None

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="versions-box", classes="dialog"):
            yield Static(words.message("versions_title"), id="versions-title", markup=False)
            if not self.kept:
                yield Static(words.message("versions_none"), markup=False)
            else:
                options = Options(*[Option(Content(self._label(v.number)), id=str(v.number))
                                    for v in self.kept], id="versions-list")
                options.highlighted = len(self.kept) - 1  # the newest
                yield options
                yield Static(words.message("versions_hint"), id="versions-hint",
                             classes="hint", markup=False)
            yield Static(id="versions-said", classes="-empty", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(words.message("versions_read"), id="versions-read",
                             variant="primary", disabled=not self.kept)
                yield Button(words.message("versions_compare"), id="versions-compare",
                             disabled=len(self.kept) < 2)
                yield Button(words.message("history_close"), id="versions-close")

    def _label(self, number: int) -> str:
        said = self.session.version_said(self.kept[number - 1])
        mark = self.words.message("versions_marked") if number == self.marked else ""
        return f"{said}{mark}"

    def _chosen(self) -> int | None:
        found = self.query("#versions-list")
        option = found.first(OptionList).highlighted_option if found else None
        return int(option.id) if option and option.id else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_read()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"versions-read": self.action_read, "versions-compare": self.action_compare}
        actions.get(event.button.id or "", self.action_close)()

    def action_read(self) -> None:
        number = self._chosen()
        text = None if number is None else version_text(self.session, number)
        if number is None or text is None:
            return
        self.app.push_screen(ReadingScreen(
            self.words.message("version_reading", said=self.session.version_said(
                self.kept[number - 1])), text, self.words.message("history_close")))

    def action_mark(self) -> None:
        number = self._chosen()
        if number is None:
            return
        self.marked = None if self.marked == number else number
        options = self.query_one("#versions-list", OptionList)
        for version in self.kept:
            options.replace_option_prompt(str(version.number),
                                          Content(self._label(version.number)))
        said = "" if self.marked is None else self.words.message(
            "versions_marked_said", number=self.marked)
        shown = self.query_one("#versions-said", Static)
        shown.update(Content(said))
        shown.set_class(not said, "-empty")

    def action_compare(self) -> None:
        chosen = self._chosen()
        if chosen is None or len(self.kept) < 2:
            return
        first = self.marked if self.marked not in (None, chosen) else (
            chosen - 1 if chosen > 1 else 2)
        assert first is not None
        older, newer = sorted((first, chosen))
        text = comparison_text(self.session, older, newer)
        if text is None:
            return
        self.app.push_screen(ReadingScreen(
            self.words.message("versions_comparing", first=older, second=newer), text,
            self.words.message("history_close")))

    def action_close(self) -> None:
        self.dismiss(None)
