"""`--format csv`: one row per entry, or per mention with `per_mention=True`.

UTF-8, RFC 4180 (CRLF line ends, quotes doubled). `bom=True` prefixes U+FEFF so spreadsheet
programs that guess the encoding (Excel) open the Arabic intact.
"""
from __future__ import annotations

import csv
import io

from chrono.models import TimelineOutput

ENTRY_COLUMNS = ["id", "start_date", "end_date", "value", "type", "granularity", "mod", "label",
                 "trigger", "sources", "mentions", "conflicts"]
MENTION_COLUMNS = ["entry", "entry_value", "start_date", "end_date", "label", "doc", "start", "end",
                   "text", "value", "in_quote", "sentence"]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _entry_rows(timeline: TimelineOutput):
    for entry in timeline.entries:
        yield [entry.id, entry.start_date, entry.end_date, entry.value, entry.type, entry.granularity,
               entry.mod, entry.label, entry.trigger, ";".join(entry.sources), len(entry.mentions),
               ";".join(c.entry for c in entry.conflicts)]


def _mention_rows(timeline: TimelineOutput):
    for entry in timeline.entries:
        for mention in entry.mentions:
            yield [entry.id, entry.value, entry.start_date, entry.end_date, entry.label, mention.doc,
                   mention.start, mention.end, mention.text, mention.value, mention.in_quote,
                   mention.sentence]


def render(timeline: TimelineOutput, per_mention: bool = False, bom: bool = False) -> str:
    """The CSV text. Example row: e16,2021-11-24,2021-11-24,2021-11-24,DATE,day,,وقع المغرب ..."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(MENTION_COLUMNS if per_mention else ENTRY_COLUMNS)
    rows = _mention_rows(timeline) if per_mention else _entry_rows(timeline)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return ("\ufeff" if bom else "") + buffer.getvalue()
