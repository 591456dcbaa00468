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


def derive(snap: Snapshot) -> list[ProfileBlock]:
    content = snap.content
    blocks = []
    for section in content.profile_sections:
        lines = []
        for question_id in section.questions:
            if question_id in snap.live:
                lines += answer_lines(content, content.question(question_id),
                                      snap.live[question_id], snap.shown_name)
        blocks.append(ProfileBlock(id=section.id, title=section.title, lines=lines))
    return blocks
