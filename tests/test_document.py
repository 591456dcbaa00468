"""The plan as a document: every format carries the same parts under the same headings, the
first page, one voice, process answers left out, shared notes and agreed next steps in every
format, the one-page profile's headings, the Word document's headings and pictures, typed text
inert everywhere, and the fullest journey on about eight printed A4 pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from journey.documents import render
from journey.documents.layout import lay_out, read_rules, rules
from journey.plan import Plan
from journey.store.database import Store

from .examples import EXAMPLES, item, walk
from .fullest import priya

JOURNEYS = {**EXAMPLES, "priya": priya}
PLAN_FORMATS = ("md", "txt", "html", "docx")


# -- reading each format's headings back ------------------------------------------------

def md_headings(text: str) -> list[tuple[int, str]]:
    found = []
    for line in text.splitlines():
        match = re.match(r"(#{1,3}) (.*)", line)
        if match:
            found.append((len(match[1]), re.sub(r"\\(.)", r"\1", match[2])))
    return found


def txt_headings(text: str) -> list[tuple[int, str]]:
    lines = text.splitlines()
    return [(1 if under[0] == "=" else 2, line)
            for line, under in pairwise(lines)
            if line and under and set(under) <= {"=", "-"} and len(under) == len(line)]


class Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str]] = []
        self._level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._level = int(tag[1])
            self.found.append((self._level, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3"):
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            level, text = self.found[-1]
            self.found[-1] = (level, text + data)


def html_headings(page: str) -> list[tuple[int, str]]:
    parser = Headings()
    parser.feed(page)
    return parser.found


def docx_headings(data: bytes) -> list[tuple[int, str]]:
    from docx import Document

    levels = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
    return [(levels[p.style.name], p.text) for p in Document(io.BytesIO(data)).paragraphs
            if p.style.name in levels]


def headings(plan: Plan, fmt: str) -> list[tuple[int, str]]:
    data = render.export(plan, fmt)
    if fmt == "docx":
        return docx_headings(data)
    text = data.decode("utf-8")
    return {"md": md_headings, "txt": txt_headings, "html": html_headings}[fmt](text)


def text_of(plan: Plan, fmt: str) -> str:
    data = render.export(plan, fmt)
    if fmt != "docx":
        return data.decode("utf-8")
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# -- the same parts in every format -------------------------------------------------------

@pytest.mark.parametrize("example", JOURNEYS)
def test_every_format_has_the_same_headings(words, store: Store, example: str) -> None:
    plan = JOURNEYS[example](words, store).plan()
    document = lay_out(words, plan)
    expected = [(1, document.title)] + [(2, h) for h in document.headings()]
    found = {fmt: headings(plan, fmt) for fmt in PLAN_FORMATS}
    for fmt in PLAN_FORMATS:
        assert [h for h in found[fmt] if h[0] <= 2] == expected, fmt
    # The small headings too, in the formats that mark them as headings.
    assert found["md"] == found["html"] == found["docx"]
    assert [text for level, text in found["md"] if level == 3] == document.subheadings()
    assert len(document.headings()) >= 13  # the first page, eleven parts, the checklist


def test_the_word_document_uses_words_own_heading_styles(words, store: Store) -> None:
    from docx import Document

    data = render.export(priya(words, store).plan(), "docx")
    styles = [p.style.name for p in Document(io.BytesIO(data)).paragraphs]
    assert styles.count("Title") == 1
    assert styles.count("Heading 1") >= 13 and styles.count("Heading 2") >= 10


def test_the_word_document_carries_both_pictures(words, store: Store) -> None:
    data = render.export(priya(words, store).plan(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(pictures) == 2
        assert all(z.read(n).startswith(b"\x89PNG") for n in pictures)
    # A plan with no costs and no circle has no pictures to draw.
    bare = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self"}).plan()
    with zipfile.ZipFile(io.BytesIO(render.export(bare, "docx"))) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]


# -- the first page -----------------------------------------------------------------------

def glance(plan: Plan, words) -> dict[str, str]:
    first = lay_out(words, plan).parts[0]
    assert first.kind == "glance"
    return {row.label: row.value for row in first.rows}


def test_the_first_page_says_who_when_where_it_stands_and_the_money(words, store) -> None:
    rows = glance(priya(words, store).plan(), words)
    assert rows["Plan for"] == "Priya"
    assert rows["Who planned it"] == "Priya, with Jo (advocate)"
    assert "Also helped" not in rows  # nobody else took part; who Priya would like is a wish
    assert rows["Unpaid carer"] == "Meera (sister)"
    assert rows["Date of birth"] == "14 November 1979" and rows["NHS number"] == "943 476 5919"
    assert rows["Whose words"] == "said by Priya, unless marked"
    assert rows["Where it stands"] == "Agreed on 20 June 2026"
    assert rows["Personal budget"] == (
        "£520.00 a week, agreed. Planned: £477.14 a week. Left: £42.86 a week.")
    assert rows["How the money is held"] == "The money is paid into a bank account of its own"
    assert re.fullmatch(r"\d{1,2} \w+ \d{4}", rows["Last changed"])
    first = lay_out(words, priya(words, store).plan()).parts[0]
    outcomes, reviews = first.blocks[0], first.blocks[1]
    assert outcomes.title == "Main outcomes" and "Work part time again" in outcomes.lines
    # Her hopes in her own words are said once, as a row, not again among the outcomes.
    hopes = "To live in my own flat with the right help, and to get back to work"
    assert hopes in rows.values() and hopes not in outcomes.lines
    assert reviews.title == "Reviews" and reviews.lines[-1] == (
        "A full review, and then at least once a year: by 20 June 2027")

    assert glance(EXAMPLES["mia"](words, store).plan(), words)["Where it stands"] == (
        "Agreed on 2 March 2026")
    assert glance(EXAMPLES["mia"](words, store).plan(), words)["Who planned it"] == (
        "Mia, without a helper")
    gareth = glance(EXAMPLES["gareth"](words, store).plan(), words)
    assert gareth["Where it stands"] == "Agreed on 20 April 2026"
    assert gareth["Personal budget"] == (  # a yearly budget also by the week, like the spending
        "£4,200.00 a year, which is £80.77 a week, agreed. Planned: £67.20 a week. "
        "Left: £13.57 a week.")
    edna = glance(EXAMPLES["edna"](words, store).plan(), words)
    assert edna["Who planned it"] == "Carol (daughter), for Edna"
    assert edna["Where it stands"] == (
        "A draft. The checklist at the end says what is still needed.")
    assert edna["Personal budget"].endswith("Over the budget by £56.25 a week.")


def test_a_ready_plan_not_yet_agreed_says_so(words, store) -> None:
    session = EXAMPLES["mia"](words, store)
    session.go_to_question("happen.agreed")
    session.answer(None, unsure=True)
    plan = session.plan()
    if plan.readiness.ready:
        assert glance(plan, words)["Where it stands"] == "Ready for the council to look at"
    else:  # "not sure yet" is itself something to find out
        assert glance(plan, words)["Where it stands"].startswith("A draft.")


# -- one voice, and nothing a panel does not need -------------------------------------------

def test_headings_speak_in_one_voice(words, store: Store) -> None:
    mia = render.render(EXAMPLES["mia"](words, store).plan(), "md")
    assert "- **Things I love:** Walking; Singing" in mia
    assert "- **What people like about me:** I never give up; I make people laugh" in mia
    edna = render.render(EXAMPLES["edna"](words, store).plan(), "md")
    assert "- **Things Edna loves:** Her garden" in edna
    priya_md = render.render(priya(words, store).plan(), "md")
    assert "How best to support Priya" in priya_md
    assert "Priya gets PIP, or Attendance Allowance" in priya_md  # a choice about her
    for text in (mia, edna, priya_md):
        assert "you love" not in text and "about you" not in text
        assert "You get PIP" not in text


def test_process_answers_and_plain_noes_are_left_out(words, store: Store) -> None:
    for fmt in PLAN_FORMATS:
        text = text_of(priya(words, store).plan(), fmt)
        for label in ("Knows how the figure was worked out", "Rough figure known",
                      "Knew about having a say in the money", "Kinds of support to find out",
                      "Hard to understand things", "Get ready step by step",
                      "Using the toilet", "Caring for a child", "Helper's role"):
            assert label not in text, (fmt, label)
        assert "Keeping things in mind long enough to use them" in text
        # The outcome-by-outcome answers are one table, not thirty headings.
        assert "The ten outcomes for adults" in text
        assert "Eating and drinking: is it hard?" not in text
    mia = render.render(EXAMPLES["mia"](words, store).plan(), "md")
    assert "Keeping things in mind" not in mia  # nothing was very hard for her
    # Shown once: the outcomes in the table of what meets them, not again as a list.
    assert "Outcomes wanted" not in mia and "What meets each need and outcome" in mia


def test_the_document_rules_name_real_questions(words) -> None:
    named = rules().questions_named()
    assert named <= {q.id for s in words.all_steps for q in s.questions}, named
    results = {r.id for s in words.all_steps for r in s.results}
    assert set(rules().leave_out_results) <= results
    assert set(rules().profile) <= {s.id for s in words.profile_sections}


@pytest.mark.parametrize("bad", [
    {"leave_outs": ["welcome.name"]},  # misspelt
    {"leave_out": "welcome.name"},  # not a list
    {"quiet": {"advocacy.other": "none"}},
    {"first_page": {"outcome": ["planning.outcomes"]}},
    {"labels": {"dreams.love": {"me": "Things I love", "you": "Things you love"}}},
    {"choices": {"rights.who": {"person": {"about": 3}}}},
])
def test_document_rules_with_a_mistake_are_refused(bad) -> None:
    with pytest.raises(ValueError, match=r"document\.toml"):
        read_rules(bad)
    assert read_rules({}).leave_out == [] and read_rules({}).first_page.outcomes == []


# -- notes, next steps and the profile --------------------------------------------------------

@pytest.mark.parametrize("fmt", PLAN_FORMATS)
def test_shared_notes_and_agreed_next_steps_are_in_every_format(words, store, fmt) -> None:
    text = text_of(priya(words, store).plan(), fmt)
    assert "Agreed next steps" in text and "Notes from planning" in text
    assert "Jo will send the plan to the council by 22 June" in text
    assert "Priya would like assistants who are women" in text
    assert "grab rail" not in text  # a note not chosen for the plan stays private
    steps, notes = text.index("Agreed next steps"), text.index("Notes from planning")
    assert steps < text.index("Jo will send the plan") < notes
    assert notes < text.index("Priya would like assistants")


@pytest.mark.parametrize("fmt", ["profile-md", "profile-html"])
def test_the_profile_puts_what_must_never_happen_under_its_own_heading(words, store,
                                                                       fmt) -> None:
    text = render.render(priya(words, store).plan(), fmt)
    heads = ["What people like and admire about Priya", "What is important to Priya",
             "How best to support Priya", "What must never happen"]
    at = [text.index(h) for h in heads]
    assert at == sorted(at)
    support = text[at[2]:at[3]]
    never = text[at[3]:]
    assert "Being moved into a care home" in never and "Strangers helping me wash" in never
    assert "Being moved into a care home" not in support
    assert "Living in my own flat" in text[at[1]:at[2]]  # what is most important


# -- typed text stays inert ----------------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script> {{ 7*7 }} {{ 'pwn' ~ 'ed' }} {% if x %}y{% endif %} "
           "[b]x[/b] **bold** [x](http://evil) # h \x1b[31mred\x07\x00\x7f")


def hostile_plan(words, store: Store) -> Plan:
    people = [{"name": HOSTILE, "relation": HOSTILE, "ring": ring, "helps": HOSTILE}
              for ring in ("closest", "paid")]
    session = walk(words, store, {
        "welcome.name": "<b>{{ name }}</b> {their}", "welcome.mode": "with",
        "welcome.helper-name": "Jo <i>{{ 'own' ~ 'ed' }}</i>", "welcome.helper-role": HOSTILE,
        "rights.hopes": HOSTILE,
        "assessment.hard": [HOSTILE],
        "circle.people": people,
        "circle.planning": [HOSTILE],
        "dreams.love": [HOSTILE],
        "dreams.never": [HOSTILE],
        "planning.costs": [item(HOSTILE, "pa", 1, "week", "1", "10", "hour", "free", HOSTILE)],
        "happen.first-steps": [{"what": HOSTILE, "who": HOSTILE, "by": "", "status": "to-do"}],
    })
    for next_step in (False, True):
        note = session.note(HOSTILE, next_step=next_step)
        session.share_note(note.id, True)
    return session.plan()


@pytest.mark.parametrize("fmt", list(render.FORMATS))
def test_hostile_text_stays_inert_in_every_format(words, store: Store, fmt: str) -> None:
    data = render.export(hostile_plan(words, store), fmt)
    if fmt.endswith("docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                          if n.endswith(".xml"))
        assert "<script>" not in xml and "&lt;script&gt;" in xml
        assert "<b>" not in xml and "<i>" not in xml
        text = text_of_docx(data)
    else:
        text = data.decode("utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text), fmt
    assert "pwned" not in text and "owned" not in text  # no template ever ran
    assert "{{ 7*7 }}" in text or "{{ 7\\*7 }}" in text
    if fmt.endswith("html"):
        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "<b>" not in text and "&lt;b&gt;" in text and "<i>" not in text
        assert 'href="' not in text
    elif fmt.endswith("md"):
        assert "<script>" not in text and "\\<script\\>" in text
        assert "\\[x\\](http://evil)" in text and "\\*\\*bold\\*\\*" in text
        assert "\n# h" not in text and "\n#" not in text.replace("\n# ", "\n").replace(
            "\n## ", "\n").replace("\n### ", "\n")
    elif fmt == "txt":
        assert "<script>alert(1)</script>" in text  # plain text: shown as typed, nothing runs


def text_of_docx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))


# -- printed ---------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not (CHROMIUM and shutil.which("pdfinfo")),
                    reason="needs headless Chromium and pdfinfo to print")
def test_the_fullest_plan_prints_on_about_nine_a4_pages(words, store, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_bytes(render.export(priya(words, store).plan(), "html"))
    pdf = tmp_path / "plan.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])
    # Eight pages until the plan gained the details a council's file needs and who makes
    # each decision; the last page now holds the checklist's closing words.
    assert pages <= 9, f"Priya's plan prints on {pages} A4 pages"


def test_the_checklist_names_questions_in_the_plans_voice(words, store: Store) -> None:
    plan = EXAMPLES["edna"](words, store).plan()
    finding = replace(plan.readiness.findings[0], question="personal-budget.employ-pa",
                      question_label="Paying your own helper")
    readiness = replace(plan.readiness, findings=[finding])
    checklist = lay_out(words, replace(plan, readiness=readiness)).parts[-1]
    said = " ".join(line for block in checklist.blocks for line in block.lines)
    assert "Employing Edna's own helper" in said and "your own helper" not in said
