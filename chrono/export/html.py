"""A self-contained, right-to-left HTML page for a chronology (issue 5).

`render(timeline)` returns ONE document a journalist can open offline or attach to an email:
inline CSS and JavaScript from `assets/`, the filter index embedded as JSON, Arabic dates
formatted here in Python (so they are tested without a browser), no request off the machine
(a Content-Security-Policy with hashes of the inline style and script forbids any).

Entries are drawn server-side, grouped by year and month; the script only toggles details,
jumps between conflicting entries and filters by source and period.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Iterable, Optional
from urllib.parse import quote

from chrono.models import Entry, Mention, TimelineOutput

# --- Arabic date words (facts) ------------------------------------------------------------

# MSA month names: the series understood in every Arabic-speaking country.
MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
_ORDINALS_MASCULINE = ("الأول", "الثاني", "الثالث", "الرابع")  # الربع الرابع، النصف الأول
_CENTURY_ORDINALS = (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر",
    "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرين", "الحادي والعشرين",
)
_DECADE_NAMES = {  # tens digit → name of the decade ("the nineties")
    2: "العشرينيات", 3: "الثلاثينيات", 4: "الأربعينيات", 5: "الخمسينيات",
    6: "الستينيات", 7: "السبعينيات", 8: "الثمانينيات", 9: "التسعينيات",
}
_PARTS_OF_DAY = {"MO": "صباح", "AF": "بعد ظهر", "EV": "مساء", "NI": "ليلة"}
_MOD_PREFIX = {
    "START": "أوائل", "MID": "منتصف", "END": "أواخر", "APPROX": "نحو",
    "BEFORE": "قبل", "AFTER": "بعد", "ON_OR_BEFORE": "حتى", "ON_OR_AFTER": "منذ",
}
APPROXIMATE_MODS = frozenset({"START", "MID", "END", "APPROX"})
OPEN_ENDED_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
_REFERENCES = {"PRESENT_REF": "الآن", "PAST_REF": "في الماضي", "FUTURE_REF": "في المستقبل"}
_UNKNOWN_YEAR = "(السنة غير معروفة)"
EN_DASH = "\u2013"

# (one, two, 3–10, 11–99, otherwise): Arabic nouns change with the number they count.
EVENT_FORMS = ("حدث واحد", "حدثان", "أحداث", "حدثاً", "حدث")
SOURCE_FORMS = ("مصدر واحد", "مصدران", "مصادر", "مصدراً", "مصدر")
MENTION_FORMS = ("ذكر واحد", "ذكران", "مواضع ذكر", "موضع ذكر", "موضع ذكر")


def arabic_count(n: int, forms: tuple[str, str, str, str, str]) -> str:
    """A count with its noun in the right Arabic form.

    >>> arabic_count(2, EVENT_FORMS), arabic_count(5, EVENT_FORMS), arabic_count(15, EVENT_FORMS)
    ('حدثان', '5 أحداث', '15 حدثاً')
    """
    one, two, few, many, other = forms
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    if 11 <= n % 100 <= 99:
        return f"{n} {many}"
    return f"{n} {other}"


# --- Arabic date formatter ----------------------------------------------------------------

_DAY = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2})-(?P<d>\d{2})$")
_MONTH = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2})$")
_YEAR = re.compile(r"^(?P<y>\d{4})$")
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})$")
_QUARTER = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")
_HALF = re.compile(r"^(?P<y>\d{4})-H(?P<h>[12])$")
_DECADE = re.compile(r"^(?P<c>\d{3})$")
_CENTURY = re.compile(r"^(?P<c>\d{2})$")
_PART_OF_DAY = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?P<part>MO|AF|EV|NI)$")
_CLOCK = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2})?$")


def _month_name(month: str | int) -> Optional[str]:
    m = int(month)
    return MONTHS_AR[m - 1] if 1 <= m <= 12 else None


def _with_year(text: str, year: str) -> str:
    return f"{text} {_UNKNOWN_YEAR}" if year == "XXXX" else f"{text} {year}"


def _format_day_value(value: str) -> Optional[str]:
    """"2021-11-24" → "24 نوفمبر 2021"; "XXXX-12-10" → "10 ديسمبر (السنة غير معروفة)"."""
    m = _DAY.match(value)
    if not m or not _month_name(m["m"]) or not 1 <= int(m["d"]) <= 31:
        return None
    return _with_year(f"{int(m['d'])} {_month_name(m['m'])}", m["y"])


def _format_month_value(value: str) -> Optional[str]:
    """"2020-12" → "ديسمبر 2020"."""
    m = _MONTH.match(value)
    if not m or not _month_name(m["m"]):
        return None
    return _with_year(_month_name(m["m"]), m["y"])


def _format_decade(value: str) -> Optional[str]:
    """"199" → "التسعينيات (1990–1999)"; "202" → "العقد 2020–2029"."""
    m = _DECADE.match(value)
    if not m:
        return None
    first = int(m["c"]) * 10
    span = f"{first}{EN_DASH}{first + 9}"
    name = _DECADE_NAMES.get(int(m["c"]) % 10)
    return f"{name} ({span})" if name else f"العقد {span}"


def _format_century(value: str) -> Optional[str]:
    """TIMEX3 "20" is the 20th century (1900s) → "القرن العشرين"."""
    m = _CENTURY.match(value)
    if not m:
        return None
    number = int(m["c"]) + 1
    if 1 <= number <= len(_CENTURY_ORDINALS):
        return f"القرن {_CENTURY_ORDINALS[number - 1]}"
    return f"القرن الـ{number}"


def _format_point(value: str) -> Optional[str]:
    """One TIMEX3 value (no interval, no mod) in Arabic, or None when it is not understood.

    "2021-Q4" → "الربع الرابع 2021"; "2021-11-23TNI" → "ليلة 23 نوفمبر 2021".
    """
    if value in _REFERENCES:
        return _REFERENCES[value]
    for formatter in (_format_day_value, _format_month_value, _format_decade, _format_century):
        text = formatter(value)
        if text:
            return text
    if _YEAR.match(value):
        return value
    if m := _QUARTER.match(value):
        return f"الربع {_ORDINALS_MASCULINE[int(m['q']) - 1]} {m['y']}"
    if m := _HALF.match(value):
        return f"النصف {_ORDINALS_MASCULINE[int(m['h']) - 1]} {m['y']}"
    if m := _WEEK.match(value):
        return f"الأسبوع {int(m['w'])} من {m['y']}"
    if (m := _PART_OF_DAY.match(value)) and (day := _format_day_value(m["day"])):
        return f"{_PARTS_OF_DAY[m['part']]} {day}"
    if (m := _CLOCK.match(value)) and (day := _format_day_value(m["day"])):
        return f"{day}، الساعة {m['h']}:{m['mi']}"
    return None


def _split_day(value: str) -> Optional[tuple[str, str, str]]:
    m = _DAY.match(value)
    return (m["y"], m["m"], m["d"]) if m and _format_day_value(value) else None


def _format_range(first: str, last: str) -> Optional[str]:
    """An interval, sharing what both ends share.

    "2021-11-23/2021-11-25" → "23–25 نوفمبر 2021"; "2017/2021" → "2017–2021";
    "2021-11-30/2021-12-02" → "30 نوفمبر – 2 ديسمبر 2021".
    """
    a, b = _split_day(first), _split_day(last)
    if a and b and a[0] == b[0] != "XXXX":
        if a[1] == b[1]:
            return f"{int(a[2])}{EN_DASH}{int(b[2])} {_month_name(a[1])} {a[0]}"
        return f"{int(a[2])} {_month_name(a[1])} {EN_DASH} {int(b[2])} {_month_name(b[1])} {a[0]}"
    if _YEAR.match(first) and _YEAR.match(last):
        return f"{first}{EN_DASH}{last}"
    ma, mb = _MONTH.match(first), _MONTH.match(last)
    if ma and mb and ma["y"] == mb["y"] != "XXXX" and _month_name(ma["m"]) and _month_name(mb["m"]):
        return f"{_month_name(ma['m'])} {EN_DASH} {_month_name(mb['m'])} {ma['y']}"
    start, end = _format_point(first), _format_point(last)
    return f"{start} {EN_DASH} {end}" if start and end else None


def _format_dates(start: date, end: date) -> str:
    """Fallback from the calendar interval alone: 2021-08-01…2021-08-31 → "أغسطس 2021"."""
    if start == end:
        return f"{start.day} {MONTHS_AR[start.month - 1]} {start.year}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        same = start.year == end.year
        return str(start.year) if same else f"{start.year}{EN_DASH}{end.year}"
    whole_month = start.day == 1 and (end + timedelta(days=1)).day == 1
    if whole_month and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS_AR[start.month - 1]} {start.year}"
    return _format_range(start.isoformat(), end.isoformat()) or ""


def format_arabic_date(
    value: str,
    *,
    mod: Optional[str] = None,
    start: Optional[date] = None,
    end: Optional[date] = None,
) -> str:
    """A TIMEX3 value as an Arabic reader writes it, at its own granularity.

    >>> format_arabic_date("2021-11-23/2021-11-25")
    '23–25 نوفمبر 2021'
    >>> format_arabic_date("2020", mod="END")
    'أواخر 2020'

    Unknown forms fall back to the calendar interval, then to the raw value: never raises.
    """
    value = (value or "").strip()
    if "/" in value:
        first, _, last = value.partition("/")
        text = _format_range(first, last)
    else:
        text = _format_point(value)
    if text is None and start is not None and end is not None and start <= end:
        text = _format_dates(start, end) or None
    if text is None:
        text = value or "تاريخ غير معروف"
    prefix = _MOD_PREFIX.get(mod or "")
    return f"{prefix} {text}" if prefix else text


# --- grouping by year and month -----------------------------------------------------------

_FINE_GRANULARITIES = frozenset({"day", "week", "part_of_day", "hour", "minute"})


@dataclass
class MonthBlock:
    """Entries of one year that start in one month: `period` spans more than the month
    ("أواخر 2020" starts in September), `dated` lies inside it and goes under its heading."""

    month: int
    period: list[Entry] = field(default_factory=list)
    dated: list[Entry] = field(default_factory=list)


@dataclass
class YearGroup:
    year: Optional[int]  # None: entries with no calendar interval
    months: dict[int, MonthBlock] = field(default_factory=dict)
    undated: list[Entry] = field(default_factory=list)


def _fits_one_month(entry: Entry) -> bool:
    """Does the entry belong under a month heading? A week or a day range that crosses
    a month end still does (under its first month); "2020" or "أواخر 2020" does not."""
    start, end = entry.start_date, entry.end_date or entry.start_date
    if (start.year, start.month) == (end.year, end.month):
        return True
    return entry.granularity in _FINE_GRANULARITIES and (end - start).days <= 31


def group_entries(entries: Iterable[Entry]) -> list[YearGroup]:
    """Years ascending, then months ascending; the timeline's own order inside each month.

    Entries without `start_date` (an unresolved "XXXX-12-10") come last, in one group.
    """
    years: dict[int, YearGroup] = {}
    undated = YearGroup(year=None)
    for entry in entries:
        if entry.start_date is None:
            undated.undated.append(entry)
            continue
        start = entry.start_date
        group = years.setdefault(start.year, YearGroup(year=start.year))
        block = group.months.setdefault(start.month, MonthBlock(month=start.month))
        (block.dated if _fits_one_month(entry) else block.period).append(entry)
    ordered = [years[y] for y in sorted(years)]
    for group in ordered:
        group.months = {m: group.months[m] for m in sorted(group.months)}
    return ordered + ([undated] if undated.undated else [])


# --- rendering ----------------------------------------------------------------------------


@dataclass
class _Context:
    """What every entry needs to know about the others and about the sources."""

    source_index: dict[str, int]
    source_titles: dict[str, str]  # for tooltips: "id · نُشر 24 نوفمبر 2021"
    source_published: dict[str, str]  # "نُشر 24 نوفمبر 2021", or "" without an anchor
    entries: dict[str, Entry]
    conflicts: dict[str, list[tuple[str, str]]]


def _attr(text: object) -> str:
    return escape(str(text), quote=True)


def _text(text: object) -> str:
    return escape(str(text), quote=False)


def _dom_id(entry_id: str) -> str:
    return "entry-" + entry_id


def _fragment(entry_id: str) -> str:
    return "#" + quote(_dom_id(entry_id), safe="")


def _symmetric_conflicts(entries: list[Entry]) -> dict[str, list[tuple[str, str]]]:
    """Both sides of a conflict are marked, even if the merge listed it on one side only."""
    known = {e.id for e in entries}
    links: dict[str, dict[str, str]] = {e.id: {} for e in entries}
    for entry in entries:
        for conflict in entry.conflicts:
            links[entry.id].setdefault(conflict.entry, conflict.reason)
            if conflict.entry in known:
                links[conflict.entry].setdefault(entry.id, conflict.reason)
    return {eid: list(other.items()) for eid, other in links.items() if other}


def _source_order(timeline: TimelineOutput) -> list[str]:
    """Documents in timeline order, then any source an entry cites that is not listed."""
    order = [d.id for d in timeline.documents]
    seen = set(order)
    for entry in timeline.entries:
        for source in entry.sources + [m.doc for m in entry.mentions]:
            if source not in seen:
                seen.add(source)
                order.append(source)
    return order


def _build_context(timeline: TimelineOutput) -> _Context:
    order = _source_order(timeline)
    published = {sid: "" for sid in order}
    for doc in timeline.documents:
        if doc.anchor.date:
            published[doc.id] = f"نُشر {format_arabic_date(doc.anchor.date.isoformat())}"
    return _Context(
        source_index={sid: i for i, sid in enumerate(order)},
        source_titles={sid: " · ".join(filter(None, (sid, published[sid]))) for sid in order},
        source_published=published,
        entries={e.id: e for e in timeline.entries},
        conflicts=_symmetric_conflicts(timeline.entries),
    )


def _badge(source: str, ctx: _Context) -> str:
    number = ctx.source_index[source]
    return (f'<span class="badge c{number % 12}" title="{_attr(ctx.source_titles[source])}">'
            f"{number + 1}</span>")


def _source_name(source: str, ctx: _Context, note: str = "") -> str:
    """The id (left-to-right, isolated so it cannot reorder the Arabic around it), then the
    publication day and `note` on their own line: "نُشر 24 نوفمبر 2021 · 4 أحداث"."""
    second_line = " · ".join(filter(None, (ctx.source_published[source], note)))
    when = f'<span class="published">{_text(second_line)}</span>' if second_line else ""
    return f'<span class="source-name"><bdi dir="ltr" class="doc-id">{_text(source)}</bdi>{when}</span>'


def _highlight(sentence: str, timex: str) -> str:
    """The sentence with the (first) occurrence of the expression marked.

    The mention's offsets point into the document, not the sentence; when the expression
    is not found verbatim the sentence is shown unmarked rather than marking a guess.
    """
    at = sentence.find(timex) if timex else -1
    if at < 0:
        return _text(sentence)
    end = at + len(timex)
    return f"{_text(sentence[:at])}<mark>{_text(timex)}</mark>{_text(sentence[end:])}"


def _render_mention(mention: Mention, entry: Entry, ctx: _Context) -> str:
    notes = [f'<bdi dir="ltr" class="doc-id">{_text(mention.doc)}</bdi>']
    if mention.in_quote:
        notes.append("ضمن كلام منقول")
    if mention.value != entry.value:
        notes.append(f"تاريخه هنا: {_text(format_arabic_date(mention.value))}")
    sentence = mention.sentence or mention.text
    return (f'<li class="mention">{_badge(mention.doc, ctx)}'
            f"<blockquote>{_highlight(sentence, mention.text)}</blockquote>"
            f'<p class="cite">{" · ".join(notes)}</p></li>')


def _render_conflicts(entry: Entry, ctx: _Context) -> str:
    if entry.id not in ctx.conflicts:
        return ""
    items = []
    for other_id, reason in ctx.conflicts[entry.id]:
        other = ctx.entries.get(other_id)
        if other is None:
            target = f"<bdi>{_text(other_id)}</bdi>"
        else:
            when = format_arabic_date(other.value, mod=other.mod,
                                      start=other.start_date, end=other.end_date)
            target = (f'<a href="{_attr(_fragment(other_id))}" data-jump="{_attr(other_id)}">'
                      f"{_text(when)}: {_text(other.label)}</a>")
        items.append(f"<li>{target}<bdi class=\"reason\">{_text(reason)}</bdi></li>")
    return f'<h4>تعارض مع</h4><ul class="conflicts">{"".join(items)}</ul>'


def _render_details(entry: Entry, ctx: _Context) -> str:
    mentions = "".join(_render_mention(m, entry, ctx) for m in entry.mentions)
    sources = "".join(
        f"<li>{_badge(s, ctx)}{_source_name(s, ctx)}</li>" for s in entry.sources
    )
    meta = [f'القيمة: <code dir="ltr">{_text(entry.value)}</code>']
    if entry.trigger:
        meta.append(f"الفعل: {_text(entry.trigger)}")
    return (
        f'<div class="details" id="{_attr("details-" + entry.id)}" hidden>'
        f"{_render_conflicts(entry, ctx)}"
        f"<h4>{arabic_count(len(entry.mentions), MENTION_FORMS)}</h4>"
        f'<ul class="mentions">{mentions}</ul>'
        f'<h4>المصادر</h4><ul class="sources">{sources}</ul>'
        f'<p class="meta">{" · ".join(meta)}</p></div>'
    )


def _time_element(entry: Entry, text: str) -> str:
    machine = entry.value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", entry.value) else ""
    attr = f' datetime="{machine}"' if machine and not entry.mod else ""
    return f"<time{attr}>{_text(text)}</time>"


def _render_entry(entry: Entry, ctx: _Context) -> str:
    when = format_arabic_date(entry.value, mod=entry.mod, start=entry.start_date,
                              end=entry.end_date)
    classes = ["entry"]
    tags = []
    if entry.mod in APPROXIMATE_MODS or "X" in entry.value:
        classes.append("approx")
        tags.append('<span class="tag approx-tag">تقريبي</span>')
    if entry.mod in OPEN_ENDED_MODS:
        classes.append("open")
    if entry.id in ctx.conflicts:
        classes.append("conflict")
        tags.append('<span class="tag conflict-tag">⚠ تعارض</span>')
    badges = "".join(_badge(s, ctx) for s in entry.sources)
    return (
        f'<li class="{" ".join(classes)}" id="{_attr(_dom_id(entry.id))}" '
        f'data-entry="{_attr(entry.id)}">'
        f'<button type="button" class="head" aria-expanded="false" '
        f'aria-controls="{_attr("details-" + entry.id)}">'
        f'<span class="when">{_time_element(entry, when)}{"".join(tags)}</span>'
        f'<span class="label">{_text(entry.label)}</span>'
        f'<span class="badges" aria-label="المصادر">{badges}</span></button>'
        f"{_render_details(entry, ctx)}</li>"
    )


def _render_list(entries: list[Entry], ctx: _Context, css: str) -> str:
    items = "".join(_render_entry(e, ctx) for e in entries)
    return f'<ol class="entries {css}">{items}</ol>'


def _render_year(group: YearGroup, ctx: _Context) -> str:
    if group.year is None:
        return (f'<section class="year undated" aria-labelledby="y-undated">'
                f'<h2 id="y-undated">تاريخ غير محدد</h2>'
                f'{_render_list(group.undated, ctx, "undated")}</section>')
    parts = [f'<section class="year" aria-labelledby="y-{group.year}">'
             f'<h2 id="y-{group.year}">{group.year}</h2>']
    for block in group.months.values():
        if block.period:
            parts.append(_render_list(block.period, ctx, "period"))
        if block.dated:
            heading_id = f"m-{group.year}-{block.month:02d}"
            parts.append(f'<section class="month" aria-labelledby="{heading_id}">'
                         f'<h3 id="{heading_id}">{MONTHS_AR[block.month - 1]} {group.year}</h3>'
                         f'{_render_list(block.dated, ctx, "dated")}</section>')
    parts.append("</section>")
    return "".join(parts)


def _source_filter(timeline: TimelineOutput, ctx: _Context) -> str:
    counts = {sid: 0 for sid in ctx.source_index}
    for entry in timeline.entries:
        for source in entry.sources:
            counts[source] += 1
    rows = []
    for sid, number in ctx.source_index.items():
        rows.append(
            f'<li><label><input type="checkbox" name="source" value="{number}" checked> '
            f'{_badge(sid, ctx)} {_source_name(sid, ctx, arabic_count(counts[sid], EVENT_FORMS))}'
            '</label></li>'
        )
    return (
        '<fieldset class="sources-filter"><legend>المصادر</legend>'
        '<div class="row"><button type="button" data-sources="all">الكل</button>'
        '<button type="button" data-sources="none">لا شيء</button></div>'
        f'<ul>{"".join(rows)}</ul></fieldset>'
    )


def _year_span(timeline: TimelineOutput) -> tuple[Optional[int], Optional[int]]:
    starts = [e.start_date.year for e in timeline.entries if e.start_date]
    ends = [(e.end_date or e.start_date).year for e in timeline.entries if e.start_date]
    return (min(starts), max(ends)) if starts else (None, None)


def _period_filter(timeline: TimelineOutput) -> str:
    first, last = _year_span(timeline)
    years = list(range(first, last + 1)) if first is not None else []
    year_options = '<option value="">—</option>' + "".join(
        f'<option value="{y}">{y}</option>' for y in years)
    month_options = '<option value="">كل الأشهر</option>' + "".join(
        f'<option value="{i:02d}">{name}</option>' for i, name in enumerate(MONTHS_AR, 1))

    def bound(key: str, legend: str) -> str:
        return (f'<div class="bound"><span class="bound-name">{legend}</span>'
                f'<label>السنة <select id="{key}-year">{year_options}</select></label>'
                f'<label>الشهر <select id="{key}-month">{month_options}</select></label></div>')

    return ('<fieldset class="period-filter"><legend>الفترة</legend>'
            f'{bound("from", "من")}{bound("to", "إلى")}'
            '<button type="button" id="reset-filters">إلغاء التصفية</button></fieldset>')


def _script_json(data: object) -> str:
    """JSON safe inside <script>: no "</script>", "<!--" or "]]>" can survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _filter_index(timeline: TimelineOutput, ctx: _Context) -> dict:
    """What the script needs to filter: per entry its interval and its source numbers."""
    return {
        "schema": "chrono.html-index/1",
        "sources": list(ctx.source_index),
        "entries": [
            {
                "id": e.id,
                "start": e.start_date.isoformat() if e.start_date else None,
                "end": (e.end_date or e.start_date).isoformat() if e.start_date else None,
                "sources": sorted({ctx.source_index[s] for s in e.sources}),
            }
            for e in timeline.entries
        ],
    }


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = (resources.files("chrono.export") / "assets" / name).read_text(encoding="utf-8")
    if "</" in text and re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"asset {name} would close its own inline element")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _summary(timeline: TimelineOutput, ctx: _Context) -> str:
    first, last = _year_span(timeline)
    parts = [arabic_count(len(timeline.entries), EVENT_FORMS) + " من "
             + arabic_count(len(ctx.source_index), SOURCE_FORMS)]
    if first is not None:
        parts.append(str(first) if first == last else f"{first}{EN_DASH}{last}")
    return " · ".join(parts)


