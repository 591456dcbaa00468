"""Compiled templates kept between runs, so a document is made without compiling its
template again: a private folder in the user's cache folder (JOURNEY_CACHE, when set,
names that cache folder).

Jinja2 checks each kept template against its source, and a file kept by another Jinja2 or
Python is passed over. A file that cannot be read, or a folder that cannot be written,
only means the template is compiled again: the cache never stops a document being made.
Only the person's own folder, that no one else can write to, is used: what is kept there
is run as code."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

FOLDER = "templates"  # inside the cache folder, beside what else journey keeps there


def cache_home() -> Path:
    override = os.environ.get("JOURNEY_CACHE")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("journey", appauthor=False)


def _own_private_folder(path: Path) -> bool:
    """Make the folder (0700) if it is missing; say whether it is the user's alone."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True  # Windows: there the user's own profile folder is the protection
    return info.st_uid == getuid() and not stat.S_IMODE(info.st_mode) & 0o022


def bytecode_cache() -> BytecodeCache | None:
    """The cache for the templates' Environment, or None when no safe folder can be had."""
    from jinja2 import FileSystemBytecodeCache

    class KeptTemplates(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # damaged or unreadable: compiled again, as if not kept
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            with suppress(OSError):  # a full disk or a read-only folder: not kept
                super().dump_bytecode(bucket)

    try:
        folder = cache_home() / FOLDER
    except (OSError, RuntimeError):  # no home folder to find the cache folder from
        return None
    return KeptTemplates(str(folder)) if _own_private_folder(folder) else None
