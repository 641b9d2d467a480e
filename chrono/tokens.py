"""Tokens of normalized text: Arabic words, Latin words, digit runs, line breaks, punctuation.

Digits and letters split apart, so a clitic on a number becomes its own token
("و2021" → "و", "2021"; "الـ20" → "ال", "20"); whitespace is dropped; a line break is a token
so that no expression spans two lines.
"""
from __future__ import annotations

import re
from typing import NamedTuple

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
    return [Token(m.group(), m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(normalized)]


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
