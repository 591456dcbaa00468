"""The Easy Read plan as a Word document, set out by journey.documents.easy like the web
page: a front page with the person's name and a space for a photo, then each part under
Word's own Heading 1 with its picture, and each idea in a row beside its picture (a table
with no lines, read row by row). Big plain Arial (14 pt, 18 pt in large print), nothing in
capitals or italics, "Page 3" at the foot of each page, every picture with alternative text,
British English, and the same bytes for the same plan."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, Any

from journey.core.answers import clean

if TYPE_CHECKING:
    from journey.documents.easy import EasyDocument, Idea
    from journey.plan import Plan

ACCENT = "1D4F91"
PICTURE_MM = 22  # beside each idea
HEADING_PICTURE_MM = 16
TEXT_MM = 174 - PICTURE_MM - 8


class _EasyWriter:
    def __init__(self, layout: EasyDocument, large_print: bool) -> None:
        from docx import Document
        from docx.shared import Mm, Pt, RGBColor

        from journey.documents.word import FIXED, MARGIN, british

        self.layout, self.Mm, self.Pt = layout, Mm, Pt
        self.doc = Document()
        size = 18 if large_print else 14
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(size)
        normal.font.italic = False
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for name, extra in (("Title", 14), ("Heading 1", 6)):
            style = self.doc.styles[name]
            style.font.name = "Arial"
            style.font.size = Pt(size + extra)
            style.font.italic = False
            style.font.all_caps = False
            style.font.color.rgb = RGBColor.from_string(ACCENT)
            style.paragraph_format.keep_with_next = True
        british(self.doc)
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(MARGIN)
            section.top_margin = section.bottom_margin = Mm(MARGIN)
            self.page_numbers(section)
        core = self.doc.core_properties
        core.title = clean(layout.title)
        core.language = "en-GB"
        core.comments = ""
        core.author = core.last_modified_by = "journey"
        core.created = core.modified = FIXED
        core.revision = 1

    def page_numbers(self, section: Any) -> None:
        """'Page 3' at the foot of each page, from Word's own page field."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from journey.documents.word import add_field

        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{clean(self.layout.page)} ")
        add_field(paragraph.add_run(), "PAGE")

    def picture(self, run: Any, key: str, width_mm: int) -> None:
        picture = self.layout.pictures.by_id[key]
        shape = run.add_picture(BytesIO(picture.png.read_bytes()), width=self.Mm(width_mm))
        shape._inline.docPr.set("descr", clean(picture.alt))

    def write(self) -> None:
        from docx.enum.text import WD_BREAK

        layout = self.layout
        self.doc.add_paragraph(clean(layout.title), style="Title")
        self.ideas([_front(layout)])
        box = self.doc.add_table(rows=1, cols=1)
        box.autofit = False
        _borders(box, "dashed", 18)
        box.columns[0].width = self.Mm(70)
        cell = box.cell(0, 0)
        cell.width = self.Mm(70)
        cell.paragraphs[0].add_run(clean(layout.photo))
        for _ in range(6):
            cell.add_paragraph()
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for part in layout.parts:
            heading = self.doc.add_paragraph(style="Heading 1")
            self.picture(heading.add_run(), part.picture, HEADING_PICTURE_MM)
            heading.add_run(f"  {clean(part.heading)}")
            self.ideas(part.ideas)
        self.doc.add_paragraph(clean(layout.credit))

    def ideas(self, ideas: list[Idea]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.autofit = False
        _borders(table, "nil", 0)
        for idea in ideas:
            row = table.add_row()
            row._tr.get_or_add_trPr().append(_element("w:cantSplit"))
            left, right = row.cells
            left.width, right.width = self.Mm(PICTURE_MM + 4), self.Mm(TEXT_MM)
            self.picture(left.paragraphs[0].add_run(), idea.picture, PICTURE_MM)
            first = right.paragraphs[0]
            first.add_run(clean(idea.text)).bold = idea.own
            for line in idea.sub:
                right.add_paragraph(clean(line))
            for paragraph in right.paragraphs:  # clear of the picture
                paragraph.paragraph_format.left_indent = self.Mm(3)
            right.paragraphs[-1].paragraph_format.space_after = self.Pt(12)
        for column, width in zip(table.columns, (PICTURE_MM + 4, TEXT_MM), strict=True):
            column.width = self.Mm(width)
        # Two tables with nothing between them become one: a paragraph keeps them apart.
        self.doc.add_paragraph().paragraph_format.space_after = self.Pt(0)

    def bytes(self) -> bytes:
        from journey.documents.word import _steady

        buffer = BytesIO()
        self.doc.save(buffer)
        return _steady(buffer.getvalue())


def _front(layout: EasyDocument) -> Idea:
    from journey.documents.easy import Idea

    return Idea(layout.front[0], "plan", sub=layout.front[1:])


def _element(name: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(name)


def _borders(table: Any, kind: str, size: int) -> None:
    """The table's lines: none for the rows of ideas, dashed for the photo's space."""
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = _element(f"w:{edge}")
        inside = edge.startswith("inside")
        line.set(qn("w:val"), "nil" if inside and kind != "nil" else kind)
        if kind != "nil":
            line.set(qn("w:sz"), str(size))
            line.set(qn("w:color"), "4D4D4D")
        borders.append(line)
    properties.append(borders)


def build_easy(plan: Plan, large_print: bool = False) -> bytes:
    from journey.documents.easy import lay_out_easy

    writer = _EasyWriter(lay_out_easy(plan), large_print)
    writer.write()
    return writer.bytes()
