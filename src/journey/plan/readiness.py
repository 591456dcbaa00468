"""What a council would still need before agreeing the plan, in plain words. Each finding
names the step and question where it can be put right. Pure: it reads the plan once it is
built, and the answers folded for it (journey.plan.snapshot); it never builds the plan.

Facts: ../shared/domain/care-act-facts.md (In Control's seven criteria and a responsible
person for the money; back-up plans and a plan if a carer's help changes; the Direct Payments
Regulations 2014 on paying close family; what employing a personal assistant involves)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from journey.content import Kind, holds
from journey.core.answers import Funding, Provider, pounds
from journey.core.circle import members, same
from journey.core.model import Mode
from journey.plan.costing import COSTS_QUESTION, Costing
from journey.plan.parts.money import BUDGETS, NAMED_PEOPLE, Money, not_due
from journey.plan.parts.outcomes import Aim
from journey.plan.parts.sections import Section
from journey.plan.snapshot import COUNCIL_MAKES, Snapshot

MONEY_PERSON = "personal-budget.money-person"
BACKUP = "planning.backup"
CARER_BACKUP = "planning.carer-backup"
UNPAID_CARER = "circle.unpaid-carer"
RELATION = "personal-budget.family-relation"
HOUSEHOLD = "personal-budget.family-household"
COUNCIL_AGREE = "personal-budget.council-agree"
SECOND_LOOK = "personal-budget.family-second-look"
WITH_HOLDER = "personal-budget.family-with-holder"
LOOSE = {"other-family", "friend"}  # relations the rules do not restrict
EMPLOY_PA = "personal-budget.employ-pa"
EMPLOYER_BASICS = "personal-budget.employer-basics"
OPTIONS_EMPLOY = "options.employ"
OPTIONS_PAY_FAMILY = "options.pay-family"
# Direct Payments Regulations 2014: close family who may not be paid when they live in the
# same household, unless the council decides it is necessary; the same goes for the husband,
# wife or live-in partner of one of those relatives living there. A spouse, civil partner or
# someone living as one may not be paid wherever they live.
CLOSE_FAMILY = {"parent", "child", "sibling", "aunt-uncle", "grandparent", "relative-partner"}
WHO_THEY_ARE = {"partner": "family_partner", "relative-partner": "family_relative_partner"}
EMPLOYER_JOBS = ("contract", "payroll", "insurance", "records")
BUDGET_FUNDING = {Funding.PERSONAL_BUDGET.value, Funding.HEALTH_BUDGET.value}
OWN_WORDS = {Kind.TEXT, Kind.LIST, Kind.PERSON, Kind.SUPPORT, Kind.ACTIONS}
# What a panel asks of every plan (care-act-facts.md: s25 and s25(1) advice on preventing
# needs, the person's views when someone plans for them, a carer's emergency plan, the
# direct payment's amount, risks the plan names, pay at least the National Living Wage).
WHO = "rights.who"
CARERS = {"carer", "both"}
CARER_EMERGENCY = "planning.carer-emergency"
THEIR_VIEWS = "rights.their-views"
PAYS_PART = "personal-budget.pay-part"
CONTRIBUTION = "planning.contribution"
DIRECT_PAYMENT = "personal-budget.dp-amount"
RISKS = "planning.risks"
PREVENTION = "planning.prevention"
PREVENTION_SECTION = "prevention"
AGREED = "happen.agreed"
BUDGET_AGREED = "personal-budget.agreed"
PA_COSTS = "planning.pa-costs"
OPTIONAL = frozenset({"happen.details"})  # every box of it may be left empty
# A direct payment this much above the support it pays for (a tenth), with the difference not
# costed, is something a panel asks about: money building up can be taken back.
WELL_ABOVE = Decimal("0.10")
SAME = Decimal("1.00")
# Who gets a direct payment and on what basis, and who decides (Care Act 2014 ss31 and 32;
# Mental Capacity Act 2005): with capacity, the person or someone they nominate; without it,
# an authorised person. Whoever holds it is the employer.
MANAGED = "personal-budget.managed"
DIRECT = {"direct-payment", "mix"}
DP_HOLDER = "personal-budget.dp-holder"
HOLDS_OWN = {"self", "self-help"}
DECIDE_MONEY = "rights.decide-money"
PAID_HELPER = "rights.paid-helper"
HELPER_NAME = "welcome.helper-name"
FAMILY_WHO = "personal-budget.family-who"
# Children and turning 18 (Children Act 1989 s17ZD and s17ZA; Care Act 2014 ss58 to 66;
# Education Act 1996 s508F).
AGE = "rights.age"
UNDER_18 = {"child", "teen"}
YOUNG_NEEDS = "rights.young-needs"
CARED_FOR_AGE = "rights.cared-for-age"
ASSESSMENT_STATUS = "assessment.status"
COLLEGE_WORDS = ("college", "school", "education")


@dataclass(slots=True)
class Finding:
    """Something the council would need, or that is worth checking, and where to put it right."""

    code: str
    blocks: bool  # True when the council would need this before agreeing the plan
    text: str
    step: str
    step_number: int | None
    step_title: str
    question: str
    question_label: str


@dataclass(slots=True)
class Criterion:
    """One of the seven criteria, and whether the plan answers it."""

    number: int
    title: str
    answered: bool


@dataclass(slots=True)
class Readiness:
    """What the check found: the criteria, the findings, and the verdict in words."""

    criteria: list[Criterion]
    findings: list[Finding]
    verdict: str = ""  # what journey's checklist found, in words (never that nothing is missing)

    @property
    def ready(self) -> bool:
        """Nothing blocks agreement (findings that are only worth checking may remain)."""
        return not any(f.blocks for f in self.findings)


class Built(Protocol):
    """What the check reads of a plan built without its check."""

    sections: list[Section]
    costing: Costing
    money: Money
    outcomes: list[Aim]


class _Checker:
    def __init__(self, plan: Built, snap: Snapshot) -> None:
        self.plan = plan
        self.snap = snap
        self.content = snap.content
        self.costing = plan.costing
        self.live = snap.live
        self.findings: list[Finding] = []
        self.name = snap.name or snap.content.message("someone")

    def add(self, code: str, question_id: str, blocks: bool = True, text: str | None = None,
            **values: Any) -> None:
        content = self.content
        step = content.step_of(question_id)
        number = [s.id for s in content.steps].index(step.id) + 1 if (
            step is not content.welcome) else None
        self.findings.append(Finding(
            code=code,
            blocks=blocks,
            text=text if text is not None else content.message("finding_" + code, **values),
            step=step.id,
            step_number=number,
            step_title=step.title,
            question=question_id,
            question_label=content.question(question_id).label,
        ))

    def applies(self, question_id: str) -> bool:
        return self.snap.applies(question_id)

    def answered(self, question_id: str) -> bool:
        return question_id in self.live

    def where_to_answer(self, section_id: str) -> str:
        """Where to start filling a section: the first question feeding it that applies and
        has no answer, preferring those answered in the person's own words (a criterion is
        met by what they say, not by a yes or no); else the first that applies."""
        feeding = [q for s in self.content.all_steps for q in s.questions
                   if q.feeds == section_id]
        open_ = [q for q in feeding if self.applies(q.id)]
        unanswered = [q for q in open_ if not self.answered(q.id)]
        own_words = [q for q in unanswered if q.kind in OWN_WORDS]
        return (own_words or unanswered or open_ or feeding)[0].id

    # -- the checks ------------------------------------------------------------------

    def criteria(self, sections: list[Section]) -> list[Criterion]:
        states = []
        for section in sections:
            if section.criterion is None:
                continue
            answered = bool(section.entries)
            states.append(Criterion(number=section.criterion, title=section.title,
                                    answered=answered))
            if not answered:
                self.add("criterion", self.where_to_answer(section.id),
                         number=section.criterion, title=section.title)
        return states

    def money(self) -> None:
        costing = self.costing
        if not costing.lines:
            self.add("no_costs", COSTS_QUESTION)
        for total in costing.totals:
            if total.over:
                assert total.left_per_year is not None and total.left_per_week is not None
                self.add("over_budget", COSTS_QUESTION, budget=total.label.lower(),
                         over=pounds(-total.left_per_year), weekly=pounds(-total.left_per_week))
            elif total.funding in BUDGET_FUNDING and total.budget is None:
                where = "personal-budget.known" if (
                    total.funding == Funding.PERSONAL_BUDGET) else "health-budget.amount"
                self.add("budget_unknown", where, blocks=False, budget=total.label.lower())
        if not self.answered(MONEY_PERSON) and self.live.get(DP_HOLDER) not in HOLDS_OWN:
            self.add("no_money_person", MONEY_PERSON)

    def backup(self) -> None:
        if not self.answered(BACKUP):
            self.add("no_backup", BACKUP)
        if self.live.get(UNPAID_CARER) == "yes" and not self.answered(CARER_BACKUP):
            self.add("no_carer_backup", CARER_BACKUP)

    def relation(self) -> Any:
        """Who the paid person is to the person: a second look, prompted by the circle's own
        words for them, stands over a first "a relative not on the list" or "a friend"."""
        second = self.live.get(SECOND_LOOK)
        if second in ("partner", "relative-partner"):
            return second
        if second == "close-family":
            return "close-family"
        return self.live.get(RELATION)

    def family(self) -> None:
        live = self.live
        relation = self.relation()
        restricted = relation == "partner" or (
            relation in CLOSE_FAMILY | {"close-family"} and live.get(HOUSEHOLD) == "yes")
        agreement = live.get(COUNCIL_AGREE)
        if restricted and agreement != "agreed":
            who = self.content.message(WHO_THEY_ARE.get(relation, "family_household"))
            self.add("family_payment", COUNCIL_AGREE, who=who)
            return
        family_items = any(i.provider == Provider.FAMILY and i.funding in BUDGET_FUNDING
                           for i in self.costing.lines)
        wants = family_items or live.get(OPTIONS_PAY_FAMILY) == "yes"
        if wants and self.applies(RELATION) and not self.answered(RELATION):
            self.add("family_check", RELATION, blocks=False)
        elif relation in LOOSE and not self.answered(SECOND_LOOK) and self.words_point_to_list():
            self.add("family_words", RELATION, who=live[FAMILY_WHO]["name"])

    def words_point_to_list(self) -> bool:
        """The circle's own words for the person who would be paid (who they are, how they
        help) say what the second look asks about: "stepdad", "lives with us"."""
        paid = self.live.get(FAMILY_WHO)
        if not isinstance(paid, dict) or not paid.get("name"):
            return False
        look = self.content.question(SECOND_LOOK)
        words = [dict(paid), *(m for m in members(self.content, self.snap.journey)
                               if same(m, paid))]
        return any(holds(look.when, {**self.live, FAMILY_WHO: w}) for w in words)

    def holder(self) -> dict[str, str] | None:
        """Whoever holds the money for support, when it is someone other than the person."""
        held = self.live.get(MONEY_PERSON)
        if not isinstance(held, dict) or not held.get("name") or (
                self.snap.name and same(held, {"name": self.snap.name})):
            return None
        return held

    def decisions(self) -> None:
        """A direct payment held by someone else needs a basis that fits what the person
        can decide; a planner or holder who may be paid is a conflict of interest."""
        live = self.live
        holder = self.holder()
        basis = live.get(DP_HOLDER)
        direct = live.get(MANAGED) in DIRECT
        can_decide = live.get(DECIDE_MONEY)
        if direct and holder and self.applies(DP_HOLDER) and (
                basis is None or basis in HOLDS_OWN) and DP_HOLDER not in self.snap.unsure:
            self.add("dp_basis", DP_HOLDER, who=holder["name"], name=self.name)
        if basis == "nominated" and can_decide == "no":
            self.add("dp_nominated", DP_HOLDER, name=self.name)
        elif basis == "authorised" and can_decide == "yes":
            self.add("dp_authorised", DP_HOLDER, name=self.name)
        elif basis == "authorised" and self.missing(DECIDE_MONEY):
            self.add("dp_capacity_unknown", DECIDE_MONEY, name=self.name)
        planner = live.get(HELPER_NAME) if self.snap.mode is not Mode.SELF else None
        paid = live.get(FAMILY_WHO) if live.get(RELATION) not in (None, "no-one") else None
        paid = paid if isinstance(paid, dict) and paid.get("name") else None
        planner_paid = planner and (live.get(PAID_HELPER) == "yes" or (
            paid is not None and same(paid, {"name": planner})))
        if holder and (
                (planner_paid and same(holder, {"name": planner}))
                or (paid is not None and same(paid, holder))):
            self.add("conflict_holder", MONEY_PERSON, blocks=False, who=holder["name"],
                     name=self.name)
        elif planner_paid:
            self.add("conflict_planner", PAID_HELPER, blocks=False, who=planner, name=self.name)
        if live.get(WITH_HOLDER) == "yes":
            self.add("conflict_household", WITH_HOLDER, blocks=False,
                     who=paid["name"] if paid else self.content.message("family_someone"),
                     name=self.name)

    def young(self) -> None:
        """Children and young people moving to adult care: their own routes and rights."""
        live = self.live
        age = live.get(AGE)
        if age in UNDER_18 and live.get(WHO) in ("person", "both"):
            self.add("child_route", AGE, blocks=False, name=self.name)
        if age == "teen" and live.get(ASSESSMENT_STATUS) != "yes":
            self.add("transition", ASSESSMENT_STATUS, blocks=False, name=self.name)
        needs = live.get(YOUNG_NEEDS) or []
        if age == "left-children" or "childrens-services" in needs:
            self.add("carry_on", YOUNG_NEEDS, blocks=False, name=self.name)
        if "ehc" in needs and age in ("young-adult", "left-children"):
            college = [i.what for i in self.costing.lines if i.funding in BUDGET_FUNDING and any(
                w in f"{i.what} {i.helps}".casefold() for w in COLLEGE_WORDS)]
            if college:
                self.add("college_transport", COSTS_QUESTION, blocks=False,
                         items="; ".join(college))
        cared_for = live.get(CARED_FOR_AGE) or []
        if live.get(WHO) in CARERS and cared_for and "adult" not in cared_for and (
                age not in UNDER_18):
            self.add("parent_carer", CARED_FOR_AGE, blocks=False)

    def employer(self) -> None:
        live = self.live
        if live.get(EMPLOY_PA) == "yes":
            sorted_ = set(live.get(EMPLOYER_BASICS) or [])
            missing = [j for j in EMPLOYER_JOBS if j not in sorted_]
            if missing:
                question = self.content.question(EMPLOYER_BASICS)
                jobs = "; ".join(question.choice_label(j, self.name).lower() for j in missing)
                self.add("employer", EMPLOYER_BASICS, jobs=jobs)
            return
        if live.get(EMPLOY_PA) == "no" and self.plan.money.employs:
            # Paid by name and by the hour from the direct payment, they are its holder's
            # employee whatever the plan calls them, with every one of the employer's jobs.
            named = [i.what for i in self.costing.lines
                     if i.provider in NAMED_PEOPLE and i.funding in BUDGETS]
            self.add("employer_named", EMPLOY_PA, what="; ".join(named))
            return
        if not self.applies(EMPLOY_PA) or self.answered(EMPLOY_PA):
            return
        if live.get(OPTIONS_EMPLOY) == "yes":
            self.add("employer_unchecked", EMPLOY_PA)
        elif any(i.provider == Provider.PA and i.funding in BUDGET_FUNDING
                 for i in self.costing.lines):
            self.add("employer_unchecked", EMPLOY_PA, blocks=False)

    def pa_costs(self) -> list[str]:
        """Every cost beyond pay the plan asks about, in the question's words."""
        question = self.content.question(PA_COSTS)
        due = not_due(self.snap)
        return [question.choice_label(c.value, self.name) for c in question.choices
                if c.value != "none" and c.value not in due]

    def fresh_answers(self) -> None:
        for question_id in self.snap.needs_fresh:
            self.add("needs_fresh", question_id,
                     label=self.content.question(question_id).label)

    def missing(self, question_id: str) -> bool:
        """It would be asked, and has no answer (a "not sure yet" is found separately)."""
        return (self.applies(question_id) and not self.answered(question_id)
                and question_id not in self.snap.unsure)

    def panel(self) -> None:
        """What a council panel asks of every plan, beyond the seven criteria."""
        live, plan = self.live, self.plan
        if live.get(WHO) in CARERS and self.missing(CARER_EMERGENCY):
            self.add("no_emergency_plan", CARER_EMERGENCY)
        if self.snap.mode in (Mode.BEHALF, Mode.HERE) and self.missing(THEIR_VIEWS):
            self.add("no_views", THEIR_VIEWS, name=self.name)
        unmet = [a.label for a in plan.outcomes if not a.met_by]
        if unmet and self.costing.lines:
            self.add("not_met", COSTS_QUESTION, items="; ".join(unmet))
        if live.get(PAYS_PART) == "yes" and self.missing(CONTRIBUTION):
            self.add("no_contribution", CONTRIBUTION)
        money = plan.money
        if money.direct_payment_matches is False and money.budget:
            self.add("dp_mismatch", DIRECT_PAYMENT,
                     budget=pounds(money.budget.per_year),
                     paid=pounds(money.direct_payment.per_year) if money.direct_payment
                     else "")
        if money.employs and self.applies(PA_COSTS) and (
                money.pa_costs_missing or not self.answered(PA_COSTS)):
            costs = money.pa_costs_missing or self.pa_costs()
            self.add("pa_oncosts", PA_COSTS, blocks=not money.pa_costs_in,
                     costs="; ".join(costs).lower())
        if money.direct_payment and money.budget_costs is not None:
            gap = money.direct_payment.per_year - money.budget_costs
            if gap > max(money.budget_costs * WELL_ABOVE, SAME):
                self.add("dp_above_costs", COSTS_QUESTION, blocks=False,
                         paid=pounds(money.direct_payment.per_year),
                         costs=pounds(money.budget_costs), gap=pounds(gap))
        for low in money.low_pay:
            self.add("low_pay", COSTS_QUESTION, what=low.what, hourly=pounds(low.hourly),
                     floor_name=low.floor_name, floor=pounds(low.floor))
        if self.missing(RISKS):
            self.add("no_risks", RISKS)
        prevention = next((s for s in plan.sections if s.id == PREVENTION_SECTION), None)
        if prevention is not None and not prevention.entries and self.missing(PREVENTION):
            self.add("no_prevention", PREVENTION)
        if self.answered(AGREED):
            if money.budget and not money.budget_agreed:
                self.add("agreed_rough", BUDGET_AGREED)
            elif any(t.over for t in self.costing.totals):
                self.add("agreed_over", COSTS_QUESTION)

    def revision(self) -> None:
        """What a panel asks of a revised plan, when a review has kept a new version of it
        (journey.plan.revision)."""
        from journey.plan.revision import findings

        checks = {c.id: c for c in self.content.revision_checks}
        for found in findings(self.snap, self.plan.outcomes):
            check = checks[found.code]
            source = "; ".join(self.content.source(s).title for s in check.sources)
            text = self.content.message("finding_source", text=check.says.format(
                **found.values), source=source)
            self.add("revised_" + found.code.replace("-", "_"), found.question,
                     blocks=found.blocks, text=text)

    def to_find_out(self) -> None:
        for question_id in self.snap.unsure:
            if question_id in COUNCIL_MAKES:
                continue
            # Details the plan may leave out are worth finding, never something the council
            # would need before agreeing.
            self.add("to_find_out", question_id, blocks=question_id not in OPTIONAL,
                     label=self.content.question(question_id).label)


def check(plan: Built, snap: Snapshot) -> Readiness:
    """What the council would still need, read from a plan built from this snapshot."""
    checker = _Checker(plan, snap)
    criteria = checker.criteria(plan.sections)
    checker.fresh_answers()
    checker.money()
    checker.backup()
    checker.family()
    checker.decisions()
    checker.young()
    checker.employer()
    checker.panel()
    checker.revision()
    checker.to_find_out()
    findings = checker.findings
    verdict = "check_ready" if not any(f.blocks for f in findings) else "check_not_ready"
    return Readiness(criteria=criteria, findings=findings,
                     verdict=snap.content.message(verdict))
