"""What every resolver shares: the result type, the context, directions and narrowing by mod.

    >>> narrow(date(2020, 1, 1), date(2020, 12, 31), "END")
    (datetime.date(2020, 9, 1), datetime.date(2020, 12, 31))
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from chrono.tag.values import TimeValue

NO_ANCHOR = "unresolved: no anchor"


@dataclass
class Resolved:
    type: str
    value: str
    granularity: Optional[str] = None
    start_date: Optional[date] = None
    end_date: Optional[date] = None
    mod: Optional[str] = None
    flags: list[str] = field(default_factory=list)
    calendar: str = "gregorian"
    hijri_value: Optional[str] = None


@dataclass(frozen=True)
class Context:
    """What the resolver may know besides the value: the anchor, the policy and the cues."""

    anchor: Optional[date] = None
    prefer: str = "news"
    future_cue: bool = False


def direction_of(cue: Optional[str], ctx: Context) -> str:
    """past_strict, future_strict, this, future (on or after) or past (on or before)."""
    if cue == "past":
        return "past_strict"
    if cue == "future":
        return "future_strict"
    if cue == "this":
        return "this"
    if ctx.prefer == "future":
        return "future_strict"
    if ctx.prefer == "news" and ctx.future_cue:
        return "future"
    return "past"


def narrow(start: date, end: date, mod: str) -> tuple[date, date]:
    """START/MID/END keep the first, middle or last third of the period.

    A period of whole months splits by months (أواخر 2020 → 2020-09-01 … 2020-12-31), anything
    shorter by days (مطلع الشهر, November → 2021-11-01 … 2021-11-10; أواخره → 21 … 30).
    """
    months = _whole_months(start, end)
    if months and months >= 3:
        third = months // 3
        first = (0, third, months - third)[("START", "MID", "END").index(mod)]
        count = third if mod != "MID" else months - 2 * third
        return _month_start(start, first), _month_end(start, first + count - 1)
    days = (end - start).days + 1
    if days < 3:
        return start, end
    third = days // 3
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), start + timedelta(days=2 * third - 1)
    return start + timedelta(days=2 * third), end


def _whole_months(start: date, end: date) -> int:
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1]:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _month_start(first: date, offset: int) -> date:
    y, m = divmod(first.year * 12 + first.month - 1 + offset, 12)
    return date(y, m + 1, 1)


def _month_end(first: date, offset: int) -> date:
    d = _month_start(first, offset)
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def written(v: TimeValue) -> str:
    """The value as written, for values no calendar has (31 فبراير 2021 → 2021-02-31)."""
    y = f"{v.year:04d}" if v.year is not None else "XXXX"
    if v.month is None:
        return y
    m = f"{y}-{v.month:02d}"
    return f"{m}-{v.day:02d}" if v.day else m


def invalid(v: TimeValue, err: Exception) -> Resolved:
    """A value no calendar has (year 0 or 99999, 31 February): keep what was written, invent nothing."""
    return Resolved("DATE", written(v), flags=[f"invalid: {err}"], mod=v.mod)
