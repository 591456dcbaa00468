"""The parts of the plan, one module each.

Each module here names its `KEY` (the plan's field, and the name templates use:
`plan.<KEY>`) and a pure function `derive(snapshot)` whose return type is that field's type.
The plan finds every module here by itself, so adding a part means adding one module, a
block in each template, and a test."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType


@cache
def modules() -> tuple[ModuleType, ...]:
    """Every part, in name order, so the plan's fields always come in the same order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


def fields() -> dict[str, str]:
    """Each part's key and type (as its derive() names it), for the plan's record."""
    return {module.KEY: module.derive.__annotations__["return"] for module in modules()}
