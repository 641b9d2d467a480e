"""The tense of a clause, read around an expression: a future cue before it ('سيلتقي غانتس ... يوم
الخميس'), or the verb nearest to it ('انطلقت البطولة في 5 أغسطس' → past, 'تنطلق البطولة في 5 أغسطس'
→ future). Read only for the few values whose place depends on it.

    >>> from chrono.normalize import normalize
    >>> text = normalize("انطلقت البطولة في 5 اغسطس").text
    >>> clause_tense(text, text.index("5"), len(text))
    'past'
"""
from __future__ import annotations

import re
from itertools import repeat
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import normalize_word

# Characters that end the clause a future cue is looked for in.
_CLAUSE_ENDS = '.!?\n";:'
_WORD_RE = re.compile(r"[\u0621-\u064a]+")
FUTURE_LOOKBACK_CHARS = 160
_FUTURE_LOOKBACK = 8  # words


def has_future_cue(normalized: str, start: int) -> bool:
    """A future marker in the same clause before the expression: 'سيلتقي غانتس ... يوم الخميس'."""
    lo = max(0, start - FUTURE_LOOKBACK_CHARS)
    # the clause starts after the last clause end within the look-back (rfind: one C scan each)
    clause_start = max(lo, max(map(normalized.rfind, _CLAUSE_ENDS, repeat(lo), repeat(start))) + 1)
    clause = normalized[clause_start:start]
    if not may_hold_future_cue(clause):
        return False  # most clauses: no word that could be a cue, decided by C scans
    for word in reversed(_WORD_RE.findall(clause)[-_FUTURE_LOOKBACK:]):
        if word in LEXICON.future_cue_words or is_future_verb(word):
            return True
    return False


# What any future cue contains: a word starting (after و/ف) with سي/ست/سن, or a cue word. The
# letter comes first in the pattern, the look-behinds after it: `re` then jumps from one "س" to
# the next instead of trying the look-behind at every position.
_FUTURE_PREFIX = re.compile("س(?:(?<=(?<![\u0621-\u064a])س)|(?<=(?<![\u0621-\u064a])[وف]س))[يتن]")
# The cue words that hold no other cue word ('عزمه' for 'عزمها', 'عزمهم'): a text holding a cue
# word holds one of these. A few `in` tests beat one alternation of all of them, which `re` tries
# at every position (their first letters are the commonest ones).
_CUE_CORES = tuple(sorted(w for w in LEXICON.future_cue_words
                          if not any(other != w and other in w for other in LEXICON.future_cue_words)))


def may_hold_future_cue(clause: str) -> bool:
    """Whether `clause` holds a word starting (after و/ف) with سي/ست/سن or a cue word: what any
    future cue `has_future_cue` accepts contains, so without it there is none."""
    return _FUTURE_PREFIX.search(clause) is not None or any(core in clause for core in _CUE_CORES)


def is_future_verb(word: str) -> bool:
    """سيلتقي، ستعقد، سنوقع، وسيجري: the prefix سـ on an imperfect verb (not سياسة، سيارة، ستة،
    سيطرت، لا سيما، وول ستريت)."""
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    return (len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and w not in LEXICON.guard_words["not_future_verbs"]
            and not w.startswith(_NOT_FUTURE_STEMS))


_NOT_FUTURE_STEMS = tuple(sorted(LEXICON.guard_words["not_future_stems"]))


# -- the tense of the clause, for values the anchor places -------------------------------------------
# Read only for the few values whose place depends on it (a date without its year, a weekday):
# the scan over the clause's words is not paid by the others.
_TENSE_LOOKBACK = 12  # words
# An aside between the verb and the date, in brackets or between dashes, has its own verbs
_ASIDE_SPAN_RE = re.compile(r"\([^()]*\)|\s[-–—]\s[^-–—]*\s[-–—]\s")
_TENSE_LOOKAHEAD = 5
_TENSE_LOOKAHEAD_CHARS = 80


def placed_by_tense(v) -> bool:
    """A value the clause's tense places: a day or month without its year and cue ('2 أغسطس',
    '٨ ذي القعدة', 'عيد الأضحى'), a season, a weekday; a range with such an end."""
    if v.kind == "range":
        return placed_by_tense(v.start()) or placed_by_tense(v.end())
    return (v.kind in ("date", "time") and v.year is None and v.hijri_year is None and v.rel_unit is None
            and v.cue is None and (v.month is not None or v.hijri_month is not None or v.weekday is not None
                                   or v.season is not None or v.feast_day is not None))


