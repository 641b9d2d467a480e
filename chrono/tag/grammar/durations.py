"""Durations (لمدة ثلاثة أيام → P3D) and sets (كل عام، سنوياً → P1Y), built on quantities."""
from __future__ import annotations

from chrono.tag.engine import RuleBook
from chrono.tag.grammar.base import C, K, T, ctx, lexval, not_next
from chrono.lexicon import LEXICON
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
