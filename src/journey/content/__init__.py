"""Load and validate what journey asks and says, from the data files under content/.

Every file is checked on load: an unknown key, a missing field, a reference to a question
that does not exist or to a source that is not listed is an error that names the file and
the question.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Names that wording may use. They are filled in as plain text, never evaluated.
ALLOWED_PLACEHOLDERS = frozenset({"name", "their", "them"})
# A repeated question may also name the outcome it is about; that is filled in on load.
REPEAT_PLACEHOLDERS = frozenset({"outcome", "label"})
MAX_INTRO_PARAGRAPHS = 3

NonEmpty = Annotated[str, Field(min_length=1)]
Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$")]


class ContentError(Exception):
    """A content file is missing or wrong. The message names the file and the question."""


class Kind(StrEnum):
    TEXT = "text"
    LIST = "list"
    CHOICE = "choice"
    MULTI = "multi"
    YESNO = "yesno"
    MONEY = "money"
    DATE = "date"
    PERSON = "person"
    SUPPORT = "support"  # costed support items (journey.core.answers.support_item)
    ACTIONS = "actions"  # who does what by when (journey.core.answers.action)
    PEOPLE = "people"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def placeholder_values(name: str, pronouns: dict[str, str] | None = None) -> dict[str, str]:
    """What each placeholder becomes: the name, and pronouns (the name again if none)."""
    return {"their": f"{name}'s", "them": name, **(pronouns or {}), "name": name}


def fill(text: str, name: str, pronouns: dict[str, str] | None = None) -> str:
    """Put the person's name (and pronouns) into wording. They are inserted as plain text,
    never interpreted, so whatever someone types as a name stays just a name."""
    words = placeholder_values(name, pronouns)
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def _check_placeholders(text: str, allowed: frozenset[str] = ALLOWED_PLACEHOLDERS) -> None:
    unknown = set(PLACEHOLDER.findall(text)) - allowed
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in wording")


class Condition(Strict):
    """A test on earlier answers: one answer is (or is not) one of some values; or any
    (any_of) or every (all_of) one of several such tests holds."""

    question: Identifier | None = None
    one_of: list[str] | None = None
    none_of: list[str] | None = None
    # Holds too while the question has no answer (skipped, or "not sure yet").
    or_unanswered: bool = False
    any_of: list[Condition] | None = None
    all_of: list[Condition] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if self.any_of is not None or self.all_of is not None:
            if self.question or self.one_of is not None or self.none_of is not None or (
                    self.or_unanswered) or (self.any_of is not None and self.all_of is not None):
                raise ValueError("a condition with 'any_of' or 'all_of' can have nothing else")
            if not (self.any_of or self.all_of):
                raise ValueError("'any_of' and 'all_of' need at least one condition")
            return self
        if self.question is None:
            raise ValueError("a condition needs a 'question'")
        if (self.one_of is None) == (self.none_of is None):
            raise ValueError("a condition needs exactly one of 'one_of' or 'none_of'")
        return self

    def holds(self, answers: Mapping[str, object]) -> bool:
        if self.any_of is not None:
            return any(c.holds(answers) for c in self.any_of)
        if self.all_of is not None:
            return all(c.holds(answers) for c in self.all_of)
        value = answers.get(self.question or "")
        if value is None and self.or_unanswered:
            return True
        given = set(value) if isinstance(value, list) else {value}
        if self.one_of is not None:
            return bool(given & set(self.one_of))
        return value is not None and not (given & set(self.none_of or ()))

    def questions(self) -> Iterator[str]:
        """Every question this condition reads."""
        if self.question:
            yield self.question
        for part in self.any_of or self.all_of or ():
            yield from part.questions()


# A `when` is one condition or a list of them that must all hold.
When = Condition | list[Condition] | None


def conditions(when: When) -> list[Condition]:
    if when is None:
        return []
    return when if isinstance(when, list) else [when]


def holds(when: When, answers: Mapping[str, object]) -> bool:
    return all(c.holds(answers) for c in conditions(when))


class Choice(Strict):
    value: Identifier
    label: NonEmpty
    label_about: NonEmpty | None = Field(
        default=None, description="The label about the person by name (like ask_about)."
    )
    when: When = Field(
        default=None, description="Offered only when this holds (a condition on earlier answers)."
    )

    @model_validator(mode="after")
    def _placeholders(self) -> Choice:
        _check_placeholders(self.label)
        _check_placeholders(self.label_about or "")
        return self

    def label_template(self, about: bool = False) -> str:
        return self.label_about if about and self.label_about else self.label


class Question(Strict):
    placeholders: ClassVar[frozenset[str]] = ALLOWED_PLACEHOLDERS

    id: Identifier
    kind: Kind
    label: NonEmpty = Field(description="Short name used as a heading in the plan.")
    ask: NonEmpty = Field(description="Wording when speaking to the person.")
    ask_about: NonEmpty | None = Field(
        default=None, description="Wording about the person by name, for sessions with a helper."
    )
    why: NonEmpty
    why_about: NonEmpty | None = Field(
        default=None, description="Why we ask, about the person by name (like ask_about)."
    )
    examples: list[NonEmpty] = []
    choices: list[Choice] = []
    when: When = None
    recall: Identifier | None = Field(
        default=None,
        description="An earlier question whose answer this one needs: shown with it, to change.",
    )
    offer: bool = Field(
        default=False,
        description="An optional ask (yes or no): 'no' passes by the nice-to-have questions "
                    "that depend on it.",
    )
    offer_self: bool = Field(
        default=False, description="A person question that offers the person themself too."
    )
    feeds: Identifier
    required: bool = False
    quiet: list[str] = Field(
        default=[], description="Answers the plan leaves out, because they need nothing doing."
    )
    sources: list[Identifier] = Field(
        default=[], description="Where a legal fact in the wording comes from (sources.toml)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        needs_choices = self.kind in (Kind.CHOICE, Kind.MULTI)
        if needs_choices and len(self.choices) < 2:
            raise ValueError(f"a '{self.kind}' question needs at least two choices")
        if not needs_choices and self.choices:
            raise ValueError(f"a '{self.kind}' question cannot have choices")
        if self.offer and self.kind is not Kind.YESNO:
            raise ValueError("only a 'yesno' question can be an optional ask ('offer')")
        if self.offer_self and self.kind is not Kind.PERSON:
            raise ValueError("only a 'person' question can offer the person themself")
        for text in (self.ask, self.ask_about or "", self.why, self.why_about or "", self.label):
            _check_placeholders(text, self.placeholders)
        return self

    def applies(self, answers: Mapping[str, object]) -> bool:
        return holds(self.when, answers)

    def template(self, about: bool = False) -> str:
        """The wording before the name is put in: to the person, or about them."""
        return self.ask_about if about and self.ask_about else self.ask

    def why_template(self, about: bool = False) -> str:
        """Why we ask, before the name is put in: to the person, or about them."""
        return self.why_about if about and self.why_about else self.why

    def wording(self, name: str, about: bool = False,
                pronouns: dict[str, str] | None = None) -> str:
        """The question as shown: spoken to the person, or about them by name."""
        return fill(self.template(about), name, pronouns)

    def offered(self, answers: Mapping[str, object]) -> list[Choice]:
        """The choices offered, given the answers so far: one that contradicts an earlier
        answer is left out."""
        return [c for c in self.choices if holds(c.when, answers)]

    def choice_label(self, value: str, name: str, about: bool = False,
                     pronouns: dict[str, str] | None = None) -> str:
        """A choice's words, to the person or about them by name. A value that is not one
        of the choices (from another version) is shown as it is."""
        choice = next((c for c in self.choices if c.value == value), None)
        return fill(choice.label_template(about), name, pronouns) if choice else value


class QuestionTemplate(Question):
    """A question asked once for each outcome of a Repeat. Its id is short ("hard"); a
    condition on a short id means the same outcome's question."""

    placeholders: ClassVar[frozenset[str]] = ALLOWED_PLACEHOLDERS | REPEAT_PLACEHOLDERS
    outcome_examples: bool = Field(
        default=False, description="Use the outcome's own examples for this question."
    )


