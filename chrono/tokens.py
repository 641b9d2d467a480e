"""Tokens of normalized text: Arabic words, Latin words, digit runs, line breaks, punctuation.

Digits and letters split apart, so a clitic on a number becomes its own token
("و2021" → "و", "2021"; "الـ20" → "ال", "20"); whitespace is dropped; a line break is a token
so that no expression spans two lines.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

_TOKEN = re.compile(
    r"(?P<ar>[\u0621-\u064a\u0671-\u06d3]+)|(?P<lat>[^\W\d_\u0621-\u06ff]+)|(?P<num>[0-9]+)|(?P<nl>\n)|(?P<p>[^\s])"
)


class Token(NamedTuple):
    text: str
    start: int  # offsets into the normalized text
    end: int
    kind: str  # ar, lat, num, nl, p


def tokenize(normalized: str) -> list[Token]:
    """'في 24/11/2021' → في, 24, /, 11, /, 2021."""
    return list(iter_tokens(normalized))


def iter_tokens(normalized: str) -> Iterator[Token]:
    """The tokens one at a time, so a 5 MB page never has to be held as a token list."""
    for m in _TOKEN.finditer(normalized):
        yield Token(m.group(), m.start(), m.end(), m.lastgroup)


def windows(normalized: str, size: int, overlap: int) -> Iterator[tuple[list[Token], int, int]]:
    """Overlapping token windows: (tokens, first owned index, end of owned indexes).

    Window k owns tokens [k·size, (k+1)·size) and also sees `overlap` tokens on each side, so an
    expression (never longer than `overlap` tokens) that starts in the owned part lies wholly
    inside the window, and the rules' look-behind and look-ahead see their neighbours.
    """
    buffer: list[Token] = []
    first = 0  # absolute index of buffer[0]
    owned = 0  # absolute index where the next window's owned part begins
    for tok in iter_tokens(normalized):
        buffer.append(tok)
        if first + len(buffer) >= owned + size + overlap:
            yield buffer, owned - first, owned + size - first
            owned += size
            drop = owned - overlap - first
            buffer = buffer[drop:]
            first += drop
    if buffer and owned < first + len(buffer) or not owned:
        yield buffer, owned - first, len(buffer)


def proclitic_readings(word: str) -> list[tuple[str, str]]:
    """The word and its readings without proclitics, least stripped first.

    "وبالأمس" (normalized "وبالامس") → [("وبالامس", ""), ("بالامس", "و"), ("الامس", "وب")];
    "للعام" → [("للعام", ""), ("العام", "ل")]. Each reading is (stem, stripped prefix).
    """
    readings = [(word, "")]
    rest, prefix = word, ""
    if len(rest) > 2 and rest[0] in "وف":
        rest, prefix = rest[1:], rest[0]
        readings.append((rest, prefix))
    if len(rest) > 2 and rest[0] in "بلك":
        if rest.startswith("لل"):
            readings.append(("ال" + rest[2:], prefix + "ل"))
        else:
            readings.append((rest[1:], prefix + rest[0]))
    return readings


_LEVELS: dict[str, int] = {}


class Run(NamedTuple):
    """A piece of a run of triggers: its tokens, where its owned part starts, whether it ends the run."""

    tokens: list[Token]
    first_owned: int
    last: bool


def trigger_runs(normalized: str, trigger_level, max_run: int = 0, keep: int = 0) -> Iterator[Run]:
    """Runs of consecutive trigger tokens that hold at least one head token, each with the
    plain token just before and just after it (rules' guards look at those neighbours).

    `trigger_level(word, kind)`: 0 plain, 1 trigger that cannot head, 2 head (engine.trigger_level).
    Plain words never become Token objects: most of a news text is skipped at the cost of one
    regex match and one cached look-up per word. A run longer than `max_run` tokens is given in
    pieces: each piece's last `keep` tokens are owned by the next piece, which starts with `keep`
    tokens of context before them (see `trigger_windows`)."""
    run: list[Token] = []
    content = False
    first_owned = 0
    before = None
    levels = _LEVELS  # a word's spelling decides its kind, so the word alone is the key
    for m in _TOKEN.finditer(normalized):
        word = m.group()
        level = levels.get(word)
        if level is None:
            level = trigger_level(word, m.lastgroup)
            if len(levels) < 500_000:
                levels[word] = level
        if level:
            kind = m.lastgroup
            if not run and before is not None:
                run.append(Token(before.group(), before.start(), before.end(), before.lastgroup))
            run.append(Token(word, m.start(), m.end(), kind))
            content = content or level == 2
            if max_run and len(run) >= max_run + keep:
                yield Run(run, first_owned, False)  # owns up to len(run) - keep
                run = run[-2 * keep:]
                first_owned = keep
        else:
            if run:
                if content:
                    run.append(Token(word, m.start(), m.end(), m.lastgroup))
                    yield Run(run, first_owned, True)
                run, content, first_owned = [], False, 0
            before = m
    if run and content:
        yield Run(run, first_owned, True)


def trigger_windows(normalized: str, trigger_level, size: int, overlap: int
                    ) -> Iterator[tuple[list[Token], int, int]]:
    """The runs of `trigger_runs` cut into overlapping windows as they stream in: a 5 MB page made
    of nothing but triggers never sits in memory as one token list. Yields (tokens, first owned
    index, end of owned indexes) like `windows`."""
    for run in trigger_runs(normalized, trigger_level, max_run=size + 2 * overlap, keep=overlap):
        yield from list_windows(run.tokens, size, overlap, run.first_owned, run.last)


def list_windows(tokens: list[Token], size: int, overlap: int, first_owned: int = 0, last: bool = True
                 ) -> Iterator[tuple[list[Token], int, int]]:
    """`windows` over a token list already in memory, owning tokens from `first_owned` on (the
    ones before are context a previous piece owned) and, unless `last`, not owning its final
    `overlap` tokens (the next piece of the run will)."""
    end = len(tokens) if last else max(first_owned, len(tokens) - overlap)
    if first_owned == 0 and last and len(tokens) <= size + overlap:
        yield tokens, 0, len(tokens)
        return
    for owned in range(first_owned, end, size):
        lo = max(0, owned - overlap)
        yield tokens[lo:owned + size + overlap], owned - lo, min(owned + size, end) - lo
