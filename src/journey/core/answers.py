"""Turn what someone typed into a clean answer value, or a kind explanation of what is wrong.

What people type is data: terminal escape sequences and control characters are removed
before anything is saved or shown, and nothing typed is ever interpreted.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

MAX_CHARS = 4000
MAX_MONEY = Decimal("10000000")
PENNY = Decimal("0.01")

# ESC-introduced sequences (CSI, OSC, DCS and two-character escapes), then any other
# C0/C1 control character except tab and newline.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# The bidirectional controls: the marks (LRM, RLM, the Arabic letter mark), embeddings and
# overrides, and isolates. They take no room and can make text read backwards or hide what
# it says ("Pay \u202eoJ" shows as "Pay Jo"), so no text journey keeps or shows holds them;
# letters of right-to-left scripts keep their own direction without them.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}]")
# Unseen characters that reorder or join the letters around them: bidi overrides and
# isolates, zero-width spaces and joiners, the word joiner and the byte order mark. In a name
# they can make it look like another name, and terminals disagree about them, which pushes
# borders out of line.
_UNSEEN = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# Short fields inside answers (a person's name, who does an action), cleaned like names.
_SHORT_KEYS = frozenset({"name", "relation", "who", "what"})
# Money: the figures (digits, separators, £ and a minus sign), then any words after them.
# The words may start "4 weeks" or "4-weekly".
_MONEY_PARTS = re.compile(r"(?P<figures>[£\d.,\s-]*?[\d.,£])\s*"
                          r"(?P<words>(?:4[\s-]*)?[^\d.,£\s-].*)?", re.DOTALL | re.ASCII)
# Pounds written clearly: thousands commas only in their places, up to two decimal places.
_POUNDS = re.compile(r"(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?|\.\d{1,2}", re.ASCII)
_OTHER_PERIODS = re.compile(r"\b(?:hours?|hourly|hrs?|days?|daily|nights?|"
                            r"quarters?|quarterly|terms?|sessions?)\b"
                            r"|\b(?:3|three|6|six) ?weeks?\b")
_HOURS = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})?$|^\.[0-9]{1,2}$")
_TIMES = re.compile(r"^[0-9]{1,4}$")
MAX_TIMES = 1000
MAX_ITEMS = 100


class Period(StrEnum):
    WEEK = "week"
    TWO_WEEKS = "two-weeks"
    FOUR_WEEKS = "four-weeks"
    MONTH = "month"
    YEAR = "year"
    ONCE = "once"  # a one-off cost, counted once in the year

    @property
    def per_year(self) -> int:
        return {"week": 52, "two-weeks": 26, "four-weeks": 13, "month": 12, "year": 1,
                "once": 1}[self.value]

    @property
    def repeats(self) -> bool:
        """An amount that comes round again: a budget is, a one-off cost is not."""
        return self is not Period.ONCE


def _said(*names: str, short: tuple[str, ...] = ()) -> frozenset[str]:
    """The ways people write a period after an amount: "a week", "per week", "/week"..."""
    return frozenset(f"{lead}{name}" for name in names
                     for lead in ("", "a ", "per ", "each ", "every ", "/", "an ")) | set(short)


# How people name each period after an amount; anything else after it is not understood.
_PERIOD_WORDS: dict[Period, frozenset[str]] = {
    Period.WEEK: _said("week", "wk", short=("weekly", "pw", "p/w", "pwk")),
    Period.TWO_WEEKS: _said("2 weeks", "two weeks", "2 wks", "2weeks", "fortnight",
                            short=("2 weekly", "2-weekly", "two weekly", "two-weekly",
                                   "fortnightly")),
    Period.FOUR_WEEKS: _said("4 weeks", "four weeks", "4 wks", "4weeks",
                             short=("4 weekly", "4-weekly", "four weekly", "four-weekly")),
    Period.MONTH: _said("month", "mth", "mo", "calendar month",
                        short=("monthly", "pm", "pcm", "p/m")),
    Period.YEAR: _said("year", "yr", "annum",
                       short=("yearly", "annually", "pa", "p/a")),
    Period.ONCE: frozenset({"once", "once only", "one off", "one-off", "a one-off",
                            "just once", "one time"}),
}


class Provider(StrEnum):
    """Who provides a piece of support."""

    PA = "pa"
    AGENCY = "agency"
    COMMUNITY = "community"
    FAMILY = "family"
    EQUIPMENT = "equipment"
    OTHER = "other"


class Funding(StrEnum):
    """Which money pays for a piece of support."""

    PERSONAL_BUDGET = "personal-budget"
    HEALTH_BUDGET = "health-budget"
    OWN_MONEY = "own-money"
    FREE = "free"
    OTHER = "other"


class Per(StrEnum):
    """What a unit cost is for: an hour of help, or each time."""

    HOUR = "hour"
    TIME = "time"


class Status(StrEnum):
    """How far an action has got."""

    TO_DO = "to-do"
    DOING = "doing"
    DONE = "done"


class Ring(StrEnum):
    """How close someone is, in the circle of support."""

    CLOSEST = "closest"  # closest family and friends
    FRIENDS = "friends"  # friends and neighbours
    GROUPS = "groups"  # groups and places
    PAID = "paid"  # paid people


class AnswerError(ValueError):
    """An answer that cannot be saved. `key` names the message in content; `values` fill it."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def clean(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidirectional controls; keep
    tabs and new lines."""
    if text.isprintable():
        # The usual case, checked fast: every escape starts with a control character, and
        # no control character, bidirectional ones among them, is printable.
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


NAME_LIMIT = 200  # far longer than any real name; a name is shown on one line


def clean_name(raw: str, limit: int | None = NAME_LIMIT) -> str:
    """A name or other short field as journey keeps it: on one line, with no terminal codes
    or unseen characters, and at most `limit` characters."""
    if (raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " "
            and (limit is None or len(raw) <= limit)):
        # Already as journey keeps it. The unseen characters are not printable, and the
        # only space that is printable is " ": so there is nothing to take out or join.
        return raw
    return " ".join(_UNSEEN.sub("", clean(raw)).split())[:limit].rstrip()


def clean_value(value: Any) -> Any:
    """Clean every piece of text inside an answer, however it arrived; names and other short
    fields inside it are cleaned as names."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_name(v, limit=None) if k in _SHORT_KEYS and isinstance(v, str)
                else clean_value(v) for k, v in value.items()}
    return value


