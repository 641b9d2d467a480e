"""A label a person can read: the clause as a short phrase, the date and its leftovers out,
whole words, no leading connective ("وذلك", "إلى ذلك،"), never ending on a function word
("وكان سلاح الجو التركي قد شن سلسلة غارات أمس" → "سلاح الجو التركي شن سلسلة غارات").
"""
from __future__ import annotations

import regex

from chrono.attach.clause import COMMAS, Clause
from chrono.attach.tokens import Tok, is_date_word, is_stop
from chrono.attach.trigger import Trigger, lemma_at
from chrono.attach.words import (
    AUXILIARIES,
    CONNECTIVES_BY_FIRST,
    DANGLING,
    LEMMAS,
    PREPOSITIONS,
    RELATIVES,
    REPORT,
    SPEECH,
    STOP,
    TITLES,
    bare,
)
from chrono.normalize import fold

_MAX_LABEL_WORDS = 14
_COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها"})
_MIN_LABEL_WORDS = 3
_EDGE_PUNCT = " \t\n،,.؛;:«»“”\"()-–—_/|"


def leading_connectives(tokens: list[Tok], lo: int, hi: int) -> int:
    """The first token after the connectives and auxiliaries a label does not start with
    ("وذلك", "كما", "إلى ذلك،", "وكان … قد")."""
    i = lo
    moved = True
    while moved and i < hi:
        moved = False
        while i < hi and not tokens[i].is_word and not tokens[i].is_number:
            i += 1
            moved = True
        for phrase in CONNECTIVES_BY_FIRST.get(tokens[i].folded, ()) if i < hi else ():
            words = tuple(t.folded for t in tokens[i:i + len(phrase)])
            if words == phrase and i + len(phrase) < hi:
                i += len(phrase)
                moved = True
                break
        if i < hi and tokens[i].folded in AUXILIARIES and i + 1 < hi:
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
    if not (head in PREPOSITIONS or bare(head) in PREPOSITIONS or bare(head) in REPORT
            or head in ("بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "نقلا")):
        return i
    for j in range(i + 1, min(i + 1 + _ADJUNCT_WORDS, hi - 1)):
        if tokens[j].text in COMMAS:
            return j + 1
        found = lemma_at(tokens, j)
        if found is not None and found.verb:
            return i
    return i


def _label_start(tokens: list[Tok], clause: Clause, trigger: Trigger | None) -> int:
    """Where the label starts: the relative antecedent, else the clause's first word after its
    connectives (the subject stays: "سلاح الجو التركي شن …"), else the trigger when the subject
    would be long."""
    start = leading_connectives(tokens, clause.lead, clause.hi)
    if trigger is not None and clause.lead == clause.lo:
        said = [i for i in range(start, trigger.at) if tokens[i].folded in _COMPLEMENTIZERS]
        if said:  # "وأكد المسؤول أن جلسة التصويت تم عقدها": what was said
            start = leading_connectives(tokens, said[-1] + 1, clause.hi)
    if trigger is not None and trigger.at - start > 8 and clause.lead == clause.lo:
        start = trigger.at
    if trigger is not None and trigger.at < start:
        start = trigger.at
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
    while chosen and _dangles(tokens[chosen[-1]]):
        chosen.pop()
    return chosen


def _dangles(tok: Tok) -> bool:
    """A token a label does not end on: punctuation (but a closing quote), a function word, a
    relative pronoun, a title ("… إلى", "… التي", "… الأمير")."""
    if not (tok.is_word or tok.is_number or tok.text in "»”\")"):
        return True
    return tok.folded in DANGLING or bare(tok.folded) in DANGLING or tok.folded in RELATIVES \
        or tok.folded in STOP or tok.folded in TITLES


def _date_leftovers(tokens: list[Tok], first: int, last: int, lo: int, hi: int) -> set[int]:
    """The timex's tokens and what it leaves behind: the preposition before it ("في", "منذ",
    "يوم"), a second month name or weekday next to it ("17 يوليو [تموز]"), empty brackets."""
    skip = set(range(first, last))
    i = first - 1
    while i >= lo and (tokens[i].folded in DANGLING or bare(tokens[i].folded) in DANGLING
                       or is_date_word(tokens[i]) or tokens[i].text in "(«\"“-–"):
        skip.add(i)
        i -= 1
    j = last
    while j < hi and (is_date_word(tokens[j]) or tokens[j].text in ")/-–" or tokens[j].folded in ("م", "هـ", "ه")):
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
        known = LEMMAS.get(folded) or SPEECH.get(folded)
        if (known is not None and (known.past or not known.verb) and not tail.endswith("ة")) or \
                (folded.startswith("ال") and len(folded) > 4):
            head = tail
    return (head + " " + rest).strip() if rest else head


def make_label(text: str, tokens: list[Tok], clause: Clause, trigger: Trigger | None,
           first: int, last: int) -> tuple[str, int]:
    """(label, completeness score): the clause as a short phrase, date out. Score: an action (a
    trigger in the label) counts 2, an actor before or after it 1, each word a little."""
    skip = _date_leftovers(tokens, first, last, clause.lead, clause.hi)
    start = _label_start(tokens, clause, trigger)
    chosen = _label_words(tokens, start, clause.hi, skip)
    if sum(1 for i in chosen if tokens[i].is_word) < _MIN_LABEL_WORDS:
        # a thin clause ("الذي وقع أمس"): the sentence's words around it
        wider = Clause(leading_connectives(tokens, 0, len(tokens)), len(tokens), 0)
        more = _label_words(tokens, min(start, wider.lo) if trigger is None else start, len(tokens), skip)
        if len(more) > len(chosen):
            chosen = more
    label = _first_word(_render(text, tokens, chosen))
    score = min(len(chosen), _MAX_LABEL_WORDS)
    if trigger is not None and trigger.at in chosen:
        score += 25 if trigger.lemma.verb else 20
        if any(tokens[i].text == "." for i in chosen):
            score -= 10  # across a sentence end: "توقيع اتفاق دفاعي بين إسرائيل والمغرب. في الرباط"
        if any(i < trigger.at and tokens[i].is_word for i in chosen) or \
                any(i > trigger.at and tokens[i].is_word and not is_stop(tokens[i]) for i in chosen):
            score += 10
    if not label:
        outside = [i for i in range(len(tokens)) if i not in skip and tokens[i].is_word]
        label = _first_word(_render(text, tokens, outside[:_MAX_LABEL_WORDS]))
    return label, score

