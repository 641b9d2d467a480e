"""What a writer of tags reads: tagged documents one at a time, in input order, with each
document that failed in its place (a `DocumentError`), so a writer keeps none of them.

Worker processes send a document's tags back as compact JSON text (a string crosses a process
boundary far cheaper than a tree of models): `Tagged.tags` is either that or the model.

    Tagged(tags=DocumentTags(id="001", ...), document=Document(id="001", text="وقع ... اليوم"))
"""
from __future__ import annotations

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
