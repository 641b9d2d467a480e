"""What every resolver shares: the result type, the context, directions and narrowing by mod.

    >>> narrow(date(2020, 1, 1), date(2020, 12, 31), "END")
    (datetime.date(2020, 9, 1), datetime.date(2020, 12, 31))
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from chrono.tagger.values import TimeValue

NO_ANCHOR = "unresolved: no anchor"
NO_DAY = "unresolved: a clock time whose sentence names no day"


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


# What each policy of `Settings.prefer` does, for people (`--prefer`'s help): a new policy is a
# name in `chrono.models.Prefer`, a line here and its branch in `direction_of` and `placement`.
POLICIES = {
    "news": "the latest on or before the anchor, the next one on or after it when the clause speaks of the future",
    "past": "the latest on or before the anchor",
    "future": "the next one after the anchor",
}


@dataclass(frozen=True)
class Context:
    """What the resolver may know besides the value: the anchor, the policy and the cues of the
    clause (a future cue 'سيعقد، تنطلق', a past verb 'انطلقت، أُعلن')."""

    anchor: Optional[date] = None
    prefer: str = "news"
    future_cue: bool = False
    past_cue: bool = False
    # the anchor was declared by the user (--anchor, a manifest, front matter, --keep-anchor): a
    # weekday the text names otherwise does not move a day counted from it
    trust_anchor: bool = False


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


def placement(v: TimeValue, ctx: Context) -> str:
    """How a date missing its year is placed around the anchor: past_strict, future_strict, this,
    past (latest on or before), future (next on or after), announced or nearest.

    An explicit cue decides ('الماضي', 'المقبل', 'الجاري'); then the policy: past and future
    as named (future never pushes a date later this year to next year); news: a future cue →
    announced (on or after the day the text was written: see ANNOUNCED_LAG_DAYS), a past verb →
    on or before, 'منذ' (since) → on or before, else the nearest."""
    if v.cue == "past":
        return "past_strict"
    if v.cue == "future":
        return "future_strict"
    if v.cue == "this":
        return "this"
    if ctx.prefer in ("past", "future"):
        return ctx.prefer
    if ctx.future_cue:
        return "announced"
    if ctx.past_cue or v.mod == "ON_OR_AFTER":
        return "past"
    return "nearest"


@dataclass(frozen=True)
class Occurrence:
    """One of the periods a value without its year may be: its days and the year it is in."""

    start: date
    end: date
    year: int


def gap_days(o: Occurrence, anchor: date) -> int:
    """Days between the anchor and the occurrence (0 when the anchor is inside it)."""
    if o.start <= anchor <= o.end:
        return 0
    return (o.start - anchor).days if o.start > anchor else (anchor - o.end).days


# An archive's anchor is often its crawl day, days or weeks after the text was written: a clause
# that announces a date ('تنطلق البطولة في 18 يوليو', 'يستقبل المهنئين بعيد الفطر') seen a few days
# after it meant the coming one, not the one a year on. Explicit 'المقبل' gets no such slack.
ANNOUNCED_LAG_DAYS = 31
_IN_DIRECTION = {
    "past_strict": lambda o, a: o.end < a, "future_strict": lambda o, a: o.start > a,
    "past": lambda o, a: o.start <= a, "future": lambda o, a: o.end >= a,
    "announced": lambda o, a: (a - o.end).days <= ANNOUNCED_LAG_DAYS, "nearest": lambda o, a: True,
}


def by_preference(occurrences: list[Occurrence], anchor: date, how: str,
                  distance=gap_days) -> list[Occurrence]:
    """The occurrences `how` allows, best first: the latest for past ones, the earliest for future
    ones, the nearest (an earlier one on a tie) for 'nearest'."""
    allowed = [o for o in occurrences if _IN_DIRECTION[how](o, anchor)]
    if how.startswith("past"):
        return sorted(allowed, key=lambda o: o.start, reverse=True)
    if how.startswith("future") or how == "announced":
        return sorted(allowed, key=lambda o: o.start)
    return sorted(allowed, key=lambda o: (distance(o, anchor), o.start))


def choose(occurrences: list[Occurrence], anchor: date, how: str, agrees=None,
           distance=gap_days) -> tuple[Optional[Occurrence], bool]:
    """The occurrence `how` prefers, and whether it agrees with what else the text says
    (`agrees`: the named weekday, 'الاثنين 18 شباط'). A weekday may only choose between the
    occurrence before the anchor and the one after it; it overrides a clause's tense or the
    nearest-date default, never an explicit cue ('الماضي')."""
    ranked = by_preference(occurrences, anchor, how, distance)
    if agrees is None:
        return (ranked[0] if ranked else None), True
    around = _around(occurrences, anchor)
    for o in ranked:
        if o in around and agrees(o):
            return o, True
    if how in ("past", "future", "announced", "nearest"):
        for o in sorted(around, key=lambda o: distance(o, anchor)):
            if agrees(o):
                return o, True
    return (ranked[0] if ranked else None), False


def _around(occurrences: list[Occurrence], anchor: date) -> list[Occurrence]:
    """The latest occurrence begun on or before the anchor and the first one after it."""
    before = [o for o in occurrences if o.start <= anchor]
    after = [o for o in occurrences if o.start > anchor]
    return ([max(before, key=lambda o: o.start)] if before else []) + \
        ([min(after, key=lambda o: o.start)] if after else [])


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