def render(timeline: TimelineOutput, *, title: Optional[str] = None) -> str:
    """The chronology as one self-contained right-to-left HTML document.

    >>> page = render(TimelineOutput(), title="اتفاق الدفاع بين المغرب وإسرائيل")
    >>> page.startswith('<!DOCTYPE html>') and 'dir="rtl"' in page
    True
    """
    ctx = _build_context(timeline)
    heading = title or "التسلسل الزمني للأحداث"
    style, script = _asset("timeline.css"), _asset("timeline.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    body = "".join(_render_year(g, ctx) for g in group_entries(timeline.entries))
    if not timeline.entries:
        body = '<p class="empty">لا أحداث مؤرخة في هذه المصادر.</p>'
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="chrono">\n'
        f"<title>{_text(heading)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#timeline">انتقل إلى التسلسل الزمني</a>\n'
        f'<header class="page-head"><h1>{_text(heading)}</h1>'
        f'<p class="summary">{_text(_summary(timeline, ctx))}</p></header>\n'
        '<div class="layout">\n<aside class="filters" aria-label="التصفية">'
        '<details id="filters-box" open><summary>التصفية حسب المصدر والفترة</summary>'
        f'<form id="filters">{_source_filter(timeline, ctx)}{_period_filter(timeline)}</form>'
        '</details><p id="count" role="status" aria-live="polite"></p></aside>\n'
        f'<main id="timeline" tabindex="-1">{body}</main>\n</div>\n'
        '<script type="application/json" id="chrono-data">'
        f"{_script_json(_filter_index(timeline, ctx))}</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
