"""Hijri dates: Umm al-Qura conversion (hijridate), the tabular calendar beyond its table
(convertdate), and the resolution of Hijri values.

Conventions (TIMEX3 needs a Gregorian `value`):
- a Hijri day is its Gregorian day: "19 ربيع الثاني 1443 هـ" → value 2021-11-24,
  hijri_value "1443-04-19";
- a Hijri month or year covers Gregorian days that straddle Gregorian months, so its value is
  the Gregorian ISO interval it really covers, with granularity month/year:
  "رمضان 1443" → "2022-04-02/2022-05-01" (hijri_value "1443-09"),
  "عام 1436 هـ" → "2014-10-25/2015-10-13" (hijri_value "1436");
- outside the Umm al-Qura table (1343–1500 AH, 1924–2077) the arithmetic (tabular) Islamic
  calendar converts, flagged as approximate: it can be a day or two off the calendar a text of
  that time followed ("سنة 1308 هـ" → 1890-08-17/1891-08-06). Only a value no calendar has
  (year 0) stays X-masked;
- a dual date ("19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م") takes the printed Gregorian
  day (a newspaper following local moon sighting may be a day off Umm al-Qura). When a half has no
  year, the year is the one where both halves (and a named weekday) agree: "الخميس 28 شوال الموافق
  13 أغسطس" written in July 2015 is 2015-08-13. Halves more than a day apart are flagged;
- a year written in both calendars ("1382-1962", "1436هـ (2015م)") is the printed Gregorian year;
- a numeric day written in either order ("الاثنين الموافق 10/4/1436هـ") is the reading the weekday
  or the Gregorian half agrees with (4 Shawwal, Monday 20 July 2015).

    >>> from chrono.tagger.values import TimeValue
    >>> from chrono.resolve.core import Context
    >>> resolve_hijri(TimeValue(calendar="hijri", hijri_year=1443, hijri_month=4, hijri_day=19), Context()).value
    '2021-11-24'
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import NamedTuple, Optional

from convertdate import islamic as tabular
from hijridate import Gregorian, Hijri

from chrono.lexicon import LEXICON
from chrono.resolve.core import NO_ANCHOR, Context, Occurrence, Resolved, choose, invalid, narrow, placement
from chrono.resolve.gregorian import resolve_date, written_year_disagrees
from chrono.tagger.values import TimeValue

OUT_OF_RANGE = "hijri: no calendar has this date"
TABULAR = ("hijri: outside the Umm al-Qura table (1343-1500 AH): converted with the arithmetic (tabular) "
           "Islamic calendar, may be a day or two off")
_DUAL_TOLERANCE_DAYS = 1  # local moon sighting vs Umm al-Qura: one day apart is normal
_LAST_DAY = -1  # hijri_day of "اليوم الأخير من رمضان": the month's own length
_EIDS = ("eid_al_fitr", "eid_al_adha")  # what "العيد" may be


# -- conversion ------------------------------------------------------------------------------
def to_gregorian(hy: int, hm: int, hd: int) -> date:
    """Hijri day → Gregorian day (Umm al-Qura). 1443-04-19 → 2021-11-24.

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


def tabular_to_gregorian(hy: int, hm: int, hd: int) -> date:
    """Hijri day → Gregorian day in the arithmetic Islamic calendar (convertdate): 1308-01-01 →
    1890-08-17. ValueError for a day the month does not have or a year no date has."""
    if hy < 1 or not 1 <= hm <= 12 or not 1 <= hd <= tabular.month_length(hy, hm):
        raise ValueError(f"day {hd} of Hijri month {hm} of year {hy} (tabular calendar)")
    return date(*tabular.to_gregorian(hy, hm, hd))


def tabular_to_hijri(d: date) -> tuple[int, int, int]:
    return tabular.from_gregorian(d.year, d.month, d.day)


class Calendar(NamedTuple):
    """A Hijri calendar the resolver converts with, and the flag its results carry."""

    to_gregorian: Callable[[int, int, int], date]
    to_hijri: Callable[[date], tuple[int, int, int]]
    month_length: Callable[[int, int], int]
    flag: Optional[str]


UMM_AL_QURA = Calendar(to_gregorian, to_hijri, month_length, None)
TABULAR_CALENDAR = Calendar(tabular_to_gregorian, tabular_to_hijri, tabular.month_length, TABULAR)


