"""The review of a plan: its questions as content, walked through the session, every answer
saved as it is given, carried on where it stopped, and a second review starting blank."""

from __future__ import annotations

from pathlib import Path

import pytest

from journey.content import ContentError, Kind, load
from journey.conversation.review import ReviewSession, start
from journey.conversation.session import Session
from journey.core import fit
from journey.core.model import ReviewBegun, ReviewEnded, Versioned
from journey.store.database import Store

from .examples import gareth

CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_the_review_questions_are_content_outside_the_twelve_steps(words) -> None:
    review = words.review
    assert review is not None
    assert review not in words.all_steps
    assert words.step_of("review.progress") is review
    assert [k.value for k in review.kinds] == ["light", "yearly", "change", "asked"]
    progress = words.question("review.progress")
    assert progress.kind is Kind.RATINGS and progress.rates == "outcomes"
    assert [c.value for c in progress.choices] == ["better", "same", "worse", "met"]
    assert words.question("review.reassessment").kind is Kind.CHOICE
    assert {c.value for c in words.question("review.reassessment").choices} == {
        "done", "asked", "no"}
    assert words.question("review.actions").kind is words.question("happen.first-steps").kind


def test_every_review_question_that_states_the_law_cites_a_source(words) -> None:
    review = words.review
    assert review is not None
    assert {"review", "review-guidance"} <= set(review.sources)
    known = {s.id for s in words.sources}
    for question in review.questions:
        assert set(question.sources) <= known
    assert "carer-able-willing" in words.question("review.carer-able").sources


@pytest.mark.parametrize(("change", "error"), [
    ('id = "review"', "review.toml"),
    ('kind = "ratings"\nrates = "outcomes"', "rates"),
    ('question = "planning.outcomes"', "not a plan question"),
])
def test_review_content_that_is_wrong_is_refused_on_load(tmp_path, monkeypatch, change,
                                                         error) -> None:
    import shutil

    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    path = root / "review.toml"
    text = path.read_text()
    if change.startswith("id"):
        text = text.replace('id = "review.actions"', 'id = "actions"')
    elif change.startswith("kind"):
        text = text.replace(change, 'kind = "ratings"')
    else:
        text = text.replace(change, 'question = "review.working"')
    path.write_text(text)
    monkeypatch.setenv("JOURNEY_CACHE", str(tmp_path / "cache"))
    with pytest.raises((ContentError, ValueError)) as caught:
        load(root)
    assert error in str(caught.value) or "review" in str(caught.value)


def test_a_ratings_answer_fits_only_as_things_each_given_one_of_the_marks(words) -> None:
    question = words.question("review.progress")
    assert fit.fits(question, {"See my friends": "better", "Sleep": "met"})
    assert fit.fits(question, {})
    for wrong in (["better"], {"Sleep": "fine"}, {"": "better"}, {"Sleep": 1}, "better"):
        assert not fit.fits(question, wrong)


def walk_review(session: ReviewSession, answers: dict) -> list[str]:
    asked = []
    while not session.finished:
        question = session.question
        assert question is not None
        asked.append(question.id)
        if question.id in answers:
            session.answer(answers[question.id])
        else:
            session.next()
    return asked


def test_a_review_begins_after_keeping_the_plan_and_ends_with_its_record(words, store) -> None:
    plan = gareth(words, store)
    journey = plan.journey
    session = start(words, store, journey, "yearly")
    kinds = [type(e) for e in journey.events[-3:]]
    assert kinds[:2] == [Versioned, ReviewBegun]
    assert session.question is not None and session.question.id == "review.progress"
    outcomes = plan.snapshot().live["planning.outcomes"]
    asked = walk_review(session, {
        "review.progress": {outcomes[0]: "better"},
        "review.working": ["My broker answers the phone"],
        "review.reassessment": "no",
    })
    assert "review.money-spent" in asked and "planning.outcomes" not in asked
    assert isinstance(journey.events[-2], ReviewEnded) or isinstance(
        journey.events[-1], ReviewEnded)
    # Nothing in the plan changed: no new version.
    assert [v.number for v in journey.versions()] == [1]
    again = store.load(journey.id)
    assert again.open_review() is None
    assert [type(e) for e in again.events] == [type(e) for e in journey.events]


def test_a_light_check_asks_fewer_questions_than_a_yearly_review(words, store) -> None:
    counted = {}
    for kind in ("light", "yearly"):
        plan = gareth(words, store)
        counted[kind] = len(walk_review(start(words, store, plan.journey, kind), {}))
    assert counted["light"] < counted["yearly"]


def test_the_plan_changes_only_when_the_person_says_so(words, store) -> None:
    plan = gareth(words, store)
    journey = plan.journey
    before = journey.value("planning.outcomes")
    session = start(words, store, journey, "change")
    asked = walk_review(session, {"review.change-outcomes": "yes",
                                  "planning.outcomes": ["Go to the football"]})
    assert asked.index("planning.outcomes") == asked.index("review.change-outcomes") + 1
    assert journey.value("planning.outcomes") == ["Go to the football"] != before
    versions = journey.versions()
    assert [v.number for v in versions] == [1, 2]
    assert versions[-1].review == next(e.id for e in journey.events
                                       if isinstance(e, ReviewBegun))
    first = journey.at_version(1)
    assert first is not None and first.value("planning.outcomes") == before


