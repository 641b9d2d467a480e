"""Durations (لمدة ثلاثة أيام → P3D) and sets (كل عام، سنوياً → P1Y), built on quantities."""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import C, K, T, W, ctx, lexval, not_after, not_before_ordinal, not_next, readings
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


# 'من الآن', 'من اليوم' after a quantity count from the anchor itself: a date, not an event
_NOW_WORDS = LEXICON.guard_words["now_words"]


def _duration(q, approx: bool = False) -> TimeValue:
    return TimeValue(kind="duration", unit=q.unit, amount=float(q.amount),
                     mod="APPROX" if (approx or q.approx) else None)


@rule("ar.duration.qty", C("qty", lambda it: not it.value.bare))
def qty_duration(q):
    """'ثلاثة أيام', 'عامين', 'عشر سنوات', 'نصف ساعة', 'نحو ثلاثة أشهر' → P3D, P2Y, P10Y, PT30M"""
    return _duration(q.value)


@rule("ar.duration.for", ctx(K("for_duration")), C("qty"))
def for_duration(q):
    """'لمدة ثلاثة أيام' → P3D over 'ثلاثة أيام', 'لمدة عام', 'مدة عامين' (لمدة is context)"""
    return _duration(q.value)


@rule("ar.duration.after_event", K("after"), C("qty"), ctx(K("on_event")), not_next(*_NOW_WORDS))
def after_event(_after, q):
    """'بعد عام على التطبيع' → P1Y, 'بعد نحو عام على تطبيع' → P1Y APPROX: time elapsed since an
    event (بعد stays in the span: without it 'بعد سنة' would read as a vague future). Not 'بعد
    أسبوع من الآن', which is a date a week after the anchor."""
    return _duration(q.value)


_AGENT_WORDS = ("قبل",)  # 'من قبل': by (the doer of a passive), not before an event


@rule("ar.duration.before_event", K("before"), C("qty"), ctx(K("on_event")), not_next(*_NOW_WORDS),
      not_next(*_AGENT_WORDS))
def before_event(_before, q):
    """'قبل يومين من الانتخابات' → P2D, 'قبل عام على الانتخابات' → P1Y: time before an event, not
    two days before the anchor (that would be a false date). Not 'قبل أسبوع من الآن', nor 'قبل
    يومين من قبل الاتحاد' (من قبل names who did it: two days ago)."""
    return _duration(q.value)


@rule("ar.duration.last_two_units", C("unit", lambda it: lexval(it)[1] == 2), C("shift", lambda it: lexval(it) != 0))
def last_two_units(unit, _shift):
    """'خلال اليومين الماضيين' → P2D over 'اليومين الماضيين', 'السنتين المقبلتين' → P2Y: a dual unit
    and a dual adjective"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=2.0)


@rule("ar.duration.last_two_units_final", C("unit", lambda it: lexval(it)[1] == 2), K("last_ordinal"))
def last_two_units_final(unit, _last):
    """'الأسبوعين الأخيرين' → P2W, 'الساعتين الأخيرتين' → PT2H"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=2.0)


@rule("ar.duration.last_n_units", C("unit", lambda it: lexval(it)[1] is None),
      C("number", lambda it: 2 <= it.value <= 1000), C("shift", lambda it: lexval(it) != 0))
def last_n_units(unit, n, _shift):
    """'الأشهر الثلاثة الماضية' → P3M, 'خلال السنوات العشر المقبلة' → P10Y (خلال stays outside the
    expression, as TimeML spans leave prepositions out)"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=float(n.value))


@rule("ar.duration.last_n_units_final", C("unit", lambda it: lexval(it)[1] is None),
      C("number", lambda it: 2 <= it.value <= 1000), K("last_ordinal"))
def last_n_units_final(unit, n, _last):
    """'الأشهر الثلاثة الأخيرة' → P3M"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=float(n.value))


@rule("ar.duration.last_al_n_units", C("unit", lambda it: lexval(it)[1] is None), T("ال"),
      C("number", lambda it: 2 <= it.value <= 1000), C("shift", lambda it: lexval(it) != 0))
def last_al_n_units(unit, _al, n, _shift):
    """'الساعات الـ24 الماضية' → PT24H"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=float(n.value))


@rule("ar.duration.first_two_units", C("unit", lambda it: lexval(it)[1] == 2), K("first_ordinal"))
def first_two_units(unit, _first):
    """'الأسبوعان الأولان' → P2W, 'اليومين الأولين' → P2D: a dual unit and a dual ordinal"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=2.0)


@rule("ar.duration.first_n_units", C("unit", lambda it: lexval(it)[1] is None),
      C("number", lambda it: 2 <= it.value <= 1000), K("first_ordinal"))