def month_span(hy: int, hm: int, cal: Calendar = UMM_AL_QURA) -> tuple[date, date]:
    """The Gregorian days a Hijri month covers: رمضان 1443 → 2022-04-02 … 2022-05-01."""
    return cal.to_gregorian(hy, hm, 1), cal.to_gregorian(hy, hm, cal.month_length(hy, hm))


def year_span(hy: int, cal: Calendar = UMM_AL_QURA) -> tuple[date, date]:
    """The Gregorian days a Hijri year covers: 1436 → 2014-10-25 … 2015-10-13."""
    return cal.to_gregorian(hy, 1, 1), cal.to_gregorian(hy, 12, cal.month_length(hy, 12))


def day_span(hy: int, hm: int, hd: int, cal: Calendar = UMM_AL_QURA) -> tuple[date, date]:
    d = cal.to_gregorian(hy, hm, _day_in(hy, hm, hd, cal))
    return d, d


def _day_in(hy: int, hm: int, hd: int, cal: Calendar) -> int:
    """The day number, the last day (-1) being the month's length."""
    return cal.month_length(hy, hm) if hd == _LAST_DAY else hd


# -- what a Hijri value denotes --------------------------------------------------------------
def _grain(v: TimeValue) -> str:
    if v.hijri_day is not None:
        return "day"
    return "month" if v.hijri_month is not None else "year"


def _span_in(v: TimeValue, hy: int, cal: Calendar = UMM_AL_QURA) -> tuple[date, date]:
    """The Gregorian interval of `v` in Hijri year `hy` (month/day taken from v)."""
    month, day = v.hijri_month, v.hijri_day
    if day is not None:
        return day_span(hy, _month_of_day(v), day, cal)
    if month is not None:
        return month_span(hy, month, cal)
    return year_span(hy, cal)


def _month_of_day(v: TimeValue) -> int:
    """The Hijri month of a Hijri day; a ValueError (an invalid value) for a day no month holds,
    which no rule builds but a hand-made TimeValue may be."""
    if v.hijri_month is None:
        raise ValueError(f"Hijri day {v.hijri_day} without its month")
    return v.hijri_month


def hijri_text(hy: Optional[int], hm: Optional[int], hd: Optional[int]) -> str:
    """1443-04-19, 1443-09, 1436; XXXX-09 when the year is unknown."""
    parts = [f"{hy:04d}" if hy is not None else "XXXX"]
    if hm is not None:
        parts.append(f"{hm:02d}")
        if hd is not None:
            parts.append(f"{hd:02d}" if hd > 0 else "XX")  # a last day (-1) whose month is unknown
    return "-".join(parts)


_MASK = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX"}


# -- resolution ------------------------------------------------------------------------------
def resolve_hijri(v: TimeValue, ctx: Context) -> Resolved:
    """A Hijri (or dual) TimeValue → Resolved with calendar="hijri" and the Hijri value kept.

    'عيد الفطر 1443' → 2022-05-02; 'رمضان' with anchor 2022-06-01 → Ramadan 1443.
    """
    if v.month is not None and v.day is not None:
        return _dual(v, ctx)
    if v.year is not None and v.hijri_year is not None and v.hijri_month is None:
        return _dual_year(v, v.year, v.hijri_year, ctx)
    if v.feast_day is not None:
        return _some_eid(v, v.feast_day, ctx)
    if v.season is not None and v.hijri_year is not None:
        return _season_of_hijri_year(v, v.hijri_year, v.season, ctx)
    return _hijri_only(_weekday_reading(v), ctx)


def _hijri_only(v: TimeValue, ctx: Context) -> Resolved:
    """In the Umm al-Qura calendar; beyond its table in the tabular one, flagged."""
    try:
        return _hijri_in(v, ctx, UMM_AL_QURA)
    except OverflowError:
        pass
    try:
        r = _hijri_in(v, ctx, TABULAR_CALENDAR)
    except (OverflowError, ValueError):
        return _unconvertible(v, v.hijri_year, OUT_OF_RANGE)
    if r.start_date is not None:
        r.flags.append(TABULAR)
    return r


