"""The export registry: every format chrono writes, which outputs it can write and its options.

    format      `chrono tag` (tags)          `chrono timeline` (the chronology)
    json        yes                          yes
    jsonl       yes                          -
    csv         yes: bom                     yes: bom, per_mention
    timeml      yes: TIMEX3 (-o DIR/ too)    yes: EVENT, TIMEX3, TLINK (-o DIR/ too)
    timelinejs  -                            yes: group_by
    vis         -                            yes
    html        -                            yes: title
    table       -                            yes: bidi, label_width (the terminal view, the default)

Three kinds of writer, told apart by `Writer.reads`:
- "documents": `write(items, out, **options)` reads the tagged documents one at a time, in input
  order, with failed ones in their place (chrono/export/tagged.py), and writes each as it comes:
  memory stays flat in the number of documents (`Writer.streams`).
- "timeline": `write(timeline, **options) -> str` reads the whole merged chronology (and, when
  `Writer.to_stream` is given, writes the same text to a stream piece by piece).
- "chronology": `write(items, timeline, out)` reads both: the tagged documents (their texts)
  and the chronology merged from them (TimeML's events and links go back into each text).

`Writer.options` lists the keyword options a writer takes; calling it with another is an error,
so a caller (the CLI) chooses from that list what to pass. A new format is one module with its
writer(s) and one `Format(...)` line in `FORMATS` below.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Optional

from chrono.export import csvout, html, jsonlout, jsonout, table, timelinejs, timeml, vis
from chrono.models import TimelineOutput

Output = Literal["tags", "timeline"]


@dataclass(frozen=True)
class Writer:
    """How one format writes one output."""

    write: Callable[..., Any]
    reads: Literal["documents", "timeline", "chronology"]
    options: frozenset[str] = frozenset()
    # The documents' original text, not only their tags (TimeML writes the text back).
    needs_texts: bool = False
    # `-o DIR/`: one file per document in a folder instead of one stream; it takes what
    # `write` takes, with the folder in place of the stream.
    to_folder: Optional[Callable[..., None]] = None
    # "timeline" writers: `to_stream(timeline, out, documents=None, entries=None, **options)`
    # writes the bytes of `write` piece by piece, so an archive's chronology is never one string
    # in memory; `documents` and `entries` (iterators: `Merger.iter_documents`, `Merger.stream`)
    # stand for the timeline's when given.
    to_stream: Optional[Callable[..., None]] = None

    @property
    def streams(self) -> bool:
        return self.reads == "documents"


@dataclass(frozen=True)
class Format:
    name: str
    tags: Optional[Writer] = None
    timeline: Optional[Writer] = None

    def writer(self, output: Output) -> Optional[Writer]:
        return self.tags if output == "tags" else self.timeline


_TIMEML_TAGS = Writer(timeml.write_documents, "documents", needs_texts=True, to_folder=timeml.write_folder)
_TIMEML_CHRONOLOGY = Writer(timeml.write_chronology, "chronology", needs_texts=True,
                            to_folder=timeml.write_chronology_folder)

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", tags=Writer(jsonout.write_tags, "documents"), timeline=Writer(jsonout.render, "timeline",
                                                                              to_stream=jsonout.write_timeline)),
    Format("jsonl", tags=Writer(jsonlout.write_tags, "documents")),
    Format("csv", tags=Writer(csvout.write_tags, "documents", frozenset({"bom"})),
           timeline=Writer(csvout.render, "timeline", frozenset({"bom", "per_mention"}))),
    Format("timeml", tags=_TIMEML_TAGS, timeline=_TIMEML_CHRONOLOGY),
    Format("timelinejs", timeline=Writer(timelinejs.render, "timeline", frozenset({"group_by"}))),
    Format("vis", timeline=Writer(vis.render, "timeline")),
    Format("html", timeline=Writer(html.render, "timeline", frozenset({"title"}))),
    Format("table", timeline=Writer(table.render, "timeline", frozenset({"bidi", "label_width"}))),
)}


def format_names(output: Output) -> list[str]:
    """The formats that can write `output`, in the registry's order."""
    return [f.name for f in FORMATS.values() if f.writer(output) is not None]


def writer(name: str, output: Output) -> Writer:
    """The writer of `output` in format `name`; a clear error for a format that has none."""
    found = FORMATS[name].writer(output) if name in FORMATS else None
    if found is None:
        raise ValueError(f"format {name!r} cannot write the {output}; it can be one of: "
                         + ", ".join(format_names(output)))
    return found


def formats_taking(option: str, output: Output) -> list[str]:
    """The formats whose `output` writer takes `option`: formats_taking("bom", "tags") == ["csv"]."""
    return [f.name for f in FORMATS.values() if (found := f.writer(output)) is not None and option in found.options]


def render_timeline(name: str, timeline: TimelineOutput, **options) -> str:
    """The chronology as text in format `name`: render_timeline("csv", timeline, bom=True)."""
    found = writer(name, "timeline")
    if found.reads != "timeline":
        raise ValueError(f"format {name!r} is written from the tagged documents and the chronology together")
    return found.write(timeline, **options)
