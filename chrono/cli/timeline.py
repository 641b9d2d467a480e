"""`chrono timeline PATH...`: read, tag, attach, merge, export (design §8).

    chrono timeline seeds/ --manifest seeds/manifest.json                 # terminal table
    chrono timeline seeds/ --manifest seeds/manifest.json --format json -o out/timeline.json
    chrono timeline seeds/ --manifest seeds/manifest.json --format timeml -o out/timeml/

Exit status: 0 ok; 1 when some documents failed (each listed in the output's `errors` and on
stderr; the others are still written); 2 for usage errors (bad option, anchor or manifest).
"""
from __future__ import annotations

import os
from typing import Iterator, Optional

import click

from chrono.cli.options import remember_documents, take_document
from chrono.export import EXPORTERS, html_available, timeml
from chrono.export.files import atomic_write
from chrono.merge import build_timeline
from chrono.models import Document, DocumentError, DocumentTags, Settings, TimelineOutput
from chrono.read import iter_inputs, load_manifest, parse_anchor_date
from chrono.scale.processes import resolve_jobs, tag_stream

FORMATS = ["json", "csv", "timelinejs", "vis", "timeml", "html"]


def _read_options(manifest: Optional[str], anchor: Optional[str]):
    """Manifest and anchor, or a usage error (exit 2) that says what is wrong."""
    loaded = anchor_date = None
    try:
        if manifest:
            loaded = load_manifest(manifest)
        if anchor:
            anchor_date = parse_anchor_date(anchor)
    except (ValueError, OSError) as error:
        raise click.UsageError(str(error)) from None
    return loaded, anchor_date


def _tagged_pairs(paths, manifest, anchor_date, settings: Settings, jobs: str,
                  errors: list[DocumentError], encoding: Optional[str] = None
                  ) -> Iterator[tuple[Document, DocumentTags]]:
    """(document, tags) for every input, lazily and in input order, tagged by `jobs` processes;
    failures go to `errors` (one failing document never stops the others). Only the documents in
    flight are held, so the merge can take the pairs one at a time without keeping the texts."""
    try:
        items = iter_inputs(list(paths), manifest=manifest, anchor=anchor_date, encoding=encoding)
        workers = resolve_jobs(jobs)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    pending: dict[str, list[Document]] = {}
    for result in tag_stream(remember_documents(items, pending), settings, jobs=workers):
        document = take_document(pending, result)
        if isinstance(result, DocumentError):
            errors.append(result)
        elif document is not None:
            yield document, result


def _dask_timeline(paths, manifest, anchor_date, settings: Settings, jobs: str, scheduler: Optional[str],
                   encoding: Optional[str] = None):
    """The chronology computed on a dask.distributed cluster (equal to the local one)."""
    try:
        from chrono.scale.dask_cluster import build_timeline_dask
    except ImportError as err:
        raise click.UsageError(f"--engine dask needs the extra chrono[dask] (pip install 'chrono[dask]'): {err}") \
            from None
    try:
        items = iter_inputs(list(paths), manifest=manifest, anchor=anchor_date, encoding=encoding)
        workers = resolve_jobs(jobs)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    return build_timeline_dask(items, settings, scheduler=scheduler, workers=workers)


def _write_timeml_dir(directory: str, pairs) -> None:
    os.makedirs(directory, exist_ok=True)
    for doc_id, xml in timeml.documents(pairs).items():
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id) or "document"
        atomic_write(os.path.join(directory, safe + ".tml"), xml)


def _is_directory_target(out: Optional[str]) -> bool:
    return bool(out) and out != "-" and (os.path.isdir(out) or out.endswith(("/", os.sep)))


def _render(timeline: TimelineOutput, fmt: Optional[str], pairs, per_mention: bool, bom: bool, bidi: str) -> str:
    if fmt == "html" and not html_available():
        raise click.UsageError("--format html is not available in this installation (chrono.export.html)")
    name = fmt or "table"
    return EXPORTERS[name](timeline, per_mention=per_mention, bom=bom, pairs=pairs, bidi=bidi)


@click.command("timeline")
@click.argument("paths", nargs=-1, required=True)
@click.option("--manifest", type=click.Path(dir_okay=False), help="JSON manifest: file → published date.")
@click.option("--anchor", help="Anchor (publication day) for every document, e.g. 2021-11-24.")
@click.option("--prefer", type=click.Choice(["news", "past", "future"]), default="news", show_default=True,
              help="Resolution policy for relative expressions.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Export format; without it a readable table is printed.")
@click.option("--per-mention", is_flag=True, help="csv: one row per mention instead of per entry.")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM for spreadsheet programs.")
@click.option("--bidi", type=click.Choice(["isolate", "reorder", "none"]), default="isolate", show_default=True,
              help="Table only: how Arabic is prepared for the terminal (see chrono/export/table.py).")
@click.option("-o", "--output", "out", help="Output file, '-' for stdout, or a directory for --format timeml.")
@click.option("--jobs", default="1", show_default=True, help="Worker processes for tagging: a number or 'auto'.")
@click.option("--encoding", help="Force the input encoding (default: detect).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask': tag and merge (map-reduce by windows of years) on a dask.distributed cluster.")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
def timeline(paths, manifest, anchor, prefer, fmt, per_mention, bom, bidi, out, jobs, encoding, engine, scheduler):
    """One ordered chronology of dated events from Arabic news articles."""
    loaded_manifest, anchor_date = _read_options(manifest, anchor)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    errors: list[DocumentError] = []
    if engine == "dask":
        if fmt == "timeml":
            raise click.UsageError("--format timeml needs the documents' texts: use --engine local")
        result = _dask_timeline(paths, loaded_manifest, anchor_date, Settings(prefer=prefer), jobs, scheduler,
                                encoding)
        errors = list(result.errors)
        pairs = []
    else:
        pairs = _tagged_pairs(paths, loaded_manifest, anchor_date, Settings(prefer=prefer), jobs, errors,
                              encoding)
        if fmt == "timeml":
            pairs = list(pairs)  # TimeML writes the texts back: only this format keeps them
        result = build_timeline(pairs, errors)
    if fmt == "timeml" and _is_directory_target(out):
        _write_timeml_dir(out, pairs)
    else:
        text = _render(result, fmt, pairs, per_mention, bom, bidi)
        if out and out != "-":
            atomic_write(out, text)
        else:
            click.echo(text, nl=False)
    for error in errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        click.echo(f"chrono timeline: {where}: {error.reason}", err=True)
    raise SystemExit(1 if errors else 0)
