"""The example journey shipped in content/examples/ imports, and gives the same plan as the
builder it was made from (so it is remade when the questions change)."""

from __future__ import annotations

from journey.cli import main
from journey.content import content_dir
from journey.plan import build
from journey.store import Store

from .examples import mia


def test_the_shipped_example_imports_and_matches_its_builder(words, store: Store) -> None:
    shipped = content_dir() / "examples" / "mia.json"
    assert main(["import", str(shipped)]) == 0
    [summary] = store.list()
    imported = build(words, store.load(summary.id))

    fresh = build(words, mia(words, Store(store.home / "fresh")).journey)
    assert imported.costing == fresh.costing
    assert imported.readiness == fresh.readiness
    assert [s.entries for s in imported.sections] == [s.entries for s in fresh.sections]
    assert imported.readiness.ready
