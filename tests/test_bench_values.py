"""scripts/bench answers every kind of question; a new kind must get a sample answer there,
or the benchmark stops halfway."""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

from journey.content import Kind

BENCH = Path(__file__).resolve().parent.parent / "scripts" / "bench"


def test_bench_has_an_answer_for_every_kind(words) -> None:
    loader = SourceFileLoader("bench", str(BENCH))
    bench = module_from_spec(spec_from_loader("bench", loader))
    sys.modules["bench"] = bench  # its dataclasses look themselves up there
    try:
        loader.exec_module(bench)
    finally:
        del sys.modules["bench"]
    kinds = {q.kind for s in words.all_steps for q in s.questions}
    assert kinds == set(Kind)
    for step in words.all_steps:
        for question in step.questions:
            assert bench.value_for(question, 3) is not None, question.id
