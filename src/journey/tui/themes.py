"""The colours journey offers, each passing WCAG AA contrast for everything it draws
(tests/test_themes.py), and no colour at all when NO_COLOR is set or the terminal shows fewer
than 8 colours. Textual's own themes are not offered: most draw titles, keys or errors too
faint to read."""

import os
import struct
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.filter import LineFilter, Monochrome, NoColor
from textual.theme import Theme

from journey.content import Journey as Words


def own_variables(theme: Theme) -> dict[str, str]:
    """journey's own colours, beside Textual's, as `theme` has them unless it says."""
    return {
        "tick-box-on-cursor": "#ffffff",  # a tick box on the choice under the cursor
        "rule": theme.primary,  # the lines between the parts of the screen
    }


# Textual's dark theme, with a deeper blue (white words on it) and a lighter red for errors.
DARK = Theme(
    name="dark",
    primary="#0061a8",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ff7a8a",
    success="#4ebf71",
    foreground="#e0e0e0",
    background="#121212",
    surface="#1e1e1e",
    dark=True,
    # The border that shows where the focus is, and the lines between the parts of the
    # screen: a lighter blue, to stand out from the dark;
    # a choice under the cursor of a list not focused: a navy that stays navy in 256 colours;
    # scroll bars, in every theme, 3:1 or more against their track, as a control should be.
    variables={"border": "#3d8fdb", "rule": "#3d8fdb",
               "block-cursor-blurred-background": "#102070",
               "scrollbar": "#4f7396", "scrollbar-hover": "#6189b0"},
)

# Dark words on near-white; titles and keys in teal, warnings in brown, errors in red.
LIGHT = Theme(
    name="light",
    primary="#0055a0",
    secondary="#004578",
    accent="#00606b",
    warning="#6b3a00",
    error="#b00020",
    success="#1d6b35",
    foreground="#1a1a1a",
    background="#f7f7f7",
    surface="#ffffff",
    dark=False,
    variables={"scrollbar": "#4a6f94", "scrollbar-hover": "#3a5f84"},
)

# In high contrast, words are drawn solid, hints too, never faded into what is behind them.
STRONG_TEXT = {"text": "auto 100%", "text-muted": "auto 100%"}

HIGH_CONTRAST_DARK = Theme(
    name="high-contrast-dark",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff00",
    warning="#ff9900",
    error="#ff8080",
    dark=True,
    luminosity_spread=0.08,  # buttons under the mouse darken only a little
    variables=STRONG_TEXT | {"input-selection-background": "#0000c0",
                             "block-cursor-blurred-background": "#0000c0",
                             "tick-box-on-cursor": "#000000",
                             "scrollbar": "#999900", "scrollbar-hover": "#cccc00"},
)

HIGH_CONTRAST_LIGHT = Theme(
    name="high-contrast-light",
    primary="#00007a",
    secondary="#00007a",
    accent="#00007a",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#ebebeb",
    success="#004000",
    warning="#5c2e00",
    error="#a00000",
    dark=False,
    variables=STRONG_TEXT | {"scrollbar": "#4040a0", "scrollbar-hover": "#00007a"},
)

OFFERED = (DARK, LIGHT, HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)
DEFAULT = DARK
# Names once offered under another name, as a settings file may still hold them.
RENAMED = {"journey-high-contrast": HIGH_CONTRAST_DARK.name}


def offered(name: str) -> Theme | None:
    """The theme offered under `name`, written as `journey --theme` takes it
    ("high-contrast-dark") or as the app shows it ("High contrast dark"); None if none is."""
    key = "-".join(name.lower().split())
    key = RENAMED.get(key, key)
    return next((theme for theme in OFFERED if theme.name == key), None)


def plain_name(theme: Theme, words: Words) -> str:
    """The theme's name as the app shows it: "High contrast dark"."""
    return words.message("theme_" + theme.name.replace("-", "_"))


