"""Tokens of normalized text: Arabic words, Latin words, digit runs, line breaks, punctuation.

Digits and letters split apart, so a clitic on a number becomes its own token
("و2021" → "و", "2021"; "الـ20" → "ال", "20"); whitespace is dropped; a line break is a token
so that no expression spans two lines.
"""
from __future__ import annotations

import importlib
import os
import re
import weakref
from collections.abc import Container, Iterator
from itertools import accumulate, compress
from typing import Any, NamedTuple

from chrono.normalize import TOKEN_PATTERN as _TOKEN
from chrono.normalize import Token
from chrono.tagger.words import WordIndex

# The compiled scan (chrono/tagger/fastscan.pyx, built at install when a C compiler is there) gives
# the same runs as the pure-Python one below, several times faster; CHRONO_PURE_PYTHON=1 turns
# it off (the tests run both and compare them).


def _compiled_scan() -> Any:
    """The compiled module, or None (turned off, or not built: no C compiler at install)."""
    if os.environ.get("CHRONO_PURE_PYTHON"):
        return None
    try:
        return importlib.import_module("chrono.tagger.fastscan")
    except ImportError:
        return None


fastscan: Any = _compiled_scan()


class Run(NamedTuple):
    """A piece of a run of triggers: its tokens, where its owned part starts, whether it ends the run."""

    tokens: list[Token]
    first_owned: int
    last: bool


def trigger_runs(normalized: str, trigger_level, max_run: int = 0, keep: int = 0,
                 head_if_next: Container[str] = (), compiled: bool = True) -> Iterator[Run]:
    """Runs of consecutive trigger tokens that hold at least one head token, each with the
    plain token just before and just after it (rules' guards look at those neighbours).

    `trigger_level(word, kind)`: 0 plain, 1 trigger that cannot head, 2 head, 3 head when the next
    token is in `head_if_next` (chrono.tagger.words.WordIndex.trigger_level).
    Most of a news text is plain words, so the text is split into words in C (`re.split`, chunk by
    chunk), each word's level comes from a cache (`map(dict.get)`), and Python only visits the
    triggers (`itertools.compress`). A run longer than `max_run` tokens is given in pieces: each
    piece's last `keep` tokens are owned by the next piece, which starts with `keep` tokens of
    context before them (see `trigger_windows`).

    `compiled`: use the compiled scan when it is built (False: always this pure-Python one)."""
    if compiled and fastscan is not None:
        return fastscan.trigger_runs(_chunks(normalized), _level_cache(trigger_level), trigger_level, max_run, keep,
                                     head_if_next, _MAX_CACHED, Token, Run, _plain_filter(trigger_level))
    return _pure_trigger_runs(normalized, trigger_level, max_run, keep, head_if_next)


_FILTERS: weakref.WeakKeyDictionary[WordIndex, object] = weakref.WeakKeyDictionary()


def _plain_filter(trigger_level):
    """The compiled plain-word filter of a WordIndex whose own trigger_level this is (with its
    shortcut on, which the filter reproduces); None for any other level function."""
    if getattr(trigger_level, "__func__", None) is not WordIndex.trigger_level:
        return None
    index: WordIndex = trigger_level.__self__
    if not index.shortcut:
        return None
    found = _FILTERS.get(index)
    if found is None:
        found = _FILTERS[index] = fastscan.PlainFilter(index.plain_suffixes())
    return found


def _pure_trigger_runs(normalized: str, trigger_level, max_run: int, keep: int,
                       head_if_next: Container[str]) -> Iterator[Run]:
    carried: list[Token] = []  # the open run, when it goes on past the end of a chunk
    run_idx: list[int] = []  # chunk indexes of the open run's tokens in this chunk
    head = False
    first_owned = 0
    last = -2  # chunk index of the open run's last token (-1: the run ends the previous chunk)
    limit = max_run + keep if max_run else 1 << 62  # a piece is given when the open run is this long
    room = limit  # run tokens this chunk may add before then (limit minus the carried tokens)
    previous: list[Token] = []  # the last token of the previous chunk: a neighbour across the cut
    for words, starts, levels in _leveled_chunks(normalized, trigger_level):
        for i in compress(range(len(levels)), levels):
            if i != last + 1 and (run_idx or carried):
                if head:
                    yield Run(_materialize(carried, run_idx, words, starts, previous)
                              + _neighbour(words, starts, last + 1), first_owned, True)
                carried, run_idx, head, first_owned, room = [], [], False, 0, limit
            run_idx.append(i)
            last = i
            if not head:
                level = levels[i]
                head = level == 2 or (level == 3 and (i + 1 == len(words) or words[i + 1] in head_if_next))
            if len(run_idx) >= room:
                run = _materialize(carried, run_idx, words, starts, previous)
                yield Run(run, first_owned, False)  # owns up to len(run) - keep
                carried, run_idx, first_owned = run[-2 * keep:], [], keep
                room = limit - len(carried)
        if (run_idx or carried) and last == len(levels) - 1:  # the run may go on in the next chunk
            carried, run_idx = _materialize(carried, run_idx, words, starts, previous), []
            room, last = limit - len(carried), -1
        else:
            if (run_idx or carried) and head:
                yield Run(_materialize(carried, run_idx, words, starts, previous)
                          + _neighbour(words, starts, last + 1), first_owned, True)
            carried, run_idx, head, first_owned, room, last = [], [], False, 0, limit, -2
        previous = _neighbour(words, starts, len(words) - 1)
    if carried and head:
        yield Run(carried, first_owned, True)


