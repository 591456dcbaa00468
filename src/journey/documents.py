"""The files a person can save from a journey: the plan, the one-page profile and the
assessment preparation sheet, with the names they are offered under. No screen code, so the
app and the plain conversation save them alike."""

from __future__ import annotations

from pathlib import Path

from journey import render
from journey.content import Journey as Content
from journey.model import Journey
from journey.plan import build
from journey.private import name_part, write_whole

PREP = "prep"  # the assessment preparation sheet, made from the journey rather than the plan
CHOICES = [*render.FORMATS, PREP]


def make(content: Content, journey: Journey, fmt: str = "md", large_print: bool = False,
         attributed: bool = True) -> bytes:
    """One document, as the bytes of its file."""
    if fmt == PREP:
        from journey import prep

        return render.render_prep(prep.build(content, journey)).encode("utf-8")
    plan = build(content, journey, attributed=attributed)
    return render.export(plan, fmt, large_print)


def write(content: Content, journey: Journey, path: Path, fmt: str = "md",
          large_print: bool = False, attributed: bool = True) -> None:
    """Write one document whole, or nothing (journey.private.write_whole); a text file ends
    its lines the system's way."""
    text = fmt == PREP or render.FORMATS[fmt].text_file
    write_whole(path, make(content, journey, fmt, large_print, attributed), text=text)


def suffix(fmt: str) -> str:
    return ".md" if fmt == PREP else render.FORMATS[fmt].suffix


def kind(fmt: str) -> str:
    """What a format saves: the plan, the one-page profile or the assessment sheet."""
    return "prep" if fmt == PREP else "profile" if fmt.startswith("profile-") else "plan"


def file_name(journey_id: str, fmt: str) -> str:
    journey_id = name_part(journey_id)
    if fmt == PREP:
        return f"assessment-sheet-{journey_id}.md"
    stem = "profile" if kind(fmt) == "profile" else "support-plan"
    return f"{stem}-{journey_id}{render.FORMATS[fmt].suffix}"
