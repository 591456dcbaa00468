"""Turn each Repeat in a step's data into ordinary questions, one set per outcome."""

from __future__ import annotations

import copy
from typing import Any

from journey.content.wording import PLACEHOLDER


def _fill_outcome(value: Any, outcome: dict) -> Any:
    """Put an outcome's everyday words into a repeated question's wording (content only)."""
    if isinstance(value, str):
        words = {"outcome": str(outcome.get("phrase", "")),
                 "label": str(outcome.get("label", ""))}
        return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [_fill_outcome(v, outcome) for v in value]
    if isinstance(value, dict):
        return {k: _fill_outcome(v, outcome) for k, v in value.items()}
    return value


def _local(condition: Any, prefix: str, siblings: set[str]) -> Any:
    """A condition on a short id means the question for the same outcome."""
    if isinstance(condition, list):
        return [_local(c, prefix, siblings) for c in condition]
    if not isinstance(condition, dict):
        return condition
    local = dict(condition)
    if local.get("question") in siblings:
        local["question"] = f"{prefix}.{local['question']}"
    if isinstance(local.get("any_of"), list):
        local["any_of"] = [_local(c, prefix, siblings) for c in local["any_of"]]
    return local


def expand(data: dict) -> dict:
    """A step's data with each Repeat turned into ordinary questions. What is wrong with a
    Repeat itself is left for validation to report."""
    repeats = data.get("repeats")
    if not isinstance(repeats, list) or not repeats:
        return data
    questions = list(data.get("questions", []))
    for repeat in repeats:
        if not isinstance(repeat, dict):
            continue
        templates = [t for t in repeat.get("questions", []) if isinstance(t, dict)]
        siblings = {str(t.get("id")) for t in templates}
        made = []
        for outcome in repeat.get("outcomes", []):
            if not isinstance(outcome, dict):
                continue
            prefix = f"{repeat.get('id')}.{outcome.get('id')}"
            for template in templates:
                q = {k: v for k, v in copy.deepcopy(template).items()
                     if k != "outcome_examples"}
                q = _fill_outcome(q, outcome)
                q["id"] = f"{prefix}.{template.get('id')}"
                if template.get("outcome_examples"):
                    q["examples"] = list(outcome.get("examples", []))
                q["when"] = conditions_data(repeat.get("when")) + conditions_data(
                    _local(template.get("when"), prefix, siblings))
                q["sources"] = list(dict.fromkeys(
                    [*template.get("sources", []), *outcome.get("sources", [])]))
                made.append(q)
        ids = [q.get("id") for q in questions if isinstance(q, dict)]
        at = ids.index(repeat.get("after")) + 1 if repeat.get("after") in ids else len(questions)
        questions[at:at] = made
    return {**data, "questions": questions}


def conditions_data(when: Any) -> list:
    if when is None:
        return []
    return list(when) if isinstance(when, list) else [when]
