"""The review's web pages in a real browser (headless Chromium, as tests/test_web_access.py):
axe-core finds no WCAG 2.2 A or AA failure on the kind of review, a question of marks for each
outcome (and its error), and the review's end page, at normal size and with the text twice
as large; and a keyboard alone goes from the start page into a review and marks each outcome.
Screenshots are kept in test-artefacts/web/review/."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from journey.content import Journey as Content
from journey.conversation.review import rated_things, start
from journey.conversation.routes import ordinary
from journey.store.database import Store

from .browser import Browser
from .reviewed import example
from .test_web_access import ARTEFACTS, Site, _focused, _space, _tab_to, pytestmark  # noqa: F401
from .web_pages import TOKEN, started

SHOTS = ARTEFACTS / "review"
# Text twice as large, as a person who sets a larger text size in the browser has it
# (WCAG 1.4.4): the pages size everything from the root's size.
LARGE = "document.documentElement.style.setProperty('font-size', '200%')"


@pytest.fixture
async def site(store: Store) -> AsyncIterator[Site]:
    _, client = await started(store)
    browser = await Browser.start(width=1280, height=800)
    try:
        page = await browser.new_page()
        origin = f"http://127.0.0.1:{client.port}"
        await page.go(f"{origin}/?token={TOKEN}")
        result = Site(origin, browser, page)
        await result.loaded("/")
        yield result
    finally:
        await browser.close()
        await client.close()


def _at_last_question(words: Content, store: Store) -> str:
    """Mia's plan with a light check open at its last question, every other answered."""
    journey = example(store, "mia")
    session = start(words, store, journey, "light")
    while session.question is not None and session.question.id != [
            q.id for q in session.flow.order()][-1]:
        question = session.question
        session.answer(dict.fromkeys(rated_things(session, question), question.choices[0].value)
                       if question.rates else ordinary(question, session))
    session.close()
    return journey.id


async def _click(site: Site, selector: str) -> None:
    await site.after(site.page.evaluate(f"document.querySelector({json.dumps(selector)}).click()"))


async def test_the_review_pages_fail_no_axe_rule_at_either_text_size(
        site: Site, store: Store, words: Content) -> None:
    journey = example(store, "mia")
    store.release(journey.id)
    here = f"/j/{journey.id}"
    ending = _at_last_question(words, store)
    failures: dict[str, object] = {}

    async def check(name: str) -> None:
        for size in ("normal", "large"):
            if size == "large":
                await site.page.evaluate(LARGE)
            key = f"{name} ({size} text)"
            if violations := await site.axe():
                failures[key] = violations
            if small := await site.small_targets():
                failures[f"{key}: targets under 24 px"] = small
            if not await site.fits():
                failures[f"{key}: wider than the screen"] = True
            await site.page.screenshot(SHOTS / f"{name}-{size}.png")
        await site.after(site.page.evaluate("location.reload()"))  # back to normal size

    await site.open("/")
    await check("start")
    await site.open(f"{here}/review")
    await check("kind")
    await _click(site, "form[action$='/review'] button")  # nothing chosen
    assert await site.page.evaluate("!!document.querySelector('.error-summary')")
    await check("kind-error")
    await site.page.evaluate("document.querySelector('#kind-1').click()")
    await _click(site, "form[action$='/review'] button")
    await site.past_sitting()
    assert await site.page.evaluate("!!document.querySelector('#rate-0-1')")
    await check("ratings")
    await _click(site, "button[value=continue]")  # no marks: each outcome's error
    assert await site.page.evaluate("!!document.querySelector('.error-summary')")
    await check("ratings-error")
    await site.open(f"/j/{ending}")
    await site.past_sitting()
    await _click(site, "button[value=not_sure]")
    assert "The review is finished" in str(await site.page.evaluate(
        "document.querySelector('h1').textContent"))
    await check("end")
    assert not failures, json.dumps(failures, indent=1)


@pytest.mark.parametrize("width", [1280, 320])
async def test_a_keyboard_alone_begins_a_review_and_marks_each_outcome(
        site: Site, store: Store, words: Content, width: int) -> None:
    journey = example(store, "mia")
    store.release(journey.id)
    outcomes = journey.value("planning.outcomes")
    shots = SHOTS / f"keyboard-{width}"
    await site.width(width)
    await site.open("/")
    await _tab_to(site, "Review my plan")
    await site.after(site.page.press("enter"))
    assert await site.fits()
    await site.page.screenshot(shots / "1-kind.png")
    await _tab_to(site, "INPUT light")  # the one due comes first
    await _space(site)
    await _tab_to(site, "Begin the review")
    await site.after(site.page.press("enter"))
    if await site.page.evaluate("!!document.querySelector('form[action$=\"/sitting\"]')"):
        await _tab_to(site, "Continue")  # who is here today: the same as last time
        await site.after(site.page.press("enter"))
    assert store.load(journey.id).open_review() is not None
    await site.page.screenshot(shots / "2-ratings.png")
    # Each outcome is one stop for Tab; the arrows move between its marks.
    await _tab_to(site, "INPUT better")
    await _space(site)
    await _tab_to(site, "INPUT better")
    for _ in range(3):
        await site.page.press("down")
    assert "INPUT met" in await _focused(site)
    await site.page.screenshot(shots / "3-marked.png")
    assert await site.fits()
    await _tab_to(site, "Continue")
    await site.after(site.page.press("enter"))
    assert store.load(journey.id).value("review.progress") == {
        outcomes[0]: "better", outcomes[1]: "met"}
    await site.page.screenshot(shots / "4-next.png")
