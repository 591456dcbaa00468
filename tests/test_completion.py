"""Shell completion and the man page, both written from the command line's own parser: each
names every command and option there is, and the shells complete as people type."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journey.cli import main as cli
from journey.cli.completion import SHELLS, outline, script
from journey.cli.manual import page

ROOT = Path(__file__).resolve().parents[1]


def shape():
    return outline(cli._parser())


def every_word() -> set[str]:
    """Every command and option of the command line."""
    found = {flag for option in shape().options for flag in option.flags}
    for command in shape().commands:
        found.add(command.name)
        found |= {flag for option in command.options for flag in option.flags}
    return found


def test_the_parser_is_read_whole() -> None:
    names = {command.name for command in shape().commands}
    assert {"list", "export", "check", "open", "where", "completion", "recover"} <= names
    export = next(c for c in shape().commands if c.name == "export")
    formats = next(o for o in export.options if "--format" in o.flags).choices
    assert set(cli.FORMATS) <= set(formats)


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_is_told_of_every_command_and_option(
        shell: str, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["completion", shell]) == 0
    printed = capsys.readouterr().out
    assert printed == script(shell, shape())
    for word in every_word():
        bare = word.lstrip("-")
        assert bare in printed, (shell, word)


@pytest.fixture
def with_a_journey(journey_home: Path, tmp_path: Path) -> tuple[dict[str, str], str]:
    """The environment a shell completes in: journey on the PATH and one saved journey."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "JOURNEY_HOME": str(journey_home)}
    subprocess.run([str(bin_dir / "journey"), "import", str(ROOT / "content/examples/mia.json")],
                   env=env, check=True, capture_output=True)
    listed = subprocess.run([str(bin_dir / "journey"), "list"], env=env, check=True,
                            capture_output=True, text=True).stdout
    return env, listed.splitlines()[1].split()[0]


def _need(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not installed (scripts/setup test installs it with apt-get "
                    "where it can)")
    return found


@pytest.mark.posix
def test_bash_completes_commands_options_choices_and_ids(with_a_journey, tmp_path) -> None:
    bash = _need("bash")
    env, journey_id = with_a_journey
    (tmp_path / "journey.bash").write_text(script("bash", shape()))
    probe = (
        "source journey.bash\n"
        't() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); '
        '_journey; echo "${COMPREPLY[*]}"; }\n'
        "t journey exp\n"
        't journey export ""\n'
        "t journey export x --format profile\n"
        "t journey --theme x ch\n"
        "t journey check --h\n"
        't journey completion ""\n'
    )
    out = subprocess.run([bash, "-c", probe], cwd=tmp_path, env=env, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out == ["export", journey_id, "profile-md profile-html", "check", "--help",
                   "bash zsh fish"]


@pytest.mark.posix
def test_fish_completes_commands_choices_and_ids(with_a_journey, tmp_path) -> None:
    fish = _need("fish")
    env, journey_id = with_a_journey
    (tmp_path / "journey.fish").write_text(script("fish", shape()))
    probe = ("source journey.fish; complete -C 'journey exp'; complete -C 'journey check '; "
             "complete -C 'journey export x --format profile-'")
    out = subprocess.run([fish, "--no-config", "-c", probe], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert [line.split("\t")[0] for line in out] == ["export", journey_id, "profile-html",
                                                     "profile-md"]


@pytest.mark.posix
def test_zsh_reads_the_script_and_registers_it(tmp_path) -> None:
    zsh = _need("zsh")
    (tmp_path / "journey.zsh").write_text(script("zsh", shape()))
    subprocess.run([zsh, "-n", "journey.zsh"], cwd=tmp_path, check=True)
    registered = subprocess.run(
        [zsh, "-f", "-c", "autoload -U compinit; compinit -u -d ./zcompdump; "
                          "source journey.zsh; print -- $_comps[journey]"],
        cwd=tmp_path, capture_output=True, text=True, check=True)
    assert registered.stdout.strip() == "_journey" and not registered.stderr


def test_the_man_page_is_what_the_parser_makes_now() -> None:
    shipped = (ROOT / "man" / "journey.1").read_text(encoding="utf-8")
    assert shipped == page(shape()), "run scripts/make-man"
    for word in every_word():
        assert word.replace("-", "\\-") in shipped, word
    assert "\\fB3\\fR" in shipped  # the exit codes


def test_the_man_page_reads_without_a_warning() -> None:
    groff = _need("groff")
    checked = subprocess.run([groff, "-man", "-ww", "-z", str(ROOT / "man" / "journey.1")],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == ""
