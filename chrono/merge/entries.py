"""Clusters into chronology entries: the date of the most precise mention, the most informative
complete label, every mention with its sentence, conflicts by entry id; entries ordered by start,
end, time of day, then first report.
"""
from __future__ import annotations

from chrono.attach import Event
from chrono.merge.clusters import Cluster
from chrono.merge.identity import says_little
from chrono.models import Conflict, Entry, Mention

_PART_OF_DAY_MINUTES = {"MO": 8 * 60, "MI": 12 * 60, "AF": 15 * 60, "EV": 18 * 60, "NI": 21 * 60}


def mention(event: Event) -> Mention:
    timex = event.timex
    return Mention(doc=event.doc, start=timex.start, end=timex.end, text=timex.text, value=timex.value,
                   sentence=event.sentence, in_quote=timex.in_quote, timex=timex.id)


def first_mention_key(cluster: Cluster) -> tuple[int, int, int]:
    first = min(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    return first.doc_order, first.timex.start, first.timex.end


def time_of_day(cluster: Cluster) -> int:
    """Minutes after midnight of the entry's time, -1 for a whole day (it comes first)."""
    timex = cluster.best.timex
    if timex.hour is not None:
        return timex.hour * 60 + (timex.minute or 0)
    if timex.part_of_day is not None:
        return _PART_OF_DAY_MINUTES.get(timex.part_of_day, 0)
    return -1


def order_key(cluster: Cluster) -> tuple:
    """By start, then end, then time of day, then first report."""
    return cluster.start, cluster.end, time_of_day(cluster), first_mention_key(cluster)


def label_event(cluster: Cluster) -> Event:
    """The most informative complete label: outside quotes, a mention that says what happened
    (not "قال مصدر ..." beside "وقع المغرب وإسرائيل ..."), of the kind of event most sources tell,
    then the highest label score (actor and action, length), earliest in input order on ties."""
    tellers: dict[str | None, set[int]] = {}
    for event in cluster.events:
        tellers.setdefault(event.kind, set()).add(event.doc_order)
    return min(cluster.events, key=lambda e: (e.timex.in_quote, e.bare_time, says_little(e),
                                             -len(tellers[e.kind]), -e.label_score,
                                             e.doc_order, e.timex.start))


def entry(cluster: Cluster, entry_id: str, ids: dict[int, str]) -> Entry:
    timex = cluster.best.timex
    labelled = label_event(cluster)
    events = sorted(cluster.events, key=lambda e: (e.doc_order, e.timex.start, e.timex.end))
    sources: list[str] = []
    for event in events:
        if event.doc not in sources:
            sources.append(event.doc)
    conflicts = sorted((ids[number], reason) for number, reason in cluster.conflicts.items() if number in ids)
    return Entry(
        id=entry_id, value=timex.value, type=timex.type, granularity=timex.granularity,
        start_date=timex.start_date, end_date=timex.end_date, mod=timex.mod,
        label=labelled.label, trigger=labelled.trigger, kind=labelled.kind, sources=sources,
        mentions=[mention(e) for e in events],
        conflicts=[Conflict(entry=other, reason=reason) for other, reason in conflicts],
    )


def is_weak(event: Event) -> bool:
    """A quoted deictic resolved against an estimated anchor: 003 (published "about" 27 Nov)
    quoting «كل ما يجري اليوم باسم قضية الصحراء» cannot be placed on any particular day."""
    return event.deictic and event.timex.in_quote and not event.anchor_sure
