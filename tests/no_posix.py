"""Python as Windows has it, on Linux: the calls only POSIX systems have are taken away, and
a stand-in for Windows' msvcrt locks files (with the real flock underneath, so locks still
hold across processes and end with them).

Used by tests/test_portable.py through pytest's monkeypatch (every command, the app, the
store, the lock and the exports), and run as
`python -m tests.no_posix JOURNEY_ID` (with JOURNEY_HOME set) it is a journey process that
takes a journey's lock that way, writes "HELD" and waits to be killed.
"""

from __future__ import annotations

import errno
import operator
import os
import sys
import types
from collections.abc import Callable
from typing import Any

# What Windows' os module lacks (or, for fchmod, lacked before Python 3.13) that a journey
# module might reach for.
OS_NAMES = (
    "fchmod", "lchmod", "chown", "fchown", "lchown", "getuid", "geteuid", "getgid",
    "getegid", "getpgid", "killpg", "setsid", "fork", "mkfifo", "sync", "uname",
    "O_NOFOLLOW", "O_NONBLOCK", "O_CLOEXEC", "O_DIRECTORY", "O_NOCTTY",
)
# Modules Windows does not have at all.
MODULES = ("fcntl", "termios", "tty", "pty", "pwd", "grp", "resource")

LK_UNLCK, LK_NBLCK = 0, 2  # msvcrt's own values


def fake_msvcrt(calls: list[tuple[int, int, int]]) -> types.ModuleType:
    """msvcrt.locking as Windows' C library does it: it locks `nbytes` from where the file
    is, and a byte locked by another handle is a "locking violation" (EACCES)."""
    import fcntl

    def locking(fd: int, mode: int, nbytes: int) -> None:
        calls.append((mode, nbytes, os.lseek(fd, 0, os.SEEK_CUR)))
        if mode == LK_NBLCK:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PermissionError(errno.EACCES, "Permission denied") from None
        elif mode == LK_UNLCK:
            fcntl.flock(fd, fcntl.LOCK_UN)
        else:
            raise AssertionError(f"journey asked msvcrt.locking for mode {mode}")

    module = types.ModuleType("msvcrt")
    module.LK_UNLCK, module.LK_NBLCK = LK_UNLCK, LK_NBLCK  # type: ignore[attr-defined]
    module.locking = locking  # type: ignore[attr-defined]
    return module


def take_away(remove: Callable[[Any, str], Any], put: Callable[[Any, str, Any], Any],
              calls: list[tuple[int, int, int]]) -> None:
    """Make this Python look like Windows' for journey's modules. The journey modules
    already imported must be imported again afterwards."""
    msvcrt = fake_msvcrt(calls)  # made while fcntl can still be imported
    for name in OS_NAMES:
        if hasattr(os, name):
            remove(os, name)
    for name in MODULES:
        put(sys.modules, name, None)  # `import fcntl` now raises ImportError
    put(sys.modules, "msvcrt", msvcrt)


def main(journey_id: str) -> None:
    take_away(delattr, operator.setitem, [])
    from journey.store.database import Store

    store = Store()
    store.lock(journey_id)
    os.write(1, b"HELD\n")
    sys.stdin.read()  # until killed


if __name__ == "__main__":
    main(sys.argv[1])
