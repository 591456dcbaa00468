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
    missing: list[Path] = []
    here = path
    while not here.exists():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for folder in reversed(missing):
        with suppress(FileExistsError):  # another journey made it at the same moment
            folder.mkdir(mode=0o700)
            folder.chmod(0o700)  # mkdir's mode is cut by the umask
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


def write_whole(path: Path, data: bytes | str, *, text: bool = False) -> None:
    """Write a whole file or nothing: see the module's note. The file is private (0600).
    `text` is for a file people read in an editor (Markdown, plain text, settings): its
    lines end the system's way (system_lines). Files for programs (journey files, HTML,
    Word) keep their bytes as they are, the same on every system.
    Raises NotAFile for a folder, device or pipe, and OSError if it cannot be written."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if text:
        data = system_lines(data)
    target = _target(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    part = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            private_file(f.fileno())
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


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
