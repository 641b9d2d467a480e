"""The Arabic grammar: importing this package registers every rule with chrono.tag.engine.GRAMMAR.

Modules by construction: numbers (parts), dates (calendar dates, weekdays), relative (anchor-
relative dates, parts of periods, decades), times (parts of day, clock), durations (durations
and sets), ranges (intervals), hijri (Hijri dates and Islamic holidays).
"""
from chrono.tag.grammar import numbers, quantities, dates, relative, times, durations, ranges, blocks, hijri  # noqa: F401
