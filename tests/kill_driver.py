"""A real journey process for the crash test, killed with SIGKILL at random moments.

Run as `python -m tests.kill_driver JOURNEY_ID` with JOURNEY_HOME set. It loads journey
once, then for each "go" line on stdin forks a child that opens the saved journey where it
stopped (as the app does: Store, Session, claim) and answers question after question
through Session, writing "SAVED <question> <time>" the moment each answer is saved: that is
the answer the screen would acknowledge. If the child fails, it writes "ERROR <why>" and
waits to be killed. It writes "CHILD <pid>" when the child starts and "DEAD <pid>" once the
child is gone, so the test knows which process to kill and when every line from it has
arrived. Forking saves the start-up time of a new Python for every kill.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from journey import content
from journey.content import Kind, Question
from journey.conversation.session import Session
from journey.core import answers
from journey.core.flow import WELCOME
from journey.store.database import Store


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write: lines from two processes never mix


def value_for(question: Question, n: int) -> Any:
    """An answer of the kind the question asks for, made as the screens make them."""
    choices = [c.value for c in question.choices]
    values = {
        Kind.TEXT: lambda: f"Answer {n}",
        Kind.LIST: lambda: [f"Item {n}", "Another item"],
        Kind.CHOICE: lambda: choices[n % len(choices)],
        Kind.MULTI: lambda: choices[: 1 + n % len(choices)],
        Kind.YESNO: lambda: ("yes", "no")[n % 2],
        Kind.MONEY: lambda: {"amount": f"{12 + n % 50}.00", "period": "week"},
        Kind.DATE: lambda: f"2026-12-{1 + n % 28:02d}",
        Kind.PERSON: lambda: {"name": f"Jo {n}", "relation": "sister"},
        Kind.SUPPORT: lambda: [answers.support_item(
            f"Help {n}", "Getting out", "pa", "2", "week", "3", "15.50", "hour",
            "personal-budget")],
        Kind.ACTIONS: lambda: [answers.action(f"Ring the agency {n}", "Jo", "", "to-do")],
        Kind.PEOPLE: lambda: [answers.circle_member(f"Jo {n}", "sister", "closest",
                                                    "Shopping")],
        Kind.DETAILS: lambda: answers.details({"name": f"Sam Jones {n}", "born": "3/4/1961"}),
        Kind.RATINGS: lambda: {f"Go out {n}": question.choices[n % len(question.choices)].value},
    }
    return values[question.kind]()


def answer_forever(journey_id: str) -> None:
    store = Store()
    session = Session(content.default(), store, store.load(journey_id))
    if not session.claim():
        raise RuntimeError(f"read only: {session.read_only}")
    n = 0
    while True:
        question = session.question
        if question is None:
            session.go_to(WELCOME) if session.finished else session.next()
            continue
        session.answer(value_for(question, n), move_on=False)
        saved = session.journey.answers[question.id]
        say(f"SAVED {question.id} {saved.at.isoformat()}")
        session.next()
        n += 1
        if n % 7 == 0:
            session.back()


def main() -> None:
    journey_id = sys.argv[1]
    content.default()  # load once, before forking
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                answer_forever(journey_id)
            except BaseException as e:
                # Say why, then wait for the kill like any other child: a child that ended
                # by itself would leave the test a process id that may no longer be its.
                say(f"ERROR {type(e).__name__}: {e}".replace("\n", " "))
                while True:
                    signal.pause()
            finally:
                os._exit(1)
        say(f"CHILD {pid}")
        os.waitpid(pid, 0)
        say(f"DEAD {pid}")


if __name__ == "__main__":
    main()