class Outcome(Strict):
    """One thing the eligibility rules look at, in everyday words and in the law's words."""

    id: Identifier
    label: NonEmpty = Field(description="Everyday words, as a heading.")
    phrase: NonEmpty = Field(description="Everyday words inside a question.")
    legal: NonEmpty = Field(description="The regulation's own words.")
    examples: list[NonEmpty] = []
    sources: list[Identifier] = Field(min_length=1)


class Repeat(Strict):
    """The same few questions asked for each outcome in a list (the assessment helper).
    Loading turns them into ordinary questions with ids `<id>.<outcome>.<question>`."""

    id: Identifier
    title: NonEmpty
    after: Identifier | None = Field(
        default=None, description="The questions go after this one (default: at the end)."
    )
    when: When = None
    counts: Condition = Field(description="When an outcome counts as hard, on a short id.")
    outcomes: list[Outcome] = Field(min_length=1)
    questions: list[QuestionTemplate] = Field(min_length=1)

    def question_id(self, outcome: str, question: str) -> str:
        return f"{self.id}.{outcome}.{question}"

    def hard(self, outcome: Outcome, answers: Mapping[str, object]) -> bool:
        """Whether the person said this outcome is hard for them."""
        test = self.counts.model_copy(
            update={"question": self.question_id(outcome.id, self.counts.question or "")})
        return test.holds(answers)


