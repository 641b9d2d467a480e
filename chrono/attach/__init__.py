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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Optional

from chrono.attach.clause import Clause, clause_of, described_end
from chrono.attach.content import actors_of, content_of, event_words, participants_of, phrases_of, terms_of
from chrono.attach.dated import Dated, dated
from chrono.attach.days import dated_times, is_approximate, is_holiday, is_placeable, names_a_feast_day, relative_day
from chrono.attach.label import is_thin_label, make_label
from chrono.attach.tokens import Sentence, Tok, content_stem, is_stop, since_at, tokenize
from chrono.attach.trigger import Trigger, find_trigger, lemma_at, trigger_surface
from chrono.attach.words import (
    COMPARED_WITH,
    COMPARISON_REACH,
    COMPARISONS,
    RECURRING_KINDS,
    compatible_kinds,
    kind_family,
    kind_of,
    stem,
    trigger_root,
)
from chrono.models import Document, DocumentTags, Span, Timex
from chrono.normalize import fold
from chrono.read.labels import newspaper_and_title
from chrono.segment import Segmentation, in_quote, segment, sentence_index

__all__ = [
    "Event", "attach_document", "clause_span", "event_words", "is_placeable", "stem", "trigger_root",
    "kind_of", "compatible_kinds", "kind_family", "relative_day", "RECURRING_KINDS",
    "is_holiday", "names_a_feast_day", "content_stem", "is_approximate", "Dated",
]


@dataclass(frozen=True, slots=True)
class Event:
    """One dated mention with its event, ready for the merge (kept small: an archive's merge
    holds a hundred thousand of them)."""

    doc: str
    doc_order: int  # position of the document in the input, for deterministic order
    timex: Dated
    clause: tuple[int, int]  # original-text offsets
    sentence: str  # the text the mention is shown with (its sentence, or clause when very long)
    trigger: str | None  # the word as written, conjunction off: "ووصل" → "وصل"
    root: str | None  # the trigger's lemma: "وقع" for "وقع", "يوقعان", "التوقيع"
    label: str
    words: frozenset[str]  # stemmed content words of the clause, its names and its doer
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
    approximate: bool = False  # a rough distance from publication ("قبل أربعة أشهر"): it only joins
    phrases: tuple[tuple[str, ...], ...] = ()  # runs of adjacent words: "حزب العمال الكردستاني"
    lemmas: frozenset[str] = frozenset()  # the clause's other event words: "قتل" of "أوقع قتيلا"
    # the event is what a statement reports ("أعلنت الحكومة السبت عن اعتقال 320 شخصا"): the date
    # may be the statement's, later than the happening's, so it never contradicts another date
    reported: bool = False


# ---------------------------------------------------------------- documents

_MAX_SENTENCE_CHARS = 400
_MIN_SENTENCE_WORDS = 3
_MIN_CLAUSE_WORDS = 3  # a clause without an event word and thinner than this borrows the sentence's
_MAX_CONTEXT_WORDS = 40


def _words_outside(tokens: list[Tok], timex: Timex, enough: int) -> bool:
    """Whether the sentence holds at least `enough` words besides the timex and stop words
    (counting stops there: a long sentence is read once per date it holds)."""
    found = 0
    for tok in tokens:
        if tok.is_word and not (timex.start <= tok.start < timex.end) and not is_stop(tok):
            found += 1
            if found >= enough:
                return True
    return False


def _sentence_tokens(text: str, start: int, end: int, cache: dict | None) -> Sentence:
    """The tokens of text[start:end], read once per document (several dates share a sentence)."""
    if cache is None:
        return tokenize(text, start, end)
    found = cache.get((start, end))
    if found is None:
        found = cache[(start, end)] = tokenize(text, start, end)
    return found


def _scope(text: str, seg: Segmentation, timex: Timex, cache: dict | None = None) -> tuple[int, int]:
    """The sentence of the timex; the previous sentence of the paragraph joins it when this one
    is only the date ("يوم الأربعاء الماضي في الرباط." after a stray full stop in 003)."""
    index = sentence_index(seg, timex.start)
    if index is None:
        return timex.start, timex.end
    span = seg.sentences[index]
    start, end = span.start, span.end
    if index > 0 and not _words_outside(_sentence_tokens(text, start, end, cache), timex, _MIN_SENTENCE_WORDS):
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


def _previous_sentence(text: str, seg: Segmentation, tokens: list[Tok], cache: dict | None) -> list[Tok] | None:
    """The tokens of the sentence before, in the same paragraph: a label whose verb has no doer
    takes the doer it named ("وأعلن الوزير … . وأكد أن …")."""
    index = sentence_index(seg, tokens[0].start) if tokens else None
    if not index:
        return None
    previous = seg.sentences[index - 1]
    if "\n" in text[previous.end:tokens[0].start]:
        return None
    return _sentence_tokens(text, previous.start, previous.end, cache)


