"""journey in a browser tab (`journey serve`): keys the browser keeps are swapped for keys
that reach the page, and files go to the person's browser."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest
from textual.widgets import Button, Input, Static
from textual.widgets._footer import FooterKey

from journey.content import Journey as Content
from journey.core.model import Answered
from journey.documents.files import file_name
from journey.store.database import Store
from journey.tui import app as app_module
from journey.tui.app import JourneyApp
from journey.tui.keys import KeyBar
from journey.tui.more import MorePanel
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.export import ExportScreen
from journey.tui.screens.keys import KeysScreen
from journey.tui.screens.start import StartScreen
from journey.tui.screens.summary import SummaryScreen

from .helpers import start
from .test_tui import question, through_welcome
from .test_tui_saved import highlight

SIZES = [(120, 40), (80, 24)]


class InBrowser(JourneyApp):
    """journey as `journey serve` runs it in a browser tab."""

    CSS_PATH = Path(app_module.__file__).with_name("journey.tcss")

    @property
    def is_web(self) -> bool:
        return True


def key_bar(app: JourneyApp) -> str:
    bars = app.screen.query(KeyBar)
    if bars:
        return str(bars.first().content)
    return "  ".join(f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey))


@pytest.mark.parametrize("size", SIZES)
async def test_in_a_browser_the_keys_it_keeps_are_swapped(store: Store, size) -> None:
    app = InBrowser(store)
    async with app.run_test(size=size) as pilot:
        await through_welcome(pilot)  # past the welcome, whose questions offer no not sure
        bar = key_bar(app)
        assert "ctrl+s Not sure yet" in bar and "ctrl+f Tell me more" in bar
        assert "ctrl+n" not in bar and "ctrl+t" not in bar and "ctrl+w" not in bar
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        asked = question(app)
        assert asked and not screen.session.question.required
        # The browser's keys: here they do nothing (a browser would never send them).
        await pilot.press("ctrl+n", "ctrl+t")
        await pilot.pause()
        assert question(app) == asked
        assert not screen.query_one(MorePanel).display
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert screen.query_one(MorePanel).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert question(app) != asked
        unsure = [e for e in screen.session.journey.events
                  if isinstance(e, Answered) and e.question == asked]
        assert unsure and unsure[-1].unsure
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        listed = str(app.screen.query_one("#keys-list Static").content)
        assert "ctrl+s  Not sure yet" in listed and "ctrl+n" not in listed


async def test_in_a_browser_the_start_screen_copies_with_a_key_that_reaches_it(
        words: Content, store: Store) -> None:
    sam = start(words, store, name="Sam").journey.id
    store.release(sam)
    app = InBrowser(store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.pause()
        assert "ctrl+y Copy for a review" in key_bar(app) and "ctrl+t" not in key_bar(app)
        highlight(app, "Sam")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert len(store.list()) == 1
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(store.list()) == 2


async def test_in_a_terminal_the_keys_stay_as_they_were(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await through_welcome(pilot)
        bar = key_bar(app)
        assert "ctrl+n Not sure yet" in bar and "ctrl+t Tell me more" in bar and "ctrl+s" not in bar


def catch_deliveries(app: JourneyApp, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """What the app hands to the browser, instead of Textual's delivery (which, outside a
    browser, would write into the Downloads folder)."""
    sent: list[dict] = []

    def deliver_binary(file: BinaryIO, *, save_filename: str | None = None,
                       mime_type: str | None = None, open_method: str = "download",
                       **_: object) -> str:
        sent.append({"data": file.read(), "name": save_filename, "mime": mime_type,
                     "open": open_method})
        file.close()
        return "key"

    monkeypatch.setattr(app, "deliver_binary", deliver_binary)
    return sent


@pytest.mark.parametrize("size", SIZES)
async def test_in_a_browser_save_plan_sends_the_file_to_the_browser(
        store: Store, monkeypatch, tmp_path: Path, size) -> None:
    monkeypatch.chdir(tmp_path)
    app = InBrowser(store)
    sent = catch_deliveries(app, monkeypatch)
    async with app.run_test(size=size) as pilot:
        await through_welcome(pilot)
        journey_id = app.screen.session.journey.id
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#export-path", Input)
        assert box.value == file_name(journey_id, "md")  # a name only: no folder here
        assert app.screen.query_one("#export-send", Button).region.height
        box.value = "../Sam's plan"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert sent == [{"data": sent[0]["data"], "name": "Sam's plan.md",
                         "mime": "text/markdown; charset=utf-8", "open": "download"}]
        assert "Sam" in sent[0]["data"].decode()
        assert not list(tmp_path.rglob("*.md"))


async def test_in_a_browser_the_plan_opens_in_a_new_tab_to_print(
        store: Store, monkeypatch, words: Content) -> None:
    app = InBrowser(store)
    sent = catch_deliveries(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await through_welcome(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.click("#export-print")
        await pilot.pause()
        assert len(sent) == 1 and sent[0]["open"] == "browser"
        assert sent[0]["mime"] == "text/html; charset=utf-8"
        page = sent[0]["data"].decode()
        assert page.startswith("<!DOCTYPE html>") and "Sam" in page
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert words.message("print_plan") in commands


async def test_in_a_terminal_there_is_no_print_command(store: Store, words: Content) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)):
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert words.message("print_plan") not in commands


async def test_in_a_browser_the_sitting_summary_goes_to_the_browser(
        store: Store, monkeypatch, words: Content) -> None:
    app = InBrowser(store)
    sent = catch_deliveries(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await through_welcome(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        app.push_screen(SummaryScreen(screen.session, quitting=True))
        await pilot.pause()
        said = [str(s.content) for s in app.screen.query(Static)]
        assert words.message("summary_where_web") in said
        box = app.screen.query_one("#summary-path", Input)
        assert "/" not in box.value and box.value.endswith("-sitting-1-summary.md")
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(sent) == 1 and sent[0]["name"] == box.value
        assert sent[0]["open"] == "download"
        # Quitting now would stop the file half way: the person quits when they choose.
        assert isinstance(app.screen, SummaryScreen)
