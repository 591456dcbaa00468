"""The journey: a list of events. Everything else about it (answers, name, where the person
is) is derived from those events, so nothing is ever stored twice or overwritten. Even
undoing a change is a new event, so an answer's history shows every step of it."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
)

from journey.core.answers import clean, clean_name, clean_value

NAME_QUESTION = "welcome.name"
MODE_QUESTION = "welcome.mode"
HELPER_QUESTION = "welcome.helper-name"
HELPER_ROLE_QUESTION = "welcome.helper-role"
_SITTING_QUESTIONS = frozenset({MODE_QUESTION, HELPER_QUESTION, HELPER_ROLE_QUESTION})
# Answers that are names or short fields, cleaned as names.
SHORT_QUESTIONS = frozenset({NAME_QUESTION, HELPER_QUESTION, HELPER_ROLE_QUESTION})


# Text read back is cleaned of terminal codes as it is read, however it was stored: input is
# cleaned too, but an older version or a hand edit may have left codes in a journeys file.
# Names are also cleaned of the unseen characters that reorder or join letters.
Text = Annotated[str, AfterValidator(clean)]
Name = Annotated[str, AfterValidator(clean_name)]


def now() -> datetime:
    return datetime.now(UTC)


class Mode(StrEnum):
    SELF = "self"
    WITH = "with"  # a facilitator sits with the person
    BEHALF = "behalf"  # someone answers for the person


class Role(StrEnum):
    PERSON = "person"
    FACILITATOR = "facilitator"
    BEHALF = "behalf"


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    at: datetime = Field(default_factory=now)


class Answered(Event):
    """An answer to a question, and who gave it. A later answer to the same question
    replaces it in the plan; this one stays in the history."""

    kind: Literal["answer"] = "answer"
    question: str
    value: Any = None
    unsure: bool = False
    by: Name
    role: Role

    @field_validator("value")
    @classmethod
    def _cleaned(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and info.data.get("question") in SHORT_QUESTIONS:
            return clean_name(value)
        return clean_value(value)


class Skipped(Event):
    """The person left a step for now, to come back to it later."""

    kind: Literal["skip"] = "skip"
    step: str


class Moved(Event):
    """Where the person now is. The last one is where a resumed journey opens."""

    kind: Literal["move"] = "move"
    step: str
    question: str | None = None


class Undone(Event):
    """The last change to an answer was undone: the answer before it is the answer again
    (or there is no answer, if it was the first)."""

    kind: Literal["undo"] = "undo"
    question: str
    by: Name
    role: Role


class Sat(Event):
    """A new sitting began: who is planning this time and who else is in the room.
    The first sitting needs no event; the welcome's answers describe it."""

    kind: Literal["sitting"] = "sitting"
    mode: Mode
    helper: Name | None = None
    helper_role: Name | None = None
    present: list[Name] = []


class Confirmed(Event):
    """The person says a suggested answer is theirs."""

    kind: Literal["confirm"] = "confirm"
    question: str
    by: Name


class Noted(Event):
    """A facilitator's note. Kept with the journey; in the plan only when chosen."""

    kind: Literal["note"] = "note"
    id: str = Field(default_factory=lambda: secrets.token_hex(4))
    text: Text
    by: Name
    step: str | None = None
    in_plan: bool = False
    next_step: bool = False


class NoteShared(Event):
    """A note put into the plan, or taken out of it again."""

    kind: Literal["note-shared"] = "note-shared"
    note: str
    in_plan: bool


Fits = Callable[[str, Any], bool]
T = TypeVar("T")

AnyEvent = Annotated[
    Answered | Skipped | Moved | Undone | Sat | Confirmed | Noted | NoteShared,
    Field(discriminator="kind"),
]
Recorded = Answered | Skipped | Moved | Undone | Sat | Confirmed | Noted | NoteShared


@dataclass(frozen=True)
class Sitting:
    """One sitting: who was there, and the events recorded while it lasted."""

    number: int
    mode: Mode
    helper: str | None
    helper_role: str | None
    present: tuple[str, ...]
    events: tuple[Recorded, ...]

    @property
    def started(self) -> datetime | None:
        return self.events[0].at if self.events else None


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    by: str
    step: str | None
    at: datetime
    in_plan: bool
    next_step: bool


