"""Ranges and open intervals: من 23 إلى 25 نوفمبر، بين عامي 2017 و2021، (2017-2021)، منذ 2000، حتى نهاية العام."""
from __future__ import annotations

import itertools
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.tagger.engine import Elem, RuleBook
from chrono.tagger.grammar.base import DIGITS, TV, C, K, T, W, ctx, lexval, no_number_joined, not_after_word, year_guard
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
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
    "من يناير إلى مارس 2020" → the start is January 2020; "من نوفمبر إلى فبراير 2021" → November 2020;
    "بين عامي 1798 و1790 قبل الميلاد": the era written once at the end marks the start too."""
    if end.calendar == "hijri" and end.day is None:
        return _inherit_hijri(start, end)
    if end.bc and _bare_year(start):
        return start.with_(bc=True)
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


# -- days named together under one month: 'في السابع والثامن من تموز', 'يومي 7 و8 يوليو' -----------
# Two consecutive days are one interval, one timex. Two days apart are not joined (a range would take
# in the days between them, and TimeML has no value for a pair of days): the second keeps its own timex.
def _day_of_named_month(v: TimeValue) -> bool:
    """'8 يوليو 2014', 'السادس من الشهر الجاري': a day of a month the text names or counts."""
    return _complete(v) and (_is_day(v) or (v.day is not None and v.rel_unit == "month" and v.rel_offset is not None))


def _and_day_end(it) -> bool:
    """'والثامن من تموز', 'و8 يوليو 2014': the second day, و written on it."""
    return _and_prefixed(it) and _day_of_named_month(it.value)


_AND_DAY_END = Elem("tv", _and_day_end, False, "و+day of a month")


def _next_day(d, end: TimeValue) -> bool:
    return d.value + 1 == (end.day if end.rel_unit else _day_number(end))


def _coordinated_days(d, end: TimeValue) -> Optional[TimeValue]:
    """The two consecutive days as one range, the first taking the month and year of the second."""
    if not _next_day(d, end):
        return None
    start = end.with_(day=d.value, weekday=None) if end.rel_unit else _inherit(TimeValue(day=d.value), end)
    return make_range(start, end)


_COORDINATED_END = TV(_day_of_named_month, "day of a month")


@rule("ar.range.days_and_date", C("day"), K("and"), _COORDINATED_END)
def days_and_date(d, _and, end):
    """'في 3 و4 مارس 2014' → 2014-03-03/2014-03-04"""
    return _coordinated_days(d, end.value)


@rule("ar.range.days_and_date_clitic", C("day"), _AND_DAY_END)
def days_and_date_clitic(d, end):
    """'في السابع والثامن من تموز/يوليو' → XXXX-07-07/XXXX-07-08, 'الخامس والسادس من الشهر الجاري'"""
    return _coordinated_days(d, end.value)


@rule("ar.range.day_pair_and_date", K("day_pair"), C("day"), K("and"), _COORDINATED_END)
def day_pair_and_date(_days, d, _and, end):
    """'يومي 7 و8 يوليو' (the days 7 and 8 July)"""
    return _coordinated_days(d, end.value)


@rule("ar.range.day_pair_and_date_clitic", K("day_pair"), C("day"), _AND_DAY_END)
def day_pair_and_date_clitic(_days, d, end):
    """'يومي السابع والثامن من يوليو'"""
    return _coordinated_days(d, end.value)


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


def _bare_year(v: TimeValue) -> bool:
    """A year and nothing else, with no era of its own: '1798' of 'بين عامي 1798 و1790 قبل الميلاد'."""
    return (v.kind == "date" and v.year is not None and v.month is None and v.mod is None and not v.bc
            and not v.rel_unit and v.calendar == "gregorian" and v.season is None and v.quarter is None
            and v.half is None)


def _ordered(start: TimeValue, end: TimeValue) -> TimeValue:
    """The range from the earlier end to the later one. Two years before the common era are
    written either way ('بين 284 و246 ق.م', 'بين 246 و284 ق.م'): the larger number is the earlier
    year. Other ranges keep the order they are written in."""
    if (start.bc and end.bc and _bare_bc_year(start) and _bare_bc_year(end) and start.year is not None
            and end.year is not None and start.year < end.year):
        start, end = end, start
    return make_range(start, end)


def _bare_bc_year(v: TimeValue) -> bool:
    return v.kind == "date" and v.bc and v.month is None and v.mod is None


@rule("ar.range.from_to", K("from"), TV(_complete), K("to"), TV(_complete))
def from_to(_from, a, _to, b):
    """'من عام 2010 إلى عام 2015', 'من الاثنين إلى الأربعاء', 'من يناير إلى مارس 2020'"""
    return _ordered(_inherit(a.value, b.value), b.value)


@rule("ar.range.from_year_to_year", K("from"), C("year"), K("to"), C("year"), year_guard())
def from_year_to_year(_from, a, _to, b):
    """'من 2010 إلى 2015' → 2010/2015"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.between_years", K("between"), K("year_intro", "year_pair"), C("year"), K("and"), C("year"))
