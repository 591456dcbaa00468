"""Keys typed faster than the screen changes. People type an answer, Enter and the next
answer in one burst. The keys after Enter wait until that answer has been dealt with, then go
where the person meant them: back into the same box (an answer refused, or one more list
item added), or into the next question's box once it is built. Keys are caught as the App
hands them on, so their order is kept exactly.

The same for every key that works through a binding (Tab, Shift+Tab, Ctrl+U, the arrows):
Textual runs those only once the key has travelled up from the focused widget to the App,
and hands the keys typed after it to the focused widget meanwhile. So "Tab Tab next Friday"
typed at once would fill the box Tab left, and "Ctrl+U new words" would lose the new words.
The App (KeepsOrder) holds what follows such a key until its binding has run, then hands it
on to whatever has the focus by then."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message_pump import MessagePump
from textual.widget import Widget

if TYPE_CHECKING:
    Base = Widget
else:
    Base = object

Typed = events.Key | events.Paste
GIVE_UP = 3.0  # seconds: an Enter nobody answered must not swallow keys for ever
BOUND_GIVE_UP = 0.25  # seconds: a bound key some widget kept to itself holds no longer


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
        type_again(self, held)  # an Enter among them starts a new hold

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
            type_again(other, held)

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

    def takes_keys_after(self, key: events.Key) -> bool:
        """Whether keys typed after `key`, pressed in a widget inside this one (a
        dropdown's open list), are this one's to hand on once it is done with it."""
        return False

    def hold_these(self, keys: list[Typed]) -> None:
        self._held = list(keys)
        self._handed_over = False
        held = self._held
        self.set_timer(GIVE_UP, lambda: self._give_up(held))


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
        type_again(widget, typed)


def type_again(widget: Widget, typed: list[Typed]) -> None:
    """Keys held back, handed on as if typed now: through the App, in order, ahead of any
    typed since, to whatever has the focus as each one comes."""
    if not typed:
        return
    app = widget.app
    if isinstance(app, KeepsOrder):
        app.type_again(typed)
        return
    target = app.focused or app.screen
    for event in typed:
        target._forward_event(event)


def _fresh(event: Typed, app: MessagePump) -> Typed:
    """The same key as a new event: one already handed to a widget cannot be again. Sent by
    the App, as the terminal's keys are: a message stops going up at the one who sent it."""
    fresh = events.Paste(event.text) if isinstance(event, events.Paste) else events.Key(
        event.key, event.character)
    return fresh.set_sender(app)


class KeepsOrder:
    """For the App: every key goes to the focused widget in the order typed, and a key that
    a binding handles is dealt with before the next is handed on, so focus moves and edits
    happen in the order they were typed."""

    _queue: deque[Typed] | None = None  # typed, not yet handed to a widget
    _bound: events.Key | None = None  # the key on its way up to the App's bindings
    _holder: Holds | None = None  # a dropdown taking what follows a choice in its list

    @property
    def _keys(self) -> deque[Typed]:
        if self._queue is None:
            self._queue = deque()
        return self._queue

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._keys.append(event)
            await self._hand_on()
            return
        await super().on_event(event)  # type: ignore[misc]

    def keys_waiting(self) -> bool:
        """Keys typed are still waiting here to be handed on."""
        return self._bound is not None or bool(self._queue)

    def type_again(self, typed: list[Typed]) -> None:
        app: Any = self
        self._keys.extendleft(reversed([_fresh(e, app) for e in typed]))
        app.call_next(self._hand_on)

    async def _hand_on(self) -> None:
        """Hand on what is typed, one key at a time, until one must wait for a binding."""
        keys = self._keys
        while keys and self._bound is None:
            event = keys.popleft()
            holder = self._holder
            if holder is not None and holder.is_attached and holder.holding:
                holder._forward_event(event)
                continue
            self._holder = None
            app: Any = self
            if isinstance(event, events.Key) and self._goes_up(event):
                self._bound = event
                app.set_timer(BOUND_GIVE_UP, lambda e=event: self._bound_done(e))
                focused = app.focused
                await super().on_event(event)  # type: ignore[misc]
                focused.call_later(self._follow, event, focused)
                continue
            await super().on_event(event)  # type: ignore[misc]

    def _follow(self, event: events.Key, node: Any) -> None:
        """Follow the bound key up from the focused widget, just behind it: a widget on the
        way that uses it (and stops it there) lets the keys after it go on at once."""
        if self._bound is not event:
            return
        app: Any = self
        if event._stop_propagation:
            app.call_next(self._bound_done, event)
            return
        parent = node._parent
        if parent is not None and parent is not app:
            parent.call_later(self._follow, event, parent)

    def _goes_up(self, event: events.Key) -> bool:
        """Whether the focused widget hands this key up to a binding, rather than use it."""
        app: Any = self
        if not app.screen_stack:
            return False
        focused = app.focused
        if focused is None or (isinstance(focused, Holds) and focused._held is not None):
            return False  # kept in order there already
        chain = app.screen._modal_binding_chain
        bound = [b for _node, bindings in chain
                 for b in bindings.key_to_bindings.get(event.key, ())]
        # A priority binding runs as the App takes the key, before the next: nothing waits.
        return bool(bound) and not any(b.priority for b in bound)

    def on_key(self, event: events.Key) -> None:
        """The bound key reached the App: once its binding has run, what followed goes on."""
        if event is self._bound:
            app: Any = self
            app.call_next(self._bound_done, event)

    async def _bound_done(self, event: events.Key) -> None:
        if self._bound is not event:
            return
        self._bound = None
        app: Any = self
        if not app.screen_stack:
            return  # closing
        focused = app.focused
        if focused is not None:
            # Enter in a dropdown's open list: the dropdown says where what follows goes.
            holder = next((w for w in focused.ancestors if isinstance(w, Holds)
                           and w.takes_keys_after(event)), None)
            if holder is not None:
                holder.hold_these([])
                self._holder = holder
        await self._hand_on()
