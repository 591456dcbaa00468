"""The one-page profile: a few headings, each from the answers content names for it."""

from __future__ import annotations

from dataclasses import dataclass

from journey.plan.snapshot import Snapshot
from journey.plan.words import answer_lines

KEY = "profile"


@dataclass(slots=True)
class ProfileBlock:
    """One heading of the one-page profile, with the answers under it."""

    id: str
    title: str
    lines: list[str]


def _same(line: str) -> str:
    """A line as it is compared with the others: "Her garden." and "her garden" are one."""
    return " ".join(line.casefold().split()).rstrip(".!;,: ")


def derive(snap: Snapshot) -> list[ProfileBlock]:
    content = snap.content
    blocks = []
    # One page has no room to say a thing twice: the same words given to two questions
    # (what matters most, and what they love) are shown once, where they come first.
    seen: set[str] = set()
    for section in content.profile_sections:
        lines = []
        for question_id in section.questions:
            if question_id not in snap.live:
                continue
            for line in answer_lines(content, content.question(question_id),
                                     snap.live[question_id], snap.shown_name):
                if _same(line) not in seen:
                    seen.add(_same(line))
                    lines.append(line)
        blocks.append(ProfileBlock(id=section.id, title=section.title, lines=lines))
    return blocks
