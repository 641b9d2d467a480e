"""The corpus is the test: every phrasing of tests/corpus/*.txt must give its row's value, and
every look-alike in negatives.txt must give nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.corpus import check_case, check_negative, read_cases, read_negatives

CORPUS = Path(__file__).parent / "corpus"
EXPRESSION_FILES = sorted(p for p in CORPUS.glob("*.txt") if p.name != "negatives.txt")
CASES = [case for path in EXPRESSION_FILES for case in read_cases(path)]
NEGATIVES = list(read_negatives(CORPUS / "negatives.txt"))


def test_corpus_size():
    rows = {(c.group, c.line) for c in CASES}
    assert len(rows) >= 400, "the expression corpus must keep at least 400 rows"
    assert len(NEGATIVES) >= 60, "the negative corpus must keep at least 60 look-alikes"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.expression}" for c in CASES])
def test_expression(case):
    problem = check_case(case)
    assert problem is None, f"[{case.expression}] want {case.value} mod={case.mod}: {problem}"


@pytest.mark.parametrize("line,text,start,end,bracketed", NEGATIVES, ids=[f"{n[0]}" for n in NEGATIVES])
def test_negative(line, text, start, end, bracketed):
    found = check_negative(text, start, end, bracketed)
    assert found is None, f"negatives.txt:{line}: {text!r} gave {found}"

