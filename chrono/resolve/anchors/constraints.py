"""Constraints: what each tagged expression says about the unknown publication day.

"اليوم الأربعاء" makes the anchor a Wednesday (strong); "نوفمبر الحالي" puts it in November
(strong); a dated past event "في دجنبر 2020" lies on or before it; "العام الماضي" next to an
absolute 2020 makes 2021 likely; a bare "يوم الأربعاء" is the latest Wednesday. Each constraint
scores candidate days with its weight; speech in quotes weighs less.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import CONJUNCTIONS, normalize, proclitic_readings, tokenize
from chrono.resolve import NO_ANCHOR, resolve
from chrono.resolve.hijri import to_hijri
from chrono.segment import in_quote, in_set_aside, segment
from chrono.tagger import day_taken_from_clause, find_expressions
from chrono.tagger.values import TimeValue

# Constraint weights: strong ones are what check_anchor warns about.
W_STRONG = 10.0  # اليوم الأربعاء; نوفمبر الحالي
W_PAST_DATED = 5.0  # a dated past event (day or month precision) lies before publication
W_PAST_YEAR = 2.0  # the same for a bare year ('رؤية 2030' must not pull the anchor forward much)
W_YEAR_LINK = 3.0  # العام الماضي + an absolute 2020 → 2021
W_WEEKDAY = 2.0  # يوم الأربعاء: nearer on-or-before days score higher
W_INSIDE_RANGE = 1.5  # من 23 إلى 25 نوفمبر الحالي: likely under way
W_RECENCY = 0.3  # per year between the latest dated event and the anchor: news is about now
QUOTE_FACTOR = 0.5  # speech may have its own day


@dataclass
class Constraint:
    """A scoring function over candidate anchor days, with the text that set it."""

    score: Callable[[date], float]
    weight: float
    text: str
    why: str  # what it says about the anchor, for the evidence line
    strong: bool = False
    check: Optional[Callable[[date], bool]] = None  # for strong ones: does the day satisfy it
    quoted: bool = False  # inside reported speech: weaker, and never grounds for a warning
    deictic: bool = False  # 'اليوم الاثنين', 'أمس الأحد': names the weekday of the day of writing

    def holds(self, day: date) -> bool:
        """Whether `day` satisfies the constraint: a soft one (no `check`) rules no day out."""
        return self.check is None or self.check(day)


@dataclass
class PastEvent(Constraint):
    """A dated past event: also bounds the window of candidate days."""

    bound: date = date.min


# -- building constraints from the tagged text -----------------------------------------------
def text_constraints(text: str, body_start: int = 0, exprs=None, seg=None, strong_only: bool = False
                 ) -> list[Constraint]:
    """What the text says about its own publication day. `strong_only`: only the constraints
    check_anchor warns about (weekday of "اليوم الأربعاء", month of "نوفمبر الحالي"), without
    resolving every date for the soft ones."""
    seg = seg if seg is not None else segment(text)
    exprs = [e for e in (exprs if exprs is not None else find_expressions(text))
             if e.start >= body_start and (not strong_only or _may_be_strong(e.item.value))
             and not _set_aside(seg, e.start) and not day_taken_from_clause(e.item)]
    absolute_years = set()
    out: list[Constraint] = []
    for e in exprs if not strong_only else ():
        r = resolve(e.item.value)
        if r.start_date and NO_ANCHOR not in r.flags and r.granularity in ("day", "month", "year", "part_of_day"):
            absolute_years.add(r.start_date.year)
    for e in exprs:
        quoted = in_quote(seg, e.start, e.end)
        found = list(_from_value(e.item.value, text[e.start:e.end], e.future_cue, absolute_years, strong_only))
        said = [_apposed_year(e.item.value, text, e.start, e.end), _stated_day(e.item.value, text, e.start, e.end),
                _ramadan_night(e.item.value, text, e.start, e.end)]
        for c in found + [c for c in said if c]:
            if quoted:
                c.weight *= QUOTE_FACTOR
                c.quoted = True
            out.append(c)
    latest = max((c.bound for c in out if isinstance(c, PastEvent)), default=None)
    if latest:
        out.append(Constraint(lambda d: -((d - latest).days // 365) if d >= latest else 0, W_RECENCY,
                              "", "recency"))
    return out


def _may_be_strong(v: TimeValue) -> bool:
    """Whether _from_value can give a strong constraint for this value (a cheap superset test):
    a range, a weekday told relative to today ("أمس الثلاثاء", "الساعة 5:30 مساء اليوم الاثنين"),
    a month of "this" year."""
    return (v.kind == "range" or _is_deictic_weekday(v) or _is_weekday_date(v) or _is_near_day(v)
            or (v.kind == "date" and (v.cue == "this" or v.rel_unit == "year")))


def _is_deictic_weekday(v: TimeValue) -> bool:
    return v.kind in ("date", "time") and v.rel_unit == "day" and bool(v.weekday) and v.rel_offset is not None


def _is_weekday_date(v: TimeValue) -> bool:
    """'الجمعة 10 يوليو', 'الاثنين 4 شوال': a weekday and a day of a named month, placed by no cue."""
    has_day = (v.day is not None and v.month is not None) or (
        v.hijri_day is not None and v.hijri_day > 0 and v.hijri_month is not None)
    return (v.kind in ("date", "time") and bool(v.weekday) and has_day and not v.rel_unit and not v.cue
            and not v.holiday and not v.shift_days)


# A relative day word told right before a weekday and its date ("اليوم الجمعة 10 يوليو", "مساء أمس
# (الأحد) 19 يوليو", "وغداً الأربعاء 6 شوال"): how many characters before the expression it may stand.
_STATED_REACH = 16


def _stated_day(v: TimeValue, text: str, start: int, end: int) -> Optional[Constraint]:
    """'اليوم الجمعة 10 يوليو', 'مساء اليوم الاثنين 4 شوال', 'غداً (الأربعاء) 22 يوليو': the text states
    the day it is written on in full (strong and deictic: the anchor is the date minus the offset of
    its relative day word, on the weekday the text names). A weekday and date without the relative
    word ("الجمعة 10 يوليو") dates an event, not the page, and says nothing here."""
    if not _is_weekday_date(v):
        return None
    offset = _relative_day_before_weekday(text[max(0, start - _STATED_REACH):start], text[start:end])
    if offset is None:
        return None

    def ok(d: date) -> bool:
        day = d + timedelta(days=offset)
        r = resolve(v, day)
        return r.start_date == day and r.end_date == day and not any("mismatch" in f for f in r.flags)

    return Constraint(lambda d: float(ok(d)), W_STRONG, text[start:end].strip(),
                      "it states the day of writing in full", strong=True, check=ok, deictic=True)


def _relative_day_before_weekday(before: str, expression: str) -> Optional[int]:
    """The offset of the relative day word ("اليوم" 0, "أمس" −1, "غداً" +1, a conjunction allowed
    on it) that stands right before the expression's first weekday, inside the expression ("مساء
    اليوم الاثنين 4 شوال") or as the last word ahead of it ("غداً (الأربعاء) 22 يوليو"); else None."""
    ahead = _words(before)
    if before and not before[0].isspace():
        ahead = ahead[1:]  # a word cut by the reach
    own = _words(expression)
    for i, w in enumerate(own):
        if any(lex.cls == "weekday" for lex in LEXICON.lookup((w,))):
            prev = own[i - 1] if i else (ahead[-1] if ahead else "")
            return _relative_day_offset(prev)
    return None


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(normalize(text).text) if t.kind != "p"]


