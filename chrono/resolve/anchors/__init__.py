"""Anchors found in the text: a dateline at the top, else inference from what the text says.

Rules stay anchor-free, so the tagger runs once with no anchor and each expression becomes a
constraint on the unknown publication day:

- "اليوم الأربعاء", "أمس الثلاثاء", "غداً الخميس": the anchor is a Wednesday (strong);
- "نوفمبر الحالي", "من 23 إلى 25 نوفمبر الحالي": the anchor is in November (strong), and likely
  inside the range (news reports what is under way);
- a dated event told without a future cue ("في دجنبر 2020") lies on or before publication;
- "العام الماضي" next to an absolute year ("دجنبر 2020") makes the anchor year 2021 likely;
- a bare "يوم الأربعاء" in news is the latest Wednesday, most often the publication day itself.

Each candidate day is scored by the weights of the constraints it satisfies; the best day is
reported with the evidence that decided it, or the interval of tied days when the text does not
decide. `check_anchor` reports the strong constraints a given anchor breaks.

    >>> find_anchor(Document(id="d", text="الأربعاء - 19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ\\nوقع ...")).date
    datetime.date(2021, 11, 24)
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.models import Anchor, Document
from chrono.normalize import normalize, normalize_word
from chrono.resolve import NO_ANCHOR, resolve
from chrono.segment import in_quote, in_set_aside, segment
from chrono.tagger import day_taken_from_clause, find_expressions
from chrono.tagger.values import TimeValue

DATELINE_CONFIDENCE = 0.9
DATELINE_MAX_CHARS = 300
DATELINE_LINES = 6  # a dateline sits in the first non-empty lines, above or at the head of the story
_DATELINE_MAX_RESIDUE = 3  # words besides the date on a dateline line: a place, an agency
_DATELINE_MAX_PREFIX = 2  # "الرباط -", "نشر في:" before a date that opens a paragraph
_SEPARATORS = {"-", ":", "|", ",", "/", "(", ")", ".", "_", "*"}
_MAX_CANDIDATE_SPAN = 366  # tied days spread wider than this say nothing useful

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
class _PastEvent(Constraint):
    """A dated past event: also bounds the window of candidate days."""

    bound: date = date.min


# -- public API ------------------------------------------------------------------------------
def find_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """A document without an anchor: its dateline, else an inferred day or candidate interval.
    `exprs`/`seg`: the pipeline's own expressions and segmentation of doc.text, to avoid tagging twice."""
    body = doc.text[_body_start(doc):]
    return find_dateline(body, exprs, _body_start(doc)) or infer_anchor(doc.text, _body_start(doc), exprs, seg)


def check_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """The given anchor plus warnings when strong evidence in the text contradicts it
    ('اليوم الخميس' in an article anchored on a Wednesday). None when nothing contradicts it."""
    if doc.anchor.date is None:
        return None
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    return _with_contradictions(doc.anchor, strong, _dateline_of(doc, exprs))


def given_anchor(doc: Document, exprs=None, seg=None, keep: bool = False) -> Anchor:
    """A given anchor as the document is resolved against: corrected to the day the text says it
    was written (`correct_anchor`) unless `keep`, with warnings where the text still contradicts it."""
    given = doc.anchor
    if given.date is None:
        return given
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    dateline = _dateline_of(doc, exprs)
    if keep:
        return _with_contradictions(given, strong, dateline) or given
    corrected = _corrected(given, strong, dateline)
    anchor = corrected or given
    contradicted = None if corrected else _contradicted(given, strong, dateline)
    if contradicted:
        return contradicted
    return _with_contradictions(anchor, strong, dateline) or anchor


def correct_anchor(doc: Document, exprs=None, seg=None) -> Optional[Anchor]:
    """The day the text says it was written, when it is one or two days before the given anchor:
    archives carry crawl days, and "اليوم (الاثنين)" in a page seen on Tuesday was written on the
    Monday. None when the text does not say so clearly (see `_corrected`)."""
    if doc.anchor.date is None:
        return None
    strong = text_constraints(doc.text, _body_start(doc), exprs, seg, strong_only=True)
    return _corrected(doc.anchor, strong, _dateline_of(doc, exprs))


