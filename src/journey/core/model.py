"""The journey: a list of events. Everything else about it (answers, name, where the person
is) is derived from those events, so nothing is ever stored twice or overwritten. Even
undoing a change is a new event, so an answer's history shows every step of it."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar, Literal, TypeVar

from journey.core.answers import clean, clean_name, clean_value

NAME_QUESTION = "welcome.name"
MODE_QUESTION = "welcome.mode"
HELPER_QUESTION = "welcome.helper-name"
HELPER_ROLE_QUESTION = "welcome.helper-role"
_SITTING_QUESTIONS = frozenset({MODE_QUESTION, HELPER_QUESTION, HELPER_ROLE_QUESTION})
# A review's own questions begin so; its moves are to this step, which is not one of the
# twelve: where the journey stands is the last move elsewhere.
REVIEW_PREFIX = "review."
REVIEW_STEP = "review"
# Answers that are names or short fields, cleaned as names.
SHORT_QUESTIONS = frozenset({NAME_QUESTION, HELPER_QUESTION, HELPER_ROLE_QUESTION})


def now() -> datetime:
    return datetime.now(UTC)


class Mode(StrEnum):
    SELF = "self"
    WITH = "with"  # a facilitator sits with the person
    BEHALF = "behalf"  # someone answers for the person
    HERE = "here"  # someone plans for the person, who is here and takes part


class Role(StrEnum):
    PERSON = "person"
    FACILITATOR = "facilitator"
    BEHALF = "behalf"


# Events are plain frozen data classes with slots: a long journey holds tens of thousands of
# them, and making one must not need pydantic. Stored events and journey files are still
# checked strictly as they are read (journey.store.events), by pydantic, which reads the
# configuration below and calls __post_init__ on each event it makes.
#
# Text is cleaned of terminal codes whenever an event is made, however it was made (typed,
# read back, copied with dataclasses.replace): input is cleaned too, but an older version
# or a hand edit may have left codes in a journeys file. Names are also cleaned of the
# unseen characters that reorder or join letters.


# Events are frozen: a field is set this way only while its event is being made.
_set = object.__setattr__


def _name(value: str | None) -> str | None:
    return None if value is None else clean_name(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    # Read by pydantic when stored events are checked: an unknown field is refused.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    at: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answered(Event):
    """An answer to a question, and who gave it. A later answer to the same question
    replaces it in the plan; this one stays in the history."""

    kind: Literal["answer"] = "answer"
    question: str
    value: Any = None
    unsure: bool = False
    by: str
    role: Role

    def __post_init__(self) -> None:
        value = self.value
        if isinstance(value, str) and self.question in SHORT_QUESTIONS:
            _set(self, "value", clean_name(value))
        else:
            _set(self, "value", clean_value(value))
        _set(self, "by", clean_name(self.by))
        if type(self.role) is not Role:
            _set(self, "role", Role(self.role))


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped(Event):
    """The person left a step for now, to come back to it later."""

    kind: Literal["skip"] = "skip"
    step: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Moved(Event):
    """Where the person now is. The last one is where a resumed journey opens."""

    kind: Literal["move"] = "move"
    step: str
    question: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Undone(Event):
    """The last change to an answer was undone: the answer before it is the answer again
    (or there is no answer, if it was the first)."""

    kind: Literal["undo"] = "undo"
    question: str
    by: str
    role: Role

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))
        if type(self.role) is not Role:
            _set(self, "role", Role(self.role))


@dataclass(frozen=True, slots=True, kw_only=True)
class Sat(Event):
    """A new sitting began: who is planning this time and who else is in the room.
    The first sitting needs no event; the welcome's answers describe it."""

    kind: Literal["sitting"] = "sitting"
    mode: Mode
    helper: str | None = None
    helper_role: str | None = None
    present: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if type(self.mode) is not Mode:
            _set(self, "mode", Mode(self.mode))
        _set(self, "helper", _name(self.helper))
        _set(self, "helper_role", _name(self.helper_role))
        _set(self, "present", tuple(clean_name(p) for p in self.present))


@dataclass(frozen=True, slots=True, kw_only=True)
class Confirmed(Event):
    """The person says a suggested answer is theirs."""

    kind: Literal["confirm"] = "confirm"
    question: str
    by: str

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))


def _note_id() -> str:
    # os.urandom is what secrets uses, without loading hashlib and OpenSSL at every start.
    return os.urandom(4).hex()


