"""The tag stage: normalized text → the temporal expressions it holds, anchor-free.

Only runs of trigger tokens are parsed (`tokens.trigger_windows`); each run goes through the
chart parser (`engine`) with the rules of `grammar/`, the longest non-overlapping expressions are
kept, and each is returned with its original-text span and whether its clause has a future cue.
Rules never read the clock or the anchor: resolution is the next stage (`chrono.resolve`).

    >>> [e.item.value.canonical() for e in find_expressions("وصل الوزير أمس إلى الرباط")]
    ['date rel_unit=day rel_offset=-1']
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from chrono.lexicon import LEXICON, without_marks
from chrono.normalize import normalize, normalize_word, proclitic_readings
from chrono.tagger import builds  # noqa: F401 - first: it picks the parser's build before anything imports it
from chrono.tagger.context import reread_in_clause
from chrono.tagger.engine import Grammar, Item, analyze_tokens, select
from chrono.tagger.grammar import build_grammar
from chrono.tagger.grammar.dates import SAME_MONTH_RULES
from chrono.tagger.grammar.feasts import dated_by_tense_only
from chrono.tagger.grammar.relative import DAY_SHIFT_RULES
from chrono.tagger.grammar.times import hour_with_pod
from chrono.tagger.schedule import with_range_pods, with_schedule_days, with_sequence_pods
from chrono.tagger.tense import (
    FUTURE_LOOKBACK_CHARS,
    announces,
    clause_tense,
    has_future_cue,
    is_future_verb,
    names_one_eid,
    placed_by_tense,
    tense_cue,
    word_tense,
)
from chrono.tagger.tokens import trigger_windows
from chrono.tagger.values import TimeValue

_WORD_RE = re.compile(r"[\u0621-\u064a]+")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_SENTENCE_END_NOT_DECIMAL_RE = re.compile(r"[!?\n]|\.(?![0-9])")  # not the point of "183.8 مليون"
# Parsing windows: items never span more than engine.MAX_SPAN tokens, and the future-cue
# look-back (tense.py) reads 8 tokens, so the overlap covers both.
WINDOW_TOKENS = 2000
WINDOW_OVERLAP = 40

__all__ = ["Expression", "FUTURE_LOOKBACK_CHARS", "announces", "clause_tense", "day_taken_from_clause",
           "default_grammar", "find_expressions", "has_future_cue", "is_future_verb", "names_one_eid",
           "placed_by_tense", "tense_cue", "word_tense"]


class Expression:
    """A selected item with its original-text span and the tense cues of its clause: a future cue
    ('سيلتقي', 'تنطلق') or, for a value the anchor places, a past verb ('انطلقت')."""

    __slots__ = ("item", "start", "end", "future_cue", "past_cue")

    def __init__(self, item: Item, start: int, end: int, future_cue: bool, past_cue: bool = False):
        self.item, self.start, self.end, self.future_cue, self.past_cue = item, start, end, future_cue, past_cue


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    """The Arabic grammar, built once per process."""
    return build_grammar("ar")


def find_expressions(text: str, grammar: Optional[Grammar] = None) -> list[Expression]:
    """The selected expressions of `text`, in order, with original-text offsets (`grammar`: the
    default Arabic one unless given).

    Only runs of trigger tokens are parsed (tokens.trigger_windows); a long run is parsed in
    overlapping windows, so memory stays flat even on a 5 MB one-line page, and each window
    keeps the expressions that start in the part it owns."""
    grammar = grammar or default_grammar()
    words = grammar.words
    norm = normalize(text)
    found: list[tuple[Item, bool]] = []
    for tokens, own_from, own_to in trigger_windows(norm.text, words.trigger_level, WINDOW_TOKENS, WINDOW_OVERLAP,
                                                       words.head_if_next):
        for item in select(analyze_tokens(tokens, grammar), grammar, ("tv", "block")):
            if item.cls == "tv" and own_from <= item.start < own_to:
                found.append((item, has_future_cue(norm.text, item.cstart)))
    out = []
    if _SPELLINGS:
        found = [(item, future) for item, future in found if not misspelled_for_its_words(norm, item)]
    found = with_sentence_day_shifts(with_sentence_months(reread_in_clause(found, norm.text), norm.text), norm.text)
    found = with_schedule_days(with_range_pods(with_sentence_years(found, norm.text), norm.text), norm.text)
    for item, future in with_sequence_pods(with_clause_days(found, norm.text), norm.text):
        start, end = norm.span(item.cstart, item.cend)
        if dated_by_tense_only(item) and not names_one_eid(norm.text, item.cstart, item.cend, future):
            continue  # 'أيام العيد فرصة للتزاور': an Eid its clause does not place is every Eid
        past = False
        if not future and placed_by_tense(item.value):
            tense = clause_tense(norm.text, item.cstart, item.cend)
            future, past = tense == "future", tense == "past"
        out.append(Expression(item, start, end, future, past))
    return out


_SPELLINGS = LEXICON.spellings  # normalized form → (spellings it may only have, spellings it never has)
_GUARDED_HINT = re.compile("|".join(map(re.escape, sorted(_SPELLINGS)))) if _SPELLINGS else None


def misspelled_for_its_words(norm, item: Item) -> bool:
    """Whether a word of the expression, as originally written, is a spelling its lexicon form
    never has (the lexicon's `spellings`): 'ألان تيلور' (Alan Taylor) folds to 'الان' (now), 'إنسايد
    آوت' (Inside Out) to 'اوت' (August); normalisation cannot tell them apart, the original can."""
    if _GUARDED_HINT is None or not _GUARDED_HINT.search(norm.text, item.cstart, item.cend):
        return False  # most expressions: no guarded form, decided in one C scan
    for m in _WORD_RE.finditer(norm.text, item.cstart, item.cend):
        word = m.group()
        for stem, _prefix in proclitic_readings(word):
            rule = _SPELLINGS.get(stem)
            if rule is None:
                continue
            start, end = norm.span(m.start(), m.end())
            written = without_marks(norm.original[start:end])[len(word) - len(stem):]
            only, never = rule
            if (only and written not in only) or written in never:
                return True
    return False


def with_sentence_months(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A day of 'the same month' ('اعتبارا من يوم الأحد الموافق للثامن من الشهر نفسه') takes the
    month, calendar, year and cue of the last date before it in its sentence ('يوم الأحد الموافق
    للأول من شهر ذي القعدة القادم' → 8 Dhu al-Qa'da, the coming one); with none it is dropped (its
    month is not the anchor's)."""
    if not any(item.rule in SAME_MONTH_RULES for item, _ in found):
        return found
    out, source, last_end = [], None, 0
    source_future, source_tense = False, None  # the cue and tense of `source`, set with it
    for item, future in found:
        if _SENTENCE_END_RE.search(normalized, last_end, item.cstart):
            source = None
        last_end = item.cend
        v = item.value
        if item.rule in SAME_MONTH_RULES:
            if source is not None:
                cue = source.value.cue or _TENSE_CUE.get(source_tense or "")
                out.append((Item(item.cls, on_month_of(v, source.value, cue), item.start, item.end, item.cstart,
                                 item.cend, item.rule + "+sentence_month", item.children, item.prefix, item.weight),
                            source_future))
            continue
        if v.kind == "date" and not v.rel_unit and not v.range_start and (v.month or v.hijri_month):
            source, source_future = item, future
            source_tense = "future" if future else clause_tense(normalized, item.cstart, item.cend)
        out.append((item, future))
    return out


def with_sentence_day_shifts(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A day counted from the date before it ('هجوم مساء الخميس ... وانفجار قنبلة قبل ذلك بيوم', 'وفي
    اليوم التالي') takes the last day its sentence names before it, with that day's cue, shifted by its
    days (resolve counts them from the placed day: the Wednesday before that Thursday); with none it
    is dropped: counted from the day of writing it would be a false date."""
    if not any(item.rule in DAY_SHIFT_RULES for item, _ in found):
        return found
    out: list[tuple[Item, bool]] = []
    source, source_future, last_end = None, False, 0
    for item, future in found:
        if _SENTENCE_END_RE.search(normalized, last_end, item.cstart):
            source = None
        last_end = item.cend
        if item.rule in DAY_SHIFT_RULES:
            if source is not None:
                day = source.value.with_(kind="date", hour=None, minute=None, pod=None,
                                         shift_days=(source.value.shift_days or 0) + (item.value.shift_days or 0))
                out.append((Item(item.cls, day, item.start, item.end, item.cstart, item.cend,
                                 item.rule + "+sentence_day", item.children, item.prefix, item.weight), source_future))
                source = out[-1][0]
            continue
        if names_a_day(item.value):
            source, source_future = item, future
        out.append((item, future))
    return out


_TENSE_CUE = {"past": "past", "future": "future"}  # a day of a month told before is placed as that date was


def on_month_of(day, month, cue):
    """The day (and weekday) of `day` in the month of the date `month`: its calendar and year, and
    `cue` (a date without its year told in the past is placed before the anchor, in the future after)."""
    if month.calendar == "hijri":
        return TimeValue(calendar="hijri", hijri_year=month.hijri_year, hijri_month=month.hijri_month,
                         hijri_day=day.day, weekday=day.weekday, cue=cue, year=month.year)
    return TimeValue(year=month.year, month=month.month, day=day.day, weekday=day.weekday, cue=cue)


def with_sentence_years(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A day and month without a year take the year of a date written earlier in the same
    sentence, when both tell one story: 'تعود الأزمة إلى عام 2019 عندما بدأت الاحتجاجات في 17
    تشرين الأول' → 2019-10-17; 'في 25 أكتوبر 2011 ... وفي يونيو من العام ذاته' → 2011-06.
    Years back told as a point ('قبل 200 عام', 'منذ 200 عام مضت') give theirs to a day or month
    after them: 'منذ 200 عام مضت وفي العاشر من أبريل اندلعت ثورة البركان' → April 10, 200 years back.
    (HeidelTime does the same with the last mentioned year; it beats guessing from the anchor.)
    Not across brackets or dashes (an aside: 'انتهى ترشحه للعام 2012 ... (4 حزيران)', 'بلاتر - الذي
    انتخب في 1998 - منصبه في 26 فبراير'), not for a date whose own year follows it ('في أكتوبر
    عام 1983') or that recurs ('18 ديسمبر سنوياً'), and never to put it before the date that
    gave the year ('بين آب 2014 و22 حزيران')."""
    source, last_end = None, 0
    out = []
    for item, future in found:
        if _SENTENCE_END_NOT_DECIMAL_RE.search(normalized, last_end, item.cstart):
            source = None
        v = item.value
        if (v.kind == "date" and v.year is not None and v.calendar == "gregorian" and not v.rel_unit) or \
                _years_ago(item, normalized):
            source = item
        elif (source is not None and source.value.year is None and _yearless_day_or_month(v)
              and shares_the_year(source, item, normalized)):
            # 'قبل 200 عام، وفي العاشر من أبريل اندلعت ثورة البركان': that April, 200 years back
            item = Item(item.cls, v.with_(rel_unit="year", rel_offset=source.value.rel_offset), item.start, item.end,
                        item.cstart, item.cend, item.rule + "+sentence_year", item.children, item.prefix, item.weight)
        elif source is None or source.value.year is None:
            pass  # years back give a year only to a day or month (above)
        elif (v.kind in ("date", "time") and v.month is not None and v.year is None
              and v.cue is None and not v.rel_unit and v.calendar == "gregorian"
              and shares_the_year(source, item, normalized)):
            item = Item(item.cls, v.with_(year=source.value.year), item.start, item.end, item.cstart, item.cend,
                        item.rule + "+sentence_year", item.children, item.prefix, item.weight)
        elif _the_year_named_before(source, item, future, normalized):
            item = Item(item.cls, v.with_(year=source.value.year, rel_unit=None, rel_offset=None), item.start,
                        item.end, item.cstart, item.cend, item.rule + "+sentence_year", item.children, item.prefix,
                        item.weight)
        out.append((item, future))
        last_end = item.cend
    return out


_AGO_WORDS = frozenset(normalize_word(w) for w in ("مضت", "خلت", "مضى", "خلا"))
_BEFORE_WORD = normalize_word("قبل")


def _years_ago(item: Item, normalized: str) -> bool:
    """'قبل 200 عام', 'منذ 200 عام مضت': years back from the day of writing, told as a point in the past
    (a bare 'منذ 20 عاما' is most often 'for 20 years' and gives no year: 'يعمل منذ 20 عاما في
    الشركة، وفي 3 مارس أعلن استقالته' is this March)."""
    v = item.value
    if v.kind != "date" or v.rel_unit != "year" or v.rel_offset is None or v.rel_offset > -2 or v.month is not None:
        return False
    words = _WORD_RE.findall(normalized, item.cstart, item.cend)
    after = _WORD_RE.findall(normalized, item.cend, item.cend + 12)
    return bool(words) and (words[0] == _BEFORE_WORD or (bool(after) and after[0] in _AGO_WORDS))


def _yearless_day_or_month(v) -> bool:
    """'العاشر من أبريل', 'يونيو': a Gregorian day or month with no year, cue or offset of its own."""
    return (v.kind == "date" and v.month is not None and v.year is None and v.cue is None and not v.rel_unit
            and v.calendar == "gregorian" and not v.range_start)


# 'العام' and 'السنة' with the article alone: the year in focus, which a year named before may be
_THE_YEAR_WORDS = frozenset(normalize_word(w) for w in ("العام", "السنة"))
_THIS_WORDS = frozenset(normalize_word(w) for w in ("هذا", "هذه", "الحالي", "الحالية", "الجاري", "الجارية"))


def _the_year_named_before(source: Item, item: Item, future: bool, normalized: str) -> bool:
    """'بلغ الفائض في بداية عام 2014 183 مليونا، وفي نهاية العام 213 مليونا' → the end of 2014;
    'تدخلت فرنسا بداية عام 2013 ثم نهاية العام نفسه' → 2013: 'العام' (or 'السنة') with its article
    and nothing else, in a phrase of this year ('نهاية العام', 'النصف الثاني من السنة'), after a
    Gregorian year of its sentence, told as past, is that year. 'هذا العام', 'العام الحالي', an
    aside between, or a clause told as coming ('ومن المقرر أن ينتهي المشروع نهاية العام') keep
    the year of writing."""
    v = item.value
    if v.kind != "date" or v.rel_unit != "year" or v.rel_offset != 0 or v.calendar != "gregorian" or v.year:
        return False
    words = _WORD_RE.findall(normalized, item.cstart, item.cend)
    if not words or words[-1] not in _THE_YEAR_WORDS or _THIS_WORDS.intersection(words):
        return False
    if future or _ASIDE_RE.search(normalized, source.cend, item.cstart):
        return False
    return _SAME_YEAR_RE.match(normalized[item.cend:item.cend + 40]) is not None or \
        clause_tense(normalized, item.cstart, item.cend) != "future"


# What separates an aside from its sentence, and what after a date says it has its own year or recurs
_ASIDE_RE = re.compile(r"[()\[\]]|\s[-–—]\s")
_SAME_YEAR_RE = re.compile(r"\W*(?:\(?[ء-ي]+\)?\W*)?(?:من )?(?:ذات|نفس) (?:العام|السنه)|"
                           r"\W*(?:\(?[ء-ي]+\)?\W*)?(?:من )?(?:العام|السنه) (?:ذاته|نفسه|نفسها|ذاتها)")
_OWN_YEAR_RE = re.compile(r"\W*(?:\(?[ء-ي]+(?:[ /][ء-ي]+)?\)?\W*)?(?:من )?"
                          r"(?:عام|العام|سنه|لعام)?\s*\(?\s*[0-9٠-٩]{4}|\W*(?:سنويا|من كل عام|كل عام)")


def shares_the_year(source: Item, item: Item, normalized: str) -> bool:
    """Whether a date without its year ('17 تشرين الأول') takes the year of `source`, an earlier
    date of its sentence: an explicit 'من العام ذاته' always; else not across an aside, not when
    its own year or a recurrence follows it, and not when it would fall before `source`."""
    after = normalized[item.cend:item.cend + 40]
    if _SAME_YEAR_RE.match(after):
        return True
    if _ASIDE_RE.search(normalized, source.cend, item.cstart) or _OWN_YEAR_RE.match(after):
        return False
    earlier, later = source.value, item.value
    if earlier.month is None or earlier.range_start:
        return True
    return (later.month, later.day or 31) >= (earlier.month, earlier.day or 1)


def with_clause_days(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """A clock time written without its day takes the day its clause names, with the clause's
    part of day ('مساء يوم غد الأربعاء عند الساعة التاسعة' → Wednesday 21:00), else the day its
    sentence names before it ('وقع الانفجار أمس، وأعلنت الشرطة عند الساعة العاشرة ...' → yesterday
    10:00; a day further on in another clause is most often another story's: 'تبدأ الرحلة منذ
    السادسة صباحاً ... وتحديداً في السابع من شوال' of a battle, 'تعمل المكتبة من الساعة التاسعة
    ... وخصص يوما الخميس والسبت للنساء'), else it names no day: daily hours ('يفتح السوق يوميا
    من الساعة الرابعة'), timetables and stories told earlier in the text ('بدأت التجارب عند
    الساعة الثامنة' of a day named before) are not the day of writing (on 3,000 crawled
    articles, few such times were). A day the grammar does not date between them ('خلال أيام العيد
    الثلاثة فيما سيكون تخصيص اليوم الرابع للعوائل من الساعة الواحدة') is the clock's: it names no day.
    It takes the day's future cue too (the day is what it places)."""
    days = [i for i, (item, _) in enumerate(found) if names_a_day(item.value)]
    out = list(found)
    for i, (item, future) in enumerate(found):
        if not is_clock_without_day(item):
            continue
        j, same_clause = _day_of(i, found, days, normalized) if days else (None, False)
        if j is None:
            out[i] = (Item(item.cls, item.value.with_(rel_offset=None), item.start, item.end, item.cstart, item.cend,
                           item.rule + NO_DAY, item.children, item.prefix, item.weight), future)
            continue
        day, day_future = found[j]
        value = clock_on_day(item.value, day.value.start(), same_clause)
        out[i] = (Item(item.cls, value, item.start, item.end, item.cstart, item.cend, item.rule + CLAUSE_DAY,
                       item.children, item.prefix, item.weight), day_future)
    return out


CLAUSE_DAY = "+clause_day"  # the rule suffix of a clock time that took its day from its clause
NO_DAY = "+no_day"  # the rule suffix of a clock time whose sentence names no day (rel_offset None)


def day_taken_from_clause(item: Item) -> bool:
    """Whether the item's day came from another expression (with_clause_days): it repeats that
    expression and says nothing new about the day of writing."""
    return item.rule.endswith(CLAUSE_DAY)


def names_a_day(v) -> bool:
    """One calendar day a clock time may fall on: 'أمس', 'مساء يوم غد', 'الأربعاء', '24 نوفمبر', '4 شوال',
    'يوم العيد'; the days of a feast give their first ('أيام عيد الفطر ... من الساعة الثامنة')."""
    if v.kind == "range":
        return v.start().holiday is not None and v.mod is None and names_a_day(v.start())
    return (v.kind in ("date", "time") and v.hour is None and v.mod is None and not v.range_start
            and ((v.rel_unit == "day" and v.rel_offset is not None)
                 or (v.rel_unit is None and (v.weekday is not None or (v.day is not None and v.month is not None)
                                             or (v.hijri_day is not None and v.hijri_month is not None)
                                             or v.feast_day is not None))))


def is_clock_without_day(item: Item) -> bool:
    """'الساعة العاشرة', '10:30 مساءً' (the grammar puts them on the anchor day), not 'الساعة العاشرة
    صباح اليوم', which names its day."""
    v = item.value
    return (v.kind == "time" and v.hour is not None and v.rel_unit == "day" and v.rel_offset == 0
            and v.weekday is None and v.day is None and not _built_on_a_day(item))


def _built_on_a_day(item: Item) -> bool:
    return any(c.cls == "tv" and c.value.kind == "date" or _built_on_a_day(c) for c in item.children)


def clock_on_day(clock, day, same_clause: bool):
    """The clock time on that day; a clock without its own part of day takes the one its clause
    names when the hour can be in it ('مساء أمس ... الساعة التاسعة' → 21:00; not 'مساء أمس ...
    الساعة 2', which is not an evening hour)."""
    pod = clock.pod
    hour = clock.hour
    if pod is None and same_clause and day.pod and hour in _HOURS_OF[day.pod]:
        pod, hour = day.pod, hour_with_pod(hour, day.pod)
    return day.with_(kind="time", hour=hour, minute=clock.minute, pod=pod)


# The hours a 12-hour clock word may have in each part of the day
_HOURS_OF = {"MO": frozenset(range(0, 12)), "MI": frozenset((11, 12, 1, 2, 3)),
             "AF": frozenset((12, 1, 2, 3, 4, 5)), "EV": frozenset(range(4, 12)),
             "NI": frozenset((7, 8, 9, 10, 11, 12, 0, 1, 2, 3, 4))}


def _day_of(i: int, found: list[tuple[Item, bool]], days: list[int], normalized: str) -> tuple[Optional[int], bool]:
    """The day expression for clock i: the nearest in its clause (before it first), else the
    nearest before it in its sentence; and whether it is in the clause."""
    here = found[i][0]
    in_sentence, in_clause = [], []
    for j in days:
        other = found[j][0]
        lo, hi = (other.cend, here.cstart) if j < i else (here.cend, other.cstart)
        if lo > hi or _SENTENCE_END_RE.search(normalized, lo, hi):
            continue
        if j < i and _ANOTHER_DAY_RE.search(normalized, lo, hi):
            continue  # 'أيام العيد الثلاثة فيما سيكون تخصيص اليوم الرابع للعوائل من الساعة الواحدة': the fourth day's
        in_sentence.append(j)
        if not _CLAUSE_BREAK_RE.search(normalized, lo, hi):
            in_clause.append(j)
    for group, same in ((in_clause, True), (in_sentence, False)):
        before = [j for j in group if j < i]
        after = [j for j in group if j > i] if same else []
        if before or after:
            return (max(before) if before else min(after)), same
    return None, False


# A day the tagger does not date, named between a day and a clock: 'اليوم الرابع', 'يوم آخر'
_DAY_ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
                 "الأخير", "آخر", "اخر")
_ORDINAL_ALTERNATIVES = "|".join(sorted({normalize_word(w) for w in _DAY_ORDINALS}))
_ANOTHER_DAY_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]{0,2}(?:ال)?يوم (?:" + _ORDINAL_ALTERNATIVES
                             + r")(?![\u0621-\u064a])")
_CLAUSE_BREAK_RE = re.compile('[!?\n";:]|[.,](?![0-9])')  # not the comma of a clock ('6,00 صباح اليوم')
