"""Event attachment: each dated expression → the clause it dates, the event of that clause (its
trigger word, lemma and kind), who and where (participants), a label a person can read, and the
stemmed content words the merge weighs.

    "وصل الأمير فيصل بن خالد أمس إلى أبها في زيارة رسمية."
    timex "أمس" → clause: the sentence; trigger "وصل" (lemma "وصل", kind "arrival");
    participants "فيصل", "خالد" (after the title "الأمير"), "ابه" (after "إلى");
    label "وصل الأمير فيصل بن خالد إلى أبها في زيارة رسمية".

The clause is the one the date modifies, found by construction: a relative clause opens at
"الذي/التي…" ("الاعتداء الانتحاري الذي استهدف أمس مدينة سوروتش" → the attack, not the sentence's
"أعلن"), a side clause at "منذ/بعد/عقب/أثناء…" + an event noun ("منذ اندلاع موجة العنف في 20 يوليو"
→ "اندلاع"), a coordinated clause at "و" + a verb, a new clause after "؛" or at "، حيث/بينما…".
A speech verb's colon or "أن/إن" does not end its clause: what was said is the statement's content.

Only what a timeline can place becomes an event: DATE/TIME timexes with a resolved calendar
interval (`start_date`), outside the set-aside regions, whose sentence tells something (a byline
"عين اليوم – أنقرة" names no event: a date with nothing dated is no entry). DURATION ("لمدة
ثلاثة أيام"), SET ("كل عام"), PRESENT_REF/PAST_REF ("حاليا") and unresolved values do not.

A clock time whose own words name no day ("عند الساعة 12:40 ظهرا") takes the day its sentence (or
the sentences before it in the paragraph) names: the tagger resolved it against the publication
day, which is the day after in a paper printed the next morning.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

import regex

from chrono.lexicon import LEXICON
from chrono.models import Document, DocumentTags, Span, Timex
from chrono.normalize import fold, stem_word
from chrono.read.labels import newspaper_and_title
from chrono.segment import Segmentation, in_quote, segment, sentence_index

__all__ = [
    "Event", "attach_document", "clause_span", "event_words", "is_placeable", "stem", "trigger_root",
    "kind_of", "compatible_kinds", "kind_family", "relative_day", "RECURRING_KINDS",
    "is_holiday",
]


@dataclass(frozen=True)
class Event:
    """One dated mention with its event, ready for the merge."""

    doc: str
    doc_order: int  # position of the document in the input, for deterministic order
    timex: Timex
    clause: tuple[int, int]  # original-text offsets
    sentence: str  # the text the mention is shown with (its sentence, or clause when very long)
    trigger: str | None  # the word as written, conjunction off: "ووصل" → "وصل"
    root: str | None  # the trigger's lemma: "وقع" for "وقع", "يوقعان", "التوقيع"
    label: str
    words: frozenset[str]  # stemmed content words of the clause, plus "@lemma" and "#kind"
    deictic: bool  # resolved against the anchor ("اليوم", "أمس", "الأربعاء"): `Timex.anchored`
    context: frozenset[str] = frozenset()  # content words of the whole sentence (quoted "today")
    anchor_sure: bool = True  # the document's anchor is certain (confidence 1), not estimated
    kind: str | None = None  # "attack", "arrival", … (chrono/lexicon event_kinds)
    participants: frozenset[str] = frozenset()  # stems of names, places, counted numbers
    places: frozenset[str] = frozenset()  # the participants that are places ("مدينة سوروتش")
    actors: frozenset[str] = frozenset()  # who did it: the subject of the trigger verb
    source: str | None = None  # the paper that printed it, when the input names it
    bare_time: bool = False  # a clock time whose words name no day and no day was found for it
    label_score: int = 0  # how complete the label is (actor and action, length): the entry's pick


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


# ---------------------------------------------------------------- the lexicon's event words

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


def _lemma_table() -> dict[str, Lemma]:
    """Every inflected surface form (folded) → its Lemma. First listed wins a shared form."""
    table: dict[str, Lemma] = {}

    def add(form: str, lemma: Lemma) -> None:
        table.setdefault(form, lemma)

    def add_verb(verb, kind: str | None, light: bool = False) -> None:
        key = fold(verb.past)
        for suffix in _PAST_SUFFIXES:
            add(key + suffix, Lemma(key, kind, True, light, True))
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


_LEMMAS = _lemma_table()
_PHRASES = _phrase_table()


def _speech_table() -> dict[str, Lemma]:
    """Speech verbs ("قال", "أكد"): statements, weaker triggers than any event word."""
    table: dict[str, Lemma] = {}
    for verb in _WORDS.speech_verbs:
        key = fold(verb.past)
        for suffix in _PAST_SUFFIXES:
            table.setdefault(key + suffix, Lemma(key, "statement", True, False, True))
        for prefix in _IMPERFECT_PREFIXES:
            for suffix in _IMPERFECT_SUFFIXES:
                table.setdefault(prefix + fold(verb.imperfect) + suffix, Lemma(key, "statement", True))
    return table


_SPEECH = _speech_table()
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


_AUXILIARIES = _folded_set(_WORDS.auxiliaries)
_STOP = _folded_set(_WORDS.stop_words)
_TITLES = _folded_set(w for w in _KINDS.titles if " " not in w)
_NAME_LINKS = _folded_set(_KINDS.name_links)
_PLACE_HEADS = _folded_set(_KINDS.place_heads)
_RELATIVES = _folded_set(_KINDS.relative_pronouns)
_REPORT = _folded_set(_KINDS.report_words)
_SIDE_OPENERS = _folded_set(w for w in _KINDS.side_openers if " " not in w)
_CONNECTIVES = tuple(sorted((tuple(fold(w) for w in c.split()) for c in _KINDS.connectives), key=len, reverse=True))
_CONNECTIVE_WORDS = frozenset(c[0] for c in _CONNECTIVES if len(c) == 1)
_CONNECTIVES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CONNECTIVES:  # longest first, as `_CONNECTIVES` is sorted
    _CONNECTIVES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# Subordinators that open a clause of their own wherever they stand ("بينما", "حيث", "بعد أن").
_CLAUSE_OPENERS = frozenset({"حيث", "بينما", "فيما", "عندما", "حينما", "لكن", "ولكن", "كما", "وكما", "اذ",
                             "بيد", "غير", "الا", "مما", "وبينما", "وفيما", "وحيث", "وعندما"})
_PREPOSITIONS = frozenset({"في", "الى", "من", "على", "عن", "ب", "ل", "نحو", "قرب", "داخل", "شمال", "جنوب",
                           "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})
_DANGLING = frozenset({"في", "منذ", "خلال", "حتى", "قبل", "بعد", "يوم", "من", "الى", "على", "بين", "و", "عن",
                       "مع", "الذي", "التي", "ان", "حسبما", "ذي", "لدى", "عند", "مساء", "صباح", "ظهر", "فجر",
                       "ليلة", "ليل", "عصر", "نحو", "قرابة", "حوالي", "بتاريخ", "تاريخ", "الموافق", "امس",
                       "اليوم", "غدا", "الماضي", "المقبل", "الجاري", "الحالي", "يومي", "ب", "ل", "او", "ثم",
                       "عام", "العام", "سنة", "شهر", "الساعة", "الـ", "ال"})


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


_DATE_WORDS = _date_words()


def kind_of(lemma: str | None) -> str | None:
    """The kind of an event lemma ("وصل" → "arrival"), None when unknown or light."""
    if lemma is None:
        return None
    found = _LEMMAS.get(lemma) or _SPEECH.get(lemma)
    return found.kind if found else None


def compatible_kinds(a: str | None, b: str | None) -> bool:
    """Whether one happening may be told as kind `a` and as kind `b`: equal, listed together in
    the lexicon ("مقتل" and "تفجير"), or one unknown."""
    if a is None or b is None:
        return True
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


def _lookup(word: str, table: dict[str, Lemma]) -> Lemma | None:
    """See `_lookup_in`; the two tables' answers are cached per written word (news repeats them)."""
    return _event_lemma(word) if table is _LEMMAS else _speech_lemma(word) if table is _SPEECH \
        else _lookup_in(word, table)