def _hijri_in(v: TimeValue, ctx: Context, cal: Calendar) -> Resolved:
    hy = _hijri_year(v, ctx, cal)
    if hy is None:
        flag = NO_ANCHOR if ctx.anchor is None else "hijri: no occurrence in that Gregorian year"
        return _unconvertible(v, None, flag)
    try:
        start, end = _span_in(v, hy, cal)
    except ValueError as err:  # 30 of a month that has 29 days that year
        return _unconvertible(v, hy, f"invalid: {err}")
    r = _finish(v, hy, start, end, cal)
    if v.hijri_year is not None and v.rel_unit == "year" and ctx.anchor is not None:
        relative = cal.to_hijri(ctx.anchor)[0] + (v.rel_offset or 0)  # 'العام المقبل 1437'
        if relative != v.hijri_year:
            r.flags.append(written_year_disagrees(v.hijri_year, relative))
    return r


def _hijri_year(v: TimeValue, ctx: Context, cal: Calendar) -> Optional[int]:
    """Which Hijri year is meant: written, relative (العام الهجري الماضي), in a Gregorian year
    ('رمضان 2022'), or chosen against the anchor by the news policy ('رمضان المقبل')."""
    if v.hijri_year is not None:
        return v.hijri_year
    if ctx.anchor is None:
        return None
    if v.rel_unit == "year":
        return cal.to_hijri(ctx.anchor)[0] + (v.rel_offset or 0)
    if v.year is not None:
        return _occurrence_in_gregorian_year(v, v.year, cal)
    return _occurrence_near_anchor(v, ctx, ctx.anchor, cal)


def _occurrence_in_gregorian_year(v: TimeValue, year: int, cal: Calendar) -> Optional[int]:
    """'عيد الأضحى 2021' → 1442 (2021-07-20). None when none or two start in that year (1997
    had two Ramadans): the text does not say which, and a false date is worse than none."""
    first = cal.to_hijri(date(year, 1, 1))[0]
    found = []
    for hy in (first, first + 1):
        try:
            if _span_in(v, hy, cal)[0].year == year:
                found.append(hy)
        except (OverflowError, ValueError):
            continue
    return found[0] if len(found) == 1 else None


def _occurrence_near_anchor(v: TimeValue, ctx: Context, a: date, cal: Calendar) -> int:
    """Which Hijri year a month, day or holiday without one is in, by the policy Gregorian dates
    follow: 'الماضي' → the latest one over before the anchor; 'المقبل' → the next one to begin
    after it; 'الحالي' → the anchor's Hijri year; a future cue → the next one not yet over
    ('يبدأ العام الدراسي في ٨ ذي القعدة'); a past verb → the latest one begun; else the nearest
    ('عيد الأضحى' in July 2015 → 1436, two months ahead, not 1435). A named weekday must agree:
    'يوم الأحد الموافق ٨ ذي القعدة' written in July 2015 is the 8 Dhu al-Qa'da that is a Sunday
    (23 August 2015), not the one of 2014 (a Wednesday). `a`: the anchor."""
    hy0 = cal.to_hijri(a)[0]
    how = placement(v, ctx)
    if how == "this":
        return hy0
    spans, invalid_day = [], None
    for hy in (hy0 - 1, hy0, hy0 + 1):
        try:
            spans.append(Occurrence(*_span_in(v, hy, cal), hy))
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


def _weekday_reading(v: TimeValue) -> TimeValue:
    """A numeric day written in either order with its year and a weekday: the reading whose day is
    that weekday ('الاثنين الموافق 10/4/1436هـ' → 4 Shawwal, a Monday), else the day-first one."""
    hy, first, second = v.hijri_year, v.hijri_month, v.hijri_day  # as written: day-first, month second
    if not (v.either_order and v.weekday and hy is not None and first is not None and second is not None):
        return v
    matches = [(m, d) for m, d in ((first, second), (second, first))
               if (g := _any_calendar_day(hy, m, d)) is not None and g.isoweekday() == v.weekday]
    if len(matches) == 1:
        return v.with_(hijri_month=matches[0][0], hijri_day=matches[0][1])
    return v


def _any_calendar_day(hy: int, hm: int, hd: int) -> Optional[date]:
    """The Gregorian day of a Hijri day, Umm al-Qura first, else tabular; None if none has it."""
    for cal in (UMM_AL_QURA, TABULAR_CALENDAR):
        try:
            return cal.to_gregorian(hy, hm, hd)
        except OverflowError:
            continue
        except ValueError:
            return None
    return None


