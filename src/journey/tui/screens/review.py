"""The review of a plan in the app: which kind of review it is, then its questions through
the same conversation screen as the journey, without the journey map or skipping a step."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.conversation.review import ReviewSession
from journey.tui.lists import Options
from journey.tui.screens.conversation import ConversationScreen

# The conversation's actions a review has no use for: it is one list of questions.
NOT_IN_A_REVIEW = frozenset({"skip", "map"})


class ReviewKindScreen(ModalScreen[str | None]):
    """Which kind of review this is, the one due highlighted. Returns its value, or None
    when closed."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close",
                                                 id="review-kind-close")]

    def __init__(self, words: Words, name: str, about: bool, due: str) -> None:
        super().__init__()
        self.words, self.person, self.about, self.due = words, name, about, due

    def compose(self) -> ComposeResult:
        review = self.words.review
        assert review is not None
        with Vertical(classes="dialog", id="review-kind-box"):
            yield Static(Content(self.words.message("review_kind_question")),
                         id="review-kind-title", markup=False)
            yield Options(*[Option(Content(k.wording(self.person, self.about)), id=k.value)
                            for k in review.kinds], id="review-kinds")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        review = self.words.review
        assert review is not None
        kinds = [k.value for k in review.kinds]
        options.highlighted = kinds.index(self.due) if self.due in kinds else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)


class ReviewSaveScreen(ModalScreen[str | None]):
    """Save the record of the review (the open one, or the last) as a file: the format and
    the place, as the plan's own save dialog asks. Returns where it went, or None."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close",
                                                 id="close-review-save")]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        from pathlib import Path

        from textual.widgets import Input, Select

        from journey.documents.review import FORMATS

        words = self.session.content
        with Vertical(id="export-box"):
            yield Static(words.message("review_save_title"), id="export-title", markup=False)
            yield Select([(words.message("review_format_" + f), f) for f in FORMATS],
                         value="docx", allow_blank=False, id="review-format")
            yield Static(words.message("export_where_web" if self.app.is_web
                                       else "export_where"), markup=False)
            name = self._file_name("docx")
            yield Input(value=name if self.app.is_web else str(Path.home() / name),
                        id="review-path")
            yield Static(id="export-error", markup=False)

    def on_mount(self) -> None:
        from textual.widgets import Input

        self.query_one("#review-path", Input).focus()

    def _file_name(self, fmt: str) -> str:
        from journey.plan.review import records

        number = len(records(self.session.content, self.session.journey))
        return f"review-{number}-{self.session.journey.id}.{fmt}"

    def on_select_changed(self, event: object) -> None:
        """A new format renames the file, when the name is still the one offered."""
        from pathlib import Path

        from textual.widgets import Input, Select

        from journey.documents.review import FORMATS

        fmt = str(self.query_one("#review-format", Select).value)
        box = self.query_one("#review-path", Input)
        path = Path(box.value)
        if path.name in {self._file_name(f) for f in FORMATS}:
            box.value = str(path.with_name(self._file_name(fmt)))

    def on_input_submitted(self, event: object) -> None:
        from pathlib import Path

        from textual.widgets import Input, Select

        from journey.core.answers import clean
        from journey.documents.review import render
        from journey.plan.review import records
        from journey.store.private import reason, write_whole

        words = self.session.content
        fmt = str(self.query_one("#review-format", Select).value)
        from journey.money.reviewed import how_it_went

        found = records(words, self.session.journey, how_it_went)
        if not found:
            self.dismiss(None)
            return
        data = render(words, found[-1], fmt)
        typed = clean(self.query_one("#review-path", Input).value).strip()
        if self.app.is_web:
            from journey.tui.screens.export import deliver

            name = Path(typed).name or self._file_name(fmt)
            deliver(self.app, data, name)
            self.dismiss(words.message("review_sent", name=name))
            return
        path = Path(typed).expanduser()
        try:
            was_open = write_whole(path, data, text=fmt in ("md", "txt"))
        except OSError as e:
            self.query_one("#export-error", Static).update(
                Content(words.message("export_failed", reason=reason(e))))
            return
        said = words.message("exported_review", path=path)
        if was_open:
            said += "\n" + words.message("made_private", path=path)
        self.dismiss(said)

    def action_close(self) -> None:
        self.dismiss(None)


class ReviewScreen(ConversationScreen):
    """The review's questions, asked as the journey's are. A review is one list of
    questions: there is no map of steps to go to and no step to skip."""

    NOT_IN_A_REVIEW = NOT_IN_A_REVIEW
    # What the key bar lists: the conversation's keys but those (which stay bound, and are
    # refused by check_action).
    BINDINGS: ClassVar[list[Binding]] = [
        *(b for b in ConversationScreen.BINDINGS
          if b.action not in NOT_IN_A_REVIEW and b.action != "export"),
        Binding("ctrl+o", "export", "Save review", id="export", priority=True)]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)

    def on_mount(self) -> None:
        # The conversation's own on_mount runs too (Textual calls each class's handler).
        from textual.widgets import Button

        self.query_one("#map").display = False
        self.query_one("#export", Button).label = self.words.message("review_save_button")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NOT_IN_A_REVIEW:
            return False
        return super().check_action(action, parameters)

    def action_export(self) -> None:
        """Save the review's record (the plan is saved from the journey itself)."""
        assert isinstance(self.session, ReviewSession)

        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)

        self.app.push_screen(ReviewSaveScreen(self.session), done)

    def finished_words(self) -> str:
        from journey.plan.review import records

        if self.session.read_only is not None and self.session.journey.open_review() is None:
            return self.words.message("review_elsewhere")  # none begun: it is open elsewhere
        number = len(records(self.words, self.session.journey))
        return self.words.message("review_finished", id=self.session.journey.id,
                                  number=number)
