"""`journey serve`: journey in a web browser. Each browser tab runs its own journey process
(textual-serve starts it and carries its screen over a websocket), on the same data folder
with the same lock per journey.

textual-serve itself checks nobody: its page, websocket and downloads answer anyone who can
reach the port, from any web site. This server answers only a request that carries the
link's random token, names this server in its Host header and, when a browser says which
page sent it, comes from journey's own page. Its page asks nothing of any other server: the
font is textual-serve's own copy, and the page's Content-Security-Policy forbids the rest.

Only `journey serve` imports this module, and only once textual-serve is known to be there."""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
import re
import secrets
import shlex
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from journey import content
from journey.core.answers import clean
from journey.documents import render
from journey.web.address import (  # noqa: F401  (used from here by tests)
    A_TOKEN,
    DEFAULT_PORT,
    LOOPBACK,
    TOKEN_BYTES,
    Address,
    _netloc,
    content_disposition,
    is_loopback,
    listens_everywhere,
    own_addresses,
)

DEFAULT_TABS = 4  # browser tabs running journey at once; each is a process of its own
FONT = "fonts/RobotoMono-VariableFont_wght.ttf"  # shipped inside textual-serve


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def journey_command() -> str:
    """The command each tab runs: this same Python and journey, as a shell line (textual-serve
    starts it through the shell)."""
    argv = [sys.executable, "-m", "journey"]
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)



