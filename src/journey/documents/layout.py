"""The plan set out as a document, the same for every format (Markdown, text, HTML, Word).

A first page a busy reader can take in; then each part of the plan, its short answers folded
into a table, its longer ones under their own small headings, the outcome-by-outcome answers
as one grid. Headings speak in one voice: "I" when the person planned alone, their name when
someone helped. Which answers a panel does not need, and the headings' words, are content
(content/templates/document.toml). Only words are chosen here; each format draws them."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from journey.content import Journey as Content
from journey.content import Kind, Question, content_dir, fill
from journey.core.answers import pounds, show_date
from journey.core.model import Mode
from journey.plan import CirclePerson, Entry, Plan, Section
from journey.plan.costing import CostLine, FundingTotal

# Kinds whose single line is a short fact, folded into the part's table.
FACT_KINDS = frozenset({Kind.YESNO, Kind.CHOICE, Kind.MULTI, Kind.DATE, Kind.MONEY,
                        Kind.PERSON})
SHORT = 60  # characters: a typed answer this short reads well in the table
FEW, SHORT_ITEM = 3, 32  # a list this short, of things this short, reads well there too
HELPER_ROLE_QUESTION = "welcome.helper-role"
MONEY_HELD_QUESTION = "personal-budget.managed"
START_QUESTION = "happen.start"
# The parts that carry the costed support, the circle, and the action plan with reviews.
COSTS_PART, CIRCLE_PART, ACTIONS_PART = "budget", "people", "happen"
# ...the needs area by area, what meets each outcome, and the agreement.
NEEDS_PART, OUTCOMES_PART, AGREEMENT_PART = "needs", "change", "agreement"


@dataclass(frozen=True, slots=True)
class _Voiced:
    """Words for when the person plans alone (`me`) and when someone helps (`about`)."""

    me: str | None = None
    about: str | None = None


@dataclass(frozen=True, slots=True)
class _FirstPage:
    """What the first page lists as the plan's main outcomes."""

    outcomes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rules:
    """content/templates/document.toml."""

    leave_out: list[str] = field(default_factory=list)
    leave_out_results: list[str] = field(default_factory=list)
    quiet: dict[str, list[str]] = field(default_factory=dict)
    first_page: _FirstPage = field(default_factory=_FirstPage)
    labels: dict[str, _Voiced] = field(default_factory=dict)
    choices: dict[str, dict[str, _Voiced]] = field(default_factory=dict)
    profile: dict[str, _Voiced] = field(default_factory=dict)

    def questions_named(self) -> set[str]:
        """Every question id the rules name, for the content test."""
        return {*self.leave_out, *self.quiet, *self.first_page.outcomes, *self.labels,
                *self.choices}


@cache
def rules() -> Rules:
    with (content_dir() / "templates" / "document.toml").open("rb") as f:
        return read_rules(tomllib.load(f))


def read_rules(data: dict[str, Any]) -> Rules:
    """The rules from document.toml's tables, checked strictly: a misspelt key or a value of
    the wrong kind stops with where it is, rather than being quietly ignored."""
    _known(data, Rules, "document.toml")
    return Rules(
        leave_out=_texts(data.get("leave_out", []), "leave_out"),
        leave_out_results=_texts(data.get("leave_out_results", []), "leave_out_results"),
        quiet={key: _texts(value, f"quiet.{key}")
               for key, value in _table(data.get("quiet", {}), "quiet").items()},
        first_page=_first_page(data.get("first_page", {})),
        labels=_voices(data.get("labels", {}), "labels"),
        choices={key: _voices(value, f"choices.{key}")
                 for key, value in _table(data.get("choices", {}), "choices").items()},
        profile=_voices(data.get("profile", {}), "profile"),
    )


def _known(data: dict[str, Any], kind: type, where: str) -> None:
    unknown = set(data) - set(kind.__dataclass_fields__)
    if unknown:
        raise ValueError(f"{where}: unknown {', '.join(sorted(unknown))}")


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"document.toml: {where} must be a table")
    return value


def _texts(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"document.toml: {where} must be a list of words")
    return list(value)


