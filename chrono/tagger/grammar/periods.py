"""Parts and numbered subdivisions of a period: أواخر العام، مطلع الشهر المقبل، الشهر الثالث من
العام، الربع الأول من 2021، النصف الثاني من العام الماضي، التسعينيات، القرن العشرين، القرن الماضي.
"""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import TV, C, K, T, lexval, not_describing_a_plural, not_next, readings
from chrono.tagger.grammar.intersect import ADJACENT, intersection, joined, value_operand
from chrono.tagger.grammar.relative import NOT_OUR_PERIOD
from chrono.tagger.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


# -- parts of a period -> mod -------------------------------------------------------------------


@rule("ar.relative.part_of", C("part"), TV(lambda v: v.kind == "date" and v.mod is None and v.day is None
                                            and v.holiday is None and v.feast_day is None
                                            and not v.weekday and v.pod is None and v.rel_unit != "day"))
def part_of(part, inner):
    """'أواخر العام الماضي' → END, 'مطلع الشهر الجاري' → START, 'منتصف 2019' via year rule (not a
    feast's day: 'أول يوم عيد الفطر' is its first day, ar.hijri.nth_one_day_of_feast)"""
    return inner.value.with_(mod=lexval(part))


@rule("ar.relative.part_of_year_number", C("part"), C("year"))
def part_of_year_number(part, y):
    """'منتصف 2019', 'نهاية 2020'"""
    return TimeValue(year=y.value, mod=lexval(part))


def _no_ordinal_next() -> Guard:
    """No ordinal follows the period word: 'مطلع الشهر الثاني من هذه السنة' is early February, not
    early this month (ar.relative.nth_month_of_year reads it whole)."""

    def ok(toks: list[Token], i: int) -> bool:
        return not (0 <= i < len(toks) and any(lex.cls == "ordinal" for stem in readings(toks[i].text)
                                                for lex in LEXICON.lookup((stem,))))

    return Guard(ok, True, "no ordinal follows")


_ARTICLE = normalize_word("ال")


def _the_period_next() -> Guard:
    """The period word after the part has its article and nothing before it: 'نهاية العام' is this
    year's end, but 'في أول عام لها في كمبردج', 'في آخر عام لكلينتون' (indefinite: the first or
    last year of something else), 'أول أسبوع في شهر نوفمبر' (of another month) and 'عنوانا آخر
    للأسبوع' (another one, for the week) are not the anchor's period."""

    def ok(toks: list[Token], i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].text.startswith(_ARTICLE)

    return Guard(ok, True, "the period has its article")


@rule("ar.relative.part_of_period", C("part"), _the_period_next(),
      C("period", lambda it: lexval(it) in ("year", "month", "week")), NOT_OUR_PERIOD, _no_ordinal_next())
def part_of_period(part, p):
    """'نهاية العام', 'بداية الأسبوع': the anchor's own period (not 'أول عام لها': _the_period_next)"""
    return TimeValue(rel_unit=lexval(p), rel_offset=0, mod=lexval(part))


@rule("ar.relative.part_of_the_period_of", C("part"), C("period", lambda it: lexval(it) in ("year", "month")),
      TV(lambda v: v.kind == "date" and v.mod is None and v.day is None))
def part_of_named_period(part, _p, inner):
    """'نهاية عام 2020' is covered by year_intro; this one: 'أواخر شهر ديسمبر'"""
    return inner.value.with_(mod=lexval(part))


# -- the n-th month of a year -----------------------------------------------------------------------
_MONTH_WORD = C("period", lambda it: lexval(it) == "month", "الشهر")
_A_YEAR = TV(lambda v: v.kind == "date" and v.month is None and v.mod is None and v.day is None
             and v.quarter is None and v.half is None and v.season is None and v.calendar == "gregorian"
             and not v.bc and (v.year is not None or (v.rel_unit == "year" and v.rel_offset is not None)), "a year")


def _year_with_l(it) -> bool:
    """'للعام المقبل', 'لعام 2016': a year with the preposition ل glued to it."""
    return it.prefix.lstrip("وف").startswith("ل") and _A_YEAR.pred is not None and bool(_A_YEAR.pred(it))


_A_YEAR_WITH_L = Elem("tv", _year_with_l, False, "ل+year")


