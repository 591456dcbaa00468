"""Versions and reviews are stored like every event: journey files carry every version and
review and bring them back whole; a damaged version (a number of the wrong shape, met again,
past the end, or naming no review) is never trusted and never a crash, through every door;
old journeys without versions open as they did."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from journey.cli.main import NOT_READY, main
from journey.content import Journey as Content
from journey.core import fit
from journey.core.model import Answered, Role
from journey.documents.render import COMPARE_FORMATS, FORMATS
from journey.plain import conversation as plain
from journey.plan import compare, versions
from journey.store.database import Store
from journey.store.interchange import read
from journey.tui.app import JourneyApp
from journey.tui.screens.versions import VersionsScreen

from .reviewed import EXAMPLES, example, reviewed
from .test_tui import opened

DATA = Path(__file__).parent / "data"


def exported(store: Store, journey_id: str, path: Path) -> dict[str, Any]:
    assert main(["export", journey_id, "--format", "json", "-o", str(path)]) == 0
    return json.loads(path.read_text())


def test_a_journey_file_carries_every_version_and_review_whole(
        words: Content, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    journey = fit.check(words, reviewed(store))
    kinds = [e.kind for e in journey.events]
    assert kinds.count("version") == 3 and kinds.count("review") == 2
    data = exported(store, journey.id, tmp_path / "gareth.json")
    assert main(["import", str(tmp_path / "gareth.json")]) == 0
    capsys.readouterr()
    (back,) = [s for s in store.list() if s.id != journey.id]
    again = fit.check(words, store.load(back.id))
    assert again.events == journey.events  # every event, as it was
    assert [(v.number, v.review, v.reason, v.at) for v in versions.kept(again)] == [
        (v.number, v.review, v.reason, v.at) for v in versions.kept(journey)]
    assert versions.ended_reviews(again) == ["light1", "yearly1"]
    for review_id in ("light1", "yearly1"):
        assert versions.review_answers(again, review_id) == versions.review_answers(
            journey, review_id)
    # The same comparison, and the same plan at each version, from either copy.
    for fmt in COMPARE_FORMATS:
        for ident in (journey.id, back.id):
            assert main(["compare", ident, "1", "3", "--format", fmt,
                         "-o", str(tmp_path / f"{ident}.{fmt}")]) == 0
        assert (tmp_path / f"{journey.id}.{fmt}").read_bytes() == (
            tmp_path / f"{back.id}.{fmt}").read_bytes()
    capsys.readouterr()
    for number in ("1", "2", "3"):
        outs = []
        for ident in (journey.id, back.id):
            assert main(["export", ident, "--version", number, "--format", "txt"]) == 0
            outs.append(capsys.readouterr().out)
        assert outs[0] == outs[1]
    assert data["journeys"][0]["events"] == exported(store, back.id, tmp_path / "b.json")[
        "journeys"][0]["events"]


def damaged_file(tmp_path: Path, versions_: list[dict[str, Any]]) -> Path:
    """Gareth's example with versions as a hand edit might leave them, each after a change."""
    data = json.loads((EXAMPLES / "gareth.json").read_text())
    events = data["journeys"][0]["events"]
    # As planned: the review it ships with, and its versions, left out.
    del events[next(i for i, e in enumerate(events) if e["kind"] in ("review", "version")):]
    last = events[-1]["at"]
    for n, version in enumerate(versions_):
        events.append({"kind": "answer", "at": last, "question": "planning.risks",
                       "value": [f"Risk {n}"], "unsure": False, "by": "Gareth",
                       "role": "person"})
        events.append({"kind": "version", "at": last, "review": None, "by": "Gareth",
                       **version})
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data))
    return path


