"""Given anchors the text corrects or contradicts.

A crawl day one or two days after the day of writing is moved back to the day the text names
("اليوم (الاثنين)" in a page seen on Tuesday); a page whose own statements fit only a day long
before its given one ("اليوم (الجمعة)" crawled on a Tuesday weeks later) is marked contradicted,
so its relative expressions stay unresolved; other conflicts become warnings.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from chrono.models import Anchor
from chrono.resolve.anchors.constraints import WEEKDAY_EN, Constraint


def with_contradictions(anchor: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """`anchor` with a warning for each unquoted strong constraint and a dateline it breaks;
    None when there is nothing new to say."""
    day = anchor.date
    if day is None:  # no day to contradict
        return None
    warnings = []
    for c in strong:
        if c.strong and not c.quoted and not c.holds(day):
            warnings.append(f"text says {c.text!r} ({c.why}), but the anchor {day.isoformat()} "
                            f"({WEEKDAY_EN[day.isoweekday()]}) does not fit")
    if dateline and dateline.date is not None and dateline.date != day:
        warnings.append(f"dateline {dateline.evidence!r} says {dateline.date.isoformat()}, "
                        f"the anchor is {day.isoformat()}")
    new = [w for w in warnings if w not in anchor.warnings]
    if not new:
        return None
    return anchor.model_copy(update={"warnings": list(anchor.warnings) + new})


# -- anchors the text corrects ---------------------------------------------------------------
# A page is seen after it is written, so the text may move its given (crawl) day back, never
# forward: a text naming a later weekday ("اليوم الأربعاء" in a page seen on Tuesday) is a week
# old or more, or print-dated, and which one the weekday alone cannot tell.
CORRECTION_DAYS = 2
QUOTED_EVIDENCE = 0.5  # reported speech may name the speech's own day
CORRECTION_MAJORITY = 3  # what agrees must outweigh what disagrees this many times


def corrected_by_text(given: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """The given anchor moved back to the day the text's deictic weekdays ("اليوم (الاثنين)",
    "أمس الأحد", "غداً الثلاثاء", "صباح اليوم الاثنين") name, when they name one day within
    CORRECTION_DAYS before it, with at least one of them outside quotes, and everything that
    disagrees (quotes count half) weighs at most a third of what agrees: one expression alone
    will do when nothing contradicts it (on 3,000 crawled articles such single statements were
    the day of writing), two that disagree (a quote, a typo, a text unsure of its day) will not.
    A dateline naming another day, or a day that breaks another strong constraint the given
    anchor meets ("نوفمبر الحالي"), stops it."""
    deictic = [c for c in strong if c.deictic]
    given_day = given.date
    if given_day is None or not deictic or not any(not c.quoted for c in deictic):
        return None
    for back in range(1, CORRECTION_DAYS + 1):
        day = given_day - timedelta(days=back)
        agree = [c for c in deictic if c.holds(day)]
        support = sum(_weight(c) for c in agree)
        against = sum(_weight(c) for c in deictic if not c.holds(day))
        if support < 1 or support < CORRECTION_MAJORITY * against:
            continue
        if dateline is not None and dateline.date != day:
            return None
        if any(c.strong and not c.deictic and not c.quoted and c.holds(given_day) and not c.holds(day)
               for c in strong):
            return None
        return _corrected_anchor(given, given_day, day, agree, support)
    return None


def _weight(c: Constraint) -> float:
    return QUOTED_EVIDENCE if c.quoted else 1.0


def _corrected_anchor(given: Anchor, given_day: date, day: date, agree: list[Constraint], support: float) -> Anchor:
    """`given` (whose day is `given_day`) moved back to `day`."""
    said = ", ".join(dict.fromkeys(repr(c.text) for c in agree))
    weekday = WEEKDAY_EN[day.isoweekday()]
    return Anchor(
        date=day, given=given_day, source="corrected",
        confidence=round(given.confidence * (1.0 if support >= 2 else 0.9), 2),
        evidence=f"{said}: written on {weekday} {day.isoformat()}",
        warnings=list(given.warnings) + [
            f"anchor corrected: the text says {said}, so it was written on {weekday} {day.isoformat()}, "
            f"not on the given {given_day.isoformat()} ({given.source}); --keep-anchor keeps the given one"])


# -- anchors the text contradicts ------------------------------------------------------------
# A page seen days or months after it was written ("اليوم (الجمعة)" crawled on a Tuesday, "في
# الثلاثين من سبتمبر الجاري" crawled in July): its day is further back than a correction may move
# it, and the weekday alone cannot say which week. Resolving "أمس" against the crawl day would put
# false dates into a chronology, so such a document keeps its absolute dates and leaves its
# relative ones unresolved.
STALE_SEARCH_DAYS = 800  # how far back a day that fits the text is looked for


def contradicted_by_text(given: Anchor, strong: list[Constraint], dateline: Optional[Anchor]) -> Optional[Anchor]:
    """The given anchor marked as contradicted (date None, `given` kept) when the text's own strong
    statements outside quotes ("اليوم (الجمعة)", "أمس الخميس", "سبتمبر الجاري", "العام الحالي
    2014") all fit a day earlier than CORRECTION_DAYS before it and not all fit the given day ("أمس
    (الجمعة)" with "يوليو الحالي" crawled on a Tuesday of July: the month fits both), and its
    deictic weekdays agree as a correction requires (quotes count half, what disagrees weighs at
    most a third). A dateline naming the given day, or a text that contradicts itself (no earlier
    day fits it all), keeps the given anchor, with its warnings."""
    stated = [c for c in strong if c.strong and not c.quoted]
    given_day = given.date
    if given_day is None or not stated or all(c.holds(given_day) for c in stated):
        return None
    if dateline is not None and dateline.date == given_day:
        return None
    deictic = [c for c in strong if c.deictic]
    for back in range(CORRECTION_DAYS + 1, STALE_SEARCH_DAYS):
        day = given_day - timedelta(days=back)
        if not all(c.holds(day) for c in stated):
            continue
        support = sum(_weight(c) for c in deictic if c.holds(day))
        against = sum(_weight(c) for c in deictic if not c.holds(day))
        if support < CORRECTION_MAJORITY * against:
            return None  # quoted weekdays that disagree: the text is unsure of its day
        return _contradicted_anchor(given, stated, day)
    return None


def _iso(day: Optional[date]) -> str:
    return day.isoformat() if day is not None else "?"


def _contradicted_anchor(given: Anchor, stated: list[Constraint], latest: date) -> Anchor:
    said = ", ".join(dict.fromkeys(repr(c.text) for c in stated))
    return Anchor(
        date=None, given=given.date, source="contradicted", confidence=given.confidence,
        evidence=f"{said}: written on or before {latest.isoformat()}",
        warnings=list(given.warnings) + [
            f"anchor contradicted: the text says {said}, which fits no day from {_iso(given.date)} "
            f"({given.source}) back to {CORRECTION_DAYS} days before it; it was written on or before "
            f"{latest.isoformat()}, so its relative expressions are left unresolved; --keep-anchor "
            f"resolves them against the given day"])
