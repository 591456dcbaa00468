"""The assessment preparation sheet and the helpers' results, built through the real session."""

from __future__ import annotations

from journey.cli.main import main
from journey.documents import render
from journey.plan import prep, results

from .helpers import start


def prepared(words, store, route: str, hard: dict[str, str], name: str = "Sam"):
    session = start(words, store, name=name)
    session.go_to_question("assessment.status")
    session.answer("not-yet")  # the helper gets a person ready for an assessment to come
    session.go_to_question("assessment.prepare")
    session.answer(route)
    while session.question and session.question.id.startswith("assessment."):
        asked = session.question.id
        parts = asked.split(".")
        if asked == "assessment.carer-health":
            session.answer("no")
        elif asked == "assessment.tell":
            break
        elif parts[-1] == "hard":
            session.answer(hard.get(parts[2], "no"))
        elif parts[-1] == "how":
            session.answer(["risk"])
        else:
            session.answer("A bad day *here*")
    return session


def test_one_hard_outcome_is_counted_and_the_rule_is_stated(words, store) -> None:
    session = prepared(words, store, "adult", {"nutrition": "sometimes"})
    found = results.findings(words, session.journey)
    assert [f.id for f in found] == ["assessment.ready"]
    lines = [line.text for line in found[0].lines]
    assert lines[0] == (
        "The areas for adults you said are hard for you (1 of 10): Eating and drinking.")
    assert any("two or more" in line for line in lines)
    assert lines[-1].startswith("Only the council decides")


def test_no_hard_outcome_says_so_and_never_decides(words, store) -> None:
    session = prepared(words, store, "both", {})
    lines = [line.text for line in results.findings(words, session.journey)[0].lines]
    assert "You did not say that any of the 10 areas for adults are hard for you." in lines
    assert "You did not say that any of the 8 areas for carers are hard for you." in lines
    assert not any("are eligible." in line and "Only" not in line for line in lines)


def test_sheet_lists_outcomes_in_both_kinds_of_words(words, store) -> None:
    session = prepared(words, store, "adult", {"hygiene": "yes", "community": "yes"},
                       name="{{ 7*7 }} <b>")
    sheet = prep.build(words, session.journey)
    (group,) = sheet.groups
    hard = [o for o in group.outcomes if o.hard]
    assert [o.label for o in hard] == ["Getting washed and keeping clean",
                                       "Going to local places"]
    assert hard[0].legal == "maintaining personal hygiene"
    assert [s.label for s in hard[0].said] == ["Is it hard?", "How it is hard", "A bad day"]
    text = render.render_prep(sheet)
    assert "{{ 7\\*7 }} \\<b\\>" in text and "49" not in text
    assert "A bad day \\*here\\*" in text


def test_a_route_changed_later_leaves_the_old_answers_out(words, store) -> None:
    session = prepared(words, store, "adult", {"hygiene": "yes"})
    session.go_to_question("assessment.prepare")
    session.answer("carer")
    sheet = prep.build(words, session.journey)
    assert [g.title for g in sheet.groups] == ["The eight outcomes for carers"]
    plan_lines = [line for s in session.plan().sections for e in s.entries for line in e.lines]
    assert not any("hygiene" in line.lower() or "washed" in line for line in plan_lines)


def test_export_prep_from_the_command_line(words, store, capsys) -> None:
    session = prepared(words, store, "adult", {"toilet": "yes"})
    assert main(["export", session.journey.id, "--format", "prep"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Getting ready for the assessment: Sam")
    assert "#### Using the toilet" in out


def test_advocacy_with_a_helper_but_a_long_stay_still_points_to_an_advocate(words, store):
    session = start(words, store)
    session.go_to("advocacy")
    for answer in (["understand"], "yes",
                   {"name": "Kim", "relation": "friend"}, ["long-stay"]):
        session.answer(answer)
    assert session.question.id == "advocacy.want"
    (found,) = [f for f in results.findings(words, session.journey) if f.id == "advocacy.right"]
    said = " ".join(line.text for line in found.lines)
    assert "the council must still find an advocate" in said
    assert "does not have to find" not in said
    assert "Care and Support (Independent Advocacy Support) (No. 2) Regulations 2014" in [
        words.source(s).reference for line in found.lines for s in line.sources]


def test_advocacy_when_nothing_is_very_hard(words, store) -> None:
    session = start(words, store)
    session.go_to("advocacy")
    # With nothing very hard, the questions about someone to help are not asked.
    for answer in (["none"], ["nhs-complaint"]):
        session.answer(answer)
    assert session.question.id == "advocacy.want"
    (found,) = [f for f in results.findings(words, session.journey) if f.id == "advocacy.right"]
    said = [line.text for line in found.lines]
    assert said[0].startswith("None of the four things seems very hard for you.")
    assert any("NHS complaints advocacy" in line for line in said)
    assert not any("must find an advocate for" in line for line in said)
