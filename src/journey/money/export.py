"""The council's check of a direct payment for a chosen period, as its return would ask:
the summary against the plan, every entry, the balance, the findings with what they rest
on, the proof still to find, and how long to keep the records. One layout (`blocks`), then
each format: Markdown, a web page, Word, and CSV of every entry for a spreadsheet.

Everything the person typed is text: escaped in the web page, and in CSV written through
journey.money.csvfile, so no cell a spreadsheet would run as a formula (starting = + - @, a
tab or a carriage return, or their full-width forms) is left as one."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from io import BytesIO

from journey.content import Journey as Content
from journey.core.answers import clean
from journey.money import csvfile
from journey.money.against import Against, normal
from journey.money.kinds import MoneyWords
from journey.money.record import Entry, pounds
from journey.money.shown import (
    bank_line,
    day,
    flagged_lines,
    held,
    kind_label,
    missing_line,
    paper_label,
)
from journey.money.shown import period as period_words

FORMATS = ("md", "html", "docx", "csv")
# The entries' columns on an A4 page with 2 cm margins (17 cm): date, in or out, kind, who,
# amount, what it pays for, proof, where it is kept.
ENTRY_WIDTHS = (2.1, 1.2, 2.2, 2.5, 2.0, 3.0, 2.0, 2.0)


@dataclass
class Block:
    kind: str  # "heading", "para", "bullets", "table"
    text: str = ""
    items: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numbers: tuple[int, ...] = ()  # columns of sums of money: kept on one line, to the right
    whole: tuple[int, ...] = ()  # columns kept on one line (dates)
    widths: tuple[float, ...] = ()  # each column's share of a Word page's width, in cm


def blocks(content: Content, words: MoneyWords, found: Against) -> list[Block]:
    say = words.say
    out = [Block("title", say("check_title", name=found.name)),
           Block("para", period_words(words, found.period)),
           Block("para", say("check_intro")),
           Block("heading", say("summary_title"))]
    rows = [[r.what, pounds(r.planned), pounds(r.spent), pounds(r.difference)]
            for r in found.rows]
    if found.unplanned:
        spent = sum(e.pence for e in found.unplanned)
        rows.append([say("summary_unplanned"), pounds(0), pounds(spent), pounds(-spent)])
    rows.append([say("summary_total"), pounds(found.planned_total), pounds(found.money_out),
                 pounds(found.planned_total - found.money_out)])
    out.append(Block("table", columns=say("summary_columns").split("|"), rows=rows,
                     numbers=(1, 2, 3), widths=(8.0, 3.0, 3.0, 3.0)))
    out.append(Block("para", say("planned_how")))
    balance = [say("money_in_total", amount=pounds(found.money_in)),
               say("council_in", amount=pounds(found.council_in)),
               say("contribution_in", amount=pounds(found.contribution_in)),
               say("money_out_total", amount=pounds(found.money_out)),
               say("balance", day=day(found.period.end), amount=pounds(found.balance))]
    if found.weeks_held is not None and found.dp_weekly:
        balance.append(say("balance_weeks", weeks=words.weeks(held(found)),
                           weekly=pounds(found.dp_weekly)))
    else:
        balance.append(say("balance_no_dp"))
    if found.bank is not None:
        balance.append(bank_line(words, found.bank))
    out += [Block("heading", say("in_and_out_title")), Block("bullets", items=balance),
            Block("heading", say("findings_title"))]
    if found.findings:
        from journey.money.shown import rests_on

        out.append(Block("bullets", items=[f"{f.text} {rests_on(content, words, f)}"
                                           for f in found.findings]))
        if found.hours_worked_out:
            out.append(Block("para", say("hours_how")))
    else:
        out.append(Block("para", say("findings_none")))
    flagged = flagged_lines(words, found.record)
    if flagged:
        out += [Block("heading", say("flagged_title")), Block("bullets", items=flagged)]
    if found.months:
        out += [Block("heading", say("contribution_title")), Block(
            "table", columns=say("contribution_columns").split("|"),
            rows=[[day(m.start), pounds(m.expected), pounds(m.paid),
                   pounds(m.short) if m.missed else ""] for m in found.months],
            numbers=(1, 2, 3), widths=(8.0, 3.0, 3.0, 3.0))]
    planned = {normal(r.what) for r in found.rows}
    out.append(Block("heading", say("entries_title")))
    if found.entries:
        out.append(Block("table", columns=say("entries_columns").split("|"),
                         rows=[_entry_row(words, e, planned) for e in found.entries],
                         numbers=(4,), whole=(0,), widths=ENTRY_WIDTHS))
    else:
        out.append(Block("para", say("none_yet")))
    out.append(Block("heading", say("evidence_missing_title")))
    missing = [missing_line(words, m.entry, m.needs) for m in found.missing]
    if not missing:
        out.append(Block("para", say("evidence_none_missing")))
    out.append(Block("bullets", items=[*missing, say(
        "evidence_statements", start=day(found.period.start), end=day(found.period.end))]))
    out += [Block("heading", say("keep_title")), Block("para", say("keep_records")),
            Block("heading", say("sources_title"))]
    cited = sorted({s for f in found.findings for s in f.sources} | {
        *words.sources["keep"], *words.sources["evidence"]})
    out.append(Block("bullets", items=[
        f"{content.source(s).title}: {content.source(s).reference}" for s in cited]))
    return out


def _entry_row(words: MoneyWords, entry: Entry, planned: set[str]) -> list[str]:
    support = entry.support if entry.support and normal(entry.support) in planned else ""
    if entry.direction == "out" and not support:
        support = words.say("entry_not_in_plan")
    way = words.say("money_in" if entry.direction == "in" else "money_out")
    return [f"{entry.day:%d/%m/%Y}", way,
            kind_label(words, entry), entry.who, pounds(entry.pence), support,
            paper_label(words, entry.evidence), entry.kept_where or ""]


def render(content: Content, words: MoneyWords, found: Against, fmt: str) -> bytes:
    if fmt == "csv":
        return csv_bytes(words, found)
    laid = blocks(content, words, found)
    if fmt == "md":
        return markdown(laid).encode("utf-8")
    if fmt == "html":
        return web_page(laid).encode("utf-8")
    if fmt == "docx":
        return word(laid)
    raise ValueError(fmt)


# -- Markdown ---------------------------------------------------------------------------------

def _md(text: str) -> str:
    """Typed text inert in Markdown: its marks shown as themselves."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|~" else c for c in clean(text))


