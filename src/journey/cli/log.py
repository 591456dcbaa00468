"""journey's log: errors only, for whoever helps when something goes wrong.

It lies in the platform's log folder (JOURNEY_LOG names another), readable by the user alone
(0600), and stays small: past LIMIT bytes it becomes `journey.log.1` (the one before goes)
and a new file begins. A line says when, which command, which journey (by its id), the kind
of error and the lines of journey's code it passed through. Never a name, an answer or an
error's own words, which can quote them: an id typed that is not the shape of journey's own
ids is not written either, as it may be a name typed by mistake.

`--debug` adds each command as it starts and ends, and shows every line on standard error
too, with the whole of any error (there, on the person's own screen, its words are fine).
Nothing is imported and no file is touched until there is something to write.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NAME = "journey.log"
LIMIT = 256 * 1024  # about two thousand errors: enough to see a pattern, small to send
FRAMES = 12  # the most steps of code a line names

_debugging = False


def folder() -> Path:
    named = os.environ.get("JOURNEY_LOG")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_log_path  # only when no folder is named

    return user_log_path("journey", appauthor=False)


def path() -> Path:
    return folder() / NAME


def debugging(on: bool = True) -> None:
    """--debug: log more, and show it on standard error."""
    global _debugging
    _debugging = on


def safe_id(journey_id: str | None) -> str:
    if journey_id is None:
        return "-"
    from journey.store.database import ID_SHAPE  # the shape the store gives ids

    if ID_SHAPE.fullmatch(journey_id):
        return journey_id
    return "(not an id)"


def _where(error: BaseException) -> str:
    """The frames of journey's own code the error passed through, innermost last, and the
    place it was raised: file, line and function only, never a value."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    steps = []
    for i, frame in enumerate(frames):
        name = Path(frame.filename).as_posix()
        own = "/journey/" in name
        if own or i == len(frames) - 1:
            short = name.rsplit("/journey/", 1)[-1] if own else Path(name).name
            steps.append(f"{short}:{frame.lineno}:{frame.name}")
    # The innermost steps say most; a line stays a line.
    return " > ".join(steps[-FRAMES:]) or "-"


def _kind(error: BaseException) -> str:
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    number = getattr(error, "errno", None)
    if isinstance(number, int):  # which system error, by its number: no path, no words
        import errno

        kind += f" errno={errno.errorcode.get(number, number)}"
    return kind


def error(command: str | None, journey_id: str | None, problem: BaseException) -> Path | None:
    """Log an error; returns the log file, or None when it could not be written."""
    where = _write("ERROR", command, journey_id, f"{_kind(problem)} at {_where(problem)}")
    if _debugging:
        import traceback

        traceback.print_exception(problem, file=sys.stderr)
    return where


def failed(command: str | None, journey_id: str | None, what: str) -> Path | None:
    """An error with no exception to show (the app ended with a failing code)."""
    return _write("ERROR", command, journey_id, what)


def debug(command: str | None, journey_id: str | None, what: str) -> None:
    if _debugging:
        _write("DEBUG", command, journey_id, what)


def _write(level: str, command: str | None, journey_id: str | None, what: str) -> Path | None:
    from datetime import UTC, datetime

    line = (f"{datetime.now(UTC).isoformat(timespec='seconds')} {level} "
            f"journey={_version()} command={command or '-'} id={safe_id(journey_id)} {what}")
    if _debugging:
        print(f"journey: {line}", file=sys.stderr)
    target = path()
    try:
        from journey.store.private import make_private_folder, private_file

        make_private_folder(target.parent)
        try:
            if target.stat().st_size >= LIMIT:
                os.replace(target, target.with_name(NAME + ".1"))
        except FileNotFoundError:
            pass
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags, 0o600)
        try:
            private_file(fd)
            os.write(fd, (line + "\n").encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except OSError:
        return None  # a log that cannot be written must never stop journey
    return target


def _version() -> str:
    from journey import __version__

    return __version__
