"""The facilitator's notes: write a new one, and choose which go into the plan."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from journey.conversation.session import Session
from journey.core.answers import AnswerError
from journey.store.database import StoreError
from journey.tui.ticks import Tick, TickList


class NotesScreen(ModalScreen[bool]):
    """Returns True if any note was written or changed."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "close", "Close", id="close-notes")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.changed = False

    def compose(self) -> ComposeResult:
        words = self.session.content
        notes = self.session.journey.notes()
        with Vertical(id="notes-box", classes="dialog"):
            yield Static(words.message("notes_title"), classes="dialog-title", markup=False)
            yield Static(words.message("notes_hint"), classes="hint", markup=False)
            yield Input(placeholder=words.message("notes_placeholder"), id="note-text")
            yield Tick(words.message("note_next_step"), id="note-next-step")
            yield Tick(words.message("note_share"), id="note-share")
            yield Static(id="note-error", markup=False)
            if notes:
                yield Static(words.message("notes_choose"), markup=False)
                yield TickList(
                    *[Selection(Content(n.text), n.id, n.in_plan) for n in notes],
                    id="note-list",
                )

    @on(Input.Submitted, "#note-text")
    def _write(self, event: Input.Submitted) -> None:
        event.stop()
        words = self.session.content
        try:
            self.session.note(
                event.value,
                in_plan=self.query_one("#note-share", Checkbox).value,
                next_step=self.query_one("#note-next-step", Checkbox).value,
            )
        except AnswerError as e:
            self._complain(words.message(e.key, **e.values))
            return
        except StoreError as e:
            self._complain(words.message("error_save_note", reason=e))
            return
        self.dismiss(True)

    @on(SelectionList.SelectionToggled, "#note-list")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        note_id = event.selection.value
        try:
            self.session.share_note(note_id, note_id in event.selection_list.selected)
        except StoreError as e:
            # Not saved, so not shown as changed either: the tick goes back as it was.
            ticks = event.selection_list
            with ticks.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
                ticks.toggle(note_id)
            self._complain(self.session.content.message("error_share_note", reason=e))
            return
        self.changed = True

    def _complain(self, message: str) -> None:
        self.query_one("#note-error", Static).update(Content(message))
        self.app.bell()

    def action_close(self) -> None:
        self.dismiss(self.changed)
