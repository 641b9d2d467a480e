"""Content words for comparing topics: Arabic words of three letters or more, folded, without
their proclitics and minus function words ("والرباط" → "رباط"; "وفي" is none).
"""
from __future__ import annotations

import regex

from chrono.lexicon import LEXICON
from chrono.normalize import fold, strip_proclitic

# Content words for topic comparison: Arabic words of 3+ letters, minus function words (folded).
ARABIC_WORD = regex.compile(r"\p{Arabic}{3,}")
_FUNCTION_WORDS = frozenset(fold(w) for w in LEXICON.data.topic.function_words)


def content_words(text: str, limit: int | None = None, start: int = 0, stop: int | None = None,
                  ends: list[int] | None = None) -> list[str]:
    """Folded content words (chrono.normalize.fold) of text[start:stop] without their proclitics,
    in order: "والرباط" → "رباط", "بالجزائر" → "جزاير". Only the first `limit` are read, so the
    cost does not grow with the page.
    `ends`, when given, receives where each word ends in `text`."""
    words: list[str] = []
    if limit is not None and limit <= 0:
        return words
    cache = _CONTENT_FORMS
    for match in ARABIC_WORD.finditer(text, start, len(text) if stop is None else stop):
        written = match.group()
        word = cache.get(written)
        if word is None:
            word = _content_form(written)
            if len(cache) < 100_000:  # bounded: a huge vocabulary keeps memory flat
                cache[written] = word
        if word:
            words.append(word)
            if ends is not None:
                ends.append(match.end())
            if limit is not None and len(words) >= limit:
                break
    return words


_CONTENT_FORMS: dict[str, str] = {}  # written word → its content form, "" for a function word


def _content_form(written: str) -> str:
    """"والرباط" → "رباط"; "" for a function word, with or without its clitic ("وفي", "عليها")."""
    word = fold(written)
    if word in _FUNCTION_WORDS:
        return ""
    # a one-letter clitic needs only three letters left here ("وزير" → "زير"): what the topic
    # comparison was tuned with (a minimum of four changes the set-aside of 22 of 3,000 articles)
    word = strip_proclitic(word, min_stem_after_letter=3)
    return "" if word in _FUNCTION_WORDS else word
