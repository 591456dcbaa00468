"""The circle of support picture: every name stays inside its place. Measured as drawn, with
the font the Word picture is drawn in: each name inside the picture, clear of every other
name, of the dots, of the rings' names and of the middle; the person's name inside its disc;
no empty boxes for letters the font lacks; and every name whole in the list beside it."""

from __future__ import annotations

import io
import math
import re
import zipfile
from itertools import combinations

import pytest
from PIL import Image, ImageDraw

from journey.documents import pictures, render
from journey.documents.charts import NAME_FONT, RING_FONT, CircleChart, circle_chart
from journey.plan.parts.circle import CirclePerson, Ring

from .examples import walk

TITLES = {"closest": "Closest family and friends", "friends": "Friends and neighbours",
          "groups": "Groups and places", "paid": "Paid people"}
S = pictures.SCALE
Box = tuple[float, float, float, float]


def rings(people: dict[str, list[str]]) -> list[Ring]:
    return [Ring(id=ring, title=title, people=[
        CirclePerson(name=name, relation="", ring=ring, helps="")
        for name in people.get(ring, [])]) for ring, title in TITLES.items()]


def _measured(x: float, y: float, lines: list[str], size: int, bold: bool,
              step: float) -> Box | None:
    """Where Pillow draws these lines in the picture, in its pixels."""
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    font = pictures._font(size, bold)
    boxes = [draw.textbbox((x * S, (y + i * step) * S), line, font=font, anchor="ms")
             for i, line in enumerate(lines) if line]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _apart(a: Box, b: Box) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def assert_inside_its_place(chart: CircleChart) -> None:
    edge = chart.size * S
    titles = [_measured(chart.centre, band.label_y, band.lines, RING_FONT, True, chart.line)
              for band in chart.bands]
    dots = [((d.x - 6) * S, (d.y - 6) * S, (d.x + 6) * S, (d.y + 6) * S) for d in chart.dots]
    names = [(d, _measured(d.label_x, d.label_y, d.lines, NAME_FONT, False, chart.line))
             for d in chart.dots]
    for box in [*titles, *(b for _, b in names)]:
        if box is not None:
            assert min(box[0], box[1]) >= 0 and max(box[2], box[3]) <= edge, box
    centre, radius = chart.centre * S, chart.inner * S
    for dot, box in names:
        if box is None:
            continue
        for title in titles:
            assert _apart(box, title), (dot.lines, "over a ring's name")
        for other in dots:
            assert _apart(box, other), (dot.lines, "over a dot")
        nearest = (min(max(centre, box[0]), box[2]), min(max(centre, box[1]), box[3]))
        assert math.dist(nearest, (centre, centre)) >= radius, (dot.lines, "over the middle")
    for (a, first), (b, second) in combinations(names, 2):
        if first and second:
            assert _apart(first, second), (a.lines, b.lines)
    me = _measured(chart.centre, chart.me_y, chart.me, chart.me_size, True, chart.me_line)
    assert me is not None
    for corner in ((me[0], me[1]), (me[2], me[1]), (me[0], me[3]), (me[2], me[3])):
        assert math.dist(corner, (centre, centre)) <= radius, (chart.me, "out of its disc")


LONG = [f"Maximiliana Fotheringay-Worthington {i}" for i in range(8)]


@pytest.mark.parametrize("people", [
    {"closest": LONG[:4], "friends": LONG, "groups": LONG[:5], "paid": LONG[:6]},
    {"paid": ["Personal assistant Wendy Wallace", "Agency"]},  # two lines, at the bottom
    {"friends": ["Bo"] * 40, "paid": ["Wolfeschlegelsteinhausenbergerdorff"] * 9},
    {"closest": ["Mum", "Dad"], "groups": ["The Red Lion quiz team"]},
], ids=["many long names", "two lines at the bottom", "crowded", "short"])
def test_every_name_stays_inside_its_place(people) -> None:
    chart = circle_chart(rings(people), "Me", drawable=pictures.drawable)
    assert chart is not None
    assert_inside_its_place(chart)
    drawn = [d for d in chart.dots if d.lines]
    # Names are left out only when there is no room at all, and never the first few.
    assert len(drawn) >= min(len(chart.dots), 12)


