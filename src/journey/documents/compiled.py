"""Compiled templates kept between runs, so a document is made without compiling its
template again: a private folder in journey's cache folder (JOURNEY_CACHE, when set, names
that cache folder).

What is kept here is run as code, so it is read only through `kept`: a file journey did not
write for this person, sealed with the person's key (planted, edited, a link or a pipe,
another user's, writable by others) is never loaded; the template is compiled again and
kept in its place. Jinja2 then checks each kept template against its source and passes
over one compiled by another Jinja2 or Python. The cache never stops a document being
made: what cannot be read or written only means compiling again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.content import kept

if TYPE_CHECKING:
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

FOLDER = "templates"  # inside the cache folder, beside what else journey keeps there


def _name(bucket: Bucket) -> str:
    return f"__jinja2_{bucket.key}.cache"


def bytecode_cache() -> BytecodeCache | None:
    """The cache for the templates' Environment, or None when no safe folder can be had."""
    from jinja2 import BytecodeCache

    where = kept.private_folder(FOLDER)
    if where is None:
        return None

    class KeptTemplates(BytecodeCache):
        def load_bytecode(self, bucket: Bucket) -> None:
            payload = kept.read(where / _name(bucket))
            if payload is None:
                return
            try:
                bucket.bytecode_from_string(bytes(payload))
            except Exception:  # sealed, yet not what this Jinja2 can read: compiled again
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            kept.write(FOLDER, _name(bucket), bucket.bytecode_to_string())

        def clear(self) -> None:  # nothing to clear: each file is made again when refused
            pass

    return KeptTemplates()
