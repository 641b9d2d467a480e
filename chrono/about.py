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
"""
from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

import tantivy

from chrono.models import Document, DocumentError, KeptArticle, QueryTerm, StoryQuery
from chrono.normalize import fold, normalize, stem_word

DEFAULT_TOP = 50
DEFAULT_MIN_SCORE = 0.5

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


@dataclass
class Ranking:
    """The archive ranked against one query: what was kept, and the way to read it back."""

    story: StoryQuery
    errors: list[DocumentError]
    _archive: _Archive
    _kept: list[tuple[int, object]] = field(default_factory=list)  # (position, doc address)

    def documents(self) -> Iterator[Item]:
        """The read errors, then the kept articles in archive order, each read back from the
        index when asked for; the index is deleted when the last one has been given."""
        try:
            yield from self.errors
            searcher = self._archive.index.searcher()
            for _, address in self._kept:
                stored = searcher.doc(address)["document"][0]
                yield Document.model_validate_json(stored)
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
        story = StoryQuery(
            text=query,
            terms=[QueryTerm(word=word, stem=stem, documents=searcher.doc_freq("terms", stem))
                   for word, stem in terms],
            top=top, min_score=min_score, considered=considered, matched=result.count,
            kept=[KeptArticle(id=ids[position], score=score) for score, position, _ in kept],
        )
    except BaseException:
        shutil.rmtree(archive.folder, ignore_errors=True)
        raise
    in_archive_order = sorted((position, address) for _, position, address in kept)
    return Ranking(story, errors, archive, in_archive_order)
