"""Hijri dates: Umm al-Qura conversion (hijridate) and the resolution of Hijri values.

Conventions (design §3, TIMEX3 needs a Gregorian `value`):
- a Hijri day is its Gregorian day: "19 ربيع الثاني 1443 هـ" → value 2021-11-24,
  hijri_value "1443-04-19";
- a Hijri month or year covers Gregorian days that straddle Gregorian months, so its value is
  the Gregorian ISO interval it really covers, with granularity month/year:
  "رمضان 1443" → "2022-04-02/2022-05-01" (hijri_value "1443-09"),
  "عام 1436 هـ" → "2014-10-25/2015-10-13" (hijri_value "1436");
- outside the converter's table (1343–1500 AH, 1924–2077): the Hijri value is kept, the
  Gregorian value is X-masked, no start/end, flagged; nothing is guessed;
- a dual date ("19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م") takes the printed Gregorian
  day (a newspaper following local moon sighting may be a day off Umm al-Qura) and is flagged
  when the halves disagree by more than one day.

    >>> from chrono.tag.values import TimeValue
    >>> from chrono.resolve.core import Context
    >>> resolve_hijri(TimeValue(calendar="hijri", hijri_year=1443, hijri_month=4, hijri_day=19), Context()).value
    '2021-11-24'
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from hijridate import Gregorian, Hijri

from chrono.resolve.core import NO_ANCHOR, Context, Occurrence, Resolved, choose, invalid, narrow, placement
from chrono.resolve.gregorian import resolve_date
from chrono.tag.values import TimeValue

OUT_OF_RANGE = "hijri: outside converter range (Umm al-Qura table 1343-1500 AH)"
_DUAL_TOLERANCE_DAYS = 1  # local moon sighting vs Umm al-Qura: one day apart is normal


# -- conversion ------------------------------------------------------------------------------
def to_gregorian(hy: int, hm: int, hd: int) -> date:
    """Hijri day → Gregorian day. 1443-04-19 → 2021-11-24.

    Raises OverflowError outside the table and ValueError for a day the month does not have.
    """
    g = Hijri(hy, hm, hd).to_gregorian()
    return date(g.year, g.month, g.day)


def to_hijri(d: date) -> tuple[int, int, int]:
    """Gregorian day → (Hijri year, month, day). 2021-11-24 → (1443, 4, 19). OverflowError outside."""
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def month_length(hy: int, hm: int) -> int:
    """29 or 30: رمضان 1443 has 30 days."""
    return Hijri(hy, hm, 1).month_length()


def month_span(hy: int, hm: int) -> tuple[date, date]:
    """The Gregorian days a Hijri month covers: رمضان 1443 → 2022-04-02 … 2022-05-01."""
    return to_gregorian(hy, hm, 1), to_gregorian(hy, hm, month_length(hy, hm))


def year_span(hy: int) -> tuple[date, date]:
    """The Gregorian days a Hijri year covers: 1436 → 2014-10-25 … 2015-10-13."""
    return to_gregorian(hy, 1, 1), to_gregorian(hy, 12, month_length(hy, 12))


def day_span(hy: int, hm: int, hd: int) -> tuple[date, date]:
    d = to_gregorian(hy, hm, hd)
    return d, d


# -- what a Hijri value denotes --------------------------------------------------------------
def _grain(v: TimeValue) -> str:
    if v.hijri_day is not None:
        return "day"
    return "month" if v.hijri_month is not None else "year"


def _span_in(v: TimeValue, hy: int) -> tuple[date, date]:
    """The Gregorian interval of `v` in Hijri year `hy` (month/day taken from v)."""
    grain = _grain(v)
    if grain == "day":
        return day_span(hy, v.hijri_month, v.hijri_day)
    if grain == "month":
        return month_span(hy, v.hijri_month)
    return year_span(hy)


def hijri_text(hy: Optional[int], hm: Optional[int], hd: Optional[int]) -> str:
    """1443-04-19, 1443-09, 1436; XXXX-09 when the year is unknown."""
    parts = [f"{hy:04d}" if hy is not None else "XXXX"]
    if hm is not None:
        parts.append(f"{hm:02d}")
        if hd is not None:
            parts.append(f"{hd:02d}")
    return "-".join(parts)


_MASK = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX"}


# -- resolution ------------------------------------------------------------------------------
def resolve_hijri(v: TimeValue, ctx: Context) -> Resolved:
    """A Hijri (or dual) TimeValue → Resolved with calendar="hijri" and the Hijri value kept.

    'عيد الفطر 1443' → 2022-05-02; 'رمضان' with anchor 2022-06-01 → Ramadan 1443.
    """
    if _has_gregorian_day(v):
        return _dual(v, ctx)
    return _hijri_only(v, ctx)


def _has_gregorian_day(v: TimeValue) -> bool:
    return v.month is not None and v.day is not None


def _hijri_only(v: TimeValue, ctx: Context) -> Resolved:
    try:
        hy = _hijri_year(v, ctx)
    except OverflowError:
        return _unconvertible(v, v.hijri_year, OUT_OF_RANGE)
    if hy is None:
        flag = NO_ANCHOR if ctx.anchor is None else "hijri: no occurrence in that Gregorian year"
        return _unconvertible(v, None, flag)
    try:
        start, end = _span_in(v, hy)
    except OverflowError:
        return _unconvertible(v, hy, OUT_OF_RANGE)
    except ValueError as err:  # 30 of a month that has 29 days that year
        return _unconvertible(v, hy, f"invalid: {err}")
    return _finish(v, hy, start, end)


def _hijri_year(v: TimeValue, ctx: Context) -> Optional[int]:
    """Which Hijri year is meant: written, relative (العام الهجري الماضي), in a Gregorian year
    ('رمضان 2022'), or chosen against the anchor by the news policy ('رمضان المقبل')."""
    if v.hijri_year is not None:
        return v.hijri_year
    if ctx.anchor is None:
        return None
    if v.rel_unit == "year":
        return to_hijri(ctx.anchor)[0] + (v.rel_offset or 0)
    if v.year is not None:
        return _occurrence_in_gregorian_year(v, v.year)
    return _occurrence_near_anchor(v, ctx)


def _occurrence_in_gregorian_year(v: TimeValue, year: int) -> Optional[int]:
    """'عيد الأضحى 2021' → 1442 (2021-07-20). None when none or two start in that year (1997
    had two Ramadans): the text does not say which, and a false date is worse than none."""
    first = to_hijri(date(year, 1, 1))[0]
    found = []
    for hy in (first, first + 1):
        try:
            if _span_in(v, hy)[0].year == year:
                found.append(hy)
        except OverflowError:
            continue
    return found[0] if len(found) == 1 else None


def _occurrence_near_anchor(v: TimeValue, ctx: Context) -> int:
    """Which Hijri year a month, day or holiday without one is in, by the policy Gregorian dates
    follow: 'الماضي' → the latest one over before the anchor; 'المقبل' → the next one to begin
    after it; 'الحالي' → the anchor's Hijri year; a future cue → the next one not yet over
    ('يبدأ العام الدراسي في ٨ ذي القعدة'); a past verb → the latest one begun; else the nearest
    ('عيد الأضحى' in July 2015 → 1436, two months ahead, not 1435). A named weekday must agree
    ('يوم الخميس ٤ ذي الحجة' → the year where it is a Thursday)."""
    a = ctx.anchor
    hy0 = to_hijri(a)[0]
    how = placement(v, ctx)
    if how == "this":
        return hy0
    spans, invalid_day = [], None
    for hy in (hy0 - 1, hy0, hy0 + 1):
        try:
            spans.append(Occurrence(*_span_in(v, hy), hy))
        except OverflowError:
            continue
        except ValueError as err:  # 30 of a month that has 29 days that year
            invalid_day = err
    chosen, _ = choose(spans, a, how, _weekday_agrees(v))
    if chosen is None:
        raise invalid_day or OverflowError("no occurrence inside the converter's table")
    return chosen.year


def _weekday_agrees(v: TimeValue):
    """For a day with a named weekday: does an occurrence fall on it."""
    if not v.weekday or _grain(v) != "day":
        return None
    return lambda o: o.start.isoweekday() == v.weekday


def _finish(v: TimeValue, hy: int, start: date, end: date) -> Resolved:
    grain = _grain(v)
    hv = hijri_text(hy, v.hijri_month if grain != "year" else None, v.hijri_day)
    flags = _weekday_flags(v, start) if grain == "day" else []
    if grain == "day" and (v.pod or v.hour is not None):
        return _with_time_of_day(v, start, hv, flags)
    value = start.isoformat() if grain == "day" else f"{start.isoformat()}/{end.isoformat()}"
    if v.mod in ("START", "MID", "END"):  # the value names the period, the interval is narrowed
        start, end = narrow(start, end, v.mod)
    return Resolved("DATE", value, grain, start, end, v.mod, flags, "hijri", hv)


def _with_time_of_day(v: TimeValue, d: date, hv: str, flags: list[str]) -> Resolved:
    """'مساء 19 رمضان 1443' → 2022-04-20TEV."""
    if v.hour is not None:
        suffix, grain = f"T{v.hour:02d}:{(v.minute or 0):02d}", "minute" if v.minute else "hour"
    else:
        suffix, grain = f"T{v.pod}", "part_of_day"
    return Resolved("TIME", d.isoformat() + suffix, grain, d, d, v.mod, flags, "hijri", hv)


def _weekday_flags(v: TimeValue, d: date) -> list[str]:
    if v.weekday and d.isoweekday() != v.weekday:
        return [f"weekday mismatch: text says weekday {v.weekday}, date is {d.isoweekday()}"]
    return []


def _unconvertible(v: TimeValue, hy: Optional[int], flag: str) -> Resolved:
    """Keep what was written, invent no Gregorian day: 'عام (1325) هجري' → XXXX, hijri 1325."""
    grain = _grain(v)
    hv = hijri_text(hy, v.hijri_month if grain != "year" else None, v.hijri_day)
    return Resolved("DATE", _MASK[grain], grain, None, None, v.mod, [flag], "hijri", hv)


# -- dual dates ------------------------------------------------------------------------------
def _dual(v: TimeValue, ctx: Context) -> Resolved:
    """'19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م': the printed Gregorian day, the Hijri
    value beside it, a flag when the halves are more than a day apart."""
    # a half without its year is placed by the anchor; the named weekday helps it find its year
    hijri_half = v.with_(year=None, month=None, day=None,
                         weekday=v.weekday if v.hijri_year is None else None)
    greg_half = TimeValue(year=v.year, month=v.month, day=v.day, weekday=v.weekday if v.year is None else None)
    h = _hijri_only(hijri_half, ctx)
    try:
        g = resolve_date(greg_half, ctx)
    except (ValueError, OverflowError) as err:
        g = invalid(greg_half, err)
    flags = [f for f in g.flags if f != NO_ANCHOR or not h.start_date]
    flags += [f for f in h.flags if f not in flags and (f != NO_ANCHOR or not g.start_date)]
    chosen = g if g.start_date else h
    if g.start_date and h.start_date:
        gap = abs((g.start_date - h.start_date).days)
        if gap > _DUAL_TOLERANCE_DAYS:
            flags.append(f"dual: halves disagree by {gap} days (hijri {h.hijri_value} is "
                         f"{h.start_date.isoformat()} in Umm al-Qura)")
    if chosen.start_date:
        flags = [f for f in flags if not f.startswith("weekday mismatch")] + _weekday_flags(v, chosen.start_date)
    return Resolved(chosen.type, chosen.value, chosen.granularity, chosen.start_date, chosen.end_date,
                    v.mod or chosen.mod, flags, "hijri", h.hijri_value)


@lru_cache(maxsize=1)
def gregorian_range() -> tuple[date, date]:
    """The Gregorian days the converter knows: 1924-08-01 … 2077-11-16."""
    first = to_gregorian(1343, 1, 1)
    return first, year_span(1500)[1]
