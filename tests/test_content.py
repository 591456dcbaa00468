"""The content files: all twelve steps load, and a broken file says where and what."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from journey import content
from journey.content import ContentError, Kind, conditions

STEPS = [
    "rights", "assessment", "personal-budget", "health-budget", "circle", "advocacy",
    "brokerage", "dreams", "options", "connections", "planning", "happen",
]


def test_twelve_steps_in_order_with_real_questions(words) -> None:
    assert [s.id for s in words.steps] == STEPS
    for step in words.steps:
        assert len(step.questions) >= 3, step.id
        for q in step.questions:
            assert q.why and q.ask and q.feeds


def test_every_criterion_is_fed_by_some_question(words) -> None:
    fed = {q.feeds for s in words.all_steps for q in s.questions}
    criteria = [s.id for s in words.plan_sections if s.criterion]
    assert len(criteria) == 7
    assert set(criteria) <= fed


def test_health_budget_step_collapses_to_one_question(words) -> None:
    step = words.step("health-budget")
    first, *rest = step.questions
    assert rest and all(any(first.id in c.questions() for c in conditions(q.when))
                        for q in rest)
    assert step.needed is not None and list(step.needed.questions()) == [first.id]


def test_every_message_the_code_uses_exists_and_none_is_left_over(words) -> None:
    source = "\n".join(p.read_text() for p in Path(content.__file__).parents[1].rglob("*.py"))
    used = set(re.findall(r'message\(\s*"([a-z_]+)"(?! \+)', source))
    assert used and used <= set(words.messages), used - set(words.messages)
    # Keys built from a prefix: "period_" + a Period, "status_" + a Status.
    prefixes = set(re.findall(r'"([a-z_]+_)" \+', source))
    unused = {k for k in words.messages
              if f'"{k}"' not in source and not any(k.startswith(p) for p in prefixes)}
    assert not unused


def test_wording_inserts_the_name_as_plain_text(words) -> None:
    q = words.question("rights.hopes")
    hostile = "{name} [b]x[/b] {{ 7*7 }}"
    assert q.wording(hostile, about=True) == (
        "What would {name} [b]x[/b] {{ 7*7 }} most like this plan to help with?"
    )
    assert q.wording("Sam") == q.ask


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(content.content_dir(), root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_unknown_key_names_file_and_question(copy: Path) -> None:
    step = copy / "steps" / "01-rights.toml"
    _edit(step, 'label = "Hopes for this plan"', 'label = "Hopes for this plan"\nwhy_ask = "typo"')
    with pytest.raises(ContentError) as e:
        content.load(copy)
    assert "01-rights.toml" in str(e.value)
    assert "rights.hopes" in str(e.value)
    assert "why_ask" in str(e.value)


# Each broken file: (step file, text to replace, replacement, what the error must say).
BROKEN = {
    "missing why": ("01-rights.toml",
                    'why = "Starting with what matters to you keeps the plan yours."\n', "",
                    r"rights\.hopes.*why"),
    "unknown kind": ("01-rights.toml", 'kind = "text"', 'kind = "essay"', "kind"),
    "bad TOML": ("01-rights.toml", 'kind = "text"', 'kind = "text"\n[[[broken',
                 "not valid TOML"),
    "feeds nowhere": ("01-rights.toml", 'feeds = "change"', 'feeds = "nowhere"', "nowhere"),
    "condition on no question": ("04-health-budget.toml", 'question = "health-budget.route"',
                                 'question = "nope"', "nope"),
    "unknown placeholder": ("01-rights.toml", "most like this plan",
                            "most like {plan.__class__}", "placeholder"),
    "choice without choices": ("01-rights.toml", 'kind = "text"', 'kind = "choice"',
                               "choices"),
    "source not listed": ("01-rights.toml", 'feeds = "change"',
                          'feeds = "change"\nsources = ["made-up-act"]', "made-up-act"),
    "four paragraphs of introduction": ("01-rights.toml", 'intro = """',
                                        'intro = """\nOne.\n\nTwo.\n\nThree.\n\n',
                                        "at most 3 paragraphs"),
    "empty any_of": ("04-health-budget.toml", 'when = { question = "health-budget.route", '
                     'none_of = ["none"] }', "when = { any_of = [] }", "any_of"),
}


@pytest.mark.parametrize(("file", "old", "new", "says"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_content_is_refused(copy: Path, file: str, old: str, new: str, says: str) -> None:
    _edit(copy / "steps" / file, old, new)
    with pytest.raises(ContentError, match=says):
        content.load(copy)


def test_glossary_and_sources_files_are_checked(copy: Path) -> None:
    _edit(copy / "glossary.toml", "meaning =", "meening =")
    with pytest.raises(ContentError, match=r"glossary.toml.*meening"):
        content.load(copy)



@pytest.mark.parametrize(("file", "old", "new", "says"), [
    ("glossary.toml", 'sources = ["needs-assessment"]', 'sources = ["made-up-act"]',
     r"glossary term 'assessment' cites 'made-up-act', which is not a source"),
    ("journey.toml", 'sources = ["national-living-wage"]', 'sources = ["made-up-act"]',
     r"pay floor 'National Living Wage' cites 'made-up-act', which is not a source"),
], ids=["glossary", "pay floor"])
def test_a_glossary_term_or_pay_floor_citing_no_listed_source_is_refused(
        copy: Path, file: str, old: str, new: str, says: str) -> None:
    _edit(copy / file, old, new)
    with pytest.raises(ContentError, match=says):
        content.load(copy)

def test_a_condition_may_need_any_of_several_answers(words) -> None:
    from journey.content import Condition
    from journey.content.checking import validate

    either = validate(Condition, {
        "any_of": [{"question": "a", "one_of": ["x"]}, {"question": "b", "one_of": ["y"]}]})
    assert either.holds({"b": "y"}) and not either.holds({"a": "y", "b": "x"})
    assert list(either.questions()) == ["a", "b"]
    with pytest.raises(ValueError, match="any_of"):
        validate(Condition, {"question": "a", "one_of": ["x"], "any_of": []})


def test_all_kinds_are_used(words) -> None:
    used = {q.kind for s in [*words.all_steps, words.review] for q in s.questions}
    assert used == set(Kind)
