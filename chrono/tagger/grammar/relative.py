"""Days and periods relative to the anchor: اليوم، أمس، غداً، الليلة، هذا العام، العام الماضي،
قبل ثلاثة أيام، بعد أسبوعين، مساء اليوم الأربعاء.

Parts of periods, quarters and centuries are in chrono.tagger.grammar.periods; vague references
("منذ سنوات", "في الأيام الأخيرة") and sports seasons in chrono.tagger.grammar.vague.
"""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import (
    TV,
    C,
    K,
    T,
    W,
    ctx,
    lexval,
    not_after,
    not_after_word,
    not_before_ordinal,
    not_before_role,
    not_next,
    year_guard,
)
from chrono.tagger.grammar.intersect import ADJACENT, intersection, joined, value_operand
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS
from chrono.tagger.values import TimeValue

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


@rule("ar.relative.tonight", K("tonight"), not_next(*LEXICON.guard_words["not_tonight_after"]))
def tonight(_w):
    """'الليلة' → the anchor day at night (not 'أسعار الليلة الواحدة': a night's price)"""
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
NOT_OUR_PERIOD = not_next(*LEXICON.guard_words["not_period_after"])


@rule("ar.relative.this_period", C("shift", lambda it: lexval(it) == 0), C("period"), NOT_OUR_PERIOD,
      not_before_role("holy_epithet"))
def this_period(_this, p):
    """'هذا العام', 'هذه السنة', 'هذا الشهر', 'هذا الأسبوع' (not 'هذا الشهر الكريم': Ramadan, see the
    Hijri rules)"""
    if lexval(p) in ("half",):
        return None
    return TimeValue(rel_unit=lexval(p), rel_offset=0)


# -- N units ago / in N units ---------------------------------------------------------------------


_PER_DAY = {"hour": 24, "minute": 24 * 60}


def offset_from_anchor(q, sign: int) -> TimeValue:
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


def countable(q) -> bool:
    """A whole count of units, or one with a half of a unit that has a smaller one: 'بعد عامين ونصف'."""
    return float(q.amount).is_integer() or (q.unit in _SMALLER_UNIT and float(q.amount * 2).is_integer())


# 'منذ يوم الجمعة' is since Friday, not one day ago on a Friday: يوم before a weekday names it
_WEEKDAY_WORDS = sorted({normalize_word(form) for entry in LEXICON.data.weekdays for form in entry.forms})
_NOT_A_WEEKDAY_NEXT = not_next(*_WEEKDAY_WORDS)


@rule("ar.relative.unit_ago", K("ago"),
      C("qty", lambda it: it.value.amount > 0 and countable(it.value)),
      _NOT_A_WEEKDAY_NEXT)
def unit_ago(_ago, q):
    """'قبل ثلاثة أيام' → day −3, 'منذ عامين' → year −2, 'قبل نحو عام' → year −1 APPROX
    ('قبل ساعتين' is today: hours and minutes ago stay on the anchor day; 'منذ يوم الجمعة' is
    not one day ago)"""
    return offset_from_anchor(q.value, -1)


@rule("ar.relative.unit_later", K("after"),
      C("qty", lambda it: it.value.amount > 0 and countable(it.value)),
      not_next("على", "من", "علي"), _NOT_A_WEEKDAY_NEXT, not_next(*LEXICON.guard_words["day_description_words"]))
def unit_later(_after, q):
    """'بعد ثلاثة أيام' → day +3, 'بعد أسبوعين' → week +2 (but 'بعد عام على التطبيع' is a duration,
    and 'بعد يوم طويل وشاق' describes a day: day_description_words)"""
    return offset_from_anchor(q.value, 1)


@rule("ar.relative.unit_from_now", K("after", "ago"),
      C("qty", lambda it: it.value.amount > 0 and float(it.value.amount).is_integer()),
      ctx(K("on_event")), T(*sorted(LEXICON.guard_words["now_words"])))
def unit_from_now(word, q, _now):
    """'بعد أسبوع من الآن' → week +1, 'قبل ثلاثة أيام من اليوم' → day −3: counted from the anchor"""
    return offset_from_anchor(q.value, 1 if word.value.value == "after" else -1)


@rule("ar.relative.period_before_last", C("period", lambda it: lexval(it) in ("year", "month", "week")),
      K("before"), C("shift", lambda it: lexval(it) == -1))
def period_before_last(p, _before, _last):
    """'العام قبل الماضي' → year −2, 'الأسبوع قبل الماضي' → week −2"""
    return TimeValue(rel_unit=lexval(p), rel_offset=-2)


@rule("ar.relative.weekday_before_last",
      TV(lambda v: v.kind == "date" and v.weekday is not None and v.day is None and v.month is None
         and v.rel_unit is None and v.pod is None and v.cue in (None, "past")),
      K("before"), C("shift", lambda it: lexval(it) == -1))
