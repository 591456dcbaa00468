"""Tick boxes (checkboxes, and lists to tick) that show which are ticked without colour.
Textual draws an X in every box and tells ticked from unticked by colour alone, which a
person with no colour (NO_COLOR, a monochrome screen) or who does not see colour well cannot
tell apart; here an unticked box is drawn empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton  # the box SelectionList draws

if TYPE_CHECKING:
    Base = SelectionList[Any]
else:
    Base = object


class EmptyWhenUnticked(Base):
    """For a SelectionList: the box of an option not ticked is drawn empty."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        for index, segment in enumerate(segments):
            meta = segment.style.meta if segment.style else {}
            if segment.text == ToggleButton.BUTTON_INNER and "option" in meta:
                option = self.get_option_at_index(meta["option"])
                if option.value not in self.selected:
                    segments[index] = Segment(" " * len(segment.text), segment.style)
                break
        return Strip(segments, strip.cell_length)


class Tick(Checkbox):
    """A checkbox whose box is empty when it is not ticked."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        return ToggleButton.BUTTON_INNER if self.value else " "


class TickList(EmptyWhenUnticked, SelectionList[str]):
    """A list to tick, its unticked boxes empty."""
