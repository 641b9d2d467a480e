"""Dates relative to the anchor: اليوم، أمس، العام الماضي، قبل ثلاثة أيام، أواخر العام، القرن الماضي."""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import (
    DIGITS,
    TV,
    C,
    K,
    T,
    W,
    adverb_not_adjective,
    ctx,
    lexval,
    not_after,
    not_after_any,
    not_after_word,
    not_before_genitive,
    not_before_ordinal,
    not_before_role,
    not_describing_a_plural,
    not_earlier_of,
    not_next,
    readings,
    year_guard,
)
from chrono.tagger.grammar.intersect import ADJACENT, intersection, joined, value_operand
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule

# -- today, yesterday, tomorrow ----------------------------------------------------------------


def _per_day_or_the_day() -> Guard:
    """'اليوم' right after في is never today: 'ثلاث مرات في اليوم' is a rate (ar.set.per_day), 'في
    اليوم الذي وصل فيه' and 'في اليوم الختامي' are a day of their own."""
    after_in = frozenset(("في", "وفي", "ففي"))

    def ok(toks: list[Token], i: int) -> bool:
        return not (0 <= i < len(toks) - 1 and toks[i].text in after_in and toks[i + 1].text == "اليوم")

    return Guard(ok, False, "not per day")


# What shows a relative-day word is not today, tomorrow or yesterday: the word after it ('اليوم
# الوطني', 'بكرة القدم', 'بأمس الحاجة', 'غد أفضل', 'اليوم الرابع'), the word before it ('نفس
# اليوم', 'في ذلك اليوم', 'في اليوم').
NOT_A_RELATIVE_DAY = (not_next(*LEXICON.guard_words["not_today_after"]),
                      not_next(*LEXICON.guard_words["not_relative_day_after"]), not_before_ordinal(),
                      not_after_word("نفس", "ذات"), not_after(*LEXICON.guard_words["that_words"]),
                      _per_day_or_the_day())


@rule("ar.relative.day", C("relday"), *NOT_A_RELATIVE_DAY)
def relative_day(d):
    """'اليوم', 'أمس', 'أول أمس', 'غداً', 'بعد غد', 'وبالأمس' (not 'في نفس اليوم', 'ذات اليوم':
    the same day as an event told before, not today; not 'باليوم الواحد', 'لليوم الثالث': a
    preposition glued to اليوم makes it 'the day'; not 'لامس', a verb)"""
    glued = d.prefix.lstrip("وف")
    if (lexval(d) == 0 and glued) or (lexval(d) == -1 and "ل" in glued):
        return None  # 'لامس' is 'touched' (or a name), never 'to yesterday'
    return TimeValue(rel_unit="day", rel_offset=lexval(d))


# 'اليوم' meaning nowadays: after a word of contrast or change ('أما اليوم', 'بينما اليوم', 'باتت
# اليوم', 'أصبح اليوم'), of general perception ('ما نراه اليوم', 'كما نعرفها اليوم', 'كما هو الحال
# اليوم'), and as 'of today' after people ('شباب اليوم', 'جيل اليوم', 'عالم اليوم')
_BARE_TODAY = C("relday", lambda it: lexval(it) == 0 and not it.prefix)


@rule("ar.relative.nowadays", ctx(W("nowadays_cues")), _BARE_TODAY, *NOT_A_RELATIVE_DAY, priority=1)
def nowadays(_today):
    """'أما اليوم فالأمور تغيرت' → PRESENT_REF: a general statement about the present, not the
    publication day"""
    return TimeValue(kind="ref", ref="PRESENT_REF")


@rule("ar.relative.of_today", ctx(W("today_generation_nouns")), _BARE_TODAY, *NOT_A_RELATIVE_DAY, priority=1)
def of_today(_today):
    """'شباب اليوم', 'جيل اليوم', 'عالم اليوم' → PRESENT_REF: today's youth, nowadays"""
    return TimeValue(kind="ref", ref="PRESENT_REF")


