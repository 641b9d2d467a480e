"""Conflicts: one happening that different sources date differently.

Two entries are linked when a mention of each, from two different documents, tells the same
happening beyond doubt (`strong_identity`: kinds known and compatible, a rare word in common,
strong evidence) while both date it to a day of their own: "في العاشر من ديسمبر الماضي" in one
article and "في 22 ديسمبر (كانون الأول) الماضي" in another, both the tripartite agreement.
Days told relative to publication ("أمس", "الاثنين") disagree by a few days at most
(`DEICTIC_MAX_DAYS`: a paper printed the next morning, a weekday read against the wrong week);
dates written out by at most `MAX_DAYS`. Within one story, whose own names are in many of its
articles, two reports a few days apart conflict on the same toll, one place taken, or one report
retold (`story_conflict`); such a link stays only when neither side has another (a series of
strikes is no conflict). A statement on another day is another statement, an
event a statement reports ("أعلنت الحكومة السبت عن اعتقال …") may be dated by the statement, and
kinds that recur (strikes, raids, clashes) are one happening only with a rare name or number in
common. The reason is written in Arabic, with each side's date and source.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from chrono.attach import RECURRING_KINDS, Event, compatible_kinds
from chrono.lexicon import LEXICON
from chrono.merge.clusters import Cluster, Member
from chrono.merge.corpus import Corpus
from chrono.merge.identity import identity, mentioned, says_little, strong_identity, told
from chrono.merge.index import MentionIndex, MergeCounts, neighbour_months, period_code

MAX_DAYS = 31
DEICTIC_MAX_DAYS = 3
_UNIQUE = 0.5  # a shared name this rare marks one occurrence of a recurring kind
STRONG = "strong"  # one happening beyond doubt
STORY = "story"  # two reports of one story, a specific participant in common
_KILLING = "killing"  # the kind a toll is told of
_TAKING = "capture"  # the kind that happens once to a place
_RETOLD_WORDS = 5  # specific words two retellings of one report share at least
_RETOLD_SHARE = 0.75  # and this share of the shorter one's specific words (weighted by rarity)

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


def conflict_pair(a: Cluster, b: Cluster, x: Event, y: Event, corpus: Corpus) -> str | None:
    """How mention `x` of `a` and `y` of `b` date one happening differently: `STRONG` (one
    happening beyond doubt), `STORY` (two reports of one story, see `story_conflict`) or None."""
    if x.doc_order == y.doc_order or not (_dated_to_a_day(x, a) and _dated_to_a_day(y, b)):
        return None
    days = abs((a.start - b.start).days)
    if days > (DEICTIC_MAX_DAYS if x.timex.relative or y.timex.relative else MAX_DAYS):
        return None
    if x.kind == "statement" or y.kind == "statement" or x.reported or y.reported:
        return None  # what was said on a day, or reported on it, may have happened earlier
    if _once_if_recurring(x, y, corpus) and strong_identity(x, y, corpus):
        return STRONG
    if days <= DEICTIC_MAX_DAYS and story_conflict(x, y, corpus):
        return STORY
    return None


def _once_if_recurring(x: Event, y: Event, corpus: Corpus) -> bool:
    """Kinds that recur (strikes, raids, clashes) are one happening only with a rare name or
    number in common."""
    if x.kind not in RECURRING_KINDS and y.kind not in RECURRING_KINDS:
        return True
    return any(corpus.weight(p) >= _UNIQUE and corpus.rare(p)
               for p in (x.participants | x.actors | y.participants | y.actors) & told(x) & told(y))


def story_conflict(x: Event, y: Event, corpus: Corpus) -> bool:
    """Two reports of one story (`Corpus.related`) tell one happening a few days apart. A story's
    own names are in many of its articles, so rarity over the corpus cannot tell its happenings
    apart; one of three things must: the same toll (`same_toll`), one place taken (`same_place_taken`),
    or one report retold (`retold`). Kinds known and one happening may be told as both, no clash,
    and a specific participant in common."""
    if not corpus.related(x.doc_order, y.doc_order) or says_little(x) or says_little(y):
        return False
    if identity(x, y, corpus) <= 0:
        return False
    shared = shared_participants(x, y, corpus)
    return bool(shared) and (same_toll(x, y, shared) or same_place_taken(x, y, shared) or retold(x, y, corpus))


def shared_participants(x: Event, y: Event, corpus: Corpus) -> set[str]:
    """The participants (names, places, counted numbers) of `x` that `y` names too (spellings of
    one name together) and that are specific here: not a word of most documents, nor a common one."""
    theirs = y.participants | y.places
    return {p for p in x.participants
            if mentioned(p, theirs) and corpus.weight(p) >= _UNIQUE and not corpus.ubiquitous(p)}


def same_toll(x: Event, y: Event, shared: set[str]) -> bool:
    """Both tell a killing with one count: "شهد تفجيراً انتحارياً أسفر عن مقتل 32 شخصاً" and "الهجوم
    الانتحاري الذي اوقع 32 قتيلا" (a sum of money, "86 مليار يورو", tells no killing)."""
    return compatible_kinds(x.kind, _KILLING) and compatible_kinds(y.kind, _KILLING) and \
        any(p.isdigit() for p in shared)


