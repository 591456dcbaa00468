"""Saved journeys in SQLite. Every event is committed the moment it is recorded.

The data folder is private to the user (0700) and its files too (0600), whatever the
umask. JOURNEY_HOME chooses the folder; otherwise the platform's user data folder.

The events are the journey. Beside each journey the store keeps a small summary (name,
mode, step reached, percent done, last changed), written in the same transaction as each
event: it is an index for speed, so listing thousands of journeys never replays their
events, and everything in it can be derived from the events again. The one thing kept
that is not derived is when a journey was deleted.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journey import __version__
from journey import content as content_files
from journey.content import Journey as Content
from journey.content import kept
from journey.core import drafts, fit
from journey.core.answers import NAME_LIMIT, clean_name
from journey.core.model import NAME_QUESTION, Answered, Event, Journey, Mode, Moved, Undone, now
from journey.core.saving import JourneyInUse, StoreError
from journey.store import own_events
from journey.store.lock import InUse, JourneyLock
from journey.store.private import is_disk_full, keep_private, make_private_folder, private_file

SCHEMA_VERSION = 2
DB_NAME = "journeys.db"
KEEP_DELETED = timedelta(days=30)
# The shape of the ids journey makes. An id from a file that has another shape is replaced:
# ids end up in file names, and a file must not choose where journey writes.
ID_SHAPE = re.compile(r"[0-9a-f]{8}")

_SCHEMA = """
CREATE TABLE journeys (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    -- The summary: derived from the events, kept so that listing is quick.
    name TEXT,
    mode TEXT NOT NULL DEFAULT 'self',
    step TEXT,
    percent INTEGER NOT NULL DEFAULT 0,
    updated TEXT NOT NULL,
    -- Not derived: when the person deleted the journey. It goes for good 30 days later.
    deleted TEXT
);
CREATE INDEX journeys_by_updated ON journeys (deleted, updated);
CREATE TABLE events (
    journey TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    question TEXT,
    step TEXT,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (journey, seq)
);
CREATE INDEX events_by_kind ON events (journey, kind, question, seq);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_SUMMARY = "name = ?, mode = ?, step = ?, percent = ?, updated = ?"

# What was typed into a question's box and not yet given (journey.core.drafts): not part of
# the journey, so made where missing rather than by a migration; a file with it still opens
# in an older journey, which leaves it be. It goes when its journey goes for good.
_DRAFTS = """
CREATE TABLE IF NOT EXISTS drafts (
    journey TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (journey, question)
)"""


@dataclass(frozen=True)
class Summary:
    id: str
    name: str | None
    mode: str
    step: str | None
    percent: int
    updated: datetime
    deleted: datetime | None = None

    @property
    def purge_after(self) -> datetime | None:
        return self.deleted + KEEP_DELETED if self.deleted else None


@dataclass(frozen=True)
class Saved:
    """A journey as it is kept, for files and copies: its events and when it was deleted."""

    journey: Journey
    deleted: datetime | None = None


def data_home() -> Path:
    return kept.data_home()  # found the same way as the key that seals what journey keeps


def _words() -> Content:
    return content_files.default()


def _private_dir(path: Path) -> None:
    """Make the data folder private. One the person has made read-only stays read-only."""
    try:
        make_private_folder(path)
        keep_private(path, folder=True)
    except OSError as e:
        raise _os_error(e, "error_folder", path) from None
    if not os.access(path, os.R_OK | os.X_OK):
        raise StoreError(_words().message("error_folder_access", path=path))


def _os_error(error: OSError, key: str, path: Path) -> StoreError:
    if is_disk_full(error):
        return StoreError(_words().message("error_disk_full"))
    return StoreError(_words().message(key, path=path, reason=error.strerror or error))


def _no_room(folder: Path) -> bool:
    try:
        space = os.statvfs(folder)
    except OSError:
        return False
    return space.f_bavail == 0 or (space.f_files > 0 and space.f_favail == 0)


