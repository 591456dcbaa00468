"""The same conversation as the app, in plain lines: for screen readers, braille displays,
and terminals that cannot show the app. The person types a line and presses Enter.

Nothing here moves the cursor or sends colour: every line goes out through `say`
(journey.plain.lines), which takes terminal codes out of everything, stored text included.
Every answer is saved by the session before the next question is asked. No Textual."""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from journey.content import Journey as Words
from journey.content import Question
from journey.conversation.review import ReviewSession
from journey.conversation.session import Session
from journey.conversation.speech import Speaker
from journey.core import answers
from journey.core.answers import AnswerError
from journey.core.model import Journey, Mode
from journey.plain.actions import Acting
from journey.plain.kinds import Answering
from journey.plain.lines import Action, Ended, pick, pick_many
from journey.plain.money import Recording
from journey.plan import answer_lines
from journey.store.database import Store, StoreError


class Plain(Answering, Recording, Acting):
    """The whole conversation: choosing a journey, who is here, then question by question."""

    def start(self, store: Store, journey_id: str | None, new: bool,
              switched: bool = False, sat: bool = False,
              review: str | None = None) -> Session | None:
        """Open the journey. `switched`: the app was left for these lines; `sat`: in a
        sitting already begun there, so who is here today is not asked again; `review`:
        begin or carry on a review of its plan."""
        words = self.words
        if journey_id and review is not None:
            return self.start_review(store.load(journey_id), store, review)
        if journey_id:
            journey = store.load(journey_id)
        elif new:
            journey = store.create()
        else:
            summaries = store.list()
            journey = None
            if summaries:
                self.message("start_title")
                rows = [f"{s.name or '…'} ({words.message('mode_' + s.mode)}, "
                        f"{words.reached(s.step)}, {words.message('percent', percent=s.percent)})"
                        for s in summaries]
                picked = self.choose([*rows, words.message("start_new")],
                                     words.message("plain_choose_journey"))
                if picked < len(summaries):
                    journey = store.load(summaries[picked].id)
            journey = journey or store.create()
        session = Session(words, store, journey)
        self.session = session
        if not session.claim():
            self.err.write(answers.clean(session.read_only or "") + "\n")  # why it stops: an error
            return None
        if switched:
            self.message("plain_switched")
            question = session.question
            typed = [v for v in session.draft(question.id).values() if v.strip()] if (
                question is not None) else []
            if typed:
                # Typed in the app and not given: said, so it is not lost from sight here.
                self.message("plain_draft_kept", typed="; ".join(typed))
        if not journey.events:
            self.message("welcome")
            self.message("informs")
            self.message("plain_intro")
        elif journey.name is not None and not sat:
            self.sitting()
        return session

    def review_plan(self) -> bool:
        """Typed instead of an answer: review this journey's plan, here and now."""
        from journey.conversation.review import ReviewSession, due_kind, has_plan

        session = self.session
        assert session is not None
        if isinstance(session, ReviewSession):
            self.message("plain_in_review")
            return False
        journey = session.journey
        if not has_plan(journey):
            self.message("review_no_plan_yet")
            return False
        if session.read_only is not None:
            self.message("read_only_refused")
            return False
        review = ReviewSession(self.words, session.store, journey)  # this window holds it
        try:
            if journey.open_review() is None:
                review.begin(self.review_kind(journey, due_kind(journey)))
        except StoreError as e:
            self.message("error_save_plain", reason=e)
            return False
        self.session = review
        return True

    def review_kind(self, journey: Journey, due: str) -> str:
        """Which kind of review to begin: the one due, with an empty line."""
        review = self.words.review
        assert review is not None
        kinds = [k.value for k in review.kinds]
        self.message("review_kind_question")
        about = journey.mode is not Mode.SELF
        return kinds[self.choose([k.wording(journey.name or "", about) for k in review.kinds],
                                 self.words.message("plain_choose"),
                                 default=kinds.index(due))]

    def start_review(self, journey: Journey, store: Store, kind: str) -> Session | None:
        """The review of a journey's plan: its open review where it stopped, or a new one
        of this kind ("": ask which, the one due first)."""
        from journey.conversation.review import ReviewSession, due_kind, has_plan

        words = self.words
        if not has_plan(journey):
            self.err.write(answers.clean(words.message("review_no_plan", id=journey.id)) + "\n")
            return None
        session = ReviewSession(words, store, journey)
        self.session = session
        if not session.claim():
            self.err.write(answers.clean(session.read_only or "") + "\n")
            return None
        if journey.open_review() is None:
            session.begin(kind or self.review_kind(journey, due_kind(journey)))
        self.sitting()
        return session

    def sitting(self) -> None:
        """A saved journey opened again: who is here today?"""
        session, words = self.session, self.words
        assert session is not None
        name = session.name
        self.say()
        self.message("sitting_title", name=name)
        picked = self.choose(session.sitting_options(), words.message("plain_choose"), default=0)
        helper = role = others = ""
        if picked != 0 and list(Mode)[picked - 1] is not Mode.SELF:
            while True:
                try:
                    helper = answers.text(self.read(words.message("sitting_helper"), False))
                    break
                except AnswerError:
                    self.message("error_helper")
            role = self.read(words.message("sitting_role", name=name), False)
        if picked != 0:
            others = self.read(words.message("sitting_others"), False)
        try:
            session.sit_again(picked, helper, role, others)
        except AnswerError as e:
            self.complain(e)
        except StoreError as e:
            self.message("error_save_sitting", reason=e)

    def converse(self) -> None:
        session = self.session
        assert session is not None
        self.talking = True
        shown: str | None = None
        while True:
            session = self.session  # a review begun here ("review") takes over
            assert session is not None
            question = session.question
            if question is None:
                if shown != "":
                    self.finished()
                    if isinstance(session, ReviewSession):
                        raise Ended  # the review is over: nothing more to ask
                    shown = ""
                try:
                    self.read()
                    self.message("plain_finished_hint")
                except Action as a:
                    if self.act(a.name):
                        shown = None
                continue
            if question.id != shown:
                self.show(question)
                shown = question.id
            try:
                self.take(question)
            except Action as a:
                if self.act(a.name):
                    shown = None  # something moved, or the person asked to see it again
                continue
            except StoreError as e:
                self.message("error_save_plain", reason=e)
                continue
            self.suggesting = False
            if session.question is not question:
                self.helpers_done(question.id)

    def show(self, question: Question) -> None:
        """The step (when it opens), the question, why, examples and choices."""
        session, words = self.session, self.words
        assert session is not None
        step = session.flow.step()
        if step is None:
            return
        self.say()
        first = session.flow.questions(step.id)[:1] == [question]
        if first:
            self.say(session.step_heading())
            self.say(session.introduction(step))
            self.say()
        self.say(session.wording(question))
        self.say(words.message("why_prefix")
                 + self.filled(question.why_template(session.about)))
        if question.examples:
            self.say(words.message("examples_prefix")
                     + self.filled("; ".join(question.examples)))
        recalled = session.recalled(question)
        if recalled is not None:
            self.say(session.recall_line(recalled))
            self.message("plain_recall_hint" if recalled.lines else "plain_recall_hint_answer")
        if question.id in session.journey.unfit:
            self.message("plain_fresh_answer")
        earlier = session.journey.answers.get(question.id)
        if earlier is not None and question.id not in session.journey.unfit:
            said = (words.message("not_sure_said") if earlier.unsure else
                    "; ".join(answer_lines(words, question, earlier.value, session.name,
                                           session.about)))
            self.message("plain_earlier", answer=said)
        if self.suggesting:
            self.message("plain_own_words" if session.journey.mode is Mode.HERE
                         else "plain_suggesting", helper=session.journey.helper or "",
                         name=session.name)

    def finished(self) -> None:
        self.say()
        session = self.session
        if isinstance(session, ReviewSession):
            from journey.plan.review import records

            self.message("plain_review_finished", id=session.journey.id,
                         number=len(records(self.words, session.journey)))
        else:
            self.message("plain_finished")


