"""Datelines and bylines that open an article: "واشنطن - «رويترز»: قال ...", "سبق- الرياض: ...".

A paragraph opens with one when up to four short parts joined by dashes come before ":" or a
dash and the story, and one part is a credit (who reports it: "«رويترز»", "(واس)") or a date.
The appended-article check uses it to see where a second article starts.
"""
from __future__ import annotations

import re

import regex

from chrono.lexicon import LEXICON
from chrono.normalize import fold

_MIN_BODY_WORDS = 5  # words after a dateline on its own line: a story opens there

# A dateline or byline opening an article: up to four short parts joined by dashes, then ":" or a
# dash, then the story: "واشنطن - «رويترز»: قال ...", "ميونيخ (ألمانيا) - «د.ب.أ»: رفضت ...",
# "فلان الفلاني- سبق- جدة: أعلنت ...", "(واس) - ...", "بغداد - 3 مارس 2019 (رويترز) - ...". One part
# must be a credit (who reports it) or a date.
_DIGIT = r"[0-9\u0660-\u0669]"
_BRACKETED = r"\([^)\n]{1,25}\)"
_DATE = (rf"(?:{_DIGIT}{{1,2}} \p{{Arabic}}+(?: {_BRACKETED})? {_DIGIT}{{4}}"
         rf"|{_DIGIT}{{1,4}}/{_DIGIT}{{1,2}}/{_DIGIT}{{1,4}})(?: ?{_BRACKETED})?")
_DATE_PART = regex.compile(_DATE)
_BRACKETED_PART = regex.compile(_BRACKETED + "$")
_HEAD_PART = (rf"(?:«[^»\n]{{1,30}}»|{_BRACKETED}|{_DATE}"
              rf"|[\p{{Arabic}}.]+(?: [\p{{Arabic}}.]+){{0,2}}(?: ?{_BRACKETED})?)")
_DATELINE_HEAD = regex.compile(
    rf"^[\s*•·\-–]*(?P<parts>{_HEAD_PART}(?:\s*[-–—]\s*{_HEAD_PART}){{0,3}})\s*(?::|[-–—](?=\s))"
)
_HEAD_SEPARATOR = regex.compile(r"\s*[-–—]\s*")
_HEAD_END = re.compile(r"[:\-–—]")
_DATELINE_MAX_CHARS = 160  # four parts of a few words each, and their separators
_NOT_LETTER = regex.compile(r"[^\p{Arabic}]|[\u064B-\u0652\u0640]")  # spaces, marks, dots, harakat, tatweel


def _credit_key(words: str) -> str:
    """"«د.ب.أ»" → "دبا", "أ ف ب" → "افب": letters only, folded, so every spelling of a credit meets."""
    return _NOT_LETTER.sub("", fold(words))


_CREDITS = frozenset(_credit_key(w) for w in LEXICON.data.topic.credit_words)


def _is_credit(part: str) -> bool:
    """A dateline part naming who reports or when: "«رويترز»", "(واس)", "سبق", "متابعات",
    "3 مارس 2019"; for a part of several words any one of them ("سبق" in "سبق الإلكترونية")."""
    if _DATE_PART.fullmatch(part.strip()):
        return True
    inner = part.strip().strip("«»()")
    if _credit_key(inner) in _CREDITS:
        return True
    return any(_credit_key(word) in _CREDITS for word in inner.split())


def _sole_part_credit(part: str) -> bool:
    """A dateline of one part: a date, a credit ("(رويترز) -", "واس:"), or a place with its credit
    in brackets ("جدة (رويترز) -"); a few words with a credit among them ("كتب الشاعر:") are not."""
    if _DATE_PART.fullmatch(part) or _credit_key(part.strip("«»() ")) in _CREDITS:
        return True
    bracket = _BRACKETED_PART.search(part)
    return bracket is not None and _credit_key(bracket.group()) in _CREDITS


def dateline_head(line: str) -> bool:
    """Whether a line opens an article with a dateline or byline, the story on the same line.

    "* لندن - «الشرق الأوسط»: امتنعت ..." and "سبق- الرياض: عقد ..." do; "وقال الوزير: إن ..."
    (no credit) and a caption "... (رويترز)" (nothing after it) do not. A single part must be a
    credit or a date by itself ("(رويترز) - ..."), so "كتب الشاعر في ديوانه: ..." is no byline.
    """
    if _HEAD_END.search(line, 0, _DATELINE_MAX_CHARS) is None:
        return False  # most paragraphs: no colon or dash near the start, the regex is not needed
    match = _DATELINE_HEAD.match(line)
    if match is None or len(line[match.end():].split()) < _MIN_BODY_WORDS:
        return False
    parts = [p for p in _HEAD_SEPARATOR.split(match.group("parts")) if p.strip()]
    if len(parts) == 1:
        return _sole_part_credit(parts[0].strip())
    return any(_is_credit(p) for p in parts)
