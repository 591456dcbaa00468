"""The parts of the plan, one module each.

Each module here names its `KEY` (the plan's field, and the name templates use:
`plan.<KEY>`) and a pure function `derive(snapshot)` whose return type is that field's type.
The plan finds every module here by itself, so adding a part means adding one module, a
block in each template, and a test."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any, get_type_hints


def modules() -> list[ModuleType]:
    """Every part, in name order, so the plan's fields always come in the same order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def fields() -> dict[str, tuple[Any, Any]]:
    """Each part's key and type, for the plan's model."""
    found: dict[str, tuple[Any, Any]] = {}
    for module in modules():
        derive: Callable[..., Any] = module.derive
        found[module.KEY] = (get_type_hints(derive)["return"], ...)
    return found
