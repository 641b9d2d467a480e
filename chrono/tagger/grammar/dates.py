"""Calendar dates: months in every regional series, day-month-year, years, numeric dates, weekdays."""
from __future__ import annotations

from typing import NamedTuple, Optional

from chrono.lexicon import LEXICON
from chrono.tagger.engine import RuleBook
from chrono.tagger.grammar.base import (
    DIGITS,
    TV,
    C,
    K,
    T,
    W,
    ctx,
    lexval,
    no_number_joined,
    not_hijri_marked,
    not_next,
    not_quoted_alone,
    year_guard,
)
from chrono.tagger.grammar.intersect import ADJACENT, Operand, intersection, joined, value_operand
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS
from chrono.tagger.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule

CUE_OF_SHIFT = {-1: "past", 1: "future", 0: "this"}


class GMonth(NamedTuple):
    """A Gregorian month as written: its number, its cue (الماضي → past) and whether the word
    alone is ambiguous (مارس is also 'he practised')."""

    month: int
    cue: Optional[str] = None
    ambiguous: bool = False


def _valid_day(day: int, month: int, year: Optional[int] = None) -> bool:
    """Any day 1–31 is accepted here: '31 فبراير 2021' is still an expression, which resolve
    flags as invalid instead of inventing a date (the tagger must not silently read it as February)."""
    return 1 <= day <= 31 and 1 <= month <= 12


def _is_plain_year(v: TimeValue) -> bool:
    """A whole year, absolute or relative: 'عام 2020', 'العام الماضي'."""
    return (v.kind == "date" and v.month is None and v.day is None and not v.mod and v.quarter is None
            and v.half is None and (v.year is not None or v.rel_unit == "year") and v.calendar == "gregorian")


# -- months -----------------------------------------------------------------------------------


@rule("ar.month.word", C("month"), out="gmonth")
def month_word(m):
    """'ديسمبر' → December; 'كانون الأول' → December; 'دجنبر' → December"""
    return GMonth(m.value.value, None, m.value.ambiguous)


@rule("ar.month.doubled_paren", C("gmonth", lambda it: it.value.cue is None), T("("), C("month"), T(")"),
      out="gmonth")
def month_doubled_paren(m, _open, other, _close):
    """'ديسمبر (كانون الأول)', 'دجنبر(ديسمبر)': one month written in two series"""
    return GMonth(m.value.month) if m.value.month == lexval(other) else None


@rule("ar.month.doubled_slash", C("gmonth", lambda it: it.value.cue is None), T("/", "-", "\\"), C("month"),
      out="gmonth")
def month_doubled_slash(m, _sep, other):
    """'أكتوبر/ تشرين الأول', 'شباط/فبراير', 'شباط\\فبراير'"""
    return GMonth(m.value.month) if m.value.month == lexval(other) else None


@rule("ar.month.doubled_adjacent", C("gmonth", lambda it: it.value.cue is None), C("month"), out="gmonth")
def month_doubled_adjacent(m, other):
    """'يونيو حزيران', 'ديسمبر كانون الأول', 'سبتمبر أيلول' (wire copy doubles months without brackets)"""
    return GMonth(m.value.month) if m.value.month == lexval(other) else None


@rule("ar.month.shifted", C("gmonth", lambda it: it.value.cue is None), C("shift"), out="gmonth")
def month_shifted(m, shift):
    """'ديسمبر الماضي' → past, 'نوفمبر الحالي' → this, 'يناير المقبل' → future"""
    return GMonth(m.value.month, CUE_OF_SHIFT[lexval(shift)])


# -- day month year ---------------------------------------------------------------------------


@rule("ar.date.day_month_year", C("day"), C("gmonth", lambda it: it.value.cue is None), C("year"))
def day_month_year(d, m, y):
    """'24 نوفمبر 2021', 'الرابع والعشرين من نوفمبر 2021' (with the 'من' rule below)"""
    if not _valid_day(d.value, m.value.month, y.value):
        return None
    return TimeValue(year=y.value, month=m.value.month, day=d.value)


