"""`journey serve`: journey as ordinary web pages, one question per page, in one
server process for everyone who connects, over the same conversation as the app and the
plain lines (journey.conversation.Session). Forms post, and the page after is a redirect
(post/redirect/get), so Back and Refresh are safe and nothing needs JavaScript: the pages
carry no script at all.

Safe as the terminal page is, and then some: it listens on this computer only unless told
otherwise; the link's token is taken once and swapped for a cookie (HttpOnly,
SameSite=Strict), with a redirect that takes the token out of the address bar; every request
must name this server in Host and, when the browser says, come from its own pages (Origin);
every form carries a token of its own (CSRF); the Content-Security-Policy lets nothing run
and nothing load from elsewhere; bodies are small and wrong tokens are counted. One browser
changes a journey at a time, with the same lock as the app's windows: another browser (or
another journey process) sees it read-only, and is told so. Tabs of one browser share its
cookie, so each opening of a journey (a tab) gets a token of its own, carried in its links and
forms; the newest opening changes the journey, and an older tab only looks until it takes the
journey over."""

from __future__ import annotations

import contextlib
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from journey import content
from journey.content import Journey as Words
from journey.content import Question
from journey.conversation.session import Session, refusal
from journey.core.answers import AnswerError, show_moment
from journey.core.flow import WELCOME
from journey.core.model import SHORT_QUESTIONS, Mode
from journey.core.saving import JourneyInUse
from journey.documents import files as documents
from journey.documents import render
from journey.plan import suggested_lines
from journey.store.database import Store, StoreError
from journey.web import forms
from journey.web import money as money_pages
from journey.web import review as reviews
from journey.web.address import (
    A_TOKEN,
    TOKEN_BYTES,
    Address,
    content_disposition,
    same_token,
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

COOKIE = "journey"
BODY_LIMIT = 64 * 1024  # a page's form: far more than anyone types into one question
WRONG_TOKENS = 20  # wrong links tried before every further try is refused for a while
WRONG_PAUSE = 60.0  # seconds
IDLE = 2 * 60 * 60  # a browser not seen for this long is forgotten
# A journey not used in a browser for this long is let go, so the app (or another browser)
# can change it: a tab closed without "Stop for now" does not keep it for long.
JOURNEY_IDLE = 15 * 60
MOST_VISITORS = 500
AN_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
SUMMARY = "summary"  # this sitting's summary, for the case file
FORMATS = [*documents.CHOICES, "json", SUMMARY]
# What the pages may do: nothing runs, nothing comes from elsewhere, forms post here only.
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
               "base-uri 'none'; frame-ancestors 'none'")
# The plan is a document of its own (its style inside it): it runs nothing, fetches nothing,
# and sends no form anywhere.
DOCUMENT_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                   "form-action 'none'; base-uri 'none'; frame-ancestors 'none'")
TEMPLATES = "web"  # under content/templates
# Words the pages say, from content (journey.toml, [messages]).
WORDS = ("web_page_skip_link", "web_page_continue", "web_page_not_sure", "web_page_back",
         "web_page_skip_step", "web_page_map", "web_page_plan", "web_page_files",
         "web_page_start", "web_page_problem", "web_page_error", "web_page_add",
         "web_page_remove", "web_page_read_only", "web_page_saved", "web_page_come_back",
         "web_page_new", "web_page_saved_journeys", "web_page_none_saved",
         "web_page_change", "web_page_earlier", "web_page_why", "web_page_so_far",
         "web_page_add_one", "web_page_finished", "web_page_open_plan", "web_page_go",
         "web_page_files_hint", "web_page_stop", "web_page_title_map",
         "web_page_title_files", "web_page_nothing_yet", "web_page_someone_new",
         "web_page_moved_on", "web_page_cannot_move", "web_page_amount",
         "web_page_period", "web_page_pick", "web_page_serves", "web_page_agree",
         "web_page_speaking", "web_page_sitting_hint", "web_page_helping",
         "web_page_check", "web_page_history", "web_page_go_there", "web_page_now",
         "web_page_words", "web_page_sources", "web_page_more", "web_page_notes",
         "web_page_note", "web_page_save_note", "web_page_save_shared",
         "web_page_questions", "web_page_answers_link", "web_page_nav",
         "web_page_take_over")


def words_for_pages(words: Words) -> dict[str, str]:
    return {key.removeprefix("web_page_"): words.message(key) for key in WORDS}