def markdown(laid: list[Block]) -> str:
    out: list[str] = []
    for block in laid:
        if block.kind == "title":
            out += [f"# {_md(block.text)}", ""]
        elif block.kind == "heading":
            out += [f"## {_md(block.text)}", ""]
        elif block.kind == "para":
            out += [_md(block.text), ""]
        elif block.kind == "bullets":
            out += [f"- {_md(item)}" for item in block.items] + [""]
        elif block.kind == "table":
            out.append("| " + " | ".join(_md(c) for c in block.columns) + " |")
            out.append("|" + "|".join("---:" if i in block.numbers else "---"
                                      for i in range(len(block.columns))) + "|")
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out)


# -- a web page -------------------------------------------------------------------------------

STYLE = """body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;
max-width:60rem;margin:1rem auto;padding:0 1rem;color:#0b0c0c}
table{border-collapse:collapse;margin:0 0 1rem;width:100%;font-size:.9rem}
th,td{border:1px solid #505a5f;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.money,th.money{text-align:right}.money span,.whole span{white-space:nowrap}
h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:1.5rem}@media print{body{max-width:none}}"""


def web_page(laid: list[Block]) -> str:
    def esc(text: str) -> str:
        return html.escape(clean(text))

    title = next(b.text for b in laid if b.kind == "title")
    out = ['<!DOCTYPE html>', '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
           "<main>"]
    for block in laid:
        if block.kind == "title":
            out.append(f"<h1>{esc(block.text)}</h1>")
        elif block.kind == "heading":
            out.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "para":
            out.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "bullets":
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif block.kind == "table":
            head = "".join(_cell("th", block, i, c, ' scope="col"')
                           for i, c in enumerate(block.columns))
            body = "".join("<tr>" + "".join(_cell("td", block, i, c) for i, c in enumerate(row))
                           + "</tr>" for row in block.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _cell(tag: str, block: Block, i: int, text: str, scope: str = "") -> str:
    shown = html.escape(clean(text))
    if i in block.numbers:  # a sum of money is never broken across lines
        return f'<{tag}{scope} class="money"><span>{shown}</span></{tag}>'
    if i in block.whole:
        return f'<{tag}{scope} class="whole"><span>{shown}</span></{tag}>'
    return f"<{tag}{scope}>{shown}</{tag}>"


# -- Word -------------------------------------------------------------------------------------

def word(laid: list[Block]) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from journey.documents.word import FIXED, _steady, british

    doc = Document()
    british(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    title = next(b.text for b in laid if b.kind == "title")
    core = doc.core_properties
    core.title, core.language, core.comments = clean(title), "en-GB", ""
    core.author = core.last_modified_by = "journey"
    core.created = core.modified = FIXED
    core.revision = 1
    for block in laid:
        if block.kind == "title":
            doc.add_heading(clean(block.text), 0)
        elif block.kind == "heading":
            doc.add_heading(clean(block.text), 1)
        elif block.kind == "para":
            doc.add_paragraph(clean(block.text))
        elif block.kind == "bullets":
            for item in block.items:
                doc.add_paragraph(clean(item), style="List Bullet")
        elif block.kind == "table":
            table = doc.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            table.autofit = False
            for i, width in enumerate(block.widths):  # the grid, which LibreOffice reads
                table.columns[i].width = Cm(width)
            header = table.rows[0]
            mark = OxmlElement("w:tblHeader")  # the heading row, repeated on each page
            mark.set(qn("w:val"), "true")
            header._tr.get_or_add_trPr().append(mark)
            for row in [block.columns, *block.rows]:
                cells = header.cells if row is block.columns else table.add_row().cells
                for i, text in enumerate(row):
                    paragraph = cells[i].paragraphs[0]
                    run = paragraph.add_run(clean(text))
                    run.bold = row is block.columns
                    run.font.size = Pt(9)
                    if i in block.numbers:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if block.widths:
                        cells[i].width = Cm(block.widths[i])
            doc.add_paragraph()
    out = BytesIO()
    doc.save(out)
    return _steady(out.getvalue())


# -- CSV --------------------------------------------------------------------------------------

def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs (journey.money.csvfile)."""
    return csvfile.escaped(cell)


def csv_bytes(words: MoneyWords, found: Against) -> bytes:
    """Every entry of the period, one a row, written through journey.money.csvfile: money as
    a number a spreadsheet adds up, and no cell that could act as a formula."""
    planned = {normal(r.what) for r in found.rows}
    rows: list[list[object]] = [list(words.say("csv_columns").split("|"))]
    for entry in found.entries:
        support = entry.support if entry.support and normal(entry.support) in planned else ""
        rows.append([entry.day,
                     words.say("money_in" if entry.direction == "in" else "money_out"),
                     kind_label(words, entry), entry.who, entry.purpose, support,
                     csvfile.Money(entry.pence), paper_label(words, entry.evidence),
                     entry.kept_where or "", entry.id])
    return csvfile.encode(rows)
