"""Sentences and paragraphs of a page's original text, and the line and span helpers the other
parts share.

A sentence ends at ". ؟ ? ! …" or a newline, but not at a decimal "3.5", an abbreviation "د.ب.أ"
or a dotted Latin name; a dot glued to the next word still ends one:

    >>> text = "وقعت المذكرة في ظل توتر مع الجزائر.وشملت المذكرة التعاون."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['وقعت المذكرة في ظل توتر مع الجزائر.', 'وشملت المذكرة التعاون.']
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex


class Span(NamedTuple):
    """[start, end) in the original text. A tuple, not a pydantic model: a page has hundreds of
    sentences and lines, and these never leave the process (models.Span is the output form)."""

    start: int
    end: int


# A sentence ends at ". ؟ ? ! …" (plus any closing quotes/brackets right after it) or a newline.
SENTENCE_END = regex.compile(r"[.!?؟…]+[»”\"')\]]*|\n")
_CLOSERS = "»”\"')]"


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    """A dot inside an abbreviation: each part is one letter, "د.ب.أ" "ق.م" "أ.ف.ب".

    True when the word before the dot is a single letter (start of text, space, "(" or another
    abbreviation dot before it), e.g. the first dot of "(د.ب.أ)" and the dot of "ق.م".
    """
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    i = dot - 2
    while i >= 0 and _is_mark(text[i]):
        i -= 1  # "مكرّر." : the shadda is part of the word, not a break before a one-letter part
    before = text[i] if i >= 0 else " "
    return not before.isalpha() and not before.isdigit()


def _is_mark(char: str) -> bool:
    """A diacritic or the tatweel, written inside a word: "ّ", "َ", "ـ"."""
    return char == "\u0640" or unicodedata.category(char) == "Mn"


def _is_boundary(text: str, match: regex.Match) -> bool:
    """Whether a terminal-punctuation run really ends a sentence.

    Not boundaries: decimals "3.5", abbreviations "د.ب.أ", ellipsis ".." inside a line
    ("الأمن السيبراني والاستخبارات.. مفاتيح"), Latin dotted names "www.example.com".
    A dot glued to the next Arabic word IS a boundary ("الجزائر.وشملت").
    """
    punct = match.group()
    if punct == "\n":
        return True
    start, end = match.span()
    after = text[end] if end < len(text) else "\n"
    if punct.rstrip(_CLOSERS) == ".":
        if start > 0 and text[start - 1].isdigit() and after.isdigit():
            return False
        if _is_abbreviation_dot(text, start):
            return False
        if after.isascii() and after.isalnum():
            return False  # domain names, "e.g", version numbers
    return not (punct.startswith("..") and after not in "\n")


def trimmed(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without its leading and trailing whitespace, None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, whitespace-trimmed, never empty.

    Example: "...مع الجزائر.وشملت المذكرة..." gives two sentences split after the dot.
    """
    spans: list[Span] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group() == "\n":  # most matches: always a boundary
            end = match.start()
        elif _is_boundary(text, match):
            end = match.end()
        else:
            continue
        span = trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = match.end()
    tail = trimmed(text, start, len(text))
    if tail is not None:
        spans.append(tail)
    return spans


def split_paragraphs(text: str, lines: list[tuple[int, int]] | None = None) -> list[Span]:
    """Non-blank lines (news pages put one paragraph per line), trimmed."""
    spans = []
    for start, end in lines if lines is not None else line_spans(text):
        span = trimmed(text, start, end)
        if span is not None:
            spans.append(span)
    return spans


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
