"""Choosing the articles of one story: the stage between reading and tagging that
`chrono timeline ARCHIVE --about "QUERY"` adds.

    ranking = rank_archive(read_documents, "الاتفاق النووي الإيراني مجلس الأمن", top=50)
    ranking.story          # StoryQuery: the query, its terms and the articles kept with their scores
    ranking.documents()    # the kept Documents, in archive order, for the tagger

Ranking is BM25 (Okapi, k1 = 1.2, b = 0.75) computed by tantivy, an on-disk search engine:
each article's words are folded (`chrono.normalize.fold`) and stemmed (`stem_word`) here, the
same way the chronology compares words, and indexed as the stems. The archive is read once:
every article goes into a temporary index on disk (its stems for the ranking, the article
itself compressed in the index's document store), so memory stays flat however long the
archive is; after the last article the query is run, and only the kept articles are read
back from the index. An article's score needs the whole archive's term statistics (how rare
"نوو" is), so no article can be kept or dropped before the end: the index is where they wait.

Which articles are kept: the `top` best, and of those only the ones scoring at least
`min_score` × the best score. The relative threshold follows the query instead of a number
that means nothing across queries: an article with half the best score shares roughly the
rarest term or half of the query's weight; below that come the articles that only mention
the story in passing (measured on SaudiNewsNet: docs/ABOUT.md).

Which parts of a kept article: an article about a story also tells other news (the same
report on a bombing goes on about coalition talks). A sentence tells the story when the
query's words in it carry at least STORY_SHARE of the query's weight (each word weighs its
BM25 idf: "سروج", in 14 articles of 3,000, weighs twice "داعش", in 263), or when it follows
such a sentence (STORY_CONTEXT). The others are set aside for the chronology: each kept
Document carries them in `meta["set_aside"]`, the tagger adds them to the document's
set-aside regions (reason "not about the story: QUERY"), and the merge takes no event from
them, as from any region set aside.
"""
from __future__ import annotations

import math
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Union

import tantivy

from chrono.models import Document, DocumentError, KeptArticle, QueryTerm, SetAside, StoryQuery
from chrono.normalize import fold, normalize, stem_word
from chrono.segment import segment

DEFAULT_TOP = 50
DEFAULT_MIN_SCORE = 0.5
# A sentence tells the story when the query's words in it weigh this share of the query.
STORY_SHARE = 0.25
# Sentences after one that tells the story that still count as telling it: the next sentence
# often goes on without the name ("وأعلنت الوزارة مقتل 27 شخصاً" after "انفجار سروج").
STORY_CONTEXT = 1
SET_ASIDE_KEY = "set_aside"  # Document.meta: regions an earlier stage sets aside for the tagger

# Words as the ranking sees them: runs of Arabic letters, of other letters, of digits, in
# folded text. One-letter words (a lone و, a split "م") carry no topic and are dropped.
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{2,}|[^\W\d_\u0600-\u06ff]{2,}|\d{2,}")
_INDEX_HEAP_BYTES = 32_000_000  # tantivy's indexing buffer; past it a segment goes to disk
_SCORE_DIGITS = 4

Item = Union[Document, DocumentError]


def index_terms(text: str) -> list[str]:
    """The stems of a text's words, in order: what an article is ranked by.

    >>> index_terms("وافق مجلس الأمن على الاتفاق النووي، والاتفاقية تُنفَّذ في 2016")
    ['وافق', 'مجلس', 'امن', 'عل', 'اتفاق', 'نوو', 'اتفاق', 'تنفذ', 'في', '2016']
    """
    return [stem_word(word) for word in _WORD.findall(normalize(text).text)]


@dataclass
class _Archive:
    """The temporary on-disk index: stems to rank by, the article to give back."""

    folder: str
    index: tantivy.Index
    schema: tantivy.Schema


def _open_index() -> _Archive:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    builder.add_unsigned_field("position", stored=True)
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("document", stored=True)
    schema = builder.build()
    folder = tempfile.mkdtemp(prefix="chrono-about-")
    return _Archive(folder, tantivy.Index(schema, path=folder), schema)


def query_terms(query: str) -> list[tuple[str, str]]:
    """(word as typed, stem) for each distinct stem of the query, in the query's order.

    >>> query_terms("الاتفاق النووي، والاتفاقية")
    [('الاتفاق', 'اتفاق'), ('النووي', 'نوو')]
    """
    seen: dict[str, str] = {}
    for typed in query.split():
        for word in _WORD.findall(fold(typed)):
            seen.setdefault(stem_word(word), typed.strip("،,.;:؛؟?!\"'«»()[]{}"))
    return [(word, stem) for stem, word in seen.items()]


def term_weights(story: StoryQuery) -> dict[str, float]:
    """Each query stem's BM25 idf in the archive (stems no article holds weigh nothing).

    >>> q = StoryQuery(text="", top=1, min_score=0, considered=3000, matched=0, kept=[], terms=[
    ...     QueryTerm(word="سروج", stem="سروج", documents=14), QueryTerm(word="x", stem="x", documents=0)])
    >>> {stem: round(w, 2) for stem, w in term_weights(q).items()}
    {'سروج': 5.33}
    """
    n = story.considered
    return {t.stem: math.log(1 + (n - t.documents + 0.5) / (t.documents + 0.5))
            for t in story.terms if t.documents}


