"""The review of a plan in the web pages, through the front door as a browser posts forms:
which kind of review (the one due first), the review's questions one page at a time, through
the same ReviewSession as the app (each answer saved at once, a wrong value refused and
nothing lost), carried on where it stopped when the journey is opened again, and its record
downloaded at the end, saying how the money went from the direct-payment record."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from aiohttp.test_utils import TestClient

from journey.content import Journey as Content
from journey.content import Kind
from journey.conversation.review import KINDS, ReviewFlow, due_kind, has_plan
from journey.plan.review import records
from journey.store.database import Store
from journey.web import pages

from .reviewed import example
from .test_web_pages import run
from .web_pages import enter, opened, options, post, question_id


def _kind_choices(page: str) -> list[str]:
    return [unescape(v) for v in re.findall(r'name="kind" type="radio" value="([^"]*)"', page)]


def _groups(page: str) -> list[tuple[str, list[str]]]:
    """Each thing rated on a ratings page: its legend and the marks offered."""
    found = []
    for legend, body in re.findall(
            r'<legend class="legend legend-s"><bdi>(.*?)</bdi></legend>(.*?)</fieldset>',
            page, re.S):
        found.append((unescape(legend), re.findall(r'type="radio" value="([^"]*)"', body)))
    return found


def _checked(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(rate-\d+)" type="radio" value="([^"]*)" checked', page))


def _ratings(page: str, mark: int = 0) -> dict[str, Any]:
    return {f"rate-{n}": marks[mark] for n, (_, marks) in enumerate(_groups(page))}


def _ordinary(words: Content, page: str) -> dict[str, Any]:
    """What a person giving ordinary answers posts for a review's question."""
    question = words.question(question_id(page) or "")
    if question.kind is Kind.RATINGS:
        return _ratings(page)
    if question.kind in (Kind.CHOICE, Kind.MULTI, Kind.YESNO):
        offered = options(page)
        return {"answer": "no" if "no" in offered else offered[0]}
    if question.kind is Kind.LIST:
        return {"item": "Something"}
    if question.kind is Kind.ACTIONS:
        return {"what": "Ring the council", "who": "Sam", "by": "", "status": "to-do"}
    if question.kind is Kind.MONEY:
        return {"amount": "100", "period": "week"}
    return {"answer": "Something"}