@rule("ar.relative.near_day", C("relday", lambda it: lexval(it) != 0), T("القريب", "قريب"))
def near_day(d, _near):
    """'بالأمس القريب' → PAST_REF (the recent past), 'في غد قريب' → FUTURE_REF: figurative, no day"""
    return TimeValue(kind="ref", ref="PAST_REF" if lexval(d) < 0 else "FUTURE_REF")


# A relative day and the weekday it is: 'اليوم الأربعاء' (a mismatch is flagged by resolve)
RELATIVE_DAY = value_operand(lambda v: v.rel_unit == "day" and v.weekday is None and v.pod is None, "relative day")
WEEKDAY_ALONE = value_operand(lambda v: v.weekday is not None and v.day is None and v.hijri_day is None
                              and not v.rel_unit and not v.cue, "weekday", ("weekday",))
intersection(rule, "ar.relative.day_weekday", RELATIVE_DAY, ADJACENT, WEEKDAY_ALONE,
             "'اليوم الأربعاء', 'غداً الخميس', 'أمس الثلاثاء'")


@rule("ar.relative.tonight", K("tonight"))
def tonight(_w):
    """'الليلة' → the anchor day at night"""
    return TimeValue(rel_unit="day", rel_offset=0, pod="NI")


# -- this/last/next period ---------------------------------------------------------------------


@rule("ar.relative.period_shift", C("period", lambda it: lexval(it) in ("year", "month", "week", "decade",
                                                                          "century", "quarter")),
      not_after_word(*LEXICON.guard_words["general_office_nouns"]), C("shift"))
def period_shift(p, shift):
    """'العام الماضي' → year −1, 'الشهر المقبل' → month +1, 'الأسبوع الجاري' → week 0 (not 'الأمين العام
    السابق', a former secretary-general: العام there is 'general')"""
    return TimeValue(rel_unit=lexval(p), rel_offset=lexval(shift))


# 'العام الماضي 2014', 'العام الحالي 2015م', 'العام المقبل 1437': a relative year and the year it is,
# one expression. The written year is the value (resolve flags it when the anchor disagrees); a year
# of 1300–1500 is Hijri (Saudi papers: 'العام المقبل 1437', 'العام الماضي 1435 هـ').
_RELATIVE_YEAR = Elem("tv", lambda it: it.rule in ("ar.relative.period_shift", "ar.relative.this_period")
                      and it.value.rel_unit == "year" and it.value.mod is None, False, "relative year")


def _apposed(rel: TimeValue, written: int) -> TimeValue:
    if written in HIJRI_NUMERIC_YEARS:
        return TimeValue(calendar="hijri", hijri_year=written, rel_unit="year", rel_offset=rel.rel_offset)
    return rel.with_(year=written)


@rule("ar.relative.year_then_written", _RELATIVE_YEAR, C("year"), year_guard())
def year_then_written(rel, y):
    """'العام الماضي 2014' → 2014, 'العام المقبل 1437' → the Hijri year 1437"""
    return _apposed(rel.value, y.value)


@rule("ar.relative.year_then_written_era", _RELATIVE_YEAR, C("number", lambda it: 1000 <= it.value <= 2200),
      K("era_ad", "hijri_era"))
def year_then_written_era(rel, y, _era):
    """'العام الماضي 2014م', 'العام الحالي 1436هـ'"""
    return _apposed(rel.value, y.value)


@rule("ar.relative.year_then_written_paren", _RELATIVE_YEAR, T("(", "["), C("year"), T(")", "]"))
def year_then_written_paren(rel, _open, y, _close):
    """'العام الماضي (2014)', 'العام الماضي [2014]'"""
    return _apposed(rel.value, y.value)


