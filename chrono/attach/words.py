"""The lexicon's event words, read once: every inflected form of an event verb or noun → its
lemma and kind ("وصلت", "يصلون", "وصول" → "وصل", arrival), speech verbs ("قال", "أكد"), kinds
one happening may be told as ("تفجير" and "مقتل"), and the word lists the clause, label and
content readers share (stop words, titles, place heads, relative pronouns, date words).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from chrono.lexicon import LEXICON
from chrono.normalize import fold, stem_word

_KINDS = LEXICON.data.event_kinds
_WORDS = LEXICON.data.events
_PAST_SUFFIXES = ("", "ت", "ا", "وا", "تا", "نا", "ها", "ه", "هم", "تم", "تما", "ن")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_IMPERFECT_SUFFIXES = ("", "ان", "ون", "ين", "ه", "ها", "هم", "ي", "وا", "ا")
_NOUN_SUFFIXES = ("", "ا", "ه", "ها", "هم", "هما", "ات", "ين", "ان")


class Lemma(NamedTuple):
    """What an event word stands for: its lemma (the past form), its kind, and whether it is a
    verb (a verb can head a clause; "وصل" yes, "وصول" no) and a light verb ("شن")."""

    key: str
    kind: str | None
    verb: bool
    light: bool = False
    past: bool = False  # a past-tense form: a conjunction before it is a clitic ("فوصل")


def _noun_forms(noun: str) -> list[str]:
    """"زيارة" → زياره, زيارته, زيارتها, …; "هجوم" → هجوم, هجوما, هجومه, …"""
    folded = fold(noun)
    stem = folded[:-1] + "ت" if folded.endswith("ه") else folded
    forms = [folded]
    for suffix in _NOUN_SUFFIXES[1:]:
        if folded.endswith("ه") and suffix in ("", "ا"):
            continue
        forms.append((stem if suffix not in ("ات",) else folded.rstrip("ه")) + suffix)
    return forms


def _past_forms(past: str) -> list[str]:
    """The past tense's persons: "وصل" → وصل، وصلت، وصلوا، …; a verb ending in a vowel drops it
    before the feminine and plural endings ("رسا" → رست، رسوا; "نفى" → نفت، نفوا)."""
    forms = [past + suffix for suffix in _PAST_SUFFIXES]
    if past[-1:] in "اي" and len(past) > 2:
        forms += [past[:-1] + suffix for suffix in ("ت", "وا", "تا")]
    return forms


def _lemma_table() -> dict[str, Lemma]:
    """Every inflected surface form (folded) → its Lemma. First listed wins a shared form."""
    table: dict[str, Lemma] = {}

    def add(form: str, lemma: Lemma) -> None:
        table.setdefault(form, lemma)

    def add_verb(verb, kind: str | None, light: bool = False) -> None:
        key = fold(verb.past)
        for form in _past_forms(key):
            add(form, Lemma(key, kind, True, light, True))
        for prefix in _IMPERFECT_PREFIXES:
            for suffix in _IMPERFECT_SUFFIXES:
                add(prefix + fold(verb.imperfect) + suffix, Lemma(key, kind, True, light))
        for noun in verb.nouns:
            for form in _noun_forms(noun):
                add(form, Lemma(key, kind, False, light))

    for name, kind in _KINDS.kinds.items():
        for verb in kind.verbs:
            add_verb(verb, name)
        for noun in kind.nouns:
            if " " not in noun.strip():
                for form in _noun_forms(noun):
                    add(form, Lemma(fold(noun), name, False))
    for verb in _KINDS.light_verbs:
        add_verb(verb, None, light=True)
    return table


def _phrase_table() -> dict[str, list[tuple[tuple[str, ...], Lemma]]]:
    """Event nouns of several words ("عملية انتحارية", "لقي مصرعه") → Lemma, by their folded
    first word."""
    table: dict[str, list[tuple[tuple[str, ...], Lemma]]] = {}
    for name, kind in _KINDS.kinds.items():
        for noun in kind.nouns:
            words = tuple(fold(w) for w in noun.split())
            if len(words) > 1:
                table.setdefault(words[0], []).append((words, Lemma(" ".join(words), name, False)))
    return table


def _noun_table() -> dict[str, Lemma]:
    """The event nouns alone, for a noun written like its verb after a preposition or the article
    ("بقصف", "والقصف": قصف is both "bombed" and "bombing")."""
    table: dict[str, Lemma] = {}
    for name, kind in _KINDS.kinds.items():
        for verb in kind.verbs:
            for noun in verb.nouns:
                for form in _noun_forms(noun):
                    table.setdefault(form, Lemma(fold(verb.past), name, False))
    for verb in _KINDS.light_verbs:
        for noun in verb.nouns:
            for form in _noun_forms(noun):
                table.setdefault(form, Lemma(fold(verb.past), None, False, True))
    return table


LEMMAS = _lemma_table()
PHRASES = _phrase_table()
_NOUNS = _noun_table()


def _speech_table() -> dict[str, Lemma]:
    """Speech verbs ("قال", "أكد"): statements, weaker triggers than any event word."""
    table: dict[str, Lemma] = {}
    for verb in _WORDS.speech_verbs:
        key = fold(verb.past)
        for form in _past_forms(key):
            table.setdefault(form, Lemma(key, "statement", True, False, True))
        for prefix in _IMPERFECT_PREFIXES:
            for suffix in _IMPERFECT_SUFFIXES:
                table.setdefault(prefix + fold(verb.imperfect) + suffix, Lemma(key, "statement", True))
    return table


SPEECH = _speech_table()
_COMPATIBLE = {name: frozenset(kind.compatible) | {name} for name, kind in _KINDS.kinds.items()}


def _families() -> dict[str, str]:
    """Each kind → the first-named kind of the group it is compatible with, directly or through
    others (signing, agreement, approval … → one family): what the merge files mentions under."""
    parent = {name: name for name in _COMPATIBLE}

    def find(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for name, others in _COMPATIBLE.items():
        for other in others:
            a, b = find(name), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {name: find(name) for name in parent}


_FAMILIES = _families()


def _folded_set(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


AUXILIARIES = _folded_set(_WORDS.auxiliaries)
STOP = _folded_set(_WORDS.stop_words)
TITLES = _folded_set(w for w in _KINDS.titles if " " not in w)
NAME_LINKS = _folded_set(_KINDS.name_links)
PLACE_HEADS = _folded_set(_KINDS.place_heads)
RELATIVES = _folded_set(_KINDS.relative_pronouns)
REPORT = _folded_set(_KINDS.report_words)
SUPPORT = _folded_set(_KINDS.support_words)
FACILITIES = frozenset(stem_word(w) for w in _KINDS.facility_heads)  # stems, as in Event.words: "قاعد"
SITE_KINDS = frozenset(_KINDS.site_kinds)
SIDE_OPENERS = _folded_set(w for w in _KINDS.side_openers if " " not in w)
_CONNECTIVES = tuple(sorted((tuple(fold(w) for w in c.split()) for c in _KINDS.connectives), key=len, reverse=True))
CONNECTIVE_WORDS = frozenset(c[0] for c in _CONNECTIVES if len(c) == 1)
CONNECTIVES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CONNECTIVES:  # longest first, as `_CONNECTIVES` is sorted
    CONNECTIVES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# Subordinators that open a clause of their own wherever they stand ("بينما", "حيث", "بعد أن").
CLAUSE_OPENERS = frozenset({"حيث", "بينما", "فيما", "عندما", "حينما", "لكن", "ولكن", "كما", "وكما", "اذ",
                             "بيد", "غير", "الا", "مما", "وبينما", "وفيما", "وحيث", "وعندما"})
PREPOSITIONS = frozenset({"في", "الى", "من", "على", "عن", "ب", "ل", "نحو", "قرب", "داخل", "شمال", "جنوب",
                           "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})
# folded as the tokens are ("إلى" → "الي", "حتى" → "حتي"), else those never match
DANGLING = frozenset(fold(w) for w in {
                       "في", "منذ", "خلال", "حتى", "قبل", "بعد", "يوم", "من", "الى", "على", "بين", "و", "عن",
                       "مع", "الذي", "التي", "ان", "حسبما", "ذي", "لدى", "عند", "مساء", "صباح", "ظهر", "فجر",
                       "ليلة", "ليل", "عصر", "نحو", "قرابة", "حوالي", "بتاريخ", "تاريخ", "الموافق", "امس",
                       "اليوم", "غدا", "الماضي", "المقبل", "الجاري", "الحالي", "يومي", "ب", "ل", "او", "ثم",
                       "عام", "العام", "سنة", "شهر", "الساعة", "الـ", "ال"})
# Superlatives that make "منذ X" a point of comparison, not a happening: "أدنى مستوى منذ فبراير
# 2009" ("أكثر/أقل" only without "من": "أكثر من 14 ألف شخص منذ 2009" counts since a start). A
# first time is not one of them: "أول رحلة منذ 25 مارس" dates the last flight before it.
COMPARISONS = frozenset(fold(w) for w in {
    "أعلى", "أدنى", "أكبر", "أصغر", "أفضل", "أسوأ", "أطول", "أقصر", "أقوى", "أضعف", "أسرع", "أبطأ",
    "أكثر", "أقل"})
COMPARISON_REACH = 6
# what a figure is compared with follows these: "مقارنة بالعام 2013", "مقابل 3.35 مليار خلال الفترة
# نفسها من العام الماضي"; a date there is the reference, not when anything happened
COMPARED_WITH = frozenset(fold(w) for w in ("مقارنة", "مقارنةً", "بالمقارنة", "قياسا", "قياساً", "مقابل"))
# Words that govern the date after them and mean nothing once it is out ("بمقدم رمضان", "مطلع
# الشهر", "عشية 18 مارس"): they leave with it.
DATE_GOVERNORS = frozenset(fold(w) for w in {
    "بمقدم", "مقدم", "قدوم", "بقدوم", "مطلع", "بمطلع", "بداية", "ببداية", "نهاية", "بنهاية", "اواخر",
    "أوائل", "منتصف", "عشية", "غداة", "حلول", "بحلول", "الفترة", "فترة", "مدار", "مدى", "طوال", "طيلة"})
# plural time nouns a date completes ("أيام الشهر الفضيل", "ليالي شهر رمضان"): they go with the
# date, unless a count makes them a duration of their own ("ثلاثة أيام", "لخمسة أيام حتى الجمعة")
PLURAL_TIMES = frozenset(fold(w) for w in ("أيام", "ليالي"))
CARDINALS = frozenset(fold(key[0]) for key, entries in LEXICON.words.items()
                      if len(key) == 1 and any(e.cls == "cardinal" for e in entries))
# Openings that name no one ("يذكر أن", "ويشار إلى أن", "جدير بالذكر أن"): no statement of anyone's,
# and no doer for what follows
_IMPERSONAL = frozenset(fold(w) for w in ("يذكر", "يشار", "تجدر", "يبدو", "يقال", "جدير", "معلوم"))


def impersonal(folded: str) -> bool:
    """An opening that names no one, its conjunction aside: "يذكر", "ويشار", "جدير", "ومعلوم"."""
    return folded in _IMPERSONAL or bare(folded) in _IMPERSONAL


# Words a label does not end on: each needs what follows ("ما أدى", "ألمش بن", "تابع", "ولم").
NEEDS_COMPLEMENT = frozenset(fold(w) for w in {
    "بن", "ابن", "بنت", "ابو", "أبو", "آل", "ما", "مما", "وما", "لم", "ولم", "لن", "ولن", "لا", "ولا",
    "قد", "وقد", "لقد", "كان", "وكان", "كانت", "أدى", "ادى", "أدت", "تابع", "تابعة", "قدرها", "قدره",
    "بمقدار", "بنسبة", "بقيمة", "نظرا", "بسبب", "لأن", "لان", "إذ", "اذ", "حيث", "عندما", "حين",
    "مقابل", "بمناسبة", "لمناسبة",
    "بعد", "قبل", "هو", "هي", "وهو", "وهي", "كل", "أي", "اي", "بعض", "إحدى", "أحد", "منها", "منهم",
    "مع", "عبر", "ضد", "لدى", "حول", "أمام", "وراء", "خلف", "تحت", "فوق", "لصالح", "بين", "إزاء",
    "بخصوص", "تجاه", "نحو", "عن", "أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها", "الا", "إلا",
    "غير", "سوى", "ذلك", "هذا", "هذه", "تلك", "عدد", "مجموعة", "عدة"})


@lru_cache(maxsize=1 << 15)
def bare(folded: str) -> str:
    """A folded word without a leading conjunction/preposition letter or article, for list lookups
    ("والذي" → "الذي", "وبينما" → "بينما"); the word itself when it is listed as written."""
    for prefix in ("وال", "فال", "بال", "و", "ف"):
        if folded.startswith(prefix) and len(folded) > len(prefix) + 1:
            rest = folded[len(prefix):]
            return ("ال" + rest) if prefix.endswith("ال") else rest
    return folded


def _date_words() -> frozenset[str]:
    """Single words of the date lexicon (months, weekdays, parts of the day, period and relative
    words, holiday names): they are never content, so "تموز" left after "17 يوليو" or a holiday's
    name is never evidence that two mentions are one happening."""
    classes = {"month", "hmonth", "weekday", "weekday_bare", "pod", "relday", "period", "shift", "part",
               "decade", "season", "ref", "set"}
    words = set()
    for key, entries in LEXICON.words.items():
        if len(key) == 1 and any(e.cls in classes or (e.cls == "kw" and e.value.startswith("holiday"))
                                 for e in entries):
            words.add(key[0])
        if any(e.cls == "kw" and e.value.startswith("holiday") for e in entries):
            words.update(key)
    return frozenset(words)


DATE_WORDS = _date_words()


def kind_of(lemma: str | None) -> str | None:
    """The kind of an event lemma ("وصل" → "arrival"), None when unknown or light."""
    if lemma is None:
        return None
    found = LEMMAS.get(lemma) or SPEECH.get(lemma)
    return found.kind if found else None


def compatible_kinds(a: str | None, b: str | None) -> bool:
    """Whether one happening may be told as kind `a` and as kind `b`: equal, listed together in
    the lexicon ("مقتل" and "تفجير"), one unknown, or a statement (it may report any happening)."""
    if a is None or b is None or "statement" in (a, b):
        return True  # a statement with no event named may report any happening
    return b in _COMPATIBLE.get(a, frozenset({a})) or a in _COMPATIBLE.get(b, frozenset({b}))


RECURRING_KINDS = frozenset(_KINDS.recurring_kinds)


def kind_family(kind: str) -> str:
    """One name for a kind and the kinds it is compatible with ("signing", "agreement" and
    "approval" → "agreement"): what the merge files mentions under, so that "توقيع اتفاق" finds
    "وقع … مذكرة تفاهم"."""
    return _FAMILIES.get(kind, kind)


def stem(word: str) -> str:
    """The matching form of a word: `chrono.normalize.stem_word` ("والإسرائيلية" → "اسراييل")."""
    return stem_word(word)


def lookup(word: str, table: dict[str, Lemma]) -> Lemma | None:
    """See `_lookup_in`; the two tables' answers are cached per written word (news repeats them)."""
    return _event_lemma(word) if table is LEMMAS else _speech_lemma(word) if table is SPEECH \
        else _lookup_in(word, table)


