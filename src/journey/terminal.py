"""Whether journey is talking to a terminal that can draw a screen. Kept apart and small, so
choosing between the app and plain lines imports neither."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def wants_plain(environ: Mapping[str, str] | None = None) -> bool:
    """Plain lines, rather than the app: when input or output is not a terminal, or the
    terminal says it cannot draw a screen. Not when Textual is told to draw through a driver
    of its own (`journey serve` runs each browser tab so, over pipes)."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_DRIVER"):
        return False
    terminal = is_terminal(sys.stdin) and is_terminal(sys.stdout)
    return not terminal or env.get("TERM", "") == "dumb"