@dataclass(frozen=True, slots=True, kw_only=True)
class Noted(Event):
    """A facilitator's note. Kept with the journey; in the plan only when chosen."""

    kind: Literal["note"] = "note"
    id: str = field(default_factory=_note_id)
    text: str
    by: str
    step: str | None = None
    in_plan: bool = False
    next_step: bool = False

    def __post_init__(self) -> None:
        _set(self, "text", clean(self.text))
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteShared(Event):
    """A note put into the plan, or taken out of it again."""

    kind: Literal["note-shared"] = "note-shared"
    note: str
    in_plan: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewBegun(Event):
    """A review of the plan began: planned ("light", "yearly"), after a change ("change"),
    or asked for ("asked"). The review's own answers are the answers to `review.`
    questions recorded after this event and before its ReviewEnded."""

    kind: Literal["review"] = "review"
    id: str = field(default_factory=_note_id)
    reason: str  # checked when a review is read back: a stored event may hold anything
    by: str

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewEnded(Event):
    """A review was finished: what it found is the review record."""

    kind: Literal["review-end"] = "review-end"
    review: str
    by: str

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class Versioned(Event):
    """The plan as it stands is kept as version `number`: the events up to and including
    this one make that version, so an old version is never changed by later answers."""

    kind: Literal["version"] = "version"
    number: int
    review: str | None = None  # the review that made this version, if one did
    by: str

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyKept(Event):
    """One line of the direct-payment record: money in or out. A later line with the same
    id replaces it; this one stays in the history. Every field is checked again when the
    record is read back (journey.money), as a stored event may hold anything."""

    kind: Literal["money"] = "money"
    id: str = field(default_factory=_note_id)
    day: str  # the date it went in or out, as YYYY-MM-DD
    pence: int  # the amount in whole pence, more than nothing
    direction: str  # "in" or "out"
    what: str  # the kind of money: council, contribution, pay, hmrc, pension, agency, ...
    who: str  # who paid it or was paid
    purpose: str = ""
    support: str | None = None  # the piece of the plan's costed support it pays for
    evidence: str | None = None  # the paper that proves it: payslip, invoice, receipt, ...
    kept_where: str | None = None
    source: str | None = None  # where it came from, when not typed: a statement line's mark
    by: str

    def __post_init__(self) -> None:
        for name in ("who", "purpose", "kept_where", "evidence"):
            value = getattr(self, name)
            if isinstance(value, str):
                _set(self, name, clean(value))
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyRemoved(Event):
    """A line of the direct-payment record was taken out. It stays in the history."""

    kind: Literal["money-removed"] = "money-removed"
    entry: str
    by: str

    def __post_init__(self) -> None:
        _set(self, "by", clean_name(self.by))


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyRule(Event):
    """Something the person set for the direct-payment record, by name: how many weeks of
    money the council lets build up, the columns of a bank's statement, which piece of
    support a payee is paid for. The latest of each name holds; its value is checked when
    read."""

    kind: Literal["money-rule"] = "money-rule"
    name: str
    value: Any = None
    by: str

    def __post_init__(self) -> None:
        _set(self, "value", clean_value(self.value))
        _set(self, "by", clean_name(self.by))


_FIELDS: dict[type, tuple[str, ...]] = {}


def as_dict(event: Event) -> dict[str, Any]:
    """An event's fields by name, in the order they are declared (and stored)."""
    names = _FIELDS.get(type(event))
    if names is None:
        names = _FIELDS[type(event)] = tuple(f.name for f in fields(event))
    return {name: getattr(event, name) for name in names}


Fits = Callable[[str, Any], bool]
T = TypeVar("T")

# Every kind of event. journey.store.events reads them by their kind.
Recorded = (Answered | Skipped | Moved | Undone | Sat | Confirmed | Noted | NoteShared
            | ReviewBegun | ReviewEnded | Versioned | MoneyKept | MoneyRemoved | MoneyRule)
EVENT_TYPES: tuple[type[Recorded], ...] = (
    Answered, Skipped, Moved, Undone, Sat, Confirmed, Noted, NoteShared,
    ReviewBegun, ReviewEnded, Versioned, MoneyKept, MoneyRemoved, MoneyRule)


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


