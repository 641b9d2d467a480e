"""Times of day: parts of the day (مساء اليوم، ليلة الثلاثاء) and clock times (الساعة العاشرة صباحاً)."""
from __future__ import annotations

from chrono.tagger.engine import RuleBook
from chrono.tagger.grammar.base import DIGITS, TV, C, K, T, lexval, told_as_an_hour
from chrono.tagger.grammar.intersect import ADJACENT, intersection, joined, value_operand, word_operand
from chrono.tagger.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


def _day_like(v: TimeValue) -> bool:
    """A single day, relative or named: اليوم، أمس، الثلاثاء، 24 نوفمبر."""
    return v.kind == "date" and v.pod is None and v.hour is None and v.mod is None and (
        (v.rel_unit == "day") or (v.weekday and v.month is None) or (v.day is not None))


# A part of the day and the day: 'مساء اليوم', 'ليلة الثلاثاء', 'اليوم مساءً'
POD = word_operand("pod", "pod")
DAY = value_operand(_day_like, "day")
intersection(rule, "ar.time.pod_of_day", POD, ADJACENT, DAY,
             "'ليلة الثلاثاء' → TNI, 'مساء اليوم' → TEV, 'صباح أمس' → TMO, 'فجر الجمعة' → TMO")
intersection(rule, "ar.time.pod_of_day_word", POD, joined(K("day_intro")), DAY,
             "'مساء يوم الأربعاء' (when 'يوم' was not taken by the weekday rule)")


@rule("ar.time.midnight_of", C("part", lambda it: lexval(it) == "MID"), TV(lambda v: v.pod == "NI"))
def midnight_of(_mid, night):
    """'منتصف ليلة أمس' → the night of yesterday (TNI)"""
    return night.value


def _night_of_weekday(v: TimeValue) -> bool:
    """The night or the evening of a weekday: 'ليل الأربعاء', 'مساء السبت' (the evening that runs
    into the next day: 'مساء السبت الأحد')."""
    return v.kind == "date" and v.pod in ("NI", "EV") and v.weekday is not None and v.hour is None and v.day is None


def _bare_weekday(v: TimeValue) -> bool:
    return v.kind == "date" and v.weekday is not None and v.pod is None and v.hour is None and \
        v.day is None and v.month is None


def _night_to_next_day(night, following):
    """The night that runs from one weekday into the next, named by both days: the first day's
    night ('ليل الأربعاء الخميس', 'ليلة الأربعاء - الخميس', 'ليلة الاثنين على الثلاثاء' → the
    Monday's TNI). Two days that do not follow each other are no such night."""
    if following.value.weekday != night.value.weekday % 7 + 1:
        return None
    return night.value


@rule("ar.time.night_between_weekdays", TV(_night_of_weekday), TV(_bare_weekday))
def night_between_weekdays(night, following):
    """'عبرت ليل الأربعاء الخميس الحدود' → Wednesday's night (TNI), 'وقع هجوم مساء السبت الأحد' →
    Saturday evening (TEV), one expression"""
    return _night_to_next_day(night, following)


@rule("ar.time.night_between_weekdays_sep", TV(_night_of_weekday), T("-", "–", "/", "على", "علي", "الى", "الي", "إلى"),
      TV(_bare_weekday))
def night_between_weekdays_sep(night, _sep, following):
    """'ليلة الاثنين - الثلاثاء', 'ليلة الاثنين على الثلاثاء' → Monday's night (TNI), 'مساء السبت-الأحد'"""
    return _night_to_next_day(night, following)


intersection(rule, "ar.time.day_then_pod", DAY, ADJACENT, POD, "'اليوم مساءً', 'أمس صباحاً', 'الخميس ليلاً'")


# -- clock times -------------------------------------------------------------------------------


def hour_with_pod(hour: int, pod: str | None) -> int | None:
    """'العاشرة مساءً' → 22, 'الثانية ليلاً' → 2, 'الثانية عشرة ظهراً' → 12, 'الواحدة ظهراً' → 13."""
    if not 0 <= hour <= 24:
        return None
    if pod in ("AF", "EV") and hour < 12:
        return hour + 12
    if pod == "NI" and 6 <= hour < 12:
        return hour + 12
    if pod == "MI" and 1 <= hour <= 5:  # noon and the hours after it
        return hour + 12
    if pod == "MO" and hour == 12:
        return 0
    return hour