def _finish(v: TimeValue, hy: int, start: date, end: date, cal: Calendar = UMM_AL_QURA) -> Resolved:
    grain = _grain(v)
    day = _day_in(hy, _month_of_day(v), v.hijri_day, cal) if v.hijri_day is not None else None
    hv = hijri_text(hy, v.hijri_month if grain != "year" else None, day)
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
    """Keep what was written, invent no Gregorian day: year 0, or no anchor for 'رمضان'."""
    grain = _grain(v)
    hv = hijri_text(hy, v.hijri_month if grain != "year" else None, v.hijri_day)
    return Resolved("DATE", _MASK[grain], grain, None, None, v.mod, [flag], "hijri", hv)


# -- the days of an Eid the text does not name ----------------------------------------------------
def _some_eid(v: TimeValue, n: int, ctx: Context) -> Resolved:
    """'ثاني أيام العيد' (n = 2): the n-th day of the Eid (al-Fitr or al-Adha) the news policy picks, as
    for a named holiday: written on 21 July 2015, the latest begun on or before is Eid al-Fitr 1436
    (17 July), so its second day is 18 July 2015."""
    if ctx.anchor is None:
        return Resolved("DATE", _MASK["day"], "day", None, None, v.mod, [NO_ANCHOR], "hijri", "XXXX-XX-XX")
    try:
        days = _eid_days(n, ctx.anchor)
    except OverflowError:
        return Resolved("DATE", _MASK["day"], "day", None, None, v.mod, [OUT_OF_RANGE], "hijri", "XXXX-XX-XX")
    how = placement(v, ctx)
    if how == "this":
        how = "past"
    occurrences = [Occurrence(day[0], day[0], i) for i, day in enumerate(days)]
    chosen, _ = choose(occurrences, ctx.anchor, how)
    if chosen is None:
        return Resolved("DATE", _MASK["day"], "day", None, None, v.mod, [OUT_OF_RANGE], "hijri", "XXXX-XX-XX")
    d, hy, hm, hd = days[chosen.year]
    return _finish(v.with_(hijri_year=hy, hijri_month=hm, hijri_day=hd, feast_day=None), hy, d, d)


def _eid_days(n: int, anchor: date) -> list[tuple[date, int, int, int]]:
    """The n-th day of each Eid in the Hijri years around the anchor: (day, year, month, day); n = -1
    is its last day ('أيام العيد' end there: the third of al-Fitr, the fourth of al-Adha)."""
    hy0 = to_hijri(anchor)[0]
    found = []
    for name in _EIDS:
        month, day = LEXICON.holidays[name]
        nth = LEXICON.holiday_days[name] if n == _LAST_DAY else n
        for hy in (hy0 - 1, hy0, hy0 + 1):
            try:
                found.append((to_gregorian(hy, month, day + nth - 1), hy, month, day + nth - 1))
            except (OverflowError, ValueError):
                continue
    return found


# -- seasons and years written in both calendars ---------------------------------------------------
def _season_of_hijri_year(v: TimeValue, hy: int, season: str, ctx: Context) -> Resolved:
    """'صيف 1436 هـ' (hy = 1436, season = SU): the Gregorian season that lies most inside the Hijri
    year (2015-SU)."""
    try:
        start, end = year_span(hy)
        flags = []
    except OverflowError:
        try:
            start, end = year_span(hy, TABULAR_CALENDAR)
            flags = [TABULAR]
        except (OverflowError, ValueError):
            return _unconvertible(v.with_(season=None), hy, OUT_OF_RANGE)
    seasons = [resolve_date(TimeValue(year=year, season=season, mod=v.mod), ctx)
               for year in range(start.year - 1, end.year + 1)]
    r = max(seasons, key=lambda s: _days_shared(s, start, end))  # the first of the best, as written
    return Resolved(r.type, r.value, r.granularity, r.start_date, r.end_date, r.mod, r.flags + flags, "hijri",
                    hijri_text(hy, None, None))


def _days_shared(r: Resolved, start: date, end: date) -> int:
    """How many days past one (negative: how far apart) `r`'s interval and start…end overlap."""
    if r.start_date is None or r.end_date is None:
        raise ValueError(f"{r.value} has no interval")  # a season with its year always has one
    return (min(end, r.end_date) - max(start, r.start_date)).days


