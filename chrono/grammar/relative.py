"""Dates relative to the anchor: اليوم، أمس، العام الماضي، قبل ثلاثة أيام، أواخر العام، القرن الماضي."""
from __future__ import annotations

from chrono.engine import rule
from chrono.grammar.base import TV, C, K, T, lexval, not_next
from chrono.lexicon import LEXICON
from chrono.values import TimeValue

def _qty_unit(qty, unit) -> tuple[str, float] | None:
    """'ثلاثة أيام' → (day, 3); 'عامين' → (year, 2) (the dual carries its number)."""
    name, number = lexval(unit)
    if qty is None:
        return (name, number) if number else None
    if number == 2:
        return None  # "ثلاثة عامين" is not Arabic
    if number == 1 and qty.value not in (1,) and qty.value < 11:
        return None  # 3–10 take the plural: "ثلاثة أيام"; 11+ take the singular: "15 يوما"
    return name, qty.value


# -- today, yesterday, tomorrow ----------------------------------------------------------------


@rule("ar.relative.day", C("relday"), not_next(*LEXICON.guard_words["not_today_after"]))
def relative_day(d):
    """'اليوم', 'أمس', 'أول أمس', 'غداً', 'بعد غد', 'وبالأمس'"""
    return TimeValue(rel_unit="day", rel_offset=lexval(d))


@rule("ar.relative.day_weekday", TV(lambda v: v.rel_unit == "day" and v.weekday is None and v.pod is None),
      TV(lambda v: v.weekday and v.day is None and not v.rel_unit and not v.cue))
def relative_day_weekday(d, w):
    """'اليوم الأربعاء', 'غداً الخميس', 'أمس الثلاثاء' (a mismatch is flagged by resolve)"""
    return d.value.with_(weekday=w.value.weekday)


@rule("ar.relative.tonight", K("tonight"))
def tonight(_w):
    """'الليلة' → the anchor day at night"""
    return TimeValue(rel_unit="day", rel_offset=0, pod="NI")


# -- this/last/next period ---------------------------------------------------------------------


@rule("ar.relative.period_shift", C("period", lambda it: lexval(it) in ("year", "month", "week", "decade",
                                                                          "century", "quarter")), C("shift"))
def period_shift(p, shift):
    """'العام الماضي' → year −1, 'الشهر المقبل' → month +1, 'الأسبوع الجاري' → week 0"""
    return TimeValue(rel_unit=lexval(p), rel_offset=lexval(shift))


@rule("ar.relative.this_period", C("shift", lambda it: lexval(it) == 0), C("period"))
def this_period(_this, p):
    """'هذا العام', 'هذه السنة', 'هذا الشهر', 'هذا الأسبوع'"""
    if lexval(p) in ("half",):
        return None
    return TimeValue(rel_unit=lexval(p), rel_offset=0)


# -- N units ago / in N units ---------------------------------------------------------------------


@rule("ar.relative.unit_ago", K("ago"), C("number", lambda it: 1 <= it.value <= 5000), C("unit"))
def unit_ago(_ago, n, unit):
    """'قبل ثلاثة أيام' → day −3, 'منذ 5 سنوات' → year −5"""
    q = _qty_unit(n, unit)
    return TimeValue(rel_unit=_rel_unit(q[0]), rel_offset=-int(q[1]) * _scale(q[0])) if q else None


@rule("ar.relative.dual_ago", K("ago"), C("unit", lambda it: lexval(it)[1] in (1, 2)))
def dual_ago(_ago, unit):
    """'منذ عامين' → year −2, 'قبل يومين' → day −2, 'قبل عام' → year −1"""
    q = _qty_unit(None, unit)
    return TimeValue(rel_unit=_rel_unit(q[0]), rel_offset=-int(q[1]) * _scale(q[0])) if q else None


@rule("ar.relative.approx_ago", K("ago"), K("approx"), TV(lambda v: v.kind == "date" and v.rel_unit
                                                           and (v.rel_offset or 0) < 0 and v.mod is None))