def text(raw: str) -> str:
    if len(raw) > MAX_CHARS:
        raise AnswerError("error_too_long", length=f"{len(raw):,}", limit=f"{MAX_CHARS:,}")
    value = clean(raw).strip()
    if not value:
        raise AnswerError("error_empty")
    return value


def short(raw: str) -> str:
    """A name or other short answer: text, cleaned as a name."""
    value = clean_name(text(raw)).strip()
    if not value:
        raise AnswerError("error_empty")
    return value


def money(raw: str, period: str, chosen: bool = True) -> dict[str, str]:
    """An amount and the period beside it. '£1,250.5' and '1250.50' are both £1,250.50;
    '£320 a week' is £320 when the week is chosen. When the person has not chosen the period
    themself (`chosen` False: it is only the one offered first), the period their words name
    is taken: '£720 every 4 weeks' is every 4 weeks. Stored as exact pence."""
    beside = Period(period)
    if not chosen:
        found = _MONEY_PARTS.fullmatch(clean(raw).strip())
        named = _named_period(found["words"] or "") if found else None
        beside = named if named is not None and named.repeats else beside
    return {"amount": str(_read_money(raw, beside)), "period": beside.value}


def amount(raw: str) -> Decimal:
    """An amount of money in pounds, exact to the penny, with no period after it."""
    return _read_money(raw, None)


# How people say what a unit cost is for, after the amount: "£13.50 an hour", "13.50/hr".
_PER_WORDS: dict[Per, frozenset[str]] = {
    Per.HOUR: _said("hour", "hr", "h", short=("ph", "p/h", "hourly", "an hr")),
    Per.TIME: _said("time", "visit", "session", "go", short=("each time", "a time")),
}


