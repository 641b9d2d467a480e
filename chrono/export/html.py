"""A self-contained, right-to-left HTML page for a chronology, usable at 10,000 entries.

`render(timeline)` returns ONE document a journalist can open offline or attach to an email:
inline CSS and JavaScript from `assets/`, the chronology embedded as compact JSON, Arabic dates
written here in Python by `display` (so they are tested without a browser), no request off the
machine (a Content-Security-Policy with hashes of the inline style and script forbids any).

What Python decides, what the script draws:
- Python: the page order (years, months, a month's periods before its days: `group_entries`),
  the time axis (`time_axis`: the years where the data is, far outliers grouped as "earlier"
  and "later"), every date as Arabic text, the sources by newspaper (`Document.meta` via
  DocumentInfo.source/title), and the data itself: each sentence stored once, entries as
  short arrays (`page_data`), no HTML per entry.
- The script: the entries on screen only (month by month, in blocks drawn as they come near
  the viewport), text search with Arabic folding and highlighted hits, filters by newspaper,
  article and period, a strip of entries per month to jump through, deep links (#entry-e7,
  #2015-08), keyboard navigation, printing.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache
from html import escape
from importlib import resources
from typing import Optional

from chrono.export.display import EN_DASH, MONTHS_AR, arabic_date, arabic_day, arabic_value, machine_date
from chrono.models import Entry, StoryQuery, TimelineOutput

APPROXIMATE_MODS = frozenset({"START", "MID", "END", "APPROX"})
OPEN_ENDED_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})

# (one, two, 3–10, 11–99, otherwise): Arabic nouns change with the number they count.
EVENT_FORMS = ("حدث واحد", "حدثان", "أحداث", "حدثاً", "حدث")
SOURCE_FORMS = ("مصدر واحد", "مصدران", "مصادر", "مصدراً", "مصدر")
ARTICLE_FORMS = ("مقال واحد", "مقالان", "مقالات", "مقالاً", "مقال")
MENTION_FORMS = ("ذكر واحد", "ذكران", "مواضع ذكر", "موضع ذكر", "موضع ذكر")

PAGE_SCHEMA = "chrono.page/2"
# Flags of an entry in the page data (bits).
APPROXIMATE, OPEN_ENDED, IN_CONFLICT, PERIOD = 1, 2, 4, 8
# A year belongs to the time axis when it holds at least this share of the busiest year's
# entries (and at least MIN_YEAR_ENTRIES): a news archive of 2015 quotes 1990 and 1436 (a Hijri
# year read as Gregorian) once or twice; those go to "earlier", they do not stretch the axis.
AXIS_SHARE_OF_PEAK = 0.01
MIN_YEAR_ENTRIES = 2


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


# --- page order: by year and month -------------------------------------------------------

_FINE_GRANULARITIES = frozenset({"day", "week", "part_of_day", "hour", "minute"})


@dataclass
class MonthBlock:
    """Entries of one year that start in one month: `period` spans more than the month
    ("أواخر 2020" starts in September), `dated` lies inside it and goes under its heading."""

    month: int
    period: list[Entry] = dataclass_field(default_factory=list)
    dated: list[Entry] = dataclass_field(default_factory=list)


@dataclass
class YearGroup:
    year: Optional[int]  # None: entries with no calendar interval
    months: dict[int, MonthBlock] = dataclass_field(default_factory=dict)
    undated: list[Entry] = dataclass_field(default_factory=list)


def _fits_one_month(entry: Entry) -> bool:
    """Does the entry belong under a month heading? A week or a day range that crosses
    a month end still does (under its first month); "2020" or "أواخر 2020" does not."""
    start, end = entry.days
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


def page_order(entries: Iterable[Entry]) -> list[tuple[Entry, bool]]:
    """(entry, spans more than its month) in the order the page shows them."""
    ordered: list[tuple[Entry, bool]] = []
    for group in group_entries(entries):
        for block in group.months.values():
            ordered.extend((entry, True) for entry in block.period)
            ordered.extend((entry, False) for entry in block.dated)
        ordered.extend((entry, False) for entry in group.undated)
    return ordered


# --- the time axis -------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """The years the strip and the period filter span; entries starting before `first` are
    shown together as "earlier", after `last` as "later"."""

    first: int
    last: int


def time_axis(entries: Iterable[Entry]) -> Optional[Axis]:
    """The run of consecutive busy years around the busiest one (None without dated entries).

    A year is busy with at least max(MIN_YEAR_ENTRIES, AXIS_SHARE_OF_PEAK × the busiest year's
    entries). A quiet year ends the run: what lies beyond is an outlier for the axis.

    >>> from datetime import date
    >>> def e(y): return Entry(id="e", value=str(y), type="DATE", start_date=date(y, 1, 1),
    ...                        label="", sources=[], mentions=[])
    >>> time_axis([e(1436)] + [e(2014)] * 3 + [e(2015)] * 40 + [e(2016)] * 2 + [e(2030)])
    Axis(first=2014, last=2016)
    """
    years = Counter(entry.start_date.year for entry in entries if entry.start_date is not None)
    if not years:
        return None
    peak_year, peak = max(years.items(), key=lambda item: (item[1], item[0]))
    busy = max(MIN_YEAR_ENTRIES, math.ceil(AXIS_SHARE_OF_PEAK * peak))
    if peak < busy:  # a handful of entries: every year is on the axis
        return Axis(min(years), max(years))
    first = last = peak_year
    while years.get(first - 1, 0) >= busy:
        first -= 1
    while years.get(last + 1, 0) >= busy:
        last += 1
    return Axis(first, last)


# --- the page data --------------------------------------------------------------------------


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


@dataclass
class _Tables:
    """Strings stored once in the page data, referred to by their position."""

    sources: dict[str, int]
    sentences: dict[str, int] = dataclass_field(default_factory=dict)

    def sentence(self, text: str) -> int:
        return self.sentences.setdefault(text, len(self.sentences))


def _flags(entry: Entry, in_conflict: bool, period: bool) -> int:
    flags = 0
    if entry.mod in APPROXIMATE_MODS or "X" in entry.value:
        flags |= APPROXIMATE
    if entry.mod in OPEN_ENDED_MODS:
        flags |= OPEN_ENDED
    if in_conflict:
        flags |= IN_CONFLICT
    if period:
        flags |= PERIOD
    return flags


def _entry_row(entry: Entry, period: bool, tables: _Tables, positions: dict[str, int],
               conflicts: dict[str, list[tuple[str, str]]]) -> list:
    """[id, date text, start, end, label, flags, sources, mentions, conflicts, value, trigger,
    machine date]: one entry of the page data, in the order timeline.js reads it."""
    mentions = [
        [tables.sources[m.doc], tables.sentence(m.sentence or m.text), m.text,
         "" if m.value == entry.value else arabic_value(m.value), 1 if m.in_quote else 0]
        for m in entry.mentions
    ]
    links = [[positions.get(other, -1), reason, other] for other, reason in conflicts.get(entry.id, [])]
    start = entry.start_date.isoformat() if entry.start_date else None
    end = (entry.end_date or entry.start_date).isoformat() if entry.start_date else None
    return [entry.id, arabic_date(entry), start, end, entry.label,
            _flags(entry, entry.id in conflicts, period), sorted({tables.sources[s] for s in entry.sources}),
            mentions, links, entry.value, entry.trigger or "", machine_date(entry)]


def _newspapers(timeline: TimelineOutput, order: list[str]) -> tuple[list[str], dict[str, int]]:
    """Newspaper names in order of first appearance, and each source's newspaper (-1: none)."""
    names: dict[str, int] = {}
    of_source = dict.fromkeys(order, -1)
    for doc in timeline.documents:
        if doc.source:
            of_source[doc.id] = names.setdefault(doc.source, len(names))
    return list(names), of_source


