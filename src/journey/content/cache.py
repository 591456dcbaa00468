"""Keep content once it has been checked, so that a start with unchanged content reads it
back whole instead of parsing and checking every file again.

The kept copy is named by a hash of every content file, of this package's code and of the
Python version: any change to any of them means it is not used. A copy that is stale,
cut short, corrupt, from another version or hostile is ignored (and made again), never
trusted: reading it can build only content's own classes and a few plain values, so it
cannot run code. A cache folder that cannot be written is no problem: content is just
checked each time."""

from __future__ import annotations

import os
import pickle
import stat
import sys
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from journey.content import condition, data
from journey.content.data import Journey

try:  # the hash hashlib offers, without loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

FORMAT = b"journey content cache 1\n"
FOLDER = "content"  # inside the cache folder, beside what else journey keeps there
NAME = "content.pickle"


def home() -> Path:
    """journey's cache folder: the one JOURNEY_CACHE names, else the user's cache folder for
    journey. Other parts keep what they can make again in folders of their own inside it."""
    named = os.environ.get("JOURNEY_CACHE")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_cache_path  # only when no folder is named

    return user_cache_path("journey", appauthor=False)


def folder() -> Path:
    """Where checked content is kept."""
    return home() / FOLDER


def private_folder(name: str) -> Path | None:
    """A folder of journey's cache, made with the cache folder itself private (0700,
    whatever the umask), or None when it cannot be had or others could write to it."""
    try:
        base = home()
        for path in (base, base / name):
            if not path.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)  # the system's cache folder
                path.mkdir(mode=0o700)
                os.chmod(path, 0o700)
        info = (base / name).lstat()
    except (OSError, RuntimeError):  # no home folder, a read-only disk, a file in the way
        return None
    getuid = getattr(os, "getuid", None)  # Windows: the user's own profile protects it
    if not stat.S_ISDIR(info.st_mode) or (getuid is not None and (
            info.st_uid != getuid() or stat.S_IMODE(info.st_mode) & 0o022)):
        return None
    return base / name


@cache
def _code() -> bytes:
    """What the content classes are: the source of every module in this package."""
    digest = blake2b()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def key(files: Iterable[tuple[str, bytes]]) -> bytes:
    """The name of the kept copy for these content files (relative path and bytes)."""
    digest = blake2b(FORMAT + sys.version.encode() + b"\0" + _code(), digest_size=32)
    for name, content in files:
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest().encode()


@cache
def _allowed() -> dict[tuple[str, str], type]:
    """Everything a kept copy may build: content's own classes, and Decimal and date."""
    classes = [value for module in (condition, data) for value in vars(module).values()
               if isinstance(value, type) and value.__module__ == module.__name__]
    return {(c.__module__, c.__qualname__): c for c in [*classes, Decimal, date]}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        found = _allowed().get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not content")
        return found


def read(wanted: bytes) -> Journey | None:
    """The kept content for this key, or None when there is none that can be used."""
    head = FORMAT + wanted + b"\n"
    try:
        with open(folder() / NAME, "rb") as f:
            found = os.fstat(f.fileno())
            if not stat.S_ISREG(found.st_mode) or (
                    hasattr(os, "getuid") and found.st_uid != os.getuid()):
                return None
            if f.read(len(head)) != head:
                return None
            kept = _Unpickler(f).load()
    except Exception:  # any unreadable copy is simply made again
        return None
    return kept if type(kept) is Journey else None


def write(wanted: bytes, journey: Journey) -> None:
    """Keep checked content under its key, written whole or not at all."""
    with suppress(Exception):  # a cache that cannot be written only costs time
        import tempfile

        where = private_folder(FOLDER)
        if where is None:
            return
        handle, temporary = tempfile.mkstemp(prefix=".content-", dir=where)  # mode 0600
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(FORMAT + wanted + b"\n")
                pickle.dump(journey, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where / NAME)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
