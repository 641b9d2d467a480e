"""The corpus is the test: every phrasing of tests/corpus/*.txt must give its row's value, and
every look-alike in negatives.txt must give nothing (style §7)."""
from __future__ import annotations

from pathlib import Path

import pytest

from chrono.tools.corpus import check_case, check_negative, read_cases, read_negatives, span_difference

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


def test_span_differences_are_the_known_ones():
    """check_case compares values; spans are held here: every phrasing whose expression chrono
    gives over another span than the bracket is listed in span_differences.tsv (conventions not
    settled yet), and nothing else. A new difference is a span regression or a new convention
    to write down; a fixed one is removed from the list."""
    known = set()
    for line in (CORPUS / "span_differences.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            known.add(tuple(line.split("\t")))
    found = set()
    for path in EXPRESSION_FILES:
        for case in read_cases(path):
            got = span_difference(case)
            if got is not None:
                found.add((path.name, case.text, case.expression, got))
    assert sorted(found - known) == [], "new span differences"
    assert sorted(known - found) == [], "fixed span differences: remove them from span_differences.tsv"
