"""Check content that has changed, field by field, with pydantic.

Only loading content that is not in the cache imports this module (and so pydantic). The
data classes say what each field may hold; pydantic reads that from their annotations and
builds them, running each class's own rules. Errors come back as one line per problem,
naming the file and the question."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import TypeAdapter, ValidationError

from journey.content.condition import STRICT
from journey.content.data import Journey, ReviewStep, Source, Step, Term
from journey.content.errors import ContentError

T = TypeVar("T")

# Pydantic words two problems differently for a data class than for a model; content
# authors have always been told the model's words.
_SAME_WORDS = {
    "unexpected_keyword_argument": "Extra inputs are not permitted",
    "dataclass_type": "Input should be a valid dictionary or instance of {class_name}",
}


@dataclass(frozen=True)
class _GlossaryFile:
    __pydantic_config__: ClassVar[dict[str, object]] = STRICT
    glossary: list[Term]


@dataclass(frozen=True)
class _SourcesFile:
    __pydantic_config__: ClassVar[dict[str, object]] = STRICT
    sources: list[Source]


@cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def validate(kind: type[T], data: Any) -> T:
    """Build a content class from plain data, checking every field (pydantic's
    ValidationError, a ValueError, when something is wrong)."""
    return _adapter(kind).validate_python(data)


def describe(error: ValidationError, data: dict) -> str:
    """Turn a pydantic error into 'question <id>: <field>: <problem>' lines."""
    lines = []
    for err in error.errors():
        loc = list(err["loc"])
        where = ""
        if len(loc) >= 2 and loc[0] in ("questions", "repeats", "results", "glossary",
                                        "sources", "kinds", "edits") and isinstance(loc[1], int):
            items = data.get(loc[0], [])
            item = items[loc[1]] if loc[1] < len(items) else {}
            key = item.get("id", item.get("term", item.get(
                "value", item.get("question", f"#{loc[1] + 1}")))) if isinstance(
                item, dict) else f"#{loc[1] + 1}"
            kind = {"questions": "question", "repeats": "repeat", "results": "result",
                    "glossary": "term", "sources": "source", "kinds": "kind",
                    "edits": "edit"}[str(loc[0])]
            where = f"{kind} '{key}': "
            loc = loc[2:]
        field = ".".join(str(p) for p in loc) or "file"
        words = _SAME_WORDS.get(err["type"])
        problem = words.format(**err.get("ctx", {})) if words else err["msg"]
        lines.append(f"{where}{field}: {problem}")
    return "; ".join(lines)


def step(path: Path, data: dict) -> Step:
    try:
        return validate(Step, data)
    except ValidationError as e:
        raise ContentError(f"{path}: {describe(e, data)}") from None


def review(path: Path, data: dict) -> ReviewStep:
    try:
        return validate(ReviewStep, data)
    except ValidationError as e:
        raise ContentError(f"{path}: {describe(e, data)}") from None


def part(path: Path, key: str, data: dict) -> None:
    """Check glossary.toml or sources.toml on its own, so errors name that file."""
    try:
        validate(_GlossaryFile if key == "glossary" else _SourcesFile, data)
    except ValidationError as e:
        raise ContentError(f"{path}: {describe(e, data)}") from None


def journey(root: Path, data: dict, welcome: Step, steps: list[Step], glossary: dict,
            sources: dict, review: ReviewStep | None = None) -> Journey:
    """The whole content, with every reference between its parts checked."""
    try:
        return validate(Journey, {
            "welcome": welcome,
            "steps": steps,
            "plan_sections": data.get("plan_sections", []),
            "profile_sections": data.get("profile_sections", []),
            "pay_floors": data.get("pay_floors", []),
            "employer_costs": data.get("employer_costs", []),
            "revision_checks": data.get("revision_checks", []),
            "messages": data.get("messages", {}),
            "glossary": glossary.get("glossary", []),
            "sources": sources.get("sources", []),
            "review": review,
        })
    except ValidationError as e:
        raise ContentError(f"{root / 'journey.toml'}: {describe(e, data)}") from None
    except ContentError as e:
        raise ContentError(f"{root}: {e}") from None
