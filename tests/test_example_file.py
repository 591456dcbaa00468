"""The example journeys shipped in content/examples/ (Mia, Gareth, Edna): each imports, is
finished at 100%, and gives the same plan as the builder it was made from (so they are remade
when the questions change); each example's check lists exactly what a panel would raise; and
what each piece of costed support meets is chosen from the person's own list."""

from __future__ import annotations

import pytest

from journey.cli.main import main
from journey.content import content_dir
from journey.plan import aims, build, snapshot
from journey.store.database import Store

from .examples import EXAMPLES
from .fullest import priya

BUILDERS = {**EXAMPLES, "priya": priya}

# What the check raises for each, by finding code. Mia and Gareth are ready (nothing at all);
# Edna's are the gaps a panel would send back.
FINDINGS: dict[str, set[str]] = {
    "mia": set(),
    "gareth": set(),
    "edna": {"over_budget", "family_payment", "conflict_holder", "not_met", "low_pay",
             "agreed_rough", "to_find_out"},
    "priya": set(),
}


def test_every_example_is_shipped() -> None:
    shipped = {p.stem for p in (content_dir() / "examples").glob("*.json")}
    assert shipped == set(EXAMPLES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_shipped_example_imports_finished_and_matches_its_builder(
        words, store: Store, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = content_dir() / "examples" / f"{name}.json"
    assert main(["import", str(shipped)]) == 0
    [summary] = store.list()
    assert summary.percent == 100
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "100%" in capsys.readouterr().out
    imported = build(words, store.load(summary.id))

    fresh = build(words, EXAMPLES[name](words, Store(store.home / "fresh")).journey)
    assert imported.costing == fresh.costing
    assert imported.readiness == fresh.readiness
    assert [s.entries for s in imported.sections] == [s.entries for s in fresh.sections]
    assert imported.outcomes == fresh.outcomes and imported.money == fresh.money


@pytest.mark.parametrize("name", BUILDERS)
def test_each_example_is_finished_and_its_check_says_what_a_panel_would(
        words, store: Store, name: str) -> None:
    session = BUILDERS[name](words, store)
    assert session.percent_done() == 100
    assert set(session.statuses().values()) <= {"done", "not_needed"}
    readiness = session.plan().readiness
    assert {f.code for f in readiness.findings} == FINDINGS[name]
    assert readiness.ready == (not FINDINGS[name])


@pytest.mark.parametrize("name", BUILDERS)
def test_support_says_what_it_meets_from_the_persons_own_list(
        words, store: Store, name: str) -> None:
    session = BUILDERS[name](words, store)
    own = set(aims(snapshot(words, session.journey)))
    costs = session.journey.answers["planning.costs"].value
    named = {need for line in costs for need in line.get("serves", [])}
    assert named and named <= own, named - own


def test_mia_is_pointed_to_childrens_services_for_alfie(words, store: Store) -> None:
    plan = EXAMPLES["mia"](words, store).plan()
    said = " ".join(str(s) for s in plan.sections)
    assert "parent carer's needs assessment" in said
    assert "transition assessment" in said
