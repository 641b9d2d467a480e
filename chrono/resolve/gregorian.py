"""Gregorian dates: anchor-relative days, weekdays, months without a year, decades, seasons,
durations and sets, one small function per policy.

    >>> from datetime import date
    >>> resolve_date(TimeValue(month=12, cue="past"), Context(date(2021, 11, 25))).value
    '2020-12'
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

from chrono.resolve.core import (
    NO_ANCHOR,
    NO_DAY,
    Context,
    Occurrence,
    Resolved,
    choose,
    direction_of,
    narrow,
    placement,
)
from chrono.tagger.values import TimeValue, parse_canonical

# -- durations and sets ----------------------------------------------------------------------
_ISO_UNIT = {"year": ("", "Y"), "month": ("", "M"), "week": ("", "W"), "day": ("", "D"),
             "hour": ("T", "H"), "minute": ("T", "M"), "decade": ("", "DE"), "century": ("", "CE")}


def duration_value(unit: str, amount: float) -> str:
    """P3D, PT2H, PT30M for "نصف ساعة" (a fractional hour becomes minutes), PXD for "بضعة أيام"."""
    if amount < 0:  # an unknown count
        t, letter = _ISO_UNIT[unit]
        return f"P{t}X{letter}"
    if unit == "hour" and not float(amount).is_integer():
        unit, amount = "minute", amount * 60
    if unit in ("decade", "century"):
        unit, amount = "year", amount * (10 if unit == "decade" else 100)
    t, letter = _ISO_UNIT[unit]
    n = int(amount) if float(amount).is_integer() else amount
    return f"P{t}{n}{letter}"


def resolve_duration(v: TimeValue) -> Resolved:
    if v.plus:
        return Resolved("DURATION", compound_duration_value(v), mod=v.mod)
    return Resolved("DURATION", duration_value(_unit_of(v), v.amount if v.amount is not None else 1), mod=v.mod)


# ISO 8601 designators of a duration's parts, largest first; weeks mix with no other part
_DATE_PARTS = (("year", "Y"), ("month", "M"), ("day", "D"))
_TIME_PARTS = (("hour", "H"), ("minute", "M"))


def compound_duration_value(v: TimeValue) -> str:
    """'4 ساعات و25 دقيقة' → PT4H25M, '5 أشهر و27 يوما' → P5M27D, 'أسبوعين وثلاثة أيام' → P17D (a
    week mixed with another part is counted in days, as ISO 8601 writes it)."""
    amounts: dict[str, float] = {}
    part: TimeValue | None = v
    while part is not None:
        unit, amount = part.unit or "day", part.amount or 0  # every part the grammar builds has a unit
        if unit in ("decade", "century"):
            unit, amount = "year", amount * (10 if unit == "decade" else 100)
        if unit == "week":
            unit, amount = "day", amount * 7
        amounts[unit] = amounts.get(unit, 0) + amount
        part = parse_canonical(part.plus) if part.plus else None
    date = "".join(f"{_number(amounts[u])}{d}" for u, d in _DATE_PARTS if u in amounts)
    time = "".join(f"{_number(amounts[u])}{d}" for u, d in _TIME_PARTS if u in amounts)
    return "P" + date + ("T" + time if time else "")


def _number(amount: float):
    return int(amount) if float(amount).is_integer() else amount


def resolve_set(v: TimeValue) -> Resolved:
    if v.set_weekday:
        return Resolved("SET", f"XXXX-WXX-{v.set_weekday}", mod=v.mod)
    return Resolved("SET", duration_value(_unit_of(v), v.amount or 1), mod=v.mod)


def _unit_of(v: TimeValue) -> str:
    """The unit of a duration or a set; a ValueError (an invalid value) for one without, which no
    rule builds but a hand-made TimeValue may be."""
    if v.unit is None:
        raise ValueError(f"a {v.kind} without its unit")
    return v.unit


# -- dates -----------------------------------------------------------------------------------
def resolve_date(v: TimeValue, ctx: Context) -> Resolved:
    if v.rel_unit:
        return _relative(v, v.rel_unit, ctx)
    if v.decade_digit is not None or v.decade is not None or v.century is not None:
        return _decade_or_century(v, ctx)
    if v.weekday and v.day is None and v.month is None and v.year is None:
        return _weekday(v, v.weekday, ctx)
    return _calendar(v, ctx)


WEEKDAY_REACH_DAYS = 2


def _named_weekday_near(d: date, v: TimeValue, trust_anchor: bool) -> Resolved:
    """A day told from the anchor whose weekday the text names otherwise: 'اليوم الإثنين' in a page
    crawled on the Tuesday. The weekday is the text's own word, the anchor often a crawl day late:
    the named weekday within `WEEKDAY_REACH_DAYS` of the counted day is taken (flagged); further
    off, or when the user declared the anchor (`trust_anchor`), the counted day stays (flagged).
    """
    assert v.weekday is not None
    shift = (v.weekday - d.isoweekday() + 3) % 7 - 3  # -3 … 3: the nearest such weekday
    if abs(shift) <= WEEKDAY_REACH_DAYS and not trust_anchor:
        named = d + timedelta(days=shift)
        r = _day_resolved(named, v)
        r.flags.append(f"weekday mismatch: counted from the anchor the day is {d.isoformat()} "
                       f"(weekday {d.isoweekday()}); the text's weekday {v.weekday} is taken")
        return r
    r = _day_resolved(d, v)
    r.flags.append(f"weekday mismatch: text says weekday {v.weekday}, date is {d.isoweekday()}")
    return r


def _relative(v: TimeValue, unit: str, ctx: Context) -> Resolved:
    """اليوم/أمس/غداً (day), الأسبوع/الشهر/العام + الماضي/المقبل/الحالي, قبل ثلاثة أيام, القرن الماضي
    (`unit`: v.rel_unit)."""
    n = v.rel_offset or 0
    if ctx.anchor is None and unit == "year" and v.year is not None:  # 'العام الماضي 2014': written
        return _calendar(v.with_(rel_unit=None, rel_offset=None), ctx)
    if ctx.anchor is None:
        masks = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
                 "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}
        kind = "TIME" if (v.hour is not None or v.pod) else "DATE"
        return Resolved(kind, masks[unit] + _pod_suffix(v), unit, mod=v.mod, flags=[NO_ANCHOR])
    a = ctx.anchor
    if unit == "day" and v.rel_offset is None:  # 'الساعة العاشرة' in a sentence that names no day
        return Resolved("TIME", "XXXX-XX-XX" + _pod_suffix(v), "minute" if v.minute else "hour", mod=v.mod,
                        flags=[NO_DAY])
    if unit == "day":
        d = a + timedelta(days=n)
        if v.year is not None:  # 'في مثل هذا اليوم من عام 1948': the anchor's day in another year
            d = d.replace(year=v.year)
        if v.weekday and d.isoweekday() != v.weekday:
            return _named_weekday_near(d, v, ctx.trust_anchor)
        return _day_resolved(d, v)
    if unit == "week":
        monday = a - timedelta(days=a.isoweekday() - 1) + timedelta(weeks=n)
        y, w, _ = monday.isocalendar()
        return _finish(Resolved("DATE", f"{y}-W{w:02d}", "week", monday, monday + timedelta(days=6)), v)
    if unit == "month" and v.rel_offset is None:  # 'الثامن من الشهر نفسه' whose month the sentence did not name
        raise ValueError("a day of a month told before, and no month")
    if unit == "month":
        y, m = divmod(a.year * 12 + a.month - 1 + n, 12)
        return _calendar(TimeValue(year=y, month=m + 1, mod=v.mod, day=v.day), ctx)
    if unit == "quarter":
        q0 = (a.month - 1) // 3 + n
        y, q = a.year + q0 // 4, q0 % 4 + 1
        return _calendar(TimeValue(year=y, quarter=q, mod=v.mod), ctx)
    if unit == "year":
        if v.year is not None:  # 'العام الماضي 2014': the written year, flagged when the anchor disagrees
            r = _calendar(v.with_(rel_unit=None, rel_offset=None), ctx)
            if v.year != a.year + n:
                r.flags.append(written_year_disagrees(v.year, a.year + n))
            return r
        return _calendar(v.with_(rel_unit=None, rel_offset=None, year=a.year + n), ctx)
    if unit == "decade":
        return _decade_or_century(TimeValue(decade=a.year // 10 + n, mod=v.mod), ctx)
    if unit == "century":
        return _decade_or_century(v.with_(rel_unit=None, rel_offset=None, century=a.year // 100 + n), ctx)
    raise ValueError(f"unknown relative unit {unit}")


def written_year_disagrees(written: int, relative: int) -> str:
    """The flag of 'العام الماضي 2014' in a page whose anchor makes last year another one."""
    return f"relative year mismatch: text writes {written}, the anchor gives {relative}"


def _weekday(v: TimeValue, weekday: int, ctx: Context) -> Resolved:
    """يوم الأربعاء (`weekday` 3): latest on or before the anchor (news); الماضي strictly before;
    المقبل strictly after."""
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday}" + _pod_suffix(v), "day", mod=v.mod, flags=[NO_ANCHOR])
    a = ctx.anchor
    back = (a.isoweekday() - weekday) % 7
    ahead = (weekday - a.isoweekday()) % 7
    direction = direction_of(v.cue, ctx)
    if direction == "past_strict":
        d = a - timedelta(days=back or 7)
    elif direction == "future_strict":
        d = a + timedelta(days=ahead or 7)
    elif direction == "future":
        d = a + timedelta(days=ahead)
    elif direction == "this":
        d = a - timedelta(days=a.isoweekday() - weekday)
    else:
        d = a - timedelta(days=back)
    return _day_resolved(d, v)


def _year_for_month(month: int, v: TimeValue, ctx: Context, a: date) -> int:
    """ديسمبر الماضي → the latest December strictly before the anchor (`a`)'s month; نوفمبر الحالي
    → the anchor's; a month told with no cue → the nearest one (months count, an earlier one on a
    tie), unless the clause's tense decides."""
    how = placement(v, ctx)
    if how == "this":
        return a.year
    months = [Occurrence(date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]), y)
              for y in (a.year - 1, a.year, a.year + 1)]
    chosen, _ = choose(months, a, how, distance=_months_apart)
    if chosen is None:  # never: each policy allows one of three consecutive years
        raise ValueError(f"no month {month} within reach of the anchor")
    return chosen.year


