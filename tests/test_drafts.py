"""Nothing typed is lost: what is in a question's box and not yet given is kept as a draft,
beside the journey and never as an answer, and put back in the box next time."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from journey.cli.main import main
from journey.conversation.session import Session
from journey.core.model import Answered
from journey.store.database import DB_NAME, Store
from journey.tui.app import JourneyApp
from journey.tui.items import ItemForm
from journey.tui.screens.conversation import DRAFT_WAIT

from .helpers import start, to_text_question
from .test_tui import opened, question
from .test_typing import burst, chat, settle

SIZES = [(60, 18), (80, 24), (120, 40)]


def _text_question(words, store: Store) -> tuple[Session, str]:
    session = start(words, store)
    asked = to_text_question(session)
    store.release(session.journey.id)
    return session, asked


# -- the store ----------------------------------------------------------------------------


def test_a_draft_is_kept_beside_the_journey_and_an_answer_replaces_it(words, store) -> None:
    session, asked = _text_question(words, store)
    journey_id = session.journey.id
    assert session.keep_draft({"text": "Half a tho"})
    again = Store(store.home)
    assert again.draft(journey_id, asked) == {"text": "Half a tho"}
    # Not an answer: not among the events, not in a journey's answers.
    events = len(again.load(journey_id).events)
    assert events == len(session.journey.events)
    assert asked not in again.load(journey_id).answers
    # Typed again: the newer one is kept in its place; emptied: forgotten.
    assert session.keep_draft({"text": "Half a thought"})
    assert again.draft(journey_id, asked) == {"text": "Half a thought"}
    assert not session.keep_draft({"text": "   "})
    assert again.draft(journey_id, asked) == {}
    session.keep_draft({"text": "Seeing friends"})
    session.answer("Seeing friends")
    assert again.draft(journey_id, asked) == {}
    again.close()


def test_a_journey_not_yet_saved_keeps_no_draft(words, store) -> None:
    session = Session(words, store, store.create())
    assert not session.keep_draft({"text": "Sa"})
    assert session.draft(session.question.id) == {}


def test_a_stored_draft_is_never_trusted(words, store) -> None:
    session, asked = _text_question(words, store)
    db = sqlite3.connect(store.home / DB_NAME)
    for body in ['{"fields": {"text": "\\u001b[31mred\\u001b[0m"}}', "not json", "[1, 2]",
                 '{"fields": {"text": 3}}', '{"fields": "x"}', '{"other": 1}', "7"]:
        db.execute("DELETE FROM drafts")
        db.execute("INSERT INTO drafts VALUES (?, ?, '2026-01-01', ?)",
                   (session.journey.id, asked, body))
        db.commit()
        draft = Store(store.home).draft(session.journey.id, asked)
        assert draft in ({}, {"text": "red"}), (body, draft)
    db.close()


def test_a_file_from_before_drafts_gets_them_and_a_purge_takes_them(words, store) -> None:
    session, asked = _text_question(words, store)
    journey_id = session.journey.id
    store.close()
    db = sqlite3.connect(store.home / DB_NAME)
    db.execute("DROP TABLE drafts")
    db.commit()
    db.close()
    older = Store(store.home)
    assert older.keep_draft(journey_id, asked, {"text": "kept"})
    older.purge(journey_id)
    db = sqlite3.connect(store.home / DB_NAME)
    assert db.execute("SELECT count(*) FROM drafts").fetchone() == (0,)
    db.close()
    older.close()


# -- in the app ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_quitting_with_text_in_the_box_keeps_it_and_puts_it_back(
        words, store, size: tuple[int, int]) -> None:
    session, asked = _text_question(words, store)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == asked
        await pilot.press(*"Going to the pub with Dad", "ctrl+q")  # one burst, then quit
    assert app.draft_kept
    saved = Store(store.home).load(session.journey.id)
    assert asked not in saved.answers  # kept, but never as an answer
    assert not [e for e in saved.events if isinstance(e, Answered) and e.question == asked]

    again = JourneyApp(Store(store.home), journey=saved)
    async with again.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(again) == asked
        box = again.focused
        assert isinstance(box, Input) and box.value == "Going to the pub with Dad"
        await pilot.pause()
        assert "back in the box" in chat(again)
        await pilot.press(*" on Sundays", "enter")  # typing carries on at its end
        await pilot.pause()
        assert again.screen.session.journey.value(asked) == (
            "Going to the pub with Dad on Sundays")
    assert Store(store.home).draft(session.journey.id, asked) == {}


async def test_what_is_typed_is_kept_as_it_is_typed_without_quitting(words, store) -> None:
    """A crash, or a browser tab closed, gives no chance to save at the end."""
    session, asked = _text_question(words, store)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press(*"Half way through")
        assert Store(store.home).draft(session.journey.id, asked) == {}  # not yet: typing
        await pilot.pause(DRAFT_WAIT + 0.3)
        assert Store(store.home).draft(session.journey.id, asked) == {
            "text": "Half way through"}
        await pilot.press("enter")
        await pilot.pause(DRAFT_WAIT + 0.3)
        assert Store(store.home).draft(session.journey.id, asked) == {}
        await pilot.press("ctrl+q")
    assert not app.draft_kept


async def test_a_draft_left_behind_comes_back_when_the_person_returns(words, store) -> None:
    session, asked = _text_question(words, store)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press(*"Not finished", "ctrl+b")
        await pilot.pause()
        assert question(app) != asked
        await pilot.press("enter")  # the same answer as before: on to it again
        await pilot.pause()
        assert question(app) == asked
        assert app.focused.value == "Not finished"


def test_quitting_with_text_in_the_box_says_it_is_kept(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, words, store) -> None:
    session, _asked = _text_question(words, store)
    store.close()

    async def auto_pilot(pilot: Pilot) -> None:
        await opened(pilot)
        await pilot.press(*"Going out more", "ctrl+q")

    def run(self: JourneyApp) -> None:
        App.run(self, headless=True, size=(80, 24), auto_pilot=auto_pilot)

    monkeypatch.setattr(JourneyApp, "run", run)
    monkeypatch.setattr("journey.plain.terminal.wants_plain", lambda: False)
    monkeypatch.setattr(sys, "argv", ["journey"])
    assert main(["open", session.journey.id]) == 0
    out = capsys.readouterr().out
    assert "Your answers are saved" in out and "What you were typing is kept" in out


# -- undo at the end ----------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_undo_at_the_end_goes_to_the_question_that_needs_an_answer(
        words, store, size: tuple[int, int]) -> None:
    session, asked = _text_question(words, store)
    session.answer("Seeing friends")
    session.return_to("finished", None)
    assert session.finished
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        answers = app.screen.query_one("#history-answers")
        labels = [str(answers.get_option_at_index(i).prompt)
                  for i in range(answers.option_count)]
        answers.highlighted = next(i for i, label in enumerate(labels)
                                   if words.question(asked).label in label)
        await pilot.pause()
        await pilot.press("ctrl+z")  # undone: the question has no answer now
        await pilot.pause()
        assert question(app) == asked
        assert "reached the end" not in str(app.screen.query_one("#question").content)
        await pilot.press(*"Going out", "enter")
        await pilot.pause()
        assert app.screen.session.journey.value(asked) == "Going out"


@pytest.mark.parametrize("size", SIZES)
async def test_quit_typed_in_the_same_burst_as_the_text_keeps_it(store, size) -> None:
    """Ctrl+Q goes ahead of keys still on their way to the next box: it waits for them."""
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        burst(pilot, *"Sam", "enter", "enter", *"More time with friends", "ctrl+q")
        await settle(pilot)
    assert app.draft_kept
    journey_id = store.list()[0].id
    assert Store(store.home).draft(journey_id, "rights.hopes") == {
        "text": "More time with friends"}


@pytest.mark.parametrize("size", SIZES)
async def test_a_form_half_filled_is_kept_and_opened_again(words, store, size) -> None:
    session = start(words, store)
    session.go_to_question("happen.first-steps")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "happen.first-steps"
        await pilot.press("enter")  # Add: the form opens, with its first box focused
        await pilot.pause()
        await pilot.press(*"Ring the agency", "ctrl+q")
    assert app.draft_kept
    saved = Store(store.home).load(session.journey.id)
    assert saved.value("happen.first-steps") is None  # a draft, never an answer

    again = JourneyApp(Store(store.home), journey=saved)
    async with again.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.pause()
        form = again.screen
        assert isinstance(form, ItemForm)
        assert form.query_one("#item-what", Input).value == "Ring the agency"
        assert form.focused is form.query_one("#item-what", Input)
        await pilot.press("escape")  # let go of it: the draft goes too
        await pilot.pause(DRAFT_WAIT + 0.3)
    assert Store(store.home).draft(session.journey.id, "happen.first-steps") == {}
