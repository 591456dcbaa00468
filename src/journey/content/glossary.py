"""Find glossary words in journey's own wording, so the app can mark them and explain them.

Only content is searched. A name or other typed text put into the wording is kept as a
separate piece and never searched or interpreted, so nothing a person typed becomes a
marked word (or markup of any kind)."""

from __future__ import annotations

import re

from journey.content import PLACEHOLDER, Journey, Term

Piece = tuple[str, Term | None]  # a run of text, and the glossary term it is (if any)

_patterns: dict[int, tuple[Journey, re.Pattern[str], dict[str, Term]]] = {}


def _pattern(content: Journey) -> tuple[re.Pattern[str], dict[str, Term]]:
    known = _patterns.get(id(content))
    if known is None or known[0] is not content:
        forms = {form.lower(): term for term in content.glossary for form in term.forms}
        # Longest first, so "personal health budget" wins over "personal budget".
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)
        known = _patterns[id(content)] = (content, pattern, forms)
    return known[1], known[2]


def mark(text: str, content: Journey) -> list[Piece]:
    """Split content wording into plain runs and glossary words."""
    if not content.glossary:
        return [(text, None)] if text else []
    pattern, forms = _pattern(content)
    pieces: list[Piece] = []
    at = 0
    for found in pattern.finditer(text):
        if found.start() > at:
            pieces.append((text[at:found.start()], None))
        pieces.append((found.group(0), forms[found.group(0).lower()]))
        at = found.end()
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def fill_marked(template: str, content: Journey, values: dict[str, str]) -> list[Piece]:
    """Wording with its placeholders filled: the template's own words are searched for
    glossary words; the values put in (a name, pronouns) are plain pieces, never searched."""
    pieces: list[Piece] = []
    at = 0
    for found in PLACEHOLDER.finditer(template):
        pieces += mark(template[at:found.start()], content)
        value = values.get(found.group(1))
        pieces.append((value if value is not None else found.group(0), None))
        at = found.end()
    pieces += mark(template[at:], content)
    return pieces


def terms_in(pieces: list[Piece]) -> list[Term]:
    """The glossary words among the pieces, each once, in order of appearance."""
    seen: list[Term] = []
    for _, term in pieces:
        if term is not None and term not in seen:
            seen.append(term)
    return seen
