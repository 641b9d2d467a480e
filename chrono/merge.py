"""Cross-article merge: events of all documents → ordered chronology entries.

One entry is one happening. Two mentions are one happening when their dates are compatible (equal,
one inside the other) AND they tell the same event (`identity`): kinds that one happening may
be told as (`chrono.attach.compatible_kinds`: "تفجير" and "مقتل" yes, "قصف" and "تبنى هجوما" no),
no clash of places ("حي التواهي" against "معسكر لبوزة"), and enough shared content, each word
weighted by its rarity in the documents at hand (`Rarity`: "عدن" in every article of a story about
Aden weighs little, "لبوزة" a lot), the lemma and kind counting too. Date words never count (the
attachment leaves them out), so "العام الماضي" in 29 unrelated articles joins nothing.
When in doubt, two entries.

Within one happening the entry takes the most precise date; a coarser mention ("مارس الماضي")
joins a precise happening only on strong identity, and never changes its date. The same event
with incompatible dates from different sources ("في العاشر من ديسمبر الماضي" in 000 vs "في 22
ديسمبر (كانون الأول) الماضي" in 004, both the tripartite agreement) gives two entries linked by
Conflict records both ways, with the reason in Arabic.

Algorithm, O(n log n) in the number of mentions (the sorts; every mention does bounded work
besides, counted by `MergeCounts` and checked by tests/test_merge.py):
0. rarity: each word's document frequency over all the events (one pass);
1. sort events narrowest first, a time of day counting as its day (ties: outside quotes, input
   order), so identity is decided at the day and a time only refines it;
2. each event joins the cluster of the member it agrees with best; candidates come from an index
   keyed by (calendar period, pair of key words), a key word being one of the mention's rarest
   words or its lemma; every joining mention files its own pairs, so a cluster is found through
   any of its members;
3. clusters that one member of each would join are merged (a second pass, same test);
4. conflicts: strong identity between clusters of disjoint dates close together, from different
   documents;
5. order entries by start, end, time of day, first mention (doc order, offset).

The public API, shared by `chrono timeline` and its Dask map-reduce (chrono/scale/dask_cluster.py):

    merger = Merger()
    for document, tags in pairs:
        merger.add(document, tags)          # attach: its events, and its DocumentInfo
    entries = merger.finish()               # steps 0-5 over everything added

    # the same result, window by window (what `--engine dask` distributes):
    prepared = prepare_document(document, tags, position)       # map: per document
    rarity = Rarity.of(events)  (or Rarity.merged(per-partition rarities))
    touched_years(event)                                         # which window an event needs
    part = cluster_window([(key, event), ...], rarity=rarity)    # reduce: steps 1-3 per window
    entries = combine_windows([part, ...], rarity=rarity)        # steps 4-5 over all windows

Steps 1-3 only ever compare an event with clusters of the years it looks up (`touched_years`),
so windows of years that no event links give the clusters of the whole run; `combine_windows`
puts them back in the order one run would have created them.

A quoted "today" is the speech's day, which precedes publication: a deictic mention inside a
quote may join a cluster dated up to `_QUOTE_LAG_DAYS` days before its resolved day (000: Gantz's
tweet «لقد اتخذنا خطوة تاريخية اليوم», anchor 25 Nov, is the 24 Nov signing). A clock time whose
day nothing names ("الساعة 13:00") may likewise join its happening of the day or two before; it
never founds an entry of its own.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Sequence

from chrono.attach import (
    RECURRING_KINDS, Event, attach_document, compatible_kinds, is_holiday, kind_family, relative_day,
)
from chrono.lexicon import LEXICON
from chrono.models import (
    Conflict, Document, DocumentError, DocumentInfo, DocumentTags, Entry, Mention, TimelineOutput,
)
from chrono.segment import segment
from chrono.read.labels import newspaper_and_title

__all__ = [
    "Cluster", "MergeCounts", "Merger", "PairIndex", "PreparedDocument", "Rarity", "WindowClusters",
    "build_timeline", "cluster_window", "combine_windows", "identity", "merge_events", "prepare_document",
    "touched_years",
]

_GRANULARITY_RANK = {
    "minute": 0, "hour": 1, "part_of_day": 2, "day": 3, "week": 4, "month": 5, "quarter": 6,
    "half": 7, "year": 8, "decade": 9, "century": 10, None: 11,
}
_DAY_RANK = _GRANULARITY_RANK["day"]
# Identity (see `identity`): weights are rarities in [0, 1]; a shared word never weighs less
# than `_FLOOR` (a story's own words are in every article, yet two mentions sharing five of
# them and their event tell one happening).
_FLOOR = 0.2
_PARTICIPANT_FLOOR = 0.3
_MIN_CONTENT = 0.6  # shared words and participants, whatever the event words say
_SPECIFIC = 0.3  # at least one shared word this rare, or four shared words
_LEMMA_BONUS = 0.8
_KIND_BONUS = 0.6  # both kinds known, the same
_COMPATIBLE_BONUS = 0.4  # both kinds known, one happening may be told as either
_JOIN = 1.2  # same day (or equal interval)
_JOIN_COARSE = 1.8  # a coarser mention into a finer happening, a bare time into its day
_CONFLICT = 2.2  # strong identity: the same happening dated differently
_UNIQUE = 0.5  # a participant this rare marks one occurrence of a recurring kind
_GENERIC_PLACE = 0.25  # a place this common (rarity) never clashes: "تركيا" in a story on Turkey
_KEY_WORDS = 7  # the rarest words a mention is indexed by (plus its kind, lemma, participants)
_KEY_PARTICIPANTS = 4
_BUCKET_CAP = 16
_CONFLICT_MAX_DAYS = 31
_DEICTIC_CONFLICT_MAX_DAYS = 3
_QUOTE_LAG_DAYS = 3
_BARE_TIME_LAG_DAYS = 1


# ---------------------------------------------------------------- rarity

@dataclass
class Rarity:
    """Document frequency of every content word over the documents at hand (their events'
    words), read as a weight in [0, 1]: 1 for a word of one document, near 0 for a word of all.

        rarity = Rarity.of(events); rarity.weight("لبوزة") → 0.9, rarity.weight("عدن") → 0.1
    """

    documents: int = 0
    frequency: dict[str, int] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def of(events: Iterable[Event]) -> "Rarity":
        words: dict[str, set[str]] = defaultdict(set)
        for event in events:
            words[event.doc].update(w for w in event.words if w[:1] != "#")
            words[event.doc].update(event.participants)
        frequency: Counter = Counter()
        for found in words.values():
            frequency.update(found)
        return Rarity(len(words), dict(frequency))

    @staticmethod
    def merged(parts: Iterable["Rarity"]) -> "Rarity":
        """The rarity of disjoint sets of documents together (Dask partitions)."""
        frequency: Counter = Counter()
        documents = 0
        for part in parts:
            documents += part.documents
            frequency.update(part.frequency)
        return Rarity(documents, dict(frequency))

    def weight(self, word: str) -> float:
        found = self._weights.get(word)
        if found is None:
            found = self._weights[word] = self._weight(word)
        return found

    def _weight(self, word: str) -> float:
        if word[:1] == "#":
            return 0.0
        top = math.log((self.documents + 1) / 0.5)
        if top <= 0:
            return 1.0
        return max(min(math.log((self.documents + 1) / (self.frequency.get(word, 0) + 0.5)) / top, 1.0), 0.0)


def _key_words(event: Event, rarity: Rarity) -> list[str]:
    """The words a mention is found by: its kind and lemma ("#attack", "@هاجم"), its rarest
    participants (who, where: "سوروتش" may be in every article of the story, yet it is what two
    reports of the bombing share) and its rarest words; at most `_KEY_WORDS` + 6 of them."""
    by_rarity = lambda w: (-rarity.weight(w), w)  # noqa: E731
    keys = [w for w in event.words if w[:1] == "#"]
    if event.root:
        keys.append("@" + event.root)
    people = sorted(event.participants | event.actors, key=by_rarity)[:_KEY_PARTICIPANTS]
    plain = sorted((w for w in event.words if w[:1] not in "@#" and w not in people), key=by_rarity)
    return keys + people + plain[:_KEY_WORDS]


def _spread(event: Event) -> tuple:
    """(the mention's kind family, all its words and participants): a mention is also filed under
    its family with each of its words, so two reports of one kind of event sharing any word meet
    ("سوروتش" with "%attack"), however common the word."""
    if event.kind is None:
        return ()
    return ("%" + kind_family(event.kind), sorted((event.words | event.participants | event.actors) - {"#" + event.kind}))


# ---------------------------------------------------------------- identity

class Identity(NamedTuple):
    """How strongly two mentions tell one happening; `score` is -1 when they cannot."""

    score: float
    same_doc: bool


_NONE = Identity(-1.0, False)


def identity(a: Event, b: Event, rarity: Rarity) -> Identity:
    """Whether `a` and `b` tell one happening, and how strongly (dates aside).

    Never when their kinds cannot be one happening ("قصفت المدفعية" vs "تبنى هجوما") or their
    places clash (each names a place the other does not mention, neither of them generic).
    Otherwise: the rarity of the shared words (at least `_FLOOR` each), the shared participants
    once more, plus `_LEMMA_BONUS` for the same lemma or `_KIND_BONUS` for the same kind.
    """
    if not compatible_kinds(a.kind, b.kind):
        return _NONE
    if _places_clash(a, b, rarity) or _actors_clash(a, b):
        return _NONE
    shared = a.words & b.words
    if a.root is not None and a.root == b.root:
        shared = shared - {"@" + a.root}  # counted as the lemma below
    score = sum(max(rarity.weight(w), _FLOOR) for w in shared if w[:1] != "#")
    score += sum(max(rarity.weight(p), _PARTICIPANT_FLOOR)
                 for p in (a.participants | a.actors) & (b.participants | b.actors))
    specific = any(rarity.weight(w) >= _SPECIFIC for w in shared if w[:1] != "#") or len(shared) >= 4
    if score < _MIN_CONTENT or not specific:
        return Identity(0.0, a.doc == b.doc)  # an event word and a generic word or two: not enough
    if a.kind == b.kind == "statement" and (a.actors or b.actors) and not _same_actor(a, b, rarity):
        return Identity(0.0, a.doc == b.doc)  # two statements the same day, not said by one voice
    if a.root is not None and a.root == b.root:
        score += _LEMMA_BONUS
    elif a.kind is not None and a.kind == b.kind:
        score += _KIND_BONUS
    elif a.kind is not None and b.kind is not None:
        score += _COMPATIBLE_BONUS
    return Identity(score, a.doc == b.doc)


def _rare_link(a: Event, b: Event, rarity: Rarity) -> bool:
    """A shared word or participant rare in the documents at hand: in two of them, or in at most
    one in a hundred ("ثلاثي" of the tripartite agreement in the seeds, a place's name in an archive)."""
    limit = max(2, rarity.documents // 100)
    return any(rarity.frequency.get(w, 0) <= limit
               for w in (a.words | a.participants) & (b.words | b.participants) if w[:1] != "#")


def _actors_clash(a: Event, b: Event) -> bool:
    """Of one kind, each names who did it, and neither's doer appears in the other's clause:
    "وافق مجلس الأمن" and "أقر الاتحاد الأوروبي" the same day are two approvals."""
    if not a.actors or not b.actors or a.kind is None or a.kind != b.kind:
        return False
    told_a = a.words | a.participants | a.actors
    told_b = b.words | b.participants | b.actors
    return not any(_mentioned(actor, told_b) for actor in a.actors) and \
        not any(_mentioned(actor, told_a) for actor in b.actors)


def _same_actor(a: Event, b: Event, rarity: Rarity | None = None) -> bool:
    """A doer in common (spellings of one name count): "مجلس الأمن الدولي" and "مجلس الأمن";
    with `rarity`, not a generic one ("علماء", "مسؤولون")."""
    return any(_mentioned(actor, b.actors) and (rarity is None or rarity.weight(actor) >= _SPECIFIC)
               for actor in a.actors)


def _places_clash(a: Event, b: Event, rarity: Rarity) -> bool:
    """`a` names a specific place that `b` does not mention while `b` names one `a` does not."""
    return _own_places(a, b, rarity) and _own_places(b, a, rarity)


def _own_places(a: Event, b: Event, rarity: Rarity) -> bool:
    told = b.words | b.participants
    return any(rarity.weight(p) >= _GENERIC_PLACE and not _mentioned(p, told) for p in a.places)


def _skeleton(word: str) -> str:
    """A name without its long vowels, for spellings of one foreign name: "سوروتش", "سروج" and
    "سوروتج" → "سرتش", "سرج", "سرتج"."""
    return "".join(c for c in word if c not in "اويى")


def _mentioned(place: str, told: frozenset[str]) -> bool:
    """Whether `place` or another spelling of it (skeletons one letter apart) is among `told`."""
    if place in told:
        return True
    skeleton = _skeleton(place)
    if len(skeleton) < 3:
        return False
    return any(_one_apart(skeleton, _skeleton(word)) for word in told if word[:1] == place[:1])


def _one_apart(a: str, b: str) -> bool:
    """Edit distance at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# ---------------------------------------------------------------- periods and the index

def _periods(start: date, end: date) -> list[tuple]:
    """Index keys of the calendar periods that contain [start, end): day, month, year; an interval
    over several years is filed under each of its years (at most a few: "من أيلول إلى كانون
    الثاني" is two, a decade ten)."""
    if start.year != end.year:
        return [("y", year) for year in range(start.year, min(end.year, start.year + 11) + 1)]
    keys = [("y", start.year)]
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
    """(period, pair of key words) → members (mentions with their cluster), each bucket read for
    its `_BUCKET_CAP` most recent members. The merge's candidate index (`Merger(index_type=...)`
    takes another one with the same `add` and `candidates`, e.g. an exhaustive scan).

    Why pairs: joining takes two shared words at least (a lemma and a rare word, or two rare
    words). A bucket keyed by one word ("مغرب", in every article of the seeds) fills up with
    unrelated mentions as the corpus gets denser; a bucket keyed by two words holds the mentions
    that can actually match, so a lookup reads about the same few at 10k and at 1M mentions.
    """

    def __init__(self, counts: MergeCounts) -> None:
        self.buckets: dict[int, list] = {}
        self.word_ids: dict[str, int] = {}
        self.counts = counts

    def _known_ids(self, words: Iterable[str]) -> list[int]:
        get = self.word_ids.get
        return sorted({i for i in map(get, words) if i is not None})

    def _new_ids(self, words: Iterable[str]) -> list[int]:
        ids = self.word_ids
        return sorted({ids.setdefault(word, len(ids)) for word in words})

    def add(self, member: Any, periods: list[int], words: Iterable[str], spread: tuple = ()) -> None:
        """File `member` under the pairs its `words` form, and under (`spread[0]`, w) for every
        word w of `spread[1]` (a kind family with each of a mention's words)."""
        ids = self._new_ids(words)
        pairs = [a * _WORD_SPACE + b for i, a in enumerate(ids) for b in ids[i + 1:]]
        if spread:
            (anchor,) = self._new_ids([spread[0]])
            pairs += [min(anchor, b) * _WORD_SPACE + max(anchor, b) for b in self._new_ids(spread[1]) if b != anchor]
        buckets = self.buckets
        for period in periods:
            base = period * _WORD_SPACE * _WORD_SPACE
            for pair in pairs:
                key = base + pair
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = [member]
                    continue
                bucket.append(member)
                if len(bucket) > 2 * _BUCKET_CAP:  # only the newest are ever read
                    del bucket[:-_BUCKET_CAP]
        self.counts.filed += len(pairs) * len(periods)

    def candidates(self, periods: list[int], words: Iterable[str], spread: tuple = ()) -> list:
        """Members filed under any (period, pair of `words`) or (period, `spread[0]`, a word of
        `spread[1]`), each once, in filing order per bucket: callers break ties by cluster
        number, so the result does not depend on it."""
        ids = self._known_ids(words)
        pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
        if spread and spread[0] in self.word_ids:
            anchor = self.word_ids[spread[0]]
            pairs += [(min(anchor, b), max(anchor, b)) for b in self._known_ids(spread[1]) if b != anchor]
        seen: set[int] = set()
        found: list = []
        buckets = self.buckets
        lookups = read = 0
        for period in periods:
            base = period * _WORD_SPACE
            for a, b in pairs:
                lookups += 1
                bucket = buckets.get((base + a) * _WORD_SPACE + b)
                if not bucket:
                    continue
                newest = bucket[-_BUCKET_CAP:]
                read += len(newest)
                for member in newest:
                    if id(member) not in seen:
                        seen.add(id(member))
                        found.append(member)
        self.counts.lookups += lookups
        self.counts.candidates += read
        return found


# ---------------------------------------------------------------- clusters

@dataclass
class Cluster:
    """One happening as the merge builds it: its mentions and its date. Callers only pass
    clusters along (from `cluster_window` to `combine_windows`)."""

    number: int  # creation order: ties go to the older cluster
    best: Event  # the most precise mention: its date is the entry's date
    start: date
    end: date
    events: list[Event] = field(default_factory=list)
    conflicts: dict[int, str] = field(default_factory=dict)
    periods: list[int] = field(default_factory=list)  # `_period_code`s of `_periods(start, end)`
    # (precision key of `best`, input position of `best`): the order one run over all the events
    # creates clusters in, whichever window this one was made in
    rank: tuple = ()
    merged_into: Optional["Cluster"] = None

    def root(self) -> "Cluster":
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster


class _Member(NamedTuple):
    """A mention as filed in the index: it and its cluster (followed to its root when merged)."""

    cluster: Cluster
    event: Event


def _precision_key(event: Event) -> tuple:
    """Narrowest first; a time of day counts as its day (identity is decided at the day, the
    time only refines it); bare times last (they only join)."""
    timex = event.timex
    rank = _GRANULARITY_RANK.get(timex.granularity, 11)
    return (
        event.bare_time,
        (timex.end_date - timex.start_date).days,
        max(rank, _DAY_RANK) if timex.start_date == timex.end_date else rank,
        timex.in_quote,
        timex.mod is not None,
        event.doc_order,
        timex.start,
        timex.end,
    )


def _finer(event: Event, than: Event) -> bool:
    """Whether `event`'s date is more precise than `than`'s within the same interval (a time of
    the day refines the day)."""
    a, b = event.timex, than.timex
    return ((a.end_date - a.start_date).days, _GRANULARITY_RANK.get(a.granularity, 11), a.in_quote) < \
        ((b.end_date - b.start_date).days, _GRANULARITY_RANK.get(b.granularity, 11), b.in_quote)


def _contains(outer_start: date, outer_end: date, inner_start: date, inner_end: date) -> bool:
    return outer_start <= inner_start and inner_end <= outer_end


def _lag_days(event: Event) -> int:
    """How many days before its resolved day a mention may really mean: a quoted deictic "اليوم"
    (the speech's day) or a time whose day nothing names."""
    timex = event.timex
    if timex.start_date != timex.end_date:
        return 0
    if event.bare_time:
        return _BARE_TIME_LAG_DAYS
    if timex.in_quote and event.deictic:
        return _QUOTE_LAG_DAYS
    return 0


def _lookup_periods(event: Event) -> list[int]:
    timex = event.timex
    keys = _lookup_period(timex.start_date, timex.end_date)
    day = timex.start_date.toordinal()
    keys += [("d", day - lag) for lag in range(1, _lag_days(event) + 1)]
    return [_period_code(key) for key in keys]


def touched_years(event: Event) -> frozenset[int]:
    """The years whose clusters the merge may compare `event` with: the periods it looks
    clusters up in, and the days a lagging mention may really mean.

    "10 ديسمبر 2020" → {2020}; "بين 2019 و2021" → {2019, 2021}; a quoted "اليوم" on 2 January
    2021 → {2020, 2021} (it may mean a day or two before). Events whose year sets do not
    overlap never meet, which is what lets `cluster_window` work on windows of years.
    """
    timex = event.timex
    years = set()
    keys = _lookup_period(timex.start_date, timex.end_date)
    day = timex.start_date.toordinal()
    keys += [("d", day - lag) for lag in range(1, _lag_days(event) + 1)]
    for key in keys:
        years.add(date.fromordinal(key[1]).year if key[0] == "d" else key[1])
    return frozenset(years)


def _date_fit(event: Event, cluster: Cluster) -> float | None:
    """The identity a mention needs to join `cluster` given the dates, None when they cannot be
    one happening's: `_JOIN` for the same interval (or a time in its day), `_JOIN_COARSE` for a
    coarser mention around the cluster's date or overlapping a range, or a lagging mention.
    An explicit range ("من 23 إلى 25 نوفمبر", a visit) is its own happening: it only joins the
    same range, not a day inside it (the arrival on the 23rd)."""
    timex = event.timex
    start, end = timex.start_date, timex.end_date
    if (start, end) == (cluster.start, cluster.end):
        # a month, a year, a feast day: many happenings share it, so the same date says less
        return _JOIN_COARSE if (end - start).days > 6 or is_holiday(timex) else _JOIN
    lag = _lag_days(event)
    if lag and cluster.start == cluster.end and 0 < (start - cluster.end).days <= lag:
        if not event.bare_time:
            # a quoted "اليوم" whose frame names the happening (`_quoted_names_it`): the speech
            # of the day before publication; further back, it needs strong identity
            return 0.0 if (start - cluster.end).days == 1 else _JOIN_COARSE
        if event.kind is not None and cluster.best.kind is not None:
            return _JOIN_COARSE
    if timex.typed_value.is_range:
        return None
    if _contains(start, end, cluster.start, cluster.end):
        return _JOIN_COARSE
    if cluster.best.timex.typed_value.is_range and start <= cluster.end and cluster.start <= end \
            and (end - start).days > 31:
        return _JOIN_COARSE  # "العام الماضي" against "من سبتمبر إلى يناير"
    return None


def _quoted_names_it(event: Event, member: Event) -> bool:
    """A quoted "اليوم" joins an earlier day only when its sentence names that happening's
    event ("عقب التوقيع … «… اليوم»" for a signing)."""
    if not (event.timex.in_quote and event.deictic) or member.root is None:
        return True
    if event.timex.start_date == member.timex.start_date:
        return True
    return "@" + member.root in event.context


class _Merge:
    """Steps 1-3 over one window's events."""

    def __init__(self, rarity: Rarity, counts: MergeCounts, index_type: type[PairIndex]) -> None:
        self.rarity = rarity
        self.counts = counts
        self.index = index_type(counts)
        self.clusters: list[Cluster] = []
        # (day, lemma) → members: where a quoted "اليوم" finds the happening its frame names
        self.lemma_days: dict[tuple[int, str], list[_Member]] = defaultdict(list)

    def best_cluster(self, event: Event) -> Cluster | None:
        """The cluster of the member `event` agrees with best (at least the bar its dates set,
        the older cluster on ties), provided more of its members found agree than refuse (a
        clash of kinds, places or doers)."""
        scores: dict[int, tuple[float, Cluster]] = {}
        votes: Counter = Counter()  # members for (+1) and against (-1), per cluster
        told = event
        if event.context:  # a quoted "اليوم": the quote's frame names the happening
            told = dataclasses.replace(event, words=event.words | event.context)
        for member in self._quote_candidates(event) + \
                self.index.candidates(_lookup_periods(event), _key_words(told, self.rarity), _spread(told)):
            cluster = member.cluster.root()
            bar = _date_fit(event, cluster)
            if bar is None:
                continue
            found = identity(told, member.event, self.rarity)
            if found.score < 0:
                votes[cluster.number] -= 1
                continue
            if bar >= _JOIN_COARSE and not _rare_link(told, member.event, self.rarity):
                continue  # a coarse or feast-day date: only a rare shared word says it is one
            if found.score >= bar and _quoted_names_it(event, member.event):
                votes[cluster.number] += 1
                if found.score > scores.get(cluster.number, (-1.0, cluster))[0]:
                    scores[cluster.number] = (found.score, cluster)
        ranked = [(score, -number, cluster) for number, (score, cluster) in scores.items() if votes[number] > 0]
        if not ranked:
            return None
        return max(ranked, key=itemgetter(0, 1))[2]

    def _quote_candidates(self, event: Event) -> list[_Member]:
        """Members of the days a quoted "اليوم" may mean whose lemma its frame names."""
        if not (event.timex.in_quote and event.deictic and event.context):
            return []
        found: list[_Member] = []
        day = event.timex.start_date.toordinal()
        for lemma in sorted(w for w in event.context if w[:1] == "@"):
            for lag in range(1, _lag_days(event) + 1):
                self.counts.lookups += 1
                bucket = self.lemma_days.get((day - lag, lemma[1:]), [])
                self.counts.candidates += len(bucket[-_BUCKET_CAP:])
                found.extend(bucket[-_BUCKET_CAP:])
        return found

    def join(self, event: Event, cluster: Cluster) -> None:
        cluster.events.append(event)
        timex = event.timex
        if event.root is not None and timex.start_date == timex.end_date:
            self.lemma_days[(timex.start_date.toordinal(), event.root)].append(_Member(cluster, event))
            self.counts.filed += 1
        if _finer(event, cluster.best) and (event.timex.start_date, event.timex.end_date) == (cluster.start, cluster.end):
            cluster.best = event
        self.index.add(_Member(cluster, event), cluster.periods, _key_words(event, self.rarity), _spread(event))

    def found(self, event: Event, key: tuple, position: Any) -> Cluster:
        timex = event.timex
        cluster = Cluster(number=len(self.clusters), best=event, start=timex.start_date, end=timex.end_date,
                          periods=[_period_code(k) for k in _periods(timex.start_date, timex.end_date)],
                          rank=(key, position))
        self.clusters.append(cluster)
        return cluster

    def merge_clusters(self) -> None:
        """Step 3: a cluster that one of its members would join, merged into the older one (the
        greedy pass met them in an order where no member of one had been seen yet)."""
        for cluster in self.clusters:
            if cluster.merged_into is not None:
                continue
            target = self._merge_target(cluster)
            if target is not None:
                self._absorb(target, cluster)

    def _merge_target(self, cluster: Cluster) -> Cluster | None:
        for event in cluster.events:
            for member in self.index.candidates(_lookup_periods(event), _key_words(event, self.rarity),
                                                _spread(event)):
                other = member.cluster.root()
                if other is cluster or other.number > cluster.number:
                    continue
                if (other.start, other.end) != (cluster.start, cluster.end):
                    continue
                if identity(event, member.event, self.rarity).score >= _JOIN and \
                        not self._vetoed(cluster, other):
                    return other
        return None

    def _vetoed(self, a: Cluster, b: Cluster) -> bool:
        return any(identity(x, y, self.rarity).score < 0 for x in a.events[:8] for y in b.events[:8])

    @staticmethod
    def _absorb(target: Cluster, cluster: Cluster) -> None:
        target.events.extend(cluster.events)
        if _finer(cluster.best, target.best):
            target.best = cluster.best
        cluster.merged_into = target


def _cluster(positioned: Sequence[tuple[Any, Event]], counts: MergeCounts, index_type: type[PairIndex],
             rarity: Rarity) -> list[Cluster]:
    """Steps 1-3 (see module docstring). `positioned` is in input order, so events of equal
    precision are taken in input order (the sort is stable)."""
    merge = _Merge(rarity, counts, index_type)
    ranked = sorted(((_precision_key(event), position, event) for position, event in positioned),
                    key=itemgetter(0))
    for key, position, event in ranked:
        best = merge.best_cluster(event)
        if best is None:
            if event.bare_time:
                continue  # a time nothing dates: it only ever refines its day's happening
            best = merge.found(event, key, position)
        merge.join(event, best)
    merge.merge_clusters()
    return [c for c in merge.clusters if c.merged_into is None]


# ---------------------------------------------------------------- conflicts

_MONTH_NAMES = {m.month: m.forms[0] for m in LEXICON.data.gregorian_months if m.series == "msa"}


def _arabic_date(day: date) -> str:
    """"20 يوليو 2015"."""
    return f"{day.day} {_MONTH_NAMES.get(day.month, day.month)} {day.year}"


def _source_of(event: Event) -> str:
    return event.source or event.doc


def _reason(first: Cluster, second: Cluster, a: Event, b: Event) -> str:
    """The conflict, in Arabic: "تختلف المصادر في تاريخ هذا الحدث: 20 يوليو 2015 (okaz)،
    و21 يوليو 2015 (sabq)"."""
    if a.timex.start_date > b.timex.start_date:
        a, b = b, a
    return (f"تختلف المصادر في تاريخ هذا الحدث: {_arabic_date(first.start)} ({_source_of(a)})، "
            f"و{_arabic_date(second.start)} ({_source_of(b)})")


def _neighbour_months(day: date) -> list[tuple]:
    """Month keys of the month of `day` and the months before and after (covers ±31 days)."""
    months = day.year * 12 + day.month - 1
    return [("m", m // 12, m % 12 + 1) for m in (months - 1, months, months + 1)]


def _conflict_pair(a: Cluster, b: Cluster, rarity: Rarity, x: Event, y: Event) -> bool:
    """Two mentions from different documents, both dated by their own words to a day, of kinds
    one happening may be told as, telling one happening strongly; deictic days ("أمس", "الاثنين") disagree by a few days
    at most."""
    if x.doc == y.doc or x.kind is None or y.kind is None or not compatible_kinds(x.kind, y.kind):
        return False
    if x.bare_time or y.bare_time or x.timex.in_quote or y.timex.in_quote:
        return False
    if x.timex.start_date != a.start or y.timex.start_date != b.start:
        return False
    days = abs((a.start - b.start).days)
    if (_relative_day(x) or _relative_day(y)) and days > _DEICTIC_CONFLICT_MAX_DAYS:
        return False
    if x.kind == "statement" or y.kind == "statement":
        return False  # a statement on another day is another statement
    if (x.kind in RECURRING_KINDS or y.kind in RECURRING_KINDS) and not any(
            rarity.weight(p) >= _UNIQUE for p in (x.participants | x.actors) & (y.participants | y.actors)):
        return False  # strikes, clashes, raids recur: only a rare shared name or number makes them one
    return identity(x, y, rarity).score >= _CONFLICT


def _relative_day(event: Event) -> bool:
    """A day told relative to publication ("أمس", "الاثنين", "الليلة الماضية"), not by its date
    ("العاشر من ديسمبر"): the tagger's canonical value has a relative offset or a weekday alone."""
    return relative_day(event.timex)


def _find_conflicts(clusters: list[Cluster], counts: MergeCounts, index_type: type[PairIndex],
                    rarity: Rarity) -> None:
    """Step 4: the same happening, disjoint days close together, from different documents.

    Only day-precise clusters at most `_CONFLICT_MAX_DAYS` apart: sources that disagree on a date
    disagree by days or weeks ("العاشر من ديسمبر" vs "22 ديسمبر" for the tripartite agreement); two
    signings a year apart are two happenings, not a conflict. Candidates share a pair of key
    words within the month and its two neighbours.
    """
    index = index_type(counts)
    for cluster in clusters:
        if cluster.start != cluster.end:
            continue
        months = [_period_code(key) for key in _neighbour_months(cluster.start)]
        for event in cluster.events:
            for member in index.candidates(months, _key_words(event, rarity), _spread(event)):
                other = member.cluster
                if other is cluster or other.start == cluster.start or other.number in cluster.conflicts:
                    continue
                if abs((other.start - cluster.start).days) > _CONFLICT_MAX_DAYS:
                    continue
                if _conflict_pair(cluster, other, rarity, event, member.event):
                    first, second = sorted((cluster, other), key=lambda c: c.start)
                    reason = _reason(first, second, event, member.event)
                    cluster.conflicts[other.number] = reason
                    other.conflicts[cluster.number] = reason
        for event in cluster.events:
            index.add(_Member(cluster, event), months[1:2], _key_words(event, rarity), _spread(event))


# ---------------------------------------------------------------- entries

def _mention(event: Event) -> Mention:
    timex = event.timex
    return Mention(doc=event.doc, start=timex.start, end=timex.end, text=timex.text, value=timex.value,
                   sentence=event.sentence, in_quote=timex.in_quote, timex=timex.id)


def _first_mention_key(cluster: Cluster) -> tuple[int, int, int]:
    first = min(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    return first.doc_order, first.timex.start, first.timex.end


_PART_OF_DAY_MINUTES = {"MO": 8 * 60, "MI": 12 * 60, "AF": 15 * 60, "EV": 18 * 60, "NI": 21 * 60}


def _time_of_day(cluster: Cluster) -> int:
    """Minutes after midnight of the entry's time, -1 for a whole day (it comes first)."""
    point = cluster.best.timex.typed_value.start
    if point.hour is not None:
        return point.hour * 60 + (point.minute or 0)
    if point.part_of_day is not None:
        return _PART_OF_DAY_MINUTES.get(point.part_of_day, 0)
    return -1


def _label_event(cluster: Cluster) -> Event:
    """The most informative complete label: outside quotes, the highest label score (actor and
    action, length), earliest in input order on ties."""
    return min(cluster.events, key=lambda e: (e.timex.in_quote, e.bare_time, -e.label_score,
                                             e.doc_order, e.timex.start))


def _entry(cluster: Cluster, entry_id: str, ids: dict[int, str]) -> Entry:
    timex = cluster.best.timex
    label_event = _label_event(cluster)
    events = sorted(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    sources: list[str] = []
    for event in events:
        if event.doc not in sources:
            sources.append(event.doc)
    conflicts = sorted((ids[number], reason) for number, reason in cluster.conflicts.items() if number in ids)
    return Entry(
        id=entry_id, value=timex.value, type=timex.type, granularity=timex.granularity,
        start_date=timex.start_date, end_date=timex.end_date, mod=timex.mod,
        label=label_event.label, trigger=label_event.trigger, kind=label_event.kind, sources=sources,
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
    """The clusters of one window of years (steps 1-3), for `combine_windows`; picklable, so a
    Dask worker can send it back."""

    clusters: list[Cluster]


def cluster_window(positioned: Iterable[tuple[Any, Event]], *, counts: Optional[MergeCounts] = None,
                   index_type: type[PairIndex] = PairIndex, rarity: Optional[Rarity] = None) -> WindowClusters:
    """Steps 1-3 over one window's events, given as (input position, event) pairs in any order.

    The position is any sortable key that gives the event's place in the whole input (the Dask
    map uses (document position, index in the document)): events of equal precision are
    clustered in input order, and `combine_windows` orders the windows' clusters by it. A window
    must hold every event that touches its years (`touched_years`), and `rarity` must be the
    whole input's (by default, the window's own events'); then its clusters are exactly those one
    run over all the events would make.
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():
        in_order = sorted(positioned, key=itemgetter(0))
        if rarity is None:
            rarity = Rarity.of(event for _, event in in_order)
        return WindowClusters(_cluster(in_order, counts, index_type, rarity))


def combine_windows(windows: Iterable[WindowClusters], *, counts: Optional[MergeCounts] = None,
                    index_type: type[PairIndex] = PairIndex, rarity: Optional[Rarity] = None) -> list[Entry]:
    """Steps 4-5: the clusters of all windows → entries e1, e2, … with their conflict links.

    The clusters are renumbered in the order one run would have created them, so ties (the
    older cluster wins) and ids come out as in `merge_events`. A cluster made only of weak
    mentions (`_is_weak`) gives no entry: a false date is worse than a missing one.
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():
        ranked = sorted((c for window in windows for c in window.clusters), key=lambda c: c.rank)
        if rarity is None:
            rarity = Rarity.of(e for c in ranked for e in c.events)
        for number, cluster in enumerate(ranked):
            cluster.number = number
            cluster.conflicts = {}
        clusters = [c for c in ranked if not all(_is_weak(e) for e in c.events)]
        _find_conflicts(clusters, counts, index_type, rarity)
        clusters.sort(key=lambda c: (c.start, c.end, _time_of_day(c), _first_mention_key(c)))
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
    events = list(events)
    with _gc_paused():  # once over both steps: a collection in between would scan every cluster
        rarity = Rarity.of(events)
        window = cluster_window(enumerate(events), counts=counts, index_type=index_type, rarity=rarity)
        return combine_windows([window], counts=counts, index_type=index_type, rarity=rarity)


class PreparedDocument(NamedTuple):
    """What the merge keeps of one tagged document: its DocumentInfo and its events (the text
    stays behind)."""

    info: DocumentInfo
    events: list[Event]


def prepare_document(document: Document, tags: DocumentTags, position: int) -> PreparedDocument:
    """One tagged document → its DocumentInfo (its paper and title when the input names them, and
    the set-aside regions of the tagger and of segment.py, which produce no entries) and its
    events; `position` is the document's place in the input (its events' `doc_order`)."""
    seg = segment(document.text)
    regions = {(r.start, r.end): r for r in list(tags.set_aside) + list(seg.set_aside)}
    set_aside = [regions[key] for key in sorted(regions)]
    newspaper, title = newspaper_and_title(document)
    info = DocumentInfo(id=tags.id, path=tags.path if tags.path is not None else document.path,
                        source=newspaper, title=title,
                        anchor=tags.anchor, encoding=tags.encoding, set_aside=set_aside)
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
        """Steps 0-5 over everything added: the ordered entries."""
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