# 'العام الدراسي', 'السنة المالية', 'العام الجديد', 'العام الهجري': another year than the anchor's
# calendar one, so no rule below takes the period word when one of these follows it
_NOT_OUR_PERIOD = not_next(*LEXICON.guard_words["not_period_after"])


@rule("ar.relative.this_period", C("shift", lambda it: lexval(it) == 0), C("period"), _NOT_OUR_PERIOD,
      not_before_role("holy_epithet"))
def this_period(_this, p):
    """'هذا العام', 'هذه السنة', 'هذا الشهر', 'هذا الأسبوع' (not 'هذا الشهر الكريم': Ramadan, see the
    Hijri rules)"""
    if lexval(p) in ("half",):
        return None
    return TimeValue(rel_unit=lexval(p), rel_offset=0)


# -- N units ago / in N units ---------------------------------------------------------------------


_PER_DAY = {"hour": 24, "minute": 24 * 60}


def _offset(q, sign: int) -> TimeValue:
    """N units before or after the anchor at the unit's granularity. Hours and minutes count in
    whole days for the date: 'قبل ساعتين' is the anchor day, 'قبل 48 ساعة' two days back."""
    if q.unit in _PER_DAY:
        return TimeValue(rel_unit="day", rel_offset=sign * (int(q.amount) // _PER_DAY[q.unit]),
                         mod="APPROX" if q.approx else None)
    if not float(q.amount).is_integer() and q.unit in _SMALLER_UNIT:  # 'بعد ثلاث سنوات ونصف' → in 42 months
        unit, per = _SMALLER_UNIT[q.unit]
        return TimeValue(rel_unit=unit, rel_offset=int(q.amount * per) * sign, mod="APPROX" if q.approx else None)
    return TimeValue(rel_unit=q.unit, rel_offset=int(q.amount) * sign, mod="APPROX" if q.approx else None)


# A count with a half ('سنتين ونصف') is placed in the next smaller unit
_SMALLER_UNIT = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7)}


def _countable(q) -> bool:
    """A whole count of units, or one with a half of a unit that has a smaller one: 'بعد عامين ونصف'."""
    return float(q.amount).is_integer() or (q.unit in _SMALLER_UNIT and float(q.amount * 2).is_integer())


# 'منذ يوم الجمعة' is since Friday, not one day ago on a Friday: يوم before a weekday names it
_WEEKDAY_WORDS = sorted({normalize_word(form) for entry in LEXICON.data.weekdays for form in entry.forms})
_NOT_A_WEEKDAY_NEXT = not_next(*_WEEKDAY_WORDS)


@rule("ar.relative.unit_ago", K("ago"),
      C("qty", lambda it: it.value.amount > 0 and _countable(it.value)),
      _NOT_A_WEEKDAY_NEXT)
def unit_ago(_ago, q):
    """'قبل ثلاثة أيام' → day −3, 'منذ عامين' → year −2, 'قبل نحو عام' → year −1 APPROX
    ('قبل ساعتين' is today: hours and minutes ago stay on the anchor day; 'منذ يوم الجمعة' is
    not one day ago)"""
    return _offset(q.value, -1)


@rule("ar.relative.unit_later", K("after"),
      C("qty", lambda it: it.value.amount > 0 and _countable(it.value)),
      not_next("على", "من", "علي"), _NOT_A_WEEKDAY_NEXT)
def unit_later(_after, q):
    """'بعد ثلاثة أيام' → day +3, 'بعد أسبوعين' → week +2 (but 'بعد عام على التطبيع' is a duration)"""
    return _offset(q.value, 1)


@rule("ar.relative.unit_from_now", K("after", "ago"),
      C("qty", lambda it: it.value.amount > 0 and float(it.value.amount).is_integer()),
      ctx(K("on_event")), T(*sorted(LEXICON.guard_words["now_words"])))
def unit_from_now(word, q, _now):
    """'بعد أسبوع من الآن' → week +1, 'قبل ثلاثة أيام من اليوم' → day −3: counted from the anchor"""
    return _offset(q.value, 1 if word.value.value == "after" else -1)


