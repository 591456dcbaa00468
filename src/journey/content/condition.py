"""Tests on earlier answers that decide what is asked and offered."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from journey.content.limits import Identifier

# Checked with extra keys refused (journey.content.checking): a misspelt key is an error.
STRICT: dict[str, object] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on earlier answers: one answer is (or is not) one of some values, or its words
    mention one of some words; or any (any_of) or every (all_of) one of several such tests
    holds."""

    __pydantic_config__: ClassVar[dict[str, object]] = STRICT

    question: Identifier | None = None
    one_of: list[str] | None = None
    none_of: list[str] | None = None
    # The answer's own words (a person's name and who they are, a text) mention one of
    # these, each at the start of a word: "step" finds "stepdad", "son" is not in "person".
    mentions: list[str] | None = None
    # Holds too while the question has no answer (skipped, or "not sure yet").
    or_unanswered: bool = False
    any_of: list[Condition] | None = None
    all_of: list[Condition] | None = None

    def __post_init__(self) -> None:
        if self.any_of is not None or self.all_of is not None:
            if self.question or self.one_of is not None or self.none_of is not None or (
                    self.mentions is not None) or self.or_unanswered or (
                    self.any_of is not None and self.all_of is not None):
                raise ValueError("a condition with 'any_of' or 'all_of' can have nothing else")
            if not (self.any_of or self.all_of):
                raise ValueError("'any_of' and 'all_of' need at least one condition")
            return
        if self.question is None:
            raise ValueError("a condition needs a 'question'")
        if sum(x is not None for x in (self.one_of, self.none_of, self.mentions)) != 1:
            raise ValueError(
                "a condition needs exactly one of 'one_of', 'none_of' or 'mentions'")

    def holds(self, answers: Mapping[str, object]) -> bool:
        if self.any_of is not None:
            return any(c.holds(answers) for c in self.any_of)
        if self.all_of is not None:
            return all(c.holds(answers) for c in self.all_of)
        value = answers.get(self.question or "")
        if value is None and self.or_unanswered:
            return True
        if self.mentions is not None:
            return _mentions(value, self.mentions)
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


def _words(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        # A person's name is not words about them: Stephen is not a stepdad.
        return " ".join(_words(v) for k, v in value.items() if k != "name")
    if isinstance(value, list | tuple):
        return " ".join(_words(v) for v in value)
    return ""


def _mentions(value: object, words: list[str]) -> bool:
    said = _words(value).casefold()
    return any(re.search(r"\b" + re.escape(w.casefold()), said) for w in words)


# A `when` is one condition or a list of them that must all hold.
When = Condition | list[Condition] | None


def conditions(when: When) -> list[Condition]:
    if when is None:
        return []
    return when if isinstance(when, list) else [when]


def holds(when: When, answers: Mapping[str, object]) -> bool:
    return all(c.holds(answers) for c in conditions(when))
