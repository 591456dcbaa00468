"""The versions of the plan in the app: from the answer history, each version listed, one
read as it was, and what changed between two, by the keys alone, at every size."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.history import HistoryScreen
from journey.tui.screens.versions import ReadingScreen, VersionsScreen

from .reviewed import example, reviewed
from .test_tui import opened

SIZES = [(60, 18), (80, 24), (120, 40)]


def reading(app: JourneyApp) -> str:
    assert isinstance(app.screen, ReadingScreen)
    return "\n".join(str(s.content) for s in app.screen.query(Static))


@pytest.mark.parametrize("size", SIZES, ids=["60x18", "80x24", "120x40"])
async def test_versions_are_read_and_compared_by_keys(store: Store, size: tuple[int, int]
                                                       ) -> None:
    journey = reviewed(store)
    before = len(journey.events)
    app = JourneyApp(store, journey=journey)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "kept: 3" in str(app.screen.query_one("#history-versions", Static).content)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        listed = app.screen.query_one("#versions-list", OptionList)
        assert listed.option_count == 3 and listed.highlighted == 2  # the newest
        await pilot.press("enter")  # read version 3 as it was
        await pilot.pause()
        text = reading(app)
        assert "version 3" in text and "Taxi home" in text and "Pub quiz" not in text
        await pilot.press("escape", "up", "up", "enter")  # version 1
        await pilot.pause()
        assert "Pub quiz" in reading(app)
        await pilot.press("escape", "down", "c")  # version 2 against the one before
        await pilot.pause()
        text = reading(app)
        assert "from version 1 to version 2" in text.casefold()
        assert "Added: Taxi home" in text and "Taken out: Pub quiz" in text
        await pilot.press("escape", "up", "space", "down", "down", "c")  # 1 marked, then 3
        await pilot.pause()
        text = reading(app)
        assert "from version 1 to version 3" in text.casefold()
        assert "The personal budget from £3,600.00 a year to £3,000.00 a year" in text
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen | VersionsScreen | ReadingScreen)
    # Looking changes nothing: only the sitting begun on opening was recorded.
    after = Store(store.home).load(journey.id).events
    assert [e.kind for e in after[before:]] in ([], ["sitting"])


async def test_a_plan_with_no_versions_says_so(store: Store) -> None:
    journey = example(store, "mia")
    app = JourneyApp(store, journey=journey)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        said = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "no versions yet" in said
        await pilot.press("c", "space")  # nothing to compare or mark: no harm
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("enter")  # the one button to press: Close
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


def test_the_plain_lines_list_read_and_compare_versions(store: Store) -> None:
    import io

    from journey.plain import conversation as plain

    journey = reviewed(store)
    store.release(journey.id)
    out = io.StringIO()
    typed = "1\nversions\n9\n1\nversions\n1 3\nversions\n\nquit\n"
    assert plain.run(store, journey.id, inp=io.StringIO(typed), out=out) == 0
    said = out.getvalue()
    assert "3. Version 3, kept on" in said and "after a yearly review" in said
    assert "Support plan for Gareth: version 1" in said  # read as it was
    first = said.index("Support plan for Gareth: version 1")
    assert "Pub quiz" in said[first:said.index("What changed in the plan")]
    assert "From version 1 to version 3." in said
    assert "Changed: The personal budget from £3,600.00 a year to £3,000.00 a year" in said
    assert said.count("Type a number to read that version.") == 4  # 9 is asked again
