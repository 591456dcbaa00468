"""The journey model: plain data classes, made without pydantic, and cleaned however an event
is made (typed, copied, read back from the journeys file or from a journey file)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest

from journey.core.model import (
    NAME_QUESTION,
    Answered,
    Confirmed,
    Event,
    Journey,
    Mode,
    Moved,
    Noted,
    NoteShared,
    Role,
    Sat,
    Skipped,
    Undone,
    as_dict,
)
from journey.store import interchange
from journey.store.database import DB_NAME, Saved, Store, StoreError, event_json

from .helpers import start

CODES = "\x1b[31m\x1b]0;owned\x07"
UNSEEN = "\u202e\u200b"


def every_kind() -> list[Event]:
    """One event of each kind, with terminal codes (and, in names, unseen characters) in
    every piece of text that is cleaned."""
    dirty = f"Jo{CODES}{UNSEEN}"
    return [
        Answered(question=NAME_QUESTION, value=dirty, by=dirty, role=Role.PERSON),
        Answered(question="rights.hopes", value=f"Out{CODES}", by=dirty, role=Role.BEHALF),
        Answered(question="circle.people", value=[{"name": dirty, "relation": "sister"}],
                 by=dirty, role=Role.FACILITATOR),
        Skipped(step="rights"),
        Moved(step="rights", question="rights.who"),
        Undone(question="rights.hopes", by=dirty, role=Role.PERSON),
        Sat(mode=Mode.WITH, helper=dirty, helper_role=dirty, present=[dirty, "Sam"]),
        Confirmed(question="rights.hopes", by=dirty),
        Noted(text=f"Ring{CODES} Monday", by=dirty),
        NoteShared(note="abcd1234", in_plan=True),
    ]


def texts(event: Event) -> list[str]:
    """Every piece of text an event holds, however deep."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(list(as_dict(event).values()))
    return found


def assert_clean(events: list[Event]) -> None:
    for event in events:
        for text in texts(event):
            assert "\x1b" not in text and "\x07" not in text, (event, text)
        for name in ("by", "helper", "helper_role"):
            value = getattr(event, name, None)
            assert value is None or not set(UNSEEN) & set(value), (event, value)
        if isinstance(event, Answered) and event.question == NAME_QUESTION:
            assert event.value == "Jo"
        if isinstance(event, Sat):
            assert event.present == ("Jo", "Sam")