def unit_cost(raw: str, per: str) -> Decimal:
    """A unit cost, with what it is for if the person says so: "£13.50 an hour" is £13.50
    when the cost is by the hour; said of a cost set as each time, the person is asked to
    choose which it is rather than have it guessed."""
    found = _MONEY_PARTS.fullmatch(clean(raw).strip())
    said = _compared(found["words"] or "") if found else ""
    named = next((p for p, words in _PER_WORDS.items() if said and said in words), None)
    if found is None or named is None:
        return amount(raw)
    if named is not Per(per):
        raise AnswerError("error_cost_per_" + named.value, said=(found["words"] or "")[:40])
    return amount(found["figures"])


def period_said(raw: str) -> Period | None:
    """The period named after an amount ("£8,000 a year"), if one is."""
    found = _MONEY_PARTS.fullmatch(clean(raw).strip())
    return _named_period(found["words"] or "") if found else None


def _read_money(raw: str, chosen: Period | None) -> Decimal:
    """Read money as people mean it, or refuse with the reading journey would have made.

    Accepted: one £ at the front, thousands commas in their places, up to two decimal places,
    '50p' for pence, and words for the period chosen beside the amount ('a week', 'pw').
    """
    if len(raw) > MAX_CHARS:
        raise AnswerError("error_too_long", length=f"{len(raw):,}", limit=f"{MAX_CHARS:,}")
    typed = clean(raw).strip()
    shown = typed[:40]  # enough to recognise in a message
    found = _MONEY_PARTS.fullmatch(typed)
    figures, words = (found["figures"].strip(), found["words"] or "") if found else ("", "")
    if not found or not figures.replace("£", ""):
        if not typed or typed == "£":
            raise AnswerError("error_empty")
        raise AnswerError("error_money", text=shown)
    unit = _unit(words, chosen, shown)
    if re.fullmatch(r"£?\s*-\s*£?\s*[\d.,]+", figures, re.ASCII):
        raise AnswerError("error_money_negative")
    if unit == "pence":
        if not (figures.isascii() and figures.isdigit()):
            raise AnswerError("error_money", text=shown)
        return _within_limit(Decimal(figures) / 100)
    body = figures.removeprefix("£").strip()
    if "£" not in body:
        value = _plain_pounds(body)
        if value is not None:
            return _within_limit(value)
    reading = _likely_reading(figures)
    if reading is None:
        raise AnswerError("error_money", text=shown)
    reading = _within_limit(reading)
    plainly = f"{reading:f}" if reading % 1 else f"{reading:.0f}"
    raise AnswerError("error_money_unclear", text=shown, reading=pounds(reading), typed=plainly)


def _plain_pounds(body: str) -> Decimal | None:
    """Pounds written the one clear way, or None."""
    if not _POUNDS.fullmatch(body):
        return None
    return Decimal(body.replace(",", ""))  # exact, however long: _checked bounds it


