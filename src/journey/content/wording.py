"""Putting a person's name into content wording, and the rules wording must keep."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Names that wording may use. They are filled in as plain text, never evaluated.
ALLOWED_PLACEHOLDERS = frozenset({"name", "their", "them"})
# A repeated question may also name the outcome it is about; that is filled in on load.
REPEAT_PLACEHOLDERS = frozenset({"outcome", "label"})
MAX_INTRO_PARAGRAPHS = 3


def placeholder_values(name: str, pronouns: dict[str, str] | None = None) -> dict[str, str]:
    """What each placeholder becomes: the name, and pronouns (the name again if none)."""
    return {"their": f"{name}'s", "them": name, **(pronouns or {}), "name": name}


def fill(text: str, name: str, pronouns: dict[str, str] | None = None) -> str:
    """Put the person's name (and pronouns) into wording. They are inserted as plain text,
    never interpreted, so whatever someone types as a name stays just a name."""
    words = placeholder_values(name, pronouns)
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def check_placeholders(text: str, allowed: frozenset[str] = ALLOWED_PLACEHOLDERS) -> None:
    unknown = set(PLACEHOLDER.findall(text)) - allowed
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)} in wording")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
