"""Readings of a programme: the days and hours of something announced as coming.

A news item that announces an event often lists its days and hours after the verb that dates it,
each with no tense of its own: 'يفتتح المحافظ غد الأربعاء المعرض ... وتقام محاضرة "الخميس" وورشة
"الجمعة"'. A bare weekday read alone would be the last one (news tells of the past); read after a
coming day of its paragraph, with no past told between, it is the coming one. And the hours of a
programme are written as ranges whose part of day is written once, after the second clock:
'من 7:00 إلى 08:30 مساءً' is 19:00 to 20:30.

    >>> from chrono.tagger import find_expressions
    >>> [(e.item.value.hour, e.future_cue) for e in find_expressions("من 7:00 إلى 08:30 مساءً")]
    [(19, False), (20, False)]
"""
from __future__ import annotations

import re

from chrono.lexicon import LEXICON
from chrono.normalize import normalize_word
from chrono.tagger.engine import Item
from chrono.tagger.grammar.times import hour_with_pod
from chrono.tagger.tense import clause_tense, word_tense

_WORD = re.compile(r"[\u0621-\u064a]+")
SCHEDULE_CHARS = 1500  # how far back in its paragraph a bare weekday looks for the coming day
_PARAGRAPH_END = "\n\n"
_SENTENCE_END = re.compile(r"[.!?\n]")
SCHEDULE = "+schedule"  # the rule suffix of a weekday placed by the programme it belongs to


def _is_bare_weekday(v) -> bool:
    """'الخميس', 'يوم الجمعة': a weekday with no date, cue, part of day or hour of its own."""
    return (v.kind == "date" and v.weekday is not None and v.day is None and v.month is None
            and v.hijri_day is None and v.year is None and v.rel_unit is None and v.cue is None
            and v.mod is None and v.hour is None and not v.range_start)


# How far ahead a relative day may stand to open a programme: 'غدا', 'بعد غد', 'الأسبوع المقبل'
# ('بعد 4 أيام من انتخابه' counts from an event, not from the day of writing)
_COMING = {"day": (1, 2), "week": (1,)}


def _coming_or_not(item: Item, future: bool, normalized: str, same_sentence: bool):
    """True for a day told as coming ('غدا', 'بعد غد', 'غد الأربعاء', 'الأسبوع المقبل'; in the
    weekday's own sentence, a weekday told as coming too), False for a day that is not ('أمس',
    'اليوم', a dated day, a day told in the past), None for what places no day (durations, clock
    times, months, years, references, a coming weekday of another sentence)."""
    v = item.value
    if v.kind not in ("date", "time") or v.range_start or (v.kind == "time" and v.weekday is None
                                                           and v.rel_unit == "day" and v.rel_offset == 0):
        return None
    if v.rel_unit in ("day", "week") and v.rel_offset is not None:
        return v.rel_offset in _COMING[v.rel_unit] and v.mod is None
    if _is_bare_weekday(v):
        if future:
            return True if same_sentence else None
        return None if clause_tense(normalized, item.cstart, item.cend) is None else False
    if v.day is not None or v.hijri_day is not None:
        return False
    return None


_SAID = frozenset(normalize_word(v.past) + suffix for v in LEXICON.data.events.speech_verbs for suffix in ("", "ت"))


def _past_told_between(normalized: str, lo: int, hi: int) -> bool:
    """A past verb between the coming day and the weekday: the text turned to what happened. A verb
    of saying does not ('وأوضح المدير أن المحاضرات ...' tells when it was said)."""
    return any(word_tense(w) == "past" and w not in _SAID and w[1:] not in _SAID
               for w in _WORD.findall(normalized, lo, hi))


