"""People are named once, in the circle of support, and picked from it afterwards. This says
who can be picked for a question about a person (the person themself, where the question
offers them, then the circle), and how someone new joins the circle. Pure: no screen, no IO.

A pick is saved as the person's name and who they are ({"name", "relation"}), the same shape
a typed answer always had, so answers typed before the circle could be picked from still
open, show and fit."""

from __future__ import annotations

from typing import Any

from journey.content import Journey as Content
from journey.content import Kind, Question
from journey.core import answers as parse
from journey.core.live import live_values
from journey.core.model import Journey

CIRCLE_QUESTION = "circle.people"
SOMEONE_ELSE = "someone-else"  # the picker's last choice: a new person, who joins the circle


def members(content: Content, journey: Journey) -> list[dict[str, str]]:
    """The people in the circle that can be picked: each with a name and a ring. A member
    that was hand-edited into something else is passed by, never a crash."""
    saved = live_values(content, journey).get(CIRCLE_QUESTION)
    if not isinstance(saved, list):
        return []
    found = []
    for member in saved:
        if not isinstance(member, dict):
            continue
        try:
            found.append(parse.circle_member(
                str(member.get("name", "")), str(member.get("relation", "")),
                str(member.get("ring", "")), str(member.get("helps", ""))))
        except parse.AnswerError:
            continue
    return found


def same(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """The same person: the same name, whatever the capitals and spaces."""
    def key(person: dict[str, Any]) -> str:
        return " ".join(str(person.get("name", "")).casefold().split())
    return bool(key(one)) and key(one) == key(other)


def candidates(content: Content, journey: Journey, question: Question) -> list[dict[str, str]]:
    """Who can be picked, in order: the person themself (when the question offers them),
    then the circle, each once. Each is {"name", "relation"}, as the answer is saved."""
    picks: list[dict[str, str]] = []
    # An action may be the person's own to do, whatever the question.
    if (question.offer_self or question.kind is Kind.ACTIONS) and journey.name:
        picks.append({"name": journey.name, "relation": ""})
    for member in members(content, journey):
        person = {"name": member["name"], "relation": member["relation"]}
        if not any(same(person, p) for p in picks):
            picks.append(person)
    return picks


def pick_label(content: Content, journey: Journey, person: dict[str, str],
               about: bool) -> str:
    """How a candidate is shown in the picker: "Ruth (sister)"; the person themself as
    "Me (Sam)", or by name when someone helps."""
    if journey.name and person.get("relation") == "" and same(person, {"name": journey.name}):
        return content.message("pick_self_about" if about else "pick_self", name=journey.name)
    relation = person.get("relation")
    return f"{person['name']} ({relation})" if relation else person["name"]


def joined(content: Content, journey: Journey, person: dict[str, str],
           ring: str) -> list[dict[str, str]] | None:
    """The circle with a new person added in `ring`, or None when they are in it already
    (or are the person themself). Raises AnswerError for a ring that is not one."""
    if journey.name and same(person, {"name": journey.name}):
        return None
    circle = members(content, journey)
    if any(same(person, m) for m in circle):
        return None
    return [*circle, parse.circle_member(person["name"], person.get("relation", ""), ring, "")]
