"""What journey asks and says, as plain frozen data: the welcome, the steps and their
questions, the plan's sections, the glossary and the sources of the facts.

Building one checks its own rules (a choice question has choices, wording uses only known
placeholders). The types and limits of each field are checked by journey.content.checking
when content has changed; reading content that has not changed needs neither."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from journey.content import references
from journey.content.condition import STRICT, Condition, When, holds
from journey.content.limits import AT_LEAST_ONE, Identifier, Limits, NonEmpty
from journey.content.wording import (
    ALLOWED_PLACEHOLDERS,
    MAX_INTRO_PARAGRAPHS,
    PLACEHOLDER,
    REPEAT_PLACEHOLDERS,
    check_placeholders,
    fill,
    paragraphs,
)

Config = ClassVar[dict[str, object]]


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
    DETAILS = "details"  # the details a council's file needs (journey.core.answers.details)
    # One of the question's choices for each thing in a list of the plan (its outcomes, its
    # costed support): {the thing's words: a choice's value}.
    RATINGS = "ratings"


# What a ratings question rates: the plan's outcomes, or its pieces of costed support.
Rated = Literal["outcomes", "support"]


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer a choice question offers."""

    __pydantic_config__: Config = STRICT

    value: Identifier
    label: NonEmpty
    # The label about the person by name (like ask_about).
    label_about: NonEmpty | None = None
    # Offered only when this holds (a condition on earlier answers).
    when: When = None

    def __post_init__(self) -> None:
        check_placeholders(self.label)
        check_placeholders(self.label_about or "")

    def label_template(self, about: bool = False) -> str:
        return self.label_about if about and self.label_about else self.label


@dataclass(frozen=True, slots=True)
class Question:
    """One question: how it is asked, why, what kind of answer it takes and where the
    answer goes in the plan."""

    __pydantic_config__: Config = STRICT
    placeholders: ClassVar[frozenset[str]] = ALLOWED_PLACEHOLDERS

    id: Identifier
    kind: Kind
    label: NonEmpty  # Short name used as a heading in the plan.
    ask: NonEmpty  # Wording when speaking to the person.
    # Wording about the person by name, for sessions with a helper.
    ask_about: NonEmpty | None = None
    why: NonEmpty = field(kw_only=True)
    # Why we ask, about the person by name (like ask_about).
    why_about: NonEmpty | None = None
    examples: list[NonEmpty] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    when: When = None
    # An earlier question whose answer this one needs: shown with it, to change.
    recall: Identifier | None = None
    # An optional ask (yes or no): 'no' passes by the nice-to-have questions that depend on it.
    offer: bool = False
    # A person question that offers the person themself too.
    offer_self: bool = False
    feeds: Identifier = field(kw_only=True)
    required: bool = False
    # Answers the plan leaves out, because they need nothing doing.
    quiet: list[str] = field(default_factory=list)
    # Where a legal fact in the wording comes from (sources.toml).
    sources: list[Identifier] = field(default_factory=list)
    # For a ratings question: the list of the plan whose things it rates.
    rates: Rated | None = None

    def __post_init__(self) -> None:
        if (self.kind is Kind.RATINGS) != (self.rates is not None):
            raise ValueError("a 'ratings' question, and only one, says what it 'rates'")
        needs_choices = self.kind in (Kind.CHOICE, Kind.MULTI, Kind.RATINGS)
        if needs_choices and len(self.choices) < 2:
            raise ValueError(f"a '{self.kind}' question needs at least two choices")
        if not needs_choices and self.choices:
            raise ValueError(f"a '{self.kind}' question cannot have choices")
        if self.offer and self.kind is not Kind.YESNO:
            raise ValueError("only a 'yesno' question can be an optional ask ('offer')")
        if self.offer_self and self.kind is not Kind.PERSON:
            raise ValueError("only a 'person' question can offer the person themself")
        for text in (self.ask, self.ask_about or "", self.why, self.why_about or "", self.label):
            check_placeholders(text, self.placeholders)

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


