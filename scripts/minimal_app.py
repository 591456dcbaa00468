"""The smallest Textual app that looks like journey's first screen, as a start-up baseline.

A Header, one line of Static text, an Input and a Footer, and nothing else. scripts/bench
runs it beside journey and waits for MARKER to be painted.
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


if __name__ == "__main__":
    MinimalApp().run()
