"""Saved journeys: the summary kept for listing, migrations, delete and recover, rename and
duplicate, and one writer per journey."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from journey import __version__
from journey.content import Journey as Content
from journey.content import Kind
from journey.conversation.session import Session
from journey.core.flow import applicable
from journey.core.model import NAME_QUESTION, Answered, Moved, Role, now
from journey.core.progress import percent_done
from journey.store import events as stored
from journey.store.database import (
    DB_NAME,
    SCHEMA_VERSION,
    JourneyInUse,
    Store,
    StoreError,
    event_json,
)

from .helpers import start

DATA = Path(__file__).parent / "data"


def old_store(tmp_path: Path) -> Path:
    """A folder holding the version 1 database, rebuilt row for row from its SQL dump (kept
    as text, so no database file lives in the repository)."""
    home = tmp_path / "old"
    home.mkdir()
    db = sqlite3.connect(home / DB_NAME)
    db.executescript((DATA / "journeys-v1.sql").read_text(encoding="utf-8"))
    db.execute("PRAGMA journal_mode=WAL")  # as version 1 left its files
    db.close()
    return home


def finish_rights_in_v1(words: Content, home: Path) -> str:
    """Give Ann's journey, in the old file, the answers that "Your rights" has gained since
    the file was written, in the rows version 1 wrote, so one step of hers is done and the
    migration has a percent to work out. Returns her journey's id."""
    db = sqlite3.connect(home / DB_NAME)
    (ann,) = db.execute("SELECT journey FROM events WHERE question = ? AND body LIKE ?",
                        (NAME_QUESTION, '%"Ann Example"%')).fetchone()
    bodies = db.execute("SELECT body FROM events WHERE journey = ? ORDER BY seq", (ann,))
    old = stored.journey(json.dumps({"id": ann, "created": now().isoformat()})[:-1]
                         + f', "events": [{",".join(b for (b,) in bodies)}]}}')
    missing = [q for q in applicable(words, "rights", old.values()) if q.id not in old.answers]
    assert missing  # else the step is done already and this is not needed
    values = {Kind.TEXT: "Something to say", Kind.YESNO: "yes"}
    for seq, question in enumerate(missing, start=len(old.events) + 1):
        value = values[question.kind] if question.kind in values else question.choices[0].value
        event = Answered(question=question.id, value=value, by="Ann Example", role=Role.PERSON)
        db.execute("INSERT INTO events VALUES (?, ?, 'answer', ?, NULL, ?, ?)",
                   (ann, seq, question.id, event.at.isoformat(), event_json(event)))
    db.commit()
    db.close()
    return ann


def test_version_1_file_is_migrated_forward_with_every_event(words, tmp_path: Path) -> None:
    home = old_store(tmp_path)
    ann_id = finish_rights_in_v1(words, home)
    before = sqlite3.connect(home / DB_NAME)
    events_before = before.execute("SELECT journey, seq, body FROM events ORDER BY 1, 2").fetchall()
    assert before.execute("PRAGMA user_version").fetchone()[0] == 1
    before.close()

    store = Store(home)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("SELECT * FROM events ORDER BY 1, 2").fetchall()
    assert store.db.execute(
        "SELECT journey, seq, body FROM events ORDER BY 1, 2").fetchall() == events_before
    listed = {s.name: s for s in store.list()}
    assert set(listed) == {"Ann Example", "Bo", "Cy éè — 😀"}
    ann = listed["Ann Example"]
    assert ann.id == ann_id
    journey = store.load(ann.id)
    one_step_done = round(100 / len(words.steps))
    assert (ann.mode, ann.step, ann.percent) == ("self", "personal-budget", one_step_done)
    assert ann.percent == percent_done(words, journey)
    assert ann.updated == journey.updated
    assert listed["Bo"].mode == "behalf"
    # It resumes in the step where it stopped, with its answers. The question it stopped at
    # (what the money could help with) and one it answered (knowing about having a say in
    # the money) are no longer asked: it opens at the step's first open question, and the
    # answer it gave is kept in its history, counting for nothing.
    session = Session(words, store, journey)
    assert session.question.id == "personal-budget.known"
    assert journey.value("rights.who") == "person"
    assert journey.value("rights.knew") is None and "rights.knew" in journey.unfit
    assert [e.value for e in journey.history("rights.knew")] == ["yes", "no"]
    assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_migration_that_fails_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    home = old_store(tmp_path)
    db = sqlite3.connect(home / DB_NAME)
    db.execute("UPDATE events SET body = 'not json' WHERE seq = 3")
    db.commit()
    db.close()
    saved = (home / DB_NAME).read_bytes()
    with pytest.raises(StoreError):
        Store(home)
    assert (home / DB_NAME).read_bytes() == saved
    check = sqlite3.connect(home / DB_NAME)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()