@rule("ar.relative.period_before_last", C("period", lambda it: lexval(it) in ("year", "month", "week")),
      K("before"), C("shift", lambda it: lexval(it) == -1))
def period_before_last(p, _before, _last):
    """'العام قبل الماضي' → year −2, 'الأسبوع قبل الماضي' → week −2"""
    return TimeValue(rel_unit=lexval(p), rel_offset=-2)


@rule("ar.relative.this_day", C("shift", lambda it: lexval(it) == 0), C("relday", lambda it: lexval(it) == 0))
def this_day(_this, _day):
    """'هذا اليوم' → today"""
    return TimeValue(rel_unit="day", rel_offset=0)


@rule("ar.relative.this_pod", C("shift", lambda it: lexval(it) == 0), C("pod"))
def this_pod(_this, pod):
    """'هذا المساء' → this evening, 'هذا الصباح' → this morning"""
    return TimeValue(rel_unit="day", rel_offset=0, pod=lexval(pod))


@rule("ar.relative.this_night", C("shift", lambda it: lexval(it) == 0), K("tonight"))
def this_night(_this, _w):
    """'هذه الليلة' → the anchor day at night, like 'الليلة'"""
    return TimeValue(rel_unit="day", rel_offset=0, pod="NI")


@rule("ar.relative.last_night", K("tonight"), C("shift", lambda it: lexval(it) == -1))
def last_night(_night, _past):
    """'الليلة الماضية' → the night before the anchor"""
    return TimeValue(rel_unit="day", rel_offset=-1, pod="NI")


@rule("ar.relative.night_before_last", K("tonight"), K("before"), C("shift", lambda it: lexval(it) == -1))
def night_before_last(_night, _before, _last):
    """'الليلة قبل الماضية' → the night two days before the anchor"""
    return TimeValue(rel_unit="day", rel_offset=-2, pod="NI")


@rule("ar.relative.day_word_relday", K("day_intro"), C("relday", lambda it: lexval(it) != 0))
def day_word_relday(_yawm, d):
    """'يوم غد' → tomorrow, 'يوم أمس' → yesterday"""
    return TimeValue(rel_unit="day", rel_offset=lexval(d))


intersection(rule, "ar.relative.day_weekday_paren", RELATIVE_DAY, joined(T("(", ",", "-")), WEEKDAY_ALONE,
             "'أمس، الثلاثاء', 'اليوم - الأربعاء' (and 'اليوم (الأربعاء' when the bracket is not closed)")
intersection(rule, "ar.relative.day_weekday_bracketed", RELATIVE_DAY, joined(T("("), close=T(")")), WEEKDAY_ALONE,
             "'اليوم (الأربعاء)', 'أمس (الثلاثاء)': the expression ends with its closing bracket")


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


@rule("ar.relative.part_of_period", C("part"), C("period", lambda it: lexval(it) in ("year", "month", "week")),
      _NOT_OUR_PERIOD, _no_ordinal_next())
def part_of_period(part, p):
    """'نهاية العام', 'بداية الأسبوع': the anchor's own period"""
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


@rule("ar.decade.noun", C("decade"), not_describing_a_plural())
def decade_noun(d):
    """'التسعينيات' → the 90s of the latest century that had them by the anchor (not 'العشرة
    الأولى' of 'الأيام العشرة الأولى', the first ten days)"""
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


# -- vague references ----------------------------------------------------------------------------


@rule("ar.relative.reference", C("ref"), adverb_not_adjective(), not_after_any(),
      not_next(*LEXICON.guard_words["premature_after"]), not_earlier_of())
def reference(r):
    """'الآن' → PRESENT_REF, 'مستقبلاً' → FUTURE_REF, 'سابقاً' → PAST_REF, 'مؤخرا', 'في وقت سابق' →
    PAST_REF (not 'رئيسا سابقا', a former president; not 'سابقا لأوانه', premature)"""
    return TimeValue(kind="ref", ref=lexval(r))


