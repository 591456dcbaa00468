"""Documents that assistive technology can use. The Word file says it is in British English,
carries its title, gives every picture alternative text, marks its tables' heading rows as
headings, keeps its headings in order and makes its lists with Word's list style, never a
typed bullet. The web pages say they are in British English, have one h1 and headings in
order, headers with their scope, pictures with words; and axe-core, run in headless
Chromium, finds nothing wrong with each example's plan and profile."""

from __future__ import annotations

import asyncio
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from journey.documents import render
from journey.documents.layout import lay_out

from .browser import Browser, chromium_note, find_chromium
from .examples import EXAMPLES
from .fullest import priya

JOURNEYS = {**EXAMPLES, "priya": priya}
SIZES = [False, True]
CASES = [(name, large) for name in JOURNEYS for large in SIZES]
IDS = [f"{name}-{'large' if large else 'normal'}" for name, large in CASES]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AXE = Path(__file__).resolve().parent.parent / ".venv" / "axe" / "node_modules" / "axe-core" \
    / "axe.min.js"
MARKERS = "•·‣◦▪▫-*✓✔✗✘\u2013"  # and the en dash


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool, str], bytes]:
    """Each journey's plan in Word and HTML and its profile, both sizes, made once."""
    from journey import content
    from journey.store.database import Store

    words = content.default()
    files = {}
    for name, build in JOURNEYS.items():
        store = Store(tmp_path_factory.mktemp(name))
        plan = build(words, store).plan()
        files[name, False, "layout"] = json.dumps(
            [len(b.columns) for p in lay_out(words, plan).parts for b in p.blocks
             if b.kind == "table" and b.columns]).encode()
        for large in SIZES:
            for fmt in ("docx", "html", "profile-html"):
                files[name, large, fmt] = render.export(plan, fmt, large_print=large)
        store.close()
    return files


# -- Word ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_word_file_says_british_english_and_its_title(made, name: str, large: bool) -> None:
    data = made[name, large, "docx"]
    styles = part(data, "word/styles.xml")
    languages = set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles))
    assert languages == {"en-GB"}
    defaults = re.search(r"<w:docDefaults>.*</w:docDefaults>", styles, re.DOTALL)[0]
    assert 'w:val="en-GB"' in defaults
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.DOTALL)[0]
    assert '<w:lang w:val="en-GB"' in normal
    assert 'w:themeFontLang w:val="en-GB"' in part(data, "word/settings.xml")
    core = part(data, "docProps/core.xml")
    assert "<dc:language>en-GB</dc:language>" in core
    assert re.search(r"<dc:title>Support plan for \w+</dc:title>", core)
    assert "python-docx" not in core


@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_every_picture_in_the_word_file_has_words(made, name: str, large: bool) -> None:
    document = part(made[name, large, "docx"], "word/document.xml")
    pictures = re.findall(r"<wp:docPr [^>]*>", document)
    assert len(pictures) == 2  # the circle of support and the budget chart
    said = [re.search(r'descr="([^"]*)"', p) for p in pictures]
    assert all(s and len(s[1]) > 40 for s in said), pictures
    chart = next(s[1] for s in said if s[1].startswith("Spending"))
    assert re.search(r"£[\d,]+\.\d\d a year", chart)  # the chart's figures, in words
    circle = next(s[1] for s in said if s[1].startswith("Circle of support"))
    assert "Closest family and friends: " in circle


@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_word_files_tables_mark_their_heading_rows(made, name: str, large: bool) -> None:
    from docx import Document

    document = Document(io.BytesIO(made[name, large, "docx"]))
    headed = []
    for table in document.tables:
        rows = table._tbl.findall(f"{W}tr")
        marked = [i for i, row in enumerate(rows) if row.find(f"{W}trPr/{W}tblHeader") is not None]
        assert marked in ([], [0]), "only a table's first row is its heading row"
        if marked:
            headed.append(len(rows[0].findall(f"{W}tc")))
    # Every table the layout gives columns has its heading row marked, and no other.
    assert headed == json.loads(made[name, False, "layout"])


