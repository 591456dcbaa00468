"""journey's web pages (`journey serve --pages`): the same conversation as the app and the plain
lines, as forms that post; safe to leave on a computer's loopback, and to put behind an
organisation's own web server."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from html import escape, unescape
from typing import Any

import pytest
from aiohttp import CookieJar
from aiohttp.test_utils import TestClient

from journey.content import Journey as Content
from journey.conversation import routes
from journey.core.model import Mode
from journey.store.database import Store
from journey.web import pages
from tests.web_pages import (
    TOKEN,
    csrf,
    enter,
    opened,
    options,
    ordinary,
    post,
    question_id,
    reached,
    started,
    walk,
)


def run(test: Callable[[TestClient, pages.PagesServer], Awaitable[None]],
        store: Store) -> None:
    async def main() -> None:
        server, client = await started(store)
        try:
            await test(client, server)
        finally:
            await client.close()
    asyncio.run(main())


# -- safe ------------------------------------------------------------------------------------


def test_the_token_is_taken_once_for_a_cookie_and_leaves_the_address_bar(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        response = await client.get(f"/?token={TOKEN}", allow_redirects=False)
        assert response.status == 303
        assert response.headers["Location"] == "/"
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        assert TOKEN not in cookie
        page = await (await client.get("/")).text()
        assert "Your saved journeys" in page

    run(test, store)


def test_without_the_cookie_nothing_is_shown(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        for path in ("/", "/j/abcd", "/j/abcd/map", "/j/abcd/download/md"):
            response = await client.get(path)
            assert response.status == 403, path
            assert "journey does not know this browser" in await response.text()

    run(test, store)


def test_wrong_tokens_are_counted_and_then_refused_for_a_while(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        for _ in range(pages.WRONG_TOKENS):
            assert (await client.get("/?token=wrong")).status == 403
        # Even the right link waits now: guessing cannot go on at speed.
        assert (await client.get(f"/?token={TOKEN}")).status == 429
        server.wrong.clear()
        assert (await client.get(f"/?token={TOKEN}")).status == 200

    run(test, store)


def test_another_host_or_another_sites_page_is_refused(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        response = await client.get("/", headers={"Host": "evil.example:80"})
        assert response.status == 421
        response = await client.post("/new", data={"csrf": csrf(start)},
                                     headers={"Origin": "http://evil.example"})
        assert response.status == 403
        response = await client.post("/new", data={"csrf": csrf(start)},
                                     headers={"Sec-Fetch-Site": "cross-site"})
        assert response.status == 403
        assert not store.list()

    run(test, store)


def test_every_form_needs_its_token(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        assert (await client.post("/new", data={})).status == 403
        assert (await client.post("/new", data={"csrf": "x" + csrf(start)})).status == 403
        page, here = await post(client, start, "/new")
        response = await client.post(f"{here}/answer", data={
            "question": question_id(page), "answer": "Sam"})
        assert response.status == 403
        assert not store.list()

    run(test, store)


def test_a_body_too_big_is_refused(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        response = await client.post("/new", data={"csrf": csrf(start),
                                                   "x": "a" * (pages.BODY_LIMIT + 1)})
        assert response.status == 413

    run(test, store)


def test_pages_run_nothing_and_fetch_nothing_from_elsewhere(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        _, here = await post(client, start, "/new")
        for path in ("/", here, f"{here}/map", f"{here}/files"):
            response = await client.get(path)
            policy = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in policy and "script-src" not in policy
            assert "unsafe-inline" not in policy
            text = await response.text()
            assert "<script" not in text and " style=" not in text
            assert not re.search(r'(src|href)="(https?:)?//', text), path
        plan = await client.get(f"{here}/plan")
        policy = plan.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy

    run(test, store)


def test_everything_typed_is_shown_as_text(store: Store) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}'

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer=hostile[:60])
        for path in ("/", here, f"{here}/map"):
            text = await (await client.get(path)).text()
            assert "<script>alert" not in text and "<img src=x" not in text
        start = await (await client.get("/")).text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in start

    run(test, store)


# -- the same conversation -------------------------------------------------------------------


@pytest.mark.parametrize("route", list(routes.ROUTES))
def test_a_whole_journey_through_the_forms_meets_the_same_questions(
        store: Store, words: Content, route: str) -> None:
    """The pages hold no flow of their own: answered the same way through the forms, a
    journey meets exactly the questions the conversation asks."""
    answers = routes.ROUTES[route]
    expected = routes.walk(words, store, answers)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        met, here = await walk(client, answers)
        assert met == expected
        page = await (await client.get(here)).text()
        assert "You have reached the end of the journey" in page
        journey = store.load(here.rsplit("/", 1)[1])
        assert journey.value("welcome.name") == "Sam"

    run(test, store)


def test_an_error_is_summarised_at_the_top_and_said_beside_the_box(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, where = await post(client, page, f"{here}/answer", answer="   ")
        assert where == here  # post, then redirect, then get
        assert '<div class="error-summary" role="alert"' in page
        assert 'href="#answer"' in page
        assert 'id="answer-error"' in page
        assert re.search(r'id="answer"[^>]*aria-describedby="answer-hint answer-error"', page)
        assert "<title>Error: " in page
        # The name must be given: the error does not point to "Not sure yet", not offered.
        assert "Please give an answer. This one is needed to go on." in page
        assert 'value="not_sure"' not in page
        # A refresh shows the question again, without the error.
        again = await (await client.get(here)).text()
        assert "error-summary" not in again

    run(test, store)


def test_what_was_typed_stays_in_the_box_after_an_error(store: Store) -> None:
    journey_id = reached(store, "assessment.date",
                         {**routes.ROUTES[routes.ALONE], "assessment.status": "booked"})

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        assert question_id(page) == "assessment.date"
        page, _ = await post(client, page, f"{here}/answer", answer="the 45th of Smarch")
        assert "error-summary" in page
        assert 'value="the 45th of Smarch"' in page
        page, _ = await post(client, page, f"{here}/answer", answer="3/4/2026")
        assert question_id(page) != "assessment.date"
        assert store.load(journey_id).value("assessment.date") == "2026-04-03"

    run(test, store)


def test_a_list_takes_one_thing_at_a_time_and_gives_one_up(store: Store, words: Content) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        start = await (await client.get("/")).text()
        page, here = await post(client, start, "/new")
        while (qid := question_id(page)) and words.question(qid).kind.value != "list":
            fields = ordinary(page, words.question(qid).kind, bool(words.question(qid).offer))
            fields.update({"welcome.mode": {"answer": "self"}}.get(qid, {}))
            page, _ = await post(client, page, f"{here}/answer", **fields)
        assert qid
        for thing in ("Swimming", "Seeing <b>friends</b>", "Cooking"):
            page, _ = await post(client, page, f"{here}/answer", do="add", item=thing)
            assert question_id(page) == qid
        journey_id = here.rsplit("/", 1)[1]
        assert store.load(journey_id).value(qid) == ["Swimming", "Seeing <b>friends</b>",
                                                     "Cooking"]
        assert "Seeing &lt;b&gt;friends&lt;/b&gt;" in page
        page, _ = await post(client, page, f"{here}/answer", do="remove:1")
        assert store.load(journey_id).value(qid) == ["Swimming", "Cooking"]
        page, _ = await post(client, page, f"{here}/answer", do="continue")
        assert question_id(page) != qid

    run(test, store)


def test_back_keeps_answers_and_the_map_jumps(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        second = question_id(page)
        page, _ = await post(client, page, f"{here}/move", do="back")
        assert question_id(page) == "welcome.name"
        assert ">Sam</textarea>" in page or 'value="Sam"' in page or "Sam" in page
        page, _ = await post(client, page, f"{here}/answer", answer="")
        assert question_id(page) == second  # an empty box keeps the answer so far
        themap = await (await client.get(f"{here}/map")).text()
        assert "Journey map" in themap and 'value="step:welcome"' in themap
        page, _ = await post(client, themap, f"{here}/move", do="step:happen")
        assert "That move is not open from here" in page  # not before the start is done
        assert question_id(page) == second

    run(test, store)


def test_not_sure_yet_is_saved_as_such(store: Store, words: Content) -> None:
    answers = routes.ROUTES[routes.ALONE]
    probe = Store(store.home / "probe")
    optional = next(q for q in routes.walk(words, probe, answers)
                    if not words.question(q).required and words.question(q).kind.value == "text")
    probe.close()
    journey_id = reached(store, optional, answers)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        assert 'value="not_sure"' in page
        page, _ = await post(client, page, f"{here}/answer", do="not_sure")
        assert question_id(page) != optional
        assert store.load(journey_id).answers[optional].unsure

    run(test, store)


def test_a_page_of_a_question_moved_on_from_saves_nothing(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        first, here = await post(client, start, "/new")
        await post(client, first, f"{here}/answer", answer="Sam")
        page, _ = await post(client, first, f"{here}/answer", answer="Someone else")
        assert "moved on in another tab" in page
        assert store.load(here.rsplit("/", 1)[1]).value("welcome.name") == "Sam"

    run(test, store)


def test_a_second_browser_sees_the_journey_read_only_and_says_so(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        first, here = await post(client, start, "/new")
        page, _ = await post(client, first, f"{here}/answer", answer="Sam")
        other = TestClient(client.server)  # a second browser, with a cookie jar of its own
        try:
            await enter(other)
            seen = await (await other.get(here)).text()
            assert "You can look at it" in seen
            before = len(store.load(here.rsplit("/", 1)[1]).events)
            await post(other, seen, f"{here}/answer", **_an_answer(seen))
            assert len(store.load(here.rsplit("/", 1)[1]).events) == before
            # Once the first browser stops, the second may change it.
            await post(client, page, f"{here}/stop")
            seen = await (await other.get(here)).text()
            assert "You can look at it" not in seen
        finally:
            await other.session.close()

    run(test, store)


def test_a_second_tab_in_the_same_browser_is_read_only_until_it_takes_the_journey_over(
        store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        first, here = await post(client, start, "/new")  # the first tab
        journey_id = here.rsplit("/", 1)[1]
        # A second tab, in the same browser (the same cookie), opens the same journey: the
        # newest opening is the one that changes it.
        second = await (await client.get(here)).text()
        assert "You can look at it" not in second
        # The first tab's answer changes nothing, says so, and keeps what was typed.
        page, _ = await post(client, first, f"{here}/answer", answer="Sam")
        assert "You can look at it" in page
        assert not any(saved.id == journey_id and saved.name for saved in store.list())
        assert 'value="Sam"' in page
        # The second tab goes on as before.
        second, _ = await post(client, second, f"{here}/answer", answer="Alex")
        assert "You can look at it" not in second
        assert store.load(journey_id).value("welcome.name") == "Alex"
        # Every page of the first tab says so, and none of its forms change anything.
        tab = re.search(r'name="tab" value="([^"]+)"', first)
        assert tab is not None
        looked = await (await client.get(f"{here}/map?tab={tab[1]}")).text()
        assert "You can look at it" in looked
        before = len(store.load(journey_id).events)
        await post(client, looked, f"{here}/move", do="step:welcome")
        await post(client, page, f"{here}/stop")
        assert len(store.load(journey_id).events) == before
        # The first tab takes the journey over, and then the second tab only looks.
        found = re.search(r'<a href="([^"]+)"[^>]*>Change it in this tab', page)
        assert found is not None, page
        taken = await (await client.get(unescape(found[1]))).text()
        assert "You can look at it" not in taken
        assert question_id(taken) == question_id(second), taken
        before = len(store.load(journey_id).events)
        stale, _ = await post(client, second, f"{here}/answer", **_an_answer(second))
        assert "You can look at it" in stale
        assert len(store.load(journey_id).events) == before
        await post(client, taken, f"{here}/answer", **_an_answer(taken))
        assert len(store.load(journey_id).events) > before
        # Another browser still only looks, and is not offered to take it over.
        other = TestClient(client.server)
        try:
            await enter(other)
            seen = await (await other.get(here)).text()
            assert "You can look at it" in seen and "Change it in this tab" not in seen
            before = len(store.load(journey_id).events)
            await post(other, seen, f"{here}/answer", **_an_answer(seen))
            assert len(store.load(journey_id).events) == before
        finally:
            await other.session.close()

    run(test, store)


def _an_answer(page: str) -> dict[str, Any]:
    found = options(page)
    return {"answer": found[0]} if found else {"answer": "Something"}


def test_every_file_downloads(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        await post(client, page, f"{here}/answer", answer="Sam")
        files = await (await client.get(f"{here}/files")).text()
        for fmt in pages.FORMATS:
            # A sitting's summary is offered when someone helps (it is made all the same).
            assert (f"/download/{fmt}" in files) is (fmt != pages.SUMMARY)
            response = await client.get(f"{here}/download/{fmt}")
            assert response.status == 200, fmt
            assert response.headers["Content-Disposition"].startswith("attachment;")
            body = await response.read()
            assert body
            if fmt == "json":
                assert json.loads(body)["journeys"][0]["id"] == here.rsplit("/", 1)[1]
        assert (await client.get(f"{here}/download/exe")).status == 404
        plan = await client.get(f"{here}/plan")
        assert "Support plan for Sam" in await plan.text()

    run(test, store)


def test_every_kind_of_question_has_its_form(store: Store, words: Content,
                                              tmp_path: Any) -> None:
    from journey.content import Kind

    found: dict[Kind, tuple[str, str]] = {}
    for number, (name, answers) in enumerate(routes.ROUTES.items()):
        probe = Store(tmp_path / f"probe-{number}")
        for qid in routes.walk(words, probe, answers)[1:]:  # the first: nothing saved yet
            found.setdefault(words.question(qid).kind, (qid, name))
        probe.close()
    # A kind only a review asks (its ratings) is met in a review of a plan.
    journey_kinds = {q.kind for step in words.all_steps for q in step.questions}
    assert set(found) == journey_kinds == set(Kind) - {Kind.RATINGS}
    made = {kind: reached(store, qid, routes.ROUTES[route])
            for kind, (qid, route) in found.items()}
    from journey.conversation.review import start

    from .reviewed import example

    planned = example(store, "mia")
    review = start(words, store, planned, "light")
    found[Kind.RATINGS] = (review.question.id, "review") if review.question else ("", "")
    assert words.question(found[Kind.RATINGS][0]).kind is Kind.RATINGS
    review.close()
    made[Kind.RATINGS] = planned.id
    assert set(made) == set(Kind)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        for kind, journey_id in made.items():
            page = await opened(client, f"/j/{journey_id}")
            assert question_id(page) == found[kind][0]
            assert page.count("<h1") == 1, kind
            # Every box and choice has its label.
            for box in re.findall(r'<(?:input|textarea)[^>]*id="([^"]+)"', page):
                assert f'for="{box}"' in page, (kind, box)
            # Every set of choices has its legend.
            assert page.count("<fieldset") == page.count("<legend"), kind
            # And an ordinary answer posted through its form is taken.
            page, _ = await post(client, page, f"/j/{journey_id}/answer", do="continue",
                                 **ordinary(page, kind))
            assert "error-summary" not in page and question_id(page) != found[kind][0], kind

    run(test, store)


def test_a_journey_opened_again_asks_who_is_here_today(store: Store) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await (await client.get(here)).text()
        assert "Welcome back. Who is here today to plan with Sam?" in page
        assert question_id(page) is None
        with_helper = str(1 + list(Mode).index(Mode.WITH))
        page, _ = await post(client, page, f"{here}/sitting", picked=with_helper, helper=" ")
        assert "Please type the helper&#39;s name." in page and 'href="#helper"' in page
        page, _ = await post(client, page, f"{here}/sitting", picked=with_helper,
                             helper="Jo", role="advocate", others="Ann, Raj")
        assert question_id(page) == "rights.hopes"
        journey = store.load(journey_id)
        assert (journey.mode, journey.helper) == (Mode.WITH, "Jo")
        assert "Sam with Jo" in page  # who is speaking, on every question
        # Stopping ends the sitting: opened again, who is here is asked again.
        await post(client, page, f"{here}/stop")
        page = await (await client.get(here)).text()
        assert "Welcome back. Who is here today to plan with Sam?" in page

    run(test, store)


def test_a_helpers_suggestion_is_marked_and_the_person_agrees_it(store: Store) -> None:
    answers = {**routes.ROUTES["with a helper"]}
    journey_id = reached(store, "rights.hopes", answers)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        assert question_id(page) == "rights.hopes"
        assert "This answer is a suggestion from Jo. Sam has not said it yet." in page
        page, _ = await post(client, page, f"{here}/answer", answer="More time outdoors",
                             marked="yes")
        journey = store.load(journey_id)
        assert [a.question for a in journey.suggestions()] == ["rights.hopes"]
        agree = await (await client.get(f"{here}/agree")).text()
        assert "More time outdoors" in agree
        await post(client, agree, f"{here}/agree", agreed="rights.hopes")
        assert not store.load(journey_id).suggestions()

    run(test, store)


def test_journey_serve_serves_the_pages_and_terminal_the_app_in_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.cli import main as cli
    from journey.web import serve as terminal

    chosen: list[str] = []
    monkeypatch.setattr(pages.PagesServer, "serve", lambda self, **_: chosen.append("pages"))
    monkeypatch.setattr(terminal.JourneyServer, "serve",
                        lambda self, **_: chosen.append("terminal"))
    assert cli.main(["serve"]) == 0
    assert cli.main(["serve", "--terminal"]) == 0
    assert chosen == ["pages", "terminal"]


def test_the_check_lists_what_is_missing_and_goes_there(store: Store, words: Content) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        await opened(client, here)
        check = await (await client.get(f"{here}/check")).text()
        assert "Is the plan for Sam ready for the council?" in check
        assert words.message("check_not_ready") in check
        found = re.findall(r'value="go:([^"]+)"', check)
        assert found
        page, _ = await post(client, check, f"{here}/move", do=f"go:{found[-1]}")
        assert question_id(page) == found[-1]

    run(test, store)


def test_the_history_shows_each_change_and_undoes_the_last(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        page, _ = await post(client, page, f"{here}/move", do="back")
        page, _ = await post(client, page, f"{here}/answer", answer="Samantha")
        journey_id = here.rsplit("/", 1)[1]
        assert store.load(journey_id).value("welcome.name") == "Samantha"
        history = await (await client.get(f"{here}/history")).text()
        assert history.index(": Sam<") < history.index(": Samantha<")
        page, where = await post(client, history, f"{here}/move", do="undo:welcome.name")
        assert where == f"{here}/history"
        assert "The last change was undone" in page
        assert store.load(journey_id).value("welcome.name") == "Sam"
        assert "undid the last change" in page

    run(test, store)


def test_a_data_folder_that_cannot_be_read_is_said_plainly(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.store.database import StoreError

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)

        def broken(*_: object, **__: object) -> None:
            raise StoreError("journey could not read its journeys file.")

        monkeypatch.setattr(store, "list", broken)
        response = await client.get("/")
        assert response.status == 503
        assert await response.text() == "journey could not read its journeys file."

    run(test, store)


def test_a_journey_open_in_the_app_is_read_only_in_the_browser(store: Store,
                                                                 words: Content) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])
    store.release(journey_id)  # the journey was made here; now the app has it open
    app = Store(store.home)  # the app's window, holding the journey's lock
    app.lock(journey_id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await (await client.get(here)).text()
        assert words.message("error_in_use").split(".")[0] in page
        before = len(store.load(journey_id).events)
        await post(client, page, f"{here}/answer", answer="Something")
        assert len(store.load(journey_id).events) == before
        app.release(journey_id)  # the window closes: the browser may change it now
        page = await opened(client, here)
        page, _ = await post(client, page, f"{here}/answer", answer="Something")
        assert len(store.load(journey_id).events) > before

    try:
        run(test, store)
    finally:
        app.close()


def test_a_question_page_explains_its_words_and_where_its_facts_come_from(
        store: Store, words: Content) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        page, _ = await post(client, page, f"{here}/answer", answer="self")
        while not (qid := question_id(page) or "").startswith("rights."):
            fields = ordinary(page, words.question(qid).kind, bool(words.question(qid).offer))
            page, _ = await post(client, page, f"{here}/answer", **fields)
        from journey.conversation.session import Session

        session = Session(words, store, store.load(here.rsplit("/", 1)[1]))
        terms, sources = session.explained(words.question(qid))
        assert terms or sources
        for term in terms:
            assert f"<dt>{escape(term.term)}</dt>" in page
        for source_id in sources:
            assert words.source(source_id).title in unescape(page)
        step = words.step_of(qid)
        if step.more:
            assert "Tell me more about this step" in page

    run(test, store)


def test_two_servers_on_one_computer_keep_their_own_cookies(store: Store, tmp_path: Any) -> None:
    other_store = Store(tmp_path / "other")

    async def main() -> None:
        # One browser: one cookie jar for both, as a browser shares a host's cookies
        # between its ports.
        jar = CookieJar(unsafe=True)
        _, first = await started(store, jar=jar)
        _, second = await started(other_store, jar=jar)
        try:
            await enter(first)
            await enter(second)
            assert (await first.get("/")).status == 200
            assert (await second.get("/")).status == 200
        finally:
            await first.close()
            await second.close()
            other_store.close()

    asyncio.run(main())


HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', "{{ 7*7 }}",
           "Pay \u202eoJ\u202c £500", "Sam\x1b[31m red\x1b]0;t\x07", "' onmouseover='x"]


def test_hostile_answers_are_text_on_every_page(store: Store, words: Content) -> None:
    """Whatever was typed or stored, every page shows it as text: no tag, no attribute, no
    template, no terminal code and no right-to-left override gets through."""
    from journey.conversation.session import Session

    answers = {**routes.ROUTES["with a helper"], "welcome.name": HOSTILE[0],
               "welcome.helper-name": HOSTILE[1]}
    journey_id = reached(store, "rights.hopes", answers)
    session = Session(words, store, store.load(journey_id))
    session.answer(" ".join(HOSTILE), suggested=True)
    while session.question is not None and session.question.kind.value != "list":
        session.answer(routes.ordinary(session.question, session))
    if session.question is not None:
        session.answer(HOSTILE, move_on=False)
    session.close()

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        shown = [await opened(client, here)]
        for path in ("/", here, f"{here}/map", f"{here}/check", f"{here}/history",
                     f"{here}/agree", f"{here}/files", f"{here}/plan"):
            response = await client.get(path)
            assert response.status == 200, path
            shown.append(await response.text())
        for page in shown:
            tags = _tags(page)
            assert not {"script", "img", "iframe", "object"} & {t for t, _ in tags}
            assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
            assert "\u202e" not in page and "\x1b" not in page and "\x07" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown[1]

    run(test, store)


def _tags(page: str) -> list[tuple[str, list[str]]]:
    """Every tag in a page, with the names of its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[str]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, [name for name, _ in attrs]))

    Tags().feed(page)
    return found


