"""What a writer of tags reads: tagged documents one at a time, in input order, with each
document that failed in its place (a `DocumentError`), so a writer keeps none of them.

Worker processes send a document's tags back as compact JSON text (a string crosses a process
boundary far cheaper than a tree of models): `Tagged.tags` is either that or the model.

    Tagged(tags=DocumentTags(id="001", ...), document=Document(id="001", text="وقع ... اليوم"))
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Protocol, Union

from chrono.models import Document, DocumentError, DocumentTags


class RenderedTags(Protocol):
    """A document's tags already serialised: DocumentTags as compact JSON."""

    id: str
    json: str


class Tagged(NamedTuple):
    """One tagged document; `document` (the original text) only for formats that write it back."""

    tags: Union[DocumentTags, RenderedTags]
    document: Optional[Document] = None


Item = Union[Tagged, DocumentError]


def tags_json(tags: Union[DocumentTags, RenderedTags]) -> str:
    """The tags as compact JSON, serialised once (by the worker, when it already did)."""
    return tags.model_dump_json() if isinstance(tags, DocumentTags) else tags.json


def tags_model(tags: Union[DocumentTags, RenderedTags]) -> DocumentTags:
    return tags if isinstance(tags, DocumentTags) else DocumentTags.model_validate_json(tags.json)


# The serialised tags start {"id":…,"path":…,"anchor":{"date":…: the first "anchor" key is the
# document's, since a quote inside a JSON string is always escaped.
_ANCHOR_DATE = re.compile(r'"anchor":\{"date":(null,"given":"|null|")')


def has_anchor(tags: Union[DocumentTags, RenderedTags]) -> bool:
    """Whether the document was given an anchor day or found one (a dateline, inference), without
    parsing serialised tags whole. A given day its text contradicts counts: the anchor's warnings
    tell why its relative dates stay unresolved."""
    if isinstance(tags, DocumentTags):
        return tags.anchor.date is not None or tags.anchor.given is not None
    found = _ANCHOR_DATE.search(tags.json)
    return found is not None and found.group(1) != "null"
