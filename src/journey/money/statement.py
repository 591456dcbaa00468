"""A bank statement from the direct-payment account, read from its CSV file into plain rows.

The file is the person's, but what is in it is data from anywhere: it is read only when it
is an ordinary file (never a pipe or a device, which could wait for ever or act on being
opened), up to LARGEST_FILE bytes and MOST_ROWS rows, as UTF-8 (with or without the byte
order mark Excel writes), else UTF-16 when it starts with that mark, else Windows-1252 (the
£ of older bank exports). A file with NUL bytes in it, or bytes no text has, is not a
statement. Every cell loses terminal codes, control characters and bidirectional controls
before anything else looks at it.

The layouts UK banks and prepaid-card accounts export are recognised by their header row,
wherever it is in the first lines (Nationwide puts the account's name and balance above
it); see KNOWN. A file in any other layout is not guessed at: its statement has no layout,
a `signature` naming its header, and a `suggested` layout for the person to check. The
columns they choose are kept as a plain value (Layout.as_value) under that signature and
used for every later file with the same header.

A row that cannot be read (no date, a date or amount that does not read, money both in
and out, nothing moved, broken quote marks, far too long or too wide) is named by its line
and left out: never guessed. Each row read has a `mark`: a fingerprint of what the bank
said of it (day, amount, direction, payee and balance, not where it is in the file), with
its place among rows that say the same, so a statement read again, or a later one that
overlaps it, gives the same marks for the same payments, and two identical payments on one
day are still two.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

try:  # the same keyed-hash module journey.content.kept uses, without loading OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

from journey import content as content_files
from journey.content import Journey as Content
from journey.core.answers import clean, clean_name

LARGEST_FILE = 4 * 1024 * 1024  # bytes: ten years of a busy account is well under this
MOST_ROWS = 20_000  # rows read after the header; the rest are named as left out
MOST_COLUMNS = 100  # a row wider than this is not a bank statement's
LONGEST_ROW = 10_000  # characters in one row, over all its lines
LONGEST_ROW_LINES = 20  # lines one row may run over inside quote marks
LARGEST_PENCE = 1_000_000_000  # £10,000,000: more than any payment from a direct payment
HEADER_SEARCH = 30  # rows looked through for the header
MOST_PROBLEMS = 100  # lines left out named one by one; the rest are counted
EXAMPLES = 3  # rows of an unknown layout shown to help choose its columns
TEXT_LIMIT = 200  # characters kept of a payee, a reference or the details
DELIMITERS = (",", ";", "\t")

_READ = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
         | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


class StatementError(Exception):
    """The whole file cannot be read as a statement. `text` says why in plain words."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(text)
        self.key = key
        self.text = text


@dataclass(frozen=True)
class Problem:
    """A row left out (line is the file's line where it starts), or something about the
    whole statement (line None). `key` names the message, `text` is its words."""

    line: int | None
    key: str
    text: str


@dataclass(frozen=True)
class Row:
    """One payment as the bank listed it. `pence` is always more than nothing; `direction`
    says which way it went. `balance` is the bank's running balance after it, in pence
    (less than nothing when overdrawn), or None when the statement gives none or it does
    not read. `details` holds the bank's other words: the kind of payment, the rest of a
    memo. `line` is where it starts in the file."""

    day: date
    pence: int
    direction: str  # "in" | "out"
    payee: str
    reference: str
    balance: int | None
    line: int
    mark: str
    details: str = ""


@dataclass(frozen=True)
class Layout:
    """Which column holds what, counting from 0. A signed `amount` (less than nothing for
    money out, or marked CR or DR, or with a `sign` column saying which), or `paid_in`
    and `paid_out` columns. The row's payee is the first of the `payee` columns with
    anything in it; the others, and `kind`, go into its details."""

    day: int
    payee: tuple[int, ...]
    amount: int | None = None
    paid_in: int | None = None
    paid_out: int | None = None
    sign: int | None = None
    reference: int | None = None
    balance: int | None = None
    kind: int | None = None

    def __post_init__(self) -> None:
        problem = _layout_problem(self)
        if problem:
            raise ValueError(problem)

    def as_value(self) -> dict[str, Any]:
        """A plain JSON value to keep, read back by from_value."""
        return {"day": self.day, "payee": list(self.payee), "amount": self.amount,
                "paid_in": self.paid_in, "paid_out": self.paid_out, "sign": self.sign,
                "reference": self.reference, "balance": self.balance, "kind": self.kind}

    @classmethod
    def from_value(cls, value: object) -> Layout | None:
        """The layout a kept value holds, or None when it is not one as_value could have
        made: another shape, a missing or unknown key, a number that is not a column,
        columns used twice, no amount. A stored value may hold anything."""
        if not isinstance(value, dict) or set(value) != _LAYOUT_KEYS:
            return None
        payee = value["payee"]
        if not isinstance(payee, list) or not all(_is_column(p) for p in payee):
            return None
        single = {key: value[key] for key in _LAYOUT_KEYS - {"payee"}}
        if not _is_column(single["day"]) or not all(
                v is None or _is_column(v) for v in single.values()):
            return None
        try:
            return cls(payee=tuple(payee), **single)
        except ValueError:
            return None

    def columns(self) -> int:
        """How many columns a statement needs to have all of these."""
        used = [self.day, *self.payee, self.amount, self.paid_in, self.paid_out, self.sign,
                self.reference, self.balance, self.kind]
        return max(c for c in used if c is not None) + 1


