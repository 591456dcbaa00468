"""Keep content once it has been checked, so that a start with unchanged content reads it
back whole instead of parsing and checking every file again.

The kept copy is named by a hash of every content file, of this package's code and of the
Python version: any change to any of them means it is not used. It is kept sealed (`kept`):
a copy that journey did not write for this person (edited, cut short, planted, a link or a
pipe, writable by others) is ignored and made again, never trusted. Even a sealed copy can
build only content's own classes and a few plain values as it is read, so it cannot run
code. A cache folder that cannot be written is no problem: content is just checked each
time."""

from __future__ import annotations

import io
import pickle
import sys
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from journey.content import condition, data, kept
from journey.content.data import Journey

try:  # the hash hashlib offers, without loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

FORMAT = b"journey content cache 1\n"
FOLDER = "content"  # inside the cache folder, beside what else journey keeps there
NAME = "content.pickle"


def folder() -> Path:
    """Where checked content is kept."""
    return kept.cache_home() / FOLDER


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
    payload = kept.read(folder() / NAME)
    head = FORMAT + wanted + b"\n"
    if payload is None or payload[:len(head)] != head:
        return None
    try:
        found = _Unpickler(io.BytesIO(payload[len(head):])).load()
    except Exception:  # sealed by journey, yet not content this code can read: made again
        return None
    return found if type(found) is Journey else None


def write(wanted: bytes, journey: Journey) -> None:
    """Keep checked content under its key, written whole or not at all."""
    with suppress(Exception):  # a cache that cannot be written only costs time
        payload = FORMAT + wanted + b"\n" + pickle.dumps(journey, protocol=pickle.HIGHEST_PROTOCOL)
        kept.write(FOLDER, NAME, payload)