@lru_cache(maxsize=1 << 16)
def _event_lemma(word: str) -> Lemma | None:
    return _lookup_in(word, _LEMMAS)


@lru_cache(maxsize=1 << 16)
def _speech_lemma(word: str) -> Lemma | None:
    return _lookup_in(word, _SPEECH)


def _lookup_in(word: str, table: dict[str, Lemma]) -> Lemma | None:
    """The lemma of a written word, proclitics tried off: "ووصل" → وصل; "فوصل" → وصل (past), but
    "فيصل" is a name, not ف + "يصل": a conjunction ف before an imperfect is not read."""
    folded = fold(word)
    noun_only = word.endswith("ة")  # a verb never ends in ta marbuta: "وزارة" is not و + "زاره"
    found = table.get(folded)
    if found and not (noun_only and found.verb):
        return found
    for prefix in ("و", "ف", "وس", "فس", "س", "ب", "ل", "لل", "وال", "بال", "فال", "ال", "وب", "ول", "لل"):
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            found = table.get(folded[len(prefix):])
            if found is None or (noun_only and found.verb):
                continue
            if prefix in ("ف", "ب", "ل") and not (found.past or not found.verb):
                continue  # "فيصل", "بيان", "لتقي": a one-letter proclitic before an imperfect
            if prefix in ("ب", "ل", "لل", "وال", "بال", "فال", "ال", "وب", "ول") and found.verb:
                continue  # prepositions and the article go on nouns only
            if "س" in prefix and (found.past or not found.verb):
                continue  # the future prefix goes on imperfects only
            return found
    return None


def trigger_root(word: str) -> str | None:
    """The lemma of an event word: "ووصل" → "وصل", "سيلتقي" → "التقي", "التوقيع" → "وقع"."""
    found = _lookup(word, _LEMMAS)
    return found.key if found else None


# ---------------------------------------------------------------- tokens

_TOKEN = regex.compile(r"\p{Arabic}[\p{Arabic}\p{Mn}]*|[0-9٠-٩۰-۹]+(?:[.,:][0-9٠-٩۰-۹]+)*|[^\s\p{L}\p{N}]")
_ARABIC = regex.compile(r"\p{Arabic}")


class Tok(NamedTuple):
    """One token of a sentence: offsets into the original text, as written, folded."""

    start: int
    end: int
    text: str
    folded: str

    @property
    def is_word(self) -> bool:
        return bool(_ARABIC.match(self.text))

    @property
    def is_number(self) -> bool:
        return self.folded[:1].isdigit()


class _Sentence(list):
    """A sentence's tokens, with each token's event word once it has been read."""

    def __init__(self, tokens) -> None:
        super().__init__(tokens)
        self.lemmas: dict[int, Lemma | None] = {}


def _tokens(text: str, start: int, end: int) -> _Sentence:
    return _Sentence(Tok(m.start(), m.end(), m.group(), _fold_word(m.group())) for m in _TOKEN.finditer(text, start, end))


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def _bare(folded: str) -> str:
    """A folded word without a leading conjunction/preposition letter or article, for list lookups
    ("والذي" → "الذي", "وبينما" → "بينما"); the word itself when it is listed as written."""
    for prefix in ("وال", "فال", "بال", "و", "ف"):
        if folded.startswith(prefix) and len(folded) > len(prefix) + 1:
            rest = folded[len(prefix):]
            return ("ال" + rest) if prefix.endswith("ال") else rest
    return folded


def _is_stop(tok: Tok) -> bool:
    return _stop_word(tok.text, tok.folded)