@rule("ar.relative.reference_phrase", K("in", "within"), C("unit", lambda it: lexval(it)[1] is None), C("shift"))
def reference_phrase(_in, _p, shift):
    """'خلال الأيام المقبلة' → FUTURE_REF, 'في الأشهر الماضية' → PAST_REF"""
    return TimeValue(kind="ref", ref={-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}[lexval(shift)])


@rule("ar.relative.vague_period", K("in", "within"), K("vague_period"), C("shift"))
def vague_period(_in, _p, shift):
    """'خلال الفترة المقبلة' → FUTURE_REF, 'في الوقت الحالي' → PRESENT_REF, 'خلال الأيام القليلة المقبلة'"""
    return TimeValue(kind="ref", ref={-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}[lexval(shift)])


@rule("ar.relative.recently", K("in"), K("vague_period"), K("last_ordinal"))
def recently(_in, _p, _last):
    """'في الآونة الأخيرة', 'في الفترة الأخيرة' → PAST_REF"""
    return TimeValue(kind="ref", ref="PAST_REF")


@rule("ar.relative.future_phrase", K("in"), K("future_word"))
def future_phrase(_in, _w):
    """'في المستقبل' → FUTURE_REF"""
    return TimeValue(kind="ref", ref="FUTURE_REF")


@rule("ar.relative.past_phrase", K("in"), K("past_word"))
def past_phrase(_in, _w):
    """'في الماضي', 'في السابق' → PAST_REF"""
    return TimeValue(kind="ref", ref="PAST_REF")


@rule("ar.relative.near_or_far", TV(lambda v: v.kind == "ref" and v.ref in ("FUTURE_REF", "PAST_REF")),
      T("القريب", "البعيد"))
def near_or_far(ref, _adjective):
    """'في المستقبل القريب', 'في الماضي البعيد': the adjective belongs to the expression"""
    return ref.value


def _definite_plural_alone() -> Guard:
    """The plural unit has its article and no number before it: 'السنوات الأخيرة' is 'recently',
    'الستة أعوام الأخيرة' and 'الـ10 سنوات الأخيرة' are durations."""

    def ok(toks: list[Token], i: int) -> bool:
        unit, before = toks[i + 1] if i + 1 < len(toks) else None, toks[i] if 0 <= i < len(toks) else None
        if unit is None or not any(s.startswith("ال") for s in readings(unit.text)):
            return False
        return before is None or (before.kind != "num" and before.text != "ال")

    return Guard(ok, False, "a definite plural alone")


_PLURAL_UNIT = C("unit", lambda it: lexval(it)[1] is None)


@rule("ar.relative.recent_units", _PLURAL_UNIT, _definite_plural_alone(), not_describing_a_plural(),
      K("last_ordinal"), not_before_genitive())
def recent_units(_units, _last):
    """'السنوات الأخيرة', 'الأيام الأخيرة', 'الأشهر الأخيرة' → PAST_REF (recently); not 'الأيام
    الأخيرة من رمضان', the end of a period"""
    return TimeValue(kind="ref", ref="PAST_REF")


@rule("ar.relative.recent_units_in", K("in", "within"), _PLURAL_UNIT, K("last_ordinal"), not_before_genitive())
def recent_units_in(_in, _units, _last):
    """'في السنوات الأخيرة', 'خلال الأيام الأخيرة' → PAST_REF (the preposition belongs to the
    expression, as in 'خلال الأيام المقبلة')"""
    return TimeValue(kind="ref", ref="PAST_REF")


@rule("ar.relative.these_days", C("shift", lambda it: lexval(it) == 0),
      C("unit", lambda it: lexval(it)[1] is None and lexval(it)[0] in ("day", "year")))
