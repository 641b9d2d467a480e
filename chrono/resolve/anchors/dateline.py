"""Datelines: a publication date written in a page's first lines, taken as its anchor.

'الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ', 'الرباط - 24 نوفمبر 2021' and
'نشر في: 24/11/2021' are datelines: an absolute day with at most a place, an agency or a weekday
beside it. A weekday that does not fit the date is reported as a warning.
"""
from __future__ import annotations

import re
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.models import Anchor
from chrono.normalize import normalize, normalize_word
from chrono.resolve import NO_ANCHOR, resolve
from chrono.resolve.anchors.constraints import WEEKDAY_EN
from chrono.tagger import find_expressions

DATELINE_CONFIDENCE = 0.9
DATELINE_MAX_CHARS = 300
DATELINE_LINES = 6  # a dateline sits in the first non-empty lines, above or at the head of the story
_DATELINE_MAX_RESIDUE = 3  # words besides the date on a dateline line: a place, an agency
_DATELINE_MAX_PREFIX = 2  # "الرباط -", "نشر في:" before a date that opens a paragraph
_SEPARATORS = {"-", ":", "|", ",", "/", "(", ")", ".", "_", "*"}


def find_dateline(text: str, exprs=None, offset: int = 0) -> Optional[Anchor]:
    """'الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ', 'الرباط - 24 نوفمبر 2021',
    'نشر في: 24/11/2021' in the first lines → Anchor(source="dateline").

    `exprs`: the document's expressions when the caller has them (their offsets count from
    `offset` characters before `text`), so the first lines need not be tagged again."""
    for start, line in _first_lines(text, DATELINE_LINES):
        if not _HAS_DIGIT.search(line):
            continue  # a dateline names its day in digits
        found = _dateline_in(line, _line_expressions(exprs, offset + start, len(line)))
        if found:
            return found
    return None


_HAS_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")


def _first_lines(text: str, n: int) -> list[tuple[int, str]]:
    """The first n non-empty lines, stripped and cut to DATELINE_MAX_CHARS, with their offsets."""
    lines = []
    for m in re.finditer(r"[^\n]+", text[:n * DATELINE_MAX_CHARS]):
        raw = m.group()
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        lines.append((m.start() + lead, raw.strip()[:DATELINE_MAX_CHARS]))  # a dateline is short
        if len(lines) == n:
            break
    return lines


class _Shifted:
    """An expression seen from inside one line (offsets relative to the line)."""

    __slots__ = ("item", "start", "end")

    def __init__(self, expr, shift: int):
        self.item, self.start, self.end = expr.item, expr.start - shift, expr.end - shift


def _line_expressions(exprs, line_start: int, length: int):
    if exprs is None:
        return None
    return [_Shifted(e, line_start) for e in exprs if line_start <= e.start and e.end <= line_start + length]


def _dateline_in(line: str, exprs=None) -> Optional[Anchor]:
    for expr in exprs if exprs is not None else find_expressions(line):
        r = resolve(expr.item.value)
        day = r.start_date
        if day is None or not _is_absolute_day(r):
            continue
        before, after = line[:expr.start], line[expr.end:]
        if _is_dateline_context(before, after):
            warnings = [f"dateline: {f}" for f in r.flags]
            weekday = expr.item.value.weekday
            if weekday and day.isoweekday() != weekday and not any("weekday" in w for w in warnings):
                warnings.append(f"dateline: weekday {WEEKDAY_EN[weekday]} but {day.isoformat()} "
                                f"is a {WEEKDAY_EN[day.isoweekday()]}")
            return Anchor(date=day, source="dateline",
                          confidence=DATELINE_CONFIDENCE if not warnings else DATELINE_CONFIDENCE - 0.2,
                          evidence=line[:200], warnings=warnings)
    return None


def _is_absolute_day(r) -> bool:
    return (r.start_date is not None and r.start_date == r.end_date and NO_ANCHOR not in r.flags
            and r.granularity in ("day", "part_of_day", "hour", "minute"))


def _words(text: str) -> list[str]:
    """Words of a line part, without separators, markers and digits: what is left besides the date."""
    norm = normalize(text).text
    for marker in _published_markers():
        norm = norm.replace(marker, " ")
    return [w for w in norm.replace("(", " ").replace(")", " ").split()
            if not all(ch in _SEPARATORS or ch.isdigit() for ch in w)]


def _has_marker(text: str) -> bool:
    norm = normalize(text).text
    return any(m in norm for m in _published_markers())


def _published_markers() -> list[str]:
    forms = LEXICON.data.keywords.get("published_marker", [])
    return sorted({normalize_word(f) for f in forms}, key=len, reverse=True)


def _is_dateline_context(before: str, after: str) -> bool:
    """A line that is little more than the date ('الرباط - 24 نوفمبر 2021'), a publish marker
    ('نشر في: 24/11/2021'), or a date opening a paragraph ('الرباط - 24 نوفمبر 2021 (رويترز) - وقع')."""
    if len(_words(before)) + len(_words(after)) <= _DATELINE_MAX_RESIDUE:
        return True
    if _has_marker(before) and len(_words(before)) <= _DATELINE_MAX_PREFIX:
        return True
    opens = before.strip()
    closes = after.strip()
    return (len(_words(before)) <= _DATELINE_MAX_PREFIX and (not opens or opens[-1] in "-:|")
            and (not closes or closes[0] in "-(|"))
