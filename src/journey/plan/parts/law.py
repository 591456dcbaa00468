"""The law the plan follows, said once on its first page with where that comes from (the
result `happen.law`: its wording and source are content)."""

from __future__ import annotations

from journey.plan import results
from journey.plan.snapshot import Snapshot

KEY = "law"
LAW = "happen.law"


def derive(snap: Snapshot) -> list[str]:
    content = snap.content
    result = next((r for r in content.results() if r.id == LAW), None)
    if result is None:
        return []
    # Said whatever is answered: it is true of every plan journey makes.
    found = results.finding_in(content, result, snap.live, result.questions[:1], snap.name,
                               results.speaks_about(snap.journey))
    lines = []
    for line in found.lines if found else []:
        cited = [content.source(s) for s in line.sources]
        lines.append(content.message(
            "doc_source", text=line.text,
            source="; ".join(s.title for s in cited),
            standing=", ".join(dict.fromkeys(
                content.message("standing_" + s.standing) for s in cited))))
    return lines
