"""A person using journey's web pages, for the tests: a browser's cookie jar, forms read from
the page and posted as a browser posts them (aiohttp's test client, no browser)."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from aiohttp.test_utils import TestClient, TestServer, unused_port

from journey import content
from journey.content import Kind
from journey.conversation.routes import OFFERS
from journey.store.database import Store
from journey.web.address import Address
from journey.web.pages import PagesServer

TOKEN = "T" * 43
ORDINARY: dict[Kind, dict[str, Any]] = {
    Kind.TEXT: {"answer": "Something"},
    Kind.DATE: {"answer": "1/5/2026"},
    Kind.LIST: {"item": "Something"},
    Kind.YESNO: {"answer": "yes"},
    Kind.MONEY: {"amount": "100", "period": "week"},
    Kind.PERSON: {"pick": "new", "name": "Jo", "relation": "friend", "ring": "friends"},
    Kind.PEOPLE: {"name": "Jo", "relation": "friend", "ring": "friends", "helps": "Shopping"},
    Kind.SUPPORT: {"what": "A helper", "helps": "", "provider": "pa", "times": "1",
                   "period": "week", "hours": "3", "cost": "15", "per": "hour",
                   "funding": "personal-budget"},
    Kind.ACTIONS: {"what": "Ring the council", "who": "Sam", "by": "", "status": "to-do"},
    Kind.DETAILS: {"d-name": "Sam Smith", "d-council": "Leeds City Council"},
}


async def started(store: Store, port: int | None = None,
                  jar: Any = None) -> tuple[PagesServer, TestClient]:
    port = port or unused_port()
    server = PagesServer(Address("127.0.0.1", port), store, token=TOKEN)
    client = TestClient(TestServer(server.make_app(), host="127.0.0.1", port=port),
                        cookie_jar=jar)
    await client.start_server()
    return server, client


async def enter(client: TestClient) -> str:
    """Open the link, as the person does: the cookie is kept; returns the start page."""
    response = await client.get(f"/?token={TOKEN}")
    assert response.status == 200
    return await response.text()


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page
    return found[1]


def question_id(page: str) -> str | None:
    found = re.search(r'name="question" value="([^"]+)"', page)
    return found[1] if found else None


def tab(page: str) -> str | None:
    """Which opening of the journey (which tab) the page is of, as its forms carry it."""
    found = re.search(r'name="tab" value="([^"]+)"', page)
    return found[1] if found else None


def options(page: str, name: str = "answer") -> list[str]:
    return [unescape(v) for v in re.findall(
        rf'name="{name}" type="(?:radio|checkbox)" value="([^"]*)"', page)]


def ordinary(page: str, kind: Kind, offer: bool = False) -> dict[str, Any]:
    """What a person who gives ordinary answers posts for a question of this kind."""
    if offer:
        return {"answer": "no"}
    if kind in (Kind.CHOICE, Kind.MULTI):
        return {"answer": options(page)[0]}
    if kind is Kind.RATINGS:  # the first mark for each thing rated
        return {name: value for name, value in re.findall(
            r'name="(rate-\d+)" type="radio" value="([^"]*)"', page)[::-1]}
    if kind is Kind.PERSON and options(page, "pick")[0] != "new":
        return {"pick": "new", "name": "Jo", "relation": "friend", "ring": "friends"}
    return dict(ORDINARY[kind])


async def post(client: TestClient, page: str, where: str, **fields: Any) -> tuple[str, str]:
    """Post a form from `page`, following the redirect: the next page and its address."""
    data: list[tuple[str, str]] = [("csrf", csrf(page))]
    if (opening := tab(page)) is not None:
        data.append(("tab", opening))
    qid = question_id(page)
    if qid is not None and where.endswith("/answer"):
        data.append(("question", qid))
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            data.append((name, str(one)))
    response = await client.post(where, data=data)
    assert response.status == 200, await response.text()
    return await response.text(), response.url.path


async def walk(client: TestClient, answers: dict[str, Any]) -> tuple[list[str], str]:
    """From the start page to the end, answering each question through its form: the ids of
    the questions met, and the journey's address."""
    words = content.default()
    start = await (await client.get("/")).text()
    page, here = await post(client, start, "/new")
    met: list[str] = []
    while (qid := question_id(page)) is not None:
        assert qid not in met, f"{qid} asked twice: {page}"
        met.append(qid)
        question = words.question(qid)
        given = answers.get(qid)
        fields = ordinary(page, question.kind, bool(question.offer))
        if question.offer:  # an optional ask: the route says whether it is taken
            fields = {"answer": answers.get(OFFERS, "no")}
        if given is not None:  # a route's answer: a choice's value, or the words typed
            fields = {**fields, "answer": given}
        page, _ = await post(client, page, f"{here}/answer", do="continue", **fields)
        assert "error-summary" not in page, (qid, fields, page)
    return met, here


def reached(store: Store, question: str, answers: dict[str, Any]) -> str:
    """A journey saved up to a question, answered the ordinary way: its id."""
    from journey.conversation.routes import ordinary as ordinary_value
    from journey.conversation.session import Session

    words = content.default()
    session = Session(words, store, store.create())
    while session.question is not None and session.question.id != question:
        q = session.question
        session.answer(answers.get(q.id, ordinary_value(q, session)))
    assert session.question is not None, f"{question} not met"
    return session.journey.id


async def opened(client: TestClient, here: str) -> str:
    """A saved journey opened in the browser: "the same as last time" for who is here today,
    then its question."""
    page = await (await client.get(here)).text()
    if f'action="{here}/sitting"' in page:
        page, _ = await post(client, page, f"{here}/sitting", picked="0")
    return page
