"""`chrono timeline --jobs N`: the worker processes tag each document and attach its events as
well, so the main process receives only what the merge keeps of it (`PreparedDocument`: its
DocumentInfo, its events and its terms), never its text or its tags.

    for result in prepared_stream(iter_inputs(["archive.jsonl"]), Settings(), jobs=2):
        ...  # Prepared (or DocumentError) for each input, in input order

Each document's events carry its place in the input (`Event.doc_order`), errors included: the
merge only compares places, so the chronology is the one `chrono.merge.build_timeline` makes
over the same documents ("وقع المغرب وإسرائيل اليوم اتفاقاً" in the first article and its
report in the third stay in that order whether or not the second failed).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple, Union, cast

from chrono import pipeline
from chrono.merge import PackedEvents, PreparedDocument, prepare_document
from chrono.models import Document, DocumentError, Settings
from chrono.scale.processes import Item, Tagger, tag_stream


class Prepared(NamedTuple):
    """One document as a worker sends it back: its place in the input and what the merge keeps."""

    id: str
    position: int
    document: PreparedDocument


def tag_and_prepare(document: Document, settings: Settings, position: int) -> Prepared:
    """What a worker runs per document: tag it, then attach its events (a `PositionedTagger`).
    The events travel and wait for the merge packed (`PackedEvents`): the main process holds
    an archive's events for the whole run, at a quarter of their memory as objects."""
    tags = pipeline.tag_document(document, settings)  # looked up per call, like `default_tagger`
    prepared = prepare_document(document, tags, position)
    return Prepared(document.id, position, prepared._replace(events=PackedEvents(prepared.events)))


def prepared_stream(items: Iterable[Item], settings: Settings, jobs: int) -> Iterator[Union[Prepared, DocumentError]]:
    """Each input prepared by `jobs` processes (in this one for 1), in input order; a failed
    document is its DocumentError."""
    # tag_stream passes whatever the tagger returns: here a Prepared, not DocumentTags
    results = tag_stream(items, settings, jobs=jobs, tagger=cast(Tagger, tag_and_prepare), positioned=True)
    return cast(Iterator[Union[Prepared, DocumentError]], results)
