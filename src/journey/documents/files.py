"""The files a person can save from a journey: the plan, the one-page profile and the
assessment preparation sheet, with the names they are offered under. No screen code, so the
app and the plain conversation save them alike."""

from __future__ import annotations

import re

from journey.content import Journey as Content
from journey.core.model import Journey
from journey.documents import render
from journey.plan import build

PREP = "prep"  # the assessment preparation sheet, made from the journey rather than the plan
CHOICES = [*render.FORMATS, PREP]


def make(content: Content, journey: Journey, fmt: str = "md", large_print: bool = False,
         attributed: bool = True) -> bytes:
    """One document, as the bytes of its file."""
    if fmt == PREP:
        from journey.plan import prep

        return render.render_prep(prep.build(content, journey)).encode("utf-8")
    plan = build(content, journey, attributed=attributed)
    return render.export(plan, fmt, large_print)


def is_text(fmt: str) -> bool:
    """Whether a format is a text file, whose lines end the system's way when written."""
    return fmt == PREP or render.FORMATS[fmt].text_file


def suffix(fmt: str) -> str:
    return ".md" if fmt == PREP else render.FORMATS[fmt].suffix


def kind(fmt: str) -> str:
    """What a format saves: the plan, the one-page profile or the assessment sheet."""
    return "prep" if fmt == PREP else "profile" if fmt.startswith("profile-") else "plan"


def name_part(journey_id: str) -> str:
    """A journey's id as part of a file name offered to the person: an id is data, and
    one from an older or crafted file must not lead the name into another folder."""
    return re.sub(r"[^0-9A-Za-z_-]", "_", journey_id)[:64] or "journey"


def file_name(journey_id: str, fmt: str) -> str:
    journey_id = name_part(journey_id)
    if fmt == PREP:
        return f"assessment-sheet-{journey_id}.md"
    stem = ("profile" if kind(fmt) == "profile" else
            "easy-read-plan" if fmt.startswith("easy-") else "support-plan")
    return f"{stem}-{journey_id}{render.FORMATS[fmt].suffix}"
