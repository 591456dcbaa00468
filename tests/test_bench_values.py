"""scripts/bench answers every kind of question; a new kind must get a sample answer there,
or the benchmark stops halfway."""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

from journey.content import Kind
from journey.core import fit

BENCH = Path(__file__).resolve().parent.parent / "scripts" / "bench"


def test_bench_has_an_answer_for_every_kind(words) -> None:
    loader = SourceFileLoader("bench", str(BENCH))
    bench = module_from_spec(spec_from_loader("bench", loader))
    sys.modules["bench"] = bench  # its dataclasses look themselves up there
    try:
        loader.exec_module(bench)
    finally:
        del sys.modules["bench"]
    steps = [*words.all_steps, words.review]
    kinds = {q.kind for s in steps for q in s.questions}
    assert kinds == set(Kind)
    for step in steps:
        for question in step.questions:
            value = bench.value_for(question, 3)
            assert value is not None and fit.fits(question, value), question.id
