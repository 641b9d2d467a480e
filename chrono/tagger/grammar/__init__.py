"""The Arabic grammar: the rule books of the modules below, built into a Grammar by build_grammar.

Modules by construction: numbers (parts), quantities (amounts of time), dates (calendar dates,
weekdays), relative (anchor-relative days and periods), periods (parts of periods, quarters,
decades, centuries), vague (vague references, seasons), times (parts of day, clock), durations
(durations and sets), ranges (intervals), blocks (look-alikes that are not dates), hijri (Hijri
dates and Islamic holidays), dual (dates in both calendars, numeric Hijri dates, Hijri year
ranges), feasts (days of a feast or of a Hijri month). Their order is the rules' order, which
breaks ties between equal candidates.

    >>> grammar = build_grammar("ar")
    >>> grammar.rank["ar.weekday.bare"] < grammar.rank["ar.hijri.holiday"]
    True
"""
from __future__ import annotations

from chrono.lexicon import load_lexicon
from chrono.tagger.engine import Grammar
from chrono.tagger.grammar import (
    blocks,
    dates,
    dual,
    durations,
    feasts,
    hijri,
    numbers,
    periods,
    quantities,
    ranges,
    relative,
    times,
    vague,
)

MODULES = {"ar": (numbers, quantities, dates, relative, periods, vague, times, durations, ranges, blocks, hijri, dual,
                  feasts)}


def build_grammar(language: str = "ar") -> Grammar:
    """A new Grammar holding every rule of `language` ("ar"), in module order, over its lexicon.
    Load-time checks run here (duplicate names, arities, unknown keyword roles, …)."""
    if language not in MODULES:
        raise ValueError(f"no grammar for language {language!r}; known: {sorted(MODULES)}")
    grammar = Grammar(load_lexicon())
    for module in MODULES[language]:
        module.RULES.add_to(grammar)
    return grammar
