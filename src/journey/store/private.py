"""Files only the user can read (0600), whatever the umask: journeys and plans hold health
and family details.

Every file journey writes for the person (plans, profiles, sheets, summaries, journey
files, backups) goes through write_whole: the bytes go to a private file beside the
target, are flushed to the disk, then take the target's place in one step. So a full disk
or a crash leaves the earlier file as it was, never a fragment of a new one.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from contextlib import suppress
from pathlib import Path


class NotAFile(OSError):
    """The place chosen to write is a folder, a device or a pipe, not an ordinary file."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not an ordinary file", str(path))


def private_file(fd: int) -> None:
    """Make an open file readable by the user alone (0600), whatever the umask. Where files
    have no POSIX modes (Windows: Python has no os.fchmod there before 3.13, and its
    read-only flag is all it would set), nothing is changed: there the data folder lies in
    the user's own profile, which other users of the computer cannot open."""
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, 0o600)


def keep_private(path: Path, *, folder: bool = False) -> None:
    """Take away what group and others may do, and nothing else: a file or folder the
    person made read-only stays read-only. On Windows a mode is only the read-only flag,
    which this never changes: there the user's own profile folder is the protection."""
    mode = stat.S_IMODE(path.stat().st_mode)
    private = mode & 0o700
    if not folder:
        private &= 0o600
    if private != mode:
        path.chmod(private)


def make_private_folder(path: Path) -> None:
    """Make a folder and any missing folders above it, each readable by the user alone
    (0700), whatever the umask. Folders that were there already are left as they are."""
    from journey.content.kept import make_folder

    make_folder(path)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))


def _target(path: Path) -> Path:
    """Where the bytes really go: through a link to an ordinary file, never onto a device,
    a pipe or a folder."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return path
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(path)
    return path.resolve() if path.is_symlink() else path


def system_lines(data: bytes) -> bytes:
    """Text with its lines ended as the system's own editors expect: unchanged where lines
    end in "\n" (Linux, macOS), "\r\n" on Windows, where older Notepad shows one long line
    otherwise."""
    newline = os.linesep.encode("ascii")
    if newline == b"\n":
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\n", newline)


def write_whole(path: Path, data: bytes | str, *, text: bool = False) -> bool:
    """Write a whole file or nothing: see the module's note. The file is private (0600).
    `text` is for a file people read in an editor (Markdown, plain text, settings): its
    lines end the system's way (system_lines). Files for programs (journey files, HTML,
    Word) keep their bytes as they are, the same on every system.
    What an earlier write of the same file left when it was killed half way is cleared.
    Returns True when the file written over could be read or changed by others: it is
    private now, and the person should be told.
    Raises NotAFile for a folder, device or pipe, and OSError if it cannot be written."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if text:
        data = system_lines(data)
    target = _target(path)
    was_open = _open_to_others(target)
    _clear_parts(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    part = Path(name)
    try:
        # The part is locked while it is written, and until it has taken the file's place,
        # so another journey clearing what a killed write left never takes it.
        held = _lock_part(fd)
        try:
            private_file(fd)
            with memoryview(data) as left:
                while left:
                    left = left[os.write(fd, left):]
            os.fsync(fd)
            if held:
                os.replace(part, target)
        finally:
            os.close(fd)
        if not held:
            os.replace(part, target)  # Windows renames no file that is open
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return was_open


def _open_to_others(path: Path) -> bool:
    """Whether group or others may read or change this file (where there are POSIX modes)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.name == "posix" and bool(mode & 0o066)


# mkstemp's names: the prefix, eight letters, digits or underscores, and the suffix.
_PART = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.part")


def _clear_parts(target: Path) -> None:
    """Remove what earlier writes of this file left when they were killed half way: only
    this file's parts, only ordinary files of this user's, and only those no journey holds
    locked (a write still under way). Anything that cannot be cleared is left as it is."""
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        found = _PART.fullmatch(name)
        if found is None or found["name"] != target.name:
            continue
        with suppress(OSError):
            _clear_part(target.parent / name)


def _clear_part(part: Path) -> None:
    if not stat.S_ISREG(os.lstat(part).st_mode):
        return  # never opened: a device or pipe could act on being opened, or wait
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(part, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (
                hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return
        if _lock_part(fd) is False:
            return  # still being written
        there = os.lstat(part)
        if (there.st_dev, there.st_ino) == (info.st_dev, info.st_ino):
            part.unlink()
    finally:
        os.close(fd)


def _lock_part(fd: int) -> bool | None:
    """Lock a part file without waiting: True if locked here, False if another process
    holds it, None where the system has no flock (Windows, where an open file cannot be
    removed anyway)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself last through a power cut, where the system allows it."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def reason(error: OSError) -> str:
    """Why a file could not be written, in plain words."""
    from journey import content

    words = content.default()
    if isinstance(error, NotAFile):
        return words.message("error_not_a_file", path=error.filename)
    if is_disk_full(error):
        return words.message("error_disk_full")
    text = str(error.strerror or error)
    return text if text.endswith(".") else text + "."
