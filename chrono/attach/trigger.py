"""The event word a date belongs to: the verb of its clause ("وصل الوزير أمس"), else its
nearest event noun ("خلال زيارته أمس"); a light verb takes its noun's kind ("شن غارات" → an air
strike); an event noun that is a verb's object gives way to the verb ("وقع … مذكرة تفاهم").
"""
from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from chrono.attach.clause import COMMAS, Clause
from chrono.attach.tokens import Sentence, Tok, is_date_word
from chrono.attach.words import (
    AUXILIARIES,
    LEMMAS,
    NAME_LINKS,
    PHRASES,
    PREPOSITIONS,
    RELATIVES,
    SIDE_OPENERS,
    SPEECH,
    SUPPORT,
    TITLES,
    Lemma,
    bare,
    impersonal,
    lookup,
)
from chrono.normalize import fold


class Trigger(NamedTuple):
    at: int  # the token index of the event word
    lemma: Lemma
    # what a statement reports, when its clause names it ("أكدت المقاومة أمس السيطرة على حي
    # التواهي": a capture): the happening the date belongs to, told by a speaker
    reported: Lemma | None = None


LIGHT_WINDOW = 6


def _is_name_position(tokens: list[Tok], i: int) -> bool:
    """A word right after a title or a name link is a name: "الأمير فيصل", "بن نايف"."""
    if i == 0:
        return False
    previous = tokens[i - 1].folded
    return previous in TITLES or bare(previous) in TITLES or previous in NAME_LINKS


def lemma_at(tokens: list[Tok], i: int) -> Lemma | None:
    """The event word at token `i` (a phrase starting there, a verb, a noun), None when it is
    none, a name ("الأمير فيصل"), an auxiliary or a date word; read once per token of a sentence."""
    cache = tokens.lemmas if isinstance(tokens, Sentence) else None
    if cache is not None and i in cache:
        return cache[i]
    found = _read_lemma(tokens, i)
    if cache is not None:
        cache[i] = found
    return found


def _read_lemma(tokens: list[Tok], i: int) -> Lemma | None:
    tok = tokens[i]
    if not tok.is_word or tok.folded in AUXILIARIES or _is_name_position(tokens, i):
        return None
    for words, lemma in PHRASES.get(tok.folded, ()):
        if tuple(t.folded for t in tokens[i:i + len(words)]) == words:
            return lemma  # "وقفة احتجاجية" (a protest), though "وقفة" alone is the eve of a feast
    if is_date_word(tok) and "\u0651" not in tok.text:
        return None  # "فجر الاثنين" is dawn; "فجَّر نفسه" (a shadda) is the verb
    return lookup(tok.text, LEMMAS) or lookup(tok.text, SPEECH)


def _light_kind(tokens: list[Tok], i: int, lo: int, hi: int) -> Lemma | None:
    """The event noun a light verb takes: after it ("شن غارات" → غارة, an air strike), else
    before it ("هجوما وقع", "العملية الانتحارية التي وقعت" → an attack)."""
    after = [j for j in range(i + 1, hi) if tokens[j].is_word and not is_date_word(tokens[j])][:LIGHT_WINDOW]
    before = [j for j in range(i - 1, lo - 1, -1) if tokens[j].is_word][:LIGHT_WINDOW]
    for j in after + before:
        lemma = lemma_at(tokens, j)
        if lemma is not None and not lemma.light and not lemma.verb and lemma.kind not in (None, "statement"):
            return lemma
    return None


