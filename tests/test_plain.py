"""The plain conversation (journey --plain): a whole journey typed line by line, as a person
using a screen reader would, through the same session the app uses."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journey.content import Journey as Content
from journey.core.model import Answered, Noted, Sat, Skipped
from journey.plain import conversation as plain
from journey.plain.terminal import wants_plain
from journey.store.database import Store

from .helpers import is_private

NOT_SURE = "not sure"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# What the person types at each question: wrong answers first, then right ones. Questions
# not listed get "not sure".
SCRIPT: dict[str, list[str]] = {
    "welcome.name": ["", "Sam\x1b[31m"],
    "welcome.mode": ["9", "one", "1"],
    "rights.hopes": ["help", "To swim again"],
    "rights.who": ["back", "both people", "3"],
    "assessment.hard": ["Cooking", "x" * 5000, "Washing", "remove 1", "remove 7",
                        "Dressing", ""],
    "assessment.good-bad-days": ["check", "", "A walk by the sea"],
    "assessment.status": ["booked"],
    "assessment.date": ["31/02/2026", "15/03/2027"],
    "assessment.prepare": ["4"],
    "personal-budget.known": ["yes"],
    "personal-budget.amount": ["abc", "-5", "£1,250.50", "7", "4"],
    # Ann is not in the circle yet: someone else, who joins it (how close: as offered).
    "personal-budget.money-person": ["", "2", "", "Ann", "sister", ""],
    "health-budget.route": ["", "1 9", "1 and 3"],
    "circle.people": ["remove 1", "", "Ann", "sister", "1", "", "Bob", "neighbour", "9", "2",
                      "Shopping", ""],
    "advocacy.hard": ["skip"],
    "brokerage.hardest": ["words", "more", NOT_SURE],
    "planning.costs": ["", "Swimming helper", "Gets me to the pool", "9", "2",
                       "1", "1", "0", "2", "1",
                       "1", "30", "1.5", "-5", "15", ""],
    "happen.first-steps": ["Ring the agency", "me", "1", "soon", "01/12/2026", ""],
    "happen.agreed": ["01/12/2026"],
}


class Person:
    """Types the next line for whatever question the conversation is on, like a person
    reading the screen. `opening`: lines typed before the questions start (which journey,
    who is here today). `stop`: input ends when this question is asked. Records every line
    typed."""

    def __init__(self, script: dict[str, list[str]], finish: list[str] | None = None,
                 opening: list[str] | None = None, stop: str | None = None) -> None:
        self.script = {k: list(v) for k, v in script.items()}
        self.finish = list(finish if finish is not None else ["plan"])
        self.opening = list(opening or [])
        self.stop = stop
        self.conversation: plain.Plain | None = None
        self.typed: list[str] = []

    def readline(self) -> str:
        assert self.conversation is not None
        session = self.conversation.session
        if not self.conversation.talking:
            line = self.opening.pop(0)
        elif session is None or session.question is None:
            if not self.finish:
                return ""  # end of input
            line = self.finish.pop(0)
        elif session.question.id == self.stop:
            return ""
        else:
            waiting = self.script.get(session.question.id)
            line = waiting.pop(0) if waiting else NOT_SURE
        self.typed.append(line)
        return line + "\n"

    def isatty(self) -> bool:
        return False


def converse(store: Store, words: Content, person: Person, **kwargs: object) -> str:
    out = io.StringIO()
    original = plain.Plain.__init__

    def keep(self: plain.Plain, *args: object, **kw: object) -> None:
        original(self, *args, **kw)  # type: ignore[arg-type]
        person.conversation = self

    plain.Plain.__init__ = keep  # type: ignore[method-assign]
    try:
        code = plain.run(store, inp=person, out=out, words=words, **kwargs)  # type: ignore[arg-type]
    finally:
        plain.Plain.__init__ = original  # type: ignore[method-assign]
    assert code == 0
    return out.getvalue()


def assert_clean(text: str) -> None:
    assert "\x1b" not in text
    assert not CONTROL.search(text.replace("\n", "").replace("\t", ""))


def check_whole_journey(store: Store, journey_id: str) -> None:
    journey = store.load(journey_id)
    values = journey.values()
    assert values["welcome.name"] == "Sam"
    assert values["welcome.mode"] == "self"
    assert values["rights.hopes"] == "To swim again"
    assert values["rights.who"] == "both"
    assert values["assessment.hard"] == ["Washing", "Dressing"]
    assert values["assessment.status"] == "booked"
    assert values["assessment.date"] == "2027-03-15"
    assert values["personal-budget.amount"] == {"amount": "1250.50", "period": "month"}
    assert values["personal-budget.money-person"] == {"name": "Ann", "relation": "sister"}
    assert values["health-budget.route"] == ["chc", "wheelchair"]
    assert values["circle.people"] == [
        {"name": "Ann", "relation": "sister", "ring": "closest", "helps": ""},
        {"name": "Bob", "relation": "neighbour", "ring": "friends", "helps": "Shopping"},
    ]
    assert values["assessment.good-bad-days"] == "A walk by the sea"
    assert values["planning.costs"] == [{
        "what": "Swimming helper", "helps": "Gets me to the pool", "provider": "pa",
        "times": "2", "period": "week", "hours": "1.5", "cost": "15.00", "per": "hour",
        "funding": "personal-budget", "serves": ["Dressing"]}]
    assert values["happen.first-steps"] == [
        {"what": "Ring the agency", "who": "me", "by": "2026-12-01", "status": "to-do"}]
    assert values["happen.agreed"] == "2026-12-01"
    assert any(isinstance(e, Skipped) and e.step == "advocacy" for e in journey.events)
    assert "advocacy.hard" not in values
    # "not sure yet" answers are saved as such.
    unsure = [e for e in journey.events if isinstance(e, Answered) and e.unsure]
    assert any(e.question == "rights.why-now" for e in unsure)


def test_a_whole_journey_in_plain_lines(words: Content, store: Store) -> None:
    person = Person(SCRIPT)
    out = converse(store, words, person)
    assert_clean(out)
    [summary] = store.list()
    check_whole_journey(store, summary.id)
    # The kind messages of the app, and the question again, for each wrong answer.
    for key, values in [("error_required", {}), ("error_choose_number", {"most": 3}),
                        ("error_too_long", {"length": "5,000", "limit": "4,000"}),
                        ("error_date_impossible", {"day": 31, "month": "February"}),
                        ("error_money", {"text": "abc"}), ("error_money_negative", {}),
                        ("error_person", {}), ("plain_error_no_people", {}),
                        ("plain_error_no_items", {}), ("error_times", {"text": "0",
                                                                          "most": 1000}),
                        ("error_hours", {"text": "30"}), ("error_date", {"text": "soon"}),
                        ("error_choose_numbers", {"most": 4})]:
        assert words.message(key, **values) in out, key
    # What was shown: steps, why, examples, the helpers' findings, the plan at the end.
    assert "Step 1 of 12: Your rights" in out
    assert words.message("why_prefix") in out and words.message("examples_prefix") in out
    assert words.message("plain_help").splitlines()[1] in out
    assert "Support plan for Sam" in out
    assert "Swimming helper" in out
    assert words.message("plain_bye") in out
    assert words.message("explain_words") in out and words.message("more_title") in out
    assert words.message("check_not_ready") in out


def test_the_same_lines_through_a_pipe(words: Content, store: Store, journey_home: Path,
                                       tmp_path: Path) -> None:
    """The real command, its input a pipe: plain lines without asking, nothing but text."""
    person = Person(SCRIPT)
    converse(store, words, person)
    store.purge(store.list()[0].id)
    typed = "\n".join(person.typed) + "\n"
    env = {**os.environ, "JOURNEY_HOME": str(journey_home), "TERM": "xterm-256color",
           "JOURNEY_CONFIG": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-m", "journey"], input=typed.encode(),
                            capture_output=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert_clean(out)
    assert result.stderr == b""
    assert out.rstrip().endswith(words.message("plain_bye"))
    [summary] = store.list()
    check_whole_journey(store, summary.id)


def test_end_of_input_in_the_middle(words: Content, store: Store, journey_home: Path) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    result = subprocess.run([sys.executable, "-m", "journey", "new", "--plain"],
                            input=b"Sam\n1\nTo swim\nI need help\xff\xfe now\n",
                            capture_output=True, env=env, timeout=60, check=False)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode().rstrip().endswith(words.message("plain_bye"))
    [summary] = store.list()
    values = store.load(summary.id).values()
    assert values["rights.hopes"] == "To swim"
    assert values["rights.why-now"].startswith("I need help")


def test_resume_continues_at_the_same_question(words: Content, store: Store) -> None:
    converse(store, words, Person({"welcome.name": ["Sam"], "welcome.mode": ["1"],
                                   "rights.hopes": ["To swim"]}, stop="rights.why-now"))
    [summary] = store.list()
    journey = store.load(summary.id)
    assert journey.position is not None and journey.position.question == "rights.why-now"
    # Opened again: the list of journeys, then who is here today, then the same question.
    out = converse(store, words, Person({"rights.why-now": ["Because"]}, opening=["1", ""],
                                        stop="rights.who"))
    title = words.message("sitting_title", name="Sam")
    assert title in out
    after = out.split(title)[1]
    asked = words.question("rights.why-now").ask
    assert asked in after
    assert words.question("rights.hopes").ask not in after
    journey = store.load(summary.id)
    assert journey.values()["rights.why-now"] == "Because"
    assert len(journey.sittings()) == 2


def test_open_by_id_in_plain_mode(words: Content, store: Store, journey_home: Path) -> None:
    converse(store, words, Person({"welcome.name": ["Sam"], "welcome.mode": ["1"]},
                                  stop="rights.hopes"))
    journey_id = store.list()[0].id
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    result = subprocess.run([sys.executable, "-m", "journey", "open", journey_id, "--plain"],
                            input=b"\nTo swim\n", capture_output=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    question = words.question("rights.hopes").ask
    assert out.index(words.message("sitting_title", name="Sam")) < out.index(question)
    assert store.load(journey_id).values()["rights.hopes"] == "To swim"


def test_a_facilitated_sitting_records_who_said_it(words: Content, store: Store) -> None:
    script = {
        "welcome.name": ["Sam"], "welcome.mode": ["2"], "welcome.helper-name": ["Jo"],
        "welcome.helper-role": ["advocate"], "welcome.pronouns": ["1"],
        "rights.hopes": ["suggest", "To swim again"],
        "rights.why-now": ["note", "Ask about the pool's hoist", "It is time"],
        "rights.who": ["agree", "yes", "help", "1"],
    }
    out = converse(store, words, Person(script, stop="assessment.hard"))
    assert words.message("plain_suggesting", helper="Jo") in out
    assert words.message("plain_help_helper").splitlines()[1] in out
    [summary] = store.list()
    journey = store.load(summary.id)
    hopes = journey.answers["rights.hopes"]
    assert hopes.by == "Jo" and hopes.role == "facilitator"
    why = journey.answers["rights.why-now"]
    assert (why.by, why.role) == ("Sam", "person")  # a suggestion counts for one answer only
    assert [e.text for e in journey.events if isinstance(e, Noted)] == [
        "Ask about the pool's hoist"]
    assert journey.suggestions() == []  # Sam agreed the suggestion


def test_a_new_sitting_with_a_helper(words: Content, store: Store) -> None:
    converse(store, words, Person({"welcome.name": ["Sam"], "welcome.mode": ["1"]},
                                  stop="rights.hopes"))
    person = Person({"rights.hopes": ["suggest", "To swim"]}, stop="rights.why-now",
                    opening=["1", "3", "", "Jo", "advocate", "Kim, Lee"])
    out = converse(store, words, person)
    assert words.message("error_helper") in out
    journey = store.load(store.list()[0].id)
    last = journey.sittings()[-1]
    assert journey.mode == "with" and journey.helper == "Jo"
    assert list(last.present) == ["Sam", "Jo", "Kim", "Lee"]
    hopes = journey.answers["rights.hopes"]
    assert (hopes.by, hopes.role) == ("Jo", "facilitator")
    assert any(isinstance(e, Sat) and e.helper == "Jo" for e in journey.events)


def test_the_map_the_check_and_saving_the_plan(words: Content, store: Store,
                                               tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    script = {"welcome.name": ["Sam"], "welcome.mode": ["1"],
              "rights.hopes": ["save", "2", str(target), "map", "x", "2"],
              "assessment.hard": ["check", "1"]}
    out = converse(store, words, Person(script, stop="rights.who"))
    assert_clean(out)
    assert target.read_text().startswith("Support plan for Sam")
    assert is_private(target)
    assert words.message("exported_plan", path=target) in out
    assert words.message("error_choose_between", least=0, most=12) in out  # "x" on the map
    # The map numbers the steps as they are said: "Step 5 of 12" is 5.
    assert "\n0. Getting started: " in out and "\n5. Circle of support: " in out
    # The check's first finding is about the first part of the plan: back to rights.
    journey = store.load(store.list()[0].id)
    assert journey.position is not None
    assert any(e.question == "rights.hopes" for e in journey.events
               if getattr(e, "kind", "") == "move")


def test_what_a_helper_works_out_is_said_when_its_questions_are_done(
        words: Content, store: Store) -> None:
    script = {"welcome.name": ["Sam"], "welcome.mode": ["1"], "rights.hopes": ["map", "6"],
              "advocacy.hard": ["1"], "advocacy.someone": ["3"]}
    out = converse(store, words, Person(script, stop="advocacy.want"))
    title = words.message("plain_prep_hint")  # not this helper's
    assert title not in out
    found = out.split("Asking for an advocate")
    assert len(found) == 2  # said once, after the helper's last question
    assert "the council must find an advocate for you" in found[1]
    assert words.question("advocacy.other").ask.split("?")[0] in found[0]


def test_plain_is_chosen_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    assert wants_plain({"TERM": "dumb"})
    # Under pytest, standard input is not a terminal.
    assert wants_plain({"TERM": "xterm"})


def test_pick_by_number_or_words() -> None:
    options = ["It is my plan.", "I am helping Sam", "I am planning for Sam"]
    assert plain.pick("2", options) == 1
    assert plain.pick("  it is my PLAN ", options) == 0
    assert plain.pick("I am", options) is None  # could be either
    assert plain.pick("I am planning", options) == 2
    assert plain.pick("4", options) is None
    assert plain.pick_many("1, 3 and 2", options) == [0, 1, 2]
    assert plain.pick_many("1 4", options) == []


def test_the_details_for_the_councils_file_one_at_a_time(words: Content, store: Store) -> None:
    # Eight boxes (no unpaid carer was named): an empty line leaves one out, and a date of
    # birth still to come is asked again.
    lines = ["Sam Jones", "3/4/2999", "3 April 1961", "", "", "", "", "485 777 3456", ""]
    out = converse(store, words, Person({**SCRIPT, "happen.details": lines}))
    [summary] = store.list()
    value = store.load(summary.id).value("happen.details")
    assert value == {"name": "Sam Jones", "born": "1961-04-03", "nhs": "485 777 3456"}
    assert words.message("error_birth_future", text="3/4/2999") in out
    assert words.message("plain_details_hint") in out


def test_a_question_that_must_be_answered_never_points_to_not_sure(words: Content,
                                                                    store: Store) -> None:
    said = converse(store, words, Person({"welcome.name": ["", "not sure", "Zed"]},
                                         stop="welcome.mode"))
    refused = said.split("Zed")[0]
    assert words.message("error_required") in refused
    assert words.message("plain_must_answer") in refused
    assert "type not sure" not in refused
