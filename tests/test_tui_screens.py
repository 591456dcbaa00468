"""The screens around the answer box, driven by keys: coming back after the map or the
check, 80x24, the keys, the plan following each answer, read-only windows, the start
screen, the end screen, the command palette, and what `journey` says when it stops."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static

from journey.cli.main import main
from journey.content import Journey as Words
from journey.conversation.session import Session
from journey.core.model import Role
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.keys import KeyBar
from journey.tui.plan_panel import MARKED_FOR, PlanPanel
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.export import ExportScreen
from journey.tui.screens.keys import KeysScreen
from journey.tui.screens.map import MapScreen
from journey.tui.screens.readiness import ReadinessScreen
from journey.tui.screens.start import StartScreen
from journey.tui.screens.summary import SummaryScreen, file_name

from .helpers import start
from .test_tui import SIZE, opened, question, shown

SMALL = (80, 24)
SIZES = [SIZE, SMALL]


def conversation(app: App) -> ConversationScreen:
    screen = app.screen
    assert isinstance(screen, ConversationScreen), screen
    return screen


def at_step(words: Words, store: Store, step: str, mode: str = "self") -> Session:
    """A journey moved on, "not sure" at each question, to the start of a step."""
    session = start(words, store, mode=mode)
    while session.flow.state != step:
        session.answer(None, unsure=True)
    return session


def reopen(store: Store, session: Session) -> JourneyApp:
    store.release(session.journey.id)  # the app takes the journey, as a new window would
    return JourneyApp(store, journey=store.load(session.journey.id))


def in_sight(app: App, widget: Widget) -> bool:
    """The whole widget is on screen, above the key bar, not scrolled or clipped away."""
    where = app.screen.find_widget(widget)
    keys = app.screen.query(KeyBar)
    bottom = keys.first().region.y if keys else app.size.height
    return (where.visible_region == where.region and where.region.height > 0
            and where.region.bottom <= bottom)


async def answer_anything(pilot: Pilot) -> None:
    """Move on as a person might: "not sure yet", or Enter on a question that needs one."""
    screen = conversation(pilot.app)
    if screen.session.question is not None and screen.session.question.required:
        await pilot.press("enter")
    else:
        await pilot.press("ctrl+n")
    await pilot.pause()


# -- 3. coming back after the map or the check -------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_after_the_map_the_person_comes_back_to_where_they_were(words, store,
                                                                      size) -> None:
    session = at_step(words, store, "circle")
    where = session.flow.question_id
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        steps = list(session.statuses())
        # Up from the step they are on, to "Your rights".
        await pilot.press(*["up"] * (steps.index("circle") - steps.index("rights")), "enter")
        await pilot.pause()
        screen = conversation(app)
        assert screen.session.flow.state == "rights"
        await pilot.press(*"Time with my friends", "enter")
        await pilot.pause()
        while screen.session.flow.state == "rights":
            await answer_anything(pilot)
        # Back where they were: not on through the assessment and the budgets.
        assert (screen.session.flow.state, question(app)) == ("circle", where)
        said = list(screen.query("#chat .journey").results(Static))[-1]
        assert "back where you were" in str(said.content)
        assert screen.session.journey.value("rights.hopes") == "Time with my friends"


@pytest.mark.parametrize("size", SIZES)
async def test_after_the_check_the_person_comes_back_to_the_check(words, store, size) -> None:
    session = at_step(words, store, "dreams")
    where = session.flow.question_id
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        fix = app.screen.readiness.findings[0].question
        await pilot.press("enter")
        await pilot.pause()
        assert question(app) == fix
        kind = conversation(app).session.question.kind
        await pilot.press(*("Something" if kind in ("text", "list") else ""), "enter")
        await pilot.pause()
        if isinstance(app.screen, ConversationScreen):  # a list: an empty line finishes it
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        assert fix not in [f.question for f in app.screen.readiness.findings]
        await pilot.press("escape")
        await pilot.pause()
        assert question(app) == where


# -- 4. 80x24: the question, its answer box, the keys and the dialogs ------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("mode", [0, 1])
async def test_the_question_and_its_answer_box_are_always_in_sight(store, size, mode) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter")
        await pilot.press(*["down"] * mode, "enter")
        await pilot.pause()
        if mode:
            await pilot.press(*"Jo", "enter", *"advocate", "enter", "enter")
            await pilot.pause()
        screen = conversation(app)
        seen = 0
        while screen.session.question is not None and seen < 40:
            asked = screen.session.question.id
            assert in_sight(app, screen.query_one("#question")), asked
            assert app.focused is not None and in_sight(app, app.focused), asked
            if screen.query_one("#speaker-row").display:
                speaker = screen.query_one("#speaker", Button)
                assert in_sight(app, speaker)
                assert speaker.region.width >= len(str(speaker.label)), "label cut off"
            await answer_anything(pilot)
            seen += 1
        assert seen == 40


@pytest.mark.parametrize("size", SIZES)
async def test_every_key_is_in_the_key_bar_and_in_the_keys_screen(words, store, size) -> None:
    session = at_step(words, store, "rights", mode="with")
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        bar = app.screen.query_one(KeyBar)
        shown_keys = str(bar.content)
        for wanted in ("Not sure yet", "Check plan", "History", "Words", "Quit", "All keys"):
            assert wanted in shown_keys
        assert app.screen.find_widget(bar).region.bottom == size[1]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        listed = str(app.screen.query_one("#keys-list Static", Static).content)
        for binding in ConversationScreen.BINDINGS:
            if binding.action == "change_earlier":
                continue  # only with a question that shows an earlier answer (test_recall)
            if binding.action == "toggle_plan":
                continue  # only on a narrow screen (test_sizes)
            assert binding.description in listed
        assert "Quit" in listed and "Give the answer" in listed
        assert "Move cursor" not in listed  # the text box's own editing keys go unsaid
        assert Region(0, 0, *size).contains_region(app.screen.query_one("#keys-box").region)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


def fits(app: App, box: str) -> None:
    screen = app.screen
    region = screen.query_one(box).region
    assert Region(0, 0, *app.size).contains_region(region), (box, region)
    for part in screen.query("Button, Input, OptionList, Checkbox, Select"):
        if part.display and part.parent is not None and part.parent.display:
            assert in_sight(app, part) or part.region.height == 0 or (
                part.parent.is_scrollable), (box, part)


async def test_dialogs_fit_at_80x24(words, store) -> None:
    session = at_step(words, store, "rights", mode="with")
    session.answer("A bus pass", suggested=True)
    session.note("Ring the council", next_step=True)
    app = reopen(store, session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        fits(app, ".dialog")  # who is here today
        await pilot.press("escape")
        await pilot.pause()
        for key, box in [("ctrl+g", "#map-box"), ("ctrl+o", "#export-box"),
                         ("ctrl+y", "#check-box"), ("ctrl+z", ".dialog"),
                         ("ctrl+r", "#explain-box"), ("f1", "#keys-box"),
                         ("f4", ".dialog"), ("f5", ".dialog"), ("f6", ".dialog")]:
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ConversationScreen), key
            fits(app, box)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ConversationScreen), key


# -- 5. the plan follows ------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_plan_scrolls_to_and_marks_the_part_just_changed(words, store,
                                                                   size) -> None:
    session = start(words, store)
    session.go_to_question("planning.backup")
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        plan = app.screen.query_one(PlanPanel)
        assert plan.marked == []
        await pilot.press(*"My sister steps in", "enter")
        await pilot.pause()
        assert plan.marked == ["plan-backup"]
        assert plan.scroll_y > 0
        assert in_sight(app, plan.query_one("#plan-backup"))
        await pilot.pause(MARKED_FOR + 0.3)
        assert plan.marked == []


# -- 7. facilitated sittings --------------------------------------------------------------


async def test_a_suggested_list_is_kept_as_a_suggestion_and_shown_to_agree(
        words, store, tmp_path: Path) -> None:
    session = at_step(words, store, "assessment", mode="with")
    app = reopen(store, session)
    async with app.run_test(size=SMALL) as pilot:
        await opened(pilot)
        screen = conversation(app)
        assert screen.session.question.kind == "list"
        await pilot.press("f3")
        await pilot.pause()
        speaker = screen.query_one("#speaker", Button)
        assert str(speaker.label) == "Suggested by Jo"
        assert in_sight(app, speaker) and speaker.region.width >= len("Suggested by Jo")
        await pilot.press(*"Walks", "enter", *"Cinema", "enter", "enter")
        await pilot.pause()
        answer = screen.session.journey.answers["assessment.hard"]
        assert answer.value == ["Walks", "Cinema"] and answer.role is Role.FACILITATOR
        await pilot.press("f5")
        await pilot.pause()
        said = " ".join(str(w.content) for w in app.screen.query(".agree-words"))
        assert "Walks" in said and "Cinema" in said
        await pilot.press("escape")
        await pilot.pause()
        # The summary was looked at with f6; quitting still offers it, with a Quit button.
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        path = app.screen.query_one("#summary-path", Input).value
        assert path.endswith("sam-sitting-2-summary.md")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query_one("#summary-quit").display
        await pilot.press("escape", "f6")
        await pilot.pause()
        assert not app.screen.query_one("#summary-quit").display
        await pilot.press("ctrl+q")  # asked for while the summary is open
        await pilot.pause()
        assert app.screen.query_one("#summary-quit").display
        target = tmp_path / "summary.md"
        path = app.screen.query_one("#summary-path", Input)
        for _ in range(4):
            if app.focused is not path:
                await pilot.press("tab")
        assert app.focused is path
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert not app.is_running
    text = target.read_text()
    assert "\\(" not in text and "Jo (advocate)" in text
    assert "suggested by Jo (advocate)\n\n- Now: Walks; Cinema\n\n" in text


def test_summary_file_names_are_by_person_and_sitting() -> None:
    assert file_name("Sam", 2, "abc") == "sam-sitting-2-summary.md"
    assert file_name("Zoë O'Brien-Smith", 1, "abc") == "zoe-o-brien-smith-sitting-1-summary.md"
    assert file_name("../../etc", 3, "abc") == "etc-sitting-3-summary.md"
    assert file_name("李", 1, "abc") == "journey-abc-sitting-1-summary.md"


# -- 12. the start screen, the end screen, the palette, saving ------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_saved_journeys_start_on_the_newest_and_down_reaches_the_list(words, store,
                                                                            size) -> None:
    start(words, store, name="Ann")
    newest = start(words, store, name="Sam").journey.id
    store.release(newest)
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+f", *"a", "down")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await pilot.press("escape")
        await pilot.press("enter")
        await opened(pilot)
        assert conversation(app).session.journey.id == newest
        assert len(store.list()) == 2  # no new journey was made


@pytest.mark.parametrize("size", SIZES)
async def test_the_end_offers_to_save_and_check_the_plan(words, store, size,
                                                         tmp_path: Path) -> None:
    session = start(words, store)
    while not session.finished:
        session.answer(None, unsure=True)
    app = reopen(store, session)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        screen = conversation(app)
        for button in ("#export", "#check"):
            assert in_sight(app, screen.query_one(button))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "Save the plan" in shown(app, "#export-title")
        await pilot.press("escape", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)


async def test_saving_the_assessment_sheet_says_so(words, store, tmp_path: Path) -> None:
    session = at_step(words, store, "assessment")
    app = reopen(store, session)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        conversation(app).action_export_prep()
        await pilot.pause()
        assert "assessment sheet" in shown(app, "#export-title")
        target = tmp_path / "sheet.md"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("assessment sheet is saved" in m for m in said), said
        assert not any("plan" in m for m in said)
    assert target.exists()


async def test_the_command_palette_lists_journeys_commands_once(store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", "enter", "enter")
        await pilot.pause()
        # What the palette lists, before anything is typed into it.
        commands = list(app.get_system_commands(app.screen))
        names = [c.title for c in commands]
        assert len(names) == len(set(names)) and "Back" in names and "All keys" in names
        for command in commands:
            assert command.help != command.title, "a command's help repeats its name"
        assert "Key: ctrl+b" in [c.help for c in commands]
        for developer in ("Screenshot", "Maximize", "Minimize", "Theme", "Keys"):
            assert developer not in names
        start_screen = StartScreen(store, app.words, [])
        on_start = [c.title for c in app.get_system_commands(start_screen)]
        assert "Rename" in on_start and "Screenshot" not in on_start
        await pilot.press("ctrl+p", *"back")
        await pilot.pause(0.5)
        listed = app.screen.query_one("CommandList", OptionList)
        found = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert len(found) == 1 and found[0].startswith("Back"), found


# -- 11. after a crash, and after quitting ------------------------------------------------


def headless(monkeypatch: pytest.MonkeyPatch, keys: list[str]) -> None:
    """Run `journey` with no terminal: the app gets these keys, then stops."""

    async def auto_pilot(pilot: Pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    def run(self: JourneyApp) -> None:
        App.run(self, headless=True, size=SMALL, auto_pilot=auto_pilot)

    monkeypatch.setattr(JourneyApp, "run", run)
    # The app, though there is no terminal.
    monkeypatch.setattr("journey.plain.terminal.wants_plain", lambda: False)


def test_a_crash_exits_non_zero_and_says_the_answers_are_saved(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, store) -> None:
    def broken(self: ConversationScreen) -> None:
        raise RuntimeError("a screen that breaks")

    monkeypatch.setattr(ConversationScreen, "action_map", broken)
    headless(monkeypatch, [*"Sam", "enter", "ctrl+g"])
    assert main(["new"]) == 1
    assert "The answers you gave are all saved" in capsys.readouterr().err
    assert store.list()[0].name == "Sam"


def test_quitting_says_the_answers_are_saved_and_how_to_carry_on(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    headless(monkeypatch, [*"Sam", "enter", "ctrl+q"])
    monkeypatch.setattr(sys, "argv", ["/nowhere/on/the/path/journey"])
    assert main(["new"]) == 0
    out = capsys.readouterr().out
    assert "Your answers are saved" in out


@pytest.mark.posix
def test_list_names_the_command_that_works(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture,
                                           tmp_path: Path) -> None:
    program = tmp_path / "venv" / "bin" / "journey"
    program.parent.mkdir(parents=True)
    program.write_text("")
    program.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(program)])
    monkeypatch.setenv("PATH", "/usr/bin")
    assert main(["list"]) == 0
    assert str(program) in capsys.readouterr().out
    monkeypatch.setenv("PATH", str(program.parent))
    assert main(["list"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("type: journey")
    monkeypatch.setattr(sys, "argv", [str(Path(__file__).parent / "__main__.py")])
    assert main(["list"]) == 0
    assert "-m journey" in capsys.readouterr().out


async def test_a_dialog_closes_once_when_enter_is_pressed_twice_quickly(words, store) -> None:
    """A second Enter typed as a dialog closes must not close the screen beneath it."""
    session = start(words, store, name="Sam")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # "who is here today", then once more at once
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("enter", "enter")  # choose a step, and again
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+y")
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


async def test_the_costed_support_buttons_fit_beside_the_plan_at_80_columns(words, store) -> None:
    session = start(words, store, name="Sam")
    session.go_to_question("planning.costs")
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=SMALL) as pilot:
        await opened(pilot)
        talk = app.screen.query_one("#talk").region
        for button in ("#items-add", "#items-change", "#items-remove", "#items-done"):
            assert talk.contains_region(app.screen.query_one(button).region), button


async def test_the_command_palette_is_never_opened_twice(store) -> None:
    """Found by random keys: the palette, F1 over it, then the palette key again."""
    app = JourneyApp(store, new=True)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
