"""Cross-article merge: events of all documents → ordered chronology entries.

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

The public API, shared by `chrono timeline` and its Dask map-reduce (chrono/scale/dask_cluster.py):

    merger = Merger()
    for document, tags in pairs:
        merger.add(document, tags)          # attach: its events, and its DocumentInfo
    entries = merger.finish()               # steps 0-4 over everything added

    # the same result, window by window (what `--engine dask` distributes):
    prepared = prepare_document(document, tags, position)       # map: per document
    touched_years(event)                                         # which window an event needs
    part = cluster_window([(key, event), ...])                   # reduce: steps 1-2 per window
    entries = combine_windows([part, ...])                       # steps 0, 3, 4 over all windows

Steps 1-2 only ever compare an event with clusters of the years it looks up (`touched_years`),
so windows of years that no event links clusters alone give the clusters of the whole run;
`combine_windows` puts them back in the order one run would have created them.

A quoted "today" is the speech's day, which precedes publication: a deictic mention inside a
quote may join a cluster dated up to `_QUOTE_LAG_DAYS` days before its resolved day
(000: Gantz's tweet «لقد اتخذنا خطوة تاريخية اليوم», anchor 25 Nov, is the 24 Nov signing).
"""
from __future__ import annotations

import contextlib
import gc
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Sequence

from chrono.attach import Event, attach_document
from chrono.models import (
    Conflict, Document, DocumentError, DocumentInfo, DocumentTags, Entry, Mention, TimelineOutput, Timex,
)
from chrono.segment import segment
from chrono.read.labels import newspaper_and_title

__all__ = [
    "Cluster", "MergeCounts", "Merger", "PairIndex", "PreparedDocument", "WindowClusters",
    "build_timeline", "cluster_window", "combine_windows", "merge_events", "prepare_document",
    "similarity", "touched_years",
]

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
class Cluster:
    """One happening as the merge builds it: its mentions, its date, its words. Callers only pass
    clusters along (from `cluster_window` to `combine_windows`, or to a `PairIndex`)."""

    number: int  # creation order: ties go to the older cluster
    best: Event  # the most precise mention: its date is the entry's date
    start: date
    end: date
    events: list[Event] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    roots: set[str] = field(default_factory=set)
    conflicts: dict[int, str] = field(default_factory=dict)
    periods: list[int] = field(default_factory=list)  # `_period_code`s of `_periods(start, end)`
    # (precision key of `best`, input position of `best`): the order one run over all the events
    # creates clusters in, whichever window this one was made in
    rank: tuple = ()


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


