"""The readiness check in the app: the seven parts of the plan, then what a council would
still need. Choosing a finding returns its question, for the conversation to go there."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journey.conversation.session import Session
from journey.plan.readiness import Finding, Readiness
from journey.tui.lists import Options


def finding_prompt(finding: Finding, session: Session) -> Content:
    where = session.finding_where(finding)
    worth = session.finding_worth(finding)
    worth += " " if worth else ""
    # The blank last line keeps one finding apart from the next.
    return Content.assemble(
        (worth, "italic"), finding.text, "\n", (where, "$text-muted"), "\n")


class ReadinessScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-check")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.readiness: Readiness = session.plan().readiness

    def compose(self) -> ComposeResult:
        words, readiness = self.session.content, self.readiness
        name = self.session.name or words.message("someone")
        with Vertical(id="check-box"):
            yield Static(words.message("check_title", name=name), id="check-title",
                         markup=False)
            marks = [
                (f"[{words.message('check_answered' if c.answered else 'check_missing')}] "
                 f"{c.number}. {c.title}")
                for c in readiness.criteria
            ]
            yield Static(Content("\n".join(marks)), id="check-criteria", markup=False)
            yield Static(words.message("check_ready" if readiness.ready else "check_not_ready"),
                         id="check-summary", markup=False)
            if readiness.findings:
                yield Options(
                    *[Option(finding_prompt(f, self.session), id=str(i))
                      for i, f in enumerate(readiness.findings)],
                    id="findings",
                )
                yield Static(words.message("check_choose"), classes="hint", markup=False)

    @on(OptionList.OptionSelected, "#findings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.readiness.findings[event.option_index].question)

    def action_close(self) -> None:
        self.dismiss(None)
