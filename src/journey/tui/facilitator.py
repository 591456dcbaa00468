"""Notes for the facilitator: how to ask this step, their own notes, and suggestions the
person has yet to agree. Shown only when someone is helping, and they can hide it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from journey.conversation.session import Session

Part = str | tuple[str, str]


def panel_content(session: Session, keys: Content) -> Content:
    words = session.content
    step = session.flow.step()
    parts: list[Part] = [(words.message("facilitator_title"), "bold $accent")]
    # What waits on the person, and the keys, first: on a small screen the panel's end may
    # be out of sight, and these are what the helper acts on.
    waiting = len(session.journey.suggestions())
    if waiting:
        parts += ["\n", (words.message("facilitator_waiting", count=waiting), "$warning")]
    parts += ["\n", keys]
    if step is not None and step.facilitator:
        parts += [f"\n  • {note}" for note in step.facilitator]
    notes = session.journey.notes()
    if notes:
        parts += ["\n", (words.message("facilitator_notes"), "bold")]
        for note in notes[-3:]:
            where = words.message("note_in_plan" if note.in_plan else "note_private")
            parts += [f"\n  • {note.text} ", (f"({where})", "$text-muted")]
    return Content.assemble(*parts)


class FacilitatorPanel(Static):
    def __init__(self, actions: frozenset[str]) -> None:
        super().__init__(id="facilitator", markup=False)
        self.actions = actions
        self._shown: Content | None = None

    def keys(self) -> Content:
        """The facilitator's keys, shown the same way as the key bar shows the others."""
        parts: list[Part] = []
        for binding in self.screen.BINDINGS:
            if isinstance(binding, Binding) and binding.action in self.actions:
                key = self.app.get_key_display(binding)
                parts += [(f"{key} ", "bold $accent"), (f"{binding.description}  ", "italic")]
        return Content.assemble(*parts)

    def show(self, session: Session) -> None:
        """Redraw only when something changed: most answers leave this panel as it was."""
        content = panel_content(session, self.keys())
        if content != self._shown:
            self._shown = content
            self.update(content)
