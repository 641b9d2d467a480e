"""normalize → tag → resolve for one document: the Python API behind `chrono tag`.

    >>> from datetime import date
    >>> [t.value for t in tag_text("وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً", date(2021, 11, 24))]
    ['2021-11-24']
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple, Optional

from chrono.models import Anchor, Document, DocumentTags, Settings, Timex
from chrono.resolve import resolve
from chrono.resolve.anchors import check_anchor, find_anchor
from chrono.segment import Segmentation, in_quote, in_set_aside, segment, sentence_index
from chrono.tag import Expression, find_expressions


def tag_text(text: str, anchor: Optional[date] = None, settings: Optional[Settings] = None) -> list[Timex]:
    """Every temporal expression of `text`, resolved against `anchor` (None: relative ones stay X)."""
    doc = Document(id="text", text=text, anchor=Anchor(date=anchor, source="cli" if anchor else "none"))
    return tag_document(doc, settings).timexes


def tag_document(doc: Document, settings: Optional[Settings] = None) -> DocumentTags:
    settings = settings or Settings()
    segmentation = segment(doc.text)
    expressions = find_expressions(doc.text)
    anchor = document_anchor(doc, expressions, segmentation)
    timexes = [
        _to_timex(i + 1, doc.text, expr, anchor.date, settings, segmentation)
        for i, expr in enumerate(expressions)
    ]
    return DocumentTags(id=doc.id, path=doc.path, anchor=anchor, encoding=doc.encoding, timexes=timexes,
                        set_aside=list(segmentation.set_aside))


class RenderedTags(NamedTuple):
    """A document's tags already serialised (DocumentTags JSON): what worker processes send back,
    since a string crosses a process boundary far cheaper than a tree of models."""

    id: str
    json: str


def tag_document_json(doc: Document, settings: Optional[Settings] = None) -> RenderedTags:
    """tag_document, rendered to compact JSON in the process that tagged it."""
    tags = tag_document(doc, settings)
    return RenderedTags(tags.id, tags.model_dump_json())


def document_anchor(doc: Document, expressions=None, segmentation=None) -> Anchor:
    """The given anchor (with warnings when the text contradicts it), or one found in the text
    (dateline, inference) when none was given. Pass the document's expressions and segmentation
    when you have them, so the text is not tagged twice."""
    if doc.anchor.date is not None:  # warnings when the text contradicts it ('اليوم الخميس' on a Wednesday)
        return check_anchor(doc, expressions, segmentation) or doc.anchor
    return find_anchor(doc, expressions, segmentation) or doc.anchor


def _to_timex(n: int, text: str, expr: Expression, anchor: Optional[date], settings: Settings,
              segmentation) -> Timex:
    value = expr.item.value
    r = resolve(value, anchor, settings.prefer, expr.future_cue)
    flags = list(r.flags)
    set_aside = _set_aside_reason(segmentation, expr.start)
    if set_aside:
        flags.append(f"set aside: {set_aside}")
    # model_construct: every field below is already of its declared type (resolve builds them, the
    # golden files and the corpus check them), so pydantic's validation would only copy them; the
    # JSON written is the same.
    return Timex.model_construct(
        id=f"t{n}", start=expr.start, end=expr.end, text=text[expr.start:expr.end], type=r.type, value=r.value,
        granularity=r.granularity, start_date=r.start_date, end_date=r.end_date, mod=r.mod,
        calendar=r.calendar, hijri_value=r.hijri_value, rule=expr.item.rule,
        in_quote=in_quote(segmentation, expr.start, expr.end), underspecified=value.canonical(), flags=flags,
        sentence=sentence_index(segmentation, expr.start),
    )


# -- helpers -----------------------------------------------------------------------------------------

def _set_aside_reason(seg: Segmentation, offset: int) -> Optional[str]:
    part = in_set_aside(seg, offset, offset + 1)
    return part.reason if part else None

