"""journey's web pages in a real browser, for people who use a screen reader, a keyboard or a
phone: axe-core (installed by scripts/setup test, with npm) finds no WCAG 2.2 A or AA
failure on any kind of page, in headless Chromium over the DevTools protocol; and a person
with a keyboard alone goes from the start page through a few questions to the plan, at 1280
and at 320 CSS pixels wide, saving the plan as a Word file on the way, with nothing wider
than the screen. Screenshots are kept in test-artefacts/web/.

axe finds about a third of what fails people; the keyboard walk and the narrow screen find
more. Without chromium or axe-core these tests are skipped and say why."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any

import pytest

from journey.content import Journey as Content
from journey.content import Kind
from journey.conversation import routes
from journey.conversation.session import Session
from journey.store.database import Store

from .browser import Browser, Page, chromium_note, find_chromium
from .web_pages import TOKEN, reached, started

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = ROOT / "test-artefacts" / "web"
# The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = [
    pytest.mark.skipif(find_chromium() is None, reason=chromium_note()),
    pytest.mark.skipif(not AXE.is_file(),
                       reason="no axe-core: scripts/setup test installs it where npm is"),
]


class Site:
    def __init__(self, origin: str, browser: Browser, page: Page) -> None:
        self.origin, self.browser, self.page = origin, browser, page

    async def open(self, path: str) -> None:
        await self.after(self.page.go(self.origin + path))

    async def after(self, action: Awaitable[Any]) -> None:
        """Do something that loads a page, and wait until the new page has loaded."""
        before = len(self.page.mine("Page.loadEventFired"))
        await action
        await self.browser.wait_for(lambda: len(self.page.mine("Page.loadEventFired")) > before)
        await self.loaded()

    async def loaded(self, path: str | None = None) -> None:
        async def ready() -> bool:
            return bool(await self.page.evaluate(
                "document.readyState === 'complete' && !!document.querySelector('main')"
                + (f" && location.pathname === {json.dumps(path)}" if path else "")))
        for _ in range(300):
            if await ready():
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(path)

    async def axe(self) -> list[dict[str, Any]]:
        await self.page.evaluate(AXE.read_text(encoding="utf-8"))
        tags = json.dumps(AXE_TAGS)
        result = await self.page.evaluate(
            f"axe.run(document, {{runOnly: {{type: 'tag', values: {tags}}}}})"
            ".then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help,"
            " nodes: v.nodes.map(n => n.html)}))))")
        return json.loads(result)

    async def width(self, width: int) -> None:
        await self.page.send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 500})

    async def past_sitting(self) -> bool:
        """A saved journey opened again asks who is here first: "the same as last time"."""
        form = "form[action$='/sitting']"
        if not await self.page.evaluate(f'!!document.querySelector("{form}")'):
            return False
        await self.after(self.page.evaluate(f'document.querySelector("{form} button").click()'))
        return True

    async def small_targets(self) -> list[str]:
        """Controls smaller than 24 by 24 CSS pixels (WCAG 2.2's 2.5.8); links inside a
        sentence are let be, as the rule allows."""
        return list(await self.page.evaluate(
            "[...document.querySelectorAll('button, input:not([type=hidden]), textarea,"
            " summary, nav a, .skip-link:focus')]"
            ".map(e => [e, e.getBoundingClientRect()])"
            ".filter(([e, r]) => r.width > 0 && (r.width < 24 || r.height < 24))"
            ".map(([e, r]) => e.outerHTML.slice(0, 80) + ' ' + r.width + 'x' + r.height)"))

    async def fits(self) -> bool:
        return bool(await self.page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"))


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


def _first_of_each_kind(words: Content, store_home: Path) -> dict[Kind, tuple[str, str]]:
    """For each kind of answer, a question of that kind and the route that meets it."""
    found: dict[Kind, tuple[str, str]] = {}
    for number, (name, answers) in enumerate(routes.ROUTES.items()):
        probe = Store(store_home / f"probe-{number}")
        for qid in routes.walk(words, probe, answers)[1:]:  # the first: nothing saved yet
            found.setdefault(words.question(qid).kind, (qid, name))
        probe.close()
    return found


async def test_no_page_kind_fails_axe(site: Site, store: Store, words: Content,
                                      tmp_path: Path) -> None:
    pages: dict[str, str] = {"start": "/"}
    for kind, (qid, route) in _first_of_each_kind(words, tmp_path).items():
        journey_id = reached(store, qid, routes.ROUTES[route])
        pages[f"question-{kind.value}"] = f"/j/{journey_id}"
    helped = reached(store, "rights.hopes", routes.ROUTES["with a helper"])
    pages["question-helped"] = f"/j/{helped}"
    session = Session(words, store, store.load(helped))
    session.answer("More time outdoors", suggested=True)  # waiting for Sam to agree it
    pages["agree"] = f"/j/{helped}/agree"
    journey_id = reached(store, "welcome.mode", {"welcome.name": "Sam"})
    pages["map"] = f"/j/{journey_id}/map"
    pages["files"] = f"/j/{journey_id}/files"
    pages["plan"] = f"/j/{journey_id}/plan"
    pages["check"] = f"/j/{helped}/check"
    pages["history"] = f"/j/{helped}/history"
    from .reviewed import reviewed

    revised = reviewed(store).id  # three versions of the plan, to read and compare
    store.release(revised)
    pages["history-versions"] = f"/j/{revised}/history"
    pages["version"] = f"/j/{revised}/version/1"
    pages["compare"] = f"/j/{revised}/compare?a=1&b=3"
    session.note("Ring the GP", next_step=True)
    pages["notes"] = f"/j/{helped}/notes"
    pages["answers"] = f"/j/{helped}/answers/welcome"
    # A kind only a review asks (marks for each outcome) is met in a review of a plan.
    from journey.conversation.review import start

    from .reviewed import example

    rating = start(words, store, example(store, "mia"), "light")
    assert rating.question is not None and rating.question.kind is Kind.RATINGS
    rating.close()
    pages[f"question-{Kind.RATINGS.value}"] = f"/j/{rating.journey.id}"
    assert {f"question-{k.value}" for k in Kind} <= set(pages), sorted(pages)
    failures = {}
    for name, path in pages.items():
        await site.open(path)
        if await site.page.evaluate("!!document.querySelector('form[action$=\"/sitting\"]')"):
            # A saved journey opened again asks who is here today first.
            if violations := await site.axe():
                failures["sitting"] = violations
            await site.page.screenshot(ARTEFACTS / "kind-sitting.png")
            await site.after(site.page.evaluate(
                "document.querySelector('form[action$=\"/sitting\"] button').click()"))
        if violations := await site.axe():
            failures[name] = violations
        if small := await site.small_targets():
            failures[f"{name}: targets under 24 px"] = small
        await site.page.screenshot(ARTEFACTS / f"kind-{name}.png")
    # An older tab of a journey: read-only, said so, with a link to take it over.
    await site.open(pages["question-text"])
    older = str(await site.page.evaluate("location.href"))
    await site.open(pages["question-text"])  # a newer opening, as a second tab is
    await site.after(site.page.go(older))
    assert await site.page.evaluate(
        "[...document.querySelectorAll('.notice a')].some(a => a.textContent.includes("
        "'Change it in this tab'))")
    if violations := await site.axe():
        failures["read-only tab"] = violations
    if small := await site.small_targets():
        failures["read-only tab: targets under 24 px"] = small
    await site.page.screenshot(ARTEFACTS / "kind-read-only-tab.png")
    # An error: the question asked again, the summary at the top, focus on it.
    await site.open(pages["question-text"])
    await site.after(site.page.evaluate(
        "document.querySelector('button[value=continue]').click()"))
    assert await site.page.evaluate("!!document.querySelector('.error-summary')")
    assert await site.page.evaluate(
        "document.activeElement === document.querySelector('.error-summary')")
    if violations := await site.axe():
        failures["error"] = violations
    await site.page.screenshot(ARTEFACTS / "kind-error.png")
    assert not failures, json.dumps(failures, indent=1)


async def _focused(site: Site) -> str:
    return str(await site.page.evaluate(
        "(e => e === document.body ? 'BODY' : e.tagName + ' ' + (e.getAttribute('value') || '')"
        " + ' ' + (e.textContent || '').trim())(document.activeElement)"))


async def _tab_to(site: Site, wanted: str, most: int = 80) -> None:
    """Tab until the focused element's tag, value or words hold `wanted`."""
    seen = []
    for _ in range(most):
        await site.page.press("tab")
        now = await _focused(site)
        seen.append(now)
        if wanted in now:
            visible = await site.page.evaluate(
                "getComputedStyle(document.activeElement).outlineStyle !== 'none'"
                " || getComputedStyle(document.activeElement).boxShadow !== 'none'")
            assert visible, f"no visible focus on {now}"
            return
    raise AssertionError(f"{wanted!r} never reached by tab: {seen}")


async def _space(site: Site) -> None:
    common = {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32}
    await site.page.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": " ", **common})
    await site.page.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})


