"""What the tagger knows about one written word: the lexicon entries of its proclitic readings,
whether a rule names it literally, and its trigger level. Computed once per distinct word, since
news repeats its words (words as normalized: "وأمس" is "وامس"):

    >>> from chrono.lexicon import load_lexicon
    >>> index = WordIndex(load_lexicon(), frozenset({"("}))
    >>> info = index.info("وامس", "ar")
    >>> [(lex.cls, lex.value, prefix) for lex, prefix in info.single], info.level
    ([('relday', -1, 'و')], 2)
    >>> index.trigger_level("قال", "ar"), index.trigger_level("في", "ar"), index.trigger_level("(", "p")
    (0, 1, 1)
"""
from __future__ import annotations

from typing import Any, NamedTuple

from chrono.lexicon import Lex, Lexicon
from chrono.normalize import ARTICLE, CONJUNCTIONS, normalize_word, proclitic_readings

# Lexicon classes that may also be found without their article: "الثلاثة" → 3, "الأيام" → day(s).
ARTICLE_OPTIONAL = frozenset({"cardinal", "unit", "decade"})
_MAX_CACHED = 150_000  # words: a huge vocabulary must not grow memory without end


def kinds_of(cls: str, value: Any) -> tuple:
    """An item's class, and its role ("kw:in" for في) or its literal text ("tok:(" for a bracket):
    what a rule's next element may ask to find at a position."""
    if cls == "kw":
        return cls, "kw:" + value.value
    if cls == "tok":
        return cls, "tok:" + value
    return (cls,)


def conjunction_shift(prefix: str) -> int:
    """A conjunction written on the word ("وأمس") is not part of the expression: 1, else 0."""
    return 1 if prefix and prefix[0] in CONJUNCTIONS else 0


class WordInfo(NamedTuple):
    single: list  # (Lex, prefix) for the word alone
    multi: list  # readings that may start a longer lexicon entry ("كانون" of "كانون الأول")
    readings_literal: frozenset  # the word's stems, to test against literal words
    level: int = 2  # see WordIndex.trigger_level
    literal: bool = False  # a rule names this word: it needs a `tok` item
    items: tuple = ()  # (cls, lex, start shift, rule name, prefix) of its one-word lexical items
    kinds: frozenset = frozenset()  # the Item.kinds of those items
    tok_shift: int = 0  # 1 when a rule names the word only without its conjunction ("ومثل" → "مثل")


PLAIN_WORD = WordInfo([], [], frozenset(), 0)  # a word no lexicon entry and no rule knows


def starts_entry(stem: str, firsts: set) -> bool:
    """Whether `stem` (or it without its article: "الذي" → "ذي") is the first word of an entry."""
    return stem in firsts or (stem.startswith(ARTICLE) and stem[2:] in firsts)


def own_alef_lam(lexicon: Lexicon) -> frozenset[str]:
    """Forms whose first letters "أل" are the word's own, not the article: 'ألف', 'ألفين' fold to
    'الف', 'الفين' like an article plus 'ف', 'فين' ("where"), which must not read as 2000 ("عام
    فإن" → 2000 was a false date). The original spelling, with its hamza, tells them apart."""
    own = set()
    for forms in lexicon.data.cardinals.values():
        for form in forms if isinstance(forms, list) else ():
            if form[:2] in ("أل", "إل", "آل"):
                own.add(normalize_word(form))
    return frozenset(own)


