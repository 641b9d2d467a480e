"""Normalisation with an offset map: every later offset is mapped back into the ORIGINAL text.

Each original character is either kept as exactly one character (possibly replaced: أ→ا, ٢→2)
or deleted (diacritics, tatweel, bidi controls). Nothing is ever inserted, so the map is a
monotone function from normalized positions to original positions, stored compactly as the
positions where the number of deleted characters changes.

    >>> n = normalize("وصلَ أمسِ")
    >>> n.text
    'وصل امس'
    >>> n.span(4, 7)
    (5, 9)

(the kasra after "أمس" belongs to its last letter, so the span covers it).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import Stemmer

# Deleted: Arabic diacritics (fathatan … sukun, the rarer vowel marks up to U+065F, superscript
# alef), Quranic marks, tatweel, bidi and zero-width controls, the BOM. Why: news text carries
# them inconsistently.
_DELETED = (
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658"
    "\u0659\u065a\u065b\u065c\u065d\u065e\u065f"
    "\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed\u0640"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u061c\ufeff\u00ad"
)

# One character for one character. Why each: hamza seats and alef variants are spelled
# inconsistently (أبريل/ابريل), ta marbuta and alef maqsura likewise (سنة/سنه), digits come in
# three scripts, and Persian/Urdu letters appear in transliterated names (گانتز).
_REPLACED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ۍ": "ي", "ې": "ي",
    "ؤ": "و", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "／": "/",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\t": " ",
}
for _i in range(10):
    _REPLACED[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic ٠-٩
    _REPLACED[chr(0x06F0 + _i)] = str(_i)  # Persian ۰-۹



def _presentation_forms() -> tuple[dict[str, str], dict[str, str]]:
    """Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF: what old typesetting and some PDF
    exports write, "ﺍﻟﺴﺒﺖ"), as the letters they stand for: (one letter for one form, two letters
    for a lam-alef ligature "ﻷ" → "لأ"). Unicode's compatibility mapping (NFKC) says which; a
    form whose letters are marks only, or more than two letters ("ﷲ"), is left alone."""
    single: dict[str, str] = {}
    double: dict[str, str] = {}
    for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        form = chr(code)
        letters = unicodedata.normalize("NFKC", form)
        if letters == form or not all("\u0621" <= c <= "\u06d3" for c in letters):
            continue
        if len(letters) == 1:
            single[form] = letters
        elif len(letters) == 2:
            double[form] = letters
    return single, double


_SINGLE_FORMS, LIGATURES = _presentation_forms()
# "ﺓ" → "ة" → "ه": each form straight to its final letter. Kept apart from _REPLACED: few texts
# hold any, so whole texts look for them with one regex scan (`_FORM`), not ~600 `in` tests.
_FORMS_TABLE = {ord(form): _REPLACED.get(letter, letter) for form, letter in _SINGLE_FORMS.items()}
_FORM = re.compile("[" + "".join(_SINGLE_FORMS) + "]")
_LIGATURE_RUN = re.compile("[" + "".join(LIGATURES) + "]")
_MARKS = frozenset(_DELETED[:_DELETED.index("\u200b")])
_TABLE: dict[int, str | None] = {ord(c): None for c in _DELETED}
_TABLE.update({ord(k): v for k, v in _REPLACED.items()})
_PAIRS = tuple((chr(k), v or "") for k, v in _TABLE.items())
_TABLE.update(_FORMS_TABLE)
# what normalisation deletes, replaces or writes as two letters (the property tests draw from it)
CHANGED_CHARACTERS = frozenset(chr(k) for k in _TABLE) | frozenset(LIGATURES)
# _PAIRS (above): the map without the presentation forms as (character, replacement) pairs. No
# replacement is itself a key, so the order of the replacements does not matter.
_DELETED_RUN = re.compile("[" + re.escape(_DELETED) + "]+")
# A tatweel that stretches no letter is a dash: "(1437ـ1441هـ)", "من 4 ــ 6 ذي الحجة",
# "1435هـ ـ 1436هـ". Deleting it would glue the numbers ("14371441"), so the first tatweel of
# such a run becomes "-" (one character for one character) and the rest are deleted as usual.
# The look-behind stands after the tatweel (it checks the tatweel and the character before it):
# a pattern that starts with a literal is searched for with a fast scan, one that starts with a
# look-behind is tried at every position (20 times slower on the real articles).
_TATWEEL = "\u0640"
_DASH_TATWEEL = re.compile("\u0640(?<![\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]\u0640)")


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus the map back to the original text."""

    original: str
    text: str
    # breaks[i] = normalized position from which `shifts[i]` deleted characters lie before it.
    breaks: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)
    # Positions, in the text before deletions, of the second letter of each lam-alef ligature
    # written as two letters ("ﻷ" → "لأ"): both letters map back to the one ligature.
    added: list[int] = field(default_factory=list)

    def to_original(self, pos: int) -> int:
        """Original index of the normalized character at `pos` (pos == len(text) maps to the end)."""
        if pos >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self.breaks, pos) - 1
        expanded = pos + (self.shifts[i] if i >= 0 else 0)
        return expanded - bisect.bisect_right(self.added, expanded) if self.added else expanded

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end): `end` maps after its last char."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        last = self.to_original(end - 1) + 1
        while last < len(self.original) and self.original[last] in _MARKS:
            last += 1  # a diacritic or tatweel belongs to the letter before it
        return self.to_original(start), last


