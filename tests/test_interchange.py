"""Journey files: export and import, backup and restore, the schema, and every bad file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import get_args

import pytest

from journey import __version__
from journey.cli.main import main
from journey.core.model import Answered, Event, Mode, Recorded, Undone
from journey.store import interchange
from journey.store.database import Store
from journey.store.interchange import FileError, read

from .helpers import is_private, start
from .test_later_events import LATER

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "journeys-v1.json"


def kind_of(event: type[Event]) -> str:
    return next(f.default for f in fields(event) if f.name == "kind")


def event_kinds() -> list[tuple[str, type[Event]]]:
    """Each kind of event the model knows, with its model, read from the model itself."""
    return [(kind_of(event), event) for event in get_args(Recorded)]


def names(store: Store) -> list[str | None]:
    return sorted((s.name or "") for s in store.list())


def test_version_1_file_is_read_with_history_attribution_and_deletions(store: Store) -> None:
    saved = read(FIXTURE)
    assert len(saved) == 3
    assert sum(len(s.journey.events) for s in saved) == 31
    ann = next(s.journey for s in saved if s.journey.name == "Ann Example")
    assert isinstance(ann.history("rights.hopes")[-1], Undone)
    bo = next(s.journey for s in saved if s.journey.name == "Bo")
    assert bo.helper == "Jo"
    assert [s.deleted is not None for s in saved].count(True) == 1
    added, same = store.restore(saved)
    assert (len(added), same) == (3, 0)
    assert {j.id for j in added} == {s.journey.id for s in saved}
    assert len(store.list()) == 2 and len(store.list(deleted=True)) == 1


def test_export_then_import_is_lossless(words, store: Store, tmp_path: Path,
                                        capsys: pytest.CaptureFixture) -> None:
    session = start(words, store, mode="with")
    session.go_to_question("rights.who")
    session.answer("person")
    session.back()
    session.answer(None, unsure=True)
    assert session.skip_step()
    assert session.undo("rights.who")
    session.go_to_question("rights.hopes")
    session.answer("Getting out more", suggested=True)
    session.confirm("rights.hopes")
    session.begin_sitting(Mode.BEHALF, helper="Jo", helper_role="advocate", present=["Jo"])
    note = session.note("Ring the council on Monday")
    session.share_note(note.id, in_plan=True)
    original = session.journey
    for later in LATER:  # the plan's later life: reviews, versions, the money record
        store.record(original, later)
    kinds = {e.kind for e in original.events}
    assert kinds == {k for k, _ in event_kinds()}  # every kind of event travels
    target = tmp_path / "sam.json"
    assert main(["export", original.id, "--format", "json", "-o", str(target)]) == 0
    assert is_private(target)
    assert main(["import", str(target)]) == 0
    assert "Added the journey for Sam" in capsys.readouterr().out
    copy_id = next(s.id for s in store.list() if s.id != original.id)
    copy = store.load(copy_id)
    # Every answer, who, when, undo, skip, move, sitting, confirmation and note.
    assert copy.events == original.events
    assert copy.created == original.created
    assert copy.answers == original.answers
    assert copy.confirmed("rights.hopes") and copy.helper == "Jo"
    assert [n.in_plan for n in copy.notes()] == [True]
    again = tmp_path / "again.json"
    assert main(["export", copy_id, "--format", "json", "-o", str(again)]) == 0
    first, second = json.loads(target.read_text()), json.loads(again.read_text())
    for document in (first, second):
        document.pop("written")
        document["journeys"][0].pop("id")
    assert first == second


def test_export_json_to_the_screen(words, store: Store, capsys: pytest.CaptureFixture) -> None:
    journey = start(words, store).journey
    assert main(["export", journey.id, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["format"], document["version"], document["written_by"]) == (
        "journey", 1, __version__)
    assert document["journeys"][0]["id"] == journey.id


def test_imported_ids_never_clash(words, store: Store) -> None:
    journey = start(words, store).journey
    path = DATA / "journeys-v1.json"
    for _ in range(2):
        assert main(["import", str(path)]) == 0
    ids = [s.id for s in store.list()] + [s.id for s in store.list(deleted=True)]
    assert len(ids) == len(set(ids)) == 7
    assert journey.id in ids


def test_restore_brings_back_a_backup_and_keeps_what_is_here(words, store: Store,
                                                             tmp_path: Path) -> None:
    keep = start(words, store, name="Keep")
    backup = tmp_path / "all.json"
    assert main(["backup", str(backup)]) == 0
    assert is_private(backup)
    keep.go_to_question("rights.who")
    keep.answer("person")  # changed after the backup
    fresh = Store(tmp_path / "elsewhere")
    added, same = fresh.restore(read(backup))
    assert [j.id for j in added] == [keep.journey.id]
    # Here, the journey changed since: the backup's comes back beside it, under a new id.
    added, same = store.restore(read(backup))
    assert same == 0 and added[0].id != keep.journey.id
    assert store.load(keep.journey.id).value("rights.who") == "person"
    # And a second restore of the same file adds nothing.
    assert store.restore(read(backup)) == ([], 1)


def test_schema_is_generated_from_the_models(capsys: pytest.CaptureFixture) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    kinds = schema["$defs"]["SavedJourney"]["properties"]["events"]["items"]["discriminator"]
    assert set(kinds["mapping"]) == {k for k, _ in event_kinds()}
    assert set(kinds["mapping"]) >= {"answer", "skip", "move", "undo", "sitting", "confirm",
                                     "note", "note-shared"}
    for kind, event in event_kinds():  # each kind names the model it is made from
        assert kinds["mapping"][kind] == f"#/$defs/{event.__name__}"
    assert schema["properties"]["version"]["const"] == 1
    assert "written_by" in schema["required"]


# -- bad files: each gets a plain message, the file is untouched, no journey is harmed -----


@pytest.fixture
def bad(tmp_path: Path, words, store: Store) -> tuple[Path, Store]:
    start(words, store, name="Here already")
    return tmp_path / "bad.json", store


def refused(path: Path, store: Store, says: str, capsys: pytest.CaptureFixture) -> None:
    before = path.read_bytes() if path.is_file() else None
    listed = store.list()
    for command in ("import", "restore"):
        assert main([command, str(path)]) == 1
        err = capsys.readouterr().err
        assert says in err, err
        assert "Traceback" not in err
    assert store.list() == listed
    if before is not None:
        assert path.read_bytes() == before


def newer(version: int, writer: str) -> dict:
    document = json.loads(FIXTURE.read_text())
    document["version"], document["written_by"] = version, writer
    return document


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is not a journey file"),
    (b"{not json", "is not a journey file"),
    (b'{"name": "journey", "version": "1.0.0"}', "is not a journey file"),
    (b"[1, 2, 3]", "is not a journey file"),
    (b'"journey"', "is not a journey file"),
    (b"[" * 100000 + b"]" * 100000, "is not a journey file"),
    (json.dumps(newer(2, "9.9.0")).encode(), "written by journey 9.9.0, in file format 2"),
    (json.dumps({"format": "journey", "version": 0}).encode(), "part of it is wrong"),
    (json.dumps({**newer(1, __version__), "journeys": [{"id": "x"}]}).encode(),
     "part of it is wrong (journeys.0.created"),
    ("{\"format\": \"journey\"}".encode("utf-16"), "is not saved as UTF-8"),
    ("{\"format\": \"journey\", \"name\": \"B\u00f6\"}".encode("latin-1"), "is not saved as UTF-8"),
])
def test_bad_files_are_refused(bad, capsys, content: bytes, says: str) -> None:
    path, store = bad
    path.write_bytes(content)
    refused(path, store, says, capsys)


def test_a_newer_writer_with_unknown_events_is_named(bad, capsys) -> None:
    path, store = bad
    document = newer(1, "0.9.0")
    kind = "phone-call"  # a kind of event this version does not know
    assert kind not in {k for k, _ in event_kinds()}
    document["journeys"][0]["events"].append({"kind": kind, "at": "2027-01-01T00:00:00Z"})
    path.write_text(json.dumps(document))
    refused(path, store, "written by journey 0.9.0", capsys)


def test_a_huge_file_is_refused_without_reading_it(bad, capsys) -> None:
    path, store = bad
    with path.open("wb") as f:
        f.truncate(interchange.MAX_BYTES + 1)  # sparse: costs no disk
    refused(path, store, "too big to be a journey file", capsys)


def test_missing_file_and_folder(bad, tmp_path: Path, capsys) -> None:
    _, store = bad
    refused(tmp_path / "nowhere.json", store, "There is no file at", capsys)
    refused(tmp_path, store, "is a folder or a device, not a journey file", capsys)


def test_one_bad_journey_in_a_file_adds_none_of_them(bad, capsys) -> None:
    path, store = bad
    document = json.loads(FIXTURE.read_text())
    document["journeys"][2]["events"][0]["role"] = "king"
    path.write_text(json.dumps(document))
    refused(path, store, "part of it is wrong (journeys.2.events.0", capsys)


def test_terminal_codes_in_a_file_are_taken_out(store: Store, tmp_path: Path) -> None:
    document = json.loads(FIXTURE.read_text())
    answer = document["journeys"][0]["events"][0]
    answer["value"] = "Ann\x1b]52;c;ZWNobyBvd25lZA==\x07\x1b[2J Example\x00"
    path = tmp_path / "codes.json"
    path.write_text(json.dumps(document))
    journey = read(path)[0].journey
    first = journey.events[0]
    assert isinstance(first, Answered) and first.value == "Ann Example"


# -- writing files: a full or read-only disk leaves what was there -----------------------


@pytest.mark.posix
def test_a_full_disk_while_writing_a_backup_leaves_the_old_backup(words, store: Store,
                                                                   journey_home: Path,
                                                                   tmp_path: Path) -> None:
    session = start(words, store)
    for n in range(30):
        session.answer(f"An answer long enough to fill the file {'x' * 3000} {n}",
                       move_on=False)
    target = tmp_path / "backup.json"
    target.write_text("the old backup")
    # The most a file may grow to in the child, as if the disk were full: room for the
    # journeys file's shared memory (32 KiB), not for a backup of 90 KiB and more.
    limit = 64 * 1024

    import resource  # POSIX only

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    store.close()
    result = subprocess.run(
        [sys.executable, "-m", "journey", "backup", str(target)], capture_output=True,
        text=True, env={**os.environ, "JOURNEY_HOME": str(journey_home)},
        preexec_fn=full_disk, check=False)
    assert result.returncode == 1
    assert "I could not write the file" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text() == "the old backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_folder_that_cannot_be_written(words, store: Store, tmp_path: Path,
                                         capsys: pytest.CaptureFixture) -> None:
    journey = start(words, store).journey
    assert main(["backup", str(tmp_path / "no" / "such" / "folder.json")]) == 1
    assert "I could not write the file" in capsys.readouterr().err
    assert main(["export", journey.id, "--format", "json", "-o", str(tmp_path)]) == 1
    assert "I could not write the file" in capsys.readouterr().err


def test_file_errors_are_plain(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="not a journey file"):
        read(tmp_path)
