"""What a clause tells besides its event word: who and where (names after titles, places after
place heads, counted numbers), who did it (the subject of the trigger verb), and the stemmed
content words the merge weighs ("الأمير فيصل بن خالد يصل إلى أبها" → فيصل، خالد، ابه).
"""
from __future__ import annotations

import sys
from collections.abc import Collection

from chrono.attach.clause import Clause
from chrono.attach.label import leading_connectives
from chrono.attach.tokens import Tok, is_date_word, is_stop, tokenize
from chrono.attach.trigger import Trigger, lemma_at
from chrono.attach.words import NAME_LINKS, PLACE_HEADS, PREPOSITIONS, TITLES, bare
from chrono.normalize import fold, stem_word


def participants_of(tokens: list[Tok], lo: int, hi: int, skip: Collection[int]) -> tuple[set[str], set[str]]:
    """(participants, places) of tokens [lo, hi): names after titles and name links ("الأمير
    فيصل بن خالد" → فيصل، خالد), after a title's office ("رئيس حزب القوات اللبنانية سمير جعجع" →
    سمير، جعجع), a month or weekday a title makes a given name ("الرئيس رمضان قاديروف": the tagger
    left it undated), places after place heads ("مدينة سوروتش", "حي التواهي") and after
    a preposition when written without the article ("إلى أبها", "بعدن" → عدن), counted numbers
    ("32 قتيلا" → "32"), words in quotes ("«درب الخير»")."""
    names: set[str] = set()
    places: set[str] = set()
    in_name = 0  # words of a person's name read so far ("المهندس وحي أمان": وحي، أمان)
    office = 0  # words of a title's office read so far ("رئيس [حزب القوات اللبنانية] سمير جعجع")
    for i in range(lo, hi):
        if i in skip:
            in_name = office = 0
            continue
        tok = tokens[i]
        previous = tokens[i - 1] if i > lo else None
        if tok.is_number and i + 1 < hi and tokens[i + 1].is_word and i + 1 not in skip:
            names.add(tok.folded)
            continue
        after_title = previous is not None and (previous.folded in TITLES or bare(previous.folded) in TITLES)
        if after_title and is_date_word(tok) and _name_like(tok):
            names.add(stem_word(tok.text))  # "الرئيس رمضان قاديروف": a given name, no date (the tagger left it)
            in_name = 1
            continue
        if not tok.is_word or is_stop(tok) or is_date_word(tok) or lemma_at(tokens, i) is not None \
                or tok.folded in PLACE_HEADS:
            in_name = office = 0
            continue
        if previous is None:
            continue
        pf = previous.folded
        if after_title and tok.folded in _OFFICES:
            office, in_name = 1, 0  # "رئيس حزب": the office, the name comes after it
            continue
        if 0 < office <= _OFFICE_WORDS and tok.folded.startswith("ال"):
            office += 1  # "حزب القوات اللبنانية"
            continue
        if office and _name_like(tok):
            names.add(stem_word(tok.text))  # "… اللبنانية سمير جعجع"
            office, in_name = 0, 1
            continue
        office = 0
        if pf in TITLES or bare(pf) in TITLES or pf in NAME_LINKS or (0 < in_name < _NAME_WORDS and _name_like(tok)):
            names.add(stem_word(tok.text))
            in_name += 1
            continue
        in_name = 0
        if pf in PLACE_HEADS or bare(pf) in PLACE_HEADS or pf[1:] in PLACE_HEADS:
            places.add(stem_word(tok.text))
        elif pf in _PLACE_PREPOSITIONS and (_name_like(tok) or not tok.text.endswith("ة")):
            names.add(stem_word(tok.text))  # "في عدن", "في الرباط": a place or not ("في تنظيم"), no clash
    return names | places, places


_PLACE_PREPOSITIONS = frozenset({"في", "الى", "الي", "قرب", "بمدينه", "داخل"})
# what a title heads before the name of who holds it: "رئيس حزب القوات اللبنانية سمير جعجع"
_OFFICES = frozenset(fold(w) for w in ("حزب", "حركة", "جمعية", "منظمة", "هيئة", "اتحاد", "مجلس", "تيار", "جبهة",
                                       "لجنة", "نادي", "شركة", "مؤسسة", "جامعة"))
_OFFICE_WORDS = 4
_NAME_WORDS = 3


def _name_like(tok: Tok) -> bool:
    """A word that may be a place's name after "في/إلى": no article, no ta marbuta or plural
    ending of a common noun ("في عدن", "إلى أبها", "في فيينا"; not "في تغريدة", "في الاجتماع")."""
    folded = tok.folded
    return not folded.startswith("ال") and not tok.text.endswith(("ة", "ات", "ين", "ون")) and len(folded) >= 3


