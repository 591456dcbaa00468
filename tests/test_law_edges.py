"""The law where people are most at risk, through the conversation and into what it makes:
a parent carer of a child, a young person turning 18, decisions made one at a time whoever
is planning, and who gets a direct payment. Each journey is answered through the session,
as a person would, and read back from the chat, the assessment sheet, the plan and the
check."""

from __future__ import annotations

import re
from typing import Any

from journey.content import Journey as Content
from journey.conversation import routes
from journey.conversation.session import Session
from journey.documents import render
from journey.plan import prep, results
from journey.store.database import Store

from .examples import item


def talk(words: Content, store: Store, answers: dict[str, Any]) -> tuple[Session, list[str]]:
    """Answer the questions named, pass the others by, and keep what the chat would say as
    each helper's questions are left behind (the app and the plain lines say the same)."""
    session = Session(words, store, store.create())
    left = dict(answers)
    said: list[str] = []
    while not session.finished and session.question is not None:
        question = session.question
        if question.id in left:
            session.answer(left.pop(question.id))
            now = session.question.id if session.question else None
            for _, found in results.just_finished(words, session.journey, question.id, now):
                said += [found.title, *(line.text for line in found.lines)]
        elif not session.next():
            break
    assert not left, f"never asked: {sorted(left)}"
    return session, said


def offered(session: Session, question_id: str) -> list[str]:
    assert session.go_to_question(question_id), question_id
    assert session.question is not None
    return [c.value for c in session.choices(session.question)]


def sheet(words: Content, session: Session) -> str:
    return render.render_prep(prep.build(words, session.journey))


def codes(session: Session) -> dict[str, Any]:
    return {f.code: f for f in session.plan().readiness.findings}


# The boss of a paid helper is whoever runs the direct payment, said either way.
RUNS = re.compile(r"\b(Whoever|the person who) runs\b")

PARENT_OF_TEN_YEAR_OLD = {
    "welcome.name": "Nadia", "welcome.mode": "self", "rights.who": "carer",
    "rights.age": "adult", "rights.cared-for": "My son Sami, who is 10 and autistic",
    "rights.cared-for-age": ["child"], "assessment.status": "not-yet",
}


# -- a parent carer of a child -------------------------------------------------------------

def test_a_parent_carer_of_a_child_is_not_given_the_adult_carers_route(words, store) -> None:
    session, said = talk(words, store, {**PARENT_OF_TEN_YEAR_OLD,
                                        "assessment.prepare": "parent-carer"})
    # The carer's assessment and its eight outcomes are for carers of adults only.
    choices = offered(session, "assessment.prepare")
    assert "carer" not in choices and "both" not in choices
    assert "parent-carer" in choices
    asked = {getattr(e, "question", None) or "" for e in session.journey.events}
    assert not any(q.startswith(("assessment.carer", "assessment.adult")) for q in asked)
    chat = "\n".join(said)
    assert "parent carer's needs assessment" in chat
    assert "8 things" not in chat and "eight outcomes" not in chat
    # The assessment sheet follows the children's route, with its law, and no carer rule.
    text = sheet(words, session)
    assert "parent carer's needs assessment" in text
    assert "Children Act 1989, s.17ZD" in text
    assert "regulation 3" not in text.lower() and "8 things" not in text
    assert "The eight outcomes for carers" not in text
    # So does the plan, and the check points to children's services.
    plan = render.render(session.plan(), "md")
    assert "parent carer's needs assessment" in plan
    assert "8 things" not in plan
    assert "parent_carer" in codes(session)


def test_a_carer_of_an_adult_keeps_the_carers_route_and_its_rule_says_so(words, store) -> None:
    session, _ = talk(words, store, {
        "welcome.name": "Mo", "welcome.mode": "self", "rights.who": "carer",
        "rights.age": "adult", "rights.cared-for-age": ["adult"],
        "assessment.status": "not-yet", "assessment.prepare": "carer",
        "assessment.carer-health": "yes"})
    assert {"carer", "both"} <= set(offered(session, "assessment.prepare"))
    assert "parent-carer" not in offered(session, "assessment.prepare")
    text = sheet(words, session)
    assert "The rule for carers of adults has three parts. The needs come from caring for an " \
           "adult." in text
    assert "parent_carer" not in codes(session)