def first_n_units(unit, n, _first):
    """'الأيام الثلاثة الأولى' → P3D, 'الأشهر الستة الأولى' → P6M"""
    return TimeValue(kind="duration", unit=lexval(unit)[0], amount=float(n.value))


_COUNTED_QTY = C("qty", lambda it: not it.value.bare and it.value.amount >= 2)
_ORDINAL_OR_SHIFT = (K("first_ordinal", "last_ordinal"), C("shift", lambda it: lexval(it) != 0))


for _suffix, _adjective in (("ordinal", _ORDINAL_OR_SHIFT[0]), ("shift", _ORDINAL_OR_SHIFT[1])):

    @rule(f"ar.duration.qty_{_suffix}", _COUNTED_QTY, _adjective)
    def qty_with_adjective(q, _adjective):
        """'الأربعة الأيام الأولى' → P4D, 'العشر سنوات الماضية' → P10Y, '24 ساعة المقبلة' → PT24H:
        the adjective that places the span belongs to the duration"""
        return _duration(q.value)

    @rule(f"ar.duration.al_qty_{_suffix}", T("ال"), _COUNTED_QTY, _adjective)
    def al_qty_with_adjective(_al, q, _adjective):
        """'الـ24 ساعة المقبلة' → PT24H, 'الـ10 سنوات الأخيرة' → P10Y"""
        return _duration(q.value)


# -- a quantity and its bound: 'أكثر من خمسين عاما', 'لا تقل عن 10 أيام', '10 أيام على الأقل' -----------
_BOUND_MOD = {"more_than": "MORE_THAN", "less_than": "LESS_THAN", "at_least": "EQUAL_OR_MORE",
              "at_most": "EQUAL_OR_LESS", "at_least_after": "EQUAL_OR_MORE", "at_most_after": "EQUAL_OR_LESS",
              "approx_after": "APPROX"}


@rule("ar.duration.bounded", K("more_than", "less_than", "at_least", "at_most"),
      C("qty", lambda it: it.value.amount > 0 and not it.value.approx))
def bounded(bound, q):
    """'أكثر من خمسين عاماً' → P50Y MORE_THAN, 'أقل من 5 سنوات' → P5Y LESS_THAN, 'لا تقل عن 10 أيام' →
    P10D EQUAL_OR_MORE, 'لا تتجاوز ستة أشهر' → P6M EQUAL_OR_LESS, 'أكثر من عام' → P1Y MORE_THAN"""
    return _duration(q.value).with_(mod=_BOUND_MOD[bound.value.value])


@rule("ar.duration.bounded_after", C("qty", lambda it: not it.value.bare and it.value.amount > 0
                                     and not it.value.approx),
      K("at_least_after", "at_most_after", "approx_after"))
def bounded_after(q, bound):
    """'10 أيام على الأقل' → P10D EQUAL_OR_MORE, 'ثلاث ساعات على الأكثر' → PT3H EQUAL_OR_LESS, 'أربعين
    عاما تقريبا' → P40Y APPROX"""
    return _duration(q.value).with_(mod=_BOUND_MOD[bound.value.value])


# -- a duration in two units, and a range of durations -----------------------------------------------
_UNIT_ORDER = ("minute", "hour", "day", "week", "month", "year", "decade", "century")


def _compound(big, small) -> TimeValue | None:
    """'4 ساعات و25 دقيقة' → PT4H25M, 'عامين وثلاثة أشهر' → P2Y3M: the second unit is smaller."""
    if _UNIT_ORDER.index(small.unit) >= _UNIT_ORDER.index(big.unit) or small.approx or small.amount < 0 \
            or big.amount < 0:
        return None
    part = TimeValue(kind="duration", unit=small.unit, amount=float(small.amount))
    return _duration(big).with_(plus=part.canonical())


_SMALLER = C("qty", lambda it: not it.value.bare)


@rule("ar.duration.and_smaller", C("qty"), K("and"), _SMALLER)
def and_smaller(big, _and, small):
    """'4 ساعات و25 دقيقة' → PT4H25M, 'ساعة و20 دقيقة' → PT1H20M, '5 أشهر و27 يوما' → P5M27D"""
    return _compound(big.value, small.value)


@rule("ar.duration.and_smaller_clitic", C("qty"),
      Elem("qty", lambda it: it.prefix.startswith("و") and not it.value.bare, False, "و+qty"))
def and_smaller_clitic(big, small):
    """'عامين وثلاثة أشهر' → P2Y3M, 'ساعتين وعشر دقائق' → PT2H10M (و written on the number)"""
    return _compound(big.value, small.value)


def _durations_between(low: float, high, unit: str) -> TimeValue | None:
    """'بين ثمانية و12 عاما' → P8Y/P12Y: a range of amounts, written as its two bounds (ISO 8601 has
    no interval of durations; it is never a date)."""
    if not 0 < low < high.amount or high.approx:
        return None
    return make_range(TimeValue(kind="duration", unit=unit, amount=float(low)),
                      TimeValue(kind="duration", unit=unit, amount=float(high.amount)))