def _months_apart(o: Occurrence, anchor: date) -> int:
    return abs((o.year - anchor.year) * 12 + o.start.month - anchor.month)


def _yearless_day(v: TimeValue, month: int, day: int, ctx: Context, a: date) -> Resolved:
    """'2 أغسطس' → the nearest 2 August (written 25 July 2015: 2015-08-02), unless the clause's
    tense decides ('انطلقت في 2 أغسطس' → on or before the anchor; 'يختتم الفريق معسكره يوم 2
    أغسطس' → on or after); '20 يوليو الماضي' written on 25 July → that July. A named weekday
    must agree: 'الاثنين 18 شباط' takes the year, within one either side, where 18 February is
    a Monday (flagged when none is). `month`, `day`: v's; `a`: the anchor."""
    how = placement(v, ctx)
    leap_day = (month, day) == (2, 29)
    years = range(a.year - 4, a.year + 5) if leap_day else range(a.year - 1, a.year + 2)
    days = [Occurrence(d, d, d.year) for d in (_valid_day(y, month, day) for y in years) if d]
    if how == "this":
        days = [o for o in days if o.year == a.year]
        how = "nearest"
    if not days:
        date(a.year, month, day)  # raises the calendar's own error: 31 April, 29 February 2021
    agrees = (lambda o: o.start.isoweekday() == v.weekday) if v.weekday else None
    chosen, agreed = choose(days, a, how, agrees)
    if chosen is None:  # 29 February with no leap year on the required side within reach
        raise ValueError(f"no {day}/{month} within reach of the anchor")
    r = _day_resolved(chosen.start, v)
    if not agreed:
        r.flags.append(f"weekday mismatch: text says weekday {v.weekday}, date is {chosen.start.isoweekday()}")
    return r