def test_a_light_check_from_start_to_end_wrong_values_first(
        store: Store, words: Content) -> None:
    journey = example(store, "mia")
    store.release(journey.id)
    assert has_plan(journey) and due_kind(journey) == "light"
    outcomes = journey.value("planning.outcomes")

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        here = f"/j/{journey.id}"
        # The start page offers the review, and says when it is due, as the app does.
        assert f'href="{here}/review"' in start and "First check due between" in start
        await opened(client, here)
        page = await (await client.get(f"{here}/review")).text()
        kinds = _kind_choices(page)
        assert kinds[0] == "light" and sorted(kinds) == sorted(KINDS)
        assert 'id="kind-hint">First check due between' in page  # why it comes first
        assert 'checked' not in page.split('name="kind"')[1].split(">")[0]
        # Nothing chosen, then a kind not offered: refused, said, and nothing begun.
        for wrong in ({}, {"kind": "weekly"}, {"kind": ["light", "yearly"]}):
            page, where = await post(client, page, f"{here}/review", **wrong)
            assert where == f"{here}/review" and "error-summary" in page, wrong
            assert 'href="#kind-1"' in page
            assert store.load(journey.id).open_review() is None
        page, where = await post(client, page, f"{here}/review", kind="light")
        assert where == here and store.load(journey.id).open_review() is not None
        assert question_id(page) == "review.progress"
        assert 'value="back"' not in page  # nothing before the review's first question
        groups = _groups(page)
        assert [g for g, _ in groups] == outcomes  # one set of marks for each outcome
        assert all(marks == ["better", "same", "worse", "met"] for _, marks in groups)
        assert page.count("<fieldset") == len(outcomes) and page.count("<h1") == 1
        # A mark not offered, and a thing left without one: refused naming that thing,
        # nothing saved, and what was ticked stays ticked.
        for wrong in ({"rate-0": "better", "rate-1": "brilliant"}, {"rate-0": "better"}):
            page, _ = await post(client, page, f"{here}/answer", do="continue", **wrong)
            assert question_id(page) == "review.progress" and "error-summary" in page
            assert 'href="#rate-1-1"' in page and f"Choose one for: {outcomes[1]}" in page
            assert re.search(r'id="rate-0-1"[^>]*checked', page)
            assert "review.progress" not in store.load(journey.id).answers
        page, _ = await post(client, page, f"{here}/answer", do="continue",
                             **{"rate-0": "better", "rate-1": "met"})
        assert store.load(journey.id).value("review.progress") == {
            outcomes[0]: "better", outcomes[1]: "met"}
        # Back shows the marks given; not sure yet is saved as such.
        page, _ = await post(client, page, f"{here}/move", do="back")
        assert question_id(page) == "review.progress"
        assert re.search(r'id="rate-1-4"[^>]*checked', page)
        page, _ = await post(client, page, f"{here}/answer", do="continue",
                             **_checked(page))  # as a browser posts what is ticked
        assert question_id(page) != "review.progress"
        unsure = question_id(page)
        page, _ = await post(client, page, f"{here}/answer", do="not_sure")
        assert store.load(journey.id).answers[unsure].unsure
        met = ["review.progress", unsure]
        while (qid := question_id(page)) is not None:
            assert qid not in met, qid
            met.append(qid)
            page, _ = await post(client, page, f"{here}/answer", do="continue",
                                 **_ordinary(words, page))
            assert "error-summary" not in page, (qid, page)
        assert "The review is finished" in page
        saved = store.load(journey.id)
        # The questions the conversation's own review asks of these answers, in its order:
        # a light check asks only its own.
        asked = [q.id for q in ReviewFlow(words, saved.values, "light").order()]
        assert met == asked and set(met) <= set(words.review.light)
        assert saved.open_review() is None and len(records(words, saved)) == 1
        for fmt in ("md", "txt", "html", "docx"):
            assert f'href="{here}/review/download/{fmt}' in page
        # Back to the journey: its own end, and the next review is the yearly one.
        page, where = await post(client, page, f"{here}/review/close")
        assert where == here and "review/close" not in page
        assert f'href="{here}/review' in page
        page = await (await client.get(f"{here}/review")).text()
        assert _kind_choices(page)[0] == "yearly"

    run(test, store)


def test_a_review_stopped_half_way_carries_on_where_it_stopped(
        store: Store, words: Content) -> None:
    journey = example(store, "mia")
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        here = f"/j/{journey.id}"
        page = await opened(client, here)
        page = await (await client.get(f"{here}/review")).text()
        page, _ = await post(client, page, f"{here}/review", kind="yearly")
        page, _ = await post(client, page, f"{here}/answer", do="continue", **_ratings(page))
        page, _ = await post(client, page, f"{here}/answer", do="continue",
                             answer="Better sleep most weeks")
        stopped_at = question_id(page)
        await post(client, page, f"{here}/stop")
        # Days later, in another browser: the start page says a review is open, and opening
        # the journey carries on in it, at the same question, nothing lost.
        other = TestClient(client.server)  # a cookie jar of its own
        try:
            start = await enter(other)
            assert "Carry on with the review" in start
            page = await opened(other, here)
            assert question_id(page) == stopped_at
            saved = store.load(journey.id)
            assert saved.value("review.progress-words") == "Better sleep most weeks"
            page, _ = await post(other, page, f"{here}/move", do="back")
            assert "Better sleep most weeks" in page
            # The kind page, opened with a review open, goes to the review.
            response = await other.get(f"{here}/review")
            assert question_id(await response.text()) == "review.progress-words"
        finally:
            await other.session.close()

    run(test, store)


def test_the_record_downloads_and_says_how_the_money_went(
        store: Store, words: Content) -> None:
    journey = example(store, "ryan")
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        assert (await client.get(f"{here}/review/download/md")).status == 404  # none yet
        page = await (await client.get(f"{here}/review")).text()
        page, _ = await post(client, page, f"{here}/review", kind="asked")
        while question_id(page) is not None:
            page, _ = await post(client, page, f"{here}/answer", do="continue",
                                 **_ordinary(words, page))
        assert "The review is finished" in page
        for fmt in ("md", "txt", "html", "docx"):
            response = await client.get(f"{here}/review/download/{fmt}")
            assert response.status == 200, fmt
            disposition = response.headers["Content-Disposition"]
            assert disposition.startswith("attachment;") and "review-1-" in disposition
            body = await response.read()
            if fmt == "docx":
                assert body[:2] == b"PK"
            else:
                assert "From the record," in body.decode("utf-8"), fmt
        assert (await client.get(f"{here}/review/download/exe")).status == 404

    run(test, store)


