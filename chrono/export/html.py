"""A self-contained, right-to-left HTML page for a chronology (issue 5).

`render(timeline)` returns ONE document a journalist can open offline or attach to an email:
inline CSS and JavaScript from `assets/`, the filter index embedded as JSON, Arabic dates
written in Python by `display` (so they are tested without a browser), no request off the machine
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
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Iterable, Optional
from urllib.parse import quote

from chrono.export.display import EN_DASH, MONTHS_AR, arabic_date, arabic_day, arabic_value, machine_date
from chrono.models import Entry, Mention, TimelineOutput

APPROXIMATE_MODS = frozenset({"START", "MID", "END", "APPROX"})
OPEN_ENDED_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})

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
            published[doc.id] = f"نُشر {arabic_day(doc.anchor.date)}"
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
        notes.append(f"تاريخه هنا: {_text(arabic_value(mention.value))}")
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
            when = arabic_date(other)
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
    machine = machine_date(entry)
    attr = f' datetime="{machine}"' if machine else ""
    return f"<time{attr}>{_text(text)}</time>"


def _render_entry(entry: Entry, ctx: _Context) -> str:
    when = arabic_date(entry)
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
