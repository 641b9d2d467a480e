"""Dates for people: the one place that turns a TIMEX3 value into Arabic a reader understands.

Every output people read uses it: the HTML page, the terminal table, the CSV `display_date`
column, TimelineJS `display_date` and vis tooltips. Machine fields (value, start_date, …) stay
ISO/TimeML.

    "2021-11-23/2021-11-25" → "23–25 نوفمبر 2021"      "2021-Q4"  → "الربع الرابع من 2021"
    "2021-11-24TEV"         → "مساء 24 نوفمبر 2021"    "2015-W24" → "الأسبوع 24 من 2015"
    "2014-H1"               → "النصف الأول من 2014"    "2016-SU"  → "صيف 2016"
    "199"                   → "التسعينيات (1990–1999)"  "133"      → "ثلاثينيات القرن الرابع عشر (1330–1339)"
    "19"                    → "القرن العشرون"           "2020" END → "أواخر 2020"

An entry's typed fields (granularity, start_date, end_date, mod) give the numbers; the value
string is read only for what they cannot tell: a range's two ends, the part of the day or the
clock time, a season (its granularity is "quarter"), a year the text never gave ("XXXX-12-10"),
references ("PRESENT_REF"). A mention carries only its value: `arabic_value` reads it.

A modifier stands before the period, which then takes the genitive: "القرن العشرون" alone,
"أواخر القرن العشرين" after one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Optional

from chrono.models import Entry, read_value

# --- words (facts) ------------------------------------------------------------------------

# MSA month names: the series understood in every Arabic-speaking country.
MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # ISO 1..7
# A modifier stands before the period it narrows: "أواخر 2020", "منذ 2000".
MOD_WORDS = {
    "START": "أوائل", "MID": "منتصف", "END": "أواخر", "APPROX": "نحو",
    "BEFORE": "قبل", "AFTER": "بعد", "ON_OR_BEFORE": "حتى", "ON_OR_AFTER": "منذ",
}
# The part of the day before a written-out day: "مساء 24 نوفمبر 2021".
PARTS_OF_DAY = {"MO": "صباح", "MI": "ظهر", "AF": "بعد ظهر", "EV": "مساء", "NI": "ليلة"}
SEASONS = {"SP": "ربيع", "SU": "صيف", "FA": "خريف", "AU": "خريف", "WI": "شتاء"}
_ORDINALS_MASCULINE = ("الأول", "الثاني", "الثالث", "الرابع")  # الربع الرابع، النصف الأول
_CENTURY_ORDINALS = (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر",
    "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر",
)
# From the twentieth on, the ordinal declines: (alone, after a modifier or in a construct).
_CENTURY_ORDINALS_DECLINED = {
    20: ("العشرون", "العشرين"),
    21: ("الحادي والعشرون", "الحادي والعشرين"),
    22: ("الثاني والعشرون", "الثاني والعشرين"),
}
_DECADE_NAMES = {  # tens digit → name of the decade ("the nineties")
    2: "العشرينيات", 3: "الثلاثينيات", 4: "الأربعينيات", 5: "الخمسينيات",
    6: "الستينيات", 7: "السبعينيات", 8: "الثمانينيات", 9: "التسعينيات",
}
_REFERENCES = {"PRESENT_REF": "الآن", "PAST_REF": "في الماضي", "FUTURE_REF": "في المستقبل"}
_UNKNOWN_YEAR = "(السنة غير معروفة)"
_BEFORE_CHRIST = "ق.م"
UNKNOWN_DATE = "تاريخ غير معروف"
EN_DASH = "\u2013"

# --- periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    """One period named the way a reader names it. `year` None: the text gave none."""

    granularity: str  # day, month, year, week, quarter, half, season, decade, century
    year: Optional[int] = None
    month: int = 0
    day: int = 0
    number: int = 0  # the week, quarter, half, decade (199) or century (19)
    time: str = ""  # a part of the day ("NI") or a clock time ("18:30"), on a day only
    season: str = ""  # "SU", with `last_year` when a winter runs into the next year
    last_year: Optional[int] = None
    before_christ: bool = False


def arabic_day(day: date) -> str:
    """ "24 نوفمبر 2021" (a publication day)."""
    return _point_text(_Point("day", day.year, day.month, day.day))


def _year_text(year: Optional[int], before_christ: bool = False) -> str:
    if year is None:
        return _UNKNOWN_YEAR
    return f"{year} {_BEFORE_CHRIST}" if before_christ else f"{year:04d}"


def _century_name(century: int, construct: bool = False) -> str:
    """TIMEX3 "19" is the twentieth century (the 1900s) → "القرن العشرون";
    after a modifier "أواخر القرن العشرين"; "00" → "القرن الأول"."""
    number = century + 1
    if number <= len(_CENTURY_ORDINALS):
        return f"القرن {_CENTURY_ORDINALS[number - 1]}"
    if number in _CENTURY_ORDINALS_DECLINED:
        return f"القرن {_CENTURY_ORDINALS_DECLINED[number][1 if construct else 0]}"
    return f"القرن الـ{number}"


def _decade_text(decade: int) -> str:
    """199 → "التسعينيات (1990–1999)"; 133 → "ثلاثينيات القرن الرابع عشر (1330–1339)";
    201 → "العقد 2010–2019" (its tens have no name)."""
    first = decade * 10
    span = f"{first}{EN_DASH}{first + 9}"
    name = _DECADE_NAMES.get(decade % 10)
    if name is None:
        return f"العقد {span}"
    if 190 <= decade <= 209:  # the twentieth century and ours: the name alone is understood
        return f"{name} ({span})"
    return f"{name.removeprefix('ال')} {_century_name(decade // 10, construct=True)} ({span})"


def _season_text(p: _Point) -> str:
    years = _year_text(p.year)
    if p.last_year is not None and p.year is not None and p.last_year != p.year:
        years = f"{p.year:04d}{EN_DASH}{p.last_year:04d}"
    return f"{SEASONS[p.season]} {years}"


def _day_text(p: _Point) -> str:
    text = f"{p.day} {MONTHS_AR[p.month - 1]} {_year_text(p.year)}"
    if p.time in PARTS_OF_DAY:
        return f"{PARTS_OF_DAY[p.time]} {text}"
    return f"{text}، الساعة {p.time[:5]}" if p.time else text


def _point_text(p: _Point, construct: bool = False) -> str:
    """The period in Arabic; `construct`: after a modifier word (the genitive)."""
    if p.granularity == "day":
        return _day_text(p)
    if p.granularity == "month":
        return f"{MONTHS_AR[p.month - 1]} {_year_text(p.year)}"
    if p.granularity == "week":
        return f"الأسبوع {p.number} من {_year_text(p.year)}"
    if p.granularity == "quarter":
        return f"الربع {_ORDINALS_MASCULINE[p.number - 1]} من {_year_text(p.year)}"
    if p.granularity == "half":
        return f"النصف {_ORDINALS_MASCULINE[p.number - 1]} من {_year_text(p.year)}"
    if p.granularity == "season":
        return _season_text(p)
    if p.granularity == "decade":
        return _decade_text(p.number)
    if p.granularity == "century":
        return _century_name(p.number, construct)
    return _year_text(p.year, p.before_christ)


# The value forms a reader can be told about. A year the text never gave (XXXX) is allowed only
# on a day or a month; a time of day only on a day with its year.
_VALUE = re.compile(
    r"(?P<year>\d{4}|XXXX)"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<time>MO|MI|AF|EV|NI|\d{2}:\d{2}(?::\d{2})?))?)?"
    r"|-W(?P<week>\d{2})|-Q(?P<quarter>[1-4])|-H(?P<half>[12])|-(?P<season>SP|SU|FA|AU|WI))?"
    r"|BC(?P<bc>\d{4})|(?P<decade>\d{3})|(?P<century>\d{2})",
    re.ASCII,  # TIMEX3 values are written with ASCII digits
)
_TIME_OF_DAY = re.compile(r"MO|MI|AF|EV|NI|\d{2}:\d{2}(?::\d{2})?", re.ASCII)


def _point_of_value(value: str) -> Optional[_Point]:
    """ "2021-11-23TNI" → the night of that day; None for what no reader is told this way."""
    m = _VALUE.fullmatch(value)
    if not m:
        return None
    if m["decade"] or m["century"]:
        granularity = "decade" if m["decade"] else "century"
        return _Point(granularity, number=int(m["decade"] or m["century"]))
    if m["bc"]:
        return _Point("year", int(m["bc"]), before_christ=True)
    year = None if m["year"] == "XXXX" else int(m["year"])
    if m["month"]:
        month, day = int(m["month"]), int(m["day"] or 0)
        if not 1 <= month <= 12 or (m["day"] and not 1 <= day <= 31) or (m["time"] and year is None):
            return None
        return _Point("day" if m["day"] else "month", year, month, day, time=m["time"] or "")
    if year is None:
        return None
    if m["season"]:
        return _Point("season", year, season=m["season"])
    for granularity in ("week", "quarter", "half"):
        if m[granularity]:
            return _Point(granularity, year, number=int(m[granularity]))
    return _Point("year", year)


def _point_of_entry(entry: Entry) -> Optional[_Point]:
    """The entry's period from its typed fields; None where they do not say enough.

    A modifier narrows start_date..end_date inside the period ("أواخر 2020" starts in
    September), so each period is read from a day that stays inside it: start_date.
    """
    start, granularity = entry.start_date, entry.granularity
    if start is None or entry.typed_value.is_range or granularity is None:
        return None  # a range's ends, or no calendar period: the value tells
    if granularity in ("day", "part_of_day", "hour", "minute"):
        time = entry.value.partition("T")[2]  # the part of the day or clock time: value only
        if (time or granularity != "day") and not _TIME_OF_DAY.fullmatch(time):
            return None  # not a time: the calendar interval tells
        return _Point("day", start.year, start.month, start.day, time=time)
    if granularity == "month":
        return _Point("month", start.year, start.month)
    if granularity == "year":
        return _Point("year", start.year)
    if granularity == "week":
        year, week, _ = start.isocalendar()
        return _Point("week", year, number=week)
    if granularity == "quarter":  # a season ("2016-SU") has this granularity too
        season = _point_of_value(entry.value)
        if season is not None and season.granularity == "season":
            return _with_interval_years(season, entry.start_date, entry.end_date)
        return _Point("quarter", start.year, number=(start.month - 1) // 3 + 1)
    if granularity == "half":
        return _Point("half", start.year, number=(start.month - 1) // 6 + 1)
    if granularity == "decade":
        return _Point("decade", number=start.year // 10)
    if granularity == "century":
        return _Point("century", number=start.year // 100)
    return None


def _with_interval_years(season: _Point, start: Optional[date], end: Optional[date]) -> _Point:
    """A winter from December to February spans two years: "شتاء 2021–2022"."""
    if start is None or end is None or start > end:
        return season
    return replace(season, year=start.year, last_year=end.year)


# --- values the calendar points cannot tell -------------------------------------------------

_UNRESOLVED = re.compile(
    r"XXXX(?:-(?P<month>XX)(?:-(?P<day>XX)(?:T(?P<time>MO|MI|AF|EV|NI|\d{2}:\d{2}))?)?"
    r"|-WXX(?:-(?P<weekday>[1-7]))?)?",
    re.ASCII,
)


def _unresolved_text(value: str) -> Optional[str]:
    """A relative date left without an anchor: "XXXX-WXX-3" → "يوم الأربعاء (التاريخ غير معروف)"."""
    m = _UNRESOLVED.fullmatch(value)
    if not m:
        return None
    if m["weekday"]:
        return f"يوم {WEEKDAYS_AR[int(m['weekday']) - 1]} (التاريخ غير معروف)"
    if "-W" in value:
        return "أسبوع غير معروف"
    if m["day"]:
        time = m["time"] or ""
        if time in PARTS_OF_DAY:
            return f"{PARTS_OF_DAY[time]} يوم غير معروف"
        return f"يوم غير معروف، الساعة {time}" if time else "يوم غير معروف"
    return "شهر غير معروف" if m["month"] else "سنة غير معروفة"


def _range_text(first: str, last: str) -> Optional[str]:
    """An interval, sharing what both ends share.

    "2021-11-23/2021-11-25" → "23–25 نوفمبر 2021"; "2017/2021" → "2017–2021";
    "2021-11-30/2021-12-02" → "30 نوفمبر – 2 ديسمبر 2021".
    """
    a, b = _point_of_value(first), _point_of_value(last)
    if a is None or b is None:
        ends = _value_text(first, ranges=False), _value_text(last, ranges=False)
        return f"{ends[0]} {EN_DASH} {ends[1]}" if all(ends) else None
    same_year = a.year == b.year and a.year is not None
    if a.granularity == b.granularity == "day" and not a.time and not b.time and same_year:
        if a.month == b.month:
            return f"{a.day}{EN_DASH}{b.day} {MONTHS_AR[a.month - 1]} {a.year:04d}"
        return f"{a.day} {MONTHS_AR[a.month - 1]} {EN_DASH} {b.day} {MONTHS_AR[b.month - 1]} {a.year:04d}"
    if a.granularity == b.granularity == "year" and not a.before_christ and not b.before_christ:
        return f"{a.year:04d}{EN_DASH}{b.year:04d}"
    if a.granularity == b.granularity == "month" and same_year:
        return f"{MONTHS_AR[a.month - 1]} {EN_DASH} {MONTHS_AR[b.month - 1]} {a.year:04d}"
    return f"{_point_text(a)} {EN_DASH} {_point_text(b)}"


def _interval_text(start: date, end: date) -> str:
    """From the calendar interval alone: 2021-08-01…2021-08-31 → "أغسطس 2021"."""
    if start == end:
        return f"{start.day} {MONTHS_AR[start.month - 1]} {start.year}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        same = start.year == end.year
        return str(start.year) if same else f"{start.year}{EN_DASH}{end.year}"
    whole_month = start.day == 1 and (end + timedelta(days=1)).day == 1
    if whole_month and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS_AR[start.month - 1]} {start.year}"
    return _range_text(start.isoformat(), end.isoformat()) or ""


def _value_text(value: str, ranges: bool = True, construct: bool = False,
                start: Optional[date] = None, end: Optional[date] = None) -> Optional[str]:
    if value in _REFERENCES:
        return _REFERENCES[value]
    typed = read_value(value)
    if ranges and typed.is_range:
        return _range_text(typed.start.text, typed.end.text)
    point = _point_of_value(value)
    if point is None:
        return _unresolved_text(value)
    if point.granularity == "season":
        point = _with_interval_years(point, start, end)
    return _point_text(point, construct)


def _with_mod(text: str, mod: Optional[str]) -> str:
    word = MOD_WORDS.get(mod or "")
    return f"{word} {text}" if word else text


def arabic_value(value: str, *, mod: Optional[str] = None, start: Optional[date] = None,
                 end: Optional[date] = None) -> str:
    """A TIMEX3 value as an Arabic reader writes it, at its own granularity.

    >>> arabic_value("2021-11-23/2021-11-25")
    '23–25 نوفمبر 2021'
    >>> arabic_value("2020", mod="END")
    'أواخر 2020'
    >>> arabic_value("19"), arabic_value("19", mod="END")
    ('القرن العشرون', 'أواخر القرن العشرين')

    Unknown forms fall back to the calendar interval, then to the raw value: never raises.
    """
    value = (value or "").strip()
    text = _value_text(value, construct=mod in MOD_WORDS, start=start, end=end)
    if text is None and start is not None and end is not None and start <= end:
        text = _interval_text(start, end) or None
    return _with_mod(text or value or UNKNOWN_DATE, mod)


def arabic_date(entry: Entry) -> str:
    """An entry's date in Arabic, from its typed fields where they suffice.

    >>> arabic_date(Entry(id="e1", value="2020", type="DATE", granularity="year", mod="END",
    ...                   start_date=date(2020, 9, 1), end_date=date(2020, 12, 31),
    ...                   label="", sources=[], mentions=[]))
    'أواخر 2020'
    """
    point = _point_of_entry(entry)
    if point is None:
        return arabic_value(entry.value, mod=entry.mod, start=entry.start_date, end=entry.end_date)
    return _with_mod(_point_text(point, construct=entry.mod in MOD_WORDS), entry.mod)


def machine_date(entry: Entry) -> str:
    """The ISO day, month or year an HTML <time datetime> can carry; "" for anything vaguer
    (a modifier, a range, a week or a time of day) or unknown."""
    start = entry.start_date
    if start is None or entry.mod or entry.typed_value.is_range:
        return ""
    if entry.granularity == "day" and "T" not in entry.value:
        return start.isoformat()
    if entry.granularity == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if entry.granularity == "year":
        return f"{start.year:04d}"
    return ""
