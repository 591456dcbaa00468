"""The journey machine on its own: no screen, no storage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journey.core.flow import FINISHED, WELCOME, Flow


@pytest.fixture
def given() -> dict:
    return {}


@pytest.fixture
def flow(words, given) -> Flow:
    return Flow(words, lambda: given)


def past_welcome(flow: Flow, given: dict) -> None:
    given.update({"welcome.name": "Sam", "welcome.mode": "self"})
    while flow.state == WELCOME:
        assert flow.next()


def test_starts_at_the_name(flow: Flow) -> None:
    assert flow.state == WELCOME
    assert flow.question_id == "welcome.name"


def test_cannot_leave_welcome_without_a_name(flow: Flow, given: dict) -> None:
    assert not flow.next()
    assert not flow.go_to("dreams")
    assert flow.skip_step() is None
    assert flow.question_id == "welcome.name"
    given["welcome.name"] = "Sam"
    assert flow.next()
    assert flow.question_id == "welcome.mode"


def test_helper_questions_only_when_someone_helps(flow: Flow, given: dict) -> None:
    given.update({"welcome.name": "Sam", "welcome.mode": "with"})
    assert [q.id for q in flow.questions(WELCOME)] == [
        "welcome.name", "welcome.mode", "welcome.helper-name", "welcome.helper-role",
        "welcome.pronouns"]
    given["welcome.mode"] = "self"
    assert [q.id for q in flow.questions(WELCOME)] == ["welcome.name", "welcome.mode"]


def test_next_walks_every_step_in_order_to_finished(words, flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    given["health-budget.route"] = ["none"]
    seen = [flow.state]
    while not flow.finished:
        assert flow.next()
        if flow.state != seen[-1]:
            seen.append(flow.state)
    assert seen == [s.id for s in words.steps] + [FINISHED]
    assert flow.question_id is None
    assert not flow.next()


def test_back_walks_every_step_in_reverse(words, flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    assert flow.go_to("happen")
    while flow.next():
        pass
    seen = [flow.state]
    while flow.back():
        if flow.state != seen[-1]:
            seen.append(flow.state)
    assert seen == [FINISHED, *reversed([s.id for s in words.steps]), WELCOME]
    assert flow.question_id == "welcome.name"


def test_back_into_a_step_lands_on_its_last_question(words, flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    flow.go_to("dreams")
    assert flow.back()
    assert flow.state == "brokerage"
    assert flow.question_id == flow.questions("brokerage")[-1].id


def test_skip_from_every_step(words, flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    ids = [s.id for s in words.steps]
    for here, after in zip(ids, [*ids[1:], FINISHED], strict=True):
        flow.go_to(here)
        assert flow.skip_step() == here
        assert flow.state == after


def test_go_to_every_step_from_every_state(words, flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    targets = [WELCOME, *[s.id for s in words.steps]]
    for source in targets:
        for dest in targets:
            assert flow.go_to(source)
            assert flow.go_to(dest), (source, dest)
            assert flow.state == dest
    assert not flow.go_to("no-such-step")
    assert not flow.go_to(FINISHED)


def test_go_to_lands_on_first_unanswered(flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    first, second, *_ = [q.id for q in flow.questions("dreams")]
    given[first] = "A walk by the sea"
    flow.go_to("dreams")
    assert flow.question_id == second


def test_health_budget_collapses_and_opens(flow: Flow, given: dict) -> None:
    past_welcome(flow, given)
    flow.go_to("health-budget")
    assert len(flow.questions("health-budget")) == 1
    given["health-budget.route"] = ["none"]
    assert len(flow.questions("health-budget")) == 1
    assert flow.next()
    assert flow.state == "circle"
    given["health-budget.route"] = ["chc"]
    flow.go_to("health-budget")
    assert len(flow.questions("health-budget")) > 1


def test_a_question_that_stops_applying_is_stepped_over(flow: Flow, given: dict) -> None:
    given.update({"welcome.name": "Sam", "welcome.mode": "with"})
    flow.next()
    flow.next()
    assert flow.question_id == "welcome.helper-name"
    given["welcome.mode"] = "self"  # changed their mind
    assert flow.next()
    assert flow.state == "rights"


def test_resume_at_a_saved_place(words, given: dict) -> None:
    given.update({"welcome.name": "Sam", "welcome.mode": "self"})
    flow = Flow(words, lambda: given, step="dreams", question="dreams.never")
    assert (flow.state, flow.question_id) == ("dreams", "dreams.never")
    lost = Flow(words, lambda: given, step="gone", question="x")
    assert (lost.state, lost.question_id) == (WELCOME, "welcome.name")


def test_the_machine_does_not_import_textual() -> None:
    code = (
        "import sys, journey.core.flow, journey.conversation.session, journey.plan\n"
        "import journey.documents.render\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
