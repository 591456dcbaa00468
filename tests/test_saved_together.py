"""What one action saves is saved together: an answer and the move it makes, a skip and its
move, an undo and its move, agreements, are one transaction, all or none. When the disk
fills between them, the message tells the truth and a second Enter saves the answer once."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from journey.content import Journey as Content
from journey.conversation.session import Session
from journey.core.model import Answered, Confirmed, Event, Moved, NoteShared, Skipped, Undone
from journey.plain import conversation as plain
from journey.store.database import Store, StoreError

from .helpers import start, to_text_question
from .test_items import at
from .test_tui import opened, question, shown

FULL = "database or disk is full"  # as SQLite says it


def no_room_for(store: Store, kind: str) -> None:
    """From now on every event of this kind fails to be written, as on a full disk, while
    others still fit (each event is a row of its own)."""
    store.db.execute(
        "CREATE TEMP TRIGGER no_room BEFORE INSERT ON main.events "
        f"WHEN NEW.kind = '{kind}' BEGIN SELECT RAISE(ABORT, '{FULL}'); END")


def room_for(store: Store, count: int) -> None:
    """Only `count` more events fit; the next one fails, as on a full disk."""
    store.db.execute("CREATE TEMP TABLE room (left INTEGER)")
    store.db.execute("INSERT INTO temp.room VALUES (?)", (count,))
    store.db.execute(
        "CREATE TEMP TRIGGER no_room BEFORE INSERT ON main.events "
        f"WHEN (SELECT left FROM temp.room) <= 0 BEGIN SELECT RAISE(ABORT, '{FULL}'); END")
    store.db.execute(
        "CREATE TEMP TRIGGER room_taken AFTER INSERT ON main.events "
        "BEGIN UPDATE room SET left = left - 1; END")


def room_again(store: Store) -> None:
    store.db.execute("DROP TRIGGER IF EXISTS temp.no_room")
    store.db.execute("DROP TRIGGER IF EXISTS temp.room_taken")
    store.db.execute("DROP TABLE IF EXISTS temp.room")


def kept(store: Store, session: Session) -> list[Event]:
    """The journey's events as saved, read back from the file."""
    return Store(store.home).load(session.journey.id).events


def answers_to(events: list[Event], question_id: str) -> list[Answered]:
    return [e for e in events if isinstance(e, Answered) and e.question == question_id]


# -- the session: each action's events together -------------------------------------------


def test_an_answer_whose_move_cannot_be_saved_is_not_saved_either(words: Content,
                                                                  store: Store) -> None:
    session = start(words, store)
    asked = to_text_question(session)
    before = kept(store, session)
    no_room_for(store, "move")
    for _ in range(2):  # Enter, and Enter again
        with pytest.raises(StoreError, match="disk is full"):
            session.answer("To swim again")
        assert session.question is not None and session.question.id == asked
        assert kept(store, session) == before == session.journey.events
        assert asked not in session.journey.answers
    room_again(store)
    session.answer("To swim again")
    saved = kept(store, session)
    assert len(answers_to(saved, asked)) == 1
    assert saved == session.journey.events
    assert saved[-1] == Moved(step=session.flow.state, question=session.flow.question_id,
                              at=saved[-1].at)
    assert session.question is None or session.question.id != asked


@pytest.mark.parametrize("room", [0, 1, 2])
def test_someone_new_the_answer_and_the_move_are_all_or_none(words: Content, store: Store,
                                                             room: int) -> None:
    from .test_circle import CIRCLE, walk

    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "circle.people": CIRCLE})
    session.go_to_question("circle.knows-best")
    before = kept(store, session)
    room_for(store, room)
    with pytest.raises(StoreError, match="disk is full"):
        session.answer({"name": "Tom", "relation": "brother"}, joins="friends")
    assert kept(store, session) == before == session.journey.events
    assert session.flow.question_id == "circle.knows-best"
    room_again(store)
    session.answer({"name": "Tom", "relation": "brother"}, joins="friends")
    saved = kept(store, session)
    assert [type(e) for e in saved[len(before):]] == [Answered, Answered, Moved]
    assert saved[-3].question == "circle.people"


def test_a_skip_and_its_move_are_saved_together(words: Content, store: Store) -> None:
    session = start(words, store)
    step = session.flow.state
    before = kept(store, session)
    no_room_for(store, "move")
    with pytest.raises(StoreError, match="disk is full"):
        session.skip_step()
    assert session.flow.state == step
    assert kept(store, session) == before == session.journey.events
    room_again(store)
    assert session.skip_step()
    assert [type(e) for e in kept(store, session)[len(before):]] == [Skipped, Moved]
    assert session.flow.state != step


