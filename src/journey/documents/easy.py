"""The plan in Easy Read: short sentences, one idea a line, a picture beside each idea, made
from the same plan parts as every other document. The person's own words are kept as they
said them; the words around them are content (content/templates/easy.toml, graded to a
stricter gate than the rest), and so is which picture goes with which idea
(content/easy-read/pictures.toml). What the full plan says in more detail is left out, and
the last page says so. Sums of money are rounded, as people say them: "about £70 a week".

The web page (easy.html.j2) and Word (journey.documents.easy_word) draw this alike."""

from __future__ import annotations

import base64
import re
import tomllib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from journey.content import content_dir
from journey.core.answers import show_date
from journey.plan import Plan

PARTS = ("about", "change", "week", "money", "circle", "wrong", "review", "next", "more")


@dataclass(frozen=True, slots=True)
class Picture:
    id: str
    alt: str
    words: tuple[str, ...]
    svg: Path
    png: Path

    def data_uri(self) -> str:
        """The SVG inside the page, so the page fetches nothing."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.read_bytes()).decode()


@dataclass(frozen=True, slots=True)
class Pictures:
    credit: str
    default: str
    by_id: dict[str, Picture]

    def for_words(self, text: str) -> str:
        """The picture a person's own line chooses by its words, or the default."""
        found = set(re.findall(r"[a-z]+", text.lower()))
        # The picture most of whose words are there; the first listed of those that tie.
        best = max(self.by_id.values(), key=lambda p: len(found & set(p.words)))
        return best.id if found & set(best.words) else self.default


@dataclass(slots=True)
class Idea:
    """One line of the plan, beside its picture. `own`: the person's words, as said."""

    text: str
    picture: str
    own: bool = False
    sub: list[str] = field(default_factory=list)  # more about it, each a short line


@dataclass(slots=True)
class EasyPart:
    id: str
    heading: str
    picture: str
    ideas: list[Idea]


@dataclass(slots=True)
class EasyDocument:
    title: str
    front: list[str]
    photo: str
    parts: list[EasyPart]
    credit: str
    page: str
    pictures: Pictures


def _folder() -> Path:
    return content_dir() / "easy-read"


@cache
def words() -> dict[str, Any]:
    with (content_dir() / "templates" / "easy.toml").open("rb") as f:
        data = tomllib.load(f)
    unknown = set(data) - {"words", "parts"}
    if unknown or set(data.get("parts", {})) != set(PARTS):
        raise ValueError(f"easy.toml: expected [words] and a part for each of {PARTS}")
    return data


@cache
def pictures() -> Pictures:
    with (_folder() / "pictures.toml").open("rb") as f:
        data = tomllib.load(f)
    folder = _folder() / "pictures"
    found = {}
    for key, value in data["pictures"].items():
        unknown = set(value) - {"source", "alt", "words"}
        if unknown or not value.get("alt"):
            raise ValueError(f"pictures.toml: picture {key!r} needs alt, and has {unknown}")
        found[key] = Picture(key, value["alt"], tuple(value.get("words", [])),
                             folder / f"{key}.svg", folder / f"{key}.png")
    chosen = Pictures(data["credit"], data["default"], found)
    named = {data["default"], *(p["picture"] for p in words()["parts"].values())}
    if missing := named - set(found):
        raise ValueError(f"pictures named but not in pictures.toml: {sorted(missing)}")
    return chosen


def about(value: Decimal) -> str:
    """A sum as people say it: to the pound under £100, to £10 under £1,000, else to £100."""
    step = Decimal(1) if value < 100 else Decimal(10) if value < 1000 else Decimal(100)
    rounded = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return f"£{rounded:,.0f}"


def _entry(plan: Plan, question: str) -> list[str]:
    for section in plan.sections:
        for entry in section.entries:
            if entry.question == question:
                return list(entry.lines)
    return []


