"""The app and the folder it saves to: a name pasted with invisible marks is kept clean, and
a data folder deleted while the app runs is said plainly, with the answer kept in its box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from journey.store.database import Store
from journey.tui.app import JourneyApp

from .test_tui import plan_text, question, shown, type_in


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_pasted_name_is_kept_on_one_line_without_invisible_marks(
        store: Store, size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await type_in(pilot, "\u202eJo\u200b Smith\u2066")
        assert question(app) == "welcome.mode"
        assert "Support plan for Jo Smith" in plan_text(app)
    assert [s.name for s in store.list()] == ["Jo Smith"]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_deleted_data_folder_is_said_and_the_answer_kept(
        store: Store, journey_home: Path, size: tuple[int, int]) -> None:
    app = JourneyApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Sam", "enter")
        await pilot.pause()
        assert question(app) == "welcome.mode"
        await pilot.press("ctrl+b")
        await pilot.pause()
        shutil.rmtree(journey_home)
        await type_in(pilot, "Jo")
        assert question(app) == "welcome.name"
        assert "has gone or was moved" in shown(app, "#error")
        assert app.focused is not None and isinstance(app.focused, Input)
        assert app.focused.value == "Jo"
