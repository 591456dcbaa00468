"""The bidirectional controls (overrides, embeddings, isolates and marks) never reach anything
journey shows or saves: in a name or an answer they can make text read backwards, or hide
what it says. They are taken out of every event as it is made, so a journey stored before
they were, or a file edited by hand, comes out clean too; the app's last gate and the plain
lines take them out again."""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from io import StringIO

import pytest

from journey.core.answers import clean, clean_value
from journey.core.model import Answered, Noted, Role, as_dict
from journey.documents import render
from journey.plain.lines import Lines
from journey.plan import prep
from journey.plan.document import build
from journey.plan.summary import summarise
from journey.store import interchange
from journey.store.database import Store

from .examples import item, walk

# Every bidirectional control: the marks (LRM, RLM, ALM), the embeddings and overrides
# (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI).
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ANY_BIDI = re.compile(f"[{BIDI}]")
# "Pay Jo £500", written so that a screen would show it otherwise, with every control in it.
HOSTILE = "Pay \u202eoJ\u202c £500 \u2066now\u2069 \u200e\u200f\u061c\u202a\u202b\u202d\u2067\u2068"
SHOWN = "Pay oJ £500 now"
MARK = "MARKMARK"  # stored answers are made hostile by hand, as an old file could be


def test_clean_takes_out_every_bidi_control_and_keeps_the_rest() -> None:
    assert " ".join(clean(HOSTILE).split()) == SHOWN
    # Letters of right-to-left scripts, and the joiners emoji and many scripts need, stay.
    kept = "سلام שלום 👨\u200d👩\u200d👧 می\u200cخواهم"  # noqa: RUF001
    assert clean(kept) == kept
    assert clean_value({"what": HOSTILE, "helps": [HOSTILE]}) == {
        "what": SHOWN, "helps": [clean(HOSTILE)]}


def test_events_lose_them_however_they_are_made() -> None:
    answer = Answered(question="rights.hopes", value=HOSTILE, by="Sam", role=Role.PERSON)
    note = Noted(text=HOSTILE, by="Jo")
    listed = Answered(question="dreams.love", value=[HOSTILE], by="Sam", role=Role.PERSON)
    for text in (answer.value, note.text, listed.value[0]):
        assert not _ANY_BIDI.search(text) and " ".join(text.split()) == SHOWN


def _hostile_stored(words, store: Store) -> str:
    """A journey with a marker in every kind of typed text, then the marker changed into
    bidi controls in the stored events themselves, as an older journey could hold them."""
    people = [{"name": f"Ann {MARK}", "relation": MARK, "ring": ring, "helps": MARK}
              for ring in ("closest", "paid")]
    session = walk(words, store, {
        "welcome.name": f"Sam {MARK}", "welcome.mode": "with",
        "welcome.helper-name": f"Jo {MARK}", "welcome.helper-role": MARK,
        "rights.hopes": MARK,
        "assessment.hard": [MARK],
        "circle.people": people,
        "circle.planning": [MARK],
        "dreams.love": [MARK],
        "dreams.never": [MARK],
        "planning.costs": [item(MARK, "pa", 1, "week", "1", "10", "hour", "free", MARK)],
        "happen.first-steps": [{"what": MARK, "who": MARK, "by": "", "status": "to-do"}],
    })
    for next_step in (False, True):
        note = session.note(MARK, next_step=next_step)
        session.share_note(note.id, True)
    journey_id = session.journey.id
    # Stored as JSON text: the raw characters, as ensure_ascii=False writes them.
    with store.db:
        changed = store.db.execute("UPDATE events SET body = replace(body, ?, ?)",
                                   (MARK, HOSTILE)).rowcount
    assert changed > 10
    raw = [b for (b,) in store.db.execute("SELECT body FROM events")]
    assert any("\u202e" in b for b in raw)
    return journey_id


@pytest.fixture
def stored(words, store: Store) -> str:
    journey_id = _hostile_stored(words, store)
    store.close()
    return journey_id


def _loaded(home, journey_id: str):
    """The journey read back from the store afresh, and as a journey file would take it."""
    store = Store(home)
    try:
        return store.load(journey_id), list(store.saved([journey_id]))
    finally:
        store.close()


def _assert_shown(text: str, where: str) -> None:
    assert not _ANY_BIDI.search(text), (where, [hex(ord(c)) for c in _ANY_BIDI.findall(text)])
    assert "oJ" in text and "£500" in text, where  # the letters themselves are all kept