_LAYOUT_KEYS = frozenset({"day", "payee", "amount", "paid_in", "paid_out", "sign",
                          "reference", "balance", "kind"})


def _is_column(value: object) -> bool:
    return type(value) is int and 0 <= value < MOST_COLUMNS


def _layout_problem(layout: Layout) -> str:
    singles = [layout.day, layout.amount, layout.paid_in, layout.paid_out, layout.sign,
               layout.reference, layout.balance, layout.kind]
    if not isinstance(layout.payee, tuple) or not 1 <= len(layout.payee) <= 4:
        return "one to four payee columns"
    if not all(_is_column(c) for c in (*layout.payee, layout.day)) or not all(
            c is None or _is_column(c) for c in singles):
        return f"columns are whole numbers from 0 to {MOST_COLUMNS - 1}"
    if layout.amount is None and layout.paid_in is None and layout.paid_out is None:
        return "an amount, or money in or out"
    if layout.amount is not None and (layout.paid_in, layout.paid_out) != (None, None):
        return "an amount, or money in and out, not both"
    if layout.sign is not None and layout.amount is None:
        return "a sign column goes with an amount"
    money = [c for c in (layout.day, layout.amount, layout.paid_in, layout.paid_out,
                         layout.sign, layout.balance) if c is not None]
    if len(set(money)) != len(money) or set(money) & set(layout.payee) or len(
            set(layout.payee)) != len(layout.payee):
        return "each column has one use"
    return ""


@dataclass(frozen=True)
class Statement:
    """What a file holds. `layout` is None when the person must choose the columns: show
    them `header` (or, with no header, `examples`) and `suggested`, then read the rows with
    `using(chosen)` and keep `chosen.as_value()` under `signature`."""

    signature: str
    header: tuple[str, ...]
    examples: tuple[tuple[str, ...], ...]
    width: int
    known: str  # the id of the layout in KNOWN it was recognised as, "" when none
    layout: Layout | None
    suggested: Layout | None
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]
    _table: tuple[tuple[int, tuple[str, ...]], ...] = field(repr=False, compare=False)
    _found: tuple[Problem, ...] = field(repr=False, compare=False)  # problems of reading
    _words: Content | None = field(default=None, repr=False, compare=False)

    def using(self, layout: Layout) -> Statement:
        """The same file read with the columns chosen."""
        rows, problems = _rows(self._table, layout, self._words)
        every = _capped(sorted((*self._found, *problems), key=_in_order), self._words)
        return Statement(self.signature, self.header, self.examples, self.width, self.known,
                         layout, self.suggested, rows, tuple(every), self._table,
                         self._found, self._words)


def _in_order(problem: Problem) -> tuple[int, int]:
    return (problem.line if problem.line is not None else 1 << 62, 0)


def _capped(problems: list[Problem], words: Content | None) -> list[Problem]:
    """The first MOST_PROBLEMS lines left out, then how many more: a broken file could
    otherwise name every one of its lines."""
    lines = [p for p in problems if p.line is not None]
    if len(lines) <= MOST_PROBLEMS:
        return problems
    words = words or content_files.default()
    more = len(lines) - MOST_PROBLEMS
    return [*lines[:MOST_PROBLEMS], Problem(None, "statement_more_problems", words.message(
        "statement_more_problems", count=f"{more:,}")),
        *(p for p in problems if p.line is None)]


# --- Layouts banks export --------------------------------------------------------------

