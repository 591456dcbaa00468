"""The journey app: opens the start screen or a journey, and little else."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen

from journey import content
from journey.model import Journey
from journey.session import Session
from journey.store import Store, StoreError, Summary
from journey.tui.drawn import Cleaned
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import JourneyChosen, StartScreen
from journey.tui.themes import HIGH_CONTRAST


class JourneyApp(App[None]):
    CSS_PATH = "journey.tcss"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, store: Store, journey: Journey | None = None, new: bool = False,
                 summaries: list[Summary] | None = None) -> None:
        super().__init__()
        self.store = store
        self.summaries = summaries
        self.words = content.default()
        self.journey = journey
        self.new = new
        self.title = self.words.message("app_title")
        self.sub_title = self.words.message("app_subtitle")
        self._cleaned = Cleaned()

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Every widget draws through these: stored text can never send terminal codes.
        return [*super().get_line_filters(), self._cleaned]

    def get_default_screen(self) -> Screen:
        # The first screen is built here rather than pushed in on_mount, so the first
        # question is painted in one pass.
        if self.journey is None and not self.new:
            summaries = self.summaries if self.summaries is not None else self.store.list()
            if summaries:
                return StartScreen(self.store, self.words, summaries)
        return self._conversation(self.journey or self.store.create())

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        # What exists once the first screen is up lives as long as the app: keep it out of
        # the garbage collector's full passes, which otherwise stall an answer now and then.
        self.call_after_refresh(gc.freeze)

    def _conversation(self, journey: Journey) -> ConversationScreen:
        session = Session(self.words, self.store, journey)
        if not session.claim():
            # Another journey process is changing it: look, but never save over it.
            self.call_later(self.notify, session.read_only or "", severity="warning",
                            timeout=10, markup=False)
        return ConversationScreen(session)

    @on(JourneyChosen)
    def _chosen(self, event: JourneyChosen) -> None:
        try:
            journey = self.store.load(event.journey_id) if event.journey_id else (
                self.store.create())
        except (KeyError, StoreError) as e:
            self.notify(self.words.message("error_open", reason=e), severity="error",
                        markup=False)
            return
        self.push_screen(self._conversation(journey))

    async def action_quit(self) -> None:
        """At the end of a sitting with someone helping, offer its summary first."""
        screen = self.screen
        if isinstance(screen, ConversationScreen) and screen.sitting_has_news():
            screen.action_summary(quitting=True)
            return
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ConversationScreen):
            for binding in screen.BINDINGS:
                if screen.check_action(binding.action, ()) is False:
                    continue
                yield SystemCommand(
                    binding.description, binding.tooltip or binding.description,
                    getattr(screen, f"action_{binding.action}"),
                )
            sheet = self.words.message("prep_export")
            yield SystemCommand(sheet, sheet, screen.action_export_prep)
