"""The app driven with Pilot: answering, going back, skipping, the map, quitting and resuming."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from journey.core.model import Answered, Moved
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.plan_panel import PlanPanel
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.map import MapScreen
from journey.tui.screens.sitting import SittingScreen
from journey.tui.screens.start import StartScreen

from .helpers import is_private

SIZE = (120, 40)


def shown(app: JourneyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def plan_text(app: JourneyApp) -> str:
    return app.screen.query_one(PlanPanel).text()


async def type_in(pilot: Pilot, text: str) -> None:
    """Put text in the focused box and press Enter, as a paste would."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.value = text
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot: Pilot, index: int = 0) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, OptionList), focused
    focused.highlighted = index
    await pilot.press("enter")
    await pilot.pause()


def question(app: JourneyApp) -> str | None:
    screen = app.screen
    assert isinstance(screen, ConversationScreen)
    return screen.session.flow.question_id


async def opened(pilot: Pilot) -> None:
    """A saved journey opens with a new sitting: say it is the same people as last time."""
    await pilot.pause()
    if isinstance(pilot.app.screen, SittingScreen):
        await pilot.press("escape")
        await pilot.pause()


async def through_welcome(pilot: Pilot, name: str = "Sam") -> None:
    await type_in(pilot, name)
    await choose(pilot, 0)


async def test_opens_on_the_first_question_and_shows_the_name_at_once(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ConversationScreen)
        assert "What name should I use" in shown(app, "#question")
        assert "Why I ask" in shown(app, "#why")
        await pilot.press(*"Sam")
        await pilot.press("enter")
        await pilot.pause()
        assert "Support plan for Sam" in plan_text(app)
        assert question(app) == "welcome.mode"
        assert "Sam" in shown(app, "#chat Static.exchange")


async def test_empty_name_gets_a_kind_message(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "   ")
        assert "Please give an answer" in shown(app, "#error")
        assert question(app) == "welcome.name"
        await pilot.press("ctrl+n")  # the name cannot be "not sure"
        assert question(app) == "welcome.name"


