"""Ranges and open intervals: من 23 إلى 25 نوفمبر، بين عامي 2017 و2021، (2017-2021)، منذ 2000، حتى نهاية العام."""
from __future__ import annotations

from chrono.tag.engine import Elem, RuleBook
from chrono.tag.grammar.base import DIGITS, TV, C, K, T, ctx, no_number_joined, year_guard
from chrono.tag.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tag.grammar.build_grammar adds them
rule = RULES.rule


def _complete(v: TimeValue) -> bool:
    """A date either end of a range may be, Gregorian or Hijri ('من 20/ 8/ 1436 هـ حتى 10/ 9/ 1436 هـ')."""
    return v.kind == "date" and v.mod is None


def _is_day(v: TimeValue) -> bool:
    """A day of a month, in either calendar: '25 نوفمبر', '25 /10 /1436 هـ', '2 ذي الحجة 1423هـ'."""
    return (v.day is not None and v.month is not None) or (v.hijri_day is not None and v.hijri_month is not None)


def _day_number(v: TimeValue) -> int:
    """The day of the month as written (the Gregorian one of a dual date)."""
    day = v.day if v.day is not None else v.hijri_day
    assert day is not None, "called only on a day of a month (_is_day)"
    return day


def _inherit(start: TimeValue, end: TimeValue) -> TimeValue:
    """The start of "من 23 إلى 25 نوفمبر الحالي" takes the month, year and cue of its end;
    "من يناير إلى مارس 2020" → the start is January 2020; "من نوفمبر إلى فبراير 2021" → November 2020."""
    if end.calendar == "hijri" and end.day is None:
        return _inherit_hijri(start, end)
    if start.day is None and start.month is not None and start.year is None and end.year is not None \
            and end.month is not None:
        return start.with_(year=end.year if start.month <= end.month else end.year - 1, cue=None)
    changes: dict[str, int | str] = {}  # TimeValue fields to set on the start
    month = start.month
    if start.month is None and end.month is not None and start.day is not None:
        changes["month"] = month = end.month
    if start.year is None and end.year is not None and month is not None:
        # 'بين 22 ديسمبر والرابع من يناير 2016': a later month than the end's is the year before
        changes["year"] = end.year if end.month is None or month <= end.month else end.year - 1
    if start.year is None and end.cue and "month" in changes:
        changes["cue"] = end.cue
    return start.with_(**changes) if changes else start


def _inherit_hijri(start: TimeValue, end: TimeValue) -> TimeValue:
    """The same for a Hijri end: "من 11 حتى 25 /10 /1436 هـ" starts on 11 Shawwal 1436, "من 29 ذي
    القعدة ــ 2 ذي الحجة 1423هـ" on 29 Dhu al-Qa'da 1423, "من 3 ــ 4 ذي الحجة المقبل" in the coming one."""
    if start.calendar != "hijri" and start.month is None and start.day is not None:
        return TimeValue(calendar="hijri", hijri_year=end.hijri_year, hijri_month=end.hijri_month,
                         hijri_day=start.day, cue=end.cue)
    if start.calendar == "hijri" and start.hijri_year is None and start.hijri_month is not None \
            and end.hijri_year is not None and end.hijri_month is not None:
        year = end.hijri_year if start.hijri_month <= end.hijri_month else end.hijri_year - 1
        return start.with_(hijri_year=year, cue=None)
    if start.calendar == "hijri" and start.hijri_year is None and start.cue is None and end.cue:
        return start.with_(cue=end.cue)
    return start


_DAY_END = TV(lambda v: _complete(v) and _is_day(v), "day of a month")


@rule("ar.range.day_to_date", K("from"), C("day"), K("to"), _DAY_END)
def day_to_date(_from, d, _to, end):
    """'من 23 إلى 25 نوفمبر الحالي' → 2021-11-23/2021-11-25, 'من 11 حتى 25 /10 /1436 هـ'"""
    if not d.value < _day_number(end.value):
        return None
    return make_range(_inherit(TimeValue(day=d.value), end.value), end.value)