def _query_data(query: Optional[StoryQuery], sources: dict[str, int]) -> Optional[dict]:
    if query is None:
        return None
    return {"text": query.text, "considered": query.considered, "matched": query.matched,
            "kept": [[sources.get(k.id, -1), k.score, k.id] for k in query.kept]}


def page_data(timeline: TimelineOutput) -> dict:
    """Everything the script shows, compact: sources as [id, newspaper, title, published],
    sentences once each, entries in page order as short arrays (see `_entry_row`)."""
    order = _source_order(timeline)
    papers, paper_of = _newspapers(timeline, order)
    info = {d.id: d for d in timeline.documents}
    sources = []
    for sid in order:
        doc = info.get(sid)
        published = arabic_day(doc.anchor.date) if doc and doc.anchor.date else ""
        sources.append([sid, paper_of[sid], (doc.title if doc else None) or "", published])
    tables = _Tables(sources={sid: i for i, sid in enumerate(order)})
    ordered = page_order(timeline.entries)
    positions = {entry.id: i for i, (entry, _) in enumerate(ordered)}
    conflicts = _symmetric_conflicts(timeline.entries)
    entries = [_entry_row(entry, period, tables, positions, conflicts) for entry, period in ordered]
    axis = time_axis(timeline.entries)
    return {
        "schema": PAGE_SCHEMA,
        "axis": [axis.first, axis.last] if axis else None,
        "months": list(MONTHS_AR),
        "papers": papers,
        "sources": sources,
        "sentences": list(tables.sentences),
        "entries": entries,
        "query": _query_data(timeline.query, tables.sources),
    }


