"""Every key for the screen underneath, in words (F1): the key bar may not have room for
them all on a small terminal."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from journey import content

Part = str | tuple[str, str]
# Keys every screen understands, and the message that says what each does.
GENERAL = [("enter", "keys_enter"), ("tab", "keys_tab"), ("shift+tab", "keys_shift_tab"),
           ("up / down", "keys_arrows"), ("space", "keys_space"), ("escape", "keys_escape")]


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(key, what it does) for every key the screen answers now, each action once."""
    app = screen.app
    found: dict[str, tuple[str, str]] = {}
    # The screen's and the app's own keys; the editing keys of a text box go unsaid.
    bindings = [active.binding for active in screen.active_bindings.values()
                if active.node in (screen, app)]
    bindings.append(Binding(app.COMMAND_PALETTE_BINDING, "command_palette",
                            content.default().message("keys_palette"), id="command-palette"))
    for binding in bindings:
        # Textual's own keys have no id and speak Textual's words ("Focus Next", "palette"):
        # tab and shift+tab are said in journey's words below; ctrl+p by the line above.
        if binding.system or not binding.description or binding.id is None:
            continue
        found.setdefault(binding.action, (app.get_key_display(binding), binding.description))
    return list(found.values())


class KeysScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-keys"),
        Binding("f1", "close", "Close", id="close-keys-f1", show=False),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        words = content.default()
        parts: list[Part] = []
        general = [(key, words.message(message)) for key, message in GENERAL]
        for key, what in [*screen_keys(self.under), *general]:
            parts += [(f"{key:>10}  ", "bold $accent"), what, "\n"]
        with Vertical(id="keys-box", classes="dialog"):
            yield Static(words.message("keys_title"), classes="dialog-title", markup=False)
            with VerticalScroll(id="keys-list"):
                yield Static(Content.assemble(*parts).rstrip(), markup=False)
                speed = getattr(getattr(self.app, "settings", None), "speed", None)
                if speed is not None and not self.app.is_web:
                    # Reading aloud's speed is chosen in the command list: said after the keys.
                    yield Static(words.message("keys_speed", speed=speed), id="keys-speed",
                                 markup=False)
            yield Static(words.message("keys_close"), classes="hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
