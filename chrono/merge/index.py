"""Where the merge looks for the happening a mention may belong to: calendar periods, and the
index of mentions already placed, by period and document.

A mention can only be one happening with a mention of its own document, of a document telling
the same story (`Corpus.neighbours`), or of any document sharing a rare word with it
("لبوزة", in two articles of an archive). So each placed mention is filed under (period, its
document) and (period, each of its rarest words), and a lookup reads the buckets of the
mention's document, its related documents and its rare words: a bounded number of small
buckets per mention, however large the input.

    index = MentionIndex(counts, corpus)
    index.add(member, periods, event)
    index.candidates(periods, event)   # members filed under those periods, each once
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

from chrono.attach import Event
from chrono.merge.corpus import Corpus, term_id

RARE_KEYS = 4  # a mention's rarest words it is filed and looked up under
BUCKET_CAP = 32  # the most recent members of a bucket that are read: a bounded merge on any input


# ---------------------------------------------------------------- calendar periods

def periods_of(start: date, end: date) -> list[tuple]:
    """Index keys of the calendar periods that contain [start, end]: day, month, year; an interval
    over several years is filed under each of its years (at most a dozen: "من أيلول إلى كانون
    الثاني" is two, a decade ten)."""
    if start.year != end.year:
        return [("y", year) for year in range(start.year, min(end.year, start.year + 11) + 1)]
    keys: list[tuple] = [("y", start.year)]
    if (start.year, start.month) == (end.year, end.month):
        keys.append(("m", start.year, start.month))
    if start == end:
        keys.append(("d", start.toordinal()))
    return keys


def lookup_periods_of(start: date, end: date) -> list[tuple]:
    """The narrowest period key(s) a mention looks clusters up in (those clusters lie inside)."""
    if start == end:
        return [("d", start.toordinal())]
    if (start.year, start.month) == (end.year, end.month):
        return [("m", start.year, start.month)]
    if end.year - start.year <= 1:
        return [("y", year) for year in range(start.year, end.year + 1)]
    return [("y", start.year), ("y", end.year)]  # long spans: the edges only, bounded cost


def period_code(key: tuple) -> int:
    """A period key as one small int (day, month and year codes never collide):
    ("d", 738118) → 2214354, ("m", 2021, 11) → 72787, ("y", 2021) → 6065."""
    if key[0] == "d":
        return int(key[1] * 3)
    if key[0] == "m":
        return int((key[1] * 12 + key[2] - 1) * 3 + 1)
    return int(key[1] * 3 + 2)


def neighbour_months(day: date) -> list[tuple]:
    """Month keys of the month of `day` and the months before and after (covers ±31 days)."""
    months = day.year * 12 + day.month - 1
    return [("m", m // 12, m % 12 + 1) for m in (months - 1, months, months + 1)]


# ---------------------------------------------------------------- the index

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


def rare_keys(event: Event, corpus: Corpus) -> list[str]:
    """The mention's rarest words and names, at most `RARE_KEYS` ("لبوزة", "سوروتش")."""
    rare = sorted((w for w in event.words if corpus.rare(w)), key=lambda w: (corpus.document_frequency(w), w))
    return rare[:RARE_KEYS]


def _bucket_key(period: int, item: int) -> int:
    """A period code and a document's place or a 32-bit term id as one int (an archive's index
    holds a million keys: an int takes half the memory of a tuple of two)."""
    return period << 32 | item


class MentionIndex:
    """(period, document) → members and (period, rare word) → members. `Merger(index_type=...)`
    takes another class with the same `add` and `candidates` (tests use an exhaustive scan)."""

    def __init__(self, counts: MergeCounts, corpus: Corpus) -> None:
        self.counts = counts
        self.corpus = corpus
        # keys are `_bucket_key(period, document or word id)`: one int, not a tuple of two
        self.by_document: dict[int, list] = {}
        self.by_word: dict[int, list] = {}
        # the last mention looked up and its rare words' ids: it is usually the next one filed
        self._last: tuple[Any, list[int]] = (None, [])

    def _word_ids(self, event: Event) -> list[int]:
        last, words = self._last
        if event is not last:
            words = [term_id(w) for w in rare_keys(event, self.corpus)]
            self._last = (event, words)
        return words

    def add(self, member: Any, periods: list[int], event: Event) -> None:
        words = self._word_ids(event)
        for period in periods:
            self.by_document.setdefault(_bucket_key(period, event.doc_order), []).append(member)
            for word in words:
                bucket = self.by_word.setdefault(_bucket_key(period, word), [])
                bucket.append(member)
                if len(bucket) > 2 * BUCKET_CAP:  # only the newest are ever read
                    del bucket[:-BUCKET_CAP]
        self.counts.filed += len(periods) * (1 + len(words))

    def candidates(self, periods: list[int], event: Event) -> list:
        """Members filed under any of `periods` with the mention's document, a related one, or
        one of its rare words; each once, in filing order per bucket (callers break ties by
        cluster number, so the result does not depend on it)."""
        documents = [event.doc_order, *self.corpus.sorted_neighbours(event.doc_order)]
        words = self._word_ids(event)
        # id → member, in the order first read: a bucket is read into it in one C call (a
        # member read again keeps its place), the merge's hottest loop
        found: dict[int, Any] = {}
        read = 0
        for period in periods:
            for bucket in self._buckets(period, documents, words):
                read += len(bucket)
                found.update(zip(map(id, bucket), bucket, strict=True))
        self.counts.lookups += len(periods) * (len(documents) + len(words))
        self.counts.candidates += read
        return list(found.values())

    def _buckets(self, period: int, documents: list[int], words: list[int]) -> list[list]:
        base = _bucket_key(period, 0)  # | an item gives its key, read in a hot loop
        by_document, by_word = self.by_document.get, self.by_word.get
        return [bucket[-BUCKET_CAP:] for bucket in chain(map(by_document, [base | d for d in documents]),
                                                          map(by_word, [base | w for w in words])) if bucket]
