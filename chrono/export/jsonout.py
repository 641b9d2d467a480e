"""`--format json`: the tags (schema `chrono.tags/1`) or the chronology (`chrono.timeline/1`),
as the pydantic models in chrono/models.py serialise them, Arabic kept as UTF-8."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Optional, TextIO

from chrono.export.tagged import Item, tags_json
from chrono.models import DocumentError, DocumentInfo, Entry, TimelineOutput, dump_json


def render(timeline: TimelineOutput) -> str:
    """Deterministic, indented UTF-8 JSON ending with a newline ("اليوم الأربعاء" kept as is)."""
    return dump_json(timeline) + "\n"


def write_timeline(timeline: TimelineOutput, out: TextIO, *, documents: Optional[Iterable[DocumentInfo]] = None,
                   entries: Optional[Iterable[Entry]] = None) -> None:
    """The bytes of `render`, written document by document and entry by entry: an archive's
    chronology is never held whole as dicts or as one string (tests/test_exports.py checks the
    two agree). `documents` and `entries`, when given, stand for the timeline's, each written
    as it comes (`Merger.iter_documents` and `Merger.stream` give them one at a time)."""
    for chunk in timeline_chunks(timeline, documents=documents, entries=entries):
        out.write(chunk)


_LISTS = ("documents", "entries", "errors")


def timeline_chunks(timeline: TimelineOutput, *, documents: Optional[Iterable[DocumentInfo]] = None,
                    entries: Optional[Iterable[Entry]] = None) -> Iterator[str]:
    """`render`'s text in pieces: what `json.dumps(..., indent=2)` writes for the whole model,
    each list item dumped on its own and indented as it would stand in the object."""
    head = timeline.model_dump(mode="json", by_alias=True, exclude=set(_LISTS))  # the lists come last
    lists = {name: getattr(timeline, name) for name in _LISTS}
    for name, given in (("documents", documents), ("entries", entries)):
        if given is not None:
            lists[name] = given
    fields = [*head.items(), *lists.items()]
    yield "{"
    for number, (key, value) in enumerate(fields):
        yield ("," if number else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": "
        if key in _LISTS:
            yield from _list_chunks(value)
        else:
            yield _indented(value, 2)
    yield "\n}\n"


def _list_chunks(models: Iterable) -> Iterator[str]:
    number = -1
    for number, model in enumerate(models):
        yield ("," if number else "[") + "\n    " + _indented(model.model_dump(mode="json", by_alias=True), 4)
    yield "\n  ]" if number >= 0 else "[]"


def write_tags(items: Iterable[Item], out: TextIO) -> None:
    """The TagOutput object, written document by document (one per line); the errors, which
    come last in the object, are the only thing held until the end."""
    out.write('{\n  "schema": "chrono.tags/1",\n  "documents": [')
    errors: list[DocumentError] = []
    first = True
    for item in items:
        if isinstance(item, DocumentError):
            errors.append(item)
            continue
        out.write(("" if first else ",") + "\n    " + tags_json(item.tags))
        first = False
    out.write(("\n  " if not first else "") + "],\n  \"errors\": ")
    out.write(_indented([e.model_dump(mode="json") for e in errors], 2) + "\n}\n")


def _indented(obj: Any, level: int) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * level)