@dataclass
class Visitor:
    """One browser: its cookie, the token its forms carry, the journeys it has open, and
    what a form left to say on the page after (an error, with what was typed)."""

    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    sessions: dict[str, Session] = field(default_factory=dict)
    said: dict[str, dict[str, Any]] = field(default_factory=dict)
    back_to: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    # A journey whose answer is being changed from "check your answers": the page to go back to.
    back_page: dict[str, str] = field(default_factory=dict)
    # Saved journeys opened here that have not yet been told who is here today.
    to_sit: set[str] = field(default_factory=set)
    seen: float = field(default_factory=time.monotonic)
    used: dict[str, float] = field(default_factory=dict)  # when each journey was last used
    sat: set[str] = field(default_factory=set)  # told who is here today, on this visit
    # Each journey's newest opening here (a tab): the token its links and forms carry. Pages
    # and forms of an older opening only look, so two tabs never both change it.
    tabs: dict[str, str] = field(default_factory=dict)


VISITOR = web.RequestKey("visitor", Visitor)
COOKIE_OF = web.RequestKey("cookie", str)
FORM = web.RequestKey("form", dict)
TAB = web.RequestKey("tab", str)  # the opening of the journey this request is of
STALE = web.RequestKey("stale", bool)  # of an older opening than this browser's newest
TAB_BYTES = 12


