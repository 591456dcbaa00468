"""The plain conversation's answers, kind by kind: each read through journey.core.answers and
saved by the session before the next question. A list, the circle of support, costed support
and actions are asked one thing at a time. No Textual."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journey.content import Kind, Question
from journey.core import answers
from journey.core.answers import AnswerError, Per, Period, Provider, Ring, Status
from journey.core.circle import same
from journey.plain.lines import Lines, pick, pick_many
from journey.plan import action_line, item_line, member_line
from journey.plan import aims as plan_aims
from journey.plan.costing import fundings

UNPAID_CARER = "circle.unpaid-carer"  # the details form asks for the unpaid carer only then


class Answering(Lines):
    """Takes an answer to the question asked, in the way its kind needs."""

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
            Kind.DETAILS: self.take_details, Kind.RATINGS: self.take_ratings,
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
        """The choices offered now, in words that follow the mode."""
        assert self.session is not None
        return [label for _, label in self.session.options(question)]

    def values(self, question: Question) -> list[str]:
        assert self.session is not None
        return [value for value, _ in self.session.options(question)]

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

    def take_ratings(self, question: Question) -> None:
        """One of the marks for each thing of the plan, one thing at a time; an empty line
        keeps the mark given before. The answer is saved once every thing has one."""
        from journey.conversation.review import rated_things

        session = self.session
        assert session is not None
        labels, values = self.labels(question), self.values(question)
        things = rated_things(session, question)
        if not things:
            self.message("ratings_nothing")
            if not self.keep_or(question, self.read()):
                self.save({})
            return
        before = session.journey.value(question.id)
        before = before if isinstance(before, dict) else {}
        for number, label in enumerate(labels, 1):
            self.say(f"{number}. {label}")
        self.message("plain_choice_hint")
        marks: dict[str, str] = {}
        for n, thing in enumerate(things, 1):
            self.say(self.words.message("ratings_thing", number=n, count=len(things),
                                        thing=thing))
            while True:
                line = self.read()
                if not line.strip() and before.get(thing) in values:
                    marks[thing] = before[thing]
                    break
                found = pick(line, labels)
                found = pick(line, values) if found is None else found
                if found is not None:
                    marks[thing] = values[found]
                    break
                self.message("error_choose_number", most=len(labels))
        self.save(marks)

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
            said = answers.period_said(line)
            if said is not None:  # "£8,000 a year": the period is said, as in the app
                if not said.repeats:  # there is no box beside the amount to point to here
                    raise AnswerError("error_money_other_period", said=line.strip()[:40])
                self.save(answers.money(line, said))
                return
            answers.money(line, Period.WEEK)  # the amount is checked before the period
            self.message("plain_period")
            period = list(Period)[self.choose(periods, self.words.message("plain_choose"), 0,
                                              actions=True)]
            self.save(answers.money(line, period))
        self.retrying(attempt)

    def take_person(self, question: Question) -> None:
        """Pick someone from the circle (a number, or their name), or someone else, who is
        asked for and joins the circle."""
        session, words = self.session, self.words
        assert session is not None
        candidates = session.candidates(question)
        if candidates:
            for number, (_, label) in enumerate(candidates, 1):
                self.say(f"{number}. {label}")
            self.say(f"{len(candidates) + 1}. {words.message('pick_someone_else')}")
            self.message("plain_pick_hint")

        def attempt() -> None:
            if candidates:
                line = self.read()
                if self.keep_or(question, line):
                    return
                found = picked(line, candidates, words.message("pick_someone_else"))
                if found is not None and found < len(candidates):
                    self.save(dict(candidates[found][0]))
                    return
                typed = "" if found is not None or line.strip().isdigit() else line
                if not typed and found is None:
                    raise AnswerError("error_choose_number", most=len(candidates) + 1)
                self.message("pick_new_hint")
                name = typed or self.read(words.message("plain_person_name"))
            else:
                self.message("pick_new_hint")
                name = self.read(words.message("plain_person_name"))
                if self.keep_or(question, name):
                    return
            person = answers.person(name, "")  # a missing name is said before the next prompt
            known = next((p for p, _ in candidates if same(p, person)), None)
            if known is not None:
                self.save(dict(known))
                return
            relation = self.read(words.message("plain_person_relation"))
            self.message("people_ring")
            rings = [words.message("ring_" + r.value) for r in Ring]
            ring = list(Ring)[self.choose(rings, words.message("plain_choose"), 0, True)]
            assert session is not None
            session.answer(answers.person(name, relation), suggested=self.suggesting,
                           joins=ring.value)
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

    def take_details(self, question: Question) -> None:
        """Each detail in turn; an empty line leaves it out (or keeps what was given)."""
        words, session = self.words, self.session
        assert session is not None
        earlier = session.journey.value(question.id)
        given: dict[str, str] = dict(earlier) if isinstance(earlier, dict) else {}
        has_carer = session.journey.value(UNPAID_CARER) == "yes"
        self.message("plain_details_hint")
        for key in answers.DETAIL_KEYS:
            if key == "carer" and not has_carer:
                continue
            label = words.message("details_" + key)

            def attempt(key: str = key, label: str = label) -> None:
                line = self.read(f"{label}:")
                if line.strip():
                    given.update(answers.details({**given, key: line}))
            self.retrying(attempt)
        self.save(answers.details(given))

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
        assert self.session is not None
        snap = self.session.snapshot()
        aims = plan_aims(snap)  # the person's needs and outcomes
        # A health budget is not offered once its step is not needed.
        offered_fundings = fundings(words, snap.live)
        items = self.earlier_list(question, lambda v: isinstance(v, dict))
        self.show_items([item_line(words, i) for i in items])
        self.message("plain_items_hint")

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
            serves = self.meets(aims)
            provider = list(Provider)[ask_choice(
                "item_provider", ["provider_" + p.value for p in Provider])]
            funding = offered_fundings[ask_choice(
                "item_funding",
                ["funding_" + f.value.replace("-", "_") for f in offered_fundings])]
            how_many = self.field(words.message("item_how_many") + ":", answers.times)
            period = list(Period)[ask_choice(
                "item_period", ["period_" + p.value.replace("-", "_") for p in Period])]
            per = list(Per)[ask_choice("item_per", ["item_per_hour", "item_per_time"])]
            how_long = "" if per is Per.TIME else self.field(
                words.message("item_how_long") + ":", answers.hours)
            cost = self.field(words.message("item_cost") + ":",
                              lambda typed: answers.unit_cost(typed, per.value))
            items.append(answers.support_item(what, helps, provider.value, how_many,
                                              period.value, how_long, cost, per.value,
                                              funding.value, serves))
            self.save(list(items), move_on=False)
            self.message("plain_added", what=item_line(words, items[-1]))
            return False
        self.repeat(attempt)

    def meets(self, aims: list[str]) -> list[str]:
        """Which of the person's needs and outcomes a piece of support meets: numbers, or an
        empty line for none of them. None are asked when there are none to choose."""
        if not aims:
            return []
        self.message("plain_item_meets")
        for number, aim in enumerate(aims, 1):
            self.say(f"{number}. {aim}")
        while True:
            line = self.read(self.words.message("plain_item_meets_prompt"))
            if not line.strip():
                return []
            picked = pick_many(line, aims)
            if picked:
                return [aims[i] for i in picked]
            self.message("error_choose_numbers", most=len(aims))

    def who(self, people: list[tuple[dict[str, str], str]]) -> str:
        """Who does an action: a number picks the person or someone in their circle; a name
        is kept as typed; an empty line leaves it to decide later."""
        words = self.words
        if people:
            self.message("action_who_field")
            for number, (_, label) in enumerate(people, 1):
                self.say(f"{number}. {label}")
            self.message("plain_pick_hint")
        while True:
            line = self.read(words.message("action_who_field") + ":")
            found = picked(line, people) if people else None
            if found is not None:
                return people[found][0]["name"]
            if line.strip().isdigit() and people:
                self.message("error_choose_number", most=len(people))
                continue
            return line

    def take_actions(self, question: Question) -> None:
        words = self.words
        assert self.session is not None
        people = self.session.candidates(question)
        items = self.earlier_list(question, lambda v: answers.as_action(v) is not None)

        def line(item: Any) -> str:
            action = answers.as_action(item)
            return action_line(words, action) if action else str(item)

        self.show_items([line(i) for i in items])
        self.message("plain_actions_hint")

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
            who = self.who(people)
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


def picked(line: str, people: list[tuple[dict[str, str], str]], *more: str) -> int | None:
    """Whom a line means: a number, or a name or words in full (any capitals). Part of a
    name is a new name, not a guess at someone else's."""
    typed = " ".join(line.casefold().split())
    if typed.isdigit():
        number = int(typed)
        return number - 1 if 1 <= number <= len(people) + len(more) else None
    for index, (person, label) in enumerate(people):
        if typed in (" ".join(person["name"].casefold().split()), label.casefold()):
            return index
    return next((len(people) + i for i, words in enumerate(more)
                 if typed == words.casefold()), None)