def clause_tense(normalized: str, start: int, end: int) -> Optional[str]:
    """'future', 'past' or None: the verb nearest to the expression in its clause, looking back
    first, then ahead up to a comma (news sets adverbials between commas: 'أقامت الصحيفة، أمس،
    حفلا'; what follows a date's comma is most often another clause). 'تنطلق البطولة في 5 أغسطس'
    → future; 'انطلقت البطولة في 5 أغسطس' and 'وفي 5 أغسطس أعلنت الوزارة' → past; 'قال إن
    المؤتمر في 5 أغسطس' → None (the verb before إن tells when it was said, not when the
    conference is)."""
    cue = tense_cue(normalized, start, end)
    return cue[1] if cue else None


def tense_cue(normalized: str, start: int, end: int) -> Optional[tuple[str, str]]:
    """The word that gives the clause its tense for clause_tense, and that tense; or None.
    An opener stops the look-back ('قال إن ...'), unless the words before it announce what
    follows ('من المقرر أن توقع الاتفاقية الخميس': future)."""
    words = _clause_words_before(normalized, start)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _TENSE_LOOKBACK), -1):
        word = words[i]
        if word in _TENSE.openers:
            return (word, "future") if announces(words[max(0, i - 2):i]) else None
        if calls_ahead(word, words[i + 1:]):
            return word, "future"
        tense = word_tense(word)
        if tense:
            return word, tense
    hi = min(len(normalized), end + _TENSE_LOOKAHEAD_CHARS)
    ends = [i for i in map(normalized.find, _CLAUSE_ENDS + ",", repeat(end), repeat(hi)) if i >= 0]
    for word in _WORD_RE.findall(normalized, end, min(ends, default=hi))[:_TENSE_LOOKAHEAD]:
        if word in _TENSE.openers:
            break
        tense = word_tense(word)
        if tense:
            return word, tense
    return None


def _clause_words_before(normalized: str, start: int) -> list[str]:
    """The words of the clause before `start`, back to its start (asides left out: 'بلاتر - الذي
    انتخب في 1998 - منصبه'). A quoted word or two inside the clause does not end it, and tells no
    tense of its own: 'كنا «عازمين» على الدخول للقاعدة بعد خمسة أيام' is told by 'كنا'."""
    lo = max(0, start - FUTURE_LOOKBACK_CHARS)
    words: list[str] = []
    end = start
    while True:
        clause_start = max(lo, max(map(normalized.rfind, _CLAUSE_ENDS, repeat(lo), repeat(end))) + 1)
        words[:0] = _WORD_RE.findall(_ASIDE_SPAN_RE.sub(" ", normalized[clause_start:end]))
        opening = _scare_quote_opening(normalized, lo, clause_start - 1)
        if opening is None:
            return words
        end = opening


_SCARE_QUOTE_WORDS = 3  # a quotation this short inside a clause marks a word, it opens no speech


def _scare_quote_opening(normalized: str, lo: int, closing: int) -> Optional[int]:
    """Where the short quotation that `closing` ends opens ('«عازمين»', normalized to '"عازمين"'),
    or None when `closing` is no such quote: quotes hug their words ('قال "كنا' opens one)."""
    if closing <= lo or normalized[closing] != '"' or normalized[closing - 1].isspace():
        return None
    opening = normalized.rfind('"', lo, closing)
    inside = normalized[opening + 1:closing]
    if opening < 0 or not inside or inside[0].isspace() or any(c in _CLAUSE_ENDS for c in inside):
        return None
    return opening if len(inside.split()) <= _SCARE_QUOTE_WORDS else None


# 'كان الأهالي يستأنسون بها خلال العيد', 'العيد في السابق كان بسيطا': a habit of the past, not one Eid
_HABITUAL_PAST = frozenset(normalize_word(w) for w in ("كان", "كانت", "كانوا", "كنا", "كنت", "كنتم", "وكان", "وكانت",
                                                       "وكانوا", "وكنا", "وكنت", "لقد"))
_PAST_TIMES_RE = re.compile("|".join(normalize_word(w) for w in ("في الماضي", "في السابق", "قديما", "زمان")))


def names_one_eid(normalized: str, start: int, end: int, future_cue: bool) -> bool:
    """Whether 'العيد' alone ('صلاة العيد', 'أيام العيد') is one Eid: a future cue ('ستقدم خلال أيام
    العيد') or a past verb that is no habit ('أدى المصلون صلاة العيد'; not 'كان الأهالي يعملون طوال
    أيام العيد', 'يبدأ السمر ... أيام العيد')."""
    if future_cue:
        return True
    cue = tense_cue(normalized, start, end)
    if cue is None or cue[1] != "past" or cue[0] in _HABITUAL_PAST:
        return False
    lo = max(0, start - FUTURE_LOOKBACK_CHARS)
    return _PAST_TIMES_RE.search(normalized, lo, min(len(normalized), end + _TENSE_LOOKAHEAD_CHARS)) is None