class PagesServer:
    def __init__(self, address: Address, store: Store, token: str | None = None,
                 words: Words | None = None) -> None:
        self.address = address
        self.store = store
        self.token = token or secrets.token_urlsafe(TOKEN_BYTES)
        self.words = words or content.default()
        self.visitors: dict[str, Visitor] = {}
        self.writers: dict[str, str] = {}  # journey id: the cookie of the browser changing it
        self.wrong: list[float] = []  # when wrong tokens were tried, lately
        self._hosts = address.hosts()
        self._origins = address.origins()
        self.path = (urlsplit(address.url).path.rstrip("/") if address.url else "") or ""
        self.secure = bool(address.url and address.url.startswith("https:"))
        # Browsers share a host's cookies between its ports: each server's cookie is named
        # for its port, so two `journey serve` on one computer never sign each other out.
        self.cookie = f"{COOKIE}-{address.port}"

    @property
    def link(self) -> str:
        return f"{self.address.base}/?token={self.token}"

    @cached_property
    def templates(self) -> Any:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined

        folder = content.content_dir() / "templates" / TEMPLATES
        # Templates are journey's own files, read once: no looking for changes on every page.
        return Environment(loader=FileSystemLoader(folder), autoescape=True, auto_reload=False,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._headers, self._guard],
                              client_max_size=BODY_LIMIT)
        app.add_routes([
            web.get("/", self.start_page),
            web.post("/new", self.new_journey),
            web.get("/static/{name}", self.static),
            web.get("/j/{id}", self.question_page),
            web.post("/j/{id}/answer", self.answer),
            web.post("/j/{id}/move", self.move),
            web.get("/j/{id}/map", self.map_page),
            web.get("/j/{id}/files", self.files_page),
            web.get("/j/{id}/check", self.check_page),
            web.get("/j/{id}/history", self.history_page),
            web.get("/j/{id}/notes", self.notes_page),
            web.get("/j/{id}/answers/{step}", self.answers_page),
            web.post("/j/{id}/notes", self.notes),
            web.get("/j/{id}/plan", self.plan_document),
            web.get("/j/{id}/version/{number}", self.version_document),
            web.get("/j/{id}/compare", self.compare_document),
            web.get("/j/{id}/download/{format}", self.download),
            web.post("/j/{id}/stop", self.stop),
            web.post("/j/{id}/sitting", self.sitting),
            web.get("/j/{id}/agree", self.agree_page),
            web.post("/j/{id}/agree", self.agree),
            *money_pages.MoneyPages(self, money_pages.Keys(VISITOR, FORM, TAB, STALE)).routes(),
        ])
        # The review of a plan (journey.web.review).
        app.add_routes(reviews.routes(self, reviews.Keys(VISITOR, FORM, DOCUMENT_POLICY)))
        app.on_shutdown.append(self._let_go_all)
        return app

    # -- checks every request passes ------------------------------------------------------

    def _refuse(self, status: int = 403, key: str = "web_refused") -> web.Response:
        return web.Response(status=status, text=self.words.message(key),
                            headers={"Cache-Control": "no-store"})

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as e:  # a page not found, a body too big: said plainly
            response = web.Response(status=e.status, text=self.words.message(
                "web_page_too_big") if e.status == 413 else e.text or e.reason)
            if "Location" in e.headers:  # a tab's page, seen at its own address
                response.headers["Location"] = e.headers["Location"]
        except StoreError as e:  # the data folder cannot be read now: say so, change nothing
            response = web.Response(status=503, text=str(e))
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # Not "no-referrer": with it, Chromium says "Origin: null" on a form's post, and the
        # Origin check would refuse journey's own forms. Nothing links anywhere else.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.headers.get("Host", "").lower() not in self._hosts:
            return self._refuse(421 if "Host" in request.headers else 400)
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() not in self._origins:
            return self._refuse()
        if request.method == "POST" and origin is None and (
                request.headers.get("Sec-Fetch-Site", "same-origin") not in (
                    "same-origin", "none")):
            return self._refuse()
        self._forget_idle()
        if request.path == "/" and "token" in request.query:
            return self._enter(request)
        if request.path.startswith("/static/"):
            return await handler(request)
        visitor = self.visitors.get(request.cookies.get(self.cookie, ""))
        if visitor is None:
            return self._refuse(403, "web_page_no_cookie")
        visitor.seen = time.monotonic()
        request[VISITOR] = visitor
        request[COOKIE_OF] = request.cookies[self.cookie]
        if request.method == "POST":
            posted = await request.post()
            if not same_token(str(posted.get("csrf", "")), visitor.csrf):
                return self._refuse()
            request[FORM] = {k: [str(v) for v in posted.getall(k)] for k in posted}
        response = await handler(request)
        # The page after a tab's form is of that tab too.
        where = response.headers.get("Location", "")
        if (response.status == 303 and request.get(TAB) and "?" not in where
                and where.startswith(self.path + "/j/")):
            response.headers["Location"] = f"{where}?tab={request[TAB]}"
        return response

    def _enter(self, request: web.Request) -> web.StreamResponse:
        """The link's token, once: swapped for a cookie, and the address bar cleaned."""
        now = time.monotonic()
        self.wrong = [t for t in self.wrong if now - t < WRONG_PAUSE]
        if len(self.wrong) >= WRONG_TOKENS:
            return self._refuse(429, "web_page_too_many")
        given = request.query.get("token", "")
        if not same_token(given, self.token):
            self.wrong.append(now)
            if A_TOKEN.fullmatch(given):
                return self._refuse(403, "web_old_link")
            return self._refuse()
        if request.cookies.get(self.cookie) in self.visitors:
            return self.go("/")  # the link opened again in the same browser: nothing changes
        cookie = secrets.token_urlsafe(32)
        if len(self.visitors) >= MOST_VISITORS:
            oldest = min(self.visitors, key=lambda c: self.visitors[c].seen)
            self._let_go(oldest)
        self.visitors[cookie] = Visitor()
        response = self.go("/")
        response.set_cookie(self.cookie, cookie, path=self.path + "/", httponly=True,
                            samesite="Strict", secure=self.secure)
        return response

    def _forget_idle(self) -> None:
        now = time.monotonic()
        for cookie in [c for c, v in self.visitors.items() if now - v.seen > IDLE]:
            self._let_go(cookie)
        for cookie, visitor in self.visitors.items():
            for journey_id in [j for j in visitor.sessions
                               if now - visitor.used.get(j, 0) > JOURNEY_IDLE]:
                self._close(cookie, visitor, journey_id)

    def _let_go(self, cookie: str) -> None:
        visitor = self.visitors.pop(cookie, None)
        if visitor is None:
            return
        for journey_id in list(visitor.sessions):
            self._close(cookie, visitor, journey_id)

    def _close(self, cookie: str, visitor: Visitor, journey_id: str) -> None:
        visitor.to_sit.discard(journey_id)
        visitor.used.pop(journey_id, None)
        visitor.tabs.pop(journey_id, None)
        session = visitor.sessions.pop(journey_id, None)
        if session is not None and self.writers.get(journey_id) == cookie:
            del self.writers[journey_id]
            session.close()

    async def _let_go_all(self, app: web.Application) -> None:
        for cookie in list(self.visitors):
            self._let_go(cookie)

    # -- pages ----------------------------------------------------------------------------

    def page(self, name: str, request: web.Request, status: int = 200,
             **values: Any) -> web.Response:
        visitor: Visitor = request[VISITOR]
        tab = request.get(TAB, "")
        if request.get(STALE):
            values["read_only"] = self.words.message("web_page_read_only")
            values["take_over"] = f"{self.path}/j/{values['jid']}"
        values.setdefault("money_link", money_pages.link(
            visitor.sessions.get(values.get("jid", ""))))
        text = self.templates.get_template(name).render(
            t=words_for_pages(self.words), csrf=visitor.csrf, base=self.path,
            tab=tab, at=f"?tab={tab}" if tab else "",
            app_title=self.words.message("app_title"), words=self.words.messages, **values)
        return web.Response(text=text, content_type="text/html", status=status)

    def go(self, where: str) -> web.Response:
        """The page after a form: see it there (post/redirect/get)."""
        return web.Response(status=303, headers={"Location": self.path + where})

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name != "journey.css":
            raise web.HTTPNotFound()
        folder = content.content_dir() / "templates" / TEMPLATES
        return web.Response(body=(folder / name).read_bytes(), content_type="text/css",
                            headers={"Cache-Control": "max-age=3600"})

    async def start_page(self, request: web.Request) -> web.Response:
        words = self.words
        rows = [{"id": s.id, "name": s.name or "…", "mode": words.message("mode_" + s.mode),
                 "step": words.reached(s.step),
                 "percent": words.message("percent", percent=s.percent),
                 "when": show_moment(s.updated)} for s in self.store.list()]
        reviewable = reviews.on_start(self, {r["id"] for r in rows})
        return self.page("start.html.j2", request, journeys=rows, reviewable=reviewable,
                         title=words.message("start_title"),
                         welcome=words.message("welcome"), informs=words.message("informs"),
                         hint=words.message("start_hint"))

    async def new_journey(self, request: web.Request) -> web.StreamResponse:
        visitor: Visitor = request[VISITOR]
        journey = self.store.create()
        session = Session(self.words, self.store, journey)
        session.claim()
        visitor.sessions[journey.id] = session
        visitor.used[journey.id] = time.monotonic()
        self.writers[journey.id] = request[COOKIE_OF]
        request[TAB] = visitor.tabs[journey.id] = secrets.token_urlsafe(TAB_BYTES)
        return self.go(f"/j/{journey.id}")

    def session(self, request: web.Request, document: bool = False) -> Session:
        """The journey named in the address, opened for this browser: for changing, unless
        another browser or journey process has it, or this is an older tab of it (a
        document, which only shows it, belongs to no tab)."""
        session = self._session(request)
        if not document and session.read_only is None:
            self._tab(request, session)
        return session

    def _tab(self, request: web.Request, session: Session) -> None:
        """Which opening (tab) of the journey this is. A page opened with no tab's token is a
        new opening, which this browser now changes the journey in: it is shown at an
        address of its own, so Refresh and Back keep it. A page or form of an older opening
        changes nothing; what was typed in it is kept as the question's draft."""
        visitor: Visitor = request[VISITOR]
        jid = session.journey.id
        form: forms.Form = request.get(FORM, {})
        given = forms.one(form, "tab") if request.method == "POST" else request.query.get(
            "tab", "")
        given = given if AN_ID.fullmatch(given) else ""
        held = visitor.tabs.get(jid)
        if held is None or given == held:
            # This tab's, or a tab's of a journey no tab here holds now (it was let go).
            request[TAB] = visitor.tabs[jid] = given or secrets.token_urlsafe(TAB_BYTES)
            return
        if not given and request.method == "GET":
            fresh = visitor.tabs[jid] = secrets.token_urlsafe(TAB_BYTES)
            # What else the address asks (a time chosen, say) is kept.
            raise web.HTTPSeeOther(f"{self.path}{request.rel_url.update_query(tab=fresh)}")
        request[TAB], request[STALE] = given, True
        if request.method != "POST":
            return
        here = f"{self.path}/j/{jid}"
        if request.path.endswith("/answer"):
            posted = forms.one(form, "question")
            if self.words.find(posted) is not None:
                self._keep(session, form, posted)
            if session.question is not None and posted == session.question.id:
                visitor.said[jid] = {"typed": form}  # back in the box on the page after
        elif request.path.endswith("/notes"):
            here += "/notes"
            visitor.said[jid] = {"typed": form}
        raise web.HTTPSeeOther(f"{here}?tab={given}" if given else here)

    def _session(self, request: web.Request) -> Session:
        journey_id = request.match_info["id"]
        if not AN_ID.fullmatch(journey_id):
            raise web.HTTPNotFound()
        visitor: Visitor = request[VISITOR]
        cookie: str = request[COOKIE_OF]
        visitor.used[journey_id] = time.monotonic()
        session = visitor.sessions.get(journey_id)
        if session is not None:
            if session.read_only is None:
                return session
            # Only looking: shown as saved now, and open to change once the other has gone.
            visitor.sessions.pop(journey_id)
        try:
            journey = self.store.load(journey_id)
        except KeyError:
            raise web.HTTPNotFound(text=self.words.message("error_no_journey",
                                                           id=journey_id)) from None
        session = reviews.opened(self, journey)  # in its review, when one is open
        if self.writers.get(journey_id, cookie) != cookie:
            session.read_only = self.words.message("web_page_read_only")
        elif session.claim():
            self.writers[journey_id] = cookie
            if journey.events and journey.name is not None and journey_id not in visitor.sat:
                visitor.to_sit.add(journey_id)  # opened again: who is here today?
        visitor.sessions[journey_id] = session
        return session

    async def question_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        visitor: Visitor = request[VISITOR]
        said = visitor.said.pop(session.journey.id, {})
        question = session.question
        words = self.words
        base = {"jid": session.journey.id, "read_only": session.read_only,
                "notice": said.get("notice", ""), "heading": session.step_heading()}
        if (session.journey.id in visitor.to_sit and session.read_only is None
                and not request.get(STALE)):
            return self.page("sitting.html.j2", request, title=words.message(
                "sitting_title", name=session.name), options=session.sitting_options(),
                error=said.get("error", ""), typed=said.get("typed", {}),
                error_field=said.get("field", "picked"),
                helper_label=words.message("sitting_helper").rstrip(":"),
                role_label=words.message("sitting_role", name=session.name),
                others_label=words.message("sitting_others"), **base)
        if question is None and isinstance(session, reviews.ReviewSession):
            return reviews.end_page(self, request, session, base)
        if question is None:
            return self.page("finished.html.j2", request, title=words.message(
                "web_page_finished"), review=reviews.has_plan(session.journey), **base)
        step = session.flow.step()
        first = step is not None and session.flow.questions(step.id)[:1] == [question]
        wording = session.wording(question)
        error = said.get("error")
        recalled = session.recalled(question)
        terms, source_ids = session.explained(question)
        sources = []
        for source_id in source_ids:
            source = words.source(source_id)
            where = f": {source.reference}" if source.reference != source.title else ""
            sources.append(f"{source.title}{where} "
                           f"({words.message('standing_' + source.standing)})")
        more = self._filled(session, step.more.strip()) if step is not None and step.more else ""
        hint = words.message("examples_prefix") + self._filled(
            session, "; ".join(question.examples)) if question.examples else ""
        return self.page(
            "question.html.j2", request, status=200,
            title=(words.message("web_page_error_title") if error else "") + words.message(
                "web_page_title_question", question=wording,
                step=base["heading"] or words.message("app_title")),
            wording=wording, question=question, short=question.id in SHORT_QUESTIONS,
            intro=session.introduction(step) if first and step is not None else "",
            why=self._filled(session, question.why_template(session.about)),
            examples=hint, error=error, error_field=said.get("field", "answer"),
            recall=session.recall_line(recalled) if recalled is not None else "",
            fresh=question.id in session.journey.unfit,
            form=forms.view(session, question, said.get("typed") or {
                k: [v] for k, v in session.draft(question.id).items()}),
            can_skip=session.flow.state in session.flow.step_ids and not session.flow.blocked(),
            can_not_sure=not question.required, helping=self._helping(session),
            terms=[(t.term, t.meaning) for t in terms], sources=sources, more=more,
            sections=self._plan_so_far(session),
            marked=forms.one(said.get("typed") or {}, "marked") == "yes",
            can_back=(session.flow.state != WELCOME
                      or session.flow.questions(WELCOME)[:1] != [question])
            and not reviews.at_first(session), **base)

    def _plan_so_far(self, session: Session) -> list[dict[str, Any]]:
        """The plan's sections as they stand, shown beside the question on a wide screen
        (as the app's plan panel shows them), from the same plan as every document."""
        words = self.words
        return [{"title": f"{s.criterion}. {s.title}" if s.criterion else s.title,
                 "empty": words.message("plan_empty", hint=s.hint),
                 "entries": [{"label": e.label, "said_by": e.said_by or "", "lines": e.lines}
                             for e in s.entries]}
                for s in session.sections()]

    def _helping(self, session: Session) -> dict[str, str] | None:
        """Who is speaking in a sitting with a helper, and how a helper's answer is marked:
        a suggestion, or (planning for someone who is here) the person's own words."""
        journey = session.journey
        if journey.mode is Mode.SELF:
            return None
        words, helper = self.words, journey.helper or self.words.message("someone")
        who = words.message("sitting_last_" + journey.mode, name=session.name, helper=helper)
        mark = {Mode.WITH: "web_page_suggesting",
                Mode.HERE: "web_page_own_words"}.get(journey.mode)
        return {"who": who,
                "mark": words.message(mark, helper=helper, name=session.name) if mark else "",
                "waiting": str(len(journey.suggestions()))}

    def _filled(self, session: Session, text: str) -> str:
        from journey.content.glossary import fill_marked

        return "".join(p for p, _ in fill_marked(text, self.words, session.placeholders))

    async def answer(self, request: web.Request) -> web.StreamResponse:
        session = self.session(request)
        visitor: Visitor = request[VISITOR]
        form: forms.Form = request[FORM]
        jid = session.journey.id
        here = f"/j/{jid}"
        question = session.question
        if question is None or forms.one(form, "question") != question.id:
            # The page was of a question this journey has moved on from (another tab): what
            # was typed is kept as that question's draft, to be back in its box.
            posted = forms.one(form, "question")
            if self.words.find(posted) is not None:
                self._keep(session, form, posted)
            visitor.said[jid] = {"notice": self.words.message("web_page_moved_on")}
            return self.go(here)
        do = forms.one(form, "do") or "continue"
        try:
            if do == "not_sure":
                if question.required:
                    raise forms.FieldError(AnswerError("error_empty"), "answer")
                session.answer(None, unsure=True)
            else:
                forms.save(session, forms.read(session, question, form, do),
                           suggested=forms.one(form, "marked") == "yes")
        except forms.FieldError as e:
            self._keep(session, form, question.id)
            visitor.said[jid] = {"error": self._error(e, question), "field": e.field,
                                 "typed": form}
            return self.go(here)
        except AnswerError as e:
            self._keep(session, form, question.id)
            visitor.said[jid] = {"error": self._error(e, question), "field": "answer",
                                 "typed": form}
            return self.go(here)
        except JourneyInUse:
            visitor.said[jid] = {"notice": session.read_only or "", "typed": form}
            return self.go(here)
        except StoreError as e:
            visitor.said[jid] = {"error": self.words.message("error_save_plain", reason=e),
                                 "field": "answer", "typed": form}
            return self.go(here)
        if session.question is not question and jid in visitor.back_page:
            return self.go(visitor.back_page.pop(jid))
        if session.question is not question and jid in visitor.back_to:
            step, question_id = visitor.back_to.pop(jid)
            session.return_to(step, question_id)
            visitor.said[jid] = {"notice": self.words.message("recall_changed")}
        return self.go(here)

    def _keep(self, session: Session, form: forms.Form, question_id: str) -> None:
        """What was typed and not given, kept beside the journey as the question's draft
        (journey.core.drafts), as the app keeps it: a lost page loses none of it."""
        fields = {k: v[0] for k, v in form.items() if k not in forms.NOT_TYPED and v}
        # Only a draft: if it cannot be kept, the page after still has what was typed.
        with contextlib.suppress(StoreError, JourneyInUse):
            session.keep_draft(fields, question_id)

    def _error(self, error: AnswerError, question: Question | None = None) -> str:
        """An error in words. A question that must be answered offers no "Not sure yet",
        so its errors do not point to it."""
        error = refusal(error, question)
        web_key = "web_" + error.key
        key = web_key if web_key in self.words.messages else error.key
        return self.words.message(key, **error.values)

    async def move(self, request: web.Request) -> web.StreamResponse:
        session = self.session(request)
        visitor: Visitor = request[VISITOR]
        form: forms.Form = request[FORM]
        jid = session.journey.id
        do = forms.one(form, "do")
        moved = False
        try:
            if do == "back":
                moved = session.back()
            elif do == "skip":
                moved = session.skip_step()
            elif do.startswith("step:"):
                moved = session.go_to(do.partition(":")[2])
            elif do.startswith("go:"):  # from the check: where something is put right
                moved = session.go_to_question(do.partition(":")[2])
            elif do.startswith("change:"):  # from "check your answers", and back there
                question_id = do.partition(":")[2]
                moved = session.go_to_question(question_id)
                if moved:
                    step = self.words.step_of(question_id).id
                    visitor.back_page[jid] = f"/j/{jid}/answers/{step}"
            elif do.startswith("undo:"):
                question_id = do.partition(":")[2]
                if session.undo(question_id):
                    visitor.said[jid] = {"notice": self.words.message("web_page_undone")}
                    return self.go(f"/j/{jid}/history")
                moved = False
            elif do == "change" and session.question is not None:
                recalled = session.recalled(session.question)
                if recalled is not None:
                    place = (session.flow.state, session.flow.question_id)
                    moved = session.go_to_question(recalled.question.id)
                    if moved:
                        visitor.back_to[jid] = place
        except (StoreError, JourneyInUse) as e:
            visitor.said[jid] = {"notice": str(e)}
            return self.go(f"/j/{jid}")
        except KeyError:
            moved = False
        if not moved:
            visitor.said[jid] = {"notice": self.words.message("web_page_cannot_move")}
        return self.go(f"/j/{jid}")

    async def map_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        words = self.words
        fresh = session.needs_fresh()
        steps = []
        for number, (step_id, status) in enumerate(session.statuses().items()):
            shown = words.message("status_" + status.value)
            if step_id in fresh:
                shown += ", " + words.message("needs_fresh")
            steps.append({"id": step_id, "title": words.step(step_id).title,
                          "status": shown, "state": status.value, "number": number})
        return self.page("map.html.j2", request, title=words.message("web_page_title_map"),
                         jid=session.journey.id, steps=steps, read_only=session.read_only,
                         notice="", heading="")

    async def check_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        words = self.words
        readiness = session.plan().readiness
        criteria = [{"number": c.number, "title": c.title,
                     "state": words.message("plain_criterion_done" if c.answered
                                            else "plain_criterion_missing"),
                     "done": c.answered} for c in readiness.criteria]
        findings = [{"worth": session.finding_worth(f), "text": f.text,
                     "where": session.finding_where(f), "question": f.question}
                    for f in readiness.findings]
        return self.page("check.html.j2", request, title=words.message(
            "check_title", name=session.name or words.message("someone")),
            jid=session.journey.id, criteria=criteria, findings=findings,
            ready=words.message("check_ready" if readiness.ready else "check_not_ready"),
            read_only=session.read_only, notice="", heading="")

    async def answers_page(self, request: web.Request) -> web.Response:
        """Check your answers, for one step: each question asked and its answer, to change."""
        session = self.session(request)
        words, journey = self.words, session.journey
        step_id = request.match_info["step"]
        if step_id not in session.flow.step_ids and step_id != WELCOME:
            raise web.HTTPNotFound()
        rows = [{"id": q.id, "label": q.label, "said": session.said(journey.answers.get(q.id))}
                for q in session.flow.questions(step_id)]
        title = words.message("web_page_check_answers", step=words.step(step_id).title)
        return self.page("answers.html.j2", request, title=title, jid=journey.id, rows=rows,
                         read_only=session.read_only, notice="", heading="")

    async def history_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        visitor = request[VISITOR]
        said = visitor.said.pop(session.journey.id, {})
        words, journey = self.words, session.journey
        changed = [{"id": q, "label": words.question(q).label,
                    "now": session.said(journey.answers.get(q)),
                    "changes": session.change_lines(q), "can_undo": journey.can_undo(q)}
                   for q in session.changed()]
        kept = [{"number": v.number, "said": session.version_said(v)}
                for v in session.versions()]
        return self.page("history.html.j2", request, title=words.message("history_title"),
                         jid=journey.id, changed=changed, empty=words.message("history_empty"),
                         versions=kept,
                         undo=words.message("history_undo"), read_only=session.read_only,
                         notice=said.get("notice", ""), heading="")

    async def notes_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        visitor = request[VISITOR]
        said = visitor.said.pop(session.journey.id, {})
        words = self.words
        notes = [{"id": n.id, "text": n.text, "by": n.by, "when": show_moment(n.at),
                  "in_plan": n.in_plan, "next_step": n.next_step}
                 for n in session.journey.notes()]
        return self.page("notes.html.j2", request, title=words.message("notes_title"),
                         jid=session.journey.id, notes=notes, read_only=session.read_only,
                         notice=said.get("notice", ""), error=said.get("error", ""),
                         typed=forms.one(said.get("typed") or {}, "note"), heading="")

    async def notes(self, request: web.Request) -> web.StreamResponse:
        """A new note; or which notes go into the plan."""
        session = self.session(request)
        visitor = request[VISITOR]
        form = request[FORM]
        jid = session.journey.id
        try:
            if forms.one(form, "do") == "share":
                chosen = set(form.get("in_plan", []))
                with session.together():
                    for note in session.journey.notes():
                        if (note.id in chosen) != note.in_plan:
                            session.share_note(note.id, note.id in chosen)
            else:
                session.note(forms.one(form, "note"), in_plan=forms.one(form, "in_plan") == "yes",
                             next_step=forms.one(form, "next_step") == "yes")
        except AnswerError as e:
            visitor.said[jid] = {"error": self._error(e), "typed": form}
        except (StoreError, JourneyInUse) as e:
            visitor.said[jid] = {"notice": str(e), "typed": form}
        return self.go(f"/j/{jid}/notes")

    async def files_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        words = self.words
        files = [{"format": f, "label": words.message("format_" + f.replace("-", "_"))}
                 for f in FORMATS if f != SUMMARY or session.journey.mode is not Mode.SELF]
        return self.page("files.html.j2", request, title=words.message("web_page_title_files"),
                         jid=session.journey.id, files=files, read_only=session.read_only,
                         notice="", heading="")

    async def plan_document(self, request: web.Request) -> web.Response:
        session = self.session(request, document=True)
        body = render.export(session.plan(), "html")
        return web.Response(body=body, content_type="text/html", charset="utf-8",
                            headers={"Content-Security-Policy": DOCUMENT_POLICY})

    async def version_document(self, request: web.Request) -> web.Response:
        """The plan as it was at one version: a document, to read or print, never changed."""
        session = self.session(request, document=True)
        number = request.match_info["number"]
        plan = session.version_plan(int(number)) if number.isdigit() and len(
            number) < 10 else None
        if plan is None:
            raise web.HTTPNotFound(text=self.words.message("versions_none_here"))
        return web.Response(body=render.export(plan, "html"), content_type="text/html",
                            charset="utf-8",
                            headers={"Content-Security-Policy": DOCUMENT_POLICY})

    async def compare_document(self, request: web.Request) -> web.Response:
        """What changed from version a to version b (?a=1&b=3), as a document."""
        session = self.session(request, document=True)
        given = [request.query.get(k, "") for k in ("a", "b")]
        made = session.comparison(*(int(n) for n in given)) if all(
            n.isdigit() and len(n) < 10 for n in given) else None
        if made is None:
            raise web.HTTPNotFound(text=self.words.message("versions_none_here"))
        return web.Response(body=render.export_comparison(made, "html"),
                            content_type="text/html", charset="utf-8",
                            headers={"Content-Security-Policy": DOCUMENT_POLICY})

    async def download(self, request: web.Request) -> web.Response:
        session = self.session(request, document=True)
        fmt = request.match_info["format"]
        if fmt not in FORMATS:
            raise web.HTTPNotFound()
        journey = session.journey
        if fmt == SUMMARY:
            from journey.plan.summary import summarise

            body = render.render_summary(summarise(self.words, journey)).encode("utf-8")
            name = f"sitting-summary-{documents.name_part(journey.id)}.md"
            kind = _KINDS[".md"]
        elif fmt == "json":
            from journey.store import interchange

            saved = list(self.store.saved([journey.id]))
            body = interchange.dump(saved).encode("utf-8")
            name, kind = f"journey-{documents.name_part(journey.id)}.json", "application/json"
        else:
            body = documents.make(self.words, journey, fmt)
            name = documents.file_name(journey.id, fmt)
            kind = _KINDS.get(documents.suffix(fmt), "application/octet-stream")
        return web.Response(body=body, headers={
            "Content-Type": kind, "Content-Disposition": content_disposition("attachment", name),
            "Content-Security-Policy": DOCUMENT_POLICY})

    async def sitting(self, request: web.Request) -> web.StreamResponse:
        session = self.session(request)
        visitor = request[VISITOR]
        form = request[FORM]
        jid = session.journey.id
        picked = forms.one(form, "picked")
        options = session.sitting_options()
        try:
            if not picked.isdigit() or not 0 <= int(picked) < len(options):
                raise forms.FieldError(AnswerError("error_choose"), "picked")
            session.sit_again(int(picked), forms.one(form, "helper"), forms.one(form, "role"),
                              forms.one(form, "others"))
        except AnswerError as e:
            name = e.field if isinstance(e, forms.FieldError) else "helper"
            visitor.said[jid] = {"error": self._error(e), "field": name, "typed": form}
            return self.go(f"/j/{jid}")
        except (StoreError, JourneyInUse) as e:
            visitor.said[jid] = {"notice": str(e)}
            return self.go(f"/j/{jid}")
        visitor.to_sit.discard(jid)
        visitor.sat.add(jid)
        return self.go(f"/j/{jid}")

    async def agree_page(self, request: web.Request) -> web.Response:
        session = self.session(request)
        words, name = self.words, session.name
        waiting = []
        for answer in session.journey.suggestions():
            question = words.question(answer.question)
            said = "; ".join(suggested_lines(words, question, answer, session.journey, name))
            waiting.append({"id": answer.question, "label": question.label, "said": said})
        return self.page("agree.html.j2", request, title=words.message("agree_title", name=name),
                         jid=session.journey.id, waiting=waiting, read_only=session.read_only,
                         notice="", heading="", none=words.message("agree_none"),
                         hint=words.message("agree_hint", name=name),
                         button=words.message("agree_button", name=name))

    async def agree(self, request: web.Request) -> web.StreamResponse:
        session = self.session(request)
        visitor = request[VISITOR]
        jid = session.journey.id
        waiting = {a.question for a in session.journey.suggestions()}
        agreed = [q for q in request[FORM].get("agreed", []) if q in waiting]
        try:
            if agreed:
                session.confirm_all(agreed)
        except (StoreError, JourneyInUse) as e:
            visitor.said[jid] = {"notice": str(e)}
        return self.go(f"/j/{jid}")

    async def stop(self, request: web.Request) -> web.StreamResponse:
        visitor: Visitor = request[VISITOR]
        journey_id = request.match_info["id"]
        if journey_id in visitor.sessions:
            self.session(request)  # an older tab's "stop" lets nothing go
        self._close(request[COOKIE_OF], visitor, journey_id)
        visitor.sat.discard(journey_id)  # the sitting ends: opened again, who is here is asked
        return self.go("/")

    # -- starting and stopping -------------------------------------------------------------

    def serve(self, open_browser: bool = False) -> None:
        from journey.web.serve import run

        async def app() -> web.Application:
            return self.make_app()

        run(app(), self.address, self.words, self.link, self.token, open_browser)


_KINDS = {".md": "text/markdown; charset=utf-8", ".txt": "text/plain; charset=utf-8",
          ".html": "text/html; charset=utf-8",
          ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