def these_days(_these, _days):
    """'هذه الأيام', 'هذه السنوات' → PRESENT_REF (nowadays)"""
    return TimeValue(kind="ref", ref="PRESENT_REF")


@rule("ar.relative.these_days_in", K("in", "within"), C("shift", lambda it: lexval(it) == 0),
      C("unit", lambda it: lexval(it)[1] is None and lexval(it)[0] in ("day", "year")))
def these_days_in(_in, _these, _days):
    """'في هذه الأيام', 'خلال هذه الأيام' → PRESENT_REF"""
    return TimeValue(kind="ref", ref="PRESENT_REF")


# -- sports and farming seasons ------------------------------------------------------------------
# A season ('الموسم الماضي') straddles two calendar years and starts when its sport or harvest
# does, so a relative season is given as a vague reference; a season written with its years
# ('موسم 2014/2015', 'الموسم الفلاحي 2014') gets those years.

_SEASON_REF = {-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}
_SEASON_ADJECTIVE = W("season_adjectives")


def _adjective_next() -> Guard:
    """The modifier after 'الموسم' is an adjective ('الموسم الحالي'), not the demonstrative of the
    next noun ('بداية موسم هذا العام')."""
    return Guard(lambda toks, i: 0 <= i < len(toks) and any(s.startswith("ال") for s in readings(toks[i].text)),
                 True, "an adjective follows")


@rule("ar.season.sports_shifted", K("season_noun"), _adjective_next(), C("shift"))
def sports_season_shifted(_season, shift):
    """'الموسم الماضي' → PAST_REF, 'الموسم المقبل' → FUTURE_REF, 'الموسم الحالي' → PRESENT_REF,
    'المواسم الماضية' → PAST_REF"""
    return TimeValue(kind="ref", ref=_SEASON_REF[lexval(shift)])


@rule("ar.season.sports_adjective_shifted", K("season_noun"), _SEASON_ADJECTIVE, _adjective_next(), C("shift"))
def sports_season_adjective_shifted(_season, _adjective, shift):
    """'الموسم الرياضي المقبل', 'الموسم الكروي الماضي'"""
    return TimeValue(kind="ref", ref=_SEASON_REF[lexval(shift)])


@rule("ar.season.this_sports", C("shift", lambda it: lexval(it) == 0), K("season_noun"))
def this_sports_season(_this, _season):
    """'هذا الموسم' → PRESENT_REF"""
    return TimeValue(kind="ref", ref="PRESENT_REF")


@rule("ar.season.part_of_sports", C("part"), K("season_noun"), _adjective_next(), C("shift"))
def part_of_sports_season(part, _season, shift):
    """'نهاية الموسم الماضي' → PAST_REF END, 'مطلع الموسم المقبل' → FUTURE_REF START"""
    return TimeValue(kind="ref", ref=_SEASON_REF[lexval(shift)], mod=lexval(part))


def _season_end_year(start: int, written: str) -> int:
    """The second year of '2014/2015' or '2014/15' as a full year."""
    n = int(written)
    return n if len(written) == 4 else start - start % 100 + n


def _not_hijri() -> Guard:
    """No هـ follows: 'الموسم الرياضي 1435/1436هـ' is a Hijri season."""
    return Guard(lambda toks, i: not (0 <= i < len(toks) and toks[i].text in ("ه", "هـ")), True, "not Hijri")


@rule("ar.season.sports_years", K("season_noun"), C("year", lambda it: 1850 <= it.value <= 2200),
      T("/", "-"), DIGITS(2, 4), _not_hijri())
def sports_season_years(_season, first, _sep, second):
    """'موسم 2014/2015', 'الموسم 2014-15', 'موسم 2003/ 2004' → 2014/2015: the years it straddles"""
    end = _season_end_year(first.value, second.value)
    return make_range(TimeValue(year=first.value), TimeValue(year=end)) if end == first.value + 1 else None


