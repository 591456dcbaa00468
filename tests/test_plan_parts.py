"""The plan is made in one direction: the answers are folded once per change into a
snapshot, each part of the plan is a pure function of it, and the readiness check reads the
built parts. No module imports another that imports it back."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

from journey.core import live
from journey.plan import Plan, build, parts, snapshot

from .helpers import start

SRC = Path(__file__).resolve().parents[1] / "src" / "journey"


def module_name(path: Path) -> str:
    parts_ = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts_[:-1] if parts_[-1] == "__init__" else parts_)


def imports(path: Path, known: set[str]) -> set[str]:
    """The journey modules a module imports when it is loaded: not those imported only for
    type checkers, nor inside functions (imported late, on purpose)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                if whole in known:
                    found.add(whole)
                elif node.module in known:
                    found.add(node.module)
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    paths = {module_name(p): p for p in SRC.rglob("*.py")}
    graph = {name: imports(path, set(paths)) for name, path in paths.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError("import circle: " + " -> ".join([*trail, name]))
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    # The check reads the plan it is given; it never builds one.
    assert "journey.plan.document" not in graph["journey.plan.readiness"]
    assert "journey.plan" not in graph["journey.plan.readiness"]


def test_every_part_is_a_field_of_the_plan() -> None:
    keys = [m.KEY for m in parts.modules()]
    assert len(keys) == len(set(keys))
    names = [f.name for f in fields(Plan)]
    assert set(keys) <= set(names)
    assert names[-1] == "readiness"


def test_the_answers_are_folded_once_per_change(words, store, monkeypatch) -> None:
    folds: list[int] = []
    real = live.live_values

    def counted(content, journey):
        folds.append(1)
        return real(content, journey)

    monkeypatch.setattr(live, "live_values", counted)
    session = start(words, store)
    folds.clear()
    first = session.plan()
    assert session.plan() is first and build(words, session.journey) is first
    session.needs_fresh()
    assert len(folds) == 1
    session.answer("Getting out more")
    second = session.plan()
    assert second is not first and len(folds) == 2
    assert build(words, session.journey, attributed=False).helper is None
    assert len(folds) == 2  # one voice reads the same snapshot
    assert snapshot(words, session.journey).live["rights.hopes"] == "Getting out more"
