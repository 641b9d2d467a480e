"""Resolution: an anchor-free TimeValue + the anchor + context → a TIMEX3 value and its interval.

One small function per policy (`gregorian`, `hijri`; their shared types in `core`). Without an
anchor, absolute parts still resolve and the unknown parts stay X ("ديسمبر الماضي" → XXXX-12),
flagged "unresolved: no anchor".

    >>> from datetime import date, timedelta
    >>> resolve(TimeValue(month=12, cue="past"), date(2021, 11, 25)).value
    '2020-12'
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from chrono.resolve.core import NO_ANCHOR, POLICIES, Context, Resolved, invalid, narrow
from chrono.resolve.gregorian import resolve_date, resolve_duration, resolve_set
from chrono.resolve.hijri import resolve_hijri
from chrono.tagger.values import TimeValue

__all__ = ["NO_ANCHOR", "POLICIES", "Context", "Resolved", "narrow", "resolve"]


def resolve(v: TimeValue, anchor: Optional[date] = None, prefer: str = "news",
            future_cue: bool = False, past_cue: bool = False, trust_anchor: bool = False) -> Resolved:
    """`future_cue`/`past_cue`: what the clause says of its tense ('سيعقد', 'تنطلق' / 'انطلقت'),
    which places a date without its year before or after the anchor. `trust_anchor`: the user
    declared the anchor, so a day counted from it keeps it against a weekday the text names."""
    ctx = Context(anchor, prefer, future_cue, past_cue, trust_anchor)
    try:
        if v.shift_days:
            return _shifted(v, ctx)
        if v.kind == "duration":
            return resolve_duration(v)
        if v.kind == "set":
            return resolve_set(v)
        if v.kind == "ref":
            return Resolved("DATE", v.ref or "PRESENT_REF", mod=v.mod)
        if v.kind == "range":
            return _range(v, ctx)
        if v.calendar == "hijri":
            return resolve_hijri(v, ctx)
        return resolve_date(v, ctx)
    except (ValueError, OverflowError) as err:
        return invalid(v, err)


def _shifted(v: TimeValue, ctx: Context) -> Resolved:
    """'قبل ذلك بيوم' after 'مساء الخميس': the day the value names, placed as it is placed alone,
    then counted forward or back by its days (a whole day: the part of day was the other day's)."""
    assert v.shift_days is not None, "called only on a shifted value"
    placed = _resolve_in(v.with_(shift_days=None), ctx)
    if placed.start_date is None or placed.start_date != placed.end_date:
        return Resolved("DATE", "XXXX-XX-XX", "day", flags=placed.flags + ["unresolved: the day it counts from"])
    day = placed.start_date + timedelta(days=v.shift_days)
    return Resolved("DATE", day.isoformat(), "day", day, day, flags=placed.flags)


# -- ranges ----------------------------------------------------------------------------------
def _range(v: TimeValue, ctx: Context) -> Resolved:
    """'من 23 إلى 25 نوفمبر'. Ranges keep their order: an end placed by the anchor (no year, no
    cue: 'من الاثنين إلى الجمعة', 'من 21 يونيو 2013 وحتى 14 أغسطس') is the first one on or after
    the start; a start placed by the anchor before an end that is not is the last one on or
    before that end. Each end placed on its own would give Monday 22 to Friday 19 for a
    Wednesday anchor."""
    start, end = v.start(), v.end()
    if start.kind == "duration" and end.kind == "duration":  # 'بين ثمانية و12 عاما': never a date
        return duration_range(start, end, v.mod)
    if _placed_by_anchor(start) and not _placed_by_anchor(end):
        b = _resolve_in(end, ctx)
        a = resolve(start, b.end_date, "past") if b.end_date else _resolve_in(start, ctx)
    else:
        a = _resolve_in(start, ctx)
        b = resolve(end, a.start_date, "future") if a.start_date and _placed_by_anchor(end) \
            else _resolve_in(end, ctx)
    flags = sorted(set(a.flags + b.flags))
    ok = a.start_date and b.end_date and a.start_date <= b.end_date
    if a.start_date and b.end_date and not ok:
        flags.append("invalid: range ends before it starts")
    return Resolved("DATE", f"{_first(a.value)}/{_last(b.value)}", _coarser(a.granularity, b.granularity),
                    a.start_date if ok else None, b.end_date if ok else None, v.mod, flags,
                    a.calendar if a.calendar == b.calendar else "gregorian",
                    f"{a.hijri_value}/{b.hijri_value}" if a.hijri_value and b.hijri_value else None)


def _resolve_in(v: TimeValue, ctx: Context) -> Resolved:
    return resolve(v, ctx.anchor, ctx.prefer, ctx.future_cue, ctx.past_cue, ctx.trust_anchor)


def duration_range(shortest: TimeValue, longest: TimeValue, mod: Optional[str]) -> Resolved:
    """'بين ثمانية و12 عاما' (an age, a term): a DURATION, never a date. TIMEX3 has no value for a
    range of durations, so the value is the longer one with mod EQUAL_OR_LESS, and a flag keeps
    both bounds ('duration range: P8Y to P12Y')."""
    low, high = resolve_duration(shortest).value, resolve_duration(longest).value
    return Resolved("DURATION", high, mod=mod or "EQUAL_OR_LESS", flags=[f"duration range: {low} to {high}"])


def _placed_by_anchor(v: TimeValue) -> bool:
    """A weekday or a day/month without year, cue or offset: where it falls depends on the anchor
    (a Hijri one too: the last day of 'العشر الأواخر من رمضان' is in the Ramadan its start is in)."""
    if v.kind != "date" or v.year is not None or v.rel_unit is not None or v.cue is not None:
        return False
    if v.calendar == "hijri":
        return v.hijri_year is None and v.hijri_month is not None
    return bool(v.weekday or v.month or v.day)


def _first(value: str) -> str:
    """The start of an end's value: a Hijri year is an interval itself ('1417 - 1419هـ' runs from
    the first day of 1417 to the last of 1419)."""
    return value.split("/")[0]


def _last(value: str) -> str:
    return value.split("/")[-1]


_GRAIN_ORDER = ["minute", "hour", "part_of_day", "day", "week", "month", "quarter", "half", "year",
                "decade", "century"]


def _coarser(a: Optional[str], b: Optional[str]) -> Optional[str]:
    known = [g for g in (a, b) if g]
    return max(known, key=_GRAIN_ORDER.index) if known else None
