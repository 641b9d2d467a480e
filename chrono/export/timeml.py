"""`--format timeml`: TIMEX3-annotated text per document.

    <TIMEX3 tid="t1" type="DATE" value="2021-11-24">اليوم الأربعاء</TIMEX3>

The annotation is built from each document's tags and ORIGINAL text (the timeline alone has
no text), so the exporter needs `pairs=[(Document, DocumentTags), ...]`. The document creation
time (the anchor) is the `t0` TIMEX3 in `<DCT>`. Overlapping timexes (should not happen) keep
the first. Characters XML 1.0 forbids become U+FFFD.
"""
from __future__ import annotations

import re
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from chrono.models import Document, DocumentTags, TimelineOutput

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
    """Document id → TimeML text (one file each when writing to a directory)."""
    return {document.id: annotate(document, tags) for document, tags in pairs}


def render(timeline: TimelineOutput, pairs: Iterable[tuple[Document, DocumentTags]] = ()) -> str:
    """All documents in one XML stream: `<TimeMLDocuments>` wrapping one `<TimeML>` each."""
    inner = []
    for xml in documents(pairs).values():
        inner.append(xml.split("\n", 1)[1])  # drop each document's XML declaration
    return '<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLDocuments>\n' + "".join(inner) + "</TimeMLDocuments>\n"