@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_word_files_headings_go_in_order(made, name: str, large: bool) -> None:
    from docx import Document

    document = Document(io.BytesIO(made[name, large, "docx"]))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Title") == 1 and styles[0] == "Title"
    levels = [int(s.removeprefix("Heading ")) for s in styles if s.startswith("Heading ")]
    assert levels[0] == 1
    gaps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert gaps == []


@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_word_files_lists_are_words_lists(made, name: str, large: bool) -> None:
    from docx import Document

    document = Document(io.BytesIO(made[name, large, "docx"]))
    bullet = document.styles["List Bullet"]
    assert bullet.element.find(f"{W}pPr/{W}numPr") is not None  # Word numbers the list
    listed = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert listed
    typed = [text for text in listed if text[:1] in MARKERS]
    assert typed == [], "a list item starts with a typed marker, read as a second bullet"
    typed = [p.text for p in document.paragraphs if p.text.startswith(("• ", "- ", "* "))]
    assert typed == [], "a typed bullet instead of Word's list"


# -- HTML ----------------------------------------------------------------------------------

class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.headers: list[dict[str, str | None]] = []
        self.pictures: list[dict[str, str | None]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "html":
            self.lang = found.get("lang")
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "th":
            self.headers.append(found)
        elif tag in ("img", "svg"):
            self.pictures.append({"tag": tag, **found})


@pytest.mark.parametrize("fmt", ["html", "profile-html"])
@pytest.mark.parametrize(("name", "large"), CASES, ids=IDS)
def test_the_web_pages_say_their_language_headings_headers_and_pictures(
        made, name: str, large: bool, fmt: str) -> None:
    page = Page()
    page.feed(made[name, large, fmt].decode("utf-8"))
    assert page.lang == "en-GB"
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    gaps = [(a, b) for a, b in pairwise(page.headings) if b > a + 1]
    assert gaps == []
    assert all(h.get("scope") in ("col", "row") for h in page.headers), page.headers
    for picture in page.pictures:
        if picture["tag"] == "img":
            assert picture.get("alt")
        else:
            assert picture.get("role") == "img"
            named = (picture.get("aria-labelledby") or "").split()
            described = (picture.get("aria-describedby") or "").split()
            assert named and described and set(named + described) <= page.ids
    if fmt == "html":
        assert len(page.pictures) == 2


# -- axe-core in Chromium ------------------------------------------------------------------

async def axe_violations(pages: list[Path]) -> dict[str, list[str]]:
    browser = await Browser.start()
    try:
        found = {}
        script = AXE.read_text(encoding="utf-8")
        for path in pages:
            page = await browser.new_page()
            await page.go(path.as_uri())
            await browser.wait_for(lambda page=page: page.mine("Page.loadEventFired"))
            await page.evaluate(script)
            assert await page.evaluate("typeof axe.run") == "function"
            result = await page.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                "v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' '))"
                ".slice(0, 3).join(', ') + ')'))")
            found[path.name] = result
        return found
    finally:
        await browser.close()


@pytest.mark.skipif(find_chromium() is None, reason=chromium_note())
@pytest.mark.skipif(not AXE.exists(), reason="no axe-core: scripts/setup test installs it "
                                             "with npm, and npm is not on this machine")
def test_axe_finds_nothing_wrong_with_each_plan_and_profile(made, tmp_path: Path) -> None:
    pages = []
    for name, large in CASES:
        for fmt in ("html", "profile-html"):
            path = tmp_path / f"{name}-{'large' if large else 'normal'}-{fmt}.html"
            path.write_bytes(made[name, large, fmt])
            pages.append(path)
    found = asyncio.run(axe_violations(pages))
    assert len(found) == len(pages)
    assert all(isinstance(v, list) for v in found.values()), found  # axe ran on each
    assert {name: v for name, v in found.items() if v} == {}
