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


class ReviewScreen(ConversationScreen):
    """The review's questions, asked as the journey's are. A review is one list of
    questions: there is no map of steps to go to and no step to skip."""

    NOT_IN_A_REVIEW = NOT_IN_A_REVIEW
    # What the key bar lists: the conversation's keys but those (which stay bound, and are
    # refused by check_action).
    BINDINGS: ClassVar[list[Binding]] = [
        b for b in ConversationScreen.BINDINGS if b.action not in NOT_IN_A_REVIEW]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)

    def on_mount(self) -> None:
        # The conversation's own on_mount runs too (Textual calls each class's handler).
        self.query_one("#map").display = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NOT_IN_A_REVIEW:
            return False
        return super().check_action(action, parameters)

    def finished_words(self) -> str:
        from journey.plan.review import records

        number = len(records(self.words, self.session.journey))
        return self.words.message("review_finished", id=self.session.journey.id,
                                  number=number)
