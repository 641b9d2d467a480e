"""One rule for every construction that writes one time as two compatible parts: a weekday and a
date ('الأربعاء 24 نوفمبر'), a day and a weekday ('اليوم الأربعاء'), a part of day and a day
('مساء اليوم'), a decade and a century ('ثمانينيات القرن الماضي'), a Gregorian and a Hijri date
('24 نوفمبر 2021 الموافق 19 ربيع الثاني 1443 هـ'), a month and a year ('ديسمبر من عام 2020').

The two parts stand side by side or are joined by a separator, a connecting word or brackets
(`Join`); their values are intersected (chrono.tagger.values.intersect): the fields each part brings
(`Operand`: a weekday brings its weekday, a part of day its pod, a date all its fields), and no
match when they contradict each other. Each construction keeps its own rule name, the name the
output shows, and its place in its module (rule order breaks ties):

    intersection(rule, "ar.date.weekday_date", WEEKDAY, ADJACENT, DAY_OF_MONTH,
                 "'الأربعاء 24 نوفمبر 2021'")
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Optional

from chrono.tagger.engine import Elem, Item
from chrono.tagger.grammar.base import TV, C, ctx, lexval
from chrono.tagger.values import TimeValue, intersect


class Operand(NamedTuple):
    """One part: the pattern element that finds it, and the value it brings to the intersection."""

    elem: Elem
    value: Callable[[Item], TimeValue]


def _whole_value(it: Item) -> TimeValue:
    return it.value


def value_operand(pred: Callable[[TimeValue], bool], label: str, fields: Optional[tuple[str, ...]] = None) -> Operand:
    """A value another rule built, filtered by `pred`. It brings all its fields (the part the other
    one is added to: '24 نوفمبر' of 'الأربعاء 24 نوفمبر'), or only `fields`, what it is about:
    ("weekday",) of 'الأربعاء', whatever modifier it carries ('الأربعاء الماضي')."""
    if fields is None:
        return Operand(TV(pred, label), _whole_value)

    def part(it: Item) -> TimeValue:
        v = it.value
        return TimeValue(**{f: getattr(v, f) for f in fields})

    return Operand(TV(pred, label), part)


def word_operand(cls: str, field: str, pred: Optional[Callable[[Item], bool]] = None) -> Operand:
    """A lexicon word (or a class of built words) that stands for one field: word_operand("pod",
    "pod") for 'مساء' → pod=EV."""
    return Operand(C(cls, pred), lambda it: TimeValue(**{field: lexval(it)}))


class Join(NamedTuple):
    """What stands between the two parts (context, not part of either value), and what closes the
    second one (a bracket, inside the expression)."""

    between: tuple = ()
    close: Optional[Elem] = None


ADJACENT = Join()


def joined(*elems: Elem, close: Optional[Elem] = None) -> Join:
    """The parts with `elems` between them: joined(T(",", "-")) for 'الأربعاء، 24 نوفمبر',
    joined(K("of")) for 'الثمانينيات من القرن الماضي', joined(T("("), close=T(")")) for
    'الثلاثاء (23 نوفمبر)'."""
    return Join(tuple(ctx(e) for e in elems), close)


def intersection(rule, name: str, first: Operand, join: Join, second: Operand, example: str) -> None:
    """Record the rule `name`: `first`, the join, `second`, their values intersected. `rule` is the
    module's RuleBook.rule; `example` the Arabic text it reads (the rule's docstring)."""
    pattern = (first.elem, *join.between, second.elem) + ((join.close,) if join.close else ())
    first_value, second_value = first.value, second.value

    def both(a: Item, b: Item) -> Optional[TimeValue]:
        return intersect(first_value(a), second_value(b))

    def both_then_close(a: Item, b: Item, _close: Item) -> Optional[TimeValue]:
        return both(a, b)

    production = both_then_close if join.close else both
    production.__doc__ = example
    rule(name, *pattern)(production)
