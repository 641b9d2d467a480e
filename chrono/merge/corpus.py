"""What the documents at hand say about words and about each other: how rare each word is, and
which documents tell the same story.

Each document is read once into its terms: the light stems (`chrono.normalize.stem_word`) of its
content words, with their counts, stop and date words left out, kept as 32-bit hashes so a
document's terms travel small (from a worker process, from a Dask partition) and need no shared
vocabulary. From all of them:

- a word's rarity: its document frequency, read as a weight in [0, 1] ("لبوزة" in one article of
  a story about Aden weighs 0.86, "عدن" in all of them 0.5, "عدن" in an archive where a tenth of
  the articles name it 0.3);
- each document's distinctive words: the `DISTINCTIVE_WORDS` words it holds most often relative
  to how many documents hold them (TF-IDF), among words it shares with at least one other
  document;
- related documents: two documents tell the same story when at least `RELATED_WORDS` of their
  distinctive words are the same. The articles of one story share a handful ("سوروتش",
  "انتحار", "كوباني", "حزب العمال"); two articles of an archive on different news share almost
  never three (measured on SaudiNewsNet: 0.6 % of random pairs of 3,000 articles, against three
  quarters of the pairs of a story's 18 articles and all but one pair of the 11 articles of the
  Iran story in the same archive).

Weights are computed as if the documents at hand sat in an archive of `BACKGROUND_DOCUMENTS`
others that do not hold their words: in a story of 18 articles, the story's name in ten of
them still tells those ten apart from the rest of the news; in an archive of 30,000 articles the
assumption no longer weighs anything.

    corpus = Corpus.build({0: terms_a, 1: terms_b, ...})
    corpus.weight("لبوزة"); corpus.related(0, 1); corpus.neighbours(0)
"""
from __future__ import annotations

import math
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress

from chrono.attach.tokens import fresh_content_stem

DISTINCTIVE_WORDS = 30
RELATED_WORDS = 3
_AT_LEAST_RELATED = (RELATED_WORDS - 1).__lt__  # n → n >= RELATED_WORDS, a C call
BACKGROUND_DOCUMENTS = 1000
MAX_NEIGHBOURS = 60  # the most related documents a document's mentions are compared with
MAX_TERMS = 400  # a document's most frequent terms: a book-length page adds nothing past them
# A word in more documents than this share is no sign of a story ("الحكومة", "اليوم") and is
# left out of the comparison of documents (it still has a rarity).
COMMON_SHARE = 0.05
_MIN_COMMON = 50

_MOST = 3  # more than two thirds of the documents: `ubiquitous`
_FEW = 5

# Arabic letters (with their marks and tatweel) or a number of two digits or more.
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u065f\u0670-\u06d3]+|[0-9\u0660-\u0669\u06f0-\u06f9]{2,}")


def _holds(ordered: tuple[int, ...], item: int) -> bool:
    """Whether the ascending tuple `ordered` holds `item` (a binary search)."""
    at = bisect_left(ordered, item)
    return at < len(ordered) and ordered[at] == item


# The two caches below live in every worker process: 16,384 words each catch nearly every
# repeat (a worker held 131,072 of each, ~11 MB, for no measurable time saved).
@lru_cache(maxsize=1 << 14)
def term_id(word: str) -> int:
    """A stem as a 32-bit number (CRC-32 of its UTF-8): the same in every process."""
    return zlib.crc32(word.encode("utf-8"))


@lru_cache(maxsize=1 << 14)
def _term_of(written: str) -> int:
    stem = fresh_content_stem(written)
    return term_id(stem) if stem else -1


@dataclass(frozen=True)
class DocumentTerms:
    """A document's terms: hashed stems and their counts, most frequent first (ties: by hash)."""

    ids: array
    counts: array

    @staticmethod
    def of_text(text: str) -> DocumentTerms:
        """"وافق مجلس الأمن على الاتفاق النووي" → the terms of وافق، مجلس، امن، اتفاق، نوو."""
        counted = Counter(map(_term_of, _WORD.findall(text)))
        counted.pop(-1, None)
        return DocumentTerms.of_counts(counted)

    @staticmethod
    def of_words(words: Iterable[str]) -> DocumentTerms:
        """Terms from stems already read (a merge fed events only: their words)."""
        return DocumentTerms.of_counts(Counter(term_id(w) for w in words))

    @staticmethod
    def of_counts(counted: Mapping[int, int]) -> DocumentTerms:
        top = sorted([(-n, t) for t, n in counted.items()])[:MAX_TERMS]  # most frequent first, ties by id
        counts = [-n for n, _ in top]
        return DocumentTerms(array("I", [t for _, t in top]), array(_count_type(counts[0] if counts else 0), counts))


def _count_type(most: int) -> str:
    """The smallest array type that holds counts up to `most`: a byte each, nearly always (an
    archive's terms wait in the main process until the last document is read)."""
    return "B" if most < 1 << 8 else "H" if most < 1 << 16 else "I"


