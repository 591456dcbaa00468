"""Headless Chromium driven over the DevTools protocol (CDP), for the browser test and
scripts/bench-web. It needs only aiohttp (part of journey-care[web]) and a chromium on the PATH
(scripts/setup installs Debian's `chromium` for the tests).

What the page is sent over journey's websocket is read from the browser's own record of
the frames (Network.webSocketFrameReceived): that is what the terminal in the page draws."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio",
         "--hide-scrollbars", "--remote-debugging-port=0"]
# Control sequences: CSI (colours, cursor moves), OSC, DCS and the like, and two-byte ESC ones.
ANSI = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]"
                  r"|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def screen_text(stream: str) -> str:
    """Terminal output without its control sequences: the words drawn, in the order sent."""
    return ANSI.sub("", stream)


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], profile: Path,
                 http: aiohttp.ClientSession, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.process, self.profile, self.http, self.socket = process, profile, http, socket
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.events: list[tuple[str | None, str, dict[str, Any]]] = []
        self._news = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, width: int = 1280, height: int = 800,
                    timeout: float = 20) -> Browser:
        chromium = find_chromium()
        if chromium is None:
            raise FileNotFoundError("chromium")
        profile = Path(tempfile.mkdtemp(prefix="journey-chromium-"))
        process = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        marker = profile / "DevToolsActivePort"
        end = time.monotonic() + timeout
        while not (marker.exists() and len(marker.read_text().split()) >= 2):
            if process.poll() is not None or time.monotonic() > end:
                process.kill()
                shutil.rmtree(profile, ignore_errors=True)
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.05)
        port, path = marker.read_text().split()[:2]
        http = aiohttp.ClientSession()
        socket = await http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0)
        return cls(process, profile, http, socket)

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = message.json()
            if "id" in data:
                future = self._waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    if "error" in data:
                        future.set_exception(RuntimeError(f"{data['error']}"))
                    else:
                        future.set_result(data.get("result", {}))
            else:
                self.events.append((data.get("sessionId"), data["method"], data["params"]))
                self._news.set()

    async def send(self, method: str, params: dict[str, Any] | None = None,
                   session: str | None = None) -> dict[str, Any]:
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self.socket.send_json(message)
        return await asyncio.wait_for(future, 30)

    async def wait_for(self, found: Callable[[], Any], timeout: float = 20) -> Any:
        """Wait until found() gives something true, checking as each event comes in."""
        end = time.monotonic() + timeout
        while not (result := found()):
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError
            self._news.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._news.wait(), min(left, 0.2))
        return result

    async def new_page(self) -> Page:
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send("Target.attachToTarget",
                                   {"targetId": target["targetId"], "flatten": True})
        page = Page(self, attached["sessionId"])
        await page.send("Page.enable")
        await page.send("Network.enable")
        await page.send("Runtime.enable")
        return page

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.send("Browser.close"), 5)
        self._reader.cancel()
        await self.socket.close()
        await self.http.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


KEYS = {"enter": ("Enter", "Enter", 13, "\r"), "tab": ("Tab", "Tab", 9, "\t"),
        "escape": ("Escape", "Escape", 27, ""), "down": ("ArrowDown", "ArrowDown", 40, ""),
        "up": ("ArrowUp", "ArrowUp", 38, "")}


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    async def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.browser.send(method, params, self.session)

    def mine(self, method: str) -> list[dict[str, Any]]:
        return [p for s, m, p in self.browser.events if s == self.session and m == method]

    async def go(self, url: str) -> None:
        await self.send("Page.navigate", {"url": url})

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True})
        return result.get("result", {}).get("value")

    def received(self) -> str:
        """All that journey's websocket has sent this page, as text."""
        parts = []
        for frame in self.mine("Network.webSocketFrameReceived"):
            response = frame["response"]
            if response.get("opcode") == 2:
                parts.append(base64.b64decode(response["payloadData"]).decode("utf-8",
                                                                               "replace"))
        return "".join(parts)

    def shown(self) -> str:
        return screen_text(self.received())

    def requested(self) -> list[str]:
        return [e["request"]["url"] for e in self.mine("Network.requestWillBeSent")]

    async def focus_terminal(self) -> None:
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    async def type(self, text: str) -> None:
        """Key by key, as a person types."""
        for letter in text:
            await self.send("Input.dispatchKeyEvent",
                            {"type": "keyDown", "text": letter, "key": letter})
            await self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": letter})

    async def press(self, key: str) -> None:
        """A named key ("enter"), or ctrl with a letter ("ctrl+o")."""
        if key.startswith("ctrl+"):
            letter = key[5:]
            code = ord(letter.upper())
            common = {"key": letter, "code": f"Key{letter.upper()}", "modifiers": 2,
                      "windowsVirtualKeyCode": code}
            await self.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **common})
            await self.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})
            return
        name, code, number, text = KEYS[key]
        common = {"key": name, "code": code, "windowsVirtualKeyCode": number}
        down = {"type": "keyDown", "text": text} if text else {"type": "rawKeyDown"}
        await self.send("Input.dispatchKeyEvent", {**down, **common})
        await self.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})

    async def screenshot(self, path: Path) -> Path:
        shot = await self.send("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


def chromium_note() -> str:
    """Why the browser test cannot run here, in a sentence."""
    how = "run scripts/setup test as root where apt-get can reach Debian's packages"
    if os.name == "nt":
        how = "install Chromium and put it on the PATH"
    return f"no chromium on this machine: {how}"