@dataclass(frozen=True)
class Known:
    """A layout a bank or card account exports, by the names in its header row (as
    `heading` puts them). `needs` are the names that must be there besides the day,
    money and first payee column, to tell it from others."""

    id: str
    banks: str
    day: str
    payee: tuple[str, ...]
    amount: str | None = None
    paid_in: str | None = None
    paid_out: str | None = None
    reference: str | None = None
    balance: str | None = None
    kind: str | None = None
    needs: tuple[str, ...] = ()

    def required(self) -> set[str]:
        money = {n for n in (self.amount, self.paid_in, self.paid_out) if n}
        return {self.day, self.payee[0], *money, *self.needs}


KNOWN: tuple[Known, ...] = (
    Known("barclays", "Barclays", day="date", amount="amount", payee=("memo",),
          kind="subcategory", needs=("number", "account")),
    Known("lloyds", "Lloyds, Halifax, Bank of Scotland, TSB", day="transaction date",
          paid_out="debit amount", paid_in="credit amount",
          payee=("transaction description",), kind="transaction type", balance="balance",
          needs=("sort code", "account number")),
    Known("natwest", "NatWest, Royal Bank of Scotland, Ulster Bank", day="date",
          amount="value", payee=("description",), kind="type", balance="balance",
          needs=("account name", "account number")),
    Known("nationwide", "Nationwide", day="date", paid_out="paid out", paid_in="paid in",
          payee=("description",), kind="transaction type", balance="balance"),
    Known("nationwide-older", "Nationwide (older)", day="date", paid_in="credits",
          paid_out="debits", payee=("transactions",), balance="balance"),
    Known("monzo", "Monzo", day="date", amount="amount", payee=("name", "description"),
          kind="type", reference="notes and #tags", needs=("transaction id", "time")),
    Known("starling", "Starling", day="date", amount="amount", payee=("counter party",),
          reference="reference", kind="type", balance="balance"),
    # Layouts many banks and prepaid card accounts share, with or without a balance.
    Known("in-and-out", "", day="date", paid_in="money in", paid_out="money out",
          payee=("description",), reference="reference", balance="balance"),
    Known("debit-and-credit", "", day="date", paid_out="debit", paid_in="credit",
          payee=("description",), reference="reference", balance="balance"),
    Known("amount", "first direct, HSBC and others", day="date", amount="amount",
          payee=("description",), reference="reference", balance="balance"),
)

# Names in header rows, for suggesting the columns of a layout not known.
_DAY_NAMES = ("date", "transaction date", "posting date", "posted date", "completed date",
              "date completed", "booking date", "value date", "entry date", "post date",
              "started date", "date of transaction")
_AMOUNT_NAMES = ("amount", "value", "transaction amount", "net amount")
_IN_NAMES = ("paid in", "money in", "credit", "credits", "credit amount", "in", "receipts",
             "deposits")
_OUT_NAMES = ("paid out", "money out", "debit", "debits", "debit amount", "out",
              "payments", "withdrawals", "spent")
_PAYEE_NAMES = ("counter party", "counterparty", "payee", "name", "merchant",
                "merchant name", "description", "transaction description", "details",
                "transaction details", "narrative", "memo", "transactions", "particulars")
_REFERENCE_NAMES = ("reference", "payment reference", "customer reference", "ref")
_BALANCE_NAMES = ("balance", "running balance", "account balance")
_KIND_NAMES = ("type", "transaction type")
_SIGN_NAMES = ("credit/debit", "debit/credit", "cr/dr", "dr/cr", "d/c", "c/d")

_CURRENCY = re.compile(r"\s*(?:\((?:gbp|£)\)|£|\bgbp\b)\s*")


def known(layout_id: str) -> Known | None:
    """The known layout of that id (Statement.known), to name the banks it is from."""
    return next((k for k in KNOWN if k.id == layout_id), None)


def heading(cell: str) -> str:
    """A header cell as layouts name it: clean, in small letters, one space between words,
    without quote marks or the currency ("Amount (GBP)" is "amount")."""
    text = clean(cell).replace("\ufeff", "").strip().strip("'\"").casefold()
    return " ".join(_CURRENCY.sub(" ", text).split())


def signature(header: Sequence[str] | None, width: int) -> str:
    """A short name for a header row (or, with none, for the number of columns), to keep
    the columns chosen for it under."""
    names = [heading(c) for c in header] if header is not None else []
    while names and not names[-1]:  # a comma at the end of the line names no column
        names.pop()
    said = "\x1f".join(names) if header is not None else f"no header\x1f{width}"
    return blake2b(said.encode("utf-8"), digest_size=8, person=b"journey csv").hexdigest()


