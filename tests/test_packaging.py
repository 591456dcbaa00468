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
