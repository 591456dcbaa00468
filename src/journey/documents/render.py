"""Render a plan as a document: Markdown, plain text, HTML, Word (DOCX), and the one-page
profile as Markdown or HTML.

Answers reach the templates only as data: they are never compiled as templates, and
each format escapes them in its own way (HTML autoescaping, Markdown backslashes, DOCX
runs of plain text). The same plan always gives the same bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from journey.content import content_dir
from journey.core.answers import clean, pounds, show_date, show_moment

if TYPE_CHECKING:
    from jinja2 import Environment

    from journey.plan import Plan
    from journey.plan.compare import Comparison
    from journey.plan.prep import Sheet
    from journey.plan.summary import SittingSummary


@dataclass(frozen=True)
class Format:
    """A format a plan can be saved in."""

    suffix: str
    template: str | None = None  # None: built in code (DOCX)
    binary: bool = False
    text_file: bool = False  # read in a text editor: lines end the system's way


FORMATS: dict[str, Format] = {
    "md": Format(".md", "plan.md.j2", text_file=True),
    "txt": Format(".txt", "plan.txt.j2", text_file=True),
    "html": Format(".html", "plan.html.j2"),
    "docx": Format(".docx", binary=True),
    "profile-md": Format(".md", "profile.md.j2", text_file=True),
    "profile-html": Format(".html", "profile.html.j2"),
    "easy-html": Format(".html", "easy.html.j2"),  # the plan in Easy Read
    "easy-docx": Format(".docx", binary=True),
    # "json" belongs here too: the whole journey in the interchange format that saved
    # journeys export and import. It is made from the journey, not from the plan.
}
# What changed between two versions of the plan, in the plan's own formats.
COMPARE_FORMATS: dict[str, Format] = {
    "md": Format(".md", "compare.md.j2", text_file=True),
    "txt": Format(".txt", "compare.txt.j2", text_file=True),
    "html": Format(".html", "compare.html.j2"),
    "docx": Format(".docx", binary=True),
}
PREP_TEMPLATE = "prep.md.j2"  # the assessment preparation sheet, exported on its own
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>()#+!|~])")


def markdown_escape(value: object) -> str:
    """Make typed text show as itself in Markdown, not as headings, links or HTML."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    return re.sub(r"^(\s*)([-=]|\d+\.)", r"\1\\\2", text, flags=re.MULTILINE)


_MARKDOWN_TEXT_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_text(value: object) -> str:
    """Typed text in running Markdown: only what could start a link, emphasis, code or HTML
    is escaped, so the saved file reads cleanly as well as rendering as typed. Brackets
    being escaped, "(" and "!" cannot make a link or a picture."""
    text = _MARKDOWN_TEXT_SPECIAL.sub(r"\\\1", str(value))
    return re.sub(r"^(\s*)([-=+#>]|\d+\.)", r"\1\\\2", text, flags=re.MULTILINE)


def markdown_inline(value: object) -> str:
    """Text inside a Markdown line that something else starts, like a heading after "## ":
    only what could make a link, emphasis, code or HTML is escaped."""
    return _MARKDOWN_TEXT_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def markdown_cell(value: object) -> str:
    """Typed text in a Markdown table cell: escaped, and on one line."""
    return markdown_inline(value)


def money(value: Decimal) -> str:
    """Pounds, with a minus sign before the pound sign when below nothing."""
    return f"-{pounds(-value)}" if value < 0 else pounds(value)


_FIGURE = re.compile(r"-?£\d{1,3}(?:,\d{3})*(?:\.\d\d)?")


def figures(value: object) -> Any:
    """Text for HTML, escaped, with each sum of money in a span that never breaks, so a
    printed table shows "£14,313.00" whole. The span holds only what the pattern matched:
    a pound sign, digits, commas and a point."""
    from markupsafe import Markup, escape

    return Markup(_FIGURE.sub(lambda m: f'<span class="fig">{m[0]}</span>',
                              str(escape(value))))