def weekday_before_last(day, _before, _last):
    """'الاثنين قبل الماضي', 'يوم الجمعة قبل الماضية' → the same weekday a week before the last one"""
    return day.value.with_(cue="past", shift_days=-7)


@rule("ar.relative.this_day", C("shift", lambda it: lexval(it) == 0), C("relday", lambda it: lexval(it) == 0))
def this_day(_this, _day):
    """'هذا اليوم' → today"""
    return TimeValue(rel_unit="day", rel_offset=0)


@rule("ar.relative.this_pod", C("shift", lambda it: lexval(it) == 0), C("pod"))
def this_pod(_this, pod):
    """'هذا المساء' → this evening, 'هذا الصباح' → this morning. 'هذا العصر' is this age ('في هذا
    العصر الرقمي', 'روح هذا العصر'): news says 'عصر اليوم' for this afternoon, so it is PRESENT_REF."""
    if lexval(pod) == "AF":
        return TimeValue(kind="ref", ref="PRESENT_REF")
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


_TODAY = value_operand(lambda v: v.rel_unit == "day" and v.rel_offset == 0 and v.weekday is None and v.pod is None,
                       "today")


@rule("ar.relative.today_glossed", _TODAY.elem, T("("), RELATIVE_DAY.elem, T(")"))
def today_glossed(_said, _open, meant, _close):
    """'منعت جميعا حتى اليوم (أمس)': the editor's bracket says which day a quoted 'اليوم' was →
    yesterday; one expression, not a today and a yesterday"""
    return meant.value


# -- a day counted from the date before it: 'قبل ذلك بيوم', 'بعد ذلك بيومين', 'في اليوم التالي' ------------
# The value is a placeholder, a shift in days from an unknown date (shift_days alone): the tag stage
# gives it the date told before it in its sentence, or drops it (chrono.tagger.with_sentence_day_shifts).
# It never counts from the anchor: 'وقع انفجار قبل ذلك بيوم' of a sentence naming no day is no date.
DAY_SHIFT_RULES = frozenset({"ar.relative.day_shift_days", "ar.relative.day_shift_one_day", "ar.relative.next_day",
                             "ar.relative.day_before"})
_THAT = T(normalize_word("ذلك"))
_SHIFT_SIGN = {"before": -1, "after": 1}
DAY_SHIFT_LONGEST = 30  # days; a longer count after ذلك is a story of its own, not a day


def _by_days(it) -> bool:
    """'بيومين', 'بثلاثة أيام' (a count of days written with ب)."""
    v = it.value
    return (it.prefix.endswith("ب") and v.kind == "duration" and v.unit == "day" and v.mod is None and v.plus is None
            and v.amount is not None and float(v.amount).is_integer() and 1 <= v.amount <= DAY_SHIFT_LONGEST)


@rule("ar.relative.day_shift_days", K("before", "after"), _THAT, Elem("tv", _by_days, False, "ب+days"))
def day_shift_days(direction, _that, days):
    """'بعد ذلك بيومين' → two days after the date told before; 'قبل ذلك بثلاثة أيام'"""
    return TimeValue(shift_days=_SHIFT_SIGN[lexval(direction)] * int(days.value.amount))


@rule("ar.relative.day_shift_one_day", K("before", "after"), _THAT,
      C("unit", lambda it: it.prefix.endswith("ب") and lexval(it) == ("day", 1), "بيوم"))
def day_shift_one_day(direction, _that, _day):
    """'قبل ذلك بيوم' → the day before the date told before"""
    return TimeValue(shift_days=_SHIFT_SIGN[lexval(direction)])


_THE_DAY = C("relday", lambda it: lexval(it) == 0 and not it.prefix, "اليوم")


_EVENT_TIES = frozenset(normalize_word(w) for w in ("على", "من", "عن"))


def _not_of_an_event() -> Guard:
    """'اليوم التالي للانتخابات', 'اليوم التالي على سحب المقال', 'صبيحة اليوم التالي من انطلاق العملية'
    count from the event named after them, not from the date told before."""
    def ok(toks, i) -> bool:
        return not (0 <= i < len(toks) and (toks[i].text.startswith("ل") or toks[i].text in _EVENT_TIES))

    return Guard(ok, True, "not before ل/على/من + an event")


@rule("ar.relative.next_day", _THE_DAY, T(normalize_word("التالي"), normalize_word("الموالي")), _not_of_an_event())
def next_day(_day, _next):
    """'في اليوم التالي' → the day after the date told before"""
    return TimeValue(shift_days=1)


@rule("ar.relative.day_before", _THE_DAY, T(normalize_word("السابق")), _not_of_an_event())
def day_before(_day, _prev):
    """'في اليوم السابق' → the day before the date told before"""
    return TimeValue(shift_days=-1)