def calls_ahead(verb: str, between: list[str]) -> bool:
    """Whether a past verb of calling or of setting a date puts what follows it, up to the
    expression, ahead: 'ودعا الحزب إلى تجمع ضخم الأحد' (a call to a rally: the coming Sunday), 'حدد
    الاتحاد موعد المباراة الجمعة', 'قرر المجلس عقد جلسة الأحد', 'أعلن الحزب عن تنظيم مسيرة السبت'.
    The weekday must stand in the called event's phrase, after إلى and its event noun (or after the
    date-setting noun): 'دعا الحزب الأحد إلى التهدئة' and 'أعلن الحزب الأحد أن ...' date the call."""
    stem = verb[1:] if verb[:1] in "وف" and len(verb) > 3 else verb
    if stem in _TENSE.calling:
        heads = [i + 1 for i, w in enumerate(between[:-1])
                 if w in _TO and _without_article(between[i + 1]) in _TENSE.called_events]
    elif stem in _TENSE.setting:
        events = _TENSE.set_events | _TENSE.called_events if stem in _TENSE.fixing else _TENSE.set_events
        heads = [i for i, w in enumerate(between) if _without_article(w) in events]
    else:
        return False
    return bool(heads) and _in_the_event_phrase(between[heads[-1] + 1:])


# Words that tie what follows them to another happening: 'دعا إلى مظاهرات احتجاجا على هجوم الأحد',
# 'أعلنت الشرطة إجراء تحقيق بعد انفجار الأحد' (the attack and the blast were past)
_OTHER_EVENT = frozenset(normalize_word(w) for w in ("بعد", "قبل", "منذ", "عقب", "إثر", "اثر", "غداة", "احتجاجا",
                                                     "تنديدا", "ردا"))
_EVENT_PHRASE_WORDS = 5  # how many words of the event's phrase may stand between its noun and the date


def _in_the_event_phrase(tail: list[str]) -> bool:
    """Whether the words from the event noun to the expression are still its phrase: few, and none
    tying the expression to another happening."""
    return len(tail) <= _EVENT_PHRASE_WORDS and not any(w in _OTHER_EVENT for w in tail)


def _without_article(word: str) -> str:
    """'التجمع' → 'تجمع', 'لتنظيم' → 'تنظيم': the noun without its article or a one-letter clitic."""
    for prefix in ("ال", "لل", "بال", "ل", "ب"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def announces(words: list[str]) -> bool:
    """Whether the words before an opener أن announce what follows it: 'من المقرر أن', 'ومن
    المتوقع أن', 'تعتزم الحكومة أن'."""
    return any(w in _TENSE.future_before_that or w[1:] in _TENSE.future_before_that for w in words)


def word_tense(word: str) -> Optional[str]:
    """'future' for 'سيلتقي', 'تنطلق', 'المقرر'; 'past' for 'انطلقت', 'وأعلن', 'جرت', 'كان'."""
    if word in LEXICON.future_cue_words or is_future_verb(word):
        return "future"
    for w in (word, word[1:]) if word[:1] in "وف" and len(word) > 3 else (word,):
        if w in _TENSE.scheduling:
            return "future"
        if w in _TENSE.past:
            return "past"
    return None


class _TenseWords:
    """The lexicon's tense cues, inflected: past verbs with their -ت/-ا/-وا/-تا forms ('انتهى' →
    'انتهت'), scheduling verbs with their prefixes ي/ت/ن and -ان/-ون ('نطلق' → 'تنطلق')."""

    def __init__(self, cues: dict):
        past: set[str] = set()
        for verb in cues["past_verbs"]:
            base = normalize_word(verb)
            past.update(base + suffix for suffix in ("", "ت", "ا", "وا", "تا"))
            if base.endswith("ي"):  # a final ى drops: جرى → جرت، جروا
                past.update(base[:-1] + suffix for suffix in ("ت", "وا", "تا"))
        past.update(normalize_word(w) for w in cues["past_forms"] + cues["past_words"])
        self.past = frozenset(past)
        self.scheduling = frozenset(prefix + normalize_word(stem) + suffix for stem in cues["scheduling_verbs"]
                                    for prefix in "يتن" for suffix in ("", "ان", "ون"))
        self.openers = frozenset(normalize_word(w) for w in cues["clause_openers"])
        self.future_before_that = frozenset(normalize_word(w) for w in cues["future_before_that"])
        self.calling = frozenset(normalize_word(w) for w in cues["calling_verbs"])
        self.called_events = frozenset(normalize_word(w) for w in cues["called_event_nouns"])
        self.setting = frozenset(normalize_word(w) for w in cues["setting_verbs"])
        self.fixing = frozenset(normalize_word(w) for w in cues["fixing_verbs"])
        self.set_events = frozenset(normalize_word(w) for w in cues["set_event_words"])


_TENSE = _TenseWords(LEXICON.data.tense_cues)
_TO = frozenset(normalize_word(w) for w in ("إلى", "الى"))  # the preposition of a call: 'دعا إلى'

