"""A sitting of hours keeps the memory it had after its first half hour: the caches Textual
and Rich fill as questions are shown (about 25 MiB of them after 300 answers) are emptied
every few questions. `scripts/bench --part sitting` measures the memory itself."""

from __future__ import annotations

import functools

import pytest
from rich.cells import cached_cell_len
from textual.geometry import Region
from textual.strip import Strip

from journey.store.database import Store
from journey.tui import tidy
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen

from .test_tui import opened


def filled() -> int:
    """Entries held now in some of the libraries' busiest caches."""
    return sum(c.cache_info().currsize for c in (
        Region.intersection, Region.shrink, Region.overlaps, cached_cell_len,
        Strip.blank.__func__))  # type: ignore[attr-defined]


def test_the_libraries_caches_are_found_and_emptied() -> None:
    for n in range(50):
        Region(n, 0, 10, 10).intersection(Region(0, n, 5, 5))
        cached_cell_len(f"word {n}")
        Strip.blank(n + 1)
    assert filled() >= 150
    unbounded = functools.lru_cache(maxsize=None)(lambda n: n)  # kept: never emptied
    unbounded(1)
    assert tidy.empty_caches() >= 150
    assert filled() == 0
    assert unbounded.cache_info().currsize == 1
    assert len(tidy._caches()) > 20  # Textual's and Rich's, classes' methods among them


@pytest.mark.parametrize("size", [(60, 18), (120, 40)])
async def test_answering_empties_them_every_few_questions(store: Store, size,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    emptied: list[int] = []
    empty = tidy.empty_caches
    monkeypatch.setattr("journey.tui.screens.conversation.empty_caches",
                        lambda: emptied.append(empty()))
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter", "enter")  # the name, then planning alone
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        shown = 0
        while len(emptied) < 2:
            question = screen.session.question
            assert question is not None and shown < 4 * tidy.EVERY
            # Not sure yet where it may be said; Enter on the rest (a choice's first offer).
            await pilot.press("ctrl+n" if not question.required else "enter")
            await pilot.pause()
            shown += 1
        assert all(n > 0 for n in emptied)  # each time there was something to let go
        assert shown <= 2 * tidy.EVERY + 2
        assert app.is_running
