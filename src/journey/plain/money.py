"""The direct-payment record in plain lines: the `money` word shows the record set against
the plan, and lets the person add money in or out, or take a line out, one thing asked at a
time, each line saved before the next is asked. No Textual."""

from __future__ import annotations

from journey.core.model import MoneyRemoved
from journey.money import kinds
from journey.money.against import against, normal
from journey.money.record import has_direct_payment, pounds, read
from journey.money.shown import day as shown_day
from journey.money.shown import entry_line, summary_lines
from journey.money.typed import (
    MoneyError,
    Typed,
    amount,
    change,
    day,
    entry,
    only_pa,
    support_lines,
)
from journey.plain.lines import Lines
from journey.store.database import StoreError


class Recording(Lines):
    """The `money` word of the plain conversation."""

    def money_record(self) -> bool:
        """Show the record and take additions. True: show the question again after."""
        session = self.session
        assert session is not None
        money = kinds.default()
        if not has_direct_payment(session.snapshot().live):
            self.say(money.say("no_direct_payment"))
            return False
        self.say()
        self.say(money.say("plain_title"))
        self.show_money()
        remove = self.words.message("plain_word_remove").split("|")
        while True:
            self.say()
            typed = normal(self.read(money.say("plain_menu"), actions=False))
            if not typed:
                self.say(money.say("plain_back"))
                return True
            first, _, rest = typed.partition(" ")
            if typed == "add":
                self.add_money()
            elif first in remove and rest:
                self.remove_money(rest)
            elif first in money.say("plain_word_change").split("|") and rest:
                self.change_money(rest)
            elif typed in ("check", "list"):
                self.show_money()

    def show_money(self) -> None:
        session = self.session
        assert session is not None
        money = kinds.default()
        for line in summary_lines(self.words, money, against(self.words, money,
                                                             session.journey, "all")):
            self.say(line)
        record = read(session.journey, money)
        planned = {normal(line.what) for line in support_lines(self.words, session.journey)}
        self.say()
        self.say(money.say("entries_title"))
        for number, found in enumerate(record.entries, 1):
            self.say(entry_line(money, found, number, planned))
        if not record.entries:
            self.say(money.say("none_yet"))

    def add_money(self) -> None:
        session = self.session
        assert session is not None
        content, money = self.words, kinds.default()
        picked = money.kinds[self.choose([k.label for k in money.kinds],
                                         money.say("plain_kind"))]
        while True:
            typed_amount = self.read(money.say("plain_amount"), actions=False)
            try:
                amount(content, money, typed_amount)
                break
            except MoneyError as e:
                self.say(str(e))
        while True:
            try:
                typed_day = day(content, self.read(money.say("plain_day"), actions=False))
                break
            except MoneyError as e:
                self.say(str(e))
        who = self.read(money.say("plain_who"), actions=False)
        support = ""
        if picked.direction == "out":
            lines = support_lines(content, session.journey)
            options = [line.what for line in lines] + [money.say("plain_support_none")]
            usual = only_pa(lines) if picked.pays_pa else None
            default = next((n for n, line in enumerate(lines) if line.what == usual), None)
            chosen = self.choose(options, money.say("plain_support"), default=default)
            support = options[chosen] if chosen < len(lines) else ""
        purpose = self.read(money.say("plain_purpose"), actions=False)
        papers = [p.label for p in money.papers] + [money.say("plain_evidence_none")]
        chosen = self.choose(papers, money.say("plain_evidence"), default=len(money.papers))
        evidence = money.papers[chosen].id if chosen < len(money.papers) else ""
        kept = self.read(money.say("plain_kept"), actions=False) if evidence else ""
        try:
            made = entry(content, money, session.journey,
                         Typed(kind=picked.id, amount=typed_amount, day=typed_day, who=who,
                               support=support, purpose=purpose, evidence=evidence,
                               kept_where=kept),
                         session.journey.speaker("money.record")[0])
            session.keep_money(made)
        except MoneyError as e:
            self.say(str(e))
            return
        except StoreError as e:
            self.message("error_save_plain", reason=e)
            return
        record = read(session.journey, money)
        number = next(n for n, e in enumerate(record.entries, 1) if e.id == made.id)
        planned = {normal(line.what) for line in support_lines(content, session.journey)}
        self.say(money.say("added", line=entry_line(money, record.entries[number - 1], number,
                                                    planned)))

    def change_money(self, said: str) -> None:
        """One line changed in place, each thing asked with what it holds now: Enter keeps
        it. Kept again under its id; the line before stays in the history."""
        session = self.session
        assert session is not None
        content, money = self.words, kinds.default()
        record = read(session.journey, money)
        found = record.entry(said)
        if found is None:
            self.say(money.say("plain_no_entry", entry=said[:40]))
            return

        def ask(key: str, now: str) -> str | None:
            typed = self.read(money.say("plain_change_now", question=money.say(key),
                                        now=now or "…"), actions=False)
            return typed if typed.strip() else None

        typed: dict[str, str | None] = {}
        while True:
            typed["amount"] = ask("plain_amount", pounds(found.pence))
            try:
                if typed["amount"] is not None:
                    amount(content, money, typed["amount"])
                break
            except MoneyError as e:
                self.say(str(e))
        while True:
            typed["day"] = ask("plain_day", shown_day(found.day))
            try:
                if typed["day"] is not None:
                    typed["day"] = day(content, typed["day"])
                break
            except MoneyError as e:
                self.say(str(e))
        typed["who"] = ask("plain_who", found.who)
        if found.direction == "out":
            lines = support_lines(content, session.journey)
            options = [line.what for line in lines] + [money.say("plain_support_none")]
            now = next((n for n, line in enumerate(lines) if line.what == found.support),
                       len(lines))
            chosen = self.choose(options, money.say("plain_support"), default=now)
            if chosen != now:
                typed["support"] = options[chosen] if chosen < len(lines) else ""
        typed["purpose"] = ask("plain_purpose", found.purpose)
        typed["kept_where"] = ask("plain_kept", found.kept_where or "")
        try:
            made = change(content, money, session.journey, found,
                          session.journey.speaker("money.record")[0], **typed)
            session.keep_money(made)
        except MoneyError as e:
            self.say(str(e))
            return
        except StoreError as e:
            self.message("error_save_plain", reason=e)
            return
        record = read(session.journey, money)
        number = next(n for n, e in enumerate(record.entries, 1) if e.id == made.id)
        planned = {normal(line.what) for line in support_lines(content, session.journey)}
        self.say(money.say("changed", line=entry_line(money, record.entries[number - 1],
                                                      number, planned)))

    def remove_money(self, said: str) -> None:
        session = self.session
        assert session is not None
        money = kinds.default()
        record = read(session.journey, money)
        found = record.entry(said)
        if found is None:
            self.say(money.say("plain_no_entry", entry=said[:40]))
            return
        number = record.entries.index(found) + 1
        try:
            session.keep_money(MoneyRemoved(entry=found.id,
                                            by=session.journey.speaker("money.record")[0]))
        except StoreError as e:
            self.message("error_save_plain", reason=e)
            return
        planned = {normal(line.what) for line in support_lines(self.words, session.journey)}
        self.say(money.say("removed", line=entry_line(money, found, number, planned)))
