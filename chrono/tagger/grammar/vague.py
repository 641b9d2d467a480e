"""Vague references and named spans around the anchor: في الآونة الأخيرة، مستقبلاً، منذ سنوات،
قبل أيام، خلال الأسابيع القليلة الماضية، الموسم الماضي، موسم 2021-2022، وقت سابق أمس، الأسبوع
الأخير من ديسمبر.
"""
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
    not_after_any,
    not_before_genitive,
    not_describing_a_plural,
    not_earlier_of,
    not_nearness,
    not_next,
    not_next_unless_agent,
    readings,
    year_guard,
)
from chrono.tagger.grammar.relative import countable, offset_from_anchor
from chrono.tagger.values import TimeValue, make_range

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


# -- vague references ----------------------------------------------------------------------------


@rule("ar.relative.reference", C("ref"), adverb_not_adjective(), not_after_any(),
      not_next(*LEXICON.guard_words["premature_after"]), not_earlier_of(), not_nearness())
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
      C("qty", lambda it: it.value.amount > 0 and countable(it.value)))
def more_than_ago(_ago, bound, q):
    """'منذ أكثر من عامين' → year −2 BEFORE (earlier still), 'قبل أقل من شهر' → month −1 AFTER"""
    return offset_from_anchor(q.value, -1).with_(mod="BEFORE" if bound.value.value == "more_than" else "AFTER")


# على/من after a quantity tie it to an event ('بعد أيام على إعادة انتخابه'), normalized as the text is
_ON_EVENT = not_next_unless_agent(*sorted({normalize_word(w) for w in LEXICON.data.keywords["on_event"]}))


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
      ctx(K("on_event")), not_next(*LEXICON.guard_words["now_words"]), not_next("قبل"))
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