def approx_ago(_ago, _approx, inner):
    """'قبل نحو عامين' (the inner 'عامين' is matched through the dual rule below)"""
    return inner.value.with_(mod="APPROX")


@rule("ar.relative.unit_later", K("after"), C("number", lambda it: 1 <= it.value <= 5000), C("unit"),
      not_next("على", "من", "علي"))
def unit_later(_after, n, unit):
    """'بعد ثلاثة أيام' → day +3 (but 'بعد عام على التطبيع' is a duration)"""
    q = _qty_unit(n, unit)
    return TimeValue(rel_unit=_rel_unit(q[0]), rel_offset=int(q[1]) * _scale(q[0])) if q else None


@rule("ar.relative.dual_later", K("after"), C("unit", lambda it: lexval(it)[1] == 2), not_next("على", "من", "علي"))
def dual_later(_after, unit):
    """'بعد أسبوعين' → week +2, 'بعد يومين' → day +2"""
    q = _qty_unit(None, unit)
    return TimeValue(rel_unit=_rel_unit(q[0]), rel_offset=int(q[1]) * _scale(q[0])) if q else None


def _rel_unit(unit: str) -> str:
    return {"hour": "day", "minute": "day"}.get(unit, unit)


def _scale(unit: str) -> int:
    """Hours and minutes ago resolve to the anchor day (offset 0): 'قبل ساعتين' is today."""
    return 0 if unit in ("hour", "minute") else 1


# -- parts of a period -> mod -------------------------------------------------------------------


@rule("ar.relative.part_of", C("part"), TV(lambda v: v.kind == "date" and v.mod is None and v.day is None
                                            and not v.weekday and v.pod is None))
def part_of(part, inner):
    """'أواخر العام الماضي' → END, 'مطلع الشهر الجاري' → START, 'منتصف 2019' via year rule"""
    return inner.value.with_(mod=lexval(part))


@rule("ar.relative.part_of_year_number", C("part"), C("year"))
def part_of_year_number(part, y):
    """'منتصف 2019', 'نهاية 2020'"""
    return TimeValue(year=y.value, mod=lexval(part))


@rule("ar.relative.part_of_period", C("part"), C("period", lambda it: lexval(it) in ("year", "month", "week")))
def part_of_period(part, p):
    """'نهاية العام', 'بداية الأسبوع': the anchor's own period"""
    return TimeValue(rel_unit=lexval(p), rel_offset=0, mod=lexval(part))


@rule("ar.relative.part_of_the_period_of", C("part"), C("period", lambda it: lexval(it) in ("year", "month")),
      TV(lambda v: v.kind == "date" and v.mod is None and v.day is None))
def part_of_named_period(part, _p, inner):
    """'نهاية عام 2020' is covered by year_intro; this one: 'أواخر شهر ديسمبر'"""
    return inner.value.with_(mod=lexval(part))


# -- quarters and halves ------------------------------------------------------------------------


@rule("ar.relative.quarter_of", C("period", lambda it: lexval(it) in ("quarter", "half")),
      C("ordinal", lambda it: lexval(it) <= 4), K("of"), TV(lambda v: v.kind == "date" and v.month is None
                                                            and v.mod is None and (v.year or v.rel_unit == "year")))
def quarter_of(p, ordinal, _of, year):
    """'الربع الأول من العام الجاري', 'النصف الثاني من العام الماضي'"""
    n = lexval(ordinal)
    if lexval(p) == "half":
        return year.value.with_(half=n) if n <= 2 else None
    return year.value.with_(quarter=n)


@rule("ar.relative.last_quarter_of", C("period", lambda it: lexval(it) in ("quarter", "half")),
      K("last_ordinal"), K("of"), TV(lambda v: v.kind == "date" and v.month is None and v.mod is None
                                     and (v.year or v.rel_unit == "year")))
def last_quarter_of(p, _last, _of, year):
    """'الربع الأخير من 2021' → Q4, 'النصف الأخير من العام' → H2"""
    return year.value.with_(quarter=4) if lexval(p) == "quarter" else year.value.with_(half=2)


