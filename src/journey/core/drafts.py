"""What a person has typed into a question's box but not yet given as an answer: a draft.

A draft is not an answer. It is kept beside the journey, not among its events, so it never
shows in the plan, the history or a journey file; it is put back in the box when the
question is asked again, and an answer given to the question replaces it. A draft is the
text of each field of the box, by the field's name. Stored drafts are never trusted: one of
another shape is no draft at all, and text in one is cleaned as typed text is."""

from __future__ import annotations

import json
from collections.abc import Mapping

from journey.core.answers import MAX_CHARS, clean

Draft = dict[str, str]
MAX_FIELDS = 20  # far more than the widest form has
MAX_NAME = 40  # a field's name, as the app gives it


def kept(fields: Mapping[str, str]) -> Draft:
    """The fields worth keeping: those with something typed in them, cleaned and cut to
    the length an answer may have."""
    draft: Draft = {}
    for name, typed in list(fields.items())[:MAX_FIELDS]:
        if not isinstance(name, str) or not isinstance(typed, str):
            continue
        name = clean(name)[:MAX_NAME]
        text = clean(typed)[:MAX_CHARS]
        if name and text.strip():
            draft[name] = text
    return draft


def body(draft: Draft) -> str:
    return json.dumps({"fields": draft}, ensure_ascii=False, sort_keys=True)


def read(stored: object) -> Draft:
    """A draft as stored, or an empty one when it is not of the shape journey writes."""
    if not isinstance(stored, str) or len(stored) > MAX_FIELDS * (MAX_CHARS + MAX_NAME) * 2:
        return {}
    try:
        parsed = json.loads(stored)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(parsed, dict) or set(parsed) != {"fields"}:
        return {}
    fields = parsed["fields"]
    if not isinstance(fields, dict):
        return {}
    return kept(fields)
