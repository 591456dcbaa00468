"""The plan as a Word document (DOCX), because councils and brokers edit plans in Word. It is
set out by journey.documents.layout like every other format: the same parts under Word's
own Heading 1 and Heading 2 styles (so Word's navigation pane lists them), short answers as a
table, the costed support and the action plan as tables, and the budget chart and the circle
of support as pictures. The first page stands on its own page.

Everything typed goes in as plain text runs (python-docx escapes it for XML). The file's
dates and the zip entries' times are fixed, so the same plan always gives the same bytes.
python-docx is imported only when a document is made."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from journey.content import Journey as Content
from journey.core.answers import clean

if TYPE_CHECKING:
    from journey.documents.layout import Block, Document, Part
    from journey.plan import Plan

FIXED = datetime(2000, 1, 1, tzinfo=UTC)
ACCENT, MUTED, OVER, SHADE = "1D4F91", "4D4D4D", "A61B1B", "EEF1F5"
MARGIN = 18  # mm, all round an A4 page
TEXT_WIDTH = 210 - 2 * MARGIN
FACT_LABEL = 0.34  # the share of a short-answers table its labels take, as in the HTML


def _t(value: object) -> str:
    return clean(str(value))


class _Writer:
    def __init__(self, plan: Plan, words: Content, large_print: bool) -> None:
        from docx import Document
        from docx.shared import Mm, Pt, RGBColor

        from journey.documents.charts import budget_chart, circle_chart
        from journey.documents.layout import lay_out

        self.plan = plan
        self.layout: Document = lay_out(words, plan)
        self.chart = budget_chart(plan.costing)
        from journey.documents.pictures import drawable

        # The picture leaves out letters its font cannot draw, rather than draw empty boxes.
        self.circle = circle_chart(plan.circle, plan.name or words.message("doc_circle_me"),
                                   drawable=drawable)
        self.doc = Document()
        self.Pt, self.Mm, self.RGB = Pt, Mm, RGBColor
        size = 16 if large_print else 11
        self.size = size
        self.large = large_print
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(size)
        normal.paragraph_format.space_after = Pt(4)
        for level, extra in ((0, 11), (1, 4), (2, 1)):
            style = self.doc.styles["Title" if level == 0 else f"Heading {level}"]
            style.font.name = "Arial"
            style.font.size = Pt(size + extra)
            style.font.color.rgb = RGBColor.from_string(ACCENT)
            style.paragraph_format.keep_with_next = True
        # Each style's id looked up once: python-docx looks a style's name up afresh, in
        # every style the document has, for each paragraph given one.
        self.style_ids = {name: self.doc.styles[name].style_id
                          for name in ("Title", "Heading 1", "Heading 2", "List Bullet")}
        self.table_style = self.doc.styles["Table Grid"].style_id
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            margin = Mm(MARGIN)
            section.left_margin = section.right_margin = margin
            section.top_margin = section.bottom_margin = margin
            self.page_numbers(section)
        core = self.doc.core_properties
        core.title = _t(self.layout.title)
        core.author = core.last_modified_by = "journey"
        core.created = core.modified = FIXED
        core.revision = 1

    # -- small pieces --------------------------------------------------------------------

    def page_numbers(self, section: Any) -> None:
        """'3 / 9' at the foot of each page, from Word's own page fields."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for i, field in enumerate(("PAGE", "NUMPAGES")):
            if i:
                paragraph.add_run(" / ")
            run = paragraph.add_run()
            for kind, text in (("begin", None), (None, field), ("end", None)):
                if kind:
                    element = OxmlElement("w:fldChar")
                    element.set(qn("w:fldCharType"), kind)
                else:
                    element = OxmlElement("w:instrText")
                    element.set(qn("xml:space"), "preserve")
                    element.text = text
                run._r.append(element)

    def styled(self, text: str, style: str) -> Any:
        """A paragraph in one of Word's own styles, as doc.add_paragraph(text, style)."""
        paragraph = self.doc.add_paragraph(text)
        paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self.styled(_t(text), "Title" if level == 0 else f"Heading {level}")

    def para(self, text: str = "", bold: str = "", italic: bool = False,
             colour: str | None = None, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if bold:
            paragraph.add_run(_t(bold)).bold = True
        if text:
            run = paragraph.add_run(_t(text))
            run.italic = italic
            if colour:
                run.font.color.rgb = self.RGB.from_string(colour)
        return paragraph

    def bullet(self, text: str) -> None:
        self.styled(_t(text), "List Bullet")

    def _cell(self, width: int, lines: list[str], bold: bool = False, right: bool = False,
              shade: bool = False, note: str | None = None, small: bool = False) -> str:
        """A table cell as WordprocessingML, `width` in twips: what python-docx would make
        from cell.add_paragraph() and add_run(), written as text, because a big plan has
        thousands of cells and python-docx takes a third of a millisecond over each."""
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{SHADE}"/>' if shade else ""
        spacing = '<w:spacing w:before="20" w:after="20"/>'  # 1 pt
        align = '<w:jc w:val="right"/>' if right else ""
        size = f'<w:sz w:val="{(self.size - 2) * 2}"/>' if small else ""  # half-points
        weight = "<w:b/>" if bold else '<w:b w:val="0"/>'
        style = f"<w:rPr>{weight}{size}</w:rPr>"
        paragraphs = [f"<w:p><w:pPr>{spacing}{align}</w:pPr><w:r>{style}{_text(line)}</w:r>"
                      for line in lines or [""]]
        if note:
            paragraphs[-1] += (f'<w:r><w:rPr><w:i/><w:color w:val="{MUTED}"/></w:rPr>'
                               f"{_text(f' ({note})')}</w:r>")
        return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'
                f"{'</w:p>'.join(paragraphs)}</w:p></w:tc>")

    def _grid(self, columns: int, shares: list[float] | None) -> tuple[Any, list[int]]:
        """A new table with no rows, in Word's own grid style, and its columns' widths in
        twips: even, or as shares of the text's width, kept by Word and LibreOffice both."""
        table = self.doc.add_table(rows=0, cols=columns)
        table._tbl.tblStyle_val = self.table_style  # as table.style = "Table Grid"
        if shares:
            table.autofit = False
            for column, share in zip(table.columns, shares, strict=True):
                column.width = self.Mm(TEXT_WIDTH * share)
        return table, [column.width.twips for column in table.columns]

    def table(self, columns: list[str] | None, rows: list[list[list[str]]],
              numbers: set[int], foot: list[str] | None = None,
              widths: list[float] | None = None) -> None:
        width = len(columns) if columns else len(rows[0])
        small = width > 4  # a wide table, like the costed support, in smaller letters
        if numbers:
            cells = [*rows, [[text] for text in foot or []]]
            widths = _fit_figures(widths or [1 / width] * width, numbers, cells,
                                  self.size - 2 if small else self.size)
        table, twips = self._grid(width, widths)
        made: list[str] = []
        if columns:
            made.append(_row([self._cell(w, [text], bold=True, right=i in numbers, shade=True,
                                         small=small)
                              for i, (w, text) in enumerate(zip(twips, columns, strict=True))],
                             header=True))
        for row in rows:
            made.append(_row([self._cell(w, lines, right=i in numbers, small=small)
                              for i, (w, lines) in enumerate(zip(twips, row, strict=True))]))
        if foot:
            made.append(_row([self._cell(w, [text], bold=True, right=i in numbers, shade=True,
                                         small=small)
                              for i, (w, text) in enumerate(zip(twips, foot, strict=True))]))
        _add_rows(table, made)
        self.doc.add_paragraph().paragraph_format.space_after = self.Pt(0)

    def picture(self, png: bytes, width_mm: int) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        self.doc.add_picture(BytesIO(png), width=self.Mm(width_mm))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = True

    # -- the plan ------------------------------------------------------------------------

    def write(self) -> None:
        from docx.enum.text import WD_BREAK

        self.heading(self.layout.title, 0)
        for part in self.layout.parts:
            self.part(part)
            if part.kind == "glance":
                self.doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        self.para(self.layout.words["doc_informs"], italic=True, colour=MUTED)

    def part(self, part: Part) -> None:
        self.heading(part.heading, 1)
        if part.rows:
            self.facts(part)
        for block in part.blocks:
            self.block(block)
        if part.empty:
            self.para(part.empty, italic=True, colour=MUTED)

    def facts(self, part: Part) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT

        table, (label, value) = self._grid(2, [FACT_LABEL, 1 - FACT_LABEL])
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _add_rows(table, [_row([self._cell(label, [row.label], bold=True, shade=True),
                                self._cell(value, [row.value], note=row.said_by)])
                           for row in part.rows])
        self.doc.add_paragraph().paragraph_format.space_after = self.Pt(0)

    def block(self, block: Block) -> None:
        words = self.layout.words
        if block.title:
            self.heading(block.title, 2)
        if block.said_by:
            self.para(f"({block.said_by})", italic=True, colour=MUTED)
        if block.intro:
            self.para(block.intro)
        kind = block.kind
        if kind == "answer" and len(block.lines) == 1:
            self.para(block.lines[0])
        elif kind in ("answer", "list"):
            for line in block.lines:
                self.bullet(line)
        elif kind == "table":
            self.table(block.columns, block.rows, set(block.numbers), block.foot or None,
                       block.widths or None)
        elif kind == "totals":
            for total in block.totals:
                paragraph = self.para(f": {total.text}", bold=total.label)
                if total.warning:
                    run = paragraph.add_run(_t(f" {total.warning}"))
                    run.bold = True
                    run.font.color.rgb = self.RGB.from_string(OVER)
        elif kind == "chart" and self.chart:
            from journey.documents.pictures import budget_png

            self.picture(budget_png(self.chart), 120)
            self.para(words["doc_chart_caption"], italic=True, colour=MUTED)
        elif kind == "circle":
            if self.circle:
                from journey.documents.pictures import circle_png

                self.picture(circle_png(self.circle), 150 if self.large else 105)
            for group in block.groups:
                self.para(bold=group.title)
                for line in group.lines:
                    self.bullet(line)
        elif kind == "checklist":
            for mark in block.marks:
                self.bullet(f"{'✓' if mark.done else '✗'} {mark.text}")
        elif kind == "note":
            for line in block.lines:
                self.para(line, italic=True, colour=MUTED)

    def bytes(self) -> bytes:
        buffer = BytesIO()
        self.doc.save(buffer)
        return _steady(buffer.getvalue())