class JourneyServer(Server):
    """textual-serve's Server, with its routes guarded (see the module's note), at most
    `tabs` journeys running at once, and journey's own page."""

    def __init__(self, address: Address, tabs: int = DEFAULT_TABS, token: str | None = None,
                 command: str | None = None) -> None:
        super().__init__(command or journey_command(), host=address.host, port=address.port,
                         public_url=address.base, title="journey")
        self.address = address
        self.tabs = tabs
        self.token = token or secrets.token_urlsafe(TOKEN_BYTES)
        self.words = content.default()
        self.running = 0  # journeys open in browser tabs now
        self.sockets: set[web.WebSocketResponse] = set()
        self._hosts = address.hosts()
        self._origins = address.origins()

    @property
    def link(self) -> str:
        return f"{self.address.base}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard, self._headers])
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws/{token}", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    # Checks every request passes.

    def _token_ok(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _refuse(self, status: int = 403) -> web.Response:
        return web.Response(status=status, text=self.words.message("web_refused"))

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.headers.get("Host", "").lower() not in self._hosts:
            return self._refuse(421 if "Host" in request.headers else 400)
        origin = request.headers.get("Origin")
        # A browser always says which page opened a websocket; journey's page is the only one
        # allowed to. Pages and files are opened by the person (no Origin), or by journey's page.
        if origin is None and request.path.startswith("/ws"):
            return self._refuse()
        if origin is not None and origin.lower() not in self._origins:
            return self._refuse()
        return await handler(request)

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    # The page.

    async def handle_index(self, request: web.Request) -> web.Response:
        given = request.query.get("token", "")
        if not self._token_ok(given):
            if A_TOKEN.fullmatch(given):
                return web.Response(status=403, text=self.words.message("web_old_link"))
            return self._refuse()
        words = self.words
        nonce = secrets.token_urlsafe(16)
        full = self.running >= self.tabs
        base = self.address.url or f"http://{request.headers['Host']}"
        websocket = re.sub(r"^http", "ws", base.rstrip("/")) + f"/ws/{self.token}"
        page = render.environment().get_template("serve.html.j2").render(
            title=words.message("app_title"),
            full=words.message("web_full", tabs=self.tabs) if full else "",
            starting=words.message("web_starting"),
            closed=words.message("web_closed"),
            open_again=words.message("web_open_again"),
            static="/static/", font=FONT, nonce=nonce, websocket=websocket,
            font_size=min(max(to_int(request.query.get("fontsize", "16"), 16), 8), 48),
        )
        connect = websocket.split("/ws/")[0]
        return web.Response(
            text=page, content_type="text/html", status=503 if full else 200,
            headers={
                "Cache-Control": "no-store",
                "Content-Security-Policy": (
                    f"default-src 'none'; script-src 'self' 'nonce-{nonce}'; "
                    "style-src 'self' 'unsafe-inline'; font-src 'self'; "
                    f"img-src 'self' data: blob:; connect-src 'self' {connect}; "
                    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
            })

    # The websocket that carries one journey's screen.

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if not self._token_ok(request.match_info["token"]):
            return self._refuse()
        if self.running >= self.tabs:
            return web.Response(status=503, text=self.words.message("web_full", tabs=self.tabs))
        self.running += 1
        websocket = web.WebSocketResponse(heartbeat=15)
        self.sockets.add(websocket)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            # textual.js adds the "instance" to the address of every file it fetches: the
            # token, so a download is refused without it, like everything else.
            await websocket.send_json(["instance_id", self.token])
            app_service = AppService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager,
            )
            await app_service.start(_cells(request.query.get("width", ""), 80),
                                    _cells(request.query.get("height", ""), 24))
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a bad message from the page ends that tab only
            self.console.print(f"journey: a browser tab stopped: {error!r}", markup=False)
        finally:
            if app_service is not None:
                await app_service.stop()
                await _ended(app_service)
            self.sockets.discard(websocket)
            self.running -= 1
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        for websocket in list(self.sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY)

    # Files the app hands to the person.

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if not self._token_ok(request.query.get("instance", "")):
            return self._refuse()
        try:
            meta = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            return web.Response(status=404, text=self.words.message("web_no_file"))
        kind = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        response = web.StreamResponse(headers={
            "Content-Type": kind,
            "Content-Disposition": content_disposition(disposition, meta.file_name),
            "Cache-Control": "no-store",
            # A plan opened to print is a document, never a program: it runs nothing and
            # fetches nothing.
            "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; "
                                        "img-src data:; sandbox allow-modals"),
        })
        await response.prepare(request)
        async for chunk in self.download_manager.download(meta.delivery_key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # Starting and stopping.

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its own banner here; journey prints its link in serve()."""

    def serve(self, debug: bool = False, open_browser: bool = False) -> None:
        run(self._make_app(), self.address, self.words, self.link, self.token, open_browser)


def run(app: Awaitable[web.Application] | web.Application, address: Address,
        words: content.Journey, link: str, token: str, open_browser: bool) -> None:
    """Listen until ctrl+c, for the pages and the terminal page alike: say where other
    computers reach journey when it listens beyond this one, print the link once listening,
    and write one line for a request that cannot be read."""
    if not is_loopback(address.host):
        # Where other computers reach it: this computer's address, when it listens on all.
        shown = urlsplit(address.base).netloc if address.url is None else address.netloc
        print(words.message("serve_open_host", address=shown), flush=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.add_signal_handler(signal.SIGINT, _request_exit)
        loop.add_signal_handler(signal.SIGTERM, _request_exit)
    except NotImplementedError:  # Windows: ctrl+c arrives as KeyboardInterrupt instead
        pass

    def ready(_: object) -> None:
        print(words.message("serve_ready"), f"\n\n    {link}\n", sep="", flush=True)
        print(words.message("serve_keep_private"), words.message("serve_stop"), flush=True)
        if open_browser and not open_in_browser(link):
            print(words.message("serve_no_browser"), flush=True)

    # The access log is left off: every line would carry the token.
    web.run_app(app, host=address.host, port=address.port, handle_signals=False, loop=loop,
                access_log=None, print=ready, shutdown_timeout=5,
                logger=request_log(words, token))


def _request_exit() -> None:
    raise GracefulExit()


class _RequestLog(logging.Handler):
    """What aiohttp says of a request it could not serve, as one line on the console. A
    request it cannot read at all (no Host, two Hosts, a broken header) it answers with 400
    itself; its traceback would tell the person nothing, so one line says what came from
    where. Anything else (a fault of journey's own) is written whole. The link's token is
    never written: aiohttp may quote the line it could not read."""

    def __init__(self, words: content.Journey, token: str) -> None:
        super().__init__(logging.INFO)
        self.words = words
        self.token = token

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        try:
            if isinstance(error, HttpProcessingError):
                remote = record.args[0] if isinstance(record.args, tuple) and record.args else ""
                reason = " ".join(clean(str(error.message)).split())[:200]
                line = self.words.message("serve_bad_request", remote=clean(str(remote)),
                                          reason=reason)
            else:
                line = clean(self.format(record))
            print(line.replace(self.token, "…"), file=sys.stderr, flush=True)
        except Exception:  # a log line must never stop the server
            self.handleError(record)


def request_log(words: content.Journey, token: str) -> logging.Logger:
    """The log aiohttp writes to about requests, written through _RequestLog alone."""
    log = logging.getLogger("journey.serve.requests")
    log.propagate = False
    log.setLevel(logging.INFO)
    for handler in list(log.handlers):
        log.removeHandler(handler)
    log.addHandler(_RequestLog(words, token))
    return log


def open_in_browser(link: str) -> bool:
    """Open the link in the person's web browser, if one opens a window of its own. A browser
    that runs inside this terminal (lynx, w3m) would take the terminal over and cannot run
    journey's page anyway."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser:  # a terminal browser: it would block here
        return False
    try:
        return browser.open(link)
    except (webbrowser.Error, OSError):
        return False


def _cells(given: str, usual: int) -> int:
    """A size the page asks for, within what a screen can be."""
    return min(max(to_int(given, usual), 10), 1000)


async def _ended(app_service: AppService) -> None:
    """Wait until a tab's journey has ended, and leave nothing of it behind. textual-serve
    tells it to stop but leaves its pipe open and never waits for it."""
    if app_service._stdin is not None:
        app_service.stdin.close()
    process = app_service._process
    if process is None:
        return
    try:
        await asyncio.wait_for(process.wait(), 5)
    except TimeoutError:
        process.kill()  # every answer was saved as it was given
        await process.wait()