def normalize(text: str) -> Normalized:
    """Normalize Arabic news text for matching; lowercase Latin letters too ("Nov" → "nov")."""
    breaks: list[int] = []
    shifts: list[int] = []
    deleted = 0
    original = text
    added: list[int] = []  # where a ligature's second letter stands (see Normalized.added)
    if _LIGATURE_RUN.search(text):
        text, added = _expand_ligatures(text)
    text = _dashes(text)
    for m in _DELETED_RUN.finditer(text):
        deleted_before = deleted
        deleted += m.end() - m.start()
        # the first kept character after this run sits at normalized index m.start() - deleted_before
        breaks.append(m.start() - deleted_before)
        shifts.append(deleted)
    kept = _translate(text)
    normalized = kept.lower()
    if len(normalized) != len(text) - deleted:
        # str.lower() can change length for a few non-Arabic letters (e.g. "İ"); fall back to a
        # per-character lowercase that keeps one character for one character.
        normalized = "".join(_lower_one(c) for c in kept)
    return Normalized(original, normalized, breaks, shifts, added)


def _expand_ligatures(text: str) -> tuple[str, list[int]]:
    """Each lam-alef ligature as its two letters, and where each second letter now stands."""
    parts: list[str] = []
    added: list[int] = []
    last = 0
    for m in _LIGATURE_RUN.finditer(text):
        parts.append(text[last:m.start()])
        parts.append(LIGATURES[m.group()])
        added.append(m.start() + len(added) + 1)
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), added


def _dashes(text: str) -> str:
    """Tatweels used as dashes made "-" (see _DASH_TATWEEL); the text is unchanged otherwise."""
    return _DASH_TATWEEL.sub("-", text) if _TATWEEL in text else text


def _translate(text: str) -> str:
    """`text.translate(_TABLE)`, six times faster on news text: str.translate looks every
    character up in a dict, while a text holds only a dozen of the ~90 mapped characters, and
    `in` and `replace` scan for one character in C. Still linear: at most 90 scans."""
    for char, replacement in _PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.translate(_FORMS_TABLE) if _FORM.search(text) else text


