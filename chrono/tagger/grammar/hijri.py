"""Hijri months, years and dates, Ramadan by its epithets, and the Islamic holidays by name.

Values stay anchor-free: `TimeValue(calendar="hijri", hijri_year=…, hijri_month=…, hijri_day=…)`;
chrono/resolve/hijri.py converts them (Umm al-Qura) in the resolve stage. Dates written in both
calendars, numeric Hijri dates and year ranges are in chrono.tagger.grammar.dual; feast days and
days of a Hijri month in chrono.tagger.grammar.feasts.

Ambiguity (a false date is worse than a missing one): رمضان، رجب، شعبان are also first names
("محمد رمضان", "رجب طيب أردوغان"), صفر is "zero" ("فاز 2 صفر"), محرّم is "forbidden". Such a month
counts only with context: a day number, a year, هـ, the word شهر, a preposition (في، منذ، خلال)
or a modifier (الماضي، المقبل، الحالي).
"""
from __future__ import annotations

from typing import NamedTuple

from chrono.lexicon import LEXICON
from chrono.normalize import Token, proclitic_readings
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import TV, C, K, T, W, ctx, lexval, not_before_role, not_next, not_next_word, year_guard
from chrono.tagger.grammar.intersect import ADJACENT, intersection, joined, value_operand
from chrono.tagger.values import TimeValue

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule

CUE_OF_SHIFT = {-1: "past", 1: "future", 0: "this"}
# "رجب نفسه" is "Rajab himself", not "this Rajab": the 'this' shift words that are pronouns.
_PRONOUN_SHIFTS = ("هذا", "هذه", "ذاته", "نفسه", "نفسها")
_MUHARRAM = 1  # محرم is also the adjective محرّم "forbidden": it needs context like the names
_SAFAR = 2
FIRST_GREGORIAN_LOOKING_YEAR = 1800  # "رمضان 1443" is Hijri, "رمضان 2022" is Gregorian


class HMonth(NamedTuple):
    """A Hijri month as written; `needs_context` when the word alone may be a name or a word."""

    month: int
    needs_context: bool


class HYear(NamedTuple):
    """A year next to a Hijri month; `explicit` when written with هـ/هجري/للهجرة."""

    year: int
    explicit: bool

    @property
    def gregorian(self) -> bool:
        return not self.explicit and self.year >= FIRST_GREGORIAN_LOOKING_YEAR

    @property
    def standalone(self) -> bool:
        """A year that can stand without عام/سنة before it. Two digits cannot: Saudi papers write
        '36هـ' for 1436 ('مهرجان صيف عنيزة 33هـ', 'كأس 81-84 ه'), while 'عام 40 هـ' is the year 40."""
        return self.year >= 100


HOLIDAYS = LEXICON.holidays  # name → (Hijri month, day), checked by the lexicon loader
# the keyword roles of the holidays ("holiday_eid_al_fitr", …): one per name, for K(*HOLIDAY_ROLES)
HOLIDAY_ROLES = tuple(f"holiday_{name}" for name in sorted(HOLIDAYS))


def hijri(**fields) -> TimeValue:
    return TimeValue(calendar="hijri", **fields)


def _is_hijri_day(v: TimeValue) -> bool:
    """A Hijri day alone (no Gregorian half yet): '19 ربيع الثاني 1443 هـ'."""
    return (v.calendar == "hijri" and v.hijri_day is not None and v.day is None and v.holiday is None
            and v.mod is None and v.weekday is None)


def is_gregorian_day(v: TimeValue) -> bool:
    """A Gregorian day that may be one half of a dual date: '24 نوفمبر 2021', '24/11/2021'."""
    return (v.kind == "date" and v.calendar == "gregorian" and v.day is not None and v.month is not None
            and not v.rel_unit and v.mod is None and v.pod is None and v.hour is None)


def _is_yearless_hijri(v: TimeValue) -> bool:
    """Placed by the anchor, open to a modifier: 'عيد الأضحى', 'شهر رمضان', '10 محرم'."""
    return (v.calendar == "hijri" and v.hijri_year is None and v.year is None and v.day is None
            and v.hijri_month is not None and v.cue is None and v.mod is None and not v.rel_unit)


# -- months and years -------------------------------------------------------------------------


