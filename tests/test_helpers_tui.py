"""The helpers in the app, driven with Pilot: getting ready for the assessment (the adult and
the carer routes) and the advocacy helper, each to its result; tell me more; the meaning of
words and the source of facts."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, SelectionList, Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.facilitator import FacilitatorPanel
from journey.tui.more import MorePanel
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.explain import ExplainScreen

from .helpers import is_private
from .test_tui import SIZE, choose, plan_text, question, shown, through_welcome, type_in


def chat_text(app: JourneyApp) -> str:
    return "\n".join(str(w.content) for w in app.screen.query("#chat Static"))


async def pick(pilot: Pilot, *values: str) -> None:
    """Tick choices in a multi-choice question, then Save."""
    focused = pilot.app.focused
    assert isinstance(focused, SelectionList), focused
    for value in values:
        focused.select(value)
    pilot.app.screen.query_one("#save-choices", Button).press()
    await pilot.pause()


async def to_step(pilot: Pilot, step: str) -> None:
    app = pilot.app
    app.screen.session.go_to(step)
    app.screen.show_question()
    await pilot.pause()


async def start_assessment(pilot: Pilot, route: int) -> None:
    await through_welcome(pilot)
    await pilot.press("ctrl+l")  # skip "Your rights" for now
    await pilot.pause()
    assert question(pilot.app) == "assessment.hard"
    await type_in(pilot, "Cooking")
    await type_in(pilot, "")
    await type_in(pilot, "On a bad day I stay in bed")
    await pilot.press("ctrl+n")  # not sure yet how it affects life
    await pilot.pause()
    assert question(pilot.app) == "assessment.working"
    await type_in(pilot, "My neighbour pops in")
    await type_in(pilot, "")
    await choose(pilot, 2)  # not asked for an assessment yet
    assert question(pilot.app) == "assessment.prepare"
    await choose(pilot, route)


async def answer_outcomes(pilot: Pilot, prefix: str, hard: dict[str, tuple[int, str]]) -> None:
    """Answer each outcome's questions: the ones in `hard` with (choice, a way it is hard),
    the rest 'No'."""
    while (asked := question(pilot.app) or "").startswith(prefix):
        outcome, part = asked.removeprefix(prefix).split(".")
        if part == "hard":
            await choose(pilot, hard[outcome][0] if outcome in hard else 2)
        elif part == "how":
            await pick(pilot, hard[outcome][1])
        else:
            await type_in(pilot, f"Bad day for {outcome} <b>")


async def test_adult_route_to_the_preparation_sheet(store: Store, tmp_path: Path) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_assessment(pilot, 0)
        assert question(app) == "assessment.adult.nutrition.hard"
        assert "eat and drink. Is that hard for you?" in shown(app, "#question")
        await answer_outcomes(pilot, "assessment.adult.",
                              {"hygiene": (0, "help"), "toilet": (1, "longer")})
        assert question(app) == "assessment.tell"  # the carers' questions do not apply
        said = chat_text(app)
        assert "Getting ready for the assessment" in said
        assert "(2 of 10): Getting washed and keeping clean, Using the toilet." in said
        assert "two or more of the 10 outcomes" in said
        assert "Only the council decides" in said
        assert "carers" not in said.split("Getting ready for the assessment")[1]
        assert "(2 of 10)" in plan_text(app)
        assert "It takes much longer than for most people" in plan_text(app)
        assert "Eating and drinking: is it hard?" not in plan_text(app)  # a quiet answer

        app.screen.action_export_prep()
        await pilot.pause()
        target = tmp_path / "sheet.md"
        await type_in(pilot, str(target))
        assert isinstance(app.screen, ConversationScreen)
        sheet = target.read_text()
        assert sheet.startswith("# Getting ready for the assessment: Sam")
        assert "#### Getting washed and keeping clean" in sheet
        assert "_In the rules: maintaining personal hygiene._" in sheet
        assert "Bad day for toilet \\<b\\>" in sheet
        assert "Care and Support (Eligibility Criteria) Regulations 2015" in sheet
        assert "How this affects life" in sheet.split("## Still to find out")[1]
        assert is_private(target)


async def test_carer_route_to_its_result(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await start_assessment(pilot, 1)
        assert question(app) == "assessment.carer-health"
        await choose(pilot, 0)  # caring is making their health worse
        await type_in(pilot, "I sleep four hours a night")
        assert question(app) == "assessment.carer.child.hard"
        assert "caring for a child. Does caring make that hard" in shown(app, "#question")
        await answer_outcomes(pilot, "assessment.carer.", {"leisure": (1, "pain")})
        # The carers' route asks three ways, not four: no "much longer".
        assert question(app) == "assessment.tell"
        said = chat_text(app)
        assert "(1 of 8): Time for yourself." in said
        assert "caring may be making your health worse" in said
        assert "one or more of the 8 things" in said
        assert "10 outcomes" not in said
        assert "Only the council decides" in said


async def test_advocacy_helper_to_its_result(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot)
        await to_step(pilot, "advocacy")
        assert question(app) == "advocacy.hard"
        await pick(pilot, "understand")  # understanding is very hard; the others are not
        assert question(app) == "advocacy.someone"
        await choose(pilot, 2)  # no one suitable to help
        assert question(app) == "advocacy.other"
        await pick(pilot, "imha")
        assert question(app) == "advocacy.want"
        said = chat_text(app)
        assert "Asking for an advocate" in said
        assert "the council must find an advocate for you" in said
        assert "Ask the council for one before your next meeting" in said
        assert "IMHA" in said
        assert "Only the council can decide" in said
        assert "entitled" not in said
        assert "Care Act advocate" in plan_text(app)


async def test_tell_me_more_words_and_sources(store: Store) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Advocate Jones")  # a name that is also a glossary word
        await choose(pilot, 1)  # helping Sam, who is here
        await type_in(pilot, "Jo")
        await type_in(pilot, "sister")
        await choose(pilot, 0)
        await to_step(pilot, "advocacy")
        # The step's introduction is said in the chat, just before its first question.
        asked = list(app.screen.query("#chat .journey").results(Static))[-1].content
        marked = {str(asked)[s.start:s.end] for s in asked.spans if "underline" in str(s.style)}
        assert "advocate" in marked  # from the introduction
        assert "Advocate Jones" not in marked and "Advocate" not in marked
        more = app.screen.query_one(MorePanel)
        assert not more.display
        await pilot.press("ctrl+t")
        assert more.display
        assert "28 days or more" in str(more.content)
        # In a helped session the notes for the helper are in their own panel.
        assert "For the person helping" not in str(more.content)
        assert "For the person helping" in str(app.screen.query_one(FacilitatorPanel).content)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ExplainScreen)
        text = str(app.screen.query_one("#explain-text", Static).content)
        assert "advocate: An independent person who helps you speak up" in text
        assert "IMHA" in text  # from "tell me more"
        assert "Care Act 2014, ss.67 and 68 (the law)" in text
        assert "(what many councils do, not the law)" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+t")
        assert not more.display