@dataclass
class Corpus:
    """Word rarity and document relatedness over the documents at hand (see the module
    docstring). Documents are keyed by their position in the input (`Event.doc_order`)."""

    documents: int = 0
    frequency: dict[int, int] = field(default_factory=dict)  # term id → documents holding it
    # document → its related documents in ascending order (a tuple takes a fifth of a frozenset's memory)
    related_to: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    _frequencies: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _rare: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _idfs: dict[int, float] = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def build(terms: Mapping[int, DocumentTerms]) -> Corpus:
        frequency: Counter[int] = Counter()
        for found in terms.values():
            frequency.update(found.ids)
        corpus = Corpus(len(terms), {t: n for t, n in frequency.items() if n > 1})
        corpus.related_to = corpus.relate(terms)
        return corpus

    # ---- words

    def document_frequency(self, word: str) -> int:
        """How many documents hold `word`. A one-digit number ("8 فعاليات في 9 مواقع") is not
        read into documents' terms (`_WORD`): it counts as in every document, never as rare."""
        found = self._frequencies.get(word)
        if found is None:
            if word.isdigit() and len(word) < 2:
                found = self._frequencies[word] = max(self.documents, 1)
            else:
                found = self._frequencies[word] = self.frequency.get(term_id(word), 1)
        return found

    def ubiquitous(self, word: str) -> bool:
        """A word of most of the documents at hand ("تركيا" in every article of a story on
        Turkey): it says what they are all about, not which happening one of them tells."""
        return self.documents >= _FEW and self.document_frequency(word) * _MOST > self.documents * (_MOST - 1)

    def weight(self, word: str) -> float:
        """How rare `word` is here, in [0, 1]: 1 for a word no document holds twice, near 0
        for a word of every document of a large archive."""
        found = self._weights.get(word)
        if found is None:
            found = self._weights[word] = self._idf(self.document_frequency(word)) / self._idf(0)
        return found

    def rare(self, word: str) -> bool:
        """A word of at most two documents, or of one in a hundred ("لبوزة"; a place's name in
        an archive): what two unrelated articles must share to tell one happening."""
        found = self._rare.get(word)
        if found is None:  # asked millions of times by the merge, of a few ten thousand words
            found = self._rare[word] = self.document_frequency(word) <= max(2, self.documents // 100)
        return found

    def _idf(self, frequency: int) -> float:
        found = self._idfs.get(frequency)
        if found is None:  # a few hundred distinct frequencies, asked for every term of every document
            found = self._idfs[frequency] = math.log((self.documents + BACKGROUND_DOCUMENTS + 1) / (frequency + 0.5))
        return found

    # ---- documents

    def related(self, a: int, b: int) -> bool:
        """Whether documents `a` and `b` tell the same story (a document its own)."""
        return a == b or _holds(self.related_to.get(a, ()), b) or _holds(self.related_to.get(b, ()), a)

    def neighbours(self, document: int) -> frozenset[int]:
        return frozenset(self.related_to.get(document, ()))

    def sorted_neighbours(self, document: int) -> tuple[int, ...]:
        """`neighbours` in ascending order (the merge reads them for each mention of the document)."""
        return self.related_to.get(document, ())

    def relate(self, terms: Mapping[int, DocumentTerms]) -> dict[int, tuple[int, ...]]:
        """Each document → the documents sharing at least `RELATED_WORDS` of its distinctive
        words (at most `MAX_NEIGHBOURS`, the most shared first): an inverted index over the
        distinctive words, common words left out, so the work grows with the documents."""
        common = max(_MIN_COMMON, int(COMMON_SHARE * self.documents))
        distinctive = {doc: self._distinctive(found, common) for doc, found in terms.items()}
        postings: dict[int, list[int]] = {}
        for doc in sorted(distinctive):
            for term in distinctive[doc]:
                postings.setdefault(term, []).append(doc)
        related: dict[int, tuple[int, ...]] = {}
        for doc, words in distinctive.items():
            shared: Counter[int] = Counter(chain.from_iterable(postings[term] for term in words))
            del shared[doc]
            # the documents sharing enough, picked in C (an archive's document meets thousands once)
            enough = compress(shared.keys(), map(_AT_LEAST_RELATED, shared.values()))
            close = sorted(enough, key=lambda d: (-shared[d], d))
            if close:
                related[doc] = tuple(sorted(close[:MAX_NEIGHBOURS]))
        return related

    def _distinctive(self, found: DocumentTerms, common: int) -> list[int]:
        """The document's `DISTINCTIVE_WORDS` words of highest TF-IDF among those it shares with
        another document and that are not common."""
        frequency_of, idf, log = self.frequency.get, self._idf, math.log
        # (-score, term): ascending order is the highest score first, ties by term
        scored = [(-(1 + log(count)) * idf(frequency), term)
                  for term, count in zip(found.ids, found.counts, strict=False)
                  if 1 < (frequency := frequency_of(term, 1)) <= common]
        scored.sort()
        return [term for _, term in scored[:DISTINCTIVE_WORDS]]

    @staticmethod
    def merged(parts: Iterable[Mapping[int, DocumentTerms]]) -> Corpus:
        """The corpus of disjoint sets of documents together (Dask partitions)."""
        terms: dict[int, DocumentTerms] = {}
        for part in parts:
            terms.update(part)
        return Corpus.build(terms)