def _relative_day_offset(word: str) -> Optional[int]:
    """'اليوم' 0, 'أمس'/'وأمس' −1, 'غدا' +1; None for any other word."""
    for form in (word, word[1:] if word[:1] in CONJUNCTIONS else ""):
        offsets = [lex.value for lex in LEXICON.lookup((form,)) if lex.cls == "relday"] if form else []
        if offsets and abs(offsets[0]) <= 1:
            return offsets[0]
    return None


def _is_near_day(v: TimeValue) -> bool:
    """'أمس', 'مساء البارحة', 'ليلة أمس الاثنين', 'غداً': the day before, of or after writing."""
    return (v.kind in ("date", "time") and v.rel_unit == "day" and v.rel_offset in (-1, 0, 1)
            and not v.shift_days and not v.mod)


RAMADAN = 9
_RAMADAN_REACH = 12  # words of the clause on either side of the expression


def _ramadan_night(v: TimeValue, text: str, start: int, end: int) -> Optional[Constraint]:
    """'أقيم سحور الإعلاميين مساء البارحة', 'أدى صلاة التراويح ليلة أمس': a suhoor or the tarawih
    prayer is held only in Ramadan's nights, so the day the text calls yesterday, today or tomorrow
    is in Ramadan or is its eve (strong and deictic: a page seen after Eid was written before it).
    The word must stand in the expression's clause, within _RAMADAN_REACH words of it, and the clause
    must not name Ramadan: 'أعلنت أمس عدد مصلي التراويح خلال رمضان' reports on a Ramadan gone by."""
    if not _is_near_day(v) or not _names_ramadan_night(*_clause_around(text, start, end)):
        return None
    offset = v.rel_offset or 0

    def ok(d: date) -> bool:
        day = d + timedelta(days=offset)
        return to_hijri(day)[1] == RAMADAN or to_hijri(day + timedelta(days=1))[1] == RAMADAN

    return Constraint(lambda d: float(ok(d)), W_STRONG, text[start:end].strip(),
                      "a night of Ramadan (suhoor, tarawih) is told on it", strong=True, check=ok, deictic=True)


