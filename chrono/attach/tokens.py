"""A sentence's tokens with offsets into the original text: Arabic words, numbers, punctuation
("وصل الوزير أمس، 23 نوفمبر" → وصل | الوزير | أمس | ، | 23 | نوفمبر), and the word tests every
reader uses (stop word, date word, a word without its conjunction).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import regex

from chrono.attach.words import AUXILIARIES, CONNECTIVE_WORDS, DATE_WORDS, REPORT, STOP, Lemma, bare
from chrono.normalize import fold, stem_word

# a tatweel stays in its word ("هـ", "طوكيـــو"), but not before the number it joins ("بـ٥٠٠٠", "الـ29")
_TOKEN = regex.compile(r"\p{Arabic}(?:[\p{Arabic}\p{Mn}]|\u0640(?!\p{N}))*"
                       r"|[0-9٠-٩۰-۹]+(?:[.,:][0-9٠-٩۰-۹]+)*|[^\s\p{L}\p{N}]")
_ARABIC = regex.compile(r"\p{Arabic}")
_bare_fresh: Callable[[str], str] = bare.__wrapped__  # `bare` without its cache


class Tok(NamedTuple):
    """One token of a sentence: offsets into the original text, as written, folded, and what
    it is (an Arabic word, a number; punctuation is neither)."""

    start: int
    end: int
    text: str
    folded: str
    is_word: bool = False
    is_number: bool = False


class Sentence(list):
    """A sentence's tokens, with each token's event word once it has been read."""

    def __init__(self, tokens) -> None:
        super().__init__(tokens)
        self.lemmas: dict[int, Lemma | None] = {}
        self.starts: list[int] | None = None  # the tokens' start offsets, once asked
        self.quoted: list[bool] | None = None  # whether each token is quoted, once asked


def tokenize(text: str, start: int, end: int) -> Sentence:
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        written = match.group()
        # tuple.__new__ straight away: a NamedTuple's own __new__ is a Python call per token
        tokens.append(_new_token(Tok, (*match.span(), written, *_read_token(written))))
    return Sentence(tokens)


_new_token = tuple.__new__


@lru_cache(maxsize=1 << 15)
def _read_token(written: str) -> tuple[str, bool, bool]:
    """(folded, is a word, is a number) of a token as written."""
    folded = fold(written)
    return folded, bool(_ARABIC.match(written)), folded[:1].isdigit()


def _fold_word(word: str) -> str:
    return _read_token(word)[0]


def is_stop(tok: Tok) -> bool:
    return _stop_word(tok.text, tok.folded)


@lru_cache(maxsize=1 << 15)
def _stop_word(text: str, folded: str) -> bool:
    return _listed_stop(folded, bare) or len(stem_word(text)) < 2


def _listed_stop(folded: str, bare_of: Callable[[str], str]) -> bool:
    """A stop, auxiliary, reporting or connective word (`bare_of`: `bare`, cached or not)."""
    return (folded in STOP or bare_of(folded) in STOP or folded in AUXILIARIES or folded in REPORT
            or bare_of(folded) in REPORT or folded in CONNECTIVE_WORDS)


def since_at(tokens: list[Tok], first: int) -> int | None:
    """The index of the "منذ" a date at `first` follows or opens with ("منذ أبريل 2014", "منذ
    [عام 2006]"), None when it has none."""
    for at in (first, first - 1):
        if 0 <= at < len(tokens) and tokens[at].folded == "منذ":
            return at
    return None


def is_date_word(tok: Tok) -> bool:
    return date_word(tok.folded)


@lru_cache(maxsize=1 << 15)
def date_word(folded: str) -> bool:
    return _date_word_fresh(folded, bare)


def _date_word_fresh(folded: str, bare_of: Callable[[str], str] = _bare_fresh) -> bool:
    return folded in DATE_WORDS or bare_of(folded) in DATE_WORDS or \
        (folded[:1] in "وبل" and folded[1:] in DATE_WORDS)



def content_stem(written: str) -> str:
    """The stem a written word counts as when documents and clauses are compared: '' for a stop,
    reporting or date word ("في", "أمس", "الماضي"); a number as its digits ("٣٢" → "32").

    Not cached here (the word caches it reads are); the merge reads whole articles with
    `fresh_content_stem`, the same answer without those caches (a test holds them equal).

    >>> [content_stem(w) for w in ("والاتفاقية", "أمس", "في", "٣٢")]
    ['اتفاق', '', '', '32']
    """
    folded = _fold_word(written)
    if folded[:1].isdigit():
        return folded
    if _stop_word(written, folded) or date_word(folded):
        return ""
    return stem_word(written)


# The uncached function behind the stem cache, for `fresh_content_stem`.
_stem_fresh = stem_word.__wrapped__


def fresh_content_stem(written: str) -> str:
    """`content_stem(written)` computed without the word caches of the attachment: for a caller
    that caches its own answers (the merge's terms of a whole article). Those ~100,000 written
    forms per 3,000 articles would push the attachment's words out of its caches, and each
    miss there filled five caches (the token, the stop test, the date test, the stem, the
    bare form) and folded the word three times; here it is folded twice and stemmed once.

    >>> [fresh_content_stem(w) for w in ("والاتفاقية", "أمس", "في", "٣٢")]
    ['اتفاق', '', '', '32']
    """
    folded = fold(written)
    if folded[:1].isdigit():
        return folded
    stem = _stem_fresh(written)
    if _listed_stop(folded, _bare_fresh) or len(stem) < 2 or _date_word_fresh(folded):
        return ""
    return stem
