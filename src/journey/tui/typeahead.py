"""Keys typed faster than the screen changes. People type an answer, Enter and the next
answer in one burst. The keys after Enter wait until that answer has been dealt with, then go
where the person meant them: back into the same box (an answer refused, or one more list
item added), or into the next question's box once it is built. Keys are caught as the App
hands them on, so their order is kept exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    Base = Widget
else:
    Base = object

Typed = events.Key | events.Paste
GIVE_UP = 3.0  # seconds: an Enter nobody answered must not swallow keys for ever


class Holds(Base):
    """For an answer widget: after Enter, hold the keys that follow until told what to do."""

    _held: list[Typed] | None = None
    _handed_over = False

    def starts_hold(self, event: Typed) -> bool:
        """Enter gives an answer; what follows must wait for it."""
        return isinstance(event, events.Key) and event.key == "enter"

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            if self._held is not None:
                self._held.append(event)
                return
            if self.starts_hold(event):
                super()._forward_event(event)
                self._held = []
                self._handed_over = False
                held = self._held
                self.set_timer(GIVE_UP, lambda: self._give_up(held))
                return
        super()._forward_event(event)

    @property
    def holding(self) -> bool:
        return self._held is not None and not self._handed_over

    def release(self) -> None:
        """The answer stays here: carry on with the held keys, in order."""
        if not self.holding:
            return
        held, self._held = self._held or [], None
        for event in held:
            self._forward_event(event)  # an Enter among them starts a new hold

    def hand_over(self, keys: list[Typed]) -> None:
        """The answer moved on: held keys, and any still arriving here, go to `keys`."""
        keys.extend(self._held or [])
        self._held = keys
        self._handed_over = True

    def pass_to(self, other: Widget) -> None:
        """Enter moved on to another box of the same answer: focus it and give it the keys.
        Done in the App's turn, between keys, so none arrives out of order."""

        def move() -> None:
            held = [] if not self.holding else (self._held or [])
            self._held = None
            other.screen.set_focus(other)
            for event in held:
                other._forward_event(event)

        self.app.call_later(move)

    def take_held(self) -> list[Typed]:
        """What is held, for another screen to have; this widget takes keys again."""
        held = self._held if self.holding else []
        self.stop_holding()
        return held or []

    def stop_holding(self) -> None:
        self._held = None
        self._handed_over = False

    def _give_up(self, held: list[Typed]) -> None:
        if self._held is held and self.holding:
            self.release()


class CatchesKeys(Base):
    """For the screen: while the next question is built, keep what is typed for it."""

    typed: list[Typed] | None = None
    HOLDERS = "*"  # where the widgets that hold keys may be

    def hold_keys(self) -> None:
        """An answer moved on: keep keys until the next box takes them."""
        self.typed = []
        for widget in self.query(self.HOLDERS):
            if isinstance(widget, Holds) and widget.holding:
                widget.hand_over(self.typed)
        # With nothing focused the App gives keys to the screen, which keeps them. Without
        # this, removing the old box would focus a button, and Enter would press it.
        self.screen.set_focus(None)

    def _forward_event(self, event: events.Event) -> None:
        if (self.typed is not None and isinstance(event, events.Key | events.Paste)
                and not event.is_forwarded):
            self.typed.append(event)
            return
        super()._forward_event(event)

    def keys_on_their_way(self) -> bool:
        """Keys typed are still waiting for the box they were typed towards."""
        return self.typed is not None or any(
            isinstance(w, Holds) and w.holding for w in self.query(self.HOLDERS))

    def give_keys(self, widget: Widget | None) -> None:
        """Focus the new box's widget and give it what was typed meanwhile, in order. Call
        in the App's turn (App.call_later), so no key slips in between."""
        typed, self.typed = self.typed or [], None
        if widget is None:
            return
        if isinstance(widget, Holds):
            widget.stop_holding()  # the old box, kept after a failed move: it takes them again
        self.screen.set_focus(widget)
        for event in typed:
            widget._forward_event(event)
