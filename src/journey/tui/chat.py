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
        self._add(said, "message journey")

    def exchange(self, question: str, answer: str | list[str], note: str | None = None) -> None:
        """A question and its answer, as one message: one widget per answer keeps the
        screen's layout work small however long the conversation gets. An answer of several
        things is shown whole, as a list, so it reads as one answer and not several."""
        if isinstance(answer, list):
            answer = answer[0] if len(answer) == 1 else "\n".join(f"• {a}" for a in answer)
        parts: list[str | tuple[str, str]] = [(question, "$text-muted"), "\n", (answer, "bold")]
        if note:
            parts.append((f"  — {note}", "italic $text-muted"))
        self._add(Content.assemble(*parts), "message exchange")

    def _add(self, said: Content, classes: str) -> None:
        # Once the log is full the oldest message is written over and moved to the end,
        # rather than removed: Textual keeps some removed widgets alive (held through the
        # context of a message or timer), each with all it drew, so a long sitting grew.
        if len(self.children) < KEEP:
            self.mount(Static(said, classes=classes, markup=False))
        else:
            oldest = self.children[0]
            assert isinstance(oldest, Static)
            oldest.set_classes(classes)
            oldest.update(said)
            self.move_child(oldest, after=self.children[-1])
        self.scroll_end(animate=False)
