"""`--engine dask`: tagging and the chronology merge on a dask.distributed cluster (extra chrono[dask]).

Start a cluster (each machine needs chrono installed, e.g. `pip install 'chrono[dask]'`):

    dask scheduler --host 10.0.0.5 --port 8786          # on one machine
    dask worker tcp://10.0.0.5:8786 --nworkers 2 --nthreads 1   # on every machine, once per machine
    chrono tag archive.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 --format jsonl -o tags.jsonl

Without `--scheduler`, a LocalCluster of `--jobs` worker processes is started for the run.

Tagging: the input is read lazily on the client and cut into partitions of a few dozen documents;
each batch of partitions is a dask bag (`map_partitions` runs the same `tag_chunk` as `--jobs`),
at most two batches are in flight, and results come back in input order: the same objects, hence
the same bytes, as a local run.

Chronology (`build_timeline_dask`): a map-reduce over date windows, every step of it the public
merge API of chrono/merge.py, so the result equals `chrono.merge.build_timeline`.
  map      each partition: tag its documents, then `prepare_document` → events (texts stay behind);
  shuffle  events grouped by window of years (`foldby`);
  corpus   the documents' terms gathered: word rarity and related documents (`Corpus`);
  reduce   each window clustered on its own (`cluster_window`, with that corpus);
  combine  `combine_windows`: the windows' clusters in global creation order, conflicts, order, ids.
A window is a set of years that no mention links to a year outside it (`year_windows` over the
events' `touched_years`): the merge only ever compares a mention with clusters of those years,
so clustering each window alone gives exactly the clusters of the whole run.
"""
from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

from chrono.merge import (
    Corpus,
    DocumentTerms,
    WindowClusters,
    cluster_window,
    combine_windows,
    prepare_document,
    touched_years,
)
from chrono.models import DocumentError, DocumentInfo, Entry, Settings, TimelineOutput
from chrono.scale.processes import CHUNK_CHARS, CHUNK_DOCUMENTS, Item, Result, chunked, item_chars, tag_chunk

PARTITIONS_PER_BATCH_PER_WORKER = 4
BATCHES_IN_FLIGHT = 2


# ---------------------------------------------------------------- cluster connection

@contextlib.contextmanager
def connect(scheduler: Optional[str] = None, workers: int = 1, client=None):
    """A distributed Client: the given one, one for `scheduler`, or a LocalCluster for this run."""
    from distributed import Client, LocalCluster

    if client is not None:
        yield client
        return
    if scheduler:
        with Client(scheduler, set_as_default=False) as connected:
            yield connected
        return
    with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster, set_as_default=False) as local:
        yield local


def _worker_count(client) -> int:
    try:
        return max(sum(client.nthreads().values()), 1)
    except Exception:  # noqa: BLE001 - only a sizing hint
        return 1


def _batches(items: Iterable[Item], partitions: int) -> Iterator[list[list[Item]]]:
    batch: list[list[Item]] = []
    for chunk in chunked(items):
        batch.append(chunk)
        if len(batch) >= partitions:
            yield batch
            batch = []
    if batch:
        yield batch


def _bag_of_partitions(partitions: list[list]):
    """A bag whose partitions are exactly these lists (one task each)."""
    import dask.bag as db
    from dask import delayed

    return db.from_delayed([delayed(list)(part, pure=False) for part in partitions])


# ---------------------------------------------------------------- tagging

def _tag_partition(items: list[Item], settings: Settings) -> list[Result]:
    return tag_chunk(list(items), settings)


def tag_stream_dask(items: Iterable[Item], settings: Optional[Settings] = None, *, scheduler: Optional[str] = None,
                    workers: int = 1, client=None) -> Iterator[tuple[Result, int]]:
    """(result, characters) in input order, tagged on a dask.distributed cluster.

        for tags, chars in tag_stream_dask(iter_inputs(["archive.jsonl"]), scheduler="tcp://10.0.0.5:8786"):
            ...
    """
    settings = settings or Settings()
    with connect(scheduler, workers, client) as dask_client:
        per_batch = PARTITIONS_PER_BATCH_PER_WORKER * _worker_count(dask_client)
        window: deque = deque()
        for batch in _batches(items, per_batch):
            bag = _bag_of_partitions(batch).map_partitions(_tag_partition, settings)
            window.append((batch, dask_client.compute(bag)))
            while len(window) >= BATCHES_IN_FLIGHT:
                yield from _batch_results(window.popleft())
        while window:
            yield from _batch_results(window.popleft())


def _batch_results(pending) -> Iterator[tuple[Result, int]]:
    batch, future = pending
    results = future.result()
    inputs = [item for chunk in batch for item in chunk]
    if len(results) != len(inputs):  # never expected: a lost partition must not shift documents
        raise RuntimeError(f"dask returned {len(results)} results for {len(inputs)} documents")
    for item, result in zip(inputs, results, strict=True):
        yield result, item_chars(item)


# ---------------------------------------------------------------- chronology: map

