"""The direct-payment record in the app (f10): keys pressed as people press them, wrong money
first, at 60x18, 80x24 and 120x40; each line saved before the screen shows it, and delete
taking the chosen line out."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select, Static

from journey.money import kinds
from journey.money.record import read
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.money import MoneyScreen

from .examples import gareth, ryan
from .test_tui import opened

SIZES = [(60, 18), (80, 24), (120, 40)]


def value(app: JourneyApp, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


def shown(app: JourneyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def open_record(pilot, words, store: Store) -> None:
    await opened(pilot)
    await pilot.press("f10")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MoneyScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_money_typed_in_the_app_goes_in_the_record(words, store: Store,
                                                        size: tuple[int, int]) -> None:
    session = ryan(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot, words, store)
        assert app.screen.focused is app.screen.query_one("#money-kind", Select)
        await pilot.press("down", "down", "down", "down", "enter")  # PA pay, then on
        await pilot.pause()
        assert app.screen.query_one("#money-kind", Select).value == "pay"
        assert app.screen.focused is app.screen.query_one("#money-amount", Input)
        # Pay goes with the plan's one personal assistant.
        assert app.screen.query_one("#money-support", Select).value.startswith(
            "Personal assistant")
        await pilot.press(*"12,50", "enter")
        await pilot.pause()
        assert "Did you mean £12.50? If so, please type 12.50." in shown(app, "#money-error")
        assert value(app, "#money-amount") == "12,50"  # nothing typed is lost
        assert app.screen.focused is app.screen.query_one("#money-amount", Input)
        await pilot.press("ctrl+u", *"540", "tab", *"31/02/2027", "enter")
        await pilot.pause()
        assert "There is no 31 February" in shown(app, "#money-error")
        assert app.screen.focused is app.screen.query_one("#money-day", Input)
        await pilot.press("ctrl+u", *"28/11/2026", "tab", *"Jordan", "enter")
        await pilot.pause()
        assert shown(app, "#money-error") == ""
        entries = read(store.load(session.journey.id), kinds.default()).entries
        assert [(e.day.isoformat(), e.pence, e.what, e.who) for e in entries] == [
            ("2026-11-28", 54000, "pay", "Jordan")]
        assert value(app, "#money-amount") == ""  # ready for the next line
        listed = app.screen.query_one("#money-entries", OptionList)
        assert "28 November 2026: Out £540.00, PA pay, Jordan" in str(
            listed.get_option_at_index(0).prompt)
        assert "Against the plan" in shown(app, "#money-summary")
        listed.focus()
        await pilot.press("home", "delete")
        await pilot.pause()
        assert read(store.load(session.journey.id), kinds.default()).entries == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MoneyScreen)


async def test_no_record_without_a_direct_payment_in_the_app(words, store: Store) -> None:
    session = gareth(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, MoneyScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_whole_line_typed_in_one_burst(words, store: Store, size) -> None:
    from .test_typing import burst, settle

    session = ryan(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot, words, store)
        burst(pilot, "tab", *"12,50", "enter", "ctrl+u", *"£688", "tab", *"20/11/2026",
              "tab", *"The council", "enter")
        await settle(pilot)
        entries = read(store.load(session.journey.id), kinds.default()).entries
        typed = [value(app, f"#money-{n}") for n in ("amount", "day", "who")]
        assert [(e.day.isoformat(), e.pence, e.what, e.who) for e in entries] == [
            ("2026-11-20", 68800, "council", "The council")], (typed, shown(app, "#money-error"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_line_changed_in_place_in_the_app(words, store: Store, size) -> None:
    from journey.core.model import MoneyKept
    from journey.money.typed import Typed, entry

    session = ryan(words, store)
    session.keep_money(entry(words, kinds.default(), session.journey, Typed(
        "pay", "540", "28/11/2026", "Jordan", "", "November", "payslip", "Blue folder"),
        "Lisa", entry_id="pay1"))
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot, words, store)
        app.screen.query_one("#money-entries", OptionList).focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert "Changing entry 1" in shown(app, "#money-changing")
        assert app.screen.focused is app.screen.query_one("#money-amount", Input)
        assert [value(app, f"#money-{n}") for n in ("amount", "day", "who", "kept")] == [
            "540.00", "28/11/2026", "Jordan", "Blue folder"]
        await pilot.press("ctrl+u", *"12,50", "enter")  # wrong money first: nothing kept
        await pilot.pause()
        assert "Did you mean £12.50?" in shown(app, "#money-error")
        await pilot.press("ctrl+u", *"585", "enter")
        await pilot.pause()
        assert shown(app, "#money-changing") == ""
        journey = store.load(session.journey.id)
        entries = read(journey, kinds.default()).entries
        assert [(e.id, e.pence, e.who, e.evidence, e.kept_where, e.purpose) for e in entries] == [
            ("pay1", 58500, "Jordan", "payslip", "Blue folder", "November")]
        assert [e.pence for e in journey.events if isinstance(e, MoneyKept)] == [54000, 58500]
        # The next line typed is a new one again, from the top of the form.
        assert app.screen.focused is app.screen.query_one("#money-kind", Select)
