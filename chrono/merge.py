"""Cross-article merge (design §6): events of all documents → ordered chronology entries.

One entry is one happening. Two mentions are the same happening when their dates agree (equal,
or one interval inside the other) and their content agrees (shared light-stemmed words and
trigger roots, see `similarity`). The entry takes the most precise date. The same content with
incompatible dates ("في العاشر من ديسمبر الماضي" in 000 vs "في 22 ديسمبر (كانون الأول) الماضي"
in 004, both the tripartite agreement) gives two entries linked by Conflict records both ways.

Algorithm, O(n log n) in the number of mentions (the sorts; every mention does bounded work
besides, counted by `MergeCounts` and checked by tests/test_merge.py):
0. mentions resolved from an estimated anchor inside quotes cannot stand alone;
1. sort events narrowest interval first (ties: finer granularity, outside quotes, doc order);
2. each event joins the most similar existing cluster that its interval contains (clusters
   are narrower or equal, so "العام الماضي" can join "10 ديسمبر 2020" but not the reverse);
   candidates come from an index keyed by (calendar period, pair of content words), as joining
   takes two shared words; a bucket holds the clusters that can match, not every cluster of the
   period that uses a common word ("مغرب"), so its size does not grow with the corpus's density;
   each bucket is read for at most `_BUCKET_CAP` most recent clusters (bounded in dense input);
3. conflicts: a pair index of the defining words over the month and its neighbours (±31 days),
   between clusters whose dates are disjoint;
4. order entries by start date, end date, first mention (doc order, offset).

A quoted "today" is the speech's day, which precedes publication: a deictic mention inside a
quote may join a cluster dated up to `_QUOTE_LAG_DAYS` days before its resolved day
(000: Gantz's tweet «لقد اتخذنا خطوة تاريخية اليوم», anchor 25 Nov, is the 24 Nov signing).
"""
from __future__ import annotations

import gc
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Sequence

from chrono.attach import Event, attach_document
from chrono.models import (
    Conflict, Document, DocumentError, DocumentInfo, DocumentTags, Entry, Mention, Timex,
    TimelineOutput,
)
from chrono.read.labels import newspaper_and_title

__all__ = ["MergeCounts", "build_timeline", "merge_events", "similarity", "synthetic_events"]

_GRANULARITY_RANK = {
    "minute": 0, "hour": 1, "part_of_day": 2, "day": 3, "week": 4, "month": 5, "quarter": 6,
    "half": 7, "year": 8, "decade": 9, "century": 10, None: 11,
}
_JOIN_SCORE = 3
_CONFLICT_SCORE = 0.25
_CONFLICT_MIN_SHARED = 3
_CONFLICT_MAX_DAYS = 31
_BUCKET_CAP = 16
_MAX_CLUSTER_WORDS = 16
_QUOTE_LAG_DAYS = 3


@dataclass
class _Cluster:
    number: int  # creation order: ties go to the older cluster
    best: Event  # the most precise mention: its date is the entry's date
    start: date
    end: date
    events: list[Event] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    roots: set[str] = field(default_factory=set)
    conflicts: dict[int, str] = field(default_factory=dict)
    periods: list[int] = field(default_factory=list)  # `_period_code`s of `_periods(start, end)`


def similarity(event: Event, words: set[str] | frozenset[str], roots: set[str]) -> int:
    """Content agreement: shared content words, plus 1 when the trigger roots agree (the root
    is also one of the words, so an agreeing trigger counts twice).

    "وقع المغرب وإسرائيل مذكرة تفاهم" vs "توقيع اتفاق دفاعي بين إسرائيل والمغرب": "وقع",
    "مغرب", "اسراييل" (3) + root (1) = 4.
    """
    score = len(event.words & words)
    if event.root and event.root in roots:
        score += 1
    return score