def _first_page(value: Any) -> _FirstPage:
    _known(_table(value, "first_page"), _FirstPage, "document.toml first_page")
    return _FirstPage(outcomes=_texts(value.get("outcomes", []), "first_page.outcomes"))


def _voices(value: Any, where: str) -> dict[str, _Voiced]:
    found = {}
    for key, voiced in _table(value, where).items():
        _known(_table(voiced, f"{where}.{key}"), _Voiced, f"document.toml {where}.{key}")
        for name in ("me", "about"):
            if not isinstance(voiced.get(name, ""), str):
                raise ValueError(f"document.toml: {where}.{key}.{name} must be words")
        found[key] = _Voiced(me=voiced.get("me"), about=voiced.get("about"))
    return found


@dataclass(slots=True)
class Row:
    """A short answer: one row of a part's table."""

    label: str
    value: str
    said_by: str | None = None


@dataclass(slots=True)
class Total:
    """One kind of money: what is planned, against its budget; `warning` when over it."""

    label: str
    text: str
    warning: str | None = None


@dataclass(slots=True)
class Group:
    """Lines under a small title, as the circle of support lists its rings."""

    title: str
    lines: list[str]


@dataclass(slots=True)
class Mark:
    """One criterion of the checklist, done or not."""

    done: bool
    text: str


@dataclass(slots=True)
class Block:
    """One thing in a part, drawn alike by every format:
    - answer: a longer answer under its own small heading (one line reads as a sentence);
    - list: lines under a small heading, after an optional sentence;
    - table: columns and rows of cells, each cell its lines (`numbers`: columns of money);
    - totals: the money by which money pays, against the budgets;
    - chart, circle: the two pictures (the circle with its people, ring by ring);
    - checklist: the seven criteria, done or not;
    - note: a quiet sentence."""

    kind: Literal["answer", "list", "table", "totals", "chart", "circle", "checklist", "note"]
    title: str | None = None
    said_by: str | None = None
    intro: str | None = None
    lines: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[list[str]]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # each column's share of the page's width
    foot: list[str] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


@dataclass(slots=True)
class Part:
    """One part of the document under its own heading."""

    id: str
    kind: Literal["glance", "section", "list", "checklist"]
    heading: str
    rows: list[Row] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    empty: str | None = None


@dataclass(slots=True)
class ProfilePart:
    """One heading of the one-page profile, with its lines."""

    id: str
    heading: str
    lines: list[str]


@dataclass(slots=True)
class Document:
    """The whole plan set out for every format alike, and its one-page profile."""

    title: str
    parts: list[Part]
    profile_title: str
    profile: list[ProfilePart]
    words: dict[str, str]  # the fixed words every format uses, from the content's messages

    def headings(self) -> list[str]:
        """The headings of the plan's parts, in order: every format shows these."""
        return [part.heading for part in self.parts]

    def subheadings(self) -> list[str]:
        """The small headings inside the parts, in order."""
        return [b.title for part in self.parts for b in part.blocks if b.title]


# The fixed words the formats draw themselves, each a message in content/journey.toml.
WORDS = ("doc_informs", "doc_made_with", "doc_answer_column", "doc_chart_title",
         "doc_chart_caption", "doc_circle_title", "doc_checked", "doc_not_checked")


class _Voice:
    """Headings and choice words in one voice: "I", or the person by name."""

    def __init__(self, content: Content, plan: Plan) -> None:
        self.content = content
        self.name = plan.name or ""
        self.about = plan.mode is not Mode.SELF
        self.rules = rules()

    def pick(self, voiced: _Voiced | None, default: str) -> str:
        if voiced is None:
            return default
        chosen = voiced.about if self.about else voiced.me
        if chosen is None or (self.about and not self.name):
            return default
        return fill(chosen, self.name)

    def label(self, question_id: str, default: str) -> str:
        return self.pick(self.rules.labels.get(question_id), default)

    def lines(self, question: Question | None, lines: list[str]) -> list[str]:
        """Choice words about the person where content gives them."""
        if question is None or question.id not in self.rules.choices:
            return lines
        voiced = self.rules.choices[question.id]
        by_words = {question.choice_label(c.value, self.name): c.value for c in question.choices}
        return [self.pick(voiced.get(by_words.get(line, "")), line) for line in lines]