def test_a_young_carer_has_a_young_carers_assessment(words, store) -> None:
    session, said = talk(words, store, {
        "welcome.name": "Kai", "welcome.mode": "self", "rights.who": "carer",
        "rights.age": "teen", "rights.cared-for-age": ["adult"],
        "assessment.status": "not-yet", "assessment.prepare": "young-carer"})
    choices = offered(session, "assessment.prepare")
    assert "young-carer" in choices and "carer" not in choices and "both" not in choices
    assert "young carer's needs assessment" in "\n".join(said)
    text = sheet(words, session)
    assert "young carer's needs assessment" in text and "Children Act 1989, s.17ZA" in text
    assert "8 things" not in text


# -- turning 18 ------------------------------------------------------------------------------

def test_the_age_band_is_asked_once_and_early_on_every_route(words, store) -> None:
    for name, answers in routes.ROUTES.items():
        met = routes.walk(words, store, answers)
        assert met.count("rights.age") == 1, name
        assert met.index("rights.age") < met.index("assessment.hard"), name
    question = words.question("rights.age")
    assert "left-children" in [c.value for c in question.choices]


YOUNG = {
    "welcome.name": "Leo", "welcome.mode": "with", "welcome.helper-name": "Sara",
    "welcome.helper-role": "mum", "welcome.pronouns": "he", "rights.who": "person",
    "rights.age": "teen",
    "rights.young-needs": ["childrens-services", "education", "ehc", "learning-disability"],
    "assessment.status": "not-yet", "assessment.prepare": "transition",
}


def test_a_young_person_turning_18_hears_what_it_brings(words, store) -> None:
    session, said = talk(words, store, YOUNG)
    chat = "\n".join(said)
    for words_said in ("transition assessment", "must go on until the council",
                       "can go on to age 25", "annual health check", "bus pass"):
        assert words_said in chat, words_said
    # Under 18, the person's own assessment is a transition assessment: the adult route's
    # outcomes are still gone through, for life after 18.
    assert "transition" in offered(session, "assessment.prepare")
    assert "adult" not in offered(session, "assessment.prepare")
    text = sheet(words, session)
    assert "transition assessment" in text and "Care Act 2014, s.66" in text
    assert "Care Act 2014, ss.58 to 66" in text and "Children and Families Act 2014" in text
    plan = render.render(session.plan(), "md")
    for words_said in ("transition assessment", "can go on to age 25", "annual health check",
                       "bus pass"):
        assert words_said in plan, words_said
    found = codes(session)
    assert {"child_route", "transition", "carry_on"} <= set(found)
    assert found["transition"].question == "assessment.status"
    assert not any(f.blocks for c, f in found.items()
                   if c in ("child_route", "transition", "carry_on"))


def test_college_transport_paid_from_the_budget_is_flagged(words, store) -> None:
    costs = [item("Taxi to college", "other", 5, "week", "", "18", "time", "personal-budget"),
             item("PA for the gym", "pa", 1, "week", "2", "14", "hour", "personal-budget")]
    session, said = talk(words, store, {
        "welcome.name": "Ana", "welcome.mode": "self", "rights.who": "person",
        "rights.age": "left-children", "rights.young-needs": ["ehc", "education"],
        "planning.costs": costs})
    assert "transport to college is a council duty" in "\n".join(said)
    found = codes(session)
    assert "Taxi to college" in found["college_transport"].text
    assert "PA for the gym" not in found["college_transport"].text
    assert "carry_on" in found and "transition" not in found
    # An adult of 40 meets none of this.
    session, said = talk(words, store, {"welcome.name": "Bo", "welcome.mode": "self",
                                        "rights.who": "person", "rights.age": "adult",
                                        "planning.costs": costs})
    assert not session.journey.answers.get("rights.young-needs")
    assert not {"college_transport", "carry_on", "transition", "child_route"} & set(
        codes(session))
    assert "Moving to adult care" not in render.render(session.plan(), "md")