def test_a_review_stopped_half_way_carries_on_where_it_stopped(words, store,
                                                                 journey_home) -> None:
    plan = gareth(words, store)
    session = start(words, store, plan.journey, "yearly")
    session.answer({"Anything": "same"})
    session.answer(None, unsure=True)
    session.back()
    where = session.question
    assert where is not None
    later = Store(journey_home)
    journey = later.load(plan.journey.id)
    again = start(words, later, journey)
    assert again.question == where
    assert journey.value("review.progress") == {"Anything": "same"}
    # The journey itself reopens where it was, not inside the review.
    assert Session(words, later, journey).flow.state != "review"
    later.close()


def test_a_second_review_starts_with_blank_answers(words, store) -> None:
    plan = gareth(words, store)
    journey = plan.journey
    walk_review(start(words, store, journey, "light"),
                {"review.working": ["The helper"], "review.reassessment": "asked"})
    assert journey.value("review.reassessment") == "asked"
    second = start(words, store, journey)
    assert journey.open_review() is not None and journey.open_review().reason == "yearly"
    assert journey.value("review.reassessment") is None
    assert journey.value("review.working") is None
    assert second.question is not None and second.question.id == "review.progress"
    again = store.load(journey.id)
    assert again.value("review.working") is None


# -- the record ------------------------------------------------------------------------

def yearly_with_a_new_budget(words, store):
    plan = gareth(words, store)
    journey = plan.journey
    outcomes = plan.snapshot().live["planning.outcomes"]
    walk_review(start(words, store, journey, "yearly"), {
        "review.progress": {outcomes[0]: "better", outcomes[-1]: "worse"},
        "review.working": ["My broker <b>answers</b> the phone"],
        "review.not-working": ["Weekends are long"],
        "review.helper-working": ["Gareth goes out more"],
        "review.changed": ["money"],
        "review.change-budget": "yes",
        "personal-budget.amount": {"amount": "350", "period": "week"},
        "review.money-spent": {"amount": "300", "period": "week"},
        "review.reassessment": "asked",
        "review.actions": [{"what": "Ask for a new look at needs", "who": "Gareth",
                            "by": "2027-01-10", "status": "to-do"}],
    })
    return journey, outcomes


def test_the_record_says_what_the_review_found_and_who_said_it(words, store) -> None:
    from journey.plan.review import records

    journey, outcomes = yearly_with_a_new_budget(words, store)
    [record] = records(words, journey)
    assert record.number == 1 and record.kind == "yearly" and record.ended is not None
    assert [(r.thing, r.mark) for r in record.progress] == [(outcomes[0], "better"),
                                                           (outcomes[-1], "worse")]
    assert record.views[0].who == "Gareth"
    assert record.views[0].working == ["My broker <b>answers</b> the phone"]
    helper = record.views[1]
    assert helper.who.startswith("Jo") and helper.working == ["Gareth goes out more"]
    assert record.reassessment == "asked"
    assert [c.label for c in record.plan_changes] == [
        words.question("personal-budget.amount").label]
    assert record.version == 2 and record.action_items[0]["who"] == "Gareth"
    assert "Gareth" in record.took_part[0]


def test_a_stored_review_of_the_wrong_shape_is_named_never_trusted(words, store) -> None:
    from journey.core.model import Answered, Role
    from journey.plan.review import records

    plan = gareth(words, store)
    journey = plan.journey
    store.record(journey, ReviewBegun(reason="fortnightly", by="Gareth"))
    store.record(journey, Answered(question="review.progress", value=["better"],
                                   by="Gareth", role=Role.PERSON))
    store.record(journey, Answered(question="review.reassessment", value="maybe",
                                   by="Gareth", role=Role.PERSON))
    [record] = records(words, store.load(journey.id))
    assert record.kind is None and record.progress == [] and record.reassessment is None
    assert len(record.unreadable) == 3
    assert record.ended is None


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "docx"])
def test_the_record_is_saved_in_each_format_with_typed_text_inert(words, store, fmt) -> None:
    from journey.documents.review import render
    from journey.plan.review import records

    journey, outcomes = yearly_with_a_new_budget(words, store)
    data = render(words, records(words, journey)[0], fmt)
    assert render(words, records(words, journey)[0], fmt) == data  # the same bytes
    if fmt == "docx":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            body = docx.read("word/document.xml").decode()
        assert "&lt;b&gt;answers&lt;/b&gt;" in body and outcomes[-1] in body
        return
    text = data.decode()
    assert outcomes[0] in text and "Version 2" in text and "Ask for a new look" in text
    assert {"md": "\\<b\\>answers", "txt": "<b>answers</b>",
            "html": "&lt;b&gt;answers&lt;/b&gt;"}[fmt] in text
    assert "Care and Support Statutory Guidance" in text  # the no-cut rule's source