class Journey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    created: datetime = Field(default_factory=now)
    events: list[AnyEvent] = []

    # Derived from the events on first use, then kept up to date as events are recorded.
    _changes: dict[str, list[Answered]] | None = PrivateAttr(default=None)
    _answers: dict[str, Answered] | None = PrivateAttr(default=None)
    _unfit: dict[str, Answered] | None = PrivateAttr(default=None)
    _skips: dict[str, datetime] | None = PrivateAttr(default=None)
    # Which saved values may be used (journey.core.fit), and the content they were checked for.
    _fits: Fits | None = PrivateAttr(default=None)
    _checked_against: object = PrivateAttr(default=None)
    # Facts that walk all the events (who is planning now, roles); forgotten on each event.
    _derived: dict[Hashable, Any] = PrivateAttr(default_factory=dict)

    def check_with(self, fits: Fits, against: object) -> None:
        """Count only answers whose value fits their question (`against` names what they
        were checked for). Those that do not fit stay in the history and in `unfit`."""
        self._fits, self._checked_against = fits, against
        self._changes = self._answers = self._unfit = self._skips = None
        self._derived.clear()

    @property
    def checked_against(self) -> object:
        return self._checked_against

    def record(self, event: Event) -> None:
        self.events.append(event)
        # Who is planning (and the roles given) changes only with a sitting or an answer
        # about it, the notes only with a note: kept, so no answer walks every event.
        kept = {k: v for k, v in self._derived.items() if k in ("now", "roles", "notes")}
        self._derived.clear()
        if isinstance(event, Sat) or (isinstance(event, Answered | Undone)
                                      and event.question in _SITTING_QUESTIONS):
            kept.pop("now", None)
            kept.pop("roles", None)
        if isinstance(event, Noted | NoteShared):
            kept.pop("notes", None)
        self._derived.update(kept)
        if self._changes is not None:
            self._apply(event)

    def forget(self, event: Event) -> None:
        """Take back the event just recorded, when saving it failed."""
        if self.events and self.events[-1] is event:
            self.events.pop()
            self._changes = self._answers = self._unfit = self._skips = None
            self._derived.clear()

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """Something worked out from the events (the plan's snapshot, say), made once and
        kept until the next event is recorded or the answers are checked afresh."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def _derive(self) -> None:
        self._changes, self._answers, self._unfit, self._skips = {}, {}, {}, {}
        for event in self.events:
            self._apply(event, settle=False)
        # Only the change standing at the end is checked, once per question.
        for question in self._changes:
            self._stand(question)

    def _apply(self, event: Event, settle: bool = True) -> None:
        """Bring what is derived from the events up to date with one more event."""
        assert self._changes is not None and self._skips is not None
        if isinstance(event, Answered):
            self._changes.setdefault(event.question, []).append(event)
        elif isinstance(event, Undone):
            # Each undo takes back one more change: the answers still standing are a stack.
            standing = self._changes.get(event.question)
            if standing:
                standing.pop()
        elif isinstance(event, Skipped):
            self._skips[event.step] = event.at
        if settle and isinstance(event, Answered | Undone):
            self._stand(event.question)

    def _stand(self, question: str) -> None:
        """The latest change still standing is the answer, if its value can be used."""
        assert self._changes is not None and self._answers is not None
        assert self._unfit is not None
        standing = self._changes.get(question)
        self._answers.pop(question, None)
        self._unfit.pop(question, None)
        if not standing:
            return
        latest = standing[-1]
        if latest.unsure or self._fits is None or self._fits(question, latest.value):
            self._answers[question] = latest
        else:
            self._unfit[question] = latest

    @property
    def answers(self) -> dict[str, Answered]:
        """The answer standing for each question: the latest, unless it was undone. Once
        checked (check_with), an answer whose value does not fit is left out."""
        if self._answers is None:
            self._derive()
        assert self._answers is not None
        return self._answers

    @property
    def unfit(self) -> dict[str, Answered]:
        """Answers left out because their saved value does not fit the question: each
        question here is asked again."""
        if self._unfit is None:
            self._derive()
        assert self._unfit is not None
        return self._unfit

    def history(self, question: str) -> list[Answered | Undone]:
        """Every change to one answer, oldest first, with who made it and when."""
        return [e for e in self.events
                if isinstance(e, Answered | Undone) and e.question == question]

    def can_undo(self, question: str) -> bool:
        return question in self.answers or question in self.unfit

    def values(self) -> dict[str, Any]:
        """Given answers by question id, leaving out 'not sure yet'. Conditions read these."""
        return {q: a.value for q, a in self.answers.items() if not a.unsure}

    def value(self, question: str) -> Any:
        answer = self.answers.get(question)
        return None if answer is None or answer.unsure else answer.value

    @property
    def name(self) -> str | None:
        return self.value(NAME_QUESTION)

    def _welcome_sitting(self) -> tuple[Mode, str | None, str | None]:
        value = self.value(MODE_QUESTION)
        mode = Mode(value) if value in Mode._value2member_map_ else Mode.SELF
        if mode is Mode.SELF:
            return (mode, None, None)
        return (mode, self.value(HELPER_QUESTION), self.value(HELPER_ROLE_QUESTION))

    def _now_sitting(self) -> tuple[Mode, str | None, str | None]:
        """Who is planning now: the last sitting's choice, unless the welcome's answers
        about who is planning were changed after it."""
        if "now" not in self._derived:
            found = self._welcome_sitting()
            for event in reversed(self.events):
                if isinstance(event, Answered | Undone) and (
                        event.question in _SITTING_QUESTIONS):
                    break
                if isinstance(event, Sat):
                    found = (event.mode, event.helper, event.helper_role)
                    break
            self._derived["now"] = found
        return self._derived["now"]

    @property
    def mode(self) -> Mode:
        return self._now_sitting()[0]

    @property
    def helper(self) -> str | None:
        return self._now_sitting()[1]

    @property
    def helper_role(self) -> str | None:
        return self._now_sitting()[2]

    def speaker(self, question: str, *, suggested: bool = False) -> tuple[str, Role]:
        """Who is giving an answer now. In facilitated sessions the person speaks for
        themselves about their life unless the facilitator suggests an answer; the helper
        answers the questions about the session."""
        if self.mode is Mode.SELF:
            return (self.name or "", Role.PERSON)
        helper = self.helper or ""
        if question.startswith("welcome.") or (suggested and self.mode is Mode.WITH):
            return (helper, Role.FACILITATOR)
        if self.mode is Mode.BEHALF:
            return (helper, Role.BEHALF)
        return (self.name or "", Role.PERSON)

    def role_of(self, helper: str) -> str | None:
        """The role a helper gave, as they gave it most recently."""
        roles = self._derived.get("roles")
        if roles is None:
            roles = {s.helper: s.helper_role for s in self.sittings() if s.helper}
            self._derived["roles"] = roles
        return roles.get(helper)

    def confirmed(self, question: str) -> bool:
        """The person has said the latest answer, suggested by someone else, is theirs."""
        answer = self.answers.get(question)
        if answer is None or answer.role is Role.PERSON:
            return False
        for event in reversed(self.events):
            if event is answer:
                return False
            if isinstance(event, Confirmed) and event.question == question:
                return True
        return False

    def suggestions(self) -> list[Answered]:
        """Answers a facilitator suggested that the person has not yet confirmed."""
        return [
            a for q, a in self.answers.items()
            if a.role is Role.FACILITATOR and not a.unsure and not q.startswith("welcome.")
            and not self.confirmed(q)
        ]

    def sittings(self) -> list[Sitting]:
        """Each sitting with its events. The first is described by the welcome's answers."""
        mode, helper, role = self._welcome_sitting()
        name = self.name or ""
        first = tuple(p for p in ((helper,) if mode is Mode.BEHALF else (name, helper)) if p)
        found: list[Sitting] = []
        current: tuple[Mode, str | None, str | None, tuple[str, ...]] = (mode, helper, role, first)
        events: list[Recorded] = []
        for event in self.events:
            if isinstance(event, Sat):
                found.append(Sitting(len(found) + 1, *current, tuple(events)))
                current = (event.mode, event.helper, event.helper_role, tuple(event.present))
                events = []
            events.append(event)
        found.append(Sitting(len(found) + 1, *current, tuple(events)))
        return found

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Journey:
        """A copy works out its own answers and plan: what was derived from this journey's
        events (kept in private attributes, which pydantic copies by reference) is not
        shared, so a copy without notes never shows a plan made with them."""
        copied = super().model_copy(update=update, deep=deep)
        copied._changes = copied._answers = copied._unfit = copied._skips = None
        copied._derived = {}
        return copied

    def without_notes(self) -> Journey:
        """A copy for handing on, with the facilitator's notes left out."""
        kept = [e for e in self.events if not isinstance(e, Noted | NoteShared)]
        return self.model_copy(update={"events": kept})

    def notes(self) -> list[Note]:
        def made() -> list[Note]:
            shared = {e.note: e.in_plan for e in self.events if isinstance(e, NoteShared)}
            return [
                Note(id=e.id, text=e.text, by=e.by, step=e.step, at=e.at,
                     in_plan=shared.get(e.id, e.in_plan), next_step=e.next_step)
                for e in self.events if isinstance(e, Noted)
            ]
        return list(self.remember("notes", made))

    @property
    def position(self) -> Moved | None:
        return next((e for e in reversed(self.events) if isinstance(e, Moved)), None)

    @property
    def updated(self) -> datetime:
        return self.events[-1].at if self.events else self.created

    def last_skip(self, step: str) -> datetime | None:
        if self._skips is None:
            self._derive()
        assert self._skips is not None
        return self._skips.get(step)
