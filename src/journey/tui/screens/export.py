"""Save the plan as a Markdown file, where the person chooses."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from journey import render
from journey.answers import clean
from journey.private import write_private
from journey.session import Session


def write_plan(session: Session, path: Path) -> None:
    write_private(path, render.render(session.plan(), "md"))


def write_prep(session: Session, path: Path) -> None:
    from journey import prep

    write_private(path, render.render_prep(prep.build(session.content, session.journey)))


class ExportScreen(ModalScreen[str | None]):
    """Returns a message saying where the plan went, or None if the person closed it."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-export")]

    def __init__(self, session: Session, prep: bool = False) -> None:
        super().__init__()
        self.session = session
        self.prep = prep  # the assessment preparation sheet rather than the plan

    def compose(self) -> ComposeResult:
        words = self.session.content
        stem = "assessment-sheet" if self.prep else "support-plan"
        default = Path.home() / f"{stem}-{self.session.journey.id}.md"
        with Vertical(id="export-box"):
            yield Static(words.message("prep_export" if self.prep else "export"),
                         id="export-title", markup=False)
            yield Static(words.message("export_where"), markup=False)
            yield Input(value=str(default), id="export-path")
            yield Static(id="export-error", markup=False)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        words = self.session.content
        path = Path(clean(event.value).strip()).expanduser()
        try:
            (write_prep if self.prep else write_plan)(self.session, path)
        except OSError as e:
            reason = e.strerror or str(e)
            self.query_one("#export-error", Static).update(
                Content(words.message("export_failed", reason=reason))
            )
            return
        self.dismiss(words.message("exported", path=path))

    def action_close(self) -> None:
        self.dismiss(None)
