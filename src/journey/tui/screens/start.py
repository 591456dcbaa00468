"""The start screen: saved journeys, newest first, and a way to start a new one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from journey.content import Journey as Words
from journey.flow import FINISHED
from journey.store import Summary

NEW = "new"


class JourneyChosen(Message):
    def __init__(self, journey_id: str | None) -> None:
        super().__init__()
        self.journey_id = journey_id  # None: start a new journey


def row(summary: Summary, words: Words) -> Content:
    name = summary.name or "…"
    step = (words.message("step_finished") if summary.step == FINISHED
            else words.step(summary.step or words.welcome.id).title)
    changed = summary.updated.astimezone()
    return Content(f"{name[:30]:<32}{step:<26}{changed.day} {changed:%b %Y %H:%M}")


class StartScreen(Screen[None]):
    def __init__(self, summaries: list[Summary], words: Words) -> None:
        super().__init__()
        self.summaries = summaries
        self.words = words

    def compose(self) -> ComposeResult:
        words = self.words
        yield Header()
        with Vertical(id="start"):
            yield Static(words.message("start_title"), id="start-title", markup=False)
            yield Static(words.message("start_hint"), markup=False)
            yield Static(words.message("start_columns"), id="start-columns", markup=False)
            yield OptionList(
                Option(Content("+ " + words.message("start_new")), id=NEW),
                *[Option(row(s, words), id=s.id) for s in self.summaries],
                id="journeys",
            )
        yield Footer()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.post_message(JourneyChosen(None if chosen == NEW else chosen))
