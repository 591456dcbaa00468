"""`journey money ID ...`: money typed as people type it, dates in their own words, errors on
standard error with exit 1, `check` exiting with 3 when it finds something, and the council's
check written as Markdown, a web page, Word and CSV, with anything typed made inert."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from journey.cli import main as cli
from journey.money import kinds
from journey.money.record import read
from journey.store.database import Store

from .examples import gareth, ryan


@pytest.fixture
def ryan_id(words, store: Store) -> str:
    journey = ryan(words, store).journey
    store.release(journey.id)  # as when the app has closed: the command line may change it
    return journey.id


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, journey_id: str, *more: str) -> str:
    code, out, err = run(capsys, "money", journey_id, "add", *more)
    assert (code, err) == (0, ""), err
    return out


def test_money_typed_as_people_type_it_goes_in_the_record(capsys, ryan_id, store) -> None:
    out = add(capsys, ryan_id, "--kind", "pay", "--amount", "£1,080.50", "--day",
              "28 November 2026", "--who", "Kim", "--evidence", "Payslip", "--kept",
              "Blue folder")
    assert out.startswith("Added: 1. 28 November 2026: Out £1,080.50, PA pay, Kim")
    # Pay goes with the plan's one personal assistant when no support is named.
    assert "for Personal assistant: the gym, football and the bus" in out
    assert "proof: payslip; kept in Blue folder" in out
    add(capsys, ryan_id, "--kind", "Council payment", "--amount", "700", "--day", "20/11/2026")
    entries = read(store.load(ryan_id), kinds.default()).entries
    assert [(e.day.isoformat(), e.pence, e.what, e.who) for e in entries] == [
        ("2026-11-20", 70000, "council", "The council"),
        ("2026-11-28", 108050, "pay", "Kim")]


def test_a_day_without_a_year_is_the_latest_such_day(words, capsys, ryan_id, store) -> None:
    from datetime import date

    from journey.money.typed import day

    assert day(words, "3 March", date(2026, 12, 7)) == "2026-03-03"
    assert day(words, "1 December", date(2026, 12, 7)) == "2026-12-01"
    assert day(words, "3 March 2027", date(2026, 12, 7)) == "2027-03-03"
    assert day(words, "yesterday", date(2026, 12, 7)) == "2026-12-06"


@pytest.mark.parametrize(("typed", "said"), [
    (["--amount", "12,50"], 'Did you mean £12.50? If so, please type 12.50.'),
    (["--amount", "-5"], "less than nothing"),
    (["--amount", "0"], "more than nothing"),
    (["--amount", "lots"], "lots"),
    (["--day", "31/02/2027"], "There is no 31 February"),
    (["--kind", "lottery"], "not a kind of money journey knows"),
    (["--evidence", "a note"], "not a kind of proof"),
    (["--for", "holiday in Spain"], "no piece of support in the plan"),
    (["--for", "assistant"], "could be more than one"),
])
def test_money_or_a_day_that_cannot_be_read_is_refused_on_standard_error(
        capsys, ryan_id, store, typed: list[str], said: str) -> None:
    given = {"--kind": "pay", "--amount": "540", "--day": "28/11/2026"}
    for flag, value in zip(typed[::2], typed[1::2], strict=True):
        given[flag] = value
    code, out, err = run(capsys, "money", ryan_id, "add",
                         *[f"{flag}={value}" for flag, value in given.items()])
    assert (code, out) == (1, "")
    assert said.lower() in err.lower()
    assert read(store.load(ryan_id), kinds.default()).entries == []


def test_add_says_what_is_missing(capsys, ryan_id) -> None:
    code, out, err = run(capsys, "money", ryan_id, "add", "--kind", "pay")
    assert (code, out) == (1, "") and "--amount, --day" in err


def test_a_plan_without_a_direct_payment_has_no_record(words, store, capsys) -> None:
    journey_id = gareth(words, store).journey.id  # the council manages his budget
    store.release(journey_id)
    code, out, err = run(capsys, "money", journey_id, "list")
    assert (code, out) == (1, "") and "no direct payment" in err


def test_list_remove_and_the_weeks_allowed(capsys, ryan_id, store) -> None:
    add(capsys, ryan_id, "--kind", "council", "--amount", "700", "--day", "20/11/2026")
    add(capsys, ryan_id, "--kind", "other", "--amount", "30", "--day", "1/12/2026",
        "--who", "Cinema")
    code, out, _ = run(capsys, "money", ryan_id)  # list, by default
    assert code == 0
    assert "1. 20 November 2026: In £700.00" in out
    assert "2. 1 December 2026: Out £30.00, Other spending, Cinema; not for anything" in out
    code, out, _ = run(capsys, "money", ryan_id, "remove", "2")
    assert code == 0 and out.startswith("Taken out of the record: 2. 1 December 2026")
    assert len(read(store.load(ryan_id), kinds.default()).entries) == 1
    code, out, err = run(capsys, "money", ryan_id, "remove", "9")
    assert (code, out) == (1, "") and "no entry 9" in err
    code, out, err = run(capsys, "money", ryan_id, "allow", "sixty")
    assert (code, out) == (1, "") and "1 to 52" in err
    code, out, _ = run(capsys, "money", ryan_id, "allow", "4")
    assert code == 0 and "4 weeks" in out
    assert read(store.load(ryan_id), kinds.default()).weeks_allowed == 4


def test_check_exits_with_3_when_it_finds_something(capsys, ryan_id) -> None:
    for kind, amount in (("council", "688"), ("contribution", "12")):
        add(capsys, ryan_id, "--kind", kind, "--amount", amount, "--day", "20/11/2026",
            "--evidence", "bank-statement", "--kept", "Online banking")
    code, out, err = run(capsys, "money", ryan_id, "check", "--from", "20/11/2026",
                         "--to", "19/12/2026")
    assert (code, err) == (0, ""), out
    assert "journey found nothing to point out" in out
    add(capsys, ryan_id, "--kind", "other", "--amount", "250", "--day", "1/12/2026",
        "--who", "Games shop")
    code, out, _ = run(capsys, "money", ryan_id, "check", "--from", "20/11/2026",
                       "--to", "19/12/2026")
    assert code == cli_found()
    assert "£250.00 went on things not in the plan: Games shop (£250.00)" in out
    assert "Rests on: How councils check a direct payment" in out
    code, out, err = run(capsys, "money", ryan_id, "check", "--from", "19/12/2026",
                         "--to", "20/11/2026")
    assert (code, out) == (1, "") and "before its start" in err


def cli_found() -> int:
    from journey.cli.money import FOUND

    return FOUND


HOSTILE = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tlead", " =1+1"]


def test_the_councils_check_in_each_format(capsys, ryan_id, tmp_path: Path) -> None:
    add(capsys, ryan_id, "--kind", "council", "--amount", "700", "--day", "20/11/2026")
    for n, hostile in enumerate(HOSTILE, 1):
        add(capsys, ryan_id, "--kind", "other", "--amount", f"{n}", "--day", "1/12/2026",
            f"--who={hostile}", f"--purpose={hostile}", f"--kept={hostile}",
            "--evidence", "receipt")
    add(capsys, ryan_id, "--kind", "equipment", "--amount", "5", "--day", "2/12/2026",
        "--who", "<script>alert(1)</script>", "--purpose", "**bold** [link](http://x)")
    outputs = {}
    for fmt in ("md", "html", "docx", "csv"):
        target = tmp_path / f"check.{fmt}"
        code, out, err = run(capsys, "money", ryan_id, "export", "--format", fmt,
                             "--period", "all", "-o", str(target))
        assert (code, err) == (0, ""), err
        assert str(target) in out
        outputs[fmt] = target.read_bytes()
    md = outputs["md"].decode()
    assert "# Direct payment check for Ryan" in md and "Every entry" in md
    assert "three to six years" in md and "3 years after the tax year" in md
    assert "Still to find" in md
    assert "\\<script\\>" in md  # typed marks shown as themselves
    page = outputs["html"].decode()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<html lang="en-GB">' in page and page.count("<h1>") == 1
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as docx:
        body = docx.read("word/document.xml").decode()
    assert "Direct payment check for Ryan" in body and "three to six years" in body
    rows = list(csv.reader(io.StringIO(outputs["csv"].decode("utf-8-sig"))))
    assert rows[0][:3] == ["Date", "In or out", "Kind"]
    cells = [c for row in rows[1:] for c in row]
    for hostile in HOSTILE:
        assert hostile not in cells
    assert "'=HYPERLINK(\"http://x\")" in cells and "'@SUM(A1)" in cells
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert "1.00" in cells and "700.00" in cells


def test_export_to_the_screen_and_word_needs_a_file(capsys, ryan_id) -> None:
    code, out, err = run(capsys, "money", ryan_id, "export", "--format", "md")
    assert code == 0 and out.startswith("# Direct payment check for Ryan")
    code, out, err = run(capsys, "money", ryan_id, "export", "--format", "docx")
    assert (code, out) == (1, "") and "docx" in err


def test_the_command_is_in_the_help(capsys) -> None:
    code, out, _ = run(capsys, "money", "--help")
    assert code == 0
    assert "list,add,change,remove,check,export,allow" in out and "--amount" in out


@pytest.mark.parametrize(("cell", "shown"), [
    ("=1+1", "'=1+1"), ("+44 7700", "'+44 7700"), ("-1", "'-1"), ("@A1", "'@A1"),
    ("\t=1", "'\t=1"), ("\uff1d1", "'\uff1d1"), ("  =1", "'  =1"), ("Kim", "Kim"), ("", ""),
    ("a=1", "a=1"),
])
def test_a_cell_a_spreadsheet_would_run_is_made_text(cell: str, shown: str) -> None:
    from journey.money.export import inert

    assert inert(cell) == shown


STATEMENTS = Path(__file__).parent / "data" / "statements"


def test_a_bank_statement_imported_twice_adds_nothing_twice(capsys, ryan_id, store) -> None:
    code, out, err = run(capsys, "money", ryan_id, "import", str(STATEMENTS / "monzo.csv"))
    assert (code, err) == (0, "")
    assert "Read 4 payments from monzo.csv: 4 new, 0 already in the record." in out
    assert 'payee "Kim Lee" --kind KIND --for SUPPORT' in out
    code, out, _ = run(capsys, "money", ryan_id, "import", str(STATEMENTS / "monzo.csv"))
    assert "0 new, 4 already in the record" in out
    entries = read(store.load(ryan_id), kinds.default()).entries
    assert len(entries) == 4 and all(e.source.startswith("statement:") for e in entries)
    assert {(e.who, e.what, e.direction) for e in entries} >= {
        ("Kim Lee", "other", "out"), ("Northshire Council", "other-in", "in")}


def test_a_payee_confirmed_once_goes_with_its_support(capsys, ryan_id, store) -> None:
    run(capsys, "money", ryan_id, "import", str(STATEMENTS / "monzo.csv"))
    code, out, err = run(capsys, "money", ryan_id, "payee", "KIM LEE", "--kind", "pay",
                         "--for", "1")
    assert (code, err) == (0, ""), err
    assert "Changed: 1 payment" in out
    kim = [e for e in read(store.load(ryan_id), kinds.default()).entries if e.who == "Kim Lee"]
    assert [(e.what, e.support) for e in kim] == [
        ("pay", "Personal assistant: the gym, football and the bus")]
    # Taken out, a line stays out whatever is said of its payee later.
    run(capsys, "money", ryan_id, "remove", kim[0].id)
    run(capsys, "money", ryan_id, "payee", "Kim Lee", "--kind", "pay", "--for", "1")
    assert not [e for e in read(store.load(ryan_id), kinds.default()).entries
                if e.who == "Kim Lee"]


def test_a_statement_in_an_unknown_layout_asks_for_its_columns_once(
        capsys, ryan_id, store, tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("When,Who,How much\n01/05/2026,Shop,-5.00\n02/05/2026,=cmd|x,-1.00\n"
                   "nonsense,Shop,-2.00\n", encoding="utf-8")
    code, out, err = run(capsys, "money", ryan_id, "import", str(odd))
    assert (code, out) == (1, "") and "--columns" in err
    code, out, err = run(capsys, "money", ryan_id, "import", str(odd), "--columns",
                         "day=0,payee=1,amount=2")
    assert (code, err) == (0, ""), err
    assert "2 new" in out and "The columns are kept" in out
    assert "Line 4" in out  # the bad row is named and left out, never guessed
    other = tmp_path / "later.csv"
    other.write_text("When,Who,How much\n03/05/2026,Shop,-7.00\n", encoding="utf-8")
    code, out, _ = run(capsys, "money", ryan_id, "import", str(other))
    assert code == 0 and "1 new" in out  # the columns chosen are remembered
    target = tmp_path / "check.csv"
    assert cli.main(["money", ryan_id, "export", "--format", "csv", "-o", str(target)]) == 0
    cells = [c for row in csv.reader(io.StringIO(target.read_text("utf-8-sig"))) for c in row]
    assert "'=cmd|x" in cells and "=cmd|x" not in cells


def test_a_stored_line_that_cannot_be_read_is_named_by_every_command(
        capsys, ryan_id, store) -> None:
    from journey.core.model import MoneyKept

    journey = store.load(ryan_id)
    store.record(journey, MoneyKept(id="badline1", day="2027-02-30", pence=500,
                                    direction="out", what="pay", who="Kim", by="Lisa"))
    store.release(ryan_id)
    code, out, err = run(capsys, "money", ryan_id, "list")
    assert (code, err) == (0, "")
    assert "Entry badline1 cannot be read: its date is not a date." in out
    code, out, _ = run(capsys, "money", ryan_id, "check")
    assert code == cli_found() and "Entries to put right" in out


def test_a_line_changed_in_place_keeps_its_history(capsys, ryan_id, store) -> None:
    from journey.core.model import MoneyKept

    add(capsys, ryan_id, "--kind", "pay", "--amount", "£540", "--day", "28/11/2026",
        "--who", "Kim", "--evidence", "payslip", "--kept", "Blue folder")
    add(capsys, ryan_id, "--kind", "council", "--amount", "688", "--day", "20/11/2026")
    # Wrong things first: no such line, nothing said to change, wrong money: nothing kept.
    assert run(capsys, "money", ryan_id, "change", "7", "--amount", "5")[0] == 1
    code, _, err = run(capsys, "money", ryan_id, "change", "2")
    assert code == 1 and "Say what to change" in err
    code, _, err = run(capsys, "money", ryan_id, "change", "2", "--amount", "12,50")
    assert code == 1 and "Did you mean £12.50?" in err
    before = read(store.load(ryan_id), kinds.default()).entries
    code, out, err = run(capsys, "money", ryan_id, "change", "2", "--amount", "£585",
                         "--day", "29 November 2026")
    assert (code, err) == (0, ""), err
    assert out.startswith("Changed: 2. 29 November 2026: Out £585.00, PA pay, Kim")
    journey = store.load(ryan_id)
    after = read(journey, kinds.default()).entries
    assert len(after) == 2
    changed = after[1]
    # The same line, the same id, everything not typed as it was.
    assert (changed.id, changed.who, changed.support, changed.evidence,
            changed.kept_where) == (before[1].id, "Kim", before[1].support, "payslip",
                                    "Blue folder")
    assert (changed.pence, changed.day.isoformat()) == (58500, "2026-11-29")
    kept = [e for e in journey.events if isinstance(e, MoneyKept) and e.id == changed.id]
    assert [e.pence for e in kept] == [54000, 58500]  # the line before stays in history


STARLING = ("Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),"
            "Spending Category,Notes\n"
            "20/11/2026,The council,Direct payment,FASTER PAYMENT,688.00,688.00,PAYMENTS,\n"
            "28/11/2026,Jordan Reid,Pay,FASTER PAYMENT,-585.00,103.00,PAYMENTS,\n"
            "30/11/2026,Jordan Reid,Pay extra,FASTER PAYMENT,-20.00,83.00,PAYMENTS,\n"
            "30/11/2026,Sound Shop,Headphones,FASTER PAYMENT,-3.00,80.00,PAYMENTS,\n")


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest-first", "newest-first"])
def test_the_bank_balance_set_beside_the_record(capsys, ryan_id, store, tmp_path,
                                                newest_first: bool) -> None:
    head, *rows = STARLING.splitlines()
    statement = tmp_path / "starling.csv"
    statement.write_text("\n".join([head, *(reversed(rows) if newest_first else rows)]) + "\n",
                         encoding="utf-8")
    assert run(capsys, "money", ryan_id, "import", str(statement))[0] == 0
    code, out, _ = run(capsys, "money", ryan_id, "check", "--from", "1/11/2026", "--to",
                       "30/11/2026")
    # The day's last payment gives its closing balance, whichever way the bank lists them.
    assert "The bank's balance on 30 November 2026: £80.00. The record's: £80.00." in out
    assert "The bank says" not in out
    # A payment gone from the record: the two differ, and the check says by how much.
    extra = next(e for e in read(store.load(ryan_id), kinds.default()).entries
                 if e.pence == 2000)
    assert run(capsys, "money", ryan_id, "remove", extra.id)[0] == 0
    code, out, _ = run(capsys, "money", ryan_id, "check", "--from", "1/11/2026", "--to",
                       "30/11/2026")
    assert code == 3
    assert ("The bank says the balance on 30 November 2026 was £80.00. The record says "
            "£100.00. The bank has £20.00 less.") in out
    code, out, _ = run(capsys, "money", ryan_id, "export", "--from", "1/11/2026", "--to",
                       "30/11/2026")
    assert "The bank has £20\\.00 less" in out
    # A period the statement has no balance for says nothing of the bank.
    code, out, _ = run(capsys, "money", ryan_id, "check", "--from", "1/12/2026", "--to",
                       "31/12/2026")
    assert "The bank's balance" not in out and "The bank says" not in out


def test_a_stored_bank_balance_that_is_not_one_is_not_used(words, store, ryan_id) -> None:
    from datetime import date

    from journey.core.model import MoneyRule
    from journey.money.against import Period, bank_balance

    journey = store.load(ryan_id)
    for name, value in (("bank-balance:2026-11-30", "£80"), ("bank-balance:2026-02-31", 5),
                        ("bank-balance:2026-11-29", True), ("bank-balance:soon", 5),
                        ("bank-balance:2026-11-28", 10 ** 15)):
        journey.record(MoneyRule(name=name, value=value, by="x"))
    record = read(journey, kinds.default())
    assert bank_balance(record, Period(date(2026, 11, 1), date(2026, 11, 30), "between")) \
        is None
