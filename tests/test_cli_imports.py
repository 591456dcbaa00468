"""`journey --version` and `journey list` load only what they need: each is run as its own
process and the modules it imported are read from sys.modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the journey command, then prints, on the last line, every module it imported.
PROBE = (
    "import sys, runpy\n"
    "sys.argv = ['journey', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('journey', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print('\\n' + ' '.join(sorted(sys.modules)))\n"
)


def imported(*args: str, home: Path) -> set[str]:
    env = {**os.environ, "JOURNEY_HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         env=env, check=True).stdout
    return set(out.rstrip("\n").rsplit("\n", 1)[-1].split())


def packages(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def pydantic_is_needed_inside() -> bool:
    """Whether the content, the journey's events or the reading of stored events still load
    pydantic as they are imported: until they do not, every command that reads a journey
    imports pydantic."""
    out = subprocess.run(
        [sys.executable, "-c", "import sys, journey.content, journey.core.model, "
         "journey.store.database; print('pydantic' in sys.modules)"],
        capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_version_imports_nothing_of_journey_but_its_version(journey_home: Path) -> None:
    modules = imported("--version", home=journey_home)
    assert {m for m in modules if m.startswith("journey")} <= {
        "journey", "journey.cli", "journey.cli.main", "journey.__main__"}
    # No command line is built, and none of the libraries journey uses is loaded.
    assert not packages(modules) & {"argparse", "typing", "pydantic", "jinja2", "textual",
                                    "rich", "transitions", "sqlite3", "tomllib"}


def test_list_imports_no_screen_documents_or_flow_machine(words, store,
                                                          journey_home: Path) -> None:
    from .helpers import start

    start(words, store, name="Sam")
    store.close()
    imported("list", home=journey_home)  # the first run checks the content and keeps it
    modules = imported("list", home=journey_home)
    assert "sqlite3" in modules  # it did read the saved journeys
    assert not packages(modules) & {"textual", "jinja2", "docx", "transitions", "platformdirs"}
    assert not {m for m in modules if m.startswith(("journey.tui", "journey.documents",
                                                    "journey.plan", "journey.core.flow"))}
    if pydantic_is_needed_inside():
        pytest.skip("pydantic is checked once the content, the events and the reading of "
                    "stored events load it only when needed")
    assert "pydantic" not in packages(modules)


def test_the_command_line_offers_every_format_there_is() -> None:
    # The command line names the formats without importing the renderers: the two lists
    # must stay the same.
    from journey.cli import main as cli
    from journey.documents import render

    assert tuple(render.FORMATS) == cli.FORMATS
