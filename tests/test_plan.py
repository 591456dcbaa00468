"""The plan is derived from the answers, and exports keep typed text inert."""

from __future__ import annotations

from journey.conversation.session import Session, Status
from journey.core.model import Answered
from journey.documents import render
from journey.plan import build

from .helpers import start


def section(plan, section_id: str):
    return next(s for s in plan.sections if s.id == section_id)


def test_plan_grows_from_answers(words, store) -> None:
    session = start(words, store)
    assert session.flow.state == "rights"
    session.answer("Getting out more")
    plan = session.plan()
    assert plan.title == "Support plan for Sam"
    assert [e.lines for e in section(plan, "change").entries] == [["Getting out more"]]
    assert section(plan, "about").entries[0].lines == ["Sam"]


def test_latest_answer_wins_and_nothing_is_lost(words, store) -> None:
    session = start(words, store)
    session.go_to_question("rights.who")
    session.answer("person")
    session.back()
    session.answer("carer")
    assert session.journey.value("rights.who") == "carer"
    kept = [e.value for e in session.journey.events
            if isinstance(e, Answered) and e.question == "rights.who"]
    assert kept == ["person", "carer"]


def test_not_sure_becomes_something_to_find_out(words, store) -> None:
    session = start(words, store)
    session.answer(None, unsure=True)
    plan = session.plan()
    assert [(f.question, f.step) for f in plan.to_find_out] == [("rights.hopes", "Your rights")]
    assert not section(plan, "about").entries[2:]


def test_money_shows_both_periods(words, store) -> None:
    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    assert session.question.id == "personal-budget.amount"
    session.answer({"amount": "250.00", "period": "week"})
    lines = [e.lines for e in section(session.plan(), "budget").entries]
    assert ["£250.00 a week (£13,000.00 a year)"] in lines


def test_facilitated_answers_are_attributed(words, store) -> None:
    session = start(words, store, mode="with")
    assert session.wording(session.question) == words.question("rights.hopes").wording(
        "Sam", about=True)
    session.answer("More time out")
    entry = section(session.plan(), "change").entries[-1]
    assert entry.said_by == "said by Sam"
    behalf = start(words, store, name="Ann", mode="behalf")
    behalf.answer("More time out")
    entry = section(behalf.plan(), "change").entries[-1]
    assert entry.said_by == "answered by Jo (advocate)"


def test_statuses_follow_the_journey(words, store) -> None:
    session = start(words, store)
    assert session.status("rights") is Status.NOT_STARTED
    session.answer("More time out")
    assert session.status("rights") is Status.IN_PROGRESS
    session.skip_step()
    assert session.status("rights") is Status.SKIPPED
    assert session.flow.state == "assessment"
    session.go_to("rights")
    assert session.question.id == "rights.why-now"
    session.answer("I came home from hospital")
    assert session.status("rights") is Status.IN_PROGRESS
    session.answer("person")
    assert session.status("rights") is Status.IN_PROGRESS
    session.answer("adult")  # the age band, asked of everyone
    assert session.status("rights") is Status.DONE
    session.go_to("health-budget")
    session.answer(["none"])
    assert session.status("health-budget") is Status.NOT_NEEDED
    assert session.flow.state == "circle"


def test_health_budget_not_needed_when_step_condition_fails(words, store) -> None:
    session = start(words, store)
    assert session.statuses()["health-budget"] is Status.NOT_STARTED
    assert 0 <= session.percent_done() < 100


def test_markdown_export_keeps_hostile_text_inert(words, store) -> None:
    hostile = "<script>alert(1)</script> {{ 7*7 }} {% raw %} [link](http://x) # heading \x1b[31m"
    session = start(words, store, name="**Bold** {{ name }}")
    session.answer(hostile)
    text = render.render(build(words, session.journey), "md")
    assert "{{ 7\\*7 }}" in text and "{{ name }}" in text
    assert "49" not in text
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert "\x1b" not in text
    assert "# Support plan for \\*\\*Bold\\*\\*" in text
    assert "\n# heading" not in text


def test_markdown_has_every_criterion(words, store) -> None:
    text = render.render(build(words, start(words, store).journey), "md")
    for n in range(1, 8):
        assert f"\n## {n}. " in text
    assert "Only the council" in text or "only the council" in text


def test_resume_restores_the_place(words, store) -> None:
    session = start(words, store)
    session.answer("More time out")
    reopened = Session(words, store, store.load(session.journey.id))
    assert (reopened.flow.state, reopened.question.id) == ("rights", "rights.why-now")


def test_pronouns_chosen_in_the_welcome_are_used_as_plain_words(words, store) -> None:
    session = Session(words, store, store.create())
    for answer in ("{their} [b]Kim[/b]", "with", "Jo", "sister", "she"):
        session.answer(answer)
    asked = session.wording(words.question("rights.who"))
    assert asked.endswith("or about her role as a carer?")
    assert "{their} [b]Kim[/b]" in asked  # the name is inserted, never read as wording
    session.back()
    session.answer("name")
    assert "about {their} [b]Kim[/b]'s role" in session.wording(words.question("rights.who"))


def test_health_budget_is_not_needed_after_one_answer(words, store) -> None:
    session = start(words, store)
    session.go_to("health-budget")
    assert session.status("health-budget") is Status.NOT_STARTED
    session.answer(["wheelchair"])
    assert session.question.id == "health-budget.use"
    assert session.status("health-budget") is Status.IN_PROGRESS
    session.back()
    session.answer(["none"])
    assert session.status("health-budget") is Status.NOT_NEEDED
    assert session.flow.state == "circle"