@dataclass(frozen=True, slots=True)
class QuestionTemplate(Question):
    """A question asked once for each outcome of a Repeat. Its id is short ("hard"); a
    condition on a short id means the same outcome's question."""

    placeholders: ClassVar[frozenset[str]] = ALLOWED_PLACEHOLDERS | REPEAT_PLACEHOLDERS
    # Use the outcome's own examples for this question.
    outcome_examples: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """One thing the eligibility rules look at, in everyday words and in the law's words."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    label: NonEmpty  # Everyday words, as a heading.
    phrase: NonEmpty  # Everyday words inside a question.
    legal: NonEmpty  # The regulation's own words.
    examples: list[NonEmpty] = field(default_factory=list)
    sources: Annotated[list[Identifier], AT_LEAST_ONE] = field(kw_only=True)


@dataclass(frozen=True, slots=True)
class Repeat:
    """The same few questions asked for each outcome in a list (the assessment helper).
    Loading turns them into ordinary questions with ids `<id>.<outcome>.<question>`."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    # The questions go after this one (default: at the end).
    after: Identifier | None = None
    when: When = None
    # When an outcome counts as hard, on a short id.
    counts: Condition = field(kw_only=True)
    outcomes: Annotated[list[Outcome], AT_LEAST_ONE] = field(kw_only=True)
    questions: Annotated[list[QuestionTemplate], AT_LEAST_ONE] = field(kw_only=True)

    def question_id(self, outcome: str, question: str) -> str:
        return f"{self.id}.{outcome}.{question}"

    def hard(self, outcome: Outcome, answers: Mapping[str, object]) -> bool:
        """Whether the person said this outcome is hard for them."""
        test = replace(self.counts,
                       question=self.question_id(outcome.id, self.counts.question or ""))
        return test.holds(answers)


@dataclass(frozen=True, slots=True)
class Count:
    """How many of a Repeat's outcomes the person said are hard, compared with a number."""

    __pydantic_config__: Config = STRICT

    repeat: Identifier
    at_least: Annotated[int, Limits(ge=0)] | None = None
    below: Annotated[int, Limits(ge=0)] | None = None

    def __post_init__(self) -> None:
        if (self.at_least is None) == (self.below is None):
            raise ValueError("a count needs exactly one of 'at_least' or 'below'")

    def holds(self, count: int) -> bool:
        return count >= self.at_least if self.at_least is not None else count < (
            self.below or 0)


@dataclass(frozen=True, slots=True)
class Rule:
    """One thing a helper's result may say, and when it says it. With a count, the wording
    may use {count} and {areas} (the outcomes said to be hard)."""

    __pydantic_config__: Config = STRICT

    when: list[Condition] = field(default_factory=list)
    count: Count | None = None
    say: NonEmpty = field(kw_only=True)
    say_about: NonEmpty | None = None
    sources: list[Identifier] = field(default_factory=list)

    def __post_init__(self) -> None:
        allowed = ALLOWED_PLACEHOLDERS | ({"count", "areas"} if self.count else set())
        check_placeholders(self.say, allowed)
        check_placeholders(self.say_about or "", allowed)

    def wording(self, name: str, about: bool = False, **values: str) -> str:
        text = self.say_about if about and self.say_about else self.say
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), fill(text, name))