def find_trigger(tokens: list[Tok], clause: Clause, first: int, last: int, quoted: list[bool],
                 timex_quoted: bool, dates: Collection[int] = ()) -> Trigger | None:
    """The event word the date belongs to: the verb of its clause before the date (Arabic puts
    the verb first: "وصل الوزير أمس"; "وقع المغرب وإسرائيل مذكرة تفاهم … يوم الأربعاء" is the
    signing, not the memorandum), else its nearest event noun ("خلال زيارته أمس"), then after.
    A speech verb is the trigger when it is the nearest ("قال المتحدث أمس إن …": a statement); an
    event word after "أن/إن" is content, read only when nothing stands before the date. A word in
    a quote cannot be the trigger of a date outside it, nor a name ("الأمير فيصل")."""
    opener = tokens[clause.lo] if clause.lo < len(tokens) else None
    if opener is not None and (opener.folded in SIDE_OPENERS or bare(opener.folded) in SIDE_OPENERS) \
            and clause.lo + 1 < first and quoted[clause.lo + 1] == timex_quoted \
            and not _told_after_side(tokens, clause.lo + 2, first):
        lemma = lemma_at(tokens, clause.lo + 1)  # "منذ التوقيع، …، على الإعلان الثلاثي … في ديسمبر 2020"
        if lemma is not None and not lemma.verb:
            return Trigger(clause.lo + 1, lemma)
    candidates: list[tuple[int, int, int]] = []
    for i in range(clause.lead, clause.hi):
        if first <= i < last or quoted[i] != timex_quoted:
            continue
        lemma = lemma_at(tokens, i)
        if lemma is None or _supporting(tokens, i, clause.lead) or impersonal(tokens[i].folded):
            continue  # "ويذكر أنه في فبراير صوت المجلس": no one's statement, the vote is the event
        distance = first - i if i < first else (i - last) + 3
        rank = (0 if i < first else 2) + (1 if lemma.kind == "statement" and i > first else 0)
        candidates.append((rank, distance, i))
    if not candidates:
        return None
    _, _, index = min(candidates)
    lemma = lemma_at(tokens, index)
    assert lemma is not None
    while not lemma.verb and index > clause.lead:  # "توقيع اتفاق": the first noun heads the second
        head = lemma_at(tokens, index - 1)
        if head is None or head.verb or head.kind == "statement":
            break
        index, lemma = index - 1, head
    if not lemma.verb:
        index, lemma = _governing_noun(tokens, index, clause.lead) or (index, lemma)
        verb = _governing_verb(tokens, index, clause.lead)
        if verb is not None:
            index, lemma = verb
    if lemma.light:
        taken = _light_kind(tokens, index, clause.lead, clause.hi)
        if taken is not None:
            lemma = Lemma(taken.key, taken.kind, True, True, lemma.past)
    reported = _reported(tokens, index, clause.hi, first, last, dates) if lemma.kind == "statement" else None
    return Trigger(index, lemma, reported)


def _supporting(tokens: list[Tok], i: int, lo: int) -> bool:
    """An event noun that says what helped the happening, not the happening: "وبدعم الضربات
    الجوية استطاعت القوات … بالسيطرة على المطار" is a capture; "بدعم من غارات التحالف"."""
    j = i - 1
    if j > lo and tokens[j].folded == "من":
        j -= 1
    if j < lo or not tokens[j].is_word:
        return False
    word = bare(tokens[j].folded)
    if word.startswith("ب") and word[1:] in SUPPORT:
        return True
    return word in SUPPORT and j > lo and tokens[j - 1].folded == "تحت"


def _told_after_side(tokens: list[Tok], start: int, first: int) -> bool:
    """Whether the side phrase closed at a comma and an event word of the main clause stands
    between it and the date: "وغداة الهجوم، أقيمت صلاة الجنازة أمس" dates the funeral, not the
    attack ("منذ التوقيع، …، على الإعلان … في ديسمبر" dates the signing: no event after the comma)."""
    commas = [j for j in range(start, first) if tokens[j].text in COMMAS]
    if not commas:
        return False
    for j in range(commas[0] + 1, first):
        lemma = lemma_at(tokens, j)
        if lemma is not None and lemma.kind not in (None, "statement"):
            return True
    return False


_REPORT_REACH = 8


