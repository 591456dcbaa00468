"""The last gate before the terminal: every line the app draws has its terminal codes taken
out. Text is cleaned as it is typed and as files are read, but a journeys file written by an
older version, or edited by hand, may still hold codes that set the window title or write
to the clipboard. Lines pass through here however the text reached the screen."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from journey.answers import clean

# Anything a terminal could act on: C0 and C1 control characters, ESC among them.
_CODES = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Cleaned(LineFilter):
    """Takes terminal codes out of each drawn line, keeping its width: the cells a code's
    text was given in the layout are left blank, so borders stay where they were."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CODES.search(text) for text, _, control in segments if not control):
            return segments
        return [_cleaned(segment) for segment in segments]


def _cleaned(segment: Segment) -> Segment:
    text, style, control = segment
    if control or not _CODES.search(text):
        return segment
    kept = _CODES.sub("", clean(text))
    return Segment(kept + " " * (cell_len(text) - cell_len(kept)), style)
