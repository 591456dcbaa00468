"""One writer per journey, across processes.

Each journey has a lock file in the private data folder. A process that changes a journey
holds an exclusive flock on it for as long as it has the journey open; the kernel lets go
the moment that process ends, even by kill -9, so a crash never leaves a journey stuck.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCKS = "locks"


class InUse(Exception):
    """Another process has this journey open for writing."""


class JourneyLock:
    def __init__(self, home: Path, journey_id: str) -> None:
        folder = home / LOCKS
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)
        self.path = folder / f"{journey_id}.lock"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
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
