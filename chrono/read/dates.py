"""Anchor dates typed by people: '2021-11-24', '24/11/2021', '24 نوفمبر 2021', 'Nov 24, 2021'.

    >>> parse_anchor_date('24 نوفمبر 2021')
    datetime.date(2021, 11, 24)
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from chrono.lexicon import LEXICON


class AnchorError(ValueError):
    """An anchor date that cannot be read, e.g. "cannot read '31/02/2021' as a date: ..."."""


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})")
_NUMERIC_YMD = re.compile(r"(?P<y>\d{4})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")
# "24 نوفمبر 2021 م" / "ميلادي": the era marker says Gregorian, dateparser does not know it.
_GREGORIAN_ERA = re.compile(r"(?<=\d)\s*(?:م|مـ|ميلادي|ميلادية|AD|A\.D\.)\.?\s*$")
_HIJRI_ERA = re.compile(r"(?:هـ|ه\.|هجري|هجرية|للهجرة|AH\b)")
_MIN_YEAR, _MAX_YEAR = 1800, 2199

# Regional month names dateparser does not know ("كانون الأول", "دجنبر", "أوت"), mapped to the
# Modern Standard Arabic names it does: read from the lexicon, which lists every spelling once.
_REGIONAL_MONTHS = LEXICON.regional_month_names()
_REGIONAL_MONTH_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _REGIONAL_MONTHS), key=len, reverse=True)) + r")(?!\w)"
)

# Only the absolute-time parser: with the relative parser dateparser turns "yesterday" or "أمس"
# into a date computed from the machine's clock, and "now" into today. REQUIRE_PARTS rejects
# "نوفمبر 2021", which dateparser would otherwise complete with today's day of month.
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}
_DATEPARSER_LANGUAGES = ["ar", "en", "fr"]


def _anchor_failure(original: str, why: str) -> AnchorError:
    return AnchorError(f"cannot read {original!r} as a date: {why}")


def _checked_date(original: str, year: int, month: int, day: int) -> date:
    """`date(...)` with the reason in words: "day is out of range for month"."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _anchor_failure(
            original, f"year {year} is outside {_MIN_YEAR}–{_MAX_YEAR} (a Hijri year? give the Gregorian date)"
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _anchor_failure(original, str(exc)) from None


def _numeric_date(original: str, text: str) -> Optional[date]:
    """ISO "2021-11-24[T10:00:00Z]", "24/11/2021", "24.11.2021", "2021/11/24"; None if not numeric.

    The time and zone of a timestamp are ignored on purpose: the anchor is the publication day
    as the publisher wrote it, not that instant converted to another zone.
    """
    for pattern in (_ISO, _NUMERIC_DMY, _NUMERIC_YMD):
        match = pattern.fullmatch(text)
        if match:
            return _checked_date(original, int(match["y"]), int(match["m"]), int(match["d"]))
    return None


def _dateparser_date(text: str) -> Optional[date]:
    import dateparser  # slow import (~0.3 s): only when a free-form date is actually given

    parsed = dateparser.parse(text, languages=_DATEPARSER_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def _explain_free_form_failure(original: str, text: str) -> AnchorError:
    """Say why "31 فبراير 2021" failed: if it parses with day 1, the day was the problem."""
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", text)
    if day:
        with_first_day = text[: day.start()] + "1" + text[day.end():]
        month_and_year = _dateparser_date(with_first_day)
        if month_and_year is not None:
            return _anchor_failure_from_parts(original, month_and_year.year, month_and_year.month, int(day[1]))
    return _anchor_failure(original, "not an absolute date with a day, a month and a year")


def _anchor_failure_from_parts(original: str, year: int, month: int, day: int) -> AnchorError:
    try:
        _checked_date(original, year, month, day)
    except AnchorError as exc:
        return exc
    return _anchor_failure(original, "not an absolute date with a day, a month and a year")


def parse_anchor_date(text: str) -> date:
    """Read a publication day given by a person or a metadata field; never guess from the clock.

    Accepts "2021-11-24", "2021-11-24T10:00:00Z", "24/11/2021" (day first), "24 نوفمبر 2021",
    "الأربعاء، 24 نوفمبر 2021", "24 دجنبر 2021", "٢٤ نوفمبر ٢٠٢١", "Nov 24, 2021".
    Relative words ("أمس", "yesterday", "today") and partial dates ("نوفمبر 2021") raise
    `AnchorError`: an anchor must name one day.
    """
    if not isinstance(text, str):
        raise AnchorError(f"cannot read {text!r} as a date: expected text, got {type(text).__name__}")
    original = text
    cleaned = _BIDI_CONTROLS.sub("", text).translate(_DIGITS).strip()
    if not cleaned:
        raise _anchor_failure(original, "it is empty")
    if len(cleaned) > 100:
        raise _anchor_failure(original, "too long to be a date")
    if _HIJRI_ERA.search(cleaned):
        raise _anchor_failure(original, "Hijri anchor dates are not supported; give the Gregorian date")
    if not re.search(r"\d", cleaned):
        raise _anchor_failure(original, "no day or year number in it (relative words like 'أمس' are not anchors)")
    numeric = _numeric_date(original, cleaned)
    if numeric is not None:
        return numeric
    free_form = _REGIONAL_MONTH_RE.sub(lambda m: _REGIONAL_MONTHS[m[0]], _GREGORIAN_ERA.sub("", cleaned))
    parsed = _dateparser_date(free_form)
    if parsed is None:
        raise _explain_free_form_failure(original, free_form)
    return _checked_date(original, parsed.year, parsed.month, parsed.day)