class OfferedThemes(Provider):
    """The colours picker in the command palette: the themes offered, by their plain names,
    in the order they are offered, the one in use said so (Textual's own picker lists every
    theme registered, by its code name)."""

    def _choices(self) -> Iterator[tuple[str, str | None, partial[None]]]:
        words: Words = self.app.words  # type: ignore[attr-defined]  # a JourneyApp
        for theme in OFFERED:
            now = words.message("theme_in_use") if theme.name == self.app.theme else None
            yield (plain_name(theme, words), now,
                   partial(setattr, self.app, "theme", theme.name))

    async def discover(self) -> Hits:
        for name, now, choose in self._choices():
            yield DiscoveryHit(name, choose, help=now)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, now, choose in self._choices():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), choose, help=now)


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
    """NO_COLOR set to any value but empty (no-color.org), or a terminal that shows fewer
    than 8 colours: no colour at all."""
    env = os.environ if environ is None else environ
    return bool(env.get("NO_COLOR")) or few_colours(env)


def few_colours(env: Mapping[str, str]) -> bool:
    """Whether the terminal named by TERM shows fewer than 8 colours (xterm-mono, vt220):
    there a choice shown by its colour alone cannot be seen at all."""
    term = env.get("TERM", "")
    # A colour system chosen outright (textual-serve chooses one for the browser), a terminal
    # that says it has colours, or no TERM at all (Windows): the colours stay.
    if env.get("TEXTUAL_COLOR_SYSTEM") or env.get("COLORTERM") or not term:
        return False
    if any(word in term for word in ("256color", "truecolor", "direct")):
        return False
    colours = _terminfo_colours(term, env)
    if colours is None:  # not described on this system: only its name can tell
        return term.endswith(("-mono", "-m"))
    return colours < 8  # below 0: the description names no colours


# Where terminfo descriptions are kept (terminfo(5)), after $TERMINFO and ~/.terminfo.
TERMINFO_DIRS = ("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo",
                 "/usr/share/lib/terminfo")
COLOURS = 13  # the place of "colors" among a description's numbers (term.h)


def _terminfo_colours(term: str, env: Mapping[str, str]) -> int | None:
    """How many colours the terminfo description of `term` gives (-1: it names none), or None
    when there is no description to read (as on Windows). Read from the file itself, rather
    than with curses, which reads one description per process and then keeps it."""
    if "/" in term or term.startswith("."):
        return None
    dirs = [env.get("TERMINFO", ""), os.path.expanduser("~/.terminfo"),
            *env.get("TERMINFO_DIRS", "").split(":"), *TERMINFO_DIRS]
    for folder in filter(None, dirs):
        # Linux files a description under its first letter; a Mac under that letter in hex.
        for sub in (term[0], f"{ord(term[0]):x}"):
            try:
                data = (Path(folder) / sub / term).read_bytes()
            except (OSError, ValueError):
                continue
            return _colours_in(data)
    return None


def _colours_in(data: bytes) -> int | None:
    """The "colors" number in a compiled terminfo description (term(5)): legacy 16-bit or
    extended 32-bit numbers."""
    if len(data) < 12:
        return None
    magic, names, bools, numbers, _, _ = struct.unpack("<6h", data[:12])
    width = {0o432: 2, 0o1036: 4}.get(magic)
    if width is None or min(names, bools, numbers) < 0:
        return None
    if numbers <= COLOURS:
        return -1  # the description stops before "colors": it names none
    at = 12 + names + bools
    at += at % 2  # numbers start on an even byte
    at += COLOURS * width
    if len(data) < at + width:
        return None
    return int.from_bytes(data[at:at + width], "little", signed=True)


def without_colour(filters: list[LineFilter], no_color: bool) -> list[LineFilter]:
    """The app's output filters, with every colour taken out when `no_color`. Textual's own
    NO_COLOR filter turns colours into greys, which are still colour codes; this sends the
    terminal's own colours instead, leaving bold, underline and reverse to show what stands
    out (nocolor.tcss)."""
    kept = [f for f in filters if not isinstance(f, Monochrome | NoColor)]
    return [*kept, NoColor()] if no_color else kept
