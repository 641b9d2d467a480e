"""`chrono tag PATH...`: every temporal expression of every document, resolved, in one of the
registry's tag formats (json, jsonl, csv, timeml); written as documents are tagged, so memory
stays flat in their number.

Exit codes: 0 success, 1 when some documents failed (each reported, the rest still written),
2 for usage errors (a missing path, a bad anchor or manifest, an option the format does not take).
"""
from __future__ import annotations

import click

from chrono.cli.options import (
    Outcome,
    check_output_target,
    chosen_options,
    cli_tag_stream,
    input_paths,
    read_inputs,
    remember_documents,
    tagged,
    with_input_options,
    write_documents,
)
from chrono.export import format_names, writer
from chrono.models import Document, Settings
from chrono.pipeline import tag_document_json


@click.command()
@input_paths
@with_input_options
@click.option("--format", "fmt", type=click.Choice(format_names("tags")), default="json", show_default=True)
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM for spreadsheet programs.")
@click.option("-o", "--output", default="-", help="Output file ('-' = stdout), or a folder for --format timeml.")
@click.option("--jobs", default="1", show_default=True, help="Worker processes: a number or 'auto' (= cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask': tag on a dask.distributed cluster (extra chrono[dask]).")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
def tag(paths, anchor, manifest, prefer, keep_anchor, encoding, fmt, bom, output, jobs, engine, scheduler):
    """Find and resolve every temporal expression in PATH... (files, folders, JSONL, '-')."""
    tags_writer = writer(fmt, "tags")
    options = chosen_options(tags_writer, fmt, "tags", bom=bom)
    check_output_target(tags_writer, fmt, output)
    inputs = read_inputs(paths, anchor, manifest, encoding)
    pending: dict[str, list[Document]] = {}
    if tags_writer.needs_texts:  # the documents in flight are kept until their tags come back
        inputs = remember_documents(inputs, pending)
    # A writer that needs only the tags gets them serialised by the workers (cheap to send back).
    tagger = None if tags_writer.needs_texts else tag_document_json
    # The ignore: `Tagger` (chrono/scale/processes.py) says a tagger returns DocumentTags, but the workers
    # pass RenderedTags through as well; it goes when that alias says so (warn_unused_ignores will tell).
    results = cli_tag_stream(inputs, Settings(prefer=prefer, keep_anchor=keep_anchor), paths=paths, jobs=jobs,
                             engine=engine, scheduler=scheduler, tagger=tagger)  # type: ignore[arg-type]
    outcome = Outcome()
    write_documents(tags_writer, tagged(results, pending, outcome), output, **options)
    outcome.finish()
