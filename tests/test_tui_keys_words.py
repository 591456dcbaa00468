"""The keys, in journey's words: F1 lists each key once, none in Textual's own words, and
says the command palette's key as the key bar does."""

from __future__ import annotations

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.keys import KeyBar

from .test_tui import SIZE


async def test_the_start_screen_shows_its_keys_before_any_key_is_pressed(
        words, store: Store) -> None:
    # In a browser Textual's Footer stayed empty until the first key press; journey's own
    # key bar is drawn with the screen, in the terminal and in the browser alike.
    from journey.tui.screens.start import StartScreen

    from .helpers import start
    from .test_tui_web import InBrowser

    sam = start(words, store, name="Sam").journey.id
    store.release(sam)
    for app in (InBrowser(store, summaries=store.list()),
                JourneyApp(store, summaries=store.list())):
        async with app.run_test(size=SIZE):
            assert isinstance(app.screen, StartScreen)
            bar = str(app.screen.query_one(KeyBar).content)
            for wanted in ("Search", "Rename", "Copy for a review", "Delete", "Quit",
                           "All keys"):
                assert wanted in bar, bar
