"""Two versions of a plan compared, section by section, from the plan's own parts; the
comparison and any version of the plan saved in every format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journey.cli.main import main
from journey.content import Journey as Content
from journey.core import fit
from journey.documents.render import COMPARE_FORMATS, FORMATS, export_comparison
from journey.plan import versions
from journey.plan.compare import compare
from journey.store.database import Store

from .reviewed import example, keep, reviewed, say


def changes(words: Content, store: Store, first: int, second: int) -> dict[str, list[str]]:
    journey = fit.check(words, reviewed(store))
    made = compare(words, journey, versions.find(journey, first),
                   versions.find(journey, second))
    return {s.id: [c.text for c in s.changes] for s in made.sections}


def test_each_section_says_what_was_added_changed_and_taken_out(words: Content,
                                                                 store: Store) -> None:
    found = changes(words, store, 1, 3)
    assert found["money"] == [
        "Added: Taxi home, £12.00 a week (£624.00 a year)",
        "Changed: Support worker to go to the rugby club, cost, from £67.20 a week to "
        "£75.00 a week",
        "Taken out: Pub quiz, £2.00 a week (£104.00 a year)",
        "Changed: The personal budget from £3,600.00 a year to £3,000.00 a year",
        "Changed: Personal budget total from £3,494.40 a year to £4,524.00 a year",
        "Changed: Own money total from £199.00 a year to £95.00 a year",
        "Changed: All the support in a year from £3,693.40 a year to £4,619.00 a year",
    ]
    assert "Changed: Going out on my own, what meets it, now also: Taxi home" in found[
        "outcomes"]
    assert "Changed: More friends, what meets it, no longer: Pub quiz" in found["outcomes"]
    assert found["circle"] == ["Added: Ali (taxi driver)"]
    assert found["risks"] == ["Added: Missing the last bus",
                              "Taken out: Someone at the pub could ask me for money"]
    assert found["actions"] == ["Taken out: Meet Sian before the first Saturday"]
    assert [r.split(",")[0] for r in found["reviews"]] == ["Held: a light check",
                                                          "Held: a yearly review"]


def test_the_other_way_round_what_was_added_is_taken_out(words: Content,
                                                         store: Store) -> None:
    found = changes(words, store, 3, 2)
    assert found["money"][0] == "Changed: The personal budget from £3,000.00 a year to " \
                                "£3,600.00 a year"
    assert found["actions"] == ["Added: Meet Sian before the first Saturday"]
    assert found["circle"] == [] and found["risks"] == []


def test_a_version_compared_with_itself_has_nothing_changed(words: Content,
                                                            store: Store) -> None:
    journey = fit.check(words, reviewed(store))
    one = versions.find(journey, 2)
    made = compare(words, journey, one, one)
    assert made.same
    assert all(s.nothing == "Nothing changed here." for s in made.sections)


def test_a_change_of_who_or_when_is_said_part_by_part(words: Content, store: Store) -> None:
    journey = example(store)
    keep(store, journey)
    circle = [dict(p) for p in journey.value("circle.people")]
    circle[0]["ring"] = "friends"
    say(store, journey, "circle.people", circle)
    steps = [dict(a) for a in journey.value("happen.first-steps")]
    steps[1]["status"] = "done"
    say(store, journey, "happen.first-steps", steps)
    keep(store, journey)
    fit.check(words, journey)
    made = compare(words, journey, *versions.kept(journey))
    found = {s.id: [c.text for c in s.changes] for s in made.sections}
    assert found["circle"] == ["Changed: Mum, how close, from Closest family and friends to "
                               "Friends and neighbours"]
    assert found["actions"] == ["Changed: Meet Sian before the first Saturday, how far it "
                                "has got, from to do to done"]


def test_typed_words_are_shown_as_text_in_every_format(words: Content, store: Store) -> None:
    journey = example(store)
    keep(store, journey)
    say(store, journey, "planning.risks", ["<script>alert(1)</script> *bold* [x](y)"])
    keep(store, journey)
    fit.check(words, journey)
    made = compare(words, journey, *versions.kept(journey))
    html = export_comparison(made, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = export_comparison(made, "md").decode()
    assert r"\<script\>" in md and r"\*bold\*" in md and r"\[x\]" in md
    assert "<script>alert(1)</script>" in export_comparison(made, "txt").decode()
    from docx import Document

    doc = Document(io.BytesIO(export_comparison(made, "docx")))
    assert any("<script>alert(1)</script>" in p.text for p in doc.paragraphs)
    assert doc.core_properties.language == "en-GB"


def test_the_same_comparison_gives_the_same_bytes(words: Content, store: Store) -> None:
    journey = fit.check(words, reviewed(store))
    first, _, third = versions.kept(journey)
    for fmt in COMPARE_FORMATS:
        assert export_comparison(compare(words, journey, first, third), fmt) == \
            export_comparison(compare(words, journey, first, third), fmt)


@pytest.mark.parametrize("fmt", [*FORMATS, "prep"])
def test_any_version_of_the_plan_is_saved_in_every_format(
        words: Content, store: Store, tmp_path: Path, fmt: str,
        capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    out = tmp_path / f"plan.{fmt}"
    assert main(["export", journey.id, "--format", fmt, "--version", "1", "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    if fmt in ("md", "txt"):
        text = out.read_text()
        assert "Pub quiz" in text and "version 1" in text  # the first version's own plan
        assert main(["export", journey.id, "--format", fmt, "--version", "3"]) == 0
        assert "Pub quiz" not in capsys.readouterr().out


@pytest.mark.parametrize("fmt", COMPARE_FORMATS)
def test_the_comparison_is_saved_in_every_format(store: Store, tmp_path: Path,
                                                 fmt: str) -> None:
    journey = reviewed(store)
    out = tmp_path / f"changes.{fmt}"
    assert main(["compare", journey.id, "1", "3", "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert b"Taxi home" in data or fmt == "docx"


@pytest.mark.parametrize("args", [["--version", "4"], ["--version", "0"], ["--version", "-1"]])
def test_a_version_that_is_not_there_is_said_plainly(store: Store, args: list[str],
                                                    capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    assert main(["export", journey.id, *args]) == 1
    err = capsys.readouterr().err
    assert "has no version" in err and "1, 2, 3" in err and "Traceback" not in err
    assert main(["compare", journey.id, "1", "7"]) == 1
    assert "has no version 7" in capsys.readouterr().err


def test_versions_lists_each_and_a_plan_without_any_says_so(
        store: Store, capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    assert main(["versions", journey.id]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines] == ["Version 1", "Version 2", "Version 3"]
    assert lines[2].endswith("after a yearly review")
    plain = example(store, "mia")
    assert main(["versions", plain.id]) == 0
    assert "no versions yet" in capsys.readouterr().out
    assert main(["export", plain.id, "--version", "1"]) == 1
    assert "It has no versions yet" in capsys.readouterr().err


def test_a_journey_file_holds_every_version_so_version_is_not_for_json(
        store: Store, capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    assert main(["export", journey.id, "--format", "json", "--version", "2"]) == 1
    assert "--version" in capsys.readouterr().err


def test_a_word_comparison_needs_a_file(store: Store, capsys: pytest.CaptureFixture) -> None:
    journey = reviewed(store)
    assert main(["compare", journey.id, "1", "2", "--format", "docx"]) == 1
    assert capsys.readouterr().err


def test_the_comparison_s_web_page_and_word_file_are_accessible(
        words: Content, store: Store, tmp_path: Path) -> None:
    """One h1, headings in order, the language said; Word's own title, heading and list
    styles; and axe-core in Chromium finds nothing, at both sizes."""
    import asyncio

    from docx import Document

    from .browser import find_chromium
    from .test_accessible import AXE, axe_violations

    journey = fit.check(words, reviewed(store))
    first, _, third = versions.kept(journey)
    made = compare(words, journey, first, third)
    pages = []
    for large in (False, True):
        html = export_comparison(made, "html", large).decode()
        assert '<html lang="en-GB">' in html and html.count("<h1>") == 1
        assert html.count("<h2>") == 6 and "<h3>" not in html
        path = tmp_path / f"compare-{large}.html"
        path.write_text(html)
        pages.append(path)
        doc = Document(io.BytesIO(export_comparison(made, "docx", large)))
        assert doc.core_properties.title == made.title
        styles = [p.style.name for p in doc.paragraphs if p.text]
        assert styles[0] == "Title" and styles.count("Heading 1") == 6
        assert "List Bullet" in styles
    if find_chromium() is None or not AXE.exists():
        pytest.skip("no Chromium or axe-core here")
    found = asyncio.run(axe_violations(pages))
    assert found == {p.name: [] for p in pages}


def test_a_personal_health_budget_is_compared_too(words: Content, store: Store) -> None:
    journey = example(store)
    keep(store, journey)
    say(store, journey, "health-budget.route", ["chc"])
    say(store, journey, "health-budget.has", "yes")
    say(store, journey, "health-budget.amount", {"amount": "100", "period": "week"})
    keep(store, journey)
    fit.check(words, journey)
    made = compare(words, journey, *versions.kept(journey))
    money = [c.text for s in made.sections if s.id == "money" for c in s.changes]
    assert "Added: The personal health budget, £100.00 a week" in money
