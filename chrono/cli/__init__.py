"""The command line: a thin layer over read → pipeline → merge → export.

    chrono tag PATH...        every expression, resolved (cli/tag.py)
    chrono timeline PATH...   one ordered chronology (cli/timeline.py)
    chrono explain TEXT       the rules behind each expression (cli/inspect.py)
    chrono anchors PATH...    each document's anchor and its evidence (cli/inspect.py)
    chrono diff OLD NEW       what changed between two outputs (cli/diff.py)

Exit codes: 0 success, 1 when some documents failed (each reported, the rest still written),
2 for usage errors (a missing path, a bad anchor or manifest, an unknown option, an option the
format does not take).
"""
from __future__ import annotations

import click

from chrono.cli.diff import diff
from chrono.cli.inspect import anchors, explain
from chrono.cli.tag import tag
from chrono.cli.timeline import timeline


@click.group()
@click.version_option(package_name="chrono")
def main():
    """chrono: Arabic news articles → one ordered chronology of dated events."""


for _command in (tag, timeline, explain, anchors, diff):
    main.add_command(_command)

