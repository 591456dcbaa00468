"""`journey list` lines its columns up by the cells a terminal gives each letter."""

from __future__ import annotations

import pytest

from journey.cli.main import main

from .helpers import start
from .test_tui_drawn import terminal_width


def test_list_columns_line_up_with_accents_and_wide_letters(
        words, store, capsys: pytest.CaptureFixture) -> None:
    names = ["Ann", "Zoe\u0301 Cafe\u0301", "李小龍", "Mo 🙂", "شكرا"]
    for name in names:
        start(words, store, name=name)
    assert main(["list"]) == 0
    rows = [r for r in capsys.readouterr().out.splitlines() if "On their own" in r]
    assert len(rows) == len(names)
    assert len({terminal_width(r[:r.index("On their own")]) for r in rows}) == 1, rows
