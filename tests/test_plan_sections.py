"""Each part of the plan derived from the answers (needs area by area, outcomes and what meets
them, the money, who helped, the agreement, next steps), the panel's checks with the question
that puts each right, weekly and yearly figures that agree, and every format carrying the
parts with typed text kept inert."""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from journey.content import PayFloor
from journey.conversation.session import Session
from journey.documents import render
from journey.plan import build
from journey.store.database import Store

from .examples import EXAMPLES, edna, gareth, item, mia, walk

D = Decimal
SELF = {"welcome.name": "Ann", "welcome.mode": "self"}
BEHALF = {"welcome.name": "Ann", "welcome.mode": "behalf", "welcome.helper-name": "Jo",
          "welcome.helper-role": "son"}


def codes(session: Session) -> dict[str, str]:
    """Each finding's code and the question that puts it right."""
    return {f.code: f.question for f in session.plan().readiness.findings}


def text_of(plan: Any, fmt: str) -> str:
    data = render.export(plan, fmt)
    if fmt == "html":
        return html.unescape(data.decode("utf-8"))
    if fmt != "docx":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n")).replace("&amp;", "&")


# -- needs, outcomes and what meets them ---------------------------------------------------

def test_needs_are_shown_area_by_area(words, store: Store) -> None:
    session = walk(words, store, {
        **SELF, "assessment.status": "not-yet", "assessment.prepare": "adult",
        "assessment.adult.nutrition.hard": "no",
        "assessment.adult.hygiene.hard": "yes",
        "assessment.adult.hygiene.how": ["help", "pain"],
        "assessment.adult.hygiene.bad-day": "I wash at the sink",
        "assessment.adult.community.hard": "sometimes",
    })
    plan = session.plan()
    [group] = plan.needs
    assert group.title == "The ten outcomes for adults"
    assert [(a.label, a.how, a.bad_day) for a in group.areas] == [
        ("Getting washed and keeping clean",
         ["It cannot be done without help", "It causes pain, distress or worry"],
         "I wash at the sink"),
        ("Going to local places", [], None)]
    assert group.areas[0].legal == "maintaining personal hygiene"
    # Folded into the needs part: no line per question in the sections.
    assert not [e for s in plan.sections for e in s.entries
                if e.question.startswith("assessment.adult.")]
    # The areas said to be hard are part of the person's own list.
    assert [a.label for a in plan.outcomes] == ["Getting washed and keeping clean",
                                                "Going to local places"]
    for fmt in ("md", "txt", "html", "docx"):
        shown = text_of(plan, fmt)
        assert "The ten outcomes for adults" in shown and "I wash at the sink" in shown, fmt


def test_outcomes_name_what_meets_them(words, store: Store) -> None:
    session = walk(words, store, {
        **SELF, "assessment.hard": ["Getting out"],
        "planning.outcomes": ["See my friends", "getting out"],  # said twice: kept once
        "planning.costs": [item("PA", "pa", 1, "week", "3", "15", "hour", "personal-budget",
                                serves=["Getting out"]),
                           item("Club", "community", 1, "week", "", "3", "time", "own-money")],
    })
    plan = session.plan()
    assert [(a.label, a.kind, a.met_by) for a in plan.outcomes] == [
        ("Getting out", "need", ["PA"]), ("See my friends", "outcome", [])]
    assert codes(session)["not_met"] == "planning.costs"
    assert "See my friends" in next(f.text for f in plan.readiness.findings
                                    if f.code == "not_met")
    assert re.search(r"See my friends\s*\|\s*nothing yet", render.render(plan, "md"))


# -- the money ----------------------------------------------------------------------------

MONEY = {**SELF, "personal-budget.known": "yes",
         "personal-budget.amount": {"amount": "800", "period": "month"},
         "personal-budget.agreed": "yes", "personal-budget.pay-part": "yes",
         "personal-budget.managed": "direct-payment"}


