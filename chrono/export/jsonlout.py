"""`--format jsonl`: one document's tags per line (DocumentTags JSON), a failed document as
`{"error": {...}}` in its place; each line is flushed as written, so a reader down a pipe gets
every document as soon as it is tagged."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from chrono.export.tagged import Item, tags_json
from chrono.models import DocumentError


def write_tags(items: Iterable[Item], out: TextIO) -> None:
    """{"id": "001", "anchor": {...}, "timexes": [{"text": "اليوم الأربعاء", ...}]} per line."""
    for item in items:
        if isinstance(item, DocumentError):
            out.write(json.dumps({"error": item.model_dump(mode="json")}, ensure_ascii=False) + "\n")
        else:
            out.write(tags_json(item.tags) + "\n")
        out.flush()
