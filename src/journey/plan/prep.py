"""The assessment preparation sheet: outcome by outcome, what the person wants the assessor to
know, in their own words, with the rule and where it comes from. Pure functions: no files,
no screen. It never says whether needs are eligible; only the council decides that."""

from __future__ import annotations

from dataclasses import dataclass

from journey.content import Journey as Content
from journey.content import Outcome, Repeat, Step, conditions, holds
from journey.core import fit
from journey.core.model import Journey
from journey.plan import answer_lines, results

STEP = "assessment"
STATUS = "assessment.status"  # "yes": it has happened


@dataclass(slots=True)
class Said:
    """One answer for the assessor, in the person's own words."""

    label: str
    lines: list[str]


@dataclass(slots=True)
class OutcomeNote:
    """One outcome: whether it is hard, and what the person said about it."""

    label: str
    legal: str
    hard: bool
    said: list[Said]


@dataclass(slots=True)
class Group:
    """The outcomes of one list, one by one."""

    title: str
    outcomes: list[OutcomeNote]


@dataclass(slots=True)
class Rule:
    """A rule the helper worked out, with where it comes from."""

    text: str
    references: list[str]


@dataclass(slots=True)
class Sheet:
    """The assessment preparation sheet."""

    title: str
    name: str | None
    about_you: list[Said]
    groups: list[Group]
    rules: list[Rule]
    to_find_out: list[str]
    references: list[str]
    assessed: bool = False  # the assessment has happened: the sheet is not to take to it


def _said(content: Content, journey: Journey, question_id: str, outcome: Outcome | None,
          name: str) -> Said | None:
    answer = journey.answers.get(question_id)
    question = content.question(question_id)
    if answer is None or answer.unsure or not question.applies(journey.values()):
        return None
    label = question.label
    if outcome is not None:
        label = label.removeprefix(f"{outcome.label}: ")
        label = label[:1].upper() + label[1:]
    return Said(label=label, lines=answer_lines(content, question, answer.value, name))


def _group(content: Content, journey: Journey, repeat: Repeat, name: str) -> Group:
    values = journey.values()
    notes = []
    for outcome in repeat.outcomes:
        said = [
            s for s in (
                _said(content, journey, repeat.question_id(outcome.id, t.id), outcome, name)
                for t in repeat.questions
            ) if s is not None
        ]
        notes.append(OutcomeNote(label=outcome.label, legal=outcome.legal,
                                 hard=repeat.hard(outcome, values), said=said))
    return Group(title=repeat.title, outcomes=notes)


def _generated(step: Step, question_id: str) -> bool:
    return any(question_id.startswith(r.id + ".") for r in step.repeats)


def build(content: Content, journey: Journey) -> Sheet:
    step = content.step(STEP)
    values = fit.check(content, journey).values()
    name = journey.name or ""
    # The question that opens the helper says nothing the assessor needs to hear.
    gates = {q for r in step.repeats for c in conditions(r.when) for q in c.questions()}
    about_you = [
        s for s in (_said(content, journey, q.id, None, name) for q in step.questions
                    if not _generated(step, q.id) and q.id not in gates)
        if s is not None
    ]
    groups = [_group(content, journey, r, name) for r in step.repeats if holds(r.when, values)]
    cited: list[str] = []
    rules = []
    for result in [*step.results, *(r for r in content.results()
                                     if r.on_sheet and r not in step.results)]:
        found = results.finding(content, result, journey)
        for line in found.lines if found else []:
            references = [content.source(s).reference for s in line.sources]
            cited += [r for r in references if r not in cited]
            rules.append(Rule(text=line.text, references=references))
    to_find_out = [
        content.question(q).label for q, a in journey.answers.items()
        if a.unsure and content.step_of(q) is step and content.question(q).applies(values)
    ]
    assessed = values.get(STATUS) == "yes"
    titled, untitled = (("prep_title_after", "prep_untitled_after") if assessed
                        else ("prep_title", "prep_untitled"))
    return Sheet(
        title=content.message(titled, name=name) if name else content.message(untitled),
        name=journey.name,
        about_you=about_you,
        groups=groups,
        rules=rules,
        to_find_out=to_find_out,
        references=cited,
        assessed=assessed,
    )