def _known_layout(known: Known, names: list[str]) -> Layout | None:
    if not known.required() <= set(names):
        return None

    def at(name: str | None) -> int | None:
        return names.index(name) if name and name in names else None

    payee = tuple(names.index(n) for n in known.payee if n in names)
    try:
        return Layout(day=names.index(known.day), payee=payee, amount=at(known.amount),
                      paid_in=at(known.paid_in), paid_out=at(known.paid_out),
                      reference=at(known.reference), balance=at(known.balance),
                      kind=at(known.kind))
    except ValueError:  # a header naming one column twice
        return None


def recognise(header: Sequence[str]) -> tuple[Known, Layout] | None:
    """The known layout a header row is, the one naming the most of its columns."""
    names = [heading(c) for c in header]
    best: tuple[Known, Layout] | None = None
    for known in KNOWN:
        layout = _known_layout(known, names)
        if layout is not None and (best is None
                                   or len(known.required()) > len(best[0].required())):
            best = (known, layout)
    return best


def suggest(header: Sequence[str] | None, examples: Sequence[Sequence[str]]) -> Layout | None:
    """Columns to offer the person for a layout not known: by the names in the header, or
    with no header by what the first rows hold. Only ever offered, never used unchosen."""
    if header is not None:
        names = [heading(c) for c in header]

        def first(among: tuple[str, ...], taken: set[int]) -> int | None:
            for name in among:
                for i, there in enumerate(names):
                    if there == name and i not in taken:
                        return i
            return None

        day = first(_DAY_NAMES, set())
        if day is None:
            return None
        amount = first(_AMOUNT_NAMES, {day})
        paid_in = paid_out = None
        if amount is None:
            paid_in = first(_IN_NAMES, {day})
            paid_out = first(_OUT_NAMES, {day})
        taken = {c for c in (day, amount, paid_in, paid_out) if c is not None}
        sign = first(_SIGN_NAMES, taken) if amount is not None else None
        if sign is not None:
            taken.add(sign)
        balance = first(_BALANCE_NAMES, taken)
        if balance is not None:
            taken.add(balance)
        payee = first(_PAYEE_NAMES, taken)
        if payee is None:
            return None
        try:
            return Layout(day=day, payee=(payee,), amount=amount, paid_in=paid_in,
                          paid_out=paid_out, sign=sign, balance=balance,
                          reference=first(_REFERENCE_NAMES, taken | {payee}),
                          kind=first(_KIND_NAMES, taken | {payee}))
        except ValueError:
            return None
    if not examples:
        return None
    width = min(len(e) for e in examples)

    def every(test: Any) -> list[int]:
        return [i for i in range(width) if all(e[i].strip() and test(e[i]) for e in examples)]

    days = every(lambda c: _day(c) is not None)
    amounts = [i for i in every(_reads_as_money) if i not in days]
    texts = [i for i in range(width) if i not in days and i not in amounts
             and any(re.search(r"[^\W\d_]", e[i]) for e in examples)]
    if not days or not amounts or not texts:
        return None
    return Layout(day=days[0], payee=(texts[0],), amount=amounts[0],
                  balance=amounts[1] if len(amounts) > 1 else None)


# --- Reading the file --------------------------------------------------------------------

def read_file(path: Path, remembered: Mapping[str, Layout] | None = None,
              words: Content | None = None) -> Statement:
    """Read a statement from a file: see read_bytes. Raises StatementError when it is not
    an ordinary file, cannot be opened, is too big or is not a CSV statement."""
    return read_bytes(_file_bytes(path, words), remembered, words)


