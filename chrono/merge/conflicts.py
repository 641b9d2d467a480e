"""Conflicts: one happening that different sources date differently.

Two entries are linked when a mention of each, from two different documents, tells the same
happening beyond doubt (`strong_identity`: kinds known and compatible, a rare word in common,
strong evidence) while both date it to a day of their own: "في العاشر من ديسمبر الماضي" in one
article and "في 22 ديسمبر (كانون الأول) الماضي" in another, both the tripartite agreement.
Days told relative to publication ("أمس", "الاثنين") disagree by a few days at most
(`DEICTIC_MAX_DAYS`: a paper printed the next morning, a weekday read against the wrong week);
dates written out by at most `MAX_DAYS`. A statement on another day is another statement, an
event a statement reports ("أعلنت الحكومة السبت عن اعتقال …") may be dated by the statement, and
kinds that recur (strikes, raids, clashes) are one happening only with a rare name or number in
common. The reason is written in Arabic, with each side's date and source.
"""
from __future__ import annotations

from datetime import date

from chrono.attach import RECURRING_KINDS, Event
from chrono.lexicon import LEXICON
from chrono.merge.clusters import Cluster, Member
from chrono.merge.corpus import Corpus
from chrono.merge.identity import strong_identity, told
from chrono.merge.index import MentionIndex, MergeCounts, neighbour_months, period_code

MAX_DAYS = 31
DEICTIC_MAX_DAYS = 3
_UNIQUE = 0.5  # a shared name this rare marks one occurrence of a recurring kind

_MONTH_NAMES = {m.month: m.forms[0] for m in LEXICON.data.gregorian_months if m.series == "msa"}


def arabic_date(day: date) -> str:
    """"20 يوليو 2015"."""
    return f"{day.day} {_MONTH_NAMES.get(day.month, day.month)} {day.year}"


def _source_of(event: Event) -> str:
    return event.source or event.doc


def reason(first: Cluster, second: Cluster, a: Event, b: Event) -> str:
    """The conflict, in Arabic: "تختلف المصادر في تاريخ هذا الحدث: 20 يوليو 2015 (okaz)،
    و21 يوليو 2015 (sabq)"."""
    if a.timex.start_date > b.timex.start_date:
        a, b = b, a
    return (f"تختلف المصادر في تاريخ هذا الحدث: {arabic_date(first.start)} ({_source_of(a)})، "
            f"و{arabic_date(second.start)} ({_source_of(b)})")


def _dated_to_a_day(event: Event, cluster: Cluster) -> bool:
    timex = event.timex
    return not (event.bare_time or event.approximate or timex.in_quote) and timex.start_date == cluster.start \
        and timex.end_date == cluster.end


def conflict_pair(a: Cluster, b: Cluster, x: Event, y: Event, corpus: Corpus) -> bool:
    """Mention `x` of `a` and `y` of `b` date one happening differently (see the module docstring)."""
    if x.doc_order == y.doc_order or not (_dated_to_a_day(x, a) and _dated_to_a_day(y, b)):
        return False
    days = abs((a.start - b.start).days)
    if days > (DEICTIC_MAX_DAYS if x.timex.relative or y.timex.relative else MAX_DAYS):
        return False
    if x.kind == "statement" or y.kind == "statement" or x.reported or y.reported:
        return False  # what was said on a day, or reported on it, may have happened earlier
    if (x.kind in RECURRING_KINDS or y.kind in RECURRING_KINDS) and not any(
            corpus.weight(p) >= _UNIQUE and corpus.rare(p)
            for p in (x.participants | x.actors | y.participants | y.actors) & told(x) & told(y)):
        return False
    return strong_identity(x, y, corpus)


def find_conflicts(clusters: list[Cluster], counts: MergeCounts, index_type: type[MentionIndex],
                   corpus: Corpus) -> None:
    """Link every pair of day clusters that `conflict_pair` finds, both ways, with the reason.
    Candidates are the mentions of the month and its two neighbours in the same or related
    documents or sharing a rare word (`MentionIndex`)."""
    index = index_type(counts, corpus)
    for cluster in clusters:
        if cluster.start != cluster.end:
            continue
        months = [period_code(key) for key in neighbour_months(cluster.start)]
        for event in cluster.events:
            for member in index.candidates(months, event):
                other = member.cluster
                if other is cluster or other.start == cluster.start or other.number in cluster.conflicts:
                    continue
                if conflict_pair(cluster, other, event, member.event, corpus):
                    first, second = sorted((cluster, other), key=lambda c: c.start)
                    text = reason(first, second, event, member.event)
                    cluster.conflicts[other.number] = text
                    other.conflicts[cluster.number] = text
        for event in cluster.events:
            index.add(Member(cluster, event), months[1:2], event)