@rule("ar.time.clock_digits", DIGITS(1, 2, 0, 24), T(":"), DIGITS(2, 2, 0, 59))
def clock_digits(h, _colon, m):
    """'10:30' → 10:30 (anchor day)"""
    return TimeValue(kind="time", rel_unit="day", rel_offset=0, hour=int(h.value), minute=int(m.value))


@rule("ar.time.clock_word_dot", K("clock"), DIGITS(1, 2, 0, 24), T("."), DIGITS(2, 2, 0, 59))
def clock_word_dot(_sa, h, _dot, m):
    """'الساعة 9.30' → 09:30 (a dot for the colon; only after الساعة, where it is no decimal:
    '9.30 مليون')"""
    return TimeValue(kind="time", rel_unit="day", rel_offset=0, hour=int(h.value), minute=int(m.value))


@rule("ar.hour.ordinal_or_digits", C("day", lambda it: 1 <= it.value <= 12), told_as_an_hour(), out="hour")
def hour_from_day(h):
    """'العاشرة', 'الثانية عشرة', '10' → an hour (only a time with الساعة or a part of day)"""
    return h.value


@rule("ar.hour.cardinal", C("number", lambda it: 1 <= it.value <= 12), out="hour")
def hour_from_number(h):
    """'الواحدة' → 1"""
    return h.value


def _clock(hour: int, minute: int = 0, pod=None) -> TimeValue:
    return TimeValue(kind="time", rel_unit="day", rel_offset=0, hour=hour, minute=minute, pod=pod)


@rule("ar.time.clock_hour_word", K("clock"), C("hour"))
def clock_hour_word(_sa, h):
    """'الساعة العاشرة' → 10:00, 'الساعة 10' → 10:00, 'الساعة الواحدة' → 01:00"""
    return _clock(h.value)


@rule("ar.time.clock_word_time", K("clock"), TV(lambda v: v.kind == "time" and v.hour is not None))
def clock_word_time(_sa, t):
    """'الساعة 22:30', 'الساعة 7:30 مساء': الساعة belongs to the expression, as in 'الساعة العاشرة'"""
    return t.value


@rule("ar.time.clock_word_al_time", K("clock"), T("ال"), TV(lambda v: v.kind == "time" and v.hour is not None))
def clock_word_al_time(_sa, _al, t):
    """'الساعة الـ12:40 ظهراً', 'الساعة الـ9 مساء' (the article written on the digits)"""
    return t.value


@rule("ar.time.clock_word_al_hour", K("clock"), T("ال"), C("hour"))
def clock_word_al_hour(_sa, _al, h):
    """'الساعة الـ9' → 09:00"""
    return _clock(h.value)


@rule("ar.time.hour_pod", C("hour"), C("pod"))
def hour_pod(h, pod):
    """'العاشرة صباحاً' → 10:00, 'الثالثة عصراً' → 15:00, 'الحادية عشرة ليلاً' → 23:00"""
    hour = hour_with_pod(h.value, lexval(pod))
    return _clock(hour, 0, lexval(pod)) if hour is not None else None


@rule("ar.time.hour_of_day", C("hour"), TV(lambda v: v.kind == "date" and v.pod is not None and v.hour is None))
def hour_of_day(h, d):
    """'الثامنة مساء اليوم' → 20:00 today, 'التاسعة صباح غد' → 09:00 tomorrow"""
    hour = hour_with_pod(h.value, d.value.pod)
    return d.value.with_(kind="time", hour=hour, minute=0) if hour is not None else None


@rule("ar.time.hour_of_of_day", C("hour"), K("of"), TV(lambda v: v.kind == "date" and v.pod is not None
                                                      and v.hour is None))
def hour_of_of_day(h, _of, d):
    """'التاسعة من صباح غد' → 09:00 tomorrow"""
    return hour_of_day(h, d)


@rule("ar.time.clock_minus_quarter", TV(lambda v: v.kind == "time" and v.minute == 0 and v.hour),
      K("minus"), K("quarter_word"))
def clock_minus_quarter(t, _minus, _quarter):
    """'السابعة إلا ربعاً' → 06:45"""
    return t.value.with_(hour=t.value.hour - 1, minute=45)


@rule("ar.time.clock_half", TV(lambda v: v.kind == "time" and v.minute == 0), K("half_word", "quarter_word"))
def clock_half(t, frac):
    """'العاشرة والنصف' → 10:30, 'العاشرة والربع' → 10:15"""
    if not frac.prefix.startswith("و"):
        return None
    return t.value.with_(minute=30 if frac.value.value == "half_word" else 15)