def test_the_money_is_set_out_and_reconciled(words, store: Store) -> None:
    # £9,600 a year, less £1,300 paid by Ann: £8,300, paid as £638.46 every four weeks.
    session = walk(words, store, {
        **MONEY, "personal-budget.dp-amount": {"amount": "638.46", "period": "four-weeks"},
        "planning.contribution": {"amount": "25", "period": "week"}})
    money = session.plan().money
    assert (money.budget.per_year, money.budget.per_week) == (D("9600.00"), D("184.62"))
    assert money.contribution.per_year == D("1300.00")
    assert (money.council_pays.per_year, money.council_pays.per_week) == (D("8300.00"),
                                                                          D("159.62"))
    assert money.direct_payment.per_year == D("8299.98") and money.direct_payment_matches
    assert money.lines[:3] == [
        "Personal budget: £800.00 a month (£184.62 a week, £9,600.00 a year), agreed.",
        "Ann pays £25.00 a week towards it (£1,300.00 a year).",
        "The council pays the rest: £159.62 a week, £8,300.00 a year."]
    assert "dp_mismatch" not in codes(session)

    session.go_to_question("personal-budget.dp-amount")
    session.answer({"amount": "700", "period": "four-weeks"})
    money = session.plan().money
    assert money.direct_payment_matches is False
    assert codes(session)["dp_mismatch"] == "personal-budget.dp-amount"
    assert "does not match the budget" in " ".join(money.lines)


def test_a_contribution_not_known_is_found(words, store: Store) -> None:
    session = walk(words, store, MONEY)
    assert session.plan().money.contribution_unknown
    assert codes(session)["no_contribution"] == "planning.contribution"
    assert "How much is not known yet" in " ".join(session.plan().money.lines)
    session.go_to_question("planning.contribution")
    session.answer({"amount": "10", "period": "week"})
    assert "no_contribution" not in codes(session)


def figures(plan: Any) -> list[tuple[Decimal, Decimal]]:
    """Every (a week, a year) pair the plan shows."""
    costing, money = plan.costing, plan.money
    pairs = [(i.per_week, i.per_year) for i in costing.lines]
    pairs += [(t.per_week, t.per_year) for t in costing.totals]
    pairs += [(b.per_week, b.per_year) for b in costing.budgets]
    pairs += [(costing.total_per_week, costing.total_per_year)]
    pairs += [(f.per_week, f.per_year) for f in (money.budget, money.contribution,
                                                   money.council_pays, money.direct_payment)
              if f is not None]
    pairs += [(t.left_per_week, t.left_per_year) for t in costing.totals
              if t.left_per_year is not None]
    return pairs


@pytest.mark.parametrize("example", EXAMPLES)
def test_weekly_and_yearly_figures_agree(words, store: Store, example: str) -> None:
    """Each figure is worked out for a year; a week is the year divided by 52, to the nearest
    penny. So a reader multiplying a week by 52 is never more than 26p out, and the plan
    says how the figures are worked out."""
    plan = EXAMPLES[example](words, store).plan()
    pairs = figures(plan)
    assert len(pairs) > 5
    for week, year in pairs:
        assert week == (year / 52).quantize(D("0.01"), rounding=ROUND_HALF_UP), (week, year)
        assert abs(week * 52 - year) <= D("0.26")
    for fmt in ("md", "txt", "html", "docx"):
        assert "A week is the year divided by 52" in text_of(plan, fmt), fmt


