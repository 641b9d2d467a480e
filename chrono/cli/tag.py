"""`chrono tag PATH...`: every temporal expression of every document, resolved, as json, jsonl,
csv or TimeML; written as documents are tagged, so memory stays flat.

Exit codes: 0 success, 1 when some documents failed (each reported, the rest still written),
2 for usage errors (a bad anchor, a bad manifest, an unknown option).
"""
from __future__ import annotations

import csv
import json
import sys
from typing import Iterator

import click

from chrono.cli.options import cli_tag_stream, read_inputs, remember_documents, report_error, take_document, \
    with_input_options
from chrono.export.files import atomic_open
from chrono.export.timeml import annotate
from chrono.models import Document, DocumentError, Settings
from chrono.pipeline import tag_document_json


@click.command()
@click.argument("paths", nargs=-1, required=True)
@with_input_options
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "timeml"]), default="json",
              show_default=True)
@click.option("-o", "--output", default="-", help="Output file ('-' = stdout).")
@click.option("--jobs", default="1", show_default=True, help="Worker processes: a number or 'auto' (= cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask': tag on a dask.distributed cluster (extra chrono[dask]).")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")
def tag(paths, anchor, manifest, prefer, encoding, fmt, output, jobs, engine, scheduler):
    """Find and resolve every temporal expression in PATH... (files, folders, JSONL, '-')."""
    settings = Settings(prefer=prefer)
    inputs = read_inputs(paths, anchor, manifest, encoding)
    pending: dict[str, list[Document]] = {}
    if fmt == "timeml":  # TimeML needs each document's text back: keep the ones in flight
        inputs = remember_documents(inputs, pending)
    # json, jsonl and csv need only the serialised tags: workers render them (cheap to send back)
    tagger = None if fmt == "timeml" else tag_document_json
    results = cli_tag_stream(inputs, settings, paths=paths, jobs=jobs, engine=engine, scheduler=scheduler,
                             tagger=tagger)
    errors: list[DocumentError] = []
    with atomic_open(output, "w") as out:
        if fmt == "timeml":
            write_timeml(results, out, errors, pending)
        else:
            WRITERS[fmt](results, out, errors)
    for err in errors:
        report_error(err)
    sys.exit(1 if errors else 0)


def _collect(results, errors) -> Iterator[str]:
    """The documents' JSON (compact, one line each); errors are set aside in `errors`."""
    for r in results:
        if isinstance(r, DocumentError):
            errors.append(r)
        else:
            yield _document_json(r)


def _document_json(r) -> str:
    return r.json if hasattr(r, "json") and isinstance(r.json, str) else r.model_dump_json()


def write_json(results, out, errors) -> None:
    """The TagOutput object, streamed document by document, one document per line."""
    out.write('{\n  "schema": "chrono.tags/1",\n  "documents": [')
    first = True
    for doc in _collect(results, errors):
        out.write(("" if first else ",") + "\n    " + doc)
        first = False
    out.write(("\n  " if not first else "") + "],\n  \"errors\": ")
    out.write(_indented([e.model_dump(mode="json") for e in errors], 2) + "\n}\n")


def _indented(obj, level: int) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * level)


def write_jsonl(results, out, errors) -> None:
    """One document per line as it is tagged; errors as {"error": …} lines in input order."""
    for r in results:
        if isinstance(r, DocumentError):
            errors.append(r)
            out.write(json.dumps({"error": r.model_dump(mode="json")}, ensure_ascii=False) + "\n")
        else:
            out.write(_document_json(r) + "\n")
        out.flush()


CSV_COLUMNS = ["doc", "id", "start", "end", "text", "type", "value", "granularity", "start_date", "end_date",
               "mod", "calendar", "hijri_value", "rule", "in_quote", "flags"]


def write_csv(results, out, errors) -> None:
    """One row per expression."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for doc in map(json.loads, _collect(results, errors)):
        for row in doc["timexes"]:
            row["doc"] = doc["id"]
            row["flags"] = "; ".join(row["flags"])
            writer.writerow(["" if row.get(c) is None else row[c] for c in CSV_COLUMNS])


def write_timeml(results, out, errors, pending: dict[str, list[Document]]) -> None:
    """Each document's text with its TIMEX3 elements, one <TimeML> element per document."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLDocuments>\n')
    for r in results:
        doc = take_document(pending, r)
        if isinstance(r, DocumentError):
            errors.append(r)
        elif doc is not None:
            out.write(annotate(doc, r).split("\n", 1)[1])  # one XML declaration for the stream
    out.write("</TimeMLDocuments>\n")


WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}
