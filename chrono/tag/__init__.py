"""The tag stage: normalized text → the temporal expressions it holds, anchor-free.

Only runs of trigger tokens are parsed (`tokens.trigger_windows`); each run goes through the
chart parser (`engine`) with the rules of `grammar/`, the longest non-overlapping expressions are
kept, and each is returned with its original-text span and whether its clause has a future cue.
Rules never read the clock or the anchor: resolution is the next stage (`chrono.resolve`).

    >>> [e.item.value.canonical() for e in find_expressions("وصل الوزير أمس إلى الرباط")]
    ['date rel_unit=day rel_offset=-1']
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import normalize
from chrono.tag.context import reread_in_clause
from chrono.tag.engine import Grammar, Item, analyze_tokens, select
from chrono.tag.grammar import build_grammar
from chrono.tag.tokens import trigger_windows

# Characters that end the clause a future cue is looked for in.
_CLAUSE_ENDS = '.!?\n";:'
_WORD_RE = re.compile(r"[\u0621-\u064a]+")
FUTURE_LOOKBACK_CHARS = 160
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
# Parsing windows: items never span more than engine.MAX_SPAN tokens, and the future-cue
# look-back reads _FUTURE_LOOKBACK tokens, so the overlap covers both.
WINDOW_TOKENS = 2000
WINDOW_OVERLAP = 40
_FUTURE_LOOKBACK = 8


class Expression:
    """A selected item with its original-text span and its future cue."""

    __slots__ = ("item", "start", "end", "future_cue")

    def __init__(self, item: Item, start: int, end: int, future_cue: bool):
        self.item, self.start, self.end, self.future_cue = item, start, end, future_cue


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    """The Arabic grammar, built once per process."""
    return build_grammar("ar")


def find_expressions(text: str, grammar: Optional[Grammar] = None) -> list[Expression]:
    """The selected expressions of `text`, in order, with original-text offsets (`grammar`: the
    default Arabic one unless given).

    Only runs of trigger tokens are parsed (tokens.trigger_windows); a long run is parsed in
    overlapping windows, so memory stays flat even on a 5 MB one-line page, and each window
    keeps the expressions that start in the part it owns."""
    grammar = grammar or default_grammar()
    words = grammar.words
    norm = normalize(text)
    found: list[tuple[Item, bool]] = []
    for tokens, own_from, own_to in trigger_windows(norm.text, words.trigger_level, WINDOW_TOKENS, WINDOW_OVERLAP,
                                                       words.head_if_next):
        for item in select(analyze_tokens(tokens, grammar), grammar, ("tv", "block")):
            if item.cls == "tv" and own_from <= item.start < own_to:
                found.append((item, has_future_cue(norm.text, item.cstart)))
    out = []
    for item, future in with_sentence_years(reread_in_clause(found, norm.text), norm.text):
        start, end = norm.span(item.cstart, item.cend)
        out.append(Expression(item, start, end, future))
    return out


def with_sentence_years(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A day and month without a year take the year written earlier in the same sentence:
    'تعود الأزمة إلى عام 2019 عندما بدأت الاحتجاجات في 17 تشرين الأول' → 2019-10-17.
    (HeidelTime does the same with the last mentioned year; it beats guessing from the anchor.)"""
    year, last_end = None, 0
    out = []
    for item, future in found:
        if _SENTENCE_END_RE.search(normalized, last_end, item.cstart):
            year = None
        v = item.value
        if v.kind == "date" and v.year is not None and v.calendar == "gregorian" and not v.rel_unit:
            year = v.year
        elif (year is not None and v.kind in ("date", "time") and v.month is not None and v.year is None
              and v.cue is None and not v.rel_unit and v.calendar == "gregorian"):
            item = Item(item.cls, v.with_(year=year), item.start, item.end, item.cstart, item.cend,
                        item.rule + "+sentence_year", item.children, item.prefix, item.weight)
        out.append((item, future))
        last_end = item.cend
    return out


def has_future_cue(normalized: str, start: int) -> bool:
    """A future marker in the same clause before the expression: 'سيلتقي غانتس ... يوم الخميس'."""
    lo = max(0, start - FUTURE_LOOKBACK_CHARS)
    # the clause starts after the last clause end within the look-back (rfind: one C scan each)
    clause_start = max(lo, max(map(normalized.rfind, _CLAUSE_ENDS, repeat(lo), repeat(start))) + 1)
    clause = normalized[clause_start:start]
    if not _FUTURE_HINT.search(clause):
        return False  # most clauses: no word that could be a cue, decided in one C scan
    for word in reversed(_WORD_RE.findall(clause)[-_FUTURE_LOOKBACK:]):
        if word in LEXICON.future_cue_words or is_future_verb(word):
            return True
    return False


# What any future cue contains: a word starting (after و/ف) with سي/ست/سن, or a cue word.
_FUTURE_HINT = re.compile("(?<![\u0621-\u064a])[وف]?س[يتن]|"
                          + "|".join(sorted(map(re.escape, LEXICON.future_cue_words))))


def is_future_verb(word: str) -> bool:
    """سيلتقي، ستعقد، سنوقع، وسيجري: the prefix سـ on an imperfect verb (not سياسة، سيارة، ستة)."""
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    return (len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in LEXICON.guard_words["not_future_verbs"])
