"""Event attachment: each dated expression → the clause it dates, its trigger verb,
a short Arabic label, and the light-stemmed content words the merge compares.

    "وقع المغرب وإسرائيل اليوم الأربعاء، أول اتفاق للتعاون العسكري بين البلدين."
    timex "اليوم الأربعاء" → clause: the whole sentence (the comma is not a clause boundary here),
    trigger "وقع", label "وقع المغرب وإسرائيل أول اتفاق للتعاون العسكري بين البلدين".

Only what a timeline can place becomes an event: DATE/TIME timexes with a resolved calendar
interval (`start_date`), outside the set-aside regions. DURATION ("لمدة ثلاثة أيام"), SET
("كل عام"), PRESENT_REF/PAST_REF ("حاليا") and unresolved values ("XXXX-12-10") do not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from chrono.lexicon import LEXICON
from chrono.models import Document, DocumentTags, Span, Timex
from chrono.normalize import fold, strip_proclitic
from chrono.segment import Segmentation, in_quote, segment, sentence_index

__all__ = ["Event", "attach_document", "is_placeable", "stem", "event_words", "trigger_root"]


@dataclass(frozen=True)
class Event:
    """One dated mention with its event, ready for the merge."""

    doc: str
    doc_order: int  # position of the document in the input, for deterministic order
    timex: Timex
    clause: tuple[int, int]  # original-text offsets
    sentence: str  # the text the mention is shown with (its sentence, or clause when very long)
    trigger: str | None  # surface form, e.g. "ووصل" → "وصل"
    root: str | None  # trigger's root key: "وقع" for "وقع", "يوقعان", "التوقيع"
    label: str
    words: frozenset[str]  # light-stemmed content words near the mention
    deictic: bool  # resolved against the anchor ("اليوم", "أمس", "الأربعاء"): `Timex.anchored`
    context: frozenset[str] = frozenset()  # content words of the whole sentence (quoted "today")
    anchor_sure: bool = True  # the document's anchor is certain (confidence 1), not estimated


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


# ---------------------------------------------------------------- light morphology

_SUFFIXES = ("هما", "كما", "يين", "ات", "ان", "ون", "ين", "يه", "ها", "هم", "نا", "ه", "ي")


def stem(word: str) -> str:
    """Light stem: clitics and common suffixes off, hamza/ta marbuta unified.

    "والإسرائيلية" → "اسرائيل", "علاقاتهما" → "علاق", "البلدين" → "بلد", "المغربي" → "مغرب".
    """
    word = strip_proclitic(fold(word), min_stem_after_letter=4)  # "وزير" stays, "والرباط" → "رباط"
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    return word


# Event verbs of news text, from the lexicon: (past 3rd person, imperfect stem, verbal nouns).
# The root key is the past form; every inflected form found below maps back to it, so "وقع"
# (001), "يوقعان" (000 headline) and "توقيع" (003, 004) compare equal. Speech verbs frame an event;
# they are the trigger only when nothing else is in the clause.
_WORDS = LEXICON.data.events
_PAST_SUFFIXES = ("", "ت", "ا", "وا", "تا", "نا", "ها", "ه", "هم", "تم")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_IMPERFECT_SUFFIXES = ("", "ان", "ون", "ين", "ه", "ها", "هم")
_AUXILIARIES = frozenset(fold(w) for w in _WORDS.auxiliaries)


def _verb_forms(table) -> dict[str, str]:
    """Every inflected surface form (normalized) → root key."""
    forms: dict[str, str] = {}
    for verb in table:
        root = fold(verb.past)
        for suffix in _PAST_SUFFIXES:
            forms[root + suffix] = root
        for prefix in _IMPERFECT_PREFIXES:
            for suffix in _IMPERFECT_SUFFIXES:
                forms[prefix + fold(verb.imperfect) + suffix] = root
        for noun in verb.nouns:
            forms[fold(noun)] = root
            forms["ال" + fold(noun)] = root
    return forms


_EVENT_FORMS = _verb_forms(_WORDS.event_verbs)
_SPEECH_FORMS = _verb_forms(_WORDS.speech_verbs)


def trigger_root(word: str, table: dict[str, str] | None = None) -> str | None:
    """Root key of a verb or verbal noun: "ووصل" → "وصل", "سيلتقي" → "التقي", "التوقيع" → "وقع"."""
    table = _EVENT_FORMS if table is None else table
    word = fold(word)
    candidates = [word]
    for prefix in ("و", "ف", "وس", "فس", "س", "ب", "ل", "لل", "وال", "بال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            candidates.append(word[len(prefix):])
    for candidate in candidates:
        if candidate in table:
            return table[candidate]
    return None


# ---------------------------------------------------------------- content words

_TOKEN = regex.compile(r"\p{Arabic}[\p{Arabic}\p{Mn}]*")
# Words that say nothing about which happening it is ("على", "الذي", "اليوم", "مستوى").
_STOP = frozenset(fold(w) for w in _WORDS.stop_words)


def _is_stop(word: str) -> bool:
    n = fold(word)
    return n in _STOP or stem(word) in _STOP or len(stem(word)) < 3


def event_words(text: str) -> list[str]:
    """Light-stemmed content words, event verbs replaced by their root key.

    "مع إعلان الجزائر في أغسطس قطع علاقاتها مع الرباط" → ["علن", "جزاير", "قطع", "علاق", "رباط"]
    (roots of event verbs are their normalized past form).
    """
    words = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if _is_stop(word):
            continue
        root = trigger_root(word)
        words.append(root if root else stem(word))
    return words


# ---------------------------------------------------------------- clauses

# Clause boundaries inside a sentence. Not every comma: appositions ("وزير الدفاع الإسرائيلي،
# بيني غانتس،") stay in their clause; a comma followed by a conjunction or a clause opener splits.
_CLAUSE_BREAK = regex.compile(
    r"[؛;:]"
    r"|[،,]\s*(?=(?:و|ف)\p{Arabic}{2,}|الأمر الذي|حيث|بينما|لكن|إلا أن|كما|بيد أن)"
    r"|\s(?=(?:بعد|قبل|منذ) أن\s|(?:بينما|حيث|عندما|حين|لكن|بيد أن)\s)"
)
_MIN_CLAUSE_WORDS = 2
_MIN_SENTENCE_WORDS = 3
_WINDOW_WORDS = 8
_MAX_CONTEXT_WORDS = 40
_AFTER_PENALTY = 3
_MAX_LABEL_WORDS = 12
_MAX_SENTENCE_CHARS = 400


def _outside(text: str, base: int, timex: Timex) -> str:
    """The text of [base, base+len(text)) with the timex blanked (its words do not count)."""
    a, b = max(timex.start - base, 0), min(timex.end - base, len(text))
    if a >= b:
        return text
    return text[:a] + " " * (b - a) + text[b:]


def _scope(doc: str, seg: Segmentation, timex: Timex) -> tuple[int, int]:
    """The sentence of the timex; the previous sentence of the paragraph joins it when this one
    is only the date ("يوم الأربعاء الماضي في الرباط." after a stray full stop in 003)."""
    index = sentence_index(seg, timex.start)
    if index is None:
        return timex.start, timex.end
    span = seg.sentences[index]
    start, end = span.start, span.end
    if len(event_words(_outside(doc[start:end], start, timex))) < _MIN_SENTENCE_WORDS and index > 0:
        previous = seg.sentences[index - 1]
        if "\n" not in doc[previous.end:start]:
            start = previous.start
    return start, end


def _clause(doc: str, seg: Segmentation, timex: Timex) -> tuple[int, int]:
    """The clause the timex dates: its piece of the sentence, widened while it is too thin.

    "... بعد أن رفع البلدان مستوى علاقاتهما الدبلوماسية في العام الماضي" → the piece from
    "بعد أن", not the signing at the head of the sentence.
    """
    start, end = _scope(doc, seg, timex)
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(doc, start, end):
        if not (timex.start < match.end() and match.start() < timex.end):
            cuts.append(match.end())
    cuts.append(end)
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    index = next((i for i, (a, b) in enumerate(pieces) if a <= timex.start < b), 0)
    lo = hi = index
    while True:
        a, b = pieces[lo][0], pieces[hi][1]
        if len(event_words(_outside(doc[a:b], a, timex))) >= _MIN_CLAUSE_WORDS:
            break
        if lo > 0:
            lo -= 1
        elif hi < len(pieces) - 1:
            hi += 1
        else:
            break
    return pieces[lo][0], pieces[hi][1]


# ---------------------------------------------------------------- trigger and label

_VERB_SHAPE = regex.compile(r"^(?:[وف]?س?[يتن]\p{Arabic}{3,5}(?:ان|ون)?)$")


def _tokens(doc: str, start: int, end: int) -> list[regex.Match]:
    return list(_TOKEN.finditer(doc, start, end))


def _find_trigger(doc: str, seg: Segmentation, clause: tuple[int, int], timex: Timex) -> tuple[str | None, str | None]:
    """The event verb of the clause nearest to the timex (in words), as (surface, root).

    Known event verbs and their verbal nouns win ("وصل وزير الدفاع الإسرائيلي، بيني غانتس،
    منتصف ليلة أمس" → "وصل"; "منذ توقيع الاتفاق ... في 22 ديسمبر" → "توقيع"); auxiliaries are
    skipped ("وكان المغرب قد أعاد" → "أعاد"); a speech verb ("قال") only when nothing else is
    there; else a future/imperfect verb shape ("سيلتقي"). Words after the timex pay
    `_AFTER_PENALTY` (Arabic states the verb first), and a word inside a quote cannot be the
    trigger of a date outside it ("«الجبهة المغربية لدعم فلسطين وضد التطبيع»").
    """
    tokens = [t for t in _tokens(doc, *clause) if not timex.start <= t.start() < timex.end]
    before = [t for t in tokens if t.end() <= timex.start]
    after = [t for t in tokens if t.start() >= timex.end]
    ordered = [(i, t) for i, t in enumerate(reversed(before))] + \
              [(i + _AFTER_PENALTY, t) for i, t in enumerate(after)]
    best: tuple[int, int, str, str | None] | None = None
    for distance, token in ordered:
        word = token.group()
        if fold(word) in _AUXILIARIES or in_quote(seg, token.start(), token.end()) != timex.in_quote:
            continue
        root = trigger_root(word)
        if root:
            rank = 0
        elif trigger_root(word, _SPEECH_FORMS):
            rank, root = 2, trigger_root(word, _SPEECH_FORMS)
        elif _VERB_SHAPE.match(fold(word)) and not fold(word).startswith("ال"):
            rank = 1
        else:
            continue
        candidate = (rank, distance, word, root)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is None:
        return None, None
    return _strip_conjunction(best[2]), best[3]


def _strip_conjunction(word: str) -> str:
    """"ووصل" → "وصل", "وسيلتقي" → "سيلتقي", but "وقع" and "وزير" keep their first letter."""
    if len(word) > 3 and word[0] in "وف":
        rest = word[1:]
        if rest[0] in "و" or trigger_root(rest) or trigger_root(rest, _SPEECH_FORMS) or rest.startswith("ال") \
                or _VERB_SHAPE.match(fold(rest)):
            return rest
    return word


_SPACES = regex.compile(r"\s+")
_DANGLING_PREPOSITION = regex.compile(r"(?:^|\s)(?:في|منذ|خلال|حتى|قبل|بعد|يوم)\s*$")
_EDGE_PUNCT = " \t\n،,.؛;:«»“”\"()-–"


def _label(doc: str, clause: tuple[int, int], timex: Timex, trigger_word: str | None) -> str:
    """Short label: the clause without the date expression, at most a dozen words from the
    trigger on. "وقع المغرب وإسرائيل اليوم الأربعاء، أول اتفاق ..." → "وقع المغرب وإسرائيل، أول اتفاق ..."."""
    start, end = clause
    if start <= timex.start < end:
        head = _DANGLING_PREPOSITION.sub("", doc[start:timex.start])  # "لابيد في [أغسطس]" → "لابيد"
        text = head + " " + doc[timex.end:end]
    else:
        text = doc[start:end]
    text = _SPACES.sub(" ", text).replace(" ،", "،").replace(" ,", ",").strip(_EDGE_PUNCT)
    words = text.split(" ")
    if trigger_word:
        for i, word in enumerate(words):
            if trigger_word in word:
                if i <= len(words) - 3:
                    words = words[i:]
                break
    if words:
        words[0] = _strip_conjunction(words[0])
    label = " ".join(words[:_MAX_LABEL_WORDS]).strip(_EDGE_PUNCT)
    return label or timex.text


def _window_words(doc: str, clause: tuple[int, int], timex: Timex) -> frozenset[str]:
    """The `_WINDOW_WORDS` content words of the clause nearest to the timex, counted in words
    (what the merge compares). Words before the timex win ties: Arabic states the event first."""
    before, after = [], []
    for token in _tokens(doc, *clause):
        if timex.start <= token.start() < timex.end or _is_stop(token.group()):
            continue
        word = trigger_root(token.group()) or stem(token.group())
        (before if token.end() <= timex.start else after).append(word)
    before.reverse()
    ranked = [(i, 0, w) for i, w in enumerate(before)] + [(i, 1, w) for i, w in enumerate(after)]
    ranked.sort()
    chosen: list[str] = []
    for _, _, word in ranked:
        if word not in chosen:
            chosen.append(word)
        if len(chosen) >= _WINDOW_WORDS:
            break
    return frozenset(chosen)


def _shown_sentence(doc: str, seg: Segmentation, timex: Timex, clause: tuple[int, int]) -> str:
    index = sentence_index(seg, timex.start)
    if index is None:
        return doc[clause[0]:clause[1]]
    span = seg.sentences[index]
    if span.end - span.start > _MAX_SENTENCE_CHARS:
        return doc[clause[0]:clause[1]]
    return doc[span.start:span.end]


def attach_document(document: Document, tags: DocumentTags, doc_order: int = 0,
                    seg: Segmentation | None = None) -> Iterator[Event]:
    """The events of one tagged document, in text order; set-aside regions give nothing.

    The set-aside regions are the union of the tagger's (`tags.set_aside`) and this module's
    own segmentation, so an old tags file without them still skips 004's appended article.
    """
    text = document.text
    seg = seg or segment(text)
    regions = list(seg.set_aside)
    known = {(r.start, r.end) for r in regions}
    regions += [r for r in tags.set_aside if (r.start, r.end) not in known]
    seg_for_aside = Segmentation(set_aside=sorted(regions, key=lambda r: (r.start, r.end)))
    for timex in sorted(tags.timexes, key=lambda t: (t.start, t.end, t.id)):
        if not is_placeable(timex) or not (0 <= timex.start < timex.end <= len(text)):
            continue
        if any(r.start < timex.end and timex.start < r.end for r in seg_for_aside.set_aside):
            continue
        clause = _clause(text, seg, timex)
        trigger, root = _find_trigger(text, seg, clause, timex)
        yield Event(
            doc=document.id,
            doc_order=doc_order,
            timex=timex,
            clause=clause,
            sentence=_shown_sentence(text, seg, timex, clause),
            trigger=trigger,
            root=root,
            label=_label(text, clause, timex, trigger),
            words=_window_words(text, clause, timex),
            deictic=timex.anchored,
            context=_sentence_words(text, seg, timex),
            anchor_sure=tags.anchor.confidence >= 1.0,
        )


def _sentence_words(doc: str, seg: Segmentation, timex: Timex) -> frozenset[str]:
    """Content words of the mention's sentence, for a quoted deictic only: the quote's frame
    names the happening ("وقدم غانتس عقب التوقيع ... وقال في تغريدته: «... اليوم»")."""
    if not timex.in_quote:
        return frozenset()
    start, end = _scope(doc, seg, timex)
    return frozenset(event_words(_outside(doc[start:end], start, timex))[:_MAX_CONTEXT_WORDS])


def clause_span(document: Document, timex: Timex, seg: Segmentation | None = None) -> Span:
    """The clause a timex dates, as a Span (for `chrono explain` and tests)."""
    start, end = _clause(document.text, seg or segment(document.text), timex)
    return Span(start=start, end=end)
