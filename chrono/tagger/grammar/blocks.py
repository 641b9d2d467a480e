"""Look-alikes that must not become dates. A block rule covers the look-alike with a span at least
as long as the date inside it (a block wins a tie: priority 1), so the date loses the selection,
and blocks are then dropped from the output.

'حركة 20 فبراير' is a movement, 'ساحة أول ماي' a square, 'صحيفة الغد' a newspaper,
'عبد الله الجمعة' a person, 'بين الاثنين' "between the two", 'بمساحة 1600م' an area, '1130-1140
دولارا' a price range, '1400 سنة ضوئية' a distance, 'في باب «مسارات»' a newspaper section.
"""
from __future__ import annotations

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word, tokenize
from chrono.tagger.engine import Guard, RuleBook
from chrono.tagger.grammar.base import TV, C, K, T, W, is_yearless_month_or_holiday, lexval, readings

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


@rule("ar.block.named_after_date", W("name_nouns"), C("day"), C("gmonth"), out="block", priority=1)
def named_after_date(_noun, _day, _month):
    """'حركة 20 فبراير', 'مدينة 6 أكتوبر', 'ساحة أول ماي'"""
    return "name"


_NUMBERED = T(*(normalize_word(w) for w in ("أول", "ثان", "ثاني", "ثالث", "رابع", "خامس")))


@rule("ar.block.numbered_name_after_date", W("name_nouns"), _NUMBERED, C("day"), C("gmonth"), out="block",
      priority=1)
def numbered_name_after_date(_noun, _numbered, _day, _month):
    """'قسم ثان 6 أكتوبر', 'قسم أول 15 مايو': a numbered police district of a city named after a date"""
    return "name"


@rule("ar.block.media_name", W("media_nouns"), C("relday"), out="block", priority=1)
def media_name(_noun, _day):
    """'صحيفة الغد', 'قناة الغد', 'موقع اليوم 24'"""
    return "media"


@rule("ar.block.media_weekday_name", W("media_nouns"), T('"'), C("weekday"), T('"'), out="block", priority=1)
def media_weekday_name(_noun, _open, _day, _close):
    """'مجلة «الاثنين»', 'صحيفة "الأحد"': a paper named after a weekday, in quotes"""
    return "media"


@rule("ar.block.media_weekday", W("media_nouns"), C("weekday"), out="block",
      priority=1)
def media_weekday(_noun, _day):
    """'مجلة الاثنين', 'صحيفة الأحد': a paper named after a weekday ('نشرت الصحيفة الأحد' has the
    article on the noun and keeps its Sunday)"""
    return "media"


@rule("ar.block.person_or_pair", W("not_weekday_after"), C("weekday"), out="block", priority=1)
def person_or_pair(_before, _weekday):
    """'عبد الله الجمعة' (a surname), 'بين الاثنين' (between the two)"""
    return "not a weekday"


_SUNDAY = 7


@rule("ar.block.eleven", C("weekday", lambda it: lexval(it) == _SUNDAY), T(normalize_word("عشر")), out="block",
      priority=1)
def eleven(_ahad, _ashar):
    """'الأبيات الأحد عشر', 'اللاعبون الأحد عشر': أحد عشر is the number eleven, not Sunday (not
    'الأحد عشرة أشخاص', where عشرة counts the persons of a Sunday)"""
    return "number"


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


# -- measurements with م (metres), not years with م (ميلادي) --------------------------------------

_MEASURE_NOUNS = LEXICON.guard_words["measure_nouns"]
_MEASURE_FILLERS = LEXICON.guard_words["measure_fillers"]
_DISTANCE = [tuple(t.text for t in tokenize(form)) for form in LEXICON.guard_words["distance_words"]]
_TIMES_SIGNS = frozenset("×*xX")
_DECIMAL_MARKS = frozenset(".,،")


def _token(toks: list[Token], i: int):
    return toks[i] if 0 <= i < len(toks) else None


def _decimal_part(toks: list[Token], i: int) -> bool:
    """The number is the fraction of a decimal: '4.95م' (the 95 after '4.')."""
    mark, whole, number = _token(toks, i), _token(toks, i - 1), _token(toks, i + 1)
    return (mark is not None and whole is not None and number is not None and mark.text in _DECIMAL_MARKS
            and whole.kind == "num" and whole.end == mark.start and mark.end == number.start)


def _measured_before(toks: list[Token], i: int) -> bool:
    """What stands before a number shows a length or an area: a measure noun, possibly across
    'أكثر من', 'حوالي' ('ارتفاع أكثر من 200 م', 'بمساحة 1600م'), a multiplication sign ('200 * 200م'),
    'على بعد', the article of a numeral ('سباق الـ100 م'), or the number is a decimal ('4.95م')."""
    t = _token(toks, i)
    if t is None:
        return False
    if t.text in _TIMES_SIGNS or t.text == "ال" or _decimal_part(toks, i):
        return True
    for _ in range(4):
        if t is None:
            return False
        if any(tuple(x.text for x in toks[max(0, i - len(d) + 1):i + 1]) == d for d in _DISTANCE):
            return True
        stems = readings(t.text)
        if stems & _MEASURE_NOUNS:
            return True
        if not stems & _MEASURE_FILLERS:
            return False
        i -= 1
        t = _token(toks, i)
    return False