def _dual_year(v: TimeValue, year: int, hy: int, ctx: Context) -> Resolved:
    """'1382-1962', 'العام 1391 هـ الموافق 1971م' (year = 1971, hy = 1391): the printed Gregorian
    year, the Hijri one beside it, flagged when the two years do not overlap."""
    r = resolve_date(TimeValue(year=year, mod=v.mod), ctx)
    flags = list(r.flags)
    span: Optional[tuple[date, date]]  # the Hijri year's days, when a calendar has them
    try:
        span = year_span(hy)
    except OverflowError:
        try:
            span = year_span(hy, TABULAR_CALENDAR)
        except (OverflowError, ValueError):
            span = None
    if span is not None and not span[0].year <= year <= span[1].year:
        flags.append(f"dual: Hijri year {hy} ({span[0].isoformat()}/{span[1].isoformat()}) is not in {year}")
    return Resolved(r.type, r.value, r.granularity, r.start_date, r.end_date, r.mod, flags, "hijri",
                    hijri_text(hy, None, None))


# -- dual dates ------------------------------------------------------------------------------
class _Agreement(NamedTuple):
    weekday_ok: bool
    gap: int
    gregorian: date
    hijri_year: int
    hijri_month: int
    hijri_day: int


def _dual(v: TimeValue, ctx: Context) -> Resolved:
    """'19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م': the printed Gregorian day, the Hijri
    value beside it. A half without a year takes the year where both halves (and a named weekday)
    agree; halves that agree in no year are resolved each on its own and flagged."""
    found = _agreeing_readings(v, ctx)
    if found:
        best = min(found, key=lambda c: (not c.weekday_ok, c.gap))
        greg = TimeValue(year=best.gregorian.year, month=v.month, day=v.day, pod=v.pod, hour=v.hour,
                         minute=v.minute, mod=v.mod)
        r = resolve_date(greg, ctx)
        flags = list(r.flags) + _weekday_flags(v, best.gregorian)
        return Resolved(r.type, r.value, r.granularity, r.start_date, r.end_date, v.mod or r.mod, flags, "hijri",
                        hijri_text(best.hijri_year, best.hijri_month, best.hijri_day))
    return _dual_apart(v, ctx)


def _agreeing_readings(v: TimeValue, ctx: Context) -> list[_Agreement]:
    """Every (Gregorian year, Hijri year, reading of the Hijri day) where the halves are at most a
    day apart. Years not written are looked for around the anchor (or around the written half)."""
    month, day, hm, hd = v.month, v.day, v.hijri_month, v.hijri_day
    if month is None or day is None:
        raise ValueError("a dual date without its Gregorian day")  # resolve_hijri sends only those
    if v.year is not None:
        years = [v.year]
    elif ctx.anchor is not None:
        years = [ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1]
    else:
        return []
    if hm is None or hd is None:  # a Hijri half without its day agrees with no day
        return []
    readings = [(hm, hd)]
    if v.either_order:
        readings.append((hd, hm))
    found = []
    for gy in years:
        try:
            g = date(gy, month, day)
            hijri_years = [v.hijri_year] if v.hijri_year is not None else _hijri_years_around(g)
        except (ValueError, OverflowError):
            continue
        for hy in hijri_years:
            for hm, hd in readings:
                try:
                    h = to_gregorian(hy, hm, _day_in(hy, hm, hd, UMM_AL_QURA))
                except (ValueError, OverflowError):
                    continue
                gap = abs((g - h).days)
                if gap <= _DUAL_TOLERANCE_DAYS:
                    found.append(_Agreement(not v.weekday or g.isoweekday() == v.weekday, gap, g, hy, hm,
                                            _day_in(hy, hm, hd, UMM_AL_QURA)))
    return found


def _hijri_years_around(g: date) -> list[int]:
    hy = to_hijri(g)[0]
    return [hy - 1, hy, hy + 1]


def _dual_apart(v: TimeValue, ctx: Context) -> Resolved:
    """Halves that agree in no year: each resolved on its own, the printed Gregorian day kept,
    a flag saying how far apart they are."""
    hijri_half = v.with_(year=None, month=None, day=None, weekday=None, either_order=False)
    greg_half = TimeValue(year=v.year, month=v.month, day=v.day, pod=v.pod, hour=v.hour, minute=v.minute)
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
    """The Gregorian days the Umm al-Qura converter knows: 1924-08-01 … 2077-11-16."""
    first = to_gregorian(1343, 1, 1)
    return first, year_span(1500)[1]
