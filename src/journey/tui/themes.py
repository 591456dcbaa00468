"""A high-contrast theme beside Textual's defaults (choose it from the command palette), and
no colour at all when NO_COLOR is set."""

import os
from collections.abc import Mapping

from textual.filter import LineFilter, Monochrome, NoColor
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="journey-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff00",
    warning="#ffaa00",
    error="#ff5555",
    dark=True,
)

# For NO_COLOR: colours are taken out of everything sent (without_colour), so what is chosen
# and where typing goes are shown by bold, underline and reverse video instead (a highlighted
# choice is underlined: Textual draws reverse there by swapping colours, which are gone).
NO_COLOUR = Theme(
    name="journey-no-colour",
    primary="#ffffff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    variables={
        "block-cursor-text-style": "bold underline",
        "block-cursor-blurred-text-style": "bold",
        "input-cursor-text-style": "reverse",
        "button-focus-text-style": "reverse bold",
        "footer-key-foreground": "#ffffff",
    },
)


def no_color_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """NO_COLOR set to any value but empty (no-color.org): no colour at all."""
    return bool((os.environ if environ is None else environ).get("NO_COLOR"))


def without_colour(filters: list[LineFilter], no_color: bool) -> list[LineFilter]:
    """The app's output filters, with every colour taken out when `no_color`. Textual's own
    NO_COLOR filter turns colours into greys, which are still colour codes; this sends the
    terminal's own colours instead, leaving bold, underline and reverse to show what stands
    out (nocolor.tcss)."""
    kept = [f for f in filters if not isinstance(f, Monochrome | NoColor)]
    return [*kept, NoColor()] if no_color else kept