class WordIndex:
    """The lexicon's entries and a grammar's literal words, indexed for written words.

    `shortcut`: call a word plain at once when none of its readings is a form anything could be
    found for (most words of a news text); False looks every word up in full (the shortcut must
    agree with it, a test checks)."""

    def __init__(self, lexicon: Lexicon, literal_words: frozenset, shortcut: bool = True):
        self.lexicon = lexicon
        self.literal_words = literal_words
        self.shortcut = shortcut
        self.cache: dict[tuple[str, str], WordInfo] = {}
        self.multi_first: set = set()
        self.multi_later: set = set()  # second and later words of multi-word entries ("الحجه" of "ذو الحجه")
        # The same for entries that can head an expression ("بعد غد", not "ما يزيد على"): a first
        # word of one is a head only when one of head_if_next follows it (trigger level 3).
        self.head_multi_first: set = set()
        self.head_if_next: set = set()
        self._index_multi_word_entries()
        self.own_alef_lam = own_alef_lam(lexicon)
        self.maybe_forms = self._maybe_forms()

    def _index_multi_word_entries(self) -> None:
        for words, lexes in self.lexicon.words.items():
            if len(words) < 2:
                continue
            self.multi_first.update((words[0], ARTICLE + words[0]))
            self.multi_later.update(words[1:])
            if any(self.lexicon.is_head(lex) for lex in lexes):
                self.head_multi_first.update((words[0], ARTICLE + words[0]))
                self.head_if_next.add(words[1])

    def _maybe_forms(self) -> frozenset:
        """Every stem that `info` could find anything for: a one-word lexicon form, the same with
        or without the article where the article is optional ("ايام" for "الايام"), a first word
        of a multi-word form (with or without the article), a word a rule names literally. A word
        none of whose readings is here is plain."""
        forms = set(self.literal_words)
        for words, lexes in self.lexicon.words.items():
            first = words[0]
            forms.update((first, ARTICLE + first, ARTICLE + ARTICLE + first))
            if len(words) == 1 and first.startswith(ARTICLE) and any(x.cls in ARTICLE_OPTIONAL for x in lexes) \
                    and first not in self.own_alef_lam:
                forms.add(first[2:])
        return frozenset(forms)

    def trigger_level(self, word: str, kind: str) -> int:
        """0: a plain token (never part of an expression); 1: a word or rule punctuation that can
        join an expression but not head one; 2: a head (digits, month, weekday, unit, …); 3: a head
        only when the next token is one of `head_if_next` (it begins a multi-word head entry: "بعد"
        of "بعد غد", "الذي" read as "ذي" of "ذي القعدة"; alone it is a function word or plain).
        Expressions are made of triggers only and hold a head."""
        if kind == "num":
            return 2
        if kind == "p":
            return 1 if word in self.literal_words else 0
        if kind == "nl":
            return 0
        if kind == "ar" and self.shortcut and self._surely_plain(word):
            return 0  # most words, asked once each (the scan caches levels): no WordInfo kept
        info = self.cache.get((word, kind)) or self.info(word, kind)
        if info is PLAIN_WORD:
            return 0
        return info.level

    def info(self, word: str, kind: str) -> WordInfo:
        """Lexicon facts about one written word, computed once per distinct word."""
        key = (word, kind)
        info = self.cache.get(key)
        if info is None:
            info = self._compute(word, kind)
            if len(self.cache) < _MAX_CACHED:
                self.cache[key] = info
        return info

    def _compute(self, word: str, kind: str) -> WordInfo:
        if self.shortcut and kind == "ar" and self._surely_plain(word):
            return PLAIN_WORD  # most new words of a text: decided without building their readings
        literal_words = self.literal_words
        readings = proclitic_readings(word) if kind == "ar" else [(word, "")]
        if self.shortcut and kind in ("ar", "lat") and word not in self.multi_later \
                and self.maybe_forms.isdisjoint(r[0] for r in readings):
            return PLAIN_WORD  # no reading is any form the lexicon or a rule knows
        multi = [r for r in readings if starts_entry(r[0], self.multi_first)]
        single = self.lookup_readings(readings, ())
        if any(self.lexicon.is_head(lex) for lex, _ in single):
            level = 2
        elif any(starts_entry(stem, self.head_multi_first) for stem, _ in multi):
            level = 3
        else:
            level = 1
        stems = frozenset(stem for stem, _ in readings)
        literal = word in literal_words or bool(stems & literal_words)
        items = tuple((lex.cls, lex, conjunction_shift(prefix), "lex." + lex.cls, prefix) for lex, prefix in single)
        kinds = frozenset(k for lex, _ in single for k in kinds_of(lex.cls, lex))
        # a conjunction written on a word a rule names stays outside the expression, as it does
        # for lexicon words (see conjunction_shift)
        tok_shift = int(literal and word not in literal_words and any(
            conjunction_shift(prefix) and stem in literal_words for stem, prefix in readings))
        info = WordInfo(single, multi, stems, level, literal, items, kinds, tok_shift)
        if kind in ("ar", "lat") and not info.single and not info.multi and word not in self.multi_later \
                and word not in literal_words and not (info.readings_literal & literal_words):
            return PLAIN_WORD
        return info

    def plain_suffixes(self) -> frozenset:
        """What _surely_plain compares, as endings: an Arabic word none of whose last-but-0..3
        letters ending (word, word[1:], word[2:], word[3:]) is one of these is plain (when the
        shortcut is on). The compiled scan (chrono/tagger/fastscan.pyx) tests this in C."""
        forms = self.maybe_forms
        return frozenset(forms | self.multi_later | {f[len(ARTICLE):] for f in forms if f.startswith(ARTICLE)})

    def _surely_plain(self, word: str) -> bool:
        """The shortcut below, without building the readings: a reading's stem is the word, the
        word without one or two letters of proclitics, or that with "لل" read as "ال" (see
        normalize.proclitic_readings), so when none of these strings is a form, no reading is."""
        forms = self.maybe_forms
        return not (word in forms or word[1:] in forms or word[2:] in forms or ARTICLE + word[2:] in forms
                    or ARTICLE + word[3:] in forms or word in self.multi_later)

    def lookup_readings(self, readings, rest) -> list[tuple[Lex, str]]:
        """Entries of the least-stripped reading that is in the lexicon ("بعد" stays "بعد", not
        ب+"عد"), followed by the words `rest` of a multi-word entry."""
        lookup = self.lexicon.lookup
        for stem, prefix in readings:
            found = lookup((stem,) + rest)
            if found:
                return [(lex, prefix) for lex in found]
        for stem, prefix in readings:
            other = stem[2:] if stem.startswith(ARTICLE) and len(stem) > 4 else ARTICLE + stem
            if other in self.own_alef_lam:
                continue  # "فين" is not "ألفين" without an article
            found = [x for x in lookup((other,) + rest) if x.cls in ARTICLE_OPTIONAL]
            if found:
                return [(lex, prefix) for lex in found]
        return []