def _measured_after(toks: list[Token], i: int) -> bool:
    """What follows 'م' shows square or cubic metres or a race: 'م2', 'م²', 'م مربع', '100 م حرة'."""
    t, m = _token(toks, i), _token(toks, i - 1)
    if t is None or m is None:
        return False
    squared = LEXICON.guard_words["squared_after"]
    if t.kind in ("num", "lat"):
        return t.start == m.end and t.text in squared
    return bool(readings(t.text) & squared)


@rule("ar.block.measurement_before", C("number"), Guard(_measured_before, False, "measured"), T("م"),
      out="block", priority=1)
def measurement_before(_number, _metre):
    """'بمساحة 1600م', 'ارتفاع أكثر من 200 م', '200 * 200م', 'قفز لمسافة 4.95م': metres, not a year"""
    return "measurement"


@rule("ar.block.measurement_after", C("number"), T("م"), Guard(_measured_after, True, "squared"),
      out="block", priority=1)
def measurement_after(_number, _metre):
    """'84م2', '٤٠٠م٢', '٢٠٠٠ م2', '300 م مربع', 'سباق 100 م حرة': square metres or a race, not a year"""
    return "measurement"


@rule("ar.block.light_years", C("qty"), W("light_year_words"), out="block", priority=1)
def light_years(_qty, _light):
    """'1400 سنة ضوئية' is a distance, not a duration"""
    return "distance"


@rule("ar.block.light_years_away", K("after", "ago", "before", "within", "for_duration", "in"), C("qty"),
      W("light_year_words"), out="block", priority=1)
def light_years_away(_word, _qty, _light):
    """'على بعد 1400 سنة ضوئية' is a distance, not the year 3415"""
    return "distance"


@rule("ar.block.light_years_vague", K("after", "ago", "before"), C("unit"), W("light_year_words"), out="block",
      priority=1)
def light_years_vague(_word, _units, _light):
    """'على بعد سنوات ضوئية' is far away, not FUTURE_REF"""
    return "distance"


# -- amounts and their ranges ---------------------------------------------------------------------

_COUNTED = W("amount_units")


@rule("ar.block.amount_range", C("number"), T("-"), C("number"), _COUNTED, out="block", priority=1)
def amount_range(_low, _dash, _high, _unit):
    """'1130-1140 دولارا', '1500-2000 ريال': a price range, not years"""
    return "amount"


@rule("ar.block.amount_range_paren", T("("), C("number"), T("-", "/"), C("number"), T(")"), _COUNTED,
      out="block", priority=1)
def amount_range_paren(_open, _low, _dash, _high, _close, _unit):
    """'ما بين (1200 - 1900) ريال'"""
    return "amount"


@rule("ar.block.amount_between", K("between"), C("number"), K("and"), C("number"), _COUNTED, out="block",
      priority=1)
def amount_between(_between, _low, _and, _high, _unit):
    """'بين 1200 و1900 ريال'"""
    return "amount"


# -- names ----------------------------------------------------------------------------------------


@rule("ar.block.kunya", W("kunya_words"), C("unit"), out="block", priority=1)
def kunya(_father, _unit):
    """'أبو قرنين' (a place), 'ذي القرنين' (a name): not two centuries"""
    return "name"


@rule("ar.block.clitic_on_short_month", C("month", lambda it: it.value.ambiguous and it.prefix.lstrip("وف")
                                          and it.cend - it.cstart <= len(it.prefix) + 3), out="block", priority=1)
def clitic_on_short_month(_word):
    """'في باب «مسارات»' (ب + آب), 'لاب توب', 'بماي': a preposition glued to a short month name that
    is also a word makes that word (door, lap), not August or May"""
    return "word"


@rule("ar.block.named_after_ordinal_date", W("name_nouns"), C("day"), K("of"), C("gmonth"), out="block",
      priority=1)
def named_after_ordinal_date(_noun, _day, _of, _month):
    """'مدينة السادس من أكتوبر', 'بمدينة السادس من أكتوبر': a city"""
    return "name"


def _event_dates() -> frozenset[tuple[int, int]]:
    """(day, month) of the dates that name an event when written alone, from the lexicon: '11 سبتمبر'."""
    found: set[tuple[int, int]] = set()
    for form in LEXICON.guard_words["event_named_dates"]:
        day, month = normalize_word(form).split(" ", 1)
        found.update((int(day), lex.value) for lex in LEXICON.lookup((month,)) if lex.cls == "month")
    return frozenset(found)