@rule("ar.hijri.month_word", C("hmonth"), out="hm")
def month_word(m):
    """'ربيع الثاني' → 4, 'ذي الحجة' → 12, 'رمضان' → 9 (needs context)"""
    month = lexval(m)
    return HMonth(month, m.value.ambiguous or month == _MUHARRAM)


@rule("ar.hijri.month_named", K("month_word"), C("hmonth"), out="hm")
def month_named(_shahr, m):
    """'شهر رمضان', 'بشهر صفر': the word شهر settles it"""
    return HMonth(lexval(m), False)


# 'هجري شمسي' is the Iranian solar calendar, not the lunar Hijri one: no Hijri year before شمسي
# not a Hijri year when the solar-year word follows: "1403 هـ شمسي" is the Iranian solar calendar
NOT_SOLAR_YEAR = not_before_role("solar_year")


@rule("ar.hijri.year_era", C("number", lambda it: 1 <= it.value <= 1600), K("hijri_era"), NOT_SOLAR_YEAR, out="hyr")
def year_era(n, _era):
    """'1443 هـ', '1436 هجرية', '1428 للهجرة' (not '1388 هجري شمسي', a solar year)"""
    return HYear(n.value, True)


@rule("ar.hijri.year_ordinal_era", C("ordinal"), K("hijri_era"), out="hyr")
def year_ordinal_era(n, _era):
    """'السنة الثالثة للهجرة' → the Hijri year 3 (with 'السنة' before it, like 'سنة 40 هـ')"""
    return HYear(lexval(n), True)


@rule("ar.hijri.year_ordinal_of_hijra", C("ordinal"), T("من"), T("الهجره", "الهجرة"), out="hyr")
def year_ordinal_of_hijra(n, _of, _hijra):
    """'في السنة الثالثة من الهجرة' → the Hijri year 3"""
    return HYear(lexval(n), True)


@rule("ar.hijri.year_paren_era", T("("), C("number", lambda it: 1 <= it.value <= 1600), T(")"),
      K("hijri_era"), NOT_SOLAR_YEAR, out="hyr")
def year_paren_era(_open, n, _close, _era):
    """'(1325) هجري' in 'عام (1325) هجري'"""
    return HYear(n.value, True)


@rule("ar.hijri.year_bare", C("year"), year_guard(), out="hyr")
def year_bare(y):
    """'1443' after a Hijri month: Hijri below 1800, Gregorian above ('رمضان 2022')"""
    return HYear(y.value, False)


@rule("ar.hijri.year", C("hyr", lambda it: it.value.explicit and it.value.standalone))
def year_alone(y):
    """'1436 هـ' → the Hijri year 1436 (2014-10-25 … 2015-10-13); not '36هـ' (see HYear.standalone)"""
    return hijri(hijri_year=y.value.year)


@rule("ar.hijri.year_intro", K("year_intro"), C("hyr", lambda it: it.value.explicit))
def year_intro(_word, y):
    """'عام 1436 هـ', 'عام (1325) هجري', 'سنة 1428 للهجرة'"""
    return hijri(hijri_year=y.value.year)


@rule("ar.hijri.year_named", K("year_intro"), K("hijri_adj"), C("number", lambda it: 1 <= it.value <= 1600))
def year_named(_word, _adj, n):
    """'العام الهجري 1443', 'السنة الهجرية 1444'"""
    return hijri(hijri_year=n.value)


@rule("ar.hijri.year_shift", K("year_intro"), K("hijri_adj"), not_next(*_PRONOUN_SHIFTS), C("shift"))
def year_shift(_word, _adj, shift):
    """'العام الهجري الماضي' → Hijri year −1 from the anchor's, 'السنة الهجرية الحالية' → 0"""
    return hijri(rel_unit="year", rel_offset=lexval(shift))


# -- a month or a day with its year ------------------------------------------------------------
# Every head below takes its year in three ways: 'رمضان 1443', 'رمضان عام 1443 هـ' / 'رمضان لعام
# 1443', 'رمضان من عام 1443 هـ'. The connecting words are context inside the expression.
_YEAR_TAILS = {
    "": (C("hyr", lambda it: it.value.standalone),),
    "_intro": (ctx(K("year_intro")), C("hyr")),
    "_of_year": (ctx(K("of")), ctx(K("year_intro")), C("hyr")),
    "_in_year": (ctx(K("in")), ctx(K("year_intro")), C("hyr")),
}


