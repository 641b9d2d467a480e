"""`--format csv`: the tags (one row per expression) or the chronology (one row per entry, or per
mention with `per_mention=True`), in one dialect.

UTF-8, RFC 4180 (CRLF line ends, quotes doubled), booleans `true`/`false`, an empty cell for
nothing. `bom=True` prefixes U+FEFF so spreadsheet programs that guess the encoding (Excel) open
the Arabic intact.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TextIO

from chrono.export.display import arabic_date
from chrono.export.tagged import Item, tags_json
from chrono.models import DocumentError, TimelineOutput

TAG_COLUMNS = ["doc", "id", "start", "end", "text", "type", "value", "granularity", "start_date", "end_date",
               "mod", "calendar", "hijri_value", "rule", "in_quote", "flags"]
# `display_date`, last so the columns before it keep their places: the entry's date as an
# Arabic reader writes it ("أواخر 2020"); the other date columns are ISO/TimeML for machines.
ENTRY_COLUMNS = ["id", "start_date", "end_date", "value", "type", "granularity", "mod", "label",
                 "trigger", "sources", "source_names", "mentions", "conflicts", "display_date"]
MENTION_COLUMNS = ["entry", "entry_value", "start_date", "end_date", "label", "doc", "source", "title", "start", "end",
                   "text", "value", "in_quote", "sentence", "display_date"]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _writer(out: TextIO, columns: list[str], bom: bool):
    """The dialect, header written: rows go through `writer.writerow([...])`."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    return writer


def write_tags(items: Iterable[Item], out: TextIO, bom: bool = False) -> None:
    """One row per expression, document by document; failed documents have no row.

        001_76ae0159d87ba1ac,t1,19,33,اليوم الأربعاء,DATE,2021-11-24,day,2021-11-24,2021-11-24,,...
    """
    writer = _writer(out, TAG_COLUMNS, bom)
    for item in items:
        if isinstance(item, DocumentError):
            continue
        document = json.loads(tags_json(item.tags))
        for timex in document["timexes"]:
            timex["doc"] = document["id"]
            timex["flags"] = "; ".join(timex["flags"])
            writer.writerow([_cell(timex.get(column)) for column in TAG_COLUMNS])


def _entry_rows(timeline: TimelineOutput):
    papers = timeline.papers()
    for entry in timeline.entries:
        names = list(dict.fromkeys(papers.get(doc, doc) for doc in entry.sources))
        yield [entry.id, entry.start_date, entry.end_date, entry.value, entry.type, entry.granularity,
               entry.mod, entry.label, entry.trigger, ";".join(entry.sources), ";".join(names),
               len(entry.mentions),
               ";".join(c.entry for c in entry.conflicts), arabic_date(entry)]


def _mention_rows(timeline: TimelineOutput):
    documents = {info.id: info for info in timeline.documents}
    for entry in timeline.entries:
        display = arabic_date(entry)
        for mention in entry.mentions:
            info = documents.get(mention.doc)
            yield [entry.id, entry.value, entry.start_date, entry.end_date, entry.label, mention.doc,
                   info.source if info else None, info.title if info else None,
                   mention.start, mention.end, mention.text, mention.value, mention.in_quote,
                   mention.sentence, display]


def render(timeline: TimelineOutput, per_mention: bool = False, bom: bool = False) -> str:
    """The CSV text. Example row: e16,2021-11-24,2021-11-24,2021-11-24,DATE,day,,وقع المغرب ..."""
    buffer = io.StringIO()
    writer = _writer(buffer, MENTION_COLUMNS if per_mention else ENTRY_COLUMNS, bom)
    for row in _mention_rows(timeline) if per_mention else _entry_rows(timeline):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
