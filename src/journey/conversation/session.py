"""One person's journey in use: the machine, the saved events and the plan, joined up.

Every method saves before it changes what the person sees, so if saving fails nothing
moves and nothing is lost. No screen code lives here; the UI and the tests drive it alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from journey.content import Choice, Kind, Question, Step, fill, placeholder_values
from journey.content import Journey as Content
from journey.content.glossary import Term, fill_marked, mark, terms_in
from journey.core import circle, fit, progress
from journey.core.answers import AnswerError, clean_name, short, show_moment
from journey.core.answers import text as clean_text
from journey.core.flow import FINISHED, WELCOME, Flow
from journey.core.model import (
    SHORT_QUESTIONS,
    Answered,
    Confirmed,
    Event,
    Journey,
    Mode,
    MoneyKept,
    MoneyRemoved,
    MoneyRule,
    Moved,
    Noted,
    NoteShared,
    Sat,
    Skipped,
    Undone,
    Versioned,
)
from journey.core.progress import Status
from journey.core.saving import JourneyInUse, Recorder, StoreError
from journey.plan import Plan, Snapshot, answer_lines, build, compare, snapshot, versions
from journey.plan.compare import Comparison
from journey.plan.parts.sections import Section
from journey.plan.parts.sections import derive as plan_sections
from journey.plan.readiness import Finding
from journey.plan.versions import Version

PRONOUNS_QUESTION = "welcome.pronouns"

__all__ = ["Recalled", "Session", "Status"]

# Errors that point to "not sure yet", which a question that must be answered does not offer.
_NOT_SURE_ERRORS = frozenset({"error_empty", "error_no_items"})


def refusal(error: AnswerError, question: Question | None) -> AnswerError:
    """The error to show for an answer refused: for a question that must be answered, one
    that says so, never one pointing to a "not sure yet" it does not offer."""
    if question is not None and question.required and error.key in _NOT_SURE_ERRORS:
        return AnswerError("error_required")
    return error



@dataclass(frozen=True)
class Recalled:
    """An earlier answer a question needs, shown with it so it can be changed, not asked
    again. `lines` is empty when the earlier question has no answer yet."""

    question: Question
    lines: list[str]
    unsure: bool = False


class Session:
    def __init__(self, content: Content, store: Recorder, journey: Journey) -> None:
        self.content = content
        self.store = store
        self.journey = fit.check(content, journey)
        # Why this journey can only be looked at here (another process is changing it).
        self.read_only: str | None = None
        # Events recorded inside `together`, saved as one when it ends.
        self._held: list[Event] | None = None
        where = journey.position
        self.flow = Flow(
            content,
            journey.values,
            step=where.step if where else WELCOME,
            question=where.question if where else None,
        )

    # -- what the person sees ------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self.flow.question

    @property
    def name(self) -> str:
        return self.journey.name or ""

    @property
    def about(self) -> bool:
        """Speak about the person by name, rather than to them."""
        return self.journey.mode is not Mode.SELF and bool(self.journey.name)

    @property
    def pronouns(self) -> dict[str, str] | None:
        """The words chosen for talking about the person, put into wording as plain text."""
        chosen = self.journey.value(PRONOUNS_QUESTION)
        if chosen not in ("they", "she", "he"):
            return None  # the person's name is used instead
        return {"their": self.content.message("their_" + chosen),
                "them": self.content.message("them_" + chosen)}

    def wording(self, question: Question) -> str:
        return question.wording(self.name or self.content.message("someone"), self.about,
                                self.pronouns)

    @property
    def placeholders(self) -> dict[str, str]:
        """What the placeholders in wording become for this person, as plain text."""
        return placeholder_values(self.name or self.content.message("someone"), self.pronouns)

    def why(self, question: Question) -> str:
        """Why the question is asked, to the person or about them by name."""
        return fill(question.why_template(self.about),
                    self.name or self.content.message("someone"), self.pronouns)

    def choices(self, question: Question) -> list[Choice]:
        """The choices offered now: one that contradicts an earlier answer is left out; the
        one already chosen is always kept, so it can be seen and kept."""
        if not question.choices:
            return []
        given = self.journey.values()
        chosen = given.get(question.id)
        picked = {v for v in (chosen if isinstance(chosen, list) else [chosen])
                  if isinstance(v, str)}
        offered = question.offered(given)
        return [c for c in question.choices if c in offered or c.value in picked]

    def options(self, question: Question) -> list[tuple[str, str]]:
        """What can be chosen now, as (value, words shown): yes and no for a yes/no
        question, else the choices offered, in words that follow the mode."""
        if question.kind is Kind.YESNO:
            return [("yes", self.content.message("yes")), ("no", self.content.message("no"))]
        return [(c.value, self.choice_label(question, c.value)) for c in self.choices(question)]

    def step_heading(self) -> str:
        """"Step 5 of 12: Circle of support", or the step's title where it is not counted."""
        step = self.flow.step()
        if step is None:
            return ""
        steps = self.flow.step_ids
        if step.id not in steps:
            return step.title
        return self.content.message("step_intro", number=steps.index(step.id) + 1,
                                    total=len(steps), title=step.title)

    def choice_label(self, question: Question, value: str) -> str:
        return question.choice_label(value, self.name or self.content.message("someone"),
                                     self.about, self.pronouns)

    def recalled(self, question: Question) -> Recalled | None:
        """The earlier answer this question needs, while that question still applies."""
        if question.recall is None:
            return None
        earlier = self.content.question(question.recall)
        if not self.snapshot().applies(earlier.id):
            return None
        answer = self.journey.answers.get(earlier.id)
        if answer is None:
            return Recalled(earlier, [])
        if answer.unsure:
            return Recalled(earlier, [], unsure=True)
        return Recalled(earlier, answer_lines(self.content, earlier, answer.value, self.name,
                                              self.about))

    def recall_line(self, recalled: Recalled) -> str:
        """An earlier answer, in words, said with the later question that needs it."""
        words = self.content
        step = words.step_of(recalled.question.id).title
        label = recalled.question.label
        if recalled.unsure:
            return words.message("recall_unsure", step=step, label=label)
        if not recalled.lines:
            return words.message("recall_not_yet", step=step, label=label)
        return words.message("recall_said", step=step, label=label,
                             answer="; ".join(recalled.lines))

    def explained(self, question: Question) -> tuple[list[Term], list[str]]:
        """The glossary words in what a question says (with the step's introduction when it
        opens the step), and the ids of the sources its facts come from, each once."""
        words = self.content
        step = self.content.step_of(question.id)
        texts = [question.template(self.about), question.why_template(self.about),
                 *question.examples]
        sources: list[str] = []
        if self.flow.questions(step.id)[:1] == [question]:
            texts.insert(0, step.intro_template(self.about))
            sources += step.sources
        pieces = []
        for text in texts:
            pieces += fill_marked(text, words, self.placeholders)
        for choice in self.choices(question):
            pieces += mark(choice.label_template(self.about), words)
        sources += question.sources
        return terms_in(pieces), list(dict.fromkeys(sources))

    def candidates(self, question: Question) -> list[tuple[dict[str, str], str]]:
        """Who can be picked for a question about a person, with how each is shown."""
        return [(p, circle.pick_label(self.content, self.journey, p, self.about))
                for p in circle.candidates(self.content, self.journey, question)]

    def introduction(self, step: Step) -> str:
        return step.introduction(self.name or self.content.message("someone"), self.about,
                                 self.pronouns)

    def plan(self) -> Plan:
        return build(self.content, self.journey)

    def sections(self) -> list[Section]:
        """The plan's sections as they stand (the plan panel beside the questions), worked
        out alone, without the rest of the plan, once per change."""
        return self.journey.remember("sections", lambda: plan_sections(self.snapshot()))

    def snapshot(self) -> Snapshot:
        """The answers that count, folded once per change (journey.plan.snapshot)."""
        return snapshot(self.content, self.journey)

    def status(self, step_id: str) -> Status:
        return progress.status(self.content, self.journey, step_id)

    def statuses(self) -> dict[str, Status]:
        return progress.statuses(self.content, self.journey)

    def percent_done(self) -> int:
        return progress.percent_done(self.content, self.journey)

    def needs_fresh(self) -> set[str]:
        """Steps with a saved answer that could not be read, to be asked again."""
        return {self.content.step_of(q).id for q in self.snapshot().needs_fresh}

    # -- one writer per journey ----------------------------------------------------------

    def claim(self) -> bool:
        """Take the journey for writing while it is open here. If another journey process
        has it, this session can only look: read_only says why."""
        if not self.journey.events:
            return True  # a new journey: no one else can have it yet
        try:
            self.store.lock(self.journey.id)
        except JourneyInUse as e:
            self.read_only = str(e)
            return False
        return True

    def close(self) -> None:
        if self.read_only is None:
            self.store.release(self.journey.id)

    def _writable(self) -> None:
        if self.read_only is not None:
            raise JourneyInUse(self.read_only)

    # -- saving: what one action records is saved as one ---------------------------------

    @contextmanager
    def together(self) -> Iterator[None]:
        """Everything recorded inside is saved as one when the block ends: every event or
        none (an answer and the move it makes, say). If saving fails, StoreError is raised
        and the journey, and where the person is in it, are as they were before the block.
        A block inside another joins it."""
        if self._held is not None:
            yield
            return
        held: list[Event] = []
        place = self.flow.place
        self._held = held
        try:
            yield
            if held:
                self.store.save(self.journey, held)
        except BaseException:
            for event in reversed(held):
                self.journey.forget(event)
            self.flow.place = place
            raise
        finally:
            self._held = None

    def _record(self, event: Event) -> None:
        held = self._held
        if held is None:
            self.store.record(self.journey, event)
        else:
            self.journey.record(event)  # seen at once by the flow; saved as the block ends
            held.append(event)

    # -- what the person does ------------------------------------------------------------

    def answer(self, value: Any, *, unsure: bool = False, move_on: bool = True,
               suggested: bool = False, joins: str | None = None) -> None:
        """Save an answer to the current question, then (usually) move to the next one.
        `suggested`: the facilitator offers this answer; the person has not yet said it.
        `joins`: the answer names someone new, who joins the circle of support in this ring
        (saved first, so the person picked is never missing from the circle)."""
        question = self.flow.question
        if question is None:
            return
        self._writable()
        if question.id in SHORT_QUESTIONS and isinstance(value, str) and not unsure:
            value = short(value)  # a name: unseen characters out, and not left empty
        by, role = self.journey.speaker(question.id, suggested=suggested)
        # The event cleans what was typed as it is made (journey.core.model).
        answered = Answered(question=question.id, value=None if unsure else value,
                            unsure=unsure, by=by, role=role)
        if not unsure and not fit.fits(question, answered.value):
            # Nothing is saved that could not be read back as an answer to this question.
            raise AnswerError("error_unreadable")
        with self.together():
            if joins is not None and not unsure:
                members = circle.joined(self.content, self.journey, answered.value, joins)
                if members is not None:
                    by, role = self.journey.speaker(circle.CIRCLE_QUESTION,
                                                    suggested=suggested)
                    self._record(Answered(question=circle.CIRCLE_QUESTION, value=members,
                                          by=by, role=role))
            self._record(answered)
            if move_on:
                self.next()

    def begin_sitting(self, mode: Mode, helper: str | None = None,
                      helper_role: str | None = None, present: list[str] | None = None) -> None:
        """A new sitting: who is planning this time, and who is in the room."""
        self._writable()
        helper = short(helper) if mode is not Mode.SELF and helper else None
        role = short(helper_role) if helper and clean_name(helper_role or "").strip() else None
        people = [short(p) for p in present or [] if clean_name(p).strip()]
        self._record(Sat(mode=mode, helper=helper, helper_role=role, present=people))

    def sitting_options(self) -> list[str]:
        """Who may be here today, for a saved journey opened again: first "the same as last
        time", then each way of planning (in the order of Mode)."""
        words, journey, name = self.content, self.journey, self.name
        last = words.message("sitting_last_" + journey.mode, name=name,
                             helper=journey.helper or words.message("someone"))
        return [words.message("sitting_same", last=last),
                *[words.message("sitting_" + m, name=name) for m in Mode]]

    def sit_again(self, picked: int, helper: str = "", role: str = "",
                  others: str = "") -> None:
        """A new sitting from the choice made among sitting_options (0: the same as last
        time), the helper's name and how they know the person, and anyone else here (names
        with commas between). Raises AnswerError when a helper is needed and not named."""
        journey = self.journey
        if picked == 0:
            last = journey.sittings()[-1]
            self.begin_sitting(journey.mode, journey.helper, journey.helper_role,
                               list(last.present))
            return
        mode = list(Mode)[picked - 1]
        named = role_named = None
        if mode is not Mode.SELF:
            try:
                named = clean_text(helper)
            except AnswerError:
                raise AnswerError("error_helper") from None
            role_named = role.strip() or None
        present = [*((self.name,) if mode is not Mode.BEHALF else ()), named or "",
                   *others.split(",")]
        self.begin_sitting(mode, named, role_named, present)

    def confirm(self, question_id: str) -> None:
        """The person says a suggested answer is theirs."""
        self.confirm_all([question_id])

    def confirm_all(self, question_ids: list[str]) -> None:
        """The person says these suggested answers are theirs, all saved together."""
        self._writable()
        with self.together():
            for question_id in question_ids:
                self._record(Confirmed(question=question_id, by=self.name))

    def note(self, words: str, *, in_plan: bool = False, next_step: bool = False) -> Noted:
        """A facilitator's note, kept with the journey. Raises AnswerError if empty."""
        self._writable()
        note = Noted(text=clean_text(words), by=self.journey.helper or self.name,
                     step=self.flow.state, in_plan=in_plan, next_step=next_step)
        self._record(note)
        return note

    def share_note(self, note_id: str, in_plan: bool) -> None:
        self._writable()
        self._record(NoteShared(note=note_id, in_plan=in_plan))

    def keep_money(self, event: MoneyKept | MoneyRemoved | MoneyRule) -> None:
        """A line of the direct-payment record, a line taken out, or a rule for it: saved
        before anything shows it."""
        self._writable()
        self._record(event)

    def keep_version(self, review: str | None = None) -> Versioned | None:
        """Keep the plan as it stands as its next version, when it has none yet or its
        answers changed since the last (journey.plan.versions.keep_version), saved as one
        with whatever else the block it is called in records. None when nothing changed."""
        from journey.plan.versions import keep_version

        self._writable()
        with self.together():
            version = keep_version(self.journey, self.journey.speaker("")[0], review)
            if version is not None:
                self._record(version)
        return version

    def versions(self) -> list[Version]:
        """The plan's kept versions that count, oldest first (journey.plan.versions)."""
        return versions.kept(self.journey)

    def version_said(self, version: Version) -> str:
        """"Version 2, kept on 3 May 2027, after a light check"."""
        return compare.kept_words(self.content, version)

    def version_plan(self, number: int) -> Plan | None:
        """The plan as it was at version `number`, titled with its number; None when
        there is no such version. Only to look at: nothing here changes the journey."""
        found = versions.find(self.journey, number)
        if found is None:
            return None
        built = build(self.content, versions.at(self.journey, found))
        return replace(built, title=self.content.message("version_title", title=built.title,
                                                         number=number))

    def comparison(self, first: int, second: int) -> Comparison | None:
        """What changed in the plan from version `first` to `second`; None when either is
        not a version."""
        one, other = versions.find(self.journey, first), versions.find(self.journey, second)
        if one is None or other is None:
            return None
        return compare.compare(self.content, self.journey, one, other)

    def next(self) -> bool:
        return self._move(self.flow.next)

    def back(self) -> bool:
        return self._move(self.flow.back)

    def skip_step(self) -> bool:
        step = self.flow.state
        if step not in self.flow.step_ids or self.flow.blocked():
            return False
        self._writable()
        # The skip and the move it makes are saved together, before either shows.
        with self.together():
            self._record(Skipped(step=step))
            return self._move(lambda: self.flow.skip_step() is not None)

    def go_to(self, step_id: str) -> bool:
        return self._move(lambda: self.flow.go_to(step_id))

    def go_to_question(self, question_id: str) -> bool:
        """Go to the question where something can be put right (from the readiness check)."""
        step = self.content.step_of(question_id).id
        return self._move(lambda: self.flow.go_to(step, question_id))

    def return_to(self, step_id: str, question_id: str | None) -> bool:
        """Back to where the person was before going elsewhere (from the map or the
        check). The end of the journey is reached by moving on, not by going to it."""
        if step_id == FINISHED:
            def to_the_end() -> bool:
                moved = False
                while not self.flow.finished and self.flow.next():
                    moved = True
                return moved
            return self._move(to_the_end)
        return self._move(lambda: self.flow.go_to(step_id, question_id))

    def undo(self, question_id: str) -> bool:
        """Take back the last change to an answer. The undo is saved as a change of its own,
        so the history keeps it. The person stays where they are, unless the question they
        are on no longer applies; or, at the end of the journey, the question undone now
        needs an answer, and they go to it."""
        if not self.journey.can_undo(question_id):
            return False
        self._writable()
        by, role = self.journey.speaker(question_id)
        with self.together():  # the undo, and the move it may make, saved as one
            self._record(Undone(question=question_id, by=by, role=role))
            step = self.flow.state
            if (self.finished and question_id not in self.journey.answers
                    and self.snapshot().applies(question_id)):
                self.go_to_question(question_id)
                return True
            if self.flow.question_id not in [q.id for q in self.flow.questions(step)]:
                self.go_to(step if self.flow.applies(step) else WELCOME)
        return True

    def keep_draft(self, fields: dict[str, str], question_id: str | None = None) -> bool:
        """Keep what is typed in the box for a question (this one unless named), not as an
        answer: if the person goes, or the window closes, it is put back next time. True
        when something is kept. Raises StoreError if it cannot be."""
        question_id = question_id or self.flow.question_id
        if question_id is None or self.read_only is not None:
            return False
        return self.store.keep_draft(self.journey.id, question_id, fields)

    def draft(self, question_id: str) -> dict[str, str]:
        """What was typed towards a question and not given, to put back in its box."""
        if self.read_only is not None or not self.journey.events:
            return {}
        try:
            return self.store.draft(self.journey.id, question_id)
        except StoreError:
            return {}  # only a draft: the question is asked as usual

    def history(self, question_id: str) -> list[Answered | Undone]:
        return self.journey.history(question_id)

    def changed(self) -> list[str]:
        """Questions with any change in the history, the most recently changed first."""
        known = {q.id for s in self.content.all_steps for q in s.questions}
        latest: dict[str, int] = {}
        for n, event in enumerate(self.journey.events):
            if isinstance(event, Answered | Undone) and event.question in known:
                latest[event.question] = n
        return sorted(latest, key=latest.__getitem__, reverse=True)

    def said(self, answer: Answered | None) -> str:
        """An answer in words, for the history: "not sure yet", or no answer at all."""
        words = self.content
        if answer is None:
            return words.message("history_no_answer")
        if answer.unsure:
            return words.message("not_sure")
        question = words.question(answer.question)
        return "; ".join(answer_lines(words, question, answer.value, self.name))

    def change_lines(self, question_id: str) -> list[str]:
        """Each change to an answer, oldest first: when, who, and what it became."""
        words, lines = self.content, []
        for change in self.history(question_id):
            who = change.by or words.message("someone")
            when = show_moment(change.at)
            if isinstance(change, Undone):
                lines.append(words.message("history_undone", when=when, who=who))
            else:
                lines.append(words.message("history_change", when=when, who=who,
                                           answer=self.said(change)))
        return lines

    def finding_where(self, finding: Finding) -> str:
        """Where in the journey a finding of the readiness check is put right."""
        words = self.content
        step = words.message("check_step", number=finding.step_number,
                             title=finding.step_title) if finding.step_number else (
            finding.step_title)
        return words.message("check_where", step=step, question=finding.question_label)

    def finding_worth(self, finding: Finding) -> str:
        """"Worth checking:" before a finding that does not stop the council agreeing."""
        return "" if finding.blocks else self.content.message("check_worth_checking")

    def _move(self, move: Callable[[], bool]) -> bool:
        """Move, and save where the person is now. If that cannot be saved, they stay where
        they were (see `together`)."""
        with self.together():
            moved = move()
            # A journey open only to look at moves on screen, but its place is not saved.
            if moved and self.read_only is None:
                self._record(Moved(step=self.flow.state, question=self.flow.question_id))
        return moved

    @property
    def finished(self) -> bool:
        return self.flow.state == FINISHED