def test_a_helper_writes_notes_chooses_which_go_into_the_plan_and_saves_the_summary(
        store: Store) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES["with a helper"])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        await opened(client, here)
        notes = await (await client.get(f"{here}/notes")).text()
        page, _ = await post(client, notes, f"{here}/notes", do="add", note="   ")
        assert "error-summary" in page
        page, _ = await post(client, page, f"{here}/notes", do="add",
                             note="Ring the <b>GP</b> about the letter", next_step="yes")
        [note] = store.load(journey_id).notes()
        assert note.text == "Ring the <b>GP</b> about the letter" and note.next_step
        assert not note.in_plan and "Ring the &lt;b&gt;GP&lt;/b&gt;" in page
        page, _ = await post(client, page, f"{here}/notes", do="share", in_plan=note.id)
        assert store.load(journey_id).notes()[0].in_plan
        files = await (await client.get(f"{here}/files")).text()
        assert f"/download/{pages.SUMMARY}" in files
        summary = await client.get(f"{here}/download/{pages.SUMMARY}")
        assert summary.status == 200
        assert "Ring the" in await summary.text()

    run(test, store)


def test_check_your_answers_changes_one_and_comes_back(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        page, _ = await post(client, page, f"{here}/answer", answer="self")
        themap = await (await client.get(f"{here}/map")).text()
        assert f'{here}/answers/welcome?tab=' in themap  # a link of this tab
        answers = await (await client.get(f"{here}/answers/welcome")).text()
        assert "Check your answers: Getting started" in answers and ">Sam<" in answers
        page, _ = await post(client, answers, f"{here}/move", do="change:welcome.name")
        assert question_id(page) == "welcome.name"
        page, where = await post(client, page, f"{here}/answer", answer="Samira")
        assert where == f"{here}/answers/welcome"
        assert ">Samira<" in page
        assert (await client.get(f"{here}/answers/nowhere")).status == 404

    run(test, store)


def test_the_link_opened_again_keeps_the_browsers_journeys(store: Store) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        again = await enter(client)  # the link, from the browser's history
        assert len(server.visitors) == 1
        page = await (await client.get(here)).text()
        assert "You can look at it" not in page
        page, _ = await post(client, page, f"{here}/answer", answer="self")
        assert store.load(here.rsplit("/", 1)[1]).value("welcome.mode") == "self"
        assert again

    run(test, store)


def test_a_journey_left_open_in_a_browser_is_let_go_for_the_app(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.core.saving import JourneyInUse

    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])
    store.release(journey_id)
    app = Store(store.home)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        await (await client.get("/")).text()
        with pytest.raises(JourneyInUse):
            app.lock(journey_id)  # the browser has it
        monkeypatch.setattr(pages, "JOURNEY_IDLE", 0.0)  # as if a quarter of an hour passed
        await (await client.get("/")).text()
        app.lock(journey_id)  # the browser let it go: the app may change it
        page = await (await client.get(here)).text()
        assert "You can look at it" in page  # and the browser only looks now
        app.release(journey_id)
        page = await (await client.get(here)).text()
        assert "Welcome back" not in page  # who is here was said on this visit already
        assert question_id(page) == "rights.hopes"

    try:
        run(test, store)
    finally:
        app.close()