_EVENT_DATES = _event_dates()


@rule("ar.block.event_named_by_date", K("after", "since", "before"), C("day"),
      C("gmonth", lambda it: it.value.cue is None), _no_year_follows(), out="block", priority=1)
def event_named_by_date(_word, day, month):
    """'بعد 11 سبتمبر', 'منذ 11 أيلول': the 2001 attacks, whose year the text leaves out (never last
    September); 'منذ 11 سبتمبر الماضي' and 'بعد 11 سبتمبر 2001' are longer dates and stay"""
    return "event" if (day.value, month.value.month) in _EVENT_DATES else None


# -- newspapers and channels -------------------------------------------------------------------------


@rule("ar.block.quoted_day_word", T('"'), C("relday"), T('"'), out="block", priority=1)
def quoted_day_word(_open, _day, _close):
    """'«اليوم» التقت', 'لـ «اليوم»', '"الغد"': a newspaper's name in quotes"""
    return "media"


@rule("ar.block.media_name_quoted", W("media_nouns"), T('"'), C("relday"), out="block", priority=1)
def media_name_quoted(_noun, _quote, _day):
    """'صحيفة "الغد"', 'قناة «الغد»'"""
    return "media"


@rule("ar.block.media_name_in_quotes", W("media_name_heads"), C("relday"), T('"'), out="block", priority=1)
def media_name_in_quotes(_head, _day, _close):
    """'«روسيا اليوم»', '"الإمارات اليوم"': a channel or a newspaper named with اليوم"""
    return "media"


# -- generic periods ---------------------------------------------------------------------------------


def _no_shift_follows() -> Guard:
    """No الماضي/المقبل/الحالي follows: 'عطلة نهاية الأسبوع الماضي' is a date, 'عطلة نهاية الأسبوع' any weekend."""

    def ok(toks: list[Token], i: int) -> bool:
        t = _token(toks, i)
        return t is None or not any(lex.cls == "shift" for stem in readings(t.text) for lex in LEXICON.lookup((stem,)))

    return Guard(ok, True, "no shift follows")


@rule("ar.block.generic_weekend", W("weekend_holiday_nouns"), C("part", lambda it: lexval(it) == "END"),
      C("period", lambda it: lexval(it) == "week"), _no_shift_follows(), out="block", priority=1)
def generic_weekend(_holiday, _end, _week):
    """'إجازة نهاية الأسبوع', 'عطلات نهاية الأسبوع': the weekend in general, not this week's end"""
    return "generic"


@rule("ar.block.generic_holiday", TV(is_yearless_month_or_holiday), K("of"), W("generic_class_nouns"),
      out="block", priority=1)
def generic_holiday(_holiday, _of, _class):
    """'عيد الفطر المبارك من المواسم التي تنتعش فيها المبيعات', 'رمضان من أهم الأشهر': every Eid,
    every Ramadan, not this year's"""
    return "generic"


@rule("ar.block.generic_holiday_one_of", TV(is_yearless_month_or_holiday), W("one_of_words"),
      W("generic_class_nouns"), out="block", priority=1)
def generic_holiday_one_of(_holiday, _one, _class):
    """'وتمثل أيام عيد الفطر إحدى أكثر فترات العام استقطاباً للزوار': one of the year's busiest
    times, every year, not this year's days"""
    return "generic"


@rule("ar.block.every_year_month", TV(is_yearless_month_or_holiday), K("of"), K("every"),
      C("unit", lambda it: lexval(it) == ("year", 1)), out="block", priority=1)
def every_year_month(_month, _of, _every, _year):
    """'في شهر رمضان من كل عام', 'في يوليو (تموز) من كل عام': every year, not this one"""
    return "habitual"


@rule("ar.block.month_yearly", TV(is_yearless_month_or_holiday), C("set", lambda it: lexval(it) == "P1Y"),
      out="block", priority=1)
def month_yearly(_month, _yearly):
    """'الثامن عشر من ديسمبر سنويا': every year"""
    return "habitual"


@rule("ar.block.distance", K("on_event"), K("after"), C("number"), T("م"), out="block", priority=1)
def distance(_on, _after, _number, _metre):
    """'على بعد 500 م من الحدود': 500 metres away, not after the year 500"""
    return "distance"


_HALF = T(normalize_word("نصف"))


@rule("ar.block.half_of_a_named_month", _HALF, C("hm"), out="block", priority=1)
def half_of_a_hijri_month(_half, _month):
    """'منذ نصف شهر رمضان', 'نصف رمضان': the middle of a named month, not half a month back from
    the day of writing (no date rather than 'half a month ago')"""
    return "not a duration"


@rule("ar.block.half_of_a_named_gregorian_month", _HALF, C("gmonth"), out="block", priority=1)
def half_of_a_gregorian_month(_half, _month):
    """'في نصف شهر أغسطس': the middle of a named month, not a duration of half a month"""
    return "not a duration"
