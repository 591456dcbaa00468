"""The direct-payment record in `journey serve`'s web pages: the record set against the plan
for a chosen time (since the start, a quarter, a year, or two dates in people's own words),
the findings with what each rests on, the proof still to find and every entry; a form to
add money in or out, read box by box through journey.money.typed as the other front doors
read it, its errors in an error summary with nothing typed lost; a line taken out after a
page that asks first; the council's check for the time shown, as files to save; and a bank
statement's CSV file posted (within the pages' body limit) and taken in through
journey.money.statement and journey.money.importing, as the other front doors take it (its
lines, and the bank's balances set beside the record), with the columns of a layout not known
yet chosen on a page of their own, and its new payees said once.

Pages only: what is said comes from content/money.toml and journey.money.shown, what is
counted from journey.money.against, so the web says and counts what the app and the plain
lines do. Forms post and redirect (post/redirect/get), and carry the page's CSRF token."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlencode

from aiohttp import web

from journey.conversation.session import Session
from journey.core.answers import clean_name
from journey.core.model import MoneyRemoved
from journey.core.saving import JourneyInUse
from journey.documents import files as documents
from journey.money import export, kinds
from journey.money.against import Against, against, normal
from journey.money.kinds import MoneyWords
from journey.money.record import has_direct_payment, pounds, read
from journey.money.shown import bank_line, entry_line, flagged_lines, held, missing_line, rests_on
from journey.money.shown import day as _day
from journey.money.shown import period as period_words
from journey.money.typed import (
    MoneyError,
    Typed,
    amount,
    day,
    entry,
    support_lines,
)
from journey.store.database import StoreError
from journey.web import forms
from journey.web.address import content_disposition

if TYPE_CHECKING:
    from journey.content import Journey as Content


class Server(Protocol):
    """What the record's pages use of the server that serves them (journey.web.pages)."""

    path: str
    words: Content

    def session(self, request: web.Request, document: bool = False) -> Session: ...

    def page(self, name: str, request: web.Request, status: int = 200,
             **values: Any) -> web.Response: ...

    def go(self, where: str) -> web.Response: ...


@dataclass(frozen=True)
class Keys:
    """The server's keys for what it keeps on each request: the browser (its visitor), the
    form posted, the opening of the journey (tab) and whether that opening is an older one."""

    visitor: web.RequestKey[Any]
    form: web.RequestKey[Any]
    tab: web.RequestKey[str]
    stale: web.RequestKey[bool]

PERIODS = ("all", "quarter", "year", "between")
# The add form's boxes, in the order the error summary lists them.
BOXES = ("kind", "amount", "day", "who", "support", "purpose", "evidence", "kept")
KINDS = {".md": "text/markdown; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".csv": "text/csv; charset=utf-8",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# A downloaded check runs nothing and fetches nothing, opened where it may be.
FILE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
               "base-uri 'none'; frame-ancestors 'none'")


def said_key(jid: str) -> str:
    """Where a money form leaves what to say on the page after: apart from the question's."""
    return f"{jid}/money"


def link(session: Session | None) -> str:
    """The words of the journey's pages' link to the record, when its plan pays a direct
    payment; nothing otherwise."""
    if session is None or not has_direct_payment(session.snapshot().live):
        return ""
    return kinds.default().say("web_link")


@dataclass
class Chosen:
    """The time asked for in the address, as typed, and what it reads as."""

    kind: str = "all"
    start: str = ""
    end: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    def query(self) -> str:
        given = {"period": self.kind, "from": self.start, "to": self.end}
        return urlencode({k: v for k, v in given.items() if v})


def chosen(request: web.Request) -> Chosen:
    query = request.query
    kind = query.get("period", "all")
    return Chosen(kind if kind in PERIODS else "all", query.get("from", "")[:60],
                  query.get("to", "")[:60])