def test_making_and_recording_events_needs_no_pydantic() -> None:
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from journey.core.model import *\n"
        "j = Journey(id='abcd1234')\n"
        "j.record(Answered(question=NAME_QUESTION, value='Sam', by='', role=Role.PERSON))\n"
        "j.record(Sat(mode=Mode.WITH, helper='Jo', present=['Jo']))\n"
        "j.record(Noted(text='hi', by='Jo'))\n"
        "j.record(replace(j.events[0], value='Sam Smith'))\n"
        "assert j.name == 'Sam Smith' and j.helper == 'Jo' and len(j.without_notes().events) == 3\n"
        "as_dict(j.events[0])\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_a_fresh_journey_never_loads_the_checks_for_stored_events(tmp_path: Path) -> None:
    """pydantic checks events only as they are read back: starting a journey and answering
    never needs that module (nor, once content needs no pydantic either, pydantic)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from journey import content\n"
        "from journey.conversation.session import Session\n"
        "from journey.store.database import Store\n"
        f"store = Store(Path({str(tmp_path)!r}))\n"
        "session = Session(content.default(), store, store.create())\n"
        "session.answer('Sam')\n"
        "session.answer('with')\n"
        "session.answer('Jo')\n"
        "print(sorted(m for m in sys.modules if m.startswith('journey.store.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "journey.store.events" not in out and "journey.store.interchange" not in out
    assert "journey.store.database" in out  # the test can see what was loaded


def test_events_are_frozen_and_small() -> None:
    event = Moved(step="rights")
    with pytest.raises(FrozenInstanceError):
        event.step = "other"  # type: ignore[misc]
    assert not hasattr(event, "__dict__")  # slots: tens of thousands of them in a journey


def test_text_is_cleaned_when_an_event_is_made() -> None:
    assert_clean(every_kind())


def test_text_is_cleaned_when_an_event_is_copied() -> None:
    dirty = f"Kim{CODES}{UNSEEN}"
    copies: list[Event] = []
    for event in every_kind():
        changes: dict[str, object] = {}
        for name, value in (("by", dirty), ("helper", dirty), ("helper_role", dirty),
                            ("text", f"Note{CODES}")):
            if hasattr(event, name):
                changes[name] = value
        if isinstance(event, Sat):
            changes["present"] = [f"Jo{CODES}", "Sam"]
        copies.append(replace(event, **changes))
    assert_clean(copies)
    assert copies[0].by == "Kim"


def test_text_is_cleaned_when_stored_events_are_read(store: Store, tmp_path: Path) -> None:
    journey = Journey(id="abcd1234")
    for event in every_kind():
        store.record(journey, event)
    store.close()
    # A hand edit, or an older version, put the codes back in the file.
    db = sqlite3.connect(store.path)
    for seq, body in db.execute("SELECT seq, body FROM events").fetchall():
        data = json.loads(body)
        for name in ("by", "helper", "helper_role"):
            if data.get(name):
                data[name] = f"Jo{CODES}{UNSEEN}"
        if "text" in data:
            data["text"] = f"Ring{CODES}"
        if data.get("question") == NAME_QUESTION and data["kind"] == "answer":
            data["value"] = f"Jo{CODES}{UNSEEN}"
        if data["kind"] == "sitting":
            data["present"] = [f"Jo{CODES}", "Sam"]
        db.execute("UPDATE events SET body = ? WHERE seq = ?", (json.dumps(data), seq))
    db.commit()
    db.close()
    read = Store(store.home).load("abcd1234")
    assert [type(e) for e in read.events] == [type(e) for e in every_kind()]
    assert_clean(read.events)


def test_text_is_cleaned_when_a_journey_file_is_read(tmp_path: Path) -> None:
    journey = Journey(id="abcd1234", events=every_kind())
    data = json.loads(interchange.dump([Saved(journey)]))
    for event in data["journeys"][0]["events"]:
        if "by" in event:
            event["by"] = f"Jo{CODES}{UNSEEN}"
        if event["kind"] == "sitting":
            event["present"] = [f"Jo{CODES}{UNSEEN}", "Sam"]
    path = tmp_path / "dirty.json"
    path.write_text(json.dumps(data))
    (saved,) = interchange.read(path)
    assert_clean(saved.journey.events)


def test_events_are_stored_as_before_and_read_back_the_same(store: Store) -> None:
    journey = Journey(id="abcd1234")
    for event in every_kind():
        store.record(journey, event)
    body = json.loads(event_json(journey.events[0]))
    # The same JSON pydantic wrote: fields in order, times in UTC with a Z.
    assert list(body) == ["at", "kind", "question", "value", "unsure", "by", "role"]
    assert body["at"].endswith("Z") and body["role"] == "person"
    assert store.load("abcd1234").events == journey.events


@pytest.mark.parametrize(("change", "reason"), [
    (lambda e: {**e, "evil": 1}, "Extra inputs are not permitted"),
    (lambda e: {**e, "kind": "boom"}, "does not match any of the expected tags"),
    (lambda e: {**e, "role": "king"}, "Input should be 'person', 'facilitator' or 'behalf'"),
    (lambda e: {k: v for k, v in e.items() if k != "by"}, "Field required"),
    (lambda e: {**e, "by": 5}, "Input should be a valid string"),
    (lambda e: [e], "Input should be an object"),
])
def test_a_damaged_stored_event_is_named_not_a_crash(
        store: Store, change: Callable[[dict], object], reason: str) -> None:
    journey = Journey(id="abcd1234")
    store.record(journey, Answered(question=NAME_QUESTION, value="Sam", by="", role=Role.PERSON))
    store.close()
    db = sqlite3.connect(store.home / DB_NAME)
    (body,) = db.execute("SELECT body FROM events").fetchone()
    db.execute("UPDATE events SET body = ?", (json.dumps(change(json.loads(body))),))
    db.commit()
    db.close()
    again = Store(store.home)
    with pytest.raises(StoreError, match="damaged") as found:
        again.load("abcd1234")
    assert reason in str(found.value)
    again.close()


def test_a_journey_has_its_own_events_and_copies_work_out_their_own(words, store: Store
                                                                    ) -> None:
    session = start(words, store, mode="with")
    journey = session.journey
    session.note("Ring the council")
    given = list(journey.events)
    made = Journey(id="x", events=given)
    made.record(Moved(step="rights"))
    assert len(given) == len(journey.events)  # the list it was made from is unchanged
    copy = journey.without_notes()
    assert copy.checked_against is journey.checked_against  # checked as the journey was
    assert not copy.notes() and journey.notes()
    copy.record(Moved(step="rights"))
    assert journey.events[-1] is not copy.events[-1]
    assert copy.answers == journey.answers and copy.answers is not journey.answers