def test_an_undo_and_its_move_are_saved_together(words: Content, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    assert session.flow.question_id == "personal-budget.amount"
    before = kept(store, session)
    no_room_for(store, "move")
    with pytest.raises(StoreError, match="disk is full"):
        session.undo("personal-budget.known")
    assert session.journey.value("personal-budget.known") == "yes"
    assert session.flow.question_id == "personal-budget.amount"
    assert kept(store, session) == before == session.journey.events
    room_again(store)
    assert session.undo("personal-budget.known")
    assert [type(e) for e in kept(store, session)[len(before):]] == [Undone, Moved]
    assert session.flow.question_id == "personal-budget.known"


def test_a_move_that_cannot_be_saved_leaves_the_person_where_they_were(
        words: Content, store: Store) -> None:
    session = start(words, store)
    place = (session.flow.state, session.flow.question_id)
    no_room_for(store, "move")
    for move in (session.back, session.next, lambda: session.go_to("dreams")):
        with pytest.raises(StoreError, match="disk is full"):
            move()
        assert (session.flow.state, session.flow.question_id) == place


def test_answers_agreed_together_are_saved_together(words: Content, store: Store) -> None:
    session = start(words, store, mode="with")
    session.go_to_question("rights.hopes")
    session.answer("To swim", suggested=True)
    session.answer("Now", suggested=True)
    waiting = [a.question for a in session.journey.suggestions()]
    assert len(waiting) == 2
    before = kept(store, session)
    room_for(store, 1)
    with pytest.raises(StoreError, match="disk is full"):
        session.confirm_all(waiting)
    assert kept(store, session) == before == session.journey.events
    room_again(store)
    session.confirm_all(waiting)
    assert [type(e) for e in kept(store, session)[len(before):]] == [Confirmed, Confirmed]
    assert session.journey.suggestions() == []


# -- through the app and the plain lines ----------------------------------------------------


async def test_the_app_says_what_happened_and_enter_again_saves_once(words: Content,
                                                                    store: Store) -> None:
    app = at(words, store, "rights.hopes")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        session = app.screen.session
        before = kept(store, session)
        no_room_for(store, "move")
        await pilot.press(*"To swim again", "enter")
        await pilot.pause()
        message = shown(app, "#error")
        assert "could not save that answer, so it is still in the box" in message
        assert "The disk is full" in message
        assert question(app) == "rights.hopes"
        assert isinstance(app.focused, Input) and app.focused.value == "To swim again"
        await pilot.press("enter")  # again, with the disk still full
        await pilot.pause()
        assert "could not save" in shown(app, "#error")
        assert kept(store, session) == before
        room_again(store)
        await pilot.press("enter")
        await pilot.pause()
        assert question(app) == "rights.why-now"
    saved = kept(store, session)
    assert [a.value for a in answers_to(saved, "rights.hopes")] == ["To swim again"]
    assert isinstance(saved[-1], Moved) and saved[-1].question == "rights.why-now"


def test_the_plain_lines_say_what_happened_and_the_same_question_is_asked_again(
        words: Content, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("rights.hopes")
    store.release(session.journey.id)
    journey_id = session.journey.id
    before = kept(store, session)
    no_room_for(store, "move")
    typed = io.StringIO("\n".join(["1", "", "To swim again", "To swim again"]) + "\n")
    out = io.StringIO()
    assert plain.run(store, journey_id, inp=typed, out=out, words=words) == 0
    said = out.getvalue()
    assert said.count("I could not save that answer.") == 2, said
    assert said.count(words.message("error_disk_full")) == 2
    # Still the same question, waiting for the answer again; the next one never asked.
    assert said.count(words.question("rights.hopes").ask) == 1
    assert words.question("rights.why-now").ask not in said
    saved = Store(store.home).load(journey_id).events
    assert answers_to(saved, "rights.hopes") == answers_to(before, "rights.hopes") == []
    room_again(store)
    typed = io.StringIO("\n".join(["1", "", "To swim again"]) + "\n")
    assert plain.run(store, journey_id, inp=typed, out=io.StringIO(), words=words) == 0
    saved = Store(store.home).load(journey_id).events
    assert [a.value for a in answers_to(saved, "rights.hopes")] == ["To swim again"]


async def test_agreeing_in_the_app_saves_every_tick_or_none(words: Content,
                                                           store: Store) -> None:
    from journey.tui.app import JourneyApp
    from journey.tui.screens.agree import AgreeScreen

    session = start(words, store, mode="with")
    session.go_to_question("rights.hopes")
    session.answer("To swim", suggested=True)
    session.answer("Now", suggested=True)
    before = kept(store, session)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        before = kept(store, session)
        room_for(store, 1)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)
        await pilot.press("space", "tab", "space", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)  # still open, to try again
        assert "none of these answers is agreed yet" in shown(app, "#agree-error")
        assert kept(store, session) == before
        assert len(app.screen.session.journey.suggestions()) == 2
        room_again(store)
        await pilot.pause(0.3)  # a button takes no second press while it shows the first
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AgreeScreen), shown(app, "#agree-error")
        assert app.screen.session.journey.suggestions() == []
    assert [type(e) for e in kept(store, session)[len(before):]] == [Confirmed, Confirmed]


