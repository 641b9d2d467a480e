"""`chrono tag --jobs N`: tag documents in several processes, streamed, in input order.

The input is consumed lazily in chunks (a few dozen documents or ~256k characters each) and at
most `jobs * 3` chunks are in flight, so memory stays flat however long the archive is. Results
come back in input order and are the very objects `--jobs 1` would produce, so every writer
gives the same bytes.

    from chrono.scale.processes import tag_stream
    for result in tag_stream(iter_inputs(["archive.jsonl"]), Settings(), jobs=2):
        ...  # DocumentTags (or DocumentError) for each line, in file order

Processes are started with "spawn" (safe with threads, same behaviour on Linux, macOS and
Windows). A worker that dies (killed, out of memory) breaks the pool: the pool is rebuilt, the
lost chunks are retried one document at a time, and a document that kills a worker again becomes
a DocumentError instead of stopping the run.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Optional, Union

from chrono.models import Document, DocumentError, DocumentTags, Settings

Item = Union[Document, DocumentError]
Result = Union[DocumentTags, DocumentError]
Tagger = Callable[[Document, Settings], DocumentTags]
# A tagger told the document's place in the input (the items before it, errors included):
# `chrono timeline` attaches events in the workers, and events carry their document's place.
PositionedTagger = Callable[[Document, Settings, int], object]

CHUNK_DOCUMENTS = 32
CHUNK_CHARS = 256_000
CHUNKS_IN_FLIGHT_PER_JOB = 3


def resolve_jobs(jobs: Union[int, str, None]) -> int:
    """'auto' (or 0) → the cores this process may use; otherwise a positive int.

        resolve_jobs("auto") == 2 on a 2-core machine; resolve_jobs("3") == 3
    """
    if jobs is None:
        return 1
    if isinstance(jobs, str):
        if jobs.strip().lower() == "auto":
            return available_cores()
        jobs = int(jobs)  # ValueError for anything else: the CLI turns it into a usage error
    if jobs < 0:
        raise ValueError(f"--jobs must be 'auto' or a positive number, not {jobs}")
    return jobs or available_cores()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def default_tagger(doc: Document, settings: Settings) -> DocumentTags:
    from chrono.pipeline import tag_document

    return tag_document(doc, settings)


def tag_one(item: Item, settings: Settings, tagger: Optional[Tagger] = None, position: Optional[int] = None) -> Result:
    """One document → its tags; a reader error passes through; a tagger crash is reported with
    the reason "internal error: ...", and the others go on. With `position`, the tagger is a
    `PositionedTagger` and is told it."""
    if isinstance(item, DocumentError):
        return item
    try:
        if position is not None and tagger is not None:
            return tagger(item, settings, position)  # type: ignore[call-arg]
        return (tagger or default_tagger)(item, settings)
    except Exception as err:  # noqa: BLE001 - one broken document never stops the others
        return DocumentError(path=item.path or item.id, id=item.id, reason=f"internal error: {err!r}")


def tag_chunk(items: list[Item], settings: Settings, tagger: Optional[Tagger] = None,
              first: Optional[int] = None) -> list[Result]:
    """What a worker process runs: a chunk of items, tagged in order; with `first` (the input
    position of the chunk's first item), a `PositionedTagger` is told each item's position."""
    if first is None:
        return [tag_one(item, settings, tagger) for item in items]
    return [tag_one(item, settings, tagger, first + i) for i, item in enumerate(items)]


def item_chars(item: Item) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def chunked(items: Iterable[Item], max_documents: Optional[int] = None,
            max_chars: Optional[int] = None) -> Iterator[list[Item]]:
    """Consecutive chunks, cut at `max_documents` items or `max_chars` characters of text, so a
    chunk of long pages is as much work as a chunk of short wire items."""
    max_documents = max_documents or CHUNK_DOCUMENTS
    max_chars = max_chars or CHUNK_CHARS
    chunk: list[Item] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += item_chars(item)
        if len(chunk) >= max_documents or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def tag_stream(items: Iterable[Item], settings: Optional[Settings] = None, jobs: Union[int, str] = 1,
               progress: bool = False, total: Optional[int] = None,
               tagger: Optional[Tagger] = None, positioned: bool = False) -> Iterator[Result]:
    """Tagged documents (or errors) in input order, with `jobs` processes.

    `progress=True` draws a bar on stderr when stderr is a terminal (`total` documents, when
    known, gives an ETA). `tagger` replaces `pipeline.tag_document`; with jobs > 1 it must be a
    module-level function (worker processes import it by name). With `positioned`, `tagger` is
    a `PositionedTagger`: it is also given each item's place in the input (0, 1, 2, …).
    """
    settings = settings or Settings()
    jobs = resolve_jobs(jobs)
    if positioned and tagger is None:
        raise ValueError("positioned=True needs a PositionedTagger")
    pairs = _serial(items, settings, tagger, positioned) if jobs <= 1 else \
        _parallel(items, settings, jobs, tagger, positioned)
    yield from with_progress(pairs, progress, total)


def with_progress(pairs: Iterable[tuple[Result, int]], progress: bool, total: Optional[int]) -> Iterator[Result]:
    """Yield the results of (result, characters) pairs, counting them on a bar if asked."""
    from chrono.scale.progress import ProgressBar, stream_is_terminal

    bar = ProgressBar(total) if progress and stream_is_terminal(sys.stderr) else None
    try:
        for result, chars in pairs:
            if bar is not None:
                bar.update(1, chars)
            yield result
    finally:
        if bar is not None:
            bar.close()


def _serial(items: Iterable[Item], settings: Settings, tagger: Optional[Tagger],
            positioned: bool = False) -> Iterator[tuple[Result, int]]:
    for position, item in enumerate(items):
        yield tag_one(item, settings, tagger, position if positioned else None), item_chars(item)


MAX_CONSECUTIVE_DEATHS = 3


class WorkersUnavailable(RuntimeError):
    """Worker processes die on every task (they cannot even start): give up, do not loop."""


class _Pool:
    """A spawn-based process pool that can be rebuilt after a worker died."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor = self._start()
        self.deaths_in_a_row = 0

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, items: list[Item], settings: Settings, tagger: Optional[Tagger],
               first: Optional[int] = None) -> Future:
        try:
            return self.executor.submit(tag_chunk, items, settings, tagger, first)
        except BrokenProcessPool:
            self.restart()
            return self.executor.submit(tag_chunk, items, settings, tagger, first)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _parallel(items: Iterable[Item], settings: Settings, jobs: int,
              tagger: Optional[Tagger], positioned: bool = False) -> Iterator[tuple[Result, int]]:
    """Bounded window of chunks in flight; results in input order. The window holds each
    chunk with the input position of its first item (None unless `positioned`)."""
    pool = _Pool(jobs)
    window: deque[tuple[list[Item], Optional[int], Future]] = deque()
    limit = jobs * CHUNKS_IN_FLIGHT_PER_JOB
    position = 0
    try:
        for chunk in chunked(items):
            first = position if positioned else None
            window.append((chunk, first, pool.submit(chunk, settings, tagger, first)))
            position += len(chunk)
            while len(window) >= limit:
                yield from _collect(window, pool, settings, tagger)
        while window:
            yield from _collect(window, pool, settings, tagger)
    finally:
        pool.close()