def same_place_taken(x: Event, y: Event, shared: set[str]) -> bool:
    """Both tell the taking of one place, named as a place on both sides: "استعادت قوات الجيش
    ... قاعدة العند" and "سيطروا على مدرج المطار الحربي بقاعدة العند"; a place is taken once,
    while fighting or strikes at one place go on for days."""
    return x.kind == y.kind == _TAKING and any(p in x.places and mentioned(p, y.places) for p in shared)


def retold(x: Event, y: Event, corpus: Corpus) -> bool:
    """One report printed by two papers: most of the specific words of one sentence are in the
    other ("غادر جدة أمس الأول دولة رئيس وزراء باكستان السيد محمد نواز شريف بعد زيارته لأداء
    مناسك العمرة" and the same with "أمس"). Not for kinds that recur, whose reports read alike."""
    if x.kind in RECURRING_KINDS or y.kind in RECURRING_KINDS:
        return False
    mine, theirs = _specific(x, corpus), _specific(y, corpus)
    common = mine & theirs
    smaller = min(_weight(mine, corpus), _weight(theirs, corpus))
    return len(common) >= _RETOLD_WORDS and smaller > 0 and _weight(common, corpus) >= _RETOLD_SHARE * smaller


def _specific(event: Event, corpus: Corpus) -> set[str]:
    return {w for w in event.context | event.words if w[:1] != "@" and not corpus.ubiquitous(w)}


def _weight(words: set[str], corpus: Corpus) -> float:
    return sum(corpus.weight(w) for w in words)


def find_conflicts(clusters: list[Cluster], counts: MergeCounts, index_type: type[MentionIndex],
                   corpus: Corpus) -> None:
    """Link every pair of day clusters that `conflict_pair` finds, both ways, with the reason.
    Candidates are the mentions of the month and its two neighbours in the same or related
    documents or sharing a rare word (`MentionIndex`). A link found on a story's evidence only
    stays when neither cluster has another such link: two dates of one thing disagree, three or
    more are a series ("قصف الطيران التركي ... شمال العراق" night after night)."""
    index = index_type(counts, corpus)
    story: dict[tuple[int, int], tuple[Cluster, Cluster, str]] = {}
    for cluster in clusters:
        if cluster.start != cluster.end:
            continue
        months = [period_code(key) for key in neighbour_months(cluster.start)]
        for event in cluster.events:
            for member in index.candidates(months, event):
                other = member.cluster
                if other is cluster or other.start == cluster.start or other.number in cluster.conflicts:
                    continue
                found = conflict_pair(cluster, other, event, member.event, corpus)
                if found is None:
                    continue
                first, second = sorted((cluster, other), key=lambda c: c.start)
                text = reason(first, second, event, member.event)
                if found == STRONG:
                    story.pop((first.number, second.number), None)
                    _link(cluster, other, text)
                else:
                    story.setdefault((first.number, second.number), (first, second, text))
        for event in cluster.events:
            index.add(Member(cluster, event), months[1:2], event)
    _link_story_pairs(story)


def _link(a: Cluster, b: Cluster, text: str) -> None:
    a.conflicts[b.number] = text
    b.conflicts[a.number] = text


def _link_story_pairs(story: dict[tuple[int, int], tuple[Cluster, Cluster, str]]) -> None:
    """Link the story pairs whose clusters have no other story pair (a series is no conflict)."""
    pairs_of = Counter(number for pair in story for number in pair)
    for (first, second), (a, b, text) in story.items():
        if pairs_of[first] == pairs_of[second] == 1 and b.number not in a.conflicts:
            _link(a, b, text)
