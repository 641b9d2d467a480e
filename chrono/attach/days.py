"""Days named and unnamed: whether a timex names its day ("مساء الثلاثاء" yes, "الساعة 12:40"
no), the day a bare clock time takes from its sentence, days told relative to publication, and
feast days (the day of a thousand happenings).
"""
from __future__ import annotations

from datetime import date

from chrono.attach.tokens import date_word, tokenize
from chrono.attach.words import bare, holiday_word
from chrono.lexicon import LEXICON
from chrono.models import Timex
from chrono.segment import Segmentation, sentence_index
from chrono.tagger.values import canonical_fields


def is_placeable(timex: Timex) -> bool:
    """Whether a timex can be an entry: a DATE or TIME with a calendar interval.

    "العاشر من ديسمبر الماضي" (2020-12-10) yes; "منذ عامين" as P2Y, "كل عام", "PRESENT_REF",
    or "XXXX-12-10" without an anchor: no. The value is read through its typed view
    (`Timex.typed_value`, chrono/models.py), not as a string.
    """
    typed = timex.typed_value
    return (
        timex.type in ("DATE", "TIME")
        and timex.start_date is not None
        and timex.end_date is not None
        and not typed.is_reference
        and not typed.unknown
    )


_DAY_CLASSES = frozenset({"weekday", "weekday_bare", "relday", "month", "hmonth"})


def _names_a_day(timex: Timex) -> bool:
    """Whether a TIME's own words name its day ("مساء الثلاثاء", "ظهر اليوم", "10 يوليو"): a
    weekday, a relative day or a month; "الساعة 12:40 ظهرا" and "13:00" do not. A night or a
    part of the day told some days from publication ("الليلة الماضية", "ليلة أمس") names its day
    too: the tagger's canonical value counts it from the anchor ("rel_offset=-1")."""
    if canonical_fields(timex.underspecified).get("rel_offset", "0") != "0":
        return True
    for tok in tokenize(timex.text, 0, len(timex.text)):
        if tok.is_number and ("/" in timex.text or "-" in timex.text[1:]):
            return True
        for reading in (tok.folded, bare(tok.folded)):
            if any(e.cls in _DAY_CLASSES for e in LEXICON.lookup((reading,))):
                return True
    return False


def relative_day(timex: Timex) -> bool:
    """A day told relative to publication ("أمس", "الاثنين", "الليلة الماضية"), not by its date
    ("العاشر من ديسمبر", "14 يوليو"): the tagger's canonical value has a relative offset or a
    weekday without a month; without one (hand-made tags), no month is named in the text."""
    canonical = timex.underspecified
    if canonical:
        return "rel_" in canonical or ("weekday=" in canonical and "month=" not in canonical)
    for tok in tokenize(timex.text, 0, len(timex.text)):
        if tok.is_number or any(e.cls in ("month", "hmonth") for e in LEXICON.lookup((bare(tok.folded),))):
            return False
    return True


_COARSE_UNITS = frozenset({"week", "month", "quarter", "year", "decade", "century"})
_OPEN_MODS = frozenset({"BEFORE", "AFTER", "MORE_THAN", "LESS_THAN", "APPROX", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


def is_approximate(timex: Timex) -> bool:
    """A date read off a rough distance from publication: "قبل أربعة أشهر", "منذ أربعة أشهر"
    (some time around March), "منذ أكثر من سنة". It dates nothing precisely enough to be an
    entry of its own; "قبل عام", "الشهر الماضي" (one unit back: a calendar period) and "قبل
    يومين" (days) are dates like any other.

    The tagger's canonical value gives the unit and the distance ("rel_unit=month
    rel_offset=-4"); a mod of an open interval ("mod=BEFORE") makes any distance approximate.
    """
    fields = canonical_fields(timex.underspecified)
    unit, offset = fields.get("rel_unit"), fields.get("rel_offset", "0")
    if unit not in _COARSE_UNITS or not offset.lstrip("-").isdigit():
        return False
    return abs(int(offset)) >= 2 or fields.get("mod") in _OPEN_MODS or timex.mod in _OPEN_MODS


def is_holiday(timex: Timex) -> bool:
    """Whether a date is told by a feast's name ("عيد الفطر", "بعيد الفطر المبارك"): the day of a
    thousand happenings, no evidence that two of them are one."""
    return any(date_word(tok.folded) and holiday_word(tok.folded) for tok in tokenize(timex.text, 0, len(timex.text)))


_DAYS_OF_A_FEAST = frozenset({"يوم", "اليوم", "ايام", "الايام", "بيوم", "باليوم"})


def names_a_feast_day(text: str) -> bool:
    """Whether a feast's date is told as one of its days ("اليوم الأول من عيد الفطر", "أول أيام
    العيد", "يوم العيد"), not by the feast's name alone ("بعيد الفطر المبارك", which greets or
    names the occasion more often than it dates one happening)."""
    return any(bare(tok.folded) in _DAYS_OF_A_FEAST for tok in tokenize(text, 0, len(text)))



def _day_timex(timexes: list[Timex], timex: Timex, lo: int) -> Timex | None:
    """The day-precise timex nearest before `timex`, from offset `lo` on."""
    before = [t for t in timexes if lo <= t.start < timex.start and _is_day(t)]
    if before:
        return before[-1]
    return None


def _is_day(timex: Timex) -> bool:
    return (is_placeable(timex) and timex.start_date == timex.end_date
            and timex.granularity in ("day", "part_of_day", "hour", "minute") and _names_a_day(timex))


def _on_day(timex: Timex, day: date) -> Timex:
    """The time moved to `day`: "13:00" of 2015-07-21 → 2015-07-20T13:00."""
    _, _, clock = timex.value.partition("T")
    value = day.isoformat() + ("T" + clock if clock else "")
    return timex.model_copy(update={"value": value, "start_date": day, "end_date": day})




def dated_times(text: str, seg: Segmentation, timexes: list[Timex]) -> dict[str, tuple[Timex, bool]]:
    """Each clock time whose words name no day → (the time on the day its sentence names before
    it; whether no such day was found: an earlier sentence's day may be another happening's)."""
    moved: dict[str, tuple[Timex, bool]] = {}
    for timex in timexes:
        if timex.type != "TIME" or not is_placeable(timex) or _names_a_day(timex):
            continue
        index = sentence_index(seg, timex.start)
        lo = seg.sentences[index].start if index is not None else timex.start
        day = _day_timex(timexes, timex, lo)
        if day is not None and day.start_date is not None:
            moved[timex.id] = (_on_day(timex, day.start_date), False)
        else:
            moved[timex.id] = (timex, True)
    return moved

