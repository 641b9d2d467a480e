"""The command line: a thin layer over readers → pipeline → writers (design §8).

Exit codes: 0 success, 1 when some documents failed (each reported, the rest still written),
2 for usage errors (a bad anchor, a bad manifest, an unknown option).
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from typing import Iterable, Iterator, Optional, Union

import click

from chrono.models import Document, DocumentError, Settings

Item = Union[Document, DocumentError]


# -- shared option handling ------------------------------------------------------------------------

def parse_anchor_option(value: Optional[str]) -> Optional[date]:
    """--anchor '2021-11-24' or '24 نوفمبر 2021'; a bad one is a usage error that says why."""
    if value is None:
        return None
    from chrono.readers import AnchorError, parse_anchor_date

    try:
        return parse_anchor_date(value)
    except AnchorError as err:
        raise click.BadParameter(str(err), param_hint="--anchor") from None


def load_manifest_option(path: Optional[str]):
    if path is None:
        return None
    from chrono.readers import ManifestError, load_manifest

    try:
        return load_manifest(path)
    except ManifestError as err:
        raise click.BadParameter(str(err), param_hint="--manifest") from None


def read_inputs(paths: tuple[str, ...], anchor: Optional[str], manifest: Optional[str],
                encoding: Optional[str] = None) -> Iterator[Item]:
    """Documents and per-document errors, lazily, in input order."""
    from chrono.readers import iter_inputs

    try:
        return iter_inputs(list(paths), manifest=load_manifest_option(manifest),
                           anchor=parse_anchor_option(anchor), encoding=encoding)
    except (LookupError, ValueError) as err:  # an unknown --encoding
        raise click.BadParameter(str(err), param_hint="--encoding") from None


def report_error(err: DocumentError) -> None:
    where = err.path + (f":{err.line}" if err.line else "")
    click.echo(f"chrono: {where}: {err.reason}", err=True)


common_input_options = [
    click.option("--anchor", help="Anchor date for every document (e.g. 2021-11-24, '24 نوفمبر 2021')."),
    click.option("--manifest", type=click.Path(dir_okay=False), help="JSON manifest: file → published date."),
    click.option("--prefer", type=click.Choice(["news", "past", "future"]), default="news", show_default=True,
                 help="How bare weekdays and months resolve (design §5)."),
    click.option("--encoding", help="Force the input encoding (default: detect)."),
]


def with_input_options(fn):
    for option in reversed(common_input_options):
        fn = option(fn)
    return fn


@click.group()
@click.version_option(package_name="chrono")
def main():
    """chrono: Arabic news articles → one ordered chronology of dated events."""


# -- chrono tag ------------------------------------------------------------------------------------

@main.command()
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
    from chrono.io_utils import atomic_open

    settings = Settings(prefer=prefer)
    from chrono.parallel import cli_tag_stream

    inputs = read_inputs(paths, anchor, manifest, encoding)
    pending: dict[str, list[Document]] = {}
    if fmt == "timeml":  # TimeML needs each document's text back: keep the ones in flight
        inputs = remember_documents(inputs, pending)
    from chrono.pipeline import tag_document_json

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


def remember_documents(items: Iterable[Item], pending: dict[str, list[Document]]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document):
            pending.setdefault(item.id, []).append(item)
        yield item


def take_document(pending: dict[str, list[Document]], result) -> Optional[Document]:
    """The in-flight document a result (tags or error) belongs to, removed from `pending`."""
    waiting = pending.get(result.id or "", [])
    doc = waiting.pop(0) if waiting else None
    if not waiting:
        pending.pop(result.id or "", None)
    return doc


def write_timeml(results, out, errors, pending: dict[str, list[Document]]) -> None:
    """Each document's text with its TIMEX3 elements, one <TimeML> element per document."""
    from chrono.export.timeml import annotate

    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLDocuments>\n')
    for r in results:
        doc = take_document(pending, r)
        if isinstance(r, DocumentError):
            errors.append(r)
        elif doc is not None:
            out.write(annotate(doc, r).split("\n", 1)[1])  # one XML declaration for the stream
    out.write("</TimeMLDocuments>\n")


WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}


# -- chrono explain --------------------------------------------------------------------------------

@main.command()
@click.argument("text")
@click.option("--anchor", help="Anchor date (publication day).")
@click.option("--prefer", type=click.Choice(["news", "past", "future"]), default="news", show_default=True)
def explain(text, anchor, prefer):
    """Each expression in TEXT, its value and the tree of rules that built it."""
    from chrono.pipeline import find_expressions
    from chrono.resolve import resolve

    anchor_date = parse_anchor_option(anchor)
    expressions = find_expressions(text)
    if not expressions:
        click.echo("no temporal expression found")
    for expr in expressions:
        r = resolve(expr.item.value, anchor_date, prefer, expr.future_cue)
        mod = f" mod={r.mod}" if r.mod else ""
        click.echo(f"[{expr.start}:{expr.end}] {text[expr.start:expr.end]!r} → {r.type} {r.value}{mod}"
                   f" ({r.granularity or '-'}: {r.start_date or '?'} … {r.end_date or '?'})")
        click.echo(f"  underspecified: {expr.item.value.canonical()}")
        if r.calendar != "gregorian":
            click.echo(f"  calendar: {r.calendar} {r.hijri_value or ''}")
        if expr.future_cue:
            click.echo("  future cue in the clause")
        for flag in r.flags:
            click.echo(f"  flag: {flag}")
        click.echo(_indent_tree(expr.item.tree(), "  "))


def _indent_tree(tree: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in tree.splitlines())


# -- chrono anchors --------------------------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--anchor", help="Anchor date for every document.")
@click.option("--manifest", type=click.Path(dir_okay=False))
@click.option("--encoding")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def anchors(paths, anchor, manifest, encoding, fmt):
    """Each document's anchor: date, source, confidence and evidence."""
    from chrono.pipeline import document_anchor

    rows, errors = [], []
    for item in read_inputs(paths, anchor, manifest, encoding):
        if isinstance(item, DocumentError):
            errors.append(item)
            continue
        a = document_anchor(item)
        rows.append({"id": item.id, "path": item.path, "anchor": a.model_dump(mode="json")})
    if fmt == "json":
        click.echo(json.dumps({"documents": rows, "errors": [e.model_dump(mode="json") for e in errors]},
                              ensure_ascii=False, indent=2))
    else:
        for row in rows:
            a = row["anchor"]
            shown = a["date"] or (f"{a['candidates'][0]}…{a['candidates'][1]}" if a.get("candidates") else "none")
            click.echo(f"{row['id']}\t{shown}\t{a['source']}\t{a['confidence']:.2f}\t{a['evidence']}")
            for warning in a.get("warnings") or []:
                click.echo(f"  warning: {warning}")
    for err in errors:
        report_error(err)
    sys.exit(1 if errors else 0)


def _register_optional_commands() -> None:
    try:
        from chrono.cli_timeline import timeline
    except ImportError:  # pragma: no cover - while the timeline stage is being built
        return
    main.add_command(timeline)


_register_optional_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