@dataclass(kw_only=True)
class Journey:
    id: str
    created: datetime = field(default_factory=now)
    events: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A journey has its own list: recording on it never changes the one it was made from.
        self.events = list(self.events)
        # What follows is worked out from the events, so it is not a field: not given when a
        # journey is made, not compared, and not copied (dataclasses.replace makes a journey
        # that works out its own).
        # Derived from the events on first use, then kept up to date as events are recorded.
        self._changes: dict[str, list[Answered]] | None = None
        self._answers: dict[str, Answered] | None = None
        self._unfit: dict[str, Answered] | None = None
        self._skips: dict[str, datetime] | None = None
        # Which saved values may be used (journey.core.fit), and the content they were
        # checked for.
        self._fits: Fits | None = None
        self._checked_against: object = None
        # Facts that walk all the events (who is planning now, roles); forgotten on each event.
        self._derived: dict[Hashable, Any] = {}

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
        elif isinstance(event, ReviewBegun):
            # A new review's answers start blank: the last review's answers are its record
            # (journey.plan.review reads them from its own events), not this one's.
            for question in [q for q in self._changes if q.startswith(REVIEW_PREFIX)]:
                del self._changes[question]
                if settle:
                    self._stand(question)
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
        answers the questions about the session. Planning for someone who is here, the
        planner answers for them, and `suggested` marks the person's own words instead."""
        if self.mode is Mode.SELF:
            return (self.name or "", Role.PERSON)
        helper = self.helper or ""
        if question.startswith("welcome."):
            return (helper, Role.FACILITATOR)
        if self.mode is Mode.HERE:
            return (self.name or "", Role.PERSON) if suggested else (helper, Role.BEHALF)
        if suggested and self.mode is Mode.WITH:
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
        return answer is not None and self.confirmed_since(question, answer)

    def confirmed_since(self, question: str, answer: Answered) -> bool:
        """The person has agreed an answer to this question since `answer` was given: what
        it suggested is theirs now, even where later changes were their own."""
        if answer.role is Role.PERSON:
            return False
        for event in reversed(self.events):
            if event is answer:
                return False
            if isinstance(event, Confirmed) and event.question == question:
                return True
        return False

    def item_givers(self, question: str) -> list[Answered] | None:
        """For a list answer, the change that brought in each of its items, in the list's
        order: who said each thing, when a list was made by more than one person. An item
        taken out and put back counts from when it came back. None when the answer is not a
        list."""
        answer = self.answers.get(question)
        if answer is None or answer.unsure or not isinstance(answer.value, list):
            return None

        def make() -> list[Answered]:
            assert self._changes is not None
            standing = self._changes.get(question, [])
            givers = []
            for item in answer.value:
                giver = answer
                for change in reversed(standing):
                    if change.unsure or not isinstance(change.value, list) or (
                            item not in change.value):
                        break
                    giver = change
                givers.append(giver)
            return givers

        return self.remember(("item-givers", question), make)

    def suggested_items(self, question: str) -> list[int]:
        """In a list, the places of the things a facilitator suggested that the person has
        not agreed yet, whoever changed the list last."""
        givers = self.item_givers(question) or []
        return [i for i, giver in enumerate(givers) if giver.role is Role.FACILITATOR
                and not self.confirmed_since(question, giver)]

    def suggestions(self) -> list[Answered]:
        """Answers a facilitator suggested that the person has not yet confirmed, and lists
        the person changed last that still hold a suggestion of theirs."""
        found = []
        for q, a in self.answers.items():
            if a.unsure or q.startswith("welcome."):
                continue
            waiting = (not self.confirmed(q) if a.role is Role.FACILITATOR else
                       a.role is Role.PERSON and isinstance(a.value, list)
                       and bool(self.suggested_items(q)))
            if waiting:
                found.append(a)
        return found

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

    def without_notes(self) -> Journey:
        """A copy for handing on, with the facilitator's notes left out. The copy works out
        its own answers and plan, so it never shows a plan made with the notes."""
        kept = [e for e in self.events if not isinstance(e, Noted | NoteShared)]
        copied = replace(self, events=kept)
        # Checked as this journey was: the same answers fit.
        copied._fits, copied._checked_against = self._fits, self._checked_against
        return copied

    def versions(self) -> list[Versioned]:
        """Each kept version of the plan, oldest first. Numbers are read as stored; a
        number met again (a hand edit) is left out, so each number names one version."""
        def made() -> list[Versioned]:
            seen: set[int] = set()
            found = []
            for event in self.events:
                if isinstance(event, Versioned) and event.number not in seen:
                    seen.add(event.number)
                    found.append(event)
            return found
        return list(self.remember("versions", made))

    def at_version(self, number: int) -> Journey | None:
        """The journey as it stood when version `number` was kept, read-only in spirit: its
        answers and plan are that version's. None when there is no such version."""
        for version in self.versions():
            if version.number == number:
                end = next(i for i, e in enumerate(self.events) if e is version)
                copied = replace(self, events=self.events[:end + 1])
                copied._fits, copied._checked_against = self._fits, self._checked_against
                return copied
        return None

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
        """Where the journey reopens: the last move, leaving out moves inside a review."""
        return next((e for e in reversed(self.events) if isinstance(e, Moved)
                     and e.step != REVIEW_STEP), None)

    def open_review(self) -> ReviewBegun | None:
        """The latest review begun, while no ReviewEnded after it names it."""
        ended: set[str] = set()
        for event in reversed(self.events):
            if isinstance(event, ReviewEnded):
                ended.add(event.review)
            elif isinstance(event, ReviewBegun):
                return None if event.id in ended else event
        return None

    def review_position(self) -> Moved | None:
        """Where the open review stopped: its last move."""
        for event in reversed(self.events):
            if isinstance(event, ReviewBegun):
                return None
            if isinstance(event, Moved) and event.step == REVIEW_STEP:
                return event
        return None

    @property
    def updated(self) -> datetime:
        return self.events[-1].at if self.events else self.created

    def last_skip(self, step: str) -> datetime | None:
        if self._skips is None:
            self._derive()
        assert self._skips is not None
        return self._skips.get(step)
