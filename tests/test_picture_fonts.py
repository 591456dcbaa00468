"""The pictures' fonts are found by the names each system gives them."""

from __future__ import annotations

import pytest
from PIL import ImageFont

from journey.documents import pictures

# The file names of Arial in C:\Windows\Fonts (Windows matches names without regard to case).
WINDOWS = {"arial.ttf", "arialbd.ttf"}


@pytest.mark.parametrize(("bold", "wanted"), [(False, "arial.ttf"), (True, "arialbd.ttf")])
def test_arial_is_found_under_its_windows_names(monkeypatch, bold: bool, wanted: str) -> None:
    tried: list[str] = []

    def windows_truetype(name: str, size: int) -> str:
        tried.append(name)
        if name.lower() not in WINDOWS:
            raise OSError(f"cannot open resource {name}")
        return name.lower()

    monkeypatch.setattr(ImageFont, "truetype", windows_truetype)
    pictures._font.cache_clear()
    try:
        assert pictures._font(16, bold=bold) == wanted, tried
    finally:
        pictures._font.cache_clear()