class _Maker:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.w: dict[str, str] = words()["words"]
        self.pictures = pictures()

    def say(self, key: str, **values: object) -> str:
        return self.w[key].format(**values)

    def chosen(self, value: object, otherwise: str) -> str:
        """The picture the person chose, if it is one of the set; what is stored may be old
        or changed by hand, so anything else falls back to the picture found otherwise."""
        return value if isinstance(value, str) and value in self.pictures.by_id else otherwise

    def own(self, lines: list[str], picture: str | None = None) -> list[Idea]:
        return [Idea(line, picture or self.pictures.for_words(line), own=True) for line in lines]

    def part(self, key: str, ideas: list[Idea]) -> EasyPart:
        meta = words()["parts"][key]
        if not ideas:
            ideas = [Idea(self.say("nothing"), meta["picture"])]
        return EasyPart(key, meta["heading"], meta["picture"], ideas)

    def document(self) -> EasyDocument:
        plan = self.plan
        front = [self.say("front_easy"), self.say("front_full")]
        if plan.name:
            front.insert(0, self.say("name", name=plan.name))
        if plan.prepared:
            front.append(self.say("made", day=show_date(plan.prepared.isoformat())))
        parts = [self.about(), self.change(), self.week(), self.money(), self.circle(),
                 self.wrong(), self.review(), self.next(), self.more()]
        return EasyDocument(title=self.say("title"), front=front, photo=self.say("photo"),
                            parts=parts, credit=self.pictures.credit, page=self.say("page"),
                            pictures=self.pictures)

    def about(self) -> EasyPart:
        blocks = {b.id: b.lines for b in self.plan.profile}
        ideas = []
        for key, picture in (("important", "important"), ("support", "support"),
                             ("never", "never")):
            lines = blocks.get(key, [])
            if lines:
                ideas.append(Idea(self.say(key), picture, sub=list(dict.fromkeys(lines))))
        return self.part("about", ideas)

    def change(self) -> EasyPart:
        aims = [a.label for a in self.plan.outcomes if a.kind == "outcome"]
        picture = self.chosen(self.plan.easy_picture, words()["parts"]["change"]["picture"])
        return self.part("change", self.own(aims or _entry(self.plan, "rights.hopes"),
                                            picture))

    def week(self) -> EasyPart:
        ideas = self.own(_entry(self.plan, "planning.support"))
        for line in self.plan.costing.lines:
            idea = Idea(line.what, self.pictures.for_words(f"{line.what} {line.helps}"),
                        own=True)
            idea.sub = [self.say("who", who=line.provider_label),
                        self.say("when", when=line.how_often)]
            ideas.append(idea)
        return self.part("week", ideas)

    def money(self) -> EasyPart:
        money, ideas = self.plan.money, []
        if money.budget:
            ideas.append(Idea(self.say("budget", yearly=about(money.budget.per_year)), "money",
                              sub=[self.say("budget_week", weekly=about(money.budget.per_week)),
                                   self.say("budget_agreed" if money.budget_agreed
                                            else "budget_not_agreed")]))
        else:
            ideas.append(Idea(self.say("budget_unknown"), "money"))
        if money.contribution:
            ideas.append(Idea(self.say("pay", weekly=about(money.contribution.per_week)),
                              "coin"))
        elif money.contribution_unknown:
            ideas.append(Idea(self.say("pay_some"), "coin", sub=[self.say("pay_unknown")]))
        if money.council_pays:
            ideas.append(Idea(self.say("council_pays",
                                       yearly=about(money.council_pays.per_year)), "money"))
        return self.part("money", ideas)

    def circle(self) -> EasyPart:
        people = [f"{p.name} ({p.relation})" if p.relation else p.name
                  for ring in self.plan.circle for p in ring.people]
        ideas = [Idea(self.say("circle"), "circle", sub=people)] if people else []
        return self.part("circle", ideas)

    def wrong(self) -> EasyPart:
        ideas = []
        if call := _entry(self.plan, "circle.would-call"):
            ideas.append(Idea(self.say("call"), "phone", sub=call))
        if backup := _entry(self.plan, "planning.backup"):
            ideas.append(Idea(self.say("backup"), "helper", sub=backup))
        ideas.append(Idea(self.say("hurt"), "safe"))
        ideas.append(Idea(self.say("emergency"), "phone"))
        return self.part("wrong", ideas)

    def review(self) -> EasyPart:
        ideas = []
        for due in self.plan.reviews:
            if due.earliest and due.latest:
                text = self.say("review_between", first=show_date(due.earliest.isoformat()),
                                last=show_date(due.latest.isoformat()))
            elif due.latest:
                text = self.say("review_by", day=show_date(due.latest.isoformat()))
            else:
                continue
            ideas.append(Idea(text, "review"))
        if not ideas:
            ideas.append(Idea(self.say("review_unknown"), "review"))
        return self.part("review", ideas)

    def next(self) -> EasyPart:
        ideas = []
        for action in self.plan.actions:
            if action.status == "done" or action.find_out:  # the full plan lists those
                continue
            idea = Idea(action.what, "next", own=True)
            if action.who:
                idea.sub.append(self.say("who", who=action.who))
            if action.by:
                idea.sub.append(self.say("by", day=show_date(action.by.isoformat())))
            ideas.append(idea)
        ideas += self.own(list(self.plan.next_steps), "next")
        return self.part("next", ideas or [Idea(self.say("next_none"), "next")])

    def more(self) -> EasyPart:
        return self.part("more", [Idea(self.say("short"), "plan"),
                                  Idea(self.say("more"), "more"),
                                  Idea(self.say("ask"), "support")])


def lay_out_easy(plan: Plan) -> EasyDocument:
    """The plan as an Easy Read document, the same for the web page and Word."""
    return _Maker(plan).document()
