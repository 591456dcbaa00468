"""The plan, growing beside the conversation. Built from the Plan model as plain Content,
so nothing a person typed is ever read as markup. Each section is its own Static and is
redrawn only when it changes, so an answer costs one section's layout, not the plan's."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from journey.content import Journey as Words
from journey.core.answers import pounds
from journey.plan import FollowUp, Plan, PlanNote, Section
from journey.plan.costing import Costing
from journey.plan.parts.needs import AreaGroup
from journey.plan.readiness import Readiness

Part = str | tuple[str, str]


def section_content(section: Section, words: Words, more: list[str] | None = None) -> Content:
    """A section with its answers; `more` are lines another part of the plan adds to it."""
    number = f"{section.criterion}. " if section.criterion else ""
    parts: list[Part] = [(f"{number}{section.title}", "bold $accent"), "\n"]
    if not section.entries and not more:
        parts.append((words.message("plan_empty", hint=section.hint), "italic $text-muted"))
    for entry in section.entries:
        parts.append((entry.label, "bold"))
        if entry.said_by:
            parts.append((f" ({entry.said_by})", "$text-muted"))
        parts += [f"\n  • {line}" for line in entry.lines]
        parts.append("\n")
    parts += [f"  • {line}\n" for line in more or []]
    return Content.assemble(*parts).rstrip()


def area_lines(groups: list[AreaGroup]) -> list[str]:
    """The areas of life said to be hard, with how, from getting ready for the assessment."""
    return [f"{a.label}: {'; '.join(a.how)}" if a.how else a.label
            for g in groups for a in g.areas]


def follow_ups_content(items: list[FollowUp], words: Words) -> Content:
    if not items:
        return Content("")
    parts: list[Part] = [(words.message("plan_to_find_out"), "bold $warning")]
    parts += [f"\n  • {item.label} ({item.step})" for item in items]
    return Content.assemble(*parts)


def notes_content(notes: list[PlanNote], words: Words) -> Content:
    if not notes:
        return Content("")
    parts: list[Part] = [(words.message("plan_notes"), "bold")]
    for note in notes:
        parts.append(f"\n  • {note.text}")
        if note.by:
            parts.append((f" ({note.by})", "$text-muted"))
    return Content.assemble(*parts)


def money_content(costing: Costing, words: Words) -> Content:
    """The costs against the budgets, by the week."""
    if not costing.lines:
        return Content("")
    parts: list[Part] = [(words.message("panel_money", weekly=pounds(costing.total_per_week),
                                        yearly=pounds(costing.total_per_year)), "bold")]
    for total in costing.totals:
        if total.left_per_week is None:
            continue
        if total.over:
            parts.append(("\n  " + words.message("panel_over", budget=total.label,
                                                  weekly=pounds(-total.left_per_week)),
                          "bold $error"))
        else:
            parts.append("\n  " + words.message("panel_left", budget=total.label,
                                                 weekly=pounds(total.left_per_week)))
    return Content.assemble(*parts)


def readiness_content(readiness: Readiness, words: Words) -> Content:
    blocking = sum(f.blocks for f in readiness.findings)
    if not blocking:
        return Content.assemble((words.message("panel_ready"), "bold $success"))
    return Content.assemble((words.message("panel_not_ready", count=blocking), "$warning"))


# The parts worth following when they change (not the title, nor the readiness line,
# which changes with nearly every answer).
FOLLOWED = ("money", "follow-ups", "notes")
MARKED_FOR = 2.0  # seconds a section just changed stays marked


class PlanPanel(VerticalScroll):
    def __init__(self, words: Words, id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = words
        self._shown: dict[str, object] = {}
        self._changed: list[str] = []
        self._unmark: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="plan-title", markup=False)
        for section in self.words.plan_sections:
            yield Static(id=f"plan-{section.id}", classes="plan-section", markup=False)
        yield Static(id="plan-money", classes="plan-section", markup=False)
        yield Static(id="plan-follow-ups", classes="plan-section", markup=False)
        yield Static(id="plan-notes", classes="plan-section", markup=False)
        yield Static(id="plan-readiness", classes="plan-section", markup=False)

    def _update(self, key: str, data: object, build: Callable[[], Content]) -> None:
        if self._shown.get(key) != data:
            first = key not in self._shown
            self._shown[key] = data
            self.query_one(f"#plan-{key}", Static).update(build())
            if not first:
                self._changed.append(key)

    def show(self, plan: Plan, latest: str | None = None) -> None:
        """Draw the plan, and follow the part just changed. When several answers changed it
        at once (typed in a burst), the part with `latest`, the last question answered."""
        self._changed = []
        self._draw(plan)
        followed = [*(s.id for s in plan.sections), *FOLLOWED]
        changed = [key for key in followed if key in self._changed]
        holding = [s.id for s in plan.sections
                   if s.id in changed and any(e.question == latest for e in s.entries)]
        if holding:
            self.follow(holding[0])
        elif changed:
            self.follow(changed[0])

    def follow(self, key: str) -> None:
        """Scroll to the part of the plan just changed, and mark it for a moment."""
        section = self.query_one(f"#plan-{key}", Static)
        for marked in self.query(".-changed"):
            marked.remove_class("-changed")
        section.add_class("-changed")
        self.call_after_refresh(self.scroll_to_widget, section, animate=False, top=True)
        if self._unmark is not None:
            self._unmark.stop()
        self._unmark = self.set_timer(MARKED_FOR, lambda: section.remove_class("-changed"))

    @property
    def marked(self) -> list[str]:
        """The ids of the parts marked as just changed."""
        return [w.id or "" for w in self.query(".-changed")]

    def _draw(self, plan: Plan) -> None:
        words = self.words
        self._update("title", plan.title, lambda: Content.assemble((plan.title, "bold")))
        areas = area_lines(plan.needs)
        for section in plan.sections:
            more = areas if section.id == "needs" else []
            self._update(section.id, (section, more),
                         lambda s=section, m=more: section_content(s, words, m))
        self._update("money", plan.costing, lambda: money_content(plan.costing, words))
        self._update("follow-ups", plan.to_find_out,
                     lambda: follow_ups_content(plan.to_find_out, words))
        self._update("notes", plan.notes, lambda: notes_content(plan.notes, words))
        self._update("readiness", plan.readiness,
                     lambda: readiness_content(plan.readiness, words))

    def text(self) -> str:
        """The plan as plain text, as shown."""
        return "\n".join(str(w.content) for w in self.query(Static))
