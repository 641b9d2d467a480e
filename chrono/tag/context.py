"""Readings that need the clause around an expression, not only the words next to it.

The grammar sees a run of date words and its two neighbours; a few constructions are decided
further away in the same clause:

- a month or a holiday without a year in a habitual clause ('كل عام', 'سنويا', 'اعتاد') is every
  year's, not this year's: 'تتكرر في كل عام مع حلول عيد الفطر' dates nothing;
- 'سابقا' closing a title ('عضو مجلس الشورى سابقا', 'مدير العيادات الخارجية سابقا') means former,
  not 'previously' (PAST_REF).

Both drop the expression (a false date is worse than a missing one).

    >>> from chrono.tag import find_expressions
    >>> [e.item.value.canonical() for e in find_expressions("يجتمع الاقتصاديون في يوليو من كل عام")]
    []
    >>> [e.item.value.canonical() for e in find_expressions("حذر رئيس أركان الجيوش سابقا من الفوضى")]
    []
"""
from __future__ import annotations

import re

from chrono.lexicon import LEXICON
from chrono.normalize import ARTICLE, normalize_word
from chrono.tag.engine import Item
from chrono.tag.grammar.base import is_yearless_month_or_holiday, readings

_WORD = re.compile(r"[\u0621-\u064a]+")
# Where a clause ends: a habitual word or a title does not reach across these.
_CLAUSE_END = re.compile(r"[.!?\n؛;:،,()\"]")
CLAUSE_WORDS = 10  # how far (in words, each side) a habitual word is looked for
TITLE_WORDS = 6  # how many words before 'سابقا' a title may stand


def _phrases(role: str) -> list[tuple[str, ...]]:
    return [tuple(normalize_word(w) for w in form.split()) for form in LEXICON.guard_words[role]]


_HABITUAL = _phrases("habitual_cues")
_EVERY = normalize_word("كل")
_GREETING_WORD = normalize_word("بخير")  # 'كل عام وأنتم بخير' is a greeting, not a habit
_THIS_YEAR = _phrases("this_year_words")
_TITLES = LEXICON.guard_words["former_title_nouns"]
_FORMER = normalize_word("سابقا")


def _verb_forms() -> frozenset:
    """Past forms of the event and speech verbs and the auxiliaries: 'أعرب', 'قال', 'كان'."""
    words = LEXICON.data.events
    forms = {v.past for v in words.event_verbs + words.speech_verbs} | set(words.auxiliaries)
    return frozenset(normalize_word(f) for f in forms)


_VERBS = _verb_forms()


def reread_in_clause(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """The expressions of `found` (items and their future cues) minus those their clause shows to
    date nothing: habitual months and holidays, former titles."""
    return [(item, future) for item, future in found
            if not (_habitual(item, normalized) or _former_title(item, normalized))]


def _clause_words(normalized: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words of the clause before `start` (nearest last) and after `end` (nearest first)."""
    window_start = max(0, start - 200)
    lo = max((m.end() for m in _CLAUSE_END.finditer(normalized, window_start, start)), default=window_start)
    stop = _CLAUSE_END.search(normalized, end, end + 200)
    hi = stop.start() if stop else min(len(normalized), end + 200)
    return _WORD.findall(normalized, lo, start), _WORD.findall(normalized, end, hi)


def _has_phrase(words: list[str], phrases: list[tuple[str, ...]]) -> bool:
    for i in range(len(words)):
        for phrase in phrases:
            here = words[i:i + len(phrase)]
            if len(here) == len(phrase) and phrase[0] in readings(here[0]) and tuple(here[1:]) == phrase[1:]:
                if phrase[0] == _EVERY and _GREETING_WORD in words[i + len(phrase):i + len(phrase) + 3]:
                    continue
                return True
    return False


def _habitual(item: Item, normalized: str) -> bool:
    """'يعقد المؤتمر كل عام في شهر نوفمبر', 'اعتاد الأهالي استقبال عيد الفطر بموائد': a yearless
    month or holiday in a clause that tells a habit is every year's. Not when 'هذا العام' follows it
    ('في أول أيام عيد الفطر هذا العام')."""
    if not is_yearless_month_or_holiday(item.value):
        return False
    before, after = _clause_words(normalized, item.cstart, item.cend)
    if _has_phrase(after[:3], _THIS_YEAR):
        return False
    return _has_phrase(before[-CLAUSE_WORDS:] + after[:CLAUSE_WORDS], _HABITUAL)


def _former_title(item: Item, normalized: str) -> bool:
    """'رئيس هيئة الإذاعة والتلفزيون سابقا', 'نجم برشلونة الأسباني سابقا': a title shortly before
    'سابقا', with no verb between them ('وزير الخارجية فابيوس أعرب سابقا' keeps its PAST_REF)."""
    v = item.value
    if v.kind != "ref" or v.ref != "PAST_REF" or _FORMER not in readings(normalized[item.cstart:item.cend]):
        return False
    before, _ = _clause_words(normalized, item.cstart, item.cend)
    for word in reversed(before[-TITLE_WORDS:]):
        stems = readings(word)
        if any(s in _VERBS or s[:-1] in _VERBS or s[:-2] in _VERBS for s in stems if len(s) > 2):
            return False
        if any(s in _TITLES or (s.startswith(ARTICLE) and s[2:] in _TITLES) for s in stems):
            return True
    return False