def between_years(_between, _years, a, _and, b):
    """'بين عامي 2017 و2021' → 2017/2021"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


@rule("ar.range.between_the_two_years", K("between"), C("unit", lambda it: lexval(it) == ("year", 2)), C("year"),
      K("and"), C("year"))
def between_the_two_years(_between, _years, a, _and, b):
    """'بين العامين 1981 و2005', 'ما بين السنتين 2001 و2003' → 1981/2005"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if a.value < b.value else None


# Two years named together, 'عامي 2010 و2012' (the years 2010 and 2012), without بين: two consecutive
# years are one interval, one timex; two years apart are two timexes, each its year (a range would
# take in the years between them, and TimeML has no value for a pair of years).
@rule("ar.range.year_pair_consecutive", K("year_pair"), C("year"), K("and"), C("year"), year_guard())
def year_pair_consecutive(_years, a, _and, b):
    """'خلال عامي 2011 و2012' → 2011/2012, 'لعامي 2015 و2016'"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if b.value == a.value + 1 else None


@rule("ar.range.year_pair_second", ctx(K("year_pair")), ctx(C("year")), ctx(K("and")), C("year"), year_guard())
def year_pair_second(b):
    """'2012' of 'كأس السوبر عامي 2010 و2012': the second year of the pair (the first is 'عامي 2010')"""
    return TimeValue(year=b.value)


# -- a list of years after a plural: 'في السنوات 2005 و2006 و2007' ---------------------------------
# Consecutive years are one interval, the span from the first to the last (TimeML's range value says
# exactly that); years with a gap between them are one timex each, as in 'عامي 2010 و2012' (a range
# would take in the years the text leaves out, and TimeML has no value for a set of years).
_YEAR_LIST = W("year_list_nouns")
YEAR_LIST_LONGEST = 4  # years in one list read as a range; a longer list's years are read one by one


def _consecutive(years: list[int]) -> bool:
    return all(b == a + 1 for a, b in itertools.pairwise(years))



def _year_list(parts) -> Optional[TimeValue]:
    """The years of a list (every other part: a year, و, a year ...) as one range when they run on."""
    years = [p.value for p in parts[::2]]
    return make_range(TimeValue(year=years[0]), TimeValue(year=years[-1])) if _consecutive(years) else None


_LISTED = (C("year"), K("and"))


@rule("ar.range.year_list_2", _YEAR_LIST, *_LISTED, C("year"), year_guard())
def year_list_2(_plural, a, _and, b):
    """'خلال الأعوام 2012 و2013' → 2012/2013"""
    return _year_list((a, _and, b))


@rule("ar.range.year_list_3", _YEAR_LIST, *_LISTED, *_LISTED, C("year"), year_guard())
def year_list_3(_plural, a, _and1, b, _and2, c):
    """'في السنوات 2005 و2006 و2007' → 2005/2007"""
    return _year_list((a, _and1, b, _and2, c))


@rule("ar.range.year_list_4", _YEAR_LIST, *_LISTED, *_LISTED, *_LISTED, C("year"), year_guard())
def year_list_4(_plural, a, _and1, b, _and2, c, _and3, d):
    """'أعوام 2001 و2002 و2003 و2004' → 2001/2004"""
    return _year_list((a, _and1, b, _and2, c, _and3, d))


@rule("ar.range.year_list_first", _YEAR_LIST, C("year"), ctx(K("and")), ctx(C("year")))
def year_list_first(_plural, y):
    """'الأعوام 2005' of 'في الأعوام 2005 و2008 و2011': the first of years apart"""
    return TimeValue(year=y.value)


def _year_list_member_rule(k: int) -> None:
    """The rule for the k-th year (from 2) of a list: read alone when the years do not run on."""
    before = [ctx(_YEAR_LIST), ctx(C("year"))] + [ctx(e) for _ in range(k - 2) for e in (K("and"), C("year"))]

    def year_list_member(y):
        return TimeValue(year=y.value)

    year_list_member.__doc__ = "'2008' and '2011' of 'في الأعوام 2005 و2008 و2011'"
    rule(f"ar.range.year_list_member_{k}", *before, ctx(K("and")), C("year"), year_guard())(year_list_member)


for _k in range(2, YEAR_LIST_LONGEST + 1):
    _year_list_member_rule(_k)


@rule("ar.range.between_dates", K("between"), TV(_complete), K("and"), TV(_complete))
def between_dates(_between, a, _and, b):
    """'بين 2010 و 2015' with a free-standing و, 'بين عامي 1798 و1790 قبل الميلاد' (1798 BC to 1790 BC)"""
    return _ordered(_inherit(a.value, b.value), b.value)


def _and_prefixed(it) -> bool:
    return it.prefix.startswith("و")


@rule("ar.range.between_dates_clitic", K("between"), TV(_complete),
      Elem("tv", lambda it: _and_prefixed(it) and _complete(it.value), False, "و+tv"))
def between_dates_clitic(_between, a, b):
    """'بين يناير ومارس 2020', 'بين تشرين الأول 2019 وشباط 2020' (و written on the word)"""
    return _ordered(_inherit(a.value, b.value), b.value)


@rule("ar.range.between_dates_comma", K("between"), TV(_complete), T("،", ","),
      Elem("tv", lambda it: _and_prefixed(it) and _complete(it.value), False, "و+tv"))
def between_dates_comma(_between, a, _comma, b):
    """'بين أيلول - سبتمبر، وكانون الثاني - يناير', 'بين سبتمبر، ويناير الماضيين': a comma before
    the second end, as papers write it after a doubled month name"""
    return _ordered(_inherit(a.value, b.value), b.value)


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


@rule("ar.range.consecutive_years_slash", C("year"), no_number_joined(after=False), T("/"), C("year"),
      no_number_joined())
def consecutive_years_slash(a, _slash, b):
    """'2014/2015' → 2014/2015: two consecutive years across a slash are one academic, fiscal or
    sports year ('للعام الجامعي 2014/2015م'), never the second year alone"""
    return make_range(TimeValue(year=a.value), TimeValue(year=b.value)) if b.value == a.value + 1 else None


@rule("ar.range.consecutive_years_slash_era", C("year"), no_number_joined(after=False), T("/"), C("year"),
      K("era_ad"))
def consecutive_years_slash_era(a, _slash, b, _era):
    """'للعام الجامعي 2014/2015م': the era mark after the second year dates both"""
    return consecutive_years_slash(a, _slash, b)


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


# How far back the first year of '97 - 1999م' may be: a term of office or a posting in a CV
SHORT_YEAR_RANGE_SPAN = 30


def _short_year_range(short: int, b: int):
    """'99 - 2000' → 1999/2000, '97 - 1999' → 1997/1999: the first year is written by its last two
    digits and takes the latest century that puts it before the full year, at most
    SHORT_YEAR_RANGE_SPAN years back ('2013/14' is the other way round: a season)."""
    first = b - b % 100 + short
    if first >= b:
        first -= 100
    return make_range(TimeValue(year=first), TimeValue(year=b)) if b - first <= SHORT_YEAR_RANGE_SPAN else None


@rule("ar.range.short_year_dash_year_era", DIGITS(2, 2), no_number_joined(after=False),
      not_after_word(*LEXICON.guard_words["number_label_nouns"]), T("-", "/"), C("year"), K("era_ad"))
def short_year_dash_year_era(a, _dash, b, _era):
    """'99 - 2000م', '97 - 1999م', '94 - 1998م': the era mark after the full year dates both"""
    return _short_year_range(int(a.value), b.value)


@rule("ar.range.short_year_dash_year_intro", ctx(K("year_intro")), DIGITS(2, 2), no_number_joined(after=False),
      T("-", "/"), C("year"), year_guard())
def short_year_dash_year_intro(a, _dash, b):
    """'عامي 99 - 2000', 'موسم عام 99/2000'"""
    return _short_year_range(int(a.value), b.value)


# -- the first days of a month: 'الأيام الثلاثة الأولى من يوليو' → 1–3 July ----------------------------
_FIRST_N_DAYS = Elem("tv", lambda it: it.rule.startswith(("ar.duration.first_", "ar.duration.qty_ordinal",
                                                          "ar.duration.al_qty_ordinal"))
                     and it.value.unit == "day" and 2 <= it.value.amount <= 28, False, "the first n days")


@rule("ar.range.first_days_of_month", _FIRST_N_DAYS, K("of"),
      TV(lambda v: v.kind == "date" and v.calendar == "gregorian" and v.day is None and v.mod is None
         and v.weekday is None and (v.month is not None or (v.rel_unit == "month" and v.rel_offset is not None)),
         "a month"))
def first_days_of_month(n, _of, month):
    """'الأيام الثلاثة الأولى من يوليو' → XXXX-07-01/XXXX-07-03, 'الأيام العشرة الأولى من الشهر المقبل'"""
    return make_range(month.value.with_(day=1), month.value.with_(day=int(n.value.amount)))


@rule("ar.range.first_days_of_month_name", _FIRST_N_DAYS, K("of"), C("gmonth"))
def first_days_of_month_name(n, _of, month):
    """'الأيام الثلاثة الأولى من تموز': the first days settle a month name that is also a word"""
    v = TimeValue(month=month.value.month, cue=month.value.cue)
    return make_range(v.with_(day=1), v.with_(day=int(n.value.amount)))


_FIRST_N_MONTHS = Elem("tv", lambda it: it.rule.startswith(("ar.duration.first_", "ar.duration.qty_ordinal",
                                                            "ar.duration.al_qty_ordinal"))
                       and it.value.unit == "month" and 2 <= it.value.amount <= 11, False, "the first n months")


@rule("ar.range.first_months_of_year", _FIRST_N_MONTHS, K("of"),
      TV(lambda v: v.kind == "date" and v.calendar == "gregorian" and v.month is None and v.mod is None
         and v.quarter is None and v.half is None and v.season is None and not v.bc
         and (v.year is not None or (v.rel_unit == "year" and v.rel_offset is not None)), "a year"))
def first_months_of_year(n, _of, year):
    """'الأشهر الخمسة الأولى من العام الجاري' → 2015-01/2015-05, 'الأشهر الستة الأولى من 2014'"""
    return make_range(year.value.with_(month=1), year.value.with_(month=int(n.value.amount)))


# -- years before the common era: the era is written once, after the second year ----------------
_BC_NUMBER = C("number", lambda it: 1 <= it.value <= 9999)


def _bc_years(a: int, b: int) -> TimeValue | None:
    """'بين عامي 284 و246 قبل الميلاد' → BC0284/BC0246: both years are BC, the larger is the earlier."""
    first, last = max(a, b), min(a, b)
    return make_range(TimeValue(year=first, bc=True), TimeValue(year=last, bc=True)) if first != last else None


@rule("ar.range.between_bc_years", K("between"), _BC_NUMBER, K("and"), _BC_NUMBER, K("era_bc"))
def between_bc_years(_between, a, _and, b, _era):
    """'بين 284 و246 قبل الميلاد', 'ما بين 3000 و2500 ق.م'"""
    return _bc_years(a.value, b.value)


@rule("ar.range.between_bc_years_intro", K("between"), K("year_intro"), _BC_NUMBER, K("and"), _BC_NUMBER,
      K("era_bc"))
def between_bc_years_intro(_between, _years, a, _and, b, _era):
    """'بين عامي 284 و246 قبل الميلاد' → BC0284/BC0246"""
    return _bc_years(a.value, b.value)


@rule("ar.range.from_bc_year_to", K("from"), ctx(K("year_intro")), _BC_NUMBER, K("to"), _BC_NUMBER, K("era_bc"))
def from_bc_year_to(_from, a, _to, b, _era):
    """'من عام 500 إلى 300 قبل الميلاد' → BC0500/BC0300"""
    return _bc_years(a.value, b.value)


@rule("ar.range.from_bc_number_to", K("from"), _BC_NUMBER, K("to"), _BC_NUMBER, K("era_bc"))
def from_bc_number_to(_from, a, _to, b, _era):
    """'من 500 إلى 300 ق.م' → BC0500/BC0300"""
    return _bc_years(a.value, b.value)


@rule("ar.range.bc_dash_bc", _BC_NUMBER, no_number_joined(after=False), T("-"), _BC_NUMBER, K("era_bc"))
def bc_dash_bc(a, _dash, b, _era):
    """'(284-246 ق.م)', '3100 - 2900 قبل الميلاد'"""
    return _bc_years(a.value, b.value)


@rule("ar.range.bc_year_dash_bc_year", TV(lambda v: _bare_bc_year(v) and v.kind == "date", "BC year"), T("-"),
      TV(lambda v: _bare_bc_year(v) and v.kind == "date", "BC year"))
def bc_year_dash_bc_year(a, _dash, b):
    """'(65 ق.م - 4 ق.م)': a life or a reign, each year with its era"""
    return _bc_years(a.value.year, b.value.year)


# -- open intervals ----------------------------------------------------------------------------

# A start and 'حتى تاريخه' (to this day): TimeML has no interval ending today, so the start carries
# ON_OR_AFTER, as 'منذ 2001' does. A bare year of 1300–1500 in it is Hijri (Saudi CVs: '1420 وحتى
# تاريخه'; no one writes a 15th-century year running to today).
_TO_DATE = (K("until", "to"), W("to_date_words"))


def _from_year_on(year: int) -> TimeValue:
    if year in HIJRI_NUMERIC_YEARS:
        return TimeValue(calendar="hijri", hijri_year=year, mod="ON_OR_AFTER")
    return TimeValue(year=year, mod="ON_OR_AFTER")


@rule("ar.range.year_to_date", C("year"), no_number_joined(after=False), *_TO_DATE)
def year_to_date(y, _until, _date):
    """'2001 حتى تاريخه' → 2001 ON_OR_AFTER, '1420 وحتى تاريخه' → the Hijri year 1420 ON_OR_AFTER"""
    return _from_year_on(y.value)


@rule("ar.range.year_dash_to_date", C("year"), no_number_joined(after=False), T("-"), W("to_date_words"))
def year_dash_to_date(y, _dash, _date):
    """'1990 – تاريخه' → 1990 ON_OR_AFTER"""
    return _from_year_on(y.value)


@rule("ar.range.date_to_date", TV(lambda v: v.kind == "date" and v.mod in (None, "ON_OR_AFTER") and not v.rel_unit
                                 and (v.year is not None or v.hijri_year is not None), "dated start"), *_TO_DATE)
def date_to_date(start, _until, _date):
    """'من تاريخ 1/ 6/ 1428 وحتى تاريخه', 'منذ 2001 حتى تاريخه', 'عام 2001 حتى تاريخه' → the start, ON_OR_AFTER"""
    return start.value.with_(mod="ON_OR_AFTER")

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