class Count(Strict):
    """How many of a Repeat's outcomes the person said are hard, compared with a number."""

    repeat: Identifier
    at_least: int | None = Field(default=None, ge=0)
    below: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _one_test(self) -> Count:
        if (self.at_least is None) == (self.below is None):
            raise ValueError("a count needs exactly one of 'at_least' or 'below'")
        return self

    def holds(self, count: int) -> bool:
        return count >= self.at_least if self.at_least is not None else count < (
            self.below or 0)


class Rule(Strict):
    """One thing a helper's result may say, and when it says it. With a count, the wording
    may use {count} and {areas} (the outcomes said to be hard)."""

    when: list[Condition] = []
    count: Count | None = None
    say: NonEmpty
    say_about: NonEmpty | None = None
    sources: list[Identifier] = []

    @model_validator(mode="after")
    def _placeholders(self) -> Rule:
        allowed = ALLOWED_PLACEHOLDERS | ({"count", "areas"} if self.count else set())
        _check_placeholders(self.say, allowed)
        _check_placeholders(self.say_about or "", allowed)
        return self

    def wording(self, name: str, about: bool = False, **values: str) -> str:
        text = self.say_about if about and self.say_about else self.say
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), fill(text, name))


class Result(Strict):
    """What a helper works out from its questions. It is shown in the conversation when the
    person leaves the helper's questions, and in the plan."""

    id: Identifier
    title: NonEmpty
    feeds: Identifier
    questions: list[Identifier] = Field(
        min_length=1, description="The helper's questions: ids, or prefixes of generated ids."
    )
    rules: list[Rule] = Field(min_length=1)
    sheet: bool = Field(default=False, description="It can be saved on its own as a sheet.")

    def covers(self, question_id: str) -> bool:
        return any(question_id == q or question_id.startswith(q + ".") for q in self.questions)



class Step(Strict):
    id: Identifier
    title: NonEmpty
    intro: NonEmpty = Field(description="At most three short paragraphs, blank-line apart.")
    intro_about: NonEmpty | None = Field(
        default=None, description="The introduction about the person by name."
    )
    more: NonEmpty | None = Field(default=None, description="'Tell me more': deeper detail.")
    sources: list[Identifier] = Field(
        default=[], description="Where the legal facts in the introduction come from."
    )
    facilitator: list[NonEmpty] = Field(
        default=[], max_length=4, description="Notes for someone planning with the person."
    )
    when: When = None
    needed: Condition | None = Field(
        default=None,
        description="Once its question is answered, the step is not needed unless this holds.",
    )
    repeats: list[Repeat] = []
    results: list[Result] = []
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _intro(self) -> Step:
        for text in (self.intro, self.intro_about or ""):
            if len(paragraphs(text)) > MAX_INTRO_PARAGRAPHS:
                raise ValueError(
                    f"an introduction has at most {MAX_INTRO_PARAGRAPHS} paragraphs"
                )
            _check_placeholders(text)
        _check_placeholders(self.more or "")
        return self

    def intro_template(self, about: bool = False) -> str:
        return (self.intro_about if about and self.intro_about else self.intro).strip()

    def introduction(self, name: str, about: bool = False,
                     pronouns: dict[str, str] | None = None) -> str:
        return fill(self.intro_template(about), name, pronouns)

    def not_needed(self, answers: Mapping[str, object]) -> bool:
        """The step's deciding question says the step does not apply to this person."""
        test = self.needed
        return test is not None and any(q in answers for q in test.questions()) and (
            not test.holds(answers))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


class PlanSection(Strict):
    id: Identifier
    title: NonEmpty
    criterion: int | None = Field(default=None, ge=1, le=7, description="In Control criterion.")
    hint: NonEmpty = Field(description="What belongs here, shown while the section is empty.")


