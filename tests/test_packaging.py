"""journey as people install it: a wheel and an sdist built as a release would build them,
under journey's own name on the package index, with its licence, content and styles inside;
`python -m journey` runs the same command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import journey

ROOT = Path(__file__).resolve().parents[1]
# An install of "journey" by that name, which would fetch another project.
WRONG_NAME = re.compile(r"""(pip|pipx|uv tool|uv pip) install ["']?journey(\[|["'`\s]|$)""")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist, and the wheel built from that sdist (as `python -m build` does), so the
    wheel shows the sdist holds everything."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def test_the_name_to_install_is_journeys_own() -> None:
    assert PYPROJECT["project"]["name"] == journey.DISTRIBUTION == "journey-care"
    assert PYPROJECT["project"]["scripts"] == {"journey": "journey.cli.main:main"}
    # Every hint to install names it: the web part's advice in README and in the code.
    for path in [ROOT / "README.md", *(ROOT / "src").rglob("*.py"), *(ROOT / "content").rglob(
            "*.toml")]:
        text = path.read_text(encoding="utf-8")
        assert not WRONG_NAME.search(text), (path, WRONG_NAME.search(text))


def test_test_tools_are_not_offered_to_people_installing_journey() -> None:
    assert set(PYPROJECT["project"]["optional-dependencies"]) == {"web"}
    group = PYPROJECT["dependency-groups"]["test"]
    assert all(isinstance(requirement, str) for requirement in group)  # scripts/setup reads them
    assert any(requirement.startswith("pytest") for requirement in group)


def test_wheel_carries_licence_content_and_styles(built: tuple[Path, Path]) -> None:
    _, wheel = built
    assert wheel.name == f"journey_care-{journey.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as opened:
        names = set(opened.namelist())
        read = {name: opened.read(name) for name in names if ".dist-info/" in name}
    shipped = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*")
               if p.is_file()}
    assert {f"journey/content/files/{name}" for name in shipped} <= names
    # `journey examples` reads them from there.
    assert {f"journey/content/files/examples/{n}.json"
            for n in ("mia", "gareth", "edna", "ryan")} <= names
    assert any(name.startswith("journey/content/files/templates/") for name in names)
    assert "journey/tui/journey.tcss" in names
    data = f"journey_care-{journey.__version__}.data/data"
    assert f"{data}/share/man/man1/journey.1" in names
    info = f"journey_care-{journey.__version__}.dist-info"
    assert read[f"{info}/licenses/LICENSE"] == (ROOT / "LICENSE").read_bytes()
    metadata = Parser().parsestr(read[f"{info}/METADATA"].decode())
    assert metadata["Name"] == "journey-care"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata.get_all("Provides-Extra") == ["web"]
    classifiers = metadata.get_all("Classifier")
    assert "Operating System :: OS Independent" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "[console_scripts]\njourney = journey.cli.main:main" in read[
        f"{info}/entry_points.txt"].decode()


def test_sdist_carries_licence_content_and_tests(built: tuple[Path, Path]) -> None:
    sdist, _ = built
    top = f"journey_care-{journey.__version__}"
    assert sdist.name == f"{top}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    for needed in ("LICENSE", "README.md", "pyproject.toml", "content/journey.toml",
                   "src/journey/cli/main.py", "tests/conftest.py"):
        assert f"{top}/{needed}" in names


def test_python_dash_m_journey_is_the_journey_command(journey_home: Path) -> None:
    env = {**os.environ, "JOURNEY_HOME": str(journey_home)}
    version = subprocess.run([sys.executable, "-m", "journey", "--version"], env=env,
                             capture_output=True, text=True, check=True)
    assert version.stdout == f"journey {journey.__version__}\n"
    listed = subprocess.run([sys.executable, "-m", "journey", "list"], env=env,
                            capture_output=True, text=True, check=True)
    assert listed.stdout.strip() and not listed.stderr


def test_readme_says_how_to_start_journey_again_after_scripts_start() -> None:
    # scripts/start runs the program in .venv without putting it on the PATH, so the README
    # must name that program, and not leave "journey" alone to fail with "command not found".
    start = (ROOT / "scripts" / "start").read_text()
    folder = next(line.split("=", 1)[1] for line in start.splitlines()
                  if line.startswith("bin="))
    assert 'exec "$bin/journey"' in start
    program = f"{folder}/journey"
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert f"`{program}`" in readme and '"command not found"' in readme
    assert "scripts/start ..." in readme and '"$@"' in start