_MAX_ACTOR_WORDS = 3


def _actor_word(tok: Tok) -> bool:
    return tok.is_word and not is_stop(tok) and not is_date_word(tok) and \
        tok.folded not in PREPOSITIONS and bare(tok.folded) not in PREPOSITIONS


def actors_of(tokens: list[Tok], clause: Clause, trigger: Trigger | None, skip: Collection[int]) -> set[str]:
    """Who did it: the subject of a trigger verb, before it ("المقاومة الشعبية تسيطر", "سلاح
    الجو التركي شن") or right after it ("وافق مجلس الأمن الدولي", "وصل الأمير فيصل"), at most
    `_MAX_ACTOR_WORDS` words, up to a preposition, a comma or another event word. An event noun
    has none: its genitive may be the doer or the done-to ("زيارة الأمير", "تحرير عدن"); nor has a
    relative clause's verb, whose doer is its antecedent."""
    if trigger is None or not trigger.lemma.verb or clause.lead < clause.lo:
        return set()  # in a relative clause the doer is the antecedent: "الهجوم الذي استهدف"
    start = leading_connectives(tokens, clause.lead, clause.hi)
    before = [i for i in range(start, trigger.at) if i not in skip]
    if before and all(_actor_word(tokens[i]) for i in before) and len(before) <= 4:
        return {stem_word(tokens[i].text) for i in before}
    found: set[str] = set()
    for i in range(trigger.at + 1, clause.hi):
        if i in skip:
            continue
        tok = tokens[i]
        if not _actor_word(tok) or lemma_at(tokens, i) is not None or \
                (tok.folded[:1] in "بل" and not tok.folded.startswith("ال") and len(found) > 0):
            break
        found.add(stem_word(tok.text))
        if len(found) >= _MAX_ACTOR_WORDS:
            break
    return found


def content_of(tokens: list[Tok], lo: int, hi: int, skip: Collection[int],
               trigger: int | None) -> list[tuple[int, str]]:
    """(position, stem) of the content words of tokens [lo, hi): no stop, reporting or date word,
    not the trigger (it counts as its lemma), not inside the timex."""
    out = []
    for i in range(lo, hi):
        tok = tokens[i]
        if i in skip or i == trigger:
            continue
        if tok.is_number:
            continue
        if not tok.is_word or is_stop(tok) or is_date_word(tok):
            continue
        lemma = lemma_at(tokens, i)
        out.append((i, "@" + lemma.key if lemma is not None and not lemma.light else stem_word(tok.text)))
    return out


_MAX_TERMS = 20


def terms_of(content: list[tuple[int, str]], first: int) -> tuple[frozenset[str], frozenset[str]]:
    """(words, lemmas): at most `_MAX_TERMS` content words, nearest to the date first (bounded per
    mention whatever the sentence's length), and the lemmas of the other event words among them
    ("قتل" in "الهجوم الذي أوقع قتيلا")."""
    ranked = sorted(content, key=lambda item: (abs(item[0] - first), item[0]))
    chosen: list[str] = []
    for _, word in ranked:
        if word not in chosen:
            chosen.append(word)
        if len(chosen) >= _MAX_TERMS:
            break
    words = frozenset(sys.intern(w) for w in chosen if w[:1] != "@")
    return words, frozenset(sys.intern(w[1:]) for w in chosen if w[:1] == "@")


def phrases_of(content: list[tuple[int, str]], words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Runs of two or more adjacent content words among `words` ("حزب العمال الكردستاني" →
    ("حزب", "عمال", "كردستان")): one name, however many words, when mentions are compared."""
    runs: list[list[str]] = []
    previous = -2
    for position, word in content:
        if word[:1] == "@" or word not in words:
            previous = -2
            continue
        if position == previous + 1 and runs:
            runs[-1].append(word)
        else:
            runs.append([word])
        previous = position
    return tuple(tuple(run) for run in runs if len(set(run)) > 1)


def event_words(text: str) -> list[str]:
    """The stemmed content words of a text, event words as their lemma ("@وقع"):
    "مع إعلان الجزائر في أغسطس قطع علاقاتها مع الرباط" → ["@اعلن", "جزاير", "@قطع", "علاق", "رباط"]."""
    tokens = tokenize(text, 0, len(text))
    return [word for _, word in content_of(tokens, 0, len(tokens), range(0), None)]

