"""The direct-payment record's web pages in a real browser: axe-core finds no WCAG 2.2 A or AA
failure on the record and on the add form showing its errors, with text at its usual size
and at twice it (as a person who sets a larger text size in their browser has it); the
error summary takes the focus; nothing is wider than a 320 pixel screen; and a person with
a keyboard alone adds money. Screenshots are kept in test-artefacts/web/. Skipped, saying
why, without chromium or axe-core."""

from __future__ import annotations

import json

from journey.content import Journey as Content
from journey.core.model import MoneyKept
from journey.money import kinds
from journey.money.importing import STATEMENT
from journey.money.record import read
from journey.store.database import Store

from .examples import ryan, ryan_with_money
from .test_web_access import ARTEFACTS, Site, _space, _tab_to, pytestmark, site  # noqa: F401

LARGE = "document.documentElement.style.fontSize = '200%'"


async def _checked(on: Site, name: str, failures: dict[str, object]) -> None:
    """axe and target sizes at each text size, with a picture of each."""
    for size, grow in (("normal", None), ("large", LARGE)):
        if grow:
            await on.page.evaluate(grow)
        if violations := await on.axe():
            failures[f"{name} ({size})"] = violations
        if small := await on.small_targets():
            failures[f"{name} ({size}): targets under 24 px"] = small
        await on.page.screenshot(ARTEFACTS / f"money-{name}-{size}.png")


async def test_the_record_and_the_add_form_pass_axe_at_each_text_size(
        site: Site, store: Store, words: Content) -> None:  # noqa: F811
    journey = ryan_with_money(words, store).journey
    # A payee from a statement, to say once.
    store.record(journey, MoneyKept(
        day="2026-12-01", pence=5000, direction="out", what="other", who="KIM LEE <b>",
        purpose="", support=None, evidence=None, kept_where=None, source=STATEMENT + "x",
        by="Lisa"))
    store.release(journey.id)
    here = f"/j/{journey.id}"
    failures: dict[str, object] = {}
    await site.open(here)
    await site.past_sitting()
    assert await site.page.evaluate(
        "[...document.querySelectorAll('nav a')].some(a => a.textContent === "
        "'Direct payment record')")
    await site.open(f"{here}/money?period=year&from=20+November+2026")
    text = str(await site.page.evaluate("document.querySelector('main').textContent"))
    assert "The year from 20 November 2026" in text and "Rests on:" in text
    await _checked(site, "record", failures)
    await site.open(f"{here}/money/add")
    await site.page.evaluate("document.getElementById('amount').value = '12,50'")
    await site.after(site.page.evaluate(
        "document.querySelector('form[action$=\"/money/add\"] button').click()"))
    assert await site.page.evaluate("!!document.querySelector('.error-summary')")
    assert await site.page.evaluate(
        "document.activeElement === document.querySelector('.error-summary')")
    assert await site.page.evaluate("document.getElementById('amount').value") == "12,50"
    await _checked(site, "add-error", failures)
    await site.open(f"{here}/money/import")
    await _checked(site, "import", failures)
    await site.open(f"{here}/money/payees")
    assert "KIM LEE" in str(await site.page.evaluate("document.querySelector('main').textContent"))
    await _checked(site, "payees", failures)
    assert not failures, json.dumps(failures, indent=1)


async def test_the_record_fits_a_narrow_screen(site: Site, store: Store,  # noqa: F811
                                               words: Content) -> None:
    journey = ryan_with_money(words, store).journey
    store.release(journey.id)
    here = f"/j/{journey.id}"
    await site.width(320)
    await site.open(here)
    await site.past_sitting()
    for path in ("/money", "/money/add"):
        await site.open(here + path)
        assert await site.fits(), path
        await site.page.evaluate(LARGE)
        assert await site.fits(), f"{path} at large text"
    await site.page.screenshot(ARTEFACTS / "money-add-320-large.png")


async def test_money_is_added_with_a_keyboard_alone(site: Site, store: Store,  # noqa: F811
                                                    words: Content) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)
    here = f"/j/{journey.id}"
    await site.open(here)
    await site.past_sitting()
    await _tab_to(site, "Direct payment record")
    await site.after(site.page.press("enter"))
    await _tab_to(site, "Add money in or out")
    await site.after(site.page.press("enter"))
    await _tab_to(site, "INPUT council")
    await _space(site)
    await site.page.press("tab")  # the next box: how much
    assert await site.page.evaluate("document.activeElement.id") == "amount"
    await site.page.type("£688")
    await site.page.press("tab")
    assert await site.page.evaluate("document.activeElement.id") == "day"
    await site.page.type("20 November 2026")
    await _tab_to(site, "Save this entry")
    await site.after(site.page.press("enter"))
    text = str(await site.page.evaluate("document.querySelector('main').textContent"))
    assert "Added: 1. 20 November 2026: In £688.00, Council payment" in " ".join(text.split())
    await site.page.screenshot(ARTEFACTS / "money-added-by-keyboard.png")
    entries = read(store.load(journey.id), kinds.default()).entries
    assert [(e.what, e.pence) for e in entries] == [("council", 68800)]
