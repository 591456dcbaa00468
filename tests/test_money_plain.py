"""The direct-payment record in plain lines: `money` shows the record against the plan, and
money in or out is added one thing at a time, wrong money and a wrong day asked again."""

from __future__ import annotations

import io

from journey.money import kinds
from journey.money.record import read
from journey.plain import conversation as plain

from .examples import gareth, ryan


def talk(store, words, journey_id: str, lines: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = plain.run(store, journey_id, inp=io.StringIO("".join(f"{x}\n" for x in lines)),
                     out=out, err=err, words=words)
    assert (code, err.getvalue()) == (0, "")
    return out.getvalue()


def test_money_typed_in_plain_lines_goes_in_the_record(words, store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)
    out = talk(store, words, journey.id, [
        "",  # who is here today: as before
        "money",
        "add", "PA pay", "12,50", "540", "31/02/2027", "28/11/2026", "Kim", "",
        "November's pay", "1", "Blue folder",
        "add", "1", "£700", "20 November 2026", "", "", "",
        "remove 9",
        "",  # back to where the journey was
        "quit"])
    assert "The direct payment record" in out
    assert 'Did you mean £12.50? If so, please type 12.50.' in out
    assert "There is no 31 February" in out
    assert ("Added: 1. 28 November 2026: Out £540.00, PA pay, Kim; for Personal assistant: "
            "the gym, football and the bus; what it was for: November's pay; proof: "
            "payslip; kept in Blue folder") in out
    assert "Added: 1. 20 November 2026: In £700.00, Council payment, The council" in out
    assert "There is no entry 9 in the record." in out
    assert "\x1b" not in out
    entries = read(store.load(journey.id), kinds.default()).entries
    assert [(e.what, e.pence, e.evidence) for e in entries] == [
        ("council", 70000, None), ("pay", 54000, "payslip")]


def test_a_line_taken_out_in_plain_lines(words, store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)
    talk(store, words, journey.id, ["", "money", "add", "council", "700", "20/11/2026", "",
                                    "", "", "remove 1", "", "quit"])
    assert read(store.load(journey.id), kinds.default()).entries == []


def test_no_record_without_a_direct_payment(words, store) -> None:
    journey = gareth(words, store).journey
    store.release(journey.id)
    out = talk(store, words, journey.id, ["", "money", "quit"])
    assert "no direct payment" in out


def test_a_line_changed_in_plain_lines(words, store) -> None:
    from journey.core.model import MoneyKept

    journey = ryan(words, store).journey
    store.release(journey.id)
    out = talk(store, words, journey.id, [
        "", "money",
        "add", "PA pay", "540", "28/11/2026", "Kim", "", "", "1", "Blue folder",
        "change 1", "12,50", "£585", "31/02/2027", "", "", "", "", "",
        "", "quit"])
    assert "How much? (like £540.50) Now: £540.00. Press enter to keep it." in out
    assert "Did you mean £12.50?" in out and "There is no 31 February" in out
    assert "Changed: 1. 28 November 2026: Out £585.00, PA pay, Kim" in out
    saved = store.load(journey.id)
    entries = read(saved, kinds.default()).entries
    assert [(e.pence, e.who, e.evidence, e.kept_where) for e in entries] == [
        (58500, "Kim", "payslip", "Blue folder")]
    assert len([e for e in saved.events if isinstance(e, MoneyKept)]) == 2
