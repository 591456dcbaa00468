"""The direct-payment record in the web pages, used as a person uses them: the record against
the plan for a time chosen in their own words, money added through a form (wrong money said
plainly, nothing typed lost), a line taken out after a page that asks, and the council's
check saved in each format. A plan with no direct payment gets a plain page that says so."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path

from aiohttp import FormData
from aiohttp.test_utils import TestClient

from journey.money import kinds
from journey.money.record import read
from journey.store.database import Store
from journey.web import pages

from .examples import gareth, ryan, ryan_with_money
from .test_web_pages import run
from .web_pages import csrf, enter, opened, post, tab


def _text(page: str) -> str:
    """The page's words as a person reads them: tags gone, spaces as one."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_money_added_wrong_then_right_goes_in_the_record(words, store: Store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        question = await opened(client, here)
        assert f'href="{here}/money?tab=' in question and "Direct payment record" in question
        record = await (await client.get(f"{here}/money")).text()
        assert "Nothing in the record is in this time." in record
        form = await (await client.get(f"{here}/money/add")).text()
        assert 'action="/j/' in form and "error-summary" not in form
        typed = {"kind": "pay", "amount": "12,50", "day": "31/02/2027",
                 "who": "Kim <b>Lee</b>", "support": "1", "purpose": "=HYPERLINK(\"x\")",
                 "evidence": "payslip", "kept": "Blue folder"}
        page, where = await post(client, form, f"{here}/money/add", **typed)
        assert where == f"{here}/money/add"
        assert 'class="error-summary"' in page
        shown = _text(page)
        assert "Did you mean £12.50? If so, please type 12.50." in shown
        assert "There is no 31 February" in shown
        # Each error links to its box, and is tied to it.
        assert 'href="#amount"' in page and 'href="#day"' in page
        assert 'aria-describedby="amount-hint amount-error"' in page
        # Nothing typed is lost, and nothing typed is markup.
        assert 'value="12,50"' in page and 'value="31/02/2027"' in page
        assert 'value="Kim &lt;b&gt;Lee&lt;/b&gt;"' in page and "<b>Lee" not in page
        assert 'value="=HYPERLINK(&#34;x&#34;)"' in page
        assert re.search(r'value="pay" checked', page)
        assert re.search(r'name="support" type="radio" value="1" checked', page)
        assert re.search(r'value="payslip" checked', page)
        page, where = await post(client, page, f"{here}/money/add",
                                 **{**typed, "amount": "£540", "day": "28 November 2026"})
        assert where == f"{here}/money"
        shown = _text(page)
        assert ("Added: 1. 28 November 2026: Out £540.00, PA pay, Kim <b>Lee</b>; for "
                "Personal assistant: the gym, football and the bus") in shown
        assert "<b>Lee" not in page
        # Money in, on a date said in words: no support asked of it.
        form = await (await client.get(f"{here}/money/add")).text()
        yesterday = date.today() - timedelta(days=1)
        await post(client, form, f"{here}/money/add", kind="council", amount="700",
                   day="yesterday", who="", support="", purpose="", evidence="",
                   kept="Statements drawer")
        entries = read(store.load(journey.id), kinds.default()).entries
        assert sorted((e.what, e.pence, e.day, e.support is not None) for e in entries) == sorted(
            [("pay", 54000, date(2026, 11, 28), True),
             ("council", 70000, yesterday, False)])
        council = next(e for e in entries if e.what == "council")
        assert (council.evidence, council.kept_where) == (None, "Statements drawer")
        paid = next(e for e in entries if e.what == "pay")
        assert (paid.who, paid.purpose, paid.evidence, paid.kept_where) == (
            "Kim <b>Lee</b>", '=HYPERLINK("x")', "payslip", "Blue folder")

    run(test, store)


