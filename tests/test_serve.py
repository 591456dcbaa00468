"""`journey serve`: only the link's token, journey's own address and journey's own page get
in; a tab opens journey; no more tabs than allowed; files come down named as they are."""

from __future__ import annotations

import asyncio
import gc
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer, unused_port

from journey.cli import main as cli
from journey.content import Journey as Content
from journey.plain.terminal import wants_plain
from journey.web import serve as journey_web
from journey.web.serve import Address, JourneyServer, content_disposition

TOKEN = "the-right-token"
# A stand-in for journey that holds a tab open until textual-serve tells it to stop.
HOLD = f'"{sys.executable}" -c "import sys; sys.stdin.buffer.read(1)"'


async def _client(server: JourneyServer) -> TestClient:
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1",
                                   port=server.address.port))
    await client.start_server()
    return client


@pytest.fixture
async def served() -> AsyncIterator[tuple[JourneyServer, TestClient]]:
    server = JourneyServer(Address(port=unused_port()), tabs=1, token=TOKEN)
    client = await _client(server)
    yield server, client
    await client.close()
    _let_go()


def _let_go() -> None:
    """textual-serve keeps no hold on a tab's finished process: let Python close its pipes
    now, while this test's event loop can still do it."""
    gc.collect()


def _origin(server: JourneyServer) -> str:
    return f"http://127.0.0.1:{server.address.port}"


async def test_the_page_needs_the_token(served, words: Content) -> None:
    _, client = served
    for query in ("", "?token=", "?token=wrong", "?token=the-right-tokeN", "?token=tökén"):
        response = await client.get("/" + query)
        assert response.status == 403, query
        assert await response.text() == words.message("web_refused")
    response = await client.get(f"/?token={TOKEN}")
    assert response.status == 200
    page = await response.text()
    assert f"/ws/{TOKEN}" in page


async def test_the_page_asks_nothing_of_any_other_server(served) -> None:
    server, client = served
    response = await client.get(f"/?token={TOKEN}")
    page = await response.text()
    # The stock page fetches a web font from another server; journey's uses its own copy.
    assert "http:" not in page and "https:" not in page
    linked = re.findall(r'(?:href|src)="([^"]*)"|url\("([^"]*)"\)', page)
    assert linked and all("".join(url).startswith(("/static/", "data:")) for url in linked)
    font = re.search(r'href="(/static/fonts/[^"]+\.ttf)"', page)
    assert font and (await client.get(font.group(1))).status == 200
    for script in re.findall(r'<script src="([^"]+)"', page):
        assert script.startswith("/static/")
        assert (await client.get(script)).status == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert f"connect-src 'self' ws://127.0.0.1:{server.address.port}" in policy


async def test_another_host_name_is_refused(served) -> None:
    # A web site that points its own name at this computer (DNS rebinding) says so in Host.
    server, client = served
    port = server.address.port
    for host in (f"evil.example:{port}", "127.0.0.1:1", f"127.0.0.1.evil.example:{port}"):
        response = await client.get(f"/?token={TOKEN}", headers={"Host": host})
        assert response.status == 421, host
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"LOCALHOST:{port}"):
        response = await client.get(f"/?token={TOKEN}", headers={"Host": host})
        assert response.status == 200, host


async def test_another_origin_is_refused(served) -> None:
    server, client = served
    response = await client.get(f"/?token={TOKEN}", headers={"Origin": "https://evil.example"})
    assert response.status == 403
    response = await client.get(f"/?token={TOKEN}", headers={"Origin": _origin(server)})
    assert response.status == 200


