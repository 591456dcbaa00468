"""The plan's sections (content's `plan_sections`), each with the answers that feed it, in
journey order, and what the helpers worked out (journey.plan.results). The answers area by area
from getting ready for the assessment are shown by the needs part instead."""

from __future__ import annotations

from dataclasses import dataclass

from journey.content import Kind
from journey.plan import results
from journey.plan.parts.needs import folded_prefixes
from journey.plan.snapshot import HELPER_QUESTIONS, Snapshot
from journey.plan.words import answer_lines, attributed_lines

KEY = "sections"


@dataclass(slots=True)
class Entry:
    """One answer in a section of the plan, in words, with who said it."""

    question: str
    label: str
    lines: list[str]
    said_by: str | None = None
    kind: Kind = Kind.TEXT  # documents draw costed support and actions as tables


@dataclass(slots=True)
class Section:
    """One section of the plan, with the answers that feed it."""

    id: str
    title: str
    criterion: int | None
    hint: str
    entries: list[Entry]


def derive(snap: Snapshot) -> list[Section]:
    content, journey = snap.content, snap.journey
    entries: dict[str, list[Entry]] = {s.id: [] for s in content.plan_sections}
    standing = snap.standing
    folded = folded_prefixes(snap)
    for step in content.all_steps:
        for question in step.questions:
            if question.id not in snap.live:
                continue
            if (not snap.attributed and question.id in HELPER_QUESTIONS) or (
                    question.id.startswith(folded)):
                continue
            value = snap.live[question.id]
            if value in question.quiet:
                continue
            answer = standing[question.id]
            if snap.attributed:
                lines, said_by = attributed_lines(content, question, answer, journey,
                                                  snap.shown_name, snap.about,
                                                  snap.is_confirmed)
            else:
                lines = answer_lines(content, question, value, snap.shown_name,
                                     about=snap.about)
                said_by = None
            if not lines:
                continue
            entries[question.feeds].append(Entry(
                question=question.id,
                label=question.label,
                lines=lines,
                said_by=said_by,
                kind=question.kind,
            ))
    about = results.speaks_about(journey)
    asked = results.Asked.of(standing)
    for result in content.results():
        found = results.finding_in(content, result, snap.live, asked, snap.name, about)
        if found is not None:
            entries[found.feeds].append(Entry(
                question=found.id, label=found.title, lines=[line.text for line in found.lines]))
    return [
        Section(id=s.id, title=s.title, criterion=s.criterion, hint=s.hint, entries=entries[s.id])
        for s in content.plan_sections
    ]
