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

from journey.answers import show_moment
from journey.content import Journey as Words
from journey.store import Summary

NEW = "new"


class JourneyChosen(Message):
    def __init__(self, journey_id: str | None) -> None:
        super().__init__()
        self.journey_id = journey_id  # None: start a new journey


def row(summary: Summary, words: Words) -> Content:
    name = summary.name or "…"
    return columns(name[:30], words.reached(summary.step), show_moment(summary.updated))


def columns(name: str, step: str, changed: str) -> Content:
    return Content(f"{name:<32}{step:<26}{changed}")


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
            _, *headings = words.message("list_columns").split("|")
            yield Static(columns(*headings), id="start-columns", markup=False)
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
