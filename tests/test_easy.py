"""The plan in Easy Read (easy-html, easy-docx): its words pass a stricter readability gate
than the rest of journey, the person's own words are kept as they said them (and stay
inert), every part is there in order with a picture that has words, sums of money are
rounded as people say them, the letters are big (14 pt, 16 pt or more in large print) and
never italic or in capitals, the pages are numbered, and the pictures' licence is shipped
and credited."""

from __future__ import annotations

import asyncio
import dataclasses
import html
import io
import re
import statistics
import tomllib
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journey.content import content_dir, readability
from journey.documents import easy, files, render
from journey.plan import build as build_plan

from .browser import Browser, chromium_note, find_chromium
from .examples import EXAMPLES, walk
from .test_accessible import AXE, axe_violations

EASY_MEDIAN = 2.0
EASY_WORDS = 12
PART_HEADINGS = [easy.words()["parts"][key]["heading"] for key in easy.PARTS]


def easy_sentences() -> list[str]:
    data = easy.words()
    texts = [*data["words"].values(), *(p["heading"] for p in data["parts"].values())]
    return [s for text in texts for s in readability.sentences_of(text)]


def test_the_easy_read_words_pass_the_stricter_gate() -> None:
    sentences = easy_sentences()
    assert len(sentences) > 30
    long = [s for s in sentences if len(s.split()) > EASY_WORDS]
    assert long == []
    names = readability.excused()
    grades = [readability.grade(s, names) for s in sentences
              if len(s.split()) >= readability.MIN_GRADED_WORDS]
    assert statistics.median(grades) <= EASY_MEDIAN
    # The gate can fail: a sentence in the full plan's words would not pass it.
    hard = "The council must arrange an independent advocate when participation is difficult."
    assert readability.grade(hard, names) > EASY_MEDIAN * 3


