"""The plan is made in one direction: the answers are folded once per change into a
snapshot, each part of the plan is a pure function of it, and the readiness check reads the
built parts. No module imports another that imports it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import FrozenInstanceError, fields, is_dataclass, replace
from pathlib import Path

import pytest

from journey.core import live
from journey.core.model import Journey
from journey.plan import Plan, build, parts, snapshot

from .helpers import start, to_text_question

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


# -- plain data, cheap to build ---------------------------------------------------------------

def _third_party(path: Path) -> set[str]:
    """The top-level names of everything a module imports, at any depth of its code (inside
    functions too), leaving out what is imported only for type checkers."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name.partition(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.partition(".")[0])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text()))
    return found


def test_the_plan_and_the_documents_are_plain_data_without_pydantic() -> None:
    using = [str(p.relative_to(SRC)) for folder in ("plan", "documents")
             for p in sorted((SRC / folder).rglob("*.py")) if "pydantic" in _third_party(p)]
    assert using == []


def test_making_a_plan_or_a_document_does_not_bring_pydantic_in() -> None:
    """Whatever the content and the journey's own records need, the plan and its documents
    add no pydantic of their own: if importing them loads it, so does importing what they
    read (this holds for certain once content and the journey are plain data too)."""
    def loads_pydantic(modules: str) -> bool:
        code = f"import sys, {modules}; print('pydantic' in sys.modules)"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True)
        return done.stdout.strip() == "True"

    inside = "journey.content, journey.core.model, journey.core.live, journey.core.answers"
    if loads_pydantic("journey.plan, journey.documents.render, journey.documents.layout, "
                      "journey.documents.charts, journey.plan.prep, journey.plan.summary"):
        assert loads_pydantic(inside)


def test_a_plan_is_a_frozen_record(words, store) -> None:
    plan = start(words, store).plan()
    assert is_dataclass(plan) and is_dataclass(plan.readiness)
    with pytest.raises(FrozenInstanceError):
        plan.name = "Someone else"  # type: ignore[misc]
    assert replace(plan, name="Kim").name == "Kim" and plan.name == "Sam"


def test_building_the_plan_walks_the_events_once_for_the_notes_and_confirmations(
        words, store, monkeypatch) -> None:
    """Each suggested answer's who-said-it does not walk the events again to see whether the
    person confirmed it, and the notes are read once, however many parts show them."""
    session = start(words, store, mode="with")
    agreed = to_text_question(session)
    session.answer("A quiet morning", suggested=True)
    session.confirm(agreed)
    offered = to_text_question(session)
    session.answer("A slow breakfast", suggested=True)
    session.note("Ask about the garden", in_plan=True)
    calls: list[str] = []
    for method in ("notes", "confirmed"):
        real = getattr(Journey, method)

        def counted(self, *args, _real=real, _name=method):  # type: ignore[no-untyped-def]
            calls.append(_name)
            return _real(self, *args)

        monkeypatch.setattr(Journey, method, counted)
    plan = build(words, session.journey)
    assert calls.count("notes") == 1 and "confirmed" not in calls
    said = {e.question: e.said_by for s in plan.sections for e in s.entries}
    assert said[agreed] == "suggested by Jo (advocate), agreed by Sam"
    assert said[offered] == "suggested by Jo (advocate)"
    assert [n.text for n in plan.notes] == ["Ask about the garden"]