def test_journey_export_writes_a_review_record(words, store, tmp_path, capsys) -> None:
    from journey.cli.main import main

    journey, _ = yearly_with_a_new_budget(words, store)
    assert main(["export", journey.id, "--review", "2"]) == 1
    assert "no review 2" in capsys.readouterr().err
    assert main(["export", journey.id, "--review", "1", "--format", "easy-html"]) == 1
    assert "md, txt, html, docx" in capsys.readouterr().err
    assert main(["export", journey.id, "--review", "1", "--format", "docx"]) == 1
    assert main(["export", journey.id, "--review", "1"]) == 0
    assert "# Review of the plan: Gareth" in capsys.readouterr().out
    out = tmp_path / "review.docx"
    assert main(["export", journey.id, "--review", "1", "--format", "docx", "-o",
                 str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"


# -- the examples, and how many questions a review asks --------------------------------

SHIPPED = Path(__file__).resolve().parents[1] / "content" / "examples"


@pytest.mark.parametrize(("name", "kind"), [("mia", "light"), ("gareth", "yearly"),
                                            ("edna", "change"), ("ryan", "asked")])
def test_each_shipped_example_has_one_finished_review(words, name, kind) -> None:
    from journey.core import progress
    from journey.plan.review import records
    from journey.store import interchange

    [saved] = interchange.read(SHIPPED / f"{name}.json")
    journey = saved.journey
    [record] = records(words, journey)
    assert record.kind == kind and record.ended is not None and not record.unreadable
    assert journey.open_review() is None
    assert progress.percent_done(words, journey) == 100
    assert record.progress and record.actions
    if name == "gareth":  # the yearly review with a changed budget: version 2 has it
        assert record.version == 2
        assert [c.label for c in record.plan_changes] == [
            words.question("personal-budget.amount").label]
        first = journey.at_version(1)
        assert first is not None
        assert first.value("personal-budget.amount") != journey.value("personal-budget.amount")
    if name == "edna":  # after her carer can no longer care
        assert record.carer and "carer" in " ".join(record.changed).lower()
        assert record.reassessment == "asked"


def test_a_light_check_asks_ten_questions_and_a_yearly_review_fourteen_to_sixteen(
        words, store) -> None:
    from journey.conversation.review import ORDINARY, questions_met

    from .examples import mia

    counted = {}
    for kind in ("light", "yearly"):
        plan = gareth(words, store)
        counted[("gareth", kind)] = len(questions_met(start(words, store, plan.journey, kind),
                                                      ORDINARY))
        plan = mia(words, store)
        counted[("mia", kind)] = len(questions_met(start(words, store, plan.journey, kind),
                                                   ORDINARY))
    assert counted == {("gareth", "light"): 10, ("mia", "light"): 10,
                       ("gareth", "yearly"): 16, ("mia", "yearly"): 14}


def test_a_review_is_ended_only_by_an_end_that_names_it(words, store) -> None:
    plan = gareth(words, store)
    journey = plan.journey
    session = start(words, store, journey, "light")
    begun = journey.open_review()
    assert begun is not None
    store.record(journey, ReviewEnded(review="someother", by="Gareth"))
    assert journey.open_review() is begun  # a hand-edited end for no such review
    again = start(words, store, journey)
    assert again.question == session.question
    assert [e for e in journey.events if isinstance(e, ReviewBegun)] == [begun]


def test_the_history_in_a_review_is_this_reviews_and_undo_takes_back_an_answer(
        words, store) -> None:
    plan = gareth(words, store)
    journey = plan.journey
    walk_review(start(words, store, journey, "light"), {"review.working": ["The quiz"]})
    second = start(words, store, journey, "yearly")
    assert "review.working" not in second.changed()
    while second.question is not None and second.question.id != "review.working":
        second.next()
    second.answer(["The club"])
    assert second.changed()[0] == "review.working"
    assert [e.value for e in second.history("review.working")] == [["The club"]]
    assert second.undo("review.working")
    assert journey.value("review.working") is None
    from journey.plan.review import records

    first, now = records(words, store.load(journey.id))
    assert first.views[0].working == ["The quiz"] and now.views[0].working == []


def test_the_record_says_who_gave_the_persons_view_when_someone_else_did(words, store) -> None:
    from journey.plan.review import records

    from .examples import edna

    plan = edna(words, store)  # planned for Edna, who is not here, by her daughter Carol
    review = start(words, store, plan.journey, "light")
    while review.question is not None and review.question.id != "review.working":
        review.next()
    review.answer(["The lunch club"])
    walk_review(review, {})
    [record] = records(words, store.load(plan.journey.id))
    assert record.views[0].who == "Edna (answered by Carol (daughter))"

    mine = gareth(words, store)  # Gareth with Jo: Jo suggests, Gareth agrees
    review = start(words, store, mine.journey, "light")
    while review.question is not None and review.question.id != "review.working":
        review.next()
    review.answer(["The quiz"], suggested=True)
    assert records(words, mine.journey)[0].views[0].who == (
        "Gareth (suggested by Jo (support broker))")
    review.confirm("review.working")
    assert records(words, mine.journey)[0].views[0].who == (
        "Gareth (suggested by Jo (support broker), agreed by Gareth)")