def read_bytes(data: bytes, remembered: Mapping[str, Layout] | None = None,
               words: Content | None = None) -> Statement:
    """Read a statement. `remembered`: the columns the person chose before, by signature
    (read back with Layout.from_value); they are used before a known layout. Raises
    StatementError when the bytes are not a CSV statement."""
    words = words or content_files.default()
    text = _text(data, words)
    delimiter = _delimiter(text)
    found: list[Problem] = []
    records = _records(text, delimiter, words, found)
    head: list[tuple[int, list[str]]] = []
    for record in records:
        head.append(record)
        if len(head) >= HEADER_SEARCH:
            break
    start, header, known_layout = _header(head)
    table: list[tuple[int, tuple[str, ...]]] = [
        (line, tuple(cells)) for line, cells in head[start + (header is not None):]]
    for line, cells in records:
        if len(table) >= MOST_ROWS:
            found.append(Problem(None, "statement_too_many_rows", words.message(
                "statement_too_many_rows", limit=f"{MOST_ROWS:,}")))
            break
        table.append((line, tuple(cells)))
    found = [p for p in found if p.line is None or start >= len(head)
             or p.line > head[start][0]]
    width = len(header) if header is not None else _modal_width(c for _, c in table)
    sign = signature(header, width)
    shown_header = tuple(clean_name(c, 60) for c in header) if header is not None else ()
    examples = tuple(tuple(clean_name(c, 60) for c in cells)
                     for _, cells in table[:EXAMPLES] if any(c.strip() for c in cells))
    known, layout = known_layout if known_layout else (None, None)
    layout = (remembered or {}).get(sign) or layout
    suggested = None if layout else suggest(header, [c for _, c in table[:EXAMPLES]])
    empty = Statement(sign, shown_header, examples, width, known.id if known else "", None,
                      suggested, (), tuple(_capped(found, words)), tuple(table), tuple(found),
                      words)
    return empty.using(layout) if layout is not None else empty


def _file_bytes(path: Path, words: Content | None) -> bytes:
    words = words or content_files.default()

    def fail(key: str, **values: object) -> StatementError:
        return StatementError(key, words.message(key, **values))

    try:  # looked at first, so a pipe or a device is never opened at all
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise fail("statement_not_a_file")
        fd = os.open(path, _READ)
    except OSError as e:
        raise fail("statement_unreadable", reason=_reason(e)) from None
    try:
        info = os.fstat(fd)  # what was opened, which may not be what was looked at
        if not stat.S_ISREG(info.st_mode):
            raise fail("statement_not_a_file")
        if info.st_size > LARGEST_FILE:
            raise fail("statement_too_big", limit=_size(LARGEST_FILE))
        chunks, left = [], LARGEST_FILE + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as e:
        raise fail("statement_unreadable", reason=_reason(e)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > LARGEST_FILE:  # it grew while it was read
        raise fail("statement_too_big", limit=_size(LARGEST_FILE))
    return data


def _reason(error: OSError) -> str:
    text = clean_name(str(error.strerror or error), 200)
    return text if text.endswith(".") else text + "."


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):,.1f} MB".replace(".0 MB", " MB")


