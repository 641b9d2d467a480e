"""`chrono diff OLD NEW`: what changed between two `chrono tag` or two `chrono timeline` outputs
(the logic is chrono/diff.py).

Exit status: 0 when they are equal, 1 when they differ, 2 for usage errors (a file that cannot be
read or is no chrono output, or a `tag` output compared with a `timeline` one).
"""
from __future__ import annotations

import json
import sys

import click

from chrono.cli.options import OneLineUsageError
from chrono.diff import DiffError, diff_files


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, allow_dash=False))
@click.argument("new", type=click.Path(dir_okay=False, allow_dash=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per change; json: the changes as data (schema chrono.diff/1).")
def diff(old, new, fmt):
    """What changed from OLD to NEW (two `chrono timeline` or two `chrono tag` outputs): entries
    added, removed, re-dated, merged or split, labels changed. Entries are matched by their
    mentions, not their ids. Exit 0 when equal, 1 when not."""
    try:
        result = diff_files(old, new)
    except DiffError as err:
        raise OneLineUsageError(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.report(), nl=False)
    sys.exit(0 if result.equal else 1)