def _month_year(m: HMonth, y: HYear):
    """A Hijri month in a Hijri year, or in a Gregorian one ('رمضان 2022' → Ramadan 1443)."""
    if y.gregorian:
        return None if m.needs_context else hijri(hijri_month=m.month, year=y.year)
    return hijri(hijri_year=y.year, hijri_month=m.month)


def _day_month_year(day: int, m: HMonth, y: HYear):
    if not 1 <= day <= 30 or y.gregorian:
        return None
    return hijri(hijri_year=y.year, hijri_month=m.month, hijri_day=day)


def _holiday_year(name: str, y: HYear) -> TimeValue:
    """'عيد الفطر 1443' → 1 Shawwal 1443; 'عيد الأضحى 2021' → the one in 2021 (10 Dhu al-Hijja 1442)."""
    month, day = HOLIDAYS[name]
    if y.gregorian:
        return hijri(hijri_month=month, hijri_day=day, holiday=name, year=y.year)
    return hijri(hijri_year=y.year, hijri_month=month, hijri_day=day, holiday=name)


for _suffix, _tail in _YEAR_TAILS.items():

    @rule(f"ar.hijri.month_year{_suffix}", C("hm"), *_tail)
    def month_year(m, y):
        """'رمضان 1443', 'ربيع الأول 1443 هـ', 'شعبان من عام 1428 هـ', 'شهر رمضان 2022'"""
        return _month_year(m.value, y.value)

    @rule(f"ar.hijri.month_year_after_in{_suffix}", ctx(K("in", "since", "within")), C("hm"), *_tail)
    def month_year_after_in(m, y):
        """'في رمضان 2001', 'منذ رجب 2019': the preposition settles the name, so a Gregorian year
        attaches too (without this rule 'في رمضان' alone took the anchor's Ramadan)"""
        return _month_year(m.value._replace(needs_context=False), y.value)

    @rule(f"ar.hijri.day_month_year{_suffix}", C("day"), C("hm"), *_tail)
    def day_month_year(d, m, y):
        """'19 ربيع الثاني 1443 هـ' → 1443-04-19 (2021-11-24)"""
        return _day_month_year(d.value, m.value, y.value)

    @rule(f"ar.hijri.ordinal_of_month_year{_suffix}", C("day"), ctx(K("of")), C("hm"), *_tail)
    def ordinal_of_month_year(d, m, y):
        """'التاسع عشر من ربيع الثاني 1443 هـ'"""
        return _day_month_year(d.value, m.value, y.value)

    @rule(f"ar.hijri.first_of_month_year{_suffix}", K("first_day"), C("hm"), *_tail, priority=1)
    def first_of_month_year(_ghurra, m, y):
        """'غرة رمضان 1443' → 1443-09-01 (غرة is the first day, not the first third)"""
        return _day_month_year(1, m.value, y.value)

    @rule(f"ar.hijri.holiday_year{_suffix}", K(*HOLIDAY_ROLES), *_tail)
    def holiday_year(h, y):
        """'عيد الفطر 1443' → 2022-05-02, 'عيد الأضحى لعام 1442 هـ', 'عيد الأضحى 2021'"""
        return _holiday_year(lexval(h)[len("holiday_"):], y.value)


for _suffix, _tail in _YEAR_TAILS.items():

    @rule(f"ar.hijri.named_month_year{_suffix}",
          TV(lambda v: _is_yearless_hijri(v) and v.hijri_day is None and v.holiday is None, "Hijri month"), *_tail)
    def named_month_year(m, y):
        """'شهر رمضان المبارك لعام 1436', 'رمضان الكريم من عام 1435 هـ': the epithet between them"""
        return _month_year(HMonth(m.value.hijri_month, False), y.value)


@rule("ar.hijri.day_month_year_slashes", C("day"), T("/", "-"), C("hm"), T("/", "-"), C("hyr"))
def day_month_year_slashes(d, sep1, m, sep2, y):
    """'20 / شعبان / 1428 هجرية'"""
    if sep1.value != sep2.value:
        return None
    return _day_month_year(d.value, m.value, y.value)


# -- without a year: the anchor decides --------------------------------------------------------