def test_a_journey_without_a_plan_offers_no_review(store: Store, words: Content) -> None:
    async def test(client: TestClient, server: pages.PagesServer) -> None:
        start = await enter(client)
        page, here = await post(client, start, "/new")
        page, _ = await post(client, page, f"{here}/answer", answer="Sam")
        start = await (await client.get("/")).text()
        assert "/review" not in start
        page = await (await client.get(f"{here}/review")).text()
        assert words.message("review_no_plan_yet") in page and 'name="kind"' not in page
        page, _ = await post(client, start, f"{here}/review", kind="light")
        assert store.load(here.rsplit("/", 1)[1]).open_review() is None

    run(test, store)


def test_hostile_outcomes_and_names_are_text_on_the_review_pages(
        store: Store, words: Content) -> None:
    """An outcome or a name stored with tags, templates or terminal codes in it is shown as
    text on every review page, and read back as the same words when marked."""
    from journey.core.model import Answered, Role

    from .test_web_pages import HOSTILE, _tags

    journey = example(store, "mia")
    for question, value in (("planning.outcomes", HOSTILE[:2]), ("welcome.name", HOSTILE[2])):
        store.record(journey, Answered(question=question, value=value, by="Mia",
                                       role=Role.PERSON))
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        shown = [await (await client.get("/")).text()]
        page = await (await client.get(f"{here}/review")).text()
        shown.append(page)
        page, _ = await post(client, page, f"{here}/review", kind="change")
        shown.append(page)
        assert [g for g, _ in _groups(page)] == HOSTILE[:2]
        page, _ = await post(client, page, f"{here}/answer", do="continue", rate_0="x")
        shown.append(page)
        page, _ = await post(client, page, f"{here}/answer", do="continue", **_ratings(page))
        assert store.load(journey.id).value("review.progress") == dict.fromkeys(
            HOSTILE[:2], "better")
        for page in shown:
            tags = _tags(page)
            assert not {"script", "img", "iframe", "object"} & {t for t, _ in tags}
            assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
            assert "49" not in re.sub(r"<[^>]*>", "", page)  # no template ran
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown[2]

    run(test, store)


def test_a_plan_with_nothing_to_rate_says_so_and_goes_on(store: Store, words: Content) -> None:
    from journey.core.model import Answered, Role

    journey = example(store, "mia")
    store.record(journey, Answered(question="planning.costs", value=[], by="Mia",
                                   role=Role.PERSON))
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        page = await (await client.get(f"{here}/review")).text()
        page, _ = await post(client, page, f"{here}/review", kind="yearly")
        while question_id(page) != "review.support":
            page, _ = await post(client, page, f"{here}/answer", do="continue",
                                 **_ordinary(words, page))
        assert words.message("ratings_nothing") in page and not _groups(page)
        page, _ = await post(client, page, f"{here}/answer", do="continue")
        assert question_id(page) != "review.support"
        assert store.load(journey.id).value("review.support") == {}

    run(test, store)


def test_a_second_browser_cannot_begin_a_review_of_a_journey_open_in_the_first(
        store: Store, words: Content) -> None:
    journey = example(store, "mia")
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)  # the first browser holds it
        other = TestClient(client.server)  # a cookie jar of its own
        try:
            await enter(other)
            page = await (await other.get(f"{here}/review")).text()
            assert words.message("web_page_read_only") in page
            page, _ = await post(other, page, f"{here}/review", kind="light")
            assert store.load(journey.id).open_review() is None
            assert words.message("web_page_read_only") in page
        finally:
            await other.session.close()
        # The first browser begins it.
        page = await (await client.get(f"{here}/review")).text()
        page, _ = await post(client, page, f"{here}/review", kind="light")
        assert store.load(journey.id).open_review() is not None

    run(test, store)
