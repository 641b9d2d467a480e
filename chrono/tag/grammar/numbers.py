"""Numbers, days of the month and years: the parts dates are made of (never dates themselves)."""
from __future__ import annotations

from chrono.tag.engine import RuleBook
from chrono.tag.grammar.base import DIGITS, C, K, lexval, not_describing_a_plural

RULES = RuleBook()  # this module's rules, in order: chrono.tag.grammar.build_grammar adds them
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


@rule("ar.year.digits", DIGITS(4, 4, 1000, 2200), out="year")
def year_digits(d):
    """'2021' → 2021 (a year only where a rule gives it a year's context)"""
    return int(d.value)


@rule("ar.year.words", C("numword", lambda it: 1000 <= it.value <= 2200), out="year")
def year_words(w):
    """'ألفين وعشرين' → 2020"""
    return w.value