def off_story(document: Document, query: str, weights: dict[str, float]) -> list[SetAside]:
    """The runs of sentences of `document` whose query words weigh less than STORY_SHARE of
    the query (`weights`: stem → weight) and that do not follow, by up to STORY_CONTEXT
    sentences, one that weighs more: what a chronology of the story leaves out.

    >>> text = "انفجار في سروج. وقتل 27 شخصا. وفي أنقرة تستمر المشاورات. وقال الرئيس إنها مستمرة."
    >>> [r.text for r in off_story(Document(id="a", text=text), "سروج", {"سروج": 5.3})]
    ['وفي أنقرة تستمر المشاورات. وقال الرئيس إنها مستمرة.']
    """
    text = document.text
    needed = STORY_SHARE * sum(weights.values())
    regions: list[SetAside] = []
    since_told = STORY_CONTEXT + 1
    for sentence in segment(text).sentences:
        found = set(index_terms(text[sentence.start:sentence.end]))
        told = sum(weight for stem, weight in weights.items() if stem in found) >= needed > 0
        since_told = 0 if told else since_told + 1
        if since_told <= STORY_CONTEXT:
            continue
        if regions and not text[regions[-1].end:sentence.start].strip():  # one run, one region
            regions[-1] = regions[-1].model_copy(update={"end": sentence.end})
        else:
            regions.append(SetAside(start=sentence.start, end=sentence.end, text="",
                                    reason=f"not about the story: {query}"))
    return [region.model_copy(update={"text": text[region.start:region.end]}) for region in regions]


def _story_only(document: Document, query: str, weights: dict[str, float]) -> Document:
    regions = off_story(document, query, weights)
    if not regions:
        return document
    meta = dict(document.meta)
    meta[SET_ASIDE_KEY] = [region.model_dump() for region in regions]
    return document.model_copy(update={"meta": meta})


@dataclass
class Ranking:
    """The archive ranked against one query: what was kept, and the way to read it back."""

    story: StoryQuery
    errors: list[DocumentError]
    _archive: _Archive
    _kept: list[tuple[int, tantivy.DocAddress]] = field(default_factory=list)  # (position, doc address)

    def documents(self) -> Iterator[Item]:
        """The read errors, then the kept articles in archive order, each read back from the
        index when asked for, its sentences off the story set aside (`off_story`); the index is
        deleted when the last one has been given."""
        weights = term_weights(self.story)
        try:
            yield from self.errors
            searcher = self._archive.index.searcher()
            for _, address in self._kept:
                stored = searcher.doc(address)["document"][0]
                yield _story_only(Document.model_validate_json(stored), self.story.text, weights)
        finally:
            self.close()

    def close(self) -> None:
        shutil.rmtree(self._archive.folder, ignore_errors=True)


def _add_all(archive: _Archive, items: Iterable[Item], errors: list[DocumentError]) -> int:
    """Every article into the index, one at a time; the number added."""
    writer = archive.index.writer(heap_size=_INDEX_HEAP_BYTES, num_threads=1)
    count = 0
    for item in items:
        if isinstance(item, DocumentError):
            errors.append(item)
            continue
        writer.add_document(tantivy.Document(
            terms=" ".join(index_terms(item.text)), position=count, id=item.id,
            document=item.model_dump_json().encode("utf-8")))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    archive.index.reload()
    return count


def rank_archive(items: Iterable[Item], query: str, *, top: int = DEFAULT_TOP,
                 min_score: float = DEFAULT_MIN_SCORE) -> Ranking:
    """Read the archive once and rank it against `query`; keep at most `top` articles, each
    scoring at least `min_score` × the best score. Errors of reading are passed on."""
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score is a fraction of the best score, between 0 and 1, got {min_score}")
    terms = query_terms(query)
    if not terms:
        raise ValueError(f"the query {query!r} has no word to search for")
    archive = _open_index()
    errors: list[DocumentError] = []
    try:
        considered = _add_all(archive, items, errors)
        searcher = archive.index.searcher()
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(archive.schema, "terms", stem))
                   for _, stem in terms]
        result = searcher.search(tantivy.Query.boolean_query(clauses), limit=top, count=True)
        ranked = []
        for score, address in result.hits:
            position = searcher.doc(address)["position"][0]
            ranked.append((round(score, _SCORE_DIGITS), position, address))
        ranked.sort(key=lambda hit: (-hit[0], hit[1]))  # ties: archive order, not index order
        best = ranked[0][0] if ranked else 0.0
        kept = [hit for hit in ranked if hit[0] >= min_score * best and hit[0] > 0]
        ids = {position: searcher.doc(address)["id"][0] for _, position, address in kept}
        # getattr: tantivy's type stub leaves SearchResult.count out (it is there at run time)
        story = StoryQuery(
            text=query,
            terms=[QueryTerm(word=word, stem=stem, documents=searcher.doc_freq("terms", stem))
                   for word, stem in terms],
            top=top, min_score=min_score, considered=considered, matched=getattr(result, "count", None),
            kept=[KeptArticle(id=ids[position], score=score) for score, position, _ in kept],
        )
    except BaseException:
        shutil.rmtree(archive.folder, ignore_errors=True)
        raise
    in_archive_order = sorted((position, address) for _, position, address in kept)
    return Ranking(story, errors, archive, in_archive_order)
