"""The journey app: opens the start screen or a journey, and little else."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from journey import content
from journey.session import Session
from journey.store import Store, StoreError
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import JourneyChosen, StartScreen
from journey.tui.themes import HIGH_CONTRAST


class JourneyApp(App[None]):
    CSS_PATH = "journey.tcss"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, store: Store, journey_id: str | None = None, new: bool = False) -> None:
        super().__init__()
        self.store = store
        self.words = content.default()
        self.journey_id = journey_id
        self.new = new
        self.title = self.words.message("app_title")
        self.sub_title = self.words.message("app_subtitle")

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        if self.journey_id:
            self.open_journey(self.journey_id)
            return
        summaries = [] if self.new else self.store.list()
        if summaries:
            self.push_screen(StartScreen(summaries, self.words))
        else:
            self.open_journey(None)

    def open_journey(self, journey_id: str | None) -> None:
        try:
            journey = self.store.load(journey_id) if journey_id else self.store.create()
        except KeyError:
            self.exit(message=self.words.message("error_no_journey", id=journey_id))
            return
        except StoreError as e:
            self.notify(self.words.message("error_open", reason=e), severity="error",
                        markup=False)
            return
        screen = ConversationScreen(Session(self.words, self.store, journey))
        if isinstance(self.screen, StartScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(JourneyChosen)
    def _chosen(self, event: JourneyChosen) -> None:
        self.open_journey(event.journey_id)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ConversationScreen):
            for binding in screen.BINDINGS:
                yield SystemCommand(
                    binding.description, binding.tooltip or binding.description,
                    getattr(screen, f"action_{binding.action}"),
                )
