"""The journey map: every step with its status; choosing one goes there."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journey.conversation.session import Session
from journey.core.flow import WELCOME
from journey.tui.lists import Options


class MapScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-map")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        words = self.session.content
        statuses = self.session.statuses()
        fresh = self.session.needs_fresh()
        rows = []
        for number, (step_id, status) in enumerate(statuses.items()):
            title = words.step(step_id).title
            label = title if step_id == WELCOME else f"{number:>2}. {title}"
            shown = words.message("status_" + status.value)
            if step_id in fresh:
                shown += " · " + words.message("needs_fresh")
            # Padded by cells, as the terminal draws them, so the statuses line up.
            rows.append(Option(f"{label}{' ' * max(0, 32 - cell_len(label))} {shown}",
                               id=step_id))
        with Vertical(id="map-box"):
            yield Static(words.message("map"), id="map-title", markup=False)
            options = Options(*rows, id="steps")
            options.highlighted = list(statuses).index(self.session.flow.state) if (
                self.session.flow.state in statuses) else 0
            yield options

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
