"""The keys, shown once along the bottom of the screen.

Textual's Footer rebuilds itself on every change of focus, and every question brings a new
input to focus; this bar is drawn once per screen instead, which keeps answering quick."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static


class KeyBar(Static):
    def __init__(self) -> None:
        super().__init__(id="keys", markup=False)

    def on_mount(self) -> None:
        palette = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette", "More")
        parts: list[str | tuple[str, str]] = []
        for binding in [*self.screen.BINDINGS, *self.app.BINDINGS, palette]:
            if isinstance(binding, Binding) and binding.show:
                key = self.app.get_key_display(binding)
                parts += [(f" {key} ", "bold $accent"), f"{binding.description} "]
        self.update(Content.assemble(*parts))
