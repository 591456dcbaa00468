"""The start screen: saved journeys, newest first, searchable by name; start a new one, or
rename, copy for a review or delete the one chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.core.answers import clean, clean_name, show_moment
from journey.store.database import Store, StoreError, Summary
from journey.tui.keys import KeyBar, first_line
from journey.tui.lists import Options
from journey.tui.screens.dialogs import ConfirmScreen, NameScreen

NEW = "new"
# Rows shown at once. More than anyone scrolls through; search finds the rest, and the
# list stays quick to redraw as the person types.
SHOWN = 500


class JourneyChosen(Message):
    def __init__(self, journey_id: str | None) -> None:
        super().__init__()
        self.journey_id = journey_id  # None: start a new journey


class ReviewChosen(Message):
    """Review the plan of the journey chosen: carry on its open review, or begin one."""

    def __init__(self, journey_id: str) -> None:
        super().__init__()
        self.journey_id = journey_id


Cells = tuple[str, str, str, str, str]  # name, mode, step reached, done, last changed
Widths = tuple[int, int, int]  # cells for the name, the mode and the step reached
DONE, GAP = 5, 2


def row(summary: Summary, words: Words, widths: Widths | None) -> Content:
    return columns(*cells_of(summary, words), widths)


def cells_of(summary: Summary, words: Words) -> Cells:
    return (clean_name(summary.name or "…"), words.message("mode_" + summary.mode),
            words.reached(summary.step), words.message("percent", percent=summary.percent),
            show_moment(summary.updated))


def widths_for(rows: list[Cells], width: int) -> Widths | None:
    """Columns as wide as their longest words (and two cells between), when every row fits
    one line of width cells that way; None when they do not, and each row is stacked."""
    name, mode, step = (max(cell_len(r[i]) for r in rows) + GAP for i in range(3))
    changed = max(cell_len(r[4]) for r in rows)
    if name + mode + step + DONE + GAP + changed > width:
        return None
    return name, mode, step


def columns(name: str, mode: str, step: str, done: str, changed: str,
            widths: Widths | None) -> Content:
    """One journey in the list: in columns, or stacked on two lines (the name and how far,
    then the rest) when the columns do not fit the screen, so nothing is ever cut."""
    if widths is None:
        return Content(f"{name}  {done}\n  {mode}, {step}, {changed}")
    # Padded by cells, as the terminal draws them, not by characters: a name with wide
    # letters or emoji keeps the columns in line.
    name_cells, mode_cells, step_cells = widths
    return Content(f"{_cells(name, name_cells)}{_cells(mode, mode_cells)}"
                   f"{_cells(step, step_cells)}{_cells(done, DONE, right=True)}"
                   f"{' ' * GAP}{changed}")


def _cells(text: str, width: int, *, right: bool = False) -> str:
    """Text padded with spaces to fill at least width cells."""
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap


SHORT = 26  # rows: below this the start screen is drawn compact, so the journeys show


class StartScreen(Screen[None]):
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+f", "search", "Search", id="search"),
        Binding("ctrl+r", "rename", "Rename", id="rename"),
        Binding("ctrl+t", "duplicate", "Copy for a review", id="duplicate"),
        Binding("ctrl+e", "review", "Review the plan", id="review"),
        Binding("delete", "delete", "Delete", id="delete"),
    ]

    def __init__(self, store: Store, words: Words, summaries: list[Summary] | None = None
                 ) -> None:
        super().__init__()
        self.store = store
        self.words = words
        self.summaries = summaries if summaries is not None else store.list()
        self._due: dict[str, str] = {}  # when each journey's review is due, once worked out

    def compose(self) -> ComposeResult:
        words = self.words
        yield first_line(words)
        yield Header()
        with Vertical(id="start"):
            yield Static(words.message("start_title"), id="start-title", markup=False)
            yield Static(words.message("start_hint"), id="start-hint", markup=False)
            yield Input(placeholder=words.message("start_search"), id="search")
            yield Static(self._headings(), id="start-columns", markup=False)
            yield Options(*self._options(), id="journeys")
            yield Static(self._more(), id="start-more", markup=False)
            yield Static(id="start-due", markup=False)
            with Horizontal(id="start-actions"):
                yield Button(words.message("start_review"), id="review")
                yield Button(words.message("start_rename"), id="rename")
                yield Button(words.message("start_duplicate"), id="duplicate")
                yield Button(words.message("start_delete"), id="delete", variant="error")
        # journey's own key bar, as on the conversation screen: drawn as the screen is, so
        # its keys are there from the start (Textual's Footer waits for the first key in a
        # browser).
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < SHORT, "-short")
        options = self.query_one(OptionList)
        # A returning person pressing Enter carries on with the newest journey, rather
        # than starting a copy of it.
        options.highlighted = 1 if self.summaries else 0
        options.focus()

    def _width(self) -> int:
        """Cells a row has: the list's own width less its border, padding and scroll bar."""
        if self.is_mounted:
            return self.query_one(OptionList).content_region.width - 2
        return self.app.size.width - 8

    def on_resize(self, event: events.Resize) -> None:
        # On a short screen (big text) the list keeps its rows: the rest is drawn compact.
        self.set_class(event.size.height < SHORT, "-short")
        self.refresh_list(self._highlighted())

    def _highlighted(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _heading_cells(self) -> Cells:
        _, name, mode, step, done, changed = self.words.message("list_columns").split("|")
        return name, mode, step, done, changed

    def _widths(self) -> Widths | None:
        """The columns' widths for the journeys shown and the headings, if they fit."""
        rows = [cells_of(s, self.words) for s in self.summaries[:SHOWN]]
        return widths_for([self._heading_cells(), *rows], self._width())

    def _headings(self) -> Content:
        return columns(*self._heading_cells(), self._widths())

    def _options(self) -> list[Option]:
        widths = self._widths()
        return [Option(Content("+ " + self.words.message("start_new")), id=NEW),
                *[Option(row(s, self.words, widths), id=s.id) for s in self.summaries[:SHOWN]]]

    def _more(self) -> str:
        search = self.query_one("#search", Input).value if self.is_mounted else ""
        if search.strip() and not self.summaries:
            return self.words.message("list_none_found", search=clean(search.strip()))
        if len(self.summaries) > SHOWN:
            return self.words.message("start_more", shown=SHOWN, total=len(self.summaries))
        return ""

    def refresh_list(self, highlight: str | None = None) -> None:
        search = self.query_one("#search", Input).value
        try:
            self.summaries = self.store.list(search)
        except StoreError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        options = self.query_one(OptionList)
        options.set_options(self._options())
        self.query_one("#start-columns", Static).update(self._headings())
        ids = [s.id for s in self.summaries[:SHOWN]]
        options.highlighted = (1 + ids.index(highlight) if highlight in ids
                               else 1 if ids else 0)
        self.query_one("#start-more", Static).update(self._more())

    @on(Input.Changed, "#search")
    def _searching(self, event: Input.Changed) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#search")
    def _searched(self, event: Input.Submitted | None = None) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = 1 if self.summaries else 0

    def on_key(self, event: events.Key) -> None:
        # Down from the search box goes to the journeys found, as Enter does.
        if event.key == "down" and self.focused is self.query_one("#search", Input):
            event.stop()
            event.prevent_default()
            self._searched()

    @on(OptionList.OptionHighlighted, "#journeys")
    def _show_due(self, event: OptionList.OptionHighlighted) -> None:
        """When the review of the journey highlighted is due, from its plan's dates."""
        self.query_one("#start-due", Static).update(self.due(event.option.id))

    def due(self, journey_id: str | None) -> str:
        summary = next((s for s in self.summaries if s.id == journey_id), None)
        if summary is None:
            return ""
        if summary.id not in self._due:
            from journey.core.due import due_words, next_review

            try:
                found = next_review(self.words, self.store.load(summary.id))
            except (KeyError, StoreError):
                found = None
            self._due[summary.id] = "" if found is None else self.words.message(
                "start_review_due", name=self._called(summary),
                due=due_words(self.words, found))
        return self._due[summary.id]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.post_message(JourneyChosen(None if chosen == NEW else chosen))

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        actions = {"rename": self.action_rename, "duplicate": self.action_duplicate,
                   "delete": self.action_delete, "review": self.action_review}
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    # -- actions on the chosen journey ---------------------------------------------------

    def chosen(self) -> Summary | None:
        option = self.query_one(OptionList).highlighted_option
        found = next((s for s in self.summaries if option and s.id == option.id), None)
        if found is None:
            self.notify(self.words.message("start_choose_first"), markup=False)
        return found

    def _called(self, summary: Summary) -> str:
        return clean_name(summary.name or "…")

    def _act(self, action: Callable[[], str], highlight: str | None = None) -> None:
        """Do something to a saved journey; say what happened, or why it could not be."""
        try:
            said = action()
        except (StoreError, KeyError) as e:
            self.notify(str(e), severity="error", markup=False)
        else:
            self.notify(said, markup=False)
        self.refresh_list(highlight)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_rename(self) -> None:
        summary = self.chosen()
        if summary is None:
            return
        words = self.words

        def renamed(name: str | None) -> None:
            if name is None or not clean_name(name).strip():
                return
            self._act(lambda: words.message(
                "renamed", name=self.store.rename(summary.id, name).name), summary.id)

        self.app.push_screen(
            NameScreen(words.message("rename_title", name=self._called(summary)),
                       summary.name or ""), renamed)

    def action_duplicate(self) -> None:
        summary = self.chosen()
        if summary is None:
            return
        try:
            made = self.store.duplicate(summary.id)
        except (StoreError, KeyError) as e:
            self.notify(str(e), severity="error", markup=False)
            return
        self.notify(self.words.message("duplicated", name=self._called(summary), id=made.id),
                    markup=False)
        self.refresh_list(made.id)

    def action_review(self) -> None:
        """Review the plan of the journey chosen: carry on its review, or begin one."""
        summary = self.chosen()
        if summary is not None:
            self.post_message(ReviewChosen(summary.id))

    def action_delete(self) -> None:
        summary = self.chosen()
        if summary is None:
            return
        words = self.words

        def delete() -> str:
            gone = self.store.delete(summary.id)
            assert gone.purge_after is not None
            return words.message("deleted", name=self._called(gone), id=gone.id,
                                 until=show_moment(gone.purge_after))

        def answered(yes: bool | None) -> None:
            if yes:
                self._act(delete)

        question = words.message("confirm_delete", name=self._called(summary), id=summary.id,
                                 when=show_moment(summary.updated))
        self.app.push_screen(
            ConfirmScreen(question, words.message("start_delete"), words.message("keep")),
            answered)
