"""A whole facilitated sitting, driven with Pilot: wording, who said what, the helper's
panel, notes, agreeing suggestions, the sitting summary, and a new sitting on resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Checkbox, Input, SelectionList, Static

from journey.core.model import Mode, Role
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.facilitator import FacilitatorPanel
from journey.tui.screens.agree import AgreeScreen
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.notes import NotesScreen
from journey.tui.screens.sitting import SittingScreen
from journey.tui.screens.summary import SummaryScreen

from .helpers import is_private, start
from .test_tui import SIZE, choose, opened, plan_text, shown, type_in


def conversation(app: JourneyApp) -> ConversationScreen:
    screen = app.screen
    assert isinstance(screen, ConversationScreen), screen
    return screen


async def to_text_question(pilot) -> str:
    """Say "not sure yet" until an open question comes up."""
    screen = conversation(pilot.app)
    while screen.session.question.kind != "text":
        await pilot.press("ctrl+n")
        await pilot.pause()
    return screen.session.question.id


async def start_with_helper(pilot) -> None:
    await type_in(pilot, "Sam")
    await choose(pilot, 1)
    await type_in(pilot, "Jo")
    await type_in(pilot, "advocate")


async def test_a_facilitated_sitting_from_start_to_summary(store: Store, tmp_path: Path) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_with_helper(pilot)
        screen = conversation(app)
        session = screen.session
        assert "Sam" in shown(app, "#question")
        panel = screen.query_one(FacilitatorPanel)
        assert panel.display
        prompts = session.flow.step().facilitator
        assert prompts and prompts[-1][-30:] in str(panel.content)

        said = await to_text_question(pilot)
        await type_in(pilot, "Seeing my friends")
        assert session.journey.answers[said].role is Role.PERSON
        assert "said by Sam" in plan_text(app)

        suggested = await to_text_question(pilot)
        await pilot.press("f3")
        assert str(screen.query_one("#speaker", Button).label) == "Suggested by Jo"
        await type_in(pilot, "A bus pass")
        assert session.journey.answers[suggested].role is Role.FACILITATOR
        assert "suggested by Jo (advocate)" in plan_text(app)
        # The next answer is the person's own again.
        assert str(screen.query_one("#speaker", Button).label) == "Said by Sam"
        assert "has not agreed to yet: 1" in str(panel.content)

        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        app.screen.query_one("#note-next-step", Checkbox).value = True
        await type_in(pilot, "Jo rings the council on Monday")
        assert isinstance(app.screen, ConversationScreen)
        assert "Jo rings the council on Monday (private)" in str(panel.content)
        assert "rings the council" not in plan_text(app)

        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)
        # The helper's own words are shown, not only what the question was about.
        assert [str(w.content) for w in app.screen.query(".agree-words")] == ["• A bus pass"]
        await pilot.press("space", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert "agreed by Sam" in plan_text(app)
        assert session.journey.suggestions() == []

        await pilot.press("f2")
        assert not panel.display
        await pilot.press("f2")
        assert panel.display

        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.text
        assert "Seeing my friends" in summary and "A bus pass" in summary
        assert "Jo rings the council on Monday" in summary
        target = tmp_path / "sitting.md"
        app.screen.query_one("#summary-path", Input).value = str(target)
        await pilot.click("#summary-save")
        await pilot.pause()
    assert not app.is_running
    assert target.read_text() == summary
    assert is_private(target)


async def test_notes_can_go_into_the_plan_later(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_with_helper(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await type_in(pilot, "   ")
        assert isinstance(app.screen, NotesScreen)
        assert "Please" in str(app.screen.query_one("#note-error", Static).content)
        await type_in(pilot, "Sam prefers mornings")
        await pilot.press("f4")
        await pilot.pause()
        notes = app.screen.query_one("#note-list", SelectionList)
        notes.focus()
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()
        assert "Sam prefers mornings" in plan_text(app)


async def test_nothing_for_a_helper_when_the_person_plans_alone(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Sam")
        await choose(pilot, 0)
        screen = conversation(app)
        assert not screen.query_one(FacilitatorPanel).display
        assert not screen.query_one("#speaker-row").display
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_a_new_sitting_can_change_who_is_planning(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_with_helper(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    journey_id = store.list()[0].id

    again = JourneyApp(Store(store.home), journey=Store(store.home).load(journey_id))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, SittingScreen)
        assert "Jo" in str(again.screen.query_one("#sitting-mode").get_option_at_index(0).prompt)
        await choose(pilot, 1)  # Sam, planning alone
        await type_in(pilot, "")  # nobody else here
        screen = conversation(again)
        assert screen.session.journey.mode is Mode.SELF
        assert not screen.query_one(FacilitatorPanel).display
        sittings = screen.session.journey.sittings()
        assert [(s.mode, s.present) for s in sittings] == [
            (Mode.WITH, ("Sam", "Jo")), (Mode.SELF, ("Sam",))]


async def test_one_suggested_thing_in_a_list_is_marked_alone(words, store: Store) -> None:
    session = start(words, store, mode="with")
    session.go_to_question("dreams.love")
    app = JourneyApp(store, journey=session.journey)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        screen = conversation(app)
        assert screen.session.question.id == "dreams.love"
        await type_in(pilot, "Her garden")
        await type_in(pilot, "Radio 4")
        await pilot.press("f3")
        await type_in(pilot, "The choir")
        await type_in(pilot, "")  # the list is finished
        assert screen.session.question.id != "dreams.love"
        text = plan_text(app)
        assert "The choir (suggested by Jo (advocate))" in text
        assert "Her garden (suggested" not in text and "Radio 4 (suggested" not in text
        assert "said by Sam" in text
