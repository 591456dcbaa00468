"""Answers from web forms, kind by kind, read through journey.core.answers exactly as the plain
lines read typed lines; and what each kind of question shows in its form. Lists, the circle
of support, costed support and actions take one thing at a time, as in plain lines: "add"
saves the list with one more, "remove" saves it with one fewer, and "continue" finishes it.
No server code here: the pages (journey.web.pages) call it with the fields posted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from journey.content import Kind, Question
from journey.conversation.session import Session
from journey.core import answers
from journey.core.answers import AnswerError, Per, Period, Provider, Ring, Status
from journey.core.circle import same
from journey.plan import action_line, answer_lines, item_line, member_line
from journey.plan import aims as plan_aims
from journey.plan.costing import fundings

UNPAID_CARER = "circle.unpaid-carer"  # the details form asks for the unpaid carer only then
LIST_KINDS = (Kind.LIST, Kind.PEOPLE, Kind.SUPPORT, Kind.ACTIONS)
# The first box of each list kind's "add one" form: empty, there is nothing to add.
FIRST_FIELD = {Kind.LIST: "item", Kind.PEOPLE: "name", Kind.SUPPORT: "what",
               Kind.ACTIONS: "what"}

Form = dict[str, list[str]]
NOT_TYPED = ("csrf", "question", "do")  # a form's own fields, never typed by the person


class FieldError(AnswerError):
    """An answer that cannot be saved, and the box it came from (for the error summary's
    link and the message beside the box)."""

    def __init__(self, error: AnswerError, name: str) -> None:
        super().__init__(error.key, **error.values)
        self.field = name


def one(form: Form, name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


def at(name: str, read: Callable[..., Any], *args: Any) -> Any:
    """Read one box; an error names the box."""
    try:
        return read(*args)
    except FieldError:
        raise
    except AnswerError as e:
        raise FieldError(e, name) from None


# -- what the person posted, as an answer -------------------------------------------------


@dataclass
class Posted:
    """What to save: the value, whether to move on, and someone new joining the circle."""

    value: Any
    move_on: bool = True
    joins: str | None = None
    keep: bool = False  # nothing typed, and an earlier answer fits: keep it and move on
    saved: bool = True  # False: a list emptied that cannot be saved empty (kept as it was)


def earlier_list(session: Session, question: Question) -> list[Any]:
    value = session.journey.value(question.id)
    if not isinstance(value, list):
        return []
    if question.kind is Kind.LIST:
        return [v for v in value if isinstance(v, str)]
    if question.kind is Kind.ACTIONS:
        return [v for v in value if answers.as_action(v) is not None]
    return [v for v in value if isinstance(v, dict)]


def has_earlier(session: Session, question: Question) -> bool:
    journey = session.journey
    return question.id in journey.answers and question.id not in journey.unfit


def read(session: Session, question: Question, form: Form, do: str) -> Posted:
    """The answer a form gives, for `do`: "continue", "add" or "remove:N". Raises
    FieldError for an answer that cannot be saved."""
    kind = question.kind
    if kind in LIST_KINDS:
        return read_list(session, question, form, do)
    if kind in (Kind.TEXT, Kind.DATE):
        typed = one(form, "answer")
        if not typed.strip() and has_earlier(session, question):
            return Posted(None, keep=True)
        reader = answers.text if kind is Kind.TEXT else answers.when
        return Posted(at("answer", reader, typed))
    if kind in (Kind.CHOICE, Kind.YESNO):
        values = [v for v, _ in session.options(question)]
        picked = one(form, "answer")
        if picked not in values:
            raise FieldError(AnswerError("error_choose"), "answer")
        return Posted(picked)
    if kind is Kind.MULTI:
        values = [v for v, _ in session.options(question)]
        picked = [v for v in form.get("answer", []) if v in values]
        if not picked:
            raise FieldError(AnswerError("web_error_tick"), "answer")
        return Posted([v for v in values if v in picked])
    if kind is Kind.MONEY:
        typed = one(form, "amount")
        period = one(form, "period")
        if period not in Period._value2member_map_:
            period = Period.WEEK.value
        return Posted(at("amount", answers.money, typed, period))
    if kind is Kind.PERSON:
        return read_person(session, question, form)
    if kind is Kind.DETAILS:
        return Posted(read_details(session, question, form))
    if kind is Kind.RATINGS:
        return Posted(read_ratings(session, question, form))
    raise FieldError(AnswerError("error_unreadable"), "answer")


def read_person(session: Session, question: Question, form: Form) -> Posted:
    candidates = session.candidates(question)
    picked = one(form, "pick")
    if picked.isdigit() and int(picked) < len(candidates):
        return Posted(dict(candidates[int(picked)][0]))
    if candidates and picked != "new":
        raise FieldError(AnswerError("error_choose"), "pick")
    person = at("name", answers.person, one(form, "name"), one(form, "relation"))
    known = next((p for p, _ in candidates if same(p, person)), None)
    if known is not None:
        return Posted(dict(known))
    ring = one(form, "ring")
    if ring not in Ring._value2member_map_:
        raise FieldError(AnswerError("error_choose"), "ring")
    return Posted(person, joins=ring)


def rated(session: Session, question: Question) -> list[str]:
    """The things of the plan a ratings question rates, in order (one radio group each)."""
    from journey.conversation.review import rated_things

    return rated_things(session, question)


def read_ratings(session: Session, question: Question, form: Form) -> dict[str, str]:
    """One mark for each thing, from its own group ("rate-N"). A group left empty, or with
    a value the form did not offer, is refused, naming that group: nothing is saved until
    every thing has a mark, and what was ticked stays ticked."""
    values = [v for v, _ in session.options(question)]
    marks: dict[str, str] = {}
    for number, thing in enumerate(rated(session, question)):
        picked = form.get(f"rate-{number}") or []
        if len(picked) != 1 or picked[0] not in values:
            raise FieldError(AnswerError("error_rate", thing=thing), f"rate-{number}")
        marks[thing] = picked[0]
    return marks


def detail_keys(session: Session) -> list[str]:
    has_carer = session.journey.value(UNPAID_CARER) == "yes"
    return [k for k in answers.DETAIL_KEYS if k != "carer" or has_carer]


def read_details(session: Session, question: Question, form: Form) -> dict[str, str]:
    earlier = session.journey.value(question.id)
    given: dict[str, str] = dict(earlier) if isinstance(earlier, dict) else {}
    for key in detail_keys(session):
        given[key] = one(form, "d-" + key)
        at("d-" + key, answers.details, {key: given[key]})  # each box checked on its own
    return answers.details(given)


def read_item(session: Session, question: Question, form: Form) -> Any:
    """One more thing for a list, from the "add one" boxes."""
    kind = question.kind
    if kind is Kind.LIST:
        return at("item", answers.text, one(form, "item"))
    if kind is Kind.PEOPLE:
        at("name", answers.person, one(form, "name"), "")
        ring = one(form, "ring")
        if ring not in Ring._value2member_map_:
            raise FieldError(AnswerError("error_choose"), "ring")
        return at("helps", answers.circle_member, one(form, "name"), one(form, "relation"),
                  ring, one(form, "helps"))
    if kind is Kind.SUPPORT:
        aims = plan_aims(session.snapshot())
        serves = [a for a in aims if a in form.get("serves", [])]
        at("what", answers.text, one(form, "what"))
        at("times", answers.times, one(form, "times"))
        per = one(form, "per") if one(form, "per") in Per._value2member_map_ else Per.HOUR.value
        if per == Per.HOUR.value or one(form, "hours").strip():
            at("hours", answers.hours, one(form, "hours"))
        at("cost", answers.amount, one(form, "cost"))
        choice = {f.value for f in fundings(session.content, session.snapshot().live)}
        for name, allowed in (("provider", Provider._value2member_map_),
                              ("period", Period._value2member_map_), ("funding", choice)):
            if one(form, name) not in allowed:
                raise FieldError(AnswerError("error_choose"), name)
        return answers.support_item(one(form, "what"), one(form, "helps"), one(form, "provider"),
                                    one(form, "times"), one(form, "period"), one(form, "hours"),
                                    one(form, "cost"), per, one(form, "funding"), serves)
    status = one(form, "status")
    if status not in Status._value2member_map_:
        raise FieldError(AnswerError("error_choose"), "status")
    at("what", answers.text, one(form, "what"))
    if one(form, "by").strip():
        at("by", answers.when, one(form, "by"))
    return answers.action(one(form, "what"), one(form, "who"), one(form, "by"), status)


def read_list(session: Session, question: Question, form: Form, do: str) -> Posted:
    items = earlier_list(session, question)
    kind = question.kind
    if do.startswith("remove:"):
        number = do.partition(":")[2]
        if not number.isdigit() or not 0 <= int(number) < len(items):
            raise FieldError(AnswerError("error_choose"), FIRST_FIELD[kind])
        del items[int(number)]
        # As in plain lines: a list or circle emptied is not saved empty.
        return Posted(items, move_on=False,
                      saved=bool(items) or kind in (Kind.SUPPORT, Kind.ACTIONS))
    if do == "add" or one(form, FIRST_FIELD[kind]).strip():
        items.append(read_item(session, question, form))
        if do == "add":
            return Posted(items, move_on=False)
    first = FIRST_FIELD[kind]
    if kind is Kind.LIST:
        return Posted(at(first, answers.items, items))
    if kind is Kind.PEOPLE:
        return Posted(at(first, answers.people, items))
    if not items:
        raise FieldError(AnswerError("error_no_items"), first)
    return Posted(items)


def save(session: Session, posted: Posted, suggested: bool = False) -> None:
    if posted.keep:
        session.next()
        return
    if not posted.saved:
        return
    session.answer(posted.value, move_on=posted.move_on, suggested=suggested,
                   joins=posted.joins)


# -- what a question's form shows ---------------------------------------------------------


@dataclass
class Option:
    value: str
    label: str
    checked: bool = False


@dataclass
class View:
    """Everything a question's form needs, as text and plain values (the template escapes)."""

    kind: str
    fields: dict[str, str] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # a list's things so far
    choices: dict[str, list[Option]] = field(default_factory=dict)  # the smaller choices
    groups: list[tuple[str, list[Option]]] = field(default_factory=list)  # each thing rated
    earlier: str = ""  # the answer so far, in words