def _precision_key(event: Event) -> tuple:
    timex = event.timex
    return (
        (timex.end_date - timex.start_date).days,
        _GRANULARITY_RANK.get(timex.granularity, 11),
        timex.in_quote,
        timex.mod is not None,
        event.doc_order,
        timex.start,
        timex.end,
    )


def _periods(start: date, end: date) -> list[tuple]:
    """Index keys of the calendar periods that contain [start, end): day, month, year."""
    keys = [("y", start.year)] if start.year == end.year else []
    if (start.year, start.month) == (end.year, end.month):
        keys.append(("m", start.year, start.month))
    if start == end:
        keys.append(("d", start.toordinal()))
    return keys


def _lookup_period(start: date, end: date) -> list[tuple]:
    """The narrowest period key(s) an event looks clusters up in (clusters lie inside it)."""
    if start == end:
        return [("d", start.toordinal())]
    if (start.year, start.month) == (end.year, end.month):
        return [("m", start.year, start.month)]
    if end.year - start.year <= 1:
        return [("y", year) for year in range(start.year, end.year + 1)]
    return [("y", start.year), ("y", end.year)]  # long spans: the edges only, bounded cost


def _period_code(key: tuple) -> int:
    """A period key as one small int (day, month and year codes never collide):
    ("d", 738118) → 2214354, ("m", 2021, 11) → 72787, ("y", 2021) → 6065."""
    if key[0] == "d":
        return key[1] * 3
    if key[0] == "m":
        return (key[1] * 12 + key[2] - 1) * 3 + 1
    return key[1] * 3 + 2


@dataclass
class MergeCounts:
    """The elementary work of one merge, counted instead of timed (tests/test_merge.py): the
    index buckets read, the candidates read from them (each one a comparison), the index
    entries written. Every one of them is bounded per mention, so the totals grow linearly.
    Wall time is measured by `make bench` only."""

    lookups: int = 0
    candidates: int = 0
    filed: int = 0

    @property
    def total(self) -> int:
        return self.lookups + self.candidates + self.filed


_WORD_SPACE = 1 << 32  # word ids below this: a (period, word, word) triple packs into one int


class _PairIndex:
    """(period, pair of content words) → clusters, each bucket read for its `_BUCKET_CAP`
    most recent clusters.

    Why pairs: joining needs a score of `_JOIN_SCORE` (3), which takes at least two shared
    words (the trigger root adds at most 1), and a conflict needs `_CONFLICT_MIN_SHARED` (3).
    A bucket keyed by one word ("مغرب", in every article of the seeds) fills up with unrelated
    clusters as the corpus gets denser; a bucket keyed by two words ("مغرب" + "ثلاث") holds the
    clusters that can actually match, so a lookup reads about the same few clusters at 10k and
    at 1M mentions. Nothing is lost: a cluster sharing two words shares their pair.
    """

    def __init__(self, counts: MergeCounts) -> None:
        self.buckets: dict[int, list[_Cluster]] = {}
        self.word_ids: dict[str, int] = {}
        self.counts = counts

    def _known_ids(self, words: Iterable[str]) -> list[int]:
        """Ids of the words some cluster was filed under (no other word can match), sorted."""
        get = self.word_ids.get
        return sorted(i for i in map(get, words) if i is not None)

    def _new_ids(self, words: Iterable[str]) -> list[int]:
        ids = self.word_ids
        return [ids.setdefault(word, len(ids)) for word in words]

    def add(self, cluster: _Cluster, periods: list[int], old_words: Iterable[str],
            new_words: Iterable[str]) -> None:
        """File `cluster` under the pairs that `new_words` form with each other and with
        `old_words` (the pairs among the old words are already filed)."""
        old_ids, new_ids = self._new_ids(old_words), self._new_ids(new_words)
        pairs = [a * _WORD_SPACE + b if a < b else b * _WORD_SPACE + a
                 for i, a in enumerate(new_ids) for b in new_ids[i + 1:] + old_ids]
        buckets = self.buckets
        for period in periods:
            base = period * _WORD_SPACE * _WORD_SPACE
            for pair in pairs:
                key = base + pair
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = [cluster]
                    continue
                bucket.append(cluster)
                if len(bucket) > 2 * _BUCKET_CAP:  # only the newest are ever read
                    del bucket[:-_BUCKET_CAP]
        self.counts.filed += len(pairs) * len(periods)

    def candidates(self, periods: list[int], words: Iterable[str]) -> list[_Cluster]:
        """Clusters filed under any (period, pair of `words`), each once, in no particular
        order: callers break ties by cluster number, so the result does not depend on it."""
        ids = self._known_ids(words)
        seen: set[int] = set()
        found: list[_Cluster] = []
        buckets = self.buckets
        lookups = read = 0
        for period in periods:
            base = period * _WORD_SPACE
            for i, a in enumerate(ids):
                row = (base + a) * _WORD_SPACE
                for b in ids[i + 1:]:
                    lookups += 1
                    bucket = buckets.get(row + b)
                    if not bucket:
                        continue
                    newest = bucket[-_BUCKET_CAP:]
                    read += len(newest)
                    for cluster in newest:
                        if cluster.number not in seen:
                            seen.add(cluster.number)
                            found.append(cluster)
        self.counts.lookups += lookups
        self.counts.candidates += read
        return found