@rule("ar.time.clock_pod", TV(lambda v: v.kind == "time" and v.pod is None and v.rel_offset == 0), C("pod"))
def clock_pod(t, pod):
    """'الساعة العاشرة صباحاً' → 10:00, '10:30 مساءً' → 22:30"""
    hour = hour_with_pod(t.value.hour, lexval(pod))
    return t.value.with_(hour=hour, pod=lexval(pod)) if hour is not None else None


@rule("ar.time.clock_with_day", TV(lambda v: v.kind == "time" and v.rel_offset == 0 and v.rel_unit == "day"),
      TV(lambda v: v.kind == "date" and v.hour is None and (v.rel_unit == "day" or v.weekday or v.day)))
def clock_with_day(t, d):
    """'الساعة العاشرة صباح اليوم', 'التاسعة من صباح غد', '10:30 من مساء الأربعاء'"""
    pod = d.value.pod
    hour = hour_with_pod(t.value.hour, pod) if pod else t.value.hour
    return d.value.with_(kind="time", hour=hour, minute=t.value.minute, pod=pod or t.value.pod)


@rule("ar.time.clock_of_day", TV(lambda v: v.kind == "time" and v.rel_offset == 0 and v.rel_unit == "day"),
      K("of"), TV(lambda v: v.kind == "date" and v.hour is None and (v.rel_unit == "day" or v.weekday or v.day)))
def clock_of_day(t, _of, d):
    """'التاسعة من صباح غد', 'العاشرة من مساء أمس'"""
    return clock_with_day(t, d)


@rule("ar.time.hour_and_fraction", C("hour"), C("kw", lambda it: it.value.value in ("half_word", "quarter_word")
                                                 and it.prefix.startswith("و")))
def hour_and_fraction(h, frac):
    """'السابعة والنصف' → 07:30, 'الثامنة والربع' → 08:15 (a part of day or الساعة usually follows)"""
    return _clock(h.value, 30 if frac.value.value == "half_word" else 15)


@rule("ar.time.hour_minus_quarter", C("hour"), K("minus"), K("quarter_word"))
def hour_minus_quarter(h, _minus, _quarter):
    """'السابعة إلا ربعاً' → 06:45"""
    return _clock(h.value - 1, 45) if h.value > 1 else None


def _full_day(v: TimeValue) -> bool:
    return v.kind == "date" and v.day is not None and v.month is not None and v.hour is None and v.mod is None


def _clock_today(v: TimeValue) -> bool:
    return v.kind == "time" and v.rel_unit == "day" and v.rel_offset == 0 and v.hour is not None


@rule("ar.time.date_then_clock", TV(_full_day), TV(_clock_today))
def date_then_clock(d, t):
    """'24 نوفمبر 2021 الساعة العاشرة صباحاً' → 2021-11-24T10:00 (the clock's part of day replaces
    the date's)"""
    return d.value.with_(kind="time", hour=t.value.hour, minute=t.value.minute, pod=t.value.pod)


@rule("ar.time.date_sep_clock", TV(_full_day), T("-", ",", "|"), TV(_clock_today))
def date_sep_clock(d, _sep, t):
    """'24/11/2021 - 10:30' (datelines) → 2021-11-24T10:30"""
    return date_then_clock(d, t)


def _digit_clock(v: TimeValue) -> bool:
    return _clock_today(v) and v.pod is None


@rule("ar.time.clock_word_bracketed", K("clock"), T("("), TV(_digit_clock), T(")"))
def clock_word_bracketed(_sa, _open, t, _close):
    """'الساعة (٨:٢٠)' → 08:20, its part of day may follow the bracket ('الساعة (8:20) مساء' → 20:20)"""
    return t.value


@rule("ar.time.clock_minutes_word_pod", TV(lambda v: _digit_clock(v) and v.minute),
      C("unit", lambda it: lexval(it) == ("minute", 1)), C("pod"))
def clock_minutes_word_pod(t, _minute, pod):
    """'8:20 دقيقة مساء' → 20:20, 'الساعة (٨:٢٠) دقيقة مساء': the word for minutes between the clock
    and its part of day (without one, '8:20 دقيقة' may be a length)"""
    return clock_pod(t, pod)