@dataclass
class _Reading:
    """What one timex's sentence tells, before it becomes an Event."""

    tokens: list[Tok]
    first: int
    last: int
    clause: Clause
    trigger: Optional[Trigger]
    quoted: list[bool] = field(default_factory=list)
    dates: frozenset[int] = frozenset()  # tokens of the sentence's dates and durations, this one's too


def _date_tokens(tokens: list[Tok], spans: list[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the tokens inside any of the document's timexes (sorted `spans`): dates and
    durations ("أربعة أشهر") are never what a clause tells."""
    if not tokens or not spans:
        return frozenset()
    lo = bisect_left(spans, (tokens[0].start - _LONGEST_TIMEX, 0))
    near = [s for s in spans[lo:bisect_right(spans, (tokens[-1].end, 0))] if s[1] > tokens[0].start]
    starts = _starts(tokens)  # ascending: the tokens of [s, e) are one run, found by bisection
    return frozenset(i for s, e in near for i in range(bisect_left(starts, s), bisect_left(starts, e)))


def _starts(tokens: list[Tok]) -> list[int]:
    """The tokens' start offsets, in text order (kept with a `Sentence`: read for each of its dates)."""
    if isinstance(tokens, Sentence):
        if tokens.starts is None:
            tokens.starts = [tok.start for tok in tokens]
        return tokens.starts
    return [tok.start for tok in tokens]


def _quoted(seg: Segmentation, tokens: list[Tok]) -> list[bool]:
    """Whether each token stands in a quote (kept with a `Sentence`: read for each of its dates)."""
    if isinstance(tokens, Sentence):
        if tokens.quoted is None:
            tokens.quoted = [in_quote(seg, t.start, t.end) for t in tokens]
        return tokens.quoted
    return [in_quote(seg, t.start, t.end) for t in tokens]


_LONGEST_TIMEX = 200


def _read(text: str, seg: Segmentation, timex: Timex, cache: dict | None = None,
          spans: list[tuple[int, int]] | None = None) -> _Reading | None:
    """The sentence's tokens, the timex's place among them, its clause and trigger."""
    start, end = _scope(text, seg, timex, cache)
    tokens = _sentence_tokens(text, start, end, cache)
    starts = _starts(tokens)  # the timex's tokens: those it overlaps, one run
    first, last = bisect_right(starts, timex.start) - 1, bisect_left(starts, timex.end)
    if first < 0 or tokens[first].end <= timex.start:
        first += 1  # the token before it ends before it; else "وأمس" holds the timex "أمس"
    if first >= last:
        return None
    dates = _date_tokens(tokens, spans or []) | frozenset(range(first, last))
    quoted = list(_quoted(seg, tokens))
    clause = clause_of(tokens, first, last)
    trigger = find_trigger(tokens, clause, first, last, quoted, timex.in_quote, dates)
    thin = len(content_of(tokens, clause.lead, clause.hi, dates, None)) < _MIN_CLAUSE_WORDS
    if trigger is None and thin and clause != Clause(0, len(tokens), 0):
        whole = Clause(0, len(tokens), 0)
        trigger = find_trigger(tokens, whole, first, last, quoted, timex.in_quote, dates)
        if trigger is not None:
            clause = Clause(min(clause.lo, trigger.at), max(clause.hi, trigger.at + 1),
                            min(clause.lead, trigger.at))
    return _Reading(tokens, first, last, clause, trigger, quoted, dates)



def _comparison_point(tokens: list[Tok], first: int) -> bool:
    """A date after "منذ" that a superlative measures against: "وهو أعلى مستوى له منذ يناير 2008"
    (the happening told is today's, not of that date); not "قتلت أكثر من ألف شخص منذ 2009",
    which dates the start of what it counts, nor "أول رحلة منذ 25 مارس", the last flight's day."""
    at = since_at(tokens, first)
    if at is None:
        return False
    for i in range(at - 1, max(-1, at - 1 - COMPARISON_REACH), -1):
        word = tokens[i].folded
        if tokens[i].text in ".؛;:،,":
            return False  # "بأول عملية التفافية، منذ فجر أمس": the operation's start
        if word not in COMPARISONS and word[:1] in "لوب" and word[1:] in COMPARISONS:
            word = word[1:]  # "بأكثر", "لأعلى"
        if word in COMPARISONS:
            following = tokens[i + 1].folded if i + 1 < len(tokens) else ""
            return not (word in _MORE_OR_LESS and following == "من")
    return False


_MORE_OR_LESS = frozenset({"اكثر", "اقل"})


def _compared_with(tokens: list[Tok], first: int) -> bool:
    """Whether the date is what a figure is compared with, a few words after "مقارنة/قياسا/مقابل"
    in the same phrase ("تراجع في 2014 بنسبة 0.1 في المائة مقارنة بالعام 2013", "إلى 93 في المائة
    في مايو مقارنة بـ 96.3 في المائة في أبريل"): what happened is told by another date, not this one."""
    for i in range(first - 1, max(-1, first - 1 - COMPARISON_REACH), -1):
        tok = tokens[i]
        if tok.text in ".؛;:،," or (tok.is_word and _is_verb_like(tok)):
            return False
        if tok.folded in COMPARED_WITH:
            # "مقابل" compares a figure ("مقابل 2.4 تريليون خلال عام 2012"), or it is an exchange
            # ("مقابل إطلاق سراح عسكريين مخطوفين منذ سنة"), whose date is the happening's
            return tok.folded != _IN_EXCHANGE or (i + 1 < len(tokens) and tokens[i + 1].is_number)
    return False


_IN_EXCHANGE = fold("مقابل")


def _is_verb_like(tok: Tok) -> bool:
    """A word the lexicon reads as a verb ("سجلت", "تراجع"): a comparison does not reach past it."""
    found = lemma_at([tok], 0)
    return found is not None and found.verb


def _event(document: Document, seg: Segmentation, timex: Timex, doc_order: int, anchor_sure: bool,
           source: str | None, bare_time: bool, cache: dict | None = None,
           spans: list[tuple[int, int]] | None = None) -> Event | None:
    text = document.text
    reading = _read(text, seg, timex, cache, spans)
    if reading is None:
        return None
    tokens, first, last, clause, trigger = reading.tokens, reading.first, reading.last, reading.clause, reading.trigger
    if _comparison_point(tokens, first) or _compared_with(tokens, first):
        return None  # "أدنى مستوى منذ فبراير": nothing of this sentence happened in February
    skip = reading.dates
    content = content_of(tokens, clause.lead, described_end(tokens, clause), skip, trigger.at if trigger else None)
    if trigger is None and len(content) < 2:
        # nothing is told here: a byline ("عين اليوم – أنقرة"), a lone dateline
        whole = content_of(tokens, 0, len(tokens), skip, None)
        if len(whole) < 3:
            return None
    participants, places = participants_of(tokens, clause.lead, clause.hi, skip)
    actors = actors_of(tokens, clause, trigger, skip) if trigger is None or trigger.reported is None else set()
    label, label_score = make_label(text, tokens, clause, trigger, first, last,
                                    _previous_sentence(text, seg, tokens, cache), skip)
    if is_thin_label(label):
        # "الرياض واس" of a dateline, a lone "قال": the article's title says what it tells
        title = newspaper_and_title(document)[1]
        if title and not is_thin_label(title):
            label, label_score = title, 0
    offsets = (tokens[clause.lead].start if clause.lead < len(tokens) else timex.start,
               tokens[clause.hi - 1].end if clause.hi > 0 else timex.end)
    chosen, lemmas = terms_of(content, first)
    participants = {sys.intern(p) for p in participants}
    actors = {sys.intern(p) for p in actors}
    context: frozenset[str] = frozenset()
    if timex.in_quote:
        context = frozenset(w for _, w in content_of(tokens, 0, len(tokens), skip, None)[:_MAX_CONTEXT_WORDS])
    return Event(
        doc=sys.intern(document.id),
        doc_order=doc_order,
        timex=dated(timex),
        clause=offsets,
        sentence=_shown_sentence(text, seg, timex, offsets),
        trigger=trigger_surface(tokens[trigger.at]) if trigger else None,
        root=(trigger.reported or trigger.lemma).key if trigger else None,
        label=label or timex.text,
        words=chosen | participants | actors,
        deictic=timex.anchored,
        context=context,
        anchor_sure=anchor_sure,
        kind=(trigger.reported or trigger.lemma).kind if trigger else None,
        participants=frozenset(participants),
        places=frozenset(sys.intern(p) for p in places),
        actors=frozenset(actors),
        source=source,
        bare_time=bare_time,
        label_score=label_score,
        approximate=is_approximate(timex),
        phrases=phrases_of(content, chosen),
        lemmas=lemmas,
        reported=trigger is not None and trigger.reported is not None,
    )



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
    times = dated_times(text, seg, timexes)
    spans = sorted((t.start, t.end) for t in timexes)
    anchor_sure = tags.anchor.confidence >= 1.0
    source = newspaper_and_title(document)[0]
    cache: dict = {}
    for timex in timexes:
        if not is_placeable(timex):
            continue
        if any(start < timex.end and timex.start < end for start, end in regions):
            continue
        dated, bare = times.get(timex.id, (timex, False))
        event = _event(document, seg, dated, doc_order, anchor_sure, source, bare, cache, spans)
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