@rule("ar.range.day_and_date", K("between"), C("day"), K("and"), _DAY_END)
def day_and_date(_between, d, _and, end):
    """'بين 5 و7 ديسمبر 2021' → 2021-12-05/2021-12-07"""
    return day_to_date(_between, d, _and, end)


@rule("ar.range.day_dash_date", C("day"), T("-"), _DAY_END)
def day_dash_date(d, _dash, end):
    """'23-25 نوفمبر 2021', 'من 4 ــ 6 ذي الحجة 1422هـ'"""
    if not d.value < _day_number(end.value):
        return None
    return make_range(_inherit(TimeValue(day=d.value), end.value), end.value)


@rule("ar.range.day_month_dash_date", TV(lambda v: _complete(v) and _is_day(v) and v.year is None
                                         and v.hijri_year is None and v.weekday is None, "day and month"),
      T("-"), _DAY_END)
def day_month_dash_date(start, _dash, end):
    """'29 ذي القعدة ــ 2 ذي الحجة 1423هـ', '28 نوفمبر - 3 ديسمبر 2021': the start takes the year of its end"""
    return make_range(_inherit(start.value, end.value), end.value)


@rule("ar.range.month_to_date", K("from"), C("gmonth", lambda it: it.value.cue is None), K("to"),
      TV(lambda v: _complete(v) and v.month is not None and v.day is None))
def month_to_date(_from, m, _to, end):
    """'من يناير إلى مارس 2020' → 2020-01/2020-03"""
    start = TimeValue(month=m.value.month)
    if end.value.year is not None:
        start = start.with_(year=end.value.year)
    if start.year is None or m.value.month >= end.value.month:
        start = start.with_(cue=end.value.cue) if start.year is None else start
    return make_range(start, end.value)


@rule("ar.range.from_to", K("from"), TV(_complete), K("to"), TV(_complete))
def from_to(_from, a, _to, b):
    """'من عام 2010 إلى عام 2015', 'من الاثنين إلى الأربعاء', 'من يناير إلى مارس 2020'"""
    return make_range(_inherit(a.value, b.value), b.value)


@rule("ar.range.from_year_to_year", K("from"), C("year"), K("to"), C("year"), year_guard())
def from_year_to_year(_from, a, _to, b):
    """'من 2010 إلى 2015' → 2010/2015"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.between_years", K("between"), K("year_intro"), C("year"), K("and"), C("year"))
def between_years(_between, _years, a, _and, b):
    """'بين عامي 2017 و2021' → 2017/2021"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.between_dates", K("between"), TV(_complete), K("and"), TV(_complete))
def between_dates(_between, a, _and, b):
    """'بين 2010 و 2015' with a free-standing و"""
    return make_range(_inherit(a.value, b.value), b.value)


def _and_prefixed(it) -> bool:
    return it.prefix.startswith("و")


@rule("ar.range.between_dates_clitic", K("between"), TV(_complete),
      Elem("tv", lambda it: _and_prefixed(it) and _complete(it.value), False, "و+tv"))
def between_dates_clitic(_between, a, b):
    """'بين يناير ومارس 2020', 'بين تشرين الأول 2019 وشباط 2020' (و written on the word)"""
    return make_range(_inherit(a.value, b.value), b.value)


@rule("ar.range.between_bare_years", K("between"), C("year"), K("and"), C("year"))
def between_bare_years(_between, a, _and, b):
    """'بين 2017 و2021' → 2017/2021"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.year_dash_year", C("year"), no_number_joined(after=False), T("-"), C("year"),
      no_number_joined())
def year_dash_year(a, _dash, b):
    """'2017-2021' → 2017/2021 (two plausible years, increasing, at most a century apart)"""
    ok = a.value < b.value <= a.value + 100
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if ok else None


@rule("ar.range.year_dash_year_paren", ctx(T("(")), C("year"), T("-", "/"), C("year"), ctx(T(")")))
def year_dash_year_paren(a, _dash, b):
    """'(2017-2021)' → 2017/2021"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.years_dash_in_context", ctx(K("in", "year_intro", "between")), C("year"), T("-", "/"), C("year"),
      year_guard())