# -- decisions, one at a time, whoever is planning -------------------------------------------

HELPED = {"welcome.name": "Leo", "welcome.mode": "with", "welcome.helper-name": "Sara",
          "welcome.helper-role": "mum", "welcome.pronouns": "he", "rights.who": "person",
          "rights.age": "young-adult"}


def test_a_helper_who_is_there_with_the_person_is_asked_each_decision(words, store) -> None:
    session, said = talk(words, store, {
        **HELPED, "rights.decide": "yes", "rights.decide-home": "yes",
        "rights.decide-money": "no", "rights.power-money": "appointee",
        "rights.decider": {"name": "Sara", "relation": "mum"},
        "rights.best-interests": "He likes to choose his own food and clothes"})
    # Care and where to live are his; money is not, and only money's powers are offered.
    assert not session.journey.answers.get("rights.power")
    chat = "\n".join(said)
    assert "all the help they can first" in chat and "unwise" in chat
    assert "only deals with benefits" in chat and "authorised person" in chat
    plan = render.render(session.plan(), "md")
    for line in ("**Decides about care and support:** Yes, with the right help",
                 "**Decides where to live:** Yes, with the right help",
                 "**Decides about money:** No, not this decision, even with help",
                 "**Who has the power to decide about money:** Only a DWP appointee",
                 "**Makes the decisions they cannot make:** Sara (mum)"):
        assert line in plan, line
    assert "He likes to choose his own food and clothes" in plan


def test_who_gets_the_direct_payment_must_fit_what_the_person_can_decide(
        words, store) -> None:
    base = {**HELPED, "personal-budget.managed": "direct-payment"}
    session, _ = talk(words, store, {**base, "rights.decide-money": "yes",
                                     "personal-budget.dp-holder": "authorised",
                                     "personal-budget.money-person": {"name": "Sara",
                                                                      "relation": "mum"}})
    assert "dp_authorised" in codes(session)
    session, _ = talk(words, store, {**base, "rights.decide-money": "no",
                                     "personal-budget.dp-holder": "nominated",
                                     "personal-budget.money-person": {"name": "Sara",
                                                                      "relation": "mum"}})
    assert "dp_nominated" in codes(session)
    # Held by someone else, with nothing said of the basis.
    session, _ = talk(words, store, {**base, "personal-budget.money-person": {
        "name": "Sara", "relation": "mum"}})
    found = codes(session)["dp_basis"]
    assert found.blocks and found.question == "personal-budget.dp-holder"
    assert "Sara would hold Leo's direct payment" in found.text
    # A fitting basis passes; a person holding their own payment is not asked who holds it.
    session, _ = talk(words, store, {**base, "rights.decide-money": "no",
                                     "personal-budget.dp-holder": "authorised",
                                     "personal-budget.money-person": {"name": "Sara",
                                                                      "relation": "mum"}})
    assert not {"dp_basis", "dp_nominated", "dp_authorised"} & set(codes(session))
    session, _ = talk(words, store, {"welcome.name": "Ann", "welcome.mode": "self",
                                     "personal-budget.managed": "direct-payment",
                                     "personal-budget.dp-holder": "self"})
    assert "authorised" not in offered(session, "personal-budget.dp-holder")
    assert not session.journey.answers.get("personal-budget.money-person")
    assert "no_money_person" not in codes(session)


def test_the_employer_is_whoever_holds_the_direct_payment(words, store) -> None:
    session, _ = talk(words, store, {**HELPED, "personal-budget.managed": "direct-payment",
                                     "rights.decide-money": "no",
                                     "personal-budget.dp-holder": "authorised"})
    for question_id in ("personal-budget.employ-pa", "personal-budget.dp-holder"):
        assert session.go_to_question(question_id)
        why = session.why(session.question)
        assert "Leo is their boss" not in why and RUNS.search(why), why
    texts = [words.question("options.employ").why_about or "",
             next(t.meaning for t in words.glossary if t.term == "personal assistant")]
    for text in texts:
        assert RUNS.search(text) and "{name} is their boss" not in text


