"""What a council would still need before agreeing the plan, in plain words. Each finding
names the step and question where it can be put right. Pure: reads the plan and answers.

Facts: ../shared/domain/care-act-facts.md (In Control's seven criteria and a responsible
person for the money; back-up plans and a plan if a carer's help changes; the Direct Payments
Regulations 2014 on paying close family; what employing a personal assistant involves)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from journey.answers import Funding, Provider, pounds
from journey.content import Journey as Content
from journey.content import Kind
from journey.costing import COSTS_QUESTION, Costing
from journey.live import applies, live_values, needs_fresh
from journey.model import Journey

if TYPE_CHECKING:
    from journey.plan import Section

MONEY_PERSON = "personal-budget.money-person"
BACKUP = "planning.backup"
CARER_BACKUP = "planning.carer-backup"
UNPAID_CARER = "circle.unpaid-carer"
RELATION = "personal-budget.family-relation"
HOUSEHOLD = "personal-budget.family-household"
COUNCIL_AGREE = "personal-budget.council-agree"
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


class Finding(BaseModel):
    code: str
    blocks: bool  # True when the council would need this before agreeing the plan
    text: str
    step: str
    step_number: int | None
    step_title: str
    question: str
    question_label: str


class Criterion(BaseModel):
    number: int
    title: str
    answered: bool


class Readiness(BaseModel):
    criteria: list[Criterion]
    findings: list[Finding]

    @property
    def ready(self) -> bool:
        """Nothing blocks agreement (findings that are only worth checking may remain)."""
        return not any(f.blocks for f in self.findings)


class _Checker:
    def __init__(self, content: Content, journey: Journey, costing: Costing) -> None:
        self.content = content
        self.journey = journey
        self.costing = costing
        self.live = live_values(content, journey)
        self.findings: list[Finding] = []
        self.name = journey.name or content.message("someone")

    def add(self, code: str, question_id: str, blocks: bool = True, **values: Any) -> None:
        content = self.content
        step = content.step_of(question_id)
        number = [s.id for s in content.steps].index(step.id) + 1 if (
            step is not content.welcome) else None
        self.findings.append(Finding(
            code=code,
            blocks=blocks,
            text=content.message("finding_" + code, **values),
            step=step.id,
            step_number=number,
            step_title=step.title,
            question=question_id,
            question_label=content.question(question_id).label,
        ))

    def applies(self, question_id: str) -> bool:
        return applies(self.content, self.live, question_id)

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
        if not self.answered(MONEY_PERSON):
            self.add("no_money_person", MONEY_PERSON)

    def backup(self) -> None:
        if not self.answered(BACKUP):
            self.add("no_backup", BACKUP)
        if self.live.get(UNPAID_CARER) == "yes" and not self.answered(CARER_BACKUP):
            self.add("no_carer_backup", CARER_BACKUP)

    def family(self) -> None:
        live = self.live
        relation = live.get(RELATION)
        restricted = relation == "partner" or (
            relation in CLOSE_FAMILY and live.get(HOUSEHOLD) == "yes")
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
        if not self.applies(EMPLOY_PA) or self.answered(EMPLOY_PA):
            return
        if live.get(OPTIONS_EMPLOY) == "yes":
            self.add("employer_unchecked", EMPLOY_PA)
        elif any(i.provider == Provider.PA and i.funding in BUDGET_FUNDING
                 for i in self.costing.lines):
            self.add("employer_unchecked", EMPLOY_PA, blocks=False)

    def fresh_answers(self) -> None:
        for question_id in needs_fresh(self.content, self.journey, self.live):
            self.add("needs_fresh", question_id,
                     label=self.content.question(question_id).label)

    def to_find_out(self) -> None:
        given = self.journey.answers
        for step in self.content.all_steps:
            for question in step.questions:
                answer = given.get(question.id)
                if answer is not None and answer.unsure and self.applies(question.id):
                    self.add("to_find_out", question.id, label=question.label)


def check(content: Content, journey: Journey, sections: list[Section],
          costing: Costing) -> Readiness:
    checker = _Checker(content, journey, costing)
    criteria = checker.criteria(sections)
    checker.fresh_answers()
    checker.money()
    checker.backup()
    checker.family()
    checker.employer()
    checker.to_find_out()
    return Readiness(criteria=criteria, findings=checker.findings)