@rule("ar.date.ordinal_of_month_year", C("day"), K("of"), C("gmonth", lambda it: it.value.cue is None),
      C("year"))
def ordinal_of_month_year(d, _of, m, y):
    """'العاشر من ديسمبر 2020'"""
    return day_month_year(d, m, y)


@rule("ar.date.day_month", C("day"), C("gmonth"))
def day_month(d, m):
    """'22 ديسمبر (كانون الأول) الماضي', '3 نوفمبر': the year comes from the anchor"""
    if not _valid_day(d.value, m.value.month):
        return None
    return TimeValue(month=m.value.month, day=d.value, cue=m.value.cue)


@rule("ar.date.ordinal_of_month", C("day"), K("of"), C("gmonth"))
def ordinal_of_month(d, _of, m):
    """'العاشر من ديسمبر الماضي'"""
    return day_month(d, m)


# -- a day of the month the sentence named before: 'للثامن من الشهر نفسه' -------------------------
# The value is a placeholder, a day of an unknown month (rel_unit month, no offset): the tag stage
# gives it the month of the date before it in its sentence, or drops it (chrono.tagger.with_sentence_months).
SAME_MONTH_RULES = frozenset({"ar.date.day_of_same_month", "ar.date.day_of_same_month_before",
                              "ar.date.weekday_day_of_same_month"})
_MONTH_WORD = C("period", lambda it: lexval(it) == "month", "الشهر")


@rule("ar.date.day_of_same_month", C("day"), K("of"), _MONTH_WORD, W("same_after_words"))
def day_of_same_month(d, _of, _month, _same):
    """'الثامن من الشهر نفسه', 'للعاشر من الشهر ذاته'"""
    return TimeValue(day=d.value, rel_unit="month")


@rule("ar.date.day_of_same_month_before", C("day"), K("of"), W("same_before_words"), _MONTH_WORD)
def day_of_same_month_before(d, _of, _same, _month):
    """'العاشر من نفس الشهر', 'الخامس من ذات الشهر'"""
    return TimeValue(day=d.value, rel_unit="month")


def is_day_of_same_month(v: TimeValue) -> bool:
    """The placeholder of the rules above: a day, no month yet."""
    return v.kind == "date" and v.rel_unit == "month" and v.rel_offset is None and v.day is not None


def _named_weekday(v: TimeValue) -> bool:
    """'يوم الأحد', 'الأحد المقبل': a weekday with no date yet."""
    return (v.kind == "date" and bool(v.weekday) and v.day is None and v.month is None and v.hijri_day is None
            and v.rel_unit is None and v.mod is None)


@rule("ar.date.weekday_day_of_same_month", TV(_named_weekday, "weekday"), ctx(K("agreeing")),
      TV(is_day_of_same_month, "day of the same month"), priority=1)
def weekday_day_of_same_month(w, d):
    """'يوم الأحد الموافق للثامن من الشهر نفسه': one day, named twice"""
    return d.value.with_(weekday=w.value.weekday)


@rule("ar.date.month_year", C("gmonth", lambda it: it.value.cue is None), C("year"), year_guard())
def month_year(m, y):
    """'دجنبر(ديسمبر) 2020', 'نوفمبر 2021', 'أكتوبر/ تشرين الأول 1973'"""
    return TimeValue(year=y.value, month=m.value.month)


# A month and a whole year: 'ديسمبر من عام 2020', 'مارس من العام الماضي'
PLAIN_YEAR = value_operand(_is_plain_year, "year")
MONTH = Operand(C("gmonth", lambda it: it.value.cue is None), lambda it: TimeValue(month=it.value.month))
intersection(rule, "ar.date.month_of_year", MONTH, joined(K("of")), PLAIN_YEAR,
             "'ديسمبر من عام 2020', 'مارس من العام الماضي'")


