"""The readiness check from the command line and in the app, and exports from both."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from journey.cli.main import FORMATS, NOT_READY, main
from journey.documents.render import FORMATS as RENDERED
from journey.store.database import Store
from journey.tui.app import JourneyApp
from journey.tui.screens.conversation import ConversationScreen
from journey.tui.screens.readiness import ReadinessScreen

from .examples import edna, gareth, mia
from .helpers import is_private
from .test_tui import SIZE, opened, plan_text, question


def test_the_command_line_knows_every_format() -> None:
    assert set(FORMATS) == set(RENDERED)


def test_check_says_what_is_missing_and_where(words, store: Store,
                                               capsys: pytest.CaptureFixture) -> None:
    journey_id = edna(words, store).journey.id
    assert main(["check", journey_id]) == NOT_READY
    out = capsys.readouterr().out
    assert "Is the plan for Edna ready for the council?" in out
    assert "[x] 6. Staying in control" in out and "[x] 1. What is important" in out
    assert "The council would still need:" in out
    assert "£2,925.00 a year more than the budget" in out
    assert ('Put it right at step 3, Personal budget: "The council\'s agreement to pay '
            'them".') in out
    assert "Still to find out: Paid towards the cost." in out


def test_check_passes_when_nothing_blocks(words, store: Store,
                                          capsys: pytest.CaptureFixture) -> None:
    assert main(["check", mia(words, store).journey.id]) == 0
    out = capsys.readouterr().out
    assert ("journey checked its list and found nothing missing. The council may still ask for"
            " more") in out
    assert "Nothing that a council would need is missing" not in out
    assert main(["check", "nope"]) == 1
    assert "no saved journey with the id nope" in capsys.readouterr().err


def test_export_every_format_from_the_command_line(words, store: Store, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    journey_id = gareth(words, store).journey.id
    for fmt in FORMATS:
        target = tmp_path / f"plan-{fmt}{RENDERED[fmt].suffix}"
        assert main(["export", journey_id, "--format", fmt, "-o", str(target)]) == 0
        assert is_private(target)
    assert zipfile.is_zipfile(tmp_path / "plan-docx.docx")
    assert main(["export", journey_id, "--format", "html", "--large-print",
                 "-o", str(tmp_path / "large.html")]) == 0
    assert 'class="large"' in (tmp_path / "large.html").read_text()
    capsys.readouterr()
    assert main(["export", journey_id, "--format", "docx"]) == 1
    assert "-o" in capsys.readouterr().err
    assert main(["export", journey_id, "--format", "txt"]) == 0
    assert capsys.readouterr().out.startswith("Support plan for Gareth\n")


async def test_the_check_panel_jumps_to_the_question(words, store: Store) -> None:
    journey = edna(words, store).journey
    app = JourneyApp(store, journey=journey)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert "Things the council would still need: 6" in plan_text(app)
        assert "over by £56.25 a week" in plan_text(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        findings = app.screen.query_one("#findings", OptionList)
        assert findings.option_count == 7  # six to put right, and a conflict to name
        assert "Put it right at step 11" in str(findings.get_option_at_index(4).prompt)
        findings.highlighted = 1  # paying Carol needs the council's agreement
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert question(app) == "personal-budget.council-agree"
        assert "council can agree" in str(app.screen.query_one("#why", Static).content)


async def test_saving_a_web_page_in_large_print_from_the_app(words, store: Store,
                                                             tmp_path: Path) -> None:
    journey = mia(words, store).journey
    app = JourneyApp(store, journey=journey)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert "journey checked its list and found nothing missing." in plan_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        path = screen.query_one("#export-path", Input)
        assert path.value.endswith(f"support-plan-{journey.id}.html")
        large = screen.query_one("#export-large", Checkbox)
        assert not large.disabled
        large.value = True
        target = tmp_path / "plan.html"
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        page = target.read_text()
        assert page.startswith("<!DOCTYPE html>") and '<body class="large">' in page
