"""The plan as a council's panel reads it: the money worked out as the plan says it is, who
said what item by item, the one-page profile, the people who help, the dates and the
details a council's file needs. Each journey is answered through the session, as a person
would, and read back from its exports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journey.core import answers
from journey.core.model import Mode
from journey.documents import render
from journey.plan import suggested_lines
from journey.plan.summary import summarise
from journey.store.database import Store

from .examples import UNSURE, gareth, item, mia, walk
from .helpers import start

D = Decimal


def test_a_cost_is_worked_out_for_a_year_before_it_is_rounded(words, store: Store) -> None:
    # 3.5 hours at £14.75 is £51.625 a week: a year of it is £2,684.50, exactly, as the plan
    # says it works costs out; rounding each week to £51.63 first would add 26p.
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "planning.costs": [item("A personal assistant", "pa", 1, "week", "3.5", "14.75", "hour",
                                "personal-budget")],
    })
    plan = session.plan()
    line = plan.costing.lines[0]
    assert (line.per_year, line.per_week) == (D("2684.50"), D("51.63"))
    assert plan.costing.total_per_year == D("2684.50")
    text = render.render(plan, "md")
    assert "£2,684.50" in text and "£2,684.76" not in text
    assert "Each cost is worked out for a whole year first." in text


# -- who said what, item by item -------------------------------------------------------------

def _loves_with_one_suggestion(words, store: Store):
    """Sam says two things she loves; Jo, her advocate, suggests a third."""
    session = start(words, store, mode="with")
    session.go_to_question("dreams.love")
    session.answer(["Her garden"], move_on=False)
    session.answer(["Her garden", "Radio 4"], move_on=False)
    session.answer(["Her garden", "Radio 4", "The choir"], move_on=False, suggested=True)
    session.next()
    return session


def _entry(plan, question: str):
    return next(e for s in plan.sections for e in s.entries if e.question == question)


def test_one_suggested_item_marks_only_that_item(words, store: Store) -> None:
    session = _loves_with_one_suggestion(words, store)
    entry = _entry(session.plan(), "dreams.love")
    assert entry.said_by == "said by Sam"
    assert entry.lines == ["Her garden", "Radio 4",
                           "The choir (suggested by Jo (advocate))"]
    text = render.render(session.plan(), "md")
    assert "The choir _(suggested by Jo (advocate))_" in text or \
        "The choir (suggested by Jo (advocate))" in text
    assert "Her garden (suggested" not in text and "Radio 4 (suggested" not in text
    summary = render.render_summary(summarise(words, session.journey))
    assert "The choir (suggested by Jo (advocate))" in summary
    assert "said by Sam" in summary


def test_an_agreed_item_is_the_persons_and_says_so(words, store: Store) -> None:
    session = _loves_with_one_suggestion(words, store)
    session.confirm("dreams.love")
    entry = _entry(session.plan(), "dreams.love")
    assert entry.lines[:2] == ["Her garden", "Radio 4"]
    assert entry.lines[2] == "The choir (suggested by Jo (advocate), agreed by Sam)"


# -- the one-page profile --------------------------------------------------------------------

def _profile_blocks(text: str) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:]
            blocks[heading] = []
        elif line.startswith("- ") and heading:
            blocks[heading].append(line[2:])
    return blocks


def test_the_profile_puts_good_and_bad_days_under_support_and_says_each_thing_once(
        words, store: Store) -> None:
    days = "On a bad day I need someone to sit with me"
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "assessment.good-bad-days": days,
        "dreams.love": ["Her garden", "Radio 4"],
        "dreams.important": ["Her garden", "My grandchildren"],
        "connections.places": ["her garden.", "The library"],
    })
    blocks = _profile_blocks(render.render(session.plan(), "profile-md"))
    assert days not in blocks["What is important to me"]
    assert days in blocks["How best to support me"]
    important = blocks["What is important to me"]
    assert important == ["Her garden", "My grandchildren", "Radio 4", "The library"]


# -- reviews ---------------------------------------------------------------------------------

def test_the_direct_payments_review_is_named_only_when_there_is_one(words, store: Store) -> None:
    managed = render.render(gareth(words, store).plan(), "md")  # the council manages his budget
    assert "The plan was agreed on" in managed
    assert "review of the direct payment" not in managed
    paid = render.render(mia(words, store).plan(), "md")  # Mia has a direct payment
    assert "The review of the direct payment counts from the day of the first payment." in paid


# -- the day the council agrees the plan ------------------------------------------------------

def test_a_plan_not_agreed_yet_says_so_and_asks_nobody_for_the_date(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.agreed-yet": "not-yet"})
    assert "happen.agreed" not in session.snapshot().live  # no date is asked for
    plan = session.plan()
    assert plan.agreed_on is None
    text = render.render(plan, "md")
    assert "Date the plan was agreed" not in text
    assert "The council has not agreed the plan yet." in text
    assert "Date agreed: not known yet" not in text
    assert not any("agreed" in f.text.lower() for f in plan.readiness.findings)
    # "Not yet" says nothing about making the plan happen (the seventh criterion)
    assert not next(c for c in plan.readiness.criteria if c.number == 7).answered


def test_not_sure_when_the_council_agreed_is_not_a_thing_it_would_need(words,
                                                                        store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.agreed-yet": UNSURE})
    assert session.snapshot().live.get("happen.agreed") is None
    plan = session.plan()
    assert all(f.question not in ("happen.agreed-yet", "happen.agreed")
               for f in plan.readiness.findings)
    assert all(f.question not in ("happen.agreed-yet", "happen.agreed")
               for f in plan.to_find_out)
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.agreed-yet": "yes", "happen.agreed": UNSURE})
    plan = session.plan()
    assert "Date the plan was agreed" not in render.render(plan, "md")
    assert all(f.question != "happen.agreed" for f in plan.readiness.findings)


# -- who helped, and the unpaid carer ------------------------------------------------------

def test_also_helped_is_who_took_part_and_the_unpaid_carer_is_named(words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "with", "welcome.helper-name": "Jo",
        "welcome.helper-role": "advocate",
        "circle.people": [{"name": "Carol", "relation": "daughter", "ring": "closest",
                           "helps": "Shopping"}],
        "circle.unpaid-carer": "yes",
        "circle.planning": ["My neighbour Bob"],
        "happen.details": {"carer": "Carol (daughter)"},
    })
    session.begin_sitting(Mode.WITH, "Jo", "advocate", ["Sam", "Jo", "Priya"])
    text = render.render(session.plan(), "md")
    first = text.split("\n## ")[1]
    assert "**Also helped:** Priya" in first
    assert "Bob" not in first  # a wish, not someone who helped
    assert "**Unpaid carer:** Carol (daughter)" in first
    assert "My neighbour Bob" in text  # the wish itself, with the person's other answers


# -- the law it follows --------------------------------------------------------------------

def test_the_plan_says_once_that_it_follows_the_law_in_england(words, store: Store) -> None:
    plan = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self"}).plan()
    for fmt in ("md", "txt", "html"):
        text = render.render(plan, fmt)
        assert text.count("follows the law in England") == 1, fmt
        assert "the Care Act 2014" in text
        assert "(Source: Care Act 2014; Where these rules apply, the law.)" in text


# -- employing someone, and the direct payment against the support ---------------------------

PA = item("A personal assistant", "pa", 1, "week", "10", "13", "hour", "personal-budget")


def test_employing_someone_shows_what_it_costs_beyond_pay_each_with_its_day_and_source(
        words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "150", "period": "week"},
        "personal-budget.managed": "direct-payment",
        "personal-budget.employ-pa": "yes",
        "planning.costs": [PA],
        "planning.pa-costs": ["holiday"],
    })
    plan = session.plan()
    text = render.render(plan, "md")
    assert "12.07%" not in text  # holiday pay is in the costs already
    assert "workplace pension" not in text  # not due on £6,760 a year
    for said in ("15% on each worker's pay above £5,000 a year", "up to £10,500 a year",
                 "for cover", "employer's liability insurance", "payroll service",
                 "right to work", "statutory sick pay changed"):
        assert said in text, said
    assert ("(Figures from 6 April 2025: check them each April. Source: Employer's National "
            "Insurance") in text
    [oncosts] = [f for f in plan.readiness.findings if f.code == "pa_oncosts"]
    assert not oncosts.blocks  # holiday pay is in; the rest is worth checking
    assert "the boss's share of national insurance, if due" in oncosts.text
    missing = oncosts.text.split("yet:")[1]
    assert "holiday" not in missing
    # £6,760 a year: past the point National Insurance is due, not the pension's £10,000
    assert "pension" not in missing


def test_no_costs_beyond_pay_in_the_plan_is_something_the_council_would_need(
        words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "150", "period": "week"},
        "personal-budget.managed": "direct-payment",
        "personal-budget.employ-pa": "yes", "planning.costs": [PA],
        "planning.pa-costs": ["none"],
    })
    [oncosts] = [f for f in session.plan().readiness.findings if f.code == "pa_oncosts"]
    assert oncosts.blocks and oncosts.question == "planning.pa-costs"


def test_a_direct_payment_well_above_the_support_is_asked_about(words, store: Store) -> None:
    answers = {
        "welcome.name": "Sam", "welcome.mode": "self",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "200", "period": "week"},
        "personal-budget.managed": "direct-payment",
        "personal-budget.dp-amount": {"amount": "200", "period": "week"},
        "planning.costs": [PA],  # £130 a week
    }
    plan = walk(words, store, answers).plan()
    [above] = [f for f in plan.readiness.findings if f.code == "dp_above_costs"]
    assert "£10,400.00 a year" in above.text and "£6,760.00 a year" in above.text
    assert "£3,640.00" in above.text
    cover = item("Cover and a contingency", "other", 1, "year", "", "3640", "time",
                 "personal-budget")
    plan = walk(words, store, {**answers, "planning.costs": [PA, cover]}).plan()
    assert not [f for f in plan.readiness.findings if f.code == "dp_above_costs"]


def test_a_council_managed_budget_has_no_employers_costs_or_direct_payment_check(
        words, store: Store) -> None:
    plan = gareth(words, store).plan()
    assert not plan.money.employer
    assert not [f for f in plan.readiness.findings
                if f.code in ("pa_oncosts", "dp_above_costs")]


# -- health budgets and the personal budget -------------------------------------------------

def _held_choices(words, store: Store, routes: list[str]) -> list[str]:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "health-budget.route": routes})
    session.go_to_question("health-budget.held")
    return [c.value for c in session.choices(session.question)]


def test_a_wheelchair_budget_is_never_offered_as_a_direct_payment(words, store: Store) -> None:
    assert "direct-payment" not in _held_choices(words, store, ["wheelchair"])
    assert "direct-payment" in _held_choices(words, store, ["wheelchair", "s117"])
    assert "direct-payment" in _held_choices(words, store, ["chc"])


def test_the_health_budget_step_names_its_rights_and_their_law(words) -> None:
    step = words.step("health-budget")
    assert "after a hospital stay" not in step.intro.replace("section 117", "")
    assert "section 117 after-care" in step.intro and "NHS wheelchair" in step.intro
    assert "not paid as a direct payment" in step.more
    cited = [words.source(s).reference for s in step.sources]
    assert any("Standing Rules and Integrated Care Boards) Regulations 2012" in r for r in cited)
    assert words.source("wheelchair-budget").standing == "guidance"


def test_the_plan_says_the_personal_budget_must_be_enough(words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self", "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "100", "period": "week"},
        "personal-budget.enough": "no"})
    text = render.render(session.plan(), "md")
    assert "personal budget must be enough to meet the needs the council is meeting" in text
    assert "thinks the figure is not enough" in text or "You think the figure is not enough" \
        in text


# -- advice on staying well ----------------------------------------------------------------

def _prevention(words, store: Store, who: str, picked: list[str]):
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "rights.who": who})
    session.go_to_question("planning.prevention")
    offered = [c.value for c in session.choices(session.question)]
    session.answer(picked)
    return offered, render.render(session.plan(), "md")


def test_advice_on_staying_well_fits_what_the_person_picked(words, store: Store) -> None:
    offered, text = _prevention(words, store, "person", ["groups", "health"])
    assert "falls" in offered and "carer-break" not in offered
    assert "Groups and clubs nearby" in text
    assert "falls" not in text.lower()
    _, text = _prevention(words, store, "person", ["falls"])
    assert "Help to avoid falls is one way" in text and "Groups and clubs nearby" not in text


def test_a_carer_is_offered_carers_advice_not_falls(words, store: Store) -> None:
    offered, text = _prevention(words, store, "carer", ["carer-break", "advice"])
    assert "falls" not in offered and "carer-break" in offered
    assert "A carers' centre can give you advice" in text
    assert "falls" not in text.lower()


# -- the details a council's file needs ------------------------------------------------------

DETAILS = {"name": "Samira Okafor", "born": "3/4/1961", "address": "4 Mill Lane, Leeds",
           "contact": "07700 900456", "council": "Leeds City Council",
           "reference": "AS-118822", "nhs": "485 777 3456", "main": "Tunde (son)"}


def test_the_details_for_the_councils_file_are_on_the_first_page_only(words,
                                                                       store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.details": answers.details(DETAILS)})
    plan = session.plan()
    text = render.render(plan, "md")
    first = text.split("\n## ")[1]
    for row in ("**Full name:** Samira Okafor", "**Date of birth:** 3 April 1961",
                "**Address:** 4 Mill Lane, Leeds", "**Phone or email:** 07700 900456",
                "**Council:** Leeds City Council", "**Council's reference number:** AS-118822",
                "**NHS number:** 485 777 3456", "**Main contact:** Tunde (son)"):
        assert row in first, row
        assert text.count(row.split(":** ")[1]) == 1  # said once, on the first page
    profile = render.render(plan, "profile-md")
    assert "485 777 3456" not in profile and "Samira" not in profile
    assert "Unpaid carer" not in first  # nobody helps unpaid here


def test_no_details_is_an_answer_too(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.details": {}})
    assert session.journey.answers["happen.details"].value == {}
    assert not [f for f in session.plan().readiness.findings
                if f.question == "happen.details"]


def test_a_date_of_birth_to_come_is_refused(words) -> None:
    with pytest.raises(answers.AnswerError) as refused:
        answers.details({"born": "3/4/2999"})
    assert refused.value.key == "error_birth_future"
    assert answers.details({"born": "", "name": "  Sam  "}) == {"name": "Sam"}


def test_costs_beyond_pay_not_said_yet_are_named_leaving_out_what_is_not_due(
        words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "150", "period": "week"},
        "personal-budget.managed": "direct-payment",
        "personal-budget.employ-pa": "yes", "planning.costs": [PA],
    })
    [oncosts] = [f for f in session.plan().readiness.findings if f.code == "pa_oncosts"]
    assert oncosts.blocks
    assert "holiday pay" in oncosts.text and "national insurance" in oncosts.text
    assert "pension" not in oncosts.text  # £6,760 a year is below the pension's £10,000


def test_a_suggestion_waits_for_agreement_on_its_own_even_after_the_person_adds_more(
        words, store: Store) -> None:
    session = _loves_with_one_suggestion(words, store)
    session.go_to_question("dreams.love")
    session.answer(["Her garden", "Radio 4", "The choir", "Baking"], move_on=False)
    [waiting] = session.journey.suggestions()  # the person changed the list last
    question = words.question("dreams.love")
    assert suggested_lines(words, question, waiting, session.journey, "Sam") == ["The choir"]
    entry = _entry(session.plan(), "dreams.love")
    assert entry.lines[2:] == ["The choir (suggested by Jo (advocate))", "Baking"]
    session.confirm("dreams.love")
    assert session.journey.suggestions() == []
    entry = _entry(session.plan(), "dreams.love")
    assert entry.lines[2] == "The choir (suggested by Jo (advocate), agreed by Sam)"


def test_a_relative_paid_from_a_direct_payment_is_employed_too(words, store: Store) -> None:
    pay = item("Carol's help each morning", "family", 7, "week", "2", "13", "hour",
               "personal-budget")
    answers_ = {"welcome.name": "Sam", "welcome.mode": "self",
                "personal-budget.known": "yes",
                "personal-budget.amount": {"amount": "200", "period": "week"},
                "personal-budget.managed": "direct-payment", "planning.costs": [pay]}
    plan = walk(words, store, answers_).plan()
    assert plan.money.employs and any("right to work" in line for line in plan.money.employer)
    managed = walk(words, store, {**answers_, "personal-budget.managed": "council-managed"}).plan()
    assert not managed.money.employs  # the council, not Sam, would pay her


def test_saying_no_one_is_employed_while_the_direct_payment_pays_someone_by_name_is_found(
        words, store: Store) -> None:
    """Paying Carol by the hour from the direct payment makes whoever runs it her employer:
    a plan that says no helper is employed has none of the employer's jobs sorted."""
    pay = item("Carol's help each morning", "family", 7, "week", "2", "13", "hour",
               "personal-budget")
    answers_ = {"welcome.name": "Sam", "welcome.mode": "self",
                "personal-budget.known": "yes",
                "personal-budget.amount": {"amount": "200", "period": "week"},
                "personal-budget.managed": "direct-payment",
                "personal-budget.employ-pa": "no", "planning.costs": [pay]}
    [found] = [f for f in walk(words, store, answers_).plan().readiness.findings
               if f.code == "employer_named"]
    assert found.blocks and found.question == "personal-budget.employ-pa"
    assert "Carol's help each morning" in found.text and "employer" in found.text
    # Saying yes asks the employer's jobs instead; the council paying her employs no one.
    yes = walk(words, store, {**answers_, "personal-budget.employ-pa": "yes",
                              "personal-budget.employer-basics": ["contract", "payroll",
                                                                  "insurance", "records"]})
    assert "employer_named" not in {f.code for f in yes.plan().readiness.findings}
    council = {k: v for k, v in answers_.items() if k != "personal-budget.employ-pa"}
    managed = walk(words, store, {**council, "personal-budget.managed": "council-managed"})
    assert "employer_named" not in {f.code for f in managed.plan().readiness.findings}


def test_a_pension_is_named_once_pay_passes_its_trigger(words, store: Store) -> None:
    full = item("A personal assistant, most days", "pa", 1, "week", "20", "13", "hour",
                "personal-budget")  # £13,520 a year
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "personal-budget.known": "yes",
        "personal-budget.amount": {"amount": "300", "period": "week"},
        "personal-budget.managed": "direct-payment",
        "personal-budget.employ-pa": "yes", "planning.costs": [full],
        "planning.pa-costs": ["holiday", "national-insurance"]})
    plan = session.plan()
    text = render.render(plan, "md")
    assert ("A worker who earns over £10,000 a year must be put in a workplace pension. The "
            "employer pays at least 3% of their pay above £6,240 a year.") in text
    [oncosts] = [f for f in plan.readiness.findings if f.code == "pa_oncosts"]
    assert "a workplace pension" in oncosts.text


def test_details_not_known_yet_are_worth_finding_not_needed_first(words, store: Store) -> None:
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "happen.details": UNSURE})
    [found] = [f for f in session.plan().readiness.findings if f.question == "happen.details"]
    assert found.code == "to_find_out" and not found.blocks
