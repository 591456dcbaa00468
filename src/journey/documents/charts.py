"""Where things go in the two pictures of the plan: the budget chart and the circle of
support. Only numbers and the words to show, each label wrapped onto lines so nothing is cut
off; in the circle, where room is short, a name is shortened with an ellipsis rather than
run over anything (the list beside the picture gives every name whole). The HTML template
draws them as SVG (escaping every word) and journey.documents.pictures draws the same as
images for the Word document. Coordinates are rounded, so the same plan always draws the
same picture."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from journey.content import Journey as Content
from journey.core.answers import pounds
from journey.plan import Ring
from journey.plan.costing import Costing

BAR_LEFT = 190  # room for the labels
BAR_WIDTH = 420
ROW = 56
LINE = 15  # the height of a line of a label
LABEL_CHARS = 19  # a bar's label, on lines this long at most
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
    """One person in the circle of support: where they sit on their ring, and where their
    name goes (its lines' middle and first baseline), clear of everything else."""

    x: float
    y: float
    name: str
    lines: list[str]  # the name as drawn: wrapped, shortened if it must be; none if no room
    ring: str
    label_x: float = 0.0
    label_y: float = 0.0


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
    me_y: float = 0.0  # the first baseline of their name
    me_size: int = NAME_FONT  # the height of its letters, smaller for a long name

    @property
    def me_line(self) -> int:
        return self.me_size + 1


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


def budget_words(chart: BudgetChart, words: Content) -> str:
    """The budget chart in words, for its alternative text: what each bar shows."""
    said = []
    for bar in chart.bars:
        line = words.message("doc_chart_bar", label=bar.label, spent=bar.spent)
        if bar.budget:
            line += words.message("doc_chart_bar_budget", budget=bar.budget)
        if bar.over:
            line += words.message("doc_chart_bar_over")
        said.append(line)
    return f"{words.message('doc_chart_title')}. {'; '.join(said)}."


def circle_words(rings: list[Ring], words: Content) -> str:
    """The circle of support in words, for its alternative text: who is on each ring."""
    said = [words.message("doc_circle_ring", ring=ring.title,
                          people=", ".join(p.name for p in ring.people))
            for ring in rings if ring.people]
    return f"{words.message('doc_circle_title')}. {'; '.join(said)}."


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


# How wide letters are, in thousandths of a letter's height: DejaVu Sans, one of the widest
# fonts with wide coverage, so the same names fit when a narrower font draws them. Space to
# "~", regular then bold.
_ASCII = (
    (318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
     636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
     770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
     684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
     634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
     525, 636, 337, 636, 838),
    (348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
     696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
     830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
     774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
     712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
     582, 712, 365, 712, 838),
)
ASCENT, DESCENT = 0.93, 0.24  # above and below the baseline, in letter heights
ELLIPSIS = "\u2026"
ME_SIZES = (NAME_FONT, 16, 14)  # the person's name, smaller only when it must be
NAME_WIDTH = 150  # a name's lines at most this wide
NAME_LINES = 2  # and at most this many
GAP = 3  # kept clear round every name, dot and ring title
DOT = 6  # a person's dot, its radius


def _letter(char: str, bold: bool) -> int:
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII[bold][code - 32]
    kind = unicodedata.category(char)
    if kind in ("Mn", "Me", "Cf"):  # accents over a letter, joiners: no room of their own
        return 0
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and 32 <= ord(base) < 127:
        return _ASCII[bold][ord(base) - 32] + 40
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1100 if bold else 1000
    return 1000 if bold else 900


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` is drawn `size` high, a little wider than most fonts draw it."""
    return sum(_letter(c, bold) for c in text) * size / 1000


def wrap_to(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Words on lines at most `width` wide, a hyphenated word broken at its hyphen first; a
    word longer than a line is split with a hyphen."""
    return _wrap(text, width, size, bold)[0]


def _wrap(text: str, width: float, size: float, bold: bool) -> tuple[list[str], bool]:
    """The lines, and whether a word had to be split where it has no hyphen."""
    lines: list[str] = []
    split = False
    for word in text.split():
        pieces = re.findall(r"[^-]+-*|-+", word)
        for n, piece in enumerate(pieces):
            while text_width(piece, size, bold) > width and len(piece) > 1:
                cut = len(piece) - 1
                while cut > 1 and text_width(piece[:cut] + "-", size, bold) > width:
                    cut -= 1
                lines.append(piece[:cut] + "-")
                piece = piece[cut:]
                split = True
                n = -1  # what is left starts its own line's run
            joint = "" if n > 0 else " "
            joined = f"{lines[-1]}{joint}{piece}" if lines else None
            if joined is not None and (n > 0 or not lines[-1].endswith("-")) \
                    and text_width(joined, size, bold) <= width:
                lines[-1] = joined
            else:
                lines.append(piece)
    return lines or [""], split


def shorten(text: str, width: float, size: float, bold: bool = False) -> str:
    """As much of `text` as fits `width` with an ellipsis after it; "" when not even one
    letter does."""
    if text_width(text, size, bold) <= width:
        return text
    for cut in range(len(text) - 1, 0, -1):
        kept = text[:cut].rstrip(" -")
        if kept and text_width(kept + ELLIPSIS, size, bold) <= width:
            return kept + ELLIPSIS
    return ""


def fit_lines(text: str, width: float, most: int, size: float, bold: bool = False) -> list[str]:
    """`text` wrapped to `width` on at most `most` lines, the last shortened with an ellipsis
    when the rest does not fit."""
    lines = wrap_to(text, width, size, bold)
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    for line in lines[most:]:  # a line broken at a hyphen joins the next without a space
        last += line if last.endswith("-") else f" {line}"
    return [*lines[:most - 1], shorten(last, width, size, bold) or ELLIPSIS]


Box = tuple[float, float, float, float]  # left, top, right, bottom


def lines_box(x: float, baseline: float, lines: list[str], size: float, step: float,
              bold: bool = False) -> Box:
    """Where lines drawn centred on `x` from a first baseline lie."""
    half = max(text_width(line, size, bold) for line in lines) / 2
    return (x - half, baseline - ASCENT * size, x + half,
            baseline + step * (len(lines) - 1) + DESCENT * size)


def _overlap(a: Box, b: Box, gap: float = GAP) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _touches_disc(box: Box, centre: float, radius: float) -> bool:
    nearest_x = min(max(centre, box[0]), box[2])
    nearest_y = min(max(centre, box[1]), box[3])
    return math.hypot(nearest_x - centre, nearest_y - centre) < radius + GAP


def _name_for_picture(name: str, drawable: Callable[[str], bool] | None) -> str:
    """The name with any letter the picture's font cannot draw left out (it would show as an
    empty box); the list beside the picture keeps the whole name."""
    if drawable is None:
        return name
    # Joiners and emoji selectors go too: with what they join left out, they join nothing.
    kept = "".join(c for c in name if c.isspace() or (
        drawable(c) and unicodedata.category(c) != "Cf" and not "\ufe00" <= c <= "\ufe0f"))
    return " ".join(kept.split())


def _me_lines(name: str, radius: float) -> tuple[list[str], int]:
    """The person's name inside the middle disc, and the size of its letters: whole words on
    as few lines as fit, at most three, in smaller letters if it must; shortened on the last
    line when it is longer still."""
    for size in ME_SIZES:
        for count in (1, 2, 3):
            width = _disc_width(radius, size, count)
            lines, split = _wrap(name, width, size, bold=True)
            if len(lines) <= count and not split:
                return lines, size
    size = ME_SIZES[-1]
    return fit_lines(name, _disc_width(radius, size, 3), 3, size, bold=True), size


def _disc_width(radius: float, size: int, count: int) -> float:
    """How wide `count` lines of letters `size` high may be to stay inside the disc."""
    high = (ASCENT + DESCENT) * size + (size + 1) * (count - 1)
    return 2 * math.sqrt(max(radius ** 2 - (high / 2) ** 2, 0)) - 2 * GAP


def me_baseline(centre: float, lines: list[str], size: int) -> float:
    """The first baseline of the person's name, so its lines sit in the middle of the disc."""
    high = (ASCENT + DESCENT) * size + (size + 1) * (len(lines) - 1)
    return round(centre - high / 2 + ASCENT * size, 1)


def circle_chart(rings: list[Ring], name: str, size: int = 640,
                 drawable: Callable[[str], bool] | None = None) -> CircleChart | None:
    """The person in the middle; each ring, from the closest out, with its people spread
    round it, clear of the ring's name at the top (every other ring starts half a place on,
    so names do not line up). Each name is put where it fits, clear of the picture's edge,
    the middle, the rings' names, the dots and every other name: below its dot, above it,
    or beside it; wrapped onto two lines, then shortened with an ellipsis, as it must be.
    `drawable` says which letters the picture's font can draw. Sizes suit printing the
    picture about 9 cm across."""
    if not any(r.people for r in rings):
        return None
    centre = size / 2
    inner = size * 0.1
    step = (centre - 6 - inner) / len(rings)
    bands, dots = [], []
    taken: list[Box] = []
    for i, ring in enumerate(rings):
        outer = inner + step * (i + 1)
        middle = outer - step / 2
        lines = wrap(ring.title, RING_CHARS)
        band = Band(id=ring.id, title=ring.title, lines=lines, radius=round(outer, 1),
                    label_y=round(centre - outer + RING_FONT + 2, 1))
        bands.append(band)
        taken.append(lines_box(centre, band.label_y, lines, RING_FONT, NAME_LINE, bold=True))
        count = len(ring.people)
        for k, person in enumerate(ring.people):
            degrees = CLEAR_TOP - 90 + (360 - 2 * CLEAR_TOP) * (k + 0.5 + (i % 2) / 2) / count
            angle = math.radians(degrees)
            x = round(centre + middle * math.cos(angle), 1)
            y = round(centre + middle * math.sin(angle), 1)
            dots.append(Dot(x=x, y=y, name=person.name, lines=[], ring=ring.id))
            taken.append((x - DOT, y - DOT, x + DOT, y + DOT))
    for dot in dots:
        _place(dot, _name_for_picture(dot.name, drawable), taken, size, centre, inner)
    me, me_size = _me_lines(_name_for_picture(name, drawable) or ELLIPSIS, inner)
    return CircleChart(size=size, centre=centre, inner=round(inner, 1), me=me, bands=bands,
                       dots=dots, me_y=me_baseline(centre, me, me_size), me_size=me_size)


def _choices(name: str) -> list[list[str]]:
    """The ways to write a name, from the whole of it to the shortest: wrapped onto two
    lines, then shortened on one line ever narrower."""
    size = NAME_FONT
    choices = [fit_lines(name, NAME_WIDTH, NAME_LINES, size)]
    for width in (NAME_WIDTH, 100, 60, 30):
        line = shorten(name, width, size)
        if line and [line] not in choices:
            choices.append([line])
    return choices


def _place(dot: Dot, name: str, taken: list[Box], size: int, centre: float,
           inner: float) -> None:
    """Puts the name where it first fits, in the first of its ways that fits anywhere, and
    takes that room; a name with no room anywhere is left out of the picture."""
    dot.label_x, dot.label_y = dot.x, dot.y + DOT + GAP + ASCENT * NAME_FONT
    if not name:
        return
    mine = (dot.x - DOT, dot.y - DOT, dot.x + DOT, dot.y + DOT)
    others = [box for box in taken if box != mine]
    for lines in _choices(name):
        half = max(text_width(line, NAME_FONT) for line in lines) / 2
        high = (ASCENT + DESCENT) * NAME_FONT + NAME_LINE * (len(lines) - 1)
        below = dot.y + DOT + GAP + ASCENT * NAME_FONT
        above = dot.y - DOT - GAP - high + ASCENT * NAME_FONT
        side = dot.y - high / 2 + ASCENT * NAME_FONT
        # Below, above, beside, then below or above leaning out to either side.
        lean = max(half - DOT, 0)
        for x, baseline in ((dot.x, below), (dot.x, above),
                            (dot.x + DOT + GAP + half, side), (dot.x - DOT - GAP - half, side),
                            (dot.x + lean, below), (dot.x - lean, below),
                            (dot.x + lean, above), (dot.x - lean, above)):
            box = lines_box(x, baseline, lines, NAME_FONT, NAME_LINE)
            if (box[0] >= GAP and box[1] >= GAP and box[2] <= size - GAP
                    and box[3] <= size - GAP and not _touches_disc(box, centre, inner)
                    and not any(_overlap(box, other) for other in others)):
                dot.lines = lines
                dot.label_x, dot.label_y = round(x, 1), round(baseline, 1)
                taken.append(box)
                return
