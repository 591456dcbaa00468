"""The plan's two pictures, the budget chart and the circle of support, drawn as PNG images
for the Word document (Word cannot be relied on to show SVG). They follow the same places and
wrapped labels as the HTML's SVG (journey.documents.charts), drawn at twice the size so they print
sharply. Pillow is imported only when a picture is drawn. The same chart always gives the
same bytes on the same machine."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING

from journey.documents.charts import (
    DOT,
    LINE,
    NAME_FONT,
    RING_FONT,
    BudgetChart,
    CircleChart,
)

if TYPE_CHECKING:
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

SCALE = 2
INK, MUTED, ACCENT, LINE_GREY = "#1a1a1a", "#4d4d4d", "#1d4f91", "#b9b9b9"
SPENT, BUDGET, OVER = "#2f6db5", "#e6edf7", "#a61b1b"
RINGS = {"closest": "#dce8f7", "friends": "#e8f0fa", "groups": "#f1f6fc", "paid": "#f8fafd"}
# Fonts with wide coverage of the world's letters where the machine has them; otherwise the
# font that comes with Pillow. Arial's bold is "Arial Bold.ttf" on a Mac but "arialbd.ttf" on
# Windows (whose names ignore case, so "Arial.ttf" finds arial.ttf there).
FONTS = {False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"),
         True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf",
                "arialbd.ttf")}


@cache
def _font(size: int, bold: bool = False) -> FreeTypeFont:
    from PIL import ImageFont

    for name in FONTS[bold]:
        try:
            return ImageFont.truetype(name, size * SCALE)
        except OSError:
            continue
    return ImageFont.load_default(size * SCALE)


@cache
def _missing(bold: bool) -> bytes:
    """What the font draws for a letter it does not have (an empty box, or nothing)."""
    return _drawn("\U0010fffd", bold)


def _drawn(char: str, bold: bool) -> bytes:
    font = _font(NAME_FONT, bold)
    mask = font.getmask(char)
    return bytes(mask) + bytes(str(mask.size), "ascii")


@cache
def drawable(char: str) -> bool:
    """Whether the pictures' font has `char`; one it lacks would show as an empty box."""
    if char.isspace():
        return True
    return _drawn(char, False) != _missing(False) and _drawn(char, True) != _missing(True)


def _s(value: float) -> float:
    return value * SCALE


def _lines(draw: ImageDraw, x: float, y: float, lines: list[str], font: FreeTypeFont,
           fill: str, anchor: str, step: float = LINE) -> None:
    """Lines of a label from the first line's baseline, like the SVG's tspans."""
    for i, line in enumerate(lines):
        draw.text((_s(x), _s(y + i * step)), line, font=font, fill=fill, anchor=anchor)


def _dashed_box(draw: ImageDraw, box: tuple[float, float, float, float], colour: str) -> None:
    left, top, right, bottom = (_s(v) for v in box)
    dash, gap = _s(6), _s(4)
    for y in (top, bottom):
        x = left
        while x < right:
            draw.line([(x, y), (min(x + dash, right), y)], fill=colour, width=SCALE * 2)
            x += dash + gap
    for x in (left, right):
        y = top
        while y < bottom:
            draw.line([(x, y), (x, min(y + dash, bottom))], fill=colour, width=SCALE * 2)
            y += dash + gap


def _png(image: object) -> bytes:
    out = BytesIO()
    # zlib's quickest level: flat colours pack almost as small (a tenth bigger) in a third
    # less time; drawing the circle of support is the slowest part of a big Word plan.
    image.save(out, format="PNG", optimize=False, compress_level=1)  # type: ignore[attr-defined]
    return out.getvalue()


def budget_png(chart: BudgetChart) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (int(_s(chart.width)), int(_s(chart.height))), "white")
    draw = ImageDraw.Draw(image)
    for bar in chart.bars:
        top = bar.y + 19 - LINE / 2 * (len(bar.lines) - 1)
        _lines(draw, chart.left - 10, top, bar.lines, _font(16), INK, "rs")
        if bar.budget_width is not None:
            box = (chart.left, bar.y, chart.left + bar.budget_width, bar.y + 28)
            draw.rectangle([_s(v) for v in box], fill=BUDGET)
            _dashed_box(draw, box, ACCENT)
        if bar.width:
            draw.rectangle([_s(chart.left), _s(bar.y + 5), _s(chart.left + bar.width),
                            _s(bar.y + 23)], fill=OVER if bar.over else SPENT)
        value = f"{bar.spent} a year" + (f", budget {bar.budget}" if bar.budget else "") + (
            " (over)" if bar.over else "")
        draw.text((_s(chart.left), _s(bar.y + 44)), value, font=_font(14), fill=MUTED,
                  anchor="ls")
    return _png(image)


def circle_png(circle: CircleChart) -> bytes:
    from PIL import Image, ImageDraw

    size = int(_s(circle.size))
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    centre = _s(circle.centre)
    for band in reversed(circle.bands):
        r = _s(band.radius)
        draw.ellipse([centre - r, centre - r, centre + r, centre + r],
                     fill=RINGS.get(band.id, "white"), outline=LINE_GREY, width=SCALE * 2)
    for band in circle.bands:
        _lines(draw, circle.centre, band.label_y, band.lines, _font(RING_FONT, bold=True),
               ACCENT, "ms", step=circle.line)
    r = _s(circle.inner)
    draw.ellipse([centre - r, centre - r, centre + r, centre + r], fill=ACCENT)
    _lines(draw, circle.centre, circle.me_y, circle.me, _font(circle.me_size, bold=True),
           "white", "ms", step=circle.me_line)
    for dot in circle.dots:
        x, y, r = _s(dot.x), _s(dot.y), _s(DOT)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=INK)
        _lines(draw, dot.label_x, dot.label_y, dot.lines, _font(NAME_FONT), INK, "ms",
               step=circle.line)
    return _png(image)
