"""What the helpers work out from the answers (getting ready for the assessment, the right to
an advocate). The rules are data in content; this only applies them. Pure functions: no
files, no screen. Nothing here decides anything: the wording says what the rules are and
what to ask for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from journey.content import Journey as Content
from journey.content import Outcome, Result, holds
from journey.core.model import Journey, Mode


@dataclass(slots=True)
class Line:
    """One thing a helper says, with its sources."""

    text: str
    sources: list[str]


@dataclass(slots=True)
class Finding:
    """What a helper worked out from its questions."""

    id: str
    title: str
    feeds: str
    lines: list[Line]


def hard_outcomes(content: Content, repeat_id: str,
                  values: Mapping[str, object]) -> list[Outcome]:
    """The outcomes the person said are hard, in content order."""
    repeat = content.repeat(repeat_id)
    return [o for o in repeat.outcomes if repeat.hard(o, values)]


def speaks_about(journey: Journey) -> bool:
    return journey.mode is not Mode.SELF and bool(journey.name)


def finding(content: Content, result: Result, journey: Journey) -> Finding | None:
    """The result once any of its questions has an answer (a 'not sure yet' counts)."""
    return finding_in(content, result, journey.values(), journey.answers, journey.name,
                      speaks_about(journey))


class Asked(frozenset[str]):
    """The questions with any answer, with every id's leading parts ("a.b.c" gives "a",
    "a.b" and "a.b.c"): a result covers one of them when any of its questions or prefixes is
    here, so each result is looked up, not checked against every answer."""

    @classmethod
    def of(cls, asked: Iterable[str]) -> Asked:
        if isinstance(asked, Asked):
            return asked
        heads: set[str] = set()
        for question in asked:
            heads.add(question)
            at = question.find(".")
            while at != -1:
                heads.add(question[:at])
                at = question.find(".", at + 1)
        return cls(heads)


def finding_in(content: Content, result: Result, values: Mapping[str, object],
               asked: Iterable[str], name: str | None, about: bool) -> Finding | None:
    """The same, from answers already gathered: `values` to test the rules against, and
    `asked`, the questions with any answer (made into Asked once, when called for many
    results)."""
    heads = Asked.of(asked)
    if not any(q in heads for q in result.questions):
        return None
    shown = name or content.message("someone")
    lines = []
    for rule in result.rules:
        if not holds(rule.when, values):
            continue
        extra: dict[str, str] = {}
        if rule.count is not None:
            hard = hard_outcomes(content, rule.count.repeat, values)
            if not rule.count.holds(len(hard)):
                continue
            extra = {"count": str(len(hard)), "areas": ", ".join(o.label for o in hard)}
        lines.append(Line(text=rule.wording(shown, about, **extra), sources=list(rule.sources)))
    if not lines:
        return None
    return Finding(id=result.id, title=result.title, feeds=result.feeds, lines=lines)


def findings(content: Content, journey: Journey) -> list[Finding]:
    found = (finding(content, r, journey) for r in content.results())
    return [f for f in found if f is not None]


def left_behind(content: Content, before: str, now: str | None) -> list[Result]:
    """The helpers the person has just finished: the last question was one of theirs and
    the new one is not."""
    return [r for r in content.results()
            if r.covers(before) and (now is None or not r.covers(now))]


def just_finished(content: Content, journey: Journey, before: str,
                  now: str | None) -> list[tuple[Result, Finding]]:
    """What each helper worked out, for the helpers whose last question was just answered
    (moving from `before` to `now`): for the app and the plain lines to say alike."""
    said = []
    for result in left_behind(content, before, now):
        found = finding(content, result, journey)
        if found is not None:
            said.append((result, found))
    return said
