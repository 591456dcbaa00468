"""What journey keeps for itself to save time (checked content, compiled templates), kept so
that it can never be turned against the person.

A kept file may be read back as code, so it is used only when journey itself wrote it for
this person: it must be an ordinary file (opened without following a link and without
waiting on a pipe or a device), belong to the person, not be writable by anyone else, and
carry a seal made with a secret key that only the person can read. The seal is a keyed
BLAKE2b over the file's name and everything in it, so a file edited, cut short, moved from
another name or planted by anyone else is refused. Anything refused is simply made again,
in one step (written beside its place, then moved over whatever was there): never trusted,
never an error, never a wait.

The key is 32 random bytes in the data folder (0600), made once, in one step, and made
again when it is missing, unreadable or could have been read or changed by anyone else:
then everything kept is made again. When no key can be had (a read-only data folder),
nothing is kept: content is checked and templates compiled on each run.

Every folder journey makes here, and any missing folders above it, is private (0700)
whatever the umask. On Windows, where files have no POSIX owners or modes, the user's own
profile protects these folders: there a file is used when it is an ordinary file with a
good seal.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

try:  # keyed BLAKE2 is a MAC of its own; hashlib would load OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b
try:  # compared in constant time; hmac would load OpenSSL too
    from _operator import _compare_digest as same
except ImportError:  # pragma: no cover - another Python
    from hmac import compare_digest as same

MAGIC = b"journey kept 1\n"  # what a sealed file starts with
SEAL_SIZE = 32
KEY_NAME = "cache.key"  # in the data folder
KEY_SIZE = 32
LARGEST = 64 * 1024 * 1024  # nothing journey keeps is near this: a bigger file is not its
_POSIX = hasattr(os, "getuid")  # owners and modes mean something here
_READ = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
         | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
         | getattr(os, "O_NOCTTY", 0))
_NEW = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0))


def cache_home() -> Path:
    """journey's cache folder: the one JOURNEY_CACHE names, else the user's cache folder for
    journey. Each kind of kept file has a folder of its own inside it."""
    named = os.environ.get("JOURNEY_CACHE")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_cache_path  # only when no folder is named

    return user_cache_path("journey", appauthor=False)


def data_home() -> Path:
    """The private data folder, where journeys are saved: JOURNEY_HOME, else the user's data
    folder for journey. The store saves journeys here; the cache's key is kept here too."""
    named = os.environ.get("JOURNEY_HOME")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_data_path

    return user_data_path("journey", appauthor=False)


def make_folder(path: Path) -> None:
    """Make a folder and any missing folders above it, each private (0700) whatever the
    umask. Folders already there are left as they are."""
    missing: list[Path] = []
    here = path
    while not os.path.lexists(here):
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for folder in reversed(missing):
        with suppress(FileExistsError):  # another journey made it at the same moment
            folder.mkdir(mode=0o700)
            folder.chmod(0o700)  # mkdir's mode is cut by the umask


def private_folder(name: str) -> Path | None:
    """A folder of journey's cache for one kind of kept file, made private if need be, or
    None when it cannot be had: a file in the way, another user's folder, a read-only disk.
    A folder of the person's own that others could write to is made private again; the
    files in it are checked one by one anyway."""
    try:
        where = cache_home() / name
        make_folder(where)
        info = where.lstat()
        if not stat.S_ISDIR(info.st_mode):
            return None
        if _POSIX:
            if info.st_uid != os.getuid():
                return None
            if stat.S_IMODE(info.st_mode) & 0o077:
                where.chmod(0o700)
    except (OSError, RuntimeError):  # no home folder, a read-only disk
        return None
    return where


def _own_bytes(path: Path, *, private: bool = False) -> bytes | None:
    """The bytes of a file that only the person can have written, or None: a link, a pipe,
    a device, a folder, another user's file, one others may write to (or, when `private`,
    read), an oversized one, or one that cannot be read."""
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):  # Windows: no O_NOFOLLOW
        return None
    try:
        fd = os.open(path, _READ)
    except OSError:  # missing, a link (ELOOP), unreadable
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > LARGEST:
            return None
        if _POSIX and (info.st_uid != os.getuid()
                       or stat.S_IMODE(info.st_mode) & (0o077 if private else 0o022)):
            return None
        chunks = []
        left = info.st_size + 1  # one more, to see a file that grew
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) == info.st_size else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """A new private file (0600) beside `name` in `folder`, holding `data`."""
    while True:
        path = folder / f".{name}.{os.urandom(6).hex()}.part"
        try:
            fd = os.open(path, _NEW, 0o600)
            break
        except FileExistsError:  # pragma: no cover - six random bytes taken already
            continue
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # the umask can only take away, but be sure
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        with suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)
    return path


def key(*, make: bool) -> bytes | None:
    """The person's key for sealing kept files, or None when there is none to be had. With
    `make`, a missing or unusable key is made anew (then everything kept is made again)."""
    path = data_home() / KEY_NAME
    found = _own_bytes(path, private=True)
    if found is not None and len(found) == KEY_SIZE:
        return found
    if not make:
        return None
    try:
        make_folder(path.parent)
        part = _write_new(path.parent, KEY_NAME, os.urandom(KEY_SIZE))
    except OSError:  # a read-only or missing data folder: nothing is kept
        return None
    try:
        if found is None and not os.path.lexists(path):
            try:  # in one step, and never over a key another journey has just made
                os.link(part, path)
            except FileExistsError:
                return key(make=False)
            except OSError:  # a file system without hard links
                os.replace(part, path)
        else:  # there, but unusable: a good one takes its place
            os.replace(part, path)
    except OSError:
        return None
    finally:
        with suppress(OSError):
            os.unlink(part)
    return key(make=False)


def _seal(secret: bytes, name: str, payload: bytes | memoryview) -> bytes:
    digest = blake2b(digest_size=SEAL_SIZE, key=secret, person=b"journey kept")
    digest.update(name.encode("utf-8") + b"\0")
    digest.update(payload)
    return digest.digest()


def _label(path: Path) -> str:
    """What a file is sealed for: its folder and its name, so that a sealed file moved to
    another place is refused there."""
    return f"{path.parent.name}/{path.name}"


def read(path: Path) -> memoryview | None:
    """What journey kept at `path`, if it wrote it for this person; else None."""
    data = _own_bytes(path)
    if data is None or not data.startswith(MAGIC) or len(data) < len(MAGIC) + SEAL_SIZE:
        return None
    secret = key(make=False)
    if secret is None:
        return None
    view = memoryview(data)
    seal = view[len(MAGIC):len(MAGIC) + SEAL_SIZE]
    payload = view[len(MAGIC) + SEAL_SIZE:]
    return payload if same(seal, _seal(secret, _label(path), payload)) else None


def write(folder: str, name: str, payload: bytes) -> None:
    """Keep `payload` as `name` in the cache's `folder`, sealed, private and whole, in place
    of whatever was there. A cache that cannot be written only costs time: no error."""
    with suppress(OSError):
        where = private_folder(folder)
        secret = key(make=True)
        if where is None or secret is None:
            return
        target = where / name
        part = _write_new(where, name, MAGIC + _seal(secret, _label(target), payload) + payload)
        try:
            os.replace(part, target)  # over a link or a pipe alike: never through it
        except OSError:
            with suppress(OSError):
                os.unlink(part)
