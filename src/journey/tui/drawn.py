"""The last gate before the terminal: every line the app draws passes through here.

Terminal codes are taken out. Text is cleaned as it is typed and as journeys are read, but a
journeys file written by an older version, or edited by hand, may still hold codes that set
the window title or write to the clipboard; lines pass here however the text reached them.

Letters are drawn as wide as the layout measured them. The layout measures text as Rich
does, joining emoji sequences (a family, a flag with a rainbow, a heart with its emoji
selector) into one two-cell letter; many terminals (tmux, xterm, VTE) count each part, and
the rest of the line, the plan's border with it, moves along. Such a sequence is drawn as
its first emoji, padded to the width the layout gave it, so every terminal agrees. Only the
drawing changes: what was typed is kept as typed.
"""

from __future__ import annotations

import re
from unicodedata import category, east_asian_width

from rich.cells import cell_len, split_graphemes
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from journey.core.answers import BIDI, clean

# Anything a terminal could act on: C0 and C1 control characters, ESC among them, and the
# bidirectional controls, which make some terminals redraw the line around them in another
# order. None takes a cell, so taking them out keeps the line's width.
_CODES = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}]")
# What every emoji sequence measured differently holds: a joiner, an emoji selector, a
# keycap, a skin tone or a tag. Lines without one (nearly all) are left alone at once.
_SEQUENCES = re.compile("[\u200d\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")


class Cleaned(LineFilter):
    """Takes terminal codes out of each drawn line and steadies emoji sequences, keeping the
    line's width: the cells a code's text was given in the layout are left blank, so
    borders stay where they were."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(control or (text.isascii() and not _CODES.search(text))
               for text, _, control in segments):
            return segments
        return [_drawn(segment) for segment in segments]


def _drawn(segment: Segment) -> Segment:
    text, style, control = segment
    if control:
        return segment
    kept = text
    if _CODES.search(text):
        kept = _CODES.sub("", clean(text))
        kept += " " * (cell_len(text) - cell_len(kept))
    if not kept.isascii() and _SEQUENCES.search(kept):
        kept = _steady(kept)
    return segment if kept == text else Segment(kept, style)


def _steady(text: str) -> str:
    """Each emoji sequence that a terminal counting character by character would measure
    differently from the layout, as its first emoji padded to the layout's width."""
    spans, _ = split_graphemes(text)
    parts: list[str] = []
    for start, end, cells in spans:
        letters = text[start:end]
        if end - start > 1 and _emoji(letters) and sum(map(_counted, letters)) != cells:
            first = letters[0] if 0 < _counted(letters[0]) <= cells else ""
            letters = first + " " * (cells - cell_len(first))
        parts.append(letters)
    return "".join(parts)


def _emoji(letters: str) -> bool:
    """An emoji sequence. Other joined letters (Devanagari with a joiner, say) are left as
    they are: a line a cell out is better than a word drawn wrong."""
    return any(c == "\ufe0f" or category(c) in ("So", "Sk") for c in letters)


def _counted(letter: str) -> int:
    """Cells a terminal without emoji sequences gives one character (as wcwidth does)."""
    if category(letter) in ("Mn", "Me", "Cf") or letter in "\u200b\u200d\ufe0e\ufe0f":
        return 0
    return 2 if east_asian_width(letter) in "WF" else 1