class ProfileSection(Strict):
    """A heading of the one-page profile and the questions whose answers go under it."""

    id: Identifier
    title: NonEmpty
    questions: list[Identifier] = Field(min_length=1)


class PayFloor(Strict):
    """The least a worker may be paid by the hour, from a day on (the National Living Wage).
    Kept in content so each April's new rate is a change of words, not of code."""

    name: NonEmpty
    hourly: Decimal = Field(gt=0, decimal_places=2)
    starts: date
    sources: list[Identifier] = Field(min_length=1)


class Source(Strict):
    """Where a fact comes from: law, statutory guidance, or good practice."""

    id: Identifier
    title: NonEmpty
    reference: NonEmpty
    standing: Literal["law", "guidance", "practice"]


class Term(Strict):
    """A word from the glossary, with its plain meaning."""

    term: NonEmpty
    also: list[NonEmpty] = Field(default=[], description="Other forms that mean the same.")
    meaning: NonEmpty
    sources: list[Identifier] = []

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.also]


class Journey(Strict):
    """The whole of journey's content: the welcome, the twelve steps, the plan's sections,
    the glossary and the sources of the facts."""

    welcome: Step
    steps: list[Step] = Field(min_length=1)
    plan_sections: list[PlanSection] = Field(min_length=1)
    profile_sections: list[ProfileSection] = []
    pay_floors: list[PayFloor] = []
    messages: dict[str, str]
    glossary: list[Term] = []
    sources: list[Source] = []

    _steps_by_id: dict[str, Step] = PrivateAttr()
    _questions_by_id: dict[str, Question] = PrivateAttr()
    _step_of_question: dict[str, Step] = PrivateAttr()
    _sources_by_id: dict[str, Source] = PrivateAttr()
    _repeats_by_id: dict[str, Repeat] = PrivateAttr()

    @property
    def all_steps(self) -> list[Step]:
        return [self.welcome, *self.steps]

    def step(self, step_id: str) -> Step:
        return self._steps_by_id[step_id]

    def question(self, question_id: str) -> Question:
        return self._questions_by_id[question_id]

    def step_of(self, question_id: str) -> Step:
        return self._step_of_question[question_id]

    def find(self, question_id: str) -> Question | None:
        """The question with this id, or None when the content has no such question (an
        answer saved by another version may name one)."""
        return self._questions_by_id.get(question_id)

    def source(self, source_id: str) -> Source:
        return self._sources_by_id[source_id]

    def repeat(self, repeat_id: str) -> Repeat:
        return self._repeats_by_id[repeat_id]

    def results(self) -> list[Result]:
        return [r for s in self.all_steps for r in s.results]

    def pay_floor(self, on: date | None) -> PayFloor | None:
        """The pay floor in force on a day; with no day, the latest one known. None for a
        day before every floor content knows."""
        floors = sorted(self.pay_floors, key=lambda f: f.starts)
        if on is not None:
            floors = [f for f in floors if f.starts <= on]
        return floors[-1] if floors else None

    def reached(self, step_id: str | None) -> str:
        """How to name where a saved journey stopped: a step's title, or the end."""
        if step_id in self._steps_by_id:
            return self._steps_by_id[step_id].title
        return self.message("step_finished") if step_id else self.welcome.title

    def message(self, key: str, **values: object) -> str:
        return self.messages[key].format(**values)

    @model_validator(mode="after")
    def _index(self) -> Journey:
        steps: dict[str, Step] = {}
        questions: dict[str, Question] = {}
        owner: dict[str, Step] = {}
        for step in self.all_steps:
            if step.id in steps:
                raise ContentError(f"step id '{step.id}' is used twice")
            steps[step.id] = step
            for q in step.questions:
                if q.id in questions:
                    raise ContentError(f"question id '{q.id}' is used twice")
                questions[q.id] = q
                owner[q.id] = step
        sections = {s.id for s in self.plan_sections}
        known_sources = {s.id for s in self.sources}
        repeats = {r.id: r for step in self.all_steps for r in step.repeats}
        for step in self.all_steps:
            self._check_step(step, questions, sections, known_sources)
            for result in step.results:
                for rule in result.rules:
                    if rule.count and rule.count.repeat not in repeats:
                        raise ContentError(f"result '{result.id}' counts "
                                           f"'{rule.count.repeat}', which is not a repeat")
        for term in self.glossary:
            for source in term.sources:
                if source not in known_sources:
                    raise ContentError(
                        f"glossary term '{term.term}' cites '{source}', which is not a source"
                    )
        for floor in self.pay_floors:
            for source in floor.sources:
                if source not in known_sources:
                    raise ContentError(
                        f"pay floor '{floor.name}' cites '{source}', which is not a source")
        for profile in self.profile_sections:
            for qid in profile.questions:
                if qid not in questions:
                    raise ContentError(
                        f"profile section '{profile.id}' uses '{qid}', which is not a question"
                    )
        self._steps_by_id = steps
        self._questions_by_id = questions
        self._step_of_question = owner
        self._sources_by_id = {s.id: s for s in self.sources}
        self._repeats_by_id = repeats
        return self

    @staticmethod
    def _check_step(step: Step, questions: dict[str, Question], sections: set[str],
                    known_sources: set[str]) -> None:
        def unknown_source(where: str, cited: list[str]) -> None:
            for source in cited:
                if source not in known_sources:
                    raise ContentError(f"{where} cites '{source}', which is not a source")

        def unknown_question(where: str, when: When) -> None:
            for cond in conditions(when):
                for asked in cond.questions():
                    if asked not in questions:
                        raise ContentError(
                            f"{where} depends on '{asked}', which is not a question"
                        )

        unknown_question(f"step '{step.id}'", step.when)
        unknown_question(f"step '{step.id}'", step.needed)
        unknown_source(f"step '{step.id}'", step.sources)
        order = list(questions)
        for q in step.questions:
            unknown_question(f"question '{q.id}'", q.when)
            unknown_source(f"question '{q.id}'", q.sources)
            for choice in q.choices:
                unknown_question(f"question '{q.id}' choice '{choice.value}'", choice.when)
            if q.recall is not None and (q.recall not in questions or
                                         order.index(q.recall) >= order.index(q.id)):
                raise ContentError(
                    f"question '{q.id}' recalls '{q.recall}', which is not an earlier question"
                )
            if q.feeds not in sections:
                raise ContentError(
                    f"question '{q.id}' feeds '{q.feeds}', which is not a plan section"
                )
        for repeat in step.repeats:
            for outcome in repeat.outcomes:
                unknown_source(f"outcome '{repeat.id}.{outcome.id}'", outcome.sources)
        for result in step.results:
            if result.feeds not in sections:
                raise ContentError(
                    f"result '{result.id}' feeds '{result.feeds}', which is not a plan section"
                )
            for prefix in result.questions:
                if not any(q == prefix or q.startswith(prefix + ".") for q in questions):
                    raise ContentError(
                        f"result '{result.id}' covers '{prefix}', which is not a question"
                    )
            for n, rule in enumerate(result.rules, start=1):
                unknown_question(f"result '{result.id}' rule {n}", rule.when)
                unknown_source(f"result '{result.id}' rule {n}", rule.sources)