# A month and a year written right after it: 'يوليو عام 2009', 'فبراير (شباط) عام 2009م',
# 'ديسمبر (كانون الأول) العام الماضي'. Never the month alone on the anchor's year beside its year.
intersection(rule, "ar.date.month_then_year", MONTH, ADJACENT, PLAIN_YEAR,
             "'يوليو عام 2009', 'ديسمبر (كانون الأول) العام الماضي', 'مايو لعام 2014'")

# A day and month, and the year told after it, whatever stands between: 'في 4 نوفمبر عام 1979',
# '17 يوليو العام الماضي', '24 يوليو تموز عام 2014', 'الثلاثين من يونيو من عام 1947'.
DAY_AND_MONTH = value_operand(lambda v: (v.kind == "date" and v.day is not None and v.month is not None
                                         and v.year is None and v.cue is None and not v.rel_unit
                                         and v.calendar == "gregorian" and v.weekday is None and v.mod is None
                                         and v.pod is None and v.hour is None), "day and month")
intersection(rule, "ar.date.day_month_then_year", DAY_AND_MONTH, ADJACENT, PLAIN_YEAR,
             "'في 4 نوفمبر عام 1979', '17 يوليو العام الماضي', '31 ديسمبر (كانون الأول) عام 2012'")
intersection(rule, "ar.date.day_month_of_the_year", DAY_AND_MONTH, joined(K("of")), PLAIN_YEAR,
             "'5 يونيو من عام 1967', 'الثلاثين من يونيو من العام الماضي'")


@rule("ar.date.day_month_comma_year", DAY_AND_MONTH.elem, T(","), C("year"), year_guard())
def day_month_comma_year(dm, _comma, y):
    """'الحادي عشر من نوفمبر، 2004', '5 مايو، 1931'"""
    return dm.value.with_(year=y.value)


@rule("ar.date.day_month_of_year", C("day"), ctx(K("of")), C("gmonth", lambda it: it.value.cue is None), K("of"),
      TV(_is_plain_year))
def day_month_of_year(d, m, _of, y):
    """'العاشر من ديسمبر من العام الماضي'"""
    if not _valid_day(d.value, m.value.month, y.value.year):
        return None
    return y.value.with_(month=m.value.month, day=d.value)


@rule("ar.date.month_alone", C("gmonth", lambda it: not it.value.ambiguous), not_quoted_alone())
def month_alone(m):
    """'في أغسطس', 'أغسطس المنقضي', 'نوفمبر الحالي'"""
    return TimeValue(month=m.value.month, cue=m.value.cue)


@rule("ar.date.ambiguous_month_after_in", ctx(K("in", "since", "until")), C("gmonth"))
def ambiguous_month_after_in(m):
    """'في مارس', 'منذ تموز': a month word that is also a verb or a name needs a preposition"""
    return TimeValue(month=m.value.month, cue=m.value.cue)


# -- years ------------------------------------------------------------------------------------


@rule("ar.date.year_intro", K("year_intro"), C("year"), year_guard())
def year_intro(_word, y):
    """'عام 2014', 'العام 1993', 'سنة 2000', 'عام ألفين وعشرين'"""
    return TimeValue(year=y.value)


@rule("ar.date.year_intro_calendar", K("year_intro"), K("era_ad"), C("year"), year_guard())
def year_intro_calendar(_word, _era, y):
    """'العام الميلادي 2014', 'أواخر العام الميلادي 2014' → 2014 END: the calendar named between
    'العام' and its year (the Hijri 'العام الهجري 1436' is a Hijri year)"""
    return TimeValue(year=y.value)


@rule("ar.date.year_intro_calendar_era", K("year_intro"), K("era_ad"), C("year"), K("era_ad"))
def year_intro_calendar_era(_word, _era, y, _mark):
    """'العام الميلادي 2013م' → 2013 (the era written twice)"""
    return TimeValue(year=y.value)


@rule("ar.date.year_intro_paren", K("year_intro"), T("("), C("year"), T(")"))
def year_intro_paren(_word, _open, y, _close):
    """'عام ( 1933 )', 'منذ عام (1891)': the year in brackets, the brackets in the expression"""
    return TimeValue(year=y.value)