_UPPER = C("qty", lambda it: not it.value.bare and it.value.amount > 0)


@rule("ar.duration.between_numbers", K("between"), C("number"), K("and"), _UPPER)
def between_numbers(_between, low, _and, high):
    """'بين ثمانية و12 عاما' → P8Y/P12Y, 'بين 4 و22 عاما' (ages)"""
    return _durations_between(low.value, high.value, high.value.unit)


@rule("ar.duration.from_number_to", K("from"), C("number"), K("to"), _UPPER)
def from_number_to(_from, low, _to, high):
    """'من 3 إلى 5 سنوات' → P3Y/P5Y"""
    return _durations_between(low.value, high.value, high.value.unit)


@rule("ar.duration.between_quantities", K("between"), C("qty", lambda it: not it.value.approx), K("and"), _UPPER)
def between_quantities(_between, low, _and, high):
    """'ما بين دقيقة وثلاث دقائق' → PT1M/PT3M, 'بين يومين وثمانية أيام' → P2D/P8D"""
    if low.value.unit != high.value.unit:
        return None
    return _durations_between(low.value.amount, high.value, high.value.unit)


@rule("ar.duration.between_quantities_clitic", K("between"), C("qty", lambda it: not it.value.approx),
      Elem("qty", lambda it: it.prefix.startswith("و") and not it.value.bare and it.value.amount > 0, False, "و+qty"))
def between_quantities_clitic(_between, low, high):
    """'بين يومين وثمانية أيام' (و written on the number) → P2D/P8D"""
    return between_quantities(_between, low, None, high)


# -- sets ------------------------------------------------------------------------------------


@rule("ar.set.every_qty", K("every"), C("qty", lambda it: not it.value.approx and it.value.amount > 0))
def every_qty(_every, q):
    """'كل عام' → P1Y, 'كل يوم' → P1D, 'كل ثلاثة أشهر' → P3M, 'كل عامين' → P2Y"""
    return TimeValue(kind="set", unit=q.value.unit, amount=float(q.value.amount))


@rule("ar.set.every_weekday", K("every"), K("day_intro"), C("weekday_bare"))
def every_weekday(_every, _day, w):
    """'كل يوم جمعة' → XXXX-WXX-5"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.every_weekday_bare", K("every"), C("weekday_bare"))
def every_weekday_bare(_every, w):
    """'كل ثلاثاء' → XXXX-WXX-2"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.every_weekday_article", K("every"), K("day_intro"), C("weekday"))
