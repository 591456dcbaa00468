"""Reading back events that are exactly as journey writes them, without loading pydantic.

An event is taken here only when it has the keys its kind has, no others, each holding the
very type journey writes (a string where a string is written, true or false where a yes or
no is, a time as journey writes times). Anything else, however small the difference, is
not judged here: the whole journey goes to the strict reader (journey.store.events), which
accepts what it accepts and names the first problem in the words it always has. So this
never lets through what the strict reader would refuse; it only spares a resume the cost
of loading the strict reader for journeys that are as journey wrote them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import MISSING, fields
from datetime import datetime
from typing import Any

from journey.core.model import EVENT_TYPES, Journey, Mode, Role

# Times as journey writes them: in UTC, ending in Z (events) or +00:00 (when a journey began).
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?(?:Z|\+00:00)")


class NotOwn(ValueError):
    """Not exactly as journey writes it: for the strict reader to judge."""


def _time(value: object) -> datetime:
    if type(value) is not str or not _TIME.fullmatch(value):
        raise NotOwn
    return datetime.fromisoformat(value)


def _text(value: object) -> str:
    if type(value) is not str:
        raise NotOwn
    return value


def _text_or_none(value: object) -> str | None:
    return None if value is None else _text(value)


def _yes_no(value: object) -> bool:
    if type(value) is not bool:
        raise NotOwn
    return value


def _whole(value: object) -> int:
    if type(value) is not int:  # never a bool, never a float
        raise NotOwn
    return value


def _texts(value: object) -> tuple[str, ...]:
    if type(value) is not list or any(type(v) is not str for v in value):
        raise NotOwn
    return tuple(value)


def _one_of(values: set[str]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if type(value) is not str or value not in values:
            raise NotOwn
        return value
    return check


def _anything(value: object) -> object:
    return value  # an answer's value: whether it fits its question is judged later (fit)


# The type of each field, as written in journey.core.model, and how it is checked.
_CHECKS: dict[str, Callable[[object], Any]] = {
    "datetime": _time,
    "str": _text,
    "str | None": _text_or_none,
    "bool": _yes_no,
    "int": _whole,
    "tuple[str, ...]": _texts,
    "Role": _one_of({r.value for r in Role}),
    "Mode": _one_of({m.value for m in Mode}),
    "Any": _anything,
}


def _kinds() -> dict[str, tuple[type, dict[str, Callable[[object], Any]], frozenset[str]]]:
    """Each kind of event: its class, how each field is checked, and the fields it must
    have. A field of a type not listed above makes that kind always go to the strict
    reader, so a new field can never slip through unchecked."""
    kinds = {}
    for cls in EVENT_TYPES:
        checks: dict[str, Callable[[object], Any]] = {}
        required = set()
        kind = ""
        for f in fields(cls):
            if f.name == "kind":
                kind = f.default
                checks["kind"] = _one_of({kind})
                continue
            check = _CHECKS.get(str(f.type))
            if check is None:
                break
            checks[f.name] = check
            if f.default is MISSING and f.default_factory is MISSING:
                required.add(f.name)
        else:
            kinds[kind] = (cls, checks, frozenset(required))
    return kinds


_KINDS = _kinds()


def journey(journey_id: str, created: object, bodies: list[str]) -> Journey:
    """The journey, when every event is as journey writes it. Raises NotOwn otherwise."""
    try:
        found = json.loads(f"[{','.join(bodies)}]")
    except ValueError:
        raise NotOwn from None
    events = []
    for data in found:
        if type(data) is not dict:
            raise NotOwn
        name = data.get("kind")
        kind = _KINDS.get(name) if type(name) is str else None
        if kind is None:
            raise NotOwn
        cls, checks, required = kind
        if not required <= data.keys():
            raise NotOwn
        values = {}
        for name, value in data.items():
            check = checks.get(name)
            if check is None:
                raise NotOwn
            values[name] = check(value)
        try:
            events.append(cls(**values))
        except (TypeError, ValueError):  # left for the strict reader to name
            raise NotOwn from None
    return Journey(id=journey_id, created=_time(created), events=events)