def test_a_form_with_nothing_chosen_names_each_box(words, store: Store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        form = await (await client.get(f"{here}/money/add")).text()
        page, _ = await post(client, form, f"{here}/money/add", amount="", day="",
                             evidence="not-a-paper", support="99")
        summary = page.split('class="error-list"')[1].split("</ul>")[0]
        assert re.findall(r'href="#([a-z-0-9]+)"', summary) == [
            "kind-1", "amount", "day", "support-1", "evidence-1"]
        assert read(store.load(journey.id), kinds.default()).entries == []

    run(test, store)


def test_an_entry_is_taken_out_after_a_page_that_asks(words, store: Store) -> None:
    journey = ryan_with_money(words, store).journey
    store.release(journey.id)
    before = read(store.load(journey.id), kinds.default()).entries

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        record = await (await client.get(f"{here}/money")).text()
        first = before[0]
        link = re.search(rf'href="({here}/money/remove/{first.id}[^"]*)"', record)
        assert link, record
        asking = await (await client.get(unescape(link[1]))).text()
        assert "Take this entry out of the record?" in asking
        # A get changes nothing; nor does a post without the form's token.
        assert len(read(store.load(journey.id), kinds.default()).entries) == len(before)
        refused = await client.post(f"{here}/money/remove", data={"entry": first.id})
        assert refused.status == 403
        page, where = await post(client, asking, f"{here}/money/remove", entry=first.id)
        assert where == f"{here}/money"
        assert "Taken out of the record: 1. 20 November 2026" in _text(page)
        after = read(store.load(journey.id), kinds.default()).entries
        assert [e.id for e in after] == [e.id for e in before[1:]]
        # Taken out again (an old page's form): said plainly, nothing else changes.
        page, _ = await post(client, asking, f"{here}/money/remove", entry=first.id)
        assert "That entry is not in the record now." in _text(page)
        missing = await client.get(f"{here}/money/remove/no-such-entry")
        assert missing.status == 404

    run(test, store)


def test_the_time_shown_is_chosen_in_own_words(words, store: Store) -> None:
    journey = ryan_with_money(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        whole = _text(await (await client.get(f"{here}/money")).text())
        assert "Since the start, 20 November 2026 to" in whole
        quarter = _text(await (await client.get(f"{here}/money", params={
            "period": "quarter", "from": "20 November 2026"})).text())
        assert "The quarter from 20 November 2026 to 19 February 2027" in quarter
        year = _text(await (await client.get(f"{here}/money", params={
            "period": "year", "from": "20/11/2026"})).text())
        assert "The year from 20 November 2026 to 19 November 2027" in year
        between = _text(await (await client.get(f"{here}/money", params={
            "period": "between", "from": "1 December 2026", "to": "31 December 2026"})).text())
        assert "From 1 December 2026 to 31 December 2026" in between
        assert "20 December 2026: In £688.00" in between
        assert "20 November 2026: In" not in between
        wrong = await (await client.get(f"{here}/money", params={
            "period": "between", "from": "31 February", "to": "<script>"})).text()
        assert 'class="error-summary"' in wrong and 'href="#from"' in wrong
        assert "There is no 31 February" in _text(wrong)
        assert 'value="&lt;script&gt;"' in wrong and "<script>" not in wrong
        # The check offered is of the time shown: since the start.
        assert re.findall(r'href="[^"]*/money/check\.csv"', wrong)
        backwards = _text(await (await client.get(f"{here}/money", params={
            "period": "between", "from": "2 January 2027", "to": "1 January 2027"})).text())
        assert "The end of the period is before its start." in backwards

    run(test, store)


def test_the_councils_check_is_saved_in_each_format(words, store: Store) -> None:
    session = ryan_with_money(words, store)
    journey = session.journey
    # Typed text a spreadsheet would run as a formula, in every cell the export writes.
    from journey.money.typed import Typed, entry

    for number, hostile in enumerate(("=1+1", "+44 7700", "-2", "@SUM(A1)"), 1):
        session.keep_money(entry(words, kinds.default(), journey, Typed(
            "other", "£1", "1 December 2026", hostile, "", hostile, "receipt", hostile),
            "Lisa", entry_id=f"hostile{number}"))
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        record = await (await client.get(f"{here}/money", params={
            "period": "between", "from": "1 December 2026", "to": "31 December 2026"})).text()
        links = [unescape(h) for h in re.findall(r'href="([^"]*/money/check\.[a-z]+[^"]*)"',
                                                 record)]
        assert [link.split("?")[0].rsplit(".", 1)[1] for link in links] == [
            "md", "html", "docx", "csv"]
        for link in links:
            response = await client.get(link)
            assert response.status == 200, link
            headers = response.headers
            assert headers["Content-Disposition"].startswith("attachment;")
            assert "2026-12-01-to-2026-12-31" in headers["Content-Disposition"]
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert "default-src 'none'" in headers["Content-Security-Policy"]
            assert "script-src" not in headers["Content-Security-Policy"]
            body = await response.read()
            if link.split("?")[0].endswith(".docx"):
                assert body[:2] == b"PK"
            elif link.split("?")[0].endswith(".csv"):
                rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
                cells = [c for row in rows[1:] for c in row]
                assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
                assert "'=1+1" in cells and "'@SUM(A1)" in cells
                assert all(row[0].startswith("2026-12") for row in rows[1:])
            elif link.split("?")[0].endswith(".html"):
                assert b"<script" not in body and b"Direct payment check for Ryan" in body
            else:
                assert "From 1 December 2026 to 31 December 2026" in body.decode("utf-8")
        assert (await client.get(f"{here}/money/check.exe")).status == 404
        bad = await client.get(f"{here}/money/check.csv", params={
            "period": "between", "from": "31 February"})
        assert bad.status == 400

    run(test, store)


def test_a_plan_with_no_direct_payment_says_so(words, store: Store) -> None:
    journey = gareth(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        question = await opened(client, here)
        assert f"{here}/money" not in question
        for path in ("/money", "/money/add"):
            response = await client.get(here + path)
            assert response.status == 200
            shown = _text(await response.text())
            assert "This plan has no direct payment" in shown and "<form" not in shown
        assert (await client.get(f"{here}/money/check.csv")).status == 404

    run(test, store)


def test_an_older_tabs_form_changes_nothing_and_keeps_what_was_typed(words,
                                                                     store: Store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        older = await (await client.get(f"{here}/money/add")).text()
        await client.get(here)  # the journey opened afresh: a newer tab
        page, where = await post(client, older, f"{here}/money/add", kind="council",
                                 amount="£688", day="20 November 2026", who="The council")
        assert where == f"{here}/money/add"
        assert "This journey is open somewhere else." in _text(page)
        assert "Change it in this tab instead" in _text(page)
        assert 'value="£688"' in page and 'value="20 November 2026"' in page
        assert read(store.load(journey.id), kinds.default()).entries == []

    run(test, store)


STATEMENTS = Path(__file__).parent / "data" / "statements"


async def _upload(client: TestClient, page: str, where: str, data: bytes,
                  name: str = "statement.csv") -> tuple[str, str]:
    """Choose a file and post the form, as a browser does: the page after and its address."""
    form = FormData()
    form.add_field("csrf", csrf(page))
    form.add_field("tab", tab(page) or "")
    form.add_field("do", "upload")
    form.add_field("statement", data, filename=name, content_type="text/csv")
    response = await client.post(where, data=form)
    return await response.text(), response.url.path


def test_a_bank_statement_goes_in_once(words, store: Store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        record = await (await client.get(f"{here}/money")).text()
        assert f'href="{here}/money/import?tab=' in record
        form = await (await client.get(f"{here}/money/import")).text()
        assert 'enctype="multipart/form-data"' in form
        data = (STATEMENTS / "monzo.csv").read_bytes()
        page, where = await _upload(client, form, f"{here}/money/import", data, "monzo.csv")
        assert where == f"{here}/money/payees"  # new payees: said once, straight away
        shown = _text(page)
        assert "Read 4 payments from monzo.csv: 4 new, 0 already in the record." in shown
        assert "Payees not matched yet." in shown
        assert "Northshire Council: money in, 1 payment, £3,234.56" in shown
        first = read(store.load(journey.id), kinds.default()).entries
        assert len(first) == 4 and {e.what for e in first} == {"other", "other-in"}
        page, _ = await post(client, page, f"{here}/money/payees", payee="Northshire Council",
                             kind="council", support="")
        assert "Northshire Council is now Council payment. Changed: 1 payment." in _text(page)
        assert "Northshire Council: money in" not in _text(page)
        council = [e for e in read(store.load(journey.id), kinds.default()).entries
                   if e.what == "council"]
        assert [e.pence for e in council] == [323456]
        # A kind that goes the other way, for a payee: said plainly, nothing changed.
        wrong, _ = await post(client, page, f"{here}/money/payees", payee="HMRC",
                              kind="no-such-kind", support="")
        assert "That is not a kind of money journey knows." in _text(wrong)
        page, _ = await _upload(client, form, f"{here}/money/import", data, "monzo.csv")
        assert "4 payments from monzo.csv: 0 new, 4 already in the record." in _text(page)
        assert len(read(store.load(journey.id), kinds.default()).entries) == 4
        # Not a statement: said plainly, nothing added.
        page, where = await _upload(client, form, f"{here}/money/import", b"\x00\x01PK\x03",
                                    "photo.csv")
        assert where == f"{here}/money/import" and 'class="error-summary"' in page
        assert "This file is not a CSV bank statement." in _text(page)
        # Far bigger than a page's form: refused before it is read.
        big, _ = await _upload(client, form, f"{here}/money/import", b"1" * 200_000)
        assert "That is too much to send at once. A page can take up to 64 KB." in big
        assert len(read(store.load(journey.id), kinds.default()).entries) == 4
        # Nothing chosen.
        page, _ = await post(client, form, f"{here}/money/import", do="upload")
        assert "Choose the statement's CSV file." in _text(page)

    run(test, store)


def test_a_statement_with_balances_sets_the_banks_beside_the_record(words,
                                                                    store: Store) -> None:
    from .test_money_cli import STARLING

    journey = ryan(words, store).journey
    store.release(journey.id)
    november = {"period": "between", "from": "1 November 2026", "to": "30 November 2026"}

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        form = await (await client.get(f"{here}/money/import")).text()
        await _upload(client, form, f"{here}/money/import", STARLING.encode(), "starling.csv")
        # The day's last payment gives the bank's closing balance, kept with the record.
        shown = _text(await (await client.get(f"{here}/money", params=november)).text())
        assert "The bank's balance on 30 November 2026: £80.00. The record's: £80.00." in shown
        assert "The bank says" not in shown
        # A payment gone from the record: the two differ, and the findings say by how much.
        extra = next(e for e in read(store.load(journey.id), kinds.default()).entries
                     if e.pence == 2000)
        record = await (await client.get(f"{here}/money")).text()
        link = re.search(rf'href="({here}/money/remove/{extra.id}[^"]*)"', record)
        assert link
        asking = await (await client.get(unescape(link[1]))).text()
        await post(client, asking, f"{here}/money/remove", entry=extra.id)
        shown = _text(await (await client.get(f"{here}/money", params=november)).text())
        assert ("The bank says the balance on 30 November 2026 was £80.00. The record says "
                "£100.00. The bank has £20.00 less.") in shown
        # A period the statement gives no balance for says nothing of the bank.
        december = {**november, "from": "1 December 2026", "to": "31 December 2026"}
        shown = _text(await (await client.get(f"{here}/money", params=december)).text())
        assert "The bank's balance" not in shown and "The bank says" not in shown

    run(test, store)


def test_a_statement_of_an_unknown_layout_asks_which_column_holds_what(words,
                                                                      store: Store) -> None:
    journey = ryan(words, store).journey
    store.release(journey.id)
    hostile = (STATEMENTS / "hsbc-no-header.csv").read_bytes() + (
        b'06/05/2026,"<b>=cmd|calc</b>",-12.00\n')

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        form = await (await client.get(f"{here}/money/import")).text()
        page, where = await _upload(client, form, f"{here}/money/import", hostile)
        assert where == f"{here}/money/import"
        assert "Which column holds what?" in page and 'name="day"' in page
        assert "<b>=cmd" not in page
        # Another file instead: the columns are no longer asked.
        again = re.search(r'href="([^"]*/money/import\?again=1[^"]*)"', page)
        assert again
        fresh = await (await client.get(unescape(again[1]))).text()
        assert 'name="statement"' in fresh and 'name="day"' not in fresh
        page, _ = await _upload(client, fresh, f"{here}/money/import", hostile)
        assert read(store.load(journey.id), kinds.default()).entries == []
        # A column for two things: said, and asked again.
        wrong, _ = await post(client, page, f"{here}/money/import", do="columns", day="0",
                              payee="0", amount="2")
        assert 'class="error-summary"' in wrong and 'href="#day"' in wrong
        assert "The columns are not clear: each column has one use." in _text(wrong)
        done, where = await post(client, wrong, f"{here}/money/import", do="columns",
                                 day="0", payee="1", amount="2")
        assert where == f"{here}/money/payees"
        shown = _text(done)
        assert "Read 4 payments" in shown and "The columns are kept" in shown
        assert "<b>=cmd" not in done and "&lt;b&gt;=cmd|calc&lt;/b&gt;" in done
        entries = read(store.load(journey.id), kinds.default()).entries
        assert sorted(e.pence for e in entries) == [1200, 31120, 123456, 323456]
        # The same layout again is known now: no columns asked.
        form = await (await client.get(f"{here}/money/import")).text()
        again, where = await _upload(client, form, f"{here}/money/import", hostile)
        assert where == f"{here}/money" and "0 new, 4 already" in _text(again)

    run(test, store)


def test_a_stored_line_that_cannot_be_read_is_named_never_a_crash(words, store: Store) -> None:
    from journey.core.model import MoneyKept

    journey = ryan_with_money(words, store).journey
    store.record(journey, MoneyKept(
        id="<i>bad</i>", day="2026-02-30", pence=-5, direction="out", what="pay",
        who="Kim", purpose="", support=None, evidence=None, kept_where=None, by="Lisa"))
    store.release(journey.id)

    async def test(client: TestClient, server: pages.PagesServer) -> None:
        await enter(client)
        here = f"/j/{journey.id}"
        await opened(client, here)
        response = await client.get(f"{here}/money")
        page = await response.text()
        assert response.status == 200
        assert "Entry <i>bad</i> cannot be read: its date is not a date." in _text(page)
        assert "<i>bad" not in page
        for fmt in ("md", "html", "docx", "csv"):
            assert (await client.get(f"{here}/money/check.{fmt}")).status == 200

    run(test, store)
