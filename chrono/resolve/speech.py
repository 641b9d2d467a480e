"""The day a quotation was spoken: the days it tells from "today" count from that day.

A paper printed on Tuesday writes "وقال المتحدث أمس: «سددت اليونان اليوم كل مستحقاتها»": the
spokesman spoke on Monday, and his "اليوم" is that Monday, not the day of printing. When the
words of the sentence before a quotation hold a speech verb ("قال", "أكد", "أعلن") and a day
told from publication ("أمس", "الاثنين", "أمس الاثنين"), the quotation's own days told from
today ("اليوم", "غدا", "أمس", "الليلة") count from that day. A frame that names no day ("وقال
المتحدث «…»"), or names the day of writing, leaves them as they are.

    >>> _speech_word("وقالت")
    True
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.models import Timex
from chrono.normalize import normalize_word
from chrono.tagger.values import TimeValue

__all__ = ["quoted_days_spoken"]

_FRAME_CHARS = 160  # how far before its quotation a speech frame is read
_WORD = re.compile(r"[\u0621-\u064a]+")


def _speech_verbs() -> frozenset[str]:
    """Past forms of the speech verbs and of the statement verbs ("قال", "أعلن"), with the persons
    a frame uses ("قالت", "أعلنوا")."""
    verbs = [v.past for v in LEXICON.data.events.speech_verbs]
    statement = LEXICON.data.event_kinds.kinds.get("statement")
    if statement is not None:
        verbs += [v.past for v in statement.verbs]
    forms: set[str] = set()
    for verb in verbs:
        base = normalize_word(verb)
        forms.update(base + suffix for suffix in ("", "ت", "وا", "ا", "تا"))
    return frozenset(forms)


_SPEECH = _speech_verbs()


def _speech_word(word: str) -> bool:
    folded = normalize_word(word)
    return folded in _SPEECH or (folded[:1] in "وف" and folded[1:] in _SPEECH)


def _told_from_today(v: TimeValue) -> bool:
    """A day counted from the day of speaking: "اليوم", "غدا", "أمس" (not a clock time, which may
    have taken its day from the sentence around the quotation)."""
    return v.kind == "date" and v.rel_unit == "day" and v.weekday is None and v.day is None \
        and v.month is None and v.year is None and v.hijri_day is None and v.hour is None


def _names_its_day(v: TimeValue) -> bool:
    """A day told from publication that can date a speech: "أمس", "الاثنين", "أمس الاثنين"."""
    return v.kind in ("date", "time") and (v.rel_unit == "day" or v.weekday is not None) \
        and v.day is None and v.month is None and v.year is None and v.hijri_day is None


def quoted_days_spoken(text: str, quotes: Sequence[tuple[int, int]], sentence_starts: Sequence[int],
                       values: Sequence[TimeValue], timexes: Sequence[Timex],
                       anchor: Optional[date]) -> dict[int, tuple[date, int]]:
    """For each timex (by index) told from today inside a quotation whose frame dates the speech
    (see the module docstring): (the day spoken, the index of the frame's timex)."""
    found: dict[int, tuple[date, int]] = {}
    if anchor is None:
        return found
    for i, (value, timex) in enumerate(zip(values, timexes, strict=True)):
        if not (timex.in_quote and _told_from_today(value)) or "(" in timex.text:
            continue  # a bracket in the expression already says which day it was: "اليوم (أمس)"
        quote = next((q for q in quotes if q[0] <= timex.start and timex.end <= q[1]), None)
        if quote is None:
            continue
        frame = _frame_day(text, quote[0], _sentence_start(sentence_starts, quote[0]), values, timexes)
        spoken = timexes[frame].start_date if frame is not None else None
        if frame is not None and spoken is not None and spoken < anchor:  # a speech is never told ahead
            found[i] = (spoken, frame)
    return found


def _sentence_start(starts: Sequence[int], offset: int) -> int:
    before = [s for s in starts if s <= offset]
    return before[-1] if before else 0


def _frame_day(text: str, quote_start: int, sentence_start: int, values: Sequence[TimeValue],
               timexes: Sequence[Timex]) -> Optional[int]:
    """The index of the timex that dates the speech a quotation opening at `quote_start` reports,
    or None. The frame is "speech verb … day … «": a speech verb at most `_VERB_TO_DAY` words before
    a day told from publication ("وقال المتحدث باسم الصندوق أمس الاثنين إن «"), then at most
    `_DAY_TO_QUOTE` words to the quotation, in its sentence, with no relative pronoun on the way:
    "إن الانفجار الذي هز المستودع أول من أمس «…»" dates the blast, not the speech, and "هجمات
    أخرى أمس، بحسب النائب الذي قال: «…»" the attacks."""
    lo = max(sentence_start, quote_start - _FRAME_CHARS)
    before = [j for j, t in enumerate(timexes) if lo <= t.start and t.end <= quote_start and not t.in_quote]
    if not before:
        return None
    j = before[-1]
    day = timexes[j]
    if not (_names_its_day(values[j]) and day.start_date is not None and day.start_date == day.end_date):
        return None
    after = [normalize_word(w) for w in _WORD.findall(text, day.end, quote_start)]
    if len(after) > _DAY_TO_QUOTE or any(w in _RELATIVES for w in after):
        return None
    opening = max(lo, max((t.end for t in timexes[:j] if t.end <= day.start), default=lo))
    leading = [normalize_word(w) for w in _WORD.findall(text, opening, day.start)][-_VERB_TO_DAY:]
    for word in reversed(leading):
        if word in _RELATIVES:
            return None
        if _speech_word(word):
            return j
    return None


_VERB_TO_DAY = 8  # words: "وقال هالك نجم فريق زينيت سان بطرسبرغ الروسي أمس"
_DAY_TO_QUOTE = 15  # words: "يوم الجمعة في رسالة بالبريد الإلكتروني إلى طلاب المدرسة … يقول إنه «"
_RELATIVES = frozenset(normalize_word(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
