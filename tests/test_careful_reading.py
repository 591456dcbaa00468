"""What a careful reader of the words checks: each fact says as much as its source does and no
more, and the small words are right."""

from __future__ import annotations

import re

from journey.content import Journey as Content
from journey.content.loading import content_dir

from .examples import item, walk

SELF = {"welcome.name": "Ann", "welcome.mode": "self"}


def advocacy_long_stay_texts(words: Content) -> list[str]:
    step = words.step("advocacy")
    other = words.question("advocacy.other")
    long_stay = [c.label for c in other.choices if c.value == "long-stay"]
    texts = [step.more or "", other.why, *long_stay]
    texts += [text for result in step.results for rule in result.rules
              if "advocacy-regulations" in rule.sources
              for text in (rule.say, rule.say_about or "") if "stay" in text]
    return texts


def test_the_advocacy_long_stay_rule_is_about_stays_the_nhs_pays_for(words) -> None:
    texts = advocacy_long_stay_texts(words)
    assert len(texts) >= 4
    for text in texts:
        assert "NHS" in text, text
    more = words.step("advocacy").more or ""
    long_stays = [s for s in re.split(r"(?<=\.)\s+", more) if "28 days" in s or "8 weeks" in s]
    assert long_stays and all("NHS pays for" in s for s in long_stays), long_stays


def test_the_family_list_names_parents_in_law_not_any_partners_parents(words) -> None:
    # The regulations list a parent-in-law; an unmarried partner's parent is not on the list,
    # so "a partner's mum or dad" would wrongly put them among those who cannot be paid.
    relation = words.question("personal-budget.family-relation")
    parent = next(c for c in relation.choices if c.value == "parent")
    assert "in-law" in parent.label
    assert "partner" not in parent.label.lower()


def test_pay_below_the_national_living_wage_says_whom_the_rate_is_for(words, store) -> None:
    answers = {**SELF, "planning.costs": [
        item("Lou, my PA", "pa", 1, "week", "4", "12.50", "hour", "personal-budget")]}
    plan = walk(words, store, {**answers, "happen.start": "2026-05-01"}).plan()
    finding = next(f for f in plan.readiness.findings if f.code == "low_pay")
    said = next(line for line in plan.money.lines if "Lou, my PA" in line and "£12.71" in line)
    for text in (finding.text, said):
        assert "aged 21 and over" in text, text
        assert "under 21" in text.lower() and "GOV.UK" in text, text


def test_sources_say_what_the_guidance_says_and_where(words) -> None:
    by_id = {s.id: s for s in words.sources}
    review = by_id["review-guidance"].reference
    assert "13.32" in review and "signed off" in review and "starts" not in review
    # No paragraph of chapter 11 could be confirmed for the ways to manage a budget.
    assert by_id["ways-to-manage"].reference.endswith("chapter 11")


def test_the_sources_header_counts_the_entries_not_in_the_facts_file() -> None:
    text = (content_dir() / "sources.toml").read_text(encoding="utf-8")
    header = text.split("[[sources]]")[0]
    marked = re.findall(r'# not in the facts file: .*\nid = "([^"]+)"', text)
    named = re.search(r"except the (\w+) marked", header)
    assert named and marked
    assert {"one": 1, "two": 2, "three": 3}[named[1]] == len(marked)
    assert all(m in header for m in marked), marked


def test_a_sentence_put_into_a_message_ends_with_one_full_stop(words) -> None:
    said = words.message("plain_earlier", answer=words.message("not_sure_said"))
    assert said.startswith("Your answer so far: Not sure yet. I will come back to this. Press")
    assert words.message("plain_earlier", answer="Swim").startswith("Your answer so far: Swim. ")
    # An ellipsis is kept whole.
    assert "so far: Well..." in words.message("plain_earlier", answer="Well...")


