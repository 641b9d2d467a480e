"""The underspecified, anchor-free value a rule builds, with a canonical text form.

Rules never read the clock or the anchor: "ديسمبر الماضي" becomes
`TimeValue(month=12, cue='past')`, and resolve.py turns it into 2020-12 for an article of
2021-11-24. The canonical form is a line of `key=value` pairs in field order, which parses back:

    >>> v = TimeValue(month=12, cue="past")
    >>> v.canonical()
    'date month=12 cue=past'
    >>> parse_canonical(v.canonical()) == v
    True
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Optional

# kind: date (a calendar period or day), time (clock time), duration, set, range, ref (PRESENT_REF…)
KINDS = ("date", "time", "duration", "set", "range", "ref")
# cue: how a value missing its year/day is placed relative to the anchor
#   past   "الماضي"  strictly before      future "المقبل" strictly after
#   this   "الحالي"  the anchor's own     None   news default (latest on or before)


@dataclass(frozen=True, init=False)
class TimeValue:
    """An anchor-free value. Fields are keyword-only: TimeValue(month=12, cue="past")."""

    kind: str = "date"
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # ISO 1=Monday … 7=Sunday
    hour: Optional[int] = None
    minute: Optional[int] = None
    pod: Optional[str] = None  # part of day: MO MI AF EV NI
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None  # SP SU FA WI
    decade: Optional[int] = None  # 199 = the 1990s
    decade_digit: Optional[int] = None  # 9 = "التسعينيات", century still unknown
    century: Optional[int] = None  # 19 = the 20th century (1900-1999), TimeML convention
    bc: bool = False
    # relative to the anchor: unit in day/week/month/year/decade/century and a signed offset
    rel_unit: Optional[str] = None
    rel_offset: Optional[int] = None
    cue: Optional[str] = None
    mod: Optional[str] = None
    # durations and sets: P3D, PT2H (unit, amount); amount may be fractional for "نصف ساعة"
    unit: Optional[str] = None
    amount: Optional[float] = None
    set_weekday: Optional[int] = None
    ref: Optional[str] = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    # Hijri source value (filled by the Hijri rules), converted in resolve
    calendar: str = "gregorian"
    hijri_year: Optional[int] = None
    hijri_month: Optional[int] = None
    hijri_day: Optional[int] = None
    holiday: Optional[str] = None
    # a Hijri day written in digits whose day and month may be read either way ('10/4/1436': 10
    # Rabi' II, or 4 Shawwal written month first); resolve keeps the reading a weekday or the
    # Gregorian half of the text agrees with, else the day-first one. A last day of a month is
    # hijri_day=-1 ('اليوม الأخير من رمضان').
    either_order: bool = False
    # the n-th day of an Eid the text does not name ('ثاني أيام العيد' → 2): resolve takes the
    # Eid (al-Fitr or al-Adha) that the anchor and the tense point to
    feast_day: Optional[int] = None
    # ranges: both ends in canonical form (kept as strings so the value stays hashable and flat)
    range_start: Optional[str] = None
    range_end: Optional[str] = None
    # a duration written in two units, its smaller part in canonical form: '4 ساعات و25 دقيقة' →
    # unit=hour amount=4 plus=(duration unit=minute amount=25), PT4H25M
    plus: Optional[str] = None
    # a day counted from another date: 'قبل ذلك بيوم' after 'مساء الخميس' is that Thursday's value
    # with shift_days=-1 (resolve places the Thursday, then counts the days)
    shift_days: Optional[int] = None

    def __init__(self, **values) -> None:
        """Keyword arguments only. Written out instead of the dataclass' generated __init__,
        which sets the frozen fields one object.__setattr__ at a time (3 µs a value; the
        rules build one per match): the defaults are copied in one go (0.6 µs)."""
        _refuse_unknown_fields(values)
        own = self.__dict__
        own.update(_DEFAULTS)
        own.update(values)

    def canonical(self) -> str:
        return _canonical(self)

    def with_(self, **changes) -> TimeValue:
        """A copy with some fields changed: `dataclasses.replace`, without re-running the frozen
        __init__ over all the fields (twenty times faster; rules call this on most matches)."""
        _refuse_unknown_fields(changes)
        copy = object.__new__(TimeValue)
        fields_of_copy = copy.__dict__
        fields_of_copy.update(self.__dict__)
        fields_of_copy.update(changes)
        return copy

    def start(self) -> TimeValue:
        return parse_canonical(self.range_start) if self.range_start else self

    def end(self) -> TimeValue:
        return parse_canonical(self.range_end) if self.range_end else self


_FIELD_TYPES = {f.name: f.type for f in fields(TimeValue)}
_FIELD_NAMES = tuple(f.name for f in fields(TimeValue))[1:]
_FIELD_SET = frozenset(_FIELD_TYPES)


def _refuse_unknown_fields(values: dict) -> None:
    """TypeError for a name TimeValue has no field for, as the generated __init__ would raise."""
    unknown = values.keys() - _FIELD_SET
    if unknown:
        raise TypeError(f"TimeValue has no field {sorted(unknown)[0]!r}")
_DEFAULTS = {f.name: f.default for f in fields(TimeValue)}
_DEFAULT_ITEMS = frozenset(_DEFAULTS.items())


@lru_cache(maxsize=4096)
def _canonical(v: TimeValue) -> str:
    """TimeValue.canonical(), computed once per distinct value (news repeats the same values)."""
    parts = [v.kind]
    for name in _FIELD_NAMES:
        x = getattr(v, name)
        if x is None or x is False or (name == "calendar" and x == "gregorian"):
            continue
        if isinstance(x, str) and (name.startswith("range_") or name == "plus"):
            x = "(" + x + ")"
        elif isinstance(x, float) and x.is_integer():
            x = int(x)
        parts.append(f"{name}={x}")
    return " ".join(parts)


def intersect(a: TimeValue, b: TimeValue) -> Optional[TimeValue]:
    """The value both describe, every field set on either side: 'الأربعاء' ∩ '24 نوفمبر' →
    24 November, a Wednesday; 'مساء' ∩ 'اليوم' → this evening. A field set on both sides to
    different values is a contradiction: None ('الأربعاء الماضي' ∩ '24 نوفمبر المقبل').
    A field at its default (kind date, calendar gregorian) is unset: date ∩ time is a time.

        >>> intersect(TimeValue(weekday=3), TimeValue(month=11, day=24)).canonical()
        'date month=11 day=24 weekday=3'
        >>> intersect(TimeValue(weekday=3, cue="past"), TimeValue(day=24, cue="future")) is None
        True
    """
    mine = a.__dict__
    changes = {}
    for name, value in b.__dict__.items() - _DEFAULT_ITEMS:  # b's fields that are set
        current = mine[name]
        if current != value:
            if (name, current) not in _DEFAULT_ITEMS:
                return None
            changes[name] = value
    return a.with_(**changes) if changes else a


def make_range(start: TimeValue, end: TimeValue, mod: Optional[str] = None) -> TimeValue:
    """A range "من 23 إلى 25 نوفمبر" from its two ends."""
    return TimeValue(kind="range", range_start=start.canonical(), range_end=end.canonical(), mod=mod)


def canonical_fields(text: str | None) -> dict[str, str]:
    """The top-level fields of a canonical value, as written: 'date rel_unit=day rel_offset=-1'
    → {'rel_unit': 'day', 'rel_offset': '-1'} (empty for none: hand-made tags carry none)."""
    return dict(part.split("=", 1) for part in (text or "").split() if "=" in part)


def parse_canonical(text: str) -> TimeValue:
    """Inverse of TimeValue.canonical(); raises ValueError on malformed input."""
    text = text.strip()
    kind, _, rest = text.partition(" ")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} in {text!r}")
    values: dict = {"kind": kind}
    i = 0
    while i < len(rest):
        if rest[i] == " ":
            i += 1
            continue
        eq = rest.index("=", i)
        key = rest[i:eq]
        if key not in _FIELD_TYPES:
            raise ValueError(f"unknown field {key!r} in {text!r}")
        if rest[eq + 1] == "(":
            depth, j = 0, eq + 1
            while True:
                depth += {"(": 1, ")": -1}.get(rest[j], 0)
                if depth == 0:
                    break
                j += 1
            raw, i = rest[eq + 2:j], j + 1
        else:
            j = rest.find(" ", eq)
            j = len(rest) if j < 0 else j
            raw, i = rest[eq + 1:j], j
        values[key] = _coerce(key, raw)
    return TimeValue(**values)


def _coerce(key: str, raw: str):
    t = str(_FIELD_TYPES[key])
    if "bool" in t:
        return raw == "True"
    if "float" in t:
        return float(raw)
    if "int" in t:
        return int(raw)
    return raw