def _lower_one(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def fold(word: str) -> str:
    """A word (or any short text) normalized as `normalize` does it, without the offset map:
    'والإسرائيليّة' → 'والاسرائيليه'. The one normalisation of every stage (tag, segment, attach).

    str.translate: on a word it beats the replacement chain `normalize` runs on whole texts (the
    two agree on any string, a property test checks it)."""
    if _LIGATURE_RUN.search(word):
        word = _LIGATURE_RUN.sub(lambda m: LIGATURES[m.group()], word)
    kept = _dashes(word).translate(_TABLE)
    folded = kept.lower()
    return folded if len(folded) == len(kept) else "".join(_lower_one(c) for c in kept)


def normalize_word(word: str) -> str:
    """Normalize a lexicon form the same way the text is normalized: 'أغسطس' → 'اغسطس'."""
    return fold(word).strip()


# -- words: tokens of normalized text and the one clitic rule ------------------------------------

TOKEN_PATTERN = re.compile(
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
    for m in TOKEN_PATTERN.finditer(normalized):
        yield Token(m.group(), m.start(), m.end(), m.lastgroup or "p")


# The proclitics news Arabic writes on a word: a conjunction (و ف), then a preposition (ب ل ك),
# then the article (ال); "لل" is ل + ال with the article's alef dropped.
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
CLITIC_LETTERS = CONJUNCTIONS + PREPOSITIONS
ARTICLE = "ال"
# The proclitic runs a light stem loses, longest first: the first one a word starts with is
# taken off, if enough of the word is left.
STEM_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def proclitic_readings(word: str) -> list[tuple[str, str]]:
    """The word and its readings without proclitics, least stripped first: how the tagger looks
    a written word up in the lexicon, whose forms carry their article.

    "وبالأمس" (normalized "وبالامس") → [("وبالامس", ""), ("بالامس", "و"), ("الامس", "وب")];
    "للعام" → [("للعام", ""), ("العام", "ل")]. Each reading is (stem, stripped prefix).
    """
    readings = [(word, "")]
    rest, prefix = word, ""
    if len(rest) > 2 and rest[0] in CONJUNCTIONS:
        rest, prefix = rest[1:], rest[0]
        readings.append((rest, prefix))
    if len(rest) > 2 and rest[0] in PREPOSITIONS:
        if rest.startswith("لل"):  # ل + ال: the article stays
            readings.append((ARTICLE + rest[2:], prefix + "ل"))
        else:
            readings.append((rest[1:], prefix + rest[0]))
    return readings


def strip_proclitic(word: str, min_stem_after_letter: int = 4, min_stem: int = 3) -> str:
    """A folded word without its proclitics, article included: the light stem's first step.

    The first of STEM_PROCLITICS the word starts with is taken off when at least `min_stem`
    letters are left, or `min_stem_after_letter` after a one-letter proclitic (a lone و، ف، ب، ل
    is as often the word's own first letter: with 4, "وزير" stays and "والرباط" → "رباط").
    """
    for prefix in STEM_PROCLITICS:
        if word.startswith(prefix):
            left = len(word) - len(prefix)
            if left >= (min_stem_after_letter if len(prefix) == 1 else min_stem):
                return word[len(prefix):]
    return word


# -- light stems: how words are compared across articles ------------------------------------------

# Snowball's Arabic stemmer (PyStemmer, C): light stemming, affixes off, no roots. One instance:
# building it loads nothing, but stemWord is not safe to share across threads while stemming,
# and every caller here is single-threaded.
_ARABIC_STEMMER = Stemmer.Stemmer("arabic")
_FINAL_HEH = "\u0647"  # ه: after `fold`, the folded form of a final ta marbuta ة as well
_TA_MARBUTA = "\u0629"
_CONJUNCTION_AND_ARTICLE = tuple(c + ARTICLE for c in CONJUNCTIONS)  # وال، فال
_ALEF_NUN = "\u0627\u0646"  # ان: a dual ending to Snowball, most often the word's own end
_SHORT_STEM = 4


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


@lru_cache(maxsize=1 << 15)
def stem_word(word: str) -> str:
    """The light stem of a word, folded: the one stemming of every stage that compares words
    across articles (choosing the articles of one story, telling happenings apart). Never shown:
    labels keep the words as written.

    'النووية' and 'النووي' → 'نوو'; 'الحوثيين', 'للحوثيين' and 'الحوثي' → 'حوث'.
    Snowball's Arabic stemmer (PyStemmer) takes the affixes off (article, plural and dual
    endings, pronouns), with four adjustments:
    - و or ف before the article goes first: Snowball keeps a و before an alef, and then the
      article too ('والاتفاقية' would stay 'والاتفاق');
    - a final ه is stemmed as ة: folding makes the feminine ending look like the pronoun
      "his", which Snowball keeps ('النوويه' would stay 'نوويه'); both readings lose the
      letter, so 'كتابه' and 'كتابة' → 'كتاب' alike;
    - a first letter و/ف/ب/ل/ك that Snowball strips although the one clitic rule
      (`strip_proclitic`) keeps it is put back: it is the word's own letter ('فيصل' stays
      'فيصل', not 'يصل' (arrives); 'وزير' stays 'وزير');
    - a final ان stays when Snowball would leave four letters or fewer: in news it ends names
      and nouns ('اليونان', 'السودان', 'الإنسان', 'الطيران', 'البرلمان') far more often than
      it marks a dual, and 'اليونان' → 'يون' would meet 'يونيو' (June).
    Anything but an Arabic word (digits, Latin) comes back folded.

    >>> [stem_word(w) for w in ("النووية", "النووي", "والاتفاقية", "اتفاق", "للحوثيين", "فيصل")]
    ['نوو', 'نوو', 'اتفاق', 'اتفاق', 'حوث', 'فيصل']
    >>> [stem_word(w) for w in ("اليونان", "اليونانية", "يونيو")]
    ['يونان', 'يونان', 'يون']
    """
    folded = fold(word)
    if not _ARABIC_WORD.fullmatch(folded):
        return folded
    whole = folded[1:] if folded.startswith(_CONJUNCTION_AND_ARTICLE) and len(folded) > 5 else folded
    if whole.endswith(_FINAL_HEH):
        whole = whole[:-1] + _TA_MARBUTA
    stem = fold(_ARABIC_STEMMER.stemWord(whole))
    base = strip_proclitic(folded)
    if stem and base[0] in CLITIC_LETTERS and not stem.startswith(base[0]) and base[1:].startswith(stem):
        stem = base[0] + stem  # Snowball cut the word's own first letter: 'فيصل' → 'يصل'
    if len(stem) <= _SHORT_STEM and folded.endswith(stem + _ALEF_NUN):
        stem += _ALEF_NUN
    return stem or base