def test_pay_below_the_floor_in_content_is_found(words, store: Store) -> None:
    answers = {**SELF, "planning.costs": [
        item("Lou, my PA", "pa", 1, "week", "4", "12.50", "hour", "personal-budget"),
        item("Agency", "agency", 1, "week", "1", "9", "hour", "personal-budget"),
        item("My friend Kim", "family", 1, "week", "", "5", "time", "own-money")]}
    session = walk(words, store, {**answers, "happen.start": "2026-05-01"})
    [low] = session.plan().money.low_pay
    assert (low.what, low.hourly, low.floor, low.starts) == (
        "Lou, my PA", D("12.50"), D("12.71"), date(2026, 4, 1))
    finding = next(f for f in session.plan().readiness.findings if f.code == "low_pay")
    assert finding.question == "planning.costs" and "£12.71" in finding.text
    # Before the first rate content knows, nothing is said; with no date, the latest counts.
    assert walk(words, store, {**answers, "happen.start": "2026-03-01"}).plan().money.low_pay \
        == []
    assert len(walk(words, store, answers).plan().money.low_pay) == 1
    # Next April's rate is a change of content, not of code.
    later = PayFloor(name="National Living Wage", hourly=D("13.20"), starts=date(2027, 4, 1),
                     sources=["national-living-wage"])
    newer = replace(words, pay_floors=[*words.pay_floors, later])
    journey = walk(words, store, {**answers, "happen.start": "2027-06-01"}).journey
    assert [low.floor for low in build(newer, journey).money.low_pay] == [D("13.20")]


def test_a_personal_assistants_costs_beyond_pay(words, store: Store) -> None:
    session = walk(words, store, {
        **SELF, "personal-budget.managed": "direct-payment", "personal-budget.employ-pa": "yes",
        "planning.pa-costs": ["holiday", "insurance"]})
    money = session.plan().money
    assert money.pa_costs_in == ["Holiday pay, for 5.6 weeks a year",
                                 "Employer's liability insurance"]
    assert "A payroll service" in money.pa_costs_missing
    assert any(line.startswith("Not in the costs yet: ") for line in money.lines)


# -- the person's voice, the carer's plan, risks and staying well -------------------------

def test_planning_for_someone_shows_their_views_and_a_paid_helper(words, store: Store) -> None:
    session = walk(words, store, {**BEHALF, "rights.paid-helper": "yes"})
    assert codes(session)["no_views"] == "rights.their-views"
    helping = session.plan().helping
    assert helping == ["Jo (son) made this plan on Ann's behalf.",
                       "Jo may be paid from this plan. This is a conflict of interest, named "
                       "here openly."]
    assert build(words, session.journey, attributed=False).helping == [
        "Someone who helped make this plan may be paid from it. This is a conflict of "
        "interest, named here openly."]
    session.go_to_question("rights.their-views")
    session.answer("She wants to stay at home")
    assert "no_views" not in codes(session)
    about = next(s for s in session.plan().sections if s.id == "about")
    assert ["She wants to stay at home"] in [e.lines for e in about.entries]


def test_a_carers_plan_needs_an_emergency_plan(words, store: Store) -> None:
    session = walk(words, store, {**SELF, "rights.who": "carer"})
    assert codes(session)["no_emergency_plan"] == "planning.carer-emergency"
    session.go_to_question("planning.carer-emergency")
    session.answer("My sister has him")
    assert session.question.id == "planning.carer-able"
    session.answer("with-support")
    assert "no_emergency_plan" not in codes(session)
    backup = next(s for s in session.plan().sections if s.id == "backup")
    assert [e.label for e in backup.entries][-2:] == ["Emergency plan for the person cared for",
                                                     "Able and willing to go on caring"]


def test_risks_and_staying_well(words, store: Store) -> None:
    session = walk(words, store, SELF)
    found = codes(session)
    assert (found["no_risks"], found["no_prevention"]) == ("planning.risks",
                                                          "planning.prevention")
    session.go_to_question("planning.prevention")
    session.answer(["none"])  # even then, the advice the plan must give is there
    session.go_to_question("planning.risks")
    session.answer(["I might fall"])
    assert session.question.id == "planning.backup"  # what keeps things safe is recalled
    found = codes(session)
    assert "no_risks" not in found and "no_prevention" not in found
    plan = session.plan()
    safe = next(s for s in plan.sections if s.id == "safe")
    assert "call 999" in safe.entries[-1].lines[0]
    staying = next(s for s in plan.sections if s.id == "prevention")
    assert any("stop needs growing" in line for e in staying.entries for line in e.lines)


