"""A year of Ryan's direct payment, typed through the front door (`journey money ID add`,
money and dates as Lisa would type them) gives the very record the shipped example holds; its
council's check for the year, as a web page and a Word file, prints on A4 with every sum of
money whole and nothing off the page, and is kept as pictures in test-artefacts/money/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from journey.cli import main as cli
from journey.money import kinds
from journey.money.against import against
from journey.money.record import read
from journey.store.interchange import read as read_file

from .examples import RYAN_PA_NAME, RYAN_WEEKS_ALLOWED, ryan, ryan_money, ryan_with_money
from .test_print import CHROMIUM, SOFFICE, chromium_pdf, figures_printed, office_pdf, printed_words

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "test-artefacts" / "money"
SHIPPED = ROOT / "content" / "examples" / "ryan.json"


def same(entries: list) -> list[tuple]:
    return [(e.day, e.pence, e.direction, e.what, e.who, e.purpose, e.support, e.evidence,
             e.kept_where) for e in entries]


def test_a_year_typed_through_the_command_line_is_the_shipped_record(
        words, store, capsys) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)
    for typed in ryan_money():
        argv = ["money", journey.id, "add", f"--kind={typed.kind}",
                f"--amount={typed.amount}", f"--day={typed.day}"]
        for flag, value in (("--who", typed.who), ("--for", typed.support),
                            ("--purpose", typed.purpose), ("--evidence", typed.evidence),
                            ("--kept", typed.kept_where)):
            if value:
                argv.append(f"{flag}={value}")
        assert cli.main(argv) == 0, capsys.readouterr().err
    assert cli.main(["money", journey.id, "allow", str(RYAN_WEEKS_ALLOWED)]) == 0
    capsys.readouterr()
    money = kinds.default()
    typed = read(store.load(journey.id), money)
    [saved] = read_file(SHIPPED)
    shipped = read(saved.journey, money)
    assert same(typed.entries) == same(shipped.entries)
    assert typed.weeks_allowed == shipped.weeks_allowed == RYAN_WEEKS_ALLOWED
    assert not shipped.flagged and len(shipped.entries) == 12 * 4 - 1 + 4 + 4


def test_the_year_against_the_plan(words, store) -> None:
    """What the example shows: the PA paid as planned, HMRC each quarter on top, one
    contribution missed, headphones the plan does not cost, one receipt whose place is not
    said, and a small balance."""
    found = against(words, kinds.default(), ryan_with_money(words, store).journey, "year")
    assert (found.period.start.isoformat(), found.period.end.isoformat()) == (
        "2026-11-20", "2027-11-19")
    assert found.council_in == 12 * 68800 and found.contribution_in == 11 * 1200
    assert found.balance == 15301 and found.weeks_held is not None and found.weeks_held < 6
    assert [f.kind for f in found.findings] == ["contribution", "contribution_month",
                                                "unplanned", "evidence"]
    # Which month was missed, not only how much: March's, and only March's.
    assert found.findings[1].text == ("Own contribution for the month from 20 March 2027: "
                                      "£0.00 paid in, £12.00 expected.")
    assert [m.start.isoformat() for m in found.months if m.missed] == ["2027-03-20"]
    # A month counts once it is over: on 1 December 2027 the year's twelve are.
    from datetime import date

    later = against(words, kinds.default(), ryan_with_money(words, store).journey, "year",
                    today=date(2027, 12, 1))
    assert len(later.months) == 12 and [m.paid for m in later.months].count(0) == 1
    assert [e.who for e in found.unplanned] == ["Sound Shop"]
    assert RYAN_PA_NAME in {e.who for e in found.entries}


@pytest.mark.skipif(not (CHROMIUM and SOFFICE and shutil.which("pdftoppm")),
                    reason="needs headless Chromium, LibreOffice and poppler to print")
def test_the_councils_check_prints_whole_and_is_kept_as_pictures(
        words, store, capsys, tmp_path: Path) -> None:
    journey = ryan_with_money(words, store).journey
    store.release(journey.id)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for fmt, to_pdf in (("html", chromium_pdf), ("docx", office_pdf)):
        target = tmp_path / f"ryan-check.{fmt}"
        assert cli.main(["money", journey.id, "export", "--period", "year", "--format", fmt,
                         "-o", str(target)]) == 0
        pdf = to_pdf(target, tmp_path)
        pages = printed_words(pdf)  # fails if a word runs off the page
        whole = figures_printed(pages)
        for sum_of_money in ("£8,256.00", "£153.01", "£7,323.00", "£89.99", "£12.00"):
            assert whole[sum_of_money], (fmt, sum_of_money)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf),
                        str(ARTEFACTS / f"ryan-check-{fmt}")], check=True, timeout=120)
    capsys.readouterr()
    assert sorted(p.name for p in ARTEFACTS.glob("ryan-check-html-*.png"))


def test_the_same_year_from_a_bank_statement(words, store, capsys, tmp_path: Path) -> None:
    """Ryan's year as his bank would list it (Starling's layout), imported, each payee said
    once: the same money in and out, the same balance, the same findings about money."""
    from journey.money.typed import amount, day

    money = kinds.default()
    rows = []
    for typed in ryan_money():
        kind = money.kind(typed.kind) or money.kind("other")
        assert kind is not None
        pence = amount(words, money, typed.amount)
        rows.append((day(words, typed.day), typed.who,
                     pence if kind.direction == "in" else -pence, typed.purpose))
    rows.sort(key=lambda r: r[0])
    balance, lines = 0, ["Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),"
                         "Spending Category,Notes"]
    for on, who, pence, purpose in rows:
        balance += pence
        y, m, d = on.split("-")
        lines.append(f"{d}/{m}/{y},{who},\"{purpose}\",FASTER PAYMENT,{pence / 100:.2f},"
                     f"{balance / 100:.2f},PAYMENTS,")
    statement = tmp_path / "starling.csv"
    statement.write_text("\n".join(lines) + "\n", encoding="utf-8")
    journey = ryan(words, store).journey
    store.release(journey.id)
    for _twice in (1, 2):  # the second time adds nothing
        assert cli.main(["money", journey.id, "import", str(statement)]) == 0
    out = capsys.readouterr().out
    assert f"{len(rows)} new" in out and f"0 new, {len(rows)} already" in out
    for payee, kind, support in (
            ("The council", "council", ""), ("Ryan", "contribution", ""),
            (RYAN_PA_NAME, "pay", "1"), ("HMRC", "hmrc", "1"),
            ("Pay Roll Ltd", "other", "Payroll service"),
            ("Safe Hands Insurance", "insurance", "Employer's liability insurance"),
            ("Bright Care", "agency", "Cover when the assistant is off"),
            ("Sound Shop", "equipment", "")):
        argv = ["money", journey.id, "payee", payee, "--kind", kind]
        assert cli.main([*argv, "--for", support] if support else argv) == 0, payee
    capsys.readouterr()
    imported = against(words, money, store.load(journey.id), "year")
    typed = against(words, money, ryan_with_money(words, store).journey, "year")
    for figure in ("money_in", "money_out", "council_in", "contribution_in", "balance"):
        assert getattr(imported, figure) == getattr(typed, figure), figure
    assert {f.kind for f in imported.findings} >= {"contribution", "unplanned"}


def test_the_councils_check_lists_the_contribution_month_by_month(words, store) -> None:
    from datetime import date

    from journey.money import export

    found = against(words, kinds.default(), ryan_with_money(words, store).journey, "year",
                    today=date(2027, 12, 1))
    page = export.render(words, kinds.default(), found, "md").decode("utf-8")
    assert "## Own contribution by month" in page
    assert "| 20 March 2027 | £12\\.00 | £0\\.00 | £12\\.00 |" in page
    assert "| 20 April 2027 | £12\\.00 | £12\\.00 |  |" in page
    assert "Own contribution for the month from 20 March 2027" in page
