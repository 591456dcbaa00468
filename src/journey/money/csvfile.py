"""CSV for spreadsheets, written so that no cell can act as a formula.

Excel, LibreOffice and Google Sheets take a cell that begins with `=`, `+`, `-` or `@` (or
a tab or carriage return before one) as a formula, and a formula can fetch from the web or
start programs: text from a bank statement ("=HYPERLINK(...)" as a payee) must never run
when a council officer opens the record. As OWASP's guidance on CSV injection says, each
such cell is written with a single quote mark before it, which spreadsheets show as text;
the full-width forms of those signs are treated the same, and so is a cell where only
spaces come before one.

Money is written as a number a spreadsheet reads as one, and never with a sign in front:
pence as pounds with two decimal places and no £ or thousands commas ("1234.56"), and an
amount below nothing in brackets ("(5.00)"), as accounts write it and as Excel and
LibreOffice read it: the number -5. So "-£5.00" can never be a formula, and the column
still adds up. Give money as Money(pence), not as text or a bare number: an int is written
as it is and escaped like text if it is below nothing.

The file is UTF-8 with the byte order mark (so Excel on Windows reads £ and names beyond
ASCII rightly) and CRLF line ends (RFC 4180). encode() gives its bytes; the front doors
write them as they write every export, with journey.store.private.write_whole: a private
file (0600), whole or not at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from journey.core.answers import clean

BOM = "\ufeff"
# What a spreadsheet may take as the start of a formula: OWASP's list (= + - @, tab,
# carriage return), the full-width forms of the four signs, and a line feed, treated as
# warily as the carriage return.
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


@dataclass(frozen=True)
class Money:
    """An amount of money in whole pence, below nothing when it went out."""

    pence: int

    def __post_init__(self) -> None:
        if type(self.pence) is not int:
            raise TypeError("money is whole pence")

    def text(self) -> str:
        pounds, pence = divmod(abs(self.pence), 100)
        figures = f"{pounds}.{pence:02d}"
        return f"({figures})" if self.pence < 0 else figures


def escaped(text: str) -> str:
    """Text as a cell no spreadsheet runs: cleaned of terminal codes and control
    characters, with a quote mark before it if it could start a formula."""
    text = clean(text)
    starts = {text[:1], text.lstrip()[:1]} & FORMULA_STARTS
    return "'" + text if starts else text


def cell(value: object) -> str:
    """One value as its cell: Money as a number (see the module's note), a date as
    YYYY-MM-DD, nothing as an empty cell, anything else as escaped text."""
    if isinstance(value, Money):
        return value.text()
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return escaped(str(value))


def encode(rows: Iterable[Sequence[object]]) -> bytes:
    """The bytes of a CSV file holding these rows (the first is usually the header)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return (BOM + out.getvalue()).encode("utf-8")
