"""Saved journeys in SQLite. Every event is committed the moment it is recorded.

The data folder is private to the user (0700) and the database file too (0600), whatever
the umask. JOURNEY_HOME chooses the folder; otherwise the platform's user data folder.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journey.model import NAME_QUESTION, AnyEvent, Journey
from journey.private import create_private

SCHEMA_VERSION = 1
DB_NAME = "journeys.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS journeys (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    journey TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    question TEXT,
    step TEXT,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (journey, seq)
);
CREATE INDEX IF NOT EXISTS events_by_kind ON events (journey, kind, question, seq);
"""


class StoreError(Exception):
    """Something went wrong with the saved journeys. The message is in plain words."""


@dataclass(frozen=True)
class Summary:
    id: str
    name: str | None
    step: str | None
    updated: datetime


def data_home() -> Path:
    override = os.environ.get("JOURNEY_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("journey", appauthor=False)


def _private_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.chmod(0o700)
    except OSError as e:
        raise StoreError(f"The folder {path} cannot be used: {e.strerror or e}.") from None
    if not os.access(path, os.R_OK | os.W_OK | os.X_OK):
        raise StoreError(f"The folder {path} cannot be read or written.")


class Store:
    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()
        self.path = self.home / DB_NAME
        _private_dir(self.home)
        try:
            create_private(self.path)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._prepare()
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"The file {self.path} is damaged or is not a journey file ({e}). "
                "It has been left as it is."
            ) from None
        except OSError as e:
            raise StoreError(f"The file {self.path} cannot be used: {e.strerror or e}.") from None
        for extra in ("-wal", "-shm"):
            side = self.path.with_name(DB_NAME + extra)
            if side.exists():
                side.chmod(0o600)

    def _prepare(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The journeys in {self.path} were saved by a newer version of journey "
                f"(format {version}). Please update journey to open them."
            )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA foreign_keys=ON")
        if version < SCHEMA_VERSION:
            self.db.executescript(_SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};")

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------------------

    def create(self) -> Journey:
        """A new journey. It is written to disk with its first event, so opening journey
        and leaving without a word leaves nothing behind."""
        return Journey(id=secrets.token_hex(4))

    def record(self, journey: Journey, event: AnyEvent) -> None:
        """Save one event, then add it to the journey in memory. If saving fails the
        journey in memory is left as it was, so screen and disk never disagree."""
        question = getattr(event, "question", None)
        step = getattr(event, "step", None)
        with self._transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO journeys (id, created) VALUES (?, ?)",
                (journey.id, journey.created.isoformat()),
            )
            self.db.execute(
                "INSERT INTO events (journey, seq, kind, question, step, at, body) "
                "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM events WHERE journey = ?), "
                "?, ?, ?, ?, ?)",
                (journey.id, journey.id, event.kind, question, step,
                 event.at.isoformat(), event.model_dump_json()),
            )
        journey.record(event)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- reading -------------------------------------------------------------------------

    def load(self, journey_id: str) -> Journey:
        row = self.db.execute(
            "SELECT id, created FROM journeys WHERE id = ?", (journey_id,)
        ).fetchone()
        if row is None:
            raise KeyError(journey_id)
        bodies = self.db.execute(
            "SELECT body FROM events WHERE journey = ? ORDER BY seq", (journey_id,)
        ).fetchall()
        # Events are stored as their own JSON, so the journey is parsed in one pass.
        head = json.dumps({"id": row[0], "created": row[1]})[:-1]
        return Journey.model_validate_json(
            f'{head}, "events": [{",".join(b for (b,) in bodies)}]}}'
        )

    def list(self) -> list[Summary]:
        """Every journey, most recently changed first."""
        rows = self.db.execute(
            """
            SELECT j.id,
                (SELECT json_extract(body, '$.value') FROM events
                  WHERE journey = j.id AND kind = 'answer' AND question = ?
                  ORDER BY seq DESC LIMIT 1),
                (SELECT step FROM events
                  WHERE journey = j.id AND kind = 'move' ORDER BY seq DESC LIMIT 1),
                coalesce((SELECT at FROM events WHERE journey = j.id
                  ORDER BY seq DESC LIMIT 1), j.created) AS updated
            FROM journeys j ORDER BY updated DESC
            """,
            (NAME_QUESTION,),
        ).fetchall()
        return [
            Summary(id=i, name=n if isinstance(n, str) else None, step=s,
                    updated=datetime.fromisoformat(u))
            for i, n, s, u in rows
        ]


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error, with errors in plain words."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(_plain(e)) from None

    def __exit__(self, kind: type | None, error: BaseException | None, tb: object) -> None:
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as e:
                error = e
        self.db.execute("ROLLBACK") if self.db.in_transaction else None
        if isinstance(error, sqlite3.Error):
            raise StoreError(_plain(error)) from None


def _plain(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return "The disk is full. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "The folder where journeys are kept cannot be written to."
    if "locked" in text or "busy" in text:
        return "Another copy of journey is saving at the same moment. Please try again."
    return f"The journey file could not be saved ({error})."