def content_dir() -> Path:
    """Where the content lives: JOURNEY_CONTENT, else inside the installed package, else the
    source tree (an editable install)."""
    override = os.environ.get("JOURNEY_CONTENT")
    if override:
        return Path(override)
    packaged = Path(__file__).with_name("files")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "content"


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing") from None
    except tomllib.TOMLDecodeError as e:
        raise ContentError(f"{path}: not valid TOML: {e}") from None


def _describe(error: ValidationError, data: dict) -> str:
    """Turn a pydantic error into 'question <id>: <field>: <problem>' lines."""
    lines = []
    for err in error.errors():
        loc = list(err["loc"])
        where = ""
        if len(loc) >= 2 and loc[0] in ("questions", "repeats", "results", "glossary",
                                        "sources") and isinstance(loc[1], int):
            items = data.get(loc[0], [])
            item = items[loc[1]] if loc[1] < len(items) else {}
            key = item.get("id", item.get("term", f"#{loc[1] + 1}")) if isinstance(
                item, dict) else f"#{loc[1] + 1}"
            kind = {"questions": "question", "repeats": "repeat", "results": "result",
                    "glossary": "term", "sources": "source"}[str(loc[0])]
            where = f"{kind} '{key}': "
            loc = loc[2:]
        field = ".".join(str(p) for p in loc) or "file"
        lines.append(f"{where}{field}: {err['msg']}")
    return "; ".join(lines)


