"""Where things go in the two pictures of the plan: the budget chart and the circle of
support. Only numbers and the words to show, each label wrapped onto lines so nothing is cut
off; the HTML template draws them as SVG (escaping every word) and
journey.documents.pictures draws the same as images for the Word document. Coordinates are
rounded, so the same plan always draws the same picture."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from journey.core.answers import pounds
from journey.plan import Ring
from journey.plan.costing import Costing

BAR_LEFT = 190  # room for the labels
BAR_WIDTH = 420
ROW = 56
LINE = 15  # the height of a line of a label
LABEL_CHARS = 19  # a bar's label, on lines this long at most
NAME_CHARS = 12  # a name in the circle
ME_CHARS = 7  # the person's name, in the middle
RING_CHARS = 16  # a ring's name, at its top
RING_FONT = 17  # the circle's letters, in its own units (640 across)
NAME_FONT = 19
NAME_LINE = 20
CLEAR_TOP = 45  # degrees either side of the top kept for the ring's name


@dataclass(slots=True)
class Bar:
    """One kind of money's bar: a year's spending over its budget's outline."""

    label: str
    lines: list[str]  # the label, wrapped
    y: float
    width: float  # what is spent
    budget_width: float | None  # the budget's outline, when this money has one
    spent: str
    budget: str | None
    over: bool


@dataclass(slots=True)
class BudgetChart:
    """The budget chart: a bar for each kind of money."""

    width: int
    height: int
    left: int
    bars: list[Bar]


@dataclass(slots=True)
class Dot:
    """One person in the circle of support, where they sit on their ring."""

    x: float
    y: float
    name: str
    lines: list[str]  # the name, wrapped
    ring: str


@dataclass(slots=True)
class Band:
    """One ring of the circle of support, with its name at the top."""

    id: str
    title: str
    lines: list[str]  # the ring's name, wrapped
    radius: float
    label_y: float


@dataclass(slots=True)
class CircleChart:
    """The circle of support: the person in the middle, the rings and the people on them."""

    size: int
    centre: float
    inner: float  # the person in the middle
    me: list[str]  # their name, wrapped to fit the middle
    bands: list[Band]
    dots: list[Dot]
    line: int = NAME_LINE  # the height of a line of a label


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
            lines=wrap(t.label, LABEL_CHARS),
            y=float(20 + i * ROW),
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


def wrap(text: str, width: int) -> list[str]:
    """Words on lines of at most `width` characters; a longer word is split, never cut."""
    lines: list[str] = []
    for word in text.split():
        while len(word) > width:
            lines.append(word[: width - 1] + "-")
            word = word[width - 1:]
        if lines and len(lines[-1]) + 1 + len(word) <= width and not lines[-1].endswith("-"):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def circle_chart(rings: list[Ring], name: str, size: int = 640) -> CircleChart | None:
    """The person in the middle; each ring, from the closest out, with its people spread
    round it, clear of the ring's name at the top (every other ring starts half a place on,
    so names do not line up). Sizes suit printing the picture about 9 cm across."""
    if not any(r.people for r in rings):
        return None
    centre = size / 2
    inner = size * 0.1
    step = (centre - 6 - inner) / len(rings)
    bands, dots = [], []
    for i, ring in enumerate(rings):
        outer = inner + step * (i + 1)
        middle = outer - step / 2
        lines = wrap(ring.title, RING_CHARS)
        bands.append(Band(id=ring.id, title=ring.title, lines=lines, radius=round(outer, 1),
                          label_y=round(centre - outer + RING_FONT + 2, 1)))
        count = len(ring.people)
        for k, person in enumerate(ring.people):
            degrees = CLEAR_TOP - 90 + (360 - 2 * CLEAR_TOP) * (k + 0.5 + (i % 2) / 2) / count
            angle = math.radians(degrees)
            dots.append(Dot(x=round(centre + middle * math.cos(angle), 1),
                            y=round(centre + middle * math.sin(angle), 1),
                            name=person.name, lines=wrap(person.name, NAME_CHARS),
                            ring=ring.id))
    return CircleChart(size=size, centre=centre, inner=round(inner, 1),
                       me=wrap(name, ME_CHARS), bands=bands, dots=dots)
