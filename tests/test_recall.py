"""Asked once: a later step that needs a fact shows what was said, and offers to change it,
rather than asking again. In the app F7 (or the button) goes to the earlier question and
comes back; in the plain lines the word is "change"."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from journey.store.database import Store
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.keys import KeysScreen

from .examples import walk
from .test_circle import at_question
from .test_plain import Person, converse
from .test_tui import opened, question, shown

SIZES = [(120, 40), (80, 24)]


def test_the_earlier_answer_is_shown_only_while_it_counts(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "circle.planning": ["Ruth"],
                                  "personal-budget.managed": "council-managed"})
    recalled = session.recalled(words.question("brokerage.want"))
    assert recalled is not None and recalled.lines == ["Ruth"]
    assert session.recall_line(recalled) == (
        "You said before, in Circle of support. Who helps with planning: Ruth")
    # Paying a helper was not asked in step 3 (no direct payment): nothing to show.
    assert session.recalled(words.question("options.kinds")) is None
    # A question with nothing to recall, and one whose earlier question has no answer yet.
    assert session.recalled(words.question("brokerage.hardest")) is None
    recalled = session.recalled(words.question("planning.risks"))
    assert recalled is not None and recalled.lines == []
    assert "Not answered yet" in session.recall_line(recalled)


def test_every_later_step_shows_the_facts_it_once_asked_again(words) -> None:
    """The facts the issue found asked two to four times are each asked once, and shown
    where a later step needs them."""
    recalls = {q.id: q.recall for s in words.all_steps for q in s.questions if q.recall}
    assert recalls["brokerage.want"] == "circle.planning"  # who helps with planning
    assert recalls["options.kinds"] == "personal-budget.employ-pa"  # employing a helper
    assert recalls["dreams.important"] == recalls["happen.working-well"] == "rights.hopes"
    assert recalls["connections.with-others"] == "dreams.love"  # loves and interests
    assert recalls["planning.risks"] == "dreams.keep-well"  # what keeps the person safe
    assert recalls["planning.backup"] == "circle.would-call"  # who steps in
    for gone in ("dreams.hopes", "dreams.change", "personal-budget.spend-on",
                 "connections.interests", "brokerage.helps-now", "planning.decisions",
                 "assessment.not-working", "planning.prevention-plan", "planning.stay-safe",
                 "planning.backup-people", "options.tried", "happen.who",
                 "planning.risks-chosen", "dreams.good-day"):
        assert words.find(gone) is None, gone


# Each reminder and why it belongs with its question: what was said before is about what is
# being asked. A reminder added, changed or taken away is read against its question here.
ABOUT_THE_QUESTION = {
    # the rough figure is worked out from the needs the council found eligible
    "personal-budget.known": "assessment.eligible-needs",
    # a broker is one more person to help with planning
    "brokerage.want": "circle.planning",
    # the person on the list is the one named as paid just before
    "personal-budget.family-second-look": "personal-budget.family-relation",
    # what matters most, ideas for the help wanted, and knowing it works: all are the hopes
    "dreams.important": "rights.hopes",
    "options.ideas": "rights.hopes",
    "happen.working-well": "rights.hopes",
    # a personal assistant is one of the kinds of support offered
    "options.kinds": "personal-budget.employ-pa",
    # things to do with others start from what the person loves doing
    "connections.with-others": "dreams.love",
    # whoever runs the money often organises the support
    "planning.organise": "personal-budget.money-person",
    # the risks are to what keeps the person healthy and safe
    "planning.risks": "dreams.keep-well",
    # whoever they would call can often step in
    "planning.backup": "circle.would-call",
}


def test_each_reminder_is_about_its_question(words) -> None:
    recalls = {q.id: q.recall for s in words.all_steps for q in s.questions if q.recall}
    assert recalls == ABOUT_THE_QUESTION


@pytest.mark.parametrize("example", ["mia", "gareth", "edna", "ryan"])
def test_the_reminders_met_on_a_whole_journey_are_the_ones_each_question_names(
        words, store: Store, example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Going through a whole example journey, the reminder shown with each question is the
    earlier answer its own content names, and no question shows one it does not name."""
    from journey.conversation.session import Session

    from . import examples

    met: dict[str, str | None] = {}
    answer = Session.answer

    def noting(session: Session, *args: object, **kwargs: object) -> object:
        question = session.question
        assert question is not None
        recalled = session.recalled(question)
        met[question.id] = None if recalled is None else session.recall_line(recalled)
        return answer(session, *args, **kwargs)

    monkeypatch.setattr(Session, "answer", noting)
    getattr(examples, example)(words, store)
    assert len(met) > 40
    shown = {qid: line for qid, line in met.items() if line is not None}
    assert shown, "a whole journey meets some reminders"
    for qid, line in met.items():
        named = words.question(qid).recall
        if line is None:
            continue
        assert named == ABOUT_THE_QUESTION[qid], qid
        earlier = words.question(named)
        step = words.step_of(named).title
        assert line.startswith(words.message("recall_said", step=step, label=earlier.label,
                                             answer="")), (qid, line)


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_f7_changes_the_earlier_answer_and_comes_back(words, store: Store, size) -> None:
    app = at_question(words, store, {"circle.planning": ["Ruth"]}, "brokerage.want")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        said = shown(app, "#recall")
        assert "You said before, in Circle of support. Who helps with planning: Ruth" in said
        assert "press f7" in said
        assert app.screen.query_one("#change-earlier", Button).display
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        assert "Change earlier answer" in str(app.screen.query_one("#keys-list Static").content)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert question(app) == "circle.planning"
        assert app.focused.id == "item"
        await pilot.press(*"Kim", "enter")
        await pilot.pause()
        await pilot.press("enter")  # an empty line: the list is done
        await pilot.pause()
        assert question(app) == "brokerage.want"  # back where they were, not on to step 6
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        assert screen.session.journey.value("circle.planning") == ["Ruth", "Kim"]
        assert "Who helps with planning: Ruth; Kim" in shown(app, "#recall")
        chat = "\n".join(str(m.content) for m in app.screen.query("#chat Static"))
        assert words.message("recall_changed") in chat


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_no_earlier_answer_no_f7(words, store: Store, size) -> None:
    app = at_question(words, store, {}, "brokerage.hardest")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert not app.screen.query_one("#recall").display
        assert not app.screen.query_one("#change-earlier").display
        await pilot.press("f7")
        await pilot.pause()
        assert question(app) == "brokerage.hardest"


