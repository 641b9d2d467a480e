"""What the chronology keeps of a dated expression: its place in the text, its value and the
interval it covers, and the few facts the merge asks of it, read once ("أمس" told relative to
publication, "عيد الفطر" a feast day, "من 23 إلى 25 نوفمبر" a range, "مساء" the evening).

A tagger's Timex carries more (its rule, its canonical reading, its Hijri value, its flags);
an archive of 30,000 articles has a hundred thousand dated mentions waiting for the merge, so
each keeps only this.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple, Optional

from chrono.attach.days import is_holiday, relative_day
from chrono.models import Timex


class Dated(NamedTuple):
    """A placeable timex as the merge reads it (the same field names as `Timex`)."""

    id: str
    start: int  # offsets into the original text
    end: int
    text: str
    value: str
    type: str
    granularity: Optional[str]
    mod: Optional[str]
    start_date: date
    end_date: date
    in_quote: bool = False
    relative: bool = False  # a day or period told from publication: "أمس", "الأسبوع الماضي"
    holiday: bool = False  # told by a feast's name: "عيد الفطر"
    is_range: bool = False  # an explicit range: "من 23 إلى 25 نوفمبر"
    hour: Optional[int] = None  # the time of day it names, if any: 13 for "الساعة 13:30"
    minute: Optional[int] = None
    part_of_day: Optional[str] = None  # "EV" for "مساء الثلاثاء"


def dated(timex: Timex) -> Dated:
    """The merge's view of a placeable timex (one with a calendar interval)."""
    if timex.start_date is None or timex.end_date is None:
        raise ValueError(f"timex {timex.id} «{timex.text}» has no calendar interval")
    typed = timex.typed_value
    return Dated(
        id=timex.id, start=timex.start, end=timex.end, text=timex.text, value=timex.value, type=timex.type,
        granularity=timex.granularity, mod=timex.mod, start_date=timex.start_date, end_date=timex.end_date,
        in_quote=timex.in_quote, relative=relative_day(timex), holiday=is_holiday(timex), is_range=typed.is_range,
        hour=typed.start.hour, minute=typed.start.minute, part_of_day=typed.start.part_of_day,
    )