class _QuoteIndex:
    """(day, defining trigger root) → the single-day clusters of that day, for a quoted
    "اليوم" whose sentence names the happening: 000's «... اليوم» after "عقب التوقيع" finds the
    signing of the day before under (24 Nov, "وقع")."""

    def __init__(self, counts: MergeCounts) -> None:
        self.buckets: dict[tuple[int, str], list[_Cluster]] = defaultdict(list)
        self.counts = counts

    def add(self, cluster: _Cluster) -> None:
        if cluster.start == cluster.end and cluster.best.root:
            bucket = self.buckets[(cluster.start.toordinal(), cluster.best.root)]
            bucket.append(cluster)
            if len(bucket) > 2 * _BUCKET_CAP:
                del bucket[:-_BUCKET_CAP]
            self.counts.filed += 1

    def candidates(self, event: Event) -> list[_Cluster]:
        """Clusters up to `_QUOTE_LAG_DAYS` days before a quoted deictic day, defined by a
        mention whose root the quote's sentence contains (see `_lagged_quote_score`)."""
        found: list[_Cluster] = []
        for _, day in _quote_lag_periods(event):
            for word in sorted(event.context):
                self.counts.lookups += 1
                bucket = self.buckets.get((day, word))
                if bucket:
                    newest = bucket[-_BUCKET_CAP:]
                    self.counts.candidates += len(newest)
                    found.extend(newest)
        return found


def _contains(outer_start: date, outer_end: date, inner_start: date, inner_end: date) -> bool:
    return outer_start <= inner_start and inner_end <= outer_end


def _quote_lag_periods(event: Event) -> list[tuple]:
    """Days a quoted "اليوم" may really mean: the resolved day and the few days before it."""
    timex = event.timex
    if not (timex.in_quote and event.deictic and timex.start_date == timex.end_date):
        return []
    day = timex.start_date.toordinal()
    return [("d", day - lag) for lag in range(1, _QUOTE_LAG_DAYS + 1)]


def _is_range(event: Event) -> bool:
    return "/" in event.timex.value


def _date_compatible(event: Event, cluster: _Cluster) -> bool:
    """Equal or containing interval. An explicit range ("من 23 إلى 25 نوفمبر", a visit) is its
    own happening: it only joins the same range, not a day inside it (the arrival on the 23rd)."""
    timex = event.timex
    if _is_range(event):
        return (timex.start_date, timex.end_date) == (cluster.start, cluster.end)
    return _contains(timex.start_date, timex.end_date, cluster.start, cluster.end)