def test_change_in_plain_lines(words, store: Store) -> None:
    script = {"welcome.name": ["Sam"], "welcome.mode": ["1"],
              # The second time, the list is asked again with Ruth on it; Kim is added.
              "circle.planning": ["Ruth", "", "Kim", ""], "brokerage.hardest": ["Forms", ""],
              # At the broker question: change who helps plan, then answer it.
              "brokerage.want": ["change", "3"]}
    out = converse(store, words, Person(script, stop="brokerage.pay"))
    assert "You said before, in Circle of support. Who helps with planning: Ruth" in out
    assert words.message("plain_recall_hint") in out
    assert words.message("recall_changed") in out
    assert "Who helps with planning: Ruth; Kim" in out  # shown again, as it is now
    (summary,) = store.list()
    journey = store.load(summary.id)
    assert journey.value("circle.planning") == ["Ruth", "Kim"]
    assert journey.value("brokerage.want") == "no"


def test_plain_picks_from_the_circle_and_adds_someone_else(words, store: Store) -> None:
    script = {"welcome.name": ["Sam"], "welcome.mode": ["1"],
              "circle.people": ["Ruth", "sister", "1", "", ""],
              "circle.knows-best": ["7", "ruth"],  # a number too big, then her name
              "circle.would-call": ["Tom", "brother", "2"]}
    out = converse(store, words, Person(script, stop="circle.unpaid-carer"))
    assert "1. Ruth (sister)\n2. Someone else" in out
    assert words.message("plain_pick_hint") in out
    (summary,) = store.list()
    journey = store.load(summary.id)
    assert journey.value("circle.knows-best") == {"name": "Ruth", "relation": "sister"}
    assert journey.value("circle.would-call") == {"name": "Tom", "relation": "brother"}
    assert journey.value("circle.people")[-1] == {
        "name": "Tom", "relation": "brother", "ring": "friends", "helps": ""}


async def test_f7_on_a_detour_from_the_map_comes_back_then_the_detour_carries_on(
        words, store: Store) -> None:
    app = at_question(words, store, {"circle.planning": ["Ruth"]}, "rights.hopes")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*["down"] * 6, "enter")  # from step 1 to step 7, on the map
        await pilot.pause()
        assert question(app) == "brokerage.hardest"
        await pilot.press(*"Forms", "enter", "enter")
        await pilot.pause()
        assert question(app) == "brokerage.want"
        await pilot.press("f7", *"Kim", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert question(app) == "brokerage.want"  # back here, where F7 was pressed
        await pilot.press("down", "down", "enter")  # no broker: the step is done
        await pilot.pause()
        assert question(app) == "rights.hopes"  # and back where the map was opened
