"""Lists that stop at their ends. Textual's lists wrap round: one Down on the last item
highlights the first, so a person moving down the saved journeys lands on "Start a new
journey", and one moving up through choices lands on the last. Here Up on the first item and
Down on the last stay where they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import _widget_navigation
from textual.widgets import OptionList

if TYPE_CHECKING:
    Base = OptionList
else:
    Base = object


class StopsAtEnds(Base):
    """For an OptionList or a SelectionList."""

    def _step(self, direction: _widget_navigation.Direction) -> None:
        following = _widget_navigation.find_next_enabled_no_wrap(
            self.options, anchor=self.highlighted, direction=direction)
        if following is not None:
            self.highlighted = following

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)


class Options(StopsAtEnds, OptionList):
    """A list to choose one from, stopping at its ends."""
