"""Where things go in the two pictures of the HTML plan: the budget chart and the circle of
support. Only numbers and the words to show; the SVG itself is drawn by the template, which
escapes every word. Coordinates are rounded, so the same plan always draws the same picture."""

from __future__ import annotations

import math
from decimal import Decimal

from pydantic import BaseModel

from journey.answers import pounds
from journey.costing import Costing
from journey.plan import Ring

BAR_LEFT = 190  # room for the labels
BAR_WIDTH = 420
ROW = 56
NAME_CHARS = 18


class Bar(BaseModel):
    label: str
    y: float
    width: float  # what is spent
    budget_width: float | None  # the budget's outline, when this money has one
    spent: str
    budget: str | None
    over: bool


class BudgetChart(BaseModel):
    width: int
    height: int
    left: int
    bars: list[Bar]


class Dot(BaseModel):
    x: float
    y: float
    name: str
    ring: str


class Band(BaseModel):
    id: str
    title: str
    radius: float
    label_y: float


class CircleChart(BaseModel):
    size: int
    centre: float
    inner: float  # the person in the middle
    bands: list[Band]
    dots: list[Dot]


def _scale(amount: Decimal, largest: Decimal) -> float:
    return round(float(amount / largest) * BAR_WIDTH, 1) if largest else 0.0


def budget_chart(costing: Costing) -> BudgetChart | None:
    """One bar a kind of money, a year's spending, drawn over the budget's outline."""
    totals = costing.totals
    if not totals:
        return None
    largest = max(max(t.per_year, t.budget.per_year if t.budget else Decimal(0)) for t in totals)
    bars = [
        Bar(
            label=t.label,
            y=20 + i * ROW,
            width=_scale(t.per_year, largest),
            budget_width=_scale(t.budget.per_year, largest) if t.budget else None,
            spent=pounds(t.per_year),
            budget=pounds(t.budget.per_year) if t.budget else None,
            over=t.over,
        )
        for i, t in enumerate(totals)
    ]
    return BudgetChart(width=BAR_LEFT + BAR_WIDTH + 30, height=30 + ROW * len(bars),
                       left=BAR_LEFT, bars=bars)


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def circle_chart(rings: list[Ring], size: int = 640) -> CircleChart | None:
    """The person in the middle; each ring, from the closest out, with its people spread
    evenly round it (each ring starts at a different angle so names do not line up)."""
    if not any(r.people for r in rings):
        return None
    centre = size / 2
    step = (centre - 10) / (len(rings) + 0.6)
    inner = step * 0.6
    bands, dots = [], []
    for i, ring in enumerate(rings):
        outer = inner + step * (i + 1)
        middle = outer - step / 2
        bands.append(Band(id=ring.id, title=ring.title, radius=round(outer, 1),
                          label_y=round(centre - outer + 14, 1)))
        count = len(ring.people)
        for k, person in enumerate(ring.people):
            angle = 2 * math.pi * k / count + math.pi / 2 + i * 0.5
            dots.append(Dot(x=round(centre + middle * math.cos(angle), 1),
                            y=round(centre + middle * math.sin(angle), 1),
                            name=_short(person.name), ring=ring.id))
    return CircleChart(size=size, centre=centre, inner=round(inner, 1), bands=bands, dots=dots)