_CLAUSE_END_RE = re.compile(r"[.!؟?\n؛]")


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause's text before `start` and after `end` (a sentence end or a semicolon bounds it)."""
    lo = max((m.end() for m in _CLAUSE_END_RE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _CLAUSE_END_RE.search(text, end, end + 300)
    return text[lo:start], text[end:stop.start() if stop else end + 300]


def _names_ramadan_night(before: str, after: str) -> bool:
    nights = LEXICON.guard_words["ramadan_night_words"]
    clause = normalize(before + " " + after).text
    if not any(night in clause for night in nights):
        return False  # a cheap superset test: most clauses name no night of Ramadan
    words = _words(before)[-_RAMADAN_REACH:] + _words(after)[:_RAMADAN_REACH]
    stems = [rest for w in words for rest, _ in proclitic_readings(w)]
    names_ramadan = any(lex.cls == "hmonth" and lex.value == RAMADAN for w in stems for lex in LEXICON.lookup((w,)))
    return not names_ramadan and any(w in nights for w in stems)


def _from_value(v: TimeValue, text: str, future: bool, absolute_years: set[int], strong_only: bool = False
                ) -> Iterable[Constraint]:
    if v.shift_days:
        return  # 'قبل ذلك بيوم': the day it counts from is evidence of its own, not to be counted twice
    if v.kind == "range":
        yield from _from_range(v, text)
        return
    if _is_deictic_weekday(v):
        yield _deictic_weekday(v, text)
        return
    if v.kind != "date":
        return
    if v.rel_unit == "year" and v.rel_offset and v.calendar == "gregorian":
        link = _period_link(v.rel_offset, text, absolute_years)
        if link:
            yield link
    elif v.cue == "this" and v.calendar == "gregorian" and v.month is not None and v.year is None:
        yield _this_month(v.month, text)
    elif strong_only:
        return
    elif v.weekday and v.day is None and v.month is None and not v.rel_unit:
        yield _bare_weekday(v, v.weekday, text, future)
    else:
        past = _past_event(v, text, future)
        if past:
            yield past


def _deictic_weekday(v: TimeValue, text: str) -> Constraint:
    """'اليوم الأربعاء' (offset 0), 'أمس الثلاثاء' (−1), 'غداً الخميس' (+1)."""
    n, w = v.rel_offset, v.weekday
    assert n is not None and w is not None  # as _is_deictic_weekday requires

    def ok(d: date) -> bool:
        return (d + timedelta(days=n)).isoweekday() == w

    anchor_weekday = (w - n - 1) % 7 + 1
    return Constraint(lambda d: float(ok(d)), W_STRONG, text, f"the anchor is a {WEEKDAY_EN[anchor_weekday]}",
                      strong=True, check=ok, deictic=True)


def _this_month(month: int, text: str) -> Constraint:
    """'نوفمبر الحالي' → the anchor is in November."""

    def ok(d: date) -> bool:
        return d.month == month

    return Constraint(lambda d: float(ok(d)), W_STRONG, text, f"the anchor is in month {month}",
                      strong=True, check=ok)


# A Gregorian year written right after "العام الحالي/الماضي" ("العام الحالي 2014", "العام الماضي
# (2013م)"), not a Hijri one ("العام الحالي 1436هـ") nor an amount ("العام الحالي 1190 دولارا").
_APPOSED_YEAR_RE = re.compile(r"\s*[(\[]?\s*((?:19|20)[0-9]{2})\s*[)\]]?\s*(?:م(?![\u0621-\u064a])|ميلادي\w*)?"
                              r"(?![0-9]|\s*ه|\s*[\u0621-\u064a]*\s*(?:دولار|ريال|مليون|ألف|الف))")
_APPOSED_REACH = 24  # characters after the expression


def _apposed_year(v: TimeValue, text: str, start: int, end: int) -> Optional[Constraint]:
    """'العام الحالي 2014', 'العام الماضي (2013م)': the year told both ways makes the anchor's year
    (strong: the year the text is in)."""
    if v.kind != "date" or v.rel_unit != "year" or v.calendar != "gregorian" or v.rel_offset not in (-1, 0, 1):
        return None
    if v.year is not None:  # one expression: the tagger joined the year to its relative year
        year, said = v.year - v.rel_offset, text[start:end]
    else:
        m = _APPOSED_YEAR_RE.match(_digits(text[end:end + _APPOSED_REACH]))
        if not m:
            return None
        year, said = int(m.group(1)) - v.rel_offset, text[start:end + m.end()].strip()

    def ok(d: date) -> bool:
        return d.year == year

    return Constraint(lambda d: float(ok(d)), W_STRONG, said, f"the anchor is in {year}", strong=True, check=ok)


def _digits(text: str) -> str:
    return text.translate(_WESTERN_DIGITS)


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _from_range(v: TimeValue, text: str) -> Iterable[Constraint]:
    """'من 23 إلى 25 نوفمبر الحالي': the month (strong) and, softly, inside the days."""
    start, end = v.start(), v.end()
    if end.cue == "this" and end.month is not None and end.year is None:
        yield _this_month(end.month, text)
        if start.day and end.day and (start.month in (None, end.month)):
            lo, hi, m = start.day, end.day, end.month
            yield Constraint(lambda d: float(d.month == m and lo <= d.day <= hi), W_INSIDE_RANGE, text,
                             f"likely under way: days {lo}-{hi} of month {m}")


def _period_link(k: int, text: str, absolute_years: set[int]) -> Optional[Constraint]:
    """'العام الماضي' (k = -1) beside 'دجنبر 2020': the text likely names last year, so the anchor
    year is 2021."""
    if not absolute_years:
        return None
    years = sorted(absolute_years)
    return Constraint(lambda d: float((d.year + k) in absolute_years), W_YEAR_LINK, text,
                      f"it names a year the text dates ({', '.join(map(str, years[-3:]))})")


def _bare_weekday(v: TimeValue, w: int, text: str, future: bool) -> Constraint:
    """'يوم الأربعاء' (w = 3): the latest Wednesday on or before the anchor, most often the anchor itself."""
    forward = future or v.cue == "future"

    def nearness(d: date) -> float:
        gap = (w - d.isoweekday()) % 7 if forward else (d.isoweekday() - w) % 7
        if v.cue in ("past", "future") and gap == 0:
            gap = 7  # الماضي / المقبل: strictly before / after
        return 1 - gap / 7

    where = "on or after" if forward else "on or before"
    return Constraint(nearness, W_WEEKDAY, text, f"a {WEEKDAY_EN[w]} shortly {where} the anchor")


def _past_event(v: TimeValue, text: str, future: bool) -> Optional[Constraint]:
    """A dated event told without a future cue lies on or before publication; with one, after."""
    r = resolve(v)
    if r.start_date is None or NO_ANCHOR in r.flags or v.mod in ("AFTER", "ON_OR_AFTER", "BEFORE"):
        return None
    weight = W_PAST_DATED if r.granularity in ("day", "month", "part_of_day") else W_PAST_YEAR
    if future:
        bound_end = r.end_date
        if bound_end is None:  # no last day to bound the anchor by
            return None
        return Constraint(lambda d: float(d <= bound_end), weight / 2, text,
                          f"announced ahead: the anchor is on or before {bound_end.isoformat()}")
    start = r.start_date
    return PastEvent(lambda d: float(d >= start), weight, text,
                     f"told as past: the anchor is on or after {start.isoformat()}", bound=start)


# English weekday names by ISO number, for evidence and warning lines (shared by the parts).
WEEKDAY_EN = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday",
               7: "Sunday"}


def _set_aside(seg, offset: int) -> bool:
    return in_set_aside(seg, offset, offset + 1) is not None
