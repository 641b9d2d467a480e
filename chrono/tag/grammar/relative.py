"""Dates relative to the anchor: اليوم، أمس، العام الماضي، قبل ثلاثة أيام، أواخر العام، القرن الماضي."""
from __future__ import annotations

from chrono.tag.engine import RuleBook
from chrono.tag.grammar.base import TV, C, K, T, W, ctx, lexval, not_after_word, not_describing_a_plural, not_next
from chrono.tag.grammar.intersect import ADJACENT, intersection, joined, value_operand
from chrono.lexicon import LEXICON
from chrono.normalize import normalize_word
from chrono.tag.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tag.grammar.build_grammar adds them
rule = RULES.rule

# -- today, yesterday, tomorrow ----------------------------------------------------------------


@rule("ar.relative.day", C("relday"), not_next(*LEXICON.guard_words["not_today_after"]),
      not_after_word("نفس", "ذات"))
def relative_day(d):
    """'اليوم', 'أمس', 'أول أمس', 'غداً', 'بعد غد', 'وبالأمس' (not 'في نفس اليوم', 'ذات اليوم':
    the same day as an event told before, not today)"""
    return TimeValue(rel_unit="day", rel_offset=lexval(d))


# A relative day and the weekday it is: 'اليوم الأربعاء' (a mismatch is flagged by resolve)
RELATIVE_DAY = value_operand(lambda v: v.rel_unit == "day" and v.weekday is None and v.pod is None, "relative day")
WEEKDAY_ALONE = value_operand(lambda v: v.weekday and v.day is None and not v.rel_unit and not v.cue, "weekday",
                              ("weekday",))
intersection(rule, "ar.relative.day_weekday", RELATIVE_DAY, ADJACENT, WEEKDAY_ALONE,
             "'اليوم الأربعاء', 'غداً الخميس', 'أمس الثلاثاء'")


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


# 'العام الدراسي', 'السنة المالية', 'العام الجديد', 'العام الهجري': another year than the anchor's
# calendar one, so no rule below takes the period word when one of these follows it
_NOT_OUR_PERIOD = not_next(*LEXICON.guard_words["not_period_after"])


@rule("ar.relative.this_period", C("shift", lambda it: lexval(it) == 0), C("period"), _NOT_OUR_PERIOD)
def this_period(_this, p):
    """'هذا العام', 'هذه السنة', 'هذا الشهر', 'هذا الأسبوع'"""
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
    return TimeValue(rel_unit=q.unit, rel_offset=int(q.amount) * sign, mod="APPROX" if q.approx else None)


# 'منذ يوم الجمعة' is since Friday, not one day ago on a Friday: يوم before a weekday names it
_WEEKDAY_WORDS = sorted({normalize_word(form) for entry in LEXICON.data.weekdays for form in entry.forms})
_NOT_A_WEEKDAY_NEXT = not_next(*_WEEKDAY_WORDS)


@rule("ar.relative.unit_ago", K("ago"), C("qty", lambda it: it.value.amount > 0 and float(it.value.amount).is_integer()),
      _NOT_A_WEEKDAY_NEXT)
def unit_ago(_ago, q):
    """'قبل ثلاثة أيام' → day −3, 'منذ عامين' → year −2, 'قبل نحو عام' → year −1 APPROX
    ('قبل ساعتين' is today: hours and minutes ago stay on the anchor day; 'منذ يوم الجمعة' is
    not one day ago)"""
    return _offset(q.value, -1)


@rule("ar.relative.unit_later", K("after"), C("qty", lambda it: it.value.amount > 0 and float(it.value.amount).is_integer()),
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
                                            and not v.weekday and v.pod is None and v.rel_unit != "day"))
def part_of(part, inner):
    """'أواخر العام الماضي' → END, 'مطلع الشهر الجاري' → START, 'منتصف 2019' via year rule"""
    return inner.value.with_(mod=lexval(part))


@rule("ar.relative.part_of_year_number", C("part"), C("year"))
def part_of_year_number(part, y):
    """'منتصف 2019', 'نهاية 2020'"""
    return TimeValue(year=y.value, mod=lexval(part))


@rule("ar.relative.part_of_period", C("part"), C("period", lambda it: lexval(it) in ("year", "month", "week")),
      _NOT_OUR_PERIOD)
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
    """'في الماضي' → PAST_REF"""
    return TimeValue(kind="ref", ref="PAST_REF")


@rule("ar.relative.near_or_far", TV(lambda v: v.kind == "ref" and v.ref in ("FUTURE_REF", "PAST_REF")),
      T("القريب", "البعيد"))
def near_or_far(ref, _adjective):
    """'في المستقبل القريب', 'في الماضي البعيد': the adjective belongs to the expression"""
    return ref.value


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
      C("qty", lambda it: it.value.amount > 0 and float(it.value.amount).is_integer()))
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
