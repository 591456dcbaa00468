"""The keys, shown once along the bottom of the screen, over as many lines as they need.

Textual's Footer rebuilds itself on every change of focus, and every question brings a new
input to focus; this bar is drawn once per screen (and again when the terminal is resized),
which keeps answering quick. A key and its words are never split across lines."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from journey.content import Journey as Words

# Browsers keep some keys for themselves and never pass them to a page: ctrl+n opens a new
# window, ctrl+t a new tab, ctrl+w closes the tab. In a browser (`journey serve`) journey
# answers these instead, by binding id, and shows them wherever it shows keys.
WEB_KEYS = {
    "not-sure": "ctrl+s",  # not sure yet (ctrl+n in a terminal)
    "more": "ctrl+f",  # tell me more (ctrl+t)
    "duplicate": "ctrl+y",  # on the start screen: copy for a review (ctrl+t)
}


NARROW = 80  # columns: below this the conversation and the plan do not both fit
NARROW_ONLY = {"toggle-plan": NARROW}  # keys for narrow screens, shown only below these


class KeyBar(Static):
    def __init__(self) -> None:
        super().__init__(id="keys", markup=False)
        self.items: list[tuple[str, str, str | None]] = []
        self._width = 0
        self._hidden: frozenset[str] = frozenset()

    def on_mount(self) -> None:
        palette = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette", "More")
        bindings = [*self.screen.BINDINGS, *self.app.BINDINGS, palette]
        self.items = [(f" {self.app.get_key_display(b)} ", f"{b.description} ", b.id)
                      for b in bindings if isinstance(b, Binding) and b.show]
        self._lay_out(self.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._lay_out(event.size.width)

    def hide(self, bindings: frozenset[str]) -> None:
        """Leave out the keys that do nothing here (no "not sure yet" for a question that
        must be answered). Drawn again only when that changes, which is seldom."""
        if bindings != self._hidden:
            self._hidden = bindings
            if self.items:
                self._lay_out(self._width)

    def _lay_out(self, width: int) -> None:
        self._width = width
        parts: list[str | tuple[str, str]] = []
        used = 0
        for key, words, binding in self.items:
            if binding in self._hidden:
                continue
            if binding in NARROW_ONLY and width >= NARROW_ONLY[binding]:
                continue  # wide enough for what the key would show
            size = len(key) + len(words)
            if used and used + size > width:
                parts.append("\n")
                used = 0
            parts += [(key, "bold $accent"), words]
            used += size
        self.update(Content.assemble(*parts))


class FirstLine(Static):
    """The first line of the screen, the first a screen reader says: how to reach the plain
    lines, which suit it better. A browser tab has none to offer, so says nothing."""

    def on_mount(self) -> None:
        self.display = not self.app.is_web


def first_line(words: Words) -> FirstLine:
    return FirstLine(words.message("plain_hint"), id="plain-hint", markup=False)