def years_dash(a, _dash, b):
    """'خلال 2017-2021', 'عامي 2019/2020' ('عام 1382-1962', one year in both calendars, is the
    Hijri rules' dual year, which ranks first)"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


def _short_year_range(short: int, b: int):
    """'99 - 2000' → 1999/2000: the short year is the full year's predecessor, nothing else."""
    return make_range(TimeValue(year=b - 1), TimeValue(year=b)) if (b - 1) % 100 == short else None


@rule("ar.range.short_year_dash_year_era", DIGITS(2, 2), no_number_joined(after=False), T("-", "/"), C("year"),
      K("era_ad"))
def short_year_dash_year_era(a, _dash, b, _era):
    """'99 - 2000م', '2013/14' is the other way round: a season written as one year and the next"""
    return _short_year_range(int(a.value), b.value)


@rule("ar.range.short_year_dash_year_intro", ctx(K("year_intro")), DIGITS(2, 2), no_number_joined(after=False),
      T("-", "/"), C("year"), year_guard())
def short_year_dash_year_intro(a, _dash, b):
    """'عامي 99 - 2000', 'موسم عام 99/2000'"""
    return _short_year_range(int(a.value), b.value)


# -- open intervals ----------------------------------------------------------------------------

def _open(v: TimeValue, mod: str) -> TimeValue | None:
    """'منذ 2000', 'منذ عام 1423 هـ', 'حتى 1436/10/30 هـ' (a Hijri value keeps its calendar)"""
    if v.kind != "date":
        return None
    return v if v.mod else v.with_(mod=mod)


@rule("ar.range.since", K("since"), TV(lambda v: v.kind == "date" and v.mod is None and not v.rel_unit))
def since(_since, v):
    """'منذ 2000' → 2000 ON_OR_AFTER, 'منذ الثلاثاء' → that Tuesday ON_OR_AFTER"""
    return _open(v.value, "ON_OR_AFTER")


@rule("ar.range.since_year", K("since"), C("year"), year_guard())
def since_year(_since, y):
    """'منذ 2000'"""
    return TimeValue(year=y.value, mod="ON_OR_AFTER")


@rule("ar.range.until", K("until"), TV(lambda v: v.kind == "date"))
def until(_until, v):
    """'حتى 2020' → ON_OR_BEFORE; 'حتى نهاية العام' keeps END"""
    return _open(v.value, "ON_OR_BEFORE")


@rule("ar.range.until_year", K("until"), C("year"), year_guard())
def until_year(_until, y):
    """'حتى 2020'"""
    return TimeValue(year=y.value, mod="ON_OR_BEFORE")


@rule("ar.range.before_year", K("before"), C("year"), year_guard())
def before_year(_before, y):
    """'قبل 2010' → 2010 BEFORE"""
    return TimeValue(year=y.value, mod="BEFORE")


@rule("ar.range.after_year", K("after"), C("year"), year_guard())
def after_year(_after, y):
    """'بعد 2015' → 2015 AFTER"""
    return TimeValue(year=y.value, mod="AFTER")


@rule("ar.range.before_date", K("before"), TV(lambda v: v.kind == "date" and v.mod is None and not v.rel_unit
                                               and (v.year is not None or v.month is not None)))
def before_date(_before, v):
    """'قبل عام 2010', 'قبل نهاية 2020'? → BEFORE"""
    return _open(v.value, "BEFORE")


@rule("ar.range.after_date", K("after"), TV(lambda v: v.kind == "date" and v.mod is None and not v.rel_unit
                                             and (v.year is not None or v.month is not None)))
def after_date(_after, v):
    """'بعد عام 2015' → AFTER"""
    return _open(v.value, "AFTER")
