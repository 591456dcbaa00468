"""Check that everything content refers to exists, and index it for lookup by id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from journey.content.condition import When, conditions
from journey.content.errors import ContentError

if TYPE_CHECKING:
    from journey.content.data import Journey, Question, Repeat, Source, Step


class Index(NamedTuple):
    steps: dict[str, Step]
    questions: dict[str, Question]
    owner: dict[str, Step]
    sources: dict[str, Source]
    repeats: dict[str, Repeat]


def check(journey: Journey) -> Index:
    """Every id used once, and every question, plan section, source and repeat named
    somewhere is one that exists: else a ContentError that names where."""
    steps: dict[str, Step] = {}
    questions: dict[str, Question] = {}
    owner: dict[str, Step] = {}
    # The review is found by id like a step (its answers are checked against its
    # questions), but is not one of journey.all_steps: the plan and the progress leave it out.
    review = [journey.review] if journey.review is not None else []
    for step in [*journey.all_steps, *review]:
        if step.id in steps:
            raise ContentError(f"step id '{step.id}' is used twice")
        steps[step.id] = step
        for q in step.questions:
            if q.id in questions:
                raise ContentError(f"question id '{q.id}' is used twice")
            questions[q.id] = q
            owner[q.id] = step
    sections = {s.id for s in journey.plan_sections}
    known_sources = {s.id for s in journey.sources}
    repeats = {r.id: r for step in journey.all_steps for r in step.repeats}
    for step in [*journey.all_steps, *review]:
        _check_step(step, questions, sections, known_sources)
        for result in step.results:
            for rule in result.rules:
                if rule.count and rule.count.repeat not in repeats:
                    raise ContentError(f"result '{result.id}' counts "
                                       f"'{rule.count.repeat}', which is not a repeat")
    for part in review:
        for kind in part.kinds:
            _unknown_source(f"review kind '{kind.value}'", kind.sources, known_sources)
        for edit in part.edits:
            where = f"review edit of '{edit.question}'"
            if edit.question not in questions or edit.question.startswith("review."):
                raise ContentError(f"{where}: '{edit.question}' is not a plan question")
            for cond in conditions(edit.when):
                for asked in cond.questions():
                    if asked not in questions:
                        raise ContentError(f"{where} depends on '{asked}', "
                                           "which is not a question")
    for term in journey.glossary:
        _unknown_source(f"glossary term '{term.term}'", term.sources, known_sources)
    for floor in journey.pay_floors:
        _unknown_source(f"pay floor '{floor.name}'", floor.sources, known_sources)
    for cost in journey.employer_costs:
        _unknown_source(f"employer's cost '{cost.id}'", cost.sources, known_sources)
    for check in journey.revision_checks:
        _unknown_source(f"revision check '{check.id}'", check.sources, known_sources)
    for profile in journey.profile_sections:
        for qid in profile.questions:
            if qid not in questions:
                raise ContentError(
                    f"profile section '{profile.id}' uses '{qid}', which is not a question"
                )
    return Index(steps, questions, owner, {s.id: s for s in journey.sources}, repeats)


def _unknown_source(where: str, cited: Iterable[str], known_sources: set[str]) -> None:
    for source in cited:
        if source not in known_sources:
            raise ContentError(f"{where} cites '{source}', which is not a source")


def _check_step(step: Step, questions: dict[str, Question], sections: set[str],
                known_sources: set[str]) -> None:
    def unknown_source(where: str, cited: list[str]) -> None:
        _unknown_source(where, cited, known_sources)

    def unknown_question(where: str, when: When) -> None:
        for cond in conditions(when):
            for asked in cond.questions():
                if asked not in questions:
                    raise ContentError(
                        f"{where} depends on '{asked}', which is not a question"
                    )

    unknown_question(f"step '{step.id}'", step.when)
    unknown_question(f"step '{step.id}'", step.needed)
    unknown_source(f"step '{step.id}'", step.sources)
    order = list(questions)
    for q in step.questions:
        unknown_question(f"question '{q.id}'", q.when)
        unknown_source(f"question '{q.id}'", q.sources)
        for choice in q.choices:
            unknown_question(f"question '{q.id}' choice '{choice.value}'", choice.when)
        if q.recall is not None and (q.recall not in questions or
                                     order.index(q.recall) >= order.index(q.id)):
            raise ContentError(
                f"question '{q.id}' recalls '{q.recall}', which is not an earlier question"
            )
        if q.feeds not in sections:
            raise ContentError(
                f"question '{q.id}' feeds '{q.feeds}', which is not a plan section"
            )
    for repeat in step.repeats:
        for outcome in repeat.outcomes:
            unknown_source(f"outcome '{repeat.id}.{outcome.id}'", outcome.sources)
    for result in step.results:
        if result.feeds not in sections:
            raise ContentError(
                f"result '{result.id}' feeds '{result.feeds}', which is not a plan section"
            )
        for prefix in result.questions:
            if not any(q == prefix or q.startswith(prefix + ".") for q in questions):
                raise ContentError(
                    f"result '{result.id}' covers '{prefix}', which is not a question"
                )
        for n, rule in enumerate(result.rules, start=1):
            unknown_question(f"result '{result.id}' rule {n}", rule.when)
            unknown_source(f"result '{result.id}' rule {n}", rule.sources)