@lru_cache(maxsize=1 << 15)
def _event_lemma(word: str) -> Lemma | None:
    return _lookup_in(word, LEMMAS)


@lru_cache(maxsize=1 << 15)
def _speech_lemma(word: str) -> Lemma | None:
    return _lookup_in(word, SPEECH)


def _entry(table: dict[str, Lemma], form: str, noun_only: bool) -> Lemma | None:
    """`form` in `table`; written with ta marbuta, the event noun it spells rather than the verb
    form it folds like: "السيطرة" is the capture (noun), not "سيطره" (he controlled it)."""
    found = table.get(form)
    if noun_only and found is not None and found.verb and table is LEMMAS:
        return _NOUNS.get(form, found)
    return found


def _lookup_in(word: str, table: dict[str, Lemma]) -> Lemma | None:
    """The lemma of a written word, proclitics tried off: "ووصل" → وصل; "فوصل" → وصل (past), but
    "فيصل" is a name, not ف + "يصل": a conjunction ف before an imperfect is not read."""
    folded = fold(word)
    noun_only = word.endswith("ة")  # a verb never ends in ta marbuta: "وزارة" is not و + "زاره"
    found = _entry(table, folded, noun_only)
    if found and not (noun_only and found.verb):
        return found
    for prefix in ("و", "ف", "وس", "فس", "س", "ب", "ل", "لل", "وال", "بال", "فال", "ال", "وب", "ول", "لل"):
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            found = _entry(table, folded[len(prefix):], noun_only)
            if found is None or (noun_only and found.verb):
                continue
            if prefix in ("ف", "ب", "ل") and not (found.past or not found.verb):
                continue  # "فيصل", "بيان", "لتقي": a one-letter proclitic before an imperfect
            if prefix in ("ب", "ل", "لل", "وال", "بال", "فال", "ال", "وب", "ول") and found.verb:
                noun = _NOUNS.get(folded[len(prefix):]) if table is LEMMAS else None
                if noun is None:
                    continue  # prepositions and the article go on nouns only
                found = noun
            if "س" in prefix and (found.past or not found.verb):
                continue  # the future prefix goes on imperfects only
            return found
    return None


def trigger_root(word: str) -> str | None:
    """The lemma of an event word: "ووصل" → "وصل", "سيلتقي" → "التقي", "التوقيع" → "وقع"."""
    found = lookup(word, LEMMAS)
    return found.key if found else None



@lru_cache(maxsize=4096)
def holiday_word(folded: str) -> bool:
    return folded in _HOLIDAY_WORDS or bare(folded) in _HOLIDAY_WORDS or folded[1:] in _HOLIDAY_WORDS


def _holiday_words() -> frozenset[str]:
    """The words of feast names that are no other date word ("الفطر", "عيد", "عرفة"; not "يوم",
    "العام" of "يوم عرفة", "رأس السنة الهجرية")."""
    other = {key[0] for key, entries in LEXICON.words.items()
             if len(key) == 1 and any(not (e.cls == "kw" and str(e.value).startswith("holiday")) for e in entries)}
    return frozenset(w for key, entries in LEXICON.words.items()
                     if any(e.cls == "kw" and str(e.value).startswith("holiday") for e in entries)
                     for w in key if w not in other)


_HOLIDAY_WORDS = _holiday_words()
