"""The conversation so far: each question asked and the answer given, like a chat."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

# A long journey would otherwise keep thousands of widgets alive; the plan keeps the rest.
KEEP = 30


class ChatLog(VerticalScroll):
    can_focus = False

    def say(self, text: str, speaker: str, note: str | None = None) -> None:
        """Add one message. `speaker` is "journey" or "person" (a style class)."""
        body = Content(text) if note is None else Content.assemble(text, (f"\n— {note}", "italic"))
        self.mount(Static(body, classes=f"message {speaker}", markup=False))
        excess = len(self.children) - KEEP
        if excess > 0:
            for old in list(self.children)[:excess]:
                old.remove()
        self.scroll_end(animate=False)