def test_a_two_line_name_at_the_bottom_is_not_cut() -> None:
    chart = circle_chart(rings({"paid": ["Personal assistant Wendy Wallace", "Agency"]}), "Sam",
                         drawable=pictures.drawable)
    dot, _ = chart.dots
    assert dot.y > chart.size * 0.9  # it sits at the bottom of the picture
    assert len(dot.lines) == 2 and dot.lines[0] == "Personal"
    assert_inside_its_place(chart)


@pytest.mark.parametrize("name", [
    "Alexandria Montgomery-Worthington", "Wolfeschlegelsteinhausenbergerdorff",
    "Anna Maria Josephina Theresia van der Berg-Oppenheimer", "Sam"])
def test_a_long_name_in_the_middle_stays_in_its_disc(name: str) -> None:
    chart = circle_chart(rings({"closest": ["Mum"]}), name, drawable=pictures.drawable)
    assert_inside_its_place(chart)
    if name == "Sam":
        assert chart.me == ["Sam"] and chart.me_size == NAME_FONT
    if name == "Alexandria Montgomery-Worthington":
        assert chart.me == ["Alexandria", "Montgomery-", "Worthington"]  # whole words
    if len(name) > 40:
        assert chart.me[-1].endswith("…")


def test_letters_the_font_lacks_are_left_out_not_drawn_as_boxes() -> None:
    chart = circle_chart(rings({"closest": ["Dad 👨‍👩‍👧 🎉 ★ ♥", "🎉🎉"]}), "Zoë 🌈",
                         drawable=pictures.drawable)
    dad, party = chart.dots
    assert dad.lines == ["Dad ★ ♥"]  # the font has the star and the heart
    assert party.lines == []  # nothing of it can be drawn: the list beside gives it
    assert chart.me == ["Zoë"]
    for dot in chart.dots:
        assert all(pictures.drawable(c) for line in dot.lines for c in line)
    # Without a font to ask, every letter is kept.
    assert circle_chart(rings({"closest": ["🎉🎉"]}), "Me").dots[0].lines == ["🎉🎉"]
    assert_inside_its_place(chart)


def test_the_drawn_picture_shows_the_names_where_they_were_placed() -> None:
    chart = circle_chart(rings({"paid": ["Personal assistant Wendy Wallace"]}), "Sam",
                         drawable=pictures.drawable)
    image = Image.open(io.BytesIO(pictures.circle_png(chart))).convert("L")
    dot, = chart.dots
    box = _measured(dot.label_x, dot.label_y, dot.lines, NAME_FONT, False, chart.line)
    assert box is not None
    inked = image.crop(tuple(int(v) for v in box)).getextrema()[0]
    assert inked < 80  # dark letters drawn there
    assert image.size == (chart.size * S, chart.size * S)


def test_a_shortened_name_is_whole_in_the_list_beside_the_picture(words, store) -> None:
    long = "Maximiliana Fotheringay-Worthington the Third of Little Snoring"
    people = [{"name": f"{long} {i}", "relation": "friend", "ring": "friends", "helps": ""}
              for i in range(6)]
    people.append({"name": "Pete 🎉", "relation": "friend", "ring": "closest", "helps": ""})
    plan = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                               "circle.people": people}).plan()
    page = render.render(plan, "html")
    svg = page[page.index('<figure class="circle">'):page.index("</figure>")]
    assert "…" in svg
    # The web page draws the same picture as the Word document, without empty boxes; its
    # words for screen readers (not drawn) keep every name whole.
    drawn = re.sub(r"<desc .*?</desc>", "", svg, flags=re.DOTALL)
    assert ">Pete</tspan>" in drawn and "🎉" not in drawn
    assert "Pete 🎉" in svg[svg.index("<desc "):svg.index("</desc>")]
    beside = page[page.index('<div class="rings">'):]
    assert "Pete 🎉" in beside
    for i in range(6):
        assert f"{long} {i}" in beside
    data = render.export(plan, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    for i in range(6):
        assert f"{long} {i}" in text
    assert "Pete 🎉" in text
