"""What a content field may hold, written so that reading content needs no pydantic.

A `Limits` in a field's annotation means nothing at run time. When content has changed and
is checked (journey.content.checking), pydantic asks it for its schema and it adds its
limits, so the messages about bad content are pydantic's own ("String should have at least
1 character")."""

from __future__ import annotations

from typing import Annotated, Any


class Limits:
    """Limits pydantic checks: min_length, max_length, ge, le, gt, pattern, decimal_places."""

    __slots__ = ("keys",)

    def __init__(self, **keys: object) -> None:
        self.keys = keys

    def __repr__(self) -> str:
        return f"Limits({', '.join(f'{k}={v!r}' for k, v in self.keys.items())})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.keys}


NonEmpty = Annotated[str, Limits(min_length=1)]
AT_LEAST_ONE = Limits(min_length=1)
Identifier = Annotated[str, Limits(pattern=r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$")]

