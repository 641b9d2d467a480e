"""Hijri dates, dual (Gregorian + Hijri) dates and Islamic holidays.

Values stay anchor-free: `TimeValue(calendar="hijri", hijri_year=…, hijri_month=…, hijri_day=…)`;
chrono/resolve/hijri.py converts them (Umm al-Qura) in the resolve stage.

Ambiguity (a false date is worse than a missing one): رمضان، رجب، شعبان are also first names
("محمد رمضان", "رجب طيب أردوغان"), صفر is "zero" ("فاز 2 صفر"), محرّم is "forbidden". Such a month
counts only with context: a day number, a year, هـ, the word شهر, a preposition (في، منذ، خلال)
or a modifier (الماضي، المقبل، الحالي).
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from chrono.lexicon import LEXICON
from chrono.normalize import Token, proclitic_readings
from chrono.tagger.engine import Elem, Guard, RuleBook
from chrono.tagger.grammar.base import (
    DIGITS,
    TV,
    C,
    K,
    T,
    W,
    ctx,
    lexval,
    no_number_joined,
    not_before_role,
    not_next,
    not_next_word,
    role_words,
    year_guard,
)
from chrono.tagger.grammar.intersect import ADJACENT, Join, intersection, joined, value_operand
from chrono.tagger.grammar.numbers import HIJRI_NUMERIC_YEARS, NumericDate
from chrono.tagger.values import TimeValue, make_range

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
_HOLIDAY_ROLES = tuple(f"holiday_{name}" for name in sorted(HOLIDAYS))


def hijri(**fields) -> TimeValue:
    return TimeValue(calendar="hijri", **fields)


def _is_hijri_day(v: TimeValue) -> bool:
    """A Hijri day alone (no Gregorian half yet): '19 ربيع الثاني 1443 هـ'."""
    return (v.calendar == "hijri" and v.hijri_day is not None and v.day is None and v.holiday is None
            and v.mod is None and v.weekday is None)


def _is_gregorian_day(v: TimeValue) -> bool:
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
_NOT_SOLAR = not_before_role("solar_year")


@rule("ar.hijri.year_era", C("number", lambda it: 1 <= it.value <= 1600), K("hijri_era"), _NOT_SOLAR, out="hyr")
def year_era(n, _era):
    """'1443 هـ', '1436 هجرية', '1428 للهجرة' (not '1388 هجري شمسي', a solar year)"""
    return HYear(n.value, True)


@rule("ar.hijri.year_paren_era", T("("), C("number", lambda it: 1 <= it.value <= 1600), T(")"),
      K("hijri_era"), _NOT_SOLAR, out="hyr")
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

    @rule(f"ar.hijri.holiday_year{_suffix}", K(*_HOLIDAY_ROLES), *_tail)
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


def _known_or_nothing_next() -> Guard:
    """After 'في رجب' comes punctuation, a number or a known word ('في رمضان المبارك'), not a
    name: 'ثقة في رجب طيب أردوغان' is a person."""

    def ok(toks: list[Token], i: int) -> bool:
        if i >= len(toks) or toks[i].kind != "ar":
            return True
        return any(LEXICON.lookup((stem,)) for stem, _ in proclitic_readings(toks[i].text))

    return Guard(ok, True, "no name after the month")


@rule("ar.hijri.month_after_in", ctx(K("in", "since", "within")), C("hm"), _known_or_nothing_next())
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


@rule("ar.hijri.holiday", K(*_HOLIDAY_ROLES))
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


# -- dual dates: one day written in both calendars --------------------------------------------


@rule("ar.dual.gregorian_with_era", TV(lambda v: _is_gregorian_day(v) and v.year is not None),
      K("era_ad"))
def gregorian_with_era(g, _era):
    """'24 نوفمبر 2021 م' (so that the Gregorian half of a dual date keeps its م)"""
    return g.value


# The two halves of a dual date, in either order, and how they are joined (rules as data): name →
# (join, an Arabic example in each order). The Gregorian half brings its day, month, year and
# weekday; the Hijri half its own.
GREGORIAN_DAY = value_operand(_is_gregorian_day, "Gregorian day", ("year", "month", "day", "weekday"))
_DUAL_JOINS = {
    "agreeing": (joined(K("agreeing")),
                 "24 نوفمبر 2021 م الموافق 19 ربيع الثاني 1443 هـ",
                 "19 ربيع الثاني 1443 هـ الموافق 24 نوفمبر 2021 م"),
    "comma_agreeing": (joined(T(","), K("agreeing")),
                       "الأربعاء 24 نوفمبر 2021، الموافق 19 ربيع الثاني 1443 هـ",
                       "19 ربيع الثاني 1443 هـ، الموافق 24 نوفمبر 2021 م"),
    "sep": (joined(T("-", "/", "|")),
            "24 نوفمبر 2021 م - 19 ربيع الثاني 1443 هـ (datelines)",
            "19 ربيع الثاني 1443 هـ - 24 نوفمبر 2021 مـ (the dateline form)"),
    "paren": (joined(T("("), close=T(")")),
              "24 نوفمبر 2021 (19 ربيع الثاني 1443 هـ)",
              "19 ربيع الثاني 1443 هـ (24 نوفمبر 2021)"),
}
for _join, (_joined, _example_g, _example_h) in _DUAL_JOINS.items():
    intersection(rule, f"ar.dual.gregorian_{_join}_hijri", GREGORIAN_DAY, _joined, HIJRI_DAY, f"'{_example_g}'")
    intersection(rule, f"ar.dual.hijri_{_join}_gregorian", HIJRI_DAY, _joined, GREGORIAN_DAY, f"'{_example_h}'")


# -- numeric Hijri dates ------------------------------------------------------------------------


def _numeric_hijri(n: NumericDate) -> Optional[TimeValue]:
    """The Hijri day a numeric date names, day first ('29-8-1436' → 29 Sha'ban), month first when
    only that reading is possible ('8/29/1436'); `either_order` when both are ('10/4/1436')."""
    reading = n if n.month <= 12 else n.month_first
    if reading is None or not 1 <= reading.day <= 30:
        return None
    return hijri(hijri_year=n.year, hijri_month=reading.month, hijri_day=reading.day,
                 either_order=not n.year_first and n.either_order)


@rule("ar.hijri.numeric_date_era", C("ndate", lambda it: it.value.year <= 1500), K("hijri_era"), _NOT_SOLAR)
def numeric_date_era(n, _era):
    """'29-8-1436هـ', '21 / 10 / 1436 هـ', '1436/10/30 هـ', '10/4 / 1436هـ' → Hijri days"""
    return _numeric_hijri(n.value)


@rule("ar.hijri.numeric_date", C("ndate", lambda it: it.value.year in HIJRI_NUMERIC_YEARS))
def numeric_date(n):
    """'يوم الجمعة 9/9/1436', 'وتاريخ 27/8/1412': a numeric date of 1300–1500 is Hijri even
    without هـ (see numbers.HIJRI_NUMERIC_YEARS)"""
    return _numeric_hijri(n.value)


@rule("ar.hijri.numeric_month_year", DIGITS(1, 2, 1, 12), no_number_joined(after=False), T("/", "-"),
      C("hyr", lambda it: it.value.explicit and it.value.year >= 1000))
def numeric_month_year(m, _sep, y):
    """'9/1436هـ' → Ramadan 1436"""
    return hijri(hijri_year=y.value.year, hijri_month=int(m.value))


# -- Hijri year ranges and years written in both calendars ---------------------------------------


def _later_year(first: int, written: int) -> Optional[int]:
    """The second year of a range, written in full or by its last two digits ('1436/37')."""
    if written < 100 <= first:
        written += first - first % 100
        if written <= first:
            written += 100
    return written if first < written <= first + 100 else None


def _hijri_years(first: int, last: Optional[int]) -> Optional[TimeValue]:
    if last is None:
        return None
    return make_range(hijri(hijri_year=first), hijri(hijri_year=last))


_EXPLICIT_HYR = C("hyr", lambda it: it.value.explicit and it.value.standalone)


@rule("ar.hijri.year_range", C("number", lambda it: 100 <= it.value <= 1500), no_number_joined(after=False),
      T("-", "/"), C("hyr", lambda it: it.value.explicit))
def year_range(a, _sep, b):
    """'1417 - 1419هـ', '1436/1437هـ', '(1437ـ1441هـ)', '1436/37هـ': one هـ marks both years"""
    return _hijri_years(a.value, _later_year(a.value, b.value.year))


@rule("ar.hijri.year_range_marked", _EXPLICIT_HYR, T("-", "/"), _EXPLICIT_HYR)
def year_range_marked(a, _sep, b):
    """'1435هـ ـ 1436هـ' (a season), '1434 هـ - 1435 هـ'"""
    return _hijri_years(a.value.year, _later_year(a.value.year, b.value.year))


@rule("ar.hijri.year_pair_in_context", ctx(W("hijri_year_pair_context")),
      C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS), T("-", "/"),
      C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS), year_guard(), priority=1)
def year_pair_in_context(a, _sep, b):
    """'العام الدراسي 1436-1437', 'العام المالي 1434/1435': a school or fiscal year of two
    consecutive years 1300–1500 is Hijri without هـ"""
    return _hijri_years(a.value, b.value) if b.value == a.value + 1 else None


def _is_hijri_year_range(v: TimeValue) -> bool:
    return v.kind == "range" and v.start().calendar == "hijri" and v.start().hijri_month is None


@rule("ar.hijri.year_range_intro", K("year_intro"),
      Elem("tv", lambda it: _is_hijri_year_range(it.value) and it.rule != "ar.hijri.year_pair_in_context", False,
           "Hijri year range"))
def year_range_intro(_word, r):
    """'عام 1417 - 1419هـ', 'للعام 1435/ 1436 هـ' (عام belongs to the expression, as in 'عام 1436 هـ')"""
    return r.value


def _years_overlap(hijri_year: int, gregorian_year: int) -> bool:
    """A Hijri year lies over one or two Gregorian years, about 0.97 of a year each since the
    Hijra (1436 → 2014/2015). Writers converting in their head are often a year off ('1385 1964'
    for 1385 = 1965/66), so a year either side is accepted; resolve checks the days and flags it."""
    middle = hijri_year * 0.970229 + 621.5643
    return middle - 2 <= gregorian_year <= middle + 2


def _dual_year(hijri_year: int, gregorian_year: int) -> Optional[TimeValue]:
    return hijri(hijri_year=hijri_year, year=gregorian_year) if _years_overlap(hijri_year, gregorian_year) else None


@rule("ar.dual.hijri_year_dash_gregorian_year", C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS),
      T("-", "/"), C("year", lambda it: it.value >= FIRST_GREGORIAN_LOOKING_YEAR), year_guard(), priority=1)
def hijri_year_dash_gregorian_year(h, _sep, g):
    """'عام 1382-1962': one year written in both calendars, not a range of six centuries"""
    return _dual_year(h.value, g.value)


@rule("ar.dual.hijri_year_then_gregorian_year", C("year", lambda it: it.value in HIJRI_NUMERIC_YEARS),
      C("year", lambda it: it.value >= FIRST_GREGORIAN_LOOKING_YEAR), year_guard(), priority=1)
def hijri_year_then_gregorian_year(h, g):
    """'من عام 1385 1964 إلى عام 1396 1975م': the Hijri year, then the same year in Gregorian"""
    return _dual_year(h.value, g.value)


@rule("ar.dual.year_intro_dual_year", K("year_intro"),
      TV(lambda v: v.calendar == "hijri" and v.year is not None and v.hijri_year is not None
         and v.hijri_month is None and v.month is None, "dual year"))
def year_intro_dual_year(_word, y):
    """'عام 1382-1962' (عام belongs to the expression, as in 'عام 2014')"""
    return y.value


@rule("ar.dual.dual_year_era", TV(lambda v: v.calendar == "hijri" and v.year is not None and v.hijri_year is not None
                                    and v.hijri_month is None and v.month is None, "dual year"), K("era_ad"))
def dual_year_era(y, _era):
    """'1396 1975م': the Gregorian year's era mark belongs to the expression"""
    return y.value


def _is_hijri_year(v: TimeValue) -> bool:
    return (v.kind == "date" and v.calendar == "hijri" and v.hijri_year is not None and v.hijri_month is None
            and v.year is None and v.mod is None and v.season is None)


def _is_gregorian_year(v: TimeValue) -> bool:
    return (v.kind == "date" and v.calendar == "gregorian" and v.year is not None and v.month is None
            and v.mod is None and not v.rel_unit and v.season is None and v.quarter is None and v.half is None
            and not v.bc)


_YEAR_JOINS = {
    "agreeing": joined(K("agreeing")),
    "comma_agreeing": joined(T(","), K("agreeing")),
    "paren": joined(T("("), close=T(")")),
    "sep": joined(T("-", "/")),
}


def _dual_year_rule(name: str, join: Join) -> None:
    pattern = (TV(_is_hijri_year, "Hijri year"), *join.between, TV(_is_gregorian_year, "Gregorian year"))

    def both(h, g):
        return _dual_year(h.value.hijri_year, g.value.year)

    def both_then_close(h, g, _close):
        return both(h, g)

    production = both_then_close if join.close else both
    production.__doc__ = "'العام 1391 هـ الموافق 1971م', '1436هـ (2015م)', 'عام 1433هـ الموافق لعام 2012م'"
    rule(name, *pattern, *((join.close,) if join.close else ()))(production)


for _join_name, _year_join in _YEAR_JOINS.items():
    _dual_year_rule(f"ar.dual.hijri_year_{_join_name}_gregorian_year", _year_join)


# -- a weekday, then the date it is ---------------------------------------------------------------


def _is_weekday_day(v: TimeValue) -> bool:
    """'يوم الأحد', 'الخميس المقبل', 'اليوم الاثنين', 'مساء أمس الاثنين', 'الساعة 5:30 مساء هذا اليوم
    الاثنين': a day named by its weekday, relative or not, with no calendar date yet"""
    return (v.kind in ("date", "time") and bool(v.weekday) and v.day is None and v.month is None and v.year is None
            and v.hijri_day is None and (v.rel_unit is None or v.rel_unit == "day") and v.mod is None)


def _is_calendar_day(v: TimeValue) -> bool:
    """'10/10/1436هـ', '٨ ذي القعدة', '26 يوليو', '24 نوفمبر 2021': a day of a month, no weekday yet"""
    return (v.kind == "date" and v.weekday is None and not v.rel_unit and v.mod is None and v.hour is None
            and v.pod is None and ((v.day is not None and v.month is not None)
                                   or (v.hijri_day is not None and v.hijri_month is not None)))


def _weekday_agreeing(w: TimeValue, d: TimeValue) -> TimeValue:
    """The written date, with the weekday (and the time of day) of the words before it. The
    weekday's own modifier or relative day ('الأحد المقبل', 'أمس الاثنين') gives way to the date:
    a crawl date or a stale page would misplace it, the written date does not."""
    changes: dict[str, int | str | None] = {"weekday": w.weekday}  # TimeValue fields to set on the date
    for name in ("pod", "hour", "minute"):
        if getattr(w, name) is not None:
            changes[name] = getattr(w, name)
    if w.hour is not None:
        changes["kind"] = "time"
    return d.with_(**changes)


for _join_name, _weekday_join in {"agreeing": joined(K("agreeing")),
                                  "comma_agreeing": joined(T(","), K("agreeing"))}.items():

    @rule(f"ar.dual.weekday_{_join_name}_date", TV(_is_weekday_day, "weekday"), *_weekday_join.between,
          TV(_is_calendar_day, "day of a month"), priority=1)
    def weekday_agreeing_date(w, d):
        """'يوم الأحد الموافق 10 / 10 / 1436هـ', 'الجمعة الموافق 18/8/1436', 'يوم الاثنين الماضي
        والموافق 26 رمضان', 'مساء أمس الاثنين الموافق 10/4/ 1436هـ': one day, named twice (a
        relative day gives way to the written date)"""
        return _weekday_agreeing(w.value, d.value)


# -- days of a feast or of a month, parts of a Hijri month ----------------------------------------

_FEASTS = {"holiday_eid_al_fitr": "eid_al_fitr", "holiday_eid_al_adha": "eid_al_adha",
           "feast_fitr_short": "eid_al_fitr", "feast_adha_short": "eid_al_adha", "feast_generic": None}
# the longest feast: Eid al-Adha and the days of Tashreeq (4); Eid al-Fitr is three (the lexicon's days)
_FEAST_DAYS = max(LEXICON.holiday_days.values())
_DAYS = C("unit", lambda it: lexval(it) == ("day", None), "أيام")
_ONE_DAY = C("unit", lambda it: lexval(it) == ("day", 1), "يوم")
_END_PART = C("part", lambda it: lexval(it) == "END", "آخر")


def _feast(role: str, n: int) -> Optional[TimeValue]:
    """The n-th day of a feast: 'ثاني أيام عيد الفطر' → 2 Shawwal; 'ثاني أيام العيد' → the second
    day of the Eid the anchor points to (resolve)."""
    if not 1 <= n <= _FEAST_DAYS:
        return None
    name = _FEASTS[role]
    if name is None:
        return hijri(holiday="eid", feast_day=n)
    month, day = HOLIDAYS[name]
    return hijri(hijri_month=month, hijri_day=day + n - 1, holiday=name)


def _feast_word(with_l: bool = False) -> Elem:
    """'عيد الفطر', 'عيد الأضحى', 'العيد', 'الفطر' (after أيام only); `with_l`: written 'للعيد'."""
    roles = frozenset(_FEASTS)
    return Elem("kw", lambda it: it.value.value in roles and (not with_l or it.prefix.endswith("ل")), False,
                "feast", None, roles)


@rule("ar.hijri.nth_day_of_feast", C("ordinal"), _DAYS, _feast_word())
def nth_day_of_feast(n, _days, f):
    """'ثاني أيام عيد الفطر' → 1436-10-02, 'أول أيام عيد الأضحى' → 10 Dhu al-Hijja, 'ثالث أيام العيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.day_n_of_feast", K("day_intro"), C("ordinal"), K("of"), _feast_word())
def day_n_of_feast(_yawm, n, _of, f):
    """'اليوم الثاني من عيد الفطر', 'اليوم الأول من العيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.day_n_for_feast", K("day_intro"), C("ordinal"), _feast_word(with_l=True))
def day_n_for_feast(_yawm, n, f):
    """'اليوم الثالث لعيد الأضحى', 'اليوم الثاني للعيد'"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.nth_one_day_of_feast", C("ordinal"), _ONE_DAY, _feast_word())
def nth_one_day_of_feast(n, _day, f):
    """'أول يوم عيد الفطر', 'ثاني يوم العيد' → 1 Shawwal, the second day of the Eid"""
    return _feast(lexval(f), lexval(n))


@rule("ar.hijri.nth_one_day_in_feast", C("ordinal"), _ONE_DAY, K("of", "in"), _feast_word())
def nth_one_day_in_feast(n, _day, _in, f):
    """'أول يوم من عيد الأضحى', 'ثاني يوم في العيد'"""
    return _feast(lexval(f), lexval(n))


_FEAST_DAY_RULES = ("ar.hijri.nth_day_of_feast", "ar.hijri.day_n_of_feast", "ar.hijri.day_n_for_feast",
                    "ar.hijri.nth_one_day_of_feast", "ar.hijri.nth_one_day_in_feast")


@rule("ar.hijri.feast_day_epithet", Elem("tv", lambda it: it.rule in _FEAST_DAY_RULES, False, "day of a feast"),
      K("holy_epithet"))
def feast_day_epithet(f, _epithet):
    """'ثاني أيام الفطر المبارك', 'أول أيام العيد المبارك'"""
    return f.value


# -- the days of a feast, and the Eid the text does not name ----------------------------------------
# 'أيام عيد الفطر' are 1–3 Shawwal, 'أيام العيد' the days of the Eid the anchor points to (resolve picks it
# and its length); 'يوم العيد', 'صلاة العيد', 'قبل العيد' its first day. Bare 'العيد' elsewhere is left
# alone: 'العيد فرصة للتسامح' is every Eid.
LAST_FEAST_DAY = -1  # feast_day of the last day of an Eid the text does not name (its length: resolve)


def _feast_days(role: str, first: int = 1, last: Optional[int] = None) -> Optional[TimeValue]:
    """Days `first`…`last` of a feast (all of them when `last` is None): 'أيام عيد الفطر' → 1–3 Shawwal,
    'الأربعة الأيام الأولى من عيد الفطر' → 1–4 Shawwal, 'أيام العيد' → the unnamed Eid's days."""
    name = _FEASTS[role]
    if name is None:
        return make_range(hijri(holiday="eid", feast_day=first), hijri(holiday="eid", feast_day=last or LAST_FEAST_DAY))
    month, day = HOLIDAYS[name]
    last = last or LEXICON.holiday_days[name]
    if not first <= last or day + last - 1 > 29:
        return None
    return make_range(hijri(hijri_month=month, hijri_day=day + first - 1, holiday=name),
                      hijri(hijri_month=month, hijri_day=day + last - 1))


def _feast_ends_here() -> Guard:
    """What follows 'العيد' names no other feast: not 'العيد الوطني', 'عيد الميلاد', 'العيد الخمسين',
    'العيد 85'; an epithet ('المبارك'), a modifier ('الماضي') or 'الأولى' may follow."""
    allowed = role_words("feast_epithet") | role_words("holy_epithet") | role_words("first_ordinal")

    def ok(toks: list[Token], i: int) -> bool:
        if i >= len(toks):
            return True
        t = toks[i]
        if t.kind == "num":
            return False
        if t.kind != "ar" or not t.text.startswith("ال") or t.text in allowed:
            return True
        return any(lex.cls == "shift" for lex in LEXICON.lookup((t.text,)))

    return Guard(ok, True, "no other feast named")


_FEAST_PERIOD = W("feast_period_nouns")


@rule("ar.hijri.feast_days", _FEAST_PERIOD, _feast_word(), _feast_ends_here())
def feast_days(_days, f):
    """'أيام عيد الفطر' → 1–3 Shawwal (2015-07-17/2015-07-19), 'فترة عيد الأضحى' → 10–13 Dhu al-Hijja,
    'أيام العيد' → the days of the Eid the anchor points to"""
    return _feast_days(lexval(f))


_FEAST_DAYS_RULE = Elem("tv", lambda it: it.rule == "ar.hijri.feast_days", False, "days of a feast")


@rule("ar.hijri.feast_days_epithet", _FEAST_DAYS_RULE, K("holy_epithet", "feast_epithet"))
def feast_days_epithet(f, _epithet):
    """'أيام العيد السعيد', 'خلال أيام عيد الأضحى المبارك' (the epithet is part of it)"""
    return f.value


_THE_FEAST_DAYS = Elem("tv", lambda it: it.rule in ("ar.hijri.feast_days", "ar.hijri.feast_days_epithet")
                       and it.value.mod is None, False, "the days of a feast")


@rule("ar.hijri.day_n_of_feast_days", K("day_intro"), C("ordinal"), K("of"), _THE_FEAST_DAYS)
def day_n_of_feast_days(_yawm, n, _of, days):
    """'اليوم الثاني من أيام عيد الفطر المبارك' → 2 Shawwal, 'اليوم الأول من أيام العيد'"""
    first, nth = days.value.start(), lexval(n)
    if not 1 <= nth <= _FEAST_DAYS:
        return None
    if first.feast_day is not None:
        return first.with_(feast_day=nth)
    return first.with_(hijri_day=first.hijri_day + nth - 1)


@rule("ar.hijri.feast_first_days", _FEAST_DAYS_RULE, K("first_ordinal"))
def feast_first_days(f, _first):
    """'أيام العيد الأولى' → the Eid's days, START (its first days)"""
    return f.value.with_(mod="START")


@rule("ar.hijri.first_days_of_feast", _DAYS, K("first_ordinal"), K("of"), _feast_word(), _feast_ends_here())
def first_days_of_feast(_days, _first, _of, f):
    """'الأيام الأولى من عيد الفطر', 'الأيام الأولى من العيد' → the feast's days, START"""
    days = _feast_days(lexval(f))
    return days.with_(mod="START") if days else None


@rule("ar.hijri.first_days_for_feast", _DAYS, K("first_ordinal"), _feast_word(with_l=True), _feast_ends_here())
def first_days_for_feast(_days, _first, f):
    """'الأيام الأولى لعيد الأضحى' → the feast's days, START"""
    return first_days_of_feast(_days, _first, None, f)


_FIRST_N_DAYS = Elem("tv", lambda it: it.rule.startswith(("ar.duration.first_", "ar.duration.qty_ordinal",
                                                          "ar.duration.al_qty_ordinal"))
                     and it.value.unit == "day" and it.value.amount >= 2, False, "the first n days")


@rule("ar.hijri.first_n_days_of_feast", _FIRST_N_DAYS, K("of"), _feast_word(), _feast_ends_here())
def first_n_days_of_feast(n, _of, f):
    """'الأربعة الأيام الأولى من عيد الفطر' → 1–4 Shawwal, 'الأيام الثلاثة الأولى من العيد'"""
    return _feast_days(lexval(f), 1, int(n.value.amount))


@rule("ar.hijri.eid_day", W("feast_day_heads"), C("kw", lambda it: it.value.value == "feast_generic"),
      _feast_ends_here())
def eid_day(_day, _eid):
    """'يوم العيد' → the first day of the Eid the anchor points to"""
    return hijri(holiday="eid", feast_day=1)


@rule("ar.hijri.named_feast_day", W("feast_day_heads"), K(*_HOLIDAY_ROLES))
def named_feast_day(_day, h):
    """'يوم عيد الفطر', 'يوم عرفة' is the holiday itself (يوم belongs to the expression)"""
    return holiday(h)


@rule("ar.hijri.eid_in_context", ctx(W("feast_context_words")),
      C("kw", lambda it: it.value.value == "feast_generic" and not it.prefix), _feast_ends_here())
def eid_in_context(_eid):
    """'صلاة العيد', 'قبل العيد', 'إجازة العيد', 'بمناسبة العيد' → the first day of the Eid the anchor
    points to (the word before is context, as 'في' is)"""
    return hijri(holiday="eid", feast_day=1)


@rule("ar.hijri.eid_part_of_day", C("pod", lambda it: lexval(it) in ("MO", "EV")),
      C("kw", lambda it: it.value.value == "feast_generic"), _feast_ends_here())
def eid_part_of_day(pod, _eid):
    """'صباح العيد' → the Eid's first day, morning; 'مساء العيد' → evening"""
    return hijri(holiday="eid", feast_day=1, pod=lexval(pod))


@rule("ar.hijri.this_eid", C("shift", lambda it: lexval(it) == 0),
      C("kw", lambda it: it.value.value == "feast_generic"), _feast_ends_here())
def this_eid(_this, _eid):
    """'هذا العيد', 'بهذا العيد' → the Eid under way or just past"""
    return hijri(holiday="eid", feast_day=1, cue="this")


@rule("ar.hijri.eid_epithet", C("kw", lambda it: it.value.value == "feast_generic"),
      K("feast_epithet", "holy_epithet"))
def eid_epithet(_eid, _epithet):
    """'العيد السعيد', 'العيد المبارك' → the first day of the Eid the anchor points to"""
    return hijri(holiday="eid", feast_day=1)


# The Eid named by 'العيد' alone dates something only when its clause's tense places it ('أدى المصلون
# صلاة العيد', 'ستتواصل الفعاليات طوال أيام العيد'); in a clause with no tense ('أيام العيد فرصة
# للتزاور', 'من أشهر الأكلات أيام العيد') it is every Eid, and the tagger leaves it out.
_BARE_EID_RULES = frozenset({"ar.hijri.eid_day", "ar.hijri.eid_in_context", "ar.hijri.eid_epithet",
                             "ar.hijri.eid_then_epithet", "ar.hijri.eid_part_of_day"})
_FEAST_PERIOD_RULES = frozenset({"ar.hijri.feast_days", "ar.hijri.feast_days_epithet", "ar.hijri.feast_first_days",
                                 "ar.hijri.first_days_of_feast", "ar.hijri.first_days_for_feast",
                                 "ar.hijri.first_n_days_of_feast"})


def dated_by_tense_only(item) -> bool:
    """'العيد' alone, or the days of that Eid ('يوم العيد', 'صلاة العيد', 'أيام العيد'): an expression
    that dates nothing unless its clause's tense places it."""
    if item.value.start().cue:  # 'هذا العيد السعيد' is this Eid whatever the tense
        return False
    if item.rule in _BARE_EID_RULES:
        return True
    return item.rule in _FEAST_PERIOD_RULES and item.value.start().holiday == "eid"


_EID = Elem("tv", lambda it: it.value.holiday == "eid" and it.value.feast_day == 1 and it.value.kind == "date"
            and it.rule in ("ar.hijri.eid_day", "ar.hijri.this_eid", "ar.hijri.eid_epithet",
                            "ar.hijri.eid_in_context"), False, "the Eid")


@rule("ar.hijri.eid_then_epithet", _EID, K("feast_epithet", "holy_epithet"))
def eid_then_epithet(e, _epithet):
    """'يوم العيد السعيد', 'هذا العيد المبارك'"""
    return e.value


def _is_hijri_month(v: TimeValue) -> bool:
    """'شهر رمضان', 'رمضان المبارك', 'رمضان 1436', 'رمضان الماضي': a Hijri month, not a day"""
    return (v.kind == "date" and v.calendar == "hijri" and v.hijri_month is not None and v.hijri_day is None
            and v.day is None and v.mod is None and v.holiday is None and v.season is None)


@rule("ar.hijri.month_in_context", C("hm"), out="hmv")
def month_in_context(m):
    """'رمضان' after 'أيام', 'العشر الأواخر من', 'اليوم الأخير من': the words before it settle the name"""
    return hijri(hijri_month=m.value.month)


@rule("ar.hijri.month_value_in_context", TV(_is_hijri_month, "Hijri month"), out="hmv")
def month_value_in_context(m):
    """'شهر رمضان المبارك', 'رمضان 1436', 'رمضان الماضي' in the same places"""
    return m.value


@rule("ar.hijri.nth_day_of_month", C("ordinal", lambda it: lexval(it) <= 10), _DAYS, C("hmv"))
def nth_day_of_month(n, _days, m):
    """'أول أيام رمضان' → 1 Ramadan, 'ثالث أيام شهر رمضان المبارك' → 3 Ramadan"""
    return m.value.with_(hijri_day=lexval(n))


@rule("ar.hijri.first_n_days_of_month", _FIRST_N_DAYS, K("of"), C("hmv"))
def first_n_days_of_month(n, _of, m):
    """'الأيام العشرة الأولى من رمضان' is 'العشر الأوائل'; 'الأيام الثلاثة الأولى من شوال' → 1–3 Shawwal"""
    days = int(n.value.amount)
    if days > 29:
        return None
    return make_range(m.value.with_(hijri_day=1), m.value.with_(hijri_day=days))


# A last day is hijri_day=-1: resolve gives it its month's length (29 or 30).
LAST_DAY = -1


@rule("ar.hijri.last_days_of_month", _END_PART, _DAYS, C("hmv"))
def last_days_of_month(_last, _days, m):
    """'آخر أيام رمضان' → the last day of Ramadan"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.last_day_of_month", K("day_intro"), K("last_ordinal"), K("of", "in"), C("hmv"))
def last_day_of_month(_yawm, _last, _of, m):
    """'اليوم الأخير من شهر رمضان' → the last day of Ramadan (a day, not the month)"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.last_one_day_of_month", _END_PART, _ONE_DAY, K("of", "in"), C("hmv"))
