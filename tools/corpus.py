"""The expression corpus format (tests/corpus/*.txt): rows of expected value, anchor and phrasings.

    ## day month year — rule: ar.date.day_month_year
    2021-11-24 | 2021-11-24 | وقّع الطرفان المذكرة في [24 نوفمبر 2021] | [٢٤ نوفمبر ٢٠٢١]
    2020 mod=END | 2021-11-24 | [أواخر العام الماضي]

A bracketed span is the expected expression; without brackets the whole phrasing is. Negative
files hold one look-alike per line that must yield no expression (or none overlapping its brackets).
Used by tests/test_corpus.py and by `python -m tools.corpus` (a per-group score report).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Case:
    group: str
    line: int
    value: str
    mod: Optional[str]
    type: Optional[str]
    anchor: Optional[date]
    text: str
    start: int
    end: int

    @property
    def expression(self) -> str:
        return self.text[self.start:self.end]


def split_brackets(phrasing: str) -> tuple[str, int, int]:
    """'في [24 نوفمبر] أعلن' → ('في 24 نوفمبر أعلن', 3, 12); no brackets → the whole text."""
    phrasing = phrasing.strip()
    if "[" not in phrasing:
        return phrasing, 0, len(phrasing)
    start = phrasing.index("[")
    end = phrasing.index("]", start)
    text = phrasing[:start] + phrasing[start + 1:end] + phrasing[end + 1:]
    return text, start, end - 1


def read_cases(path: Path) -> Iterator[Case]:
    group = ""
    seen: set = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            group = line[3:].strip()
            continue
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 3:
            raise ValueError(f"{path}:{n}: a row needs value | anchor | phrasing")
        key = tuple(cells)
        if key in seen:
            raise ValueError(f"{path}:{n}: duplicate row")
        seen.add(key)
        head = cells[0].split()
        attrs = dict(h.split("=", 1) for h in head[1:])
        unknown = set(attrs) - {"mod", "type"}
        if unknown:
            raise ValueError(f"{path}:{n}: unknown attribute {unknown}")
        anchor = None if cells[1] == "-" else date.fromisoformat(cells[1])
        for phrasing in cells[2:]:
            if not phrasing:
                continue
            text, s, e = split_brackets(phrasing)
            yield Case(group, n, head[0], attrs.get("mod"), attrs.get("type"), anchor, text, s, e)


def read_negatives(path: Path) -> Iterator[tuple[int, str, int, int, bool]]:
    """(line, text, start, end, bracketed) for each look-alike."""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        text, s, e = split_brackets(line)
        yield n, text, s, e, "[" in line


def check_case(case: Case) -> Optional[str]:
    """None when the tagger meets the row, else what it found instead."""
    from chrono.pipeline import tag_text

    timexes = tag_text(case.text, case.anchor)
    hits = [t for t in timexes if t.start < case.end and case.start < t.end]
    if not hits:
        return "nothing found" + (f" (found elsewhere: {[t.text for t in timexes]})" if timexes else "")
    if len(hits) > 1:
        return "split into " + ", ".join(f"{t.text!r}={t.value}" for t in hits)
    t = hits[0]
    got = (t.value, t.mod, t.type if case.type else None)
    want = (case.value, case.mod, case.type)
    if got != want:
        return f"{t.text!r} → value={t.value} mod={t.mod} type={t.type} (rule {t.rule})"
    if (t.start, t.end) != (case.start, case.end):
        return f"right value over another span: {t.text!r} (rule {t.rule})"
    return None


def check_negative(text: str, start: int, end: int, bracketed: bool) -> Optional[str]:
    from chrono.pipeline import tag_text

    timexes = tag_text(text, date(2021, 11, 24))
    bad = [t for t in timexes if not bracketed or (t.start < end and start < t.end)]
    return ", ".join(f"{t.text!r}={t.value} ({t.rule})" for t in bad) or None


def report(paths: list[Path]) -> int:
    """Print the score per group and every failing phrasing; return the number of failures."""
    by_group: dict[str, list] = defaultdict(list)
    failures = 0
    for path in paths:
        for case in read_cases(path):
            problem = check_case(case)
            by_group[case.group].append(problem)
            if problem:
                failures += 1
                print(f"FAIL {path.name}:{case.line} [{case.expression}] want {case.value}"
                      f"{' mod=' + case.mod if case.mod else ''}: {problem}")
    total = sum(len(v) for v in by_group.values())
    for group, problems in by_group.items():
        ok = sum(p is None for p in problems)
        print(f"{ok:4d}/{len(problems):<4d} {group}")
    print(f"TOTAL {total - failures}/{total} phrasings ({100 * (total - failures) / max(total, 1):.1f}%)")
    return failures


if __name__ == "__main__":  # pragma: no cover
    files = [Path(p) for p in sys.argv[1:]] or sorted(Path("tests/corpus").glob("*.txt"))
    report([f for f in files if f.name != "negatives.txt"])
