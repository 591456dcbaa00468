"""'Tell me more': the step's deeper explanation, shown on request. In sessions with a helper
it also shows the step's notes for whoever is helping."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from journey.content import Step, Term
from journey.content.glossary import fill_marked, terms_in
from journey.conversation.session import Session
from journey.tui.words import styled


class MorePanel(Static):
    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.display = False
        self.terms: list[Term] = []

    def show_step(self, session: Session, step: Step | None) -> None:
        """Fill in the step's words (shown or not); returns nothing, keeps the terms."""
        if step is None or not step.more:
            self.update("")
            self.terms = []
            return
        words = session.content
        pieces = fill_marked(step.more.strip(), words, session.placeholders)
        parts = [(words.message("more_title"), "bold"), ("\n", ""), *styled(pieces)]
        self.update(Content.assemble(*parts))
        self.terms = terms_in(pieces)

    def toggle(self) -> bool:
        self.display = not self.display and bool(self.content)
        return self.display
