"""Quantities of time: 'ثلاثة أيام', 'عامين', 'نحو عام', 'نصف ساعة' → Qty(unit, amount).

A quantity is never an expression by itself; durations (لمدة ثلاثة أيام), offsets (قبل ثلاثة أيام)
and sets (كل ثلاثة أشهر) are built on it.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from chrono.lexicon import LEXICON
from chrono.normalize import Token, normalize_word, proclitic_readings
from chrono.tagger.engine import Guard, RuleBook
from chrono.tagger.grammar.base import C, K, T, lexval, not_next, year_guard

RULES = RuleBook()  # this module's rules, in order: chrono.tagger.grammar.build_grammar adds them
rule = RULES.rule


class Qty(NamedTuple):
    unit: str  # year, month, week, day, hour, minute, decade, century
    amount: float
    approx: bool = False
    bare: bool = False  # a lone singular noun: 'عام' — a quantity only after قبل/بعد/لمدة


def agree(n: int, unit_item) -> Optional[tuple[str, float]]:
    """Arabic number agreement: 3–10 take the plural ('ثلاثة أيام'), 11+ the singular accusative
    ('15 يوماً'), a dual needs no number ('يومين')."""
    name, number = lexval(unit_item)
    if number == 2:
        return None
    if number == 1 and 3 <= n <= 10:
        return None
    return name, float(n)


@rule("ar.qty.number_unit", C("number", lambda it: 1 <= it.value <= 10000),
      C("unit", lambda it: not it.prefix.startswith("و")), out="qty")
def number_unit(n, unit):
    """'ثلاثة أيام' → (day, 3), '15 يوماً' → (day, 15), '5 سنوات' → (year, 5); not a unit joined by و
    ('2005 وعام 2006' lists years)"""
    q = agree(n.value, unit)
    return Qty(*q) if q else None


@rule("ar.qty.dual", C("unit", lambda it: lexval(it)[1] == 2), out="qty")
def dual(unit):
    """'عامين' → (year, 2), 'ساعتين' → (hour, 2)"""
    return Qty(lexval(unit)[0], 2.0)


# Words with the article that may follow a bare unit without governing it: 'من يوم الى آخر',
# 'منذ عام الآن'
_NOT_GOVERNED = frozenset(normalize_word(w) for w in ("إلى", "الى", "إلا", "الا", "الذي", "التي", "الآن", "اليوم"))
_ARTICLE = normalize_word("ال")
_EVERY = normalize_word("كل")


def not_in_construct() -> Guard:
    """A bare singular unit is not the first noun of a construct: an indefinite noun takes no
    adjective with the article, so a word with the article right after it is what it governs:
    'بعد عقد القران' (after the marriage contract), 'منذ عقد السبعينات' (since the seventies),
    'مدة عقد اللاعب' (the player's contract), 'منذ يوم التأسيس' (since the founding day) name no
    quantity of time ('قبل عام من الانتخابات', 'منذ عام', 'يزوره كل عام الكثير' keep theirs)."""

    def ok(toks: list[Token], i: int) -> bool:
        word = toks[i].text if 0 <= i < len(toks) else ""
        if not (word.startswith(_ARTICLE) and len(word) > 3 and word not in _NOT_GOVERNED):
            return True
        # 'كل' governs the unit itself: in 'يزوره كل عام الكثير' the next noun is the subject
        return i >= 2 and _EVERY in {stem for stem, _ in proclitic_readings(toks[i - 2].text)}

    return Guard(ok, True, "not a construct")


@rule("ar.qty.single", C("unit", lambda it: lexval(it)[1] == 1), not_in_construct(), out="qty")
def single(unit):
    """'عام' in 'قبل عام' → (year, 1), bare (not 'عقد' of 'بعد عقد القران': not_in_construct)"""
    return Qty(lexval(unit)[0], 1.0, bare=True)


@rule("ar.qty.unit_one", C("unit", lambda it: lexval(it)[1] in (1, None)), K("one", "whole"), out="qty")
def unit_one(unit, _one):
    """'عام واحد', 'يوماً واحداً', 'أسبوعاً كاملاً' → one unit"""
    return Qty(lexval(unit)[0], 1.0)


@rule("ar.qty.half", K("half_word"), C("unit", lambda it: lexval(it)[1] == 1), out="qty")
def half(_half, unit):
    """'نصف ساعة' → (hour, 0.5), 'نصف قرن' → (century, 0.5)"""
    return Qty(lexval(unit)[0], 0.5)


@rule("ar.qty.approx", K("approx"), C("qty", lambda it: not it.value.approx), out="qty")
def approx(_about, q):
    """'نحو عامين', 'حوالي ثلاثة أشهر', 'قرابة عام'"""
    return q.value._replace(approx=True, bare=False)


_SHIFT_WORDS = {normalize_word(w) for key, forms in LEXICON.data.shift_modifiers.items() if not key.startswith("_")
                for w in forms}
SEVERAL = -1.0  # an unknown count: 'بضعة أيام' → PXD


@rule("ar.qty.several", K("several"), C("unit", lambda it: lexval(it)[1] is None), out="qty")
def several(_few, unit):
    """'بضعة أيام', 'عدة أشهر', 'بضع ساعات' → an unknown number of units (PXD)"""
    return Qty(lexval(unit)[0], SEVERAL)


@rule("ar.qty.and_half", C("unit", lambda it: lexval(it)[1] == 1),
      C("kw", lambda it: it.value.value == "half_word" and it.prefix.startswith("و")), out="qty")
def and_half(unit, _half):
    """'ساعة ونصف' → (hour, 1.5), 'عام ونصف' → (year, 1.5)"""
    return Qty(lexval(unit)[0], 1.5)


@rule("ar.qty.and_half_more", C("qty", lambda it: not it.value.bare and not it.value.approx and it.value.amount >= 2
                                and float(it.value.amount).is_integer()),
      C("kw", lambda it: it.value.value == "half_word" and it.prefix.startswith("و")), year_guard(), out="qty")
def and_half_more(q, _half):
    """'سنتين ونصف' → (year, 2.5), 'ثلاث ساعات ونصف' → (hour, 3.5) (not 'عامين ونصف مليون')"""
    return q.value._replace(amount=q.value.amount + 0.5)


# the unit named again after a half: 'ونصف العام', 'ونصف الساعة'
_THE_UNIT = {normalize_word(word): unit for unit, words in (
    ("year", ("العام", "السنة")), ("month", ("الشهر",)), ("week", ("الأسبوع",)), ("day", ("اليوم",)),
    ("hour", ("الساعة",)), ("minute", ("الدقيقة",))) for word in words}


@rule("ar.qty.and_half_of_the_unit", C("qty", lambda it: not it.value.approx and it.value.amount % 1 == 0.5),
      T(*_THE_UNIT), not_next(*sorted(_SHIFT_WORDS)), out="qty")
def and_half_of_the_unit(q, unit):
    """'خمسة أعوام ونصف العام', 'أربع ساعات ونصف الساعة': the unit named again after the half is part
    of it (not 'عامين ونصف العام الماضي')"""
    return q.value if _THE_UNIT[unit.value] == q.value.unit else None
