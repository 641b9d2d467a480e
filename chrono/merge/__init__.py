"""Cross-article merge: the events of all documents → ordered chronology entries.

One entry is one happening. Two mentions are one happening when their dates are compatible
(equal, one inside the other) AND they tell the same event (`identity`): kinds one happening may
be told as, no clash of places or doers, and evidence that depends on where they stand: in one
article, the same kind of event on the same day; in two articles telling the same story
(`Corpus.related`: they share distinctive words), the same kind of event and a word in common;
in two articles about different news, two rare words in common. Date words never count (the
attachment leaves them out), so "العام الماضي" in 29 unrelated articles joins nothing. When in
doubt, two entries.

Within one happening the entry takes the most precise date; a coarser mention ("مارس الماضي")
joins a precise happening only on strong identity, and never changes its date. The same event
with incompatible dates from different sources ("في العاشر من ديسمبر الماضي" in 000 vs "في 22
ديسمبر (كانون الأول) الماضي" in 004, both the tripartite agreement) gives two entries linked by
Conflict records both ways, with the reason in Arabic (chrono/merge/conflicts.py).

Steps, O(n log n) in the number of mentions (the sorts; every mention does bounded work
besides, counted by `MergeCounts` and checked by tests/test_merge.py):
0. the corpus: each word's rarity and each document's related documents (chrono/merge/corpus.py);
1-3. mentions into clusters, narrowest first, then clusters of one date merged
   (chrono/merge/clusters.py);
4. conflicts between clusters (chrono/merge/conflicts.py);
5. entries in order (chrono/merge/entries.py).

The public API, shared by `chrono timeline` and its Dask map-reduce (chrono/scale/dask_cluster.py):

    merger = Merger()
    for document, tags in pairs:
        merger.add(document, tags)          # attach: its events, terms and DocumentInfo
    entries = merger.finish()               # steps 0-5 over everything added

    # the same result, window by window (what `--engine dask` distributes):
    prepared = prepare_document(document, tags, position)       # map: per document
    corpus = Corpus.build({position: prepared.terms, ...})        # all documents' terms
    touched_years(event)                                         # which window an event needs
    part = cluster_window([(key, event), ...], corpus=corpus)    # reduce: steps 1-3 per window
    entries = combine_windows([part, ...], corpus=corpus)        # steps 4-5 over all windows

Steps 1-3 only ever compare an event with clusters of the years it looks up (`touched_years`),
so windows of years that no event links give the clusters of the whole run; `combine_windows`
puts them back in the order one run would have created them.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import pickle
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple, Optional, TypeVar, cast

from chrono.attach import Dated, Event, attach_document
from chrono.merge.clusters import Cluster, cluster_events, touched_years
from chrono.merge.conflicts import find_conflicts
from chrono.merge.corpus import Corpus, DocumentTerms
from chrono.merge.entries import entry, is_weak, order_key
from chrono.merge.identity import identity
from chrono.merge.index import MentionIndex, MergeCounts
from chrono.merge.texts import (
    EVENT_FIELDS,
    TextStore,
    event_values,
    pack_texts,
    slim_values,
    unpack_texts,
    with_texts,
)
from chrono.models import Document, DocumentError, DocumentInfo, DocumentTags, Entry, TimelineOutput
from chrono.read.labels import newspaper_and_title
from chrono.segment import segment

__all__ = [
    "Cluster", "Corpus", "DocumentTerms", "MentionIndex", "MergeCounts", "Merger", "PackedEvents", "PreparedDocument",
    "WindowClusters", "build_timeline", "cluster_window", "combine_windows", "combined_entries", "events_corpus",
    "identity", "TextStore", "merge_events", "merged_entries", "prepare_document", "touched_years",
]


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


def events_corpus(events: Iterable[Event]) -> Corpus:
    """The corpus of events alone (no document text at hand): each document's terms are the
    words of its events."""
    words: dict[int, list[str]] = defaultdict(list)
    for event in events:
        words[event.doc_order].extend(event.words)
    return Corpus.build({doc: DocumentTerms.of_words(found) for doc, found in words.items()})


@dataclass
class WindowClusters:
    """The clusters of one window of years (steps 1-3), for `combine_windows`; picklable, so a
    Dask worker can send it back."""

    clusters: list[Cluster]


def cluster_window(positioned: Iterable[tuple[Any, Event]], *, counts: Optional[MergeCounts] = None,
                   index_type: type[MentionIndex] = MentionIndex, corpus: Optional[Corpus] = None) -> WindowClusters:
    """Steps 1-3 over one window's events, given as (input position, event) pairs in any order.

    The position is any sortable key that gives the event's place in the whole input (the Dask
    map uses (document position, index in the document)): events of equal precision are
    clustered in input order, and `combine_windows` orders the windows' clusters by it. A window
    must hold every event that touches its years (`touched_years`), and `corpus` must be the
    whole input's (by default, the window's own events'); then its clusters are exactly those one
    run over all the events would make.
    """
    counts = counts if counts is not None else MergeCounts()
    with _gc_paused():
        in_order = sorted(positioned, key=itemgetter(0))
        if corpus is None:
            corpus = events_corpus(event for _, event in in_order)
        return WindowClusters(cluster_events(in_order, counts, index_type, corpus))


def combine_windows(windows: Iterable[WindowClusters], *, counts: Optional[MergeCounts] = None,
                    index_type: type[MentionIndex] = MentionIndex, corpus: Optional[Corpus] = None,
                    release: bool = False, texts: Optional[TextStore] = None) -> list[Entry]:
    """Steps 4-5: the clusters of all windows → entries e1, e2, … with their conflict links.

    The clusters are renumbered in the order one run would have created them, so ties (the
    older cluster wins) and ids come out as in `merge_events`. A cluster made only of weak
    mentions (`is_weak`) gives no entry: a false date is worse than a missing one. With
    `release`, each cluster lets go of its events once its entry is made (the clusters are
    spent): an archive's events and entries are then never all held at once. With `texts`,
    the events came without their texts (`without_texts`) and get them back for their entry.
    """
    return list(combined_entries(windows, counts=counts, index_type=index_type, corpus=corpus, release=release,
                                 texts=texts))


def combined_entries(windows: Iterable[WindowClusters], *, counts: Optional[MergeCounts] = None,
                     index_type: type[MentionIndex] = MentionIndex, corpus: Optional[Corpus] = None,
                     release: bool = False, texts: Optional[TextStore] = None) -> Iterator[Entry]:
    """`combine_windows` one entry at a time, each made when asked (the conflicts and ids are
    settled before the first): a writer that takes them one by one never holds them all."""
    return _stepped_with_gc_paused(_combined(windows, counts if counts is not None else MergeCounts(), index_type,
                                             corpus, release, texts))


def _combined(windows: Iterable[WindowClusters], counts: MergeCounts, index_type: type[MentionIndex],
              corpus: Optional[Corpus], release: bool, texts: Optional[TextStore]) -> Iterator[Entry]:
    ranked = sorted((c for window in windows for c in window.clusters), key=lambda c: c.rank)
    if corpus is None:
        corpus = events_corpus(e for c in ranked for e in c.events)
    for number, cluster in enumerate(ranked):
        cluster.number = number
        cluster.conflicts = {}
    clusters = [c for c in ranked if not all(is_weak(e) for e in c.events)]
    find_conflicts(clusters, counts, index_type, corpus)
    clusters.sort(key=order_key)
    ids = {cluster.number: f"e{i}" for i, cluster in enumerate(clusters, 1)}
    for cluster in clusters:
        if texts is not None:
            cluster.events = texts.restored(cluster.events)
        made = entry(cluster, ids[cluster.number], ids)
        if release:
            cluster.events = []
        yield made


_T = TypeVar("_T")


def _stepped_with_gc_paused(steps: Iterator[_T]) -> Iterator[_T]:
    """The items of `steps`, the first computed with the cyclic GC paused (`_gc_paused`): it
    does the merge's work, millions of long-lived objects, which are then set aside from the
    GC (`gc.freeze`) until the last item. The other items (one entry each) and the caller's
    work between them run with the GC as the caller has it, so the caller's garbage (the json
    module's closures, for one) is collected as it goes, without rescanning the merge's objects."""
    with _gc_paused():
        first = next(steps, _DONE)
        gc.freeze()
    try:
        if first is _DONE:
            return
        yield cast(_T, first)
        yield from steps
    finally:
        gc.unfreeze()


_DONE = object()


def merge_events(events: Iterable[Event], *, counts: Optional[MergeCounts] = None,
                 index_type: type[MentionIndex] = MentionIndex, corpus: Optional[Corpus] = None,
                 release: bool = False, texts: Optional[TextStore] = None) -> list[Entry]:
    """Events (any documents) → ordered entries with ids e1, e2, … and conflict links: one
    window holding everything. Without `corpus`, the documents are known by their events'
    words. This is the function `make bench` times (on tools/synthetic.py's events); `counts`,
    when given, receives the elementary work done (see `MergeCounts`). `release`: see
    `combine_windows` (pass events nobody else holds, e.g. `Merger.finish(release=True)`);
    `texts`: where the events' texts wait (see `combine_windows`).
    """
    return list(merged_entries(events, counts=counts, index_type=index_type, corpus=corpus, release=release,
                               texts=texts))


def merged_entries(events: Iterable[Event], *, counts: Optional[MergeCounts] = None,
                   index_type: type[MentionIndex] = MentionIndex, corpus: Optional[Corpus] = None,
                   release: bool = False, texts: Optional[TextStore] = None) -> Iterator[Entry]:
    """`merge_events` one entry at a time (see `combined_entries`)."""
    return _stepped_with_gc_paused(_merged(events, counts if counts is not None else MergeCounts(), index_type,
                                           corpus, release, texts))


def _merged(events: Iterable[Event], counts: MergeCounts, index_type: type[MentionIndex], corpus: Optional[Corpus],
            release: bool, texts: Optional[TextStore]) -> Iterator[Entry]:
    events = list(events)
    corpus = corpus if corpus is not None else events_corpus(events)
    window = cluster_window(enumerate(events), counts=counts, index_type=index_type, corpus=corpus)
    events.clear()  # the clusters hold them now
    yield from _combined([window], counts, index_type, corpus, release, texts)


class PackedEvents:
    """A document's events as two strings, read back when iterated: what a worker process
    sends and `Merger` holds until the merge starts. An archive's events wait in the main
    process while the workers tag, and as objects (frozensets of words, sentences, dates) they
    take about four times the memory of their pickle. `data` is the pickle of the events
    without their texts (`without_texts`), compressed (a third of its size, for a
    millisecond of a worker's time), `texts` the texts packed apart (`pack_texts`): the
    merge reads the one, and the other waits for the entries on a `TextStore`. `documents`:
    the places in the input (`doc_order`) of the documents of the events."""

    __slots__ = ("data", "texts", "documents")

    def __init__(self, events: Iterable[Event] = (), *, data: Optional[bytes] = None,
                 texts: Optional[bytes] = None, documents: tuple[int, ...] = ()) -> None:
        if data is None or texts is None:
            events = list(events)
            data = zlib.compress(pickle.dumps([slim_values(e) for e in events], protocol=pickle.HIGHEST_PROTOCOL), 1)
            texts = pack_texts(events)
            documents = tuple(sorted({e.doc_order for e in events}))
        self.data, self.texts, self.documents = data, texts, documents

    def __iter__(self) -> Iterator[Event]:
        """The events whole, texts included."""
        texts = unpack_texts(self.texts)
        return iter([with_texts(event, texts) for event in self.without_texts()])

    def without_texts(self) -> list[Event]:
        """The events as the merge reads them (`without_texts`)."""
        return [Event(*values) for values in self.slim_values()]

    def slim_values(self) -> list[tuple]:
        """The field values of each of `without_texts` (`slim_values`): what the pickle holds."""
        return pickle.loads(zlib.decompress(self.data))

    def __reduce__(self) -> tuple:
        return _packed_from, (self.data, self.texts, self.documents)


def _packed_from(data: bytes, texts: bytes, documents: tuple[int, ...]) -> PackedEvents:
    return PackedEvents(data=data, texts=texts, documents=documents)


class PreparedDocument(NamedTuple):
    """What the merge keeps of one tagged document: its DocumentInfo, its events (a list, or
    `PackedEvents`) and its terms (the text stays behind)."""

    info: DocumentInfo
    events: list[Event] | PackedEvents
    terms: DocumentTerms


def prepare_document(document: Document, tags: DocumentTags, position: int) -> PreparedDocument:
    """One tagged document → its DocumentInfo (its paper and title when the input names them, and
    the set-aside regions of the tagger and of chrono.segment, which produce no entries), its events
    and its terms; `position` is the document's place in the input (its events' `doc_order`)."""
    seg = segment(document.text)
    regions = {(r.start, r.end): r for r in list(tags.set_aside) + list(seg.set_aside)}
    set_aside = [regions[key] for key in sorted(regions)]
    newspaper, title = newspaper_and_title(document)
    info = DocumentInfo(id=tags.id, path=tags.path if tags.path is not None else document.path,
                        source=newspaper, title=title,
                        anchor=tags.anchor, encoding=tags.encoding, set_aside=set_aside)
    kept = _outside(document.text, set_aside)
    return PreparedDocument(info, list(attach_document(document, tags, position, seg)), DocumentTerms.of_text(kept))


def _outside(text: str, regions: list) -> str:
    """The text without its set-aside regions (an appended article tells another story)."""
    if not regions:
        return text
    parts, at = [], 0
    for region in regions:
        parts.append(text[at:max(at, region.start)])
        at = max(at, region.end)
    parts.append(text[at:])
    return " ".join(parts)


_TRIM_EVERY = 1000  # documents unpacked between two `_give_back_freed_memory` (a trim takes a millisecond)


def _give_back_freed_memory() -> None:
    """Return the pages of the freed pickles to the system. glibc keeps freed blocks for its own
    later use, and the events read from them live in Python's separate arenas: without this, the
    memory of every pickle stays counted beside the events for the whole merge. Nothing to do on
    a C library without `malloc_trim`."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)


class Merger:
    """The chronology of documents added one at a time; only their events and terms are kept,
    the events' texts on a temporary file until the entries are made (`TextStore`).

        merger = Merger()
        for document, tags in pairs:
            merger.add(document, tags)
        TimelineOutput(documents=merger.documents, entries=merger.finish())
    """

    def __init__(self, *, counts: Optional[MergeCounts] = None,
                 index_type: type[MentionIndex] = MentionIndex) -> None:
        self.counts = counts if counts is not None else MergeCounts()
        self.index_type = index_type
        self.infos: list[bytes] = []  # the documents' DocumentInfo, pickled: a fifth of their memory
        self.events: list[Event] = []
        self.terms: dict[int, DocumentTerms] = {}
        self.packed: list[PackedEvents] = []  # events added packed, after `events`, read at the merge
        self.texts = TextStore()  # the texts of `events` (they hold none)

    def add(self, document: Document, tags: DocumentTags) -> DocumentInfo:
        """Attach one tagged document (its position: the documents added before it)."""
        prepared = prepare_document(document, tags, len(self.infos))
        self.add_prepared(prepared, len(self.infos))
        return prepared.info

    def add_prepared(self, prepared: PreparedDocument, position: int) -> None:
        """A document prepared elsewhere (`prepare_document`, e.g. in a worker process): its
        events' words are made one object per distinct word (`shared_words`), since each
        document comes unpickled with copies of its own, and their texts wait apart
        (`TextStore`). `PackedEvents` stay packed until the merge starts."""
        self.infos.append(pickle.dumps(prepared.info, protocol=pickle.HIGHEST_PROTOCOL))
        if isinstance(prepared.events, PackedEvents):
            self.packed.append(prepared.events)
        else:
            self.unpack()
            self._hold(prepared.events)
        self.terms[position] = prepared.terms

    @property
    def documents(self) -> list[DocumentInfo]:
        """The DocumentInfo of each document added, in input order."""
        return list(self.iter_documents())

    def iter_documents(self) -> Iterator[DocumentInfo]:
        """`documents` one at a time (what `chrono timeline` writes to a file)."""
        return (pickle.loads(info) for info in self.infos)

    def _hold(self, events: Iterable[Event]) -> None:
        """Whole events into `events`, their texts into the store."""
        events = list(events)
        if events:
            self.texts.keep(pack_texts(events), {e.doc_order for e in events})
            self.events.extend(_shared_event(slim_values(event)) for event in events)

    def unpack(self) -> None:
        """The packed events read into `events`, in the order they were added; each pickle is
        let go once read, and their memory given back every `_TRIM_EVERY` documents, so the two
        forms of the archive's events are never both held."""
        if not self.packed:
            return
        packed, self.packed = self.packed, []
        packed.reverse()
        while packed:
            events = packed.pop()
            slim = events.slim_values()
            if slim:
                self.texts.keep(events.texts, {values[_DOC_ORDER] for values in slim})
            self.events.extend(map(_shared_event, slim))
            if len(packed) % _TRIM_EVERY == 0:
                _give_back_freed_memory()

    def add_events(self, events: Iterable[Event], terms: Optional[dict[int, DocumentTerms]] = None) -> None:
        """Events attached elsewhere; they keep their own `doc_order` (and, with `terms`, the
        terms of their documents by `doc_order`)."""
        self.unpack()
        self._hold(events)
        if terms:
            self.terms.update(terms)

    def corpus(self) -> Corpus:
        """The corpus of the documents added: their terms, or their events' words when documents
        came as events alone. Packed events stay packed unless their documents came without terms."""
        missing = {e.doc_order for e in self.events} | {doc for packed in self.packed for doc in packed.documents}
        missing -= set(self.terms)
        if not missing:
            return Corpus.build(self.terms)
        self.unpack()
        known = dict(self.terms)
        words: dict[int, list[str]] = defaultdict(list)
        for event in self.events:
            if event.doc_order in missing:
                words[event.doc_order].extend(event.words)
        known.update({doc: DocumentTerms.of_words(found) for doc, found in words.items()})
        return Corpus.build(known)

    def finish(self, *, release: bool = False) -> list[Entry]:
        """Steps 0-5 over everything added: the ordered entries. With `release`, the merger lets
        go of the events and terms added (it is empty afterwards) and the merge lets go of each
        happening's events once its entry is made: what `chrono timeline` does, so an archive's
        events, terms and entries are never all in memory at once."""
        if not release:
            corpus = self.corpus()
            self.unpack()
            return merge_events(self.events, counts=self.counts, index_type=self.index_type, corpus=corpus,
                                texts=self.texts)
        return list(self.stream())

    def stream(self) -> Iterator[Entry]:
        """The entries of `finish(release=True)`, each made when asked: what `chrono timeline`
        writes to a file, so an archive's entries are never all held either. The corpus is
        built while the events are still packed, and the terms let go before they are read."""
        corpus = self.corpus()
        self.terms = {}
        _give_back_freed_memory()  # the terms' arrays
        self.unpack()
        events, self.events = self.events, []
        try:
            yield from merged_entries(_emptied(events), counts=self.counts, index_type=self.index_type, corpus=corpus,
                                      release=True, texts=self.texts)
        finally:
            self.texts.close()


def _emptied(events: list[Event]) -> Iterator[Event]:
    """The events of `events`, which is left empty once they are all read (its reader holds them)."""
    yield from events
    events.clear()


_NO_WORDS: frozenset[str] = frozenset()  # one empty set for all: most events name no place, doer or lemma


def _one_each(words: frozenset[str]) -> frozenset[str]:
    """The words interned, in the smaller of the two tables CPython builds for them (from an
    iterator, the table grows fourfold as it fills; from a set, it is sized for its count)."""
    if not words:
        return _NO_WORDS
    grown = frozenset(map(sys.intern, words))
    sized = frozenset(set(grown))
    return sized if sys.getsizeof(sized) < sys.getsizeof(grown) else grown


def shared_words(event: Event) -> Event:
    """`event` with every word, name and lemma it holds the one interned copy of that string:
    an archive's events repeat a few ten thousand stems ("اتفاق", "مجلس") a million times,
    and each document sent from a worker process brings its own copies of them."""
    return _shared_event(event_values(event))


_AT = {name: i for i, name in enumerate(EVENT_FIELDS)}
_DOC, _DOC_ORDER, _TIMEX, _PHRASES = _AT["doc"], _AT["doc_order"], _AT["timex"], _AT["phrases"]
_WORD_SETS = [_AT[name] for name in ("words", "context", "participants", "places", "actors", "lemmas")]
_NAMES = [_AT[name] for name in ("root", "kind", "source", "trigger")]


def _shared_event(values: tuple) -> Event:
    """`shared_words` of the event with these field values (built once: no copy in between)."""
    fields = list(values)
    fields[_DOC] = sys.intern(fields[_DOC])
    for at in _WORD_SETS:
        fields[at] = _one_each(fields[at])
    fields[_PHRASES] = tuple(tuple(map(sys.intern, phrase)) for phrase in fields[_PHRASES])
    for at in _NAMES:
        fields[at] = _interned(fields[at])
    fields[_TIMEX] = _shared_timex(fields[_TIMEX])
    return Event(*fields)


def _interned(text: Optional[str]) -> Optional[str]:
    return None if text is None else sys.intern(text)


def _shared_timex(timex: Dated) -> Dated:
    """The timex's short strings ("t12", "أمس", "2015-07-20", "DATE", "day") interned too."""
    return timex._replace(id=sys.intern(timex.id), text=sys.intern(timex.text), value=sys.intern(timex.value),
                          type=sys.intern(timex.type), granularity=_interned(timex.granularity),
                          mod=_interned(timex.mod), part_of_day=_interned(timex.part_of_day),
                          start_date=_one_date(timex.start_date), end_date=_one_date(timex.end_date))


@lru_cache(maxsize=1 << 14)
def _one_date(day: date) -> date:
    """The first copy of an equal date seen: an archive's mentions name a few thousand days."""
    return day


def build_timeline(pairs: Iterable[tuple[Document, DocumentTags]],
                   errors: Iterable[DocumentError] = ()) -> TimelineOutput:
    """The chronology of several tagged documents, deterministic for a given input order.

    Set-aside regions (the tagger's plus chrono.segment's) produce no entries; each document's
    output lists them with their reasons.
    """
    merger = Merger()
    for document, tags in pairs:
        merger.add(document, tags)
    return TimelineOutput(documents=merger.documents, entries=merger.finish(), errors=list(errors))
