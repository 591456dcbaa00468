"""The record and its check in plain sentences, the same for the command line, the plain
lines and the app: each entry on a line, the summary against the plan, the findings with
what they rest on, and what proof is still to find."""

from __future__ import annotations

from datetime import date

from journey.content import Journey as Content
from journey.money.against import Against, Bank, Finding, Period
from journey.money.kinds import MoneyWords
from journey.money.record import Entry, Record, pounds


def day(when: date) -> str:
    return f"{when.day} {when:%B %Y}"


def period(words: MoneyWords, chosen: Period) -> str:
    key = {"quarter": "period_quarter", "year": "period_year", "all": "period_all"}.get(
        chosen.kind, "period")
    return words.say(key, start=day(chosen.start), end=day(chosen.end))


def kind_label(words: MoneyWords, entry: Entry) -> str:
    kind = words.kind(entry.what)
    return kind.label if kind else entry.what


def paper_label(words: MoneyWords, paper: str | None) -> str:
    found = words.paper(paper) if paper else None
    return found.label if found else ""


def entry_line(words: MoneyWords, entry: Entry, number: int, planned: set[str]) -> str:
    """One entry in a sentence; `planned` is the plan's support, as compared (normal)."""
    from journey.money.against import normal

    parts = [words.say("entry", number=number, day=day(entry.day),
                       direction=words.say("money_in" if entry.direction == "in"
                                           else "money_out"),
                       amount=pounds(entry.pence), kind=kind_label(words, entry),
                       who=entry.who or "…")]
    if entry.direction == "out":
        parts.append(words.say("entry_for", support=entry.support)
                     if entry.support and normal(entry.support) in planned
                     else words.say("entry_not_in_plan"))
    if entry.purpose:
        parts.append(words.say("entry_purpose", purpose=entry.purpose))
    if entry.evidence:
        parts.append(words.say("entry_evidence", evidence=paper_label(words, entry.evidence)
                               .lower()))
        if entry.kept_where:
            parts.append(words.say("entry_kept", kept=entry.kept_where))
    else:
        parts.append(words.say("entry_no_evidence"))
    return "; ".join(parts) + " " + words.say("entry_id", id=entry.id)


def flagged_lines(words: MoneyWords, record: Record) -> list[str]:
    lines = [words.say("flagged", id=f.id, problem=words.say(f.problem))
             for f in record.flagged]
    if record.weeks_flagged:
        lines.append(words.say("rule_flagged", weeks=words.weeks(record.weeks_allowed)))
    return lines


def rests_on(content: Content, words: MoneyWords, finding: Finding) -> str:
    return words.say("rests_on", sources="; ".join(content.source(s).title
                                                   for s in finding.sources))


def summary_lines(content: Content, words: MoneyWords, found: Against) -> list[str]:
    """The check as plain lines: the period, planned and spent, money in, the balance, the
    findings with what each rests on, and the proof still to find."""
    say = words.say
    out = [say("check_title", name=found.name), period(words, found.period), "",
           say("summary_title")]
    for row in found.rows:
        out.append("  " + say("summary_row", what=row.what, planned=pounds(row.planned),
                              spent=pounds(row.spent)))
    if found.unplanned:
        out.append("  " + say("summary_unplanned_row",
                              spent=pounds(sum(e.pence for e in found.unplanned))))
    out.append("  " + say("summary_total_row", planned=pounds(found.planned_total),
                          spent=pounds(found.money_out)))
    out += ["", say("money_in_total", amount=pounds(found.money_in)),
            "  " + say("council_in", amount=pounds(found.council_in)),
            "  " + say("contribution_in", amount=pounds(found.contribution_in)),
            say("money_out_total", amount=pounds(found.money_out)),
            say("balance", day=day(found.period.end), amount=pounds(found.balance))]
    if found.weeks_held is not None and found.dp_weekly:
        out.append(say("balance_weeks", weeks=words.weeks(held(found)),
                       weekly=pounds(found.dp_weekly)))
    else:
        out.append(say("balance_no_dp"))
    if found.bank is not None:
        out.append(bank_line(words, found.bank))
    out += ["", say("findings_title")]
    if not found.findings:
        out.append("  " + say("findings_none"))
    for finding in found.findings:
        out.append(f"  - {finding.text}")
        out.append(f"    {rests_on(content, words, finding)}")
    if found.hours_worked_out:
        out.append("  " + say("hours_how"))
    flagged = flagged_lines(words, found.record)
    if flagged:
        out += ["", say("flagged_title"), *(f"  - {line}" for line in flagged)]
    out += ["", say("evidence_missing_title")]
    out += [f"  - {missing_line(words, m.entry, m.needs)}" for m in found.missing] or [
        "  " + say("evidence_none_missing")]
    out.append("  - " + say("evidence_statements", start=day(found.period.start),
                              end=day(found.period.end)))
    out += ["", say("planned_how"), say("keep_records")]
    return out


def bank_line(words: MoneyWords, bank: Bank) -> str:
    return words.say("bank_line", day=day(bank.day), bank=pounds(bank.bank),
                     recorded=pounds(bank.recorded))


def missing_line(words: MoneyWords, entry: Entry, needs: str) -> str:
    return words.say("evidence_missing", day=day(entry.day), kind=kind_label(words, entry),
                     amount=pounds(entry.pence), needs=needs)


def held(found: Against) -> str:
    """The weeks of direct payment the balance holds, as people say them: 8, 8.5."""
    weeks = found.weeks_held
    assert weeks is not None
    return f"{weeks:.0f}" if weeks == weeks.to_integral_value() else f"{weeks:.1f}"