def every_weekday_article(_every, _day, w):
    """'كل يوم الجمعة' → XXXX-WXX-5"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.adverb", C("set"), priority=2)
def set_adverb(s):
    """'سنوياً' → P1Y, 'يومياً' → P1D, 'بشكل شهري' → P1M, 'عاماً بعد عام' → P1Y (a listed phrase wins
    over the block of 'يوماً بعد يوم', which has no set entry)"""
    code = lexval(s)
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}[code[-1]]
    return TimeValue(kind="set", unit=unit, amount=float(code[1:-1]))


# -- a day as a rate or a span: 'ثلاث مرات في اليوم', 'طوال اليوم' -------------------------------------

_THE_DAY = C("relday", lambda it: lexval(it) == 0 and not it.prefix)
# إلى and إلا begin with the letters of the article without having it: 'في اليوم إلى 500 ريال' is a rate
_NOT_ARTICLE = frozenset(normalize_word(w) for w in ("إلى", "إلا"))
_IN = T("في", "وفي", "ففي")


def _rate_ends_here() -> Guard:
    """Nothing makes 'في اليوم' a day of its own: no definite word ('في اليوم الذي', 'في اليوم
    الختامي'), no number ('في اليوم 20 من الإضراب') after it."""

    def ok(toks: list[Token], i: int) -> bool:
        t = toks[i] if 0 <= i < len(toks) else None
        return t is None or not (t.kind == "num" or (t.text.startswith("ال") and t.text not in _NOT_ARTICLE))

    return Guard(ok, True, "a rate")


@rule("ar.set.per_day", _IN, _THE_DAY, _rate_ends_here(), not_next(*LEXICON.guard_words["not_today_after"]))
def per_day(_in, _day):
    """'ثلاث مرات في اليوم', '22 ساعة في اليوم', '60 يورو في اليوم' → SET P1D (never today)"""
    return TimeValue(kind="set", unit="day", amount=1.0)


@rule("ar.set.per_single_day", C("relday", lambda it: lexval(it) == 0), T("الواحد"))
def per_single_day(_day, _one):
    """'باليوم الواحد', 'لليوم الواحد' → SET P1D"""
    return TimeValue(kind="set", unit="day", amount=1.0)


@rule("ar.set.per_single_day_in", _IN, _THE_DAY, T("الواحد"))
def per_single_day_in(_in, _day, _one):
    """'بأقل من دولارين في اليوم الواحد' → SET P1D"""
    return TimeValue(kind="set", unit="day", amount=1.0)


# -- a rate per year, month or week: '10 ملايين دولار في السنة', 'مرتين في الأسبوع' -----------------------
# the period with its article ('في الأسبوع'; 'في أسبوع ميلانو' is a fashion week)
_THE_PERIOD = {normalize_word(word): unit for unit, words in (("year", ("العام", "السنة")), ("month", ("الشهر",)),
                                                              ("week", ("الأسبوع",))) for word in words}
_RATE_PERIOD = T(*_THE_PERIOD)
_LOOK_BACK = 4  # tokens before 'في' where the count of a rate stands ('1000 قائمة اتهام في العام')
_COUNT_WORDS = LEXICON.guard_words["count_nouns"] | LEXICON.guard_words["rate_count_words"]


def _after_a_count() -> Guard:
    """A number or a count stands shortly before, in the same clause: '10 ملايين دولار في السنة', 'مرة
    واحدة في العام' (not 'ما جرى في العام', which is a year of its own)."""

    def ok(toks: list[Token], i: int) -> bool:
        if 0 <= i < len(toks) and toks[i].text in _MORE_OR_LESS:
            return True  # '3 ساعات أو أكثر خلال اليوم': the count stands before 'أو', beyond the parsed run
        for j in range(i, max(-1, i - _LOOK_BACK), -1):
            t = toks[j]
            if t.kind == "p" or t.kind == "nl":
                return False
            if t.kind == "num" or readings(t.text) & _COUNT_WORDS or _is_cardinal(t.text):
                return True
        return False

    return Guard(ok, False, "after a count")


_MORE_OR_LESS = frozenset(normalize_word(w) for w in ("أكثر", "أقل"))


def _is_cardinal(word: str) -> bool:
    return any(lex.cls == "cardinal" for stem in readings(word) for lex in LEXICON.lookup((stem,)))


@rule("ar.set.per_period", _IN, _after_a_count(), _RATE_PERIOD, _rate_ends_here(),
      not_next(*LEXICON.guard_words["not_period_after"]), not_next(*LEXICON.guard_words["not_today_after"]))
def per_period(_in, period):
    """'10 ملايين دولار في السنة' → SET P1Y, '1000 قائمة اتهام في العام', 'مرتين في الأسبوع' → P1W,
    'ألف ريال في الشهر' → P1M (never this year: 'في العام الماضي' and 'في العام 2014' are dates)"""
    return TimeValue(kind="set", unit=_THE_PERIOD[period.value], amount=1.0)


@rule("ar.set.per_day_within", T("خلال", "وخلال"), _after_a_count(), _THE_DAY, _rate_ends_here(),
      not_next(*LEXICON.guard_words["not_today_after"]))
def per_day_within(_within, _day):
    """'مشاهدة التلفزيون 3 ساعات أو أكثر خلال اليوم', 'ثلاث وجبات خلال اليوم' → SET P1D: after a count,
    the day is a rate ('سيصل الوفد خلال اليوم' stays today)"""
    return TimeValue(kind="set", unit="day", amount=1.0)


@rule("ar.duration.all_period", W("whole_span_words"), _RATE_PERIOD, _rate_ends_here(),
      not_next(*LEXICON.guard_words["not_period_after"]), not_next(*LEXICON.guard_words["not_today_after"]))
def all_period(_whole, period):
    """'على مدار العام', 'طوال السنة' → P1Y, 'طيلة الشهر' → P1M, 'على مدار الأسبوع' → P1W: the whole of
    a year, month or week, year-round (not 'طوال العام الماضي', which is last year)"""
    return TimeValue(kind="duration", unit=_THE_PERIOD[period.value], amount=1.0)


@rule("ar.duration.all_hours_of_the_day", W("whole_span_words"), T(normalize_word("ساعات")), _THE_DAY,
      not_before_ordinal(), not_next(*LEXICON.guard_words["not_today_after"]))
def all_hours_of_the_day(_whole, _hours, _day):
    """'طيلة ساعات اليوم', 'على مدار ساعات اليوم' → P1D: round the clock, not the date"""
    return TimeValue(kind="duration", unit="day", amount=1.0)


@rule("ar.duration.all_day", W("whole_span_words"), _THE_DAY, not_before_ordinal(),
      not_next(*LEXICON.guard_words["not_today_after"]), not_after(*LEXICON.guard_words["that_words"]))
def all_day(_whole, _day):
    """'طوال اليوم', 'طيلة اليوم', 'على مدار اليوم' → P1D: the whole of a day, not the date"""
    return TimeValue(kind="duration", unit="day", amount=1.0)