@rule("ar.hijri.day_month", C("day"), C("hm"))
def day_month(d, m):
    """'19 ربيع الثاني', '27 رمضان' (the Hijri year comes from the anchor)"""
    if not 1 <= d.value <= 30 or (m.value.month == _SAFAR and m.value.needs_context):
        return None  # "فاز 2 صفر" is a score
    return hijri(hijri_month=m.value.month, hijri_day=d.value)


@rule("ar.hijri.ordinal_of_month", C("day"), ctx(K("of")), C("hm"))
def ordinal_of_month(d, m):
    """'العاشر من محرم', 'السابع والعشرين من رمضان'"""
    return day_month(d, m)


@rule("ar.hijri.first_of_month", K("first_day"), C("hm"), priority=1)
def first_of_month(_ghurra, m):
    """'غرة رمضان', 'غرة شهر شوال' → day 1 of the month"""
    return hijri(hijri_month=m.value.month, hijri_day=1)


@rule("ar.hijri.month_alone", C("hm", lambda it: not it.value.needs_context))
def month_alone(m):
    """'ربيع الأول', 'شوال', 'شهر رمضان' (a month whose name is nothing else)"""
    return hijri(hijri_month=m.value.month)


def known_or_nothing_next() -> Guard:
    """After 'في رجب' comes punctuation, a number or a known word ('في رمضان المبارك'), not a
    name: 'ثقة في رجب طيب أردوغان' is a person."""

    def ok(toks: list[Token], i: int) -> bool:
        if i >= len(toks) or toks[i].kind != "ar":
            return True
        return any(LEXICON.lookup((stem,)) for stem, _ in proclitic_readings(toks[i].text))

    return Guard(ok, True, "no name after the month")


@rule("ar.hijri.month_after_in", ctx(K("in", "since", "within")), C("hm"), known_or_nothing_next())
def month_after_in(m):
    """'في رمضان', 'منذ رجب', 'خلال شعبان': the preposition makes the name a month"""
    return hijri(hijri_month=m.value.month)


@rule("ar.hijri.month_blessed", C("hm"), K("holy_epithet"))
def month_blessed(m, _epithet):
    """'رمضان المبارك', 'رمضان الفضيل': the epithet makes the name a month"""
    return hijri(hijri_month=m.value.month)


@rule("ar.hijri.month_epithet", TV(lambda v: _is_yearless_hijri(v) and v.hijri_day is None), K("holy_epithet"))
def month_epithet(m, _epithet):
    """'شهر رمضان المبارك', 'في رمضان الفضيل'"""
    return m.value


# -- Ramadan by its epithets -----------------------------------------------------------------------
RAMADAN = 9
_MONTH_PERIOD = C("period", lambda it: lexval(it) == "month", "month word")
_THIS = C("shift", lambda it: lexval(it) == 0, "this")
# 'هذا الشهر المبارك شهر العيد': an apposition names another month (Shawwal), so the epithet does not
# make it Ramadan
_NO_MONTH_APPOSITION = not_before_role("month_word")


@rule("ar.hijri.holy_month", _MONTH_PERIOD, K("holy_epithet"), _NO_MONTH_APPOSITION)
def holy_month(_month, _epithet):
    """'الشهر الفضيل', 'خلال الشهر الكريم', 'للشهر الكريم', 'بالشهر المبارك': Ramadan, as news names it"""
    return hijri(hijri_month=RAMADAN)


@rule("ar.hijri.this_holy_month", _THIS, _MONTH_PERIOD, K("holy_epithet"), _NO_MONTH_APPOSITION)
def this_holy_month(_this, _month, _epithet):
    """'هذا الشهر الكريم', 'في هذا الشهر الفضيل': Ramadan, not the Gregorian month of the anchor"""
    return hijri(hijri_month=RAMADAN)


@rule("ar.hijri.fasting_month", K("month_word"), W("fasting_words"))
def fasting_month(_month, _fast):
    """'شهر الصوم', 'بشهر الصيام', 'حلول شهر الصيام': Ramadan"""
    return hijri(hijri_month=RAMADAN)


@rule("ar.hijri.month_shifted", C("hm"), not_next_word(*_PRONOUN_SHIFTS), C("shift"))
def month_shifted(m, shift):
    """'رمضان المقبل', 'شعبان الماضي', 'ذي الحجة الحالي'"""
    return hijri(hijri_month=m.value.month, cue=CUE_OF_SHIFT[lexval(shift)])