async def test_an_undo_in_the_app_that_cannot_be_saved_changes_nothing(words: Content,
                                                                      store: Store) -> None:
    from journey.tui.app import JourneyApp
    from journey.tui.screens.history import HistoryScreen

    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        session = app.screen.session
        before = kept(store, session)
        no_room_for(store, "move")
        await pilot.press("ctrl+b")  # back to the yes or no
        await pilot.pause()
        assert question(app) == "personal-budget.amount"
        assert "so you are still where you were" in shown(app, "#error")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        app.screen.query_one("#history-answers").highlighted = 0
        await pilot.pause()
        chosen = app.screen._chosen()
        assert chosen == "personal-budget.known"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "could not undo" in shown(app, "#history-error")
        assert session.journey.value("personal-budget.known") == "yes"
        assert session.flow.question_id == "personal-budget.amount"
        assert kept(store, session) == before


# -- a real full disk -----------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 2 MB of its own (tmpfs), where mounting one is allowed (as root)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs",
                           str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"no small file system here: {made.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system, leaving about `leave` bytes free."""
    free = os.statvfs(folder)
    filler = folder / "filler"
    with filler.open("wb") as f:
        f.write(b"\0" * max(0, free.f_bavail * free.f_frsize - leave))
    return filler


def test_on_a_real_full_disk_what_is_saved_is_what_is_shown(words: Content,
                                                             small_disk: Path) -> None:
    """Answers until the disk is full; then, again and again, a little room is made, just
    enough for some of what the next answer saves, as on a disk that is nearly full."""
    store = Store(small_disk / "journeys")
    try:
        session = start(words, store)
        filler = fill(small_disk, 64 * 1024)
        failures = 0
        for n in range(3000):
            question = session.question
            if question is None:
                session.go_to("rights")
                continue
            before = list(session.journey.events)
            try:
                if question.kind == "text":
                    session.answer(f"An answer to fill the disk {n} " + "x" * (n % 7 * 300))
                else:
                    session.answer(None, unsure=True)
            except StoreError as e:
                failures += 1
                assert "disk is full" in str(e)
                # Nothing half saved: the file holds what the session holds, and the
                # person is still on the same question.
                assert session.question is question
                assert session.journey.events == before
                assert store.load(session.journey.id).events == before
                if failures == 40:
                    break
                with filler.open("r+b") as f:  # a little room, a different amount each time
                    f.truncate(max(0, filler.stat().st_size - 4096 * (failures % 4 + 1)))
        assert failures == 40, "the disk never filled"
        filler.unlink()
        asked = session.question
        assert asked is not None
        session.answer("There is room again" if asked.kind == "text" else None,
                       unsure=asked.kind != "text")
        saved = store.load(session.journey.id).events
        assert saved == session.journey.events
        assert len([e for e in saved[len(before):] if isinstance(e, Answered)]) == 1
        assert isinstance(saved[-1], Moved)
    finally:
        store.close()


async def test_a_note_and_its_sharing_that_cannot_be_saved_say_so_and_show_no_change(
        words: Content, store: Store) -> None:
    from textual.widgets import SelectionList

    from journey.tui.app import JourneyApp
    from journey.tui.screens.notes import NotesScreen

    session = start(words, store, mode="with")
    session.note("Sam prefers mornings")
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        session = app.screen.session
        before = kept(store, session)
        no_room_for(store, "note")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press(*"Ring on Monday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert "could not save that note, so it is still in the box" in shown(
            app, "#note-error")
        assert app.screen.query_one("#note-text", Input).value == "Ring on Monday"
        room_again(store)
        no_room_for(store, "note-shared")
        notes = app.screen.query_one("#note-list", SelectionList)
        notes.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "could not save that change to the note" in shown(app, "#note-error")
        assert notes.selected == []  # not shown as shared, as it was not saved
        assert kept(store, session) == before
        room_again(store)
        await pilot.press("space")
        await pilot.pause()
        assert len(notes.selected) == 1
    assert isinstance(kept(store, session)[-1], NoteShared)


def test_a_skip_in_plain_lines_that_cannot_be_saved_says_so(words: Content,
                                                            store: Store) -> None:
    session = start(words, store)
    journey_id = session.journey.id
    store.release(journey_id)
    no_room_for(store, "move")
    out = io.StringIO()
    typed = io.StringIO("1\nskip\n")
    assert plain.run(store, journey_id, inp=typed, out=out, words=words) == 0
    said = out.getvalue()
    assert "I could not save that, so you are still where you were." in said
    assert "I could not save that answer" not in said
    assert not [e for e in Store(store.home).load(journey_id).events if isinstance(e, Skipped)]


async def test_who_is_here_that_cannot_be_saved_says_so(words: Content, store: Store) -> None:
    from journey.tui.app import JourneyApp
    from journey.tui.screens.sitting import SittingScreen

    session = start(words, store)
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SittingScreen)
        before = kept(store, session)
        no_room_for(store, "sitting")
        await pilot.press("escape")  # the same people as last time
        await pilot.pause()
        assert isinstance(app.screen, SittingScreen)
        assert shown(app, "#sitting-error").startswith("I could not save who is here today.")
        assert kept(store, session) == before
    store.release(session.journey.id)
    out = io.StringIO()
    assert plain.run(store, session.journey.id, inp=io.StringIO("1\n"), out=out,
                     words=words) == 0
    assert "I could not save who is here today." in out.getvalue()
