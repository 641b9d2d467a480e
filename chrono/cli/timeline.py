"""`chrono timeline PATH...`: read, tag, attach, merge, export, in one of the registry's
timeline formats (a readable table by default).

    chrono timeline seeds/ --manifest seeds/manifest.json                 # terminal table
    chrono timeline seeds/ --manifest seeds/manifest.json --format json -o out/timeline.json
    chrono timeline seeds/ --manifest seeds/manifest.json --format timeml -o out/timeml/
    chrono timeline archive.jsonl --about "الاتفاق النووي الإيراني مجلس الأمن" --format html -o story.html

Exit status: 0 ok; 1 when some documents failed (each listed in the output's `errors` and on
stderr; the others are still written); 2 for usage errors (a missing path, a bad option, anchor
or manifest, an option the format does not take).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple, Optional, Union

import click

from chrono.about import DEFAULT_MIN_SCORE, DEFAULT_TOP, Ranking, rank_archive
from chrono.cli.options import (
    Outcome,
    check_output_target,
    chosen_options,
    input_paths,
    is_folder_target,
    read_inputs,
    remember_documents,
    tagged,
    with_input_options,
)
from chrono.export import Writer, format_names, writer
from chrono.export.files import STDOUT, atomic_open, atomic_write
from chrono.export.tagged import Tagged, tags_model
from chrono.models import Anchor, Document, DocumentError, DocumentInfo, DocumentTags, Entry, Settings, TimelineOutput
from chrono.scale.processes import resolve_jobs, tag_stream


def _workers(jobs: str) -> int:
    try:
        return resolve_jobs(jobs)
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def _tagged_documents(items: Iterable, settings: Settings, jobs: str,
                      outcome: Outcome) -> Iterator[Union[Tagged, DocumentError]]:
    """Every input tagged by `jobs` processes, lazily and in input order, with its document;
    failures are noted in `outcome` (one failing document never stops the others). Only the
    documents in flight are held, so a reader taking them one at a time keeps none."""
    pending: dict[str, list[Document]] = {}
    results = tag_stream(remember_documents(items, pending), settings, jobs=_workers(jobs))
    return tagged(results, pending, outcome)


class Streamed(NamedTuple):
    """A chronology whose documents and entries come one at a time, for a writer that takes them
    so (`Writer.to_stream`): `head` holds the rest."""

    head: TimelineOutput
    documents: Iterable[DocumentInfo]
    entries: Iterator[Entry]


def _local_timeline(items: Iterable, settings: Settings, jobs: str, outcome: Outcome) -> Streamed:
    """Tagged and attached in the worker processes; this one only merges what they send. The
    documents and entries come one at a time (`Merger.iter_documents`, `Merger.stream`)."""
    # imported here, as below: `chrono tag` loads this module too and needs neither the attach
    # stage nor the merge (~0.1 s of every process's start-up)
    from chrono.merge import Merger
    from chrono.scale.timeline import prepared_stream

    merger = Merger()
    for result in prepared_stream(items, settings, _workers(jobs)):
        if isinstance(result, DocumentError):
            outcome.errors.append(result)
            continue
        if not anchored(result.document.info.anchor):
            outcome.note_unanchored(result.id)
        merger.add_prepared(result.document, result.position)
    return Streamed(TimelineOutput(errors=list(outcome.errors)), merger.iter_documents(), merger.stream())


def anchored(anchor: Anchor) -> bool:
    """A day given or found (a given day its text contradicts counts: its warnings say why)."""
    return anchor.date is not None or anchor.given is not None


def _with_texts(items: Iterable) -> Iterator[tuple[Document, DocumentTags]]:
    """(document, tags) of each tagged document (`remember_documents` gave each its text back)."""
    for item in items:
        if isinstance(item, Tagged) and item.document is not None:
            yield item.document, tags_model(item.tags)


def _dask_timeline(items: Iterable, settings: Settings, jobs: str, scheduler: Optional[str],
                   outcome: Outcome) -> TimelineOutput:
    """The chronology computed on a dask.distributed cluster (equal to the local one)."""
    try:
        from chrono.scale.dask_cluster import build_timeline_dask
    except ImportError as err:
        raise click.UsageError(f"--engine dask needs the extra chrono[dask] (pip install 'chrono[dask]'): {err}") \
            from None
    result = build_timeline_dask(items, settings, scheduler=scheduler, workers=_workers(jobs))
    outcome.errors.extend(result.errors)
    for document in result.documents:
        if not anchored(document.anchor):
            outcome.note_unanchored(document.id)
    return result


def _write_chronology(chronology_writer: Writer, items: Iterable, settings: Settings, jobs: str, out: str,
                      outcome: Outcome) -> None:
    """TimeML: the chronology written back into each document's text, so the tagged documents
    are kept (with their texts) until the chronology is merged."""
    from chrono.merge import build_timeline

    documents = [item for item in _tagged_documents(items, settings, jobs, outcome) if isinstance(item, Tagged)]
    result = build_timeline(list(_with_texts(documents)), outcome.errors)
    if chronology_writer.to_folder is not None and is_folder_target(out):
        chronology_writer.to_folder(documents, result, out)
        return
    with atomic_open(out, "w") as stream:
        chronology_writer.write(documents, result, stream)


def _ranked(items: Iterable, about: Optional[str], top: Optional[int],
            min_score: Optional[float]) -> Optional[Ranking]:
    """The archive ranked against --about, or None without it."""
    if about is None:
        return None
    try:
        return rank_archive(items, about, top=DEFAULT_TOP if top is None else top,
                            min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    except ValueError as error:
        raise click.UsageError(f"--about: {error}") from None


@click.command("timeline")
@input_paths
@with_input_options
@click.option("--format", "fmt", type=click.Choice(format_names("timeline")), default="table", show_default=True,
              help="Export format; 'table' is a readable view for the terminal.")
@click.option("--per-mention", is_flag=True, help="csv: one row per mention instead of per entry.")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM for spreadsheet programs.")
@click.option("--bidi", type=click.Choice(["isolate", "reorder", "none"]), default="isolate", show_default=True,
              help="table: how Arabic is prepared for the terminal (see chrono/export/table.py).")
@click.option("--title", help="html: the page's title (default: التسلسل الزمني للأحداث).")
@click.option("--group-by", type=click.Choice(["source", "year"]), default="source", show_default=True,
              help="timelinejs: group the events by their first source or by year.")
@click.option("-o", "--output", "out", default=STDOUT,
              help="Output file ('-' = stdout), or a folder for --format timeml.")
@click.option("--jobs", default="1", show_default=True, help="Worker processes for tagging: a number or 'auto'.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask': tag and merge (map-reduce by windows of years) on a dask.distributed cluster.")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
@click.option("--about", metavar="QUERY",
              help="Only the articles of one story: the archive ranked against QUERY (BM25 over folded, "
                   "stemmed words); the output names the query and the articles kept with their scores.")
@click.option("--top", type=click.IntRange(min=1),
              help=f"--about: keep at most this many articles [default: {DEFAULT_TOP}].")
@click.option("--min-score", type=click.FloatRange(0, 1),
              help="--about: keep only articles scoring at least this fraction of the best article's score "
                   f"[default: {DEFAULT_MIN_SCORE}].")
def timeline(paths, anchor, manifest, prefer, keep_anchor, encoding, fmt, per_mention, bom, bidi, title, group_by, out,
             jobs, engine, scheduler, about, top, min_score):
    """One ordered chronology of dated events from Arabic news articles."""
    if about is None and (top is not None or min_score is not None):
        raise click.UsageError(("--top" if top is not None else "--min-score") + " needs --about")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    timeline_writer = writer(fmt, "timeline")
    options = chosen_options(timeline_writer, fmt, "timeline", per_mention=per_mention, bom=bom, bidi=bidi,
                             title=title, group_by=group_by)
    check_output_target(timeline_writer, fmt, out)
    if timeline_writer.reads == "chronology" and engine == "dask":
        raise click.UsageError(f"--format {fmt} needs the documents' texts: use --engine local")
    items = read_inputs(paths, anchor, manifest, encoding)
    settings = Settings(prefer=prefer, keep_anchor=keep_anchor)
    outcome = Outcome()
    ranking = _ranked(items, about, top, min_score)
    if ranking is not None:  # the archive is read here, once; only the kept articles go on
        items = ranking.documents()
    if timeline_writer.reads == "chronology":
        _write_chronology(timeline_writer, items, settings, jobs, out, outcome)
        outcome.finish()
    if engine == "dask":
        result: Union[TimelineOutput, Streamed] = _dask_timeline(items, settings, jobs, scheduler, outcome)
    else:
        result = _local_timeline(items, settings, jobs, outcome)
    if ranking is not None:
        (result.head if isinstance(result, Streamed) else result).query = ranking.story
    _write_timeline(timeline_writer, result, out, options)
    outcome.finish()


def _write_timeline(timeline_writer: Writer, result: Union[TimelineOutput, Streamed], out: str,
                    options: dict) -> None:
    """To a file piece by piece when the format can (an archive's JSON is never one string, and
    a `Streamed` chronology's documents and entries are written as they come), else whole."""
    if timeline_writer.to_stream is not None and out != STDOUT:
        with atomic_open(out, "w") as stream:
            if isinstance(result, Streamed):
                timeline_writer.to_stream(result.head, stream, documents=result.documents, entries=result.entries,
                                          **options)
            else:
                timeline_writer.to_stream(result, stream, **options)
        return
    if isinstance(result, Streamed):
        result = result.head.model_copy(update={"documents": list(result.documents), "entries": list(result.entries)})
    text = timeline_writer.write(result, **options)
    if out != STDOUT:
        atomic_write(out, text)
    else:
        click.echo(text, nl=False)