def _lagged_quote_score(event: Event, cluster: _Cluster) -> int:
    """A quoted "اليوم" against a cluster up to `_QUOTE_LAG_DAYS` days earlier, compared on the
    whole sentence; -1 when not applicable."""
    timex = event.timex
    if not (timex.in_quote and event.deictic and timex.start_date == timex.end_date):
        return -1
    lag = (timex.start_date - cluster.end).days
    if cluster.start != cluster.end or not 0 < lag <= _QUOTE_LAG_DAYS:
        return -1
    if cluster.best.root is None or cluster.best.root not in event.context:
        return -1  # the quote's frame must name the happening: "عقب التوقيع" for a signing
    return similarity(event, cluster.words, cluster.roots) + len((event.context - event.words) & cluster.words)


def _join(event: Event, cluster: _Cluster, index: _PairIndex) -> None:
    cluster.events.append(event)
    new_words = [w for w in sorted(event.words) if w not in cluster.words]
    room = max(_MAX_CLUSTER_WORDS - len(cluster.words), 0)
    new_words = new_words[:room]
    if new_words:
        index.add(cluster, cluster.periods, sorted(cluster.words), new_words)
    cluster.words.update(new_words)
    if event.root:
        cluster.roots.add(event.root)


def _best_cluster(event: Event, index: _PairIndex, quotes: _QuoteIndex) -> _Cluster | None:
    """The cluster `event` joins: the highest score of at least `_JOIN_SCORE`, the older
    cluster on ties; None when no cluster agrees in both date and content."""
    timex = event.timex
    periods = [_period_code(key) for key in _lookup_period(timex.start_date, timex.end_date)]
    best, best_key = None, (_JOIN_SCORE - 1, 0)
    for cluster in index.candidates(periods, event.words):
        if _date_compatible(event, cluster):
            key = (similarity(event, cluster.words, cluster.roots), -cluster.number)
            if key > best_key:
                best, best_key = cluster, key
    for cluster in quotes.candidates(event):
        key = (_lagged_quote_score(event, cluster), -cluster.number)
        if key > best_key:
            best, best_key = cluster, key
    return best


def _cluster(events: Sequence[Event], counts: MergeCounts | None = None) -> list[_Cluster]:
    """Step 2: greedy clustering, narrowest first (see module docstring)."""
    counts = counts if counts is not None else MergeCounts()
    index, quotes = _PairIndex(counts), _QuoteIndex(counts)
    clusters: list[_Cluster] = []
    for event in sorted(events, key=_precision_key):
        best = _best_cluster(event, index, quotes)
        if best is None:
            timex = event.timex
            best = _Cluster(number=len(clusters), best=event, start=timex.start_date, end=timex.end_date,
                            periods=[_period_code(key) for key in _periods(timex.start_date, timex.end_date)])
            clusters.append(best)
            quotes.add(best)
        _join(event, best, index)
    return clusters


def _idf(clusters: list[_Cluster]) -> dict[str, float]:
    """Inverse frequency of each word among the clusters' defining mentions: "مغرب" in every
    article of the seeds weighs little, "ثلاث" (tripartite) a lot."""
    counts: dict[str, int] = defaultdict(int)
    for cluster in clusters:
        for word in cluster.best.words:
            counts[word] += 1
    total = len(clusters) + 1
    return {word: math.log(total / (count + 0.5)) for word, count in counts.items()}


def _conflict_score(a: _Cluster, b: _Cluster, idf: dict[str, float]) -> float:
    """Weighted share of the defining mentions' words that both have (0..1)."""
    shared = a.best.words & b.best.words
    if len(shared) < _CONFLICT_MIN_SHARED:
        return 0.0
    weight_a = sum(idf[w] for w in a.best.words)
    weight_b = sum(idf[w] for w in b.best.words)
    if min(weight_a, weight_b) <= 0:
        return 0.0
    return sum(idf[w] for w in shared) / min(weight_a, weight_b)


