"""Files only the user can read (0600), whatever the umask: journeys and plans hold health
and family details."""

from __future__ import annotations

import os
from pathlib import Path


def _open(path: Path, flags: int) -> int:
    fd = os.open(path, flags | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)  # also when the file was already there, with looser rights
    return fd


def create_private(path: Path) -> None:
    os.close(_open(path, os.O_RDWR))


def write_private(path: Path, text: str) -> None:
    with os.fdopen(_open(path, os.O_WRONLY | os.O_TRUNC), "w", encoding="utf-8") as f:
        f.write(text)


def write_private_bytes(path: Path, data: bytes) -> None:
    with os.fdopen(_open(path, os.O_WRONLY | os.O_TRUNC), "wb") as f:
        f.write(data)


def replace_private(path: Path, text: str) -> None:
    """Write a whole file or nothing: the text goes to a private file beside it, which then
    takes its place. If the disk fills up on the way, a file already there is untouched."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with os.fdopen(_open(part, os.O_WRONLY | os.O_TRUNC), "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