def test_behind_an_organisations_web_server_the_cookie_is_kept_to_its_address(
        store: Store) -> None:
    from aiohttp.test_utils import TestServer, unused_port

    from journey.web.address import Address

    async def main() -> None:
        port = unused_port()
        server = pages.PagesServer(
            Address("127.0.0.1", port, "https://journey.example.org/care"), store, token=TOKEN)
        client = TestClient(TestServer(server.make_app(), host="127.0.0.1", port=port))
        await client.start_server()
        try:
            response = await client.get(f"/?token={TOKEN}", allow_redirects=False,
                                        headers={"Host": "elsewhere.example.org"})
            assert response.status == 421
            response = await client.get(f"/?token={TOKEN}", allow_redirects=False,
                                        headers={"Host": "journey.example.org:443"})
            assert response.status == 303
            assert response.headers["Location"] == "/care/"
            cookie = response.headers["Set-Cookie"]
            assert "Path=/care/" in cookie and "Secure" in cookie and "HttpOnly" in cookie
            page = await (await client.get("/", headers={
                "Host": "journey.example.org:443",
                "Cookie": cookie.split(";")[0]})).text()
            assert 'action="/care/new"' in page and 'href="/care/static/journey.css"' in page
        finally:
            await client.close()

    asyncio.run(main())


