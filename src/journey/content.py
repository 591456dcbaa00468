"""Load and validate what journey asks and says, from the data files under content/.

Every file is checked on load: an unknown key, a missing field or a reference to a
question that does not exist is an error that names the file and the question.
"""

from __future__ import annotations

import os
import re
import tomllib
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Names that wording may use. They are filled in as plain text, never evaluated.
ALLOWED_PLACEHOLDERS = frozenset({"name"})

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
    SUPPORT = "support"  # costed support items (journey.answers.support_item)
    ACTIONS = "actions"  # who does what by when (journey.answers.action)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def fill(text: str, name: str) -> str:
    """Put the person's name into wording. The name is inserted as plain text, never
    interpreted, so whatever someone types as a name stays just a name."""
    return PLACEHOLDER.sub(lambda m: name if m.group(1) == "name" else m.group(0), text)


def _check_placeholders(text: str) -> None:
    unknown = set(PLACEHOLDER.findall(text)) - ALLOWED_PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in wording")


class Choice(Strict):
    value: Identifier
    label: NonEmpty

    @model_validator(mode="after")
    def _placeholders(self) -> Choice:
        _check_placeholders(self.label)
        return self


class Condition(Strict):
    """A question or step applies only when an earlier answer is (or is not) one of some
    values; or when any (any_of) or every (all_of) one of several conditions holds."""

    question: Identifier | None = None
    one_of: list[str] | None = None
    none_of: list[str] | None = None
    any_of: list[Condition] | None = None
    all_of: list[Condition] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if self.any_of is not None or self.all_of is not None:
            if self.question or self.one_of is not None or self.none_of is not None or (
                    self.any_of is not None and self.all_of is not None):
                raise ValueError("a condition with 'any_of' or 'all_of' can have nothing else")
            if not (self.any_of or self.all_of):
                raise ValueError("'any_of' and 'all_of' need at least one condition")
            return self
        if self.question is None:
            raise ValueError("a condition needs a 'question'")
        if (self.one_of is None) == (self.none_of is None):
            raise ValueError("a condition needs exactly one of 'one_of' or 'none_of'")
        return self

    def holds(self, answers: dict[str, object]) -> bool:
        if self.any_of is not None:
            return any(c.holds(answers) for c in self.any_of)
        if self.all_of is not None:
            return all(c.holds(answers) for c in self.all_of)
        value = answers.get(self.question or "")
        given = set(value) if isinstance(value, list) else {value}
        if self.one_of is not None:
            return bool(given & set(self.one_of))
        return value is not None and not (given & set(self.none_of or ()))

    def questions(self) -> list[str]:
        """Every question this condition reads."""
        if self.question:
            return [self.question]
        return [q for c in (self.any_of or self.all_of or []) for q in c.questions()]


class Question(Strict):
    id: Identifier
    kind: Kind
    label: NonEmpty = Field(description="Short name used as a heading in the plan.")
    ask: NonEmpty = Field(description="Wording when speaking to the person.")
    ask_about: NonEmpty | None = Field(
        default=None, description="Wording about the person by name, for sessions with a helper."
    )
    why: NonEmpty
    examples: list[NonEmpty] = []
    choices: list[Choice] = []
    when: Condition | None = None
    feeds: Identifier
    required: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        needs_choices = self.kind in (Kind.CHOICE, Kind.MULTI)
        if needs_choices and len(self.choices) < 2:
            raise ValueError(f"a '{self.kind}' question needs at least two choices")
        if not needs_choices and self.choices:
            raise ValueError(f"a '{self.kind}' question cannot have choices")
        for text in (self.ask, self.ask_about or ""):
            _check_placeholders(text)
        return self

    def wording(self, name: str, about: bool = False) -> str:
        """The question as shown: spoken to the person, or about them by name."""
        return fill(self.ask_about if about and self.ask_about else self.ask, name)

    def choice_label(self, value: str, name: str) -> str:
        return fill(next((c.label for c in self.choices if c.value == value), value), name)


class Step(Strict):
    id: Identifier
    title: NonEmpty
    intro: NonEmpty
    when: Condition | None = None
    facilitator: list[NonEmpty] = Field(
        default=[], description="Short notes for a facilitator, shown only when one helps.")
    questions: list[Question] = Field(min_length=1)


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


class Journey(Strict):
    """The whole of journey's content: the welcome, the twelve steps, the plan's sections."""

    welcome: Step
    steps: list[Step] = Field(min_length=1)
    plan_sections: list[PlanSection] = Field(min_length=1)
    profile_sections: list[ProfileSection] = []
    messages: dict[str, str]

    _steps_by_id: dict[str, Step] = PrivateAttr()
    _questions_by_id: dict[str, Question] = PrivateAttr()
    _step_of_question: dict[str, Step] = PrivateAttr()

    @property
    def all_steps(self) -> list[Step]:
        return [self.welcome, *self.steps]

    def step(self, step_id: str) -> Step:
        return self._steps_by_id[step_id]

    def question(self, question_id: str) -> Question:
        return self._questions_by_id[question_id]

    def step_of(self, question_id: str) -> Step:
        return self._step_of_question[question_id]

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
        for step in self.all_steps:
            conditions = [(None, step.when)] + [(q.id, q.when) for q in step.questions]
            for qid, cond in conditions:
                for needed in cond.questions() if cond is not None else []:
                    if needed not in questions:
                        where = f"question '{qid}'" if qid else f"step '{step.id}'"
                        raise ContentError(
                            f"{where} depends on '{needed}', which is not a question"
                        )
            for q in step.questions:
                if q.feeds not in sections:
                    raise ContentError(
                        f"question '{q.id}' feeds '{q.feeds}', which is not a plan section"
                    )
        for profile in self.profile_sections:
            for qid in profile.questions:
                if qid not in questions:
                    raise ContentError(
                        f"profile section '{profile.id}' uses '{qid}', which is not a question"
                    )
        self._steps_by_id = steps
        self._questions_by_id = questions
        self._step_of_question = owner
        return self


def content_dir() -> Path:
    """Where the content lives: JOURNEY_CONTENT, else inside the installed package, else the
    source tree (an editable install)."""
    override = os.environ.get("JOURNEY_CONTENT")
    if override:
        return Path(override)
    packaged = Path(__file__).with_name("content")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"


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
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            questions = data.get("questions", [])
            qid = questions[loc[1]].get("id", f"#{loc[1] + 1}") if loc[1] < len(questions) else "?"
            where = f"question '{qid}': "
            loc = loc[2:]
        field = ".".join(str(p) for p in loc) or "file"
        lines.append(f"{where}{field}: {err['msg']}")
    return "; ".join(lines)


def _load_step(path: Path) -> Step:
    data = _read_toml(path)
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
    try:
        return Journey(
            welcome=_load_step(root / "welcome.toml"),
            steps=[_load_step(p) for p in step_files],
            plan_sections=data.get("plan_sections", []),
            profile_sections=data.get("profile_sections", []),
            messages=data.get("messages", {}),
        )
    except ValidationError as e:
        raise ContentError(f"{journey_file}: {_describe(e, data)}") from None
    except ContentError as e:
        raise ContentError(f"{root}: {e}") from None


@cache
def default() -> Journey:
    return load()