@rule("ar.date.event_year_paren", ctx(K("event_noun")), T("("), C("year"), T(")"))
def event_year_paren(_open, y, _close):
    """'حرب ( 1948 )', 'نكبة (1948)': an event named by its year in brackets"""
    return TimeValue(year=y.value)


# -- quarters and halves of "the year" ----------------------------------------------------------
_YEAR_WORD = C("period", lambda it: lexval(it) == "year", "العام")
_QUARTER_OR_HALF = C("period", lambda it: lexval(it) in ("quarter", "half"), "الربع/النصف")


def _part_of_the_year(which: str, n: int) -> Optional[TimeValue]:
    """The anchor's year with its quarter or half: 'الربع الثاني من العام' → 2015-Q2."""
    if which == "half":
        return TimeValue(rel_unit="year", rel_offset=0, half=n) if n <= 2 else None
    return TimeValue(rel_unit="year", rel_offset=0, quarter=n) if n <= 4 else None


@rule("ar.date.quarter_of_the_year", _QUARTER_OR_HALF, C("ordinal"), K("of"), _YEAR_WORD,
      not_next(*LEXICON.guard_words["not_period_after"]))
def quarter_of_the_year(p, ordinal, _of, _year):
    """'في الربع الثاني من العام', 'النصف الأول من السنة' (of this year; 'العام الماضي' is the rule
    of relative years, 'العام المالي' a fiscal year)"""
    return _part_of_the_year(lexval(p), lexval(ordinal))


@rule("ar.date.last_quarter_of_the_year", _QUARTER_OR_HALF, K("last_ordinal"), K("of"), _YEAR_WORD,
      not_next(*LEXICON.guard_words["not_period_after"]))
def last_quarter_of_the_year(p, _last, _of, _year):
    """'الربع الأخير من العام' → Q4, 'النصف الأخير من السنة' → H2"""
    return _part_of_the_year(lexval(p), 4 if lexval(p) == "quarter" else 2)


@rule("ar.date.year_in", ctx(K("in")), C("year"), year_guard())
def year_in(y):
    """'في 2020' (only the number is the expression)"""
    return TimeValue(year=y.value)


@rule("ar.date.year_era", C("year"), K("era_ad"))
def year_era(y, _era):
    """'2021 م', '1973 ميلادي'"""
    return TimeValue(year=y.value)


@rule("ar.date.year_bc", C("number", lambda it: 1 <= it.value <= 9999), K("era_bc"))
def year_bc(n, _era):
    """'300 ق.م', '3000 قبل الميلاد'"""
    return TimeValue(year=n.value, bc=True)


@rule("ar.date.year_intro_bc", K("year_intro"), C("number", lambda it: 1 <= it.value <= 9999), K("era_bc"))
def year_intro_bc(_word, n, _era):
    """'عام 300 ق.م', 'سنة 44 قبل الميلاد' (عام belongs to the expression, as in 'عام 2014')"""
    return TimeValue(year=n.value, bc=True)


@rule("ar.date.year_intro_era", K("year_intro"), C("number", lambda it: 1 <= it.value <= 9999), K("era_ad"))
def year_intro_era(_word, n, _era):
    """'عام 622 م'"""
    return TimeValue(year=n.value)


# -- numeric dates ----------------------------------------------------------------------------


def _gregorian_numeric(n) -> Optional[TimeValue]:
    if n.year in HIJRI_NUMERIC_YEARS or not _valid_day(n.day, n.month, n.year):
        return None
    return TimeValue(year=n.year, month=n.month, day=n.day)


@rule("ar.date.numeric_dmy", C("ndate", lambda it: not it.value.year_first), not_hijri_marked())
def numeric_dmy(n):
    """'24/11/2021', '24-11-2021', '24.11.2021', '15 / 1 / 1959' (day first, as Arabic news writes
    it; not '29-8-1436هـ', a Hijri date)"""
    return _gregorian_numeric(n.value)


