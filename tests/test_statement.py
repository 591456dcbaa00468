"""Bank statements read from CSV: each bank's layout from a sample file, a layout not known
chosen once and remembered, rows that cannot be read named and left out, marks that are
the same however often a statement is read, and files that are hostile in every way."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from journey.core.model import MoneyRule
from journey.money import statement
from journey.money.statement import Layout, StatementError, match, normalise_payee
from journey.store import own_events
from journey.store.database import event_json

DATA = Path(__file__).parent / "data" / "statements"


def read(text: str | bytes, **kw: object) -> statement.Statement:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return statement.read_bytes(data, **kw)


def said(st: statement.Statement) -> list[tuple[str, str, int, str]]:
    return [(r.day.isoformat(), r.direction, r.pence, r.payee) for r in st.rows]


# Each sample: the layout it is, then its rows as (day, direction, pence, payee).
SAMPLES = {
    "barclays.csv": ("barclays", [
        ("2026-05-05", "out", 123456, "KIM LEE"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-02", "out", 6000, "NEST PENSIONS"),
        ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL"),
        ("2026-05-01", "in", 12000, "S PATEL"),
        ("2026-04-28", "out", 4599, "CARD PAYMENT TO MOBILITY AIDS LTD ON 27 APR")]),
    "lloyds.csv": ("lloyds", [
        ("2026-05-05", "out", 123456, "KIM LEE PAY MAY"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-02", "out", 6000, "NEST PENSIONS"),
        ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL DP"),
        ("2026-04-30", "out", 4599, "MOBILITY AIDS LTD CD 4012")]),
    "natwest.csv": ("natwest", [
        ("2026-05-05", "out", 123456, "KIM LEE , PAY MAY , FP 05/05/26 10"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL"),
        ("2026-04-28", "out", 4599, "4012 27APR26 , MOBILITY AIDS , LTD GB")]),
    "nationwide.csv": ("nationwide", [
        ("2026-05-01", "in", 323456, "Bank credit NORTHSHIRE COUNCIL"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-02", "out", 6000, "NEST PENSIONS"),
        ("2026-05-05", "out", 123456, "KIM LEE"),
        ("2026-05-05", "out", 450, "MOBILITY AIDS LTD"),
        ("2026-05-05", "out", 450, "MOBILITY AIDS LTD")]),
    "nationwide-older.csv": ("nationwide-older", [
        ("2026-05-01", "in", 323456, "Bank credit NORTHSHIRE COUNCIL"),
        ("2026-05-02", "out", 31120, "Direct debit HMRC PAYE"),
        ("2026-05-05", "out", 123456, "Payment to KIM LEE")]),
    "monzo.csv": ("monzo", [
        ("2026-05-01", "in", 323456, "Northshire Council"),
        ("2026-05-02", "out", 31120, "HMRC"),
        ("2026-05-05", "out", 123456, "Kim Lee"),
        ("2026-05-06", "out", 899, "Boots")]),
    "starling.csv": ("starling", [
        ("2026-05-01", "in", 323456, "Northshire Council"),
        ("2026-05-02", "out", 31120, "HMRC"),
        ("2026-05-05", "out", 123456, "Kim Lee")]),
    "first-direct.csv": ("amount", [
        ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL DP"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-05", "out", 123456, "KIM LEE PAY MAY")]),
    "in-and-out.csv": ("in-and-out", [
        ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL"),
        ("2026-05-02", "out", 31120, "HMRC PAYE"),
        ("2026-05-05", "out", 123456, "KIM LEE")]),
    "card-account.csv": ("debit-and-credit", [
        ("2026-05-01", "in", 323456, "Load from Northshire Council"),
        ("2026-05-03", "out", 54000, "CARING HANDS HOME CARE LTD"),
        ("2026-05-07", "out", 123456, "PAYMENT TO KIM LEE")]),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_banks_layout_is_recognised_by_its_header(name: str) -> None:
    known, rows = SAMPLES[name]
    st = statement.read_file(DATA / name)
    assert st.known == known
    assert st.layout is not None
    assert said(st) == rows
    assert all(r.mark.startswith("statement:") for r in st.rows)
    assert len({r.mark for r in st.rows}) == len(st.rows)


def test_references_balances_and_details_come_from_their_columns() -> None:
    starling = statement.read_file(DATA / "starling.csv")
    assert [r.reference for r in starling.rows] == ["DP 99812", "123PA00012345", "PAY MAY"]
    assert [r.balance for r in starling.rows] == [366456, 335336, 211880]
    barclays = statement.read_file(DATA / "barclays.csv")
    # Barclays puts the payee, a tab, then its reference in one memo.
    assert barclays.rows[0].details == "Bill Payment PAY MAY"
    assert barclays.rows[0].balance is None


def test_a_nationwide_statement_in_windows_1252_with_lines_above_its_header() -> None:
    raw = (DATA / "nationwide.csv").read_bytes()
    assert b"\xa3" in raw  # the pound sign as Windows-1252 writes it
    st = statement.read_bytes(raw)
    assert st.rows[0].line == 6  # the file's own line, counting the account lines above
    assert st.rows[0].balance == 366456
    assert not st.problems


def test_a_card_account_row_that_moves_no_money_is_named() -> None:
    st = statement.read_file(DATA / "card-account.csv")
    assert [(p.line, p.key) for p in st.problems] == [(4, "statement_zero")]
    assert st.problems[0].text == "Line 4 moves no money, so I left it out."


# --- Layouts not known -----------------------------------------------------------------

def test_a_file_with_no_header_is_not_guessed_at_but_offered() -> None:
    st = statement.read_file(DATA / "hsbc-no-header.csv")
    assert st.layout is None and st.rows == () and st.known == ""
    assert st.header == ()
    assert st.examples[0] == ("01/05/2026", "NORTHSHIRE COUNCIL DP", "3,234.56")
    assert st.suggested == Layout(day=0, payee=(1,), amount=2)
    chosen = st.using(st.suggested)
    assert said(chosen)[0] == ("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL DP")
    assert len(chosen.rows) == 3


def test_columns_chosen_once_are_used_for_the_next_file_with_that_header() -> None:
    first = statement.read_file(DATA / "revolut.csv")
    assert first.layout is None
    assert first.header[:4] == ("Type", "Product", "Started Date", "Completed Date")
    assert first.suggested == Layout(day=3, payee=(4,), amount=5, balance=9, kind=0)
    chosen = Layout(day=3, payee=(4,), amount=5, balance=9)
    kept = {first.signature: Layout.from_value(json.loads(json.dumps(chosen.as_value())))}
    again = statement.read_file(DATA / "revolut.csv", remembered=kept)
    assert again.layout == chosen
    assert said(again) == [("2026-05-01", "in", 323456, "Northshire Council"),
                           ("2026-05-05", "out", 123456, "To Kim Lee"),
                           ("2026-05-07", "out", 4599, "Mobility Aids Ltd")]
    # The same columns are not used for a file with another header.
    other = statement.read_file(DATA / "hsbc-no-header.csv", remembered=kept)
    assert other.layout is None and other.signature != first.signature


def test_the_signature_names_the_header_not_the_rows() -> None:
    one = read("When,Who,How much\n01/05/2026,Kim,5.00\n")
    two = read("when , WHO, How Much\n02/06/2026,Jo,7.00\n03/06/2026,Al,1.00\n")
    three = read("When,Who,How much,Balance\n01/05/2026,Kim,5.00,1.00\n")
    assert one.signature == two.signature != three.signature
    assert len(one.signature) == 16


def test_a_layout_not_known_with_lines_above_its_header_and_commas_after_its_rows() -> None:
    st = read("Account:,Direct payment account\nFrom:,01/05/2026\n\n"
              "When,Who,Out,In,Left\n"
              "01/05/2026,Northshire Council,,3234.56,3234.56,\n"
              "05/05/2026,Kim Lee,1234.56,,2000.00,\n")
    assert st.layout is None
    assert st.header == ("When", "Who", "Out", "In", "Left")
    assert st.signature == read("When,Who,Out,In,Left,\n").signature
    chosen = st.using(Layout(day=0, payee=(1,), paid_out=2, paid_in=3, balance=4))
    assert said(chosen) == [("2026-05-01", "in", 323456, "Northshire Council"),
                            ("2026-05-05", "out", 123456, "Kim Lee")]
    assert not chosen.problems


def test_an_amount_with_a_column_saying_which_way() -> None:
    st = statement.read_file(DATA / "amount-and-sign.csv")
    assert st.suggested == Layout(day=0, payee=(1,), amount=2, sign=3)
    chosen = st.using(st.suggested)
    assert said(chosen) == [("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL"),
                            ("2026-05-05", "out", 123456, "KIM LEE")]
    odd = read("Posting Date,Payee,Amount,CR/DR\n01/05/2026,X,5.00,maybe\n")
    assert [p.key for p in odd.using(odd.suggested).problems] == ["statement_no_direction"]


def test_a_layout_is_kept_as_a_plain_value_and_read_back_through_the_store() -> None:
    layout = Layout(day=0, payee=(4, 14), amount=7, reference=11, kind=3)
    rule = MoneyRule(name="columns:0123456789abcdef", value=layout.as_value(), by="Sam")
    back = own_events.journey("x", "2026-11-29T10:00:00+00:00", [event_json(rule)])
    assert Layout.from_value(back.events[0].value) == layout
    paid = Layout(day=1, payee=(2,), paid_in=4, paid_out=3, balance=5)
    assert Layout.from_value(paid.as_value()) == paid


GOOD = Layout(day=0, payee=(1,), amount=2).as_value()


@pytest.mark.parametrize("value", [
    None, 3, "day", [], [0, 1, 2], {},
    {k: v for k, v in GOOD.items() if k != "kind"},  # a key missing
    {**GOOD, "extra": 1},  # a key not known
    {**GOOD, "day": True},  # a yes, not a column
    {**GOOD, "day": -1},
    {**GOOD, "day": statement.MOST_COLUMNS},
    {**GOOD, "day": 1.0},
    {**GOOD, "day": "0"},
    {**GOOD, "payee": []},
    {**GOOD, "payee": [1, 3, 4, 5, 6]},
    {**GOOD, "payee": 1},
    {**GOOD, "payee": [1, 1]},
    {**GOOD, "payee": [None]},
    {**GOOD, "amount": 0},  # the day's column twice
    {**GOOD, "amount": 1},  # the payee's column as money
    {**GOOD, "amount": None},  # no money at all
    {**GOOD, "paid_in": 3},  # an amount and money in both
    {**GOOD, "amount": None, "paid_in": 2, "sign": 3},  # which way, with no amount
    {**GOOD, "balance": 2},
    {**GOOD, "reference": 10 ** 100},
])
def test_a_stored_layout_of_the_wrong_shape_is_no_layout(value: object) -> None:
    assert Layout.from_value(value) is None


def test_a_layout_made_wrongly_in_code_says_so() -> None:
    with pytest.raises(ValueError):
        Layout(day=0, payee=(0,), amount=1)


# --- Rows that cannot be read ----------------------------------------------------------

BAD_ROWS = """Date,Description,Amount,Balance
01/05/2026,NORTHSHIRE COUNCIL,3234.56,3234.56
,NO DATE,1.00,
31/02/2026,NO SUCH DAY,1.00,
05/13/2026,MONTH FIRST,1.00,
tomorrow,WORDS,1.00,
06/05/2026,NO AMOUNT,,
06/05/2026,WORDS FOR AN AMOUNT,ten pounds,
06/05/2026,COMMA AS A POINT,"12,50",
06/05/2026,THREE PLACES,12.345,
06/05/2026,HUGE,99999999999999,
06/05/2026,HUGE TOO,10000000.01,
06/05/2026,SCIENCE,1e308,
06/05/2026,INFINITE,inf,
06/05/2026,NOTHING,0.00,
07/05/2026
07/05/2026,"KIM LEE",-1234.56,1999.99
08/05/2026,"BROKEN "QUOTE",-1.00,
09/05/2026,AFTER,-2.00,
"""


def test_each_row_that_cannot_be_read_is_named_and_left_out() -> None:
    st = read(BAD_ROWS)
    assert said(st) == [("2026-05-01", "in", 323456, "NORTHSHIRE COUNCIL"),
                        ("2026-05-07", "out", 123456, "KIM LEE"),
                        ("2026-05-09", "out", 200, "AFTER")]
    assert [(p.line, p.key) for p in st.problems] == [
        (3, "statement_no_date"), (4, "statement_bad_date"), (5, "statement_bad_date"),
        (6, "statement_bad_date"), (7, "statement_no_amount"), (8, "statement_bad_amount"),
        (9, "statement_bad_amount"), (10, "statement_bad_amount"),
        (11, "statement_huge_amount"), (12, "statement_huge_amount"),
        (13, "statement_bad_amount"), (14, "statement_bad_amount"), (15, "statement_zero"),
        (16, "statement_short_row"), (18, "statement_quotes")]
    words = {p.line: p.text for p in st.problems}
    assert words[4] == 'Line 4: I could not read "31/02/2026" as a date, so I left it out.'
    assert words[8] == ('Line 8: I could not read "ten pounds" as an amount of money, so I '
                        'left it out.')
    assert words[11] == ('Line 11: "99999999999999" is more than one payment could be, so '
                         'I left it out.')


def test_money_both_in_and_out_or_less_than_nothing_in_is_named() -> None:
    st = read("Date,Description,Money in,Money out\n"
              "01/05/2026,BOTH,5.00,6.00\n01/05/2026,MINUS IN,-5.00,\n"
              "01/05/2026,MINUS OUT,,-6.00\n01/05/2026,ZERO AND OUT,0.00,7.00\n")
    assert [(p.line, p.key) for p in st.problems] == [(2, "statement_both_ways"),
                                                      (3, "statement_negative_in")]
    assert said(st) == [("2026-05-01", "out", 600, "MINUS OUT"),
                        ("2026-05-01", "out", 700, "ZERO AND OUT")]


@pytest.mark.parametrize(("cell", "day"), [
    ("25/12/2026", date(2026, 12, 25)), ("5/1/2026", date(2026, 1, 5)),
    ("25-12-26", date(2026, 12, 25)), ("25.12.2026", date(2026, 12, 25)),
    ("25 Dec 2026", date(2026, 12, 25)), ("25-Dec-2026", date(2026, 12, 25)),
    ("25 December 2026", date(2026, 12, 25)), ("25 Sept 2026", date(2026, 9, 25)),
    ("2026-12-25", date(2026, 12, 25)), ("2026-12-25 10:12:13", date(2026, 12, 25)),
    ("2026-12-25T10:12:13Z", date(2026, 12, 25)), ("'25/12/2026", date(2026, 12, 25)),
    ("12/25/2026", None), ("2026-25-12", None), ("29/02/2027", None), ("1/1/1969", None),
    ("25 Smarch 2026", None), ("25/12", None), ("=TODAY()", None), ("9" * 50, None),
    ("2026/12/25/1", None),
])
def test_dates_are_read_day_first_never_month_first(cell: str, day: date | None) -> None:
    assert statement._day(cell) == day


@pytest.mark.parametrize(("cell", "pence"), [
    ("1,234.56", 123456), ("-12.50", -1250), ("£12.50", 1250), ("-£12.50", -1250),
    ("£-12.50", -1250), ("(12.50)", -1250), ("(£1,000)", -100000), ("12.50-", -1250),
    ("12.50 CR", 1250), ("12.50DR", -1250), ("GBP 12.50", 1250), ("+12.5", 1250),
    (".5", 50), ("'12.50", 1250), (" 7 ", 700), ("", None), ("  ", None),
])
def test_amounts_are_read_as_banks_write_them(cell: str, pence: int | None) -> None:
    assert statement._money(cell) == pence


@pytest.mark.parametrize("cell", [
    "1e308", "1E3", "inf", "nan", "12,50", "1,23.00", "12.345", "£", "-", "()", "=1+2",
    "12..5", "0x10", "١٢", "12 50", "99999999999999", "10000000.01", "9" * 41,
])
def test_amounts_that_do_not_read_are_never_guessed(cell: str) -> None:
    with pytest.raises(statement._Unread):
        statement._money(cell)


# --- Marks -------------------------------------------------------------------------------

TWICE = """Date,Description,Amount
05/05/2026,BOOTS,-4.50
05/05/2026,BOOTS,-4.50
05/05/2026,KIM LEE,-1234.56
"""


def test_identical_payments_on_one_day_are_both_counted() -> None:
    st = read(TWICE)
    assert said(st)[0] == said(st)[1]
    assert len({r.mark for r in st.rows}) == 3


def test_a_statement_read_again_gives_the_same_marks() -> None:
    for name in SAMPLES:
        once = statement.read_file(DATA / name)
        again = statement.read_file(DATA / name)
        assert [r.mark for r in once.rows] == [r.mark for r in again.rows], name


def test_an_overlapping_statement_gives_the_same_marks_for_the_same_payments() -> None:
    first = read(TWICE)
    later = read("Date,Description,Amount\n04/05/2026,EARLIER,-1.00\n"
                 + TWICE.split("\n", 1)[1] + "06/05/2026,LATER,-2.00\n")
    assert {r.mark for r in first.rows} < {r.mark for r in later.rows}
    # Where the rows sit in the file, and the lines above the table, change nothing.
    moved = read("Statement for S Patel\n\n" + TWICE)
    assert [r.mark for r in moved.rows] == [r.mark for r in first.rows]
    assert [r.line for r in moved.rows] != [r.line for r in first.rows]


def test_marks_stay_the_same_when_other_columns_are_chosen() -> None:
    monzo = statement.read_file(DATA / "monzo.csv")
    assert statement.known(monzo.known).banks == "Monzo"
    fewer = monzo.using(Layout(day=1, payee=(4,), amount=7))  # no reference, no details
    assert [r.reference for r in fewer.rows] != [r.reference for r in monzo.rows]
    assert [r.mark for r in fewer.rows] == [r.mark for r in monzo.rows]


def test_marks_follow_what_the_row_says() -> None:
    base = read(TWICE).rows[2].mark
    for changed in ("05/05/2026,KIM LEE,-1234.57", "06/05/2026,KIM LEE,-1234.56",
                    "05/05/2026,KIM LEE,1234.56", "05/05/2026,KIM LE,-1234.56"):
        assert read("Date,Description,Amount\n" + changed + "\n").rows[0].mark != base
    assert read("Date,Description,Amount\n05/05/2026,Kim  Lee,-1234.56\n").rows[0].mark \
        == base  # the same payee, written in other letters and spaces


# --- Hostile files ------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "\t=1+1", "\r=1+1", "=1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_in_any_cell_is_only_ever_text(formula: str) -> None:
    quoted = '"' + formula.replace('"', '""') + '"'
    rows = [f"{quoted},KIM,-1.00,REF", f"01/05/2026,{quoted},-1.00,REF",
            f"01/05/2026,KIM,{quoted},REF", f"01/05/2026,KIM,-1.00,{quoted}"]
    st = read("Date,Description,Amount,Reference\n" + "\n".join(rows) + "\n")
    # A carriage return inside quote marks starts a new line of the file.
    assert [p.key for p in st.problems] == ["statement_bad_date", "statement_bad_amount"]
    words = " ".join(formula.replace("\r", "").split())
    assert [(r.payee, r.reference) for r in st.rows] == [(words, "REF"), ("KIM", words)]


def test_control_characters_and_bidirectional_controls_are_cleaned_out() -> None:
    st = read("Date,Description,Amount,Reference\n"
              "01/05/2026,\"Kim\u202eeeL\x1b[31m\x07 \u200bLee\",-1.00,\"REF\x01\x9b1m\"\n")
    row = st.rows[0]
    assert row.payee == "KimeeL Lee"
    assert all(ch.isprintable() for ch in row.payee + row.reference + row.details)


def test_binary_is_not_a_statement() -> None:
    for data in (bytes(range(256)) * 50, b"PK\x03\x04" + b"\x00" * 100,
                 b"Date,Description,Amount\n\x81\x8d\x8f\n", b"", b"   \n\n"):
        with pytest.raises(StatementError) as e:
            statement.read_bytes(data)
        assert e.value.key in ("statement_not_text", "statement_empty")
        assert e.value.text


def test_utf16_with_its_mark_is_read() -> None:
    data = (DATA / "first-direct.csv").read_text(encoding="utf-8")
    st = statement.read_bytes(data.encode("utf-16"))
    assert said(st) == SAMPLES["first-direct.csv"][1]


def test_a_huge_field_and_a_million_columns_are_named_not_held() -> None:
    header = "Date,Description,Amount\n"
    good = "01/05/2026,KIM,-1.00\n"
    for hostile in ("01/05/2026," + "x" * 1_000_000 + ",-1.00\n", "," * 1_000_000 + "\n",
                    '01/05/2026,"' + "y" * 9_000 + "\n" + "y" * 9_000 + '",-1.00\n'):
        started = time.perf_counter()
        st = read(header + good + hostile + good)
        assert time.perf_counter() - started < 5
        assert said(st) == [("2026-05-01", "out", 100, "KIM")] * 2
        assert [(p.line, p.key) for p in st.problems] == [(3, "statement_row_too_long")]


def test_a_quote_mark_left_open_over_many_lines_is_bounded() -> None:
    st = read('Date,Description,Amount\n01/05/2026,KIM,-1.00\n01/05/2026,"'
              + "y\n" * 100_000 + '",-1.00\n')
    assert said(st) == [("2026-05-01", "out", 100, "KIM")]
    assert st.problems[0].line == 3 and st.problems[0].key == "statement_row_too_long"
    # Each line after it is named, up to a limit, and then how many more there are.
    assert len(st.problems) == statement.MOST_PROBLEMS + 2
    assert [p.key for p in st.problems[-2:]] == ["statement_more_problems",
                                                 "statement_too_many_rows"]
    assert st.problems[-2].text == "19,900 more lines were left out as well."


def test_rows_too_wide_are_named() -> None:
    st = read("Date,Description,Amount\n01/05/2026,KIM,-1.00" + ",x" * 500 + "\n")
    assert [p.key for p in st.problems] == ["statement_too_wide"]
    assert "503 columns" in st.problems[0].text


def test_an_unclosed_quote_mark_takes_only_its_own_rows() -> None:
    rows = "".join(f"{d:02d}/05/2026,ROW {d},-1.00\n" for d in range(1, 29))
    st = read('Date,Description,Amount\n01/04/2026,"OPEN,-1.00\n' + rows)
    assert st.problems[0].key in ("statement_row_too_long", "statement_quotes")
    assert said(st)[-1] == ("2026-05-28", "out", 100, "ROW 28")
    assert len(st.rows) >= 28 - statement.LONGEST_ROW_LINES


def test_a_statement_is_read_up_to_its_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statement, "MOST_ROWS", 50)
    st = read("Date,Description,Amount\n" + "01/05/2026,KIM,-1.00\n" * 60)
    assert len(st.rows) == 50
    assert [(p.line, p.key) for p in st.problems] == [(None, "statement_too_many_rows")]
    assert len({r.mark for r in st.rows}) == 50


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(statement.LARGEST_FILE + 1)
    with pytest.raises(StatementError) as e:
        statement.read_file(big)
    assert e.value.key == "statement_too_big" and "4 MB" in e.value.text


def test_semicolons_and_tabs_between_cells() -> None:
    for gap in (";", "\t"):
        st = read(gap.join(["Date", "Description", "Amount"]) + "\n"
                  + gap.join(["01/05/2026", "KIM", "-1,234.56"]) + "\n")
        assert said(st) == [("2026-05-01", "out", 123456, "KIM")]


@pytest.mark.posix
def test_only_an_ordinary_file_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    started = time.perf_counter()
    for path in (fifo, tmp_path, Path("/dev/zero")):
        with pytest.raises(StatementError) as e:
            statement.read_file(path)
        assert e.value.key == "statement_not_a_file"
    link = tmp_path / "link.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(StatementError) as e:
        statement.read_file(link)
    assert e.value.key == "statement_not_a_file"
    assert time.perf_counter() - started < 5  # nothing waited on the pipe
    with pytest.raises(StatementError) as e:
        statement.read_file(tmp_path / "missing.csv")
    assert e.value.key == "statement_unreadable" and e.value.text.endswith(".")
    ordinary = tmp_path / "ordinary.csv"
    ordinary.symlink_to(DATA / "first-direct.csv")  # a link to an ordinary file is fine
    assert said(statement.read_file(ordinary)) == SAMPLES["first-direct.csv"][1]


def test_ten_thousand_rows_are_read_quickly() -> None:
    rows = "".join(f"{1 + n % 28:02d}/{1 + n % 12:02d}/2026,PAYEE {n % 97},-{n}.{n % 100:02d},"
                   f"{n}.00\n" for n in range(10_000))
    data = ("Date,Description,Amount,Balance\n" + rows).encode("utf-8")
    statement.read_bytes(data[:2000])  # content loaded before the clock starts
    started = time.perf_counter()
    st = statement.read_bytes(data)
    took = time.perf_counter() - started
    assert len(st.rows) == 9_999 and [p.key for p in st.problems] == ["statement_zero"]
    assert took < 10, took


# --- Payees -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "normal"), [
    ("CARD PAYMENT TO TESCO STORES 2043 ON 12 JAN", "tesco stores"),
    ("Tesco Stores 3041", "tesco stores"),
    ("'KIM LEE PAY APRIL", "kim lee pay"),
    ("KIM LEE , PAY MAY , FP 05/05/26 10", "kim lee pay"),
    ("DD HMRC PAYE", "hmrc paye"),
    ("Direct debit HMRC PAYE", "hmrc paye"),
    ("NEST PENSIONS REF 1234ABC", "nest pensions"),
    ("4012 27APR26 , MOBILITY AIDS , LTD GB", "mobility aids ltd"),
    ("CONTACTLESS PAYMENT BOOTS 1234 NORTHTOWN GBR", "boots northtown"),
    ("Bank credit NORTHSHIRE COUNCIL", "northshire council"),
    ("Caring  Hands\tLtd", "caring hands ltd"),
    ("Kim\u202e Lee", "kim lee"),
    ("O2", "o2"), ("To", "to"), ("", ""),
])
def test_a_payee_is_put_in_one_form(text: str, normal: str) -> None:
    assert normalise_payee(text) == normal
    assert normalise_payee(normal) == normal


def test_a_payee_confirmed_once_is_recognised_again() -> None:
    known = {"kim lee": "Personal assistant", "hmrc paye": None, "tesco stores": "Food"}
    assert match("FPO KIM LEE", known) == "kim lee"
    assert match("KIM LEE WAGES MAY", known) == "kim lee"  # fewer words, confirmed
    assert match("DD HMRC PAYE 123", known) == "hmrc paye"  # confirmed as nothing planned
    assert match("CARD PAYMENT TO TESCO STORES 2043 ON 12 JAN", known) == "tesco stores"
    assert match("TESCO", known) is None  # less than what was confirmed
    assert match("KIMBERLY", known) is None
    assert match("", known) is None
    assert match("Kim Lee", {"kim lee pay": "PA", "kim lee": "Other"}) == "kim lee"
    assert match("Kim Lee Pay June", {"kim lee pay": "PA", "kim lee": "Other"}) == "kim lee pay"


def test_seeded_random_files_never_crash() -> None:
    # Cells, quote marks, line ends, signs and figures in any order, and raw bytes: each
    # file is read as a statement or refused with words, never an error of another kind.
    import random

    rng = random.Random(25)
    pieces = [",", ",", ",", '"', '""', "\n", "\r\n", "\r", "\t", ";", "=", "+", "-", "@",
              "£", "(", ")", "CR", "DR", "01/05/2026", "2026-05-01", "31/02/2026",
              "1,234.56", "-12.50", "0.00", "1e308", "99999999999999", "Date",
              "Description", "Amount", "Money in", "Money out", "Balance", "Kim Lee",
              "\u202e", "\x1b[31m", "\ufeff", "ü", "'"]
    cells = ["01/05/2026", "2026-05-01", "Kim Lee", "-12.50", "12.50 CR", "£1,234.56", "",
             "", "=1+1", '"a,b"']
    read = 0
    for n in range(400):
        if n % 8 == 0:
            data = rng.randbytes(rng.randrange(0, 3000))
        else:
            text = "".join(  # rows of cells, with anything at all in among them
                rng.choice(pieces) if rng.random() < 0.2 else
                ",".join(rng.choice(cells) for _ in range(rng.randrange(1, 6))) + "\n"
                for _ in range(rng.randrange(0, 60)))
            if n % 3 == 0:
                text = "Date,Description,Amount,Balance\n" + text
            data = text.encode("utf-8" if n % 5 else "utf-16")
        try:
            st = statement.read_bytes(data)
        except StatementError as e:
            assert e.text
            continue
        for layout in (st.layout, st.suggested, Layout(day=1, payee=(0, 3), amount=2),
                       Layout(day=0, payee=(1,), paid_in=3, paid_out=2, balance=4)):
            if layout is not None:
                again = st.using(layout)
                assert all(r.pence > 0 and r.direction in ("in", "out") for r in again.rows)
                assert all(p.text for p in again.problems)
                read += len(again.rows)
    assert read > 300  # the files were near enough to statements to have rows read