@rule("ar.hijri.shifted", TV(_is_yearless_hijri), not_next_word(*_PRONOUN_SHIFTS), C("shift"))
def shifted(v, shift):
    """'عيد الأضحى المقبل', 'شهر رمضان الماضي', 'عيد الفطر المبارك القادم'"""
    return v.value.with_(cue=CUE_OF_SHIFT[lexval(shift)])


# A month or a holiday and the year it falls in, told by a relative year: 'عيد الفطر المبارك لهذا العام',
# 'شهر رمضان هذا العام', 'عيد الأضحى العام الماضي' (the Hijri year of the anchor, or the one before)
_RELATIVE_YEAR = Elem("tv", lambda it: it.prefix.lstrip("وف") in ("", "ل") and it.value.rel_unit == "year"
                      and it.rule.startswith(("ar.relative.period_shift", "ar.relative.this_period",
                                              "ar.relative.year_then_written"))
                      and it.value.mod is None, False, "relative year")


@rule("ar.hijri.of_relative_year", TV(_is_yearless_hijri), _RELATIVE_YEAR)
def of_relative_year(v, year):
    """'عيد الفطر المبارك لهذا العام' → this Eid al-Fitr, 'رمضان العام الماضي' → last (Hijri) year's,
    'عيد الفطر هذا العام 1436' → the one of 1436 (the written year decides)"""
    y = year.value
    if y.hijri_year is not None:
        return v.value.with_(hijri_year=y.hijri_year)
    if y.year is not None:
        return v.value.with_(year=y.year)
    return v.value.with_(rel_unit="year", rel_offset=y.rel_offset)


@rule("ar.hijri.of_relative_year_from", TV(_is_yearless_hijri), K("of"), _RELATIVE_YEAR)
def of_relative_year_from(v, _of, year):
    """'شهر رمضان من العام الماضي' → last (Hijri) year's Ramadan, 'شوال من هذا العام' → this one:
    the month and its year, never the month on this year beside a year of its own"""
    return of_relative_year(v, year)


@rule("ar.hijri.holiday", K(*HOLIDAY_ROLES))
def holiday(h):
    """'عيد الفطر', 'يوم عرفة', 'عاشوراء', 'رأس السنة الهجرية', 'المولد النبوي الشريف'"""
    name = lexval(h)[len("holiday_"):]
    month, day = HOLIDAYS[name]
    return hijri(hijri_month=month, hijri_day=day, holiday=name)


# -- weekday and day word before a Hijri day ----------------------------------------------------


# A weekday and a Hijri day: 'الأربعاء 19 ربيع الثاني 1443 هـ' (a mismatch is flagged by resolve)
WEEKDAY = value_operand(lambda v: v.weekday is not None and v.day is None and not v.rel_unit and not v.cue
                        and v.calendar == "gregorian", "weekday", ("weekday",))
HIJRI_DAY = value_operand(_is_hijri_day, "Hijri day")
intersection(rule, "ar.hijri.weekday_date", WEEKDAY, ADJACENT, HIJRI_DAY, "'الأربعاء 19 ربيع الثاني 1443 هـ'")
intersection(rule, "ar.hijri.weekday_then_date", WEEKDAY, joined(T(",", "-")), HIJRI_DAY,
             "'الأربعاء، 19 ربيع الثاني 1443 هـ', 'الأربعاء - 19 ربيع الثاني 1443 هـ'")
# A weekday, with or without its modifier, and the Hijri day in brackets: the date places it
WEEKDAY_NAMED = value_operand(lambda v: v.weekday is not None and v.day is None and v.hijri_day is None
                              and not v.rel_unit and v.calendar == "gregorian", "weekday", ("weekday",))
intersection(rule, "ar.hijri.weekday_paren_date", WEEKDAY_NAMED, joined(T("("), close=T(")")), HIJRI_DAY,
             "'مساء الأحد المقبل (10 شوال)', 'الخميس (28 شوال)'")


@rule("ar.hijri.day_word_date", K("day_intro"), TV(_is_hijri_day))
def day_word_date(_yawm, d):
    """'يوم 10 محرم 1446 هـ'"""
    return d.value