@lru_cache(maxsize=1 << 16)
def _stop_word(text: str, folded: str) -> bool:
    return (folded in _STOP or _bare(folded) in _STOP or folded in _AUXILIARIES or folded in _REPORT
            or _bare(folded) in _REPORT or folded in _CONNECTIVE_WORDS or len(stem_word(text)) < 2)


def _is_date_word(tok: Tok) -> bool:
    return _date_word(tok.folded)


@lru_cache(maxsize=1 << 16)
def _date_word(folded: str) -> bool:
    return folded in _DATE_WORDS or _bare(folded) in _DATE_WORDS or \
        (folded[:1] in "وبل" and folded[1:] in _DATE_WORDS)


# ---------------------------------------------------------------- the clause a date modifies

class Clause(NamedTuple):
    """Token indexes [lo, hi) of the clause in its sentence's token list, and where its relative
    antecedent starts (`lead`, = lo when it has none)."""

    lo: int
    hi: int
    lead: int


_BREAK_PUNCT = frozenset("؛;!?؟")
_COMMAS = frozenset("،,")
_LIGHT_WINDOW = 4
_ANTECEDENT_WORDS = 3


def _speech_before(tokens: list[Tok], i: int, lo: int) -> bool:
    """A speech verb among the few words before position `i` ("قال المتحدث: …", "أكد أن")."""
    return any(_lookup(t.text, _SPEECH) or (_lookup(t.text, _LEMMAS) or Lemma("", None, False)).kind == "statement"
               for t in tokens[max(lo, i - 6):i] if t.is_word)


def _opens_clause(tokens: list[Tok], i: int, lo: int) -> bool:
    """Whether a new clause starts at token `i`.

    "الذي/التي…" (a relative clause), "حيث/بينما/عندما/كما…", a side opener followed by an event
    noun or "أن" ("منذ اندلاع", "بعد أن"), a conjunction + verb after a comma or anywhere for a
    past verb ("ووصل", "وأعلن"); a colon or "؛" (a colon after a speech verb does not: what
    follows is the statement).
    """
    tok = tokens[i]
    if not tok.is_word:
        if tok.text in _BREAK_PUNCT:
            return True
        if tok.text == ":":
            return not _speech_before(tokens, i, lo)
        return False
    folded, bare = tok.folded, _bare(tok.folded)
    if folded in _RELATIVES or bare in _RELATIVES:
        return True
    if folded in _CLAUSE_OPENERS or bare in ("حيث", "بينما", "فيما", "عندما", "حينما"):
        return True
    after_comma = i > lo and tokens[i - 1].text in _COMMAS
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (folded in _SIDE_OPENERS or bare in _SIDE_OPENERS) and nxt is not None and nxt.is_word:
        lemma = _lookup(nxt.text, _LEMMAS)
        if nxt.folded in ("ان", "ما") or (lemma is not None and not lemma.verb):
            return True
    if folded[:1] in "وف" and len(folded) > 3:
        lemma = _lookup(tok.text, _LEMMAS) or _lookup(tok.text, _SPEECH)
        if lemma is not None and lemma.verb and fold(tok.text[1:]) in (_LEMMAS.keys() | _SPEECH.keys()):
            return after_comma or lemma.past
    return False


def _clause(tokens: list[Tok], first: int, last: int) -> Clause:
    """The clause around the timex tokens [first, last): from the last clause opening before it to
    the next one after it. A relative clause takes its antecedent along ("الاعتداء الانتحاري الذي
    استهدف أمس" → lead at "الاعتداء")."""
    lo = 0
    for i in range(first - 1, -1, -1):
        if _opens_clause(tokens, i, 0):
            lo = i if tokens[i].is_word else i + 1
            break
    hi = len(tokens)
    for i in range(last, len(tokens)):
        if _opens_clause(tokens, i, lo):
            hi = i
            break
    lead = lo
    if lo > 0 and tokens[lo].is_word and (tokens[lo].folded in _RELATIVES or _bare(tokens[lo].folded) in _RELATIVES):
        lead = lo
        words = 0
        for i in range(lo - 1, -1, -1):
            if tokens[i].text in _COMMAS and i == lo - 1:
                continue  # "بيني غانتس، الذي عاد"
            if not tokens[i].is_word or _opens_clause(tokens, i, 0) or words >= _ANTECEDENT_WORDS:
                break
            lead = i
            words += 1
    return Clause(lo, hi, lead)


# ---------------------------------------------------------------- trigger

class Trigger(NamedTuple):
    index: int
    lemma: Lemma


def _is_name_position(tokens: list[Tok], i: int) -> bool:
    """A word right after a title or a name link is a name: "الأمير فيصل", "بن نايف"."""
    if i == 0:
        return False
    previous = tokens[i - 1].folded
    return previous in _TITLES or _bare(previous) in _TITLES or previous in _NAME_LINKS


def _lemma_at(tokens: list[Tok], i: int) -> Lemma | None:
    """The event word at token `i` (a phrase starting there, a verb, a noun), None when it is
    none, a name ("الأمير فيصل"), an auxiliary or a date word; read once per token of a sentence."""
    cache = tokens.lemmas if isinstance(tokens, _Sentence) else None
    if cache is not None and i in cache:
        return cache[i]
    found = _read_lemma(tokens, i)
    if cache is not None:
        cache[i] = found
    return found


def _read_lemma(tokens: list[Tok], i: int) -> Lemma | None:
    tok = tokens[i]
    if not tok.is_word or tok.folded in _AUXILIARIES or _is_name_position(tokens, i):
        return None
    if _is_date_word(tok) and "\u0651" not in tok.text:
        return None  # "فجر الاثنين" is dawn; "فجَّر نفسه" (a shadda) is the verb
    for words, lemma in _PHRASES.get(tok.folded, ()):
        if tuple(t.folded for t in tokens[i:i + len(words)]) == words:
            return lemma
    return _lookup(tok.text, _LEMMAS) or _lookup(tok.text, _SPEECH)


