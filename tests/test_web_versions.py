"""The versions of the plan in the web pages: the history lists them, each opens as the plan
was, and a form with no script asks which two to compare. A number that names no version is
said plainly, never a crash."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from journey.store.database import Store
from journey.web import pages

from .reviewed import example, reviewed
from .test_web_pages import run
from .web_pages import enter, opened


def test_the_history_lists_versions_to_read_and_compare(store: Store) -> None:
    journey = reviewed(store)
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        history = await (await client.get(f"{here}/history")).text()
        links = re.findall(rf'href="({here}/version/\d+)"', history)
        assert links == [f"{here}/version/{n}" for n in (1, 2, 3)]
        assert "after a yearly review" in history
        assert f'action="{here}/compare"' in history and "<script" not in history
        first = await client.get(links[0])
        text = await first.text()
        assert first.status == 200 and "Pub quiz" in text and ": version 1" in text
        compared = await client.get(f"{here}/compare", params={"a": "1", "b": "3"})
        text = await compared.text()
        assert compared.status == 200 and "Taxi home" in text and "Taken out" in text
        for bad in ("/version/0", "/version/4", "/version/-1", "/version/1e3",
                    "/version/" + "9" * 40, "/compare?a=1&b=9", "/compare?a=x&b=1",
                    "/compare", "/compare?a=1"):
            response = await client.get(here + bad)
            assert response.status == 404, bad
            assert "no such version" in await response.text()

    run(test, store)


def test_a_plan_with_no_versions_says_so_in_its_history(store: Store) -> None:
    journey = example(store, "mia")
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        history = await (await client.get(f"{here}/history")).text()
        assert "no versions yet" in history and "/compare" not in history

    run(test, store)
