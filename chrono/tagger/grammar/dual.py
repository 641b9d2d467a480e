"""Dates written in both calendars, numeric Hijri dates, Hijri year ranges, and a weekday before
the date it names.

"24 نوفمبر 2021 م الموافق 19 ربيع الثاني 1443 هـ" is one day with both halves; "1443/4/19 هـ" a
numeric Hijri date; "1442-1443 هـ" a range of Hijri years; "1443 هـ - 2021 م" one year in both
calendars; "الأربعاء 24 نوفمبر 2021" a weekday that must agree with its date.
"""
from __future__ import annotations

from typing import Optional

from chrono.tagger.engine import Elem, RuleBook
from chrono.tagger.grammar.base import DIGITS, TV, C, K, T, W, ctx, no_number_joined, year_guard
from chrono.tagger.grammar.hijri import FIRST_GREGORIAN_LOOKING_YEAR, HIJRI_DAY, NOT_SOLAR_YEAR, hijri, is_gregorian_day
from chrono.tagger.grammar.intersect import Join, intersection, joined, value_operand
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS, NumericDate
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


# -- dual dates: one day written in both calendars --------------------------------------------


@rule("ar.dual.gregorian_with_era", TV(lambda v: is_gregorian_day(v) and v.year is not None),
      K("era_ad"))
def gregorian_with_era(g, _era):
    """'24 نوفمبر 2021 م' (so that the Gregorian half of a dual date keeps its م)"""
    return g.value


# The two halves of a dual date, in either order, and how they are joined (rules as data): name →
# (join, an Arabic example in each order). The Gregorian half brings its day, month, year and
# weekday; the Hijri half its own.
GREGORIAN_DAY = value_operand(is_gregorian_day, "Gregorian day", ("year", "month", "day", "weekday"))
_DUAL_JOINS = {
    "agreeing": (joined(K("agreeing")),
                 "24 نوفمبر 2021 م الموافق 19 ربيع الثاني 1443 هـ",
                 "19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م"),
    "comma_agreeing": (joined(T(","), K("agreeing")),
                       "الأربعاء 24 نوفمبر 2021، الموافق 19 ربيع الثاني 1443 هـ",
                       "19 ربيع الثاني 1443 هـ، الموافق 24 نوفمبر 2021 م"),
    "sep": (joined(T("-", "/", "|")),
            "24 نوفمبر 2021 م - 19 ربيع الثاني 1443 هـ (datelines)",
            "19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ (the dateline form)"),
    "paren": (joined(T("("), close=T(")")),
              "24 نوفمبر 2021 (19 ربيع الثاني 1443 هـ)",
              "19 ربيع الثاني 1443 هـ (24 نوفمبر 2021)"),
}
for _join, (_joined, _example_g, _example_h) in _DUAL_JOINS.items():
    intersection(rule, f"ar.dual.gregorian_{_join}_hijri", GREGORIAN_DAY, _joined, HIJRI_DAY, f"'{_example_g}'")
    intersection(rule, f"ar.dual.hijri_{_join}_gregorian", HIJRI_DAY, _joined, GREGORIAN_DAY, f"'{_example_h}'")


# -- numeric Hijri dates ------------------------------------------------------------------------


def _numeric_hijri(n: NumericDate) -> Optional[TimeValue]:
    """The Hijri day a numeric date names, day first ('29-8-1436' → 29 Sha'ban), month first when
    only that reading is possible ('8/29/1436'); `either_order` when both are ('10/4/1436')."""
    reading = n if n.month <= 12 else n.month_first
    if reading is None or not 1 <= reading.day <= 30:
        return None
    return hijri(hijri_year=n.year, hijri_month=reading.month, hijri_day=reading.day,
                 either_order=not n.year_first and n.either_order)


@rule("ar.hijri.numeric_date_era", C("ndate", lambda it: it.value.year <= 1500), K("hijri_era"), NOT_SOLAR_YEAR)
def numeric_date_era(n, _era):
    """'29-8-1436هـ', '21 / 10 / 1436 هـ', '1436/10/30 هـ', '10/4 / 1436هـ' → Hijri days"""
    return _numeric_hijri(n.value)


@rule("ar.hijri.numeric_date", C("ndate", lambda it: it.value.year in HIJRI_NUMERIC_YEARS))
def numeric_date(n):
    """'يوم الجمعة 9/9/1436', 'وتاريخ 27/8/1412': a numeric date of 1300–1500 is Hijri even
    without هـ (see numbers.HIJRI_NUMERIC_YEARS)"""
    return _numeric_hijri(n.value)


@rule("ar.hijri.numeric_month_year", DIGITS(1, 2, 1, 12), no_number_joined(after=False), T("/", "-"),
      C("hyr", lambda it: it.value.explicit and it.value.year >= 1000))
