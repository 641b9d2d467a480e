"""Mentions into happenings: the clusters of one window of years.

1. mentions are taken narrowest first, a time of day counting as its day (ties: outside quotes,
   input order), so identity is decided at the day and a time only refines it;
2. each joins the cluster of the member it agrees with best (`identity`, at least the bar its
   dates set: `date_fit`), provided no member found refuses it (a clash of kinds, places or
   doers) and, from a document unrelated to the cluster's first report, it agrees with that
   report too (`joins_happening`); candidates come from the index (`MentionIndex`);
3. clusters of one date that one mention of the same date joins with evidence (`JOIN`) are
   merged (the first pass met them in an order where no member of one had been seen yet).

A mention that cannot found a happening of its own only ever joins one: a clock time whose day
nothing names ("الساعة 13:00"), an approximate date ("قبل أربعة أشهر": some time around March).
A quoted "today" is the speech's day, which precedes publication: a deictic mention inside a
quote may join a cluster dated up to `QUOTE_LAG_DAYS` days before its resolved day (Gantz's tweet
«لقد اتخذنا خطوة تاريخية اليوم», published 25 Nov, is the 24 Nov signing).
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple, Optional

from chrono.attach import Event, names_a_feast_day
from chrono.merge.corpus import Corpus
from chrono.merge.identity import JOIN, STRONG, identity, same_event_word, says_little, told
from chrono.merge.index import MentionIndex, MergeCounts, lookup_periods_of, period_code, periods_of

GRANULARITY_RANK = {
    "minute": 0, "hour": 1, "part_of_day": 2, "day": 3, "week": 4, "month": 5, "quarter": 6,
    "half": 7, "year": 8, "decade": 9, "century": 10, None: 11,
}
QUOTE_LAG_DAYS = 3
BARE_TIME_LAG_DAYS = 1


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
    documents: set[int] = field(default_factory=set)  # the `doc_order`s of its mentions
    periods: list[int] = field(default_factory=list)  # `period_code`s of `periods_of(start, end)`
    # (precision key of `best`, input position of `best`): the order one run over all the events
    # creates clusters in, whichever window this one was made in
    rank: tuple = ()
    merged_into: Optional[Cluster] = None

    def root(self) -> Cluster:
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster


class Member(NamedTuple):
    """A mention as filed in the index: it and its cluster (followed to its root when merged)."""

    cluster: Cluster
    event: Event


def precision_key(event: Event) -> tuple:
    """Narrowest first; a time of day counts as its day (identity is decided at the day, the
    time only refines it); mentions that cannot found a happening last (they only join)."""
    timex = event.timex
    rank = GRANULARITY_RANK.get(timex.granularity, 11)
    return (
        event.bare_time or event.approximate,
        (timex.end_date - timex.start_date).days,
        rank,
        timex.in_quote,
        timex.mod is not None,
        event.doc_order,
        timex.start,
        timex.end,
    )


def finer(event: Event, than: Event) -> bool:
    """Whether `event`'s date is more precise than `than`'s within the same interval (a time of
    the day refines the day)."""
    a, b = event.timex, than.timex
    return ((a.end_date - a.start_date).days, GRANULARITY_RANK.get(a.granularity, 11), a.in_quote) < \
        ((b.end_date - b.start_date).days, GRANULARITY_RANK.get(b.granularity, 11), b.in_quote)


def lag_days(event: Event) -> int:
    """How many days before its resolved day a mention may really mean: a quoted day told from
    publication ("اليوم", "أمس": the speech's day) or a time whose day nothing names. A quoted
    date that names its day («في 30 يونيو») means that day."""
    timex = event.timex
    if timex.start_date != timex.end_date:
        return 0
    if event.bare_time:
        return BARE_TIME_LAG_DAYS
    if timex.in_quote and timex.relative:
        return QUOTE_LAG_DAYS
    return 0


def lookup_keys(event: Event) -> list[tuple]:
    """The period keys a mention looks clusters up in: its own, and the days it may really mean."""
    timex = event.timex
    keys = lookup_periods_of(timex.start_date, timex.end_date)
    day = timex.start_date.toordinal()
    return keys + [("d", day - lag) for lag in range(1, lag_days(event) + 1)]


def touched_years(event: Event) -> frozenset[int]:
    """The years whose clusters the merge may compare `event` with: the periods it looks
    clusters up in, and the days a lagging mention may really mean.

    "10 ديسمبر 2020" → {2020}; "بين 2019 و2021" → {2019, 2021}; a quoted "اليوم" on 2 January
    2021 → {2020, 2021} (it may mean a day or two before). Events whose year sets do not
    overlap never meet, which is what lets `cluster_window` work on windows of years.
    """
    return frozenset(date.fromordinal(key[1]).year if key[0] == "d" else key[1] for key in lookup_keys(event))


# A part of the day as the hours it spans (morning 5-12, noon 11-14, afternoon 13-18, evening
# 17-22, night 20-6): two times of one happening fall in overlapping spans.
_PART_HOURS = {"MO": (5, 12), "MI": (11, 14), "AF": (13, 18), "EV": (17, 22), "NI": (20, 30)}


def hours_of(event: Event) -> tuple[int, int] | None:
    """The hours a mention's time of day spans ("ظهر الاثنين" 11-14, "الساعة 04" 4-5), None for
    a whole day."""
    timex = event.timex
    if timex.hour is not None:
        return timex.hour, timex.hour + 1
    if timex.part_of_day is not None:
        return _PART_HOURS.get(timex.part_of_day)
    return None


def times_clash(a: Event, b: Event) -> bool:
    """Both told with a time of day, and the times cannot meet: "ظهر الاثنين" and "ليل الاثنين"
    are two happenings of one Monday. (The night runs past midnight: 04:00 is night.) Two parts
    of one day are compared on that day: "صباح السبت" and "ليلة السبت" (the night that follows
    Saturday) never meet, though a night's last hours are morning hours."""
    x, y = hours_of(a), hours_of(b)
    if x is None or y is None:
        return False
    both_parts = a.timex.hour is None and b.timex.hour is None
    shifts = (0,) if both_parts else (-24, 0, 24)
    return not any(x[0] < y[1] + shift and y[0] + shift < x[1] for shift in shifts)


def date_fit(event: Event, cluster: Cluster) -> float | None:
    """The identity a mention needs to join `cluster` given the dates, None when they cannot be
    one happening's: `JOIN` for the same interval (or a time in its day), `STRONG` for a
    coarser mention around the cluster's date or overlapping a range, or a lagging mention.
    An explicit range ("من 23 إلى 25 نوفمبر", a visit) is its own happening: it only joins the
    same range, not a day inside it (the arrival on the 23rd)."""
    timex = event.timex
    start, end = timex.start_date, timex.end_date
    if times_clash(event, cluster.best):
        return None
    if (start, end) == (cluster.start, cluster.end):
        # a month, a year, a feast day: many happenings share it, so the same date says less
        return STRONG if (end - start).days > 6 or timex.holiday else JOIN
    lag = lag_days(event)
    if lag and cluster.start == cluster.end and 0 < (start - cluster.end).days <= lag:
        if not event.bare_time:
            # a quoted "اليوم" whose frame names the happening (`quoted_names_it`): the speech
            # of the day before publication; further back, it needs strong identity
            return 0.0 if (start - cluster.end).days == 1 else STRONG
        if event.kind is not None and cluster.best.kind is not None:
            return STRONG
    if timex.is_range:
        return None
    if start <= cluster.start and cluster.end <= end:
        return STRONG
    if cluster.best.timex.is_range and start <= cluster.end and cluster.start <= end \
            and (end - start).days > 31:
        return STRONG  # "العام الماضي" against "من سبتمبر إلى يناير"
    return None


def quoted_names_it(event: Event, member: Event) -> bool:
    """A quoted "اليوم" joins an earlier day only when its sentence names that happening's
    event ("عقب التوقيع … «… اليوم»" for a signing). A word of saying names none: «… حتى
    اليوم» after "وقال" is not any statement made the day before."""
    if not (event.timex.in_quote and event.deictic) or event.timex.start_date == member.timex.start_date:
        return True
    return member.root is not None and not says_little(member) and "@" + member.root in event.context


class WindowMerge:
    """Steps 1-3 over one window's events."""

    def __init__(self, corpus: Corpus, counts: MergeCounts, index_type: type[MentionIndex]) -> None:
        self.corpus = corpus
        self.counts = counts
        self.index = index_type(counts, corpus)
        self.clusters: list[Cluster] = []
        # (day, lemma) → members: where a quoted "اليوم" finds the happening its frame names
        self.lemma_days: dict[tuple[int, str], list[Member]] = defaultdict(list)
        # cluster number → the other clusters some of its mentions agreed with as well
        self.also: dict[int, set[int]] = defaultdict(set)

    def candidates(self, event: Event) -> list[Member]:
        return self.index.candidates([period_code(k) for k in lookup_keys(event)], event)

    def best_cluster(self, event: Event) -> Cluster | None:
        """The cluster of the member `event` agrees with best (at least the bar its dates set,
        the older cluster on ties), provided more of its members found agree than refuse (a
        clash of kinds, places or doers). The other clusters it agrees with as well are noted:
        they may be the same happening (`merge_clusters`)."""
        scores: dict[int, tuple[float, Cluster]] = {}
        refused: set[int] = set()  # clusters a member of which refuses the mention
        told = event
        if event.context:  # a quoted "اليوم": the quote's frame names the happening
            told = dataclasses.replace(event, words=event.words | {w for w in event.context if w[:1] != "@"})
        bars: dict[int, float | None] = {}  # the bar each cluster's dates set (one per cluster)
        for member in self._quote_candidates(event) + self.candidates(told):
            cluster = member.cluster.root()
            if cluster.number in refused:
                continue  # refused by one member: what the others say no longer counts
            if cluster.number not in bars:
                bars[cluster.number] = date_fit(event, cluster)
            found = self.agreement(event, told, member.event, cluster, bars[cluster.number])
            if found is None:
                continue
            if found < 0:
                refused.add(cluster.number)
            elif found > scores.get(cluster.number, (-1.0, cluster))[0]:
                scores[cluster.number] = (found, cluster)
        ranked = sorted(((score, -number, cluster) for number, (score, cluster) in scores.items()
                         if number not in refused and self.joins_happening(event, told, cluster)),
                        key=itemgetter(0, 1), reverse=True)
        if not ranked:
            return None
        best = ranked[0][2]
        for score, _, other in ranked[1:]:
            if score >= JOIN and (other.start, other.end) == (event.timex.start_date, event.timex.end_date):
                self.also[best.number].add(other.number)
                self.also[other.number].add(best.number)
        return best

    def joins_happening(self, event: Event, told: Event, cluster: Cluster) -> bool:
        """Agreeing with one member is not enough when the mention's document tells another
        story than the cluster's first report (its founder): then it must agree with the
        founder as well, or a chain of pairs ("زار المستشفى الميداني" joined by "زار أعضاء
        جمعية الأمل المستشفى", then "زار أعضاء جمعية الأمل المدرسة") grows into one entry of
        nine visits of one day."""
        core = cluster.events[0]
        if self.corpus.related(event.doc_order, core.doc_order):
            return True
        bar = date_fit(event, cluster)
        return bar is not None and identity(told, core, self.corpus) >= max(bar, JOIN)

    def agreement(self, event: Event, told: Event, member: Event, cluster: Cluster,
                  bar: float | None) -> float | None:
        """How well `event` (read as `told`) agrees with `member` of `cluster`, whose dates set
        `bar` (`date_fit`): the identity when it reaches the bar, -1 when they refuse each other
        (a clash of kinds, places or doers), None when there is nothing to say (the dates cannot
        meet, too little evidence)."""
        if bar is None:
            return None
        if bar < JOIN and not self.corpus.related(event.doc_order, member.doc_order):
            bar = STRONG  # the speech of the day before, told in another story: strong identity only
        if bar >= STRONG and one_feast_day_retold(event, member):
            bar = JOIN
        found = identity(told, member, self.corpus)
        if found < 0:
            return found
        if bar >= STRONG and vague(event, member) and not _rare_link(told, member, self.corpus):
            return None  # "العام الماضي", a feast day: only a rare shared name says it is one
        if found >= bar and quoted_names_it(event, member):
            return found
        return None

    def _quote_candidates(self, event: Event) -> list[Member]:
        """Members of the days a quoted "اليوم" may mean whose lemma its frame names."""
        if not (event.timex.in_quote and event.deictic and event.context):
            return []
        found: list[Member] = []
        day = event.timex.start_date.toordinal()
        for lemma in sorted(w for w in event.context if w[:1] == "@"):
            for lag in range(1, lag_days(event) + 1):
                self.counts.lookups += 1
                bucket = self.lemma_days.get((day - lag, lemma[1:]), [])
                self.counts.candidates += len(bucket[-16:])
                found.extend(bucket[-16:])
        return found

    def join(self, event: Event, cluster: Cluster) -> None:
        cluster.events.append(event)
        cluster.documents.add(event.doc_order)
        timex = event.timex
        if event.root is not None and timex.start_date == timex.end_date:
            self.lemma_days[(timex.start_date.toordinal(), event.root)].append(Member(cluster, event))
            self.counts.filed += 1
        if finer(event, cluster.best) and (timex.start_date, timex.end_date) == (cluster.start, cluster.end):
            cluster.best = event
        self.index.add(Member(cluster, event), cluster.periods, event)

    def found(self, event: Event, key: tuple, position: Any) -> Cluster:
        timex = event.timex
        cluster = Cluster(number=len(self.clusters), best=event, start=timex.start_date, end=timex.end_date,
                          periods=[period_code(k) for k in periods_of(timex.start_date, timex.end_date)],
                          rank=(key, position))
        self.clusters.append(cluster)
        return cluster

    def merge_clusters(self) -> None:
        """Step 3: a cluster one of whose mentions agreed with an older cluster of the same date
        as well (the mentions of two reports of one happening met in an order where neither
        report's first mention could see the other's), merged into the oldest such cluster."""
        for cluster in self.clusters:
            if cluster.merged_into is not None:
                continue
            for number in sorted(self.also.get(cluster.number, ())):
                other = self.clusters[number].root()
                if other.number >= cluster.number or (other.start, other.end) != (cluster.start, cluster.end):
                    continue
                if not times_clash(cluster.best, other.best) and not self._vetoed(cluster, other):
                    self._absorb(other, cluster)
                    break

    def _vetoed(self, a: Cluster, b: Cluster) -> bool:
        return any(identity(x, y, self.corpus) < 0 for x in a.events[:8] for y in b.events[:8])

    @staticmethod
    def _absorb(target: Cluster, cluster: Cluster) -> None:
        target.events.extend(cluster.events)
        target.documents |= cluster.documents
        if finer(cluster.best, target.best):
            target.best = cluster.best
        cluster.merged_into = target


def vague(a: Event, b: Event) -> bool:
    """Either mention is a period told relative to publication ("العام الماضي", "الشهر الماضي",
    "الأسبوع الماضي") or a feast day: the date of many happenings, which names none of them."""
    return any(e.timex.start_date != e.timex.end_date and e.timex.relative or e.timex.holiday for e in (a, b))


def one_feast_day_retold(a: Event, b: Event) -> bool:
    """One article telling one event of a feast day twice, with the same event word: "الوفد
    الوزاري الذي وصل خلال اليوم الأول من عيد الفطر" and, further down, "وكان عدد من الوزراء
    وصلوا إلى عدن خلال اليوم الأول من عيد الفطر". A feast day names many happenings across
    articles (`vague`), but within one article the same kind of event told by the same word on
    that one day, named as a day of the feast, is the article coming back to it; different
    doers or places still refuse."""
    ta, tb = a.timex, b.timex
    return (a.doc_order == b.doc_order and ta.holiday and tb.holiday and ta.start_date == ta.end_date
            and (ta.start_date, ta.end_date) == (tb.start_date, tb.end_date)
            and names_a_feast_day(ta.text) and names_a_feast_day(tb.text)
            and a.kind is not None and a.kind == b.kind and same_event_word(a, b))


def _rare_link(a: Event, b: Event, corpus: Corpus) -> bool:
    """A name, place or number rare in the documents at hand (`Corpus.rare`) that both mentions
    tell, or two rare words: what a month or a year needs to be one happening's."""
    shared = told(a) & told(b)
    names = (a.participants | a.actors | b.participants | b.actors) & shared
    return any(corpus.rare(w) for w in names) or sum(1 for w in shared if corpus.rare(w)) >= 2


def cluster_events(positioned: Sequence[tuple[Any, Event]], counts: MergeCounts, index_type: type[MentionIndex],
                   corpus: Corpus) -> list[Cluster]:
    """Steps 1-3 (see the module docstring). `positioned` is in input order, so events of equal
    precision are taken in input order (the sort is stable)."""
    merge = WindowMerge(corpus, counts, index_type)
    ranked = sorted(((precision_key(event), position, event) for position, event in positioned), key=itemgetter(0))
    for key, position, event in ranked:
        best = merge.best_cluster(event)
        if best is None:
            if event.bare_time or event.approximate:
                continue  # a time nothing dates, an approximate date: they only ever join
            best = merge.found(event, key, position)
        merge.join(event, best)
    merge.merge_clusters()
    return [c for c in merge.clusters if c.merged_into is None]
