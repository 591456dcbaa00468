"""The review of a plan in the web pages: which kind of review it is (the one due first),
then the review's questions one page at a time through the same ReviewSession as the app and
the plain lines (each answer saved as it is given; a journey with a review open carries on in
it), and, at its end, the review's record to download. The pages' server (journey.web.pages)
holds the browser, the tab and the lock; this module only asks and shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from journey.conversation.review import (
    KINDS,
    PLAN_QUESTIONS,
    ReviewSession,
    due_kind,
    has_plan,
)
from journey.conversation.session import Session
from journey.core.due import due_words, next_review
from journey.core.model import Journey, Mode
from journey.core.saving import JourneyInUse
from journey.store.database import StoreError
from journey.web import forms
from journey.web.address import content_disposition

if TYPE_CHECKING:
    from journey.web.pages import PagesServer

KIND_FIELD = "kind"


@dataclass(frozen=True)
class Keys:
    """What the pages' server keeps on each request (its browser, its form) and the policy
    for a file, handed over by the server so that this module never imports it."""

    visitor: web.RequestKey[Any]
    form: web.RequestKey[Any]
    document_policy: str


_TYPES = {"md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8",
          "html": "text/html; charset=utf-8",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def opened(server: PagesServer, journey: Journey) -> Session:
    """A journey as the pages open it: in its review, when one is open (carried on where it
    stopped), else the journey itself."""
    kind = ReviewSession if journey.open_review() is not None else Session
    return kind(server.words, server.store, journey)


def on_start(server: PagesServer, ids: set[str]) -> dict[str, dict[str, str]]:
    """For the start page: which journeys have a plan to review, and when each agreed
    plan's next review is due, in words. Only journeys with an answer to a plan question
    are loaded (the store's index sifts them first), as `journey list` does."""
    found: dict[str, dict[str, str]] = {}
    try:
        planned = set().union(*(server.store.answered(q) for q in PLAN_QUESTIONS)) & ids
    except StoreError:
        return found  # the start page is shown without them
    for journey_id in sorted(planned):
        try:
            journey = server.store.load(journey_id)
        except (KeyError, StoreError):
            continue  # gone since it was listed, or unreadable: listed as it is
        if not has_plan(journey):
            continue
        due = next_review(server.words, journey)
        found[journey_id] = {"due": due_words(server.words, due) if due else "",
                             "open": "yes" if journey.open_review() is not None else ""}
    return found


def at_first(session: Session) -> bool:
    """At a review's first question, where there is nothing to go back to: the review has
    begun, and its kind is kept."""
    if not isinstance(session, ReviewSession) or session.question is None:
        return False
    return [q.id for q in session.flow.order()][:1] == [session.question.id]


def _carry_on(server: PagesServer, keys: Keys, request: web.Request,
              session: Session) -> web.StreamResponse:
    """A review is open: its question next, in this browser's review session."""
    jid = session.journey.id
    if not isinstance(session, ReviewSession):
        review = ReviewSession(server.words, server.store, session.journey)
        review.read_only = session.read_only  # the same hold on the journey
        request[keys.visitor].sessions[jid] = review
    return server.go(f"/j/{jid}")


def _kinds(server: PagesServer, session: Session, chosen: str) -> list[forms.Option]:
    """The kinds of review, the one due first."""
    review = server.words.review
    assert review is not None
    due = due_kind(session.journey)
    about = session.journey.mode is not Mode.SELF
    kinds = sorted(review.kinds, key=lambda k: k.value != due)
    return [forms.Option(k.value, k.wording(session.name, about), k.value == chosen)
            for k in kinds]


async def kind_page(server: PagesServer, keys: Keys, request: web.Request) -> web.StreamResponse:
    """Which kind of review to begin; a review already open is carried on instead."""
    session = server.session(request)
    jid = session.journey.id
    if session.journey.open_review() is not None:
        return _carry_on(server, keys, request, session)
    said = request[keys.visitor].said.pop(jid, {})
    words = server.words
    plan = has_plan(session.journey)
    due = next_review(words, session.journey)
    return server.page(
        "review_kind.html.j2", request, jid=jid, read_only=session.read_only,
        title=(words.message("web_page_error_title") if said.get("error") else "")
        + words.message("review_kind_question"),
        heading=words.message("web_review_heading", name=session.name), plan=plan,
        kinds=_kinds(server, session, forms.one(said.get("typed") or {}, KIND_FIELD))
        if plan else [],
        due=due_words(words, due) if due else "",
        error=said.get("error", ""), error_field=KIND_FIELD, notice=said.get("notice", ""))


async def begin(server: PagesServer, keys: Keys, request: web.Request) -> web.StreamResponse:
    """Begin a review of the kind chosen: the same ReviewSession as the app's, saved at once,
    and its first question next."""
    session = server.session(request)
    visitor = request[keys.visitor]
    form: forms.Form = request[keys.form]
    journey = session.journey
    jid = journey.id
    if journey.open_review() is not None:
        return _carry_on(server, keys, request, session)
    if not has_plan(journey):
        return server.go(f"/j/{jid}/review")
    kind = forms.one(form, KIND_FIELD)
    if kind not in KINDS or len(form.get(KIND_FIELD, [])) != 1:
        visitor.said[jid] = {"error": server.words.message("error_choose"), "typed": {}}
        return server.go(f"/j/{jid}/review")
    review = ReviewSession(server.words, server.store, journey)  # this browser holds it
    review.read_only = session.read_only
    try:
        review.begin(kind)
    except (StoreError, JourneyInUse) as e:
        visitor.said[jid] = {"notice": str(e), "typed": form}
        return server.go(f"/j/{jid}/review")
    visitor.sessions[jid] = review
    return server.go(f"/j/{jid}")


def end_page(server: PagesServer, request: web.Request, session: ReviewSession,
             base: dict[str, Any]) -> web.Response:
    """The review is over: it is kept with the plan, and its record is offered as a file."""
    from journey.documents.review import FORMATS

    words = server.words
    files = [{"format": f, "label": words.message("review_format_" + f)} for f in FORMATS]
    elsewhere = session.read_only is not None and not _records(server, session.journey)
    return server.page("review_end.html.j2", request, title=words.message(
        "web_review_finished_title"), files=files, elsewhere=elsewhere,
        finished=words.message("web_review_finished"), **base)


def _records(server: PagesServer, journey: Journey) -> list[Any]:
    from journey.money.reviewed import how_it_went
    from journey.plan.review import records

    return records(server.words, journey, how_it_went)


async def download(server: PagesServer, keys: Keys, request: web.Request) -> web.Response:
    """The record of the journey's latest review, as a file: how the money went is taken
    from the direct-payment record where there is one."""
    from journey.documents import files as documents
    from journey.documents.review import FORMATS, render

    session = server.session(request, document=True)
    fmt = request.match_info["format"]
    if fmt not in FORMATS:
        raise web.HTTPNotFound()
    found = _records(server, session.journey)
    if not found:
        raise web.HTTPNotFound(text=server.words.message(
            "error_no_review", number=1, count=0))
    body = render(server.words, found[-1], fmt)
    name = f"review-{len(found)}-{documents.name_part(session.journey.id)}.{fmt}"
    return web.Response(body=body, headers={
        "Content-Type": _TYPES[fmt], "Content-Disposition": content_disposition(
            "attachment", name), "Content-Security-Policy": keys.document_policy})


async def close(server: PagesServer, keys: Keys, request: web.Request) -> web.StreamResponse:
    """From the review's end page back to the journey itself."""
    session = server.session(request)
    jid = session.journey.id
    if isinstance(session, ReviewSession) and session.journey.open_review() is None:
        back = Session(server.words, server.store, session.journey)
        back.read_only = session.read_only
        request[keys.visitor].sessions[jid] = back
    return server.go(f"/j/{jid}")


def routes(server: PagesServer, keys: Keys) -> list[web.RouteDef]:
    def bound(handler: Any) -> Any:
        async def handle(request: web.Request) -> web.StreamResponse:
            return await handler(server, keys, request)
        return handle

    return [
        web.get("/j/{id}/review", bound(kind_page)),
        web.post("/j/{id}/review", bound(begin)),
        web.post("/j/{id}/review/close", bound(close)),
        web.get("/j/{id}/review/download/{format}", bound(download)),
    ]
