"""What the direct-payment record says, and the kinds of money and of proof it knows, from
content/money.toml: checked field by field as it loads, so a mistake there names the file
and the field rather than showing up later as a wrong word on screen."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from journey.content import ContentError
from journey.content import Journey as Content
from journey.content.loading import content_dir

FILE = "money.toml"
DIRECTIONS = ("in", "out")
_TOP = {"weeks_allowed", "hours_margin", "kinds", "evidence", "sources", "messages"}
_KIND = {"id", "direction", "label", "who", "evidence", "pays_pa"}
_EVIDENCE = {"id", "label"}


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of money: which way it goes, its name, and the paper that usually proves it."""

    id: str
    direction: str
    label: str
    evidence: str
    who: str = ""  # who it usually comes from or goes to, when that is always the same
    pays_pa: bool = False  # it pays for a personal assistant: pay, tax, pension


@dataclass(frozen=True, slots=True)
class Paper:
    id: str
    label: str


@dataclass(frozen=True)
class MoneyWords:
    """The record's words and kinds, checked."""

    weeks_allowed: int
    hours_margin: Decimal
    kinds: tuple[Kind, ...]
    papers: tuple[Paper, ...]
    sources: dict[str, tuple[str, ...]]  # finding -> ids in sources.toml
    messages: dict[str, str]

    def kind(self, kind_id: str) -> Kind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)

    def paper(self, paper_id: str) -> Paper | None:
        return next((p for p in self.papers if p.id == paper_id), None)

    def say(self, key: str, **values: object) -> str:
        return self.messages[key].format(**values)

    def weeks(self, weeks: object) -> str:
        """"1 week", "8 weeks", "8.5 weeks"."""
        shown = str(weeks)
        return self.say("one_week") if shown == "1" else self.say("weeks", weeks=shown)

    def entries(self, count: int) -> str:
        return self.say("one_entry") if count == 1 else self.say("entries", count=count)

    def payments(self, count: int) -> str:
        return self.say("one_payment") if count == 1 else self.say("payments", count=count)


def _fail(path: Path, where: str, problem: str) -> ContentError:
    return ContentError(f"{path}: {where}: {problem}")


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, "must be text, not empty")
    return value


def _keys(path: Path, where: str, table: Any, allowed: set[str], needed: set[str]) -> None:
    if not isinstance(table, dict):
        raise _fail(path, where, "must be a table")
    if unknown := sorted(set(table) - allowed):
        raise _fail(path, where, f"unknown key {unknown[0]!r}")
    if missing := sorted(needed - set(table)):
        raise _fail(path, where, f"missing {missing[0]!r}")


def check(path: Path, data: dict[str, Any], content: Content) -> MoneyWords:
    """money.toml's data, checked against the rest of the content (its sources)."""
    _keys(path, "the file", data, _TOP, _TOP)
    weeks = data["weeks_allowed"]
    if type(weeks) is not int or not 1 <= weeks <= 52:
        raise _fail(path, "weeks_allowed", "must be a whole number from 1 to 52")
    try:
        margin = Decimal(_text(path, "hours_margin", data["hours_margin"]))
    except InvalidOperation:
        raise _fail(path, "hours_margin", "must be a number like \"0.25\"") from None
    if not Decimal(0) < margin < Decimal(1):
        raise _fail(path, "hours_margin", "must be between 0 and 1")
    papers = []
    for n, table in enumerate(_list(path, "evidence", data["evidence"]), 1):
        where = f"evidence {n}"
        _keys(path, where, table, _EVIDENCE, _EVIDENCE)
        papers.append(Paper(_text(path, where, table["id"]), _text(path, where, table["label"])))
    paper_ids = [p.id for p in papers]
    kinds = []
    for n, table in enumerate(_list(path, "kinds", data["kinds"]), 1):
        where = f"kinds {n}"
        _keys(path, where, table, _KIND, {"id", "direction", "label", "evidence"})
        if table["direction"] not in DIRECTIONS:
            raise _fail(path, where, "direction must be \"in\" or \"out\"")
        if table["evidence"] not in paper_ids:
            raise _fail(path, where, f"evidence {table['evidence']!r} is not an evidence kind")
        pays_pa = table.get("pays_pa", False)
        if type(pays_pa) is not bool:
            raise _fail(path, where, "pays_pa must be true or false")
        who = table.get("who", "")
        kinds.append(Kind(id=_text(path, where, table["id"]), direction=table["direction"],
                          label=_text(path, where, table["label"]), evidence=table["evidence"],
                          who=_text(path, where, who) if who else "", pays_pa=pays_pa))
    for name, ids in (("kinds", [k.id for k in kinds]), ("evidence", paper_ids)):
        if len(set(ids)) != len(ids):
            raise _fail(path, name, "an id is used twice")
    sources: dict[str, tuple[str, ...]] = {}
    if not isinstance(data["sources"], dict):
        raise _fail(path, "sources", "must be a table")
    for finding, ids in data["sources"].items():
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise _fail(path, f"sources.{finding}", "must list at least one source id")
        for source_id in ids:
            try:
                content.source(source_id)
            except KeyError:
                raise _fail(path, f"sources.{finding}",
                            f"{source_id!r} is not in sources.toml") from None
        sources[finding] = tuple(ids)
    messages = data["messages"]
    if not isinstance(messages, dict):
        raise _fail(path, "messages", "must be a table")
    for key, value in messages.items():
        _text(path, f"messages.{key}", value)
    return MoneyWords(weeks_allowed=weeks, hours_margin=margin, kinds=tuple(kinds),
                      papers=tuple(papers), sources=sources, messages=dict(messages))


def _list(path: Path, where: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _fail(path, where, "must list at least one")
    return value


def load(content: Content, root: Path | None = None) -> MoneyWords:
    path = (root or content_dir()) / FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ContentError(f"{path}: not valid TOML: {e}") from None
    return check(path, data, content)


@cache
def default() -> MoneyWords:
    from journey import content

    return load(content.default())