def _collect(window: deque, pool: _Pool, settings: Settings, tagger: Optional[Tagger]) -> Iterator[tuple[Result, int]]:
    """The oldest chunk's results; after a worker died, the chunks still waiting are retried."""
    chunk, _, future = window[0]
    try:
        results = future.result()
    except BrokenProcessPool:
        results = _after_broken_pool(window, pool, settings, tagger)
    window.popleft()
    for item, result in zip(chunk, results, strict=True):
        yield result, item_chars(item)


def _after_broken_pool(window: deque, pool: _Pool, settings: Settings, tagger: Optional[Tagger]) -> list[Result]:
    """A worker died: rebuild the pool, tag the oldest chunk one document per task (so the
    document that kills a worker is found and reported), and resubmit the other chunks."""
    chunk, first, _ = window[0]
    pool.restart()
    results = [_isolated(item, pool, settings, tagger, None if first is None else first + i)
               for i, item in enumerate(chunk)]
    for place in range(1, len(window)):
        other, other_first, _ = window[place]
        window[place] = (other, other_first, pool.submit(other, settings, tagger, other_first))
    return results


def _isolated(item: Item, pool: _Pool, settings: Settings, tagger: Optional[Tagger],
              position: Optional[int] = None) -> Result:
    if isinstance(item, DocumentError):
        return item
    try:
        result = pool.submit([item], settings, tagger, position).result()[0]
    except BrokenProcessPool:
        pool.deaths_in_a_row += 1
        if pool.deaths_in_a_row >= MAX_CONSECUTIVE_DEATHS:
            raise WorkersUnavailable(
                f"{pool.deaths_in_a_row} documents in a row killed their worker process: "
                "the workers cannot run (try --jobs 1 to see the error)") from None
        pool.restart()
        return DocumentError(path=item.path or item.id, id=item.id,
                             reason="internal error: the worker process died while tagging this document")
    pool.deaths_in_a_row = 0
    return result