def day(value: date | None) -> str:
    return show_date(value.isoformat()) if value else ""


@cache
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from journey.documents.compiled import bytecode_cache

    env = Environment(
        loader=FileSystemLoader(content_dir() / "templates"),
        bytecode_cache=bytecode_cache(),  # compiled once, kept between runs
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html", "html.j2"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_escape
    env.filters["mdtext"] = markdown_text
    env.filters["moment"] = show_moment
    env.filters["cell"] = markdown_cell
    env.filters["mdinline"] = markdown_inline
    env.filters["money"] = money
    env.filters["day"] = day
    env.filters["figures"] = figures
    return env


def _data(plan: Plan, large_print: bool, drawn: bool = True) -> dict[str, Any]:
    """What the templates read; `drawn` when the format draws the pictures."""
    from journey.content import default
    from journey.documents.charts import budget_chart, budget_words, circle_chart, circle_words
    from journey.documents.layout import lay_out

    words = default()
    chart = budget_chart(plan.costing)
    circle = None
    if plan.circle and drawn:
        from journey.documents.pictures import drawable

        # The same picture as the Word document's: letters its font lacks are left out
        # (the list beside it gives every name whole), rather than drawn as empty boxes
        # where the browser has no font for them either.
        circle = circle_chart(plan.circle, plan.name or words.message("doc_circle_me"),
                              drawable=drawable)
    # The records go to the templates as they are: they read them by attribute.
    return {
        "doc": lay_out(words, plan),
        "plan": plan,
        "large_print": large_print,
        "chart": chart,
        "circle": circle,
        # The pictures in words, read by screen readers in place of the pictures.
        "chart_words": budget_words(chart, words) if chart else "",
        "circle_words": circle_words(plan.circle, words) if circle else "",
    }


def render(plan: Plan, fmt: str = "md", large_print: bool = False) -> str:
    """A text format, as a string."""
    chosen = _format(fmt)
    if chosen.template is None:
        raise ValueError(f"{fmt!r} is not a text format")
    if fmt == "easy-html":
        from journey.documents.easy import lay_out_easy

        return clean(environment().get_template(chosen.template).render(
            doc=lay_out_easy(plan), large_print=large_print))
    text = environment().get_template(chosen.template).render(
        **_data(plan, large_print, drawn=chosen.template == "plan.html.j2"))
    # Typed text is cleaned as it is saved; clean again so no older or imported answer can
    # put a terminal code into a document.
    return clean(text)


def export(plan: Plan, fmt: str = "md", large_print: bool = False) -> bytes:
    """Any format, as the bytes of a file."""
    if fmt == "easy-docx":
        from journey.documents.easy_word import build_easy

        return build_easy(plan, large_print)
    if _format(fmt).binary:
        from journey.content import default
        from journey.documents.word import build

        return build(plan, default(), large_print)
    return render(plan, fmt, large_print).encode("utf-8")


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def render_summary(summary: SittingSummary) -> str:
    text = environment().get_template("summary.md.j2").render(summary=summary)
    return clean(text)


def render_prep(sheet: Sheet) -> str:
    """The assessment preparation sheet as Markdown."""
    text = environment().get_template(PREP_TEMPLATE).render(sheet=sheet)
    return clean(text)


def export_comparison(comparison: Comparison, fmt: str = "md",
                      large_print: bool = False) -> bytes:
    """What changed between two versions, as the bytes of a file in one of COMPARE_FORMATS."""
    if fmt not in COMPARE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(COMPARE_FORMATS)}")
    chosen = COMPARE_FORMATS[fmt]
    if chosen.template is None:
        from journey.documents.word import build_comparison

        return build_comparison(comparison, large_print)
    text = environment().get_template(chosen.template).render(
        cmp=comparison, large_print=large_print)
    return clean(text).encode("utf-8")
