"""The record of a review as a document: Markdown, plain text, HTML and Word.

The record (journey.plan.review) is set out once, as parts of label-and-words rows and
lists, the same for every format; each format escapes what was typed in its own way (HTML
autoescaping, Markdown backslashes, Word's plain runs). The same record gives the same
bytes."""

from __future__ import annotations

from dataclasses import dataclass, field

from journey.content import Journey as Content
from journey.core.answers import clean, show_date
from journey.plan.review import ReviewRecord

FORMATS = {"md": "review.md.j2", "txt": "review.txt.j2", "html": "review.html.j2",
           "docx": None}
NO_CUT_SOURCE = "review-kinds"


@dataclass(frozen=True)
class Part:
    heading: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class ReviewDocument:
    title: str
    parts: list[Part]
    informs: str


def lay_out(content: Content, record: ReviewRecord) -> ReviewDocument:
    def say(key: str, **values: object) -> str:
        return content.message("review_doc_" + key, **values)

    def day(moment: object) -> str:
        return show_date(moment.date().isoformat())  # type: ignore[attr-defined]

    glance = [(say("for"), record.name), (say("kind"), record.kind_words),
              (say("began"), day(record.began)),
              (say("ended"), day(record.ended) if record.ended else say("open"))]
    if record.took_part:
        glance.append((say("took_part"), ", ".join(record.took_part)))
    if record.ended:
        glance.append((say("version"), say("version_made", number=record.version)
                       if record.version else say("version_none")))
    parts = [Part(say("glance"), glance)]
    if record.progress or record.progress_words:
        parts.append(Part(say("progress"), [(r.thing, r.words) for r in record.progress],
                          [f"{say('in_words')}: {record.progress_words}"]
                          if record.progress_words else []))
    views = []
    for view in record.views:
        if view.working:
            views.append((say("working", who=view.who), "; ".join(view.working)))
        if view.not_working:
            views.append((say("not_working", who=view.who), "; ".join(view.not_working)))
    if views:
        parts.append(Part(say("views"), views))
    if record.support:
        parts.append(Part(say("support"), [(r.thing, r.words) for r in record.support]))
    money = [(label, value) for label, value in (
        (say("spent"), record.money_spent), (say("record"), record.money_from_record or ""),
        (say("budget"), record.budget)) if value]
    if money:
        parts.append(Part(say("money"), money))
    changed = [(label, value) for label, value in (
        (say("changed"), ", ".join(record.changed)),
        (say("changed_words"), record.changed_words), (say("carer"), record.carer)) if value]
    if changed:
        parts.append(Part(say("changed"), changed))
    if record.reassessment_words:
        source = content.source(NO_CUT_SOURCE)
        parts.append(Part(say("reassessment"), [(say("reassessment"),
                                                 record.reassessment_words)],
                          note=content.message("doc_source", text=say("no_cut"),
                                               source=source.title,
                                               standing=source.standing)))
    if record.plan_changes:
        nothing = say("nothing")
        parts.append(Part(say("plan_changes"), [
            (c.label, say("change", before="; ".join(c.before) or nothing,
                          after="; ".join(c.after) or nothing))
            for c in record.plan_changes]))
    if record.actions:
        parts.append(Part(say("actions"), items=list(record.actions)))
    if record.unreadable:
        parts.append(Part(say("unreadable"), items=list(record.unreadable)))
    title = say("title", name=record.name) if record.name else say("untitled")
    return ReviewDocument(title, parts, content.message("doc_informs"))


def render(content: Content, record: ReviewRecord, fmt: str = "md") -> bytes:
    """The review's record as the bytes of a file in this format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    doc = lay_out(content, record)
    template = FORMATS[fmt]
    if template is None:
        return _word(doc)
    from journey.documents.render import environment

    # Typed text was cleaned as it was saved; clean again, so nothing stored can put a
    # terminal code into a file.
    return clean(environment().get_template(template).render(doc=doc)).encode("utf-8")


def _word(doc: ReviewDocument) -> bytes:
    from io import BytesIO

    from docx import Document
    from docx.shared import Pt, RGBColor

    from journey.documents.word import ACCENT, FIXED, LANGUAGE, _steady, british

    word = Document()
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for name, size in (("Title", 22), ("Heading 1", 15)):
        style = word.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor.from_string(ACCENT)
        style.paragraph_format.keep_with_next = True
    british(word)
    core = word.core_properties
    core.title, core.language, core.comments = clean(doc.title), LANGUAGE, ""
    core.author = core.last_modified_by = "journey"
    core.created = core.modified = FIXED
    core.revision = 1
    word.add_paragraph(clean(doc.title), style="Title")
    for part in doc.parts:
        word.add_paragraph(clean(part.heading), style="Heading 1")
        if part.rows:
            table = word.add_table(rows=0, cols=2)
            table.style = word.styles["Table Grid"]
            for label, value in part.rows:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(clean(label)).bold = True
                cells[1].paragraphs[0].add_run(clean(value))
        for item in part.items:
            word.add_paragraph(clean(item), style="List Bullet")
        if part.note:
            word.add_paragraph(clean(part.note))
    word.add_paragraph(clean(doc.informs))
    buffer = BytesIO()
    word.save(buffer)
    return _steady(buffer.getvalue())