class MoneyPages:
    """The record's pages, served by a PagesServer (its checks, sessions and templates)."""

    def __init__(self, server: Server, keys: Keys) -> None:
        self.server, self.keys = server, keys

    @property
    def money(self) -> MoneyWords:
        return kinds.default()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/j/{id}/money", self.record_page),
            web.get("/j/{id}/money/add", self.add_page),
            web.post("/j/{id}/money/add", self.add),
            web.get("/j/{id}/money/remove/{entry}", self.remove_page),
            web.post("/j/{id}/money/remove", self.remove),
            web.get("/j/{id}/money/check.{format}", self.download),
            web.get("/j/{id}/money/import", self.import_page),
            web.post("/j/{id}/money/import", self.take_statement),
            web.get("/j/{id}/money/payees", self.payees_page),
            web.post("/j/{id}/money/payees", self.payee),
        ]

    # -- what every page of the record shares ------------------------------------------------

    def _session(self, request: web.Request, document: bool = False) -> Session:
        try:
            return self.server.session(request, document=document)
        except web.HTTPSeeOther:
            # An older tab's form changes nothing: what it typed waits in the form again.
            if request.method == "POST" and request.get(self.keys.stale) and request.path.endswith(
                    "/money/add"):
                jid = request.match_info["id"]
                request[self.keys.visitor].said[said_key(jid)] = {"typed": request[self.keys.form]}
                raise web.HTTPSeeOther(self._where(request, f"/j/{jid}/money/add")) from None
            raise

    def _where(self, request: web.Request, path: str) -> str:
        tab = request.get(self.keys.tab)
        return f"{self.server.path}{path}" + (f"?tab={tab}" if tab else "")

    def _page(self, name: str, request: web.Request, session: Session,
              **values: Any) -> web.Response:
        return self.server.page(name, request, jid=session.journey.id, m=self.money.messages,
                                read_only=session.read_only, heading="", **values)

    def _without(self, request: web.Request, session: Session) -> web.Response:
        """A journey with no direct payment: a plain page that says so."""
        return self._page("money_none.html.j2", request, session, notice="",
                          title=self.money.say("web_no_title"),
                          said=self.money.say("no_direct_payment"))

    def _said(self, request: web.Request, session: Session) -> dict[str, Any]:
        return request[self.keys.visitor].said.pop(said_key(session.journey.id), {})

    # -- the record ----------------------------------------------------------------------------

    def _against(self, session: Session, asked: Chosen) -> Against:
        """The record against the plan for the time asked; a date that cannot be read is
        named (asked.errors) and the time since the start is shown instead."""
        words, money = self.server.words, self.money
        start = end = None
        for name, typed in (("from", asked.start), ("to", asked.end)):
            if not typed.strip():
                continue
            try:
                found = date.fromisoformat(day(words, typed))
            except MoneyError as e:
                asked.errors[name] = str(e)
                continue
            if name == "from":
                start = found
            else:
                end = found
        if asked.kind == "between":
            if not asked.start.strip() and "from" not in asked.errors:
                asked.errors["from"] = money.say("web_error_from")
            if not asked.end.strip() and "to" not in asked.errors:
                asked.errors["to"] = money.say("web_error_to")
        if start and end and end < start:
            asked.errors["to"] = money.say("error_period_order")
        if asked.errors:
            return against(words, money, session.journey, "all")
        if asked.kind == "all":
            return against(words, money, session.journey, "all", start=start, end=end)
        if asked.kind == "between":
            return against(words, money, session.journey, "between", start=start, end=end)
        return against(words, money, session.journey, asked.kind, start=start)

    async def record_page(self, request: web.Request) -> web.Response:
        from journey.money.importing import waiting

        session = self._session(request)
        if not has_direct_payment(session.snapshot().live):
            return self._without(request, session)
        said = self._said(request, session)
        money, words = self.money, self.server.words
        asked = chosen(request)
        found = self._against(session, asked)
        record = found.record
        planned = {normal(r.what) for r in found.rows}
        numbers = {e.id: n for n, e in enumerate(record.entries, 1)}
        entries = [{"line": entry_line(money, e, numbers[e.id], planned), "id": e.id,
                    "number": numbers[e.id]} for e in found.entries]
        rows = [{"what": r.what, "planned": pounds(r.planned), "spent": pounds(r.spent),
                 "difference": pounds(r.difference)} for r in found.rows]
        if found.unplanned:
            spent = sum(e.pence for e in found.unplanned)
            rows.append({"what": money.say("summary_unplanned"), "planned": pounds(0),
                         "spent": pounds(spent), "difference": pounds(-spent)})
        rows.append({"what": money.say("summary_total"), "planned": pounds(found.planned_total),
                     "spent": pounds(found.money_out),
                     "difference": pounds(found.planned_total - found.money_out)})
        balance = [money.say("money_in_total", amount=pounds(found.money_in)),
                   money.say("council_in", amount=pounds(found.council_in)),
                   money.say("contribution_in", amount=pounds(found.contribution_in)),
                   money.say("money_out_total", amount=pounds(found.money_out)),
                   money.say("balance", day=_day(found.period.end),
                             amount=pounds(found.balance))]
        if found.weeks_held is not None and found.dp_weekly:
            balance.append(money.say("balance_weeks", weeks=money.weeks(held(found)),
                                     weekly=pounds(found.dp_weekly)))
        else:
            balance.append(money.say("balance_no_dp"))
        if found.bank is not None:
            balance.append(bank_line(money, found.bank))
        findings = [{"text": f.text, "rests_on": rests_on(words, money, f)}
                    for f in found.findings]
        periods = [{"value": p, "label": money.say("web_period_" + p),
                    "checked": p == asked.kind} for p in PERIODS]
        query = "" if asked.errors else asked.query()  # the check of the time shown
        files = [{"href": f"/j/{session.journey.id}/money/check.{fmt}"
                  + (f"?{query}" if query else ""), "label": money.say("web_format_" + fmt)}
                 for fmt in export.FORMATS]
        name = session.name or words.message("someone")
        return self._page(
            "money.html.j2", request, session, title=money.say("title", name=name),
            notice=said.get("notice", ""), report=said.get("report", []),
            period=period_words(money, found.period),
            periods=periods, asked=asked, errors=[
                {"field": k, "text": v} for k, v in asked.errors.items()],
            rows=rows, balance=balance, findings=findings,
            hours_how=money.say("hours_how") if found.findings and found.hours_worked_out
            else "", flagged=flagged_lines(money, record),
            missing=[missing_line(money, m.entry, m.needs) for m in found.missing],
            statements=money.say("evidence_statements", start=_day(found.period.start),
                                 end=_day(found.period.end)),
            entries=entries, files=files, payees=len(waiting(money, session.journey)))

    # -- adding --------------------------------------------------------------------------------

    async def add_page(self, request: web.Request) -> web.Response:
        session = self._session(request)
        if not has_direct_payment(session.snapshot().live):
            return self._without(request, session)
        said = self._said(request, session)
        money, words = self.money, self.server.words
        typed: forms.Form = said.get("typed") or {}
        errors: dict[str, str] = said.get("errors") or {}
        lines = support_lines(words, session.journey)

        def box(name: str) -> str:
            return forms.one(typed, name)

        kinds_shown = [{"value": k.id, "label": k.label, "checked": box("kind") == k.id}
                       for k in money.kinds]
        support = [{"value": str(n), "label": line.what, "checked": box("support") == str(n)}
                   for n, line in enumerate(lines, 1)]
        support.append({"value": "none", "label": money.say("plain_support_none"),
                        "checked": box("support") == "none"})
        papers = [{"value": p.id, "label": p.label, "checked": box("evidence") == p.id}
                  for p in money.papers]
        papers.append({"value": "", "label": money.say("plain_evidence_none"),
                       "checked": not box("evidence")})
        ordered = [{"field": k, "text": errors[k]} for k in BOXES if k in errors]
        return self._page(
            "money_add.html.j2", request, session, title=money.say("web_add"),
            notice=said.get("notice", ""), errors=ordered, error=dict(errors),
            fields={k: box(k) for k in ("amount", "day", "who", "purpose", "kept")},
            kinds=kinds_shown, support=support, papers=papers)

    def read_form(self, session: Session, form: forms.Form) -> tuple[Any, dict[str, str]]:
        """The line a form gives, or what is wrong with each box."""
        words, money = self.server.words, self.money
        errors: dict[str, str] = {}
        picked = money.kind(forms.one(form, "kind"))
        if picked is None:
            errors["kind"] = money.say("web_error_kind")
        try:
            amount(words, money, forms.one(form, "amount"))
        except MoneyError as e:
            errors["amount"] = str(e)
        typed_day = forms.one(form, "day")
        try:
            if not typed_day.strip():
                raise MoneyError(money.say("web_error_day"))
            day(words, typed_day)
        except MoneyError as e:
            errors["day"] = str(e)
        lines = support_lines(words, session.journey)
        support = forms.one(form, "support")
        if support not in ("", "none") and not (
                support.isdigit() and 1 <= int(support) <= len(lines) and len(support) < 4):
            errors["support"] = money.say("error_support", said=support[:40], names="; ".join(
                f"{n}. {line.what}" for n, line in enumerate(lines, 1)))
        evidence = forms.one(form, "evidence")
        if evidence and money.paper(evidence) is None:
            errors["evidence"] = money.say("error_evidence", kinds=", ".join(
                p.label for p in money.papers))
        if errors or picked is None:
            return None, errors
        if picked.direction == "in" or support == "none":
            support = ""  # money in pays for nothing; "nothing in the plan" is said so
        typed = Typed(kind=picked.id, amount=forms.one(form, "amount"), day=typed_day,
                      who=forms.one(form, "who"), support=support,
                      purpose=forms.one(form, "purpose"), evidence=evidence,
                      kept_where=forms.one(form, "kept"))
        try:
            made = entry(words, money, session.journey, typed,
                         session.journey.speaker("money.record")[0])
        except MoneyError as e:
            return None, {"amount": str(e)}
        if forms.one(form, "support") == "none" and made.support is not None:
            made = replace(made, support=None)  # said to pay for nothing in the plan
        return made, {}

    async def add(self, request: web.Request) -> web.StreamResponse:
        session = self._session(request)
        form: forms.Form = request[self.keys.form]
        jid = session.journey.id
        visitor = request[self.keys.visitor]
        if not has_direct_payment(session.snapshot().live):
            return self.server.go(f"/j/{jid}/money")
        made, errors = self.read_form(session, form)
        if made is None:
            visitor.said[said_key(jid)] = {"errors": errors, "typed": form}
            return self.server.go(f"/j/{jid}/money/add")
        try:
            session.keep_money(made)
        except (StoreError, JourneyInUse) as e:
            visitor.said[said_key(jid)] = {"notice": str(e), "typed": form}
            return self.server.go(f"/j/{jid}/money/add")
        money = self.money
        record = read(session.journey, money)
        number = next(n for n, e in enumerate(record.entries, 1) if e.id == made.id)
        planned = {normal(line.what) for line in support_lines(self.server.words,
                                                               session.journey)}
        visitor.said[said_key(jid)] = {"notice": money.say("added", line=entry_line(
            money, record.entries[number - 1], number, planned))}
        return self.server.go(f"/j/{jid}/money")

    # -- taking a line out ---------------------------------------------------------------------

    async def remove_page(self, request: web.Request) -> web.Response:
        session = self._session(request)
        if not has_direct_payment(session.snapshot().live):
            return self._without(request, session)
        money = self.money
        record = read(session.journey, money)
        found = next((e for e in record.entries if e.id == request.match_info["entry"]), None)
        if found is None:
            raise web.HTTPNotFound(text=money.say("web_no_entry"))
        number = record.entries.index(found) + 1
        planned = {normal(line.what) for line in support_lines(self.server.words,
                                                               session.journey)}
        return self._page("money_remove.html.j2", request, session, notice="",
                          title=money.say("web_remove_title"), entry=found.id,
                          line=entry_line(money, found, number, planned))

    async def remove(self, request: web.Request) -> web.StreamResponse:
        session = self._session(request)
        jid = session.journey.id
        visitor = request[self.keys.visitor]
        money = self.money
        record = read(session.journey, money)
        wanted = forms.one(request[self.keys.form], "entry")
        found = next((e for e in record.entries if e.id == wanted), None)
        if found is None:
            visitor.said[said_key(jid)] = {"notice": money.say("web_no_entry")}
            return self.server.go(f"/j/{jid}/money")
        number = record.entries.index(found) + 1
        planned = {normal(line.what) for line in support_lines(self.server.words,
                                                               session.journey)}
        try:
            session.keep_money(MoneyRemoved(entry=found.id,
                                            by=session.journey.speaker("money.record")[0]))
        except (StoreError, JourneyInUse) as e:
            visitor.said[said_key(jid)] = {"notice": str(e)}
            return self.server.go(f"/j/{jid}/money")
        visitor.said[said_key(jid)] = {"notice": money.say("removed", line=entry_line(
            money, found, number, planned))}
        return self.server.go(f"/j/{jid}/money")

    # -- a bank statement -----------------------------------------------------------------

    def _pending(self, request: web.Request, jid: str) -> dict[str, Any]:
        """A statement of a layout not known yet, kept while its columns are chosen."""
        visitor = request[self.keys.visitor]
        return visitor.said.setdefault(said_key(jid) + "/statement", {})

    async def import_page(self, request: web.Request) -> web.Response:
        session = self._session(request)
        if not has_direct_payment(session.snapshot().live):
            return self._without(request, session)
        said = self._said(request, session)
        money = self.money
        jid = session.journey.id
        pending = self._pending(request, jid)
        if request.query.get("again"):  # another file chosen instead of this one
            pending.clear()
        columns: list[dict[str, Any]] = []
        if "data" in pending:
            found = self._read(session, pending["data"])
            shown = found.header or (found.examples[0] if found.examples else ())
            examples = found.examples[0] if found.examples else ()
            typed = said.get("typed") or {}
            suggested = found.suggested.as_value() if found.suggested else {}
            for name in ("day", "payee", "amount", "paid_in", "paid_out"):
                chosen = forms.one(typed, name) if name in typed else str(
                    (suggested.get(name) or [None])[0] if name == "payee"
                    else suggested.get(name) if suggested.get(name) is not None else "")
                options = [{"value": "", "label": money.say("web_import_none"),
                            "checked": chosen == ""}] if name != "day" else []
                for n, heading in enumerate(shown):
                    example = examples[n] if n < len(examples) and found.header else ""
                    label = money.say("web_import_column", number=n + 1, heading=heading)
                    options.append({"value": str(n), "label": label + (
                        f" ({example})" if example else ""), "checked": chosen == str(n)})
                columns.append({"name": name, "label": money.say("web_import_" + name),
                                "options": options})
        error = said.get("error", "")
        return self._page("money_import.html.j2", request, session,
                          title=money.say("web_import_columns_title" if columns
                                          else "web_import"),
                          notice=said.get("notice", ""), columns=columns,
                          errors=[{"field": said.get("field", "statement"), "text": error}]
                          if error else [], error=error, error_field=said.get("field", ""))

    def _read(self, session: Session, data: bytes) -> Any:
        from journey.money import importing, statement

        record = read(session.journey, self.money)
        return statement.read_bytes(data, importing.remembered(record), self.server.words)

    async def take_statement(self, request: web.Request) -> web.StreamResponse:
        from journey.money import importing, statement

        session = self._session(request)
        jid = session.journey.id
        visitor = request[self.keys.visitor]
        form: forms.Form = request[self.keys.form]
        money = self.money
        here = f"/j/{jid}/money/import"
        if not has_direct_payment(session.snapshot().live):
            return self.server.go(f"/j/{jid}/money")
        pending = self._pending(request, jid)
        chosen = None
        if forms.one(form, "do") == "columns":
            if "data" not in pending:
                visitor.said[said_key(jid)] = {"notice": money.say("web_import_gone")}
                return self.server.go(here)
            data, name = pending["data"], pending["name"]
            picked = {k: forms.one(form, k) for k in ("day", "payee", "amount", "paid_in",
                                                      "paid_out")}
            try:
                if not all(v.isdigit() and len(v) < 3 for v in picked.values() if v) or not (
                        picked["day"] and picked["payee"]):
                    raise ValueError(money.say("web_import_needs"))
                chosen = statement.Layout(
                    day=int(picked["day"]), payee=(int(picked["payee"]),),
                    **{k: int(picked[k]) if picked[k] else None
                       for k in ("amount", "paid_in", "paid_out")})
            except ValueError as e:
                visitor.said[said_key(jid)] = {
                    "error": money.say("web_import_columns_bad", problem=str(e)[:80]),
                    "field": "day", "typed": form}
                return self.server.go(here)
        else:
            posted = await request.post()  # the form as read before, with its file
            upload = posted.get("statement")
            if not isinstance(upload, web.FileField):
                visitor.said[said_key(jid)] = {"error": money.say("web_import_no_file")}
                return self.server.go(here)
            data = upload.file.read(statement.LARGEST_FILE + 1)
            name = clean_name(upload.filename or "statement.csv", 80)
        try:
            if len(data) > statement.LARGEST_FILE:
                raise statement.StatementError(self.server.words.message(
                    "statement_too_big", limit="4 MB"))
            found = self._read(session, data)
        except statement.StatementError as e:
            pending.clear()
            visitor.said[said_key(jid)] = {"error": e.text}
            return self.server.go(here)
        if found.layout is None and chosen is None:
            pending.update(data=data, name=name)
            return self.server.go(here)
        made = importing.lines(money, session.journey, found, name,
                               session.journey.speaker("money.record")[0], chosen)
        try:
            if made.events:
                with session.together():
                    for event in made.events:
                        session.keep_money(event)
        except (StoreError, JourneyInUse) as e:
            visitor.said[said_key(jid)] = {"error": str(e)}
            return self.server.go(here)
        pending.clear()
        found = made.statement
        report = [money.say("import_read", rows=len(found.rows), file=name,
                            new=len(made.new), known=made.known)]
        if made.rules:
            report.append(money.say("import_columns_kept"))
        if found.problems:
            report.append(money.say("import_left_out"))
            report += [p.text for p in found.problems]
        if made.unmatched:
            report.append(money.say("web_import_payees"))
            report += [money.say("web_import_unmatched", payee=payee,
                                 payments=money.payments(count), amount=pounds(pence))
                       for payee, (count, pence) in made.unmatched.items()]
        visitor.said[said_key(jid)] = {"report": report}
        return self.server.go(f"/j/{jid}/money/payees" if made.unmatched
                              else f"/j/{jid}/money")

    # -- payees from statements, said once -----------------------------------------------

    async def payees_page(self, request: web.Request) -> web.Response:
        from journey.money.importing import waiting

        session = self._session(request)
        if not has_direct_payment(session.snapshot().live):
            return self._without(request, session)
        said = self._said(request, session)
        money = self.money
        lines = support_lines(self.server.words, session.journey)
        support = [{"value": str(n), "label": line.what} for n, line in enumerate(lines, 1)]
        support.append({"value": "", "label": money.say("plain_support_none")})
        shown = [{"payee": w.payee, "said": money.say(
            "web_payee_line", payee=w.payee, direction=money.say(
                "money_in" if w.direction == "in" else "money_out").lower(),
            payments=money.payments(w.count), amount=pounds(w.pence)),
            "kinds": [{"value": k.id, "label": k.label} for k in money.kinds
                      if k.direction == w.direction]}
            for w in waiting(money, session.journey)]
        return self._page("money_payees.html.j2", request, session,
                          title=money.say("web_payees_title"), notice=said.get("notice", ""),
                          report=said.get("report", []), payees=shown, support=support)

    async def payee(self, request: web.Request) -> web.StreamResponse:
        from journey.money.importing import confirm

        session = self._session(request)
        jid = session.journey.id
        visitor = request[self.keys.visitor]
        form: forms.Form = request[self.keys.form]
        money = self.money
        if not has_direct_payment(session.snapshot().live):
            return self.server.go(f"/j/{jid}/money")
        payee = forms.one(form, "payee")
        try:
            events, changed = confirm(self.server.words, money, session.journey, payee,
                                      forms.one(form, "kind"), forms.one(form, "support"),
                                      session.journey.speaker("money.record")[0])
            with session.together():
                for event in events:
                    session.keep_money(event)
        except (MoneyError, StoreError, JourneyInUse) as e:
            visitor.said[said_key(jid)] = {"notice": str(e)}
            return self.server.go(f"/j/{jid}/money/payees")
        kind = money.kind(events[1].value)
        support = events[0].value
        visitor.said[said_key(jid)] = {"notice": money.say(
            "payee_set" if support else "payee_set_none", payee=clean_name(payee, 80),
            kind=kind.label if kind else "", support=support or "",
            payments=money.payments(changed))}
        return self.server.go(f"/j/{jid}/money/payees")

    # -- the council's check, as a file -------------------------------------------------------

    async def download(self, request: web.Request) -> web.Response:
        session = self._session(request, document=True)
        fmt = request.match_info["format"]
        if fmt not in export.FORMATS or not has_direct_payment(session.snapshot().live):
            raise web.HTTPNotFound()
        asked = chosen(request)
        found = self._against(session, asked)
        if asked.errors:
            raise web.HTTPBadRequest(text=" ".join(asked.errors.values()))
        body = export.render(self.server.words, self.money, found, fmt)
        name = (f"direct-payment-check-{documents.name_part(session.journey.id)}-"
                f"{found.period.start:%Y-%m-%d}-to-{found.period.end:%Y-%m-%d}.{fmt}")
        return web.Response(body=body, headers={
            "Content-Type": KINDS["." + fmt],
            "Content-Disposition": content_disposition("attachment", name),
            "Content-Security-Policy": FILE_POLICY})


