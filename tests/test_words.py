"""The words themselves: every question is complete, every legal statement says where it comes
from, and the text is easy to read (scripts/readability reports the same figures)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest

from journey.content import Journey as Content
from journey.content import paragraphs, readability
from journey.money.kinds import load as money_words

# Words that mark a statement of law or official rules. Text carrying one must cite a source.
LEGAL = re.compile(
    r"\b(must|the law|by law|legal|a right|right to|rights\b|Care Act|Act\b|regulations?|"
    r"section \d|guidance|eligib\w*|entitled)", re.IGNORECASE)


def cited_texts(words: Content) -> Iterator[tuple[str, str, list[str]]]:
    """(where, text, sources it cites) for every text that can state a fact, the review's
    too."""
    review = [words.review] if words.review is not None else []
    for kind in (k for r in review for k in r.kinds):
        yield f"review kind {kind.value}", kind.label, kind.sources
    for step in [*words.all_steps, *review]:
        for text in (step.intro, step.intro_about, step.more, *step.facilitator):
            if text:
                yield f"step {step.id}", text, step.sources
        for q in step.questions:
            for text in (q.ask, q.ask_about, q.why, *q.examples, *(c.label for c in q.choices)):
                if text:
                    yield f"question {q.id}", text, q.sources
        for result in step.results:
            for n, rule in enumerate(result.rules, start=1):
                for text in (rule.say, rule.say_about):
                    if text:
                        yield f"result {result.id} rule {n}", text, rule.sources
    for term in words.glossary:
        yield f"glossary {term.term}", term.meaning, term.sources
    for cost in words.employer_costs:
        yield f"employer's cost {cost.id}", cost.says, cost.sources
    for check in words.revision_checks:
        yield f"revision check {check.id}", check.says, check.sources


def test_every_legal_statement_cites_a_source(words) -> None:
    missing = [(where, text) for where, text, sources in cited_texts(words)
               if LEGAL.search(text) and not sources]
    assert not missing


def test_messages_and_plan_hints_state_no_law(words) -> None:
    # standing_* name the kind of a source ("the law"); they state no fact themselves.
    plain = [text for key, text in words.messages.items() if not key.startswith("standing_")]
    plain += [s.hint for s in words.plan_sections]
    assert not [text for text in plain if LEGAL.search(text)]


def test_no_text_tells_anyone_they_are_entitled(words) -> None:
    said = [text for where, text, _ in cited_texts(words)
            if "entitled" in text.lower() and not any(
                text in s.facilitator for s in words.all_steps)]
    assert not said


def test_every_source_is_cited_somewhere(words) -> None:
    cited = {s for _, _, sources in cited_texts(words) for s in sources}
    cited |= {s for step in words.all_steps for r in step.repeats for o in r.outcomes
              for s in o.sources}
    cited |= {s for floor in words.pay_floors for s in floor.sources}
    # The direct-payment record's findings cite theirs in money.toml.
    cited |= {s for ids in money_words(words).sources.values() for s in ids}
    assert {s.id for s in words.sources} == cited


@pytest.mark.parametrize("step_id", ["rights", "assessment", "personal-budget", "health-budget",
                                     "circle", "advocacy", "brokerage", "dreams", "options",
                                     "connections", "planning", "happen"])
def test_every_step_is_complete(words, step_id: str) -> None:
    step = words.step(step_id)
    assert 1 <= len(paragraphs(step.intro)) <= 3
    assert step.intro_about and "{name}" in step.intro_about
    assert step.more and len(paragraphs(step.more)) >= 2
    assert 2 <= len(step.facilitator) <= 4
    own = [q for q in step.questions if not any(q.id.startswith(r.id + ".")
                                                 for r in step.repeats)]
    # Questions that only some people meet (paying family, employing someone) come on top.
    asked_of_everyone = [q for q in own if q.when is None]
    assert len(own) >= 4 and len(asked_of_everyone) <= 12, (len(own), len(asked_of_everyone))
    # Open questions first: the step starts with one the person answers in their own words,
    # or shows one they gave before (asked once, and shown where it is needed).
    opening = [own[0], *([words.question(own[0].recall)] if own[0].recall else [])]
    assert any(q.kind in ("text", "list", "people", "multi") for q in opening), own[0].id
    for q in step.questions:
        assert q.id and q.why and q.feeds
        assert q.ask_about and "{name}" in q.ask_about, q.id
        assert not q.required, q.id  # "not sure yet" is always allowed


def test_the_glossary_explains_the_words_people_meet(words) -> None:
    terms = {t.term.lower() for t in words.glossary}
    needed = {"personal budget", "direct payment", "indicative budget", "personal assistant",
              "support broker", "advocate", "circle of support", "individual service fund",
              "nhs continuing healthcare", "imca", "imha", "wellbeing", "assessment"}
    assert needed <= terms


def test_reading_ease_meets_the_targets(words) -> None:
    report = readability.report(words)
    assert report.median <= readability.MEDIAN_GRADE
    assert report.p95 <= readability.P95_GRADE
    assert not report.long, [(s.where, s.text) for s in report.long]
    assert not report.long_questions, [(s.where, s.text) for s in report.long_questions]
    assert report.questions > 100


def test_a_long_or_hard_sentence_is_caught(words) -> None:
    hard = ("The council's determination concerning eligibility necessitates consideration "
            "of multifarious circumstances, notwithstanding individual preferences expressed "
            "previously by representatives.")
    assert readability.grade(hard, readability.excused(words)) > readability.P95_GRADE
    assert readability.Sentence("x", hard, question=True).words > readability.MAX_WORDS - 5
    # Only the proper names of Acts and bodies are taken out before scoring.
    easy = "Ask about the Care and Support (Eligibility Criteria) Regulations 2015 now."
    assert readability.grade(easy, readability.excused(words)) < 4


def test_a_list_joined_by_bars_is_counted_not_graded(words) -> None:
    # The ways of saying one word, and column headings, have "|" between them: run together
    # they would score as one long, hard sentence.
    repeat = words.messages["plain_word_repeat"]
    assert readability.list_items(repeat) == repeat.split("|")
    report = readability.report(words)
    graded = {s.text for s, _ in report.sentences}
    listed = {s.text for s in report.fragments if s.item}
    for key in ("plain_word_repeat", "list_deleted_columns", "list_columns"):
        items = words.messages[key].split("|")
        assert words.messages[key] not in graded and not set(items) & graded, key
        assert set(items) <= listed, key
    # A sentence that holds a "|" is still a sentence, and still graded.
    for sentence in ("Type repeat|again to hear the question once more.",
                     "Type one of these words|or press enter and wait for the council."):
        assert readability.list_items(sentence) is None
    said = "Type repeat|again to hear the question once more."
    hard = replace(words, messages={**words.messages, "test_bar": said})
    assert said in {s.text for s, _ in readability.report(hard).sentences}
    # Prose with a spaced bar, or long items, is not a list either.
    assert readability.list_items("Yes | no") is None
    assert readability.list_items("a|" + "word " * 7 + "more") is None


def test_the_money_records_words_are_graded_too(words, tmp_path) -> None:
    # The direct-payment record's words live in money.toml, beside the rest of the content.
    shipped = {s.where for s, _ in readability.report(words).sentences}
    assert any(where.startswith("money message ") for where in shipped)
    hard = ("Reconciliation necessitates contemporaneous documentation substantiating "
            "expenditure.")
    (tmp_path / "money.toml").write_text(
        f'[messages]\nhard = "{hard}"\ncolumns = "Day|Amount|Who"\n'
        '[[kinds]]\nid = "council"\nlabel = "Money the council pays in each month"\n',
        encoding="utf-8")
    report = readability.report(words, tmp_path)
    graded = {s.text: (s.where, grade) for s, grade in report.sentences}
    assert graded[hard][0] == "money message hard" and graded[hard][1] > readability.P95_GRADE
    assert graded["Money the council pays in each month"][0] == "money kinds council"
    assert {"Day", "Amount", "Who"} <= {s.text for s in report.fragments if s.item}
    # A money file that cannot be read adds nothing (journey.money names its fault) and the
    # rest is graded as before.
    (tmp_path / "money.toml").write_text("[messages\n", encoding="utf-8")
    rest = readability.report(words, tmp_path)
    assert not any(s.where.startswith("money") for s, _ in rest.sentences)
    assert len(rest.sentences) > 2000


def test_text_is_graded_as_people_read_it(words) -> None:
    # Glossary words are graded like any other: the glossary explains them, but people
    # still have to read them.
    names = readability.excused(words)
    assert not {t.term for t in words.glossary} & set(names)
    assert len(names) <= 20
    hard = "Ask about an Individual Service Fund or a notional budget."
    assert readability.grade(hard, names) > readability.P95_GRADE
    long_question = readability.Sentence(
        "x", "Would you like to ask the council to look again at what it decided last year?",
        question=True)
    report = readability.Report([(long_question, 2.0)], [])
    assert report.long_questions == [long_question] and not report.ok


def test_why_and_choices_follow_the_mode(words) -> None:
    # Reasons that speak to the person have a version about them by name, as questions do.
    for step in words.all_steps:
        for q in step.questions:
            if re.search(r"\byour?\b", q.why) and "{name}" not in q.why:
                assert q.why_about, q.id
            # Choices read right whoever is answering: one that speaks as the person, or
            # to them, has a version about them by name, which speaks as neither.
            if step is not words.welcome:
                for choice in q.choices:
                    if re.search(r"\b(I|my|me|we|We|us|you|your)\b", choice.label):
                        assert choice.label_about and "{name}" in choice.label_about, (
                            q.id, choice.label)
                    assert not re.search(r"\b(I|my|me|we|We|us|you|your)\b",
                                         choice.label_about or ""), (q.id, choice.value)
    q = words.question("dreams.love")
    assert q.why_template() == "Good support makes room for the things you love."
    assert q.why_template(about=True) == "Good support makes room for the things {name} loves."


def test_outcome_questions_lead_with_the_everyday_words(words) -> None:
    q = words.question("assessment.adult.community.bad-day")
    assert q.wording("Sam") == ("Think about going to local places, like the shops or the bus. "
                                "What is that like for you on a bad day?")


def test_the_four_advocacy_questions_are_kind_and_a_no_stays_out_of_the_plan(words) -> None:
    # The four things the law looks at are one kind question: pick any that are very hard.
    hard = words.question("advocacy.hard")
    assert "not a test" in hard.ask and "not a test" in (hard.ask_about or "")
    assert [c.value for c in hard.choices] == ["understand", "remember", "weigh", "say", "none"]
    assert hard.quiet == ["none"]


def test_glossary_words_are_found_only_in_journeys_own_wording(words) -> None:
    from journey.content.glossary import fill_marked, terms_in

    template = words.question("personal-budget.managed").template(about=True)
    pieces = fill_marked(template, words, {"name": "Direct Payment [b]x[/b]"})
    assert ("Direct Payment [b]x[/b]", None) in pieces
    assert terms_in(pieces) == []
    pieces = fill_marked("A personal health budget is not a personal budget.", words, {})
    assert [t.term for t in terms_in(pieces)] == ["personal health budget", "personal budget"]


# -- facts that were once wrong ------------------------------------------------------------

def test_a_personal_budget_is_the_cost_of_the_needs_the_council_will_meet(words) -> None:
    budget = next(t for t in words.glossary if t.term == "personal budget")
    texts = [budget.meaning, words.step("personal-budget").intro,
             words.step("personal-budget").intro_about or "", words.step("rights").more or ""]
    for text in texts:
        assert "cost" in text and "council" in text and "needs" in text, text
        assert "money your support will cost" not in text
        assert "what your support will cost" not in text


def test_paying_family_covers_a_relatives_partner_and_help_running_the_payment(words) -> None:
    relation = words.question("personal-budget.family-relation")
    assert "relative-partner" in [c.value for c in relation.choices]
    household = words.question("personal-budget.family-household")
    assert household.applies({"personal-budget.family-relation": "relative-partner"})
    more = words.step("personal-budget").more or ""
    assert "help run the direct payment" in more and "husband, wife or partner" in more
    assert "direct-payments" in words.step("personal-budget").sources


def test_the_council_judges_whether_a_helper_is_suitable(words) -> None:
    rules = [r for r in words.step("advocacy").results[0].rules if r.say and "suitable" in r.say]
    assert rules
    for rule in rules:
        for text in (rule.say, rule.say_about or ""):
            if "does not have to find" in text:
                assert "If the council agrees" in text, text


def test_reviews_are_worded_as_the_rules_say(words) -> None:
    happen = words.step("happen").more or ""
    assert "within 6 months of the first payment" in happen
    assert "should think about" in happen
    assert "first payment" in words.messages["review_direct_payment"]
    assert "should" in words.messages["review_light"]


# -- what people need at the council's door ----------------------------------------------

def step_texts(words: Content, step_id: str) -> str:
    step = words.step(step_id) if step_id != "welcome" else words.welcome
    parts = [step.intro, step.intro_about or "", step.more or ""]
    parts += [t for q in step.questions for t in (q.ask, q.why, *(c.label for c in q.choices))]
    parts += [r.say for res in step.results for r in res.rules]
    return "\n".join(parts)


@pytest.mark.parametrize(("step_id", "says", "source"), [
    ("welcome", "law in England", "where-rules-apply"),
    ("welcome", "Only the council can decide", "where-rules-apply"),
    ("rights", "parent carer's needs assessment", "parent-carer-assessment"),
    ("rights", "young carer's needs assessment", "young-carer-assessment"),
    ("rights", "transition assessment", "transition"),
    ("assessment", "Nobody has to keep caring", "carer-able-willing"),
    ("assessment", "able and willing", "carer-able-willing"),
    ("rights", "best interests", "mental-capacity"),
    ("rights", "Lasting Power of Attorney", "lpa-deputy"),
    ("rights", "authorised person", "authorised-person"),
    ("rights", "conflict of interest", "behalf-practice"),
    ("assessment", "in writing. It must say why", "decision-in-writing"),
    ("assessment", "Ombudsman", "ombudsman"),
    ("assessment", "complaint", "complaints"),
    ("planning", "give you a copy", "plan-involvement"),
    ("planning", "try to agree the plan with you", "plan-involvement"),
    ("personal-budget", "financial assessment", "charging"),
    ("personal-budget", "free for up to 6 weeks", "free-care"),
    ("personal-budget", "£1,000", "free-care"),
    ("personal-budget", "Disabled Facilities Grant", "dfg"),
    ("personal-budget", "benefits check", "benefits-check"),
    ("personal-budget", "mobility part", "benefits-counted"),
    ("personal-budget", "Continuing Healthcare checklist", "chc-checklist"),
    ("rights", "call 999", "safeguarding"),
])
def test_each_topic_is_there_and_sourced(words, step_id: str, says: str, source: str) -> None:
    assert says in step_texts(words, step_id)
    step = words.step(step_id) if step_id != "welcome" else words.welcome
    cited = {*step.sources, *(s for q in step.questions for s in q.sources),
             *(s for res in step.results for r in res.rules for s in r.sources)}
    assert source in cited


def test_planning_for_someone_else_is_asked_only_on_their_behalf(words) -> None:
    for question_id in ("rights.knows", "rights.their-views"):
        question = words.question(question_id)
        assert question.applies({"welcome.mode": "behalf"})
        assert not question.applies({"welcome.mode": "self"})
        assert not question.applies({"welcome.mode": "with"})


def test_decisions_are_asked_one_at_a_time_whenever_someone_else_takes_part(words) -> None:
    for question_id in ("rights.decide", "rights.decide-home", "rights.decide-money",
                        "rights.paid-helper"):
        question = words.question(question_id)
        assert question.applies({"welcome.mode": "behalf"})
        assert question.applies({"welcome.mode": "with"})
        assert not question.applies({"welcome.mode": "self"})
    power, money = words.question("rights.power"), words.question("rights.power-money")
    assert power.applies({"welcome.mode": "with", "rights.decide-home": "no"})
    assert not power.applies({"welcome.mode": "with", "rights.decide-money": "no"})
    assert money.applies({"welcome.mode": "behalf", "rights.decide-money": "no"})
    assert not money.applies({"welcome.mode": "behalf", "rights.decide": "no"})
    # The powers offered fit the decision: money's are not care's.
    assert "appointee" in [c.value for c in money.choices]
    assert "appointee" not in [c.value for c in power.choices]
    assert "health and care" in " ".join(c.label for c in power.choices)
    assert "Lasting Power of Attorney for money" in " ".join(c.label for c in money.choices)


def test_children_are_asked_about_only_by_carers(words) -> None:
    age = words.question("rights.cared-for-age")
    assert age.applies({"rights.who": "carer"}) and not age.applies({"rights.who": "person"})
