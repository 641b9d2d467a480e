"""`chrono explain TEXT` (each expression, its value and the tree of rules that built it) and
`chrono anchors PATH...` (each document's anchor, source, confidence and evidence)."""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from chrono.cli.options import input_paths, parse_anchor_option, read_inputs, report_error
from chrono.models import DocumentError
from chrono.pipeline import document_anchor
from chrono.resolve import resolve
from chrono.tagger import find_expressions


@click.command()
@click.argument("text")
@click.option("--anchor", help="Anchor date (publication day).")
@click.option("--prefer", type=click.Choice(["news", "past", "future"]), default="news", show_default=True)
def explain(text, anchor, prefer):
    """Each expression in TEXT, its value and the tree of rules that built it."""
    anchor_date = parse_anchor_option(anchor)
    expressions = find_expressions(text)
    if not expressions:
        click.echo("no temporal expression found")
    for expr in expressions:
        r = resolve(expr.item.value, anchor_date, prefer, expr.future_cue, expr.past_cue)
        mod = f" mod={r.mod}" if r.mod else ""
        click.echo(f"[{expr.start}:{expr.end}] {text[expr.start:expr.end]!r} → {r.type} {r.value}{mod}"
                   f" ({r.granularity or '-'}: {r.start_date or '?'} … {r.end_date or '?'})")
        click.echo(f"  underspecified: {expr.item.value.canonical()}")
        if r.calendar != "gregorian":
            click.echo(f"  calendar: {r.calendar} {r.hijri_value or ''}")
        if expr.future_cue:
            click.echo("  future cue in the clause")
        if expr.past_cue:
            click.echo("  past verb in the clause")
        for flag in r.flags:
            click.echo(f"  flag: {flag}")
        click.echo(_indent_tree(expr.item.tree(), "  "))


def _indent_tree(tree: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in tree.splitlines())


@click.command()
@input_paths
@click.option("--anchor", help="Anchor date for every document.")
@click.option("--manifest", type=click.Path(dir_okay=False))
@click.option("--encoding")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def anchors(paths, anchor, manifest, encoding, fmt):
    """Each document's anchor: date, source, confidence and evidence."""
    rows: list[dict[str, Any]] = []  # one JSON object per document
    errors: list[DocumentError] = []
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
            told = row["anchor"]  # the anchor as JSON
            shown = told["date"] or (f"{told['candidates'][0]}…{told['candidates'][1]}" if told.get("candidates")
                                     else "none")
            click.echo(f"{row['id']}\t{shown}\t{told['source']}\t{told['confidence']:.2f}\t{told['evidence']}")
            for warning in told.get("warnings") or []:
                click.echo(f"  warning: {warning}")
    for err in errors:
        report_error(err)
    sys.exit(1 if errors else 0)
