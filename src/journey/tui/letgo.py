"""Text boxes that let go of their screen when they are removed. Textual's Input subscribes
to its screen's text-selection signal with a callback that holds the Input itself; the signal
keys it weakly but keeps the callback strongly, so each answer box removed from a screen that
stays open (the conversation) would live, with everything it drew, as long as the screen:
thousands of objects an answer for the garbage collector to walk again and again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.widgets import Input

if TYPE_CHECKING:
    Base = Input
else:
    Base = object


class LetsGo(Base):
    """For an Input placed in a screen that outlives it."""

    def on_unmount(self) -> None:
        try:
            screen = self.screen
        except (NoScreen, NoMatches):
            return
        screen.text_selection_started_signal.unsubscribe(self)