def test_an_agreed_date_with_a_rough_or_overspent_budget(words, store: Store) -> None:
    rough = {**SELF, "personal-budget.known": "yes",
             "personal-budget.amount": {"amount": "100", "period": "week"},
             "personal-budget.agreed": "no", "happen.agreed": "2026-05-01"}
    assert codes(walk(words, store, rough))["agreed_rough"] == "personal-budget.agreed"
    over = {**rough, "personal-budget.agreed": "yes", "planning.costs": [
        item("PA", "pa", 10, "week", "1", "15", "hour", "personal-budget")]}
    found = codes(walk(words, store, over))
    assert found["agreed_over"] == "planning.costs" and "agreed_rough" not in found
    not_agreed = {k: v for k, v in over.items() if k != "happen.agreed"}
    assert "agreed_over" not in codes(walk(words, store, not_agreed))


def test_every_new_finding_leads_to_a_question_that_is_asked(words, store: Store) -> None:
    session = walk(words, store, {
        **BEHALF, "rights.who": "carer", **{k: v for k, v in MONEY.items()
                                           if not k.startswith("welcome.")},
        "personal-budget.dp-amount": {"amount": "1", "period": "week"},
        "planning.costs": [item("PA", "pa", 1, "week", "1", "9", "hour", "personal-budget")],
        "planning.outcomes": ["Sleep"], "happen.agreed": "2026-05-01"})
    found = codes(session)
    assert {"no_emergency_plan", "no_views", "not_met", "no_contribution", "dp_mismatch",
            "low_pay", "no_risks", "no_prevention"} <= set(found)
    for question_id in found.values():
        assert session.go_to_question(question_id), question_id
        assert session.question.id == question_id


# -- the plan's other parts ------------------------------------------------------------

def test_the_agreement_block(words, store: Store) -> None:
    # Mia planned alone: she is not asked whether she agrees, the plan says she made it.
    assert mia(words, store).plan().agreement.lines[0] == "Mia made this plan."
    plan = gareth(words, store).plan()
    assert plan.agreement.lines == [
        "What Gareth says about the plan: Agrees with the plan.",
        "Helped by: Jo (support broker).",
        "Agreed for the council by: Alex Morgan, social worker.",
        "Date agreed: 20 April 2026.",
        "The council must try to agree the plan with Gareth. It must give Gareth a copy, and a "
        "copy to anyone Gareth asks."]
    session = walk(words, store, {**BEHALF, "happen.person-agrees": "cannot-say",
                                  "happen.views-sought": "We used pictures"})
    agreement = session.plan().agreement
    assert "What Ann says about the plan: Cannot say" in agreement.lines[0]
    assert agreement.helper == "Jo (son)"
    assert "How Ann's views were found out: We used pictures" in agreement.lines
    assert agreement.copy_lines[0].startswith("The council must try to agree the plan with Ann")
    for fmt in ("md", "txt", "html", "docx"):
        shown = text_of(session.plan(), fmt)
        assert "Agreeing the plan" in shown and "Helped by: Jo " in shown, fmt


def test_actions_come_soonest_first(words, store: Store) -> None:
    session = walk(words, store, {**SELF, "happen.first-steps": [
        {"what": "Later", "who": "", "by": "2026-09-01", "status": "to-do"},
        {"what": "Some day", "who": "", "by": "", "status": "to-do"},
        {"what": "Soon", "who": "", "by": "2026-05-01", "status": "doing"}]})
    session.go_to_question("happen.start")
    session.answer(None, unsure=True)
    actions = session.plan().actions
    assert [a.what for a in actions] == ["Soon", "Later", "Some day",
                                         "Find out: Start date (Making it happen)"]


