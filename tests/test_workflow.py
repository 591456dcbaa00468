"""The GitHub Actions workflow runs README's test command on Linux, Windows and macOS, on the
oldest and the newest Python journey says it supports, and is checked with zizmor (installed
by `scripts/setup test`), which refuses a workflow that does not match GitHub's schema."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"


def zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which(
        "zizmor")
    if found is None:
        pytest.skip("zizmor is not installed (scripts/setup test installs it)")
    return found


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    # --offline: no look-ups of the actions online; --strict-collection: a file that is not a
    # valid workflow fails rather than being passed over.
    return subprocess.run([zizmor(), "--offline", "--pedantic", "--strict-collection",
                           "--no-progress", str(path)], capture_output=True, text=True)


def test_the_workflow_passes_the_linter() -> None:
    checked = lint(WORKFLOW)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_linter_refuses_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "test.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "runs-onn:"))
    assert lint(broken).returncode != 0
    unpinned = WORKFLOW.read_text()
    unpinned = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@main", unpinned)
    broken.write_text(unpinned)
    assert lint(broken).returncode != 0


def test_it_runs_readmes_test_command_on_three_systems_and_the_oldest_and_newest_python(
        ) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    versions = sorted(
        (c.rsplit(":: ", 1)[1] for c in project["classifiers"]
         if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)),
        key=lambda v: tuple(map(int, v.split("."))))
    assert project["requires-python"] == f">={versions[0]}"
    text = WORKFLOW.read_text()
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in text
    assert f'python: ["{versions[0]}", "{versions[-1]}"]' in text
    assert "shell: bash" in text  # the scripts are bash, on Windows too
    readme = (ROOT / "README.md").read_text()
    assert "\nscripts/test\n" in readme
    assert re.search(r"^        run: scripts/test$", text, re.M)
