"""The topics people need at the council's door, worked out from their answers as a person
would give them: children and turning 18, planning for someone else, disagreeing with a
decision, and paying for care. Each line says what to ask for; none decides."""

from __future__ import annotations

from dataclasses import replace

from journey.content import Journey as Content
from journey.plan import results
from journey.store.database import Store

from .examples import walk


def said(words: Content, store: Store, answers: dict[str, object]) -> dict[str, str]:
    session = walk(words, store, answers)
    return {f.id: " ".join(line.text for line in f.lines)
            for f in results.findings(words, session.journey)}


def test_a_parent_of_a_teenager_hears_about_childrens_services_and_transition(
        words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Mia", "welcome.mode": "self",
                                "rights.who": "carer", "rights.age": "adult",
                                "rights.cared-for-age": ["teen"]})
    assert "parent carer's needs assessment" in found["rights.children"]
    assert "transition assessment" in found["rights.children"]
    assert "young carer" not in found["rights.children"]


def test_a_young_carer_is_pointed_to_a_young_carers_assessment(words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Kai", "welcome.mode": "self",
                                "rights.who": "carer", "rights.age": "teen",
                                "rights.cared-for-age": ["adult"]})
    assert "young carer's needs assessment" in found["rights.children"]
    assert "parent carer" not in found["rights.children"]


def test_planning_on_someones_behalf_names_who_decides_and_the_conflict(
        words, store: Store) -> None:
    found = said(words, store, {
        "welcome.name": "Edna", "welcome.mode": "behalf", "welcome.helper-name": "Carol",
        "rights.knows": "not-told", "rights.decide": "no", "rights.decide-money": "no",
        "rights.power": "none", "rights.paid-helper": "yes"})
    text = found["rights.behalf"]
    for words_said in ("Edna's own views", "Tell Edna about the plan", "best interests",
                       "next of kin", "authorised person", "must find an advocate",
                       "conflict of interest"):
        assert words_said in text, words_said
    # Someone who can decide with help is told so, and is not told about attorneys.
    found = said(words, store, {
        "welcome.name": "Ravi", "welcome.mode": "behalf", "welcome.helper-name": "Asha",
        "rights.knows": "agrees", "rights.decide": "yes", "rights.decide-home": "yes",
        "rights.decide-money": "yes", "rights.paid-helper": "no"})
    text = found["rights.behalf"]
    assert "all the help they can" in text and "Power of Attorney" not in text
    assert "conflict" not in text


def test_a_person_who_disagrees_hears_how_to_challenge(words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                "assessment.status": "yes",
                                "assessment.decision": "not-eligible",
                                "assessment.disagree": "yes"})
    text = found["assessment.disagree"]
    assert "in writing. It must say why" in text
    assert "look again" in text and "complaint" in text and "Ombudsman" in text
    assert "free" in text


def test_paying_for_care_points_to_what_is_free(words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                "personal-budget.pay-part": "no",
                                "personal-budget.costs-help": ["hospital", "health", "home",
                                                               "benefits"]})
    text = found["personal-budget.paying"]
    for words_said in ("financial assessment", "benefits check", "reablement",
                       "Continuing Healthcare checklist", "£1,000", "Disabled Facilities Grant",
                       "mobility part"):
        assert words_said in text, words_said


# -- asked once ------------------------------------------------------------------------------

def test_no_route_asks_for_the_same_fact_twice(words, store: Store) -> None:
    from journey.conversation import routes

    for name, answers in routes.ROUTES.items():
        met = routes.walk(words, store, answers)
        assert len(met) == len(set(met)), name
        assert routes.asked_twice(met) == [], name


def test_a_person_planning_alone_meets_at_most_seventy_questions(words, store: Store) -> None:
    from journey.conversation import routes

    met = routes.walk(words, store, routes.ROUTES[routes.ALONE])
    assert len(met) <= routes.ALONE_LIMIT == 70, len(met)
    # The count is of questions really asked: each once, each one that applies.
    assert len(met) == len(set(met))
    # An optional ask passes by its detail; taking it adds the detail, and nothing else.
    taken = routes.walk(words, store, routes.ROUTES["alone, taking every optional ask"])
    extra = [q for q in taken if q not in met]
    assert extra and all(q.startswith("connections.") for q in extra), extra
    assert set(met) <= set(taken)