def test_newer_file_names_the_version_that_wrote_it(tmp_path: Path) -> None:
    home = tmp_path / "newer"
    home.mkdir()
    db = sqlite3.connect(home / DB_NAME)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('written_by', '7.3.0')")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    saved = (home / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match=r"saved by journey 7\.3\.0") as e:
        Store(home)
    assert __version__ in str(e.value)
    assert (home / DB_NAME).read_bytes() == saved


def test_another_programs_database_is_not_touched(tmp_path: Path) -> None:
    home = tmp_path / "other"
    home.mkdir()
    db = sqlite3.connect(home / DB_NAME)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    saved = (home / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match="not a journey file"):
        Store(home)
    assert (home / DB_NAME).read_bytes() == saved


def test_summary_follows_every_event(words, store: Store) -> None:
    session = start(words, store)
    summary = store.summary(session.journey.id)
    assert (summary.name, summary.mode, summary.step, summary.percent) == (
        "Sam", "self", "rights", 0)
    answers = {"rights.hopes": "More time outdoors", "rights.why-now": "My mum moved away",
               "rights.who": "person", "rights.age": "adult"}
    while session.flow.state == "rights":  # every question of the step, in any order
        session.answer(answers[session.question.id])
    summary = store.summary(session.journey.id)
    assert summary.step == "assessment"
    assert summary.percent == session.percent_done() > 0
    assert summary.updated == session.journey.updated
    session.undo("rights.hopes")
    session.skip_step()
    session.go_to("dreams")
    summary = store.summary(session.journey.id)
    assert summary.percent == session.percent_done() == 0
    assert (summary.step, summary.updated) == ("dreams", session.journey.updated)


def test_list_newest_first_and_search_by_name_in_any_case(words, store: Store) -> None:
    ann = start(words, store, name="Ann Lee").journey.id
    bo = start(words, store, name="Bo Åström").journey.id
    start(words, store, name="Cy")
    assert [s.name for s in store.list()] == ["Cy", "Bo Åström", "Ann Lee"]
    assert [s.id for s in store.list("lee")] == [ann]
    assert [s.id for s in store.list("ÅSTR")] == [bo]
    assert store.list("nobody") == []
    assert len(store.list("  ")) == 3


def test_delete_recover_and_purge(words, store: Store) -> None:
    keep = start(words, store, name="Keep").journey.id
    gone = start(words, store, name="Gone").journey.id
    store.release(gone)
    deleted = store.delete(gone)
    assert deleted.deleted is not None
    assert deleted.purge_after - deleted.deleted == timedelta(days=30)
    assert [s.id for s in store.list()] == [keep]
    assert [s.id for s in store.list(deleted=True)] == [gone]
    with pytest.raises(KeyError):
        store.load(gone)
    assert store.load(gone, deleted=True).name == "Gone"
    store.recover(gone)
    assert {s.id for s in store.list()} == {keep, gone}
    store.purge(gone)
    with pytest.raises(KeyError):
        store.load(gone, deleted=True)
    assert store.db.execute("SELECT count(*) FROM events WHERE journey = ?",
                            (gone,)).fetchone() == (0,)
    assert b"Gone" not in (store.home / DB_NAME).read_bytes()
    assert [s.id for s in store.list()] == [keep]


def test_deleted_journeys_go_for_good_after_30_days(words, store: Store) -> None:
    old = start(words, store, name="Old").journey.id
    recent = start(words, store, name="Recent").journey.id
    store.close()
    db = sqlite3.connect(store.home / DB_NAME)
    db.execute("UPDATE journeys SET deleted = '2020-01-01T00:00:00+00:00' WHERE id = ?", (old,))
    db.execute("UPDATE journeys SET deleted = datetime('now', '-29 days') WHERE id = ?",
               (recent,))
    db.commit()
    db.close()
    again = Store(store.home)
    assert [s.id for s in again.list(deleted=True)] == [recent]
    assert again.db.execute("SELECT count(*) FROM events WHERE journey = ?",
                            (old,)).fetchone() == (0,)