def _map_partition(rows: list[tuple[int, Item]], settings: Settings) -> list[tuple]:
    """(position, DocumentInfo | DocumentError, [(event key, event), ...], terms) per document."""
    from chrono.pipeline import tag_document  # the tagger's grammar loads on the workers only

    out: list[tuple[int, Union[DocumentInfo, DocumentError], list[tuple[tuple[int, int], Any]],
                    Optional[DocumentTerms]]] = []
    for position, item in rows:
        if isinstance(item, DocumentError):
            out.append((position, item, [], None))
            continue
        try:
            tags = tag_document(item, settings)
        except Exception as error:  # noqa: BLE001 - same report as `chrono timeline`
            out.append((position, DocumentError(path=item.path or item.id, id=item.id,
                                                reason=f"tagging failed: {type(error).__name__}: {error}"), [], None))
            continue
        info, events, terms = prepare_document(item, tags, position)
        out.append((position, info, [((position, i), event) for i, event in enumerate(events)], terms))
    return out


def year_windows(year_sets: Iterable[frozenset[int]]) -> dict[int, int]:
    """Union-find: year → window id (the smallest year of its window).

        year_windows([{2019}, {2020, 2021}, {2021}]) == {2019: 2019, 2020: 2020, 2021: 2020}
    """
    parent: dict[int, int] = {}

    def find(year: int) -> int:
        parent.setdefault(year, year)
        while parent[year] != year:
            parent[year] = parent[parent[year]]
            year = parent[year]
        return year

    for years in year_sets:
        ordered = sorted(years)
        first = find(ordered[0])
        for other in ordered[1:]:
            a, b = find(first), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {year: find(year) for year in list(parent)}


# ---------------------------------------------------------------- chronology: reduce and combine

def _year_sets(rows: list[tuple]) -> list[frozenset[int]]:
    return list({touched_years(event) for _, _, events, _ in rows for _, event in events})


def _keyed_by_window(rows: list[tuple], windows: dict[int, int]) -> list[tuple]:
    return [(windows[min(touched_years(event))], (key, event)) for _, _, events, _ in rows for key, event in events]


def _append(acc: list, pair: tuple) -> list:
    acc.append(pair[1])
    return acc


def _concat(a: list, b: list) -> list:
    return a + b


def _cluster_window(pair: tuple[int, list], corpus: Corpus) -> WindowClusters:
    return cluster_window(pair[1], corpus=corpus)


def _terms(rows: list[tuple]) -> list[dict]:
    """The terms of one partition's documents, by position."""
    return [{position: terms for position, _, _, terms in rows if terms is not None}]


def merge_events_dask(events_bag, client) -> list[Entry]:
    """Map-reduce of the merge over a bag of `_map_partition` rows (see the module docstring):
    the corpus of all documents first (their terms gathered), then the windows."""
    year_sets = client.compute(events_bag.map_partitions(_year_sets)).result()
    corpus = Corpus.merged(client.compute(events_bag.map_partitions(_terms)).result())
    windows = year_windows(year_sets)
    per_window = (events_bag.map_partitions(_keyed_by_window, windows)
                  .foldby(lambda pair: pair[0], _append, list, _concat, list)
                  .map(_cluster_window, corpus))
    return combine_windows(client.compute(per_window).result(), corpus=corpus)


def build_timeline_dask(items: Iterable[Item], settings: Optional[Settings] = None, *,
                        scheduler: Optional[str] = None, workers: int = 1, client=None) -> TimelineOutput:
    """The chronology of `items`, computed on a dask.distributed cluster; equal to
    `build_timeline` over the same documents (the output of `chrono timeline --format json`).

        build_timeline_dask(iter_inputs(["seeds/"], manifest=load_manifest("seeds/manifest.json")))
    """
    import dask.bag as db

    settings = settings or Settings()
    with connect(scheduler, workers, client) as dask_client:
        per_batch = PARTITIONS_PER_BATCH_PER_WORKER * _worker_count(dask_client)
        bags = []
        numbered = enumerate(items)
        for batch in _batches_of_rows(numbered, per_batch):
            bags.append(dask_client.persist(_bag_of_partitions(batch).map_partitions(_map_partition, settings)))
        if not bags:
            return TimelineOutput()
        rows_bag = db.concat(bags)
        summaries = dask_client.compute(rows_bag.map(lambda row: (row[0], row[1]))).result()
        entries = merge_events_dask(rows_bag, dask_client)
    summaries.sort(key=lambda pair: pair[0])
    documents = [info for _, info in summaries if isinstance(info, DocumentInfo)]
    errors = [info for _, info in summaries if isinstance(info, DocumentError)]
    return TimelineOutput(documents=documents, entries=entries, errors=errors)


def _batches_of_rows(numbered: Iterable[tuple[int, Item]], partitions: int) -> Iterator[list[list]]:
    """Like `_batches`, for (position, item) rows; documents become rows without their text
    leaving the workers' memory once tagged (the client keeps only the partitions it sends)."""
    batch, chunk, chars = [], [], 0
    for row in numbered:
        chunk.append(row)
        chars += item_chars(row[1])
        if len(chunk) >= CHUNK_DOCUMENTS or chars >= CHUNK_CHARS:
            batch.append(chunk)
            chunk, chars = [], 0
            if len(batch) >= partitions:
                yield batch
                batch = []
    if chunk:
        batch.append(chunk)
    if batch:
        yield batch
