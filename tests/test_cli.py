"""The journey command: version, help, list and export, without Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journey import __version__
from journey.cli.main import main

from .helpers import is_private, start

# Runs the journey command, then says whether Textual was imported along the way.
PROBE = (
    "import sys, runpy\n"
    "sys.argv = ['journey', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('journey', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN')\n"
)


def run(*args: str, env_home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "JOURNEY_HOME": str(env_home)}
    return subprocess.run([sys.executable, "-m", "journey", *args], capture_output=True,
                          text=True, env=env, check=False)


def test_version_and_help(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "list" in out and "export" in out


def test_list_when_empty(capsys: pytest.CaptureFixture) -> None:
    assert main(["list"]) == 0
    assert "No saved journeys" in capsys.readouterr().out


def test_list_and_export(words, store, journey_home: Path, tmp_path: Path,
                         capsys: pytest.CaptureFixture) -> None:
    session = start(words, store, name="Sam\x1b[2J")
    session.answer("person")
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert session.journey.id in out and "Sam" in out and "Your rights" in out
    assert "\x1b" not in out
    target = tmp_path / "plan.md"
    assert main(["export", session.journey.id, "--format", "md", "-o", str(target)]) == 0
    assert is_private(target)
    assert target.read_text().startswith("# Support plan for Sam")
    assert main(["export", session.journey.id]) == 0
    assert "Support plan for Sam" in capsys.readouterr().out


def test_each_document_says_what_was_saved(words, store, tmp_path: Path,
                                           capsys: pytest.CaptureFixture) -> None:
    session = start(words, store)
    said = {"md": "exported_plan", "profile-md": "exported_profile", "prep": "exported_prep"}
    for fmt, key in said.items():
        target = tmp_path / f"{fmt}.out"
        assert main(["export", session.journey.id, "--format", fmt, "-o", str(target)]) == 0
        assert capsys.readouterr().out.strip() == words.message(key, path=target)
    target = tmp_path / "summary.md"
    assert main(["summary", session.journey.id, "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == words.message("summary_saved", path=target)


def test_export_unknown_id(capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "nope"]) == 1
    assert "no saved journey with the id nope" in capsys.readouterr().err


def test_export_to_a_folder_that_does_not_exist(words, store, tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    session = start(words, store)
    assert main(["export", session.journey.id, "-o", str(tmp_path / "no" / "x.md")]) == 1
    assert "could not save the plan" in capsys.readouterr().err


def test_data_folder_that_cannot_be_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("list", env_home=blocker)
    assert result.returncode == 1
    assert "cannot use the folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_commands_without_a_screen_do_not_import_textual(words, store, journey_home) -> None:
    journey = start(words, store).journey
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    for args in (["list"], ["export", journey.id], ["--version"], ["--help"],
                 ["check", journey.id], ["export", journey.id, "--format", "html"],
                 ["summary", journey.id]):
        out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                             text=True, env=env, check=True).stdout
        assert out.strip().endswith("CLEAN"), args
    # The plain conversation, asked for or chosen because input is not a terminal.
    store.release(journey.id)
    for args, typed in ((["--plain"], "2\nSam\n"), ([], "2\n"), (["new"], "Sam\n"),
                        (["open", journey.id, "--plain", "--speak"], "\n")):
        out = subprocess.run([sys.executable, "-c", PROBE, *args], input=typed,
                             capture_output=True, text=True, env=env, check=True).stdout
        assert "What name" in out or "Welcome back" in out, args
        assert out.strip().endswith("CLEAN"), args


def test_help_tells_of_no_colour_and_the_plain_conversation(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "NO_COLOR" in out and "--plain" in out and "--theme" in out and "--speak" in out
    assert "fewer than 8 colours" in out


def test_summary_and_export_without_attribution(words, store, tmp_path, capsys) -> None:
    from journey.cli.main import main

    from .helpers import start, to_text_question

    session = start(words, store, mode="with")
    to_text_question(session)
    session.answer("Swimming on Tuesdays", suggested=True)
    session.note("Ask about the pool's hoist", next_step=True)
    journey_id = session.journey.id

    assert main(["export", journey_id, "--no-attribution"]) == 0
    bare = capsys.readouterr().out
    assert "Swimming on Tuesdays" in bare and "Jo" not in bare

    out = tmp_path / "summary.md"
    assert main(["summary", journey_id, "-o", str(out)]) == 0
    text = out.read_text()
    assert "Swimming on Tuesdays" in text and "hoist" in text
    assert is_private(out)

    assert main(["summary", journey_id, "--sitting", "5"]) == 1
    assert "There is no sitting 5" in capsys.readouterr().err


def test_list_shows_mode_and_percent_and_searches(words, store, capsys) -> None:
    start(words, store, name="Ann Lee")
    start(words, store, name="Bo", mode="behalf")
    assert main(["list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ID", "Name", "Mode", "Step", "reached", "Done", "Last", "changed",
                              "Review", "due"]
    assert "Bo" in out[1] and "For someone" in out[1] and "0%" in out[1]
    assert main(["list", "--search", "LEE"]) == 0
    out = capsys.readouterr().out
    assert "Ann Lee" in out and "Bo" not in out
    assert main(["list", "--search", "zed"]) == 0
    assert 'No saved journey has a name with "zed"' in capsys.readouterr().out


def test_where_names_the_folder(journey_home: Path, capsys) -> None:
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert str(journey_home) in out and str(journey_home / "journeys.db") in out


def test_rename_duplicate_delete_recover_and_purge(words, store, capsys) -> None:
    journey_id = start(words, store, name="Sam").journey.id
    store.release(journey_id)
    assert main(["rename", journey_id, "Samira"]) == 0
    assert "now called Samira" in capsys.readouterr().out
    assert main(["rename", journey_id, "  "]) == 1
    assert "Please give a name" in capsys.readouterr().err
    assert main(["duplicate", journey_id]) == 0
    assert "Made a copy of the journey for Samira" in capsys.readouterr().out
    assert main(["delete", journey_id]) == 0
    out = capsys.readouterr().out
    assert f"Deleted the journey for Samira ({journey_id})" in out
    assert f"journey recover {journey_id}" in out
    assert main(["list", "--deleted"]) == 0
    assert journey_id in capsys.readouterr().out
    assert main(["export", journey_id, "--format", "json"]) == 1
    capsys.readouterr()
    assert main(["recover", journey_id]) == 0
    assert "is back" in capsys.readouterr().out
    assert main(["recover", journey_id]) == 1
    assert "no deleted journey" in capsys.readouterr().err
    assert main(["delete", journey_id, "--purge"]) == 0
    assert "gone for good" in capsys.readouterr().out
    for command in (["delete", journey_id], ["rename", journey_id, "X"],
                    ["duplicate", journey_id]):
        assert main(command) == 1
        assert f"no saved journey with the id {journey_id}" in capsys.readouterr().err


def test_changing_a_journey_open_elsewhere_is_refused(words, store, capsys) -> None:
    journey_id = start(words, store).journey.id  # `store` holds it, as an open app would
    for command in (["rename", journey_id, "X"], ["delete", journey_id],
                    ["delete", journey_id, "--purge"]):
        assert main(command) == 1
        assert "open in a second window" in capsys.readouterr().err
    assert store.load(journey_id).name == "Sam"


def test_new_commands_do_not_import_textual(words, store, journey_home, tmp_path) -> None:
    journey = start(words, store).journey
    store.release(journey.id)
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    backup = str(tmp_path / "b.json")
    for args in (["where"], ["schema"], ["list", "--search", "s"], ["backup", backup],
                 ["restore", backup], ["import", backup], ["rename", journey.id, "Jo"],
                 ["duplicate", journey.id], ["export", journey.id, "--format", "json"],
                 ["delete", journey.id], ["recover", journey.id]):
        out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                             text=True, env=env, check=True).stdout
        assert out.strip().endswith("CLEAN"), args


def test_names_are_cleaned_and_limited_wherever_they_come_in(words, store, capsys) -> None:
    session = start(words, store, name="Jo\u202e\u200b Smith\n\x1b[31mRow")
    assert session.journey.name == "Jo Smith Row"
    journey_id = session.journey.id
    store.close()
    assert main(["rename", journey_id, "Sam\nID        Fake row\u2066"]) == 0
    assert main(["rename", journey_id, "S" * 201]) == 1
    assert "very long (201 characters)" in capsys.readouterr().err
    assert main(["rename", journey_id, "\u200b\u202e \n"]) == 1
    assert "Please give a name" in capsys.readouterr().err
    assert main(["list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and "Sam ID Fake row" in rows[1]


def test_a_long_name_is_cut_short_in_the_list(words, store, capsys) -> None:
    start(words, store, name="Bartholomew " * 16)
    assert main(["list"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert "Bartholomew Bartholomew Bartholomew Bar…" in row and len(row) < 120


def test_list_stops_quietly_when_its_reader_goes_away(words, store, journey_home) -> None:
    """`journey list | head -1`: enough rows to fill the pipe, then the reader is gone."""
    from journey.store.database import Saved

    journey = start(words, store, name="Sam").journey
    store.add([Saved(journey)] * 1500, keep_ids=False)
    store.close()
    result = subprocess.run(f"'{sys.executable}' -m journey list | head -1", shell=True,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "JOURNEY_HOME": str(journey_home)})
    assert result.stdout.startswith("ID")
    assert result.stderr == ""
