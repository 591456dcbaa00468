"""What happened in one sitting, for the person and for a facilitator's case file.
Derived from the journey's events: pure functions, no files, no screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from journey.content import Journey as Content
from journey.core import fit
from journey.core.model import Answered, Confirmed, Journey, Mode, Moved, Noted, Sitting, Undone
from journey.plan import FollowUp, answer_lines, attribution, build
from journey.plan.words import attributed_lines


@dataclass(slots=True)
class Change:
    """One answer changed in the sitting: before and after."""

    question: str
    label: str
    step: str
    before: list[str]
    after: list[str]
    said_by: str | None


@dataclass(slots=True)
class SittingSummary:
    """What happened in one sitting."""

    title: str
    number: int
    started: datetime | None
    mode: Mode
    present: list[str]
    covered: list[str]
    changes: list[Change]
    agreed: list[str]
    to_find_out: list[FollowUp]
    next_steps: list[str]


def _lines(content: Content, answer: Answered | None, name: str) -> list[str]:
    if answer is None:
        return []
    if answer.unsure:
        return [content.message("not_sure_said")]
    return answer_lines(content, content.question(answer.question), answer.value, name)


def summarise(content: Content, journey: Journey, number: int | None = None) -> SittingSummary:
    """The summary of sitting `number` (counting from 1), or of the latest sitting."""
    fit.check(content, journey)
    sittings = journey.sittings()
    sitting: Sitting = sittings[(number or len(sittings)) - 1]
    name = journey.name or content.message("someone")
    # The answers standing before the sitting and at its end, undos included.
    start = journey.events.index(sitting.events[0]) if sitting.events else len(journey.events)
    end = start + len(sitting.events)
    before = fit.check(content, Journey(id=journey.id, events=journey.events[:start])).answers
    standing = fit.check(content, Journey(id=journey.id, events=journey.events[:end])).answers

    # The welcome's answers are about the sitting itself, which the summary names already.
    step_ids = {s.id for s in content.steps}
    covered: list[str] = []
    touched: list[str] = []
    agreed: list[str] = []
    for event in sitting.events:
        step_id = None
        # A question the content no longer has is not part of this plan any more.
        known = content.find(getattr(event, "question", None) or "")
        if isinstance(event, Moved):
            step_id = event.step
        elif isinstance(event, Answered | Undone) and known:
            touched.append(event.question)
            step_id = content.step_of(event.question).id
        elif isinstance(event, Confirmed) and known:
            agreed.append(known.label)
        if step_id in step_ids and (title := content.step(step_id).title) not in covered:
            covered.append(title)

    noted = {e.id for e in sitting.events if isinstance(e, Noted)}
    changes = []
    for question_id in dict.fromkeys(touched):
        if content.step_of(question_id).id not in step_ids:
            continue
        answer = standing.get(question_id)
        old, new = _lines(content, before.get(question_id), name), _lines(content, answer, name)
        if old == new:
            continue
        question = content.question(question_id)
        said_by = None
        if answer is not None:
            said_by = attribution(content, answer, journey)
            if not answer.unsure:
                new, said_by = attributed_lines(content, question, answer, journey, name)
        changes.append(Change(
            question=question_id, label=question.label,
            step=content.step_of(question_id).title, before=old, after=new,
            said_by=said_by,
        ))
    return SittingSummary(
        title=content.message("summary_title", name=name, number=sitting.number),
        number=sitting.number,
        started=sitting.started,
        mode=sitting.mode,
        present=list(sitting.present),
        covered=covered,
        changes=changes,
        agreed=agreed,
        to_find_out=build(content, journey).to_find_out,
        next_steps=[n.text for n in journey.notes() if n.next_step and n.id in noted],
    )