async def test_answer_back_and_skip(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        assert question(app) == "rights.hopes"
        for text in ("Getting out more", "Home from hospital"):
            await type_in(pilot, text)
        assert question(app) == "rights.who"
        await choose(pilot, 1)  # a carer
        assert question(app) == "rights.age"
        await choose(pilot, 4)  # 26 to 64: a carer's own age, so never a young carer
        assert question(app) == "rights.cared-for"
        await type_in(pilot, "My son")
        assert question(app) == "rights.cared-for-age"
        await pilot.press("space")  # 18 or over
        await pilot.click("#save-choices")
        await pilot.pause()
        assert question(app) == "assessment.hard"
        assert "Getting out more" in plan_text(app)
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert question(app) == "rights.cared-for"
        assert app.focused.value == "My son"  # nothing lost going back
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert question(app) == "rights.who"
        assert app.focused.highlighted == 1
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.session.flow.state == "assessment"
        assert "Getting out more" in plan_text(app)


async def test_not_sure_moves_on_and_lists_it(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await pilot.click("#not-sure")
        await pilot.pause()
        assert question(app) == "rights.why-now"
        assert "Still to find out" in plan_text(app)


async def test_map_shows_statuses_and_jumps(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await type_in(pilot, "More time out")
        await pilot.press("ctrl+l")  # skip the rest of rights
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        rows = app.screen.query_one(OptionList)
        labels = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        assert "done" in labels[0]
        assert "Your rights" in labels[1] and "skipped" in labels[1]
        assert "Assessment" in labels[2] and "not started" in labels[2]
        rows.highlighted = 8  # Dreams
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.session.flow.state == "dreams"


async def test_money_mistakes_are_explained_and_nothing_moves(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        session = app.screen.session
        session.go_to_question("personal-budget.known")
        app.screen.show_question()
        await pilot.pause()
        await choose(pilot, 0)  # yes, they know it
        assert question(app) == "personal-budget.amount"
        for bad, says in (("£12.5x", "could not read"), ("-40", "less than nothing")):
            await type_in(pilot, bad)
            assert says in shown(app, "#error")
            assert question(app) == "personal-budget.amount"
        await type_in(pilot, "£1,200.5")
        assert question(app) != "personal-budget.amount"
        assert "£1,200.50 a week (£62,426.00 a year)" in plan_text(app)


async def test_huge_paste_and_escape_codes(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot, "Sam\x1b[31m [b]bold[/b]")
        assert "Sam [b]bold[/b]" in plan_text(app)  # shown as typed, not as markup
        await type_in(pilot, "x" * 1_048_576)
        assert "very long" in shown(app, "#error")
        assert question(app) == "rights.hopes"
        assert len(app.screen.session.journey.answers) == 2  # earlier answers intact


async def test_list_items_are_saved_one_by_one(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert question(app) == "assessment.hard"
        await type_in(pilot, "Cooking")
        await type_in(pilot, "Getting dressed")
        journey = app.screen.session.journey
        assert journey.value("assessment.hard") == ["Cooking", "Getting dressed"]
        assert question(app) == "assessment.hard"
        await type_in(pilot, "")
        assert question(app) != "assessment.hard"


async def test_quit_and_resume_exactly_where_they_stopped(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await type_in(pilot, "More time out")
        await type_in(pilot, "Home from hospital")
        await pilot.press("ctrl+q")
    journey_id = store.list()[0].id
    saved = Store(store.home).load(journey_id)
    assert [e.question for e in saved.events if isinstance(e, Answered)] == [
        "welcome.name", "welcome.mode", "rights.hopes", "rights.why-now"]

    again = JourneyApp(Store(store.home))
    async with again.run_test(size=SIZE) as pilot:
        assert isinstance(again.screen, StartScreen)
        rows = again.screen.query_one(OptionList)
        assert "Sam" in str(rows.get_option_at_index(1).prompt)
        assert "Your rights" in str(rows.get_option_at_index(1).prompt)
        rows.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        # A new sitting: the same people as last time.
        assert isinstance(again.screen, SittingScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert question(again) == "rights.who"
        assert "Home from hospital" in plan_text(again)


async def test_start_a_new_journey_from_the_start_screen(store: Store) -> None:
    store.record(store.create(), Moved(step="welcome"))
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("up", "enter")  # the list starts on the newest journey
        await pilot.pause()
        assert question(app) == "welcome.name"
        await type_in(pilot, "Bo")
        assert [s.name for s in store.list()] == ["Bo", None]


async def test_export_from_the_app(store: Store, tmp_path: Path) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        target = tmp_path / "my-plan.md"
        await type_in(pilot, str(target))
        assert isinstance(app.screen, ConversationScreen)
        assert target.read_text().startswith("# Support plan for Sam")
        assert is_private(target)


async def test_facilitated_wording(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Sam")
        await choose(pilot, 1)
        await type_in(pilot, "Jo")
        await type_in(pilot, "advocate")
        assert "about Sam" in shown(app, "#question")
        await choose(pilot, 0)  # they and their
        assert "What would Sam most like" in shown(app, "#question")
        await type_in(pilot, "More time out")
        assert "said by Sam" in plan_text(app)


async def test_command_palette_offers_the_main_actions(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Not sure yet", "Back", "Skip step", "Journey map", "Save plan",
            "Check plan"} <= set(commands)
        commands["Journey map"].callback()
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)


async def test_circle_of_support_people_are_added_and_removed(store: Store) -> None:
    from journey.tui.people import PeopleAnswer

    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        app.screen.session.go_to("circle")
        app.screen.show_question()
        await pilot.pause()
        assert question(app) == "circle.people"
        box = app.screen.query_one(PeopleAnswer)
        assert app.focused.id == "people-name"
        box.query_one("#people-done", Button).press()  # nobody yet: a kind message
        await pilot.pause()
        assert "at least one person" in shown(app, "#error")
        for name, relation, helps in (("Jan [b]", "sister", "does my big shop"),
                                      ("Dave", "next door", "")):
            await type_in(pilot, name)
            await type_in(pilot, relation)
            box.query_one("#people-helps", Input).value = helps
            box.query_one("#people-helps", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
        journey = app.screen.session.journey
        assert journey.value("circle.people") == [
            {"name": "Jan [b]", "relation": "sister", "ring": "closest",
             "helps": "does my big shop"},
            {"name": "Dave", "relation": "next door", "ring": "closest", "helps": ""}]
        assert "Jan [b] (sister), closest family and friends: does my big shop" in plan_text(app)
        box.query_one("#people-list", OptionList).highlighted = 1
        box.query_one("#people-remove", Button).press()
        await pilot.pause()
        assert [p["name"] for p in journey.value("circle.people")] == ["Jan [b]"]
        box.query_one("#people-done", Button).press()
        await pilot.pause()
        assert question(app) == "circle.knows-best"


async def test_a_question_that_must_be_answered_offers_no_not_sure(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = shown(app, "#keys")
        assert "Not sure yet" not in keys and "Skip step" not in keys
        await pilot.press("enter")
        await pilot.pause()
        error = shown(app, "#error")
        assert "needed to go on" in error and "Not sure yet" not in error
        await through_welcome(pilot)
        assert question(app) == "rights.hopes"
        assert "Not sure yet" in shown(app, "#keys")