def test_the_pictures_are_shipped_with_their_licence_and_words() -> None:
    folder = content_dir() / "easy-read"
    licence = (folder / "pictures" / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Microsoft" in licence
    listed = tomllib.loads((folder / "pictures.toml").read_text(encoding="utf-8"))
    chosen = easy.pictures()
    assert set(chosen.by_id) == set(listed["pictures"])
    for picture in chosen.by_id.values():
        assert picture.alt and picture.alt[0].isupper()
        assert picture.svg.read_bytes().startswith(b"<svg ")
        assert picture.png.read_bytes().startswith(b"\x89PNG")
    assert "Microsoft" in chosen.credit and "MIT" in chosen.credit


def test_a_persons_line_chooses_its_picture_by_its_words() -> None:
    chosen = easy.pictures()
    assert chosen.for_words("Getting washed and dressed in the morning") == "washing"
    assert chosen.for_words("Lunch club") == "food"
    assert chosen.for_words("Lifts to the shops") == "bus"
    assert chosen.for_words("Something nobody listed") == chosen.default


# -- a picture the person chooses -------------------------------------------------------------

PICKED = {"welcome.name": "Sam", "welcome.mode": "with", "welcome.helper-name": "Jo",
          "welcome.helper-role": "friend", "planning.outcomes": ["Something nobody listed"],
          "happen.easy-read": "yes", "happen.easy-picture": "home"}


def picture_beside(page: str, text: str) -> str:
    """The words of the picture in the same line of the web page as the text."""
    for idea in re.findall(r'<li class="idea">(.*?)</li>', page, re.DOTALL):
        if f">{text}</p>" in idea:
            return html.unescape(re.search(r'<img [^>]*alt="([^"]*)"', idea)[1])
    raise AssertionError(f"no line says {text!r}")


def word_picture_beside(data: bytes, text: str) -> str:
    """The words of the picture in the same row of the Word file as the text."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").decode("utf-8")
    for row in re.findall(r"<w:tr[ >].*?</w:tr>", document, re.DOTALL):
        if f">{text}</w:t>" in row:
            return html.unescape(re.search(r'<wp:docPr [^>]*descr="([^"]*)"', row)[1])
    raise AssertionError(f"no row says {text!r}")


def test_every_picture_offered_is_in_the_set_with_its_words(words) -> None:
    question = words.question("happen.easy-picture")
    chosen = easy.pictures()
    assert len(question.choices) >= 10
    for choice in question.choices:
        assert choice.value in chosen.by_id, choice.value
        assert choice.label == chosen.by_id[choice.value].alt


def test_a_picture_the_person_chooses_goes_beside_what_they_want_to_change(words,
                                                                          store) -> None:
    plan = walk(words, store, PICKED).plan()
    page = render.render(plan, "easy-html")
    data = render.export(plan, "easy-docx")
    assert picture_beside(page, "Something nobody listed") == "A house"
    assert word_picture_beside(data, "Something nobody listed") == "A house"
    # Without a choice, the line has the part's own picture.
    plain = {k: v for k, v in PICKED.items() if k != "happen.easy-picture"}
    plain["happen.easy-read"] = "no"
    other = walk(words, store, plain).plan()
    assert picture_beside(render.render(other, "easy-html"),
                          "Something nobody listed") == "A bright star"


def test_the_full_plan_says_who_wants_easy_read_and_nothing_more(words, store) -> None:
    wants = render.render(EXAMPLES["gareth"](words, store).plan(), "md")
    assert "Wants an Easy Read plan:** Yes" in wants
    assert "Two people hugging" not in wants  # the picture is for the Easy Read plan
    assert "Easy Read" not in render.render(EXAMPLES["edna"](words, store).plan(), "md")


def test_a_person_planning_alone_is_not_asked_for_a_picture(words, store) -> None:
    with pytest.raises(AssertionError, match="never asked"):
        walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                            "happen.easy-read": "yes"})


def test_a_picture_stored_that_is_not_in_the_set_is_not_used(words, store) -> None:
    session = walk(words, store, PICKED)
    stale = dataclasses.replace(session.plan(), easy_picture="dragon")
    page = render.render(stale, "easy-html")
    assert picture_beside(page, "Something nobody listed") == "A bright star"
    # Changed in the store by hand: read back, the plan still has a picture it knows.
    with store.db:
        changed = store.db.execute("UPDATE events SET body = replace(body, ?, ?)",
                                   ('"home"', '"dragon"')).rowcount
    assert changed >= 1
    plan = build_plan(words, store.load(session.journey.id))
    assert picture_beside(render.render(plan, "easy-html"),
                          "Something nobody listed") == "A bright star"
    assert word_picture_beside(render.export(plan, "easy-docx"),
                               "Something nobody listed") == "A bright star"


@pytest.mark.parametrize(("amount", "said"), [
    ("69.23", "£69"), ("12.50", "£13"), ("210.00", "£210"), ("2950.00", "£3,000"),
    ("10920.00", "£10,900"), ("3600", "£3,600"), ("0.87", "£1")])
def test_sums_are_rounded_as_people_say_them(amount: str, said: str) -> None:
    assert easy.about(Decimal(amount)) == said


class Read(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.images: list[str | None] = []
        self.text: list[str] = []
        self._in: int | None = None
        self._skip = 0
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in ("style", "title"):
            self._skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._in = int(tag[1])
            self.headings.append((self._in, ""))
        if tag == "img":
            self.images.append(dict(attrs).get("alt"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if re.fullmatch(r"h[1-6]", tag):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._in:
            level, text = self.headings[-1]
            self.headings[-1] = (level, (text + data).strip())


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n")))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_part_is_there_in_order_with_a_picture_with_words(words, store, name) -> None:
    plan = EXAMPLES[name](words, store).plan()
    page = Read()
    page.feed(render.render(plan, "easy-html"))
    assert page.lang == "en-GB"
    assert page.headings[0] == (1, easy.words()["words"]["title"])
    assert [text for level, text in page.headings if level == 2] == PART_HEADINGS
    assert [level for level, _ in page.headings].count(1) == 1
    alts = {p.alt for p in easy.pictures().by_id.values()}
    assert page.images and all(alt in alts for alt in page.images)
    said = " ".join(page.text)
    assert easy.pictures().credit in said
    data = render.export(plan, "easy-docx")
    text = docx_text(data)
    for heading in PART_HEADINGS:
        assert heading in text
    assert easy.pictures().credit in text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").decode("utf-8")
    pictures = re.findall(r"<wp:docPr [^>]*>", document)
    assert len(pictures) >= len(PART_HEADINGS) * 2
    assert all(re.search(r'descr="[^"]+"', p) for p in pictures)


def test_the_persons_own_words_are_kept_as_they_said_them(words, store) -> None:
    plan = EXAMPLES["gareth"](words, store).plan()
    page = render.render(plan, "easy-html")
    text = docx_text(render.export(plan, "easy-docx"))
    for own in ("Saturday: rugby club with Sian", "Being told off in front of people",
                "Give me time to answer", "Something to do on Saturdays",
                "Support worker to go to the rugby club", "Mum (mother)",
                "If Sian is off, the agency sends a worker I have met. Or I ring Mum on "
                "07700 900456"):
        assert own in page and own in text, own
    # The money, rounded: a budget of £4,200 a year (raised at his yearly review) is about
    # £81 a week; he pays £12.50.
    for said in ("My budget is about £4,200 a year.", "That is about £81 a week.",
                 "I pay about £13 a week.", "The council has said yes to this."):
        assert said in page and said in text, said
    assert "The full plan has more." in page and "The full plan has more." in text


def test_typed_text_stays_inert_in_easy_read(words, store) -> None:
    hostile = "<script>alert(1)</script> {{ 7*7 }} <b>bold</b>"
    session = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                                  "planning.outcomes": [hostile]})
    plan = session.plan()
    page = render.render(plan, "easy-html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "49" not in page.replace("#49", "")
    assert hostile in docx_text(render.export(plan, "easy-docx"))


@pytest.mark.parametrize("large", [False, True])
def test_the_word_file_is_big_plain_numbered_and_british(words, store, large: bool) -> None:
    data = render.export(EXAMPLES["edna"](words, store).plan(), "easy-docx", large_print=large)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
        footer = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                         if n.startswith("word/footer"))
        core = z.read("docProps/core.xml").decode("utf-8")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.DOTALL)[0]
    size = int(re.search(r'<w:sz w:val="(\d+)"', normal)[1]) / 2
    assert size >= (16 if large else 14)
    sizes = [int(v) / 2 for v in re.findall(r'<w:sz w:val="(\d+)"', document)]
    assert all(s >= size for s in sizes)  # nothing smaller anywhere in the text
    used = [re.search(rf'<w:style [^>]*w:styleId="{name}".*?</w:style>', styles, re.DOTALL)[0]
            for name in ("Normal", "Title", "Heading1")]
    slanted = re.compile(r'<w:i/>|<w:i w:val="(1|true|on)"/>|<w:caps/>|<w:caps w:val="(1|true|on)"')
    assert not slanted.search(document) and not any(slanted.search(u) for u in used)
    assert "PAGE" in footer and "Page" in footer
    assert set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)) == {"en-GB"}
    assert "<dc:title>My plan</dc:title>" in core


def test_easy_read_is_offered_where_the_plan_is_saved() -> None:
    from journey.cli.main import FORMATS

    for fmt in ("easy-html", "easy-docx"):
        assert fmt in FORMATS and fmt in files.CHOICES
        assert files.file_name("abc", fmt).startswith("easy-read-plan-abc.")
    assert files.suffix("easy-docx") == ".docx" and files.suffix("easy-html") == ".html"


# -- in Chromium: letters big and plain, and axe finds nothing ---------------------------

STYLES = """[...document.querySelectorAll('main p, main li, main h1, main h2')].map(e => {
  const s = getComputedStyle(e);
  return [e.textContent.trim().slice(0, 30), parseFloat(s.fontSize), s.fontStyle,
          s.textTransform];
})"""


async def computed(pages: list[Path]) -> dict[str, list[list[object]]]:
    browser = await Browser.start()
    try:
        found = {}
        for path in pages:
            page = await browser.new_page()
            await page.send("Emulation.setEmulatedMedia", {"media": "print"})
            await page.go(path.as_uri())
            await browser.wait_for(lambda page=page: page.mine("Page.loadEventFired"))
            found[path.name] = await page.evaluate(STYLES)
        return found
    finally:
        await browser.close()


@pytest.mark.skipif(find_chromium() is None, reason=chromium_note())
def test_the_web_page_is_big_and_plain_printed_and_on_screen(words, store, tmp_path) -> None:
    plan = EXAMPLES["mia"](words, store).plan()
    pages = []
    for large in (False, True):
        path = tmp_path / f"easy-{'large' if large else 'normal'}.html"
        path.write_bytes(render.export(plan, "easy-html", large_print=large))
        pages.append(path)
    found = asyncio.run(computed(pages))
    for name, elements in found.items():
        least = (16 if "large" in name else 14) * 96 / 72  # points to CSS pixels
        assert elements
        small = [e for e in elements if e[1] < least - 0.01]
        assert small == [], name
        assert {e[2] for e in elements} == {"normal"}
        assert {e[3] for e in elements} == {"none"}


@pytest.mark.skipif(find_chromium() is None, reason=chromium_note())
@pytest.mark.skipif(not AXE.exists(), reason="no axe-core: scripts/setup test installs it "
                                             "with npm, and npm is not on this machine")
def test_axe_finds_nothing_wrong_with_each_easy_read_plan(words, store, tmp_path) -> None:
    pages = []
    for name, build in EXAMPLES.items():
        plan = build(words, store).plan()
        for large in (False, True):
            path = tmp_path / f"{name}-{'large' if large else 'normal'}-easy.html"
            path.write_bytes(render.export(plan, "easy-html", large_print=large))
            pages.append(path)
    found = asyncio.run(axe_violations(pages))
    assert all(isinstance(v, list) for v in found.values()), found
    assert {name: v for name, v in found.items() if v} == {}
