"""Render a plan with the Jinja2 templates in content/templates.

Answers reach the templates only as data: they are never compiled as templates, and
each format escapes them in its own way (HTML autoescaping, Markdown backslashes)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from journey.content import content_dir

if TYPE_CHECKING:
    from jinja2 import Environment

    from journey.plan import Plan
    from journey.prep import Sheet

FORMATS = {"md": "plan.md.j2"}
PREP_TEMPLATE = "prep.md.j2"  # the assessment preparation sheet, exported on its own
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>()#+!|~])")


def markdown_escape(value: object) -> str:
    """Make typed text show as itself in Markdown, not as headings, links or HTML."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    return re.sub(r"^(\s*)([-=]|\d+\.)", r"\1\\\2", text, flags=re.MULTILINE)


@cache
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(content_dir() / "templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html", "html.j2"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_escape
    return env


def render(plan: Plan, fmt: str = "md") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return environment().get_template(FORMATS[fmt]).render(plan=plan.model_dump())


def render_prep(sheet: Sheet) -> str:
    """The assessment preparation sheet as Markdown."""
    return environment().get_template(PREP_TEMPLATE).render(sheet=sheet.model_dump())
