"""Compiled templates kept between runs, so a document is made without compiling its
template again: a private folder in the user's cache folder (JOURNEY_CACHE, when set,
names that cache folder).

Jinja2 checks each kept template against its source, and a file kept by another Jinja2 or
Python is passed over. A file that cannot be read, or a folder that cannot be written,
only means the template is compiled again: the cache never stops a document being made.
Only the person's own folder, that no one else can write to, is used: what is kept there
is run as code."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from journey.content.cache import private_folder

if TYPE_CHECKING:
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

FOLDER = "templates"  # inside the cache folder, beside what else journey keeps there


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

    folder = private_folder(FOLDER)
    return KeptTemplates(str(folder)) if folder is not None else None
