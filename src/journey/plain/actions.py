"""The plain conversation's action words: back, skip, not sure, the map, more, words, the
readiness check, the plan, saving it, help, and the helper's suggest, note and agree. No
Textual."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from journey.content import Question
from journey.conversation.speech import Speaker
from journey.core.answers import AnswerError, clean
from journey.core.flow import WELCOME
from journey.core.model import Mode
from journey.documents import files as documents
from journey.documents import render
from journey.plain.lines import Action, Ended, Lines, pick
from journey.plan import suggested_lines
from journey.store.database import StoreError
from journey.store.private import write_whole

SAVE_FORMATS = documents.CHOICES


class Acting(Lines):
    """Does what an action word asks. Inside an action, action words are read as text."""

    def act(self, name: str) -> bool:
        """Do what the action word asks. True when the question should be shown again."""
        session = self.session
        assert session is not None
        question = session.question
        if name == "quit":
            raise Ended
        if name == "help":
            self.help()
            return False
        if name == "repeat":
            return True  # the question again, in full, rather than saved as the answer
        if name == "back":
            return self.moved(session.back)
        if name == "skip":
            if session.flow.state not in session.flow.step_ids or session.flow.blocked():
                self.message("plain_cannot_skip")
                return False
            return self.moved(session.skip_step)
        if name == "not_sure":
            if question is None or question.required:
                self.message("plain_must_answer")
                return False
            try:
                session.answer(None, unsure=True)
            except StoreError as e:
                self.message("error_save_plain", reason=e)
                return False
            self.message("not_sure_said")
            self.helpers_done(question.id)
            return True
        if name == "more":
            self.more()
            return False
        if name == "words":
            self.explain()
            return False
        handlers: dict[str, Callable[[], bool]] = {
            "change": self.change_earlier,
            "map": self.journey_map, "check": self.check, "plan": self.show_plan,
            "save": self.save_file, "suggest": self.suggest, "note": self.write_note,
            "agree": self.agree, "money": self.money_record, "settings": self.settings,
            "versions": self.versions, "review": self.review_plan,
        }
        return handlers[name]()

    def show(self, question: Question) -> None:
        raise NotImplementedError  # the conversation shows a question (journey.plain.conversation)

    def take(self, question: Question) -> None:
        raise NotImplementedError  # and takes its answer (journey.plain.kinds)

    def money_record(self) -> bool:
        raise NotImplementedError  # the direct-payment record (journey.plain.money)

    def review_plan(self) -> bool:
        """Review the plan, from here: its open review where it stopped, or a new one."""
        raise NotImplementedError  # the conversation holds the review (journey.plain.conversation)

    def change_earlier(self) -> bool:
        """The earlier answer shown with this question: ask it again, then come back here."""
        session = self.session
        assert session is not None
        question = session.question
        recalled = session.recalled(question) if question is not None else None
        if recalled is None:
            self.message("plain_cannot_change")
            return False
        step, here = session.flow.state, session.flow.question_id
        if not self.moved(lambda: session.go_to_question(recalled.question.id)):
            return True
        earlier = session.question
        assert earlier is not None
        try:
            self.show(earlier)
            self.take(earlier)
        except Action:
            pass  # an action word here only leaves the earlier question as it was
        finally:
            self.moved(lambda: session.return_to(step, here))
        self.message("recall_changed")
        return True

    def moved(self, move: Callable[[], bool]) -> bool:
        try:
            if not move():
                self.message("plain_cannot_move")
                return False
        except StoreError as e:
            self.message("error_move", reason=e)
            return False
        return True

    def help(self) -> None:
        self.say()
        self.message("plain_help")
        if self.helping:
            self.message("plain_help_helper")

    def more(self) -> None:
        assert self.session is not None
        step = self.session.flow.step()
        if step is None or not step.more:
            self.message("plain_no_more")
            return
        self.say()
        self.message("more_title")
        self.say(self.filled(step.more.strip()))

    def explain(self) -> None:
        """The glossary words in what was just asked, and where its facts come from."""
        session, words = self.session, self.words
        assert session is not None
        question = session.question
        terms, sources = session.explained(question) if question is not None else ([], [])
        self.say()
        self.message("explain_words")
        if not terms:
            self.message("explain_no_words")
        for term in terms:
            self.say(f"{term.term}: {term.meaning}")
        self.message("explain_sources")
        if not sources:
            self.message("explain_no_sources")
        for source_id in sources:
            source = words.source(source_id)
            standing = words.message("standing_" + source.standing)
            where = f": {source.reference}" if source.reference != source.title else ""
            self.say(f"{source.title}{where} ({standing})")

    def journey_map(self) -> bool:
        session, words = self.session, self.words
        assert session is not None
        fresh = session.needs_fresh()
        self.say()
        self.message("map")
        rows, ids = [], []
        for step_id, status in session.statuses().items():
            shown = words.message("status_" + status.value)
            if step_id in fresh:
                shown += ", " + words.message("needs_fresh")
            rows.append(f"{words.step(step_id).title}: {shown}")
            ids.append(step_id)
        self.message("plain_map_hint")
        # Numbered as the steps are ("Step 5 of 12"), getting started being step 0.
        first = 0 if ids and ids[0] == WELCOME else 1
        picked = self.choose_or_stay(rows, first)
        if picked is None:
            return True
        return self.moved(lambda: session.go_to(ids[picked]))

    def choose_or_stay(self, rows: list[str], first: int = 1) -> int | None:
        """Rows numbered from `first`; an empty line chooses none of them."""
        for number, row in enumerate(rows, first):
            self.say(f"{number}. {row}")
        while True:
            line = self.read(self.words.message("plain_choose_or_stay"), False)
            if not line.strip():
                return None
            found = pick(line, rows, first)
            if found is not None:
                return found
            self.message("error_choose_between", least=first, most=first + len(rows) - 1)

    def check(self) -> bool:
        session, words = self.session, self.words
        assert session is not None
        readiness = session.plan().readiness
        self.say()
        self.message("check_title", name=session.name or words.message("someone"))
        for criterion in readiness.criteria:
            mark_ = words.message("plain_criterion_done" if criterion.answered
                                  else "plain_criterion_missing")
            self.say(f"{criterion.number}. {criterion.title}: {mark_}")
        self.message("check_ready" if readiness.ready else "check_not_ready")
        if not readiness.findings:
            return False
        rows = []
        for finding in readiness.findings:
            worth = session.finding_worth(finding)
            rows.append(f"{worth + ' ' if worth else ''}{finding.text} "
                        f"{session.finding_where(finding)}")
        self.message("plain_check_hint")
        picked = self.choose_or_stay(rows)
        if picked is None:
            return True
        question_id = readiness.findings[picked].question
        return self.moved(lambda: session.go_to_question(question_id))

    def show_plan(self) -> bool:
        assert self.session is not None
        self.say()
        text = render.export(self.session.plan(), "txt").decode("utf-8")
        for line in text.splitlines():
            self.say(line)
        return False

    def versions(self) -> bool:
        """The plan's versions: one read as it was, or what changed between two."""
        session, words = self.session, self.words
        assert session is not None
        self.say()
        kept = session.versions()
        if not kept:
            self.message("versions_none")
            return False
        self.message("versions_title")
        for version in kept:
            self.say(f"{version.number}. {session.version_said(version)}")
        self.message("plain_versions_hint")
        while True:
            line = self.read(words.message("plain_prompt"), False).split()
            numbers = [int(n) for n in line if n.isdigit()]
            if not line:
                return False
            if len(numbers) == len(line) and len(numbers) in (1, 2) and all(
                    1 <= n <= len(kept) for n in numbers):
                break
            self.message("plain_versions_hint")
        if len(numbers) == 1:
            plan = session.version_plan(numbers[0])
            text = "" if plan is None else render.render(plan, "txt")
        else:
            made = session.comparison(*sorted(numbers))
            text = "" if made is None else render.export_comparison(made, "txt").decode()
        self.say()
        for shown in text.splitlines():
            self.say(shown)
        return False

    def save_file(self) -> bool:
        session, words = self.session, self.words
        assert session is not None
        self.say()
        self.message("export")
        names = [words.message("format_" + f.replace("-", "_")) for f in SAVE_FORMATS]
        fmt = SAVE_FORMATS[self.choose(names, words.message("plain_choose"), 0)]
        default = Path.home() / documents.file_name(session.journey.id, fmt)
        self.message("plain_where", path=str(default))
        typed = clean(self.read(words.message("plain_prompt"), False)).strip()
        path = Path(typed).expanduser() if typed else default
        try:
            was_open = write_whole(path, documents.make(session.content, session.journey, fmt),
                                   text=documents.is_text(fmt))
        except OSError as e:
            self.message("export_failed", reason=e.strerror or str(e))
            return False
        self.message("exported_" + documents.kind(fmt), path=path)
        if was_open:
            self.message("made_private", path=path)
        return False

    def settings(self) -> bool:
        """The settings kept for next time: plain lines every time, reading aloud and its
        speed. Changed one at a time, each saved as it is changed."""
        from journey.store import settings

        words = self.words
        kept, problem = settings.load()
        if problem:
            self.say(problem)
        while True:
            def state(on: bool) -> str:
                return words.message("plain_setting_on" if on else "plain_setting_off")

            rows = [words.message("plain_setting_plain", state=state(kept.plain)),
                    words.message("plain_setting_speak", state=state(self.speaker is not None)),
                    words.message("plain_setting_speed", speed=kept.speed)]
            self.say()
            self.message("plain_settings_title")
            picked = self.choose_or_stay(rows)
            if picked is None:
                return True  # back to the question, said again
            if picked == 0:
                kept.plain = not kept.plain
            elif picked == 1:
                if self.speaker is not None:
                    self.speaker.stop()
                    self.speaker = None
                else:
                    self.speaker = self.reader()
                kept.speak = self.speaker is not None  # not kept on without a speech program
            else:
                kept.speed = self.ask_speed(kept.speed)
                if self.speaker is not None:
                    self.speaker.speed = kept.speed
            self.speed = kept.speed
            problem = settings.save(kept)
            self.say(problem or words.message("plain_setting_saved"))

    def reader(self) -> Speaker | None:
        """Reading aloud, turned on here: None, after saying so, without a speech program."""
        speaker = Speaker(speed=self.speed)
        if speaker.available:
            return speaker
        self.message("speech_none")
        return None

    def ask_speed(self, now: int) -> int:
        from journey.store.settings import FASTEST, SLOWEST

        while True:
            line = self.read(self.words.message("plain_speed_prompt", slowest=SLOWEST,
                                                fastest=FASTEST, now=now), False).strip()
            if not line:
                return now
            if line.isdigit() and SLOWEST <= int(line) <= FASTEST:
                return int(line)
            self.message("error_speed", slowest=SLOWEST, fastest=FASTEST)

    def suggest(self) -> bool:
        assert self.session is not None
        journey = self.session.journey
        if journey.mode not in (Mode.WITH, Mode.HERE):
            self.message("plain_suggest_not_here", name=self.session.name)
            return False
        self.suggesting = not self.suggesting
        # Planning for someone who is here, the mark is the other way: their own words.
        keys = (("plain_said_by", "plain_suggesting") if journey.mode is Mode.WITH
                else ("plain_written_for", "plain_own_words"))
        self.message(keys[1] if self.suggesting else keys[0],
                     helper=journey.helper or "", name=self.session.name)
        return False

    def write_note(self) -> bool:
        assert self.session is not None
        self.message("notes_hint")
        line = self.read(self.words.message("plain_note"), False)
        if not line.strip():
            return False
        try:
            self.session.note(line)
        except AnswerError as e:
            self.complain(e)
        except StoreError as e:
            self.message("error_save_note_plain", reason=e)
        else:
            self.message("plain_note_saved")
        return False

    def agree(self) -> bool:
        """The person agrees the suggested answers as their own, one at a time."""
        session, words = self.session, self.words
        assert session is not None
        waiting = session.journey.suggestions()
        if not waiting:
            self.message("agree_none")
            return False
        for answer in waiting:
            question = words.question(answer.question)
            said = "; ".join(suggested_lines(words, question, answer, session.journey,
                                             session.name))
            self.say(f"{question.label}: {said}")
            line = self.read(words.message("plain_agree", name=session.name), False)
            if pick(line, [words.message("yes"), words.message("no")]) == 0:
                try:
                    session.confirm(answer.question)
                except StoreError as e:
                    self.message("error_agree_plain", reason=e)
                    return False
        return False