def _light_kind(tokens: list[Tok], i: int, lo: int, hi: int) -> Lemma | None:
    """The event noun a light verb takes: after it ("شن غارات" → غارة, an air strike), else
    before it ("هجوما وقع", "العملية الانتحارية التي وقعت" → an attack)."""
    after = [j for j in range(i + 1, hi) if tokens[j].is_word and not _is_date_word(tokens[j])][:_LIGHT_WINDOW]
    before = [j for j in range(i - 1, lo - 1, -1) if tokens[j].is_word][:_LIGHT_WINDOW]
    for j in after + before:
        lemma = _lemma_at(tokens, j)
        if lemma is not None and not lemma.light and not lemma.verb and lemma.kind not in (None, "statement"):
            return lemma
    return None


def _find_trigger(tokens: list[Tok], clause: Clause, first: int, last: int, quoted: list[bool],
                  timex_quoted: bool) -> Trigger | None:
    """The event word the date belongs to: the verb of its clause before the date (Arabic puts
    the verb first: "وصل الوزير أمس"; "وقع المغرب وإسرائيل مذكرة تفاهم … يوم الأربعاء" is the
    signing, not the memorandum), else its nearest event noun ("خلال زيارته أمس"), then after.
    A speech verb is the trigger when it is the nearest ("قال المتحدث أمس إن …": a statement); an
    event word after "أن/إن" is content, read only when nothing stands before the date. A word in
    a quote cannot be the trigger of a date outside it, nor a name ("الأمير فيصل")."""
    opener = tokens[clause.lo] if clause.lo < len(tokens) else None
    if opener is not None and (opener.folded in _SIDE_OPENERS or _bare(opener.folded) in _SIDE_OPENERS) \
            and clause.lo + 1 < first and quoted[clause.lo + 1] == timex_quoted:
        lemma = _lemma_at(tokens, clause.lo + 1)  # "منذ التوقيع، …، على الإعلان الثلاثي … في ديسمبر 2020"
        if lemma is not None and not lemma.verb:
            return Trigger(clause.lo + 1, lemma)
    candidates: list[tuple[int, int, int]] = []
    for i in range(clause.lead, clause.hi):
        if first <= i < last or quoted[i] != timex_quoted:
            continue
        lemma = _lemma_at(tokens, i)
        if lemma is None:
            continue
        distance = first - i if i < first else (i - last) + 3
        rank = (0 if i < first else 2) + (1 if lemma.kind == "statement" and i > first else 0)
        candidates.append((rank, distance, i))
    if not candidates:
        return None
    _, _, index = min(candidates)
    lemma = _lemma_at(tokens, index)
    assert lemma is not None
    while not lemma.verb and index > clause.lead:  # "توقيع اتفاق": the first noun heads the second
        head = _lemma_at(tokens, index - 1)
        if head is None or head.verb or head.kind == "statement":
            break
        index, lemma = index - 1, head
    if not lemma.verb:
        verb = _governing_verb(tokens, index, clause.lead)
        if verb is not None:
            index, lemma = verb
    if lemma.light:
        taken = _light_kind(tokens, index, clause.lead, clause.hi)
        if taken is not None:
            lemma = Lemma(taken.key, taken.kind, True, True, lemma.past)
    return Trigger(index, lemma)


_OBJECT_REACH = 4
_PREPOSITION_LETTERS = "بل"


def _governing_verb(tokens: list[Tok], index: int, lo: int) -> tuple[int, Lemma] | None:
    """The verb an event noun is the object of ("وقع المغرب وإسرائيل مذكرة تفاهم": the signing),
    a few words before it; none when a preposition governs the noun ("الضوء على توقيع اتفاق",
    "عن اعتقال")."""
    previous = tokens[index - 1] if index > lo else None
    if previous is None or previous.folded in _PREPOSITIONS or previous.folded in _SIDE_OPENERS or \
            (tokens[index].folded[:1] in _PREPOSITION_LETTERS and not tokens[index].folded.startswith("ال")):
        return None
    seen = 0
    for j in range(index - 1, lo - 1, -1):
        tok = tokens[j]
        if not tok.is_word:
            return None
        lemma = _lemma_at(tokens, j)
        if lemma is not None and lemma.verb and lemma.kind != "statement":
            return j, lemma if not lemma.light else Lemma(lemma.key, None, True, True, lemma.past)
        if tok.folded in _PREPOSITIONS or tok.folded in _RELATIVES:
            return None
        seen += 1
        if seen >= _OBJECT_REACH:
            return None
    return None


def _trigger_surface(tok: Tok) -> str:
    """The trigger as shown: the word without a conjunction that is a clitic ("ووصل" → "وصل",
    "وزارة" stays)."""
    text = tok.text
    if len(text) > 3 and text[0] in "وف":
        rest = text[1:]
        if fold(rest) in _LEMMAS or fold(rest) in _SPEECH or fold(rest).startswith("ال"):
            return rest
    return text


# ---------------------------------------------------------------- participants and content

def _participants(tokens: list[Tok], lo: int, hi: int, skip: range) -> tuple[set[str], set[str]]:
    """(participants, places) of tokens [lo, hi): names after titles and name links ("الأمير
    فيصل بن خالد" → فيصل، خالد), places after place heads ("مدينة سوروتش", "حي التواهي") and after
    a preposition when written without the article ("إلى أبها", "بعدن" → عدن), counted numbers
    ("32 قتيلا" → "32"), words in quotes ("«درب الخير»")."""
    names: set[str] = set()
    places: set[str] = set()
    for i in range(lo, hi):
        if i in skip:
            continue
        tok = tokens[i]
        previous = tokens[i - 1] if i > lo else None
        if tok.is_number and i + 1 < hi and tokens[i + 1].is_word and i + 1 not in skip:
            names.add(tok.folded)
            continue
        if not tok.is_word or _is_stop(tok) or _is_date_word(tok) or _lemma_at(tokens, i) is not None:
            continue
        if previous is None:
            continue
        pf = previous.folded
        if pf in _TITLES or _bare(pf) in _TITLES or pf in _NAME_LINKS:
            names.add(stem_word(tok.text))
        elif pf in _PLACE_HEADS or _bare(pf) in _PLACE_HEADS or pf[1:] in _PLACE_HEADS:
            places.add(stem_word(tok.text))
        elif pf in _PLACE_PREPOSITIONS and (_name_like(tok) or not tok.text.endswith("ة")):
            names.add(stem_word(tok.text))  # "في عدن", "في الرباط": a place or not ("في تنظيم"), no clash
    return names | places, places


