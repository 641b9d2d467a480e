"""What a person calls an article: the newspaper it appeared in and its headline, when the input
gave them (a JSONL record's "source" and "title", a front-matter "المصدر: …", a manifest entry's
fields). The chronology's page names and groups its sources by them.
"""
from __future__ import annotations

from typing import Any, Optional

from chrono.models import Document

# Where readers keep an article's own fields in Document.meta, most specific first.
_FIELD_GROUPS = ("fields", "front_matter", "manifest")
# Key names (front matter keys are lower-cased with "_" for "-"), in order of preference.
NEWSPAPER_KEYS = ("newspaper", "source", "publisher", "site", "outlet", "المصدر", "الصحيفة", "الجريدة")
TITLE_KEYS = ("title", "headline", "العنوان", "عنوان")
_LONGEST = 300  # a "title" longer than this is a paragraph, not a headline


def _first_text(fields: dict[str, Any], keys: tuple[str, ...]) -> Optional[str]:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:_LONGEST]
    return None


def newspaper_and_title(document: Document) -> tuple[Optional[str], Optional[str]]:
    """(newspaper, title) of an article, each None when the input did not say.

    >>> doc = Document(id="snn1", text="نص", meta={"fields": {"source": "aawsat",
    ...                                                     "title": "مجلس الأمن  يصادق"}})
    >>> newspaper_and_title(doc)
    ('aawsat', 'مجلس الأمن يصادق')
    """
    newspaper = title = None
    meta = document.meta if isinstance(document.meta, dict) else {}
    for group in _FIELD_GROUPS:
        fields = meta.get(group)
        if not isinstance(fields, dict):
            continue
        newspaper = newspaper or _first_text(fields, NEWSPAPER_KEYS)
        title = title or _first_text(fields, TITLE_KEYS)
    return newspaper, title