def _reported(tokens: list[Tok], index: int, hi: int, first: int, last: int, dates: Collection[int]) -> Lemma | None:
    """The event a statement reports, a few words after its speech verb: "أكدت المقاومة
    الشعبية أمس السيطرة على حي التواهي" → the capture; "قال المتحدث أمس إن الوزير وصل" → the
    arrival. The reach counts from the date when the date follows the speaker ("أكدت المقاومة
    الشعبية الموالية للحكومة أمس أنها بسطت سيطرتها"). None when the statement names no event,
    or when what it reports has a date of its own ("أكد المكتب في بيان السبت قصف الطيران …
    الليلة الماضية": the date is the statement's)."""
    if any(j not in range(first, last) for j in dates if index < j < hi):
        return None
    seen = 0
    for j in range(index + 1, hi):
        if first <= j < last or not tokens[j].is_word:
            continue
        if j >= last or first < index:
            seen += 1  # the speaker before the date may be long: "أعلن متحدث باسم … أمس السيطرة"
        if seen > _REPORT_REACH:
            return None
        lemma = lemma_at(tokens, j)
        if lemma is None or lemma.kind == "statement":
            continue
        if lemma.light:
            lemma = _light_kind(tokens, j, index + 1, hi) or lemma
        if lemma.kind is not None:
            return lemma
    return None


_GOVERNED_REACH = 4


# the prepositions as tokens are folded ("على" → "علي", "إلى" → "الي"): "هجوم … على تجمع"
_TARGET_PREPOSITIONS = PREPOSITIONS | frozenset(fold(w) for w in PREPOSITIONS)


def _governing_noun(tokens: list[Tok], index: int, lo: int) -> tuple[int, Lemma] | None:
    """The event noun whose target an event noun is: "هجوم سوروتش الدامي على تجمع لنشطاء" dates
    the attack, not the gathering it struck. The governed noun follows a preposition, and the
    governing one stands a few words before it."""
    if index - 1 <= lo or tokens[index - 1].folded not in _TARGET_PREPOSITIONS:
        return None
    for j in range(index - 2, max(lo, index - 2 - _GOVERNED_REACH) - 1, -1):
        if not tokens[j].is_word:
            return None
        lemma = lemma_at(tokens, j)
        if lemma is not None and not lemma.verb and lemma.kind not in (None, "statement"):
            return j, lemma
    return None


_OBJECT_REACH = 4
_PREPOSITION_LETTERS = "بل"


def _governing_verb(tokens: list[Tok], index: int, lo: int) -> tuple[int, Lemma] | None:
    """The verb an event noun is the object of ("وقع المغرب وإسرائيل مذكرة تفاهم": the signing),
    a few words before it; none when a preposition governs the noun ("الضوء على توقيع اتفاق",
    "عن اعتقال")."""
    previous = tokens[index - 1] if index > lo else None
    if previous is None or previous.folded in PREPOSITIONS or previous.folded in SIDE_OPENERS or \
            (tokens[index].folded[:1] in _PREPOSITION_LETTERS and not tokens[index].folded.startswith("ال")):
        return None
    for seen, j in enumerate(range(index - 1, lo - 1, -1)):
        tok = tokens[j]
        if not tok.is_word:
            return None
        lemma = lemma_at(tokens, j)
        if lemma is not None and lemma.verb and lemma.kind != "statement":
            return j, lemma if not lemma.light else Lemma(lemma.key, None, True, True, lemma.past)
        if tok.folded in PREPOSITIONS or tok.folded in RELATIVES:
            return None
        if seen + 1 >= _OBJECT_REACH:
            return None
    return None


def trigger_surface(tok: Tok) -> str:
    """The trigger as shown: the word without a conjunction that is a clitic ("ووصل" → "وصل",
    "وزارة" stays)."""
    text = tok.text
    if len(text) > 3 and text[0] in "وف":
        rest = text[1:]
        if fold(rest) in LEMMAS or fold(rest) in SPEECH or fold(rest).startswith("ال"):
            return rest
    return text

