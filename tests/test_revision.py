"""journey check on a new version of the plan asks what a panel asks of a revised plan: a
budget cut with no reassessment, an outcome going worse with nothing changed for it, an
action from the last review not done and not carried over. Each is said in plain words with
its source; a plan never reviewed hears none of them."""

from __future__ import annotations

import pytest

from journey import plan
from journey.cli.main import NOT_READY, main
from journey.content import Journey as Content
from journey.core.model import Journey, Versioned
from journey.store.database import Store

from .reviewed import changed_costs, example, keep, review, reviewed, say


def revised(words: Content, journey: Journey) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in plan.build(words, journey).readiness.findings:
        if finding.code.startswith("revised_"):
            found.setdefault(finding.code, []).append(finding.text)
    return found


def test_a_revised_plan_is_asked_what_a_panel_asks(words: Content, store: Store) -> None:
    found = revised(words, reviewed(store))
    assert found["revised_budget_cut"] == [
        "The budget is £3,000.00 a year. In version 2 it was £3,600.00 a year. No one has "
        "looked at the needs again. A budget should not be cut at a review without that. "
        "Source: Care and Support Statutory Guidance: reviews and budgets; Care Act 2014: "
        "keeping the plan under review."]
    assert found["revised_worse_unchanged"] == [
        'The review says "Something to do on Saturdays" is going worse. But nothing in the '
        "plan has changed for it. Source: Good practice in reviews; Care Act 2014: keeping "
        "the plan under review."]
    assert [t.split(".")[0] for t in found["revised_action_dropped"]] == [
        "The review agreed to do this: Ask about a later bus"]


def test_the_check_says_them_and_a_budget_cut_stops_agreement(
        store: Store, capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    assert main(["check", journey.id]) == NOT_READY
    out = capsys.readouterr().out
    assert "A budget should not be cut at a review without that." in out
    assert "Worth checking: The review agreed to do this: Ask about a later bus." in out


def yearly(store: Store, journey: Journey, answers: dict, plan_changes: dict) -> Journey:
    review(store, journey, "y1", "yearly", answers, plan_changes)
    return store.load(journey.id)


def test_a_cut_after_a_reassessment_is_not_asked_about(words: Content, store: Store) -> None:
    journey = example(store)
    journey = yearly(store, journey, {"review.reassessment": "done"},
                     {"personal-budget.amount": {"amount": "3000", "period": "year"}})
    assert "revised_budget_cut" not in revised(words, journey)


@pytest.mark.parametrize("reassessment", ["no", "asked", None, ["done"], 7])
def test_a_cut_with_no_reassessment_is_asked_about(words: Content, store: Store,
                                                  reassessment: object) -> None:
    journey = example(store)
    answers = {} if reassessment is None else {"review.reassessment": reassessment}
    journey = yearly(store, journey, answers,
                     {"personal-budget.amount": {"amount": "69", "period": "week"}})
    assert "£3,588.00 a year" in revised(words, journey)["revised_budget_cut"][0]


def test_a_budget_raised_is_not_a_cut(words: Content, store: Store) -> None:
    journey = yearly(store, example(store), {"review.reassessment": "no"},
                     {"personal-budget.amount": {"amount": "4000", "period": "year"}})
    assert "revised_budget_cut" not in revised(words, journey)


def test_an_outcome_worse_with_its_support_changed_is_not_asked_about(
        words: Content, store: Store) -> None:
    journey = example(store)
    journey = yearly(store, journey, {"review.progress": {"More friends": "worse",
                                                          "Going out on my own": "worse"}},
                     {"planning.costs": changed_costs(journey)})
    found = revised(words, journey)
    # The pub quiz met "More friends" and is gone; "Going out on my own" has a taxi now.
    assert "revised_worse_unchanged" not in found


@pytest.mark.parametrize("progress", [
    {"something to do ON saturdays": "worse"},  # the plan's words, in any case
    {"Something to do on Saturdays": "worse", "Not in the plan": "worse", "x": 3},
])
def test_an_outcome_worse_with_nothing_changed_is_asked_about(
        words: Content, store: Store, progress: dict) -> None:
    journey = example(store)
    journey = yearly(store, journey, {"review.progress": progress},
                     {"planning.risks": ["Missing the last bus"]})
    assert len(revised(words, journey)["revised_worse_unchanged"]) == 1


@pytest.mark.parametrize("progress", ["worse", ["worse"], {"More friends": ["worse"]}, None])
def test_a_progress_of_the_wrong_shape_is_never_trusted(words: Content, store: Store,
                                                       progress: object) -> None:
    journey = yearly(store, example(store), {"review.progress": progress},
                     {"planning.risks": ["Missing the last bus"]})
    assert "revised_worse_unchanged" not in revised(words, journey)


def test_an_action_carried_over_or_done_is_not_asked_about(words: Content,
                                                           store: Store) -> None:
    journey = example(store)
    steps = [*journey.value("happen.first-steps"),
             {"what": "ask about a LATER bus", "who": "Jo", "by": "", "status": "to-do"}]
    journey = yearly(store, journey, {"review.actions": [
        {"what": "Ask about a later bus", "who": "Jo", "by": "2026-08-01", "status": "to-do"},
        {"what": "Ring the club", "who": "Gareth", "by": "", "status": "done"},
        "Find a new quiz",  # a plain line is an action to do
        {"what": 5}, [1], None,  # not actions: left out, never a crash
    ]}, {"happen.first-steps": steps})
    assert revised(words, journey).get("revised_action_dropped") == [
        "The review agreed to do this: Find a new quiz. It is not done, and it is not in "
        "the plan's actions now. Source: Good practice in reviews."]


def test_an_action_agreed_again_is_said_once(
        words: Content, store: Store) -> None:
    journey = reviewed(store)  # the light check agreed to ask about a later bus
    journey = yearly(store, journey, {"review.actions": [
        {"what": "Ask about a later bus", "who": "Jo", "by": "2027-08-01", "status": "to-do"}]},
        {"planning.risks": ["A new risk"]})
    dropped = revised(words, journey)["revised_action_dropped"]
    assert len(dropped) == 1  # said once, as this review's own


def test_a_plan_never_reviewed_or_with_one_version_hears_none(words: Content,
                                                              store: Store) -> None:
    journey = example(store)
    assert revised(words, journey) == {}
    keep(store, journey)
    say(store, journey, "personal-budget.amount", {"amount": "10", "period": "year"})
    keep(store, journey)  # a second version, but kept by no review
    assert revised(words, store.load(journey.id)) == {}


def test_damaged_versions_never_crash_the_check(words: Content, store: Store) -> None:
    journey = reviewed(store)
    for number in (0, 2, 99):
        store.record(journey, Versioned(number=number, review="nope", by="x"))
    assert "revised_budget_cut" in revised(words, store.load(journey.id))
