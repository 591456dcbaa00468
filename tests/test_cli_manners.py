"""The journey command's manners: results on standard output, errors on standard error, exit
codes that mean one thing each."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journey.cli import main as cli
from journey.store.database import Store

from .examples import edna
from .helpers import start

# A call of each command that fails, and the words of its error.
FAILING = {
    "open": (["open", "nope"], "no saved journey with the id nope"),
    "export": (["export", "nope"], "no saved journey with the id nope"),
    "summary": (["summary", "nope"], "no saved journey with the id nope"),
    "check": (["check", "nope"], "no saved journey with the id nope"),
    "rename": (["rename", "nope", "Sam"], "no saved journey with the id nope"),
    "duplicate": (["duplicate", "nope"], "no saved journey with the id nope"),
    "delete": (["delete", "nope"], "no saved journey with the id nope"),
    "recover": (["recover", "nope"], "no deleted journey with the id nope"),
    "import": (["import", "/no/such/file.json"], "no file at /no/such/file.json"),
    "restore": (["restore", "/no/such/file.json"], "no file at /no/such/file.json"),
    "backup": (["backup", "/no/such/folder/all.json"], "could not write the file"),
    "completion": (["completion", "tcsh"], "invalid choice: 'tcsh'"),
    "examples": (["examples", "nobody"], 'There is no example called "nobody"'),
    "money": (["money", "nope", "list"], "no saved journey with the id nope"),
    "versions": (["versions", "nope"], "no saved journey with the id nope"),
    "compare": (["compare", "nope", "1", "2"], "no saved journey with the id nope"),
    "review": (["review", "nope"], "no saved journey with the id nope"),
}
# Commands with no way to fail but a folder that cannot be used (tested elsewhere).
CANNOT_FAIL = {"list", "where", "schema", "new", "serve"}


def commands() -> set[str]:
    parser = cli._parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_every_command_has_its_failure_tried() -> None:
    assert commands() == set(FAILING) | CANNOT_FAIL


@pytest.mark.parametrize("command", sorted(FAILING))
def test_errors_go_to_standard_error_and_nothing_to_standard_output(
        command: str, capsys: pytest.CaptureFixture) -> None:
    argv, error = FAILING[command]
    try:
        code = cli.main(argv)
    except SystemExit as e:  # argparse's own errors
        code = e.code
    out, err = capsys.readouterr()
    assert out == ""
    assert error in err
    assert code == (2 if command == "completion" else 1)


def test_open_in_plain_lines_says_its_error_on_standard_error(journey_home: Path) -> None:
    # As a person's shell runs it, with nothing to read: the plain conversation.
    ran = subprocess.run([sys.executable, "-m", "journey", "open", "nope"],
                         stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         env={**os.environ, "JOURNEY_HOME": str(journey_home)})
    assert ran.returncode == 1
    assert ran.stdout == ""
    assert "no saved journey with the id nope" in ran.stderr


def test_a_journey_open_elsewhere_is_refused_on_standard_error(
        words, store: Store, capsys: pytest.CaptureFixture) -> None:
    session = start(words, store)
    assert session.claim()
    try:
        assert cli.main(["open", session.journey.id, "--plain"]) == 1
    finally:
        session.close()
    out, err = capsys.readouterr()
    assert "open in a second window" in err
    assert "open in a second window" not in out


def test_check_not_ready_has_an_exit_code_of_its_own(words, store: Store,
                                                     capsys: pytest.CaptureFixture) -> None:
    assert cli.NOT_READY not in (0, 1, 2)  # 2 is argparse's: the command was not understood
    assert cli.main(["check", edna(words, store).journey.id]) == cli.NOT_READY
    assert "The council would still need:" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        cli.main(["check"])
    assert e.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    helped = " ".join(capsys.readouterr().out.split())
    assert f"{cli.NOT_READY} when something would stop a council agreeing it" in helped
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    helped = " ".join(capsys.readouterr().out.split())
    assert f"{cli.NOT_READY} 'journey check' found something" in helped
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text().split())
    assert f"{cli.NOT_READY} when something does" in readme


def test_where_shows_the_data_settings_cache_and_log_folders(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["where"]) == 0
    out = capsys.readouterr().out
    for folder in ("home", "config/settings.toml", "cache", "log/journey.log"):
        assert f"  {tmp_path / folder}\n" in out, folder


def failing_store(monkeypatch: pytest.MonkeyPatch, problem: Exception) -> None:
    """Reading journeys fails as a damaged disk or a bug would make it fail; the problem's
    words quote a person's name and answer, as an error's words can."""
    def broken(*args: object, **kwargs: object) -> None:
        raise type(problem)(*problem.args)  # a new one each time, as a real failure is

    monkeypatch.setattr(Store, "load", broken)


def test_an_error_is_logged_by_id_never_by_name_or_answer(
        words, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    journey_id = start(words, store, name="Sam Secretname").journey.id
    failing_store(monkeypatch, ValueError("Sam Secretname said: my private answer"))
    assert cli.main(["export", journey_id]) == 1
    out, err = capsys.readouterr()
    log = tmp_path / "log" / "journey.log"
    assert out == ""
    assert "something went wrong" in err and str(log) in err
    assert "Secretname" not in err  # the plain message, not the error's words
    text = log.read_text()
    assert text.count("\n") == 1
    assert " ERROR " in text and f"command=export id={journey_id} builtins.ValueError" in text
    assert "cli/main.py:" in text  # where in journey's code it happened
    assert "Secretname" not in text and "private answer" not in text
    if os.name == "posix":
        assert (log.stat().st_mode & 0o777) == 0o600
        assert (log.parent.stat().st_mode & 0o777) == 0o700
    # An id that is not the shape of journey's own may be a name typed by mistake.
    assert cli.main(["export", "Sam Secretname"]) == 1
    assert "id=(not an id)" in log.read_text() and "Secretname" not in log.read_text()


def test_the_log_stays_small(words, store: Store, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.cli import log

    monkeypatch.setattr(log, "LIMIT", 2000)
    journey_id = start(words, store).journey.id
    failing_store(monkeypatch, OSError(5, "Input/output error"))
    for _ in range(40):
        assert cli.main(["summary", journey_id]) == 1
    files = sorted(p.name for p in (tmp_path / "log").iterdir())
    assert files == ["journey.log", "journey.log.1"]
    assert all((tmp_path / "log" / name).stat().st_size < 2000 + 400 for name in files)
    assert "builtins.OSError errno=EIO" in (tmp_path / "log" / "journey.log").read_text()


def test_debug_shows_more_and_the_error_in_full(
        words, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    from journey.cli import log

    monkeypatch.setattr(log, "_debugging", False)  # put back after the test
    journey_id = start(words, store, name="Sam").journey.id
    assert cli.main(["list"]) == 0
    assert not (tmp_path / "log").exists()  # nothing went wrong: no log at all
    failing_store(monkeypatch, ValueError("the whole story"))
    assert cli.main(["--debug", "check", journey_id]) == 1
    err = capsys.readouterr().err
    assert "DEBUG" in err and "started" in err
    assert "Traceback" in err and "ValueError: the whole story" in err
    text = (tmp_path / "log" / "journey.log").read_text()
    assert "DEBUG" in text and " ERROR " in text and "the whole story" not in text


def test_a_journey_left_at_who_is_here_today_is_let_go(
        words, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    journey_id = start(words, store).journey.id
    store.release(journey_id)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # input ends at the first question
    assert cli.main(["open", journey_id, "--plain"]) == 0
    assert cli.main(["rename", journey_id, "Sam B"]) == 0  # not "open in another window"


@pytest.mark.parametrize(("marker", "command"), [
    (None, 'pip install "journey-care[web]"'),
    ("pipx_metadata.json", 'pipx install --force "journey-care[web]"'),
    ("uv-receipt.toml", 'uv tool install --reinstall "journey-care[web]"'),
])
def test_the_web_part_is_added_the_way_journey_was_installed(
        marker: str | None, command: str, words, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import importlib.util

    prefix = tmp_path / "tool"
    prefix.mkdir()
    if marker:
        (prefix / marker).write_text("")
    monkeypatch.setattr(sys, "prefix", str(prefix))
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "textual_serve" else real(name, *a))
    assert cli.main(["serve"]) == 1
    assert capsys.readouterr().err.strip() == words.message("serve_needs_extra",
                                                            command=command)
