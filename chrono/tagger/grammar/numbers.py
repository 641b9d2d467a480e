"""Numbers, days of the month and years: the parts dates are made of (never dates themselves)."""
from __future__ import annotations

from typing import NamedTuple

from chrono.tagger.engine import RuleBook
from chrono.tagger.grammar.base import (
    DIGITS,
    C,
    K,
    T,
    lexval,
    no_number_joined,
    not_describing_a_plural,
    not_hijri_range_start,
)

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule

# -- cardinals -----------------------------------------------------------------------------


@rule("ar.number.digits", DIGITS(1, 9), out="number")
def number_digits(d):
    """'24' → 24"""
    return int(d.value)


@rule("ar.number.word", C("cardinal"), out="numword")
def number_word(w):
    """'ثلاثة' → 3, 'عشرين' → 20"""
    return lexval(w)


@rule("ar.number.joined_words", C("numword"), C("cardinal", lambda it: it.prefix.startswith("و")), out="numword")
def number_joined(head, tail):
    """'واحد وعشرين' → 21, 'ألفين وعشرين' → 2020, 'ألف وتسعمائة وثلاثة وتسعين' → 1993.

    Arabic puts units before tens (ثلاثة وتسعين), otherwise each part is smaller than the last.
    """
    a, b = head.value, lexval(tail)
    if b in range(20, 100, 10) and 1 <= a % 100 <= 9:
        return a + b
    if b >= _magnitude(a):
        return None
    return a + b


@rule("ar.number.teen", C("cardinal", lambda it: lexval(it) <= 9), K("teen"), out="numword")
def number_teen(unit, _ten):
    """'ثلاثة عشر' → 13 (when written as two lexicon words)"""
    return 10 + lexval(unit)


@rule("ar.number.from_words", C("numword"), out="number")
def number_from_words(w):
    """number words are numbers: 'ثلاثة' → 3"""
    return w.value


def _magnitude(n: int) -> int:
    """The place value of a number's last written part: 2000 → 1000, 20 → 10, 900 → 100."""
    for m in (1000, 100, 10):
        if n % m == 0:
            return m
    return 1


# -- days of the month ----------------------------------------------------------------------


@rule("ar.day.digits", DIGITS(1, 2, 1, 31), out="day")
def day_digits(d):
    """'24' (in '24 نوفمبر') → 24"""
    return int(d.value)


@rule("ar.day.ordinal", C("ordinal"), not_describing_a_plural(), out="day")
def day_ordinal(o):
    """'العاشر' → 10, 'الأول' → 1"""
    return lexval(o)


@rule("ar.day.ordinal_teen", C("ordinal", lambda it: lexval(it) <= 9), not_describing_a_plural(), K("teen"), out="day")
def day_ordinal_teen(o, _ten):
    """'الحادي عشر' → 11, 'الخامس عشر' → 15"""
    return 10 + lexval(o)


@rule("ar.day.ordinal_compound", C("ordinal", lambda it: lexval(it) <= 9), not_describing_a_plural(),
      C("ordinal", lambda it: lexval(it) in (20, 30) and it.prefix.startswith("و")), out="day")
def day_ordinal_compound(unit, tens):
    """'الحادي والعشرين' → 21, 'الحادي والثلاثين' → 31"""
    n = lexval(unit) + lexval(tens)
    return n if n <= 31 else None


# -- years ----------------------------------------------------------------------------------


@rule("ar.year.digits", DIGITS(4, 4, 1000, 2200), not_hijri_range_start(), out="year")
def year_digits(d):
    """'2021' → 2021 (a year only where a rule gives it a year's context; never before هـ:
    '1435 هـ' and '1435/ 1436هـ' are Hijri years, built by the Hijri rules)"""
    return int(d.value)


# -- numeric dates (day, month and year in digits) ----------------------------------------------


class NumericDate(NamedTuple):
    """A numeric date as written, read day first: '24/11/2021' → (24, 11, 2021), '2021-11-24' → the
    same. Which calendar it is in (and whether '4/22/1948' is month first) the date rules decide."""

    day: int
    month: int
    year: int
    year_first: bool = False

    @property
    def month_first(self) -> NumericDate | None:
        """The other reading when only it is possible: '4 / 22 / 1948' is April 22."""
        return self._replace(day=self.month, month=self.day) if self.month > 12 and self.day <= 12 else None

    @property
    def either_order(self) -> bool:
        """'10/4/1436' may be 10 Rabi' II or (written month first) 4 Shawwal: both are months."""
        return self.day <= 12 and self.month <= 12 and self.day != self.month


_SEPARATORS = ("/", "-", ".")
# Numeric dates whose year is 1300–1500 are Hijri ('29-8-1436', '1436/10/30'): Saudi and Gulf
# papers write Hijri dates this way, with or without هـ, and nobody writes a 14th- or 15th-century
# Gregorian day in digits. The Hijri rules read them (chrono.tagger.grammar.dual), the Gregorian
# ones leave them (chrono.tagger.grammar.dates).
HIJRI_NUMERIC_YEARS = range(1300, 1501)


@rule("ar.numeric.day_month_year", DIGITS(1, 2, 1, 31), no_number_joined(after=False), T(*_SEPARATORS),
      DIGITS(1, 2, 1, 31), T(*_SEPARATORS), DIGITS(4, 4, 1000, 2200), no_number_joined(), out="ndate")
def numeric_day_month_year(d, sep1, m, sep2, y):
    """'24/11/2021', '21 / 10 / 1436', '29-8-1436', '24.11.2021' (the same separator twice)"""
    return NumericDate(int(d.value), int(m.value), int(y.value)) if sep1.value == sep2.value else None


@rule("ar.numeric.year_month_day", DIGITS(4, 4, 1000, 2200), no_number_joined(after=False), T(*_SEPARATORS),
      DIGITS(1, 2, 1, 31), T(*_SEPARATORS), DIGITS(1, 2, 1, 31), no_number_joined(), out="ndate")
def numeric_year_month_day(y, sep1, m, sep2, d):
    """'2021-11-24', '1436/10/30'"""
    return NumericDate(int(d.value), int(m.value), int(y.value), True) if sep1.value == sep2.value else None


@rule("ar.year.words", C("numword", lambda it: 1000 <= it.value <= 2200), out="year")
def year_words(w):
    """'ألفين وعشرين' → 2020"""
    return w.value
