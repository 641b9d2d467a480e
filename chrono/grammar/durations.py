"""Durations (لمدة ثلاثة أيام → P3D) and sets (كل عام، سنوياً → P1Y)."""
from __future__ import annotations

from chrono.engine import rule
from chrono.grammar.base import TV, C, K, ctx, lexval
from chrono.grammar.relative import _qty_unit
from chrono.values import TimeValue


def _duration(q, mod=None):
    return TimeValue(kind="duration", unit=q[0], amount=float(q[1]), mod=mod) if q else None


@rule("ar.duration.qty_unit", C("number", lambda it: 1 <= it.value <= 10000), C("unit"))
def qty_unit(n, unit):
    """'ثلاثة أيام', '15 يوماً', 'عشر سنوات' → P3D, P15D, P10Y"""
    return _duration(_qty_unit(n, unit))


@rule("ar.duration.dual", C("unit", lambda it: lexval(it)[1] == 2))
def dual(unit):
    """'ساعتين', 'عامين', 'يومين' → PT2H, P2Y, P2D"""
    return _duration(_qty_unit(None, unit))


@rule("ar.duration.for", K("for_duration"), TV(lambda v: v.kind == "duration" and v.mod is None))
def for_duration(_for, d):
    """'لمدة ثلاثة أيام', 'مدة عامين'"""
    return d.value


@rule("ar.duration.for_single", K("for_duration"), C("unit", lambda it: lexval(it)[1] == 1))
def for_single(_for, unit):
    """'لمدة عام', 'لمدة شهر' → P1Y, P1M"""
    return _duration((lexval(unit)[0], 1))


@rule("ar.duration.after_event", K("after"), C("unit", lambda it: lexval(it)[1] in (1, 2)),
      ctx(K("on_event")))
def after_event(_after, unit):
    """'بعد عام على التطبيع' → P1Y: the time elapsed since an event, not a date"""
    return _duration(_qty_unit(None, unit))


@rule("ar.duration.after_event_qty", K("after"), C("number", lambda it: 1 <= it.value <= 10000),
      C("unit"), ctx(K("on_event")))
def after_event_qty(_after, n, unit):
    """'بعد ثلاثة أعوام على الحرب' → P3Y"""
    return _duration(_qty_unit(n, unit))


@rule("ar.duration.approx", K("approx"), TV(lambda v: v.kind == "duration" and v.mod is None))
def approx_duration(_about, d):
    """'نحو عام', 'حوالي ثلاثة أشهر' → mod APPROX"""
    return d.value.with_(mod="APPROX")


@rule("ar.duration.approx_single", K("approx"), C("unit", lambda it: lexval(it)[1] == 1))
def approx_single(_about, unit):
    """'نحو عام' in 'بعد نحو عام على تطبيع' → P1Y APPROX"""
    return _duration((lexval(unit)[0], 1), "APPROX")


@rule("ar.duration.after_event_approx", K("after"), TV(lambda v: v.kind == "duration" and v.mod == "APPROX"),
      ctx(K("on_event")))
def after_event_approx(_after, d):
    """'بعد نحو عام على تطبيع علاقاتهما' → P1Y APPROX"""
    return d.value


@rule("ar.duration.half", K("half_word"), C("unit", lambda it: lexval(it)[1] == 1))
def half_unit(_half, unit):
    """'نصف ساعة' → PT30M, 'نصف قرن' → P50Y"""
    return _duration((lexval(unit)[0], 0.5))


@rule("ar.duration.within_last", K("within"), C("unit", lambda it: lexval(it)[1] is None),
      C("number", lambda it: 2 <= it.value <= 1000), C("shift", lambda it: lexval(it) != 0))
def within_last(_within, unit, n, _shift):
    """'خلال الأشهر الثلاثة الماضية' → P3M, 'خلال السنوات العشر المقبلة' → P10Y"""
    return _duration((lexval(unit)[0], n.value))


# -- sets ------------------------------------------------------------------------------------


@rule("ar.set.every_unit", K("every"), C("unit", lambda it: lexval(it)[1] == 1))
def every_unit(_every, unit):
    """'كل عام' → P1Y, 'كل يوم' → P1D, 'كل أسبوع' → P1W"""
    return TimeValue(kind="set", unit=lexval(unit)[0], amount=1.0)


@rule("ar.set.every_n_units", K("every"), C("number", lambda it: 2 <= it.value <= 100), C("unit"))
def every_n_units(_every, n, unit):
    """'كل ثلاثة أشهر' → P3M"""
    q = _qty_unit(n, unit)
    return TimeValue(kind="set", unit=q[0], amount=float(q[1])) if q else None


@rule("ar.set.every_dual", K("every"), C("unit", lambda it: lexval(it)[1] == 2))
def every_dual(_every, unit):
    """'كل عامين' → P2Y"""
    return TimeValue(kind="set", unit=lexval(unit)[0], amount=2.0)


@rule("ar.set.every_weekday", K("every"), K("day_intro"), C("weekday_bare"))
def every_weekday(_every, _day, w):
    """'كل يوم جمعة' → XXXX-WXX-5"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.every_weekday_article", K("every"), C("weekday"))
def every_weekday_article(_every, w):
    """'كل الجمعة'? rare; 'كل ثلاثاء' uses the bare form"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.every_weekday_bare", K("every"), C("weekday_bare"))
def every_weekday_bare(_every, w):
    """'كل ثلاثاء' → XXXX-WXX-2"""
    return TimeValue(kind="set", set_weekday=lexval(w))


@rule("ar.set.adverb", C("set"))
def set_adverb(s):
    """'سنوياً' → P1Y, 'يومياً' → P1D, 'شهرياً' → P1M"""
    code = lexval(s)
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}[code[-1]]
    return TimeValue(kind="set", unit=unit, amount=float(code[1:-1]))
