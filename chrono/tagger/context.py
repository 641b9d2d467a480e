"""Readings that need the clause around an expression, not only the words next to it.

The grammar sees a run of date words and its two neighbours; a few constructions are decided
further away in the same clause:

- a month or a holiday without a year in a habitual clause ('كل عام', 'سنويا', 'اعتاد') or one of
  years past ('فيما مضى', 'قديما') is every year's, not this year's: 'تتكرر في كل عام مع حلول عيد
  الفطر' dates nothing;
- so is a Hijri month or holiday listed beside a season ('في الصيف، وفي رمضان، وفي الربيع'), or
  beside a feast with a tendency verb ('خلال رمضان وأيام العيد يزداد الإقبال'), or the topic of a
  head noun ('الحكمة من شهر رمضان', 'فضل شهر رمضان');
- a bare month, weekday or holiday after advice or a wish ('ننصح بعدم زيارة المدينة في شهر
  يونيو', 'نريد أن نلعب في يوم الجمعة') is any such one;
- 'سابقا' closing a title ('عضو مجلس الشورى سابقا', 'مدير العيادات الخارجية سابقا') means former,
  not 'previously' (PAST_REF);
- 'هذا اليوم' alone after a sentence that names a day ('يوم العيد ... ففي هذا اليوم يتبادل الجميع
  التهاني') is that day, not today;
- a dialect day in reported words ('قالت: «انتي بكره حتكوني ممثلة كبيرة»') is the speaker's day.

Some are read again with what the text says further off: a bare year of the Hijri range in a text
that writes no Gregorian year ('كانت نسخته الأولى في صيف 1434') is Hijri; a day and month take the
year written after their place ('ولد في 19 ذي الحجة بمدينة الرياض عام 1293'); a time after an event
with a hedge between ('بعد أربعة أيام فقط من إعادة انتخابه') is a duration.

These drop the expression (a false date is worse than a missing one). And one is read again:

- 'هذا الشهر' in a sentence that names Ramadan or its fast ('وجعلنا من عتقاء شهر رمضان، ومن الذين
  كتب لهم أجر صيام هذا الشهر') is that Ramadan, not the Gregorian month of the anchor.

    >>> from chrono.tagger import find_expressions
    >>> [e.item.value.canonical() for e in find_expressions("يجتمع الاقتصاديون في يوليو من كل عام")]
    []
    >>> [e.item.value.canonical() for e in find_expressions("حذر رئيس أركان الجيوش سابقا من الفوضى")]
    []
"""
from __future__ import annotations

import re
from typing import Optional

from chrono.lexicon import LEXICON
from chrono.normalize import ARTICLE, normalize_word
from chrono.tagger.engine import Item
from chrono.tagger.grammar.base import is_yearless_month_or_holiday, readings
from chrono.tagger.grammar.quantities import Qty
from chrono.tagger.tense import clause_tense, has_future_cue, word_tense
from chrono.tagger.values import TimeValue

_WORD = re.compile(r"[\u0621-\u064a]+")
# Where a clause ends: a habitual word or a title does not reach across these.
_CLAUSE_END = re.compile(r"[.!?\n؛;:،,()\"]")
CLAUSE_WORDS = 10  # how far (in words, each side) a habitual word is looked for
TITLE_WORDS = 6  # how many words before 'سابقا' a title may stand


Phrases = dict[str, list[tuple[str, ...]]]  # normalized phrases by their first word


