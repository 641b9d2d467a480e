"""The clause a date modifies: from the last clause opening before the date to the next one
after it ("الاعتداء الانتحاري الذي استهدف أمس مدينة سوروتش" → the relative clause with its
antecedent, not the sentence's "أعلن").
"""
from __future__ import annotations

from typing import NamedTuple

from chrono.attach.tokens import Tok
from chrono.attach.words import CLAUSE_OPENERS, LEMMAS, RELATIVES, SIDE_OPENERS, SPEECH, Lemma, bare, lookup
from chrono.normalize import fold


class Clause(NamedTuple):
    """Token indexes [lo, hi) of the clause in its sentence's token list, and where its relative
    antecedent starts (`lead`, = lo when it has none)."""

    lo: int
    hi: int
    lead: int


_BREAK_PUNCT = frozenset("؛;!?؟")
COMMAS = frozenset("،,")
_ANTECEDENT_WORDS = 3
_QUOTE_MARKS = frozenset("«»\"“”")


def _speech_before(tokens: list[Tok], i: int, lo: int) -> bool:
    """A speech verb among the few words before position `i` ("قال المتحدث: …", "أكد أن")."""
    return any(lookup(t.text, SPEECH) or (lookup(t.text, LEMMAS) or Lemma("", None, False)).kind == "statement"
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
    folded, stripped = tok.folded, bare(tok.folded)
    if folded in RELATIVES or stripped in RELATIVES:
        return True
    if folded in CLAUSE_OPENERS or stripped in ("حيث", "بينما", "فيما", "عندما", "حينما"):
        return True
    if folded in _AND_FROM and i + 1 < len(tokens) and tokens[i + 1].folded in _EXPECTED:
        return True  # "… الاثنين ومن المقرر أن تنظم تظاهرة": what is planned is another clause
    after_comma = i > lo and tokens[i - 1].text in COMMAS
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (folded in SIDE_OPENERS or stripped in SIDE_OPENERS) and nxt is not None and nxt.is_word:
        lemma = lookup(nxt.text, LEMMAS)
        if nxt.folded in ("ان", "ما") or (lemma is not None and not lemma.verb):
            return True
    if folded[:1] in "وف" and len(folded) > 3:
        lemma = lookup(tok.text, LEMMAS) or lookup(tok.text, SPEECH)
        if lemma is not None and lemma.verb and _listed_verb(fold(tok.text[1:])):
            return after_comma or lemma.past
    return False


_AND_FROM = frozenset({"ومن"})  # coordinated: "الذي من المقرر أن" and "أكثر من المتوقع" open nothing
_EXPECTED = frozenset(fold(w) for w in ("المقرر", "المتوقع", "المنتظر", "المرتقب", "المفترض"))


def _listed_verb(folded: str) -> bool:
    """An event word or a speech verb as listed ("وصل", "قال")."""
    return folded in LEMMAS or folded in SPEECH


def clause_of(tokens: list[Tok], first: int, last: int) -> Clause:
    """The clause around the timex tokens [first, last): from the last clause opening before it to
    the next one after it. A relative clause takes its antecedent along ("الاعتداء الانتحاري الذي
    استهدف أمس" → lead at "الاعتداء")."""
    lo = 0
    i = first - 1
    while i >= 0:
        if tokens[i].text in _DASHES:
            i = _parenthetical_start(tokens, i) - 1  # "مقاتلون - التي تريد … - حي التواهي"
            continue
        if _opens_clause(tokens, i, 0):
            lo = i if tokens[i].is_word else i + 1
            break
        i -= 1
    hi = len(tokens)
    for i in range(last, len(tokens)):
        if _opens_clause(tokens, i, lo):
            hi = i
            break
    lead = lo
    if lo > 0 and tokens[lo].is_word and (tokens[lo].folded in RELATIVES or bare(tokens[lo].folded) in RELATIVES):
        lead = lo
        words = 0
        for i in range(lo - 1, -1, -1):
            if tokens[i].text in COMMAS and i == lo - 1:
                continue  # "بيني غانتس، الذي عاد"
            if tokens[i].text in _QUOTE_MARKS and i == lo - 1 - (tokens[lo - 1].text in COMMAS):
                opening = _quote_opening(tokens, i)
                if opening is None:
                    break
                lead, words = opening, words + 1  # a quoted name whole: "فيلم «الرحلة الأخيرة» الذي عرض"
                continue
            if i >= lead:
                continue
            if not tokens[i].is_word or _opens_clause(tokens, i, 0) or words >= _ANTECEDENT_WORDS:
                break
            lead = i
            words += 1
    return Clause(lo, hi, lead)



_DASHES = frozenset("-–—")
_NAME_WORDS = 8


def _quote_opening(tokens: list[Tok], close: int) -> int | None:
    """The quote mark that opens the name closed at `close` ("«الجبهة المغربية لدعم فلسطين»"),
    None when none stands within a name's length."""
    for j in range(close - 1, max(-1, close - 2 - _NAME_WORDS), -1):
        if tokens[j].text in _QUOTE_MARKS:
            return j
        if not tokens[j].is_word and not tokens[j].is_number:
            return None
    return None


def _parenthetical_start(tokens: list[Tok], close: int) -> int:
    """Where the aside closed by the dash at `close` opens: the dash before it ("ودخل مقاتلون من
    المقاومة - التي تريد الانفصال - حي التواهي أمس": the relative clause is an aside, the date
    belongs to "دخل"); `close` itself when no dash opens one."""
    for j in range(close - 1, -1, -1):
        if tokens[j].text in _DASHES:
            return j
    return close


def described_end(tokens: list[Tok], clause: Clause) -> int:
    """Where the clause's description ends for matching: a relative clause right after it tells
    what its last noun is ("… 22 ديسمبر الماضي، وهو الاتفاق الذي اعترفت بموجبه الولايات المتحدة
    بسيادة المغرب على الصحراء": which agreement), so its words count, though not in the label."""
    hi = clause.hi
    if hi < len(tokens) and (tokens[hi].folded in RELATIVES or bare(tokens[hi].folded) in RELATIVES):
        for i in range(hi + 1, len(tokens)):
            if _opens_clause(tokens, i, hi):
                return i
        return len(tokens)
    return hi

