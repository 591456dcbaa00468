"""Plans printed as people print them: every example's plan and its Easy Read plan, at
normal size and in large print, printed to A4 from the web page by headless Chromium and
from the Word file by LibreOffice. On every page no two words lie on top of each other, and
every sum of money in the document is printed whole, as one word ("£14,313.00", never
"£14,313" over ".00")."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journey.documents import render

from .examples import EXAMPLES
from .test_document import text_of_docx

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HAS_POPPLER = bool(shutil.which("pdftotext"))
FIGURE = re.compile(r"-?£\d{1,3}(?:,\d{3})*(?:\.\d\d)?")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"(.*?)</word>")
SLACK = 0.6  # points: glyph boxes of neighbouring words may touch, never cross
# A word's box runs from its font's ascent to its descent, taller than tight lines (two-line
# names in the pictures) are apart: lines are compared by the middle half of their height.


def chromium_pdf(page: Path, folder: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={folder / 'chromium'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120)
    return pdf


def office_pdf(document: Path, folder: Path) -> Path:
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(folder / 'office').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(document.parent), str(document)],
        check=True, capture_output=True, timeout=180)
    return document.with_suffix(".pdf")


def printed_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes, as poppler reads them from the PDF."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        width, height = (float(n) for n in re.match(r'width="([\d.]+)" height="([\d.]+)"',
                                                     page).groups())
        words = [(float(a), float(b), float(c), float(d), _unescape(text))
                 for a, b, c, d, text in WORD.findall(page)]
        outside = [t for x0, y0, x1, y1, t in words
                   if x0 < 0 or y0 < 0 or x1 > width or y1 > height]
        assert outside == [], f"printed beyond the page's edge: {outside}"
        pages.append(words)
    return pages


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&#39;", "'").replace("&amp;", "&")


def overlaps(pages: list[list[tuple[float, float, float, float, str]]]) -> list[str]:
    found = []
    for number, words in enumerate(pages, 1):
        middles = [(x0, y0 + (y1 - y0) / 4, x1, y1 - (y1 - y0) / 4, text)
                   for x0, y0, x1, y1, text in words]
        for i, (x0, y0, x1, y1, text) in enumerate(middles):
            for a0, b0, a1, b1, other in middles[i + 1:]:
                if min(x1, a1) - max(x0, a0) > SLACK and min(y1, b1) - max(y0, b0) > 0:
                    found.append(f"page {number}: {text!r} on {other!r}")
    return found


def figures_printed(pages: list[list[tuple[float, float, float, float, str]]]) -> Counter[str]:
    """The sums of money printed whole: words that are a figure, give or take the
    punctuation around it."""
    whole = Counter()
    for words in pages:
        for *_, text in words:
            bare = text.strip("()[],;:").removesuffix(".")
            if FIGURE.fullmatch(bare):
                whole[bare] += 1
    return whole


class Visible(HTMLParser):
    """The text a page prints: not its head, and not what is there for screen readers only."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = tag in ("head", "title", "desc") or ("class", "hidden") in attrs
        if (self._skip or hidden) and tag not in ("br", "col", "meta", "link"):
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def html_text(page: bytes) -> str:
    parser = Visible()
    parser.feed(page.decode("utf-8"))
    return " ".join(parser.text)


def figures_in(text: str) -> Counter[str]:
    return Counter(FIGURE.findall(text))


CASES = [(name, large) for name in EXAMPLES for large in (False, True)]
IDS = [f"{name}-{'large' if large else 'normal'}" for name, large in CASES]
KINDS = ["plan", "easy"]  # the plan, and the plan in Easy Read


def check_printed(pdf: Path, source_text: str, what: str) -> None:
    pages = printed_words(pdf)
    assert pages, f"{what}: nothing printed"
    assert overlaps(pages) == [], f"{what}: words printed on top of each other"
    wanted = figures_in(source_text)
    assert wanted, f"{what}: no sums of money to look for"
    printed = figures_printed(pages)
    split = {f: n for f, n in wanted.items() if printed[f] < n}
    assert split == {}, f"{what}: figures not printed whole (figure: times in the document)"


@pytest.mark.skipif(not (CHROMIUM and HAS_POPPLER),
                    reason="needs headless Chromium and poppler's pdftotext to print")
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_web_page_prints_every_figure_whole_and_nothing_on_top(
        name: str, large: bool, kind: str, words, store, tmp_path: Path) -> None:
    fmt = "html" if kind == "plan" else "easy-html"
    data = render.export(EXAMPLES[name](words, store).plan(), fmt, large_print=large)
    page = tmp_path / "plan.html"
    page.write_bytes(data)
    check_printed(chromium_pdf(page, tmp_path), html_text(data), f"{name}'s web page")


@pytest.mark.skipif(not (SOFFICE and HAS_POPPLER),
                    reason="needs LibreOffice (scripts/setup test installs "
                           "libreoffice-writer-nogui as root) and poppler's pdftotext")
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_word_file_prints_every_figure_whole_and_nothing_on_top(
        name: str, large: bool, kind: str, words, store, tmp_path: Path) -> None:
    fmt = "docx" if kind == "plan" else "easy-docx"
    data = render.export(EXAMPLES[name](words, store).plan(), fmt, large_print=large)
    document = tmp_path / "plan.docx"
    document.write_bytes(data)
    check_printed(office_pdf(document, tmp_path), text_of_docx(data), f"{name}'s Word file")


@pytest.mark.skipif(not (CHROMIUM and SOFFICE and HAS_POPPLER),
                    reason="needs headless Chromium, LibreOffice and poppler's pdftotext")
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_what_changed_between_versions_prints_whole(large: bool, words, store,
                                                    tmp_path: Path) -> None:
    from journey.core import fit
    from journey.plan import versions
    from journey.plan.compare import compare

    from .reviewed import reviewed

    journey = fit.check(words, reviewed(store))
    first, _, third = versions.kept(journey)
    made = compare(words, journey, first, third)
    page = tmp_path / "changes.html"
    page.write_bytes(data := render.export_comparison(made, "html", large))
    check_printed(chromium_pdf(page, tmp_path), html_text(data), "the comparison's web page")
    document = tmp_path / "changes.docx"
    document.write_bytes(data := render.export_comparison(made, "docx", large))
    check_printed(office_pdf(document, tmp_path), text_of_docx(data),
                  "the comparison's Word file")
