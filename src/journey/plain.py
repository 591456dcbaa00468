"""The same conversation as the app, in plain lines: for screen readers, braille displays,
and terminals that cannot show the app. The person types a line and presses Enter.

Nothing here moves the cursor or sends colour: every line goes out through `say`, which
takes terminal codes out of everything, stored text included. Every answer is saved by the
session before the next question is asked. No Textual."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from journey import answers, render, results
from journey.answers import AnswerError, Funding, Per, Period, Provider, Ring, Status, clean
from journey.content import Journey as Words
from journey.content import Kind, Question
from journey.glossary import fill_marked, mark, terms_in
from journey.model import Mode
from journey.plan import action_line, answer_lines, item_line, member_line
from journey.session import Session
from journey.speech import Speaker, question_text
from journey.store import Store, StoreError

ACTIONS = ("back", "skip", "not_sure", "map", "more", "words", "check", "plan", "save",
           "help", "quit")
HELPER_ACTIONS = ("suggest", "note", "agree")
SAVE_FORMATS = (*render.FORMATS, "prep")


class Ended(Exception):
    """Input ended (end of file, Ctrl+C or "quit"): every answer given is already saved."""


class Action(Exception):
    """The person typed one of the action words instead of an answer."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Plain:
    """Reads lines from `inp` and writes plain lines to `out`."""

    def __init__(self, words: Words, inp: TextIO, out: TextIO,
                 speaker: Speaker | None = None) -> None:
        self.words = words
        self.inp = inp
        self.out = out
        self.speaker = speaker
        self.session: Session | None = None
        self.suggesting = False  # the helper's next answer is a suggestion
        # Typed lines are shown again when they come from a file or a pipe, which does not
        # show them, so the lines read as a conversation.
        self.echo = not _is_terminal(inp)
        self.talking = False  # the journey is open and its questions are being asked

    # -- lines in and out ----------------------------------------------------------------

    def say(self, text: str = "") -> None:
        """The only way anything reaches the screen: terminal codes are taken out first."""
        self.out.write(clean(text) + "\n")
        self.out.flush()

    def message(self, key: str, **values: object) -> None:
        self.say(self.words.message(key, **values))

    def read(self, prompt: str = "", actions: bool = True) -> str:
        """One line as typed, without its line ending. Raises Ended at the end of input and
        Action for an action word (when `actions`)."""
        self.out.write(clean(prompt or self.words.message("plain_prompt")) + " ")
        self.out.flush()
        try:
            line = self.inp.readline()
        except KeyboardInterrupt:
            raise Ended from None
        if not line:
            raise Ended
        line = line.rstrip("\r\n")
        self.out.write(clean(line) + "\n" if self.echo else "")
        name = self.action_named(line)
        if name == "quit":
            raise Ended
        if actions and name:
            raise Action(name)
        return line

    def action_named(self, line: str) -> str | None:
        typed = " ".join(line.lower().split())
        if not typed:
            return None
        allowed = [*ACTIONS, *(HELPER_ACTIONS if self.helping else ())]
        for name in allowed:
            if typed in self.words.message("plain_word_" + name).split("|"):
                return name
        return None

    @property
    def helping(self) -> bool:
        return self.session is not None and self.session.journey.mode is not Mode.SELF

    def complain(self, error: AnswerError) -> None:
        # Some messages name the app's buttons: here they have words of their own.
        key = "plain_" + error.key
        self.message(key if key in self.words.messages else error.key, **error.values)

    def choose(self, options: list[str], prompt: str, default: int | None = None,
               actions: bool = False) -> int:
        """Numbered options; the person types a number or the words of one. Returns its
        index. An empty line gives the default, when there is one. Action words count only
        when `actions` (while answering a question, not inside another action)."""
        for number, option in enumerate(options, 1):
            self.say(f"{number}. {option}")
        while True:
            line = self.read(prompt, actions)
            if not line.strip() and default is not None:
                return default
            found = pick(line, options)
            if found is not None:
                return found
            self.message("error_choose_number", most=len(options))

    # -- starting ------------------------------------------------------------------------

    def start(self, store: Store, journey_id: str | None, new: bool) -> Session | None:
        words = self.words
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
            self.say(session.read_only or "")
            return None
        if not journey.events:
            self.message("welcome")
            self.message("informs")
            self.message("plain_intro")
        elif journey.name is not None:
            self.sitting()
        return session

    def sitting(self) -> None:
        """A saved journey opened again: who is here today?"""
        session, words = self.session, self.words
        assert session is not None
        journey, name = session.journey, session.name
        last = words.message("sitting_last_" + journey.mode, name=name,
                             helper=journey.helper or words.message("someone"))
        self.say()
        self.message("sitting_title", name=name)
        options = [words.message("sitting_same", last=last),
                   *[words.message("sitting_" + m, name=name) for m in Mode]]
        picked = self.choose(options, words.message("plain_choose"), default=0)
        if picked == 0:
            last_sitting = journey.sittings()[-1]
            self._record_sitting(journey.mode, journey.helper, journey.helper_role,
                                 list(last_sitting.present))
            return
        mode = list(Mode)[picked - 1]
        helper = role = None
        if mode is not Mode.SELF:
            while True:
                try:
                    helper = answers.text(self.read(words.message("sitting_helper"), False))
                    break
                except AnswerError:
                    self.message("error_helper")
            role = self.read(words.message("sitting_role", name=name), False).strip() or None
        others = self.read(words.message("sitting_others"), False).split(",")
        present = [*((name,) if mode is not Mode.BEHALF else ()), helper or "", *others]
        self._record_sitting(mode, helper, role, present)

    def _record_sitting(self, mode: Mode, helper: str | None, role: str | None,
                        present: list[str]) -> None:
        assert self.session is not None
        try:
            self.session.begin_sitting(mode, helper, role, present)
        except AnswerError as e:
            self.complain(e)
        except StoreError as e:
            self.message("error_save_plain", reason=e)

    # -- the conversation ----------------------------------------------------------------

    def converse(self) -> None:
        session = self.session
        assert session is not None
        self.talking = True
        shown: str | None = None
        while True:
            question = session.question
            if question is None:
                if shown != "":
                    self.finished()
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
        steps = session.flow.step_ids
        first = session.flow.questions(step.id)[:1] == [question]
        if first:
            self.say(words.message("step_intro", number=steps.index(step.id) + 1,
                                   total=len(steps), title=step.title)
                     if step.id in steps else step.title)
            self.say(session.introduction(step))
            self.say()
        self.say(session.wording(question))
        self.say(words.message("why_prefix") + self.filled(question.why))
        if question.examples:
            self.say(words.message("examples_prefix")
                     + self.filled("; ".join(question.examples)))
        if question.id in session.journey.unfit:
            self.message("plain_fresh_answer")
        earlier = session.journey.answers.get(question.id)
        if earlier is not None and question.id not in session.journey.unfit:
            said = (words.message("not_sure_said") if earlier.unsure else
                    "; ".join(answer_lines(words, question, earlier.value, session.name)))
            self.message("plain_earlier", answer=said)
        if self.suggesting:
            self.message("plain_suggesting", helper=session.journey.helper or "")
        if self.speaker is not None:
            self.speaker.say(question_text(session, question))

    def filled(self, text: str) -> str:
        assert self.session is not None
        return "".join(p for p, _ in fill_marked(text, self.words, self.session.placeholders))

    def finished(self) -> None:
        self.say()
        self.message("plain_finished")
        if self.speaker is not None:
            self.speaker.say(self.words.message("plain_finished"))

    def helpers_done(self, before: str) -> None:
        """What a helper worked out, once the person has finished its questions."""
        session, words = self.session, self.words
        assert session is not None
        now = session.question
        for result in results.left_behind(words, before, now.id if now else None):
            found = results.finding(words, result, session.journey)
            if found is None:
                continue
            self.say()
            self.say(found.title)
            for line in found.lines:
                self.say(f"- {line.text}")
            if result.sheet:
                self.message("plain_prep_hint")

    # -- answers, kind by kind -----------------------------------------------------------

    def save(self, value: Any, move_on: bool = True) -> None:
        assert self.session is not None
        self.session.answer(value, move_on=move_on, suggested=self.suggesting)

    def keep_or(self, question: Question, line: str) -> bool:
        """An empty line keeps an earlier answer that fits: move on. Returns True if so."""
        session = self.session
        assert session is not None
        if line.strip() or question.id not in session.journey.answers or (
                question.id in session.journey.unfit):
            return False
        session.next()
        return True

    def take(self, question: Question) -> None:
        """Ask until the question has an answer, or an action word is typed."""
        takers: dict[Kind, Callable[[Question], None]] = {
            Kind.TEXT: self.take_text, Kind.DATE: self.take_date, Kind.LIST: self.take_list,
            Kind.CHOICE: self.take_choice, Kind.YESNO: self.take_choice,
            Kind.MULTI: self.take_multi, Kind.MONEY: self.take_money,
            Kind.PERSON: self.take_person, Kind.PEOPLE: self.take_people,
            Kind.SUPPORT: self.take_support, Kind.ACTIONS: self.take_actions,
        }
        takers[question.kind](question)

    def retrying(self, attempt: Callable[[], bool | None]) -> None:
        """Run `attempt` until it raises no AnswerError; each error is said kindly."""
        while True:
            try:
                attempt()
                return
            except AnswerError as e:
                self.complain(e)

    def take_text(self, question: Question) -> None:
        def attempt() -> None:
            line = self.read()
            if not self.keep_or(question, line):
                self.save(answers.text(line))
        self.retrying(attempt)

    def take_date(self, question: Question) -> None:
        self.message("date_hint")

        def attempt() -> None:
            line = self.read()
            if not self.keep_or(question, line):
                self.save(answers.when(line))
        self.retrying(attempt)

    def labels(self, question: Question) -> list[str]:
        assert self.session is not None
        if question.kind is Kind.YESNO:
            return [self.words.message("yes"), self.words.message("no")]
        name = self.session.name or self.words.message("someone")
        return [question.choice_label(c.value, name) for c in question.choices]

    def values(self, question: Question) -> list[str]:
        return ["yes", "no"] if question.kind is Kind.YESNO else [
            c.value for c in question.choices]

    def take_choice(self, question: Question) -> None:
        labels, values = self.labels(question), self.values(question)
        for number, label in enumerate(labels, 1):
            self.say(f"{number}. {label}")
        self.message("plain_choice_hint")

        def attempt() -> None:
            line = self.read()
            if self.keep_or(question, line):
                return
            found = pick(line, labels)
            found = pick(line, values) if found is None else found
            if found is None:
                raise AnswerError("error_choose_number", most=len(labels))
            self.save(values[found])
        self.retrying(attempt)

    def take_multi(self, question: Question) -> None:
        labels, values = self.labels(question), self.values(question)
        for number, label in enumerate(labels, 1):
            self.say(f"{number}. {label}")
        self.message("plain_multi_hint")

        def attempt() -> None:
            line = self.read()
            if self.keep_or(question, line):
                return
            picked = pick_many(line, labels)
            if not picked:
                raise AnswerError("error_choose_numbers", most=len(labels))
            self.save([values[i] for i in picked])
        self.retrying(attempt)

    def take_money(self, question: Question) -> None:
        self.message("money_hint")
        periods = [self.words.message("period_" + p.value.replace("-", "_")) for p in Period]

        def attempt() -> None:
            line = self.read()
            if self.keep_or(question, line):
                return
            answers.money(line, Period.WEEK)  # the amount is checked before the period
            self.message("plain_period")
            period = list(Period)[self.choose(periods, self.words.message("plain_choose"), 0,
                                              actions=True)]
            self.save(answers.money(line, period))
        self.retrying(attempt)

    def take_person(self, question: Question) -> None:
        def attempt() -> None:
            name = self.read(self.words.message("plain_person_name"))
            if self.keep_or(question, name):
                return
            answers.person(name, "")  # a missing name is said before the next prompt
            relation = self.read(self.words.message("plain_person_relation"))
            self.save(answers.person(name, relation))
        self.retrying(attempt)

    def take_list(self, question: Question) -> None:
        items = self.earlier_list(question, lambda v: isinstance(v, str))
        self.show_items([str(i) for i in items])
        self.message("plain_list_hint")

        def attempt() -> bool:
            line = self.read(self.words.message("plain_item_prompt", number=len(items) + 1))
            if not line.strip():
                self.save(answers.items(items))
                return True
            if (removed := self.removed(line, items)) is not None:
                items[:] = removed
                if items:
                    self.save(list(items), move_on=False)
                self.show_items([str(i) for i in items])
                return False
            items.append(answers.text(line))
            self.save(list(items), move_on=False)
            return False
        self.repeat(attempt)

    def take_people(self, question: Question) -> None:
        words = self.words
        members = self.earlier_list(question, lambda v: isinstance(v, dict))
        self.show_items([member_line(words, m) for m in members])
        self.message("plain_people_hint")
        rings = [words.message("ring_" + r.value) for r in Ring]

        def attempt() -> bool:
            name = self.read(words.message("plain_people_name", number=len(members) + 1))
            if not name.strip():
                self.save(answers.people(members))
                return True
            if (removed := self.removed(name, members)) is not None:
                members[:] = removed
                if removed:
                    self.save(list(members), move_on=False)
                self.show_items([member_line(words, m) for m in members])
                return False
            answers.person(name, "")
            relation = self.read(words.message("people_relation") + ":")
            self.message("people_ring")
            ring = list(Ring)[self.choose(rings, words.message("plain_choose"), 0, True)]
            helps = self.read(words.message("people_helps") + ":")
            members.append(answers.circle_member(name, relation, ring.value, helps))
            self.save(list(members), move_on=False)
            return False
        self.repeat(attempt)

    def take_support(self, question: Question) -> None:
        words = self.words
        items = self.earlier_list(question, lambda v: isinstance(v, dict))
        self.show_items([item_line(words, i) for i in items])
        self.message("plain_items_hint", thing=words.message("item_title").lower())

        def ask_choice(label: str, keys: list[str]) -> int:
            self.message(label)
            return self.choose([words.message(k) for k in keys], words.message("plain_choose"),
                               0, True)

        def attempt() -> bool:
            what = self.read(words.message("plain_item_what", number=len(items) + 1))
            if not what.strip():
                return self.finish_items(items)
            if (removed := self.removed(what, items)) is not None:
                items[:] = removed
                self.save(list(items), move_on=False)
                self.show_items([item_line(words, i) for i in items])
                return False
            answers.text(what)
            helps = self.read(words.message("item_helps") + ":")
            provider = list(Provider)[ask_choice(
                "item_provider", ["provider_" + p.value for p in Provider])]
            funding = list(Funding)[ask_choice(
                "item_funding", ["funding_" + f.value.replace("-", "_") for f in Funding])]
            how_many = self.field(words.message("item_how_many") + ":", answers.times)
            period = list(Period)[ask_choice(
                "item_period", ["period_" + p.value.replace("-", "_") for p in Period])]
            per = list(Per)[ask_choice("item_per", ["item_per_hour", "item_per_time"])]
            how_long = "" if per is Per.TIME else self.field(
                words.message("item_how_long") + ":", answers.hours)
            cost = self.field(words.message("item_cost") + ":", answers.amount)
            items.append(answers.support_item(what, helps, provider.value, how_many,
                                              period.value, how_long, cost, per.value,
                                              funding.value))
            self.save(list(items), move_on=False)
            self.message("plain_added", what=item_line(words, items[-1]))
            return False
        self.repeat(attempt)

    def take_actions(self, question: Question) -> None:
        words = self.words
        items = self.earlier_list(question, lambda v: answers.as_action(v) is not None)

        def line(item: Any) -> str:
            action = answers.as_action(item)
            return action_line(words, action) if action else str(item)

        self.show_items([line(i) for i in items])
        self.message("plain_items_hint", thing=words.message("action_title").lower())

        def attempt() -> bool:
            what = self.read(words.message("plain_action_what", number=len(items) + 1))
            if not what.strip():
                return self.finish_items(items)
            if (removed := self.removed(what, items)) is not None:
                items[:] = removed
                self.save(list(items), move_on=False)
                self.show_items([line(i) for i in items])
                return False
            answers.text(what)
            who = self.read(words.message("action_who_field") + ":")
            self.message("action_status")
            status = list(Status)[self.choose(
                [words.message("action_" + s.value.replace("-", "_")) for s in Status],
                words.message("plain_choose"), 0, True)]
            by = self.field(words.message("plain_action_by"),
                            lambda raw: answers.when(raw) if raw.strip() else "")
            items.append(answers.action(what, who, by, status.value))
            self.save(list(items), move_on=False)
            return False
        self.repeat(attempt)

    def field(self, prompt: str, read: Callable[[str], object]) -> str:
        """One part of a record, asked until it can be read. Returns it as typed."""
        while True:
            line = self.read(prompt)
            try:
                read(line)
                return line
            except AnswerError as e:
                self.complain(e)

    def finish_items(self, items: list[Any]) -> bool:
        if not items:
            raise AnswerError("error_no_items")
        self.save(list(items))
        return True

    def repeat(self, attempt: Callable[[], bool]) -> None:
        """Ask for one more thing at a time until `attempt` says the list is done."""
        while True:
            try:
                if attempt():
                    return
            except AnswerError as e:
                self.complain(e)

    def earlier_list(self, question: Question, keep: Callable[[Any], bool]) -> list[Any]:
        assert self.session is not None
        value = self.session.journey.value(question.id)
        return [v for v in value if keep(v)] if isinstance(value, list) else []

    def show_items(self, lines: list[str]) -> None:
        if lines:
            self.message("plain_so_far")
            for number, line in enumerate(lines, 1):
                self.say(f"{number}. {line}")

    def removed(self, line: str, items: list[Any]) -> list[Any] | None:
        """`remove 2` takes the second thing off the list: the list without it, or None when
        the line is not a removal."""
        word, _, rest = " ".join(line.lower().split()).partition(" ")
        if word != self.words.message("plain_word_remove") or not rest.isdigit():
            return None
        index = int(rest) - 1
        if not 0 <= index < len(items):
            raise AnswerError("error_choose_number", most=len(items))
        return items[:index] + items[index + 1:]

    # -- the action words ----------------------------------------------------------------

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
            "map": self.journey_map, "check": self.check, "plan": self.show_plan,
            "save": self.save_file, "suggest": self.suggest, "note": self.write_note,
            "agree": self.agree,
        }
        return handlers[name]()

    def moved(self, move: Callable[[], bool]) -> bool:
        try:
            if not move():
                self.message("plain_cannot_move")
                return False
        except StoreError as e:
            self.message("error_save_plain", reason=e)
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
        step, question = session.flow.step(), session.question
        pieces = []
        sources: list[str] = []
        if step is not None and question is not None:
            first = session.flow.questions(step.id)[:1] == [question]
            texts = [question.template(session.about), question.why, *question.examples]
            if first:
                texts.insert(0, step.intro_template(session.about))
                sources += step.sources
            for text in texts:
                pieces += fill_marked(text, words, session.placeholders)
            for choice in question.choices:
                pieces += mark(choice.label, words)
            sources += question.sources
        self.say()
        self.message("explain_words")
        terms = terms_in(pieces)
        if not terms:
            self.message("explain_no_words")
        for term in terms:
            self.say(f"{term.term}: {term.meaning}")
        self.message("explain_sources")
        if not sources:
            self.message("explain_no_sources")
        for source_id in dict.fromkeys(sources):
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
        picked = self.choose_or_stay(rows)
        if picked is None:
            return True
        return self.moved(lambda: session.go_to(ids[picked]))

    def choose_or_stay(self, rows: list[str]) -> int | None:
        """Numbered rows; an empty line chooses none of them."""
        for number, row in enumerate(rows, 1):
            self.say(f"{number}. {row}")
        while True:
            line = self.read(self.words.message("plain_choose_or_stay"), False)
            if not line.strip():
                return None
            found = pick(line, rows)
            if found is not None:
                return found
            self.message("error_choose_number", most=len(rows))

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
            step = words.message("check_step", number=finding.step_number,
                                 title=finding.step_title) if finding.step_number else (
                finding.step_title)
            where = words.message("check_where", step=step, question=finding.question_label)
            worth = "" if finding.blocks else words.message("check_worth_checking") + " "
            rows.append(f"{worth}{finding.text} {where}")
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

    def save_file(self) -> bool:
        session, words = self.session, self.words
        assert session is not None
        self.say()
        self.message("export")
        names = [words.message("format_" + f.replace("-", "_")) for f in SAVE_FORMATS]
        fmt = SAVE_FORMATS[self.choose(names, words.message("plain_choose"), 0)]
        default = Path.home() / file_name(session.journey.id, fmt)
        self.message("plain_where", path=str(default))
        typed = clean(self.read(words.message("plain_prompt"), False)).strip()
        path = Path(typed).expanduser() if typed else default
        try:
            write_file(session, path, fmt)
        except OSError as e:
            self.message("export_failed", reason=e.strerror or str(e))
            return False
        self.message("exported", path=path)
        return False

    def suggest(self) -> bool:
        assert self.session is not None
        journey = self.session.journey
        if journey.mode is not Mode.WITH:
            self.message("plain_suggest_not_here", name=self.session.name)
            return False
        self.suggesting = not self.suggesting
        self.message("plain_suggesting" if self.suggesting else "plain_said_by",
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
            self.message("error_save_plain", reason=e)
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
            said = "; ".join(answer_lines(words, question, answer.value, session.name))
            self.say(f"{question.label}: {said}")
            line = self.read(words.message("plain_agree", name=session.name), False)
            if pick(line, [words.message("yes"), words.message("no")]) == 0:
                try:
                    session.confirm(answer.question)
                except StoreError as e:
                    self.message("error_save_plain", reason=e)
                    return False
        return False


def pick(line: str, options: list[str]) -> int | None:
    """The option meant by a number, or by its words (all of them, or the start of just
    one), ignoring case."""
    typed = " ".join(line.lower().split()).rstrip(".")
    if not typed:
        return None
    if typed.isdigit():
        number = int(typed)
        return number - 1 if 1 <= number <= len(options) else None
    lowered = [" ".join(o.lower().split()).rstrip(".") for o in options]
    if typed in lowered:
        return lowered.index(typed)
    starts = [i for i, o in enumerate(lowered) if o.startswith(typed)]
    return starts[0] if len(starts) == 1 else None


def pick_many(line: str, options: list[str]) -> list[int]:
    """Numbers like "1 3 4" or "1, 3 and 4"; anything else gives none."""
    parts = line.replace(",", " ").lower().split()
    parts = [p for p in parts if p not in ("and", "&")]
    if not parts or not all(p.isdigit() and 1 <= int(p) <= len(options) for p in parts):
        return []
    return sorted({int(p) - 1 for p in parts})


def file_name(journey_id: str, fmt: str) -> str:
    if fmt == "prep":
        return f"assessment-sheet-{journey_id}.md"
    kind = "profile" if fmt.startswith("profile-") else "support-plan"
    return f"{kind}-{journey_id}{render.FORMATS[fmt].suffix}"


def write_file(session: Session, path: Path, fmt: str) -> None:
    from journey.private import write_private_bytes

    if fmt == "prep":
        from journey import prep

        sheet = render.render_prep(prep.build(session.content, session.journey))
        write_private_bytes(path, sheet.encode())
        return
    write_private_bytes(path, render.export(session.plan(), fmt, False))


def wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Plain lines, rather than the app: when input or output is not a terminal, or the
    terminal says it cannot draw a screen."""
    import os

    env = os.environ if environ is None else environ
    terminal = _is_terminal(sys.stdin) and _is_terminal(sys.stdout)
    return not terminal or env.get("TERM", "") == "dumb"


def run(store: Store, journey_id: str | None = None, new: bool = False,
        inp: TextIO | None = None, out: TextIO | None = None, speak: bool = False,
        words: Words | None = None) -> int:
    """Hold the whole conversation in plain lines. Returns the exit code."""
    from journey import content

    words = words or content.default()
    inp = inp or _readable(sys.stdin)
    out = out or sys.stdout
    speaker = Speaker() if speak else None
    plain = Plain(words, inp, out, speaker)
    if speaker is not None and not speaker.available:
        plain.message("speech_none")
        plain.speaker = None
    session = None
    try:
        session = plain.start(store, journey_id, new)
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
        plain.message("error_no_journey", id=journey_id or "")
        return 1
    finally:
        if speaker is not None:
            speaker.stop()
        if session is not None:
            session.close()
    return 0


def _reader_gone(out: TextIO) -> None:
    """Output goes nowhere from now on, so closing does not complain about a broken pipe."""
    import os

    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _readable(stream: TextIO) -> TextIO:
    """Standard input that reads bytes it cannot decode as a replacement mark, not a crash."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")
    return stream


__all__ = ["Plain", "run", "wanted"]