@rule("ar.relative.quarter_of_year_number", C("period", lambda it: lexval(it) in ("quarter", "half")),
      C("ordinal", lambda it: lexval(it) <= 4), K("of"), C("year"))
def quarter_of_year_number(p, ordinal, _of, y):
    """'الربع الثالث من 2020'"""
    n = lexval(ordinal)
    if lexval(p) == "half":
        return TimeValue(year=y.value, half=n) if n <= 2 else None
    return TimeValue(year=y.value, quarter=n)


@rule("ar.relative.last_quarter_of_year_number", C("period", lambda it: lexval(it) in ("quarter", "half")),
      K("last_ordinal"), K("of"), C("year"))
def last_quarter_of_year_number(p, _last, _of, y):
    """'الربع الأخير من 2021'"""
    return TimeValue(year=y.value, quarter=4) if lexval(p) == "quarter" else TimeValue(year=y.value, half=2)


# -- decades and centuries -------------------------------------------------------------------------


@rule("ar.decade.noun", C("decade"))
def decade_noun(d):
    """'التسعينيات' → the 90s of the latest century that had them by the anchor"""
    return TimeValue(decade_digit=lexval(d))


@rule("ar.decade.of_century", TV(lambda v: v.decade_digit is not None and v.century is None),
      TV(lambda v: (v.century is not None or v.rel_unit == "century") and v.decade_digit is None))
def decade_of_century(d, c):
    """'ثمانينيات القرن الماضي' → 198, 'تسعينات القرن العشرين' → 199"""
    return c.value.with_(decade_digit=d.value.decade_digit)


@rule("ar.decade.of_century_min", TV(lambda v: v.decade_digit is not None and v.century is None), K("of"),
      TV(lambda v: (v.century is not None or v.rel_unit == "century") and v.decade_digit is None))
def decade_of_century_min(d, _of, c):
    """'الثمانينيات من القرن الماضي'"""
    return c.value.with_(decade_digit=d.value.decade_digit)


@rule("ar.century.ordinal", C("period", lambda it: lexval(it) == "century"), C("day"))
def century_ordinal(_c, n):
    """'القرن العشرين' → 19 (TimeML: the n-th century is written n−1), 'القرن الحادي والعشرين' → 20"""
    return TimeValue(century=n.value - 1) if 1 <= n.value <= 21 else None


@rule("ar.century.ordinal_teen", C("period", lambda it: lexval(it) == "century"), C("ordinal"), K("teen"))
def century_ordinal_teen(_c, o, _teen):
    """'القرن التاسع عشر' → 18"""
    return TimeValue(century=10 + lexval(o) - 1) if lexval(o) <= 9 else None


@rule("ar.century.digits", C("period", lambda it: lexval(it) == "century"), T("ال"), C("number"))
def century_digits(_c, _al, n):
    """'القرن الـ20' → 19"""
    return TimeValue(century=n.value - 1) if 1 <= n.value <= 21 else None


# -- vague references ----------------------------------------------------------------------------


@rule("ar.relative.reference", C("ref"))
def reference(r):
    """'الآن' → PRESENT_REF, 'مستقبلاً' → FUTURE_REF, 'سابقاً' → PAST_REF"""
    return TimeValue(kind="ref", ref=lexval(r))


@rule("ar.relative.reference_phrase", K("in", "within"), C("unit", lambda it: lexval(it)[1] is None), C("shift"))
def reference_phrase(_in, _p, shift):
    """'خلال الأيام المقبلة' → FUTURE_REF, 'في الأشهر الماضية' → PAST_REF"""
    return TimeValue(kind="ref", ref={-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}[lexval(shift)])


@rule("ar.relative.future_phrase", K("in"), K("future_word"))
def future_phrase(_in, _w):
    """'في المستقبل' → FUTURE_REF"""
    return TimeValue(kind="ref", ref="FUTURE_REF")


@rule("ar.relative.past_phrase", K("in"), K("past_word"))
def past_phrase(_in, _w):
    """'في الماضي' → PAST_REF"""
    return TimeValue(kind="ref", ref="PAST_REF")
