"""`--format json`: the tags (schema `chrono.tags/1`) or the chronology (`chrono.timeline/1`),
as the pydantic models in chrono/models.py serialise them, Arabic kept as UTF-8."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from chrono.export.tagged import Item, tags_json
from chrono.models import DocumentError, TimelineOutput, dump_json


def render(timeline: TimelineOutput) -> str:
    """Deterministic, indented UTF-8 JSON ending with a newline ("اليوم الأربعاء" kept as is)."""
    return dump_json(timeline) + "\n"


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


def _indented(obj, level: int) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * level)
