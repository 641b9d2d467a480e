"""`--format timelinejs`: TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Each entry is an event with `start_date` holding only what is known (`year` always; `month` and
`day` at month/day granularity), `end_date` for ranges, `text {headline, text}`, a `group`
(the first source by default, or the year with `group_by="year"`) and `display_date`, the date
as an Arabic reader writes it ("أواخر 2020", "مساء 24 نوفمبر 2021", "التسعينيات (1990–1999)"),
whatever language the page that embeds the timeline is set to.
"""
from __future__ import annotations

import json
from html import escape

from chrono.export.display import arabic_date
from chrono.models import Entry, TimelineOutput

_DAY_PRECISE = ("day", "part_of_day", "hour", "minute", "week")


def _date_parts(value: str, granularity: str | None, fallback) -> dict:
    """{"year", "month"?, "day"?, "hour"?, "minute"?} from a TIMEX3 value ("2021-11-24T18:30")."""
    day_part, _, time_part = value.partition("T")
    pieces = day_part.split("-")
    parts: dict = {}
    if pieces and pieces[0].isdigit() and len(pieces[0]) == 4:
        parts["year"] = int(pieces[0])
    else:
        parts["year"] = fallback.year  # decades, centuries, weeks: the interval's first year
    if len(pieces) >= 2 and pieces[1].isdigit():
        parts["month"] = int(pieces[1])
    if len(pieces) >= 3 and pieces[2].isdigit():
        parts["day"] = int(pieces[2])
    if granularity in _DAY_PRECISE and "day" not in parts and fallback is not None:
        parts.update(month=fallback.month, day=fallback.day)
    if ":" in time_part:
        hour, _, minute = time_part.partition(":")
        if hour.isdigit() and minute[:2].isdigit():
            parts.update(hour=int(hour), minute=int(minute[:2]))
    return parts


def _text(entry: Entry, names: dict[str, str]) -> str:
    items = "".join(
        f"<p>{escape(m.sentence)} <small>({escape(names.get(m.doc, m.doc))})</small></p>" for m in entry.mentions
    )
    conflicts = "".join(f"<p>⚠ {escape(c.reason)}</p>" for c in entry.conflicts)
    return items + conflicts


def event(entry: Entry, group_by: str = "source", papers: dict[str, str] | None = None,
          names: dict[str, str] | None = None) -> dict:
    """One TimelineJS event for one entry; `papers` and `names` (document id → paper, → paper and
    title: `TimelineOutput.papers()`, `.names()`) name the group and each mention's source."""
    papers, names = papers or {}, names or {}
    typed = entry.typed_value
    if typed.is_range:
        start = _date_parts(typed.start.text, entry.granularity, entry.start_date)
        end = _date_parts(typed.end.text, entry.granularity, entry.end_date)
    else:
        start = _date_parts(entry.value, entry.granularity, entry.start_date)
        end = None
        if entry.granularity in ("decade", "century"):
            end = {"year": entry.days[1].year}
    result: dict = {"start_date": start}
    if end is not None:
        result["end_date"] = end
    result["text"] = {"headline": escape(entry.label), "text": _text(entry, names)}
    paper = papers.get(entry.sources[0], entry.sources[0]) if entry.sources else None
    result["group"] = paper if group_by == "source" and paper else str(start["year"])
    result["unique_id"] = entry.id
    result["display_date"] = arabic_date(entry)
    return result


def render(timeline: TimelineOutput, group_by: str = "source") -> str:
    """The TimelineJS3 document as JSON text."""
    papers, names = timeline.papers(), timeline.names()
    events = [event(entry, group_by, papers, names) for entry in timeline.entries if entry.start_date is not None]
    return json.dumps({"events": events}, ensure_ascii=False, indent=2) + "\n"