def _fill_outcome(value: Any, outcome: dict) -> Any:
    """Put an outcome's everyday words into a repeated question's wording (content only)."""
    if isinstance(value, str):
        words = {"outcome": str(outcome.get("phrase", "")),
                 "label": str(outcome.get("label", ""))}
        return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [_fill_outcome(v, outcome) for v in value]
    if isinstance(value, dict):
        return {k: _fill_outcome(v, outcome) for k, v in value.items()}
    return value


def _local(condition: Any, prefix: str, siblings: set[str]) -> Any:
    """A condition on a short id means the question for the same outcome."""
    if isinstance(condition, list):
        return [_local(c, prefix, siblings) for c in condition]
    if not isinstance(condition, dict):
        return condition
    local = dict(condition)
    if local.get("question") in siblings:
        local["question"] = f"{prefix}.{local['question']}"
    if isinstance(local.get("any_of"), list):
        local["any_of"] = [_local(c, prefix, siblings) for c in local["any_of"]]
    return local


def expand(data: dict) -> dict:
    """A step's data with each Repeat turned into ordinary questions. What is wrong with a
    Repeat itself is left for validation to report."""
    repeats = data.get("repeats")
    if not isinstance(repeats, list) or not repeats:
        return data
    questions = list(data.get("questions", []))
    for repeat in repeats:
        if not isinstance(repeat, dict):
            continue
        templates = [t for t in repeat.get("questions", []) if isinstance(t, dict)]
        siblings = {str(t.get("id")) for t in templates}
        made = []
        for outcome in repeat.get("outcomes", []):
            if not isinstance(outcome, dict):
                continue
            prefix = f"{repeat.get('id')}.{outcome.get('id')}"
            for template in templates:
                q = {k: v for k, v in copy.deepcopy(template).items()
                     if k != "outcome_examples"}
                q = _fill_outcome(q, outcome)
                q["id"] = f"{prefix}.{template.get('id')}"
                if template.get("outcome_examples"):
                    q["examples"] = list(outcome.get("examples", []))
                q["when"] = conditions_data(repeat.get("when")) + conditions_data(
                    _local(template.get("when"), prefix, siblings))
                q["sources"] = list(dict.fromkeys(
                    [*template.get("sources", []), *outcome.get("sources", [])]))
                made.append(q)
        ids = [q.get("id") for q in questions if isinstance(q, dict)]
        at = ids.index(repeat.get("after")) + 1 if repeat.get("after") in ids else len(questions)
        questions[at:at] = made
    return {**data, "questions": questions}


def conditions_data(when: Any) -> list:
    if when is None:
        return []
    return list(when) if isinstance(when, list) else [when]


def _load_step(path: Path) -> Step:
    data = expand(_read_toml(path))
    try:
        return Step.model_validate(data)
    except ValidationError as e:
        raise ContentError(f"{path}: {_describe(e, data)}") from None


def load(root: Path | None = None) -> Journey:
    """Read and validate every content file under root."""
    root = root or content_dir()
    journey_file = root / "journey.toml"
    data = _read_toml(journey_file)
    step_files = sorted((root / "steps").glob("*.toml"))
    if not step_files:
        raise ContentError(f"{root / 'steps'}: no step files found")
    glossary = _read_toml(root / "glossary.toml")
    sources = _read_toml(root / "sources.toml")
    welcome = _load_step(root / "welcome.toml")
    steps = [_load_step(p) for p in step_files]
    for name, part in (("glossary.toml", glossary), ("sources.toml", sources)):
        key = "glossary" if name == "glossary.toml" else "sources"
        try:
            _check_part(key, part)
        except ValidationError as e:
            raise ContentError(f"{root / name}: {_describe(e, part)}") from None
    try:
        return Journey(
            welcome=welcome,
            steps=steps,
            plan_sections=data.get("plan_sections", []),
            profile_sections=data.get("profile_sections", []),
            pay_floors=data.get("pay_floors", []),
            messages=data.get("messages", {}),
            glossary=glossary.get("glossary", []),
            sources=sources.get("sources", []),
        )
    except ValidationError as e:
        raise ContentError(f"{journey_file}: {_describe(e, data)}") from None
    except ContentError as e:
        raise ContentError(f"{root}: {e}") from None


class _GlossaryFile(Strict):
    glossary: list[Term]


class _SourcesFile(Strict):
    sources: list[Source]


def _check_part(key: str, data: dict) -> None:
    """Validate glossary.toml or sources.toml on its own, so errors name that file."""
    (_GlossaryFile if key == "glossary" else _SourcesFile).model_validate(data)


@cache
def default() -> Journey:
    return load()