DAMAGED = {
    "as words": [{"number": "1"}, {"number": "2"}],  # read as the numbers they say
    "met again": [{"number": 1}, {"number": 1}, {"number": 2}],
    "past the end": [{"number": 1}, {"number": 7}, {"number": 2}],
    "nought and less": [{"number": 0}, {"number": -4}, {"number": 1}],
    "a yes for a number": [{"number": True}, {"number": 2}],
    "enormous": [{"number": 10**30}, {"number": 1}],
    "a review not there": [{"number": 1, "review": "nope"}, {"number": 2, "review": "nope"}],
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_every_door_takes_a_damaged_version(case: str, words: Content, store: Store,
                                            tmp_path: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(damaged_file(tmp_path, DAMAGED[case]))]) == 0
    (summary,) = store.list()
    ident = summary.id
    journey = fit.check(words, store.load(ident))
    counted = [v.number for v in versions.kept(journey)]
    assert counted == list(range(1, len(counted) + 1))  # 1, 2, ... whatever was stored
    assert counted, case
    assert main(["versions", ident]) == 0
    listing = capsys.readouterr().out
    stored = len(DAMAGED[case])
    assert (f"could not be read. They are kept, but not shown: {stored - len(counted)}"
            in listing) == (stored > len(counted))
    assert main(["check", ident]) in (0, NOT_READY)
    for fmt in [*FORMATS, "prep"]:
        for number in {1, len(counted)}:
            assert main(["export", ident, "--version", str(number), "--format", fmt,
                         "-o", str(tmp_path / f"plan-{number}.{fmt}")]) == 0, (fmt, number)
    assert main(["export", ident, "--version", "7", "--format", "md"]) == 1
    assert main(["compare", ident, "1", str(len(counted)), "--format", "txt"]) == 0
    assert main(["export", ident, "--format", "json", "-o", str(tmp_path / "j.json")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert versions.keep_version(journey, "Gareth") is None  # the plan as last kept
    journey.record(Answered(question="planning.risks", value=["Another"], by="Gareth",
                            role=Role.PERSON))
    made = versions.keep_version(journey, "Gareth")
    assert made is not None and made.number == len(counted) + 1


@pytest.mark.parametrize("number", [3.5, None, "three", [1], {"n": 1}])
def test_a_version_number_that_is_no_number_refuses_the_file_plainly(
        number: object, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The strict reader names the problem: the file adds nothing, and nothing crashes."""
    assert main(["import", str(damaged_file(tmp_path, [{"number": number}]))]) == 1
    err = capsys.readouterr().err
    assert "number" in err and "Traceback" not in err
    assert store.list() == []


def test_a_stored_version_that_is_no_number_says_the_journey_is_damaged(
        store: Store, capsys: pytest.CaptureFixture) -> None:
    (journey,) = store.add(read(EXAMPLES / "gareth.json"), keep_ids=False)
    store.db.execute(  # as a hand edit of the journeys file might leave it
        "INSERT INTO events (journey, seq, kind, at, body) VALUES (?, "
        "(SELECT MAX(seq) + 1 FROM events WHERE journey = ?), 'version', ?, ?)",
        (journey.id, journey.id, "2026-12-01T10:00:00+00:00",
         json.dumps({"kind": "version", "at": "2026-12-01T10:00:00+00:00",
                     "number": 2.5, "review": None, "by": "x"})))
    store.db.commit()
    for command in (["versions", journey.id], ["export", journey.id, "--version", "1"],
                    ["compare", journey.id, "1", "2"], ["check", journey.id]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "damaged" in err.casefold() or "could not" in err, err
        assert "Traceback" not in err


async def test_the_app_shows_only_the_versions_that_count(words: Content, store: Store,
                                                          tmp_path: Path,
                                                          capsys: pytest.CaptureFixture
                                                          ) -> None:
    assert main(["import", str(damaged_file(tmp_path, DAMAGED["past the end"]))]) == 0
    capsys.readouterr()
    (summary,) = store.list()
    app = JourneyApp(store, journey=store.load(summary.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+z", "v")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        assert app.screen.query_one("#versions-list", OptionList).option_count == 2
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "c")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")


def test_the_plain_lines_show_only_the_versions_that_count(
        store: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(damaged_file(tmp_path, DAMAGED["met again"]))]) == 0
    capsys.readouterr()
    (summary,) = store.list()
    out = io.StringIO()
    typed = "1\nversions\n1 2\nquit\n"
    assert plain.run(store, summary.id, inp=io.StringIO(typed), out=out) == 0
    said = out.getvalue()
    assert "2. Version 2" in said and "3. Version" not in said
    assert "From version 1 to version 2." in said


@pytest.mark.parametrize("name", ["mia", "gareth", "edna", "ryan"])
def test_a_journey_without_versions_is_as_it_was(name: str, words: Content,
                                                 store: Store) -> None:
    journey = fit.check(words, example(store, name))
    assert versions.kept(journey) == [] and versions.damaged(journey) == []
    from journey import plan

    built = plan.build(words, journey)
    assert not [f for f in built.readiness.findings if f.code.startswith("revised_")]
    made = versions.keep_version(journey, "x")
    assert made is not None and made.number == 1


def test_an_old_journeys_file_opens_unchanged(words: Content, store: Store,
                                              capsys: pytest.CaptureFixture) -> None:
    assert main(["restore", str(DATA / "journeys-v1.json")]) == 0
    capsys.readouterr()
    for summary in store.list():
        journey = fit.check(words, store.load(summary.id))
        assert versions.kept(journey) == []
        assert main(["versions", summary.id]) == 0
        assert "no versions yet" in capsys.readouterr().out


def test_a_comparison_of_versions_in_either_order_never_crashes(words: Content,
                                                                store: Store) -> None:
    journey = fit.check(words, reviewed(store))
    kept = versions.kept(journey)
    for one in kept:
        for other in kept:
            made = compare.compare(words, journey, one, other)
            assert made.same == (one is other)
