"""The keys, in journey's words: F1 lists each key once, none in Textual's own words, and
says the command palette's key as the key bar does."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.keys import KeyBar
from journey.tui.screens.keys import KeysScreen

from .test_tui import SIZE, opened, through_welcome

TEXTUALS_OWN = ("Focus Next", "Focus Previous", "Copy selected text", "palette")


def listed_keys(app: JourneyApp) -> list[tuple[str, str]]:
    listed = str(app.screen.query_one("#keys-list Static", Static).content)
    return [(line[:10].strip(), line[12:]) for line in listed.splitlines()]


@pytest.mark.parametrize("saved", [False, True])
async def test_f1_lists_each_key_once_in_journeys_words(words, store: Store,
                                                        saved: bool) -> None:
    if saved:  # the start screen, with its list of journeys
        from .helpers import start

        start(words, store, name="Sam")
    app = JourneyApp(store, summaries=store.list() if saved else None, new=not saved)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot) if not saved else await pilot.pause()
        bar = str(app.screen.query_one(KeyBar).content)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        keys = listed_keys(app)
        for _, what in keys:
            assert not any(what.startswith(own) for own in TEXTUALS_OWN), what
        names = [key for key, _ in keys]
        assert len(names) == len(set(names)), names
        assert {"tab", "shift+tab", "enter", "escape"} <= set(names)
        # The palette's key is called what the key bar calls it.
        palette = next(what for key, what in keys if key in bar and "ind any command" in what)
        assert palette.startswith(words.message("keys_palette").split(":")[0])
        assert f"{key_of(keys, palette)} {words.message('keys_palette').split(':')[0]}" in bar


def key_of(keys: list[tuple[str, str]], what: str) -> str:
    return next(key for key, said in keys if said == what)


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


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_words_dialog_always_shows_how_to_close_it(words, store: Store,
                                                             size) -> None:
    from textual.geometry import Region

    from journey.tui.screens.explain import ExplainScreen

    from .test_tui_screens import at_step, reopen

    session = at_step(words, store, "personal-budget")
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ExplainScreen)
        said = words.message("explain_close")
        hint = next(w for w in app.screen.query(Static) if str(w.content) == said)
        shown = app.screen.find_widget(hint).region
        assert shown.height >= 1 and Region(0, 0, *size).contains_region(shown)
        box = app.screen.find_widget(app.screen.query_one("#explain-box")).region
        assert box.contains_region(shown)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExplainScreen)


# A key named in words, in any of the ways it could be written.
KEY_NAMED = re.compile(
    r"\b(?:ctrl|shift|alt)\+\w+|\bf\d{1,2}\b|\bpress (?:enter|escape|space|tab|delete)\b|"
    r"\((?:enter|escape|space|tab)? ?ticks\)|\bspace ticks\b", re.IGNORECASE)


def key_texts(words) -> list[str]:
    from journey.money import kinds

    texts = [*words.messages.values(), *kinds.load(words).messages.values()]
    review = [words.review] if words.review is not None else []
    for step in [*words.all_steps, *review]:
        texts += [step.intro, step.intro_about or "", step.more or "", *step.facilitator]
        for q in step.questions:
            texts += [q.ask, q.ask_about or "", q.why, *q.examples]
    return texts


def test_every_key_named_in_words_is_written_as_the_key_bar_writes_it(words) -> None:
    named = [m[0] for text in key_texts(words) for m in KEY_NAMED.finditer(text)]
    assert len(named) > 20
    # One notation: lower case, as in the key bar and F1 ("ctrl+y", "f7", "press enter").
    assert [n for n in named if n != n.lower() and not n.startswith("Press ")] == []
    assert [n for n in named if n.startswith("Press ") and n[6:] != n[6:].lower()] == []
    assert not [t for t in key_texts(words) if re.search(r"\((?:ctrl|f\d)", t, re.I)]


async def test_the_key_bar_and_f1_write_keys_as_the_words_do(store: Store) -> None:
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await through_welcome(pilot)  # the welcome's questions must be answered: no not sure
        bar = str(app.screen.query_one(KeyBar).content)
        assert "ctrl+n Not sure yet" in bar and "f1 All keys" in bar and "ctrl+p More" in bar
        assert "^" not in bar
        await pilot.press("f1")
        await pilot.pause()
        keys = [key for key, _ in listed_keys(app)]
        assert "ctrl+y" in keys and not [k for k in keys if "^" in k]
