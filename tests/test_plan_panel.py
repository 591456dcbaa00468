"""The plan as a council's panel reads it: the money worked out as the plan says it is, who
said what item by item, the one-page profile, the people who help, the dates and the
details a council's file needs. Each journey is answered through the session, as a person
would, and read back from its exports."""

from __future__ import annotations

from decimal import Decimal

from journey.documents import render
from journey.store.database import Store

from .examples import item, walk

D = Decimal


def test_a_cost_is_worked_out_for_a_year_before_it_is_rounded(words, store: Store) -> None:
    # 3.5 hours at £14.75 is £51.625 a week: a year of it is £2,684.50, exactly, as the plan
    # says it works costs out; rounding each week to £51.63 first would add 26p.
    session = walk(words, store, {
        "welcome.name": "Sam", "welcome.mode": "self",
        "planning.costs": [item("A personal assistant", "pa", 1, "week", "3.5", "14.75", "hour",
                                "personal-budget")],
    })
    plan = session.plan()
    line = plan.costing.lines[0]
    assert (line.per_year, line.per_week) == (D("2684.50"), D("51.63"))
    assert plan.costing.total_per_year == D("2684.50")
    text = render.render(plan, "md")
    assert "£2,684.50" in text and "£2,684.76" not in text
    assert "Each cost is worked out for a whole year first." in text