def test_rename_is_a_new_answer_and_keeps_the_old_name(words, store: Store) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    store.release(journey_id)
    store.rename(journey_id, "Samira")
    journey = store.load(journey_id)
    assert journey.name == "Samira"
    assert [e.value for e in journey.history(NAME_QUESTION)] == ["Sam", "Samira"]
    assert store.summary(journey_id).name == "Samira"


def test_duplicate_starts_a_new_journey_from_the_old_answers(words, store: Store) -> None:
    session = start(words, store, name="Sam", mode="with")
    session.go_to_question("rights.who")
    session.answer("person")
    session.back()
    session.answer("carer")
    old = session.journey
    copy = store.duplicate(old.id)
    assert copy.id != old.id
    again = store.load(copy.id)
    assert again.answers.keys() == old.answers.keys()
    for question, answer in old.answers.items():
        assert again.answers[question] == answer  # same value, who and when
    assert [e.value for e in again.history("rights.who")] == ["carer"]
    assert again.position.step == "welcome"
    assert store.list()[0].id == copy.id  # the newest
    assert len(store.load(old.id).events) == len(old.events)


def test_one_writer_per_journey(words, store: Store) -> None:
    session = start(words, store)
    journey_id = session.journey.id
    other = Store(store.home)
    with pytest.raises(JourneyInUse, match="open in a second window"):
        other.record(other.load(journey_id), Moved(step="rights"))
    with pytest.raises(JourneyInUse):
        other.delete(journey_id)
    with pytest.raises(JourneyInUse):
        other.rename(journey_id, "X")
    assert store.load(journey_id).name == "Sam"
    store.release(journey_id)
    other.rename(journey_id, "Sam B")
    assert store.load(journey_id).name == "Sam B"
    other.close()


def test_disk_full_keeps_what_was_saved_and_harms_no_other_journey(words, store) -> None:
    first = start(words, store, name="First").journey
    session = start(words, store, name="Second")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StoreError, match="disk is full") as e:
        for n in range(1000):
            session.answer(f"Something long to say {'x' * 500} {n}", move_on=False)
    events = list(session.journey.events)
    assert "Free some space" in str(e.value)
    assert store.load(session.journey.id).events == events  # screen and disk agree
    assert store.load(first.id).events == first.events
    store.db.execute(f"PRAGMA max_page_count={pages * 100}")
    session.answer("There is room again", move_on=False)
    assert store.load(session.journey.id).value(session.question.id) == "There is room again"


def test_import_ids_never_clash(words, store: Store) -> None:
    from journey.store.database import Saved

    journey = start(words, store).journey
    added = store.add([Saved(journey), Saved(journey)], keep_ids=True)
    assert len({journey.id, *(j.id for j in added)}) == 3
    assert store.load(added[0].id).events == journey.events


def test_a_damaged_journey_body_is_a_plain_message(words, store: Store) -> None:
    journey = start(words, store).journey
    store.db.execute("UPDATE events SET body = '{\"kind\": \"answer\"' WHERE seq = 1")
    with pytest.raises(StoreError, match="damaged"):
        store.load(journey.id)


def test_answers_with_terminal_codes_are_saved_clean(words, store: Store) -> None:
    session = start(words, store, name="Sam\x1b]0;owned\x07\x1b[31m")
    session.answer("person")
    store.release(session.journey.id)
    assert store.summary(session.journey.id).name == "Sam"
    store.rename(session.journey.id, "Jo\x1b[2J\x00")
    assert store.load(session.journey.id).name == "Jo"


def test_welcome_answers_by_the_helper_keep_their_role(words, store: Store) -> None:
    session = start(words, store, mode="behalf")
    store.release(session.journey.id)
    store.rename(session.journey.id, "Sam Lee")
    last = store.load(session.journey.id).history(NAME_QUESTION)[-1]
    assert isinstance(last, Answered)
    assert (last.by, last.role) == ("Jo", Role.FACILITATOR)


def test_two_journeys_opening_an_old_file_at_once_migrate_it_once(tmp_path: Path) -> None:
    home = old_store(tmp_path)
    script = ("import sys; from pathlib import Path; from journey.store.database import Store; "
              "s = Store(Path(sys.argv[1])); print(len(s.list()))")
    runs = [subprocess.Popen([sys.executable, "-c", script, str(home)], text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [(r.wait(timeout=30), *r.communicate()) for r in runs]
    assert all(code == 0 and out.strip() == "3" for code, out, _ in results), results
    store = Store(home)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert len(store.list()) == 3
