"""What the words on screen mean, and where the facts on screen come from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from journey.content import Journey as Words
from journey.content import Source, Term


def explain_content(words: Words, terms: list[Term], sources: list[Source]) -> Content:
    parts: list[str | tuple[str, str]] = [(words.message("explain_words"), "bold $accent")]
    if not terms:
        parts.append("\n" + words.message("explain_no_words"))
    for term in terms:
        parts += ["\n", (term.term, "bold"), f": {term.meaning}"]
        if term.sources:
            where = "; ".join(words.source(s).reference for s in term.sources)
            said = words.message("explain_from", where=where)
            parts.append((f" ({said})", "$text-muted"))
    parts += ["\n\n", (words.message("explain_sources"), "bold $accent")]
    if not sources:
        parts.append("\n" + words.message("explain_no_sources"))
    for source in sources:
        standing = words.message("standing_" + source.standing)
        parts += ["\n", (source.title, "bold")]
        if source.reference != source.title:
            parts.append(f": {source.reference}")
        parts.append((f" ({standing})", "$text-muted"))
    return Content.assemble(*parts)


class ExplainScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape,ctrl+r", "close", "Close", id="close-explain"),
    ]

    def __init__(self, words: Words, terms: list[Term], sources: list[Source]) -> None:
        super().__init__()
        self.words = words
        self.terms = terms
        self.sources = sources

    def compose(self) -> ComposeResult:
        # The words scroll between the title and the way out, which stays in sight.
        with Vertical(id="explain-box"):
            yield Static(self.words.message("explain_title"), id="explain-title", markup=False)
            with VerticalScroll(id="explain-list"):
                yield Static(explain_content(self.words, self.terms, self.sources),
                             id="explain-text", markup=False)
            yield Static(self.words.message("explain_close"), id="explain-close",
                         classes="hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
