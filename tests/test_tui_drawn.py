"""What the app draws is clean and lines up: text stored with terminal codes (an older or
hand-edited journeys file) never reaches the terminal as codes, and wide or right-to-left
letters do not push the plan's border out of line."""

from __future__ import annotations

import json
from typing import Any
from unicodedata import category, east_asian_width

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.drawn import Cleaned
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.start import StartScreen

from .helpers import start
from .test_tui import choose, opened, plan_text, question, shown, type_in

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
    plain = [Segment("| Sam |")]
    assert Cleaned().apply(plain, Color(0, 0, 0)) is plain  # most lines: nothing to do
    assert Cleaned().apply([Segment("│ Zoë 李 │")], Color(0, 0, 0)) == [Segment("│ Zoë 李 │")]


async def show(pilot: Pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def terminal_width(text: str) -> int:
    """Cells a terminal that counts character by character (tmux, xterm, VTE: wcwidth) gives
    a text: accents, joiners and selectors none, wide letters two, the rest one."""
    return sum(0 if category(c) in ("Mn", "Me", "Cf") or c in "\u200b\ufe0f"
               else 2 if east_asian_width(c) in "WF" else 1 for c in text)


def screen_lines(app: JourneyApp) -> list[str]:
    """The lines as they go to the terminal (what a screenshot is made from)."""
    update = app.screen._compositor.render_update(full=True)
    return ["".join(strip.text for strip in line) for line in update.strips]


def border_columns(app: JourneyApp) -> set[int]:
    """Where the line between the conversation and the plan falls, line by line, in the
    cells of a terminal that counts character by character."""
    return {terminal_width(line[:line.index("│")]) for line in screen_lines(app)
            if "│" in line}


EMOJI = "A home 🏠, my family 👨‍👩‍👧 near ❤️, the flag 🏳️‍🌈 and 👍🏽 for my 1️⃣ son ✌️"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_emoji_and_right_to_left_text_keep_the_border_in_line(
        store: Store, size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await type_in(pilot, "Zoë 👩‍🦰 \u202eSam\u202c \u2067שרה\u2069")
        await choose(pilot, 0)
        assert question(app) == "rights.hopes"
        await type_in(pilot, f"{EMOJI} أريد أن أعيش في بيتي \u202ereversed")
        await pilot.pause()
        assert len(border_columns(app)) == 1, screen_lines(app)
        for line in screen_lines(app):
            assert not set(line) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


async def test_names_lose_unseen_characters_as_typed(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Sa\u202emX\u2066Y\u200b Jo\ufeff\u200dnes", "enter")
        await pilot.pause()
        assert app.screen.session.name == "SamXY Jones"
        assert "Support plan for SamXY Jones" in plan_text(app)
        await choose(pilot, 0)
        journey_id = app.screen.session.journey.id
    assert store.load(journey_id).name == "SamXY Jones"
    assert store.summary(journey_id).name == "SamXY Jones"


async def test_a_name_of_unseen_characters_is_no_name(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"\u200b\u202e\u2060", "enter")
        await pilot.pause()
        assert "Please give an answer" in shown(app, "#error")
        assert question(app) == "welcome.name"


async def test_stored_names_are_read_without_unseen_characters(words, store: Store) -> None:
    session = start(words, store, name="Sam")
    journey_id = session.journey.id
    store.release(journey_id)
    body = store.db.execute("SELECT body FROM events WHERE journey = ? AND seq = 1",
                            (journey_id,)).fetchone()[0]
    assert '"Sam"' in body
    store.db.execute("UPDATE events SET body = ? WHERE journey = ? AND seq = 1",
                     (body.replace('"Sam"', '"S\\u202eam\\u200d"'), journey_id))
    assert store.load(journey_id).name == "Sam"


async def test_start_screen_columns_line_up_by_cells(words, store: Store) -> None:
    names = ["Ann", "李小龍李小龍李小龍李小龍李小龍李小龍李小龍", "Zoe\u0301 Zoe\u0301",
             "Mo 👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽", "شكرا جزيلا"]
    for name in names:
        store.release(start(words, store, name=name).journey.id)
    app = JourneyApp(store)
    async with app.run_test(size=(120, 40)):
        rows = [line for line in screen_lines(app) if "On their own" in line]
        assert len(rows) == len(names)
        assert len({terminal_width(r[:r.index("On their own")]) for r in rows}) == 1, rows