def _phrases(role: str) -> Phrases:
    """The lexicon's phrases of a guard list, normalized, by their first word (what a word's
    readings are met with)."""
    by_first: Phrases = {}
    for form in sorted(LEXICON.guard_words[role]):
        phrase = tuple(normalize_word(w) for w in form.split())
        by_first.setdefault(phrase[0], []).append(phrase)
    return by_first


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
    date nothing (habitual months and holidays, former titles), with 'هذا الشهر' read as Ramadan
    where its sentence names Ramadan."""
    hijri_text = _writes_hijri_years(normalized) if any(_bare_hijri_range_year(item) for item, _ in found) else False
    found = [(_as_nowadays(_as_ramadan(_counted_from_event(item, future, normalized), found, normalized), normalized),
              future) for item, future in found]
    if hijri_text:
        found = [(_as_hijri_year(item), future) for item, future in found]
    found = _with_coordinated_years(_with_years_after_a_place(found, normalized), normalized)
    return [(item, future) for item, future in found
            if not (_habitual(item, normalized) or _former_title(item, normalized) or _family_name(item, normalized)
                    or _dialect_in_speech(item, normalized) or _time_of_the_day(item, normalized)
                    or _anaphoric_this_day(item, found, normalized) or _in_advice(item, normalized)
                    or _cited_page(item, normalized) or _cut_year(item, normalized))]


# -- minutes and hours after an event ---------------------------------------------------------------
_UNIT_LATER = "ar.relative.unit_later"
_WITHIN_A_DAY = frozenset({"second", "minute", "hour"})
FROM_EVENT = "+from_event"  # the rule suffix of a 'بعد عشر دقائق' read as a duration


_ON = normalize_word("على")


def _counted_from_event(item: Item, future: bool, normalized: str) -> Item:
    """'وعاد الرئيس بعد عشر دقائق', 'وبعد ساعتين سمح للطائرات بالإقلاع', 'وبعد 3 دقائق أضيفي السكر':
    seconds, minutes or hours after something, in a clause told as past or at the head of its
    clause (a step of a story or a recipe), count from an event of the text, not from the day of
    writing: the duration (PT10M), not a date; so does a travel time ('على بعد ساعة بالسيارة').
    A clause told as coming keeps the date ('سيصل الوفد بعد ساعتين', 'تنطلق القافلة بعد 48
    ساعة'), and so does a news verb in the present before it ('يصل الوفد بعد 72 ساعة')."""
    if item.rule != _UNIT_LATER:
        return item
    units = [c.value for c in item.children if c.cls == "qty"]
    if not units:
        return item
    q = units[0]
    if _from_an_event_after(normalized, item.cend):
        return _as_duration(item, q)
    if future:
        return item
    tense = clause_tense(normalized, item.cstart, item.cend)
    if q.unit not in _WITHIN_A_DAY:
        # days or weeks after something told as past: 'وعاد إلى بلاده بعد خمسة أيام' counts from the
        # story, never past the day of writing
        if q.unit not in _DAYS_AND_WEEKS or tense != "past":
            return item
        return _as_duration(item, q)
    before, _ = _clause_words(normalized, item.cstart, item.cend)
    if tense == "future" or not (tense == "past" or _heads_its_clause(before) or (before and before[-1] == _ON)):
        return item
    return _as_duration(item, q)


_DAYS_AND_WEEKS = frozenset({"day", "week"})
_HEDGES = frozenset(normalize_word(w) for w in ("فقط", "تقريبا", "تقريباً", "فحسب"))
_ON_EVENT = frozenset(normalize_word(w) for w in ("من", "على"))
_NOW = LEXICON.guard_words["now_words"]


def _from_an_event_after(normalized: str, end: int) -> bool:
    """'سيترك منصبه بعد أربعة أيام فقط من إعادة انتخابه': a hedge ('فقط', 'تقريبا') between the
    quantity and 'من' or 'على' + an event still counts the time from that event (the grammar's
    'بعد أربعة أيام من' rule sees only the next word); 'بعد أسبوع فقط من الآن' stays a date."""
    words = _WORD.findall(normalized, end, end + 60)[:3]
    return (len(words) == 3 and words[0] in _HEDGES and words[1] in _ON_EVENT
            and not readings(words[2]) & _NOW)


def _as_duration(item: Item, q: Qty) -> Item:
    """The quantity of 'بعد عشر دقائق' as the duration it is (PT10M)."""
    return Item(item.cls, TimeValue(kind="duration", unit=q.unit, amount=float(q.amount), mod=item.value.mod),
                item.start, item.end, item.cstart, item.cend, item.rule + FROM_EVENT, item.children, item.prefix,
                item.weight)


# -- a bare year of the Hijri range in a text that writes no Gregorian year ----------------------------
_BARE_YEAR_RULES = frozenset({"ar.date.year_intro", "ar.date.year_in", "ar.season.year", "ar.season.of_year"})
HIJRI_YEARS = range(1340, 1451)  # 1921-2029: the Hijri years of modern news; Gregorian, the Middle Ages
_GREGORIAN_EVIDENCE = re.compile(r"(?<![0-9])(?:1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])|"  # a year 1500-2099
                                 r"(?<![0-9])[0-9]{3,4}\s?م(?![\u0621-\u064a])")  # or one marked م


def _bare_hijri_range_year(item: Item) -> bool:
    """'عام 1396', 'صيف 1434', 'في 1432': a year written without its calendar, in HIJRI_YEARS."""
    v = item.value
    return (item.rule in _BARE_YEAR_RULES and v.kind == "date" and v.calendar == "gregorian" and not v.bc
            and v.year in HIJRI_YEARS and v.month is None and v.day is None and not v.range_start)


def _writes_hijri_years(normalized: str) -> bool:
    """Whether the text writes no year a Gregorian reader would (1500-2099, or any year marked
    'م'): its bare years of the Hijri range are then Hijri ('ولد بالرياض عام 1396', 'كانت نسخته
    الأولى في صيف 1434' in a Saudi page that counts its years so). A text that names 2015 or
    '1453م' anywhere keeps them Gregorian ('ولد كوبرنيك في عام 1473 وتوفي في عام 1543')."""
    return _GREGORIAN_EVIDENCE.search(normalized) is None


def _as_hijri_year(item: Item) -> Item:
    """The bare year (and its season) read in the Hijri calendar: 'صيف 1434' → the summer of 1434 AH (2013)."""
    if not _bare_hijri_range_year(item):
        return item
    v = item.value
    return Item(item.cls, TimeValue(calendar="hijri", hijri_year=v.year, season=v.season, mod=v.mod), item.start,
                item.end, item.cstart, item.cend, item.rule + HIJRI_TEXT, item.children, item.prefix, item.weight)


HIJRI_TEXT = "+hijri_text"  # the rule suffix of a bare year read as Hijri by its text


# -- 'من اليوم' after a time of it ------------------------------------------------------------------------
_TIME_NOUNS = LEXICON.guard_words["time_of_day_nouns"]
_OF = normalize_word("من")


def _time_of_the_day(item: Item, normalized: str) -> bool:
    """'في وقت محدد من اليوم', 'في وقت جيد من اليوم', 'يواصلون السهر حتى ساعات متأخرة من اليوم': a
    time noun (and its adjective) then 'من اليوم' is a time of any day, not of today ('في وقت لاحق من
    اليوم', the grammar's moment of today, is read whole before this)."""
    if item.rule != _TODAY_RULE or item.value.rel_offset != 0 or item.value.weekday is not None:
        return False
    before, _ = _clause_words(normalized, item.cstart, item.cend)
    if len(before) < 2 or before[-1] != _OF:
        return False
    return any(readings(w) & _TIME_NOUNS for w in before[-3:-1])


# -- a dialect day in reported words -----------------------------------------------------------------
_DIALECT_DAYS = LEXICON.guard_words["dialect_day_words"]
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
SPEECH_CHARS = 300  # how far back in its paragraph an open quotation or a colon is looked for


def _dialect_in_speech(item: Item, normalized: str) -> bool:
    """'قالت: «انتي بكره حتكوني ممثلة كبيرة»', 'قال المخرج: بعد بكره، سيصلك أمر التصوير': a dialect
    day ('بكرة', 'مبارح') inside quotation marks, or after the colon of reported words in its
    sentence, is a day of the speaker's story, not of the writing; a dialect day the writer tells
    ('بيوصل الوفد بكرة على بيروت') keeps it."""
    if item.value.kind not in ("date", "time") or item.value.rel_unit != "day":
        return False
    if not any(readings(w) & _DIALECT_DAYS for w in _WORD.findall(normalized, item.cstart, item.cend)):
        return False
    lo = max(0, item.cstart - SPEECH_CHARS)
    paragraph = normalized.rfind("\n", lo, item.cstart)
    before = normalized[max(lo, paragraph + 1):item.cstart]
    opened = max(before.rfind(q) for q in _OPEN_QUOTES)
    if opened > max(before.rfind(q) for q in _CLOSE_QUOTES) or before.count('"') % 2 == 1:
        return True
    stop = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    return _SPEECH_COLON.search(before, stop) is not None


_SPEECH_COLON = re.compile(r"(?<![0-9]):(?![0-9])")  # not the colon of a clock ('2:46 صباح اليوم')


# -- months joined by و share the year or cue written after the last ---------------------------------
_JUST_AND = re.compile(r"\s*و\s*")
COORDINATED = "+coordinated_year"  # the rule suffix of a month that took the year of the month after it


def _with_coordinated_years(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """'مقارنة مع يناير وفبراير من العام الماضي', 'في مارس وأبريل المقبلين', 'يناير وفبراير 2014': a
    month without its year, joined by و to a month that has one (or a cue), shares it: January of
    last year, the coming March, January 2014; not the anchor's."""
    out = list(found)
    for i in range(len(found) - 2, -1, -1):  # right to left: 'يناير وفبراير ومارس 2014' passes it on
        (item, future), (nxt, _) = out[i], out[i + 1]
        v, w = item.value, nxt.value
        if not _bare_gregorian_month(v) or not _JUST_AND.fullmatch(normalized, item.cend, nxt.cstart):
            continue
        if w.kind != "date" or w.calendar != "gregorian" or w.month is None or w.range_start or w.mod:
            continue
        if w.year is None and w.cue is None and w.rel_unit != "year":
            continue
        value = v.with_(year=w.year, cue=w.cue, rel_unit=w.rel_unit if w.rel_unit == "year" else None,
                        rel_offset=w.rel_offset if w.rel_unit == "year" else None)
        out[i] = (Item(item.cls, value, item.start, item.end, item.cstart, item.cend, item.rule + COORDINATED,
                       item.children, item.prefix, item.weight), future)
    return out


def _bare_gregorian_month(v) -> bool:
    """'يناير', 'شهر مارس': a Gregorian month with no day, year, cue or offset."""
    return (v.kind == "date" and v.calendar == "gregorian" and v.month is not None and v.day is None
            and v.year is None and v.cue is None and not v.rel_unit and not v.mod and not v.range_start)


# -- a date, a place, then its year ---------------------------------------------------------------------
_YEAR_WORDS = frozenset(normalize_word(w) for w in ("عام", "العام", "سنة", "السنة", "لعام"))
_PLACE_OPENERS = frozenset(normalize_word(w) for w in ("في", "قرب", "داخل", "شمال", "جنوب", "شرق", "غرب"))
PLACE_WORDS = 4  # how many words a place may take between a date and its year
_GAP_BREAK = re.compile(r"[.!?\n؛;:،,()\"«»]")


def _with_years_after_a_place(found: list[tuple[Item, bool]], normalized: str) -> list[tuple[Item, bool]]:
    """'ولد الملك في 19 ذي الحجة بمدينة الرياض عام 1293', 'ولد في 10 أبريل بمدينة القاهرة عام
    1932': a day or month without its year, then a place (a preposition and at most PLACE_WORDS
    words, no comma), then 'عام' + year: the year is the date's (19 Dhu al-Hijja 1293, 1932-04-10),
    not the anchor's. 'ولد في 10 أبريل وتوفي عام 1990' (a verb between) keeps them apart."""
    out = list(found)
    for i in range(len(found) - 1):
        (item, future), (nxt, _) = found[i], found[i + 1]
        year = _year_of(nxt.value, item.value.calendar)
        if year is None or not _yearless_day_or_month(item.value) or not _a_place_between(normalized, item, nxt):
            continue
        words = _WORD.findall(normalized, nxt.cstart, nxt.cend)
        if not words or not readings(words[0]) & _YEAR_WORDS:
            continue
        v = item.value
        value = v.with_(hijri_year=year) if v.calendar == "hijri" else v.with_(year=year)
        out[i] = (Item(item.cls, value, item.start, item.end, item.cstart, item.cend, item.rule + YEAR_AFTER_PLACE,
                       item.children, item.prefix, item.weight), future)
    return out


YEAR_AFTER_PLACE = "+year_after_place"  # the rule suffix of a date that took the year written after its place


def _yearless_day_or_month(v) -> bool:
    if v.kind != "date" or v.cue or v.rel_unit or v.range_start or v.mod or v.year is not None:
        return False
    if v.calendar == "hijri":
        return v.hijri_year is None and v.hijri_month is not None and v.holiday is None
    return v.month is not None


def _year_of(v, calendar: str) -> Optional[int]:
    """The year of a year expression in `calendar` ('عام 1293 / 1876' has both), else None."""
    if v.kind != "date" or v.rel_unit or v.month is not None or v.hijri_month is not None or v.season or v.mod:
        return None
    return v.hijri_year if calendar == "hijri" else (v.year if v.calendar == "gregorian" else None)


def _a_place_between(normalized: str, item: Item, nxt: Item) -> bool:
    gap = normalized[item.cend:nxt.cstart]
    words = _WORD.findall(gap)
    if not words or len(words) > PLACE_WORDS or _GAP_BREAK.search(gap):
        return False
    first = words[0]
    return (first in _PLACE_OPENERS or first.startswith("ب")) and not any(w.startswith("و") for w in words)


# -- a year of this century with its last digit lost ----------------------------------------------
_CUT_YEARS = range(200, 210)  # '201' of 'العام 201م' is 201x cut short
_THIS_CENTURY_YEAR = re.compile(r"(?<![0-9])20[0-9]{2}(?![0-9])")
CUT_YEAR_REACH = 150  # characters on either side where the sentence's full year is looked for
_FULL_STOP = re.compile(r"[!?\n]|\.(?![0-9])")  # not the point of '54.3 ألف'


def _cut_year(item: Item, normalized: str) -> bool:
    """'بلغ عدد المشتركين 54 ألفا في العام 2013م، بزيادة عما كان عليه في العام 201م': a year 200-209
    beside a year of this century in its sentence is that year with its last digit lost (a typo),
    not the third century: it dates nothing ('عام 303م' and a lone 'سنة 205م' of a history stay)."""
    v = item.value
    if v.kind != "date" or v.year not in _CUT_YEARS or v.bc or v.month is not None or v.calendar != "gregorian":
        return False
    lo = max((m.end() for m in _FULL_STOP.finditer(normalized, max(0, item.cstart - CUT_YEAR_REACH), item.cstart)),
             default=max(0, item.cstart - CUT_YEAR_REACH))
    stop = _FULL_STOP.search(normalized, item.cend, item.cend + CUT_YEAR_REACH)
    hi = stop.start() if stop else min(len(normalized), item.cend + CUT_YEAR_REACH)
    return bool(_THIS_CENTURY_YEAR.search(normalized, lo, item.cstart)
                or _THIS_CENTURY_YEAR.search(normalized, item.cend, hi))


# -- a volume and page that look like a month and year -----------------------------------------------
_NUMERIC_MONTH_YEAR = "ar.date.numeric_month_year"
_CITATION_NOUNS = LEXICON.guard_words["citation_nouns"]
_CITATION_BREAKERS = LEXICON.guard_words["citation_breakers"]
CITATION_WORDS = 4  # how many words may stand between a citation noun and 'n/p' (a title)
OLD_CITED_PAGE = 1900  # in a bracket opened on a title, 'n/p' with p below this cites a page
_CITE_TOKEN = re.compile(r"[\u0621-\u064a]+|[(\[]|[^\s\u0621-\u064a\d]")


def _cited_page(item: Item, normalized: str) -> bool:
    """'المجلد 3/1150', '(في كتاب العظمة 4/1273)', 'ج 2/345': a citation noun up to four words
    before the pair, or a bracket opened on a title that the pair closes ('(تاريخ الطبري 3/1150)',
    page below 1900), cites a volume and page, not a month. A date word right before the pair keeps
    the date ('صدر الكتاب في 4/2015', 'بتاريخ 4/2015')."""
    if item.rule != _NUMERIC_MONTH_YEAR:
        return False
    tokens = _CITE_TOKEN.findall(normalized, max(0, item.cstart - 80), item.cstart)
    if not tokens or readings(tokens[-1]) & _CITATION_BREAKERS:
        return False
    for words, token in enumerate(reversed(tokens[-(CITATION_WORDS + 1):])):
        if token in "([":
            closed = normalized[item.cend:item.cend + 2].lstrip().startswith((")", "]"))
            year = item.value.year
            return bool(words) and closed and year is not None and year < OLD_CITED_PAGE
        if not token[:1].isalpha():
            return False  # other punctuation: what stands before is no title
        if readings(token) & _CITATION_NOUNS:
            return True
    return False


# -- 'هذا اليوم' that is a day told before ----------------------------------------------------------
_BARE_THIS_DAY = "ar.relative.this_day"
_DAY_ANTECEDENTS = LEXICON.guard_words["day_antecedent_words"]
ANTECEDENT_SENTENCES = 2  # the sentence of 'هذا اليوم' and the one before it
_ANTECEDENT_CHARS = 600


def _anaphoric_this_day(item: Item, found: list[tuple[Item, bool]], normalized: str) -> bool:
    """'هذا اليوم' alone is the day its text just named, not today: 'وفرت الجالية الإفطار يوم العيد.
    ففي هذا اليوم يتبادل الجميع التهاني', 'في مثل هذا اليوم' (another year's), 'في هذا اليوم من كل
    عام' (every year's). It stays today where nothing before it in its sentence or the one before
    names a day ('توقعت الأرصاد في تقريرها عن حالة الطقس لهذا اليوم') or what it names is today."""
    if item.rule != _BARE_THIS_DAY:
        return False
    lo = _sentences_back(normalized, item.cstart, ANTECEDENT_SENTENCES)
    before, after = _WORD.findall(normalized, lo, item.cstart), _clause_words(normalized, item.cstart, item.cend)[1]
    if _has_phrase(after[:4], _HABITUAL) or any(readings(w) & _DAY_ANTECEDENTS for w in before):
        return True
    return any(lo <= other.cstart and other.cend <= item.cstart and _names_another_day(other.value)
               for other, _ in found)


def _sentences_back(normalized: str, start: int, n: int, spoken: bool = False) -> int:
    """Where the n-th sentence back from `start` (its own sentence is the first) begins; `spoken`:
    only sentences with a word count ('مضى زمن كنا نتبرع .. .. اليوم': the dots hold none)."""
    lo = max(0, start - _ANTECEDENT_CHARS)
    ends = [m.end() for m in _SENTENCE_END.finditer(normalized, lo, start)]
    if spoken:
        # not strict: with no sentence end, `ends` is empty and the other side holds `start` alone
        ends = [e for e, nxt in zip(ends, ends[1:] + [start], strict=False) if _WORD.search(normalized, e, nxt)]
    return ends[-n] if len(ends) >= n else lo


def _names_another_day(v) -> bool:
    """A day other than today: 'أمس', 'الخميس', '28 أكتوبر', 'عيد الفطر' (not 'اليوم')."""
    if v.kind not in ("date", "time") or v.range_start:
        return False
    if v.rel_unit == "day":
        return bool(v.rel_offset)
    return v.rel_unit is None and (v.weekday is not None or v.day is not None or v.hijri_day is not None)


# -- 'اليوم' that is nowadays ------------------------------------------------------------------------
_TODAY_RULE = "ar.relative.day"
_NO_LONGER = _phrases("no_longer_cues")
_STILL = _phrases("still_cues")
_UP_TO = frozenset(normalize_word(w) for w in ("إلى", "الى", "حتى", "لحد"))
_PAST_CONTRAST = [(phrase, kind) for role, kind in (("past_era_cues", "era"), ("past_state_cues", "state"))
                  for phrases in _phrases(role).values() for phrase in phrases]
_EXISTENTIAL = LEXICON.guard_words["existential_words"]
_NOWADAYS_VERBS = LEXICON.guard_words["nowadays_verbs"]
_RELATIVES = LEXICON.guard_words["relative_words"]
STATE_GAP = 2  # words that may stand between the verb of a state and 'اليوم' ('ما يحدث بيننا اليوم')
_CLAUSE_HEADS = frozenset(normalize_word(w) for w in ("و", "ف", "لكن", "ولكن", "اما", "بينما", "الا", "ثم"))
_AFTER_PAST = frozenset(normalize_word(w) for w in ("قد", "لقد"))  # 'كان الوزير قد أعلن': news, no contrast
_OTHER_DAYS = frozenset(normalize_word(w) for w in ("أمس", "البارحة", "غدا", "غد", "بكرة", "بكره"))
STILL_WORDS = 6  # how far (in words, each side) a 'no longer' or 'still' is looked for
TENSE_WORDS = 5  # how many words after a clause-heading 'اليوم' may date it
NOWADAYS = "+clause_nowadays"  # the rule suffix of a today read as nowadays


def _as_nowadays(item: Item, normalized: str) -> Item:
    """'اليوم' alone as PRESENT_REF where its clause speaks of nowadays, not of the day of writing:
    a state that no longer holds ('مذهب لم يعد له أتباع اليوم') or still holds to this day ('ما
    زالت القضية معلقة إلى اليوم'); or 'اليوم' heading its clause with no dated verb after it, against
    a past told just before ('كانت القرية تعيش على الصيد. واليوم تعتمد على السياحة') or with what
    there is now ('واليوم هناك قناعة بأن ...'). A verb of the day keeps today ('كان الاجتماع مغلقا،
    واليوم أعلنت الوزارة ...', 'واليوم سيلتقي الوفد ...', 'اليوم حاولنا'), and so does another day
    of its sentence ('اليوم نحتفل، وغدا نواصل العمل'); 'لا تزال الحرارة مرتفعة اليوم' is today's."""
    v = item.value
    if _to_this_day(item, normalized):
        return _present(item)
    if item.rule != _TODAY_RULE or v.rel_offset != 0 or v.weekday is not None or v.pod is not None:
        return item
    before, after = _clause_words(normalized, item.cstart, item.cend)
    if _unlike_the_past_after(normalized, item.cend):
        return _present(item)
    near = before[-STILL_WORDS:] + after[:STILL_WORDS]
    # 'لا يزال نحو 230 ألف شخص مشردين إلى اليوم': the 'still' of a 'to this day' may stand further back
    if not (_has_phrase(near, _NO_LONGER)
            or (bool(before) and before[-1] in _UP_TO and _has_phrase(before[-CLAUSE_WORDS:], _STILL))
            or _state_in_relative_clause(before)
            or (_heads_its_clause(before) and _set_against_the_past(normalized, item, after[:TENSE_WORDS]))):
        return item
    return _present(item)


def _state_in_relative_clause(before: list[str]) -> bool:
    """'المصاعب التي تواجه اليمنيين اليوم', 'وما يحدث بيننا اليوم', 'أكثر مما يستطيعون اليوم': a
    verb of a state in the present, heading a relative clause, at most STATE_GAP words before
    'اليوم'. Event verbs ('الجولة التي تبدأ اليوم', 'الاتفاقية التي نوقعها اليوم') are not listed."""
    for k in range(max(1, len(before) - STATE_GAP - 1), len(before)):
        if _is_state_verb(before[k]) and readings(before[k - 1]) & _RELATIVES:
            return True
    return False


_OBJECT_SUFFIXES = ("ها", "هم", "نا", "ون", "ه")  # 'نواجهها', 'ينقصنا', 'يستطيعون', 'يراه'


def _is_state_verb(word: str) -> bool:
    return word in _NOWADAYS_VERBS or any(
        word.endswith(s) and word[:-len(s)] in _NOWADAYS_VERBS for s in _OBJECT_SUFFIXES)


def _present(item: Item) -> Item:
    return Item(item.cls, TimeValue(kind="ref", ref="PRESENT_REF"), item.start, item.end, item.cstart, item.cend,
                item.rule + NOWADAYS, item.children, item.prefix, item.weight)


_UNLIKE_THE_PAST = _phrases("unlike_the_past")
UNLIKE_WORDS = 12  # how far after 'اليوم' in its sentence an 'unlike the past' is looked for


def _unlike_the_past_after(normalized: str, end: int) -> bool:
    """'يتم اليوم تجنيد الشباب عبر الإنترنت بخلاف الماضي': the sentence sets 'اليوم' against the past."""
    stop = _SENTENCE_END.search(normalized, end, end + 200)
    words = _WORD.findall(normalized, end, stop.start() if stop else min(len(normalized), end + 200))
    return _has_phrase(words[:UNLIKE_WORDS], _UNLIKE_THE_PAST)


_UNTIL_RULE = "ar.range.until"


def _to_this_day(item: Item, normalized: str) -> bool:
    """'ما زالت القضية معلقة حتى اليوم', 'مايزال يثير التساؤل حتى اليوم': 'حتى اليوم' after a state
    that still holds is to this day (PRESENT_REF), not a span that ends on the day of writing;
    'استمر الاعتصام حتى اليوم' (no 'still') keeps it."""
    v = item.value
    if (item.rule != _UNTIL_RULE or v.kind != "date" or v.rel_unit != "day" or v.rel_offset != 0
            or v.weekday is not None or v.pod is not None or not any(c.rule == _TODAY_RULE for c in item.children)):
        return False
    before, _ = _clause_words(normalized, item.cstart, item.cend)
    return _has_phrase(before[-CLAUSE_WORDS:], _STILL)


def _heads_its_clause(before: list[str]) -> bool:
    """Nothing but a conjunction stands before it in its clause: '. واليوم', '، لكن اليوم'."""
    return not before or (len(before) == 1 and before[0] in _CLAUSE_HEADS)


def _set_against_the_past(normalized: str, item: Item, after: list[str]) -> bool:
    """Whether a clause-heading 'اليوم' tells what is now against what was, or what there is now:
    no past verb or future cue after it, a past told before it (or 'هناك', 'توجد' after it), and
    no other day in its sentence. After a plain 'كان' (not an era: 'في الماضي', 'مضى زمن'), a verb
    in the first person plural past dates it too ('اليوم التقينا'; 'لدينا' is no verb)."""
    if any(word_tense(w) for w in after) or _other_day_in_sentence(normalized, item.cstart, item.cend):
        return False
    past = _past_told_before(normalized, item.cstart)
    if past == "era":
        return True
    if any(len(w) >= 5 and w.endswith("نا") and w not in _EXISTENTIAL for w in after):
        return False
    return past is not None or (bool(after) and after[0] in _EXISTENTIAL)


def _past_told_before(normalized: str, start: int) -> Optional[str]:
    """'era' when the sentence before 'اليوم' or the one before it names a time past ('في الماضي',
    'مضى زمن', 'قديما'), 'state' when it tells a past state ('كانت', 'لم يكن'; not the news
    pluperfect 'كان الوزير قد أعلن'), else None."""
    words = _WORD.findall(normalized, _sentences_back(normalized, start, ANTECEDENT_SENTENCES, spoken=True), start)
    found = None
    for i in range(len(words)):
        for phrase, kind in _PAST_CONTRAST:
            here = words[i:i + len(phrase)]
            if len(here) == len(phrase) and phrase[0] in readings(here[0]) and tuple(here[1:]) == phrase[1:]:
                if kind == "era":
                    return kind
                if not _AFTER_PAST.intersection(words[i + len(phrase):i + len(phrase) + 3]):
                    found = kind
    return found


def _other_day_in_sentence(normalized: str, start: int, end: int) -> bool:
    """'أمس' or 'غدا' in the sentence: 'اليوم نحتفل، وغدا نواصل' sets days against each other."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(normalized, max(0, start - 300), start)), default=0)
    stop = _SENTENCE_END.search(normalized, end, end + 300)
    hi = stop.start() if stop else min(len(normalized), end + 300)
    return any(readings(w) & _OTHER_DAYS for w in _WORD.findall(normalized, lo, hi))


# -- 'هذا الشهر' that is Ramadan -------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?\n]+")  # a run ("..", ".\n") ends one sentence
_THIS_MONTH_WORDS = frozenset(normalize_word(w) for w in ("هذا",))
_RAMADAN = 9
_RAMADAN_WORDS = frozenset(normalize_word(f) for m in LEXICON.data.hijri_months if m.month == _RAMADAN
                           for f in m.forms) | LEXICON.guard_words["fasting_words"]
_RAMADAN_BOUNDS = LEXICON.guard_words["ramadan_bounds"]
SENTENCE_RAMADAN = "+sentence_ramadan"  # the rule suffix of a 'هذا الشهر' read as Ramadan


def _as_ramadan(item: Item, found: list[tuple[Item, bool]], normalized: str) -> Item:
    """'هذا الشهر' (this month, with its demonstrative: not 'الشهر الجاري') as Ramadan when its
    sentence names Ramadan ('رمضان', 'شهر الصوم') or its fast ('صيام', 'الصائمين') before it:
    'يحرص الصائمون على الإفطار مع الأسرة في هذا الشهر' → Ramadan. Not 'بعد انتهاء رمضان ... هذا
    الشهر' (Ramadan as a bound: another month), nor a Ramadan named after it."""
    v = item.value
    if v.kind != "date" or v.rel_unit != "month" or v.rel_offset != 0 or v.mod or v.day:
        return item
    words = _WORD.findall(normalized, item.cstart, item.cend)
    if not words or not readings(words[0]) & _THIS_MONTH_WORDS:
        return item
    lo = max((m.end() for m in _SENTENCE_END.finditer(normalized, max(0, item.cstart - 400), item.cstart)),
             default=max(0, item.cstart - 400))
    named = [(m.start(), m.end()) for m in _WORD.finditer(normalized, lo, item.cstart)
             if readings(m.group()) & _RAMADAN_WORDS]
    named += [(other.cstart, other.cend) for other, _ in found
              if lo <= other.cstart and other.cend <= item.cstart and _is_ramadan(other.value)]
    if not any(not _told_as_bound(normalized, lo, start) for start, _ in named):
        return item
    return Item(item.cls, TimeValue(calendar="hijri", hijri_month=_RAMADAN), item.start, item.end, item.cstart,
                item.cend, item.rule + SENTENCE_RAMADAN, item.children, item.prefix, item.weight)


def _is_ramadan(v) -> bool:
    """'شهر رمضان', 'الشهر الفضيل', 'شهر الصوم' (the grammar's Ramadan, not a day of it)."""
    return v.kind == "date" and v.calendar == "hijri" and v.hijri_month == _RAMADAN and v.hijri_day is None


def _told_as_bound(normalized: str, lo: int, start: int) -> bool:
    """'بعد انتهاء رمضان', 'قبل رمضان': one of the two words before names Ramadan's end or a time
    after or before it."""
    return any(readings(w) & _RAMADAN_BOUNDS for w in _WORD.findall(normalized, lo, start)[-2:])


def _clause_words(normalized: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words of the clause before `start` (nearest last) and after `end` (nearest first)."""
    window_start = max(0, start - 200)
    lo = max((m.end() for m in _CLAUSE_END.finditer(normalized, window_start, start)), default=window_start)
    stop = _CLAUSE_END.search(normalized, end, end + 200)
    hi = stop.start() if stop else min(len(normalized), end + 200)
    return _WORD.findall(normalized, lo, start), _WORD.findall(normalized, end, hi)


def _has_phrase(words: list[str], phrases: Phrases) -> bool:
    """Whether a phrase starts at one of `words` (its first word clitics aside, the rest as
    written), not counting 'كل عام' of the greeting 'كل عام وأنتم بخير'. Each word's readings are
    made once and met with the phrases' first words (most words begin none)."""
    for i, word in enumerate(words):
        for first in readings(word) & phrases.keys():
            for phrase in phrases[first]:
                end = i + len(phrase)
                if end <= len(words) and tuple(words[i + 1:end]) == phrase[1:]:
                    if first == _EVERY and _GREETING_WORD in words[end:end + 3]:
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
    return (_has_phrase(before[-CLAUSE_WORDS:] + after[:CLAUSE_WORDS], _HABITUAL)
            or _in_season_list(item, normalized) or _generic_topic(item, normalized)
            or _how_question(item, normalized))


_HOW = normalize_word("كيف")
_QUESTION_END = re.compile(r"[?؟]")
_QUESTION_REACH = 200  # characters on either side where the question's start and mark are looked for


def _how_question(item: Item, normalized: str) -> bool:
    """'كيف تتناول إفطارك في رمضان؟', 'كيف ترى من يقلبون نهارهم ليلا في رمضان؟': a question of how one
    does things (a verb in the present after كيف), with no verb told as past or coming, asks of any
    Ramadan, not of this year's ('كيف استعدت الأسر لشهر رمضان؟' and 'كيف ستحتفل بالعيد؟' keep theirs)."""
    lo = max(0, item.cstart - _QUESTION_REACH)
    start = max((m.end() for m in _SENTENCE_OR_QUESTION.finditer(normalized, lo, item.cstart)), default=lo)
    mark = _SENTENCE_OR_QUESTION.search(normalized, item.cend, item.cend + _QUESTION_REACH)
    if mark is None or not _QUESTION_END.match(mark.group()):
        return False
    words = _WORD.findall(normalized, start, mark.start())
    how = [i for i, w in enumerate(words) if _HOW in readings(w)]
    if not how or how[0] + 1 >= len(words) or not words[how[0] + 1].startswith(_IMPERFECT_PREFIXES):
        return False  # 'كيف استعدت الأسر لشهر رمضان؟' asks of a past one
    return not has_future_cue(normalized, item.cstart) and not any(word_tense(w) for w in words)


_IMPERFECT_PREFIXES = ("ت", "ي", "ن")  # 'كيف تتناول', 'كيف يقضي', 'كيف نستقبل'


_SENTENCE_OR_QUESTION = re.compile(r"[.!?؟\n]")


_SEASON_FORMS = frozenset(normalize_word(f) for code, forms in LEXICON.data.seasons.items()
                          if not code.startswith("_") for f in forms)
_LIST_FILLERS = frozenset(normalize_word(w) for w in ("في", "خلال", "فصل", "و", "أيام", "موسم"))
_TOPIC_HEADS = LEXICON.guard_words["generic_topic_heads"]
_TOPIC_LINKS = frozenset(normalize_word(w) for w in ("من", "في", "عن"))
LIST_WORDS = 3  # how many words may stand between a holiday and the season listed beside it


def _in_season_list(item: Item, normalized: str) -> bool:
    """'تقام عدة مرات في العام: في الصيف، وفي رمضان، وفي الربيع': a Hijri month or holiday listed beside a season
    with no year or cue of its own is one of the times of any year. A season with its cue ('الصيف
    الماضي') is one season and does not make a list. Beside a feast ('خلال رمضان وأيام العيد'), it
    takes a tendency verb too ('يزداد الإقبال'): 'تقدم الخدمة في رمضان والعيد' may be this year's."""
    v = item.value
    if (v.start() if v.kind == "range" else v).calendar != "hijri" or normalized[item.cstart:item.cend].count(" ") > 3:
        return False  # 'قبل حفلات الصيف في شهر أغسطس' is this August
    if has_future_cue(normalized, item.cstart):
        return False  # 'ستكون الفعاليات ماتعة في إجازة العيد والصيف' is the coming Eid
    lo = max((m.end() for m in _SENTENCE_END.finditer(normalized, max(0, item.cstart - 120), item.cstart)),
             default=max(0, item.cstart - 120))
    stop = _SENTENCE_END.search(normalized, item.cend, item.cend + 120)
    before = _WORD.findall(normalized, lo, item.cstart)
    after = _WORD.findall(normalized, item.cend, stop.start() if stop else min(len(normalized), item.cend + 120))
    back = list(reversed(before))
    if _listed_next(back, True, _SEASON_FORMS) or _listed_next(after, False, _SEASON_FORMS):
        return True
    clause_before, clause_after = _clause_words(normalized, item.cstart, item.cend)
    return ((_listed_next(back, True, _FEAST_LIST) or _listed_next(after, False, _FEAST_LIST))
            and any(readings(w) & _TENDENCY for w in clause_before[-CLAUSE_WORDS:] + clause_after[:CLAUSE_WORDS]))


_FEAST_LIST = LEXICON.guard_words["feast_list_words"]
_TENDENCY = LEXICON.guard_words["tendency_verbs"]


def _listed_next(words: list[str], backwards: bool, members: frozenset) -> bool:
    """Whether the first word past the list's fillers ('في', 'وفي', 'خلال', 'أيام') is one of
    `members` with no cue after it ('الصيف' of 'في الصيف،', not of 'في الصيف الماضي')."""
    for i, word in enumerate(words[:LIST_WORDS + 1]):
        stems = readings(word)
        if stems & members:
            cue = words[i - 1] if backwards and i else (words[i + 1] if not backwards and i + 1 < len(words) else "")
            return not (cue and readings(cue) & _SEASON_CUES)
        if not stems & _LIST_FILLERS and word not in _LIST_FILLERS:
            return False
    return False


_SEASON_CUES = frozenset(normalize_word(w) for w in ("الماضي", "المقبل", "القادم", "الحالي", "الجاري", "المنصرم",
                                                     "هذا", "الفائت"))


def _generic_topic(item: Item, normalized: str) -> bool:
    """'الحكمة من شهر رمضان', 'فضل شهر رمضان', 'مقاصد عيد الأضحى', 'القيم الدينية لشهر رمضان': a
    Hijri month or holiday as the topic of a head noun is the month as such, not this year's."""
    if item.value.kind != "date" or item.value.calendar != "hijri":
        return False  # not a range of days: 'فضل العشر الأوائل من ذي الحجة' heads the coming ten days
    before = _WORD.findall(normalized, max(0, item.cstart - 40), item.cstart)[-2:]
    if before and readings(before[-1]) & _TOPIC_LINKS and len(before) == 2:
        before = before[:1]
    if "ل" in item.prefix.lstrip("وف") and len(before) == 2 and _is_adjective(before[-1]):
        before = before[:1]  # 'القيم الدينية لشهر رمضان': a head with its adjective, then ل
    return bool(before) and bool(readings(before[-1]) & _TOPIC_HEADS)


def _is_adjective(word: str) -> bool:
    """A relative adjective with its article: 'الدينية', 'الروحي'."""
    return word.startswith(ARTICLE) and word.endswith(("يه", "ي")) and len(word) > 4


_MODAL = _phrases("modal_cues")
_MODAL_FIRST = frozenset(_MODAL)
MODAL_WORDS = 8  # how far before a bare month or weekday an advice or wish word is looked for


def _in_advice(item: Item, normalized: str) -> bool:
    """'ننصح بعدم زيارة المدينة في شهر يونيو', 'نريد أن نلعب في يوم الجمعة', 'يفضل السفر في رمضان':
    a bare month, weekday or holiday after advice or a wish is any such one, not a dated one.
    Not a day of a month ('يجب تسليم الطلبات في 15 أغسطس' is a deadline)."""
    v = item.value
    bare_weekday = (v.kind == "date" and v.weekday is not None and v.day is None and v.month is None
                    and not v.rel_unit and not v.cue and not v.mod)
    month_or_holiday = (is_yearless_month_or_holiday(v) and v.day is None
                        and (v.hijri_day is None or v.holiday is not None))
    if not (bare_weekday or month_or_holiday):
        return False
    before, after = _clause_words(normalized, item.cstart, item.cend)
    before = before[-MODAL_WORDS:]
    if not any(readings(w) & _MODAL_FIRST for w in before):
        return False  # most clauses: no advice word, decided without matching phrases
    return _has_phrase(before, _MODAL) and not _has_phrase(after[:3], _THIS_YEAR)


_SURNAME_TITLES = frozenset(normalize_word(w) for w in LEXICON.guard_words["surname_titles"])
_NOT_NAMES = frozenset(normalize_word(w) for w in ("أن", "بأن", "إن", "وأن", "لأن", "أنه", "أنها", "قد", "لم", "لا"))


def _family_name(item: Item, normalized: str) -> bool:
    """'مهاجم التعاون بدر الخميس', 'الكاتب محمد السبت': a weekday alone right after a given name that
    follows a title (its team or field may stand between) is the person's family name, not a day."""
    v = item.value
    told = normalized[item.cstart:item.cend]
    if not (v.kind == "date" and v.weekday is not None and v.day is None and v.month is None and not v.rel_unit
            and not v.cue and not v.mod and not item.prefix and told.startswith(ARTICLE) and " " not in told):
        return False  # 'يوم الاثنين' is a day
    before = _WORD.findall(normalized, max(0, item.cstart - 60), item.cstart)[-3:]
    if not before or before[-1].startswith(ARTICLE) or (before[-1],) in LEXICON.words or before[-1] in _VERBS \
            or before[-1] in _NOT_NAMES:
        return False  # a given name has no article: 'وصل اللاعب إلى الرياض الخميس'
    if len(before) >= 2 and before[-2] in _SURNAME_TITLES:
        return True  # 'الكاتب محمد السبت'
    # 'مهاجم التعاون بدر الخميس': the title's team or field, with its article, between
    return len(before) == 3 and before[-3] in _SURNAME_TITLES and before[-2].startswith(ARTICLE)


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