def _valid_day(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _season_year(v: TimeValue, season: str, ctx: Context, a: date) -> int:
    """الصيف الماضي → the summer before the current season (written in July 2015: 2014-SU);
    الشتاء المقبل → the next winter to begin; هذا الصيف → the one under way, else this year's;
    a season with no cue → the latest begun (often habitual: 'في الصيف'). `season`: v's; `a`: the
    anchor."""
    how = placement(v, ctx)
    seasons = [Occurrence(*_season_days(y, season), y) for y in (a.year - 1, a.year, a.year + 1)]
    if how == "this":
        return next((o.year for o in seasons if o.start <= a <= o.end), a.year)
    chosen, _ = choose(seasons, a, "past" if how == "nearest" else how)
    if chosen is None:  # never: each policy allows one of three consecutive years
        raise ValueError(f"no season {season} within reach of the anchor")
    return chosen.year


def _calendar(v: TimeValue, ctx: Context) -> Resolved:
    """Absolute or partly absolute dates: 24 نوفمبر 2021, نوفمبر 2021, 2021, العاشر من ديسمبر الماضي."""
    year = v.year
    if year is None and v.season is not None:
        if ctx.anchor is None:
            return Resolved("DATE", f"XXXX-{v.season}", "quarter", mod=v.mod, flags=[NO_ANCHOR])
        year = _season_year(v, v.season, ctx, ctx.anchor)
    if year is None and v.month is not None:
        if ctx.anchor is None:
            return _masked(v)
        if v.day is not None and not v.bc:
            return _yearless_day(v, v.month, v.day, ctx, ctx.anchor)
        year = _year_for_month(v.month, v, ctx, ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return _masked(v)
        year = ctx.anchor.year
    if v.bc:
        return Resolved("DATE", f"BC{year:04d}", "year", mod=v.mod,
                        flags=["before the common era: no calendar interval"])
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} outside 1..9999")
    if v.month is not None and v.day is not None:
        return _day_resolved(date(year, v.month, v.day), v)
    if v.month is not None:
        last = calendar.monthrange(year, v.month)[1]
        return _finish(Resolved("DATE", f"{year:04d}-{v.month:02d}", "month",
                                date(year, v.month, 1), date(year, v.month, last)), v)
    if v.quarter:
        first = 3 * (v.quarter - 1) + 1
        end = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return _finish(Resolved("DATE", f"{year:04d}-Q{v.quarter}", "quarter", date(year, first, 1), end), v)
    if v.season:
        return _finish(_season(year, v.season), v)
    if v.half:
        first = 1 if v.half == 1 else 7
        end = date(year, 6, 30) if v.half == 1 else date(year, 12, 31)
        return _finish(Resolved("DATE", f"{year:04d}-H{v.half}", "half", date(year, first, 1), end), v)
    return _finish(Resolved("DATE", f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31)), v)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _season(year: int, code: str) -> Resolved:
    """صيف 2016 → 2016-SU, June–August; شتاء 2020 → December 2020 – February 2021."""
    return Resolved("DATE", f"{year:04d}-{code}", "quarter", *_season_days(year, code))