@dataclass(frozen=True, slots=True)
class Result:
    """What a helper works out from its questions. It is shown in the conversation when the
    person leaves the helper's questions, and in the plan."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    feeds: Identifier
    # The helper's questions: ids, or prefixes of generated ids.
    questions: Annotated[list[Identifier], AT_LEAST_ONE]
    rules: Annotated[list[Rule], AT_LEAST_ONE]
    # It can be saved on its own as a sheet.
    sheet: bool = False
    # Its rules go on the assessment preparation sheet too, though it is not the
    # assessment step's own (what turning 18 brings is for the assessor to hear).
    on_sheet: bool = False

    def covers(self, question_id: str) -> bool:
        return any(question_id == q or question_id.startswith(q + ".") for q in self.questions)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the journey: its introduction and its questions, and the helpers
    (repeats, results) that go with them."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    intro: NonEmpty  # At most three short paragraphs, blank-line apart.
    # The introduction about the person by name.
    intro_about: NonEmpty | None = None
    more: NonEmpty | None = None  # 'Tell me more': deeper detail.
    # Where the legal facts in the introduction come from.
    sources: list[Identifier] = field(default_factory=list)
    # Notes for someone planning with the person.
    facilitator: Annotated[list[NonEmpty], Limits(max_length=4)] = field(default_factory=list)
    when: When = None
    # Once its question is answered, the step is not needed unless this holds.
    needed: Condition | None = None
    repeats: list[Repeat] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    questions: Annotated[list[Question], AT_LEAST_ONE] = field(kw_only=True)

    def __post_init__(self) -> None:
        for text in (self.intro, self.intro_about or ""):
            if len(paragraphs(text)) > MAX_INTRO_PARAGRAPHS:
                raise ValueError(
                    f"an introduction has at most {MAX_INTRO_PARAGRAPHS} paragraphs"
                )
            check_placeholders(text)
        check_placeholders(self.more or "")

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


@dataclass(frozen=True, slots=True)
class ReviewKind:
    """A kind of review: planned (the light check, the yearly review), after a change, or
    asked for."""

    __pydantic_config__: Config = STRICT

    value: Literal["light", "yearly", "change", "asked"]
    label: NonEmpty
    label_about: NonEmpty | None = None
    sources: Annotated[list[Identifier], AT_LEAST_ONE] = field(kw_only=True)

    def __post_init__(self) -> None:
        check_placeholders(self.label)
        check_placeholders(self.label_about or "")

    def wording(self, name: str, about: bool = False) -> str:
        return fill(self.label_about if about and self.label_about else self.label, name)


@dataclass(frozen=True, slots=True)
class PlanEdit:
    """A question of the plan asked inside a review, after the review question where the
    person says to change that part of the plan, and only when `when` holds."""

    __pydantic_config__: Config = STRICT

    after: Identifier
    question: Identifier
    when: When = None


@dataclass(frozen=True, slots=True)
class ReviewStep(Step):
    """The review of a plan: its own questions (ids beginning `review.`), the kinds of
    review, which questions a light check asks, and the plan's questions asked inside it
    when the person says to change them. It is not one of the twelve steps."""

    kinds: Annotated[list[ReviewKind], AT_LEAST_ONE] = field(kw_only=True)
    light: list[Identifier] = field(default_factory=list, kw_only=True)
    edits: list[PlanEdit] = field(default_factory=list, kw_only=True)

    def __post_init__(self) -> None:
        Step.__post_init__(self)
        for question in self.questions:
            if not question.id.startswith(REVIEW_PREFIX):
                raise ValueError(f"a review question's id begins '{REVIEW_PREFIX}'")
        ids = {q.id for q in self.questions}
        for name in self.light:
            if name not in ids:
                raise ValueError(f"'light' names '{name}', which is not a review question")
        for edit in self.edits:
            if edit.after not in ids:
                raise ValueError(f"an edit follows '{edit.after}', "
                                 "which is not a review question")

    def kind(self, value: str) -> ReviewKind | None:
        return next((k for k in self.kinds if k.value == value), None)


REVIEW_PREFIX = "review."


@dataclass(frozen=True, slots=True)
class PlanSection:
    """A section of the support plan, and what belongs in it."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    criterion: Annotated[int, Limits(ge=1, le=7)] | None = None  # In Control criterion.
    # What belongs here, shown while the section is empty.
    hint: NonEmpty = field(kw_only=True)


