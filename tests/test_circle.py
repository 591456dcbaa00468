"""People are named once, in the circle of support, and picked from it afterwards: who knows
the person best, who helps them take part, who is in charge of the money, who does an action.
Someone else is added as a new person, who joins the circle. Keys are pressed into the
focused widget, at 120x40 and 80x24; answers typed before the picker still open and show."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from journey.cli.main import main
from journey.conversation.session import Session
from journey.core import circle
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.items import ItemForm
from journey.tui.picker import PersonAnswer

from .examples import person, walk
from .test_tui import opened, plan_text, question, shown

SIZES = [(120, 40), (80, 24)]
EXAMPLE = Path(__file__).parent.parent / "content" / "examples" / "mia.json"
CIRCLE = [person("Ruth", "sister", "closest", "Has the boys on Sundays"),
          person("Kim [b]", "friend", "friends")]


def at_question(words, store: Store, answers: dict[str, Any], question_id: str) -> JourneyApp:
    """A journey answered so far, opened in the app at one question."""
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self", **answers})
    session.go_to_question(question_id)
    assert session.question is not None and session.question.id == question_id
    store.release(session.journey.id)
    return JourneyApp(store, journey=store.load(session.journey.id))


def value(app: JourneyApp, question_id: str) -> Any:
    return app.screen.session.journey.value(question_id)


def listed(app: JourneyApp) -> list[str]:
    pick = app.screen.query_one("#pick", OptionList)
    return [str(pick.get_option_at_index(i).prompt) for i in range(pick.option_count)]


# -- the session -------------------------------------------------------------------------------

def test_the_circle_and_the_person_themself_are_offered_once_each(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Ruth", "welcome.mode": "self",
                                  "circle.people": [*CIRCLE, person(" ruth ", "me", "paid")]})
    money = words.question("personal-budget.money-person")
    knows = words.question("circle.knows-best")
    assert [label for _, label in session.candidates(money)] == [
        "Me (Ruth)", "Kim [b] (friend)"]  # the person once, whatever the spaces and capitals
    assert [p for p, _ in session.candidates(knows)] == [
        {"name": "Ruth", "relation": "sister"}, {"name": "Kim [b]", "relation": "friend"}]


def test_someone_new_joins_the_circle_once(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "circle.people": CIRCLE})
    session.go_to_question("circle.knows-best")
    session.answer({"name": "Tom", "relation": "brother"}, joins="friends")
    assert session.journey.value("circle.knows-best") == {"name": "Tom", "relation": "brother"}
    members = session.journey.value("circle.people")
    assert members[-1] == {"name": "Tom", "relation": "brother", "ring": "friends", "helps": ""}
    session.go_to_question("circle.would-call")
    session.answer({"name": "TOM", "relation": "brother"}, joins="closest")
    assert len(session.journey.value("circle.people")) == len(members)  # already there


def test_a_hand_edited_circle_is_passed_by_never_a_crash(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self"})
    for bad in ([{"name": "Jan", "ring": "outer"}], [3], "Jan", [{"name": ""}]):
        assert circle.members(words, _with_circle(session, store, bad)) == []


def _with_circle(session: Session, store: Store, members: Any) -> Any:
    from journey.core.model import Answered, Role

    journey = store.load(session.journey.id)
    journey.events.append(Answered(question="circle.people", value=members, by="Sam",
                                   role=Role.PERSON))
    return journey


# -- the app -----------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_pick_someone_from_the_circle_by_keys(words, store: Store, size) -> None:
    app = at_question(words, store, {"circle.people": CIRCLE}, "circle.knows-best")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert listed(app) == ["Ruth (sister)", "Kim [b] (friend)", "Someone else"]
        assert app.focused.id == "pick"
        assert not app.screen.query_one("#person-new").display  # nothing to type yet
        await pilot.press("down", "enter")
        await pilot.pause()
        assert value(app, "circle.knows-best") == {"name": "Kim [b]", "relation": "friend"}
        assert question(app) == "circle.would-call"
        assert "Kim [b] (friend)" in plan_text(app)  # a name, never markup


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_someone_else_is_typed_and_joins_the_circle(words, store: Store, size) -> None:
    app = at_question(words, store, {"circle.people": CIRCLE}, "circle.would-call")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("end", "enter")  # Someone else
        await pilot.pause()
        assert app.screen.query_one("#person-new").display
        assert app.focused.id == "person-name"
        await pilot.press("enter", "enter", "enter")  # no name: said kindly, nothing saved
        await pilot.pause()
        assert "name" in shown(app, "#error")
        assert app.focused.id == "person-name" and question(app) == "circle.would-call"
        await pilot.press(*"Sue", "enter", *"next door", "enter")
        assert app.focused.id == "person-ring"
        await pilot.press("space", "down", "enter")  # friends and neighbours
        await pilot.pause()
        await pilot.press("enter")  # saves
        await pilot.pause()
        assert value(app, "circle.would-call") == {"name": "Sue", "relation": "next door"}
        assert value(app, "circle.people")[-1] == {
            "name": "Sue", "relation": "next door", "ring": "friends", "helps": ""}
        assert question(app) != "circle.would-call"
        # Later, Sue is there to pick.
        app.screen.session.go_to_question("circle.would-call")
        app.screen.show_question()
        await pilot.pause()
        assert listed(app)[-2:] == ["Sue (next door)", "Someone else"]
        assert app.screen.query_one("#pick", OptionList).highlighted == 2


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_the_money_can_be_the_persons_own_to_look_after(words, store: Store,
                                                               size) -> None:
    app = at_question(words, store, {"personal-budget.managed": "direct-payment"},
                      "personal-budget.money-person")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        # Step 3 comes before the circle: the person, or someone new.
        assert listed(app) == ["Me (Sam)", "Someone else"]
        await pilot.press("enter")
        await pilot.pause()
        assert value(app, "personal-budget.money-person") == {"name": "Sam", "relation": ""}
        assert value(app, "circle.people") is None  # the person is not in their own circle


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_with_nobody_to_pick_the_boxes_show_at_once(words, store: Store, size) -> None:
    app = at_question(words, store, {"brokerage.want": "have"}, "brokerage.who")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert not app.screen.query("#pick")
        assert app.focused.id == "person-name"
        await pilot.press(*"Jo", "enter", *"broker", "enter", "enter")
        await pilot.pause()
        assert value(app, "brokerage.who") == {"name": "Jo", "relation": "broker"}
        assert [m["name"] for m in value(app, "circle.people")] == ["Jo"]


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_who_does_an_action_is_picked_from_the_circle(words, store: Store, size) -> None:
    app = at_question(words, store, {"circle.people": CIRCLE}, "happen.first-steps")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("enter")  # Add
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ItemForm)
        await pilot.press(*"Ring the agency", "enter")
        assert app.focused.id == "item-who"
        assert not form.query_one("#row-who_other").display
        # Not decided, Me, Ruth: chosen, and on to the next box, as in every form.
        await pilot.press("space", "down", "down", "enter")
        await pilot.pause()
        assert app.focused.id == "item-status"
        await pilot.press("enter")  # how far: as it is
        await pilot.press("enter")  # by when: blank; saves
        await pilot.pause()
        assert value(app, "happen.first-steps") == [
            {"what": "Ring the agency", "who": "Ruth", "by": "", "status": "to-do"}]


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_a_name_typed_before_the_picker_still_opens_and_shows(
        words, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture, size) -> None:
    """Mia's journey, with who knows her best typed in as an older version asked it: a
    name that is not in her circle."""
    data = json.loads(EXAMPLE.read_text())
    events = data["journeys"][0]["events"]
    last = events[-1]["at"]
    events += [{"kind": "answer", "at": last, "question": "circle.knows-best",
                "value": {"name": "Auntie Jo", "relation": "aunt"}, "unsure": False,
                "by": "Mia", "role": "person"},
               {"kind": "move", "at": last, "step": "circle", "question": "circle.knows-best"}]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    assert main(["import", str(path)]) == 0
    assert "no longer asks" not in capsys.readouterr().out  # it fits: nothing set aside
    (summary,) = store.list()
    app = JourneyApp(store, journey=store.load(summary.id))
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        assert question(app) == "circle.knows-best"
        assert "Auntie Jo (aunt)" in plan_text(app)
        box = app.screen.query_one(PersonAnswer)
        assert listed(app)[-1] == "Someone else"
        assert app.screen.query_one("#pick", OptionList).highlighted == len(listed(app)) - 1
        assert box.query_one("#person-new").display
        assert box.query_one("#person-name").value == "Auntie Jo"


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
async def test_enter_on_no_name_stays_there_for_the_name(words, store: Store, size) -> None:
    from .test_typing import burst, settle

    app = at_question(words, store, {"circle.people": CIRCLE}, "circle.would-call")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("end", "enter")  # Someone else
        await pilot.pause()
        # Enter before a name is typed: journey asks for the name there, and what is typed
        # next is the name, even typed in one burst with the rest.
        burst(pilot, "enter", *"David", "enter", *"son", "enter", "enter")
        await settle(pilot)
        assert value(app, "circle.would-call") == {"name": "David", "relation": "son"}