# Caches of a word's trigger level and token kind. Bounded, so that an archive with a huge
# vocabulary keeps memory flat: past the bound, new words are simply looked at again each time.
_MAX_CACHED = 150_000
_LEVELS: dict = {}  # trigger_level function → {word: level} (a test may pass its own function)
_KINDS: dict[str, str] = {}
# The tokens as one capturing group for re.split. The look-ahead changes nothing (no token starts
# with a space) but lets the search skip spaces without trying each alternative: 13 % faster.
_SPLIT = re.compile("(?=[^ ])(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN.pattern) + ")")
_CHUNK = 1 << 16


def _materialize(carried: list[Token], run_idx: list[int], words, starts, previous: list[Token]) -> list[Token]:
    """The open run as Tokens, with the plain token before it when the run starts in this chunk
    (`previous`: the last token of the chunk before, for a run that starts a chunk)."""
    out = list(carried)
    if not carried and run_idx:
        out.extend(_neighbour(words, starts, run_idx[0] - 1) if run_idx[0] else previous)
    kinds, new = _KINDS.get, tuple.__new__  # Token(...) without the NamedTuple's Python-level __new__
    for i in run_idx:
        w, start = words[i], starts[i]
        out.append(new(Token, (w, start, start + len(w), kinds(w) or _kind(w))))
    return out


def _kind(word: str) -> str:
    kind = _KINDS.get(word)
    if kind is None:
        m = _TOKEN.fullmatch(word)
        kind = (m.lastgroup or "p") if m else "p"
        if len(_KINDS) < _MAX_CACHED:
            _KINDS[word] = kind
    return kind


def _token(words, starts, i) -> Token:
    w = words[i]
    return Token(w, starts[i], starts[i] + len(w), _kind(w))


def _neighbour(words, starts, i) -> list[Token]:
    """The token at chunk index i, as a neighbour of a run (none past the chunk's edges)."""
    return [_token(words, starts, i)] if 0 <= i < len(words) else []


def _leveled_chunks(text: str, trigger_level):
    """(words, their start offsets, their levels), chunk by chunk. Chunks end where a token ends,
    so no token is cut, and memory stays bounded."""
    cache = _level_cache(trigger_level)
    for offset, chunk in _chunks(text):
        pieces = _SPLIT.split(chunk)
        words = pieces[1::2]
        starts = list(accumulate(map(len, pieces), initial=offset))[1::2]
        levels: list = list(map(cache.get, words))  # None until a word's level is known
        if None in levels:  # words seen for the first time
            for i in compress(range(len(levels)), map(_is_none, levels)):
                word = words[i]
                levels[i] = trigger_level(word, _kind(word))
                if len(cache) < _MAX_CACHED:
                    cache[word] = levels[i]
        yield words, starts, levels


def _level_cache(trigger_level) -> dict[str, int]:
    cache = _LEVELS.get(trigger_level)
    if cache is None:
        if len(_LEVELS) >= 4:
            _LEVELS.clear()
        cache = _LEVELS[trigger_level] = {}
    return cache


def _is_none(value) -> bool:
    return value is None


def _chunks(text: str):
    """(offset, piece) of about _CHUNK characters, each ending where a token ends."""
    pos, n = 0, len(text)
    while pos < n:
        end = pos + _CHUNK
        if end >= n:
            yield pos, text[pos:]
            return
        cut = end
        straddle = _TOKEN.search(text, end - 1)  # the token around the cut, if any, stays whole
        if straddle and straddle.start() < end < straddle.end():
            cut = straddle.end()
        yield pos, text[pos:cut]
        pos = cut


def trigger_windows(normalized: str, trigger_level, size: int, overlap: int, head_if_next: Container[str] = ()
                    ) -> Iterator[tuple[list[Token], int, int]]:
    """The runs of `trigger_runs` cut into overlapping windows as they stream in: a 5 MB page made
    of nothing but triggers never sits in memory as one token list. Yields (tokens, first owned
    index, end of owned indexes): an expression (never longer than `overlap` tokens) that starts
    in the owned part lies wholly inside its window."""
    for run in trigger_runs(normalized, trigger_level, max_run=size + 2 * overlap, keep=overlap,
                            head_if_next=head_if_next):
        yield from list_windows(run.tokens, size, overlap, run.first_owned, run.last)


def list_windows(tokens: list[Token], size: int, overlap: int, first_owned: int = 0, last: bool = True
                 ) -> Iterator[tuple[list[Token], int, int]]:
    """Overlapping windows over a token list (tokens, first owned index, end of owned indexes),
    owning tokens from `first_owned` on (the ones before are context a previous piece owned)
    and, unless `last`, not owning its final
    `overlap` tokens (the next piece of the run will)."""
    end = len(tokens) if last else max(first_owned, len(tokens) - overlap)
    if first_owned == 0 and last and len(tokens) <= size + overlap:
        yield tokens, 0, len(tokens)
        return
    for owned in range(first_owned, end, size):
        lo = max(0, owned - overlap)
        yield tokens[lo:owned + size + overlap], owned - lo, min(owned + size, end) - lo
