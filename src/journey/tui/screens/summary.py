"""The summary of this sitting: read it, save it for the case file, and (at the end of a
sitting) quit."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Markdown, Static

from journey.conversation.session import Session
from journey.core.answers import clean
from journey.documents import render
from journey.documents.files import name_part
from journey.plan.summary import summarise
from journey.store.private import reason, write_whole


def file_name(name: str, number: int, journey_id: str) -> str:
    """A file name for one sitting's summary, by person and sitting, so one sitting's
    summary never overwrites another's: "sam-patel-sitting-2-summary.md"."""
    plain = unicodedata.normalize("NFKD", clean(name)).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-")
    return f"{stem or 'journey-' + journey_id}-sitting-{number}-summary.md"


KEPT_ROWS = 16  # rows for where to save it, the path, the error line, buttons and borders


class SummaryScreen(ModalScreen[bool]):
    """Returns True when the person chose to quit."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "close", "Close", id="close-summary"),
    ]

    def __init__(self, session: Session, quitting: bool = False) -> None:
        super().__init__()
        self.session = session
        self.quitting = quitting
        self.summary = summarise(session.content, session.journey)
        self.text = render.render_summary(self.summary)

    def compose(self) -> ComposeResult:
        words = self.session.content
        web = self.app.is_web  # in a browser only the name is asked: the file goes there
        default = Path(file_name(self.session.name, self.summary.number,
                                 name_part(self.session.journey.id)))
        if not web:
            default = Path.home() / default
        with Vertical(id="summary-box", classes="dialog"):
            # The saved Markdown, laid out. Typed text in it is already escaped for
            # Markdown, so it shows as typed and never as a link or a heading.
            with VerticalScroll(id="summary-text"):
                yield Markdown(self.text, open_links=False)
            yield Static(words.message("summary_where_web" if web else "summary_where"),
                         markup=False)
            yield Input(value=str(default), id="summary-path")
            yield Static(id="summary-error", markup=False)
            with Horizontal(classes="dialog-actions"):
                yield Button(words.message("summary_save"), id="summary-save",
                             variant="primary")
                quit_button = Button(words.message("summary_quit"), id="summary-quit")
                quit_button.display = self.quitting
                yield quit_button
                yield Button(words.message("summary_back"), id="summary-back")

    def on_mount(self) -> None:
        self._fit(self.app.size.height)
        # The summary is for reading and saving: Save has the focus, so Enter saves it,
        # rather than a scroll area where typing goes nowhere.
        self.query_one("#summary-save").focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """The summary takes what the screen has, less the rows kept for saving it."""
        self.query_one("#summary-text").styles.max_height = max(4, height - KEPT_ROWS)

    def offer_quit(self) -> None:
        """Quit was asked for while the summary was open: offer it here."""
        self.quitting = True
        self.query_one("#summary-quit").display = True

    @on(Input.Submitted, "#summary-path")
    @on(Button.Pressed, "#summary-save")
    def _save(self) -> None:
        words = self.session.content
        if self.app.is_web:
            self._send()
            return
        path = Path(clean(self.query_one("#summary-path", Input).value).strip()).expanduser()
        try:
            was_open = write_whole(path, self.text, text=True)
        except OSError as e:
            message = words.message("export_failed", reason=reason(e))
            self.query_one("#summary-error", Static).update(Content(message))
            self.app.bell()
            return
        said = words.message("summary_saved", path=path)
        if was_open:
            said += "\n" + words.message("made_private", path=path)
        self.notify(said, markup=False)
        if self.quitting:
            self.dismiss(True)

    def _send(self) -> None:
        """In a browser: the summary goes down to the person's browser, as a download."""
        from journey.tui.screens.export import deliver

        name = Path(clean(self.query_one("#summary-path", Input).value).strip()).name
        if not name.strip("."):
            name = file_name(self.session.name, self.summary.number,
                             name_part(self.session.journey.id))
        if not name.lower().endswith(".md"):
            name += ".md"
        deliver(self.app, self.text.encode("utf-8"), name)
        # The file comes from this journey as the browser asks for it: quitting now would
        # stop it half way, so Quit stays for the person to press.
        self.notify(self.session.content.message("summary_sent", name=name), markup=False)

    @on(Button.Pressed, "#summary-quit")
    def _quit(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#summary-back")
    def action_close(self) -> None:
        self.dismiss(False)
