"""The conversation so far keeps its last messages, oldest first, in the same widgets: once
the log is full the oldest message is written over and moved to the end, so no widget is
removed (a removed one can stay alive in Textual, with all it drew, for the whole sitting)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from journey.tui.chat import KEEP, ChatLog


class ChatApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ChatLog()


async def test_a_full_log_reuses_its_messages_in_order() -> None:
    app = ChatApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chat = app.query_one(ChatLog)
        for n in range(KEEP):
            chat.exchange(f"Question {n}", f"Answer {n}")
        await pilot.pause()
        first = {id(c) for c in chat.children}
        for n in range(KEEP, KEEP + 12):
            chat.exchange(f"Question {n}", [f"Answer {n}", "more"])
        chat.say("Well done")
        await pilot.pause()
        assert {id(c) for c in chat.children} == first  # the same widgets, none removed
        said = [str(c.render()) for c in chat.children]
        assert len(said) == KEEP
        assert said[0].startswith("Question 13") and said[-2].startswith(f"Question {KEEP + 11}")
        assert said[-1] == "Well done"
        last = chat.children[-1]
        assert isinstance(last, Static) and last.has_class("journey")
        assert not last.has_class("exchange") and chat.children[-2].has_class("exchange")
