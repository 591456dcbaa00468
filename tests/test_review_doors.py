"""A review typed through the front doors: the app (at 120x40, 80x24 and 60x18), the plain
lines and the command line; the start screen and `journey list` say when a review is due."""

from __future__ import annotations

import io

import pytest
from textual.widgets import OptionList, Static

from journey.cli.main import main
from journey.core.model import ReviewBegun, ReviewEnded
from journey.plain import conversation as plain
from journey.plan.review import records
from journey.tui.app import JourneyApp
from journey.tui.keys import KeyBar
from journey.tui.screens.review import ReviewKindScreen, ReviewScreen
from journey.tui.screens.start import StartScreen

from .examples import gareth
from .helpers import start
from .test_plain import Person
from .test_tui import opened

SIZES = [(120, 40), (80, 24), (60, 18)]


def planned(words, store):
    """Gareth's agreed plan, let go so a window can take it."""
    session = gareth(words, store)
    store.release(session.journey.id)
    return session.journey


def on_review(app: JourneyApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen), screen
    return screen


async def through(pilot, keys_for: dict[str, list[str]]) -> list[str]:
    """Answer each review question with its keys (Enter alone when not named), until the
    review is finished. Returns the questions met."""
    met = []
    for _ in range(60):
        screen = on_review(pilot.app)
        question = screen.session.question
        if question is None:
            return met
        met.append(question.id)
        await pilot.press(*keys_for.get(question.id, ["ctrl+n"]))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    raise AssertionError(f"never finished: {met}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_light_check_typed_through_the_app(words, store, size) -> None:
    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id), review="")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # Wrong things first: escape from the kind of review asks nothing and begins none.
        assert isinstance(app.screen, ReviewKindScreen)
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0  # the light check is the one due
        await pilot.press("enter")
        await opened(pilot)
        screen = on_review(app)
        assert screen.session.question is not None
        assert screen.session.question.id == "review.progress"
        bar = str(app.screen.query_one(KeyBar).content)
        assert "Journey map" not in bar and "Skip step" not in bar
        await pilot.press("ctrl+g", "ctrl+l")  # no map, no skipping: still here
        await pilot.pause()
        assert on_review(app).session.question.id == "review.progress"
        met = await through(pilot, {
            "review.progress": ["enter", "down", "down", "enter"],
            "review.progress-words": [*"Going out more", "enter"],
            "review.working": [*"Jo is on time", "enter", "enter"],
        })
        assert "review.money-spent" not in met  # not asked in a light check
        text = str(app.screen.query_one("#question", Static).content)
        assert "review is finished" in text
    again = store.load(journey.id)
    [record] = records(words, again)
    assert record.kind == "light" and record.ended is not None
    assert [r.mark for r in record.progress] == ["better", "worse"]
    assert record.views[0].working == ["Jo is on time"]
    assert record.progress_words == "Going out more"


async def test_escape_from_the_kind_of_review_begins_none(words, store) -> None:
    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id), review="")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert store.load(journey.id).open_review() is None


async def test_a_review_stopped_in_the_app_carries_on_where_it_stopped(words, store) -> None:
    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id), review="yearly")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("enter", "enter")  # both outcomes: better
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        assert on_review(app).session.question.id == "review.progress-words"
        await pilot.press(*"Half way", "ctrl+q")
        await pilot.pause()
    later = JourneyApp(store, journey=store.load(journey.id), review="")
    async with later.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = on_review(later)
        assert screen.session.question.id == "review.progress-words"
        assert screen.session.journey.open_review().reason == "yearly"
    kinds = [type(e) for e in store.load(journey.id).events]
    assert kinds.count(ReviewBegun) == 1 and ReviewEnded not in kinds


async def test_the_start_screen_says_when_a_review_is_due_and_begins_one(words, store) -> None:
    journey = planned(words, store)
    start(words, store, name="Ann")  # a journey with no plan: no date, and no review
    app = JourneyApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index(journey.id)
        await pilot.pause()
        due = str(app.screen.query_one("#start-due", Static).content)
        assert due.startswith("Gareth: First check due between")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ReviewKindScreen)
        await pilot.press("down", "enter")
        await opened(pilot)
        assert on_review(app).session.journey.open_review().reason == "yearly"


