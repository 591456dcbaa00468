"""The app and saved journeys: search, rename, copy and delete on the start screen; answer
history and undo; a journey open in another window is shown but never saved over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import Button, Input, OptionList, Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.dialogs import ConfirmScreen, NameScreen
from journey.tui.screens.history import HistoryScreen
from journey.tui.screens.start import StartScreen

from .helpers import start
from .test_tui import SIZE, choose, opened, question, shown, through_welcome, type_in
from .test_tui_drawn import terminal_width


def rows(app: JourneyApp) -> list[str]:
    options = app.screen.query_one("#journeys", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def highlight(app: JourneyApp, name: str) -> None:
    options = app.screen.query_one("#journeys", OptionList)
    options.highlighted = next(i for i, r in enumerate(rows(app)) if name in r)


async def test_start_screen_shows_mode_step_and_percent_and_searches(words, store) -> None:
    for name in ("Ann", "Bo", "Annette"):
        session = start(words, store, name=name)
        store.release(session.journey.id)
    done = start(words, store, name="Cy", mode="with")
    done.go_to_question("rights.who")
    done.answer("person")
    done.go_to("assessment")
    store.release(done.journey.id)
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert "Cy" in rows(app)[1] and "With a helper" in rows(app)[1]
        assert "Assessment" in rows(app)[1] and f"{done.percent_done()}%" in rows(app)[1]
        assert "On their own" in rows(app)[2] and "0%" in rows(app)[2]
        await pilot.press("ctrl+f")
        await pilot.press(*"ann")
        await pilot.pause()
        assert [r.split()[0] for r in rows(app)[1:]] == ["Annette", "Ann"]
        await pilot.press(*"xyz")
        await pilot.pause()
        assert rows(app)[1:] == []
        assert "annxyz" in shown(app, "#start-more")
        app.screen.query_one("#search", Input).value = "bo"
        await pilot.pause()
        await pilot.press("enter")  # from the search box to the first match
        await pilot.press("enter")
        await opened(pilot)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.session.name == "Bo"


async def test_rename_copy_and_delete_from_the_start_screen(words, store: Store) -> None:
    sam = start(words, store, name="Sam").journey.id
    store.release(sam)
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, "Sam")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        assert "journey for Sam" in shown(app, "#name-title")
        await type_in(pilot, "Samira")
        assert store.load(sam).name == "Samira"
        assert "Samira" in rows(app)[1]

        highlight(app, "Samira")
        await pilot.press("ctrl+t")
        await pilot.pause()
        copies = [s for s in store.list() if s.name == "Samira"]
        assert len(copies) == 2
        assert app.screen.query_one("#journeys", OptionList).highlighted == 1  # the copy

        highlight(app, "Samira")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        asked = shown(app, "#confirm-question")
        assert "Delete the journey for Samira" in asked and "30 days" in asked
        await pilot.press("enter")  # the safe answer is the one Enter gives: keep it
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and len(store.list()) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and len(store.list()) == 2

        highlight(app, "Samira")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert len(store.list()) == 1 and len(store.list(deleted=True)) == 1
        assert len(rows(app)) == 2


async def test_actions_need_a_journey_chosen(words, store: Store) -> None:
    store.release(start(words, store).journey.id)
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#journeys", OptionList).highlighted = 0  # "start a new one"
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len(store.list()) == 1


async def test_history_shows_every_change_and_undoes_the_last(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        screen.session.go_to_question("rights.who")
        screen.show_question()
        await pilot.pause()
        await choose(pilot, 0)  # rights.who: the person
        await pilot.press("ctrl+b")
        await pilot.pause()
        await choose(pilot, 1)  # changed: a carer
        after = question(app)
        assert after != "rights.who"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        answers = app.screen.query_one("#history-answers", OptionList)
        assert "Support for a carer" in str(answers.get_option_at_index(0).prompt)
        answers.highlighted = 0
        await pilot.pause()
        changes = shown(app, "#history-changes").splitlines()
        assert len(changes) == 2 and "Sam:" in changes[0]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        session = app.screen.session
        # The questions for carers no longer apply once "a carer" is undone; the question
        # after it, the person's age, is asked of everyone, so the person stays on it.
        assert after == "rights.age"
        assert "rights.cared-for" not in [q.id for q in session.flow.questions("rights")]
        assert question(app) == after
        journey = session.journey
        assert journey.value("rights.who") == "person"
        await pilot.press("ctrl+z")
        await pilot.pause()
        app.screen.query_one("#history-answers", OptionList).highlighted = 0
        await pilot.pause()
        assert "undid the last change" in shown(app, "#history-changes").splitlines()[-1]
        await pilot.press("escape")
        await pilot.pause()
    assert Store(store.home).load(journey.id).value("rights.who") == "person"


async def test_undo_is_offered_only_when_there_is_something_to_undo(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#undo", Button).disabled
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


async def test_a_journey_open_elsewhere_is_read_only_and_says_why(words, store) -> None:
    session = start(words, store)  # this store now has the journey open for writing
    journey_id = session.journey.id
    other = Store(store.home)
    app = JourneyApp(other, journey=other.load(journey_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#read-only", Static)
        assert banner.display and "open in a second window" in str(banner.content)
        asked = question(app)
        # Nothing can be typed in: the answer box is switched off, so keys go nowhere.
        assert app.screen.query_one("#answer-slot").disabled
        await pilot.press(*"Seeing friends", "enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Nothing was saved" in shown(app, "#error")
        assert question(app) == asked
        await pilot.pause(1.5)  # long after a toast would have faded, it still says so
        assert app.screen.query_one("#read-only", Static).display
        # Moving about is fine; the next box takes no keys either.
        await pilot.press("ctrl+b")
        await pilot.pause()
        slot = app.screen.query_one("#answer-slot")
        assert app.focused is None or slot not in app.focused.ancestors_with_self
    assert len(Store(store.home).load(journey_id).events) == len(session.journey.events)


async def test_closing_a_journey_lets_another_window_change_it(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await pilot.press("ctrl+q")
    journey_id = store.list()[0].id
    other = Store(store.home)
    other.rename(journey_id, "Sam B")  # would be refused if the first app still held it
    assert other.load(journey_id).name == "Sam B"


async def test_a_long_list_shows_the_newest_and_search_finds_the_rest(words, store) -> None:
    from journey.store.database import Saved
    from journey.tui.screens.start import SHOWN

    model = start(words, store, name="Model").journey
    store.release(model.id)
    store.purge(model.id)
    first = model.events[0]
    store.add([Saved(replace(model, events=[
        replace(first, value=f"Person {n}"), *model.events[1:]]))
        for n in range(SHOWN + 10)], keep_ids=False)
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert len(rows(app)) == SHOWN + 1
        assert f"{SHOWN + 10} journeys" in shown(app, "#start-more")
        app.screen.query_one("#search", Input).value = "Person 7"
        await pilot.pause()
        assert len(rows(app)) == 1 + 11  # Person 7 and Person 70 to 79
        assert shown(app, "#start-more") == ""


async def test_each_journey_is_whole_on_one_line_at_120_and_on_two_at_80(words, store) -> None:
    session = start(words, store, name="Bartholomew Montgomery-Fitzwilliam 李小龍")
    session.go_to("brokerage")
    store.release(session.journey.id)
    for size in ((80, 24), (120, 40)):
        app = JourneyApp(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            options = app.screen.query_one("#journeys", OptionList)
            room = options.content_region.width
            line = rows(app)[1]
            # Nothing is cut: where the columns do not fit, each journey takes two lines.
            assert "…" not in line and "Montgomery-Fitzwilliam 李小龍" in line, line
            assert ("\n" in line) == (size[0] == 80), line
            assert all(terminal_width(part) <= room for part in line.split("\n")), (size, line)
            assert f"{session.percent_done()}%" in line and str(date.today().year) in line
            heading = shown(app, "#start-columns")
            assert all(terminal_width(part) <= room for part in heading.split("\n"))
            await pilot.resize_terminal(*((120, 40) if size[0] == 80 else (80, 24)))
            await pilot.pause()
            assert all(terminal_width(part) <= options.content_region.width
                       for part in rows(app)[1].split("\n"))
