"""What the app draws is clean and lines up: text stored with terminal codes (an older or
hand-edited journeys file) never reaches the terminal as codes, and wide or right-to-left
letters do not push the plan's border out of line."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from journey.store import Store
from journey.tui.app import JourneyApp
from journey.tui.drawn import Cleaned
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import StartScreen

from .helpers import start
from .test_tui import opened

# Sets the terminal's title, writes to its clipboard, turns the text red, rings the bell.
CODES = "\x1b]0;PWNED\x07\x1b]52;c;aGVsbG8=\x07\x1b[31m\x07\x9b2J"


def poisoned(value: Any) -> Any:
    """Every piece of text in a stored value, with terminal codes in the middle of it."""
    if isinstance(value, str) and value and value not in ("person", "facilitator", "with"):
        return value[:2] + CODES + value[2:]
    if isinstance(value, list):
        return [poisoned(v) for v in value]
    if isinstance(value, dict):
        return {k: poisoned(v) if k in ("value", "by", "text", "helper", "helper_role",
                                        "present", "name", "relation") else v
                for k, v in value.items()}
    return value


def poison(store: Store, journey_id: str) -> None:
    """Write terminal codes straight into the stored events and the list's name, as an
    older version or a hand edit might have left them."""
    rows = store.db.execute("SELECT seq, body FROM events WHERE journey = ?",
                            (journey_id,)).fetchall()
    for seq, body in rows:
        event = json.loads(body)
        if event["kind"] == "answer" and event["question"] == "welcome.mode":
            continue
        store.db.execute("UPDATE events SET body = ? WHERE journey = ? AND seq = ?",
                         (json.dumps(poisoned(event)), journey_id, seq))
    store.db.execute("UPDATE journeys SET name = ? WHERE id = ?",
                     (poisoned("Sam Jones"), journey_id))


def assert_clean(app: JourneyApp, where: str) -> None:
    drawn = app.export_screenshot()
    for code in ("\x1b", "\x07", "\x9b"):
        assert code not in drawn, (where, code)
    assert "PWNED" not in drawn and "aGVsbG8" not in drawn, where


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_stored_terminal_codes_are_never_drawn(words, store: Store,
                                                     size: tuple[int, int]) -> None:
    session = start(words, store, name="Sam Jones", mode="with")
    session.go_to_question("rights.hopes")
    session.answer("To live on my own")
    session.note("Ask about the garden", in_plan=True)
    journey_id = session.journey.id
    store.release(journey_id)
    poison(store, journey_id)
    stored = store.db.execute("SELECT group_concat(body) FROM events").fetchone()[0]
    assert stored.count("\\u001b]0;PWNED") >= 6  # stored raw, as an old file might be
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert_clean(app, "start")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert_clean(app, "who is here")
        await opened(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert_clean(app, "conversation")
        for key, where in (("ctrl+z", "history"), ("f4", "notes"), ("f6", "summary"),
                           ("ctrl+g", "map"), ("ctrl+y", "check")):
            await show(pilot, key)
            assert_clean(app, where)
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


async def test_no_widget_can_draw_terminal_codes(store: Store) -> None:
    """The last gate: text that reaches a widget by any road is drawn without its codes,
    and the line keeps its width."""
    app = JourneyApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.mount(Static(Content(f"before{CODES}after"), id="raw"))
        await pilot.pause()
        assert_clean(app, "a widget given raw codes")
        assert "beforeafter" in app.export_screenshot()


def test_a_cleaned_line_keeps_its_width() -> None:
    line = [Segment("│ "), Segment(f"Sam{CODES}X", Style(bold=True)), Segment(" │")]
    cleaned = Cleaned().apply(line, Color(0, 0, 0))
    assert cleaned[1].text.rstrip(" ") == "SamX"
    assert sum(s.cell_length for s in cleaned) == sum(s.cell_length for s in line)
    assert cleaned[1].style == Style(bold=True)
    clean_line = [Segment("│ Sam │")]
    assert Cleaned().apply(clean_line, Color(0, 0, 0)) is clean_line


async def show(pilot: Pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