_PLACE_PREPOSITIONS = frozenset({"في", "الى", "الي", "قرب", "بمدينه", "داخل"})


def _name_like(tok: Tok) -> bool:
    """A word that may be a place's name after "في/إلى": no article, no ta marbuta or plural
    ending of a common noun ("في عدن", "إلى أبها", "في فيينا"; not "في تغريدة", "في الاجتماع")."""
    folded = tok.folded
    return not folded.startswith("ال") and not tok.text.endswith(("ة", "ات", "ين", "ون")) and len(folded) >= 3


_MAX_ACTOR_WORDS = 3


def _actor_word(tok: Tok) -> bool:
    return tok.is_word and not _is_stop(tok) and not _is_date_word(tok) and \
        tok.folded not in _PREPOSITIONS and _bare(tok.folded) not in _PREPOSITIONS


def _actors(tokens: list[Tok], clause: Clause, trigger: Trigger | None, skip: range) -> set[str]:
    """Who did it: the subject of a trigger verb, before it ("المقاومة الشعبية تسيطر", "سلاح
    الجو التركي شن") or right after it ("وافق مجلس الأمن الدولي", "وصل الأمير فيصل"), at most
    `_MAX_ACTOR_WORDS` words, up to a preposition, a comma or another event word. An event noun
    has none: its genitive may be the doer or the done-to ("زيارة الأمير", "تحرير عدن"); nor has a
    relative clause's verb, whose doer is its antecedent."""
    if trigger is None or not trigger.lemma.verb or clause.lead < clause.lo:
        return set()  # in a relative clause the doer is the antecedent: "الهجوم الذي استهدف"
    start = _leading_connectives(tokens, clause.lead, clause.hi)
    before = [i for i in range(start, trigger.index) if i not in skip]
    if before and all(_actor_word(tokens[i]) for i in before) and len(before) <= 4:
        return {stem_word(tokens[i].text) for i in before}
    found: set[str] = set()
    for i in range(trigger.index + 1, clause.hi):
        if i in skip:
            continue
        tok = tokens[i]
        if not _actor_word(tok) or _lemma_at(tokens, i) is not None or \
                (tok.folded[:1] in "بل" and not tok.folded.startswith("ال") and len(found) > 0):
            break
        found.add(stem_word(tok.text))
        if len(found) >= _MAX_ACTOR_WORDS:
            break
    return found


def _content(tokens: list[Tok], lo: int, hi: int, skip: range, trigger: int | None) -> list[tuple[int, str]]:
    """(position, stem) of the content words of tokens [lo, hi): no stop, reporting or date word,
    not the trigger (it counts as its lemma), not inside the timex."""
    out = []
    for i in range(lo, hi):
        tok = tokens[i]
        if i in skip or i == trigger:
            continue
        if tok.is_number:
            continue
        if not tok.is_word or _is_stop(tok) or _is_date_word(tok):
            continue
        lemma = _lemma_at(tokens, i)
        out.append((i, "@" + lemma.key if lemma is not None and not lemma.light else stem_word(tok.text)))
    return out


_MAX_TERMS = 20


def _terms(content: list[tuple[int, str]], first: int, trigger: Trigger | None) -> frozenset[str]:
    """At most `_MAX_TERMS` content words, nearest to the date first, plus the trigger's lemma and
    kind ("@وصل", "#arrival"): bounded per mention whatever the sentence's length."""
    ranked = sorted(content, key=lambda item: (abs(item[0] - first), item[0]))
    chosen: list[str] = []
    for _, word in ranked:
        if word not in chosen:
            chosen.append(word)
        if len(chosen) >= _MAX_TERMS:
            break
    if trigger is not None:
        chosen.append("@" + trigger.lemma.key)
        if trigger.lemma.kind:
            chosen.append("#" + trigger.lemma.kind)
    return frozenset(sys.intern(w) for w in chosen)


def event_words(text: str) -> list[str]:
    """The stemmed content words of a text, event words as their lemma ("@وقع"):
    "مع إعلان الجزائر في أغسطس قطع علاقاتها مع الرباط" → ["@اعلن", "جزاير", "@قطع", "علاق", "رباط"]."""
    tokens = _tokens(text, 0, len(text))
    return [word for _, word in _content(tokens, 0, len(tokens), range(0), None)]


# ---------------------------------------------------------------- label

_MAX_LABEL_WORDS = 14
_COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
_MIN_LABEL_WORDS = 3
_EDGE_PUNCT = " \t\n،,.؛;:«»“”\"()-–—_/|"


def _leading_connectives(tokens: list[Tok], lo: int, hi: int) -> int:
    """The first token after the connectives and auxiliaries a label does not start with
    ("وذلك", "كما", "إلى ذلك،", "وكان … قد")."""
    i = lo
    moved = True
    while moved and i < hi:
        moved = False
        while i < hi and not tokens[i].is_word and not tokens[i].is_number:
            i += 1
            moved = True
        for phrase in _CONNECTIVES_BY_FIRST.get(tokens[i].folded, ()) if i < hi else ():
            words = tuple(t.folded for t in tokens[i:i + len(phrase)])
            if words == phrase and i + len(phrase) < hi:
                i += len(phrase)
                moved = True
                break
        if i < hi and tokens[i].folded in _AUXILIARIES and i + 1 < hi:
            i += 1
            moved = True
        if i < hi and not moved:
            after = _leading_adjunct(tokens, i, hi)
            if after > i:
                i, moved = after, True
    return i


