"""Save the plan, the one-page profile or the assessment preparation sheet as a file, in
the format and place the person chooses."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from journey.answers import clean
from journey.documents import CHOICES, file_name, kind, write
from journey.model import Mode
from journey.private import reason
from journey.session import Session

LARGE_PRINT = {"html", "profile-html", "docx"}

# What each kind of file is called in the title, and in the message once it is saved.
TITLES = {"plan": "export_title_plan", "profile": "export_title_profile",
          "prep": "export_title_prep"}
SAVED = {"plan": "exported_plan", "profile": "exported_profile", "prep": "exported_prep"}


class ExportScreen(ModalScreen[str | None]):
    """Returns a message saying where the file went, or None if the person closed it."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-export")]

    def __init__(self, session: Session, fmt: str = "md") -> None:
        super().__init__()
        self.session = session
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        words = self.session.content
        default = Path.home() / file_name(self.session.journey.id, self.fmt)
        with Vertical(id="export-box"):
            yield Static(words.message(TITLES[kind(self.fmt)]), id="export-title",
                         markup=False)
            with Horizontal(id="export-options"):
                yield Select(
                    [(words.message("format_" + f.replace("-", "_")), f) for f in CHOICES],
                    value=self.fmt, allow_blank=False, id="export-format",
                )
                yield Checkbox(words.message("export_large"), id="export-large", disabled=True)
            yield Static(words.message("export_where"), markup=False)
            yield Input(value=str(default), id="export-path")
            attribution = Checkbox(words.message("export_attribution"), value=True,
                                   id="export-attribution")
            attribution.display = self.session.journey.mode is not Mode.SELF
            yield attribution
            yield Static(id="export-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format(self, event: Select.Changed) -> None:
        """A new format renames the file, when the name is still the one offered."""
        fmt = str(event.value)
        words = self.session.content
        box = self.query_one("#export-path", Input)
        path = Path(box.value)
        offered = {file_name(self.session.journey.id, f) for f in CHOICES}
        if path.name in offered:
            box.value = str(path.with_name(file_name(self.session.journey.id, fmt)))
        self.query_one("#export-large", Checkbox).disabled = fmt not in LARGE_PRINT
        # The title and the message after saving say what is being saved.
        self.query_one("#export-title", Static).update(
            words.message(TITLES[kind(fmt)]))

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        words = self.session.content
        path = Path(clean(event.value).strip()).expanduser()
        fmt = str(self.query_one("#export-format", Select).value)
        large = self.query_one("#export-large", Checkbox)
        try:
            write(self.session.content, self.session.journey, path, fmt,
                  large.value and not large.disabled,
                  self.query_one("#export-attribution", Checkbox).value)
        except OSError as e:
            self.query_one("#export-error", Static).update(
                Content(words.message("export_failed", reason=reason(e)))
            )
            return
        self.dismiss(words.message(SAVED[kind(fmt)], path=path))

    def action_close(self) -> None:
        self.dismiss(None)
