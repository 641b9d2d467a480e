"""Human date text shared by the terminal table and TimelineJS `display_date`.

"2020" with mod END → "نهاية 2020"; "2021-11-23TNI" → "2021-11-23 ليلاً"; "202" → "2020s".
"""
from __future__ import annotations

from chrono.models import Entry

_MOD_WORDS = {
    "START": "بداية", "MID": "منتصف", "END": "نهاية", "APPROX": "نحو", "BEFORE": "قبل",
    "AFTER": "بعد", "ON_OR_BEFORE": "حتى", "ON_OR_AFTER": "منذ",
}
_PART_OF_DAY = {"MO": "صباحاً", "AF": "ظهراً", "EV": "مساءً", "NI": "ليلاً"}


def value_text(value: str, granularity: str | None) -> str:
    """The value at its granularity, readable: parts of day in Arabic, decades and centuries."""
    if "/" in value:
        first, _, last = value.partition("/")
        return f"{value_text(first, granularity)} – {value_text(last, granularity)}"
    if "T" in value:
        day, _, time = value.partition("T")
        return f"{day} {_PART_OF_DAY.get(time, time)}"
    if granularity == "decade" and len(value) == 3 and value.isdigit():
        return f"{value}0s"
    if granularity == "century" and len(value) == 2 and value.isdigit():
        return f"{int(value) + 1}th c."
    return value


def display_date(entry: Entry) -> str:
    """Date as a person reads it, with its modifier: "نهاية 2020"."""
    text = value_text(entry.value, entry.granularity)
    word = _MOD_WORDS.get(entry.mod or "")
    return f"{word} {text}" if word else text


def is_partial_or_approximate(entry: Entry) -> bool:
    """Whether the numbers alone would mislead: a modifier, a part of day, a coarse period."""
    return bool(entry.mod) or "T" in entry.value or entry.granularity in (
        "century", "decade", "half", "quarter", "week", "part_of_day")
