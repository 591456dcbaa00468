"""The conversation: one question at a time, the chat so far, and the plan beside it."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Static

from journey.content import Question, Term
from journey.conversation.session import Recalled, Session, refusal
from journey.core.answers import AnswerError
from journey.core.model import Answered, Mode, Noted
from journey.plan import answer_lines, attribution
from journey.store.database import StoreError
from journey.tui.answer import AnswerBox, Given, Invalid
from journey.tui.boxes import answer_box, reused
from journey.tui.chat import ChatLog
from journey.tui.facilitator import FacilitatorPanel
from journey.tui.findings import finished
from journey.tui.keys import NARROW, KeyBar, first_line
from journey.tui.more import MorePanel
from journey.tui.plan_panel import PlanPanel
from journey.tui.tidy import EVERY, empty_caches
from journey.tui.typeahead import CatchesKeys, Holds
from journey.tui.words import (
    choice_terms,
    intro_content,
    plain_content,
    question_content,
    unique,
)

REPLAY = 20  # answers shown again in the chat when a saved journey is opened
SHORT = 32  # rows: below this the screen keeps only what answering needs
CATCH_UP = 0.25  # seconds: the chat and the plan are brought up to date by then at the latest
GC_WAITS = 0.05  # seconds after that before the garbage collector runs again
# The ways of planning where one answer at a time can be marked, and the switch's words
# (unmarked, marked): a helper's suggestion, or the person's own words when someone plans
# for them while they take part.
MARKS = {Mode.WITH: ("speaker_person", "speaker_helper"),
         Mode.HERE: ("speaker_for", "speaker_own")}
DRAFT_WAIT = 0.4  # seconds of no typing before what is typed is kept as a draft


@dataclass(frozen=True)
class Detour:
    """Where the person was before going to a step from the map, or to a question from
    the check, so that answering brings them back rather than on through steps done."""

    step: str
    question: str | None
    target: str  # the step gone to
    fix: str | None = None  # from the check: back (and to the check) once this is answered
    to_check: bool = True  # after the fix, the check again (not after changing a recall)
    resume: Detour | None = None  # the detour this one was taken from, to carry on after


class ConversationScreen(CatchesKeys, Screen[None]):
    # Keys chosen so none is taken by the text box (ctrl+e, ctrl+k and others edit text).
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+n", "not_sure", "Not sure yet", id="not-sure", priority=True),
        Binding("ctrl+b", "back", "Back", id="back", priority=True),
        Binding("ctrl+l", "skip", "Skip step", id="skip", priority=True),
        Binding("ctrl+g", "map", "Journey map", id="map", priority=True),
        Binding("ctrl+o", "export", "Save plan", id="export", priority=True),
        Binding("ctrl+t", "more", "Tell me more", id="more", priority=True),
        Binding("ctrl+r", "words", "Words", id="words", priority=True),
        Binding("ctrl+y", "check", "Check plan", id="check", priority=True),
        # For a facilitator: listed in their own panel, not in the key bar.
        Binding("f3", "speaker", "Who is speaking", id="speaker", priority=True, show=False),
        Binding("f4", "notes", "Notes", id="notes", priority=True, show=False),
        Binding("f5", "agree", "Agree suggestions", id="agree", priority=True, show=False),
        Binding("f6", "summary", "Sitting summary", id="summary", priority=True, show=False),
        Binding("f2", "toggle_facilitator", "Show or hide helper notes",
                id="toggle-facilitator", priority=True, show=False),
        Binding("ctrl+z", "history", "History", id="history", priority=True),
        Binding("f10", "money", "Money record", id="money", priority=True, show=False),
        Binding("f8", "read_aloud", "Read aloud", id="read-aloud", priority=True, show=False),
        # Only on a narrow screen, where the plan is folded away (the key bar says so then).
        Binding("f9", "toggle_plan", "Plan: show or hide", id="toggle-plan",
                priority=True),
        # Only with a question that shows an earlier answer, which says so itself.
        Binding("f7", "change_earlier", "Change earlier answer", id="change-earlier",
                priority=True, show=False),
    ]
    FACILITATOR_ACTIONS = frozenset({"speaker", "notes", "agree", "summary",
                                     "toggle_facilitator"})
    # Textual repaints the whole screen when the focus moves, and it moves twice with each
    # answer (to the screen while the next box is built, then into it). The widgets whose
    # look depends on the focus redraw themselves; the rest of the screen need not.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.words = session.content
        self.suggesting = False  # the next answer is the facilitator's suggestion
        self.facilitator_hidden = False
        # A journey that already has a name is being resumed: a new sitting begins.
        self.resumed = session.journey.name is not None
        self.terms: list[Term] = []  # glossary words on screen now
        self.sources: list[str] = []  # sources of the facts on screen now
        self.detour: Detour | None = None
        self.introduced: str | None = None  # the step whose introduction the chat has said
        self.recalled: Recalled | None = None  # the earlier answer shown with this question
        # What can wait until the next question is on screen: the chat, the plan, the
        # helper's panel. Done in order, in the turn after that frame is painted.
        self._later: list[Callable[[], None]] = []
        self._side_due = False  # the plan and the helper's panel are to be redrawn
        self._answered: list[str | None] = []  # what was answered since they were drawn
        self._gc_paused = False  # the collector waits until the question is painted
        self._shown = 0  # questions shown: the libraries' caches are emptied every few
        self._now = False  # do at once what would otherwise wait for the next frame
        self._catching_up: Timer | None = None
        self._gc_waits: Timer | None = None
        self._box: AnswerBox | None = None  # the answer box on screen, once made
        # What is typed and not given, waiting to be kept as a draft: (question, fields).
        self._draft_due: tuple[str, dict[str, str]] | None = None
        self._draft_kept: tuple[str, dict[str, str]] | None = None  # the last kept
        self._draft_timer: Timer | None = None
        self._draft_back = False

    def compose(self) -> ComposeResult:
        yield first_line(self.words)
        yield Header()
        read_only = Static(self.words.message("read_only_banner"), id="read-only",
                           markup=False)
        read_only.display = self.session.read_only is not None
        yield read_only
        with Horizontal(id="main"):
            with Vertical(id="talk"):
                yield ChatLog(id="chat")
                # The question and its answer box come first, so on a small screen they
                # stay in sight; why we ask and the examples follow, and may scroll.
                with Vertical(id="ask"):
                    yield Static(id="step-title", markup=False)
                    yield Static(id="question", markup=False)
                    with Horizontal(id="speaker-row"):
                        yield Static(self.words.message("speaker_label"), markup=False)
                        yield Button("", id="speaker", compact=True)
                    # The first answer box is composed with the screen, so it can take
                    # the focus before the first key arrives.
                    with Vertical(id="answer-slot"):
                        if self.session.question is not None:
                            yield self._answer_box()
                    yield Static(id="error", markup=False)
                    yield Static(id="recall", markup=False)
                    yield Static(id="why", markup=False)
                    yield Static(id="examples", markup=False)
                    yield MorePanel(id="more")
                    with Horizontal(id="actions"):
                        # Shown only at the end of the journey.
                        yield Button(self.words.message("end_save"), id="export",
                                     variant="primary")
                        yield Button(self.words.message("end_check"), id="check")
                        yield Button(self.words.message("start_review"), id="review-plan")
                        yield Button(self.words.message("recall_change"), id="change-earlier")
                        yield Button(self.words.message("not_sure"), id="not-sure")
                        yield Button(self.words.message("back"), id="back")
                        yield Button(self.words.message("skip"), id="skip")
                        yield Button(self.words.message("map"), id="map")
            with Vertical(id="side"):
                yield FacilitatorPanel(self.FACILITATOR_ACTIONS)
                yield PlanPanel(self.words, id="plan")
        yield KeyBar()

    AUTO_FOCUS = "#answer-slot Input, #answer-slot OptionList, #answer-slot SelectionList"
    HOLDERS = "#answer-slot *"  # only answer boxes hold keys typed after Enter

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._painted, immediate=True)
        self._replay()
        self._now = True  # the first screen is drawn whole, in its first frame
        self.show_question(new_box=False)
        self._now = False
        self._fit(self.app.size.height)
        if self.resumed:
            self.call_after_refresh(self._new_sitting)

    def _new_sitting(self) -> None:
        from journey.tui.screens.sitting import SittingScreen

        if self.session.read_only is not None:
            return  # a journey open elsewhere is only looked at: no sitting to record

        def sat(_changed: bool | None) -> None:
            self._show_helping()
            aloud = getattr(self.app, "aloud", None)
            if aloud is not None:
                aloud.shown(self.session)  # the question, now it can be answered

        self.app.push_screen(SittingScreen(self.session), sat)

    def _show_helping(self) -> None:
        """The facilitator's panel and the who-is-speaking switch follow the mode."""
        self._show_panel()
        self._show_speaker()

    def _show_panel(self) -> None:
        helping = self.session.journey.mode is not Mode.SELF
        panel = self.query_one(FacilitatorPanel)
        panel.display = helping and not self.facilitator_hidden
        if panel.display:
            panel.show(self.session)

    def _show_speaker(self) -> None:
        """Who is speaking goes with the question, so it is shown with it."""
        journey = self.session.journey
        speaker = self.query_one("#speaker", Button)
        row = self.query_one("#speaker-row")
        question = self.session.question
        # The welcome's questions are about the sitting: the helper answers those.
        row.display = journey.mode in MARKS and question is not None and (
            self.session.content.step_of(question.id) is not self.session.content.welcome)
        if row.display:
            keys = MARKS[journey.mode]
            speaker.label = Content(self.words.message(
                keys[1] if self.suggesting else keys[0],
                name=self.session.name, helper=journey.helper or ""))
            speaker.set_class(self.suggesting, "suggesting")
            # A new label is a new width: without this the longer one is cut off.
            speaker.refresh(layout=True)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height, event.size.width)

    def _fit(self, height: int, width: int | None = None) -> None:
        """On a short terminal keep the rows for the question and its answer; on a narrow
        one give the conversation the width, and fold the plan away behind a key."""
        self.set_class(height < SHORT, "-short")
        narrow = (width if width is not None else self.app.size.width) < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if not narrow and self.has_class("-plan-open"):
                self.action_toggle_plan()
            self.refresh_bindings()

    def action_toggle_plan(self) -> None:
        """On a narrow screen: the plan in place of the conversation, and back again."""
        opening = not self.has_class("-plan-open") and self.has_class("-narrow")
        self.set_class(opening, "-plan-open")
        if opening:
            self._catch_up()  # the plan as it is now
            self.query_one(PlanPanel).focus()
        elif self._box is not None and (first := self._box.first()) is not None:
            first.focus()

    # -- showing -------------------------------------------------------------------------

    def _after_paint(self, work: Callable[[], None]) -> None:
        """Do `work` once the next frame is painted, after any work put off before it, so
        the question is never kept waiting for the chat or the plan beside it."""
        if self._now:
            work()
            return
        self._later.append(work)
        if len(self._later) == 1:
            # Done after the next layout's frame is written (_painted); the timer is for
            # when no frame comes, as under a dialog. call_after_refresh is not enough: it
            # runs at once if the screen goes idle before the widgets ask to be redrawn.
            self._catching_up = self.set_timer(CATCH_UP, self._catch_up)
            # Only a frame with a layout says it was written: make sure the next has one.
            self.refresh(repaint=False, layout=True)

    def _painted(self, _screen: Screen) -> None:
        """A frame was just written: what waited for it is done next."""
        if self._later:
            self.call_next(self._catch_up)

    def _catch_up(self) -> None:
        if not self._later:
            return
        if self._catching_up is not None:
            self._catching_up.stop()
            self._catching_up = None
        work, self._later = self._later, []
        if not self.is_attached:
            return  # the app is closing: nothing left to show
        try:
            for do in work:
                do()
        finally:
            if self._gc_paused:
                # A moment later, not at once: now and then this runs just before the
                # frame is written rather than just after.
                self._gc_waits = self.set_timer(GC_WAITS, self._resume_gc)

    def _show_side(self, answered: str | None = None) -> None:
        """The plan and the helper's panel, redrawn after the question is painted."""
        if answered is not None:
            self._answered.append(answered)
        if not self._side_due:
            self._side_due = True
            self._after_paint(self._draw_side)

    def _draw_side(self) -> None:
        # Answers typed in a burst are drawn together: the plan follows the last one.
        answered, self._answered = self._answered, []
        latest = answered[-1] if len(answered) > 1 else None
        self._side_due = False
        self.query_one(PlanPanel).show(self.session.plan(), latest)
        self._show_panel()

    def _say_later(self, text: str | Content) -> None:
        if isinstance(text, str):  # what journey says back; the step's introduction is read
            self._tell(text)       # with its question
        self._after_paint(lambda: self.query_one(ChatLog).say(text))

    def _tell(self, text: str) -> None:
        aloud = getattr(self.app, "aloud", None)
        if aloud is not None:
            aloud.tell(text)

    def _pause_gc(self) -> None:
        """A full pass of the garbage collector takes tens of milliseconds late in a long
        sitting: keep it from falling between Enter and the next question's first frame."""
        if self._gc_waits is not None:
            self._gc_waits.stop()  # answers in a burst: it waits until the last is shown
            self._gc_waits = None
        if not self._gc_paused and gc.isenabled():
            gc.disable()
            self._gc_paused = True

    def _resume_gc(self) -> None:
        self._gc_waits = None
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def _replay(self) -> None:
        """Put the last few answers back in the chat, so a resumed journey has context."""
        chat = self.query_one(ChatLog)
        if not self.session.journey.events:
            for key in ("welcome", "informs"):
                chat.say(self.words.message(key))
                self._tell(self.words.message(key))  # read before the first question
            return
        known = {q.id for s in self.words.all_steps for q in s.questions}
        for answer in [a for a in self.session.journey.answers.values()
                       if a.question in known][-REPLAY:]:
            self._say_answer(answer.question)

    def _say_answer(self, question_id: str, later: bool = False) -> None:
        session, words = self.session, self.words
        question = words.question(question_id)
        answer = session.journey.answers.get(question_id)
        if answer is None:
            return
        if later:  # the answer as it stands now, said once the next question is painted
            self._after_paint(lambda: self._say(question, answer))
        else:
            self._say(question, answer)

    def _say(self, question: Question, answer: Answered) -> None:
        session, words = self.session, self.words
        if answer.unsure:
            text: str | list[str] = words.message("not_sure_said")
        else:
            text = answer_lines(words, question, answer.value, session.name, session.about)
        self.query_one(ChatLog).exchange(
            session.wording(question), text, attribution(words, answer, session.journey)
        )

    def _answer_box(self) -> Widget:
        question = self.session.question
        assert question is not None
        box = answer_box(question, self.session)
        self._box = box if isinstance(box, AnswerBox) else None
        if self._box is not None:
            self._box.draft = self._draft_for(question)
        return box

    def _draft_for(self, question: Question) -> dict[str, str]:
        """What was typed towards this question and not given, to put back in its box."""
        draft = self.session.draft(question.id)
        self._draft_kept = (question.id, draft)
        self._draft_back = bool(draft)  # said in the chat once the question is shown
        return draft

    def show_question(self, new_box: bool = True) -> None:
        session, words = self.session, self.words
        self._shown += 1
        if self._shown % EVERY == 0:
            # Once this question is painted, as the chat and the plan are brought up to
            # date: memory stays flat through a long sitting (journey.tui.tidy).
            self._after_paint(empty_caches)
        question = session.question
        step = session.flow.step()
        aloud = getattr(self.app, "aloud", None)
        if aloud is not None:
            # Stop reading the last question; read this one if asked, with the step's
            # introduction the first time the chat says it.
            aloud.shown(session, introduced=step is not None and self.introduced != step.id)
        # A saved answer that could not be read is asked again: say why.
        if question is not None and question.id in session.journey.unfit:
            error = self.query_one("#error", Static)
            error.update(words.message("fresh_answer"))
            error.display = True
        else:
            self._clear_error()
        self._show_side()
        self._show_speaker()
        slot = self.query_one("#answer-slot")
        # A journey open in another window is only looked at: nothing can be typed here.
        slot.disabled = session.read_only is not None
        at_end = question is None or step is None
        # The next question of the same kind is asked in the box already there.
        box = self._box
        if (new_box and question is not None and step is not None and box is not None
                and reused(box, question, session)):
            new_box = False
            box.put_back(self._draft_for(question))
            self.app.call_later(box.focus_first)  # as a new box does once mounted
        if new_box:
            self._box = None
            slot.remove_children()
        self.set_class(at_end, "-finished")
        for button in ("#export", "#check"):
            self.query_one(button).display = at_end
        self.query_one("#review-plan").display = at_end and self.can_review()
        if question is None or step is None:
            self.query_one("#step-title", Static).update("")
            self.query_one("#question", Static).update(self.finished_words())
            for part in ("#why", "#examples"):
                self.query_one(part, Static).update("")
            self._show_recall()
            self.query_one("#not-sure").display = False
            self.query_one("#skip").display = False
            self.sub_title = ""
            self.introduced = None
            self.call_after_refresh(self.query_one("#export").focus)
            return
        steps = session.flow.step_ids
        title = (
            words.message("step_intro", number=steps.index(step.id) + 1, total=len(steps),
                          title=step.title)
            if step.id in steps else step.title
        )
        self.sub_title = title
        self.query_one("#step-title", Static).update(Content(title))
        first = session.flow.questions(step.id)[:1] == [question]
        asked, self.terms = question_content(session, step, question, False)
        if first:
            # The step's introduction goes into the chat, where it scrolls away, so the
            # question itself is never pushed below the screen.
            intro, intro_terms = intro_content(session, step)
            self.terms += intro_terms
            if self.introduced != step.id and intro:
                self._say_later(intro)
        self.introduced = step.id
        self.query_one("#question", Static).update(asked)
        why, more_terms = plain_content(question.why_template(session.about), session,
                                        words.message("why_prefix"))
        self.query_one("#why", Static).update(why)
        examples, example_terms = plain_content("; ".join(question.examples), session,
                                                words.message("examples_prefix"))
        self.query_one("#examples", Static).update(examples if question.examples else "")
        self._show_recall()
        self._after_paint(lambda: self.query_one(MorePanel).show_step(session, step))
        self.terms = unique(self.terms + more_terms + example_terms + choice_terms(session,
                                                                                 question))
        self.sources = [*(step.sources if first else []), *question.sources]
        self.query_one("#not-sure").display = not question.required
        self.query_one(KeyBar).hide(
            frozenset({"not-sure", "skip"}) if question.required else frozenset())
        self.query_one("#skip").display = step.id in steps
        if new_box:
            slot.mount(self._answer_box())
        if self._draft_back:
            self._draft_back = False
            self._say_later(words.message("draft_back"))
        if slot.disabled:
            # The new box takes the focus as it mounts; here nothing may be typed into it.
            self.call_after_refresh(self.set_focus, None)

    def finished_words(self) -> str:
        """What the screen says once every question is behind the person."""
        return self.words.message("finished")

    def _show_recall(self) -> None:
        """An earlier answer this question needs, shown with it, to change rather than ask
        again. What was typed is shown as plain text."""
        question = self.session.question
        recalled = self.session.recalled(question) if question is not None else None
        self.recalled = recalled
        shown = self.query_one("#recall", Static)
        shown.display = recalled is not None
        self.query_one("#change-earlier").display = recalled is not None
        self.refresh_bindings()
        if recalled is None:
            shown.update("")
            return
        hint = "recall_hint" if recalled.lines else "recall_hint_answer"
        shown.update(Content(self.session.recall_line(recalled) + "\n"
                             + self.words.message(hint)))

    def _complain(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Content(message))
        error.display = True
        self.app.bell()
        self._tell(message)

    def _clear_error(self) -> None:
        error = self.query_one("#error", Static)
        if error.display:
            error.update("")
            error.display = False

    # -- what the person does ------------------------------------------------------------

    @on(Given)
    def _given(self, event: Given) -> None:
        event.stop()
        question = self.session.question
        if question is None or event.question not in (None, question.id):
            return  # from a box already gone: never saved as the answer to another question
        if self.session.read_only is not None:
            self._complain(self.words.message("read_only_refused"))
            if event.saved:
                event.saved(False)
            return
        detour = self.detour
        try:
            # The answer and the move it makes are saved as one: if the disk fills between
            # them, neither is kept, so "still in the box" is true and Enter again saves it
            # once.
            with self.session.together():
                self.session.answer(event.value, move_on=False, suggested=self.suggesting,
                                    joins=event.joins)
                after = self._onward(question.id) if event.move_on else None
        except AnswerError as e:  # e.g. a name of unseen characters only
            self._complain(self.words.message(e.key, **e.values))
            if event.saved:
                event.saved(False)
            return
        except StoreError as e:
            self.detour = detour
            self._complain(self.words.message("error_save", reason=e))
            if event.saved:
                event.saved(False)
            return
        if event.saved:
            event.saved(True)
        self._draft_given(question.id)
        if after is not None:
            # Each answer is the person's own unless the facilitator says otherwise again.
            # A list is saved item by item, so "suggested" holds until it is finished.
            self.suggesting = False
            self._pause_gc()
            self.hold_keys()  # what is typed next is for the next question
            self._say_answer(question.id, later=True)
            self._answered.append(question.id)
            self._moved()
            after()
            self._helpers_done(question.id)
        else:
            self._clear_error()
            self._show_side(question.id)
            self._show_speaker()

    @on(Invalid)
    def _invalid(self, event: Invalid) -> None:
        event.stop()
        error = refusal(event.error, self.session.question)
        self._complain(self.words.message(error.key, **error.values))

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id in ("skip", "map") and self.check_action(
                event.button.id, ()) is False:
            event.stop()
            return
        actions = {"not-sure": self.action_not_sure, "back": self.action_back,
                   "change-earlier": self.action_change_earlier,
                   "skip": self.action_skip, "map": self.action_map,
                   "speaker": self.action_speaker, "export": self.action_export,
                   "check": self.action_check, "review-plan": self.action_review_plan}
        if event.button.id in actions:
            event.stop()
            actions[event.button.id]()

    def _move(self, move: Callable[[], bool]) -> None:
        """Make a move (which may set a detour) and show where it led. All it records is
        saved as one; if that fails, the person and the detour stay as they were."""
        self.keep_draft()  # what is typed here is kept before the box goes
        if self.typed is None:
            self.hold_keys()
        detour = self.detour
        try:
            with self.session.together():
                move()
        except StoreError as e:
            self.detour = detour
            self._complain(self.words.message("error_move", reason=e))
            boxes = self.query(AnswerBox)
            self.give_keys(boxes.first().first() if boxes else None)  # back to the same box
            return
        self._moved()

    def _moved(self) -> None:
        """Show where a move, now saved, led."""
        self.show_question()
        if self.session.question is None:
            self.give_keys(None)  # the end: no box to type into

    def _answer_on_its_way(self, then: Callable[[], None]) -> bool:
        """Keys typed in a burst: an answer given just before this key is still being saved.
        Do `then` once it is, so the answer goes to its own question first."""
        if any(isinstance(w, Holds) and w.holding for w in self.query("#answer-slot *")):
            self.set_timer(0.05, then)
            return True
        return False

    def _onward(self, answered: str) -> Callable[[], None]:
        """On to the next question; or, after a detour from the map or the check, back to
        where the person was. Made inside the answer's `together`, so the move is saved
        with the answer; returns what to say once both are saved and shown."""
        detour, session, words = self.detour, self.session, self.words
        if detour is not None and detour.fix == answered:
            self.detour = detour.resume
            session.return_to(detour.step, detour.question)
            if not detour.to_check:
                return lambda: self._say_later(words.message("recall_changed"))

            def back_to_check() -> None:
                self._say_later(words.message("detour_back_check"))
                self.call_after_refresh(self.action_check)
            return back_to_check
        session.next()
        if detour is not None and detour.fix is None and session.flow.state != detour.target:
            self.detour = None
            session.return_to(detour.step, detour.question)
            return lambda: self._say_later(words.message("detour_back"))
        return lambda: None

    def _set_detour(self, step: str, fix: str | None = None) -> None:
        flow = self.session.flow
        origin = self.detour or Detour(flow.state, flow.question_id, step)
        if step == origin.step and fix is None:
            self.detour = None  # going back to where they were is no detour
            return
        self.detour = Detour(origin.step, origin.question, step, fix)

    def action_change_earlier(self) -> None:
        """Go to the earlier question shown with this one; once it is answered again, come
        back here."""
        if self._answer_on_its_way(self.action_change_earlier):
            return
        recalled = self.recalled
        if recalled is None:
            return
        earlier = recalled.question.id
        flow = self.session.flow

        def to_earlier() -> bool:
            # Back to this question afterwards; a detour already under way (from the map
            # or the check) carries on from here.
            self.detour = Detour(flow.state, flow.question_id, self.words.step_of(earlier).id,
                                 earlier, to_check=False, resume=self.detour)
            return self.session.go_to_question(earlier)
        self._move(to_earlier)

    def action_not_sure(self) -> None:
        if self._answer_on_its_way(self.action_not_sure):
            return
        question = self.session.question
        if question is None or question.required:
            return
        if self.session.read_only is not None:
            self._complain(self.words.message("read_only_refused"))
            return
        detour = self.detour
        try:
            with self.session.together():  # "not sure yet" and the move it makes, as one
                self.session.answer(None, unsure=True, move_on=False)
                after = self._onward(question.id)
        except StoreError as e:
            self.detour = detour
            self._complain(self.words.message("error_save", reason=e))
            return
        self._draft_given(question.id)
        if self.typed is None:
            self.hold_keys()
        self._say_answer(question.id, later=True)
        self._answered.append(question.id)
        self._moved()
        after()
        self._helpers_done(question.id)

    def _helpers_done(self, before: str) -> None:
        question = self.session.question
        now = question.id if question is not None else None
        self._after_paint(lambda: self._say_finished(before, now))

    def _say_finished(self, before: str, now: str | None) -> None:
        for text in finished(self.session, before, now):
            self.query_one(ChatLog).say(text)

    def action_back(self) -> None:
        if not self._answer_on_its_way(self.action_back):
            self._move(self.session.back)

    def action_skip(self) -> None:
        if self._answer_on_its_way(self.action_skip):
            return
        detour, session = self.detour, self.session

        def skip_or_back() -> bool:
            skipped = session.skip_step()
            if skipped and detour is not None:
                self.detour = None
                return session.return_to(detour.step, detour.question) or skipped
            return skipped

        self._move(skip_or_back)

    def action_map(self) -> None:
        from journey.tui.screens.map import MapScreen

        def chosen(step_id: str | None) -> None:
            if step_id:
                def to_step() -> bool:
                    self._set_detour(step_id)
                    return self.session.go_to(step_id)
                self._move(to_step)

        self.app.push_screen(MapScreen(self.session), chosen)

    def action_export(self) -> None:
        from journey.tui.screens.export import ExportScreen

        def done(message: str | None) -> None:
            if message:
                self.notify(message, markup=False)

        self.app.push_screen(ExportScreen(self.session), done)

    def can_review(self) -> bool:
        """A plan is made that can be reviewed from here (not from inside a review)."""
        from journey.conversation.review import ReviewSession, has_plan

        session = self.session
        return (not isinstance(session, ReviewSession) and session.read_only is None
                and has_plan(session.journey))

    def action_review_plan(self) -> None:
        """Review this plan: the app lets the journey go here and opens its review."""
        from journey.tui.screens.start import ReviewChosen

        if self.can_review():
            self.keep_draft(now=True)
            self.post_message(ReviewChosen(self.session.journey.id))

    def action_check(self) -> None:
        from journey.tui.screens.readiness import ReadinessScreen

        def chosen(question_id: str | None) -> None:
            if question_id:
                def to_fix() -> bool:
                    self._set_detour(self.words.step_of(question_id).id, question_id)
                    return self.session.go_to_question(question_id)
                self._move(to_fix)

        self.app.push_screen(ReadinessScreen(self.session), chosen)

    def action_money(self) -> None:
        from journey.money import kinds
        from journey.money.record import has_direct_payment
        from journey.tui.screens.money import MoneyScreen

        if not has_direct_payment(self.session.snapshot().live):
            self.notify(kinds.default().say("no_direct_payment"), markup=False)
            return
        self.app.push_screen(MoneyScreen(self.session), self._after_dialog)

    # -- for a facilitator ---------------------------------------------------------------

    def action_speaker(self) -> None:
        self.suggesting = not self.suggesting
        self._show_helping()

    def action_notes(self) -> None:
        from journey.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.session), self._after_dialog)

    def action_agree(self) -> None:
        from journey.tui.screens.agree import AgreeScreen

        self.app.push_screen(AgreeScreen(self.session), self._after_dialog)

    def action_summary(self, quitting: bool = False) -> None:
        from journey.tui.screens.summary import SummaryScreen

        def done(quit_now: bool | None) -> None:
            if quit_now:
                self.app.exit()

        self.app.push_screen(SummaryScreen(self.session, quitting), done)

    def action_toggle_facilitator(self) -> None:
        self.facilitator_hidden = not self.facilitator_hidden
        self._show_helping()

    def _after_dialog(self, changed: object) -> None:
        if changed:
            self.query_one(PlanPanel).show(self.session.plan())
            self._show_helping()

    def sitting_has_news(self) -> bool:
        """Something was said in this sitting with someone helping: worth a summary."""
        journey = self.session.journey
        return journey.mode is not Mode.SELF and any(
            isinstance(e, Answered | Noted) for e in journey.sittings()[-1].events)

    def action_more(self) -> None:
        self._catch_up()  # the step's words as they are for this question
        panel = self.query_one(MorePanel)
        if panel.toggle():
            self._tell(str(panel.content))  # the step explained, read as it opens

    def action_words(self) -> None:
        from journey.tui.screens.explain import ExplainScreen

        self._catch_up()
        panel = self.query_one(MorePanel)
        terms = unique([*self.terms, *(panel.terms if panel.display else [])])
        step = self.session.flow.step()
        shown = [*self.sources, *(step.sources if step and panel.display else [])]
        sources = [self.words.source(s) for s in dict.fromkeys(shown)]
        self.app.push_screen(ExplainScreen(self.words, terms, sources))

    def action_export_prep(self) -> None:
        from journey.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.session, "prep"),
                             lambda m: self.notify(m, markup=False) if m else None)

    def action_print_plan(self) -> None:
        """In a browser: the plan as a web page in a new tab, to print."""
        from journey.tui.screens.export import print_plan

        print_plan(self.app, self.session)
        self.notify(self.words.message("printing_plan"), markup=False)

    def action_history(self) -> None:
        from journey.tui.screens.history import HistoryScreen

        def undone(question_id: str | None) -> None:
            if question_id:
                self.show_question()
                label = self.words.question(question_id).label
                self.notify(self.words.message("undone", label=label), markup=False)

        self.app.push_screen(HistoryScreen(self.session), undone)

    def action_read_aloud(self) -> None:
        aloud = getattr(self.app, "aloud", None)
        error = self.query_one("#error", Static)
        shown = str(error.content) if error.display else ""
        problem = aloud.read(self.session, shown) if aloud is not None else None
        if problem:
            self.notify(self.words.message(problem), markup=False, severity="warning")

    def on_unmount(self) -> None:
        self._resume_gc()
        self.keep_draft()
        self.session.close()  # let another journey window change it now

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.FACILITATOR_ACTIONS:
            mode = self.session.journey.mode
            return mode in MARKS if action == "speaker" else mode is not Mode.SELF
        if action in ("not_sure", "skip"):
            question = self.session.question
            return question is not None and not question.required
        if action == "change_earlier":
            return self.recalled is not None
        if action == "toggle_plan":
            return self.has_class("-narrow")
        return True

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        self._clear_error()
        if self._box is not None and self._box in event.input.ancestors:
            self._draft_soon()

    @on(AnswerBox.Typed)
    def _typed_in_form(self, event: AnswerBox.Typed) -> None:
        event.stop()
        self._draft_soon()

    def _draft_soon(self) -> None:
        """Keep what is typed as a draft once typing pauses."""
        box, question = self._box, self.session.question
        if box is None or question is None or box.question.id != question.id:
            return
        self._draft_due = (question.id, box.unsaved())
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_WAIT, self.keep_draft)

    # -- what is typed and not given -----------------------------------------------------

    def keep_draft(self, now: bool = False) -> bool:
        """Keep what is typed and not given, so that quitting, a crash or a closed window
        loses none of it. `now`: also what was typed this instant. True when a draft of the
        question on screen is kept."""
        box, question = self._box, self.session.question
        if now and box is not None and box.is_attached and question is not None and (
                box.question.id == question.id):
            self._draft_due = (question.id, box.unsaved())
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        due, self._draft_due = self._draft_due, None
        if due is not None and due != self._draft_kept:
            try:
                stored = self.session.keep_draft(due[1], due[0])
            except StoreError:
                return False  # only a draft: the answer itself says if saving fails
            # A journey not saved yet has nowhere to keep one: none is said to be kept.
            self._draft_kept = due if stored or not due[1] else None
        kept = self._draft_kept
        return (kept is not None and question is not None and kept[0] == question.id
                and bool(kept[1]))

    def _draft_given(self, question_id: str) -> None:
        """An answer given replaces its draft (the store forgets it with the answer)."""
        if self._draft_due is not None and self._draft_due[0] == question_id:
            self._draft_due = None
        self._draft_kept = (question_id, {})