async def test_the_websocket_needs_the_token_and_journeys_own_page(served) -> None:
    server, client = served
    server.command = HOLD
    refused = [
        (f"/ws/{TOKEN}", None),  # no Origin: not a page in a browser
        (f"/ws/{TOKEN}", "https://evil.example"),  # another web site, with the link
        (f"/ws/{TOKEN}", "null"),
        ("/ws/wrong", _origin(server)),
        ("/ws/", _origin(server)),
    ]
    for path, origin in refused:
        headers = {"Origin": origin} if origin else {}
        response = await client.get(path, headers={
            **headers, "Connection": "Upgrade", "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert response.status in (403, 404), (path, origin)
        assert server.running == 0
    websocket = await client.ws_connect(f"/ws/{TOKEN}", origin=_origin(server))
    message = await websocket.receive_json(timeout=5)
    assert message == ["instance_id", TOKEN]
    await websocket.close()


async def test_a_tab_opens_journey(tmp_path: Path, words: Content) -> None:
    server = JourneyServer(Address(port=unused_port()), token=TOKEN)
    client = await _client(server)
    try:
        websocket = await client.ws_connect(f"/ws/{TOKEN}?width=100&height=30",
                                            origin=_origin(server))
        shown = ""
        ask = words.question("welcome.name").ask.split("?")[0].split()[:3]
        async with asyncio.timeout(30):
            while not all(word in shown for word in ask):
                message = await websocket.receive()
                assert message.type in (WSMsgType.BINARY, WSMsgType.TEXT), message
                if message.type == WSMsgType.BINARY:
                    shown += message.data.decode("utf-8", "replace")
        assert server.running == 1
        await websocket.close()
        async with asyncio.timeout(10):
            while server.running:
                await asyncio.sleep(0.05)
    finally:
        await client.close()
        _let_go()


async def test_no_more_tabs_than_allowed(served, words: Content) -> None:
    server, client = served
    server.command = HOLD
    first = await client.ws_connect(f"/ws/{TOKEN}", origin=_origin(server))
    await first.receive_json(timeout=5)
    assert server.running == 1
    page = await client.get(f"/?token={TOKEN}")
    assert page.status == 503
    assert words.message("web_full", tabs=1) in await page.text()
    response = await client.get(f"/ws/{TOKEN}", headers={
        "Origin": _origin(server), "Connection": "Upgrade", "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
    assert response.status == 503
    await first.close()
    async with asyncio.timeout(10):
        while server.running:
            await asyncio.sleep(0.05)
    second = await client.ws_connect(f"/ws/{TOKEN}", origin=_origin(server))
    assert await second.receive_json(timeout=5) == ["instance_id", TOKEN]
    await second.close()


class _App:
    """Stands in for a tab's journey process, which sends a file in chunks when asked."""

    app_service_id = "tab"

    def __init__(self, server: JourneyServer, key: str, chunks: list[bytes]) -> None:
        self.server, self.key, self.chunks = server, key, chunks

    async def send_meta(self, data: dict[str, object]) -> bool:
        chunk = self.chunks.pop(0) if self.chunks else b""
        await self.server.download_manager.chunk_received(self.key, chunk)
        return True


async def test_files_need_the_token_and_come_down_named(served, words: Content) -> None:
    server, client = served
    name = "support-plan-Zoë \"O'Neil\".md"
    await server.download_manager.create_download(
        app_service=_App(server, "k1", [b"# Plan\n", "for Zoë\n".encode()]),  # type: ignore[arg-type]
        delivery_key="k1", file_name=name, open_method="download",
        mime_type="text/markdown", encoding="utf-8")
    for query in ("", "?instance=", "?instance=wrong"):
        response = await client.get("/download/k1" + query)
        assert response.status == 403, query
    response = await client.get(f"/download/nothing?instance={TOKEN}")
    assert response.status == 404
    assert await response.text() == words.message("web_no_file")
    response = await client.get("/download/k1?instance=wrong",
                                headers={"Origin": "https://evil.example"})
    assert response.status == 403
    response = await client.get(f"/download/k1?instance={TOKEN}")
    assert response.status == 200
    assert await response.read() == "# Plan\nfor Zoë\n".encode()
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition == content_disposition("attachment", name)
    assert "filename*=UTF-8''support-plan-Zo%C3%AB%20%22O%27Neil%22.md" in disposition
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_a_file_name_is_always_one_safe_header() -> None:
    header = content_disposition("inline", 'a\r\nSet-Cookie: x=1; "b".html')
    assert "\r" not in header and "\n" not in header
    assert header.startswith('inline; filename="a_Set-Cookie_x_1_b_.html"; filename*=UTF-8')


def test_addresses_allowed() -> None:
    local = Address(port=8000)
    assert local.hosts() == {"127.0.0.1:8000", "localhost:8000"}
    assert local.origins() == {"http://127.0.0.1:8000", "http://localhost:8000"}
    assert local.base == "http://127.0.0.1:8000"
    behind = Address("127.0.0.1", 8000, "https://journey.example.org/")
    assert "journey.example.org" in behind.hosts()
    assert "journey.example.org:443" in behind.hosts()
    assert "https://journey.example.org" in behind.origins()
    assert behind.base == "https://journey.example.org"
    assert Address("::1", 9000).netloc == "[::1]:9000"


def test_a_tab_runs_the_app_over_pipes() -> None:
    # Each tab's journey talks to textual-serve over pipes, not a terminal: still the app.
    assert not wants_plain({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"})
    assert wants_plain({"TERM": "xterm"})


def _no_server(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    started: dict[str, object] = {}

    def run_app(app: object, **options: object) -> None:
        started.update(options)
        options["print"]("listening")  # type: ignore[operator]
        app.close()  # type: ignore[attr-defined]
        loop = options["loop"]
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signal_number)  # type: ignore[attr-defined]
        loop.close()  # type: ignore[attr-defined]
        asyncio.set_event_loop(None)

    monkeypatch.setattr(journey_web.web, "run_app", run_app)
    return started


def test_serve_is_private_by_default(monkeypatch, capsys, words: Content) -> None:
    started = _no_server(monkeypatch)
    assert cli.main(["serve"]) == 0
    assert started["host"] == "127.0.0.1" and started["port"] == 8000
    assert started["access_log"] is None  # every line would carry the token
    out = capsys.readouterr().out
    assert re.search(r"http://127\.0\.0\.1:8000/\?token=[\w-]{40,}\n", out)
    assert words.message("serve_keep_private") in out
    assert "Warning" not in out


def test_serve_elsewhere_warns_plainly(monkeypatch, capsys, words: Content) -> None:
    started = _no_server(monkeypatch)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "8080"]) == 0
    assert started["host"] == "0.0.0.0"
    out = capsys.readouterr().out
    # Named by this computer's own address, which other computers can use, not by 0.0.0.0.
    reached = urlsplit(Address("0.0.0.0", 8080).base).netloc
    assert out.startswith(words.message("serve_open_host", address=reached))
    assert re.search(rf"http://{re.escape(reached)}/\?token=", out)
    _no_server(monkeypatch)
    assert cli.main(["serve", "--host", "192.0.2.7", "--port", "8080"]) == 0
    assert capsys.readouterr().out.startswith(
        words.message("serve_open_host", address="192.0.2.7:8080"))


def test_each_link_has_its_own_token() -> None:
    first, second = JourneyServer(Address()), JourneyServer(Address())
    assert first.token != second.token and len(first.token) >= 40


async def test_a_link_from_an_earlier_start_says_so_and_where_the_new_one_is(
        words: Content) -> None:
    earlier, server = JourneyServer(Address()), JourneyServer(Address(port=unused_port()))
    client = await _client(server)
    try:
        response = await client.get(f"/?token={earlier.token}")
        assert response.status == 403
        said = await response.text()
        assert said == words.message("web_old_link")
        assert "earlier time journey was started" in said and "journey serve" in said
        # A link cut short is not mistaken for an old one.
        response = await client.get(f"/?token={server.token[:20]}")
        assert await response.text() == words.message("web_refused")
        assert (await client.get(f"/?token={server.token}")).status == 200
    finally:
        await client.close()
        _let_go()


class Browser:
    """A stand-in for the person's web browser, which opens a window of its own."""

    def __init__(self, opens: bool = True) -> None:
        self.opens, self.opened = opens, []

    def open(self, link: str) -> bool:
        self.opened.append(link)
        return self.opens


def test_serve_open_opens_the_link_once_ready(monkeypatch, capsys, words: Content) -> None:
    import webbrowser

    browser = Browser()
    monkeypatch.setattr(webbrowser, "get", lambda *a: browser)
    _no_server(monkeypatch)
    assert cli.main(["serve", "--open"]) == 0
    out = capsys.readouterr().out
    [link] = browser.opened
    assert link.startswith("http://127.0.0.1:8000/?token=") and link in out
    assert words.message("serve_no_browser") not in out
    # Without --open, no browser is asked.
    assert cli.main(["serve"]) == 0
    assert len(browser.opened) == 1


@pytest.mark.parametrize("browser", ["none", "terminal", "fails"])
def test_serve_open_without_a_browser_says_to_copy_the_link(
        monkeypatch, capsys, words: Content, browser: str) -> None:
    import webbrowser

    def get(*_: object) -> object:
        if browser == "none":
            raise webbrowser.Error("could not locate runnable browser")
        if browser == "terminal":  # lynx or w3m would take the terminal over
            return webbrowser.GenericBrowser("lynx")
        return Browser(opens=False)

    monkeypatch.setattr(webbrowser, "get", get)
    monkeypatch.setattr(webbrowser.GenericBrowser, "open",
                        lambda *a, **k: pytest.fail("a terminal browser was started"))
    _no_server(monkeypatch)
    assert cli.main(["serve", "--open"]) == 0
    out = capsys.readouterr().out
    assert "/?token=" in out and words.message("serve_no_browser") in out


def test_a_busy_port_is_named(capsys, words: Content) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve", "--port", str(port)]) == 1
    assert words.message("serve_port_busy", port=port, other=port + 1) in capsys.readouterr().err


def test_serve_without_the_web_part_says_how_to_add_it(monkeypatch, capsys,
                                                        words: Content) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "textual_serve" else real(name, *a))
    assert cli.main(["serve"]) == 1
    assert capsys.readouterr().err.strip() == words.message(
        "serve_needs_extra", command='pip install "journey-care[web]"')


def test_serve_checks_its_port_and_tabs(capsys) -> None:
    for argv in (["serve", "--port", "0"], ["serve", "--port", "70000"],
                 ["serve", "--tabs", "0"]):
        with pytest.raises(SystemExit):
            cli.main(argv)


def test_serve_does_not_import_textual() -> None:
    # The server only starts processes; each tab's journey imports Textual for itself.
    found = subprocess.run(
        [sys.executable, "-c", "import sys, journey.web.serve, journey.cli.main; "
         "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"],
        capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


class _Running:
    """`journey serve` itself, in a process of its own, as a person starts it."""

    def __init__(self, *options: str) -> None:
        self.port = unused_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "journey", "serve", "--terminal", "--port", str(self.port),
             *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Read what it prints until the link, but never wait for ever.
        seen = b""
        deadline = time.monotonic() + 60
        while not re.search(rb"token=\S+\s", seen):
            ready, _, _ = select.select([self.process.stdout], [], [],
                                        max(deadline - time.monotonic(), 0))
            chunk = os.read(self.process.stdout.fileno(), 4096) if ready else b""  # type: ignore[union-attr]
            if not chunk:
                self.process.kill()
                pytest.fail(f"journey serve did not start: {seen!r} {self.stop()}")
            seen += chunk
        self.out = seen.decode()
        self.link = re.search(r"http://\S+", self.out).group(0)  # type: ignore[union-attr]
        self.token = self.link.split("token=")[1]

    def raw(self, request: bytes, host: str = "127.0.0.1") -> bytes:
        with socket.create_connection((host, self.port), timeout=10) as conn:
            conn.sendall(request)
            answer = b""
            while chunk := conn.recv(4096):
                answer += chunk
            return answer

    def stop(self) -> str:
        """Stops it with Ctrl+C and gives what it wrote to the console."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=15)
        self.out += out
        return err


def test_a_request_that_cannot_be_read_is_refused_in_one_quiet_line(words: Content) -> None:
    served = _Running()
    try:
        port = served.port
        malformed = [
            b"GET / HTTP/1.1\r\n\r\n",  # no Host
            f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            .encode(),  # two
            f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n".encode(),
            f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX: a\x01b\r\n\r\n".encode(),
            # aiohttp quotes what it could not read: the token is never written out.
            f"GET /?token={served.token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"X: {served.token}\x01\x1b[2J\r\n\r\n".encode(),
        ]
        for request in malformed:
            answer = served.raw(request)
            assert re.match(rb"HTTP/1\.[01] 400 ", answer), (request, answer[:80])
            assert b"Traceback" not in answer
        # It still answers the link as before.
        good = served.raw(f"GET /?token=x HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                          "Connection: close\r\n\r\n".encode())
        assert good.startswith(b"HTTP/1.1 403 ")
    finally:
        err = served.stop()
    assert "Traceback" not in err and "aiohttp" not in err, err
    assert served.token not in err and "\x1b" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == len(malformed), err
    said = words.message("serve_bad_request", remote="127.0.0.1", reason="").strip()
    assert all(line.startswith(said.split("127.0.0.1")[0]) and "127.0.0.1" in line
               for line in lines), err
    assert any("Host" in line for line in lines), err


def _own_address() -> str | None:
    """This computer's address on its network, found as the system would route to another."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for a datagram socket
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_listening_on_every_address_prints_a_link_other_computers_can_open() -> None:
    own = _own_address()
    if own is None:
        pytest.skip("this computer has no network address")
    served = _Running("--host", "0.0.0.0")
    try:
        link = served.link
        assert "0.0.0.0" not in link, link
        port = served.port
        token = link.split("token=")[1]
        # As another computer would open it: to this computer's own address, by address or
        # by name.
        for host in (urlsplit(link).hostname, own, socket.gethostname()):
            answer = served.raw(f"GET /?token={token} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                                "Connection: close\r\n\r\n".encode(), host=own)
            assert answer.startswith(b"HTTP/1.1 200 "), (host, answer[:80])
        # Another web site's name for this address is refused still (DNS rebinding).
        for host in ("evil.example", f"{own}.evil.example", "0.0.0.0.evil.example"):
            answer = served.raw(f"GET /?token={token} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                                "Connection: close\r\n\r\n".encode(), host=own)
            assert answer.startswith(b"HTTP/1.1 421 "), (host, answer[:80])
    finally:
        served.stop()


def test_every_address_includes_the_computers_own_names_and_addresses() -> None:
    own = _own_address()
    everywhere = Address("0.0.0.0", 8080)
    hosts = everywhere.hosts()
    assert f"{socket.gethostname().lower()}:8080" in hosts
    assert {"127.0.0.1:8080", "localhost:8080", "0.0.0.0:8080"} <= hosts
    if own is not None:
        assert f"{own}:8080" in hosts
        assert everywhere.base == f"http://{own}:8080"
    assert not any(h.endswith(".example:8080") for h in hosts)
    assert "[::1]:8080" in Address("::", 8080).hosts()
    # An address of its own, or the organisation's own web server, is as before.
    assert Address("192.0.2.7", 8080).hosts() == {"192.0.2.7:8080"}