FIGURE = re.compile(r"-?£\d{1,3}(?:,\d{3})*(?:\.\d\d)?")
# Arial's advance widths, in ems, bold or not: figures and the pound sign are all 0.556,
# the comma and point 0.278, the minus 0.333.
_ADVANCE = {**dict.fromkeys("0123456789£", 0.556), ",": 0.278, ".": 0.278, "-": 0.333,
            **dict.fromkeys("fijlrt'", 0.3), **dict.fromkeys("mwMW", 0.85)}
_CELL_MARGINS = 2 * 108 / 1440 * 25.4  # mm: Word's table cells keep 0.19 cm each side


def _fit_figures(shares: list[float], numbers: set[int], rows: list[list[list[str]]],
                 size: float) -> list[float]:
    """Columns' shares of the page, with each money column wide enough for its widest sum
    at `size` points, so Word never breaks a figure ("£14,313 / .00"), and each other
    column, where there is room, for its longest word ("Personal", not "Perso / nal"); the
    columns with room to spare share what is left as they shared the page."""

    def mm(piece: str) -> float:  # em to mm (a point is 25.4 / 72 mm), with the margins
        ems = sum(_ADVANCE.get(c, 0.6 if c.isupper() else 0.53) for c in piece)
        return (ems * size * 25.4 / 72 + _CELL_MARGINS) * 1.08 / TEXT_WIDTH

    need, figures = [], []  # each column's longest word, and its widest sum of money
    for column in range(len(shares)):
        lines = [line for row in rows if column < len(row) for line in row[column]]
        figures.append(max((mm(f) for line in lines for f in FIGURE.findall(line)), default=0))
        words = [] if column in numbers else [w for line in lines for w in line.split()]
        need.append(max([figures[-1], *map(mm, words)]))
    columns = range(len(shares))
    if sum(need) > 1:
        # Not every word fits: the sums of money still do, and the columns share what is
        # left by how much more their longest words need, so the longest break least.
        left = max(0.0, 1 - sum(figures))
        more = sum(need[i] - figures[i] for i in columns) or 1
        return [figures[i] + (need[i] - figures[i]) * left / more for i in columns]
    held = set(numbers)  # columns given just what they need; the rest share what is left
    while True:
        left = 1 - sum(need[i] for i in held)
        free = [i for i in columns if i not in held]
        total = sum(shares[i] for i in free) or 1
        fitted = [need[i] if i in held else shares[i] * left / total for i in columns]
        short = [i for i in free if fitted[i] < need[i]]
        if not short:
            return fitted
        held.update(short)


_BREAKS = re.compile(r"([\t\r\n])")


def _text(text: str) -> str:
    """A run's text as python-docx writes it: a tab is Word's tab, a new line a line break,
    and what was typed is escaped, so it is only ever text."""
    made = []
    for piece in _BREAKS.split(_t(text)):
        if piece == "\t":
            made.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            made.append("<w:br/>")
        elif piece:
            keep = ' xml:space="preserve"' if piece.strip() != piece else ""
            made.append(f"<w:t{keep}>{escape(piece)}</w:t>")
    return "".join(made)


def _row(cells: list[str], header: bool = False) -> str:
    """A row never split across two pages; the heading row comes again at the top of each
    page the table runs onto."""
    again = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr>{again}<w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"


def _add_rows(table: Any, rows: list[str]) -> None:
    """Read the rows' WordprocessingML at once, and put them at the foot of the table."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if rows:
        made = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
        table._tbl.extend(list(made))


def _steady(data: bytes) -> bytes:
    """The same zip with every entry's time fixed, so equal plans give equal files."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def build(plan: Plan, words: Content, large_print: bool = False) -> bytes:
    writer = _Writer(plan, words, large_print)
    writer.write()
    return writer.bytes()
