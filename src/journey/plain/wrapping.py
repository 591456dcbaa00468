"""Plain lines fitted to a terminal's width: broken between words, never inside one, and a
numbered choice or a dashed item carried on under its own words, not under its number. Only
for a terminal: a braille display or a screen reader reading a pipe gets each line whole.
No Textual."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import TextIO

NARROWEST = 20  # columns: a terminal said to be narrower than this is taken to be this wide
# What a line may start with, to be carried on under the words after it: "1. ", "- ", or
# an indent of spaces.
LEAD = re.compile(r"^(?:\s*(?:\d+[.)]|[-*•])\s+|\s+)")


def width(stream: TextIO) -> int | None:
    """How many columns the terminal behind `stream` has now (it may have been resized),
    or None when it is not a terminal."""
    try:
        if not stream.isatty():
            return None
        return max(NARROWEST, os.get_terminal_size(stream.fileno()).columns)
    except (AttributeError, ValueError, OSError):
        return None


def cells(text: str) -> int:
    """Columns `text` takes: wide letters (Chinese, Japanese, Korean) two, marks that sit on
    a letter none."""
    if text.isascii():
        return len(text)
    total = 0
    for letter in text:
        if unicodedata.combining(letter) or unicodedata.category(letter) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(letter) in ("W", "F") else 1
    return total


def fitted(text: str, columns: int) -> list[str]:
    """`text` (which may hold line breaks) as lines at most `columns` wide, where its words
    allow: a word longer than a line is left whole on a line of its own."""
    lines: list[str] = []
    for line in text.split("\n"):
        lines += _fit_line(line.rstrip(), columns)
    return lines


def _fit_line(line: str, columns: int) -> list[str]:
    if cells(line) <= columns:
        return [line]
    found = LEAD.match(line)
    lead = found.group(0) if found else ""
    # Carried-on lines start under the words after a number or a dash; not when that would
    # leave them too little room.
    indent = " " * cells(lead) if cells(lead) <= columns // 3 else ""
    lines: list[str] = []
    current, words_in = lead, 0
    for word in line[len(lead):].split():
        if words_in and cells(current) + 1 + cells(word) > columns:
            lines.append(current)
            current, words_in = indent + word, 1
            continue
        current += (" " if words_in else "") + word
        words_in += 1
    lines.append(current)
    return lines