def numeric_month_year(m, _sep, y):
    """'9/1436هـ' → Ramadan 1436"""
    return hijri(hijri_year=y.value.year, hijri_month=int(m.value))


# -- Hijri year ranges and years written in both calendars ---------------------------------------


def _later_year(first: int, written: int) -> Optional[int]:
    """The second year of a range, written in full or by its last two digits ('1436/37')."""
    if written < 100 <= first:
        written += first - first % 100
        if written <= first:
            written += 100
    return written if first < written <= first + 100 else None


def _hijri_years(first: int, last: Optional[int]) -> Optional[TimeValue]:
    if last is None:
        return None
    return make_range(hijri(hijri_year=first), hijri(hijri_year=last))


# a Hijri year written with its era and long enough to stand alone: "1443 هـ", "1443 للهجرة"
EXPLICIT_HIJRI_YEAR = C("hyr", lambda it: it.value.explicit and it.value.standalone)


@rule("ar.hijri.year_range", C("number", lambda it: 100 <= it.value <= 1500), no_number_joined(after=False),
      T("-", "/"), C("hyr", lambda it: it.value.explicit))
def year_range(a, _sep, b):
    """'1417 - 1419هـ', '1436/1437هـ', '(1437ـ1441هـ)', '1436/37هـ': one هـ marks both years"""
    return _hijri_years(a.value, _later_year(a.value, b.value.year))


@rule("ar.hijri.year_range_marked", EXPLICIT_HIJRI_YEAR, T("-", "/"), EXPLICIT_HIJRI_YEAR)
def year_range_marked(a, _sep, b):
    """'1435هـ ـ 1436هـ' (a season), '1434 هـ - 1435 هـ'"""
    return _hijri_years(a.value.year, _later_year(a.value.year, b.value.year))


@rule("ar.hijri.year_pair_in_context", ctx(W("hijri_year_pair_context")),
      C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS), T("-", "/"),
      C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS), year_guard(), priority=1)
def year_pair_in_context(a, _sep, b):
    """'العام الدراسي 1436-1437', 'العام المالي 1434/1435': a school or fiscal year of two
    consecutive years 1300–1500 is Hijri without هـ"""
    return _hijri_years(a.value, b.value) if b.value == a.value + 1 else None


def _is_hijri_year_range(v: TimeValue) -> bool:
    return v.kind == "range" and v.start().calendar == "hijri" and v.start().hijri_month is None


@rule("ar.hijri.year_range_intro", K("year_intro"),
      Elem("tv", lambda it: _is_hijri_year_range(it.value) and it.rule != "ar.hijri.year_pair_in_context", False,
           "Hijri year range"))
def year_range_intro(_word, r):
    """'عام 1417 - 1419هـ', 'للعام 1435/ 1436 هـ' (عام belongs to the expression, as in 'عام 1436 هـ')"""
    return r.value


def _years_overlap(hijri_year: int, gregorian_year: int) -> bool:
    """A Hijri year lies over one or two Gregorian years, about 0.97 of a year each since the
    Hijra (1436 → 2014/2015). Writers converting in their head are often a year off ('1385 1964'
    for 1385 = 1965/66), so a year either side is accepted; resolve checks the days and flags it."""
    middle = hijri_year * 0.970229 + 621.5643
    return middle - 2 <= gregorian_year <= middle + 2


def _dual_year(hijri_year: int, gregorian_year: int) -> Optional[TimeValue]:
    return hijri(hijri_year=hijri_year, year=gregorian_year) if _years_overlap(hijri_year, gregorian_year) else None


# A Hijri year beside its Gregorian year: the pair's agreement (_years_overlap) vouches for the
# calendar, so years older than HIJRI_NUMERIC_YEARS pass too ('عام 1293 / 1876')
DUAL_HIJRI_YEARS = range(1200, 1501)


@rule("ar.dual.hijri_year_dash_gregorian_year", C("year", lambda it: it.value in DUAL_HIJRI_YEARS),
      T("-", "/"), C("year", lambda it: it.value >= FIRST_GREGORIAN_LOOKING_YEAR), year_guard(), priority=1)
def hijri_year_dash_gregorian_year(h, _sep, g):
    """'عام 1382-1962': one year written in both calendars, not a range of six centuries"""
    return _dual_year(h.value, g.value)


@rule("ar.dual.hijri_year_then_gregorian_year", C("year", lambda it: it.value in DUAL_HIJRI_YEARS),
      C("year", lambda it: it.value >= FIRST_GREGORIAN_LOOKING_YEAR), year_guard(), priority=1)
def hijri_year_then_gregorian_year(h, g):
    """'من عام 1385 1964 إلى عام 1396 1975م': the Hijri year, then the same year in Gregorian"""
    return _dual_year(h.value, g.value)


