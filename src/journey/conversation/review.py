"""A review of the plan in use: the review's questions walked one at a time, through the same
Session as the journey, so every answer is saved the moment it is given and a review stopped
half way carries on where it stopped.

The review walks the plan, not the twelve steps: its own questions (content/review.toml),
and a question of the plan itself only where the person says to change that part of it.
A review begins with ReviewBegun (a version of the plan kept first, when the plan changed
since the last one) and ends with ReviewEnded (and a new version, when it changed the plan).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from journey.content import Journey as Content
from journey.content import Question, ReviewStep, Step, holds
from journey.core.flow import FINISHED
from journey.core.model import (
    REVIEW_PREFIX,
    REVIEW_STEP,
    Answered,
    Journey,
    Moved,
    ReviewBegun,
    ReviewEnded,
    Undone,
)
from journey.core.saving import Recorder
from journey.plan.versions import keep_version

from .session import Session

KINDS = ("light", "yearly", "change", "asked")
LIGHT = "light"

Answers = Callable[[], Mapping[str, Any]]


class ReviewFlow:
    """Where the person is in a review: a small sibling of the journey's machine
    (journey.core.flow.Flow), with the same face, that walks one list of questions. It reads
    answers through a callable, saves nothing and knows nothing of screens."""

    step_ids: ClassVar[list[str]] = []  # not one of the numbered steps

    def __init__(self, content: Content, answers: Answers, kind: str,
                 question: str | None = None, ended: bool = False) -> None:
        assert content.review is not None
        self.content = content
        self.review: ReviewStep = content.review
        self._answers = answers
        self.kind = kind
        self.state = FINISHED if ended else REVIEW_STEP
        ids = [q.id for q in self.order()]
        self.question_id: str | None = None if ended else (
            question if question in ids else self._first_open())

    def order(self) -> list[Question]:
        """The questions this review asks now, in order: a light check asks fewer; a
        question of the plan comes after the one where the person says to change it."""
        given = self._answers()
        light = set(self.review.light) if self.kind == LIGHT else None
        found: list[Question] = []
        for question in self.review.questions:
            if light is not None and question.id not in light:
                continue
            if not question.applies(given):
                continue
            found.append(question)
            for edit in self.review.edits:
                if edit.after == question.id and holds(edit.when, given):
                    found.append(self.content.question(edit.question))
        return found

    def _first_open(self) -> str | None:
        order, given = self.order(), self._answers()
        return next((q.id for q in order if q.id not in given),
                    order[0].id if order else None)

    @property
    def place(self) -> tuple[str, str | None]:
        return self.state, self.question_id

    @place.setter
    def place(self, where: tuple[str, str | None]) -> None:
        self.state, self.question_id = where

    def step(self, step_id: str | None = None) -> Step | None:
        step_id = step_id or self.state
        return None if step_id == FINISHED else self.review

    def applies(self, step_id: str) -> bool:
        return step_id == REVIEW_STEP

    def questions(self, step_id: str) -> list[Question]:
        return self.order() if step_id == REVIEW_STEP else []

    @property
    def question(self) -> Question | None:
        return self.content.question(self.question_id) if self.question_id else None

    @property
    def finished(self) -> bool:
        return self.state == FINISHED

    def blocked(self) -> bool:
        return False  # nothing in a review must be answered before moving on

    def _neighbour(self, offset: int) -> str | None:
        ids = [q.id for q in self.order()]
        if self.question_id not in ids:
            return ids[0] if ids and offset > 0 else None
        here = ids.index(self.question_id) + offset
        return ids[here] if 0 <= here < len(ids) else None

    def next(self) -> bool:
        if self.finished:
            return False
        following = self._neighbour(+1)
        if following is None:
            self.state, self.question_id = FINISHED, None
        else:
            self.question_id = following
        return True

    def back(self) -> bool:
        if self.finished:
            ids = [q.id for q in self.order()]
            if not ids:
                return False
            self.state, self.question_id = REVIEW_STEP, ids[-1]
            return True
        previous = self._neighbour(-1)
        if previous is None:
            return False
        self.question_id = previous
        return True

    def skip_step(self) -> str | None:
        return None  # a review is not skipped: each question can be "not sure yet"

    def go_to(self, step_id: str, question: str | None = None) -> bool:
        if step_id != REVIEW_STEP or question not in [q.id for q in self.order()]:
            return False
        self.state, self.question_id = REVIEW_STEP, question
        return True


# Where the things a ratings question rates are in the plan.
RATED_FROM = {"outcomes": "planning.outcomes", "support": "planning.costs"}


def rated_things(session: Session, question: Question) -> list[str]:
    """The things of the plan a ratings question asks about, in the plan's order, each
    once: its outcomes, or what each piece of costed support is."""
    source = RATED_FROM.get(question.rates or "")
    value = session.snapshot().live.get(source or "")
    things: list[str] = []
    for item in value if isinstance(value, list) else []:
        thing = item.get("what") if isinstance(item, dict) else item
        if isinstance(thing, str) and thing.strip() and thing not in things:
            things.append(thing)
    return things


# A journey has a plan to review once any of these is answered.
PLAN_QUESTIONS = ("planning.outcomes", "planning.costs", "planning.support")


def has_plan(journey: Journey) -> bool:
    """Whether the journey has a plan to review, agreed or not."""
    return any(journey.value(q) for q in PLAN_QUESTIONS)


def due_kind(journey: Journey) -> str:
    """The kind of review due: the light check, until the plan has had a review; then
    the yearly one."""
    return "yearly" if any(isinstance(e, ReviewEnded) for e in journey.events) else LIGHT


class ReviewSession(Session):
    """A Session whose questions are the open review's. Made on a journey with a review
    open (after `begin`); everything the person does is saved as in the journey."""

    def __init__(self, content: Content, store: Recorder, journey: Journey) -> None:
        super().__init__(content, store, journey)
        if content.review is None:
            raise ValueError("this content has no review")
        self._place_flow()

    def _place_flow(self) -> None:
        review = self.journey.open_review()
        where = self.journey.review_position()
        self.flow = ReviewFlow(  # type: ignore[assignment]
            self.content, self.journey.values,
            kind=review.reason if review is not None and review.reason in KINDS else "yearly",
            question=where.question if where else None, ended=review is None)

    @property
    def review(self) -> ReviewBegun | None:
        return self.journey.open_review()

    def begin(self, reason: str) -> ReviewBegun:
        """Begin a review of this kind: the plan as it stands is kept as a version first
        (when it changed since the last), then ReviewBegun, then the first question, saved
        as one."""
        if reason not in KINDS:
            raise ValueError(f"not a kind of review: {reason}")
        self._writable()
        by = self.journey.helper or self.name
        with self.together():
            version = keep_version(self.journey, by)
            if version is not None:
                self._record(version)
            begun = ReviewBegun(reason=reason, by=by)
            self._record(begun)
            self._place_flow()
            self._record(Moved(step=REVIEW_STEP, question=self.flow.question_id))
        return begun

    def _end(self) -> None:
        review = self.journey.open_review()
        if review is None:
            return
        by = self.journey.helper or self.name
        self._record(ReviewEnded(review=review.id, by=by))
        version = keep_version(self.journey, by, review=review.id)
        if version is not None:
            self._record(version)

    def history(self, question_id: str) -> list[Answered | Undone]:
        """Every change to an answer; for a review's own question, only this review's
        (an earlier review's answers are its record, not this one's history)."""
        found = super().history(question_id)
        review = self.journey.open_review()
        if review is None or not question_id.startswith(REVIEW_PREFIX):
            return found
        return [e for e in found if e.at >= review.at]

    def changed(self) -> list[str]:
        """The answers changed, for the history: this review's own and the plan's."""
        review = self.journey.open_review()
        events = self.journey.events
        start = next((i for i, e in enumerate(events) if e is review), len(events))
        own = {e.question for e in events[start:]
               if isinstance(e, Answered | Undone) and e.question.startswith(REVIEW_PREFIX)}
        latest: dict[str, int] = {}
        for n, event in enumerate(events):
            if isinstance(event, Answered | Undone) and event.question in own:
                latest[event.question] = n
        mine = sorted(latest, key=latest.__getitem__, reverse=True)
        return mine + [q for q in super().changed() if q not in own]

    def next(self) -> bool:
        """Move on; moving on from the last question ends the review."""
        with self.together():
            moved = self._move(self.flow.next)
            if moved and self.flow.finished and self.read_only is None:
                self._end()
        return moved

    def _move(self, move: Callable[[], bool]) -> bool:
        # A review's moves are kept apart from the journey's: where the journey reopens is
        # never inside a review (journey.core.model.Journey.position).
        with self.together():
            moved = move()
            if moved and self.read_only is None:
                self._record(Moved(step=REVIEW_STEP, question=self.flow.question_id))
        return moved


def start(content: Content, store: Recorder, journey: Journey,
          reason: str | None = None) -> ReviewSession:
    """The review of this journey's plan: the open one carried on where it stopped, or
    a new one of the kind given (else the kind due) begun."""
    session = ReviewSession(content, store, journey)
    if journey.open_review() is None:
        session.begin(reason or due_kind(journey))
    return session


# Answers for counting the questions a review asks (scripts/count-review-questions): an
# ordinary review, where no one else takes part and nothing changed, and the fullest, where
# everyone takes part, everything changed and every part of the plan is changed too.
ORDINARY = {"review.others": ["none"], "review.changed": ["nothing"],
            "review.change-outcomes": "no", "review.change-support": "no",
            "review.change-budget": "no", "review.change-circle": "no"}
FULLEST = {"review.others": ["carer", "council", "other"],
           "review.changed": ["health", "home", "carer", "circle", "money"],
           "review.change-outcomes": "yes", "review.change-support": "yes",
           "review.change-budget": "yes", "review.change-circle": "yes"}


def questions_met(session: ReviewSession, answers: Mapping[str, Any]) -> list[str]:
    """Walk the open review to its end, giving each question met the answer named, or an
    ordinary one (the first mark for each thing rated); the ids met, in order."""
    from journey.conversation.routes import ordinary

    met: list[str] = []
    while not session.finished and session.question is not None:
        question = session.question
        if question.id in met:  # the review did not move on: stop rather than loop
            break
        met.append(question.id)
        if question.id in answers:
            value = answers[question.id]
        elif question.rates is not None:
            value = dict.fromkeys(rated_things(session, question), question.choices[0].value)
        else:
            value = ordinary(question, session)
        session.answer(value)
    return met