@pytest.mark.parametrize("fmt", list(render.FORMATS))
def test_a_stored_hostile_journey_exports_clean_in_every_format(words, journey_home, stored,
                                                                fmt: str) -> None:
    journey, _ = _loaded(journey_home, stored)
    data = render.export(build(words, journey), fmt)
    if fmt.endswith("docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                           if n.endswith(".xml"))
    else:
        text = data.decode("utf-8")
    _assert_shown(text, fmt)


def test_the_prep_sheet_summary_journey_file_and_plain_lines_are_clean(
        words, journey_home, stored) -> None:
    journey, saved = _loaded(journey_home, stored)
    _assert_shown(render.render_prep(prep.build(words, journey)), "prep")
    for number in range(1, len(journey.sittings()) + 1):
        summary = render.render_summary(summarise(words, journey, number))
        assert not _ANY_BIDI.search(summary), number
    dumped = interchange.dump(saved)
    _assert_shown(dumped, "json")
    assert "\\u202e" not in dumped.lower()
    plan = build(words, journey)
    out = StringIO()
    lines = Lines(words, StringIO(), out)
    for section in plan.sections:
        for entry in section.entries:
            for line in entry.lines:
                lines.say(line)
    lines.say(HOSTILE)
    _assert_shown(out.getvalue(), "plain lines")


def test_the_plan_panel_and_the_app_s_last_gate_show_none(words, journey_home, stored) -> None:
    from rich.segment import Segment
    from textual.color import Color

    from journey.tui.drawn import Cleaned
    from journey.tui.plan_panel import section_content

    journey, _ = _loaded(journey_home, stored)
    plan = build(words, journey)
    panel = "\n".join(section_content(s, words).plain for s in plan.sections)
    _assert_shown(panel, "plan panel")
    # A line drawn from text that never passed through an event (a journey's own words, say).
    for line in (HOSTILE, "Jo\u200e Smith\u061c", "\u200f"):
        drawn = Cleaned().apply([Segment(line)], Color(0, 0, 0))
        assert not _ANY_BIDI.search("".join(s.text for s in drawn)), repr(line)


def test_json_journey_file_with_hostile_text_imports_clean(words, journey_home, stored,
                                                           tmp_path) -> None:
    _, saved = _loaded(journey_home, stored)
    # A journey file written by hand (or an older version) with the controls in it.
    path = tmp_path / "hostile.json"
    text = interchange.dump(saved).replace("oJ", "\\u202eoJ\\u202c")
    assert "\\u202e" in text
    path.write_text(text, encoding="utf-8")
    read = interchange.read(path)
    for event in read[0].journey.events:
        assert not _ANY_BIDI.search(json.dumps(as_dict(event), ensure_ascii=False,
                                               default=str)), event


class _Isolation(HTMLParser):
    """Each piece of text holding `needle`, and whether an element around it isolates it."""

    def __init__(self, needle: str) -> None:
        super().__init__()
        self.needle = needle
        self.open: list[tuple[str, bool]] = []
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "meta", "col", "circle", "rect"):
            self.open.append((tag, tag == "bdi" or ("dir", "auto") in attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <circle/>, <rect/>: nothing inside them

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.open]
        # Pictures, the page title, headings and labels are journey's own words around a name.
        if self.needle in data and not {"svg", "title", "h1", "h2", "h3", "th"} & set(tags):
            self.found.append((data.strip(), any(i for _, i in self.open)))


@pytest.mark.parametrize("fmt", ["html", "profile-html"])
def test_every_answer_in_html_reads_in_its_own_direction(words, journey_home, stored,
                                                         fmt: str) -> None:
    journey, _ = _loaded(journey_home, stored)
    parser = _Isolation("oJ")
    parser.feed(render.render(build(words, journey), fmt))
    # The profile says each thing once, so the same hostile answer shows there only once.
    assert len(parser.found) >= (2 if fmt == "html" else 1)
    assert all(isolated for _, isolated in parser.found), [
        text for text, isolated in parser.found if not isolated]


async def test_the_app_shows_none_in_the_chat_or_the_plan(store: Store) -> None:
    from textual.widgets import Static

    from journey.tui.app import JourneyApp
    from journey.tui.chat import ChatLog

    from .test_tui import SIZE, plan_text, through_welcome, type_in

    app = JourneyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await through_welcome(pilot, f"Sam {HOSTILE}")
        await type_in(pilot, HOSTILE)  # what they hope for, pasted
        await pilot.pause()
        chat = "\n".join(str(c.content) for c in app.screen.query_one(ChatLog).children
                         if isinstance(c, Static))
        _assert_shown(chat, "chat")
        _assert_shown(plan_text(app), "plan panel")
    saved = Store(store.home).load(store.list()[0].id)
    _assert_shown(saved.value("rights.hopes"), "saved answer")