class _Layout:
    def __init__(self, content: Content, plan: Plan) -> None:
        self.content = content
        self.plan = plan
        self.say = content.message
        self.voice = _Voice(content, plan)
        self.rules = rules()
        self.entries = {e.question: e for s in plan.sections for e in s.entries}
        self.usual = _usual_attribution(plan)
        self.repeats = {
            repeat.question_id(outcome.id, template.id): (repeat, outcome, template)
            for step in content.all_steps for repeat in step.repeats
            for outcome in repeat.outcomes for template in repeat.questions
        }
        self.results = {r.id for step in content.all_steps for r in step.results}

    def question(self, question_id: str) -> Question | None:
        try:
            return self.content.question(question_id)
        except KeyError:
            return None

    def said(self, entry: Entry) -> str | None:
        return entry.said_by if entry.said_by != self.usual else None

    def shown_lines(self, entry: Entry) -> list[str]:
        return self.voice.lines(self.question(entry.question), entry.lines)

    def left_out(self, entry: Entry) -> bool:
        if entry.kind in (Kind.SUPPORT, Kind.ACTIONS):
            return True  # drawn as the costed support and the action plan
        if entry.question in self.results:
            return entry.question in self.rules.leave_out_results
        if entry.question in self.rules.leave_out:
            return True
        quiet = self.rules.quiet.get(entry.question)
        question = self.question(entry.question)
        if quiet and question is not None:
            said = {question.choice_label(v, self.voice.name) for v in quiet}
            said |= {self.say(v) for v in quiet if v in ("yes", "no")}
            return set(entry.lines) <= said
        return False

    # -- the first page ------------------------------------------------------------------

    def glance(self) -> Part:
        plan, say = self.plan, self.say
        rows = [Row(label=say("doc_plan_for"), value=plan.name or say("someone"))]
        rows += [Row(label=label, value=value) for label, value in plan.details]
        if plan.prepared:
            rows.append(Row(label=say("doc_prepared"), value=_day(plan.prepared)))
        rows.append(Row(label=say("doc_status"), value=self.status()))
        planned = self.planned_by()
        if planned:
            rows.append(Row(label=say("doc_planned_by"), value=planned))
        # Beyond who made it (said just above): a helper who may be paid from the plan.
        paid = plan.helping[1:] if plan.helper else plan.helping
        if plan.took_part:
            rows.append(Row(label=say("doc_also_helped"), value=", ".join(plan.took_part)))
        if self.usual:
            rows.append(Row(label=say("doc_whose_words"),
                            value=say("doc_unless_marked", said=self.usual)))
        for total in plan.costing.totals:
            rows.append(Row(label=total.label, value=self.money_line(total)))
        for question_id in (MONEY_HELD_QUESTION, START_QUESTION):
            entry = self.entries.get(question_id)
            if entry:
                rows.append(Row(label=self.voice.label(entry.question, entry.label),
                                value="; ".join(self.shown_lines(entry))))
        # The first answered list is the main outcomes; any other is said once, as a row,
        # so the same hopes are not listed twice in different words.
        answered = [q for q in self.rules.first_page.outcomes if q in self.entries]
        outcomes = self.shown_lines(self.entries[answered[0]]) if answered else []
        for question_id in answered[1:]:
            entry = self.entries[question_id]
            rows.append(Row(label=self.voice.label(question_id, entry.label),
                            value="; ".join(self.shown_lines(entry))))
        blocks = [Block(kind="note", lines=paid)] if paid else []
        if outcomes:
            blocks.append(Block(kind="list", title=say("doc_outcomes"), lines=outcomes))
        agreed = self.plan.agreed_on
        # The direct payment's review is counted from its first payment: said only when
        # there is a direct payment to review.
        paying = any(r.kind.startswith("direct_payment") for r in plan.reviews)
        blocks.append(Block(kind="list", title=say("doc_reviews"), lines=self.reviews(),
                            intro=say("doc_reviews_from_dp" if paying else "doc_reviews_from",
                                      day=_day(agreed)) if agreed else None))
        blocks.append(Block(kind="note", lines=[say("doc_informs"), *plan.law]))
        return Part(id="glance", kind="glance", heading=say("doc_glance"), rows=rows,
                    blocks=blocks)

    def status(self) -> str:
        plan, say = self.plan, self.say
        if plan.agreed_on:
            key = "doc_status_agreed" if plan.readiness.ready else "doc_status_agreed_gaps"
            return say(key, day=_day(plan.agreed_on))
        return say("doc_status_ready" if plan.readiness.ready else "doc_status_draft")

    def planned_by(self) -> str | None:
        plan, say = self.plan, self.say
        name = plan.name or say("someone")
        if plan.mode is Mode.SELF:
            return say("doc_planned_self", name=name)
        if not plan.helper:
            return None
        role = self.entries.get(HELPER_ROLE_QUESTION)
        helper = f"{plan.helper} ({role.lines[0]})" if role and role.lines else plan.helper
        key = {Mode.WITH: "doc_planned_with", Mode.HERE: "doc_planned_here"}.get(
            plan.mode, "doc_planned_behalf")
        return say(key, name=name, helper=helper)

    def money_line(self, total: FundingTotal) -> str:
        say = self.say
        parts = []
        if total.budget:
            state = say("doc_agreed" if total.budget.agreed else "doc_indicative")
            budget = total.budget
            if budget.amount == budget.per_week:
                parts.append(say("doc_glance_budget", amount=pounds(budget.amount),
                                 period=budget.period_label, state=state))
            else:  # the same money by the week, beside the planned spending
                parts.append(say("doc_glance_budget_weekly", amount=pounds(budget.amount),
                                 period=budget.period_label, weekly=pounds(budget.per_week),
                                 state=state))
        parts.append(say("doc_glance_planned", weekly=pounds(total.per_week)))
        if total.left_per_week is not None:
            if total.over:
                parts.append(say("doc_glance_over", weekly=pounds(-total.left_per_week)))
            else:
                parts.append(say("doc_glance_left", weekly=pounds(total.left_per_week)))
        return " ".join(parts)

    def reviews(self) -> list[str]:
        return [r.text for r in self.plan.reviews] or [self.say("doc_reviews_later")]

    # -- the parts -----------------------------------------------------------------------

    def section(self, section: Section) -> Part:
        rows: list[Row] = []
        answers: list[Block] = []
        grids: dict[str, Block] = {}
        grid_rows: dict[tuple[str, str], list[list[str]]] = {}
        # The agreement part says in sentences what its answers are.
        entries = [] if section.id == AGREEMENT_PART else section.entries
        for entry in entries:
            if self.left_out(entry):
                continue
            lines = self.shown_lines(entry)
            if entry.question in self.repeats:
                repeat, outcome, template = self.repeats[entry.question]
                if repeat.id not in grids:
                    grids[repeat.id] = Block(
                        kind="table", title=repeat.title, widths=_shares(
                            [3] + [3 if t.kind is Kind.CHOICE else 5 for t in repeat.questions]),
                        columns=[self.say("doc_outcome_column"),
                                 *[_column(t.label) for t in repeat.questions]])
                key = (repeat.id, outcome.id)
                if key not in grid_rows:
                    grid_rows[key] = [[outcome.label], *[[] for _ in repeat.questions]]
                    grids[repeat.id].rows.append(grid_rows[key])
                index = [t.id for t in repeat.questions].index(template.id)
                grid_rows[key][index + 1] = lines
                continue
            label = self.voice.label(entry.question, entry.label)
            if _short(entry, lines):
                rows.append(Row(label=label, value="; ".join(lines), said_by=self.said(entry)))
            else:
                answers.append(Block(kind="answer", title=label, lines=lines,
                                     said_by=self.said(entry)))
        blocks = [*answers, *grids.values()]
        if section.id == NEEDS_PART:
            blocks += self.needs()
        if section.id == OUTCOMES_PART:
            blocks += self.met()
        if section.id == AGREEMENT_PART:
            blocks.append(Block(kind="list", lines=self.plan.agreement.lines))
        if section.id == COSTS_PART:
            blocks += self.costs()
            if self.plan.money.lines:
                blocks.append(Block(kind="list", title=self.say("doc_money"),
                                    lines=self.plan.money.lines))

        if section.id == CIRCLE_PART:
            blocks += self.circle()
        if section.id == ACTIONS_PART:
            blocks += self.making_it_happen()
        number = f"{section.criterion}. " if section.criterion else ""
        return Part(id=section.id, kind="section", heading=number + section.title, rows=rows,
                    blocks=blocks,
                    empty=None if rows or blocks else self.say("plan_empty", hint=section.hint))

    def weekly(self, line: CostLine) -> str:
        """A cost line's week, which for a one-off says so, and what it costs once."""
        if line.one_off:
            return self.say("doc_week_one_off", weekly=_money(line.per_week),
                            once=_money(line.per_year))
        return _money(line.per_week)

    def costs(self) -> list[Block]:
        say, costing = self.say, self.plan.costing
        if not (costing.lines or costing.notes or costing.budgets):
            return []
        blocks = []
        if costing.lines:
            blocks.append(Block(
                kind="table", title=say("doc_costed"), columns=say("doc_cost_columns").split("|"),
                rows=[[[i.what], [i.helps], [i.provider_label],
                       [say("doc_often_at", often=i.how_often, cost=i.unit_cost)],
                       [self.weekly(i)], [_money(i.per_year)], [i.funding_label]]
                      for i in costing.lines],
                numbers=[4, 5], widths=_shares([15, 17, 14, 18, 11, 13, 12]),
                foot=[say("doc_all_support"), "", "", "", _money(costing.total_per_week),
                      _money(costing.total_per_year), ""]))
        else:
            blocks.append(Block(kind="list", title=say("doc_costed"), lines=costing.notes))
        if costing.lines and costing.notes:
            blocks.append(Block(kind="list", lines=costing.notes))
        totals = []
        for total in costing.totals:
            text = say("doc_total", weekly=_money(total.per_week), yearly=_money(total.per_year))
            warning = None
            budget = total.budget
            if budget and total.left_per_year is not None and total.left_per_week is not None:
                # A budget said by the week or the year is not said again in brackets.
                said = {"week": "doc_budget_week", "year": "doc_budget_year"}
                text += say(said.get(budget.period, "doc_budget"), amount=_money(budget.amount),
                            period=budget.period_label, weekly=_money(budget.per_week),
                            yearly=_money(budget.per_year),
                            state=say("doc_agreed" if budget.agreed else "doc_indicative"))
                if total.over:
                    warning = say("doc_over", yearly=_money(-total.left_per_year),
                                  weekly=_money(-total.left_per_week)).strip()
                else:
                    text += say("doc_left", yearly=_money(total.left_per_year),
                                weekly=_money(total.left_per_week))
            totals.append(Total(label=total.label, text=text.removeprefix(": "),
                                warning=warning))
        if totals:
            blocks.append(Block(kind="totals", totals=totals))
            blocks.append(Block(kind="chart"))
        return blocks

    def needs(self) -> list[Block]:
        """The areas of life said to be hard, one table for each list of areas."""
        return [Block(kind="table", title=group.title, columns=self.say(
                          "doc_area_columns").split("|"), widths=_shares([3, 5, 5]),
                      rows=[[[area.label], area.how, [area.bad_day] if area.bad_day else []]
                            for area in group.areas])
                for group in self.plan.needs]

    def met(self) -> list[Block]:
        """Each need and outcome beside the support that meets it, so a gap shows."""
        if not self.plan.outcomes:
            return []
        nothing = self.say("doc_nothing_yet")
        return [Block(kind="table", title=self.say("doc_met"),
                      columns=self.say("doc_met_columns").split("|"), widths=_shares([1, 1]),
                      rows=[[[aim.label], aim.met_by or [nothing]]
                            for aim in self.plan.outcomes])]

    def circle(self) -> list[Block]:
        groups = [Group(title=ring.title, lines=[_person(p) for p in ring.people])
                  for ring in self.plan.circle if ring.people]
        # The part is the circle of support already: no second heading of the same name.
        return [Block(kind="circle", groups=groups)] if groups else []

    def making_it_happen(self) -> list[Block]:
        plan, say = self.plan, self.say
        blocks = []
        if plan.actions:
            blocks.append(Block(
                kind="table", title=say("doc_actions"),
                columns=say("doc_action_columns").split("|"), widths=_shares([46, 20, 19, 15]),
                rows=[[[a.what], [a.who], [_day(a.by) if a.by else ""], [a.status_label]]
                      for a in plan.actions]))
        steps = plan.next_steps
        if steps:
            blocks.append(Block(kind="list", title=say("doc_next_steps"), lines=steps))
        return blocks  # the reviews are on the first page

    def checklist(self) -> Part:
        say, readiness = self.say, self.plan.readiness
        findings = []
        for finding in readiness.findings:
            step = say("doc_step", number=finding.step_number) if finding.step_number else ""
            worth = "" if finding.blocks else say("check_worth_checking") + " "
            see = say("doc_see", step=step, title=finding.step_title,
                      question=self.voice.label(finding.question, finding.question_label))
            findings.append(f"{worth}{finding.text} {see}")
        return Part(id="checklist", kind="checklist", heading=say("doc_checklist"), blocks=[
            Block(kind="checklist", marks=[Mark(done=c.answered, text=f"{c.number}. {c.title}")
                                           for c in readiness.criteria]),
            Block(kind="list", intro=readiness.verdict, lines=findings),
        ])

    def parts(self) -> list[Part]:
        plan, say = self.plan, self.say
        parts = [self.glance(), *[self.section(s) for s in plan.sections]]
        if plan.to_find_out:
            parts.append(Part(id="to-find-out", kind="list", heading=say("plan_to_find_out"),
                              blocks=[Block(kind="list", lines=[
                                  f"{self.voice.label(f.question, f.label)} ({f.step})"
                                  for f in plan.to_find_out])]))
        shared = [n for n in plan.notes if not n.next_step]
        if shared:
            parts.append(Part(id="notes", kind="list", heading=say("plan_notes"),
                              blocks=[Block(kind="list", lines=[
                                  f"{n.text} ({n.by})" if n.by else n.text for n in shared])]))
        parts.append(self.checklist())
        return parts

    def profile(self) -> list[ProfilePart]:
        return [ProfilePart(id=block.id,
                            heading=self.voice.pick(self.rules.profile.get(block.id), block.title),
                            lines=block.lines)
                for block in self.plan.profile]


