"""Durations (لمدة ثلاثة أيام → P3D) and sets (كل عام، سنوياً → P1Y), built on quantities."""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word
from chrono.tag.engine import Guard, RuleBook
from chrono.tag.grammar.base import C, K, T, W, ctx, lexval, not_after, not_before_ordinal, not_next
from chrono.tag.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tag.grammar.build_grammar adds them
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


@rule("ar.duration.before_event", K("before"), C("qty"), ctx(K("on_event")), not_next(*_NOW_WORDS))
def before_event(_before, q):
    """'قبل يومين من الانتخابات' → P2D, 'قبل عام على الانتخابات' → P1Y: time before an event, not
    two days before the anchor (that would be a false date). Not 'قبل أسبوع من الآن'."""
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


@rule("ar.set.adverb", C("set"))
def set_adverb(s):
    """'سنوياً' → P1Y, 'يومياً' → P1D, 'بشكل شهري' → P1M"""
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


@rule("ar.duration.all_day", W("whole_span_words"), _THE_DAY, not_before_ordinal(),
      not_next(*LEXICON.guard_words["not_today_after"]), not_after(*LEXICON.guard_words["that_words"]))
def all_day(_whole, _day):
    """'طوال اليوم', 'طيلة اليوم', 'على مدار اليوم' → P1D: the whole of a day, not the date"""
    return TimeValue(kind="duration", unit="day", amount=1.0)
