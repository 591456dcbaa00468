"""Events just as journey wrote them are read back without pydantic, and read back the same
as the strict reader reads them; anything else, however small the difference, goes to the
strict reader, which judges it as it always has."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journey.core.model import Mode, Sat
from journey.store import own_events
from journey.store.database import Store, StoreError, event_json

from . import examples, fullest
from .helpers import start

BUILDERS = [examples.mia, examples.gareth, examples.edna, fullest.priya]


def bodies_of(store: Store, journey_id: str) -> tuple[str, list[str]]:
    created, = store.db.execute(
        "SELECT created FROM journeys WHERE id = ?", (journey_id,)).fetchone()
    rows = store.db.execute(
        "SELECT body FROM events WHERE journey = ? ORDER BY seq", (journey_id,)).fetchall()
    return created, [b for (b,) in rows]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_a_whole_journey_reads_back_as_the_strict_reader_reads_it(words, store, build) -> None:
    journey = build(words, store).journey
    created, bodies = bodies_of(store, journey.id)
    own = own_events.journey(journey.id, created, bodies)
    strict = store._strictly(journey.id, created, [(b,) for b in bodies])
    assert own.events == strict.events == journey.events
    assert (own.id, own.created) == (strict.id, strict.created)
    assert all(type(a) is type(b) for a, b in zip(own.events, strict.events, strict=True))


def test_every_kind_of_event_is_read_without_the_strict_reader(words, store) -> None:
    session = start(words, store, name="Sam", mode="with")
    session.note("Bring the letter")
    kinds = {json.loads(b)["kind"] for b in bodies_of(store, session.journey.id)[1]}
    sat = Sat(mode=Mode.WITH, helper="Jo", helper_role="friend", present=("Ann",))
    kinds.add(json.loads(event_json(sat))["kind"])
    assert {"answer", "move", "note", "sitting"} <= kinds <= set(own_events._KINDS)
    back = own_events.journey("x", "2026-11-29T10:00:00+00:00", [event_json(sat)])
    assert back.events == [sat]


GOOD = {"kind": "answer", "at": "2026-11-29T10:00:00.123456Z", "question": "welcome.name",
        "value": "Sam", "unsure": False, "by": "Sam", "role": "person"}


@pytest.mark.parametrize("change", [
    {"unsure": "yes"},  # the strict reader may take "yes" for true: not for this one to say
    {"unsure": 1},
    {"role": "boss"},
    {"kind": ["answer"]},
    {"kind": "shout"},
    {"at": "2026-11-29T10:00:00+01:00"},
    {"at": "29/11/2026"},
    {"at": 1764410400},
    {"by": 7},
    {"extra": "key"},
    {"question": None},
], ids=repr)
def test_anything_not_as_journey_writes_it_goes_to_the_strict_reader(store, change) -> None:
    body = json.dumps({**GOOD, **change})
    with pytest.raises(own_events.NotOwn):
        own_events.journey("x", "2026-11-29T10:00:00+00:00", [body])
    # And the strict reader judges it as before: read as it reads it, or named plainly.
    try:
        store._strictly("x", "2026-11-29T10:00:00+00:00", [(body,)])
    except StoreError as e:
        assert str(e)


@pytest.mark.parametrize("bodies", [["not json"], ["[1, 2]"], ['{"at": "x"}'], ["null"]])
def test_damaged_bodies_are_never_taken(bodies) -> None:
    with pytest.raises(own_events.NotOwn):
        own_events.journey("x", "2026-11-29T10:00:00+00:00", bodies)


def test_a_missing_field_goes_to_the_strict_reader() -> None:
    body = json.dumps({k: v for k, v in GOOD.items() if k != "by"})
    with pytest.raises(own_events.NotOwn):
        own_events.journey("x", "2026-11-29T10:00:00+00:00", [body])


def test_terminal_codes_are_cleaned_on_the_quick_path_too() -> None:
    body = json.dumps({**GOOD, "value": "Sam\x1b[31m red", "by": "Sam\x1b]0;x\x07"})
    journey = own_events.journey("x", "2026-11-29T10:00:00+00:00", [body])
    assert "\x1b" not in journey.events[0].value and "\x1b" not in journey.events[0].by


def test_resuming_a_journey_as_journey_wrote_it_loads_no_pydantic(words, store,
                                                                   tmp_path: Path) -> None:
    journey = examples.gareth(words, store).journey
    store.close()
    code = ("import sys, pathlib\n"
            "from journey import content\n"
            "from journey.store.database import Store\n"
            "content.default()\n"  # checked once (pydantic) when the cache is empty
            "loaded = 'pydantic' in sys.modules\n"
            "journey = Store(pathlib.Path(sys.argv[1])).load(sys.argv[2])\n"
            "print(len(journey.events) > 100, 'pydantic' in sys.modules and not loaded)\n")
    env = {**os.environ, "JOURNEY_CACHE": str(tmp_path / "cache")}
    run = [sys.executable, "-c", code, os.environ["JOURNEY_HOME"], journey.id]
    outs = [subprocess.run(run, capture_output=True, text=True, check=True,
                           env=env).stdout.split() for _ in range(2)]
    assert outs[1] == ["True", "False"]

