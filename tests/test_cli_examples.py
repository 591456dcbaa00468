"""`journey examples`: the example journeys reach someone who installed journey, not only a
checkout: listed with what each shows, and added (a new copy each time) or opened."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journey.cli import main as cli
from journey.content.loading import content_dir
from journey.store.database import Store

NAMES = ("edna", "gareth", "mia", "ryan")


def test_the_examples_are_listed_with_what_each_shows(capsys, words) -> None:
    assert cli.main(["examples"]) == 0
    out = capsys.readouterr().out
    for name in NAMES:
        line = next(line for line in out.splitlines() if line.split()[:1] == [name])
        assert words.message("example_" + name) in line
    assert "examples NAME" in out


def test_an_example_is_added_as_a_new_copy_each_time(capsys, journey_home: Path) -> None:
    assert cli.main(["examples", "Mia"]) == 0
    assert cli.main(["examples", "mia"]) == 0
    out = capsys.readouterr().out
    ids = [s.id for s in Store(journey_home).list()]
    assert len(ids) == 2 and len(set(ids)) == 2
    for journey_id in ids:
        assert f"open {journey_id}" in out
    assert [s.name for s in Store(journey_home).list()] == ["Mia", "Mia"]


def test_an_unknown_example_names_the_ones_there_are(capsys, journey_home: Path) -> None:
    assert cli.main(["examples", "bob"]) == 1
    err = capsys.readouterr().err
    assert '"bob"' in err and all(name in err for name in NAMES)
    assert Store(journey_home).list() == []


def test_open_opens_the_example_once_added(monkeypatch, capsys, journey_home: Path) -> None:
    opened: list[dict[str, object]] = []
    monkeypatch.setattr(cli, "_run_app", lambda **kw: opened.append(kw) or 0)
    assert cli.main(["examples", "gareth", "--open", "--plain"]) == 0
    [journey] = Store(journey_home).list()
    assert opened == [{"journey_id": journey.id, "new": False, "plain": True, "speak": False,
                       "theme": None}]


def test_the_examples_are_found_wherever_the_content_is(
        monkeypatch, capsys, tmp_path: Path) -> None:
    # An installed journey reads its content from inside the package, not the checkout.
    elsewhere = tmp_path / "installed"
    shutil.copytree(content_dir(), elsewhere)
    (elsewhere / "examples" / "gareth.json").unlink()
    monkeypatch.setenv("JOURNEY_CONTENT", str(elsewhere))
    assert cli.main(["examples"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()
              if line.startswith("  ")]
    assert listed == ["edna", "mia", "ryan"]


@pytest.mark.parametrize("argv", [["examples", "--help"], ["--help"]])
def test_help_tells_of_the_examples(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert "example" in capsys.readouterr().out


def test_the_readme_describes_every_example() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    shipped = sorted(p.stem for p in (content_dir() / "examples").glob("*.json"))
    assert shipped == sorted(NAMES)
    for name in shipped:
        assert f"  - `{name}`" in readme, name