@rule("ar.season.sports_adjective_years", K("season_noun"), _SEASON_ADJECTIVE,
      C("year", lambda it: 1850 <= it.value <= 2200), T("/", "-"), DIGITS(2, 4), _not_hijri())
def sports_season_adjective_years(_season, _adjective, first, _sep, second):
    """'الموسم الرياضي 2015/2016' → 2015/2016"""
    return sports_season_years(_season, first, _sep, second)


@rule("ar.season.named_year", K("season_noun"), _SEASON_ADJECTIVE, C("year", lambda it: 1850 <= it.value <= 2200),
      year_guard(), _not_hijri())
def season_named_year(_season, _adjective, y):
    """'الموسم الفلاحي 2014', 'الموسم الرياضي 2016' → the year the season is named by"""
    return TimeValue(year=y.value)


@rule("ar.relative.day_of_relative_month", C("day"), K("of"),
      TV(lambda v: v.rel_unit == "month" and v.mod is None and v.day is None))
def day_of_relative_month(d, _of, month):
    """'العشرين من الشهر الماضي' → day 20 of the previous month, '15 من الشهر الحالي'"""
    return month.value.with_(day=d.value)


@rule("ar.relative.period_after_next", C("period", lambda it: lexval(it) in ("year", "month", "week")),
      K("after"), C("shift", lambda it: lexval(it) == 1))
def period_after_next(p, _after, _next):
    """'الأسبوع بعد القادم' → week +2"""
    return TimeValue(rel_unit=lexval(p), rel_offset=2)


@rule("ar.relative.few_units_ref", C("unit", lambda it: lexval(it)[1] is None), K("few"),
      C("shift", lambda it: lexval(it) != 0))
def few_units_ref(_unit, _few, shift):
    """'الأسابيع القليلة الماضية' → PAST_REF, 'الأيام القليلة المقبلة' → FUTURE_REF"""
    return TimeValue(kind="ref", ref="PAST_REF" if lexval(shift) < 0 else "FUTURE_REF")


@rule("ar.relative.more_than_ago", K("ago"), K("more_than", "less_than"),
      C("qty", lambda it: it.value.amount > 0 and _countable(it.value)))
def more_than_ago(_ago, bound, q):
    """'منذ أكثر من عامين' → year −2 BEFORE (earlier still), 'قبل أقل من شهر' → month −1 AFTER"""
    return _offset(q.value, -1).with_(mod="BEFORE" if bound.value.value == "more_than" else "AFTER")


# على/من after a quantity tie it to an event ('بعد أيام على إعادة انتخابه'), normalized as the text is
_ON_EVENT = not_next(*sorted({normalize_word(w) for w in LEXICON.data.keywords["on_event"]}))


@rule("ar.relative.units_ago_vague", K("ago", "after"), C("unit", lambda it: lexval(it)[1] is None), _ON_EVENT)
def units_ago_vague(word, _units):
    """'قبل أيام' → PAST_REF (some days ago), 'بعد أسابيع' → FUTURE_REF (not 'بعد أيام على
    إعادة انتخابه': see units_around_event)"""
    return TimeValue(kind="ref", ref="FUTURE_REF" if word.value.value == "after" else "PAST_REF")


@rule("ar.relative.since_units_vague", K("since"), C("unit", lambda it: lexval(it)[1] is None))
def since_units_vague(_since, _units):
    """'منذ عقود على المبادلات' → PAST_REF: after منذ, على and من belong to the verb ('يعتمدون منذ
    عقود على ...'), not to an event"""
    return TimeValue(kind="ref", ref="PAST_REF")


_VAGUE_UNITS_RULES = ("ar.relative.units_ago_vague", "ar.relative.since_units_vague")


@rule("ar.relative.units_ago_vague_long", Elem("tv", lambda it: it.rule in _VAGUE_UNITS_RULES, False, "some units ago"),
      W("vague_length_adjectives"))
