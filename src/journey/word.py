"""The plan as a Word document (DOCX), because councils and brokers edit plans in Word:
a heading for each part of the plan, the costed support and the action plan as tables.

Everything typed goes in as plain text runs (python-docx escapes it for XML). The file's
dates and the zip entries' times are fixed, so the same plan always gives the same bytes.
python-docx is imported only when a document is made."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

from journey.answers import clean
from journey.content import Journey as Content
from journey.render import day, money

if TYPE_CHECKING:
    from journey.plan import Plan

FIXED = datetime(2000, 1, 1, tzinfo=UTC)


def _t(value: object) -> str:
    return clean(str(value))


class _Writer:
    def __init__(self, plan: Plan, words: Content, large_print: bool) -> None:
        from docx import Document
        from docx.shared import Mm, Pt

        self.plan = plan
        self.say = words.message
        self.doc = Document()
        self.Pt = Pt
        size = 16 if large_print else 11
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(size)
        for level, extra in ((0, 12), (1, 5), (2, 2)):
            style = self.doc.styles["Title" if level == 0 else f"Heading {level}"]
            style.font.name = "Arial"
            style.font.size = Pt(size + extra)
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            margin = Mm(18)
            section.left_margin = section.right_margin = margin
            section.top_margin = section.bottom_margin = margin
        core = self.doc.core_properties
        core.title = _t(plan.title)
        core.author = core.last_modified_by = "journey"
        core.created = core.modified = FIXED
        core.revision = 1

    # -- small pieces --------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(_t(text), level)

    def para(self, text: str = "", bold: str = "", italic: bool = False) -> None:
        paragraph = self.doc.add_paragraph()
        if bold:
            paragraph.add_run(_t(bold)).bold = True
        if text:
            paragraph.add_run(_t(text)).italic = italic

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(_t(text), style="List Bullet")

    def table(self, headings: list[str], rows: list[list[str]], numbers: set[int]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        table = self.doc.add_table(rows=1, cols=len(headings))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headings, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            cells = table.add_row().cells
            for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                cell.text = _t(text)
                if i in numbers:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.doc.add_paragraph()

    # -- the plan ------------------------------------------------------------------------

    def write(self) -> None:
        plan = self.plan
        self.heading(plan.title, 0)
        if plan.helper:
            self.para(self.say("doc_written_with", helper=plan.helper))
        for line in plan.helping:
            self.para(line)
        self.para(self.say("doc_informs"), italic=True)
        for section in plan.sections:
            self.section(section)
        if plan.to_find_out:
            self.heading(self.say("plan_to_find_out"), 1)
            for item in plan.to_find_out:
                self.bullet(f"{item.label} ({item.step})")
        if plan.next_steps:
            self.heading(self.say("doc_next_steps"), 1)
            for step in plan.next_steps:
                self.bullet(step)
        if plan.notes:
            self.heading(self.say("plan_notes"), 1)
            for note in plan.notes:
                self.bullet(f"{note.text} ({note.by})" if note.by else note.text)
        self.checklist()

    def section(self, section: Any) -> None:
        plan = self.plan
        number = f"{section.criterion}. " if section.criterion else ""
        self.heading(number + section.title, 1)
        agreement = section.id == "agreement"
        entries = [] if agreement else [
            e for e in section.entries if e.kind not in ("support", "actions")]
        for entry in entries:
            said = f" ({entry.said_by})" if entry.said_by else ""
            self.para(said, bold=entry.label)
            for line in entry.lines:
                self.bullet(line)
        costing = plan.costing
        costs = section.id == "budget" and bool(costing.lines or costing.notes or costing.budgets)
        people = section.id == "people" and any(r.people for r in plan.circle)
        doing = section.id == "happen" and bool(plan.actions or plan.agreed_on)
        parts = self.parts(section.id)
        if costs:
            self.costs()
        if section.id == "budget" and plan.money.lines:
            self.heading(self.say("doc_money"), 2)
            for line in plan.money.lines:
                self.bullet(line)
        if people:
            self.heading(self.say("doc_circle"), 2)
            for ring in plan.circle:
                if ring.people:
                    self.para(bold=ring.title)
                    for p in ring.people:
                        relation = f" ({p.relation})" if p.relation else ""
                        helps = f": {p.helps}" if p.helps else ""
                        self.bullet(f"{p.name}{relation}{helps}")
        if doing:
            self.actions()
        if not (entries or costs or people or doing or parts or agreement):
            self.para(self.say("plan_empty", hint=section.hint), italic=True)

    def parts(self, section_id: str) -> bool:
        """The parts of the plan drawn inside a section: needs area by area, what meets
        each need and outcome, the agreement. Whether any was drawn."""
        say, plan = self.say, self.plan
        drawn = False
        if section_id == "needs" and plan.needs:
            self.heading(say("doc_areas"), 2)
            for group in plan.needs:
                self.para(bold=group.title)
                for area in group.areas:
                    how = f": {'; '.join(area.how)}" if area.how else ""
                    bad = say("doc_bad_day", text=area.bad_day) if area.bad_day else ""
                    self.bullet(f"{area.label}{how}{bad}")
            drawn = True
        if section_id == "change" and plan.outcomes:
            self.heading(say("doc_met"), 2)
            for aim in plan.outcomes:
                met = "; ".join(aim.met_by) or say("doc_nothing_yet")
                self.bullet(f"{aim.label}: {met}")
            drawn = True
        if section_id == "agreement":
            for line in plan.agreement.lines:
                self.bullet(line)
            drawn = True
        return drawn

    def costs(self) -> None:
        say, costing = self.say, self.plan.costing
        self.heading(say("doc_costed"), 2)
        if costing.lines:
            self.table(
                say("doc_cost_columns").split("|"),
                [[i.what, i.helps, i.provider_label,
                  say("doc_often_at", often=i.how_often, cost=i.unit_cost),
                  money(i.per_week), money(i.per_year), i.funding_label] for i in costing.lines],
                numbers={4, 5},
            )
        for line in costing.notes:
            self.bullet(line)
        for total in costing.totals:
            text = say("doc_total", weekly=money(total.per_week), yearly=money(total.per_year))
            budget = total.budget
            if budget and total.left_per_year is not None and total.left_per_week is not None:
                text += say("doc_budget", amount=money(budget.amount), period=budget.period_label,
                            weekly=money(budget.per_week), yearly=money(budget.per_year),
                            state=say("doc_agreed" if budget.agreed else "doc_indicative"))
                left, left_weekly = total.left_per_year, total.left_per_week
                if total.over:
                    text += say("doc_over", yearly=money(-left), weekly=money(-left_weekly))
                else:
                    text += say("doc_left", yearly=money(left), weekly=money(left_weekly))
            self.para(text, bold=total.label)
        if costing.lines:
            self.para(say("doc_total", weekly=money(costing.total_per_week),
                          yearly=money(costing.total_per_year)), bold=say("doc_all_support"))

    def actions(self) -> None:
        say, plan = self.say, self.plan
        if plan.actions:
            self.heading(say("doc_actions"), 2)
            self.table(say("doc_action_columns").split("|"),
                       [[a.what, a.who, day(a.by), a.status_label] for a in plan.actions],
                       numbers=set())
        if plan.agreed_on:
            self.heading(say("doc_reviews"), 2)
            self.para(say("doc_reviews_from", day=day(plan.agreed_on)))
            for review in plan.reviews:
                self.bullet(review.text)

    def checklist(self) -> None:
        say, readiness = self.say, self.plan.readiness
        self.heading(say("doc_checklist"), 1)
        for criterion in readiness.criteria:
            mark = "\u2713" if criterion.answered else "\u2717"
            self.bullet(f"{mark} {criterion.number}. {criterion.title}")
        self.para(readiness.verdict)
        for finding in readiness.findings:
            step = say("doc_step", number=finding.step_number) if finding.step_number else ""
            worth = "" if finding.blocks else say("check_worth_checking") + " "
            see = say("doc_see", step=step, title=finding.step_title,
                      question=finding.question_label)
            self.bullet(f"{worth}{finding.text} {see}")
        self.para(say("doc_informs"), italic=True)

    def bytes(self) -> bytes:
        buffer = BytesIO()
        self.doc.save(buffer)
        return _steady(buffer.getvalue())


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
