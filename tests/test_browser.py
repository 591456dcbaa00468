"""journey in a real web browser: `journey serve` started as a person starts it, and headless
Chromium opening its link, typing a name, answering a question, watching the plan grow and
saving the plan to the computer. Screenshots are kept in test-artefacts/browser/ to look at.

Chromium comes from Debian's `chromium` package, which scripts/setup installs where it can;
without any way to get it, this test is skipped and says why."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import unused_port

from journey.content import Journey as Content
from journey.store.database import Store

from .browser import Browser, chromium_note, find_chromium

pytestmark = pytest.mark.skipif(find_chromium() is None, reason=chromium_note())

ARTEFACTS = Path(__file__).resolve().parents[1] / "test-artefacts" / "browser"


@pytest.fixture
def served(journey_home: Path) -> Iterator[str]:
    """`journey serve` on a free port, as its own process; the link it prints."""
    port = unused_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "journey", "serve", "--terminal", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())
    try:
        said = ""
        assert server.stdout is not None
        while not (link := re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", said)):
            line = server.stdout.readline()
            assert line, f"journey serve stopped: {said}"
            said += line
        yield link.group(0)
    finally:
        server.terminate()  # as Ctrl+C does: each tab's journey is told to stop
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


async def test_journey_in_headless_chromium(served: str, journey_home: Path, tmp_path: Path,
                                            words: Content) -> None:
    link = served
    origin = link.split("/?")[0]
    downloads = tmp_path / "downloads"
    browser = await Browser.start(width=1280, height=800)
    try:
        await browser.send("Browser.setDownloadBehavior", {
            "behavior": "allow", "downloadPath": str(downloads), "eventsEnabled": True})
        page = await browser.new_page()
        started = time.monotonic()
        await page.go(link)
        ask = words.question("welcome.name").ask
        await browser.wait_for(lambda: ask[:30] in page.shown(), 30)
        first_question = time.monotonic() - started
        await page.screenshot(ARTEFACTS / "1-first-question.png")

        await page.focus_terminal()
        await page.type("Sam")
        await page.press("enter")
        mode = words.question("welcome.mode")
        await browser.wait_for(lambda: mode.ask in page.shown() and "• Sam" in page.shown())
        await page.screenshot(ARTEFACTS / "2-name-in-the-plan.png")

        await page.press("enter")  # the first choice: "It is my plan..."
        own = mode.choices[0].label
        await browser.wait_for(lambda: f"• {own}" in page.shown())
        await page.screenshot(ARTEFACTS / "3-the-plan-grows.png")

        # In the browser the keys are those that reach the page, and the key bar says so.
        assert "ctrl+s Not sure yet" in page.shown() and "ctrl+n Not sure yet" not in page.shown()

        await page.press("ctrl+o")
        await browser.wait_for(lambda: words.message("export_title_plan") in page.shown())
        await page.screenshot(ARTEFACTS / "4-save-plan.png")
        await page.press("enter")
        done = await browser.wait_for(lambda: [
            p for _, m, p in browser.events
            if m == "Browser.downloadProgress" and p["state"] in ("completed", "canceled")])
        assert done[0]["state"] == "completed"
        (saved,) = downloads.iterdir()
        assert saved.name.startswith("support-plan-") and saved.suffix == ".md"
        assert "Sam" in saved.read_text(encoding="utf-8")

        # Every request went to journey itself: nothing was fetched from anywhere else.
        requested = page.requested()
        assert requested and all(url.startswith(origin) for url in requested), requested

        # A page that is not journey's own, even one that has the link, is refused.
        other = await browser.new_page()
        socket = link.replace("http://", "ws://").replace("/?token=", "/ws/")
        said = await other.evaluate(f"""new Promise(done => {{
            const socket = new WebSocket({socket!r});
            socket.onopen = () => done("open");
            socket.onerror = () => done("refused");
        }})""")
        assert said == "refused"
        (ARTEFACTS / "timings.txt").write_text(
            f"page load to first question: {first_question:.2f} s\n")
    finally:
        await browser.close()
    # What the browser showed was saved, in the same data folder as the terminal uses.
    store = Store(journey_home)
    try:
        (summary,) = store.list()
        assert summary.name == "Sam"
    finally:
        store.close()