def _nth_month(n: int, year: TimeValue):
    return year.with_(month=n) if 1 <= n <= 12 else None


@rule("ar.relative.nth_month_of_year", _MONTH_WORD, C("ordinal"), K("of"), _A_YEAR)
def nth_month_of_year(_month, ordinal, _of, year):
    """'الشهر الثاني من هذه السنة' → February of the anchor's year, 'الشهر الأول من العام المقبل' →
    January next year, 'الشهر الثالث من عام 2014' → 2014-03"""
    return _nth_month(lexval(ordinal), year.value)


@rule("ar.relative.nth_month_for_year", _MONTH_WORD, C("ordinal"), _A_YEAR_WITH_L)
def nth_month_for_year(_month, ordinal, year):
    """'الشهر الثاني للعام الحالي', 'الشهر السادس لعام 2014'"""
    return _nth_month(lexval(ordinal), year.value)


@rule("ar.relative.nth_teen_month_of_year", _MONTH_WORD, C("day", lambda it: 11 <= it.value <= 12), K("of"), _A_YEAR)
def nth_teen_month_of_year(_month, ordinal, _of, year):
    """'الشهر الحادي عشر من العام الماضي' → November last year"""
    return _nth_month(ordinal.value, year.value)


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


@rule("ar.decade.noun", C("decade"), not_describing_a_plural(), not_next(*LEXICON.guard_words["not_decade_after"]))
def decade_noun(d):
    """'التسعينيات' → the 90s of the latest century that had them by the anchor (not 'العشرة
    الأولى' of 'الأيام العشرة الأولى', the first ten days, nor 'الخمسينات المئوية', degrees)"""
    return TimeValue(decade_digit=lexval(d))


# A decade and its century: 'ثمانينيات القرن الماضي' → 198
DECADE = value_operand(lambda v: v.decade_digit is not None and v.century is None, "decade", ("decade_digit",))
CENTURY = value_operand(lambda v: (v.century is not None or v.rel_unit == "century") and v.decade_digit is None,
                        "century")
intersection(rule, "ar.decade.of_century", DECADE, ADJACENT, CENTURY,
             "'ثمانينيات القرن الماضي' → 198, 'تسعينات القرن العشرين' → 199")
intersection(rule, "ar.decade.of_century_min", DECADE, joined(K("of")), CENTURY, "'الثمانينيات من القرن الماضي'")


@rule("ar.century.ordinal", C("period", lambda it: lexval(it) == "century"), C("day"))
def century_ordinal(_c, n):
    """'القرن العشرين' → 19 (TimeML: the n-th century is written n−1), 'القرن الحادي والعشرين' → 20"""
    return TimeValue(century=n.value - 1) if 1 <= n.value <= 21 else None


@rule("ar.century.era", TV(lambda v: v.century is not None and v.decade is None and not v.bc), K("era_ad"))
def century_era(c, _era):
    """'القرن السابع الميلادي', 'القرن السابع للميلاد': the era word belongs to the expression"""
    return c.value


@rule("ar.decade.era", TV(lambda v: (v.decade_digit is not None or v.decade is not None) and not v.bc), K("era_ad"))
def decade_era(d, _era):
    """'الخمسينيات الميلادية', 'ثمانينيات القرن الماضي الميلادي': the era word belongs to the expression"""
    return d.value


@rule("ar.century.era_bc", TV(lambda v: v.century is not None and v.decade is None and not v.bc and v.mod is None
                                 and v.rel_unit is None), K("era_bc"))
def century_era_bc(c, _era):
    """'القرن الثالث قبل الميلاد' → BC02 (the 3rd century BC, written like the centuries of the common
    era: the n-th is n−1), 'القرن السادس ق.م'"""
    return c.value.with_(bc=True)


@rule("ar.century.ordinal_teen", C("period", lambda it: lexval(it) == "century"), C("ordinal"), K("teen"))
def century_ordinal_teen(_c, o, _teen):
    """'القرن التاسع عشر' → 18"""
    return TimeValue(century=10 + lexval(o) - 1) if lexval(o) <= 9 else None


@rule("ar.century.digits", C("period", lambda it: lexval(it) == "century"), T("ال"), C("number"))
def century_digits(_c, _al, n):
    """'القرن الـ20' → 19"""
    return TimeValue(century=n.value - 1) if 1 <= n.value <= 21 else None