@rule("ar.date.numeric_ymd", C("ndate", lambda it: it.value.year_first), not_hijri_marked())
def numeric_ymd(n):
    """'2021-11-24', '2021/11/24'"""
    return _gregorian_numeric(n.value)


@rule("ar.date.numeric_mdy", C("ndate", lambda it: it.value.month_first is not None), not_hijri_marked())
def numeric_mdy(n):
    """'4 / 22 / 1948' → April 22: written month first, which a day over 12 shows"""
    return _gregorian_numeric(n.value.month_first)


# -- weekdays ---------------------------------------------------------------------------------


@rule("ar.weekday.bare", C("weekday"))
def weekday_bare(w):
    """'الجمعة' in 'أعلنت الجبهة الجمعة': the latest Friday on or before the anchor"""
    return TimeValue(weekday=lexval(w))


@rule("ar.weekday.with_day_word", K("day_intro"), TV(lambda v: v.weekday and v.day is None and not v.rel_unit))
def weekday_with_day_word(_yawm, w):
    """'يوم الأربعاء', 'نهار الخميس'"""
    return w.value


@rule("ar.weekday.shifted", TV(lambda v: v.weekday and v.day is None and not v.cue and not v.rel_unit),
      C("shift"))
def weekday_shifted(w, shift):
    """'يوم الأربعاء الماضي' (strictly before), 'الخميس المقبل' (strictly after)"""
    return w.value.with_(cue=CUE_OF_SHIFT[lexval(shift)])


# A weekday not yet placed, and a day of a month: 'الأربعاء 24 نوفمبر 2021'
WEEKDAY = value_operand(lambda v: v.weekday is not None and v.day is None and v.hijri_day is None
                        and not v.rel_unit, "weekday", ("weekday",))
DAY_OF_MONTH = value_operand(lambda v: v.day is not None and v.weekday is None, "day of month")
intersection(rule, "ar.date.weekday_then_date", WEEKDAY, joined(T(",", "-")), DAY_OF_MONTH,
             "'الأربعاء، 24 نوفمبر 2021'")
intersection(rule, "ar.date.weekday_date", WEEKDAY, ADJACENT, DAY_OF_MONTH, "'الأربعاء 24 نوفمبر 2021'")


@rule("ar.date.day_word_date", K("day_intro"), TV(lambda v: v.day is not None and v.month is not None))
def day_word_date(_yawm, d):
    """'يوم 24 نوفمبر'"""
    return d.value


intersection(rule, "ar.date.weekday_paren_date", WEEKDAY, joined(T("("), close=T(")")), DAY_OF_MONTH,
             "'الثلاثاء (23 نوفمبر)'")


@rule("ar.date.event_year", ctx(K("event_noun")), C("year"), year_guard())
def event_year(y):
    """'حرب 1967', 'انتخابات 2021', 'مونديال 2022': an event named by its year"""
    return TimeValue(year=y.value)


@rule("ar.date.event_ordinal_year", ctx(K("event_noun")), ctx(C("ordinal")), C("year"), year_guard())
def event_ordinal_year(y):
    """'الانتفاضة الأولى 1987', 'الدورة الثانية 2014': the event's ordinal stands between"""
    return TimeValue(year=y.value)


@rule("ar.date.event_short_year", ctx(W("short_year_events")), DIGITS(2, 2, 20, 99), year_guard())
def event_short_year(y):
    """'حرب 48', 'نكسة 67', 'حرب 73' → 1948, 1967, 1973: wars named by two digits (never '48 ساعة')"""
    return TimeValue(year=1900 + int(y.value))


@rule("ar.date.short_year_era", C("number", lambda it: 1 <= it.value <= 999), K("era_ad"))
def short_year_era(n, _era):
    """'622 م', '70 ميلادي' (years before 1000 need their era)"""
    return TimeValue(year=n.value)