def _text(data: bytes, words: Content) -> str:
    def fail(key: str) -> StatementError:
        return StatementError(key, words.message(key))

    if len(data) > LARGEST_FILE:
        raise StatementError("statement_too_big", words.message(
            "statement_too_big", limit=_size(LARGEST_FILE)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise fail("statement_not_text") from None
    elif b"\x00" in data:
        raise fail("statement_not_text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:  # older exports write £ as Windows-1252 does
                text = data.decode("cp1252")
            except UnicodeDecodeError:  # bytes Windows-1252 has no letter for
                raise fail("statement_not_text") from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise fail("statement_not_text")
    if not text.strip():
        raise fail("statement_empty")
    return text


class _TooLong(Exception):
    """A row longer than a statement's row could be."""


class _Lines:
    """The file's lines for the csv reader, counted, and cut short when one row runs
    longer than LONGEST_ROW characters or over LONGEST_ROW_LINES lines (an unclosed quote
    mark would otherwise take the rest of the file into one cell)."""

    def __init__(self, text: str) -> None:
        self._file = io.StringIO(text, newline="")
        self.number = 0
        self.used = 0
        self.lines = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._file.readline(LONGEST_ROW + 1)
        if not line:
            raise StopIteration
        self.number += 1
        self.used += len(line)
        self.lines += 1
        if len(line) > LONGEST_ROW:
            while line and not line.endswith(("\n", "\r")):  # the rest of that line
                line = self._file.readline(1 << 16)
            raise _TooLong
        if self.used > LONGEST_ROW or self.lines > LONGEST_ROW_LINES:
            raise _TooLong
        return line

    def row_starts(self) -> int:
        self.used = self.lines = 0
        return self.number + 1


def _reader(lines: _Lines, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True,
                      skipinitialspace=False, strict=True)


def _records(text: str, delimiter: str, words: Content | None,
             found: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each row with anything in it. Rows that cannot be read are added
    to `found` (when there are `words` to name them) and left out."""
    lines = _Lines(text)
    reader = _reader(lines, delimiter)

    def note(line: int, key: str, **values: object) -> None:
        if words is not None:
            found.append(Problem(line, key, words.message(key, line=line, **values)))

    while True:
        line = lines.row_starts()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _TooLong:
            note(line, "statement_row_too_long")
            continue
        except csv.Error:
            note(line, "statement_quotes")
            continue
        if len(cells) > MOST_COLUMNS:
            note(line, "statement_too_wide", count=f"{len(cells):,}")
            continue
        cells = [clean(c) for c in cells]
        if any(c.strip() for c in cells):
            yield line, cells


def _delimiter(text: str) -> str:
    """The character between cells: the one that makes a known header, else the one that
    makes the first rows widest."""
    sample = text[:64 * 1024]
    widest, best = 1, ","
    for delimiter in DELIMITERS:
        rows = []
        for _, cells in _records(sample, delimiter, None, []):
            if recognise(cells):
                return delimiter
            rows.append(cells)
            if len(rows) >= HEADER_SEARCH:
                break
        width = _modal_width(rows)
        if width > widest:
            widest, best = width, delimiter
    return best


def _modal_width(rows: Any) -> int:
    widths = Counter(len(r) for r in rows if len(r) > 1)
    if not widths:
        return 1
    most = max(widths.values())
    return max(w for w, n in widths.items() if n == most)


def _header(head: list[tuple[int, list[str]]]) -> tuple[
        int, list[str] | None, tuple[Known, Layout] | None]:
    """Where the table starts among the first rows, its header row (None when it has
    none) and the known layout that header is. In a layout not known, the table starts at
    the first row with a date and at least three cells (lines above it, like an account's
    name and balance, are not part of it); the row just above it is its header if it is
    words alone."""
    for i, (_, cells) in enumerate(head):
        known = recognise(cells)
        if known:
            return i, cells, known
    for i, (_, cells) in enumerate(head):
        if len(cells) >= 3 and any(_day(c) is not None for c in cells):
            if i and _is_heading(head[i - 1][1]):
                return i - 1, head[i - 1][1], None
            return i, None, None
    if head and _is_heading(head[0][1]):
        return 0, head[0][1], None
    return 0, None, None


def _is_heading(cells: list[str]) -> bool:
    """Whether a row is names of columns: two or more, in words, with no date or money."""
    said = [c for c in cells if c.strip()]
    return (len(said) >= 2 and any(re.search(r"[^\W\d_]", c) for c in said)
            and not any(_day(c) is not None or _reads_as_money(c) for c in said))


# --- Reading the rows ----------------------------------------------------------------------

_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
     ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_YMD = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})" + _TIME)
_D_MON_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]?([a-z]{3,9})\.?,?[ -]?(\d{4}|\d{2})"
                      + _TIME)
_FIRST_YEAR, _LAST_YEAR = 1970, 2099


def _day(cell: str) -> date | None:
    """A statement's date: day first as UK banks write it (25/12/2026, 25-12-26,
    25 Dec 2026, 25-Dec-2026, 25 December 2026), or year first (2026-12-25, with or
    without a time). Never month first."""
    text = cell.strip().strip("'").casefold()
    if len(text) > 40:
        return None
    if found := _YMD.fullmatch(text):
        year, month, day = int(found[1]), int(found[3]), int(found[4])
    elif found := _DMY.fullmatch(text):
        day, month, year = int(found[1]), int(found[3]), int(found[4])
        year += 2000 if len(found[4]) == 2 else 0
    elif found := _D_MON_Y.fullmatch(text):
        month = _MONTHS.get(found[2], 0)
        day, year = int(found[1]), int(found[3])
        year += 2000 if len(found[3]) == 2 else 0
    else:
        return None
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FIGURES = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d{1,2})?|\.\d{1,2}", re.ASCII)


_PLAIN_MONEY = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d{1,2})?", re.ASCII)
_MONEY_SPACES = re.compile(r"\s*([£()+-])\s*")
_GBP = re.compile(r"^gbp\s*|\s*gbp$")


class _Unread(Exception):
    """A cell that does not read: `key` names the message, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _money(cell: str) -> int | None:
    """Signed pence from a statement's amount, or None for an empty cell: 1,234.56,
    -12.50, £12.50, -£12.50, £-12.50, (12.50), 12.50-, 12.50 CR (in), 12.50 DR (out),
    GBP 12.50. Raises _Unread for anything else, and for more than LARGEST_PENCE."""
    text = cell.strip()
    if not text:
        return None
    if len(text) > 40:
        raise _Unread("statement_bad_amount")
    if _PLAIN_MONEY.fullmatch(text):  # most cells: 1234.56 or -12.50
        value = _pence(text.removeprefix("-"))
        return -value if text[0] == "-" else value
    # Spaces only where banks put them: beside £, a sign or a bracket, GBP, CR or DR.
    text = _MONEY_SPACES.sub(r"\1", text.removeprefix("'").casefold())
    text = _GBP.sub("", text)
    sign = 1
    for mark, way in (("cr", 1), ("dr", -1)):
        if text.endswith(mark):
            text, sign = text[:-2].rstrip(), way
            break
    if text.startswith("(") and text.endswith(")"):
        text, sign = text[1:-1], -sign
    text = text.removeprefix("gbp").removesuffix("gbp")
    if text[:1] in "+-" and text:
        sign, text = (-sign if text[0] == "-" else sign), text[1:]
    elif text.endswith("-"):
        sign, text = -sign, text[:-1]
    text = text.removeprefix("£")
    if text[:1] in "+-" and text:  # £-12.50
        sign, text = (-sign if text[0] == "-" else sign), text[1:]
    if not _FIGURES.fullmatch(text):
        raise _Unread("statement_huge_amount" if re.fullmatch(r"[\d,]{13,}(?:\.\d*)?", text)
                      else "statement_bad_amount")
    return sign * _pence(text)


def _pence(figures: str) -> int:
    pounds, _, pence = figures.replace(",", "").partition(".")
    value = int(pounds or "0") * 100 + int((pence + "00")[:2])
    if value > LARGEST_PENCE:
        raise _Unread("statement_huge_amount")
    return value


def _reads_as_money(cell: str) -> bool:
    try:
        return _money(cell) is not None
    except _Unread:
        return False


_IN_WORDS = frozenset({"cr", "c", "credit", "in", "paid in", "money in", "+"})
_OUT_WORDS = frozenset({"dr", "d", "debit", "out", "paid out", "money out", "-"})


def _text_of(cell: str) -> str:
    return clean_name(cell.strip().removeprefix("'"), TEXT_LIMIT)


def _rows(table: Sequence[tuple[int, tuple[str, ...]]], layout: Layout,
          words: Content | None) -> tuple[tuple[Row, ...], list[Problem]]:
    words = words or content_files.default()
    problems: list[Problem] = []
    read: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for line, cells in table:
        try:
            read.append(_row(line, cells, layout))
        except _Unread as e:
            problems.append(Problem(line, e.key, words.message(e.key, line=line, **e.values)))
    return tuple(_marked(read)), problems


def _row(line: int, cells: tuple[str, ...], layout: Layout) -> tuple[
        tuple[Any, ...], dict[str, Any]]:
    """What one row says, and the key its mark is made from. Raises _Unread."""
    def cell(column: int | None) -> str:
        return cells[column] if column is not None and column < len(cells) else ""

    money = [c for c in (layout.amount, layout.paid_in, layout.paid_out) if c is not None]
    if len(cells) <= layout.day or len(cells) <= min(money):
        raise _Unread("statement_short_row")
    said = cells[layout.day]
    if not said.strip():
        raise _Unread("statement_no_date")
    day = _day(said)
    if day is None:
        raise _Unread("statement_bad_date", text=clean_name(said, 40))
    try:
        pence = _amount(layout, cell)
    except _Unread as e:
        shown = next((cell(c) for c in (layout.amount, layout.paid_in, layout.paid_out,
                                        layout.sign) if c is not None and cell(c).strip()), "")
        raise _Unread(e.key, text=clean_name(shown, 40)) from None
    if pence == 0:
        raise _Unread("statement_zero")
    texts = [_text_of(cell(c)) for c in layout.payee]
    payee, *rest = [t for t in texts if t] or [""]
    first, tab, more = cell(layout.payee[0]).partition("\t")
    if tab and first.strip():  # Barclays: the payee, a tab, then its reference
        payee, rest = _text_of(first), [_text_of(more), *rest]
    details = " ".join(t for t in (_text_of(cell(layout.kind)), *rest) if t)[:TEXT_LIMIT]
    balance = None
    if layout.balance is not None:
        try:
            balance = _money(cell(layout.balance))
        except _Unread:
            balance = None  # not what it says about the payment; only an aid
    reference = _text_of(cell(layout.reference))
    direction = "in" if pence > 0 else "out"
    # Only what every layout of this file would agree on: choosing another column for
    # the reference or the details, or a later journey knowing more columns, must not
    # make a payment kept already look new.
    key = (day.isoformat(), abs(pence), direction, " ".join(payee.casefold().split()),
           balance)
    return key, {"day": day, "pence": abs(pence), "direction": direction, "payee": payee,
                 "reference": reference, "balance": balance, "line": line,
                 "details": details}


def _amount(layout: Layout, cell: Any) -> int:
    """Signed pence: more than nothing in, less than nothing out."""
    if layout.amount is not None:
        value = _money(cell(layout.amount))
        if value is None:
            raise _Unread("statement_no_amount")
        if layout.sign is not None:
            said = " ".join(cell(layout.sign).casefold().split())
            if said in _IN_WORDS:
                return abs(value)
            if said in _OUT_WORDS:
                return -abs(value)
            raise _Unread("statement_no_direction")
        return value
    paid_in = _money(cell(layout.paid_in)) if layout.paid_in is not None else None
    paid_out = _money(cell(layout.paid_out)) if layout.paid_out is not None else None
    if paid_in and paid_out:
        raise _Unread("statement_both_ways")
    if paid_in is not None and paid_in < 0:
        raise _Unread("statement_negative_in")
    if paid_out:
        return -abs(paid_out)  # some banks write money out as less than nothing
    if paid_in is None and paid_out is None:
        raise _Unread("statement_no_amount")
    return paid_in or 0


def _marked(read: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> Iterator[Row]:
    """Each row with its mark: what it says, and how many rows before it said the same."""
    seen: Counter[tuple[Any, ...]] = Counter()
    for key, row in read:
        said = "\x1f".join(str(part) for part in (*key, seen[key]))
        seen[key] += 1
        digest = blake2b(said.encode("utf-8"), digest_size=16, person=b"journey row")
        yield Row(**row, mark=f"statement:{digest.hexdigest()}")


# --- Payees --------------------------------------------------------------------------------

# Words banks put before a payee's name, by the kind of payment: taken off the start.
_LEADING = tuple(tuple(p.split()) for p in (
    "card payment to", "card payment", "card purchase", "debit card payment",
    "contactless payment", "contactless", "visa purchase", "visa", "pos", "apple pay",
    "google pay", "direct debit to", "direct debit", "dd", "standing order to",
    "standing order", "so", "faster payment to", "faster payments", "faster payment",
    "fpo", "fpi", "bgc", "bank giro credit", "bank credit", "bacs", "bill payment to",
    "bill payment", "bp", "online payment to", "online payment", "mobile payment", "payment to",
    "payment from", "transfer to", "transfer from", "to", "from", "deb", "chq", "cheque"))
# Words that end a bank's line after the payee: where, when and which reference.
_TRAILING = frozenset({*_MONTHS, "on", "ref", "reference", "gb", "gbr", "gbp", "uk",
                       "via", "at", "fp", "bac", "cd"})
_APART = re.compile(r"[^\w&'+]+")


def normalise_payee(text: str) -> str:
    """A payee in one form, so that the same payee is the same however the bank wrote it
    this time: small letters, one space between words, without the words for the kind of
    payment ("CARD PAYMENT TO", "DD", "FPO"), without anything with a figure in it (dates,
    store numbers, card numbers, references) and without the words of place and time that
    end a card payment's line ("ON 12 JAN", "GB"). "CARD PAYMENT TO TESCO STORES 2043 ON
    12 JAN" and "Tesco Stores 3041" are both "tesco stores"."""
    plain = clean_name(text, None).removeprefix("'").casefold()
    words = [w.strip("'") for w in _APART.sub(" ", plain).split()]
    words = [w for w in words if w]
    kept = [w for w in words if not any(ch.isdigit() for ch in w)]
    changed = True
    while changed and kept:
        changed = False
        for lead in _LEADING:
            if tuple(kept[:len(lead)]) == lead and len(kept) > len(lead):
                kept = kept[len(lead):]
                changed = True
                break
    while len(kept) > 1 and kept[-1] in _TRAILING:
        kept.pop()
    return " ".join(kept or words)[:TEXT_LIMIT]


def match(payee: str, known: Mapping[str, str | None]) -> str | None:
    """Which payee the person has confirmed before this one is: the key of `known` (payees
    as normalise_payee gives them, each with the support it pays for, or None for
    nothing in the plan), or None when it is new. The same payee, or a payee confirmed in
    fewer words that starts this one ("kim lee" for "KIM LEE WAGES"); the longest wins."""
    said = normalise_payee(payee)
    if not said:
        return None
    if said in known:
        return said
    words = said.split()
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count])
        if len(shorter) >= 3 and shorter in known:
            return shorter
    return None