def _likely_reading(figures: str) -> Decimal | None:
    """What unclear figures most likely mean, to offer back to the person: "12,50" is a
    decimal comma, "12,34,56" and "12 34" run together, "£££12" and "12£" are £12."""
    body = figures.replace("£", "").strip()
    if not body.isascii():
        return None
    if re.fullmatch(r"\d+,\d{1,2}", body):  # a decimal comma
        return _plain_pounds(body.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{3},\d{1,2}", body):  # 1.250,50
        return _plain_pounds(re.sub(r"[.,]", "", body[:-3]) + "." + body[-2:].lstrip(","))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", body):  # 1.000.000
        return _plain_pounds(body.replace(".", ""))
    return _plain_pounds(re.sub(r"[\s,]", "", body))


def _compared(words: str) -> str:
    """The words after the figures, as compared: lower case, one space, no "pounds"."""
    said = " ".join(words.lower().replace(".", "").replace("/ ", "/").split())
    return re.sub(r"^(?:pounds?|gbp|quid)\b\s*", "", said)


def _named_period(words: str) -> Period | None:
    """The period the words after the figures name ("a week", "pcm"), if they name one."""
    said = _compared(words)
    return next((p for p, phrases in _PERIOD_WORDS.items() if said in phrases), None)


def _unit(words: str, chosen: Period | None, shown: str) -> str:
    """What the words after the figures say: "" for none, "pence", or a period that must be
    the one chosen beside the amount."""
    said = _compared(words)
    if not said:
        return ""
    if said in ("p", "pence"):
        return "pence"
    named = _named_period(words)
    if named is not None and chosen is not None:
        if named is not chosen:
            raise AnswerError("error_money_period_" + named.value.replace("-", "_"),
                              said=words.strip()[:40])
        return named.value
    if chosen is not None and _OTHER_PERIODS.search(said):
        raise AnswerError("error_money_other_period", said=words.strip()[:40])
    raise AnswerError("error_money", text=shown)


def _within_limit(value: Decimal) -> Decimal:
    """Exact pence, or too big. Checked before rounding, which long numbers would overflow."""
    if value > MAX_MONEY:
        raise AnswerError("error_money_huge")
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def when(raw: str, today: date | None = None) -> str:
    """A date as people write it: 3rd March, March 3rd, 3 March 2027, 3/3, 03/03/27,
    2027-03-03, today, tomorrow, next Tuesday. Day comes before month, as in England. A day
    and month with no year means the next such day, from today on."""
    shown = clean(raw).strip()[:40]
    if not shown:
        raise AnswerError("error_empty")
    today = today or date.today()
    words = re.sub(r"[,]|\b(?:of|the|on)\b", " ", shown.lower())
    words = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", words)
    tokens = [t for t in re.split(r"[\s/.\-]+", words) if t]
    found = _named_day(tokens, today, shown)
    if found is not None:
        return found.isoformat()
    months = [_MONTHS[t] for t in tokens if t in _MONTHS]
    numbers = [t for t in tokens if t not in _MONTHS]
    if months and not numbers:
        raise AnswerError("error_date_no_day", text=shown)
    if len(months) > 1 or not all(t.isdigit() for t in numbers) or not numbers:
        raise AnswerError("error_date", text=shown)
    if months:
        day, year = _day_and_year(numbers, shown)
        return _dated(year, months[0], day, today, shown)
    if len(numbers) == 3 and len(numbers[0]) == 4:
        return _dated(numbers[0], int(numbers[1]), numbers[2], today, shown)
    if len(numbers) in (2, 3):
        year = numbers[2] if len(numbers) == 3 else None
        day, month = int(numbers[0]), int(numbers[1])
        if month > 12 and day <= 12 and len(numbers[0]) <= 2 and len(numbers[1]) <= 2:
            # Written month first, as in America: say how we read dates rather than guess.
            raise AnswerError("error_date_month_first", text=shown,
                              meant=f"{month}/{day:02d}" + (f"/{year}" if year else ""))
        return _dated(year, month, numbers[0], today, shown)
    raise AnswerError("error_date", text=shown)


# English names, whatever the machine's language setting.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {**{m: i for i, m in enumerate(_MONTH_NAMES, 1)},
           **{m[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)}, "sept": 9}
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {**{d: i for i, d in enumerate(_DAY_NAMES)},
             **{d[:3]: i for i, d in enumerate(_DAY_NAMES)}, "tues": 1, "thurs": 3}


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_SPANS = re.compile(r"in (\w+) (days?|weeks?|fortnights?|months?)(?: time)?")