@pytest.mark.parametrize("width", [1280, 320])
async def test_a_keyboard_alone_goes_from_the_start_to_the_plan(
        site: Site, store: Store, words: Content, width: int, tmp_path: Path) -> None:
    shots = ARTEFACTS / f"keyboard-{width}"
    await site.width(width)
    await site.open("/")
    await site.page.press("tab")
    assert "Skip to main content" in await _focused(site)
    await _tab_to(site, "Start a new journey")
    await site.page.screenshot(shots / "1-start.png")
    await site.after(site.page.press("enter"))
    assert await site.fits(), "the page is wider than the screen"
    # Nothing typed, then Enter: the error summary at the top takes the focus, and its link
    # leads to the box.
    await _tab_to(site, "INPUT")
    await site.after(site.page.press("enter"))
    assert await site.page.evaluate(
        "document.activeElement === document.querySelector('.error-summary')")
    await site.page.screenshot(shots / "2-error.png")
    assert await site.fits()
    await _tab_to(site, "A ")  # the summary's link
    await site.page.press("enter")
    assert await site.page.evaluate("document.activeElement.id") == "answer"
    await site.page.type("Sam")
    await site.page.screenshot(shots / "3-name.png")
    await site.after(site.page.press("enter"))  # Enter in the box posts the form
    mode = words.question("welcome.mode")
    heading = await site.page.evaluate("document.querySelector('h1').textContent")
    assert mode.ask[:30] in str(heading)
    assert await site.fits()
    await _tab_to(site, 'INPUT self')  # the first choice: planning on their own
    await _space(site)
    await site.page.screenshot(shots / "4-mode.png")
    await _tab_to(site, "Continue")
    await site.after(site.page.press("enter"))
    assert await site.fits()
    journey = store.list()[0]
    assert store.load(journey.id).value("welcome.mode") == "self"
    await _tab_to(site, "Journey map")
    await site.after(site.page.press("enter"))
    assert await site.fits()
    await site.page.screenshot(shots / "5-map.png")
    # The plan saved as a Word document, to the browser's downloads.
    downloads = tmp_path / "downloads"
    await site.browser.send("Browser.setDownloadBehavior", {
        "behavior": "allow", "downloadPath": str(downloads), "eventsEnabled": True})
    await _tab_to(site, "Save the plan as a file")
    await site.after(site.page.press("enter"))
    assert await site.fits()
    await site.page.screenshot(shots / "6-files.png")
    await _tab_to(site, "The plan: a Word document")
    await site.page.press("enter")
    done = await site.browser.wait_for(lambda: [
        p for _, m, p in site.browser.events
        if m == "Browser.downloadProgress" and p["state"] in ("completed", "canceled")])
    assert done[0]["state"] == "completed"
    saved = list(downloads.iterdir())
    assert [f.name for f in saved] == [f"support-plan-{journey.id}.docx"]
    assert saved[0].read_bytes()[:2] == b"PK"  # a Word file is a zip
    await _tab_to(site, "Read or print the plan")
    await site.after(site.page.press("enter"))
    assert "Sam" in str(await site.page.evaluate("document.body.textContent"))
    assert await site.fits()
    await site.page.screenshot(shots / "7-plan.png")


SPACING = ("document.querySelectorAll('*').forEach(e => {"
           " e.style.setProperty('line-height', '1.5', 'important');"
           " e.style.setProperty('letter-spacing', '0.12em', 'important');"
           " e.style.setProperty('word-spacing', '0.16em', 'important');"
           " if (e.tagName === 'P') e.style.setProperty('margin-bottom', '2em', 'important');"
           "})")


async def test_text_spacing_raised_at_320_pixels_loses_nothing(
        site: Site, store: Store, words: Content) -> None:
    """WCAG 1.4.12: with the line, letter, word and paragraph spacing raised as far as the
    rule asks, at 320 CSS pixels wide, nothing is wider than the screen."""
    await site.width(320)
    journey_id = reached(store, "planning.support", routes.ROUTES[routes.ALONE])
    for path in ("/", f"/j/{journey_id}", f"/j/{journey_id}/map", f"/j/{journey_id}/check",
                 f"/j/{journey_id}/files"):
        await site.open(path)
        await site.past_sitting()
        await site.page.evaluate(SPACING)
        assert await site.fits(), path
    await site.page.screenshot(ARTEFACTS / "spacing-320-files.png")
