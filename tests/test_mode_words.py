"""Choices and "why I ask" follow the mode, as the questions do: to the person when they plan
on their own, about them by name when someone helps or plans for them. In the app, in the
plain lines, when read aloud, in the chat and in the plan."""

from __future__ import annotations

import io

import pytest
from textual.widgets import SelectionList

from journey.conversation import speech
from journey.plain import conversation as plain
from journey.store.database import Store

from .helpers import start
from .test_circle import at_question
from .test_tui import opened, plan_text, shown


def test_reading_aloud_follows_the_mode(words, store: Store) -> None:
    alone = start(words, store, name="Sam")
    helped = start(words, store, name="Sam", mode="with")  # "they" for Sam
    for session in (alone, helped):
        session.go_to_question("advocacy.hard")
    said_alone = speech.question_text(alone, alone.question)
    said_helped = speech.question_text(helped, helped.question)
    assert "Understanding what I am told about my care" in said_alone
    assert "Understanding what Sam is told about their care" in said_helped
    assert "Saying what Sam thinks" in said_helped and "what I think" not in said_helped
    for session in (alone, helped):
        session.go_to_question("dreams.love")
    assert "the things you love" in speech.question_text(alone, alone.question)
    assert "the things Sam loves" in speech.question_text(helped, helped.question)


def test_the_plain_lines_follow_the_mode(words, store: Store) -> None:
    session = start(words, store, name="Sam", mode="behalf")
    session.go_to_question("options.kinds")
    out = io.StringIO()
    lines = plain.Plain(words, io.StringIO(), out)
    lines.session = session
    lines.show(session.question)
    assert "Knowing the choices helps Sam pick what fits their life." in out.getvalue()
    assert lines.labels(session.question)[0] == (
        "A helper who is paid by Sam, called a personal assistant")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_app_shows_choices_and_reasons_about_the_person(words, store: Store,
                                                                  size) -> None:
    app = at_question(words, store, {"welcome.mode": "with", "welcome.helper-name": "Jo",
                                     "welcome.pronouns": "she"}, "advocacy.hard")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        choices = app.screen.query_one(SelectionList)
        prompts = [str(choices.get_option_at_index(i).prompt)
                   for i in range(choices.option_count)]
        assert prompts[0] == "Understanding what Sam is told about her care"
        assert not any(" I " in f" {p} " or "my " in p for p in prompts)
        await pilot.press("space", "enter")  # tick the first, and save
        await pilot.pause()
        # The plan and the chat say it about Sam by name, as the plan's other words do.
        assert "Understanding what Sam is told about Sam's care" in plan_text(app)
        chat = "\n".join(str(m.content) for m in app.screen.query("#chat Static"))
        assert "Understanding what Sam is told about Sam's care" in chat
        # The reason for the next question is about Sam too.
        assert "If there is, and Sam agrees to them" in shown(app, "#why")


def test_their_always_comes_before_what_is_theirs() -> None:
    # {their} fills in "their", "her" or "his": it needs a word after it ("their plan"), so
    # "keeps the plan {their}." would read "keeps the plan her." when filled in.
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "content"
    ending = re.compile(r"\{their\}\s*[.,;:!?\"')]")
    found = [f"{p.name}: {line.strip()}" for p in root.rglob("*.toml")
             for line in p.read_text(encoding="utf-8").splitlines() if ending.search(line)]
    assert not found