def test_next_steps_and_shared_notes_reach_every_format(words, store: Store) -> None:
    session = walk(words, store, {**SELF, "welcome.mode": "with",
                                  "welcome.helper-name": "Jo", "welcome.helper-role": "broker"})
    session.note("Jo rings the agency on Monday", next_step=True)
    session.note("Ann likes mornings best", in_plan=True)
    session.note("Private thought")
    plan = session.plan()
    assert plan.next_steps == ["Jo rings the agency on Monday"]
    for fmt in ("md", "txt", "html", "docx"):
        shown = text_of(plan, fmt)
        assert "Agreed next steps" in shown and "Jo rings the agency on Monday" in shown, fmt
        assert "Ann likes mornings best" in shown, fmt
        assert "Private thought" not in shown, fmt


def test_a_copy_without_notes_never_shows_them(words, store: Store) -> None:
    """The plan is kept with the journey until it changes; a copy must make its own."""
    session = walk(words, store, {**SELF, "welcome.mode": "with",
                                  "welcome.helper-name": "Jo", "welcome.helper-role": "broker"})
    session.note("Jo rings the agency", next_step=True)
    session.note("Shared", in_plan=True)
    assert session.plan().next_steps and session.plan().notes
    handed_on = session.journey.without_notes()
    plan = build(words, handed_on)
    assert (plan.next_steps, plan.notes) == ([], [])
    assert session.plan().next_steps == ["Jo rings the agency"]


def test_the_check_never_says_nothing_is_missing(words, store: Store) -> None:
    plan = mia(words, store).plan()
    assert plan.readiness.ready
    assert plan.readiness.verdict.startswith(
        "journey checked its list and found nothing missing. The council may still ask for more.")
    for fmt in ("md", "txt", "html", "docx"):
        shown = text_of(plan, fmt)
        assert "journey checked its list and found nothing missing" in shown, fmt
        assert "Nothing that a council would need is missing" not in shown, fmt
    assert edna(words, store).plan().readiness.verdict == "The council would still need:"


# -- typed text stays inert in the new parts ----------------------------------------------

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [x](http://evil) # h \x1b[31mred\x07"


def test_the_person_is_asked_to_agree_only_when_someone_helps(words, store: Store) -> None:
    alone = walk(words, store, {**SELF, "happen.start": "2026-05-01"})
    assert not words.question("happen.person-agrees").applies(alone.journey.values())
    assert alone.plan().agreement.lines[0] == "Ann made this plan."
    for mode in ("with", "behalf"):
        helped = walk(words, store, {**BEHALF, "welcome.mode": mode})
        assert words.question("happen.person-agrees").applies(helped.journey.values()), mode
        assert helped.plan().agreement.lines[0] == "What Ann says about the plan: not known yet."


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "docx"])
def test_hostile_text_in_the_new_parts_is_inert(words, store: Store, fmt: str) -> None:
    session = walk(words, store, {
        **BEHALF, "welcome.helper-name": HOSTILE, "rights.their-views": HOSTILE,
        "rights.paid-helper": "yes",
        "assessment.hard": [HOSTILE], "planning.outcomes": [HOSTILE + " 2"],
        "planning.costs": [item(HOSTILE, "pa", 1, "week", "1", "5", "hour",
                                "personal-budget", HOSTILE, [HOSTILE])],
        "planning.risks": [HOSTILE], "happen.agreed": "2026-05-01",
        "happen.person-agrees": "cannot-say", "happen.views-sought": HOSTILE,
        "happen.signed-by": HOSTILE})
    session.note(HOSTILE, next_step=True)
    plan = session.plan()
    assert plan.outcomes[0].met_by and plan.money.low_pay and plan.agreement.council_by
    shown = text_of(plan, fmt)
    assert "\x1b" not in shown and "\x07" not in shown and "49" not in shown
    if fmt == "html":
        page = render.export(plan, fmt).decode("utf-8")
        assert "<script>" not in page and "&lt;script&gt;" in page
        assert 'href="' not in page
    elif fmt == "md":
        assert "<script>" not in shown and "\\<script\\>" in shown
        # Brackets are escaped, so "](http" is left only as "\\](http": never a link.
        assert "\n# h" not in shown and not re.search(r"(?<!\\)\]\(http", shown)
