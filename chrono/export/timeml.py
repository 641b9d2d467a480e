"""`--format timeml`: TIMEX3-annotated text per document.

    <TIMEX3 tid="t1" type="DATE" value="2021-11-24">اليوم الأربعاء</TIMEX3>

The annotation is built from each document's tags and ORIGINAL text (a chronology has no
text), so both `chrono tag` and `chrono timeline` write it from the tagged documents, each as it
comes, never from the merged entries. The document creation
time (the anchor) is the `t0` TIMEX3 in `<DCT>`. Overlapping timexes (should not happen) keep
the first. Characters XML 1.0 forbids become U+FFFD.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Iterator, TextIO
from xml.sax.saxutils import escape, quoteattr

from chrono.export.files import atomic_write
from chrono.export.tagged import Item, Tagged, tags_model
from chrono.models import Document, DocumentTags

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text))


def _timex_tag(tid: str, type_: str, value: str, mod: str | None, extra: str = "") -> str:
    attrs = f"tid={quoteattr(tid)} type={quoteattr(type_)} value={quoteattr(_XML_INVALID.sub('', value))}"
    if mod:
        attrs += f" mod={quoteattr(mod)}"
    return f"<TIMEX3 {attrs}{extra}>"


def annotate(document: Document, tags: DocumentTags) -> str:
    """One TimeML document (XML text) for one article."""
    text = document.text
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{_clean(document.id)}</DOCID>"]
    if tags.anchor.date is not None:
        day = tags.anchor.date.isoformat()
        tag = _timex_tag("t0", "DATE", day, None, ' functionInDocument="CREATION_TIME"')
        parts.append(f"<DCT>{tag}{day}</TIMEX3></DCT>")
    body, position = [], 0
    for timex in sorted(tags.timexes, key=lambda t: (t.start, -t.end)):
        if timex.start < position or not 0 <= timex.start < timex.end <= len(text):
            continue
        body.append(_clean(text[position:timex.start]))
        body.append(_timex_tag(timex.id, timex.type, timex.value, timex.mod))
        body.append(_clean(text[timex.start:timex.end]) + "</TIMEX3>")
        position = timex.end
    body.append(_clean(text[position:]))
    parts.append("<TEXT>" + "".join(body) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"


def documents(pairs: Iterable[tuple[Document, DocumentTags]]) -> dict[str, str]:
    """Document id → TimeML text (the golden files keep one file each)."""
    return {document.id: annotate(document, tags) for document, tags in pairs}


def _annotated(items: Iterable[Item]) -> Iterator[tuple[Document, str]]:
    """Each document with its TimeML text; failed documents are skipped (reported elsewhere)."""
    for item in items:
        if isinstance(item, Tagged) and item.document is not None:
            yield item.document, annotate(item.document, tags_model(item.tags))


def write_documents(items: Iterable[Item], out: TextIO) -> None:
    """All documents in one XML stream: `<TimeMLDocuments>` wrapping one `<TimeML>` each,
    written as each document comes."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLDocuments>\n')
    for _, xml in _annotated(items):
        out.write(xml.split("\n", 1)[1])  # one XML declaration for the whole stream
    out.write("</TimeMLDocuments>\n")


def write_folder(items: Iterable[Item], folder: str) -> None:
    """One `<id>.tml` file per document in `folder` (`-o out/timeml/`), each written whole or not
    at all; characters a file name should not hold become "_"."""
    os.makedirs(folder, exist_ok=True)
    for document, xml in _annotated(items):
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in document.id) or "document"
        atomic_write(os.path.join(folder, safe + ".tml"), xml)