def with_schedule_days(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A bare weekday with no tense of its own takes the future cue of the coming day told before it
    in its paragraph: 'يفتتح المعرض غد الأربعاء ... محاضرة "الخميس"' → the coming Thursday (a
    weekday told as coming passes it on within its sentence only: 'سيقف الجميع يوم الأحد حدادا.
    وفارق الحياة الجمعة' is the last Friday). Not
    after a day that is not coming ('افتتح المعرض أمس ... محاضرة الخميس' keeps the last Thursday),
    nor across a past verb. A weekday so placed places the next bare ones in turn."""
    out = list(found)
    for i, (item, future) in enumerate(found):
        if future or not _is_bare_weekday(item.value) or clause_tense(normalized, item.cstart, item.cend):
            continue
        para = normalized.rfind(_PARAGRAPH_END, 0, item.cstart)
        lo = max(para, item.cstart - SCHEDULE_CHARS)
        for j in range(i - 1, -1, -1):
            other, other_future = out[j]
            if other.cstart < lo:
                break
            same_sentence = not _SENTENCE_END.search(normalized, other.cend, item.cstart)
            coming = _coming_or_not(other, other_future, normalized, same_sentence)
            if coming is None:
                continue
            if coming and not _past_told_between(normalized, other.cend, item.cstart):
                out[i] = (Item(item.cls, item.value, item.start, item.end, item.cstart, item.cend,
                               item.rule + SCHEDULE, item.children, item.prefix, item.weight), True)
            break
    return out


_TO_WORDS = sorted({re.escape(normalize_word(w)) for w in LEXICON.data.keywords["to"]}, key=len, reverse=True)
_RANGE_TO = re.compile(r"\s*(?:" + "|".join(_TO_WORDS) + r"|[-–])\s*")
_AFTER_NOON = ("AF", "EV", "NI")


def _clock(v) -> bool:
    return v.kind == "time" and v.hour is not None and v.rel_unit == "day" and v.rel_offset == 0


def with_range_pods(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """The first clock of a range takes the afternoon, evening or night of the second when, so
    read, it comes before it: 'من 7:00 إلى 08:30 مساءً' → 19:00; '11:00 - 1:00 ظهرا' keeps 11:00
    (23:00 would come after 13:00), and so does 'من 7:00 إلى 08:30 صباحاً'."""
    out = list(found)
    for i in range(len(found) - 1):
        (first, future), (second, _) = out[i], out[i + 1]
        a, b = first.value, second.value
        if not (_clock(a) and _clock(b) and a.pod is None and b.pod in _AFTER_NOON and a.hour is not None
                and 1 <= a.hour <= 12 and _RANGE_TO.fullmatch(normalized, first.cend, second.cstart)):
            continue
        hour = hour_with_pod(a.hour, b.pod)
        if hour is None or hour == a.hour or (hour, a.minute or 0) >= (b.hour, b.minute or 0):
            continue
        out[i] = (Item(first.cls, a.with_(hour=hour, pod=b.pod), first.start, first.end, first.cstart, first.cend,
                       first.rule + "+range_pod", first.children, first.prefix, first.weight), future)
    return out


# A report that gives one clock in the afternoon, evening or night and then others without a part
# of day tells them in order: how far after the stated one (hours) a later one may be so read.
SEQUENCE_HOURS = 3
SEQUENCE_CHARS = 1200  # how far back in its paragraph the stated clock may stand
SEQUENCE = "+sequence_pod"  # the rule suffix of a clock that took its part of day from the one before


def _clock_hour(v) -> bool:
    return v.kind == "time" and v.hour is not None and not v.range_start


def with_sequence_pods(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A 12-hour clock with no part of day, after a clock of the afternoon, evening or night in its
    paragraph, is in the same part of the day when so read it comes at most SEQUENCE_HOURS after
    it: 'انقطع التيار في الساعة 7:06 مساءً ... وعادت المحطة للعمل في الساعة 7:43' → 19:43 (read
    as morning it would come half a day before); 'الساعة 10 مساءً ... الساعة 2' keeps 2 (14:00
    would come before 22:00), and so does a morning clock that is told as such."""
    out = list(found)
    last = None  # (index, value) of the last clock of the paragraph with an afternoon or later hour
    for i, (item, future) in enumerate(found):
        v = item.value
        if not _clock_hour(v):
            continue
        if last is not None and (item.cstart - found[last[0]][0].cend > SEQUENCE_CHARS
                                 or _PARAGRAPH_END in normalized[found[last[0]][0].cend:item.cstart]):
            last = None
        if v.pod is None and v.hour is not None and 1 <= v.hour < 12 and last is not None:
            before = last[1]
            hour = hour_with_pod(v.hour, before.pod)
            if hour is not None and 0 <= (hour * 60 + (v.minute or 0)) - (before.hour * 60 + (before.minute or 0)) \
                    <= SEQUENCE_HOURS * 60:
                v = v.with_(hour=hour, pod=before.pod)
                out[i] = (Item(item.cls, v, item.start, item.end, item.cstart, item.cend, item.rule + SEQUENCE,
                               item.children, item.prefix, item.weight), future)
        if v.pod in _AFTER_NOON and v.hour is not None and v.hour >= 12:
            last = (i, v)
        elif v.pod is not None or (v.hour is not None and v.hour >= 12):
            last = None  # a morning, or a 24-hour clock: the order of the report is no longer known
    return out
