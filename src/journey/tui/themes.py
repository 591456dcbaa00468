"""A high-contrast theme beside Textual's defaults (choose it from the command palette)."""

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