@rule("ar.dual.year_intro_dual_year", K("year_intro"),
      TV(lambda v: v.calendar == "hijri" and v.year is not None and v.hijri_year is not None
         and v.hijri_month is None and v.month is None, "dual year"))
def year_intro_dual_year(_word, y):
    """'عام 1382-1962' (عام belongs to the expression, as in 'عام 2014')"""
    return y.value


@rule("ar.dual.dual_year_era", TV(lambda v: v.calendar == "hijri" and v.year is not None and v.hijri_year is not None
                                    and v.hijri_month is None and v.month is None, "dual year"), K("era_ad"))
def dual_year_era(y, _era):
    """'1396 1975م': the Gregorian year's era mark belongs to the expression"""
    return y.value


def is_hijri_year(v: TimeValue) -> bool:
    """A Hijri year alone, no month or season yet: 'عام 1443 هـ'."""
    return (v.kind == "date" and v.calendar == "hijri" and v.hijri_year is not None and v.hijri_month is None
            and v.year is None and v.mod is None and v.season is None)


def _is_gregorian_year(v: TimeValue) -> bool:
    return (v.kind == "date" and v.calendar == "gregorian" and v.year is not None and v.month is None
            and v.mod is None and not v.rel_unit and v.season is None and v.quarter is None and v.half is None
            and not v.bc)


_YEAR_JOINS = {
    "agreeing": joined(K("agreeing")),
    "comma_agreeing": joined(T(","), K("agreeing")),
    "paren": joined(T("("), close=T(")")),
    "sep": joined(T("-", "/")),
}


def _dual_year_rule(name: str, join: Join) -> None:
    pattern = (TV(is_hijri_year, "Hijri year"), *join.between, TV(_is_gregorian_year, "Gregorian year"))

    def both(h, g):
        return _dual_year(h.value.hijri_year, g.value.year)

    def both_then_close(h, g, _close):
        return both(h, g)

    production = both_then_close if join.close else both
    production.__doc__ = "'العام 1391 هـ الموافق 1971م', '1436هـ (2015م)', 'عام 1433هـ الموافق لعام 2012م'"
    rule(name, *pattern, *((join.close,) if join.close else ()))(production)


for _join_name, _year_join in _YEAR_JOINS.items():
    _dual_year_rule(f"ar.dual.hijri_year_{_join_name}_gregorian_year", _year_join)


# -- a weekday, then the date it is ---------------------------------------------------------------


def _is_weekday_day(v: TimeValue) -> bool:
    """'يوم الأحد', 'الخميس المقبل', 'اليوم الاثنين', 'مساء أمس الاثنين', 'الساعة 5:30 مساء هذا اليوم
    الاثنين': a day named by its weekday, relative or not, with no calendar date yet"""
    return (v.kind in ("date", "time") and bool(v.weekday) and v.day is None and v.month is None and v.year is None
            and v.hijri_day is None and (v.rel_unit is None or v.rel_unit == "day") and v.mod is None)


def _is_calendar_day(v: TimeValue) -> bool:
    """'10/10/1436هـ', '٨ ذي القعدة', '26 يوليو', '24 نوفمبر 2021': a day of a month, no weekday yet"""
    return (v.kind == "date" and v.weekday is None and not v.rel_unit and v.mod is None and v.hour is None
            and v.pod is None and ((v.day is not None and v.month is not None)
                                   or (v.hijri_day is not None and v.hijri_month is not None)))


def _weekday_agreeing(w: TimeValue, d: TimeValue) -> TimeValue:
    """The written date, with the weekday (and the time of day) of the words before it. The
    weekday's own modifier or relative day ('الأحد المقبل', 'أمس الاثنين') gives way to the date:
    a crawl date or a stale page would misplace it, the written date does not."""
    changes: dict[str, int | str | None] = {"weekday": w.weekday}  # TimeValue fields to set on the date
    for name in ("pod", "hour", "minute"):
        if getattr(w, name) is not None:
            changes[name] = getattr(w, name)
    if w.hour is not None:
        changes["kind"] = "time"
    return d.with_(**changes)


for _join_name, _weekday_join in {"agreeing": joined(K("agreeing")),
                                  "comma_agreeing": joined(T(","), K("agreeing"))}.items():

    @rule(f"ar.dual.weekday_{_join_name}_date", TV(_is_weekday_day, "weekday"), *_weekday_join.between,
          TV(_is_calendar_day, "day of a month"), priority=1)
    def weekday_agreeing_date(w, d):
        """'يوم الأحد الموافق 10 / 10 / 1436هـ', 'الجمعة الموافق 18/8/1436', 'يوم الاثنين الماضي
        والموافق 26 رمضان', 'مساء أمس الاثنين الموافق 10/4/ 1436هـ': one day, named twice (a
        relative day gives way to the written date)"""
        return _weekday_agreeing(w.value, d.value)
