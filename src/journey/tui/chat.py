"""The conversation so far: each question asked and the answer given, like a chat."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

# A long journey would otherwise keep thousands of widgets alive; the plan keeps the rest.
KEEP = 30


class ChatLog(VerticalScroll):
    can_focus = False

    def say(self, text: str | Content) -> None:
        """A message from journey itself."""
        said = Content(text) if isinstance(text, str) else text
        self._add(Static(said, classes="message journey", markup=False))

    def exchange(self, question: str, answer: str | list[str], note: str | None = None) -> None:
        """A question and its answer, as one message: one widget per answer keeps the
        screen's layout work small however long the conversation gets. An answer of several
        things is shown whole, as a list, so it reads as one answer and not several."""
        if isinstance(answer, list):
            answer = answer[0] if len(answer) == 1 else "\n".join(f"• {a}" for a in answer)
        parts: list[str | tuple[str, str]] = [(question, "$text-muted"), "\n", (answer, "bold")]
        if note:
            parts.append((f"  — {note}", "italic $text-muted"))
        self._add(Static(Content.assemble(*parts), classes="message exchange", markup=False))

    def _add(self, message: Static) -> None:
        self.mount(message)
        excess = len(self.children) - KEEP
        if excess > 0:
            for old in list(self.children)[:excess]:
                old.remove()
        self.scroll_end(animate=False)
