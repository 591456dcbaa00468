"""`pip install .` works away from the checkout: the content ships inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_content_and_styles(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("journey-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*")
               if p.is_file()}
    assert {f"journey/content/files/{name}" for name in shipped} <= names
    # `journey examples` reads them from there.
    assert {f"journey/content/files/examples/{n}.json" for n in ("mia", "gareth", "edna")} <= names
    assert "journey/tui/journey.tcss" in names


def test_readme_says_how_to_start_journey_again_after_scripts_start() -> None:
    # scripts/start runs the program in .venv without putting it on the PATH, so the README
    # must name that program, and not leave "journey" alone to fail with "command not found".
    start = (ROOT / "scripts" / "start").read_text()
    program = next(word for line in start.splitlines() if line.startswith("exec ")
                   for word in line.split() if word.endswith("/journey"))
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert f"`{program}`" in readme and '"command not found"' in readme
    assert "scripts/start ..." in readme and '"$@"' in start