def _neighbour_months(day: date) -> list[tuple]:
    """Month keys of the month of `day` and the months before and after (covers ±31 days)."""
    months = day.year * 12 + day.month - 1
    return [("m", m // 12, m % 12 + 1) for m in (months - 1, months, months + 1)]


def _find_conflicts(clusters: list[_Cluster], counts: MergeCounts | None = None) -> None:
    """Step 3: same content, disjoint dates close together, different defining sources.

    Only precise clusters (a day or narrower) at most `_CONFLICT_MAX_DAYS` apart: sources that
    disagree on a date disagree by days or weeks ("العاشر من ديسمبر" vs "22 ديسمبر" for the
    tripartite agreement); two signings a year apart are two happenings, not a conflict.
    Candidates share a pair of defining words within the month and its two neighbours.
    """
    idf = _idf(clusters)
    index = _PairIndex(counts if counts is not None else MergeCounts())
    for cluster in clusters:
        if cluster.start != cluster.end:
            continue
        words = sorted(cluster.best.words)
        months = [_period_code(key) for key in _neighbour_months(cluster.start)]
        for other in index.candidates(months, words):
            if other.best.doc == cluster.best.doc or other.start == cluster.start:
                continue
            if abs((other.start - cluster.start).days) > _CONFLICT_MAX_DAYS:
                continue
            if _conflict_score(cluster, other, idf) >= _CONFLICT_SCORE:
                first, second = sorted((cluster, other), key=lambda c: c.start)
                reason = (f"same happening dated {first.start.isoformat()} by {first.best.doc} "
                          f"and {second.start.isoformat()} by {second.best.doc}")
                cluster.conflicts[other.number] = reason
                other.conflicts[cluster.number] = reason
        index.add(cluster, months[1:2], [], words)


def _mention(event: Event) -> Mention:
    timex = event.timex
    return Mention(doc=event.doc, start=timex.start, end=timex.end, text=timex.text, value=timex.value,
                   sentence=event.sentence, in_quote=timex.in_quote, timex=timex.id)


def _first_mention_key(cluster: _Cluster) -> tuple[int, int, int]:
    first = min(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    return first.doc_order, first.timex.start, first.timex.end


def _label_event(cluster: _Cluster) -> Event:
    """Label from a mention outside quotes with a trigger, earliest in input order."""
    return min(cluster.events, key=lambda e: (e.timex.in_quote, e.root is None, e.trigger is None,
                                             e.doc_order, e.timex.start))


def _entry(cluster: _Cluster, entry_id: str, ids: dict[int, str]) -> Entry:
    timex = cluster.best.timex
    label_event = _label_event(cluster)
    events = sorted(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    sources: list[str] = []
    for event in events:
        if event.doc not in sources:
            sources.append(event.doc)
    conflicts = sorted((ids[number], reason) for number, reason in cluster.conflicts.items())
    return Entry(
        id=entry_id, value=timex.value, type=timex.type, granularity=timex.granularity,
        start_date=timex.start_date, end_date=timex.end_date, mod=timex.mod,
        label=label_event.label, trigger=label_event.trigger, sources=sources,
        mentions=[_mention(e) for e in events],
        conflicts=[Conflict(entry=entry, reason=reason) for entry, reason in conflicts],
    )


def _is_weak(event: Event) -> bool:
    """A quoted deictic resolved against an estimated anchor: 003 (published "about" 27 Nov)
    quoting «كل ما يجري اليوم باسم قضية الصحراء» cannot be placed on any particular day."""
    return event.deictic and event.timex.in_quote and not event.anchor_sure


def merge_events(events: Sequence[Event], *, counts: MergeCounts | None = None) -> list[Entry]:
    """Events (any documents) → ordered entries with ids e1, e2, … and conflict links.

    A cluster made only of weak mentions (`_is_weak`) gives no entry: a false date is worse
    than a missing one. This is the function `make bench` times (see `synthetic_events`);
    `counts`, when given, receives the elementary work done (see `MergeCounts`).
    """
    counts = counts if counts is not None else MergeCounts()
    # The merge allocates millions of small objects and frees none: CPython's cyclic GC would
    # rescan all of them again and again (quadratic in practice), so pause it meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        clusters = [c for c in _cluster(events, counts) if not all(_is_weak(e) for e in c.events)]
        _find_conflicts(clusters, counts)
        clusters.sort(key=lambda c: (c.start, c.end, _first_mention_key(c)))
        ids = {cluster.number: f"e{i}" for i, cluster in enumerate(clusters, 1)}
        return [_entry(cluster, ids[cluster.number], ids) for cluster in clusters]
    finally:
        if was_enabled:
            gc.enable()


def _document_info(document: Document, tags: DocumentTags, set_aside) -> DocumentInfo:
    newspaper, title = newspaper_and_title(document)
    return DocumentInfo(id=tags.id, path=tags.path if tags.path is not None else document.path,
                        anchor=tags.anchor, encoding=tags.encoding, set_aside=set_aside,
                        newspaper=newspaper, title=title)


def build_timeline(pairs: Iterable[tuple[Document, DocumentTags]],
                   errors: Iterable[DocumentError] = ()) -> TimelineOutput:
    """The chronology of several tagged documents (design §6), deterministic for a given input order.

    Set-aside regions (the tagger's plus segment.py's) produce no entries; each document's
    output lists them with their reasons.
    """
    from chrono.segment import segment

    events: list[Event] = []
    documents: list[DocumentInfo] = []
    for order, (document, tags) in enumerate(pairs):
        seg = segment(document.text)
        regions = {(r.start, r.end): r for r in list(tags.set_aside) + list(seg.set_aside)}
        set_aside = [regions[key] for key in sorted(regions)]
        documents.append(_document_info(document, tags, set_aside))
        events.extend(attach_document(document, tags, order, seg))
    return TimelineOutput(documents=documents, entries=merge_events(events), errors=list(errors))


# ---------------------------------------------------------------- bench support

_BENCH_WORDS = [f"w{i}" for i in range(2000)]
_BENCH_ROOTS = [f"r{i}" for i in range(60)]


def synthetic_events(n: int, seed: int = 0, documents: int = 1000, span_days: int = 3650) -> list[Event]:
    """`n` generated events over `span_days` days from 2015, for timing `merge_events` (make bench).

    Each happening (about n/3 of them) is mentioned about three times, at day, month or year
    precision, with overlapping word sets: realistic bucket sizes, deterministic for a seed.
    """
    rng = random.Random(seed)
    origin = date(2015, 1, 1).toordinal()
    happenings = max(n // 3, 1)
    events = []
    for i in range(n):
        h = rng.randrange(happenings)
        hr = random.Random(h)
        day = date.fromordinal(origin + hr.randrange(span_days))
        words = frozenset(hr.sample(_BENCH_WORDS, 6)[: rng.randint(3, 6)])
        root = hr.choice(_BENCH_ROOTS)
        precision = rng.random()
        if precision < 0.6:
            start, end, gran, value = day, day, "day", day.isoformat()
        elif precision < 0.9:
            start = day.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            gran, value = "month", start.isoformat()[:7]
        else:
            start, end, gran, value = date(day.year, 1, 1), date(day.year, 12, 31), "year", str(day.year)
        timex = Timex.model_construct(
            id=f"t{i}", start=i % 5000, end=i % 5000 + 5, text="x", type="DATE", value=value,
            granularity=gran, start_date=start, end_date=end, mod=None, calendar="gregorian",
            hijri_value=None, rule="bench", in_quote=False, underspecified="", flags=[], sentence=None,
        )
        events.append(Event(doc=f"d{i % documents}", doc_order=i % documents, timex=timex,
                            clause=(0, 0), sentence="", trigger=None, root=root, label=f"h{h}",
                            words=words, deictic=False))
    return events