def _sqlite_error(store: Store, error: Exception, default: str) -> StoreError:
    """What went wrong, in plain words. A full disk or a read-only folder is never called a
    damaged file: that advice could make a person move their only copy."""
    words = _words()
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text or (
            primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and _no_room(store.home)):
        # SQLite calls some failed writes to a full disk an I/O error: ask the disk.
        return StoreError(words.message("error_disk_full"))
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StoreError(words.message("error_read_only", path=store.home))
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (
            "locked" in text or "busy" in text):
        return StoreError(words.message("error_busy"))
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
            "malformed" in text or "not a database" in text):
        return store._damaged(error)
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM):
        return StoreError(words.message("error_file", path=store.path, reason=error))
    if default == "error_damaged":
        return store._damaged(error)
    return StoreError(words.message(default, reason=error))


class Store:
    def __init__(self, home: Path | None = None, content: Content | None = None) -> None:
        self.home = home or data_home()
        self.path = self.home / DB_NAME
        self._content = content
        self._locks: dict[str, JourneyLock] = {}
        # Ids given to new journeys not saved yet (see save).
        self._unsaved: set[str] = set()
        _private_dir(self.home)
        # A folder or file the person made read-only is opened read-only: journeys can
        # still be listed, exported and backed up, and nothing is changed.
        self.read_only = not os.access(self.home, os.W_OK) or (
            self.path.exists() and not os.access(self.path, os.W_OK))
        try:
            if self.read_only:
                if not self.path.exists():
                    raise StoreError(_words().message("error_read_only", path=self.home))
                self.db = self._connect_read_only()
            else:
                if not self.path.exists():
                    self._make_file()
                keep_private(self.path)
                self.db = sqlite3.connect(self.path, isolation_level=None,
                                          check_same_thread=False)
            info = self.path.stat()
        except OSError as e:
            raise _os_error(e, "error_file", self.path) from None
        except sqlite3.Error as e:
            raise _sqlite_error(self, e, "error_file") from None
        # Which file this is, to notice if it (or its folder) is deleted while journey runs.
        self._identity = (info.st_dev, info.st_ino)
        try:
            if info.st_size == 0:
                # journey never leaves an empty file (see _make_file): this one was damaged.
                raise sqlite3.DatabaseError("the file is empty")
            self._prepare()
        except sqlite3.Error as e:
            self.db.close()
            raise _sqlite_error(self, e, "error_damaged") from None
        except StoreError:
            self.db.close()
            raise
        for extra in ("-wal", "-shm"):
            side = self.path.with_name(DB_NAME + extra)
            if side.exists() and not self.read_only:
                with suppress(OSError):
                    keep_private(side)

    def _make_file(self) -> None:
        """A new journeys file, made whole beside its place and then linked into it, so a
        crash never leaves an empty or half-made file where journeys are kept."""
        part = self.home / f".{DB_NAME}.{os.getpid()}.{os.urandom(4).hex()}.new"
        try:
            fd = os.open(part, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            private_file(fd)
            os.close(fd)
            db = sqlite3.connect(part, isolation_level=None)
            try:
                with _Transaction(self, db, check=False):
                    self._create(db)
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                    self._set_writer(db)
            finally:
                db.close()
            try:
                os.link(part, self.path)  # never over a file another journey just made
            except FileExistsError:
                pass
            except OSError:
                # A file system without hard links: a rename, if no file came meanwhile.
                if not self.path.exists():
                    os.replace(part, self.path)
        finally:
            part.unlink(missing_ok=True)
            Path(f"{part}-journal").unlink(missing_ok=True)

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as e:
            if (e.sqlite_errorcode & 0xFF) != sqlite3.SQLITE_CANTOPEN:
                db.close()
                raise
            # A file in write-ahead mode whose folder cannot take the shared-memory file:
            # nothing can write here, so SQLite may read it as a file that cannot change.
            db.close()
            db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                 check_same_thread=False)
        return db

    @property
    def words(self) -> Content:
        if self._content is None:
            self._content = _words()
        return self._content

    def _prepare(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            writer = self._writer()
            raise StoreError(
                _words().message("error_newer_file", path=self.path, writer=writer,
                                 ours=__version__) if writer else
                _words().message("error_newer_unknown", path=self.path, ours=__version__))
        self.db.execute("PRAGMA foreign_keys=ON")
        if self.read_only:
            if version < SCHEMA_VERSION:
                # Bringing an older file forward means writing to it.
                raise StoreError(_words().message("error_read_only", path=self.home))
            return
        # Deleted journeys hold health and family details: overwrite them, do not just
        # mark the space free.
        self.db.execute("PRAGMA secure_delete=ON")
        self.db.execute("PRAGMA synchronous=FULL")
        if version < SCHEMA_VERSION:
            # In one transaction, before anything else changes the file: if a migration
            # fails, the older file is left exactly as it was.
            with self._transaction():
                # Read again under the write lock: another journey may have just done it.
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    self._create(self.db)
                for older in range(version, SCHEMA_VERSION) if version else ():
                    MIGRATIONS[older](self)
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self._set_writer(self.db)
        elif self._writer() != __version__:
            with self._transaction():
                self._set_writer(self.db)
        if not self._has_drafts():
            with self._transaction():
                self.db.execute(_DRAFTS)
        self.db.execute("PRAGMA journal_mode=WAL")
        self._purge_expired()

    def _has_drafts(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'drafts'").fetchone() is not None

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # Some other program's database: leave it exactly as it is.
            raise sqlite3.DatabaseError("not a journey file")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)

    def _writer(self) -> str | None:
        """Which version of journey last wrote this file, if it says."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()
        except sqlite3.DatabaseError:
            row = None
        return str(row[0]) if row else None

    @staticmethod
    def _set_writer(db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('written_by', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (__version__,))

    def close(self) -> None:
        for lock in self._locks.values():
            lock.release()
        self._locks.clear()
        self.db.close()

    # -- one writer per journey ----------------------------------------------------------

    def lock(self, journey_id: str) -> None:
        """Take this journey for writing, or say plainly that another journey has it."""
        if journey_id in self._locks:
            return
        if self.read_only:
            raise StoreError(_words().message("error_read_only", path=self.home))
        try:
            self._locks[journey_id] = JourneyLock(self.home, journey_id)
        except InUse:
            raise JourneyInUse(_words().message("error_in_use")) from None
        except OSError as e:
            raise _os_error(e, "error_folder", self.home) from None

    def release(self, journey_id: str) -> None:
        lock = self._locks.pop(journey_id, None)
        if lock is not None:
            lock.release()

    @contextmanager
    def _writing(self, journey_id: str) -> Iterator[None]:
        """Hold the journey's lock for one change, unless it was held already. An id that
        names no journey here leaves no lock file behind."""
        held = journey_id in self._locks
        self.lock(journey_id)
        try:
            yield
        except KeyError:
            if not held and not self._exists(journey_id):
                self._locks.pop(journey_id).discard()
            raise
        finally:
            if not held:
                self.release(journey_id)

    def _exists(self, journey_id: str) -> bool:
        with self._reading():
            return self.db.execute(
                "SELECT 1 FROM journeys WHERE id = ?", (journey_id,)).fetchone() is not None

    # -- writing -------------------------------------------------------------------------

    def create(self) -> Journey:
        """A new journey. It is written to disk with its first event, so opening journey
        and leaving without a word leaves nothing behind."""
        journey = Journey(id=self._new_id())
        self._unsaved.add(journey.id)
        return journey

    def _new_id(self) -> str:
        with self._reading():
            while True:
                candidate = os.urandom(4).hex()
                taken = self.db.execute(
                    "SELECT 1 FROM journeys WHERE id = ?", (candidate,)).fetchone()
                if not taken and candidate not in self._locks and (
                        candidate not in self._unsaved):
                    return candidate

    def record(self, journey: Journey, event: Event) -> None:
        """Save one event and the journey's summary in one transaction. The event is added
        to the journey in memory first, so the summary sees it; if saving fails it is taken
        out again, so screen and disk never disagree."""
        journey.record(event)
        try:
            self.save(journey, [event])
        except BaseException:
            journey.forget(event)
            raise

    def save(self, journey: Journey, events: Sequence[Event]) -> None:
        """Save events already added to the journey, its last ones, with its summary, in one
        transaction: every one or none. An answer and the move it makes are saved so, and
        a full disk between them can never keep one without the other."""
        # A journey's first events: its id was given when it was made, and another journey
        # (a restore, an import, another window) may have taken it since.
        new = journey.id in self._unsaved
        try:
            self.lock(journey.id)
        except JourneyInUse:
            if not new:
                raise
            self._own_id(journey)
        with self._transaction():
            if new and self._exists(journey.id):
                self._own_id(journey)
            # Only answers change how much is done; for other events the percent kept
            # stands, which spares working it out on every move.
            kept = 0
            if not any(isinstance(event, Answered | Undone) for event in events):
                name, mode, step, _, updated = self._summary_of(journey, percent=False)
                kept = self.db.execute(
                    "UPDATE journeys SET name = ?, mode = ?, step = ?, updated = ? "
                    "WHERE id = ?", (name, mode, step, updated, journey.id)).rowcount
            if not kept:
                self.db.execute(
                    "INSERT INTO journeys (id, created, name, mode, step, percent, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    "name = excluded.name, mode = excluded.mode, step = excluded.step, "
                    "percent = excluded.percent, updated = excluded.updated",
                    (journey.id, _utc(journey.created), *self._summary_of(journey)),
                )
            for event in events:
                self.db.execute(
                    "INSERT INTO events (journey, seq, kind, question, step, at, body) "
                    "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM events "
                    "WHERE journey = ?), ?, ?, ?, ?, ?)",
                    (journey.id, journey.id, *_columns(event)),
                )
                if isinstance(event, Answered):
                    # The answer replaces what was typed towards it, in the same breath.
                    self.db.execute("DELETE FROM drafts WHERE journey = ? AND question = ?",
                                    (journey.id, event.question))
        self._unsaved.discard(journey.id)

    def _own_id(self, journey: Journey) -> None:
        """A new id for a journey not yet saved whose id another journey has taken, so its
        events never join the other's."""
        taken = journey.id
        journey.id = self._new_id()
        self._unsaved.discard(taken)
        self._unsaved.add(journey.id)
        self.lock(journey.id)
        self.release(taken)

    def keep_draft(self, journey_id: str, question: str, fields: dict[str, str]) -> bool:
        """Keep what is typed in a question's box, in place of any draft kept before; with
        nothing typed, forget it. A journey not yet saved has nowhere to keep one: False."""
        draft = drafts.kept(fields)
        with self._writing(journey_id), self._transaction():
            if not draft:
                self.db.execute("DELETE FROM drafts WHERE journey = ? AND question = ?",
                                (journey_id, question))
                return False
            return bool(self.db.execute(
                "INSERT INTO drafts (journey, question, at, body) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM journeys WHERE id = ?) "
                "ON CONFLICT (journey, question) DO UPDATE SET "
                "at = excluded.at, body = excluded.body",
                (journey_id, question, _utc(now()), drafts.body(draft), journey_id)).rowcount)

    def draft(self, journey_id: str, question: str) -> dict[str, str]:
        """What was typed towards a question and not given, if anything; a draft that
        cannot be read is no draft."""
        if not self._has_drafts():
            return {}  # a file no journey that keeps drafts has written to
        with self._reading():
            row = self.db.execute(
                "SELECT body FROM drafts WHERE journey = ? AND question = ?",
                (journey_id, question)).fetchone()
        return drafts.read(row[0]) if row else {}

    def _summary_of(self, journey: Journey, percent: bool = True
                    ) -> tuple[str | None, str, str | None, int | None, str]:
        from journey.core.progress import percent_done  # not needed to list journeys

        name = journey.name
        where = journey.position
        return (
            name if isinstance(name, str) else None,
            journey.mode.value,
            where.step if where else None,
            percent_done(self.words, journey) if percent else None,
            _utc(journey.updated),
        )

    def _resummarise(self, journey_id: str) -> None:
        journey = self._load(journey_id)
        self.db.execute(f"UPDATE journeys SET {_SUMMARY} WHERE id = ?",
                        (*self._summary_of(journey), journey_id))

    def rename(self, journey_id: str, name: str) -> Journey:
        """A new name is a new answer to the name question, so the old one stays in its
        history."""
        with self._writing(journey_id):
            journey = self.load(journey_id)
            by, role = journey.speaker(NAME_QUESTION)
            self.record(journey, Answered(question=NAME_QUESTION, value=clean_name(name),
                                          by=by, role=role))
        return journey

    def duplicate(self, journey_id: str) -> Journey:
        """A new journey starting from an old one's answers, for a review. Each answer keeps
        who gave it and when; the old journey's history stays with the old journey."""
        from journey.core.flow import WELCOME  # the flow machine, not needed to list journeys

        old = self.load(journey_id)
        events: list[Event] = [a for a in old.events
                               if isinstance(a, Answered) and old.answers.get(a.question) is a]
        events.append(Moved(step=WELCOME))
        copy = Journey(id="", events=events)
        return self.add([Saved(copy)], keep_ids=False)[0]

    def delete(self, journey_id: str) -> Summary:
        """Put a journey aside. It can be recovered for 30 days, then it goes for good."""
        with self._writing(journey_id):
            with self._transaction():
                found = self.db.execute(
                    "UPDATE journeys SET deleted = ? WHERE id = ? AND deleted IS NULL",
                    (_utc(now()), journey_id)).rowcount
            if not found:
                raise KeyError(journey_id)
        return self.summary(journey_id)

    def recover(self, journey_id: str) -> Summary:
        with self._transaction():
            found = self.db.execute(
                "UPDATE journeys SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL",
                (journey_id,)).rowcount
        if not found:
            raise KeyError(journey_id)
        return self.summary(journey_id)

    def purge(self, journey_id: str) -> None:
        """Remove a journey and all its events for good, leaving nothing in the file."""
        with self._writing(journey_id):
            with self._transaction():
                found = self.db.execute(
                    "DELETE FROM journeys WHERE id = ?", (journey_id,)).rowcount
            if not found:
                raise KeyError(journey_id)
            self._locks[journey_id].discard()
        self._checkpoint()

    def _purge_expired(self) -> None:
        cutoff = _utc(now() - KEEP_DELETED)
        expired = "FROM journeys WHERE deleted IS NOT NULL AND deleted < ?"
        if not self.db.execute(f"SELECT 1 {expired} LIMIT 1", (cutoff,)).fetchone():
            return  # the usual case: nothing to do, and no need to take the write lock
        try:
            with self._transaction():
                self.db.execute(f"DELETE {expired}", (cutoff,))
        except StoreError:
            return  # a read-only folder, or busy: try again next time
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the file and empty it, so removed journeys do not
        linger there."""
        with suppress(sqlite3.Error):  # a reader is busy: the next checkpoint does it
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def add(self, journeys: Sequence[Saved], *, keep_ids: bool) -> list[Journey]:
        """Add whole journeys, all in one transaction: every one or none. With keep_ids a
        journey keeps its id unless a journey here already has it; otherwise each gets a
        new id. Returns the journeys as added."""
        with self._transaction():
            return self._add(journeys, keep_ids=keep_ids)

    def _add(self, journeys: Sequence[Saved], *, keep_ids: bool) -> list[Journey]:
        """Add whole journeys, inside a write transaction already begun: which ids are
        taken is read under the same write lock that adds them."""
        added: list[Journey] = []
        for saved in journeys:
            old = saved.journey
            taken = self.db.execute(
                "SELECT 1 FROM journeys WHERE id = ?", (old.id,)).fetchone()
            keep = (keep_ids and ID_SHAPE.fullmatch(old.id) and not taken
                    and old.id not in self._locks)
            # Built afresh, so what is derived comes from these events alone.
            journey = fit.check(self.words, Journey(
                id=old.id if keep else self._new_id(), created=old.created,
                events=old.events))
            self.db.execute(
                "INSERT INTO journeys (id, created, name, mode, step, percent, updated, "
                "deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (journey.id, _utc(journey.created), *self._summary_of(journey),
                 _utc(saved.deleted) if saved.deleted else None),
            )
            self.db.executemany(
                "INSERT INTO events (journey, seq, kind, question, step, at, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(journey.id, seq, *_columns(e))
                 for seq, e in enumerate(journey.events, start=1)],
            )
            added.append(journey)
        return added

    def restore(self, journeys: Sequence[Saved]) -> tuple[list[Journey], int]:
        """Bring back journeys from a backup, in one transaction. A journey already here
        with the same events is left as it is; one whose id is taken by a different journey
        comes back beside it with a new id. Nothing here is removed or changed. Returns the
        journeys added and how many were here already."""
        # What is here already is decided under the write lock that adds the rest: a
        # restore running at the same moment waits, then finds these here.
        with self._transaction():
            fresh = [saved for saved in journeys if not self._here(saved.journey)]
            return self._add(fresh, keep_ids=True), len(journeys) - len(fresh)

    def _here(self, journey: Journey) -> bool:
        """Whether this journey is here already: under its own id, or restored before
        beside a changed one (a copy keeps the time its journey began)."""
        with self._reading():
            rows = self.db.execute(
                "SELECT id FROM journeys WHERE id = ? OR created = ?",
                (journey.id, _utc(journey.created))).fetchall()
        return any(self._load(i).events == journey.events for (i,) in rows)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as e:
            raise _sqlite_error(self, e, "error_damaged") from None

    def _transaction(self) -> _Transaction:
        return _Transaction(self, self.db)

    def _check_still_there(self) -> None:
        """Say so if the journeys file, or its folder, was deleted or moved while journey
        ran: SQLite would go on writing to a file no one can find again."""
        try:
            info = self.path.stat()
        except OSError:
            info = None
        if info is None or (info.st_dev, info.st_ino) != self._identity:
            raise StoreError(_words().message("error_folder_gone", path=self.home))

    def _damaged(self, error: Exception) -> StoreError:
        # Events that cannot be read (journey.store.events) say first what is wrong.
        reason = getattr(error, "reason", error)
        return StoreError(_words().message("error_damaged", path=self.path, reason=reason))

    # -- reading -------------------------------------------------------------------------

    def load(self, journey_id: str, *, deleted: bool = False) -> Journey:
        """A saved journey. A deleted one is not found unless asked for."""
        with self._reading():
            row = self.db.execute(
                "SELECT deleted FROM journeys WHERE id = ?", (journey_id,)).fetchone()
            if row is None or (row[0] and not deleted):
                raise KeyError(journey_id)
            return self._load(journey_id)

    def _load(self, journey_id: str) -> Journey:
        created, = self.db.execute(
            "SELECT created FROM journeys WHERE id = ?", (journey_id,)).fetchone()
        bodies = self.db.execute(
            "SELECT body FROM events WHERE journey = ? ORDER BY seq", (journey_id,)
        ).fetchall()
        try:  # events just as journey wrote them are read without loading pydantic
            journey = own_events.journey(journey_id, created, [b for (b,) in bodies])
        except own_events.NotOwn:
            journey = self._strictly(journey_id, created, bodies)
        return fit.check(self.words, journey)

    def _strictly(self, journey_id: str, created: object, bodies: list[tuple[str]]) -> Journey:
        """Events that are not just as journey writes them, checked one by one (pydantic)."""
        from journey.store import events as stored

        # Events are stored as their own JSON, so the journey is parsed in one pass.
        head = json.dumps({"id": journey_id, "created": created})[:-1]
        try:
            return stored.journey(f'{head}, "events": [{",".join(b for (b,) in bodies)}]}}')
        except stored.Unreadable as e:
            raise self._damaged(e) from None

    def saved(self, journey_ids: Sequence[str] | None = None) -> Iterator[Saved]:
        """Journeys as kept, deleted ones too: every one, or those asked for."""
        with self._reading():
            rows = self.db.execute("SELECT id, deleted FROM journeys ORDER BY created").fetchall()
            wanted = None if journey_ids is None else set(journey_ids)
            for journey_id, deleted in rows:
                if wanted is None or journey_id in wanted:
                    yield Saved(self._load(journey_id),
                                datetime.fromisoformat(deleted) if deleted else None)

    def summary(self, journey_id: str) -> Summary:
        with self._reading():
            row = self.db.execute(_LIST + " WHERE id = ?", (journey_id,)).fetchone()
            if row is None:
                raise KeyError(journey_id)
            return self._summary_row(row)

    def list(self, search: str | None = None, *, deleted: bool = False) -> list[Summary]:
        """Journeys, most recently changed first: those in use, or those deleted. search
        keeps those whose name holds it, in any case."""
        where = "deleted IS NOT NULL" if deleted else "deleted IS NULL"
        with self._reading():
            rows = self.db.execute(
                f"{_LIST} WHERE {where} ORDER BY updated DESC").fetchall()
            if search and search.strip():
                wanted = search.strip().casefold()
                rows = [r for r in rows if isinstance(r[1], str) and wanted in r[1].casefold()]
            return [self._summary_row(r) for r in rows]

    def answered(self, question: str) -> set[str]:
        """The journeys with any answer, ever, to this question: a quick first sift (an
        index), before loading only those to read the answer as it stands."""
        with self._reading():
            return {r[0] for r in self.db.execute(
                "SELECT DISTINCT journey FROM events WHERE kind = 'answer' AND question = ?",
                (question,))}

    def _summary_row(self, row: tuple) -> Summary:
        """A journey's summary as kept, or, if the kept one cannot be read (a hand-edited
        file, say), made again from its events: the summary is only an index."""
        try:
            return _summary(row)
        except (ValueError, TypeError):
            pass
        journey = self._load(row[0])
        name, mode, step, percent, updated = self._summary_of(journey)
        deleted = row[6]
        try:
            when = datetime.fromisoformat(deleted) if isinstance(deleted, str) else None
        except ValueError:
            when = None
        if deleted and when is None:
            when = now()  # deleted, but when is unreadable: keep it the full 30 days
        return Summary(id=row[0], name=_list_name(name), mode=mode, step=step,
                       percent=percent or 0, updated=datetime.fromisoformat(updated),
                       deleted=when)


def _utc(moment: datetime) -> str:
    """Times are kept in UTC, so that they sort as text."""
    return moment.astimezone(UTC).isoformat()


# A name longer than this was not kept by journey: no need to read all of it to list it.
_LIST = ("SELECT id, substr(name, 1, 4000), mode, step, percent, updated, deleted "
         "FROM journeys")


def _summary(row: tuple) -> Summary:
    """Raises ValueError or TypeError for a row journey did not write."""
    journey_id, name, mode, step, percent, updated, deleted = row
    if not (isinstance(name, str | None) and isinstance(step, str | None)
            and isinstance(percent, int) and isinstance(deleted, str | None)):
        raise TypeError("not a summary journey wrote")
    return Summary(id=journey_id, name=_list_name(name), mode=Mode(mode).value, step=step,
                   percent=percent, updated=datetime.fromisoformat(updated),
                   deleted=datetime.fromisoformat(deleted) if deleted else None)


def _list_name(name: str | None) -> str | None:
    """Names are cleaned as they come in; clean again, so a file written by an older
    journey, or edited, never shows a name on two lines or one too long to list."""
    if name is None or (name.isprintable() and len(name) <= NAME_LIMIT):
        return name
    return clean_name(name)


def _columns(event: Event) -> tuple[str, str | None, str | None, str, str]:
    """An event's kind and what it is about, for the index, and its own JSON."""
    kind = getattr(event, "kind", type(event).__name__)
    return (kind, getattr(event, "question", None), getattr(event, "step", None),
            event.at.isoformat(), event_json(event))


