"""Tick boxes (checkboxes, and lists to tick) that show which are ticked without colour.
Textual draws an X in every box and tells ticked from unticked by colour alone, which a
person with no colour (NO_COLOR, a monochrome screen) or who does not see colour well cannot
tell apart; here an unticked box is drawn empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton  # the box SelectionList draws
from textual.widgets.option_list import OptionDoesNotExist

from journey.tui.lists import StopsAtEnds

if TYPE_CHECKING:
    Base = SelectionList[Any]
else:
    Base = object


class EmptyWhenUnticked(Base):
    """For a SelectionList: the box of an option not ticked is drawn empty, and a long option
    wraps onto more lines with its box on the first (Textual's list draws a box on every
    line, as if each option had one, and so boxes the wrong options once one wraps)."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        _, scroll_y = self.scroll_offset
        try:
            index, offset = self._lines[scroll_y + y]
            option = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        segments = list(line)
        underlying = (segments[0].style if segments else None) or self.rich_style
        if offset:  # a wrapped option's next line, under its words
            return Strip([Segment(" " * 4, underlying), *segments])
        ticked = option.value in self.selected
        component = "selection-list--button" + ("-selected" if ticked else "") + (
            "-highlighted" if self.highlighted == index else "")
        button = self.get_component_rich_style(component)
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + Style(
            meta={"option": index})
        button += Style(meta={"option": index})
        inner = ToggleButton.BUTTON_INNER if ticked else " " * len(ToggleButton.BUTTON_INNER)
        return Strip([Segment(ToggleButton.BUTTON_LEFT, side), Segment(inner, button),
                      Segment(ToggleButton.BUTTON_RIGHT, side), Segment(" ", underlying),
                      *segments])


class Tick(Checkbox):
    """A checkbox whose box is empty when it is not ticked."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        return ToggleButton.BUTTON_INNER if self.value else " "


class TickList(StopsAtEnds, EmptyWhenUnticked, SelectionList[str]):
    """A list to tick, its unticked boxes empty."""
