"""chrono: Arabic news articles in, one ordered chronology of dated events out.

    >>> import chrono
    >>> [(t.text, t.value) for t in chrono.tag("وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً", anchor="2021-11-24")]
    [('اليوم الأربعاء', '2021-11-24')]
    >>> story = chrono.timeline([("وصل الوزير إلى الرباط أمس في زيارة رسمية", "2021-11-24"),
    ...                          ("وقع الوزيران اتفاقاً اليوم الأربعاء", "2021-11-24")])
    >>> [(e.value, e.label) for e in story.entries]
    [('2021-11-23', 'وصل الوزير إلى الرباط في زيارة رسمية'), ('2021-11-24', 'وقع الوزيران اتفاقاً')]

`tag` and `timeline` are the two steps of the command line (`chrono tag`, `chrono timeline`) for
texts already in memory; the models they return (`Timex`, `TimelineOutput`, `Entry`, …) are the
output contract, the same as the JSON the command line writes. Importing chrono is light: the
tagger loads on the first call.

The stages themselves are the subpackages (chrono.read, chrono.tagger, chrono.resolve, …; see
docs/ARCHITECTURE.md).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Literal, Optional, Union

from chrono.models import Anchor, Document, Entry, Mention, Settings, TimelineOutput, Timex

# The two functions, and the models they take and give (chrono.models, the output contract).
__all__ = [
    "tag", "timeline",
    "Anchor", "Document", "Entry", "Mention", "Timex", "TimelineOutput",
]

AnchorLike = Union[date, str, None]
DocumentLike = Union[Document, str, tuple, Mapping]
Prefer = Literal["news", "past", "future"]


def _anchor_day(anchor: AnchorLike) -> Optional[date]:
    """A date, or text the command line's --anchor takes ("2021-11-24", "24 نوفمبر 2021")."""
    if anchor is None or isinstance(anchor, date):
        return anchor.date() if isinstance(anchor, datetime) else anchor
    if isinstance(anchor, str):
        from chrono.read import parse_anchor_date

        return parse_anchor_date(anchor)  # AnchorError (a ValueError) says what is wrong
    raise TypeError(f"an anchor is a date or a string such as '2021-11-24', not {type(anchor).__name__}")


def _given_anchor(anchor: AnchorLike, evidence: str) -> Anchor:
    day = _anchor_day(anchor)
    if day is None:
        return Anchor()
    return Anchor(date=day, source="cli", confidence=1.0, evidence=evidence)


def tag(text: str, anchor: AnchorLike = None, *, prefer: Prefer = "news") -> list[Timex]:
    """Every temporal expression of `text`, resolved against `anchor` (the publication day).

    Without an anchor, absolute dates still resolve and relative ones stay underspecified
    ("XXXX-XX-XX", flagged "unresolved: no anchor"); `prefer` is the command line's --prefer.

    >>> [t.value for t in tag("وصل الوزير أمس", anchor="2021-11-24")]
    ['2021-11-23']
    """
    from chrono.pipeline import tag_document

    if not isinstance(text, str):
        raise TypeError(f"tag() takes the text as a string, not {type(text).__name__}")
    document = Document(id="text", text=text, anchor=_given_anchor(anchor, "anchor="))
    return tag_document(document, Settings(prefer=prefer)).timexes


def _document(item: DocumentLike, number: int) -> Document:
    """One input of `timeline` as a Document: a Document, a text, (text, anchor), or a JSONL-like
    mapping {"id"?, "text", "published"?}. Ids default to doc1, doc2, …"""
    default_id = f"doc{number}"
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=default_id, text=item)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        text, anchor = item
        return Document(id=default_id, text=text, anchor=_given_anchor(anchor, f"{default_id}: anchor"))
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        doc_id = str(item.get("id", default_id))
        return Document(id=doc_id, text=item["text"],
                        anchor=_given_anchor(item.get("published"), f"{doc_id}: published"))
    raise TypeError(f"document {number}: expected a Document, a text, (text, anchor) or "
                    f"{{'text': ..., 'published': ...}}, not {type(item).__name__}")


def timeline(documents: Iterable[DocumentLike], *, prefer: Prefer = "news") -> TimelineOutput:
    """One ordered chronology of the happenings the documents date, merged across them.

    Each document is a `Document`, a text, a (text, anchor) pair or a mapping like a JSONL line
    ({"id": "a1", "text": "...", "published": "2021-11-24"}). A document without an anchor gets
    one from its dateline or its text where they tell it, as on the command line.

    >>> story = timeline([{"id": "a1", "text": "وقع المغرب وإسرائيل اليوم الأربعاء اتفاقاً",
    ...                    "published": "2021-11-24"}])
    >>> [(e.value, e.sources) for e in story.entries]
    [('2021-11-24', ['a1'])]
    """
    from chrono.merge import build_timeline
    from chrono.pipeline import tag_document

    settings = Settings(prefer=prefer)
    pairs = []
    for number, item in enumerate(documents, 1):
        document = _document(item, number)
        pairs.append((document, tag_document(document, settings)))
    return build_timeline(pairs)
