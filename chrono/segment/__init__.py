"""Segmentation of a news page: sentences, quotes, and the parts that are not the story.

Every offset points into the ORIGINAL text (no normalisation happens here), so the tagger can
call `segment(doc.text)` and compare its own original-text offsets directly.

    >>> seg = segment("وقعت مملكة المغرب وإسرائيل مذكرة تفاهم في ظل توتر مع الجزائر.وشملت المذكرة التعاون.")
    >>> len(seg.sentences)
    2

Parts: sentences (sentences, paragraphs), quotes (reported speech), furniture (page
furniture, comment forms), datelines and appended (an unrelated article printed after the
story), words (content words for comparing topics). All scans are single passes with regexes
(linear time); nothing here can raise on a string.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from chrono.models import SetAside
from chrono.segment.appended import APPENDED_ARTICLE, appended_article, article_body_start
from chrono.segment.furniture import find_furniture, set_aside_region
from chrono.segment.quotes import find_quotes
from chrono.segment.sentences import Span, line_spans, split_paragraphs, split_sentences
from chrono.segment.words import content_words

__all__ = [
    "Segmentation", "segment", "sentence_index", "in_quote", "in_set_aside", "content_words",
    "APPENDED_ARTICLE", "appended_articles", "article_body_start",
]


@dataclass
class Segmentation:
    """The story's structure, offsets into the original text (end exclusive).

    `sentences` and `paragraphs` cover the whole text, set-aside regions included (the tagger
    still sees them; the merge drops what falls in `set_aside`). `quotes` are the spans between
    quote marks (marks excluded) plus unquoted reported speech after "قال ...:".
    """

    sentences: list[Span] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _quote_union: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _text: str = field(default="", repr=False)
    _lines: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _paragraphs: list[Span] | None = field(default=None, repr=False)

    @property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines, trimmed; split when first asked for (tagging never needs them)."""
        if self._paragraphs is None:
            self._paragraphs = split_paragraphs(self._text, self._lines)
        return self._paragraphs


def find_set_aside(text: str, lines: list[tuple[int, int]] | None = None) -> list[SetAside]:
    """Regions that are not the story, each with its reason, sorted and non-overlapping."""
    lines = line_spans(text) if lines is None else lines
    furniture, comment_start = find_furniture(text, lines)
    appended = appended_article(text, lines, comment_start)
    found = [a for a in furniture if appended is None or a.end <= appended.start]
    if appended is not None:
        found.append(appended)
    if comment_start < len(text):
        tail = set_aside_region(text, comment_start, len(text), "comment form")
        if tail:
            found.append(tail)
    found.sort(key=lambda a: (a.start, a.end))
    return found


# ---------------------------------------------------------------- API

@lru_cache(maxsize=8)
def segment(text: str) -> Segmentation:
    """Sentences, paragraphs, quotes and set-aside regions of one article's original text.

    Cached for the last few texts: `chrono timeline` tags a document and then attaches its events,
    and both need the segmentation of the same text. The result is shared: never modify it."""
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    lines = line_spans(text)
    return Segmentation(
        sentences=sentences,
        quotes=quotes,
        set_aside=find_set_aside(text, lines),
        _text=text,
        _lines=lines,
        _sentence_starts=[s.start for s in sentences],
        _quote_union=_union(quotes),
    )


def _union(spans: list[Span]) -> list[tuple[int, int]]:
    """Sorted, disjoint cover of possibly nested spans (quotes inside quotes)."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged


def sentence_index(seg: Segmentation, offset: int) -> int | None:
    """Index of the sentence containing `offset`, or None (blank space between sentences)."""
    starts = seg._sentence_starts or [s.start for s in seg.sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    span = seg.sentences[index]
    return index if span.start <= offset < span.end else None


def in_quote(seg: Segmentation, start: int, end: int) -> bool:
    """Whether [start, end) lies inside one quote span: «لقد اتخذنا خطوة تاريخية اليوم»."""
    union = seg._quote_union or _union(seg.quotes)
    index = bisect.bisect_right(union, (start, float("inf"))) - 1
    return index >= 0 and union[index][0] <= start and end <= union[index][1]


def in_set_aside(seg: Segmentation, start: int, end: int) -> SetAside | None:
    """The set-aside region overlapping [start, end), if any."""
    if not seg.set_aside:
        return None  # most pages
    starts = [region.start for region in seg.set_aside]  # few regions per page
    index = bisect.bisect_left(starts, end) - 1
    if index >= 0 and seg.set_aside[index].end > start:
        return seg.set_aside[index]
    return None


def appended_articles(seg: Segmentation) -> list[SetAside]:
    """The set-aside regions that are another article appended to the page (seed 004's
    "بغداد لتكثيف العمل الدبلوماسي..."): the page's anchor does not date them."""
    return [region for region in seg.set_aside if region.reason.startswith(APPENDED_ARTICLE)]