def test_a_planner_who_holds_the_money_and_may_be_paid_is_named(words, store) -> None:
    sara = {"name": "Sara", "relation": "mum"}
    session, _ = talk(words, store, {**HELPED, "rights.paid-helper": "yes",
                                     "rights.decide-money": "no",
                                     "personal-budget.managed": "direct-payment",
                                     "personal-budget.dp-holder": "authorised",
                                     "personal-budget.money-person": sara})
    found = codes(session)
    assert "conflict_holder" in found and "conflict of interest" in found["conflict_holder"].text
    assert "Sara holds Leo's money" in found["conflict_holder"].text
    assert "Worth checking: Sara holds Leo's money and may be paid from it" in render.render(
        session.plan(), "md")
    # Paid, but the money is held by someone else: the planner's conflict is named alone.
    session, _ = talk(words, store, {**HELPED, "rights.paid-helper": "yes",
                                     "personal-budget.managed": "council-managed",
                                     "personal-budget.money-person": {"name": "The council",
                                                                      "relation": ""}})
    found = codes(session)
    assert "conflict_planner" in found and "conflict_holder" not in found


# -- family paid from the plan ---------------------------------------------------------------

DP = {"welcome.name": "Amy", "welcome.mode": "self", "personal-budget.managed": "direct-payment",
      "personal-budget.dp-holder": "self"}


def test_a_stepdad_picked_as_another_relative_gets_a_second_look(words, store) -> None:
    relation = words.question("personal-budget.family-relation")
    labels = [c.label for c in relation.choices]
    assert "Another relative" not in labels and "A relative not on the list above" in labels
    assert "husband, wife or partner" in (relation.why or "")
    session, _ = talk(words, store, {
        **DP, "personal-budget.family-relation": "other-family",
        "personal-budget.family-who": {"name": "Tony", "relation": "stepdad"},
        "personal-budget.family-second-look": "relative-partner",
        "personal-budget.family-household": "yes",
        "personal-budget.council-agree": "not-yet"})
    found = codes(session)["family_payment"]
    assert "a relative's husband, wife or partner in the same home" in found.text
    plan = render.render(session.plan(), "md")
    assert "Tony (stepdad)" in plan


def test_a_name_is_not_read_as_a_relation(words, store) -> None:
    session, _ = talk(words, store, {
        **DP, "personal-budget.family-relation": "friend",
        "personal-budget.family-who": {"name": "Stephen", "relation": "friend from church"}})
    assert "personal-budget.family-second-look" not in session.journey.answers
    assert not session.snapshot().applies("personal-budget.family-second-look")
    assert "family_words" not in codes(session)


def test_the_circles_words_lives_with_us_are_checked(words, store) -> None:
    from .examples import person

    session, _ = talk(words, store, {
        **DP, "personal-budget.family-relation": "friend",
        "personal-budget.family-who": {"name": "Tony", "relation": "family friend"},
        "circle.people": [person("Tony", "family friend", "closest", "Lives with us")]})
    found = codes(session)["family_words"]
    assert found.blocks and found.question == "personal-budget.family-relation"
    assert "Tony" in found.text


def test_someone_paid_in_the_holders_home_is_a_conflict(words, store) -> None:
    session, said = talk(words, store, {
        **HELPED, "personal-budget.managed": "direct-payment",
        "personal-budget.dp-holder": "self-help",
        "personal-budget.family-relation": "sibling",
        "personal-budget.family-who": {"name": "Max", "relation": "brother"},
        "personal-budget.family-household": "no",
        "personal-budget.family-with-holder": "yes"})
    found = codes(session)["conflict_household"]
    assert "Max would be paid from Leo's plan" in found.text and not found.blocks
    assert "That is a conflict of interest" in "\n".join(said)
    assert "That is a conflict of interest" in render.render(session.plan(), "md")