class PairIndex:
    """(period, pair of content words) → clusters, each bucket read for its `_BUCKET_CAP`
    most recent clusters. The merge's candidate index (`Merger(index_type=...)` takes another
    one with the same `add` and `candidates`, e.g. an exhaustive scan to compare against).

    Why pairs: joining needs a score of `_JOIN_SCORE` (3), which takes at least two shared
    words (the trigger root adds at most 1), and a conflict needs `_CONFLICT_MIN_SHARED` (3).
    A bucket keyed by one word ("مغرب", in every article of the seeds) fills up with unrelated
    clusters as the corpus gets denser; a bucket keyed by two words ("مغرب" + "ثلاث") holds the
    clusters that can actually match, so a lookup reads about the same few clusters at 10k and
    at 1M mentions. Nothing is lost: a cluster sharing two words shares their pair.
    """

    def __init__(self, counts: MergeCounts) -> None:
        self.buckets: dict[int, list[Cluster]] = {}
        self.word_ids: dict[str, int] = {}
        self.counts = counts

    def _known_ids(self, words: Iterable[str]) -> list[int]:
        """Ids of the words some cluster was filed under (no other word can match), sorted."""
        get = self.word_ids.get
        return sorted(i for i in map(get, words) if i is not None)

    def _new_ids(self, words: Iterable[str]) -> list[int]:
        ids = self.word_ids
        return [ids.setdefault(word, len(ids)) for word in words]

    def add(self, cluster: Cluster, periods: list[int], old_words: Iterable[str],
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

    def candidates(self, periods: list[int], words: Iterable[str]) -> list[Cluster]:
        """Clusters filed under any (period, pair of `words`), each once, in no particular
        order: callers break ties by cluster number, so the result does not depend on it."""
        ids = self._known_ids(words)
        seen: set[int] = set()
        found: list[Cluster] = []
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
        self.buckets: dict[tuple[int, str], list[Cluster]] = defaultdict(list)
        self.counts = counts

    def add(self, cluster: Cluster) -> None:
        if cluster.start == cluster.end and cluster.best.root:
            bucket = self.buckets[(cluster.start.toordinal(), cluster.best.root)]
            bucket.append(cluster)
            if len(bucket) > 2 * _BUCKET_CAP:
                del bucket[:-_BUCKET_CAP]
            self.counts.filed += 1

    def candidates(self, event: Event) -> list[Cluster]:
        """Clusters up to `_QUOTE_LAG_DAYS` days before a quoted deictic day, defined by a
        mention whose root the quote's sentence contains (see `_lagged_quote_score`)."""
        found: list[Cluster] = []
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


def touched_years(event: Event) -> frozenset[int]:
    """The years whose clusters the merge may compare `event` with: the periods it looks
    clusters up in, and for a quoted "اليوم" the days it may really mean.

    "10 ديسمبر 2020" → {2020}; "بين 2019 و2021" → {2019, 2021}; a quoted "اليوم" on 2 January
    2021 → {2020, 2021} (it may mean a day or two before). Events whose year sets do not
    overlap never meet, which is what lets `cluster_window` work on windows of years.
    """
    timex = event.timex
    years = set()
    for key in _lookup_period(timex.start_date, timex.end_date) + _quote_lag_periods(event):
        years.add(date.fromordinal(key[1]).year if key[0] == "d" else key[1])
    return frozenset(years)


def _date_compatible(timex: Timex, is_range: bool, cluster: Cluster) -> bool:
    """Equal or containing interval. An explicit range ("من 23 إلى 25 نوفمبر", a visit) is its
    own happening: it only joins the same range, not a day inside it (the arrival on the 23rd).
    So is a Hijri month ("رمضان 1443" is 2022-04-02/2022-05-01): its value is a range too.
    `is_range` is `timex.typed_value.is_range`, read once per mention by the caller."""
    if is_range:
        return (timex.start_date, timex.end_date) == (cluster.start, cluster.end)
    return _contains(timex.start_date, timex.end_date, cluster.start, cluster.end)


def _lagged_quote_score(event: Event, cluster: Cluster) -> int:
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


def _join(event: Event, cluster: Cluster, index: PairIndex) -> None:
    cluster.events.append(event)
    new_words = [w for w in sorted(event.words) if w not in cluster.words]
    room = max(_MAX_CLUSTER_WORDS - len(cluster.words), 0)
    new_words = new_words[:room]
    if new_words:
        index.add(cluster, cluster.periods, sorted(cluster.words), new_words)
    cluster.words.update(new_words)
    if event.root:
        cluster.roots.add(event.root)


def _best_cluster(event: Event, index: PairIndex, quotes: _QuoteIndex) -> Cluster | None:
    """The cluster `event` joins: the highest score of at least `_JOIN_SCORE`, the older
    cluster on ties; None when no cluster agrees in both date and content."""
    timex = event.timex
    periods = [_period_code(key) for key in _lookup_period(timex.start_date, timex.end_date)]
    best, best_key = None, (_JOIN_SCORE - 1, 0)
    is_range = timex.typed_value.is_range
    for cluster in index.candidates(periods, event.words):
        if _date_compatible(timex, is_range, cluster):
            key = (similarity(event, cluster.words, cluster.roots), -cluster.number)
            if key > best_key:
                best, best_key = cluster, key
    for cluster in quotes.candidates(event):
        key = (_lagged_quote_score(event, cluster), -cluster.number)
        if key > best_key:
            best, best_key = cluster, key
    return best


def _cluster(positioned: Sequence[tuple[Any, Event]], counts: MergeCounts,
             index_type: type[PairIndex]) -> list[Cluster]:
    """Steps 1-2: greedy clustering, narrowest first (see module docstring). `positioned` is in
    input order, so events of equal precision are taken in input order (the sort is stable)."""
    index, quotes = index_type(counts), _QuoteIndex(counts)
    clusters: list[Cluster] = []
    ranked = sorted(((_precision_key(event), position, event) for position, event in positioned),
                    key=itemgetter(0))
    for key, position, event in ranked:
        best = _best_cluster(event, index, quotes)
        if best is None:
            timex = event.timex
            best = Cluster(number=len(clusters), best=event, start=timex.start_date, end=timex.end_date,
                           periods=[_period_code(key) for key in _periods(timex.start_date, timex.end_date)],
                           rank=(key, position))
            clusters.append(best)
            quotes.add(best)
        _join(event, best, index)
    return clusters


def _idf(clusters: list[Cluster]) -> dict[str, float]:
    """Inverse frequency of each word among the clusters' defining mentions: "مغرب" in every
    article of the seeds weighs little, "ثلاث" (tripartite) a lot."""
    counts: dict[str, int] = defaultdict(int)
    for cluster in clusters:
        for word in cluster.best.words:
            counts[word] += 1
    total = len(clusters) + 1
    return {word: math.log(total / (count + 0.5)) for word, count in counts.items()}


def _conflict_score(a: Cluster, b: Cluster, idf: dict[str, float]) -> float:
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


def _find_conflicts(clusters: list[Cluster], counts: MergeCounts, index_type: type[PairIndex]) -> None:
    """Step 3: same content, disjoint dates close together, different defining sources.

    Only precise clusters (a day or narrower) at most `_CONFLICT_MAX_DAYS` apart: sources that
    disagree on a date disagree by days or weeks ("العاشر من ديسمبر" vs "22 ديسمبر" for the
    tripartite agreement); two signings a year apart are two happenings, not a conflict.
    Candidates share a pair of defining words within the month and its two neighbours.
    """
    idf = _idf(clusters)
    index = index_type(counts)
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


def _first_mention_key(cluster: Cluster) -> tuple[int, int, int]:
    first = min(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    return first.doc_order, first.timex.start, first.timex.end


def _label_event(cluster: Cluster) -> Event:
    """Label from a mention outside quotes with a trigger, earliest in input order."""
    return min(cluster.events, key=lambda e: (e.timex.in_quote, e.root is None, e.trigger is None,
                                             e.doc_order, e.timex.start))


def _entry(cluster: Cluster, entry_id: str, ids: dict[int, str]) -> Entry:
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


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The merge allocates millions of small objects and frees none: CPython's cyclic GC would
    rescan all of them again and again (quadratic in practice), so pause it meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------- public API

@dataclass
class WindowClusters:
    """The clusters of one window of years (steps 1-2), for `combine_windows`; picklable, so a
    Dask worker can send it back."""

    clusters: list[Cluster]


def cluster_window(positioned: Iterable[tuple[Any, Event]], *, counts: Optional[MergeCounts] = None,
                   index_type: type[PairIndex] = PairIndex) -> WindowClusters:
    """Steps 1-2 over one window's events, given as (input position, event) pairs in any order.

    The position is any sortable key that gives the event's place in the whole input (the Dask
    map uses (document position, index in the document)): events of equal precision are
    clustered in input order, and `combine_windows` orders the windows' clusters by it. A window
    must hold every event that touches its years (`touched_years`); then its clusters are
    exactly those one run over all the events would make.
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():
        in_order = sorted(positioned, key=itemgetter(0))
        return WindowClusters(_cluster(in_order, counts, index_type))


def combine_windows(windows: Iterable[WindowClusters], *, counts: Optional[MergeCounts] = None,
                    index_type: type[PairIndex] = PairIndex) -> list[Entry]:
    """Steps 0, 3 and 4: the clusters of all windows → entries e1, e2, … with their conflict links.

    The clusters are renumbered in the order one run would have created them, so ties (the
    older cluster wins) and ids come out as in `merge_events`. A cluster made only of weak
    mentions (`_is_weak`) gives no entry: a false date is worse than a missing one.
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():
        ranked = sorted((c for window in windows for c in window.clusters), key=lambda c: c.rank)
        for number, cluster in enumerate(ranked):
            cluster.number = number
        clusters = [c for c in ranked if not all(_is_weak(e) for e in c.events)]
        _find_conflicts(clusters, counts, index_type)
        clusters.sort(key=lambda c: (c.start, c.end, _first_mention_key(c)))
        ids = {cluster.number: f"e{i}" for i, cluster in enumerate(clusters, 1)}
        return [_entry(cluster, ids[cluster.number], ids) for cluster in clusters]


def merge_events(events: Iterable[Event], *, counts: Optional[MergeCounts] = None,
                 index_type: type[PairIndex] = PairIndex) -> list[Entry]:
    """Events (any documents) → ordered entries with ids e1, e2, … and conflict links: one
    window holding everything. This is the function `make bench` times (on
    tools/synthetic.py's events); `counts`, when given, receives the elementary work done
    (see `MergeCounts`).
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():  # once over both steps: a collection in between would scan every cluster
        window = cluster_window(enumerate(events), counts=counts, index_type=index_type)
        return combine_windows([window], counts=counts, index_type=index_type)


class PreparedDocument(NamedTuple):
    """What the merge keeps of one tagged document: its DocumentInfo and its events (the text
    stays behind)."""

    info: DocumentInfo
    events: list[Event]


def prepare_document(document: Document, tags: DocumentTags, position: int) -> PreparedDocument:
    """One tagged document → its DocumentInfo (listing the set-aside regions of the tagger and of
    segment.py, which produce no entries) and its events; `position` is the document's place in
    the input (its events' `doc_order`)."""
    seg = segment(document.text)
    regions = {(r.start, r.end): r for r in list(tags.set_aside) + list(seg.set_aside)}
    set_aside = [regions[key] for key in sorted(regions)]
    newspaper, title = newspaper_and_title(document)
    info = DocumentInfo(id=tags.id, path=tags.path if tags.path is not None else document.path,
                        anchor=tags.anchor, encoding=tags.encoding, set_aside=set_aside,
                        newspaper=newspaper, title=title)
    return PreparedDocument(info, list(attach_document(document, tags, position, seg)))


class Merger:
    """The chronology of documents added one at a time; only their events are kept.

        merger = Merger()
        for document, tags in pairs:
            merger.add(document, tags)
        TimelineOutput(documents=merger.documents, entries=merger.finish())
    """

    def __init__(self, *, counts: Optional[MergeCounts] = None, index_type: type[PairIndex] = PairIndex) -> None:
        self.counts = counts if counts is not None else MergeCounts()
        self.index_type = index_type
        self.documents: list[DocumentInfo] = []
        self._events: list[Event] = []

    def add(self, document: Document, tags: DocumentTags) -> DocumentInfo:
        """Attach one tagged document (its position: the documents added before it)."""
        prepared = prepare_document(document, tags, len(self.documents))
        self.documents.append(prepared.info)
        self._events.extend(prepared.events)
        return prepared.info

    def add_events(self, events: Iterable[Event]) -> None:
        """Events attached elsewhere; they keep their own `doc_order`."""
        self._events.extend(events)

    def finish(self) -> list[Entry]:
        """Steps 0-4 over everything added: the ordered entries."""
        return merge_events(self._events, counts=self.counts, index_type=self.index_type)


def build_timeline(pairs: Iterable[tuple[Document, DocumentTags]],
                   errors: Iterable[DocumentError] = ()) -> TimelineOutput:
    """The chronology of several tagged documents, deterministic for a given input order.

    Set-aside regions (the tagger's plus segment.py's) produce no entries; each document's
    output lists them with their reasons.
    """
    merger = Merger()
    for document, tags in pairs:
        merger.add(document, tags)
    return TimelineOutput(documents=merger.documents, entries=merger.finish(), errors=list(errors))