def test_going_back_in_plain_lines_shows_earlier_answers_with_one_full_stop(
        words, store) -> None:
    from .test_plain import Person, converse

    out = converse(store, words, Person({
        "welcome.name": ["Sam"], "welcome.mode": ["1", "1"],
        "rights.hopes": ["not sure", "back", "To swim"], "rights.why-now": ["back", "Because"]},
        stop="rights.who"))
    assert "Not sure yet. I will come back to this. Press enter" in out
    mode = next(c.label for c in words.question("welcome.mode").choices)
    assert f"{mode.rstrip('.')}. Press enter" in out
    assert ".." not in out.replace("...", "")


def test_plain_lines_say_what_to_add_in_plain_words(words, store) -> None:
    from .test_plain import SCRIPT, Person, converse

    out = converse(store, words, Person(SCRIPT))
    assert "Add one piece of support at a time." in out
    assert "Add one thing to do at a time." in out
    assert not re.search(r"\bone (a|an|something)\b", out, re.IGNORECASE)


# Said to someone planning for another person, these would be about the planner.
ABOUT_THE_PLANNER = re.compile(r"\b(ask you|your (money|feet)|do you want)\b", re.IGNORECASE)


def test_what_the_helpers_say_about_someone_else_is_about_them(words) -> None:
    rules = [rule for step in words.all_steps for result in step.results
             for rule in result.rules if ABOUT_THE_PLANNER.search(rule.say)]
    assert len(rules) >= 5
    for rule in rules:
        said = rule.wording("Sam", about=True)
        assert not ABOUT_THE_PLANNER.search(said), said
        assert "Sam" in said
    paying = next(
        r for s in words.all_steps for res in s.results for r in res.rules
        if r.say.startswith("The council can ask you to pay"))
    assert paying.wording("Sam", about=True).startswith("The council can ask Sam to pay")


def test_someone_new_in_the_circle_is_asked_about_without_saying_you(words) -> None:
    # The same boxes are shown to a person planning for themself and to someone planning
    # for them: "how they know you" would be about the wrong person.
    for key in ("person_relation", "plain_person_relation", "people_relation"):
        text = words.message(key)
        assert not re.search(r"\byou\b", text, re.IGNORECASE), text
        assert "sister" in text


def test_a_one_off_cost_shown_by_the_week_says_so_in_the_same_line(words, store) -> None:
    from journey.documents import render

    plan = walk(words, store, {**SELF, "planning.costs": [
        item("Shower seat", "other", 1, "once", "", "45", "time", "personal-budget"),
        item("Lou, my PA", "pa", 2, "week", "3", "14", "hour", "personal-budget")]}).plan()
    said = "£0.87 (a one-off cost of £45.00, spread over a year)"
    md = render.render(plan, "md").splitlines()
    assert said in next(line for line in md if "Shower seat" in line)
    txt = render.render(plan, "txt")
    assert f"A week: {said}" in txt
    assert "(a one-off" not in next(line for line in md if "Lou, my PA" in line)
    # In the web page each sum is kept whole in a span of its own: the words read the same.
    assert said in re.sub(r"<[^>]+>", "", render.render(plan, "html"))


def test_the_assessment_sheet_is_promised_and_worded_for_an_assessment_to_come(
        words, store) -> None:
    from journey.documents import render
    from journey.plan import prep

    from .helpers import start

    for text in (words.step("assessment").intro, words.step("assessment").intro_about or ""):
        promise = next(s for s in re.split(r"(?<=\.)\s+", text) if "sheet" in s)
        assert promise.startswith("If the assessment is still to come"), promise
    session = start(words, store, name="Sam")
    session.go_to_question("assessment.status")
    session.answer("booked")
    before = render.render_prep(prep.build(words, session.journey))
    assert before.startswith("# Getting ready for the assessment: Sam")
    assert "Take it with you" in before
    session.go_to_question("assessment.status")
    session.answer("yes")
    after = render.render_prep(prep.build(words, session.journey))
    assert after.startswith("# After the assessment: Sam")
    assert "already happened" in after
    for promise in ("at the assessment", "Take it with you", "before the meeting",
                    "Getting ready"):
        assert promise not in after, promise