# -- planning for someone who is here and taking part ----------------------------------------

def test_planning_for_someone_who_is_here_marks_their_own_words(words, store) -> None:
    from journey.core.model import Mode, Role

    session = Session(words, store, store.create())
    for value in ("Leo", "here", "Sara", "mum", "he"):
        session.answer(value)
    assert session.journey.mode is Mode.HERE
    assert session.question.id == "rights.hopes"
    session.answer("A job at the garden centre", suggested=True)  # marked: his own words
    session.answer("He is leaving school in July")  # written by Sara for him
    hopes, why_now = (session.journey.answers[q] for q in ("rights.hopes", "rights.why-now"))
    assert (hopes.by, hopes.role) == ("Leo", Role.PERSON)
    assert (why_now.by, why_now.role) == ("Sara", Role.BEHALF)
    plan = render.render(session.plan(), "md")
    assert "Sara (mum), for Leo, who took part" in plan
    assert session.plan().helping[0] == "Sara (mum) made this plan for Leo, who took part."
    assert "said by Leo" in plan
    # Decisions and his own views are asked, as someone else is planning.
    met = routes.walk(words, store, {**routes.ROUTES["alone, without the assessment helper"],
                                     "welcome.mode": "here", "welcome.helper-name": "Sara",
                                     "welcome.helper-role": "mum"})
    for question_id in ("rights.decide", "rights.decide-home", "rights.decide-money",
                        "rights.their-views", "rights.paid-helper"):
        assert question_id in met, question_id
    assert "rights.knows" not in met  # he is here: he knows about the plan
    session, said = talk(words, store, {
        "welcome.name": "Leo", "welcome.mode": "here", "welcome.helper-name": "Sara",
        "welcome.helper-role": "mum", "rights.decide": "yes", "rights.decide-home": "yes",
        "rights.decide-money": "yes", "rights.paid-helper": "no"})
    assert "The plan should show Leo's own views" in "\n".join(said)
    assert "no_views" in codes(session)


async def test_the_switch_marks_the_persons_own_words_in_the_app(store) -> None:
    from textual.widgets import Button

    from journey.core.model import Role
    from journey.tui.app import JourneyApp

    from .test_tui import SIZE, choose, type_in

    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Leo")
        await choose(pilot, 2)  # planning for him, and he is here
        await type_in(pilot, "Sara")
        await type_in(pilot, "mum")
        await choose(pilot, 2)  # he and his
        screen = app.screen
        session = screen.session
        assert session.question.id == "rights.hopes"
        speaker = screen.query_one("#speaker", Button)
        assert screen.query_one("#speaker-row").display
        assert str(speaker.label) == "Written by Sara for Leo"
        await pilot.press("f3")
        await pilot.pause()
        assert str(speaker.label) == "Leo's own words"
        await type_in(pilot, "A job at the garden centre")
        assert session.journey.answers["rights.hopes"].role is Role.PERSON
        assert str(speaker.label) == "Written by Sara for Leo"  # one answer at a time
        await type_in(pilot, "He leaves school in July")
        assert session.journey.answers["rights.why-now"].role is Role.BEHALF


def test_the_plain_lines_mark_the_persons_own_words(words, store) -> None:
    from .test_plain import Person, converse

    script = {
        "welcome.name": ["Leo"], "welcome.mode": ["3"], "welcome.helper-name": ["Sara"],
        "welcome.helper-role": ["mum"], "welcome.pronouns": ["3"],
        "rights.hopes": ["own", "A job at the garden centre"],
        "rights.why-now": ["He leaves school in July"],
    }
    out = converse(store, words, Person(script, stop="rights.who"))
    assert words.message("plain_own_words", name="Leo") in out
    [summary] = store.list()
    journey = store.load(summary.id)
    assert journey.mode == "here"
    hopes, why_now = (journey.answers[q] for q in ("rights.hopes", "rights.why-now"))
    assert (hopes.by, hopes.role) == ("Leo", "person")
    assert (why_now.by, why_now.role) == ("Sara", "behalf")  # marked for one answer only
