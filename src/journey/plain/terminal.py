"""Whether journey is talking to a terminal that can draw a screen. Kept apart and small, so
choosing between the app and plain lines imports neither."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Mapping
from typing import TextIO


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def letters_kept(streams: tuple[TextIO, ...] | None = None) -> None:
    """Output that can carry every letter of every name. Windows writes to a file or pipe in
    an old code page that has no "李" or "ł", and a name like that would stop journey: such
    output is written in UTF-8, like every file journey saves. A terminal that is not UTF-8
    shows a mark for a letter it cannot show, rather than stopping journey."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        try:
            if codecs.lookup(stream.encoding).name == "utf-8":
                continue
        except (AttributeError, LookupError, TypeError):
            continue  # not a text stream journey can change
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if is_terminal(stream):
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")


def wants_plain(environ: Mapping[str, str] | None = None) -> bool:
    """Plain lines, rather than the app: when JOURNEY_PLAIN is set (to anything but 0),
    when input or output is not a terminal, or the terminal says it cannot draw a screen.
    Not when Textual is told to draw through a driver of its own (`journey serve` runs each
    browser tab so, over pipes)."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_DRIVER"):
        return False
    if env.get("JOURNEY_PLAIN", "").strip() not in ("", "0"):
        return True  # asked for, as a screen reader user sets it once for every run
    terminal = is_terminal(sys.stdin) and is_terminal(sys.stdout)
    return not terminal or env.get("TERM", "") == "dumb"


def plain_remembered(remembered: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Plain lines because the person chose them for every time (a setting): unless
    JOURNEY_PLAIN=0 asks for the app this time, or a browser tab runs it (`journey serve`)."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_DRIVER") or env.get("JOURNEY_PLAIN", "").strip() == "0":
        return False
    return remembered
