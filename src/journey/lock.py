"""One writer per journey, across processes.

Each journey has a lock file in the private data folder. A process that changes a journey
holds an exclusive flock on it for as long as it has the journey open; the kernel lets go
the moment that process ends, even by kill -9, so a crash never leaves a journey stuck.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
from pathlib import Path

LOCKS = "locks"
_PLAIN_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def lock_path(home: Path, journey_id: str) -> Path:
    """The lock file for a journey, always inside the locks folder. An id is data: one
    that is not a plain word (an older file's, or one typed at the command line) is named
    by its hash, so no id can point anywhere else."""
    folder = home / LOCKS
    name = journey_id if _PLAIN_ID.fullmatch(journey_id) else (
        "id-" + hashlib.sha256(journey_id.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    path = folder / f"{name}.lock"
    if path.resolve().parent != folder.resolve():
        raise OSError(f"a lock file would be outside {folder}")
    return path


class InUse(Exception):
    """Another process has this journey open for writing."""


class JourneyLock:
    def __init__(self, home: Path, journey_id: str) -> None:
        folder = home / LOCKS
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)
        self.path = lock_path(home, journey_id)
        # Never through a link: a lock file is only ever journey's own.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            os.fchmod(fd, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise InUse(journey_id) from None
        except OSError:
            os.close(fd)
            raise
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets go of the lock
            self._fd = None

    def discard(self) -> None:
        """Let go and remove the lock file, for a journey purged for good."""
        self.path.unlink(missing_ok=True)
        self.release()