def test_the_count_would_see_a_question_asked_again(words, store: Store) -> None:
    """The rule can fail: content where step 9 asks again about paying a helper, as it did
    before, is caught by the walk; and a new question is counted."""
    from journey.conversation import routes

    employ = replace(words.question("options.employ"), when=None)
    extra = replace(words.question("options.ideas"), id="options.ideas-again")
    options = words.step("options")
    changed = replace(options, questions=[
        employ if q.id == "options.employ" else q for q in options.questions] + [extra])
    copied = replace(words, steps=[changed if s.id == "options" else s for s in words.steps])
    answers = {**routes.ROUTES[routes.ALONE], "options.kinds": ["pa"]}
    met = routes.walk(copied, store, answers)
    assert ("personal-budget.employ-pa", "options.employ") in routes.asked_twice(met)
    assert len(met) == len(routes.walk(words, store, answers)) + 2


def test_questions_that_ask_for_the_same_fact_share_a_label_and_are_never_both_asked(
        words) -> None:
    """Two questions with one heading in the plan ask for one fact: each such pair is known
    (routes.SAME_FACT), so the walk checks no route meets both. The eligibility helper's
    outcomes are asked once for the person's own needs and once for a carer's, and differ."""
    from collections import defaultdict

    from journey.conversation import routes

    repeated = {q.id for s in words.all_steps for r in s.repeats for q in s.questions
                if q.id.startswith(r.id + ".")}
    by_label: dict[str, list[str]] = defaultdict(list)
    for step in words.all_steps:
        for q in step.questions:
            if q.id not in repeated:
                by_label[q.label.casefold()].append(q.id)
    shared = {tuple(ids) for ids in by_label.values() if len(ids) > 1}
    assert shared == set(routes.SAME_FACT)
    for first, later in routes.SAME_FACT:  # the later one is asked only when the first is not
        assert words.find(first) is not None and words.find(later) is not None


def test_questions_that_contradict_earlier_answers_are_not_asked(words, store: Store) -> None:
    # Getting ready for an assessment that has happened.
    prepare = words.question("assessment.prepare")
    assert not prepare.applies({"assessment.status": "yes"})
    assert prepare.applies({"assessment.status": "booked"})
    # A carer's assessment only for a carer.
    def offered(who: str | None) -> list[str]:
        return [c.value for c in prepare.offered({"assessment.status": "booked",
                                                  "rights.who": who})]
    assert offered("person") == ["adult", "no"]
    assert offered("carer") == offered("both") == ["adult", "carer", "both", "no"]
    assert offered(None) == offered("carer")  # step 1 skipped: nobody has said otherwise
    # Advocacy follow-ups only when something is very hard.
    someone = words.question("advocacy.someone")
    assert not someone.applies({"advocacy.hard": ["none"]})
    assert someone.applies({"advocacy.hard": ["remember"]})
    other = words.question("advocacy.other")
    assert "disagree" not in [c.value for c in other.offered({"advocacy.someone": "no"})]
    assert "disagree" in [c.value for c in other.offered({"advocacy.someone": "yes"})]
    # Employing someone and paying family are asked in step 3 for a direct payment.
    for later in ("options.employ", "options.pay-family"):
        assert not words.question(later).applies({"personal-budget.managed": "direct-payment",
                                                  "options.kinds": ["pa"]})
    # "Not yet" speaks as nobody, whoever answers.
    status = words.question("assessment.status")
    assert status.choice_label("not-yet", "Sam") == "Not yet"
    # A health budget is not offered to pay for support once its step is not needed.
    from journey.plan.costing import fundings

    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "health-budget.route": ["none"]})
    assert "health-budget" not in fundings(words, session.snapshot().live)
    assert "health-budget" in fundings(words, session.snapshot().live, keep="health-budget")
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "health-budget.route": ["chc"]})
    assert "health-budget" in fundings(words, session.snapshot().live)