def _dateline_of(doc: Document, exprs=None) -> Optional[Anchor]:
    return find_dateline(doc.text[_body_start(doc):], exprs, _body_start(doc))


def _with_contradictions(anchor: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """`anchor` with a warning for each unquoted strong constraint and a dateline it breaks;
    None when there is nothing new to say."""
    day = anchor.date
    if day is None:  # no day to contradict
        return None
    warnings = []
    for c in strong:
        if c.strong and not c.quoted and not c.holds(day):
            warnings.append(f"text says {c.text!r} ({c.why}), but the anchor {day.isoformat()} "
                            f"({_WEEKDAY_EN[day.isoweekday()]}) does not fit")
    if dateline and dateline.date is not None and dateline.date != day:
        warnings.append(f"dateline {dateline.evidence!r} says {dateline.date.isoformat()}, "
                        f"the anchor is {day.isoformat()}")
    new = [w for w in warnings if w not in anchor.warnings]
    if not new:
        return None
    return anchor.model_copy(update={"warnings": list(anchor.warnings) + new})


# -- anchors the text corrects ---------------------------------------------------------------
# A page is seen after it is written, so the text may move its given (crawl) day back, never
# forward: a text naming a later weekday ("اليوم الأربعاء" in a page seen on Tuesday) is a week
# old or more, or print-dated, and which one the weekday alone cannot tell.
CORRECTION_DAYS = 2
QUOTED_EVIDENCE = 0.5  # reported speech may name the speech's own day
CORRECTION_MAJORITY = 3  # what agrees must outweigh what disagrees this many times


def _corrected(given: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """The given anchor moved back to the day the text's deictic weekdays ("اليوم (الاثنين)",
    "أمس الأحد", "غداً الثلاثاء", "صباح اليوم الاثنين") name, when they name one day within
    CORRECTION_DAYS before it, with at least one of them outside quotes, and everything that
    disagrees (quotes count half) weighs at most a third of what agrees: one expression alone
    will do when nothing contradicts it (on 3,000 crawled articles such single statements were
    the day of writing), two that disagree (a quote, a typo, a text unsure of its day) will not.
    A dateline naming another day, or a day that breaks another strong constraint the given
    anchor meets ("نوفمبر الحالي"), stops it."""
    deictic = [c for c in strong if c.deictic]
    given_day = given.date
    if given_day is None or not deictic or not any(not c.quoted for c in deictic):
        return None
    for back in range(1, CORRECTION_DAYS + 1):
        day = given_day - timedelta(days=back)
        agree = [c for c in deictic if c.holds(day)]
        support = sum(_weight(c) for c in agree)
        against = sum(_weight(c) for c in deictic if not c.holds(day))
        if support < 1 or support < CORRECTION_MAJORITY * against:
            continue
        if dateline is not None and dateline.date != day:
            return None
        if any(c.strong and not c.deictic and not c.quoted and c.holds(given_day) and not c.holds(day)
               for c in strong):
            return None
        return _corrected_anchor(given, given_day, day, agree, support)
    return None


def _weight(c: Constraint) -> float:
    return QUOTED_EVIDENCE if c.quoted else 1.0


def _corrected_anchor(given: Anchor, given_day: date, day: date, agree: list[Constraint], support: float) -> Anchor:
    """`given` (whose day is `given_day`) moved back to `day`."""
    said = ", ".join(dict.fromkeys(repr(c.text) for c in agree))
    weekday = _WEEKDAY_EN[day.isoweekday()]
    return Anchor(
        date=day, given=given_day, source="corrected",
        confidence=round(given.confidence * (1.0 if support >= 2 else 0.9), 2),
        evidence=f"{said}: written on {weekday} {day.isoformat()}",
        warnings=list(given.warnings) + [
            f"anchor corrected: the text says {said}, so it was written on {weekday} {day.isoformat()}, "
            f"not on the given {given_day.isoformat()} ({given.source}); --keep-anchor keeps the given one"])


# -- anchors the text contradicts ------------------------------------------------------------
# A page seen days or months after it was written ("اليوم (الجمعة)" crawled on a Tuesday, "في
# الثلاثين من سبتمبر الجاري" crawled in July): its day is further back than a correction may move
# it, and the weekday alone cannot say which week. Resolving "أمس" against the crawl day would put
# false dates into a chronology, so such a document keeps its absolute dates and leaves its
# relative ones unresolved.
STALE_SEARCH_DAYS = 800  # how far back a day that fits the text is looked for


def _contradicted(given: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """The given anchor marked as contradicted (date None, `given` kept) when the text's own strong
    statements outside quotes ("اليوم (الجمعة)", "أمس الخميس", "سبتمبر الجاري", "العام الحالي
    2014") all fit a day earlier than CORRECTION_DAYS before it and not all fit the given day ("أمس
    (الجمعة)" with "يوليو الحالي" crawled on a Tuesday of July: the month fits both), and its
    deictic weekdays agree as a correction requires (quotes count half, what disagrees weighs at
    most a third). A dateline naming the given day, or a text that contradicts itself (no earlier
    day fits it all), keeps the given anchor, with its warnings."""
    stated = [c for c in strong if c.strong and not c.quoted]
    given_day = given.date
    if given_day is None or not stated or all(c.holds(given_day) for c in stated):
        return None
    if dateline is not None and dateline.date == given_day:
        return None
    deictic = [c for c in strong if c.deictic]
    for back in range(CORRECTION_DAYS + 1, STALE_SEARCH_DAYS):
        day = given_day - timedelta(days=back)
        if not all(c.holds(day) for c in stated):
            continue
        support = sum(_weight(c) for c in deictic if c.holds(day))
        against = sum(_weight(c) for c in deictic if not c.holds(day))
        if support < CORRECTION_MAJORITY * against:
            return None  # quoted weekdays that disagree: the text is unsure of its day
        return _contradicted_anchor(given, stated, day)
    return None


def _iso(day: Optional[date]) -> str:
    return day.isoformat() if day is not None else "?"


def _contradicted_anchor(given: Anchor, stated: list[Constraint], latest: date) -> Anchor:
    said = ", ".join(dict.fromkeys(repr(c.text) for c in stated))
    return Anchor(
        date=None, given=given.date, source="contradicted", confidence=given.confidence,
        evidence=f"{said}: written on or before {latest.isoformat()}",
        warnings=list(given.warnings) + [
            f"anchor contradicted: the text says {said}, which fits no day from {_iso(given.date)} "
            f"({given.source}) back to {CORRECTION_DAYS} days before it; it was written on or before "
            f"{latest.isoformat()}, so its relative expressions are left unresolved; --keep-anchor "
            f"resolves them against the given day"])


# -- datelines -------------------------------------------------------------------------------
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
                warnings.append(f"dateline: weekday {_WEEKDAY_EN[weekday]} but {day.isoformat()} "
                                f"is a {_WEEKDAY_EN[day.isoweekday()]}")
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


# -- inference -------------------------------------------------------------------------------
def infer_anchor(text: str, body_start: int = 0, exprs=None, seg=None) -> Optional[Anchor]:
    """The publication day the text implies (seed 002 → 2021-11-24), or the interval of days it
    cannot tell apart, or None when it gives no year to start from."""
    constraints = text_constraints(text, body_start, exprs, seg)
    window = _window(constraints)
    if window is None or not any(c.strong for c in constraints):
        return None  # soft hints alone ('العام الماضي' near 'عام 2014') would make a false anchor
    days = [window[0] + timedelta(days=i) for i in range((window[1] - window[0]).days + 1)]
    scored = [(sum(c.weight * c.score(d) for c in constraints), d) for d in days]
    best = max(s for s, _ in scored)
    tied = [d for s, d in scored if s >= best - 1e-9]
    runner_up = max((s for s, d in scored if s < best - 1e-9), default=best - W_STRONG)
    evidence = _evidence(constraints, tied[0])
    if not any(c.strong and c.holds(tied[0]) for c in constraints):
        return None
    if len(tied) == 1:
        return Anchor(date=tied[0], source="inferred", confidence=_confidence(best - runner_up),
                      evidence=evidence)
    if (tied[-1] - tied[0]).days > _MAX_CANDIDATE_SPAN:
        return None
    return Anchor(date=None, source="inferred", confidence=0.3, evidence=evidence,
                  candidates=(tied[0], tied[-1]))


def _confidence(margin: float) -> float:
    """0.5 when a soft preference decided, up to 0.8 when a strong constraint did."""
    if margin >= W_STRONG / 2:
        return 0.8
    if margin >= W_WEEKDAY:
        return 0.7
    return 0.6 if margin >= W_WEEKDAY / 2 else 0.5


def _evidence(constraints: list[Constraint], day: date) -> str:
    used = [c for c in constraints if c.score(day) > 0]
    latest = max((c.bound for c in used if isinstance(c, _PastEvent)), default=None)
    used = [c for c in used if not isinstance(c, _PastEvent) or c.bound == latest]  # one bound says it
    used.sort(key=lambda c: -c.weight * c.score(day))
    seen, parts = set(), []
    for c in used:
        if c.why not in seen:
            seen.add(c.why)
            parts.append(f"{c.text!r}: {c.why}")
    return "; ".join(parts[:5])


def _window(constraints: list[Constraint]) -> Optional[tuple[date, date]]:
    """Days worth scoring: from Jan 1 of the latest year a dated past event gives, two years on."""
    years = [c.bound.year for c in constraints if isinstance(c, _PastEvent)]
    if not years:
        return None
    y = max(years)
    return date(y, 1, 1), date(min(y + 2, 9999), 12, 31)


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
        apposed = _apposed_year(e.item.value, text, e.start, e.end)
        for c in found + ([apposed] if apposed else []):
            if quoted:
                c.weight *= QUOTE_FACTOR
                c.quoted = True
            out.append(c)
    latest = max((c.bound for c in out if isinstance(c, _PastEvent)), default=None)
    if latest:
        out.append(Constraint(lambda d: -((d - latest).days // 365) if d >= latest else 0, W_RECENCY,
                              "", "recency"))
    return out


def _may_be_strong(v: TimeValue) -> bool:
    """Whether _from_value can give a strong constraint for this value (a cheap superset test):
    a range, a weekday told relative to today ("أمس الثلاثاء", "الساعة 5:30 مساء اليوم الاثنين"),
    a month of "this" year."""
    return (v.kind == "range" or _is_deictic_weekday(v)
            or (v.kind == "date" and (v.cue == "this" or v.rel_unit == "year")))


def _is_deictic_weekday(v: TimeValue) -> bool:
    return v.kind in ("date", "time") and v.rel_unit == "day" and bool(v.weekday) and v.rel_offset is not None


def _from_value(v: TimeValue, text: str, future: bool, absolute_years: set[int], strong_only: bool = False
                ) -> Iterable[Constraint]:
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
    return Constraint(lambda d: float(ok(d)), W_STRONG, text, f"the anchor is a {_WEEKDAY_EN[anchor_weekday]}",
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
    return Constraint(nearness, W_WEEKDAY, text, f"a {_WEEKDAY_EN[w]} shortly {where} the anchor")


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
    return _PastEvent(lambda d: float(d >= start), weight, text,
                      f"told as past: the anchor is on or after {start.isoformat()}", bound=start)


_WEEKDAY_EN = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday",
               7: "Sunday"}


# -- helpers ---------------------------------------------------------------------------------
def _body_start(doc: Document) -> int:
    start = doc.meta.get("body_start", 0) if isinstance(doc.meta, dict) else 0
    return start if isinstance(start, int) and 0 <= start <= len(doc.text) else 0


def _set_aside(seg, offset: int) -> bool:
    return in_set_aside(seg, offset, offset + 1) is not None
