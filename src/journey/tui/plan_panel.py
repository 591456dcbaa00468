"""The plan, growing beside the conversation. Built from the Plan model as plain Content,
so nothing a person typed is ever read as markup."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from journey.content import Journey as Words
from journey.plan import Plan


def plan_content(plan: Plan, words: Words) -> Content:
    parts: list[str | tuple[str, str]] = [(plan.title, "bold"), "\n"]
    for section in plan.sections:
        number = f"{section.criterion}. " if section.criterion else ""
        parts += ["\n", (f"{number}{section.title}", "bold $accent"), "\n"]
        if not section.entries:
            parts += [(words.message("plan_empty", hint=section.hint), "italic $text-muted"), "\n"]
        for entry in section.entries:
            parts += [(entry.label, "bold")]
            if entry.said_by:
                parts += [(f" ({entry.said_by})", "$text-muted")]
            parts += ["\n"]
            parts += [f"  • {line}\n" for line in entry.lines]
    if plan.to_find_out:
        parts += ["\n", (words.message("plan_to_find_out"), "bold $warning"), "\n"]
        parts += [f"  • {item.label} ({item.step})\n" for item in plan.to_find_out]
    return Content.assemble(*parts)


class PlanPanel(VerticalScroll):
    def compose(self):
        yield Static(id="plan-text", markup=False)

    def show(self, plan: Plan, words: Words) -> None:
        self.query_one("#plan-text", Static).update(plan_content(plan, words))