def _named_day(tokens: list[str], today: date, shown: str = "") -> date | None:
    """Days said in words, counted from today: today, tomorrow, yesterday, (next, this)
    Tuesday, in two weeks, in 3 days, Friday week, a week on Friday, the end of January,
    the end of the month. "next Tuesday" said on a Monday may be tomorrow or a week later,
    as people in England use it: both are offered, for the person to say which."""
    said = " ".join(tokens)
    if said in ("today", "now"):
        return today
    if said == "tomorrow":
        return today + timedelta(days=1)
    if said == "yesterday":
        return today - timedelta(days=1)
    if tokens and tokens[-1] in _WEEKDAYS and len(tokens) <= 2:
        which = tokens[0] if len(tokens) == 2 else ""
        wanted = _WEEKDAYS[tokens[-1]]
        ahead = (wanted - today.weekday() - 1) % 7 + 1  # always a day still to come
        if which == "this":
            return today + timedelta(days=(wanted - today.weekday()) % 7)
        if which == "next" and wanted > today.weekday():
            # Still to come this week: "next" may mean this one, or the one after it.
            first, second = today + timedelta(days=ahead), today + timedelta(days=ahead + 7)
            raise AnswerError("error_date_two", text=shown, first=_day_said(first),
                              second=_day_said(second),
                              first_short=show_short_date(first.isoformat()),
                              second_short=show_short_date(second.isoformat()))
        if which in ("", "next", "coming"):
            return today + timedelta(days=ahead)
        return None
    # Friday week, a week on Friday: the Friday after the coming one.
    day = tokens[0] if tokens[1:] == ["week"] else (
        tokens[2] if tokens[:2] == ["a", "week"] and len(tokens) == 3 else "")
    if day in _WEEKDAYS:
        ahead = (_WEEKDAYS[day] - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead + 7)
    span = _SPANS.fullmatch(said.replace("'", "").replace("\u2019", ""))
    if span is not None:
        count = _COUNTS.get(span[1]) or (int(span[1]) if span[1].isdigit() else 0)
        if not 0 < count <= 366:
            return None
        unit = span[2].rstrip("s")
        if unit == "month":
            return _months_on(today, count)
        return today + timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[unit])
    if tokens[:1] == ["end"] and len(tokens) in (2, 3):
        rest = tokens[1:]
        if rest in (["month"], ["this", "month"]):
            return _months_on(today.replace(day=1), 1) - timedelta(days=1)
        if rest == ["next", "month"]:
            return _months_on(today.replace(day=1), 2) - timedelta(days=1)
        if len(rest) == 1 and rest[0] in _MONTHS:
            month = _MONTHS[rest[0]]
            year = today.year if month >= today.month else today.year + 1
            return _months_on(date(year, month, 1), 1) - timedelta(days=1)
    return None


def _day_said(day: date) -> str:
    return f"{_DAY_NAMES[day.weekday()].title()} {show_date(day.isoformat())}"


def _months_on(day: date, count: int) -> date:
    """The same day `count` months on, or the last day of that month if it is shorter."""
    month = day.month - 1 + count
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def _day_and_year(numbers: list[str], shown: str) -> tuple[str, str | None]:
    """With a month in words: the day, and the year if one was given."""
    if len(numbers) == 1 and len(numbers[0]) <= 2:
        return numbers[0], None
    if len(numbers) == 2 and len(numbers[0]) <= 2:
        return numbers[0], numbers[1]
    if len(numbers) == 2 and len(numbers[1]) <= 2:  # 2027 March 3
        return numbers[1], numbers[0]
    if len(numbers) == 1:
        raise AnswerError("error_date_no_day", text=shown)
    raise AnswerError("error_date", text=shown)


def _dated(year: str | None, month: int, day: str, today: date, shown: str) -> str:
    """A real date, or a kind word about why not. No year: the next such day from today."""
    if not 1 <= month <= 12 or not 1 <= int(day) <= 31 or len(day) > 2:
        raise AnswerError("error_date", text=shown)
    if year is None:
        for y in range(today.year, today.year + 5):  # 29 February waits for a leap year
            try:
                found = date(y, month, int(day))
            except ValueError:
                continue
            if found >= today:
                return found.isoformat()
        raise AnswerError("error_date_impossible", day=int(day), month=_month(month))
    if len(year) == 2:
        year = "20" + year
    if len(year) != 4 or not 1900 <= int(year) <= 2100:
        raise AnswerError("error_date_year", text=shown)
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        raise AnswerError("error_date_impossible", day=int(day), month=_month(month)) from None


def _month(number: int) -> str:
    return _MONTH_NAMES[number - 1].title()


