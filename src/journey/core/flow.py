"""The journey machine: which step and question the person is on, and where each move leads.

The steps (from content) are the machine's states, with welcome before them and finished
after. It reads answers through a callable and never saves anything: the caller records
each move. It knows nothing about screens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from transitions import EventData, Machine

from journey.content import Journey as Content
from journey.content import Question, Step, holds

WELCOME = "welcome"
FINISHED = "finished"

Answers = Callable[[], Mapping[str, Any]]


def step_applies(content: Content, step_id: str, given: Mapping[str, Any]) -> bool:
    """Whether a step applies, given the answers so far. Used without a machine too."""
    if step_id in (WELCOME, FINISHED):
        return True
    return holds(content.step(step_id).when, given)


def applicable(content: Content, step_id: str, given: Mapping[str, Any]) -> list[Question]:
    """The questions of a step that apply, given the answers so far."""
    if step_id == FINISHED:
        return []
    return [q for q in content.step(step_id).questions if q.applies(given)]


class Flow:
    """The model of the transitions machine. `state` is the current step id."""

    state: str

    def __init__(
        self,
        content: Content,
        answers: Answers,
        step: str = WELCOME,
        question: str | None = None,
    ) -> None:
        self.content = content
        self._answers = answers
        self.step_ids = [s.id for s in content.steps]
        self.states = [WELCOME, *self.step_ids, FINISHED]
        if step not in self.states:
            step, question = WELCOME, None
        self.machine = Machine(
            model=self,
            states=self.states,
            transitions=self._transitions(),
            initial=step,
            auto_transitions=False,
            send_event=True,
        )
        # on_enter callbacks do not run for the initial state, so place the question here.
        applicable = self.questions(step) if step != FINISHED else []
        ids = [q.id for q in applicable]
        self.question_id: str | None = question if question in ids else self._first_open(step)

    @property
    def place(self) -> tuple[str, str | None]:
        """Where the person is: the step and the question."""
        return self.state, self.question_id

    @place.setter
    def place(self, where: tuple[str, str | None]) -> None:
        """Put the person back where they were, as when a move could not be saved."""
        self.machine.set_state(where[0], model=self)
        self.question_id = where[1]

    # -- the machine's shape, as data ----------------------------------------------------

    def _transitions(self) -> list[dict[str, Any]]:
        states, steps = self.states, self.step_ids
        moves: list[dict[str, Any]] = []
        for i, source in enumerate(states[:-1]):
            for dest in states[i + 1 :]:
                moves.append(self._move("advance", source, dest, "_lands_here", "_at_start"))
                if source in steps:
                    moves.append(self._move("skip", source, dest, "_lands_here", "_at_start"))
        for i, source in enumerate(states[1:], start=1):
            for dest in states[:i]:
                moves.append(self._move("retreat", source, dest, "_lands_here", "_at_end"))
        for source in states:
            for dest in [WELCOME, *steps]:
                moves.append(self._move("go", source, dest, "_chosen", "_at_open"))
        return moves

    @staticmethod
    def _move(trigger: str, source: str, dest: str, condition: str, after: str) -> dict:
        return {
            "trigger": trigger,
            "source": source,
            "dest": dest,
            "conditions": ["_may_leave", condition],
            "after": after,
        }

    # -- conditions ----------------------------------------------------------------------

    def _may_leave(self, event: EventData) -> bool:
        """Required questions (the person's name, who is planning) must be answered first."""
        if event.transition.source == FINISHED:
            return True
        given = self._answers()
        return all(
            q.id in given for q in self.questions(event.transition.source) if q.required
        )

    def _lands_here(self, event: EventData) -> bool:
        """True when dest is the nearest state in this direction whose step applies."""
        source, dest = event.transition.source, event.transition.dest
        i, j = self.states.index(source), self.states.index(dest)
        between = self.states[i + 1 : j] if j > i else self.states[j + 1 : i]
        return self.applies(dest) and not any(self.applies(s) for s in between)

    @staticmethod
    def _chosen(event: EventData) -> bool:
        return event.kwargs.get("step") == event.transition.dest

    # -- where the question lands after a move -------------------------------------------

    def _at_start(self, event: EventData) -> None:
        self.question_id = self._first(self.state)

    def _at_end(self, event: EventData) -> None:
        questions = self.questions(self.state) if self.state != FINISHED else []
        self.question_id = questions[-1].id if questions else None

    def _at_open(self, event: EventData) -> None:
        self.question_id = self._first_open(self.state)

    # -- reading the journey -------------------------------------------------------------

    def step(self, step_id: str | None = None) -> Step | None:
        step_id = step_id or self.state
        return None if step_id == FINISHED else self.content.step(step_id)

    def applies(self, step_id: str) -> bool:
        return step_applies(self.content, step_id, self._answers())

    def questions(self, step_id: str) -> list[Question]:
        """The questions of a step that apply, given the answers so far."""
        return applicable(self.content, step_id, self._answers())

    def _first(self, step_id: str) -> str | None:
        questions = self.questions(step_id)
        return questions[0].id if questions else None

    def _first_open(self, step_id: str) -> str | None:
        """The first question not yet answered, or the first question if all are."""
        questions = self.questions(step_id)
        if not questions:
            return None
        given = self._answers()
        return next((q.id for q in questions if q.id not in given), questions[0].id)

    @property
    def question(self) -> Question | None:
        return self.content.question(self.question_id) if self.question_id else None

    @property
    def finished(self) -> bool:
        return self.state == FINISHED

    def blocked(self) -> bool:
        """The current question must be answered before moving on."""
        question = self.question
        return (
            question is not None
            and question.required
            and question.id not in self._answers()
            and question in self.questions(self.state)
        )

    # -- moves the person makes ----------------------------------------------------------

    def _neighbour(self, offset: int) -> str | None:
        """The next (+1) or previous (-1) applicable question in this step."""
        step = self.step()
        if step is None or self.question_id is None:
            return None
        order = [q.id for q in step.questions]
        here = order.index(self.question_id)
        applicable = {q.id for q in self.questions(self.state)}
        ahead = order[here + 1 :] if offset > 0 else reversed(order[:here])
        return next((q for q in ahead if q in applicable), None)

    def next(self) -> bool:
        """Move on: to the next question, or the next step that applies."""
        if self.finished:
            return False
        if self.blocked():
            return False
        following = self._neighbour(+1)
        if following:
            self.question_id = following
            return True
        return self.advance()

    def back(self) -> bool:
        """Go back one question, into the previous step if need be. Answers are kept."""
        previous = self._neighbour(-1)
        if previous:
            self.question_id = previous
            return True
        if self.state == WELCOME:
            return False
        return self.retreat()

    def skip_step(self) -> str | None:
        """Leave this step for now. Returns the id of the step skipped, for the caller to
        record, or None if it cannot be skipped."""
        leaving = self.state
        if leaving not in self.step_ids:
            return None
        return leaving if self.skip() else None

    def go_to(self, step_id: str, question: str | None = None) -> bool:
        """Go to a step: to the given question when it applies, else the first still open."""
        if step_id not in (WELCOME, *self.step_ids):
            return False
        moved = self.go(step=step_id)
        if moved and question in {q.id for q in self.questions(step_id)}:
            self.question_id = question
        return moved