def _season_days(year: int, code: str) -> tuple[date, date]:
    """The first and last day of a season: (2020-12-01, 2021-02-28) for WI 2020."""
    first, last = _SEASON_MONTHS[code]
    ly, lm = (year + 1, last - 12) if last > 12 else (year, last)
    return date(year, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1])


def _decade_or_century(v: TimeValue, ctx: Context) -> Resolved:
    """التسعينيات → 199 (latest 90s at or before the anchor), القرن العشرين → 19 (1900-1999)."""
    if v.decade_digit is not None:
        century = v.century
        if century is None:
            if ctx.anchor is None:
                return Resolved("DATE", f"XX{v.decade_digit}", "decade", mod=v.mod, flags=[NO_ANCHOR])
            century = ctx.anchor.year // 100
            if century * 100 + v.decade_digit * 10 > ctx.anchor.year:
                century -= 1
        v = v.with_(decade=century * 10 + v.decade_digit, decade_digit=None, century=None)
    if v.decade is not None:
        start = v.decade * 10
        return _finish(Resolved("DATE", f"{v.decade:03d}", "decade", date(max(start, 1), 1, 1),
                                date(start + 9, 12, 31)), v)
    if v.century is None:  # never: resolve_date sends only a decade or a century here
        raise ValueError("neither a decade nor a century")
    if v.bc:  # 'القرن الثالث قبل الميلاد' → BC0300/BC0201, its years (no calendar here has their days)
        first, last = (v.century + 1) * 100, v.century * 100 + 1
        return Resolved("DATE", f"BC{first:04d}/BC{last:04d}", "century", mod=v.mod,
                        flags=["before the common era: no calendar interval"])
    start = v.century * 100
    return _finish(Resolved("DATE", f"{v.century:02d}", "century", date(max(start, 1), 1, 1),
                            date(start + 99, 12, 31)), v)


def _masked(v: TimeValue) -> Resolved:
    """No anchor: XXXX-12-10, XXXX-12, keeping what the text gave."""
    m = f"{v.month:02d}" if v.month else "XX"
    if v.day:
        return Resolved("DATE", f"XXXX-{m}-{v.day:02d}" + _pod_suffix(v), "day", mod=v.mod, flags=[NO_ANCHOR])
    return Resolved("DATE", f"XXXX-{m}" if v.month else "XXXX", "month" if v.month else "year",
                    mod=v.mod, flags=[NO_ANCHOR])


def _pod_suffix(v: TimeValue) -> str:
    if v.hour is not None:
        return f"T{v.hour:02d}:{(v.minute or 0):02d}"
    return f"T{v.pod}" if v.pod else ""


def _day_resolved(d: date, v: TimeValue) -> Resolved:
    """A day, with its part of day (2021-11-23TNI) or clock time (2021-11-24T10:30)."""
    if v.hour is not None:
        return Resolved("TIME", f"{d.isoformat()}{_pod_suffix(v)}", "minute" if v.minute else "hour",
                        d, d, v.mod)
    if v.pod:
        return Resolved("TIME", f"{d.isoformat()}T{v.pod}", "part_of_day", d, d, v.mod)
    return Resolved("DATE", d.isoformat(), "day", d, d, v.mod)


def _finish(r: Resolved, v: TimeValue) -> Resolved:
    r.mod = v.mod
    if v.mod in ("START", "MID", "END") and r.start_date and r.end_date:
        r.start_date, r.end_date = narrow(r.start_date, r.end_date, v.mod)
    return r