def person(name: str, relation: str) -> dict[str, str]:
    try:
        who = short(name)
    except AnswerError as e:
        raise AnswerError("error_person" if e.key == "error_empty" else e.key, **e.values) from None
    how = clean_name(relation).strip()[:MAX_CHARS]
    return {"name": who, "relation": how}


def circle_member(name: str, relation: str, ring: str, helps: str) -> dict[str, str]:
    """One person in the circle of support: name, who they are, how close, how they help."""
    who = person(name, relation)
    if ring not in Ring._value2member_map_:
        raise AnswerError("error_choose")
    if len(helps) > MAX_CHARS:
        raise AnswerError("error_too_long", length=f"{len(helps):,}", limit=f"{MAX_CHARS:,}")
    return {**who, "ring": ring, "helps": clean(helps).strip()}


def people(values: list[dict[str, str]]) -> list[dict[str, str]]:
    if not values:
        raise AnswerError("error_no_people")
    return [circle_member(v.get("name", ""), v.get("relation", ""), v.get("ring", ""),
                          v.get("helps", "")) for v in values]


def items(values: list[str]) -> list[str]:
    cleaned = [text(v) for v in values]
    if not cleaned:
        raise AnswerError("error_empty")
    return cleaned


def times(raw: str) -> int:
    """How many times in a period: a whole number from 1 to MAX_TIMES."""
    shown = clean(raw).strip()[:40]
    if not shown:
        raise AnswerError("error_times_empty")
    if not _TIMES.match(shown) or not 1 <= int(shown) <= MAX_TIMES:
        raise AnswerError("error_times", text=shown, most=MAX_TIMES)
    return int(shown)


def hours(raw: str) -> str:
    """How long each time, in hours: '2', '1.5' or '0.25', up to a day. Kept as typed,
    without trailing zeros."""
    shown = clean(raw).strip()[:40]
    if not shown:
        raise AnswerError("error_hours_empty")
    if not _HOURS.match(shown) or not Decimal(0) < Decimal(shown) <= 24:
        raise AnswerError("error_hours", text=shown)
    plain = f"{Decimal(shown):f}"
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


def support_item(what: str, helps: str, provider: str, how_many: str, period: str,
                 how_long: str, cost: str, per: str, funding: str,
                 serves: list[str] | None = None) -> dict[str, Any]:
    """One costed piece of support, from the fields of the support form. How long each
    time may be left blank when the cost is for each time rather than by the hour.
    `serves` names the needs and outcomes it meets, chosen from the person's own list; it
    is kept only when there are some, so items saved before it existed read the same."""
    item: dict[str, Any] = {
        "what": short(what),
        "helps": clean(helps).strip()[:MAX_CHARS],
        "provider": Provider(provider).value,
        "times": str(times(how_many)),
        "period": Period(period).value,
        "hours": "",
        "cost": str(unit_cost(cost, per)),
        "per": Per(per).value,
        "funding": Funding(funding).value,
    }
    if how_long.strip() or item["per"] == Per.HOUR:
        item["hours"] = hours(how_long)
    met = served(serves or [])
    if met:
        item["serves"] = met
    return item


def served(serves: list[str]) -> list[str]:
    """The needs and outcomes an item meets: each as text, once, in the order chosen."""
    if not isinstance(serves, list) or len(serves) > MAX_ITEMS:
        raise AnswerError("error_too_many", most=MAX_ITEMS)
    return list(dict.fromkeys(text(s) for s in serves))


