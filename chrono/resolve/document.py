"""Resolution across one document: what a single expression cannot know alone.

A month named alone is placed by its clause's tense, else nearest the anchor ("في فبراير",
written in July 2015 → February 2015). When the same document places that month elsewhere by a
day or a cue ("لانتخاب رئيس جديد في 26 فبراير المقبل" → 2016), both tell one story and the month
alone is that one ("حين أصل لنهاية مسيرتي في فبراير" → February 2016), unless its own clause
tells its tense ("بدأ الإصلاح في فبراير" stays the February before).
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from chrono.models import Timex
from chrono.tagger.values import canonical_fields

__all__ = ["months_of_one_story"]

ONE_STORY_FLAG = "year: the month's year as the same document places it elsewhere"
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)$")


def _fields(timex: Timex) -> dict[str, str]:
    """The tagger's canonical fields of a date: "date month=2 cue=future" → {month: 2, cue: future}."""
    return canonical_fields(timex.underspecified) if (timex.underspecified or "").startswith("date ") else {}


def _placed_years(timexes: list[Timex]) -> dict[str, set[int]]:
    """For each month, the years the document gives it by a day or a cue, no year written
    ("26 فبراير المقبل", "نوفمبر الماضي"): those are placed from the anchor like a bare month."""
    years: dict[str, set[int]] = {}
    for t in timexes:
        f = _fields(t)
        gregorian = f.get("calendar", "gregorian") == "gregorian"
        if "month" in f and "year" not in f and ("day" in f or "cue" in f) and gregorian and t.start_date is not None:
            years.setdefault(f["month"], set()).add(t.start_date.year)
    return years


def months_of_one_story(timexes: list[Timex], tensed: list[bool]) -> list[Timex]:
    """The document's timexes, a month named alone moved to the one year the document gives that
    month elsewhere, when that year is next to its own (see the module docstring). `tensed[i]`:
    the clause of timexes[i] tells its tense ("بدأ في فبراير"), which placed it and stays."""
    placed = _placed_years(timexes)
    out = []
    for t, decided in zip(timexes, tensed, strict=True):
        f = _fields(t)
        match = _MONTH_VALUE.match(t.value or "")
        years = placed.get(f.get("month", ""), set())
        if set(f) == {"month"} and not decided and t.type == "DATE" and match and len(years) == 1:
            year = next(iter(years))
            if abs(year - int(match.group(1))) == 1:
                month = int(match.group(2))
                t = t.model_copy(update={
                    "value": f"{year}-{month:02d}", "start_date": date(year, month, 1),
                    "end_date": date(year, month, calendar.monthrange(year, month)[1]),
                    "flags": [*t.flags, ONE_STORY_FLAG]})
        out.append(t)
    return out
