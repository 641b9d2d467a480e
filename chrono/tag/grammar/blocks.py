"""Look-alikes that must not become dates. A block rule covers the look-alike with a longer span,
so the shorter date inside it loses the selection, and blocks are then dropped from the output.

'حركة 20 فبراير' is a movement, 'ساحة أول ماي' a square, 'صحيفة الغد' a newspaper,
'عبد الله الجمعة' a person, 'بين الاثنين' "between the two".
"""
from __future__ import annotations

from chrono.tag.engine import Guard, RuleBook
from chrono.tag.grammar.base import C, K, W, lexval

RULES = RuleBook()  # this module's rules, in order: chrono.tag.grammar.build_grammar adds them
rule = RULES.rule


@rule("ar.block.named_after_date", W("name_nouns"), C("day"), C("gmonth"), out="block", priority=1)
def named_after_date(_noun, _day, _month):
    """'حركة 20 فبراير', 'مدينة 6 أكتوبر', 'ساحة أول ماي'"""
    return "name"


@rule("ar.block.media_name", W("media_nouns"), C("relday"), out="block", priority=1)
def media_name(_noun, _day):
    """'صحيفة الغد', 'قناة الغد', 'موقع اليوم 24'"""
    return "media"


@rule("ar.block.person_or_pair", W("not_weekday_after"), C("weekday"), out="block", priority=1)
def person_or_pair(_before, _weekday):
    """'عبد الله الجمعة' (a surname), 'بين الاثنين' (between the two)"""
    return "not a weekday"


def _no_year_follows() -> Guard:
    """The next token is not a number: 'حرب أكتوبر 1973' is a date, 'حرب أكتوبر' a name."""
    return Guard(lambda toks, i: not (0 <= i < len(toks) and toks[i].kind == "num"), True, "no year follows")


@rule("ar.block.historic_month", W("historic_nouns"), C("gmonth", lambda it: it.value.cue is None),
      _no_year_follows(), out="block", priority=1)
def historic_month(_noun, _month):
    """'نكسة حزيران', 'ثورة يوليو', 'حرب أكتوبر': a historical event's name, not last June"""
    return "historic name"


@rule("ar.block.historic_day_month", W("historic_nouns"), C("day"), C("gmonth", lambda it: it.value.cue is None),
      _no_year_follows(), out="block", priority=1)
def historic_day_month(_noun, _day, _month):
    """'هجمات 11 سبتمبر', 'اتفاق 17 أيار', 'حراك 22 فبراير': an event named by its date, whose year
    the text does not give (never the anchor's year)"""
    return "historic name"


@rule("ar.block.unit_after_unit", C("unit"), K("after"), C("unit"), out="block", priority=1)
def unit_after_unit(first, _after, second):
    """'يوماً بعد يوم', 'سنة بعد سنة', 'شهراً بعد شهر': "day by day", not tomorrow"""
    return "repetition" if lexval(first)[0] == lexval(second)[0] else None


@rule("ar.block.today_before_tomorrow", C("relday", lambda it: lexval(it) == 0), K("before"),
      C("relday", lambda it: lexval(it) == 1), out="block", priority=1)
def today_before_tomorrow(_today, _before, _tomorrow):
    """'اليوم قبل الغد': "as soon as possible", an idiom"""
    return "idiom"
