"""The direct-payment record's files in the app (f10): the period chosen in people's own
words and the council's check saved for it, and a bank statement brought in, wrong files
first, its columns chosen once and each new payee said once; keys pressed as people press
them, at 60x18, 80x24 and 120x40."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from journey.money import kinds
from journey.money.record import read
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.money import MoneyScreen
from journey.tui.screens.money_files import ImportScreen, SaveCheckScreen

from .examples import ryan, ryan_with_money
from .test_tui import opened

SIZES = [(60, 18), (80, 24), (120, 40)]
STARLING = ("Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),"
            "Spending Category,Notes\n"
            "20/11/2026,The council,Direct payment,FASTER PAYMENT,688.00,688.00,PAYMENTS,\n"
            "28/11/2026,Jordan Reid,Pay,FASTER PAYMENT,-585.00,103.00,PAYMENTS,\n"
            "30/11/2026,Jordan Reid,Pay extra,FASTER PAYMENT,-20.00,83.00,PAYMENTS,\n")
ODD = ("Posted,Who,Money,Left\n"
       "20/11/2026,The council,688.00,688.00\n"
       "28/11/2026,Jordan Reid,-585.00,103.00\n")


def shown(app: JourneyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def open_record(pilot) -> None:
    await opened(pilot)
    await pilot.press("f10")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MoneyScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_period_chosen_and_the_check_saved(words, store: Store, tmp_path: Path,
                                                   size: tuple[int, int]) -> None:
    session = ryan_with_money(words, store)
    session.close()
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot)
        assert "Since the start" in shown(app, "#money-summary")
        app.screen.query_one("#money-period", Select).focus()
        await pilot.press("down")  # the list opens
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # between two dates
        await pilot.pause()
        assert app.screen.query_one("#money-period", Select).value == "between"
        assert app.screen.focused is app.screen.query_one("#money-from", Input)
        await pilot.press(*"31/02/2027", "enter")
        await pilot.pause()
        assert "There is no 31 February" in shown(app, "#money-error")
        assert app.screen.query_one("#money-from", Input).value == "31/02/2027"
        await pilot.press("ctrl+u", *"1 December 2026", "enter", *"31/12/2026", "enter")
        await pilot.pause()
        summary = shown(app, "#money-summary")
        assert "From 1 December 2026 to 31 December 2026" in summary
        assert "Money in: £700.00" in summary  # the council's £688 and Ryan's £12
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SaveCheckScreen)
        assert app.screen.focused is app.screen.query_one("#save-check-path", Input)
        # A folder that is not there first: said, nothing lost, and nothing written.
        await pilot.press("ctrl+u", *str(tmp_path / "no-such" / "check.md"), "enter")
        await pilot.pause()
        assert "could not save the check" in shown(app, "#save-check-error")
        target = tmp_path / "check.csv"
        app.screen.query_one("#save-check-format", Select).focus()
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # a spreadsheet
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#save-check-path", Input)
        await pilot.press("ctrl+u", *str(target), "enter")
        await pilot.pause()
        assert isinstance(app.screen, MoneyScreen)
        data = target.read_bytes()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert data.startswith(b"\xef\xbb\xbfDate,") and b"2026-12-20" in data
        assert b"2026-11-20" not in data and b"2027-01-20" not in data  # the period's only


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_statement_brought_in_wrong_files_first(words, store: Store, tmp_path: Path,
                                                         size: tuple[int, int]) -> None:
    session = ryan(words, store)
    session.close()
    picture = tmp_path / "picture.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = tmp_path / "starling.csv"
    good.write_text(STARLING, encoding="utf-8")
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#import-error") == "Type where the statement file is."
        await pilot.press(*str(tmp_path / "missing.csv"), "enter")
        await pilot.pause()
        assert "I could not open the statement" in shown(app, "#import-error")
        await pilot.press("ctrl+u", *str(picture), "enter")
        await pilot.pause()
        assert "not a CSV bank statement" in shown(app, "#import-error")
        assert app.screen.query_one("#import-path", Input).value == str(picture)
        assert read(store.load(session.journey.id), kinds.default()).entries == []
        await pilot.press("ctrl+u", *str(good), "enter")
        await pilot.pause()
        entries = read(store.load(session.journey.id), kinds.default()).entries
        assert [(e.pence, e.who) for e in entries] == [
            (68800, "The council"), (58500, "Jordan Reid"), (2000, "Jordan Reid")]
        # Each new payee once: the council first, then Jordan, asked once for two payments.
        assert "New payee: The council" in shown(app, "#import-payee-said")
        assert app.screen.focused is app.screen.query_one("#import-payee-kind", Select)
        await pilot.press("enter", "enter")  # a council payment: on to "That is it"
        await pilot.pause()
        said = shown(app, "#import-payee-said")
        assert "New payee: Jordan Reid. 2 payments, £605.00" in said
        await pilot.pause()
        # Which payee it is stays in sight, above its boxes, at every size.
        box = app.screen.query_one("#import-box")
        assert box.region.contains_region(app.screen.query_one("#import-payee-said").region)
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("enter")  # PA pay, the first kind of money out
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("down", "enter")  # the plan's first piece of support
        await pilot.pause()
        await pilot.press("enter")  # That is it
        await pilot.pause()
        assert isinstance(app.screen, MoneyScreen)
        record = read(store.load(session.journey.id), kinds.default())
        assert [(e.what, bool(e.support)) for e in record.entries] == [
            ("council", False), ("pay", True), ("pay", True)]
        # The same statement again adds nothing, and asks nothing.
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*str(good), "enter")
        await pilot.pause()
        assert isinstance(app.screen, MoneyScreen)
        assert len(read(store.load(session.journey.id), kinds.default()).entries) == 3


async def test_a_layout_not_known_is_chosen_once(words, store: Store, tmp_path: Path) -> None:
    session = ryan(words, store)
    session.close()
    odd = tmp_path / "odd.csv"
    odd.write_text(ODD, encoding="utf-8")
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_record(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*str(odd), "enter")
        await pilot.pause()
        assert "1: Posted; 2: Who; 3: Money; 4: Left" in shown(app, "#import-columns-said")
        assert app.screen.focused is app.screen.query_one("#import-column-day", Select)
        assert read(store.load(session.journey.id), kinds.default()).entries == []
        app.screen.query_one("#import-columns-use").focus()
        await pilot.press("enter")  # nothing chosen yet: the date is asked for
        await pilot.pause()
        assert shown(app, "#import-error") == "Choose the column for the date."
        assert app.screen.focused is app.screen.query_one("#import-column-day", Select)

        async def choose(column: int) -> None:
            await pilot.press("down")  # the list opens, at what is chosen
            await pilot.pause()
            await pilot.press("home", *["down"] * column, "enter")
            await pilot.pause()

        await choose(1)  # the date: 1: Posted
        await choose(2)  # who: 2: Who
        await choose(3)  # the amount: 3: Money
        await choose(4)  # money in, as well as the amount: they do not fit together
        await pilot.press("tab", "tab", "enter")  # past money out and the balance
        await pilot.pause()
        assert "do not fit together" in shown(app, "#import-error")
        assert read(store.load(session.journey.id), kinds.default()).entries == []
        assert app.screen.focused is app.screen.query_one("#import-column-amount", Select)
        await pilot.press("tab")
        await choose(0)  # money in: not in this statement
        await pilot.press("tab")
        await choose(4)  # the balance: 4: Left
        await pilot.press("enter")  # Use these columns
        await pilot.pause()
        assert shown(app, "#import-error") == ""
        assert len(read(store.load(session.journey.id), kinds.default()).entries) == 2
        await pilot.press("escape")  # the payees, later
        await pilot.pause()
        assert isinstance(app.screen, MoneyScreen)
        odd.write_text(ODD + "30/11/2026,Jordan Reid,-20.00,83.00\n", encoding="utf-8")
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*str(odd), "enter")
        await pilot.pause()
        # Remembered: no columns asked, just the one new line, and the payees still to say.
        assert not app.screen.query_one("#import-columns").display
        assert len(read(store.load(session.journey.id), kinds.default()).entries) == 3
        assert "New payee: The council" in shown(app, "#import-payee-said")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_bursts_of_keys_land_where_they_were_meant(words, store: Store, tmp_path: Path,
                                                         size: tuple[int, int]) -> None:
    from .test_typing import burst, settle

    session = ryan_with_money(words, store)
    session.close()
    good = tmp_path / "starling.csv"
    good.write_text(STARLING.replace("The council", "Town Hall"), encoding="utf-8")
    target = tmp_path / "check.md"
    app = JourneyApp(store, journey=store.load(session.journey.id))
    async with app.run_test(size=size) as pilot:
        await open_record(pilot)
        app.screen.query_one("#money-period", Select).focus()
        burst(pilot, "down", "down", "down", "down", "enter", *"1/12/2026", "enter",
              *"31/12/2026", "enter", "ctrl+o", "ctrl+u", *str(target), "enter")
        await settle(pilot)
        assert isinstance(app.screen, MoneyScreen), (
            app.screen.query_one(Input).value, shown(app, "#save-check-error"))
        assert "From 1 December 2026 to 31 December 2026" in target.read_text()
        burst(pilot, "ctrl+l", *str(good), "enter", "enter", "enter", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MoneyScreen), (
            shown(app, "#import-error"), shown(app, "#import-payee-said"), app.screen.focused)
        record = read(store.load(session.journey.id), kinds.default())
        assert [e.what for e in record.entries if e.who == "Town Hall"] == ["council"]


async def test_in_a_browser_no_file_is_read_from_the_server(words, store: Store) -> None:
    from .test_tui_web import InBrowser

    session = ryan(words, store)
    session.close()
    app = InBrowser(store, journey=store.load(session.journey.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_record(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, MoneyScreen)  # a path typed there names the server's
        assert any("cannot read a file from your computer" in str(n.message)
                   for n in app._notifications)