def event_json(event: Event) -> str:
    """An event as it is stored: compact JSON, its fields in order, times in UTC written
    with a Z, as journey has always written them."""
    from journey.core.model import as_dict

    return json.dumps(as_dict(event), ensure_ascii=False, separators=(",", ":"),
                      default=_json_value)


def _json_value(value: object) -> object:
    """What JSON has no type for, written as pydantic wrote it."""
    from datetime import date
    from decimal import Decimal

    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return list(value)
    raise TypeError(f"{type(value).__name__} cannot be saved")


# -- migrations: each takes a file from one schema version to the next -------------------


def _v1_to_v2(store: Store) -> None:
    """Version 1 kept only the events. Add the summary, derived from them, and the table
    that says which version of journey wrote the file."""
    db = store.db
    for column in ("name TEXT", "mode TEXT NOT NULL DEFAULT 'self'", "step TEXT",
                   "percent INTEGER NOT NULL DEFAULT 0", "updated TEXT NOT NULL DEFAULT ''",
                   "deleted TEXT"):
        db.execute(f"ALTER TABLE journeys ADD COLUMN {column}")
    db.execute("CREATE INDEX journeys_by_updated ON journeys (deleted, updated)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for (journey_id,) in db.execute("SELECT id FROM journeys").fetchall():
        store._resummarise(journey_id)


MIGRATIONS = {1: _v1_to_v2}


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error, with errors in plain words."""

    def __init__(self, store: Store, db: sqlite3.Connection, *, check: bool = True) -> None:
        self.store = store
        self.db = db
        self.check = check

    def __enter__(self) -> None:
        if self.check:
            if self.store.read_only:
                raise StoreError(_words().message("error_read_only", path=self.store.home))
            self.store._check_still_there()
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise _sqlite_error(self.store, e, "error_not_saved") from None

    def __exit__(self, kind: type | None, error: BaseException | None, tb: object) -> None:
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as e:
                error = e
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise _sqlite_error(self.store, error, "error_not_saved") from None