_ADJUNCT_WORDS = 6


def _leading_adjunct(tokens: list[Tok], i: int, hi: int) -> int:
    """After a leading adjunct closed by a comma: "وبحسب المصدر ذاته، فقد استقبل", "وعلى الصعيد
    الاقتصادي، أعلنت" → the token after the comma; `i` when there is none."""
    head = tokens[i].folded
    if not (head in _PREPOSITIONS or _bare(head) in _PREPOSITIONS or _bare(head) in _REPORT
            or head in ("بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "نقلا")):
        return i
    for j in range(i + 1, min(i + 1 + _ADJUNCT_WORDS, hi - 1)):
        if tokens[j].text in _COMMAS:
            return j + 1
        if _lemma_at(tokens, j) is not None and _lemma_at(tokens, j).verb:
            return i
    return i


def _label_start(tokens: list[Tok], clause: Clause, trigger: Trigger | None) -> int:
    """Where the label starts: the relative antecedent, else the clause's first word after its
    connectives (the subject stays: "سلاح الجو التركي شن …"), else the trigger when the subject
    would be long."""
    start = _leading_connectives(tokens, clause.lead, clause.hi)
    if trigger is not None and clause.lead == clause.lo:
        said = [i for i in range(start, trigger.index) if tokens[i].folded in _COMPLEMENTIZERS]
        if said:  # "وأكد المسؤول أن جلسة التصويت تم عقدها": what was said
            start = _leading_connectives(tokens, said[-1] + 1, clause.hi)
    if trigger is not None and trigger.index - start > 8 and clause.lead == clause.lo:
        start = trigger.index
    if trigger is not None and trigger.index < start:
        start = trigger.index
    return start


def _label_words(tokens: list[Tok], start: int, hi: int, skip: set[int]) -> list[int]:
    """Token indexes of the label: from `start`, the timex and its leftovers out, at most
    `_MAX_LABEL_WORDS` words, never ending on a function word."""
    chosen: list[int] = []
    words = 0
    for i in range(start, hi):
        if i in skip:
            continue
        chosen.append(i)
        if tokens[i].is_word or tokens[i].is_number:
            words += 1
        if words >= _MAX_LABEL_WORDS:
            break
    while chosen and (not (tokens[chosen[-1]].is_word or tokens[chosen[-1]].is_number or tokens[chosen[-1]].text in "»”\")")
                      or tokens[chosen[-1]].folded in _DANGLING or _bare(tokens[chosen[-1]].folded) in _DANGLING
                      or tokens[chosen[-1]].folded in _RELATIVES or tokens[chosen[-1]].folded in _STOP
                      or (tokens[chosen[-1]].folded in _TITLES)):
        chosen.pop()
    return chosen


def _date_leftovers(tokens: list[Tok], first: int, last: int, lo: int, hi: int) -> set[int]:
    """The timex's tokens and what it leaves behind: the preposition before it ("في", "منذ",
    "يوم"), a second month name or weekday next to it ("17 يوليو [تموز]"), empty brackets."""
    skip = set(range(first, last))
    i = first - 1
    while i >= lo and (tokens[i].folded in _DANGLING or _bare(tokens[i].folded) in _DANGLING
                       or _is_date_word(tokens[i]) or tokens[i].text in "(«\"“-–"):
        skip.add(i)
        i -= 1
    j = last
    while j < hi and (_is_date_word(tokens[j]) or tokens[j].text in ")/-–" or tokens[j].folded in ("م", "هـ", "ه")):
        skip.add(j)
        j += 1
    return skip


def _render(text: str, tokens: list[Tok], chosen: list[int]) -> str:
    """The chosen tokens as the text writes them: original spacing between neighbours, one space
    across a gap, no dangling brackets or doubled commas."""
    parts: list[str] = []
    previous: int | None = None
    for i in chosen:
        if previous is not None:
            parts.append(text[tokens[previous].end:tokens[i].start] if i == previous + 1 else " ")
        parts.append(tokens[i].text)
        previous = i
    label = regex.sub(r"\s+", " ", "".join(parts))
    label = regex.sub(r"\(\s*\)|«\s*»|\"\s*\"", "", label)
    label = regex.sub(r"\s*([،,])(?:\s*[،,])+", r"\1", label)
    label = regex.sub(r"\s+([،,:؛)])", r"\1", label)
    label = _balance(label)
    return label.strip(_EDGE_PUNCT + " ")


def _balance(label: str) -> str:
    """A bracket or quote mark the cut left alone goes: "(خطة العمل الشاملة" → "خطة العمل الشاملة"."""
    for opening, closing in (("(", ")"), ("«", "»")):
        if label.count(opening) != label.count(closing):
            label = label.replace(opening, "").replace(closing, "")
    if label.count("\"") % 2:
        label = label.replace("\"", "")
    return label


def _first_word(label: str) -> str:
    """A leading conjunction that is a clitic goes ("ووصل" → "وصل", "والرئيس" → "الرئيس"); a word
    whose first letter is its own stays ("وزارة", "فيصل")."""
    head, _, rest = label.partition(" ")
    if len(head) > 3 and head[0] in "وف":
        tail = head[1:]
        folded = fold(tail)
        known = _LEMMAS.get(folded) or _SPEECH.get(folded)
        if (known is not None and (known.past or not known.verb) and not tail.endswith("ة")) or \
                (folded.startswith("ال") and len(folded) > 4):
            head = tail
    return (head + " " + rest).strip() if rest else head


def _label(text: str, tokens: list[Tok], clause: Clause, trigger: Trigger | None,
           first: int, last: int) -> tuple[str, int]:
    """(label, completeness score): the clause as a short phrase, date out. Score: an action (a
    trigger in the label) counts 2, an actor before or after it 1, each word a little."""
    skip = _date_leftovers(tokens, first, last, clause.lead, clause.hi)
    start = _label_start(tokens, clause, trigger)
    chosen = _label_words(tokens, start, clause.hi, skip)
    if sum(1 for i in chosen if tokens[i].is_word) < _MIN_LABEL_WORDS:
        # a thin clause ("الذي وقع أمس"): the sentence's words around it
        wider = Clause(_leading_connectives(tokens, 0, len(tokens)), len(tokens), 0)
        more = _label_words(tokens, min(start, wider.lo) if trigger is None else start, len(tokens), skip)
        if len(more) > len(chosen):
            chosen = more
    label = _first_word(_render(text, tokens, chosen))
    score = min(len(chosen), _MAX_LABEL_WORDS)
    if trigger is not None and trigger.index in chosen:
        score += 25 if trigger.lemma.verb else 20
        if any(tokens[i].text == "." for i in chosen):
            score -= 10  # across a sentence end: "توقيع اتفاق دفاعي بين إسرائيل والمغرب. في الرباط"
        if any(i < trigger.index and tokens[i].is_word for i in chosen) or \
                any(i > trigger.index and tokens[i].is_word and not _is_stop(tokens[i]) for i in chosen):
            score += 10
    if not label:
        outside = [i for i in range(len(tokens)) if i not in skip and tokens[i].is_word]
        label = _first_word(_render(text, tokens, outside[:_MAX_LABEL_WORDS]))
    return label, score


# ---------------------------------------------------------------- times that name no day

_DAY_CLASSES = frozenset({"weekday", "weekday_bare", "relday", "month", "hmonth"})


def _names_a_day(timex: Timex) -> bool:
    """Whether a TIME's own words name its day ("مساء الثلاثاء", "ظهر اليوم", "10 يوليو"): a
    weekday, a relative day or a month; "الساعة 12:40 ظهرا" and "13:00" do not."""
    for tok in _tokens(timex.text, 0, len(timex.text)):
        if tok.is_number and ("/" in timex.text or "-" in timex.text[1:]):
            return True
        for reading in (tok.folded, _bare(tok.folded)):
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
    for tok in _tokens(timex.text, 0, len(timex.text)):
        if tok.is_number or any(e.cls in ("month", "hmonth") for e in LEXICON.lookup((_bare(tok.folded),))):
            return False
    return True


def is_holiday(timex: Timex) -> bool:
    """Whether a date is told by a feast's name ("عيد الفطر", "بعيد الفطر المبارك"): the day of a
    thousand happenings, no evidence that two of them are one."""
    return any(_date_word(tok.folded) and _holiday_word(tok.folded) for tok in _tokens(timex.text, 0, len(timex.text)))


@lru_cache(maxsize=4096)
def _holiday_word(folded: str) -> bool:
    return folded in _HOLIDAY_WORDS or _bare(folded) in _HOLIDAY_WORDS or folded[1:] in _HOLIDAY_WORDS


def _holiday_words() -> frozenset[str]:
    """The words of feast names that are no other date word ("الفطر", "عيد", "عرفة"; not "يوم",
    "العام" of "يوم عرفة", "رأس السنة الهجرية")."""
    other = {key[0] for key, entries in LEXICON.words.items()
             if len(key) == 1 and any(not (e.cls == "kw" and str(e.value).startswith("holiday")) for e in entries)}
    return frozenset(w for key, entries in LEXICON.words.items()
                     if any(e.cls == "kw" and str(e.value).startswith("holiday") for e in entries)
                     for w in key if w not in other)


_HOLIDAY_WORDS = _holiday_words()


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


# ---------------------------------------------------------------- documents

_MAX_SENTENCE_CHARS = 400
_MIN_SENTENCE_WORDS = 3
_MIN_CLAUSE_WORDS = 3  # a clause without an event word and thinner than this borrows the sentence's
_MAX_CONTEXT_WORDS = 40


def _outside_count(tokens: list[Tok], timex: Timex) -> int:
    return sum(1 for t in tokens if t.is_word and not (timex.start <= t.start < timex.end) and not _is_stop(t))


def _sentence_tokens(text: str, start: int, end: int, cache: dict | None) -> _Sentence:
    """The tokens of text[start:end], read once per document (several dates share a sentence)."""
    if cache is None:
        return _tokens(text, start, end)
    found = cache.get((start, end))
    if found is None:
        found = cache[(start, end)] = _tokens(text, start, end)
    return found


def _scope(text: str, seg: Segmentation, timex: Timex, cache: dict | None = None) -> tuple[int, int]:
    """The sentence of the timex; the previous sentence of the paragraph joins it when this one
    is only the date ("يوم الأربعاء الماضي في الرباط." after a stray full stop in 003)."""
    index = sentence_index(seg, timex.start)
    if index is None:
        return timex.start, timex.end
    span = seg.sentences[index]
    start, end = span.start, span.end
    if _outside_count(_sentence_tokens(text, start, end, cache), timex) < _MIN_SENTENCE_WORDS and index > 0:
        previous = seg.sentences[index - 1]
        if "\n" not in text[previous.end:start]:
            start = previous.start
    return start, end


def _shown_sentence(text: str, seg: Segmentation, timex: Timex, clause: tuple[int, int]) -> str:
    index = sentence_index(seg, timex.start)
    if index is None:
        return text[clause[0]:clause[1]]
    span = seg.sentences[index]
    if span.end - span.start > _MAX_SENTENCE_CHARS:
        return text[clause[0]:clause[1]]
    return text[span.start:span.end]


@dataclass
class _Reading:
    """What one timex's sentence tells, before it becomes an Event."""

    tokens: list[Tok]
    first: int
    last: int
    clause: Clause
    trigger: Optional[Trigger]
    quoted: list[bool] = field(default_factory=list)


def _read(text: str, seg: Segmentation, timex: Timex, cache: dict | None = None) -> _Reading | None:
    """The sentence's tokens, the timex's place among them, its clause and trigger."""
    start, end = _scope(text, seg, timex, cache)
    tokens = _sentence_tokens(text, start, end, cache)
    positions = [i for i, t in enumerate(tokens) if timex.start <= t.start < timex.end]
    if not positions:
        return None
    first, last = positions[0], positions[-1] + 1
    quoted = [in_quote(seg, t.start, t.end) for t in tokens]
    clause = _clause(tokens, first, last)
    trigger = _find_trigger(tokens, clause, first, last, quoted, timex.in_quote)
    thin = len(_content(tokens, clause.lead, clause.hi, range(first, last), None)) < _MIN_CLAUSE_WORDS
    if trigger is None and thin and clause != Clause(0, len(tokens), 0):
        whole = Clause(0, len(tokens), 0)
        trigger = _find_trigger(tokens, whole, first, last, quoted, timex.in_quote)
        if trigger is not None:
            clause = Clause(min(clause.lo, trigger.index), max(clause.hi, trigger.index + 1),
                            min(clause.lead, trigger.index))
    return _Reading(tokens, first, last, clause, trigger, quoted)


def _described_end(tokens: list[Tok], clause: Clause) -> int:
    """Where the clause's description ends for matching: a relative clause right after it tells
    what its last noun is ("… 22 ديسمبر الماضي، وهو الاتفاق الذي اعترفت بموجبه الولايات المتحدة
    بسيادة المغرب على الصحراء": which agreement), so its words count, though not in the label."""
    hi = clause.hi
    if hi < len(tokens) and (tokens[hi].folded in _RELATIVES or _bare(tokens[hi].folded) in _RELATIVES):
        for i in range(hi + 1, len(tokens)):
            if _opens_clause(tokens, i, hi):
                return i
        return len(tokens)
    return hi


def _event(document: Document, seg: Segmentation, timex: Timex, doc_order: int, anchor_sure: bool,
           source: str | None, bare_time: bool, cache: dict | None = None) -> Event | None:
    text = document.text
    reading = _read(text, seg, timex, cache)
    if reading is None:
        return None
    tokens, first, last, clause, trigger = reading.tokens, reading.first, reading.last, reading.clause, reading.trigger
    skip = range(first, last)
    content = _content(tokens, clause.lead, _described_end(tokens, clause), skip, trigger.index if trigger else None)
    if trigger is None and len(content) < 2:
        # nothing is told here: a byline ("عين اليوم – أنقرة"), a lone dateline
        whole = _content(tokens, 0, len(tokens), skip, None)
        if len(whole) < 3:
            return None
    participants, places = _participants(tokens, clause.lead, clause.hi, skip)
    actors = _actors(tokens, clause, trigger, skip)
    label, label_score = _label(text, tokens, clause, trigger, first, last)
    offsets = (tokens[clause.lead].start if clause.lead < len(tokens) else timex.start,
               tokens[clause.hi - 1].end if clause.hi > 0 else timex.end)
    context = frozenset()
    if timex.in_quote:
        context = frozenset(w for _, w in _content(tokens, 0, len(tokens), skip, None)[:_MAX_CONTEXT_WORDS])
    return Event(
        doc=document.id,
        doc_order=doc_order,
        timex=timex,
        clause=offsets,
        sentence=_shown_sentence(text, seg, timex, offsets),
        trigger=_trigger_surface(tokens[trigger.index]) if trigger else None,
        root=trigger.lemma.key if trigger else None,
        label=label or timex.text,
        words=_terms(content, first, trigger),
        deictic=timex.anchored,
        context=context,
        anchor_sure=anchor_sure,
        kind=trigger.lemma.kind if trigger else None,
        participants=frozenset(sys.intern(p) for p in participants),
        places=frozenset(sys.intern(p) for p in places),
        actors=frozenset(sys.intern(p) for p in actors),
        source=source,
        bare_time=bare_time,
        label_score=label_score,
    )


def _dated_times(text: str, seg: Segmentation, timexes: list[Timex]) -> dict[str, tuple[Timex, bool]]:
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


def attach_document(document: Document, tags: DocumentTags, doc_order: int = 0,
                    seg: Segmentation | None = None) -> Iterator[Event]:
    """The events of one tagged document, in text order; set-aside regions give nothing.

    The set-aside regions are the union of the tagger's (`tags.set_aside`) and this module's
    own segmentation, so an old tags file without them still skips 004's appended article.
    """
    text = document.text
    seg = seg or segment(text)
    regions = [(r.start, r.end) for r in seg.set_aside] + [(r.start, r.end) for r in tags.set_aside]
    timexes = sorted(tags.timexes, key=lambda t: (t.start, t.end, t.id))
    timexes = [t for t in timexes if 0 <= t.start < t.end <= len(text)]
    times = _dated_times(text, seg, timexes)
    anchor_sure = tags.anchor.confidence >= 1.0
    source = newspaper_and_title(document)[0]
    cache: dict = {}
    for timex in timexes:
        if not is_placeable(timex):
            continue
        if any(start < timex.end and timex.start < end for start, end in regions):
            continue
        dated, bare = times.get(timex.id, (timex, False))
        event = _event(document, seg, dated, doc_order, anchor_sure, source, bare, cache)
        if event is not None:
            yield event


def clause_span(document: Document, timex: Timex, seg: Segmentation | None = None) -> Span:
    """The clause a timex dates, as a Span (for `chrono explain` and tests)."""
    text = document.text
    reading = _read(text, seg or segment(text), timex)
    if reading is None:
        return Span(start=timex.start, end=timex.end)
    tokens, clause = reading.tokens, reading.clause
    return Span(start=tokens[clause.lead].start, end=tokens[clause.hi - 1].end)