def test_the_plan_grows_beside_the_question(store: Store) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        aside = page[page.index('<aside class="plan-aside"'):page.index("</aside>")]
        assert "The plan so far" in aside and "More time <b>outdoors</b>" not in aside
        page, _ = await post(client, page, f"{here}/answer", answer="More time <b>outdoors</b>")
        aside = page[page.index('<aside class="plan-aside"'):page.index("</aside>")]
        assert "More time &lt;b&gt;outdoors&lt;/b&gt;" in aside

    run(test, store)


def test_skip_moves_past_the_step_and_says_so_on_the_map(store: Store) -> None:
    journey_id = reached(store, "rights.hopes", routes.ROUTES[routes.ALONE])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        assert 'value="skip"' in page
        page, _ = await post(client, page, f"{here}/move", do="skip")
        assert not (question_id(page) or "").startswith("rights.")
        themap = await (await client.get(f"{here}/map")).text()
        rights = themap[themap.index('id="step-rights"'):]
        assert rights.index("skipped") < rights.index("</li>")

    run(test, store)


def test_an_earlier_answer_shown_with_a_question_is_changed_and_comes_back(
        store: Store, words: Content) -> None:
    # The first question shown with an earlier answer in words that every route is asked.
    later = next(q.id for s in words.all_steps for q in s.questions
                 if q.recall and words.question(q.recall).when is None
                 and words.question(q.recall).kind == "text")
    earlier = words.question(later).recall
    journey_id = reached(store, later, routes.ROUTES[routes.ALONE])

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey_id}"
        page = await opened(client, here)
        assert question_id(page) == later and 'value="change"' in page
        page, _ = await post(client, page, f"{here}/move", do="change")
        assert question_id(page) == earlier
        page, _ = await post(client, page, f"{here}/answer",
                             **{**ordinary(page, words.question(earlier).kind),
                                "answer": "Said again"})
        assert question_id(page) == later
        assert "Thank you. You are back where you were." in page
        assert store.load(journey_id).value(earlier) == "Said again"

    run(test, store)
