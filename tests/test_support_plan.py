"""The support plan from the example journeys: money to the penny, review dates, each
readiness finding and where it leads, and documents that are steady and keep typed text inert."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from journey.content import conditions
from journey.conversation.session import Session
from journey.core import answers
from journey.core.answers import AnswerError
from journey.documents import render
from journey.plan import build, snapshot
from journey.plan.costing import cost, weekly
from journey.plan.parts.reviews import add_months
from journey.plan.readiness import check
from journey.store.database import Store

from .examples import EXAMPLES, edna, gareth, item, mia, walk
from .helpers import start

D = Decimal
TEXT_FORMATS = ("md", "txt", "html", "profile-md", "profile-html")


def totals(plan) -> dict[str, tuple[Decimal, Decimal, Decimal | None]]:
    return {t.funding: (t.per_week, t.per_year, t.left_per_year) for t in plan.costing.totals}


# -- money ---------------------------------------------------------------------------------

def test_mia_costs_add_up_to_the_penny(words, store: Store) -> None:
    plan = mia(words, store).plan()
    lines = {line.what: line for line in plan.costing.lines}
    # 3.5 hours at £14.75: £51.625 a week, from Jake's own budget
    jake = lines["Jake's personal assistant, from his own personal budget"]
    assert (jake.per_period, jake.per_week, jake.per_year) == (D("51.63"), D("51.63"),
                                                               D("2684.50"))
    nights = lines["A night assistant for the twins, from their own personal budgets"]
    assert (nights.per_period, nights.per_week, nights.per_year) == (D("210.00"), D("52.50"),
                                                                     D("2730.00"))
    taxis = lines["Taxi home after seeing friends"]  # twice every four weeks
    assert (taxis.per_week, taxis.per_year) == (D("5.00"), D("260.00"))
    gym = lines["Gym and swimming pass"]
    assert (gym.per_week, gym.per_year) == (D("5.77"), D("300.00"))
    assert totals(plan) == {
        "personal-budget": (D("22.31"), D("1160.00"), D("0.00")),
        "own-money": (D("8.00"), D("416.00"), None),
        "free": (D("0.00"), D("0.00"), None),
        "other": (D("155.75"), D("8099.00"), None),
    }
    budget = plan.costing.totals[0].budget
    assert budget is not None and budget.agreed
    assert (budget.per_week, budget.per_year) == (D("22.31"), D("1160.00"))
    assert plan.costing.totals[0].left_per_week == D("0.00")
    assert (plan.costing.total_per_week, plan.costing.total_per_year) == (D("186.06"),
                                                                          D("9675.00"))


def test_gareth_and_edna_totals(words, store: Store) -> None:
    plan = gareth(words, store).plan()
    assert totals(plan)["personal-budget"] == (D("67.20"), D("3494.40"), D("105.60"))
    assert totals(plan)["own-money"] == (D("3.83"), D("199.00"), None)
    assert plan.costing.totals[0].budget.agreed is True
    assert plan.costing.total_per_year == D("3693.40")

    plan = edna(words, store).plan()
    over = plan.costing.totals[0]
    assert plan.costing.totals[0].budget.agreed is False  # indicative
    assert (over.per_week, over.per_year) == (D("266.25"), D("13845.00"))
    assert (over.left_per_year, over.left_per_week, over.over) == (D("-2925.00"), D("-56.25"),
                                                                   True)
    assert (plan.costing.total_per_week, plan.costing.total_per_year) == (D("275.25"),
                                                                          D("14313.00"))


@pytest.mark.parametrize(
    ("times", "period", "hours", "price", "per", "week", "year"),
    [(3, "week", "1.5", "13.33", "hour", "59.99", "3119.22"),  # 59.985 a week, exactly
     (1, "four-weeks", "", "100", "time", "25.00", "1300.00"),
     (2, "month", "", "49.99", "time", "23.07", "1199.76"),
     (1, "year", "", "1000", "time", "19.23", "1000.00"),
     (5, "week", "0.25", "20.02", "hour", "25.03", "1301.30"),
     (1, "two-weeks", "3", "15", "hour", "22.50", "1170.00"),  # 26 times a year
     (1, "once", "", "450", "time", "8.65", "450.00"),  # a one-off: counted once
     (3, "once", "2", "20", "hour", "2.31", "120.00")],
)
def test_period_conversions(words, times, period, hours, price, per, week, year) -> None:
    saved = answers.support_item("x", "", "pa", str(times), period, hours, price, per, "free")
    assert answers.item_per_year(saved) == D(year)
    assert weekly(answers.item_per_year(saved)) == D(week)


def test_one_off_and_fortnightly_costs_add_up_against_the_budget(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("personal-budget.known")
    session.answer("yes")
    session.answer({"amount": "200", "period": "week"})
    session.go_to_question("planning.costs")
    session.answer([
        answers.support_item("Cleaner", "", "agency", "1", "two-weeks", "2", "18", "hour",
                             "personal-budget"),
        answers.support_item("Shower seat", "", "equipment", "1", "once", "", "260", "time",
                             "personal-budget"),
        answers.support_item("PA", "", "pa", "2", "week", "3", "15", "hour",
                             "personal-budget"),
    ], move_on=False)
    costing = session.plan().costing
    lines = {line.what: line for line in costing.lines}
    assert lines["Cleaner"].per_year == D("936.00")  # 36 x 26
    assert lines["Shower seat"].per_year == D("260.00")  # once in the year
    assert lines["PA"].per_year == D("4680.00")
    personal = costing.totals[0]
    assert personal.per_year == D("5876.00")
    assert personal.left_per_year == D("10400.00") - D("5876.00")
    assert personal.per_week == D("113.00")
    text = "\n".join(render_lines(words, session))
    assert "Shower seat: a one-off. £260.00 once, counted in the first year." in text
    assert "Cleaner: once every 2 weeks, 2 hours each time. £18.00 a week, £936.00 a year." \
        in text


def render_lines(words, session: Session) -> list[str]:
    from journey.plan import item_line

    return [item_line(words, v) for v in session.journey.value("planning.costs")]


def test_support_items_that_are_not_right(words) -> None:
    good = ["PA", "", "pa", "2", "week", "3", "15", "hour", "personal-budget"]
    for index, bad, key in [(3, "0", "error_times"), (3, "two", "error_times"),
                            (3, "1001", "error_times"), (5, "25", "error_hours"),
                            (5, "", "error_hours_empty"), (3, " ", "error_times_empty"),
                            (6, "-5", "error_money_negative"),
                            (0, "  ", "error_empty"), (5, "1.555", "error_hours")]:
        fields = list(good)
        fields[index] = bad
        with pytest.raises(AnswerError) as e:
            answers.support_item(*fields)
        assert e.value.key == key, (index, bad)
        assert e.value.key in words.messages
    by_time = answers.support_item("Club", "", "community", "1", "week", "", "5", "time", "free")
    assert by_time["hours"] == ""


def test_older_lines_in_the_costs_answer_are_kept_but_not_added(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("planning.costs")
    session.answer(["Helper: 6 hours a week at £15 an hour",
                    item("Art group", "community", 1, "week", "", "5", "time", "own-money")])
    costing = cost(words, snapshot(words, session.journey).live)
    assert costing.notes == ["Helper: 6 hours a week at £15 an hour"]
    assert [line.what for line in costing.lines] == ["Art group"]
    assert costing.total_per_year == D("260.00")


# -- review dates --------------------------------------------------------------------------

def test_review_dates(words, store: Store) -> None:
    due = {r.kind: (r.earliest, r.latest) for r in mia(words, store).plan().reviews}
    assert due == {
        "light": (date(2026, 4, 13), date(2026, 4, 27)),
        "direct_payment": (None, date(2026, 9, 16)),  # 6 months from the first payment
        "yearly": (None, date(2027, 3, 2)),
    }
    session = edna(words, store)
    assert session.plan().reviews == []  # not agreed yet: no dates
    assert session.go_to_question("happen.agreed-yet")
    session.answer("yes")
    assert session.question.id == "happen.agreed"
    session.answer("2026-08-31")  # agreed on 31 August: the months run short
    plan = session.plan()
    assert [(r.kind, r.latest) for r in plan.reviews] == [
        ("light", date(2026, 10, 26)), ("direct_payment", date(2027, 4, 5)),
        ("yearly", date(2027, 8, 31))]
    assert "should think about" in plan.reviews[0].text
    assert plan.reviews[0].text.endswith("between 12 October 2026 and 26 October 2026")
    # With no date for the first direct payment, its review is due within 6 months of it.
    assert session.undo("personal-budget.dp-first")
    plan = session.plan()
    assert [(r.kind, r.latest) for r in plan.reviews] == [
        ("light", date(2026, 10, 26)), ("yearly", date(2027, 8, 31)),
        ("direct_payment_first", None)]
    assert plan.reviews[2].text.endswith("within 6 months of the first payment")
    assert [r.kind for r in gareth(words, store).plan().reviews] == ["light", "yearly"]
    session = gareth(words, store)
    assert session.undo("happen.agreed")
    assert session.plan().reviews == []  # not agreed yet: no dates


def test_no_direct_payment_review_without_a_direct_payment(words, store: Store) -> None:
    session = start(words, store)
    session.go_to_question("happen.agreed")
    session.answer("2028-02-29")
    assert [(r.kind, r.latest) for r in session.plan().reviews] == [
        ("light", date(2028, 4, 25)), ("yearly", date(2029, 2, 28))]
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


# -- readiness ---------------------------------------------------------------------------

def findings(session: Session) -> list[tuple[str, str, bool]]:
    return [(f.code, f.question, f.blocks) for f in session.plan().readiness.findings]


def test_mia_is_ready(words, store: Store) -> None:
    readiness = mia(words, store).plan().readiness
    assert readiness.ready and readiness.findings == []
    assert [c.answered for c in readiness.criteria] == [True] * 7


def test_gareth_is_ready_and_says_when_a_back_up_plan_or_start_date_goes(
        words, store: Store) -> None:
    session = gareth(words, store)
    assert findings(session) == []
    assert session.undo("planning.backup")
    session.go_to_question("happen.start")
    session.answer(None, unsure=True)
    assert findings(session) == [("no_backup", "planning.backup", True),
                                 ("to_find_out", "happen.start", True)]
    session.go_to_question("planning.backup")
    session.answer("My mum takes me to the club")
    session.go_to_question("happen.start")
    session.answer("2026-05-01")
    assert session.plan().readiness.ready


def test_edna_findings_each_say_where_to_fix_them(words, store: Store) -> None:
    session = edna(words, store)
    plan = session.plan()
    assert findings(session) == [
        ("over_budget", "planning.costs", True),
        ("family_payment", "personal-budget.council-agree", True),
        # Carol plans, holds Edna's money as an authorised person, and may be paid from it.
        ("conflict_holder", "personal-budget.money-person", False),
        # The direct payment pays Carol by the hour, and the plan says no one is employed.
        ("employer_named", "personal-budget.employ-pa", True),
        ("not_met", "planning.costs", True),
        ("low_pay", "planning.costs", True),
        ("to_find_out", "planning.contribution", True),
    ]
    texts = [f.text for f in plan.readiness.findings]
    assert "£2,925.00 a year more than the budget (£56.25 a week)" in texts[0]
    assert "a close relative in the same home" in texts[1]
    assert "It can say yes if it decides this is necessary" in texts[1]
    assert texts[2].startswith("Carol holds Edna's money") and "conflict of interest" in texts[2]
    assert "Carol's help in the evenings" in texts[3] and "employer" in texts[3]
    assert texts[4].endswith("meets: Getting out to the shops and the doctor.")
    assert "£12.60 an hour" in texts[5] and "£12.71" in texts[5]
    first = plan.readiness.findings[0]
    assert (first.step, first.step_number, first.step_title) == (
        "planning", 11, "Support planning")
    for finding in plan.readiness.findings:
        assert session.go_to_question(finding.question)
        assert (session.flow.state, session.question.id) == (finding.step, finding.question)
    reopened = Session(words, store, store.load(session.journey.id))
    assert reopened.question.id == plan.readiness.findings[-1].question


def test_what_a_panel_asks_when_answers_are_taken_back(words, store: Store) -> None:
    """Edna's plan with her voice, the money's keeper, the carer's back-up, the risks and the
    advice on staying well taken back: each is found, and where."""
    session = edna(words, store)
    for question_id in ("personal-budget.money-person", "planning.carer-backup",
                        "rights.their-views", "planning.risks", "planning.prevention"):
        assert session.undo(question_id), question_id
    found = findings(session)
    for expected in [("no_money_person", "personal-budget.money-person", True),
                     ("no_carer_backup", "planning.carer-backup", True),
                     ("no_views", "rights.their-views", True),
                     ("no_risks", "planning.risks", True),
                     ("no_prevention", "planning.prevention", True)]:
        assert expected in found
    # A plan that says nothing yet about staying in control is sent to the first question.
    bare = walk(words, store, {"welcome.name": "Sam", "welcome.mode": "self",
                               "rights.hopes": "To get out more"})
    criterion = next(f for f in bare.plan().readiness.findings
                     if f.code == "criterion" and "Staying in control" in f.text)
    assert criterion.text == 'Nothing yet for "Staying in control" (part 6 of 7).'
    assert (criterion.question, criterion.step, criterion.step_number) == (
        "circle.planning", "circle", 5)


def test_family_restriction_follows_the_rules(words, store: Store) -> None:
    base = {"welcome.name": "Ann", "welcome.mode": "self",
            "personal-budget.managed": "direct-payment"}
    cases = [({"personal-budget.family-relation": "partner",
               "personal-budget.council-agree": "asked"}, True),
             ({"personal-budget.family-relation": "partner",
               "personal-budget.council-agree": "agreed"}, False),
             ({"personal-budget.family-relation": "sibling",
               "personal-budget.family-household": "no"}, False),
             ({"personal-budget.family-relation": "grandparent",
               "personal-budget.family-household": "yes"}, True),
             ({"personal-budget.family-relation": "friend"}, False),
             ({"personal-budget.family-relation": "other-family"}, False),
             # a sister's husband living in the same home is covered too
             ({"personal-budget.family-relation": "relative-partner",
               "personal-budget.family-household": "yes"}, True),
             ({"personal-budget.family-relation": "relative-partner",
               "personal-budget.family-household": "no"}, False)]
    for extra, restricted in cases:
        session = walk(words, store, {**base, **extra})
        codes = [f.code for f in session.plan().readiness.findings]
        assert ("family_payment" in codes) is restricted, extra
        if extra.get("personal-budget.family-relation") == "relative-partner" and restricted:
            text = next(f.text for f in session.plan().readiness.findings
                        if f.code == "family_payment")
            assert "a relative's husband, wife or partner in the same home" in text
        if restricted and "personal-budget.council-agree" not in extra:
            # asked at once, with the reason, and a kind word about the council's say
            assert session.journey.value("personal-budget.council-agree") is None


def test_changing_an_earlier_answer_retires_the_later_ones(words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Ann", "welcome.mode": "self",
        "personal-budget.managed": "direct-payment",
        "personal-budget.family-relation": "partner",
        "personal-budget.employ-pa": "yes", "personal-budget.employer-basics": ["contract"]})
    codes = [f.code for f in session.plan().readiness.findings]
    assert {"family_payment", "employer"} <= set(codes)
    employer = next(f for f in session.plan().readiness.findings if f.code == "employer")
    assert "paying wages" in employer.text and "insurance" in employer.text
    assert "written contract" not in employer.text
    session.go_to_question("personal-budget.managed")
    session.answer("council-managed")
    codes = [f.code for f in session.plan().readiness.findings]
    assert "family_payment" not in codes and "employer" not in codes


def test_a_personal_assistant_without_the_employer_questions(words, store: Store) -> None:
    session = walk(words, store, {
        "welcome.name": "Ann", "welcome.mode": "self",
        "personal-budget.managed": "direct-payment",
        "options.kinds": ["pa"],
        "planning.costs": [item("PA", "pa", 1, "week", "2", "15", "hour", "personal-budget"),
                           item("Dad", "family", 1, "week", "2", "10", "hour",
                                "personal-budget")]})
    found = {f.code: f for f in session.plan().readiness.findings}
    # Step 9 no longer asks again about employing someone: the costed personal assistant
    # leads back to step 3's question, as one worth checking.
    assert found["employer_unchecked"].question == "personal-budget.employ-pa"
    assert not found["employer_unchecked"].blocks
    assert found["family_check"].question == "personal-budget.family-relation"
    assert not found["family_check"].blocks
    assert found["budget_unknown"].question == "personal-budget.known"
    assert not found["budget_unknown"].blocks


def test_readiness_is_pure_and_matches_the_plan(words, store: Store) -> None:
    session = edna(words, store)
    plan = session.plan()
    again = check(plan, snapshot(words, session.journey))
    assert again == plan.readiness


def test_conditions_only_look_back(words) -> None:
    """The plan reads answers in journey order, so a condition may only read earlier ones."""
    seen: set[str] = set()
    for step in words.all_steps:
        assert {q for c in conditions(step.when) for q in c.questions()} <= seen, step.id
        for question in step.questions:
            assert {q for c in conditions(question.when) for q in c.questions()} <= seen, (
                question.id)
            for choice in question.choices:  # a choice offered only after some answers
                assert {q for c in conditions(choice.when) for q in c.questions()} <= seen, (
                    question.id, choice.value)
            assert question.recall is None or question.recall in seen, question.id
            seen.add(question.id)


# -- documents ---------------------------------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES)
def test_every_format_is_steady(words, store: Store, example: str) -> None:
    session = EXAMPLES[example](words, store)
    reloaded = build(words, store.load(session.journey.id))
    for fmt in render.FORMATS:
        first = render.export(session.plan(), fmt)
        assert first == render.export(reloaded, fmt), fmt
        assert first == render.export(session.plan(), fmt), fmt


def test_markdown_shows_the_costed_plan(words, store: Store) -> None:
    text = render.render(edna(words, store).plan(), "md")
    assert ("| Home care visits, morning and bedtime | Getting washed and dressed | An agency "
            "| 14 times a week, 0.5 hours each time, at £24.60 an hour | £172.20 | £8,954.40 "
            "| Personal budget |") in text
    assert "**Over the budget by £2,925.00 a year (£56.25 a week).**" in text
    assert "Budget: £210.00 a week (£10,920.00 a year, indicative)" in text
    assert "£210.00 a week (£210.00 a week" not in text  # never said twice
    assert "| Ask the council to agree paying Carol | Carol | 14 September 2026 | to do |" in text
    assert "| Find out: Paid towards the cost (Support planning) |  |  | to do |" in text
    assert "review" not in text.lower().split("## ", 2)[1]  # a draft: no review dates yet
    assert "- [x] 6. Staying in control" in text and "- [x] 1. What is important" in text
    assert "- **Whose words:** answered by Carol (daughter), unless marked" in text
    assert "**Closest family and friends**" in text


def test_text_and_word_documents(words, store: Store) -> None:
    plan = mia(words, store).plan()
    text = render.render(plan, "txt")
    assert "Personal budget: £22.31 a week, £1,160.00 a year." in text
    assert "Left: £0.00 a year (£0.00 a week)." in text
    assert ("journey checked its list and found nothing missing. The council may still ask for"
            " more.") in text
    document = word_text(render.export(plan, "docx"))
    for expected in ("Support plan for Mia", "1. What is important", "Costed support",
                     "Jake's personal assistant, from his own personal budget", "£2,684.50",
                     "Action plan",
                     "Open a bank account for the direct payment", "Reviews",
                     "A review of the direct payment, within 6 months of its first payment: "
                     "by 16 September 2026"):
        assert expected in document, expected
    large = render.export(plan, "docx", large_print=True)
    assert b"" != large != render.export(plan, "docx")


def word_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


@pytest.mark.parametrize("fmt", ["html", "profile-html"])
def test_html_is_one_file_that_fetches_nothing(words, store: Store, fmt: str) -> None:
    page = render.render(gareth(words, store).plan(), fmt)
    tags = Tags()
    tags.feed(page)
    assert not {"script", "link", "img", "iframe", "object", "embed", "image", "use"} & set(
        tags.tags)
    assert not [a for a, _ in tags.attrs if a in ("src", "href", "srcset", "xlink:href")]
    assert "url(" not in tags.style and "@import" not in tags.style
    assert "@media print" in tags.style
    large = render.render(gareth(words, store).plan(), fmt, large_print=True)
    assert '<body class="large">' in large and '<body class="large">' not in page


def test_html_draws_the_budget_and_the_circle(words, store: Store) -> None:
    page = render.render(gareth(words, store).plan(), "html")
    assert page.count("<svg") == 2
    assert "£3,494.40 a year, budget £3,600.00" in page
    # Every name is shown whole, a long one on two lines, never cut short.
    for line in ("Mum", "Dave", "The Red Lion", "quiz team", "Rugby club", "Sian", "Gareth"):
        assert f">{line}</tspan>" in page, line
    assert "…" not in page
    for ring in ("Closest family", "and friends", "Friends and", "neighbours", "Groups and",
                 "places", "Paid people"):
        assert f">{ring}</tspan>" in page, ring
    over = render.render(edna(words, store).plan(), "html")
    assert "over-bar" in over and "(over)" in over


def test_one_page_profile(words, store: Store) -> None:
    text = render.render(mia(words, store).plan(), "profile-md")
    assert text.startswith("# One-page profile: Mia")
    sections = text.split("\n## ")[1:]
    assert [s.splitlines()[0] for s in sections] == [
        "What people like and admire about me", "What is important to me",
        "How best to support me", "What must never happen"]
    assert "- I never give up" in sections[0]
    assert "- Walking" in sections[1] and "- The river path" in sections[1]
    assert "- Tell me the plan for the week on Sunday" in sections[2]
    assert "- Eight hours of sleep" in sections[2]
    assert "- The boys split up into different homes" in sections[3]
    assert "Costed support" not in text


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% raw %} & [x](http://evil) # h \x1b[31mred\x07"


def hostile_journey(words, store: Store) -> Session:
    people = [{"name": HOSTILE, "relation": HOSTILE, "ring": ring, "helps": HOSTILE}
              for ring in ("closest", "paid")]
    return walk(words, store, {
        "welcome.name": "<b>{{ name }}</b>", "welcome.mode": "self",
        "rights.hopes": HOSTILE,
        "circle.people": people,
        "dreams.admire": [HOSTILE],
        "planning.costs": [item(HOSTILE, "pa", 1, "week", "1", "10", "hour", "free", HOSTILE)],
        "happen.first-steps": [{"what": HOSTILE, "who": HOSTILE, "by": "", "status": "to-do"}],
    })


@pytest.mark.parametrize("fmt", list(render.FORMATS))
def test_hostile_text_comes_out_inert(words, store: Store, fmt: str) -> None:
    plan = hostile_journey(words, store).plan()
    data = render.export(plan, fmt)
    text = word_text(data) if fmt.endswith("docx") else data.decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert "49" not in text
    assert "{{ 7*7 }}" in text or "{{ 7\\*7 }}" in text
    if fmt.endswith("html"):
        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "<b>" not in text and "&lt;b&gt;" in text
        assert 'href="' not in text
    elif fmt in ("md", "profile-md"):
        assert "<script>" not in text and "\\<script\\>" in text
        assert "\\[x\\](http://evil)" in text
        assert "\n# h" not in text
    elif fmt.endswith("docx"):
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        assert "<script>" not in xml and "&lt;script&gt;" in xml
    else:
        assert "<script>alert(1)</script>" in text  # plain text: shown as typed, nothing runs


# -- content: compound conditions and the profile --------------------------------------

def test_compound_conditions(tmp_path) -> None:
    import shutil

    from pydantic import ValidationError

    from journey import content
    from journey.content import Condition, ContentError
    from journey.content.checking import validate

    either = Condition(any_of=[Condition(question="a", one_of=["x"]),
                               Condition(all_of=[Condition(question="b", one_of=["y"]),
                                                 Condition(question="c", none_of=["z"])])])
    assert list(either.questions()) == ["a", "b", "c"]
    assert either.holds({"a": "x"}) and either.holds({"b": "y", "c": "w"})
    assert not either.holds({"b": "y", "c": "z"}) and not either.holds({})
    for bad in ({"any_of": []}, {"any_of": [{"question": "a", "one_of": ["x"]}], "question": "a"},
                {"one_of": ["x"]}, {"any_of": [{"question": "a", "one_of": ["x"]}],
                                    "all_of": [{"question": "a", "one_of": ["x"]}]}):
        with pytest.raises(ValidationError):
            validate(Condition, bad)

    root = tmp_path / "content"
    shutil.copytree(content.content_dir(), root)
    step = root / "steps" / "03-personal-budget.toml"
    step.write_text(step.read_text().replace(
        '{ question = "personal-budget.family-household", one_of = ["yes"] }',
        '{ question = "personal-budget.nowhere", one_of = ["yes"] }'))
    with pytest.raises(ContentError, match=r"personal-budget\.nowhere"):
        content.load(root)
    shutil.copy(content.content_dir() / "steps" / "03-personal-budget.toml", step)
    words = root / "journey.toml"
    words.write_text(words.read_text().replace('"dreams.admire"]', '"dreams.nothing"]'))
    with pytest.raises(ContentError, match=r"dreams\.nothing"):
        content.load(root)