def run(store: Store, journey_id: str | None = None, new: bool = False,
        inp: TextIO | None = None, out: TextIO | None = None, speak: bool = False,
        words: Words | None = None, err: TextIO | None = None, switched: bool = False,
        sat: bool = False, review: str | None = None) -> int:
    """Hold the whole conversation in plain lines. Returns the exit code. A journey that
    cannot be opened is said on `err` (standard error), as every command's errors are.
    `switched`: the app was just left for these lines, with the same journey, and `sat`:
    who is here today was answered there."""
    from journey import content
    from journey.store import settings

    words = words or content.default()
    inp = inp or _readable(sys.stdin)
    out = out or sys.stdout
    speed = settings.load()[0].speed  # a file that cannot be read: the cli has said so
    speaker = Speaker(speed=speed) if speak else None
    plain = Plain(words, inp, out, speaker)
    plain.speed = speed
    plain.err = err or sys.stderr
    if speaker is not None and not speaker.available:
        plain.message("speech_none")
        plain.speaker = None
    session = None
    try:
        session = plain.start(store, journey_id, new, switched, sat, review)
        if session is None:
            return 1
        plain.converse()
    except (Ended, KeyboardInterrupt):
        try:
            plain.say()
            plain.message("plain_bye")
        except BrokenPipeError:
            _reader_gone(out)
    except BrokenPipeError:
        _reader_gone(out)  # whoever read the lines has gone: every answer given is saved
    except KeyError:
        plain.err.write(answers.clean(words.message("error_no_journey", id=journey_id or ""))
                        + "\n")
        return 1
    finally:
        if plain.speaker is not None:
            plain.speaker.stop()
        # The session start() made, even when input ended before it returned (at "who is
        # here today?"): its journey is let go.
        if (session := session or plain.session) is not None:
            session.close()
    return 0


def _reader_gone(out: TextIO) -> None:
    """Output goes nowhere from now on, so closing does not complain about a broken pipe."""
    import os

    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


def _readable(stream: TextIO) -> TextIO:
    """Standard input that reads bytes it cannot decode as a replacement mark, not a crash."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")
    return stream


__all__ = ["Action", "Ended", "Plain", "pick", "pick_many", "run"]