def test_a_review_in_plain_lines(words, store) -> None:
    journey = planned(words, store)
    person = Person({"review.progress": ["9", "1", "better"],
                     "review.working": ["The quiz", ""],
                     "review.reassessment": ["2"]},
                    finish=[], opening=["", ""])
    out = io.StringIO()
    original = plain.Plain.__init__

    def keep(self, *args, **kw) -> None:
        original(self, *args, **kw)
        person.conversation = self

    plain.Plain.__init__ = keep
    try:
        code = plain.run(store, journey.id, inp=person, out=out, words=words, review="")
    finally:
        plain.Plain.__init__ = original
    assert code == 0
    said = out.getvalue()
    assert "What kind of review is this?" in said
    assert "1 of 2: More friends" in said and "2 of 2:" in said
    assert "review is finished" in said
    [record] = records(words, store.load(journey.id))
    assert record.kind == "light"  # the one due, an empty line
    assert [r.mark for r in record.progress] == ["better", "better"]
    assert record.reassessment == "asked"
    assert record.views[0].working == ["The quiz"]


def test_journey_review_needs_a_journey_with_a_plan(words, store, capsys) -> None:
    session = start(words, store, name="Ann")
    store.release(session.journey.id)
    assert main(["review", session.journey.id, "--plain"]) == 1
    assert "no plan to review yet" in capsys.readouterr().err
    assert main(["review", "nosuchid"]) == 1
    with pytest.raises(SystemExit) as stopped:
        main(["review", session.journey.id, "--kind", "weekly"])
    assert stopped.value.code == 2


def test_journey_list_says_when_each_review_is_due(words, store, capsys) -> None:
    journey = planned(words, store)
    start(words, store, name="Ann")
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert header.rstrip().endswith("Review due")
    gareths = next(r for r in rows if r.startswith(journey.id))
    assert "First check due between" in gareths
    assert "due" not in next(r for r in rows if "Ann" in r)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_yearly_review_with_a_new_budget_typed_through_the_app_and_exported(
        words, store, size, tmp_path, capsys) -> None:
    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id), review="")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the yearly review
        await opened(pilot)
        met = await through(pilot, {
            "review.progress": ["enter", "down", "down", "down", "enter"],
            "review.working": [*"The rugby club", "enter", "enter"],
            "review.others": ["down", "space", "enter"],  # the council
            "review.council-not-working": [*"Three hours is too few", "enter", "enter"],
            "review.money-right": ["down", "enter"],
            "review.change-budget": ["enter"],  # yes
            "personal-budget.amount": ["ctrl+u", *"4200 a year", "enter"],
            "review.changed": ["down", "down", "down", "down", "space", "enter"],  # money
            "review.reassessment": ["enter"],  # done already
        })
        assert met.index("personal-budget.amount") == met.index("review.change-budget") + 1
    reviewed = store.load(journey.id)
    assert reviewed.value("personal-budget.amount") == {"amount": "4200.00", "period": "year"}
    assert [v.number for v in reviewed.versions()] == [1, 2]
    [record] = records(words, reviewed)
    assert record.version == 2 and record.kind == "yearly"
    assert ("The council: not working", "Three hours is too few") in [
        (f"{v.who}: not working", "; ".join(v.not_working)) for v in record.views
        if v.not_working]
    assert main(["export", journey.id, "--review", "1", "--format", "txt"]) == 0
    text = capsys.readouterr().out
    assert "Before: £3,600.00. Now: £4,200.00." in text
    assert "Something to do on Saturdays: Done: Gareth has got there" in text
    out = tmp_path / "review.docx"
    assert main(["export", journey.id, "--review", "1", "--format", "docx", "-o",
                 str(out)]) == 0
    # And compared: the version the review made, set against the plan it reviewed.
    assert main(["compare", journey.id, "1", "2", "--format", "txt"]) == 0
    compared = capsys.readouterr().out
    assert "£3,600.00 a year" in compared and "£4,200.00 a year" in compared


async def test_a_review_after_the_carer_can_no_longer_care_typed_through_the_app(
        words, store) -> None:
    from .examples import edna

    session = edna(words, store)
    store.release(session.journey.id)
    app = JourneyApp(store, journey=store.load(session.journey.id), review="change")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        met = await through(pilot, {
            "review.changed": ["down", "down", "space", "enter"],  # a carer cannot do as much
            "review.changed-words": [*"Carol has had an operation", "enter"],
            "review.carer-able": ["down", "down", "enter"],  # cannot care now
            "review.reassessment": ["down", "enter"],  # asks for one
        })
        assert met.index("review.carer-able") == met.index("review.changed-words") + 1
    [record] = records(words, store.load(session.journey.id))
    assert record.kind == "change" and record.reassessment == "asked"
    assert record.carer == "No, they cannot care now"