def support_items(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A whole list of items, checked again as it is saved; an empty list is allowed."""
    if len(values) > MAX_ITEMS:
        raise AnswerError("error_too_many", most=MAX_ITEMS)
    return [support_item(v["what"], v.get("helps", ""), v["provider"], v["times"],
                         v["period"], v.get("hours", ""), v["cost"], v["per"], v["funding"],
                         v.get("serves"))
            for v in values]


def is_support_item(value: Any) -> bool:
    """A saved item that can be costed. Older answers to the costs question were plain
    lines of text; they are shown but not added up."""
    if not isinstance(value, dict):
        return False
    try:
        support_items([value])
    except (AnswerError, KeyError, ValueError, TypeError, InvalidOperation):
        return False
    return True


def _exact_per_period(item: dict[str, str]) -> Decimal:
    each = Decimal(item["cost"])
    if item["per"] == Per.HOUR:
        each *= Decimal(item["hours"])
    return each * int(item["times"])


def cost_per_period(item: dict[str, str]) -> Decimal:
    """An item's cost in its own period, to show: unit cost x hours (when by the hour) x
    times, to the nearest penny."""
    return _exact_per_period(item).quantize(PENNY, rounding=ROUND_HALF_UP)


def item_per_year(item: dict[str, str]) -> Decimal:
    """An item's cost in a year, worked out exactly and rounded once, as the plan says it is:
    3.5 hours at £14.75 a week is £2,684.50 a year, not 52 weeks of £51.63."""
    per_year = _exact_per_period(item) * Period(item["period"]).per_year
    return per_year.quantize(PENNY, rounding=ROUND_HALF_UP)


# The details a council's file needs, each optional, in the order a form asks them. The date
# of birth is kept as YYYY-MM-DD; the rest as typed, on one line.
DETAIL_KEYS = ("name", "born", "address", "contact", "council", "reference", "nhs", "main",
               "carer")
DETAIL_DATE = "born"


def details(record: dict[str, Any]) -> dict[str, str]:
    """The details typed on the form, cleaned: an empty box is left out, so an empty form
    is "nothing to add". Raises AnswerError for a date of birth that is not a date, or one
    still to come."""
    kept: dict[str, str] = {}
    for key in DETAIL_KEYS:
        raw = record.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        if key == DETAIL_DATE:
            day = _past_day(raw)
            kept[key] = day
        else:
            kept[key] = clean_name(text(raw), NAME_LIMIT * 4).strip()
    return kept


def _past_day(raw: str) -> str:
    """A date of birth as people write it (3/4/1961, 3 April 1961): never a day to come."""
    typed = clean(raw).strip()
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", typed):
        d, m, y = (int(p) for p in re.split(r"[/.-]", typed))
        try:
            day = date(y, m, d)
        except ValueError:
            raise AnswerError("error_date", text=typed[:40]) from None
    else:
        day = date.fromisoformat(when(typed, date(1900, 1, 1)))
    if day > date.today():
        raise AnswerError("error_birth_future", text=typed[:40])
    return day.isoformat()


def action(what: str, who: str, by: str, status: str) -> dict[str, str]:
    """One thing to do: what, who does it, by when (may be blank), and how far it has got."""
    return {
        "what": short(what),
        "who": clean_name(who).strip()[:MAX_CHARS],
        "by": when(by) if by.strip() else "",
        "status": Status(status).value,
    }


def actions(values: list[dict[str, str]]) -> list[dict[str, str]]:
    if len(values) > MAX_ITEMS:
        raise AnswerError("error_too_many", most=MAX_ITEMS)
    return [action(v["what"], v.get("who", ""), v.get("by", ""), v.get("status", Status.TO_DO))
            for v in values]


def as_action(value: Any) -> dict[str, str] | None:
    """A saved action; a plain line (from a list of first steps) is an action still to do."""
    if isinstance(value, str) and value.strip():
        return {"what": value, "who": "", "by": "", "status": Status.TO_DO.value}
    if isinstance(value, dict):
        try:
            return actions([value])[0]
        except (AnswerError, KeyError, ValueError, TypeError):
            return None
    return None


def per_year(value: dict[str, str]) -> Decimal:
    return (Decimal(value["amount"]) * Period(value["period"]).per_year).quantize(PENNY)


def per_week(value: dict[str, str]) -> Decimal:
    return (per_year(value) / 52).quantize(PENNY, rounding=ROUND_HALF_UP)


def pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def show_short_date(iso: str) -> str:
    """A saved date as people type it (25/12/2026), or blank."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day:%d/%m/%Y}"


def show_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def show_moment(moment: datetime) -> str:
    """A time in the person's own time zone, like "5 Nov 2026 14:05"."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"


def is_money(value: Any) -> bool:
    return isinstance(value, dict) and {"amount", "period"} <= value.keys()
