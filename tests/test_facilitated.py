"""Facilitated and on-behalf sessions: who said what, sittings, notes and summaries."""

from __future__ import annotations

import pytest

from journey.core.answers import AnswerError
from journey.core.model import Mode, Role
from journey.documents import render
from journey.plan import build
from journey.plan.summary import summarise

from .helpers import start, to_text_question


def entry_for(session, question_id: str):
    return next(e for s in session.plan().sections for e in s.entries
                if e.question == question_id)


def test_the_person_speaks_unless_the_helper_suggests(words, store) -> None:
    session = start(words, store, mode="with")
    said = to_text_question(session)
    session.answer("Going swimming")
    suggested = to_text_question(session)
    session.answer("A quiet morning", suggested=True)

    assert session.journey.answers[said].role is Role.PERSON
    assert session.journey.answers[suggested].by == "Jo"
    assert entry_for(session, said).said_by == "said by Sam"
    assert entry_for(session, suggested).said_by == "suggested by Jo (advocate)"
    assert [a.question for a in session.journey.suggestions()] == [suggested]


def test_the_person_can_make_a_suggestion_their_own(words, store) -> None:
    session = start(words, store, mode="with")
    question = to_text_question(session)
    session.answer("A quiet morning", suggested=True)
    session.confirm(question)
    assert entry_for(session, question).said_by == (
        "suggested by Jo (advocate), agreed by Sam")
    assert session.journey.suggestions() == []
    # A new suggestion to the same question needs agreeing again.
    session.go_to_question(question)
    session.answer("A slow breakfast", suggested=True)
    assert session.journey.suggestions()[0].question == question


def test_a_suggestion_means_nothing_when_the_person_plans_alone(words, store) -> None:
    session = start(words, store, mode="self")
    question = to_text_question(session)
    session.answer("Walking the dog", suggested=True)
    assert session.journey.answers[question].role is Role.PERSON
    assert entry_for(session, question).said_by is None


def test_on_behalf_answers_say_so(words, store) -> None:
    session = start(words, store, mode="behalf")
    question = to_text_question(session)
    session.answer("Music")
    assert entry_for(session, question).said_by == "answered by Jo (advocate)"
    assert session.journey.sittings()[0].present == ("Jo",)


def test_the_plan_can_leave_out_who_said_what(words, store) -> None:
    session = start(words, store, mode="with")
    to_text_question(session)
    session.answer("A quiet morning", suggested=True)
    session.note("Sam laughed a lot today", in_plan=True)
    bare = render.render(build(words, session.journey, attributed=False))
    assert "Jo" not in bare and "advocate" not in bare
    assert "A quiet morning" in bare and "Sam laughed a lot today" in bare
    assert "suggested by Jo" in render.render(session.plan())


def test_each_sitting_records_who_was_there_and_the_mode_can_change(words, store) -> None:
    session = start(words, store, mode="with")
    first = to_text_question(session)
    session.answer("Cooking")
    session.begin_sitting(Mode.SELF, present=["Sam"])
    second = to_text_question(session)
    session.answer("Gardening")
    session.begin_sitting(Mode.WITH, "Ali", "support broker", ["Sam", "Ali", "Mum"])

    journey = store.load(session.journey.id)
    assert journey.mode is Mode.WITH and journey.helper == "Ali"
    assert [(s.mode, s.helper, s.present) for s in journey.sittings()] == [
        (Mode.WITH, "Jo", ("Sam", "Jo")),
        (Mode.SELF, None, ("Sam",)),
        (Mode.WITH, "Ali", ("Sam", "Ali", "Mum")),
    ]
    assert journey.answers[second].role is Role.PERSON
    # Jo keeps her own role on the answers she was there for.
    assert journey.role_of("Jo") == "advocate"
    assert journey.role_of("Ali") == "support broker"
    assert journey.answers[first].by == "Sam"


def test_changing_the_welcome_answers_changes_the_mode_again(words, store) -> None:
    session = start(words, store, mode="with")
    session.begin_sitting(Mode.SELF, present=["Sam"])
    session.go_to("welcome")
    session.answer("Sam")
    session.answer("behalf")
    assert session.journey.mode is Mode.BEHALF


def test_notes_stay_private_until_chosen(words, store) -> None:
    session = start(words, store, mode="with")
    note = session.note("Check <b>hearing</b> before the next visit")
    assert "hearing" not in render.render(session.plan())
    session.share_note(note.id, True)
    shown = render.render(session.plan())
    assert r"Check \<b\>hearing\</b\>" in shown
    session.share_note(note.id, False)
    assert "hearing" not in render.render(session.plan())
    assert [n.text for n in store.load(session.journey.id).notes()] == [
        "Check <b>hearing</b> before the next visit"]


def test_an_empty_note_is_refused_and_nothing_is_saved(words, store) -> None:
    session = start(words, store, mode="with")
    before = len(session.journey.events)
    with pytest.raises(AnswerError):
        session.note("  \x1b[31m ")
    assert len(store.load(session.journey.id).events) == before