# --- the page shell -------------------------------------------------------------------------


def _attr(text: object) -> str:
    return escape(str(text), quote=True)


def _text(text: object) -> str:
    return escape(str(text), quote=False)


def _script_json(data: object) -> str:
    """JSON safe inside <script>: no "</script>", "<!--" or "]]>" can survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


@cache
def _asset(name: str) -> str:
    text = (resources.files("chrono.export") / "assets" / name).read_text(encoding="utf-8")
    if "</" in text and re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"asset {name} would close its own inline element")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _summary(timeline: TimelineOutput, axis: Optional[Axis], source_count: int) -> str:
    parts = [arabic_count(len(timeline.entries), EVENT_FORMS) + " من " + arabic_count(source_count, SOURCE_FORMS)]
    if axis is not None:
        parts.append(str(axis.first) if axis.first == axis.last else f"{axis.first}{EN_DASH}{axis.last}")
    return " · ".join(parts)


def _story(query: Optional[StoryQuery], data: dict) -> str:
    """The query of `--about` and the articles it kept, best first; each one a filter button."""
    if query is None:
        return ""
    rows = []
    for source, score, doc_id in data["query"]["kept"]:
        label = doc_id
        paper = ""
        if source >= 0:
            _, paper_index, title, published = data["sources"][source]
            label = title or doc_id
            paper = data["papers"][paper_index] if paper_index >= 0 else ""
            paper = " · ".join(filter(None, (paper, published)))
        button = (f'<button type="button" data-doc="{source}">{_text(label)}</button>' if source >= 0
                  else f"<bdi>{_text(label)}</bdi>")
        rows.append(f'<li><span class="score" dir="ltr" title="BM25 {score:g}">{score:.2f}</span>{button}'
                    f'<span class="published">{_text(paper)}</span></li>')
    kept = arabic_count(len(query.kept), ARTICLE_FORMS)
    return (f'<details class="story"><summary>القصة: «<bdi>{_text(query.text)}</bdi>» · '
            f'{kept} من {arabic_count(query.considered, ARTICLE_FORMS)}</summary>'
            f'<p class="story-note">رُتّبت المقالات بحسب صلتها بالسؤال (BM25)؛ أُبقي منها ما بلغت درجته '
            f'{query.min_score:g} من درجة أفضلها، {query.top} على الأكثر.</p>'
            f'<ol class="kept">{"".join(rows)}</ol></details>')


def _paper_list(data: dict) -> str:
    """One checkbox per newspaper (articles and events counted), its articles listed on demand."""
    papers = data["papers"]
    articles = Counter(paper for _, paper, _, _ in data["sources"])
    events: Counter = Counter()
    for row in data["entries"]:
        for paper in {data["sources"][s][1] for s in row[6]}:
            events[paper] += 1
    groups = list(range(len(papers))) + ([-1] if articles.get(-1) else [])
    items = []
    for paper in groups:
        name = papers[paper] if paper >= 0 else ("المصادر" if not papers else "مصادر بلا اسم صحيفة")
        colour = f"c{paper % 12}" if paper >= 0 else "cx"
        value = paper if paper >= 0 else len(papers)
        counts = f"{arabic_count(articles[paper], ARTICLE_FORMS)} · {arabic_count(events[paper], EVENT_FORMS)}"
        items.append(
            f'<li class="paper"><label><input type="checkbox" name="paper" value="{value}" checked>'
            f'<span class="chip {colour}">{_text(name)}</span><span class="n">{_text(counts)}</span></label>'
            f'<button type="button" class="articles-toggle" data-paper="{value}" aria-expanded="false" '
            f'title="مقالات {_attr(name)}">المقالات</button><ul class="articles" hidden></ul></li>')
    return "".join(items)


def _period_filter(axis: Optional[Axis]) -> str:
    years = list(range(axis.first, axis.last + 1)) if axis else []
    year_options = '<option value="">—</option>' + "".join(f'<option value="{y}">{y}</option>' for y in years)
    month_options = '<option value="">كل الأشهر</option>' + "".join(
        f'<option value="{i:02d}">{name}</option>' for i, name in enumerate(MONTHS_AR, 1))

    def bound(key: str, legend: str) -> str:
        return (f'<div class="bound"><span class="bound-name">{legend}</span>'
                f'<label>السنة <select id="{key}-year">{year_options}</select></label>'
                f'<label>الشهر <select id="{key}-month">{month_options}</select></label></div>')

    return (f'<fieldset class="period-filter"><legend>الفترة</legend>{bound("from", "من")}{bound("to", "إلى")}'
            '</fieldset>')


_KEYS_HELP = ('<details class="keys"><summary>لوحة المفاتيح</summary><dl>'
              '<dt><kbd>/</kbd></dt><dd>البحث</dd>'
              '<dt><kbd>j</kbd> <kbd>k</kbd> أو <kbd>↓</kbd> <kbd>↑</kbd></dt><dd>الحدث التالي والسابق</dd>'
              '<dt><kbd>n</kbd> <kbd>p</kbd></dt><dd>الشهر التالي والسابق</dd>'
              '<dt><kbd>Enter</kbd></dt><dd>فتح الحدث وإغلاقه</dd>'
              '<dt><kbd>Esc</kbd></dt><dd>مسح البحث</dd></dl></details>')


def render(timeline: TimelineOutput, *, title: Optional[str] = None) -> str:
    """The chronology as one self-contained right-to-left HTML document.

    >>> page = render(TimelineOutput(), title="اتفاق الدفاع بين المغرب وإسرائيل")
    >>> page.startswith('<!DOCTYPE html>') and 'dir="rtl"' in page
    True
    """
    heading = title or (f"التسلسل الزمني: {timeline.query.text}" if timeline.query else "التسلسل الزمني للأحداث")
    data = page_data(timeline)
    axis = Axis(*data["axis"]) if data["axis"] else None
    style, script = _asset("timeline.css"), _asset("timeline.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    empty = '' if timeline.entries else '<p class="empty">لا أحداث مؤرخة في هذه المصادر.</p>'
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="chrono">\n'
        f"<title>{_text(heading)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#timeline">انتقل إلى التسلسل الزمني</a>\n'
        f'<header class="page-head"><h1>{_text(heading)}</h1>'
        f'<p class="summary">{_text(_summary(timeline, axis, len(data["sources"])))}</p>'
        f'{_story(timeline.query, data)}</header>\n'
        '<div class="toolbar" id="toolbar"><div class="toolbar-row" role="search">'
        '<input type="search" id="search" autocomplete="off" spellcheck="false" '
        'placeholder="ابحث في الأحداث والجمل والمصادر" aria-label="ابحث في الأحداث والجمل والمصادر">'
        '<p id="count" role="status" aria-live="polite"></p></div>'
        '<nav id="strip" aria-label="الأحداث شهراً بشهر"></nav></div>\n'
        '<div class="layout">\n<aside class="filters" aria-label="التصفية">'
        '<details id="filters-box" open><summary>التصفية حسب المصدر والفترة</summary><form id="filters">'
        '<fieldset class="sources-filter"><legend>المصادر</legend>'
        '<input type="search" id="source-search" autocomplete="off" placeholder="ابحث عن صحيفة أو عنوان مقال" '
        'aria-label="ابحث عن صحيفة أو عنوان مقال">'
        '<div class="row"><button type="button" data-sources="all">الكل</button>'
        '<button type="button" data-sources="none">لا شيء</button></div>'
        '<p id="only-doc" hidden></p><ul id="source-results" hidden></ul>'
        f'<ul class="papers">{_paper_list(data)}</ul></fieldset>'
        f'{_period_filter(axis)}'
        '<button type="button" id="reset-filters">إلغاء التصفية</button></form></details>'
        f'{_KEYS_HELP}</aside>\n'
        f'<main id="timeline" tabindex="-1">{empty}<noscript><p class="empty">تحتاج هذه الصفحة إلى '
        'تفعيل JavaScript لعرض الأحداث.</p></noscript></main>\n</div>\n'
        '<script type="application/json" id="chrono-data">'
        f"{_script_json(data)}</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
