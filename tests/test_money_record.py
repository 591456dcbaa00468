"""The direct-payment record read back from stored events, every field checked, and set
against the plan for a period: planned and spent, the balance in weeks, and the findings,
each with the facts it rests on."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journey.content import ContentError
from journey.core.model import Answered, MoneyKept, MoneyRemoved, MoneyRule, Role
from journey.money import kinds, record
from journey.money.against import against, choose
from journey.money.record import has_direct_payment, pounds, read
from journey.plan.snapshot import snapshot

from .examples import edna, gareth, ryan

PA = "Personal assistant: the gym, football and the bus"
CAROL = "Carol's help in the evenings"


@pytest.fixture
def money() -> kinds.MoneyWords:
    return kinds.default()


def kept(**fields: Any) -> MoneyKept:
    made: dict[str, Any] = {"day": "2027-01-28", "pence": 54000, "direction": "out",
                            "what": "pay", "who": "Kim", "by": "Lisa"}
    made.update(fields)
    return MoneyKept(**made)


def test_money_kinds_load_checked_from_content(money) -> None:
    assert [k.id for k in money.kinds if k.direction == "in"] == [
        "council", "contribution", "other-in"]
    assert {"pay", "hmrc", "pension", "agency", "insurance", "equipment", "other"} <= {
        k.id for k in money.kinds if k.direction == "out"}
    assert {p.id for p in money.papers} == {"payslip", "timesheet", "invoice", "receipt",
                                           "bank-statement", "insurance-certificate"}
    assert money.weeks_allowed == 8


@pytest.mark.parametrize(("old", "new", "named"), [
    ('id = "council"\n', 'id = "council"\ncolour = "red"\n', "unknown key 'colour'"),
    ('balance = ["dp-surplus"]', 'balance = ["no-such-source"]', "'no-such-source'"),
    ('evidence = "payslip"\npays_pa', 'evidence = "letter"\npays_pa', "'letter'"),
    ('direction = "in"\nlabel = "Council', 'direction = "up"\nlabel = "Council', "direction"),
    ("weeks_allowed = 8", "weeks_allowed = 0", "weeks_allowed"),
    ('id = "other"\n', 'id = "pay"\n', "used twice"),
])
def test_a_mistake_in_money_toml_names_the_file_and_the_field(
        words, tmp_path: Path, old: str, new: str, named: str) -> None:
    root = tmp_path / "content"
    root.mkdir()
    text = (kinds.content_dir() / kinds.FILE).read_text(encoding="utf-8")
    assert old in text
    (root / kinds.FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as e:
        kinds.load(words, root)
    assert "money.toml" in str(e.value) and named in str(e.value)


def test_every_message_the_record_uses_is_in_money_toml(money) -> None:
    import re

    used = set()
    for path in Path(record.__file__).parent.glob("*.py"):
        used |= set(re.findall(r'say\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= set(money.messages)


def test_only_a_plan_with_a_direct_payment_has_a_record(words, store) -> None:
    assert has_direct_payment(snapshot(words, ryan(words, store).journey).live)
    assert has_direct_payment(snapshot(words, edna(words, store).journey).live)  # a mix
    assert not has_direct_payment(snapshot(words, gareth(words, store).journey).live)


def test_the_latest_line_of_each_entry_counts_and_a_line_taken_out_does_not(
        words, store, money) -> None:
    journey = ryan(words, store).journey
    first = kept(id="a1", pence=50000)
    store.record(journey, first)
    store.record(journey, kept(id="b2", day="2027-01-01", what="council", direction="in",
                               pence=70000, who="The council"))
    store.record(journey, kept(id="a1", pence=54000, evidence="payslip", kept_where="Folder"))
    store.record(journey, kept(id="c3", what="other", who="Cinema"))
    store.record(journey, MoneyRemoved(entry="c3", by="Lisa"))
    again = store.load(journey.id)
    found = read(again, money)
    assert [(e.id, e.pence) for e in found.entries] == [("b2", 70000), ("a1", 54000)]
    assert found.entries[1].evidence == "payslip" and found.entries[1].kept_where == "Folder"
    assert not found.flagged
    assert sum(isinstance(e, MoneyKept) for e in again.events) == 4  # history kept
    # Taken out, then kept again under the same id: back in the record.
    store.record(again, kept(id="c3", what="other", who="Cinema", pence=1200))
    assert "c3" in [e.id for e in read(again, money).entries]


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("day", "2027-02-30", "problem_day"),
    ("day", "30/01/2027", "problem_day"),
    ("day", 20270130, "problem_day"),
    ("pence", -5, "problem_pence"),
    ("pence", 0, "problem_pence"),
    ("pence", 12.5, "problem_pence"),
    ("pence", True, "problem_pence"),
    ("pence", "540", "problem_pence"),
    ("pence", 10**12, "problem_pence"),
    ("direction", "sideways", "problem_direction"),
    ("what", "lottery", "problem_kind"),
    ("what", ["pay"], "problem_kind"),
    ("what", "council", "problem_kind_direction"),
    ("evidence", "a note from mum", "problem_evidence"),
    ("who", 12, "problem_text"),
    ("support", ["PA"], "problem_text"),
])
def test_a_stored_line_that_cannot_be_read_is_flagged_and_kept(
        words, store, money, field: str, value: Any, problem: str) -> None:
    journey = ryan(words, store).journey
    store.record(journey, kept(id="good"))
    journey.record(kept(id="bad", **{field: value}))  # as a hand-edited file could hold it
    found = read(journey, money)
    assert [e.id for e in found.entries] == ["good"]
    assert [(f.id, f.problem) for f in found.flagged] == [("bad", problem)]
    assert money.say(problem)
    summary = against(words, money, journey, "all", today=date(2027, 3, 1))
    assert summary.money_out == 54000  # counted without the bad line, and no crash


def test_weeks_allowed_is_the_latest_rule_and_a_bad_one_is_flagged(words, store, money) -> None:
    journey = ryan(words, store).journey
    assert read(journey, money).weeks_allowed == 8
    store.record(journey, MoneyRule(name="weeks-allowed", value=4, by="Lisa"))
    assert read(journey, money).weeks_allowed == 4
    for bad in (0, "six", 4.5, True, 60):
        journey.record(MoneyRule(name="weeks-allowed", value=bad, by="Lisa"))
        found = read(journey, money)
        assert found.weeks_allowed == 8 and found.weeks_flagged


def test_money_is_whole_pence_shown_as_pounds() -> None:
    assert record.pence(Decimal("1250.50")) == 125050
    assert pounds(125050) == "£1,250.50" and pounds(-5) == "-£0.05"


# -- against the plan ---------------------------------------------------------------------

def ryan_year(words, store) -> Any:
    """Ryan's first year of direct payment, from 20 November 2026: £700 in each month, his PA
    paid for 10 hours a week by the month."""
    journey = ryan(words, store).journey
    for month in range(12):
        day = date(2026 + (10 + month) // 12, (10 + month) % 12 + 1, 20)
        store.record(journey, kept(day=day.isoformat(), what="council", direction="in",
                                   pence=70000, who="The council"))
        store.record(journey, kept(day=day.replace(day=28).isoformat(), pence=58500,
                                   support=PA, evidence="payslip", kept_where="Blue folder"))
    return journey


def test_a_period_is_a_quarter_or_a_year_of_the_direct_payment(words, store, money) -> None:
    journey = ryan_year(words, store)
    live = snapshot(words, journey).live
    found = read(journey, money)
    year = choose("year", found, live)
    assert (year.start, year.end) == (date(2026, 11, 20), date(2027, 11, 19))
    quarter = choose("quarter", found, live)  # the latest quarter the record reaches
    assert (quarter.start, quarter.end) == (date(2027, 8, 20), date(2027, 11, 19))
    assert choose("quarter", found, live, start=date(2027, 2, 20)).end == date(2027, 5, 19)
    assert year.share() == 1 and quarter.share() == Decimal(1) / 4
    assert choose("all", found, live, today=date(2026, 12, 7)).end == date(2027, 10, 28)


def test_planned_and_spent_for_each_piece_of_support_in_a_year(words, store, money) -> None:
    summary = against(words, money, ryan_year(words, store), "year")
    rows = {r.what: r for r in summary.rows}
    assert rows[PA].planned == 702000  # 10 hours a week at £13.50, for 52 weeks
    assert rows[PA].spent == 12 * 58500
    assert rows["Payroll service"].planned == 18000
    assert "Football club subs" not in rows  # paid from his own money, not the budget
    assert summary.money_in == summary.council_in == 12 * 70000
    assert summary.balance == 12 * (70000 - 58500)
    assert summary.dp_weekly == 15877  # £688 a month is £8,256 a year, £158.77 a week
    assert summary.weeks_held == Decimal("8.7")  # £1,380 over £158.77


def test_a_balance_over_the_weeks_allowed_is_a_finding_with_its_source(
        words, store, money) -> None:
    journey = ryan_year(words, store)
    found = {f.kind: f for f in against(words, money, journey, "year").findings}
    assert "£1,380.00 is about 8.7 weeks" in found["balance"].text
    assert "allows 8 weeks" in found["balance"].text
    assert found["balance"].sources == ("dp-surplus",)
    assert words.source("dp-surplus").standing == "practice"
    store.record(journey, MoneyRule(name="weeks-allowed", value=12, by="Lisa"))
    assert "balance" not in {f.kind for f in against(words, money, journey, "year").findings}


def test_pay_matching_the_plan_raises_no_hours_finding_and_pay_far_over_does(
        words, store, money) -> None:
    journey = ryan_year(words, store)
    kinds_found = {f.kind for f in against(words, money, journey, "year").findings}
    assert "hours" not in kinds_found  # £7,020 a year is 520 hours, as planned
    store.record(journey, kept(day="2027-06-30", pence=400000, support=PA))
    found = {f.kind: f for f in against(words, money, journey, "year").findings}
    assert "well over the 520 hours planned" in found["hours"].text
    assert "about 816.3 hours" in found["hours"].text


def test_spending_on_nothing_in_the_plan_is_found(words, store, money) -> None:
    journey = ryan_year(words, store)
    store.record(journey, kept(day="2027-03-03", what="other", who="Games shop", pence=4999))
    summary = against(words, money, journey, "year")
    assert [e.who for e in summary.unplanned] == ["Games shop"]
    found = {f.kind: f for f in summary.findings}
    assert "£49.99" in found["unplanned"].text and "Games shop" in found["unplanned"].text


def test_a_payee_matched_once_pays_for_its_support(words, store, money) -> None:
    journey = ryan_year(words, store)
    store.record(journey, kept(day="2027-03-03", what="other", who="Acme  PAYROLL",
                               pence=1500))
    store.record(journey, MoneyRule(name="payee:acme payroll", value="Payroll service",
                                    by="Lisa"))
    summary = against(words, money, journey, "year")
    assert not summary.unplanned
    assert {r.what: r.spent for r in summary.rows}["Payroll service"] == 1500


def test_a_contribution_not_paid_in_is_found(words, store, money) -> None:
    journey = edna(words, store).journey  # a mix: her daughter holds the direct payment
    store.record(journey, Answered(question="planning.contribution",
                                   value={"amount": "20", "period": "week"}, by="Carol",
                                   role=Role.BEHALF))
    for week in range(10):  # ten of the quarter's thirteen weeks
        day = date(2026, 10, 5) + timedelta(weeks=week)
        store.record(journey, MoneyKept(day=day.isoformat(), pence=2000, direction="in",
                                        what="contribution", who="Edna", by="Carol"))
    summary = against(words, money, journey, "quarter")  # 5 October to 4 January
    assert summary.period.start == date(2026, 10, 5)
    found = {f.kind: f for f in summary.findings}
    assert summary.contribution_in == 20000
    assert "£200.00 paid in, £260.00 expected for this period, £60.00 short" in (
        found["contribution"].text)
    assert found["contribution"].sources == ("charging", "dp-monitoring")


def test_pay_below_the_national_living_wage_on_the_day_it_was_paid_is_found(
        words, store, money) -> None:
    journey = edna(words, store).journey  # Carol's help is planned at £12.60 an hour
    store.record(journey, kept(day="2026-10-31", pence=27000, who="Carol", support=CAROL))
    found = {f.kind: f for f in against(words, money, journey, "all").findings}
    assert "£12.60 an hour" in found["low_pay"].text and "£12.71" in found["low_pay"].text
    assert found["low_pay"].sources == ("national-living-wage",)


def test_more_out_than_in_is_found_and_proof_still_to_find_is_listed(
        words, store, money) -> None:
    journey = ryan(words, store).journey
    store.record(journey, kept(day="2027-01-05", what="equipment", who="Argos", pence=12000,
                               evidence="receipt"))
    summary = against(words, money, journey, "all")
    found = {f.kind for f in summary.findings}
    assert {"overspent", "evidence"} <= found
    assert [m.needs for m in summary.missing] == ["say where the receipt is kept"]


def test_the_records_words_are_plain(money) -> None:
    from journey.content import readability

    sentences = [s for text in money.messages.values()
                 for s in readability.sentences_of(text.replace("{", "").replace("}", ""))]
    assert sentences
    assert [s for s in sentences if len(s.split()) > 20] == []
