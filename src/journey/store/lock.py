"""One writer per journey, across processes.

Each journey has a lock file in the private data folder. A process that changes a journey
holds an exclusive lock on it for as long as it has the journey open: flock on Linux and
macOS, a locked byte (msvcrt.locking) on Windows. The system lets go the moment that
process ends, even by kill -9, so a crash never leaves a journey stuck.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from contextlib import suppress
from pathlib import Path

from journey.store.private import private_file

LOCKS = "locks"
_PLAIN_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
# Names Windows keeps for devices, whatever follows the dot: "nul.lock" is not a file there.
_DEVICE_NAME = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)
# Windows says a byte locked elsewhere is a "locking violation".
_HELD_ELSEWHERE = (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK))
_SHARING_VIOLATION = 32  # Windows: "the file is being used by another process"


def lock_path(home: Path, journey_id: str) -> Path:
    """The lock file for a journey, always inside the locks folder. An id is data: one
    that is not a plain word (an older file's, or one typed at the command line) is named
    by its hash, so no id can point anywhere else, nor name a device on Windows."""
    folder = home / LOCKS
    plain = _PLAIN_ID.fullmatch(journey_id) and not _DEVICE_NAME.fullmatch(journey_id)
    if not plain:
        # Only for odd ids: hashlib loads OpenSSL, which no ordinary start needs.
        import hashlib
    name = journey_id if plain else (
        "id-" + hashlib.sha256(journey_id.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    path = folder / f"{name}.lock"
    if path.resolve().parent != folder.resolve():
        raise OSError(f"a lock file would be outside {folder}")
    return path


class InUse(Exception):
    """Another process has this journey open for writing."""


def _open_own(path: Path) -> int:
    """Open (or make) a lock file, never through a link: a lock file is only ever journey's
    own. Where the system cannot refuse links as it opens (Windows has no O_NOFOLLOW), the
    file opened is checked to be the very file at the path, and no link."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    flags = os.O_RDWR | os.O_CREAT | nofollow | getattr(os, "O_BINARY", 0)
    if nofollow:
        return os.open(path, flags, 0o600)
    if path.is_symlink():
        raise OSError(errno.ELOOP, "a lock file is a link", str(path))
    fd = os.open(path, flags, 0o600)
    try:
        opened, there = os.fstat(fd), os.lstat(path)
        if stat.S_ISLNK(there.st_mode) or (opened.st_dev, opened.st_ino) != (
                there.st_dev, there.st_ino):
            raise OSError(errno.ELOOP, "a lock file is a link", str(path))
    except OSError:
        os.close(fd)
        raise
    return fd


def _hold(fd: int) -> bool:
    """Take the lock without waiting: True if taken, False if another process holds it."""
    try:
        import fcntl
    except ImportError:
        import msvcrt  # Windows

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as e:
            if e.errno in _HELD_ELSEWHERE:
                return False
            raise
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _let_go(fd: int) -> None:
    """Closing the file lets go of the lock. Windows may take a moment to let go of a byte
    left locked, so there the byte is unlocked first."""
    try:
        import fcntl  # noqa: F401
    except ImportError:
        import msvcrt

        with suppress(OSError):  # closing lets go all the same
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)


class JourneyLock:
    def __init__(self, home: Path, journey_id: str) -> None:
        folder = home / LOCKS
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)
        self.path = lock_path(home, journey_id)
        fd = _open_own(self.path)
        try:
            private_file(fd)
            held = _hold(fd)
        except OSError:
            os.close(fd)
            raise
        if not held:
            os.close(fd)
            raise InUse(journey_id)
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            _let_go(self._fd)
            self._fd = None

    def discard(self) -> None:
        """Let go and remove the lock file, for a journey purged for good."""
        try:
            self.path.unlink(missing_ok=True)
        except PermissionError as e:
            if getattr(e, "winerror", None) != _SHARING_VIOLATION:
                raise
            # Windows removes no file that is open, this one included: let go first. If
            # another journey opens it meanwhile, the file stays, which is safe.
            self.release()
            with suppress(OSError):
                self.path.unlink(missing_ok=True)
        self.release()

