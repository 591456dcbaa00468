"""The journey file: journeys as JSON, to move them to another machine, keep a backup, or
read them with other tools.

A file holds one journey (`journey export ID --format json`) or all of them
(`journey backup FILE`). Each journey is its full list of events, exactly as saved, so
nothing is lost: every answer with who gave it and when, every undo, skip and move, each
sitting, agreement and facilitator's note (left out only on request). The
events are written through the model's own event types, so a new kind of event travels
in these files with no change here. `journey schema` prints the JSON Schema, generated
from these models.

Reading a file never trusts it: only an ordinary file is read (never a device, a pipe or a
folder, and without waiting on one), and no more of it than the size limit; its text must be
UTF-8, it must say it is a journey file, and a newer format is refused with the version of
journey that wrote it. Older formats are brought forward by MIGRATIONS before checking.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from journey import __version__
from journey import content as content_files
from journey.core.answers import clean_name, clean_value
from journey.core.model import NAME_QUESTION, Answered, Event, Journey, now
from journey.store.database import Saved
from journey.store.events import AnyEvent, first_problem

FORMAT = "journey"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024  # far more than any real journey; a bigger file is refused
SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


class SavedJourney(BaseModel):
    """One journey: its id, when it began, and every event in the order it happened."""

    model_config = ConfigDict(extra="forbid")

    id: str
    created: datetime = Field(description="When the journey began.")
    events: list[AnyEvent] = Field(
        description="Everything that happened, oldest first: answers with who gave them "
                    "and when, undos, skipped steps, moves, sittings, agreements and "
                    "facilitators' notes.")
    deleted: datetime | None = Field(
        default=None,
        description="When the journey was deleted, if it was. It goes for good 30 days later.",
    )


class JourneyFile(BaseModel):
    """A journey interchange file, written by `journey export ID --format json` (one
    journey) or `journey backup FILE` (all of them)."""

    model_config = ConfigDict(
        extra="forbid", title="journey file",
        json_schema_extra={"$schema": SCHEMA_URI},
    )

    format: Literal["journey"] = Field(description="Always \"journey\".")
    version: Literal[1] = Field(
        description="The version of this file format. A reader refuses a newer one.")
    written_by: str = Field(description="The version of journey that wrote the file.")
    written: datetime = Field(description="When the file was written.")
    journeys: list[SavedJourney]


class FileError(Exception):
    """A file that cannot be read as journeys. The message is in plain words."""


# Each takes the data of a file from one format version to the next. There is only
# version 1 so far.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def dump(saved: Sequence[Saved]) -> str:
    document = JourneyFile(
        format=FORMAT, version=FORMAT_VERSION, written_by=__version__, written=now(),
        journeys=[SavedJourney(id=s.journey.id, created=s.journey.created,
                               events=s.journey.events, deleted=s.deleted) for s in saved],
    )
    return document.model_dump_json(indent=1) + "\n"


def schema() -> str:
    return json.dumps(JourneyFile.model_json_schema(), indent=2) + "\n"


def read(path: Path) -> list[Saved]:
    words = content_files.default()

    def refuse(key: str, **values: object) -> FileError:
        return FileError(words.message(key, path=path, **values))

    try:
        raw = _read_bounded(path)
    except FileNotFoundError:
        raise refuse("error_no_file") from None
    except _NotAFile:
        raise refuse("error_not_a_file_to_read") from None
    except _TooBig as e:
        raise refuse("error_file_huge", size=e.size // 2**20, limit=MAX_BYTES // 2**20) from None
    except OSError as e:
        raise refuse("error_read_file", reason=e.strerror or e) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse("error_file_encoding") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise refuse("error_not_journey_file") from None
    if _LONE_SURROGATE.search(text):
        data = _whole_letters(data)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse("error_not_journey_file")
    version, writer = data.get("version"), str(data.get("written_by", "?"))[:40]
    if not isinstance(version, int) or version < 1:
        raise refuse("error_damaged_journey_file", where="version", problem=version)
    if version > FORMAT_VERSION:
        raise refuse("error_newer_journey_file", writer=clean_value(writer), version=version,
                     ours=__version__, supported=FORMAT_VERSION)
    while data["version"] < FORMAT_VERSION:
        data = MIGRATIONS[data["version"]](data)
    # What a file says is data: terminal codes are taken out before anything is kept.
    data["journeys"] = clean_value(data.get("journeys"))
    try:
        document = JourneyFile.model_validate(data)
    except ValidationError as e:
        if _newer(writer):
            raise refuse("error_newer_journey_file", writer=clean_value(writer),
                          version=version, ours=__version__, supported=FORMAT_VERSION) from None
        where, problem = first_problem(e)
        raise refuse("error_damaged_journey_file", where=where or "file",
                     problem=problem) from None
    return [Saved(Journey(id=j.id, created=j.created, events=[_named(e) for e in j.events]),
                  j.deleted)
            for j in document.journeys]


class _NotAFile(Exception):
    pass


class _TooBig(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


# Windows has neither O_NONBLOCK nor O_CLOEXEC (its files are not passed on to other
# programs unless asked), and needs O_BINARY, or reading would turn line ends around.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def _read_bounded(path: Path) -> bytes:
    """The bytes of an ordinary file, at most MAX_BYTES of them. Opened without waiting, so
    a pipe with no writer cannot hang journey; a device, pipe or folder is refused before
    anything is read (stat says 0 bytes for /dev/zero, which never ends)."""
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _NotAFile
    if info.st_size > MAX_BYTES:
        os.close(fd)
        raise _TooBig(info.st_size)
    with os.fdopen(fd, "rb") as f:
        raw = f.read(MAX_BYTES + 1)  # the file may have grown since it was measured
    if len(raw) > MAX_BYTES:
        raise _TooBig(len(raw))
    return raw


# JSON can name half of a UTF-16 pair (\ud800) on its own: no letter, and text that cannot
# be saved. Each one becomes the replacement character.
_LONE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _whole_letters(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_whole_letters(v) for v in value]
    if isinstance(value, dict):
        return {_whole_letters(k): _whole_letters(v) for k, v in value.items()}
    return value


def _named(event: Event) -> Event:
    """A name from a file is kept as journey keeps names: on one line, not too long."""
    if (isinstance(event, Answered) and event.question == NAME_QUESTION
            and isinstance(event.value, str)):
        return replace(event, value=clean_name(event.value))
    return event


def _newer(writer: str) -> bool:
    """Whether a version of journey is newer than this one ("0.2.0" > "0.1.0")."""
    def parts(version: str) -> tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))
    return parts(writer) > parts(__version__)