@dataclass(frozen=True, slots=True)
class ProfileSection:
    """A heading of the one-page profile and the questions whose answers go under it."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    questions: Annotated[list[Identifier], AT_LEAST_ONE]


@dataclass(frozen=True, slots=True)
class PayFloor:
    """The least a worker may be paid by the hour, from a day on (the National Living Wage).
    Kept in content so each April's new rate is a change of words, not of code."""

    __pydantic_config__: Config = STRICT

    name: NonEmpty
    hourly: Annotated[Decimal, Limits(gt=Decimal(0), decimal_places=2)]
    starts: date
    sources: Annotated[list[Identifier], AT_LEAST_ONE]


@dataclass(frozen=True, slots=True)
class RevisionCheck:
    """What a panel asks of a revised plan (journey.plan.revision), in words, with the
    sources it rests on. `says` fills in the finding's own figures and names by {name}."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    says: NonEmpty
    sources: Annotated[list[Identifier], AT_LEAST_ONE]


@dataclass(frozen=True, slots=True)
class EmployerCost:
    """Something an employer of a personal assistant pays or must do beyond the pay, with
    the day its figures hold from. Kept in content beside the pay floors, so each April's
    new figures are a change of words, not of code."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    says: NonEmpty
    sources: Annotated[list[Identifier], AT_LEAST_ONE]
    since: date | None = None  # when the figures in it started; none when it has none
    # Due only once a worker's pay passes this much a year (a pension, National Insurance).
    yearly_over: Annotated[Decimal, Limits(gt=Decimal(0), decimal_places=2)] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from: law, statutory guidance, or good practice."""

    __pydantic_config__: Config = STRICT

    id: Identifier
    title: NonEmpty
    reference: NonEmpty
    standing: Literal["law", "guidance", "practice"]


@dataclass(frozen=True, slots=True)
class Term:
    """A word from the glossary, with its plain meaning."""

    __pydantic_config__: Config = STRICT

    term: NonEmpty
    # Other forms that mean the same.
    also: list[NonEmpty] = field(default_factory=list)
    meaning: NonEmpty = field(kw_only=True)
    sources: list[Identifier] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.also]


@dataclass(frozen=True)
class Journey:
    """The whole of journey's content: the welcome, the twelve steps, the plan's sections,
    the glossary and the sources of the facts. Building one checks that every reference
    between them (a question, a plan section, a source) is to something that exists."""

    __pydantic_config__: Config = STRICT

    welcome: Step
    steps: Annotated[list[Step], AT_LEAST_ONE]
    plan_sections: Annotated[list[PlanSection], AT_LEAST_ONE]
    profile_sections: list[ProfileSection] = field(default_factory=list)
    pay_floors: list[PayFloor] = field(default_factory=list)
    employer_costs: list[EmployerCost] = field(default_factory=list)
    revision_checks: list[RevisionCheck] = field(default_factory=list)
    messages: dict[str, str] = field(kw_only=True)
    glossary: list[Term] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # The review of a plan once made (content/review.toml); not one of the steps.
    review: ReviewStep | None = None

    if TYPE_CHECKING:  # set once built; not fields, so not compared or shown
        _steps_by_id: dict[str, Step]
        _questions_by_id: dict[str, Question]
        _step_of_question: dict[str, Step]
        _sources_by_id: dict[str, Source]
        _repeats_by_id: dict[str, Repeat]

    def __post_init__(self) -> None:
        found = references.check(self)
        for name, index in (("_steps_by_id", found.steps), ("_questions_by_id", found.questions),
                            ("_step_of_question", found.owner),
                            ("_sources_by_id", found.sources), ("_repeats_by_id", found.repeats)):
            object.__setattr__(self, name, index)

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
        template = self.messages[key]
        if "}." in template:  # a sentence put in before a full stop keeps only one
            values = {k: v[:-1] if isinstance(v, str) and v.endswith(".")
                      and not v.endswith("..") and f"{{{k}}}." in template else v
                      for k, v in values.items()}
        return template.format(**values)