def _options(words: Any, prefix: str, values: list[str], chosen: str) -> list[Option]:
    return [Option(v, words.message(prefix + v.replace("-", "_")), v == chosen) for v in values]


def view(session: Session, question: Question, typed: Form | None) -> View:
    """The form for a question: what was typed (after an error) or the answer so far."""
    words = session.content
    kind = question.kind
    given = session.journey.value(question.id) if has_earlier(session, question) else None
    shown = View(kind.value)
    if given is not None and kind not in LIST_KINDS:
        shown.earlier = "; ".join(answer_lines(words, question, given, session.name,
                                               session.about))
    typed = typed or {}

    def typed_or(name: str, otherwise: str = "") -> str:
        return one(typed, name) if name in typed else otherwise

    if kind in (Kind.TEXT, Kind.DATE):
        shown.fields["answer"] = typed_or("answer")
    elif kind in (Kind.CHOICE, Kind.YESNO, Kind.MULTI):
        chosen = typed.get("answer") if "answer" in typed else (
            given if isinstance(given, list) else [given] if isinstance(given, str) else [])
        shown.options = [Option(v, label, v in (chosen or []))
                         for v, label in session.options(question)]
    elif kind is Kind.MONEY:
        amount = given.get("amount", "") if isinstance(given, dict) else ""
        period = given.get("period", "week") if isinstance(given, dict) else "week"
        shown.fields["amount"] = typed_or("amount", str(amount))
        shown.choices["period"] = _options(words, "period_", [p.value for p in Period],
                                           typed_or("period", str(period)))
    elif kind is Kind.PERSON:
        candidates = session.candidates(question)
        picked = typed_or("pick")
        if not picked and isinstance(given, dict):
            picked = next((str(i) for i, (p, _) in enumerate(candidates) if same(p, given)), "")
        shown.options = [Option(str(i), label, picked == str(i))
                         for i, (_, label) in enumerate(candidates)]
        shown.options.append(Option("new", words.message("pick_someone_else"), picked == "new"))
        for name in ("name", "relation"):
            shown.fields[name] = typed_or(name)
        shown.choices["ring"] = _options(words, "ring_", [r.value for r in Ring],
                                         typed_or("ring", Ring.FRIENDS.value))
    elif kind is Kind.RATINGS:
        before = given if isinstance(given, dict) else {}
        for number, thing in enumerate(rated(session, question)):
            name = f"rate-{number}"
            chosen = typed_or(name, str(before.get(thing, "")))
            shown.groups.append((thing, [Option(v, label, v == chosen)
                                         for v, label in session.options(question)]))
    elif kind is Kind.DETAILS:
        for key in detail_keys(session):
            before = given.get(key, "") if isinstance(given, dict) else ""
            shown.fields["d-" + key] = typed_or("d-" + key, str(before))
    else:
        items = earlier_list(session, question)
        shown.lines = [_line(words, question, i) for i in items]
        if kind is Kind.LIST:
            shown.fields["item"] = typed_or("item")
        elif kind is Kind.PEOPLE:
            for name in ("name", "relation", "helps"):
                shown.fields[name] = typed_or(name)
            shown.choices["ring"] = _options(words, "ring_", [r.value for r in Ring],
                                             typed_or("ring", Ring.FRIENDS.value))
        elif kind is Kind.SUPPORT:
            for name in ("what", "helps", "times", "hours", "cost"):
                shown.fields[name] = typed_or(name)
            snap = session.snapshot()
            serves = typed.get("serves", [])
            shown.choices["serves"] = [Option(a, a, a in serves) for a in plan_aims(snap)]
            shown.choices["provider"] = _options(words, "provider_", [p.value for p in Provider],
                                                 typed_or("provider", Provider.PA.value))
            offered = [f.value for f in fundings(words, snap.live)]
            shown.choices["funding"] = _options(words, "funding_", offered,
                                                typed_or("funding", offered[0]))
            shown.choices["period"] = _options(words, "period_", [p.value for p in Period],
                                               typed_or("period", Period.WEEK.value))
            shown.choices["per"] = [
                Option(p.value, words.message("item_per_" + p.value), typed_or(
                    "per", Per.HOUR.value) == p.value) for p in Per]
        else:
            for name in ("what", "who", "by"):
                shown.fields[name] = typed_or(name)
            shown.choices["status"] = _options(words, "action_", [s.value for s in Status],
                                               typed_or("status", Status.TO_DO.value))
    return shown


def _line(words: Any, question: Question, item: Any) -> str:
    if question.kind is Kind.PEOPLE:
        return member_line(words, item)
    if question.kind is Kind.SUPPORT:
        return item_line(words, item)
    if question.kind is Kind.ACTIONS:
        action = answers.as_action(item)
        return action_line(words, action) if action else str(item)
    return str(item)