def test_review_typed_in_the_plain_lines_reviews_the_plan_there(words, store) -> None:
    journey = planned(words, store)
    person = Person({"review.progress": ["better", "2"],
                     "review.not-working": ["Match days are long", ""]},
                    finish=["nonsense", "review", ""], opening=[""])
    out = io.StringIO()
    original = plain.Plain.__init__

    def keep(self, *args, **kw) -> None:
        original(self, *args, **kw)
        person.conversation = self

    plain.Plain.__init__ = keep
    try:
        assert plain.run(store, journey.id, inp=person, out=out, words=words) == 0
    finally:
        plain.Plain.__init__ = original
    said = out.getvalue()
    assert "Type plan, save, map, review or quit." in said  # after the wrong line
    assert "What kind of review is this?" in said
    [record] = records(words, store.load(journey.id))
    assert record.kind == "light" and record.ended is not None
    assert [r.mark for r in record.progress] == ["better", "same"]
    assert record.views[0].not_working == ["Match days are long"]


def test_review_typed_before_there_is_a_plan_says_so(words, store) -> None:
    session = start(words, store, name="Ann")
    store.release(session.journey.id)
    person = Person({}, opening=[""], stop="rights.why-now")
    person.script["rights.hopes"] = ["review", "To go out more"]
    out = io.StringIO()
    original = plain.Plain.__init__

    def keep(self, *args, **kw) -> None:
        original(self, *args, **kw)
        person.conversation = self

    plain.Plain.__init__ = keep
    try:
        plain.run(store, session.journey.id, inp=person, out=out, words=words)
    finally:
        plain.Plain.__init__ = original
    assert "There is no plan to review yet." in out.getvalue()
    assert store.load(session.journey.id).open_review() is None


async def test_review_plan_at_the_end_of_the_journey_opens_the_review(words, store) -> None:
    from journey.tui.screens.conversation import ConversationScreen

    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id))
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert type(app.screen) is ConversationScreen
        assert app.screen.session.question is None  # the end of the journey
        await pilot.click("#review-plan")
        await pilot.pause()
        assert isinstance(app.screen, ReviewKindScreen)
        await pilot.press("escape")  # no review after all: back to the journey
        await pilot.pause()
        assert type(app.screen) is ConversationScreen
        assert store.load(journey.id).open_review() is None
        await pilot.click("#review-plan")
        await pilot.pause()
        await pilot.press("enter")
        await opened(pilot)
        screen = on_review(app)
        assert screen.session.question.id == "review.progress"
        assert not screen.query_one("#review-plan").display  # not from inside a review
        await pilot.press("enter", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert store.load(journey.id).value("review.progress") is not None


async def test_the_review_is_saved_as_a_file_from_the_app(words, store, tmp_path) -> None:
    from textual.widgets import Input

    from journey.tui.screens.review import ReviewSaveScreen

    journey = planned(words, store)
    app = JourneyApp(store, journey=store.load(journey.id), review="light")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await through(pilot, {"review.working": [*"The quiz", "enter", "enter"]})
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSaveScreen)
        path = app.screen.query_one("#review-path", Input)
        assert path.value.endswith(f"review-1-{journey.id}.docx")
        # Wrong things first: a folder is not a file, and the dialog says so.
        path.value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSaveScreen)
        assert "could not save" in str(app.screen.query_one("#export-error", Static).content)
        path.value = str(tmp_path / "review.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert (tmp_path / "review.docx").read_bytes()[:2] == b"PK"


def test_journey_list_says_when_reviews_are_due_without_the_plan_or_a_screen(
        words, store, journey_home) -> None:
    from .test_cli_imports import imported, packages

    planned(words, store)
    store.close()
    imported("list", home=journey_home)  # the first run checks the content and keeps it
    modules = imported("list", home=journey_home)
    assert "journey.core.due" in modules  # an agreed plan: its review date was worked out
    assert not {m for m in modules if m.startswith(("journey.plan", "journey.tui",
                                                    "journey.documents"))}
    assert not packages(modules) & {"textual", "jinja2", "docx", "transitions"}


async def test_a_journey_open_elsewhere_begins_no_review(words, store, journey_home) -> None:
    from journey.store.database import Store

    journey = planned(words, store)
    other = Store(journey_home)
    other.lock(journey.id)  # another window has it
    try:
        app = JourneyApp(store, journey=store.load(journey.id), review="yearly")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = on_review(app)
            assert screen.session.read_only is not None
            assert "no review can begin here" in str(
                screen.query_one("#question", Static).content)
    finally:
        other.close()
    assert store.load(journey.id).open_review() is None