@rule("ar.month.named_month", K("month_word"), C("gmonth", lambda it: it.value.cue is None), out="gmonth")
def named_month(_shahr, m):
    """'شهر مارس' → March (the word شهر makes even an ambiguous month name safe)"""
    return GMonth(m.value.month)


@rule("ar.date.part_of_month", C("part"), C("gmonth"))
def part_of_month(part, m):
    """'أواخر مارس', 'مطلع يناير المقبل', 'منتصف أغسطس الماضي'"""
    return TimeValue(month=m.value.month, cue=m.value.cue, mod=lexval(part))


# -- seasons, and a few more written forms ---------------------------------------------------


@rule("ar.season.year", C("season"), C("year"), year_guard())
def season_year(s, y):
    """'صيف 2016' → 2016-SU, 'شتاء 2020'"""
    return TimeValue(year=y.value, season=lexval(s))


@rule("ar.season.of_year", C("season"), TV(_is_plain_year))
def season_of_year(s, y):
    """'ربيع عام 1978', 'صيف العام الماضي'"""
    return y.value.with_(season=lexval(s))


@rule("ar.season.shifted", C("season"), C("shift"))
def season_shifted(s, shift):
    """'الصيف الماضي', 'الربيع القادم', 'الشتاء الحالي'. A shift word with a clitic starts the
    next phrase: 'مهرجان الصيف بهذه المناسبة' is the festival's name, not this summer."""
    if shift.prefix:
        return None
    return TimeValue(season=lexval(s), cue=CUE_OF_SHIFT[lexval(shift)])


@rule("ar.season.this", C("shift", lambda it: lexval(it) == 0), C("season"))
def season_this(_this, s):
    """'هذا الصيف' → the anchor's summer"""
    return TimeValue(season=lexval(s), cue="this")


@rule("ar.date.this_month", C("shift", lambda it: lexval(it) == 0), C("gmonth", lambda it: it.value.cue is None))
def this_month(_this, m):
    """'هذا مارس', 'هذا الشهر' is relative.this_period"""
    return TimeValue(month=m.value.month, cue="this")


@rule("ar.date.month_comma_year", C("gmonth", lambda it: it.value.cue is None), T(","), C("year"), year_guard())
def month_comma_year(m, _comma, y):
    """'مارس، 2001' → 2001-03"""
    return TimeValue(year=y.value, month=m.value.month)


@rule("ar.date.numeric_month_year", DIGITS(1, 2, 1, 12), no_number_joined(after=False), T("/", "-", "."),
      DIGITS(4, 4, 1000, 2200), no_number_joined(), not_hijri_marked())
def numeric_month_year(m, _sep, y):
    """'3/2015', '11-2021' → month (not '9/1436هـ', a Hijri month)"""
    if int(y.value) in HIJRI_NUMERIC_YEARS:
        return None
    return TimeValue(year=int(y.value), month=int(m.value))


@rule("ar.date.numeric_dmy_short", DIGITS(1, 2, 1, 31), no_number_joined(after=False), T("/"), DIGITS(1, 2, 1, 12),
      T("/"), DIGITS(2, 2), no_number_joined())
def numeric_dmy_short(d, _s1, m, _s2, yy):
    """'16/04/21' → 2021-04-16 (two-digit years: 00–50 → 2000s, 51–99 → 1900s)"""
    y = int(yy.value)
    year = 2000 + y if y <= 50 else 1900 + y
    if not _valid_day(int(d.value), int(m.value), year):
        return None
    return TimeValue(year=year, month=int(m.value), day=int(d.value))


@rule("ar.date.delivery_month", ctx(W("delivery_words")), C("gmonth", lambda it: it.value.cue is None))
def delivery_month(m):
    """'العقود الآجلة للذهب تسليم أغسطس', 'عقد استحقاق سبتمبر': the month a futures contract is
    delivered in is the coming one, whatever the tense of the day's trading ('انخفضت العقود')"""
    return TimeValue(month=m.value.month, cue="future")
