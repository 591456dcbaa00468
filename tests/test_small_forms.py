"""Every form and dialog at 60x18, 66x18 and 80x24: each button's words are drawn whole
and can be reached and pressed, each line of words wraps rather than being cut."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.explain import ExplainScreen
from journey.tui.screens.export import ExportScreen
from journey.tui.screens.history import HistoryScreen
from journey.tui.screens.keys import KeysScreen
from journey.tui.screens.notes import NotesScreen

from .helpers import start
from .test_circle import at_question
from .test_tui import opened

SIZES = [(60, 18), (66, 18), (80, 24)]
IDS = ["60x18", "66x18", "80x24"]
RUTH = {"name": "Ruth", "relation": "sister", "ring": "closest", "helps": "Shopping"}


async def buttons_whole(pilot, screen: Screen) -> list[str]:
    """Bring each shown button into sight, as Tab does, and check its words fit it and it
    lies on the screen. The buttons' words, in order."""
    said = []
    for button in screen.query(Button):
        if not all(w.display and w.visible for w in button.ancestors_with_self
                   if isinstance(w, Widget)):
            continue  # hidden on purpose, as the buttons its keys stand for on a short screen
        button.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        label = button.label.plain
        assert button.content_region.width >= cell_len(label), (label, button.content_region)
        assert pilot.app.screen.region.contains_region(button.region), (label, button.region)
        said.append(label)
    return said


def drawn(app: JourneyApp) -> list[str]:
    update = app.screen._compositor.render_update(full=True)
    return ["".join(strip.text for strip in line) for line in update.strips]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_the_circle_forms_save_changes_is_whole_and_saves(words, store: Store,
                                                                 size) -> None:
    app = at_question(words, store, {"circle.people": [RUTH]}, "circle.people")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("shift+tab", "enter")  # Ruth, to change
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "people-name"
        await pilot.press("end", *" Jones")
        labels = await buttons_whole(pilot, app.screen)
        assert "Save changes" in labels
        app.screen.query_one("#people-add", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.session.journey.value("circle.people")[0]["name"] == "Ruth Jones"
        assert "Add person" in await buttons_whole(pilot, app.screen)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize(("question", "opening", "expected"), [
    ("planning.costs", ["enter"], ["Save", "Cancel"]),
    ("happen.first-steps", ["enter"], ["Save", "Cancel"]),
    ("happen.details", ["enter"], ["Save", "Cancel"]),
], ids=["support", "actions", "details"])
async def test_each_form_shows_its_buttons_whole(words, store: Store, size, question,
                                                 opening, expected) -> None:
    app = at_question(words, store, {}, question)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press(*opening)
        await pilot.pause()
        form = app.screen
        assert not isinstance(form, ConversationScreen), question
        labels = await buttons_whole(pilot, form)
        assert all(label in labels for label in expected), labels
        assert not any("…" in line for line in drawn(app))
        # Cancel, by the keys alone, comes back to the question.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize(("key", "kind"), [
    ("f4", NotesScreen), ("ctrl+o", ExportScreen), ("ctrl+z", HistoryScreen),
    ("f1", KeysScreen), ("ctrl+r", ExplainScreen),
], ids=["notes", "save", "history", "keys", "words"])
async def test_each_dialog_is_whole_and_closes_with_escape(words, store: Store, size, key,
                                                           kind) -> None:
    # Planned with a helper, who has the notes; something in the history to show.
    session = start(words, store, mode="with")
    session.go_to_question("circle.people")
    session.answer([RUTH])
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, kind)
        await buttons_whole(pilot, app.screen)
        assert not any("…" in line for line in drawn(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
