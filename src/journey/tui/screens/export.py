"""Save the plan, the one-page profile or the assessment preparation sheet as a file, in
the format and place the person chooses. In a browser the file goes to the person's browser,
under the name they choose, and the plan can be opened there to print."""

from __future__ import annotations

import io
import mimetypes
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from journey.conversation.session import Session
from journey.core.answers import clean
from journey.core.model import Mode
from journey.documents.files import CHOICES, file_name, is_text, kind, make, suffix
from journey.store.private import reason, write_whole
from journey.tui.ticks import Tick

LARGE_PRINT = {"html", "profile-html", "docx", "easy-html", "easy-docx"}

# What each kind of file is called in the title, and in the message once it is saved.
TITLES = {"plan": "export_title_plan", "profile": "export_title_profile",
          "prep": "export_title_prep"}
SAVED = {"plan": "exported_plan", "profile": "exported_profile", "prep": "exported_prep"}
SENT = {"plan": "delivered_plan", "profile": "delivered_profile", "prep": "delivered_prep"}


class ExportScreen(ModalScreen[str | None]):
    """Returns a message saying where the file went, or None if the person closed it."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-export")]

    def __init__(self, session: Session, fmt: str = "md") -> None:
        super().__init__()
        self.session = session
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        words = self.session.content
        web = self.app.is_web
        # In a browser the file goes to the person's own computer: only its name is asked.
        default = Path(file_name(self.session.journey.id, self.fmt))
        if not web:
            default = Path.home() / default
        with Vertical(id="export-box"):
            yield Static(words.message(TITLES[kind(self.fmt)]), id="export-title",
                         markup=False)
            with Horizontal(id="export-options"):
                yield Select(
                    [(words.message("format_" + f.replace("-", "_")), f) for f in CHOICES],
                    value=self.fmt, allow_blank=False, id="export-format",
                )
                yield Tick(words.message("export_large"), id="export-large", disabled=True)
            yield Static(words.message("export_where_web" if web else "export_where"),
                         markup=False)
            yield Input(value=str(default), id="export-path")
            attribution = Tick(words.message("export_attribution"), value=True,
                                   id="export-attribution")
            attribution.display = self.session.journey.mode is not Mode.SELF
            yield attribution
            if web:
                with Horizontal(classes="dialog-actions"):
                    yield Button(words.message("export_send"), id="export-send",
                                 variant="primary")
                    yield Button(words.message("print_plan"), id="export-print")
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

    def _chosen(self) -> tuple[str, bool, bool]:
        """The format, large print and who said what, as chosen."""
        large = self.query_one("#export-large", Checkbox)
        return (str(self.query_one("#export-format", Select).value),
                large.value and not large.disabled,
                self.query_one("#export-attribution", Checkbox).value)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        if self.app.is_web:
            self._send()
            return
        words = self.session.content
        path = Path(clean(event.value).strip()).expanduser()
        fmt, large, attributed = self._chosen()
        try:
            data = make(self.session.content, self.session.journey, fmt, large, attributed)
            was_open = write_whole(path, data, text=is_text(fmt))
        except OSError as e:
            self.query_one("#export-error", Static).update(
                Content(words.message("export_failed", reason=reason(e)))
            )
            return
        said = words.message(SAVED[kind(fmt)], path=path)
        if was_open:
            said += "\n" + words.message("made_private", path=path)
        self.dismiss(said)

    @on(Button.Pressed, "#export-send")
    def _send(self) -> None:
        """In a browser: the file goes down to the person's browser, as a download."""
        fmt, large, attributed = self._chosen()
        name = Path(clean(self.query_one("#export-path", Input).value).strip()).name
        if not name.strip("."):
            name = file_name(self.session.journey.id, fmt)
        if not name.lower().endswith(suffix(fmt)):
            name += suffix(fmt)
        data = make(self.session.content, self.session.journey, fmt, large, attributed)
        deliver(self.app, data, name)
        self.dismiss(self.session.content.message(SENT[kind(fmt)], name=name))

    @on(Button.Pressed, "#export-print")
    def _print(self) -> None:
        _, large, attributed = self._chosen()
        print_plan(self.app, self.session, large, attributed)
        self.dismiss(self.session.content.message("printing_plan"))

    def action_close(self) -> None:
        self.dismiss(None)


def deliver(app: App[object], data: bytes, name: str, open_method: str = "download") -> None:
    """Hand a file to the person's browser (under `journey serve`)."""
    mime, _ = mimetypes.guess_type(name)
    if mime is None or mime.startswith("text/"):
        mime = f"{mime or 'text/plain'}; charset=utf-8"  # journey's text files are UTF-8
    app.deliver_binary(io.BytesIO(data), save_filename=name, mime_type=mime,
                       open_method="browser" if open_method == "browser" else "download")


def print_plan(app: App[object], session: Session, large_print: bool = False,
               attributed: bool = True) -> None:
    """The plan as a web page, opened in a new tab of the person's browser, to print."""
    data = make(session.content, session.journey, "html", large_print, attributed)
    deliver(app, data, file_name(session.journey.id, "html"), open_method="browser")