def last_one_day_of_month(_last, _day, _of, m):
    """'آخر يوم من رمضان', 'آخر يوم في شهر شعبان'"""
    return m.value.with_(hijri_day=LAST_DAY)


@rule("ar.hijri.day_n_of_month", K("day_intro"), C("ordinal", lambda it: lexval(it) <= 10), K("of"), C("hmv"))
def day_n_of_month(_yawm, n, _of, m):
    """'اليوم الأول من رمضان', 'اليوم العاشر من شهر ذي الحجة'"""
    return m.value.with_(hijri_day=lexval(n))


@rule("ar.hijri.ten_days", K("last_ten_days", "first_ten_days"), K("of"), C("hmv"))
def ten_days(which, _of, m):
    """'العشر الأواخر من رمضان' → 21 Ramadan … its last day, 'العشر الأوائل من ذي الحجة' → 1 … 10"""
    first, last = (21, LAST_DAY) if which.value.value == "last_ten_days" else (1, 10)
    return make_range(m.value.with_(hijri_day=first), m.value.with_(hijri_day=last))


@rule("ar.hijri.part_of_month", C("part"), C("hm"), _known_or_nothing_next())
def part_of_month(part, m):
    """'أواخر رمضان' → Ramadan END, 'مطلع شعبان' → START: the part word makes the name a month"""
    return hijri(hijri_month=m.value.month, mod=lexval(part))


# -- a season of a Hijri year ---------------------------------------------------------------------


@rule("ar.hijri.season_year", C("season"), _EXPLICIT_HYR)
def season_year(s, y):
    """'صيف 1436 هـ' → the summer inside the Hijri year 1436 (2015-SU)"""
    return hijri(hijri_year=y.value.year, season=lexval(s))


@rule("ar.hijri.season_of_year", C("season"), TV(_is_hijri_year, "Hijri year"))
def season_of_year(s, y):
    """'لصيف عام ١٤٣٦ هـ'"""
    return y.value.with_(season=lexval(s))