def test_the_summary_lists_what_this_sitting_covered_and_changed(words, store) -> None:
    session = start(words, store, mode="with")
    question = to_text_question(session)
    session.answer("Cooking")
    session.note("Old next step", next_step=True)
    session.begin_sitting(Mode.WITH, "Jo", "advocate", ["Sam", "Jo"])
    session.go_to_question(question)
    session.answer("Baking bread", suggested=True)
    session.confirm(question)
    unsure = session.question.id
    session.answer(None, unsure=True)
    session.note("Jo to phone the council by Friday", next_step=True)
    session.note("Private: Sam seemed tired")

    summary = summarise(words, session.journey)
    assert summary.number == 2 and summary.present == ["Sam", "Jo"]
    assert words.step_of(question).title in summary.covered
    change = next(c for c in summary.changes if c.question == question)
    assert (change.before, change.after) == (["Cooking"], ["Baking bread"])
    assert summary.agreed == [words.question(question).label]
    assert words.question(unsure).label in [f.label for f in summary.to_find_out]
    assert summary.next_steps == ["Jo to phone the council by Friday"]
    text = render.render_summary(summary)
    assert "Baking bread" in text and "Old next step" not in text
    assert "Sam seemed tired" not in text
    first = summarise(words, session.journey, 1)
    assert first.next_steps == ["Old next step"]
    assert [c.after for c in first.changes if c.question == question] == [["Cooking"]]


def test_typed_text_in_a_summary_stays_inert(words, store) -> None:
    session = start(words, store, name="{{ 7*7123 }} <script>", mode="with")
    to_text_question(session)
    session.answer("# Heading\x1b[2J {% raw %}")
    text = render.render_summary(summarise(words, session.journey))
    # 7 x 7123 = 49861, a number no time or date in the summary holds.
    assert "49861" not in text and "<script>" not in text and "\x1b" not in text
    assert r"\# Heading" in text


def test_the_summary_leaves_out_the_welcome(words, store) -> None:
    session = start(words, store, mode="with")
    summary = summarise(words, session.journey)
    assert summary.changes == [] and words.welcome.title not in summary.covered


def test_handing_over_keeps_who_said_what_and_notes_unless_left_out(
        words, store, tmp_path) -> None:
    from journey.cli.main import main

    session = start(words, store, mode="with")
    question = to_text_question(session)
    session.answer("Swimming", suggested=True)
    session.confirm(question)
    session.note("Private: ask about transport")
    session.note("Share this one", in_plan=True)
    session.begin_sitting(Mode.WITH, "Ali", "support broker", ["Sam", "Ali"])
    journey_id = session.journey.id
    store.release(journey_id)

    whole, bare = tmp_path / "whole.json", tmp_path / "bare.json"
    assert main(["export", journey_id, "--format", "json", "-o", str(whole)]) == 0
    assert main(["export", journey_id, "--format", "json", "--no-notes", "-o", str(bare)]) == 0
    assert "ask about transport" in whole.read_text()
    assert "ask about transport" not in bare.read_text()

    for path in (whole, bare):
        assert main(["import", str(path)]) == 0
    imported = [store.load(s.id) for s in store.list() if s.id != journey_id]
    assert len(imported) == 2
    for copy in imported:
        answer = copy.answers[question]
        assert (answer.by, answer.role) == ("Jo", Role.FACILITATOR) and copy.confirmed(question)
        assert [s.helper for s in copy.sittings()] == ["Jo", "Ali"]
        assert copy.role_of("Ali") == "support broker"
    with_notes, without = sorted(imported, key=lambda j: len(j.notes()), reverse=True)
    assert [n.text for n in with_notes.notes()] == [
        "Private: ask about transport", "Share this one"]
    assert without.notes() == []
    assert "Share this one" in render.render(build(words, with_notes))
    assert "Share this one" not in render.render(build(words, without))


def test_an_undo_in_a_sitting_shows_as_what_stands_at_its_end(words, store) -> None:
    session = start(words, store, mode="with")
    question = to_text_question(session)
    session.answer("Cooking")
    session.begin_sitting(Mode.WITH, "Jo", "advocate", ["Sam", "Jo"])
    session.go_to_question(question)
    session.answer("Baking")
    session.undo(question)
    assert [c.question for c in summarise(words, session.journey).changes] == []
    session.undo(question)
    change = summarise(words, session.journey).changes[0]
    assert (change.before, change.after) == (["Cooking"], [])


def test_every_way_of_planning_is_named_when_a_journey_is_opened_again(store) -> None:
    """"The same as last time" names the last sitting, whichever way it planned."""
    from journey import content
    from journey.conversation import routes
    from journey.conversation.session import Session

    words = content.default()
    for route in ("alone, without the assessment helper", "with a helper",
                  "on someone's behalf", "for someone who is here and taking part"):
        session = Session(words, store, store.create())
        for _ in range(8):
            question = session.question
            assert question is not None
            session.answer(routes.ROUTES[route].get(question.id,
                                                    routes.ordinary(question, session)))
        again = Session(words, store, store.load(session.journey.id))
        same = again.sitting_options()[0]
        assert "Sam" in same, (route, same)