def _person(person: CirclePerson) -> str:
    line = person.name
    if person.relation:
        line += f" ({person.relation})"
    if person.helps:
        line += f": {person.helps}"
    return line


def _shares(parts: list[int]) -> list[float]:
    whole = sum(parts)
    return [round(part / whole, 3) for part in parts]


def _money(value: Decimal) -> str:
    """Pounds, with a minus sign before the pound sign when below nothing."""
    return f"-{pounds(-value)}" if value < 0 else pounds(value)


def _usual_attribution(plan: Plan) -> str | None:
    """Who said most of the answers: said once on the first page, and marked only where an
    answer came from someone else."""
    said = Counter(e.said_by for s in plan.sections for e in s.entries if e.said_by)
    return said.most_common(1)[0][0] if said else None


def _short(entry: Entry, lines: list[str]) -> bool:
    """Whether an answer reads well as one row: a single fact, a short sentence, or a list of
    a few short things (shown on one line, separated by semicolons)."""
    if len(lines) == 1:
        return entry.kind in FACT_KINDS or len(lines[0]) <= SHORT
    return len(lines) <= FEW and all(len(line) <= SHORT_ITEM for line in lines)


def _column(label: str) -> str:
    """A repeated question's label without its outcome: "{label}: a bad day" -> "A bad day"."""
    words = label.replace("{label}:", "").replace("{label}", "").strip()
    return words[:1].upper() + words[1:]


def _day(value: date) -> str:
    return show_date(value.isoformat())


def lay_out(content: Content, plan: Plan) -> Document:
    layout = _Layout(content, plan)
    return Document(
        title=plan.title,
        parts=layout.parts(),
        profile_title=plan.profile_title,
        profile=layout.profile(),
        words={key: content.messages[key] for key in WORDS},
    )
