"""The topics people need at the council's door, worked out from their answers as a person
would give them: children and turning 18, planning for someone else, disagreeing with a
decision, and paying for care. Each line says what to ask for; none decides."""

from __future__ import annotations

from journey import results
from journey.content import Journey as Content
from journey.store import Store

from .examples import walk


def said(words: Content, store: Store, answers: dict[str, object]) -> dict[str, str]:
    session = walk(words, store, answers)
    return {f.id: " ".join(line.text for line in f.lines)
            for f in results.findings(words, session.journey)}


def test_a_parent_of_a_teenager_hears_about_childrens_services_and_transition(
        words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Mia", "welcome.mode": "self",
                                "rights.who": "carer", "rights.cared-for-age": ["teen"],
                                "rights.young-carer": "no"})
    assert "parent carer's needs assessment" in found["rights.children"]
    assert "transition assessment" in found["rights.children"]
    assert "young carer" not in found["rights.children"]


def test_a_young_carer_is_pointed_to_a_young_carers_assessment(words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Kai", "welcome.mode": "self",
                                "rights.who": "carer", "rights.cared-for-age": ["adult"],
                                "rights.young-carer": "yes"})
    assert "young carer's needs assessment" in found["rights.children"]
    assert "parent carer" not in found["rights.children"]


def test_planning_on_someones_behalf_names_who_decides_and_the_conflict(
        words, store: Store) -> None:
    found = said(words, store, {
        "welcome.name": "Edna", "welcome.mode": "behalf", "welcome.helper-name": "Carol",
        "rights.knows": "not-told", "rights.decide": "no", "rights.power": "none",
        "rights.paid-helper": "yes"})
    text = found["rights.behalf"]
    for words_said in ("Edna's own views", "Tell Edna about the plan", "best interests",
                       "next of kin", "authorised person", "must find an advocate",
                       "conflict of interest"):
        assert words_said in text, words_said
    # Someone who can decide with help is told so, and is not told about attorneys.
    found = said(words, store, {
        "welcome.name": "Ravi", "welcome.mode": "behalf", "welcome.helper-name": "Asha",
        "rights.knows": "agrees", "rights.decide": "yes", "rights.paid-helper": "no"})
    text = found["rights.behalf"]
    assert "all the help they can" in text and "Power of Attorney" not in text
    assert "conflict" not in text


def test_a_person_who_disagrees_hears_how_to_challenge(words, store: Store) -> None:
    found = said(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                "assessment.status": "yes",
                                "assessment.decision": "not-eligible",
                                "assessment.disagree": "yes"})
    text = found["assessment.disagree"]
    assert "in writing, with its reasons" in text
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
    from journey import routes

    for name, answers in routes.ROUTES.items():
        met = routes.walk(words, store, answers)
        assert len(met) == len(set(met)), name
        assert routes.asked_twice(met) == [], name


def test_questions_that_contradict_earlier_answers_are_not_asked(words) -> None:
    prepare = words.question("assessment.prepare")
    assert not prepare.applies({"assessment.status": "yes"})
    assert prepare.applies({"assessment.status": "booked"})
    someone = words.question("advocacy.someone")
    assert not someone.applies({f"advocacy.{q}": "no"
                                for q in ("understand", "remember", "weigh", "say")})
    assert someone.applies({"advocacy.remember": "sometimes"})
    # Employing someone and paying family are asked in step 3 for a direct payment.
    for later in ("options.employ", "options.pay-family"):
        assert not words.question(later).applies({"personal-budget.managed": "direct-payment",
                                                  "options.kinds": ["pa"]})
