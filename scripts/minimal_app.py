"""The smallest Textual app that looks like journey's first screen, as a start-up baseline.

A Header, one line of Static text, an Input and a Footer, and nothing else. scripts/bench
runs it beside journey and waits for MARKER to be painted. What is typed into the Input is
shown in the Static line when Enter is pressed: the floor for journey's answer to an answer.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

MARKER = "minimal baseline ready"


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Input()
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(Static).update(event.value)
        event.input.clear()


if __name__ == "__main__":
    MinimalApp().run()