def units_ago_vague_long(ref, _long):
    """'منذ سنوات طويلة', 'قبل أعوام عديدة', 'منذ عقود بعيدة' → PAST_REF: the adjective belongs to it"""
    return ref.value


# 'في وقت سابق أمس', 'في وقت متأخر من مساء أمس', 'في وقت لاحق اليوم': a vague moment of a named day
# (or week, month, year) is that day, one expression
_NAMED_PERIOD = TV(lambda v: v.kind in ("date", "time") and v.mod is None and v.hour is None
                   and ((v.rel_unit in ("day", "week", "month", "year") and v.rel_offset is not None)
                        or (v.weekday is not None and v.rel_unit is None and v.day is None)), "named day")


@rule("ar.relative.moment_of_day", K("vague_moment"), _NAMED_PERIOD)
def moment_of_day(_moment, day):
    """'وقت سابق أمس' → yesterday, 'وقت لاحق اليوم' → today, 'وقت متأخر ليلة الثلاثاء'"""
    return day.value


@rule("ar.relative.moment_of_day_of", K("vague_moment"), K("of"), _NAMED_PERIOD)
def moment_of_day_of(_moment, _of, day):
    """'وقت متأخر من مساء أمس' → yesterday evening, 'وقت سابق من هذا الشهر' → this month"""
    return day.value


@rule("ar.relative.units_around_event", K("before", "after"), C("unit", lambda it: lexval(it)[1] is None),
      ctx(K("on_event")), not_next(*LEXICON.guard_words["now_words"]))
def units_around_event(_word, units):
    """'بعد أيام على إعادة انتخابه' → PXD, 'قبل أسابيع من الانتخابات' → PXW: some time elapsed
    after or before an event, like 'بعد عام على التطبيع' (a duration, not a vague future)"""
    return TimeValue(kind="duration", unit=lexval(units)[0], amount=-1.0)


@rule("ar.relative.week_of_month", C("period", lambda it: lexval(it) == "week"),
      C("ordinal", lambda it: lexval(it) <= 5), K("of"),
      TV(lambda v: v.kind == "date" and v.month is not None and v.day is None and v.mod is None))
def week_of_month(_week, ordinal, _of, month):
    """'الأسبوع الأول من كانون الثاني المقبل' → January, START (never the 1st of January);
    'الأسبوع الثاني من مارس' → March"""
    return month.value.with_(mod="START") if lexval(ordinal) == 1 else month.value


@rule("ar.relative.last_week_of_month", C("period", lambda it: lexval(it) == "week"), K("last_ordinal"), K("of"),
      TV(lambda v: v.kind == "date" and v.month is not None and v.day is None and v.mod is None))
def last_week_of_month(_week, _last, _of, month):
    """'الأسبوع الأخير من ديسمبر' → December, END"""
    return month.value.with_(mod="END")


@rule("ar.relative.this_day_in_year", W("like_words"), C("shift", lambda it: lexval(it) == 0),
      C("relday", lambda it: lexval(it) == 0), K("of"), TV(lambda v: v.kind == "date" and v.year is not None
                                                          and v.month is None and not v.rel_unit and not v.mod))
def this_day_in_year(_like, _this, _day, _of, year):
    """'في مثل هذا اليوم من عام 1948' → the anchor's day and month in 1948"""
    return TimeValue(year=year.value.year, rel_unit="day", rel_offset=0)


@rule("ar.relative.week_of_named_month", C("period", lambda it: lexval(it) == "week"),
      C("ordinal", lambda it: lexval(it) <= 5), K("of"), C("gmonth"))
def week_of_named_month(_week, ordinal, _of, month):
    """'الأسبوع الثاني من مارس' (a month word that needs context gets it from الأسبوع)"""
    v = TimeValue(month=month.value.month, cue=month.value.cue)
    return v.with_(mod="START") if lexval(ordinal) == 1 else v
